//! Number normalisation never panics, and what it returns is something sipXconfig accepts.
//!
//! The bytes are read as UTF-8 (lossily, so that every input reaches the parser) and normalised
//! with a German and an American dial plan and without one, as `normalizeNumber` would.

use std::path::Path;
use std::sync::OnceLock;

use click2dial_core::{DialPlan, DialString, Normalized, Result};

const PLANS: [&str; 2] = [
    r#"
region = "DE"
outside_line = "0"
internal = '^[2-9][0-9]{2}$'
block = ["premium_rate", "shared_cost"]
[[deny]]
pattern = '^\+49(137|138)'
reason = "televoting numbers"
[[translate]]
pattern = '^\+495331939(\d{1,3})$'
output = '$1'
"#,
    r#"
region = "US"
outside_line = "9"
internal = '^[2-9][0-9]{3}$'
international_prefix = "011"
national_prefix = "1"
"#,
];

pub fn plans() -> &'static [DialPlan] {
    static PLANS_PARSED: OnceLock<Vec<DialPlan>> = OnceLock::new();
    PLANS_PARSED.get_or_init(|| {
        PLANS
            .iter()
            .map(|text| DialPlan::parse(Path::new("fuzz.toml"), text.as_bytes()).unwrap())
            .collect()
    })
}

/// Normalises `data` every way; panics (which the fuzzer reports) when an invariant breaks.
pub fn check(data: &[u8]) {
    let input = String::from_utf8_lossy(data);
    for plan in plans() {
        assert_acceptable(&input, plan.normalize(&input));
    }
    if let Ok(dial) = DialString::clean(&input) {
        assert_dialable(&input, &dial);
    }
}

fn assert_acceptable(input: &str, outcome: Result<Normalized>) {
    let Ok(normalized) = outcome else { return };
    assert_dialable(input, &normalized.dial);
    if let Some(e164) = &normalized.e164 {
        assert!(
            e164.starts_with('+') && e164[1..].bytes().all(|b| b.is_ascii_digit()),
            "{input:?}: e164 {e164:?}"
        );
    }
    if let Some(extension) = &normalized.extension {
        assert!(!extension.is_empty(), "{input:?}: empty extension");
    }
}

fn assert_dialable(input: &str, dial: &DialString) {
    let text = dial.as_str();
    assert!(!text.is_empty(), "{input:?}: empty dial string");
    // What sipXconfig's pattern accepts once formatting is gone.
    assert!(
        text.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+*_!~'&=$,;?".contains(&b)),
        "{input:?}: dial string {text:?}"
    );
    let clean = DialString::clean(text).expect("a dial string cleans to itself");
    assert_eq!(clean.as_str(), text, "{input:?}");
}
