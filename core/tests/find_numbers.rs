//! `find_numbers` over a corpus of message texts (`find_numbers/messages/`): signatures,
//! forwarded headers, tables, numbers split across lines, dates, prices, IBANs, order and
//! tracking numbers, in German, English, French, Dutch, Spanish and Italian. Every match is
//! listed in `find_numbers/expected.tsv`, with what a PBX in Germany dials for it, and the list
//! is checked against Python's `phonenumbers` `PhoneNumberMatcher` as an oracle
//! (`oracle/find_numbers_oracle.py`): what it finds and findNumbers does not (dates, prices,
//! labelled references, a refused number) and the other way round is listed with the reason.
//!
//! The oracle needs a Python with `phonenumbers`: `scripts/install-deps` makes one in
//! `.run/oracle-venv`; `C2D_ORACLE_PYTHON` names another.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use click2dial_core::{find_numbers_by, DialPlan, FoundNumber};

/// A PBX in Germany behind an outside line `0` that blocks premium-rate numbers.
const PLAN: &str = "region = \"DE\"\noutside_line = \"0\"\ninternal = '^[2-9][0-9]{2}$'\n\
                    block = ['premium_rate']\n";

/// The reasons a number the oracle finds is not found (`not_numbers` and the dial plan), and
/// why one is found that the oracle does not find.
const REASONS: [&str; 6] = [
    "date",
    "price",
    "reference",
    "time",
    "not-allowed",
    "without-time",
];

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/find_numbers")
}

fn plan() -> DialPlan {
    DialPlan::parse(Path::new("find-numbers.toml"), PLAN.as_bytes()).unwrap()
}

/// A message and the region it is searched in (`None`: the dial plan's).
struct Message {
    name: String,
    region: Option<String>,
    text: String,
}

impl Message {
    /// The region the oracle is asked to read it in.
    fn oracle_region(&self) -> &str {
        self.region.as_deref().unwrap_or("DE")
    }
}

fn rows(file: &str) -> Vec<Vec<String>> {
    std::fs::read_to_string(data().join(file))
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect()
}

fn messages() -> Vec<Message> {
    rows("messages.tsv")
        .into_iter()
        .map(|fields| {
            assert_eq!(fields.len(), 2, "messages.tsv: {fields:?}");
            Message {
                text: std::fs::read_to_string(data().join("messages").join(&fields[0])).unwrap(),
                name: fields[0].clone(),
                region: (fields[1] != "plan").then(|| fields[1].clone()),
            }
        })
        .collect()
}

/// A match: message, oracle region, start, end (UTF-16), text as written (newlines as `\n`),
/// E.164 with `;ext=`.
type Match = (String, String, usize, usize, String, String);

/// A row of `expected.tsv`.
struct Expected {
    found: Match,
    /// The dial string, or `None` when findNumbers does not find it.
    dial: Option<String>,
    /// Whether the oracle finds it.
    oracle: bool,
    why: String,
}

fn expected() -> Vec<Expected> {
    rows("expected.tsv")
        .into_iter()
        .map(|f| {
            assert_eq!(f.len(), 9, "expected.tsv: {f:?}");
            Expected {
                found: (
                    f[0].clone(),
                    f[1].clone(),
                    f[2].parse().unwrap(),
                    f[3].parse().unwrap(),
                    f[4].clone(),
                    f[5].clone(),
                ),
                dial: (f[6] != "-").then(|| f[6].clone()),
                oracle: match f[7].as_str() {
                    "yes" => true,
                    "no" => false,
                    other => panic!("expected.tsv: oracle is yes or no, not {other}"),
                },
                why: f[8].clone(),
            }
        })
        .collect()
}

fn escaped(text: &str) -> String {
    text.replace('\\', "\\\\").replace('\n', "\\n")
}

fn as_match(message: &Message, found: &FoundNumber) -> Match {
    let mut number = found.number.clone();
    if let Some(extension) = &found.extension {
        number.push_str(";ext=");
        number.push_str(extension);
    }
    (
        message.name.clone(),
        message.oracle_region().to_owned(),
        found.start,
        found.end,
        escaped(&found.text),
        number,
    )
}

fn tsv(found: &Match, rest: &str) -> String {
    format!(
        "{}\t{}\t{}\t{}\t{}\t{}\t{rest}",
        found.0, found.1, found.2, found.3, found.4, found.5
    )
}

