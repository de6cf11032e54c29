//! The WebAccess login password, opened the way WebAccess stored it in `$_SESSION["password"]`.
//!
//! Where sipXecs and Zarafa authenticate against the same LDAP, the login password is the PBX
//! password, and WebAccess keeps it in the session in one of these forms:
//!
//! * WebAccess 7.1.11 and later, with OpenSSL: `openssl_encrypt($password, "des-ede3-cbc",
//!   PASSWORD_KEY, 0, PASSWORD_IV)`: base64 of 3DES-CBC with PKCS#7 padding. OpenSSL pads a
//!   short key with NUL bytes to 24. On PHP before 5.3.3 there was no IV: an all-zero one.
//! * With only mcrypt: `base64_encode(mcrypt_encrypt(MCRYPT_TRIPLEDES, ...))`: the same cipher
//!   with zero padding.
//! * Earlier versions, or neither library: the password itself.
//!
//! The password is Windows-1252 either way (WebAccess converts it before storing), and comes
//! out as UTF-8.
//!
//! The form is decided like this: an empty key means WebAccess had none, so the text is the
//! password; an empty IV means the all-zero IV of old PHP. Otherwise the text is opened as
//! OpenSSL stored it, then as mcrypt did, and is taken as the password itself only when it
//! cannot be a ciphertext at all. A PKCS#7-padded plaintext can never pass as zero-padded or
//! the other way round, because their last bytes differ. Zero padding accepts almost anything,
//! so what comes out must also look typed: no control characters, and printable ASCII where
//! mcrypt added no padding at all. A wrong key then gives an error instead of a garbage
//! password (false acceptance well under 1%), and the administrator learns what to fix.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use cbc::cipher::block_padding::NoPadding;
use cbc::cipher::{BlockDecryptMut, KeyIvInit};
use des::TdesEde3;
use zeroize::Zeroizing;

use super::windows1252;
use crate::error::{quoted, Error, ErrorKind, Result};
use crate::secret::Secret;

const BLOCK: usize = 8;
const KEY_BYTES: usize = 24;
/// Far more than any login form's password, base64-encoded and encrypted.
const MAX_STORED_BYTES: usize = 4096;

/// How WebAccess stored the password.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionPasswordForm {
    /// Find out from the text (see the module docs for the rules and their limit).
    Detect,
    /// `openssl_encrypt(..., "des-ede3-cbc", ...)`: PKCS#7 padding.
    OpenSsl,
    /// `mcrypt_encrypt(MCRYPT_TRIPLEDES, ...)`: zero padding.
    Mcrypt,
    /// The password itself.
    Plain,
}

impl SessionPasswordForm {
    /// Reads the name a PHP caller gives (`openssl`, `mcrypt`, `plain`; empty: detect).
    pub fn parse(name: &str) -> Result<SessionPasswordForm> {
        match name.trim().to_ascii_lowercase().as_str() {
            "" | "detect" => Ok(SessionPasswordForm::Detect),
            "openssl" => Ok(SessionPasswordForm::OpenSsl),
            "mcrypt" => Ok(SessionPasswordForm::Mcrypt),
            "plain" => Ok(SessionPasswordForm::Plain),
            other => Err(Error::new(
                ErrorKind::Credential,
                format!(
                    "the method {} is unknown: use openssl, mcrypt, plain or null",
                    quoted(other)
                ),
            )),
        }
    }
}

