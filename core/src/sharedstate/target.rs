//! `click2dial.shared_state`, checked: where Redis listens and which database holds the limits.
//!
//! A password never belongs in the URL (it would show in phpinfo(), in `ini_get()` and in every
//! message that names the setting): it comes from `click2dial.shared_state_password_file`. A URL
//! with user information is refused without repeating it, as `click2dial.server` is.

use std::path::PathBuf;

use reqwest::Url;

use crate::error::{quoted, Error, Result};
use crate::settings::without_userinfo;

/// Redis' port when the URL names none.
pub const DEFAULT_PORT: u16 = 6379;

/// The most databases a Redis may be configured with that this accepts in a URL; Redis'
/// default is 16, and a higher number is a typing mistake far more often than a setting.
const MAX_DB: u32 = 1_000_000;

const EXAMPLE: &str = "e.g. redis://127.0.0.1:6379/0, rediss://redis.example.com:6380/0 or \
                       unix:///run/redis/redis-server.sock";

/// Where Redis listens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Endpoint {
    /// A TCP port, in TLS when `tls` (`rediss://`).
    Tcp {
        /// The host name or address, as the certificate must name it.
        host: String,
        /// The port.
        port: u16,
        /// Whether the connection is TLS, verified against the administrator's CA.
        tls: bool,
    },
    /// A Unix socket (`unix:///path`).
    Unix(PathBuf),
}

/// A checked `click2dial.shared_state`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// Where Redis listens.
    pub endpoint: Endpoint,
    /// The database (`SELECT`), 0 unless the URL names another.
    pub db: u32,
    /// The URL as messages show it.
    pub shown: String,
}

impl Target {
    /// Checks the setting's value.
    pub fn parse(value: &str) -> Result<Target> {
        let value = value.trim();
        // Whole (a socket's path is often longer than `quoted` keeps), escaped, and without
        // any user information.
        let shown = format!("\"{}\"", without_userinfo(value).escape_debug());
        // Before parsing, as for click2dial.server: a password with `/`, `#` or `?` in it would
        // not parse as one, and the check must not depend on how it parses.
        if without_userinfo(value) != value {
            return Err(Error::configuration(format!(
                "click2dial.shared_state {shown} contains a user name or password: remove it and \
                 put the password in a file named by click2dial.shared_state_password_file"
            )));
        }
        let url = Url::parse(value).map_err(|err| {
            Error::configuration(format!(
                "click2dial.shared_state {shown} is not a URL ({err}): {EXAMPLE}"
            ))
        })?;
        let endpoint = match url.scheme() {
            "redis" | "rediss" => tcp_endpoint(&url, &shown)?,
            "unix" => unix_endpoint(&url, &shown)?,
            other => {
                return Err(Error::configuration(format!(
                    "click2dial.shared_state {shown} has the scheme {}: use redis, rediss or \
                     unix, {EXAMPLE}",
                    quoted(other)
                )))
            }
        };
        if url.fragment().is_some() {
            return Err(Error::configuration(format!(
                "click2dial.shared_state {shown} has a fragment (#…): {EXAMPLE}"
            )));
        }
        let db = database(&url, &shown)?;
        Ok(Target {
            endpoint,
            db,
            shown,
        })
    }
}

fn tcp_endpoint(url: &Url, shown: &str) -> Result<Endpoint> {
    let host = url.host_str().unwrap_or_default();
    if host.is_empty() {
        return Err(Error::configuration(format!(
            "click2dial.shared_state {shown} names no host: {EXAMPLE}"
        )));
    }
    // An IPv6 address comes bracketed; connecting and the certificate want it bare.
    let host = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_owned();
    Ok(Endpoint::Tcp {
        host,
        port: url.port().unwrap_or(DEFAULT_PORT),
        tls: url.scheme() == "rediss",
    })
}

fn unix_endpoint(url: &Url, shown: &str) -> Result<Endpoint> {
    if url.host_str().is_some_and(|host| !host.is_empty()) || url.port().is_some() {
        return Err(Error::configuration(format!(
            "click2dial.shared_state {shown} names a host: a socket is unix:///path/to/socket \
             (three slashes)"
        )));
    }
    let path = url.to_file_path().map_err(|()| {
        Error::configuration(format!(
            "click2dial.shared_state {shown} names no socket: unix:///path/to/socket"
        ))
    })?;
    if path.as_os_str().len() <= 1 {
        return Err(Error::configuration(format!(
            "click2dial.shared_state {shown} names no socket: unix:///path/to/socket"
        )));
    }
    Ok(Endpoint::Unix(path))
}

