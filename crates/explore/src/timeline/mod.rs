//! The timeline's pure logic: the time scale, calendar units and ticks in Helsinki time,
//! Finnish public holidays, the density histogram and lane packing. The component draws what
//! these compute.

pub mod bins;
pub mod brush;
pub mod calendar;
pub mod holidays;
pub mod interaction;
pub mod lanes;
pub mod plot;
pub mod scale;
pub mod svg;
pub mod ticks;
pub mod toolbar;
