//! Who is calling: the part of sipXconfig's Spring Security filter chain that guards
//! `/rest/call/*` and `/rest/my/*`.
//!
//! Basic is accepted pre-emptively; a request without credentials is challenged for Digest only;
//! failed Basic is answered with a Basic challenge and failed Digest with a fresh Digest
//! challenge. Any login name (canonical, alias, IM id) works with the PIN as password.

pub mod basic;
pub mod digest;

use crate::config::{Config, User};
use digest::NonceKey;

/// How the client proved who it is; recorded with each call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    Basic,
    Digest,
}

impl Scheme {
    pub fn as_str(self) -> &'static str {
        match self {
            Scheme::Basic => "basic",
            Scheme::Digest => "digest",
        }
    }
}

/// The request facts authentication depends on.
pub struct Attempt<'a> {
    pub authorization: Option<&'a [u8]>,
    pub method: &'a str,
    /// The request target as sent (path and query), which Digest's `uri` must repeat.
    pub request_target: &'a str,
    pub now_ms: u64,
}

#[derive(Debug)]
pub enum Outcome<'c> {
    Authenticated {
        user: &'c User,
        /// The name the client logged in with, which may be an alias.
        login: String,
        scheme: Scheme,
    },
    /// No credentials the filters recognise: challenge for Digest.
    Missing,
    /// Basic credentials that do not fit: answer with a Basic challenge.
    BasicRefused {
        login: Option<String>,
        why: &'static str,
    },
    /// Digest credentials that do not fit: answer with a new Digest challenge.
    DigestRefused {
        login: Option<String>,
        why: &'static str,
        stale: bool,
    },
}

pub fn authenticate<'c>(
    config: &'c Config,
    nonces: &NonceKey,
    attempt: &Attempt<'_>,
) -> Outcome<'c> {
    let Some(header) = attempt.authorization else {
        return Outcome::Missing;
    };
    // Spring Security 3 matches the scheme names case-sensitively; anything else is ignored,
    // exactly as if no header had been sent.
    if let Some(token) = header.strip_prefix(b"Basic ") {
        return match basic::decode(token) {
            Err(why) => Outcome::BasicRefused { login: None, why },
            Ok((login, password)) => match config.user_by_login(&login) {
                None => Outcome::BasicRefused {
                    login: Some(login),
                    why: "unknown user",
                },
                Some(user) if user.pin != password => Outcome::BasicRefused {
                    login: Some(login),
                    why: "wrong PIN",
                },
                Some(user) => Outcome::Authenticated {
                    user,
                    login,
                    scheme: Scheme::Basic,
                },
            },
        };
    }
    if let Some(fields) = header.strip_prefix(b"Digest ") {
        return digest::verify(config, nonces, fields, attempt);
    }
    Outcome::Missing
}
