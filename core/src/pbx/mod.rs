/*!
The PBX interface: the one door through which a call is placed and its progress read.

Everything above it ([`crate::make_call`], [`crate::active_calls`]: the directory, the dial plan,
the credentials, the limits) works the same whichever PBX answers; [`Settings::pbx`]
(`click2dial.pbx`) chooses the implementation with [`of`]:

* [`sipxconfig`]: sipXecs' configuration server, through its REST API over verified TLS. Each
  user authenticates with their own PBX PIN.
* [`clicktocall`]: reSIProcate's clicktocall server, through its HTTP interface or its XML
  interface over TCP. The server trusts the site: no per-user password, the caller is whoever
  the groupware logged in.

Adding a PBX is one new module here with a [`Pbx`] implementation, one [`PbxKind`] variant and
the settings it needs; nothing above this module changes.
*/

mod clicktocall;
mod follower;
pub mod sipxconfig;

use std::time::Duration;

use crate::activecalls::ActiveCall;
use crate::call::Phone;
use crate::clicktocall::state::CallState;
use crate::error::Result;
use crate::number::DialString;
use crate::secret::Secret;
use crate::settings::{PbxKind, Settings};
use crate::status::{CallLog, CallRecord};

/// Who places a call: the groupware login and the phone the directory gives it.
#[derive(Clone, Copy, Debug)]
pub struct Caller<'a> {
    /// The groupware login.
    pub login: &'a str,
    /// The login's phone.
    pub phone: &'a Phone,
}

/// What a PBX says when it took a call request. It means "the PBX took it", never "connected".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Accepted {
    /// The status the PBX answered with (HTTP 2xx; 100 for clicktocall's XML acceptance).
    pub status: u16,
    /// From sending the request to having the PBX's acceptance.
    pub elapsed: Duration,
    /// The user's phone as the PBX addresses it, when the PBX says so.
    pub translated_initiator: Option<String>,
    /// The number as the PBX dials it, when the PBX says so.
    pub translated_destination: Option<String>,
}

/// What a question about a call's progress brings besides the call: the password for a PBX
/// that asks for one (sipXconfig: reading the calls in progress carries the PIN, found as
/// `make_call` finds it), and how long a ringing phone may ring before it counts as not
/// answered, where the PBX cannot tell (sipXconfig).
#[derive(Clone, Copy)]
pub struct Look<'a> {
    /// The caller's password, or `None` to let the credentials find it.
    pub password: Option<&'a Secret>,
    /// Milliseconds; `progress::DEFAULT_RING_TIMEOUT_MS` unless the caller says otherwise.
    pub ring_timeout_ms: i64,
}

/// One PBX.
pub trait Pbx: Sync {
    /// The PBX's name in messages.
    fn name(&self) -> &'static str;

    /// Whether requests carry the user's own PBX password. When not, no password is looked up
    /// and none is sent: the PBX trusts the site.
    fn asks_password(&self) -> bool;

    /// Checks the settings this PBX needs, before anything else is done for a request.
    fn check_settings(&self, settings: &Settings) -> Result<()>;

    /// Asks the PBX to ring the caller's phone and connect it to `number`. `password` is the
    /// user's PBX password when [`Pbx::asks_password`], else `None`. A PBX that streams the
    /// call's progress hands it to a follower that keeps `log`'s record (and sets
    /// `log.record.followed`); otherwise `make_call` writes the record once.
    fn place_call(
        &self,
        settings: &Settings,
        caller: Caller<'_>,
        password: Option<&Secret>,
        number: &DialString,
        log: &mut CallLog,
    ) -> Result<Accepted>;

    /// What became of the call `record` describes; true with it when the record changed and
    /// is to be written back (a PBX judged at each look), false when a follower keeps it.
    fn call_status(
        &self,
        settings: &Settings,
        record: &mut CallRecord,
        look: &Look<'_>,
    ) -> Result<(CallState, bool)>;

    /// The caller's calls in progress, as the PBX lists them.
    fn active_calls(
        &self,
        settings: &Settings,
        caller: Caller<'_>,
        password: Option<&Secret>,
    ) -> Result<Vec<ActiveCall>>;
}

/// Checks the clicktocall password file as a call would read it, for phpinfo(); the password
/// itself is wiped at once.
pub fn clicktocall_password_check(path: &std::path::Path) -> Result<()> {
    clicktocall::read_password_file(path).map(drop)
}

/// The PBX the settings choose.
pub fn of(settings: &Settings) -> &'static dyn Pbx {
    of_kind(settings.pbx)
}

/// The PBX of a kind.
pub fn of_kind(kind: PbxKind) -> &'static dyn Pbx {
    match kind {
        PbxKind::SipXconfig => &sipxconfig::SipXconfig,
        PbxKind::ClickToCall => &clicktocall::ClickToCall,
    }
}
