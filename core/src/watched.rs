//! Files that are reloaded when they change, without a restart and without blocking readers.
//!
//! The directory and the dial plan live in files that an administrator edits while PHP
//! workers keep serving calls. A [`WatchedFile`] holds the last parsed version behind an
//! `ArcSwap`, so a lookup is one atomic load. At most once per [`CHECK_INTERVAL`] a reader looks at
//! the file's metadata; if it changed, that one reader parses the new version and swaps it in
//! while every other thread keeps using the old one. A file that fails to parse is an error for
//! as long as it stays as it is: the administrator sees the mistake instead of a stale file
//! silently staying in force.

use std::fs;
use std::io;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use arc_swap::ArcSwapOption;

use crate::error::{Error, Result};

/// How often a reader looks at the file's metadata. Edits are seen within this time.
pub const CHECK_INTERVAL: Duration = Duration::from_secs(1);

/// Turns a file's bytes into a value; `path` is only for messages.
pub type Parser<T> = fn(path: &Path, bytes: &[u8]) -> Result<T>;

/// A file whose parsed value is kept current.
pub struct WatchedFile<T> {
    path: PathBuf,
    setting: &'static str,
    parse: Parser<T>,
    snapshot: ArcSwapOption<Snapshot<T>>,
    reloading: Mutex<()>,
}

struct Snapshot<T> {
    stamp: Option<Stamp>,
    parsed: Result<Arc<T>>,
    checked_at: Instant,
}

/// What tells one version of a file from another without reading it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Stamp {
    dev: u64,
    ino: u64,
    len: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
}

impl Stamp {
    fn of(metadata: &fs::Metadata) -> Stamp {
        Stamp {
            dev: metadata.dev(),
            ino: metadata.ino(),
            len: metadata.len(),
            mtime: (metadata.mtime(), metadata.mtime_nsec()),
            ctime: (metadata.ctime(), metadata.ctime_nsec()),
        }
    }
}

impl<T> WatchedFile<T> {
    /// Watches `path`, which the INI setting `setting` named (for messages).
    pub fn new(
        path: impl Into<PathBuf>,
        setting: &'static str,
        parse: Parser<T>,
    ) -> WatchedFile<T> {
        WatchedFile {
            path: path.into(),
            setting,
            parse,
            snapshot: ArcSwapOption::empty(),
            reloading: Mutex::new(()),
        }
    }

    /// The file this watches.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The current version, reloaded first if the file changed and a check is due.
    pub fn get(&self) -> Result<Arc<T>> {
        let current = self.snapshot.load_full();
        if let Some(snapshot) = &current {
            if snapshot.checked_at.elapsed() < CHECK_INTERVAL {
                return snapshot.parsed.clone();
            }
        }
        let _guard = match &current {
            // Someone else is already looking; the version we have is good enough meanwhile.
            Some(snapshot) => match self.reloading.try_lock() {
                Ok(guard) => guard,
                Err(_) => return snapshot.parsed.clone(),
            },
            None => lock(&self.reloading),
        };
        // Another thread may have finished a check while we waited for the lock.
        let current = self.snapshot.load_full();
        if let Some(snapshot) = &current {
            if snapshot.checked_at.elapsed() < CHECK_INTERVAL {
                return snapshot.parsed.clone();
            }
        }
        let fresh = self.check(current.as_deref());
        let parsed = fresh.parsed.clone();
        self.snapshot.store(Some(Arc::new(fresh)));
        parsed
    }

    fn check(&self, previous: Option<&Snapshot<T>>) -> Snapshot<T> {
        let checked_at = Instant::now();
        let stamp = fs::metadata(&self.path).map(|m| Stamp::of(&m)).ok();
        if let Some(previous) = previous {
            if stamp.is_some() && previous.stamp == stamp {
                return Snapshot {
                    stamp,
                    parsed: previous.parsed.clone(),
                    checked_at,
                };
            }
        }
        let parsed = match fs::read(&self.path) {
            Ok(bytes) => (self.parse)(&self.path, &bytes).map(Arc::new),
            Err(err) => Err(self.unreadable(&err)),
        };
        Snapshot {
            stamp,
            parsed,
            checked_at,
        }
    }

    fn unreadable(&self, err: &io::Error) -> Error {
        let why = match err.kind() {
            io::ErrorKind::NotFound => "does not exist".to_owned(),
            io::ErrorKind::PermissionDenied => {
                "cannot be read by this process (permission denied): let the web server's user \
                 read it"
                    .to_owned()
            }
            _ => format!("cannot be read ({err})"),
        };
        Error::configuration(format!("{} {} {why}", self.setting, self.path.display()))
    }
}

/// Process-wide [`WatchedFile`]s, one per path, so every call in a worker shares one parsed copy.
pub struct WatchedFiles<T> {
    setting: &'static str,
    parse: Parser<T>,
    files: Mutex<Vec<Arc<WatchedFile<T>>>>,
}

