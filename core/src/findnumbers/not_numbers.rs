//! Text libphonenumber's matcher takes for a phone number that is something else.
//!
//! The matcher already refuses numbers glued to Latin letters (IBANs, `DE123456789`), `%` or a
//! currency sign, slash-separated dates and `yyyy-mm-dd hh:mm` time stamps. Messages still hold,
//! and the corpus (`core/tests/find_numbers/`) shows it taking:
//!
//! * dates written with dots or dashes: `02.12.2024` is a valid number in Germany (0212 is
//!   Solingen's area code);
//! * prices: `030 123 456,78 EUR`, `€ 0511 7654`, `USD 650.253.0000`;
//! * numbers labelled as something else: `Bestellnummer 0301234567`, `order #650-253-0000`,
//!   `Konto-Nr. 0532 0130 00`, `facture n° 01 42 68 53 00` (while `Tel.-Nr. 0511 7654321` is a
//!   phone number);
//! * a time after a number in a table, whose hour the matcher takes as the number's last group
//!   (`0511 7654321 14:00` read as `+49 511 765432114`): a wrong number, not merely a false
//!   one, so the number is searched again without it.
//!
//! Each check looks at the match and at most a line's worth of text around it.

/// Whether the match `text[start..end]` is a date, a price or a number labelled as a reference.
pub(super) fn is_something_else(text: &str, start: usize, end: usize) -> bool {
    let raw = &text[start..end];
    is_date(raw) || is_price(&text[..start], &text[end..]) || is_labelled_reference(&text[..start])
}

/// Where the hour of a time begins, when the match ends in one (`... 14` before `:00`).
pub(super) fn hour_of_a_time_at_end(text: &str, start: usize, end: usize) -> Option<usize> {
    let after = &text.as_bytes()[end..];
    let is_time = after.len() >= 3
        && after[0] == b':'
        && (b'0'..=b'5').contains(&after[1])
        && after[2].is_ascii_digit()
        && !after.get(3).is_some_and(u8::is_ascii_digit);
    if !is_time {
        return None;
    }
    let raw = &text[start..end];
    let hour = raw.trim_end_matches(|c: char| c.is_ascii_digit());
    // A number that is all one group is not a number with a time after it.
    (hour.len() < raw.len() && hour.chars().any(|c| c.is_ascii_digit()))
        .then_some(start + hour.len())
}

/// `dd.mm.yyyy`, `dd-mm-yy`, `mm.dd.yyyy`, `yyyy-mm-dd` and the like, one separator throughout.
fn is_date(raw: &str) -> bool {
    let groups: Vec<&str> = raw.split(['.', '-', '/']).collect();
    if groups.len() != 3 || !groups.iter().all(|g| is_digits(g)) {
        return false;
    }
    let separators: Vec<char> = raw
        .chars()
        .filter(|c| matches!(c, '.' | '-' | '/'))
        .collect();
    if separators[0] != separators[1] {
        return false;
    }
    let [first, second, third] = [groups[0], groups[1], groups[2]];
    let value = |g: &str| g.parse::<u32>().unwrap_or(u32::MAX);
    let day_and_month = |a: &str, b: &str| {
        a.len() <= 2 && b.len() <= 2 && {
            let (a, b) = (value(a), value(b));
            (1..=31).contains(&a) && (1..=12).contains(&b)
                || (1..=12).contains(&a) && (1..=31).contains(&b)
        }
    };
    let year = |g: &str| g.len() == 2 || (g.len() == 4 && (1900..=2099).contains(&value(g)));
    (day_and_month(first, second) && year(third))
        || (first.len() == 4 && year(first) && day_and_month(third, second))
}

fn is_digits(group: &str) -> bool {
    !group.is_empty() && group.bytes().all(|b| b.is_ascii_digit())
}

/// Currency codes and signs written before or after an amount, beyond the signs the matcher
/// refuses right next to a number.
/// (Not "Fr.", which is also Friday and Frau: "Mo.-Fr. 0800 123 456".)
const CURRENCIES: [&str; 15] = [
    "eur", "usd", "chf", "gbp", "sek", "nok", "dkk", "pln", "czk", "huf", "jpy", "€", "$", "£", "¥",
];

