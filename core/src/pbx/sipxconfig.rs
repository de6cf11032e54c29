//! The sipXconfig REST client: `PUT /sipxconfig/rest/call/{number}` places a call, and
//! `GET /sipxconfig/rest/my/activecdrs` lists the user's calls in progress.
//!
//! sipXconfig answers an accepted call with an empty 200 at once, before any phone rings: the
//! call is then set up over SIP (the user's own phone first, then a REFER to the number). So a
//! [`CallAccepted`] means "the PBX took the request", never "connected".
//!
//! Credentials go pre-emptively in a Basic `Authorization` header, never in the URL; sipXconfig
//! also speaks Digest, but Basic over verified TLS saves a round trip per call.
//!
//! The header is base64 of `user:PIN`, as good as the PIN to whoever reads the process's memory
//! later (a core dump, a debugger, a memory disclosure bug). So `authorization` builds it in
//! one buffer that is wiped when dropped, and the request's head that carries it
//! (`crate::transport`) is wiped too. What rustls and PHP still copy is listed in SECURITY.md
//! ("What stays in memory").

use std::io;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use reqwest::StatusCode;
use reqwest::Url as ParsedUrl;

use crate::activecalls::{self, ActiveCall};
use crate::error::{quoted, Error, ErrorKind, Result};
use crate::number::DialString;
use crate::secret::Secret;
use crate::settings::{ServerUrl, Settings};
use crate::transport::{Answer, Failure, Request, Target, WhileWaiting};
use crate::watched::lock;
use crate::{tls, transport};
use zeroize::Zeroizing;

use super::{Accepted, Caller, Look, Pbx};
use crate::clicktocall::state::CallState;
use crate::status::{self, CallLog, CallRecord};

/// sipXconfig behind the PBX interface: every request as the caller's sipXecs user
/// (the directory's `sipx_user`), with the user's own PIN.
#[derive(Clone, Copy, Debug)]
pub struct SipXconfig;

impl Pbx for SipXconfig {
    fn name(&self) -> &'static str {
        "sipXconfig"
    }

    fn asks_password(&self) -> bool {
        true
    }

    fn check_settings(&self, settings: &Settings) -> Result<()> {
        server_url(settings).map(drop)
    }

    fn place_call(
        &self,
        settings: &Settings,
        caller: Caller<'_>,
        password: Option<&Secret>,
        number: &DialString,
        log: &mut CallLog,
    ) -> Result<Accepted> {
        let server = server(settings)?;
        let password = password.ok_or_else(no_password)?;
        // The call's record is written while sipXconfig works on the request (see
        // `CallLog::write_new`); a refused call's is removed again by `make_call`.
        log.record.placed_at_ms = status::now_ms();
        let log = &*log;
        let write_record = || {
            let _ = log.write_new();
        };
        let accepted = place_call(
            settings,
            &server,
            &caller.phone.sipx_user,
            password,
            number,
            WhileWaiting(&write_record),
        )?;
        Ok(Accepted {
            status: accepted.status,
            elapsed: accepted.elapsed,
            translated_initiator: None,
            translated_destination: None,
        })
    }

    fn active_calls(
        &self,
        settings: &Settings,
        caller: Caller<'_>,
        password: Option<&Secret>,
    ) -> Result<Vec<ActiveCall>> {
        let server = server(settings)?;
        let password = password.ok_or_else(no_password)?;
        active_calls(settings, &server, &caller.phone.sipx_user, password)
    }

    /// Judged at each look from the calls in progress, which sipXconfig lists.
    fn call_status(
        &self,
        settings: &Settings,
        record: &mut CallRecord,
        look: &Look<'_>,
    ) -> Result<(CallState, bool)> {
        status::judged_by_active_calls(settings, record, look).map(|state| (state, true))
    }
}

