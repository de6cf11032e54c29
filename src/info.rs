//! What `phpinfo()` and `php --ri click2dial` show: enough to check an installation, no secret.
//!
//! The server URL is shown with any user information blanked (the extension refuses such a URL,
//! but phpinfo() must not repeat a password an administrator typed there).

use click2dial_core::{directory, without_userinfo, ServerUrl, Settings, VERSION};
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
            if let Err(err) = ServerUrl::parse(&settings.server, settings.allow_http) {
                rows.push(("Server problem".to_owned(), err.to_string()));
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
    let directory = match directory(settings) {
        Ok(Some(loaded)) => format!(
            "{} ({} {})",
            settings
                .directory
                .as_deref()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            loaded.len(),
            if loaded.len() == 1 {
                "entry"
            } else {
                "entries"
            }
        ),
        Ok(None) => "(not set: each login is its own extension)".to_owned(),
        Err(err) => format!("error: {err}"),
    };
    vec![
        ("CA file (click2dial.ca_file)".to_owned(), ca),
        ("Directory (click2dial.directory)".to_owned(), directory),
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
    ]
}

/// The table macros need NUL-free strings.
fn sanitized(text: &str) -> String {
    text.replace('\0', "\\0")
}
