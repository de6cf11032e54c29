//! The limits as a pure function of one account's record and the time: what [`decide`] admits
//! and how [`settle`] books what came of it. No files, no clock: the caller reads the record
//! under its lock, passes the time, and writes the record back (`store`).

use crate::error::{Error, ErrorKind};

const SECOND_MS: u64 = 1_000;
const MINUTE_MS: u64 = 60 * SECOND_MS;

/// The longest back-off: once it is reached, a guesser gets one try each quarter of an hour.
pub const LONGEST_WAIT_MS: u64 = 15 * MINUTE_MS;

/// How often one failed sign-in is forgiven, whatever came in between. With the longest wait
/// it bounds a guesser who never gives up to one try a quarter of an hour: 96 a day, so about
/// 52 days for half of the 10,000 four-digit PINs and 14 years for six digits. A user who
/// mistyped is forgiven sooner, by a success (see [`Failures`]).
pub const FORGIVE_EVERY_MS: u64 = 15 * MINUTE_MS;

/// The first wait, doubled with each further failure up to [`LONGEST_WAIT_MS`] (1, 2, 4 … 512
/// s, then 15 min): a person who retypes a PIN does not notice the first waits, a script is at
/// one try a quarter of an hour after about fifteen.
pub const FIRST_WAIT_MS: u64 = SECOND_MS;

/// The most calls kept for the limit a minute: a higher `click2dial.rate_limit` than this is
/// not reached (no PBX takes ten thousand calls a minute from one user), and the record stays
/// small enough to read whole.
pub const MAX_KEPT_CALLS: usize = 10_000;

/// What the limits are, from the settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Calls a minute one account may place; 0: no limit.
    pub calls_per_minute: u32,
    /// How long the same number is refused again; 0: not at all.
    pub duplicate_window_ms: u64,
    /// Failed sign-ins in a row before the back-off starts; 0: no failure budget.
    pub failed_logins: u32,
}

impl Limits {
    /// Failed sign-ins within the last hours, successes or not, before the back-off starts:
    /// four times the failures in a row. A success forgives the user's own typing mistakes, but
    /// the account is shared by the user and whoever guesses: were a success all it took, the
    /// user's own requests (the plugin asks about a call's progress once a second) would hand
    /// the guesser a fresh budget each time. This count only time forgives.
    pub fn recent_failures_allowed(&self) -> u32 {
        self.failed_logins.saturating_mul(4)
    }

    /// The most failures counted; more add nothing (the wait is the longest long before), and
    /// the count is forgiven within `most_counted × FORGIVE_EVERY_MS` (9 hours by default).
    fn most_failures_counted(&self) -> u32 {
        self.recent_failures_allowed().saturating_add(16)
    }

    /// Whether any limit counts `request`, so that its account's record must be read: the
    /// failure budget counts every request that carries the PIN, the call limits only calls.
    pub fn apply_to(&self, request: Request) -> bool {
        let calls_limited = self.calls_per_minute > 0 || self.duplicate_window_ms > 0;
        self.failed_logins > 0 || (calls_limited && request != Request::Read)
    }

    /// How long a record may still matter after its last change: a file untouched for longer
    /// holds nothing that counts and may be removed.
    pub fn longest_window_ms(&self) -> u64 {
        let failures = match self.failed_logins {
            0 => 0,
            _ => u64::from(self.most_failures_counted()) * FORGIVE_EVERY_MS,
        };
        MINUTE_MS.max(self.duplicate_window_ms).max(failures)
    }
}

/// One PBX account's record: its recent calls, its last number and its failed sign-ins.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Record {
    /// When each call of the last minute was sent (ms since the epoch); kept only while
    /// there is a limit a minute.
    pub calls: Vec<u64>,
    /// When the last number was called, and which (a hash of its canonical form: the file
    /// needs no phone numbers in it); kept only while there is a duplicate window.
    pub last_number: Option<(u64, u64)>,
    /// The failure budget.
    pub failures: Failures,
}

