//! The limits against a canned sipXconfig on loopback: PIN guessing through every function,
//! one budget per PBX account, one number however it is spelled, and what a time-out keeps.
//!
//! Each test has a state folder of its own; the server counts the requests that reached it, so
//! "refused before sending" is shown by a count that does not grow.

use std::io::Write;
use std::net::TcpListener;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::Duration;

use click2dial_core::{active_calls, make_call, ErrorKind, Secret, Settings};

#[path = "support/canned_sipxconfig.rs"]
mod canned;

use canned::{Answers, Pbx};

/// Settings for a PBX on `port` with the limits kept in `state`: the default limits (6 calls a
/// minute, 5 s for the same number, 5 failed sign-ins).
fn settings(port: u16, state: &Path) -> Settings {
    Settings {
        server: format!("http://127.0.0.1:{port}"),
        allow_http: true,
        state_dir: Some(state.to_owned()),
        ..Settings::default()
    }
}

fn state_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    dir
}

fn directory(text: &str) -> tempfile::NamedTempFile {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(text.as_bytes()).unwrap();
    file
}

fn pin(text: &str) -> Secret {
    Secret::from(text)
}

fn call_kind(settings: &Settings, to: &str, login: &str) -> ErrorKind {
    match make_call(settings, to, login, Some(&pin("1234"))) {
        Ok(_) => panic!("the call to {to} was placed"),
        Err(err) => err.kind(),
    }
}

fn read_kind(settings: &Settings, login: &str) -> ErrorKind {
    match active_calls(settings, login, Some(&pin("1234"))) {
        Ok(_) => panic!("the calls in progress were read"),
        Err(err) => err.kind(),
    }
}

const WRONG_PIN: ErrorKind = ErrorKind::Authentication { status: 401 };

fn is_rate_limited(kind: ErrorKind) -> bool {
    matches!(kind, ErrorKind::RateLimited { .. })
}

#[test]
fn guessing_pins_through_active_calls_is_as_slow_as_through_make_call() {
    let pbx = Pbx::start(Answers::WrongPin);
    let state = state_dir();
    let settings = settings(pbx.port, state.path());
    for guess in 1..=5 {
        assert_eq!(read_kind(&settings, "206"), WRONG_PIN, "guess {guess}");
    }
    let refused = read_kind(&settings, "206");
    assert!(
        is_rate_limited(refused),
        "a sixth guess at once: {refused:?}"
    );
    let refused = call_kind(&settings, "207", "206");
    assert!(is_rate_limited(refused), "and through a call: {refused:?}");
    assert_eq!(pbx.requests(), 5, "the refused guesses were never sent");
}

#[test]
fn guessing_through_make_call_also_slows_active_calls() {
    let pbx = Pbx::start(Answers::WrongPin);
    let state = state_dir();
    let settings = Settings {
        rate_limit: 0,
        duplicate_window: Duration::ZERO,
        ..settings(pbx.port, state.path())
    };
    for guess in 1..=5 {
        assert_eq!(
            call_kind(&settings, "207", "206"),
            WRONG_PIN,
            "guess {guess}"
        );
    }
    assert!(is_rate_limited(read_kind(&settings, "206")));
    assert_eq!(pbx.requests(), 5);
}

#[test]
fn two_logins_of_one_pbx_account_share_one_failure_budget() {
    let pbx = Pbx::start(Answers::WrongPin);
    let state = state_dir();
    let users = directory("login,extension,sipx_user\nalice,206,\nasmith,206,\nbob,207,\n");
    let settings = Settings {
        directory: Some(users.path().to_owned()),
        ..settings(pbx.port, state.path())
    };
    for login in ["alice", "asmith", "alice", "asmith", "alice"] {
        assert_eq!(read_kind(&settings, login), WRONG_PIN, "{login}");
    }
    assert!(is_rate_limited(read_kind(&settings, "asmith")));
    assert!(is_rate_limited(read_kind(&settings, "ALICE")));
    assert_eq!(
        read_kind(&settings, "bob"),
        WRONG_PIN,
        "another account has a budget of its own"
    );
}

#[test]
fn two_logins_of_one_pbx_account_share_one_call_limit() {
    let pbx = Pbx::start(Answers::Accepted);
    let state = state_dir();
    let users = directory("login,extension,sipx_user\nalice,206,\nasmith,206,\nbob,207,206\n");
    let settings = Settings {
        directory: Some(users.path().to_owned()),
        rate_limit: 2,
        ..settings(pbx.port, state.path())
    };
    let pin = pin("0000");
    make_call(&settings, "201", "alice", Some(&pin)).unwrap();
    make_call(&settings, "202", "asmith", Some(&pin)).unwrap();
    assert!(is_rate_limited(call_kind(&settings, "203", "bob")));
    // The same number through another login of the account is the same double click.
    let settings = Settings {
        rate_limit: 0,
        ..settings
    };
    assert!(is_rate_limited(call_kind(&settings, "202", "alice")));
    assert_eq!(pbx.requests(), 2);
}

