//! The clicktocall client against the clicktocall emulator (testing/emulators/clicktocall),
//! which reproduces what the real server does on the wire: calls placed over HTTP with and
//! without authentication, each refusal the server words only in text, and calls placed over
//! XML followed through their per-leg results to the state the user is told.
//!
//! The emulator binary must be built first (`cargo build --release -p clicktocall-emulator`,
//! part of `make build`); `CLICKTOCALL_EMULATOR` may name another one. Each test has ports of
//! its own from 29000-29099.

#[path = "support/clicktocall.rs"]
mod emulator;

use std::time::{Duration, Instant};

use click2dial_core::clicktocall::http;
use click2dial_core::clicktocall::state::{State, Step};
use click2dial_core::clicktocall::xml::XmlCall;
use click2dial_core::clicktocall::{ClickToCallSettings, Leg};
use click2dial_core::ErrorKind;
use emulator::{config, Emulator, PATIENCE};

fn steps(history: &[Step]) -> Vec<(State, Leg, Option<u16>)> {
    history.iter().map(|s| (s.state, s.leg, s.code)).collect()
}

fn guard() -> Instant {
    Instant::now() + PATIENCE
}

// ---------------------------------------------------------------------------------------------
// HTTP

#[test]
fn http_call_without_auth_is_accepted_with_the_translated_addresses() {
    let emulator = Emulator::start(29000, &config(0.001, None, 60));
    let refused = http::place_call(&emulator.settings(true, None), "2001", "+2002").unwrap_err();
    // `+2002` reaches the server as `+2002` (percent-encoded, not a space), which no rule
    // matches: the value was not mangled on the way.
    assert!(
        refused.message().contains("destination +2002."),
        "{}",
        refused.message()
    );
    let accepted = http::place_call(&emulator.settings(true, None), "2001", "2002").unwrap();
    assert_eq!(
        accepted.translated_initiator.as_deref(),
        Some("sip:2001@127.0.0.1:57421")
    );
    assert_eq!(
        accepted.translated_destination.as_deref(),
        Some("sip:2002@127.0.0.1:57421")
    );
    let calls = emulator.calls();
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0]["interface"], "http");
    assert_eq!(calls[0]["anchor"], true);
    assert_eq!(calls[0]["destination"], "2002");
}

#[test]
fn http_unanchored_call_is_placed_unanchored() {
    let emulator = Emulator::start(29003, &config(0.001, None, 60));
    http::place_call(&emulator.settings(false, None), "2001", "2002").unwrap();
    assert_eq!(emulator.calls()[0]["anchor"], false);
}

#[test]
fn http_call_with_auth_sends_basic_preemptively_and_is_accepted() {
    let emulator = Emulator::start(29006, &config(0.001, Some("pa:ss"), 60));
    let settings = emulator.settings(true, Some("pa:ss"));
    let accepted = http::place_call(&settings, "2001", "2002").unwrap();
    assert_eq!(
        accepted.translated_destination.as_deref(),
        Some("sip:2002@127.0.0.1:57421")
    );
    let stats = emulator.control("GET", "/stats", "").1;
    // One request, no unauthenticated first try answered with a 401.
    assert_eq!(stats["http_requests"], 1);
    assert_eq!(emulator.calls().len(), 1);
}

#[test]
fn http_wrong_or_missing_password_is_an_authentication_error_and_places_no_call() {
    let emulator = Emulator::start(29009, &config(0.001, Some("right"), 60));
    for password in [Some("wrong"), None] {
        let error =
            http::place_call(&emulator.settings(true, password), "2001", "2002").unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Authentication { status: 401 });
        assert!(!error.message().contains("wrong"), "{}", error.message());
        assert!(!format!("{error:?}").contains("wrong"));
    }
    assert!(emulator.calls().is_empty());
}

#[test]
fn http_each_refusal_worded_in_the_page_is_pbx_rejected_400_with_the_servers_reason() {
    let emulator = Emulator::start(29012, &config(0.001, None, 60));
    let settings = emulator.settings(true, None);
    for (initiator, destination, reason) in [
        (
            "2001",
            "",
            "Missing initiator or destination URL parameters.",
        ),
        (
            "9001",
            "2001",
            "No translation rule for either initiator 9001 or destination 2001.",
        ),
        (
            "bad",
            "2001",
            "Invalid URI format in initiator sip:%zz@127.0.0.1(bad)",
        ),
    ] {
        let error = http::place_call(&settings, initiator, destination).unwrap_err();
        assert_eq!(
            error.kind(),
            ErrorKind::PbxRejected { status: 400 },
            "{initiator}"
        );
        assert_eq!(error.code(), 400);
        assert!(error.message().contains(reason), "{}", error.message());
        assert!(!error.message().contains("<p>"), "{}", error.message());
        assert!(!error.message().contains('\n'), "{}", error.message());
    }
    assert!(emulator.calls().is_empty());
}

