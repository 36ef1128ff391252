//! The full app's header as markup: the service's name (a link home) and tagline, and the
//! language switch. Written once per language; the language links follow the page's address in
//! place (the component sets their `href`), since every filter change moves it.
//!
//! The language switch is links, not buttons: each language is a URL, so it can be opened in a
//! new tab or shared.

use crate::html::push_escaped;
use crate::i18n::{Key, Lang, Translate};

/// Inside `<header class="site-header">`. `home` is the start page's address; `language_href`
/// the address of this page in another language.
pub fn header_html(lang: Lang, home: &str, language_href: impl Fn(Lang) -> String) -> String {
    let mut out = String::from("<div class=\"brand\"><a class=\"brand-name\" href=\"");
    push_escaped(&mut out, home);
    out.push_str("\"><img src=\"favicon.svg\" alt=\"\" width=\"32\" height=\"32\"><span>");
    push_escaped(&mut out, lang.t(Key::AppName));
    out.push_str("</span></a><p class=\"tagline\">");
    push_escaped(&mut out, lang.t(Key::Tagline));
    out.push_str("</p></div><nav class=\"lang-switch\" aria-label=\"");
    push_escaped(&mut out, lang.t(Key::Language));
    out.push_str("\"><ul>");
    for l in Lang::ALL {
        out.push_str("<li><a href=\"");
        push_escaped(&mut out, &language_href(l));
        out.push_str("\" hreflang=\"");
        out.push_str(l.code());
        out.push_str("\" lang=\"");
        out.push_str(l.code());
        out.push('"');
        if l == lang {
            out.push_str(" aria-current=\"true\"");
        }
        out.push('>');
        out.push_str(l.endonym());
        out.push_str("</a></li>");
    }
    out.push_str("</ul></nav>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_links_home_and_to_this_page_in_each_language() {
        let html = header_html(Lang::Sv, "/kk/?lang=sv", |l| {
            format!("/kk/event/a?q=\"x\"&lang={}", l.code())
        });
        assert!(html.starts_with("<div class=\"brand\"><a class=\"brand-name\" href=\"/kk/?lang=sv\"><img src=\"favicon.svg\" alt=\"\""), "{html}");
        assert!(
            html.contains("<nav class=\"lang-switch\" aria-label=\"Språk\">"),
            "{html}"
        );
        assert!(html.contains("<a href=\"/kk/event/a?q=&quot;x&quot;&amp;lang=fi\" hreflang=\"fi\" lang=\"fi\">Suomi</a>"), "{html}");
        assert!(
            html.contains("hreflang=\"sv\" lang=\"sv\" aria-current=\"true\">Svenska</a>"),
            "{html}"
        );
        assert_eq!(html.matches("aria-current").count(), 1);
    }
}