/// `click2dial.server`, checked, with where its requests go.
#[derive(Clone, Debug)]
struct Server {
    url: ServerUrl,
    target: Target,
    /// The base URL's path, ending in `/`.
    base_path: String,
}

/// The last `click2dial.server` this process checked, as checked: a call looks at it twice
/// (its settings, its request) and every call of a process at the same one, and parsing a URL
/// costs some 6,500 instructions each time (docs/benchmarks.md).
static LAST_SERVER: Mutex<Option<(String, bool, Server)>> = Mutex::new(None);

/// `click2dial.server` checked ([`ServerUrl::parse`]), from [`LAST_SERVER`] when it is the same.
fn server_url(settings: &Settings) -> Result<ServerUrl> {
    server(settings).map(|server| server.url)
}

fn server(settings: &Settings) -> Result<Server> {
    let mut last = lock(&LAST_SERVER);
    if let Some((text, allow_http, server)) = last.as_ref() {
        if *text == settings.server && *allow_http == settings.allow_http {
            return Ok(server.clone());
        }
    }
    let url = ServerUrl::parse(&settings.server, settings.allow_http)?;
    let server = target_of(url)?;
    *last = Some((settings.server.clone(), settings.allow_http, server.clone()));
    Ok(server)
}

/// Where the checked URL's requests go.
fn target_of(url: ServerUrl) -> Result<Server> {
    let parsed = ParsedUrl::parse(&url.join(""))
        .map_err(|err| Error::configuration(format!("click2dial.server: {err}")))?;
    // An IPv6 address without its brackets, as it is connected to and as TLS names it.
    let host = match parsed.host_str() {
        Some(host) => host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_owned(),
        None => return Err(Error::configuration("click2dial.server names no host")),
    };
    let target = Target {
        tls: parsed.scheme() == "https",
        host,
        port: parsed.port_or_known_default().unwrap_or(443),
    };
    Ok(Server {
        base_path: parsed.path().to_owned(),
        target,
        url,
    })
}

/// Only reached by a caller that skipped the credentials, which `make_call` never does.
fn no_password() -> Error {
    Error::new(
        ErrorKind::Credential,
        "sipXconfig needs the user's PBX password and none was given",
    )
}

/// How much of an answer's body is read; sipXconfig's answers are empty or a short error page.
/// A longer body is left unread and its connection closed rather than kept.
pub const MAX_BODY_BYTES: u64 = 16 * 1024;

/// How much of the list of calls in progress is read; a user's few calls take a few KiB.
pub const MAX_LIST_BYTES: usize = 256 * 1024;

/// sipXconfig took the call request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallAccepted {
    /// The HTTP status (2xx).
    pub status: u16,
    /// From sending the request to having read the whole answer.
    pub elapsed: Duration,
}

/// Asks sipXconfig to ring `user`'s phone and then connect it to `number`.
fn place_call(
    settings: &Settings,
    server: &Server,
    user: &str,
    password: &Secret,
    number: &DialString,
    while_waiting: WhileWaiting<'_>,
) -> Result<CallAccepted> {
    let path = format!(
        "{}sipxconfig/rest/call/{}",
        server.base_path,
        number.path_segment()
    );
    let started = Instant::now();
    let answer = exchange(
        settings,
        server,
        user,
        password,
        Ask {
            method: "PUT",
            path: &path,
            body_use: BodyUse::Drain,
            while_waiting: Some(while_waiting),
        },
    )?;
    let elapsed = started.elapsed();
    let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::BAD_GATEWAY);
    if status.is_success() {
        return Ok(CallAccepted {
            status: answer.status,
            elapsed,
        });
    }
    Err(refusal(
        status,
        answer.location.as_deref(),
        &server.url,
        user,
        Subject::Call(number),
    ))
}

