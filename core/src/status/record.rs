//! A placed call's record in the state folder: what was placed, and what became of it so far.
//!
//! One small text file per call, one field a line, rewritten whole (see
//! `ratelimit::store::Folder::replace_file`) by the one process that follows the call. Text
//! fields are percent-encoded, so no value can add a line. Pure: render and parse only.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, CONTROLS};

use crate::clicktocall::state::{Ending, Seen, State, Step};
use crate::clicktocall::xml::ResultEvent;
use crate::clicktocall::Leg;
use crate::settings::PbxKind;

/// The first line of every record; a file without it is not one.
const MAGIC: &str = "click2dial-call 1";

/// What a text field is encoded with: controls, space and `%`.
const FIELD: &AsciiSet = &CONTROLS.add(b' ').add(b'%');

/// A placed call and what became of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallRecord {
    /// The PBX that took it.
    pub pbx: PbxKind,
    /// The groupware login that placed it.
    pub login: String,
    /// The PBX account it was placed as.
    pub account: String,
    /// The number as the PBX received it.
    pub dialed: String,
    /// The caller's extension.
    pub user_extension: String,
    /// When it was requested, ms since the epoch.
    pub placed_at_ms: u64,
    /// Whether the request asked the server to stay in the call (clicktocall).
    pub anchored: bool,
    /// Whether its results are followed (clicktocall over XML).
    pub followed: bool,
    /// The process that follows it, once that process has said so.
    pub follower: Option<u32>,
    /// When the follower gives up, ms since the epoch.
    pub deadline_ms: u64,
    /// The server's results so far (clicktocall).
    pub seen: Vec<Seen>,
    /// The states seen so far (sipXconfig, judged at each look).
    pub steps: Vec<Step>,
    /// How the following ended, when it ended without a final result.
    pub ending: Ending,
    /// Not part of the text: whether the follower's lease was held when the record was read
    /// from Redis; `None` from the state folder, where the follower's process is looked at
    /// (see `status::store`).
    pub lease_held: Option<bool>,
}

impl CallRecord {
    /// The record as text.
    pub fn render(&self) -> String {
        let mut text = format!(
            "{MAGIC}\npbx {}\nlogin {}\naccount {}\ndialed {}\nuser_extension {}\n\
             placed_at {}\nanchored {}\nfollowed {}\ndeadline {}\n",
            self.pbx.name(),
            encode(&self.login),
            encode(&self.account),
            encode(&self.dialed),
            encode(&self.user_extension),
            self.placed_at_ms,
            u8::from(self.anchored),
            u8::from(self.followed),
            self.deadline_ms,
        );
        if let Some(pid) = self.follower {
            text.push_str(&format!("follower {pid}\n"));
        }
        for seen in &self.seen {
            let event = &seen.event;
            text.push_str(&format!(
                "seen {} {} {} {}\n",
                seen.at_ms,
                event.code,
                leg_code(event.leg),
                event.reason.as_deref().map_or("-".to_owned(), encode)
            ));
        }
        for step in &self.steps {
            text.push_str(&format!(
                "step {} {} {} {}\n",
                step.state.name(),
                leg_code(step.leg),
                step.code.map_or("-".to_owned(), |c| c.to_string()),
                step.at_ms
            ));
        }
        match self.ending {
            Ending::Following => {}
            Ending::TimedOut { at_ms } => text.push_str(&format!("end timeout {at_ms}\n")),
            Ending::ReaderGone { at_ms } => text.push_str(&format!("end gone {at_ms}\n")),
        }
        text
    }

    /// Reads a record; `None` when the text is not one (torn, foreign, of another version).
    pub fn parse(text: &str) -> Option<CallRecord> {
        let mut lines = text.lines();
        if lines.next()? != MAGIC {
            return None;
        }
        let mut record = CallRecord::empty();
        for line in lines {
            let (key, value) = line.split_once(' ')?;
            record.read_field(key, value)?;
        }
        Some(record)
    }

    fn empty() -> CallRecord {
        CallRecord {
            pbx: PbxKind::SipXconfig,
            login: String::new(),
            account: String::new(),
            dialed: String::new(),
            user_extension: String::new(),
            placed_at_ms: 0,
            anchored: false,
            followed: false,
            follower: None,
            deadline_ms: 0,
            seen: Vec::new(),
            steps: Vec::new(),
            ending: Ending::Following,
            lease_held: None,
        }
    }

