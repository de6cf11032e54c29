//! The test control API, plain HTTP on loopback: read and clear the call record, switch
//! faults on and off, choose how the next calls go (ringing, answered, talking), and ask
//! whether the emulator is up.

use std::sync::Arc;

use http_body_util::{BodyExt, Limited};
use hyper::body::Incoming;
use hyper::{Method, Request, Response};
use serde_json::json;

use crate::fault::{Fault, FaultSetting};
use crate::lives::{CallLife, LifeSetting};
use crate::pages::{self, Body};
use crate::state::Emulator;

const BODY_LIMIT: usize = 64 * 1024;

/// Answers one control request: the table of resources and methods, each answered by its own
/// function below.
pub async fn handle(
    emulator: Arc<Emulator>,
    request: Request<Incoming>,
) -> Result<Response<Body>, std::convert::Infallible> {
    let (parts, body) = request.into_parts();
    let body = match Limited::new(body, BODY_LIMIT).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(e) => return Ok(error(400, &format!("cannot read the request body: {e}"))),
    };
    let emulator = &*emulator;
    let response = match (&parts.method, parts.uri.path()) {
        (&Method::GET, "/health") => pages::text(200, "ok"),
        (&Method::GET, "/stats") => stats(emulator),
        (&Method::GET, "/calls") => calls(emulator),
        (&Method::DELETE, "/calls") => clear_calls(emulator),
        (&Method::GET, "/fault") => pages::json(200, &emulator.faults.get()),
        (&Method::PUT, "/fault") => set_fault(emulator, &body),
        (&Method::DELETE, "/fault") => clear_fault(emulator),
        (&Method::GET, "/life") => pages::json(200, &emulator.lives.setting()),
        (&Method::PUT, "/life") => set_life(emulator, &body),
        (&Method::DELETE, "/life") => clear_life(emulator),
        (_, "/health" | "/stats" | "/calls" | "/fault" | "/life") => {
            error(405, "method not allowed here")
        }
        (_, path) => error(404, &format!("no control resource {path}")),
    };
    Ok(response)
}

/// How many requests and connections the emulated server has had.
fn stats(emulator: &Emulator) -> Response<Body> {
    pages::json(
        200,
        &json!({
            "requests": emulator.pbx_requests.load(std::sync::atomic::Ordering::Relaxed),
            "connections": emulator.pbx_connections.load(std::sync::atomic::Ordering::Relaxed),
        }),
    )
}

/// The call record, oldest first.
fn calls(emulator: &Emulator) -> Response<Body> {
    match emulator.calls.all() {
        Ok(calls) => pages::json(200, &calls),
        Err(why) => error(500, &why),
    }
}

/// Forgets the recorded calls and the calls in progress.
fn clear_calls(emulator: &Emulator) -> Response<Body> {
    match emulator.calls.clear() {
        Ok(()) => {
            emulator.lives.clear();
            emulator.log.say(format_args!(
                "control: call record and calls in progress cleared"
            ));
            pages::json(200, &json!({"cleared": true}))
        }
        Err(why) => error(500, &why),
    }
}

/// Injects the fault of a `FaultSetting` body.
fn set_fault(emulator: &Emulator, body: &[u8]) -> Response<Body> {
    let setting = match serde_json::from_slice::<FaultSetting>(body) {
        Err(e) => return error(400, &format!("not a fault setting: {e}")),
        Ok(setting) => setting,
    };
    if let Err(why) = setting.validate() {
        return error(400, &why);
    }
    emulator
        .log
        .say(format_args!("control: fault set to {}", describe(&setting)));
    emulator.faults.set(setting.clone());
    pages::json(200, &setting)
}

/// Answers every request normally again.
fn clear_fault(emulator: &Emulator) -> Response<Body> {
    let setting = FaultSetting {
        fault: Fault::None,
        times: None,
    };
    emulator.log.say(format_args!("control: fault cleared"));
    emulator.faults.set(setting.clone());
    pages::json(200, &setting)
}

/// Chooses how the next calls go, from a `LifeSetting` body.
fn set_life(emulator: &Emulator, body: &[u8]) -> Response<Body> {
    let setting = match serde_json::from_slice::<LifeSetting>(body) {
        Err(e) => return error(400, &format!("not a call life: {e}")),
        Ok(setting) => setting,
    };
    if let Err(why) = setting.life.validate() {
        return error(400, &why);
    }
    let calls = match setting.times {
        Some(n) => format!("the next {n} call(s)"),
        None => "calls until changed".to_owned(),
    };
    emulator.log.say(format_args!(
        "control: for {calls}, {}",
        setting.life.describe()
    ));
    emulator.lives.set(setting.clone());
    pages::json(200, &setting)
}

/// Lets calls go the default way again.
fn clear_life(emulator: &Emulator) -> Response<Body> {
    let setting = LifeSetting {
        life: CallLife::DEFAULT,
        times: None,
    };
    emulator.log.say(format_args!(
        "control: calls go the default way again ({})",
        setting.life.describe()
    ));
    emulator.lives.set(setting.clone());
    pages::json(200, &setting)
}

fn error(status: u16, message: &str) -> Response<Body> {
    pages::json(status, &json!({ "error": message }))
}

fn describe(setting: &FaultSetting) -> String {
    let what = match setting.fault {
        Fault::None => "none".to_string(),
        Fault::Delay { ms } => format!("answer after {ms} ms"),
        Fault::Drop => "close connections without answering".to_string(),
        Fault::Status { status } => format!("answer every request with {status}"),
        Fault::Blackhole => "swallow requests and never answer".to_string(),
    };
    match setting.times {
        Some(n) => format!("{what}, for the next {n} request(s)"),
        None => format!("{what}, until changed"),
    }
}
