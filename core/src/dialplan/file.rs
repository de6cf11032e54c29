//! The dial plan file: TOML, checked whole when it is read.
//!
//! ```toml
//! region = "DE"                  # ISO 3166 country where the PBX is
//! outside_line = "0"             # prefix to reach the public network ("" when none)
//! internal = '^[2-9][0-9]{2}$'   # numbers that are extensions: dialed as they are
//! international_prefix = "00"    # optional; default from the region's metadata
//! national_prefix = "0"          # optional; default from the region's metadata
//! block = ["premium_rate", "shared_cost"]   # number types refused (default: premium_rate)
//! allow_invalid = false          # optional; true dials numbers in no range of the metadata
//!
//! [[deny]]                       # ordered; matched against the E.164 form
//! pattern = '^\+49(137|138)'
//! reason = "televoting numbers"
//!
//! [[translate]]                  # ordered, first match wins; matched against the E.164 form
//! pattern = '^\+495331939(\d{1,3})$'
//! output = '$1'                  # our own DID range becomes the internal extension
//! ```
//!
//! Every mistake (TOML syntax, an unknown or missing key, a region libphonenumber does not know,
//! a regular expression that does not compile, a translate output sipXconfig could not dial) is
//! a configuration error naming the file, the line and the key, so the administrator can fix it
//! at once. The file is read on the first number a process dials and again when it changes.

use std::ops::Range;
use std::path::Path;

use regex::Regex;
use serde::Deserialize;
use toml::Spanned;

use super::{phone, Blocked, Deny, DialPlan, Translate, TYPE_NAMES};
use crate::error::{quoted, Error, Result};
use crate::number::DialString;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    region: Spanned<String>,
    outside_line: Spanned<String>,
    internal: Spanned<String>,
    international_prefix: Option<Spanned<String>>,
    national_prefix: Option<Spanned<String>>,
    block: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    allow_invalid: bool,
    #[serde(default)]
    deny: Vec<DenyRule>,
    #[serde(default)]
    translate: Vec<TranslateRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DenyRule {
    pattern: Spanned<String>,
    reason: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TranslateRule {
    pattern: Spanned<String>,
    output: Spanned<String>,
}

/// What to write for a key that is missing.
const KEY_HINTS: [(&str, &str); 6] = [
    (
        "region",
        "add the ISO 3166 code of the PBX's country, e.g. region = \"DE\"",
    ),
    (
        "outside_line",
        "add the prefix that reaches the public network, e.g. outside_line = \"0\" (\"\" when \
         there is none)",
    ),
    (
        "internal",
        "add a regular expression for the PBX's own extensions, e.g. internal = '^[2-9][0-9]{2}$'",
    ),
    (
        "pattern",
        "every rule needs a regular expression matched against the E.164 form",
    ),
    ("reason", "every deny rule needs a reason, which users see"),
    (
        "output",
        "every translate rule needs an output, e.g. output = '$1'",
    ),
];

/// Where a mistake is: for "click2dial.dialplan FILE line N, key K: why".
struct Source<'a> {
    path: &'a Path,
    text: &'a str,
}

impl Source<'_> {
    fn line_of(&self, span: Range<usize>) -> usize {
        let end = span.start.min(self.text.len());
        self.text.as_bytes()[..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    }

    fn error<T>(&self, value: &Spanned<T>, key: &str, why: impl std::fmt::Display) -> Error {
        Error::configuration(format!(
            "click2dial.dialplan {} line {}, key {key}: {why}",
            self.path.display(),
            self.line_of(value.span())
        ))
    }

    /// The file's keys and tables, or what is wrong with its TOML or its keys.
    fn deserialize(&self) -> Result<File> {
        toml::from_str(self.text).map_err(|err| self.toml_error(&err))
    }

    fn toml_error(&self, err: &toml::de::Error) -> Error {
        let why = in_words_of_keys(err.message());
        match err.span() {
            Some(span) => Error::configuration(format!(
                "click2dial.dialplan {} line {}: {why}",
                self.path.display(),
                self.line_of(span)
            )),
            None => Error::configuration(format!(
                "click2dial.dialplan {}: {why}",
                self.path.display()
            )),
        }
    }
}