/// Failed sign-ins of an account. A request about to be sent is counted as a failure at once
/// and given back when it did not fail: otherwise fifty php-fpm workers could send fifty
/// guesses in parallel before the first failure was written down.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Failures {
    /// Failures not yet forgiven by time (one each [`FORGIVE_EVERY_MS`]).
    pub recent: u32,
    /// Of those, the ones since the last success.
    pub since_success: u32,
    /// Up to when time's forgiving has been applied to `recent`.
    pub forgiven_to: u64,
    /// When the last one was counted, from which the back-off wait runs.
    pub last_at: u64,
}

/// What is about to be sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Request {
    /// A call to the number whose canonical form hashes to this.
    Call {
        /// The hash of the number's canonical form.
        number: u64,
    },
    /// A question that places nothing (the calls in progress): only the failure budget counts.
    Read,
}

/// What [`decide`] wrote down for an admitted request, for [`settle`] to undo.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ticket {
    at: u64,
    number: Option<u64>,
    failure_counted: bool,
}

impl Ticket {
    /// True when nothing was written down, so there is nothing to settle.
    pub fn is_blank(&self) -> bool {
        self.number.is_none() && !self.failure_counted
    }
}

/// What came of an admitted request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// sipXconfig accepted the credentials and answered 2xx.
    Accepted,
    /// sipXconfig refused the credentials (401 or 403).
    CredentialsRefused,
    /// sipXconfig answered with a refusal (3xx, other 4xx, 503): it did not do what was asked.
    Refused,
    /// Nothing reached sipXconfig: the name lookup, the connection or the TLS handshake failed,
    /// or the request was never made.
    NotSent,
    /// The request may have reached sipXconfig and what it did is unknown: a time-out or a
    /// broken connection after sending, or a 5xx other than 503 (sipXconfig, or a proxy before
    /// it, failed while handling it; a proxy's 504 is a time-out with the call perhaps under
    /// way).
    Unknown,
}

impl Outcome {
    /// The outcome a request's result shows.
    pub fn of<T>(result: &Result<T, Error>) -> Outcome {
        let Err(err) = result else {
            return Outcome::Accepted;
        };
        match err.kind() {
            ErrorKind::Authentication { .. } => Outcome::CredentialsRefused,
            // A 2xx whose body could not be read (a list of calls too long): the credentials
            // were accepted.
            ErrorKind::PbxRejected { status: 200..=299 } => Outcome::Accepted,
            // 503 says the server could not take the request at all; any other 5xx is a
            // failure while handling it, with the call perhaps under way.
            ErrorKind::PbxRejected { status: 503 } => Outcome::Refused,
            ErrorKind::PbxRejected { status: 500.. } => Outcome::Unknown,
            ErrorKind::PbxRejected { .. } => Outcome::Refused,
            ErrorKind::PbxUnreachable if err.is_unsent() => Outcome::NotSent,
            ErrorKind::PbxUnreachable => Outcome::Unknown,
            _ => Outcome::NotSent,
        }
    }

    /// Whether the PBX may have placed the call, so that its number must stay taken.
    fn may_have_placed(self) -> bool {
        matches!(self, Outcome::Accepted | Outcome::Unknown)
    }
}

/// Why [`decide`] refused a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Too many failed sign-ins: the back-off has not run out.
    Guessing {
        /// Failures counted (in a row, or recent, whichever set off the back-off).
        failures: u32,
        /// Seconds until the next request is admitted.
        wait_secs: u64,
    },
    /// The same number again within the duplicate window.
    SameNumber {
        /// The window, for the message.
        window_ms: u64,
        /// Seconds until the number may be called again.
        wait_secs: u64,
    },
    /// The limit a minute is reached.
    TooManyCalls {
        /// The limit, for the message.
        limit: u32,
        /// Seconds until the oldest call of the minute no longer counts.
        wait_secs: u64,
    },
}

impl Refusal {
    /// Seconds until a request will be admitted again.
    pub fn wait_secs(self) -> u64 {
        match self {
            Refusal::Guessing { wait_secs, .. }
            | Refusal::SameNumber { wait_secs, .. }
            | Refusal::TooManyCalls { wait_secs, .. } => wait_secs,
        }
    }
}

