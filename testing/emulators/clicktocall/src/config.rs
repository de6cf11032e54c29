//! The emulated installation, read from a TOML file: what `clicktocall.config` would say
//! (host name, `HttpAuth`, `HttpAuthPwd`, the `TranslationPattern`/`TranslationOutput` pairs)
//! plus what the real server gets from the phones behind it (how each one answers) and the
//! time scale that lets tests run the reference page's 2 s rings and 180 s time-outs fast.

use std::path::Path;

use serde::Deserialize;

use crate::phones::{Behaviour, PhoneRule};
use crate::translate::{Rule, Translator};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default = "default_hostname")]
    hostname: String,
    #[serde(default)]
    http_auth: bool,
    #[serde(default = "default_password")]
    http_auth_pwd: String,
    #[serde(default = "default_time_scale")]
    time_scale: f64,
    #[serde(default = "default_ring_ms")]
    ring_ms: u64,
    #[serde(default = "default_connection_limit")]
    xml_connection_limit: usize,
    #[serde(default, rename = "translation")]
    translations: Vec<TranslationEntry>,
    #[serde(default, rename = "phone")]
    phones: Vec<PhoneEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TranslationEntry {
    pattern: String,
    output: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PhoneEntry {
    pattern: String,
    behaviour: Behaviour,
}

fn default_hostname() -> String {
    // The real server's realm is its host name; the reference captures were made on "vm".
    "vm".to_string()
}

fn default_password() -> String {
    "admin".to_string()
}

fn default_time_scale() -> f64 {
    1.0
}

fn default_ring_ms() -> u64 {
    // The reference's SIPp phones rang for 2 s (`--ring 2000`).
    2000
}

fn default_connection_limit() -> usize {
    60
}

#[derive(Debug)]
pub struct Config {
    /// The realm of every `WWW-Authenticate` header.
    pub hostname: String,
    pub http_auth: bool,
    pub http_auth_pwd: String,
    /// Every delay of the reference page is multiplied by this before the emulator waits.
    pub time_scale: f64,
    pub ring_ms: u64,
    pub xml_connection_limit: usize,
    pub translator: Translator,
    pub phones: Vec<PhoneRule>,
}

impl Config {
    pub fn load(path: &Path) -> Result<Config, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read config {}: {e}", path.display()))?;
        Config::parse(&text).map_err(|e| format!("bad config {}: {e}", path.display()))
    }

    pub fn parse(text: &str) -> Result<Config, String> {
        let file: ConfigFile = toml::from_str(text).map_err(|e| e.to_string())?;
        if !(file.time_scale > 0.0 && file.time_scale <= 10.0) {
            return Err("time_scale must be above 0 and at most 10".into());
        }
        if file.xml_connection_limit == 0 {
            return Err("xml_connection_limit must be at least 1".into());
        }
        let rules = file
            .translations
            .into_iter()
            .map(|t| Rule::new(&t.pattern, &t.output))
            .collect::<Result<Vec<_>, _>>()?;
        let phones = file
            .phones
            .into_iter()
            .map(|p| PhoneRule::new(&p.pattern, p.behaviour))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Config {
            hostname: file.hostname,
            http_auth: file.http_auth,
            http_auth_pwd: file.http_auth_pwd,
            time_scale: file.time_scale,
            ring_ms: file.ring_ms,
            xml_connection_limit: file.xml_connection_limit,
            translator: Translator::new(rules),
            phones,
        })
    }

    /// How the phone at a translated address behaves: the first rule whose pattern is found
    /// in the address, else it rings and answers.
    pub fn phone(&self, translated: &str) -> Behaviour {
        self.phones
            .iter()
            .find(|rule| rule.matches(translated))
            .map_or(Behaviour::Answer, |rule| rule.behaviour)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_real_servers() {
        let config = Config::parse("").unwrap();
        assert_eq!(config.hostname, "vm");
        assert!(!config.http_auth);
        assert_eq!(config.http_auth_pwd, "admin");
        assert_eq!(config.xml_connection_limit, 60);
        assert_eq!(config.phone("sip:1@h"), Behaviour::Answer);
    }

    #[test]
    fn phones_first_match_wins() {
        let config = Config::parse(
            "[[phone]]\npattern = \"^sip:3\"\nbehaviour = \"busy\"\n\
             [[phone]]\npattern = \"^sip:\"\nbehaviour = \"unknown\"\n",
        )
        .unwrap();
        assert_eq!(config.phone("sip:3101@h"), Behaviour::Busy);
        assert_eq!(config.phone("sip:2101@h"), Behaviour::Unknown);
    }

    #[test]
    fn refusals() {
        assert!(Config::parse("time_scale = 0.0").is_err());
        assert!(Config::parse("bogus = 1").is_err());
        assert!(Config::parse("[[translation]]\npattern = \"(\"\noutput = \"x\"\n").is_err());
        assert!(Config::parse("[[phone]]\npattern = \"x\"\nbehaviour = \"explode\"\n").is_err());
    }

    #[test]
    fn demo_config_is_valid() {
        Config::parse(include_str!("../demo.toml")).unwrap();
    }
}
