//! The XML interface against the captures of the reference page, §4
//! (`shared/reference/resiprocate-clicktocall.md`): the exact responses, the framing quirks,
//! and the result sequence and times of each case of §4.6 (times as the record gives them, in
//! the reference's milliseconds; the emulator runs them 1000 times faster).

mod support;

use support::{config, results, sequence, Emulator};

const REQUEST_2101: &[u8] = b"<ClickToCall><Request><Initiator>2101</Initiator><Destination>2102</Destination><AnchorCall>true</AnchorCall></Request></ClickToCall>";

/// §4.4, the five captured responses of the anchored call 2101 → 2102, in order.
const CAPTURED_2101: [&[u8]; 5] = [
    b"<ClickToCall><Request><Initiator>2101</Initiator><Destination>2102</Destination><AnchorCall>true</AnchorCall></Request>\r\n  <Response>\r\n    <TranslatedInitiator>sip:2101@127.0.0.1:57421</TranslatedInitiator>\r\n    <TranslatedDestination>sip:2102@127.0.0.1:57421</TranslatedDestination>\r\n    <Result Code=\"100\">In progress</Result>\r\n  </Response>\r\n</ClickToCall>",
    b"<ClickToCall><Request><Initiator>2101</Initiator><Destination>2102</Destination><AnchorCall>true</AnchorCall></Request>\r\n  <Response>\r\n    <Result Code=\"180\" Leg=\"Initiator\">Ringing initiator</Result>\r\n  </Response>\r\n</ClickToCall>",
    b"<ClickToCall><Request><Initiator>2101</Initiator><Destination>2102</Destination><AnchorCall>true</AnchorCall></Request>\r\n  <Response>\r\n    <Result Code=\"200\" Leg=\"Initiator\">Connected to initiator</Result>\r\n  </Response>\r\n</ClickToCall>",
    b"<ClickToCall><Request><Initiator>2101</Initiator><Destination>2102</Destination><AnchorCall>true</AnchorCall></Request>\r\n  <Response>\r\n    <Result Code=\"180\" Leg=\"Destination\">Ringing destination</Result>\r\n  </Response>\r\n</ClickToCall>",
    b"<ClickToCall><Request><Initiator>2101</Initiator><Destination>2102</Destination><AnchorCall>true</AnchorCall></Request>\r\n  <Response>\r\n    <Result Code=\"200\" Leg=\"Destination\">Connected to destination</Result>\r\n  </Response>\r\n</ClickToCall>",
];

/// One request on its own connection; every response until the first final one.
fn exchange(emulator: &Emulator, request: &[u8], count: usize) -> Vec<String> {
    let mut xml = emulator.xml();
    xml.send(request);
    xml.frames(count).iter().map(|f| support::text(f)).collect()
}

fn request(initiator: &str, destination: &str, anchor: bool) -> Vec<u8> {
    format!("<ClickToCall><Request><Initiator>{initiator}</Initiator><Destination>{destination}</Destination><AnchorCall>{anchor}</AnchorCall></Request></ClickToCall>").into_bytes()
}

#[test]
fn anchored_call_streams_the_captured_responses_without_delimiter() {
    let emulator = Emulator::start("anchored", &config(&[], None));
    let mut xml = emulator.xml();
    xml.send(REQUEST_2101);
    for expected in CAPTURED_2101 {
        assert_eq!(support::text(&xml.frame()), support::text(expected));
    }
    // Nothing between or after the frames, and the server keeps the connection open: a next
    // request on it is answered, and its answer is the very next bytes.
    xml.send(b"<ClickToCall><Request><Initiator>2112</Initiator></Request></ClickToCall>");
    assert_eq!(support::text(&xml.frame()), "<ClickToCall><Request><Initiator>2112</Initiator></Request>\r\n  <Response>\r\n    <Result Code=\"400\">Missing initiator and/or destination tags</Result>\r\n  </Response>\r\n</ClickToCall>");
    let call = &emulator.finished_calls(1)[0];
    // 100 @0.001, 180/I @0.002, 200/I @2.011, 180/D @2.015, 200/D @4.017 on the real server.
    assert_eq!(
        results(call),
        [
            (100, "".into(), 0),
            (180, "Initiator".into(), 2),
            (200, "Initiator".into(), 2010),
            (180, "Destination".into(), 2014),
            (200, "Destination".into(), 4016),
        ]
    );
    assert_eq!(call["path"], "anchored");
    assert_eq!(call["final"], 200);
}