#[test]
fn every_number_in_the_corpus_is_found_as_listed_and_nothing_else() {
    let plan = plan();
    let expected = expected();
    let mut wrong = Vec::new();
    for message in messages() {
        let found = find_numbers_by(Some(&plan), &message.text, message.region.as_deref())
            .unwrap_or_else(|err| panic!("{}: {}", message.name, err.message()));
        for number in &found {
            let key = as_match(&message, number);
            match expected.iter().find(|row| row.found == key) {
                Some(row) if row.dial.as_deref() == Some(number.dial.as_str()) => {}
                Some(row) => wrong.push(format!(
                    "{}: dialed {}, listed as {:?} ({})",
                    tsv(&key, ""),
                    number.dial,
                    row.dial,
                    row.why
                )),
                None => wrong.push(format!("not listed: {}", tsv(&key, number.dial.as_str()))),
            }
        }
        let found: Vec<Match> = found.iter().map(|n| as_match(&message, n)).collect();
        for row in expected
            .iter()
            .filter(|row| row.found.0 == message.name && row.found.1 == message.oracle_region())
        {
            if row.dial.is_some() && !found.contains(&row.found) {
                wrong.push(format!("not found: {}", tsv(&row.found, &row.why)));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_offsets_are_utf16_code_units_of_the_text_as_written() {
    let plan = plan();
    let mut checked = 0;
    for message in messages() {
        let units: Vec<u16> = message.text.encode_utf16().collect();
        for number in
            find_numbers_by(Some(&plan), &message.text, message.region.as_deref()).unwrap()
        {
            let span = String::from_utf16(&units[number.start..number.end]).unwrap();
            assert_eq!(span, number.text, "{}", message.name);
            checked += 1;
        }
    }
    // The Austrian message has emoji (two units each) and umlauts before its numbers.
    assert!(checked >= 35, "only {checked} numbers");
}

#[test]
fn the_list_covers_every_kind_and_gives_each_difference_from_libphonenumber_a_reason() {
    let expected = expected();
    let mut wrong = Vec::new();
    for row in &expected {
        let differs = row.dial.is_none() || !row.oracle;
        if differs && !REASONS.iter().any(|r| row.why.starts_with(r)) {
            wrong.push(format!("no reason: {}", tsv(&row.found, &row.why)));
        }
        if row.dial.is_none() && !row.oracle {
            wrong.push(format!("found by neither: {}", tsv(&row.found, "")));
        }
    }
    for reason in REASONS {
        if !expected.iter().any(|row| row.why.starts_with(reason)) {
            wrong.push(format!("no row for {reason}"));
        }
    }
    let regions: BTreeSet<&str> = expected.iter().map(|row| row.found.1.as_str()).collect();
    assert!(regions.len() >= 9, "{regions:?}");
    let dialed = expected.iter().filter(|row| row.dial.is_some()).count();
    assert!(dialed >= 35, "only {dialed} numbers are dialed");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

fn oracle_python() -> PathBuf {
    if let Some(python) = std::env::var_os("C2D_ORACLE_PYTHON") {
        return python.into();
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../.run/oracle-venv/bin/python")
}

#[test]
fn python_phonenumbers_finds_what_the_list_says_it_finds() {
    let python = oracle_python();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oracle/find_numbers_oracle.py");
    let mut command = Command::new(&python);
    command.arg(&script);
    for message in messages() {
        command
            .arg(data().join("messages").join(&message.name))
            .arg(message.oracle_region());
    }
    let output = command.output().unwrap_or_else(|err| {
        panic!(
            "cannot run the oracle with {} ({err}): run scripts/install-deps, which makes \
             .run/oracle-venv with Python's phonenumbers, or set C2D_ORACLE_PYTHON",
            python.display()
        )
    });
    assert!(
        output.status.success(),
        "the oracle failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let said: BTreeSet<Match> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 6, "the oracle said {line:?}");
            (
                f[0].to_owned(),
                f[1].to_owned(),
                f[2].parse().unwrap(),
                f[3].parse().unwrap(),
                f[4].to_owned(),
                f[5].to_owned(),
            )
        })
        .collect();
    let listed: BTreeSet<Match> = expected()
        .into_iter()
        .filter(|row| row.oracle)
        .map(|row| row.found)
        .collect();
    let mut wrong: Vec<String> = said
        .difference(&listed)
        .map(|m| format!("phonenumbers finds, not listed: {}", tsv(m, "")))
        .collect();
    wrong.extend(
        listed
            .difference(&said)
            .map(|m| format!("listed, phonenumbers does not find: {}", tsv(m, ""))),
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
