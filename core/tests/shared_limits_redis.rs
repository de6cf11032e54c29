//! The limits on a real `redis-server` (`click2dial.shared_state`), beside the state folder.
//!
//! Each test starts a Redis of its own (a Unix socket under the worktree's `.run/`, or a
//! loopback port of 35379-35399 for TCP and TLS), without persistence unless it tests a
//! restart, and stops it at the end. When `redis-server` is not installed the tests say so and
//! pass; `scripts/install-deps` installs it, so it is there wherever the suite runs.
//!
//! Worker processes (the concurrency and fork tests) are this test binary run again with
//! `C2D_REDIS_WORKER` set: each has its own connection, as php-fpm workers do.

use std::fs;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use click2dial_core::ratelimit::{admit, decide, Attempt, Limits, Outcome, Record, Request, Store};
use click2dial_core::sharedstate;
use click2dial_core::{DialString, Error, ErrorKind, Result, Settings};

#[path = "support/redis.rs"]
mod redis;

use redis::{private_dir, raw_command, redis_or_skip, run_dir, Listen, RedisServer, NEXT_PORT};

// ---------------------------------------------------------------------------------------------
// Settings and requests.

fn limits_settings(state: &Path, per_minute: u32, window_ms: u64, failed_logins: u32) -> Settings {
    Settings {
        rate_limit: per_minute,
        duplicate_window: Duration::from_millis(window_ms),
        failed_logins,
        state_dir: Some(state.to_owned()),
        ..Settings::default()
    }
}

fn on_redis(settings: &Settings, url: &str) -> Settings {
    Settings {
        shared_state: Some(url.to_owned()),
        ..settings.clone()
    }
}

fn number(text: &str) -> DialString {
    DialString::clean(text).unwrap()
}

/// A call through the limits, settled as accepted by the PBX.
fn call(settings: &Settings, account: &str, to: &str) -> Result<()> {
    let admission = admit(settings, account, Attempt::Call(&number(to)))?;
    admission.settle(&Ok(()));
    Ok(())
}

fn configuration_problem(result: Result<()>) -> String {
    let err = result.expect_err("refused");
    assert_eq!(err.kind(), ErrorKind::Configuration, "{err:?}");
    assert!(err.message().contains("nothing is sent"), "{err}");
    err.message().to_owned()
}

fn wait_of(result: &Result<()>) -> Option<u64> {
    match result {
        Err(err) => match err.kind() {
            ErrorKind::RateLimited { retry_after_secs } => Some(retry_after_secs),
            _ => None,
        },
        Ok(()) => None,
    }
}

fn folder_is_empty(folder: &Path) -> bool {
    fs::read_dir(folder).unwrap().next().is_none()
}

// ---------------------------------------------------------------------------------------------
// The same decisions on both stores.

/// One step of a scripted scenario, at a time of its own (so both stores see the same times).
#[derive(Clone, Copy)]
enum Step {
    Call { at: u64, number: u64 },
    Read { at: u64 },
    Settle(Outcome),
}

/// Runs `steps` through `store`, with the decision's own functions, and logs each answer and
/// the record after it.
fn run_scenario(store: &Store, name: &str, limits: &Limits, steps: &[Step]) -> Vec<String> {
    let mut log = Vec::new();
    let mut last_ticket = None;
    for step in steps {
        let line = match *step {
            Step::Call { at, number } => {
                let answer = store
                    .update(name, limits, |record, _now| {
                        decide::decide(record, at, limits, Request::Call { number })
                    })
                    .unwrap();
                if let Ok(ticket) = answer {
                    last_ticket = Some(ticket);
                }
                format!("call {number} at {at}: {answer:?}")
            }
            Step::Read { at } => {
                let answer = store
                    .update(name, limits, |record, _now| {
                        decide::decide(record, at, limits, Request::Read)
                    })
                    .unwrap();
                if let Ok(ticket) = answer {
                    last_ticket = Some(ticket);
                }
                format!("read at {at}: {answer:?}")
            }
            Step::Settle(outcome) => {
                let ticket = last_ticket.expect("a ticket to settle");
                store
                    .update(name, limits, |record, _now| {
                        decide::settle(record, &ticket, outcome)
                    })
                    .unwrap();
                format!("settle {outcome:?}")
            }
        };
        let record = store
            .update(name, limits, |record, _now| record.render())
            .unwrap();
        log.push(format!("{line} -> {record:?}"));
    }
    log
}

