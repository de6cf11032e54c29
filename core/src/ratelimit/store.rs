//! The record files: one per PBX account in the state folder, read and rewritten under an
//! exclusive `flock` that every PHP worker of the host shares.
//!
//! Another account on the machine must not be able to reset someone's limits, deny their calls
//! or have the web server overwrite a file of its choosing. So the folder, the administrator's
//! `click2dial.state_dir` as much as the default one, must be a real folder (not a link) owned
//! by the effective user that nobody else can write to, and it is opened once per request and
//! used through its descriptor from then on. Records are opened relative to it without
//! following links, must be regular files of the effective user with one name, and are read up
//! to [`MAX_RECORD_BYTES`].
//!
//! A record that holds nothing any more is removed while its lock is held; a worker that was
//! waiting for that lock then finds its file gone (no links left) and opens the path again. So
//! nothing stays behind while the limits are off, and a file created for a new account sweeps
//! a few stale ones (see [`Folder::sweep`]), which keeps the folder about as large as the number
//! of accounts active within the longest window.

use std::ffi::CString;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};

use super::decide::{prune, Limits, Record};
use crate::clock;
use crate::error::{Error, Result};
use crate::private_dir::{self, effective_uid, Untrusted};
use crate::settings::Settings;
use crate::watched::lock;

/// The most a record file may hold; a larger one is refused, not read. A record is a few lines
/// (at most [`super::decide::MAX_KEPT_CALLS`] of about 16 bytes for the limit a minute).
pub const MAX_RECORD_BYTES: u64 = 256 * 1024;

/// How many stale records one new record's sweep may look at, and so the most work it adds.
const SWEEP_LOOKS: usize = 16;

/// How long after sweeping a folder's `*<suffix>` files this process leaves them alone. Listing
/// the folder is the costly part of a sweep (ext4 hashes every name of the blocks it reads, a
/// few hundred µs once the folder holds a day of calls), and every `make_call` would pay it for
/// records that go stale only after a day. At most [`SWEEP_LOOKS`] files a second a process
/// still keeps up with far more calls than the limits or a PBX allow.
const SWEEP_EVERY: Duration = Duration::from_secs(1);

/// When this process last swept each folder and suffix (a few entries: one per state folder).
static LAST_SWEEPS: Mutex<Vec<(PathBuf, String, Instant)>> = Mutex::new(Vec::new());

/// How often a record is opened again when it was removed while this worker waited for it.
const REOPENS: usize = 8;

/// The state folder, open.
pub struct Folder {
    dir: File,
    path: PathBuf,
}

impl Folder {
    /// Opens the folder the settings name (made first if it is the default one) and checks it:
    /// nobody but the effective user may write to it.
    pub fn open(settings: &Settings) -> Result<Folder> {
        let path = match &settings.state_dir {
            Some(path) => path.clone(),
            None => make_default_folder()?,
        };
        let dir = private_dir::open(&path, 0o022).map_err(|why| untrusted(&path, why))?;
        Ok(Folder { dir, path })
    }

    /// Reads the record `name`, lets `change` change it at the time it passes, and writes it
    /// back (or removes it when it holds nothing), all under its lock. `limits` serve the sweep
    /// a new record makes.
    pub fn update<T>(
        &self,
        name: &str,
        limits: &Limits,
        change: impl FnOnce(&mut Record, u64) -> T,
    ) -> Result<T> {
        let (mut file, created) = self.open_locked(name)?;
        let record_path = self.path.join(name);
        let text = read_bounded(&mut file, &record_path)?;
        let mut record = Record::parse(&text);
        // The time is read under the lock: another worker may have written a later one while
        // this one waited.
        let now = now_ms();
        let answer = change(&mut record, now);
        if record.is_empty() {
            self.remove(name)
                .map_err(|err| unusable(&self.path, &err))?;
        } else {
            rewrite(&mut file, &record.render()).map_err(|err| unusable(&self.path, &err))?;
        }
        drop(file); // unlocks
        if created && !record.is_empty() {
            self.sweep(name, now, limits);
        }
        Ok(answer)
    }