    fn read_field(&mut self, key: &str, value: &str) -> Option<()> {
        match key {
            "pbx" => self.pbx = PbxKind::parse(value).ok()?,
            "login" => self.login = decode(value)?,
            "account" => self.account = decode(value)?,
            "dialed" => self.dialed = decode(value)?,
            "user_extension" => self.user_extension = decode(value)?,
            "placed_at" => self.placed_at_ms = value.parse().ok()?,
            "anchored" => self.anchored = value == "1",
            "followed" => self.followed = value == "1",
            "deadline" => self.deadline_ms = value.parse().ok()?,
            "follower" => self.follower = Some(value.parse().ok()?),
            "seen" => self.seen.push(parse_seen(value)?),
            "step" => self.steps.push(parse_step(value)?),
            "end" => self.ending = parse_ending(value)?,
            _ => return None,
        }
        Some(())
    }
}

fn parse_seen(value: &str) -> Option<Seen> {
    let mut parts = value.splitn(4, ' ');
    let at_ms = parts.next()?.parse().ok()?;
    let code = parts.next()?.parse().ok()?;
    let leg = leg_of(parts.next()?)?;
    let reason = match parts.next()? {
        "-" => None,
        text => Some(decode(text)?),
    };
    Some(Seen {
        event: ResultEvent {
            leg,
            code,
            reason,
            translated_initiator: None,
            translated_destination: None,
        },
        at_ms,
    })
}

fn parse_step(value: &str) -> Option<Step> {
    let mut parts = value.split(' ');
    let name = parts.next()?;
    let state = State::ALL.into_iter().find(|s| s.name() == name)?;
    let leg = leg_of(parts.next()?)?;
    let code = match parts.next()? {
        "-" => None,
        code => Some(code.parse().ok()?),
    };
    let at_ms = parts.next()?.parse().ok()?;
    Some(Step {
        state,
        leg,
        code,
        at_ms,
    })
}

fn parse_ending(value: &str) -> Option<Ending> {
    let (kind, at) = value.split_once(' ')?;
    let at_ms = at.parse().ok()?;
    match kind {
        "timeout" => Some(Ending::TimedOut { at_ms }),
        "gone" => Some(Ending::ReaderGone { at_ms }),
        _ => None,
    }
}

fn leg_code(leg: Leg) -> &'static str {
    match leg {
        Leg::Initiator => "I",
        Leg::Destination => "D",
        Leg::None => "-",
    }
}

fn leg_of(code: &str) -> Option<Leg> {
    match code {
        "I" => Some(Leg::Initiator),
        "D" => Some(Leg::Destination),
        "-" => Some(Leg::None),
        _ => None,
    }
}

fn encode(text: &str) -> String {
    utf8_percent_encode(text, FIELD).to_string()
}

fn decode(text: &str) -> Option<String> {
    percent_decode_str(text)
        .decode_utf8()
        .ok()
        .map(|t| t.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> CallRecord {
        CallRecord {
            pbx: PbxKind::ClickToCall,
            login: "Bob Smith\nfollower 1".to_owned(),
            account: "2101".to_owned(),
            dialed: "+4930 12%".to_owned(),
            user_extension: "2101".to_owned(),
            placed_at_ms: 1_000,
            anchored: true,
            followed: true,
            follower: Some(4242),
            deadline_ms: 401_000,
            seen: vec![Seen {
                event: ResultEvent {
                    leg: Leg::Initiator,
                    code: 486,
                    reason: Some("Failed to connect to initiator".to_owned()),
                    translated_initiator: None,
                    translated_destination: None,
                },
                at_ms: 1_002,
            }],
            steps: vec![Step {
                state: State::Ringing,
                leg: Leg::Initiator,
                code: None,
                at_ms: 1_001,
            }],
            ending: Ending::TimedOut { at_ms: 401_000 },
            lease_held: None,
        }
    }

    #[test]
    fn a_record_reads_back_as_it_was_written_and_no_value_adds_a_line() {
        let record = sample();
        let text = record.render();
        assert_eq!(
            text.lines().filter(|l| l.starts_with("follower")).count(),
            1
        );
        assert_eq!(CallRecord::parse(&text), Some(record));
    }

    #[test]
    fn a_torn_or_foreign_file_is_not_a_record() {
        let text = sample().render();
        assert_eq!(CallRecord::parse("calls 1\n"), None);
        assert_eq!(
            CallRecord::parse(&text.replace("seen 1002", "seen x")),
            None
        );
        assert_eq!(CallRecord::parse(&format!("{text}bogus 1\n")), None);
    }
}