/// Checks `request` against `limits` at `now` (ms since the epoch) and, when it is admitted,
/// writes it down in `record` before it is sent. What no longer counts is dropped first, so a
/// record that is written back after this holds only what still matters.
pub fn decide(
    record: &mut Record,
    now: u64,
    limits: &Limits,
    request: Request,
) -> Result<Ticket, Refusal> {
    prune(record, now, limits);
    if let Some(refusal) = guessing(record, now, limits) {
        return Err(refusal);
    }
    if let Request::Call { number } = request {
        if let Some(refusal) = same_number(record, now, limits, number) {
            return Err(refusal);
        }
        if let Some(refusal) = too_many_calls(record, now, limits) {
            return Err(refusal);
        }
    }
    let mut ticket = Ticket {
        at: now,
        number: None,
        failure_counted: false,
    };
    if let Request::Call { number } = request {
        if limits.calls_per_minute > 0 {
            record.calls.push(now);
        }
        if limits.duplicate_window_ms > 0 {
            record.last_number = Some((now, number));
            ticket.number = Some(number);
        }
    }
    if limits.failed_logins > 0 {
        let failures = &mut record.failures;
        if failures.recent < limits.most_failures_counted() {
            failures.recent += 1;
            ticket.failure_counted = true;
        }
        failures.since_success = (failures.since_success + 1).min(failures.recent);
        failures.last_at = now;
    }
    Ok(ticket)
}

/// Books what came of the request `ticket` admitted: a failed sign-in stays counted and
/// anything else is given back (a success also forgives the failures in a row before it); the
/// number stays taken unless the PBX cannot have placed the call. The call itself stays counted
/// for the limit a minute, whatever came of it: every request sent counts.
pub fn settle(record: &mut Record, ticket: &Ticket, outcome: Outcome) {
    if let Some(number) = ticket.number {
        if !outcome.may_have_placed() && record.last_number == Some((ticket.at, number)) {
            record.last_number = None;
        }
    }
    if ticket.failure_counted && outcome != Outcome::CredentialsRefused {
        let failures = &mut record.failures;
        failures.recent = failures.recent.saturating_sub(1);
        failures.since_success = failures.since_success.saturating_sub(1);
    }
    if outcome == Outcome::Accepted {
        record.failures.since_success = 0;
    }
}

/// Drops what no longer counts at `now`: calls older than a minute, a last number older than
/// the window, failures time has forgiven, and anything of a limit that is off. Times more than
/// a minute ahead come from a clock that was set back; they are dropped (or, for the failure
/// budget, moved to now) so that they cannot block the account until the clock catches up.
pub fn prune(record: &mut Record, now: u64, limits: &Limits) {
    let plausible = |at: u64| at <= now + MINUTE_MS;
    if limits.calls_per_minute == 0 {
        record.calls.clear();
    }
    record
        .calls
        .retain(|&at| at + MINUTE_MS > now && plausible(at));
    let keep = MAX_KEPT_CALLS.min(limits.calls_per_minute as usize);
    if record.calls.len() > keep {
        record.calls.sort_unstable();
        record.calls.drain(..record.calls.len() - keep);
    }
    if let Some((at, _)) = record.last_number {
        if at + limits.duplicate_window_ms <= now || !plausible(at) {
            record.last_number = None;
        }
    }
    forgive(&mut record.failures, now, limits);
}

fn forgive(failures: &mut Failures, now: u64, limits: &Limits) {
    if limits.failed_logins == 0 {
        *failures = Failures::default();
        return;
    }
    // Nothing to forgive: the clock starts with the next failure.
    let nothing = Failures {
        forgiven_to: now,
        ..Failures::default()
    };
    failures.recent = failures.recent.min(limits.most_failures_counted());
    failures.last_at = failures.last_at.min(now);
    if failures.recent == 0 {
        *failures = nothing;
        return;
    }
    let from = failures.forgiven_to.min(now);
    let forgiven = (now - from) / FORGIVE_EVERY_MS;
    if forgiven >= u64::from(failures.recent) {
        *failures = nothing;
        return;
    }
    failures.recent -= forgiven as u32;
    failures.forgiven_to = from + forgiven * FORGIVE_EVERY_MS;
    failures.since_success = failures.since_success.min(failures.recent);
}