    /// The record file, open, locked and checked; whether it was new.
    fn open_locked(&self, name: &str) -> Result<(File, bool)> {
        let record_path = self.path.join(name);
        for _ in 0..REOPENS {
            let file = self
                .open_record(name, true)
                .map_err(|err| record_problem(&record_path, &err))?;
            file.lock().map_err(|err| unusable(&self.path, &err))?;
            let metadata = file.metadata().map_err(|err| unusable(&self.path, &err))?;
            if metadata.nlink() == 0 {
                continue; // removed while we waited for the lock: open what is there now
            }
            check_record(&record_path, &metadata)?;
            return Ok((file, metadata.len() == 0));
        }
        Err(unusable(
            &self.path,
            &io::Error::other(format!(
                "{name} was removed {REOPENS} times while opening it"
            )),
        ))
    }

    /// Opens `name` in the folder without following a link (and without waiting, should it be
    /// a FIFO).
    fn open_record(&self, name: &str, create: bool) -> io::Result<File> {
        let name = CString::new(name).map_err(io::Error::other)?;
        let mut flags = libc::O_RDWR | libc::O_NOFOLLOW | libc::O_CLOEXEC | libc::O_NONBLOCK;
        if create {
            flags |= libc::O_CREAT;
        }
        // SAFETY: the folder's descriptor is open for as long as `self` lives, `name` is a
        // NUL-terminated string, and the mode is passed as the variadic argument O_CREAT needs.
        let fd = unsafe {
            libc::openat(
                self.dir.as_raw_fd(),
                name.as_ptr(),
                flags,
                0o600 as libc::c_uint,
            )
        };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: openat returned a new descriptor that nothing else owns.
        Ok(File::from(unsafe { OwnedFd::from_raw_fd(fd) }))
    }

    fn remove(&self, name: &str) -> io::Result<()> {
        let name = CString::new(name).map_err(io::Error::other)?;
        // SAFETY: as in open_record; unlinkat does not keep the pointer.
        if unsafe { libc::unlinkat(self.dir.as_raw_fd(), name.as_ptr(), 0) } == 0 {
            Ok(())
        } else {
            Err(io::Error::last_os_error())
        }
    }

    /// Creates the file `name`, which must not be there yet, with `text`, private to this user.
    /// Written in place, so a reader could see it half written: only for a name nobody can
    /// know before this returns (a new call's record, under its random id).
    pub(crate) fn create_file(&self, name: &str, text: &str) -> Result<()> {
        let problem = |err: io::Error| record_problem(&self.path.join(name), &err);
        let mut file = self.open_new(name).map_err(problem)?;
        file.write_all(text.as_bytes()).map_err(|err| {
            // Only the file this call made, half written, is removed.
            let _ = self.remove(name);
            problem(err)
        })
    }

    /// Replaces the file `name` with `text` at once (a reader sees the old or the new, never
    /// half), private to this user: written to a new file beside it, then renamed over it.
    pub(crate) fn replace_file(&self, name: &str, text: &str) -> Result<()> {
        // One temporary name per thread: two threads of a process (a threaded SAPI, tests)
        // must not write into each other's; a thread's own leftover is reused below.
        // SAFETY: gettid has no preconditions.
        let thread = unsafe { libc::gettid() };
        let temporary = format!(".{name}.{}-{thread}", std::process::id());
        let path = self.path.join(name);
        let written = (|| {
            let mut file = match self.open_new(&temporary) {
                // Left by an earlier write of this process that broke off; removed only then,
                // not looked for before every write (a lookup on every call).
                Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {
                    let _ = self.remove(&temporary);
                    self.open_new(&temporary)?
                }
                opened => opened?,
            };
            file.write_all(text.as_bytes())?;
            self.rename(&temporary, name)
        })();
        written.map_err(|err| {
            let _ = self.remove(&temporary);
            record_problem(&path, &err)
        })
    }

    /// The text of the file `name`, checked as a record is; `None` when there is none.
    pub(crate) fn read_file(&self, name: &str) -> Result<Option<String>> {
        let path = self.path.join(name);
        let mut file = match self.open_record(name, false) {
            Ok(file) => file,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(err) => return Err(record_problem(&path, &err)),
        };
        let metadata = file.metadata().map_err(|err| unusable(&self.path, &err))?;
        check_record(&path, &metadata)?;
        read_bounded(&mut file, &path).map(Some)
    }

