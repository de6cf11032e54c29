/*!
The core of click2dial: everything the PHP extension does, with no PHP in it.

click2dial lets a Zarafa WebAccess user call a contact with one click: sipXconfig, the
configuration server of the sipXecs PBX, rings the user's own desk phone and, once it is picked
up, connects it to the contact. This crate holds the parts that decide and do that:

* [`Settings`] and [`ServerUrl`]: what the administrator configured (read from INI by the binding).
* [`DialString`]: a number as people write it, cleaned and checked the way sipXconfig checks it.
* [`DialPlan`]: how the PBX dials a number as people write it (outside line, national and
  international forms, extensions, rules), read with libphonenumber's metadata.
* [`Directory`] in a [`WatchedFile`]: which phone belongs to which groupware login, reloaded
  when the file changes.
* [`sipxconfig::place_call`] and [`sipxconfig::active_calls`]: the REST requests, over TLS verified against the administrator's CA,
  through one keep-alive client per process ([`transport`]).
* [`Error`] with its [`ErrorKind`]: one error type; the binding maps each kind to a PHP exception.
* [`Secret`]: PINs and passwords, wiped on drop and impossible to format by accident.
* [`credentials`]: where a user's PBX password comes from: the WebAccess session, the
  extension's own store of sealed PINs (`credentials::store`), or one the administrator
  provisioned in the directory.

* [`clicktocall`]: the wire layer of reSIProcate's clicktocall server (its HTTP page, its XML
  results per leg, the two legs' states), tested against its emulator; not yet behind
  [`make_call`].

* [`sharedstate`]: the Redis that keeps the call limits for several web servers
  (`click2dial.shared_state`), through a small RESP client of its own.

* [`progress::call_progress`]: what became of a placed call (ringing, connected, ended, not
  answered), judged from the user's calls in progress ([`activecalls`]).

[`make_call`] and [`active_calls`] put them together. The crate is tested with `cargo test`; the PHP binding in the
`click2dial` crate only converts values and errors.
*/

#![deny(missing_docs)]

pub mod activecalls;
mod call;
pub mod clicktocall;
mod clock;
pub mod credentials;
mod dialplan;
mod directory;
mod error;
mod number;
pub mod progress;
pub mod ratelimit;
mod secret;
mod settings;
pub mod sharedstate;
pub mod sipxconfig;
mod tls;
pub mod transport;
mod watched;

pub use call::{active_calls, directory, make_call, phone_of, Phone, PlacedCall};
pub use clock::epoch_ms;
pub use dialplan::{dial_plan, normalize_number, DialPlan, Normalized};
pub use directory::{Directory, DirectoryEntry};
pub use error::{Error, ErrorKind, Result};
pub use number::{DialString, MAX_NUMBER_CHARS};
pub use secret::Secret;
pub use settings::{
    without_userinfo, CredentialSource, ServerUrl, Settings, DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_TIMEOUT,
};
pub use watched::{WatchedFile, WatchedFiles, CHECK_INTERVAL};

/// The version of click2dial, as `php --ri click2dial` shows it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
