//! The XML port's connection limit (reference §4.1): at most 60 connections; accepting one
//! more first closes the **oldest**, even with calls in progress. Its results are lost; its
//! calls go on.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use tokio::sync::Notify;

pub struct Connections {
    limit: usize,
    /// Open connections, oldest first, each with the switch that makes it close.
    open: Mutex<VecDeque<(u64, Arc<Notify>)>>,
    next_id: Mutex<u64>,
}

/// A connection's place in the table: its number and the signal to close it.
pub struct Admitted {
    pub id: u64,
    pub close: Arc<Notify>,
    /// How many older connections were closed to make room (0 or 1).
    pub evicted: usize,
}

impl Connections {
    pub fn new(limit: usize) -> Connections {
        Connections {
            limit,
            open: Mutex::new(VecDeque::new()),
            next_id: Mutex::new(1),
        }
    }

    /// Takes in a new connection, closing the oldest ones while the table is full.
    pub fn admit(&self) -> Admitted {
        let id = {
            let mut next = self.next_id.lock().unwrap_or_else(|e| e.into_inner());
            *next += 1;
            *next - 1
        };
        let close = Arc::new(Notify::new());
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        let mut evicted = 0;
        while open.len() >= self.limit {
            if let Some((_, oldest)) = open.pop_front() {
                // notify_one keeps the permit, so a connection not yet waiting still closes.
                oldest.notify_one();
                evicted += 1;
            }
        }
        open.push_back((id, close.clone()));
        Admitted { id, close, evicted }
    }

    /// Forgets a connection that ended (the client closed it, or it was evicted).
    pub fn remove(&self, id: u64) {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        open.retain(|(open_id, _)| *open_id != id);
    }

    pub fn open(&self) -> usize {
        self.open.lock().unwrap_or_else(|e| e.into_inner()).len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_oldest_makes_room() {
        let table = Connections::new(2);
        let first = table.admit();
        let second = table.admit();
        assert_eq!(first.evicted + second.evicted, 0);
        let third = table.admit();
        assert_eq!(third.evicted, 1);
        assert_eq!(table.open(), 2);
        table.remove(second.id);
        assert_eq!(table.open(), 1);
    }
}
