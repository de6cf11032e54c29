//! The part of resip's `Uri` parser that shows on the wire (reference §2): a translation must
//! parse as a URI, the parser is lenient, and the parsed URI is printed back re-escaped
//! (`sip:a b@127.0.0.1` is shown as `sip:a%20b@127.0.0.1`).
//!
//! Knowingly simpler: the only refusal is the one the reference captured, a `%` not followed
//! by two hex digits, with the exception text as captured. Everything else is accepted.

/// Where resip's parser reports the bad escape; part of the captured exception text.
const PARSE_BUFFER_LINE: &str = "rutil/ParseBuffer.cxx:635";

/// The URI as the real server prints it, or the exception text it words a refusal with.
pub fn parse(translated: &str) -> Result<String, String> {
    if let Some(position) = bad_escape(translated) {
        return Err(illegal_escaping(translated, position));
    }
    Ok(printed(translated))
}

/// Index of the first `%` without two hex digits after it.
fn bad_escape(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    (0..bytes.len()).find(|&i| {
        bytes[i] == b'%'
            && !(bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
    })
}

/// The captured text: the context line is the URI, and the caret stands under the character
/// after the bad escape (column 7 for `sip:%zz@127.0.0.1`).
fn illegal_escaping(translated: &str, position: usize) -> String {
    let caret = " ".repeat(position + 3);
    format!(
        "ParseException {PARSE_BUFFER_LINE}, Parse failed Illegal escaping, not hex in context: \n\
         {translated}\n{caret}^\n @ {PARSE_BUFFER_LINE}"
    )
}

/// The user part re-escaped as resip prints it. Only the space is handled: the one
/// character the reference shows being escaped.
fn printed(translated: &str) -> String {
    match translated.split_once('@') {
        Some((user, host)) => format!("{}@{host}", user.replace(' ', "%20")),
        None => translated.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captured_bad_escape() {
        assert_eq!(
            parse("sip:%zz@127.0.0.1").unwrap_err(),
            "ParseException rutil/ParseBuffer.cxx:635, Parse failed Illegal escaping, not hex in context: \nsip:%zz@127.0.0.1\n       ^\n @ rutil/ParseBuffer.cxx:635"
        );
    }

    #[test]
    fn lenient_and_reescaped() {
        assert_eq!(parse("sip:a b@127.0.0.1").unwrap(), "sip:a%20b@127.0.0.1");
        assert_eq!(
            parse("sip:2101@127.0.0.1:57421").unwrap(),
            "sip:2101@127.0.0.1:57421"
        );
        assert_eq!(parse("sip:%41@h").unwrap(), "sip:%41@h");
        assert!(parse("sip:%4@h").is_err());
    }
}
