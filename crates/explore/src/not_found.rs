//! What a page says when there is nothing at its address: no such page, or no such event in the
//! feed. Markup written per language, for `<section class="not-found">`.

use crate::html::push_escaped;
use crate::i18n::{Key, Lang, Translate};

fn push_heading_and_text(out: &mut String, lang: Lang, text: Key) {
    out.push_str("<h1>");
    push_escaped(out, lang.t(Key::NotFoundTitle));
    out.push_str("</h1><p>");
    push_escaped(out, lang.t(text));
    out.push_str("</p>");
}

/// No page at this address, with a way back to the events. `base` is the deployment's prefix.
pub fn page_html(lang: Lang, base: &str) -> String {
    let mut out = String::new();
    push_heading_and_text(&mut out, lang, Key::NotFoundBody);
    out.push_str("<p><a class=\"button\" href=\"");
    push_escaped(&mut out, &format!("{base}/?lang={}", lang.code()));
    out.push_str("\">");
    push_escaped(&mut out, lang.t(Key::BackToEvents));
    out.push_str("</a></p>");
    out
}

/// An event's page whose event the feed does not have (the page has its own link back).
pub fn event_html(lang: Lang) -> String {
    let mut out = String::new();
    push_heading_and_text(&mut out, lang, Key::EventNotFound);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_page_links_back_to_the_events_in_its_language() {
        assert_eq!(
            page_html(Lang::Sv, "/kk"),
            "<h1>Sidan hittades inte</h1><p>Det finns ingen sida på adressen. Den kan ha flyttats, \
             eller så är länken felaktig.</p><p><a class=\"button\" href=\"/kk/?lang=sv\">Tillbaka \
             till evenemangen</a></p>"
        );
        assert_eq!(
            event_html(Lang::En),
            "<h1>Page not found</h1><p>The event is not in the feed.</p>"
        );
    }
}
