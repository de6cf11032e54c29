//! One HTTP/1.1 request and its answer on a connection: the request written whole, the head
//! parsed (httparse), the body read by its `Content-Length`, in chunks, or to the close, up to
//! the caller's limit.

use std::time::{Duration, Instant};

use zeroize::Zeroizing;

use super::stream::{is_timeout, Failure, Stream};

/// The most an answer's status line and headers may take.
pub const MAX_HEAD_BYTES: usize = 64 * 1024;

/// The most headers an answer may have.
const MAX_HEADERS: usize = 64;

/// How much the first read of an answer takes at most; each later one takes as much as has
/// been read. The buffer is zeroed before each read, so small is cheaper.
const READ_BYTES: usize = 1024;

/// A request without a body.
#[derive(Debug)]
pub struct Request<'a> {
    /// `GET`, `PUT`, ...
    pub method: &'a str,
    /// The path and query, escaped, from the first `/`.
    pub path: &'a str,
    /// Headers beyond `Host`, `User-Agent` and `Content-Length`: a name and its value.
    pub headers: &'a [(&'a str, &'a [u8])],
    /// From the start to the last byte of the answer.
    pub timeout: Duration,
    /// How much of the body is read; a longer one is left unread (and the connection closed).
    pub body_limit: usize,
    /// Whether the body is wanted; otherwise it is only read so that the connection can be kept.
    pub keep_body: bool,
    /// Work to do once the request is sent, while the server works on it (see [`WhileWaiting`]).
    pub while_waiting: Option<WhileWaiting<'a>>,
}

/// Work done between sending a request and reading its answer: the time the server takes is
/// spent anyway, so what has to be done for the request's sake but need not be done before it
/// (a call's record, see `status`) costs the caller nothing there.
#[derive(Clone, Copy)]
pub struct WhileWaiting<'a>(pub &'a dyn Fn());

impl std::fmt::Debug for WhileWaiting<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WhileWaiting(..)")
    }
}

/// What came back.
#[derive(Debug)]
pub struct Answer {
    /// The HTTP status.
    pub status: u16,
    /// The `Location` header, if any.
    pub location: Option<String>,
    /// The body when it was wanted and no longer than the limit; `None` otherwise.
    pub body: Option<Vec<u8>>,
}

/// The request's head, in a buffer wiped when dropped: it carries the `Authorization` header.
pub fn head(request: &Request<'_>, host: &str) -> Zeroizing<Vec<u8>> {
    let extra: usize = request
        .headers
        .iter()
        .map(|(name, value)| name.len() + value.len() + 4)
        .sum();
    let mut head = Zeroizing::new(Vec::with_capacity(
        128 + request.method.len() + request.path.len() + host.len() + extra,
    ));
    for part in [
        request.method,
        " ",
        request.path,
        " HTTP/1.1\r\nHost: ",
        host,
    ] {
        head.extend_from_slice(part.as_bytes());
    }
    head.extend_from_slice(
        concat!(
            "\r\nUser-Agent: click2dial/",
            env!("CARGO_PKG_VERSION"),
            "\r\nContent-Length: 0\r\n"
        )
        .as_bytes(),
    );
    for (name, value) in request.headers {
        head.extend_from_slice(name.as_bytes());
        head.extend_from_slice(b": ");
        head.extend_from_slice(value);
        head.extend_from_slice(b"\r\n");
    }
    head.extend_from_slice(b"\r\n");
    head
}

