//! The explorer's pure logic: what a visitor asked to see and how it is computed, without a
//! browser. The app's components turn these types into DOM and DOM events into calls here.

pub mod basemap;
pub mod config;
pub mod embed;
pub mod event_page;
pub mod event_row;
pub mod event_text;
pub mod filter_panels;
pub mod html;
pub mod i18n;
pub mod ics;
pub mod kiosk;
pub mod kiosk_screens;
pub mod list_controls;
pub mod load_notices;
pub mod map_card;
pub mod map_points;
pub mod not_found;
pub mod percent;
pub mod query;
pub mod site_footer;
pub mod site_header;
pub mod statement;
pub mod stats;
pub mod timeline;
pub mod tools_build;
pub mod url;
pub mod validator;
