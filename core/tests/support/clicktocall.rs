//! The clicktocall emulator (testing/emulators/clicktocall) for the core's tests: its
//! configuration in the reference page's numbering, started on ports the test chooses and killed
//! when the test ends. The binary must be built first (`cargo build --release -p
//! clicktocall-emulator`); `CLICKTOCALL_EMULATOR` may name another one.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use click2dial_core::clicktocall::ClickToCallSettings;
use click2dial_core::Secret;
use serde_json::Value;

/// How long any wait may last before the test gives up: a guard against hanging, never an
/// assertion about speed.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// The reference page's numbering (§4.6): 2xxx answer, 1001/1002 answer at once (baresip),
/// 3xxx busy, 4xxx ring for ever, 9xxx no rule; `bad` translates to a URI that does not parse.
pub fn config(time_scale: f64, password: Option<&str>, connection_limit: usize) -> String {
    let mut text = format!(
        "hostname = \"vm\"\ntime_scale = {time_scale}\nxml_connection_limit = {connection_limit}\n"
    );
    if let Some(password) = password {
        text.push_str(&format!(
            "http_auth = true\nhttp_auth_pwd = \"{password}\"\n"
        ));
    }
    for (pattern, output) in [
        ("^bad$", "sip:%zz@127.0.0.1"),
        ("^([0-8][0-9]*)$", "sip:$1@127.0.0.1:57421"),
    ] {
        text.push_str(&format!(
            "[[translation]]\npattern = \"{pattern}\"\noutput = \"{output}\"\n"
        ));
    }
    for (pattern, behaviour) in [
        ("^sip:100[0-9]@", "answer_at_once"),
        ("^sip:3", "busy"),
        ("^sip:4", "no_answer"),
    ] {
        text.push_str(&format!(
            "[[phone]]\npattern = \"{pattern}\"\nbehaviour = \"{behaviour}\"\n"
        ));
    }
    text
}

fn emulator_binary() -> PathBuf {
    if let Some(path) = std::env::var_os("CLICKTOCALL_EMULATOR") {
        return path.into();
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target"));
    let binary = target.join("release/clicktocall-emulator");
    assert!(
        binary.exists(),
        "{} is missing: build it with `cargo build --release -p clicktocall-emulator`",
        binary.display()
    );
    binary
}

/// A running emulator on three ports from `base`, killed when the test ends however it ends.
pub struct Emulator {
    child: Child,
    _dir: tempfile::TempDir,
    pub http: u16,
    pub xml: u16,
    pub control: u16,
}

impl Drop for Emulator {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Emulator {
    pub fn start(base: u16, config: &str) -> Emulator {
        let dir = tempfile::tempdir().unwrap();
        let config_path = dir.path().join("clicktocall.toml");
        std::fs::write(&config_path, config).unwrap();
        let state = dir.path().join("state");
        let (http, xml, control) = (base, base + 1, base + 2);
        let child = Command::new(emulator_binary())
            .arg("--config")
            .arg(&config_path)
            .arg("--state-dir")
            .arg(&state)
            .args(["--http", &format!("127.0.0.1:{http}")])
            .args(["--xml", &format!("127.0.0.1:{xml}")])
            .args(["--control", &format!("127.0.0.1:{control}"), "--quiet"])
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        let mut emulator = Emulator {
            child,
            _dir: dir,
            http,
            xml,
            control,
        };
        let started = Instant::now();
        while !state.join("ready").exists() {
            if let Some(status) = emulator.child.try_wait().unwrap() {
                panic!(
                    "the emulator ended at start-up ({status}): are ports {base}-{} free?",
                    base + 2
                );
            }
            assert!(started.elapsed() < PATIENCE, "the emulator never got ready");
            std::thread::sleep(Duration::from_millis(10));
        }
        emulator.child.try_wait().unwrap();
        emulator
    }

    pub fn settings(&self, anchor: bool, password: Option<&str>) -> ClickToCallSettings {
        ClickToCallSettings {
            http_server: format!("http://127.0.0.1:{}", self.http),
            xml_address: Some(format!("127.0.0.1:{}", self.xml)),
            password: password.map(Secret::from),
            anchor,
            initiator: "{extension}".to_owned(),
            ..ClickToCallSettings::default()
        }
    }

    /// A request to the control port; the status and the JSON body.
    pub fn control(&self, method: &str, path: &str, body: &str) -> (u16, Value) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.control)).unwrap();
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

    pub fn set_fault(&self, fault: &str) {
        assert_eq!(self.control("PUT", "/fault", fault).0, 200);
    }

    /// The record once `count` calls are in it and the emulator says each will send nothing
    /// more (`finished`), so a test can wait for "never" without a clock.
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

/// A look at a call without a password (clicktocall asks for none) and the default ring
/// time-out.
pub fn look() -> click2dial_core::pbx::Look<'static> {
    click2dial_core::pbx::Look {
        password: None,
        ring_timeout_ms: click2dial_core::progress::DEFAULT_RING_TIMEOUT_MS,
    }
}

/// The status once it stops changing by itself (a final state, or `unknown`), looked at until
/// `within` has passed (a guard against hanging, not an assertion about speed).
pub fn settled_within(
    settings: &click2dial_core::Settings,
    id: &str,
    within: Duration,
) -> click2dial_core::clicktocall::state::CallState {
    use click2dial_core::clicktocall::state::State;
    let started = Instant::now();
    loop {
        let status = click2dial_core::status::call_status(settings, id, &look()).unwrap();
        if matches!(
            status.state,
            State::Answered | State::Failed | State::NotAnswered | State::Unknown
        ) {
            return status;
        }
        assert!(started.elapsed() < within, "never settled: {status:?}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// [`settled_within`] the usual [`PATIENCE`].
pub fn settled(
    settings: &click2dial_core::Settings,
    id: &str,
) -> click2dial_core::clicktocall::state::CallState {
    settled_within(settings, id, PATIENCE)
}
