//! Folders that no other account of the machine may tamper with: the credential store's
//! (`credentials::store`) and the call limits' state folder (`ratelimit`).
//!
//! Both hold files another local account would like to replace, read or redirect, so both are
//! trusted only when they are a real folder (not a link) owned by the effective user with no
//! forbidden permission bits. The checks are made here on the open folder, so that what is
//! checked is what is used; each caller says in its own words what is wrong and what to do.

use std::fs::{DirBuilder, File, OpenOptions};
use std::io;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt};
use std::path::Path;

/// Why a folder is not trusted.
#[derive(Debug)]
pub(crate) enum Untrusted {
    /// It is a symbolic link.
    Link,
    /// It is something other than a folder.
    NotAFolder,
    /// It belongs to another user.
    Owner {
        /// Its owner.
        owner: u32,
        /// The effective user, who should own it.
        uid: u32,
    },
    /// Its mode has a bit the caller forbids.
    Mode {
        /// Its whole mode (file type bits included).
        mode: u32,
    },
    /// It cannot be opened or examined.
    Io(io::Error),
}

/// Makes `path` (its parent must exist) readable by the effective user only, unless it exists.
/// What exists is left as it is, to be checked by [`open`].
pub(crate) fn make(path: &Path) -> io::Result<()> {
    match DirBuilder::new().mode(0o700).create(path) {
        Err(err) if err.kind() != io::ErrorKind::AlreadyExists => Err(err),
        _ => Ok(()),
    }
}

/// Opens the folder `path` without following a link, and trusts it only if it belongs to the
/// effective user and its mode has none of the bits of `forbidden` (`0o022`: nobody else may
/// write; `0o077`: nobody else may do anything).
pub(crate) fn open(path: &Path, forbidden: u32) -> Result<File, Untrusted> {
    let dir = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_DIRECTORY | libc::O_NOFOLLOW | libc::O_CLOEXEC)
        .open(path)
        .map_err(|err| match err.raw_os_error() {
            // With O_DIRECTORY, Linux answers a link with ENOTDIR rather than ELOOP.
            Some(libc::ELOOP | libc::ENOTDIR) if is_symlink(path) => Untrusted::Link,
            Some(libc::ENOTDIR) => Untrusted::NotAFolder,
            _ => Untrusted::Io(err),
        })?;
    let metadata = dir.metadata().map_err(Untrusted::Io)?;
    let uid = effective_uid();
    if metadata.uid() != uid {
        return Err(Untrusted::Owner {
            owner: metadata.uid(),
            uid,
        });
    }
    if metadata.mode() & forbidden != 0 {
        return Err(Untrusted::Mode {
            mode: metadata.mode(),
        });
    }
    Ok(dir)
}

/// The user the PHP worker runs as, who must own the folders and their files.
pub(crate) fn effective_uid() -> u32 {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}

fn is_symlink(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::os::unix::fs::{symlink, PermissionsExt};

    fn folder_with_mode(mode: u32) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(mode)).unwrap();
        dir
    }

    #[test]
    fn a_folder_of_the_effective_user_without_forbidden_bits_is_trusted() {
        let dir = folder_with_mode(0o755);
        assert!(open(dir.path(), 0o022).is_ok());
        assert!(matches!(
            open(dir.path(), 0o077),
            Err(Untrusted::Mode { mode }) if mode & 0o7777 == 0o755
        ));
    }

    #[test]
    fn a_link_to_a_private_folder_and_a_file_are_not_trusted() {
        let dir = folder_with_mode(0o700);
        let inner = dir.path().join("inner");
        make(&inner).unwrap();
        let link = dir.path().join("link");
        symlink(&inner, &link).unwrap();
        assert!(matches!(open(&link, 0o077), Err(Untrusted::Link)));
        let file = dir.path().join("file");
        fs::write(&file, "").unwrap();
        assert!(matches!(open(&file, 0o077), Err(Untrusted::NotAFolder)));
        assert!(matches!(
            open(&dir.path().join("missing"), 0o077),
            Err(Untrusted::Io(_))
        ));
    }

    #[test]
    fn make_creates_a_private_folder_and_leaves_one_that_exists_as_it_is() {
        let dir = folder_with_mode(0o700);
        let made = dir.path().join("made");
        make(&made).unwrap();
        assert_eq!(fs::metadata(&made).unwrap().mode() & 0o777, 0o700);
        fs::set_permissions(&made, fs::Permissions::from_mode(0o750)).unwrap();
        make(&made).unwrap();
        assert_eq!(fs::metadata(&made).unwrap().mode() & 0o777, 0o750);
        assert!(make(&dir.path().join("no/parent")).is_err());
    }
}
