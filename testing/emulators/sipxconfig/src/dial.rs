//! What sipXconfig makes of the `{to}` path segment of `/rest/call/{to}`.
//!
//! This mirrors `CallResource.init` as the reference page describes it: the raw segment is
//! decoded the way Java's `URLDecoder.decode(s, "UTF-8")` does (so a bare `+` becomes a space),
//! the characters `[ ] ( ) . { } -` are dropped, and what is left must fully match
//! `VALID_PHONE_OR_SIP_URI`. The quirks of the Java decoder are kept on purpose: a client that
//! gets through this module gets through the real server.

use std::fmt;

/// A `{to}` that sipXconfig would accept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dialed {
    /// The number after decoding and clean-up: what the user's phone will be connected to.
    pub number: String,
    /// The SIP URI the REFER would carry (`SipUri.fix(number, domain)`).
    pub uri: String,
}

/// Why a `{to}` was refused, and so which status the real server gives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// `URLDecoder` threw `IllegalArgumentException`, which nothing catches: the container
    /// answers 500.
    MalformedEscape(String),
    /// The decoded number is empty or does not match the pattern: `CallResource` answers 400.
    NotDialable(String),
}

impl Refusal {
    pub fn status(&self) -> u16 {
        match self {
            Refusal::MalformedEscape(_) => 500,
            Refusal::NotDialable(_) => 400,
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::MalformedEscape(why) => write!(f, "{why}"),
            Refusal::NotDialable(decoded) => {
                write!(
                    f,
                    "{decoded:?} (after decoding) is not a number or SIP user"
                )
            }
        }
    }
}

/// Checks a raw `{to}` segment and turns it into the number and URI the server would dial.
pub fn dial(raw_to: &str, domain: &str) -> Result<Dialed, Refusal> {
    let decoded = java_url_decode(raw_to).map_err(Refusal::MalformedEscape)?;
    let number: String = decoded
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | '(' | ')' | '.' | '{' | '}' | '-'))
        .collect();
    if number.is_empty() || !is_valid_phone_or_sip_uri(&number) {
        return Err(Refusal::NotDialable(decoded));
    }
    let uri = sip_uri_fix(&number, domain);
    Ok(Dialed { number, uri })
}

/// Decodes like `java.net.URLDecoder.decode(s, "UTF-8")`.
///
/// Java parses each escape's two characters with `Integer.parseInt(.., 16)`, which accepts a
/// sign: `%+5` is the byte 5 and `%-0` the byte 0, while `%-1` is refused as negative. Runs of
/// escapes are decoded together as UTF-8, with malformed sequences replaced by U+FFFD.
pub fn java_url_decode(s: &str) -> Result<String, String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '+' => {
                out.push(' ');
                i += 1;
            }
            '%' => {
                let mut bytes = Vec::new();
                while i + 2 < chars.len() && chars[i] == '%' {
                    let value = java_parse_hex_pair(chars[i + 1], chars[i + 2])?;
                    bytes.push(value);
                    i += 3;
                }
                if i < chars.len() && chars[i] == '%' {
                    return Err("URLDecoder: Incomplete trailing escape (%) pattern".to_string());
                }
                out.push_str(&String::from_utf8_lossy(&bytes));
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    Ok(out)
}

fn java_parse_hex_pair(a: char, b: char) -> Result<u8, String> {
    let illegal = || {
        format!("URLDecoder: Illegal hex characters in escape (%) pattern - For input string: \"{a}{b}\"")
    };
    let value: i32 = match (a, b.to_digit(16)) {
        ('+', Some(d)) => d as i32,
        ('-', Some(d)) => -(d as i32),
        (a, Some(d)) => match a.to_digit(16) {
            Some(h) => (h * 16 + d) as i32,
            None => return Err(illegal()),
        },
        (_, None) => return Err(illegal()),
    };
    if value < 0 {
        return Err(
            "URLDecoder: Illegal hex characters in escape (%) pattern - negative value".to_string(),
        );
    }
    Ok(value as u8)
}

/// `VALID_PHONE_OR_SIP_URI` of `CallResource`, matched against the whole string:
/// `(uric|%XX)+` or `(uric|%XX)+@\w[-._\w]*\w\.\w{2,6}`.
///
/// The dots and dashes are already gone when this runs, so the `@host.tld` form can never match
/// in practice; it is kept so the check is the real one.
pub fn is_valid_phone_or_sip_uri(s: &str) -> bool {
    let (user, host) = match s.split_once('@') {
        Some((user, host)) => (user, Some(host)),
        None => (s, None),
    };
    if !is_user_tokens(user) {
        return false;
    }
    match host {
        None => true,
        Some(host) => is_host_with_tld(host),
    }
}

fn is_user_tokens(s: &str) -> bool {
    let bytes = s.as_bytes();
    if bytes.is_empty() {
        return false;
    }
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'%' {
            let pair = bytes.get(i + 1..i + 3);
            match pair {
                Some([h, l]) if h.is_ascii_hexdigit() && l.is_ascii_hexdigit() => i += 3,
                _ => return false,
            }
        } else if b.is_ascii_alphanumeric() || b"-_.!~*'()&=+$,;?/".contains(&b) {
            i += 1;
        } else {
            return false;
        }
    }
    true
}

