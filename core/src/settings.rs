//! The administrator's settings, as the PHP binding reads them from INI.
//!
//! The core never reads INI itself: the binding hands each call a [`Settings`] (kept between
//! calls, read again whenever an INI value changed), so the core can be tested without PHP and a
//! setting changed with `ini_set()` takes effect on the next call.

use std::path::PathBuf;
use std::time::Duration;

use reqwest::Url;

use crate::error::{quoted, Error, Result};

/// Default for `click2dial.connect_timeout_ms`.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_millis(2000);
/// Default for `click2dial.timeout_ms`.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_millis(5000);

/// Everything a call needs to know about the installation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// `click2dial.server`: sipXconfig's base URL, e.g. `https://sipx.example.com:8443`.
    pub server: String,
    /// `click2dial.ca_file`: PEM bundle to trust instead of the system's roots.
    pub ca_file: Option<PathBuf>,
    /// `click2dial.connect_timeout_ms`.
    pub connect_timeout: Duration,
    /// `click2dial.timeout_ms`: the whole request, connection included.
    pub timeout: Duration,
    /// `click2dial.directory`: the login → extension file; `None` makes every login its own
    /// extension.
    pub directory: Option<PathBuf>,
    /// `click2dial.allow_http`: accept a plain `http://` server (tests, a PBX on the same host).
    pub allow_http: bool,
    /// `click2dial.dialplan`: the dial plan file; `None` only cleans numbers.
    pub dialplan: Option<PathBuf>,
    /// `click2dial.credentials`: where a user's PBX password comes from.
    pub credentials: CredentialSource,
    /// `click2dial.key_file`: the keys that seal stored PBX PINs, newest first.
    pub key_file: Option<PathBuf>,
    /// `click2dial.credential_dir`: where the PINs of `stored` mode are kept, sealed, one file
    /// per login; `None` until the administrator names a folder (see `credentials::store`).
    pub credential_dir: Option<PathBuf>,
    /// `click2dial.rate_limit`: calls a minute one user may place; 0 turns the limit off.
    pub rate_limit: u32,
    /// `click2dial.duplicate_window_ms`: how long the same number is refused again for the same
    /// user; zero turns it off.
    pub duplicate_window: Duration,
    /// `click2dial.state_dir`: where the limits shared by all workers are kept; `None` is a
    /// folder of this user's own in the system's temporary folder.
    pub state_dir: Option<PathBuf>,
    /// `click2dial.failed_logins`: failed sign-ins (401, 403) a PBX account may have in a row
    /// before each further request must wait (`ratelimit`); zero turns the budget off.
    pub failed_logins: u32,
    /// `click2dial.pbx`: which PBX places the calls.
    pub pbx: PbxKind,
    /// `click2dial.clicktocall_xml`: the clicktocall server's XML interface, `HOST:PORT`; `None`
    /// places calls through its HTTP interface (`server`), without progress.
    pub clicktocall_xml: Option<String>,
    /// `click2dial.clicktocall_password_file`: the file holding the clicktocall server's
    /// `HttpAuthPwd`; `None` sends no credentials.
    pub clicktocall_password_file: Option<PathBuf>,
    /// `click2dial.clicktocall_anchor`: whether the clicktocall server stays in the call as a
    /// back-to-back user agent instead of transferring it with REFER.
    pub clicktocall_anchor: bool,
    /// `click2dial.clicktocall_initiator`: how a user's phone is addressed, with `{extension}`
    /// and `{login}`; the directory's `sip_uri` column overrides it per user.
    pub clicktocall_initiator: String,
    /// `click2dial.clicktocall_follow_timeout_ms`: how long a call placed over the XML interface
    /// is followed at most.
    pub clicktocall_follow_timeout: Duration,
    /// `click2dial.shared_state`: the Redis that keeps the limits for several web servers
    /// (`redis://host:port/db`, `rediss://…`, `unix:///path`); `None` keeps them in the state
    /// folder (`sharedstate`).
    pub shared_state: Option<String>,
    /// `click2dial.shared_state_ca_file`: the CA that signs Redis' certificate for `rediss://`;
    /// `None` uses `click2dial.ca_file` (or the system's roots).
    pub shared_state_ca_file: Option<PathBuf>,
    /// `click2dial.shared_state_password_file`: the file holding Redis' password; `None` sends
    /// none.
    pub shared_state_password_file: Option<PathBuf>,
}

