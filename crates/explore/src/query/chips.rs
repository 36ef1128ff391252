//! The active filters of a query, each as a short label and the query without it: the explorer
//! shows them as removable chips (`chip_buttons_html`), and the statistics report names its
//! scope with them.

use super::{Attendance, Query};
use crate::event_text::municipality_name;
use crate::html::push_escaped;
use crate::i18n::{Key, Lang, Translate};

/// The attribute of a chip's button: a chip's position in `chips`, or `CLEAR_ALL`.
pub const CHIP_ATTRIBUTE: &str = "data-chip";
/// `CHIP_ATTRIBUTE`'s value on the button that clears every filter.
pub const CLEAR_ALL: &str = "clear";

/// One removable chip: a button labelled "Remove filter: <label>", showing the label and ×.
/// `chip` is `CHIP_ATTRIBUTE`'s value, which says what a click removes.
pub fn push_chip_button(
    out: &mut String,
    label: &str,
    chip: &str,
    testid: Option<&str>,
    lang: Lang,
) {
    out.push_str("<button type=\"button\" class=\"chip\" ");
    out.push_str(CHIP_ATTRIBUTE);
    out.push_str("=\"");
    push_escaped(out, chip);
    out.push('"');
    if let Some(id) = testid {
        out.push_str(" data-testid=\"");
        out.push_str(id);
        out.push('"');
    }
    out.push_str(" aria-label=\"");
    push_escaped(out, lang.t(Key::RemoveFilter));
    out.push_str(": ");
    push_escaped(out, label);
    out.push_str("\">");
    push_escaped(out, label);
    out.push_str("<span aria-hidden=\"true\"> ×</span></button>");
}

/// The chips of `list` (from `chips`), numbered in order, and "clear all".
pub fn chip_buttons_html(list: &[(String, Query)], lang: Lang) -> String {
    let mut out = String::new();
    for (i, (label, _)) in list.iter().enumerate() {
        push_chip_button(&mut out, label, &i.to_string(), None, lang);
    }
    out.push_str("<button type=\"button\" class=\"link-button\" data-testid=\"clear-filters\" ");
    out.push_str(CHIP_ATTRIBUTE);
    out.push_str("=\"");
    out.push_str(CLEAR_ALL);
    out.push_str("\">");
    out.push_str(lang.t(Key::ClearAll));
    out.push_str("</button>");
    out
}

/// One label per active filter, in a fixed order, with the query that removing it leaves.
/// `with_municipalities` false leaves out the municipalities (an embed locked to them).
pub fn chips(q: &Query, lang: Lang, with_municipalities: bool) -> Vec<(String, Query)> {
    let mut out: Vec<(String, Query)> = Vec::new();
    if !q.text.trim().is_empty() {
        let mut next = q.clone();
        next.text.clear();
        out.push((format!("“{}”", q.text.trim()), next));
    }
    for code in q.municipalities.iter().filter(|_| with_municipalities) {
        let mut next = q.clone();
        next.municipalities.retain(|c| c != code);
        out.push((
            municipality_name(code, lang).unwrap_or(code).to_owned(),
            next,
        ));
    }
    for c in &q.categories {
        let mut next = q.clone();
        next.categories.retain(|x| x != c);
        out.push((c.label(lang).to_owned(), next));
    }
    let mut flag = |on: bool, key: Key, clear: fn(&mut Query)| {
        if on {
            let mut next = q.clone();
            clear(&mut next);
            out.push((lang.t(key).to_owned(), next));
        }
    };
    flag(q.free_only, Key::FreeOnly, |n| n.free_only = false);
    flag(q.families, Key::ForFamilies, |n| n.families = false);
    flag(q.attendance == Some(Attendance::Online), Key::Online, |n| {
        n.attendance = None
    });
    flag(q.attendance == Some(Attendance::OnSite), Key::OnSite, |n| {
        n.attendance = None
    });
    flag(q.hide_cancelled, Key::HideCancelled, |n| {
        n.hide_cancelled = false
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chip_buttons_say_what_they_remove_and_keep_typed_text_as_text() {
        let q = Query {
            text: "<b>jazz</b>".into(),
            free_only: true,
            ..Query::default()
        };
        let list = chips(&q, Lang::En, true);
        let html = chip_buttons_html(&list, Lang::En);
        assert_eq!(html.matches("class=\"chip\"").count(), list.len());
        assert!(html.contains("data-chip=\"0\" aria-label=\"Remove filter: “&lt;b&gt;jazz&lt;/b&gt;”\">“&lt;b&gt;jazz&lt;/b&gt;”<span aria-hidden=\"true\"> ×</span></button>"));
        assert!(html.contains("data-chip=\"1\""));
        assert!(!html.contains("<b>"));
        assert!(
            html.ends_with("data-testid=\"clear-filters\" data-chip=\"clear\">Clear all</button>")
        );
    }
    use chrono::NaiveDate;

    fn parse(s: &str) -> Query {
        let pairs: Vec<(&str, &str)> = s.split('&').filter_map(|p| p.split_once('=')).collect();
        Query::from_pairs(pairs, NaiveDate::from_ymd_opt(2026, 12, 2).unwrap())
    }

    #[test]
    fn each_active_filter_is_one_chip_whose_query_drops_only_it() {
        let q = parse("q=joulu&municipality=205&category=music&free=1&attendance=online&from=2027-01-01&to=2027-06-30");
        let list = chips(&q, Lang::Fi, true);
        let labels: Vec<_> = list.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(
            labels,
            [
                "“joulu”",
                "Kajaani",
                "Musiikki",
                "Vain maksuttomat",
                "Verkossa"
            ]
        );
        let without_kajaani = &list[1].1;
        assert!(without_kajaani.municipalities.is_empty());
        assert_eq!(without_kajaani.text, "joulu");
        assert_eq!(without_kajaani.window, q.window);
        assert!(chips(&parse("from=2027-01-01"), Lang::En, true).is_empty());
        // A locked embed does not offer its municipality.
        assert_eq!(chips(&parse("municipality=205"), Lang::Sv, false).len(), 0);
        assert_eq!(
            chips(&parse("municipality=205"), Lang::Sv, true)[0].0,
            "Kajana"
        );
    }
}
