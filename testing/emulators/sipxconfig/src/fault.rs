//! Faults the tests switch on through the control API to see how a client copes with a slow,
//! silent, broken or failing server.

use emulator_kit::fault::{Setting, Switch};
use serde::{Deserialize, Serialize};
use tokio::sync::watch;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "lowercase")]
pub enum Fault {
    None,
    /// Answer normally, but only after this long.
    Delay {
        ms: u64,
    },
    /// Read the request, then close the connection without a word.
    Drop,
    /// Answer this status with an error page and do nothing else.
    Status {
        status: u16,
    },
    /// Read the request and hold the connection open, silent, until the fault is changed.
    Blackhole,
}

impl emulator_kit::fault::Fault for Fault {
    const NONE: Fault = Fault::None;

    fn validate(&self) -> Result<(), String> {
        match *self {
            Fault::Status { status } if !(200..=599).contains(&status) => {
                Err(format!("status {status} is not between 200 and 599"))
            }
            Fault::Delay { ms } if ms > 3_600_000 => Err("delay is longer than an hour".into()),
            _ => Ok(()),
        }
    }
}

/// What `PUT /fault` takes and `GET /fault` shows: the fault and how many PBX requests it is for.
pub type FaultSetting = Setting<Fault>;

/// The switch, and a signal for requests held open until the fault changes.
pub struct FaultControl {
    switch: Switch<Fault>,
    /// Bumped on every change, so blackholed requests know when to let go.
    generation: watch::Sender<u64>,
}

impl FaultControl {
    pub fn new() -> FaultControl {
        FaultControl {
            switch: Switch::default(),
            generation: watch::channel(0).0,
        }
    }

    pub fn set(&self, setting: FaultSetting) {
        self.switch.set(setting);
        self.generation.send_modify(|g| *g += 1);
    }

    pub fn get(&self) -> FaultSetting {
        self.switch.get()
    }

    /// The fault for one PBX request, using up one of its `times`.
    pub fn take(&self) -> Fault {
        self.switch.take()
    }

    /// Resolves at the next change of fault (the control API's `PUT` or `DELETE /fault`).
    pub async fn changed(&self) {
        let mut receiver = self.generation.subscribe();
        let _ = receiver.changed().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_forms() {
        let setting: FaultSetting = serde_json::from_str(r#"{"mode":"delay","ms":3000}"#).unwrap();
        assert_eq!(setting.fault, Fault::Delay { ms: 3000 });
        let setting: FaultSetting =
            serde_json::from_str(r#"{"mode":"status","status":503,"times":2}"#).unwrap();
        assert_eq!(setting.fault, Fault::Status { status: 503 });
        assert_eq!(setting.times, Some(2));
        assert!(serde_json::from_str::<FaultSetting>(r#"{"mode":"explode"}"#).is_err());
        let shown = serde_json::to_string(&FaultSetting {
            fault: Fault::Drop,
            times: None,
        })
        .unwrap();
        assert_eq!(shown, r#"{"mode":"drop"}"#);
    }

    #[test]
    fn times_runs_out() {
        let control = FaultControl::new();
        control.set(FaultSetting {
            fault: Fault::Drop,
            times: Some(2),
        });
        assert_eq!(control.take(), Fault::Drop);
        assert_eq!(control.take(), Fault::Drop);
        assert_eq!(control.take(), Fault::None);
        assert_eq!(control.get().fault, Fault::None);
    }
}
