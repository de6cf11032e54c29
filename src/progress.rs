//! `Click2Dial\activeCalls` and `Click2Dial\callProgress`: what became of a placed call.
//!
//! `activeCalls` reads the user's calls in progress from sipXconfig; `callProgress` turns a
//! call placed by `makeCall` and such a list into a state, by the rules in the core's
//! `progress` module. Keeping the second a pure function lets the plugin (or any PHP code)
//! poll, remember the last state, and ask again.

// The parameter names are PHP's, seen by Reflection and by callers using named arguments.
#![allow(non_snake_case)]

use std::time::SystemTime;

use click2dial_core::activecalls::ActiveCall;
use click2dial_core::progress::{call_progress, CallState, TrackedCall, DEFAULT_RING_TIMEOUT_MS};
use click2dial_core::{self as core, ErrorKind};
use ext_php_rs::boxed::ZBox;
use ext_php_rs::exception::PhpException;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendHashTable, Zval};
use ext_php_rs::zend::ce;

use crate::args::{optional_password, PhpText};
use crate::guard::{guarded, guarded_php};
use crate::ini;

/// The calls in progress of `$fromUser`'s phone, each as `['from', 'to', 'direction', 'start'
/// (ms), 'duration' (ms), 'internal']`.
#[php_function]
#[php(name = "Click2Dial\\activeCalls")]
pub fn active_calls(
    fromUser: PhpText,
    password: Option<PhpText>,
) -> PhpResult<ZBox<ZendHashTable>> {
    guarded(|| {
        let login = fromUser.utf8("login", ErrorKind::UnknownUser)?;
        let password = optional_password(&password)?;
        let settings = ini::current()?;
        let calls = core::active_calls(&settings, login, password.as_ref())?;
        let mut list = ZendHashTable::new();
        for call in &calls {
            let mut entry = ZendHashTable::new();
            set(&mut entry, "from", call.from.as_str());
            set(&mut entry, "to", call.to.as_str());
            set(&mut entry, "direction", call.direction.as_str());
            set(&mut entry, "start", call.start_ms);
            set(&mut entry, "duration", call.duration_ms);
            set(&mut entry, "internal", call.internal);
            let _ = list.push(entry);
        }
        Ok(list)
    })
}

/// The state of a call placed by `makeCall` — `requested`, `ringing`, `connected`, `ended` or
/// `not_answered` — given `activeCalls()` for its user, at `$nowMs` (default: now).
#[php_function]
#[php(name = "Click2Dial\\callProgress")]
pub fn call_progress_of(
    placedCall: &ZendHashTable,
    activeCalls: &ZendHashTable,
    nowMs: Option<i64>,
) -> PhpResult<String> {
    guarded_php(|| {
        let user = text(placedCall, "user", "$placedCall")?;
        let dialed = text(placedCall, "dialed", "$placedCall")?;
        let user_extension = match placedCall.get("user_extension").filter(|v| !v.is_null()) {
            None => None,
            Some(_) => Some(text(placedCall, "user_extension", "$placedCall")?),
        };
        let placed_at_ms = integer(placedCall, "placed_at", "$placedCall")?;
        let ring_timeout_ms = match placedCall.get("ring_timeout_ms") {
            None => DEFAULT_RING_TIMEOUT_MS,
            Some(_) => integer(placedCall, "ring_timeout_ms", "$placedCall")?,
        };
        let last_state = match placedCall.get("state").filter(|v| !v.is_null()) {
            None => None,
            Some(value) => Some(
                value
                    .str()
                    .and_then(|name| name.parse::<CallState>().ok())
                    .ok_or_else(|| {
                        value_error(
                            "$placedCall['state'] must be null or a state callProgress() returned",
                        )
                    })?,
            ),
        };
        let mut calls = Vec::with_capacity(activeCalls.len());
        for (index, item) in activeCalls.values().enumerate() {
            let entry = item.array().ok_or_else(|| {
                value_error(&format!(
                    "$activeCalls[{index}] must be an array as activeCalls() returns"
                ))
            })?;
            let what = format!("$activeCalls[{index}]");
            calls.push(ActiveCall {
                from: text(entry, "from", &what)?.to_owned(),
                to: text(entry, "to", &what)?.to_owned(),
                direction: String::new(),
                start_ms: integer(entry, "start", &what)?,
                duration_ms: 0,
                internal: false,
            });
        }
        let tracked = TrackedCall {
            user,
            user_extension,
            dialed,
            placed_at_ms,
            ring_timeout_ms,
            last_state,
        };
        let now_ms = nowMs.unwrap_or_else(now_ms);
        Ok(call_progress(&tracked, &calls, now_ms).as_str().to_owned())
    })
}

/// Milliseconds since the Unix epoch, as `makeCall`'s `placed_at`.
pub fn now_ms() -> i64 {
    core::epoch_ms(SystemTime::now())
}

/// Adds this module's functions to the extension.
pub fn register(module: ModuleBuilder) -> ModuleBuilder {
    module
        .function(wrap_function!(active_calls))
        .function(wrap_function!(call_progress_of))
}

fn text<'a>(table: &'a ZendHashTable, key: &str, what: &str) -> PhpResult<&'a str> {
    table
        .get(key)
        .and_then(Zval::str)
        .ok_or_else(|| value_error(&format!("{what}['{key}'] must be a string")))
}

fn integer(table: &ZendHashTable, key: &str, what: &str) -> PhpResult<i64> {
    table
        .get(key)
        .and_then(Zval::long)
        .ok_or_else(|| value_error(&format!("{what}['{key}'] must be an integer")))
}

fn value_error(message: &str) -> PhpException {
    PhpException::new(message.to_owned(), 0, ce::value_error())
}

fn set(table: &mut ZendHashTable, key: &str, value: impl ext_php_rs::convert::IntoZval) {
    let mut zval = Zval::new();
    // Strings, integers and booleans always convert.
    if value.set_zval(&mut zval, false).is_ok() {
        let _ = table.insert(key, zval);
    }
}
