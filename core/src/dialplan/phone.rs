//! Reading a number as people write it, with libphonenumber's metadata.
//!
//! # Why `rlibphonenumber` and not `phonenumber`
//!
//! Both crates port Google's libphonenumber and carry its metadata. `rlibphonenumber` (2.x) was
//! chosen because:
//!
//! * it has **out-of-country formatting** (`format_out_of_country_calling_number`), which is
//!   exactly "how is this number dialed from region X": the national form with its trunk prefix,
//!   the `1` of NANP numbers dialed within NANP, the region's preferred international prefix.
//!   `phonenumber` lacks it, so its callers re-implement those rules by hand;
//! * it follows libphonenumber's current releases closely (metadata 9.0.x), the same data as
//!   Python's `phonenumbers`, which the table test uses as an independent oracle;
//! * it parses in about 1 µs (`phonenumber` takes about three times as long), and the
//!   benchmark goal for `normalizeNumber` is 3 µs in all.
//!
//! Its cost is a newer compiler (Rust 1.88) and about 5 ms to decode the metadata, which happens
//! on the first number a process reads, never at PHP start-up.
//!
//! libphonenumber already does most of what people write: `tel:` URIs, `(0)` after a country
//! code, separators of every kind, full-width and other Unicode digits, vanity letters, the
//! region's own international prefix and extension suffixes (`ext.`, `x`, `;ext=`). What it does
//! not do is read `00` or `011` on a PBX whose own international prefix is the other one, nor
//! every Unicode space and dash; [`parse`] adds both.

use std::borrow::Cow;

use rlibphonenumber::enums::Region;
use rlibphonenumber::{
    get_national_significant_number_owned, NotANumberError, NumberLengthType, ParseError,
    PhoneNumber, PhoneNumberFormat, PhoneNumberType, ValidationError, PHONE_NUMBER_UTIL,
};

/// A public number, read.
#[derive(Clone, Debug)]
pub(crate) struct Parsed {
    /// The number without its extension.
    pub(crate) number: PhoneNumber,
    /// `+` country code national number.
    pub(crate) e164: String,
    /// The extension written after the number, if any.
    pub(crate) extension: Option<String>,
}

/// What a region's metadata says about dialing from there.
#[derive(Clone, Debug)]
pub(crate) struct RegionFacts {
    pub(crate) region: Region,
    pub(crate) country_code: i32,
    /// The prefix to call abroad, digits only; `None` when the region has several and no
    /// preferred one.
    pub(crate) international_prefix: Option<String>,
    /// The trunk prefix in front of national numbers, digits only (`""` where there is none).
    pub(crate) national_prefix: String,
}

/// The region of an ISO 3166 code such as `DE`, with what its metadata says; `None` when
/// libphonenumber has no metadata for it.
pub(crate) fn region_facts(code: &str) -> Option<RegionFacts> {
    if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let region: Region = code.to_ascii_uppercase().parse().ok()?;
    let country_code = PHONE_NUMBER_UTIL.get_country_code_for_region(region)?;
    // The metadata itself is private to the crate; what it holds shows in how numbers are
    // formatted for dialing from the region. A universal freephone number (+800) is foreign
    // everywhere, so its form shows the international prefix, or a bare '+' when there is no
    // single one.
    let freephone = PHONE_NUMBER_UTIL.parse("+80012345678", None).ok()?;
    let abroad = PHONE_NUMBER_UTIL.format_out_of_country_calling_number(&freephone, region);
    let international_prefix = abroad
        .split(' ')
        .next()
        .filter(|first| !first.starts_with('+'))
        .map(digits);
    // A fixed-line example dialed at home is the trunk prefix followed by the national number.
    let national_prefix = PHONE_NUMBER_UTIL
        .get_example_number(region)
        .ok()
        .map(|example| {
            let home =
                digits(&PHONE_NUMBER_UTIL.format_out_of_country_calling_number(&example, region));
            let national = get_national_significant_number_owned(&example);
            match home.strip_suffix(national.as_str()) {
                Some(prefix) => prefix.to_owned(),
                None => String::new(),
            }
        })
        .unwrap_or_default();
    Some(RegionFacts {
        region,
        country_code,
        international_prefix,
        national_prefix,
    })
}

