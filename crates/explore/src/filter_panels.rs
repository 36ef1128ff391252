//! The filter bar's three option panels (municipalities, categories, more filters) as markup
//! written from plain data, what each option shows after a change, and what a change of an
//! option does to the query. As Leptos views, the panels' some sixty reactive options cost
//! about 15 kB of generic code in every visitor's download.
//!
//! A panel's body is written when it is first opened (`body_html`) and again when the language
//! changes. Any other change only updates its options in place (`option_states`,
//! `attendance_texts`), so that the checkbox just used keeps its focus and a screen reader its
//! place. Every option says how many events it would leave with the other filters applied;
//! options that would leave none are marked, not hidden.

use kulttuurikartta_core::feed::Category;
use kulttuurikartta_core::region::municipality::{Region, MUNICIPALITIES};

use crate::event_text::municipality_name;
use crate::html::push_escaped;
use crate::i18n::{Key, Lang, Translate};
use crate::query::filter::FacetCounts;
use crate::query::{region_codes, Attendance, Query};
use kulttuurikartta_geo::small_sort::sort_small_by;

/// One of the filter bar's option panels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    Municipality,
    Category,
    More,
}

/// The attribute of the button that replaces the chosen municipalities with a region's; its
/// value is the region's name in `region_codes`.
pub const CHOOSE_REGION_ATTRIBUTE: &str = "data-choose-region";
/// The attribute of a region's "select all", which adds the region's municipalities.
pub const ADD_REGION_ATTRIBUTE: &str = "data-add-region";

/// What a panel's summary says: its name, and how many of its options are chosen.
pub fn summary_text(panel: Panel, lang: Lang, q: &Query) -> String {
    let (key, chosen) = match panel {
        Panel::Municipality => (Key::Municipality, q.municipalities.len()),
        Panel::Category => (Key::Categories, q.categories.len()),
        Panel::More => (
            Key::MoreFilters,
            usize::from(q.free_only)
                + usize::from(q.families)
                + usize::from(q.hide_cancelled)
                + usize::from(q.attendance.is_some()),
        ),
    };
    if chosen == 0 {
        lang.t(key).to_owned()
    } else {
        format!("{} ({chosen} {})", lang.t(key), lang.t(Key::SelectedSuffix))
    }
}

/// A checkbox option as it should show: checked or not, its accessible name (which includes
/// the count) and the count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionState {
    pub checked: bool,
    pub label: String,
    pub count: usize,
}

fn state(name: &str, checked: bool, count: usize, lang: Lang) -> OptionState {
    let label = if count == 0 {
        format!("{name}, {}", lang.t(Key::NoneLeft))
    } else {
        format!("{name}, {count} {}", lang.t(Key::EventsCount))
    };
    OptionState {
        checked,
        label,
        count,
    }
}

/// The municipalities of a region, in the order of `MUNICIPALITIES`.
fn members(region: Region) -> impl Iterator<Item = (usize, &'static str)> {
    MUNICIPALITIES
        .iter()
        .enumerate()
        .filter(move |(_, m)| m.region == region)
        .map(|(i, m)| (i, m.code))
}

/// The municipality panel's regions: which, their heading, and their name in `region_codes`.
const REGIONS: [(Region, Key, &str); 2] = [
    (Region::Kainuu, Key::RegionKainuu, "kainuu"),
    (
        Region::NorthOstrobothnia,
        Key::RegionNorthOstrobothnia,
        "pohjois-pohjanmaa",
    ),
];

