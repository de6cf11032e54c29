//! Fault switches the tests set through the control port, to see how a client copes with a
//! destination that is busy, never answers, or a call that never gets a final result. Each
//! acts on the calls accepted while it is set (both interfaces), `times` of them or until
//! changed. (The 60-connection limit of the XML port is not a switch: it is always on, as on
//! the real server.)

use emulator_kit::fault::{Setting, Switch};
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

impl emulator_kit::fault::Fault for Fault {
    const NONE: Fault = Fault::None;
}

/// What `PUT /fault` takes and `GET /fault` shows: the fault and how many accepted calls it is
/// for.
pub type FaultSetting = Setting<Fault>;

/// The switch of the accepted calls.
pub type FaultControl = Switch<Fault>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_forms_and_times() {
        let setting: FaultSetting =
            serde_json::from_str(r#"{"mode":"never_final","times":1}"#).unwrap();
        assert_eq!(setting.fault, Fault::NeverFinal);
        assert!(serde_json::from_str::<FaultSetting>(r#"{"mode":"explode"}"#).is_err());
        let control = FaultControl::default();
        control.set(setting);
        assert_eq!(control.take(), Fault::NeverFinal);
        assert_eq!(control.take(), Fault::None);
        assert_eq!(
            serde_json::to_string(&control.get()).unwrap(),
            r#"{"mode":"none"}"#
        );
    }
}
