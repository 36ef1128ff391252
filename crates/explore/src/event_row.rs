//! An event's row in the list, written as HTML text.
//!
//! Why text and not a component: the list shows a hundred rows at first and rebuilds those a
//! filter changes. Built node by node, each row is some thirty calls from wasm into the DOM plus
//! its own reactive bindings, and that was the largest part of the first paint and of a preset's
//! work after the filters. As text, a block of rows is one `innerHTML` that the browser's
//! parser builds at native speed. The rows hold no state of their own: the explorer marks the
//! selected row and listens for focus on the list as a whole.
//!
//! Every value from a feed (ids, titles, places, language tags) passes through
//! `html::push_escaped`: feed text stays text.

use kulttuurikartta_core::feed::catalogue::ListEntry;
use kulttuurikartta_core::feed::{Event, LocalizedText, LocationKind};
use kulttuurikartta_core::time::helsinki;

use crate::event_text::{place_line, status_badge};
use crate::html::push_escaped;
use crate::i18n::{format_date, format_when, Key, Lang, Translate};
use crate::url::event_path;

/// What every row in one list shares.
pub struct RowContext<'a> {
    pub lang: Lang,
    /// The deployment's path prefix, put before `/event/…` in the links.
    pub base: &'a str,
    /// From an embed, an event opens in the full app in a new tab.
    pub new_tab: bool,
}

/// Appends a link to the event `id`'s page, named by its title in the page's language or the
/// nearest one the feed gives, marked with that language (`lang`). From an embed it opens a new
/// tab, and says so to screen readers.
pub fn push_event_link(out: &mut String, id: &str, name: &LocalizedText, cx: &RowContext) {
    let (title_lang, title) = name
        .pick(cx.lang)
        .map_or(("fi", ""), |(l, t)| (l, t.as_str()));
    out.push_str("<a href=\"");
    push_escaped(out, &format!("{}{}", cx.base, event_path(id, cx.lang)));
    out.push_str("\" lang=\"");
    push_escaped(out, title_lang);
    out.push('"');
    if cx.new_tab {
        out.push_str(" target=\"_blank\" rel=\"noopener\"");
    }
    out.push('>');
    push_escaped(out, title);
    if cx.new_tab {
        out.push_str("<span class=\"visually-hidden\"> (");
        push_escaped(out, cx.lang.t(Key::OpensInNewTab));
        out.push_str(")</span>");
    }
    out.push_str("</a>");
}

/// Appends when the event is: `<time>` with its Helsinki RFC 3339 start, or "date to be
/// announced".
pub fn push_when(out: &mut String, ev: &Event, lang: Lang) {
    match ev.start {
        Some(s) => {
            out.push_str("<time datetime=\"");
            push_escaped(out, &s.to_rfc3339_helsinki());
            out.push_str("\">");
            push_escaped(out, &format_when(lang, s, ev.end));
            out.push_str("</time>");
        }
        None => push_escaped(out, lang.t(Key::DateToBeAnnounced)),
    }
}

