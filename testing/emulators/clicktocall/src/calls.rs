//! The record of every call the emulator placed (refusals place none): who asked for what,
//! what the rules made of it, how the phones behaved, and each result with its time. The
//! results are added as the call goes on, so a test reads the progress of a call from the
//! control port even when it came through HTTP, which shows none (§3.2).

use std::sync::Mutex;

use serde::Serialize;

use crate::fault::Fault;
use crate::phones::Behaviour;
use crate::plan::{Leg, Path, Step};

#[derive(Clone, Debug, Serialize)]
pub struct CallRecord {
    /// Counts from 1 and is never reused, not even after the record is cleared.
    pub seq: u64,
    /// When the request was accepted, in milliseconds since the Unix epoch.
    pub accepted_ms: u64,
    /// `http` or `xml`.
    pub interface: &'static str,
    pub initiator: String,
    pub destination: String,
    pub translated_initiator: String,
    pub translated_destination: String,
    pub anchor: bool,
    pub initiator_phone: Behaviour,
    pub destination_phone: Behaviour,
    pub fault: Fault,
    pub path: Path,
    /// Every result so far, in order, the 100 first.
    pub results: Vec<ResultRecord>,
    /// The final result's code once there is one (it may never come).
    #[serde(rename = "final")]
    pub final_code: Option<u16>,
    /// True once the emulator will add nothing more: after the final result, or at the end of
    /// a path that never sends one. Lets a test wait for "never" without a clock.
    pub finished: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct ResultRecord {
    pub code: u16,
    /// `Initiator`, `Destination`, or null for the 100.
    pub leg: Option<Leg>,
    pub text: &'static str,
    /// When, in the reference page's milliseconds since the request (before the time scale).
    pub at_ms: u64,
}

pub struct CallLog {
    inner: Mutex<Inner>,
}

struct Inner {
    next_seq: u64,
    calls: Vec<CallRecord>,
}

impl CallLog {
    pub fn new() -> CallLog {
        CallLog {
            inner: Mutex::new(Inner {
                next_seq: 1,
                calls: Vec::new(),
            }),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Records a new call (its `seq` is replaced) and gives its number.
    pub fn add(&self, mut call: CallRecord) -> u64 {
        let mut inner = self.lock();
        call.seq = inner.next_seq;
        inner.next_seq += 1;
        inner.calls.push(call);
        inner.next_seq - 1
    }

    /// Adds a result to call `seq`, if it is still in the record.
    pub fn result(&self, seq: u64, step: &Step) {
        let mut inner = self.lock();
        if let Some(call) = inner.calls.iter_mut().find(|c| c.seq == seq) {
            call.results.push(ResultRecord {
                code: step.code,
                leg: Some(step.leg),
                text: step.text(),
                at_ms: step.at_ms,
            });
            if step.is_final() {
                call.final_code = Some(step.code);
            }
        }
    }

    /// Marks call `seq` as having no more results to come.
    pub fn finish(&self, seq: u64) {
        if let Some(call) = self.lock().calls.iter_mut().find(|c| c.seq == seq) {
            call.finished = true;
        }
    }

    pub fn all(&self) -> Vec<CallRecord> {
        self.lock().calls.clone()
    }

    pub fn clear(&self) {
        self.lock().calls.clear();
    }
}
