//! The accessibility statement that Act 306/2019 requires, as markup written per language: a
//! page of text with two links, which as Leptos views cost a reactive binding per paragraph.

use crate::html::push_escaped;
use crate::i18n::{Key, Lang, Translate};

/// The feedback address from config.json, when it is one: something@somewhere, and nothing
/// that could end the `mailto:` link it goes in or add to it.
pub fn feedback_email(configured: &str) -> Option<&str> {
    let e = configured.trim();
    (e.contains('@') && !e.contains(['<', '>', '"', '\'', ' ', '?', '&'])).then_some(e)
}

fn push_element(out: &mut String, tag: &str, text: &str) {
    out.push('<');
    out.push_str(tag);
    out.push('>');
    push_escaped(out, text);
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

/// The content of `<article class="statement" data-testid="statement">`. `base` is the
/// deployment's path prefix; `email` the feedback address from config.json, shown when
/// `feedback_email` accepts it.
pub fn statement_html(lang: Lang, base: &str, email: Option<&str>) -> String {
    let t = |k: Key| lang.t(k);
    let mut out = String::new();
    for (tag, key) in [
        ("h1", Key::AccessibilityStatement),
        ("p", Key::StatementIntro),
        ("h2", Key::StatementStatusHeading),
        ("p", Key::StatementStatus),
        ("h2", Key::StatementGapsHeading),
    ] {
        push_element(&mut out, tag, t(key));
    }
    out.push_str("<ul>");
    for key in [
        Key::StatementGapMap,
        Key::StatementGapFeeds,
        Key::StatementGapTiles,
    ] {
        push_element(&mut out, "li", t(key));
    }
    out.push_str("</ul>");
    push_element(&mut out, "h2", t(Key::StatementMethodHeading));
    push_element(&mut out, "p", t(Key::StatementMethod));
    out.push_str("<p><a href=\"");
    push_escaped(&mut out, &format!("{base}/validate?lang={}", lang.code()));
    out.push_str("\" rel=\"external\" data-testid=\"statement-validate-link\">");
    push_escaped(&mut out, t(Key::ValidateLink));
    out.push_str("</a></p>");
    push_element(&mut out, "h2", t(Key::StatementFeedbackHeading));
    push_element(&mut out, "p", t(Key::StatementFeedback));
    if let Some(e) = email.and_then(feedback_email) {
        out.push_str("<p>");
        push_escaped(&mut out, t(Key::FeedbackEmail));
        out.push_str(": <a data-testid=\"feedback-email\" href=\"mailto:");
        push_escaped(&mut out, e);
        out.push_str("\">");
        push_escaped(&mut out, e);
        out.push_str("</a></p>");
    }
    push_element(&mut out, "h2", t(Key::StatementEnforcementHeading));
    push_element(&mut out, "p", t(Key::StatementEnforcement));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_statement_is_in_the_ui_language_with_its_links() {
        let html = statement_html(Lang::Sv, "/kk", Some("palaute@kunta.example"));
        assert!(
            html.starts_with("<h1>Tillgänglighetsutlåtande</h1>"),
            "{html}"
        );
        assert!(html.contains("<a href=\"/kk/validate?lang=sv\" rel=\"external\" data-testid=\"statement-validate-link\">"), "{html}");
        assert!(html.contains("<a data-testid=\"feedback-email\" href=\"mailto:palaute@kunta.example\">palaute@kunta.example</a>"), "{html}");
        assert_eq!(html.matches("<li>").count(), 3);
        assert_eq!(html.matches("<h2>").count(), 5);
    }

    #[test]
    fn an_address_that_is_not_one_is_left_out() {
        for bad in [
            "",
            "nobody",
            "a@b\"><script>",
            "a@b?subject=x",
            "a b@c",
            "a@b&cc=x",
        ] {
            assert_eq!(feedback_email(bad), None, "{bad}");
            let html = statement_html(Lang::Fi, "", Some(bad));
            assert!(!html.contains("feedback-email"), "{bad}");
            assert!(!html.contains("<script"), "{bad}");
        }
        assert_eq!(
            feedback_email(" saavutettavuus@oulu.fi "),
            Some("saavutettavuus@oulu.fi")
        );
        assert!(!statement_html(Lang::Fi, "", None).contains("mailto:"));
    }
}
