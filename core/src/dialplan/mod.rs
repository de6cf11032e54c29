//! Dial plans: numbers as people write them, dialed as the PBX needs them.
//!
//! sipXconfig applies no dial plan to the number of a call: it must be what the user would type
//! on the desk phone. Contact cards hold `+49 (0)5331 939-0`, `05331/939-123`,
//! `+1 (415) 555-0100 ext. 12`, `tel:+49-5331-9390` or `207`; a PBX in Germany behind an
//! outside-line `0` needs `0053319390` for the first, `00014155550100` (and the extension told
//! to the user) for the third, and `207` as it is.
//!
//! `click2dial.dialplan` names a TOML file ([`DialPlan::parse`] documents it) that says where the
//! PBX is and how it reaches the public network. A number then goes through these steps, the
//! first that applies deciding:
//!
//! 1. It is read with libphonenumber's metadata as written in the PBX's region (the `phone`
//!    module says what that handles, and why this port of libphonenumber).
//! 2. `translate` rules, in file order, are matched against its E.164 form (`+4953319390`); the
//!    first that matches gives the dial string (e.g. the company's own numbers become
//!    extensions).
//! 3. A number that matches `internal` as written (formatting removed) is dialed as it is.
//! 4. Anything else is a public number: `outside_line`, then the national prefix and the
//!    national significant number for numbers in the region (NANP: `1` and ten digits), or
//!    `international_prefix`, country code and national significant number for the rest.
//!
//! Numbers that reach the public network or are translated are refused with
//! [`ErrorKind::NumberNotAllowed`] when a `deny` rule matches their E.164 form (first match,
//! its reason) or they are in a `block`ed range, whatever their length; a number that cannot be
//! read, whose length no number in its country has, that is not valid (unless `allow_invalid`)
//! or that holds `#`, `*` or a pause is [`ErrorKind::InvalidNumber`]. The public dial string is
//! read back as the carrier reads it and must be the number the rules checked. Extensions are
//! never refused by the dial plan: they have no E.164 form. SECURITY.md ("Toll fraud through
//! the dial plan") says why each of these holds and what it leaves to the administrator.
//!
//! Without a dial plan a number is only cleaned ([`DialString::clean`]), as before.

mod file;
mod phone;

use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

use regex::Regex;
use rlibphonenumber::PhoneNumberType;

use crate::error::{quoted, Error, ErrorKind, Result};
use crate::number::{refuse_unreadable, DialString};
use crate::settings::Settings;
use crate::watched::WatchedFiles;

static DIAL_PLANS: WatchedFiles<DialPlan> =
    WatchedFiles::new("click2dial.dialplan", DialPlan::parse);

/// A number ready to be dialed, with what was learned reading it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Normalized {
    /// What the PBX is asked to dial.
    pub dial: DialString,
    /// The number in E.164 form (`+4953319390`); `None` for internal numbers and without a
    /// dial plan.
    pub e164: Option<String>,
    /// The extension written after the number (`ext. 12`), which is not dialed: the caller asks
    /// for it, or dials it once connected.
    pub extension: Option<String>,
}

/// A parsed dial plan file.
#[derive(Debug)]
pub struct DialPlan {
    region: phone::RegionFacts,
    region_code: String,
    outside_line: String,
    internal: Regex,
    international_prefix: String,
    /// The trunk prefix to dial in place of the region's own, when the file sets one.
    national_prefix: Option<String>,
    block: Blocked,
    /// Whether numbers that are not valid (in no range of the metadata) may be dialed.
    allow_invalid: bool,
    deny: Vec<Deny>,
    translate: Vec<Translate>,
    /// Where the file is, for messages that point to a rule.
    source: String,
    /// What is suspicious in the file but does not stop calls.
    warnings: Vec<String>,
}

#[derive(Debug)]
struct Deny {
    pattern: Regex,
    reason: String,
    line: usize,
}

#[derive(Debug)]
struct Translate {
    pattern: Regex,
    output: String,
    line: usize,
}

