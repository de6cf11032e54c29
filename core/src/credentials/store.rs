//! The credential store of `stored` mode: each user's PBX PIN, sealed, in a file of
//! `click2dial.credential_dir`, where no browser ever receives it.
//!
//! The PINs used to be kept as tokens in the users' WebAccess settings. WebAccess writes a user's
//! whole settings tree into every main page it serves (`client/webclient.php`), so the token went
//! to the browser with every page: into its cache, to any script running in the page, to whoever
//! saves the page. Sealed, it is of no use without the key file, but nothing the browser holds
//! should open a user's phone account once the key leaks. So the extension keeps the tokens
//! itself, on the server, and the front ends only ever say "store this", "is there one",
//! "forget it"; `make_call` opens the stored PIN when it is given none.
//!
//! The folder must survive a reboot (stored PINs are entered once), so it is not in `/tmp` by
//! default: the administrator names it. It holds one file per login, named by the SHA-256 of the
//! login folded to ASCII lower case. Only ASCII is folded, as everywhere logins are matched: a
//! login with a Kelvin sign or a full-width letter is another account than its ASCII look-alike
//! and must not reach that account's PIN. A file holds the token `seal` makes, so it opens only
//! with the key file and only for the login it was sealed for.
//!
//! Another local account must not be able to read, replace or redirect these files. So the
//! folder must be a real folder (not a link) owned by the effective user, with no access for
//! group or others; a file is opened without following links, must be a regular file owned by
//! the effective user, and is read up to a size limit. Files are written to a temporary file and
//! renamed over the old one, so a worker that reads at the same time sees the old PIN or the new
//! one, never half of one, and a crash leaves the old one.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use zeroize::Zeroizing;

use super::sealed::check_login;
use crate::error::{quoted, Error, ErrorKind, Result};
use crate::private_dir::{self, effective_uid, Untrusted};
use crate::secret::Secret;
use crate::settings::Settings;

/// The largest file read: a token for the longest secret is about 1.5 KiB.
const MAX_FILE_BYTES: u64 = 4096;

/// Seals `secret` for `login` and keeps it, replacing what was stored before.
pub fn store(settings: &Settings, login: &str, secret: &Secret) -> Result<()> {
    check_login(login)?;
    let token = Zeroizing::new(super::seal(settings, secret, login)?);
    let folder = folder(settings)?;
    let path = file_of(&folder, login);
    write_atomically(&folder, &path, token.as_bytes()).map_err(|err| unwritable(&path, &err))
}

/// Whether a PIN is stored for `login`. Whether it still opens (its key may have been removed
/// from the key file) is found out when it is used.
pub fn has(settings: &Settings, login: &str) -> Result<bool> {
    check_login(login)?;
    let folder = folder(settings)?;
    Ok(read(&file_of(&folder, login))?.is_some())
}

/// Removes the PIN stored for `login`; nothing stored is no error.
pub fn forget(settings: &Settings, login: &str) -> Result<()> {
    check_login(login)?;
    let folder = folder(settings)?;
    let path = file_of(&folder, login);
    // Removing a name never follows a link: a planted link is removed, not its target.
    match fs::remove_file(&path) {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(err) => Err(unwritable(&path, &err)),
    }
}

/// The PIN stored for `login`, opened; `None` when none is stored.
pub fn load(settings: &Settings, login: &str) -> Result<Option<Secret>> {
    check_login(login)?;
    let folder = folder(settings)?;
    match read(&file_of(&folder, login))? {
        Some(token) => super::open(settings, &token, login).map(Some),
        None => Ok(None),
    }
}

/// The message for a call in `stored` mode when the user has not stored a PIN.
pub fn nothing_stored(login: &str) -> Error {
    Error::new(
        ErrorKind::Credential,
        format!(
            "no PBX PIN is stored for {}: the user must enter their PIN in the plugin's settings \
             (Settings, Click2Dial), which keeps it with Click2Dial\\storeCredential()",
            quoted(login)
        ),
    )
}

