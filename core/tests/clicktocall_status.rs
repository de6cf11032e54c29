//! `status::call_status` of calls placed through the clicktocall emulator's XML interface:
//! each result sequence followed to its end by the detached follower, the never-final path
//! ended by the follow time-out, a follower that is gone, a call read after the process that
//! placed it has exited, and a call over HTTP, which tells nothing. Ports 31660-31699.

#[path = "support/clicktocall.rs"]
mod emulator;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use click2dial_core::clicktocall::state::{CallState, State};
use click2dial_core::clicktocall::Leg;
use click2dial_core::status::call_status;
use click2dial_core::{make_call, PbxKind, Settings};
use emulator::{config, look, settled, Emulator, PATIENCE};

fn site(emulator: &Emulator, xml: bool, state: &Path) -> Settings {
    Settings {
        pbx: PbxKind::ClickToCall,
        server: format!("http://127.0.0.1:{}", emulator.http),
        allow_http: true,
        clicktocall_xml: xml.then(|| format!("127.0.0.1:{}", emulator.xml)),
        clicktocall_initiator: "{extension}".to_owned(),
        state_dir: Some(state.to_owned()),
        rate_limit: 0,
        duplicate_window: Duration::ZERO,
        ..Settings::default()
    }
}

fn state_dir() -> tempfile::TempDir {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    dir
}

fn states(status: &CallState) -> Vec<(State, Leg, Option<u16>)> {
    status
        .history
        .iter()
        .map(|s| (s.state, s.leg, s.code))
        .collect()
}

#[test]
fn a_call_both_answer_is_followed_through_every_state_to_answered() {
    let emulator = Emulator::start(31660, &config(0.001, None, 60));
    let state = state_dir();
    let settings = site(&emulator, true, state.path());
    let placed = make_call(&settings, "2102", "2101", None).unwrap();
    let status = settled(&settings, &placed.call_id);
    assert_eq!(
        states(&status),
        vec![
            (State::Requested, Leg::None, None),
            (State::Ringing, Leg::Initiator, None),
            (State::Connected, Leg::Initiator, None),
            (State::Calling, Leg::Destination, None),
            (State::Answered, Leg::Destination, None),
        ]
    );
    let times: Vec<u64> = status.history.iter().map(|s| s.at_ms).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "{times:?}");
}

