//! Sealed PINs: any text given as a token opens to an error, never a panic and never a partial
//! secret; and a PIN sealed for a login opens for that login only, and not once a byte of its
//! token has changed.

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::sync::OnceLock;

use click2dial_core::credentials::{generate_key, open, seal};
use click2dial_core::{Secret, Settings};

/// Settings with a key file of two keys, made once per process (mode 0600, as required).
fn settings() -> &'static Settings {
    static SETTINGS: OnceLock<(tempfile::TempDir, Settings)> = OnceLock::new();
    &SETTINGS
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let path: PathBuf = dir.path().join("keys");
            let mut file = std::fs::File::create(&path).unwrap();
            for _ in 0..2 {
                writeln!(file, "{}", generate_key().unwrap().expose()).unwrap();
            }
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
            let settings = Settings {
                key_file: Some(path),
                ..Settings::default()
            };
            (dir, settings)
        })
        .1
}

pub fn check(data: &[u8]) {
    let settings = settings();
    let text = String::from_utf8_lossy(data);
    if let Ok(opened) = open(settings, &text, "alice") {
        panic!(
            "{text:?} opened to {} bytes without being sealed",
            opened.expose().len()
        );
    }

    let pin = String::from_utf8_lossy(&data[..data.len().min(64)]).into_owned();
    if pin.is_empty() {
        return;
    }
    let token = seal(settings, &Secret::new(pin.clone()), "alice").expect("a PIN seals");
    assert_eq!(
        open(settings, &token, "ALICE").expect("it opens").expose(),
        pin
    );
    assert!(
        open(settings, &token, "bob").is_err(),
        "opened for another login"
    );
    let at = usize::from(data[0]) % token.len();
    let mut altered = token.clone().into_bytes();
    altered[at] = if altered[at] == b'A' { b'B' } else { b'A' };
    let altered = String::from_utf8(altered).unwrap();
    if let Ok(opened) = open(settings, &altered, "alice") {
        panic!(
            "{token} altered at {at} still opened ({} bytes)",
            opened.expose().len()
        );
    }
}
