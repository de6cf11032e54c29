//! Placing a call for a groupware user: the steps behind `Click2Dial\makeCall`.
//!
//! Everything that can be checked locally is checked before a request is sent: the server
//! setting, the number, the user and the password. A refused number never reaches the PBX. Then
//! the user's call limits admit the call (see `ratelimit`), and only then is it sent.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use crate::activecalls::ActiveCall;

use crate::credentials;
use crate::dialplan::normalize_number;
use crate::directory::Directory;
use crate::error::{quoted, Error, ErrorKind, Result};
use crate::number::DialString;
use crate::ratelimit;
use crate::secret::Secret;
use crate::settings::{ServerUrl, Settings};
use crate::sipxconfig;
use crate::watched::WatchedFiles;

static DIRECTORIES: WatchedFiles<Directory> =
    WatchedFiles::new("click2dial.directory", Directory::parse);

/// A call sipXconfig accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlacedCall {
    /// The sipXecs user the call was placed as.
    pub sipx_user: String,
    /// The extension of the user's phone.
    pub user_extension: String,
    /// The number as the PBX received it.
    pub dialed: DialString,
    /// The number called, in E.164 form; `None` for internal numbers and without a dial plan.
    pub e164: Option<String>,
    /// The extension written after the number, which was not dialed; `None` when there was none.
    pub extension: Option<String>,
    /// sipXconfig's HTTP status.
    pub status: u16,
    /// How long sipXconfig took to answer.
    pub elapsed: Duration,
    /// When sipXconfig's answer arrived (this machine's clock): where the call's progress
    /// (`progress::call_progress`) starts counting.
    pub placed_at: SystemTime,
}

/// The phone of a groupware login.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phone {
    /// The extension number.
    pub extension: String,
    /// The sipXecs user name to authenticate as.
    pub sipx_user: String,
    /// A sealed PBX PIN the administrator provisioned in the directory, if any.
    pub credential: Option<String>,
}

/// The directory named by the settings, current as of the last check; `None` when no directory
/// is configured.
pub fn directory(settings: &Settings) -> Result<Option<Arc<Directory>>> {
    match &settings.directory {
        Some(path) => Ok(Some(DIRECTORIES.get(path).get()?)),
        None => Ok(None),
    }
}

/// The phone of `login`, or `None` when the directory does not know it. Without a directory the
/// login itself is the extension (and the sipXecs user), as in the original click2dial.
pub fn phone_of(settings: &Settings, login: &str) -> Result<Option<Phone>> {
    match directory(settings)? {
        Some(directory) => Ok(directory.lookup(login).map(|entry| Phone {
            extension: entry.extension.clone(),
            sipx_user: entry.sipx_user.clone(),
            credential: entry.credential.clone(),
        })),
        None if is_plausible_user_name(login) => Ok(Some(Phone {
            extension: login.to_owned(),
            sipx_user: login.to_owned(),
            credential: None,
        })),
        None => Ok(None),
    }
}

/// Places a call from `login`'s phone to `to`, authenticating with `password`.
pub fn make_call(
    settings: &Settings,
    to: &str,
    login: &str,
    password: Option<&Secret>,
) -> Result<PlacedCall> {
    let server = ServerUrl::parse(&settings.server, settings.allow_http)?;
    let number = normalize_number(settings, to)?;
    let dialed = number.dial;
    let phone = phone_of(settings, login)?.ok_or_else(|| unknown_user(settings, login))?;
    let password =
        credentials::password_for(settings, login, password, phone.credential.as_deref())?;
    let admission = ratelimit::admit(settings, login, dialed.as_str())?;
    let accepted =
        match sipxconfig::place_call(settings, &server, &phone.sipx_user, &password, &dialed) {
            Ok(accepted) => accepted,
            Err(err) => {
                admission.failed();
                return Err(err);
            }
        };
    Ok(PlacedCall {
        sipx_user: phone.sipx_user,
        user_extension: phone.extension,
        dialed,
        e164: number.e164,
        extension: number.extension,
        status: accepted.status,
        elapsed: accepted.elapsed,
        placed_at: SystemTime::now(),
    })
}

