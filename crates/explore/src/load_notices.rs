//! What the pages say while loading and when loading went wrong, as markup written from plain
//! data: "loading" with the events read so far, the page shown when nothing could be loaded, and
//! the notices above the results when some feeds failed, a saved copy is shown or some events
//! could not be read. They are drawn once per load and language (the loading text once per feed
//! page read); as Leptos views they cost some 20 kB of generic code in every visitor's download.
//!
//! Each function writes the content of one element; the component keeps that element and its
//! `data-testid`, `role` and `data-count`. Feed URLs, error details and a feed's own messages are
//! untrusted: they go through `html::push_escaped`.

use chrono::{DateTime, Utc};
use kulttuurikartta_core::feed::Problem;
use kulttuurikartta_core::time::When;

use crate::html::push_escaped;
use crate::i18n::{format_when, Key, Lang, Translate};

/// A feed that could not be read: what went wrong, in the visitor's words, and the detail its
/// publisher needs (the URL, the status, the parser's message).
pub struct Failure<'a> {
    pub summary: Key,
    pub detail: &'a str,
}

/// The attribute of the buttons that ask to load again: the component listens for clicks on it.
pub const RETRY_ATTRIBUTE: &str = "data-retry";

fn retry_button(out: &mut String, lang: Lang, testid: Option<&str>) {
    out.push_str("<button type=\"button\" ");
    out.push_str(RETRY_ATTRIBUTE);
    out.push_str("=\"\"");
    if let Some(id) = testid {
        out.push_str(" data-testid=\"");
        out.push_str(id);
        out.push('"');
    }
    out.push('>');
    out.push_str(lang.t(Key::Retry));
    out.push_str("</button>");
}

/// Inside `<section class="status error" role="alert" data-testid="load-error">`: nothing could
/// be loaded.
pub fn load_failed(lang: Lang, failure: &Failure) -> String {
    let mut out = String::new();
    out.push_str("<h2>");
    out.push_str(lang.t(Key::FeedErrorTitle));
    out.push_str("</h2><p>");
    out.push_str(lang.t(failure.summary));
    out.push_str(".</p><p>");
    out.push_str(lang.t(Key::FeedErrorHelp));
    out.push_str("</p><p class=\"detail\"><code>");
    push_escaped(&mut out, failure.detail);
    out.push_str("</code></p>");
    retry_button(&mut out, lang, None);
    out
}

/// Inside `<details class="notice warning" data-testid="feed-errors">`: some feeds failed while
/// others worked.
pub fn partial_failure(lang: Lang, failures: &[Failure]) -> String {
    let mut out = String::new();
    out.push_str("<summary>");
    out.push_str(lang.t(Key::SomeFeedsFailed));
    out.push_str("</summary><ul>");
    for f in failures {
        out.push_str("<li data-testid=\"feed-error\">");
        out.push_str(lang.t(f.summary));
        out.push_str(": <code>");
        push_escaped(&mut out, f.detail);
        out.push_str("</code></li>");
    }
    out.push_str("</ul>");
    retry_button(&mut out, lang, Some("feed-errors-retry"));
    out
}

/// Inside `<p class="notice warning" role="status" data-testid="stale-notice">`: the network
/// failed and a saved copy is shown, fetched at `oldest` (the oldest copy when there are several).
pub fn stale_notice(lang: Lang, oldest: Option<DateTime<Utc>>) -> String {
    let mut out = String::new();
    out.push_str(lang.t(Key::ShowingCachedCopy));
    out.push(' ');
    if let Some(at) = oldest {
        let when = When::At(at);
        out.push_str("<time datetime=\"");
        out.push_str(&when.to_rfc3339_helsinki());
        out.push_str("\">");
        push_escaped(&mut out, &format_when(lang, when, None));
        out.push_str("</time>");
    }
    out.push('.');
    out
}

/// Inside `<details class="notice" data-testid="problem-count">`: events the feed had but that
/// could not be read, counted, with a table of where and why, so a publisher can fix each one.
pub fn feed_problems(lang: Lang, problems: &[Problem]) -> String {
    let mut out = String::new();
    out.push_str("<summary>");
    out.push_str(&problems.len().to_string());
    out.push(' ');
    out.push_str(lang.t(Key::ProblemsInFeed));
    out.push_str("</summary><table class=\"problems\"><thead><tr>");
    for head in [lang.t(Key::ProblemFeed), lang.t(Key::ProblemPath), "id"] {
        out.push_str("<th scope=\"col\">");
        out.push_str(head);
        out.push_str("</th>");
    }
    out.push_str("<th scope=\"col\">");
    out.push_str(lang.t(Key::ProblemMessage));
    out.push_str("</th></tr></thead><tbody>");
    for p in problems {
        out.push_str("<tr>");
        for code in [
            &p.feed,
            &p.path,
            p.event_id.as_ref().unwrap_or(&String::new()),
        ] {
            out.push_str("<td><code>");
            push_escaped(&mut out, code);
            out.push_str("</code></td>");
        }
        // The reader's messages are in English, whatever the page's language.
        out.push_str("<td lang=\"en\">");
        push_escaped(&mut out, &p.message);
        out.push_str("</td></tr>");
    }
    out.push_str("</tbody></table>");
    out
}