#[test]
fn refusals_and_failures_are_the_captured_bytes() {
    let emulator = Emulator::start("failures", &config(&[], None));
    let busy = exchange(&emulator, &request("3101", "2109", false), 3);
    assert_eq!(busy[2], "<ClickToCall><Request><Initiator>3101</Initiator><Destination>2109</Destination><AnchorCall>false</AnchorCall></Request>\r\n  <Response>\r\n    <Result Code=\"486\" Leg=\"Initiator\">Failed to connect to initiator</Result>\r\n  </Response>\r\n</ClickToCall>");
    for (sent, captured) in [
        (&request("9001", "2111", false)[..], "<ClickToCall><Request><Initiator>9001</Initiator><Destination>2111</Destination><AnchorCall>false</AnchorCall></Request>\r\n  <Response>\r\n    <Result Code=\"400\">No translation rule for either initiator 9001 or destination 2111</Result>\r\n  </Response>\r\n</ClickToCall>"),
        (b"<ClickToCall><Request><Initiator>2112</Initiator></Request></ClickToCall>", "<ClickToCall><Request><Initiator>2112</Initiator></Request>\r\n  <Response>\r\n    <Result Code=\"400\">Missing initiator and/or destination tags</Result>\r\n  </Response>\r\n</ClickToCall>"),
        (b"<ClickToCall><Request><Initiator>2113</Destination></Request></ClickToCall>", "<ClickToCall><Request><Initiator>2113</Destination></Request>\r\n  <Response>\r\n    <Result Code=\"400\">Parse error</Result>\r\n  </Response>\r\n</ClickToCall>"),
        (b"<Foo>bar</Foo>", "<Response>\r\n    <Result Code=\"400\">Unknown method</Result>\r\n</Response>"),
    ] {
        assert_eq!(exchange(&emulator, sent, 1), [captured]);
    }
    assert_eq!(
        emulator.calls().len(),
        1,
        "only the 3101 request placed a call"
    );
}

#[test]
fn pretty_printed_request_is_echoed_with_its_own_line_endings() {
    let emulator = Emulator::start("pretty", &config(&[], None));
    let sent = b"<ClickToCall>\n   <Request>\n      <Initiator> 3010 </Initiator>\n      <Destination>2022</Destination>\n      <AnchorCall>false</AnchorCall>\n   </Request>\n</ClickToCall>";
    assert_eq!(exchange(&emulator, sent, 1), ["<ClickToCall>\n   <Request>\n      <Initiator> 3010 </Initiator>\n      <Destination>2022</Destination>\n      <AnchorCall>false</AnchorCall>\n   </Request>\n\r\n  <Response>\r\n    <Result Code=\"400\">No translation rule for either initiator 3010  or destination 2022</Result>\r\n  </Response>\r\n</ClickToCall>"]);
    // Leading whitespace of a value is stripped, trailing is kept (§4.3).
    let leading = exchange(&emulator, &request(" 3016", "2001", false), 1);
    assert!(leading[0].contains("<Result Code=\"100\">"), "{leading:?}");
    let trailing = exchange(&emulator, &request("3016 ", "2001", false), 1);
    assert!(trailing[0]
        .contains("No translation rule for either initiator 3016  or destination 2001</Result>"));
}

#[test]
fn declaration_or_root_attribute_poisons_the_connection() {
    let emulator = Emulator::start("poisoned", &config(&[], None));
    for first in [
        &b"<?xml version=\"1.0\"?>"[..],
        b"<ClickToCall xmlns=\"x\"><Request></Request></ClickToCall>",
    ] {
        let mut xml = emulator.xml();
        let mut sent = first.to_vec();
        sent.extend_from_slice(&request("2001", "2002", true));
        sent.extend_from_slice(&request("2003", "2004", true));
        xml.send(&sent);
        assert!(xml.silent_for(300), "a poisoned connection answered");
    }
    assert!(emulator.calls().is_empty());
    assert_eq!(emulator.stats()["xml_requests"], 0);
}

