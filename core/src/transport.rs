//! One keep-alive HTTP client per process, made on first use.
//!
//! php-fpm loads the extension in its master and then forks the workers, and PHP scripts may fork
//! with `pcntl_fork`. A client made before a fork is unusable in the child: reqwest's blocking
//! client drives its connections from a thread that does not exist there, and pooled connections
//! would be shared with the parent. So nothing is made at start-up, and a client is only ever used
//! by the process that made it. A child that finds its parent's client leaks it on purpose:
//! dropping it would wait for the thread that is not there.

use std::mem;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use reqwest::blocking::Client;
use reqwest::redirect;

use crate::error::{Error, Result};
use crate::tls;
use crate::watched::lock;

/// The settings a client is built from; a change of any of them builds a new one.
#[derive(Clone, Debug, PartialEq, Eq)]
struct ClientKey {
    ca_file: Option<PathBuf>,
    connect_timeout: Duration,
}

struct ProcessClient {
    pid: u32,
    key: ClientKey,
    client: Client,
}

static CLIENT: Mutex<Option<ProcessClient>> = Mutex::new(None);

/// The client of this process for these settings, made if there is none yet.
pub fn client(ca_file: Option<&Path>, connect_timeout: Duration) -> Result<Client> {
    let pid = std::process::id();
    let key = ClientKey {
        ca_file: ca_file.map(Path::to_path_buf),
        connect_timeout,
    };
    let mut slot = lock(&CLIENT);
    if let Some(current) = slot.as_ref() {
        if current.pid == pid && current.key == key {
            return Ok(current.client.clone());
        }
    }
    let client = build(ca_file, connect_timeout)?;
    let previous = slot.replace(ProcessClient {
        pid,
        key,
        client: client.clone(),
    });
    if let Some(previous) = previous {
        if previous.pid != pid {
            mem::forget(previous);
        }
    }
    Ok(client)
}

static BUILT: AtomicU64 = AtomicU64::new(0);

/// How many clients this process has built so far: one per process and settings is the rule.
pub fn clients_built() -> u64 {
    BUILT.load(Ordering::Relaxed)
}

fn build(ca_file: Option<&Path>, connect_timeout: Duration) -> Result<Client> {
    let tls = tls::client_config(ca_file)?;
    let client = Client::builder()
        .use_preconfigured_tls(tls)
        .connect_timeout(connect_timeout)
        // A redirect could carry the Authorization header to another host.
        .redirect(redirect::Policy::none())
        .pool_max_idle_per_host(4)
        .pool_idle_timeout(Duration::from_secs(50))
        .tcp_nodelay(true)
        .user_agent(concat!("click2dial/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|err| Error::configuration(format!("the HTTP client cannot be set up ({err})")))?;
    BUILT.fetch_add(1, Ordering::Relaxed);
    Ok(client)
}
