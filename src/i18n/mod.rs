//! Every string the UI shows, in Finnish, Swedish and English.
//!
//! Texts are looked up by a `Key` through one exhaustive `match`, so a key without all three
//! languages does not compile: nothing can be missing in one language at run time.

mod dates;
mod strings;

pub use dates::{
    format_date, format_day_month, format_day_range, format_day_short, format_duration,
    format_time, format_when, month_name,
};
pub use strings::Key;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Fi,
    Sv,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Fi, Lang::Sv, Lang::En];

    /// BCP 47 code, as used in `lang` attributes and the `lang` URL parameter.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fi => "fi",
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// Accepts "fi", "sv", "en" and regional forms such as "sv-FI"; anything else is `None`.
    pub fn parse(s: &str) -> Option<Lang> {
        let primary = s.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "fi" => Some(Lang::Fi),
            "sv" => Some(Lang::Sv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language's own name, for the language switch.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Fi => "Suomi",
            Lang::Sv => "Svenska",
            Lang::En => "English",
        }
    }

    pub fn t(self, key: Key) -> &'static str {
        strings::text(self, key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_parse_with_regions_and_case() {
        assert_eq!(Lang::parse("sv-FI"), Some(Lang::Sv));
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("de"), None);
        assert_eq!(Lang::parse(""), None);
        for l in Lang::ALL {
            assert_eq!(Lang::parse(l.code()), Some(l));
        }
    }

    #[test]
    fn every_key_has_a_distinct_nonempty_text_in_each_language() {
        for key in Key::ALL {
            for l in Lang::ALL {
                assert!(!l.t(*key).trim().is_empty(), "{key:?} is empty in {l:?}");
            }
            // English equal to Finnish usually means an untranslated copy.
            let (fi, en) = (Lang::Fi.t(*key), Lang::En.t(*key));
            assert!(
                fi != en || key.same_in_all_languages(),
                "{key:?} looks untranslated: {fi}"
            );
        }
    }
}
