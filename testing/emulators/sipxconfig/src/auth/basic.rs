//! HTTP Basic credentials (RFC 7617) as Spring Security reads them: base64 of UTF-8
//! `login:password`, split at the first colon.

use base64::Engine;

/// Decodes the token after `Basic ` into login and password.
pub fn decode(token: &[u8]) -> Result<(String, String), &'static str> {
    let token = trim_ascii(token);
    let raw = base64::engine::general_purpose::STANDARD
        .decode(token)
        .map_err(|_| "credentials are not valid base64")?;
    // Java's `new String(bytes, "UTF-8")` replaces malformed sequences rather than failing, so
    // non-UTF-8 credentials simply do not match any PIN.
    let text = String::from_utf8_lossy(&raw);
    let (login, password) = text
        .split_once(':')
        .ok_or("credentials have no colon between user and password")?;
    Ok((login.to_string(), password.to_string()))
}

fn trim_ascii(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(start, |e| e + 1);
    &bytes[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(s: &[u8]) -> Vec<u8> {
        base64::engine::general_purpose::STANDARD
            .encode(s)
            .into_bytes()
    }

    #[test]
    fn thesis_example() {
        assert_eq!(
            decode(b"MjA2OjAwMDA=").unwrap(),
            ("206".into(), "0000".into())
        );
    }

    #[test]
    fn password_may_contain_colons() {
        let token = encode("204:with space and :colon".as_bytes());
        assert_eq!(decode(&token).unwrap().1, "with space and :colon");
    }

    #[test]
    fn utf8_credentials() {
        let token = encode("208:pässwörd".as_bytes());
        assert_eq!(decode(&token).unwrap(), ("208".into(), "pässwörd".into()));
        // ISO-8859-1 bytes of the same PIN are not the same password.
        let latin1 = encode(b"208:p\xe4ssw\xf6rd");
        assert_ne!(decode(&latin1).unwrap().1, "pässwörd");
    }

    #[test]
    fn malformed_tokens() {
        assert!(decode(b"!!!").is_err());
        assert!(decode(&encode(b"no-colon")).is_err());
        assert_eq!(
            decode(&encode(b":")).unwrap(),
            (String::new(), String::new())
        );
    }
}
