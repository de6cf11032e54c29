//! sipxconfig-emulator: a stand-in for the click-to-call REST endpoint of sipXecs'
//! configuration server (`PUT /sipxconfig/rest/call/{to}`), for click2dial's tests and
//! benchmarks. See README.md for what it reproduces.

mod activecdrs;
mod auth;
mod calls;
mod certs;
mod cli;
mod config;
mod control;
mod dial;
mod fault;
mod lives;
mod pages;
mod pbx;
mod server;
mod state;

use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

use emulator_kit::log::HumanLog;
use emulator_kit::{process, state_dir};
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;

use crate::auth::digest::NonceKey;
use crate::calls::CallLog;
use crate::config::Config;
use crate::fault::FaultControl;
use crate::lives::CallLives;
use crate::server::Listener;
use crate::state::Emulator;

fn main() -> ExitCode {
    let parsed = cli::parse(std::env::args_os().skip(1));
    process::main("sipxconfig-emulator", cli::USAGE, parsed, run)
}

/// Starts the emulator from the command line's arguments and serves until a signal.
async fn run(args: cli::Args) -> Result<(), String> {
    let config = Config::load(&args.config)?;
    let state_dir = args.state_dir.as_path();
    state_dir::prepare(state_dir)?;
    let listeners = Listeners::bind(&args).await?;
    // Files come after binding, so a second instance that cannot get its ports leaves the
    // first one's certificates and call record alone.
    let tls = TlsAcceptor::from(certs::create(state_dir, &config.realm, &config.hostnames)?);
    let calls = CallLog::create(state_dir.join("calls.jsonl"))?;
    let addresses = listeners.addresses()?;
    let emulator = Arc::new(Emulator {
        nonces: NonceKey::new(config.nonce_validity_seconds),
        config,
        calls,
        faults: FaultControl::new(),
        lives: CallLives::new(),
        log: HumanLog { quiet: args.quiet },
        pbx_requests: AtomicU64::new(0),
        pbx_connections: AtomicU64::new(0),
    });
    listeners.serve(tls, &emulator);
    state_dir::announce(state_dir, &addresses.to_json())?;
    greet(&emulator.config, state_dir, &addresses);

    let signal = process::wait_for_signal().await;
    state_dir::withdraw(state_dir);
    println!("sipxconfig-emulator stopped ({signal})");
    Ok(())
}

/// The sockets of the emulated server (HTTPS, plain HTTP if asked for) and of the control API.
struct Listeners {
    https: TcpListener,
    http: Option<TcpListener>,
    control: TcpListener,
}

/// Where the [`Listeners`] listen, as a test reads it from `listen.json`.
struct Addresses {
    https: SocketAddr,
    http: Option<SocketAddr>,
    control: SocketAddr,
}

impl Listeners {
    async fn bind(args: &cli::Args) -> Result<Listeners, String> {
        let https = bind("HTTPS", args.https).await?;
        let http = match args.http {
            Some(address) => Some(bind("plain HTTP", address).await?),
            None => None,
        };
        let control = bind("control", args.control).await?;
        Ok(Listeners {
            https,
            http,
            control,
        })
    }

    fn addresses(&self) -> Result<Addresses, String> {
        let local = |listener: &TcpListener| listener.local_addr().map_err(|e| e.to_string());
        Ok(Addresses {
            https: local(&self.https)?,
            http: self.http.as_ref().map(local).transpose()?,
            control: local(&self.control)?,
        })
    }

    /// Serves each listener on its own task.
    fn serve(self, tls: TlsAcceptor, emulator: &Arc<Emulator>) {
        tokio::spawn(server::serve(
            self.https,
            Listener::Pbx { tls: Some(tls) },
            emulator.clone(),
        ));
        if let Some(http) = self.http {
            tokio::spawn(server::serve(
                http,
                Listener::Pbx { tls: None },
                emulator.clone(),
            ));
        }
        tokio::spawn(server::serve(
            self.control,
            Listener::Control,
            emulator.clone(),
        ));
    }
}

impl Addresses {
    /// `listen.json`: where a test finds each listener.
    fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "https": self.https.to_string(),
            "http": self.http.map(|a| a.to_string()),
            "control": self.control.to_string(),
        })
    }
}

/// Tells the person who started the emulator what it emulates and where.
fn greet(config: &Config, state_dir: &Path, addresses: &Addresses) {
    let host = &config.hostnames[0];
    println!(
        "emulating sipXconfig of {} (realm {:?}) with {} users; state in {}",
        config.domain,
        config.realm,
        config.users().len(),
        state_dir.display()
    );
    if let Some(address) = addresses.http {
        println!("plain-HTTP sipXconfig on http://{host}:{}", address.port());
    }
    println!(
        "sipxconfig-emulator ready: https://{host}:{} (control http://{})",
        addresses.https.port(),
        addresses.control
    );
}

async fn bind(what: &str, address: SocketAddr) -> Result<TcpListener, String> {
    TcpListener::bind(address)
        .await
        .map_err(|e| format!("cannot listen for {what} on {address}: {e}"))
}
