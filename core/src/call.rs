//! Placing a call for a groupware user: the steps behind `Click2Dial\makeCall`.
//!
//! Everything that can be checked locally is checked before a request is sent: the server
//! setting, the number, the user and the password. A refused number never reaches the PBX. Then
//! the limits of the PBX account that pays admit the request (see `ratelimit`), only then is it
//! sent, and what came of it is booked against the same limits. Reading the calls in progress
//! goes through the same failure budget: it carries the PIN just as a call does.
//!
//! Which PBX answers is the settings' choice (`click2dial.pbx`, see `pbx`): nothing here knows
//! which one it is, only whether it asks for the user's password.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use crate::activecalls::ActiveCall;

use crate::credentials;
use crate::dialplan::normalize_number;
use crate::directory::Directory;
use crate::error::{quoted, Error, ErrorKind, Result};
use crate::number::DialString;
use crate::pbx::{self, Caller, Pbx};
use crate::ratelimit::{self, Attempt};
use crate::secret::Secret;
use crate::settings::{PbxKind, Settings};
use crate::status::{self, CallLog, CallRecord};
use crate::watched::WatchedFiles;

static DIRECTORIES: WatchedFiles<Directory> =
    WatchedFiles::new("click2dial.directory", Directory::parse);

/// A call the PBX accepted: what any PBX returns, and what was asked of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlacedCall {
    /// The PBX that took it.
    pub pbx: PbxKind,
    /// The PBX account the call was placed as (the directory's `sipx_user`), which its limits
    /// are kept for.
    pub account: String,
    /// The extension of the user's phone.
    pub user_extension: String,
    /// The number as the PBX received it.
    pub dialed: DialString,
    /// The number called, in E.164 form; `None` for internal numbers and without a dial plan.
    pub e164: Option<String>,
    /// The extension written after the number, which was not dialed; `None` when there was none.
    pub extension: Option<String>,
    /// The PBX's status (an HTTP status, or clicktocall's 100 over XML).
    pub status: u16,
    /// How long the PBX took to accept it.
    pub elapsed: Duration,
    /// When the PBX's acceptance arrived (this machine's clock): where the call's progress
    /// (`progress::call_progress`) starts counting.
    pub placed_at: SystemTime,
    /// The user's phone as the PBX addresses it, when the PBX says so.
    pub translated_initiator: Option<String>,
    /// The number as the PBX dials it, when the PBX says so.
    pub translated_destination: Option<String>,
    /// The groupware login that placed it.
    pub login: String,
    /// The id `status::call_status` takes to tell what became of it.
    pub call_id: String,
}

/// The phone of a groupware login.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phone {
    /// The extension number.
    pub extension: String,
    /// The PBX account to authenticate as (and keep the limits for).
    pub sipx_user: String,
    /// A sealed PBX PIN the administrator provisioned in the directory, if any.
    pub credential: Option<String>,
    /// The phone's SIP address, when the directory gives one (clicktocall's initiator).
    pub sip_uri: Option<String>,
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
/// login itself is the extension (and the PBX account), as in the original click2dial.
pub fn phone_of(settings: &Settings, login: &str) -> Result<Option<Phone>> {
    match directory(settings)? {
        Some(directory) => Ok(directory.lookup(login).map(|entry| Phone {
            extension: entry.extension.clone(),
            sipx_user: entry.sipx_user.clone(),
            credential: entry.credential.clone(),
            sip_uri: entry.sip_uri.clone(),
        })),
        None if is_plausible_user_name(login) => Ok(Some(Phone {
            extension: login.to_owned(),
            sipx_user: login.to_owned(),
            credential: None,
            sip_uri: None,
        })),
        None => Ok(None),
    }
}