impl<T> WatchedFiles<T> {
    /// An empty set, usable as a `static`.
    pub const fn new(setting: &'static str, parse: Parser<T>) -> WatchedFiles<T> {
        WatchedFiles {
            setting,
            parse,
            files: Mutex::new(Vec::new()),
        }
    }

    /// The watcher of `path`, made on first use.
    pub fn get(&self, path: &Path) -> Arc<WatchedFile<T>> {
        let mut files = lock(&self.files);
        if let Some(file) = files.iter().find(|file| file.path == path) {
            return Arc::clone(file);
        }
        let file = Arc::new(WatchedFile::new(path, self.setting, self.parse));
        files.push(Arc::clone(&file));
        file
    }
}

/// Locks, ignoring poisoning: the data behind these locks is replaced whole, never left half-done.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn parse_lines(_: &Path, bytes: &[u8]) -> Result<usize> {
        let text = std::str::from_utf8(bytes).unwrap();
        if text.contains("bad") {
            return Err(Error::configuration("bad line"));
        }
        Ok(text.lines().count())
    }

    fn write(path: &Path, text: &str) {
        // A new file each time, as editors and `mv` do, so the stamp changes even within the
        // file system's time resolution.
        let tmp = path.with_extension("tmp");
        fs::File::create(&tmp)
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
        fs::rename(&tmp, path).unwrap();
    }

    fn expire(file: &WatchedFile<usize>) {
        let snapshot = file.snapshot.load_full().unwrap();
        let old = Instant::now().checked_sub(CHECK_INTERVAL * 2).unwrap();
        file.snapshot.store(Some(Arc::new(Snapshot {
            stamp: snapshot.stamp,
            parsed: snapshot.parsed.clone(),
            checked_at: old,
        })));
    }

    #[test]
    fn a_changed_file_is_reloaded_once_a_check_is_due() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("list");
        write(&path, "a\nb\n");
        let file = WatchedFile::new(&path, "test.file", parse_lines);
        assert_eq!(*file.get().unwrap(), 2);
        write(&path, "a\nb\nc\n");
        assert_eq!(*file.get().unwrap(), 2, "checks are throttled");
        expire(&file);
        assert_eq!(*file.get().unwrap(), 3);
    }

    #[test]
    fn a_broken_file_is_an_error_until_it_is_fixed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("list");
        write(&path, "a\n");
        let file = WatchedFile::new(&path, "test.file", parse_lines);
        assert_eq!(*file.get().unwrap(), 1);
        write(&path, "bad\n");
        expire(&file);
        assert!(file.get().is_err());
        write(&path, "a\nb\n");
        expire(&file);
        assert_eq!(*file.get().unwrap(), 2);
    }

    static PARSE_STARTED: std::sync::Barrier = std::sync::Barrier::new(2);
    static PARSE_RELEASED: std::sync::Barrier = std::sync::Barrier::new(2);

    /// Counts lines; on a file that says "slow", waits until the test lets it finish.
    fn parse_gated(path: &Path, bytes: &[u8]) -> Result<usize> {
        if bytes.starts_with(b"slow") {
            PARSE_STARTED.wait();
            PARSE_RELEASED.wait();
        }
        parse_lines(path, bytes)
    }

    #[test]
    fn lookups_go_on_with_the_old_version_while_one_thread_reloads() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("list");
        write(&path, "a\n");
        let file = Arc::new(WatchedFile::new(&path, "test.file", parse_gated));
        assert_eq!(*file.get().unwrap(), 1);
        write(&path, "slow\nb\nc\n");
        expire(&file);
        let reloader = {
            let file = Arc::clone(&file);
            std::thread::spawn(move || *file.get().unwrap())
        };
        PARSE_STARTED.wait();
        // The reload is now in progress and held; another reader must not wait for it.
        let (sender, receiver) = std::sync::mpsc::channel();
        let reader = {
            let file = Arc::clone(&file);
            std::thread::spawn(move || sender.send(*file.get().unwrap()).unwrap())
        };
        let seen = receiver.recv_timeout(Duration::from_secs(10));
        PARSE_RELEASED.wait();
        assert_eq!(
            seen,
            Ok(1),
            "the reader got the old version without waiting"
        );
        assert_eq!(reloader.join().unwrap(), 3);
        reader.join().unwrap();
        assert_eq!(*file.get().unwrap(), 3);
    }

    #[test]
    fn a_missing_file_names_the_setting_and_the_path() {
        let file = WatchedFile::new("/nonexistent/dir.csv", "click2dial.directory", parse_lines);
        let err = file.get().unwrap_err();
        assert_eq!(
            err.message(),
            "click2dial.directory /nonexistent/dir.csv does not exist"
        );
    }

    #[test]
    fn one_watcher_per_path() {
        static FILES: WatchedFiles<usize> = WatchedFiles::new("test.file", parse_lines);
        let a = FILES.get(Path::new("/a"));
        assert!(Arc::ptr_eq(&a, &FILES.get(Path::new("/a"))));
        assert!(!Arc::ptr_eq(&a, &FILES.get(Path::new("/b"))));
    }
}