fn scenario() -> Vec<Step> {
    const T: u64 = 1_700_000_000_000;
    let mut steps = vec![
        // Three calls a minute, the same number within the window, and then the minute over.
        Step::Call { at: T, number: 1 },
        Step::Settle(Outcome::Accepted),
        Step::Call {
            at: T + 1_000,
            number: 1,
        },
        Step::Call {
            at: T + 1_500,
            number: 2,
        },
        Step::Settle(Outcome::NotSent),
        Step::Call {
            at: T + 2_000,
            number: 2,
        },
        Step::Settle(Outcome::Unknown),
        Step::Call {
            at: T + 3_000,
            number: 3,
        },
        Step::Settle(Outcome::Accepted),
        Step::Call {
            at: T + 4_200,
            number: 4,
        },
        Step::Call {
            at: T + 60_001,
            number: 4,
        },
        Step::Settle(Outcome::Accepted),
    ];
    // Failed sign-ins in a row, then the back-off.
    let mut at = T + 70_000;
    for _ in 0..2 {
        steps.push(Step::Read { at });
        steps.push(Step::Settle(Outcome::CredentialsRefused));
        at += 100;
    }
    steps.push(Step::Read { at });
    steps.push(Step::Read { at: at + 5_000 });
    steps.push(Step::Settle(Outcome::Accepted));
    steps
}

#[test]
fn the_same_scenario_gives_the_same_answers_and_records_on_both_stores() {
    let Some(binary) = redis_or_skip("same_scenario") else {
        return;
    };
    let redis = RedisServer::start(&binary, Listen::Socket, &[]);
    let state = private_dir();
    let limits = Limits {
        calls_per_minute: 3,
        duplicate_window_ms: 5_000,
        failed_logins: 2,
    };
    let folder_settings = limits_settings(state.path(), 3, 5_000, 2);
    let folder = Store::open(&folder_settings).unwrap();
    let shared = Store::open(&on_redis(&folder_settings, &redis.url())).unwrap();
    assert!(matches!(folder, Store::Folder(_)) && matches!(shared, Store::Shared(_)));
    let name = "00000000000000aa.calls";
    let steps = scenario();
    let on_folder = run_scenario(&folder, name, &limits, &steps);
    let on_redis = run_scenario(&shared, name, &limits, &steps);
    assert_eq!(on_folder, on_redis);
    // Not two empty logs that agree: the scenario meets every refusal.
    let all = on_redis.join("\n");
    for expected in [
        "SameNumber { window_ms: 5000, wait_secs: 4 }",
        "TooManyCalls { limit: 3, wait_secs: 57 }",
        "TooManyCalls { limit: 3, wait_secs: 56 }",
        "Guessing { failures: 2, wait_secs: 1 }",
    ] {
        assert!(all.contains(expected), "{expected} not in\n{all}");
    }
}

/// A refusal's message with its numbers blanked (the seconds may differ by the time between).
fn shape(result: &Result<()>) -> String {
    match result {
        Ok(()) => "admitted".to_owned(),
        Err(err) => format!(
            "{:?}: {}",
            std::mem::discriminant(&err.kind()),
            err.message()
        )
        .chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect(),
    }
}

