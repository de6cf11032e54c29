//! Everything the listeners share: the installation, the call record, the fault switch, the
//! open XML connections, the counters and the human log.

use std::sync::atomic::{AtomicU64, Ordering};

use emulator_kit::log::HumanLog;
use serde::Serialize;

use crate::calls::CallLog;
use crate::config::Config;
use crate::fault::FaultControl;
use crate::xml::connections::Connections;

pub struct Emulator {
    pub config: Config,
    pub calls: CallLog,
    pub faults: FaultControl,
    pub xml_connections: Connections,
    pub stats: Stats,
    pub log: HumanLog,
}

/// Counters for tests: they show that a client sent nothing, sent one request per
/// connection, or that the server closed connections at its limit.
#[derive(Default)]
pub struct Stats {
    pub http_connections: AtomicU64,
    /// HTTP requests the server acted on (a request line with its second space).
    pub http_requests: AtomicU64,
    pub xml_connections: AtomicU64,
    /// XML requests framed (complete), whatever came of them.
    pub xml_requests: AtomicU64,
    /// XML connections the server closed because the limit was reached.
    pub xml_closed_by_server: AtomicU64,
}

#[derive(Serialize)]
pub struct StatsView {
    http_connections: u64,
    http_requests: u64,
    xml_connections: u64,
    xml_requests: u64,
    xml_closed_by_server: u64,
    xml_open: usize,
}

impl Stats {
    pub fn count(counter: &AtomicU64) {
        counter.fetch_add(1, Ordering::Relaxed);
    }
}

impl Emulator {
    pub fn stats_view(&self) -> StatsView {
        let s = &self.stats;
        let get = |c: &AtomicU64| c.load(Ordering::Relaxed);
        StatsView {
            http_connections: get(&s.http_connections),
            http_requests: get(&s.http_requests),
            xml_connections: get(&s.xml_connections),
            xml_requests: get(&s.xml_requests),
            xml_closed_by_server: get(&s.xml_closed_by_server),
            xml_open: self.xml_connections.open(),
        }
    }
}
