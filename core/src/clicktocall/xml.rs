//! The XML interface over TCP: the request, the framing of the answers, and one call followed
//! on its own connection.
//!
//! The server frames a request by the literal text between its first `<` and `>`, and answers
//! each result with the whole request text and a `<Response>` spliced in after `</Request>`,
//! with no delimiter between answers (§4.2, §4.4). So:
//!
//! * [`request`] writes exactly `<ClickToCall><Request><Initiator>…</Initiator><Destination>…
//!   </Destination><AnchorCall>…</AnchorCall></Request></ClickToCall>`: no declaration and no
//!   attribute on the root (either hangs the connection for ever), nothing around the values
//!   (trailing whitespace is kept by the server and breaks translation).
//! * [`Framer`] cuts the byte stream into answers at `</ClickToCall>`, or at `</Response>` for
//!   the bare form, whatever the reads were: several answers often come in one read, and one
//!   may be split across reads (§4.6).
//! * [`parse_response`] turns one answer into a [`Response`]: the echoed request, to match it
//!   to the request sent, and the [`ResultEvent`].
//! * [`XmlCall`] is one call on one connection: the protocol has no id, and two identical
//!   requests on one connection cannot be told apart (§4.6), so a call never shares one.

use std::net::TcpStream;
use std::time::Instant;

use super::state::{call_state, CallState, Ending, Seen};
use super::{net, plain_reason, Accepted, ClickToCallSettings, Leg};
use crate::error::quoted;
use crate::{Error, ErrorKind, Result};

/// The most bytes buffered without a whole answer in them. Real answers are a few hundred
/// bytes (the invalid-URI one a little more); a peer that sends this much without a closing tag
/// is not this server.
pub const MAX_FRAME_BYTES: usize = 64 * 1024;

const ROOT_CLOSE: &[u8] = b"</ClickToCall>";
const BARE_OPEN: &[u8] = b"<Response>";
const BARE_CLOSE: &[u8] = b"</Response>";
const REQUEST_CLOSE: &str = "</Request>";

/// The request for one call. Values are trimmed (the server keeps trailing whitespace, which
/// no translation rule expects, §4.3) and XML-escaped: the server does not decode entities, so
/// an escaped `<` or `&` fails translation instead of adding elements to the request.
pub fn request(initiator: &str, destination: &str, anchor: bool) -> Result<String> {
    Ok(format!(
        "<ClickToCall><Request><Initiator>{}</Initiator><Destination>{}</Destination>\
         <AnchorCall>{anchor}</AnchorCall></Request></ClickToCall>",
        value("initiator", initiator)?,
        value("destination", destination)?,
    ))
}

/// One value of the request, trimmed, checked and escaped.
fn value(what: &str, text: &str) -> Result<String> {
    let text = text.trim();
    if text.is_empty() || text.chars().any(char::is_control) {
        return Err(Error::invalid_number(format!(
            "the {what} {} cannot be sent to the clicktocall server",
            quoted(text)
        )));
    }
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            c => escaped.push(c),
        }
    }
    Ok(escaped)
}

/// One result the server reported for a call (§4.5).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultEvent {
    /// Which call it is about; [`Leg::None`] for the 100 and the refusals.
    pub leg: Leg,
    /// 100, 180, 200, or the SIP code of a failure (≥ 300).
    pub code: u16,
    /// The server's words (`Ringing initiator`, `No translation rule for …`), made plain.
    pub reason: Option<String>,
    /// The initiator after the server's translation rules; only the 100 carries it.
    pub translated_initiator: Option<String>,
    /// The destination after the server's translation rules; only the 100 carries it.
    pub translated_destination: Option<String>,
}

impl ResultEvent {
    /// True for the last result the server sends for a request: any code ≥ 300, or a 2xx of
    /// the destination (XmlRpcServer.cxx:49). A 200 of the initiator is not final.
    pub fn is_final(&self) -> bool {
        self.code >= 300 || (self.leg == Leg::Destination && (200..300).contains(&self.code))
    }
}

/// One answer of the server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    /// The request text it echoes, up to and including `</Request>`; `None` for the bare
    /// `<Response>` form, sent when the request had no `</Request>` (§4.4).
    pub echo: Option<String>,
    /// What it reports.
    pub event: ResultEvent,
}