#[test]
fn whitespace_and_garbage_before_a_request_are_echoed() {
    let emulator = Emulator::start("prefix", &config(&[], None));
    let mut sent = b"\r\n  ".to_vec();
    sent.extend_from_slice(&request("2001", "2002", true));
    let frames = exchange(&emulator, &sent, 5);
    assert!(
        frames.iter().all(|f| f.starts_with("\r\n  <ClickToCall>")),
        "{frames:?}"
    );
    let mut sent = b"garbage text ".to_vec();
    sent.extend_from_slice(&request("2001", "2002", true));
    let frames = exchange(&emulator, &sent, 1);
    assert!(frames[0].starts_with("garbage text <ClickToCall>"));
    assert!(frames[0].contains("<Result Code=\"400\">Parse error</Result>"));
    // No `<` yet: nothing; then a request, framed with the text as its prefix.
    let mut xml = emulator.xml();
    xml.send(b"hello world");
    xml.send(&request("2001", "2002", true));
    assert!(support::text(&xml.frame()).starts_with("hello world<ClickToCall>"));
}

#[test]
fn lower_case_request_places_the_call_with_bare_responses() {
    let emulator = Emulator::start("lower", &config(&[], None));
    let frames = exchange(
        &emulator,
        b"<clicktocall><request><initiator>2001</initiator><destination>2002</destination><anchorcall>true</anchorcall></request></clicktocall>",
        5,
    );
    assert_eq!(frames[1], "<Response>\r\n    <Result Code=\"180\" Leg=\"Initiator\">Ringing initiator</Result>\r\n</Response>");
    assert!(frames[0].starts_with(
        "<Response>\r\n    <TranslatedInitiator>sip:2001@127.0.0.1:57421</TranslatedInitiator>"
    ));
    assert_eq!(emulator.finished_calls(1)[0]["anchor"], true);
}

#[test]
fn two_requests_in_one_write_interleave_and_each_echoes_its_own() {
    let emulator = Emulator::start("two", &config(&[], None));
    let a = request("2114", "2115", true);
    let b = request("3103", "2116", false);
    let mut xml = emulator.xml();
    xml.send(&[a.clone(), b"\r\n".to_vec(), b.clone()].concat());
    let frames = xml.frames(8);
    let of = |request: &[u8]| -> Vec<String> {
        let head = support::text(&request[..request.len() - "</ClickToCall>".len()]);
        frames
            .iter()
            .map(|f| support::text(f))
            .filter(|f| f.starts_with(&head))
            .map(|f| f.split("<Result ").nth(1).unwrap().to_string())
            .collect()
    };
    assert_eq!(of(&a).len(), 5);
    assert_eq!(of(&b).len(), 3);
    assert!(of(&b)[2].starts_with("Code=\"486\" Leg=\"Initiator\""));
    assert!(of(&a)[4].starts_with("Code=\"200\" Leg=\"Destination\""));
}

/// Initiator, destination, anchored, the expected `(code, leg)` results, the last one's time.
type Case = (
    &'static str,
    &'static str,
    bool,
    &'static [(u64, &'static str)],
    u64,
);

