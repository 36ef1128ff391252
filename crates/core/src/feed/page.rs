//! What reading one feed document gives: its events, the events that could not be read, and
//! where the next page is; or why the whole document could not be used.

use super::model::{Event, Problem};

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
    /// Each event's JSON path in the document (`@graph[3].subEvent[0]`), when the reader's
    /// events are not simply `data[i]` minus the unreadable ones (JSON-LD flattens nested
    /// sub-events). Empty for Linked Events. The validator points publishers at these.
    pub paths: Vec<String>,
    /// How many events the whole feed has, when it says (Linked Events' `meta.count`): with the
    /// first page's size, how many pages to expect.
    pub total: Option<usize>,
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