/// The "more filters" panel's checkboxes: input name, text, whether the query has it, count.
fn toggles(q: &Query, counts: &FacetCounts) -> [(&'static str, Key, bool, usize); 3] {
    [
        ("free", Key::FreeOnly, q.free_only, counts.free),
        ("family", Key::ForFamilies, q.families, counts.family),
        (
            "cancelled",
            Key::HideCancelled,
            q.hide_cancelled,
            counts.not_cancelled,
        ),
    ]
}

/// The state of every checkbox of a panel, in the order `body_html` writes them.
pub fn option_states(
    panel: Panel,
    lang: Lang,
    q: &Query,
    counts: &FacetCounts,
) -> Vec<OptionState> {
    match panel {
        Panel::Municipality => REGIONS
            .iter()
            .flat_map(|(region, _, _)| members(*region))
            .map(|(i, code)| {
                let name = municipality_name(code, lang).unwrap_or(code);
                let n = counts.municipalities.get(i).copied().unwrap_or(0);
                state(name, q.municipalities.contains(&code), n, lang)
            })
            .collect(),
        Panel::Category => Category::ALL
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let n = counts.categories.get(i).copied().unwrap_or(0);
                state(c.label(lang), q.categories.contains(c), n, lang)
            })
            .collect(),
        Panel::More => toggles(q, counts)
            .into_iter()
            .map(|(_, key, on, n)| state(lang.t(key), on, n, lang))
            .collect(),
    }
}

/// The attendance choice's options, value and text, in order ("all", on site, online), with
/// the counts.
pub fn attendance_texts(lang: Lang, counts: &FacetCounts) -> [(&'static str, String); 3] {
    [
        ("", lang.t(Key::AttendanceAll).to_owned()),
        (
            Attendance::OnSite.slug(),
            format!("{} ({})", lang.t(Key::OnSite), counts.on_site),
        ),
        (
            Attendance::Online.slug(),
            format!("{} ({})", lang.t(Key::Online), counts.online),
        ),
    ]
}

/// The attendance choice's value for a query (`""` for all).
pub fn attendance_value(q: &Query) -> &'static str {
    q.attendance.map_or("", Attendance::slug)
}

fn push_link_button(out: &mut String, attribute: &str, region: &str, text: &str) {
    out.push_str("<button type=\"button\" class=\"link-button\" ");
    out.push_str(attribute);
    out.push_str("=\"");
    out.push_str(region);
    out.push_str("\">");
    push_escaped(out, text);
    out.push_str("</button>");
}

/// A checkbox in its label: the accessible name is `state.label`; the visible text and count
/// are hidden from screen readers, which would otherwise read them twice.
fn push_checkbox(
    out: &mut String,
    class: &str,
    name: &str,
    value: &str,
    text: &str,
    s: &OptionState,
) {
    out.push_str("<label class=\"");
    out.push_str(class);
    out.push_str("\"><input type=\"checkbox\" name=\"");
    out.push_str(name);
    out.push('"');
    if !value.is_empty() {
        out.push_str(" value=\"");
        push_escaped(out, value);
        out.push('"');
    }
    out.push_str(" aria-label=\"");
    push_escaped(out, &s.label);
    out.push('"');
    if s.checked {
        out.push_str(" checked");
    }
    out.push_str("><span aria-hidden=\"true\">");
    push_escaped(out, text);
    out.push_str("</span><span class=\"option-count");
    if s.count == 0 {
        out.push_str(" none");
    }
    out.push_str("\" aria-hidden=\"true\">");
    out.push_str(&s.count.to_string());
    out.push_str("</span></label>");
}

