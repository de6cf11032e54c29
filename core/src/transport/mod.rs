//! One keep-alive HTTP/1.1 client per process, made on first use, blocking on the calling thread.
//!
//! php-fpm loads the extension in its master and then forks the workers, and PHP scripts may fork
//! with `pcntl_fork`. A connection made before a fork is shared with the parent, so nothing is
//! made at start-up, and a client is only ever used by the process that made it: a child that
//! finds its parent's client builds its own, and closes its copies of the parent's sockets
//! without a word on them (no TLS close, which would end the parent's session too).
//!
//! A call is one request and one answer, so the client is a few hundred lines of blocking
//! `std::net` and rustls on the thread that called, not an async stack: reqwest on a tokio
//! runtime driven on the calling thread cost some 61,000 instructions a call (futures, its
//! redirect and retry layers, the runtime's wake-ups and an extra turn of the event loop before
//! each request), more than the rest of `makeCall` together (docs/benchmarks.md). What it does:
//!
//! * **Keep-alive.** After a complete answer that does not say `Connection: close`, the
//!   connection is kept (up to `MAX_KEPT`, idle at most `IDLE_FOR`). Before a kept
//!   connection is written into, it is looked at without waiting (`stream::Stream::is_closed`):
//!   one the server closed meanwhile (its idle time-out, a restart) is dropped and a new one made.
//! * **Time-outs.** The connect time-out covers resolving the name (on a thread of its own, see
//!   `connect`), the TCP connection and the TLS handshake; the request's time-out covers
//!   everything from the start to the last byte of the answer, each read waiting only what is
//!   left of it.
//! * **TLS** verified against `click2dial.ca_file` (`core/src/tls.rs`), HTTP/1.1 only.
//! * **No redirects**: a 3xx is an answer like any other, for the caller to refuse.
//! * **Bounded answers**: a head of at most `http1::MAX_HEAD_BYTES`, a body read up to the
//!   caller's limit; a longer body is left unread and its connection closed, not kept.
//! * **No `SIGPIPE`**: every write is a `send` with `MSG_NOSIGNAL` (`stream::NoSignal`), so a
//!   connection the server reset fails the call instead of ending the PHP process.

mod connect;
mod http1;
mod stream;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rustls::ClientConfig;

use crate::error::Result;
use crate::tls;
use crate::watched::lock;

pub use http1::{Answer, Request, WhileWaiting};
pub use stream::Failure;
use stream::Stream;

/// How many idle connections a process keeps per target: one per thread calling at once.
const MAX_KEPT: usize = 4;

/// How long an idle connection is kept; sipXconfig's Jetty closes them after about a minute.
const IDLE_FOR: Duration = Duration::from_secs(50);

/// Where requests go: a scheme, a host and a port.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// TLS (`https`) or not (`http`, only where `click2dial.allow_http` lets it).
    pub tls: bool,
    /// The host name or address, as the certificate must name it.
    pub host: String,
    /// The port.
    pub port: u16,
}

impl Target {
    /// The `Host` header's value: the host, and the port when it is not the scheme's own.
    fn host_header(&self) -> String {
        let default = if self.tls { 443 } else { 80 };
        let host = if self.host.contains(':') {
            format!("[{}]", self.host)
        } else {
            self.host.clone()
        };
        if self.port == default {
            host
        } else {
            format!("{host}:{}", self.port)
        }
    }
}

/// The settings a client is built from; a change of any of them builds a new one.
#[derive(Clone, Debug, PartialEq, Eq)]
struct ClientKey {
    ca_file: Option<PathBuf>,
    connect_timeout: Duration,
}

/// A kept connection, idle.
struct Kept {
    target: Target,
    stream: Stream,
    since: Instant,
}

/// The client: the TLS settings, the connect time-out and the idle connections.
pub struct Transport {
    tls: Arc<ClientConfig>,
    connect_timeout: Duration,
    idle: Mutex<Vec<Kept>>,
}

impl std::fmt::Debug for Transport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Transport")
            .field("connect_timeout", &self.connect_timeout)
            .finish_non_exhaustive()
    }
}

impl Transport {
    /// Sends `request` to `target` over a kept connection or a new one and reads the answer.
    pub fn exchange(
        &self,
        target: &Target,
        request: &Request<'_>,
    ) -> std::result::Result<Answer, Failure> {
        let started = Instant::now();
        let deadline = started + request.timeout;
        let mut stream = match self.kept(target) {
            Some(stream) => stream,
            None => {
                let connect_by = deadline.min(started + self.connect_timeout);
                connect::open(target, &self.tls, connect_by)?
            }
        };
        let head = http1::head(request, &target.host_header());
        let (answer, reusable) = http1::exchange(&mut stream, &head, request, deadline)?;
        if reusable {
            self.keep(target, stream);
        }
        Ok(answer)
    }

    /// A kept connection to `target` that is still open, if there is one.
    fn kept(&self, target: &Target) -> Option<Stream> {
        let mut idle = lock(&self.idle);
        let now = Instant::now();
        while let Some(at) = idle.iter().rposition(|kept| kept.target == *target) {
            let kept = idle.swap_remove(at);
            let mut stream = kept.stream;
            if now.saturating_duration_since(kept.since) < IDLE_FOR && !stream.is_closed() {
                return Some(stream);
            }
        }
        None
    }

    fn keep(&self, target: &Target, stream: Stream) {
        let mut idle = lock(&self.idle);
        let now = Instant::now();
        idle.retain(|kept| now.saturating_duration_since(kept.since) < IDLE_FOR);
        if idle.iter().filter(|kept| kept.target == *target).count() < MAX_KEPT {
            idle.push(Kept {
                target: target.clone(),
                stream,
                since: now,
            });
        }
    }
}

struct ProcessClient {
    pid: u32,
    key: ClientKey,
    transport: Arc<Transport>,
}

static CLIENT: Mutex<Option<ProcessClient>> = Mutex::new(None);

/// The client of this process for these settings, made if there is none yet.
pub fn client(ca_file: Option<&Path>, connect_timeout: Duration) -> Result<Arc<Transport>> {
    let pid = std::process::id();
    let key = ClientKey {
        ca_file: ca_file.map(Path::to_path_buf),
        connect_timeout,
    };
    let mut slot = lock(&CLIENT);
    if let Some(current) = slot.as_ref() {
        if current.pid == pid && current.key == key {
            return Ok(current.transport.clone());
        }
    }
    let transport = Arc::new(build(ca_file, connect_timeout)?);
    let previous = slot.replace(ProcessClient {
        pid,
        key,
        transport: transport.clone(),
    });
    drop(slot);
    if let Some(previous) = previous {
        if previous.pid != pid {
            // The parent's connections: dropping them closes this process's copies of the
            // sockets and sends nothing (no TLS close), so the parent's sessions go on.
            lock(&previous.transport.idle).clear();
        }
    }
    Ok(transport)
}

static BUILT: AtomicU64 = AtomicU64::new(0);

/// How many clients this process has built so far: one per process and settings is the rule.
pub fn clients_built() -> u64 {
    BUILT.load(Ordering::Relaxed)
}

fn build(ca_file: Option<&Path>, connect_timeout: Duration) -> Result<Transport> {
    let tls = tls::client_config(ca_file)?;
    BUILT.fetch_add(1, Ordering::Relaxed);
    Ok(Transport {
        tls: Arc::new(tls),
        connect_timeout,
        idle: Mutex::new(Vec::new()),
    })
}
