//! The HTTP interface: one `GET /clicktocall.html` per call, and what the page answered.
//!
//! The server answers `200 OK` to every outcome and words refusals only in the page's second
//! paragraph (§3.2), so [`read_page`] reads the text: "Initiating ClickToCall from …" is the only
//! acceptance. A 401 is the only status that means anything else (§3.3).

use std::time::Instant;

use base64::Engine;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use zeroize::Zeroizing;

use super::net;
use super::{plain_reason, Accepted, ClickToCallSettings};
use crate::error::quoted;
use crate::{without_userinfo, Error, ErrorKind, Result, Secret};

/// The most bytes read of an answer: the real pages are under 1 KiB, the invalid-URI one a
/// little more; anything far larger is not this server.
const MAX_RESPONSE_BYTES: usize = 64 * 1024;

/// The characters a query value keeps as they are; the rest is percent-encoded. `+` in
/// particular must be encoded, because the server decodes it to a space (§3.1), which would
/// break `+49…` numbers.
const QUERY_VALUE_KEPT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// The only user the server knows (WebAdmin.cxx:74-124, §3.3).
const USER: &str = "admin";

/// Places a call through the HTTP interface: rings `initiator`, then connects `destination`.
/// Returns once the page says "Initiating"; the server's translated addresses come with it.
pub fn place_call(
    settings: &ClickToCallSettings,
    initiator: &str,
    destination: &str,
) -> Result<Accepted> {
    let deadline = Instant::now() + settings.timeout;
    let authority = authority(&settings.http_server)?;
    let request = request(
        &authority,
        initiator,
        destination,
        settings.anchor,
        settings.password.as_ref(),
    );
    let mut stream = net::connect(&authority, settings.connect_timeout, "clicktocall server")?;
    net::write_once(&mut stream, &request, deadline).map_err(|e| {
        Error::unreachable(format!(
            "cannot send the call to the clicktocall server {authority}: {e}"
        ))
    })?;
    let response = read_response(&mut stream, deadline).map_err(|e| {
        Error::unreachable(format!(
            "no answer from the clicktocall server {authority}: {e}"
        ))
    })?;
    read_page(&response, initiator, destination)
}

/// `HOST:PORT` of `click2dial.server`, which must be `http://HOST:PORT` with no path, user or
/// query: the server speaks nothing but plain HTTP (§1) and has one page that places calls.
pub fn authority(server: &str) -> Result<String> {
    let refuse = |why: &str| {
        Error::configuration(format!(
            "click2dial.server {} {why}; the clicktocall server is http://HOST:PORT",
            quoted(&without_userinfo(server))
        ))
    };
    let rest = server
        .strip_prefix("http://")
        .ok_or_else(|| refuse("does not start with http://"))?;
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    if rest.is_empty()
        || rest.contains(['/', '?', '#', '@'])
        || rest.chars().any(char::is_whitespace)
    {
        return Err(refuse("must have a host and port and nothing else"));
    }
    let port = rest.rsplit_once(':').map(|(_, port)| port);
    match port {
        Some(port) if port.parse::<u16>().is_ok_and(|p| p > 0) => Ok(rest.to_owned()),
        _ => Err(refuse("has no port")),
    }
}

/// The whole request, ready for one write: origin-form URI (an absolute one gets no answer,
/// §3.1), HTTP/1.0 like the server's answers, and Basic credentials when there is a password,
/// sent at once since the server never asks for anything else (§3.3). The buffer is wiped
/// when dropped, since it holds the password.
pub fn request(
    authority: &str,
    initiator: &str,
    destination: &str,
    anchor: bool,
    password: Option<&Secret>,
) -> Zeroizing<Vec<u8>> {
    let mut text = Zeroizing::new(format!(
        "GET /clicktocall.html?initiator={}&destination={}{} HTTP/1.0\r\nHost: {authority}\r\n",
        utf8_percent_encode(initiator, QUERY_VALUE_KEPT),
        utf8_percent_encode(destination, QUERY_VALUE_KEPT),
        if anchor { "&anchor=true" } else { "" },
    ));
    if let Some(password) = password {
        let credentials = Zeroizing::new(format!("{USER}:{}", password.expose()));
        let encoded =
            Zeroizing::new(base64::engine::general_purpose::STANDARD.encode(&*credentials));
        text.push_str("Authorization: Basic ");
        text.push_str(&encoded);
        text.push_str("\r\n");
    }
    text.push_str("\r\n");
    Zeroizing::new(std::mem::take(&mut *text).into_bytes())
}

