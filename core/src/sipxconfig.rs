//! The sipXconfig REST client: `PUT /sipxconfig/rest/call/{number}` places a call, and
//! `GET /sipxconfig/rest/my/activecdrs` lists the user's calls in progress.
//!
//! sipXconfig answers an accepted call with an empty 200 at once, before any phone rings: the
//! call is then set up over SIP (the user's own phone first, then a REFER to the number). So a
//! [`CallAccepted`] means "the PBX took the request", never "connected".
//!
//! Credentials go pre-emptively in a Basic `Authorization` header, never in the URL; sipXconfig
//! also speaks Digest, but Basic over verified TLS saves a round trip per call.

use std::error::Error as StdError;
use std::io;
use std::time::{Duration, Instant};

use reqwest::header::{ACCEPT, CONTENT_LENGTH, LOCATION};
use reqwest::Response;
use reqwest::StatusCode;

use crate::activecalls::{self, ActiveCall};
use crate::error::{quoted, Error, ErrorKind, Result};
use crate::number::DialString;
use crate::secret::Secret;
use crate::settings::{ServerUrl, Settings};
use crate::{tls, transport};

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
pub fn place_call(
    settings: &Settings,
    server: &ServerUrl,
    user: &str,
    password: &Secret,
    number: &DialString,
) -> Result<CallAccepted> {
    let url = server.join(&format!("sipxconfig/rest/call/{}", number.path_segment()));
    let started = Instant::now();
    let answer = exchange(settings, server, user, password, BodyUse::Drain, |client| {
        client.put(url).header(CONTENT_LENGTH, "0")
    })?;
    let elapsed = started.elapsed();
    if answer.status.is_success() {
        return Ok(CallAccepted {
            status: answer.status.as_u16(),
            elapsed,
        });
    }
    Err(refusal(
        answer.status,
        answer.location.as_deref(),
        server,
        user,
        Subject::Call(number),
    ))
}

/// The calls in progress of `user`, as sipXconfig's call resolver reports them.
pub fn active_calls(
    settings: &Settings,
    server: &ServerUrl,
    user: &str,
    password: &Secret,
) -> Result<Vec<ActiveCall>> {
    let url = server.join("sipxconfig/rest/my/activecdrs");
    let keep = BodyUse::Keep {
        limit: MAX_LIST_BYTES,
    };
    let answer = exchange(settings, server, user, password, keep, |client| {
        // The resource offers XML first; JSON only when asked for.
        client.get(url).header(ACCEPT, "application/json")
    })?;
    let status = answer.status;
    if !status.is_success() {
        return Err(refusal(
            status,
            answer.location.as_deref(),
            server,
            user,
            Subject::ActiveCalls,
        ));
    }
    let at = server.authority();
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

/// What came back; `body` only for [`BodyUse::Keep`], `None` when it was too long.
struct Answer {
    status: StatusCode,
    location: Option<String>,
    body: Option<Vec<u8>>,
}

/// Sends the request `prepare` builds as `user` over this process's client and reads the answer.
fn exchange(
    settings: &Settings,
    server: &ServerUrl,
    user: &str,
    password: &Secret,
    body_use: BodyUse,
    prepare: impl FnOnce(&reqwest::Client) -> reqwest::RequestBuilder,
) -> Result<Answer> {
    let transport = transport::client(settings.ca_file.as_deref(), settings.connect_timeout)?;
    let request = prepare(transport.client())
        .basic_auth(user, Some(password.expose()))
        .timeout(settings.timeout);
    transport
        .block_on(async {
            let response = request.send().await?;
            let status = response.status();
            let location = response
                .headers()
                .get(LOCATION)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned);
            let body = match body_use {
                BodyUse::Drain => {
                    // The status line has already said what sipXconfig decided: a body that
                    // breaks off after a 200 does not undo a call, and reporting it as a failure
                    // would invite a second call.
                    let _ = drain(response).await;
                    None
                }
                BodyUse::Keep { limit } => read_bounded(response, limit).await?,
            };
            Ok::<_, reqwest::Error>(Answer {
                status,
                location,
                body,
            })
        })
        .map_err(|err| {
            let error = unreachable(&err, settings, server);
            // reqwest reports the name lookup, the TCP connection and the TLS handshake as
            // connect errors, before a byte of the request is written; anything later (a
            // time-out waiting for the answer, a reset) may have reached sipXconfig.
            if err.is_connect() || err.is_builder() {
                error.unsent()
            } else {
                error
            }
        })
}

