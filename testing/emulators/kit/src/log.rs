//! The line per event an emulator prints for a person watching it.

use std::io::Write;

/// One line per event on stdout, for a person watching. Never given credentials.
pub struct HumanLog {
    /// No lines at all (benchmarks).
    pub quiet: bool,
}

impl HumanLog {
    /// Prints one line, unless quiet; a closed stdout is not an error worth stopping for.
    pub fn say(&self, line: std::fmt::Arguments<'_>) {
        if self.quiet {
            return;
        }
        let mut out = std::io::stdout().lock();
        let _ = out.write_fmt(line);
        let _ = out.write_all(b"\n");
        let _ = out.flush();
    }
}