/// The dial plan named by the settings, current as of the last check; `None` when none is
/// configured.
pub fn dial_plan(settings: &Settings) -> Result<Option<Arc<DialPlan>>> {
    match &settings.dialplan {
        Some(path) => Ok(Some(DIAL_PLANS.get(path).get()?)),
        None => Ok(None),
    }
}

/// The number `input` as the PBX must dial it, by the dial plan of `settings` (or only cleaned
/// when there is none). This is `Click2Dial\normalizeNumber` and the first step of a call.
pub fn normalize_number(settings: &Settings, input: &str) -> Result<Normalized> {
    match dial_plan(settings)? {
        Some(plan) => plan.normalize(input),
        None => Ok(Normalized {
            dial: DialString::clean(input)?,
            e164: None,
            extension: None,
        }),
    }
}

impl DialPlan {
    /// Parses a dial plan file's bytes; `path` is only for messages. The format is in
    /// `docs/dialplan.md` and the `file` module.
    pub fn parse(path: &Path, bytes: &[u8]) -> Result<DialPlan> {
        file::parse(path, bytes)
    }

    /// The ISO 3166 code of the region the PBX is in, as the file gives it (upper case).
    pub fn region(&self) -> &str {
        &self.region_code
    }

    /// The number `input` as this plan dials it: translated, internal or public, the first that
    /// applies.
    pub fn normalize(&self, input: &str) -> Result<Normalized> {
        refuse_unreadable(input)?;
        if !input.chars().any(char::is_alphanumeric) {
            // Nothing or only formatting: cleaning says so in the words makeCall always used.
            DialString::clean(input)?;
        }
        // A number with a pause, '#' or '*' in it is not read as libphonenumber reads it (which
        // drops or splits at them), neither for translation nor for the public network: only
        // `internal` may take it as it is.
        let dialing_character = phone::dialing_character(input);
        let parsed = phone::parse(input, self.region.region);
        if let (Ok(number), None) = (&parsed, dialing_character) {
            if let Some(translated) = self.translated_number(number)? {
                return Ok(translated);
            }
        }
        if let Some(internal) = self.internal_number(input) {
            return Ok(internal);
        }
        if let Some(what) = dialing_character {
            return Err(refuse_dialing_character(input, what));
        }
        let number = parsed.map_err(|why| {
            Error::invalid_number(format!(
                "the number {} cannot be read: {why}",
                quoted(input)
            ))
        })?;
        self.public_number(input, number)
    }

    /// `number` as the first `translate` rule that matches it dials it, once the rules allow it.
    fn translated_number(&self, number: &phone::Parsed) -> Result<Option<Normalized>> {
        let Some(dial) = self.translated(&number.e164)? else {
            return Ok(None);
        };
        self.refuse_if_not_allowed(number)?;
        Ok(Some(Normalized {
            dial,
            e164: Some(number.e164.clone()),
            extension: number.extension.clone(),
        }))
    }

    /// `input` as it is, formatting removed, when `internal` matches that.
    fn internal_number(&self, input: &str) -> Option<Normalized> {
        let cleaned = DialString::cleaned(input).ok()?;
        self.internal
            .is_match(cleaned.as_str())
            .then_some(Normalized {
                dial: cleaned,
                e164: None,
                extension: None,
            })
    }

    /// `number` dialed on the public network, once it is known to be a number there, the rules
    /// allow it and the dial string reaches it.
    fn public_number(&self, input: &str, number: phone::Parsed) -> Result<Normalized> {
        self.refuse_if_not_a_number(input, &number)?;
        self.refuse_if_not_allowed(&number)?;
        self.refuse_doubled_trunk_prefix(input, &number)?;
        let dial = DialString::clean(&self.public_form(&number.number))?;
        self.check_as_dialed(&number, &dial)?;
        Ok(Normalized {
            dial,
            e164: Some(number.e164),
            extension: number.extension,
        })
    }

