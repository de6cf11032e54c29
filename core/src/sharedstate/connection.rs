//! One connection to Redis: TCP, TLS over TCP, or a Unix socket; signed in and on its database.
//!
//! Every wait is bounded by `click2dial.connect_timeout_ms`: connecting, the TLS handshake and
//! each read and write (a Redis that answers is fast; one that does not must not hold a PHP
//! worker for the whole request time-out). Host names are resolved by the system's resolver
//! before that, as for any name in php.ini; an address or a socket needs none.

use std::fs;
use std::io::{self, BufReader, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use rustls::pki_types::ServerName;
use rustls::{ClientConfig, ClientConnection, RootCertStore, StreamOwned};
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::CertificateDer;

use super::resp::{self, Failure, Reply};
use super::target::{Endpoint, Target};
use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::settings::Settings;
use crate::tls;

/// The largest password file read.
const MAX_PASSWORD_BYTES: u64 = 4096;

/// A byte stream to Redis.
enum Stream {
    Tcp(TcpStream),
    Tls(Box<StreamOwned<ClientConnection, TcpStream>>),
    Unix(UnixStream),
}

impl Read for Stream {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Stream::Tcp(stream) => stream.read(buf),
            Stream::Tls(stream) => stream.read(buf),
            Stream::Unix(stream) => stream.read(buf),
        }
    }
}

impl Write for Stream {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Stream::Tcp(stream) => stream.write(buf),
            Stream::Tls(stream) => stream.write(buf),
            Stream::Unix(stream) => stream.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Stream::Tcp(stream) => stream.flush(),
            Stream::Tls(stream) => stream.flush(),
            Stream::Unix(stream) => stream.flush(),
        }
    }
}

impl Stream {
    /// Whether the server has closed the connection (or sent something nobody asked for)
    /// since it was last used: a kept connection must then not be written into. Looked at
    /// without waiting.
    fn is_closed(&mut self) -> bool {
        let mut byte = [0u8; 1];
        let peeked = match self {
            Stream::Tcp(stream) => peek_now(stream, &mut byte),
            Stream::Tls(stream) => peek_now(stream.get_ref(), &mut byte),
            Stream::Unix(stream) => peek_unix_now(stream, &mut byte),
        };
        match (peeked, self) {
            (Err(err), _) => err.kind() != io::ErrorKind::WouldBlock,
            (Ok(0), _) => true,
            // TLS 1.3 servers send session tickets after the handshake, which may arrive after
            // the first reply: rustls reads them, and only data or a close is a problem.
            (Ok(_), Stream::Tls(stream)) => !holds_only_tls_housekeeping(stream),
            (Ok(_), _) => true,
        }
    }
}

fn holds_only_tls_housekeeping(stream: &mut StreamOwned<ClientConnection, TcpStream>) -> bool {
    if stream.get_ref().set_nonblocking(true).is_err() {
        return false;
    }
    let mut byte = [0u8; 1];
    let read = stream.read(&mut byte);
    let restored = stream.get_ref().set_nonblocking(false).is_ok();
    restored && matches!(read, Err(ref err) if err.kind() == io::ErrorKind::WouldBlock)
}

fn peek_now(stream: &TcpStream, byte: &mut [u8]) -> io::Result<usize> {
    stream.set_nonblocking(true)?;
    let peeked = stream.peek(byte);
    stream.set_nonblocking(false)?;
    peeked
}

fn peek_unix_now(stream: &UnixStream, byte: &mut [u8]) -> io::Result<usize> {
    stream.set_nonblocking(true)?;
    // SAFETY: the descriptor is open while `stream` lives; recv writes at most one byte into
    // `byte`, which is that long, and MSG_PEEK leaves it in the socket.
    let got = unsafe {
        libc::recv(
            std::os::fd::AsRawFd::as_raw_fd(stream),
            byte.as_mut_ptr().cast(),
            1,
            libc::MSG_PEEK,
        )
    };
    let peeked = if got < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(got as usize)
    };
    stream.set_nonblocking(false)?;
    peeked
}

/// A connection, signed in and on its database.
pub struct Connection {
    stream: BufReader<Stream>,
}

impl Connection {
    /// Connects to `target`, signs in with the password of the settings and selects the
    /// database.
    pub fn open(settings: &Settings, target: &Target) -> Result<Connection> {
        let password = password(settings)?;
        let timeout = settings.connect_timeout;
        let stream = match &target.endpoint {
            Endpoint::Tcp { host, port, tls } => {
                let tcp =
                    connect_tcp(host, *port, timeout).map_err(|err| unreachable(target, &err))?;
                if *tls {
                    Stream::Tls(Box::new(wrap_tls(settings, host, tcp)?))
                } else {
                    Stream::Tcp(tcp)
                }
            }
            Endpoint::Unix(path) => {
                Stream::Unix(connect_unix(path, timeout).map_err(|err| unreachable(target, &err))?)
            }
        };
        let mut connection = Connection {
            stream: BufReader::new(stream),
        };
        connection.sign_in(settings, target, password.as_ref())?;
        if target.db != 0 {
            let db = target.db.to_string();
            match connection.command(&[b"SELECT", db.as_bytes()]) {
                Ok(Reply::Status(_)) => {}
                Ok(Reply::Error(text)) => {
                    return Err(answered(target, &format!("SELECT {db}: {text}")))
                }
                Ok(other) => return Err(answered(target, &format!("SELECT {db}: {other:?}"))),
                Err(failure) => return Err(failed(target, failure)),
            }
        }
        Ok(connection)
    }

