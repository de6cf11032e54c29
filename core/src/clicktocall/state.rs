//! What the results of a call mean for the person who placed it: a pure function from the
//! results seen so far to a [`CallState`], with the history of every state passed.
//!
//! The server reports each leg on its own (§4.5): the initiator (the user's phone) rings and
//! answers, then the destination (the number called) rings and answers. Its final result is a
//! failure code or the destination's 200; after it the server forgets the call, so `ended` (a
//! connected call that has ended, as sipXconfig tells) is never reported here. Some paths never
//! send a final result, and a no-answer takes 180 s per leg (§4.6), so a call is followed up to
//! the client's own deadline; [`Ending`] says how that following stopped.

use super::xml::ResultEvent;
use super::Leg;

/// The state of a placed call, as the PHP API names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum State {
    /// The server has the request (and maybe accepted it); no phone rings yet.
    Requested,
    /// The user's phone rings.
    Ringing,
    /// The user picked up.
    Connected,
    /// The number called rings.
    Calling,
    /// The number called picked up: the two are connected.
    Answered,
    /// A connected call has ended (never told by this server).
    Ended,
    /// A phone rang and nobody answered it.
    NotAnswered,
    /// The call failed: busy, unknown, unreachable, or refused by the server.
    Failed,
    /// It cannot be told: the results stopped, or the server's result is not to be trusted.
    Unknown,
}

impl State {
    /// Every state, in the order a call passes them.
    pub const ALL: [State; 9] = [
        State::Requested,
        State::Ringing,
        State::Connected,
        State::Calling,
        State::Answered,
        State::Ended,
        State::NotAnswered,
        State::Failed,
        State::Unknown,
    ];

    /// The name the PHP API uses.
    pub fn name(self) -> &'static str {
        match self {
            State::Requested => "requested",
            State::Ringing => "ringing",
            State::Connected => "connected",
            State::Calling => "calling",
            State::Answered => "answered",
            State::Ended => "ended",
            State::NotAnswered => "not_answered",
            State::Failed => "failed",
            State::Unknown => "unknown",
        }
    }
}

/// A result as it was read, with the time it was read in ms since the epoch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seen {
    /// The result.
    pub event: ResultEvent,
    /// When it was read.
    pub at_ms: u64,
}

/// One state of a call's history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// The state.
    pub state: State,
    /// The leg it is about.
    pub leg: Leg,
    /// The SIP code of a failure, else `None`.
    pub code: Option<u16>,
    /// When it began, in ms since the epoch.
    pub at_ms: u64,
}

/// How the following of a call stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// Results are still being read (or the final one was).
    Following,
    /// The client's own overall time-out passed with no final result.
    TimedOut {
        /// When, in ms since the epoch.
        at_ms: u64,
    },
    /// Whoever read the results is gone (the connection closed or broke, the reader died).
    ReaderGone {
        /// When that was noticed, in ms since the epoch.
        at_ms: u64,
    },
}

/// What became of a call so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallState {
    /// The state now.
    pub state: State,
    /// The leg it is about; [`Leg::None`] before any leg was reported.
    pub leg: Leg,
    /// The SIP code of a failure, else `None`.
    pub code: Option<u16>,
    /// The server's words for a failure, else `None`.
    pub reason: Option<String>,
    /// Every state passed, oldest first, from `requested` on; two states within the same
    /// millisecond are both kept (the server passes some that fast, §4.6).
    pub history: Vec<Step>,
}