/// Reads `input` as a number written in `region`.
///
/// Numbers written with `00` or `011` in front are read with the other one too: a contact card
/// holds numbers as their owners wrote them, so a European's `0049 ...` reaches a PBX in the USA
/// (whose prefix is `011`) and an American's `011 49 ...` one in Germany. The second reading is
/// taken only when the first is not a valid number and the second is.
pub(crate) fn parse(input: &str, region: Region) -> Result<Parsed, String> {
    let input = &*plain_separators(input);
    let first = PHONE_NUMBER_UTIL.parse(input, Some(region));
    if let Some(rest) = after_international_prefix(input) {
        let needs_second_look = match &first {
            Ok(number) => !PHONE_NUMBER_UTIL.is_valid_number(number),
            Err(_) => true,
        };
        if needs_second_look {
            let mut plus = String::with_capacity(rest.len() + 1);
            plus.push('+');
            plus.push_str(rest);
            if let Ok(number) = PHONE_NUMBER_UTIL.parse(&plus, Some(region)) {
                if PHONE_NUMBER_UTIL.is_valid_number(&number) {
                    return Ok(read(number));
                }
            }
        }
    }
    first.map(read).map_err(|err| why_unparsable(&err))
}

/// Every space and dash as the ASCII one. libphonenumber knows only some of them (not the
/// narrow no-break space of French and Swiss typography, for one) and calls the rest "not a
/// number".
fn plain_separators(input: &str) -> Cow<'_, str> {
    if input.is_ascii() {
        return Cow::Borrowed(input);
    }
    Cow::Owned(
        input
            .chars()
            .filter(|&c| c != '\u{AD}') // a soft hyphen is not there at all
            .map(|c| {
                if c.is_whitespace() {
                    ' '
                } else if is_dash(c) {
                    '-'
                } else {
                    c
                }
            })
            .collect(),
    )
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '\u{2010}'
            ..='\u{2015}'
                | '\u{2043}'
                | '\u{2212}'
                | '\u{2E3A}'
                | '\u{2E3B}'
                | '\u{FE58}'
                | '\u{FE63}'
                | '\u{FF0D}'
    )
}

/// The first character of `input` that makes a phone dial something other than the number
/// itself, put into words; `None` when there is none.
///
/// libphonenumber reads some of these as the start of an extension (`#` after a group of
/// digits, `,`, `;`) and drops the others (`*`, and `p` and `w`, which phones read as pauses),
/// so that a shorter or a different number is dialed than the one written: `+49 5331 939 0#`
/// is read as `+49 5331 939` with the extension `0`. On the public path they are refused
/// instead; what is meant as an extension is written as `ext. 12`, `x12` or `;ext=12`.
/// `;` is allowed only as `;ext=` and in a `tel:` URI, whose parameters begin with it. `p` and
/// `w` count as pauses where they stand alone or in a run of their own (`9390p12`, `9390 ww`);
/// in a word (`1-800-FLOWERS`) they are vanity letters.
pub(crate) fn dialing_character(input: &str) -> Option<&'static str> {
    let is_uri = input
        .trim_start()
        .get(..4)
        .is_some_and(|s| s.eq_ignore_ascii_case("tel:"));
    let lower = input.to_ascii_lowercase();
    let mut letters = lower.char_indices().peekable();
    while let Some((at, c)) = letters.next() {
        match c {
            '#' | '\u{FF03}' => return Some("'#'"),
            '*' | '\u{FF0A}' => return Some("'*'"),
            ',' | '\u{FF0C}' => return Some("',' (a pause)"),
            ';' if !is_uri && !lower[at + 1..].starts_with("ext=") => return Some("';' (a pause)"),
            c if c.is_ascii_alphabetic() => {
                let start = at;
                let mut end = at + 1;
                while let Some(&(next, c)) = letters.peek() {
                    if !c.is_ascii_alphabetic() {
                        break;
                    }
                    end = next + 1;
                    letters.next();
                }
                if lower[start..end].bytes().all(|b| b == b'p' || b == b'w') {
                    return Some("'p' or 'w' (a pause)");
                }
            }
            _ => {}
        }
    }
    None
}

