//! One keep-alive HTTP client per process, made on first use, driven on the calling thread.
//!
//! php-fpm loads the extension in its master and then forks the workers, and PHP scripts may fork
//! with `pcntl_fork`. A client made before a fork is unusable in the child: its runtime's
//! bookkeeping names threads that do not exist there, and pooled connections would be shared with
//! the parent. So nothing is made at start-up, and a client is only ever used by the process that
//! made it. A child that finds its parent's client keeps it, unused, for its whole life: dropping
//! the runtime would wait for threads that are not there (and touch locks copied mid-use).
//!
//! Each call runs on a current-thread tokio runtime owned by the process, inside `block_on` on
//! the thread that called: reqwest's blocking client hands every request to a runtime thread and
//! waits for the answer, and on two shared cores that hand-off cost as much as the PHP binding
//! and the request together (docs/benchmarks.md). The runtime's only thread of its own is the
//! one that resolves host names off the caller, so that the connect time-out covers resolving.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::{redirect, Client};
use tokio::runtime::{self, Runtime};

use crate::error::{Error, Result};
use crate::tls;
use crate::watched::lock;

/// The settings a client is built from; a change of any of them builds a new one.
#[derive(Clone, Debug, PartialEq, Eq)]
struct ClientKey {
    ca_file: Option<PathBuf>,
    connect_timeout: Duration,
}

/// A client with the runtime that drives its connections.
#[derive(Debug)]
pub struct Transport {
    runtime: Runtime,
    client: Client,
}

impl Transport {
    /// The client, for building requests.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Runs `request` to completion on the calling thread. Connections kept from earlier calls
    /// are only looked after while a call runs, so first they are given a turn: one the server
    /// closed meanwhile (its idle time-out, a restart) must be dropped before the pool hands it
    /// to the request, which would otherwise be written into it and fail.
    pub fn block_on<F: Future>(&self, request: F) -> F::Output {
        self.runtime.block_on(async {
            tokio::task::yield_now().await;
            request.await
        })
    }
}

struct ProcessClient {
    pid: u32,
    key: ClientKey,
    transport: Arc<Transport>,
}

static CLIENT: Mutex<Option<ProcessClient>> = Mutex::new(None);

/// Clients inherited through a fork, never used and never dropped (see the module docs). Kept
/// here rather than forgotten, so that they stay memory the process holds, one per fork.
static INHERITED: Mutex<Vec<ProcessClient>> = Mutex::new(Vec::new());

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
    if let Some(previous) = previous {
        if previous.pid != pid {
            lock(&INHERITED).push(previous);
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
    let setup = |err: &dyn std::fmt::Display| {
        Error::configuration(format!("the HTTP client cannot be set up ({err})"))
    };
    let runtime = runtime::Builder::new_current_thread()
        .enable_all()
        .thread_name("click2dial-resolver")
        .build()
        .map_err(|err| setup(&err))?;
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
        .map_err(|err| setup(&err))?;
    BUILT.fetch_add(1, Ordering::Relaxed);
    Ok(Transport { runtime, client })
}
