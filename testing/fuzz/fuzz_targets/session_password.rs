//! libFuzzer target: arbitrary bytes into the session password check (`cargo fuzz run session_password`).

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| click2dial_fuzz::targets::session_password::check(data));
