//! An event's page, the parts that are plain content, as markup written from the event: the
//! heading and facts (`head_html`), the description (`description_html`) and the links to related
//! events (`related_html`). The page's component keeps the `<article>` and its hooks, and the
//! parts that act: the buttons, the QR codes and the venue's map. The page is drawn once per
//! event and language; as Leptos views its content cost some 30 kB of code in every visitor's
//! download.
//!
//! Everything from a feed (titles, places, prices, URLs, language tags, the description's text
//! and links) passes through `html::push_escaped`. The description comes as the sanitised tree
//! of `rich_text`: only its eight tags are written, and a link's URL only as `rich_text` let it
//! through.

use kulttuurikartta_core::feed::rich_text::{Node, Tag};
use kulttuurikartta_core::feed::{Catalogue, Event, LocationKind, SuperEventType};
use kulttuurikartta_core::time::When;

use crate::event_row::push_when;
use crate::event_text::{municipality_name, place_line, status_badge};
use crate::html::push_escaped;
use crate::i18n::{format_duration, Key, Lang, Translate};
use crate::kiosk_screens::qr_figure_html;
use crate::url::event_path;

/// What the whole page shares.
pub struct PageContext<'a> {
    pub lang: Lang,
    /// The deployment's path prefix, put before `/event/…` in the links.
    pub base: &'a str,
    /// A kiosk never links out: links in a description stay text there.
    pub kiosk: bool,
}

impl PageContext<'_> {
    fn href(&self, id: &str) -> String {
        format!("{}{}", self.base, event_path(id, self.lang))
    }
}

fn push_text(out: &mut String, open: &str, text: &str, close: &str) {
    out.push_str(open);
    push_escaped(out, text);
    out.push_str(close);
}

fn push_link(out: &mut String, cx: &PageContext, ev: &Event, inner: impl FnOnce(&mut String)) {
    out.push_str("<a href=\"");
    push_escaped(out, &cx.href(&ev.id));
    out.push_str("\">");
    inner(out);
    out.push_str("</a>");
}

/// One fact of the list: a term and its description.
fn push_fact(out: &mut String, lang: Lang, term: Key, testid: Option<&str>, value: &str) {
    push_text(out, "<dt>", lang.t(term), "</dt>");
    match testid {
        Some(id) => {
            out.push_str("<dd data-testid=\"");
            out.push_str(id);
            out.push_str("\">");
        }
        None => out.push_str("<dd>"),
    }
    push_escaped(out, value);
    out.push_str("</dd>");
}

/// The festival or series `ev` is part of, when the catalogue has it.
pub fn parent<'a>(ev: &Event, catalogue: &'a Catalogue) -> Option<&'a Event> {
    ev.super_event.as_deref().and_then(|p| catalogue.get(p))
}

/// The title (marked with the language it is in), the status, what it is part of, the lead,
/// the image and the facts, for `<div class="event-head">`.
pub fn head_html(ev: &Event, catalogue: &Catalogue, cx: &PageContext) -> String {
    let l = cx.lang;
    let mut out = String::new();
    let (title_lang, title) = ev
        .name
        .pick(l)
        .map_or(("fi", ""), |(lang, t)| (lang, t.as_str()));
    out.push_str("<h1 lang=\"");
    push_escaped(&mut out, title_lang);
    push_text(&mut out, "\">", title, "</h1>");
    if let Some((class, key)) = status_badge(ev.status) {
        out.push_str("<p class=\"badge badge-");
        out.push_str(class);
        push_text(
            &mut out,
            "\" data-testid=\"event-status\">",
            l.t(key),
            "</p>",
        );
    }
    if let Some(p) = parent(ev, catalogue) {
        push_text(&mut out, "<p class=\"part-of\">", l.t(Key::PartOf), ": ");
        push_link(&mut out, cx, p, |out| push_escaped(out, p.name.text(l)));
        out.push_str("</p>");
    }
    if let Some((dl, d)) = ev.short_description.pick(l) {
        out.push_str("<p class=\"lead\" lang=\"");
        push_escaped(&mut out, dl);
        push_text(&mut out, "\">", d, "</p>");
    }
    if let Some(img) = &ev.image {
        let alt = img.alt.pick(l).map_or("", |(_, a)| a.as_str());
        out.push_str("<figure class=\"event-image\"><img src=\"");
        push_escaped(&mut out, &img.url);
        out.push_str("\" alt=\"");
        push_escaped(&mut out, alt);
        out.push_str("\" loading=\"lazy\">");
        if let Some(c) = &img.credit {
            push_text(&mut out, "<figcaption>", l.t(Key::ImageCredit), ": ");
            push_escaped(&mut out, c);
            out.push_str("</figcaption>");
        }
        out.push_str("</figure>");
    }
    push_facts(&mut out, ev, l);
    out
}

