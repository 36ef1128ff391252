//! One document, whatever its format, read into a core `FeedPage`: Linked Events and schema.org
//! JSON-LD by core's own reader, iCalendar through `ical` (to Linked Events JSON first, so core
//! normalises it exactly as it would any other feed). The format is detected from the content.

use chrono::{DateTime, Utc};
use kulttuurikartta_core::feed::{parse_feed, FeedPage, Problem};

use crate::ical;

/// What a reader needs besides the bytes.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    /// Prefixes the ids of events that have none of their own (iCalendar's `<source>:<UID>`).
    pub source_name: &'a str,
    pub now: DateTime<Utc>,
    pub horizon_days: i64,
}

/// The format a document is in, from its first bytes.
pub fn detect(bytes: &[u8]) -> &'static str {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(64)]);
    let head = head.trim_start_matches('\u{feff}').trim_start();
    if head.len() >= 15 && head[..15].eq_ignore_ascii_case("BEGIN:VCALENDAR") {
        "icalendar"
    } else {
        "json"
    }
}

/// Reads one document. `source` (its file or URL) names it in problems.
pub fn read(bytes: &[u8], source: &str, cx: Context) -> Result<FeedPage, String> {
    match detect(bytes) {
        "icalendar" => {
            let text = std::str::from_utf8(bytes)
                .map_err(|e| format!("the iCalendar file is not UTF-8: {e}"))?;
            let read = ical::read(text, cx.source_name, cx.now, cx.horizon_days)?;
            let doc = serde_json::json!({ "meta": { "next": null }, "data": read.events });
            let mut page =
                parse_feed(doc.to_string().as_bytes(), source).map_err(|e| e.to_string())?;
            page.problems
                .extend(read.problems.into_iter().map(|message| Problem {
                    feed: source.to_owned(),
                    // Not an index into an event array: these are about the calendar's components.
                    index: usize::MAX,
                    event_id: None,
                    path: "VCALENDAR".to_owned(),
                    message,
                }));
            Ok(page)
        }
        _ => parse_feed(bytes, source).map_err(|e| e.to_string()),
    }
}

/// A short name for a source, used in ids: a URL's host, or a file's name without extension.
pub fn source_name(source: &str) -> String {
    let name = match source.split_once("://") {
        Some((_, rest)) => rest.split(['/', '?', '#']).next().unwrap_or(rest),
        None => std::path::Path::new(source)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or(source),
    };
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}
