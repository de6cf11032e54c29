//! The responses of the emulated server, shaped like those of the real one: empty 200s,
//! Jetty's HTML error pages, and Restlet's status pages for what Restlet itself refuses.

use bytes::Bytes;
use http_body_util::Full;
use hyper::header::{HeaderValue, ALLOW, CONTENT_TYPE, SERVER, WWW_AUTHENTICATE};
use hyper::{Response, StatusCode};

pub type Body = Full<Bytes>;

/// The methods `CallResource` allows, as Restlet announces them.
pub const CALL_ALLOW: &str = "PUT, OPTIONS";

const SERVER_NAME: &str = "Apache";

fn response(status: u16, body: Bytes) -> Response<Body> {
    let mut response = Response::new(Full::new(body));
    *response.status_mut() =
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    response
        .headers_mut()
        .insert(SERVER, HeaderValue::from_static(SERVER_NAME));
    response
}

/// 200 with `Content-Length: 0` and no `Content-Type`: an accepted call.
pub fn empty(status: u16) -> Response<Body> {
    response(status, Bytes::new())
}

pub fn options() -> Response<Body> {
    let mut response = empty(200);
    response
        .headers_mut()
        .insert(ALLOW, HeaderValue::from_static(CALL_ALLOW));
    response
}

/// An error page as Jetty's `sendError` writes it, used for what the container or the
/// security filters answer (401, 404, 500, and injected faults).
pub fn container_error(status: u16, path: &str, reason: &str) -> Response<Body> {
    let code = StatusCode::from_u16(status).ok();
    let phrase = code.and_then(|c| c.canonical_reason()).unwrap_or("Error");
    let reason = if reason.is_empty() { phrase } else { reason };
    let page = format!(
        "<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"/>\n\
         <title>Error {status} {reason}</title>\n</head>\n<body><h2>HTTP ERROR {status}</h2>\n\
         <p>Problem accessing {path}. Reason:\n<pre>    {reason}</pre></p><hr /><i><small>Powered by Jetty://</small></i>\n\
         </body>\n</html>\n",
        reason = html_escape(reason),
        path = html_escape(path),
    );
    let mut response = response(status, Bytes::from(page));
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=iso-8859-1"),
    );
    response
}

/// 401 with exactly one `WWW-Authenticate` header.
pub fn unauthorized(path: &str, reason: &str, challenge: &str) -> Response<Body> {
    let mut response = container_error(401, path, reason);
    if let Ok(value) = HeaderValue::from_str(challenge) {
        response.headers_mut().insert(WWW_AUTHENTICATE, value);
    }
    response
}

/// Restlet's own status page, for the 400 of `CallResource` and the 405 of a method it does
/// not allow.
pub fn restlet_status(status: u16) -> Response<Body> {
    let (description, section) = match status {
        400 => ("The request could not be understood by the server due to malformed syntax", "10.4.1"),
        405 => (
            "The method specified in the request is not allowed for the resource identified by the request URI",
            "10.4.6",
        ),
        _ => ("The server encountered an unexpected condition which prevented it from fulfilling the request", "10.5.1"),
    };
    let page = format!(
        "<html>\n<head>\n   <title>Status page</title>\n</head>\n<body>\n<h3>{description}</h3>\
         <p>You can get technical details <a href=\"http://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec{section}\">here</a>.<br>\n\
         Please continue your visit at our <a href=\"/\">home page</a>.\n</p>\n</body>\n</html>\n"
    );
    let mut response = response(status, Bytes::from(page));
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=ISO-8859-1"),
    );
    if status == 405 {
        response
            .headers_mut()
            .insert(ALLOW, HeaderValue::from_static(CALL_ALLOW));
    }
    response
}

/// A JSON answer of the control API.
pub fn json(status: u16, value: &impl serde::Serialize) -> Response<Body> {
    let mut body = serde_json::to_vec_pretty(value).unwrap_or_else(|_| b"null".to_vec());
    body.push(b'\n');
    let mut response = response(status, Bytes::from(body));
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}

pub fn text(status: u16, text: &'static str) -> Response<Body> {
    let mut response = response(status, Bytes::from_static(text.as_bytes()));
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            c if c.is_ascii() => out.push(c),
            // The page is declared ISO-8859-1; keep it ASCII.
            c => out.push_str(&format!("&#{};", c as u32)),
        }
    }
    out
}
