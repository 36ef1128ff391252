//! Kulttuurikartta's pure core: the event feed (reading, normalising, merging), Europe/Helsinki
//! time, the two regions' municipalities and the translations. A crate of its own only so that
//! it can be compiled for speed (see `Cargo.toml` here); the app re-exports every module.

#[path = "../feed/mod.rs"]
pub mod feed;
#[path = "../i18n/mod.rs"]
pub mod i18n;
#[path = "../region/mod.rs"]
pub mod region;
#[path = "../time/mod.rs"]
pub mod time;
