//! The follower: a process of its own that reads a clicktocall call's XML results after the PHP
//! request that placed it has returned, and keeps the call's record (`status`) up to date.
//!
//! No PHP request waits for a whole call (the server may take 180 s per leg, or never finish),
//! and the follower must outlive the process that placed the call: a CLI script exits, php-fpm
//! recycles its workers. So `make_call` forks twice: the first child starts a new session and
//! exits at once (the PHP process reaps it, and is left with no child of its own), the second,
//! reparented to init, reads the call's connection until its final result or the follow
//! time-out, writes the record after each result, and ends with `_exit` (no PHP or Rust
//! clean-up of the parent's runs in it).
//!
//! Safe after fork: the PHP processes this runs in (CLI, php-fpm, Apache prefork) have one
//! thread; the child uses only the heap (glibc's malloc locks its arenas around `fork`), the
//! call's socket, and the state folder or a Redis connection of its own, opened anew (never the
//! parent's kept connection, nor the lock around it, which another thread of a threaded
//! process may have held at the fork). Before anything else it closes every other
//! descriptor it inherited (php-fpm's listening socket, the FastCGI connection, files), points
//! standard input and output at `/dev/null`, and puts the signals PHP handles back to their
//! defaults, so it can hold up nothing of the web server's and no PHP handler runs in it.

use std::time::{Duration, Instant};

use crate::clicktocall::state::Ending;
use crate::clicktocall::xml::XmlCall;
use crate::error::{Error, ErrorKind, Result};
use crate::status::store::LEASE_RENEWED_EVERY;
use crate::status::{now_ms, CallLog};

/// Starts following `call` in a detached process and returns at once. The record is written
/// once before the fork, so that a `callStatus` right after `makeCall` finds it.
pub(crate) fn follow_detached(call: XmlCall, log: &mut CallLog, timeout: Duration) -> Result<()> {
    log.record.followed = true;
    log.record.placed_at_ms = call.requested_at_ms();
    log.record.seen = call.seen().to_vec();
    log.record.deadline_ms = log.record.placed_at_ms + timeout.as_millis() as u64;
    log.write_new()?;
    let socket = std::os::fd::AsRawFd::as_raw_fd(call.stream());
    // SAFETY: fork has no preconditions; each branch below keeps to what is safe after it.
    match unsafe { libc::fork() } {
        -1 => {
            log.record.followed = false;
            Err(Error::new(
                ErrorKind::Internal,
                format!(
                    "the call was placed but cannot be followed: fork failed ({})",
                    std::io::Error::last_os_error()
                ),
            ))
        }
        0 => {
            // The first child: a new session, then the follower, then gone.
            // SAFETY: setsid and fork have no preconditions; _exit ends this child at once.
            unsafe {
                libc::setsid();
                if libc::fork() == 0 {
                    detach(socket);
                    log.use_own_store();
                    follow(call, log, timeout);
                    libc::_exit(0);
                }
                libc::_exit(0);
            }
        }
        child => {
            let mut status = 0;
            // SAFETY: `child` is this process's own child, which exits at once.
            unsafe { libc::waitpid(child, &mut status, 0) };
            // This process's copy of the connection closes here; the follower keeps its own.
            drop(call);
            Ok(())
        }
    }
}

/// Reads results until the final one, the time-out or a lost connection, writing the record
/// after each, and renewing its lease while the server says nothing. Write failures are
/// ignored: there is nobody to tell, and `callStatus` then reads the follower as gone.
fn follow(mut call: XmlCall, log: &mut CallLog, timeout: Duration) {
    log.record.follower = Some(std::process::id());
    let _ = log.write_as_follower();
    let left = Duration::from_millis(log.record.deadline_ms.saturating_sub(now_ms()));
    let deadline = Instant::now() + left.min(timeout);
    loop {
        let renewal = (Instant::now() + LEASE_RENEWED_EVERY).min(deadline);
        match call.next_result(renewal) {
            Ok(Some(seen)) => {
                let last = seen.event.is_final();
                log.record.seen.push(seen);
                let _ = log.write_as_follower();
                if last {
                    return;
                }
            }
            Ok(None) if Instant::now() < deadline => {
                let _ = log.renew_lease();
            }
            Ok(None) => {
                log.record.ending = Ending::TimedOut { at_ms: now_ms() };
                let _ = log.write_as_follower();
                return;
            }
            Err(_) => {
                log.record.ending = Ending::ReaderGone { at_ms: now_ms() };
                let _ = log.write_as_follower();
                return;
            }
        }
    }
}

/// Lets go of everything the follower inherited but the call's `socket`.
fn detach(socket: libc::c_int) {
    // SAFETY: only descriptors and signal dispositions of this process are changed; the
    // socket is kept, everything else from 3 up is closed, 0-2 become /dev/null.
    unsafe {
        close_all_but(socket);
        let null = libc::open(c"/dev/null".as_ptr(), libc::O_RDWR | libc::O_CLOEXEC);
        if null >= 0 {
            for fd in 0..3 {
                libc::dup2(null, fd);
            }
            if null > 2 && null != socket {
                libc::close(null);
            }
        }
        for signal in [
            libc::SIGTERM,
            libc::SIGINT,
            libc::SIGHUP,
            libc::SIGQUIT,
            libc::SIGUSR1,
            libc::SIGUSR2,
            libc::SIGALRM,
            libc::SIGCHLD,
        ] {
            libc::signal(signal, libc::SIG_DFL);
        }
        // A write to a connection the server closed is an error to handle, not a death.
        libc::signal(libc::SIGPIPE, libc::SIG_IGN);
        let mut all: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut all);
        libc::sigprocmask(libc::SIG_SETMASK, &all, std::ptr::null_mut());
    }
}

/// Closes every descriptor from 3 up but `keep`.
///
/// # Safety
/// Nothing else in the process may be using the descriptors closed.
unsafe fn close_all_but(keep: libc::c_int) {
    let close_range = |low: libc::c_uint, high: libc::c_uint| {
        low > high || libc::syscall(libc::SYS_close_range, low, high, 0) == 0
    };
    let keep_u = keep as libc::c_uint;
    let done =
        keep >= 3 && close_range(3, keep_u - 1) && close_range(keep_u + 1, libc::c_uint::MAX);
    if !done {
        let mut limit: libc::rlimit = std::mem::zeroed();
        let top = if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 {
            limit.rlim_cur.min(65_536) as libc::c_int
        } else {
            1024
        };
        for fd in 3..top {
            if fd != keep {
                libc::close(fd);
            }
        }
    }
}
