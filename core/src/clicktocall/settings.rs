//! What the clicktocall client needs from the administrator's settings.
//!
//! Kept apart from [`crate::Settings`] until the PBX interface is wired: the binding fills this
//! from the INI names given on each field.

use std::time::Duration;

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::{Error, Result, Secret, DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT};

/// The placeholder in [`ClickToCallSettings::initiator`] for the user's extension (directory).
pub const EXTENSION_PLACEHOLDER: &str = "{extension}";
/// The placeholder in [`ClickToCallSettings::initiator`] for the groupware login.
pub const LOGIN_PLACEHOLDER: &str = "{login}";

/// How long a call is followed at most. The server gives up on a phone that rings unanswered
/// only 180 s after its last provisional response, once per leg, and a dead phone costs 32 s
/// (§4.6): 180 + 180 + 32 s is the longest path that still ends with a final result, and some
/// paths never send one, so the client must stop by itself somewhat after that.
pub const DEFAULT_FOLLOW_TIMEOUT: Duration = Duration::from_secs(400);

/// The characters left as they are when a login or an extension goes into the user part of a
/// SIP URI: RFC 3261's `unreserved`; everything else is percent-encoded, so a login cannot add a
/// host, parameters or a second URI.
const SIP_USER_KEPT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'!')
    .remove(b'~')
    .remove(b'*')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')');

/// The settings of the clicktocall PBX.
#[derive(Clone, Debug)]
pub struct ClickToCallSettings {
    /// `click2dial.server`: the HTTP interface, `http://HOST:PORT` (the server speaks plain HTTP
    /// only, §1).
    pub http_server: String,
    /// `click2dial.clicktocall_xml`: the XML interface, `HOST:PORT`; `None` places calls over
    /// HTTP, without progress.
    pub xml_address: Option<String>,
    /// `click2dial.clicktocall_password_file`: the server's `HttpAuthPwd`; sent with Basic
    /// authentication on every HTTP request when set. The XML port has no authentication.
    pub password: Option<Secret>,
    /// `click2dial.clicktocall_anchor`: whether the server stays in the call as a back-to-back
    /// user agent (works with every phone) instead of transferring with REFER.
    pub anchor: bool,
    /// `click2dial.clicktocall_initiator`: how a user's phone is addressed, with
    /// [`EXTENSION_PLACEHOLDER`] and [`LOGIN_PLACEHOLDER`].
    pub initiator: String,
    /// `click2dial.connect_timeout`: for the TCP connection to either interface.
    pub connect_timeout: Duration,
    /// `click2dial.timeout`: the whole placing of a call, up to the server's acceptance.
    pub timeout: Duration,
    /// How long a call placed over XML is followed before the client gives up on it.
    pub follow_timeout: Duration,
}

impl Default for ClickToCallSettings {
    fn default() -> ClickToCallSettings {
        ClickToCallSettings {
            http_server: String::new(),
            xml_address: None,
            password: None,
            // The default: anchored works with every phone, while a phone that ignores
            // REFER costs 32 s before the server falls back (§5.3).
            anchor: true,
            initiator: "sip:{extension}".to_owned(),
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            timeout: DEFAULT_TIMEOUT,
            follow_timeout: DEFAULT_FOLLOW_TIMEOUT,
        }
    }
}

impl ClickToCallSettings {
    /// The initiator address of a user: the template with the extension and the login put in,
    /// each percent-encoded as a SIP user part.
    pub fn initiator_for(&self, extension: &str, login: &str) -> Result<String> {
        if self.initiator.contains(EXTENSION_PLACEHOLDER) && extension.is_empty() {
            return Err(Error::configuration(
                "click2dial.clicktocall_initiator needs {extension}, but the directory gives \
                 this user none",
            ));
        }
        let extension = utf8_percent_encode(extension, SIP_USER_KEPT).to_string();
        let login = utf8_percent_encode(login, SIP_USER_KEPT).to_string();
        Ok(self
            .initiator
            .replace(EXTENSION_PLACEHOLDER, &extension)
            .replace(LOGIN_PLACEHOLDER, &login))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_template(initiator: &str) -> ClickToCallSettings {
        ClickToCallSettings {
            initiator: initiator.to_owned(),
            ..ClickToCallSettings::default()
        }
    }

    #[test]
    fn the_template_takes_the_extension_and_the_login() {
        let settings = with_template("sip:{extension}@pbx.example.com;x={login}");
        assert_eq!(
            settings.initiator_for("206", "jdoe").unwrap(),
            "sip:206@pbx.example.com;x=jdoe"
        );
    }

    #[test]
    fn a_login_cannot_add_a_host_or_parameters_to_the_initiator() {
        let settings = with_template("sip:{login}@pbx.example.com");
        assert_eq!(
            settings
                .initiator_for("", "eve@evil.example;maddr=x")
                .unwrap(),
            "sip:eve%40evil.example%3Bmaddr%3Dx@pbx.example.com"
        );
    }

    #[test]
    fn a_template_with_an_extension_refuses_a_user_without_one() {
        let settings = with_template("sip:{extension}@pbx.example.com");
        let error = settings.initiator_for("", "jdoe").unwrap_err();
        assert_eq!(error.kind(), crate::ErrorKind::Configuration);
    }

    #[test]
    fn debug_shows_no_password() {
        let settings = ClickToCallSettings {
            password: Some(Secret::from("hunter2")),
            ..ClickToCallSettings::default()
        };
        assert!(!format!("{settings:?}").contains("hunter2"));
    }
}
