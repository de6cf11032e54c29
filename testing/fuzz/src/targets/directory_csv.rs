//! The directory parser: any bytes as a `click2dial.directory` file parse or give a
//! configuration error naming the file, never a panic; and what parses can be looked up by the
//! logins the file lists, in any case, to an entry of that login.

use std::path::Path;

use click2dial_core::{Directory, ErrorKind};

pub fn check(data: &[u8]) {
    let directory = match Directory::parse(Path::new("fuzz.csv"), data) {
        Ok(directory) => directory,
        Err(err) => {
            assert_eq!(err.kind(), ErrorKind::Configuration, "{err}");
            assert!(err.message().contains("fuzz.csv"), "{err}");
            return;
        }
    };
    let lines = data.iter().filter(|&&b| b == b'\n' || b == b'\r').count() + 1;
    assert!(
        directory.len() <= lines,
        "{} entries from {lines} lines",
        directory.len()
    );
    for line in String::from_utf8_lossy(data).lines() {
        let login = line.split(',').next().unwrap_or("").trim();
        for asked in [login.to_owned(), login.to_uppercase(), login.to_lowercase()] {
            if let Some(entry) = directory.lookup(&asked) {
                assert_eq!(
                    entry.login.to_lowercase(),
                    asked.to_lowercase(),
                    "{asked:?} found the entry of {:?}",
                    entry.login
                );
                assert!(!entry.extension.is_empty() && !entry.sipx_user.is_empty());
            }
        }
    }
}
