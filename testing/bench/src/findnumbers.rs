//! `findNumbers` on 100 KB message bodies, searched with a German dial plan: the median of
//! [`RUNS`] searches after warm-up (metadata decoded, the matcher's expressions compiled), as in
//! a PHP worker after its first call.
//!
//! Two bodies of 100,000 bytes are measured. The *thread* is what a long mail is: paragraphs
//! of prose in six languages, each reply ending in one of the corpus' messages
//! (`core/tests/find_numbers/messages/`: signatures, tables, forwarded headers), with its digits
//! shifted from reply to reply so that no number repeats exactly; about a tenth of its
//! characters are digits. The goal (5 ms) is for it. The *dense* body is the corpus alone,
//! repeated: a quarter of its characters are digits and every line holds candidates, which is
//! what the matcher's cost grows with (each candidate is parsed and validated).

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use click2dial_core::{find_numbers_by, DialPlan};

const PLAN: &str = "region = \"DE\"\noutside_line = \"0\"\ninternal = '^[2-9][0-9]{2}$'\n\
                    block = ['premium_rate']\n";

const MESSAGES: [&str; 10] = [
    include_str!("../../../core/tests/find_numbers/messages/de-signature.txt"),
    include_str!("../../../core/tests/find_numbers/messages/de-forwarded.txt"),
    include_str!("../../../core/tests/find_numbers/messages/de-table.txt"),
    include_str!("../../../core/tests/find_numbers/messages/at-html-text.txt"),
    include_str!("../../../core/tests/find_numbers/messages/ch-split-lines.txt"),
    include_str!("../../../core/tests/find_numbers/messages/en-us-signature.txt"),
    include_str!("../../../core/tests/find_numbers/messages/en-us-tracking.txt"),
    include_str!("../../../core/tests/find_numbers/messages/en-gb-forwarded.txt"),
    include_str!("../../../core/tests/find_numbers/messages/fr-signature.txt"),
    include_str!("../../../core/tests/find_numbers/messages/nl-signature.txt"),
];

/// Prose as mails hold it between the numbers.
const PROSE: [&str; 8] = [
    "Vielen Dank für Ihre schnelle Rückmeldung. Wie am Telefon besprochen, schicke ich Ihnen \
     die überarbeitete Fassung bis Ende der Woche; bitte prüfen Sie vor allem den Abschnitt \
     über die Lieferbedingungen und geben Sie mir Bescheid, ob die Termine so passen.\n",
    "Thanks for looping me in. I have gone through the draft and left a few comments on the \
     second section; the main open point is still who signs off on the budget, so let us \
     settle that in the call next week before anything goes out to the customer.\n",
    "Je reviens vers vous concernant votre demande. Nous avons bien reçu les documents et \
     notre service technique les examine en ce moment; une réponse vous sera adressée dans \
     les meilleurs délais, au plus tard en début de semaine prochaine.\n",
    "Zoals afgesproken stuur ik je hierbij de notulen van het overleg. Wil je de actiepunten \
     nog even nalopen en aanvullen waar nodig? Dan kunnen we ze vrijdag definitief maken.\n",
    "Te escribo para confirmar los detalles del pedido. El transporte saldrá del almacén a \
     primera hora y el conductor llamará antes de llegar; si hay algún cambio, avísame.\n",
    "Ti confermo che la riunione si terrà come previsto. Porta con te la documentazione \
     aggiornata e, se possibile, anche i preventivi dei fornitori che abbiamo contattato.\n",
    "> On the 3rd floor the meeting room is booked from 2 pm; bring the 4 printed copies.\n\
     > Sounds good, see you there.\n",
    "Grüezi mitenand, anbei noch die Unterlagen zur Sitzung vom letzten Donnerstag, wie \
     versprochen. Bei Fragen meldet euch einfach.\n\n",
];

/// The size of each body, in bytes.
const BODY_BYTES: usize = 100_000;

const RUNS: usize = 50;

/// Prose and a message, reply after reply, the message's digits shifted by the reply's number.
fn thread() -> String {
    let mut body = String::with_capacity(BODY_BYTES + 4096);
    for reply in 0.. {
        for paragraph in PROSE.iter().cycle().skip(reply).take(3) {
            body.push_str(paragraph);
        }
        let shift = (reply % 10) as u32;
        body.extend(
            MESSAGES[reply % MESSAGES.len()]
                .chars()
                .map(|c| match c.to_digit(10) {
                    Some(digit) if c.is_ascii_digit() => {
                        char::from_digit((digit + shift) % 10, 10).unwrap_or(c)
                    }
                    _ => c,
                }),
        );
        if body.len() > BODY_BYTES {
            break;
        }
    }
    cut(body)
}

/// The messages one after the other.
fn dense() -> String {
    let mut body = String::with_capacity(BODY_BYTES + 4096);
    for message in MESSAGES.iter().cycle() {
        body.push_str(message);
        if body.len() > BODY_BYTES {
            break;
        }
    }
    cut(body)
}

/// `body` cut to [`BODY_BYTES`] at the last line break before.
fn cut(mut body: String) -> String {
    let end = body.as_bytes()[..BODY_BYTES]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |at| at + 1);
    body.truncate(end);
    body
}

/// Prints the median times of one search of each body; returns the thread's and the dense
/// body's in milliseconds.
pub fn run() -> (f64, f64) {
    let plan = DialPlan::parse(Path::new("bench.toml"), PLAN.as_bytes()).expect("the plan parses");
    (
        measure(&plan, "thread", &thread()),
        measure(&plan, "dense", &dense()),
    )
}

fn measure(plan: &DialPlan, name: &str, body: &str) -> f64 {
    let found = find_numbers_by(Some(plan), body, None).expect("the body is searched");
    let digits = body.bytes().filter(u8::is_ascii_digit).count();
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let before = Instant::now();
        let _ = black_box(find_numbers_by(Some(plan), black_box(body), None));
        times.push(before.elapsed());
    }
    times.sort_unstable();
    let at = |q: f64| millis(times[((times.len() - 1) as f64 * q) as usize]);
    println!(
        "findNumbers (core, DE dial plan, {name}: {} bytes, {} % digits, {} numbers found, \
         {RUNS} runs): median {:.2} ms, p90 {:.2} ms",
        body.len(),
        digits * 100 / body.len(),
        found.len(),
        at(0.5),
        at(0.9)
    );
    at(0.5)
}

fn millis(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
