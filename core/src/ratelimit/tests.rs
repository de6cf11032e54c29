//! The limits with their files, in real temporary folders: what is shared, what is refused,
//! what is left behind. The decisions themselves are tested in `decide`; a linked, shared or
//! foreign state folder and a linked or oversized record in `core/tests/state_dir_attacks.rs`.

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::time::{Duration, SystemTime};

use super::*;

fn settings(folder: &Path, per_minute: u32, window_ms: u64, failed_logins: u32) -> Settings {
    Settings {
        rate_limit: per_minute,
        duplicate_window: Duration::from_millis(window_ms),
        failed_logins,
        state_dir: Some(folder.to_owned()),
        ..Settings::default()
    }
}

/// A private folder of this user's, as the state folder must be.
fn private_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700)).unwrap();
    dir
}

fn number(text: &str) -> DialString {
    DialString::clean(text).unwrap()
}

fn call(settings: &Settings, account: &str, to: &str) -> Result<Admission> {
    admit(settings, account, Attempt::Call(&number(to)))
}

fn accepted() -> Result<()> {
    Ok(())
}

fn wrong_pin() -> Result<()> {
    Err(Error::new(ErrorKind::Authentication { status: 401 }, "m"))
}

fn timed_out() -> Result<()> {
    Err(Error::new(ErrorKind::PbxUnreachable, "m"))
}

fn refused_connection() -> Result<()> {
    Err(Error::new(ErrorKind::PbxUnreachable, "m").unsent())
}

fn record_of(folder: &Path, account: &str) -> std::path::PathBuf {
    folder.join(record_name_of(account))
}

fn configuration_problem(result: Result<Admission>) -> String {
    let err = result.err().expect("refused");
    assert_eq!(err.kind(), ErrorKind::Configuration, "{err:?}");
    assert!(err.message().contains("nothing is sent"), "{err}");
    err.message().to_owned()
}

