//! What the map shows: a centre, a (fractional) zoom and a size in CSS pixels. Panning moves the
//! centre by pixels; zooming keeps the point under the cursor (or pinch centre) where it is.

use super::projection::{project, unproject, world_size, Point};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    /// Projected centre (unit square).
    pub center: Point,
    pub zoom: f64,
    pub width: f64,
    pub height: f64,
}

/// South, west, north, east in degrees (config.json's `region_view` has this shape).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LatLonBounds {
    pub south: f64,
    pub west: f64,
    pub north: f64,
    pub east: f64,
}

impl LatLonBounds {
    /// The smallest box around the (lat, lon) pairs; `None` when there are none.
    pub fn around(mut points: impl Iterator<Item = (f64, f64)>) -> Option<LatLonBounds> {
        let (lat, lon) = points.next()?;
        let init = LatLonBounds {
            south: lat,
            west: lon,
            north: lat,
            east: lon,
        };
        Some(points.fold(init, |b, (lat, lon)| LatLonBounds {
            south: b.south.min(lat),
            west: b.west.min(lon),
            north: b.north.max(lat),
            east: b.east.max(lon),
        }))
    }
}

impl Viewport {
    /// The largest zoom (within the limits, in steps of `zoom_step`) at which `bounds` fits with
    /// `padding` pixels to spare on every side, centred on them.
    pub fn fit(
        bounds: LatLonBounds,
        width: f64,
        height: f64,
        padding: f64,
        min_zoom: f64,
        max_zoom: f64,
        zoom_step: f64,
    ) -> Viewport {
        let nw = project(bounds.north, bounds.west);
        let se = project(bounds.south, bounds.east);
        let (dx, dy) = (
            (se.x - nw.x).abs().max(1e-12),
            (se.y - nw.y).abs().max(1e-12),
        );
        let avail_w = (width - 2.0 * padding).max(1.0);
        let avail_h = (height - 2.0 * padding).max(1.0);
        let exact = kulttuurikartta_core::math::log2(
            (avail_w / dx).min(avail_h / dy) / super::projection::TILE_SIZE,
        );
        let stepped = if zoom_step > 0.0 {
            (exact / zoom_step).floor() * zoom_step
        } else {
            exact
        };
        Viewport {
            center: Point {
                x: (nw.x + se.x) / 2.0,
                y: (nw.y + se.y) / 2.0,
            },
            zoom: stepped.max(min_zoom).min(max_zoom),
            width,
            height,
        }
    }

    fn scale(&self) -> f64 {
        world_size(self.zoom)
    }

    /// Screen position (CSS pixels from the top-left corner) of a projected point.
    pub fn to_screen(&self, p: Point) -> (f64, f64) {
        let s = self.scale();
        (
            (p.x - self.center.x) * s + self.width / 2.0,
            (p.y - self.center.y) * s + self.height / 2.0,
        )
    }

    /// The projected point under a screen position.
    pub fn from_screen(&self, sx: f64, sy: f64) -> Point {
        let s = self.scale();
        Point {
            x: self.center.x + (sx - self.width / 2.0) / s,
            y: self.center.y + (sy - self.height / 2.0) / s,
        }
    }

    /// Moves the view so that the content moves by (dx, dy) pixels, as a drag does.
    pub fn pan_by(&mut self, dx: f64, dy: f64) {
        let s = self.scale();
        self.center.x -= dx / s;
        self.center.y = (self.center.y - dy / s).max(0.0).min(1.0);
    }

    /// Changes the zoom while the point at screen (sx, sy) stays under it.
    pub fn zoom_around(&mut self, zoom: f64, sx: f64, sy: f64) {
        let anchor = self.from_screen(sx, sy);
        self.zoom = zoom;
        let s = self.scale();
        self.center = Point {
            x: anchor.x - (sx - self.width / 2.0) / s,
            y: anchor.y - (sy - self.height / 2.0) / s,
        };
    }

    /// The projected rectangle in view, grown by `margin` pixels on every side.
    pub fn visible(&self, margin: f64) -> (Point, Point) {
        (
            self.from_screen(-margin, -margin),
            self.from_screen(self.width + margin, self.height + margin),
        )
    }

    /// The centre as latitude and longitude (for the `data-center` hook and the URL).
    pub fn center_lat_lon(&self) -> (f64, f64) {
        unproject(self.center)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REGIONS: LatLonBounds = LatLonBounds {
        south: 63.5,
        west: 23.5,
        north: 66.5,
        east: 30.2,
    };

    #[test]
    fn fitting_the_two_regions_keeps_them_inside_the_padding() {
        for (w, h) in [(1280.0, 800.0), (390.0, 500.0), (320.0, 320.0)] {
            let v = Viewport::fit(REGIONS, w, h, 16.0, 3.0, 18.0, 0.0);
            let (x0, y0) = v.to_screen(project(REGIONS.north, REGIONS.west));
            let (x1, y1) = v.to_screen(project(REGIONS.south, REGIONS.east));
            assert!(
                x0 >= 15.99 && y0 >= 15.99 && x1 <= w - 15.99 && y1 <= h - 15.99,
                "{w}x{h}: {x0},{y0} {x1},{y1}"
            );
            // And it is as large as it can be: one axis touches the padding.
            assert!((x0 - 16.0).abs() < 1e-6 || (y0 - 16.0).abs() < 1e-6);
        }
        let stepped = Viewport::fit(REGIONS, 1280.0, 800.0, 16.0, 3.0, 18.0, 1.0);
        assert_eq!(stepped.zoom, stepped.zoom.floor());
    }

    #[test]
    fn screen_round_trip_and_pan() {
        let mut v = Viewport::fit(REGIONS, 1280.0, 800.0, 0.0, 0.0, 18.0, 0.0);
        let p = project(65.012, 25.465);
        let (sx, sy) = v.to_screen(p);
        let back = v.from_screen(sx, sy);
        assert!((back.x - p.x).abs() < 1e-12 && (back.y - p.y).abs() < 1e-12);
        v.pan_by(100.0, -50.0);
        let (sx2, sy2) = v.to_screen(p);
        assert!(
            (sx2 - sx - 100.0).abs() < 1e-6 && (sy2 - sy + 50.0).abs() < 1e-6,
            "content follows the drag"
        );
    }

    #[test]
    fn zooming_keeps_the_anchor_still() {
        let mut v = Viewport::fit(REGIONS, 1280.0, 800.0, 0.0, 0.0, 18.0, 0.0);
        let kajaani = project(64.227, 27.729);
        let (sx, sy) = v.to_screen(kajaani);
        v.zoom_around(v.zoom + 2.5, sx, sy);
        let (sx2, sy2) = v.to_screen(kajaani);
        assert!((sx2 - sx).abs() < 1e-6 && (sy2 - sy).abs() < 1e-6);
    }

    #[test]
    fn centre_in_degrees() {
        let v = Viewport {
            center: project(64.5, 27.0),
            zoom: 7.0,
            width: 100.0,
            height: 100.0,
        };
        let (lat, lon) = v.center_lat_lon();
        assert!((lat - 64.5).abs() < 1e-9 && (lon - 27.0).abs() < 1e-9);
    }
}
