//! The dial plan's rules and settings, each on its own: what the table test does not vary.

use std::io::Write;
use std::path::Path;

use click2dial_core::{normalize_number, DialPlan, ErrorKind, Settings};

const BASE: &str = "region = \"DE\"\noutside_line = \"0\"\ninternal = '^[2-9][0-9]{2}$'\n";

fn plan(text: &str) -> DialPlan {
    DialPlan::parse(Path::new("/etc/click2dial/dialplan.toml"), text.as_bytes()).unwrap()
}

fn dialed(plan: &DialPlan, input: &str) -> String {
    match plan.normalize(input) {
        Ok(normalized) => normalized.dial.as_str().to_owned(),
        Err(err) => format!("{:?}: {err}", err.kind()),
    }
}

fn broken(text: &str) -> String {
    let err =
        DialPlan::parse(Path::new("/etc/click2dial/dialplan.toml"), text.as_bytes()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Configuration);
    err.message().to_owned()
}

#[test]
fn prefixes_from_the_file_replace_the_regions_own() {
    let ours = plan(&format!(
        "{BASE}international_prefix = \"0049\"\nnational_prefix = \"01033\"\n"
    ));
    assert_eq!(dialed(&ours, "+44 20 7946 0958"), "00049442079460958");
    assert_eq!(dialed(&ours, "030 901820"), "00103330901820");
    let theirs = plan(BASE);
    assert_eq!(dialed(&theirs, "+44 20 7946 0958"), "000442079460958");
    assert_eq!(dialed(&theirs, "030 901820"), "0030901820");
}

#[test]
fn an_empty_outside_line_dials_the_number_alone() {
    let direct = plan("region = \"GB\"\noutside_line = \"\"\ninternal = '^2[0-9]{3}$'\n");
    assert_eq!(dialed(&direct, "+44 (0)20 7946 0958"), "02079460958");
    assert_eq!(dialed(&direct, "+49 5331 9390"), "004953319390");
    assert_eq!(dialed(&direct, "2071"), "2071");
}

#[test]
fn extensions_are_returned_not_dialed() {
    let de = plan(BASE);
    for input in [
        "+49 5331 939-0 ext. 12",
        "+49 5331 939-0 x12",
        "tel:+49-5331-939-0;ext=12",
    ] {
        let normalized = de.normalize(input).unwrap();
        assert_eq!(normalized.dial.as_str(), "0053319390", "{input}");
        assert_eq!(normalized.extension.as_deref(), Some("12"), "{input}");
        assert_eq!(normalized.e164.as_deref(), Some("+4953319390"), "{input}");
    }
    let internal = de.normalize("207").unwrap();
    assert_eq!((internal.e164, internal.extension), (None, None));
}

#[test]
fn translate_comes_first_and_deny_wins_over_it() {
    let de = plan(&format!(
        "{BASE}
[[deny]]
pattern = '^\\+49137'
reason = \"televoting\"

[[translate]]
pattern = '^\\+4953319399(\\d{{2}})$'
output = '8${{1}}'

[[translate]]
pattern = '^\\+495331939(\\d{{3}})$'
output = '$1'

[[translate]]
pattern = '^\\+49137(\\d+)$'
output = '$1'

[[translate]]
pattern = '^\\+49207$'
output = '*97'
"
    ));
    assert_eq!(dialed(&de, "05331 9399 12"), "812");
    assert_eq!(dialed(&de, "+49 5331 939 207"), "207");
    // "207" read as a German number is +49207, which a translate rule claims before `internal`.
    assert_eq!(dialed(&de, "207"), "*97");
    assert_eq!(dialed(&de, "208"), "208");
    let refused = de.normalize("+49 137 1234567").unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::NumberNotAllowed);
    assert!(
        refused
            .message()
            .contains("televoting (deny rule on line 6"),
        "{refused}"
    );
}

#[test]
fn internal_numbers_are_never_denied_or_blocked() {
    let de = plan(&format!(
        "{BASE}block = [\"unknown\", \"premium_rate\"]\n[[deny]]\npattern = '^\\+49'\nreason = \"no calls at home\"\n"
    ));
    assert_eq!(dialed(&de, "207"), "207");
    assert!(dialed(&de, "030 901820").starts_with("NumberNotAllowed: calls to +4930901820"));
    let open = plan(&format!("{BASE}block = []\n"));
    assert_eq!(dialed(&open, "+49 900 1234567"), "009001234567");
    let blocked = plan(&format!("{BASE}block = [\"mobile\"]\n"));
    assert!(dialed(&blocked, "0151 2345 6789").contains("mobile numbers are blocked"));
}

#[test]
fn a_broken_file_names_the_line_and_the_key() {
    assert_eq!(
        broken(
            "# PBX in Lower Saxony\nregion = \"Germany\"\noutside_line = \"0\"\ninternal = '^2'\n"
        ),
        "click2dial.dialplan /etc/click2dial/dialplan.toml line 2, key region: \"Germany\" is not \
         a country libphonenumber knows: use an ISO 3166 code such as DE or US"
    );
    assert!(broken(&format!("{BASE}\n[[translate]]\npattern = '(+'\noutput = '1'\n"))
        .starts_with("click2dial.dialplan /etc/click2dial/dialplan.toml line 6, key translate.pattern: \"(+\" is not a regular expression"));
    assert!(broken(&format!("{BASE}dial_tone = 1\n")).contains("line 4: unknown key `dial_tone`"));
    assert!(broken(&format!("{BASE}block = [\"premium\"]\n"))
        .contains("line 4, key block: \"premium\" is not a number type"));
    assert!(broken(&format!(
        "{BASE}\n[[translate]]\npattern = '^(\\d+)$'\noutput = '$1a'\n"
    ))
    .contains("names the group $1a"));
    let not_utf8 = DialPlan::parse(Path::new("p.toml"), b"region = \"D\xc4\"").unwrap_err();
    assert!(not_utf8.message().contains("is not UTF-8"), "{not_utf8}");
}

#[test]
fn without_a_dial_plan_numbers_are_only_cleaned() {
    let settings = Settings::default();
    let normalized = normalize_number(&settings, "+49 (5331) 939-0").unwrap();
    assert_eq!(normalized.dial.as_str(), "+4953319390");
    assert_eq!((normalized.e164, normalized.extension), (None, None));
}

#[test]
fn the_settings_name_the_file() {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(b"region = \"US\"\noutside_line = \"9\"\ninternal = '^[2-9][0-9]{3}$'\n")
        .unwrap();
    let settings = Settings {
        dialplan: Some(file.path().to_owned()),
        ..Settings::default()
    };
    let normalized = normalize_number(&settings, "(202) 456-1111").unwrap();
    assert_eq!(normalized.dial.as_str(), "912024561111");
    let missing = Settings {
        dialplan: Some("/nonexistent/dialplan.toml".into()),
        ..Settings::default()
    };
    let err = normalize_number(&missing, "207").unwrap_err();
    assert_eq!(
        err.message(),
        "click2dial.dialplan /nonexistent/dialplan.toml does not exist"
    );
}
