//! The parser of sipXconfig's list of calls in progress (`/sipxconfig/rest/my/activecdrs`), an
//! answer from the network: any bytes give a list or an error, never a panic; a list is never
//! longer than the bound; and the state function takes whatever a list holds.

use click2dial_core::activecalls::{self, MAX_CALLS};
use click2dial_core::progress::{call_progress, CallState, TrackedCall};

pub fn check(data: &[u8]) {
    let Ok(calls) = activecalls::parse(data) else {
        return;
    };
    assert!(calls.len() <= MAX_CALLS);
    for last_state in [None, Some(CallState::Ringing), Some(CallState::Connected)] {
        for call in calls.iter().take(4) {
            let tracked = TrackedCall {
                user: &call.from,
                user_extension: Some(&call.to),
                dialed: &call.to,
                placed_at_ms: call.start_ms,
                ring_timeout_ms: call.duration_ms,
                last_state,
            };
            let _ = call_progress(
                &tracked,
                &calls,
                call.start_ms.wrapping_add(call.duration_ms),
            );
        }
    }
}
