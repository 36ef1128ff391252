//! The event feed: what an event is, and how the published JSON becomes one.
//!
//! Pure Rust with no DOM types, so that every rule is tested natively. The browser-side loading
//! (fetch, timeouts, caching) lives in `crate::api` and calls in here.

pub mod catalogue;
pub mod category;
pub mod json;
pub mod linked_events;
pub mod location;
pub mod model;
pub mod rich_text;
pub mod schema_org;
pub mod text;

use std::collections::HashMap;

use serde_json::Value;

pub use catalogue::Catalogue;
pub use category::Category;
pub use model::{
    Event, EventStatus, Image, LatLon, Localized, LocalizedText, LocationKind, Problem,
    SuperEventType, Venue,
};

/// Feeds bigger than this are refused before parsing: a browser tab should not be brought down
/// by a misconfigured URL pointing at a database dump.
pub const MAX_FEED_BYTES: usize = 64 * 1024 * 1024;

/// One fetched feed document, parsed.
#[derive(Debug, Default)]
pub struct FeedPage {
    pub events: Vec<Event>,
    /// Events that could not be read, one entry each; the rest of the page is still used.
    pub problems: Vec<Problem>,
    /// The next page of a paginated feed, if any.
    pub next: Option<String>,
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

/// The formats we read, detected from the document itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    LinkedEvents,
    SchemaOrg,
}

/// A feed document that parsed as JSON and has a known shape.
#[derive(Debug)]
pub struct Document {
    pub format: Format,
    value: Value,
}

impl Document {
    pub fn parse(bytes: &[u8]) -> Result<Document, FeedError> {
        if bytes.len() > MAX_FEED_BYTES {
            return Err(FeedError::TooLarge { bytes: bytes.len() });
        }
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes); // a BOM is common
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(FeedError::Empty);
        }
        let value: Value = serde_json::from_slice(bytes).map_err(|e| FeedError::NotJson {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        let format = if linked_events::is_linked_events(&value) {
            Format::LinkedEvents
        } else if schema_org::is_schema_org(&value) {
            Format::SchemaOrg
        } else {
            return Err(FeedError::UnknownShape {
                found: json::kind(&value),
            });
        };
        Ok(Document { format, value })
    }

    /// Place URLs to fetch before `into_page` (Linked Events without embedded places).
    pub fn missing_places(&self) -> Vec<String> {
        match self.format {
            Format::LinkedEvents => linked_events::missing_places(&self.value),
            Format::SchemaOrg => Vec::new(),
        }
    }

    pub fn into_page(self, source: &str, places: &HashMap<String, Value>) -> FeedPage {
        match self.format {
            Format::LinkedEvents => linked_events::parse_page(&self.value, source, places),
            Format::SchemaOrg => schema_org::parse_document(&self.value, source),
        }
    }
}

/// Parses one feed document whose places are embedded (or need not be fetched).
/// `source` names the feed in problem reports.
pub fn parse_feed(bytes: &[u8], source: &str) -> Result<FeedPage, FeedError> {
    Ok(Document::parse(bytes)?.into_page(source, &HashMap::new()))
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
        let huge = vec![b' '; MAX_FEED_BYTES + 1];
        assert!(matches!(
            parse_feed(&huge, "t").unwrap_err(),
            FeedError::TooLarge { .. }
        ));
    }

    #[test]
    fn an_empty_page_is_valid_and_empty() {
        let page = parse_feed(br#"{"meta":{"next":null},"data":[]}"#, "t").unwrap();
        assert!(page.events.is_empty() && page.problems.is_empty() && page.next.is_none());
    }

    #[test]
    fn format_is_detected_from_the_document() {
        let le = Document::parse(br#"{"data":[]}"#).unwrap();
        assert_eq!(le.format, Format::LinkedEvents);
        let ld = Document::parse(
            br#"{"@context":"https://schema.org","@type":"MusicEvent","name":"x"}"#,
        )
        .unwrap();
        assert_eq!(ld.format, Format::SchemaOrg);
        let bom = Document::parse(b"\xEF\xBB\xBF{\"data\":[]}").unwrap();
        assert_eq!(bom.format, Format::LinkedEvents);
    }
}