/// The calls in progress of `user`, as sipXconfig's call resolver reports them.
fn active_calls(
    settings: &Settings,
    server: &Server,
    user: &str,
    password: &Secret,
) -> Result<Vec<ActiveCall>> {
    let path = format!("{}sipxconfig/rest/my/activecdrs", server.base_path);
    let keep = BodyUse::Keep {
        limit: MAX_LIST_BYTES,
    };
    let ask = Ask {
        method: "GET",
        path: &path,
        body_use: keep,
        while_waiting: None,
    };
    let answer = exchange(settings, server, user, password, ask)?;
    let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::BAD_GATEWAY);
    if !status.is_success() {
        return Err(refusal(
            status,
            answer.location.as_deref(),
            &server.url,
            user,
            Subject::ActiveCalls,
        ));
    }
    let at = server.url.authority();
    let Some(body) = answer.body else {
        return Err(Error::new(
            ErrorKind::PbxRejected {
                status: status.as_u16(),
            },
            format!(
                "sipXconfig at {at} answered the list of calls in progress with more than {} \
                 KiB; it is not read",
                MAX_LIST_BYTES / 1024
            ),
        ));
    };
    activecalls::parse(&body).map_err(|why| {
        Error::new(
            ErrorKind::PbxRejected {
                status: status.as_u16(),
            },
            format!(
                "sipXconfig at {at} answered the list of calls in progress in a form click2dial \
                 does not read: {why}"
            ),
        )
    })
}

/// What an answer's body is for.
enum BodyUse {
    /// Nothing: it is read up to [`MAX_BODY_BYTES`] only so that the connection can be kept.
    Drain,
    /// Its bytes, when there are no more than `limit`.
    Keep { limit: usize },
}

/// One request to sipXconfig: what is asked, and what is done meanwhile.
struct Ask<'a> {
    method: &'a str,
    path: &'a str,
    body_use: BodyUse,
    while_waiting: Option<WhileWaiting<'a>>,
}

/// Sends `ask` as `user` over this process's client and reads the answer.
fn exchange(
    settings: &Settings,
    server: &Server,
    user: &str,
    password: &Secret,
    ask: Ask<'_>,
) -> Result<Answer> {
    let Ask {
        method,
        path,
        body_use,
        while_waiting,
    } = ask;
    let transport = transport::client(settings.ca_file.as_deref(), settings.connect_timeout)?;
    let credentials = authorization(user, password);
    let (body_limit, keep_body) = match body_use {
        BodyUse::Drain => (MAX_BODY_BYTES as usize, false),
        BodyUse::Keep { limit } => (limit, true),
    };
    // The resource of the calls in progress offers XML first; JSON only when asked for.
    let accept: &[u8] = b"application/json";
    let headers: &[(&str, &[u8])] = if keep_body {
        &[("Authorization", &credentials), ("Accept", accept)]
    } else {
        &[("Authorization", &credentials)]
    };
    let request = Request {
        method,
        path,
        headers,
        timeout: settings.timeout,
        body_limit,
        keep_body,
        while_waiting,
    };
    transport
        .exchange(&server.target, &request)
        .map_err(|failure| {
            let error = unreachable(&failure, settings, &server.url);
            if failure.unsent() {
                error.unsent()
            } else {
                error
            }
        })
}

/// The `Authorization: Basic` value for `user` and `password`, in a buffer wiped when dropped.
/// `user:password` and its base64 are written straight into buffers of their final size (no
/// growing, no stack buffer of an encoder); the request's head, which copies the value, is wiped
/// too (`transport::http1::head`).
fn authorization(user: &str, password: &Secret) -> Zeroizing<Vec<u8>> {
    const PREFIX: &[u8] = b"Basic ";
    let secret = password.expose().as_bytes();
    let mut plain = Zeroizing::new(Vec::with_capacity(user.len() + 1 + secret.len()));
    plain.extend_from_slice(user.as_bytes());
    plain.push(b':');
    plain.extend_from_slice(secret);
    let encoded = base64::encoded_len(plain.len(), true).unwrap_or(0);
    let mut value = Zeroizing::new(vec![0; PREFIX.len() + encoded]);
    value[..PREFIX.len()].copy_from_slice(PREFIX);
    // The buffer has exactly the room the encoding needs, so this cannot fail.
    let _ = STANDARD.encode_slice(&*plain, &mut value[PREFIX.len()..]);
    value
}

