//! The event feed: what an event is, and how the published JSON becomes one.
//!
//! Pure Rust with no DOM types, so that every rule is tested natively. The browser-side loading
//! (fetch, timeouts, caching) lives in `crate::api` and calls `parse_feed`.

pub mod catalogue;
pub mod category;
pub mod linked_events;
pub mod model;
pub mod text;

pub use catalogue::Catalogue;
pub use category::Category;
pub use model::{
    Event, EventStatus, LatLon, LocalizedText, LocationKind, Problem, SuperEventType, Venue,
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
    UnknownShape,
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
            } => write!(
                f,
                "the feed is not valid JSON (line {line}, column {column}: {message})"
            ),
            FeedError::UnknownShape => write!(
                f,
                "the feed is JSON but not a Linked Events page (an object with a \"data\" array)"
            ),
        }
    }
}

/// Parses one feed document. `source` names the feed in problem reports.
pub fn parse_feed(bytes: &[u8], source: &str) -> Result<FeedPage, FeedError> {
    if bytes.len() > MAX_FEED_BYTES {
        return Err(FeedError::TooLarge { bytes: bytes.len() });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FeedError::Empty);
    }
    let doc: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| FeedError::NotJson {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    if linked_events::is_linked_events(&doc) {
        Ok(linked_events::parse_page(&doc, source))
    } else {
        Err(FeedError::UnknownShape)
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
            FeedError::UnknownShape
        );
        assert_eq!(
            parse_feed(b"{\"data\": 3}", "t").unwrap_err(),
            FeedError::UnknownShape
        );
    }

    #[test]
    fn an_empty_page_is_valid_and_empty() {
        let page = parse_feed(br#"{"meta":{"next":null},"data":[]}"#, "t").unwrap();
        assert!(page.events.is_empty() && page.problems.is_empty() && page.next.is_none());
    }
}
