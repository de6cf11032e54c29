//! Numbers as sipXconfig's call resource accepts them.
//!
//! sipXconfig takes the number as one URL path segment, decodes it with Java's `URLDecoder`
//! (which turns a literal `+` into a space), strips `[ ] ( ) . { } -` and answers 400 unless what
//! is left is made of `[_!~*'&=+$,;?/a-zA-Z0-9]` (the real pattern also allows `%XX` and an
//! `@host.tld` suffix, but the `.` it needs is stripped first, so a suffix can never pass).
//!
//! [`DialString::clean`] removes what people type for readability, refuses what sipXconfig would
//! refuse, and [`DialString::path_segment`] percent-encodes the rest so that the server decodes it
//! back to exactly the same characters. Refusing here means no request is ever sent for a number
//! the PBX would not take.

use std::fmt;

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::error::{quoted, Error, Result};

/// The longest number, in characters, that is accepted as input.
pub const MAX_NUMBER_CHARS: usize = 64;

/// Characters sent as they are; everything else is `%XX`. `+` in particular must be escaped,
/// because `URLDecoder` reads a bare `+` as a space.
const PATH_SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'*').remove(b'_').remove(b'~');

/// A number cleaned of formatting and known to be acceptable to sipXconfig.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DialString(String);

impl DialString {
    /// Removes formatting (white space, `.`, `-`, `/`, brackets) and checks what is left.
    ///
    /// ```
    /// use click2dial_core::DialString;
    /// let dial = DialString::clean("+49 (5331) 939-0").unwrap();
    /// assert_eq!(dial.as_str(), "+4953319390");
    /// assert_eq!(dial.path_segment(), "%2B4953319390");
    /// ```
    pub fn clean(input: &str) -> Result<DialString> {
        DialString::cleaned(input).map_err(|refusal| refusal.error(input))
    }

    /// [`DialString::clean`] for a caller that only needs to know whether the input cleans (the
    /// dial plan tries every number as an internal one): the refusal is not yet put into words.
    pub(crate) fn cleaned(input: &str) -> std::result::Result<DialString, Refusal> {
        // Byte length bounds the character count: short inputs need no count.
        if input.len() > MAX_NUMBER_CHARS && input.chars().count() > MAX_NUMBER_CHARS {
            return Err(Refusal::TooLong);
        }
        let mut cleaned = String::with_capacity(input.len());
        let mut digits = false;
        for c in input.chars() {
            if is_formatting(c) {
                continue;
            }
            if !is_dialable(c) {
                return Err(Refusal::NotDialable(c));
            }
            digits |= c.is_ascii_digit();
            cleaned.push(c);
        }
        // A phone number has digits; a bare name ("alice", or "../etc/passwd" once its
        // formatting is gone) is not a number to call from a contact card.
        if !digits {
            return Err(Refusal::NoDigits);
        }
        Ok(DialString(cleaned))
    }

    /// The number as the PBX receives it.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number as one URL path segment, escaped so that sipXconfig decodes it back to
    /// [`DialString::as_str`].
    pub fn path_segment(&self) -> String {
        utf8_percent_encode(&self.0, PATH_SEGMENT).to_string()
    }

