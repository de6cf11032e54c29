//! Finding numbers in text never panics, and every number found is what its offsets point at,
//! in order, and dialed as the dial plan dials its E.164 form.
//!
//! The bytes are read as UTF-8 (lossily, so that every input reaches the matcher) and searched
//! with the German dial plan of the `normalize_number` target, in its region and in the USA, and
//! without a plan.

use click2dial_core::{find_numbers_by, DialPlan, FindError, FoundNumber, MAX_TEXT_BYTES};

use super::normalize_number::plans;

/// Searches `data` every way; panics (which the fuzzer reports) when an invariant breaks.
pub fn check(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let units: Vec<u16> = text.encode_utf16().collect();
    let german = &plans()[0];
    for (plan, region) in [
        (Some(german), None),
        (Some(german), Some("US")),
        (None, None),
    ] {
        let found = match find_numbers_by(plan, &text, region) {
            Ok(found) => found,
            // libFuzzer's inputs stay far below the bound unless told otherwise.
            Err(FindError::TextTooLong(_)) if text.len() > MAX_TEXT_BYTES => return,
            Err(err) => panic!("{text:?}: refused: {}", err.message()),
        };
        let mut previous_end = 0;
        for number in &found {
            assert!(
                number.start >= previous_end && number.start < number.end,
                "{text:?}"
            );
            previous_end = number.end;
            let span = String::from_utf16(&units[number.start..number.end]);
            assert_eq!(span.as_deref().ok(), Some(number.text.as_str()), "{text:?}");
            assert_dialed_as_planned(&text, plan, number);
        }
    }
}

fn assert_dialed_as_planned(text: &str, plan: Option<&DialPlan>, number: &FoundNumber) {
    assert!(
        number.number.starts_with('+') && number.number[1..].bytes().all(|b| b.is_ascii_digit()),
        "{text:?}: number {:?}",
        number.number
    );
    if let Some(plan) = plan {
        let normalized = plan.normalize(&number.number);
        assert_eq!(
            normalized.map(|n| n.dial).ok().as_ref(),
            Some(&number.dial),
            "{text:?}"
        );
    }
}
