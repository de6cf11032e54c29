//! Where a user's PBX password comes from, and the means to keep it.
//!
//! sipXconfig places a call only for a user who authenticates with their own user name and
//! user-portal PIN. `click2dial.credentials` says where that comes from:
//!
//! * `session`: sipXecs and Zarafa share one LDAP, so the WebAccess login password is the PBX
//!   password. The plugin opens `$_SESSION["password"]` with [`decrypt_session_password`].
//! * `stored` (the default): each user enters their PIN once; the extension keeps it, sealed,
//!   in its own credential store on the server ([`store`]), never in anything a browser
//!   receives, and opens it itself when a call is made without a password.
//! * `directory`: the administrator provisions tokens in the directory's `credential` column,
//!   and [`password_for`] opens them when the caller passes no password.
//!
//! Tokens are sealed with the keys of `click2dial.key_file` ([`KeyRing`]), reloaded when the
//! file changes so that keys can be rotated without a restart.

mod keys;
mod sealed;
mod session;
pub mod store;
mod windows1252;

use std::sync::Arc;

pub(crate) use keys::check_permissions;
pub use keys::{generate_key, KeyRing, KEY_BYTES};
pub use sealed::{MAX_SECRET_BYTES, VERSION as TOKEN_VERSION};
pub use session::{decrypt_session_password, SessionPasswordForm};

use crate::error::{quoted, Error, ErrorKind, Result};
use crate::secret::Secret;
use crate::settings::{CredentialSource, Settings};
use crate::watched::WatchedFiles;

static KEY_FILES: WatchedFiles<KeyRing> = WatchedFiles::new("click2dial.key_file", KeyRing::parse);

/// The keys named by `click2dial.key_file`.
pub fn key_ring(settings: &Settings) -> Result<Arc<KeyRing>> {
    let Some(path) = &settings.key_file else {
        return Err(Error::configuration(
            "click2dial.key_file is not set: create a key file with \
             php -r 'echo Click2Dial\\generateKey(), PHP_EOL;' > /etc/click2dial/keys, make it \
             readable only by root and the web server's group (chmod 0640), and name it in php.ini",
        ));
    };
    KEY_FILES.get(path).get()
}

/// Seals `secret` for `login` with the newest key.
pub fn seal(settings: &Settings, secret: &Secret, login: &str) -> Result<String> {
    sealed::seal(&*key_ring(settings)?, secret.expose(), login)
}

/// Opens a token sealed for `login`.
pub fn open(settings: &Settings, token: &str, login: &str) -> Result<Secret> {
    sealed::open(&*key_ring(settings)?, token, login)
}

/// The password for a call by `login`: the one the caller gave, else the one the settings
/// provide: the PIN stored for `login` (`stored`), or the directory's sealed one (`directory`).
pub fn password_for(
    settings: &Settings,
    login: &str,
    given: Option<&Secret>,
    provisioned: Option<&str>,
) -> Result<Secret> {
    if let Some(password) = given {
        if password.is_empty() {
            return Err(Error::new(
                ErrorKind::Credential,
                format!(
                    "the PBX password given for {} is empty: pass the user's sipXecs user-portal PIN",
                    quoted(login)
                ),
            ));
        }
        if password.expose().len() > MAX_SECRET_BYTES {
            return Err(Error::new(
                ErrorKind::Credential,
                format!(
                    "the PBX password given for {} is longer than {MAX_SECRET_BYTES} bytes: pass \
                     the user's sipXecs user-portal PIN",
                    quoted(login)
                ),
            ));
        }
        return Ok(password.clone());
    }
    let advice = match settings.credentials {
        CredentialSource::Directory => match provisioned {
            Some(token) => return open(settings, token, login),
            None => format!(
                "click2dial.credentials is directory, and the directory has no credential for \
                 {}: add it with Click2Dial\\encryptCredential(PIN, login) in the credential column",
                quoted(login)
            ),
        },
        CredentialSource::Session => format!(
            "click2dial.credentials is session: pass the login password of {}, opened with \
             Click2Dial\\decryptSessionPassword(), as the third argument of makeCall()",
            quoted(login)
        ),
        CredentialSource::Stored => {
            return store::load(settings, login)?.ok_or_else(|| store::nothing_stored(login))
        }
    };
    Err(Error::new(
        ErrorKind::Credential,
        format!("no PBX password was given: {advice}"),
    ))
}