/// Default for `click2dial.rate_limit`.
pub const DEFAULT_RATE_LIMIT: u32 = 6;
/// Default for `click2dial.duplicate_window_ms`.
pub const DEFAULT_DUPLICATE_WINDOW: Duration = Duration::from_millis(5000);
/// Default for `click2dial.failed_logins`.
pub const DEFAULT_FAILED_LOGINS: u32 = 5;

/// Default for `click2dial.clicktocall_initiator`.
pub const DEFAULT_CLICKTOCALL_INITIATOR: &str = "sip:{extension}";

/// Which PBX places the calls (`click2dial.pbx`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PbxKind {
    /// sipXecs' configuration server, through its REST API.
    #[default]
    SipXconfig,
    /// reSIProcate's clicktocall server, through its HTTP or XML interface.
    ClickToCall,
}

impl PbxKind {
    /// Every kind, in the order messages list them.
    pub const ALL: [PbxKind; 2] = [PbxKind::SipXconfig, PbxKind::ClickToCall];

    /// Reads the INI value; `""` is the default.
    pub fn parse(value: &str) -> Result<PbxKind> {
        let value = value.trim().to_ascii_lowercase();
        if value.is_empty() {
            return Ok(PbxKind::default());
        }
        PbxKind::ALL
            .into_iter()
            .find(|kind| kind.name() == value)
            .ok_or_else(|| {
                Error::configuration(format!(
                    "click2dial.pbx is {}: use sipxconfig (sipXecs' REST API) or clicktocall \
                     (reSIProcate's clicktocall server)",
                    quoted(&value)
                ))
            })
    }

    /// The INI value.
    pub fn name(self) -> &'static str {
        match self {
            PbxKind::SipXconfig => "sipxconfig",
            PbxKind::ClickToCall => "clicktocall",
        }
    }
}

/// Where a user's PBX password comes from (`click2dial.credentials`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CredentialSource {
    /// The WebAccess login password is the PBX password (one LDAP for both).
    Session,
    /// Each user's PIN, sealed, in the extension's credential store (`click2dial.credential_dir`).
    #[default]
    Stored,
    /// Sealed PINs in the directory's `credential` column.
    Directory,
}

impl CredentialSource {
    /// Reads the INI value; `""` is the default.
    pub fn parse(value: &str) -> Result<CredentialSource> {
        match value.trim().to_ascii_lowercase().as_str() {
            "session" => Ok(CredentialSource::Session),
            "stored" | "" => Ok(CredentialSource::Stored),
            "directory" => Ok(CredentialSource::Directory),
            other => Err(Error::configuration(format!(
                "click2dial.credentials is {}: use session, stored or directory",
                quoted(other)
            ))),
        }
    }

    /// The INI value.
    pub fn name(self) -> &'static str {
        match self {
            CredentialSource::Session => "session",
            CredentialSource::Stored => "stored",
            CredentialSource::Directory => "directory",
        }
    }
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            server: String::new(),
            ca_file: None,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            timeout: DEFAULT_TIMEOUT,
            directory: None,
            allow_http: false,
            dialplan: None,
            credentials: CredentialSource::default(),
            key_file: None,
            credential_dir: None,
            rate_limit: DEFAULT_RATE_LIMIT,
            duplicate_window: DEFAULT_DUPLICATE_WINDOW,
            state_dir: None,
            failed_logins: DEFAULT_FAILED_LOGINS,
            pbx: PbxKind::default(),
            clicktocall_xml: None,
            clicktocall_password_file: None,
            clicktocall_anchor: true,
            clicktocall_initiator: DEFAULT_CLICKTOCALL_INITIATOR.to_owned(),
            clicktocall_follow_timeout: crate::clicktocall::DEFAULT_FOLLOW_TIMEOUT,
            shared_state: None,
            shared_state_ca_file: None,
            shared_state_password_file: None,
        }
    }
}

