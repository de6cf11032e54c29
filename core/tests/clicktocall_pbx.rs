//! `make_call` with `click2dial.pbx = clicktocall`, against the clicktocall emulator: calls
//! through the HTTP and the XML interface, each refusal the server words only in text, its
//! authentication on and off, the password file's permissions, no per-user password, and the
//! limits still applied. Ports 31600-31699, three per test (`support/clicktocall.rs`).

#[path = "support/clicktocall.rs"]
mod emulator;

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use click2dial_core::{make_call, CredentialSource, ErrorKind, PbxKind, Secret, Settings};
use emulator::{config, Emulator};

/// The settings of a site on this emulator: the HTTP interface, the XML one when `xml`, the
/// initiator template `{extension}` (so the login's extension is what the server translates),
/// and the limits in a folder of the test's own.
fn site(emulator: &Emulator, xml: bool, state: &Path) -> Settings {
    Settings {
        pbx: PbxKind::ClickToCall,
        server: format!("http://127.0.0.1:{}", emulator.http),
        allow_http: true,
        clicktocall_xml: xml.then(|| format!("127.0.0.1:{}", emulator.xml)),
        clicktocall_initiator: "{extension}".to_owned(),
        state_dir: Some(state.to_owned()),
        duplicate_window: std::time::Duration::ZERO,
        ..Settings::default()
    }
}

fn state_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    dir
}

fn password_file(dir: &Path, text: &str, mode: u32) -> std::path::PathBuf {
    let path = dir.join("clicktocall.pwd");
    let mut file = std::fs::File::create(&path).unwrap();
    file.write_all(text.as_bytes()).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    path
}

#[test]
fn a_call_through_the_http_interface_is_accepted_with_the_translated_addresses() {
    let emulator = Emulator::start(31600, &config(0.001, None, 60));
    let state = state_dir();
    let placed = make_call(&site(&emulator, false, state.path()), "2102", "2101", None).unwrap();
    assert_eq!(placed.pbx, PbxKind::ClickToCall);
    assert_eq!(placed.status, 200);
    assert_eq!(placed.account, "2101");
    assert_eq!(placed.dialed.as_str(), "2102");
    assert_eq!(
        placed.translated_initiator.as_deref(),
        Some("sip:2101@127.0.0.1:57421")
    );
    assert_eq!(
        placed.translated_destination.as_deref(),
        Some("sip:2102@127.0.0.1:57421")
    );
    let calls = emulator.calls();
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0]["interface"], "http");
    assert_eq!(calls[0]["initiator"], "2101");
    assert_eq!(calls[0]["destination"], "2102");
    assert_eq!(
        calls[0]["anchor"], true,
        "click2dial.clicktocall_anchor is 1"
    );
}

#[test]
fn a_call_through_the_xml_interface_is_accepted_on_its_100() {
    let emulator = Emulator::start(31603, &config(0.001, None, 60));
    let state = state_dir();
    let mut settings = site(&emulator, true, state.path());
    settings.clicktocall_anchor = false;
    let placed = make_call(&settings, "2104", "2103", None).unwrap();
    assert_eq!(placed.status, 100);
    assert_eq!(
        placed.translated_initiator.as_deref(),
        Some("sip:2103@127.0.0.1:57421")
    );
    assert_eq!(
        placed.translated_destination.as_deref(),
        Some("sip:2104@127.0.0.1:57421")
    );
    let calls = emulator.calls();
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0]["interface"], "xml");
    assert_eq!(calls[0]["anchor"], false);
}

#[test]
fn no_password_is_asked_for_or_needed() {
    // Stored credentials with no store at all: sipXconfig could not place this call.
    let emulator = Emulator::start(31606, &config(0.001, None, 60));
    let state = state_dir();
    let settings = Settings {
        credentials: CredentialSource::Stored,
        credential_dir: None,
        ..site(&emulator, false, state.path())
    };
    assert!(make_call(&settings, "2106", "2105", None).is_ok());
    // A password given is not sent anywhere: the server trusts the site.
    let given = Secret::from("1234");
    assert!(make_call(&settings, "2107", "2105", Some(&given)).is_ok());
    assert_eq!(emulator.calls().len(), 2);
}

/// Each refusal the server words only in its text, through both interfaces: a
/// `PbxRejected` with code 400 and the server's words, and no call placed.
#[test]
fn each_refusal_is_pbx_rejected_400_with_the_servers_words() {
    let emulator = Emulator::start(31609, &config(0.001, None, 60));
    let state = state_dir();
    let directory = state.path().join("users.csv");
    std::fs::write(
        &directory,
        "login,extension,sip_uri\nnorule,9001,\nbaduri,2110,bad\n",
    )
    .unwrap();
    for xml in [false, true] {
        let settings = Settings {
            directory: Some(directory.clone()),
            ..site(&emulator, xml, state.path())
        };
        for (login, words) in [
            (
                "norule",
                "No translation rule for either initiator 9001 or destination 2111",
            ),
            (
                "baduri",
                "Invalid URI format in initiator sip:%zz@127.0.0.1",
            ),
        ] {
            let err = make_call(&settings, "2111", login, None).unwrap_err();
            assert_eq!(
                err.kind(),
                ErrorKind::PbxRejected { status: 400 },
                "{xml} {login}: {err}"
            );
            assert_eq!(err.code(), 400);
            assert!(err.message().contains(words), "{xml} {login}: {err}");
        }
    }
    assert_eq!(emulator.calls().len(), 0, "a refusal places no call");
}