    /// Creates the empty file `name` if there is none, or one older than `stale_after` (left by
    /// a process that died holding it): true when this call made it. A claim among the
    /// workers of this server; failures read as "not claimed".
    pub(crate) fn claim_file(&self, name: &str, stale_after: Duration) -> bool {
        for _ in 0..2 {
            match self.open_new(name) {
                Ok(_) => return true,
                Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {
                    let stale = std::fs::symlink_metadata(self.path.join(name))
                        .and_then(|m| m.modified())
                        .is_ok_and(|at| at.elapsed().is_ok_and(|age| age > stale_after));
                    if !stale || self.remove(name).is_err() {
                        return false;
                    }
                }
                Err(_) => return false,
            }
        }
        false
    }

    /// Whether the file `name` is there.
    pub(crate) fn has_file(&self, name: &str) -> bool {
        std::fs::symlink_metadata(self.path.join(name)).is_ok()
    }

    /// Removes the file `name`; failures are ignored (a claim then goes stale by itself).
    pub(crate) fn release_file(&self, name: &str) {
        let _ = self.remove(name);
    }

    /// Removes the files named `*<suffix>` untouched for longer than `age`, looking at no more
    /// than [`SWEEP_LOOKS`], unless this process swept them less than [`SWEEP_EVERY`] ago.
    /// Failures are ignored: a sweep only tidies.
    pub(crate) fn sweep_files(&self, suffix: &str, age: Duration) {
        if !sweep_due(&self.path, suffix, Instant::now()) {
            return;
        }
        let Ok(entries) = std::fs::read_dir(&self.path) else {
            return;
        };
        let Some(stale_before) = SystemTime::now().checked_sub(age) else {
            return;
        };
        let stale = entries
            .filter_map(|entry| entry.ok())
            .filter(|entry| {
                entry
                    .file_name()
                    .to_str()
                    .is_some_and(|n| n.ends_with(suffix))
            })
            .take(SWEEP_LOOKS * 4)
            .filter(|entry| {
                entry
                    .metadata()
                    .and_then(|m| m.modified())
                    .is_ok_and(|modified| modified < stale_before)
            })
            .take(SWEEP_LOOKS);
        for entry in stale {
            if let Some(name) = entry.file_name().to_str() {
                let _ = self.remove(name);
            }
        }
    }

    /// Creates `name`, which must not exist, mode 0600, without following a link.
    fn open_new(&self, name: &str) -> io::Result<File> {
        let name = CString::new(name).map_err(io::Error::other)?;
        let flags =
            libc::O_WRONLY | libc::O_CREAT | libc::O_EXCL | libc::O_NOFOLLOW | libc::O_CLOEXEC;
        // SAFETY: as in open_record.
        let fd = unsafe {
            libc::openat(
                self.dir.as_raw_fd(),
                name.as_ptr(),
                flags,
                0o600 as libc::c_uint,
            )
        };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: openat returned a new descriptor that nothing else owns.
        Ok(File::from(unsafe { OwnedFd::from_raw_fd(fd) }))
    }

    fn rename(&self, from: &str, to: &str) -> io::Result<()> {
        let from = CString::new(from).map_err(io::Error::other)?;
        let to = CString::new(to).map_err(io::Error::other)?;
        let dir = self.dir.as_raw_fd();
        // SAFETY: both names are NUL-terminated and relative to the folder's open descriptor.
        if unsafe { libc::renameat(dir, from.as_ptr(), dir, to.as_ptr()) } == 0 {
            Ok(())
        } else {
            Err(io::Error::last_os_error())
        }
    }

