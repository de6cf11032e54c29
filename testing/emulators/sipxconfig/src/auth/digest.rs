//! HTTP Digest (RFC 2617, MD5, `qop="auth"`) as Spring Security's `DigestAuthenticationFilter`
//! and sipXconfig's `SipxDigestAuthenticationEntryPoint` do it.
//!
//! Nonces are stateless, in Spring's format `base64(expiry_ms ":" md5hex(expiry_ms ":" key))`,
//! so any number of connections can use them without shared bookkeeping. As in Spring, the
//! credentials are checked before the nonce's age, so `stale="true"` is only ever said to a
//! client whose password was right.

use std::collections::HashMap;

use base64::Engine;
use md5::{Digest, Md5};

use super::{Attempt, Outcome, Scheme};
use crate::config::Config;

/// The server secret that signs nonces, and how long they last.
pub struct NonceKey {
    key: String,
    validity_ms: u64,
}

impl NonceKey {
    pub fn new(validity_seconds: u64) -> NonceKey {
        let mut key = [0u8; 16];
        getrandom::fill(&mut key).expect("the OS random number generator works");
        NonceKey {
            key: hex(&key),
            validity_ms: validity_seconds.saturating_mul(1000),
        }
    }

    pub fn issue(&self, now_ms: u64) -> String {
        let expiry = now_ms + self.validity_ms;
        let signature = md5_hex(format!("{expiry}:{}", self.key).as_bytes());
        base64::engine::general_purpose::STANDARD.encode(format!("{expiry}:{signature}"))
    }

    /// The nonce's expiry time if this server issued it.
    fn expiry_of(&self, nonce: &str) -> Option<u64> {
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(nonce)
            .ok()?;
        let decoded = String::from_utf8(decoded).ok()?;
        let (expiry, signature) = decoded.split_once(':')?;
        let expected = md5_hex(format!("{expiry}:{}", self.key).as_bytes());
        if signature != expected {
            return None;
        }
        expiry.parse().ok()
    }
}

/// The `WWW-Authenticate` value of a Digest challenge, byte for byte as sipXconfig sends it.
pub fn challenge(realm: &str, nonce: &str, stale: bool) -> String {
    let mut header = format!("Digest realm=\"{realm}\", qop=\"auth\", nonce=\"{nonce}\"");
    if stale {
        header.push_str(", stale=\"true\"");
    }
    header
}

pub fn verify<'c>(
    config: &'c Config,
    nonces: &NonceKey,
    fields: &[u8],
    attempt: &Attempt<'_>,
) -> Outcome<'c> {
    let refuse = |login: Option<&String>, why| Outcome::DigestRefused {
        login: login.cloned(),
        why,
        stale: false,
    };
    let Ok(fields) = std::str::from_utf8(fields) else {
        return refuse(None, "Digest header is not UTF-8");
    };
    let params = parse_params(fields);
    let get = |name: &str| params.get(name).map(String::as_str);
    let login = params.get("username");
    let (Some(username), Some(realm), Some(nonce), Some(uri), Some(response)) = (
        get("username"),
        get("realm"),
        get("nonce"),
        get("uri"),
        get("response"),
    ) else {
        return refuse(login, "Digest header lacks a mandatory field");
    };
    let qop = get("qop");
    let (nc, cnonce) = match qop {
        None => (None, None),
        Some("auth") => match (get("nc"), get("cnonce")) {
            (Some(nc), Some(cnonce)) => (Some(nc), Some(cnonce)),
            _ => return refuse(login, "Digest qop=auth without nc and cnonce"),
        },
        Some(_) => return refuse(login, "Digest qop other than auth"),
    };
    if nc.is_some_and(|nc| nc.len() != 8 || !nc.bytes().all(|b| b.is_ascii_hexdigit())) {
        return refuse(login, "Digest nc is not 8 hex digits");
    }
    if !matches!(get("algorithm"), None | Some("MD5")) {
        return refuse(login, "Digest algorithm other than MD5");
    }
    if realm != config.realm {
        return refuse(login, "Digest realm is not this server's");
    }
    let Some(expiry) = nonces.expiry_of(nonce) else {
        return refuse(login, "Digest nonce was not issued by this server");
    };
    if uri != attempt.request_target {
        return refuse(login, "Digest uri does not match the request");
    }
    let Some(user) = config.user_by_login(username) else {
        return refuse(login, "unknown user");
    };
    let expected = response_for(
        username,
        realm,
        &user.pin,
        attempt.method,
        uri,
        nonce,
        qop.zip(nc)
            .zip(cnonce)
            .map(|((qop, nc), cnonce)| (qop, nc, cnonce)),
    );
    if expected != response {
        return refuse(login, "wrong PIN");
    }
    if expiry < attempt.now_ms {
        return Outcome::DigestRefused {
            login: login.cloned(),
            why: "Digest nonce expired",
            stale: true,
        };
    }
    Outcome::Authenticated {
        user,
        login: username.to_string(),
        scheme: Scheme::Digest,
    }
}

