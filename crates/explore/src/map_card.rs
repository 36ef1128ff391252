//! The map's card, the events of the chosen marker or of every event at one venue, as markup
//! (see `event_row` for why text): a link to each event's page, its time and place, and a
//! cancelled badge. The app's component keeps the card's frame and its close button.

use crate::event_row::{push_event_link, RowContext};
use crate::event_text::municipality_name;
use crate::html::push_escaped;
use crate::i18n::{format_when, Key, Translate};
use crate::map_points::MapPoint;

/// The card's list items, one `<li>` per point, in the order given.
pub fn card_items_html(points: &[&MapPoint], cx: &RowContext) -> String {
    let lang = cx.lang;
    let mut out = String::with_capacity(points.len() * 300);
    for p in points {
        out.push_str("<li>");
        push_event_link(&mut out, &p.id, &p.name, cx);
        if let Some(start) = p.start {
            out.push_str("<span class=\"card-when\">");
            push_escaped(&mut out, &format_when(lang, start, p.end));
            out.push_str("</span>");
        }
        let place = [
            p.venue.text(lang),
            p.municipality
                .and_then(|m| municipality_name(m, lang))
                .unwrap_or(""),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
        if !place.is_empty() {
            out.push_str("<span class=\"card-place\">");
            push_escaped(&mut out, &place);
            out.push_str("</span>");
        }
        if p.cancelled {
            out.push_str("<span class=\"badge badge-cancelled\">");
            out.push_str(lang.t(Key::Cancelled));
            out.push_str("</span>");
        }
        out.push_str("</li>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use chrono::{TimeZone, Utc};
    use kulttuurikartta_core::feed::Localized;
    use kulttuurikartta_core::time::When;
    use kulttuurikartta_geo::projection::Point;

    fn point(id: &str, name: &str, venue: &str, municipality: Option<&'static str>) -> MapPoint {
        MapPoint {
            id: id.into(),
            name: Localized(vec![("fi".into(), name.into())]),
            at: Point { x: 0.5, y: 0.5 },
            approximate: false,
            cancelled: false,
            municipality,
            start: Some(When::At(
                Utc.with_ymd_and_hms(2026, 12, 5, 17, 0, 0).unwrap(),
            )),
            end: None,
            venue: Localized(vec![("fi".into(), venue.into())]),
        }
    }

    fn cx(new_tab: bool) -> RowContext<'static> {
        RowContext {
            lang: Lang::Fi,
            base: "/kk",
            new_tab,
        }
    }

    #[test]
    fn each_event_links_to_its_page_with_time_and_place() {
        let a = point("k:1", "Kamarimusiikkia Kuhmossa", "Kuhmo-talo", Some("290"));
        let mut b = point("k:2", "Satutunti", "", Some("205"));
        b.cancelled = true;
        b.start = None;
        let html = card_items_html(&[&a, &b], &cx(false));
        assert_eq!(html.matches("<li>").count(), 2);
        assert!(html.starts_with(
            "<li><a href=\"/kk/event/k:1?lang=fi\" lang=\"fi\">Kamarimusiikkia Kuhmossa</a>"
        ));
        assert!(html.contains("<span class=\"card-when\">la 5.12.2026 klo 19.00</span>"));
        assert!(html.contains("<span class=\"card-place\">Kuhmo-talo, Kuhmo</span>"));
        // No start: no time; no venue: the municipality alone; cancelled: the badge.
        let second = &html[html.rfind("<li>").unwrap()..];
        assert!(!second.contains("card-when"));
        assert!(second.contains("<span class=\"card-place\">Kajaani</span>"));
        assert!(second.contains("<span class=\"badge badge-cancelled\">Peruttu</span>"));
        assert!(!html[..html.rfind("<li>").unwrap()].contains("badge"));
    }

    #[test]
    fn feed_text_stays_text_and_an_embed_opens_a_new_tab() {
        let evil = point("x\"><script>", "<b>Bold</b> & co", "<i>Hall</i>", None);
        let html = card_items_html(&[&evil], &cx(true));
        assert!(!html.contains("<script>") && !html.contains("<b>") && !html.contains("<i>"));
        assert!(html.contains("&lt;b&gt;Bold&lt;/b&gt; &amp; co"));
        assert!(html.contains("&lt;i&gt;Hall&lt;/i&gt;"));
        assert!(html.contains(" target=\"_blank\" rel=\"noopener\">"));
        assert!(
            html.contains("<span class=\"visually-hidden\"> (avautuu uuteen välilehteen)</span>")
        );
    }
}
