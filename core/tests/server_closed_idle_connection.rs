//! A kept-alive connection that the server closed while the process was idle (sipXconfig's idle
//! time-out, or a restart) is not used for the next call: that call goes through on a new
//! connection instead of failing with "connection closed before message completed".
//!
//! The client's connections are only driven while a call runs (transport.rs), so without care
//! the close is noticed only after the next request was written to the dead connection.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use click2dial_core::{make_call, Secret, Settings};

/// Answers one request per connection with a keep-alive 200, then closes the connection.
fn start_server() -> (u16, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let connections = Arc::new(AtomicUsize::new(0));
    let counted = connections.clone();
    thread::spawn(move || {
        for stream in listener.incoming() {
            let mut stream = stream.unwrap();
            counted.fetch_add(1, Ordering::SeqCst);
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            while reader.read_line(&mut line).unwrap_or(0) > 0 && line != "\r\n" {
                line.clear();
            }
            stream
                .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
                .unwrap();
            // Idle for a moment, as if waiting for a next request, then give up on it.
            thread::sleep(Duration::from_millis(20));
        }
    });
    (port, connections)
}

#[test]
fn the_next_call_after_the_server_closed_the_idle_connection_goes_through() {
    let (port, connections) = start_server();
    let settings = Settings {
        server: format!("http://127.0.0.1:{port}"),
        allow_http: true,
        rate_limit: 0,
        duplicate_window: Duration::ZERO,
        failed_logins: 0,
        ..Settings::default()
    };
    let pin = Secret::from("0000");
    for call in 1..=3 {
        let placed = make_call(&settings, "207", "206", Some(&pin));
        assert_eq!(
            placed.map(|p| p.status).map_err(|e| e.to_string()),
            Ok(200),
            "call {call}"
        );
        // By now the server has closed the connection of this call.
        thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(connections.load(Ordering::SeqCst), 3);
}