/// The login password from the session's stored text.
pub fn decrypt_session_password(
    stored: &[u8],
    key: &[u8],
    iv: &[u8],
    form: SessionPasswordForm,
) -> Result<Secret> {
    if stored.is_empty() {
        return Err(Error::new(
            ErrorKind::Credential,
            "the session holds no password (single sign-on logins leave it empty): use \
             click2dial.credentials = stored, so that users enter their PBX PIN once",
        ));
    }
    if stored.len() > MAX_STORED_BYTES {
        return Err(Error::new(
            ErrorKind::Credential,
            format!(
                "the session password is longer than the {MAX_STORED_BYTES} bytes WebAccess ever \
                 stores: pass $_SESSION[\"password\"] as it is"
            ),
        ));
    }
    let detect = form == SessionPasswordForm::Detect;
    if form == SessionPasswordForm::Plain || (detect && key.is_empty()) {
        return Ok(windows1252::decode(stored));
    }
    let Some(ciphertext) = decode_ciphertext(stored) else {
        if detect {
            // Not a ciphertext: WebAccess had no cipher library and stored the password itself.
            return Ok(windows1252::decode(stored));
        }
        return Err(unopenable(form));
    };
    let key = padded::<KEY_BYTES>(key);
    let iv = padded::<BLOCK>(iv);
    let mut plain = Zeroizing::new(ciphertext.to_vec());
    cbc::Decryptor::<TdesEde3>::new(key.as_ref().into(), iv.as_ref().into())
        .decrypt_padded_mut::<NoPadding>(&mut plain)
        .map_err(|_| unopenable(form))?;
    if form != SessionPasswordForm::Mcrypt {
        if let Some(length) = pkcs7_length(&plain) {
            if is_typed_text(&plain[..length]) {
                return Ok(windows1252::decode(&plain[..length]));
            }
        }
    }
    if form != SessionPasswordForm::OpenSsl {
        let length = zero_padded_length(&plain);
        let text = &plain[..length];
        // Without padding nothing tells a password from random bytes; when detecting, only
        // printable ASCII is believed there.
        let believable = form == SessionPasswordForm::Mcrypt
            || length < plain.len()
            || text.iter().all(u8::is_ascii);
        if length > 0 && is_typed_text(text) && believable {
            return Ok(windows1252::decode(text));
        }
    }
    Err(unopenable(form))
}

/// The decoded bytes, when the text can be a ciphertext: base64 of whole 8-byte blocks.
fn decode_ciphertext(stored: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
    let decoded = Zeroizing::new(STANDARD.decode(stored).ok()?);
    (!decoded.is_empty() && decoded.len() % BLOCK == 0).then_some(decoded)
}

/// A key or IV as OpenSSL uses it: cut to size, or padded with NUL bytes.
fn padded<const N: usize>(bytes: &[u8]) -> Zeroizing<[u8; N]> {
    let mut out = Zeroizing::new([0u8; N]);
    let used = bytes.len().min(N);
    out[..used].copy_from_slice(&bytes[..used]);
    out
}

/// The length of the plaintext under valid PKCS#7 padding.
fn pkcs7_length(plain: &[u8]) -> Option<usize> {
    let pad = usize::from(*plain.last()?);
    if pad == 0 || pad > BLOCK || pad > plain.len() {
        return None;
    }
    let (text, padding) = plain.split_at(plain.len() - pad);
    padding
        .iter()
        .all(|&b| usize::from(b) == pad)
        .then_some(text.len())
}

/// Whether bytes can be a password typed into the login form: no control characters. A wrong key
/// or IV yields random bytes, which this refuses most of the time.
fn is_typed_text(bytes: &[u8]) -> bool {
    bytes.iter().all(|&b| b >= 0x20 && b != 0x7f)
}

/// The length of the plaintext under zero padding (mcrypt's).
fn zero_padded_length(plain: &[u8]) -> usize {
    plain
        .iter()
        .rposition(|&b| b != 0)
        .map_or(0, |last| last + 1)
}

