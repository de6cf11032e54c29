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
//! later (a core dump, a debugger, a memory disclosure bug). reqwest's own `basic_auth` formats
//! it through a stack buffer into a `Vec` that is freed unwiped. So [`authorization`] builds it
//! here in one buffer that is wiped when the request lets go of it, and the header value shares
//! that buffer instead of copying it. What the HTTP stack still copies is listed in SECURITY.md
//! ("What stays in memory").

use std::error::Error as StdError;
use std::io;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use bytes::Bytes;
use reqwest::header::{HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_LENGTH, LOCATION};
use reqwest::Response;
use reqwest::StatusCode;

use crate::activecalls::{self, ActiveCall};
use crate::error::{quoted, Error, ErrorKind, Result};
use crate::number::DialString;
use crate::secret::Secret;
use crate::settings::{ServerUrl, Settings};
use crate::watched::lock;
use crate::{tls, transport};
use zeroize::{Zeroize, Zeroizing};

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
        _log: &mut CallLog,
    ) -> Result<Accepted> {
        let server = server_url(settings)?;
        let password = password.ok_or_else(no_password)?;
        let accepted = place_call(settings, &server, &caller.phone.sipx_user, password, number)?;
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
        let server = server_url(settings)?;
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

/// The last `click2dial.server` this process checked, as checked: a call looks at it twice
/// (its settings, its request) and every call of a process at the same one, and parsing a URL
/// costs some 6,500 instructions each time (docs/benchmarks.md).
static LAST_SERVER: Mutex<Option<(String, bool, ServerUrl)>> = Mutex::new(None);

/// `click2dial.server` checked ([`ServerUrl::parse`]), from [`LAST_SERVER`] when it is the same.
fn server_url(settings: &Settings) -> Result<ServerUrl> {
    let mut last = lock(&LAST_SERVER);
    if let Some((text, allow_http, url)) = last.as_ref() {
        if *text == settings.server && *allow_http == settings.allow_http {
            return Ok(url.clone());
        }
    }
    let url = ServerUrl::parse(&settings.server, settings.allow_http)?;
    *last = Some((settings.server.clone(), settings.allow_http, url.clone()));
    Ok(url)
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
    let request =
        with_credentials(prepare(transport.client()), user, password).timeout(settings.timeout);
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

/// The request with `user`'s credentials in a pre-emptive Basic `Authorization` header.
fn with_credentials(
    request: reqwest::RequestBuilder,
    user: &str,
    password: &Secret,
) -> reqwest::RequestBuilder {
    request.header(AUTHORIZATION, authorization(user, password))
}

/// The `Authorization: Basic` value for `user` and `password`, marked sensitive (so that neither
/// `Debug` nor an HTTP/2 header table shows or keeps it). `user:password` and its base64 are
/// written straight into buffers of their final size (no growing, no stack buffer of an
/// encoder), and the header value is a view of the second one: when the last copy of the
/// request is dropped, that one buffer is wiped.
fn authorization(user: &str, password: &Secret) -> HeaderValue {
    const PREFIX: &[u8] = b"Basic ";
    let secret = password.expose().as_bytes();
    let mut plain = Zeroizing::new(Vec::with_capacity(user.len() + 1 + secret.len()));
    plain.extend_from_slice(user.as_bytes());
    plain.push(b':');
    plain.extend_from_slice(secret);
    let encoded = base64::encoded_len(plain.len(), true).unwrap_or(0);
    let mut value = WipedOnDrop(vec![0; PREFIX.len() + encoded]);
    value.0[..PREFIX.len()].copy_from_slice(PREFIX);
    // The buffer has exactly the room the encoding needs, so this cannot fail.
    let _ = STANDARD.encode_slice(&*plain, &mut value.0[PREFIX.len()..]);
    // `from_maybe_shared` keeps a `Bytes` as it is (no copy); base64 is always a valid value.
    let mut header = HeaderValue::from_maybe_shared(Bytes::from_owner(value))
        .unwrap_or_else(|_| HeaderValue::from_static("Basic"));
    header.set_sensitive(true);
    header
}

/// A buffer zeroed when the last `Bytes` that shares it is dropped.
struct WipedOnDrop(Vec<u8>);

impl AsRef<[u8]> for WipedOnDrop {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl Drop for WipedOnDrop {
    fn drop(&mut self) {
        self.0.zeroize();
        #[cfg(test)]
        tests::WIPED.with(|wiped| wiped.set(wiped.get() + 1));
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        /// Buffers wiped on this thread (tests run on threads of their own).
        pub(super) static WIPED: Cell<usize> = const { Cell::new(0) };
    }

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
    fn the_authorization_header_is_basic_user_pin_and_marked_sensitive() {
        let header = authorization("206", &Secret::from("S3cr3t:PIN ä"));
        assert!(header.is_sensitive());
        let encoded = header.to_str().unwrap().strip_prefix("Basic ").unwrap();
        assert_eq!(
            STANDARD.decode(encoded).unwrap(),
            "206:S3cr3t:PIN ä".as_bytes()
        );
        assert!(!format!("{header:?}").contains(encoded), "{header:?}");
    }

    #[test]
    fn the_authorization_header_left_in_memory_after_a_request_is_wiped() {
        // The request as `exchange` builds it. Its header must be the one buffer that is wiped,
        // not a copy of it that would be freed as it is.
        let transport = transport::client(None, Duration::from_secs(1)).unwrap();
        let pin = Secret::from("4711");
        let before = WIPED.with(Cell::get);
        let put = transport
            .client()
            .put("https://sipx.example.com/sipxconfig/rest/call/207");
        let request = with_credentials(put, "206", &pin).build().unwrap();
        let sent = request.headers().get(AUTHORIZATION).unwrap();
        assert!(sent.is_sensitive());
        assert_eq!(sent.to_str().unwrap(), "Basic MjA2OjQ3MTE=");
        let clone = request.try_clone().unwrap();
        drop(request);
        assert_eq!(
            WIPED.with(Cell::get),
            before,
            "still in use by a copy of the request"
        );
        drop(clone);
        assert_eq!(
            WIPED.with(Cell::get),
            before + 1,
            "wiped once the last copy of the request is gone"
        );
    }
}
