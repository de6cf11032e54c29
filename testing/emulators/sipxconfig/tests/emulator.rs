//! Starts the real binary on ephemeral loopback ports and talks to it the way click2dial does:
//! HTTPS trusting only the emulator's `ca.pem`, by host name, over kept-alive connections.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use base64::Engine;
use md5::{Digest, Md5};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;

const CONFIG: &str = r#"
realm = "example.test"
domain = "example.test"
hostnames = ["localhost"]
nonce_validity_seconds = NONCE_VALIDITY

[[user]]
name = "206"
pin = "0000"
aliases = ["alice"]
im_id = "alice.im"
display = "Alice Example"

[[user]]
name = "208"
pin = "pässwörd"
"#;

/// A running emulator, stopped with SIGKILL if a test fails before stopping it.
struct Emulator {
    child: Option<Child>,
    dir: PathBuf,
    https: String,
    http: String,
    control: String,
}

impl Emulator {
    fn start(name: &str, nonce_validity: u64) -> Emulator {
        let dir = std::env::temp_dir().join(format!(
            "sipxconfig-emulator-test-{name}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let config = dir.join("config.toml");
        std::fs::write(
            &config,
            CONFIG.replace("NONCE_VALIDITY", &nonce_validity.to_string()),
        )
        .unwrap();
        let state = dir.join("state");
        let child = Command::new(env!("CARGO_BIN_EXE_sipxconfig-emulator"))
            .arg("--config")
            .arg(&config)
            .arg("--state-dir")
            .arg(&state)
            .args([
                "--https",
                "127.0.0.1:0",
                "--http",
                "127.0.0.1:0",
                "--control",
                "127.0.0.1:0",
            ])
            .stdout(Stdio::null())
            .spawn()
            .expect("the emulator binary starts");
        let deadline = Instant::now() + Duration::from_secs(20);
        while !state.join("ready").exists() {
            assert!(Instant::now() < deadline, "emulator did not become ready");
            std::thread::sleep(Duration::from_millis(20));
        }
        let listen: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(state.join("listen.json")).unwrap())
                .unwrap();
        let address = |key: &str| listen[key].as_str().unwrap().to_string();
        Emulator {
            https: address("https"),
            http: address("http"),
            control: address("control"),
            child: Some(child),
            dir: state,
        }
    }

    fn https_port(&self) -> u16 {
        self.https.rsplit(':').next().unwrap().parse().unwrap()
    }

    async fn connect(&self) -> Connection {
        self.connect_tls(&self.dir.join("ca.pem"), "localhost")
            .await
            .expect("TLS handshake")
    }

    async fn connect_tls(&self, ca: &Path, server_name: &str) -> std::io::Result<Connection> {
        let mut roots = rustls::RootCertStore::empty();
        for cert in CertificateDer::pem_file_iter(ca).unwrap() {
            roots.add(cert.unwrap()).unwrap();
        }
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_root_certificates(roots)
            .with_no_client_auth();
        let connector = tokio_rustls::TlsConnector::from(Arc::new(config));
        let tcp = TcpStream::connect(("127.0.0.1", self.https_port())).await?;
        let name = ServerName::try_from(server_name.to_string()).unwrap();
        let tls = connector.connect(name, tcp).await?;
        Ok(Connection {
            stream: Box::new(tls),
            buffer: Vec::new(),
        })
    }

    async fn connect_plain(address: &str) -> Connection {
        let tcp = TcpStream::connect(address).await.unwrap();
        Connection {
            stream: Box::new(tcp),
            buffer: Vec::new(),
        }
    }

    async fn control(&self, method: &str, path: &str, body: &str) -> Reply {
        let mut connection = Emulator::connect_plain(&self.control).await;
        connection
            .send(method, path, &[], body)
            .await
            .expect("control API answers")
    }

    fn recorded_lines(&self) -> Vec<serde_json::Value> {
        std::fs::read_to_string(self.dir.join("calls.jsonl"))
            .unwrap()
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect()
    }

    fn terminate(&mut self) -> std::process::ExitStatus {
        let mut child = self.child.take().unwrap();
        let status = Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        child.wait().unwrap()
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

trait Stream: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Stream for T {}

/// A deliberately small HTTP/1.1 client, so the tests see exactly what goes over the wire.
struct Connection {
    stream: Box<dyn Stream>,
    buffer: Vec<u8>,
}

#[derive(Debug)]
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn all(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.all(name).first().copied()
    }
}

impl Connection {
    async fn send(
        &mut self,
        method: &str,
        target: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> std::io::Result<Reply> {
        let mut request = format!("{method} {target} HTTP/1.1\r\nHost: localhost\r\n");
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        request.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
        self.stream.write_all(request.as_bytes()).await?;
        self.read_reply(method == "HEAD").await
    }

    /// `PUT target` with Basic credentials, as click2dial sends a call.
    async fn put_basic(&mut self, target: &str, login: &str, pin: &str) -> Reply {
        self.put_authorized(target, &basic(login, pin)).await
    }

    /// `PUT target` with this `Authorization` header.
    async fn put_authorized(&mut self, target: &str, authorization: &str) -> Reply {
        self.send("PUT", target, &[("Authorization", authorization)], "")
            .await
            .expect("the emulator answers")
    }

    async fn read_reply(&mut self, head_only: bool) -> std::io::Result<Reply> {
        let header_end = loop {
            if let Some(end) = self.buffer.windows(4).position(|w| w == b"\r\n\r\n") {
                break end;
            }
            self.fill().await?;
        };
        let head = String::from_utf8(self.buffer[..header_end].to_vec()).unwrap();
        self.buffer.drain(..header_end + 4);
        let mut lines = head.split("\r\n");
        let status = lines
            .next()
            .unwrap()
            .split(' ')
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        let headers: Vec<(String, String)> = lines
            .map(|line| {
                let (name, value) = line.split_once(':').unwrap();
                (name.trim().to_string(), value.trim().to_string())
            })
            .collect();
        let length: usize = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
            .map_or(0, |(_, v)| v.parse().unwrap());
        let length = if head_only { 0 } else { length };
        while self.buffer.len() < length {
            self.fill().await?;
        }
        let body = self.buffer.drain(..length).collect();
        Ok(Reply {
            status,
            headers,
            body,
        })
    }

    async fn fill(&mut self) -> std::io::Result<()> {
        let mut chunk = [0u8; 8192];
        let n = self.stream.read(&mut chunk).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        self.buffer.extend_from_slice(&chunk[..n]);
        Ok(())
    }
}

fn basic(login: &str, pin: &str) -> String {
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{login}:{pin}"))
    )
}

fn md5_hex(s: &str) -> String {
    Md5::digest(s.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn nonce_of(challenge: &str) -> String {
    let start = challenge.find("nonce=\"").unwrap() + 7;
    let end = challenge[start..].find('"').unwrap();
    challenge[start..start + end].to_string()
}

fn digest(login: &str, pin: &str, method: &str, uri: &str, nonce: &str, nc: &str) -> String {
    let ha1 = md5_hex(&format!("{login}:example.test:{pin}"));
    let ha2 = md5_hex(&format!("{method}:{uri}"));
    let response = md5_hex(&format!("{ha1}:{nonce}:{nc}:abcdef:auth:{ha2}"));
    format!(
        "Digest username=\"{login}\", realm=\"example.test\", nonce=\"{nonce}\", uri=\"{uri}\", \
         algorithm=MD5, qop=auth, nc={nc}, cnonce=\"abcdef\", response=\"{response}\""
    )
}

const CALL_207: &str = "/sipxconfig/rest/call/207";

#[tokio::test]
async fn basic_call_over_https_is_accepted_and_recorded() {
    let emulator = Emulator::start("basic", 300);
    let mut connection = emulator.connect().await;

    let reply = connection.put_basic(CALL_207, "206", "0000").await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("content-length"), Some("0"));
    assert_eq!(reply.header("content-type"), None);
    assert!(reply.body.is_empty());
    assert!(reply.header("date").is_some());

    let lines = emulator.recorded_lines();
    assert_eq!(lines.len(), 1, "the record is on disk when the 200 arrives");
    assert_eq!(lines[0]["seq"], 1);
    assert_eq!(lines[0]["user"], "206");
    assert_eq!(lines[0]["login"], "206");
    assert_eq!(lines[0]["auth"], "basic");
    assert_eq!(lines[0]["from"], "sip:206@example.test");
    assert_eq!(lines[0]["to"], "sip:207@example.test");
    assert_eq!(lines[0]["dialed"], "207");
    assert_eq!(lines[0]["path"], CALL_207);

    // Same connection: an alias, the /my/ form, a cleaned-up number, and a UTF-8 PIN.
    let target = "/sipxconfig/rest/my/call/9.9-86(406)9%5B99%5D";
    let reply = connection
        .send(
            "PUT",
            target,
            &[("Authorization", &basic("alice", "0000"))],
            "x",
        )
        .await
        .unwrap();
    assert_eq!(reply.status, 200);
    let reply = connection
        .put_basic("/sipxconfig/rest/call/%2B4930123", "208", "pässwörd")
        .await;
    assert_eq!(reply.status, 200);

    let lines = emulator.recorded_lines();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1]["user"], "206");
    assert_eq!(lines[1]["login"], "alice");
    assert_eq!(lines[1]["dialed"], "9986406999");
    assert_eq!(lines[1]["path"], target);
    assert_eq!(lines[2]["user"], "208");
    assert_eq!(lines[2]["to"], "sip:+4930123@example.test");

    let calls = emulator.control("GET", "/calls", "").await;
    assert_eq!(calls.status, 200);
    let calls: Vec<serde_json::Value> = serde_json::from_slice(&calls.body).unwrap();
    assert_eq!(calls, lines);

    let cleared = emulator.control("DELETE", "/calls", "").await;
    assert_eq!(cleared.status, 200);
    assert!(emulator.recorded_lines().is_empty());
    let calls = emulator.control("GET", "/calls", "").await;
    assert_eq!(
        serde_json::from_slice::<Vec<serde_json::Value>>(&calls.body)
            .unwrap()
            .len(),
        0
    );
}

#[tokio::test]
async fn authentication_challenges_have_the_real_shapes() {
    let emulator = Emulator::start("auth", 300);
    let mut connection = emulator.connect().await;

    let reply = connection.send("PUT", CALL_207, &[], "").await.unwrap();
    assert_eq!(reply.status, 401);
    let challenges = reply.all("www-authenticate");
    assert_eq!(challenges.len(), 1, "{challenges:?}");
    assert!(
        challenges[0].starts_with("Digest realm=\"example.test\", qop=\"auth\", nonce=\""),
        "{challenges:?}"
    );
    assert!(!challenges[0].contains("stale"));

    // Digest round trip with an alias, on the same connection.
    let nonce = nonce_of(challenges[0]);
    let authorization = digest("alice", "0000", "PUT", CALL_207, &nonce, "00000001");
    let reply = connection.put_authorized(CALL_207, &authorization).await;
    assert_eq!(reply.status, 200);
    assert_eq!(emulator.recorded_lines()[0]["auth"], "digest");
    assert_eq!(emulator.recorded_lines()[0]["user"], "206");

    let wrong = digest("alice", "0001", "PUT", CALL_207, &nonce, "00000002");
    let reply = connection.put_authorized(CALL_207, &wrong).await;
    assert_eq!(reply.status, 401);
    let challenges = reply.all("www-authenticate");
    assert_eq!(challenges.len(), 1);
    assert!(challenges[0].starts_with("Digest realm=\"example.test\""));

    let reply = connection.put_basic(CALL_207, "alice", "1111").await;
    assert_eq!(reply.status, 401);
    assert_eq!(
        reply.all("www-authenticate"),
        vec!["Basic realm=\"example.test\""]
    );
    assert!(reply
        .header("content-type")
        .unwrap()
        .starts_with("text/html"));
    assert!(String::from_utf8_lossy(&reply.body).contains("<html>"));

    let reply = connection.put_basic(CALL_207, "nobody", "0000").await;
    assert_eq!(reply.status, 401);
    assert_eq!(
        emulator.recorded_lines().len(),
        1,
        "refused calls are not recorded"
    );
}

#[tokio::test]
async fn expired_digest_nonce_is_stale() {
    let emulator = Emulator::start("stale", 0);
    let mut connection = emulator.connect().await;
    let reply = connection.send("PUT", CALL_207, &[], "").await.unwrap();
    let nonce = nonce_of(reply.header("www-authenticate").unwrap());
    tokio::time::sleep(Duration::from_millis(20)).await;
    let authorization = digest("206", "0000", "PUT", CALL_207, &nonce, "00000001");
    let reply = connection.put_authorized(CALL_207, &authorization).await;
    assert_eq!(reply.status, 401);
    let challenge = reply.header("www-authenticate").unwrap();
    assert!(challenge.ends_with(", stale=\"true\""), "{challenge}");
    assert_ne!(nonce_of(challenge), nonce);
}

#[tokio::test]
async fn methods_paths_and_numbers() {
    let emulator = Emulator::start("methods", 300);
    let mut connection = emulator.connect().await;
    let auth = basic("206", "0000");
    let auth = [("Authorization", auth.as_str())];

    for method in ["GET", "POST", "DELETE", "HEAD"] {
        let reply = connection.send(method, CALL_207, &auth, "").await.unwrap();
        assert_eq!(reply.status, 405, "{method}");
        assert_eq!(reply.header("allow"), Some("PUT, OPTIONS"), "{method}");
    }
    let reply = connection.send("OPTIONS", CALL_207, &[], "").await.unwrap();
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("allow"), Some("PUT, OPTIONS"));

