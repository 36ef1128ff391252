//! Fitting projected points into a fixed drawing box, for small static maps (the validator's
//! preview): one scale for both axes, so shapes keep their proportions, centred with a margin.

use super::projection::Point;

/// How world points map into a `width` × `height` box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    scale: f64,
    dx: f64,
    dy: f64,
}

impl Fit {
    /// The fit that shows every point with `pad` units to spare; None without points.
    pub fn around(
        points: impl IntoIterator<Item = Point>,
        width: f64,
        height: f64,
        pad: f64,
    ) -> Option<Fit> {
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        let mut any = false;
        for p in points {
            (x0, y0, x1, y1) = (x0.min(p.x), y0.min(p.y), x1.max(p.x), y1.max(p.y));
            any = true;
        }
        if !any {
            return None;
        }
        // A single point (or a line) still needs a size to scale by.
        let (w, h) = ((x1 - x0).max(1e-6), (y1 - y0).max(1e-6));
        let scale = ((width - 2.0 * pad) / w).min((height - 2.0 * pad) / h);
        // The points' centre goes to the box's centre.
        Some(Fit {
            scale,
            dx: width / 2.0 - (x0 + x1) / 2.0 * scale,
            dy: height / 2.0 - (y0 + y1) / 2.0 * scale,
        })
    }

    pub fn apply(&self, p: Point) -> (f64, f64) {
        (p.x * self.scale + self.dx, p.y * self.scale + self.dy)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::projection::project;

    #[test]
    fn every_point_lands_inside_the_box_with_its_margin_and_proportions_kept() {
        let pts = [
            project(63.5, 23.5),
            project(66.5, 30.2),
            project(64.2, 27.7),
        ];
        let fit = Fit::around(pts, 400.0, 300.0, 10.0).unwrap();
        for p in pts {
            let (x, y) = fit.apply(p);
            assert!(
                (10.0 - 1e-9..=390.0 + 1e-9).contains(&x)
                    && (10.0 - 1e-9..=290.0 + 1e-9).contains(&y),
                "{x},{y}"
            );
        }
        // North is up, east is right.
        let (sw, ne) = (fit.apply(pts[0]), fit.apply(pts[1]));
        assert!(ne.0 > sw.0 && ne.1 < sw.1);
        // One scale: the region is taller than wide in Mercator, so height is the bound.
        let (_, top) = fit.apply(project(66.5, 27.0));
        let (_, bottom) = fit.apply(project(63.5, 27.0));
        assert!((bottom - top - 280.0).abs() < 1e-6);
    }

    #[test]
    fn one_point_is_centred_and_no_points_no_fit() {
        let p = project(64.2, 27.7);
        let (x, y) = Fit::around([p], 100.0, 100.0, 5.0).unwrap().apply(p);
        assert!((x - 50.0).abs() < 1e-6 && (y - 50.0).abs() < 1e-6);
        assert!(Fit::around([], 100.0, 100.0, 5.0).is_none());
    }
}
