//! `callStatus` on sipXconfig reads the caller's calls in progress once a second per PBX
//! account, however many looks ask (tabs, workers, several followed calls): counted at a canned
//! sipXconfig, on the state folder and, for two web servers, on a real `redis-server`.

#[path = "support/canned_sipxconfig.rs"]
mod canned;
#[path = "support/redis.rs"]
mod redis;

use std::path::Path;
use std::time::Duration;

use canned::{Answers, Pbx};
use click2dial_core::pbx::Look;
use click2dial_core::progress::DEFAULT_RING_TIMEOUT_MS;
use click2dial_core::status::call_status;
use click2dial_core::status::in_progress::SHARED_FOR_MS;
use click2dial_core::{make_call, Secret, Settings};
use redis::{private_dir, redis_or_skip, Listen, RedisServer};

fn web_server(pbx: &Pbx, state: &Path, shared_state: Option<String>) -> Settings {
    Settings {
        server: format!("http://127.0.0.1:{}", pbx.port),
        allow_http: true,
        state_dir: Some(state.to_owned()),
        shared_state,
        rate_limit: 0,
        duplicate_window: Duration::ZERO,
        ..Settings::default()
    }
}

fn pin() -> Secret {
    Secret::from("1234")
}

/// One look at a call, as a tab of the plugin asks.
fn look_at(settings: &Settings, id: &str) {
    let pin = pin();
    let look = Look {
        password: Some(&pin),
        ring_timeout_ms: DEFAULT_RING_TIMEOUT_MS,
    };
    call_status(settings, id, &look).unwrap();
}

/// Places a call, then lets its millisecond pass: a list is only kept for the calls placed in
/// an earlier millisecond than it was read (the canned PBX answers within the same one).
fn place(settings: &Settings, to: &str, login: &str) -> String {
    let id = make_call(settings, to, login, Some(&pin()))
        .unwrap()
        .call_id;
    std::thread::sleep(Duration::from_millis(2));
    id
}

#[test]
fn the_looks_of_one_account_within_a_second_read_its_list_once() {
    let pbx = Pbx::start(Answers::Accepted);
    let state = private_dir();
    let settings = web_server(&pbx, state.path(), None);
    let first = place(&settings, "2001", "206");
    let second = place(&settings, "2002", "206");
    assert_eq!(pbx.requests(), 2, "two calls placed");
    // Two tabs following two calls, asking at once.
    for id in [&first, &second, &first, &second] {
        look_at(&settings, id);
    }
    assert_eq!(pbx.requests(), 3, "one list read for four looks");
    // The plugins ask 1 s after each answer: by then the kept list has lapsed.
    std::thread::sleep(Duration::from_millis(SHARED_FOR_MS + 100));
    look_at(&settings, &first);
    assert_eq!(
        pbx.requests(),
        4,
        "a look a second later reads the list again"
    );
}

#[test]
fn each_account_reads_its_own_list() {
    let pbx = Pbx::start(Answers::Accepted);
    let state = private_dir();
    let settings = web_server(&pbx, state.path(), None);
    let alice = place(&settings, "2001", "206");
    let bob = place(&settings, "2001", "207");
    look_at(&settings, &alice);
    look_at(&settings, &bob);
    assert_eq!(
        pbx.requests(),
        4,
        "two calls, one list read for each account"
    );
}

#[test]
fn two_web_servers_sharing_redis_read_an_account_s_list_once_a_second() {
    let Some(binary) = redis_or_skip("two_web_servers_sharing_redis_read_an_account_s_list_once")
    else {
        return;
    };
    let redis = RedisServer::start(&binary, Listen::Socket, &[]);
    let pbx = Pbx::start(Answers::Accepted);
    let (one, two) = (private_dir(), private_dir());
    let first = web_server(&pbx, one.path(), Some(redis.url()));
    let second = web_server(&pbx, two.path(), Some(redis.url()));
    let id = place(&first, "2001", "206");
    look_at(&first, &id);
    look_at(&second, &id);
    assert_eq!(
        pbx.requests(),
        2,
        "one call placed, one list read for both servers"
    );
}

#[test]
fn a_list_read_before_a_call_was_placed_is_not_used_for_it() {
    let pbx = Pbx::start(Answers::Accepted);
    let state = private_dir();
    let settings = web_server(&pbx, state.path(), None);
    let earlier = place(&settings, "2001", "206");
    look_at(&settings, &earlier);
    assert_eq!(pbx.requests(), 2);
    // Well within the second, but the kept list is older than the new call.
    let later = place(&settings, "2002", "206");
    look_at(&settings, &later);
    assert_eq!(
        pbx.requests(),
        4,
        "the new call's look reads the list again"
    );
    look_at(&settings, &earlier);
    assert_eq!(
        pbx.requests(),
        4,
        "and that list serves the earlier call too"
    );
}

#[test]
fn looks_that_come_at_once_wait_for_the_one_that_reads() {
    let pbx = Pbx::start(Answers::SlowAccepted);
    let state = private_dir();
    let settings = web_server(&pbx, state.path(), None);
    let id = place(&settings, "2001", "206");
    let start = std::sync::Barrier::new(4);
    std::thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(|| {
                start.wait();
                look_at(&settings, &id);
            });
        }
    });
    assert_eq!(pbx.requests(), 2, "four looks in step, one list read");
}
