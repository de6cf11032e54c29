//! The sipXconfig client against a canned HTTP server on loopback: the exact request it sends,
//! how each kind of answer is reported, and when it keeps its connection.
//!
//! The emulator (tested through PHP) covers the real server's behaviour; this covers answers a
//! real sipXconfig seldom gives (403, redirects, huge bodies) and the bytes on the wire.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use click2dial_core::{make_call, ErrorKind, Secret, Settings};

/// One canned answer, written in parts with a pause between them (as a slow server sends).
struct Answer(Vec<Vec<u8>>);

/// A server that answers each request with the next canned answer and records what it got.
struct CannedServer {
    port: u16,
    requests: Arc<Mutex<Vec<String>>>,
    connections: Arc<Mutex<usize>>,
}

impl CannedServer {
    fn start(answers: Vec<Answer>) -> CannedServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let connections = Arc::new(Mutex::new(0));
        let answers = Arc::new(Mutex::new(answers.into_iter()));
        let (seen, count) = (requests.clone(), connections.clone());
        thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { return };
                *count.lock().unwrap() += 1;
                let (seen, answers) = (seen.clone(), answers.clone());
                thread::spawn(move || serve(stream, &seen, &answers));
            }
        });
        CannedServer {
            port,
            requests,
            connections,
        }
    }

    fn settings(&self) -> Settings {
        Settings {
            server: format!("http://127.0.0.1:{}", self.port),
            allow_http: true,
            // These tests call the same numbers again and again, which the limits would refuse.
            rate_limit: 0,
            duplicate_window: Duration::ZERO,
            // Nor should their wrong PINs count in the state folder every checkout shares.
            failed_logins: 0,
            ..Settings::default()
        }
    }

    fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }

    fn connections(&self) -> usize {
        *self.connections.lock().unwrap()
    }
}

fn serve(
    stream: TcpStream,
    seen: &Mutex<Vec<String>>,
    answers: &Mutex<std::vec::IntoIter<Answer>>,
) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut writer = stream;
    loop {
        let mut head = String::new();
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            head.push_str(&line);
            if line == "\r\n" {
                break;
            }
        }
        seen.lock().unwrap().push(head);
        let (Some(Answer(parts)), left) = ({
            let mut a = answers.lock().unwrap();
            (a.next(), a.len())
        }) else {
            return;
        };
        for (index, part) in parts.iter().enumerate() {
            if index > 0 {
                thread::sleep(Duration::from_millis(50));
            }
            if writer.write_all(part).is_err() {
                return;
            }
        }
        if left == 0 {
            return; // closes the connection
        }
    }
}

fn answer(status: &str, headers: &str, body: &[u8]) -> Answer {
    let mut bytes = format!(
        "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    bytes.extend_from_slice(body);
    Answer(vec![bytes])
}

/// The same answer with the body's tail sent a moment after the rest.
fn slowly(Answer(mut parts): Answer) -> Answer {
    let whole = parts.remove(0);
    let (first, rest) = whole.split_at(whole.len() - 1000);
    Answer(vec![first.to_vec(), rest.to_vec()])
}

fn call(server: &CannedServer, to: &str, pin: &str) -> click2dial_core::Result<u16> {
    make_call(&server.settings(), to, "206", Some(&Secret::from(pin))).map(|placed| placed.status)
}

#[test]
fn the_request_is_a_put_with_preemptive_basic_auth_and_an_escaped_number() {
    let server = CannedServer::start(vec![answer("200 OK", "", b"")]);
    assert_eq!(call(&server, "+49 (5331) 939-0", "0000").unwrap(), 200);
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let request = requests[0].to_ascii_lowercase();
    assert!(
        request.starts_with("put /sipxconfig/rest/call/%2b4953319390 http/1.1\r\n"),
        "{request}"
    );
    // base64("206:0000")
    assert!(
        request.contains("\r\nauthorization: basic mja2ojawmda=\r\n"),
        "{request}"
    );
    assert!(request.contains("\r\ncontent-length: 0\r\n"), "{request}");
    assert_eq!(request.matches("content-length").count(), 1, "{request}");
    assert!(
        !request.contains("0000@"),
        "credentials must not be in the URL: {request}"
    );
}

#[test]
fn forbidden_is_an_authentication_error_with_its_status() {
    let server = CannedServer::start(vec![answer("403 Forbidden", "", b"<html>no</html>")]);
    let err = call(&server, "207", "0000").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Authentication { status: 403 });
    assert_eq!(err.code(), 403);
    assert!(
        err.message()
            .contains("does not let user \"206\" place calls"),
        "{err}"
    );
}

#[test]
fn a_redirect_is_not_followed_and_its_credentials_are_not_repeated() {
    let server = CannedServer::start(vec![
        answer(
            "302 Found",
            "Location: https://user:pw@elsewhere.example:8443/x?token=abc\r\n",
            b"",
        ),
        answer("200 OK", "", b""),
    ]);
    let err = call(&server, "207", "0000").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::PbxRejected { status: 302 });
    assert!(
        err.message()
            .contains("\"https://elsewhere.example:8443/x\""),
        "{err}"
    );
    assert!(
        !err.message().contains("pw") && !err.message().contains("abc"),
        "{err}"
    );
    assert_eq!(
        server.requests().len(),
        1,
        "the redirect must not be followed"
    );
}