#[test]
fn make_call_s_limits_refuse_alike_on_the_folder_and_on_redis() {
    let Some(binary) = redis_or_skip("refuse_alike") else {
        return;
    };
    let redis = RedisServer::start(&binary, Listen::Socket, &[]);
    let state = private_dir();
    let folder = limits_settings(state.path(), 2, 5_000, 5);
    let shared = on_redis(&folder, &redis.url());
    let run = |settings: &Settings| {
        let begun = Instant::now();
        let answers = vec![
            call(settings, "alice", "207"),
            call(settings, "Alice", "207"),
            call(settings, "alice", "208"),
            call(settings, "alice", "209"),
        ];
        (answers, begun.elapsed())
    };
    let (on_folder, folder_took) = run(&folder);
    let (on_redis, redis_took) = run(&shared);
    let shapes = |answers: &[Result<()>]| answers.iter().map(shape).collect::<Vec<_>>();
    assert_eq!(shapes(&on_folder), shapes(&on_redis));
    assert!(on_redis[0].is_ok() && on_redis[2].is_ok(), "{on_redis:?}");
    assert!(
        shape(&on_redis[1]).contains("called \"###\" less than"),
        "{on_redis:?}"
    );
    assert!(
        shape(&on_redis[3]).contains("click#dial.rate_limit"),
        "{on_redis:?}"
    );
    for refused in [1, 3] {
        let (a, b) = (wait_of(&on_folder[refused]), wait_of(&on_redis[refused]));
        let (a, b) = (a.expect("refused"), b.expect("refused"));
        // Each run reads the wait a little later into its own minute; the two can differ by
        // no more than the whole seconds the runs took.
        let slack = (folder_took + redis_took).as_secs() + 1;
        assert!(a.abs_diff(b) <= slack, "{a} s against {b} s");
    }
    assert!(
        !folder_is_empty(state.path()),
        "the folder run wrote its record"
    );
}

// ---------------------------------------------------------------------------------------------
// Several servers, several workers.

#[test]
fn two_servers_sharing_one_redis_share_the_limit_to_the_call() {
    let Some(binary) = redis_or_skip("two_servers") else {
        return;
    };
    let redis = RedisServer::start(&binary, Listen::Socket, &[]);
    let (state_one, state_two) = (private_dir(), private_dir());
    let one = limits_settings(state_one.path(), 5, 0, 5);
    let two = limits_settings(state_two.path(), 5, 0, 5);
    let admitted = |one: &Settings, two: &Settings| {
        (0..12)
            .filter(|i| {
                let server = if i % 2 == 0 { one } else { two };
                call(server, "bob", &format!("30{i:02}")).is_ok()
            })
            .count()
    };
    // Each with its own folder: each server gives a budget of its own.
    assert_eq!(admitted(&one, &two), 10);
    let (one, two) = (on_redis(&one, &redis.url()), on_redis(&two, &redis.url()));
    assert_eq!(admitted(&one, &two), 5, "one budget, to the call");
    let refused = call(&two, "bob", "3999");
    assert!(matches!(
        refused.as_ref().map_err(Error::kind),
        Err(ErrorKind::RateLimited { .. })
    ));
    // Another account is not touched by Bob's budget.
    assert!(call(&one, "carol", "3001").is_ok());
}

/// What a worker process does: `attempts` calls of `account` on `threads` threads; prints how
/// many were admitted. Not a test of its own (ignored): the tests below run it in processes.
#[test]
#[ignore = "a worker process of the concurrency and fork tests, run by them"]
fn worker_process() {
    let Ok(job) = std::env::var("C2D_REDIS_WORKER") else {
        return; // only run as a worker
    };
    let fields: Vec<&str> = job.split('|').collect();
    let [mode, url, state, account, attempts, threads] = fields[..] else {
        panic!("bad job {job}");
    };
    let settings = on_redis(&limits_settings(Path::new(state), 25, 0, 5), url);
    match mode {
        "calls" => {
            wait_for_go(Path::new(state));
            let attempts: usize = attempts.parse().unwrap();
            let threads: usize = threads.parse().unwrap();
            let admitted: usize = std::thread::scope(|scope| {
                let handles: Vec<_> = (0..threads)
                    .map(|t| {
                        let settings = &settings;
                        scope.spawn(move || {
                            (0..attempts)
                                .filter(|i| {
                                    let to = format!("4{}{t}{i:03}", std::process::id() % 1000);
                                    match call(settings, account, &to) {
                                        Ok(()) => true,
                                        Err(err) => {
                                            assert!(
                                                matches!(err.kind(), ErrorKind::RateLimited { .. }),
                                                "{err:?}"
                                            );
                                            false
                                        }
                                    }
                                })
                                .count()
                        })
                    })
                    .collect();
                handles.into_iter().map(|h| h.join().unwrap()).sum()
            });
            println!("\nworker: admitted {admitted}");
        }
        "fork" => fork_worker(&settings, account),
        other => panic!("unknown mode {other}"),
    }
}