/// The file of `login`: the hash of the login with only ASCII folded to lower case.
fn file_of(folder: &Path, login: &str) -> PathBuf {
    let digest = ring::digest::digest(&ring::digest::SHA256, login.to_ascii_lowercase().as_bytes());
    let name: String = digest.as_ref().iter().map(|b| format!("{b:02x}")).collect();
    folder.join(format!("{name}.pin"))
}

/// `click2dial.credential_dir`, made if it is missing (its parent must exist), and checked.
fn folder(settings: &Settings) -> Result<PathBuf> {
    let Some(folder) = &settings.credential_dir else {
        return Err(Error::configuration(
            "click2dial.credential_dir is not set: with click2dial.credentials = stored the \
             users' PINs are kept there, sealed; set it in php.ini to a folder of the web \
             server's user that survives a reboot, e.g. /var/lib/click2dial/credentials \
             (mkdir, chown it to the web server's user, chmod 0700)",
        ));
    };
    private_dir::make(folder).map_err(|err| unusable_folder(folder, &err.to_string()))?;
    private_dir::open(folder, 0o077).map_err(|why| untrusted_folder(folder, why))?;
    Ok(folder.clone())
}

/// The message for a credential folder that is not trusted: one other local accounts can
/// read, plant files in or point elsewhere.
fn untrusted_folder(folder: &Path, why: Untrusted) -> Error {
    match why {
        Untrusted::Link => unusable_folder(folder, "it is a symbolic link; name the real folder"),
        Untrusted::NotAFolder => unusable_folder(folder, "it is not a folder"),
        Untrusted::Owner { owner, uid } => unusable_folder(
            folder,
            &format!(
                "it belongs to uid {owner}, not to the web server's user (uid {uid}): chown it"
            ),
        ),
        Untrusted::Mode { mode } => unusable_folder(
            folder,
            &format!(
                "other users of this machine can reach it (mode {:04o}): chmod 0700",
                mode & 0o777
            ),
        ),
        Untrusted::Io(err) => unusable_folder(folder, &err.to_string()),
    }
}

/// The token in `path`, `None` when there is no such file. The file must be a regular file of
/// the effective user, opened without following a link, and short.
fn read(path: &Path) -> Result<Option<Zeroizing<String>>> {
    let file = match OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC | libc::O_NONBLOCK)
        .open(path)
    {
        Ok(file) => file,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(err) if err.raw_os_error() == Some(libc::ELOOP) => {
            return Err(untrusted(path, "it is a symbolic link"))
        }
        Err(err) => return Err(unreadable(path, &err)),
    };
    check_own_regular_file(path, &file)?;
    let mut bytes = Zeroizing::new(Vec::with_capacity(MAX_FILE_BYTES as usize + 1));
    (&file)
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| unreadable(path, &err))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(damaged(path));
    }
    match std::str::from_utf8(&bytes) {
        Ok(text) => Ok(Some(Zeroizing::new(text.trim().to_owned()))),
        Err(_) => Err(damaged(path)),
    }
}

fn check_own_regular_file(path: &Path, file: &File) -> Result<()> {
    let metadata = file.metadata().map_err(|err| unreadable(path, &err))?;
    if !metadata.file_type().is_file() {
        return Err(untrusted(path, "it is not a regular file"));
    }
    let uid = effective_uid();
    if metadata.uid() != uid {
        return Err(untrusted(
            path,
            &format!(
                "it belongs to uid {}, not to the web server's user (uid {uid})",
                metadata.uid()
            ),
        ));
    }
    Ok(())
}

