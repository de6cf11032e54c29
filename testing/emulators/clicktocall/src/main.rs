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
use std::process::ExitCode;
use std::sync::Arc;

use emulator_kit::log::HumanLog;
use emulator_kit::{process, state_dir};
use tokio::net::TcpListener;

use crate::calls::CallLog;
use crate::config::Config;
use crate::fault::FaultControl;
use crate::state::{Emulator, Stats};
use crate::xml::connections::Connections;

fn main() -> ExitCode {
    let parsed = cli::parse(std::env::args_os().skip(1));
    process::main("clicktocall-emulator", cli::USAGE, parsed, run)
}

async fn run(args: cli::Args) -> Result<(), String> {
    let config = Config::load(&args.config)?;
    let state_dir = args.state_dir.as_path();
    state_dir::prepare(state_dir)?;

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
        faults: FaultControl::default(),
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
    state_dir::announce(state_dir, &listen)?;
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

    let signal = process::wait_for_signal().await;
    state_dir::withdraw(state_dir);
    println!("clicktocall-emulator stopped ({signal})");
    Ok(())
}

async fn bind(what: &str, address: SocketAddr) -> Result<TcpListener, String> {
    TcpListener::bind(address)
        .await
        .map_err(|e| format!("cannot listen for {what} on {address}: {e}"))
}
