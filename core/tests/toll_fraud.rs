//! Toll fraud: whatever way a number in a charged range is written (one digit more or less,
//! separators, full-width digits, `(0)`, `00`/`011`, a trailing `#`, a pause, an extension), it
//! is refused, and ordinary numbers of every kind are still dialed, through dial plans for DE,
//! US, GB, AT and CH (`toll_fraud/numbers.tsv`). The table is checked against Python's
//! `phonenumbers` too (`oracle/dialplan_oracle.py --plan-column`), which finds blocked ranges by
//! the metadata's patterns where the Rust side uses the types of nearby numbers.
//!
//! The oracle needs a Python with `phonenumbers`: `scripts/install-deps` makes one in
//! `.run/oracle-venv`; `C2D_ORACLE_PYTHON` names another.

mod number_tables;

use std::path::Path;

use click2dial_core::{DialPlan, ErrorKind};
use number_tables::{ask_oracle, table_lines, unescape};

struct Plan {
    region: &'static str,
    outside_line: &'static str,
    internal: &'static str,
    block: &'static [&'static str],
    deny: &'static [&'static str],
}

/// One plan a region; each is also tried with `allow_invalid = true` as `REGION-open`.
const PLANS: [Plan; 5] = [
    Plan {
        region: "DE",
        outside_line: "0",
        internal: "^[2-9][0-9]{2}$",
        block: &["premium_rate", "shared_cost", "personal_number"],
        deny: &[r"^\+49118"],
    },
    Plan {
        region: "US",
        outside_line: "9",
        internal: "^[2-8][0-9]{3}$",
        block: &["premium_rate"],
        deny: &[],
    },
    Plan {
        region: "GB",
        outside_line: "9",
        internal: "^[2-8][0-9]{3}$",
        block: &["premium_rate", "personal_number"],
        deny: &[r"^\+44118"],
    },
    Plan {
        region: "AT",
        outside_line: "0",
        internal: "^[2-9][0-9]{2}$",
        block: &["premium_rate", "shared_cost"],
        deny: &[r"^\+43118"],
    },
    Plan {
        region: "CH",
        outside_line: "0",
        internal: "^[2-9][0-9]{2}$",
        block: &["premium_rate", "shared_cost", "personal_number"],
        deny: &[r"^\+4118"],
    },
];

const REFUSED_KINDS: [&str; 6] = [
    "premium",
    "shared_cost",
    "personal",
    "short_code",
    "out_of_pattern",
    "pause",
];
const DIALED_KINDS: [&str; 6] = [
    "fixed",
    "mobile",
    "toll_free",
    "internal",
    "international",
    "allowed_invalid",
];

struct Row {
    plan: String,
    /// As written in the table, escapes and all.
    written: String,
    input: String,
    dialed: String,
    kind: String,
}

const TABLE: &str = "tests/toll_fraud/numbers.tsv";

fn table() -> Vec<Row> {
    table_lines(TABLE)
        .iter()
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 4, "bad table line: {line:?}");
            Row {
                plan: fields[0].to_owned(),
                written: fields[1].to_owned(),
                input: unescape(fields[1]),
                dialed: fields[2].to_owned(),
                kind: fields[3].to_owned(),
            }
        })
        .collect()
}

fn quoted_list(items: &[&str]) -> String {
    let items: Vec<String> = items.iter().map(|i| format!("'{i}'")).collect();
    format!("[{}]", items.join(", "))
}

fn plan_toml(plan: &Plan, allow_invalid: bool) -> String {
    let mut toml = format!(
        "region = \"{}\"\noutside_line = \"{}\"\ninternal = '{}'\nblock = {}\nallow_invalid = {allow_invalid}\n",
        plan.region,
        plan.outside_line,
        plan.internal,
        quoted_list(plan.block)
    );
    for pattern in plan.deny {
        toml.push_str(&format!(
            "[[deny]]\npattern = '{pattern}'\nreason = \"directory enquiries\"\n"
        ));
    }
    toml
}

