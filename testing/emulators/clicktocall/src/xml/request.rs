//! What the server reads from a framed request (reference §4.3): the root compared with
//! `ClickToCall`, its first child with `Request`, and `Initiator`, `Destination`, `AnchorCall`
//! among the children, all case-insensitively; the last of a repeated child wins; a value keeps
//! its trailing whitespace but not its leading; entities are not decoded.
//!
//! The parser is a small stand-in for resip's `XMLCursor`: elements (attributes skipped) and
//! text, closing tags that must match exactly, and nothing else (no comments, no CDATA).

/// What a request asks.
#[derive(Debug, PartialEq, Eq)]
pub enum Request {
    /// A `ClickToCall` root; empty strings for absent or empty values.
    ClickToCall {
        initiator: String,
        destination: String,
        anchor: bool,
    },
    /// Well formed, but the root is not `ClickToCall`.
    UnknownMethod,
    ParseError,
}

pub fn read(request: &[u8]) -> Request {
    let text = String::from_utf8_lossy(request);
    let mut parser = Parser { text: &text, at: 0 };
    parser.skip_whitespace();
    match parser.element() {
        None => Request::ParseError,
        Some(root) if root.name.eq_ignore_ascii_case("ClickToCall") => click_to_call(&root),
        Some(_) => Request::UnknownMethod,
    }
}

fn click_to_call(root: &Element) -> Request {
    let (mut initiator, mut destination, mut anchor) = (String::new(), String::new(), false);
    if let Some(Node::Element(request)) = root.children.first() {
        if request.name.eq_ignore_ascii_case("Request") {
            for child in request.elements() {
                let value = child.value();
                match child.name.to_ascii_lowercase().as_str() {
                    "initiator" => initiator = value,
                    "destination" => destination = value,
                    "anchorcall" => anchor = value.eq_ignore_ascii_case("true"),
                    _ => {}
                }
            }
        }
    }
    Request::ClickToCall {
        initiator,
        destination,
        anchor,
    }
}

struct Element {
    name: String,
    children: Vec<Node>,
}

enum Node {
    Element(Element),
    /// Text with its leading whitespace removed; never empty.
    Text(String),
}

impl Element {
    fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|node| match node {
            Node::Element(element) => Some(element),
            Node::Text(_) => None,
        })
    }

    /// The text of the first child, or empty when the first child is not text.
    fn value(&self) -> String {
        match self.children.first() {
            Some(Node::Text(text)) => text.clone(),
            _ => String::new(),
        }
    }
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Parser<'a> {
    fn rest(&self) -> &'a str {
        &self.text[self.at..]
    }

    fn skip_whitespace(&mut self) {
        let rest = self.rest();
        self.at += rest.len() - rest.trim_start().len();
    }

    /// An element starting at `<`, with everything up to its matching closing tag.
    fn element(&mut self) -> Option<Element> {
        let rest = self.rest().strip_prefix('<')?;
        let end = rest.find('>')?;
        let tag = &rest[..end];
        let name: String = tag
            .split(|c: char| c.is_ascii_whitespace() || c == '/')
            .next()?
            .to_string();
        if name.is_empty() || !name.chars().all(is_name_char) {
            return None;
        }
        self.at += 1 + end + 1;
        let mut element = Element {
            name,
            children: Vec::new(),
        };
        if tag.ends_with('/') {
            return Some(element);
        }
        self.content(&mut element)?;
        Some(element)
    }

    /// Children and text up to `</name>`, which must match exactly.
    fn content(&mut self, element: &mut Element) -> Option<()> {
        loop {
            self.skip_whitespace();
            let rest = self.rest();
            if let Some(closing) = rest.strip_prefix("</") {
                let end = closing.find('>')?;
                if closing[..end].trim_end() != element.name {
                    return None;
                }
                self.at += 2 + end + 1;
                return Some(());
            }
            if rest.starts_with('<') {
                let child = self.element()?;
                element.children.push(Node::Element(child));
                continue;
            }
            let end = rest.find('<')?;
            element.children.push(Node::Text(rest[..end].to_string()));
            self.at += end;
        }
    }
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(initiator: &str, destination: &str, anchor: bool) -> Request {
        Request::ClickToCall {
            initiator: initiator.into(),
            destination: destination.into(),
            anchor,
        }
    }

    #[test]
    fn captured_request() {
        let r = read(b"<ClickToCall><Request><Initiator>2101</Initiator><Destination>2102</Destination><AnchorCall>true</AnchorCall></Request></ClickToCall>");
        assert_eq!(r, call("2101", "2102", true));
    }

    #[test]
    fn pretty_printed_keeps_trailing_whitespace_of_values() {
        let r = read(b"<ClickToCall>\n   <Request>\n      <Initiator> 3010 </Initiator>\n      <Destination>2022</Destination>\n      <AnchorCall>false</AnchorCall>\n   </Request>\n</ClickToCall>");
        assert_eq!(r, call("3010 ", "2022", false));
    }

    #[test]
    fn case_insensitive_names_last_value_wins() {
        let r = read(b"<clicktocall><request><INITIATOR>3014</INITIATOR><Extra>x</Extra><initiator>3015</initiator><destination>1</destination><anchorcall>TRUE</anchorcall></request></clicktocall>");
        assert_eq!(r, call("3015", "1", true));
    }

    #[test]
    fn anchor_only_true() {
        for (value, anchored) in [
            ("True", true),
            (" true", true),
            ("1", false),
            ("yes", false),
        ] {
            let text = format!("<ClickToCall><Request><Initiator>1</Initiator><Destination>2</Destination><AnchorCall>{value}</AnchorCall></Request></ClickToCall>");
            assert_eq!(read(text.as_bytes()), call("1", "2", anchored), "{value}");
        }
    }

    #[test]
    fn missing_and_empty_values() {
        assert_eq!(
            read(b"<ClickToCall><Request><Initiator>2112</Initiator></Request></ClickToCall>"),
            call("2112", "", false)
        );
        assert_eq!(read(b"<ClickToCall></ClickToCall>"), call("", "", false));
        assert_eq!(
            read(b"<ClickToCall><Request><Initiator></Initiator><Destination>2</Destination></Request></ClickToCall>"),
            call("", "2", false)
        );
    }

    #[test]
    fn entities_are_not_decoded() {
        let r = read(b"<ClickToCall><Request><Initiator>&lt;1</Initiator><Destination>2</Destination></Request></ClickToCall>");
        assert_eq!(r, call("&lt;1", "2", false));
    }

    #[test]
    fn parse_errors_and_unknown_method() {
        assert_eq!(
            read(b"<ClickToCall><Request><Initiator>2113</Destination></Request></ClickToCall>"),
            Request::ParseError
        );
        assert_eq!(
            read(b"<ClickToCall><Request><Initiator>2001<Destination>1</Destination></Request></ClickToCall>"),
            Request::ParseError
        );
        assert_eq!(
            read(b"garbage text <ClickToCall></ClickToCall>"),
            Request::ParseError
        );
        assert_eq!(read(b"<Foo>bar</Foo>"), Request::UnknownMethod);
    }
}
