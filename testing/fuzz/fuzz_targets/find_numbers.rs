//! libFuzzer target: arbitrary bytes as a message text into findNumbers (`cargo fuzz run
//! find_numbers`).

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| click2dial_fuzz::targets::find_numbers::check(data));
