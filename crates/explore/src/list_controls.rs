//! The list's "show more" button and its empty state, as markup written from plain data. A
//! click on either is read on the list as a whole: the buttons name what they do by
//! `LIST_ACTION_ATTRIBUTE` (`ListAction`).

use crate::html::push_escaped;
use crate::i18n::{Key, Lang, Translate};

/// The attribute of the list's buttons: what a click does.
pub const LIST_ACTION_ATTRIBUTE: &str = "data-list-action";

/// What the list's buttons do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListAction {
    /// Draw the next page of rows.
    More,
    /// Remove the time window.
    Widen,
    /// Remove every filter.
    Clear,
}

impl ListAction {
    const ALL: [ListAction; 3] = [ListAction::More, ListAction::Widen, ListAction::Clear];

    pub fn slug(self) -> &'static str {
        match self {
            ListAction::More => "more",
            ListAction::Widen => "widen",
            ListAction::Clear => "clear",
        }
    }

    /// The action `LIST_ACTION_ATTRIBUTE`'s value names.
    pub fn of(slug: &str) -> Option<ListAction> {
        ListAction::ALL.into_iter().find(|a| a.slug() == slug)
    }
}

fn push_button(out: &mut String, action: ListAction, extra: &str, text: &str) {
    out.push_str("<button type=\"button\" ");
    out.push_str(extra);
    out.push_str(LIST_ACTION_ATTRIBUTE);
    out.push_str("=\"");
    out.push_str(action.slug());
    out.push_str("\">");
    push_escaped(out, text);
    out.push_str("</button>");
}

/// "Show more (N more)", or nothing when every row is drawn.
pub fn show_more_html(lang: Lang, remaining: usize) -> String {
    let mut out = String::new();
    if remaining > 0 {
        let text = format!(
            "{} ({remaining} {})",
            lang.t(Key::ShowMore),
            lang.t(Key::Remaining)
        );
        push_button(
            &mut out,
            ListAction::More,
            "class=\"show-more\" data-testid=\"show-more\" ",
            &text,
        );
    }
    out
}

/// No event matches: say so, and offer the ways out there are (a window to remove, filters to
/// clear).
pub fn empty_state_html(lang: Lang, has_window: bool, has_filters: bool) -> String {
    let mut out = String::new();
    out.push_str("<div class=\"empty\" data-testid=\"empty-state\"><p>");
    push_escaped(&mut out, lang.t(Key::NoMatches));
    out.push_str("</p><p class=\"empty-actions\">");
    if has_window {
        push_button(
            &mut out,
            ListAction::Widen,
            "",
            lang.t(Key::ShowAllUpcoming),
        );
    }
    if has_filters {
        push_button(&mut out, ListAction::Clear, "", lang.t(Key::ClearAll));
    }
    out.push_str("</p></div>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn show_more_counts_what_remains_and_goes_when_nothing_does() {
        assert_eq!(
            show_more_html(Lang::Fi, 42),
            "<button type=\"button\" class=\"show-more\" data-testid=\"show-more\" data-list-action=\"more\">Näytä lisää (42 jäljellä)</button>"
        );
        assert_eq!(show_more_html(Lang::En, 0), "");
    }

    #[test]
    fn the_empty_state_offers_only_the_ways_out_there_are() {
        let both = empty_state_html(Lang::Fi, true, true);
        assert!(
            both.contains("data-list-action=\"widen\">Näytä kaikki tulevat</button>"),
            "{both}"
        );
        assert!(
            both.contains("data-list-action=\"clear\">Tyhjennä kaikki</button>"),
            "{both}"
        );
        let none = empty_state_html(Lang::En, false, false);
        assert_eq!(
            none,
            "<div class=\"empty\" data-testid=\"empty-state\"><p>No events match your choices.</p><p class=\"empty-actions\"></p></div>"
        );
        for a in ListAction::ALL {
            assert_eq!(ListAction::of(a.slug()), Some(a));
        }
        assert_eq!(ListAction::of(""), None);
    }
}
