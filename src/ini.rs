//! The `click2dial.*` INI settings, and reading them into the core's [`Settings`].
//!
//! Paths and security switches are system-level (php.ini or `-d` only), so a script cannot point
//! the extension at another server or CA and collect its users' PINs; the time-outs may be
//! changed per script with `ini_set()`.
//!
//! Reading all the values into a [`Settings`] took longer than a directory lookup, and the
//! functions ran it on every call (docs/benchmarks.md). So the [`Settings`] are kept, and rebuilt
//! only after a value changed. Every entry has a change handler ([`note_change`]), which the
//! engine calls whenever it changes a value: at start-up, for `ini_set()`, `ini_restore()`,
//! php-fpm's `php_value` and `.user.ini`, and when a request ends and its changes are undone. The
//! handler counts changes; a call whose count differs from the kept one reads the values again,
//! so a change is still seen by the very next call.

use std::cell::RefCell;
use std::ffi::{c_char, c_int, c_void, CStr};
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use click2dial_core::{CredentialSource, Error, ErrorKind, PbxKind, Result, Settings};
use ext_php_rs::ffi::{zend_ini_entry, zend_string};
use ext_php_rs::flags::IniEntryPermission;
use ext_php_rs::zend::{IniEntryDef, IniEntryDefs};

pub const SERVER: &CStr = c"click2dial.server";
pub const CA_FILE: &CStr = c"click2dial.ca_file";
pub const CONNECT_TIMEOUT_MS: &CStr = c"click2dial.connect_timeout_ms";
pub const TIMEOUT_MS: &CStr = c"click2dial.timeout_ms";
pub const DIRECTORY: &CStr = c"click2dial.directory";
pub const ALLOW_HTTP: &CStr = c"click2dial.allow_http";
pub const DIALPLAN: &CStr = c"click2dial.dialplan";
pub const CREDENTIALS: &CStr = c"click2dial.credentials";
pub const KEY_FILE: &CStr = c"click2dial.key_file";
pub const RATE_LIMIT: &CStr = c"click2dial.rate_limit";
pub const DUPLICATE_WINDOW_MS: &CStr = c"click2dial.duplicate_window_ms";
pub const STATE_DIR: &CStr = c"click2dial.state_dir";
pub const CREDENTIAL_DIR: &CStr = c"click2dial.credential_dir";
pub const FAILED_LOGINS: &CStr = c"click2dial.failed_logins";
pub const PBX: &CStr = c"click2dial.pbx";
pub const CLICKTOCALL_XML: &CStr = c"click2dial.clicktocall_xml";
pub const CLICKTOCALL_PASSWORD_FILE: &CStr = c"click2dial.clicktocall_password_file";
pub const CLICKTOCALL_ANCHOR: &CStr = c"click2dial.clicktocall_anchor";
pub const CLICKTOCALL_INITIATOR: &CStr = c"click2dial.clicktocall_initiator";
pub const CLICKTOCALL_FOLLOW_TIMEOUT_MS: &CStr = c"click2dial.clicktocall_follow_timeout_ms";

pub const SHARED_STATE: &CStr = c"click2dial.shared_state";
pub const SHARED_STATE_CA_FILE: &CStr = c"click2dial.shared_state_ca_file";
pub const SHARED_STATE_PASSWORD_FILE: &CStr = c"click2dial.shared_state_password_file";