#[test]
fn the_directorys_sip_uri_overrides_the_initiator_template() {
    let emulator = Emulator::start(31612, &config(0.001, None, 60));
    let state = state_dir();
    let directory = state.path().join("users.csv");
    std::fs::write(
        &directory,
        "login,extension,sip_uri\nalice,206,2120\nbob,2121,\n",
    )
    .unwrap();
    let settings = Settings {
        directory: Some(directory),
        clicktocall_initiator: "{extension}".to_owned(),
        ..site(&emulator, false, state.path())
    };
    make_call(&settings, "2122", "alice", None).unwrap();
    make_call(&settings, "2123", "bob", None).unwrap();
    let initiators: Vec<_> = emulator
        .calls()
        .iter()
        .map(|c| c["initiator"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(initiators, ["2120", "2121"]);
}

#[test]
fn with_auth_on_the_password_file_places_the_call_and_without_it_is_a_401() {
    let emulator = Emulator::start(31615, &config(0.001, Some("pa:ss"), 60));
    let state = state_dir();
    let mut settings = site(&emulator, false, state.path());
    let err = make_call(&settings, "2131", "2130", None).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Authentication { status: 401 });
    settings.clicktocall_password_file = Some(password_file(state.path(), "wrong\n", 0o600));
    let err = make_call(&settings, "2132", "2130", None).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Authentication { status: 401 });
    assert!(!err.message().contains("wrong"), "{err}");
    assert_eq!(emulator.calls().len(), 0, "a 401 places no call");
    settings.clicktocall_password_file = Some(password_file(state.path(), "pa:ss\n", 0o640));
    let placed = make_call(&settings, "2133", "2130", None).unwrap();
    assert_eq!(placed.status, 200);
    assert_eq!(emulator.calls().len(), 1);
}

#[test]
fn with_auth_off_no_password_file_is_needed_and_one_given_does_no_harm() {
    let emulator = Emulator::start(31618, &config(0.001, None, 60));
    let state = state_dir();
    let mut settings = site(&emulator, false, state.path());
    assert!(make_call(&settings, "2141", "2140", None).is_ok());
    settings.clicktocall_password_file = Some(password_file(state.path(), "pw\n", 0o600));
    assert!(make_call(&settings, "2142", "2140", None).is_ok());
}

#[test]
fn the_xml_interface_needs_no_password_even_with_auth_on() {
    // The real server's XML port has no authentication at all (§3.3): no password file, and
    // still the call is placed. SECURITY.md says what that means for the site.
    let emulator = Emulator::start(31621, &config(0.001, Some("pw"), 60));
    let state = state_dir();
    let placed = make_call(&site(&emulator, true, state.path()), "2151", "2150", None).unwrap();
    assert_eq!(placed.status, 100);
}

#[test]
fn a_password_file_every_user_may_read_is_refused_before_anything_is_sent() {
    let emulator = Emulator::start(31624, &config(0.001, Some("pw"), 60));
    let state = state_dir();
    let settings = Settings {
        clicktocall_password_file: Some(password_file(state.path(), "pw\n", 0o644)),
        ..site(&emulator, false, state.path())
    };
    let err = make_call(&settings, "2161", "2160", None).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Configuration);
    assert!(
        err.message()
            .contains("click2dial.clicktocall_password_file")
            && err.message().contains("mode 0644"),
        "{err}"
    );
    assert_eq!(emulator.control("GET", "/stats", "").1["http_requests"], 0);
}

#[test]
fn plain_http_is_refused_without_allow_http_and_nothing_is_sent() {
    let emulator = Emulator::start(31627, &config(0.001, None, 60));
    let state = state_dir();
    let settings = Settings {
        allow_http: false,
        ..site(&emulator, false, state.path())
    };
    let err = make_call(&settings, "2171", "2170", None).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Configuration);
    assert!(err.message().contains("click2dial.allow_http=1"), "{err}");
    assert_eq!(emulator.control("GET", "/stats", "").1["http_requests"], 0);
}

#[test]
fn the_limits_still_apply_per_user() {
    let emulator = Emulator::start(31630, &config(0.001, None, 60));
    let state = state_dir();
    let settings = Settings {
        rate_limit: 2,
        ..site(&emulator, true, state.path())
    };
    make_call(&settings, "2181", "2180", None).unwrap();
    make_call(&settings, "2182", "2180", None).unwrap();
    let err = make_call(&settings, "2183", "2180", None).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::RateLimited { .. }), "{err}");
    // Another user has a budget of their own.
    make_call(&settings, "2183", "2190", None).unwrap();
    assert_eq!(emulator.calls().len(), 3);
}