/// The `response` a client with the right password computes. `qop_nc_cnonce` is absent for
/// the old RFC 2069 form without `qop`.
pub fn response_for(
    username: &str,
    realm: &str,
    password: &str,
    method: &str,
    uri: &str,
    nonce: &str,
    qop_nc_cnonce: Option<(&str, &str, &str)>,
) -> String {
    let ha1 = md5_hex(format!("{username}:{realm}:{password}").as_bytes());
    let ha2 = md5_hex(format!("{method}:{uri}").as_bytes());
    match qop_nc_cnonce {
        Some((qop, nc, cnonce)) => {
            md5_hex(format!("{ha1}:{nonce}:{nc}:{cnonce}:{qop}:{ha2}").as_bytes())
        }
        None => md5_hex(format!("{ha1}:{nonce}:{ha2}").as_bytes()),
    }
}

/// Splits `k=v, k="quoted, value"` into a map; names are case-insensitive.
pub fn parse_params(s: &str) -> HashMap<String, String> {
    let mut params = HashMap::new();
    let mut rest = s;
    loop {
        rest = rest.trim_start_matches(|c: char| c == ',' || c.is_ascii_whitespace());
        if rest.is_empty() {
            break;
        }
        let name_end = rest.find(['=', ',']).unwrap_or(rest.len());
        let name = rest[..name_end].trim().to_ascii_lowercase();
        rest = &rest[name_end..];
        let Some(after_eq) = rest.strip_prefix('=') else {
            continue;
        };
        let after_eq = after_eq.trim_start();
        let value;
        if let Some(quoted) = after_eq.strip_prefix('"') {
            let mut text = String::new();
            let mut chars = quoted.char_indices();
            let mut end = quoted.len();
            while let Some((i, c)) = chars.next() {
                match c {
                    '\\' => {
                        if let Some((_, escaped)) = chars.next() {
                            text.push(escaped);
                        }
                    }
                    '"' => {
                        end = i + 1;
                        break;
                    }
                    c => text.push(c),
                }
            }
            value = text;
            rest = &quoted[end.min(quoted.len())..];
        } else {
            let end = after_eq.find(',').unwrap_or(after_eq.len());
            value = after_eq[..end].trim().to_string();
            rest = &after_eq[end..];
        }
        params.insert(name, value);
    }
    params
}

