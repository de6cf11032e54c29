//! The caller's calls in progress for `callStatus` on sipXconfig: one list read a second per PBX
//! account, whatever the number of looks.
//!
//! Each followed call asks about once a second (the plugins ask 1 s after each answer), and
//! each look judges the caller's whole list of calls in progress (`GET
//! /sipxconfig/rest/my/activecdrs`). A user with two tabs, or following two calls, would make
//! the PBX list the same calls twice a second. So the list read for one look is kept for
//! [`SHARED_FOR_MS`] where the call records are kept (the state folder, or Redis for every web
//! server), and a look within that time of the same account judges it instead of asking again.
//! A single tab is never slowed down: it asks again only after a full second plus the answer's
//! way back, when the kept list has lapsed. A list read before the call was placed is never
//! used for it (it cannot show the call).
//!
//! A look answered from a kept list is no sign-in at the PBX: its password is not checked
//! there, so a wrong one (changed since the call) is told by the next look that reads the list,
//! within a second.
//!
//! The kept list is of the account whose call is looked at, and is only reached through a call
//! id of that account (128 random bits that only its placer has); nothing else reads it.

use super::store::RecordStore;
use crate::activecalls::{self, ActiveCall};
use crate::error::Result;
use crate::pbx::Look;
use crate::ratelimit::account_hash;
use crate::settings::Settings;

use super::CallRecord;

/// How long a list read for one look serves the other looks of the same account.
pub const SHARED_FOR_MS: u64 = 1_000;

/// The calls in progress of the account of `record`: a list another look read less than
/// [`SHARED_FOR_MS`] ago, or read now (and kept for the next looks).
pub fn active_calls(
    settings: &Settings,
    record: &CallRecord,
    look: &Look<'_>,
) -> Result<Vec<ActiveCall>> {
    let name = list_name(&record.account);
    let store = RecordStore::open(settings)?;
    // A list read before the call was placed cannot show it.
    if let Some((kept_at_ms, kept)) = store.read_kept(&name, SHARED_FOR_MS)? {
        if kept_at_ms >= record.placed_at_ms {
            if let Ok(calls) = activecalls::parse(kept.as_bytes()) {
                return Ok(calls);
            }
        }
    }
    let calls = crate::call::active_calls(settings, &record.login, look.password)?;
    // Not keeping it costs the next look a read, nothing more.
    let _ = store.keep(&name, &activecalls::render(&calls), SHARED_FOR_MS);
    Ok(calls)
}

/// The name the list of `account` is kept under (its hash, as the limits' records).
fn list_name(account: &str) -> String {
    format!("{:016x}.active", account_hash(account))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_named_by_the_account_s_hash_whatever_its_case() {
        assert_eq!(list_name("Alice"), list_name("alice"));
        assert_ne!(list_name("alice"), list_name("bob"));
        assert!(!list_name("alice").contains("alice"));
    }
}