fn unopenable(form: SessionPasswordForm) -> Error {
    let hint = match form {
        SessionPasswordForm::Detect => {
            "; if WebAccess stored it with mcrypt (PHP without OpenSSL), pass 'mcrypt' as the \
             method"
        }
        _ => "",
    };
    Error::new(
        ErrorKind::Credential,
        format!(
            "the session password cannot be opened with the key and IV given: pass WebAccess' \
             PASSWORD_KEY and PASSWORD_IV from its config.php{hint}"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    // WebAccess' defaults in config.php.dist.
    const KEY: &[u8] = b"a75356b0d1b81b7";
    const IV: &[u8] = b"b3f5a483";

    /// Made with PHP 8.2's openssl_encrypt (see testing/php/extension/credentials-session.phpt, which makes
    /// them afresh): (password in Windows-1252, OpenSSL form, zero-IV form, mcrypt form).
    const VECTORS: [(&[u8], &str, &str, &str); 5] = [
        (b"secret", "0squMXlLN5Q=", "NL6OdvlIqIU=", "XGgPLCOlPlo="),
        (
            b"p\xe4ssw\xf6rd",
            "Ieg3sYda4BFg/T4lMqP3Mw==",
            "/4NPDoMMMzL+LJ3VffWOOw==",
            "Ieg3sYda4BE=",
        ),
        (
            b"\x80uro-Preis",
            "eurw4dgKx7uRFzvfK9zE0Q==",
            "sB3YSKI5rYJRxRHpnP2e9w==",
            "eurw4dgKx7vFQOt8/LrZ3Q==",
        ),
        (
            b"exactly8",
            "dKJ9sVna6e9wwTLsyo6r8w==",
            "SQBSSdoiM3yIKjKFVEv1gw==",
            "dKJ9sVna6e8=",
        ),
        (
            b"sixteen-chars-pw",
            "GDtLZemMHqLIsGR64c/s238XHpgAVKx5",
            "ruBqGxTmigTqDWK+fEdbJ/WqqAo6XkjS",
            "GDtLZemMHqLIsGR64c/s2w==",
        ),
    ];

    use SessionPasswordForm::{Detect, Mcrypt, OpenSsl, Plain};

    fn open_as(stored: &str, key: &[u8], iv: &[u8], form: SessionPasswordForm) -> Result<String> {
        decrypt_session_password(stored.as_bytes(), key, iv, form).map(|s| s.expose().to_owned())
    }

    fn open(stored: &str, key: &[u8], iv: &[u8]) -> String {
        open_as(stored, key, iv, Detect).unwrap()
    }

    #[test]
    fn every_stored_form_opens_to_the_utf8_password() {
        for (password, openssl, zero_iv, mcrypt) in VECTORS {
            let expected = windows1252::decode(password).expose().to_owned();
            assert_eq!(
                open(openssl, KEY, IV),
                expected,
                "OpenSSL form of {expected}"
            );
            assert_eq!(open_as(openssl, KEY, IV, OpenSsl).unwrap(), expected);
            assert_eq!(
                open(zero_iv, KEY, b""),
                expected,
                "zero-IV form of {expected}"
            );
            assert_eq!(
                open_as(mcrypt, KEY, IV, Mcrypt).unwrap(),
                expected,
                "mcrypt form"
            );
        }
        assert_eq!(open("Ieg3sYda4BFg/T4lMqP3Mw==", KEY, IV), "pässwörd");
        assert_eq!(open("eurw4dgKx7uRFzvfK9zE0Q==", KEY, IV), "€uro-Preis");
    }

    #[test]
    fn detection_finds_mcrypt_where_padding_or_ascii_vouches_for_it() {
        assert_eq!(open("XGgPLCOlPlo=", KEY, IV), "secret", "zero padding");
        assert_eq!(
            open("GDtLZemMHqLIsGR64c/s2w==", KEY, IV),
            "sixteen-chars-pw",
            "no padding, ASCII"
        );
        // Eight non-ASCII bytes and no padding: indistinguishable from noise, so it says how.
        let err = open_as("Ieg3sYda4BE=", KEY, IV, Detect).unwrap_err();
        assert!(
            err.message().contains("pass 'mcrypt' as the method"),
            "{err}"
        );
    }

    #[test]
    fn an_explicit_form_is_held_to() {
        assert!(
            open_as("0squMXlLN5Q=", KEY, IV, Mcrypt).is_err(),
            "PKCS#7 is not zero padding"
        );
        assert!(
            open_as("XGgPLCOlPlo=", KEY, IV, OpenSsl).is_err(),
            "zero padding is not PKCS#7"
        );
        assert_eq!(
            open_as("0squMXlLN5Q=", KEY, IV, Plain).unwrap(),
            "0squMXlLN5Q="
        );
        assert!(open_as("plain text!", KEY, IV, OpenSsl).is_err());
        assert!(SessionPasswordForm::parse("rot13")
            .unwrap_err()
            .message()
            .contains("\"rot13\""));
    }

    #[test]
    fn without_a_key_the_text_is_the_password() {
        assert_eq!(
            open("p\u{e4}ss", b"", IV),
            "pÃ¤ss",
            "stored as Windows-1252 bytes"
        );
        let stored = decrypt_session_password(b"p\xe4ss", b"", IV, Detect).unwrap();
        assert_eq!(stored.expose(), "päss");
        // With a key, but text that cannot be a ciphertext (WebAccess without a cipher library).
        assert_eq!(open("plain text!", KEY, IV), "plain text!");
    }

    #[test]
    fn the_wrong_key_is_a_credential_error_without_the_password() {
        let err = open_as("Ieg3sYda4BFg/T4lMqP3Mw==", b"another key", IV, Detect).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Credential);
        assert!(err.message().contains("PASSWORD_KEY"), "{err}");
        let err = open_as("", KEY, IV, Detect).unwrap_err();
        assert!(err.message().contains("single sign-on"), "{err}");
    }
}
