//! What a kiosk shows over the app, as markup written from plain data: the idle countdown's
//! dialog, the attract loop's card and the QR codes that stand in for outbound links. The
//! components keep the elements that carry the hooks (`idle-countdown` with `data-seconds`,
//! `attract` with `data-event-id`, `qr`) and write these into them.

use kulttuurikartta_core::feed::Event;

use crate::event_text::place_line;
use crate::html::push_escaped;
use crate::i18n::{format_when, Key, Lang, Translate};
use crate::kiosk::qr_path;

/// The attribute of the attract card's button that stops the show.
pub const STOP_SHOW_ATTRIBUTE: &str = "data-stop-show";

fn push_p(out: &mut String, class: Option<&str>, id: Option<&str>, text: &str) {
    out.push_str("<p");
    if let Some(c) = class {
        out.push_str(" class=\"");
        out.push_str(c);
        out.push('"');
    }
    if let Some(i) = id {
        out.push_str(" id=\"");
        out.push_str(i);
        out.push('"');
    }
    out.push('>');
    push_escaped(out, text);
    out.push_str("</p>");
}

/// Inside the countdown's `role="alertdialog"` overlay: the question, what happens in
/// `seconds`, and a button (any touch counts, the button says where).
pub fn countdown_html(lang: Lang, seconds: u32) -> String {
    let mut out = String::from("<div class=\"kiosk-dialog\"><h2 id=\"idle-title\">");
    push_escaped(&mut out, lang.t(Key::StillThere));
    out.push_str("</h2>");
    let body = format!(
        "{} {}",
        lang.t(Key::TouchToContinue),
        lang.t(Key::ResettingIn)
            .replace("{n}", &seconds.to_string())
    );
    push_p(&mut out, None, Some("idle-body"), &body);
    out.push_str("<button type=\"button\" class=\"kiosk-continue\">");
    push_escaped(&mut out, lang.t(Key::Continue));
    out.push_str("</button></div>");
    out
}

/// Inside the attract card: the event shown (none between two), a hint, and the button that
/// stops the show.
pub fn attract_card_html(lang: Lang, ev: Option<&Event>) -> String {
    let mut out = String::new();
    push_p(
        &mut out,
        Some("attract-kicker"),
        None,
        lang.t(Key::AttractTitle),
    );
    if let Some(ev) = ev {
        push_p(&mut out, Some("attract-title"), None, ev.name.text(lang));
        let when = ev.start.map(|s| format_when(lang, s, ev.end));
        push_p(
            &mut out,
            Some("attract-when"),
            None,
            when.as_deref().unwrap_or(""),
        );
        let place = place_line(ev, lang);
        push_p(
            &mut out,
            Some("attract-place"),
            None,
            place.as_deref().unwrap_or(""),
        );
    }
    push_p(
        &mut out,
        Some("attract-hint"),
        None,
        lang.t(Key::AttractHint),
    );
    out.push_str("<button type=\"button\" data-testid=\"attract-stop\" ");
    out.push_str(STOP_SHOW_ATTRIBUTE);
    out.push_str("=\"\">");
    push_escaped(&mut out, lang.t(Key::StopShow));
    out.push_str("</button>");
    out
}

/// Inside `<figure class="qr" data-testid="qr">`: the QR code of `url`, drawn big enough to scan
/// from a phone at arm's length and named by `label`, with `label` written under it. An empty
/// square if the URL is too long for any QR code.
pub fn qr_figure_html(url: &str, label: &str) -> String {
    let (size, path) = qr_path(url).unwrap_or((0, String::new()));
    let mut out = format!(
        "<svg viewBox=\"0 0 {size} {size}\" width=\"220\" height=\"220\" role=\"img\" aria-label=\""
    );
    push_escaped(&mut out, label);
    out.push_str(&format!(
        "\" shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"></rect><path d=\""
    ));
    out.push_str(&path);
    out.push_str("\" fill=\"#000\"></path></svg><figcaption>");
    push_escaped(&mut out, label);
    out.push_str("</figcaption>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use kulttuurikartta_core::feed::parse_feed;

    #[test]
    fn the_countdown_says_how_long_is_left() {
        let html = countdown_html(Lang::Fi, 17);
        assert!(
            html.contains("<h2 id=\"idle-title\">Oletko vielä siellä?</h2>"),
            "{html}"
        );
        assert!(html.contains("<p id=\"idle-body\">Kosketa näyttöä jatkaaksesi. Näkymä palaa alkuun 17 sekunnin kuluttua.</p>"), "{html}");
        assert!(html.contains("<button type=\"button\" class=\"kiosk-continue\">Jatka</button>"));
    }

    #[test]
    fn the_attract_card_shows_the_event_as_text() {
        let page = parse_feed(
            br#"{"data":[{"id":"a","name":{"fi":"Konsertti <b>"},"start_time":"2026-12-05T17:00:00Z",
                "location":{"name":{"fi":"Madetoja-sali"},"address_locality":{"fi":"Oulu"}}}]}"#,
            "t",
        )
        .unwrap();
        let mut ev = page.events[0].clone();
        ev.name = kulttuurikartta_core::feed::Localized(vec![(
            "fi".into(),
            "<b>Konsertti</b>".to_owned(),
        )]);
        let html = attract_card_html(Lang::Fi, Some(&ev));
        assert!(html.starts_with("<p class=\"attract-kicker\">Tällä viikolla</p><p class=\"attract-title\">&lt;b&gt;Konsertti&lt;/b&gt;</p>"), "{html}");
        assert!(
            html.contains("<p class=\"attract-when\">la 5.12.2026 klo 19.00</p>"),
            "{html}"
        );
        assert!(
            html.contains("<p class=\"attract-place\">Madetoja-sali, Oulu</p>"),
            "{html}"
        );
        assert!(
            html.ends_with("data-stop-show=\"\">Pysäytä esittely</button>"),
            "{html}"
        );
        // Between two events, only the kicker, the hint and the button.
        let between = attract_card_html(Lang::En, None);
        assert_eq!(between.matches("<p").count(), 2, "{between}");
    }

    #[test]
    fn a_qr_code_is_named_and_labelled() {
        let html = qr_figure_html("https://example.org/a?b=1&c=2", "Scan: \"tickets\"");
        let (size, path) = qr_path("https://example.org/a?b=1&c=2").unwrap();
        assert!(html.starts_with(&format!("<svg viewBox=\"0 0 {size} {size}\" width=\"220\" height=\"220\" role=\"img\" aria-label=\"Scan: &quot;tickets&quot;\"")), "{html}");
        assert!(html.contains(&format!("<path d=\"{path}\" fill=\"#000\">")));
        assert!(
            html.ends_with("<figcaption>Scan: &quot;tickets&quot;</figcaption>"),
            "{html}"
        );
    }
}
