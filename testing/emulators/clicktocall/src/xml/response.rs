//! How a response is built (reference §4.4): the request text itself with a `<Response>`
//! spliced in after `</Request>` and the whitespace that follows it; the inserted parts use
//! CRLF, the echoed parts keep the client's own bytes. A request without the exact bytes
//! `</Request>` gets a bare `<Response>…</Response>`. Nothing is XML-escaped and nothing
//! separates one response from the next.

use super::frame::find;

/// One `<Result>`, with the translated addresses when it is the 100.
pub struct Result<'a> {
    pub code: u16,
    pub leg: Option<&'a str>,
    pub text: &'a str,
    pub translated: Option<(&'a str, &'a str)>,
}

pub fn build(request: &[u8], result: &Result<'_>) -> Vec<u8> {
    let inner = inner(result);
    let Some(found) = find(request, b"</Request>") else {
        return [b"<Response>", inner.as_bytes(), b"</Response>"].concat();
    };
    let after = found + b"</Request>".len();
    let split = after
        + request[after..]
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
    [
        &request[..split],
        b"\r\n  <Response>",
        inner.as_bytes(),
        b"  </Response>\r\n",
        &request[split..],
    ]
    .concat()
}

fn inner(result: &Result<'_>) -> String {
    let mut inner = String::from("\r\n");
    if let Some((initiator, destination)) = result.translated {
        inner.push_str(&format!(
            "    <TranslatedInitiator>{initiator}</TranslatedInitiator>\r\n    \
             <TranslatedDestination>{destination}</TranslatedDestination>\r\n"
        ));
    }
    inner.push_str(&format!("    <Result Code=\"{}\"", result.code));
    if let Some(leg) = result.leg {
        inner.push_str(&format!(" Leg=\"{leg}\""));
    }
    inner.push_str(&format!(">{}</Result>\r\n", result.text));
    inner
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_response_without_request_element() {
        let result = Result {
            code: 400,
            leg: None,
            text: "Unknown method",
            translated: None,
        };
        assert_eq!(
            build(b"<Foo>bar</Foo>", &result),
            b"<Response>\r\n    <Result Code=\"400\">Unknown method</Result>\r\n</Response>"
        );
    }
}
