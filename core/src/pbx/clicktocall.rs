//! reSIProcate's clicktocall server behind the PBX interface, on the wire layer of
//! [`crate::clicktocall`].
//!
//! The server trusts whoever reaches it, so there is no per-user password: the caller is the
//! groupware login, the initiator is that user's phone (the directory's `sip_uri`, else
//! `click2dial.clicktocall_initiator` with the extension and login put in), and the destination
//! is the dial plan's dial string, which the server's own translation rules then rewrite. The
//! only secret is the server's `HttpAuthPwd`, read from `click2dial.clicktocall_password_file`
//! for each call over HTTP; the XML interface has no authentication at all.
//!
//! With `click2dial.clicktocall_xml` set, calls go through the XML interface and are accepted
//! on its 100; otherwise through the HTTP page, accepted when it says "Initiating".

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::time::Instant;

use zeroize::Zeroizing;

use super::{follower, Accepted, Caller, Look, Pbx};
use crate::activecalls::ActiveCall;
use crate::clicktocall::state::CallState;
use crate::clicktocall::xml::XmlCall;
use crate::clicktocall::{http, ClickToCallSettings};
use crate::credentials;
use crate::error::{quoted, Error, Result};
use crate::number::DialString;
use crate::secret::Secret;
use crate::settings::{without_userinfo, Settings};
use crate::status::{self, CallLog, CallRecord};

/// The longest password file read: `HttpAuthPwd` is one short line.
const MAX_PASSWORD_FILE_BYTES: u64 = 4096;

/// The clicktocall server.
#[derive(Clone, Copy, Debug)]
pub struct ClickToCall;

impl Pbx for ClickToCall {
    fn name(&self) -> &'static str {
        "the clicktocall server"
    }

    fn asks_password(&self) -> bool {
        false
    }

    fn check_settings(&self, settings: &Settings) -> Result<()> {
        check_server(settings)?;
        if let Some(xml) = &settings.clicktocall_xml {
            check_xml_address(xml)?;
        }
        Ok(())
    }

    fn place_call(
        &self,
        settings: &Settings,
        caller: Caller<'_>,
        _password: Option<&Secret>,
        number: &DialString,
        log: &mut CallLog,
    ) -> Result<Accepted> {
        let wire = wire_settings(settings)?;
        let initiator = initiator(&wire, caller)?;
        let started = Instant::now();
        let (status, accepted) = match &wire.xml_address {
            Some(_) => {
                let (call, accepted) = XmlCall::place(&wire, &initiator, number.as_str())?;
                log.record.anchored = wire.anchor;
                // The call is placed: a follower that cannot start loses its progress, not
                // the call, so that is no reason to report a failure (and invite a second call).
                let _ = follower::follow_detached(call, log, wire.follow_timeout);
                (100, accepted)
            }
            None => (200, http::place_call(&wire, &initiator, number.as_str())?),
        };
        Ok(Accepted {
            status,
            elapsed: started.elapsed(),
            translated_initiator: accepted.translated_initiator,
            translated_destination: accepted.translated_destination,
        })
    }

    fn active_calls(
        &self,
        _settings: &Settings,
        _caller: Caller<'_>,
        _password: Option<&Secret>,
    ) -> Result<Vec<ActiveCall>> {
        Err(Error::configuration(
            "the clicktocall server lists no calls in progress (click2dial.pbx = clicktocall): \
             use Click2Dial\\callStatus() for the progress of a call",
        ))
    }

    /// Read from the record its follower keeps; nothing is asked of the server.
    fn call_status(
        &self,
        _settings: &Settings,
        record: &mut CallRecord,
        _look: &Look<'_>,
    ) -> Result<(CallState, bool)> {
        Ok((status::followed_status(record, status::now_ms()), false))
    }
}

/// `click2dial.server` must be the HTTP interface, `http://HOST:PORT`, and plain HTTP must have
/// been allowed: the server speaks nothing else.
fn check_server(settings: &Settings) -> Result<String> {
    let server = settings.server.trim();
    if server.is_empty() {
        return Err(Error::configuration(
            "click2dial.server is not set: set it to the clicktocall server's HTTP interface, \
             e.g. http://pbx.example.com:5095",
        ));
    }
    let authority = http::authority(server)?;
    if !settings.allow_http {
        return Err(Error::configuration(format!(
            "click2dial.server {} is plain http, all the clicktocall server speaks: set \
             click2dial.allow_http=1 to accept it (and keep the server reachable only from the \
             web servers, see SECURITY.md)",
            quoted(&without_userinfo(server))
        )));
    }
    Ok(authority)
}

/// `click2dial.clicktocall_xml` is `HOST:PORT`, nothing else.
fn check_xml_address(address: &str) -> Result<()> {
    let port = address.rsplit_once(':');
    match port {
        Some((host, port))
            if !host.is_empty()
                && !address.contains(['/', '@', '?', '#'])
                && !address.chars().any(char::is_whitespace)
                && port.parse::<u16>().is_ok_and(|p| p > 0) =>
        {
            Ok(())
        }
        _ => Err(Error::configuration(format!(
            "click2dial.clicktocall_xml is {}: give the clicktocall server's XML interface as \
             HOST:PORT, e.g. pbx.example.com:5094 (or leave it empty to call through the HTTP \
             interface, without progress)",
            quoted(address)
        ))),
    }
}