    for path in [
        "/sipxconfig/rest/call/",
        "/sipxconfig/rest/call/207/1",
        "/sipxconfig/rest/calls/207",
        "/",
    ] {
        let reply = connection.put_basic(path, "206", "0000").await;
        assert_eq!(reply.status, 404, "{path}");
    }

    let cases = [
        ("+49", 400),
        ("%zz", 500),
        ("12%3A3", 400),
        ("%23", 400),
        ("*97", 200),
        ("200;user=phone", 200),
    ];
    for (to, status) in cases {
        let target = format!("/sipxconfig/rest/call/{to}");
        let reply = connection.put_basic(&target, "206", "0000").await;
        assert_eq!(reply.status, status, "{to}");
        if status != 200 {
            assert!(
                reply
                    .header("content-type")
                    .unwrap()
                    .starts_with("text/html"),
                "{to}"
            );
        }
    }
    let dialed: Vec<_> = emulator
        .recorded_lines()
        .iter()
        .map(|l| l["dialed"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(dialed, vec!["*97", "200;user=phone"]);

    // Plain HTTP listener: same behaviour.
    let mut plain = Emulator::connect_plain(&emulator.http).await;
    let reply = plain.put_basic(CALL_207, "206", "0000").await;
    assert_eq!(reply.status, 200);
    assert_eq!(emulator.recorded_lines().len(), 3);
}

#[tokio::test]
async fn only_the_installation_ca_and_host_name_are_trusted() {
    let emulator = Emulator::start("tls", 300);
    let other_ca = emulator.dir.join("other-ca.pem");
    assert!(emulator.connect_tls(&other_ca, "localhost").await.is_err());
    let ca = emulator.dir.join("ca.pem");
    assert!(
        emulator.connect_tls(&ca, "127.0.0.1").await.is_err(),
        "no IP SAN"
    );
    assert!(emulator.connect_tls(&ca, "localhost").await.is_ok());
}

#[tokio::test]
async fn faults_and_clean_shutdown() {
    let mut emulator = Emulator::start("faults", 300);
    let auth = basic("206", "0000");
    let auth = [("Authorization", auth.as_str())];

    let set = emulator
        .control(
            "PUT",
            "/fault",
            r#"{"mode":"status","status":503,"times":1}"#,
        )
        .await;
    assert_eq!(set.status, 200);
    let mut connection = emulator.connect().await;
    assert_eq!(
        connection.put_basic(CALL_207, "206", "0000").await.status,
        503
    );
    assert_eq!(
        connection.put_basic(CALL_207, "206", "0000").await.status,
        200
    );
    assert_eq!(emulator.recorded_lines().len(), 1);

    emulator
        .control("PUT", "/fault", r#"{"mode":"drop"}"#)
        .await;
    let mut connection = emulator.connect().await;
    assert!(
        connection.send("PUT", CALL_207, &auth, "").await.is_err(),
        "closed without an answer"
    );

    emulator
        .control("PUT", "/fault", r#"{"mode":"delay","ms":300}"#)
        .await;
    let started = Instant::now();
    let mut connection = emulator.connect().await;
    assert_eq!(
        connection.put_basic(CALL_207, "206", "0000").await.status,
        200
    );
    assert!(started.elapsed() >= Duration::from_millis(300));

    emulator
        .control("PUT", "/fault", r#"{"mode":"blackhole"}"#)
        .await;
    let mut connection = emulator.connect().await;
    let silent = tokio::time::timeout(
        Duration::from_millis(300),
        connection.send("PUT", CALL_207, &auth, ""),
    )
    .await;
    assert!(silent.is_err(), "no answer while blackholed");
    let shown = emulator.control("GET", "/fault", "").await;
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&shown.body).unwrap()["mode"],
        "blackhole"
    );
    assert_eq!(emulator.control("DELETE", "/fault", "").await.status, 200);

    assert_eq!(
        emulator
            .control("PUT", "/fault", r#"{"mode":"explode"}"#)
            .await
            .status,
        400
    );
    assert_eq!(emulator.control("GET", "/health", "").await.body, b"ok");
    assert_eq!(emulator.recorded_lines().len(), 2);

    let status = emulator.terminate();
    assert!(status.success(), "{status:?}");
    assert!(!emulator.dir.join("ready").exists());
}