    /// Removes records that hold nothing any more, of the accounts whose file names share the
    /// second hex digit of `created` (a new record's name, so each sweep looks at another
    /// sixteenth of the folder). It looks at no more than [`SWEEP_LOOKS`] files untouched for
    /// longer than the longest window, and removes one only once it holds its lock and finds
    /// it empty. A file another worker holds is left for a later sweep. Failures are ignored:
    /// a sweep only tidies.
    fn sweep(&self, created: &str, now: u64, limits: &Limits) {
        let Some(bucket) = created.chars().nth(1) else {
            return;
        };
        let Ok(entries) = std::fs::read_dir(&self.path) else {
            return;
        };
        let stale_before =
            SystemTime::now() - Duration::from_millis(limits.longest_window_ms().max(1));
        let candidates = entries
            .filter_map(|entry| entry.ok())
            .map(|entry| entry.file_name())
            .filter_map(|name| name.to_str().map(str::to_owned))
            .filter(|name| name != created && is_record_name(name))
            .filter(|name| name.chars().nth(1) == Some(bucket))
            .take(SWEEP_LOOKS);
        for name in candidates {
            let _ = self.remove_if_stale(&name, now, limits, stale_before);
        }
    }

    fn remove_if_stale(
        &self,
        name: &str,
        now: u64,
        limits: &Limits,
        stale_before: SystemTime,
    ) -> io::Result<()> {
        let mut file = self.open_record(name, false)?;
        let metadata = file.metadata()?;
        if metadata.modified()? > stale_before {
            return Ok(());
        }
        file.try_lock().map_err(io::Error::other)?;
        let metadata = file.metadata()?;
        if metadata.nlink() != 1 || !metadata.file_type().is_file() {
            return Ok(());
        }
        let path = self.path.join(name);
        let text =
            read_bounded(&mut file, &path).map_err(|err| io::Error::other(err.to_string()))?;
        let mut record = Record::parse(&text);
        prune(&mut record, now, limits);
        if record.is_empty() {
            self.remove(name)?;
        }
        Ok(())
    }
}

/// The name of an account's record: its 64-bit hash in hex.
pub fn record_name(hash: u64) -> String {
    format!("{hash:016x}.calls")
}

fn is_record_name(name: &str) -> bool {
    name.len() == 22
        && name.ends_with(".calls")
        && name[..16].bytes().all(|b| b.is_ascii_hexdigit())
}

/// `click2dial-<uid>` in the system's temporary folder, made private if it is not there yet
/// (it is then checked like any other).
fn make_default_folder() -> Result<PathBuf> {
    let folder = std::env::temp_dir().join(format!("click2dial-{}", effective_uid()));
    private_dir::make(&folder).map_err(|err| unusable(&folder, &err))?;
    Ok(folder)
}

fn check_record(path: &Path, metadata: &std::fs::Metadata) -> Result<()> {
    let uid = effective_uid();
    let problem = if !metadata.file_type().is_file() {
        Some(if metadata.file_type().is_fifo() {
            "is a FIFO, not a regular file".to_owned()
        } else {
            "is not a regular file".to_owned()
        })
    } else if metadata.uid() != uid {
        Some(format!(
            "is owned by uid {}, not by uid {uid}",
            metadata.uid()
        ))
    } else if metadata.nlink() != 1 {
        Some(format!(
            "has {} names (hard links): it could be another file",
            metadata.nlink()
        ))
    } else if metadata.mode() & 0o022 != 0 {
        Some(format!(
            "may be written by other users (mode {:o})",
            metadata.mode() & 0o7777
        ))
    } else {
        None
    };
    match problem {
        Some(problem) => Err(bad_record(path, &problem)),
        None => Ok(()),
    }
}

fn read_bounded(file: &mut File, path: &Path) -> Result<String> {
    let mut bytes = Vec::new();
    (&mut *file)
        .take(MAX_RECORD_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| record_problem(path, &err))?;
    if bytes.len() as u64 > MAX_RECORD_BYTES {
        return Err(bad_record(
            path,
            &format!("is larger than {} KiB", MAX_RECORD_BYTES / 1024),
        ));
    }
    // A record is ASCII; anything else is a torn or foreign file, read as far as it parses.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn rewrite(file: &mut File, text: &str) -> io::Result<()> {
    file.seek(SeekFrom::Start(0))?;
    file.set_len(0)?;
    file.write_all(text.as_bytes())
}

