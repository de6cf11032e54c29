//! The records on Redis (`click2dial.shared_state`), for several web servers: the same records
//! as the state folder's files, under the same hashed names, changed by compare-and-set.
//!
//! An update reads the record and Redis' clock in one round trip, lets the decision change the
//! record, and writes it back with a Lua script that stores the new text only if the stored one
//! is still the one read (else it reads again, up to [`ATTEMPTS`] times). So two workers, on
//! one server or on two, never both take the last call of a minute, and the rules stay in Rust
//! ([`super::decide`]) rather than in a second implementation in Lua. The script is atomic on
//! Redis; no lock is held between the round trips, so a worker that dies halfway leaves nothing
//! locked.
//!
//! Redis' `TIME` is the clock for every server, so two web servers whose clocks differ still
//! agree on when a minute is over. Each key expires by itself (`PX`) once the record can no
//! longer matter ([`Limits::longest_window_ms`] after its last change), which does what the
//! folder's sweep does; a record that holds nothing is deleted at once.

use super::decide::{Limits, Record};
use super::store::MAX_RECORD_BYTES;
use crate::error::{Error, Result};
use crate::settings::Settings;
use crate::sharedstate::{self, Connection, Failure, Reply, Target};

/// How often an update reads again after another worker changed the record in between. Each
/// conflict means another request got through, so a worker retries at most once per request
/// racing it for the same account.
pub const ATTEMPTS: usize = 64;

/// Sets `KEYS[1]` to `ARGV[2]` for `ARGV[3]` ms (deletes it when `ARGV[2]` is empty) if it
/// still holds `ARGV[1]` (a missing key holds the empty text); answers 1 when it did, 0 when
/// the record changed meanwhile.
const COMPARE_AND_SET: &str = "\
local stored = redis.call('GET', KEYS[1]) or ''
if stored ~= ARGV[1] then return 0 end
if ARGV[2] == '' then redis.call('DEL', KEYS[1])
else redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) end
return 1";

/// The records of one Redis.
pub struct Shared {
    settings: Settings,
    target: Target,
}

/// What one attempt came to.
enum Attempted<T> {
    Done(T),
    Conflict,
}

impl Shared {
    /// The records on `target`; nothing is connected yet.
    pub fn new(settings: &Settings, target: Target) -> Shared {
        Shared {
            settings: settings.clone(),
            target,
        }
    }

    /// As [`super::store::Folder::update`]: reads the record `name`, lets `change` change it at
    /// the time it passes, and writes it back, atomically. `change` may run more than once
    /// (once per attempt); only the last run's record is stored and its answer returned.
    pub fn update<T>(
        &self,
        name: &str,
        limits: &Limits,
        mut change: impl FnMut(&mut Record, u64) -> T,
    ) -> Result<T> {
        let key = key_of(name);
        let lifetime = limits.longest_window_ms().max(1).to_string();
        let sha = script_sha();
        let target = &self.target;
        let mut oversized = false;
        let answer = sharedstate::with_connection(&self.settings, target, |connection| {
            for _ in 0..ATTEMPTS {
                let (stored, now) = read(connection, &key)?;
                if stored.len() as u64 > MAX_RECORD_BYTES {
                    oversized = true;
                    return Ok(None);
                }
                let mut record = Record::parse(&String::from_utf8_lossy(&stored));
                let answer = change(&mut record, now);
                let text = record.render();
                if text.as_bytes() == stored.as_slice() {
                    return Ok(Some(answer)); // nothing to write, and no change to lose
                }
                let swap = CompareAndSet {
                    key: &key,
                    stored: &stored,
                    text: text.as_bytes(),
                    lifetime: &lifetime,
                    sha: &sha,
                };
                if let Attempted::Done(()) = swap.run(connection)? {
                    return Ok(Some(answer));
                }
            }
            Ok(None)
        })?;
        match answer {
            Some(answer) => Ok(answer),
            None if oversized => Err(Error::configuration(format!(
                "the call limits' record {key} on Redis at click2dial.shared_state {} is larger \
                 than {} KiB, so nothing is sent to the PBX: delete the key (something else \
                 wrote it)",
                target.shown,
                MAX_RECORD_BYTES / 1024
            ))),
            None => Err(Error::configuration(format!(
                "the call limits' record {key} on Redis at click2dial.shared_state {} changed \
                 {ATTEMPTS} times while it was being updated, so nothing is sent to the PBX: \
                 try again",
                target.shown
            ))),
        }
    }
}