impl Response {
    /// True when this answers `request`: the echo is the request's text up to `</Request>`.
    pub fn answers(&self, request: &str) -> bool {
        let Some(echo) = &self.echo else {
            return false;
        };
        request
            .find(REQUEST_CLOSE)
            .is_some_and(|end| echo == &request[..end + REQUEST_CLOSE.len()])
    }
}

/// Cuts the byte stream of one connection into answers. Pure: bytes go in with
/// [`Framer::push`], whole answers come out of [`Framer::next_frame`].
#[derive(Debug, Default)]
pub struct Framer {
    buffer: Vec<u8>,
}

impl Framer {
    /// An empty framer.
    pub fn new() -> Framer {
        Framer::default()
    }

    /// Appends what a read returned.
    pub fn push(&mut self, bytes: &[u8]) {
        self.buffer.extend_from_slice(bytes);
    }

    /// The next whole answer, without the whitespace before it; `Ok(None)` while it is not all
    /// in. An error when [`MAX_FRAME_BYTES`] are buffered with no answer in them.
    pub fn next_frame(&mut self) -> Result<Option<Vec<u8>>> {
        let start = self
            .buffer
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(self.buffer.len());
        let rest = &self.buffer[start..];
        let close = if rest.starts_with(BARE_OPEN) {
            BARE_CLOSE
        } else if BARE_OPEN.starts_with(rest) {
            // Too little yet to know which form it is.
            return self.waiting();
        } else {
            ROOT_CLOSE
        };
        let Some(at) = find(rest, close) else {
            return self.waiting();
        };
        let end = start + at + close.len();
        let frame = self.buffer[start..end].to_vec();
        self.buffer.drain(..end);
        Ok(Some(frame))
    }

    fn waiting(&self) -> Result<Option<Vec<u8>>> {
        if self.buffer.len() > MAX_FRAME_BYTES {
            return Err(Error::unreachable(format!(
                "the clicktocall XML interface sent over {MAX_FRAME_BYTES} bytes that are not \
                 an answer"
            )));
        }
        Ok(None)
    }
}

/// Reads one answer (as [`Framer`] cut it).
pub fn parse_response(frame: &[u8]) -> Result<Response> {
    let text = String::from_utf8_lossy(frame);
    let malformed = || {
        Error::unreachable(format!(
            "the clicktocall XML interface sent an answer this client cannot read: {}",
            quoted(&plain_reason(&text))
        ))
    };
    let response_at = text.find("<Response>").ok_or_else(malformed)?;
    let echo = text[..response_at]
        .find(REQUEST_CLOSE)
        .map(|end| text[..end + REQUEST_CLOSE.len()].to_owned());
    let body = &text[response_at..];
    let body = &body[..body.find("</Response>").ok_or_else(malformed)?];
    let result_at = body.find("<Result").ok_or_else(malformed)?;
    let (attributes, rest) = body[result_at + "<Result".len()..]
        .split_once('>')
        .ok_or_else(malformed)?;
    let words = &rest[..rest.rfind("</Result>").ok_or_else(malformed)?];
    let code = attribute(attributes, "Code")
        .and_then(|code| code.parse::<u16>().ok())
        .ok_or_else(malformed)?;
    let leg = match attribute(attributes, "Leg") {
        None => Leg::None,
        Some("Initiator") => Leg::Initiator,
        Some("Destination") => Leg::Destination,
        Some(_) => return Err(malformed()),
    };
    let reason = plain_reason(words);
    let head = &body[..result_at];
    Ok(Response {
        echo,
        event: ResultEvent {
            leg,
            code,
            reason: (!reason.is_empty()).then_some(reason),
            translated_initiator: element(head, "TranslatedInitiator"),
            translated_destination: element(head, "TranslatedDestination"),
        },
    })
}

/// The value of `name="…"` among a tag's attributes (the server writes ASCII quotes, §6).
fn attribute<'a>(attributes: &'a str, name: &str) -> Option<&'a str> {
    let marker = format!("{name}=\"");
    let start = attributes.find(&marker)? + marker.len();
    let rest = &attributes[start..];
    Some(&rest[..rest.find('"')?])
}