#[test]
fn ten_spellings_of_one_number_ring_once_without_a_dial_plan() {
    let pbx = Pbx::start(Answers::Accepted);
    let state = state_dir();
    let settings = Settings {
        rate_limit: 0,
        ..settings(pbx.port, state.path())
    };
    let spellings = [
        "+1 800 FLOWERS",
        "+1 800 flowers",
        "+1-800-356-9377",
        "+1 (800) 356 9377",
        "+1.800.356.9377",
        "+1/800/FLOWERS",
        "+1 800 356 9377;user=phone",
        "+1800FLOWERS;ext=12",
        "+1 800 3569377,",
        "+18003569377",
    ];
    make_call(&settings, spellings[0], "206", Some(&pin("0000"))).unwrap();
    for spelling in &spellings[1..] {
        let kind = call_kind(&settings, spelling, "206");
        assert!(is_rate_limited(kind), "{spelling:?}: {kind:?}");
    }
    assert_eq!(pbx.requests(), 1, "the phone rang once");
}

#[test]
fn a_call_that_timed_out_keeps_its_number_so_a_slow_pbx_does_not_ring_twice() {
    let pbx = Pbx::start(Answers::Nothing);
    let state = state_dir();
    let settings = Settings {
        timeout: Duration::from_millis(300),
        ..settings(pbx.port, state.path())
    };
    assert_eq!(
        call_kind(&settings, "207", "206"),
        ErrorKind::PbxUnreachable
    );
    let again = call_kind(&settings, "207", "206");
    assert!(is_rate_limited(again), "the next click: {again:?}");
    assert_eq!(pbx.requests(), 1);
}

#[test]
fn a_refused_connection_gives_the_number_back() {
    // A port nobody listens on: the connection is refused, so nothing reached a PBX.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let state = state_dir();
    let settings = settings(port, state.path());
    assert_eq!(
        call_kind(&settings, "207", "206"),
        ErrorKind::PbxUnreachable
    );
    assert_eq!(
        call_kind(&settings, "207", "206"),
        ErrorKind::PbxUnreachable
    );
}

#[test]
fn a_wrong_pin_gives_the_number_back() {
    let pbx = Pbx::start(Answers::WrongPin);
    let state = state_dir();
    let settings = settings(pbx.port, state.path());
    assert_eq!(call_kind(&settings, "207", "206"), WRONG_PIN);
    assert_eq!(call_kind(&settings, "207", "206"), WRONG_PIN);
    assert_eq!(pbx.requests(), 2);
}

#[test]
fn reading_the_calls_in_progress_leaves_no_record_behind() {
    let pbx = Pbx::start(Answers::Accepted);
    let state = state_dir();
    let settings = settings(pbx.port, state.path());
    for _ in 0..3 {
        active_calls(&settings, "206", Some(&pin("0000"))).unwrap();
    }
    assert_eq!(std::fs::read_dir(state.path()).unwrap().count(), 0);
}

#[test]
fn with_a_dial_plan_every_spelling_that_dials_the_same_string_rings_once() {
    let pbx = Pbx::start(Answers::Accepted);
    let state = state_dir();
    let plan = directory("region = \"DE\"\noutside_line = \"0\"\ninternal = '^[2-9][0-9]{2}$'\n");
    let settings = Settings {
        rate_limit: 0,
        dialplan: Some(plan.path().to_owned()),
        ..settings(pbx.port, state.path())
    };
    let first = make_call(&settings, "+49 30 1234567", "206", Some(&pin("0000"))).unwrap();
    for spelling in [
        "030 1234567",
        "+49 (30) 123 45 67",
        "0049 30 1234567",
        "tel:+49-30-1234567",
    ] {
        let kind = call_kind(&settings, spelling, "206");
        assert!(is_rate_limited(kind), "{spelling:?}: {kind:?}");
    }
    assert_eq!(first.dialed.as_str(), "00301234567");
    assert_eq!(pbx.requests(), 1);
}

fn call_records(state: &Path) -> usize {
    std::fs::read_dir(state)
        .unwrap()
        .filter(|entry| {
            let name = entry.as_ref().unwrap().file_name();
            name.to_string_lossy().ends_with(".call")
        })
        .count()
}

#[test]
fn a_placed_call_leaves_its_record_and_a_refused_one_none() {
    let state = state_dir();
    let accepting = Pbx::start(Answers::Accepted);
    let placed = make_call(
        &settings(accepting.port, state.path()),
        "2001",
        "206",
        Some(&pin("0000")),
    )
    .unwrap();
    assert_eq!(call_records(state.path()), 1);
    assert!(state
        .path()
        .join(format!("{}.call", placed.call_id))
        .exists());
    // The record is written while the PBX works on the request: a refusal removes it again.
    let refusing = Pbx::start(Answers::WrongPin);
    assert_eq!(
        call_kind(&settings(refusing.port, state.path()), "2002", "206"),
        WRONG_PIN
    );
    assert_eq!(call_records(state.path()), 1);
}
