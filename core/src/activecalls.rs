//! The user's calls in progress, as sipXconfig's `GET /sipxconfig/rest/my/activecdrs` lists
//! them in JSON: `{"cdrs": [{"from": …, "from-aor": …, "to": …, "to-aor": …, "direction": …,
//! "internal": …, "type": …, "start-time": ms, "duration": ms}, …]}`.
//!
//! sipXconfig leaves out fields that are null (`route` and `recipient` usually are), so every
//! field is optional here and missing text reads as empty. An answer that is not this shape is
//! refused whole, never half-read: the caller gets an error, not a wrong picture of the calls.

use serde::Deserialize;

/// One call leg in progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActiveCall {
    /// The caller's user part (a user name, extension or number).
    pub from: String,
    /// The callee's user part.
    pub to: String,
    /// sipXecs' call direction (`INCOMING`, `OUTGOING`, `INTERNAL`, …) as sipXconfig writes it.
    pub direction: String,
    /// When the leg started, in milliseconds since the Unix epoch (the PBX's clock).
    pub start_ms: i64,
    /// How long it has lasted, in milliseconds.
    pub duration_ms: i64,
    /// Whether the caller is a user of this PBX.
    pub internal: bool,
}

/// At most this many legs are taken from one answer; a user has a handful at most.
pub const MAX_CALLS: usize = 1_000;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Listing {
    cdrs: Vec<Cdr>,
}

#[derive(Deserialize)]
struct Cdr {
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    to: Option<String>,
    #[serde(default)]
    direction: Option<String>,
    #[serde(default, rename = "start-time")]
    start_time: Option<i64>,
    #[serde(default)]
    duration: Option<i64>,
    #[serde(default)]
    internal: Option<bool>,
}

/// The calls in sipXconfig's JSON form, which [`parse`] reads back as they were: for a list
/// kept a moment for other looks (`status::in_progress`).
pub fn render(calls: &[ActiveCall]) -> String {
    let cdrs: Vec<serde_json::Value> = calls
        .iter()
        .map(|call| {
            serde_json::json!({
                "from": call.from,
                "to": call.to,
                "direction": call.direction,
                "start-time": call.start_ms,
                "duration": call.duration_ms,
                "internal": call.internal,
            })
        })
        .collect();
    serde_json::json!({ "cdrs": cdrs }).to_string()
}

/// Reads sipXconfig's JSON answer. The error says what is wrong with it, for a message.
pub fn parse(body: &[u8]) -> Result<Vec<ActiveCall>, String> {
    let listing: Listing = serde_json::from_slice(body).map_err(|err| {
        if err.is_syntax() || err.is_eof() {
            format!("the answer is not JSON ({err})")
        } else {
            format!("the answer is not a list of calls ({err})")
        }
    })?;
    if listing.cdrs.len() > MAX_CALLS {
        return Err(format!(
            "the answer lists {} calls, more than the {MAX_CALLS} one user can have",
            listing.cdrs.len()
        ));
    }
    Ok(listing
        .cdrs
        .into_iter()
        .map(|cdr| ActiveCall {
            from: cdr.from.unwrap_or_default(),
            to: cdr.to.unwrap_or_default(),
            direction: cdr.direction.unwrap_or_default(),
            start_ms: cdr.start_time.unwrap_or(0),
            duration_ms: cdr.duration.unwrap_or(0),
            internal: cdr.internal.unwrap_or(false),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// sipXconfig's own expected output, `activecalls.rest.test.json`.
    const SIPXCONFIG_SAMPLE: &str = r#"{"cdrs": [
  {
    "from": "user4",
    "from-aor": "<sip:user4@decebal.buc.ro:5060>",
    "direction": "INCOMING",
    "to": "user3",
    "to-aor": "<sip:user3@decebal.buc.ro:5060>",
    "internal": false,
    "type": "Unknown",
    "start-time": 1299785283000,
    "duration": 71069032
  }
]}"#;

    #[test]
    fn reads_sipxconfigs_sample() {
        let calls = parse(SIPXCONFIG_SAMPLE.as_bytes()).unwrap();
        assert_eq!(
            calls,
            vec![ActiveCall {
                from: "user4".into(),
                to: "user3".into(),
                direction: "INCOMING".into(),
                start_ms: 1299785283000,
                duration_ms: 71069032,
                internal: false,
            }]
        );
    }

    #[test]
    fn a_rendered_list_reads_back_as_it_was() {
        let calls = parse(SIPXCONFIG_SAMPLE.as_bytes()).unwrap();
        assert_eq!(parse(render(&calls).as_bytes()).unwrap(), calls);
        assert!(parse(render(&[]).as_bytes()).unwrap().is_empty());
    }

    #[test]
    fn an_empty_list_and_missing_fields_are_fine() {
        assert!(parse(b"{\"cdrs\": [\n]}").unwrap().is_empty());
        let calls = parse(br#"{"cdrs": [{"to": "201"}]}"#).unwrap();
        assert_eq!(calls[0].from, "");
        assert_eq!(calls[0].start_ms, 0);
    }

    #[test]
    fn anything_else_is_refused() {
        for body in [
            &b""[..],
            b"<cdrs/>",
            b"[]",
            b"{}",
            b"{\"cdrs\": {}}",
            b"{\"cdrs\": [1]}",
            b"{\"cdrs\": [{\"start-time\": \"soon\"}]}",
            b"{\"cdrs\": [], \"more\": 1}",
            b"{\"cdrs\": [{\"from\": \"201\"}",
            b"\xff\xfe",
        ] {
            assert!(parse(body).is_err(), "{:?}", String::from_utf8_lossy(body));
        }
    }

    #[test]
    fn too_many_calls_are_refused() {
        let many = format!("{{\"cdrs\": [{}{{}}]}}", "{},".repeat(MAX_CALLS));
        assert!(parse(many.as_bytes()).unwrap_err().contains("more than"));
    }
}
