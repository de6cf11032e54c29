/*!
What became of a placed call, for any PHP process of the site: `Click2Dial\callStatus`.

`make_call` gives each call an id ([`CallLog`]) and keeps its record where the call limits are
kept ([`store`]): the state folder (`click2dial.state_dir`, with the same checks: a private
folder, files opened without following links, private to the web server's user), or the Redis
of `click2dial.shared_state`, which every web server of the site reads. [`call_status`] reads it
back, so the process that asks need not be the one that placed the call, nor on its server:

* **clicktocall over XML**: the server streams a result per leg. A follower process (see
  `pbx::follower`), detached from the PHP process that placed the call, reads the stream and
  rewrites the record after each result, up to the final one or its own time-out
  (`click2dial.clicktocall_follow_timeout_ms`). When it is gone without having written an end
  (its process is not there; on Redis, its lease lapsed), the state is `unknown`, not a guess.
* **clicktocall over HTTP**: the server tells nothing after its page, so the state is `unknown`.
* **sipXconfig**: each look reads the user's calls in progress (`active_calls`, one list read a
  second per account for all its looks: [`in_progress`]) and judges them with
  `progress::call_progress`; the record keeps the history of the states seen, so that
  `ended` can follow `connected`. sipXconfig never tells `calling` or `answered`.

A call's id is 128 random bits in hex: only whoever got it from `make_call` can ask about it.
*/

pub mod in_progress;
mod record;
pub mod store;

use crate::clicktocall::state::{call_state, CallState, Ending, State, Step};
use crate::clicktocall::Leg;
use crate::error::{Error, ErrorKind, Result};
use crate::pbx;
use crate::pbx::Look;
use crate::progress::{self, TrackedCall};
use crate::settings::Settings;

pub use record::CallRecord;
use store::RecordStore;

/// How long a call's record is kept after its last change: a day, far longer than any call is
/// followed or asked about.
pub const KEPT_FOR: std::time::Duration = std::time::Duration::from_secs(24 * 3600);

/// How long a follower may take to say it is there before it counts as gone.
const FOLLOWER_START_GRACE_MS: u64 = 10_000;

/// A call being placed, and where its record goes.
#[derive(Debug)]
pub struct CallLog {
    id: String,
    settings: Settings,
    /// The record as the call stands.
    pub record: CallRecord,
    /// The store the follower keeps for its whole life; `None`: opened for each write.
    own_store: Option<RecordStore>,
    /// Whether the first record was written ([`CallLog::write_new`]).
    written: std::cell::Cell<bool>,
}

impl CallLog {
    /// A new id and an empty record for a call `make_call` is about to place.
    pub fn new(settings: &Settings, record: CallRecord) -> Result<CallLog> {
        let mut bytes = [0u8; 16];
        getrandom::getrandom(&mut bytes)
            .map_err(|err| Error::new(ErrorKind::Internal, format!("no randomness: {err}")))?;
        let id = hex(&bytes);
        Ok(CallLog {
            id,
            settings: settings.clone(),
            record,
            own_store: None,
            written: std::cell::Cell::new(false),
        })
    }

    /// The call's id, which `callStatus` takes.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Writes the record of the call being placed for the first time, and removes a few records
    /// of calls older than [`KEPT_FOR`] (at most once a second), so that the folder does not
    /// grow with every call ever placed (on Redis they expire by themselves).
    ///
    /// A PBX may call it while it waits for the server's answer to the call (sipXconfig does:
    /// the record then costs the caller no time); [`crate::make_call`] writes it after the call
    /// otherwise.
    pub fn write_new(&self) -> Result<()> {
        self.with_store(|store| store.create(&self.id, &self.record.render()))?;
        self.written.set(true);
        Ok(())
    }

    /// Whether the first record was written.
    pub fn is_written(&self) -> bool {
        self.written.get()
    }

    /// Removes the record of a call that was not placed after all (nobody has its id).
    pub fn discard(&self) {
        if self.written.get() {
            let _ = self.with_store(|store| store.remove(&self.id));
            self.written.set(false);
        }
    }

    /// Writes the record as it stands.
    pub fn write(&self) -> Result<()> {
        self.with_store(|store| store.write(&self.id, &self.record.render(), false))
    }

