//! sipxconfig-emulator: a stand-in for the click-to-call REST endpoint of sipXecs'
//! configuration server (`PUT /sipxconfig/rest/call/{to}`), for click2dial's tests and
//! benchmarks. See README.md for what it reproduces.

mod activecdrs;
mod auth;
mod calls;
mod certs;
mod cli;
mod clock;
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

use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;

use crate::auth::digest::NonceKey;
use crate::calls::CallLog;
use crate::config::Config;
use crate::fault::FaultControl;
use crate::lives::CallLives;
use crate::server::Listener;
use crate::state::{Emulator, HumanLog};

fn main() -> ExitCode {
    let args = match cli::parse(std::env::args_os().skip(1)) {
        Ok(cli::Parsed::Run(args)) => args,
        Ok(cli::Parsed::Help) => {
            println!("{}", cli::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(why) => {
            eprintln!("sipxconfig-emulator: {why}\n\n{}", cli::USAGE);
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("sipxconfig-emulator: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(run(args));
    // Blackholed connections would otherwise keep the runtime waiting.
    runtime.shutdown_background();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(why) => {
            eprintln!("sipxconfig-emulator: {why}");
            ExitCode::FAILURE
        }
    }
}

/// Starts the emulator from the command line's arguments and serves until a signal.
async fn run(args: cli::Args) -> Result<(), String> {
    let config = Config::load(&args.config)?;
    let state_dir = args.state_dir.as_path();
    prepare_state_dir(state_dir)?;
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
    write_ready(state_dir, &addresses)?;
    greet(&emulator.config, state_dir, &addresses);

    let signal = wait_for_signal().await;
    let _ = std::fs::remove_file(state_dir.join("ready"));
    println!("sipxconfig-emulator stopped ({signal})");
    Ok(())
}

/// Creates the state folder and removes what an earlier run left: a `ready` from then must not
/// fool a test into talking to nobody.
fn prepare_state_dir(state_dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(state_dir)
        .map_err(|e| format!("cannot create state directory {}: {e}", state_dir.display()))?;
    remove_if_present(&state_dir.join("ready"))?;
    remove_if_present(&state_dir.join("listen.json"))
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

/// Writes `listen.json`, then `ready` (with the process id), which tests wait for.
fn write_ready(state_dir: &Path, addresses: &Addresses) -> Result<(), String> {
    let listen = serde_json::json!({
        "https": addresses.https.to_string(),
        "http": addresses.http.map(|a| a.to_string()),
        "control": addresses.control.to_string(),
    });
    write_file(&state_dir.join("listen.json"), &format!("{listen}\n"))?;
    write_file(
        &state_dir.join("ready"),
        &format!("{}\n", std::process::id()),
    )
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

async fn wait_for_signal() -> &'static str {
    use tokio::signal::unix::{signal, SignalKind};
    let (Ok(mut term), Ok(mut int)) = (
        signal(SignalKind::terminate()),
        signal(SignalKind::interrupt()),
    ) else {
        // Without signal handlers, Ctrl-C and kill still end the process the default way.
        return std::future::pending().await;
    };
    tokio::select! {
        _ = term.recv() => "SIGTERM",
        _ = int.recv() => "SIGINT",
    }
}

fn write_file(path: &Path, contents: &str) -> Result<(), String> {
    std::fs::write(path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn remove_if_present(path: &Path) -> Result<(), String> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(format!("cannot remove {}: {e}", path.display()))
        }
        _ => Ok(()),
    }
}
