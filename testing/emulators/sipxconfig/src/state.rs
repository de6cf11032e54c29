//! Everything the listeners share: the installation, the nonce key, the call record, the
//! fault switch, the calls' scripted lives and the human log.

use std::sync::atomic::AtomicU64;

use emulator_kit::log::HumanLog;

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
