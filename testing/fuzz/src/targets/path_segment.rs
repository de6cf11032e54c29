//! URL-segment encoding: the number goes into the request path as one segment, so the segment
//! must hold nothing that ends or splits a path (`/`, `?`, `#`), no space or control byte, no
//! `%` that is not an escape, and must decode, as sipXconfig's Java `URLDecoder` decodes it,
//! back to exactly the dial string (a bare `+` there would become a space).
//!
//! Dial strings come from cleaning the input and from the dial plans of the normalize_number
//! target (whose translate rules rewrite numbers), so both ways into a request are covered.

use click2dial_core::DialString;

use super::normalize_number::plans;

pub fn check(data: &[u8]) {
    let input = String::from_utf8_lossy(data);
    if let Ok(dial) = DialString::clean(&input) {
        assert_segment(&input, &dial);
    }
    for plan in plans() {
        if let Ok(normalized) = plan.normalize(&input) {
            assert_segment(&input, &normalized.dial);
        }
    }
}

fn assert_segment(input: &str, dial: &DialString) {
    let segment = dial.path_segment();
    let bytes = segment.as_bytes();
    for (at, &b) in bytes.iter().enumerate() {
        assert!(
            b.is_ascii_graphic() && !b"/?#\\".contains(&b),
            "{input:?}: segment {segment:?} holds {b:#04x}"
        );
        if b == b'%' {
            let escape = bytes.get(at + 1..at + 3);
            assert!(
                escape.is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit)),
                "{input:?}: segment {segment:?} has a '%' that is not an escape"
            );
        }
    }
    assert_eq!(
        java_url_decode(&segment).as_deref(),
        Some(dial.as_str()),
        "{input:?}: segment {segment:?} does not decode to the dial string"
    );
}

/// `java.net.URLDecoder.decode(s, "UTF-8")`: `+` is a space, `%XX` a byte, the bytes UTF-8.
/// `None` where Java would throw (a broken escape).
fn java_url_decode(segment: &str) -> Option<String> {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'+' => {
                out.push(b' ');
                at += 1;
            }
            b'%' => {
                let hex = std::str::from_utf8(bytes.get(at + 1..at + 3)?).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                at += 3;
            }
            b => {
                out.push(b);
                at += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}
