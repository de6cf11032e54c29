//! The certificates the fault servers present, made afresh on every start.
//!
//! One CA of our own signs a good certificate (the client is given that CA), a certificate for
//! another host name and an expired one; an unrelated CA signs a certificate the client must not
//! trust. Only the trusted CA's certificate is written out for the client; the one private key
//! written is the good certificate's, for `openssl s_server` (the TLS 1.0 server), into the
//! caller's run folder with mode 0600. Nothing here is ever committed. How the certificates are
//! made is shared with the emulator (the `testcerts` crate).

use std::path::Path;
use std::sync::Arc;

use rustls::ServerConfig;
use testcerts::{Subject, Validity};

/// The host name the wrong-name certificate is made out to.
pub const OTHER_NAME: &str = "elsewhere.test";

/// A TLS server configuration for each way a certificate can be presented.
pub struct Identities {
    pub good: Arc<ServerConfig>,
    pub wrong_name: Arc<ServerConfig>,
    pub expired: Arc<ServerConfig>,
    pub untrusted: Arc<ServerConfig>,
}

/// Makes the CAs and certificates; writes `ca.pem` (trust this), `good.pem` and `good.key`
/// (for the TLS 1.0 server) into `dir`. `names` are the good certificate's host names.
pub fn create(dir: &Path, names: &[String]) -> Result<Identities, String> {
    let ca = |common_name| {
        let subject = Subject {
            common_name,
            organization: None,
        };
        testcerts::ca(subject, Validity::Always)
    };
    let trusted = ca("click2dial fault-matrix CA")?;
    let rogue = ca("Unrelated CA")?;
    let presented = |names: &[String], validity, issuer| {
        let (cert, key) = testcerts::server(names, None, validity, issuer)?;
        // The leaf alone: the client is given the CA itself.
        let config = testcerts::server_config(&[&cert], &key)?;
        Ok::<_, String>((cert, key, config))
    };

    let (good_cert, good_key, good) = presented(names, Validity::Always, &trusted)?;
    let (.., wrong_name) = presented(&[OTHER_NAME.to_owned()], Validity::Always, &trusted)?;
    let (.., expired) = presented(names, Validity::Expired, &trusted)?;
    let (.., untrusted) = presented(names, Validity::Always, &rogue)?;

    testcerts::write(&dir.join("ca.pem"), trusted.cert.pem().as_bytes(), 0o644)?;
    testcerts::write(&dir.join("good.pem"), good_cert.pem().as_bytes(), 0o644)?;
    testcerts::write(
        &dir.join("good.key"),
        good_key.serialize_pem().as_bytes(),
        0o600,
    )?;
    Ok(Identities {
        good,
        wrong_name,
        expired,
        untrusted,
    })
}
