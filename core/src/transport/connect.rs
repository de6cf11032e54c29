//! A new connection to a target within the connect deadline: the name resolved, the TCP
//! connection made (each address in turn) and, for `https`, the TLS handshake done.
//!
//! `getaddrinfo` cannot be told to give up, so a name is resolved on a thread of its own that is
//! waited for only until the deadline (an address is used as it is), and joined once it has
//! answered. A lookup that takes longer is left to finish on its thread; the call does not wait
//! for it. New connections are rare (one
//! per process and server, again after an idle time-out), so the thread costs little.

use std::io;
use std::net::{IpAddr, SocketAddr, TcpStream, ToSocketAddrs};
use std::sync::{mpsc, Arc};
use std::thread;
use std::time::Instant;

use rustls::pki_types::ServerName;
use rustls::{ClientConfig, ClientConnection};

use super::stream::{is_timeout, Failure, NoSignal, Stream};
use super::Target;

/// Connects to `target` by `deadline`.
pub fn open(
    target: &Target,
    tls: &Arc<ClientConfig>,
    deadline: Instant,
) -> Result<Stream, Failure> {
    let addresses = resolve(&target.host, target.port, deadline)?;
    let socket = connect_any(&addresses, deadline)?;
    // Requests are small and sent whole; no reason to wait for more to send.
    let _ = socket.set_nodelay(true);
    // Writes of a request never fill a socket's buffer; this only bounds a stuck peer.
    let _ = socket.set_write_timeout(Some(super::IDLE_FOR));
    if !target.tls {
        return Ok(Stream::Plain(socket));
    }
    let name = ServerName::try_from(target.host.clone())
        .map_err(|err| Failure::Connect(io::Error::new(io::ErrorKind::InvalidInput, err)))?;
    let conn = ClientConnection::new(tls.clone(), name)
        .map_err(|err| Failure::Connect(io::Error::new(io::ErrorKind::InvalidData, err)))?;
    handshake(conn, socket, deadline)
}

/// The addresses of `host`, IPv4 first, resolved by `deadline`.
fn resolve(host: &str, port: u16, deadline: Instant) -> Result<Vec<SocketAddr>, Failure> {
    if let Ok(ip) = host.trim_matches(['[', ']']).parse::<IpAddr>() {
        return Ok(vec![SocketAddr::new(ip, port)]);
    }
    let (sender, answer) = mpsc::channel();
    let name = host.to_owned();
    let resolver = thread::Builder::new()
        .name("click2dial-resolver".to_owned())
        .spawn(move || {
            let found = (name.as_str(), port)
                .to_socket_addrs()
                .map(|found| found.collect::<Vec<_>>());
            let _ = sender.send(found);
        })
        .map_err(Failure::Resolve)?;
    let left = deadline.saturating_duration_since(Instant::now());
    let found = match answer.recv_timeout(left) {
        Ok(found) => found,
        Err(_) => return Err(Failure::ConnectTimeout),
    };
    // It has answered and only has to end: no thread stays behind a call that got its answer.
    let _ = resolver.join();
    let mut addresses = found.map_err(Failure::Resolve)?;
    if addresses.is_empty() {
        return Err(Failure::Resolve(io::Error::new(
            io::ErrorKind::NotFound,
            "the name has no address",
        )));
    }
    addresses.sort_by_key(|address| !address.is_ipv4());
    Ok(addresses)
}

/// A TCP connection to the first of `addresses` that takes one by `deadline`.
fn connect_any(addresses: &[SocketAddr], deadline: Instant) -> Result<TcpStream, Failure> {
    let mut last = None;
    for address in addresses {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(Failure::ConnectTimeout);
        }
        match TcpStream::connect_timeout(address, left) {
            Ok(socket) => return Ok(socket),
            Err(err) if is_timeout(&err) => return Err(Failure::ConnectTimeout),
            Err(err) => last = Some(err),
        }
    }
    Err(Failure::Connect(last.unwrap_or_else(|| {
        io::Error::new(io::ErrorKind::NotFound, "no address to connect to")
    })))
}

/// The TLS handshake on `socket`, done by `deadline`.
fn handshake(
    mut conn: ClientConnection,
    socket: TcpStream,
    deadline: Instant,
) -> Result<Stream, Failure> {
    while conn.is_handshaking() {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(Failure::ConnectTimeout);
        }
        let timed = socket
            .set_read_timeout(Some(left))
            .and_then(|()| socket.set_write_timeout(Some(left)));
        let done = timed.and_then(|()| conn.complete_io(&mut NoSignal(&socket)).map(drop));
        match done {
            Ok(()) => {}
            Err(err) if is_timeout(&err) => return Err(Failure::ConnectTimeout),
            Err(err) => return Err(Failure::Connect(err)),
        }
    }
    let _ = socket.set_write_timeout(Some(super::IDLE_FOR));
    Ok(Stream::Tls(Box::new((conn, socket))))
}
