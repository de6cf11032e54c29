//! The HTTP interface against the captures of the reference page, §3
//! (`shared/reference/resiprocate-clicktocall.md`). Expected values are the captured bytes.

mod support;

use std::io::{Read, Write};
use std::net::TcpStream;

use base64::Engine;
use support::{config, Emulator};

/// §3.2, the captured "call started" response, byte for byte.
const CAPTURED_INITIATING: &[u8] = b"HTTP/1.0 200 OK\r\nWWW-Authenticate: Basic realm=\"vm\" \r\nServer: clicktocall 0.1\r\nMime-version: 1.0 \r\nPragma: no-cache \r\nContent-Length: 542\r\nContent-Type: text/html\r\n\r\n<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n<meta http-equiv=\"content-type\" content=\"text/html;charset=utf-8\" />\n<title>ClickToCall Server</title>\n</head>\n<body bgcolor=\"#ffffff\">\n<p><em>ClickToCall:</em> initiator=1001, destination=2001</p>\n<p>Initiating ClickToCall from sip:1001@127.0.0.1:55353(1001) to sip:2001@127.0.0.1:43495(2001) (unanchored)...</p>\n</body>\n</html>\n";

/// §3.3, the captured 401.
const CAPTURED_UNAUTHORIZED: &[u8] = b"HTTP/1.0 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"vm\" \r\nServer: clicktocall 0.1\r\nMime-version: 1.0 \r\nPragma: no-cache \r\nContent-Length: 141\r\nContent-Type: text/html\r\n\r\n<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\"><html><head><title>401 Unauthorized</title></head><body><h1>Unauthorized</h1></body></html>";

fn basic(credentials: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(credentials)
}

/// The second paragraph of a click-to-call page: where the outcome is.
fn outcome(page: &str) -> &str {
    let body = page.split_once("\r\n\r\n").unwrap().1;
    body.lines()
        .filter(|l| l.starts_with("<p>"))
        .nth(1)
        .unwrap()
}

fn capture_config() -> String {
    config(
        &[
            ("^1001$", "sip:1001@127.0.0.1:55353"),
            ("^2001$", "sip:2001@127.0.0.1:43495"),
        ],
        None,
    )
}

#[test]
fn call_page_is_the_captured_bytes_and_places_the_call() {
    let emulator = Emulator::start("initiating", &capture_config());
    let response = emulator.http(
        b"GET /clicktocall.html?initiator=1001&destination=2001 HTTP/1.0\r\nHost: vm\r\n\r\n",
    );
    assert_eq!(support::text(&response), support::text(CAPTURED_INITIATING));
    let calls = emulator.calls();
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0]["interface"], "http");
    assert_eq!(calls[0]["translated_initiator"], "sip:1001@127.0.0.1:55353");
    assert_eq!(
        calls[0]["translated_destination"],
        "sip:2001@127.0.0.1:43495"
    );
    assert_eq!(calls[0]["anchor"], false);
}

#[test]
fn anchored_page_lines_as_captured() {
    let emulator = Emulator::start("anchored", &config(&[], None));
    let page = emulator.click_to_call("initiator=2120&destination=2121&anchor=true");
    assert!(page.contains("<p><em>ClickToCall:</em> initiator=2120, destination=2121 (anchored)</p>\n<p>Initiating ClickToCall from sip:2120@127.0.0.1:57421(2120) to sip:2121@127.0.0.1:57421(2121) (anchored)...</p>\n"), "{page}");
    // `true` in any case anchors; anything else does not (§3.1).
    for (anchor, anchored) in [("TRUE", true), ("True", true), ("1", false), ("yes", false)] {
        let page =
            emulator.click_to_call(&format!("initiator=2120&destination=2121&anchor={anchor}"));
        assert_eq!(
            outcome(&page).ends_with("(anchored)...</p>"),
            anchored,
            "{anchor}"
        );
    }
}

