//! Spherical (Web) Mercator, as raster tile servers use it. Coordinates are in the unit square:
//! x from 0 (180° W) to 1 (180° E), y from 0 (north edge) to 1 (south edge); multiply by
//! `world_size(zoom)` for pixels.

use kulttuurikartta_core::math;
use std::f64::consts::PI;

/// Raster tiles are 256 CSS pixels square.
pub const TILE_SIZE: f64 = 256.0;
/// Web Mercator stops here, where the projected world becomes square.
pub const MAX_LATITUDE: f64 = 85.051_128_779_806_59;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

pub fn project(lat: f64, lon: f64) -> Point {
    let sin = math::sin(lat.max(-MAX_LATITUDE).min(MAX_LATITUDE).to_radians());
    Point {
        x: (lon + 180.0) / 360.0,
        y: 0.5 - math::ln((1.0 + sin) / (1.0 - sin)) / (4.0 * PI),
    }
}

/// Latitude and longitude of a projected point.
pub fn unproject(p: Point) -> (f64, f64) {
    let n = PI - 2.0 * PI * p.y;
    (math::atan(math::sinh(n)).to_degrees(), p.x * 360.0 - 180.0)
}

/// The width (and height) of the whole world in pixels at a zoom level.
pub fn world_size(zoom: f64) -> f64 {
    TILE_SIZE * math::exp2(zoom)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, eps: f64) -> bool {
        (a - b).abs() < eps
    }

    #[test]
    fn the_origin_is_the_centre_and_the_edges_are_the_edges() {
        assert_eq!(project(0.0, 0.0), Point { x: 0.5, y: 0.5 });
        assert!(close(project(MAX_LATITUDE, -180.0).y, 0.0, 1e-9));
        assert!(close(project(-MAX_LATITUDE, 180.0).x, 1.0, 1e-12));
        assert!(
            close(project(90.0, 0.0).y, 0.0, 1e-9),
            "the pole is clamped, not infinite"
        );
    }

    #[test]
    fn round_trips_across_finland_to_a_millimetre() {
        for lat in [59.5, 61.0, 63.5, 64.227, 65.012, 66.5, 70.0] {
            for lon in [19.5, 23.9, 25.465, 27.729, 29.517, 31.5] {
                let (la, lo) = unproject(project(lat, lon));
                // 1e-8 degrees is about a millimetre.
                assert!(
                    close(la, lat, 1e-8) && close(lo, lon, 1e-8),
                    "{lat},{lon} -> {la},{lo}"
                );
            }
        }
    }

    #[test]
    fn matches_the_tile_numbers_of_openstreetmap() {
        // Tile containing Helsinki city centre at zoom 10 is 582/296; Oulu's is 584/266.
        let tile = |lat: f64, lon: f64, z: f64| {
            let p = project(lat, lon);
            let n = z.exp2();
            ((p.x * n).floor() as u32, (p.y * n).floor() as u32)
        };
        assert_eq!(tile(60.1699, 24.9384, 10.0), (582, 296));
        assert_eq!(tile(65.0121, 25.4651, 10.0), (584, 266));
    }
}