/// Reads the answer until the server closes (it always does, §3.2) or the body's
/// Content-Length is in, bounded by [`MAX_RESPONSE_BYTES`].
fn read_response(stream: &mut std::net::TcpStream, deadline: Instant) -> std::io::Result<Vec<u8>> {
    let mut response = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let n = net::read_some(stream, &mut chunk, deadline)?;
        if n == 0 {
            return Ok(response);
        }
        response.extend_from_slice(&chunk[..n]);
        if response.len() > MAX_RESPONSE_BYTES {
            return Err(std::io::Error::other("the answer is far too large"));
        }
        if is_complete(&response) {
            return Ok(response);
        }
    }
}

/// True once the head and as many body bytes as its Content-Length says are in.
fn is_complete(response: &[u8]) -> bool {
    let Some(split) = find(response, b"\r\n\r\n") else {
        return false;
    };
    let head = String::from_utf8_lossy(&response[..split]);
    let length = head.lines().find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.eq_ignore_ascii_case("content-length")
            .then(|| value.trim().parse::<usize>().ok())?
    });
    length.is_some_and(|length| response.len() - (split + 4) >= length)
}

/// What the server's answer to a call request means: the call accepted, the credentials
/// refused (401), or the call refused with the page's own words.
pub fn read_page(response: &[u8], initiator: &str, destination: &str) -> Result<Accepted> {
    let text = String::from_utf8_lossy(response);
    let status = status(&text).ok_or_else(|| {
        Error::unreachable("the clicktocall server's answer is not HTTP".to_owned())
    })?;
    match status {
        200 => {}
        401 => {
            return Err(Error::new(
                ErrorKind::Authentication { status: 401 },
                "the clicktocall server refused the password \
                 (click2dial.clicktocall_password_file must hold its HttpAuthPwd)",
            ))
        }
        status => {
            return Err(Error::new(
                ErrorKind::PbxRejected { status },
                format!("the clicktocall server answered HTTP {status} instead of its call page"),
            ))
        }
    }
    let body = text.split_once("\r\n\r\n").map_or("", |(_, body)| body);
    let outcome = last_paragraph(body).unwrap_or_default();
    match outcome.strip_prefix("Initiating ClickToCall from ") {
        Some(addresses) => Ok(accepted(addresses, initiator, destination)),
        None => Err(refused(outcome)),
    }
}

/// The status code of an HTTP status line.
fn status(text: &str) -> Option<u16> {
    let line = text.lines().next()?;
    let rest = line.strip_prefix("HTTP/1.")?;
    rest.get(2..5)?.parse().ok()
}

/// The text of the page's last `<p>`, where the server puts the outcome (WebAdmin.cxx:255-285).
fn last_paragraph(body: &str) -> Option<&str> {
    let start = body.rfind("<p>")? + "<p>".len();
    let rest = &body[start..];
    Some(rest.find("</p>").map_or(rest, |end| &rest[..end]))
}

