//! Sealed PBX PINs: AES-256-GCM tokens bound to one login.
//!
//! A token is `c2d1.<key id>.<payload>`, where the payload is URL-safe base64 (no padding) of a
//! fresh random 96-bit nonce, the ciphertext and the 128-bit tag. The version, the key id and the
//! login (lower-cased, as logins match) are the associated data, so a token opens only under the
//! key it names and only for the user it was sealed for: copied into another user's file, it
//! is refused. Any change to a token, one byte anywhere, makes the tag fail; nothing of the secret
//! is returned then, and the buffer the secret was opened into is wiped.

use aes_gcm::aead::AeadInPlace;
use aes_gcm::{Nonce, Tag};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use zeroize::Zeroizing;

use super::keys::KeyRing;
use crate::error::{quoted, Error, ErrorKind, Result};
use crate::secret::Secret;

/// The format version every token starts with.
pub const VERSION: &str = "c2d1";
const NONCE_BYTES: usize = 12;
const TAG_BYTES: usize = 16;
/// The longest secret a token holds; PINs and passwords are far shorter.
pub const MAX_SECRET_BYTES: usize = 1024;

/// Seals `secret` for `login` with the newest key.
pub fn seal(ring: &KeyRing, secret: &str, login: &str) -> Result<String> {
    check_login(login)?;
    if secret.is_empty() || secret.len() > MAX_SECRET_BYTES {
        return Err(Error::new(
            ErrorKind::Credential,
            format!("a PBX PIN must be 1 to {MAX_SECRET_BYTES} bytes long"),
        ));
    }
    let key = ring.newest();
    let mut nonce = [0u8; NONCE_BYTES];
    getrandom::getrandom(&mut nonce).map_err(|err| {
        Error::new(
            ErrorKind::Credential,
            format!("the system's random source failed ({err})"),
        )
    })?;
    let mut buffer = Zeroizing::new(Vec::with_capacity(NONCE_BYTES + secret.len() + TAG_BYTES));
    buffer.extend_from_slice(secret.as_bytes());
    let tag = key
        .cipher
        .encrypt_in_place_detached(
            Nonce::from_slice(&nonce),
            &associated_data(&key.id, login),
            &mut buffer,
        )
        .map_err(|_| Error::new(ErrorKind::Credential, "the PIN could not be sealed"))?;
    let mut payload = Vec::with_capacity(NONCE_BYTES + buffer.len() + TAG_BYTES);
    payload.extend_from_slice(&nonce);
    payload.extend_from_slice(&buffer);
    payload.extend_from_slice(&tag);
    Ok(format!(
        "{VERSION}.{}.{}",
        key.id,
        URL_SAFE_NO_PAD.encode(payload)
    ))
}

/// Opens a token sealed for `login`.
pub fn open(ring: &KeyRing, token: &str, login: &str) -> Result<Secret> {
    check_login(login)?;
    let token = token.trim();
    let mut parts = token.splitn(3, '.');
    let (version, key_id, payload) = match (parts.next(), parts.next(), parts.next()) {
        (Some(version), Some(key_id), Some(payload)) => (version, key_id, payload),
        _ => {
            return Err(refused(
                "it is not a click2dial token (c2d1.<key>.<data>): seal the PIN with \
                 encryptCredential()",
            ))
        }
    };
    if version != VERSION {
        return Err(refused(&format!(
            "it has the format {}, and this click2dial reads {VERSION}",
            quoted(version)
        )));
    }
    let Some(key) = ring.find(key_id) else {
        return Err(refused(&format!(
            "it was sealed with the key {}, which is not in click2dial.key_file: restore that \
             key, or let the user enter the PIN again",
            quoted(key_id)
        )));
    };
    let payload = URL_SAFE_NO_PAD.decode(payload).map_err(|_| damaged())?;
    if payload.len() < NONCE_BYTES + 1 + TAG_BYTES
        || payload.len() > NONCE_BYTES + MAX_SECRET_BYTES + TAG_BYTES
    {
        return Err(damaged());
    }
    let (nonce, rest) = payload.split_at(NONCE_BYTES);
    let (ciphertext, tag) = rest.split_at(rest.len() - TAG_BYTES);
    let mut plain = Zeroizing::new(ciphertext.to_vec());
    key.cipher
        .decrypt_in_place_detached(
            Nonce::from_slice(nonce),
            &associated_data(&key.id, login),
            &mut plain,
            Tag::from_slice(tag),
        )
        .map_err(|_| {
            refused(&format!(
                "it does not open for the login {}: it was sealed for another user, or it was \
                 altered; let the user enter the PIN again",
                quoted(login)
            ))
        })?;
    let text = String::from_utf8(std::mem::take(&mut *plain)).map_err(|err| {
        // Wipe the bytes that came back inside the error before refusing.
        drop(Zeroizing::new(err.into_bytes()));
        damaged()
    })?;
    Ok(Secret::new(text))
}

