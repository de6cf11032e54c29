//! Calls' records on a real `redis-server` (`click2dial.shared_state`): a call placed through
//! one web server is followed from another, whose state folder never saw it, and a follower
//! that dies is told by its lease, which lapses on Redis whichever server asks. The clicktocall
//! emulator is the PBX (ports 31720-31739, three per test); Redis listens on a socket.

#[path = "support/clicktocall.rs"]
mod emulator;
#[path = "support/redis.rs"]
mod redis;

use std::path::Path;
use std::time::{Duration, Instant};

use click2dial_core::clicktocall::state::State;
use click2dial_core::clicktocall::Leg;
use click2dial_core::status::call_status;
use click2dial_core::status::store::LEASE_MS;
use click2dial_core::{make_call, PbxKind, Settings};
use emulator::{config, look, settled_within as settled, Emulator, PATIENCE};
use redis::{private_dir, raw_command, redis_or_skip, Listen, RedisServer};

/// A web server of the site: its own state folder, the site's PBX and Redis.
fn web_server(emulator: &Emulator, redis: &RedisServer, state: &Path) -> Settings {
    Settings {
        pbx: PbxKind::ClickToCall,
        server: format!("http://127.0.0.1:{}", emulator.http),
        allow_http: true,
        clicktocall_xml: Some(format!("127.0.0.1:{}", emulator.xml)),
        clicktocall_initiator: "{extension}".to_owned(),
        state_dir: Some(state.to_owned()),
        shared_state: Some(redis.url()),
        rate_limit: 0,
        duplicate_window: Duration::ZERO,
        ..Settings::default()
    }
}

fn calls_in(folder: &Path) -> usize {
    std::fs::read_dir(folder)
        .unwrap()
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.file_name().to_string_lossy().ends_with(".call"))
        .count()
}

/// The value of `key` on the test's Redis, as RESP text.
fn get(redis: &RedisServer, key: &str) -> String {
    raw_command(redis, &["GET", key])
}

#[test]
fn a_call_placed_through_one_web_server_is_followed_from_another() {
    let Some(binary) =
        redis_or_skip("a_call_placed_through_one_web_server_is_followed_from_another")
    else {
        return;
    };
    let redis = RedisServer::start(&binary, Listen::Socket, &[]);
    let emulator = Emulator::start(31720, &config(0.001, None, 60));
    let (first_folder, second_folder) = (private_dir(), private_dir());
    let first = web_server(&emulator, &redis, first_folder.path());
    let second = web_server(&emulator, &redis, second_folder.path());
    let placed = make_call(&first, "2102", "2101", None).unwrap();
    let status = settled(&second, &placed.call_id, PATIENCE);
    let states: Vec<(State, Leg)> = status.history.iter().map(|s| (s.state, s.leg)).collect();
    assert_eq!(
        states,
        vec![
            (State::Requested, Leg::None),
            (State::Ringing, Leg::Initiator),
            (State::Connected, Leg::Initiator),
            (State::Calling, Leg::Destination),
            (State::Answered, Leg::Destination),
        ]
    );
    assert_eq!(
        calls_in(first_folder.path()) + calls_in(second_folder.path()),
        0
    );
    let key = format!("click2dial:call:{}", placed.call_id);
    assert!(get(&redis, &key).contains("click2dial-call 1"));
    let ttl: i64 = raw_command(&redis, &["PTTL", &key])
        .trim_start_matches(':')
        .trim()
        .parse()
        .unwrap();
    assert!(ttl > 0 && ttl <= 24 * 3600 * 1000, "{ttl}");
}

#[test]
fn a_living_follower_renews_its_lease_and_a_killed_one_is_unknown_once_it_lapses() {
    let Some(binary) = redis_or_skip("a_living_follower_renews_its_lease") else {
        return;
    };
    let redis = RedisServer::start(&binary, Listen::Socket, &[]);
    // At the real time scale the initiator (4xxx) rings for ever: the follower waits, and
    // renews its lease while nothing comes.
    let emulator = Emulator::start(31723, &config(1.0, None, 60));
    let (first_folder, second_folder) = (private_dir(), private_dir());
    let first = web_server(&emulator, &redis, first_folder.path());
    let second = web_server(&emulator, &redis, second_folder.path());
    let placed = make_call(&first, "2142", "4141", None).unwrap();
    let record_key = format!("click2dial:call:{}", placed.call_id);
    let started = Instant::now();
    let pid = loop {
        let text = get(&redis, &record_key);
        if let Some(pid) = text.lines().find_map(|l| l.strip_prefix("follower ")) {
            break pid.parse::<libc::pid_t>().unwrap();
        }
        assert!(started.elapsed() < PATIENCE, "no follower: {text}");
        std::thread::sleep(Duration::from_millis(5));
    };
    // Longer than one lease: only a renewed lease keeps the follower there.
    std::thread::sleep(Duration::from_millis(LEASE_MS + 2_000));
    assert_eq!(
        call_status(&second, &placed.call_id, &look())
            .unwrap()
            .state,
        State::Ringing
    );
    // SAFETY: the follower is a process this test started (through make_call).
    assert_eq!(unsafe { libc::kill(pid, libc::SIGKILL) }, 0);
    let status = settled(
        &second,
        &placed.call_id,
        Duration::from_millis(LEASE_MS) + PATIENCE,
    );
    assert_eq!((status.state, status.leg), (State::Unknown, Leg::Initiator));
}

#[test]
fn without_redis_the_records_stay_in_the_state_folder() {
    let emulator = Emulator::start(31726, &config(0.001, None, 60));
    let folder = private_dir();
    let settings = Settings {
        pbx: PbxKind::ClickToCall,
        server: format!("http://127.0.0.1:{}", emulator.http),
        allow_http: true,
        clicktocall_xml: Some(format!("127.0.0.1:{}", emulator.xml)),
        clicktocall_initiator: "{extension}".to_owned(),
        state_dir: Some(folder.path().to_owned()),
        rate_limit: 0,
        duplicate_window: Duration::ZERO,
        ..Settings::default()
    };
    let placed = make_call(&settings, "2102", "2101", None).unwrap();
    assert_eq!(
        settled(&settings, &placed.call_id, PATIENCE).state,
        State::Answered
    );
    assert_eq!(calls_in(folder.path()), 1);
}
