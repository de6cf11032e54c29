//! The results an accepted call produces after its 100, and when (reference §4.5, §4.6): a pure
//! function of how the two phones behave, so the sequences can be checked without a clock.
//!
//! Times are the reference page's, in milliseconds since the request, on its loopback with
//! phones that ring `ring_ms`; the runner multiplies them by the configured time scale.

use serde::Serialize;

use crate::phones::Behaviour;

/// DUM's stale-call timer: a ringing leg is CANCELled this long after its last 1xx (§4.6).
pub const NO_ANSWER_MS: u64 = 180_000;
/// Timer B = 64×T1: a leg that never answers anything fails with 408 after this.
pub const TIMER_B_MS: u64 = 32_000;
/// From the initiator's 200 to the destination's 180 when the initiator reports the transfer
/// in NOTIFYs (observed 2.008 → 2.320 s with a SIPp phone that sent NOTIFY 180 after 0.3 s).
const REFER_NOTIFY_MS: u64 = 312;
/// From the initiator's 200 to the anchored fallback's INVITE after a REFER was rejected.
const REFER_REJECTED_MS: u64 = 10;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Leg {
    Initiator,
    Destination,
}

/// One result the server sends for a call, after its 100.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    pub at_ms: u64,
    pub code: u16,
    pub leg: Leg,
}

impl Step {
    fn new(at_ms: u64, code: u16, leg: Leg) -> Step {
        Step { at_ms, code, leg }
    }

    /// The result text, as B2BSession words it (§4.5).
    pub fn text(&self) -> &'static str {
        match (self.code, self.leg) {
            (180, Leg::Initiator) => "Ringing initiator",
            (200, Leg::Initiator) => "Connected to initiator",
            (180, Leg::Destination) => "Ringing destination",
            (200, Leg::Destination) => "Connected to destination",
            (_, Leg::Initiator) => "Failed to connect to initiator",
            (_, Leg::Destination) => "Failed to connect to destination",
        }
    }

    /// Final = code ≥ 300, or a 2xx of the destination (XmlRpcServer.cxx:49).
    pub fn is_final(&self) -> bool {
        self.code >= 300 || (self.leg == Leg::Destination && self.code >= 200)
    }
}

/// How the destination was reached, for the call record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Path {
    /// The initiator never answered: no destination leg.
    InitiatorOnly,
    Anchored,
    /// Unanchored: REFER to the initiator, progress from its NOTIFYs.
    Refer,
    /// Unanchored, REFER rejected: anchored fallback (§5.3.4).
    ReferRejectedAnchored,
}

pub struct Call {
    pub initiator: Behaviour,
    pub destination: Behaviour,
    pub anchor: bool,
    pub ring_ms: u64,
    /// The initiator hangs up this long after the request (the never-final fault).
    pub initiator_hangs_up_ms: Option<u64>,
}

pub struct Plan {
    pub steps: Vec<Step>,
    pub path: Path,
}

pub fn plan(call: &Call) -> Plan {
    let (mut steps, answered_at) = initiator_leg(call.initiator, call.ring_ms);
    let Some(answered_at) = answered_at else {
        return Plan {
            steps,
            path: Path::InitiatorOnly,
        };
    };
    let (path, start) = destination_path(call, answered_at);
    let destination = match path {
        // baresip's LF-only sipfrag does not parse as a response: 400 (§5.3.3).
        Path::Refer if call.initiator == Behaviour::AnswerAtOnce => {
            vec![Step::new(answered_at + 7, 400, Leg::Destination)]
        }
        _ => destination_leg(call.destination, start, call.ring_ms),
    };
    steps.extend(match call.initiator_hangs_up_ms {
        Some(hangup) if hangup > answered_at => hung_up(destination, hangup),
        _ => destination,
    });
    Plan { steps, path }
}

/// The initiator's results and, when it answers, when.
fn initiator_leg(phone: Behaviour, ring_ms: u64) -> (Vec<Step>, Option<u64>) {
    let i = Leg::Initiator;
    match phone {
        Behaviour::Answer | Behaviour::RejectsRefer => (
            vec![Step::new(2, 180, i), Step::new(ring_ms + 10, 200, i)],
            Some(ring_ms + 10),
        ),
        Behaviour::AnswerAtOnce => (vec![Step::new(4, 180, i), Step::new(11, 200, i)], Some(11)),
        Behaviour::Busy => (
            vec![Step::new(2, 180, i), Step::new(ring_ms + 9, 486, i)],
            None,
        ),
        Behaviour::Unknown => (vec![Step::new(2, 404, i)], None),
        Behaviour::NoAnswer => (
            vec![
                Step::new(5, 180, i),
                Step::new(5 + NO_ANSWER_MS + 2, 487, i),
            ],
            None,
        ),
        Behaviour::NoResponse => (vec![Step::new(TIMER_B_MS + 1, 408, i)], None),
    }
}

/// How the destination is reached once the initiator answered, and when its leg starts.
fn destination_path(call: &Call, answered_at: u64) -> (Path, u64) {
    if call.anchor {
        return (Path::Anchored, answered_at);
    }
    match call.initiator {
        Behaviour::RejectsRefer => (Path::ReferRejectedAnchored, answered_at + REFER_REJECTED_MS),
        _ => (Path::Refer, answered_at + REFER_NOTIFY_MS - 4),
    }
}