/// A currency before the match (`€ 0511 7654`, `EUR 05117654321`), or a decimal part or a
/// currency after it (`030 123 456,78`, `0511 7654 €`).
fn is_price(before: &str, after: &str) -> bool {
    let before = before.trim_end_matches([' ', '\u{A0}']);
    let after_trimmed = after.trim_start_matches([' ', '\u{A0}']);
    let lower_before: String = before
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .flat_map(char::to_lowercase)
        .collect();
    let currency_before = CURRENCIES.iter().any(|c| {
        lower_before.ends_with(c)
            && !lower_before[..lower_before.len() - c.len()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
    });
    let currency_after = CURRENCIES.iter().any(|c| {
        after_trimmed
            .get(..c.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(c))
            && !after_trimmed[c.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphabetic)
    });
    currency_before || currency_after || has_decimal_part(after)
}

/// `,78` or `.50` right after the match, not followed by more digits.
fn has_decimal_part(after: &str) -> bool {
    let bytes = after.as_bytes();
    matches!(bytes.first(), Some(b',' | b'.'))
        && bytes.get(1).is_some_and(u8::is_ascii_digit)
        && bytes.get(2).is_some_and(u8::is_ascii_digit)
        && !bytes.get(3).is_some_and(u8::is_ascii_digit)
}

/// Words that say the number after them is not a phone number, in the languages of the
/// corpus; compared with a label's parts (`Konto-Nr.` is `konto` and `nr`).
const REFERENCE_WORDS: [&str; 46] = [
    "bestellnummer",
    "bestellnr",
    "bestellung",
    "auftrag",
    "auftragsnummer",
    "auftragsnr",
    "rechnung",
    "rechnungsnummer",
    "rechnungsnr",
    "kundennummer",
    "kundennr",
    "sendungsnummer",
    "paketnummer",
    "konto",
    "kontonummer",
    "vertragsnummer",
    "aktenzeichen",
    "vorgang",
    "artikel",
    "art",
    "order",
    "invoice",
    "ref",
    "reference",
    "account",
    "acct",
    "tracking",
    "booking",
    "ticket",
    "case",
    "sku",
    "item",
    "iban",
    "bic",
    "blz",
    "facture",
    "commande",
    "référence",
    "bestelling",
    "factuur",
    "ordernummer",
    "pedido",
    "factura",
    "fattura",
    "ordine",
    "contrato",
];

/// Words for "number" that leave the kind to the word before them (`Tel. Nr.`, `Order No.`).
const NUMBER_WORDS: [&str; 8] = ["nr", "no", "n°", "nº", "n.º", "num", "number", "nummer"];

/// Parts of a label that say it is a phone number after all (`Tel.-Nr.`, `Fax-Nr.`).
const PHONE_WORDS: [&str; 14] = [
    "tel",
    "telefon",
    "telephone",
    "téléphone",
    "tél",
    "phone",
    "fon",
    "fax",
    "mobil",
    "mobile",
    "handy",
    "ruf",
    "rufnummer",
    "durchwahl",
];

/// Whether the words just before the match, on its line, label it as a reference number.
fn is_labelled_reference(before: &str) -> bool {
    let line = before.rsplit('\n').next().unwrap_or(before);
    let line = line.trim_end_matches([' ', '\u{A0}', ':']);
    if line.ends_with('#') {
        return true;
    }
    let mut words = line.rsplit([' ', '\u{A0}', '\t']).filter(|w| !w.is_empty());
    let Some(last) = words.next() else {
        return false;
    };
    let last = parts(last);
    if last.iter().any(|p| PHONE_WORDS.contains(&p.as_str())) {
        return false;
    }
    if last.iter().any(|p| REFERENCE_WORDS.contains(&p.as_str())) {
        return true;
    }
    if !last
        .last()
        .is_some_and(|p| NUMBER_WORDS.contains(&p.as_str()))
    {
        return false;
    }
    // "Nr." alone: a phone number only when the word before it says so.
    let before = words.next().map(parts).unwrap_or_default();
    !before.iter().any(|p| PHONE_WORDS.contains(&p.as_str()))
}

/// A label's parts, lower case, split at dots and dashes: `Tel.-Nr.:` is `tel` and `nr`.
fn parts(word: &str) -> Vec<String> {
    word.split(['.', '-', ':', '/', '#'])
        .filter(|p| !p.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_told_from_numbers_by_their_shape() {
        for date in [
            "02.12.2024",
            "09-12-24",
            "12.16.2024",
            "2024-12-10",
            "1/2/2025",
        ] {
            assert!(is_date(date), "{date}");
        }
        for number in [
            "0212 2024",
            "02.12.2024.1",
            "05331-939-123",
            "32.12.2024",
            "02.12-2024",
        ] {
            assert!(!is_date(number), "{number}");
        }
    }

    #[test]
    fn a_currency_or_a_decimal_part_makes_a_price() {
        assert!(is_price("Summe: ", ",78 EUR"));
        assert!(is_price("Betrag: € ", ""));
        assert!(is_price("USD ", " total"));
        assert!(is_price("", " €"));
        assert!(!is_price("Tel. ", ", Fax"));
        assert!(!is_price("Euro", "")); // a word that ends in a code's letters is not the code
        assert!(!is_price("", ".1234"));
    }

    #[test]
    fn labels_say_what_a_number_is() {
        for label in [
            "Bestellnummer ",
            "Auftrag Nr. ",
            "order #",
            "Order No. ",
            "Konto-Nr. ",
            "facture n° ",
            "Invoice: ",
        ] {
            assert!(is_labelled_reference(label), "{label}");
        }
        for label in [
            "Tel.-Nr. ",
            "Tel. Nr. ",
            "Fax: ",
            "Mobil: ",
            "",
            "Ring me on ",
            "Nr.\n",
        ] {
            assert!(!is_labelled_reference(label), "{label}");
        }
    }

    #[test]
    fn an_hour_run_into_a_number_is_cut_off() {
        let text = "0511 7654321 14:00";
        assert_eq!(hour_of_a_time_at_end(text, 0, 15), Some(13));
        assert_eq!(hour_of_a_time_at_end("14:00", 0, 2), None);
        assert_eq!(hour_of_a_time_at_end("0511 7654321 14:0012", 0, 15), None);
    }
}
