//! The command line both emulators take: `--flag VALUE` or `--flag=VALUE`, and addresses that
//! must stay on this machine.

use std::ffi::OsString;
use std::net::{Ipv4Addr, SocketAddr};

/// What the command line asked for: a run with its arguments, or the usage text.
pub enum Parsed<A> {
    /// Run with these arguments.
    Run(A),
    /// `-h` or `--help`.
    Help,
}

/// One flag of the command line, with the value written after `=` if there was one.
pub struct Flag {
    name: String,
    inline_value: Option<String>,
}

impl Flag {
    /// The flag as written before any `=`, e.g. `--config`.
    pub fn name(&self) -> &str {
        &self.name
    }
}

/// The arguments, read one flag at a time.
pub struct Flags<I> {
    args: I,
}

impl<I: Iterator<Item = OsString>> Flags<I> {
    /// Reads `args` (without the program name).
    pub fn new(args: impl IntoIterator<Item = OsString, IntoIter = I>) -> Flags<I> {
        Flags {
            args: args.into_iter(),
        }
    }

    /// The next flag; `None` at the end.
    pub fn next_flag(&mut self) -> Result<Option<Flag>, String> {
        let Some(arg) = self.args.next() else {
            return Ok(None);
        };
        let arg = arg
            .into_string()
            .map_err(|a| format!("argument {a:?} is not UTF-8"))?;
        Ok(Some(match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => Flag {
                name: name.to_string(),
                inline_value: Some(value.to_string()),
            },
            _ => Flag {
                name: arg,
                inline_value: None,
            },
        }))
    }

    /// The value of `flag`: what followed its `=`, or else the next argument.
    pub fn value(&mut self, flag: &Flag) -> Result<String, String> {
        match &flag.inline_value {
            Some(value) => Ok(value.clone()),
            None => self
                .args
                .next()
                .and_then(|v| v.into_string().ok())
                .ok_or_else(|| format!("{} needs a value", flag.name)),
        }
    }
}

/// `127.0.0.1:P`, `[::1]:P` or `localhost:P`; nothing that leaves the machine. (The real servers
/// bind every address; test apparatus with an unauthenticated call-placing port stays on
/// loopback.)
pub fn loopback_address(text: &str) -> Result<SocketAddr, String> {
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

    fn flags(args: &[&str]) -> Vec<(String, Option<String>)> {
        let mut flags = Flags::new(args.iter().map(OsString::from).collect::<Vec<_>>());
        let mut seen = Vec::new();
        while let Some(flag) = flags.next_flag().unwrap() {
            let value = match flag.name() {
                "--quiet" => None,
                _ => flags.value(&flag).ok(),
            };
            seen.push((flag.name().to_owned(), value));
        }
        seen
    }

    #[test]
    fn values_follow_the_flag_or_its_equals_sign() {
        assert_eq!(
            flags(&["--config", "c.toml", "--state-dir=s", "--quiet", "--x=a=b"]),
            [
                ("--config".to_owned(), Some("c.toml".to_owned())),
                ("--state-dir".to_owned(), Some("s".to_owned())),
                ("--quiet".to_owned(), None),
                ("--x".to_owned(), Some("a=b".to_owned())),
            ]
        );
        assert_eq!(flags(&["--config"]), [("--config".to_owned(), None)]);
    }

    #[test]
    fn only_loopback_addresses() {
        assert_eq!(
            loopback_address("localhost:0").unwrap().to_string(),
            "127.0.0.1:0"
        );
        assert_eq!(loopback_address("[::1]:9").unwrap().to_string(), "[::1]:9");
        assert!(loopback_address("0.0.0.0:1").is_err());
        assert!(loopback_address("localhost:x").is_err());
        assert!(loopback_address("example.com:80").is_err());
    }
}
