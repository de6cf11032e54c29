//! Listeners and connections: TLS or plain TCP, HTTP/1.1 with keep-alive, one task per
//! connection.

use std::future::Future;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;

use crate::pages::Body;
use crate::state::Emulator;
use crate::{control, pbx};

/// A client that opens a connection and never finishes the handshake is dropped after this.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Clone)]
pub enum Listener {
    /// The emulated sipXconfig, over TLS when `tls` is set, else plain HTTP.
    Pbx {
        tls: Option<TlsAcceptor>,
    },
    Control,
}

pub async fn serve(listener: TcpListener, kind: Listener, emulator: Arc<Emulator>) {
    loop {
        let (stream, _peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(e) => {
                // Out of file descriptors and the like: wait instead of spinning.
                eprintln!("sipxconfig-emulator: accept failed: {e}");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        // Small requests and answers on a kept-alive connection: Nagle would add delayed-ACK
        // stalls to every call.
        let _ = stream.set_nodelay(true);
        if matches!(kind, Listener::Pbx { .. }) {
            emulator.pbx_connections.fetch_add(1, Ordering::Relaxed);
        }
        let emulator = emulator.clone();
        let kind = kind.clone();
        tokio::spawn(async move {
            match kind {
                Listener::Pbx {
                    tls: Some(acceptor),
                } => {
                    // A failed or stalled handshake (untrusted CA, wrong name) is the
                    // client's business; the client reports it.
                    let handshake =
                        tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(stream));
                    if let Ok(Ok(tls_stream)) = handshake.await {
                        serve_pbx(tls_stream, emulator).await
                    }
                }
                Listener::Pbx { tls: None } => serve_pbx(stream, emulator).await,
                Listener::Control => {
                    serve_http(stream, move |request| {
                        control::handle(emulator.clone(), request)
                    })
                    .await
                }
            }
        });
    }
}

async fn serve_pbx<S>(stream: S, emulator: Arc<Emulator>)
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    serve_http(stream, move |request| {
        pbx::handle(emulator.clone(), request)
    })
    .await
}

async fn serve_http<S, F, Fut, E>(stream: S, handler: F)
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
    F: Fn(Request<Incoming>) -> Fut + Send + 'static,
    Fut: Future<Output = Result<Response<Body>, E>> + Send + 'static,
    E: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let connection = http1::Builder::new()
        .timer(TokioTimer::new())
        .keep_alive(true)
        .serve_connection(TokioIo::new(stream), service_fn(handler));
    // Errors here are clients going away or faults closing on purpose.
    let _ = connection.await;
}
