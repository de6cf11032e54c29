//! How the server cuts requests out of a connection's byte stream (reference §4.2): the
//! "initial tag" is the literal text between the first `<` and the next `>`, and a request ends
//! at the first `</` + that text + `>`. Hence a request with an `<?xml …?>` declaration or an
//! attribute on its root never ends, and everything sent after it on that connection is
//! swallowed: the connection is poisoned, as on the real server.

#[derive(Default)]
pub struct Framer {
    buffer: Vec<u8>,
}

impl Framer {
    /// Appends what one read returned.
    pub fn push(&mut self, bytes: &[u8]) {
        self.buffer.extend_from_slice(bytes);
    }

    /// The next complete request, if the buffer holds one. The request runs from the start of
    /// the buffer (leading whitespace or garbage included: it is echoed in every response) to
    /// its closing tag; whitespace after it is dropped.
    pub fn next_request(&mut self) -> Option<Vec<u8>> {
        let end = request_end(&self.buffer)?;
        let request = self.buffer[..end].to_vec();
        let rest = skip_whitespace(&self.buffer, end);
        self.buffer.drain(..rest);
        Some(request)
    }
}

/// Where the first request of `buffer` ends (just after its closing tag), if it does.
fn request_end(buffer: &[u8]) -> Option<usize> {
    let open = skip_whitespace(buffer, 0);
    let open = open + buffer[open..].iter().position(|&b| b == b'<')?;
    let name_start = open + 1;
    let close = name_start + buffer[name_start..].iter().position(|&b| b == b'>')?;
    let mut closing = b"</".to_vec();
    closing.extend_from_slice(&buffer[name_start..close]);
    closing.push(b'>');
    let found = find(&buffer[close..], &closing)?;
    Some(close + found + closing.len())
}

fn skip_whitespace(buffer: &[u8], from: usize) -> usize {
    from + buffer[from..]
        .iter()
        .take_while(|b| b.is_ascii_whitespace())
        .count()
}

pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &[u8]) -> Vec<Vec<u8>> {
        let mut framer = Framer::default();
        framer.push(input);
        std::iter::from_fn(|| framer.next_request()).collect()
    }

    #[test]
    fn two_requests_in_one_write() {
        assert_eq!(
            frames(b"<A>1</A>\r\n<B>2</B>"),
            [b"<A>1</A>".to_vec(), b"<B>2</B>".to_vec()]
        );
    }

    #[test]
    fn declaration_poisons_the_connection() {
        let mut framer = Framer::default();
        framer.push(b"<?xml version=\"1.0\"?><ClickToCall><Request></Request></ClickToCall>");
        assert_eq!(framer.next_request(), None);
        framer.push(b"<ClickToCall><Request></Request></ClickToCall>");
        assert_eq!(framer.next_request(), None);
    }

    #[test]
    fn attribute_on_root_or_other_case_never_ends() {
        assert!(frames(b"<ClickToCall xmlns=\"x\">a</ClickToCall>").is_empty());
        assert!(frames(b"<ClickToCall>a</clicktocall>").is_empty());
    }

    #[test]
    fn leading_whitespace_and_garbage_are_part_of_the_request() {
        assert_eq!(frames(b"\r\n  <A>1</A>"), [b"\r\n  <A>1</A>".to_vec()]);
        let mut framer = Framer::default();
        framer.push(b"hello world");
        assert_eq!(framer.next_request(), None);
        framer.push(b"<A>1</A>");
        assert_eq!(framer.next_request().unwrap(), b"hello world<A>1</A>");
    }

    #[test]
    fn split_across_reads() {
        let mut framer = Framer::default();
        framer.push(b"<A>1</");
        assert_eq!(framer.next_request(), None);
        framer.push(b"A>");
        assert_eq!(framer.next_request().unwrap(), b"<A>1</A>");
    }
}
