//! TLS towards sipXconfig: always verified, against the CA the administrator names.
//!
//! sipXecs makes its own private CA and signs its web certificate with it, so the usual setting
//! is `click2dial.ca_file` pointing at that CA. Without it the system's roots are used. There is
//! deliberately no switch to turn verification off: the vendor's examples use `curl --insecure`,
//! and that is exactly how PBX passwords end up with whoever sits on the network path.

use std::fs;
use std::path::Path;
use std::sync::Arc;

use rustls::{CertificateError, ClientConfig, RootCertStore};
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::CertificateDer;

use crate::error::{Error, Result};

/// A client configuration that trusts `ca_file`, or the system's roots when there is none.
pub fn client_config(ca_file: Option<&Path>) -> Result<ClientConfig> {
    let roots = match ca_file {
        Some(path) => roots_from_file(path)?,
        None => system_roots()?,
    };
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|err| Error::configuration(format!("TLS cannot be set up: {err}")))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(config)
}

fn roots_from_file(path: &Path) -> Result<RootCertStore> {
    let shown = path.display();
    let bytes = fs::read(path).map_err(|err| {
        Error::configuration(format!(
            "click2dial.ca_file {shown} cannot be read ({err}): point it at sipXecs' CA \
             certificate (PEM), which sipXecs publishes at https://<your sipXecs>/authorities/"
        ))
    })?;
    let mut roots = RootCertStore::empty();
    for cert in CertificateDer::pem_slice_iter(&bytes) {
        let cert = cert.map_err(|err| {
            Error::configuration(format!(
                "click2dial.ca_file {shown} is not valid PEM ({err})"
            ))
        })?;
        roots.add(cert).map_err(|err| {
            Error::configuration(format!(
                "click2dial.ca_file {shown} holds a certificate that cannot be used as a CA ({err})"
            ))
        })?;
    }
    if roots.is_empty() {
        return Err(Error::configuration(format!(
            "click2dial.ca_file {shown} holds no PEM certificate (-----BEGIN CERTIFICATE-----)"
        )));
    }
    Ok(roots)
}

fn system_roots() -> Result<RootCertStore> {
    let mut roots = RootCertStore::empty();
    roots.add_parsable_certificates(rustls_native_certs::load_native_certs().certs);
    if roots.is_empty() {
        return Err(Error::configuration(
            "no system CA certificates were found and click2dial.ca_file is not set: set it to \
             sipXecs' CA certificate (PEM)",
        ));
    }
    Ok(roots)
}

/// Why a TLS handshake with `host` failed, in words an administrator can act on.
pub fn explain(err: &rustls::Error, host: &str, ca_file: Option<&Path>) -> String {
    let trusted = match ca_file {
        Some(path) => format!("the CA in click2dial.ca_file ({})", path.display()),
        None => "the system's CAs (click2dial.ca_file is not set)".to_owned(),
    };
    let rustls::Error::InvalidCertificate(problem) = err else {
        return format!("the TLS handshake with {host} failed ({err})");
    };
    match problem {
        CertificateError::UnknownIssuer | CertificateError::BadSignature => format!(
            "the certificate of {host} is not signed by {trusted}: set click2dial.ca_file to \
             the CA of this sipXecs, published at https://{host}/authorities/"
        ),
        CertificateError::NotValidForName => format!(
            "the certificate of {host} is not valid for the name {host}: set click2dial.server \
             to the host name in the certificate (sipXecs' fully qualified domain name)"
        ),
        CertificateError::NotValidForNameContext { presented, .. } => format!(
            "the certificate of {host} is not valid for the name {host} (it names {}): set \
             click2dial.server to one of those names (sipXecs' fully qualified domain name)",
            presented.join(", ")
        ),
        CertificateError::Expired | CertificateError::ExpiredContext { .. } => format!(
            "the certificate of {host} has expired: renew sipXecs' web certificate, or check \
             this machine's clock"
        ),
        CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
            format!("the certificate of {host} is not valid yet: check this machine's clock")
        }
        other => format!("the certificate of {host} was refused ({other:?})"),
    }
}
