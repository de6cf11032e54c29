//! `normalizeNumber` is measured in the core, where all of its work is (the PHP binding adds a
//! string copy): the median time of one number over 100,000 numbers as people write them,
//! domestic, foreign, internal, translated, refused and malformed, in a fixed shuffled order so
//! that the branch predictor cannot learn one number. The dial plan is loaded and the metadata
//! decoded before timing starts, as they are after a PHP worker's first call.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use click2dial_core::DialPlan;

const PLAN: &str = r#"
region = "DE"
outside_line = "0"
internal = '^[2-9][0-9]{2}$'
block = ["premium_rate", "shared_cost"]

[[deny]]
pattern = '^\+49(137|138)'
reason = "televoting numbers"

[[translate]]
pattern = '^\+495331939(\d{3})$'
output = '$1'
"#;

/// A mix of what contact cards hold.
const NUMBERS: &[&str] = &[
    "+49 (0)5331 939-0",
    "05331/939-123",
    "+1 (415) 555-0100 ext. 12",
    "0049 5331 9390",
    "tel:+49-5331-9390",
    "1-800-FLOWERS",
    "+1-800-FLOWERS",
    "207",
    "030 901820",
    "+49 151 23456789",
    "+44 20 7946 0958",
    "+33 1 42 68 53 00",
    "+41 44 668 18 00",
    "+39 02 1234 5678",
    "+81 3-1234-5678",
    "\u{FF0B}\u{FF14}\u{FF19} \u{FF15}\u{FF13}\u{FF13}\u{FF11} \u{FF19}\u{FF13}\u{FF19}\u{FF10}",
    "+49\u{A0}5331\u{202F}939\u{2011}0",
    "011 49 5331 9390",
    "+61 412 345 678",
    "+55 (11) 91234-5678",
    "+86 138 0013 8000",
    "+7 (495) 123 45 67",
    "+49 900 1234567",
    "+49 137 9876543",
    "call me",
    "+800 1234 5678",
    "089 / 233 - 96000",
    "+49 (0) 5331 939-0 x 12",
];

const RUNS: usize = 100_000;

/// The plan, loaded and warmed up: metadata decoded, lazily compiled regular expressions built.
fn warm_plan() -> DialPlan {
    let plan = DialPlan::parse(Path::new("bench.toml"), PLAN.as_bytes()).expect("the plan parses");
    for number in NUMBERS.iter().cycle().take(NUMBERS.len() * 100) {
        let _ = black_box(plan.normalize(black_box(number)));
    }
    plan
}

/// `rounds` times every number once, untimed: for counting instructions with callgrind, where
/// the difference between two round counts is the cost of the numbers alone (see
/// docs/benchmarks.md).
/// `only` restricts the rounds to the number of that index (to find what each kind costs).
pub fn instructions(rounds: usize, only: Option<usize>) {
    let plan = warm_plan();
    let numbers = match only {
        Some(index) => &NUMBERS[index..=index],
        None => NUMBERS,
    };
    for _ in 0..rounds {
        for number in numbers {
            let _ = black_box(plan.normalize(black_box(number)));
        }
    }
}

/// The number of that index, for naming it.
pub fn number(index: usize) -> &'static str {
    NUMBERS[index]
}

/// Writes the plan and the numbers (one a line) into `dir`, for `testing/bench/php/normalize.php`, which
/// measures the same through PHP.
pub fn write_inputs(dir: &str) {
    let dir = Path::new(dir);
    std::fs::write(dir.join("dialplan.toml"), PLAN).expect("the plan can be written");
    let mut lines = NUMBERS.join("\n");
    lines.push('\n');
    std::fs::write(dir.join("numbers.txt"), lines).expect("the numbers can be written");
}

/// How many numbers one round of [`instructions`] normalizes.
pub fn kinds() -> usize {
    NUMBERS.len()
}

/// Prints the median time of one number and returns it in microseconds.
pub fn run() -> f64 {
    let plan = warm_plan();
    let order = shuffled(RUNS, NUMBERS.len());
    let mut times = Vec::with_capacity(RUNS);
    let started = Instant::now();
    for &index in &order {
        let number = NUMBERS[index];
        let before = Instant::now();
        let _ = black_box(plan.normalize(black_box(number)));
        times.push(before.elapsed());
    }
    let total = started.elapsed();
    times.sort_unstable();
    let at = |q: f64| micros(times[((times.len() - 1) as f64 * q) as usize]);
    println!(
        "normalizeNumber (core, DE dial plan, {RUNS} mixed numbers from {} kinds): \
         median {:.2} µs, p90 {:.2} µs, p99 {:.2} µs, mean {:.2} µs",
        NUMBERS.len(),
        at(0.5),
        at(0.9),
        at(0.99),
        micros(total) / RUNS as f64
    );
    at(0.5)
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

/// Indexes into the numbers, evenly mixed, in an order fixed by a small xorshift generator.
fn shuffled(len: usize, kinds: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).map(|i| i % kinds).collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in (1..order.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        order.swap(i, (state % (i as u64 + 1)) as usize);
    }
    order
}
