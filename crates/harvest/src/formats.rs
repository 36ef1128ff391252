//! One document, whatever its format, read into a core `FeedPage`: Linked Events and schema.org
//! JSON-LD by core's own reader, including the JSON-LD blocks of an HTML page (`html_page`);
//! iCalendar (`ical`) and the CSV template (`csv_sheet`) are turned into Linked Events JSON first, so core normalises them exactly as it would any other feed.
//! The format is detected from the content, unless the harvest file sets it.

use chrono::{DateTime, Utc};
use kulttuurikartta_core::feed::{parse_feed, FeedPage, Problem};

use crate::{csv_sheet, html_page, ical};

/// What a reader needs besides the bytes.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    /// Prefixes the ids of events that have none of their own (iCalendar's `<source>:<UID>`).
    pub source_name: &'a str,
    pub now: DateTime<Utc>,
    pub horizon_days: i64,
}

/// The formats a source may be in (a harvest file may name one instead of detection).
pub const FORMATS: [&str; 4] = ["json", "icalendar", "csv", "html"];

/// The format a document is in, from its first bytes: `json` (Linked Events or JSON-LD, which
/// core tells apart), `icalendar`, `html` (a page with JSON-LD blocks) or `csv`.
pub fn detect(bytes: &[u8]) -> &'static str {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]);
    let head = head.trim_start_matches('\u{feff}').trim_start();
    if head
        .get(..15)
        .is_some_and(|h| h.eq_ignore_ascii_case("BEGIN:VCALENDAR"))
    {
        "icalendar"
    } else if html_page::looks_like(head) {
        "html"
    } else if !head.starts_with(['{', '[']) && csv_sheet::looks_like(head) {
        "csv"
    } else {
        "json"
    }
}

/// Reads one document in `format` (one of FORMATS, or None to detect it). `source` (its file or
/// URL) names it in problems.
pub fn read(
    bytes: &[u8],
    source: &str,
    format: Option<&str>,
    cx: Context,
) -> Result<FeedPage, String> {
    let text = || std::str::from_utf8(bytes).map_err(|e| format!("the file is not UTF-8: {e}"));
    let (events, problems, path) = match format.unwrap_or_else(|| detect(bytes)) {
        "icalendar" => {
            let r = ical::read(text()?, cx.source_name, cx.now, cx.horizon_days)?;
            (r.events, r.problems, "VCALENDAR")
        }
        "csv" => {
            let r = csv_sheet::read(text()?, cx.source_name)?;
            (r.events, r.problems, "CSV")
        }
        "html" => {
            let r = html_page::read(text()?);
            // A page without events is not an empty feed: a login page, a network's sign-in page
            // or a wrong address, which must not replace a source's events with nothing.
            if r.document["@graph"].as_array().is_none_or(Vec::is_empty) {
                let mut why = "an HTML page without schema.org events in JSON-LD".to_owned();
                if let Some(p) = r.problems.first() {
                    why = format!("{why} ({p})");
                }
                return Err(why);
            }
            let mut page =
                parse_feed(r.document.to_string().as_bytes(), source).map_err(|e| e.to_string())?;
            page.problems
                .extend(r.problems.into_iter().map(|message| Problem {
                    feed: source.to_owned(),
                    index: usize::MAX,
                    event_id: None,
                    path: "HTML".to_owned(),
                    message,
                }));
            return Ok(page);
        }
        _ => return parse_feed(bytes, source).map_err(|e| e.to_string()),
    };
    let doc = serde_json::json!({ "meta": { "next": null }, "data": events });
    let mut page = parse_feed(doc.to_string().as_bytes(), source).map_err(|e| e.to_string())?;
    page.problems
        .extend(problems.into_iter().map(|message| Problem {
            feed: source.to_owned(),
            // Not an index into an event array: these are about the file's components or rows.
            index: usize::MAX,
            event_id: None,
            path: path.to_owned(),
            message,
        }));
    Ok(page)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_apart_by_their_first_bytes() {
        assert_eq!(
            detect(b"\xEF\xBB\xBF  BEGIN:VCALENDAR\r\nVERSION:2.0"),
            "icalendar"
        );
        assert_eq!(detect("nimi,alkaa,päättyy\nx,1.1.2027,".as_bytes()), "csv");
        assert_eq!(
            detect("päättyy,ä".as_bytes()),
            "json",
            "a multibyte letter at byte 15 is no panic"
        );
        assert_eq!(detect(b"{\"data\":[]}"), "json");
        assert_eq!(detect(b"<!DOCTYPE html><html>"), "html");
        assert_eq!(
            detect(b"<p>oops</p>"),
            "json",
            "core explains what it is not"
        );
    }
}
