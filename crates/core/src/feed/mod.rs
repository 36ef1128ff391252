//! The event feed: what an event is, and how the published JSON becomes one.
//!
//! Pure Rust with no DOM types, so that every rule is tested natively. `read::parse_feed` is the
//! way in: it detects the format and hands the document to `linked_events` or `schema_org`,
//! which produce a `page::FeedPage`. The browser's loader (fetch, timeouts, caching) is in the
//! app crate's `load`, and the harvester's in its own crate; both call in here.

pub mod catalogue;
pub mod category;
mod entities;
pub mod json;
pub mod json_ld_out;
pub mod json_value;
pub mod linked_events;
pub mod linked_events_out;
pub mod location;
pub mod model;
pub mod page;
mod read;
pub mod rich_text;
#[cfg(test)]
mod robustness;
pub mod schema_org;
pub mod text;
pub mod validate;

pub use catalogue::Catalogue;
pub use category::Category;
pub use json_value::Json;
pub use model::{
    Event, EventStatus, Image, LangTag, LatLon, Localized, LocalizedText, LocationKind, Problem,
    SuperEventType, Venue,
};
pub use page::{FeedError, FeedPage, MAX_FEED_BYTES};
pub use read::parse_feed;
