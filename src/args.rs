//! String arguments as PHP passes them.
//!
//! PHP strings are bytes. ext-php-rs' `String` refuses anything that is not UTF-8 (and every
//! integer) with a bare `TypeError`, which tells a PHP developer nothing. [`PhpText`] takes the
//! bytes, and an integer as its decimal digits (`makeCall(207, ...)` is natural to write), so
//! the core can say in its own words what is wrong with the value.

use click2dial_core::{Error, ErrorKind, Result, Secret};
use ext_php_rs::convert::FromZval;
use ext_php_rs::flags::DataType;
use ext_php_rs::types::Zval;

/// A `string` parameter: a PHP string's bytes, or an integer's decimal digits.
pub enum PhpText<'a> {
    Bytes(&'a [u8]),
    Digits(String),
}

impl<'a> FromZval<'a> for PhpText<'a> {
    const TYPE: DataType = DataType::String;

    fn from_zval(zval: &'a Zval) -> Option<Self> {
        if let Some(string) = zval.zend_str() {
            return Some(PhpText::Bytes(string.as_bytes()));
        }
        zval.long().map(|n| PhpText::Digits(n.to_string()))
    }
}

impl PhpText<'_> {
    /// The bytes as PHP holds them.
    pub fn bytes(&self) -> &[u8] {
        match self {
            PhpText::Bytes(bytes) => bytes,
            PhpText::Digits(digits) => digits.as_bytes(),
        }
    }

    /// The text, or an error of `kind` when it is not UTF-8.
    pub fn utf8(&self, what: &str, kind: ErrorKind) -> Result<&str> {
        match self {
            PhpText::Bytes(bytes) => std::str::from_utf8(bytes).map_err(|_| {
                Error::new(
                    kind,
                    format!(
                        "the {what} is not valid UTF-8: convert it to UTF-8 first (WebAccess keeps \
                         logins and passwords in Windows-1252)"
                    ),
                )
            }),
            PhpText::Digits(digits) => Ok(digits),
        }
    }
}

/// An optional PBX password parameter, as a secret; `None` when PHP passed null.
pub fn optional_password(password: &Option<PhpText>) -> Result<Option<Secret>> {
    match password {
        Some(text) => Ok(Some(Secret::from(
            text.utf8("PBX password", ErrorKind::Credential)?,
        ))),
        None => Ok(None),
    }
}