/// The call was accepted. The page says `from <uri>(<i>) to <uri>(<d>) (anchored)...`; the
/// values are echoed unescaped (§3.2), so the split uses the values this client sent rather
/// than guessing where a `)` belongs.
fn accepted(addresses: &str, initiator: &str, destination: &str) -> Accepted {
    let addresses = addresses
        .strip_suffix(" (anchored)...")
        .or_else(|| addresses.strip_suffix(" (unanchored)..."))
        .unwrap_or(addresses);
    let middle = format!("({initiator}) to ");
    let Some((translated_initiator, rest)) = addresses.split_once(&middle) else {
        return Accepted::default();
    };
    let translated_destination = rest.strip_suffix(&format!("({destination})"));
    Accepted {
        translated_initiator: Some(translated_initiator.to_owned()),
        translated_destination: translated_destination.map(str::to_owned),
    }
}

/// Any page that does not say "Initiating" is a refusal in the server's words: missing
/// parameters, no translation rule, an invalid address (§3.2). The server would have answered
/// 400 over XML for each, so that is the status given.
fn refused(outcome: &str) -> Error {
    let reason = plain_reason(outcome);
    let reason = if reason.is_empty() {
        "its page does not say why".to_owned()
    } else {
        reason
    };
    Error::new(
        ErrorKind::PbxRejected { status: 400 },
        format!("the clicktocall server did not place the call: {reason}"),
    )
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The exact bytes captured from the real server (§3.2).
    const ACCEPTED: &[u8] = b"HTTP/1.0 200 OK\r\nWWW-Authenticate: Basic realm=\"vm\" \r\nServer: clicktocall 0.1\r\nMime-version: 1.0 \r\nPragma: no-cache \r\nContent-Length: 542\r\nContent-Type: text/html\r\n\r\n<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n<meta http-equiv=\"content-type\" content=\"text/html;charset=utf-8\" />\n<title>ClickToCall Server</title>\n</head>\n<body bgcolor=\"#ffffff\">\n<p><em>ClickToCall:</em> initiator=1001, destination=2001</p>\n<p>Initiating ClickToCall from sip:1001@127.0.0.1:55353(1001) to sip:2001@127.0.0.1:43495(2001) (unanchored)...</p>\n</body>\n</html>\n";

    const UNAUTHORIZED: &[u8] = b"HTTP/1.0 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"vm\" \r\nServer: clicktocall 0.1\r\nMime-version: 1.0 \r\nPragma: no-cache \r\nContent-Length: 141\r\nContent-Type: text/html\r\n\r\n<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\"><html><head><title>401 Unauthorized</title></head><body><h1>Unauthorized</h1></body></html>";

    fn page(second_paragraph: &str) -> Vec<u8> {
        let body = format!(
            "<html>\n<body bgcolor=\"#ffffff\">\n<p><em>ClickToCall:</em> initiator=9001, \
             destination=2001</p>\n{second_paragraph}\n</body>\n</html>\n"
        );
        format!(
            "HTTP/1.0 200 OK\r\nContent-Length: {}\r\nContent-Type: text/html\r\n\r\n{body}",
            body.len()
        )
        .into_bytes()
    }

    #[test]
    fn the_captured_acceptance_gives_the_translated_addresses() {
        assert!(is_complete(ACCEPTED));
        let accepted = read_page(ACCEPTED, "1001", "2001").unwrap();
        assert_eq!(
            accepted.translated_initiator.as_deref(),
            Some("sip:1001@127.0.0.1:55353")
        );
        assert_eq!(
            accepted.translated_destination.as_deref(),
            Some("sip:2001@127.0.0.1:43495")
        );
    }

    #[test]
    fn an_acceptance_whose_addresses_do_not_echo_the_request_is_still_an_acceptance() {
        let response = page("<p>Initiating ClickToCall from somewhere (anchored)...</p>");
        assert_eq!(read_page(&response, "1", "2").unwrap(), Accepted::default());
    }

    #[test]
    fn the_401_page_is_an_authentication_error() {
        let error = read_page(UNAUTHORIZED, "1001", "2001").unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Authentication { status: 401 });
    }

    #[test]
    fn each_refusal_worded_in_a_200_page_is_pbx_rejected_400_with_the_servers_words() {
        for (paragraph, words) in [
            (
                "<p>Missing initiator or destination URL parameters.</p>",
                "Missing initiator or destination URL parameters.",
            ),
            (
                "<p>No translation rule for either initiator 9001 or destination 2001.</p>",
                "No translation rule for either initiator 9001 or destination 2001.",
            ),
            (
                "<p>Invalid URI format in initiator sip:%zz@127.0.0.1(sip:%zz@127.0.0.1) or destination sip:2001@127.0.0.1:60449(2001): ParseException rutil/ParseBuffer.cxx:635, Parse failed Illegal escaping, not hex in context: \nsip:%zz@127.0.0.1\n       ^\n @ rutil/ParseBuffer.cxx:635</p>",
                "Invalid URI format in initiator sip:%zz@127.0.0.1(sip:%zz@127.0.0.1) or destination sip:2001@127.0.0.1:60449(2001): ParseException rutil/ParseBuffer.cxx:635, Parse failed Illegal escaping, not hex in context: sip:%zz@127.0.0.1 ^ @ rutil/ParseBuffer.cxx:635",
            ),
        ] {
            let error = read_page(&page(paragraph), "9001", "2001").unwrap_err();
            assert_eq!(error.kind(), ErrorKind::PbxRejected { status: 400 });
            assert_eq!(error.code(), 400);
            assert!(error.message().ends_with(words), "{}", error.message());
        }
    }

    #[test]
    fn html_echoed_by_the_server_does_not_reach_the_message() {
        let response = page(
            "<p>No translation rule for either initiator <script>x</script> or destination 2.</p>",
        );
        let error = read_page(&response, "<script>x</script>", "2").unwrap_err();
        assert!(!error.message().contains('<'), "{}", error.message());
    }

    #[test]
    fn another_status_is_pbx_rejected_with_that_status() {
        let error = read_page(b"HTTP/1.0 301 Moved\r\n\r\n", "1", "2").unwrap_err();
        assert_eq!(error.kind(), ErrorKind::PbxRejected { status: 301 });
    }

    #[test]
    fn the_request_is_origin_form_with_encoded_values_and_preemptive_basic() {
        let password = Secret::from("pa:ss");
        let bytes = request(
            "127.0.0.1:5095",
            "+49 30&x",
            "sip:2@h",
            true,
            Some(&password),
        );
        let text = String::from_utf8(bytes.to_vec()).unwrap();
        assert_eq!(
            text,
            "GET /clicktocall.html?initiator=%2B49%2030%26x&destination=sip%3A2%40h&anchor=true \
             HTTP/1.0\r\nHost: 127.0.0.1:5095\r\nAuthorization: Basic YWRtaW46cGE6c3M=\r\n\r\n"
        );
    }

    #[test]
    fn without_a_password_no_credentials_and_unanchored_sends_no_anchor() {
        let bytes = request("h:1", "1", "2", false, None);
        assert_eq!(
            &bytes[..],
            b"GET /clicktocall.html?initiator=1&destination=2 HTTP/1.0\r\nHost: h:1\r\n\r\n"
        );
    }

    #[test]
    fn the_server_setting_must_be_plain_http_host_and_port() {
        assert_eq!(authority("http://pbx:5095/").unwrap(), "pbx:5095");
        assert_eq!(authority("http://[::1]:5095").unwrap(), "[::1]:5095");
        for bad in [
            "https://pbx:5095",
            "http://pbx",
            "http://admin:pw@pbx:5095",
            "http://pbx:5095/clicktocall.html",
            "http://pbx:0",
            "http://",
        ] {
            let error = authority(bad).unwrap_err();
            assert_eq!(error.kind(), ErrorKind::Configuration, "{bad}");
            assert!(!error.message().contains("pw@"), "{}", error.message());
        }
    }
}
