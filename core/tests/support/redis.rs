//! A `redis-server` of the test's own (Debian's package), for the tests of the shared state:
//! on a Unix socket under the worktree's `.run/`, or a loopback TCP or TLS port, without
//! persistence unless the test asks for it, stopped when dropped.

#![allow(dead_code)] // each test binary uses its part

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::AtomicU16;
use std::time::{Duration, Instant};

/// The first of this worktree's ports for TCP servers (35379-35399).
pub static NEXT_PORT: AtomicU16 = AtomicU16::new(35379);

pub fn redis_binary() -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain([PathBuf::from("/usr/bin"), PathBuf::from("/usr/sbin")])
        .map(|dir| dir.join("redis-server"))
        .find(|candidate| candidate.is_file())
}

/// The binary, or `None` after saying why the test is skipped.
pub fn redis_or_skip(test: &str) -> Option<PathBuf> {
    let binary = redis_binary();
    if binary.is_none() {
        eprintln!(
            "{test}: SKIPPED: redis-server is not installed (apt-get install redis-server; \
             scripts/install-deps installs it)"
        );
    }
    binary
}

pub fn run_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../.run");
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// How a server listens.
#[derive(Clone)]
pub enum Listen {
    Socket,
    Tcp(u16),
    Tls { port: u16, certs: PathBuf },
}

pub struct RedisServer {
    binary: PathBuf,
    /// The server's folder (socket, log, data).
    pub dir: tempfile::TempDir,
    pub listen: Listen,
    extra: Vec<String>,
    child: Option<Child>,
}

impl RedisServer {
    pub fn start(binary: &Path, listen: Listen, extra: &[&str]) -> RedisServer {
        let dir = tempfile::Builder::new()
            .prefix("redis-")
            .tempdir_in(run_dir())
            .unwrap();
        let mut server = RedisServer {
            binary: binary.to_owned(),
            dir,
            listen,
            extra: extra.iter().map(|s| s.to_string()).collect(),
            child: None,
        };
        server.run();
        server
    }

    pub fn socket(&self) -> PathBuf {
        self.dir.path().join("redis.sock")
    }

    pub fn log(&self) -> PathBuf {
        self.dir.path().join("redis.log")
    }

    pub fn url(&self) -> String {
        match &self.listen {
            Listen::Socket => format!("unix://{}", self.socket().display()),
            Listen::Tcp(port) => format!("redis://127.0.0.1:{port}/0"),
            Listen::Tls { port, .. } => format!("rediss://localhost:{port}/0"),
        }
    }

    pub fn run(&mut self) {
        let _ = fs::remove_file(self.log());
        let mut command = Command::new(&self.binary);
        command
            .args(["--daemonize", "no", "--save", "", "--dir"])
            .arg(self.dir.path())
            .arg("--logfile")
            .arg(self.log());
        match &self.listen {
            Listen::Socket => {
                command
                    .args(["--port", "0", "--unixsocketperm", "700", "--unixsocket"])
                    .arg(self.socket());
            }
            Listen::Tcp(port) => {
                command.args(["--bind", "127.0.0.1", "--port", &port.to_string()]);
            }
            Listen::Tls { port, certs } => {
                command
                    .args(["--bind", "127.0.0.1", "--port", "0"])
                    .args(["--tls-port", &port.to_string(), "--tls-auth-clients", "no"])
                    .arg("--tls-cert-file")
                    .arg(certs.join("server.pem"))
                    .arg("--tls-key-file")
                    .arg(certs.join("server.key"))
                    .arg("--tls-ca-cert-file")
                    .arg(certs.join("ca.pem"));
            }
        }
        if !self.extra.iter().any(|arg| arg == "--appendonly") {
            command.args(["--appendonly", "no"]);
        }
        command.args(&self.extra);
        command.stdout(Stdio::null()).stderr(Stdio::null());
        self.child = Some(command.spawn().expect("redis-server starts"));
        self.wait_until_ready();
    }

    /// Waits until the log says it is ready (a start-up wait, not an assertion).
    pub fn wait_until_ready(&mut self) {
        let begun = Instant::now();
        loop {
            let log = fs::read_to_string(self.log()).unwrap_or_default();
            // "Ready to accept connections tcp", "… now ready to accept connections at <socket>".
            if log
                .to_ascii_lowercase()
                .contains("ready to accept connections")
            {
                return;
            }
            if let Some(status) = self
                .child
                .as_mut()
                .and_then(|c| c.try_wait().ok())
                .flatten()
            {
                panic!("redis-server ended ({status}) before it was ready:\n{log}");
            }
            assert!(
                begun.elapsed() < Duration::from_secs(30),
                "redis-server not ready after 30 s:\n{log}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn signal(&mut self, signal: libc::c_int) {
        if let Some(mut child) = self.child.take() {
            // SAFETY: the pid is our own child's, not yet waited for.
            unsafe { libc::kill(child.id() as libc::pid_t, signal) };
            let _ = child.wait();
        }
    }

    /// Stops it as an administrator would (SIGTERM: an AOF is flushed).
    pub fn stop(&mut self) {
        self.signal(libc::SIGTERM);
    }

    /// Kills it as a crash would (SIGKILL).
    pub fn crash(&mut self) {
        self.signal(libc::SIGKILL);
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        self.signal(libc::SIGKILL);
    }
}

/// A command sent to the test's Redis over its socket, its reply as text.
pub fn raw_command(redis: &RedisServer, args: &[&str]) -> String {
    let mut stream = std::os::unix::net::UnixStream::connect(redis.socket()).unwrap();
    let mut out = format!("*{}\r\n", args.len());
    for arg in args {
        out.push_str(&format!("${}\r\n{arg}\r\n", arg.len()));
    }
    stream.write_all(out.as_bytes()).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut reply = vec![0; 64 * 1024];
    let n = stream.read(&mut reply).unwrap();
    String::from_utf8_lossy(&reply[..n]).into_owned()
}

/// A state folder of the test's own under `.run/`, private to this user (as the extension
/// requires), removed when dropped.
pub fn private_dir() -> tempfile::TempDir {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::Builder::new()
        .prefix("state-")
        .tempdir_in(run_dir())
        .unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700)).unwrap();
    dir
}
