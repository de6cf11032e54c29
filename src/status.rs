//! `Click2Dial\callStatus`: what became of a call `makeCall` placed, for either PBX, from any
//! PHP process of the site (the core's `status` module keeps each call's record in the state
//! folder).

// The parameter names are PHP's, seen by Reflection and by callers using named arguments.
#![allow(non_snake_case)]

use click2dial_core::clicktocall::state::CallState;
use click2dial_core::pbx::Look;
use click2dial_core::progress::DEFAULT_RING_TIMEOUT_MS;
use click2dial_core::status::{call_status, is_call_id};
use ext_php_rs::boxed::ZBox;
use ext_php_rs::exception::PhpException;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendHashTable, Zval};
use ext_php_rs::zend::ce;

use crate::args::{optional_password, PhpText};
use crate::guard::{guarded, guarded_php};
use crate::ini;

/// `['state', 'leg', 'code', 'reason', 'history' => list of ['state', 'leg', 'code', 'at']]`
/// of the call `$placedCall` (what `makeCall` returned) describes.
#[php_function]
#[php(name = "Click2Dial\\callStatus")]
pub fn call_status_of(
    placedCall: &ZendHashTable,
    password: Option<PhpText>,
) -> PhpResult<ZBox<ZendHashTable>> {
    guarded_php(|| {
        let id = call_id(placedCall)?;
        let ring_timeout_ms = ring_timeout_ms(placedCall)?;
        guarded(|| {
            let password = optional_password(&password)?;
            let settings = ini::current()?;
            let look = Look {
                password: password.as_ref(),
                ring_timeout_ms,
            };
            let status = call_status(&settings, id, &look)?;
            Ok(to_php(&status))
        })
    })
}

/// `$placedCall['call_id']`, when it can be an id `makeCall` gave.
fn call_id(placedCall: &ZendHashTable) -> PhpResult<&str> {
    placedCall
        .get("call_id")
        .and_then(Zval::str)
        .filter(|id| is_call_id(id))
        .ok_or_else(|| {
            PhpException::new(
                "$placedCall['call_id'] must be the call id makeCall() returned".to_owned(),
                0,
                ce::value_error(),
            )
        })
}

/// `$placedCall['ring_timeout_ms']`, as `callProgress` reads it: how long a ringing phone may ring
/// before it counts as not answered where the PBX cannot tell; absent, the default.
fn ring_timeout_ms(placedCall: &ZendHashTable) -> PhpResult<i64> {
    match placedCall.get("ring_timeout_ms") {
        None => Ok(DEFAULT_RING_TIMEOUT_MS),
        Some(value) => value
            .long()
            .filter(|ms| (0..=3_600_000).contains(ms))
            .ok_or_else(|| {
                PhpException::new(
                    "$placedCall['ring_timeout_ms'] must be an int from 0 to 3600000".to_owned(),
                    0,
                    ce::value_error(),
                )
            }),
    }
}

/// Adds this module's functions to the extension.
pub fn register(module: ModuleBuilder) -> ModuleBuilder {
    module.function(wrap_function!(call_status_of))
}

fn to_php(status: &CallState) -> ZBox<ZendHashTable> {
    let mut result = ZendHashTable::new();
    set(&mut result, "state", status.state.name());
    set_optional(&mut result, "leg", status.leg.name());
    set_optional(&mut result, "code", status.code.map(i64::from));
    set_optional(&mut result, "reason", status.reason.as_deref());
    let mut history = ZendHashTable::new();
    for step in &status.history {
        let mut entry = ZendHashTable::new();
        set(&mut entry, "state", step.state.name());
        set_optional(&mut entry, "leg", step.leg.name());
        set_optional(&mut entry, "code", step.code.map(i64::from));
        set(
            &mut entry,
            "at",
            i64::try_from(step.at_ms).unwrap_or(i64::MAX),
        );
        let _ = history.push(entry);
    }
    set(&mut result, "history", history);
    result
}

fn set_optional<T: ext_php_rs::convert::IntoZval>(
    table: &mut ZendHashTable,
    key: &str,
    value: Option<T>,
) {
    match value {
        Some(value) => set(table, key, value),
        None => set(table, key, ()),
    }
}

fn set(table: &mut ZendHashTable, key: &str, value: impl ext_php_rs::convert::IntoZval) {
    let mut zval = Zval::new();
    // Strings, integers, null and arrays always convert.
    if value.set_zval(&mut zval, false).is_ok() {
        let _ = table.insert(key, zval);
    }
}
