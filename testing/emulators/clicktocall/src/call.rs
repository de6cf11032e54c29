//! Placing a call, the part both interfaces share: the synchronous checks that come before any
//! response (both addresses present, translated, parsed as URIs: reference §2), then the call
//! itself, which runs on its own task and reports each result to the record and, for the XML
//! interface, to the connection that asked.

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio::time::Instant;

use crate::calls::{CallRecord, ResultRecord};
use crate::fault::Fault;
use crate::plan::{self, Step};
use crate::state::Emulator;
use crate::uri;

/// When the never-final fault's initiator hangs up (the reference's "BYE at 7 s").
const HANGUP_MS: u64 = 7000;

/// Why a request placed no call. Each interface words it in its own way.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    Missing,
    NoRule,
    InvalidUri {
        initiator_translation: String,
        destination_translation: String,
        exception: String,
    },
}

/// The two addresses as the server will call them (translated and printed as URIs).
#[derive(Debug, PartialEq, Eq)]
pub struct Accepted {
    pub initiator_uri: String,
    pub destination_uri: String,
}

pub fn check(emulator: &Emulator, initiator: &str, destination: &str) -> Result<Accepted, Refusal> {
    if initiator.is_empty() || destination.is_empty() {
        return Err(Refusal::Missing);
    }
    let translator = &emulator.config.translator;
    let (Some(initiator_translation), Some(destination_translation)) = (
        translator.translate(initiator),
        translator.translate(destination),
    ) else {
        return Err(Refusal::NoRule);
    };
    let uris = uri::parse(&initiator_translation)
        .and_then(|i| uri::parse(&destination_translation).map(|d| (i, d)));
    match uris {
        Ok((initiator_uri, destination_uri)) => Ok(Accepted {
            initiator_uri,
            destination_uri,
        }),
        Err(exception) => Err(Refusal::InvalidUri {
            initiator_translation,
            destination_translation,
            exception,
        }),
    }
}

/// Where the results of a call go besides the record: the XML connection that asked.
pub type Sink = Box<dyn Fn(&Step) + Send + Sync>;

pub struct NewCall<'a> {
    pub interface: &'static str,
    pub initiator: &'a str,
    pub destination: &'a str,
    pub anchor: bool,
    pub accepted: &'a Accepted,
}

/// Records the call with its 100 and starts it; its results follow on their own task.
pub fn start(emulator: &Arc<Emulator>, call: NewCall<'_>, sink: Option<Sink>) {
    let config = &emulator.config;
    let fault = emulator.faults.take();
    let mut destination_phone = config.phone(&call.accepted.destination_uri);
    destination_phone = match fault {
        Fault::None => destination_phone,
        Fault::Busy => crate::phones::Behaviour::Busy,
        Fault::NoAnswer => crate::phones::Behaviour::NoAnswer,
        Fault::NeverFinal => crate::phones::Behaviour::NoResponse,
    };
    let plan = plan::plan(&plan::Call {
        initiator: config.phone(&call.accepted.initiator_uri),
        destination: destination_phone,
        anchor: call.anchor,
        ring_ms: config.ring_ms,
        initiator_hangs_up_ms: (fault == Fault::NeverFinal).then_some(HANGUP_MS),
    });
    let record = CallRecord {
        seq: 0,
        accepted_ms: now_ms(),
        interface: call.interface,
        initiator: call.initiator.to_string(),
        destination: call.destination.to_string(),
        translated_initiator: call.accepted.initiator_uri.clone(),
        translated_destination: call.accepted.destination_uri.clone(),
        anchor: call.anchor,
        initiator_phone: config.phone(&call.accepted.initiator_uri),
        destination_phone,
        fault,
        path: plan.path,
        results: vec![ResultRecord {
            code: 100,
            leg: None,
            text: "In progress",
            at_ms: 0,
        }],
        final_code: None,
        finished: false,
    };
    let seq = emulator.calls.add(record);
    emulator.log.say(format_args!(
        "call #{seq} ({}): {} → {}, {}; initiator {}, destination {}{}",
        call.interface,
        call.accepted.initiator_uri,
        call.accepted.destination_uri,
        if call.anchor {
            "anchored"
        } else {
            "unanchored"
        },
        config.phone(&call.accepted.initiator_uri).describe(),
        destination_phone.describe(),
        match fault {
            Fault::None => String::new(),
            other => format!(" (fault: {})", other.describe()),
        }
    ));
    tokio::spawn(run(emulator.clone(), seq, plan.steps, sink));
}

/// Sends each result at its time (scaled), and stops at the first final one.
async fn run(emulator: Arc<Emulator>, seq: u64, steps: Vec<Step>, sink: Option<Sink>) {
    let started = Instant::now();
    let scale = emulator.config.time_scale;
    for step in steps {
        let due = Duration::from_secs_f64(step.at_ms as f64 / 1000.0 * scale);
        tokio::time::sleep_until(started + due).await;
        emulator.calls.result(seq, &step);
        if let Some(sink) = &sink {
            sink(&step);
        }
        emulator.log.say(format_args!(
            "call #{seq}: {} {:?} {}",
            step.code,
            step.leg,
            step.text()
        ));
        if step.is_final() {
            emulator.calls.finish(seq);
            return;
        }
    }
    emulator.calls.finish(seq);
    emulator.log.say(format_args!(
        "call #{seq}: no final result, and none will come"
    ));
}

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}