/// The state of a call requested at `requested_at_ms` whose results so far are `seen`.
/// `anchored` is what the request asked for: an unanchored call's 400 of the destination is how
/// the server reports a transfer report it could not parse (baresip's LF-only sipfrag, §5.3),
/// while the phones really connect, so it is `unknown` there rather than a failure.
pub fn call_state(
    requested_at_ms: u64,
    seen: &[Seen],
    anchored: bool,
    ending: Ending,
) -> CallState {
    let mut now = CallState {
        state: State::Requested,
        leg: Leg::None,
        code: None,
        reason: None,
        history: vec![Step {
            state: State::Requested,
            leg: Leg::None,
            code: None,
            at_ms: requested_at_ms,
        }],
    };
    for seen in seen {
        if let Some((state, failure)) = state_of(&seen.event, anchored) {
            let code = failure.then_some(seen.event.code);
            let reason = if failure {
                seen.event.reason.clone()
            } else {
                None
            };
            move_to(&mut now, state, seen.event.leg, code, reason, seen.at_ms);
        }
        if seen.event.is_final() {
            // The server sends nothing more after a final result (§4.5).
            return now;
        }
    }
    match ending {
        Ending::Following => {}
        Ending::TimedOut { at_ms } => {
            // A phone that was ringing when time ran out was not answered; before any ringing,
            // or after the user picked up (the never-final path of §4.6), nothing can be told.
            let state = match now.state {
                State::Ringing | State::Calling => State::NotAnswered,
                _ => State::Unknown,
            };
            let leg = now.leg;
            move_to(&mut now, state, leg, None, None, at_ms);
        }
        Ending::ReaderGone { at_ms } => {
            let leg = now.leg;
            move_to(&mut now, State::Unknown, leg, None, None, at_ms);
        }
    }
    now
}

/// The state one result leads to, and whether it is a failure (which carries its code and
/// words); `None` for a result that changes nothing (the 100 keeps the call `requested`).
fn state_of(event: &ResultEvent, anchored: bool) -> Option<(State, bool)> {
    let code = event.code;
    let state = match (event.leg, code) {
        (Leg::None, 300..) => (State::Failed, true),
        (Leg::None, _) => return None,
        (Leg::Initiator, 100..=199) => (State::Ringing, false),
        (Leg::Initiator, 200..=299) => (State::Connected, false),
        (Leg::Destination, 100..=199) => (State::Calling, false),
        (Leg::Destination, 200..=299) => (State::Answered, false),
        (Leg::Destination, 400) if !anchored => (State::Unknown, true),
        (_, 300..) => (failure(code), true),
        (_, _) => return None,
    };
    Some(state)
}

/// A leg's failure: 487 (the server cancelled a phone that rang 180 s, or the user hung up
/// while the number rang) and 480 (temporarily unavailable) mean nobody answered; every other
/// code (486 busy, 404 unknown, 408 no response, 603 declined, …) is a failure.
fn failure(code: u16) -> State {
    match code {
        480 | 487 => State::NotAnswered,
        _ => State::Failed,
    }
}

