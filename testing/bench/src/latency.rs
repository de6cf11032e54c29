//! Latency samples: the figures the report prints, and the file the plot is drawn from.

use std::fs::OpenOptions;
use std::io::{BufWriter, Write};
use std::time::Duration;

/// Prints calls/s, p50 and p99 for `name` as `result` lines, and adds every sample to `out`
/// (testing/scripts/bench runs each contender in several rounds, all into one file).
pub fn report(name: &str, samples: &[Duration], total: Duration, out: &str) {
    let file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(out)
        .expect("the latency file can be written");
    let mut file = BufWriter::new(file);
    for sample in samples {
        writeln!(file, "{:.1}", micros(*sample)).unwrap();
    }
    file.flush().unwrap();
    let mut sorted = samples.to_vec();
    sorted.sort_unstable();
    let at = |q: f64| micros(sorted[((sorted.len() - 1) as f64 * q) as usize]);
    let rate = samples.len() as f64 / total.as_secs_f64();
    println!(
        "{name}: {} calls, {rate:.0} calls/s, p50 {:.0} µs, p99 {:.0} µs",
        samples.len(),
        at(0.5),
        at(0.99)
    );
    println!("result {name}_rate {rate:.1}");
    println!("result {name}_p50_us {:.1}", at(0.5));
    println!("result {name}_p99_us {:.1}", at(0.99));
}

pub fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}
