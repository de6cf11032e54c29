//! The test control API, plain HTTP on loopback (like the sipXconfig emulator's): read and
//! clear the call record, set and clear the fault switch, read the counters, ask whether the
//! emulator is up.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::header::{HeaderValue, CONTENT_TYPE};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use serde_json::json;
use tokio::net::TcpListener;

use crate::fault::FaultSetting;
use crate::state::Emulator;

const BODY_LIMIT: usize = 64 * 1024;

type Body = Full<Bytes>;

pub async fn serve(listener: TcpListener, emulator: Arc<Emulator>) {
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _peer)) => stream,
            Err(e) => {
                eprintln!("clicktocall-emulator: control accept failed: {e}");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let emulator = emulator.clone();
        tokio::spawn(async move {
            let service = service_fn(move |request| handle(emulator.clone(), request));
            let _ = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

async fn handle(
    emulator: Arc<Emulator>,
    request: Request<Incoming>,
) -> Result<Response<Body>, Infallible> {
    let (parts, body) = request.into_parts();
    let body = match Limited::new(body, BODY_LIMIT).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(e) => return Ok(error(400, &format!("cannot read the request body: {e}"))),
    };
    let response = match (&parts.method, parts.uri.path()) {
        (&Method::GET, "/health") => text(200, "ok"),
        (&Method::GET, "/stats") => self::json(200, &emulator.stats_view()),
        (&Method::GET, "/calls") => self::json(200, &emulator.calls.all()),
        (&Method::DELETE, "/calls") => {
            emulator.calls.clear();
            emulator
                .log
                .say(format_args!("control: call record cleared"));
            self::json(200, &json!({"cleared": true}))
        }
        (&Method::GET, "/fault") => self::json(200, &emulator.faults.get()),
        (&Method::PUT, "/fault") => match serde_json::from_slice::<FaultSetting>(&body) {
            Err(e) => error(400, &format!("not a fault setting: {e}")),
            Ok(setting) => set_fault(&emulator, setting),
        },
        (&Method::DELETE, "/fault") => set_fault(&emulator, FaultSetting::NONE),
        (_, "/health" | "/stats" | "/calls" | "/fault") => error(405, "method not allowed here"),
        (_, path) => error(404, &format!("no control resource {path}")),
    };
    Ok(response)
}

fn set_fault(emulator: &Emulator, setting: FaultSetting) -> Response<Body> {
    let calls = match setting.times {
        Some(n) => format!("the next {n} call(s)"),
        None => "calls until changed".to_string(),
    };
    emulator.log.say(format_args!(
        "control: fault for {calls}: {}",
        setting.fault.describe()
    ));
    emulator.faults.set(setting.clone());
    json(200, &setting)
}

fn response(status: u16, content_type: &'static str, body: Vec<u8>) -> Response<Body> {
    let mut response = Response::new(Full::new(Bytes::from(body)));
    *response.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

fn text(status: u16, body: &str) -> Response<Body> {
    response(status, "text/plain", body.as_bytes().to_vec())
}

fn json(status: u16, value: &impl serde::Serialize) -> Response<Body> {
    let body = serde_json::to_vec(value).unwrap_or_else(|_| b"null".to_vec());
    response(status, "application/json", body)
}

fn error(status: u16, message: &str) -> Response<Body> {
    json(status, &json!({ "error": message }))
}
