//! The checks the fuzz targets run, one module per target. Each `check` panics (which the
//! fuzzer reports) when an invariant breaks; [`TARGETS`] lets the stable-Rust loop
//! (`src/bin/fuzz_loop.rs`) run the same checks without libFuzzer.

pub mod targets {
    pub mod active_calls;
    pub mod credential_token;
    pub mod dialplan_reread;
    pub mod dialplan_toml;
    pub mod directory_csv;
    pub mod find_numbers;
    pub mod normalize_number;
    pub mod path_segment;
    pub mod session_password;
}

/// A target: its name (also its corpus folder), its check, and the bytes that matter to it, so
/// that generated inputs reach the interesting paths.
pub struct Target {
    pub name: &'static str,
    pub check: fn(&[u8]),
    pub alphabet: &'static [u8],
}

pub const TARGETS: [Target; 9] = [
    Target {
        name: "dialplan_reread",
        check: targets::dialplan_reread::check,
        alphabet: b"0123456789+-() ./x;:=#*,pwtel:ext\t\xef\xbc\x90\xc2\xa0",
    },
    Target {
        name: "normalize_number",
        check: targets::normalize_number::check,
        alphabet: b"0123456789+-() ./x;:=#*tel:ext\t\r\n\x00\xef\xbc\x90\xd9\xa0",
    },
    Target {
        name: "find_numbers",
        check: targets::find_numbers::check,
        alphabet: b"0123456789+-() ./x:,#\n\t TelFax Nr. ext. EUR \xe2\x82\xac\xc3\xbc\xf0\x9f\x98\x80\xef\xbc\x90\xd9\xa0\xc2\xa0",
    },
    Target {
        name: "session_password",
        check: targets::session_password::check,
        alphabet: b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\x00\x01\x02\x03\xe4\x80",
    },
    Target {
        name: "credential_token",
        check: targets::credential_token::check,
        alphabet: b"c2d1.ABCDEFabcdef0123456789-_=+/\x00\xff",
    },
    Target {
        name: "path_segment",
        check: targets::path_segment::check,
        alphabet: b"0123456789+*_!~'&=$,;?/#%. -()[]{}abcxyzABC\t\r\n\x00\x7f\xc3\xa9\xe2\x80\x91",
    },
    Target {
        name: "directory_csv",
        check: targets::directory_csv::check,
        alphabet: b"login,extension,sipx_user,credential\n\r\"# aAbB0129\xef\xbb\xbf\xc3\x84\x00",
    },
    Target {
        name: "active_calls",
        check: targets::active_calls::check,
        alphabet: b"{\"cdrs\": [{\"from\":\"206\",\"to\":\"start-time\"duration\"internal\"direction\"}] 0129-e.truefalsenull,:\x00\xff",
    },
    Target {
        name: "dialplan_toml",
        check: targets::dialplan_toml::check,
        alphabet: b"region=\"DE\"US\noutside_line=\"0\"internal='^[2-9]{2}$'()\\d+|*?international_prefix national_prefix block=[premium_rate,shared_cost][[deny]]pattern reason[[translate]]output$1\x00",
    },
];
