//! Marks password parameters `#[\SensitiveParameter]`.
//!
//! PHP records the arguments of every call in exception traces, so `makeCall('207', 'alice',
//! '4711')` would print the PIN wherever a trace is shown or logged. PHP 8.2 replaces arguments
//! that carry `#[\SensitiveParameter]` with a `SensitiveParameterValue` in traces; internal
//! functions get the attribute at start-up, as PHP's own `password_hash()` does. On PHP 8.1 the
//! attribute is inert metadata.

use std::ffi::{c_char, c_void};

use ext_php_rs::ffi::{compiler_globals, zend_function, zend_string, zval, HashTable};
use ext_php_rs::types::ZendStr;

/// The functions (lower-cased, as the engine keys them) and the 0-based index of each secret
/// parameter.
const SENSITIVE_PARAMETERS: [(&str, u32); 9] = [
    ("click2dial\\makecall", 2),
    ("click2dial\\activecalls", 1),
    ("click2dial\\callstatus", 1),
    ("click2dial\\decryptsessionpassword", 0),
    ("click2dial\\decryptsessionpassword", 1),
    ("click2dial\\decryptsessionpassword", 2),
    ("click2dial\\encryptcredential", 0),
    ("click2dial\\decryptcredential", 0),
    ("click2dial\\storecredential", 1),
];

/// `ZEND_ATTRIBUTE_PERSISTENT`: internal functions live as long as the process.
const ATTRIBUTE_PERSISTENT: u32 = 1;

extern "C" {
    fn zend_hash_str_find(table: *const HashTable, key: *const c_char, len: usize) -> *mut zval;
    fn zend_add_attribute(
        attributes: *mut *mut HashTable,
        name: *mut zend_string,
        argc: u32,
        flags: u32,
        offset: u32,
        lineno: u32,
    ) -> *mut c_void;
}

/// Adds the attribute; must run at module start-up, after the functions are registered.
pub fn mark_parameters() {
    for (name, index) in SENSITIVE_PARAMETERS {
        // SAFETY: at module start-up the compiler's function table exists and holds our
        // functions, registered with the module before its start-up function runs. The entry is
        // a pointer to the persistent `zend_function`, whose attribute table the engine owns;
        // `zend_add_attribute` creates it when missing. The attribute takes its own reference
        // to the persistent name, so ours is released, as PHP's own start-up code does.
        unsafe {
            let table = compiler_globals.function_table;
            if table.is_null() {
                return;
            }
            let entry = zend_hash_str_find(table, name.as_ptr().cast(), name.len());
            if entry.is_null() {
                continue;
            }
            let function = (*entry).value.ptr.cast::<zend_function>();
            if function.is_null() {
                continue;
            }
            let attribute = ZendStr::new("SensitiveParameter", true).into_raw();
            zend_add_attribute(
                &raw mut (*function).common.attributes,
                attribute,
                0,
                ATTRIBUTE_PERSISTENT,
                index + 1, // 0 means the function itself, parameters count from 1
                0,
            );
            ext_php_rs::ffi::ext_php_rs_zend_string_release(attribute);
        }
    }
}