/// The wire layer's settings, from the administrator's.
pub(super) fn wire_settings(settings: &Settings) -> Result<ClickToCallSettings> {
    check_server(settings)?;
    // Only the HTTP interface takes the password (the XML one has no authentication), and a
    // call over XML forks its follower with this memory: so it is read only when it is sent.
    let password = match (
        &settings.clicktocall_password_file,
        &settings.clicktocall_xml,
    ) {
        (Some(path), None) => Some(read_password_file(path)?),
        _ => None,
    };
    Ok(ClickToCallSettings {
        http_server: settings.server.trim().to_owned(),
        xml_address: settings.clicktocall_xml.clone(),
        password,
        anchor: settings.clicktocall_anchor,
        initiator: settings.clicktocall_initiator.clone(),
        connect_timeout: settings.connect_timeout,
        timeout: settings.timeout,
        follow_timeout: settings.clicktocall_follow_timeout,
    })
}

/// The initiator of `caller`'s calls: the directory's `sip_uri`, else the template.
fn initiator(wire: &ClickToCallSettings, caller: Caller<'_>) -> Result<String> {
    match &caller.phone.sip_uri {
        Some(uri) => Ok(uri.clone()),
        None => wire.initiator_for(&caller.phone.extension, caller.login),
    }
}

/// The server's `HttpAuthPwd`: the file's one line, without its line break. A file every user
/// of the machine may read is refused, as the key file is.
pub(crate) fn read_password_file(path: &Path) -> Result<Secret> {
    const SETTING: &str = "click2dial.clicktocall_password_file";
    credentials::check_permissions(path, SETTING)?;
    let unreadable = |err: std::io::Error| {
        Error::configuration(format!(
            "{SETTING} {} cannot be read ({err})",
            path.display()
        ))
    };
    let file = File::open(path).map_err(unreadable)?;
    let mut bytes = Zeroizing::new(Vec::new());
    file.take(MAX_PASSWORD_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    let refuse = |why: &str| {
        Error::configuration(format!(
            "{SETTING} {} {why}: it must hold the clicktocall server's HttpAuthPwd on one line",
            path.display()
        ))
    };
    if bytes.len() as u64 > MAX_PASSWORD_FILE_BYTES {
        return Err(refuse("is too long"));
    }
    let text = std::str::from_utf8(&bytes).map_err(|_| refuse("is not UTF-8"))?;
    let line = text
        .strip_suffix("\r\n")
        .or_else(|| text.strip_suffix('\n'))
        .unwrap_or(text);
    if line.is_empty() {
        return Err(refuse("is empty"));
    }
    if line.contains(['\n', '\r']) {
        return Err(refuse("has more than one line"));
    }
    Ok(Secret::new(line.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::os::unix::fs::PermissionsExt;

    fn password_file(text: &str, mode: u32) -> tempfile::NamedTempFile {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(text.as_bytes()).unwrap();
        std::fs::set_permissions(file.path(), std::fs::Permissions::from_mode(mode)).unwrap();
        file
    }

    #[test]
    fn the_password_is_the_one_line_without_its_line_break() {
        for text in ["pa:ss\n", "pa:ss", "pa:ss\r\n"] {
            let file = password_file(text, 0o600);
            assert_eq!(read_password_file(file.path()).unwrap().expose(), "pa:ss");
        }
        // Spaces are the password's own: the server compares them too.
        let file = password_file(" pw \n", 0o640);
        assert_eq!(read_password_file(file.path()).unwrap().expose(), " pw ");
    }

    #[test]
    fn a_password_file_everyone_may_read_is_refused_and_not_shown() {
        let file = password_file("hunter2\n", 0o644);
        let err = read_password_file(file.path()).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Configuration);
        assert!(err
            .message()
            .contains("click2dial.clicktocall_password_file"));
        assert!(err.message().contains("mode 0644"), "{err}");
        assert!(!err.message().contains("hunter2"));
    }

    #[test]
    fn an_empty_or_two_line_password_file_is_refused() {
        for text in ["", "\n", "a\nb\n"] {
            let file = password_file(text, 0o600);
            let err = read_password_file(file.path()).unwrap_err();
            assert_eq!(err.kind(), crate::ErrorKind::Configuration, "{text:?}");
        }
    }

    fn settings(server: &str, allow_http: bool, xml: Option<&str>) -> Settings {
        Settings {
            server: server.to_owned(),
            allow_http,
            clicktocall_xml: xml.map(str::to_owned),
            ..Settings::default()
        }
    }

    #[test]
    fn the_server_is_plain_http_and_only_with_allow_http() {
        assert!(ClickToCall
            .check_settings(&settings("http://pbx:5095", true, None))
            .is_ok());
        let err = ClickToCall
            .check_settings(&settings("http://pbx:5095", false, None))
            .unwrap_err();
        assert!(err.message().contains("click2dial.allow_http=1"), "{err}");
        for server in ["https://pbx:5095", "http://pbx", "", "http://pbx:5095/x"] {
            let err = ClickToCall
                .check_settings(&settings(server, true, None))
                .unwrap_err();
            assert_eq!(err.kind(), crate::ErrorKind::Configuration, "{server}");
        }
    }

    #[test]
    fn the_xml_address_is_host_and_port() {
        assert!(ClickToCall
            .check_settings(&settings("http://pbx:5095", true, Some("pbx:5094")))
            .is_ok());
        for xml in ["pbx", "http://pbx:5094", ":5094", "pbx:0", "pbx:x"] {
            let err = ClickToCall
                .check_settings(&settings("http://pbx:5095", true, Some(xml)))
                .unwrap_err();
            assert!(
                err.message().contains("click2dial.clicktocall_xml"),
                "{xml}"
            );
        }
    }
}
