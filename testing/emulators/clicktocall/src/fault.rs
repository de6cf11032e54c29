//! Fault switches the tests set through the control port, to see how a client copes with a
//! destination that is busy, never answers, or a call that never gets a final result. Each
//! acts on the calls accepted while it is set (both interfaces), `times` of them or until
//! changed. (The 60-connection limit of the XML port is not a switch: it is always on, as on
//! the real server.)

use std::sync::Mutex;

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum Fault {
    None,
    /// The destination rings, then 486 (§4.6 "destination busy").
    Busy,
    /// The destination rings and nobody answers: 487 after the 180 s no-answer limit.
    NoAnswer,
    /// The destination gives no response and the initiator hangs up 7 s after the request:
    /// 100, 180/I, 200/I, then nothing, ever (§4.6).
    NeverFinal,
}

impl Fault {
    pub fn describe(self) -> &'static str {
        match self {
            Fault::None => "none",
            Fault::Busy => "the destination is busy",
            Fault::NoAnswer => "nobody answers the destination",
            Fault::NeverFinal => {
                "the destination is silent and the initiator hangs up: no final result"
            }
        }
    }
}

/// What `PUT /fault` takes and `GET /fault` shows.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FaultSetting {
    #[serde(flatten)]
    pub fault: Fault,
    /// Apply to this many more accepted calls only; absent means until changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub times: Option<u64>,
}

impl FaultSetting {
    pub const NONE: FaultSetting = FaultSetting {
        fault: Fault::None,
        times: None,
    };
}

pub struct FaultControl {
    current: Mutex<FaultSetting>,
}

impl FaultControl {
    pub fn new() -> FaultControl {
        FaultControl {
            current: Mutex::new(FaultSetting::NONE),
        }
    }

    pub fn set(&self, setting: FaultSetting) {
        *self.current.lock().unwrap_or_else(|e| e.into_inner()) = setting;
    }

    pub fn get(&self) -> FaultSetting {
        self.current
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The fault for one accepted call, using up one of its `times`.
    pub fn take(&self) -> Fault {
        let mut current = self.current.lock().unwrap_or_else(|e| e.into_inner());
        let fault = current.fault;
        if let Some(times) = current.times.as_mut() {
            *times = times.saturating_sub(1);
            if *times == 0 {
                *current = FaultSetting::NONE;
            }
        }
        fault
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_forms_and_times() {
        let setting: FaultSetting =
            serde_json::from_str(r#"{"mode":"never_final","times":1}"#).unwrap();
        assert_eq!(setting.fault, Fault::NeverFinal);
        assert!(serde_json::from_str::<FaultSetting>(r#"{"mode":"explode"}"#).is_err());
        let control = FaultControl::new();
        control.set(setting);
        assert_eq!(control.take(), Fault::NeverFinal);
        assert_eq!(control.take(), Fault::None);
        assert_eq!(
            serde_json::to_string(&control.get()).unwrap(),
            r#"{"mode":"none"}"#
        );
    }
}