    /// Refuses a number whose length no number of its country has, and one in no range of the
    /// metadata unless the plan allows such numbers.
    fn refuse_if_not_a_number(&self, input: &str, number: &phone::Parsed) -> Result<()> {
        if let Some(why) = phone::why_impossible(&number.number) {
            return Err(Error::invalid_number(format!(
                "the number {} cannot be dialed: {why}",
                quoted(input)
            )));
        }
        if !self.allow_invalid && !phone::is_valid(&number.number) {
            return Err(Error::invalid_number(format!(
                "the number {} cannot be dialed: {} is in no range of numbers its country has \
                 (a digit too many or too few?): check the number (the PBX administrator can \
                 allow such numbers with allow_invalid = true in click2dial.dialplan)",
                quoted(input),
                number.e164
            )));
        }
        Ok(())
    }

    /// Refuses a number of the region that is not valid and whose national significant number
    /// begins with the region's trunk prefix.
    ///
    /// libphonenumber keeps the trunk prefix as part of the number where taking it off would
    /// leave too few digits (`0848 123 45` in Switzerland is read as `084812345`, NANP's
    /// `1-800-FLWERS` as `1800359377`). Dialed behind the trunk prefix, that is the prefix twice:
    /// `0 0848...` is an international call to Vietnam, `1 1800...` no number at all. A valid
    /// number may begin so (Russia's trunk prefix `8` and its `800` range), so only numbers
    /// that are not valid are refused, which only plans with `allow_invalid` let this far.
    fn refuse_doubled_trunk_prefix(&self, input: &str, number: &phone::Parsed) -> Result<()> {
        let trunk = self.region.national_prefix.as_str();
        if trunk.is_empty() || number.number.country_code != self.region.country_code {
            return Ok(());
        }
        if phone::national_significant_number(&number.number).starts_with(trunk)
            && !phone::is_valid(&number.number)
        {
            return Err(Error::invalid_number(format!(
                "the number {} cannot be dialed: after the trunk prefix {trunk} it begins with \
                 {trunk} again, and no number in {} does: check the number",
                quoted(input),
                self.region_code
            )));
        }
        Ok(())
    }

    /// Warnings about the file that do not stop calls (an `internal` pattern that also takes
    /// emergency numbers, say); `php --ri click2dial` shows them.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Reads `dial` back the way the public network will (after the outside line, the
    /// international prefix or the national prefix, whichever it starts with), and refuses it
    /// unless that is the number the rules were checked against.
    ///
    /// The public form is built so that this always holds; the check is there so that a number
    /// libphonenumber reads in a way the dial string does not say (a national number that
    /// begins with a zero, which the carrier would take as part of the international prefix)
    /// is refused rather than dialed as another number than the one `deny` and `block` saw.
    fn check_as_dialed(&self, number: &phone::Parsed, dial: &DialString) -> Result<()> {
        // The E.164 string the carrier reaches is parsed again, because a number libphonenumber
        // read with a leading zero where its country has none (`+49 00 123457` is read as
        // `+490123457`) is another number once the far end drops that zero. The rules are a
        // function of the E.164 form (deny matches it, the type is read from it), so the same
        // E.164 form passes them again and they are not tried a second time.
        let reread = self
            .read_as_dialed(dial.as_str())
            .and_then(|e164| phone::parse_e164(&e164));
        match reread {
            Some(reread) if reread == number.e164 => Ok(()),
            other => Err(Error::invalid_number(format!(
                "the number {} cannot be dialed: as {} the public network would read it as {}: \
                 write it with '+' and the country code",
                number.e164,
                dial,
                other.unwrap_or_else(|| "no number".to_owned())
            ))),
        }
    }