/// The calls in progress of `login`'s phone, read with the same server, user and password as
/// [`make_call`] uses. Not limited like calls: reading places nothing.
pub fn active_calls(
    settings: &Settings,
    login: &str,
    password: Option<&Secret>,
) -> Result<Vec<ActiveCall>> {
    let server = ServerUrl::parse(&settings.server, settings.allow_http)?;
    let phone = phone_of(settings, login)?.ok_or_else(|| unknown_user(settings, login))?;
    let password =
        credentials::password_for(settings, login, password, phone.credential.as_deref())?;
    sipxconfig::active_calls(settings, &server, &phone.sipx_user, &password)
}

fn unknown_user(settings: &Settings, login: &str) -> Error {
    let message = if login.is_empty() {
        "no login was given: pass the groupware login of the user who calls".to_owned()
    } else {
        match settings.directory.as_deref().map(Path::display) {
            Some(path) => format!(
                "the login {} is not in the directory click2dial.directory {path}: add a line \
                 login,extension,sipx_user for this user",
                quoted(login)
            ),
            None => format!(
                "the login {} cannot be a sipXecs user name (it has white space, a control \
                 character or ':'): set click2dial.directory to map logins to extensions",
                quoted(login)
            ),
        }
    };
    Error::new(ErrorKind::UnknownUser, message)
}

/// Whether a login can be sent as a sipXecs user name in Basic authentication.
fn is_plausible_user_name(login: &str) -> bool {
    !login.is_empty()
        && !login
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == ':')
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn without_a_directory_the_login_is_the_extension() {
        let settings = Settings::default();
        let phone = phone_of(&settings, "206").unwrap().unwrap();
        assert_eq!(
            (phone.extension.as_str(), phone.sipx_user.as_str()),
            ("206", "206")
        );
        assert_eq!(phone_of(&settings, "a:b").unwrap(), None);
        assert_eq!(phone_of(&settings, "bob\r\nX: y").unwrap(), None);
        assert_eq!(phone_of(&settings, "").unwrap(), None);
    }

    #[test]
    fn the_directory_maps_logins_to_phones() {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(b"login,extension,sipx_user\nalice,206,\nbob,207,bsmith\n")
            .unwrap();
        let settings = Settings {
            directory: Some(file.path().to_owned()),
            ..Settings::default()
        };
        let bob = phone_of(&settings, "Bob").unwrap().unwrap();
        assert_eq!(
            (bob.extension.as_str(), bob.sipx_user.as_str()),
            ("207", "bsmith")
        );
        assert_eq!(phone_of(&settings, "carol").unwrap(), None);
    }

    fn call_error(settings: &Settings, to: &str, login: &str, password: Option<&str>) -> Error {
        let password = password.map(Secret::from);
        make_call(settings, to, login, password.as_ref()).unwrap_err()
    }

    #[test]
    fn local_checks_come_before_any_request() {
        // Port 9 on loopback: were a request sent, it would fail as unreachable, not as below.
        // Stored mode (the default) with an empty store: no password is found.
        let store = tempfile::tempdir().unwrap();
        let settings = Settings {
            server: "https://localhost:9".into(),
            credential_dir: Some(store.path().join("credentials")),
            ..Settings::default()
        };
        assert_eq!(
            call_error(&settings, "12#3", "206", Some("0000")).kind(),
            ErrorKind::InvalidNumber
        );
        assert_eq!(
            call_error(&settings, "207", "", Some("0000")).kind(),
            ErrorKind::UnknownUser
        );
        assert_eq!(
            call_error(&settings, "207", "206", None).kind(),
            ErrorKind::Credential
        );
        assert_eq!(
            call_error(&settings, "207", "206", Some("")).kind(),
            ErrorKind::Credential
        );
        let unset = Settings::default();
        assert_eq!(
            call_error(&unset, "207", "206", Some("0000")).kind(),
            ErrorKind::Configuration
        );
    }

    #[test]
    fn an_unknown_login_names_the_directory() {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(b"login,extension\nalice,206\n").unwrap();
        let settings = Settings {
            server: "https://localhost:9".into(),
            directory: Some(file.path().to_owned()),
            ..Settings::default()
        };
        let err = call_error(&settings, "207", "mallory", Some("0000"));
        assert_eq!(err.kind(), ErrorKind::UnknownUser);
        assert!(
            err.message()
                .contains("\"mallory\" is not in the directory"),
            "{err}"
        );
    }
}
