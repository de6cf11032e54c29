//! What happens after an accepted call, as sipXecs' call resolver would report it in
//! `GET /sipxconfig/rest/my/activecdrs`.
//!
//! sipXconfig sets a click-to-call up in two legs (`SipServiceImpl.sendRefer`, third-party call
//! control): first an INVITE to the user's own phone, sent *as* the user (From and To are both
//! the user's address), and once that phone answers, a REFER that makes the phone call the
//! number. So while the user's phone rings, the active list shows a call from the user to the
//! user; after pick-up it shows the call from the user to the number, until someone hangs up.
//! A phone that is never picked up stops ringing and leaves nothing behind.
//!
//! Each call gets a scripted [`CallLife`] when it is accepted: the one tests set through the
//! control API (`PUT /life`, for the next call or until changed), else [`CallLife::DEFAULT`].
//! The active list is computed from the clock on every request, so nothing runs in the
//! background.

use std::sync::Mutex;

use serde::{Deserialize, Serialize};

/// How one call goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallLife {
    /// How long the user's own phone rings.
    pub ring_ms: u64,
    /// Whether the user picks up; if not, the call ends after `ring_ms`.
    #[serde(default = "answered")]
    pub answer: bool,
    /// How long the user and the number talk after pick-up.
    #[serde(default)]
    pub talk_ms: u64,
}

fn answered() -> bool {
    true
}

impl CallLife {
    /// Long enough to watch in the demo, short enough not to linger.
    pub const DEFAULT: CallLife = CallLife {
        ring_ms: 4_000,
        answer: true,
        talk_ms: 20_000,
    };

    const LONGEST_MS: u64 = 24 * 3_600_000;

    pub fn validate(&self) -> Result<(), String> {
        if self.ring_ms > Self::LONGEST_MS || self.talk_ms > Self::LONGEST_MS {
            return Err("ring_ms and talk_ms must be at most a day".into());
        }
        Ok(())
    }

    pub fn describe(&self) -> String {
        if self.answer {
            format!(
                "the phone rings {} ms, then talks {} ms",
                self.ring_ms, self.talk_ms
            )
        } else {
            format!("the phone rings {} ms and is not answered", self.ring_ms)
        }
    }
}

/// What `PUT /life` takes and `GET /life` shows.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct LifeSetting {
    #[serde(flatten)]
    pub life: CallLife,
    /// For this many more calls only; absent means until changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub times: Option<u64>,
}

/// One call leg as the call resolver lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActiveCdr {
    pub from: String,
    pub from_aor: String,
    pub to: String,
    pub to_aor: String,
    pub start_ms: u64,
    pub duration_ms: u64,
}

struct LiveCall {
    user: String,
    number: String,
    accepted_ms: u64,
    life: CallLife,
}

impl LiveCall {
    fn ends_ms(&self) -> u64 {
        let talk = if self.life.answer {
            self.life.talk_ms
        } else {
            0
        };
        self.accepted_ms + self.life.ring_ms + talk
    }

    /// The leg alive at `now_ms`, if any.
    fn leg_at(&self, now_ms: u64, domain: &str) -> Option<ActiveCdr> {
        let aor = |user: &str| format!("<sip:{user}@{domain}>");
        let picked_up = self.accepted_ms + self.life.ring_ms;
        if now_ms < self.accepted_ms || now_ms >= self.ends_ms() {
            return None;
        }
        if now_ms < picked_up {
            // The INVITE to the user's phone, from the user's own address.
            return Some(ActiveCdr {
                from: self.user.clone(),
                from_aor: aor(&self.user),
                to: self.user.clone(),
                to_aor: aor(&self.user),
                start_ms: self.accepted_ms,
                duration_ms: now_ms - self.accepted_ms,
            });
        }
        // The call the phone places to the number after the REFER.
        Some(ActiveCdr {
            from: self.user.clone(),
            from_aor: aor(&self.user),
            to: self.number.clone(),
            to_aor: aor(&self.number),
            start_ms: picked_up,
            duration_ms: now_ms - picked_up,
        })
    }
}

pub struct CallLives {
    inner: Mutex<Inner>,
}

struct Inner {
    setting: LifeSetting,
    calls: Vec<LiveCall>,
}