/// The text of `<name>…</name>` in `text`.
fn element(text: &str, name: &str) -> Option<String> {
    let open = format!("<{name}>");
    let start = text.find(&open)? + open.len();
    let rest = &text[start..];
    let end = rest.find(&format!("</{name}>"))?;
    Some(rest[..end].trim().to_owned())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Milliseconds since the epoch now (one helper for the whole core, in `clock`).
pub use crate::clock::now_ms;

/// One call placed through the XML interface, on a connection of its own, with every result
/// read so far. Dropping it closes the connection (the server never does, §4.1, and keeps at
/// most 60), which loses the results still to come but not the call.
#[derive(Debug)]
pub struct XmlCall {
    stream: TcpStream,
    framer: Framer,
    request: String,
    anchored: bool,
    requested_at_ms: u64,
    seen: Vec<Seen>,
}

impl XmlCall {
    /// Places a call and waits, no longer than the settings' time-out, for the server to
    /// accept it (its 100) or refuse it (a 400 with no leg, the server's words in the message).
    pub fn place(
        settings: &ClickToCallSettings,
        initiator: &str,
        destination: &str,
    ) -> Result<(XmlCall, Accepted)> {
        let deadline = Instant::now() + settings.timeout;
        let address = settings.xml_address.as_deref().ok_or_else(|| {
            Error::configuration("click2dial.clicktocall_xml is not set".to_owned())
        })?;
        let request = request(initiator, destination, settings.anchor)?;
        let mut stream = net::connect(
            address,
            settings.connect_timeout,
            "clicktocall XML interface",
        )?;
        net::write_once(&mut stream, request.as_bytes(), deadline).map_err(|e| {
            Error::unreachable(format!(
                "cannot send the call to the clicktocall XML interface {address}: {e}"
            ))
        })?;
        let mut call = XmlCall {
            stream,
            framer: Framer::new(),
            request,
            anchored: settings.anchor,
            requested_at_ms: now_ms(),
            seen: Vec::new(),
        };
        let first = call.next_result(deadline)?.ok_or_else(|| {
            Error::unreachable(format!(
                "the clicktocall XML interface {address} did not answer in time"
            ))
        })?;
        let accepted = accepted(&first.event)?;
        Ok((call, accepted))
    }

    /// The next result of this call, waiting no later than `deadline`. `Ok(None)` once the
    /// deadline has passed or after the final result (the server sends nothing more, §4.5).
    /// An error when the connection closed or broke: the results still to come are lost.
    pub fn next_result(&mut self, deadline: Instant) -> Result<Option<Seen>> {
        if self.is_finished() {
            return Ok(None);
        }
        loop {
            while let Some(frame) = self.framer.next_frame()? {
                let response = parse_response(&frame)?;
                // With one connection per call every answer should be ours; one that is not
                // (an earlier client's poisoned buffer, §4.2) is no news about this call.
                if response.answers(&self.request) {
                    let seen = Seen {
                        event: response.event,
                        at_ms: now_ms(),
                    };
                    self.seen.push(seen.clone());
                    return Ok(Some(seen));
                }
            }
            let mut chunk = [0u8; 8192];
            match net::read_some(&mut self.stream, &mut chunk, deadline) {
                Ok(0) => {
                    return Err(Error::unreachable(
                        "the clicktocall XML interface closed the connection before the call's \
                         final result (it closes the oldest of 60)"
                            .to_owned(),
                    ))
                }
                Ok(n) => self.framer.push(&chunk[..n]),
                Err(e) if net::is_timeout(&e) => return Ok(None),
                Err(e) => {
                    return Err(Error::unreachable(format!(
                        "reading the clicktocall XML interface failed: {e}"
                    )))
                }
            }
        }
    }

    /// Reads results until the final one or `deadline`, and says what became of the call:
    /// ended by the client's own time-out when no final result came (§4.7), `unknown` when
    /// the connection was lost.
    pub fn follow(&mut self, deadline: Instant) -> CallState {
        loop {
            match self.next_result(deadline) {
                Ok(Some(_)) => continue,
                Ok(None) if self.is_finished() => return self.state(Ending::Following),
                Ok(None) => return self.state(Ending::TimedOut { at_ms: now_ms() }),
                Err(_) => return self.state(Ending::ReaderGone { at_ms: now_ms() }),
            }
        }
    }

    /// True once the final result was read.
    pub fn is_finished(&self) -> bool {
        self.seen.iter().any(|seen| seen.event.is_final())
    }

    /// Every result read so far, with the time it was read.
    pub fn seen(&self) -> &[Seen] {
        &self.seen
    }

    /// The connection, for the follower that takes it over.
    pub(crate) fn stream(&self) -> &TcpStream {
        &self.stream
    }

    /// The request as it was sent.
    pub fn request_text(&self) -> &str {
        &self.request
    }

    /// When the request was sent, in ms since the epoch.
    pub fn requested_at_ms(&self) -> u64 {
        self.requested_at_ms
    }

    /// What became of the call so far, given how the following of it ended.
    pub fn state(&self, ending: Ending) -> CallState {
        call_state(self.requested_at_ms, &self.seen, self.anchored, ending)
    }
}

/// What the first result says about the request: the 100 accepts it; a failure with no leg is
/// the server's refusal (no rule, missing values, invalid URI, §4.5). Any result of a leg means
/// the call was placed even though its 100 has not come first (the order is not guaranteed by
/// design, §4.6).
fn accepted(first: &ResultEvent) -> Result<Accepted> {
    if first.leg == Leg::None && first.code >= 300 {
        return Err(Error::new(
            ErrorKind::PbxRejected { status: first.code },
            format!(
                "the clicktocall server did not place the call: {}",
                first.reason.as_deref().unwrap_or("it did not say why")
            ),
        ));
    }
    Ok(Accepted {
        translated_initiator: first.translated_initiator.clone(),
        translated_destination: first.translated_destination.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference page's captured answers (§4.4), in the order the server sent them.
    const ANSWERED: [&[u8]; 5] = [
        b"<ClickToCall><Request><Initiator>2101</Initiator><Destination>2102</Destination><AnchorCall>true</AnchorCall></Request>\r\n  <Response>\r\n    <TranslatedInitiator>sip:2101@127.0.0.1:57421</TranslatedInitiator>\r\n    <TranslatedDestination>sip:2102@127.0.0.1:57421</TranslatedDestination>\r\n    <Result Code=\"100\">In progress</Result>\r\n  </Response>\r\n</ClickToCall>",
        b"<ClickToCall><Request><Initiator>2101</Initiator><Destination>2102</Destination><AnchorCall>true</AnchorCall></Request>\r\n  <Response>\r\n    <Result Code=\"180\" Leg=\"Initiator\">Ringing initiator</Result>\r\n  </Response>\r\n</ClickToCall>",
        b"<ClickToCall><Request><Initiator>2101</Initiator><Destination>2102</Destination><AnchorCall>true</AnchorCall></Request>\r\n  <Response>\r\n    <Result Code=\"200\" Leg=\"Initiator\">Connected to initiator</Result>\r\n  </Response>\r\n</ClickToCall>",
        b"<ClickToCall><Request><Initiator>2101</Initiator><Destination>2102</Destination><AnchorCall>true</AnchorCall></Request>\r\n  <Response>\r\n    <Result Code=\"180\" Leg=\"Destination\">Ringing destination</Result>\r\n  </Response>\r\n</ClickToCall>",
        b"<ClickToCall><Request><Initiator>2101</Initiator><Destination>2102</Destination><AnchorCall>true</AnchorCall></Request>\r\n  <Response>\r\n    <Result Code=\"200\" Leg=\"Destination\">Connected to destination</Result>\r\n  </Response>\r\n</ClickToCall>",
    ];

    const BUSY: &[u8] = b"<ClickToCall><Request><Initiator>3101</Initiator><Destination>2109</Destination><AnchorCall>false</AnchorCall></Request>\r\n  <Response>\r\n    <Result Code=\"486\" Leg=\"Initiator\">Failed to connect to initiator</Result>\r\n  </Response>\r\n</ClickToCall>";
    const NO_RULE: &[u8] = b"<ClickToCall><Request><Initiator>9001</Initiator><Destination>2111</Destination><AnchorCall>false</AnchorCall></Request>\r\n  <Response>\r\n    <Result Code=\"400\">No translation rule for either initiator 9001 or destination 2111</Result>\r\n  </Response>\r\n</ClickToCall>";
    const MISSING: &[u8] = b"<ClickToCall><Request><Initiator>2112</Initiator></Request>\r\n  <Response>\r\n    <Result Code=\"400\">Missing initiator and/or destination tags</Result>\r\n  </Response>\r\n</ClickToCall>";
    const PARSE_ERROR: &[u8] = b"<ClickToCall><Request><Initiator>2113</Destination></Request>\r\n  <Response>\r\n    <Result Code=\"400\">Parse error</Result>\r\n  </Response>\r\n</ClickToCall>";
    const UNKNOWN_METHOD: &[u8] =
        b"<Response>\r\n    <Result Code=\"400\">Unknown method</Result>\r\n</Response>";
    const PRETTY: &[u8] = b"<ClickToCall>\n   <Request>\n      <Initiator> 3010 </Initiator>\n      <Destination>2022</Destination>\n      <AnchorCall>false</AnchorCall>\n   </Request>\n\r\n  <Response>\r\n    <Result Code=\"400\">No translation rule for either initiator 3010  or destination 2022</Result>\r\n  </Response>\r\n</ClickToCall>";

    const REQUEST_2101: &str = "<ClickToCall><Request><Initiator>2101</Initiator><Destination>2102</Destination><AnchorCall>true</AnchorCall></Request></ClickToCall>";

    fn stream() -> Vec<u8> {
        ANSWERED.concat()
    }

    fn frames_of(reads: &[&[u8]]) -> Vec<Vec<u8>> {
        let mut framer = Framer::new();
        let mut frames = Vec::new();
        for read in reads {
            framer.push(read);
            while let Some(frame) = framer.next_frame().unwrap() {
                frames.push(frame);
            }
        }
        frames
    }

    #[test]
    fn the_request_is_exactly_what_the_server_frames_and_echoes() {
        assert_eq!(request("2101", "2102", true).unwrap(), REQUEST_2101);
    }

    #[test]
    fn values_are_trimmed_and_escaped_so_they_cannot_add_elements() {
        let text = request(" 3016 ", "1</Destination><AnchorCall>true&x", false).unwrap();
        assert_eq!(
            text,
            "<ClickToCall><Request><Initiator>3016</Initiator><Destination>1&lt;/Destination&gt;\
             &lt;AnchorCall&gt;true&amp;x</Destination><AnchorCall>false</AnchorCall></Request>\
             </ClickToCall>"
        );
        assert!(!text.starts_with("<?xml"));
    }

    #[test]
    fn a_value_with_a_line_break_or_nothing_in_it_is_refused() {
        for bad in ["20\n01", "", "   "] {
            let error = request(bad, "2", true).unwrap_err();
            assert_eq!(error.kind(), ErrorKind::InvalidNumber, "{bad:?}");
        }
    }

    #[test]
    fn the_captured_stream_in_one_read_gives_each_answer() {
        let frames = frames_of(&[&stream()]);
        assert_eq!(frames, ANSWERED.map(<[u8]>::to_vec));
    }

    #[test]
    fn the_captured_stream_split_at_every_byte_gives_the_same_answers() {
        let whole = stream();
        for split in 0..=whole.len() {
            let (a, b) = whole.split_at(split);
            assert_eq!(
                frames_of(&[a, b]),
                ANSWERED.map(<[u8]>::to_vec),
                "split at {split}"
            );
        }
    }

    #[test]
    fn the_captured_stream_one_byte_per_read_gives_the_same_answers() {
        let whole = stream();
        let reads: Vec<&[u8]> = whole.chunks(1).collect();
        assert_eq!(frames_of(&reads), ANSWERED.map(<[u8]>::to_vec));
    }

    #[test]
    fn the_bare_form_is_framed_at_its_own_closing_tag_even_when_split() {
        let mut whole = UNKNOWN_METHOD.to_vec();
        whole.extend_from_slice(BUSY);
        for split in 0..=whole.len() {
            let (a, b) = whole.split_at(split);
            assert_eq!(
                frames_of(&[a, b]),
                vec![UNKNOWN_METHOD.to_vec(), BUSY.to_vec()],
                "split at {split}"
            );
        }
    }

    #[test]
    fn whitespace_between_answers_is_not_part_of_them() {
        let frames = frames_of(&[b"\r\n", ANSWERED[1], b"\r\n  ", ANSWERED[2]]);
        assert_eq!(frames, vec![ANSWERED[1].to_vec(), ANSWERED[2].to_vec()]);
    }

    #[test]
    fn endless_bytes_without_an_answer_are_an_error_not_a_growing_buffer() {
        let mut framer = Framer::new();
        framer.push(&vec![b'x'; MAX_FRAME_BYTES + 1]);
        assert_eq!(
            framer.next_frame().unwrap_err().kind(),
            ErrorKind::PbxUnreachable
        );
    }

    #[test]
    fn the_100_carries_the_translated_addresses_and_echoes_the_request() {
        let response = parse_response(ANSWERED[0]).unwrap();
        assert!(response.answers(REQUEST_2101));
        assert_eq!(
            response.event,
            ResultEvent {
                leg: Leg::None,
                code: 100,
                reason: Some("In progress".to_owned()),
                translated_initiator: Some("sip:2101@127.0.0.1:57421".to_owned()),
                translated_destination: Some("sip:2102@127.0.0.1:57421".to_owned()),
            }
        );
        assert!(!response.event.is_final());
    }

    #[test]
    fn each_captured_result_has_its_leg_code_words_and_finality() {
        let expect = [
            (ANSWERED[1], Leg::Initiator, 180, "Ringing initiator", false),
            (
                ANSWERED[2],
                Leg::Initiator,
                200,
                "Connected to initiator",
                false,
            ),
            (
                ANSWERED[3],
                Leg::Destination,
                180,
                "Ringing destination",
                false,
            ),
            (
                ANSWERED[4],
                Leg::Destination,
                200,
                "Connected to destination",
                true,
            ),
            (
                BUSY,
                Leg::Initiator,
                486,
                "Failed to connect to initiator",
                true,
            ),
            (
                NO_RULE,
                Leg::None,
                400,
                "No translation rule for either initiator 9001 or destination 2111",
                true,
            ),
            (
                MISSING,
                Leg::None,
                400,
                "Missing initiator and/or destination tags",
                true,
            ),
            (PARSE_ERROR, Leg::None, 400, "Parse error", true),
            (UNKNOWN_METHOD, Leg::None, 400, "Unknown method", true),
            (
                PRETTY,
                Leg::None,
                400,
                "No translation rule for either initiator 3010 or destination 2022",
                true,
            ),
        ];
        for (frame, leg, code, words, last) in expect {
            let event = parse_response(frame).unwrap().event;
            assert_eq!((event.leg, event.code), (leg, code));
            assert_eq!(event.reason.as_deref(), Some(words));
            assert_eq!(event.is_final(), last, "{words}");
            assert_eq!(event.translated_initiator, None);
        }
    }

    #[test]
    fn an_answer_to_another_request_or_the_bare_form_is_not_ours() {
        assert!(!parse_response(BUSY).unwrap().answers(REQUEST_2101));
        assert!(!parse_response(UNKNOWN_METHOD)
            .unwrap()
            .answers(REQUEST_2101));
        assert!(parse_response(ANSWERED[3]).unwrap().answers(REQUEST_2101));
    }

    #[test]
    fn a_frame_that_is_not_an_answer_is_an_error() {
        for bad in [
            &b"<ClickToCall></ClickToCall>"[..],
            b"<Response><Result Code=\"x\">y</Result></Response>",
            b"<Response><Result Code=\"180\" Leg=\"Elsewhere\">y</Result></Response>",
        ] {
            assert!(parse_response(bad).is_err());
        }
    }

    #[test]
    fn the_first_result_accepts_or_refuses_the_call() {
        let hundred = parse_response(ANSWERED[0]).unwrap().event;
        assert_eq!(
            accepted(&hundred)
                .unwrap()
                .translated_destination
                .as_deref(),
            Some("sip:2102@127.0.0.1:57421")
        );
        let refused = accepted(&parse_response(NO_RULE).unwrap().event).unwrap_err();
        assert_eq!(refused.kind(), ErrorKind::PbxRejected { status: 400 });
        assert!(refused.message().contains("No translation rule"));
        // A leg's failure before the 100: the call was placed and failed, not refused.
        let busy = parse_response(BUSY).unwrap().event;
        assert_eq!(accepted(&busy).unwrap(), Accepted::default());
    }
}