/// The key of a record: the file name's hash under the extension's prefix (no login in it).
pub fn key_of(name: &str) -> String {
    format!("click2dial:limits:{name}")
}

/// The record's text (empty when there is none) and Redis' time in ms, in one round trip.
fn read(connection: &mut Connection, key: &str) -> std::result::Result<(Vec<u8>, u64), Failure> {
    let mut replies = connection
        .pipeline(&[&[b"GET", key.as_bytes()], &[b"TIME"]])?
        .into_iter();
    let stored = match replies.next() {
        Some(Reply::Bulk(stored)) => stored.unwrap_or_default(),
        other => return Err(sharedstate::wrong_reply("GET", other)),
    };
    let now = match replies.next() {
        Some(Reply::Array(Some(parts))) => {
            time_ms(&parts).ok_or_else(|| sharedstate::wrong_reply("TIME", None))?
        }
        other => return Err(sharedstate::wrong_reply("TIME", other)),
    };
    Ok((stored, now))
}

/// `TIME`'s seconds and microseconds, in milliseconds.
fn time_ms(parts: &[Reply]) -> Option<u64> {
    let number = |reply: &Reply| match reply {
        Reply::Bulk(Some(bytes)) => std::str::from_utf8(bytes).ok()?.parse::<u64>().ok(),
        _ => None,
    };
    match parts {
        [seconds, micros] => number(seconds)?
            .checked_mul(1000)?
            .checked_add(number(micros)? / 1000),
        _ => None,
    }
}

struct CompareAndSet<'a> {
    key: &'a str,
    stored: &'a [u8],
    text: &'a [u8],
    lifetime: &'a str,
    sha: &'a str,
}

impl CompareAndSet<'_> {
    /// `EVALSHA`, and `EVAL` with the script's text when Redis does not have it (yet, or any
    /// more: a restart or `SCRIPT FLUSH` forgets it).
    fn run(&self, connection: &mut Connection) -> std::result::Result<Attempted<()>, Failure> {
        let reply = connection.command(&self.args(b"EVALSHA", self.sha.as_bytes()))?;
        let reply = match reply {
            Reply::Error(text) if text.starts_with("NOSCRIPT") => {
                connection.command(&self.args(b"EVAL", COMPARE_AND_SET.as_bytes()))?
            }
            reply => reply,
        };
        match reply {
            Reply::Integer(1) => Ok(Attempted::Done(())),
            Reply::Integer(0) => Ok(Attempted::Conflict),
            other => Err(sharedstate::wrong_reply("EVAL", Some(other))),
        }
    }

    fn args<'b>(&'b self, command: &'b [u8], script: &'b [u8]) -> [&'b [u8]; 7] {
        [
            command,
            script,
            b"1",
            self.key.as_bytes(),
            self.stored,
            self.text,
            self.lifetime.as_bytes(),
        ]
    }
}

/// The script's SHA-1 in hex, as `EVALSHA` names it.
fn script_sha() -> String {
    let digest = ring::digest::digest(
        &ring::digest::SHA1_FOR_LEGACY_USE_ONLY,
        COMPARE_AND_SET.as_bytes(),
    );
    digest.as_ref().iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_time_is_read_from_seconds_and_microseconds() {
        let bulk = |text: &str| Reply::Bulk(Some(text.as_bytes().to_vec()));
        assert_eq!(
            time_ms(&[bulk("1700000000"), bulk("123456")]),
            Some(1_700_000_000_123)
        );
        assert_eq!(time_ms(&[bulk("x"), bulk("1")]), None);
        assert_eq!(time_ms(&[bulk("1")]), None);
    }

    #[test]
    fn keys_carry_the_hashed_name_only() {
        assert_eq!(
            key_of("0123456789abcdef.calls"),
            "click2dial:limits:0123456789abcdef.calls"
        );
        assert_eq!(script_sha().len(), 40);
    }
}