/// Writes `head` and reads the answer by `deadline`; the flag says whether the connection may be
/// kept for another request.
pub fn exchange(
    stream: &mut Stream,
    head: &[u8],
    request: &Request<'_>,
    deadline: Instant,
) -> Result<(Answer, bool), Failure> {
    stream.write_all(head).map_err(Failure::Io)?;
    if let Some(WhileWaiting(work)) = request.while_waiting {
        work();
    }
    let mut reader = Reader {
        stream,
        deadline,
        buf: Vec::with_capacity(READ_BYTES),
        start: 0,
    };
    let parsed = reader.head()?;
    let read = reader.body(&parsed, request.body_limit);
    let (body, complete) = match read {
        Ok(read) => read,
        // The status line has already said what the server decided; a body that is not wanted
        // and breaks off only costs the connection.
        Err(_) if !request.keep_body => (None, false),
        Err(err) => return Err(err),
    };
    let reusable = complete && parsed.keep_alive && reader.buffered().is_empty();
    let body = if request.keep_body { body } else { None };
    let answer = Answer {
        status: parsed.status,
        location: parsed.location,
        body,
    };
    Ok((answer, reusable))
}

impl Reader<'_> {
    /// The body up to `limit` (`None` when longer), and whether it was read to its end.
    fn body(&mut self, head: &Head, limit: usize) -> Result<(Option<Vec<u8>>, bool), Failure> {
        Ok(match head.length {
            // 1xx, 204 and 304 have no body.
            _ if head.status < 200 || head.status == 204 || head.status == 304 => {
                (Some(Vec::new()), true)
            }
            Length::Exactly(length) if length > limit as u64 => (None, false),
            Length::Exactly(length) => (Some(self.exactly(length as usize)?), true),
            Length::Chunked => self.chunked(limit)?,
            Length::ToClose => (self.until_closed(limit)?, false),
        })
    }
}

/// How the body's end is known.
enum Length {
    Exactly(u64),
    Chunked,
    ToClose,
}

/// What the head says.
struct Head {
    status: u16,
    location: Option<String>,
    length: Length,
    keep_alive: bool,
}

/// The answer's bytes as they come, over what was read but not used yet.
struct Reader<'a> {
    stream: &'a mut Stream,
    deadline: Instant,
    /// Read bytes; those before `start` are used. Not wiped: the answers hold no secret, and
    /// wiping a buffer byte by byte would cost more than the rest of the request.
    buf: Vec<u8>,
    start: usize,
}