#[test]
fn http_server_not_listening_is_unreachable() {
    // Nothing listens on this port of the range.
    let settings = ClickToCallSettings {
        http_server: "http://127.0.0.1:29099".to_owned(),
        ..ClickToCallSettings::default()
    };
    let error = http::place_call(&settings, "2001", "2002").unwrap_err();
    assert_eq!(error.kind(), ErrorKind::PbxUnreachable);
}

// ---------------------------------------------------------------------------------------------
// XML

#[test]
fn xml_call_goes_through_both_legs_to_answered() {
    let emulator = Emulator::start(29015, &config(0.001, None, 60));
    let (mut call, accepted) =
        XmlCall::place(&emulator.settings(true, None), "2101", "2102").unwrap();
    assert_eq!(
        accepted.translated_initiator.as_deref(),
        Some("sip:2101@127.0.0.1:57421")
    );
    assert_eq!(
        accepted.translated_destination.as_deref(),
        Some("sip:2102@127.0.0.1:57421")
    );
    let state = call.follow(guard());
    assert_eq!(
        (state.state, state.leg, state.code, state.reason),
        (State::Answered, Leg::Destination, None, None)
    );
    assert_eq!(
        steps(&state.history),
        vec![
            (State::Requested, Leg::None, None),
            (State::Ringing, Leg::Initiator, None),
            (State::Connected, Leg::Initiator, None),
            (State::Calling, Leg::Destination, None),
            (State::Answered, Leg::Destination, None),
        ]
    );
    // Every result the server recorded was read, in order, and times never go back.
    let record = &emulator.finished_calls(1)[0];
    assert_eq!(record["interface"], "xml");
    let codes: Vec<u64> = record["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_u64().unwrap())
        .collect();
    let read: Vec<u64> = call
        .seen()
        .iter()
        .map(|s| u64::from(s.event.code))
        .collect();
    assert_eq!(read, codes);
    assert!(state.history.windows(2).all(|w| w[0].at_ms <= w[1].at_ms));
}

#[test]
fn xml_unanchored_call_through_a_phone_that_accepts_refer_is_answered() {
    let emulator = Emulator::start(29018, &config(0.001, None, 60));
    let (mut call, _) = XmlCall::place(&emulator.settings(false, None), "5101", "2104").unwrap();
    assert_eq!(call.follow(guard()).state, State::Answered);
    assert_eq!(emulator.finished_calls(1)[0]["path"], "refer");
}

#[test]
fn xml_busy_destination_fails_on_the_destination_with_486() {
    let emulator = Emulator::start(29021, &config(0.001, None, 60));
    emulator.set_fault(r#"{"mode":"busy"}"#);
    let (mut call, _) = XmlCall::place(&emulator.settings(true, None), "2001", "2002").unwrap();
    let state = call.follow(guard());
    assert_eq!(
        (state.state, state.leg, state.code),
        (State::Failed, Leg::Destination, Some(486))
    );
    assert_eq!(
        state.reason.as_deref(),
        Some("Failed to connect to destination")
    );
    assert_eq!(state.history.last().unwrap().code, Some(486));
}

#[test]
fn xml_busy_initiator_fails_on_the_initiator_with_486() {
    let emulator = Emulator::start(29024, &config(0.001, None, 60));
    let (mut call, _) = XmlCall::place(&emulator.settings(false, None), "3101", "2109").unwrap();
    let state = call.follow(guard());
    assert_eq!(
        (state.state, state.leg, state.code),
        (State::Failed, Leg::Initiator, Some(486))
    );
    assert_eq!(
        steps(&state.history),
        vec![
            (State::Requested, Leg::None, None),
            (State::Ringing, Leg::Initiator, None),
            (State::Failed, Leg::Initiator, Some(486)),
        ]
    );
}

#[test]
fn xml_phone_the_server_gives_up_on_after_180_seconds_is_not_answered() {
    let emulator = Emulator::start(29027, &config(0.001, None, 60));
    let (mut call, _) = XmlCall::place(&emulator.settings(true, None), "4001", "2002").unwrap();
    let state = call.follow(guard());
    assert_eq!(
        (state.state, state.leg, state.code),
        (State::NotAnswered, Leg::Initiator, Some(487))
    );
}

#[test]
fn xml_unanchored_call_through_baresip_is_unknown_not_failed() {
    // The server reports 400/D for baresip's LF-only sipfrag while the phones connect (§5.3).
    let emulator = Emulator::start(29030, &config(0.001, None, 60));
    let (mut call, _) = XmlCall::place(&emulator.settings(false, None), "1002", "2108").unwrap();
    let state = call.follow(guard());
    assert_eq!(
        (state.state, state.leg, state.code),
        (State::Unknown, Leg::Destination, Some(400))
    );
}

#[test]
fn xml_each_refusal_is_pbx_rejected_400_with_the_servers_reason_and_places_no_call() {
    let emulator = Emulator::start(29033, &config(0.001, None, 60));
    let settings = emulator.settings(true, None);
    for (initiator, reason) in [
        (
            "9001",
            "No translation rule for either initiator 9001 or destination 2111",
        ),
        (
            "bad",
            "Invalid URI format in initiator sip:%zz@127.0.0.1(bad)",
        ),
        // Escaped, so it cannot add elements: it just matches no rule.
        (
            "1</Initiator>",
            "No translation rule for either initiator 1&lt;/Initiator&gt;",
        ),
    ] {
        let error = XmlCall::place(&settings, initiator, "2111").unwrap_err();
        assert_eq!(
            error.kind(),
            ErrorKind::PbxRejected { status: 400 },
            "{initiator}"
        );
        assert!(error.message().contains(reason), "{}", error.message());
        assert!(!error.message().contains('\n'), "{}", error.message());
    }
    assert!(emulator.calls().is_empty());
}

#[test]
fn xml_never_final_call_is_ended_by_the_clients_time_out_as_unknown() {
    let emulator = Emulator::start(29036, &config(0.001, None, 60));
    emulator.set_fault(r#"{"mode":"never_final"}"#);
    let (mut call, _) = XmlCall::place(&emulator.settings(true, None), "2012", "7002").unwrap();
    // The emulator says nothing more will come for this call...
    let record = &emulator.finished_calls(1)[0];
    assert!(record["final"].is_null());
    // ...so the client's own deadline is what ends it.
    let state = call.follow(Instant::now() + Duration::from_millis(300));
    assert_eq!(
        (state.state, state.leg, state.code),
        (State::Unknown, Leg::Initiator, None)
    );
    assert_eq!(
        steps(&state.history),
        vec![
            (State::Requested, Leg::None, None),
            (State::Ringing, Leg::Initiator, None),
            (State::Connected, Leg::Initiator, None),
            (State::Unknown, Leg::Initiator, None),
        ]
    );
}

#[test]
fn xml_phone_still_ringing_at_the_clients_time_out_is_not_answered() {
    // At the real time scale the server would let this phone ring for 180 s.
    let emulator = Emulator::start(29039, &config(1.0, None, 60));
    let (mut call, _) = XmlCall::place(&emulator.settings(true, None), "4001", "2002").unwrap();
    while call.seen().last().map(|s| s.event.code) != Some(180) {
        call.next_result(guard())
            .unwrap()
            .expect("the 180 of the initiator");
    }
    let state = call.follow(Instant::now() + Duration::from_millis(300));
    assert_eq!(
        (state.state, state.leg, state.code),
        (State::NotAnswered, Leg::Initiator, None)
    );
}

#[test]
fn xml_connection_closed_by_the_server_leaves_the_call_unknown() {
    // With a limit of one connection, the next call's connection makes the server close this
    // one (as the real one does at 60, §4.1): its results are lost, so nothing is guessed.
    let emulator = Emulator::start(29042, &config(1.0, None, 1));
    let settings = emulator.settings(true, None);
    let (mut first, _) = XmlCall::place(&settings, "4001", "2002").unwrap();
    let (_second, _) = XmlCall::place(&settings, "2001", "2002").unwrap();
    let state = first.follow(guard());
    assert_eq!(state.state, State::Unknown);
    assert_eq!(state.code, None);
}
