//! State shared by several web servers, on Redis (`click2dial.shared_state`).
//!
//! A site with several web servers behind a load balancer cannot keep the call limits in each
//! server's state folder: a user who lands on four servers would get four budgets. Redis is the
//! store such sites already run and look after. Only the storing moves there; what is decided
//! stays in Rust (`ratelimit::decide`), so there is one implementation of the rules.
//!
//! # Why a small RESP client of its own, not the `redis` crate
//! The limits send four commands (`AUTH`, `SELECT`, `GET` with `TIME`, `EVALSHA`/`EVAL`), and
//! need of a client exactly what the rest of the extension already does: rustls with ring
//! verified against the administrator's CA (the `redis` crate builds its own rustls
//! configuration from PEM bytes and brings a second TLS set-up, with its own provider choice),
//! every wait bounded by `click2dial.connect_timeout_ms`, every reply bounded in size, no panic
//! path, and a connection that is never used across a fork. The crate's synchronous API brings
//! a parser combinator library, URL forms, connection managers and cluster code the extension
//! would not use, and takes longer to build than this module is long. RESP2 is small and stable
//! ([`resp`]); the client is a few hundred lines, tested against a real `redis-server`
//! (`core/tests/shared_limits_redis.rs`).
//!
//! # One connection per process
//! Made on first use (nothing at module start-up), kept for the next requests of the process,
//! and used by one request at a time. php-fpm forks its workers from the master and scripts may
//! `pcntl_fork`: a connection inherited through a fork is shared with the parent (both would
//! read each other's replies), so the process id is kept with it and a child makes its own. A
//! kept connection the server has closed meanwhile (a Redis restart, its idle time-out) is
//! noticed before it is written into and made again; one that fails during a request is
//! dropped, and the request refused.
//!
//! # Failing closed
//! When Redis cannot be reached, refuses, or answers what Redis does not answer, nothing is
//! sent to the PBX: a [`crate::ErrorKind::Configuration`] error names the setting, never the
//! password. Running on without the limits would switch the protection off exactly when
//! something is wrong.

mod connection;
mod resp;
mod target;

pub use connection::Connection;
pub use resp::{Failure, Reply, MAX_BULK_BYTES};
pub use target::{Endpoint, Target, DEFAULT_PORT};

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use crate::error::Result;
use crate::settings::Settings;
use crate::watched::lock;

/// The settings a connection is made from; a change of any of them makes a new one.
#[derive(Clone, Debug, PartialEq, Eq)]
struct ConnectionKey {
    url: String,
    ca_file: Option<PathBuf>,
    shared_state_ca_file: Option<PathBuf>,
    password_file: Option<PathBuf>,
    connect_timeout: Duration,
}

impl ConnectionKey {
    fn of(settings: &Settings, url: &str) -> ConnectionKey {
        ConnectionKey {
            url: url.to_owned(),
            ca_file: settings.ca_file.clone(),
            shared_state_ca_file: settings.shared_state_ca_file.clone(),
            password_file: settings.shared_state_password_file.clone(),
            connect_timeout: settings.connect_timeout,
        }
    }
}

struct ProcessConnection {
    pid: u32,
    key: ConnectionKey,
    connection: Connection,
}

static CONNECTION: Mutex<Option<ProcessConnection>> = Mutex::new(None);

static MADE: AtomicU64 = AtomicU64::new(0);

/// How many connections this process has made so far (one per process and settings, plus one
/// after each time Redis closed or broke the kept one).
pub fn connections_made() -> u64 {
    MADE.load(Ordering::Relaxed)
}

/// The checked `click2dial.shared_state` of the settings; `None` when it is not set (the state
/// folder keeps the limits).
pub fn target(settings: &Settings) -> Result<Option<Target>> {
    match settings.shared_state.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(url) => Target::parse(url).map(Some),
    }
}

/// Runs `work` on this process's connection to `target`, made first if there is none (or only
/// one made before a fork, for other settings, or closed by the server). A connection whose
/// `work` failed on the way (`Failure`) is dropped, so the next request makes a new one; the
/// failure comes back as a configuration error naming the setting.
pub fn with_connection<T>(
    settings: &Settings,
    target: &Target,
    work: impl FnOnce(&mut Connection) -> std::result::Result<T, Failure>,
) -> Result<T> {
    let pid = std::process::id();
    let url = settings.shared_state.as_deref().unwrap_or_default().trim();
    let key = ConnectionKey::of(settings, url);
    let mut slot = lock(&CONNECTION);
    let usable = slot
        .as_mut()
        .is_some_and(|kept| kept.pid == pid && kept.key == key && !kept.connection.is_closed());
    if !usable {
        // A connection inherited through a fork is only closed here: the parent keeps its own
        // copy of the socket, and nothing is written into this one.
        *slot = None;
        let connection = Connection::open(settings, target)?;
        MADE.fetch_add(1, Ordering::Relaxed);
        *slot = Some(ProcessConnection {
            pid,
            key,
            connection,
        });
    }
    let Some(kept) = slot.as_mut() else {
        return Err(connection::answered(target, "no connection was kept"));
    };
    match work(&mut kept.connection) {
        Ok(answer) => Ok(answer),
        Err(failure) => {
            *slot = None;
            Err(connection::failed(target, failure))
        }
    }
}

/// A connection of one's own, apart from the process's kept one, for a process that must not
/// touch that one: the follower, forked from a PHP process whose kept connection (and the lock
/// around it, which another thread may have held at the fork) is the parent's.
#[derive(Default)]
pub struct OwnConnection {
    connection: Option<Connection>,
}

impl OwnConnection {
    /// As [`with_connection`], on this connection: made on first use, dropped when `work`
    /// failed on the way.
    pub fn run<T>(
        &mut self,
        settings: &Settings,
        target: &Target,
        work: impl FnOnce(&mut Connection) -> std::result::Result<T, Failure>,
    ) -> Result<T> {
        if self.connection.as_mut().is_none_or(Connection::is_closed) {
            self.connection = Some(Connection::open(settings, target)?);
            MADE.fetch_add(1, Ordering::Relaxed);
        }
        let Some(connection) = self.connection.as_mut() else {
            return Err(connection::answered(target, "no connection was kept"));
        };
        work(connection).map_err(|failure| {
            self.connection = None;
            connection::failed(target, failure)
        })
    }
}

/// A reply that is not what Redis answers `command`, as the failure of the round trip.
pub fn wrong_reply(command: &str, reply: Option<Reply>) -> Failure {
    let what = match reply {
        Some(Reply::Error(text)) => format!("{command}: {text}"),
        Some(other) => format!("{command}: {other:?}"),
        None => format!("{command}: nothing"),
    };
    Failure::Protocol(what.chars().take(160).collect())
}