impl CallLives {
    pub fn new() -> CallLives {
        CallLives {
            inner: Mutex::new(Inner {
                setting: default_setting(),
                calls: Vec::new(),
            }),
        }
    }

    pub fn setting(&self) -> LifeSetting {
        self.lock().setting.clone()
    }

    pub fn set(&self, setting: LifeSetting) {
        self.lock().setting = setting;
    }

    /// Starts the life of a call the PBX just accepted; returns the life it got.
    pub fn start(&self, user: &str, number: &str, accepted_ms: u64) -> CallLife {
        let mut inner = self.lock();
        let life = inner.setting.life;
        if let Some(times) = inner.setting.times {
            if times <= 1 {
                inner.setting = default_setting();
            } else {
                inner.setting.times = Some(times - 1);
            }
        }
        inner.calls.retain(|call| call.ends_ms() > accepted_ms);
        inner.calls.push(LiveCall {
            user: user.to_owned(),
            number: number.to_owned(),
            accepted_ms,
            life,
        });
        life
    }

    /// The legs of `user`'s calls alive at `now_ms`, oldest first.
    pub fn active_for(&self, user: &str, now_ms: u64, domain: &str) -> Vec<ActiveCdr> {
        let mut inner = self.lock();
        inner.calls.retain(|call| call.ends_ms() > now_ms);
        inner
            .calls
            .iter()
            .filter(|call| call.user == user)
            .filter_map(|call| call.leg_at(now_ms, domain))
            .collect()
    }

    /// Forgets every call (the control API's `DELETE /calls`).
    pub fn clear(&self) {
        self.lock().calls.clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // A panic while holding the lock leaves plain data behind; carry on with it.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn default_setting() -> LifeSetting {
    LifeSetting {
        life: CallLife::DEFAULT,
        times: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIFE: CallLife = CallLife {
        ring_ms: 2_000,
        answer: true,
        talk_ms: 5_000,
    };

    fn lives_with(life: CallLife, times: Option<u64>) -> CallLives {
        let lives = CallLives::new();
        lives.set(LifeSetting { life, times });
        lives
    }

    #[test]
    fn an_answered_call_rings_the_user_then_connects_to_the_number_then_ends() {
        let lives = lives_with(LIFE, None);
        lives.start("201", "0301234567", 1_000);
        let ringing = lives.active_for("201", 2_500, "pbx.test");
        assert_eq!(ringing.len(), 1);
        assert_eq!(
            (ringing[0].from.as_str(), ringing[0].to.as_str()),
            ("201", "201")
        );
        assert_eq!(ringing[0].to_aor, "<sip:201@pbx.test>");
        assert_eq!(
            (ringing[0].start_ms, ringing[0].duration_ms),
            (1_000, 1_500)
        );

        let talking = lives.active_for("201", 3_000, "pbx.test");
        assert_eq!(talking.len(), 1);
        assert_eq!(
            (talking[0].from.as_str(), talking[0].to.as_str()),
            ("201", "0301234567")
        );
        assert_eq!((talking[0].start_ms, talking[0].duration_ms), (3_000, 0));
        assert_eq!(lives.active_for("201", 7_999, "pbx.test").len(), 1);
        assert!(lives.active_for("201", 8_000, "pbx.test").is_empty());
    }

    #[test]
    fn an_unanswered_call_only_rings() {
        let lives = lives_with(
            CallLife {
                answer: false,
                ..LIFE
            },
            None,
        );
        lives.start("201", "207", 0);
        assert_eq!(lives.active_for("201", 1_999, "d")[0].to, "201");
        assert!(lives.active_for("201", 2_000, "d").is_empty());
    }

    #[test]
    fn a_user_sees_only_their_own_calls() {
        let lives = lives_with(LIFE, None);
        lives.start("201", "207", 0);
        lives.start("202", "208", 0);
        let seen = lives.active_for("202", 100, "d");
        assert_eq!(seen.len(), 1);
        assert_eq!(seen[0].from, "202");
    }

    #[test]
    fn a_life_for_a_number_of_calls_falls_back_to_the_default() {
        let lives = lives_with(LIFE, Some(1));
        assert_eq!(lives.start("201", "207", 0), LIFE);
        assert_eq!(lives.start("201", "207", 0), CallLife::DEFAULT);
        assert!(lives.setting().times.is_none());
    }
}
