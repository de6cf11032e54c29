//! What `dialplan_table.rs` and `toll_fraud.rs` share: reading a table of numbers
//! (`tests/dialplan/numbers.tsv`, `tests/toll_fraud/numbers.tsv`) and asking the oracle
//! (`tests/oracle/dialplan_oracle.py`, Python's `phonenumbers`) about it.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The file at `relative` to the crate (`tests/...`).
pub fn path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// The lines of the table at `relative` to the crate that are neither blank nor comments.
pub fn table_lines(relative: &str) -> Vec<String> {
    std::fs::read_to_string(path(relative))
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

/// `\u{FF10}` → the character.
pub fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("\\u{") {
        out.push_str(&rest[..at]);
        let end = rest[at..].find('}').unwrap() + at;
        let code = u32::from_str_radix(&rest[at + 3..end], 16).unwrap();
        out.push(char::from_u32(code).unwrap());
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

fn oracle_python() -> PathBuf {
    if let Some(python) = std::env::var_os("C2D_ORACLE_PYTHON") {
        return python.into();
    }
    path("../.run/oracle-venv/bin/python")
}

/// What the oracle prints for `args`, a line a row of the table; panics, saying how to install
/// it, when it cannot run, and with its errors when it fails.
pub fn ask_oracle(args: &[&std::ffi::OsStr]) -> Vec<String> {
    let python = oracle_python();
    let script = path("tests/oracle/dialplan_oracle.py");
    let output = Command::new(&python)
        .arg(&script)
        .args(args)
        .output()
        .unwrap_or_else(|err| {
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
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}
