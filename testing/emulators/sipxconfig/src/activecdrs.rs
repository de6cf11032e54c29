//! `GET /sipxconfig/rest/my/activecdrs`: the authenticated user's calls in progress, written as
//! sipXconfig's `UserActiveCdrsResource` writes them with XStream.
//!
//! The resource offers `text/xml` first and `application/json` second, and Restlet picks by the
//! `Accept` header; without a preference, the first (XML) wins. Every call the call resolver
//! reports comes as an `ActiveCallCdr` with no termination, no route and `callerInternal`
//! false, so `direction` is always `INCOMING`, `internal` false and `type` `Unknown`, and the
//! null `route` and `recipient` are left out — exactly as in sipXconfig's own expected outputs
//! (`activecalls.rest.test.{xml,json}`).

use crate::lives::ActiveCdr;

/// The methods the resource allows, as Restlet announces them.
pub const ALLOW: &str = "GET, HEAD";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Xml,
    Json,
}

impl Format {
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Xml => "text/xml",
            Format::Json => "application/json",
        }
    }
}

/// Restlet's choice between the two variants for an `Accept` header.
pub fn negotiate(accept: Option<&str>) -> Format {
    let Some(accept) = accept else {
        return Format::Xml;
    };
    let (mut xml, mut json) = (0.0f32, 0.0f32);
    for range in accept.split(',') {
        let mut params = range.split(';');
        let media = params.next().unwrap_or("").trim().to_ascii_lowercase();
        let quality = params
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        let (matches_xml, matches_json) = match media.as_str() {
            "*/*" => (true, true),
            "text/*" | "text/xml" => (true, false),
            "application/*" => (false, true),
            "application/json" => (false, true),
            _ => (false, false),
        };
        if matches_xml {
            xml = xml.max(quality);
        }
        if matches_json {
            json = json.max(quality);
        }
    }
    if json > xml {
        Format::Json
    } else {
        Format::Xml
    }
}

pub fn render(cdrs: &[ActiveCdr], format: Format) -> String {
    match format {
        Format::Xml => xml(cdrs),
        Format::Json => json(cdrs),
    }
}

/// The fields in `Representable`'s declaration order, which XStream follows.
fn fields(cdr: &ActiveCdr) -> [(&'static str, Value<'_>); 9] {
    [
        ("from", Value::Text(&cdr.from)),
        ("from-aor", Value::Text(&cdr.from_aor)),
        ("to", Value::Text(&cdr.to)),
        ("to-aor", Value::Text(&cdr.to_aor)),
        ("direction", Value::Text("INCOMING")),
        ("internal", Value::Bool(false)),
        ("type", Value::Text("Unknown")),
        ("start-time", Value::Number(cdr.start_ms)),
        ("duration", Value::Number(cdr.duration_ms)),
    ]
}

enum Value<'a> {
    Text(&'a str),
    Bool(bool),
    Number(u64),
}

fn xml(cdrs: &[ActiveCdr]) -> String {
    if cdrs.is_empty() {
        return "<cdrs/>".to_owned();
    }
    let mut out = String::from("<cdrs>\n");
    for cdr in cdrs {
        out.push_str("  <cdr>\n");
        for (name, value) in fields(cdr) {
            let text = match value {
                Value::Text(text) => xml_escape(text),
                Value::Bool(b) => b.to_string(),
                Value::Number(n) => n.to_string(),
            };
            out.push_str(&format!("    <{name}>{text}</{name}>\n"));
        }
        out.push_str("  </cdr>\n");
    }
    out.push_str("</cdrs>");
    out
}

fn json(cdrs: &[ActiveCdr]) -> String {
    let mut out = String::from("{\"cdrs\": [\n");
    for (i, cdr) in cdrs.iter().enumerate() {
        out.push_str("  {\n");
        let fields = fields(cdr);
        for (j, (name, value)) in fields.iter().enumerate() {
            let text = match value {
                Value::Text(text) => serde_json::to_string(text).unwrap_or_default(),
                Value::Bool(b) => b.to_string(),
                Value::Number(n) => n.to_string(),
            };
            let comma = if j + 1 < fields.len() { "," } else { "" };
            out.push_str(&format!("    \"{name}\": {text}{comma}\n"));
        }
        out.push_str(if i + 1 < cdrs.len() {
            "  },\n"
        } else {
            "  }\n"
        });
    }
    out.push_str("]}");
    out
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> ActiveCdr {
        ActiveCdr {
            from: "user3".into(),
            from_aor: "<sip:user3@decebal.buc.ro:5060>".into(),
            to: "user4".into(),
            to_aor: "<sip:user4@decebal.buc.ro:5060>".into(),
            start_ms: 1299785283000,
            duration_ms: 71069032,
        }
    }

    /// sipXconfig's `activecalls.rest.test.xml`, byte for byte.
    #[test]
    fn xml_is_sipxconfigs() {
        let expected = "<cdrs>\n  <cdr>\n    <from>user3</from>\n    \
            <from-aor>&lt;sip:user3@decebal.buc.ro:5060&gt;</from-aor>\n    <to>user4</to>\n    \
            <to-aor>&lt;sip:user4@decebal.buc.ro:5060&gt;</to-aor>\n    <direction>INCOMING</direction>\n    \
            <internal>false</internal>\n    <type>Unknown</type>\n    <start-time>1299785283000</start-time>\n    \
            <duration>71069032</duration>\n  </cdr>\n</cdrs>";
        assert_eq!(xml(&[sample()]), expected);
        assert_eq!(xml(&[]), "<cdrs/>");
    }

    #[test]
    fn json_has_sipxconfigs_shape_and_parses() {
        let text = json(&[sample(), sample()]);
        assert!(text.starts_with("{\"cdrs\": [\n  {\n    \"from\": \"user3\",\n"));
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let first = &value["cdrs"][0];
        assert_eq!(first["from-aor"], "<sip:user3@decebal.buc.ro:5060>");
        assert_eq!(first["start-time"], 1299785283000u64);
        assert_eq!(first["internal"], false);
        assert_eq!(value["cdrs"].as_array().unwrap().len(), 2);
        let empty: serde_json::Value = serde_json::from_str(&json(&[])).unwrap();
        assert_eq!(empty["cdrs"].as_array().unwrap().len(), 0);
    }

    #[test]
    fn negotiation_prefers_xml_unless_json_is_asked_for() {
        assert_eq!(negotiate(None), Format::Xml);
        assert_eq!(negotiate(Some("*/*")), Format::Xml);
        assert_eq!(negotiate(Some("application/json")), Format::Json);
        assert_eq!(
            negotiate(Some("text/xml;q=0.5, application/json")),
            Format::Json
        );
        assert_eq!(
            negotiate(Some("application/json;q=0.2, */*;q=0.9")),
            Format::Xml
        );
        assert_eq!(negotiate(Some("text/html")), Format::Xml);
    }
}
