//! Phone numbers in what the user reads: `Click2Dial\findNumbers`.
//!
//! The front ends turn every number in an opened message or contact into a link; which text is
//! a number is decided here, not by a pattern in JavaScript. A number is found the way
//! libphonenumber's `PhoneNumberMatcher` finds it, at its default leniency (`VALID`: the number
//! is valid in its country, written with its trunk prefix where that country writes one, and
//! not glued to Latin letters, `%` or a currency sign), through `rlibphonenumber`'s port of that
//! matcher. Its own checks already keep IBANs, slash dates and most order numbers out; the
//! [`not_numbers`] module adds the few kinds of text it still takes for numbers (dates with dots
//! or dashes, prices, numbers labelled as references, a time's hour run into a number).
//!
//! A number is found only if it can be called: its E.164 form goes through the dial plan
//! ([`crate::normalize_number`]) and a number the plan refuses (a blocked premium-rate number, a
//! denied prefix) is left out. What is returned for each number is what `makeCall` takes
//! (`number`, its E.164 form) and what it will dial (`dial`).
//!
//! Offsets are UTF-16 code units, end exclusive: the JavaScript front ends index their strings
//! so. Text is read in national format in the region asked for, else the dial plan's region;
//! without either, only numbers written with `+` and their country code are found.
//!
//! The text is bounded ([`MAX_TEXT_BYTES`]): the front ends send a long body in pieces, split
//! at line breaks, and a larger piece is refused rather than searched in part.

mod not_numbers;
mod utf16;

use rlibphonenumber::enums::Region;
use rlibphonenumber::phonenumber_matcher::{FindNumberExt, Leniency};
use rlibphonenumber::{PhoneNumber, PhoneNumberFormat, PHONE_NUMBER_UTIL};

use crate::dialplan::{dial_plan, DialPlan};
use crate::error::Error;
use crate::number::DialString;
use crate::settings::Settings;

/// The longest text searched in one call, in bytes (UTF-8): 128 KiB, more than a long e-mail,
/// and a few milliseconds of work. Longer text is refused ([`FindError::TextTooLong`]).
pub const MAX_TEXT_BYTES: usize = 128 * 1024;

/// A number found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundNumber {
    /// Where it starts, in UTF-16 code units from the start of the text.
    pub start: usize,
    /// Where it ends (exclusive), in UTF-16 code units.
    pub end: usize,
    /// The number as written (`+49 (0)5331 939-0`, `650.253.0000 ext. 12`).
    pub text: String,
    /// Its E.164 form without the extension (`+4953319390`): what to give `makeCall`.
    pub number: String,
    /// What the PBX dials for it, by the dial plan (only cleaned without one).
    pub dial: DialString,
    /// The extension written after it, which is not dialed; `None` when there is none.
    pub extension: Option<String>,
}

/// Why a text was not searched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FindError {
    /// The text is longer than [`MAX_TEXT_BYTES`]; it holds this many bytes.
    TextTooLong(usize),
    /// The region is no ISO 3166 code libphonenumber has metadata for (as given).
    UnknownRegion(String),
    /// The dial plan could not be read (a configuration error, as `makeCall` would throw).
    Failed(Error),
}

impl FindError {
    /// The message, for a PHP developer or an administrator.
    pub fn message(&self) -> String {
        match self {
            FindError::TextTooLong(bytes) => format!(
                "the text is {bytes} bytes long, more than the {MAX_TEXT_BYTES} findNumbers \
                 searches at once: send it in pieces, split at line breaks"
            ),
            FindError::UnknownRegion(code) => format!(
                "the region {} is no ISO 3166 country code with phone number metadata \
                 (write it as 'DE', 'US', 'GB' ...)",
                crate::error::quoted(code)
            ),
            FindError::Failed(err) => err.message().to_owned(),
        }
    }
}

impl From<Error> for FindError {
    fn from(err: Error) -> FindError {
        FindError::Failed(err)
    }
}

/// The numbers in `text` that can be called, by the dial plan of `settings`; numbers written
/// without a country code are read as in `region`, or by default in the dial plan's region.
pub fn find_numbers(
    settings: &Settings,
    text: &str,
    region: Option<&str>,
) -> Result<Vec<FoundNumber>, FindError> {
    refuse_too_long(text)?;
    let plan = dial_plan(settings)?;
    find_numbers_by(plan.as_deref(), text, region)
}

