//! clicktocall-emulator: a stand-in for reSIProcate's clicktocall server, its HTTP interface
//! and its XML interface over TCP, written from `shared/reference/resiprocate-clicktocall.md`
//! (the real server, observed). No SIP: the config says how the phones behind it behave.
//! See README.md for what it reproduces and where it is knowingly simpler.

mod call;
mod calls;
mod cli;
mod config;
mod control;
mod fault;
mod http;
mod page;
mod phones;
mod plan;
mod state;
mod translate;
mod uri;
mod xml;

use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use tokio::net::TcpListener;

use crate::calls::CallLog;
use crate::config::Config;
use crate::fault::FaultControl;
use crate::state::{Emulator, HumanLog, Stats};
use crate::xml::connections::Connections;

fn main() -> ExitCode {
    let args = match cli::parse(std::env::args_os().skip(1)) {
        Ok(cli::Parsed::Run(args)) => args,
        Ok(cli::Parsed::Help) => {
            println!("{}", cli::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(why) => {
            eprintln!("clicktocall-emulator: {why}\n\n{}", cli::USAGE);
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("clicktocall-emulator: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(run(args));
    // Connections left open on purpose (poisoned, never answered) would keep it waiting.
    runtime.shutdown_background();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(why) => {
            eprintln!("clicktocall-emulator: {why}");
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

    let http = bind("HTTP", args.http).await?;
    let xml = bind("XML", args.xml).await?;
    let control = bind("control", args.control).await?;
    let local = |listener: &TcpListener| listener.local_addr().map_err(|e| e.to_string());
    let (http_address, xml_address, control_address) =
        (local(&http)?, local(&xml)?, local(&control)?);

    let emulator = Arc::new(Emulator {
        xml_connections: Connections::new(config.xml_connection_limit),
        config,
        calls: CallLog::new(),
        faults: FaultControl::new(),
        stats: Stats::default(),
        log: HumanLog { quiet: args.quiet },
    });
    tokio::spawn(http::serve(http, emulator.clone()));
    tokio::spawn(xml::serve(xml, emulator.clone()));
    tokio::spawn(control::serve(control, emulator.clone()));

    let listen = serde_json::json!({
        "http": http_address.to_string(),
        "xml": xml_address.to_string(),
        "control": control_address.to_string(),
    });
    write_file(&state_dir.join("listen.json"), &format!("{listen}\n"))?;
    write_file(
        &state_dir.join("ready"),
        &format!("{}\n", std::process::id()),
    )?;
    let config = &emulator.config;
    println!(
        "emulating reSIProcate clicktocall on host {:?}: HttpAuth {}, time scale {}; state in {}",
        config.hostname,
        if config.http_auth {
            "on (Basic)"
        } else {
            "off"
        },
        config.time_scale,
        state_dir.display()
    );
    println!(
        "clicktocall-emulator ready: http://{http_address} xml {xml_address} (control http://{control_address})"
    );

    let signal = wait_for_signal().await;
    let _ = std::fs::remove_file(state_dir.join("ready"));
    println!("clicktocall-emulator stopped ({signal})");
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