/// sipXconfig's base URL, checked: a scheme the settings allow, a host, no credentials, no path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerUrl {
    base: Url,
}

impl ServerUrl {
    /// Checks `click2dial.server` against the rules above.
    pub fn parse(server: &str, allow_http: bool) -> Result<ServerUrl> {
        const EXAMPLE: &str = "e.g. https://sipx.example.com:8443";
        let server = server.trim();
        if server.is_empty() {
            return Err(Error::configuration(format!(
                "click2dial.server is not set: set it in php.ini to sipXconfig's address, {EXAMPLE}"
            )));
        }
        let blanked = without_userinfo(server);
        let shown = quoted(&blanked);
        // Before parsing: a password with `/`, `#` or `?` in it would not parse as one.
        let userinfo = || {
            Error::configuration(format!(
                "click2dial.server {shown} contains a user name or password: remove it; \
                 each user's own credentials are sent in the Authorization header"
            ))
        };
        if blanked != server {
            return Err(userinfo());
        }
        let base = Url::parse(server).map_err(|err| {
            Error::configuration(format!(
                "click2dial.server {shown} is not a URL ({err}): give scheme, host and port, {EXAMPLE}"
            ))
        })?;
        if !base.username().is_empty() || base.password().is_some() {
            return Err(userinfo());
        }
        match base.scheme() {
            "https" => {}
            "http" if allow_http => {}
            "http" => {
                return Err(Error::configuration(format!(
                    "click2dial.server {shown} uses plain http, which would send PBX passwords \
                     unencrypted: use https (sipXconfig listens on 8443 or 443), or set \
                     click2dial.allow_http=1 for a test PBX"
                )))
            }
            other => {
                return Err(Error::configuration(format!(
                    "click2dial.server {shown} has the scheme \"{other}\": use https, {EXAMPLE}"
                )))
            }
        }
        if base.host_str().is_none_or(str::is_empty) {
            return Err(Error::configuration(format!(
                "click2dial.server {shown} names no host, {EXAMPLE}"
            )));
        }
        if base.path() != "/" || base.query().is_some() || base.fragment().is_some() {
            return Err(Error::configuration(format!(
                "click2dial.server {shown} has a path, query or fragment: give only scheme, host \
                 and port, {EXAMPLE} (click2dial adds /sipxconfig/rest/... itself)"
            )));
        }
        Ok(ServerUrl { base })
    }

    /// `host:port` as people say it in messages.
    pub fn authority(&self) -> String {
        let host = self.base.host_str().unwrap_or_default();
        match self.base.port() {
            Some(port) => format!("{host}:{port}"),
            None => host.to_owned(),
        }
    }

    /// The host name alone, as the certificate must name it.
    pub fn host(&self) -> &str {
        self.base.host_str().unwrap_or_default()
    }

    /// The URL of a resource under the base, e.g. `sipxconfig/rest/call/%2B49...`; `path` must
    /// already be escaped.
    pub fn join(&self, path: &str) -> String {
        let mut url = self.base.as_str().to_owned();
        url.push_str(path);
        url
    }
}

