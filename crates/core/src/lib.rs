//! Kulttuurikartta's core: the event model and feed reading (Linked Events, schema.org JSON-LD),
//! Europe/Helsinki time, the region's 38 municipalities and the three languages. The app, the
//! explorer logic and the harvester all read events through this crate, so they agree on what a
//! feed means.

pub mod decimal;
pub mod feed;
pub mod lang;
pub mod math;
pub mod region;
pub mod time;
