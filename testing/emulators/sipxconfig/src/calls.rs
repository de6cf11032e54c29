//! The record of accepted calls: appended, one JSON object per line, to `calls.jsonl` so a test
//! can read it straight after the response. The file is the only copy, so a benchmark of
//! millions of calls costs disk, not memory.
//!
//! What a call does after it is accepted (ringing, connected, ended) is in `lives`, not here:
//! the record is what the PBX was asked, the life what the call resolver would report.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;

use serde::Serialize;

/// One line of `calls.jsonl`: the call as asked, with its number and time.
#[derive(Clone, Debug, Serialize)]
pub struct CallRecord {
    /// The line number in `calls.jsonl`, from 1.
    pub seq: u64,
    pub time: String,
    #[serde(flatten)]
    pub call: NewCall,
}

/// The fields of a call known before it gets its number and time.
#[derive(Clone, Debug, Serialize)]
pub struct NewCall {
    /// The canonical user name, whatever name was used to log in.
    pub user: String,
    pub login: String,
    pub auth: &'static str,
    pub from: String,
    pub to: String,
    pub dialed: String,
    pub path: String,
}

pub struct CallLog {
    path: PathBuf,
    inner: Mutex<Inner>,
}

struct Inner {
    next_seq: u64,
    file: File,
}

impl CallLog {
    /// Starts an empty log, truncating any file left by an earlier run.
    pub fn create(path: PathBuf) -> Result<CallLog, String> {
        let file = open_truncated(&path)?;
        Ok(CallLog {
            path,
            inner: Mutex::new(Inner { next_seq: 1, file }),
        })
    }

    pub fn record(&self, call: NewCall, time: String) -> Result<CallRecord, String> {
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let record = CallRecord {
            seq: inner.next_seq,
            time,
            call,
        };
        let mut line = serde_json::to_vec(&record).map_err(|e| e.to_string())?;
        line.push(b'\n');
        // One unbuffered write per line: the line is in the file before the 200 goes out.
        inner
            .file
            .write_all(&line)
            .map_err(|e| format!("cannot append to {}: {e}", self.path.display()))?;
        inner.next_seq += 1;
        Ok(record)
    }

    /// Every recorded call, oldest first, as the JSON objects of `calls.jsonl`.
    pub fn all(&self) -> Result<Vec<serde_json::Value>, String> {
        // Holding the lock means no line is half written while we read.
        let _inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let text = std::fs::read_to_string(&self.path)
            .map_err(|e| format!("cannot read {}: {e}", self.path.display()))?;
        text.lines()
            .map(|line| {
                serde_json::from_str(line)
                    .map_err(|e| format!("bad line in {}: {e}", self.path.display()))
            })
            .collect()
    }

    /// Forgets every call and empties the file; numbering starts again at 1 so that `seq`
    /// stays the line number in `calls.jsonl`.
    pub fn clear(&self) -> Result<(), String> {
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        inner.file = open_truncated(&self.path)?;
        inner.next_seq = 1;
        Ok(())
    }
}

fn open_truncated(path: &PathBuf) -> Result<File, String> {
    // Append mode on a truncated file, so a reader never sees a torn line at an old offset.
    File::create(path)
        .and_then(|_| OpenOptions::new().append(true).open(path))
        .map_err(|e| format!("cannot create {}: {e}", path.display()))
}
