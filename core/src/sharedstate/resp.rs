//! RESP2, Redis' wire format, as far as the limits need it: commands out as arrays of bulk
//! strings, replies in with every length bounded, so that a wrong server (or something that is
//! not Redis) cannot make a PHP worker allocate without end or recurse deeply.

use std::io::{self, BufRead, Read};

use zeroize::Zeroizing;

/// The longest reply line read (a status, an error, a length): Redis' are far shorter.
const MAX_LINE_BYTES: u64 = 4096;

/// The largest bulk string accepted: a record is at most `MAX_RECORD_BYTES`.
pub const MAX_BULK_BYTES: usize = 512 * 1024;

/// The most elements of an array accepted (the limits read two-element ones).
const MAX_ARRAY_LEN: usize = 64;

/// How deep arrays may nest.
const MAX_DEPTH: usize = 2;

/// One reply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reply {
    /// `+OK`
    Status(String),
    /// `-ERR …`: the command was refused.
    Error(String),
    /// `:1`
    Integer(i64),
    /// `$3\r\nabc`, or `$-1` (none).
    Bulk(Option<Vec<u8>>),
    /// `*2 …`, or `*-1` (none).
    Array(Option<Vec<Reply>>),
}

/// Why a reply could not be read.
#[derive(Debug)]
pub enum Failure {
    /// The connection failed or timed out.
    Io(io::Error),
    /// What came back is not RESP, or is larger than this client reads.
    Protocol(String),
}

impl From<io::Error> for Failure {
    fn from(err: io::Error) -> Failure {
        Failure::Io(err)
    }
}

/// A command in RESP: `*N` then each argument as a bulk string. The buffer is wiped when
/// dropped, since `AUTH` carries the password.
pub fn encode(args: &[&[u8]]) -> Zeroizing<Vec<u8>> {
    let size = args.iter().map(|arg| arg.len() + 16).sum::<usize>() + 16;
    let mut out = Zeroizing::new(Vec::with_capacity(size));
    out.extend_from_slice(format!("*{}\r\n", args.len()).as_bytes());
    for arg in args {
        out.extend_from_slice(format!("${}\r\n", arg.len()).as_bytes());
        out.extend_from_slice(arg);
        out.extend_from_slice(b"\r\n");
    }
    out
}

/// Reads one reply.
pub fn read(input: &mut impl BufRead) -> Result<Reply, Failure> {
    read_nested(input, 0)
}

fn read_nested(input: &mut impl BufRead, depth: usize) -> Result<Reply, Failure> {
    let line = read_line(input)?;
    let mut chars = line.chars();
    let kind = chars.next().unwrap_or(' ');
    let rest = chars.as_str();
    match kind {
        '+' => Ok(Reply::Status(rest.to_owned())),
        '-' => Ok(Reply::Error(rest.to_owned())),
        ':' => rest
            .parse()
            .map(Reply::Integer)
            .map_err(|_| protocol(&format!("an integer reply {rest:?} that is no number"))),
        '$' => read_bulk(input, rest),
        '*' if depth < MAX_DEPTH => read_array(input, rest, depth),
        '*' => Err(protocol(
            "arrays nested deeper than the commands sent can answer",
        )),
        _ => Err(protocol(&format!(
            "a reply starting with {:?}, which is not RESP",
            kind
        ))),
    }
}

fn read_bulk(input: &mut impl BufRead, length: &str) -> Result<Reply, Failure> {
    let Some(length) = read_length(length, MAX_BULK_BYTES)? else {
        return Ok(Reply::Bulk(None));
    };
    let mut bytes = vec![0; length + 2];
    input.read_exact(&mut bytes)?;
    if !bytes.ends_with(b"\r\n") {
        return Err(protocol("a bulk string not ended by CRLF"));
    }
    bytes.truncate(length);
    Ok(Reply::Bulk(Some(bytes)))
}

