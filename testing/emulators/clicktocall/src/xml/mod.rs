//! The XML interface (reference §4): raw TCP, no authentication, no greeting; requests framed
//! by their closing tag, each handled at once; a stream of results per request, each the
//! request echoed with a `<Response>` spliced in; the server never closes a connection after a
//! final result, only to make room at its limit.

pub mod connections;
mod frame;
mod request;
mod response;

use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc::{self, UnboundedSender};

use crate::call::{self, NewCall, Refusal};
use crate::plan::{Leg, Step};
use crate::state::{Emulator, Stats};
use frame::Framer;
use request::Request;

/// The real server reads 8000 bytes at a time and appends them to the connection's buffer.
const READ_SIZE: usize = 8000;

pub async fn serve(listener: TcpListener, emulator: Arc<Emulator>) {
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _peer)) => stream,
            Err(e) => {
                eprintln!("clicktocall-emulator: XML accept failed: {e}");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        Stats::count(&emulator.stats.xml_connections);
        let admitted = emulator.xml_connections.admit();
        for _ in 0..admitted.evicted {
            Stats::count(&emulator.stats.xml_closed_by_server);
            emulator.log.say(format_args!(
                "XML: connection limit reached, the oldest connection is closed"
            ));
        }
        tokio::spawn(connection(stream, admitted, emulator.clone()));
    }
}

async fn connection(stream: TcpStream, admitted: connections::Admitted, emulator: Arc<Emulator>) {
    let (mut reader, mut writer) = stream.into_split();
    let (responses, mut outgoing) = mpsc::unbounded_channel::<Vec<u8>>();
    let writing = tokio::spawn(async move {
        while let Some(bytes) = outgoing.recv().await {
            if writer.write_all(&bytes).await.is_err() {
                return;
            }
        }
    });
    let mut framer = Framer::default();
    let mut buffer = vec![0; READ_SIZE];
    loop {
        tokio::select! {
            _ = admitted.close.notified() => break,
            read = reader.read(&mut buffer) => match read {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    framer.push(&buffer[..n]);
                    while let Some(request) = framer.next_request() {
                        handle(&emulator, request, &responses);
                    }
                }
            },
        }
    }
    // Dropping both halves closes the socket; results still on their way are lost, as on the
    // real server, while the calls go on.
    writing.abort();
    emulator.xml_connections.remove(admitted.id);
}

/// One framed request: a refusal at once, or the 100 and a call whose results follow.
fn handle(emulator: &Arc<Emulator>, request: Vec<u8>, responses: &UnboundedSender<Vec<u8>>) {
    Stats::count(&emulator.stats.xml_requests);
    let refuse = |text: &str| {
        emulator
            .log
            .say(format_args!("XML: refused (400 {text:?})"));
        let result = plain_result(400, None, text);
        let _ = responses.send(response::build(&request, &result));
    };
    let (initiator, destination, anchor) = match request::read(&request) {
        Request::ParseError => return refuse("Parse error"),
        Request::UnknownMethod => return refuse("Unknown method"),
        Request::ClickToCall {
            initiator,
            destination,
            anchor,
        } => (initiator, destination, anchor),
    };
    let accepted = match call::check(emulator, &initiator, &destination) {
        Ok(accepted) => accepted,
        Err(refusal) => return refuse(&refusal_text(&refusal, &initiator, &destination)),
    };
    let in_progress = response::Result {
        code: 100,
        leg: None,
        text: "In progress",
        translated: Some((&accepted.initiator_uri, &accepted.destination_uri)),
    };
    let _ = responses.send(response::build(&request, &in_progress));
    let sink_responses = responses.clone();
    let sink: call::Sink = Box::new(move |step: &Step| {
        let leg = match step.leg {
            Leg::Initiator => "Initiator",
            Leg::Destination => "Destination",
        };
        let result = plain_result(step.code, Some(leg), step.text());
        let _ = sink_responses.send(response::build(&request, &result));
    });
    let call = NewCall {
        interface: "xml",
        initiator: &initiator,
        destination: &destination,
        anchor,
        accepted: &accepted,
    };
    call::start(emulator, call, Some(sink));
}

fn plain_result<'a>(code: u16, leg: Option<&'a str>, text: &'a str) -> response::Result<'a> {
    response::Result {
        code,
        leg,
        text,
        translated: None,
    }
}

/// The XML interface's wording (XmlRpcServer.cxx): no full stop, unlike the HTTP page.
fn refusal_text(refusal: &Refusal, initiator: &str, destination: &str) -> String {
    match refusal {
        Refusal::Missing => "Missing initiator and/or destination tags".to_string(),
        Refusal::NoRule => format!(
            "No translation rule for either initiator {initiator} or destination {destination}"
        ),
        Refusal::InvalidUri {
            initiator_translation,
            destination_translation,
            exception,
        } => format!(
            "Invalid URI format in initiator {initiator_translation}({initiator}) or destination \
             {destination_translation}({destination}): {exception}"
        ),
    }
}
