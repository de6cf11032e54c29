//! The PHP functions for credentials: the WebAccess session password, sealed PINs, the
//! credential store of `stored` mode, keys.
//!
//! Every parameter that carries a secret is marked `#[\SensitiveParameter]` (see `sensitive`).

// The parameter names are PHP's, seen by Reflection and by callers using named arguments.
#![allow(non_snake_case)]

use click2dial_core::credentials::{self, store, SessionPasswordForm};
use click2dial_core::{ErrorKind, Secret};
use ext_php_rs::prelude::*;

use crate::args::PhpText;
use crate::guard::guarded;
use crate::ini;

/// Opens `$_SESSION["password"]` as WebAccess stored it, with WebAccess' `PASSWORD_KEY` and
/// `PASSWORD_IV`; returns the password as UTF-8. `$method` (`openssl`, `mcrypt`, `plain`) says
/// how WebAccess stored it; `null` finds out.
#[php_function]
#[php(name = "Click2Dial\\decryptSessionPassword")]
pub fn decrypt_session_password(
    stored: PhpText,
    key: PhpText,
    iv: PhpText,
    method: Option<PhpText>,
) -> PhpResult<String> {
    guarded(|| {
        let form = match &method {
            Some(name) => SessionPasswordForm::parse(name.utf8("method", ErrorKind::Credential)?)?,
            None => SessionPasswordForm::Detect,
        };
        let password =
            credentials::decrypt_session_password(stored.bytes(), key.bytes(), iv.bytes(), form)?;
        Ok(password.expose().to_owned())
    })
}

/// Seals a PBX PIN for `$user` with the newest key of `click2dial.key_file`.
#[php_function]
#[php(name = "Click2Dial\\encryptCredential")]
pub fn encrypt_credential(secret: PhpText, user: PhpText) -> PhpResult<String> {
    guarded(|| {
        let secret = Secret::from(secret.utf8("PBX PIN", ErrorKind::Credential)?);
        let user = user.utf8("login", ErrorKind::Credential)?;
        credentials::seal(&ini::settings()?, &secret, user)
    })
}

/// Opens a token made by `encryptCredential` for the same `$user`.
#[php_function]
#[php(name = "Click2Dial\\decryptCredential")]
pub fn decrypt_credential(token: PhpText, user: PhpText) -> PhpResult<String> {
    guarded(|| {
        let token = token.utf8("token", ErrorKind::Credential)?;
        let user = user.utf8("login", ErrorKind::Credential)?;
        let secret = credentials::open(&ini::settings()?, token, user)?;
        Ok(secret.expose().to_owned())
    })
}

/// Seals `$secret` (the user's PBX PIN) for `$user` and keeps it in `click2dial.credential_dir`,
/// replacing the one stored before. It never leaves the server again: `makeCall()` and
/// `activeCalls()` open it when they are given no password in `stored` mode.
#[php_function]
#[php(name = "Click2Dial\\storeCredential")]
pub fn store_credential(user: PhpText, secret: PhpText) -> PhpResult<()> {
    guarded(|| {
        let user = user.utf8("login", ErrorKind::Credential)?;
        let secret = Secret::from(secret.utf8("PBX PIN", ErrorKind::Credential)?);
        store::store(&*ini::current()?, user, &secret)
    })
}

/// Whether a PIN is stored for `$user` in `click2dial.credential_dir`.
#[php_function]
#[php(name = "Click2Dial\\hasStoredCredential")]
pub fn has_stored_credential(user: PhpText) -> PhpResult<bool> {
    guarded(|| {
        let user = user.utf8("login", ErrorKind::Credential)?;
        store::has(&*ini::current()?, user)
    })
}

/// Removes the PIN stored for `$user`; nothing stored is no error.
#[php_function]
#[php(name = "Click2Dial\\forgetCredential")]
pub fn forget_credential(user: PhpText) -> PhpResult<()> {
    guarded(|| {
        let user = user.utf8("login", ErrorKind::Credential)?;
        store::forget(&*ini::current()?, user)
    })
}

/// A new random key, as a line for `click2dial.key_file`.
#[php_function]
#[php(name = "Click2Dial\\generateKey")]
pub fn generate_key() -> PhpResult<String> {
    guarded(|| Ok(credentials::generate_key()?.expose().to_owned()))
}

/// Adds this module's functions to the extension.
pub fn register(module: ModuleBuilder) -> ModuleBuilder {
    module
        .function(wrap_function!(decrypt_session_password))
        .function(wrap_function!(encrypt_credential))
        .function(wrap_function!(decrypt_credential))
        .function(wrap_function!(generate_key))
        .function(wrap_function!(store_credential))
        .function(wrap_function!(has_stored_credential))
        .function(wrap_function!(forget_credential))
}
