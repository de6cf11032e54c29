//! Where the calls' records (and the lists of calls in progress kept a moment for other looks,
//! `super::in_progress`) are kept: the state folder of this web server, or the Redis that
//! several web servers share (`click2dial.shared_state`), the store the call limits use.
//!
//! On the folder a record is a file `<id>.call`; on Redis it is the key `click2dial:call:<id>`,
//! with the same text, expiring by itself [`super::KEPT_FOR`] after its last change. Each record
//! is written by one process at a time (the follower, or the request that judged a sipXconfig
//! call), so a plain replace is enough: nothing is read, changed and written back by two.
//!
//! # Whether the follower is still there
//! A follower that dies (killed, its server switched off) writes no end, and `callStatus` must
//! then say `unknown` rather than repeat the last result for ever. On the folder the follower is
//! a process of this host, so its process id tells. Another web server cannot look at that
//! process, so on Redis the follower holds a lease, the key `click2dial:call:<id>:follower`,
//! which it sets with each write and renews every [`LEASE_RENEWED_EVERY`]; it lapses
//! [`LEASE_MS`] after the last renewal, on Redis' clock, so the web servers' clocks need not
//! agree.

use std::cell::RefCell;
use std::time::Duration;

use super::KEPT_FOR;
use crate::error::Result;
use crate::ratelimit::store::{Folder, MAX_RECORD_BYTES};
use crate::settings::Settings;
use crate::sharedstate::{self, Connection, Failure, OwnConnection, Reply, Target};

/// How often a follower renews its lease while the server sends nothing.
pub const LEASE_RENEWED_EVERY: Duration = Duration::from_secs(5);

/// How long a lease lasts after its last renewal: three renewals, so that one slow write does
/// not make a living follower look gone.
pub const LEASE_MS: u64 = 15_000;

/// A record as read, with what tells whether its follower is there.
#[derive(Debug)]
pub struct Stored {
    /// The record's text.
    pub text: String,
    /// On Redis, whether the follower's lease is held; `None` on the folder, where the
    /// follower's process is looked at.
    pub lease_held: Option<bool>,
}

/// The store the settings name.
pub enum RecordStore {
    /// This web server's state folder.
    Folder(Folder),
    /// The Redis of `click2dial.shared_state`.
    Shared {
        /// The settings the connection is made from.
        settings: Box<Settings>,
        /// Where Redis is.
        target: Target,
        /// A connection of the store's own (the follower's); `None`: the process's kept one.
        own: Option<RefCell<OwnConnection>>,
    },
}

impl std::fmt::Debug for RecordStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecordStore::Folder(_) => f.write_str("RecordStore::Folder"),
            RecordStore::Shared { target, .. } => {
                write!(f, "RecordStore::Shared({})", target.shown)
            }
        }
    }
}

impl RecordStore {
    /// The Redis of `click2dial.shared_state`, or the state folder when it is empty (opened and
    /// checked; Redis is connected to on first use).
    pub fn open(settings: &Settings) -> Result<RecordStore> {
        RecordStore::open_with(settings, None)
    }

    /// As [`RecordStore::open`], but on Redis through a connection of the store's own, made on
    /// first use and kept as long as the store: for the follower, which must not use the kept
    /// connection of the process it was forked from.
    pub fn open_own(settings: &Settings) -> Result<RecordStore> {
        RecordStore::open_with(settings, Some(RefCell::default()))
    }

    fn open_with(settings: &Settings, own: Option<RefCell<OwnConnection>>) -> Result<RecordStore> {
        match sharedstate::target(settings)? {
            Some(target) => Ok(RecordStore::Shared {
                settings: Box::new(settings.clone()),
                target,
                own,
            }),
            None => Folder::open(settings).map(RecordStore::Folder),
        }
    }

    /// The record of call `id`, or `None` when there is none (never written, expired, or
    /// larger than any record is).
    pub fn read(&self, id: &str) -> Result<Option<Stored>> {
        match self {
            RecordStore::Folder(folder) => {
                Ok(folder.read_file(&file_name(id))?.map(|text| Stored {
                    text,
                    lease_held: None,
                }))
            }
            RecordStore::Shared { .. } => self.on_redis(|connection| read_shared(connection, id)),
        }
    }

    /// Writes the first record of the new call `id` and tidies the folder (see [`Self::sweep`]):
    /// one file created in place, since nobody can ask about the call before its id is
    /// returned.
    pub fn create(&self, id: &str, text: &str) -> Result<()> {
        match self {
            RecordStore::Folder(folder) => {
                folder.create_file(&file_name(id), text)?;
                self.sweep();
                Ok(())
            }
            RecordStore::Shared { .. } => self.write(id, text, false),
        }
    }

