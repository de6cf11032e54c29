//! Windows-1252 to UTF-8, for what WebAccess stores in the session.
//!
//! Windows-1252 is Latin-1 except for 0x80–0x9F, where it has typographic characters (€, “, ”,
//! …). Five of those bytes are unassigned; like browsers (WHATWG), they map to the C1 control of
//! the same number. The output is a [`Secret`] because what is decoded here is a password.

use crate::secret::Secret;

/// The characters of 0x80–0x9F.
const HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// Decodes Windows-1252 bytes.
pub fn decode(bytes: &[u8]) -> Secret {
    let mut text = String::with_capacity(bytes.len() * 2);
    for &byte in bytes {
        text.push(match byte {
            0x80..=0x9f => HIGH[usize::from(byte - 0x80)],
            _ => char::from(byte),
        });
    }
    Secret::new(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_and_the_windows_range_decode() {
        assert_eq!(decode(b"p\xe4ssw\xf6rd").expose(), "pässwörd");
        assert_eq!(decode(b"\x80 \x93q\x94 \x85").expose(), "€ “q” …");
        assert_eq!(decode(b"\x81\x9d").expose(), "\u{81}\u{9d}");
        assert_eq!(decode(b"ascii").expose(), "ascii");
    }
}
