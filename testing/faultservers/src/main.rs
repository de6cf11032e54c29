//! Tiny misbehaving HTTPS servers for the phpt fault matrix (testing/php/extension/fault-matrix.phpt).
//!
//! The emulator's fault switch covers a silent, slow, failing or closing server. The other
//! faults of the matrix (docs/reliability.md) need servers that misbehave in ways a well-made HTTP server cannot: headers
//! dribbled out, a reset in the middle of an answer, a 4 MiB body, a redirect to a host that
//! records visitors, bad certificates, TLS 1.0 only, a port nobody listens on. They are one
//! listener here whose mode the test switches, so that one PHP process (one worker) can meet
//! every fault in turn with the same `click2dial.server`, and then call again: in mode `none`
//! the connection is passed on to the emulator, which places and records the call.
//!
//!     c2d-faultservers --dir DIR --upstream 127.0.0.1:PORT [--name HOST]...
//!
//! `--upstream` is the emulator's plain-HTTP listener; `--name` adds host names to the good
//! certificate (besides localhost). Every port is picked by the system; the first line on
//! stdout is `{"port":…,"control":…,"trap":…}`. Control (HTTP on loopback): `PUT /mode/NAME`
//! (see modes.rs; closes every open connection), `GET /stats`. The servers stop when stdin
//! closes, so they never outlive the test that started them.

mod certs;
mod control;
mod modes;

use std::net::{Ipv4Addr, SocketAddr, TcpListener as StdListener};
use std::path::PathBuf;
use std::process::{ExitCode, Stdio};
use std::sync::Arc;
use std::time::Duration;

use tokio::io::AsyncReadExt;
use tokio::net::{TcpListener, TcpStream};
use tokio::process::{Child, Command};

use crate::control::State;
use crate::modes::Backends;

struct Args {
    dir: PathBuf,
    upstream: SocketAddr,
    names: Vec<String>,
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("c2d-faultservers: {message}");
            eprintln!(
                "usage: c2d-faultservers --dir DIR --upstream 127.0.0.1:PORT [--name HOST]..."
            );
            return ExitCode::from(2);
        }
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    match runtime.block_on(run(args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("c2d-faultservers: {message}");
            ExitCode::FAILURE
        }
    }
}

fn parse_args() -> Result<Args, String> {
    let mut dir = None;
    let mut upstream = None;
    let mut names = vec!["localhost".to_owned()];
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--dir" => dir = Some(PathBuf::from(value()?)),
            "--upstream" => {
                let text = value()?;
                upstream = Some(text.parse().map_err(|_| format!("bad address {text}"))?);
            }
            "--name" => names.push(value()?),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(Args {
        dir: dir.ok_or("--dir is required")?,
        upstream: upstream.ok_or("--upstream is required")?,
        names,
    })
}

async fn run(args: Args) -> Result<(), String> {
    let identities = certs::create(&args.dir, &args.names)?;
    let (tls10, _openssl) = start_tls10_server(&args.dir).await?;
    let trap = TcpListener::bind(loopback(0))
        .await
        .map_err(|e| e.to_string())?;
    let front = TcpListener::bind(loopback(0))
        .await
        .map_err(|e| e.to_string())?;
    let control = TcpListener::bind(loopback(0))
        .await
        .map_err(|e| e.to_string())?;
    let port = |l: &TcpListener| l.local_addr().map(|a| a.port()).unwrap_or(0);
    println!(
        "{{\"port\":{},\"control\":{},\"trap\":{}}}",
        port(&front),
        port(&control),
        port(&trap)
    );

    let backends = Arc::new(Backends {
        identities,
        upstream: args.upstream,
        tls10,
        trap: trap.local_addr().map_err(|e| e.to_string())?,
    });
    let state = State::new(front, backends);
    tokio::spawn(control::count_visitors(trap, state.clone()));
    tokio::spawn(control::serve(control, state));

    // Until the test that started us ends (or closes our stdin).
    let mut stdin = tokio::io::stdin();
    let mut sink = [0u8; 256];
    while matches!(stdin.read(&mut sink).await, Ok(n) if n > 0) {}
    Ok(())
}

pub fn loopback(port: u16) -> SocketAddr {
    SocketAddr::from((Ipv4Addr::LOCALHOST, port))
}

/// `openssl s_server` limited to TLS 1.0, with the ciphers OpenSSL 3 only allows at security
/// level 0 (rustls cannot speak TLS 1.0 at all). Killed when the returned child is dropped.
async fn start_tls10_server(dir: &std::path::Path) -> Result<(SocketAddr, Child), String> {
    let port = StdListener::bind(loopback(0))
        .and_then(|l| l.local_addr())
        .map_err(|e| e.to_string())?
        .port();
    let child = Command::new("openssl")
        .args([
            "s_server",
            "-quiet",
            "-www",
            "-tls1",
            "-cipher",
            "DEFAULT:@SECLEVEL=0",
        ])
        .arg("-accept")
        .arg(format!("127.0.0.1:{port}"))
        .arg("-cert")
        .arg(dir.join("good.pem"))
        .arg("-key")
        .arg(dir.join("good.key"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .map_err(|e| format!("cannot start openssl s_server (is openssl installed?): {e}"))?;
    for _ in 0..200 {
        if TcpStream::connect(loopback(port)).await.is_ok() {
            return Ok((loopback(port), child));
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    Err("openssl s_server -tls1 did not start listening".to_owned())
}