/// Each row of §4.6 that the emulator's phones reproduce: the sequence of `(code, leg)` and
/// the time of the final result (or of the last one, when none is final).
#[test]
fn each_case_of_the_reference_table_gives_its_sequence_and_times() {
    let emulator = Emulator::start("cases", &config(&[], None));
    let cases: [Case; 11] = [
        // unanchored, initiator accepts REFER, NOTIFY 180 / 200 (5101→2104)
        (
            "5101",
            "2104",
            false,
            &[
                (100, ""),
                (180, "Initiator"),
                (200, "Initiator"),
                (180, "Destination"),
                (200, "Destination"),
            ],
            4324,
        ),
        // unanchored, initiator rejects REFER → anchored fallback (6101→2105)
        (
            "6101",
            "2105",
            false,
            &[
                (100, ""),
                (180, "Initiator"),
                (200, "Initiator"),
                (180, "Destination"),
                (200, "Destination"),
            ],
            4026,
        ),
        // unanchored, baresip initiator: 400/D (1002→2108)
        (
            "1002",
            "2108",
            false,
            &[
                (100, ""),
                (180, "Initiator"),
                (200, "Initiator"),
                (400, "Destination"),
            ],
            18,
        ),
        // anchored, baresip initiator (1001→2103)
        (
            "1001",
            "2103",
            true,
            &[
                (100, ""),
                (180, "Initiator"),
                (200, "Initiator"),
                (180, "Destination"),
                (200, "Destination"),
            ],
            2017,
        ),
        // initiator unknown, 404 (1999)
        ("1999", "2001", true, &[(100, ""), (404, "Initiator")], 2),
        // destination busy, anchored (2110→3102)
        (
            "2110",
            "3102",
            true,
            &[
                (100, ""),
                (180, "Initiator"),
                (200, "Initiator"),
                (180, "Destination"),
                (486, "Destination"),
            ],
            4017,
        ),
        // destination unknown, anchored (2131→1999)
        (
            "2131",
            "1999",
            true,
            &[
                (100, ""),
                (180, "Initiator"),
                (200, "Initiator"),
                (404, "Destination"),
            ],
            2011,
        ),
        // initiator rings, never answers (4001): 487 after 180 s
        (
            "4001",
            "2001",
            true,
            &[(100, ""), (180, "Initiator"), (487, "Initiator")],
            180_007,
        ),
        // destination rings, never answers (1001→4002)
        (
            "1001",
            "4002",
            true,
            &[
                (100, ""),
                (180, "Initiator"),
                (200, "Initiator"),
                (180, "Destination"),
                (487, "Destination"),
            ],
            180_014,
        ),
        // initiator gives no response (7001), or is a closed port (8002): 408 at Timer B
        (
            "7001",
            "2001",
            true,
            &[(100, ""), (408, "Initiator")],
            32_001,
        ),
        // destination gives no response (1002→7003)
        (
            "1002",
            "7003",
            true,
            &[
                (100, ""),
                (180, "Initiator"),
                (200, "Initiator"),
                (408, "Destination"),
            ],
            32_012,
        ),
    ];
    for (initiator, destination, anchor, expected, final_ms) in cases {
        emulator.control("DELETE", "/calls", "");
        let mut xml = emulator.xml();
        xml.send(&request(initiator, destination, anchor));
        let frames = xml.frames(expected.len());
        let call = &emulator.finished_calls(1)[0];
        let expected: Vec<(u64, String)> =
            expected.iter().map(|(c, l)| (*c, l.to_string())).collect();
        assert_eq!(sequence(call), expected, "{initiator}→{destination}");
        assert_eq!(
            results(call).last().unwrap().2,
            final_ms,
            "{initiator}→{destination}"
        );
        let last = support::text(frames.last().unwrap());
        let (code, leg) = expected.last().unwrap();
        assert!(
            last.contains(&format!("<Result Code=\"{code}\" Leg=\"{leg}\">")),
            "{last}"
        );
    }
}

#[test]
fn the_oldest_of_sixty_connections_is_closed_and_its_call_goes_on() {
    // Slower time here, so the call is still ringing when its connection is closed: its
    // no-answer final comes 180 s (9 s here) after the request.
    let config = config(&[], None).replace("time_scale = 0.001", "time_scale = 0.05");
    let emulator = Emulator::start("limit", &config);
    let mut oldest = emulator.xml();
    oldest.send(&request("4001", "2001", true));
    assert_eq!(oldest.frames(2).len(), 2);
    let mut newer: Vec<_> = (0..60).map(|_| emulator.xml()).collect();
    // The 61st connection made the server close the oldest, its results lost.
    let rest = oldest
        .until_closed()
        .expect("the oldest connection was not closed");
    assert!(rest.is_empty(), "{}", support::text(&rest));
    let stats = emulator.stats();
    assert_eq!(stats["xml_closed_by_server"], 1);
    assert_eq!(stats["xml_open"], 60);
    // The newer connections still work, and the closed one's call went on to its end.
    newer[59].send(&request("2001", "2002", true));
    assert!(support::text(&newer[59].frame()).contains("Code=\"100\""));
    let calls = emulator.finished_calls(2);
    assert_eq!(calls[0]["final"], 487);
}