/// Places a call from `login`'s phone to `to`, authenticating with `password` where the PBX
/// asks for one.
pub fn make_call(
    settings: &Settings,
    to: &str,
    login: &str,
    password: Option<&Secret>,
) -> Result<PlacedCall> {
    let pbx = pbx::of(settings);
    pbx.check_settings(settings)?;
    let number = normalize_number(settings, to)?;
    let dialed = number.dial;
    let phone = phone_of(settings, login)?.ok_or_else(|| unknown_user(settings, login))?;
    let password = password_if_asked(pbx, settings, login, password, &phone)?;
    let admission = ratelimit::admit(settings, &phone.sipx_user, Attempt::Call(&dialed))?;
    let caller = Caller {
        login,
        phone: &phone,
    };
    let mut log = CallLog::new(settings, new_record(settings, login, &phone, &dialed))?;
    let sent = pbx.place_call(settings, caller, password.as_ref(), &dialed, &mut log);
    admission.settle(&sent);
    if sent.is_err() {
        log.discard();
    }
    let accepted = sent?;
    if !log.record.followed && !log.is_written() {
        log.record.placed_at_ms = status::now_ms();
        // The call is placed; a record that cannot be written makes its status unknown, which
        // is no reason to report the call as failed.
        let _ = log.write_new();
    }
    Ok(PlacedCall {
        pbx: settings.pbx,
        account: phone.sipx_user,
        user_extension: phone.extension,
        dialed,
        e164: number.e164,
        extension: number.extension,
        status: accepted.status,
        elapsed: accepted.elapsed,
        placed_at: SystemTime::now(),
        translated_initiator: accepted.translated_initiator,
        translated_destination: accepted.translated_destination,
        login: login.to_owned(),
        call_id: log.id().to_owned(),
    })
}

/// The record of a call about to be placed.
fn new_record(settings: &Settings, login: &str, phone: &Phone, dialed: &DialString) -> CallRecord {
    CallRecord {
        pbx: settings.pbx,
        login: login.to_owned(),
        account: phone.sipx_user.clone(),
        dialed: dialed.as_str().to_owned(),
        user_extension: phone.extension.clone(),
        placed_at_ms: status::now_ms(),
        anchored: false,
        followed: false,
        follower: None,
        deadline_ms: 0,
        seen: Vec::new(),
        steps: Vec::new(),
        ending: crate::clicktocall::state::Ending::Following,
        lease_held: None,
    }
}

/// The calls in progress of `login`'s phone, read with the same PBX, account and password as
/// [`make_call`] uses. Reading places nothing, so the call limits do not count it, but where
/// the PBX asks for a password it is a guess at the PIN like any request: a failed sign-in
/// counts against the account's failure budget, and is refused while its back-off runs, just
/// as a call is.
pub fn active_calls(
    settings: &Settings,
    login: &str,
    password: Option<&Secret>,
) -> Result<Vec<ActiveCall>> {
    let pbx = pbx::of(settings);
    pbx.check_settings(settings)?;
    let phone = phone_of(settings, login)?.ok_or_else(|| unknown_user(settings, login))?;
    let password = password_if_asked(pbx, settings, login, password, &phone)?;
    let admission = ratelimit::admit(settings, &phone.sipx_user, Attempt::ReadCalls)?;
    let caller = Caller {
        login,
        phone: &phone,
    };
    let answer = pbx.active_calls(settings, caller, password.as_ref());
    admission.settle(&answer);
    answer
}

/// The user's PBX password when the PBX asks for one (see `credentials`); `None`, without
/// looking, when it does not: that PBX trusts the site, and a password given is not sent.
fn password_if_asked(
    pbx: &dyn Pbx,
    settings: &Settings,
    login: &str,
    given: Option<&Secret>,
    phone: &Phone,
) -> Result<Option<Secret>> {
    if !pbx.asks_password() {
        return Ok(None);
    }
    credentials::password_for(settings, login, given, phone.credential.as_deref()).map(Some)
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
                "the login {} cannot be a PBX user name (it has white space, a control \
                 character or ':'): set click2dial.directory to map logins to extensions",
                quoted(login)
            ),
        }
    };
    Error::new(ErrorKind::UnknownUser, message)
}

/// Whether a login can be sent as a PBX user name in Basic authentication.
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

    #[test]
    fn a_lookalike_login_is_unknown_not_the_user_it_resembles() {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(b"login,extension\nkim,206\nadmin,207\n")
            .unwrap();
        let settings = Settings {
            server: "https://localhost:9".into(),
            directory: Some(file.path().to_owned()),
            ..Settings::default()
        };
        for login in ["\u{212a}im", "\u{ff41}dmin", "\u{ff21}DMIN"] {
            assert_eq!(phone_of(&settings, login).unwrap(), None, "{login:?}");
            assert_eq!(
                call_error(&settings, "208", login, Some("0000")).kind(),
                ErrorKind::UnknownUser,
                "{login:?}"
            );
        }
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