pub fn md5_hex(data: &[u8]) -> String {
    hex(&Md5::digest(data))
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc2617_example() {
        let response = response_for(
            "Mufasa",
            "testrealm@host.com",
            "Circle Of Life",
            "GET",
            "/dir/index.html",
            "dcd98b7102dd2f0e8b11d0f600bfb0c093",
            Some(("auth", "00000001", "0a4f113b")),
        );
        assert_eq!(response, "6629fae49393a05397450978507c4ef1");
    }

    #[test]
    fn parses_the_rfc2617_authorization_header() {
        let params = parse_params(
            r#"username="Mufasa", realm="testrealm@host.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", uri="/dir/index.html", qop=auth, nc=00000001, cnonce="0a4f113b", response="6629fae49393a05397450978507c4ef1", opaque="5ccc069c403ebaf9f0171e9517f40e41""#,
        );
        assert_eq!(params["username"], "Mufasa");
        assert_eq!(params["qop"], "auth");
        assert_eq!(params["nc"], "00000001");
        assert_eq!(params["uri"], "/dir/index.html");
        assert_eq!(params["opaque"], "5ccc069c403ebaf9f0171e9517f40e41");
    }

    #[test]
    fn quoted_values_may_hold_commas_and_escapes() {
        let params = parse_params(r#"username="a,\"b", realm=x"#);
        assert_eq!(params["username"], "a,\"b");
        assert_eq!(params["realm"], "x");
    }

    #[test]
    fn nonces_carry_a_signed_expiry() {
        let key = NonceKey::new(300);
        let nonce = key.issue(1_000);
        assert_eq!(key.expiry_of(&nonce), Some(301_000));
        assert_eq!(
            NonceKey::new(300).expiry_of(&nonce),
            None,
            "another server's nonce"
        );
        assert_eq!(key.expiry_of("bm9uc2Vuc2U="), None);
    }

    #[test]
    fn challenge_shape() {
        assert_eq!(
            challenge("example.test", "abc", false),
            r#"Digest realm="example.test", qop="auth", nonce="abc""#
        );
        assert!(challenge("r", "n", true).ends_with(r#", stale="true""#));
    }

    mod verification {
        use super::super::*;
        use crate::auth::{authenticate, Attempt, Outcome};
        use crate::config::Config;

        fn config() -> Config {
            Config::parse(
                "realm = \"example.test\"\ndomain = \"example.test\"\n[[user]]\nname = \"206\"\npin = \"0000\"\naliases = [\"alice\"]\n",
            )
            .unwrap()
        }

        fn header(login: &str, pin: &str, nonce: &str, uri: &str, nc: &str) -> String {
            let response = response_for(
                login,
                "example.test",
                pin,
                "PUT",
                uri,
                nonce,
                Some(("auth", nc, "c0ffee")),
            );
            format!(
                "Digest username=\"{login}\", realm=\"example.test\", nonce=\"{nonce}\", uri=\"{uri}\", qop=auth, nc={nc}, cnonce=\"c0ffee\", response=\"{response}\", algorithm=MD5"
            )
        }

        fn check<'c>(config: &'c Config, key: &NonceKey, header: &str, now_ms: u64) -> Outcome<'c> {
            authenticate(
                config,
                key,
                &Attempt {
                    authorization: Some(header.as_bytes()),
                    method: "PUT",
                    request_target: "/sipxconfig/rest/call/207",
                    now_ms,
                },
            )
        }

        #[test]
        fn right_and_wrong_credentials() {
            let config = config();
            let key = NonceKey::new(300);
            let nonce = key.issue(0);
            let uri = "/sipxconfig/rest/call/207";
            match check(
                &config,
                &key,
                &header("alice", "0000", &nonce, uri, "00000001"),
                1,
            ) {
                Outcome::Authenticated {
                    user,
                    login,
                    scheme,
                } => {
                    assert_eq!(user.name, "206");
                    assert_eq!(login, "alice");
                    assert_eq!(scheme, Scheme::Digest);
                }
                other => panic!("{other:?}"),
            }
            let wrong = header("206", "0001", &nonce, uri, "00000001");
            assert!(matches!(
                check(&config, &key, &wrong, 1),
                Outcome::DigestRefused { stale: false, .. }
            ));
            let other_uri = header(
                "206",
                "0000",
                &nonce,
                "/sipxconfig/rest/call/208",
                "00000001",
            );
            assert!(matches!(
                check(&config, &key, &other_uri, 1),
                Outcome::DigestRefused { stale: false, .. }
            ));
            let bad_nc = header("206", "0000", &nonce, uri, "1");
            assert!(matches!(
                check(&config, &key, &bad_nc, 1),
                Outcome::DigestRefused { .. }
            ));
        }

        #[test]
        fn expired_nonce_with_right_pin_is_stale() {
            let config = config();
            let key = NonceKey::new(1);
            let nonce = key.issue(0);
            let uri = "/sipxconfig/rest/call/207";
            let right = header("206", "0000", &nonce, uri, "00000002");
            assert!(matches!(
                check(&config, &key, &right, 5_000),
                Outcome::DigestRefused { stale: true, .. }
            ));
            let wrong = header("206", "9999", &nonce, uri, "00000002");
            assert!(matches!(
                check(&config, &key, &wrong, 5_000),
                Outcome::DigestRefused { stale: false, .. }
            ));
        }

        #[test]
        fn lower_case_scheme_is_no_credentials() {
            let config = config();
            let key = NonceKey::new(300);
            assert!(matches!(
                check(&config, &key, "basic MjA2OjAwMDA=", 0),
                Outcome::Missing
            ));
            assert!(matches!(
                check(&config, &key, "Basic MjA2OjAwMDA=", 0),
                Outcome::Authenticated {
                    scheme: Scheme::Basic,
                    ..
                }
            ));
            assert!(matches!(
                check(&config, &key, "Basic MjA2OjAwMDE=", 0),
                Outcome::BasicRefused { .. }
            ));
        }
    }
}
