//! Starts the emulator binary on ephemeral loopback ports and speaks to it with plain blocking
//! sockets, byte for byte, the way the reference page's captures were made.

#![allow(dead_code)]

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// How long any single wait may last before the test gives up: a guard against hanging, never
/// an assertion about speed.
const PATIENCE: Duration = Duration::from_secs(20);

/// Rules and phones of the reference page's installation (§4.6 numbering). `extra` rules come
/// first, so a test can pin the exact ports of one capture.
pub fn config(extra_rules: &[(&str, &str)], auth: Option<&str>) -> String {
    let mut text = String::from("hostname = \"vm\"\ntime_scale = 0.001\n");
    if let Some(password) = auth {
        text.push_str(&format!(
            "http_auth = true\nhttp_auth_pwd = {}\n",
            toml_string(password)
        ));
    }
    let base = [
        ("^(sip:.*)$", "$1"),
        ("^([0-8][0-9]*)$", "sip:$1@127.0.0.1:57421"),
    ];
    for (pattern, output) in extra_rules.iter().chain(base.iter()) {
        text.push_str(&format!(
            "[[translation]]\npattern = {}\noutput = {}\n",
            toml_string(pattern),
            toml_string(output)
        ));
    }
    for (pattern, behaviour) in [
        ("^sip:100[0-9]@", "answer_at_once"),
        ("^sip:1999@", "unknown"),
        ("^sip:3", "busy"),
        ("^sip:4", "no_answer"),
        ("^sip:6", "rejects_refer"),
        ("^sip:[78]", "no_response"),
    ] {
        text.push_str(&format!(
            "[[phone]]\npattern = \"{pattern}\"\nbehaviour = \"{behaviour}\"\n"
        ));
    }
    text
}

fn toml_string(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}

/// A running emulator, killed when the test ends however it ends.
pub struct Emulator {
    child: Child,
    dir: PathBuf,
    pub http: String,
    pub xml: String,
    pub control: String,
}