#[test]
fn a_busy_number_fails_on_the_destination_with_486_and_the_servers_words() {
    let emulator = Emulator::start(31663, &config(0.001, None, 60));
    let state = state_dir();
    let settings = site(&emulator, true, state.path());
    emulator.set_fault(r#"{"mode":"busy"}"#);
    let placed = make_call(&settings, "2112", "2111", None).unwrap();
    let status = settled(&settings, &placed.call_id);
    assert_eq!(
        (status.state, status.leg, status.code),
        (State::Failed, Leg::Destination, Some(486))
    );
    assert_eq!(
        status.reason.as_deref(),
        Some("Failed to connect to destination")
    );
}

#[test]
fn a_busy_initiator_fails_on_the_initiator() {
    let emulator = Emulator::start(31666, &config(0.001, None, 60));
    let state = state_dir();
    let settings = site(&emulator, true, state.path());
    let placed = make_call(&settings, "2122", "3121", None).unwrap();
    let status = settled(&settings, &placed.call_id);
    assert_eq!(
        (status.state, status.leg, status.code),
        (State::Failed, Leg::Initiator, Some(486))
    );
}

#[test]
fn a_call_the_server_never_finishes_ends_in_the_follow_time_out_as_unknown() {
    let emulator = Emulator::start(31669, &config(0.001, None, 60));
    let state = state_dir();
    let settings = Settings {
        // Longer than the emulator's whole never-final path at this scale, so the time-out
        // can only end a call that has nothing more to come.
        clicktocall_follow_timeout: Duration::from_millis(500),
        ..site(&emulator, true, state.path())
    };
    emulator.set_fault(r#"{"mode":"never_final"}"#);
    let placed = make_call(&settings, "2132", "2131", None).unwrap();
    let calls = emulator.finished_calls(1);
    assert_eq!(calls[0]["final"], serde_json::Value::Null);
    let status = settled(&settings, &placed.call_id);
    assert_eq!(
        states(&status),
        vec![
            (State::Requested, Leg::None, None),
            (State::Ringing, Leg::Initiator, None),
            (State::Connected, Leg::Initiator, None),
            (State::Unknown, Leg::Initiator, None),
        ]
    );
}

#[test]
fn when_the_follower_is_gone_without_an_end_the_state_is_unknown() {
    // At the real time scale the initiator rings for 180 s: the follower is still reading
    // when it is killed.
    let emulator = Emulator::start(31672, &config(1.0, None, 60));
    let state = state_dir();
    let settings = site(&emulator, true, state.path());
    let placed = make_call(&settings, "2142", "4141", None).unwrap();
    let pid = follower_pid(state.path(), &placed.call_id);
    let started = Instant::now();
    while call_status(&settings, &placed.call_id, &look())
        .unwrap()
        .state
        != State::Ringing
    {
        assert!(started.elapsed() < PATIENCE, "the phone never rang");
        std::thread::sleep(Duration::from_millis(10));
    }
    // SAFETY: the follower is a process this test started (through make_call).
    assert_eq!(unsafe { libc::kill(pid, libc::SIGKILL) }, 0);
    let status = settled(&settings, &placed.call_id);
    assert_eq!(status.state, State::Unknown);
    assert_eq!(status.leg, Leg::Initiator);
}

/// The follower's pid, once it has written it into the call's record.
fn follower_pid(state: &Path, id: &str) -> libc::pid_t {
    let started = Instant::now();
    loop {
        let text = std::fs::read_to_string(state.join(format!("{id}.call"))).unwrap();
        if let Some(pid) = text.lines().find_map(|l| l.strip_prefix("follower ")) {
            return pid.parse().unwrap();
        }
        assert!(started.elapsed() < PATIENCE, "no follower: {text}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Run by the next test in a process of its own (the test binary again): places a call and
/// prints its id, then exits, taking nothing of the follower with it.
#[test]
#[ignore = "a helper, run by progress_is_read_after_the_process_that_placed_the_call_exited"]
fn helper_places_a_call_and_exits() {
    let (Some(state), Some(http)) = (
        std::env::var_os("C2D_HELPER_STATE"),
        std::env::var("C2D_HELPER_PORT").ok(),
    ) else {
        return;
    };
    let http: u16 = http.parse().unwrap();
    let settings = Settings {
        pbx: PbxKind::ClickToCall,
        server: format!("http://127.0.0.1:{http}"),
        allow_http: true,
        clicktocall_xml: Some(format!("127.0.0.1:{}", http + 1)),
        clicktocall_initiator: "{extension}".to_owned(),
        state_dir: Some(state.into()),
        ..Settings::default()
    };
    let placed = make_call(&settings, "2152", "2151", None).unwrap();
    println!("CALL_ID={}", placed.call_id);
}

#[test]
fn progress_is_read_after_the_process_that_placed_the_call_exited() {
    let emulator = Emulator::start(31675, &config(0.001, None, 60));
    let state = state_dir();
    let output = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "helper_places_a_call_and_exits",
            "--include-ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("C2D_HELPER_STATE", state.path())
        .env("C2D_HELPER_PORT", emulator.http.to_string())
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    // The harness prints the test's name on the same line.
    let id = stdout
        .split("CALL_ID=")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no call id: {stdout}"))
        .to_owned();
    let settings = site(&emulator, true, state.path());
    let status = settled(&settings, &id);
    assert_eq!(status.state, State::Answered, "{status:?}");
    assert_eq!(status.history.len(), 5);
}

#[test]
fn a_call_over_http_tells_nothing_after_it_was_requested() {
    let emulator = Emulator::start(31678, &config(0.001, None, 60));
    let state = state_dir();
    let settings = site(&emulator, false, state.path());
    let placed = make_call(&settings, "2162", "2161", None).unwrap();
    let status = call_status(&settings, &placed.call_id, &look()).unwrap();
    assert_eq!(
        states(&status),
        vec![
            (State::Requested, Leg::None, None),
            (State::Unknown, Leg::None, None),
        ]
    );
}

#[test]
fn a_call_id_that_is_no_file_name_is_refused_and_an_unknown_one_is_unknown() {
    let state = state_dir();
    let settings = Settings {
        state_dir: Some(state.path().to_owned()),
        ..Settings::default()
    };
    assert!(call_status(&settings, "../../../etc/passwd", &look()).is_err());
    let status = call_status(&settings, &"0".repeat(32), &look()).unwrap();
    assert_eq!(status.state, State::Unknown);
}