fn is_java_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

fn is_host_with_tld(host: &str) -> bool {
    let Some((name, tld)) = host.rsplit_once('.') else {
        return false;
    };
    let tld_ok = (2..=6).contains(&tld.chars().count()) && tld.chars().all(is_java_word);
    let name_chars: Vec<char> = name.chars().collect();
    let name_ok = name_chars.len() >= 2
        && is_java_word(name_chars[0])
        && is_java_word(name_chars[name_chars.len() - 1])
        && name_chars
            .iter()
            .all(|&c| is_java_word(c) || matches!(c, '-' | '.' | '_'));
    tld_ok && name_ok
}

/// `SipUri.fix`: something that already looks like `user@host` only gets a `sip:` prefix,
/// anything else becomes `sip:<candidate>@<domain>`.
pub fn sip_uri_fix(candidate: &str, domain: &str) -> String {
    let looks_like_uri = candidate
        .find('@')
        .is_some_and(|at| at > 0 && at + 1 < candidate.len());
    if looks_like_uri {
        let trimmed = candidate.trim();
        if trimmed.starts_with("sip:") {
            trimmed.to_string()
        } else {
            format!("sip:{trimmed}")
        }
    } else {
        format!("sip:{candidate}@{domain}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOMAIN: &str = "example.test";

    fn number(raw: &str) -> String {
        dial(raw, DOMAIN).expect(raw).number
    }

    fn status(raw: &str) -> u16 {
        dial(raw, DOMAIN).expect_err(raw).status()
    }

    #[test]
    fn reference_examples_are_accepted() {
        assert_eq!(number("*97"), "*97");
        assert_eq!(number("9.9-86(406)9[99]"), "9986406999");
        assert_eq!(number("200;user=phone"), "200;user=phone");
        assert_eq!(number("207"), "207");
    }

    #[test]
    fn to_uri_uses_the_sip_domain() {
        let dialed = dial("207", DOMAIN).unwrap();
        assert_eq!(dialed.uri, "sip:207@example.test");
        assert_eq!(dial("%2B49", DOMAIN).unwrap().uri, "sip:+49@example.test");
    }

    #[test]
    fn plus_must_be_escaped() {
        assert_eq!(number("%2B49"), "+49");
        assert_eq!(number("%2b4930"), "+4930");
        // A bare `+` is a space to URLDecoder, and a space is not dialable.
        assert_eq!(status("+49"), 400);
    }

    #[test]
    fn malformed_escapes_are_server_errors() {
        assert_eq!(status("%zz"), 500);
        assert_eq!(status("12%4"), 500);
        assert_eq!(status("12%"), 500);
        assert_eq!(status("%-1"), 500);
    }

    #[test]
    fn java_sign_quirk_in_escapes() {
        assert_eq!(java_url_decode("%+5").unwrap(), "\u{5}");
        assert_eq!(java_url_decode("%-0").unwrap(), "\u{0}");
        // Control characters decoded that way are still not dialable.
        assert_eq!(status("1%+5"), 400);
    }

    #[test]
    fn undialable_numbers_are_bad_requests() {
        assert_eq!(status("%23"), 400); // '#'
        assert_eq!(status("12%3A34"), 400); // ':'
        assert_eq!(status(""), 400);
        assert_eq!(status("-.()"), 400); // empty once cleaned up
        assert_eq!(status("12%2034"), 400); // space
        assert_eq!(status("%C3%A4"), 400); // 'ä'
        assert_eq!(status("%FF"), 400); // not UTF-8
        assert_eq!(status("207@example.com"), 400); // the dot is removed first
    }

    #[test]
    fn escapes_surviving_decoding_must_be_well_formed() {
        assert_eq!(number("12%2541"), "12%41");
        assert_eq!(status("12%25zz"), 400);
    }

    #[test]
    fn utf8_runs_decode_together() {
        assert_eq!(java_url_decode("%C3%A4x").unwrap(), "äx");
    }

    #[test]
    fn the_pattern_itself() {
        assert!(is_valid_phone_or_sip_uri("alice@examplehost.com"));
        assert!(is_valid_phone_or_sip_uri("a@b_c-d.example.org"));
        assert!(!is_valid_phone_or_sip_uri("alice@examplecom"));
        assert!(!is_valid_phone_or_sip_uri("alice@x.com"));
        assert!(!is_valid_phone_or_sip_uri("alice@host.toolongtld"));
        assert!(!is_valid_phone_or_sip_uri("@host.com"));
        assert!(is_valid_phone_or_sip_uri("-_.!~*'()&=+$,;?/aZ09%aF"));
        assert!(!is_valid_phone_or_sip_uri("%a"));
    }

    #[test]
    fn sip_uri_fix_keeps_full_uris() {
        assert_eq!(
            sip_uri_fix("bob@elsewhere.org", DOMAIN),
            "sip:bob@elsewhere.org"
        );
        assert_eq!(
            sip_uri_fix("sip:bob@elsewhere.org", DOMAIN),
            "sip:bob@elsewhere.org"
        );
        assert_eq!(sip_uri_fix("207", DOMAIN), "sip:207@example.test");
    }
}