fn read_array(input: &mut impl BufRead, length: &str, depth: usize) -> Result<Reply, Failure> {
    let Some(length) = read_length(length, MAX_ARRAY_LEN)? else {
        return Ok(Reply::Array(None));
    };
    let mut items = Vec::with_capacity(length);
    for _ in 0..length {
        items.push(read_nested(input, depth + 1)?);
    }
    Ok(Reply::Array(Some(items)))
}

/// A length: `None` for RESP's -1 (no value), an error beyond `most`.
fn read_length(text: &str, most: usize) -> Result<Option<usize>, Failure> {
    if text == "-1" {
        return Ok(None);
    }
    match text.parse::<usize>() {
        Ok(length) if length <= most => Ok(Some(length)),
        Ok(length) => Err(protocol(&format!(
            "a reply of {length} elements or bytes, more than the {most} read"
        ))),
        Err(_) => Err(protocol(&format!("a length {text:?} that is no number"))),
    }
}

/// One line, without its CRLF; at least one character (the reply's kind).
fn read_line(input: &mut impl BufRead) -> Result<String, Failure> {
    let mut bytes = Vec::new();
    Read::take(&mut *input, MAX_LINE_BYTES).read_until(b'\n', &mut bytes)?;
    if bytes.is_empty() {
        return Err(Failure::Io(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "the connection was closed",
        )));
    }
    if !bytes.ends_with(b"\r\n") {
        return Err(protocol("a reply line not ended by CRLF, or too long"));
    }
    bytes.truncate(bytes.len() - 2);
    if bytes.is_empty() {
        return Err(protocol("an empty reply line"));
    }
    String::from_utf8(bytes).map_err(|_| protocol("a reply line that is not text"))
}

fn protocol(what: &str) -> Failure {
    Failure::Protocol(format!("it answered {what}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(bytes: &[u8]) -> Result<Reply, Failure> {
        read(&mut &bytes[..])
    }

    #[test]
    fn commands_are_arrays_of_bulk_strings() {
        assert_eq!(
            &encode(&[b"GET", b"k y"])[..],
            b"*2\r\n$3\r\nGET\r\n$3\r\nk y\r\n"
        );
    }

    #[test]
    fn replies_of_every_kind_are_read() {
        assert_eq!(parse(b"+OK\r\n").unwrap(), Reply::Status("OK".into()));
        assert_eq!(
            parse(b"-NOSCRIPT x\r\n").unwrap(),
            Reply::Error("NOSCRIPT x".into())
        );
        assert_eq!(parse(b":-2\r\n").unwrap(), Reply::Integer(-2));
        assert_eq!(parse(b"$-1\r\n").unwrap(), Reply::Bulk(None));
        assert_eq!(
            parse(b"$4\r\na\r\nb\r\n").unwrap(),
            Reply::Bulk(Some(b"a\r\nb".to_vec()))
        );
        assert_eq!(
            parse(b"*2\r\n$1\r\n1\r\n$2\r\n20\r\n").unwrap(),
            Reply::Array(Some(vec![
                Reply::Bulk(Some(b"1".to_vec())),
                Reply::Bulk(Some(b"20".to_vec()))
            ]))
        );
    }

    #[test]
    fn what_is_not_resp_or_too_large_is_refused() {
        for bytes in [
            &b"HTTP/1.1 400 Bad Request\r\n"[..],
            b"$99999999999\r\n",
            b"*100000\r\n",
            b"*1\r\n*1\r\n*1\r\n:1\r\n",
            b"$3\r\nabcde",
            b"+OK\n",
            b"\r\n",
            b":x\r\n",
        ] {
            assert!(
                matches!(parse(bytes), Err(Failure::Protocol(_))),
                "{:?}",
                String::from_utf8_lossy(bytes)
            );
        }
        assert!(matches!(parse(b""), Err(Failure::Io(_))));
        assert!(matches!(parse(b"$5\r\nab"), Err(Failure::Io(_))));
    }
}
