//! The emulated sipXconfig REST endpoints: `PUT /sipxconfig/rest/call/{to}` and its twin
//! `/sipxconfig/rest/my/call/{to}`, and `GET /sipxconfig/rest/my/activecdrs` (see
//! `activecdrs` and `lives` for what it lists).
//!
//! The order of checks is the real one: injected faults, then routing, then OPTIONS (which
//! sipXconfig lets through unauthenticated), then the security filter (401), then Restlet's
//! method check (405), then `CallResource`'s check of `{to}` (400/500).

use std::ops::ControlFlow;
use std::sync::Arc;
use std::time::Duration;

use emulator_kit::clock;
use http_body_util::BodyExt;
use hyper::body::Incoming;
use hyper::header::{HeaderValue, ACCEPT, ALLOW, AUTHORIZATION, CONTENT_TYPE};
use hyper::http::request::Parts;
use hyper::{Method, Request, Response};

use crate::activecdrs;

use crate::auth::{self, digest, Attempt, Outcome, Scheme};
use crate::calls::NewCall;
use crate::config::User;
use crate::dial::{self, Dialed, Refusal};
use crate::fault::Fault;
use crate::pages::{self, Body};
use crate::state::Emulator;

/// Request bodies are ignored; this much is read so the connection stays usable.
const BODY_LIMIT: usize = 64 * 1024;

/// Returned instead of a response to make hyper close the connection without answering.
#[derive(Debug)]
pub struct CloseSilently;

impl std::fmt::Display for CloseSilently {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection closed without an answer (injected fault)")
    }
}

impl std::error::Error for CloseSilently {}

/// The resources of the emulated server.
enum Route<'a> {
    /// `{to}` exactly as it appears in the request target, still encoded.
    Call {
        raw_to: &'a str,
    },
    ActiveCdrs,
    NotFound,
}

impl Route<'_> {
    fn allow(&self) -> &'static str {
        match self {
            Route::ActiveCdrs => activecdrs::ALLOW,
            _ => pages::CALL_ALLOW,
        }
    }
}

fn route(path: &str) -> Route<'_> {
    if path == "/sipxconfig/rest/my/activecdrs" {
        return Route::ActiveCdrs;
    }
    let raw_to = path
        .strip_prefix("/sipxconfig/rest/call/")
        .or_else(|| path.strip_prefix("/sipxconfig/rest/my/call/"));
    match raw_to {
        // Restlet's `{to}` is exactly one non-empty path segment.
        Some(raw_to) if !raw_to.is_empty() && !raw_to.contains('/') => Route::Call { raw_to },
        _ => Route::NotFound,
    }
}

/// What the checks read of a request.
struct Asked<'a> {
    parts: &'a Parts,
    path: &'a str,
    method: &'a str,
}

/// Who sent a request that passed the security filter.
struct Caller<'c> {
    user: &'c User,
    /// The name the client logged in with, which may be an alias.
    login: String,
    scheme: Scheme,
    now_ms: u64,
}

/// Answers one request to the emulated server, by the checks of the module doc, in their order.
pub async fn handle(
    emulator: Arc<Emulator>,
    request: Request<Incoming>,
) -> Result<Response<Body>, CloseSilently> {
    emulator
        .pbx_requests
        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let (parts, body) = request.into_parts();
    discard_body(body).await;
    let asked = Asked {
        path: parts.uri.path(),
        method: parts.method.as_str(),
        parts: &parts,
    };
    if let Some(answer) = injected_fault(&emulator, &asked).await {
        return answer;
    }
    let route = route(asked.path);
    if let Some(response) = not_found(&emulator, &asked, &route) {
        return Ok(response);
    }
    if let Some(response) = options(&emulator, &asked, &route) {
        return Ok(response);
    }
    let caller = match authenticated(&emulator, &asked) {
        ControlFlow::Continue(caller) => caller,
        ControlFlow::Break(response) => return Ok(response),
    };
    Ok(match route {
        Route::ActiveCdrs => active_cdrs(&emulator, &asked, &caller),
        Route::Call { raw_to } => call(&emulator, &asked, &caller, raw_to),
        Route::NotFound => unreachable!("answered by not_found"),
    })
}

/// The fault a test injected, if any: an answer in place of the real one, or `None` to go on
/// (after the delay of a `Delay` fault).
async fn injected_fault(
    emulator: &Emulator,
    asked: &Asked<'_>,
) -> Option<Result<Response<Body>, CloseSilently>> {
    let Asked { path, method, .. } = asked;
    let log = &emulator.log;
    match emulator.faults.take() {
        Fault::None => None,
        Fault::Delay { ms } => {
            log.say(format_args!(
                "fault: holding {method} {path} for {ms} ms before answering"
            ));
            tokio::time::sleep(Duration::from_millis(ms)).await;
            None
        }
        Fault::Drop => {
            log.say(format_args!(
                "fault: closed the connection after {method} {path} without answering"
            ));
            Some(Err(CloseSilently))
        }
        Fault::Status { status } => {
            log.say(format_args!(
                "fault: answered {method} {path} with {status}; no call placed"
            ));
            Some(Ok(pages::container_error(status, path, "")))
        }
        Fault::Blackhole => {
            log.say(format_args!(
                "fault: swallowed {method} {path}; the connection stays open and silent until the fault is changed"
            ));
            emulator.faults.changed().await;
            Some(Err(CloseSilently))
        }
    }
}