fn associated_data(key_id: &str, login: &str) -> Vec<u8> {
    format!("{VERSION}\0{key_id}\0{}", login.to_lowercase()).into_bytes()
}

pub(super) fn check_login(login: &str) -> Result<()> {
    if login.is_empty() {
        return Err(Error::new(
            ErrorKind::Credential,
            "no login was given: a sealed PIN is bound to the login of its user",
        ));
    }
    Ok(())
}

fn refused(why: &str) -> Error {
    Error::new(
        ErrorKind::Credential,
        format!("the stored PBX PIN cannot be used: {why}"),
    )
}

fn damaged() -> Error {
    refused("the token is damaged or cut short; let the user enter the PIN again")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credentials::keys::generate_key;
    use std::path::Path;

    fn ring(lines: &[&Secret]) -> KeyRing {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keys");
        let text: String = lines
            .iter()
            .map(|key| format!("{}\n", key.expose()))
            .collect();
        std::fs::write(&path, &text).unwrap();
        std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o600))
            .unwrap();
        KeyRing::parse(Path::new(&path), text.as_bytes()).unwrap()
    }

    fn refusal(ring: &KeyRing, token: &str, login: &str) -> String {
        let err = open(ring, token, login).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Credential);
        err.message().to_owned()
    }

    #[test]
    fn a_sealed_pin_opens_for_its_user_only() {
        let ring = ring(&[&generate_key().unwrap()]);
        let token = seal(&ring, "4711 ä", "Alice").unwrap();
        assert!(token.starts_with("c2d1."));
        assert!(!token.contains("4711"));
        assert_eq!(open(&ring, &token, "alice").unwrap().expose(), "4711 ä");
        assert!(refusal(&ring, &token, "bob").contains("sealed for another user"));
        assert_ne!(
            seal(&ring, "4711 ä", "alice").unwrap(),
            token,
            "a fresh nonce each time"
        );
    }

    #[test]
    fn old_keys_still_open_after_rotation_and_new_tokens_use_the_newest() {
        let (old, new) = (generate_key().unwrap(), generate_key().unwrap());
        let before = ring(&[&old]);
        let token = seal(&before, "0000", "alice").unwrap();
        let after = ring(&[&new, &old]);
        assert_eq!(open(&after, &token, "alice").unwrap().expose(), "0000");
        let fresh = seal(&after, "0000", "alice").unwrap();
        assert!(fresh.starts_with(&format!("c2d1.{}.", after.newest().id)));
        let without_old = ring(&[&new]);
        assert!(
            refusal(&without_old, &token, "alice").contains("which is not in click2dial.key_file")
        );
    }

    #[test]
    fn every_one_byte_change_and_every_truncation_is_refused() {
        let ring = ring(&[&generate_key().unwrap()]);
        let token = seal(&ring, "S3cr3t-PIN", "alice").unwrap();
        for position in 0..token.len() {
            for replacement in [b'A', b'-', b'.', b'z'] {
                let mut bytes = token.clone().into_bytes();
                if bytes[position] == replacement {
                    continue;
                }
                bytes[position] = replacement;
                let altered = String::from_utf8(bytes).unwrap();
                let err = open(&ring, &altered, "alice").unwrap_err();
                assert!(!err.message().contains("S3cr3t"), "{err}");
            }
        }
        for length in 0..token.len() {
            assert!(
                open(&ring, &token[..length], "alice").is_err(),
                "cut at {length}"
            );
        }
    }

    #[test]
    fn foreign_and_malformed_tokens_say_why() {
        let ring = ring(&[&generate_key().unwrap()]);
        assert!(refusal(&ring, "0000", "alice").contains("not a click2dial token"));
        assert!(refusal(&ring, "c2d9.k.x", "alice").contains("\"c2d9\""));
        let token = seal(&ring, "0000", "alice").unwrap();
        let other = ring_with_same_ids(&token);
        assert!(
            refusal(&other, &token, "alice").contains("sealed for another user, or it was altered")
        );
        assert!(open(&ring, &token, "")
            .unwrap_err()
            .message()
            .contains("no login"));
    }

    /// A key ring whose key has the id the token names, but other key bytes.
    fn ring_with_same_ids(token: &str) -> KeyRing {
        let id = token.split('.').nth(1).unwrap();
        let foreign = generate_key().unwrap();
        let line = format!("{id}:{}", foreign.expose().split_once(':').unwrap().1);
        ring(&[&Secret::new(line)])
    }
}
