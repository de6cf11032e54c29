//! The dial plan against a table of numbers as people write them (`dialplan/numbers.tsv`),
//! dialed by a PBX in Germany and one in the USA, and the table against an independent oracle:
//! Python's `phonenumbers`, run over the same table by `oracle/dialplan_oracle.py`.
//!
//! The oracle needs a Python with `phonenumbers`: `scripts/install-deps` makes one in
//! `.run/oracle-venv`; `C2D_ORACLE_PYTHON` names another.

mod number_tables;

use std::path::Path;

use click2dial_core::{DialPlan, ErrorKind};
use number_tables::{ask_oracle, table_lines, unescape};
use rlibphonenumber::PHONE_NUMBER_UTIL;

struct Plan {
    name: &'static str,
    region: &'static str,
    outside_line: &'static str,
}

const PLANS: [Plan; 2] = [
    Plan {
        name: "DE",
        region: "DE",
        outside_line: "0",
    },
    Plan {
        name: "US",
        region: "US",
        outside_line: "9",
    },
];
const INTERNAL: &str = "^[2-9][0-9]{2}$";

struct Row {
    /// As written in the table, escapes and all.
    written: String,
    input: String,
    /// One per plan, in the order of `PLANS`.
    dialed: Vec<String>,
    extension: Option<String>,
}

const TABLE: &str = "tests/dialplan/numbers.tsv";

fn table() -> Vec<Row> {
    let mut rows = Vec::new();
    for line in &table_lines(TABLE) {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 2 + PLANS.len(), "bad table line: {line:?}");
        rows.push(Row {
            written: fields[0].to_owned(),
            input: unescape(fields[0]),
            dialed: fields[1..=PLANS.len()]
                .iter()
                .map(|s| s.to_string())
                .collect(),
            extension: Some(fields[PLANS.len() + 1])
                .filter(|&e| e != "-")
                .map(str::to_owned),
        });
    }
    rows
}

fn plan(plan: &Plan) -> DialPlan {
    let toml = format!(
        "region = \"{}\"\noutside_line = \"{}\"\ninternal = '{INTERNAL}'\n",
        plan.region, plan.outside_line
    );
    DialPlan::parse(Path::new("table.toml"), toml.as_bytes()).unwrap()
}

/// What the table says for one number: the dial string, or the error's name.
fn outcome(plan: &DialPlan, input: &str) -> (String, Option<String>) {
    match plan.normalize(input) {
        Ok(normalized) => (normalized.dial.as_str().to_owned(), normalized.extension),
        Err(err) => match err.kind() {
            ErrorKind::InvalidNumber => ("invalid".to_owned(), None),
            ErrorKind::NumberNotAllowed => ("not-allowed".to_owned(), None),
            other => panic!("{input:?}: unexpected {other:?}: {err}"),
        },
    }
}

#[test]
fn the_table_covers_enough_numbers_and_countries() {
    let rows = table();
    assert!(rows.len() >= 80, "only {} numbers", rows.len());
    let de = plan(&PLANS[0]);
    let mut countries: Vec<i32> = rows
        .iter()
        .filter_map(|row| de.normalize(&row.input).ok()?.e164)
        .map(|e164| PHONE_NUMBER_UTIL.parse(&e164, None).unwrap().country_code)
        .collect();
    countries.sort();
    countries.dedup();
    assert!(countries.len() >= 10, "only {countries:?}");
}

#[test]
fn every_number_is_dialed_as_the_table_says() {
    let plans: Vec<DialPlan> = PLANS.iter().map(plan).collect();
    let mut wrong = Vec::new();
    for row in table() {
        let mut extension = None;
        for (index, plan) in plans.iter().enumerate() {
            let (dialed, ext) = outcome(plan, &row.input);
            if dialed != row.dialed[index] {
                wrong.push(format!(
                    "{:?} from {}: dialed {dialed}, the table says {}",
                    row.written, PLANS[index].name, row.dialed[index]
                ));
            }
            extension = extension.or(ext);
        }
        if extension != row.extension {
            wrong.push(format!(
                "{:?}: extension {extension:?}, the table says {:?}",
                row.written, row.extension
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

#[test]
fn python_phonenumbers_agrees_with_the_table() {
    let plans = format!(
        "[{}]",
        PLANS
            .iter()
            .map(|p| format!(
                r#"{{"name": "{}", "region": "{}", "outside_line": "{}", "internal": "{}"}}"#,
                p.name, p.region, p.outside_line, INTERNAL
            ))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let table_path = number_tables::path(TABLE);
    let answers = ask_oracle(&[table_path.as_os_str(), plans.as_ref()]);
    let rows = table();
    assert_eq!(
        answers.len(),
        rows.len(),
        "the oracle answered for another number of rows"
    );
    let mut wrong = Vec::new();
    for (row, answer) in rows.iter().zip(answers) {
        // The oracle prints flat JSON objects of strings and nulls; no JSON crate is needed.
        let field = |name: &str| -> Option<String> {
            let key = format!("\"{name}\": ");
            let start = answer.find(&key)? + key.len();
            let rest = &answer[start..];
            if rest.starts_with("null") {
                return None;
            }
            let end = rest[1..].find('"')? + 1;
            Some(rest[1..end].to_owned())
        };
        assert_eq!(
            field("input").as_deref(),
            Some(row.written.replace('\\', "\\\\").as_str())
        );
        for (index, plan) in PLANS.iter().enumerate() {
            let said = field(plan.name).unwrap_or_default();
            if said != row.dialed[index] {
                wrong.push(format!(
                    "{:?} from {}: phonenumbers dials {said}, the table says {}",
                    row.written, plan.name, row.dialed[index]
                ));
            }
        }
        if field("extension") != row.extension {
            wrong.push(format!(
                "{:?}: phonenumbers reads the extension {:?}, the table says {:?}",
                row.written,
                field("extension"),
                row.extension
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
