//! The installation's private certificate authority and the server certificate it signs.
//!
//! sipXecs makes its own CA and publishes its certificate; clients must trust that file and
//! connect by host name. The emulator does the same on every start, and writes a second,
//! unrelated CA for "untrusted CA" tests. Private keys never leave memory.

use std::path::Path;
use std::sync::Arc;

use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose,
};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

use crate::clock::date_in_days;

pub const CA_NAME: &str = "Example VoIP Certificate Authority";
pub const OTHER_CA_NAME: &str = "Unrelated Test Certificate Authority";

/// What the TLS listener needs: the chain to present and its key.
pub struct ServerIdentity {
    pub chain: Vec<CertificateDer<'static>>,
    pub key: PrivateKeyDer<'static>,
}

/// Makes both CAs and the server certificate and writes `ca.pem`, `other-ca.pem` and
/// `server.pem` into `state_dir`.
pub fn create(
    state_dir: &Path,
    organization: &str,
    hostnames: &[String],
) -> Result<ServerIdentity, String> {
    let err = |e: rcgen::Error| format!("cannot create certificates: {e}");
    let (ca_params, ca_key) = new_ca(CA_NAME, organization).map_err(err)?;
    let ca_cert = ca_params.self_signed(&ca_key).map_err(err)?;
    let (other_params, other_key) = new_ca(OTHER_CA_NAME, "Elsewhere").map_err(err)?;
    let other_cert = other_params.self_signed(&other_key).map_err(err)?;

    // `CertificateParams::new` turns names that parse as IP addresses into IP SANs, so an IP
    // SAN exists only when the config lists one.
    let mut server_params = CertificateParams::new(hostnames.to_vec()).map_err(err)?;
    server_params
        .distinguished_name
        .push(DnType::CommonName, hostnames[0].as_str());
    server_params
        .distinguished_name
        .push(DnType::OrganizationName, organization);
    server_params.is_ca = IsCa::ExplicitNoCa;
    server_params.key_usages = vec![
        KeyUsagePurpose::DigitalSignature,
        KeyUsagePurpose::KeyEncipherment,
    ];
    server_params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    set_validity(&mut server_params, 825);
    let server_key = KeyPair::generate().map_err(err)?;
    let issuer = Issuer::new(ca_params, ca_key);
    let server_cert = server_params.signed_by(&server_key, &issuer).map_err(err)?;

    write(&state_dir.join("ca.pem"), &ca_cert.pem())?;
    write(&state_dir.join("other-ca.pem"), &other_cert.pem())?;
    write(
        &state_dir.join("server.pem"),
        &format!("{}{}", server_cert.pem(), ca_cert.pem()),
    )?;

    Ok(ServerIdentity {
        chain: vec![server_cert.der().clone(), ca_cert.der().clone()],
        key: PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(server_key.serialize_der())),
    })
}

fn new_ca(
    common_name: &str,
    organization: &str,
) -> Result<(CertificateParams, KeyPair), rcgen::Error> {
    let mut params = CertificateParams::new(Vec::<String>::new())?;
    params
        .distinguished_name
        .push(DnType::CommonName, common_name);
    params
        .distinguished_name
        .push(DnType::OrganizationName, organization);
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    set_validity(&mut params, 3650);
    Ok((params, KeyPair::generate()?))
}

/// Valid from yesterday, so a client clock a little behind still accepts it.
fn set_validity(params: &mut CertificateParams, days: i64) {
    let (y, m, d) = date_in_days(-1);
    params.not_before = rcgen::date_time_ymd(y, m, d);
    let (y, m, d) = date_in_days(days);
    params.not_after = rcgen::date_time_ymd(y, m, d);
}

fn write(path: &Path, contents: &str) -> Result<(), String> {
    std::fs::write(path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// TLS 1.2 and 1.3 with the ring provider, HTTP/1.1 only.
pub fn tls_config(identity: ServerIdentity) -> Result<Arc<rustls::ServerConfig>, String> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_protocol_versions(&[&rustls::version::TLS13, &rustls::version::TLS12])
        .map_err(|e| format!("TLS setup: {e}"))?
        .with_no_client_auth()
        .with_single_cert(identity.chain, identity.key)
        .map_err(|e| format!("TLS setup: {e}"))?;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}
