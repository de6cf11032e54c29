//! The state of a placed call over lists of calls in progress recorded from the emulator (in
//! `data/activecdrs/`, as `GET /sipxconfig/rest/my/activecdrs` answered during scripted call
//! lives), read by the same parser the client uses.
//!
//! Recording: user 206 called 00301234567 at `PLACED_A` (ring 1 s, talk 1.2 s), and later 207
//! (picked up at once, long talk) and then 208 at `PLACED_B` (rings 1 s, never answered).

use click2dial_core::activecalls::{self, ActiveCall};
use click2dial_core::progress::{call_progress, CallState, TrackedCall, CLOCK_SLACK_MS};
use CallState::*;

const PLACED_A: i64 = 1_795_497_652_549;
const PLACED_B: i64 = 1_795_497_659_838;

fn recorded(name: &str) -> Vec<ActiveCall> {
    let path = format!(
        "{}/tests/data/activecdrs/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let body = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    activecalls::parse(&body).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn call<'a>(dialed: &'a str, placed_at_ms: i64, last_state: Option<CallState>) -> TrackedCall<'a> {
    TrackedCall {
        user: "206",
        user_extension: Some("206"),
        dialed,
        placed_at_ms,
        ring_timeout_ms: 30_000,
        last_state,
    }
}

#[test]
fn an_answered_call_goes_requested_ringing_connected_ended() {
    let dialed = "00301234567";
    let steps: [(&str, i64, CallState); 4] = [
        ("0-empty", 10, Requested),
        ("1-ringing", 330, Ringing),
        ("2-connected", 1_350, Connected),
        ("3-ended", 2_600, Ended),
    ];
    let mut last = None;
    for (list, after_ms, expected) in steps {
        let active = if list == "0-empty" {
            Vec::new()
        } else {
            recorded(list)
        };
        let state = call_progress(&call(dialed, PLACED_A, last), &active, PLACED_A + after_ms);
        assert_eq!(state, expected, "{list}");
        last = Some(state);
    }
}

#[test]
fn the_first_look_can_find_the_call_already_connected() {
    let active = recorded("2-connected");
    let state = call_progress(
        &call("00301234567", PLACED_A, None),
        &active,
        PLACED_A + 1_350,
    );
    assert_eq!(state, Connected);
}

#[test]
fn a_phone_nobody_picks_up_rings_then_is_not_answered_whatever_else_goes_on() {
    // The user's earlier call to 207 is still connected; it is not this call.
    let ringing = recorded("4-not-answered-ringing-beside-another-call");
    let state = call_progress(&call("208", PLACED_B, None), &ringing, PLACED_B + 330);
    assert_eq!(state, Ringing);
    let gone = recorded("5-not-answered-gone-beside-another-call");
    let state = call_progress(
        &call("208", PLACED_B, Some(Ringing)),
        &gone,
        PLACED_B + 1_400,
    );
    assert_eq!(state, NotAnswered);
    // The earlier call, followed on its own, is connected in both lists.
    let earlier = call("207", PLACED_B - 400, Some(Connected));
    assert_eq!(call_progress(&earlier, &ringing, PLACED_B + 330), Connected);
    assert_eq!(call_progress(&earlier, &gone, PLACED_B + 1_400), Connected);
}

#[test]
fn ringing_past_the_ring_timeout_is_not_answered() {
    let ringing = recorded("4-not-answered-ringing-beside-another-call");
    let state = call_progress(
        &call("208", PLACED_B, Some(Ringing)),
        &ringing,
        PLACED_B + 30_001,
    );
    assert_eq!(state, NotAnswered);
    let state = call_progress(
        &call("208", PLACED_B, Some(Ringing)),
        &ringing,
        PLACED_B + 29_999,
    );
    assert_eq!(state, Ringing);
}

#[test]
fn legs_that_started_long_before_the_call_belong_to_something_else() {
    let active = recorded("2-connected");
    let leg_start = active[0].start_ms;
    // The PBX's clock may be behind the web server's by up to CLOCK_SLACK_MS.
    let within = call("00301234567", leg_start + CLOCK_SLACK_MS, None);
    assert_eq!(
        call_progress(&within, &active, leg_start + CLOCK_SLACK_MS),
        Connected
    );
    let older = call("00301234567", leg_start + CLOCK_SLACK_MS + 1, None);
    assert_eq!(
        call_progress(&older, &active, leg_start + CLOCK_SLACK_MS + 1),
        Requested
    );
}

#[test]
fn other_peoples_calls_and_sipxconfigs_own_sample_change_nothing() {
    // sipXconfig's activecalls.rest.test.json: user4 calling user3.
    let sample = br#"{"cdrs": [{"from": "user4", "to": "user3", "start-time": 1795497652600}]}"#;
    let active = activecalls::parse(sample).unwrap();
    assert_eq!(
        call_progress(
            &call("00301234567", PLACED_A, None),
            &active,
            PLACED_A + 300
        ),
        Requested
    );
    assert_eq!(
        call_progress(
            &call("00301234567", PLACED_A, Some(Ringing)),
            &active,
            PLACED_A + 300
        ),
        NotAnswered
    );
}
