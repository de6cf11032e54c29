/*!
The core of click2dial: everything the PHP extension does, with no PHP in it.

click2dial lets a groupware user call a contact with one click: the PBX rings the user's own
desk phone and, once it is picked up, connects it to the contact. The PBX is sipXconfig, the
configuration server of sipXecs, or reSIProcate's clicktocall server, whichever
`click2dial.pbx` names. This crate holds the parts that decide and do that:

* [`Settings`] and [`ServerUrl`]: what the administrator configured (read from INI by the binding).
* [`DialString`]: a number as people write it, cleaned and checked the way sipXconfig checks it.
* [`DialPlan`]: how the PBX dials a number as people write it (outside line, national and
  international forms, extensions, rules), read with libphonenumber's metadata.
* [`Directory`] in a [`WatchedFile`]: which phone belongs to which groupware login, reloaded
  when the file changes.
* [`pbx`]: the one interface through which a call is placed and the calls in progress are read
  ([`pbx::Pbx`]), with sipXconfig ([`pbx::sipxconfig`]: REST over TLS verified against the
  administrator's CA, through one keep-alive client per process, [`transport`]) and the
  clicktocall server behind it; [`PbxKind`] in the settings chooses one.
* [`find_numbers`]: the phone numbers in a message's text that can be called, found as
  libphonenumber's `PhoneNumberMatcher` finds them.
* [`Error`] with its [`ErrorKind`]: one error type; the binding maps each kind to a PHP exception.
* [`Secret`]: PINs and passwords, wiped on drop and impossible to format by accident.
* [`credentials`]: where a user's PBX password comes from: the WebAccess session, the
  extension's own store of sealed PINs (`credentials::store`), or one the administrator
  provisioned in the directory.

* [`clicktocall`]: the wire layer of reSIProcate's clicktocall server (its HTTP page, its XML
  results per leg, the two legs' states), tested against its emulator.

* [`status::call_status`]: what became of a placed call, for either PBX and from any process:
  each call's record in the state folder, kept by a follower process (clicktocall over XML) or
  judged at each look from the calls in progress (sipXconfig).

* [`sharedstate`]: the Redis that keeps the call limits for several web servers
  (`click2dial.shared_state`), through a small RESP client of its own.

* [`progress::call_progress`]: what became of a placed call (ringing, connected, ended, not
  answered), judged from the user's calls in progress ([`activecalls`]).

[`make_call`] and [`active_calls`] put them together, and know no PBX but through [`pbx`]. The crate is tested with `cargo test`; the PHP binding in the
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
mod findnumbers;
mod number;
pub mod pbx;
mod private_dir;
pub mod progress;
pub mod ratelimit;
mod secret;
mod settings;
pub mod sharedstate;
pub mod status;
mod tls;
pub mod transport;
mod watched;

pub use call::{active_calls, directory, make_call, phone_of, Phone, PlacedCall};
pub use clock::epoch_ms;
pub use dialplan::{dial_plan, normalize_number, DialPlan, Normalized};
pub use directory::{Directory, DirectoryEntry};
pub use error::{Error, ErrorKind, Result};
pub use findnumbers::{find_numbers, find_numbers_by, FindError, FoundNumber, MAX_TEXT_BYTES};
pub use number::{DialString, MAX_NUMBER_CHARS};
pub use secret::Secret;
pub use settings::{
    without_userinfo, CredentialSource, PbxKind, ServerUrl, Settings,
    DEFAULT_CLICKTOCALL_INITIATOR, DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT,
};
pub use watched::{WatchedFile, WatchedFiles, CHECK_INTERVAL};

/// The version of click2dial, as `php --ri click2dial` shows it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
