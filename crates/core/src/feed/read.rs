//! Reading a feed document: the format is detected from the document itself.

use super::json;
use super::json_value::Json;
use super::linked_events;
use super::page::{FeedError, FeedPage, MAX_FEED_BYTES};
use super::schema_org;

/// Parses one feed document, detecting its format from the document itself.
/// `source` names the feed in problem reports.
pub fn parse_feed(bytes: &[u8], source: &str) -> Result<FeedPage, FeedError> {
    if bytes.len() > MAX_FEED_BYTES {
        return Err(FeedError::TooLarge { bytes: bytes.len() });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes); // a BOM is common
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FeedError::Empty);
    }
    // One reader for every JSON document the app reads (feeds, config.json, boundaries): the
    // text is checked to be UTF-8 once, here, which also keeps a second copy of serde_json's
    // reader (for bytes) out of the app's download.
    let text = std::str::from_utf8(bytes).map_err(|e| not_utf8(bytes, e))?;
    // Linked Events, the big regional feeds, are read in one streaming pass.
    if let Ok(Some(page)) = linked_events::parse_streaming(text, source) {
        return Ok(page);
    }
    // Anything else is small enough to read as a tree: JSON-LD, or an error to explain.
    let arena = bumpalo::Bump::new();
    let doc = Json::parse_in(text, &arena).map_err(|e| FeedError::NotJson {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    if schema_org::is_schema_org(&doc) {
        Ok(schema_org::parse_document(&doc, source))
    } else {
        Err(FeedError::UnknownShape {
            found: json::kind(&doc),
        })
    }
}

/// Where the first byte that is not UTF-8 is, as the JSON parser would say it (1-based line, and
/// column counted in bytes from the line's start).
fn not_utf8(bytes: &[u8], e: std::str::Utf8Error) -> FeedError {
    let at = e.valid_up_to();
    let before = &bytes[..at];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let column = at
        - before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1)
        + 1;
    FeedError::NotJson {
        line,
        column,
        message: "a byte that is not UTF-8".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_document_failures_are_told_apart() {
        assert_eq!(parse_feed(b"  \n", "t").unwrap_err(), FeedError::Empty);
        assert!(matches!(
            parse_feed(b"<html>404</html>", "t").unwrap_err(),
            FeedError::NotJson { line: 1, .. }
        ));
        assert_eq!(
            parse_feed(b"[1,2]", "t").unwrap_err(),
            FeedError::UnknownShape { found: "an array" }
        );
        assert_eq!(
            parse_feed(b"{\"data\": 3}", "t").unwrap_err(),
            FeedError::UnknownShape { found: "an object" }
        );
        assert_eq!(
            parse_feed(b"42", "t").unwrap_err(),
            FeedError::UnknownShape { found: "a number" }
        );
        assert!(matches!(
            parse_feed(b"{\"data\": [}", "t").unwrap_err(),
            FeedError::NotJson { .. }
        ));
        assert!(
            matches!(
                parse_feed(b"{\"data\": [{\"id\": \"a\xff\"}]}", "t").unwrap_err(),
                FeedError::NotJson {
                    line: 1,
                    column: 20,
                    ..
                }
            ),
            "bytes that are not UTF-8 are a located error, not a panic"
        );
        assert!(matches!(
            parse_feed(b"{\n  \"data\": [\n  \"\xc3\x28\"]}", "t").unwrap_err(),
            FeedError::NotJson {
                line: 3,
                column: 4,
                ..
            }
        ));
        let huge = vec![b' '; MAX_FEED_BYTES + 1];
        assert!(matches!(
            parse_feed(&huge, "t").unwrap_err(),
            FeedError::TooLarge { .. }
        ));
    }

    #[test]
    fn deep_nesting_is_no_stack_overflow_and_costs_only_its_event() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert_eq!(
            parse_feed(deep.as_bytes(), "t").unwrap_err(),
            FeedError::UnknownShape { found: "an array" }
        );
        // One event with a custom field 200 levels deep, between two good ones.
        let feed = format!(
            r#"{{"meta":{{"next":null}},"data":[
                {{"id":"a","name":{{"fi":"Ensimmäinen"}},"start_time":"2027-01-01T18:00:00+02:00"}},
                {{"id":"deep","name":{{"fi":"Syvä"}},"x_custom":{}1{}}},
                {{"id":"c","name":{{"fi":"Kolmas"}},"start_time":"2027-01-02T18:00:00+02:00"}}]}}"#,
            "{\"k\":".repeat(200),
            "}".repeat(200)
        );
        let page = parse_feed(feed.as_bytes(), "t").expect("the document is read");
        let ids: Vec<_> = page.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["a", "c"], "the other events are all read");
        assert_eq!(page.problems.len(), 1);
        let p = &page.problems[0];
        assert_eq!((p.index, p.event_id.as_deref()), (1, Some("deep")));
        assert_eq!(p.path, "data[1].x_custom");
        assert!(
            p.message.contains("nested more than 64 levels"),
            "{}",
            p.message
        );
    }

    #[test]
    fn an_empty_page_is_valid_and_empty() {
        let page = parse_feed(br#"{"meta":{"next":null},"data":[]}"#, "t").unwrap();
        assert!(page.events.is_empty() && page.problems.is_empty() && page.next.is_none());
        assert_eq!(page.total, None);
        let counted = parse_feed(br#"{"meta":{"count":123,"next":"p2"},"data":[]}"#, "t").unwrap();
        assert_eq!(
            (counted.total, counted.next.as_deref()),
            (Some(123), Some("p2"))
        );
    }

    #[test]
    fn format_is_detected_from_the_document() {
        let ld = parse_feed(
            br#"{"@context":"https://schema.org","@type":"MusicEvent","@id":"1","name":"x"}"#,
            "t",
        )
        .unwrap();
        assert_eq!(ld.events.len(), 1);
        let le = parse_feed(br#"{"data":[{"id":"a","name":{"fi":"x"}}]}"#, "t").unwrap();
        assert_eq!(le.events[0].id, "a");
        assert!(
            parse_feed(b"\xEF\xBB\xBF{\"data\":[]}", "t").is_ok(),
            "a byte order mark is allowed"
        );
    }
}
