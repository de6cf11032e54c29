//! The keys that seal stored PBX PINs: the file `click2dial.key_file`.
//!
//! ```text
//! # newest first: the first key seals, every key opens
//! 3f9a1c0e:Vb0Xk2…43 characters of URL-safe base64…
//! 81d2aa47:Qm9vb…
//! ```
//!
//! Each line is `id:key`, where the key is 32 random bytes in URL-safe base64 without padding, as
//! [`generate_key`] makes them. To rotate, put a new line first: new tokens use it, and tokens
//! sealed with the older keys still open until those lines are removed. A key file that other
//! users of the machine can read is refused: whoever reads it can open every stored PIN.

use std::fmt;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use aes_gcm::{Aes256Gcm, KeyInit};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::secret::Secret;

/// Bytes in a key (AES-256).
pub const KEY_BYTES: usize = 32;
const MAX_ID_CHARS: usize = 32;

/// One key of the key file.
pub struct NamedKey {
    /// How tokens name the key.
    pub id: String,
    pub(crate) cipher: Aes256Gcm,
}

/// The keys of a key file, newest first.
pub struct KeyRing {
    keys: Vec<NamedKey>,
}

impl KeyRing {
    /// Reads a key file's bytes; `path` is for messages and for checking who may read it.
    pub fn parse(path: &Path, bytes: &[u8]) -> Result<KeyRing> {
        let shown = path.display();
        check_permissions(path, "click2dial.key_file")?;
        let text = std::str::from_utf8(bytes).map_err(|_| {
            Error::configuration(format!(
                "click2dial.key_file {shown} is not a text file of keys"
            ))
        })?;
        let mut keys: Vec<NamedKey> = Vec::new();
        for (index, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            // The message never repeats the line: it holds a key.
            let at = |why: &str| {
                Error::configuration(format!(
                    "click2dial.key_file {shown} line {}: {why}",
                    index + 1
                ))
            };
            let Some((id, encoded)) = line.split_once(':') else {
                return Err(at(
                    "expected id:key, as Click2Dial\\generateKey() makes them",
                ));
            };
            if !is_valid_id(id) {
                return Err(at(
                    "the id must be 1 to 32 lower-case letters, digits or '-'",
                ));
            }
            if keys.iter().any(|key| key.id == id) {
                return Err(at(&format!("the id {id} is used twice")));
            }
            let raw = Zeroizing::new(URL_SAFE_NO_PAD.decode(encoded).unwrap_or_default());
            if raw.len() != KEY_BYTES {
                return Err(at(
                    "the key is not 32 bytes in URL-safe base64: make one with \
                               Click2Dial\\generateKey()",
                ));
            }
            let cipher = Aes256Gcm::new_from_slice(&raw).map_err(|_| at("unusable key"))?;
            keys.push(NamedKey {
                id: id.to_owned(),
                cipher,
            });
        }
        if keys.is_empty() {
            return Err(Error::configuration(format!(
                "click2dial.key_file {shown} holds no key: add a line made with \
                 Click2Dial\\generateKey()"
            )));
        }
        Ok(KeyRing { keys })
    }

    /// The key new tokens are sealed with.
    pub fn newest(&self) -> &NamedKey {
        &self.keys[0]
    }

    /// The key named `id`.
    pub fn find(&self, id: &str) -> Option<&NamedKey> {
        self.keys.iter().find(|key| key.id == id)
    }

    /// The ids, newest first (what `php --ri` shows; never the keys).
    pub fn ids(&self) -> Vec<&str> {
        self.keys.iter().map(|key| key.id.as_str()).collect()
    }
}

impl fmt::Debug for KeyRing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KeyRing").field("ids", &self.ids()).finish()
    }
}

/// A new key, as a line for the key file: `id:key`.
pub fn generate_key() -> Result<Secret> {
    let mut raw = Zeroizing::new([0u8; KEY_BYTES + 4]);
    getrandom::getrandom(raw.as_mut()).map_err(|err| {
        Error::configuration(format!("the system's random source failed ({err})"))
    })?;
    let (key, id) = raw.split_at(KEY_BYTES);
    let id: String = id.iter().map(|b| format!("{b:02x}")).collect();
    let mut line = Zeroizing::new(String::with_capacity(id.len() + 1 + 43));
    line.push_str(&id);
    line.push(':');
    URL_SAFE_NO_PAD.encode_string(key, &mut line);
    Ok(Secret::new(std::mem::take(&mut *line)))
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_CHARS
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Refuses a secret file (the one `setting` names) that every user of the machine may read or
/// change: only its owner and the web server's group may.
pub(crate) fn check_permissions(path: &Path, setting: &str) -> Result<()> {
    let metadata = fs::metadata(path).map_err(|err| {
        Error::configuration(format!(
            "{setting} {} cannot be read ({err})",
            path.display()
        ))
    })?;
    let mode = metadata.permissions().mode() & 0o777;
    if mode & 0o007 != 0 {
        return Err(Error::configuration(format!(
            "{setting} {} can be read or changed by every user of this machine (mode \
             {mode:04o}): make it readable only by its owner and the web server's group, e.g. \
             chown root:www-data and chmod 0640",
            path.display()
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;
    use std::io::Write;

    fn key_file(text: &str, mode: u32) -> tempfile::NamedTempFile {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(text.as_bytes()).unwrap();
        fs::set_permissions(file.path(), fs::Permissions::from_mode(mode)).unwrap();
        file
    }

    fn parse(text: &str, mode: u32) -> Result<KeyRing> {
        let file = key_file(text, mode);
        KeyRing::parse(file.path(), text.as_bytes())
    }

    #[test]
    fn generated_keys_parse_newest_first() {
        let (a, b) = (generate_key().unwrap(), generate_key().unwrap());
        assert_ne!(a, b);
        let text = format!("# keys\n{}\n\n{}\n", a.expose(), b.expose());
        let ring = parse(&text, 0o600).unwrap();
        let ids = ring.ids();
        assert_eq!(ids.len(), 2);
        assert_eq!(ring.newest().id, a.expose().split(':').next().unwrap());
        assert!(ring.find(ids[1]).is_some());
        assert!(!format!("{ring:?}").contains(a.expose().split(':').nth(1).unwrap()));
    }

    #[test]
    fn a_key_file_others_can_read_is_refused() {
        let key = generate_key().unwrap();
        assert!(
            parse(key.expose(), 0o640).is_ok(),
            "the web server's group may read it"
        );
        let err = parse(key.expose(), 0o644).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Configuration);
        assert!(
            err.message().contains("mode 0644") && err.message().contains("chmod 0640"),
            "{err}"
        );
    }

    #[test]
    fn mistakes_name_the_line_but_never_show_it() {
        let secret_looking = "k1:AAAAthis-is-not-32-bytes";
        let err = parse(&format!("# c\n{secret_looking}\n"), 0o600).unwrap_err();
        assert!(
            err.message().contains("line 2: the key is not 32 bytes"),
            "{err}"
        );
        assert!(!err.message().contains("this-is-not"), "{err}");
        assert!(parse("no colon here\n", 0o600)
            .unwrap_err()
            .message()
            .contains("id:key"));
        assert!(parse("UPPER:x\n", 0o600)
            .unwrap_err()
            .message()
            .contains("lower-case"));
        assert!(parse("# nothing\n", 0o600)
            .unwrap_err()
            .message()
            .contains("holds no key"));
        let key = generate_key().unwrap();
        let twice = format!("{}\n{}\n", key.expose(), key.expose());
        assert!(parse(&twice, 0o600)
            .unwrap_err()
            .message()
            .contains("used twice"));
    }
}
