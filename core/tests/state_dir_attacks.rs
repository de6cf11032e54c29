//! Another local account against the state folder of the limits, through `make_call` alone: a
//! folder that is a link, that others may write to or that another user owns, and a record
//! replaced by a link or blown up. Each is refused before anything is sent, and a file the link
//! points to is left as it was.
//!
//! The server is a port nobody listens on: a call the limits let through fails as unreachable,
//! one they refuse fails as a configuration problem.

use std::fs;
use std::net::TcpListener;
use std::os::unix::fs::{symlink, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use click2dial_core::{make_call, Error, ErrorKind, Secret, Settings};

fn closed_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn settings(state: &Path) -> Settings {
    Settings {
        server: format!("http://127.0.0.1:{}", closed_port()),
        allow_http: true,
        rate_limit: 6,
        duplicate_window: Duration::from_millis(5000),
        state_dir: Some(state.to_owned()),
        ..Settings::default()
    }
}

fn call(state: &Path, to: &str) -> Result<(), Error> {
    make_call(&settings(state), to, "206", Some(&Secret::from("0000"))).map(|_| ())
}

fn refused_for(state: &Path, problem: &str) {
    let err = call(state, "207").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Configuration, "{err:?}");
    assert!(err.message().contains(problem), "{err}");
    assert!(err.message().contains("nothing is sent"), "{err}");
}

fn private_dir(path: &Path) {
    fs::create_dir_all(path).unwrap();
    fs::set_permissions(path, fs::Permissions::from_mode(0o700)).unwrap();
}

fn effective_uid() -> u32 {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() }
}

/// The one record a first call leaves in `state`.
fn the_record(state: &Path) -> PathBuf {
    assert_eq!(
        call(state, "208").unwrap_err().kind(),
        ErrorKind::PbxUnreachable
    );
    let records: Vec<PathBuf> = fs::read_dir(state)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    assert_eq!(records.len(), 1, "{records:?}");
    records[0].clone()
}

#[test]
fn a_state_dir_that_is_a_symlink_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real");
    private_dir(&real);
    let link = dir.path().join("link");
    symlink(&real, &link).unwrap();
    refused_for(&link, "it is a symbolic link");
    assert_eq!(fs::read_dir(&real).unwrap().count(), 0, "nothing written");
}

#[test]
fn a_state_dir_others_may_write_to_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for mode in [0o777, 0o1777, 0o720] {
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(mode)).unwrap();
        refused_for(dir.path(), "other users may write to it");
    }
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(
        call(dir.path(), "207").unwrap_err().kind(),
        ErrorKind::PbxUnreachable,
        "readable by others is fine: records are 0600"
    );
}

#[test]
fn a_state_dir_owned_by_another_user_is_refused() {
    // As root, a folder given to nobody (65534); as anyone else, `/`, which root owns.
    let dir = tempfile::tempdir().unwrap();
    let folder = if effective_uid() == 0 {
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700)).unwrap();
        std::os::unix::fs::chown(dir.path(), Some(65534), Some(65534)).unwrap();
        dir.path().to_owned()
    } else {
        PathBuf::from("/")
    };
    refused_for(&folder, "it is owned by uid");
}

#[test]
fn a_record_replaced_by_a_symlink_is_refused_and_its_target_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    private_dir(&state);
    let record = the_record(&state);
    let victim = dir.path().join("victim.conf");
    fs::write(&victim, "the web server's own file\n").unwrap();
    fs::remove_file(&record).unwrap();
    symlink(&victim, &record).unwrap();
    refused_for(&state, "is a symbolic link");
    assert_eq!(
        fs::read_to_string(&victim).unwrap(),
        "the web server's own file\n"
    );
}

#[test]
fn an_oversized_record_is_refused_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    private_dir(&state);
    let record = the_record(&state);
    fs::write(&record, "a 1\n".repeat(100_000)).unwrap();
    refused_for(&state, "is larger than 256 KiB");
}