#[test]
fn a_bad_request_names_the_number() {
    let server = CannedServer::start(vec![answer("400 Bad Request", "", b"<html>400</html>")]);
    let err = call(&server, "207", "0000").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::PbxRejected { status: 400 });
    assert!(
        err.message()
            .contains("did not accept the number 207 (HTTP 400 Bad Request)"),
        "{err}"
    );
}

#[test]
fn small_answers_keep_the_connection_and_a_huge_body_is_not_read() {
    let huge = vec![b'x'; 4 * 1024 * 1024];
    // A container's error page with a stack trace, under the client's bound.
    let trace = "at org.sipfoundry.Frame\n".repeat(500);
    let error_page = format!("<html><body><h2>HTTP ERROR 401</h2><pre>{trace}</pre></body></html>");
    assert!(error_page.len() < 16 * 1024);
    let server = CannedServer::start(vec![
        answer("200 OK", "", b""),
        slowly(answer(
            "401 Unauthorized",
            "WWW-Authenticate: Basic realm=\"example.test\"\r\n",
            error_page.as_bytes(),
        )),
        answer("200 OK", "", b""),
        answer("503 Service Unavailable", "", &huge),
        answer("200 OK", "", b""),
    ]);
    assert_eq!(call(&server, "201", "0000").unwrap(), 200);
    // The error page is read to its end, though it comes in two parts, so the connection stays.
    assert_eq!(call(&server, "202", "wrong").unwrap_err().code(), 401);
    assert_eq!(call(&server, "202", "0000").unwrap(), 200);
    assert_eq!(
        server.connections(),
        1,
        "three calls, one kept-alive connection"
    );
    let err = call(&server, "203", "0000").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::PbxRejected { status: 503 });
    // The unread rest of the body makes the connection unusable, so the next call opens anew.
    assert_eq!(call(&server, "204", "0000").unwrap(), 200);
    assert_eq!(server.connections(), 2);
}

#[test]
fn an_accepted_call_stays_accepted_when_the_body_breaks_off() {
    let mut broken = answer("200 OK", "", b"").0.remove(0);
    broken = String::from_utf8(broken)
        .unwrap()
        .replace("Content-Length: 0", "Content-Length: 100")
        .into_bytes();
    broken.extend_from_slice(b"only ten b");
    let server = CannedServer::start(vec![Answer(vec![broken])]);
    // The server closes the connection after its last answer: the body stays 90 bytes short.
    assert_eq!(call(&server, "207", "0000").unwrap(), 200);
}

#[test]
fn a_connection_closed_without_an_answer_is_unreachable() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    thread::spawn(move || {
        for stream in listener.incoming() {
            let mut stream = stream.unwrap();
            let mut buffer = [0u8; 1024];
            let _ = stream.read(&mut buffer);
            // dropped: closed without a word
        }
    });
    let settings = Settings {
        server: format!("http://127.0.0.1:{port}"),
        allow_http: true,
        rate_limit: 0,
        duplicate_window: Duration::ZERO,
        failed_logins: 0,
        ..Settings::default()
    };
    let err = make_call(&settings, "207", "206", Some(&Secret::from("0000"))).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::PbxUnreachable);
    assert!(
        err.message()
            .starts_with(&format!("cannot reach sipXconfig at 127.0.0.1:{port}")),
        "{err}"
    );
}

#[test]
fn a_chunked_list_of_calls_in_progress_is_read_and_its_connection_kept() {
    let chunked = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\
        Transfer-Encoding: chunked\r\n\r\n\
        e;ext=1\r\n{\"cdrs\": [{\"to\r\n\
        b\r\n\": \"201\"}]}\r\n\
        0\r\nX-Trailer: yes\r\n\r\n"
        .to_vec();
    let server = CannedServer::start(vec![
        Answer(vec![chunked]),
        answer("200 OK", "", b""),
        answer("200 OK", "", b""),
    ]);
    let settings = server.settings();
    let pin = Secret::from("0000");
    let calls = click2dial_core::active_calls(&settings, "206", Some(&pin)).unwrap();
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0].to, "201");
    assert!(
        server.requests()[0]
            .to_ascii_lowercase()
            .contains("\r\naccept: application/json\r\n"),
        "{:?}",
        server.requests()
    );
    assert_eq!(call(&server, "207", "0000").unwrap(), 200);
    assert_eq!(
        server.connections(),
        1,
        "the chunked answer was read to its end"
    );
}

#[test]
fn an_answer_that_says_connection_close_is_not_kept() {
    let server = CannedServer::start(vec![
        answer("200 OK", "Connection: close\r\n", b""),
        answer("200 OK", "", b""),
        answer("200 OK", "", b""),
    ]);
    assert_eq!(call(&server, "207", "0000").unwrap(), 200);
    assert_eq!(call(&server, "208", "0000").unwrap(), 200);
    assert_eq!(server.connections(), 2, "closed as the answer said");
    assert_eq!(call(&server, "209", "0000").unwrap(), 200);
    assert_eq!(
        server.connections(),
        2,
        "kept when the answer did not say close"
    );
}