pub static ENTRIES: IniEntryDefs<24> = IniEntryDefs::new([
    entry(SERVER, c"", IniEntryPermission::System),
    entry(CA_FILE, c"", IniEntryPermission::System),
    entry(CONNECT_TIMEOUT_MS, c"2000", IniEntryPermission::All),
    entry(TIMEOUT_MS, c"5000", IniEntryPermission::All),
    entry(DIRECTORY, c"", IniEntryPermission::System),
    entry(ALLOW_HTTP, c"0", IniEntryPermission::System),
    entry(DIALPLAN, c"", IniEntryPermission::System),
    entry(CREDENTIALS, c"stored", IniEntryPermission::System),
    entry(KEY_FILE, c"", IniEntryPermission::System),
    entry(RATE_LIMIT, c"6", IniEntryPermission::System),
    entry(DUPLICATE_WINDOW_MS, c"5000", IniEntryPermission::System),
    entry(STATE_DIR, c"", IniEntryPermission::System),
    entry(CREDENTIAL_DIR, c"", IniEntryPermission::System),
    entry(FAILED_LOGINS, c"5", IniEntryPermission::System),
    entry(PBX, c"sipxconfig", IniEntryPermission::System),
    entry(CLICKTOCALL_XML, c"", IniEntryPermission::System),
    entry(CLICKTOCALL_PASSWORD_FILE, c"", IniEntryPermission::System),
    entry(CLICKTOCALL_ANCHOR, c"1", IniEntryPermission::System),
    entry(
        CLICKTOCALL_INITIATOR,
        c"sip:{extension}",
        IniEntryPermission::System,
    ),
    entry(
        CLICKTOCALL_FOLLOW_TIMEOUT_MS,
        c"400000",
        IniEntryPermission::System,
    ),
    entry(SHARED_STATE, c"", IniEntryPermission::System),
    entry(SHARED_STATE_CA_FILE, c"", IniEntryPermission::System),
    entry(SHARED_STATE_PASSWORD_FILE, c"", IniEntryPermission::System),
    IniEntryDef::end(),
]);

/// An entry with a change handler. It tells the kept [`Settings`] apart from the current ones;
/// besides, PHP counts a runtime `ini_restore()` of an entry that has no handler as failed and
/// keeps the changed value.
const fn entry(
    name: &'static CStr,
    default: &'static CStr,
    permission: IniEntryPermission,
) -> IniEntryDef {
    let mut definition = IniEntryDef::new(name, default, permission);
    definition.on_modify = Some(note_change);
    definition
}

/// How many times the engine changed one of our values. The engine calls the handler just
/// before it stores the new value, on the thread that then runs the next PHP code, so a count
/// read by a call is never older than the values it reads.
static CHANGES: AtomicU64 = AtomicU64::new(0);

/// Accepts every value: they are checked where they are used, where the message can say what is
/// wrong.
unsafe extern "C" fn note_change(
    _entry: *mut zend_ini_entry,
    _new_value: *mut zend_string,
    _arg1: *mut c_void,
    _arg2: *mut c_void,
    _arg3: *mut c_void,
    _stage: c_int,
) -> c_int {
    CHANGES.fetch_add(1, Ordering::AcqRel);
    0 // SUCCESS
}

extern "C" {
    // PHP's own INI lookup (Zend/zend_ini.h): the current value, or NULL when unset.
    fn zend_ini_string_ex(
        name: *const c_char,
        name_length: usize,
        orig: c_int,
        exists: *mut bool,
    ) -> *mut c_char;
}

/// The current value of a registered setting, `""` when it has none.
pub fn value(name: &CStr) -> String {
    let mut exists = false;
    // SAFETY: `name` is NUL-terminated and its length excludes the NUL, as the engine expects;
    // the returned pointer, when not null, is a NUL-terminated string owned by the engine and
    // valid for the duration of this call, and is copied at once.
    unsafe {
        let raw = zend_ini_string_ex(name.as_ptr(), name.to_bytes().len(), 0, &mut exists);
        if raw.is_null() {
            return String::new();
        }
        CStr::from_ptr(raw).to_string_lossy().into_owned()
    }
}

thread_local! {
    /// The settings as read after the change numbered `.0`. Per thread, because a thread-safe PHP
    /// build keeps INI values per thread (the count is shared, so any change rereads).
    static KEPT: RefCell<Option<(u64, Rc<Settings>)>> = const { RefCell::new(None) };
}

