/*!
The client of reSIProcate's **clicktocall** server: its HTTP interface, its XML interface over
TCP, and what the per-leg results it streams mean for the person who placed the call.

Everything here follows `shared/reference/resiprocate-clicktocall.md`, captured from the real
server driven over real SIP, and not the server's own documentation where the two disagree
(section numbers below, §, are that page's):

* **HTTP** ([`http`]): `GET /clicktocall.html?initiator=…&destination=…[&anchor=true]`. The
  server acts on a request as soon as its buffer holds the request line's second space, so
  headers in a later TCP segment are never seen (with auth on that is a 401, §3.1): the whole
  request goes out in **one write**. The URI must be in origin form (an absolute URI gets no
  answer at all and a hanging connection). Authentication is **Basic**, not Digest (§3.3), with
  the user `admin`, so it is sent pre-emptively when a password is configured. The status is
  **always 200**: the outcome is only in the page's second paragraph (§3.2), so the page is read.
* **XML** ([`xml`]): raw TCP, no authentication, no TLS. The server frames a request by the
  literal text of its first tag, so an `<?xml?>` declaration or an attribute on the root hangs
  the connection for ever (§4.2): the request is exactly `<ClickToCall><Request>…</Request>
  </ClickToCall>` with nothing around the values. Responses have **no delimiter** (§4.4): each is
  the request's own text with a `<Response>` spliced in, so a client frames them by the closing
  tag and matches them to its request by that echo. Some paths never send a final result (§4.6),
  so a call is followed only up to the client's own deadline.
* **States** ([`state`]): a pure function from the results seen so far to what the user is told
  (`ringing`, `connected`, `calling`, `answered`, …), with the history of every state.

The server trusts whoever can reach it: the HTTP password (`HttpAuthPwd`) is the only secret
and the XML port has none. The settings this client needs are in [`ClickToCallSettings`].
*/

pub mod http;
mod net;
mod settings;
pub mod state;
pub mod xml;

pub use settings::{
    ClickToCallSettings, DEFAULT_FOLLOW_TIMEOUT, EXTENSION_PLACEHOLDER, LOGIN_PLACEHOLDER,
};

/// Which of the two calls a result is about: the user's own phone (the initiator) or the number
/// the user called (the destination). Results about the request as a whole have no leg.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Leg {
    /// The user's own phone, rung first.
    Initiator,
    /// The number called, rung once the initiator answered.
    Destination,
    /// The request as a whole: the 100 and the refusals.
    None,
}

impl Leg {
    /// The name the PHP API uses (`"initiator"`, `"destination"`), `None` for [`Leg::None`].
    pub fn name(self) -> Option<&'static str> {
        match self {
            Leg::Initiator => Some("initiator"),
            Leg::Destination => Some("destination"),
            Leg::None => None,
        }
    }
}

/// The server accepted a call: the HTTP page said "Initiating", or the XML stream sent its 100.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Accepted {
    /// The initiator as the server's translation rules rewrote it, when the server said so.
    pub translated_initiator: Option<String>,
    /// The destination as the server's translation rules rewrote it, when the server said so.
    pub translated_destination: Option<String>,
}

/// The most characters of the server's own words that go into a message: the invalid-URI
/// refusal carries a multi-line parser exception (§2), and a message must stay readable.
const MAX_REASON_CHARS: usize = 300;

/// The server's words, made fit for a message: tags removed (the HTTP page echoes values
/// unescaped, §3.2), whitespace runs joined to one space, control characters dropped, and cut
/// at [`MAX_REASON_CHARS`].
pub(crate) fn plain_reason(text: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    let mut pending_space = false;
    let mut count = 0;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            c if c.is_whitespace() => pending_space = !out.is_empty(),
            c if c.is_control() => {}
            c => {
                if count == MAX_REASON_CHARS {
                    out.push('…');
                    return out;
                }
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                out.push(c);
                count += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_reason_strips_tags_joins_lines_and_is_bounded() {
        assert_eq!(
            plain_reason("<p>Invalid URI: ParseException \nsip:%zz@h\n       ^\n @ x</p>"),
            "Invalid URI: ParseException sip:%zz@h ^ @ x"
        );
        assert_eq!(plain_reason("initiator=<b>1</b>\u{7}"), "initiator=1");
        let long = plain_reason(&"9".repeat(1000));
        assert_eq!(long.chars().count(), MAX_REASON_CHARS + 1);
        assert!(long.ends_with('…'));
    }
}