    /// The form every spelling of one number shares, which the duplicate window compares
    /// (`ratelimit`): letters as the keypad digits they stand for (`1800FLOWERS` and
    /// `1800flowers` are `18003569377`), `+`, `*` and the digits kept, and the rest dropped,
    /// from a `;` on (`;user=phone`, `;ext=12`: the same phone rings) and the marks sipXconfig
    /// lets through but that dial nothing (`_ ! ~ ' & = $ , ?`).
    ///
    /// Formatting is gone already ([`DialString::clean`]); a dial plan's dial string is digits
    /// and comes out as it is. The key may only ever be coarser than the number: two different
    /// numbers that share it are refused as a double click for a few seconds, which is harmless,
    /// while one number with two keys would ring twice. So `+` and a written-out international
    /// prefix stay apart: without a dial plan, which prefix that is (`00`, `011`) is unknown.
    ///
    /// ```
    /// use click2dial_core::DialString;
    /// let key = |n| DialString::clean(n).unwrap().canonical();
    /// assert_eq!(key("+1 800 FLOWERS"), key("+1 (800) 356-9377;user=phone"));
    /// assert_ne!(key("+18003569377"), key("0018003569377"));
    /// ```
    pub fn canonical(&self) -> String {
        let number = self.0.split(';').next().unwrap_or_default();
        number
            .chars()
            .filter_map(|c| match c {
                '0'..='9' | '+' | '*' => Some(c),
                c if c.is_ascii_alphabetic() => Some(keypad_digit(c)),
                _ => None,
            })
            .collect()
    }
}

/// The digit a letter is on, on a phone's keypad (ITU-T E.161).
fn keypad_digit(letter: char) -> char {
    match letter.to_ascii_uppercase() {
        'A'..='C' => '2',
        'D'..='F' => '3',
        'G'..='I' => '4',
        'J'..='L' => '5',
        'M'..='O' => '6',
        'P'..='S' => '7',
        'T'..='V' => '8',
        _ => '9',
    }
}

/// Why [`DialString::cleaned`] refused an input, before it is put into words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Refusal {
    TooLong,
    NotDialable(char),
    NoDigits,
}

impl Refusal {
    /// The error [`DialString::clean`] reports for `input`.
    pub(crate) fn error(self, input: &str) -> Error {
        match self {
            Refusal::TooLong => too_long(input),
            Refusal::NotDialable(c) => not_dialable(input, c),
            Refusal::NoDigits if input.is_empty() => {
                Error::invalid_number("no number was given: pass the number to call")
            }
            Refusal::NoDigits => Error::invalid_number(format!(
                "the number {} has no digits to dial",
                quoted(input)
            )),
        }
    }
}

impl fmt::Display for DialString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Refuses what no number may hold however it is written, before anything else reads it: more
/// than [`MAX_NUMBER_CHARS`] characters, or a control character (a header injection attempt,
/// never a typo). The dial plan calls this before libphonenumber, which would skip such
/// characters silently; the messages are those of [`DialString::clean`].
pub(crate) fn refuse_unreadable(input: &str) -> Result<()> {
    if input.len() > MAX_NUMBER_CHARS && input.chars().count() > MAX_NUMBER_CHARS {
        return Err(too_long(input));
    }
    match input.chars().find(|c| c.is_control()) {
        Some(c) => Err(not_dialable(input, c)),
        None => Ok(()),
    }
}

fn too_long(input: &str) -> Error {
    Error::invalid_number(format!(
        "the number {} is longer than {MAX_NUMBER_CHARS} characters: \
         pass a single phone number or extension",
        quoted(input)
    ))
}

fn not_dialable(input: &str, c: char) -> Error {
    Error::invalid_number(format!(
        "the number {} cannot be dialed: {} is not allowed \
         (use digits, letters, '+', '*' and ';')",
        quoted(input),
        describe(c)
    ))
}

/// What people put into numbers for readability; sipXconfig strips the brackets, dots and dashes
/// itself, and the others would be refused, so they go.
fn is_formatting(c: char) -> bool {
    matches!(c, '.' | '-' | '/' | '(' | ')' | '[' | ']' | '{' | '}')
        || (c.is_whitespace() && !c.is_control())
        || matches!(c, '\u{2010}'..='\u{2015}' | '\u{2212}') // dashes and the minus sign
}

/// The characters sipXconfig's pattern accepts once formatting is gone (ASCII only).
fn is_dialable(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '+' | '*' | '_' | '!' | '~' | '\'' | '&' | '=' | '$' | ',' | ';' | '?'
        )
}