/// The servlet container's 404 for a path that is none of the resources.
fn not_found(emulator: &Emulator, asked: &Asked<'_>, route: &Route<'_>) -> Option<Response<Body>> {
    let Asked { path, method, .. } = asked;
    let Route::NotFound = route else {
        return None;
    };
    emulator
        .log
        .say(format_args!("not found: {method} {path} (404)"));
    Some(pages::container_error(404, path, "Not Found"))
}

/// Restlet's answer to OPTIONS, which sipXconfig's security filter lets through unauthenticated.
fn options(emulator: &Emulator, asked: &Asked<'_>, route: &Route<'_>) -> Option<Response<Body>> {
    if asked.parts.method != Method::OPTIONS {
        return None;
    }
    emulator.log.say(format_args!(
        "options: {} allows {} (200)",
        asked.path,
        route.allow()
    ));
    Some(with_allow(pages::options(), route.allow()))
}

/// The security filter: go on as the caller, or stop with the 401 and the challenge that fits
/// what was sent. (`ControlFlow` rather than `Result`: a 401 is an answer, not a failure.)
fn authenticated<'e>(
    emulator: &'e Emulator,
    asked: &Asked<'_>,
) -> ControlFlow<Response<Body>, Caller<'e>> {
    let Asked {
        parts,
        path,
        method,
    } = asked;
    let config = &emulator.config;
    let log = &emulator.log;
    let now_ms = clock::now_ms();
    let request_target = parts.uri.path_and_query().map_or(*path, |pq| pq.as_str());
    let attempt = Attempt {
        authorization: parts
            .headers
            .get(AUTHORIZATION)
            .map(|value| value.as_bytes()),
        method,
        request_target,
        now_ms,
    };
    match auth::authenticate(config, &emulator.nonces, &attempt) {
        Outcome::Authenticated {
            user,
            login,
            scheme,
        } => ControlFlow::Continue(Caller {
            user,
            login,
            scheme,
            now_ms,
        }),
        Outcome::Missing => {
            log.say(format_args!(
                "challenged: {method} {path} came without credentials; asked for Digest (401)"
            ));
            let challenge = digest::challenge(&config.realm, &emulator.nonces.issue(now_ms), false);
            ControlFlow::Break(pages::unauthorized(
                path,
                "Full authentication is required to access this resource",
                &challenge,
            ))
        }
        Outcome::BasicRefused { login, why } => {
            match login {
                Some(login) => log.say(format_args!("refused: {why} for {login:?} (401, Basic)")),
                None => log.say(format_args!("refused: {why} (401, Basic)")),
            }
            let challenge = format!("Basic realm=\"{}\"", config.realm);
            ControlFlow::Break(pages::unauthorized(path, "Bad credentials", &challenge))
        }
        Outcome::DigestRefused { login, why, stale } => {
            let who = login.map(|l| format!(" for {l:?}")).unwrap_or_default();
            if stale {
                log.say(format_args!(
                    "challenged again: {why}{who}; asked to retry with a fresh nonce (401, stale)"
                ));
            } else {
                log.say(format_args!(
                    "refused: {why}{who} (401, new Digest challenge)"
                ));
            }
            let challenge = digest::challenge(&config.realm, &emulator.nonces.issue(now_ms), stale);
            let reason = if stale {
                "Nonce has expired/timed out"
            } else {
                "Bad credentials"
            };
            ControlFlow::Break(pages::unauthorized(path, reason, &challenge))
        }
    }
}

/// `GET /sipxconfig/rest/my/activecdrs`: Restlet's method check, then the caller's calls in
/// progress in the format the client accepts.
fn active_cdrs(emulator: &Emulator, asked: &Asked<'_>, caller: &Caller<'_>) -> Response<Body> {
    let Asked {
        parts,
        path,
        method,
    } = asked;
    let log = &emulator.log;
    if parts.method != Method::GET && parts.method != Method::HEAD {
        log.say(format_args!(
            "refused: {method} is not allowed on {path}, only GET (405)"
        ));
        return with_allow(pages::restlet_status(405), activecdrs::ALLOW);
    }
    let accept = parts.headers.get(ACCEPT).and_then(|v| v.to_str().ok());
    let format = activecdrs::negotiate(accept);
    let cdrs = emulator
        .lives
        .active_for(&caller.user.name, caller.now_ms, &emulator.config.domain);
    log.say(format_args!(
        "active calls: {} has {} call leg(s) in progress ({}, 200)",
        caller.user.describe(),
        cdrs.len(),
        format.content_type()
    ));
    let body = activecdrs::render(&cdrs, format);
    let mut response = pages::empty(200);
    *response.body_mut() = Body::from(body);
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static(format.content_type()),
    );
    response
}

