//! The installation's private certificate authority and the server certificate it signs.
//!
//! sipXecs makes its own CA and publishes its certificate; clients must trust that file and
//! connect by host name. The emulator does the same on every start, and writes a second,
//! unrelated CA for "untrusted CA" tests. Private keys never leave memory. How the certificates
//! are made is shared with the fault servers (the `testcerts` crate).

use std::path::Path;
use std::sync::Arc;

use testcerts::{Subject, Validity};

pub const CA_NAME: &str = "Example VoIP Certificate Authority";
pub const OTHER_CA_NAME: &str = "Unrelated Test Certificate Authority";

/// Makes both CAs and the server certificate, writes `ca.pem`, `other-ca.pem` and `server.pem`
/// (the chain) into `state_dir`, and returns the TLS configuration that presents the chain.
pub fn create(
    state_dir: &Path,
    organization: &str,
    hostnames: &[String],
) -> Result<Arc<rustls::ServerConfig>, String> {
    let ten_years = Validity::FromYesterday { days: 3650 };
    let ca = testcerts::ca(
        Subject {
            common_name: CA_NAME,
            organization: Some(organization),
        },
        ten_years,
    )?;
    let other = testcerts::ca(
        Subject {
            common_name: OTHER_CA_NAME,
            organization: Some("Elsewhere"),
        },
        ten_years,
    )?;
    // 825 days: the longest a public CA may issue, as a real installation's certificate.
    let validity = Validity::FromYesterday { days: 825 };
    let (server, key) = testcerts::server(hostnames, Some(organization), validity, &ca)?;

    let ca_pem = ca.cert.pem();
    testcerts::write(&state_dir.join("ca.pem"), ca_pem.as_bytes(), 0o644)?;
    testcerts::write(
        &state_dir.join("other-ca.pem"),
        other.cert.pem().as_bytes(),
        0o644,
    )?;
    let chain = format!("{}{ca_pem}", server.pem());
    testcerts::write(&state_dir.join("server.pem"), chain.as_bytes(), 0o644)?;
    testcerts::server_config(&[&server, &ca.cert], &key)
}
