//! Blocking TCP with deadlines, shared by both interfaces.
//!
//! Not the core's [`crate::transport`]: that one is a keep-alive HTTPS client for sipXconfig's
//! REST API. The clicktocall server speaks plain HTTP/1.0, closes after every answer, must get
//! each request in one write (§3.1), and its XML port is not HTTP at all. A few lines of
//! `std::net` say exactly what goes on the wire, which is what matters with this server.

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::time::{Duration, Instant};

use crate::{Error, Result};

/// Connects to `address` (`HOST:PORT`) within `connect_timeout`, IPv4 addresses first: the
/// server's HTTP and XML listeners are IPv4 only (§1).
pub(crate) fn connect(address: &str, connect_timeout: Duration, what: &str) -> Result<TcpStream> {
    let mut addresses: Vec<SocketAddr> = address
        .to_socket_addrs()
        .map_err(|e| {
            Error::unreachable(format!("cannot resolve the {what} {address}: {e}")).unsent()
        })?
        .collect();
    addresses.sort_by_key(|a| !a.is_ipv4());
    let mut last = None;
    for candidate in addresses {
        match TcpStream::connect_timeout(&candidate, connect_timeout) {
            Ok(stream) => {
                // Requests are small and sent once; no reason to wait for more to send.
                let _ = stream.set_nodelay(true);
                return Ok(stream);
            }
            Err(e) => last = Some(e),
        }
    }
    // Nothing was sent: the limits may give the call back.
    Err(Error::unreachable(match last {
        Some(e) => format!("cannot connect to the {what} {address}: {e}"),
        None => format!("the {what} {address} resolves to no address"),
    })
    .unsent())
}

/// Writes `bytes` as one `write` call: the HTTP interface acts on the first segment it gets
/// (§3.1). A socket that takes only part of a small request at once is not one to keep talking
/// to, so a short write is an error rather than a second write.
pub(crate) fn write_once(
    stream: &mut TcpStream,
    bytes: &[u8],
    deadline: Instant,
) -> io::Result<()> {
    stream.set_write_timeout(Some(left(deadline)?))?;
    let written = stream.write(bytes)?;
    if written == bytes.len() {
        Ok(())
    } else {
        Err(io::Error::new(
            io::ErrorKind::WriteZero,
            "the request did not go out in one write",
        ))
    }
}

/// Reads what is there, waiting no later than `deadline`; `Ok(0)` is the end of the stream.
pub(crate) fn read_some(
    stream: &mut TcpStream,
    buffer: &mut [u8],
    deadline: Instant,
) -> io::Result<usize> {
    stream.set_read_timeout(Some(left(deadline)?))?;
    stream.read(buffer)
}

/// The time until `deadline`, or a time-out error once it has passed (a zero time-out would
/// mean "wait for ever" to the socket).
fn left(deadline: Instant) -> io::Result<Duration> {
    let now = Instant::now();
    if now >= deadline {
        return Err(io::Error::new(io::ErrorKind::TimedOut, "time-out"));
    }
    Ok((deadline - now).max(Duration::from_millis(1)))
}

/// True for the errors a read time-out gives (which one depends on the platform).
pub(crate) fn is_timeout(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock
    )
}
