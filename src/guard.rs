//! The one place where a panic is stopped before it reaches PHP.
//!
//! A panic unwinding into the engine's C frames is undefined behaviour, so every PHP function
//! of the extension runs its body through [`guarded`] (or [`guarded_php`] when the body throws
//! PHP's own exceptions, such as `ValueError`). A panic is a bug; its message could hold
//! anything, so it is not shown: the user gets `Click2Dial\Exception` with advice to report it.

use std::panic::{catch_unwind, AssertUnwindSafe};

use click2dial_core::{self as core, Error, ErrorKind};
use ext_php_rs::prelude::*;

use crate::exceptions;

/// Runs a function body, turning a core error into its exception and a panic into
/// `Click2Dial\Exception`.
pub(crate) fn guarded<T>(body: impl FnOnce() -> core::Result<T>) -> PhpResult<T> {
    guarded_php(|| body().map_err(|err| exceptions::to_php(&err)))
}

/// Runs a function body that already throws PHP exceptions, turning a panic into
/// `Click2Dial\Exception`.
pub(crate) fn guarded_php<T>(body: impl FnOnce() -> PhpResult<T>) -> PhpResult<T> {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or_else(|_| Err(exceptions::to_php(&bug())))
}

fn bug() -> Error {
    Error::new(
        ErrorKind::Internal,
        "click2dial failed internally (a bug): please report it with the PHP error log",
    )
}