fn push_facts(out: &mut String, ev: &Event, l: Lang) {
    out.push_str("<dl class=\"facts\">");
    push_text(out, "<dt>", l.t(Key::Time), "</dt><dd>");
    push_when(out, ev, l);
    out.push_str("</dd>");
    // Only where the feed gave both clock times: a date-only span's length is in its dates.
    if let (Some(When::At(a)), Some(When::At(b))) = (ev.start, ev.end) {
        if b > a {
            let d = format_duration(l, (b - a).num_minutes());
            push_fact(out, l, Key::Duration, Some("event-duration"), &d);
        }
    }
    if let Some(p) = place_line(ev, l) {
        let street = ev
            .venue
            .as_ref()
            .map(|v| v.street_address.text(l))
            .filter(|s| !s.is_empty());
        let place = match street {
            Some(s) => format!("{p} ({s})"),
            None => p,
        };
        push_fact(out, l, Key::Place, None, &place);
    }
    if ev.location_kind == LocationKind::Approximate {
        push_text(
            out,
            "<dd class=\"note\">",
            l.t(Key::ApproximateLocation),
            "</dd>",
        );
    }
    if let Some(m) = ev.municipality.and_then(|c| municipality_name(c, l)) {
        push_fact(out, l, Key::Municipality, None, m);
    }
    let price = if ev.is_free == Some(true) {
        Some(l.t(Key::Free))
    } else {
        ev.price.pick(l).map(|(_, p)| p.as_str())
    };
    if let Some(p) = price {
        push_fact(out, l, Key::Price, None, p);
    }
    let categories: Vec<&str> = ev.categories.iter().map(|c| c.label(l)).collect();
    push_fact(out, l, Key::Categories, None, &categories.join(", "));
    let ages = match (ev.audience_min_age, ev.audience_max_age) {
        (Some(a), Some(b)) => Some(format!("{a}–{b}")),
        (Some(a), None) => Some(format!("{a}+")),
        (None, Some(b)) => Some(format!("0–{b}")),
        (None, None) => None,
    };
    if let Some(a) = ages {
        push_fact(out, l, Key::Ages, None, &a);
    }
    if !ev.in_language.is_empty() {
        push_fact(out, l, Key::Languages, None, &ev.in_language.join(", "));
    }
    if let Some((_, o)) = ev.organizer.pick(l) {
        push_fact(out, l, Key::Organizer, None, o);
    }
    out.push_str("</dl>");
}

/// The description under its heading, for `<div class="event-description">`; none when the
/// feed gives none, or only markup with no text.
pub fn description_html(ev: &Event, cx: &PageContext) -> Option<String> {
    let (dl, rich) = ev.description_rich(cx.lang)?;
    let mut out = String::new();
    push_text(&mut out, "<h2>", cx.lang.t(Key::Description), "</h2>");
    out.push_str("<div class=\"description\" lang=\"");
    push_escaped(&mut out, dl);
    out.push_str("\">");
    push_rich_text(&mut out, &rich.0, cx.kiosk);
    out.push_str("</div>");
    Some(out)
}

