//! The Rust side of `make bench` (testing/scripts/bench runs the whole benchmark).
//!
//! Each subcommand measures one thing and prints a human line plus `result KEY VALUE` lines,
//! which testing/scripts/bench collects for the report; latencies go to a file, one per line, in
//! microseconds, for the plot.
//!
//! ```text
//! click2dial-bench normalize
//! click2dial-bench normalize-rounds ROUNDS [INDEX]   (untimed, for callgrind)
//! click2dial-bench normalize-inputs DIR              (the plan and numbers, for PHP)
//! click2dial-bench native URL CA USER PIN CALLS LATENCY_FILE
//! click2dial-bench core URL CA USER PIN CALLS LATENCY_FILE
//! click2dial-bench directory LINES DIR
//! click2dial-bench find-numbers
//! click2dial-bench directory-parse LINES DIR TIMES   (untimed, for callgrind)
//! ```

mod directory;
mod findnumbers;
mod latency;
mod native;
mod normalize;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        [] | ["normalize"] => {
            let median = normalize::run();
            println!("result normalize_median_us {median:.3}");
        }
        ["normalize-rounds", rounds] => {
            normalize::instructions(parse(rounds), None);
            println!("normalized {} numbers", parse(rounds) * normalize::kinds());
        }
        ["normalize-rounds", rounds, index] => {
            normalize::instructions(parse(rounds), Some(parse(index)));
            println!(
                "normalized {:?} {rounds} times",
                normalize::number(parse(index))
            );
        }
        ["find-numbers"] => {
            let (thread, dense) = findnumbers::run();
            println!("result find_numbers_thread_median_ms {thread:.3}");
            println!("result find_numbers_dense_median_ms {dense:.3}");
        }
        ["normalize-inputs", dir] => normalize::write_inputs(dir),
        ["native", url, ca, user, pin, calls, out] => {
            native::run_native(url, ca, user, pin, parse(calls), out);
        }
        ["core", url, ca, user, pin, calls, out] => {
            native::run_core(url, ca, user, pin, parse(calls), out);
        }
        ["directory", lines, dir] => directory::run(parse(lines), dir),
        ["directory-parse", lines, dir, times] => {
            directory::parse_only(parse(lines), dir, parse(times))
        }
        _ => {
            eprintln!("usage: see testing/bench/src/main.rs");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}

fn parse(count: &str) -> usize {
    count.parse().expect("a count")
}