/// The content of a panel's `<div class="filter-body">`.
pub fn body_html(panel: Panel, lang: Lang, q: &Query, counts: &FacetCounts) -> String {
    let states = option_states(panel, lang, q, counts);
    let mut out = String::new();
    match panel {
        Panel::Municipality => {
            push_link_button(
                &mut out,
                CHOOSE_REGION_ATTRIBUTE,
                "oulu2026",
                lang.t(Key::Oulu2026Region),
            );
            let mut states = states.iter();
            for (region, legend, slug) in REGIONS {
                out.push_str("<fieldset class=\"option-group\"><legend>");
                out.push_str(lang.t(legend));
                out.push_str("</legend>");
                push_link_button(&mut out, ADD_REGION_ATTRIBUTE, slug, lang.t(Key::SelectAll));
                out.push_str("<ul class=\"options\">");
                for ((_, code), s) in members(region).zip(&mut states) {
                    out.push_str("<li>");
                    let name = municipality_name(code, lang).unwrap_or(code);
                    push_checkbox(&mut out, "option", "municipality", code, name, s);
                    out.push_str("</li>");
                }
                out.push_str("</ul></fieldset>");
            }
        }
        Panel::Category => {
            out.push_str("<fieldset class=\"option-group\"><legend class=\"visually-hidden\">");
            out.push_str(lang.t(Key::Categories));
            out.push_str("</legend><ul class=\"options\">");
            for (c, s) in Category::ALL.iter().zip(&states) {
                out.push_str("<li>");
                push_checkbox(&mut out, "option", "category", c.slug(), c.label(lang), s);
                out.push_str("</li>");
            }
            out.push_str("</ul></fieldset>");
        }
        Panel::More => {
            out.push_str("<div class=\"filter-toggles\">");
            for ((name, key, _, _), s) in toggles(q, counts).into_iter().zip(&states) {
                push_checkbox(&mut out, "option toggle", name, "", lang.t(key), s);
            }
            out.push_str("<label class=\"option select\"><span>");
            out.push_str(lang.t(Key::Attendance));
            out.push_str("</span><select name=\"attendance\">");
            let chosen = attendance_value(q);
            for (value, text) in attendance_texts(lang, counts) {
                out.push_str("<option value=\"");
                out.push_str(value);
                out.push('"');
                if value == chosen {
                    out.push_str(" selected");
                }
                out.push('>');
                push_escaped(&mut out, &text);
                out.push_str("</option>");
            }
            out.push_str("</select></label></div>");
        }
    }
    out
}

/// What changing one of the panels' inputs does to the query: the input's `name` and `value`
/// and, for a checkbox, whether it is now checked. False when the input is none of theirs (the
/// search field's own change event bubbles through the same form) or names nothing known.
pub fn apply_change(q: &mut Query, name: &str, value: &str, on: bool) -> bool {
    match name {
        "municipality" => {
            let Some(m) = MUNICIPALITIES.iter().find(|m| m.code == value) else {
                return false;
            };
            q.municipalities.retain(|c| *c != m.code);
            if on {
                q.municipalities.push(m.code);
                sort_small_by(&mut q.municipalities, |a, b| a < b);
            }
        }
        "category" => {
            let Some(c) = Category::ALL.into_iter().find(|c| c.slug() == value) else {
                return false;
            };
            q.categories.retain(|x| *x != c);
            if on {
                q.categories.push(c);
                Category::sort_set(&mut q.categories);
            }
        }
        "free" => q.free_only = on,
        "family" => q.families = on,
        "cancelled" => q.hide_cancelled = on,
        "attendance" => {
            q.attendance = [Attendance::OnSite, Attendance::Online]
                .into_iter()
                .find(|a| a.slug() == value)
        }
        _ => return false,
    }
    true
}