/// The settings as they stand now: the kept ones, or read again when a value changed since.
/// A value that is wrong is an error on every call until it is fixed (errors are not kept).
pub fn current() -> Result<Rc<Settings>> {
    let changes = CHANGES.load(Ordering::Acquire);
    KEPT.with(|kept| {
        if let Some((seen, settings)) = &*kept.borrow() {
            if *seen == changes {
                return Ok(Rc::clone(settings));
            }
        }
        let settings = Rc::new(read()?);
        *kept.borrow_mut() = Some((changes, Rc::clone(&settings)));
        Ok(settings)
    })
}

/// The settings as they stand now, as an owned copy (the functions' hot paths use [`current`],
/// which shares the kept ones).
pub fn settings() -> Result<Settings> {
    current().map(|settings| Settings::clone(&settings))
}

/// Reads every value.
fn read() -> Result<Settings> {
    Ok(Settings {
        server: value(SERVER),
        ca_file: path(CA_FILE),
        connect_timeout: milliseconds(CONNECT_TIMEOUT_MS)?,
        timeout: milliseconds(TIMEOUT_MS)?,
        directory: path(DIRECTORY),
        allow_http: flag(ALLOW_HTTP),
        dialplan: path(DIALPLAN),
        credentials: CredentialSource::parse(&value(CREDENTIALS))?,
        key_file: path(KEY_FILE),
        credential_dir: path(CREDENTIAL_DIR),
        rate_limit: number(
            RATE_LIMIT,
            0..=100_000,
            "calls a minute (0 turns the limit off)",
        )? as u32,
        duplicate_window: Duration::from_millis(number(
            DUPLICATE_WINDOW_MS,
            0..=600_000,
            "milliseconds (0 turns it off)",
        )?),
        state_dir: path(STATE_DIR),
        failed_logins: number(
            FAILED_LOGINS,
            0..=1000,
            "failed sign-ins (0 turns the budget off, leaving PINs open to guessing)",
        )? as u32,
        pbx: PbxKind::parse(&value(PBX))?,
        clicktocall_xml: text(CLICKTOCALL_XML),
        clicktocall_password_file: path(CLICKTOCALL_PASSWORD_FILE),
        clicktocall_anchor: flag(CLICKTOCALL_ANCHOR),
        clicktocall_initiator: text(CLICKTOCALL_INITIATOR)
            .unwrap_or_else(|| click2dial_core::DEFAULT_CLICKTOCALL_INITIATOR.to_owned()),
        clicktocall_follow_timeout: Duration::from_millis(number(
            CLICKTOCALL_FOLLOW_TIMEOUT_MS,
            1..=3_600_000,
            "milliseconds",
        )?),
        shared_state: Some(value(SHARED_STATE))
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty()),
        shared_state_ca_file: path(SHARED_STATE_CA_FILE),
        shared_state_password_file: path(SHARED_STATE_PASSWORD_FILE),
    })
}

fn path(name: &CStr) -> Option<PathBuf> {
    text(name).map(PathBuf::from)
}

/// The value trimmed, `None` when it is empty.
fn text(name: &CStr) -> Option<String> {
    Some(value(name))
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

fn flag(name: &CStr) -> bool {
    matches!(
        value(name).trim().to_ascii_lowercase().as_str(),
        "1" | "on" | "yes" | "true"
    )
}

fn milliseconds(name: &CStr) -> Result<Duration> {
    number(name, 1..=600_000, "milliseconds").map(Duration::from_millis)
}

/// A whole number in `range`; `unit` says what it counts, for the message.
fn number(name: &CStr, range: std::ops::RangeInclusive<u64>, unit: &str) -> Result<u64> {
    let raw = value(name);
    match raw.trim().parse::<u64>() {
        Ok(n) if range.contains(&n) => Ok(n),
        _ => Err(Error::new(
            ErrorKind::Configuration,
            format!(
                "{} is \"{}\": give a whole number of {unit} from {} to {}",
                name.to_string_lossy(),
                raw.escape_debug(),
                range.start(),
                range.end()
            ),
        )),
    }
}
