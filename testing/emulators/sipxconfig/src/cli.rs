//! The command line.

use std::ffi::OsString;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;

use emulator_kit::cli::{loopback_address, Flags};

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

pub type Parsed = emulator_kit::cli::Parsed<Args>;

pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Parsed, String> {
    let mut config = None;
    let mut state_dir = None;
    let mut https = SocketAddr::from((Ipv4Addr::LOCALHOST, 18443));
    let mut http = None;
    let mut control = SocketAddr::from((Ipv4Addr::LOCALHOST, 18444));
    let mut quiet = false;

    let mut flags = Flags::new(args);
    while let Some(flag) = flags.next_flag()? {
        match flag.name() {
            "--config" => config = Some(PathBuf::from(flags.value(&flag)?)),
            "--state-dir" => state_dir = Some(PathBuf::from(flags.value(&flag)?)),
            "--https" => https = loopback_address(&flags.value(&flag)?)?,
            "--http" => http = Some(loopback_address(&flags.value(&flag)?)?),
            "--control" => control = loopback_address(&flags.value(&flag)?)?,
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