/// What a request was for, so that a refusal names it.
#[derive(Clone, Copy)]
enum Subject<'a> {
    Call(&'a DialString),
    ActiveCalls,
}

impl Subject<'_> {
    fn request(self) -> &'static str {
        match self {
            Subject::Call(_) => "the call request",
            Subject::ActiveCalls => "the request for the calls in progress",
        }
    }
}

fn refusal(
    status: StatusCode,
    location: Option<&str>,
    server: &ServerUrl,
    user: &str,
    subject: Subject<'_>,
) -> Error {
    let request = subject.request();
    let code = status.as_u16();
    let at = server.authority();
    let http = match status.canonical_reason() {
        Some(reason) => format!("HTTP {code} {reason}"),
        None => format!("HTTP {code}"),
    };
    let (kind, message) = match code {
        401 => (
            ErrorKind::Authentication { status: code },
            format!(
                "sipXconfig at {at} did not accept the password of user {} ({http}): check the \
                 user's PBX PIN (the sipXecs user-portal PIN, not the SIP password)",
                quoted(user)
            ),
        ),
        403 => (
            ErrorKind::Authentication { status: code },
            format!(
                "sipXconfig at {at} does not let user {} {} ({http}): check the user's \
                 permissions in sipXconfig",
                quoted(user),
                match subject {
                    Subject::Call(_) => "place calls",
                    Subject::ActiveCalls => "see their calls in progress",
                }
            ),
        ),
        300..=399 => (
            ErrorKind::PbxRejected { status: code },
            format!(
                "sipXconfig at {at} redirected {request}{} ({http}); redirects are not \
                 followed, so that credentials go nowhere else: set click2dial.server to the \
                 address sipXconfig answers on",
                location
                    .map(|to| format!(" to {}", quoted(&redirect_target(to))))
                    .unwrap_or_default()
            ),
        ),
        400 => (
            ErrorKind::PbxRejected { status: code },
            match subject {
                Subject::Call(number) => {
                    format!("sipXconfig at {at} did not accept the number {number} ({http})")
                }
                Subject::ActiveCalls => {
                    format!("sipXconfig at {at} did not accept {request} ({http})")
                }
            },
        ),
        404 | 405 => (
            ErrorKind::PbxRejected { status: code },
            format!(
                "{at} has no sipXconfig {} ({http}): check that click2dial.server points at \
                 sipXconfig (port 8443 on sipXecs 4.4, 443 on later versions)",
                match subject {
                    Subject::Call(_) => "call service",
                    Subject::ActiveCalls =>
                        "list of calls in progress (/sipxconfig/rest/my/activecdrs)",
                }
            ),
        ),
        500..=599 => (
            ErrorKind::PbxRejected { status: code },
            format!(
                "sipXconfig at {at} failed on {request} ({http}): try again later; if it \
                 persists, check sipXconfig's log"
            ),
        ),
        _ => (
            ErrorKind::PbxRejected { status: code },
            match subject {
                Subject::Call(number) => {
                    format!("sipXconfig at {at} refused the call to {number} ({http})")
                }
                Subject::ActiveCalls => format!("sipXconfig at {at} refused {request} ({http})"),
            },
        ),
    };
    Error::new(kind, message)
}

/// Where a redirect pointed, without any user information it might carry.
fn redirect_target(location: &str) -> String {
    match reqwest::Url::parse(location) {
        Ok(mut url) => {
            let _ = url.set_username("");
            let _ = url.set_password(None);
            url.set_query(None);
            url.to_string()
        }
        Err(_) => "another address".to_owned(),
    }
}