/// `PUT /sipxconfig/rest/call/{to}`: Restlet's method check, `CallResource`'s check of `{to}`,
/// then the call, recorded.
fn call(
    emulator: &Emulator,
    asked: &Asked<'_>,
    caller: &Caller<'_>,
    raw_to: &str,
) -> Response<Body> {
    if let Some(response) = not_put(emulator, asked) {
        return response;
    }
    match dialable(emulator, asked, caller, raw_to) {
        ControlFlow::Continue(dialed) => placed(emulator, asked, caller, &dialed),
        ControlFlow::Break(response) => response,
    }
}

/// Restlet's 405: only PUT places a call.
fn not_put(emulator: &Emulator, asked: &Asked<'_>) -> Option<Response<Body>> {
    let Asked {
        parts,
        path,
        method,
    } = asked;
    if parts.method == Method::PUT {
        return None;
    }
    emulator.log.say(format_args!(
        "refused: {method} is not allowed on {path}, only PUT places a call (405)"
    ));
    Some(pages::restlet_status(405))
}

/// `CallResource`'s check of `{to}`: go on with the number and SIP URI to call, or stop with its
/// 400 (not dialable) or the container's 500 (bad URL encoding).
fn dialable(
    emulator: &Emulator,
    asked: &Asked<'_>,
    caller: &Caller<'_>,
    raw_to: &str,
) -> ControlFlow<Response<Body>, Dialed> {
    let refusal = match dial::dial(raw_to, &emulator.config.domain) {
        Ok(dialed) => return ControlFlow::Continue(dialed),
        Err(refusal) => refusal,
    };
    let status = refusal.status();
    let who = caller.user.describe();
    match &refusal {
        Refusal::NotDialable(_) => emulator.log.say(format_args!(
            "refused: {who} asked to call {raw_to:?}, but {refusal} ({status})"
        )),
        Refusal::MalformedEscape(_) => emulator.log.say(format_args!(
            "failed: {who} asked to call {raw_to:?}, which is not valid URL encoding: {refusal} ({status})"
        )),
    }
    ControlFlow::Break(match refusal {
        Refusal::NotDialable(_) => pages::restlet_status(400),
        Refusal::MalformedEscape(why) => pages::container_error(500, asked.path, &why),
    })
}

/// The accepted call: recorded, its life started, 200; or 500 when it cannot be recorded.
fn placed(
    emulator: &Emulator,
    asked: &Asked<'_>,
    caller: &Caller<'_>,
    dialed: &Dialed,
) -> Response<Body> {
    let Caller {
        user,
        login,
        scheme,
        now_ms,
    } = caller;
    let log = &emulator.log;
    let from = format!("sip:{}@{}", user.name, emulator.config.domain);
    let call = NewCall {
        user: user.name.clone(),
        login: login.clone(),
        auth: scheme.as_str(),
        from,
        to: dialed.uri.clone(),
        dialed: dialed.number.clone(),
        path: asked.path.to_string(),
    };
    match emulator.calls.record(call, clock::rfc3339(*now_ms)) {
        Ok(record) => {
            let life = emulator.lives.start(&user.name, &dialed.number, *now_ms);
            let via = if *login == user.name {
                String::new()
            } else {
                format!(", logged in as {login:?}")
            };
            log.say(format_args!(
                "call accepted (#{}, {}{via}): {} → {}: ringing {}'s phone, then connecting it to {} ({})",
                record.seq,
                scheme.as_str(),
                user.describe(),
                dialed.number,
                user.name,
                dialed.uri,
                life.describe()
            ));
            pages::empty(200)
        }
        Err(why) => {
            log.say(format_args!(
                "failed: could not record the call: {why} (500)"
            ));
            pages::container_error(500, asked.path, "call could not be recorded")
        }
    }
}

fn with_allow(mut response: Response<Body>, allow: &'static str) -> Response<Body> {
    response
        .headers_mut()
        .insert(ALLOW, HeaderValue::from_static(allow));
    response
}

async fn discard_body(mut body: Incoming) {
    let mut seen = 0;
    while let Some(frame) = body.frame().await {
        match frame {
            Ok(frame) => {
                seen += frame.data_ref().map_or(0, |data| data.len());
                if seen > BODY_LIMIT {
                    break;
                }
            }
            Err(_) => break,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes() {
        assert!(matches!(
            route("/sipxconfig/rest/call/207"),
            Route::Call { raw_to: "207" }
        ));
        assert!(matches!(
            route("/sipxconfig/rest/my/call/%2B49"),
            Route::Call { raw_to: "%2B49" }
        ));
        assert!(matches!(route("/sipxconfig/rest/call/"), Route::NotFound));
        assert!(matches!(
            route("/sipxconfig/rest/call/207/x"),
            Route::NotFound
        ));
        assert!(matches!(route("/sipxconfig/rest/call"), Route::NotFound));
        assert!(matches!(
            route("/sipxconfig/rest/Call/207"),
            Route::NotFound
        ));
        assert!(matches!(route("/"), Route::NotFound));
        assert!(matches!(
            route("/sipxconfig/rest/my/activecdrs"),
            Route::ActiveCdrs
        ));
        assert!(matches!(
            route("/sipxconfig/rest/activecdrs"),
            Route::NotFound
        ));
    }
}
