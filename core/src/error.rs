//! The one error type of click2dial.
//!
//! Every failure is an [`Error`] with a [`ErrorKind`] that says what the caller can do about it;
//! the PHP binding maps each kind onto one exception class. The message is written for the person
//! who reads it (a user, an administrator, a PHP developer): it says what went wrong and what to
//! check. It never contains a secret, because messages are built only from values that are not
//! secret — secrets live in [`crate::Secret`], which cannot be formatted.

use std::fmt;

/// What kind of failure an [`Error`] is, and so which PHP exception class it becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// An INI setting or a file it names is missing or wrong: the administrator must fix it.
    Configuration,
    /// The number cannot be dialed as written; nothing was sent.
    InvalidNumber,
    /// The dial plan forbids the number (a deny rule or a blocked number type).
    NumberNotAllowed,
    /// The directory does not know the groupware login.
    UnknownUser,
    /// No usable PBX password could be found or opened.
    Credential,
    /// sipXconfig refused the user's credentials.
    Authentication {
        /// 401 or 403.
        status: u16,
    },
    /// sipXconfig answered with another status that is not a success.
    PbxRejected {
        /// The HTTP status sipXconfig answered with.
        status: u16,
    },
    /// sipXconfig could not be reached: name resolution, connection, TLS or a time-out.
    PbxUnreachable,
    /// The user placed too many calls too quickly.
    RateLimited {
        /// How many seconds until the next call will be accepted.
        retry_after_secs: u64,
    },
    /// A bug in click2dial itself (a caught panic); the message says to report it.
    Internal,
}

impl ErrorKind {
    /// Every kind once, its fields zero: the list that tables covering each kind are built from
    /// (the binding's PHP exception classes). A new kind belongs here too.
    pub const ALL: [ErrorKind; 10] = [
        ErrorKind::Configuration,
        ErrorKind::InvalidNumber,
        ErrorKind::NumberNotAllowed,
        ErrorKind::UnknownUser,
        ErrorKind::Credential,
        ErrorKind::Authentication { status: 0 },
        ErrorKind::PbxRejected { status: 0 },
        ErrorKind::PbxUnreachable,
        ErrorKind::RateLimited {
            retry_after_secs: 0,
        },
        ErrorKind::Internal,
    ];
}

/// A failure of a click2dial operation, with a message fit to show a person.
#[derive(Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    unsent: bool,
}

impl Error {
    /// Makes an error of `kind`; `message` must name no secret.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
            unsent: false,
        }
    }

    /// Marks a failure that is known to have happened before any byte of the request reached
    /// sipXconfig: the name lookup, the connection or the TLS handshake failed.
    pub(crate) fn unsent(mut self) -> Error {
        self.unsent = true;
        self
    }

    /// True when the request is known not to have reached sipXconfig (see [`Error::unsent`]). A
    /// [`ErrorKind::PbxUnreachable`] without it may have: a time-out or a broken connection after
    /// the request was written says nothing about whether sipXconfig acted on it, so a call may
    /// be ringing the phone all the same.
    pub fn is_unsent(&self) -> bool {
        self.unsent
    }

    pub(crate) fn configuration(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Configuration, message)
    }

    pub(crate) fn invalid_number(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::InvalidNumber, message)
    }

    pub(crate) fn unreachable(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::PbxUnreachable, message)
    }

    /// The kind, which decides the PHP exception class.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The message, for a person.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The number that goes with the error in PHP's `getCode()`: the HTTP status where sipXconfig
    /// answered, the seconds to wait where a call limit was reached, else 0.
    pub fn code(&self) -> i32 {
        match self.kind {
            ErrorKind::Authentication { status } | ErrorKind::PbxRejected { status } => {
                i32::from(status)
            }
            ErrorKind::RateLimited { retry_after_secs } => {
                i32::try_from(retry_after_secs).unwrap_or(i32::MAX)
            }
            _ => 0,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.message)
    }
}

impl std::error::Error for Error {}

/// The result type of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Quotes a value a user gave for a message: control characters escaped, long values cut, so that
/// a message stays one readable line whatever was passed in.
pub(crate) fn quoted(value: &str) -> String {
    const MAX_CHARS: usize = 40;
    let mut out = String::with_capacity(value.len().min(MAX_CHARS * 2) + 2);
    out.push('"');
    for (count, c) in value.chars().enumerate() {
        if count == MAX_CHARS {
            out.push('…');
            break;
        }
        out.extend(c.escape_debug());
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_is_the_http_status_only_where_the_pbx_answered() {
        let rejected = Error::new(ErrorKind::PbxRejected { status: 503 }, "m");
        assert_eq!(rejected.code(), 503);
        let forbidden = Error::new(ErrorKind::Authentication { status: 403 }, "m");
        assert_eq!(forbidden.code(), 403);
        assert_eq!(Error::configuration("m").code(), 0);
    }

    #[test]
    fn all_holds_every_kind_once() {
        // The match is exhaustive: a new kind does not compile until it has a place here, which
        // is the reminder to add it to ALL.
        let place = |kind: ErrorKind| match kind {
            ErrorKind::Configuration => 0,
            ErrorKind::InvalidNumber => 1,
            ErrorKind::NumberNotAllowed => 2,
            ErrorKind::UnknownUser => 3,
            ErrorKind::Credential => 4,
            ErrorKind::Authentication { .. } => 5,
            ErrorKind::PbxRejected { .. } => 6,
            ErrorKind::PbxUnreachable => 7,
            ErrorKind::RateLimited { .. } => 8,
            ErrorKind::Internal => 9,
        };
        let places: Vec<usize> = ErrorKind::ALL.into_iter().map(place).collect();
        assert_eq!(places, (0..ErrorKind::ALL.len()).collect::<Vec<_>>());
    }

    #[test]
    fn quoted_escapes_control_characters_and_cuts_long_values() {
        assert_eq!(quoted("12\n3\0"), r#""12\n3\0""#);
        let long = "9".repeat(100);
        let shown = quoted(&long);
        assert!(shown.ends_with("…\""), "{shown}");
        assert_eq!(shown.chars().filter(|&c| c == '9').count(), 40);
    }
}
