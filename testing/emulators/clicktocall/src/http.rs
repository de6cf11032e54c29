//! The HTTP interface (reference §3): not a real HTTP server, and deliberately not hyper. A
//! request is acted on as soon as the buffer holds `<method><SP><uri><SP>` (headers that come in
//! a later read are never seen), the method is not checked, credentials are found by a sloppy
//! text search, and the server closes the connection after its one response. A URI that does
//! not start with `/` (or a query pair without `=`) makes the real page builder throw: no
//! response ever, the connection left open.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use base64::Engine;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use crate::call::{self, NewCall, Refusal};
use crate::page;
use crate::state::{Emulator, Stats};

const READ_SIZE: usize = 8000;

pub async fn serve(listener: TcpListener, emulator: Arc<Emulator>) {
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _peer)) => stream,
            Err(e) => {
                eprintln!("clicktocall-emulator: HTTP accept failed: {e}");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        Stats::count(&emulator.stats.http_connections);
        tokio::spawn(connection(stream, emulator.clone()));
    }
}

async fn connection(mut stream: TcpStream, emulator: Arc<Emulator>) {
    let mut received = Vec::new();
    let mut buffer = vec![0; READ_SIZE];
    let mut counted = false;
    loop {
        match stream.read(&mut buffer).await {
            Ok(0) | Err(_) => return,
            Ok(n) => received.extend_from_slice(&buffer[..n]),
        }
        let Some((uri, rest)) = request_target(&received) else {
            continue;
        };
        if !counted {
            Stats::count(&emulator.stats.http_requests);
            counted = true;
        }
        let credentials = basic_credentials(rest);
        if let Some(response) = respond(&emulator, &uri, credentials) {
            let _ = stream.write_all(&response).await;
            let _ = stream.shutdown().await;
            return;
        }
        // The real page builder threw: it tries again on every later read, and throws again.
    }
}