    /// Whether the server closed this kept connection since its last use.
    pub fn is_closed(&mut self) -> bool {
        !self.stream.buffer().is_empty() || self.stream.get_mut().is_closed()
    }

    /// Sends one command and reads its reply.
    pub fn command(&mut self, args: &[&[u8]]) -> std::result::Result<Reply, Failure> {
        let mut replies = self.pipeline(&[args])?;
        replies
            .pop()
            .ok_or_else(|| Failure::Protocol("no reply".to_owned()))
    }

    /// Sends the commands at once and reads their replies, in order: one round trip.
    pub fn pipeline(&mut self, commands: &[&[&[u8]]]) -> std::result::Result<Vec<Reply>, Failure> {
        let mut out = zeroize::Zeroizing::new(Vec::new());
        for args in commands {
            out.extend_from_slice(&resp::encode(args));
        }
        let stream = self.stream.get_mut();
        stream.write_all(&out)?;
        stream.flush()?;
        commands
            .iter()
            .map(|_| resp::read(&mut self.stream))
            .collect()
    }

    fn sign_in(
        &mut self,
        settings: &Settings,
        target: &Target,
        password: Option<&Secret>,
    ) -> Result<()> {
        let Some(password) = password else {
            return Ok(());
        };
        let shown_file = settings
            .shared_state_password_file
            .as_deref()
            .map(Path::display)
            .map(|path| path.to_string())
            .unwrap_or_default();
        match self.command(&[b"AUTH", password.expose().as_bytes()]) {
            Ok(Reply::Status(_)) => Ok(()),
            // Redis 6+ and 5 say so when no password is set; a hint is better than "wrong".
            Ok(Reply::Error(text))
                if text.contains("without any password configured")
                    || text.contains("no password is set") =>
            {
                Err(Error::configuration(format!(
                    "Redis at click2dial.shared_state {} asks for no password (it has no \
                     requirepass) but click2dial.shared_state_password_file {shown_file} names \
                     one, so the call limits and call records cannot be kept and nothing is \
                     sent to the PBX: set requirepass in Redis, or empty the setting",
                    target.shown
                )))
            }
            // Redis' own words are not repeated: they are about the password.
            Ok(Reply::Error(_)) => Err(Error::configuration(format!(
                "Redis at click2dial.shared_state {} refused the password in \
                 click2dial.shared_state_password_file {shown_file}, so the call limits and \
                 call records cannot be kept and nothing is sent to the PBX: put Redis' \
                 password (requirepass) in that file",
                target.shown
            ))),
            Ok(other) => Err(answered(target, &format!("AUTH: {}", kind_of(&other)))),
            Err(failure) => Err(failed(target, failure)),
        }
    }
}

fn kind_of(reply: &Reply) -> &'static str {
    match reply {
        Reply::Status(_) => "a status",
        Reply::Error(_) => "an error",
        Reply::Integer(_) => "an integer",
        Reply::Bulk(_) => "a string",
        Reply::Array(_) => "an array",
    }
}

fn connect_tcp(host: &str, port: u16, timeout: Duration) -> io::Result<TcpStream> {
    let mut last = io::Error::new(io::ErrorKind::NotFound, "the name has no address");
    for address in (host, port).to_socket_addrs()? {
        match TcpStream::connect_timeout(&address, timeout) {
            Ok(stream) => {
                stream.set_read_timeout(Some(timeout))?;
                stream.set_write_timeout(Some(timeout))?;
                stream.set_nodelay(true)?;
                return Ok(stream);
            }
            Err(err) => last = err,
        }
    }
    Err(last)
}

fn connect_unix(path: &Path, timeout: Duration) -> io::Result<UnixStream> {
    let stream = UnixStream::connect(path)?;
    stream.set_read_timeout(Some(timeout))?;
    stream.set_write_timeout(Some(timeout))?;
    Ok(stream)
}

/// TLS over `tcp`, verified against `click2dial.shared_state_ca_file`, else `click2dial.ca_file`,
/// else the system's roots; the handshake happens with the first command, within the time-out.
fn wrap_tls(
    settings: &Settings,
    host: &str,
    tcp: TcpStream,
) -> Result<StreamOwned<ClientConnection, TcpStream>> {
    let config = match &settings.shared_state_ca_file {
        Some(path) => config_trusting(path)?,
        None => tls::client_config(settings.ca_file.as_deref())?,
    };
    let name = ServerName::try_from(host.to_owned()).map_err(|err| {
        Error::configuration(format!(
            "click2dial.shared_state names the host {host:?}, which TLS cannot verify ({err})"
        ))
    })?;
    let connection = ClientConnection::new(Arc::new(config), name).map_err(|err| {
        Error::configuration(format!("TLS towards Redis cannot be set up ({err})"))
    })?;
    Ok(StreamOwned::new(connection, tcp))
}