    /// Replaces the record of call `id` by `text`; `by_follower` also sets the follower's lease
    /// (on Redis), in the same round trip.
    pub fn write(&self, id: &str, text: &str, by_follower: bool) -> Result<()> {
        match self {
            RecordStore::Folder(folder) => folder.replace_file(&file_name(id), text),
            RecordStore::Shared { .. } => self.on_redis(|connection| {
                let kept_ms = KEPT_FOR.as_millis().to_string();
                let record = record_key(id);
                let set_record: [&[u8]; 5] = [
                    b"SET",
                    record.as_bytes(),
                    text.as_bytes(),
                    b"PX",
                    kept_ms.as_bytes(),
                ];
                let lease = lease_key(id);
                let lease_ms = LEASE_MS.to_string();
                let set_lease: [&[u8]; 5] =
                    [b"SET", lease.as_bytes(), b"1", b"PX", lease_ms.as_bytes()];
                let replies = if by_follower {
                    connection.pipeline(&[&set_record, &set_lease])?
                } else {
                    connection.pipeline(&[&set_record])?
                };
                replies.into_iter().try_for_each(expect_ok)
            }),
        }
    }

    /// Removes the record of call `id`.
    pub fn remove(&self, id: &str) -> Result<()> {
        match self {
            RecordStore::Folder(folder) => {
                folder.release_file(&file_name(id));
                Ok(())
            }
            RecordStore::Shared { .. } => self.on_redis(|connection| {
                match connection.command(&[b"DEL", record_key(id).as_bytes()])? {
                    Reply::Integer(_) => Ok(()),
                    other => Err(sharedstate::wrong_reply("DEL", Some(other))),
                }
            }),
        }
    }

    /// Renews the follower's lease on call `id` (nothing to do on the folder).
    pub fn renew_lease(&self, id: &str) -> Result<()> {
        match self {
            RecordStore::Folder(_) => Ok(()),
            RecordStore::Shared { .. } => self.on_redis(|connection| {
                let lease = lease_key(id);
                let lease_ms = LEASE_MS.to_string();
                expect_ok(connection.command(&[
                    b"SET",
                    lease.as_bytes(),
                    b"1",
                    b"PX",
                    lease_ms.as_bytes(),
                ])?)
            }),
        }
    }

    /// The text kept under `name` by [`RecordStore::keep`] less than `max_age_ms` ago (on
    /// Redis: before its key expired), with when it was kept (ms since the epoch, on the clock
    /// of the server that kept it); `None` when there is none.
    pub fn read_kept(&self, name: &str, max_age_ms: u64) -> Result<Option<(u64, String)>> {
        let stamped = match self {
            RecordStore::Folder(folder) => folder.read_file(name)?,
            RecordStore::Shared { .. } => self.on_redis(|connection| {
                match connection.command(&[b"GET", kept_key(name).as_bytes()])? {
                    Reply::Bulk(None) => Ok(None),
                    Reply::Bulk(Some(bytes)) if bytes.len() as u64 <= MAX_RECORD_BYTES => {
                        Ok(String::from_utf8(bytes).ok())
                    }
                    Reply::Bulk(Some(_)) => Ok(None),
                    other => Err(sharedstate::wrong_reply("GET", Some(other))),
                }
            })?,
        };
        let Some((first, kept)) = stamped.as_deref().and_then(|text| text.split_once('\n')) else {
            return Ok(None);
        };
        let Some(at_ms) = first
            .strip_prefix("kept ")
            .and_then(|at| at.parse::<u64>().ok())
        else {
            return Ok(None);
        };
        // On Redis the key's expiry is the age that counts; the folder has only the stamp.
        let fresh = match self {
            RecordStore::Folder(_) => {
                let now = crate::clock::now_ms();
                at_ms <= now && now - at_ms < max_age_ms
            }
            RecordStore::Shared { .. } => true,
        };
        Ok(fresh.then(|| (at_ms, kept.to_owned())))
    }

    /// Keeps `text`, as it stood at `at_ms`, under `name` for `for_ms`, for
    /// [`RecordStore::read_kept`]: on Redis as a key that expires by itself (Redis' clock, so
    /// the web servers' clocks need not agree on its age).
    pub fn keep(&self, name: &str, text: &str, at_ms: u64, for_ms: u64) -> Result<()> {
        let stamped = format!("kept {at_ms}\n{text}");
        match self {
            RecordStore::Folder(folder) => folder.replace_file(name, &stamped),
            RecordStore::Shared { .. } => self.on_redis(|connection| {
                let key = kept_key(name);
                let for_ms = for_ms.max(1).to_string();
                expect_ok(connection.command(&[
                    b"SET",
                    key.as_bytes(),
                    stamped.as_bytes(),
                    b"PX",
                    for_ms.as_bytes(),
                ])?)
            }),
        }
    }

    /// Claims the right to make what is kept under `name` for `for_ms` (or until released):
    /// true when no other worker, of any server that shares the store, holds the claim.
    pub fn claim(&self, name: &str, for_ms: u64) -> Result<bool> {
        let claim = claim_name(name);
        match self {
            RecordStore::Folder(folder) => {
                Ok(folder.claim_file(&claim, Duration::from_millis(for_ms)))
            }
            RecordStore::Shared { .. } => self.on_redis(|connection| {
                let key = kept_key(&claim);
                let for_ms = for_ms.max(1).to_string();
                let args: [&[u8]; 6] = [
                    b"SET",
                    key.as_bytes(),
                    b"1",
                    b"NX",
                    b"PX",
                    for_ms.as_bytes(),
                ];
                match connection.command(&args)? {
                    Reply::Status(_) => Ok(true),
                    Reply::Bulk(None) => Ok(false),
                    other => Err(sharedstate::wrong_reply("SET NX", Some(other))),
                }
            }),
        }
    }

