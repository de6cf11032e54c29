/*!
The click2dial PHP extension: the functions and classes of the `Click2Dial` namespace.

This crate is the binding layer only. It converts PHP values to Rust and back, reads the INI
settings, and throws the exception class that matches each `click2dial_core::ErrorKind`; every decision is made
in `click2dial-core`, which knows nothing of PHP.

Nothing is done at module start-up beyond registering INI entries and classes and marking the
password parameter sensitive: the HTTP client and
the directory are made on first use, in the process that uses them (see the core's `transport`).
*/

#![cfg_attr(windows, feature(abi_vectorcall))]

mod args;
mod credentials;
mod exceptions;
mod findnumbers;
mod functions;
mod guard;
mod info;
mod ini;
mod numbers;
mod progress;
mod sensitive;
mod status;

use std::panic::catch_unwind;

use click2dial_core as core;
use ext_php_rs::prelude::*;
use ext_php_rs::zend::IniEntryDef;

/// Registers the INI entries and exception classes, and nothing else (see the crate docs).
fn startup(_kind: i32, module_number: i32) -> i32 {
    const SUCCESS: i32 = 0;
    const FAILURE: i32 = -1;
    // A panic here would abort PHP itself; a failed start-up only refuses the extension.
    let registered = catch_unwind(|| {
        IniEntryDef::register(ini::ENTRIES.as_slice(), module_number);
        sensitive::mark_parameters();
        exceptions::register().is_ok()
    });
    match registered {
        Ok(true) => SUCCESS,
        _ => FAILURE,
    }
}

#[php_module]
#[php(startup = startup)]
pub fn get_module(module: ModuleBuilder) -> ModuleBuilder {
    let module = module
        .name("click2dial")
        .version(core::VERSION)
        .info_function(info::show);
    let module = numbers::register(module);
    let module = findnumbers::register(module);
    let module = credentials::register(module);
    let module = progress::register(module);
    let module = status::register(module);
    functions::register(module)
}