/// Inside `<p class="status loading" role="status" data-testid="loading">`: the spinner and
/// "loading", with how many events are read so far once a long, paginated feed has given some.
pub fn loading(lang: Lang, events_read: usize) -> String {
    let mut out = String::from("<span class=\"spinner\" aria-hidden=\"true\"></span>");
    out.push_str(lang.t(Key::Loading));
    if events_read > 0 {
        out.push_str(&format!(" {events_read} {}", lang.t(Key::EventsRead)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    const EVIL: &str = r#"<img src=x onerror="alert(1)">&"#;
    const EVIL_ESCAPED: &str = "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;";

    #[test]
    fn nothing_loaded_says_why_in_the_language_and_keeps_the_detail_as_text() {
        let failure = Failure {
            summary: Key::ErrorNetwork,
            detail: EVIL,
        };
        let html = load_failed(Lang::Sv, &failure);
        assert!(html.starts_with("<h2>Evenemangen kunde inte laddas</h2>"));
        assert!(html.contains("<p>Nätverksanslutningen fungerade inte.</p>"));
        assert!(html.contains(&format!("<code>{EVIL_ESCAPED}</code>")));
        assert!(!html.contains("<img"));
        assert!(html.ends_with("<button type=\"button\" data-retry=\"\">Försök igen</button>"));
    }

    #[test]
    fn each_failed_feed_is_an_item_and_the_retry_button_has_its_hook() {
        let failures = [
            Failure {
                summary: Key::ErrorHttp,
                detail: "https://a.example/feed: HTTP 500",
            },
            Failure {
                summary: Key::ErrorTimeout,
                detail: EVIL,
            },
        ];
        let html = partial_failure(Lang::En, &failures);
        assert!(html.starts_with("<summary>Some event feeds could not be loaded</summary><ul>"));
        assert_eq!(html.matches("<li data-testid=\"feed-error\">").count(), 2);
        assert!(html.contains(
            "The server answered with an error: <code>https://a.example/feed: HTTP 500</code>"
        ));
        assert!(html.contains(EVIL_ESCAPED) && !html.contains("<img"));
        assert!(html.contains("data-retry=\"\" data-testid=\"feed-errors-retry\">Try again<"));
        assert!(html.contains(RETRY_ATTRIBUTE));
    }

    #[test]
    fn the_saved_copy_notice_gives_its_time_in_helsinki() {
        let at = Utc.with_ymd_and_hms(2026, 12, 1, 16, 30, 0).unwrap();
        let html = stale_notice(Lang::Fi, Some(at));
        assert!(html.starts_with(Lang::Fi.t(Key::ShowingCachedCopy)));
        assert!(html.contains("<time datetime=\"2026-12-01T18:30:00+02:00\">"));
        assert!(html.ends_with("</time>."));
        assert_eq!(
            stale_notice(Lang::En, None),
            format!("{} .", Lang::En.t(Key::ShowingCachedCopy))
        );
    }

    #[test]
    fn problems_are_counted_and_tabled_with_the_feed_text_escaped() {
        let problem = |id: Option<&str>| Problem {
            feed: "https://feed.example/?a=1&b=2".into(),
            index: 3,
            event_id: id.map(str::to_owned),
            path: "data[3].start_time".into(),
            message: EVIL.into(),
        };
        let html = feed_problems(Lang::En, &[problem(Some("x:1")), problem(None)]);
        assert!(html.starts_with("<summary>2 events could not be shown</summary>"));
        assert_eq!(html.matches("<th scope=\"col\">").count(), 4);
        assert_eq!(
            html.matches("<tr>").count(),
            3,
            "a header row and two problems"
        );
        assert!(html.contains("<td><code>https://feed.example/?a=1&amp;b=2</code></td>"));
        assert!(html.contains("<td><code>x:1</code></td>"));
        assert!(
            html.contains("<td><code></code></td>"),
            "no id: an empty cell"
        );
        assert!(html.contains(&format!("<td lang=\"en\">{EVIL_ESCAPED}</td>")));
        assert!(!html.contains("<img"));
    }

    #[test]
    fn loading_counts_the_events_read_once_there_are_some() {
        assert_eq!(
            loading(Lang::Fi, 0),
            "<span class=\"spinner\" aria-hidden=\"true\"></span>Ladataan tapahtumia…"
        );
        assert!(loading(Lang::Fi, 200).ends_with("Ladataan tapahtumia… 200 tapahtumaa luettu"));
    }
}
