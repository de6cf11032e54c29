//! The PHP functions of the `Click2Dial` namespace.
//!
//! Each converts its arguments, reads the settings, calls the core and converts the answer back.

// The parameter names are PHP's, seen by Reflection and by callers using named arguments.
#![allow(non_snake_case)]

use click2dial_core::{self as core, ErrorKind};
use ext_php_rs::boxed::ZBox;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendHashTable, Zval};

use crate::args::{optional_password, PhpText};
use crate::guard::guarded;
use crate::ini;

/// Places a call: the PBX rings `$fromUser`'s phone, then connects it to `$toNumber`.
///
/// Returns `['user' => PBX account, 'dialed' => number as the PBX received it,
/// 'status' => the PBX's status, 'elapsed_ms' => float, 'e164' => ?string, 'extension' =>
/// ?string, 'placed_at' => ms since the epoch, 'user_extension' => the caller's extension,
/// 'pbx' => 'sipxconfig'|'clicktocall', 'translated_initiator' => ?string,
/// 'translated_destination' => ?string, 'login' => $fromUser, 'call_id' => what
/// `callStatus()` follows the call by]` (`e164` is null for internal numbers, `extension` when
/// none was written, the translated addresses when the PBX does not say them). It means the PBX
/// accepted the call, not that anyone answered; the array is what `callProgress()` takes to
/// find out more.
#[php_function]
#[php(name = "Click2Dial\\makeCall")]
pub fn make_call(
    toNumber: PhpText,
    fromUser: PhpText,
    password: Option<PhpText>,
) -> PhpResult<ZBox<ZendHashTable>> {
    guarded(|| {
        let to = toNumber.utf8("number", ErrorKind::InvalidNumber)?;
        let login = fromUser.utf8("login", ErrorKind::UnknownUser)?;
        let password = optional_password(&password)?;
        let settings = ini::current()?;
        let placed = core::make_call(&settings, to, login, password.as_ref())?;
        let mut result = ZendHashTable::new();
        insert(&mut result, "user", placed.account.as_str());
        insert(&mut result, "dialed", placed.dialed.as_str());
        insert(&mut result, "status", i64::from(placed.status));
        insert(
            &mut result,
            "elapsed_ms",
            placed.elapsed.as_secs_f64() * 1000.0,
        );
        insert_optional(&mut result, "e164", placed.e164.as_deref());
        insert_optional(&mut result, "extension", placed.extension.as_deref());
        insert(&mut result, "placed_at", core::epoch_ms(placed.placed_at));
        insert(
            &mut result,
            "user_extension",
            placed.user_extension.as_str(),
        );
        insert(&mut result, "pbx", placed.pbx.name());
        insert(&mut result, "login", placed.login.as_str());
        insert(&mut result, "call_id", placed.call_id.as_str());
        insert_optional(
            &mut result,
            "translated_initiator",
            placed.translated_initiator.as_deref(),
        );
        insert_optional(
            &mut result,
            "translated_destination",
            placed.translated_destination.as_deref(),
        );
        Ok(result)
    })
}

/// The extension number of a groupware login, `null` when the directory does not know it.
#[php_function]
#[php(name = "Click2Dial\\getUsernr")]
pub fn get_usernr(fromUser: PhpText) -> PhpResult<Option<String>> {
    guarded(|| {
        let login = fromUser.utf8("login", ErrorKind::UnknownUser)?;
        let settings = ini::current()?;
        match core::directory(&settings)? {
            // Only the extension: phone_of would copy the whole entry.
            Some(directory) => Ok(directory.lookup(login).map(|entry| entry.extension.clone())),
            None => Ok(core::phone_of(&settings, login)?.map(|phone| phone.extension)),
        }
    })
}

/// Whether the PBX of `click2dial.pbx` signs each user in with their own password (sipXconfig),
/// so that a front end must find one; false where the PBX trusts the site (clicktocall).
#[php_function]
#[php(name = "Click2Dial\\pbxAsksPassword")]
pub fn pbx_asks_password() -> PhpResult<bool> {
    guarded(|| {
        let settings = ini::current()?;
        Ok(core::pbx::of(&settings).asks_password())
    })
}

/// Adds this module's functions to the extension.
pub fn register(module: ModuleBuilder) -> ModuleBuilder {
    module
        .function(wrap_function!(make_call))
        .function(wrap_function!(get_usernr))
        .function(wrap_function!(pbx_asks_password))
}

/// `null` for `None`, which PHP code tests with `=== null`.
fn insert_optional(table: &mut ZendHashTable, key: &str, value: Option<&str>) {
    match value {
        Some(text) => insert(table, key, text),
        None => insert(table, key, ()),
    }
}

fn insert(table: &mut ZendHashTable, key: &str, value: impl ext_php_rs::convert::IntoZval) {
    let mut zval = Zval::new();
    // Strings, integers and floats always convert.
    if value.set_zval(&mut zval, false).is_ok() {
        let _ = table.insert(key, zval);
    }
}