    /// What the public network reaches for `dial`, read as the PBX's carrier reads it: its
    /// E.164 form.
    fn read_as_dialed(&self, dial: &str) -> Option<String> {
        let rest = dial.strip_prefix(self.outside_line.as_str())?;
        let national = self.dialed_national_prefix();
        let international = self.international_prefix.as_str();
        // The longer prefix first: Germany's "00" is international although it begins with the
        // national "0".
        let mut prefixes = [(international, true), (national, false)];
        prefixes.sort_by_key(|(prefix, _)| std::cmp::Reverse(prefix.len()));
        let mut e164 = String::with_capacity(dial.len() + 4);
        e164.push('+');
        let mut found = false;
        for (prefix, abroad) in prefixes {
            if prefix.is_empty() {
                continue;
            }
            if let Some(after) = rest.strip_prefix(prefix) {
                if !abroad {
                    let _ = write!(e164, "{}", self.region.country_code);
                }
                e164.push_str(after);
                found = true;
                break;
            }
        }
        if !found {
            if !national.is_empty() {
                // A local number: the public form never is one.
                return None;
            }
            let _ = write!(e164, "{}", self.region.country_code);
            e164.push_str(rest);
        }
        Some(e164)
    }

    /// The trunk prefix dialed before national numbers: the file's, where the region has one,
    /// else the region's (`""` where there is none).
    fn dialed_national_prefix(&self) -> &str {
        match &self.national_prefix {
            Some(ours) if !self.region.national_prefix.is_empty() => ours,
            _ => &self.region.national_prefix,
        }
    }

    fn translated(&self, e164: &str) -> Result<Option<DialString>> {
        for rule in &self.translate {
            // Most numbers match no rule, and a plain match is cheaper than looking for groups
            // (callgrind: about 270 instructions less a number and rule).
            if !rule.pattern.is_match(e164) {
                continue;
            }
            if let Some(captures) = rule.pattern.captures(e164) {
                let mut output = String::new();
                captures.expand(&rule.output, &mut output);
                return DialString::clean(&output).map(Some).map_err(|err| {
                    Error::configuration(format!(
                        "the translate rule on line {} of click2dial.dialplan {} turned {e164} \
                         into {}, which cannot be dialed ({err}): fix its output",
                        rule.line,
                        self.source,
                        quoted(&output)
                    ))
                });
            }
        }
        Ok(None)
    }

    fn refuse_if_not_allowed(&self, number: &phone::Parsed) -> Result<()> {
        let e164 = &number.e164;
        if let Some(rule) = self.deny.iter().find(|rule| rule.pattern.is_match(e164)) {
            return Err(Error::new(
                ErrorKind::NumberNotAllowed,
                format!(
                    "calls to {e164} are not allowed: {} (deny rule on line {} of \
                     click2dial.dialplan; ask the PBX administrator)",
                    rule.reason, rule.line
                ),
            ));
        }
        if let Some(kind) = self.blocked_type(&number.number) {
            return Err(Error::new(
                ErrorKind::NumberNotAllowed,
                format!(
                    "calls to {e164} are not allowed: {} numbers are blocked (key block of \
                     click2dial.dialplan; ask the PBX administrator)",
                    describe_type(kind)
                ),
            ));
        }
        Ok(())
    }

    /// The blocked type `number` is of, or whose range it is in with a digit too many or too few.
    ///
    /// A valid number's type is what the metadata says it is. A number that is not valid has no
    /// type (`unknown`), yet one digit more or less than a premium-rate number is still dialed
    /// into the premium-rate range, and the carrier may well connect it (ranges with several
    /// lengths, or lengths the metadata does not know yet). So its prefix is matched against
    /// the blocked types' ranges by the types of the numbers next to it ([`phone::types_near`]).
    /// Matching the prefix and not listing prefixes by hand keeps this right for every country
    /// the metadata knows, as its ranges change.
    fn blocked_type(&self, number: &rlibphonenumber::PhoneNumber) -> Option<PhoneNumberType> {
        if self.block.is_empty() {
            return None;
        }
        let kind = phone::number_type(number);
        if self.block.contains(kind) {
            return Some(kind);
        }
        // A valid number has a type (so this saves validating it again).
        if kind != PhoneNumberType::Unknown {
            return None;
        }
        phone::types_near(number)
            .find(|&near| near != PhoneNumberType::Unknown && self.block.contains(near))
    }

