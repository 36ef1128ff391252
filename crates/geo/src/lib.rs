//! The map's geometry, free of the DOM: Web Mercator projection, the viewport (pan, zoom around
//! a point, fitting bounds), raster tile ranges and URLs, marker clustering, and pointer, wheel
//! and key input as pan and zoom decisions (shared with the timeline). The map
//! component only draws what these compute.

pub mod boundaries;
pub mod cluster;
pub mod dorling;
pub mod fit;
pub mod gesture;
pub mod hull;
pub mod labels;
pub mod projection;
pub mod small_sort;
pub mod spatial_nav;
pub mod tiles;
pub mod viewport;