/// What a region button does: `CHOOSE_REGION_ATTRIBUTE` replaces the chosen municipalities with
/// the region's, `ADD_REGION_ATTRIBUTE` adds them. False for an unknown region or attribute.
pub fn apply_region(q: &mut Query, attribute: &str, region: &str) -> bool {
    let Some(codes) = region_codes(region) else {
        return false;
    };
    match attribute {
        CHOOSE_REGION_ATTRIBUTE => q.municipalities = codes,
        ADD_REGION_ATTRIBUTE => {
            q.municipalities.extend(codes);
            sort_small_by(&mut q.municipalities, |a, b| a < b);
            q.municipalities.dedup();
        }
        _ => return false,
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts() -> FacetCounts {
        FacetCounts {
            municipalities: (0..MUNICIPALITIES.len()).map(|i| i % 3).collect(),
            categories: (0..Category::ALL.len()).map(|i| i * 2).collect(),
            free: 4,
            family: 0,
            online: 2,
            on_site: 9,
            not_cancelled: 11,
        }
    }

    /// The `(name, value)` of every checkbox in the markup, in order.
    fn checkboxes(html: &str) -> Vec<(String, String)> {
        html.split("<input type=\"checkbox\" ")
            .skip(1)
            .map(|rest| {
                let attr = |a: &str| {
                    rest.split_once(&format!("{a}=\""))
                        .filter(|(before, _)| !before.contains('>'))
                        .map(|(_, v)| v.split('"').next().unwrap_or("").to_owned())
                        .unwrap_or_default()
                };
                (attr("name"), attr("value"))
            })
            .collect()
    }

    #[test]
    fn each_panel_writes_one_checkbox_per_state_in_the_same_order() {
        let q = Query {
            municipalities: vec!["205"],
            categories: vec![Category::Music],
            families: true,
            ..Query::default()
        };
        let c = counts();
        for panel in [Panel::Municipality, Panel::Category, Panel::More] {
            let html = body_html(panel, Lang::Fi, &q, &c);
            let states = option_states(panel, Lang::Fi, &q, &c);
            let boxes = checkboxes(&html);
            assert_eq!(boxes.len(), states.len(), "{panel:?}");
            // Each checkbox carries its state's label and checked flag, in order.
            let mut rest = html.as_str();
            for s in &states {
                let at = rest.find("<input type=\"checkbox\" ").unwrap();
                let end = at + rest[at..].find('>').unwrap();
                let tag = &rest[at..end];
                assert!(
                    tag.contains(&format!("aria-label=\"{}\"", s.label)),
                    "{tag}"
                );
                assert_eq!(tag.ends_with(" checked"), s.checked, "{tag}");
                rest = &rest[end..];
            }
            // As many count badges as checkboxes, so that updates can pair them by position.
            assert_eq!(html.matches("class=\"option-count").count(), states.len());
        }
    }

    #[test]
    fn the_municipality_panel_offers_all_38_with_their_codes_and_counts() {
        let q = Query {
            municipalities: vec!["564"],
            ..Query::default()
        };
        let c = counts();
        let html = body_html(Panel::Municipality, Lang::Fi, &q, &c);
        let boxes = checkboxes(&html);
        assert_eq!(boxes.len(), 38);
        assert!(boxes.iter().all(|(name, _)| name == "municipality"));
        let states = option_states(Panel::Municipality, Lang::Fi, &q, &c);
        let oulu = boxes.iter().position(|(_, v)| v == "564").unwrap();
        assert!(states[oulu].checked);
        let i = MUNICIPALITIES.iter().position(|m| m.code == "564").unwrap();
        assert_eq!(states[oulu].count, c.municipalities[i]);
        assert!(states[oulu].label.starts_with("Oulu, "));
        // Kainuu's group comes first, then North Ostrobothnia's.
        assert!(html.find("Kainuu").unwrap() < html.find("Pohjois-Pohjanmaa").unwrap());
        assert!(html.contains("data-choose-region=\"oulu2026\""));
        assert!(html.contains("data-add-region=\"kainuu\""));
        assert!(html.contains("data-add-region=\"pohjois-pohjanmaa\""));
    }

    #[test]
    fn an_option_that_leaves_nothing_says_so_and_is_marked() {
        let c = counts();
        let s = option_states(Panel::More, Lang::Fi, &Query::default(), &c);
        assert_eq!(s[1].count, 0);
        assert_eq!(s[1].label, "Lapsille ja perheille, ei tuloksia");
        assert_eq!(s[0].label, "Vain maksuttomat, 4 tapahtumaa");
        let html = body_html(Panel::More, Lang::En, &Query::default(), &c);
        assert!(html.contains("<span class=\"option-count none\" aria-hidden=\"true\">0</span>"));
        assert!(html.contains("For children and families, no results"));
    }

    #[test]
    fn the_attendance_choice_shows_counts_and_the_chosen_value() {
        let c = counts();
        let q = Query {
            attendance: Some(Attendance::Online),
            ..Query::default()
        };
        let html = body_html(Panel::More, Lang::En, &q, &c);
        assert!(html.contains("<option value=\"online\" selected>Online (2)</option>"));
        assert!(html.contains("<option value=\"onsite\">On site (9)</option>"));
        assert!(html.contains("<option value=\"\">All</option>"));
        assert_eq!(attendance_value(&q), "online");
        assert_eq!(attendance_value(&Query::default()), "");
    }

    #[test]
    fn summaries_count_what_is_chosen() {
        let mut q = Query::default();
        assert_eq!(summary_text(Panel::More, Lang::En, &q), "More filters");
        q.free_only = true;
        q.attendance = Some(Attendance::OnSite);
        assert_eq!(
            summary_text(Panel::More, Lang::En, &q),
            "More filters (2 selected)"
        );
        q.municipalities = vec!["205", "564"];
        assert_eq!(
            summary_text(Panel::Municipality, Lang::Fi, &q),
            "Kunta (2 valittu)"
        );
        assert_eq!(summary_text(Panel::Category, Lang::Sv, &q), "Kategorier");
    }

    #[test]
    fn changes_update_the_query_and_keep_it_sorted() {
        let mut q = Query::default();
        assert!(apply_change(&mut q, "municipality", "564", true));
        assert!(apply_change(&mut q, "municipality", "205", true));
        assert_eq!(q.municipalities, vec!["205", "564"]);
        assert!(apply_change(&mut q, "municipality", "564", false));
        assert_eq!(q.municipalities, vec!["205"]);
        assert!(apply_change(&mut q, "category", "theatre", true));
        assert!(apply_change(&mut q, "category", "music", true));
        assert_eq!(q.categories, vec![Category::Music, Category::Theatre]);
        assert!(apply_change(&mut q, "free", "", true) && q.free_only);
        assert!(apply_change(&mut q, "cancelled", "", true) && q.hide_cancelled);
        assert!(apply_change(&mut q, "family", "", true) && q.families);
        assert!(apply_change(&mut q, "attendance", "onsite", false));
        assert_eq!(q.attendance, Some(Attendance::OnSite));
        assert!(apply_change(&mut q, "attendance", "", false));
        assert_eq!(q.attendance, None);
        // Unknown inputs and values change nothing.
        let before = q.clone();
        assert!(!apply_change(&mut q, "municipality", "999", true));
        assert!(!apply_change(&mut q, "category", "opera", true));
        assert!(!apply_change(&mut q, "", "x", true));
        assert_eq!(q, before);
    }

    #[test]
    fn region_buttons_choose_or_add_a_region() {
        let mut q = Query {
            municipalities: vec!["564"],
            ..Query::default()
        };
        assert!(apply_region(&mut q, ADD_REGION_ATTRIBUTE, "kainuu"));
        assert_eq!(q.municipalities.len(), 9);
        assert!(q.municipalities.contains(&"564"));
        assert!(q.municipalities.windows(2).all(|w| w[0] < w[1]));
        assert!(apply_region(&mut q, CHOOSE_REGION_ATTRIBUTE, "oulu2026"));
        assert_eq!(q.municipalities, region_codes("oulu2026").unwrap());
        assert!(!apply_region(&mut q, CHOOSE_REGION_ATTRIBUTE, "lapland"));
    }

    #[test]
    fn texts_in_the_markup_are_escaped() {
        // The panels' texts are the app's own, but the markup must not trust that.
        let mut out = String::new();
        let s = state("<b>x</b>", false, 1, Lang::En);
        push_checkbox(&mut out, "option", "category", "a\"b", "<i>y</i>", &s);
        assert!(!out.contains("<b>") && !out.contains("<i>"));
        assert!(out.contains("value=\"a&quot;b\""));
    }
}