/// Reads the whole file, key by key in the order the administrator is told of mistakes: the
/// region and the prefixes, `internal`, `block`, then the `[[deny]]` and `[[translate]]` rules.
pub(super) fn parse(path: &Path, bytes: &[u8]) -> Result<DialPlan> {
    let text = utf8_text(path, bytes)?;
    let source = Source { path, text };
    let file = source.deserialize()?;
    let (region_code, region) = region(&source, &file.region)?;
    let outside_line = prefix(&source, &file.outside_line, "outside_line", true)?;
    let international_prefix = international_prefix(&source, &file, &region_code, &region)?;
    let national_prefix = match &file.national_prefix {
        Some(value) => Some(prefix(&source, value, "national_prefix", true)?),
        None => None,
    };
    let internal = regex(&source, &file.internal, "internal")?;
    let warnings = overlap_warnings(
        &internal,
        file.internal.get_ref(),
        &outside_line,
        &region_code,
    );
    let block = blocked_types(&source, file.block.as_deref())?;
    let deny = deny_rules(&source, &file.deny)?;
    let translate = translate_rules(&source, &file.translate)?;
    Ok(DialPlan {
        region,
        region_code,
        outside_line,
        internal,
        international_prefix,
        national_prefix,
        block,
        allow_invalid: file.allow_invalid,
        deny,
        translate,
        source: path.display().to_string(),
        warnings,
    })
}

/// The file's text, without a byte-order mark.
fn utf8_text<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|err| {
        Error::configuration(format!(
            "click2dial.dialplan {} is not UTF-8 (at byte {}): save it as UTF-8",
            path.display(),
            err.valid_up_to()
        ))
    })
}

/// serde's message as the administrator reads it: serde speaks of fields, the administrator
/// edits keys; a missing key is told what to write.
fn in_words_of_keys(message: &str) -> String {
    let mut why = message
        .replace("unknown field", "unknown key")
        .replace("missing field", "missing key");
    if let Some(hint) = KEY_HINTS
        .iter()
        .find(|(key, _)| why == format!("missing key `{key}`"))
    {
        why.push_str(": ");
        why.push_str(hint.1);
    }
    why
}

/// `region`: the ISO 3166 code (upper case) and what libphonenumber's metadata says of it.
fn region(source: &Source, value: &Spanned<String>) -> Result<(String, phone::RegionFacts)> {
    let code = value.get_ref().trim().to_ascii_uppercase();
    let facts = phone::region_facts(&code).ok_or_else(|| {
        source.error(
            value,
            "region",
            format_args!(
                "{} is not a country libphonenumber knows: use an ISO 3166 code such as DE or US",
                quoted(value.get_ref())
            ),
        )
    })?;
    Ok((code, facts))
}

/// `international_prefix`, or the region's preferred one when the file sets none.
fn international_prefix(
    source: &Source,
    file: &File,
    region_code: &str,
    region: &phone::RegionFacts,
) -> Result<String> {
    if let Some(value) = &file.international_prefix {
        return prefix(source, value, "international_prefix", false);
    }
    region.international_prefix.clone().ok_or_else(|| {
        source.error(
            &file.region,
            "international_prefix",
            format_args!(
                "region {region_code} has several international prefixes and no preferred one: \
                 set international_prefix to the one the PBX's trunk uses"
            ),
        )
    })
}

/// `block`: the number types refused; premium-rate numbers when the key is missing.
fn blocked_types(source: &Source, names: Option<&[Spanned<String>]>) -> Result<Blocked> {
    let mut block = Blocked::default();
    match names {
        Some(names) => {
            for name in names {
                block.insert(number_type(source, name)?);
            }
        }
        None => block.insert(rlibphonenumber::PhoneNumberType::PremiumRate),
    }
    Ok(block)
}

/// One name of `block`, as libphonenumber's number type.
fn number_type(
    source: &Source,
    name: &Spanned<String>,
) -> Result<rlibphonenumber::PhoneNumberType> {
    TYPE_NAMES
        .iter()
        .find(|(known, _)| *known == name.get_ref().trim())
        .map(|&(_, kind)| kind)
        .ok_or_else(|| {
            let known: Vec<&str> = TYPE_NAMES.iter().map(|(n, _)| *n).collect();
            source.error(
                name,
                "block",
                format_args!(
                    "{} is not a number type: use {}",
                    quoted(name.get_ref()),
                    known.join(", ")
                ),
            )
        })
}

