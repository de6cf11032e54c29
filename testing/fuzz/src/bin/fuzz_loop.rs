//! The fuzz targets as a bounded loop on stable Rust, for machines without cargo-fuzz: every
//! file of a target's seed corpus, then N inputs made from random bytes and from corpus entries
//! with bytes changed, inserted and removed (default 100000).
//!
//!     cargo run --release --no-default-features --bin fuzz_loop -- TARGET [N] [SEED]
//!
//! TARGET is one of the names in src/lib.rs (TARGETS). A panic is a failure; the
//! input that caused it is printed first.

use std::path::Path;

use click2dial_fuzz::{Target, TARGETS};

fn main() {
    let mut args = std::env::args().skip(1);
    let name = args.next().unwrap_or_default();
    let Some(target) = TARGETS.iter().find(|target| target.name == name) else {
        let names: Vec<&str> = TARGETS.iter().map(|target| target.name).collect();
        eprintln!(
            "usage: fuzz_loop TARGET [N] [SEED]; TARGET is one of {}",
            names.join(", ")
        );
        std::process::exit(2);
    };
    let runs: usize = args
        .next()
        .map_or(100_000, |n| n.parse().expect("N is a count"));
    let seed: u64 = args.next().map_or(0x2545_F491_4F6C_DD1D, |s| {
        s.parse().expect("SEED is a number")
    });
    let corpus_dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(target.name);
    let mut corpus: Vec<Vec<u8>> = std::fs::read_dir(&corpus_dir)
        .expect("the seed corpus is there")
        .map(|entry| std::fs::read(entry.unwrap().path()).unwrap())
        .collect();
    corpus.sort();
    for input in &corpus {
        run(target, input);
    }
    let mut rng = XorShift(seed | 1);
    for _ in 0..runs {
        let input = generate(target, &corpus, &mut rng);
        run(target, &input);
    }
    println!(
        "{}: {} corpus inputs and {runs} generated inputs, no panic",
        target.name,
        corpus.len()
    );
}

fn generate(target: &Target, corpus: &[Vec<u8>], rng: &mut XorShift) -> Vec<u8> {
    let alphabet = target.alphabet;
    let pick = |rng: &mut XorShift| alphabet[(rng.next() % alphabet.len() as u64) as usize];
    if corpus.is_empty() || rng.next().is_multiple_of(3) {
        let len = (rng.next() % 48) as usize;
        return (0..len)
            .map(|_| match rng.next() % 4 {
                0 => rng.next() as u8,
                _ => pick(rng),
            })
            .collect();
    }
    let mut input = corpus[(rng.next() % corpus.len() as u64) as usize].clone();
    for _ in 0..=(rng.next() % 4) {
        let at = (rng.next() % (input.len() as u64 + 1)) as usize;
        let byte = pick(rng);
        match rng.next() % 3 {
            0 if at < input.len() => input[at] = byte,
            1 if at < input.len() => {
                input.remove(at);
            }
            _ => input.insert(at, byte),
        }
    }
    input
}

fn run(target: &Target, input: &[u8]) {
    if std::panic::catch_unwind(|| (target.check)(input)).is_err() {
        eprintln!(
            "{} panicked on {:?}",
            target.name,
            String::from_utf8_lossy(input)
        );
        std::process::exit(1);
    }
}

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}
