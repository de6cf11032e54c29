//! The phones behind the server. The real clicktocall learns how a leg goes from SIP; the
//! emulator has no SIP, so the config says how the phone at each translated address behaves,
//! one behaviour per kind of phone the reference page was captured with (§4.6, §5).

use regex::Regex;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Behaviour {
    /// A SIPp phone: rings `ring_ms`, then answers; accepts REFER and reports the transfer
    /// with CRLF sipfrags (NOTIFY 180 after 0.3 s).
    Answer,
    /// baresip 1.0.0: answers at once; its LF-only sipfrags make an unanchored call end in
    /// 400/D within about 10 ms, although baresip connects it (§5.3.3).
    AnswerAtOnce,
    /// Answers, but rejects REFER with 405, so an unanchored call falls back to anchored.
    RejectsRefer,
    /// Rings `ring_ms`, then 486 Busy Here.
    Busy,
    /// 404 Not Found at once.
    Unknown,
    /// Rings and never answers: clicktocall CANCELs 180 s after the last 1xx (487).
    NoAnswer,
    /// Never answers anything, or a closed UDP port: 408 at Timer B, 32 s.
    NoResponse,
}

impl Behaviour {
    pub fn describe(self) -> &'static str {
        match self {
            Behaviour::Answer => "rings, then answers",
            Behaviour::AnswerAtOnce => "answers at once (LF-only sipfrags)",
            Behaviour::RejectsRefer => "rings, answers, rejects REFER",
            Behaviour::Busy => "rings, then busy",
            Behaviour::Unknown => "unknown (404)",
            Behaviour::NoAnswer => "rings, nobody answers",
            Behaviour::NoResponse => "gives no response",
        }
    }
}

#[derive(Debug)]
pub struct PhoneRule {
    pattern: Regex,
    pub behaviour: Behaviour,
}

impl PhoneRule {
    pub fn new(pattern: &str, behaviour: Behaviour) -> Result<PhoneRule, String> {
        let pattern = Regex::new(pattern)
            .map_err(|e| format!("phone pattern {pattern:?} is not valid: {e}"))?;
        Ok(PhoneRule { pattern, behaviour })
    }

    pub fn matches(&self, translated: &str) -> bool {
        self.pattern.is_match(translated)
    }
}
