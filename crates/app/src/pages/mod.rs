//! One module per route. The publishers' and coordinators' pages exist only in the tools build
//! (crates/app/Cargo.toml's `tools` feature); the default build answers their routes with
//! `tools_build`.

#[cfg(feature = "tools")]
pub mod embed_builder;
pub mod event;
pub mod explorer;
pub mod not_found;
pub mod statement;
#[cfg(feature = "tools")]
pub mod stats;
#[cfg(not(feature = "tools"))]
pub mod tools_build;
#[cfg(feature = "tools")]
pub mod validate;
