//! What became of a placed call, judged from the user's calls in progress.
//!
//! sipXconfig's 200 only says the PBX took the request. What happens next shows in
//! `/sipxconfig/rest/my/activecdrs` (see `activecalls`): sipXconfig rings the user's own phone
//! with a call from the user to the user, and once the user picks up, sends a REFER that makes
//! the phone call the number. So, for a call placed as user `U` to number `N`:
//!
//! | the active list shows                  | state                                         |
//! |----------------------------------------|-----------------------------------------------|
//! | a call from `U` to `N`                 | `Connected`: the phone was picked up and the PBX put it through to `N` |
//! | a call to `U` (not to `N`)             | `Ringing`: the user's phone rings             |
//! | neither, and the call was seen before  | `Ended` after `Connected`, `NotAnswered` after `Ringing` |
//! | neither, and nothing was seen yet      | `Requested` until the ring time-out, then `NotAnswered` |
//!
//! Ringing past the ring time-out is `NotAnswered` too: nobody is coming. The active list does
//! not say whether `N` itself answered, so `Connected` means the user's phone is through to the
//! number, not that someone at `N` speaks. Calls that started well before the call was placed
//! (more than [`CLOCK_SLACK_MS`], for clocks that differ between the web server and the PBX)
//! belong to something else and are ignored.
//!
//! This is a pure function of its inputs, so callers keep the last state and the time: the state
//! after `Connected` cannot be told from the list alone.

use std::fmt;
use std::str::FromStr;

use crate::activecalls::ActiveCall;

/// How far the PBX's clock may be behind the web server's for a call leg to still count.
pub const CLOCK_SLACK_MS: i64 = 60_000;

/// How long a call may stay `Requested` or `Ringing` when the caller does not say.
pub const DEFAULT_RING_TIMEOUT_MS: i64 = 30_000;

/// What became of a placed call.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CallState {
    /// sipXconfig took the request; the user's phone has not been seen ringing yet.
    Requested,
    /// The user's own phone rings.
    Ringing,
    /// The user picked up and the PBX put the phone through to the number.
    Connected,
    /// The call was connected and is over.
    Ended,
    /// The user's phone was not picked up in time.
    NotAnswered,
}

impl CallState {
    /// The name PHP sees: `requested`, `ringing`, `connected`, `ended` or `not_answered`.
    pub fn as_str(self) -> &'static str {
        match self {
            CallState::Requested => "requested",
            CallState::Ringing => "ringing",
            CallState::Connected => "connected",
            CallState::Ended => "ended",
            CallState::NotAnswered => "not_answered",
        }
    }

    /// Whether the call can still change; callers stop asking once it cannot.
    pub fn is_final(self) -> bool {
        matches!(self, CallState::Ended | CallState::NotAnswered)
    }
}

impl fmt::Display for CallState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for CallState {
    type Err = ();

    fn from_str(s: &str) -> Result<CallState, ()> {
        [
            CallState::Requested,
            CallState::Ringing,
            CallState::Connected,
            CallState::Ended,
            CallState::NotAnswered,
        ]
        .into_iter()
        .find(|state| state.as_str() == s)
        .ok_or(())
    }
}

/// A call as `make_call` placed it, and what was last seen of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrackedCall<'a> {
    /// The sipXecs user the call was placed as.
    pub user: &'a str,
    /// The extension of the user's phone. The call resolver names a phone by its canonical
    /// user name, which is usually the extension even when the call was placed with an alias.
    pub user_extension: Option<&'a str>,
    /// The number as the PBX received it.
    pub dialed: &'a str,
    /// When sipXconfig accepted it, in milliseconds since the Unix epoch (web server clock).
    pub placed_at_ms: i64,
    /// How long the user's phone may ring before the call counts as not answered.
    pub ring_timeout_ms: i64,
    /// The state the caller last saw; `None` before the first look.
    pub last_state: Option<CallState>,
}

