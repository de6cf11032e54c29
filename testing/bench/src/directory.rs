//! `getUsernr`'s directory at 100,000 lines: first load, median lookup, and a reload after an
//! edit while other threads keep looking users up.
//!
//! Measured in the core: a PHP worker is one thread, so "meanwhile" only exists between threads
//! of one process (a threaded SAPI) or between workers, which each hold their own copy. The
//! lookup here is what `getUsernr` does past the binding: the current snapshot, then the login.

use std::fs;
use std::hint::black_box;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use click2dial_core::{Directory, WatchedFile, CHECK_INTERVAL};

use crate::latency::micros;

const READERS: usize = 2;

pub fn run(lines: usize, dir: &str) {
    let path = Path::new(dir).join("directory.csv");
    write(&path, lines, "");
    let file = Arc::new(WatchedFile::new(
        &path,
        "click2dial.directory",
        Directory::parse,
    ));

    let started = Instant::now();
    let loaded = file.get().expect("the directory loads");
    let load = started.elapsed();
    assert_eq!(loaded.len(), lines);

    let logins: Vec<String> = (0..100_000).map(|i| login((i * 7919) % lines)).collect();
    let mut times = Vec::with_capacity(logins.len());
    for login in &logins {
        let before = Instant::now();
        let found = black_box(&file)
            .get()
            .unwrap()
            .lookup(black_box(login))
            .is_some();
        times.push(before.elapsed());
        assert!(found);
    }
    times.sort_unstable();
    let median = micros(times[times.len() / 2]);

    // The edit: every extension moves, so the reload is seen in what lookups return.
    write(&path, lines, "9");
    let stop = Arc::new(AtomicBool::new(false));
    let readers: Vec<_> = (0..READERS)
        .map(|n| {
            let (file, stop) = (file.clone(), stop.clone());
            thread::spawn(move || read_until(&file, &stop, n))
        })
        .collect();
    thread::sleep(CHECK_INTERVAL * 2 + Duration::from_millis(500));
    stop.store(true, Ordering::Relaxed);
    let seen: Vec<Reader> = readers.into_iter().map(|r| r.join().unwrap()).collect();
    let reloader = seen.iter().max_by_key(|r| r.slowest).expect("readers ran");
    let (from, to) = (reloader.slowest_at, reloader.slowest_at + reloader.slowest);
    let served: usize = seen
        .iter()
        .filter(|r| !std::ptr::eq(*r, reloader))
        .map(|r| r.done.iter().filter(|&&at| at >= from && at <= to).count())
        .sum();
    let others_slowest = seen
        .iter()
        .filter(|r| !std::ptr::eq(*r, reloader))
        .map(|r| r.slowest)
        .max()
        .unwrap_or_default();
    assert!(seen.iter().all(|r| r.saw_new), "every reader sees the edit");
    let reload_ms = reloader.slowest.as_secs_f64() * 1e3;
    println!(
        "directory ({lines} lines): load {:.1} ms, median lookup {median:.3} µs, reload after an \
         edit {reload_ms:.1} ms, meanwhile {served} lookups served by the other reader (slowest \
         {:.0} µs)",
        load.as_secs_f64() * 1e3,
        micros(others_slowest)
    );
    println!("result directory_load_ms {:.2}", load.as_secs_f64() * 1e3);
    println!("result directory_median_us {median:.3}");
    println!("result directory_reload_ms {reload_ms:.2}");
    println!("result directory_served_meanwhile {served}");
    println!(
        "result directory_other_slowest_us {:.1}",
        micros(others_slowest)
    );
}

/// Writes a `lines`-line directory and parses it `times` times, untimed: for callgrind, where the
/// difference between two `times` is the cost of one parse.
pub fn parse_only(lines: usize, dir: &str, times: usize) {
    let path = Path::new(dir).join("directory-parse.csv");
    write(&path, lines, "");
    let bytes = fs::read(&path).expect("the directory can be read");
    for _ in 0..times {
        let parsed = Directory::parse(&path, black_box(&bytes)).expect("the directory parses");
        assert_eq!(parsed.len(), lines);
    }
}

struct Reader {
    slowest: Duration,
    slowest_at: Instant,
    /// When each lookup finished; only the ones during the reload matter, but which those are is
    /// only known afterwards.
    done: Vec<Instant>,
    saw_new: bool,
}

fn read_until(file: &WatchedFile<Directory>, stop: &AtomicBool, n: usize) -> Reader {
    let mut reader = Reader {
        slowest: Duration::ZERO,
        slowest_at: Instant::now(),
        done: Vec::with_capacity(1 << 22),
        saw_new: false,
    };
    let mut i = n;
    while !stop.load(Ordering::Relaxed) {
        let name = login(i % 1000);
        let before = Instant::now();
        let entry = file
            .get()
            .unwrap()
            .lookup(&name)
            .map(|e| e.extension.starts_with('9'));
        let after = Instant::now();
        reader.saw_new |= entry == Some(true);
        if after - before > reader.slowest {
            reader.slowest = after - before;
            reader.slowest_at = before;
        }
        if reader.done.len() < reader.done.capacity() {
            reader.done.push(after);
        }
        i += READERS;
    }
    reader
}

fn login(i: usize) -> String {
    format!("user{i:06}.example")
}

fn write(path: &Path, lines: usize, prefix: &str) {
    let mut text = String::with_capacity(lines * 40);
    text.push_str("login,extension,sipx_user\n");
    for i in 0..lines {
        text.push_str(&format!("{},{prefix}{},u{i}\n", login(i), 100_000 + i));
    }
    fs::write(path, text).expect("the directory can be written");
}
