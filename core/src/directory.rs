//! The user directory: which phone belongs to which groupware login.
//!
//! A UTF-8 CSV file named by `click2dial.directory`:
//!
//! ```text
//! # comment lines start with '#'
//! login,extension,sipx_user
//! alice,206,
//! Bob.Smith,207,bsmith
//! ```
//!
//! `sipx_user` (the sipXecs user name to authenticate as) is optional and defaults to the
//! extension; a `credential` column may hold a sealed PBX PIN, and a `sip_uri` column the phone's
//! SIP address (clicktocall's initiator, instead of `click2dial.clicktocall_initiator`). Logins match without regard to
//! case, but a character outside ASCII never matches one inside it (see [`login_key`]).
//! Every mistake is reported with the file and line, so the administrator can fix it at once.

use std::borrow::Cow;
use std::collections::hash_map::Entry as MapEntry;
use std::collections::HashMap;
use std::path::Path;

use crate::error::{quoted, Error, Result};

/// One user's line in the directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DirectoryEntry {
    /// The login as written in the file.
    pub login: String,
    /// The user's extension number.
    pub extension: String,
    /// The sipXecs user name to authenticate as.
    pub sipx_user: String,
    /// A sealed PBX PIN provisioned by the administrator, if any.
    pub credential: Option<String>,
    /// The phone's SIP address, if the directory gives one.
    pub sip_uri: Option<String>,
}

/// A parsed directory file.
#[derive(Debug, Default)]
pub struct Directory {
    by_login: HashMap<String, Listed>,
}

/// An entry with the line it is on, for the message about a login listed twice.
#[derive(Debug)]
struct Listed {
    entry: DirectoryEntry,
    line: u64,
}

#[derive(Clone, Copy)]
struct Columns {
    login: usize,
    extension: usize,
    sipx_user: Option<usize>,
    credential: Option<usize>,
    sip_uri: Option<usize>,
}

impl Directory {
    /// Parses a directory file's bytes; `path` is only for messages.
    pub fn parse(path: &Path, bytes: &[u8]) -> Result<Directory> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let bytes = blank_comments(bytes);
        // Fields are trimmed (of ASCII white space, as csv's own Trim::All does) where they are
        // read: csv's trimming copies every record, a third of the parse (callgrind).
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(&*bytes);
        let at = |line: u64| format!("click2dial.directory {} line {line}", path.display());
        let mut columns = None;
        // Sized up front: a 100,000-line file would otherwise rehash the map some 17 times.
        let lines = bytes.iter().filter(|&&b| b == b'\n').count();
        let mut by_login: HashMap<String, Listed> = HashMap::with_capacity(lines);
        // One record, reused: a new one for each line costs an allocation per line.
        let mut record = csv::StringRecord::new();
        loop {
            let more = reader.read_record(&mut record).map_err(|err| {
                let line = err.position().map_or(0, csv::Position::line);
                Error::configuration(format!("{}: {}", at(line), csv_problem(&err)))
            })?;
            if !more {
                break;
            }
            let line = record.position().map_or(0, csv::Position::line);
            if record.iter().all(|field| field.trim_ascii().is_empty()) {
                continue;
            }
            let Some(columns) = columns else {
                columns = Some(
                    Columns::from_header(&record)
                        .map_err(|why| Error::configuration(format!("{}: {why}", at(line))))?,
                );
                continue;
            };
            let entry = columns
                .entry(&record)
                .map_err(|why| Error::configuration(format!("{}: {why}", at(line))))?;
            match by_login.entry(login_key(&entry.login).into_owned()) {
                MapEntry::Occupied(slot) => {
                    let first = slot.get().line;
                    return Err(Error::configuration(format!(
                        "{}: the login {} is already listed on line {first} \
                         (logins match without regard to case)",
                        at(line),
                        quoted(&entry.login)
                    )));
                }
                MapEntry::Vacant(slot) => {
                    slot.insert(Listed { entry, line });
                }
            }
        }
        if columns.is_none() {
            return Err(Error::configuration(format!(
                "click2dial.directory {} has no header line: start it with login,extension,sipx_user",
                path.display()
            )));
        }
        Ok(Directory { by_login })
    }

    /// The entry of `login`, matched without regard to case (see [`login_key`]).
    pub fn lookup(&self, login: &str) -> Option<&DirectoryEntry> {
        self.by_login
            .get(login_key(login).as_ref())
            .map(|listed| &listed.entry)
    }

    /// How many users the directory lists.
    pub fn len(&self) -> usize {
        self.by_login.len()
    }

    /// True when no user is listed.
    pub fn is_empty(&self) -> bool {
        self.by_login.is_empty()
    }
}

