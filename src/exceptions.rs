//! The PHP exception classes, built from the one mapping of the core's [`ErrorKind`] onto them
//! ([`class_of`]).
//!
//! The classes are plain PHP classes (no Rust object behind them), so PHP code can construct,
//! extend and serialize them like any exception of its own.

use click2dial_core::{Error, ErrorKind};
use std::ptr;
use std::sync::atomic::{AtomicPtr, Ordering};

use ext_php_rs::args::ArgInfoTables;
use ext_php_rs::builders::ClassBuilder;
use ext_php_rs::class::ClassEntryInfo;
use ext_php_rs::exception::PhpException;
use ext_php_rs::zend::ClassEntry;

/// The base class: every click2dial failure is one of these.
pub const BASE: &str = "Click2Dial\\Exception";

/// The class an error kind is thrown as: the one table of the extension's exceptions. The match
/// is exhaustive, so a new kind does not build without its class; [`CLASSES`] follows from it.
pub const fn class_of(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::Configuration => "Click2Dial\\ConfigurationException",
        ErrorKind::InvalidNumber => "Click2Dial\\InvalidNumberException",
        ErrorKind::NumberNotAllowed => "Click2Dial\\NumberNotAllowedException",
        ErrorKind::UnknownUser => "Click2Dial\\UnknownUserException",
        ErrorKind::Credential => "Click2Dial\\CredentialException",
        ErrorKind::Authentication { .. } => "Click2Dial\\AuthenticationException",
        ErrorKind::PbxRejected { .. } => "Click2Dial\\PbxRejectedException",
        ErrorKind::PbxUnreachable => "Click2Dial\\PbxUnreachableException",
        ErrorKind::RateLimited { .. } => "Click2Dial\\RateLimitedException",
        // A bug has no class of its own: PHP code catches it as any click2dial failure.
        ErrorKind::Internal => BASE,
    }
}

/// Every exception class, one per kind of [`ErrorKind::ALL`]: [`BASE`] first, because it is
/// the parent of the others and must be registered before them.
pub const CLASSES: [&str; ErrorKind::ALL.len()] = classes();

const fn classes() -> [&'static str; ErrorKind::ALL.len()] {
    let mut classes = [BASE; ErrorKind::ALL.len()];
    let mut next = 1;
    let mut index = 0;
    while index < ErrorKind::ALL.len() {
        let kind = ErrorKind::ALL[index];
        // Internal, the one kind thrown as BASE, is in ALL exactly once (the core tests it);
        // the other kinds fill the places after BASE.
        if !matches!(kind, ErrorKind::Internal) {
            classes[next] = class_of(kind);
            next += 1;
        }
        index += 1;
    }
    classes
}

/// The PHP exception for a core error.
pub fn to_php(err: &Error) -> PhpException {
    let name = class_of(err.kind());
    let class = CLASSES
        .iter()
        .position(|&candidate| candidate == name)
        .and_then(registered)
        .or_else(|| registered(0))
        .unwrap_or_else(runtime_exception);
    PhpException::new(err.message().to_owned(), err.code(), class)
}

extern "C" {
    // SPL is part of every PHP build and is started before any loadable extension.
    static spl_ce_RuntimeException: *mut ClassEntry;
}

/// `RuntimeException`, the parent of [`BASE`].
fn runtime_exception() -> &'static ClassEntry {
    // SAFETY: SPL sets this pointer during its own start-up, which precedes ours, and the class
    // entry lives as long as the process.
    unsafe { spl_ce_RuntimeException.as_ref() }.unwrap_or_else(ext_php_rs::zend::ce::exception)
}

/// The class entries the engine made for [`CLASSES`], by index. Kept because the engine's class
/// table cannot be searched by name while extensions are starting.
static REGISTERED: [AtomicPtr<ClassEntry>; CLASSES.len()] =
    [const { AtomicPtr::new(ptr::null_mut()) }; CLASSES.len()];
static JUST_REGISTERED: AtomicPtr<ClassEntry> = AtomicPtr::new(ptr::null_mut());

fn registered(index: usize) -> Option<&'static ClassEntry> {
    // SAFETY: the pointers were handed to us by the engine for classes that live as long as the
    // process.
    unsafe { REGISTERED.get(index)?.load(Ordering::Acquire).as_ref() }
}

fn base_class() -> &'static ClassEntry {
    registered(0).unwrap_or_else(runtime_exception)
}

/// Registers [`CLASSES`]; called once, at module start-up.
pub fn register() -> ext_php_rs::error::Result<()> {
    for (index, name) in CLASSES.iter().enumerate() {
        let parent: ClassEntryInfo = if index == 0 {
            (runtime_exception, "\\RuntimeException")
        } else {
            (base_class, "\\Click2Dial\\Exception")
        };
        ClassBuilder::new(*name)
            .extends(parent)
            .registration(remember)
            .register()?;
        REGISTERED[index].store(
            JUST_REGISTERED.swap(ptr::null_mut(), Ordering::AcqRel),
            Ordering::Release,
        );
    }
    Ok(())
}

/// Keeps the class entry the engine made. These classes have no methods, so there are no
/// argument tables to keep.
// The tables arrive boxed because this is the callback type ClassBuilder::registration takes.
#[allow(clippy::boxed_local)]
fn remember(class: &'static mut ClassEntry, _tables: ArgInfoTables) {
    JUST_REGISTERED.store(class, Ordering::Release);
}
