//! Where the records are kept: the state folder of this web server (`store`), or the Redis that
//! several web servers share (`shared`), as `click2dial.shared_state` says. Both keep the same
//! records under the same names and change them through the same `update`, so the decision is
//! the same whichever keeps them.

use super::decide::{Limits, Record};
use super::shared::Shared;
use super::store::Folder;
use crate::error::Result;
use crate::settings::Settings;
use crate::sharedstate;

/// The store of the records the settings name.
pub enum Store {
    /// One file per account in the state folder.
    Folder(Folder),
    /// One key per account on Redis.
    Shared(Box<Shared>),
}

impl Store {
    /// The store `click2dial.shared_state` names, or the state folder when it is empty; the
    /// folder is opened and checked, Redis is connected to on the first update.
    pub fn open(settings: &Settings) -> Result<Store> {
        match sharedstate::target(settings)? {
            Some(target) => Ok(Store::Shared(Box::new(Shared::new(settings, target)))),
            None => Folder::open(settings).map(Store::Folder),
        }
    }

    /// Reads the record `name`, lets `change` change it at the time it passes, and writes it
    /// back, atomically against every other worker that shares the store. `change` may run
    /// more than once on Redis (once per compare-and-set attempt); the answer is its last.
    pub fn update<T>(
        &self,
        name: &str,
        limits: &Limits,
        change: impl FnMut(&mut Record, u64) -> T,
    ) -> Result<T> {
        match self {
            Store::Folder(folder) => folder.update(name, limits, change),
            Store::Shared(shared) => shared.update(name, limits, change),
        }
    }
}
