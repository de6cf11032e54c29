//! Per-user call limits, shared by every PHP worker of the host.
//!
//! A loop of scripted calls to premium numbers costs real money (toll fraud), and a double click
//! should not ring the phone twice. So each user may place at most `click2dial.rate_limit` calls
//! a minute, and the same number is refused again within `click2dial.duplicate_window_ms`.
//!
//! php-fpm runs many processes, so the counts cannot live in one process's memory. They live in
//! one small file per user in a state folder, read and rewritten under an exclusive `flock`,
//! which every worker of the host (running as the same user) shares. A call is admitted and
//! recorded before it is sent. A wrong-PIN loop therefore counts too, and a second click that
//! races the first in another worker finds it already there. A call the PBX did not accept gives
//! its number back, so the user can try again at once. Where the limits cannot be kept (the
//! folder cannot be made or locked), no call is placed: failing open would switch the
//! protection off exactly when something is wrong.

use std::fs::{self, DirBuilder, File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::error::{quoted, Error, ErrorKind, Result};
use crate::settings::Settings;

const MINUTE_MS: u64 = 60_000;

/// A call admitted by the limits; tell it how the call went.
#[must_use = "a failed call must give its number back with Admission::failed"]
pub struct Admission {
    file: Option<PathBuf>,
    number: u64,
    at_ms: u64,
}

impl Admission {
    /// The PBX did not take the call: the number may be tried again at once.
    pub fn failed(self) {
        let Some(path) = &self.file else { return };
        let _ = update(path, |record| {
            if record.last_number == Some((self.at_ms, self.number)) {
                record.last_number = None;
            }
        });
    }
}

/// Checks the limits for `login` calling `dialed` and records the call; refuses with
/// [`ErrorKind::RateLimited`] when a limit is reached.
pub fn admit(settings: &Settings, login: &str, dialed: &str) -> Result<Admission> {
    let window_ms = u64::try_from(settings.duplicate_window.as_millis()).unwrap_or(u64::MAX);
    let number = fnv1a(dialed.as_bytes());
    if settings.rate_limit == 0 && window_ms == 0 {
        return Ok(Admission {
            file: None,
            number,
            at_ms: 0,
        });
    }
    let folder = state_folder(settings)?;
    let path = folder.join(format!(
        "{:016x}.calls",
        fnv1a(login.to_lowercase().as_bytes())
    ));
    let mut refusal = None;
    let mut admitted_at = 0;
    update(&path, |record| {
        // Read under the lock: another worker may have written a later time while we waited.
        let now = now_ms();
        // Times more than a minute ahead come from a clock that was set back; they are dropped
        // so that they cannot block the user until the clock catches up.
        let plausible = |at: u64| at <= now + MINUTE_MS;
        record
            .attempts
            .retain(|&at| at + MINUTE_MS > now && plausible(at));
        if window_ms > 0 {
            if let Some((at, last)) = record.last_number {
                if last == number && at + window_ms > now && plausible(at) {
                    refusal = Some(Error::new(
                        ErrorKind::RateLimited {
                            retry_after_secs: seconds_until(at + window_ms, now),
                        },
                        format!(
                            "{} called {} less than {} s ago: the first call is on its way (a \
                             second click places no second call); to call again, wait {} s",
                            quoted(login),
                            quoted(dialed),
                            window_ms.div_ceil(1000),
                            seconds_until(at + window_ms, now)
                        ),
                    ));
                    return;
                }
            }
        }
        let limit = settings.rate_limit as usize;
        if limit > 0 && record.attempts.len() >= limit {
            let oldest = record.attempts.iter().min().copied().unwrap_or(now);
            let wait = seconds_until(oldest + MINUTE_MS, now);
            refusal = Some(Error::new(
                ErrorKind::RateLimited {
                    retry_after_secs: wait,
                },
                format!(
                    "{} has placed {limit} calls in the last minute, as many as \
                     click2dial.rate_limit allows: try again in {wait} s",
                    quoted(login)
                ),
            ));
            return;
        }
        record.attempts.push(now);
        record.last_number = Some((now, number));
        admitted_at = now;
    })
    .map_err(|err| unusable(&folder, &err))?;
    match refusal {
        Some(err) => Err(err),
        None => Ok(Admission {
            file: Some(path),
            number,
            at_ms: admitted_at,
        }),
    }
}

/// What a user's file holds: the times of the calls of the last minute, and the last number
/// (as a hash: the file needs no phone numbers in it) with its time.
#[derive(Default)]
struct Record {
    attempts: Vec<u64>,
    last_number: Option<(u64, u64)>,
}

impl Record {
    fn parse(text: &str) -> Record {
        let mut record = Record::default();
        for line in text.lines() {
            let mut fields = line.split(' ');
            match (fields.next(), fields.next(), fields.next()) {
                (Some("a"), Some(at), None) => record.attempts.extend(at.parse::<u64>().ok()),
                (Some("n"), Some(at), Some(number)) => {
                    if let (Ok(at), Ok(number)) = (at.parse(), u64::from_str_radix(number, 16)) {
                        record.last_number = Some((at, number));
                    }
                }
                _ => {} // A torn or foreign line is dropped rather than trusted.
            }
        }
        record
    }

    fn render(&self) -> String {
        let mut text: String = self.attempts.iter().map(|at| format!("a {at}\n")).collect();
        if let Some((at, number)) = self.last_number {
            text.push_str(&format!("n {at} {number:016x}\n"));
        }
        text
    }
}

/// Reads, changes and rewrites a user's record while holding its lock.
fn update(path: &Path, change: impl FnOnce(&mut Record)) -> std::io::Result<()> {
    let mut file: File = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(path)?;
    file.lock()?;
    let mut text = String::new();
    file.read_to_string(&mut text)?;
    let mut record = Record::parse(&text);
    change(&mut record);
    let text = record.render();
    file.seek(SeekFrom::Start(0))?;
    file.set_len(0)?;
    file.write_all(text.as_bytes())?;
    file.unlock()
}

/// The folder the records live in, made on first use. The default, under the system's shared
/// temporary folder, must be a real folder of this user's alone, so that no other user can plant
/// or read records there.
fn state_folder(settings: &Settings) -> Result<PathBuf> {
    if let Some(folder) = &settings.state_dir {
        return Ok(folder.clone());
    }
    // SAFETY: geteuid has no preconditions and cannot fail.
    let uid = unsafe { libc::geteuid() };
    let folder = std::env::temp_dir().join(format!("click2dial-{uid}"));
    match DirBuilder::new().mode(0o700).create(&folder) {
        Ok(()) => {}
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(err) => return Err(unusable(&folder, &err)),
    }
    let metadata = fs::symlink_metadata(&folder).map_err(|err| unusable(&folder, &err))?;
    if !metadata.is_dir() || metadata.uid() != uid || metadata.mode() & 0o077 != 0 {
        return Err(Error::configuration(format!(
            "{} is not a private folder of this user (it must be a folder, owned by uid {uid}, \
             mode 0700): remove it, or set click2dial.state_dir",
            folder.display()
        )));
    }
    Ok(folder)
}

fn unusable(folder: &Path, err: &std::io::Error) -> Error {
    Error::configuration(format!(
        "the call limits cannot be kept in {} ({err}), so no call is placed: let the web \
         server's user write there, or set click2dial.state_dir",
        folder.display()
    ))
}

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
        .as_millis() as u64
}

