//! Differential: whatever number normalisation lets through to the public network, read back
//! from the dial string it produced, is the same number and passes the same `deny` and `block`
//! rules.
//!
//! The dial plan builds the dial string itself (outside line, then the national or the
//! international prefix, then the national significant number) and checks the rules against
//! the E.164 form it read. This target reads the dial string the other way, as the carrier
//! does: the outside line taken off, the rest parsed by libphonenumber in the PBX's region
//! (which knows the region's own international and national prefixes, and nothing of the dial
//! plan). The two readings must agree on the E.164 form, and that E.164 form, given to the same
//! plan, must be dialed the same way and not refused: a disagreement means the carrier reaches
//! another number than the one `deny` and `block` saw.
//!
//! The plans are those of the toll-fraud table (DE, US, GB, AT, CH; each also with
//! `allow_invalid = true`), with deny rules and blocked types and no translate rules (a
//! translated number is the administrator's own output, not read back).

use std::path::Path;
use std::sync::OnceLock;

use click2dial_core::DialPlan;
use rlibphonenumber::{PhoneNumberFormat, PHONE_NUMBER_UTIL};

const REGIONS: [(&str, &str, &str, &str, &str); 5] = [
    (
        "DE",
        "0",
        "^[2-9][0-9]{2}$",
        "['premium_rate', 'shared_cost', 'personal_number']",
        r"^\+49(118|137|138)",
    ),
    (
        "US",
        "9",
        "^[2-8][0-9]{3}$",
        "['premium_rate']",
        r"^\+1(900|976)",
    ),
    (
        "GB",
        "9",
        "^[2-8][0-9]{3}$",
        "['premium_rate', 'personal_number']",
        r"^\+44(118|9)",
    ),
    (
        "AT",
        "0",
        "^[2-9][0-9]{2}$",
        "['premium_rate', 'shared_cost']",
        r"^\+43118",
    ),
    (
        "CH",
        "0",
        "^[2-9][0-9]{2}$",
        "['premium_rate', 'shared_cost', 'personal_number']",
        r"^\+4118",
    ),
];

struct Plan {
    outside_line: &'static str,
    plan: DialPlan,
}

fn plans() -> &'static [Plan] {
    static PLANS: OnceLock<Vec<Plan>> = OnceLock::new();
    PLANS.get_or_init(|| {
        let mut plans = Vec::new();
        for (region, outside_line, internal, block, deny) in REGIONS {
            for allow_invalid in [false, true] {
                let text = format!(
                    "region = \"{region}\"\noutside_line = \"{outside_line}\"\n\
                     internal = '{internal}'\nblock = {block}\nallow_invalid = {allow_invalid}\n\
                     [[deny]]\npattern = '{deny}'\nreason = \"charged services\"\n"
                );
                let plan = DialPlan::parse(Path::new("fuzz.toml"), text.as_bytes()).unwrap();
                plans.push(Plan { outside_line, plan });
            }
        }
        plans
    })
}

/// Normalises `data` with every plan and reads every public dial string back; panics (which
/// the fuzzer reports) when the two readings disagree or the second is refused.
pub fn check(data: &[u8]) {
    let input = String::from_utf8_lossy(data);
    for Plan { outside_line, plan } in plans() {
        let Ok(first) = plan.normalize(&input) else {
            continue;
        };
        let Some(e164) = &first.e164 else {
            continue; // an internal number: dialed as written, no E.164 form
        };
        let dial = first.dial.as_str();
        let rest = dial
            .strip_prefix(outside_line)
            .unwrap_or_else(|| panic!("{input:?}: {dial} lacks the outside line {outside_line}"));
        let region = plan
            .region()
            .parse()
            .expect("a region libphonenumber knows");
        let carrier = PHONE_NUMBER_UTIL
            .parse(rest, Some(region))
            .map(|number| {
                PHONE_NUMBER_UTIL
                    .format(&number, PhoneNumberFormat::E164)
                    .into_owned()
            })
            .unwrap_or_else(|err| {
                panic!(
                    "{input:?} in {}: dialed as {dial} ({e164}), unreadable: {err:?}",
                    plan.region()
                )
            });
        assert_eq!(
            &carrier,
            e164,
            "{input:?} in {}: dialed as {dial}, which the carrier reads as another number",
            plan.region()
        );
        let second = plan.normalize(&carrier).unwrap_or_else(|err| {
            panic!(
                "{input:?} in {}: dialed as {dial} ({e164}), but {carrier} is refused: {err}",
                plan.region()
            )
        });
        assert_eq!(
            second.dial.as_str(),
            dial,
            "{input:?} in {}: {carrier} dials otherwise",
            plan.region()
        );
    }
}