/// The `[[deny]]` rules, in file order.
fn deny_rules(source: &Source, rules: &[DenyRule]) -> Result<Vec<Deny>> {
    rules.iter().map(|rule| deny_rule(source, rule)).collect()
}

fn deny_rule(source: &Source, rule: &DenyRule) -> Result<Deny> {
    let reason = rule.reason.get_ref().trim();
    if reason.is_empty() {
        return Err(source.error(
            &rule.reason,
            "deny.reason",
            "the reason is empty: say why these numbers may not be called; users see it",
        ));
    }
    Ok(Deny {
        pattern: regex(source, &rule.pattern, "deny.pattern")?,
        reason: reason.to_owned(),
        line: source.line_of(rule.pattern.span()),
    })
}

/// The `[[translate]]` rules, in file order.
fn translate_rules(source: &Source, rules: &[TranslateRule]) -> Result<Vec<Translate>> {
    rules
        .iter()
        .map(|rule| translate_rule(source, rule))
        .collect()
}

fn translate_rule(source: &Source, rule: &TranslateRule) -> Result<Translate> {
    let pattern = regex(source, &rule.pattern, "translate.pattern")?;
    check_output(source, &pattern, &rule.output)?;
    Ok(Translate {
        pattern,
        output: rule.output.get_ref().clone(),
        line: source.line_of(rule.pattern.span()),
    })
}

/// Emergency and service numbers, the charged ones among them (directory enquiries: 118xx in
/// Germany, 118xxx in Britain, NANP's 411), by region; `112` is everywhere. An `internal`
/// pattern that matches one dials it past `deny` and `block`. libphonenumber's short-number data
/// is not in the Rust port, so they are listed here, for the regions the tests cover and a few
/// more; the list is for warnings only.
const SERVICE_NUMBERS: [(&str, &[&str]); 10] = [
    ("", &["112"]),
    (
        "DE",
        &[
            "110", "115", "116000", "116116", "116117", "11833", "11880", "19222",
        ],
    ),
    ("AT", &["122", "133", "140", "141", "144", "118", "11899"]),
    ("CH", &["117", "118", "143", "144", "145", "147", "1811"]),
    (
        "GB",
        &["999", "101", "105", "111", "123", "118118", "118500"],
    ),
    (
        "US",
        &[
            "911", "211", "311", "411", "511", "611", "711", "811", "988",
        ],
    ),
    (
        "CA",
        &[
            "911", "211", "311", "411", "511", "611", "711", "811", "988",
        ],
    ),
    ("FR", &["15", "17", "18", "114", "115", "119", "118712"]),
    ("AU", &["000", "106", "1223"]),
    ("NZ", &["111", "018"]),
];

