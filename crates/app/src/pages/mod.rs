//! One module per route.

pub mod embed_builder;
pub mod event;
pub mod explorer;
pub mod not_found;
pub mod statement;
pub mod stats;
pub mod validate;
