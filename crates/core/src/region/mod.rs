//! Facts about the two regions the app covers: Kainuu and North Ostrobothnia.

pub mod municipality;

pub use municipality::{Municipality, Region, MUNICIPALITIES};
