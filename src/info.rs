//! What `phpinfo()` and `php --ri click2dial` show: enough to check an installation, no secret.
//!
//! The server URL is shown with any user information blanked (the extension refuses such a URL,
//! but phpinfo() must not repeat a password an administrator typed there).

use std::path::Path;

use click2dial_core::{credentials, sharedstate};
use click2dial_core::{
    dial_plan, directory, pbx, without_userinfo, CredentialSource, PbxKind, Settings, VERSION,
};
use ext_php_rs::zend::ModuleEntry;
use ext_php_rs::{info_table_end, info_table_row, info_table_start};

use crate::ini;

pub extern "C" fn show(_module: *mut ModuleEntry) {
    // phpinfo() runs outside a PHP function call, where a panic would not be caught for us.
    let rows = std::panic::catch_unwind(rows).unwrap_or_else(|_| {
        vec![(
            "click2dial support".to_owned(),
            "enabled (settings could not be shown)".to_owned(),
        )]
    });
    info_table_start!();
    for (name, value) in rows {
        info_table_row!(sanitized(&name), sanitized(&value));
    }
    info_table_end!();
}

fn rows() -> Vec<(String, String)> {
    let mut rows = vec![
        ("click2dial support".to_owned(), "enabled".to_owned()),
        ("Version".to_owned(), VERSION.to_owned()),
    ];
    let server = ini::value(ini::SERVER);
    rows.push((
        "Server (click2dial.server)".to_owned(),
        if server.trim().is_empty() {
            "(not set)".to_owned()
        } else {
            without_userinfo(server.trim())
        },
    ));
    match ini::settings() {
        Ok(settings) => {
            if let Err(err) = pbx::of(&settings).check_settings(&settings) {
                rows.push(("Server problem".to_owned(), err.to_string()));
            }
            rows.push((
                "PBX (click2dial.pbx)".to_owned(),
                settings.pbx.name().to_owned(),
            ));
            if settings.pbx == PbxKind::ClickToCall {
                rows.extend(clicktocall_rows(&settings));
            }
            rows.extend(settings_rows(&settings));
        }
        Err(err) => rows.push(("Settings problem".to_owned(), err.to_string())),
    }
    rows
}

fn settings_rows(settings: &Settings) -> Vec<(String, String)> {
    let ca = match &settings.ca_file {
        Some(path) => path.display().to_string(),
        None => "(not set: the system's CAs are trusted)".to_owned(),
    };
    let directory = file_row(
        settings.directory.as_deref(),
        directory(settings),
        |loaded| match loaded.len() {
            1 => "1 entry".to_owned(),
            count => format!("{count} entries"),
        },
        "each login is its own extension",
    );
    let dialplan = file_row(
        settings.dialplan.as_deref(),
        dial_plan(settings),
        // Warnings (an internal pattern that takes emergency numbers) do not stop calls, so
        // this is where the administrator sees them.
        |plan| {
            let mut row = format!("region {}", plan.region());
            for warning in plan.warnings() {
                row.push_str("; warning: ");
                row.push_str(warning);
            }
            row
        },
        "numbers are only cleaned",
    );
    let mut rows = vec![
        ("CA file (click2dial.ca_file)".to_owned(), ca),
        ("Directory (click2dial.directory)".to_owned(), directory),
        ("Dial plan (click2dial.dialplan)".to_owned(), dialplan),
        (
            "Credentials (click2dial.credentials)".to_owned(),
            settings.credentials.name().to_owned(),
        ),
        (
            "Key file (click2dial.key_file)".to_owned(),
            key_file(settings),
        ),
        (
            "Credential store (click2dial.credential_dir)".to_owned(),
            credential_dir(settings),
        ),
        ("Call limits".to_owned(), call_limits(settings)),
        (
            "Connect timeout (click2dial.connect_timeout_ms)".to_owned(),
            format!("{} ms", settings.connect_timeout.as_millis()),
        ),
        (
            "Timeout (click2dial.timeout_ms)".to_owned(),
            format!("{} ms", settings.timeout.as_millis()),
        ),
        (
            "Plain http allowed (click2dial.allow_http)".to_owned(),
            if settings.allow_http { "yes" } else { "no" }.to_owned(),
        ),
    ];
    // Only when set: without it the limits' row already says which folder keeps them.
    if let Some(row) = shared_state(settings) {
        let at = rows
            .iter()
            .position(|(name, _)| name == "Call limits")
            .map_or(rows.len(), |i| i + 1);
        rows.insert(
            at,
            ("Shared state (click2dial.shared_state)".to_owned(), row),
        );
    }
    rows
}