/// The back-off: refuses while the wait since the last failure has not run out.
fn guessing(record: &Record, now: u64, limits: &Limits) -> Option<Refusal> {
    if limits.failed_logins == 0 {
        return None;
    }
    let failures = record.failures;
    let in_a_row = i64::from(failures.since_success) - i64::from(limits.failed_logins);
    let recent = i64::from(failures.recent) - i64::from(limits.recent_failures_allowed());
    let beyond = in_a_row.max(recent);
    if beyond < 0 {
        return None;
    }
    let wait_ms = backoff_ms(beyond as u64);
    let remaining = (failures.last_at + wait_ms)
        .saturating_sub(now)
        .min(wait_ms);
    (remaining > 0).then(|| Refusal::Guessing {
        failures: if in_a_row >= recent {
            failures.since_success
        } else {
            failures.recent
        },
        wait_secs: seconds(remaining),
    })
}

/// The wait after the `beyond`-th failure past the budget (0 is the first).
pub fn backoff_ms(beyond: u64) -> u64 {
    if beyond >= 20 {
        return LONGEST_WAIT_MS; // 2^20 s is far past it; larger shifts would overflow
    }
    (FIRST_WAIT_MS << beyond).min(LONGEST_WAIT_MS)
}

fn same_number(record: &Record, now: u64, limits: &Limits, number: u64) -> Option<Refusal> {
    let window_ms = limits.duplicate_window_ms;
    match record.last_number {
        Some((at, last)) if window_ms > 0 && last == number => Some(Refusal::SameNumber {
            window_ms,
            wait_secs: seconds((at + window_ms).saturating_sub(now)),
        }),
        _ => None,
    }
}

fn too_many_calls(record: &Record, now: u64, limits: &Limits) -> Option<Refusal> {
    let limit = limits.calls_per_minute;
    if limit == 0 || record.calls.len() < (limit as usize).min(MAX_KEPT_CALLS) {
        return None;
    }
    let oldest = record.calls.iter().min().copied().unwrap_or(now);
    Some(Refusal::TooManyCalls {
        limit,
        wait_secs: seconds((oldest + MINUTE_MS).saturating_sub(now)),
    })
}

/// Whole seconds, rounded up, at least one: "try again in 0 s" would be refused again.
fn seconds(ms: u64) -> u64 {
    ms.div_ceil(SECOND_MS).max(1)
}

impl Record {
    /// True when the record holds nothing: its file may go.
    pub fn is_empty(&self) -> bool {
        self.calls.is_empty() && self.last_number.is_none() && self.failures.recent == 0
    }

    /// Reads a record file; a torn or foreign line is dropped rather than trusted.
    pub fn parse(text: &str) -> Record {
        let mut record = Record::default();
        for line in text.lines() {
            let fields: Vec<&str> = line.split(' ').collect();
            match fields.as_slice() {
                ["a", at] => record.calls.extend(at.parse::<u64>().ok()),
                ["n", at, number] => {
                    if let (Ok(at), Ok(number)) = (at.parse(), u64::from_str_radix(number, 16)) {
                        record.last_number = Some((at, number));
                    }
                }
                ["f", recent, since_success, forgiven_to, last_at] => {
                    if let (Ok(recent), Ok(since_success), Ok(forgiven_to), Ok(last_at)) = (
                        recent.parse(),
                        since_success.parse(),
                        forgiven_to.parse(),
                        last_at.parse(),
                    ) {
                        record.failures = Failures {
                            recent,
                            since_success,
                            forgiven_to,
                            last_at,
                        };
                    }
                }
                _ => {}
            }
        }
        record
    }