/// Turns a transport failure into a message about what to check.
fn unreachable(failure: &Failure, settings: &Settings, server: &ServerUrl) -> Error {
    let at = server.authority();
    let host = server.host();
    if let Some(tls) = failure.tls_error() {
        return Error::unreachable(tls::explain(tls, host, settings.ca_file.as_deref()));
    }
    let io = match failure {
        Failure::Resolve(_) => {
            return Error::unreachable(format!(
                "cannot resolve the host name {host}: check click2dial.server and this \
                 machine's DNS"
            ))
        }
        Failure::ConnectTimeout | Failure::Timeout => {
            let (limit, setting) = if matches!(failure, Failure::ConnectTimeout) {
                (settings.connect_timeout, "click2dial.connect_timeout_ms")
            } else {
                (settings.timeout, "click2dial.timeout_ms")
            };
            return Error::unreachable(format!(
                "sipXconfig at {at} did not answer within {} ms ({setting}): check that \
                 sipXconfig is running and reachable from this machine",
                limit.as_millis()
            ));
        }
        Failure::Malformed(what) => {
            return Error::unreachable(format!(
                "cannot reach sipXconfig at {at}: it sent {what}; check click2dial.server \
                 (host and port) and that sipXconfig is running"
            ))
        }
        Failure::Connect(io) | Failure::Io(io) => io,
    };
    let why = match io.kind() {
        io::ErrorKind::ConnectionRefused => "the connection was refused".to_owned(),
        io::ErrorKind::ConnectionReset
        | io::ErrorKind::ConnectionAborted
        | io::ErrorKind::BrokenPipe => "the connection was reset".to_owned(),
        io::ErrorKind::UnexpectedEof => "the connection was closed before an answer".to_owned(),
        _ => io.to_string(),
    };
    Error::unreachable(format!(
        "cannot reach sipXconfig at {at}: {why}; check click2dial.server (host and port) and \
         that sipXconfig is running"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checked_server_follows_the_setting() {
        let mut settings = Settings {
            server: "https://a.example.com".to_owned(),
            ..Settings::default()
        };
        assert_eq!(server_url(&settings).unwrap().host(), "a.example.com");
        settings.server = "https://b.example.com:8443".to_owned();
        assert_eq!(
            server_url(&settings).unwrap().authority(),
            "b.example.com:8443"
        );
        settings.server = "http://b.example.com:8443".to_owned();
        assert!(server_url(&settings).is_err(), "http is not allowed");
        settings.allow_http = true;
        assert_eq!(server_url(&settings).unwrap().host(), "b.example.com");
    }

    #[test]
    fn the_authorization_header_is_basic_user_pin() {
        let header = authorization("206", &Secret::from("S3cr3t:PIN ä"));
        let encoded = std::str::from_utf8(&header)
            .unwrap()
            .strip_prefix("Basic ")
            .unwrap();
        assert_eq!(
            STANDARD.decode(encoded).unwrap(),
            "206:S3cr3t:PIN ä".as_bytes()
        );
    }

    #[test]
    fn requests_go_to_the_servers_host_port_and_path() {
        let target = |server: &str| {
            let settings = Settings {
                server: server.to_owned(),
                allow_http: true,
                ..Settings::default()
            };
            let server = super::server(&settings).unwrap();
            (server.target, server.base_path)
        };
        let at = |tls, host: &str, port| Target {
            tls,
            host: host.to_owned(),
            port,
        };
        assert_eq!(
            target("https://sipx.example.com:8443"),
            (at(true, "sipx.example.com", 8443), "/".to_owned())
        );
        assert_eq!(
            target("https://sipx.example.com"),
            (at(true, "sipx.example.com", 443), "/".to_owned())
        );
        assert_eq!(
            target("http://[::1]:8080/"),
            (at(false, "::1", 8080), "/".to_owned())
        );
    }
}