/// Appends one row: an `<li>` with the stable hooks `data-event-id` (a series' id for a
/// series), `data-series-dates`, `data-status`, `data-municipality`, `data-location`, and
/// `<time datetime>` in Helsinki time. `selected` marks the row as the current selection.
pub fn push_row(out: &mut String, entry: &ListEntry, cx: &RowContext, selected: bool) {
    let (ev, lang) = (entry.event, cx.lang);
    let status = status_badge(ev.status);
    let attr = |out: &mut String, name: &str, value: &str| {
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        push_escaped(out, value);
        out.push('"');
    };

    out.push_str("<li class=\"event-row");
    out.push_str(if selected {
        " selected\" aria-current=\"true\""
    } else {
        "\""
    });
    attr(out, "data-event-id", entry.id());
    if let Some((_, dates)) = &entry.series {
        attr(out, "data-series-dates", &dates.len().to_string());
    }
    if let Some((class, _)) = status {
        attr(out, "data-status", class);
    }
    if let Some(m) = ev.municipality {
        attr(out, "data-municipality", m);
    }
    let location = match ev.location_kind {
        LocationKind::Exact => "exact",
        LocationKind::Approximate => "approximate",
        LocationKind::Online => "online",
        LocationKind::Unknown => "unknown",
    };
    attr(out, "data-location", location);
    out.push('>');

    out.push_str("<h4 class=\"event-title\">");
    push_event_link(out, entry.id(), &ev.name, cx);
    out.push_str("</h4>");

    out.push_str("<p class=\"event-when\">");
    push_when(out, ev, lang);
    out.push_str("</p>");

    if let Some((_, dates)) = &entry.series {
        let next = ev
            .start
            .map(|s| format_date(lang, helsinki::local_date(s.first_instant())));
        out.push_str("<p class=\"event-series\">");
        push_escaped(
            out,
            &format!(
                "{} {} {}",
                dates.len(),
                lang.t(Key::SeriesDates),
                next.unwrap_or_default()
            ),
        );
        out.push_str("</p>");
    }
    if let Some(place) = place_line(ev, lang) {
        out.push_str("<p class=\"event-place\">");
        push_escaped(out, &place);
        out.push_str("</p>");
    }

    let mut badges = Vec::new();
    if let Some((class, key)) = status {
        badges.push((class, key));
    }
    match ev.location_kind {
        LocationKind::Online => badges.push(("online", Key::Online)),
        LocationKind::Approximate => badges.push(("approximate", Key::ApproximateLocation)),
        _ => {}
    }
    if ev.is_free == Some(true) {
        badges.push(("free", Key::Free));
    }
    if !badges.is_empty() {
        out.push_str("<ul class=\"badges\" role=\"list\">");
        for (class, key) in badges {
            out.push_str("<li class=\"badge badge-");
            out.push_str(class);
            out.push_str("\">");
            push_escaped(out, lang.t(key));
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    out.push_str("</li>");
}

/// The rows of `entries`, one after another; `selected` is the selected event's id, which
/// marks the row that shows it (a series' row for any of its dates).
pub fn rows_html(entries: &[ListEntry], cx: &RowContext, selected: Option<&str>) -> String {
    let mut out = String::with_capacity(entries.len() * 700);
    push_rows(&mut out, entries, cx, selected);
    out
}

fn push_rows(out: &mut String, entries: &[ListEntry], cx: &RowContext, selected: Option<&str>) {
    for e in entries {
        push_row(out, e, cx, selected.is_some_and(|s| shows(e, s)));
    }
}

/// One block of the list as the markup of one element: its heading, then its rows in an
/// ordered list (`data-testid="event-list"`), or in a plain one for the events whose date is to
/// be announced (`event-list-tba`). One element per block rather than a heading and a list
/// built as views: a change that touches a hundred one-row days builds and removes a hundred of
/// them, and each view cost more than its rows.
pub fn block_html(
    heading: &str,
    to_be_announced: bool,
    entries: &[ListEntry],
    cx: &RowContext,
    selected: Option<&str>,
) -> String {
    let mut out = String::with_capacity(80 + heading.len() + entries.len() * 700);
    out.push_str("<h3 class=\"group-heading\">");
    push_escaped(&mut out, heading);
    out.push_str(if to_be_announced {
        "</h3><ul class=\"event-list tba\" data-testid=\"event-list-tba\">"
    } else {
        "</h3><ol class=\"event-list\" data-testid=\"event-list\">"
    });
    push_rows(&mut out, entries, cx, selected);
    out.push_str(if to_be_announced { "</ul>" } else { "</ol>" });
    out
}

/// Whether the row of `entry` shows the event `id` (for a series: any of its dates).
pub fn shows(entry: &ListEntry, id: &str) -> bool {
    match &entry.series {
        Some((_, dates)) => dates.iter().any(|d| d.id == id),
        None => entry.event.id == id,
    }
}

/// The event a row stands for when it is focused or chosen: the event itself, or a series'
/// next date.
pub fn first_event_id<'a>(entry: &ListEntry<'a>) -> &'a str {
    match &entry.series {
        Some((_, dates)) => dates
            .first()
            .map_or(entry.event.id.as_str(), |d| d.id.as_str()),
        None => entry.event.id.as_str(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kulttuurikartta_core::feed::{parse_feed, Catalogue, Event};

    fn events(json: &str) -> Vec<Event> {
        parse_feed(json.as_bytes(), "t").unwrap().events
    }

    fn cx(new_tab: bool) -> RowContext<'static> {
        RowContext {
            lang: Lang::Fi,
            base: "/kk",
            new_tab,
        }
    }

    fn one_row(ev: &Event, new_tab: bool, selected: bool) -> String {
        let mut out = String::new();
        let entry = ListEntry {
            event: ev,
            series: None,
        };
        push_row(&mut out, &entry, &cx(new_tab), selected);
        out
    }

    #[test]
    fn a_row_carries_the_hooks_the_tests_and_embedders_read() {
        let evs = events(
            r#"{"data":[{"id":"oulu:1","name":{"fi":"Konsertti"},"start_time":"2026-12-05T17:00:00Z",
                "location":{"name":{"fi":"Madetoja-sali"},"address_locality":{"fi":"Oulu"},
                "position":{"type":"Point","coordinates":[25.47,65.01]}},
                "offers":[{"is_free":true}],"event_status":"EventCancelled"}]}"#,
        );
        let html = one_row(&evs[0], false, false);
        assert!(
            html.starts_with("<li class=\"event-row\" data-event-id=\"oulu:1\""),
            "{html}"
        );
        assert!(html.contains("data-status=\"cancelled\""), "{html}");
        assert!(html.contains("data-municipality=\"564\""), "{html}");
        assert!(html.contains("data-location=\"exact\""), "{html}");
        assert!(
            html.contains("<a href=\"/kk/event/oulu:1?lang=fi\" lang=\"fi\">Konsertti</a>"),
            "{html}"
        );
        assert!(
            html.contains("<time datetime=\"2026-12-05T19:00:00+02:00\">"),
            "{html}"
        );
        assert!(
            html.contains("<p class=\"event-place\">Madetoja-sali, Oulu</p>"),
            "{html}"
        );
        assert!(
            html.contains("<li class=\"badge badge-cancelled\">"),
            "{html}"
        );
        assert!(html.contains("<li class=\"badge badge-free\">"), "{html}");
        assert!(
            !html.contains("target="),
            "links stay in the app outside an embed"
        );
        assert!(html.ends_with("</ul></li>"), "{html}");
    }

    #[test]
    fn feed_text_stays_text_in_content_and_attributes() {
        let evs = events(
            r#"{"data":[{"id":"x\"><script>alert(1)</script>","name":{"fi":"A & <b>B</b> \"C\" 'D'"},
                "location":{"name":{"fi":"<img src=x onerror=alert(2)>"}}}]}"#,
        );
        let html = one_row(&evs[0], false, false);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(
            html.contains("data-event-id=\"x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""),
            "{html}"
        );
        // Every attribute value is closed by our own quote: a feed's quote cannot end one.
        let quotes = html.matches('"').count();
        assert_eq!(quotes % 2, 0, "{html}");
        // Without an exact place or a date, the row still says so in words.
        assert!(html.contains("data-location=\"unknown\""), "{html}");
        assert!(html.contains(Lang::Fi.t(Key::DateToBeAnnounced)), "{html}");
    }

    #[test]
    fn an_embed_opens_events_in_a_new_tab_and_says_so() {
        let evs = events(r#"{"data":[{"id":"e","name":{"fi":"E"},"start_time":"2026-12-05"}]}"#);
        let html = one_row(&evs[0], true, false);
        assert!(
            html.contains(
                " target=\"_blank\" rel=\"noopener\">E<span class=\"visually-hidden\"> ("
            ),
            "{html}"
        );
    }

    #[test]
    fn the_selected_row_is_marked_for_sight_and_for_screen_readers() {
        let evs = events(r#"{"data":[{"id":"e","name":{"fi":"E"},"start_time":"2026-12-05"}]}"#);
        let html = one_row(&evs[0], false, true);
        assert!(
            html.starts_with("<li class=\"event-row selected\" aria-current=\"true\""),
            "{html}"
        );
    }

    #[test]
    fn a_series_is_one_row_that_shows_each_of_its_dates() {
        let evs = events(
            r#"{"data":[
                {"id":"s","name":{"fi":"Sarja"},"super_event_type":"recurring","start_time":"2026-12-01"},
                {"id":"s:1","name":{"fi":"Sarja"},"super_event":{"@id":"s"},"start_time":"2026-12-05T10:00:00Z"},
                {"id":"s:2","name":{"fi":"Sarja"},"super_event":{"@id":"s"},"start_time":"2026-12-12T10:00:00Z"},
                {"id":"other","name":{"fi":"Muu"},"start_time":"2026-12-06"}]}"#,
        );
        let cat = Catalogue::from_pages([kulttuurikartta_core::feed::FeedPage {
            events: evs,
            ..Default::default()
        }]);
        let dates: Vec<&Event> = cat
            .events
            .iter()
            .filter(|e| e.id.starts_with("s:"))
            .collect();
        assert_eq!(dates.len(), 2, "the fixture has two dates");
        let entry = ListEntry {
            event: dates[0],
            series: Some(("s", dates.clone())),
        };
        assert!(shows(&entry, "s:2"));
        assert!(!shows(&entry, "other"));
        assert_eq!(first_event_id(&entry), "s:1");
        let html = rows_html(std::slice::from_ref(&entry), &cx(false), Some("s:2"));
        assert!(
            html.starts_with("<li class=\"event-row selected\""),
            "{html}"
        );
        assert!(
            html.contains("data-event-id=\"s\" data-series-dates=\"2\""),
            "{html}"
        );
        assert!(html.contains("<p class=\"event-series\">2 "), "{html}");
    }

    #[test]
    fn a_block_is_its_escaped_heading_and_its_rows_in_the_right_list() {
        let evs = events(
            r#"{"data":[{"id":"a:1","name":{"fi":"Yksi"},"start_time":"2026-12-05T17:00:00Z"},
                {"id":"a:2","name":{"fi":"Kaksi"},"start_time":"2026-12-05T18:00:00Z"}]}"#,
        );
        let entries: Vec<ListEntry> = evs
            .iter()
            .map(|event| ListEntry {
                event,
                series: None,
            })
            .collect();
        let html = block_html("la 5.12. <b>&", false, &entries, &cx(false), Some("a:2"));
        assert!(
            html.starts_with(
                "<h3 class=\"group-heading\">la 5.12. &lt;b&gt;&amp;</h3><ol class=\"event-list\" data-testid=\"event-list\"><li class=\"event-row\" data-event-id=\"a:1\""
            ),
            "{html}"
        );
        assert!(html.ends_with("</li></ol>"), "{html}");
        assert_eq!(html.matches("<li class=\"event-row").count(), 2);
        assert_eq!(html.matches("aria-current=\"true\"").count(), 1, "{html}");
        let tba = block_html("Ajankohta tarkentuu", true, &entries[..1], &cx(false), None);
        assert!(
            tba.contains("</h3><ul class=\"event-list tba\" data-testid=\"event-list-tba\"><li"),
            "{tba}"
        );
        assert!(tba.ends_with("</ul>"), "{tba}");
    }
}
