//! The dial-plan parser: any bytes as a `click2dial.dialplan` file parse or give a
//! configuration error naming the file, never a panic or a hang; and a plan that parses
//! normalises numbers without panicking, to dial strings sipXconfig accepts.

use std::path::Path;

use click2dial_core::{DialPlan, DialString, ErrorKind};

const NUMBERS: [&str; 8] = [
    "207",
    "+49 5331 939-0",
    "0049 5331 939123",
    "05331/939-0",
    "+1 415 555 0100",
    "9011 44 20 7946 0000",
    "0900 123456",
    "110",
];

pub fn check(data: &[u8]) {
    let plan = match DialPlan::parse(Path::new("fuzz.toml"), data) {
        Ok(plan) => plan,
        Err(err) => {
            assert_eq!(err.kind(), ErrorKind::Configuration, "{err}");
            assert!(err.message().contains("fuzz.toml"), "{err}");
            return;
        }
    };
    for number in NUMBERS {
        if let Ok(normalized) = plan.normalize(number) {
            let dial = normalized.dial.as_str();
            let again = DialString::clean(dial).expect("a dial string cleans to itself");
            assert_eq!(
                again.as_str(),
                dial,
                "{number:?} by the plan {:?}",
                plan.region()
            );
        }
    }
}