fn seconds_until(at_ms: u64, now_ms: u64) -> u64 {
    at_ms.saturating_sub(now_ms).div_ceil(1000).max(1)
}

/// FNV-1a: a stable 64-bit hash for file names and remembered numbers (not for secrecy).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(folder: &Path, per_minute: u32, window_ms: u64) -> Settings {
        Settings {
            rate_limit: per_minute,
            duplicate_window: Duration::from_millis(window_ms),
            state_dir: Some(folder.to_owned()),
            ..Settings::default()
        }
    }

    fn kind(result: Result<Admission>) -> Option<ErrorKind> {
        result.err().map(|err| err.kind())
    }

    #[test]
    fn the_same_number_twice_within_the_window_is_refused_and_others_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let settings = settings(dir.path(), 0, 5000);
        let _first = admit(&settings, "alice", "207").unwrap();
        let err = admit(&settings, "ALICE", "207").err().unwrap();
        assert!(
            matches!(
                err.kind(),
                ErrorKind::RateLimited {
                    retry_after_secs: 1..=5
                }
            ),
            "{err:?}"
        );
        assert!(
            err.message()
                .contains("a second click places no second call"),
            "{err}"
        );
        assert!(admit(&settings, "alice", "208").is_ok());
        assert!(
            admit(&settings, "bob", "207").is_ok(),
            "other users are not affected"
        );
    }

    #[test]
    fn a_failed_call_gives_its_number_back() {
        let dir = tempfile::tempdir().unwrap();
        let settings = settings(dir.path(), 0, 5000);
        admit(&settings, "alice", "207").unwrap().failed();
        assert!(admit(&settings, "alice", "207").is_ok());
    }

    #[test]
    fn the_limit_a_minute_counts_every_call_sent() {
        let dir = tempfile::tempdir().unwrap();
        let settings = settings(dir.path(), 3, 0);
        for number in ["201", "202", "203"] {
            admit(&settings, "alice", number).unwrap().failed();
        }
        let err = admit(&settings, "alice", "204").err().unwrap();
        assert!(
            matches!(
                err.kind(),
                ErrorKind::RateLimited {
                    retry_after_secs: 59..=60
                }
            ),
            "{err:?}"
        );
        assert!(
            err.message().contains("3 calls in the last minute"),
            "{err}"
        );
        assert!(admit(&settings, "bob", "204").is_ok());
    }

    #[test]
    fn old_calls_no_longer_count() {
        let dir = tempfile::tempdir().unwrap();
        let settings = settings(dir.path(), 1, 5000);
        let path = dir.path().join(format!("{:016x}.calls", fnv1a(b"alice")));
        let long_ago = now_ms() - MINUTE_MS - 1;
        fs::write(
            &path,
            format!("a {long_ago}\nn {long_ago} {:016x}\n", fnv1a(b"207")),
        )
        .unwrap();
        assert!(admit(&settings, "alice", "207").is_ok());
    }

    #[test]
    fn both_limits_off_touch_no_file() {
        let settings = settings(Path::new("/nonexistent/state"), 0, 0);
        assert!(admit(&settings, "alice", "207").is_ok());
        assert_eq!(kind(admit(&settings, "alice", "207")), None);
    }

    #[test]
    fn a_folder_that_cannot_be_used_refuses_every_call() {
        let settings = settings(Path::new("/nonexistent/state"), 6, 5000);
        let err = admit(&settings, "alice", "207").err().unwrap();
        assert_eq!(err.kind(), ErrorKind::Configuration);
        assert!(err.message().contains("so no call is placed"), "{err}");
    }

    #[test]
    fn workers_share_the_limits() {
        let dir = tempfile::tempdir().unwrap();
        let settings = settings(dir.path(), 50, 0);
        let threads: Vec<_> = (0..8)
            .map(|worker| {
                let settings = settings.clone();
                std::thread::spawn(move || {
                    (0..10)
                        .filter(|call| {
                            admit(&settings, "alice", &format!("{worker}{call}")).is_ok()
                        })
                        .count()
                })
            })
            .collect();
        let admitted: usize = threads.into_iter().map(|t| t.join().unwrap()).sum();
        assert_eq!(
            admitted, 50,
            "exactly the limit, however the calls interleave"
        );
    }
}
