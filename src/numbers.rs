//! `Click2Dial\normalizeNumber`: the dial plan on its own, without placing a call.
//!
//! The WebAccess plugin shows the user what will be dialed (and which extension to ask for)
//! before the call; `makeCall` applies the same dial plan itself.

// The parameter name is PHP's, seen by Reflection and by callers using named arguments.
#![allow(non_snake_case)]

use click2dial_core::{self as core, ErrorKind};
use ext_php_rs::prelude::*;

use crate::args::PhpText;
use crate::guard::guarded;
use crate::ini;

/// The number as the PBX will dial it, by `click2dial.dialplan` (only cleaned without one).
#[php_function]
#[php(name = "Click2Dial\\normalizeNumber")]
pub fn normalize_number(number: PhpText) -> PhpResult<String> {
    guarded(|| {
        let input = number.utf8("number", ErrorKind::InvalidNumber)?;
        let settings = ini::current()?;
        let normalized = core::normalize_number(&settings, input)?;
        Ok(normalized.dial.as_str().to_owned())
    })
}

/// Adds this module's functions to the extension.
pub fn register(module: ModuleBuilder) -> ModuleBuilder {
    module.function(wrap_function!(normalize_number))
}