#[test]
fn every_refusal_is_200_with_the_captured_wording() {
    let emulator = Emulator::start(
        "refusals",
        &config(&[("^2001$", "sip:2001@127.0.0.1:60449")], None),
    );
    let page = emulator.click_to_call("initiator=1001");
    assert!(page.starts_with("HTTP/1.0 200 OK\r\n"));
    assert_eq!(
        outcome(&page),
        "<p>Missing initiator or destination URL parameters.</p>"
    );
    let page = emulator.click_to_call("initiator=9001&destination=2001");
    assert!(page.starts_with("HTTP/1.0 200 OK\r\n"));
    assert_eq!(
        outcome(&page),
        "<p>No translation rule for either initiator 9001 or destination 2001.</p>"
    );
    let page = emulator.click_to_call("initiator=sip:%25zz@127.0.0.1&destination=2001");
    assert!(page.starts_with("HTTP/1.0 200 OK\r\n"));
    let body = page.split_once("\r\n\r\n").unwrap().1;
    assert!(body.contains("<p>Invalid URI format in initiator sip:%zz@127.0.0.1(sip:%zz@127.0.0.1) or destination sip:2001@127.0.0.1:60449(2001): ParseException rutil/ParseBuffer.cxx:635, Parse failed Illegal escaping, not hex in context: \nsip:%zz@127.0.0.1\n       ^\n @ rutil/ParseBuffer.cxx:635</p>"), "{body}");
    assert!(emulator.calls().is_empty(), "a refusal placed a call");
}

#[test]
fn index_page_and_redirect_need_no_credentials() {
    let emulator = Emulator::start("index", &config(&[], Some("secret")));
    let index = support::text(&emulator.http(b"GET /index.html HTTP/1.0\r\n\r\n"));
    assert!(index.starts_with("HTTP/1.0 200 OK\r\nWWW-Authenticate: Basic realm=\"vm\" \r\n"));
    assert!(index.contains("Content-Length: 405\r\n"));
    assert!(index.contains("<title>ClickToCall Server Login</title>"));
    assert!(index.contains("\n  <p>Click-To-Call HTML Server</p>\n"));
    for path in [
        "/",
        "/other.html",
        "/clicktocall.htm?initiator=1&destination=2",
    ] {
        let moved =
            support::text(&emulator.http(format!("GET {path} HTTP/1.0\r\n\r\n").as_bytes()));
        assert!(moved.starts_with("HTTP/1.0 301 Moved Permanently\r\nLocation: http:/index.html\r\nWWW-Authenticate: Basic realm=\"vm\" \r\n"), "{moved}");
        assert!(moved.ends_with("\r\n\r\n<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\"><html><head><title>301 Moved Permanently</title></head><body><h1>Moved</h1></body></html>"));
    }
    assert!(emulator.calls().is_empty());
}

#[test]
fn auth_is_basic_not_digest_and_a_401_places_no_call() {
    let emulator = Emulator::start("auth", &config(&[], Some("pa:ss")));
    let get = |headers: &str| {
        let request = format!(
            "GET /clicktocall.html?initiator=2001&destination=2002 HTTP/1.0\r\n{headers}\r\n"
        );
        emulator.http(request.as_bytes())
    };
    let admin = basic("admin:pa:ss");
    // No credentials, wrong ones, another user, Digest, and the case-sensitive misses.
    for headers in [
        String::new(),
        format!("Authorization: Basic {}\r\n", basic("admin:wrong")),
        format!("Authorization: Basic {}\r\n", basic("root:pa:ss")),
        "Authorization: Digest username=\"admin\", realm=\"vm\", nonce=\"x\", uri=\"/\", response=\"0\"\r\n".to_string(),
        format!("authorization: Basic {admin}\r\n"),
        format!("Authorization: basic {admin}\r\n"),
    ] {
        assert_eq!(support::text(&get(&headers)), support::text(CAPTURED_UNAUTHORIZED), "{headers}");
    }
    assert!(emulator.calls().is_empty(), "a 401 placed a call");
    // Accepted: the password split at the first colon, and the sloppy header search.
    for headers in [
        format!("Authorization: Basic {admin}\r\n"),
        format!("Proxy-Authorization: Basic {admin}\r\n"),
        format!("X-Note: Authorization\r\nX-Other: Basic {admin}\r\n"),
    ] {
        let page = support::text(&get(&headers));
        assert!(page.starts_with("HTTP/1.0 200 OK\r\n"), "{headers}");
        assert!(
            outcome(&page).starts_with("<p>Initiating ClickToCall"),
            "{headers}"
        );
    }
    assert_eq!(emulator.calls().len(), 3);
}