/// Waits until the test has started every worker (the file `go` in the state folder), so that
/// they race from the start rather than one after the other.
fn wait_for_go(state: &Path) {
    let begun = Instant::now();
    while !state.join("go").exists() {
        assert!(begun.elapsed() < Duration::from_secs(60), "no go");
        std::thread::sleep(Duration::from_millis(1));
    }
}

/// Makes a connection, forks, and has the child call on a connection of its own while the
/// parent keeps its own.
fn fork_worker(settings: &Settings, account: &str) {
    call(settings, account, "501").unwrap();
    let made = sharedstate::connections_made();
    // SAFETY: the worker runs one test on the main thread (--test-threads=1), so no other
    // thread holds a lock the child would inherit; the child exits with _exit.
    let pid = unsafe { libc::fork() };
    assert!(pid >= 0, "fork failed");
    if pid == 0 {
        let ok =
            call(settings, account, "502").is_ok() && sharedstate::connections_made() == made + 1;
        // SAFETY: ends the child without running the parent's exit handlers twice.
        unsafe { libc::_exit(if ok { 0 } else { 1 }) };
    }
    let mut status = 0;
    // SAFETY: waits for the child just forked.
    unsafe { libc::waitpid(pid, &mut status, 0) };
    let child_ok = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    call(settings, account, "503").unwrap();
    let parent_kept = sharedstate::connections_made() == made;
    println!("\nworker: fork child_ok={child_ok} parent_kept={parent_kept}");
}

fn spawn_worker(job: &str) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "worker_process",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("C2D_REDIS_WORKER", job)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn worker_line(child: Child, prefix: &str) -> String {
    let output = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "worker failed: {stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
        .lines()
        .find_map(|line| line.split_once(prefix).map(|(_, rest)| rest))
        .unwrap_or_else(|| panic!("no {prefix:?} in {stdout}"))
        .trim()
        .to_owned()
}

#[test]
fn workers_in_several_processes_and_threads_admit_every_allowed_call_exactly_once() {
    let Some(binary) = redis_or_skip("concurrency") else {
        return;
    };
    let redis = RedisServer::start(&binary, Listen::Socket, &[]);
    let state = private_dir();
    let url = redis.url();
    // Four processes of three threads, 15 attempts each: 180 calls race for 25.
    let workers: Vec<Child> = (0..4)
        .map(|_| spawn_worker(&format!("calls|{url}|{}|dave|15|3", state.path().display())))
        .collect();
    fs::write(state.path().join("go"), "").unwrap();
    let admitted: usize = workers
        .into_iter()
        .map(|child| {
            worker_line(child, "worker: admitted ")
                .parse::<usize>()
                .unwrap()
        })
        .sum();
    assert_eq!(admitted, 25, "the limit, exactly");
    // Each admitted call is in the record once: as many as admitted, no more.
    let settings = on_redis(&limits_settings(state.path(), 25, 0, 5), &url);
    let store = Store::open(&settings).unwrap();
    let limits = Limits::of(&settings);
    let calls = store
        .update(&record_name("dave"), &limits, |record: &mut Record, _| {
            record.calls.len()
        })
        .unwrap();
    assert_eq!(calls, 25);
    fs::remove_file(state.path().join("go")).unwrap();
    assert!(folder_is_empty(state.path()), "nothing in the folder");
}

