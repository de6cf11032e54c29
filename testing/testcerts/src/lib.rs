//! Throw-away certificates for click2dial's test servers (the sipXconfig emulator and the fault
//! servers): a certificate authority, server certificates it signs, the rustls configuration
//! that presents one, and the files a client is given. Made afresh on every start; private keys
//! stay in memory unless a caller writes one out for a server of its own.
//!
//! Each server keeps its own `certs` module saying which certificates it presents and why;
//! this crate holds what they share, so that the two make certificates the same way.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use std::sync::Arc;

use emulator_kit::clock::{civil_from_days, now_ms};
use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer,
    KeyUsagePurpose,
};
pub use rcgen::{Certificate, KeyPair};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use rustls::ServerConfig;

/// Who a certificate names: its common name and, if any, its organization.
#[derive(Clone, Copy, Debug)]
pub struct Subject<'a> {
    pub common_name: &'a str,
    pub organization: Option<&'a str>,
}

/// When a certificate is valid.
#[derive(Clone, Copy, Debug)]
pub enum Validity {
    /// rcgen's default, 1975 to 4096: never in the way of a test.
    Always,
    /// From yesterday (so a client clock a little behind still accepts it) for this many days,
    /// as a real installation's certificates are.
    FromYesterday { days: i64 },
    /// 2020 to 2021: for the test that a client refuses an expired certificate.
    Expired,
}

/// A certificate authority: its certificate, for clients to trust, and what signs with it.
pub struct Ca {
    pub cert: Certificate,
    pub issuer: Issuer<'static, KeyPair>,
}

/// Makes a certificate authority.
pub fn ca(subject: Subject<'_>, validity: Validity) -> Result<Ca, String> {
    let mut params = CertificateParams::new(Vec::<String>::new()).map_err(failed)?;
    name(&mut params, subject);
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    set_validity(&mut params, validity);
    let key = KeyPair::generate().map_err(failed)?;
    let cert = params.self_signed(&key).map_err(failed)?;
    Ok(Ca {
        cert,
        issuer: Issuer::new(params, key),
    })
}

/// Makes a server certificate for `names` (the first is its common name), signed by `ca`.
pub fn server(
    names: &[String],
    organization: Option<&str>,
    validity: Validity,
    ca: &Ca,
) -> Result<(Certificate, KeyPair), String> {
    // `CertificateParams::new` turns names that parse as IP addresses into IP SANs, so an IP
    // SAN exists only when the caller lists one.
    let mut params = CertificateParams::new(names.to_vec()).map_err(failed)?;
    name(
        &mut params,
        Subject {
            common_name: &names[0],
            organization,
        },
    );
    params.is_ca = IsCa::ExplicitNoCa;
    params.key_usages = vec![
        KeyUsagePurpose::DigitalSignature,
        KeyUsagePurpose::KeyEncipherment,
    ];
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    set_validity(&mut params, validity);
    let key = KeyPair::generate().map_err(failed)?;
    let cert = params.signed_by(&key, &ca.issuer).map_err(failed)?;
    Ok((cert, key))
}

/// A TLS server presenting `chain` (the server certificate first): TLS 1.2 and 1.3 with the
/// ring provider, HTTP/1.1 only.
pub fn server_config(chain: &[&Certificate], key: &KeyPair) -> Result<Arc<ServerConfig>, String> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let chain: Vec<CertificateDer<'static>> = chain.iter().map(|cert| cert.der().clone()).collect();
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
    let mut config = ServerConfig::builder_with_provider(provider)
        .with_protocol_versions(&[&rustls::version::TLS13, &rustls::version::TLS12])
        .map_err(|e| format!("TLS setup: {e}"))?
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .map_err(|e| format!("TLS setup: {e}"))?;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}

/// Writes a file afresh with `mode` (a private key: 0600), replacing one left by an earlier run.
pub fn write(path: &Path, contents: &[u8], mode: u32) -> Result<(), String> {
    let _ = fs::remove_file(path);
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .open(path)
        .and_then(|mut file| file.write_all(contents))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn failed(e: rcgen::Error) -> String {
    format!("cannot create certificates: {e}")
}

fn name(params: &mut CertificateParams, subject: Subject<'_>) {
    params
        .distinguished_name
        .push(DnType::CommonName, subject.common_name);
    if let Some(organization) = subject.organization {
        params
            .distinguished_name
            .push(DnType::OrganizationName, organization);
    }
}

fn set_validity(params: &mut CertificateParams, validity: Validity) {
    match validity {
        Validity::Always => {}
        Validity::FromYesterday { days } => {
            let (y, m, d) = date_in_days(-1);
            params.not_before = rcgen::date_time_ymd(y, m, d);
            let (y, m, d) = date_in_days(days);
            params.not_after = rcgen::date_time_ymd(y, m, d);
        }
        Validity::Expired => {
            params.not_before = rcgen::date_time_ymd(2020, 1, 1);
            params.not_after = rcgen::date_time_ymd(2021, 1, 1);
        }
    }
}

/// Today's date (UTC) moved by `days_offset` days.
fn date_in_days(days_offset: i64) -> (i32, u8, u8) {
    let today = (now_ms() / 86_400_000) as i64;
    let (y, m, d) = civil_from_days(today + days_offset);
    (y as i32, m as u8, d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_server_certificate_is_signed_by_its_ca_and_presentable() {
        let subject = Subject {
            common_name: "Test CA",
            organization: Some("Example"),
        };
        let ca = ca(subject, Validity::FromYesterday { days: 10 }).unwrap();
        let names = vec!["localhost".to_owned()];
        let (cert, key) = server(&names, None, Validity::Always, &ca).unwrap();
        assert!(server_config(&[&cert, &ca.cert], &key).is_ok());
    }
}
