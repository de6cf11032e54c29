//! libFuzzer target: public dial strings read back pass the rules they were checked against
//! (`cargo fuzz run dialplan_reread`).

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| click2dial_fuzz::targets::dialplan_reread::check(data));
