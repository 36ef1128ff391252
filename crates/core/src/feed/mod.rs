//! The event feed: what an event is, and how the published JSON becomes one.
//!
//! Pure Rust with no DOM types, so that every rule is tested natively. The browser-side loading
//! (fetch, timeouts, caching) lives in `crate::api` and calls in here.

pub mod catalogue;
pub mod category;
pub mod json;
pub mod json_ld_out;
pub mod json_value;
pub mod linked_events;
pub mod location;
pub mod model;
pub mod rich_text;
#[cfg(test)]
mod robustness;
pub mod schema_org;
pub mod text;

pub use catalogue::Catalogue;
pub use category::Category;
pub use json_value::Json;
pub use model::{
    Event, EventStatus, Image, LangTag, LatLon, Localized, LocalizedText, LocationKind, Problem,
    SuperEventType, Venue,
};

/// Feeds bigger than this are refused before parsing: a browser tab should not be brought down
/// by a misconfigured URL pointing at a database dump. 100 000 rich events are about 110 MB.
pub const MAX_FEED_BYTES: usize = 256 * 1024 * 1024;

/// One fetched feed document, parsed.
#[derive(Debug, Default)]
pub struct FeedPage {
    pub events: Vec<Event>,
    /// Events that could not be read, one entry each; the rest of the page is still used.
    pub problems: Vec<Problem>,
    /// The next page of a paginated feed, if any.
    pub next: Option<String>,
    /// Events whose place the feed only referenced: (index in `events`, place URL). The loader
    /// fetches each URL once and calls `linked_events::resolve_place_bytes`.
    pub unresolved_places: Vec<(usize, String)>,
}

/// Why a whole feed document could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum FeedError {
    Empty,
    TooLarge {
        bytes: usize,
    },
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    UnknownShape {
        found: &'static str,
    },
}

impl std::fmt::Display for FeedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FeedError::Empty => write!(f, "the feed is empty"),
            FeedError::TooLarge { bytes } => write!(
                f,
                "the feed is {} MB, over the {} MB limit",
                bytes / 1_000_000,
                MAX_FEED_BYTES / 1_000_000
            ),
            FeedError::NotJson {
                line,
                column,
                message,
            } => {
                write!(
                    f,
                    "the feed is not valid JSON (line {line}, column {column}: {message})"
                )
            }
            FeedError::UnknownShape { found } => write!(
                f,
                "the feed is JSON ({found}) but neither a Linked Events page (an object with a \
                 \"data\" array) nor schema.org events in JSON-LD"
            ),
        }
    }
}

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
    // Linked Events, the big regional feeds, are read in one streaming pass.
    if let Ok(text) = std::str::from_utf8(bytes) {
        if let Ok(Some(page)) = linked_events::parse_streaming(text, source) {
            return Ok(page);
        }
    }
    // Anything else is small enough to read as a tree: JSON-LD, or an error to explain (the
    // parser gives the line and column of a byte that is not UTF-8).
    let arena = bumpalo::Bump::new();
    let doc = Json::parse_in(bytes, &arena).map_err(|e| FeedError::NotJson {
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
                FeedError::NotJson { line: 1, .. }
            ),
            "bytes that are not UTF-8 are a located error, not a panic"
        );
        let huge = vec![b' '; MAX_FEED_BYTES + 1];
        assert!(matches!(
            parse_feed(&huge, "t").unwrap_err(),
            FeedError::TooLarge { .. }
        ));
    }

    #[test]
    fn deeply_nested_json_is_refused_not_a_stack_overflow() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert!(matches!(
            parse_feed(deep.as_bytes(), "t"),
            Err(FeedError::NotJson { .. })
        ));
        let deep_obj = format!(
            "{{\"data\":[{}{}]}}",
            "{\"a\":".repeat(50_000),
            "1".to_owned() + &"}".repeat(50_000)
        );
        assert!(matches!(
            parse_feed(deep_obj.as_bytes(), "t"),
            Err(FeedError::NotJson { .. })
        ));
    }

    #[test]
    fn an_empty_page_is_valid_and_empty() {
        let page = parse_feed(br#"{"meta":{"next":null},"data":[]}"#, "t").unwrap();
        assert!(page.events.is_empty() && page.problems.is_empty() && page.next.is_none());
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
