//! What the front listener does with a connection, one mode at a time.
//!
//! Each mode is one fault of the matrix (docs/reliability.md) that the emulator's own fault switch cannot
//! make; `none` passes the connection on to the emulator, so that the next call after a fault
//! is a real, recorded call.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{copy_bidirectional, AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::watch;
use tokio_rustls::server::TlsStream;
use tokio_rustls::TlsAcceptor;

use crate::certs::Identities;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// TLS with the good certificate, then the bytes go to the emulator's plain-HTTP listener.
    None,
    /// Nothing listens on the port.
    Refused,
    /// The status line, then one byte of a header every 100 ms, never the end of the headers.
    Dribble,
    /// Part of the headers, then a TCP reset.
    Reset,
    /// A 503 with a 4 MiB body.
    Huge,
    /// A 302 to another host (the trap listener, which counts who comes).
    Redirect,
    /// A certificate for another host name, signed by the trusted CA.
    WrongName,
    /// An expired certificate for the right name, signed by the trusted CA.
    Expired,
    /// A certificate for the right name, signed by a CA the client does not trust.
    Untrusted,
    /// The connection is handed to `openssl s_server -tls1`, which speaks TLS 1.0 only.
    Tls10,
}

impl Mode {
    pub const ALL: [Mode; 10] = [
        Mode::None,
        Mode::Refused,
        Mode::Dribble,
        Mode::Reset,
        Mode::Huge,
        Mode::Redirect,
        Mode::WrongName,
        Mode::Expired,
        Mode::Untrusted,
        Mode::Tls10,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Mode::None => "none",
            Mode::Refused => "refused",
            Mode::Dribble => "dribble",
            Mode::Reset => "reset",
            Mode::Huge => "huge",
            Mode::Redirect => "redirect",
            Mode::WrongName => "wrong-name",
            Mode::Expired => "expired",
            Mode::Untrusted => "untrusted",
            Mode::Tls10 => "tls10",
        }
    }

    pub fn parse(name: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|mode| mode.name() == name)
    }
}

/// Where the modes send what they do not answer themselves.
pub struct Backends {
    pub identities: Identities,
    /// The emulator's plain-HTTP listener.
    pub upstream: SocketAddr,
    /// The TLS 1.0 server.
    pub tls10: SocketAddr,
    /// The redirect target, which must never be visited.
    pub trap: SocketAddr,
}

const HUGE_BODY: usize = 4 * 1024 * 1024;

/// Serves one connection in `mode` until `changed` says the mode has changed. Errors are the
/// client going away, which is often the point.
pub async fn serve(
    mode: Mode,
    stream: TcpStream,
    backends: Arc<Backends>,
    mut changed: watch::Receiver<u64>,
) -> std::io::Result<()> {
    let ids = &backends.identities;
    match mode {
        Mode::Refused => Ok(()),
        Mode::Tls10 => tokio::select! {
            relayed = relay(stream, backends.tls10) => relayed,
            _ = changed.changed() => Ok(()),
        },
        Mode::WrongName | Mode::Expired | Mode::Untrusted => {
            let config = match mode {
                Mode::WrongName => &ids.wrong_name,
                Mode::Expired => &ids.expired,
                _ => &ids.untrusted,
            };
            // The client gives up in the handshake; nothing more is expected.
            tokio::select! {
                _ = TlsAcceptor::from(config.clone()).accept(stream) => Ok(()),
                _ = changed.changed() => Ok(()),
            }
        }
        Mode::None => {
            let mut tls = TlsAcceptor::from(ids.good.clone()).accept(stream).await?;
            let mut upstream = TcpStream::connect(backends.upstream).await?;
            tokio::select! {
                relayed = copy_bidirectional(&mut tls, &mut upstream) => relayed.map(drop),
                // An idle keep-alive connection closed the way a web server closes one: with a
                // TLS close_notify, so that the client knows to connect anew.
                _ = changed.changed() => tls.shutdown().await,
            }
        }
        Mode::Dribble | Mode::Reset | Mode::Huge | Mode::Redirect => {
            let mut tls = TlsAcceptor::from(ids.good.clone()).accept(stream).await?;
            read_head(&mut tls).await?;
            tokio::select! {
                answered = answer(mode, &mut tls, backends.trap) => answered,
                _ = changed.changed() => Ok(()),
            }
        }
    }
}

async fn answer(
    mode: Mode,
    tls: &mut TlsStream<TcpStream>,
    trap: SocketAddr,
) -> std::io::Result<()> {
    match mode {
        Mode::Dribble => {
            tls.write_all(b"HTTP/1.1 200 OK\r\nX-Slowly: ").await?;
            tls.flush().await?;
            loop {
                tokio::time::sleep(Duration::from_millis(100)).await;
                tls.write_all(b"z").await?;
                tls.flush().await?;
            }
        }
        Mode::Reset => {
            tls.write_all(b"HTTP/1.1 200 OK\r\nContent-Ty").await?;
            tls.flush().await?;
            tokio::time::sleep(Duration::from_millis(20)).await;
            // A zero linger makes the close a RST, not a FIN.
            tls.get_ref().0.set_zero_linger()?;
            Ok(())
        }
        Mode::Huge => {
            let head = format!(
                "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\n\
                 Content-Length: {HUGE_BODY}\r\nConnection: close\r\n\r\n"
            );
            tls.write_all(head.as_bytes()).await?;
            tls.write_all(&vec![b'x'; HUGE_BODY]).await?;
            tls.shutdown().await
        }
        Mode::Redirect => {
            let head = format!(
                "HTTP/1.1 302 Found\r\nLocation: https://{trap}/sipxconfig/rest/call/207\r\n\
                 Content-Length: 0\r\nConnection: close\r\n\r\n"
            );
            tls.write_all(head.as_bytes()).await?;
            tls.shutdown().await
        }
        _ => unreachable!("answer() is only called for modes that answer"),
    }
}

/// Reads up to the end of a request's headers (these requests have no body).
async fn read_head(tls: &mut TlsStream<TcpStream>) -> std::io::Result<()> {
    let mut head = Vec::new();
    let mut buffer = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let read = tls.read(&mut buffer).await?;
        if read == 0 || head.len() > 64 * 1024 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        head.extend_from_slice(&buffer[..read]);
    }
    Ok(())
}

async fn relay(mut stream: TcpStream, to: SocketAddr) -> std::io::Result<()> {
    let mut other = TcpStream::connect(to).await?;
    copy_bidirectional(&mut stream, &mut other).await.map(drop)
}