impl Columns {
    fn from_header(record: &csv::StringRecord) -> std::result::Result<Columns, String> {
        let mut found: [Option<usize>; 5] = [None; 5];
        const NAMES: [&str; 5] = ["login", "extension", "sipx_user", "credential", "sip_uri"];
        for (index, name) in record.iter().enumerate() {
            let name = name.trim_ascii().to_ascii_lowercase();
            let Some(known) = NAMES.iter().position(|&n| n == name) else {
                return Err(format!(
                    "the header names an unknown column {}: the columns are login, extension, \
                     sipx_user, credential and sip_uri (the last three optional)",
                    quoted(&name)
                ));
            };
            if found[known].replace(index).is_some() {
                return Err(format!("the header names the column {name} twice"));
            }
        }
        match found {
            [Some(login), Some(extension), sipx_user, credential, sip_uri] => Ok(Columns {
                login,
                extension,
                sipx_user,
                credential,
                sip_uri,
            }),
            _ => Err(
                "the header line must name at least the columns login and extension \
                      (e.g. login,extension,sipx_user)"
                    .to_owned(),
            ),
        }
    }

    fn entry(&self, record: &csv::StringRecord) -> std::result::Result<DirectoryEntry, String> {
        let field = |index: Option<usize>| {
            index
                .and_then(|i| record.get(i))
                .map_or("", str::trim_ascii)
        };
        let width = [
            Some(self.login),
            Some(self.extension),
            self.sipx_user,
            self.credential,
            self.sip_uri,
        ]
        .into_iter()
        .flatten()
        .max()
        .map_or(0, |last| last + 1);
        if record.len() > width {
            return Err(format!(
                "{} fields where the header has {width}",
                record.len()
            ));
        }
        let login = field(Some(self.login));
        let extension = field(Some(self.extension));
        if login.is_empty() || extension.is_empty() {
            return Err("login and extension must both be given".to_owned());
        }
        check_name("login", login)?;
        check_name("extension", extension)?;
        let sipx_user = match field(self.sipx_user) {
            "" => extension,
            user => user,
        };
        check_name("sipx_user", sipx_user)?;
        if sipx_user.contains(':') {
            return Err(format!(
                "sipx_user {} contains ':', which no sipXecs user name can",
                quoted(sipx_user)
            ));
        }
        let credential = Some(field(self.credential))
            .filter(|c| !c.is_empty())
            .map(str::to_owned);
        let sip_uri = match field(self.sip_uri) {
            "" => None,
            uri => {
                check_name("sip_uri", uri)?;
                Some(uri.to_owned())
            }
        };
        Ok(DirectoryEntry {
            login: login.to_owned(),
            extension: extension.to_owned(),
            sipx_user: sipx_user.to_owned(),
            credential,
            sip_uri,
        })
    }
}

/// The form of a login the directory is searched by: each character in lower case, except that
/// a character outside ASCII whose lower case is or holds an ASCII letter is left as it is.
///
/// Unicode's case mapping takes the Kelvin sign `K` (U+212A) to `k` and `İ` (U+0130) to `i` with
/// a combining dot, so folding with it would let a login that the groupware holds as an account
/// of its own (`\u{212a}im`) reach the entry of another (`kim`), and take over that user's phone
/// and PIN budget. Characters outside ASCII still match each other without regard to case
/// (`Émile`, `émile`); full-width letters are other characters than ASCII ones and stay apart
/// (no compatibility normalisation).
pub(crate) fn login_key(login: &str) -> Cow<'_, str> {
    let needs_folding = if login.is_ascii() {
        login.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        login.chars().any(|c| fold(c).is_some())
    };
    if !needs_folding {
        return Cow::Borrowed(login);
    }
    let mut key = String::with_capacity(login.len());
    for c in login.chars() {
        match fold(c) {
            Some(lower) => key.extend(lower),
            None => key.push(c),
        }
    }
    Cow::Owned(key)
}

/// The lower case `c` is matched as, or `None` when it is matched as it is.
fn fold(c: char) -> Option<std::char::ToLowercase> {
    if c.is_ascii() {
        return c.is_ascii_uppercase().then(|| c.to_lowercase());
    }
    let lower = c.to_lowercase();
    let changes = lower.clone().ne(std::iter::once(c));
    let stays_outside_ascii = lower.clone().all(|l| !l.is_ascii());
    (changes && stays_outside_ascii).then_some(lower)
}

/// The file with each comment or blank line turned into an empty record. csv skips comment and
/// blank lines without counting them, which would make every later line number wrong; an empty
/// record is counted, and skipped by the parser.
fn blank_comments(bytes: &[u8]) -> Cow<'_, [u8]> {
    let is_filler = |line: &[u8]| {
        let line = line.trim_ascii();
        line.is_empty() || line.starts_with(b"#")
    };
    if !bytes.split(|&b| b == b'\n').any(is_filler) {
        return Cow::Borrowed(bytes);
    }
    let mut kept = Vec::with_capacity(bytes.len());
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        if is_filler(line) {
            kept.extend_from_slice(b",\n");
        } else {
            kept.extend_from_slice(line);
        }
    }
    Cow::Owned(kept)
}

fn check_name(column: &str, value: &str) -> std::result::Result<(), String> {
    if value.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(format!(
            "{column} {} contains white space or a control character",
            quoted(value)
        ));
    }
    Ok(())
}

