//! libFuzzer target: arbitrary bytes into number normalisation (`cargo fuzz run normalize_number`).

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| click2dial_fuzz::targets::normalize_number::check(data));
