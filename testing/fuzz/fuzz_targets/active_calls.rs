//! libFuzzer target: see src/targets/active_calls.rs (`cargo fuzz run active_calls`).

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| click2dial_fuzz::targets::active_calls::check(data));