/// Every plan by its name in the table.
fn plans() -> Vec<(String, DialPlan)> {
    let mut plans = Vec::new();
    for plan in &PLANS {
        for open in [false, true] {
            let name = if open {
                format!("{}-open", plan.region)
            } else {
                plan.region.to_owned()
            };
            let toml = plan_toml(plan, open);
            let parsed = DialPlan::parse(Path::new("toll-fraud.toml"), toml.as_bytes())
                .unwrap_or_else(|err| panic!("{name}: {err}"));
            assert!(
                parsed.warnings().is_empty(),
                "{name}: {:?}",
                parsed.warnings()
            );
            plans.push((name, parsed));
        }
    }
    plans
}

fn outcome(plan: &DialPlan, input: &str) -> String {
    match plan.normalize(input) {
        Ok(normalized) => normalized.dial.as_str().to_owned(),
        Err(err) => match err.kind() {
            ErrorKind::InvalidNumber => "invalid".to_owned(),
            ErrorKind::NumberNotAllowed => "not-allowed".to_owned(),
            other => panic!("{input:?}: unexpected {other:?}: {err}"),
        },
    }
}

#[test]
fn the_table_refuses_every_charged_number_and_dials_every_ordinary_one() {
    let rows = table();
    assert!(rows.len() >= 400, "only {} rows", rows.len());
    let mut wrong = Vec::new();
    for row in &rows {
        let refused = row.dialed == "invalid" || row.dialed == "not-allowed";
        if REFUSED_KINDS.contains(&row.kind.as_str()) {
            if !refused {
                wrong.push(format!(
                    "{} {:?} ({}) is dialed",
                    row.plan, row.written, row.kind
                ));
            }
        } else if DIALED_KINDS.contains(&row.kind.as_str()) {
            if refused {
                wrong.push(format!(
                    "{} {:?} ({}) is refused",
                    row.plan, row.written, row.kind
                ));
            }
        } else {
            wrong.push(format!("{:?}: unknown kind {}", row.written, row.kind));
        }
    }
    // Every region has each kind it has ranges for, in both plans.
    for plan in &PLANS {
        for kind in [
            "premium",
            "short_code",
            "out_of_pattern",
            "pause",
            "fixed",
            "toll_free",
        ] {
            if !rows.iter().any(|r| r.plan == plan.region && r.kind == kind) {
                wrong.push(format!("{} has no {kind} row", plan.region));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_number_is_dialed_or_refused_as_the_table_says() {
    let plans = plans();
    let mut wrong = Vec::new();
    for row in table() {
        let plan = &plans
            .iter()
            .find(|(name, _)| *name == row.plan)
            .unwrap_or_else(|| panic!("no plan {}", row.plan))
            .1;
        let dialed = outcome(plan, &row.input);
        if dialed != row.dialed {
            wrong.push(format!(
                "{} {:?} ({}): {dialed}, the table says {}",
                row.plan, row.written, row.kind, row.dialed
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

fn json_list(items: &[&str]) -> String {
    let items: Vec<String> = items
        .iter()
        .map(|i| format!("\"{}\"", i.replace('\\', "\\\\")))
        .collect();
    format!("[{}]", items.join(", "))
}

#[test]
fn python_phonenumbers_agrees_with_the_table() {
    let mut plans = Vec::new();
    for plan in &PLANS {
        for open in [false, true] {
            plans.push(format!(
                r#"{{"name": "{}{}", "region": "{}", "outside_line": "{}", "internal": "{}", "block": {}, "deny": {}, "allow_invalid": {open}}}"#,
                plan.region,
                if open { "-open" } else { "" },
                plan.region,
                plan.outside_line,
                plan.internal,
                json_list(plan.block),
                json_list(plan.deny)
            ));
        }
    }
    let plans = format!("[{}]", plans.join(", "));
    let table_path = number_tables::path(TABLE);
    let answers = ask_oracle(&[
        "--plan-column".as_ref(),
        table_path.as_os_str(),
        plans.as_ref(),
    ]);
    let rows = table();
    assert_eq!(
        answers.len(),
        rows.len(),
        "the oracle answered for another number of rows"
    );
    let mut wrong = Vec::new();
    for (row, answer) in rows.iter().zip(&answers) {
        // {"input": "...", "dialed": "..."}: the dial string is the last string of the line.
        let said = answer
            .rsplit("\"dialed\": \"")
            .next()
            .and_then(|rest| rest.strip_suffix("\"}"))
            .unwrap_or(answer.as_str());
        if said != row.dialed {
            wrong.push(format!(
                "{} {:?}: phonenumbers gives {said}, the table says {}",
                row.plan, row.written, row.dialed
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} disagreements:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

// The attacks one by one, each on the plan that shows it.

fn parsed(toml: &str) -> DialPlan {
    DialPlan::parse(Path::new("/etc/click2dial/dialplan.toml"), toml.as_bytes()).unwrap()
}

const DE: &str = "region = \"DE\"\noutside_line = \"0\"\ninternal = '^[2-9][0-9]{2}$'\n";

fn refused(plan: &DialPlan, input: &str) -> click2dial_core::Error {
    match plan.normalize(input) {
        Ok(normalized) => panic!("{input:?} is dialed as {}", normalized.dial),
        Err(err) => err,
    }
}

#[test]
fn a_premium_number_with_a_digit_too_many_or_too_few_is_not_dialed() {
    // +49 900 1234567 is premium-rate; one digit more or less has no type at all, and was
    // dialed: the carrier connects it into the premium-rate range.
    let strict = parsed(DE);
    let open = parsed(&format!("{DE}allow_invalid = true\n"));
    for input in [
        "+49 900 12345678",
        "+49 900 123456",
        "0900 1234567 8",
        "+49 9009 123456",
    ] {
        assert_eq!(
            refused(&strict, input).kind(),
            ErrorKind::InvalidNumber,
            "{input}"
        );
        let err = refused(&open, input);
        assert_eq!(err.kind(), ErrorKind::NumberNotAllowed, "{input}: {err}");
        assert!(err.message().contains("premium-rate"), "{err}");
    }
    let ch = parsed("region = \"CH\"\noutside_line = \"0\"\ninternal = '^[2-9][0-9]{2}$'\nblock = ['shared_cost']\nallow_invalid = true\n");
    // Ten digits is no Swiss number's length at all: refused before the ranges are looked at.
    assert_eq!(
        refused(&ch, "0848 123 4567").kind(),
        ErrorKind::InvalidNumber
    );
    assert_eq!(
        refused(&ch, "0848 123 45").kind(),
        ErrorKind::NumberNotAllowed
    );
}

#[test]
fn a_number_in_no_range_is_dialed_only_where_the_administrator_allows_it() {
    let strict = parsed(DE);
    let err = refused(&strict, "+49 20 79460958");
    assert_eq!(err.kind(), ErrorKind::InvalidNumber);
    assert!(err.message().contains("allow_invalid"), "{err}");
    let open = parsed(&format!("{DE}allow_invalid = true\n"));
    assert_eq!(
        open.normalize("+49 20 79460958").unwrap().dial.as_str(),
        "002079460958"
    );
}

#[test]
fn a_number_that_matches_no_format_keeps_its_trunk_prefix() {
    // libphonenumber formats +49 3012 as "3012", without the 0: dialed so it reached 3012 in
    // the PBX's own area, not the number the rules checked.
    let open = parsed(&format!("{DE}allow_invalid = true\n"));
    assert_eq!(open.normalize("+49 30 12").unwrap().dial.as_str(), "003012");
    assert_eq!(
        open.normalize("+49 999 1234567").unwrap().dial.as_str(),
        "009991234567"
    );
}

#[test]
fn a_trunk_prefix_read_as_part_of_the_number_is_not_dialed_twice() {
    // "0848 123 45" in Switzerland is read as 084812345 (the 0 kept, as stripping it would
    // leave too few digits); dialed as 0 + 084812345 it was 0084812345: Vietnam.
    let ch = parsed("region = \"CH\"\noutside_line = \"0\"\ninternal = '^[2-9][0-9]{2}$'\nblock = []\nallow_invalid = true\n");
    let err = refused(&ch, "0848 123 45");
    assert_eq!(err.kind(), ErrorKind::InvalidNumber, "{err}");
    assert!(err.message().contains("begins with 0 again"), "{err}");
    // NANP's 1-800-FLWERS (a letter short) is read as 1800359377, its 1 kept: 1 1800... is
    // no number.
    let us = parsed(
        "region = \"US\"\noutside_line = \"9\"\ninternal = '^[2-8][0-9]{3}$'\nallow_invalid = true\n",
    );
    let err = refused(&us, "1-800-FLWERS");
    assert!(err.message().contains("begins with 1 again"), "{err}");
    // "+49 00 123457" is read as +49 0123457, a leading zero no German number has: dialed from
    // the USA, the far end drops it and reaches +49 123457.
    let err = refused(&us, "+49 00 123457");
    assert!(
        err.message().contains("would read it as +49123457"),
        "{err}"
    );
}

#[test]
fn a_trailing_hash_or_a_pause_does_not_dial_a_shorter_or_another_number() {
    // "+49 5331 9390#" was read as +49 5331 with the extension 9390.
    let de = parsed(DE);
    for input in [
        "+49 5331 9390#",
        "+49 5331 939 0#",
        "+49 5331 9390*12",
        "+49 5331 9390,12",
        "+49 5331 9390,,12",
        "+49 5331 9390;12",
        "+49 5331 9390 p 12",
        "+49 5331 9390w12",
        "+49 5331 939#12",
    ] {
        let err = refused(&de, input);
        assert_eq!(err.kind(), ErrorKind::InvalidNumber, "{input}");
        assert!(
            err.message()
                .contains("\"ext. 12\", \"x12\" or \";ext=12\""),
            "{err}"
        );
    }
    // Extensions written as such, and vanity letters, are still read.
    assert_eq!(
        de.normalize("+49 5331 9390 ext. 12")
            .unwrap()
            .extension
            .as_deref(),
        Some("12")
    );
    assert_eq!(
        de.normalize("tel:+49-5331-9390;ext=12")
            .unwrap()
            .extension
            .as_deref(),
        Some("12")
    );
    assert_eq!(
        de.normalize("+1-800-FLOWERS").unwrap().dial.as_str(),
        "00018003569377"
    );
}

#[test]
fn a_hash_does_not_reach_a_translate_rule_as_a_shorter_number() {
    let de = parsed(&format!(
        "{DE}[[translate]]\npattern = '^\\+495331939(\\d{{1,3}})$'\noutput = '$1'\n"
    ));
    assert_eq!(de.normalize("+49 5331 939 12").unwrap().dial.as_str(), "12");
    assert_eq!(
        refused(&de, "+49 5331 939 12#").kind(),
        ErrorKind::InvalidNumber
    );
    assert_eq!(
        refused(&de, "+49 5331 939*12").kind(),
        ErrorKind::InvalidNumber
    );
}

#[test]
fn an_internal_pattern_that_takes_the_outside_line_or_emergency_numbers_is_warned_about() {
    let us = parsed("region = \"US\"\noutside_line = \"9\"\ninternal = '^[2-9][0-9]{2}$'\n");
    let warnings = us.warnings().join("\n");
    assert!(
        warnings.contains("begins with the outside line \"9\""),
        "{warnings}"
    );
    assert!(warnings.contains("911"), "{warnings}");
    assert!(warnings.contains("411"), "{warnings}");
    // The warning does not stop calls.
    assert_eq!(us.normalize("911").unwrap().dial.as_str(), "911");
    let greedy = parsed("region = \"DE\"\noutside_line = \"0\"\ninternal = '^[0-9]+$'\n");
    let warnings = greedy.warnings().join("\n");
    assert!(warnings.contains("outside line"), "{warnings}");
    assert!(warnings.contains("11833"), "{warnings}");
    assert!(parsed(DE).warnings().is_empty());
}

#[test]
fn the_readme_deny_examples_refuse_what_block_does_not_cover() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md"))
            .unwrap();
    let after = &readme[readme
        .find("Deny them:")
        .expect("the README's deny examples")..];
    let start = after.find("```toml\n").unwrap() + "```toml\n".len();
    let rules = &after[start..start + after[start..].find("```").unwrap()];
    let open = parsed(&format!("{DE}allow_invalid = true\n{rules}"));
    for input in [
        "11833",
        "+49 118 80",
        "+881 6 1234 5678",
        "+53 7 1234567",
        "0137 1234567",
    ] {
        let err = refused(&open, input);
        assert_eq!(err.kind(), ErrorKind::NumberNotAllowed, "{input}: {err}");
    }
    assert_eq!(
        open.normalize("+49 30 901820").unwrap().dial.as_str(),
        "0030901820"
    );
}
