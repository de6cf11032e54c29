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
//! Looks that come at once (two tabs in step) do not all read: one claims the reading, the
//! others wait for its list.
//!
//! A look answered from a kept list is no sign-in at the PBX: its password is not checked
//! there, so a wrong one (changed since the call) is told by the next look that reads the list,
//! within a second.
//!
//! The kept list is of the account whose call is looked at, and is only reached through a call
//! id of that account (128 random bits that only its placer has); nothing else reads it.

use std::time::{Duration, Instant};

use super::store::RecordStore;
use crate::activecalls::{self, ActiveCall};
use crate::error::Result;
use crate::pbx::Look;
use crate::ratelimit::account_hash;
use crate::settings::Settings;

use super::CallRecord;

/// How long a list read for one look serves the other looks of the same account.
pub const SHARED_FOR_MS: u64 = 1_000;

/// How long a claim to read the list lasts if its holder never lets go (it died).
const CLAIM_MS: u64 = 2 * SHARED_FOR_MS;

/// How often a look that waits for another's list looks for it.
const WAIT_STEP: Duration = Duration::from_millis(10);

/// The calls in progress of the account of `record`: a list another look read less than
/// [`SHARED_FOR_MS`] ago (after the call was placed), or read now and kept for the next looks.
/// Of looks that come at once, one reads the list (it holds the claim) and the others wait for
/// it, as long as the claim is held; if it ends without a list, they read it themselves.
pub fn active_calls(
    settings: &Settings,
    record: &CallRecord,
    look: &Look<'_>,
) -> Result<Vec<ActiveCall>> {
    let name = list_name(&record.account);
    let store = RecordStore::open(settings)?;
    if let Some(calls) = kept_list(&store, &name, record)? {
        return Ok(calls);
    }
    if !store.claim(&name, CLAIM_MS)? {
        let waited = Instant::now();
        while store.is_claimed(&name)? && waited.elapsed() < Duration::from_millis(CLAIM_MS) {
            std::thread::sleep(WAIT_STEP);
            if let Some(calls) = kept_list(&store, &name, record)? {
                return Ok(calls);
            }
        }
        if let Some(calls) = kept_list(&store, &name, record)? {
            return Ok(calls);
        }
    }
    let read_at_ms = crate::clock::now_ms();
    let calls = crate::call::active_calls(settings, &record.login, look.password);
    if let Ok(calls) = &calls {
        // Not keeping it costs the next look a read, nothing more.
        let _ = store.keep(
            &name,
            &activecalls::render(calls),
            read_at_ms,
            SHARED_FOR_MS,
        );
    }
    let _ = store.release(&name);
    calls
}

/// The list kept under `name`, if one is fresh and was read after the millisecond the call
/// was sent in (an older one cannot show the call; one of the same millisecond may not).
fn kept_list(
    store: &RecordStore,
    name: &str,
    record: &CallRecord,
) -> Result<Option<Vec<ActiveCall>>> {
    Ok(store
        .read_kept(name, SHARED_FOR_MS)?
        .filter(|(read_at_ms, _)| *read_at_ms > record.placed_at_ms)
        .and_then(|(_, kept)| activecalls::parse(kept.as_bytes()).ok()))
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