/// The clicktocall server's settings; of the password file only whether it can be used.
fn clicktocall_rows(settings: &Settings) -> Vec<(String, String)> {
    let xml = match &settings.clicktocall_xml {
        Some(address) => format!("{address} (calls are followed)"),
        None => "(not set: calls go through the HTTP interface, without progress)".to_owned(),
    };
    let password = match &settings.clicktocall_password_file {
        Some(path) => match pbx::clicktocall_password_check(path) {
            Ok(()) => format!("{} (readable, one line)", path.display()),
            Err(err) => format!("error: {err}"),
        },
        None => "(not set: no credentials are sent; the server's HttpAuth must be off)".to_owned(),
    };
    vec![
        (
            "clicktocall XML interface (click2dial.clicktocall_xml)".to_owned(),
            xml,
        ),
        (
            "clicktocall password file (click2dial.clicktocall_password_file)".to_owned(),
            password,
        ),
        (
            "clicktocall anchored (click2dial.clicktocall_anchor)".to_owned(),
            if settings.clicktocall_anchor {
                "yes"
            } else {
                "no: transferred with REFER"
            }
            .to_owned(),
        ),
        (
            "clicktocall initiator (click2dial.clicktocall_initiator)".to_owned(),
            settings.clicktocall_initiator.clone(),
        ),
        (
            "clicktocall follow time-out (click2dial.clicktocall_follow_timeout_ms)".to_owned(),
            format!("{} ms", settings.clicktocall_follow_timeout.as_millis()),
        ),
    ]
}

/// The per-account limits (click2dial.rate_limit, duplicate_window_ms, failed_logins, state_dir).
fn call_limits(settings: &Settings) -> String {
    let rate = match settings.rate_limit {
        0 => "no limit a minute".to_owned(),
        limit => format!("{limit} calls a minute"),
    };
    let duplicate = match settings.duplicate_window.as_millis() {
        0 => "the same number may be called again at once".to_owned(),
        ms => format!("the same number refused again for {ms} ms"),
    };
    let state = match (&settings.shared_state, &settings.state_dir) {
        (Some(url), _) => format!("Redis at {}", without_userinfo(url)),
        (None, Some(folder)) => folder.display().to_string(),
        (None, None) => "a private folder in the system's temporary folder".to_owned(),
    };
    let failures = match settings.failed_logins {
        0 => "failed sign-ins not limited (PINs open to guessing)".to_owned(),
        free => format!(
            "after {free} failed sign-ins in a row each request waits, 1 s doubling to 15 min"
        ),
    };
    format!("{rate}, {duplicate}, {failures} (kept in {state})")
}

/// A file setting: its path with what it holds, what not setting it means, or its problem.
fn file_row<T>(
    path: Option<&Path>,
    loaded: click2dial_core::Result<Option<T>>,
    describe: impl Fn(&T) -> String,
    when_unset: &str,
) -> String {
    match (path, loaded) {
        (Some(path), Ok(Some(value))) => format!("{} ({})", path.display(), describe(&value)),
        (_, Err(err)) => format!("error: {err}"),
        _ => format!("(not set: {when_unset})"),
    }
}

/// The key file with the ids of its keys, newest first; never the keys.
fn key_file(settings: &Settings) -> String {
    let Some(path) = &settings.key_file else {
        return "(not set: PINs cannot be sealed)".to_owned();
    };
    match credentials::key_ring(settings) {
        Ok(ring) => format!(
            "{} (key ids, newest first: {})",
            path.display(),
            ring.ids().join(", ")
        ),
        Err(err) => format!("error: {err}"),
    }
}

/// Where the limits of several web servers are kept: the URL (any user information blanked),
/// the CA and the password file by path; never the password.
fn shared_state(settings: &Settings) -> Option<String> {
    let url = settings.shared_state.as_ref()?;
    let mut row = without_userinfo(url);
    if let Err(err) = sharedstate::target(settings) {
        row.push_str(&format!("; error: {err}"));
    }
    let tls = url.trim_start().starts_with("rediss://");
    match settings
        .shared_state_ca_file
        .as_ref()
        .or(settings.ca_file.as_ref())
    {
        Some(ca) if tls => row.push_str(&format!("; TLS verified with {}", ca.display())),
        None if tls => row.push_str("; TLS verified with the system's CAs"),
        _ => {}
    }
    if let Some(file) = &settings.shared_state_password_file {
        row.push_str(&format!(
            "; password from {} (click2dial.shared_state_password_file)",
            file.display()
        ));
    }
    Some(row)
}

/// Where stored PINs are kept; only the folder, never what it holds or for whom.
fn credential_dir(settings: &Settings) -> String {
    match &settings.credential_dir {
        Some(folder) => folder.display().to_string(),
        None if settings.credentials == CredentialSource::Stored => {
            "(not set: PINs cannot be stored; set it for click2dial.credentials = stored)"
                .to_owned()
        }
        None => "(not set: not needed for these credentials)".to_owned(),
    }
}

/// The table macros need NUL-free strings.
fn sanitized(text: &str) -> String {
    text.replace('\0', "\\0")
}
