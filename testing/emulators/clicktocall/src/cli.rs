//! The command line.

use std::ffi::OsString;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;

use emulator_kit::cli::{loopback_address, Flags};

pub const USAGE: &str = "\
usage: clicktocall-emulator --config FILE --state-dir DIR [--http ADDR] [--xml ADDR] [--control ADDR] [--quiet]

  --config FILE     TOML file: hostname, http_auth, http_auth_pwd, time_scale, ring_ms,
                    [[translation]] and [[phone]] entries (see README.md)
  --state-dir DIR   where listen.json and ready go
  --http ADDR       the HTTP interface (default 127.0.0.1:5095, the real HttpPort default)
  --xml ADDR        the XML interface (default 127.0.0.1:5094, the real XmlRpcPort default)
  --control ADDR    plain-HTTP test control API (default 127.0.0.1:5096)
  --quiet           no line per event on stdout

Addresses must be loopback; port 0 picks a free port (see listen.json).";

#[derive(Debug)]
pub struct Args {
    pub config: PathBuf,
    pub state_dir: PathBuf,
    pub http: SocketAddr,
    pub xml: SocketAddr,
    pub control: SocketAddr,
    pub quiet: bool,
}

pub type Parsed = emulator_kit::cli::Parsed<Args>;

pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Parsed, String> {
    let mut config = None;
    let mut state_dir = None;
    let mut http = SocketAddr::from((Ipv4Addr::LOCALHOST, 5095));
    let mut xml = SocketAddr::from((Ipv4Addr::LOCALHOST, 5094));
    let mut control = SocketAddr::from((Ipv4Addr::LOCALHOST, 5096));
    let mut quiet = false;

    let mut flags = Flags::new(args);
    while let Some(flag) = flags.next_flag()? {
        match flag.name() {
            "--config" => config = Some(PathBuf::from(flags.value(&flag)?)),
            "--state-dir" => state_dir = Some(PathBuf::from(flags.value(&flag)?)),
            "--http" => http = loopback_address(&flags.value(&flag)?)?,
            "--xml" => xml = loopback_address(&flags.value(&flag)?)?,
            "--control" => control = loopback_address(&flags.value(&flag)?)?,
            "--quiet" => quiet = true,
            "-h" | "--help" => return Ok(Parsed::Help),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(Parsed::Run(Args {
        config: config.ok_or("--config FILE is required")?,
        state_dir: state_dir.ok_or("--state-dir DIR is required")?,
        http,
        xml,
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
    fn defaults_are_the_real_ports_on_loopback() {
        let args = run(&["--config", "c.toml", "--state-dir=s"]).unwrap();
        assert_eq!(args.http.to_string(), "127.0.0.1:5095");
        assert_eq!(args.xml.to_string(), "127.0.0.1:5094");
        let args = run(&["--config", "c", "--state-dir", "s", "--xml", "localhost:0"]).unwrap();
        assert_eq!(args.xml.to_string(), "127.0.0.1:0");
    }

    #[test]
    fn refusals() {
        assert!(run(&["--state-dir", "s"]).is_err());
        assert!(run(&["--config", "c", "--state-dir", "s", "--http", "0.0.0.0:1"]).is_err());
        assert!(run(&["--config", "c", "--state-dir", "s", "--bogus"]).is_err());
    }
}
