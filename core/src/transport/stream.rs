//! A connection, plain or TLS, read and written in blocking calls that wait no longer than a
//! deadline, and what can go wrong on it.

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::os::fd::AsRawFd;
use std::time::Instant;

use rustls::ClientConnection;

/// Why an exchange failed, and whether anything was sent before.
#[derive(Debug)]
pub enum Failure {
    /// The host name did not resolve (nothing was sent).
    Resolve(io::Error),
    /// Resolving, connecting or the TLS handshake took longer than the connect time-out
    /// (nothing was sent).
    ConnectTimeout,
    /// The connection or the TLS handshake failed (nothing was sent); a TLS failure is a
    /// `rustls::Error` inside the `io::Error`.
    Connect(io::Error),
    /// The answer did not come within the request's time-out.
    Timeout,
    /// The connection failed after the request may have gone out.
    Io(io::Error),
    /// The answer is not HTTP/1.x as this client reads it.
    Malformed(&'static str),
}

impl Failure {
    /// Whether the request cannot have reached the server.
    pub fn unsent(&self) -> bool {
        matches!(
            self,
            Failure::Resolve(_) | Failure::ConnectTimeout | Failure::Connect(_)
        )
    }

    /// The TLS failure behind this one, if it is one.
    pub fn tls_error(&self) -> Option<&rustls::Error> {
        match self {
            Failure::Connect(err) | Failure::Io(err) => err
                .get_ref()
                .and_then(|inner| inner.downcast_ref::<rustls::Error>()),
            _ => None,
        }
    }
}

/// An open connection.
pub enum Stream {
    /// Plain TCP (`http`).
    Plain(TcpStream),
    /// TLS over TCP (`https`).
    Tls(Box<(ClientConnection, TcpStream)>),
}

/// A read or write that found the deadline passed, or waited for it in vain.
pub fn is_timeout(err: &io::Error) -> bool {
    matches!(
        err.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    )
}

impl Stream {
    fn socket(&self) -> &TcpStream {
        match self {
            Stream::Plain(socket) => socket,
            Stream::Tls(tls) => &tls.1,
        }
    }

    /// Reads what is there, waiting at most until `deadline`.
    pub fn read_by(&mut self, buf: &mut [u8], deadline: Instant) -> io::Result<usize> {
        wait_until(self.socket(), deadline)?;
        match self {
            Stream::Plain(socket) => socket.read(buf),
            Stream::Tls(tls) => {
                let (conn, socket) = &mut **tls;
                rustls::Stream::new(conn, &mut NoSignal(socket)).read(buf)
            }
        }
    }

    /// Writes all of `bytes` (one `write` or `writev` for a request of a few hundred bytes).
    pub fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        match self {
            Stream::Plain(socket) => socket.write_all(bytes),
            Stream::Tls(tls) => {
                let (conn, socket) = &mut **tls;
                conn.writer().write_all(bytes)?;
                while conn.wants_write() {
                    conn.write_tls(&mut NoSignal(socket))?;
                }
                Ok(())
            }
        }
    }

    /// Whether the server has closed the connection (or sent something nobody asked for)
    /// since it was last used: a kept connection must then not be written into. Looked at
    /// without waiting, in one `recv` when nothing came.
    pub fn is_closed(&mut self) -> bool {
        let mut byte = [0u8; 1];
        match recv_now(self.socket(), &mut byte, libc::MSG_PEEK) {
            Err(err) => err.kind() != io::ErrorKind::WouldBlock,
            Ok(0) => true,
            // TLS 1.3 servers send session tickets after the handshake, which may arrive after
            // the first answer: rustls takes them, and only data or a close is a problem.
            Ok(_) => match self {
                Stream::Tls(tls) => !holds_only_tls_housekeeping(tls),
                Stream::Plain(_) => true,
            },
        }
    }
}

/// Sets the socket's read time-out to what is left until `deadline` (a time-out, when nothing is).
fn wait_until(socket: &TcpStream, deadline: Instant) -> io::Result<()> {
    let left = deadline.saturating_duration_since(Instant::now());
    if left.is_zero() {
        return Err(io::ErrorKind::TimedOut.into());
    }
    socket.set_read_timeout(Some(left))
}

/// Reads what the server sent into rustls without waiting; true when that was TLS records only
/// (tickets, key updates), no data and no close.
fn holds_only_tls_housekeeping(tls: &mut (ClientConnection, TcpStream)) -> bool {
    let (conn, socket) = tls;
    loop {
        match conn.read_tls(&mut NoWait(socket)) {
            Ok(0) => return false,
            Ok(_) => {
                if conn.process_new_packets().is_err() {
                    return false;
                }
            }
            Err(err) if err.kind() == io::ErrorKind::WouldBlock => break,
            Err(_) => return false,
        }
    }
    let mut byte = [0u8; 1];
    matches!(conn.reader().read(&mut byte), Err(ref err) if err.kind() == io::ErrorKind::WouldBlock)
}

/// The socket, written with `MSG_NOSIGNAL`: writing to a connection the peer reset is then an
/// error (`EPIPE`), not a `SIGPIPE`, which would end the PHP process (PHP does not ignore it).
/// std's `TcpStream::write` sends so, but its `write_vectored`, which rustls uses, is `writev`;
/// this one has no vectored write, so rustls sends a record at a time.
pub struct NoSignal<'a>(pub &'a TcpStream);

impl Read for NoSignal<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let mut socket = self.0;
        socket.read(buf)
    }
}

impl Write for NoSignal<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // SAFETY: the descriptor is open while the socket lives, and send reads at most
        // `buf.len()` bytes of `buf`.
        let sent = unsafe {
            libc::send(
                self.0.as_raw_fd(),
                buf.as_ptr().cast(),
                buf.len(),
                libc::MSG_NOSIGNAL,
            )
        };
        if sent < 0 {
            Err(io::Error::last_os_error())
        } else {
            Ok(sent as usize)
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A socket read without waiting.
struct NoWait<'a>(&'a TcpStream);

impl Read for NoWait<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        recv_now(self.0, buf, 0)
    }
}

/// `recv` with `MSG_DONTWAIT` and `flags`: what is there, or `WouldBlock`.
fn recv_now(socket: &TcpStream, buf: &mut [u8], flags: libc::c_int) -> io::Result<usize> {
    // SAFETY: the descriptor is open while `socket` lives, and recv writes at most `buf.len()`
    // bytes into `buf`.
    let got = unsafe {
        libc::recv(
            socket.as_raw_fd(),
            buf.as_mut_ptr().cast(),
            buf.len(),
            flags | libc::MSG_DONTWAIT,
        )
    };
    if got < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(got as usize)
    }
}
