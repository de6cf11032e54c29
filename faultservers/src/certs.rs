//! The certificates the fault servers present, made afresh on every start.
//!
//! One CA of our own signs a good certificate (the client is given that CA), a certificate for
//! another host name and an expired one; an unrelated CA signs a certificate the client must not
//! trust. Only the trusted CA's certificate is written out for the client; the one private key
//! written is the good certificate's, for `openssl s_server` (the TLS 1.0 server), into the
//! caller's run folder with mode 0600. Nothing here is ever committed.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use std::sync::Arc;

use rcgen::{
    BasicConstraints, Certificate, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa,
    Issuer, KeyPair, KeyUsagePurpose,
};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use rustls::ServerConfig;

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
    let err = |e: rcgen::Error| format!("cannot make certificates: {e}");
    let (ca_params, ca_key) = ca("click2dial fault-matrix CA").map_err(err)?;
    let ca_cert = ca_params.self_signed(&ca_key).map_err(err)?;
    let trusted = Issuer::new(ca_params, ca_key);
    let (rogue_params, rogue_key) = ca("Unrelated CA").map_err(err)?;
    let rogue = Issuer::new(rogue_params, rogue_key);

    let (good_cert, good_key) = leaf(names, &trusted, false).map_err(err)?;
    let wrong = leaf(&[OTHER_NAME.to_owned()], &trusted, false).map_err(err)?;
    let expired = leaf(names, &trusted, true).map_err(err)?;
    let untrusted = leaf(names, &rogue, false).map_err(err)?;

    write(&dir.join("ca.pem"), ca_cert.pem().as_bytes(), 0o644)?;
    write(&dir.join("good.pem"), good_cert.pem().as_bytes(), 0o644)?;
    write(
        &dir.join("good.key"),
        good_key.serialize_pem().as_bytes(),
        0o600,
    )?;
    Ok(Identities {
        good: config(&good_cert, &good_key)?,
        wrong_name: config(&wrong.0, &wrong.1)?,
        expired: config(&expired.0, &expired.1)?,
        untrusted: config(&untrusted.0, &untrusted.1)?,
    })
}

fn ca(name: &str) -> Result<(CertificateParams, KeyPair), rcgen::Error> {
    let mut params = CertificateParams::new(Vec::<String>::new())?;
    params.distinguished_name.push(DnType::CommonName, name);
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    Ok((params, KeyPair::generate()?))
}

/// A server certificate; rcgen's default validity (1975 to 4096) unless `expired`.
fn leaf(
    names: &[String],
    issuer: &Issuer<'_, KeyPair>,
    expired: bool,
) -> Result<(Certificate, KeyPair), rcgen::Error> {
    let mut params = CertificateParams::new(names.to_vec())?;
    params
        .distinguished_name
        .push(DnType::CommonName, names[0].as_str());
    params.is_ca = IsCa::ExplicitNoCa;
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    if expired {
        params.not_before = rcgen::date_time_ymd(2020, 1, 1);
        params.not_after = rcgen::date_time_ymd(2021, 1, 1);
    }
    let key = KeyPair::generate()?;
    let cert = params.signed_by(&key, issuer)?;
    Ok((cert, key))
}

fn config(cert: &Certificate, key: &KeyPair) -> Result<Arc<ServerConfig>, String> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
    let chain: Vec<CertificateDer<'static>> = vec![cert.der().clone()];
    let mut config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .and_then(|builder| builder.with_no_client_auth().with_single_cert(chain, key))
        .map_err(|e| format!("TLS setup: {e}"))?;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}

fn write(path: &Path, contents: &[u8], mode: u32) -> Result<(), String> {
    let _ = fs::remove_file(path);
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .open(path)
        .and_then(|mut file| file.write_all(contents))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}
