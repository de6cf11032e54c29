//! libFuzzer target: see src/targets/directory_csv.rs (`cargo fuzz run directory_csv`).

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| click2dial_fuzz::targets::directory_csv::check(data));