/// The server setting with everything from the end of the scheme to its last `@` blanked, so that
/// a password an administrator wrongly put into the URL is not repeated in a message or in
/// phpinfo().
///
/// The authority is not parsed to find the user information: a password may hold any character,
/// `/`, `#`, `?` and `@` included, and a parser stops the authority at the first of them and
/// shows the rest of the password as a path, query or fragment. A server URL has no path, so an
/// `@` anywhere after the scheme can only come from user information; what is blanked up to it
/// is at worst more than the password, never less.
pub fn without_userinfo(server: &str) -> String {
    let scheme_end = server.find("://").map_or(0, |i| i + 3);
    match server[scheme_end..].rfind('@') {
        Some(at) => format!(
            "{}…@{}",
            &server[..scheme_end],
            &server[scheme_end + at + 1..]
        ),
        None => server.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    fn refusal(server: &str, allow_http: bool) -> String {
        let err = ServerUrl::parse(server, allow_http).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Configuration);
        err.message().to_owned()
    }

    #[test]
    fn an_https_base_url_is_accepted_and_joined() {
        let url = ServerUrl::parse("https://sipx.example.com:8443", false).unwrap();
        assert_eq!(url.authority(), "sipx.example.com:8443");
        assert_eq!(
            url.join("sipxconfig/rest/call/207"),
            "https://sipx.example.com:8443/sipxconfig/rest/call/207"
        );
        let url = ServerUrl::parse(" https://sipx.example.com/ ", false).unwrap();
        assert_eq!(url.authority(), "sipx.example.com");
    }

    #[test]
    fn the_pbx_is_sipxconfig_unless_clicktocall_is_named() {
        assert_eq!(PbxKind::parse("").unwrap(), PbxKind::SipXconfig);
        assert_eq!(PbxKind::parse(" SipXconfig ").unwrap(), PbxKind::SipXconfig);
        assert_eq!(PbxKind::parse("clicktocall").unwrap(), PbxKind::ClickToCall);
        let err = PbxKind::parse("asterisk").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Configuration);
        assert!(
            err.message().contains("\"asterisk\"") && err.message().contains("clicktocall"),
            "{err}"
        );
    }

    #[test]
    fn plain_http_needs_the_switch() {
        assert!(refusal("http://sipx.example.com", false).contains("click2dial.allow_http=1"));
        assert!(ServerUrl::parse("http://sipx.example.com", true).is_ok());
    }

    #[test]
    fn a_password_in_the_url_is_refused_and_not_repeated() {
        let message = refusal("https://206:s3cret@sipx.example.com:8443", false);
        assert!(message.contains("user name or password"), "{message}");
        assert!(!message.contains("s3cret"), "{message}");
        assert!(message.contains("sipx.example.com:8443"), "{message}");
    }

    #[test]
    fn a_password_with_url_delimiters_in_it_is_never_shown() {
        for password in [
            "pa/ss",
            "pa#ss",
            "pa?ss",
            "p@ss",
            "a/b#c?d@e",
            "12/34",
            "12#34",
            "12?34",
            "x/#?y",
        ] {
            let server = format!("https://206:{password}@sipx.example.com:8443");
            let shown = without_userinfo(&server);
            assert_eq!(shown, "https://…@sipx.example.com:8443", "{password}");
            let message = refusal(&server, false);
            assert!(!message.contains(password), "{password}: {message}");
            assert!(message.contains("user name or password"), "{message}");
            assert!(message.contains("sipx.example.com:8443"), "{message}");
            let message = refusal(&format!("206:{password}@sipx.example.com"), false);
            assert!(!message.contains(password), "{password}: {message}");
        }
        assert_eq!(
            without_userinfo("https://sipx.example.com"),
            "https://sipx.example.com"
        );
    }

    #[test]
    fn missing_bad_and_overspecified_urls_are_refused() {
        assert!(refusal("", false).contains("not set"));
        assert!(refusal("sipx.example.com", false).contains("not a URL"));
        assert!(refusal("ftp://sipx.example.com", false).contains("\"ftp\""));
        assert!(refusal("https://sipx.example.com/sipxconfig", false).contains("path"));
        assert!(refusal("https://sipx.example.com/?a=1", false).contains("path"));
    }
}