    /// The file's text.
    pub fn render(&self) -> String {
        let mut text: String = self.calls.iter().map(|at| format!("a {at}\n")).collect();
        if let Some((at, number)) = self.last_number {
            text.push_str(&format!("n {at} {number:016x}\n"));
        }
        let f = self.failures;
        if f.recent > 0 {
            text.push_str(&format!(
                "f {} {} {} {}\n",
                f.recent, f.since_success, f.forgiven_to, f.last_at
            ));
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: u64 = 1_800_000_000_000;

    fn limits(calls_per_minute: u32, duplicate_window_ms: u64, failed_logins: u32) -> Limits {
        Limits {
            calls_per_minute,
            duplicate_window_ms,
            failed_logins,
        }
    }

    const READ: Request = Request::Read;

    fn call(number: u64) -> Request {
        Request::Call { number }
    }

    /// Sends `count` requests that fail to sign in, each as soon as it is admitted; returns the
    /// time after the last.
    fn fail(record: &mut Record, mut now: u64, limits: &Limits, count: u32) -> u64 {
        for _ in 0..count {
            let ticket = loop {
                match decide(record, now, limits, READ) {
                    Ok(ticket) => break ticket,
                    Err(refusal) => now += refusal.wait_secs() * 1000,
                }
            };
            settle(record, &ticket, Outcome::CredentialsRefused);
        }
        now
    }

    #[test]
    fn five_failed_sign_ins_are_free_then_each_wait_doubles() {
        let limits = limits(0, 0, 5);
        let mut record = Record::default();
        let now = fail(&mut record, T0, &limits, 5);
        assert_eq!(now, T0, "the first five are not delayed");
        let waits: Vec<u64> = (0..12)
            .map(|_| {
                let refusal = decide(&mut record, now, &limits, READ).unwrap_err();
                let wait = refusal.wait_secs();
                let admitted = decide(&mut record, now + wait * 1000, &limits, READ).unwrap();
                settle(&mut record, &admitted, Outcome::CredentialsRefused);
                record.failures.last_at = now; // measure each wait from the same point
                wait
            })
            .collect();
        assert_eq!(waits, [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
    }

    #[test]
    fn guessing_through_reads_and_calls_is_one_budget() {
        let limits = limits(100, 0, 5);
        let mut record = Record::default();
        for request in [READ, call(1), READ, call(2), READ] {
            let ticket = decide(&mut record, T0, &limits, request).unwrap();
            settle(&mut record, &ticket, Outcome::CredentialsRefused);
        }
        for request in [READ, call(3)] {
            assert!(
                matches!(
                    decide(&mut record, T0, &limits, request),
                    Err(Refusal::Guessing { failures: 5, .. })
                ),
                "{request:?}"
            );
        }
    }

    #[test]
    fn requests_in_flight_count_so_parallel_guesses_do_not_get_past_the_budget() {
        let limits = limits(0, 0, 5);
        let mut record = Record::default();
        // Fifty workers decide before any of them has an answer.
        let admitted = (0..50)
            .filter(|_| decide(&mut record, T0, &limits, READ).is_ok())
            .count();
        assert_eq!(admitted, 5);
    }

    #[test]
    fn a_success_forgives_the_failures_in_a_row() {
        let limits = limits(0, 0, 5);
        let mut record = Record::default();
        let now = fail(&mut record, T0, &limits, 4);
        let ticket = decide(&mut record, now, &limits, READ).unwrap();
        settle(&mut record, &ticket, Outcome::Accepted);
        assert_eq!(record.failures.since_success, 0);
        assert_eq!(fail(&mut record, now, &limits, 5), now, "five free again");
    }

    #[test]
    fn the_users_own_successes_do_not_refill_a_guessers_budget() {
        // The user's browser asks about a call once a second, successfully, while someone
        // guesses the PIN in between: after twenty failures the back-off holds all the same.
        let limits = limits(0, 0, 5);
        let mut record = Record::default();
        let mut now = T0;
        let mut guesses = 0;
        for _ in 0..200 {
            if let Ok(ticket) = decide(&mut record, now, &limits, READ) {
                settle(&mut record, &ticket, Outcome::CredentialsRefused);
                guesses += 1;
            }
            if let Ok(ticket) = decide(&mut record, now, &limits, READ) {
                settle(&mut record, &ticket, Outcome::Accepted);
            }
            now += 1000;
        }
        assert!((20..=27).contains(&guesses), "{guesses} guesses in 200 s");
    }

    #[test]
    fn time_forgives_one_failure_each_quarter_of_an_hour() {
        let limits = limits(0, 0, 5);
        let mut record = Record::default();
        let now = fail(&mut record, T0, &limits, 7);
        prune(&mut record, now + FORGIVE_EVERY_MS, &limits);
        assert_eq!(record.failures.recent, 6);
        prune(&mut record, now + 7 * FORGIVE_EVERY_MS, &limits);
        assert!(record.is_empty(), "{record:?}");
    }

    #[test]
    fn a_guesser_who_never_stops_gets_about_one_try_a_quarter_of_an_hour() {
        let limits = limits(0, 0, 5);
        let mut record = Record::default();
        let day = 24 * 60 * MINUTE_MS;
        let mut now = T0;
        let mut guesses = 0u32;
        while now < T0 + 10 * day {
            match decide(&mut record, now, &limits, READ) {
                Ok(ticket) => {
                    settle(&mut record, &ticket, Outcome::CredentialsRefused);
                    guesses += 1;
                }
                Err(refusal) => now += refusal.wait_secs() * 1000,
            }
        }
        assert!(guesses <= 10 * 96 + 40, "{guesses} guesses in 10 days");
    }

    #[test]
    fn a_request_without_an_answer_gives_its_failure_back() {
        let limits = limits(0, 0, 5);
        let mut record = Record::default();
        for outcome in [Outcome::NotSent, Outcome::Unknown, Outcome::Refused] {
            for _ in 0..10 {
                let ticket = decide(&mut record, T0, &limits, READ).unwrap();
                settle(&mut record, &ticket, outcome);
            }
        }
        assert!(record.is_empty(), "{record:?}");
    }

    #[test]
    fn a_clock_set_back_does_not_lock_the_account_out_for_longer_than_the_wait() {
        let limits = limits(0, 0, 5);
        let mut record = Record::default();
        fail(&mut record, T0, &limits, 5);
        let hour_before = T0 - 60 * MINUTE_MS;
        let refusal = decide(&mut record, hour_before, &limits, READ).unwrap_err();
        assert_eq!(refusal.wait_secs(), 1);
    }

    #[test]
    fn the_same_number_is_refused_within_the_window_and_others_are_not() {
        let limits = limits(0, 5000, 0);
        let mut record = Record::default();
        decide(&mut record, T0, &limits, call(7)).unwrap();
        assert_eq!(
            decide(&mut record, T0 + 1000, &limits, call(7)),
            Err(Refusal::SameNumber {
                window_ms: 5000,
                wait_secs: 4
            })
        );
        assert!(decide(&mut record, T0 + 1000, &limits, call(8)).is_ok());
        assert!(decide(&mut record, T0 + 6000, &limits, call(8)).is_ok());
    }

    #[test]
    fn only_a_call_the_pbx_cannot_have_placed_gives_its_number_back() {
        let limits = limits(0, 5000, 5);
        for (outcome, freed) in [
            (Outcome::Accepted, false),
            (Outcome::Unknown, false),
            (Outcome::CredentialsRefused, true),
            (Outcome::Refused, true),
            (Outcome::NotSent, true),
        ] {
            let mut record = Record::default();
            let ticket = decide(&mut record, T0, &limits, call(7)).unwrap();
            settle(&mut record, &ticket, outcome);
            assert_eq!(
                decide(&mut record, T0, &limits, call(7)).is_ok(),
                freed,
                "{outcome:?}"
            );
        }
    }

    #[test]
    fn only_errors_that_prove_nothing_was_placed_read_as_not_placed() {
        let outcome = |err: Error| Outcome::of::<()>(&Err(err));
        let status = |status| Error::new(ErrorKind::PbxRejected { status }, "m");
        assert_eq!(Outcome::of(&Ok(())), Outcome::Accepted);
        assert_eq!(
            outcome(Error::new(ErrorKind::Authentication { status: 401 }, "m")),
            Outcome::CredentialsRefused
        );
        assert_eq!(outcome(status(400)), Outcome::Refused);
        assert_eq!(outcome(status(302)), Outcome::Refused);
        assert_eq!(outcome(status(503)), Outcome::Refused);
        assert_eq!(outcome(status(500)), Outcome::Unknown);
        assert_eq!(outcome(status(504)), Outcome::Unknown);
        assert_eq!(outcome(status(200)), Outcome::Accepted);
        let unreachable = Error::new(ErrorKind::PbxUnreachable, "m");
        assert_eq!(outcome(unreachable.clone()), Outcome::Unknown);
        assert_eq!(outcome(unreachable.unsent()), Outcome::NotSent);
        assert_eq!(
            outcome(Error::new(ErrorKind::Configuration, "m")),
            Outcome::NotSent
        );
    }

    #[test]
    fn the_limit_a_minute_counts_every_call_sent() {
        let limits = limits(3, 0, 0);
        let mut record = Record::default();
        for (n, outcome) in [
            (1, Outcome::NotSent),
            (2, Outcome::Refused),
            (3, Outcome::Accepted),
        ] {
            let ticket = decide(&mut record, T0 + n * 1000, &limits, call(n)).unwrap();
            settle(&mut record, &ticket, outcome);
        }
        assert_eq!(
            decide(&mut record, T0 + 10_000, &limits, call(4)),
            Err(Refusal::TooManyCalls {
                limit: 3,
                wait_secs: 51
            })
        );
        assert!(decide(&mut record, T0 + 61_000, &limits, call(4)).is_ok());
    }

    #[test]
    fn a_read_needs_the_record_only_for_the_failure_budget_and_a_call_for_any_limit() {
        for (limits, read, call_) in [
            (limits(0, 0, 0), false, false),
            (limits(6, 0, 0), false, true),
            (limits(0, 5000, 0), false, true),
            (limits(0, 0, 5), true, true),
            (limits(6, 5000, 5), true, true),
        ] {
            assert_eq!(limits.apply_to(READ), read, "{limits:?}");
            assert_eq!(limits.apply_to(call(7)), call_, "{limits:?}");
        }
    }

    #[test]
    fn nothing_is_written_down_for_a_limit_that_is_off() {
        let mut record = Record::default();
        let ticket = decide(&mut record, T0, &limits(0, 0, 0), call(7)).unwrap();
        assert!(ticket.is_blank());
        assert!(record.is_empty());
        let ticket = decide(&mut record, T0, &limits(0, 0, 5), call(7)).unwrap();
        settle(&mut record, &ticket, Outcome::Accepted);
        assert!(record.is_empty(), "a success leaves nothing: {record:?}");
    }

    #[test]
    fn a_record_reads_back_as_written_and_foreign_lines_are_dropped() {
        let limits = limits(6, 5000, 5);
        let mut record = Record::default();
        let ticket = decide(&mut record, T0, &limits, call(0xabc)).unwrap();
        settle(&mut record, &ticket, Outcome::CredentialsRefused);
        let text = record.render();
        assert_eq!(Record::parse(&text), record);
        let torn = format!("{text}a\nf 1 2\nn x y\nrm -rf /\n");
        assert_eq!(Record::parse(&torn), record);
    }

    #[test]
    fn the_longest_window_covers_every_limit() {
        assert_eq!(limits(6, 0, 0).longest_window_ms(), MINUTE_MS);
        assert_eq!(limits(0, 600_000, 0).longest_window_ms(), 600_000);
        assert_eq!(
            limits(0, 0, 5).longest_window_ms(),
            36 * FORGIVE_EVERY_MS,
            "nine hours"
        );
    }
}
