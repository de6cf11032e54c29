//! The fault switches of the control port: a busy destination, a destination nobody answers,
//! and a call that never gets a final result (reference §4.6), each with the results a
//! client sees on the XML port.

mod support;

use support::{config, results, sequence, Emulator};

fn request(initiator: &str, destination: &str) -> Vec<u8> {
    format!("<ClickToCall><Request><Initiator>{initiator}</Initiator><Destination>{destination}</Destination><AnchorCall>true</AnchorCall></Request></ClickToCall>").into_bytes()
}

fn legs(expected: &[(u64, &str)]) -> Vec<(u64, String)> {
    expected.iter().map(|(c, l)| (*c, l.to_string())).collect()
}

#[test]
fn busy_fault_makes_the_destination_486() {
    let emulator = Emulator::start("busy", &config(&[], None));
    emulator.set_fault(r#"{"mode":"busy"}"#);
    let mut xml = emulator.xml();
    xml.send(&request("2001", "2002"));
    let frames = xml.frames(5);
    assert!(support::text(&frames[4]).contains(
        "<Result Code=\"486\" Leg=\"Destination\">Failed to connect to destination</Result>"
    ));
    let call = &emulator.finished_calls(1)[0];
    assert_eq!(call["fault"]["mode"], "busy");
    assert_eq!(
        sequence(call),
        legs(&[
            (100, ""),
            (180, "Initiator"),
            (200, "Initiator"),
            (180, "Destination"),
            (486, "Destination")
        ])
    );
}

#[test]
fn no_answer_fault_cancels_the_destination_after_180_seconds() {
    let emulator = Emulator::start("no-answer", &config(&[], None));
    emulator.set_fault(r#"{"mode":"no_answer"}"#);
    let mut xml = emulator.xml();
    xml.send(&request("2001", "2002"));
    let frames = xml.frames(5);
    assert!(support::text(&frames[4]).contains("<Result Code=\"487\" Leg=\"Destination\">"));
    let call = &emulator.finished_calls(1)[0];
    assert_eq!(results(call).last().unwrap().2, 2010 + 2 + 180_000 + 1);
}

#[test]
fn never_final_fault_sends_no_final_result_ever() {
    let emulator = Emulator::start("never-final", &config(&[], None));
    emulator.set_fault(r#"{"mode":"never_final","times":1}"#);
    let mut xml = emulator.xml();
    xml.send(&request("2012", "7002"));
    let frames = xml.frames(3);
    assert!(support::text(&frames[2]).contains("<Result Code=\"200\" Leg=\"Initiator\">"));
    // The emulator says it will send nothing more for this call...
    let call = &emulator.finished_calls(1)[0];
    assert_eq!(
        sequence(call),
        legs(&[(100, ""), (180, "Initiator"), (200, "Initiator")])
    );
    assert!(call["final"].is_null());
    // ...and the next bytes on the connection are the answer to the next request: nothing
    // came for the first one in between. `times: 1` is used up, so this one is refused plainly.
    xml.send(b"<ClickToCall><Request></Request></ClickToCall>");
    assert!(support::text(&xml.frame()).contains("Missing initiator and/or destination tags"));
    assert_eq!(emulator.control("GET", "/fault", "").1["mode"], "none");
}

#[test]
fn faults_apply_to_http_calls_too_and_are_cleared() {
    let emulator = Emulator::start("fault-http", &config(&[], None));
    emulator.set_fault(r#"{"mode":"busy"}"#);
    emulator.click_to_call("initiator=2001&destination=2002");
    assert_eq!(emulator.control("DELETE", "/fault", "").0, 200);
    emulator.click_to_call("initiator=2001&destination=2002");
    let calls = emulator.finished_calls(2);
    assert_eq!(calls[0]["final"], 486);
    assert_eq!(calls[1]["final"], 200);
    assert_eq!(
        emulator.control("PUT", "/fault", r#"{"mode":"explode"}"#).0,
        400
    );
}

#[test]
fn control_port_reports_health_stats_and_clears_the_record() {
    let emulator = Emulator::start("control", &config(&[], None));
    assert_eq!(emulator.control("GET", "/health", "").0, 200);
    emulator.click_to_call("initiator=2001&destination=2002");
    let stats = emulator.stats();
    assert_eq!(stats["http_connections"], 1);
    assert_eq!(stats["http_requests"], 1);
    assert_eq!(emulator.calls().len(), 1);
    emulator.control("DELETE", "/calls", "");
    assert!(emulator.calls().is_empty());
    assert_eq!(emulator.control("GET", "/nothing", "").0, 404);
}