fn describe(c: char) -> String {
    if c.is_control() {
        format!("the control character {}", c.escape_unicode())
    } else {
        format!("the character '{c}'")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    fn dialed(input: &str) -> String {
        DialString::clean(input).unwrap().as_str().to_owned()
    }

    fn refusal(input: &str) -> Error {
        let err = DialString::clean(input).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidNumber, "{input:?}: {err}");
        err
    }

    #[test]
    fn formatting_that_people_type_is_removed() {
        assert_eq!(dialed("+49 (5331) 939-0"), "+4953319390");
        assert_eq!(dialed("05331/939-123"), "05331939123");
        assert_eq!(dialed("9.9-86(406)9[99]"), "9986406999");
        assert_eq!(dialed("+1\u{a0}415\u{2011}555\u{2013}0100"), "+14155550100");
        assert_eq!(dialed(" 207 "), "207");
    }

    #[test]
    fn what_sipxconfig_accepts_is_kept() {
        assert_eq!(dialed("*97"), "*97");
        assert_eq!(dialed("200;user=phone"), "200;user=phone");
        assert_eq!(dialed("1800FLOWERS"), "1800FLOWERS");
    }

    #[test]
    fn plus_is_escaped_so_the_server_does_not_read_a_space() {
        let dial = DialString::clean("+4953319390").unwrap();
        assert_eq!(dial.path_segment(), "%2B4953319390");
        let dial = DialString::clean("200;user=phone").unwrap();
        assert_eq!(dial.path_segment(), "200%3Buser%3Dphone");
        assert_eq!(DialString::clean("*97").unwrap().path_segment(), "*97");
    }

    #[test]
    fn what_sipxconfig_refuses_is_refused_before_sending() {
        for input in [
            "12#3",
            "sip:207",
            "207@example.test",
            "50%",
            "é207",
            "２０７",
            "12\"3",
            "<207>",
        ] {
            refusal(input);
        }
    }

    #[test]
    fn empty_and_formatting_only_numbers_are_refused() {
        assert!(refusal("").message().contains("no number"));
        assert!(refusal(" - ").message().contains("no digits"));
        assert!(refusal("alice").message().contains("no digits"));
        assert!(refusal("../../etc/passwd").message().contains("no digits"));
    }

    #[test]
    fn control_characters_are_named_not_printed() {
        let err = refusal("207\r\nX-Injected: 1");
        assert!(err.message().contains("control character \\u{d}"), "{err}");
        assert!(!err.message().contains('\r'));
        refusal("207\0");
        refusal("20\t7");
    }

    #[test]
    fn ten_spellings_of_one_number_share_one_canonical_form() {
        let spellings = [
            "+1 800 FLOWERS",
            "+1 800 flowers",
            "+1-800-356-9377",
            "+1 (800) 356 9377",
            "+1.800.356.9377",
            "+1/800/FLOWERS",
            "+1 800 356 9377;user=phone",
            "+1800FLOWERS;ext=12",
            "+1 800 3569377,",
            "+1\u{a0}800\u{2011}FLOWERS",
        ];
        let keys: Vec<String> = spellings
            .iter()
            .map(|s| DialString::clean(s).unwrap().canonical())
            .collect();
        assert!(keys.iter().all(|k| k == "+18003569377"), "{keys:?}");
    }

    #[test]
    fn different_numbers_keep_different_canonical_forms() {
        let key = |n: &str| DialString::clean(n).unwrap().canonical();
        assert_ne!(key("*97"), key("97"));
        assert_ne!(key("+4953319390"), key("004953319390"));
        assert_ne!(key("207"), key("208"));
        assert_eq!(key("9986406999"), "9986406999");
    }

    #[test]
    fn overlong_numbers_are_refused() {
        assert!(DialString::clean(&"1".repeat(MAX_NUMBER_CHARS)).is_ok());
        let err = refusal(&"1".repeat(MAX_NUMBER_CHARS + 1));
        assert!(err.message().contains("longer than 64"), "{err}");
    }
}