fn csv_problem(err: &csv::Error) -> String {
    match err.kind() {
        csv::ErrorKind::Utf8 { .. } => "the file is not UTF-8: save it as UTF-8".to_owned(),
        _ => format!("the line cannot be read as CSV ({err})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    fn parse(text: &str) -> Result<Directory> {
        Directory::parse(Path::new("/etc/click2dial/users.csv"), text.as_bytes())
    }

    fn refusal(text: &str) -> String {
        let err = parse(text).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Configuration);
        err.message().to_owned()
    }

    #[test]
    fn entries_are_found_without_regard_to_case() {
        let directory = parse(
            "\u{feff}# staff\nlogin,extension,sipx_user\nalice,206,\n\nBob.Smith, 207 ,bsmith\nÉmile,208\n",
        )
        .unwrap();
        assert_eq!(directory.len(), 3);
        let alice = directory.lookup("ALICE").unwrap();
        assert_eq!(
            (alice.extension.as_str(), alice.sipx_user.as_str()),
            ("206", "206")
        );
        let bob = directory.lookup("bob.smith").unwrap();
        assert_eq!(
            (bob.extension.as_str(), bob.sipx_user.as_str()),
            ("207", "bsmith")
        );
        assert_eq!(directory.lookup("émile").unwrap().extension, "208");
        assert_eq!(directory.lookup("ÉMILE").unwrap().extension, "208");
        assert!(directory.lookup("carol").is_none());
    }

    #[test]
    fn a_kelvin_sign_or_full_width_letter_does_not_reach_an_ascii_login() {
        let directory = parse("login,extension\nkim,206\nadmin,207\nistanbul,208\n").unwrap();
        for lookalike in [
            "\u{212a}im",     // Kelvin sign, lower case 'k'
            "\u{212a}IM",     // the same, with the rest in upper case
            "\u{ff41}dmin",   // full-width 'a'
            "\u{ff21}DMIN",   // full-width 'A'
            "\u{130}stanbul", // 'İ', lower case "i" + U+0307
            "\u{1d5ba}dmin",  // mathematical sans-serif 'a'
            "kim\u{200b}",    // a zero-width space after it
        ] {
            assert!(
                directory.lookup(lookalike).is_none(),
                "{lookalike:?} reached {:?}",
                directory.lookup(lookalike)
            );
        }
        assert_eq!(directory.lookup("KIM").unwrap().extension, "206");
        assert_eq!(directory.lookup("Admin").unwrap().extension, "207");
    }

    #[test]
    fn a_kelvin_sign_login_is_an_account_of_its_own() {
        // The groupware may hold both: the directory lists them as two users, not as a duplicate.
        let directory = parse("login,extension\nkim,206\n\u{212a}im,209\n").unwrap();
        assert_eq!(directory.len(), 2);
        assert_eq!(directory.lookup("Kim").unwrap().extension, "206");
        assert_eq!(directory.lookup("\u{212a}im").unwrap().extension, "209");
        assert_eq!(directory.lookup("\u{212a}IM").unwrap().extension, "209");
    }

    #[test]
    fn columns_may_come_in_any_order_with_a_credential() {
        let directory =
            parse("extension,credential,login\n206,v1.k.token,alice\n207,,bob\n").unwrap();
        assert_eq!(
            directory.lookup("alice").unwrap().credential.as_deref(),
            Some("v1.k.token")
        );
        assert_eq!(directory.lookup("bob").unwrap().credential, None);
    }

    #[test]
    fn mistakes_name_the_file_and_line() {
        let message = refusal("login,extension\nalice,206\nbob\n");
        assert!(
            message.starts_with("click2dial.directory /etc/click2dial/users.csv line 3:"),
            "{message}"
        );
        let message = refusal("login,extension\nalice,206,x\n");
        assert!(
            message.contains("line 2: 3 fields where the header has 2"),
            "{message}"
        );
        let message = refusal("login,phone\n");
        assert!(
            message.contains("line 1: the header names an unknown column \"phone\""),
            "{message}"
        );
        assert!(refusal("# only a comment\n").contains("no header line"));
        assert!(refusal("login,extension,sipx_user\nalice,206,a:b\n").contains("':'"));
        assert!(refusal("login,extension\nal ice,206\n").contains("white space"));
        assert!(refusal("login,login,extension\n").contains("twice"));
    }

    #[test]
    fn a_duplicate_login_names_both_lines() {
        let message = refusal("login,extension\nalice,206\n# moved\nALICE,209\n");
        assert!(
            message.contains("line 4: the login \"ALICE\" is already listed on line 2"),
            "{message}"
        );
    }

    #[test]
    fn invalid_utf8_is_reported_with_its_line() {
        let err =
            Directory::parse(Path::new("/d.csv"), b"login,extension\nal\xffice,206\n").unwrap_err();
        assert!(
            err.message().contains("line 2: the file is not UTF-8"),
            "{err}"
        );
    }
}