impl Drop for Emulator {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

impl Emulator {
    pub fn start(name: &str, config: &str) -> Emulator {
        let dir = std::env::temp_dir().join(format!(
            "clicktocall-emulator-test-{name}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let config_path = dir.join("config.toml");
        std::fs::write(&config_path, config).unwrap();
        let state = dir.join("state");
        let child = Command::new(env!("CARGO_BIN_EXE_clicktocall-emulator"))
            .arg("--config")
            .arg(&config_path)
            .arg("--state-dir")
            .arg(&state)
            .args(["--http", "127.0.0.1:0", "--xml", "127.0.0.1:0"])
            .args(["--control", "127.0.0.1:0", "--quiet"])
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        let started = Instant::now();
        while !state.join("ready").exists() {
            assert!(started.elapsed() < PATIENCE, "the emulator never got ready");
            std::thread::sleep(Duration::from_millis(10));
        }
        let listen: Value =
            serde_json::from_str(&std::fs::read_to_string(state.join("listen.json")).unwrap())
                .unwrap();
        let address = |key: &str| listen[key].as_str().unwrap().to_string();
        Emulator {
            http: address("http"),
            xml: address("xml"),
            control: address("control"),
            child,
            dir,
        }
    }

    /// Sends `request` in one write and reads until the server closes the connection.
    pub fn http(&self, request: &[u8]) -> Vec<u8> {
        let mut stream = TcpStream::connect(&self.http).unwrap();
        stream.set_read_timeout(Some(PATIENCE)).unwrap();
        stream.write_all(request).unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        response
    }

    /// A GET of `/clicktocall.html?<query>` as one write, HTTP/1.0 as curl would send it.
    pub fn click_to_call(&self, query: &str) -> String {
        let request = format!("GET /clicktocall.html?{query} HTTP/1.0\r\nHost: vm\r\n\r\n");
        String::from_utf8(self.http(request.as_bytes())).unwrap()
    }

    pub fn xml(&self) -> Xml {
        let stream = TcpStream::connect(&self.xml).unwrap();
        stream.set_read_timeout(Some(PATIENCE)).unwrap();
        Xml {
            stream,
            buffer: Vec::new(),
        }
    }

    /// A control request; the status and the JSON body.
    pub fn control(&self, method: &str, path: &str, body: &str) -> (u16, Value) {
        let mut stream = TcpStream::connect(&self.control).unwrap();
        stream.set_read_timeout(Some(PATIENCE)).unwrap();
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: control\r\nConnection: close\r\n\
             Content-Length: {}\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(request.as_bytes()).unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        let status = response[9..12].parse().unwrap();
        let (_, body) = response.split_once("\r\n\r\n").unwrap();
        (status, serde_json::from_str(body).unwrap_or(Value::Null))
    }

    pub fn calls(&self) -> Vec<Value> {
        self.control("GET", "/calls", "")
            .1
            .as_array()
            .unwrap()
            .clone()
    }

    pub fn stats(&self) -> Value {
        self.control("GET", "/stats", "").1
    }

    pub fn set_fault(&self, fault: &str) {
        assert_eq!(self.control("PUT", "/fault", fault).0, 200);
    }

    /// The record once `count` calls are in it and every one of them is finished.
    pub fn finished_calls(&self, count: usize) -> Vec<Value> {
        let started = Instant::now();
        loop {
            let calls = self.calls();
            if calls.len() >= count && calls.iter().all(|c| c["finished"] == true) {
                return calls;
            }
            assert!(
                started.elapsed() < PATIENCE,
                "calls never finished: {calls:?}"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

/// `(code, leg)` of each result of a recorded call; leg "" for the 100.
pub fn sequence(call: &Value) -> Vec<(u64, String)> {
    results(call).into_iter().map(|(c, l, _)| (c, l)).collect()
}

/// `(code, leg, at_ms)` of each result of a recorded call, at_ms in the reference's ms.
pub fn results(call: &Value) -> Vec<(u64, String, u64)> {
    call["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["code"].as_u64().unwrap(),
                r["leg"].as_str().unwrap_or("").to_string(),
                r["at_ms"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// One XML connection; frames responses as a client must (§4.7): a response ends at
/// `</ClickToCall>`, or at `</Response>` when it begins with `<Response>`.
pub struct Xml {
    stream: TcpStream,
    buffer: Vec<u8>,
}

impl Xml {
    pub fn send(&mut self, bytes: &[u8]) {
        self.stream.write_all(bytes).unwrap();
    }

    pub fn frame(&mut self) -> Vec<u8> {
        loop {
            if let Some(end) = frame_end(&self.buffer) {
                return self.buffer.drain(..end).collect();
            }
            let mut chunk = [0; 8192];
            let n = self.stream.read(&mut chunk).expect("no response came");
            assert!(
                n > 0,
                "connection closed; unframed bytes: {:?}",
                self.buffer
            );
            self.buffer.extend_from_slice(&chunk[..n]);
        }
    }

    pub fn frames(&mut self, count: usize) -> Vec<Vec<u8>> {
        (0..count).map(|_| self.frame()).collect()
    }

    /// True when nothing arrives for `ms`: evidence (never proof) of silence. It can only pass
    /// wrongly on a slow machine, not fail wrongly.
    pub fn silent_for(&mut self, ms: u64) -> bool {
        self.stream
            .set_read_timeout(Some(Duration::from_millis(ms)))
            .unwrap();
        let mut chunk = [0; 8192];
        let silent = match self.stream.read(&mut chunk) {
            Err(e) => matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut),
            Ok(_) => false,
        };
        self.stream.set_read_timeout(Some(PATIENCE)).unwrap();
        silent && self.buffer.is_empty()
    }

    /// Reads what is left until the server closes the connection: the bytes that came, or
    /// `None` when it was not closed.
    pub fn until_closed(&mut self) -> Option<Vec<u8>> {
        let mut rest = std::mem::take(&mut self.buffer);
        self.stream.read_to_end(&mut rest).ok().map(|_| rest)
    }
}

fn frame_end(buffer: &[u8]) -> Option<usize> {
    let closing: &[u8] = if buffer.starts_with(b"<Response>") {
        b"</Response>"
    } else {
        b"</ClickToCall>"
    };
    buffer
        .windows(closing.len())
        .position(|w| w == closing)
        .map(|at| at + closing.len())
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