/// What follows a leading `00` or `011` (after any white space or `(`), if the input starts so.
fn after_international_prefix(input: &str) -> Option<&str> {
    let trimmed = input.trim_start_matches(|c: char| c.is_whitespace() || c == '(');
    trimmed
        .strip_prefix("011")
        .or_else(|| trimmed.strip_prefix("00"))
        .filter(|rest| !rest.starts_with('0'))
}

/// An E.164 string (`+4953319390`) as libphonenumber reads it back, in E.164 form again.
pub(crate) fn parse_e164(e164: &str) -> Option<String> {
    let number = PHONE_NUMBER_UTIL.parse(e164, None).ok()?;
    Some(
        PHONE_NUMBER_UTIL
            .format(&number, PhoneNumberFormat::E164)
            .into_owned(),
    )
}

fn read(mut number: PhoneNumber) -> Parsed {
    let extension = number.extension.take().filter(|ext| !ext.is_empty());
    let e164 = PHONE_NUMBER_UTIL
        .format(&number, PhoneNumberFormat::E164)
        .into_owned();
    Parsed {
        number,
        e164,
        extension,
    }
}

/// Why libphonenumber could not read a number, for a message that goes on "... : " + this.
fn why_unparsable(err: &ParseError) -> String {
    match err {
        ParseError::InvalidCountryCode => {
            "the digits after '+' (or 00) are not a country code: check them".to_owned()
        }
        ParseError::NotANumber(NotANumberError::InvalidPhoneContext) => {
            "its tel: URI has an invalid phone-context".to_owned()
        }
        ParseError::NotANumber(_) => {
            "it is not a phone number (write digits, with '+' and the country code for \
             numbers abroad)"
                .to_owned()
        }
        ParseError::TooShortAfterIdd => "too few digits follow the international prefix".to_owned(),
        ParseError::TooShortNsn => "it has too few digits for a phone number".to_owned(),
        ParseError::TooLongNsn => "it has too many digits for a phone number".to_owned(),
    }
}

/// Why a read number cannot be dialed, judged by its length alone (the ranges in the metadata
/// change more often than the lengths, so a number in a range it does not know yet is dialed).
/// A number that is complete only within its own area (German local numbers without their area
/// code) is refused too.
pub(crate) fn why_impossible(number: &PhoneNumber) -> Option<String> {
    let cc = number.country_code;
    let where_ = || match PHONE_NUMBER_UTIL.get_region_for_country_code(cc) {
        Some(region) => format!("{region} (+{cc})"),
        None => format!("+{cc}"),
    };
    match PHONE_NUMBER_UTIL.is_possible_number_with_reason(number) {
        Ok(NumberLengthType::IsPossible) => None,
        // Dialed from the PBX this would reach whoever has that number in the PBX's own area,
        // which is seldom the area of whoever wrote it down.
        Ok(NumberLengthType::IsPossibleLocalOnly) => Some(format!(
            "it is too short for a number in {} with its area code: write the whole number",
            where_()
        )),
        Err(ValidationError::InvalidCountryCode) => Some(format!(
            "+{cc} is not a country code: check the digits after '+'"
        )),
        Err(ValidationError::TooShort) => Some(format!(
            "it is too short for a number in {}: check that no digit is missing",
            where_()
        )),
        Err(ValidationError::TooLong) => Some(format!(
            "it is too long for a number in {}: check for extra digits, or write an extension \
             as \"ext. 12\"",
            where_()
        )),
        Err(ValidationError::InvalidLength) => Some(format!(
            "no number in {} has that many digits: check the number",
            where_()
        )),
    }
}

