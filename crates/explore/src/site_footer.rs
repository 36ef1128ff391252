//! The footers' content as markup (see `event_row` for why text): the full app's, which says
//! what the service is and links to the accessibility statement and the publishers' pages, and
//! an embed's, which opens the full app or the statement in a new tab. Drawn once per language.
//!
//! The publishers' pages are another build (`tools_build`), so their links are
//! `rel="external"`: the router leaves them to the browser.

use crate::html::push_escaped;
use crate::i18n::{Key, Lang, Translate};

fn link(out: &mut String, href: &str, extra: &str, testid: &str, text: &str) {
    out.push_str("<a href=\"");
    push_escaped(out, href);
    out.push('"');
    out.push_str(extra);
    out.push_str(" data-testid=\"");
    out.push_str(testid);
    out.push_str("\">");
    out.push_str(text);
}

/// Inside `<footer class="site-footer">`. A kiosk shows no links to the publishers' pages.
pub fn footer_html(lang: Lang, base: &str, kiosk: bool) -> String {
    let code = lang.code();
    let mut out = String::new();
    out.push_str("<p>");
    out.push_str(lang.t(Key::FooterAbout));
    out.push_str("</p><p class=\"footer-links\">");
    let statement = format!("{base}/accessibility?lang={code}");
    link(
        &mut out,
        &statement,
        "",
        "statement-link",
        lang.t(Key::AccessibilityStatement),
    );
    out.push_str("</a>");
    if !kiosk {
        let tools = [
            (
                format!("{base}/embed-builder"),
                "builder-link",
                Key::EmbedBuilder,
            ),
            (
                format!("{base}/validate?lang={code}"),
                "validate-link",
                Key::ValidateLink,
            ),
            (
                format!("{base}/stats?lang={code}"),
                "stats-link",
                Key::StatsLink,
            ),
        ];
        for (href, testid, key) in tools {
            link(&mut out, &href, " rel=\"external\"", testid, lang.t(key));
            out.push_str("</a>");
        }
    }
    out.push_str("</p>");
    out
}

/// Inside `<footer class="embed-footer">`: `full_app` is the page's own address without the
/// embed's parameters. Links out of an embed open a new tab, and say so to screen readers.
pub fn embed_footer_html(lang: Lang, base: &str, full_app: &str) -> String {
    let new_tab = format!(
        "<span class=\"visually-hidden\"> ({})</span>",
        lang.t(Key::OpensInNewTab)
    );
    let extra = " target=\"_blank\" rel=\"noopener\"";
    let mut out = String::new();
    link(
        &mut out,
        full_app,
        extra,
        "open-in-app",
        lang.t(Key::OpenInApp),
    );
    out.push_str(&new_tab);
    out.push_str("<span aria-hidden=\"true\"> ↗</span></a>");
    let statement = format!("{base}/accessibility?lang={}", lang.code());
    link(
        &mut out,
        &statement,
        extra,
        "statement-link",
        lang.t(Key::AccessibilityStatement),
    );
    out.push_str(&new_tab);
    out.push_str("</a>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_footer_links_the_statement_and_the_tools_build_except_on_a_kiosk() {
        let html = footer_html(Lang::Sv, "/kk", false);
        assert!(html.starts_with(&format!("<p>{}</p>", Lang::Sv.t(Key::FooterAbout))));
        assert!(
            html.contains("<a href=\"/kk/accessibility?lang=sv\" data-testid=\"statement-link\">")
        );
        assert!(html.contains(
            "<a href=\"/kk/embed-builder\" rel=\"external\" data-testid=\"builder-link\">"
        ));
        assert!(html.contains(
            "<a href=\"/kk/validate?lang=sv\" rel=\"external\" data-testid=\"validate-link\">"
        ));
        assert!(html.contains(
            "<a href=\"/kk/stats?lang=sv\" rel=\"external\" data-testid=\"stats-link\">"
        ));
        assert_eq!(html.matches("<a ").count(), html.matches("</a>").count());

        let kiosk = footer_html(Lang::Fi, "", true);
        assert_eq!(
            kiosk.matches("<a ").count(),
            1,
            "only the statement: {kiosk}"
        );
        assert!(!kiosk.contains("rel=\"external\""));
    }

    #[test]
    fn an_embed_opens_the_full_app_in_a_new_tab_and_says_so() {
        let html = embed_footer_html(Lang::En, "", "/?municipality=205&q=\"x\"");
        assert!(html.starts_with(
            "<a href=\"/?municipality=205&amp;q=&quot;x&quot;\" target=\"_blank\" rel=\"noopener\" data-testid=\"open-in-app\">"
        ));
        assert_eq!(html.matches("(opens in a new tab)").count(), 2);
        assert!(html.contains("href=\"/accessibility?lang=en\" target=\"_blank\""));
        assert_eq!(html.matches("<a ").count(), 2);
        assert_eq!(html.matches("</a>").count(), 2);
    }
}
