//! The emulated sipXconfig REST endpoints: `PUT /sipxconfig/rest/call/{to}` and its twin
//! `/sipxconfig/rest/my/call/{to}`, and `GET /sipxconfig/rest/my/activecdrs` (see
//! `activecdrs` and `lives` for what it lists).
//!
//! The order of checks is the real one: injected faults, then routing, then OPTIONS (which
//! sipXconfig lets through unauthenticated), then the security filter (401), then Restlet's
//! method check (405), then `CallResource`'s check of `{to}` (400/500).

use std::sync::Arc;
use std::time::Duration;

use http_body_util::BodyExt;
use hyper::body::Incoming;
use hyper::header::{HeaderValue, ACCEPT, ALLOW, AUTHORIZATION, CONTENT_TYPE};
use hyper::{Method, Request, Response};

use crate::activecdrs;

use crate::auth::{self, digest, Attempt, Outcome};
use crate::calls::NewCall;
use crate::clock;
use crate::dial::{self, Refusal};
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

pub async fn handle(
    emulator: Arc<Emulator>,
    request: Request<Incoming>,
) -> Result<Response<Body>, CloseSilently> {
    emulator
        .pbx_requests
        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let (parts, body) = request.into_parts();
    discard_body(body).await;
    let path = parts.uri.path();
    let method = parts.method.as_str();
    let log = &emulator.log;

    match emulator.faults.take() {
        Fault::None => {}
        Fault::Delay { ms } => {
            log.say(format_args!(
                "fault: holding {method} {path} for {ms} ms before answering"
            ));
            tokio::time::sleep(Duration::from_millis(ms)).await;
        }
        Fault::Drop => {
            log.say(format_args!(
                "fault: closed the connection after {method} {path} without answering"
            ));
            return Err(CloseSilently);
        }
        Fault::Status { status } => {
            log.say(format_args!(
                "fault: answered {method} {path} with {status}; no call placed"
            ));
            return Ok(pages::container_error(status, path, ""));
        }
        Fault::Blackhole => {
            log.say(format_args!(
                "fault: swallowed {method} {path}; the connection stays open and silent until the fault is changed"
            ));
            emulator.faults.changed().await;
            return Err(CloseSilently);
        }
    }

    let route = route(path);
    if let Route::NotFound = route {
        log.say(format_args!("not found: {method} {path} (404)"));
        return Ok(pages::container_error(404, path, "Not Found"));
    }

    if parts.method == Method::OPTIONS {
        log.say(format_args!(
            "options: {path} allows {} (200)",
            route.allow()
        ));
        return Ok(with_allow(pages::options(), route.allow()));
    }

    let config = &emulator.config;
    let now_ms = clock::now_ms();
    let request_target = parts.uri.path_and_query().map_or(path, |pq| pq.as_str());
    let attempt = Attempt {
        authorization: parts
            .headers
            .get(AUTHORIZATION)
            .map(|value| value.as_bytes()),
        method,
        request_target,
        now_ms,
    };
    let (user, login, scheme) = match auth::authenticate(config, &emulator.nonces, &attempt) {
        Outcome::Authenticated {
            user,
            login,
            scheme,
        } => (user, login, scheme),
        Outcome::Missing => {
            log.say(format_args!(
                "challenged: {method} {path} came without credentials; asked for Digest (401)"
            ));
            let challenge = digest::challenge(&config.realm, &emulator.nonces.issue(now_ms), false);
            return Ok(pages::unauthorized(
                path,
                "Full authentication is required to access this resource",
                &challenge,
            ));
        }
        Outcome::BasicRefused { login, why } => {
            match login {
                Some(login) => log.say(format_args!("refused: {why} for {login:?} (401, Basic)")),
                None => log.say(format_args!("refused: {why} (401, Basic)")),
            }
            let challenge = format!("Basic realm=\"{}\"", config.realm);
            return Ok(pages::unauthorized(path, "Bad credentials", &challenge));
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
            return Ok(pages::unauthorized(path, reason, &challenge));
        }
    };

    let raw_to = match route {
        Route::Call { raw_to } => raw_to,
        Route::ActiveCdrs => {
            if parts.method != Method::GET && parts.method != Method::HEAD {
                log.say(format_args!(
                    "refused: {method} is not allowed on {path}, only GET (405)"
                ));
                return Ok(with_allow(pages::restlet_status(405), activecdrs::ALLOW));
            }
            let accept = parts.headers.get(ACCEPT).and_then(|v| v.to_str().ok());
            let format = activecdrs::negotiate(accept);
            let cdrs = emulator
                .lives
                .active_for(&user.name, now_ms, &config.domain);
            log.say(format_args!(
                "active calls: {} has {} call leg(s) in progress ({}, 200)",
                user.describe(),
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
            return Ok(response);
        }
        Route::NotFound => unreachable!("answered above"),
    };

    if parts.method != Method::PUT {
        log.say(format_args!(
            "refused: {method} is not allowed on {path}, only PUT places a call (405)"
        ));
        return Ok(pages::restlet_status(405));
    }

    let dialed = match dial::dial(raw_to, &config.domain) {
        Ok(dialed) => dialed,
        Err(refusal) => {
            let status = refusal.status();
            match &refusal {
                Refusal::NotDialable(_) => log.say(format_args!(
                    "refused: {} asked to call {raw_to:?}, but {refusal} ({status})",
                    user.describe()
                )),
                Refusal::MalformedEscape(_) => log.say(format_args!(
                    "failed: {} asked to call {raw_to:?}, which is not valid URL encoding: {refusal} ({status})",
                    user.describe()
                )),
            }
            return Ok(match refusal {
                Refusal::NotDialable(_) => pages::restlet_status(400),
                Refusal::MalformedEscape(why) => pages::container_error(500, path, &why),
            });
        }
    };

    let from = format!("sip:{}@{}", user.name, config.domain);
    let call = NewCall {
        user: user.name.clone(),
        login: login.clone(),
        auth: scheme.as_str(),
        from,
        to: dialed.uri.clone(),
        dialed: dialed.number.clone(),
        path: path.to_string(),
    };
    match emulator.calls.record(call, clock::rfc3339(now_ms)) {
        Ok(record) => {
            let life = emulator.lives.start(&user.name, &dialed.number, now_ms);
            let via = if login == user.name {
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
            Ok(pages::empty(200))
        }
        Err(why) => {
            log.say(format_args!(
                "failed: could not record the call: {why} (500)"
            ));
            Ok(pages::container_error(
                500,
                path,
                "call could not be recorded",
            ))
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
