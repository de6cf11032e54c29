//! The native limit: the same PUT, CA, Basic auth, user and number as `makeCall`, with no PHP.
//!
//! `native` drives async reqwest on a current-thread tokio runtime on the calling thread, one
//! kept-alive connection: what this HTTP stack does with nothing in between. `core` calls
//! `click2dial_core::make_call` in a loop, i.e. everything `makeCall` does except the PHP
//! binding, which tells the binding's cost apart from the transport's.

use std::fs;
use std::sync::Arc;
use std::time::{Duration, Instant};

use click2dial_core::{make_call, Secret, Settings};
use reqwest::header::CONTENT_LENGTH;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::CertificateDer;

use crate::latency;

const NUMBER: &str = "5551234";
const WARM_UP: usize = 200;

pub fn run_native(url: &str, ca: &str, user: &str, pin: &str, calls: usize, out: &str) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let client = reqwest::Client::builder()
        .use_preconfigured_tls(tls(ca))
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(1)
        .tcp_nodelay(true)
        .build()
        .unwrap();
    let target = format!("{url}/sipxconfig/rest/call/{NUMBER}");
    let call = || async {
        let response = client
            .put(&target)
            .basic_auth(user, Some(pin))
            .header(CONTENT_LENGTH, "0")
            .timeout(Duration::from_secs(5))
            .send()
            .await
            .expect("the emulator answers");
        assert!(response.status().is_success(), "{}", response.status());
        response.bytes().await.expect("the body arrives");
    };
    let (samples, total) = runtime.block_on(async {
        for _ in 0..WARM_UP {
            call().await;
        }
        let mut samples = Vec::with_capacity(calls);
        let started = Instant::now();
        for _ in 0..calls {
            let before = Instant::now();
            call().await;
            samples.push(before.elapsed());
        }
        (samples, started.elapsed())
    });
    latency::report("native", &samples, total, out);
}

/// `make_call` in a loop; the state folder is `C2D_BENCH_STATE_DIR` (the bench run's own), or the
/// default one when it is not set.
pub fn run_core(url: &str, ca: &str, user: &str, pin: &str, calls: usize, out: &str) {
    let settings = Settings {
        state_dir: std::env::var_os("C2D_BENCH_STATE_DIR").map(Into::into),
        server: url.to_owned(),
        ca_file: Some(ca.into()),
        rate_limit: 0,
        duplicate_window: Duration::ZERO,
        failed_logins: 0,
        ..Settings::default()
    };
    let pin = Secret::from(pin);
    let call = || make_call(&settings, NUMBER, user, Some(&pin)).expect("the call is accepted");
    for _ in 0..WARM_UP {
        call();
    }
    let mut samples = Vec::with_capacity(calls);
    let started = Instant::now();
    for _ in 0..calls {
        let before = Instant::now();
        call();
        samples.push(before.elapsed());
    }
    latency::report("core", &samples, started.elapsed(), out);
}

fn tls(ca: &str) -> rustls::ClientConfig {
    let mut roots = rustls::RootCertStore::empty();
    for cert in CertificateDer::pem_slice_iter(&fs::read(ca).expect("the CA file")) {
        roots.add(cert.unwrap()).unwrap();
    }
    rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth()
}
