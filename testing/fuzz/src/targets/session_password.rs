//! Session passwords: any stored text, key and IV either open or give an error, never a panic;
//! and a password stored the way WebAccess stores it always opens to itself.
//!
//! The input is split at its first two 0xFF bytes into stored text, key and IV (missing parts
//! are WebAccess' defaults), and its first byte picks the form the caller names.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use cbc::cipher::block_padding::Pkcs7;
use cbc::cipher::{BlockEncryptMut, KeyIvInit};
use click2dial_core::credentials::{decrypt_session_password, SessionPasswordForm};
use des::TdesEde3;

const KEY: &[u8] = b"a75356b0d1b81b7";
const IV: &[u8] = b"b3f5a483";
const FORMS: [SessionPasswordForm; 4] = [
    SessionPasswordForm::Detect,
    SessionPasswordForm::OpenSsl,
    SessionPasswordForm::Mcrypt,
    SessionPasswordForm::Plain,
];

pub fn check(data: &[u8]) {
    let form = FORMS[usize::from(data.first().copied().unwrap_or(0)) % FORMS.len()];
    let mut parts = data.splitn(3, |&b| b == 0xff);
    let stored = parts.next().unwrap_or_default();
    let key = parts.next().unwrap_or(KEY);
    let iv = parts.next().unwrap_or(IV);
    let _ = decrypt_session_password(stored, key, iv, form);

    // Stored as WebAccess 7.1.11+ does, any password typed at a login form opens to itself.
    let typed: Vec<u8> = data
        .iter()
        .copied()
        .filter(|&b| b >= 0x20 && b != 0x7f)
        .take(64)
        .collect();
    if typed.is_empty() {
        return;
    }
    let mut key24 = [0u8; 24];
    key24[..KEY.len()].copy_from_slice(KEY);
    let ciphertext = cbc::Encryptor::<TdesEde3>::new(&key24.into(), IV.into())
        .encrypt_padded_vec_mut::<Pkcs7>(&typed);
    let stored = STANDARD.encode(ciphertext);
    for form in [SessionPasswordForm::Detect, SessionPasswordForm::OpenSsl] {
        let opened = decrypt_session_password(stored.as_bytes(), KEY, IV, form)
            .unwrap_or_else(|err| panic!("{typed:?} stored by OpenSSL does not open: {err}"));
        let expected: String = typed.iter().map(|&b| windows1252(b)).collect();
        assert_eq!(opened.expose(), expected, "{typed:?}");
    }
}

/// Windows-1252, written out independently of the core's table.
fn windows1252(byte: u8) -> char {
    const HIGH: &str = "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8d}Ž\u{8f}\u{90}‘’“”•–—˜™š›œ\u{9d}žŸ";
    match byte {
        0x80..=0x9f => HIGH.chars().nth(usize::from(byte - 0x80)).unwrap(),
        _ => char::from(byte),
    }
}