/// The whole body, or `None` when it is longer than `limit`.
async fn read_bounded(mut response: Response, limit: usize) -> reqwest::Result<Option<Vec<u8>>> {
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await? {
        if body.len() + chunk.len() > limit {
            return Ok(None);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Some(body))
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

/// Reads the body up to the bound. A connection is only reused once its answer has been read to
/// the end, and an error page can arrive after the status line. What is read is dropped.
async fn drain(mut response: Response) -> reqwest::Result<()> {
    let mut read = 0;
    while read < MAX_BODY_BYTES {
        match response.chunk().await? {
            Some(chunk) => read += chunk.len() as u64,
            None => break,
        }
    }
    Ok(())
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
fn unreachable(err: &reqwest::Error, settings: &Settings, server: &ServerUrl) -> Error {
    let at = server.authority();
    let host = server.host();
    if let Some(tls) = find_tls_error(err) {
        return Error::unreachable(tls::explain(tls, host, settings.ca_file.as_deref()));
    }
    if err.is_timeout() {
        let (limit, setting) = if err.is_connect() {
            (settings.connect_timeout, "click2dial.connect_timeout_ms")
        } else {
            (settings.timeout, "click2dial.timeout_ms")
        };
        return Error::unreachable(format!(
            "sipXconfig at {at} did not answer within {} ms ({setting}): check that sipXconfig \
             is running and reachable from this machine",
            limit.as_millis()
        ));
    }
    // hyper-util reports a failed name lookup as a "dns error" wrapping the resolver's io::Error.
    if chain(err).any(|e| e.to_string().starts_with("dns error")) {
        return Error::unreachable(format!(
            "cannot resolve the host name {host}: check click2dial.server and this machine's DNS"
        ));
    }
    if let Some(io) = find_io_error(err) {
        let why = match io.kind() {
            io::ErrorKind::ConnectionRefused => "the connection was refused".to_owned(),
            io::ErrorKind::ConnectionReset | io::ErrorKind::ConnectionAborted => {
                "the connection was reset".to_owned()
            }
            io::ErrorKind::UnexpectedEof => "the connection was closed before an answer".to_owned(),
            _ => io.to_string(),
        };
        return Error::unreachable(format!(
            "cannot reach sipXconfig at {at}: {why}; check click2dial.server (host and port) and \
             that sipXconfig is running"
        ));
    }
    Error::unreachable(format!(
        "cannot reach sipXconfig at {at}: {}; check click2dial.server and that sipXconfig is running",
        deepest_cause(err)
    ))
}

fn chain<'a>(
    err: &'a (dyn StdError + 'static),
) -> impl Iterator<Item = &'a (dyn StdError + 'static)> {
    std::iter::successors(Some(err), |&e| next_cause(e))
}

fn next_cause<'a>(err: &'a (dyn StdError + 'static)) -> Option<&'a (dyn StdError + 'static)> {
    // `io::Error::source` skips the error it wraps, so step into it explicitly.
    match err.downcast_ref::<io::Error>().and_then(io::Error::get_ref) {
        Some(inner) => Some(inner),
        None => err.source(),
    }
}

fn find_tls_error(err: &reqwest::Error) -> Option<&rustls::Error> {
    chain(err).find_map(|e| e.downcast_ref::<rustls::Error>())
}

fn find_io_error(err: &reqwest::Error) -> Option<&io::Error> {
    chain(err)
        .filter_map(|e| e.downcast_ref::<io::Error>())
        .last()
}

fn deepest_cause(err: &reqwest::Error) -> String {
    chain(err)
        .last()
        .map(ToString::to_string)
        .unwrap_or_else(|| "unknown failure".to_owned())
}
