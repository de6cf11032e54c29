//! libFuzzer target: see src/targets/dialplan_toml.rs (`cargo fuzz run dialplan_toml`).

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| click2dial_fuzz::targets::dialplan_toml::check(data));