/// The record name `ratelimit` gives an account (its FNV-1a hash), for reading it back.
fn record_name(account: &str) -> String {
    let hash = account
        .to_ascii_lowercase()
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, b| {
            (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    format!("{hash:016x}.calls")
}

#[test]
fn a_forked_child_makes_its_own_connection_and_the_parent_keeps_its_own() {
    let Some(binary) = redis_or_skip("fork") else {
        return;
    };
    let redis = RedisServer::start(&binary, Listen::Socket, &[]);
    let state = private_dir();
    let worker = spawn_worker(&format!(
        "fork|{}|{}|erin|0|0",
        redis.url(),
        state.path().display()
    ));
    assert_eq!(
        worker_line(worker, "worker: fork "),
        "child_ok=true parent_kept=true"
    );
}

// ---------------------------------------------------------------------------------------------
// Redis going away, coming back, restarting.

#[test]
fn redis_stopped_mid_run_refuses_calls_and_they_pass_again_when_it_is_back() {
    let Some(binary) = redis_or_skip("stopped") else {
        return;
    };
    let mut redis = RedisServer::start(&binary, Listen::Socket, &[]);
    let state = private_dir();
    let settings = on_redis(&limits_settings(state.path(), 6, 5_000, 5), &redis.url());
    assert!(call(&settings, "frank", "601").is_ok());
    redis.stop();
    for to in ["602", "603"] {
        let message = configuration_problem(call(&settings, "frank", to));
        assert!(message.contains("click2dial.shared_state"), "{message}");
        assert!(message.contains("cannot be reached"), "{message}");
    }
    assert!(
        folder_is_empty(state.path()),
        "no falling back to the folder"
    );
    redis.run();
    assert!(call(&settings, "frank", "604").is_ok());
}

#[test]
fn a_restart_with_persistence_loses_nothing_that_must_last() {
    let Some(binary) = redis_or_skip("restart") else {
        return;
    };
    let mut redis = RedisServer::start(
        &binary,
        Listen::Socket,
        &["--appendonly", "yes", "--appendfsync", "always"],
    );
    let state = private_dir();
    let settings = on_redis(&limits_settings(state.path(), 3, 5_000, 2), &redis.url());
    for to in ["701", "702", "703"] {
        call(&settings, "grace", to).unwrap();
    }
    for _ in 0..2 {
        let admission = admit(&settings, "heidi", Attempt::ReadCalls).unwrap();
        admission.settle(&Err::<(), _>(Error::new(
            ErrorKind::Authentication { status: 401 },
            "wrong PIN",
        )));
    }
    // A crash, not a clean stop: with appendfsync always, what was acknowledged is on disk.
    redis.crash();
    redis.run();
    let refused = call(&settings, "grace", "704");
    assert!(
        matches!(wait_of(&refused), Some(1..=60)),
        "the minute's calls survived: {refused:?}"
    );
    let guessing = admit(&settings, "heidi", Attempt::ReadCalls).map(|_| ());
    let err = guessing.expect_err("the failures survived");
    assert!(err.message().contains("failed to sign in"), "{err}");
    // And another number after the window is not held against anyone who has budget left.
    assert!(call(&settings, "ivan", "701").is_ok());
}

#[test]
fn keys_expire_by_themselves_and_name_no_login() {
    let Some(binary) = redis_or_skip("expiry") else {
        return;
    };
    let redis = RedisServer::start(&binary, Listen::Socket, &[]);
    let state = private_dir();
    let settings = on_redis(&limits_settings(state.path(), 6, 5_000, 5), &redis.url());
    call(&settings, "judy.secret-login", "801").unwrap();
    let keys = raw_command(&redis, &["KEYS", "*"]);
    assert!(!keys.contains("judy"), "{keys}");
    let name = record_name("judy.secret-login");
    assert!(keys.contains(&name), "{keys}");
    let ttl = raw_command(&redis, &["PTTL", &format!("click2dial:limits:{name}")]);
    let ttl: i64 = ttl.trim().trim_start_matches(':').parse().unwrap();
    let longest = Limits::of(&settings).longest_window_ms() as i64;
    assert!(ttl > 0 && ttl <= longest, "{ttl} ms of at most {longest}");
}

// ---------------------------------------------------------------------------------------------
// TLS, passwords, and what is not Redis.

/// A private CA and a certificate for the name localhost (not for 127.0.0.1) signed by it, and
/// another CA, made with openssl.
fn make_certs(dir: &Path) {
    let openssl = |args: &[&str]| {
        let status = Command::new("openssl")
            .args(args)
            .current_dir(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("openssl runs");
        assert!(status.success(), "openssl {args:?}");
    };
    for (ca, subject) in [
        ("ca", "/CN=click2dial test Redis CA"),
        ("other-ca", "/CN=Another CA"),
    ] {
        openssl(&[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            subject,
            "-keyout",
            &format!("{ca}.key"),
            "-out",
            &format!("{ca}.pem"),
        ]);
    }
    openssl(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=localhost",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
    ]);
    fs::write(
        dir.join("san.ext"),
        "subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\n",
    )
    .unwrap();
    openssl(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        "san.ext",
        "-out",
        "server.pem",
    ]);
}

#[test]
fn rediss_is_verified_against_the_administrator_s_ca() {
    let Some(binary) = redis_or_skip("rediss") else {
        return;
    };
    let certs = tempfile::Builder::new()
        .prefix("certs-")
        .tempdir_in(run_dir())
        .unwrap();
    make_certs(certs.path());
    let port = NEXT_PORT.fetch_add(1, Ordering::Relaxed);
    let redis = RedisServer::start(
        &binary,
        Listen::Tls {
            port,
            certs: certs.path().to_owned(),
        },
        &[],
    );
    let state = private_dir();
    let base = on_redis(&limits_settings(state.path(), 6, 5_000, 5), &redis.url());
    let ca = certs.path().join("ca.pem");
    let other = certs.path().join("other-ca.pem");
    let own_ca = Settings {
        shared_state_ca_file: Some(ca.clone()),
        ca_file: Some(other.clone()),
        ..base.clone()
    };
    assert!(call(&own_ca, "kim", "901").is_ok());
    let ca_file = Settings {
        ca_file: Some(ca.clone()),
        ..base.clone()
    };
    assert!(call(&ca_file, "kim", "902").is_ok());
    let wrong_ca = Settings {
        shared_state_ca_file: Some(other),
        ..base.clone()
    };
    let message = configuration_problem(call(&wrong_ca, "kim", "903"));
    assert!(message.contains("TLS handshake"), "{message}");
    assert!(
        message.contains("click2dial.shared_state_ca_file"),
        "{message}"
    );
    let wrong_name = Settings {
        shared_state: Some(format!("rediss://127.0.0.1:{port}/0")),
        ..own_ca.clone()
    };
    configuration_problem(call(&wrong_name, "kim", "904"));
    let plain = Settings {
        shared_state: Some(format!("redis://127.0.0.1:{port}/0")),
        connect_timeout: Duration::from_millis(500),
        ..own_ca
    };
    configuration_problem(call(&plain, "kim", "905"));
}

fn password_file(dir: &Path, text: &str, mode: u32) -> PathBuf {
    let path = dir.join(format!("password-{mode:o}-{}", text.len()));
    fs::write(&path, text).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(mode)).unwrap();
    path
}

