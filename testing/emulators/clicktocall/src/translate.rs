//! Address translation (reference §2): `TranslationPattern`/`TranslationOutput` pairs tried
//! top-down, the first pattern *found* in the address wins (`regex_search`, so a pattern without
//! `^…$` matches a substring), `$1`…`$9` in the output are replaced by the groups, and an address
//! no rule matches is refused (both interfaces call the translator with `failIfNoRule`).
//!
//! The real server uses C++ `std::regex` with ECMAScript syntax; this uses the `regex` crate,
//! which agrees on the usual patterns (classes, groups, anchors, repetition) but has no
//! backreferences or lookaround. The README says so.

use regex::Regex;

#[derive(Debug)]
pub struct Rule {
    pattern: Regex,
    output: String,
}

impl Rule {
    pub fn new(pattern: &str, output: &str) -> Result<Rule, String> {
        // The real server logs an invalid pattern and never matches it; test apparatus that
        // silently ignores a typo would only hide it, so it is refused at start-up instead.
        let pattern = Regex::new(pattern)
            .map_err(|e| format!("translation pattern {pattern:?} is not valid: {e}"))?;
        Ok(Rule {
            pattern,
            output: output.to_string(),
        })
    }

    /// The output for `address`, or `None` when the pattern is not found in it.
    fn apply(&self, address: &str) -> Option<String> {
        let groups = self.pattern.captures(address)?;
        let mut translation = self.output.clone();
        if !translation.contains('$') {
            return Some(translation);
        }
        // One pass per group, in order, over the text the previous pass produced: a group's
        // text that itself holds "$2" is replaced again by the next pass, as in the real loop.
        for index in 1..groups.len().min(10) {
            let group = groups.get(index).map_or("", |m| m.as_str());
            translation = translation.replace(&format!("${index}"), group);
        }
        Some(translation)
    }
}

#[derive(Debug)]
pub struct Translator {
    rules: Vec<Rule>,
}

impl Translator {
    pub fn new(rules: Vec<Rule>) -> Translator {
        Translator { rules }
    }

    /// The translation of `address` by the first rule that matches, `None` when none does
    /// (never the address itself: the real server calls this with `failIfNoRule = true`).
    pub fn translate(&self, address: &str) -> Option<String> {
        self.rules.iter().find_map(|rule| rule.apply(address))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn translator(rules: &[(&str, &str)]) -> Translator {
        Translator::new(
            rules
                .iter()
                .map(|(p, o)| Rule::new(p, o).unwrap())
                .collect(),
        )
    }

    #[test]
    fn first_matching_rule_wins() {
        let t = translator(&[
            ("^3([0-9]+)$", "sip:3$1@127.0.0.1:35957"),
            ("^([0-9]+)$", "sip:$1@127.0.0.1:57421"),
        ]);
        assert_eq!(t.translate("3101").unwrap(), "sip:3101@127.0.0.1:35957");
        assert_eq!(t.translate("2101").unwrap(), "sip:2101@127.0.0.1:57421");
    }

    #[test]
    fn search_not_full_match() {
        let t = translator(&[("[0-9]+", "sip:x@h")]);
        assert_eq!(t.translate("call 42 now").unwrap(), "sip:x@h");
    }

    #[test]
    fn no_rule_is_refused_not_passed_through() {
        let t = translator(&[("^2[0-9]+$", "sip:$1@h")]);
        assert_eq!(t.translate("9001"), None);
        // Trailing whitespace is not trimmed by anyone, so it usually fails the rule (§3.1).
        assert_eq!(t.translate("2001 "), None);
    }

    #[test]
    fn groups_one_to_nine_and_missing_groups_empty() {
        let t = translator(&[("^(a)(b)?(c)$", "$3$2$1-$4")]);
        assert_eq!(t.translate("ac").unwrap(), "ca-$4");
    }
}
