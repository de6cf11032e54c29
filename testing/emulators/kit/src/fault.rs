//! A fault switch: the fault a test set through the control API, applied to the next `times`
//! requests (or calls) or until changed. Each emulator has its own kinds of fault.

use std::sync::Mutex;

use serde::{Deserialize, Serialize};

/// An emulator's kinds of fault.
pub trait Fault: Copy {
    /// Behaving normally.
    const NONE: Self;

    /// Refuses a fault whose values make no sense (the control API answers 400 with the reason).
    fn validate(&self) -> Result<(), String> {
        Ok(())
    }
}

/// What `PUT /fault` takes and `GET /fault` shows: the fault's own fields beside `times`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Setting<F> {
    /// The fault.
    #[serde(flatten)]
    pub fault: F,
    /// Apply to this many more requests only; absent means until changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub times: Option<u64>,
}

impl<F: Fault> Setting<F> {
    /// No fault, until changed.
    pub const NONE: Setting<F> = Setting {
        fault: F::NONE,
        times: None,
    };

    /// Whether the fault's values make sense.
    pub fn validate(&self) -> Result<(), String> {
        self.fault.validate()
    }
}

/// The switch itself, shared by the listeners.
pub struct Switch<F> {
    current: Mutex<Setting<F>>,
}

impl<F: Fault> Default for Switch<F> {
    fn default() -> Switch<F> {
        Switch {
            current: Mutex::new(Setting::NONE),
        }
    }
}

impl<F: Fault> Switch<F> {
    /// Sets the fault (a poisoned lock is taken over: a fault is plain data).
    pub fn set(&self, setting: Setting<F>) {
        *self.current.lock().unwrap_or_else(|e| e.into_inner()) = setting;
    }

    /// The fault as set, with the `times` left.
    pub fn get(&self) -> Setting<F> {
        self.current
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The fault for one request, using up one of its `times`; after the last, no fault.
    pub fn take(&self) -> F {
        let mut current = self.current.lock().unwrap_or_else(|e| e.into_inner());
        let fault = current.fault;
        if let Some(times) = current.times.as_mut() {
            *times = times.saturating_sub(1);
            if *times == 0 {
                *current = Setting::NONE;
            }
        }
        fault
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(tag = "mode", rename_all = "lowercase")]
    enum TestFault {
        None,
        Drop,
        Delay { ms: u64 },
    }

    impl Fault for TestFault {
        const NONE: TestFault = TestFault::None;
        fn validate(&self) -> Result<(), String> {
            match self {
                TestFault::Delay { ms } if *ms > 10 => Err("too long".into()),
                _ => Ok(()),
            }
        }
    }

    #[test]
    fn times_runs_out_then_no_fault() {
        let switch = Switch::<TestFault>::default();
        switch.set(Setting {
            fault: TestFault::Drop,
            times: Some(2),
        });
        assert_eq!(switch.take(), TestFault::Drop);
        assert_eq!(switch.get().times, Some(1));
        assert_eq!(switch.take(), TestFault::Drop);
        assert_eq!(switch.take(), TestFault::None);
        assert_eq!(switch.get().fault, TestFault::None);
    }

    #[test]
    fn without_times_it_stays() {
        let switch = Switch::<TestFault>::default();
        switch.set(Setting {
            fault: TestFault::Drop,
            times: None,
        });
        for _ in 0..3 {
            assert_eq!(switch.take(), TestFault::Drop);
        }
    }

    #[test]
    fn json_forms_and_validation() {
        let setting: Setting<TestFault> =
            serde_json::from_str(r#"{"mode":"delay","ms":3,"times":2}"#).unwrap();
        assert_eq!(setting.fault, TestFault::Delay { ms: 3 });
        assert_eq!(setting.times, Some(2));
        assert!(setting.validate().is_ok());
        let setting: Setting<TestFault> =
            serde_json::from_str(r#"{"mode":"delay","ms":30}"#).unwrap();
        assert_eq!(setting.validate(), Err("too long".into()));
        assert!(serde_json::from_str::<Setting<TestFault>>(r#"{"mode":"explode"}"#).is_err());
        let shown = serde_json::to_string(&Setting::<TestFault>::NONE).unwrap();
        assert_eq!(shown, r#"{"mode":"none"}"#);
    }
}
