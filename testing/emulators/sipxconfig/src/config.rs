//! The emulated installation: realm, SIP domain, certificate names and the user directory,
//! read from a TOML file.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    realm: String,
    domain: String,
    #[serde(default = "default_hostnames")]
    hostnames: Vec<String>,
    /// How long a Digest nonce stays fresh. Spring Security's default is 300 s; tests of the
    /// `stale="true"` path set it low.
    #[serde(default = "default_nonce_validity")]
    nonce_validity_seconds: u64,
    #[serde(default, rename = "user")]
    users: Vec<User>,
}

fn default_hostnames() -> Vec<String> {
    vec!["localhost".to_string()]
}

fn default_nonce_validity() -> u64 {
    300
}

/// One sipXecs user as far as click-to-call cares.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct User {
    /// The canonical user name: what the call is recorded under, whatever name was used to log in.
    pub name: String,
    /// The user-portal PIN, which is the HTTP password.
    pub pin: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub im_id: Option<String>,
    #[serde(default)]
    pub display: Option<String>,
}

impl User {
    /// How the human log names this user: "Alice Example (206)" or just "206".
    pub fn describe(&self) -> String {
        match &self.display {
            Some(display) if !display.is_empty() => format!("{display} ({})", self.name),
            _ => self.name.clone(),
        }
    }
}

#[derive(Debug)]
pub struct Config {
    pub realm: String,
    pub domain: String,
    pub hostnames: Vec<String>,
    pub nonce_validity_seconds: u64,
    users: Vec<User>,
    /// Every name a user may log in with (name, aliases, IM id) to an index into `users`.
    logins: HashMap<String, usize>,
}

impl Config {
    pub fn load(path: &Path) -> Result<Config, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read config {}: {e}", path.display()))?;
        Config::parse(&text).map_err(|e| format!("bad config {}: {e}", path.display()))
    }

    pub fn parse(text: &str) -> Result<Config, String> {
        let file: ConfigFile = toml::from_str(text).map_err(|e| e.to_string())?;
        if file.realm.trim().is_empty() {
            return Err("realm must not be empty".into());
        }
        if file.domain.trim().is_empty() {
            return Err("domain must not be empty".into());
        }
        if file.hostnames.is_empty() || file.hostnames.iter().any(|h| h.trim().is_empty()) {
            return Err("hostnames must list at least one non-empty name".into());
        }
        let mut logins = HashMap::new();
        for (index, user) in file.users.iter().enumerate() {
            if user.name.is_empty() {
                return Err(format!("user #{} has an empty name", index + 1));
            }
            let names = std::iter::once(&user.name)
                .chain(user.aliases.iter())
                .chain(user.im_id.iter());
            for login in names {
                // The real directory refuses duplicate aliases too; silently picking one would
                // make a test pass or fail depending on file order.
                if logins.insert(login.clone(), index).is_some() {
                    return Err(format!(
                        "login name {login:?} is used by more than one user"
                    ));
                }
            }
        }
        Ok(Config {
            realm: file.realm,
            domain: file.domain,
            hostnames: file.hostnames,
            nonce_validity_seconds: file.nonce_validity_seconds,
            users: file.users,
            logins,
        })
    }

    /// The user who may log in as `login` (canonical name, alias or IM id).
    pub fn user_by_login(&self, login: &str) -> Option<&User> {
        self.logins.get(login).map(|&index| &self.users[index])
    }

    pub fn users(&self) -> &[User] {
        &self.users
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
        realm = "example.test"
        domain = "example.test"
        [[user]]
        name = "206"
        pin = "0000"
        aliases = ["alice"]
        im_id = "alice.im"
        display = "Alice Example"
        [[user]]
        name = "207"
        pin = "1234"
    "#;

    #[test]
    fn logins_by_name_alias_and_im_id() {
        let config = Config::parse(SAMPLE).unwrap();
        assert_eq!(config.hostnames, vec!["localhost"]);
        for login in ["206", "alice", "alice.im"] {
            assert_eq!(config.user_by_login(login).unwrap().name, "206");
        }
        assert!(config.user_by_login("Alice").is_none());
        assert_eq!(config.user_by_login("207").unwrap().describe(), "207");
        assert_eq!(
            config.user_by_login("206").unwrap().describe(),
            "Alice Example (206)"
        );
    }

    #[test]
    fn duplicate_logins_are_refused() {
        let text =
            format!("{SAMPLE}\n[[user]]\nname = \"208\"\npin = \"x\"\naliases = [\"alice\"]\n");
        assert!(Config::parse(&text).unwrap_err().contains("alice"));
    }

    #[test]
    fn unknown_keys_are_refused() {
        assert!(Config::parse("realm = \"a\"\ndomain = \"b\"\nrelam = \"c\"\n").is_err());
    }

    #[test]
    fn demo_config_is_valid() {
        let demo = include_str!("../demo.toml");
        let config = Config::parse(demo).unwrap();
        assert_eq!(config.user_by_login("alice").unwrap().name, "206");
        assert_eq!(config.user_by_login("208").unwrap().pin, "pässwörd");
    }
}
