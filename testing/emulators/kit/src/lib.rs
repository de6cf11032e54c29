/*!
What click2dial's PBX emulators (`testing/emulators/sipxconfig/`, `testing/emulators/clicktocall/`)
share, so that each emulator's own code is only what its PBX does:

* [`cli`]: `--flag VALUE` and `--flag=VALUE` arguments, and loopback-only listen addresses;
* [`process`]: `main` around an async `run`: usage and exit codes, the runtime, the signal that
  ends it;
* [`state_dir`]: the folder a test reads (`listen.json`, then `ready`), emptied of an earlier
  run's files first;
* [`fault`]: a fault switch the control API sets, for a number of requests or until changed;
* [`clock`]: milliseconds since the epoch and RFC 3339 dates, without a date crate;
* [`log`]: one line per event for a person watching.
*/

pub mod cli;
pub mod clock;
pub mod fault;
pub mod log;
pub mod process;
pub mod state_dir;