/// The state of `call` at `now_ms`, given the user's calls in progress.
pub fn call_progress(call: &TrackedCall<'_>, active: &[ActiveCall], now_ms: i64) -> CallState {
    if let Some(state) = call.last_state.filter(|state| state.is_final()) {
        return state;
    }
    let recent = active
        .iter()
        .filter(|leg| leg.start_ms >= call.placed_at_ms.saturating_sub(CLOCK_SLACK_MS));
    let mut ringing = false;
    for leg in recent {
        let is_user = |name: &str| {
            same_user(name, call.user)
                || call.user_extension.is_some_and(|ext| same_user(name, ext))
        };
        if is_user(&leg.from) && same_number(&leg.to, call.dialed) {
            return CallState::Connected;
        }
        if is_user(&leg.to) {
            ringing = true;
        }
    }
    let waited = now_ms.saturating_sub(call.placed_at_ms);
    if ringing {
        return if waited > call.ring_timeout_ms {
            CallState::NotAnswered
        } else {
            CallState::Ringing
        };
    }
    match call.last_state {
        Some(CallState::Connected) => CallState::Ended,
        Some(CallState::Ringing) => CallState::NotAnswered,
        _ if waited > call.ring_timeout_ms => CallState::NotAnswered,
        _ => CallState::Requested,
    }
}

fn same_user(listed: &str, user: &str) -> bool {
    !user.is_empty() && listed.eq_ignore_ascii_case(user)
}

/// Whether the PBX's `to` is the number that was dialed. The call resolver shows the user part
/// of the address the phone called, which is the dialed string; formatting is ignored, and so
/// is a `+` the PBX may have kept or dropped.
fn same_number(listed: &str, dialed: &str) -> bool {
    let significant = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '*' || *c == '#')
            .map(|c| c.to_ascii_uppercase())
            .collect()
    };
    let (listed, dialed) = (significant(listed), significant(dialed));
    !dialed.is_empty() && listed == dialed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leg(from: &str, to: &str, start_ms: i64) -> ActiveCall {
        ActiveCall {
            from: from.into(),
            to: to.into(),
            direction: "INCOMING".into(),
            start_ms,
            duration_ms: 0,
            internal: false,
        }
    }

    fn tracked(last_state: Option<CallState>) -> TrackedCall<'static> {
        TrackedCall {
            user: "201",
            user_extension: None,
            dialed: "00301234567",
            placed_at_ms: 1_000_000,
            ring_timeout_ms: 30_000,
            last_state,
        }
    }

    #[test]
    fn state_names_round_trip() {
        for name in ["requested", "ringing", "connected", "ended", "not_answered"] {
            assert_eq!(name.parse::<CallState>().unwrap().as_str(), name);
        }
        assert!("hung_up".parse::<CallState>().is_err());
    }

    #[test]
    fn the_number_matches_without_formatting_or_case() {
        assert!(same_number("00301234567", "00301234567"));
        assert!(same_number("+49 30 1234567", "+4930-1234567"));
        assert!(same_number("1800flowers", "1800FLOWERS"));
        assert!(!same_number("0301234567", "00301234567"));
        assert!(!same_number("", ""));
    }

    #[test]
    fn a_final_state_stays() {
        let call = tracked(Some(CallState::Ended));
        let active = [leg("201", "00301234567", 1_000_500)];
        assert_eq!(call_progress(&call, &active, 1_002_000), CallState::Ended);
    }

    #[test]
    fn an_empty_list_soon_after_placing_is_requested() {
        assert_eq!(
            call_progress(&tracked(None), &[], 1_000_100),
            CallState::Requested
        );
        assert_eq!(
            call_progress(&tracked(None), &[], 1_030_001),
            CallState::NotAnswered
        );
    }

    #[test]
    fn the_phone_is_known_by_user_name_or_extension() {
        let call = TrackedCall {
            user: "bsmith",
            user_extension: Some("207"),
            ..tracked(None)
        };
        let active = [leg("207", "207", 1_000_200)];
        assert_eq!(call_progress(&call, &active, 1_001_000), CallState::Ringing);
        let active = [leg("207", "00301234567", 1_000_200)];
        assert_eq!(
            call_progress(&call, &active, 1_001_000),
            CallState::Connected
        );
        let without = TrackedCall {
            user_extension: None,
            ..call
        };
        assert_eq!(
            call_progress(&without, &active, 1_001_000),
            CallState::Requested
        );
    }

    #[test]
    fn user_names_compare_without_case() {
        let call = TrackedCall {
            user: "Alice",
            ..tracked(None)
        };
        let active = [leg("alice", "alice", 1_000_200)];
        assert_eq!(call_progress(&call, &active, 1_001_000), CallState::Ringing);
    }
}
