//! The HTTP interface's bytes (reference §3.2, §3.3): always `HTTP/1.0`, the same headers in
//! the same order with their trailing spaces, `WWW-Authenticate: Basic` on every response, and
//! the outcome of a call only in the second paragraph of a `200 OK` page.

/// `HTTP/1.0 <status>`, the fixed headers, and the body.
fn response(status: &str, location: bool, realm: &str, body: &str) -> Vec<u8> {
    let mut head = format!("HTTP/1.0 {status}\r\n");
    if location {
        // One slash, as the real server writes it.
        head.push_str("Location: http:/index.html\r\n");
    }
    head.push_str(&format!(
        "WWW-Authenticate: Basic realm=\"{realm}\" \r\n\
         Server: clicktocall 0.1\r\n\
         Mime-version: 1.0 \r\n\
         Pragma: no-cache \r\n\
         Content-Length: {}\r\n\
         Content-Type: text/html\r\n\r\n",
        body.len()
    ));
    [head.as_bytes(), body.as_bytes()].concat()
}

pub fn ok(realm: &str, body: &str) -> Vec<u8> {
    response("200 OK", false, realm, body)
}

pub fn unauthorized(realm: &str) -> Vec<u8> {
    response(
        "401 Unauthorized",
        false,
        realm,
        &error_body("401 Unauthorized", "Unauthorized"),
    )
}

/// Any page other than `clicktocall.html` and `index.html`.
pub fn moved(realm: &str) -> Vec<u8> {
    response(
        "301 Moved Permanently",
        true,
        realm,
        &error_body("301 Moved Permanently", "Moved"),
    )
}

fn error_body(title: &str, heading: &str) -> String {
    format!(
        "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\"><html><head><title>{title}</title>\
         </head><body><h1>{heading}</h1></body></html>"
    )
}

fn xhtml(title: &str, body: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \
         \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n\
         <html xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n\
         <meta http-equiv=\"content-type\" content=\"text/html;charset=utf-8\" />\n\
         <title>{title}</title>\n</head>\n<body bgcolor=\"#ffffff\">\n{body}</body>\n</html>\n"
    )
}

/// `/index.html`: the static page, no credentials needed.
pub fn index() -> String {
    xhtml(
        "ClickToCall Server Login",
        "  <p>Click-To-Call HTML Server</p>\n",
    )
}

/// `/clicktocall.html`: what was asked (values echoed as decoded, not HTML-escaped), then
/// the outcome.
pub fn click_to_call(initiator: &str, destination: &str, anchor: bool, outcome: &str) -> String {
    let anchored = if anchor { " (anchored)" } else { "" };
    xhtml(
        "ClickToCall Server",
        &format!(
            "<p><em>ClickToCall:</em> initiator={initiator}, destination={destination}{anchored}</p>\n\
             <p>{outcome}</p>\n"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captured_lengths() {
        assert_eq!(index().len(), 405);
        assert_eq!(error_body("401 Unauthorized", "Unauthorized").len(), 141);
    }
}
