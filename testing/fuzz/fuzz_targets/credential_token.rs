//! libFuzzer target: arbitrary bytes into the credential token check (`cargo fuzz run credential_token`).

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| click2dial_fuzz::targets::credential_token::check(data));