/// Milliseconds since the Unix epoch, as the records count time ([`clock::epoch_ms`]).
pub fn now_ms() -> u64 {
    u64::try_from(clock::epoch_ms(SystemTime::now())).unwrap_or(0)
}

/// Whether `folder`'s `*<suffix>` files are due for a sweep at `now`, which then counts as one.
fn sweep_due(folder: &Path, suffix: &str, now: Instant) -> bool {
    let mut last = lock(&LAST_SWEEPS);
    let entry = last
        .iter_mut()
        .find(|(path, kind, _)| path == folder && kind == suffix);
    match entry {
        Some((_, _, at)) if now.saturating_duration_since(*at) < SWEEP_EVERY => false,
        Some((_, _, at)) => {
            *at = now;
            true
        }
        None => {
            last.push((folder.to_owned(), suffix.to_owned(), now));
            true
        }
    }
}

fn record_problem(path: &Path, err: &io::Error) -> Error {
    match err.raw_os_error() {
        Some(libc::ELOOP) => bad_record(path, "is a symbolic link"),
        Some(libc::EISDIR) => bad_record(path, "is a folder"),
        _ => unusable(path.parent().unwrap_or(path), err),
    }
}

fn bad_record(path: &Path, problem: &str) -> Error {
    Error::configuration(format!(
        "the call limits' record {} {problem}, so nothing is sent to the PBX: remove it \
         (another user may have planted it)",
        path.display()
    ))
}

/// The message for a state folder that is not trusted.
fn untrusted(folder: &Path, why: Untrusted) -> Error {
    match why {
        Untrusted::Link => not_private(folder, "it is a symbolic link"),
        Untrusted::NotAFolder => not_private(folder, "it is not a folder"),
        Untrusted::Owner { owner, uid } => not_private(
            folder,
            &format!("it is owned by uid {owner}, not by uid {uid}"),
        ),
        Untrusted::Mode { mode } => not_private(
            folder,
            &format!("other users may write to it (mode {:o})", mode & 0o7777),
        ),
        Untrusted::Io(err) => unusable(folder, &err),
    }
}

fn not_private(folder: &Path, problem: &str) -> Error {
    Error::configuration(format!(
        "{} cannot keep the call limits, so nothing is sent to the PBX: {problem}; it must \
         be a folder (not a link) owned by the web server's user that no other user may write \
         to (set or fix click2dial.state_dir)",
        folder.display()
    ))
}

fn unusable(folder: &Path, err: &io::Error) -> Error {
    Error::configuration(format!(
        "the call limits cannot be kept in {} ({err}), so nothing is sent to the PBX: let \
         the web server's user write there, or set click2dial.state_dir",
        folder.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_temporary_file_left_by_a_broken_write_does_not_stop_the_next() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
        let settings = Settings {
            state_dir: Some(dir.path().to_owned()),
            ..Settings::default()
        };
        // SAFETY: gettid has no preconditions.
        let thread = unsafe { libc::gettid() };
        let left = dir
            .path()
            .join(format!(".a.call.{}-{thread}", std::process::id()));
        std::fs::write(&left, "half").unwrap();
        let folder = Folder::open(&settings).unwrap();
        folder.replace_file("a.call", "whole").unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("a.call")).unwrap(),
            "whole"
        );
        assert!(!left.exists());
        folder.replace_file("a.call", "again").unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("a.call")).unwrap(),
            "again"
        );
    }

    #[test]
    fn a_folder_is_swept_once_a_second_per_suffix() {
        let folder = Path::new("/nonexistent/sweep-test");
        let start = Instant::now();
        assert!(sweep_due(folder, ".call", start));
        assert!(!sweep_due(folder, ".call", start + SWEEP_EVERY / 2));
        assert!(
            sweep_due(folder, ".calls", start + SWEEP_EVERY / 2),
            "another kind of file has its own turn"
        );
        assert!(
            sweep_due(Path::new("/nonexistent/other"), ".call", start),
            "another folder has its own turn"
        );
        assert!(sweep_due(folder, ".call", start + SWEEP_EVERY));
        assert!(!sweep_due(folder, ".call", start + SWEEP_EVERY));
    }
}