#[test]
fn xml_port_has_no_authentication_even_with_http_auth_on() {
    let emulator = Emulator::start("xml-no-auth", &config(&[], Some("secret")));
    let mut xml = emulator.xml();
    xml.send(b"<ClickToCall><Request><Initiator>2001</Initiator><Destination>2002</Destination></Request></ClickToCall>");
    assert!(support::text(&xml.frame()).contains("<Result Code=\"100\">In progress</Result>"));
    assert_eq!(emulator.calls().len(), 1);
}

#[test]
fn headers_in_a_later_segment_are_never_seen() {
    let emulator = Emulator::start("segments", &config(&[], Some("secret")));
    let mut stream = TcpStream::connect(&emulator.http).unwrap();
    // The request line alone: the server acts on it at once, before the headers are sent.
    stream
        .write_all(b"GET /clicktocall.html?initiator=2001&destination=2002 HTTP/1.0\r\n")
        .unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    assert_eq!(
        support::text(&response),
        support::text(CAPTURED_UNAUTHORIZED)
    );
    let late = format!("Authorization: Basic {}\r\n\r\n", basic("admin:secret"));
    let _ = stream.write_all(late.as_bytes());
    assert!(emulator.calls().is_empty());
}

#[test]
fn method_is_not_checked_and_a_post_body_is_ignored() {
    let emulator = Emulator::start("methods", &config(&[], None));
    for method in ["POST", "HEAD", "PUT"] {
        let request =
            format!("{method} /clicktocall.html?initiator=2001&destination=2002 HTTP/1.0\r\n\r\n");
        let page = support::text(&emulator.http(request.as_bytes()));
        // HEAD gets the body too.
        assert!(
            outcome(&page).starts_with("<p>Initiating ClickToCall"),
            "{method}"
        );
    }
    let body = "initiator=2001&destination=2002";
    let request = format!(
        "POST /clicktocall.html HTTP/1.0\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let page = support::text(&emulator.http(request.as_bytes()));
    assert_eq!(
        outcome(&page),
        "<p>Missing initiator or destination URL parameters.</p>"
    );
    assert_eq!(emulator.calls().len(), 3);
}

#[test]
fn query_values_decoded_not_trimmed_not_escaped_keys_case_sensitive() {
    let emulator = Emulator::start("query", &config(&[], None));
    let page = emulator.click_to_call("initiator=+3006&destination=2001");
    assert_eq!(
        outcome(&page),
        "<p>No translation rule for either initiator  3006 or destination 2001.</p>"
    );
    let page = emulator.click_to_call("initiator=%3Cb%3E&destination=2001");
    assert!(page.contains("<p><em>ClickToCall:</em> initiator=<b>, destination=2001</p>"));
    let page = emulator.click_to_call("Initiator=2001&destination=2002");
    assert_eq!(
        outcome(&page),
        "<p>Missing initiator or destination URL parameters.</p>"
    );
    let page = emulator.click_to_call("initiator=&initiator=2001&destination=9&destination=2002");
    assert!(
        outcome(&page).contains("sip:2001@127.0.0.1:57421(2001) to sip:2002@127.0.0.1:57421(2002)")
    );
}

#[test]
fn requests_the_real_server_never_answers() {
    let emulator = Emulator::start("unanswered", &config(&[], None));
    for request in [
        // No HTTP version: only one space.
        &b"GET /clicktocall.html?initiator=2001&destination=2002\r\n\r\n"[..],
        // Absolute and relative forms: the page builder throws.
        b"GET http://vm:5095/clicktocall.html?initiator=2001&destination=2002 HTTP/1.0\r\n\r\n",
        b"GET clicktocall.html?initiator=2001&destination=2002 HTTP/1.0\r\n\r\n",
    ] {
        let mut stream = TcpStream::connect(&emulator.http).unwrap();
        stream.write_all(request).unwrap();
        stream
            .set_read_timeout(Some(std::time::Duration::from_millis(300)))
            .unwrap();
        let mut byte = [0; 1];
        let read = stream.read(&mut byte);
        assert!(
            read.is_err(),
            "{:?} got an answer or a close",
            support::text(request)
        );
    }
    assert!(emulator.calls().is_empty());
}