/// Writes `bytes` to a new file next to `path` (mode 0600, never through a link) and renames it
/// over `path`; both are flushed to disk, so that a stored PIN survives a power cut.
fn write_atomically(folder: &Path, path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut nonce = [0u8; 8];
    getrandom::getrandom(&mut nonce).map_err(|err| io::Error::other(err.to_string()))?;
    let temporary = folder.join(format!(
        ".{}.{}.tmp",
        std::process::id(),
        u64::from_ne_bytes(nonce)
    ));
    let written = (|| {
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
            .open(&temporary)?;
        file.write_all(bytes)?;
        file.write_all(b"\n")?;
        file.sync_all()?;
        fs::rename(&temporary, path)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    written?;
    File::open(folder)?.sync_all()
}

fn unusable_folder(folder: &Path, why: &str) -> Error {
    Error::configuration(format!(
        "click2dial.credential_dir {} cannot hold the users' PINs: {why}",
        folder.display()
    ))
}

fn untrusted(path: &Path, why: &str) -> Error {
    Error::configuration(format!(
        "the stored PIN {} is not used: {why}; another account of this machine may have put it \
         there: remove it, and let the user enter the PIN again",
        path.display()
    ))
}

fn unreadable(path: &Path, err: &io::Error) -> Error {
    Error::configuration(format!(
        "the stored PIN {} cannot be read ({err}): check click2dial.credential_dir",
        path.display()
    ))
}

fn unwritable(path: &Path, err: &io::Error) -> Error {
    Error::configuration(format!(
        "the PIN cannot be stored in {} ({err}): check that click2dial.credential_dir is a \
         folder the web server's user can write",
        path.display()
    ))
}

fn damaged(path: &Path) -> Error {
    Error::new(
        ErrorKind::Credential,
        format!(
            "the stored PIN {} is damaged: let the user enter the PIN again",
            path.display()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credentials::generate_key;
    use std::os::unix::fs::{symlink, PermissionsExt};

    struct Site {
        _dir: tempfile::TempDir,
        settings: Settings,
        folder: PathBuf,
    }

    fn site() -> Site {
        let dir = tempfile::tempdir().unwrap();
        let keys = dir.path().join("keys");
        fs::write(&keys, format!("{}\n", generate_key().unwrap().expose())).unwrap();
        fs::set_permissions(&keys, fs::Permissions::from_mode(0o600)).unwrap();
        let folder = dir.path().join("credentials");
        let settings = Settings {
            key_file: Some(keys),
            credential_dir: Some(folder.clone()),
            ..Settings::default()
        };
        Site {
            _dir: dir,
            settings,
            folder,
        }
    }

    fn pin(text: &str) -> Secret {
        Secret::from(text)
    }

    fn files(folder: &Path) -> Vec<PathBuf> {
        fs::read_dir(folder)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect()
    }

    #[test]
    fn a_stored_pin_opens_for_its_login_only_and_is_not_kept_in_clear() {
        let site = site();
        let s = &site.settings;
        assert!(!has(s, "alice").unwrap());
        assert!(load(s, "alice").unwrap().is_none());
        store(s, "Alice", &pin("4711-secret")).unwrap();
        assert!(has(s, "alice").unwrap());
        assert_eq!(load(s, "ALICE").unwrap().unwrap().expose(), "4711-secret");
        assert!(load(s, "bob").unwrap().is_none());
        let stored = files(&site.folder);
        assert_eq!(stored.len(), 1, "one file, no temporary left: {stored:?}");
        let text = fs::read_to_string(&stored[0]).unwrap();
        assert!(
            text.starts_with("c2d1.") && !text.contains("4711"),
            "{text}"
        );
        assert!(!stored[0].to_string_lossy().contains("alice"));
        let mode = fs::metadata(&stored[0]).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let folder_mode = fs::metadata(&site.folder).unwrap().permissions().mode() & 0o777;
        assert_eq!(folder_mode, 0o700, "made private");
    }

    #[test]
    fn storing_again_replaces_and_forget_removes() {
        let site = site();
        let s = &site.settings;
        store(s, "alice", &pin("1111")).unwrap();
        store(s, "alice", &pin("2222")).unwrap();
        assert_eq!(load(s, "alice").unwrap().unwrap().expose(), "2222");
        assert_eq!(files(&site.folder).len(), 1);
        forget(s, "alice").unwrap();
        assert!(!has(s, "alice").unwrap());
        forget(s, "alice").unwrap();
        assert!(files(&site.folder).is_empty());
    }

    #[test]
    fn a_look_alike_login_with_a_kelvin_sign_or_full_width_letter_gets_no_pin() {
        let site = site();
        let s = &site.settings;
        store(s, "kim", &pin("1234")).unwrap();
        for look_alike in ["\u{212A}im", "\u{FF4B}im", "Kim\u{0307}"] {
            assert!(!has(s, look_alike).unwrap(), "{look_alike}");
            assert!(load(s, look_alike).unwrap().is_none(), "{look_alike}");
        }
        assert!(has(s, "KIM").unwrap());
    }

    #[test]
    fn a_token_copied_to_another_logins_file_does_not_open() {
        let site = site();
        let s = &site.settings;
        store(s, "alice", &pin("1234")).unwrap();
        fs::copy(
            file_of(&site.folder, "alice"),
            file_of(&site.folder, "mallory"),
        )
        .unwrap();
        let err = load(s, "mallory").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Credential);
        assert!(!err.message().contains("1234"));
    }

    #[test]
    fn without_a_folder_setting_the_message_says_what_to_set() {
        let site = site();
        let s = Settings {
            credential_dir: None,
            ..site.settings.clone()
        };
        for err in [
            store(&s, "alice", &pin("1234")).unwrap_err(),
            has(&s, "alice").unwrap_err(),
            load(&s, "alice").unwrap_err(),
        ] {
            assert_eq!(err.kind(), ErrorKind::Configuration);
            assert!(
                err.message()
                    .contains("click2dial.credential_dir is not set"),
                "{err}"
            );
        }
    }

    #[test]
    fn a_folder_others_can_reach_or_a_linked_folder_is_refused() {
        let site = site();
        let s = &site.settings;
        fs::create_dir(&site.folder).unwrap();
        for mode in [0o770, 0o707, 0o755, 0o701] {
            fs::set_permissions(&site.folder, fs::Permissions::from_mode(mode)).unwrap();
            let err = store(s, "alice", &pin("1234")).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Configuration, "{mode:o}");
            assert!(err.message().contains("chmod 0700"), "{err}");
        }
        fs::set_permissions(&site.folder, fs::Permissions::from_mode(0o700)).unwrap();
        let linked = site.folder.with_file_name("linked");
        symlink(&site.folder, &linked).unwrap();
        let via_link = Settings {
            credential_dir: Some(linked),
            ..s.clone()
        };
        let err = has(&via_link, "alice").unwrap_err();
        assert!(err.message().contains("symbolic link"), "{err}");
    }

    #[test]
    fn a_planted_link_is_neither_followed_nor_written_through() {
        let site = site();
        let s = &site.settings;
        store(s, "bob", &pin("1111")).unwrap();
        let victim = site.folder.with_file_name("victim");
        fs::write(&victim, "the web server's own file\n").unwrap();
        let alice = file_of(&site.folder, "alice");
        symlink(&victim, &alice).unwrap();
        let err = load(s, "alice").unwrap_err();
        assert!(err.message().contains("symbolic link"), "{err}");
        assert!(has(s, "alice").is_err());
        // Storing replaces the link itself; the file it pointed at is untouched.
        store(s, "alice", &pin("2222")).unwrap();
        assert_eq!(
            fs::read_to_string(&victim).unwrap(),
            "the web server's own file\n"
        );
        assert!(!fs::symlink_metadata(&alice)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(load(s, "alice").unwrap().unwrap().expose(), "2222");
        // Forgetting a planted link removes the link, not its target.
        fs::remove_file(&alice).unwrap();
        symlink(&victim, &alice).unwrap();
        forget(s, "alice").unwrap();
        assert!(victim.exists());
    }

    #[test]
    fn a_folder_or_fifo_in_place_of_a_file_and_an_oversized_file_are_refused() {
        let site = site();
        let s = &site.settings;
        store(s, "bob", &pin("1111")).unwrap();
        fs::create_dir(file_of(&site.folder, "alice")).unwrap();
        assert!(load(s, "alice")
            .unwrap_err()
            .message()
            .contains("not a regular file"));
        let carol = file_of(&site.folder, "carol");
        let name = std::ffi::CString::new(carol.to_string_lossy().as_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        assert!(load(s, "carol")
            .unwrap_err()
            .message()
            .contains("not a regular file"));
        let dave = file_of(&site.folder, "dave");
        fs::write(&dave, "c2d1.".repeat(2000)).unwrap();
        let err = load(s, "dave").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Credential);
        assert!(err.message().contains("damaged"), "{err}");
    }
}
