//! Reusable pieces of the UI. Thin: they turn signals into DOM and DOM events into signal updates.

pub mod event_list;
pub mod event_text;
pub mod filters;
pub mod kiosk_layer;
pub mod load_state;
pub mod map;
pub mod preview_map;
pub mod rich_text;
pub mod share;
pub mod shell;
pub mod stats_chart;
pub mod stats_map;
pub mod stats_table;
pub mod timeline;
