//! Per-account limits, shared by every PHP worker of the host.
//!
//! Three things are limited, each for the PBX account that pays (the directory's `sipx_user`,
//! whatever login or spelling reached it), so that two logins mapped to one account share one
//! budget:
//!
//! * **Calls a minute** (`click2dial.rate_limit`): a loop of scripted calls to premium numbers
//!   costs real money (toll fraud).
//! * **The same number again** within `click2dial.duplicate_window_ms`: a double click must not
//!   ring the phone twice. Numbers are compared in their canonical form
//!   ([`DialString::canonical`]), so ten spellings of one number ring once, with a dial plan or
//!   without.
//! * **Failed sign-ins** (`click2dial.failed_logins`): every request that carries a PIN, a call
//!   or a question about the calls in progress, is a guess at it. After that many 401 or 403 in
//!   a row (and after four times as many within the last hours, successes or not) each further
//!   request must wait, 1 s doubling to 15 min; one failure is forgiven each quarter of an hour.
//!   The numbers and why are in [`decide`]. This budget stays on when the call limits are off:
//!   it protects the PINs, not the bill.
//!
//! Everything is checked and written down before a request is sent (a request in flight counts
//! as a failure until it is known not to be one), so a second click or guess that races the
//! first in another worker finds it already there. What came of the request is booked after
//! it ([`Admission::settle`]): a call gives its number back only when nothing can have reached
//! the PBX (a refusal, a failed connection or TLS handshake), never after a time-out, since a
//! slow PBX may still ring the phone.
//!
//! php-fpm runs many processes, so the counts cannot live in one process's memory. They live in
//! one small file per account in a state folder (`store`), read and rewritten under an
//! exclusive `flock`, or, for several web servers, in one key per account on the Redis of
//! `click2dial.shared_state` (`shared`), changed by compare-and-set. The decision itself is a pure function of the record and the time
//! ([`decide::decide`], [`decide::settle`]), tested without files. Where the limits cannot be
//! kept (the folder cannot be made, locked or trusted), nothing is sent: failing open would
//! switch the protection off exactly when something is wrong.

mod backend;
pub mod decide;
mod shared;
pub(crate) mod store;

pub use decide::{Limits, Outcome, Record, Refusal, Request};
pub use store::MAX_RECORD_BYTES;

use crate::error::{quoted, Error, ErrorKind, Result};
use crate::number::DialString;
use crate::settings::Settings;
pub use backend::Store;

/// What is about to be sent.
#[derive(Clone, Copy, Debug)]
pub enum Attempt<'a> {
    /// A call to this number.
    Call(&'a DialString),
    /// A question about the calls in progress: it places nothing, but carries the PIN.
    ReadCalls,
}

/// A request admitted by the limits; tell it what came of the request.
#[must_use = "tell the limits what came of the request with Admission::settle"]
pub struct Admission {
    held: Option<Held>,
}

/// What an admission wrote down, and where.
struct Held {
    store: Store,
    name: String,
    ticket: decide::Ticket,
    limits: Limits,
}

impl Admission {
    /// Books what came of the request, from its result (see [`Outcome::of`]). A failure to
    /// write it is ignored: the record then keeps the request counted as a failed sign-in and
    /// its number taken, which errs on the safe side.
    pub fn settle<T>(self, result: &Result<T>) {
        let Some(held) = self.held else { return };
        let outcome = Outcome::of(result);
        let _ = held.store.update(&held.name, &held.limits, |record, _now| {
            decide::settle(record, &held.ticket, outcome)
        });
    }
}

impl Limits {
    /// The limits the settings ask for.
    pub fn of(settings: &Settings) -> Limits {
        Limits {
            calls_per_minute: settings.rate_limit,
            duplicate_window_ms: u64::try_from(settings.duplicate_window.as_millis())
                .unwrap_or(u64::MAX),
            failed_logins: settings.failed_logins,
        }
    }
}

/// Checks the limits of the PBX account `account` for `attempt` and writes it down; refuses with
/// [`ErrorKind::RateLimited`] when a limit is reached. Touches no file when no limit applies.
/// The decision is [`decide::decide`]'s; this only finds the record and holds its lock.
pub fn admit(settings: &Settings, account: &str, attempt: Attempt<'_>) -> Result<Admission> {
    let limits = Limits::of(settings);
    let request = attempt.request();
    if !limits.apply_to(request) {
        return Ok(Admission { held: None });
    }
    let store = Store::open(settings)?;
    let name = record_name_of(account);
    let decided = store.update(&name, &limits, |record, now| {
        decide::decide(record, now, &limits, request)
    })?;
    let ticket = decided.map_err(|refusal| refused(refusal, account, attempt))?;
    Ok(Admission {
        held: (!ticket.is_blank()).then_some(Held {
            store,
            name,
            ticket,
            limits,
        }),
    })
}

impl Attempt<'_> {
    /// What the limits see of the attempt: a call to a number (as the hash of its canonical
    /// form), or a read.
    fn request(self) -> Request {
        match self {
            Attempt::Call(number) => Request::Call {
                number: fnv1a(number.canonical().as_bytes()),
            },
            Attempt::ReadCalls => Request::Read,
        }
    }
}

/// The name of the record of the PBX account `account`.
fn record_name_of(account: &str) -> String {
    store::record_name(account_hash(account))
}

/// The hash a PBX account's records are named by (no account name in a file name or key).
pub fn account_hash(account: &str) -> u64 {
    fnv1a(account_key(account).as_bytes())
}

/// The form of a PBX account name its record is kept under. sipXconfig's user names and
/// aliases are ASCII; case is folded so that `Alice` and `alice` share a budget whether or not
/// the PBX tells them apart (sharing is the safe side).
fn account_key(account: &str) -> String {
    account.to_ascii_lowercase()
}

fn refused(refusal: Refusal, account: &str, attempt: Attempt<'_>) -> Error {
    let kind = ErrorKind::RateLimited {
        retry_after_secs: refusal.wait_secs(),
    };
    let who = format!("PBX account {}", quoted(account));
    let message = match refusal {
        Refusal::Guessing {
            failures,
            wait_secs,
        } => format!(
            "{who} failed to sign in to the PBX {failures} times (a wrong PIN, or no \
             permission): to slow down guessing, the next request waits {wait_secs} s \
             (click2dial.failed_logins); check the PIN before trying again"
        ),
        Refusal::SameNumber {
            window_ms,
            wait_secs,
        } => {
            let number = match attempt {
                Attempt::Call(number) => quoted(number.as_str()),
                Attempt::ReadCalls => "this number".to_owned(),
            };
            format!(
                "{who} called {number} less than {} s ago: the first call is on its way (a \
                 second click places no second call); to call again, wait {wait_secs} s",
                window_ms.div_ceil(1000)
            )
        }
        Refusal::TooManyCalls { limit, wait_secs } => format!(
            "{who} has placed {limit} calls in the last minute, as many as \
             click2dial.rate_limit allows: try again in {wait_secs} s"
        ),
    };
    Error::new(kind, message)
}

/// FNV-1a: a stable 64-bit hash for file names and remembered numbers (not for secrecy: two
/// values that collide only share a budget, which errs on the safe side).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests;