#[test]
fn the_password_comes_from_its_file_and_a_wrong_one_is_not_repeated() {
    let Some(binary) = redis_or_skip("password") else {
        return;
    };
    let port = NEXT_PORT.fetch_add(1, Ordering::Relaxed);
    let redis = RedisServer::start(
        &binary,
        Listen::Tcp(port),
        &["--requirepass", "Right-Pa55/word"],
    );
    let state = private_dir();
    let base = on_redis(&limits_settings(state.path(), 6, 5_000, 5), &redis.url());
    let with_file = |path: PathBuf| Settings {
        shared_state_password_file: Some(path),
        ..base.clone()
    };
    let right = password_file(state.path(), "Right-Pa55/word\n", 0o640);
    assert!(call(&with_file(right), "leo", "1001").is_ok());
    let wrong = password_file(state.path(), "Wrong-Pa55/word", 0o600);
    let message = configuration_problem(call(&with_file(wrong.clone()), "leo", "1002"));
    assert!(message.contains("refused the password"), "{message}");
    assert!(message.contains(&wrong.display().to_string()), "{message}");
    for secret in ["Pa55", "Right", "Wrong"] {
        assert!(!message.contains(secret), "{message}");
    }
    let readable = password_file(state.path(), "Right-Pa55/word", 0o644);
    let message = configuration_problem(call(&with_file(readable), "leo", "1003"));
    assert!(message.contains("mode 0644"), "{message}");
    assert!(!message.contains("Pa55"), "{message}");
    let message = configuration_problem(call(&base, "leo", "1004"));
    assert!(message.contains("NOAUTH"), "{message}");
    let in_url = Settings {
        shared_state: Some(format!("redis://:Right-Pa55/word@127.0.0.1:{port}/0")),
        ..base
    };
    let err = call(&in_url, "leo", "1005").expect_err("refused");
    assert_eq!(err.kind(), ErrorKind::Configuration);
    assert!(err.message().contains("user name or password"), "{err}");
    assert!(!err.message().contains("Pa55"), "{err}");
}