/// The destination's results, its leg starting at `start`.
fn destination_leg(phone: Behaviour, start: u64, ring_ms: u64) -> Vec<Step> {
    let d = Leg::Destination;
    match phone {
        Behaviour::Answer | Behaviour::RejectsRefer => vec![
            Step::new(start + 4, 180, d),
            Step::new(start + ring_ms + 6, 200, d),
        ],
        Behaviour::AnswerAtOnce => vec![Step::new(start + 2, 180, d), Step::new(start + 5, 200, d)],
        Behaviour::Busy => vec![
            Step::new(start + 2, 180, d),
            Step::new(start + ring_ms + 7, 486, d),
        ],
        Behaviour::Unknown => vec![Step::new(start + 1, 404, d)],
        Behaviour::NoAnswer => vec![
            Step::new(start + 2, 180, d),
            Step::new(start + 2 + NO_ANSWER_MS + 1, 487, d),
        ],
        Behaviour::NoResponse => vec![Step::new(start + TIMER_B_MS + 1, 408, d)],
    }
}

/// The destination's results when the initiator hangs up at `hangup`: a ringing destination
/// is CANCELled (487), one that has not answered anything is dropped silently at Timer B and
/// no final result is ever sent (§4.6).
fn hung_up(destination: Vec<Step>, hangup: u64) -> Vec<Step> {
    let (mut before, after): (Vec<Step>, Vec<Step>) =
        destination.into_iter().partition(|s| s.at_ms <= hangup);
    let ringing = before.iter().any(|s| s.code == 180);
    let ended = before.iter().any(Step::is_final);
    if !after.is_empty() && ringing && !ended {
        before.push(Step::new(hangup + 4, 487, Leg::Destination));
    }
    before
}

#[cfg(test)]
mod tests {
    use super::*;
    use Behaviour::*;

    fn results(initiator: Behaviour, destination: Behaviour, anchor: bool) -> Vec<(u64, u16, Leg)> {
        sequence(&Call {
            initiator,
            destination,
            anchor,
            ring_ms: 2000,
            initiator_hangs_up_ms: None,
        })
    }

    fn sequence(call: &Call) -> Vec<(u64, u16, Leg)> {
        plan(call)
            .steps
            .iter()
            .map(|s| (s.at_ms, s.code, s.leg))
            .collect()
    }

    const I: Leg = Leg::Initiator;
    const D: Leg = Leg::Destination;

    #[test]
    fn anchored_both_answer() {
        // 100 @0.001, 180/I @0.002, 200/I @2.011, 180/D @2.015, 200/D @4.017
        assert_eq!(
            results(Answer, Answer, true),
            [(2, 180, I), (2010, 200, I), (2014, 180, D), (4016, 200, D)]
        );
    }

    #[test]
    fn unanchored_refer_notify() {
        // 180/I @0.002, 200/I @2.008, 180/D @2.320, 200/D @4.325
        assert_eq!(
            results(Answer, Answer, false),
            [(2, 180, I), (2010, 200, I), (2322, 180, D), (4324, 200, D)]
        );
    }

    #[test]
    fn unanchored_baresip_initiator_is_400_destination() {
        assert_eq!(
            results(AnswerAtOnce, Answer, false),
            [(4, 180, I), (11, 200, I), (18, 400, D)]
        );
    }

    #[test]
    fn initiator_failures() {
        assert_eq!(results(Busy, Answer, true), [(2, 180, I), (2009, 486, I)]);
        assert_eq!(results(Unknown, Answer, true), [(2, 404, I)]);
        assert_eq!(
            results(NoAnswer, Answer, true),
            [(5, 180, I), (180_007, 487, I)]
        );
        assert_eq!(results(NoResponse, Answer, false), [(32_001, 408, I)]);
    }

    #[test]
    fn destination_failures() {
        assert_eq!(
            results(Answer, Busy, true)[2..],
            [(2012, 180, D), (4017, 486, D)]
        );
        assert_eq!(results(Answer, Unknown, true)[2..], [(2011, 404, D)]);
        assert_eq!(
            results(AnswerAtOnce, NoResponse, true)[2..],
            [(32_012, 408, D)]
        );
    }

    #[test]
    fn initiator_hangs_up_while_destination_rings_is_487() {
        let steps = sequence(&Call {
            initiator: Answer,
            destination: NoAnswer,
            anchor: true,
            ring_ms: 2000,
            initiator_hangs_up_ms: Some(7000),
        });
        assert_eq!(steps[2..], [(2012, 180, D), (7004, 487, D)]);
    }

    #[test]
    fn initiator_hangs_up_on_a_silent_destination_never_final() {
        let call = Call {
            initiator: Answer,
            destination: NoResponse,
            anchor: true,
            ring_ms: 2000,
            initiator_hangs_up_ms: Some(7000),
        };
        assert_eq!(sequence(&call), [(2, 180, I), (2010, 200, I)]);
        assert!(!plan(&call).steps.iter().any(Step::is_final));
    }

    #[test]
    fn texts_and_finality() {
        let s = Step::new(0, 200, I);
        assert_eq!(s.text(), "Connected to initiator");
        assert!(!s.is_final());
        assert!(Step::new(0, 200, D).is_final());
        assert_eq!(
            Step::new(0, 486, D).text(),
            "Failed to connect to destination"
        );
        assert!(Step::new(0, 486, I).is_final());
    }
}
