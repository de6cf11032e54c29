//! The command line.

use std::ffi::OsString;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;

pub const USAGE: &str = "\
usage: sipxconfig-emulator --config FILE --state-dir DIR [--https ADDR] [--http ADDR] [--control ADDR] [--quiet]

  --config FILE     TOML file with realm, domain, hostnames and [[user]] entries
  --state-dir DIR   where ca.pem, other-ca.pem, server.pem, calls.jsonl, listen.json and ready go
  --https ADDR      HTTPS listener of the emulated sipXconfig (default 127.0.0.1:18443)
  --http ADDR       also a plain-HTTP listener with the same behaviour (default: none)
  --control ADDR    plain-HTTP test control API (default 127.0.0.1:18444)
  --quiet           no line per request on stdout (for benchmarks)

Addresses must be loopback; port 0 picks a free port (see listen.json).";

#[derive(Debug)]
pub struct Args {
    pub config: PathBuf,
    pub state_dir: PathBuf,
    pub https: SocketAddr,
    pub http: Option<SocketAddr>,
    pub control: SocketAddr,
    pub quiet: bool,
}

pub enum Parsed {
    Run(Args),
    Help,
}

pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Parsed, String> {
    let mut config = None;
    let mut state_dir = None;
    let mut https = SocketAddr::from((Ipv4Addr::LOCALHOST, 18443));
    let mut http = None;
    let mut control = SocketAddr::from((Ipv4Addr::LOCALHOST, 18444));
    let mut quiet = false;

    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let arg = arg
            .into_string()
            .map_err(|a| format!("argument {a:?} is not UTF-8"))?;
        let (flag, inline_value) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_string(), Some(value.to_string()))
            }
            _ => (arg.clone(), None),
        };
        let mut value = || -> Result<String, String> {
            match inline_value.clone() {
                Some(value) => Ok(value),
                None => args
                    .next()
                    .and_then(|v| v.into_string().ok())
                    .ok_or_else(|| format!("{flag} needs a value")),
            }
        };
        match flag.as_str() {
            "--config" => config = Some(PathBuf::from(value()?)),
            "--state-dir" => state_dir = Some(PathBuf::from(value()?)),
            "--https" => https = loopback_address(&value()?)?,
            "--http" => http = Some(loopback_address(&value()?)?),
            "--control" => control = loopback_address(&value()?)?,
            "--quiet" => quiet = true,
            "-h" | "--help" => return Ok(Parsed::Help),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(Parsed::Run(Args {
        config: config.ok_or("--config FILE is required")?,
        state_dir: state_dir.ok_or("--state-dir DIR is required")?,
        https,
        http,
        control,
        quiet,
    }))
}

/// `127.0.0.1:18443`, `[::1]:18443` or `localhost:18443`; nothing that leaves the machine.
fn loopback_address(text: &str) -> Result<SocketAddr, String> {
    let address = match text.strip_prefix("localhost:") {
        Some(port) => port
            .parse::<u16>()
            .map(|port| SocketAddr::from((Ipv4Addr::LOCALHOST, port)))
            .map_err(|_| format!("bad port in {text:?}"))?,
        None => text
            .parse::<SocketAddr>()
            .map_err(|_| format!("{text:?} is not an IP:PORT address"))?,
    };
    if !address.ip().is_loopback() {
        return Err(format!(
            "{text:?} is not a loopback address; the emulator only listens on loopback"
        ));
    }
    Ok(address)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<Args, String> {
        match parse(args.iter().map(OsString::from))? {
            Parsed::Run(args) => Ok(args),
            Parsed::Help => Err("help".into()),
        }
    }

    #[test]
    fn defaults_and_overrides() {
        let args = run(&["--config", "c.toml", "--state-dir=s"]).unwrap();
        assert_eq!(args.https.to_string(), "127.0.0.1:18443");
        assert_eq!(args.control.to_string(), "127.0.0.1:18444");
        assert!(args.http.is_none());
        let args = run(&[
            "--config",
            "c",
            "--state-dir",
            "s",
            "--http",
            "localhost:0",
            "--https",
            "[::1]:9",
        ])
        .unwrap();
        assert_eq!(args.http.unwrap().to_string(), "127.0.0.1:0");
        assert_eq!(args.https.to_string(), "[::1]:9");
    }

    #[test]
    fn refusals() {
        assert!(run(&["--state-dir", "s"]).is_err());
        assert!(run(&["--config", "c", "--state-dir", "s", "--https", "0.0.0.0:1"]).is_err());
        assert!(run(&["--config", "c", "--state-dir", "s", "--bogus"]).is_err());
        assert!(run(&["--config"]).is_err());
    }
}
