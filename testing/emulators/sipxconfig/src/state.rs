//! Everything the listeners share: the installation, the nonce key, the call record, the
//! fault switch, the calls' scripted lives and the human log.

use std::io::Write;
use std::sync::atomic::AtomicU64;

use crate::auth::digest::NonceKey;
use crate::calls::CallLog;
use crate::config::Config;
use crate::fault::FaultControl;
use crate::lives::CallLives;

pub struct Emulator {
    pub config: Config,
    pub nonces: NonceKey,
    pub calls: CallLog,
    pub faults: FaultControl,
    /// What each accepted call does afterwards, for `/rest/my/activecdrs`.
    pub lives: CallLives,
    pub log: HumanLog,
    /// Requests the PBX listeners received, answered or not: lets tests prove that a client
    /// refused something locally without sending it.
    pub pbx_requests: AtomicU64,
    /// Connections the PBX listeners accepted: shows whether clients keep connections alive.
    pub pbx_connections: AtomicU64,
}

/// One line per event on stdout, for a person watching. Never given credentials.
pub struct HumanLog {
    pub quiet: bool,
}

impl HumanLog {
    pub fn say(&self, line: std::fmt::Arguments<'_>) {
        if self.quiet {
            return;
        }
        let mut out = std::io::stdout().lock();
        let _ = out.write_fmt(line);
        let _ = out.write_all(b"\n");
        let _ = out.flush();
    }
}
