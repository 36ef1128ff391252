//! Reusable pieces of the UI. Thin: they turn signals into DOM and DOM events into signal updates.

pub mod event_list;
pub mod event_text;
pub mod filters;
pub mod kiosk_layer;
pub mod load_state;
pub mod map;
#[cfg(feature = "tools")]
pub mod preview_map;
pub mod shell;
#[cfg(feature = "tools")]
pub mod stats_chart;
#[cfg(feature = "tools")]
pub mod stats_map;
#[cfg(feature = "tools")]
pub mod stats_table;
pub mod timeline;
