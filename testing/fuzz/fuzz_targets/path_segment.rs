//! libFuzzer target: see src/targets/path_segment.rs (`cargo fuzz run path_segment`).

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| click2dial_fuzz::targets::path_segment::check(data));
