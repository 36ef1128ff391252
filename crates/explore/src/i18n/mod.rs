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
pub use strings::{include_tools_texts, Key};

pub use kulttuurikartta_core::lang::Lang;

/// The UI text of a key in a language: `lang.t(Key::Retry)`. A trait because `Lang` belongs to
/// the core crate, which carries no UI strings.
pub trait Translate {
    fn t(self, key: Key) -> &'static str;
}

impl Translate for Lang {
    fn t(self, key: Key) -> &'static str {
        strings::text(self, key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
