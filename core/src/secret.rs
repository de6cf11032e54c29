//! Secrets (PINs, passwords) that cannot leak by accident.
//!
//! A [`Secret`] wipes its memory when dropped and has no `Display`; its `Debug` prints a
//! placeholder. So no `format!`, log line or error message can carry one unless code asks for the
//! bytes on purpose with [`Secret::expose`], which is easy to find in review.

use std::fmt;

use zeroize::Zeroizing;

/// A password or PIN, wiped from memory when dropped.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(Zeroizing<String>);

impl Secret {
    /// Takes ownership of `value`; the `String`'s buffer is the one wiped later.
    pub fn new(value: String) -> Secret {
        Secret(Zeroizing::new(value))
    }

    /// The secret itself, for the one place that must send it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// True when the secret is the empty string.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Secret {
        Secret::new(value.to_owned())
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_does_not_show_the_secret() {
        let secret = Secret::from("4711");
        assert_eq!(format!("{secret:?}"), "Secret(…)");
        assert_eq!(secret.expose(), "4711");
    }
}