    /// Whether a claim on `name` is held.
    pub fn is_claimed(&self, name: &str) -> Result<bool> {
        let claim = claim_name(name);
        match self {
            RecordStore::Folder(folder) => Ok(folder.has_file(&claim)),
            RecordStore::Shared { .. } => self.on_redis(|connection| {
                match connection.command(&[b"EXISTS", kept_key(&claim).as_bytes()])? {
                    Reply::Integer(count) => Ok(count > 0),
                    other => Err(sharedstate::wrong_reply("EXISTS", Some(other))),
                }
            }),
        }
    }

    /// Lets go of the claim on `name`.
    pub fn release(&self, name: &str) -> Result<()> {
        let claim = claim_name(name);
        match self {
            RecordStore::Folder(folder) => {
                folder.release_file(&claim);
                Ok(())
            }
            RecordStore::Shared { .. } => self.on_redis(|connection| {
                match connection.command(&[b"DEL", kept_key(&claim).as_bytes()])? {
                    Reply::Integer(_) => Ok(()),
                    other => Err(sharedstate::wrong_reply("DEL", Some(other))),
                }
            }),
        }
    }

    /// Runs `work` on the store's connection to Redis (its own, or the process's kept one).
    fn on_redis<T>(
        &self,
        work: impl FnOnce(&mut Connection) -> std::result::Result<T, Failure>,
    ) -> Result<T> {
        match self {
            RecordStore::Folder(_) => Err(crate::error::Error::new(
                crate::error::ErrorKind::Internal,
                "the state folder has no Redis connection",
            )),
            RecordStore::Shared {
                settings,
                target,
                own: Some(own),
            } => own.borrow_mut().run(settings, target, work),
            RecordStore::Shared {
                settings,
                target,
                own: None,
            } => sharedstate::with_connection(settings, target, work),
        }
    }

    /// Removes a few records older than [`KEPT_FOR`] from the folder; Redis' expire by
    /// themselves.
    pub fn sweep(&self) {
        if let RecordStore::Folder(folder) = self {
            folder.sweep_files(".call", KEPT_FOR);
            folder.sweep_files(".active", KEPT_FOR);
            folder.sweep_files(".claim", KEPT_FOR);
        }
    }
}

/// The file of call `id` in the state folder.
pub fn file_name(id: &str) -> String {
    format!("{id}.call")
}

/// The key of call `id`'s record on Redis.
pub fn record_key(id: &str) -> String {
    format!("click2dial:call:{id}")
}

/// The key of the lease of call `id`'s follower on Redis.
pub fn lease_key(id: &str) -> String {
    format!("click2dial:call:{id}:follower")
}

/// The name of the claim on what is kept under `name`.
fn claim_name(name: &str) -> String {
    format!("{name}.claim")
}

/// The key of a text kept a moment on Redis ([`RecordStore::keep`]).
pub fn kept_key(name: &str) -> String {
    format!("click2dial:kept:{name}")
}

/// The record and whether its lease is held, in one round trip.
fn read_shared(
    connection: &mut Connection,
    id: &str,
) -> std::result::Result<Option<Stored>, Failure> {
    let record = record_key(id);
    let lease = lease_key(id);
    let mut replies = connection
        .pipeline(&[&[b"GET", record.as_bytes()], &[b"EXISTS", lease.as_bytes()]])?
        .into_iter();
    let text = match replies.next() {
        Some(Reply::Bulk(None)) => return Ok(None),
        Some(Reply::Bulk(Some(bytes))) if bytes.len() as u64 <= MAX_RECORD_BYTES => bytes,
        Some(Reply::Bulk(Some(_))) => return Ok(None),
        other => return Err(sharedstate::wrong_reply("GET", other)),
    };
    let lease_held = match replies.next() {
        Some(Reply::Integer(count)) => count > 0,
        other => return Err(sharedstate::wrong_reply("EXISTS", other)),
    };
    Ok(Some(Stored {
        text: String::from_utf8_lossy(&text).into_owned(),
        lease_held: Some(lease_held),
    }))
}

fn expect_ok(reply: Reply) -> std::result::Result<(), Failure> {
    match reply {
        Reply::Status(_) => Ok(()),
        other => Err(sharedstate::wrong_reply("SET", Some(other))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_name_the_call_id_only() {
        let id = "0123456789abcdef0123456789abcdef";
        assert_eq!(record_key(id), format!("click2dial:call:{id}"));
        assert_eq!(lease_key(id), format!("click2dial:call:{id}:follower"));
        assert_eq!(file_name(id), format!("{id}.call"));
    }
}
