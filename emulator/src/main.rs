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

async fn run(args: cli::Args) -> Result<(), String> {
    let config = Config::load(&args.config)?;
    let state_dir = args.state_dir.as_path();
    std::fs::create_dir_all(state_dir)
        .map_err(|e| format!("cannot create state directory {}: {e}", state_dir.display()))?;
    // A `ready` left by an earlier run must not fool a test into talking to nobody.
    remove_if_present(&state_dir.join("ready"))?;
    remove_if_present(&state_dir.join("listen.json"))?;

    let https = bind("HTTPS", args.https).await?;
    let http = match args.http {
        Some(address) => Some(bind("plain HTTP", address).await?),
        None => None,
    };
    let control = bind("control", args.control).await?;
    // Files come after binding, so a second instance that cannot get its ports leaves the
    // first one's certificates and call record alone.
    let identity = certs::create(state_dir, &config.realm, &config.hostnames)?;
    let tls = TlsAcceptor::from(certs::tls_config(identity)?);
    let calls = CallLog::create(state_dir.join("calls.jsonl"))?;
    let local = |listener: &TcpListener| listener.local_addr().map_err(|e| e.to_string());
    let https_address = local(&https)?;
    let http_address = http.as_ref().map(local).transpose()?;
    let control_address = local(&control)?;

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
    tokio::spawn(server::serve(
        https,
        Listener::Pbx { tls: Some(tls) },
        emulator.clone(),
    ));
    if let Some(http) = http {
        tokio::spawn(server::serve(
            http,
            Listener::Pbx { tls: None },
            emulator.clone(),
        ));
    }
    tokio::spawn(server::serve(control, Listener::Control, emulator.clone()));

    let listen = serde_json::json!({
        "https": https_address.to_string(),
        "http": http_address.map(|a| a.to_string()),
        "control": control_address.to_string(),
    });
    write_file(&state_dir.join("listen.json"), &format!("{listen}\n"))?;
    write_file(
        &state_dir.join("ready"),
        &format!("{}\n", std::process::id()),
    )?;

    let host = &emulator.config.hostnames[0];
    println!(
        "emulating sipXconfig of {} (realm {:?}) with {} users; state in {}",
        emulator.config.domain,
        emulator.config.realm,
        emulator.config.users().len(),
        state_dir.display()
    );
    if let Some(address) = http_address {
        println!("plain-HTTP sipXconfig on http://{host}:{}", address.port());
    }
    println!(
        "sipxconfig-emulator ready: https://{host}:{} (control http://{control_address})",
        https_address.port()
    );

    let signal = wait_for_signal().await;
    let _ = std::fs::remove_file(state_dir.join("ready"));
    println!("sipxconfig-emulator stopped ({signal})");
    Ok(())
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