/// A sanitised description, node by node: text escaped, only `rich_text`'s tags, and links
/// (with a URL `rich_text` accepted) opening in a new tab without the page's referrer; in a
/// kiosk, a link's text only.
pub fn push_rich_text(out: &mut String, nodes: &[Node], kiosk: bool) {
    for node in nodes {
        let (tag, href, children) = match node {
            Node::Text(t) => {
                push_escaped(out, t);
                continue;
            }
            Node::Element {
                tag,
                href,
                children,
            } => (tag, href, children),
        };
        let name = match tag {
            Tag::Br => {
                out.push_str("<br>");
                continue;
            }
            Tag::A => {
                match href.as_deref().filter(|_| !kiosk) {
                    Some(h) => {
                        out.push_str("<a href=\"");
                        push_escaped(out, h);
                        out.push_str("\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">");
                        push_rich_text(out, children, kiosk);
                        out.push_str("</a>");
                    }
                    None => push_rich_text(out, children, kiosk),
                }
                continue;
            }
            Tag::P => "p",
            Tag::Em => "em",
            Tag::Strong => "strong",
            Tag::Ul => "ul",
            Tag::Ol => "ol",
            Tag::Li => "li",
        };
        out.push('<');
        out.push_str(name);
        out.push('>');
        push_rich_text(out, children, kiosk);
        out.push_str("</");
        out.push_str(name);
        out.push('>');
    }
}

/// A list of related events, each its date as a link, its title and its status.
fn push_related_list(out: &mut String, events: &[&Event], cx: &PageContext) {
    let l = cx.lang;
    out.push_str("<ul class=\"related\">");
    for e in events {
        out.push_str("<li data-related-id=\"");
        push_escaped(out, &e.id);
        out.push_str("\">");
        push_link(out, cx, e, |out| push_when(out, e, l));
        out.push_str(" – ");
        push_escaped(out, e.name.text(l));
        if let Some((class, key)) = status_badge(e.status) {
            out.push_str(" <span class=\"badge badge-");
            out.push_str(class);
            push_text(out, "\">", l.t(key), "</span>");
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

/// A series' other dates or a festival's programme, and the other dates of the series `ev` is
/// a date of, for `<div class="event-related">`; empty when there are none.
pub fn related_html(ev: &Event, catalogue: &Catalogue, cx: &PageContext) -> String {
    let mut out = String::new();
    let children = catalogue.children_of(&ev.id);
    if !children.is_empty() {
        let heading = if ev.super_event_type == Some(SuperEventType::Recurring) {
            Key::OtherDates
        } else {
            Key::Programme
        };
        push_text(
            &mut out,
            "<section data-testid=\"event-children\"><h2>",
            cx.lang.t(heading),
            "</h2>",
        );
        push_related_list(&mut out, &children, cx);
        out.push_str("</section>");
    }
    let siblings = match parent(ev, catalogue) {
        Some(p) if p.super_event_type == Some(SuperEventType::Recurring) => {
            catalogue.children_of(&p.id)
        }
        _ => Vec::new(),
    };
    if !siblings.is_empty() {
        push_text(
            &mut out,
            "<section data-testid=\"series-dates\"><h2>",
            cx.lang.t(Key::OtherDates),
            "</h2>",
        );
        push_related_list(&mut out, &siblings, cx);
        out.push_str("</section>");
    }
    out
}

/// The attribute naming what a button of `actions_html` does: `share` or `calendar`.
pub const ACTION_ATTRIBUTE: &str = "data-action";

/// What a visitor can do with the event, inside `<p class="actions">`: open its tickets and info
/// pages, share the page, add it (or, for a `series`, all its dates) to a calendar. The buttons
/// are named by `ACTION_ATTRIBUTE` for the page's one click handler; the share button's outcome
/// is spoken by the status after it.
///
/// A kiosk never links out, so there the same links are QR codes, inside
/// `<div class="actions qr-codes">`, with one for the page itself in place of sharing.
pub fn actions_html(ev: &Event, page_url: &str, series: bool, cx: &PageContext) -> String {
    let l = cx.lang;
    let mut out = String::new();
    let links = [
        (&ev.ticket_url, Key::Tickets, Key::ScanForTickets),
        (&ev.info_url, Key::MoreInfo, Key::ScanForInfo),
    ];
    for (url, key, scan) in links {
        let Some((_, url)) = url.pick(l) else {
            continue;
        };
        if cx.kiosk {
            push_qr(&mut out, url, l.t(scan));
        } else {
            out.push_str("<a class=\"button\" href=\"");
            push_escaped(&mut out, url);
            push_text(
                &mut out,
                "\" rel=\"noopener noreferrer\" target=\"_blank\">",
                l.t(key),
                "</a>",
            );
        }
    }
    if cx.kiosk {
        push_qr(&mut out, page_url, l.t(Key::ScanToShare));
        return out;
    }
    let button = |testid: &str, action: &str| {
        format!("<button type=\"button\" class=\"button-secondary\" data-testid=\"{testid}\" {ACTION_ATTRIBUTE}=\"{action}\">")
    };
    push_text(
        &mut out,
        &button("share", "share"),
        l.t(Key::Share),
        "</button>",
    );
    out.push_str(
        "<span class=\"share-status\" role=\"status\" data-testid=\"share-status\"></span>",
    );
    let calendar = if series {
        Key::AddSeriesToCalendar
    } else {
        Key::AddToCalendar
    };
    push_text(
        &mut out,
        &button("add-to-calendar", "calendar"),
        l.t(calendar),
        "</button>",
    );
    out
}

fn push_qr(out: &mut String, url: &str, label: &str) {
    out.push_str("<figure class=\"qr\" data-testid=\"qr\">");
    out.push_str(&qr_figure_html(url, label));
    out.push_str("</figure>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use kulttuurikartta_core::feed::parse_feed;

    fn catalogue(json: &str) -> Catalogue {
        Catalogue::from_pages(vec![parse_feed(json.as_bytes(), "t").unwrap()])
    }

    const CX: PageContext<'static> = PageContext {
        lang: Lang::Fi,
        base: "/kk",
        kiosk: false,
    };

    #[test]
    fn the_head_has_the_title_status_and_facts() {
        let cat = catalogue(
            r#"{"data":[{"id":"oulu:1","name":{"fi":"Konsertti"},"short_description":{"en":"A concert"},
                "start_time":"2026-12-05T17:00:00Z","end_time":"2026-12-05T19:00:00Z",
                "location":{"name":{"fi":"Madetoja-sali"},"street_address":{"fi":"Leskisenkatu 1"},
                  "address_locality":{"fi":"Oulu"},"position":{"type":"Point","coordinates":[25.47,65.01]}},
                "offers":[{"is_free":true}],"event_status":"EventCancelled","in_language":["fi","en"],
                "audience_min_age":7,"images":[{"url":"https://example.org/a.jpg","alt_text":"Kuoro","photographer_name":"M. K."}]}]}"#,
        );
        let html = head_html(&cat.events[0], &cat, &CX);
        assert!(html.starts_with("<h1 lang=\"fi\">Konsertti</h1>"), "{html}");
        assert!(
            html.contains("<p class=\"badge badge-cancelled\" data-testid=\"event-status\">"),
            "{html}"
        );
        // The lead is in English, the nearest language the feed gives: marked so.
        assert!(
            html.contains("<p class=\"lead\" lang=\"en\">A concert</p>"),
            "{html}"
        );
        assert!(
            html.contains("<time datetime=\"2026-12-05T19:00:00+02:00\">"),
            "{html}"
        );
        assert!(
            html.contains("<dd data-testid=\"event-duration\">2 h</dd>"),
            "{html}"
        );
        assert!(
            html.contains("<dd>Madetoja-sali, Oulu (Leskisenkatu 1)</dd>"),
            "{html}"
        );
        assert!(html.contains("<dt>Kunta</dt><dd>Oulu</dd>"), "{html}");
        assert!(
            html.contains("<dd>Maksuton</dd>") || html.contains("<dt>Hinta</dt>"),
            "{html}"
        );
        assert!(html.contains("<dd>7+</dd>"), "{html}");
        assert!(html.contains("<dd>fi, en</dd>"), "{html}");
        assert!(
            html.contains("<img src=\"https://example.org/a.jpg\" alt=\"Kuoro\" loading=\"lazy\">"),
            "{html}"
        );
        assert!(html.ends_with("</dl>"), "{html}");
    }

    #[test]
    fn feed_text_stays_text_in_every_part() {
        let cat = catalogue(
            r#"{"data":[{"id":"x\"><script>1</script>","name":{"fi":"A"},
                "description":{"fi":"<p>Hei <a href=\"https://example.org/?a=1&b=2\">linkki</a> <script>alert(2)</script><img src=x></p>"}}]}"#,
        );
        // The reader already strips markup from plain fields; the page must not rely on that.
        let mut ev = cat.events[0].clone();
        let hostile =
            |t: &str| kulttuurikartta_core::feed::Localized(vec![("fi".into(), t.to_owned())]);
        ev.name = hostile("<b>A</b> & \"B\"");
        ev.short_description = hostile("<img src=x onerror=alert(1)>");
        ev.price = hostile("<i>5 €</i>");
        ev.organizer = hostile("'<x>'");
        ev.in_language = vec!["<x>".into()];
        let head = head_html(&ev, &cat, &CX);
        let description = description_html(&ev, &CX).unwrap();
        for html in [&head, &description] {
            assert!(
                !html.contains("<script") && !html.contains("<img") && !html.contains("<b>"),
                "{html}"
            );
            assert!(!html.contains("<i>") && !html.contains("<x>"), "{html}");
        }
        assert!(
            head.contains("<h1 lang=\"fi\">&lt;b&gt;A&lt;/b&gt; &amp; &quot;B&quot;</h1>"),
            "{head}"
        );
        assert!(head.contains("<dd>&#39;&lt;x&gt;&#39;</dd>"), "{head}");
        assert!(description.contains("<p>Hei <a href=\"https://example.org/?a=1&amp;b=2\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">linkki</a>"), "{description}");
    }

    #[test]
    fn a_kiosk_keeps_a_descriptions_links_as_text() {
        let cat = catalogue(
            r#"{"data":[{"id":"a","name":{"fi":"A"},"description":{"fi":"<p>Katso <a href=\"https://example.org\">sivu</a></p>"}}]}"#,
        );
        let kiosk = PageContext { kiosk: true, ..CX };
        let html = description_html(&cat.events[0], &kiosk).unwrap();
        assert_eq!(
            html,
            "<h2>Kuvaus</h2><div class=\"description\" lang=\"fi\"><p>Katso sivu</p></div>"
        );
        assert!(description_html(
            &catalogue(r#"{"data":[{"id":"b","name":{"fi":"B"}}]}"#).events[0],
            &CX
        )
        .is_none());
    }

    #[test]
    fn a_series_lists_its_dates_and_a_date_its_series() {
        let cat = catalogue(
            r#"{"data":[
              {"id":"s","name":{"fi":"Sarja"},"super_event_type":"recurring","sub_events":[{"@id":"d1"},{"@id":"d2"}]},
              {"id":"d1","name":{"fi":"Sarja"},"start_time":"2026-12-05T17:00:00Z","super_event":{"@id":"s"}},
              {"id":"d2","name":{"fi":"Sarja"},"start_time":"2026-12-12T17:00:00Z","super_event":{"@id":"s"},"event_status":"EventCancelled"}]}"#,
        );
        let series = cat.get("s").unwrap();
        let html = related_html(series, &cat, &CX);
        assert!(html.starts_with("<section data-testid=\"event-children\"><h2>Kaikki päivät</h2><ul class=\"related\">"), "{html}");
        assert_eq!(html.matches("<li data-related-id=").count(), 2, "{html}");
        assert!(
            html.contains(
                "<a href=\"/kk/event/d1?lang=fi\"><time datetime=\"2026-12-05T19:00:00+02:00\">"
            ),
            "{html}"
        );
        assert!(
            html.contains(" <span class=\"badge badge-cancelled\">"),
            "{html}"
        );
        let date = cat.get("d1").unwrap();
        let html = related_html(date, &cat, &CX);
        assert!(
            html.starts_with("<section data-testid=\"series-dates\">"),
            "{html}"
        );
        let head = head_html(date, &cat, &CX);
        assert!(
            head.contains("<a href=\"/kk/event/s?lang=fi\">Sarja</a></p>"),
            "{head}"
        );
        assert_eq!(related_html(&cat.events[0], &Catalogue::default(), &CX), "");
    }

    #[test]
    fn actions_link_share_and_add_to_the_calendar_or_are_qr_codes_in_a_kiosk() {
        let cat = catalogue(
            r#"{"data":[{"id":"a","name":{"fi":"A"},"offers":[{"info_url":{"fi":"https://liput.example/?a=1&b=\"2\""}}],
                "info_url":{"en":"https://example.org/a"}}]}"#,
        );
        let ev = &cat.events[0];
        let html = actions_html(ev, "https://kk.example/event/a", false, &CX);
        assert!(html.starts_with("<a class=\"button\" href=\"https://liput.example/?a=1&amp;b=&quot;2&quot;\" rel=\"noopener noreferrer\" target=\"_blank\">Liput</a>"), "{html}");
        assert!(html.contains("<a class=\"button\" href=\"https://example.org/a\" rel=\"noopener noreferrer\" target=\"_blank\">Lisätietoja</a>"), "{html}");
        assert!(html.contains("data-testid=\"share\" data-action=\"share\">Jaa</button><span class=\"share-status\" role=\"status\" data-testid=\"share-status\"></span>"), "{html}");
        assert!(html.ends_with("data-testid=\"add-to-calendar\" data-action=\"calendar\">Lisää kalenteriin</button>"), "{html}");
        let series = actions_html(ev, "https://kk.example/event/a", true, &CX);
        assert!(
            series.ends_with(&format!(
                ">{}</button>",
                Lang::Fi.t(Key::AddSeriesToCalendar)
            )),
            "{series}"
        );

        let kiosk = actions_html(
            ev,
            "https://kk.example/event/a",
            false,
            &PageContext { kiosk: true, ..CX },
        );
        assert_eq!(
            kiosk
                .matches("<figure class=\"qr\" data-testid=\"qr\"><svg")
                .count(),
            3,
            "{kiosk}"
        );
        assert!(
            !kiosk.contains("<a ") && !kiosk.contains("<button"),
            "{kiosk}"
        );
        assert!(
            kiosk.contains(&format!(
                "<figcaption>{}</figcaption>",
                Lang::Fi.t(Key::ScanToShare)
            )),
            "{kiosk}"
        );

        let bare = catalogue(r#"{"data":[{"id":"b","name":{"fi":"B"}}]}"#);
        let html = actions_html(&bare.events[0], "u", false, &CX);
        assert!(html.starts_with("<button"), "{html}");
    }
}