    /// `outside_line`, then the national prefix and the national significant number for
    /// numbers of the region's country code, or the international prefix, the country code and
    /// the national significant number for the rest.
    ///
    /// Never the display format: libphonenumber leaves the trunk prefix out of numbers that
    /// match none of its format patterns, and such a number dialed without it reaches a local
    /// number in the PBX's own area, not the one the rules checked.
    fn public_form(&self, number: &rlibphonenumber::PhoneNumber) -> String {
        let mut dial = String::with_capacity(32);
        dial.push_str(&self.outside_line);
        if number.country_code == self.region.country_code {
            dial.push_str(self.dialed_national_prefix());
        } else {
            dial.push_str(&self.international_prefix);
            // Writing to a String cannot fail.
            let _ = write!(dial, "{}", number.country_code);
        }
        dial.push_str(&phone::national_significant_number(number));
        dial
    }
}

/// The error for a public number with a `#`, `*` or pause in it.
fn refuse_dialing_character(input: &str, what: &str) -> Error {
    let trimmed = input.trim_start();
    if trimmed.starts_with('*') || trimmed.starts_with('#') {
        // libphonenumber would read "*97" as the number 97.
        return Error::invalid_number(format!(
            "the number {} is a feature code, not a phone number: to dial it as it is, make \
             the dial plan's internal pattern match it",
            quoted(input)
        ));
    }
    Error::invalid_number(format!(
        "the number {} cannot be dialed: {what} is not part of a phone number, and would dial \
         another number than the one written; write an extension as \"ext. 12\", \"x12\" or \
         \";ext=12\"",
        quoted(input)
    ))
}

/// The number types a plan refuses, as a set of bits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Blocked(u16);

impl Blocked {
    fn is_empty(self) -> bool {
        self.0 == 0
    }

    fn contains(self, kind: PhoneNumberType) -> bool {
        self.0 & bit(kind) != 0
    }

    fn insert(&mut self, kind: PhoneNumberType) {
        self.0 |= bit(kind);
    }
}

/// The names of number types in `block`, as libphonenumber has them.
const TYPE_NAMES: [(&str, PhoneNumberType); 12] = [
    ("fixed_line", PhoneNumberType::FixedLine),
    ("mobile", PhoneNumberType::Mobile),
    ("fixed_line_or_mobile", PhoneNumberType::FixedLineOrMobile),
    ("toll_free", PhoneNumberType::TollFree),
    ("premium_rate", PhoneNumberType::PremiumRate),
    ("shared_cost", PhoneNumberType::SharedCost),
    ("voip", PhoneNumberType::VoIP),
    ("personal_number", PhoneNumberType::PersonalNumber),
    ("pager", PhoneNumberType::Pager),
    ("uan", PhoneNumberType::UAN),
    ("voicemail", PhoneNumberType::VoiceMail),
    ("unknown", PhoneNumberType::Unknown),
];

fn bit(kind: PhoneNumberType) -> u16 {
    let index = TYPE_NAMES
        .iter()
        .position(|&(_, known)| known == kind)
        .unwrap_or(TYPE_NAMES.len() - 1);
    1 << index
}

fn describe_type(kind: PhoneNumberType) -> &'static str {
    match kind {
        PhoneNumberType::FixedLine => "fixed-line",
        PhoneNumberType::Mobile => "mobile",
        PhoneNumberType::FixedLineOrMobile => "fixed-line or mobile",
        PhoneNumberType::TollFree => "toll-free",
        PhoneNumberType::PremiumRate => "premium-rate",
        PhoneNumberType::SharedCost => "shared-cost",
        PhoneNumberType::VoIP => "VoIP",
        PhoneNumberType::PersonalNumber => "personal",
        PhoneNumberType::Pager => "pager",
        PhoneNumberType::UAN => "universal access",
        PhoneNumberType::VoiceMail => "voicemail",
        PhoneNumberType::Unknown => "unrecognised (in no range of the metadata)",
    }
}
