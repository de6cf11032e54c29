//! `find_numbers`' arguments and its answer, apart from the corpus (`find_numbers.rs`): the
//! bound on the text, the region, numbers without a dial plan, the plan's rules, and text made
//! to trip the matcher up (no panic, offsets on the text's UTF-16 boundaries).

use std::path::Path;

use click2dial_core::{find_numbers_by, DialPlan, FindError, FoundNumber, MAX_TEXT_BYTES};

fn plan(extra: &str) -> DialPlan {
    let toml = format!(
        "region = \"DE\"\noutside_line = \"0\"\ninternal = '^[2-9][0-9]{{2}}$'\n\
         block = ['premium_rate']\n{extra}"
    );
    DialPlan::parse(Path::new("find-numbers.toml"), toml.as_bytes()).unwrap()
}

fn texts(found: &[FoundNumber]) -> Vec<&str> {
    found.iter().map(|n| n.text.as_str()).collect()
}

#[test]
fn text_longer_than_the_bound_is_refused_not_searched_in_part() {
    let mut text = "x".repeat(MAX_TEXT_BYTES - 13);
    text.push_str(" 05331 9390-0");
    assert_eq!(text.len(), MAX_TEXT_BYTES);
    let found = find_numbers_by(Some(&plan("")), &text, None).unwrap();
    assert_eq!(texts(&found), ["05331 9390-0"]);
    text.push(' ');
    let err = find_numbers_by(Some(&plan("")), &text, None).unwrap_err();
    assert_eq!(err, FindError::TextTooLong(MAX_TEXT_BYTES + 1));
    assert!(err.message().contains("pieces"), "{}", err.message());
}

#[test]
fn a_region_is_an_iso_code_in_either_case() {
    let text = "Ring 020 7946 0958";
    for region in ["GB", "gb"] {
        let found = find_numbers_by(Some(&plan("")), text, Some(region)).unwrap();
        assert_eq!(found[0].number, "+442079460958", "{region}");
        // The plan dials from Germany, whatever region the text was read in.
        assert_eq!(found[0].dial.as_str(), "000442079460958");
    }
    for region in ["XX", "GBR", "", "1", "Deutschland", "zz"] {
        let err = find_numbers_by(Some(&plan("")), text, Some(region)).unwrap_err();
        assert_eq!(err, FindError::UnknownRegion(region.to_owned()));
    }
}

#[test]
fn without_a_region_the_dial_plans_is_used_and_without_either_only_plus_numbers() {
    let text = "Ring 020 7946 0958, 05331 939-0 or +1 650 253 0000.";
    let by_plan = find_numbers_by(Some(&plan("")), text, None).unwrap();
    // 020 7946 0958 is no German number: read in Germany it is not found at all.
    assert_eq!(texts(&by_plan), ["05331 939-0", "+1 650 253 0000"]);
    let bare = find_numbers_by(None, text, None).unwrap();
    assert_eq!(texts(&bare), ["+1 650 253 0000"]);
    // Without a dial plan a number is only cleaned, as makeCall cleans it.
    assert_eq!(bare[0].dial.as_str(), "+16502530000");
    let in_de = find_numbers_by(None, text, Some("DE")).unwrap();
    assert_eq!(in_de[0].dial.as_str(), "+4953319390");
}

#[test]
fn what_the_dial_plan_refuses_is_not_found_and_what_it_translates_is_dialed_so() {
    let plan = plan(
        "[[deny]]\npattern = '^\\+4930'\nreason = \"no calls to Berlin\"\n\
         [[translate]]\npattern = '^\\+495331939(\\d{1,3})$'\noutput = '$1'\n",
    );
    let text = "Berlin 030 12345678, Zentrale 05331 939-0, Vertrieb 05331 939-123, \
                Hotline 0900 1234567, Mobil 0171 1234567";
    let found = find_numbers_by(Some(&plan), text, None).unwrap();
    let dials: Vec<(&str, &str)> = found
        .iter()
        .map(|n| (n.text.as_str(), n.dial.as_str()))
        .collect();
    assert_eq!(
        dials,
        [
            ("05331 939-0", "0"),
            ("05331 939-123", "123"),
            ("0171 1234567", "001711234567")
        ]
    );
    // What findNumbers says is dialed is what makeCall dials for the number it returns.
    for number in &found {
        assert_eq!(plan.normalize(&number.number).unwrap().dial, number.dial);
    }
}

#[test]
fn an_extension_is_returned_apart_and_not_dialed() {
    let found =
        find_numbers_by(Some(&plan("")), "call +1 415-555-0199 ext. 204 today", None).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].text, "+1 415-555-0199 ext. 204");
    assert_eq!(found[0].number, "+14155550199");
    assert_eq!(found[0].extension.as_deref(), Some("204"));
    assert_eq!(found[0].dial.as_str(), "00014155550199");
    assert_eq!((found[0].start, found[0].end), (5, 29));
}

#[test]
fn a_date_with_a_time_after_it_is_still_a_date() {
    // The matcher reads "02.12.2024 14" as a number; without the hour it is a date.
    let found = find_numbers_by(Some(&plan("")), "am 02.12.2024 14:00 Uhr", None).unwrap();
    assert_eq!(texts(&found), Vec::<&str>::new());
    let found = find_numbers_by(
        Some(&plan("")),
        "Hotline Mo.-Fr. 0800 1234567 08:00-18:00",
        None,
    )
    .unwrap();
    assert_eq!(texts(&found), ["0800 1234567"]);
}

/// Text made to trip a matcher up: runs of brackets, punctuation and digits, digits of other
/// scripts, characters outside the Basic Multilingual Plane, cut-off extensions.
fn awkward_texts() -> Vec<String> {
    let mut texts = vec![
        "((((((((((((0511))))))))))) 7654321".to_owned(),
        "+".repeat(5000),
        "0".repeat(MAX_TEXT_BYTES),
        "1-".repeat(MAX_TEXT_BYTES / 2),
        "(0)".repeat(MAX_TEXT_BYTES / 3),
        "😀0😀5😀1😀1 7654321 ext".to_owned(),
        "٠٥١١ ٧٦٥٤٣٢١ and ０５１１ ７６５４３２１".to_owned(),
        "+49 511 7654321 ext. 99999999999999999999999999".to_owned(),
        "0511 7654321 14:".to_owned(),
        "0511 7654321 1:00 and 12 14:00".to_owned(),
        "\u{202E}0511 7654321\u{200B}\u{FEFF}".to_owned(),
    ];
    let mixed: String = (0..MAX_TEXT_BYTES / 20)
        .map(|i| ["0511 ", "7654", "-", "32", "1 ", "ü", "/", "(0)"][i % 8])
        .collect();
    texts.push(mixed);
    texts
}

#[test]
fn no_text_makes_it_panic_and_every_offset_is_on_a_boundary() {
    let plan = plan("");
    for text in awkward_texts() {
        let text = text.as_str();
        assert!(text.len() <= MAX_TEXT_BYTES);
        let units: Vec<u16> = text.encode_utf16().collect();
        for region in [None, Some("US")] {
            for number in find_numbers_by(Some(&plan), text, region).unwrap() {
                let span = String::from_utf16(&units[number.start..number.end]).ok();
                assert_eq!(span.as_deref(), Some(number.text.as_str()));
            }
        }
    }
    let digits = find_numbers_by(Some(&plan), "٠٥١١ ٧٦٥٤٣٢١", None).unwrap();
    assert_eq!(
        digits[0].number, "+495117654321",
        "Arabic-Indic digits are digits"
    );
}