fn move_to(
    now: &mut CallState,
    state: State,
    leg: Leg,
    code: Option<u16>,
    reason: Option<String>,
    at_ms: u64,
) {
    let last = now.history.last();
    if last.is_none_or(|step| (step.state, step.leg, step.code) != (state, leg, code)) {
        now.history.push(Step {
            state,
            leg,
            code,
            at_ms,
        });
    }
    now.state = state;
    now.leg = leg;
    now.code = code;
    now.reason = reason;
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: u64 = 1_796_309_089_000;

    /// A result of the §4.5 table with its words, `at` ms after the request.
    fn result(code: u16, leg: Leg, at: u64) -> Seen {
        let reason = match (code, leg) {
            (100, _) => "In progress",
            (180, Leg::Initiator) => "Ringing initiator",
            (200, Leg::Initiator) => "Connected to initiator",
            (180, Leg::Destination) => "Ringing destination",
            (200, Leg::Destination) => "Connected to destination",
            (_, Leg::Initiator) => "Failed to connect to initiator",
            (_, Leg::Destination) => "Failed to connect to destination",
            (_, Leg::None) => "No translation rule for either initiator 9001 or destination 2111",
        };
        Seen {
            event: ResultEvent {
                leg,
                code,
                reason: Some(reason.to_owned()),
                translated_initiator: None,
                translated_destination: None,
            },
            at_ms: T0 + at,
        }
    }

    use Leg::{Destination as D, Initiator as I, None as N};

    fn sequence(results: &[(u16, Leg, u64)]) -> Vec<Seen> {
        results.iter().map(|&(c, l, at)| result(c, l, at)).collect()
    }

    fn states(call: &CallState) -> Vec<(State, Leg, Option<u16>, u64)> {
        call.history
            .iter()
            .map(|s| (s.state, s.leg, s.code, s.at_ms - T0))
            .collect()
    }

    fn follow(results: &[(u16, Leg, u64)], anchored: bool) -> CallState {
        call_state(T0, &sequence(results), anchored, Ending::Following)
    }

    #[test]
    fn no_result_yet_and_the_100_are_requested() {
        let call = follow(&[], true);
        assert_eq!(
            (call.state, call.leg, call.code),
            (State::Requested, N, None)
        );
        let call = follow(&[(100, N, 1)], true);
        assert_eq!(call.state, State::Requested);
        assert_eq!(states(&call), vec![(State::Requested, N, None, 0)]);
    }

    #[test]
    fn anchored_both_answer_goes_through_every_state_to_answered() {
        let call = follow(
            &[
                (100, N, 1),
                (180, I, 2),
                (200, I, 2011),
                (180, D, 2015),
                (200, D, 4017),
            ],
            true,
        );
        assert_eq!(
            (call.state, call.leg, call.code, call.reason.clone()),
            (State::Answered, D, None, None)
        );
        assert_eq!(
            states(&call),
            vec![
                (State::Requested, N, None, 0),
                (State::Ringing, I, None, 2),
                (State::Connected, I, None, 2011),
                (State::Calling, D, None, 2015),
                (State::Answered, D, None, 4017),
            ]
        );
    }

    #[test]
    fn states_passed_within_one_millisecond_are_all_kept() {
        // The baresip initiator: 200/I and 180/D in the same millisecond (§4.6).
        let call = follow(
            &[
                (100, N, 1),
                (180, I, 4),
                (200, I, 11),
                (180, D, 11),
                (200, D, 2014),
            ],
            true,
        );
        let at_11: Vec<State> = states(&call)
            .into_iter()
            .filter(|s| s.3 == 11)
            .map(|s| s.0)
            .collect();
        assert_eq!(at_11, vec![State::Connected, State::Calling]);
    }

    #[test]
    fn unanchored_refer_accepted_and_refer_rejected_fallback_are_answered() {
        for results in [
            [
                (100, N, 1),
                (180, I, 2),
                (200, I, 2008),
                (180, D, 2320),
                (200, D, 4325),
            ],
            [
                (100, N, 1),
                (180, I, 2),
                (200, I, 2007),
                (180, D, 2021),
                (200, D, 4024),
            ],
        ] {
            let call = follow(&results, false);
            assert_eq!(call.state, State::Answered);
            assert_eq!(call.history.len(), 5);
        }
    }

    #[test]
    fn unanchored_400_of_the_destination_is_unknown_because_the_phones_may_be_connected() {
        let call = follow(&[(100, N, 1), (180, I, 2), (200, I, 2), (400, D, 9)], false);
        assert_eq!(
            (call.state, call.leg, call.code),
            (State::Unknown, D, Some(400))
        );
        assert_eq!(
            call.reason.as_deref(),
            Some("Failed to connect to destination")
        );
        // Anchored, the destination itself said 400: a failure.
        let call = follow(&[(100, N, 1), (180, I, 2), (200, I, 2), (400, D, 9)], true);
        assert_eq!(call.state, State::Failed);
    }

    #[test]
    fn initiator_busy_or_unknown_or_silent_fails_on_the_initiator_with_its_code() {
        for (results, code) in [
            (vec![(100, N, 14), (180, I, 15), (486, I, 2009)], 486),
            (vec![(100, N, 1), (404, I, 2)], 404),
            (vec![(100, N, 1), (408, I, 32001)], 408),
        ] {
            let call = follow(&results, true);
            assert_eq!(
                (call.state, call.leg, call.code),
                (State::Failed, I, Some(code))
            );
            assert_eq!(
                call.reason.as_deref(),
                Some("Failed to connect to initiator")
            );
            let last = call.history.last().unwrap();
            assert_eq!((last.state, last.code), (State::Failed, Some(code)));
        }
    }

    #[test]
    fn destination_busy_or_unknown_or_silent_fails_on_the_destination_with_its_code() {
        for (results, code) in [
            (
                vec![
                    (100, N, 1),
                    (180, I, 2),
                    (200, I, 2009),
                    (180, D, 2011),
                    (486, D, 4016),
                ],
                486,
            ),
            (
                vec![(100, N, 1), (180, I, 2), (200, I, 2008), (404, D, 2009)],
                404,
            ),
            (
                vec![(100, N, 1), (180, I, 2), (200, I, 4), (408, D, 32005)],
                408,
            ),
        ] {
            let call = follow(&results, true);
            assert_eq!(
                (call.state, call.leg, call.code),
                (State::Failed, D, Some(code))
            );
        }
    }

    #[test]
    fn a_phone_that_rang_until_the_server_cancelled_it_is_not_answered() {
        let call = follow(&[(100, N, 1), (180, I, 5), (487, I, 180_007)], true);
        assert_eq!(
            (call.state, call.leg, call.code),
            (State::NotAnswered, I, Some(487))
        );
        let call = follow(
            &[
                (100, N, 1),
                (180, I, 2),
                (200, I, 3),
                (180, D, 6),
                (487, D, 180_009),
            ],
            true,
        );
        assert_eq!(
            (call.state, call.leg, call.code),
            (State::NotAnswered, D, Some(487))
        );
    }

    #[test]
    fn the_initiator_hanging_up_while_the_number_rings_is_not_answered() {
        let call = follow(
            &[
                (100, N, 1),
                (180, I, 2),
                (200, I, 2010),
                (180, D, 2011),
                (487, D, 7015),
            ],
            true,
        );
        assert_eq!((call.state, call.leg), (State::NotAnswered, D));
    }

    #[test]
    fn a_refusal_is_failed_with_no_leg_and_the_servers_words() {
        let call = follow(&[(400, N, 1)], true);
        assert_eq!(
            (call.state, call.leg, call.code),
            (State::Failed, N, Some(400))
        );
        assert!(call.reason.unwrap().starts_with("No translation rule"));
    }

    #[test]
    fn never_final_is_connected_while_followed_and_unknown_after_the_time_out() {
        let results = sequence(&[(100, N, 1), (180, I, 2), (200, I, 2010)]);
        let open = call_state(T0, &results, true, Ending::Following);
        assert_eq!(open.state, State::Connected);
        let timed_out = call_state(
            T0,
            &results,
            true,
            Ending::TimedOut {
                at_ms: T0 + 400_000,
            },
        );
        assert_eq!(
            (timed_out.state, timed_out.leg, timed_out.code),
            (State::Unknown, I, None)
        );
        assert_eq!(
            timed_out.history.last().unwrap(),
            &Step {
                state: State::Unknown,
                leg: I,
                code: None,
                at_ms: T0 + 400_000
            }
        );
    }

    #[test]
    fn a_phone_still_ringing_at_the_time_out_is_not_answered() {
        for results in [
            sequence(&[(100, N, 1), (180, I, 5)]),
            sequence(&[(100, N, 1), (180, I, 2), (200, I, 3), (180, D, 6)]),
        ] {
            let call = call_state(T0, &results, true, Ending::TimedOut { at_ms: T0 + 9 });
            assert_eq!((call.state, call.code), (State::NotAnswered, None));
        }
        let nothing = call_state(
            T0,
            &sequence(&[(100, N, 1)]),
            true,
            Ending::TimedOut { at_ms: T0 + 9 },
        );
        assert_eq!(nothing.state, State::Unknown);
    }

    #[test]
    fn when_the_reader_is_gone_the_state_is_unknown_not_a_guess() {
        let results = sequence(&[(100, N, 1), (180, I, 2)]);
        let call = call_state(T0, &results, true, Ending::ReaderGone { at_ms: T0 + 3 });
        assert_eq!(call.state, State::Unknown);
    }

    #[test]
    fn a_final_result_stands_whatever_comes_or_ends_after_it() {
        let results = sequence(&[(100, N, 1), (180, I, 2), (486, I, 3), (200, I, 4)]);
        let call = call_state(T0, &results, true, Ending::ReaderGone { at_ms: T0 + 9 });
        assert_eq!((call.state, call.code), (State::Failed, Some(486)));
        assert_eq!(call.history.len(), 3);
    }

    #[test]
    fn a_repeated_result_adds_no_state_to_the_history() {
        let call = follow(&[(100, N, 1), (180, I, 2), (180, I, 3)], true);
        assert_eq!(call.history.len(), 2);
    }
}