/// The national significant number (with Italy's leading zero), which follows the country code
/// when dialing abroad.
pub(crate) fn national_significant_number(number: &PhoneNumber) -> String {
    get_national_significant_number_owned(number)
}

/// The type of a number, as the metadata's ranges say.
pub(crate) fn number_type(number: &PhoneNumber) -> PhoneNumberType {
    PHONE_NUMBER_UTIL.get_number_type(number)
}

/// Whether the metadata has the number in one of its country's ranges, at a length that range
/// has: libphonenumber's `is_valid_number`.
pub(crate) fn is_valid(number: &PhoneNumber) -> bool {
    PHONE_NUMBER_UTIL.is_valid_number(number)
}

/// The longest national significant number libphonenumber reads (ITU-T E.164 allows 15 digits
/// with the country code; the metadata's patterns stop at 17).
const MAX_NSN_DIGITS: usize = 17;

/// The types of the numbers that begin like `number` but are one or more digits longer or
/// shorter, as far as the metadata has them: the ranges a number that is not valid is "near".
///
/// A number type needs a valid length (`+49 900 1234567` is premium-rate, `+49 900 12345678` is
/// of no type at all), so a blocked range cannot be told by the type of a number whose length
/// is wrong. The metadata's ranges are told apart by their first digits (the prefix: `900` in
/// Germany), and each has one or a few lengths, so the same digits cut to every shorter length
/// and padded to every longer one show which ranges the number's prefix belongs to. The padding
/// is tried with three digits, because some ranges are split on the digits after the prefix
/// (`900[135]`). This is dozens of look-ups: the dial plan asks only about numbers that are not
/// valid, whose own type says nothing.
///
/// A national prefix libphonenumber kept as a leading zero (it does so where the number would
/// not be viable without it: `0848 123 45` in Switzerland is read as `084812345`) is not part
/// of a range's digits, so the digits are tried without it too.
pub(crate) fn types_near(number: &PhoneNumber) -> impl Iterator<Item = PhoneNumberType> + '_ {
    let nsn = get_national_significant_number_owned(number);
    let unprefixed = nsn.trim_start_matches('0').to_owned();
    let mut readings = vec![nsn];
    if !unprefixed.is_empty() && unprefixed.len() != readings[0].len() {
        readings.push(unprefixed);
    }
    readings
        .into_iter()
        .flat_map(move |nsn| digits_near(number, nsn))
}

fn digits_near(number: &PhoneNumber, nsn: String) -> impl Iterator<Item = PhoneNumberType> + '_ {
    let len = nsn.len();
    (2..=MAX_NSN_DIGITS)
        .filter(move |&length| length != len)
        .flat_map(move |length| {
            let pads: &[char] = if length < len {
                &['0']
            } else {
                &['0', '5', '9']
            };
            let nsn = nsn.clone();
            pads.iter().map(move |&pad| {
                let mut digits: String = nsn.chars().take(length).collect();
                while digits.len() < length {
                    digits.push(pad);
                }
                digits
            })
        })
        .filter_map(move |digits| {
            let mut probe = number.clone();
            probe.extension = None;
            // A leading zero is kept apart from the digits (Italy's `06`), and so is their
            // count.
            let zeros = digits.bytes().take_while(|&b| b == b'0').count();
            let rest = &digits[zeros..];
            probe.national_number = rest.parse().ok()?;
            if zeros > 0 {
                probe.italian_leading_zero = Some(true);
                probe.number_of_leading_zeros = Some(zeros as i32);
            } else {
                probe.italian_leading_zero = None;
                probe.number_of_leading_zeros = None;
            }
            Some(PHONE_NUMBER_UTIL.get_number_type(&probe))
        })
}

fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}