/// The database: the path of a `redis://` URL (`/2`), `?db=2` for a socket, 0 without either.
fn database(url: &Url, shown: &str) -> Result<u32> {
    let text = match url.scheme() {
        "unix" => {
            let mut db = None;
            for (name, value) in url.query_pairs() {
                match name.as_ref() {
                    "db" => db = Some(value.into_owned()),
                    _ => return Err(query_refused(shown)),
                }
            }
            db.unwrap_or_default()
        }
        _ => {
            if url.query().is_some() {
                return Err(query_refused(shown));
            }
            url.path().trim_start_matches('/').to_owned()
        }
    };
    if text.is_empty() {
        return Ok(0);
    }
    match text.parse::<u32>() {
        Ok(db) if db <= MAX_DB => Ok(db),
        _ => Err(Error::configuration(format!(
            "click2dial.shared_state {shown} names the database {}: give its number, e.g. \
             redis://127.0.0.1:6379/0 (or unix:///path?db=0)",
            quoted(&text)
        ))),
    }
}

fn query_refused(shown: &str) -> Error {
    Error::configuration(format!(
        "click2dial.shared_state {shown} has a query other than a socket's ?db=N: {EXAMPLE}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    fn refusal(value: &str) -> String {
        let err = Target::parse(value).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Configuration);
        err.message().to_owned()
    }

    #[test]
    fn tcp_tls_and_socket_urls_are_read() {
        let target = Target::parse("redis://127.0.0.1:35379/3").unwrap();
        assert_eq!(
            target.endpoint,
            Endpoint::Tcp {
                host: "127.0.0.1".to_owned(),
                port: 35379,
                tls: false
            }
        );
        assert_eq!(target.db, 3);
        let target = Target::parse(" rediss://redis.example.com ").unwrap();
        assert_eq!(
            target.endpoint,
            Endpoint::Tcp {
                host: "redis.example.com".to_owned(),
                port: DEFAULT_PORT,
                tls: true
            }
        );
        assert_eq!(target.db, 0);
        let target = Target::parse("redis://[::1]:6380/").unwrap();
        assert!(
            matches!(target.endpoint, Endpoint::Tcp { ref host, port: 6380, .. } if host == "::1")
        );
        let target = Target::parse("unix:///run/redis/redis.sock?db=2").unwrap();
        assert_eq!(
            target.endpoint,
            Endpoint::Unix(PathBuf::from("/run/redis/redis.sock"))
        );
        assert_eq!(target.db, 2);
    }

    #[test]
    fn a_password_in_the_url_is_refused_and_not_repeated() {
        for value in [
            "redis://:s3cr/et@127.0.0.1:6379/0",
            "rediss://default:s3cr#et@redis.example.com/0",
            "redis://user:s3cr@et@127.0.0.1",
            "unix://:s3cret@/run/redis.sock",
        ] {
            let message = refusal(value);
            assert!(message.contains("user name or password"), "{message}");
            assert!(message.contains("shared_state_password_file"), "{message}");
            assert!(!message.contains("s3cr"), "{message}");
        }
    }

    #[test]
    fn wrong_urls_are_refused_with_what_to_write() {
        assert!(refusal("127.0.0.1:6379").contains("not a URL"));
        assert!(refusal("redis-host:6379").contains("scheme"));
        assert!(refusal("localhost").contains("not a URL"));
        assert!(refusal("http://127.0.0.1:6379").contains("\"http\""));
        assert!(refusal("redis:///0").contains("no host"));
        assert!(refusal("redis://127.0.0.1/zero").contains("database"));
        assert!(refusal("redis://127.0.0.1/0?timeout=1").contains("query"));
        assert!(refusal("unix://redis.example.com/run/redis.sock").contains("three slashes"));
        assert!(refusal("unix:///run/redis.sock?password=x").contains("query"));
        assert!(refusal("unix:///").contains("no socket"));
    }
}