/// The text between the first and the second space (whitespace after the first skipped),
/// and everything after it; `None` until the second space has arrived.
fn request_target(received: &[u8]) -> Option<(String, &[u8])> {
    let first = received.iter().position(|&b| b == b' ')?;
    let start = first
        + received[first..]
            .iter()
            .take_while(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
            .count();
    let end = start + received[start..].iter().position(|&b| b == b' ')?;
    let uri = String::from_utf8_lossy(&received[start..end]).into_owned();
    Some((uri, &received[end..]))
}

/// User and password as the real server finds them (§3.3): the text `Authorization`
/// anywhere after the URI, then `Basic` anywhere after that, six characters skipped, then
/// whitespace, then a token of non-whitespace, base64-decoded and split at its first `:`.
/// Case-sensitive, so `authorization:` or `basic` count as no credentials; and
/// `Proxy-Authorization: Basic …` counts as credentials.
fn basic_credentials(after_uri: &[u8]) -> Option<(String, String)> {
    let at = find(after_uri, b"Authorization")?;
    let basic = at + find(&after_uri[at..], b"Basic")?;
    let token: Vec<u8> = after_uri
        .get(basic + 6..)?
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take_while(|b| !b.is_ascii_whitespace())
        .copied()
        .collect();
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(&token)
        .ok()?;
    let decoded = String::from_utf8_lossy(&decoded);
    let (user, password) = decoded.split_once(':').unwrap_or((&decoded, ""));
    Some((user.to_string(), password.to_string()))
}

/// The response to send, or `None` where the real server never answers.
fn respond(
    emulator: &Arc<Emulator>,
    uri: &str,
    credentials: Option<(String, String)>,
) -> Option<Vec<u8>> {
    let config = &emulator.config;
    let realm = &config.hostname;
    let path = uri.strip_prefix('/')?;
    let (page_name, query) = match path.split_once('?') {
        Some((name, query)) => (name, Some(query)),
        None => (path, None),
    };
    match page_name {
        "index.html" => return Some(page::ok(realm, &page::index())),
        "clicktocall.html" => {}
        _ => return Some(page::moved(realm)),
    }
    if config.http_auth && !authorized(credentials, &config.http_auth_pwd) {
        emulator.log.say(format_args!(
            "HTTP: refused (401, no valid Basic credentials)"
        ));
        return Some(page::unauthorized(realm));
    }
    let parameters = parameters(query.unwrap_or(""))?;
    Some(page::ok(realm, &click_to_call(emulator, &parameters)))
}

/// The only user is `admin`, and the password is `HttpAuthPwd`.
fn authorized(credentials: Option<(String, String)>, password: &str) -> bool {
    matches!(credentials, Some((user, given)) if !user.is_empty() && user == "admin" && given == password)
}

/// The query's `key=value` pairs (§3.1): split on `&`, keys raw and case-sensitive, values
/// URL-decoded, empty keys or values dropped, the last of a repeated key kept. A key is
/// everything up to the next `=`, even across a `&`; with no `=` left the real parser throws,
/// which is `None` here (no response).
fn parameters(query: &str) -> Option<HashMap<String, String>> {
    let mut parameters = HashMap::new();
    let mut rest = query;
    while !rest.is_empty() {
        let (key, after) = rest.split_once('=')?;
        let (value, after) = after.split_once('&').unwrap_or((after, ""));
        if !key.is_empty() && !value.is_empty() {
            parameters.insert(key.to_string(), url_decoded(value));
        }
        rest = after;
    }
    Some(parameters)
}

/// `%XX` and `+` decoded; a `%` too near the end ends the value (as resip's `urlDecoded`).
fn url_decoded(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 >= bytes.len() => break,
            b'%' => {
                let pair = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match pair.and_then(|p| u8::from_str_radix(p, 16).ok()) {
                    Some(byte) => out.push(byte),
                    // Knowingly simpler: resip turns a non-hex pair into some byte; it is kept.
                    None => out.extend_from_slice(&bytes[i..i + 3]),
                }
                i += 3;
                continue;
            }
            b'+' => out.push(b' '),
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The page for `clicktocall.html`: the call is placed, or the refusal is worded (with a full
/// stop, unlike the XML interface's).
fn click_to_call(emulator: &Arc<Emulator>, parameters: &HashMap<String, String>) -> String {
    let get = |key: &str| parameters.get(key).map_or("", String::as_str);
    let (initiator, destination) = (get("initiator"), get("destination"));
    let anchor = get("anchor").eq_ignore_ascii_case("true");
    let outcome = match call::check(emulator, initiator, destination) {
        Ok(accepted) => {
            let outcome = format!(
                "Initiating ClickToCall from {}({initiator}) to {}({destination}) ({})...",
                accepted.initiator_uri,
                accepted.destination_uri,
                if anchor { "anchored" } else { "unanchored" }
            );
            let call = NewCall {
                interface: "http",
                initiator,
                destination,
                anchor,
                accepted: &accepted,
            };
            call::start(emulator, call, None);
            outcome
        }
        Err(Refusal::Missing) => "Missing initiator or destination URL parameters.".to_string(),
        Err(Refusal::NoRule) => format!(
            "No translation rule for either initiator {initiator} or destination {destination}."
        ),
        Err(Refusal::InvalidUri {
            initiator_translation,
            destination_translation,
            exception,
        }) => format!(
            "Invalid URI format in initiator {initiator_translation}({initiator}) or destination \
             {destination_translation}({destination}): {exception}"
        ),
    };
    emulator.log.say(format_args!("HTTP: {outcome}"));
    page::click_to_call(initiator, destination, anchor, &outcome)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credentials(header: &str) -> Option<(String, String)> {
        basic_credentials(header.as_bytes())
    }

    #[test]
    fn target_needs_the_second_space() {
        assert!(request_target(b"GET /clicktocall.html?a=b\r\n\r\n").is_none());
        let (uri, rest) = request_target(b"GET  /x HTTP/1.0\r\n").unwrap();
        assert_eq!(uri, "/x");
        assert_eq!(rest, b" HTTP/1.0\r\n");
    }

    #[test]
    fn sloppy_basic_search() {
        // base64("admin:pa:ss")
        let token = "YWRtaW46cGE6c3M=";
        let admin = Some(("admin".to_string(), "pa:ss".to_string()));
        assert_eq!(
            credentials(&format!("\r\nAuthorization: Basic {token}\r\n")),
            admin
        );
        assert_eq!(
            credentials(&format!("\r\nProxy-Authorization: Basic {token}\r\n")),
            admin
        );
        assert_eq!(
            credentials(&format!(
                "\r\nX-Note: Authorization\r\nX-Other: Basic {token}\r\n"
            )),
            admin
        );
        assert_eq!(
            credentials(&format!("\r\nauthorization: Basic {token}\r\n")),
            None
        );
        assert_eq!(
            credentials(&format!("\r\nAuthorization: basic {token}\r\n")),
            None
        );
    }

    #[test]
    fn query_pairs() {
        let p =
            parameters("initiator=%3Cb%3E&destination=+3006&Initiator=x&anchor=&=y&initiator=1+2")
                .unwrap();
        assert_eq!(p["initiator"], "1 2");
        assert_eq!(p["destination"], " 3006");
        assert_eq!(p["Initiator"], "x");
        assert!(!p.contains_key("anchor"));
        assert_eq!(parameters("initiator=%3Cb%3E").unwrap()["initiator"], "<b>");
        assert!(parameters("initiator").is_none());
    }
}