/// [`find_numbers`] with the dial plan given (`None`: numbers are only cleaned).
pub fn find_numbers_by(
    plan: Option<&DialPlan>,
    text: &str,
    region: Option<&str>,
) -> Result<Vec<FoundNumber>, FindError> {
    refuse_too_long(text)?;
    let region = match region.or(plan.map(DialPlan::region)) {
        Some(code) => Some(region_of(code)?),
        None => None,
    };
    let mut offsets = utf16::Offsets::new(text);
    let mut found = Vec::new();
    for (byte_start, raw, number) in matches(text, region) {
        let Some(dialable) = dialable(plan, &number) else {
            continue;
        };
        let start = offsets.at(byte_start);
        let end = offsets.at(byte_start + raw.len());
        found.push(FoundNumber {
            start,
            end,
            text: raw.to_owned(),
            number: dialable.0,
            dial: dialable.1,
            extension: number.extension.clone().filter(|ext| !ext.is_empty()),
        });
    }
    Ok(found)
}

fn refuse_too_long(text: &str) -> Result<(), FindError> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(FindError::TextTooLong(text.len()));
    }
    Ok(())
}

/// The region of an ISO 3166 code, in either case.
fn region_of(code: &str) -> Result<Region, FindError> {
    let unknown = || FindError::UnknownRegion(code.to_owned());
    if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(unknown());
    }
    let region: Region = code.to_ascii_uppercase().parse().map_err(|_| unknown())?;
    PHONE_NUMBER_UTIL
        .get_country_code_for_region(region)
        .ok_or_else(unknown)?;
    Ok(region)
}

/// What libphonenumber's matcher finds in `text` (byte offset, text as written, number), less
/// what [`not_numbers`] says is something else.
fn matches(text: &str, region: Option<Region>) -> Vec<(usize, &str, PhoneNumber)> {
    let mut found = Vec::new();
    for found_match in matcher(text, region) {
        let start = found_match.start;
        let end = start + found_match.raw_string.len();
        let (raw, number) = match not_numbers::hour_of_a_time_at_end(text, start, end) {
            // "0511 7654321 14:00": the matcher took the hour for the number's last group.
            Some(hour_at) => match whole_number(&text[start..hour_at], region) {
                Some(shorter) => shorter,
                None => continue,
            },
            None => (found_match.raw_string, found_match.number),
        };
        if !not_numbers::is_something_else(text, start, start + raw.len()) {
            found.push((start, raw, number));
        }
    }
    found
}

/// The matcher over `text`: libphonenumber's default leniency, and no limit on tries (the text
/// is bounded instead), as Java's `PhoneNumberUtil.findNumbers(text, region)`.
fn matcher(
    text: &str,
    region: Option<Region>,
) -> impl Iterator<Item = rlibphonenumber::phonenumber_matcher::PhoneNumberMatch<'_>> {
    text.phone_number_matcher_builder()
        .leniency(Leniency::Valid)
        .preferred_region(region)
        .build_fallible()
        // An error is broken metadata built into the crate, not something in the text; the
        // fallible matcher says so instead of panicking, and the search ends there.
        .map_while(Result::ok)
}

/// `candidate` as a number if the matcher finds it whole, with the text trimmed of the
/// separators that stood before the part cut off.
fn whole_number(candidate: &str, region: Option<Region>) -> Option<(&str, PhoneNumber)> {
    let trimmed = candidate.trim_end_matches(|c: char| !c.is_numeric() && c != ')');
    let found = matcher(trimmed, region).next()?;
    (found.start == 0 && found.raw_string.len() == trimmed.len()).then_some((trimmed, found.number))
}

/// The E.164 form of `number` and its dial string, if the dial plan dials it.
fn dialable(plan: Option<&DialPlan>, number: &PhoneNumber) -> Option<(String, DialString)> {
    // The E.164 format has no extension.
    let e164 = PHONE_NUMBER_UTIL
        .format(number, PhoneNumberFormat::E164)
        .into_owned();
    let dial = match plan {
        Some(plan) => plan.normalize(&e164).map(|normalized| normalized.dial),
        None => DialString::clean(&e164),
    };
    match dial {
        Ok(dial) => Some((e164, dial)),
        // Refused numbers are not links. A translate rule with a bad output (Configuration)
        // refuses only the numbers it matches; makeCall says so when one is dialed.
        Err(_) => None,
    }
}
