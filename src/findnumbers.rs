//! `Click2Dial\findNumbers`: the phone numbers in a text that can be called, for the front ends
//! to turn into links.
//!
//! The core decides which text is a number (libphonenumber's matcher and the dial plan); this
//! only converts. Bad arguments (text that is not UTF-8 or too long, an unknown region) are
//! PHP's `ValueError`; a dial plan that cannot be read is `ConfigurationException`, as for
//! `makeCall`.

// The parameter names are PHP's, seen by Reflection and by callers using named arguments.
#![allow(non_snake_case)]

use click2dial_core::{self as core, FindError, FoundNumber};
use ext_php_rs::boxed::ZBox;
use ext_php_rs::exception::PhpException;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendHashTable, Zval};
use ext_php_rs::zend::ce;

use crate::args::PhpText;
use crate::exceptions;
use crate::guard::guarded_php;
use crate::ini;

/// The numbers in `$text`, each as `['start', 'end', 'text', 'number', 'dial', 'extension']`:
/// UTF-16 offsets (end exclusive), the number as written, its E.164 form for `makeCall`, what
/// the PBX dials for it and the extension written after it (`null` when none was).
#[php_function]
#[php(name = "Click2Dial\\findNumbers")]
pub fn find_numbers(text: PhpText, region: Option<PhpText>) -> PhpResult<ZBox<ZendHashTable>> {
    guarded_php(|| {
        let text = utf8(&text, "$text")?;
        let region = match &region {
            Some(code) => Some(utf8(code, "$region")?),
            None => None,
        };
        let settings = ini::current().map_err(|err| exceptions::to_php(&err))?;
        let found = core::find_numbers(&settings, text, region).map_err(|err| match err {
            FindError::Failed(err) => exceptions::to_php(&err),
            other => value_error(&other.message()),
        })?;
        let mut list = ZendHashTable::new();
        for number in &found {
            let _ = list.push(entry(number));
        }
        Ok(list)
    })
}

fn entry(number: &FoundNumber) -> ZBox<ZendHashTable> {
    let mut entry = ZendHashTable::new();
    set(&mut entry, "start", offset(number.start));
    set(&mut entry, "end", offset(number.end));
    set(&mut entry, "text", number.text.as_str());
    set(&mut entry, "number", number.number.as_str());
    set(&mut entry, "dial", number.dial.as_str());
    match &number.extension {
        Some(extension) => set(&mut entry, "extension", extension.as_str()),
        None => set(&mut entry, "extension", ()),
    }
    entry
}

/// Offsets are below the text's bound (`MAX_TEXT_BYTES`), far below `i64::MAX`.
fn offset(units: usize) -> i64 {
    i64::try_from(units).unwrap_or(i64::MAX)
}

fn utf8<'a>(text: &'a PhpText, what: &str) -> PhpResult<&'a str> {
    std::str::from_utf8(text.bytes())
        .map_err(|_| value_error(&format!("{what} must be UTF-8: convert it first")))
}

fn value_error(message: &str) -> PhpException {
    PhpException::new(message.to_owned(), 0, ce::value_error())
}

fn set(table: &mut ZendHashTable, key: &str, value: impl ext_php_rs::convert::IntoZval) {
    let mut zval = Zval::new();
    // Strings, integers and null always convert.
    if value.set_zval(&mut zval, false).is_ok() {
        let _ = table.insert(key, zval);
    }
}

/// Adds this module's function to the extension.
pub fn register(module: ModuleBuilder) -> ModuleBuilder {
    module.function(wrap_function!(find_numbers))
}