impl Reader<'_> {
    fn buffered(&self) -> &[u8] {
        &self.buf[self.start..]
    }

    /// Reads more into the buffer; false at the end of the stream.
    fn fill(&mut self) -> Result<bool, Failure> {
        if self.start > 0 {
            self.buf.drain(..self.start);
            self.start = 0;
        }
        // Room for what is read as large as what is there (at least READ_BYTES): an answer of
        // sipXconfig fits the first read, and a long body takes few reads.
        let had = self.buf.len();
        self.buf.resize(had + had.max(READ_BYTES), 0);
        let read = self.stream.read_by(&mut self.buf[had..], self.deadline);
        let got = match read {
            Ok(got) => got,
            Err(err) if is_timeout(&err) => {
                self.buf.truncate(had);
                return Err(Failure::Timeout);
            }
            Err(err) => {
                self.buf.truncate(had);
                return Err(Failure::Io(err));
            }
        };
        self.buf.truncate(had + got);
        Ok(got > 0)
    }

    /// Like [`Reader::fill`], the end of the stream an error.
    fn more(&mut self) -> Result<(), Failure> {
        if self.fill()? {
            Ok(())
        } else {
            Err(Failure::Io(std::io::ErrorKind::UnexpectedEof.into()))
        }
    }

    /// The head of the final answer (1xx answers are skipped).
    fn head(&mut self) -> Result<Head, Failure> {
        loop {
            let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
            let mut response = httparse::Response::new(&mut headers);
            match response.parse(self.buffered()) {
                Ok(httparse::Status::Complete(used)) => {
                    let head = read_head(&response)?;
                    self.start += used;
                    if head.status == 100 || (102..200).contains(&head.status) {
                        continue;
                    }
                    return Ok(head);
                }
                Ok(httparse::Status::Partial) if self.buffered().len() < MAX_HEAD_BYTES => {
                    self.more()?
                }
                Ok(httparse::Status::Partial) => {
                    return Err(Failure::Malformed("an answer head longer than 64 KiB"))
                }
                Err(_) => return Err(Failure::Malformed("an answer that is not HTTP/1.x")),
            }
        }
    }

    /// `length` bytes of body.
    fn exactly(&mut self, length: usize) -> Result<Vec<u8>, Failure> {
        while self.buffered().len() < length {
            self.more()?;
        }
        let body = self.buffered()[..length].to_vec();
        self.start += length;
        Ok(body)
    }

    /// A chunked body up to `limit`; `(None, false)` when it is longer.
    fn chunked(&mut self, limit: usize) -> Result<(Option<Vec<u8>>, bool), Failure> {
        let mut body = Vec::new();
        loop {
            let line = self.line()?;
            let size = line.split(|&b| b == b';').next().unwrap_or_default();
            let size = std::str::from_utf8(size)
                .ok()
                .and_then(|size| usize::from_str_radix(size.trim(), 16).ok())
                .ok_or(Failure::Malformed("a chunk size that is not hex"))?;
            if size == 0 {
                // Trailers, up to the empty line.
                while !self.line()?.is_empty() {}
                return Ok((Some(body), true));
            }
            if body.len() + size > limit {
                return Ok((None, false));
            }
            body.extend(self.exactly(size)?);
            if !self.line()?.is_empty() {
                return Err(Failure::Malformed("a chunk longer than its size"));
            }
        }
    }

    /// The body up to the end of the stream; `None` when it is longer than `limit`.
    fn until_closed(&mut self, limit: usize) -> Result<Option<Vec<u8>>, Failure> {
        loop {
            if self.buffered().len() > limit {
                return Ok(None);
            }
            if !self.fill()? {
                return Ok(Some(self.buffered().to_vec()));
            }
        }
    }

    /// One line without its CRLF.
    fn line(&mut self) -> Result<Vec<u8>, Failure> {
        loop {
            if let Some(end) = self.buffered().windows(2).position(|w| w == b"\r\n") {
                let line = self.buffered()[..end].to_vec();
                self.start += end + 2;
                return Ok(line);
            }
            if self.buffered().len() > MAX_HEAD_BYTES {
                return Err(Failure::Malformed("a chunk line longer than 64 KiB"));
            }
            self.more()?;
        }
    }
}

/// The status, `Location`, the body's length and whether the connection stays open.
fn read_head(response: &httparse::Response<'_, '_>) -> Result<Head, Failure> {
    let status = response
        .code
        .ok_or(Failure::Malformed("an answer without a status"))?;
    let mut head = Head {
        status,
        location: None,
        length: Length::ToClose,
        keep_alive: response.version == Some(1),
    };
    for header in response.headers.iter() {
        let value = header.value;
        if header.name.eq_ignore_ascii_case("content-length") {
            let length = std::str::from_utf8(value)
                .ok()
                .and_then(|v| v.trim().parse().ok())
                .ok_or(Failure::Malformed("a Content-Length that is not a number"))?;
            if !matches!(head.length, Length::Chunked) {
                head.length = Length::Exactly(length);
            }
        } else if header.name.eq_ignore_ascii_case("transfer-encoding") {
            if has_token(value, "chunked") {
                head.length = Length::Chunked;
            }
        } else if header.name.eq_ignore_ascii_case("connection") {
            if has_token(value, "close") {
                head.keep_alive = false;
            } else if has_token(value, "keep-alive") {
                head.keep_alive = true;
            }
        } else if header.name.eq_ignore_ascii_case("location") {
            head.location = std::str::from_utf8(value).ok().map(str::to_owned);
        }
    }
    Ok(head)
}

/// Whether the comma-separated header value holds `token`.
fn has_token(value: &[u8], token: &str) -> bool {
    value
        .split(|&b| b == b',')
        .any(|part| part.trim_ascii().eq_ignore_ascii_case(token.as_bytes()))
}