fn entries(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn the_same_number_twice_within_the_window_is_refused_and_others_are_not() {
    let dir = private_dir();
    let settings = settings(dir.path(), 0, 5000, 0);
    call(&settings, "206", "207").unwrap().settle(&accepted());
    let err = call(&settings, "206", "207").err().unwrap();
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
    assert!(call(&settings, "206", "208").is_ok());
    assert!(
        call(&settings, "207", "207").is_ok(),
        "other accounts are not affected"
    );
}

#[test]
fn ten_spellings_of_one_number_are_one_number_for_the_window() {
    let dir = private_dir();
    let settings = settings(dir.path(), 0, 5000, 0);
    call(&settings, "206", "+1 800 FLOWERS")
        .unwrap()
        .settle(&accepted());
    for spelling in [
        "+1 800 flowers",
        "+1-800-356-9377",
        "+1 (800) 356 9377",
        "+1.800.356.9377",
        "+1/800/FLOWERS",
        "+1 800 356 9377;user=phone",
        "+1800FLOWERS;ext=12",
        "+1 800 3569377,",
        "+18003569377",
    ] {
        let err = call(&settings, "206", spelling).err();
        assert!(
            matches!(
                err.as_ref().map(Error::kind),
                Some(ErrorKind::RateLimited { .. })
            ),
            "{spelling:?} would ring again: {err:?}"
        );
    }
}

#[test]
fn the_account_not_its_spelling_is_limited() {
    let dir = private_dir();
    let settings = settings(dir.path(), 0, 5000, 0);
    call(&settings, "bsmith", "207")
        .unwrap()
        .settle(&accepted());
    assert!(call(&settings, "BSmith", "207").is_err());
}

#[test]
fn a_call_the_pbx_cannot_have_placed_gives_its_number_back() {
    let dir = private_dir();
    let settings = settings(dir.path(), 0, 5000, 5);
    call(&settings, "206", "207").unwrap().settle(&wrong_pin());
    call(&settings, "206", "207")
        .unwrap()
        .settle(&refused_connection());
    assert!(call(&settings, "206", "207").is_ok());
}

#[test]
fn a_call_that_timed_out_keeps_its_number() {
    let dir = private_dir();
    let settings = settings(dir.path(), 0, 5000, 5);
    call(&settings, "206", "207").unwrap().settle(&timed_out());
    let err = call(&settings, "206", "207").err().unwrap();
    assert!(
        matches!(err.kind(), ErrorKind::RateLimited { .. }),
        "a slow PBX would ring the phone again: {err:?}"
    );
}

#[test]
fn the_limit_a_minute_counts_every_call_sent() {
    let dir = private_dir();
    let settings = settings(dir.path(), 3, 0, 0);
    for to in ["201", "202", "203"] {
        call(&settings, "206", to)
            .unwrap()
            .settle(&refused_connection());
    }
    let err = call(&settings, "206", "204").err().unwrap();
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
    assert!(call(&settings, "207", "204").is_ok());
}

#[test]
fn guessing_through_the_calls_in_progress_is_limited_like_calls() {
    let dir = private_dir();
    let settings = settings(dir.path(), 0, 0, 5);
    for _ in 0..5 {
        admit(&settings, "206", Attempt::ReadCalls)
            .unwrap()
            .settle(&wrong_pin());
    }
    for attempt in [Attempt::ReadCalls, Attempt::Call(&number("207"))] {
        let err = admit(&settings, "206", attempt).err().unwrap();
        assert!(
            matches!(
                err.kind(),
                ErrorKind::RateLimited {
                    retry_after_secs: 1
                }
            ),
            "{err:?}"
        );
        assert!(err.message().contains("to slow down guessing"), "{err}");
    }
    assert!(admit(&settings, "207", Attempt::ReadCalls).is_ok());
}

#[test]
fn old_calls_no_longer_count() {
    let dir = private_dir();
    let settings = settings(dir.path(), 1, 5000, 0);
    let long_ago = store::now_ms() - 60_001;
    let hash = fnv1a(number("207").canonical().as_bytes());
    fs::write(
        record_of(dir.path(), "206"),
        format!("a {long_ago}\nn {long_ago} {hash:016x}\n"),
    )
    .unwrap();
    assert!(call(&settings, "206", "207").is_ok());
}

#[test]
fn with_every_limit_off_no_file_is_touched() {
    let settings = settings(Path::new("/nonexistent/state"), 0, 0, 0);
    call(&settings, "206", "207").unwrap().settle(&accepted());
    admit(&settings, "206", Attempt::ReadCalls)
        .unwrap()
        .settle(&wrong_pin());
}

#[test]
fn the_failure_budget_stays_on_when_the_call_limits_are_off() {
    let settings = settings(Path::new("/nonexistent/state"), 0, 0, 5);
    configuration_problem(admit(&settings, "206", Attempt::ReadCalls));
    configuration_problem(call(&settings, "206", "207"));
}

#[test]
fn nothing_is_left_behind_while_the_call_limits_are_off() {
    let dir = private_dir();
    let settings = settings(dir.path(), 0, 0, 5);
    call(&settings, "206", "207").unwrap().settle(&accepted());
    admit(&settings, "206", Attempt::ReadCalls)
        .unwrap()
        .settle(&accepted());
    assert_eq!(entries(dir.path()), Vec::<String>::new());
    // A failed sign-in is kept (that is the budget), but nothing of the calls.
    admit(&settings, "206", Attempt::ReadCalls)
        .unwrap()
        .settle(&wrong_pin());
    let text = fs::read_to_string(record_of(dir.path(), "206")).unwrap();
    assert!(text.starts_with("f 1 1 "), "{text}");
    assert_eq!(text.lines().count(), 1, "{text}");
}

#[test]
fn a_folder_that_cannot_be_used_refuses_every_request() {
    let settings = settings(Path::new("/nonexistent/state"), 6, 5000, 5);
    let message = configuration_problem(call(&settings, "206", "207"));
    assert!(message.contains("/nonexistent/state"), "{message}");
}

#[test]
fn a_record_that_is_not_a_regular_file_of_this_user_is_refused() {
    let dir = private_dir();
    let settings = settings(dir.path(), 6, 5000, 5);
    let record = record_of(dir.path(), "206");
    fs::create_dir(&record).unwrap();
    assert!(configuration_problem(call(&settings, "206", "207")).contains("is a folder"));
    fs::remove_dir(&record).unwrap();

    let name = std::ffi::CString::new(record.to_str().unwrap()).unwrap();
    // SAFETY: a NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    assert!(configuration_problem(call(&settings, "206", "207")).contains("FIFO"));
    fs::remove_file(&record).unwrap();

    let elsewhere = dir.path().join("elsewhere");
    fs::write(&elsewhere, "").unwrap();
    fs::hard_link(&elsewhere, &record).unwrap();
    assert!(configuration_problem(call(&settings, "206", "207")).contains("hard links"));
    fs::remove_file(&record).unwrap();

    if crate::private_dir::effective_uid() == 0 {
        fs::write(&record, "").unwrap();
        std::os::unix::fs::chown(&record, Some(65534), Some(65534)).unwrap();
        assert!(configuration_problem(call(&settings, "206", "207")).contains("owned by uid"));
        fs::remove_file(&record).unwrap();
    }
    assert!(call(&settings, "206", "207").is_ok());
}

#[test]
fn records_are_created_private() {
    let dir = private_dir();
    let settings = settings(dir.path(), 6, 5000, 5);
    call(&settings, "206", "207").unwrap().settle(&accepted());
    let metadata = fs::metadata(record_of(dir.path(), "206")).unwrap();
    assert_eq!(metadata.mode() & 0o777, 0o600);
}

#[test]
fn a_new_record_sweeps_stale_ones_and_leaves_live_ones() {
    let dir = private_dir();
    let settings = settings(dir.path(), 6, 5000, 5);
    let new = record_name_of("206");
    let bucket = new.chars().nth(1).unwrap();
    let other_bucket = if bucket == '0' { '1' } else { '0' };
    let long_ago = SystemTime::now() - Duration::from_secs(24 * 3600);
    let write = |name: String, text: &str, old: bool| {
        let path = dir.path().join(&name);
        fs::write(&path, text).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        if old {
            fs::File::options()
                .write(true)
                .open(&path)
                .unwrap()
                .set_modified(long_ago)
                .unwrap();
        }
        name
    };
    let stale: Vec<String> = (0..3)
        .map(|i| write(format!("a{bucket}{i:014x}.calls"), "a 1\n", true))
        .collect();
    let now = store::now_ms();
    // Touched long ago but still counting (the clock says so): kept.
    let live = write(
        format!("b{bucket}{:014x}.calls", 9),
        &format!("a {now}\n"),
        true,
    );
    let recent = write(format!("c{bucket}{:014x}.calls", 9), "a 1\n", false);
    let elsewhere = write(format!("d{other_bucket}{:014x}.calls", 9), "a 1\n", true);
    let foreign = write("notes.txt".to_owned(), "", true);

    call(&settings, "206", "207").unwrap().settle(&accepted());

    let left = entries(dir.path());
    for name in &stale {
        assert!(!left.contains(name), "{name} is still there: {left:?}");
    }
    for name in [&live, &recent, &elsewhere, &foreign, &new] {
        assert!(left.contains(name), "{name} was removed: {left:?}");
    }
}

#[test]
fn workers_share_the_limits() {
    let dir = private_dir();
    let settings = settings(dir.path(), 50, 0, 0);
    let threads: Vec<_> = (0..8)
        .map(|worker| {
            let settings = settings.clone();
            std::thread::spawn(move || {
                (0..10)
                    .filter(|n| match call(&settings, "206", &format!("2{worker}{n}")) {
                        Ok(admission) => {
                            admission.settle(&accepted());
                            true
                        }
                        Err(_) => false,
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

#[test]
fn parallel_guesses_in_many_workers_get_no_further_than_the_budget() {
    let dir = private_dir();
    let settings = settings(dir.path(), 0, 0, 5);
    // Every worker holds its admission until all have decided: requests in flight together.
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(8));
    let threads: Vec<_> = (0..8)
        .map(|_| {
            let (settings, barrier) = (settings.clone(), barrier.clone());
            std::thread::spawn(move || {
                let admitted = (0..4)
                    .filter_map(|_| admit(&settings, "206", Attempt::ReadCalls).ok())
                    .collect::<Vec<_>>();
                barrier.wait();
                let count = admitted.len();
                for admission in admitted {
                    admission.settle(&wrong_pin());
                }
                count
            })
        })
        .collect();
    let admitted: usize = threads.into_iter().map(|t| t.join().unwrap()).sum();
    assert_eq!(admitted, 5);
}