/// A loopback server that answers every connection with `answer` (or nothing, holding it open).
fn impostor(answer: &'static [u8]) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming().flatten() {
            let mut stream: TcpStream = stream;
            let mut request = [0u8; 1024];
            let _ = stream.read(&mut request);
            let _ = stream.write_all(answer);
            held.push(stream);
        }
    });
    port
}

#[test]
fn something_that_is_not_redis_or_does_not_answer_refuses_the_call() {
    let Some(_) = redis_or_skip("impostor") else {
        return;
    };
    let state = private_dir();
    let base = limits_settings(state.path(), 6, 5_000, 5);
    let http = impostor(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
    let settings = Settings {
        shared_state: Some(format!("redis://127.0.0.1:{http}/0")),
        ..base.clone()
    };
    let message = configuration_problem(call(&settings, "mia", "1101"));
    assert!(message.contains("answered wrongly"), "{message}");
    let silent = impostor(b"");
    let settings = Settings {
        shared_state: Some(format!("redis://127.0.0.1:{silent}/0")),
        connect_timeout: Duration::from_millis(300),
        ..base.clone()
    };
    let message = configuration_problem(call(&settings, "mia", "1102"));
    assert!(message.contains("cannot be reached"), "{message}");
    let wrong_reply = impostor(b"$3\r\nabc\r\n:1\r\n");
    let settings = Settings {
        shared_state: Some(format!("redis://127.0.0.1:{wrong_reply}/0")),
        ..base
    };
    let message = configuration_problem(call(&settings, "mia", "1103"));
    assert!(message.contains("answered wrongly"), "{message}");
    assert!(folder_is_empty(state.path()));
}

#[test]
fn without_a_shared_state_the_folder_keeps_the_limits_as_before() {
    let state = private_dir();
    let settings = limits_settings(state.path(), 6, 5_000, 5);
    assert!(matches!(Store::open(&settings).unwrap(), Store::Folder(_)));
    let blank = Settings {
        shared_state: Some("  ".to_owned()),
        ..settings
    };
    assert!(matches!(Store::open(&blank).unwrap(), Store::Folder(_)));
    call(&blank, "nina", "1201").unwrap();
    assert!(!folder_is_empty(state.path()));
}

/// How many keys database `db` of the test's Redis holds.
fn dbsize(redis: &RedisServer, db: u32) -> u64 {
    let mut stream = std::os::unix::net::UnixStream::connect(redis.socket()).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(stream, "SELECT {db}\r\nDBSIZE\r\n").unwrap();
    let mut text = String::new();
    let mut buf = [0u8; 256];
    while text.matches("\r\n").count() < 2 {
        let n = stream.read(&mut buf).unwrap();
        assert!(n > 0, "closed after {text:?}");
        text.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    let size = text.split("\r\n").nth(1).unwrap();
    size.trim_start_matches(':').parse().unwrap()
}

#[test]
fn the_database_of_the_url_holds_the_limits() {
    let Some(binary) = redis_or_skip("database") else {
        return;
    };
    let redis = RedisServer::start(&binary, Listen::Socket, &[]);
    let state = private_dir();
    let url = format!("{}?db=5", redis.url());
    let settings = on_redis(&limits_settings(state.path(), 6, 5_000, 5), &url);
    call(&settings, "olga", "1301").unwrap();
    assert_eq!((dbsize(&redis, 0), dbsize(&redis, 5)), (0, 1));
    let missing = on_redis(&settings, &format!("{}?db=99", redis.url()));
    let message = configuration_problem(call(&missing, "olga", "1302"));
    assert!(message.contains("SELECT 99"), "{message}");
}

#[test]
fn a_password_for_a_redis_that_has_none_is_named_as_such() {
    let Some(binary) = redis_or_skip("no_requirepass") else {
        return;
    };
    let redis = RedisServer::start(&binary, Listen::Socket, &[]);
    let state = private_dir();
    let file = password_file(state.path(), "Unneeded-Pa55", 0o600);
    let settings = Settings {
        shared_state_password_file: Some(file),
        ..on_redis(&limits_settings(state.path(), 6, 5_000, 5), &redis.url())
    };
    let message = configuration_problem(call(&settings, "pia", "1401"));
    assert!(message.contains("asks for no password"), "{message}");
    assert!(!message.contains("Pa55"), "{message}");
}