fn config_trusting(path: &Path) -> Result<ClientConfig> {
    let shown = path.display();
    let problem = |what: String| {
        Error::configuration(format!(
            "click2dial.shared_state_ca_file {shown} {what}: point it at the CA certificate (PEM) \
             that signed Redis' certificate"
        ))
    };
    let bytes = fs::read(path).map_err(|err| problem(format!("cannot be read ({err})")))?;
    let mut roots = RootCertStore::empty();
    for cert in CertificateDer::pem_slice_iter(&bytes) {
        let cert = cert.map_err(|err| problem(format!("is not valid PEM ({err})")))?;
        roots
            .add(cert)
            .map_err(|err| problem(format!("holds a certificate that is no CA ({err})")))?;
    }
    if roots.is_empty() {
        return Err(problem("holds no PEM certificate".to_owned()));
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    Ok(ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|err| Error::configuration(format!("TLS cannot be set up: {err}")))?
        .with_root_certificates(roots)
        .with_no_client_auth())
}

/// Redis' password from `click2dial.shared_state_password_file`, read when a connection is made
/// (never at start-up); refused when every user of the machine may read it, like the key file.
fn password(settings: &Settings) -> Result<Option<Secret>> {
    let Some(path) = &settings.shared_state_password_file else {
        return Ok(None);
    };
    let shown = path.display();
    let problem = |what: String| {
        Error::configuration(format!(
            "click2dial.shared_state_password_file {shown} {what}, so the call limits and call \
             records cannot be kept and nothing is sent to the PBX"
        ))
    };
    let file = fs::File::open(path).map_err(|err| problem(format!("cannot be read ({err})")))?;
    let metadata = file
        .metadata()
        .map_err(|err| problem(format!("cannot be read ({err})")))?;
    let mode = metadata.permissions().mode() & 0o777;
    if mode & 0o007 != 0 {
        return Err(problem(format!(
            "can be read or changed by every user of this machine (mode {mode:04o}); make it \
             readable only by its owner and the web server's group, e.g. chown root:www-data \
             and chmod 0640"
        )));
    }
    if !metadata.is_file() {
        return Err(problem("is not a regular file".to_owned()));
    }
    let mut text = zeroize::Zeroizing::new(String::new());
    file.take(MAX_PASSWORD_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|err| problem(format!("cannot be read as text ({})", err.kind())))?;
    if text.len() as u64 > MAX_PASSWORD_BYTES {
        return Err(problem(format!(
            "is longer than {MAX_PASSWORD_BYTES} bytes: it must hold the password alone"
        )));
    }
    // One line: the password; an editor's final newline is not part of it.
    let password = text.trim_end_matches(['\n', '\r']);
    if password.is_empty() {
        return Err(problem(
            "is empty: write Redis' password (requirepass) in it".to_owned(),
        ));
    }
    Ok(Some(Secret::new(password.to_owned())))
}

/// The connection failed: Redis does not run there, or is not reachable within the time-out.
pub fn unreachable(target: &Target, err: &io::Error) -> Error {
    let tls_problem = err
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<rustls::Error>());
    if let Some(problem) = tls_problem {
        return Error::configuration(format!(
            "the TLS handshake with Redis at click2dial.shared_state {} failed ({problem}), so \
             the call limits and call records cannot be kept and nothing is sent to the PBX: \
             set click2dial.shared_state_ca_file (or click2dial.ca_file) to the CA that signed \
             Redis' certificate, and name the host that certificate names",
            target.shown
        ));
    }
    Error::configuration(format!(
        "Redis at click2dial.shared_state {} cannot be reached ({err}), so the call limits and \
         call records cannot be kept and nothing is sent to the PBX: start Redis or fix the \
         setting (it is waited for click2dial.connect_timeout_ms)",
        target.shown
    ))
}

/// Redis answered, but not as Redis answers these commands.
pub fn answered(target: &Target, what: &str) -> Error {
    let what: String = what.chars().take(200).collect();
    Error::configuration(format!(
        "Redis at click2dial.shared_state {} answered wrongly ({what}), so the call limits and \
         call records cannot be kept and nothing is sent to the PBX: check that it is Redis, \
         and that it is writable (not a replica, not out of memory)",
        target.shown
    ))
}

/// A command failed on the way or came back unreadable.
pub fn failed(target: &Target, failure: Failure) -> Error {
    match failure {
        Failure::Io(err) => unreachable(target, &err),
        Failure::Protocol(what) => answered(target, &what),
    }
}