    /// From here on, writes through a store of this log's own, with a Redis connection of its
    /// own (see [`RecordStore::open_own`]): for the follower, right after the fork.
    pub fn use_own_store(&mut self) {
        self.own_store = RecordStore::open_own(&self.settings).ok();
    }

    /// Writes the record as its follower, which also takes (or keeps) the follower's lease.
    pub fn write_as_follower(&self) -> Result<()> {
        self.with_store(|store| store.write(&self.id, &self.record.render(), true))
    }

    /// Tells the readers that the follower is still there (see [`store`]).
    pub fn renew_lease(&self) -> Result<()> {
        self.with_store(|store| store.renew_lease(&self.id))
    }

    fn with_store<T>(&self, work: impl FnOnce(&RecordStore) -> Result<T>) -> Result<T> {
        match &self.own_store {
            Some(store) => work(store),
            None => work(&RecordStore::open(&self.settings)?),
        }
    }
}

/// `bytes` in lower-case hex (a call id is made for every call: no formatting machinery).
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        text.push(char::from(DIGITS[usize::from(byte >> 4)]));
        text.push(char::from(DIGITS[usize::from(byte & 0xf)]));
    }
    text
}

/// True for a text that can be a call's id (and so a file name in the state folder).
pub fn is_call_id(text: &str) -> bool {
    text.len() == 32
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// What became of the call `id` so far, asked with `look` (the password for a PBX that asks for
/// one, the ring time-out where the PBX cannot tell).
pub fn call_status(settings: &Settings, id: &str, look: &Look<'_>) -> Result<CallState> {
    if !is_call_id(id) {
        return Err(Error::new(
            ErrorKind::InvalidNumber,
            "the call id is not one makeCall() returned",
        ));
    }
    let store = RecordStore::open(settings)?;
    let Some(stored) = store.read(id)? else {
        return Ok(unknown_call());
    };
    let Some(mut record) = CallRecord::parse(&stored.text) else {
        return Ok(unknown_call());
    };
    record.lease_held = stored.lease_held;
    let (status, changed) = pbx::of_kind(record.pbx).call_status(settings, &mut record, look)?;
    if changed {
        store.write(id, &record.render(), false)?;
    }
    Ok(status)
}

/// A call whose record is not there (never written, removed, or from another host).
fn unknown_call() -> CallState {
    let at_ms = now_ms();
    CallState {
        state: State::Unknown,
        leg: Leg::None,
        code: None,
        reason: None,
        history: vec![Step {
            state: State::Unknown,
            leg: Leg::None,
            code: None,
            at_ms,
        }],
    }
}

/// The state of a call whose results a follower records, at `now_ms`.
pub fn followed_status(record: &CallRecord, now_ms: u64) -> CallState {
    let ending = match record.ending {
        Ending::Following if !record.followed => Ending::ReaderGone {
            at_ms: record.placed_at_ms,
        },
        Ending::Following if !follower_is_there(record, now_ms) => {
            Ending::ReaderGone { at_ms: now_ms }
        }
        ending => ending,
    };
    call_state(record.placed_at_ms, &record.seen, record.anchored, ending)
}

/// Whether the follower of a record without an end still runs: it said so, and its lease is
/// held (Redis) or its process is there (the folder); or, before it said so, it is still within
/// its grace to start.
fn follower_is_there(record: &CallRecord, now_ms: u64) -> bool {
    if record.seen.iter().any(|seen| seen.event.is_final()) {
        return true;
    }
    match record.follower {
        Some(pid) => {
            let running = record.lease_held.unwrap_or_else(|| process_exists(pid));
            running && now_ms <= record.deadline_ms + FOLLOWER_START_GRACE_MS
        }
        None => now_ms <= record.placed_at_ms + FOLLOWER_START_GRACE_MS,
    }
}

/// Whether the process `pid` runs. A zombie does not: where init does not reap the
/// followers it inherits (some containers), a dead one stays listed.
fn process_exists(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    if let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        // The state follows the command name, which is in parentheses and may hold spaces.
        let state = stat
            .rsplit_once(") ")
            .and_then(|(_, rest)| rest.chars().next());
        if matches!(state, Some('Z' | 'X')) {
            return false;
        }
    }
    // SAFETY: signal 0 only checks that the process exists; it sends nothing.
    let alive = unsafe { libc::kill(pid, 0) } == 0;
    alive || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

/// The state of a call judged from the caller's calls in progress (`progress::call_progress`)
/// against the last state seen, which is added to the record's history when it changed.
pub fn judged_by_active_calls(
    settings: &Settings,
    record: &mut CallRecord,
    look: &Look<'_>,
) -> Result<CallState> {
    if record.steps.is_empty() {
        record
            .steps
            .push(step(State::Requested, record.placed_at_ms));
    }
    let last = record.steps.last().map(|s| s.state);
    let last_progress = last.and_then(to_progress);
    if !last_progress.is_some_and(progress::CallState::is_final) {
        let active = in_progress::active_calls(settings, record, look)?;
        let tracked = TrackedCall {
            user: &record.account,
            user_extension: Some(&record.user_extension),
            dialed: &record.dialed,
            placed_at_ms: i64::try_from(record.placed_at_ms).unwrap_or(i64::MAX),
            ring_timeout_ms: look.ring_timeout_ms,
            last_state: last_progress,
        };
        let now = now_ms();
        let judged = progress::call_progress(&tracked, &active, now as i64);
        let state = from_progress(judged);
        if Some(state) != last {
            record.steps.push(step(state, now));
        }
    }
    let now = record
        .steps
        .last()
        .cloned()
        .unwrap_or(step(State::Requested, 0));
    Ok(CallState {
        state: now.state,
        leg: now.leg,
        code: None,
        reason: None,
        history: record.steps.clone(),
    })
}

/// A judged state as a step: the user's phone rings and is picked up (the initiator), the rest
/// is the call as a whole.
fn step(state: State, at_ms: u64) -> Step {
    let leg = match state {
        State::Ringing | State::Connected | State::NotAnswered => Leg::Initiator,
        _ => Leg::None,
    };
    Step {
        state,
        leg,
        code: None,
        at_ms,
    }
}

fn from_progress(state: progress::CallState) -> State {
    match state {
        progress::CallState::Requested => State::Requested,
        progress::CallState::Ringing => State::Ringing,
        progress::CallState::Connected => State::Connected,
        progress::CallState::Ended => State::Ended,
        progress::CallState::NotAnswered => State::NotAnswered,
    }
}

fn to_progress(state: State) -> Option<progress::CallState> {
    match state {
        State::Requested => Some(progress::CallState::Requested),
        State::Ringing => Some(progress::CallState::Ringing),
        State::Connected => Some(progress::CallState::Connected),
        State::Ended => Some(progress::CallState::Ended),
        State::NotAnswered => Some(progress::CallState::NotAnswered),
        _ => None,
    }
}

/// Milliseconds since the epoch.
pub use crate::clock::now_ms;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clicktocall::state::Seen;
    use crate::clicktocall::xml::ResultEvent;
    use crate::settings::PbxKind;
    use std::time::SystemTime;

    fn record(seen: &[(u16, Leg)], follower: Option<u32>, ending: Ending) -> CallRecord {
        CallRecord {
            pbx: PbxKind::ClickToCall,
            login: "2101".into(),
            account: "2101".into(),
            dialed: "2102".into(),
            user_extension: "2101".into(),
            placed_at_ms: 1_000,
            anchored: true,
            followed: true,
            follower,
            deadline_ms: 2_000,
            seen: seen
                .iter()
                .enumerate()
                .map(|(i, &(code, leg))| Seen {
                    event: ResultEvent {
                        leg,
                        code,
                        reason: None,
                        translated_initiator: None,
                        translated_destination: None,
                    },
                    at_ms: 1_001 + i as u64,
                })
                .collect(),
            steps: Vec::new(),
            ending,
            lease_held: None,
        }
    }

    /// A pid that no process has: beyond the kernel's largest.
    const NO_PROCESS: u32 = 0x7fff_fff0;

    #[test]
    fn a_call_whose_follower_is_gone_without_an_end_is_unknown() {
        let gone = record(
            &[(100, Leg::None), (180, Leg::Initiator)],
            Some(NO_PROCESS),
            Ending::Following,
        );
        assert_eq!(followed_status(&gone, 1_500).state, State::Unknown);
        let here = record(
            &[(100, Leg::None), (180, Leg::Initiator)],
            Some(std::process::id()),
            Ending::Following,
        );
        assert_eq!(followed_status(&here, 1_500).state, State::Ringing);
    }

    #[test]
    fn on_redis_the_lease_tells_whether_the_follower_is_there_not_the_process() {
        let seen = [(100, Leg::None), (180, Leg::Initiator)];
        let mut lapsed = record(&seen, Some(std::process::id()), Ending::Following);
        lapsed.lease_held = Some(false);
        assert_eq!(followed_status(&lapsed, 1_500).state, State::Unknown);
        // A follower on another web server: no such process here, but its lease is held.
        let mut elsewhere = record(&seen, Some(NO_PROCESS), Ending::Following);
        elsewhere.lease_held = Some(true);
        assert_eq!(followed_status(&elsewhere, 1_500).state, State::Ringing);
    }

    #[test]
    fn a_final_result_stands_when_the_follower_has_ended() {
        let done = record(
            &[
                (100, Leg::None),
                (180, Leg::Initiator),
                (486, Leg::Initiator),
            ],
            Some(NO_PROCESS),
            Ending::Following,
        );
        let status = followed_status(&done, 1_500);
        assert_eq!((status.state, status.code), (State::Failed, Some(486)));
    }

    #[test]
    fn a_follower_that_never_said_it_is_there_is_gone_after_its_grace() {
        let starting = record(&[(100, Leg::None)], None, Ending::Following);
        assert_eq!(followed_status(&starting, 1_001).state, State::Requested);
        let never = followed_status(&starting, 1_000 + FOLLOWER_START_GRACE_MS + 1);
        assert_eq!(never.state, State::Unknown);
    }

    #[test]
    fn an_http_call_is_unknown_after_requested() {
        let mut http = record(&[], None, Ending::Following);
        http.followed = false;
        let status = followed_status(&http, 1_001);
        assert_eq!(status.state, State::Unknown);
        assert_eq!(status.history[0].state, State::Requested);
    }

    #[test]
    fn records_of_calls_older_than_a_day_are_swept_and_others_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
        let settings = Settings {
            state_dir: Some(dir.path().to_owned()),
            ..Settings::default()
        };
        let two_days_ago = SystemTime::now() - 2 * KEPT_FOR;
        for name in ["old.call", "new.call", "old.calls"] {
            let file = std::fs::File::create(dir.path().join(name)).unwrap();
            if name.starts_with("old") {
                file.set_modified(two_days_ago).unwrap();
            }
        }
        let log = CallLog::new(&settings, record(&[], None, Ending::Following)).unwrap();
        log.write_new().unwrap();
        let left = |name: &str| dir.path().join(name).exists();
        assert!(
            left(&format!("{}.call", log.id())),
            "the new record is written"
        );
        assert!(!left("old.call"));
        assert!(left("new.call"));
        assert!(
            left("old.calls"),
            "the limits' records are not this sweep's"
        );
    }

    #[test]
    fn a_new_call_s_id_is_32_hex_digits_and_its_record_is_created_once() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
        let settings = Settings {
            state_dir: Some(dir.path().to_owned()),
            ..Settings::default()
        };
        let log = CallLog::new(&settings, record(&[], None, Ending::Following)).unwrap();
        assert!(is_call_id(log.id()), "{}", log.id());
        assert_eq!(hex(&[0x00, 0x9f, 0xa0, 0xff]), "009fa0ff");
        log.write_new().unwrap();
        assert!(
            log.write_new().is_err(),
            "a record already there is not overwritten"
        );
        log.write().unwrap();
    }

    #[test]
    fn only_32_hex_digits_are_a_call_id() {
        assert!(is_call_id("0123456789abcdef0123456789abcdef"));
        for bad in [
            "../../etc/passwd",
            "0123456789ABCDEF0123456789ABCDEF",
            "",
            "0a",
        ] {
            assert!(!is_call_id(bad), "{bad}");
        }
    }
}