/// What an `internal` pattern takes that it should not, as warnings: a number beginning with
/// the outside line (which is then dialed as it is, past `deny` and `block`: `9 1 900 ...` on a
/// PBX whose outside line is `9`), and emergency or service numbers. They do not stop calls:
/// the administrator may have meant it (a PBX that routes `112` itself), but should know.
fn overlap_warnings(
    internal: &Regex,
    pattern: &str,
    outside_line: &str,
    region: &str,
) -> Vec<String> {
    [
        outside_line_warning(internal, pattern, outside_line),
        service_numbers_warning(internal, pattern, region),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The warning for an `internal` pattern that takes a number beginning with the outside line,
/// found by probing lengths of 1 to 12 digits after it.
fn outside_line_warning(internal: &Regex, pattern: &str, outside_line: &str) -> Option<String> {
    if outside_line.is_empty() {
        return None;
    }
    let taken = (1..=12usize).flat_map(|extra| {
        (b'0'..=b'9').flat_map(move |lead| {
            ['0', '1', '9'].into_iter().map(move |fill| {
                let mut probe = String::with_capacity(outside_line.len() + extra);
                probe.push_str(outside_line);
                probe.push(lead as char);
                probe.extend(std::iter::repeat_n(fill, extra - 1));
                probe
            })
        })
    });
    let probe = taken.into_iter().find(|probe| internal.is_match(probe))?;
    Some(format!(
        "internal {} matches {probe}, which begins with the outside line {}: numbers written \
         with the outside line are dialed as extensions, past deny and block; make internal \
         exclude them",
        quoted(pattern),
        quoted(outside_line)
    ))
}

/// The warning for an `internal` pattern that takes emergency or service numbers of `region`.
fn service_numbers_warning(internal: &Regex, pattern: &str, region: &str) -> Option<String> {
    let services: Vec<&str> = SERVICE_NUMBERS
        .iter()
        .filter(|(of, _)| of.is_empty() || *of == region)
        .flat_map(|(_, numbers)| numbers.iter().copied())
        .filter(|number| internal.is_match(number))
        .collect();
    if services.is_empty() {
        return None;
    }
    Some(format!(
        "internal {} matches the emergency or service number(s) {}: they are dialed as \
         extensions, past deny and block; make internal exclude them unless the PBX routes \
         them itself",
        quoted(pattern),
        services.join(", ")
    ))
}

/// A prefix the PBX dials: digits, `*` and `#` are what a desk phone has, but sipXconfig refuses
/// `#`, so digits and `*` only.
fn prefix(
    source: &Source,
    value: &Spanned<String>,
    key: &str,
    may_be_empty: bool,
) -> Result<String> {
    let text = value.get_ref().trim();
    if text.is_empty() && !may_be_empty {
        return Err(source.error(value, key, "it is empty: give the digits, e.g. \"00\""));
    }
    if !text.bytes().all(|b| b.is_ascii_digit() || b == b'*') {
        return Err(source.error(
            value,
            key,
            format_args!(
                "{} is not a prefix: use digits (and '*') only",
                quoted(text)
            ),
        ));
    }
    Ok(text.to_owned())
}

fn regex(source: &Source, value: &Spanned<String>, key: &str) -> Result<Regex> {
    Regex::new(value.get_ref()).map_err(|err| {
        // The regex crate's message spans lines with a caret under the mistake; one line is
        // enough here, and the last line says what is wrong.
        let why = err.to_string();
        let why = why
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim();
        source.error(
            value,
            key,
            format_args!(
                "{} is not a regular expression ({why}): see https://docs.rs/regex for the syntax",
                quoted(value.get_ref())
            ),
        )
    })
}

/// A translate output must name only groups its pattern has, and what it produces must be
/// something sipXconfig can dial; a sample with every group replaced by digits shows the latter.
fn check_output(source: &Source, pattern: &Regex, output: &Spanned<String>) -> Result<()> {
    let sample = sample_output(source, pattern, output)?;
    DialString::clean(&sample).map(drop).map_err(|err| {
        source.error(
            output,
            "translate.output",
            format_args!(
                "{} does not give a number sipXconfig can dial ({err})",
                quoted(output.get_ref())
            ),
        )
    })
}

/// `output` with `$$` as `$` and every group it names (which its pattern must have) as `1`.
fn sample_output(source: &Source, pattern: &Regex, output: &Spanned<String>) -> Result<String> {
    let text = output.get_ref();
    let mut sample = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(dollar) = rest.find('$') {
        sample.push_str(&rest[..dollar]);
        rest = &rest[dollar + 1..];
        if let Some(after) = rest.strip_prefix('$') {
            sample.push('$');
            rest = after;
            continue;
        }
        let (name, after) = group_name(rest)
            .ok_or_else(|| source.error(output, "translate.output", "a '${' has no '}'"))?;
        if !has_group(pattern, name) {
            return Err(source.error(
                output,
                "translate.output",
                format_args!(
                    "{} names the group ${name}, which its pattern does not have \
                     (write ${{1}}0 for group 1 followed by a 0)",
                    quoted(text)
                ),
            ));
        }
        sample.push('1');
        rest = after;
    }
    sample.push_str(rest);
    Ok(sample)
}

/// The group name after a `$` (`{name}` or the longest run of letters, digits and `_`) and what
/// follows it; `None` for a `${` without its `}`.
fn group_name(after_dollar: &str) -> Option<(&str, &str)> {
    match after_dollar.strip_prefix('{') {
        Some(braced) => {
            let end = braced.find('}')?;
            Some((&braced[..end], &braced[end + 1..]))
        }
        None => {
            let end = after_dollar
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(after_dollar.len());
            Some(after_dollar.split_at(end))
        }
    }
}

/// Whether `pattern` has the group `name`: a number below its count of groups, or a name.
fn has_group(pattern: &Regex, name: &str) -> bool {
    match name.parse::<usize>() {
        Ok(index) => index < pattern.captures_len(),
        Err(_) => !name.is_empty() && pattern.capture_names().flatten().any(|n| n == name),
    }
}
