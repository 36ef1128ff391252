//! Kulttuurikartta: the culture map of Kainuu and North Ostrobothnia.
//!
//! Pure logic (feed, time, regions, translations, configuration) builds natively and is unit
//! tested without a browser; the UI modules exist only on wasm32.

pub use kulttuurikartta_core::{feed, i18n, region, time};

pub mod config;
pub mod embed;
pub mod ics;
pub mod kiosk;
pub mod map;
pub mod query;
pub mod timeline;

#[cfg(target_arch = "wasm32")]
pub mod api;
#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(target_arch = "wasm32")]
mod pages;
#[cfg(target_arch = "wasm32")]
pub mod panic_screen;
#[cfg(target_arch = "wasm32")]
mod url_state;
