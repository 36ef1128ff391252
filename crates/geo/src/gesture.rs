//! Pointer, wheel and key input turned into pan and zoom decisions, free of the DOM. The map
//! and the timeline both use it: they feed in positions relative to their own element and apply
//! what comes out to their own view (a viewport, a time scale).

/// Two fingers closer than this are treated as this far apart, so that a pinch starting with
/// the fingers nearly together does not zoom by an absurd ratio.
const MIN_PINCH_SPREAD: f64 = 8.0;

/// The pointers that are down, with their last positions. Touch, pen and mouse alike.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pointers {
    down: Vec<(i32, f64, f64)>,
}

/// What moving one of the pointers that are down means.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Gesture {
    /// One pointer: drag the view by this much.
    Pan { dx: f64, dy: f64 },
    /// Two pointers: scale the view by `scale` around `center` (the fingers' new midpoint),
    /// after moving it by how far that midpoint moved (`dx`, `dy`).
    Pinch {
        scale: f64,
        center: (f64, f64),
        dx: f64,
        dy: f64,
    },
}

impl Pointers {
    /// A pointer went down; returns how many are down now. The same id again replaces its entry.
    pub fn down(&mut self, id: i32, x: f64, y: f64) -> usize {
        self.down.retain(|(i, ..)| *i != id);
        self.down.push((id, x, y));
        self.down.len()
    }

    /// A pointer went up or was cancelled.
    pub fn up(&mut self, id: i32) {
        self.down.retain(|(i, ..)| *i != id);
    }

    pub fn count(&self) -> usize {
        self.down.len()
    }

    /// A pointer moved to (x, y). `None` when it is not down (a hover) or three or more are down
    /// (no gesture of ours uses three).
    pub fn moved(&mut self, id: i32, x: f64, y: f64) -> Option<Gesture> {
        let i = self.down.iter().position(|(p, ..)| *p == id)?;
        let (_, px, py) = self.down[i];
        self.down[i] = (id, x, y);
        match self.down.len() {
            1 => Some(Gesture::Pan {
                dx: x - px,
                dy: y - py,
            }),
            2 => {
                let (_, ox, oy) = self.down[1 - i];
                let spread = |ax: f64, ay: f64| {
                    ((ax - ox).powi(2) + (ay - oy).powi(2))
                        .sqrt()
                        .max(MIN_PINCH_SPREAD)
                };
                let (cx, cy) = ((x + ox) / 2.0, (y + oy) / 2.0);
                let (pcx, pcy) = ((px + ox) / 2.0, (py + oy) / 2.0);
                Some(Gesture::Pinch {
                    scale: spread(x, y) / spread(px, py),
                    center: (cx, cy),
                    dx: cx - pcx,
                    dy: cy - pcy,
                })
            }
            _ => None,
        }
    }
}

/// Whether a wheel turn over a map or timeline zooms it: only while it has focus, or with Ctrl
/// held (trackpad pinches arrive as Ctrl+wheel), so that a page, or the host page around an
/// embed, keeps scrolling past it.
pub fn wheel_zooms(ctrl: bool, focus_within: bool) -> bool {
    ctrl || focus_within
}

/// A wheel turn as a zoom step: `per_pixel` of a step for each pixel scrolled (up zooms in),
/// at most `max` either way, so that one coarse notch of a mouse wheel cannot jump far.
pub fn wheel_step(delta_y: f64, per_pixel: f64, max: f64) -> f64 {
    (-delta_y * per_pixel).max(-max).min(max)
}

/// What a key does to a map: pan by pixels, or zoom by levels. `None` for other keys.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum KeyMove {
    Pan { dx: f64, dy: f64 },
    Zoom(f64),
}

/// Arrows pan by `step` pixels (the view moves, so the content goes the other way), `+`/`=`
/// zoom in and `-`/`_` out by a level (`=` and `_` are the same keys unshifted).
pub fn map_key(key: &str, step: f64) -> Option<KeyMove> {
    Some(match key {
        "ArrowLeft" => KeyMove::Pan { dx: step, dy: 0.0 },
        "ArrowRight" => KeyMove::Pan { dx: -step, dy: 0.0 },
        "ArrowUp" => KeyMove::Pan { dx: 0.0, dy: step },
        "ArrowDown" => KeyMove::Pan { dx: 0.0, dy: -step },
        "+" | "=" => KeyMove::Zoom(1.0),
        "-" | "_" => KeyMove::Zoom(-1.0),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pointer_pans_by_its_movement() {
        let mut p = Pointers::default();
        assert_eq!(p.down(1, 10.0, 10.0), 1);
        assert_eq!(
            p.moved(1, 25.0, 5.0),
            Some(Gesture::Pan { dx: 15.0, dy: -5.0 })
        );
        // The next move is measured from where the last one ended.
        assert_eq!(
            p.moved(1, 26.0, 5.0),
            Some(Gesture::Pan { dx: 1.0, dy: 0.0 })
        );
    }

    #[test]
    fn a_pointer_that_is_not_down_does_nothing() {
        let mut p = Pointers::default();
        assert_eq!(p.moved(7, 1.0, 1.0), None);
        p.down(1, 0.0, 0.0);
        p.up(1);
        assert_eq!(p.moved(1, 5.0, 5.0), None);
        assert_eq!(p.count(), 0);
    }

    #[test]
    fn pinching_scales_by_the_spread_around_the_new_midpoint() {
        let mut p = Pointers::default();
        p.down(1, 100.0, 50.0);
        assert_eq!(p.down(2, 200.0, 50.0), 2);
        // The second finger moves right by 100: spread 100 -> 200, midpoint 150 -> 200.
        let Some(Gesture::Pinch {
            scale,
            center,
            dx,
            dy,
        }) = p.moved(2, 300.0, 50.0)
        else {
            panic!("a pinch")
        };
        assert!((scale - 2.0).abs() < 1e-9);
        assert_eq!(center, (200.0, 50.0));
        assert_eq!((dx, dy), (50.0, 0.0));
        // Moving the fingers together halves it again.
        let Some(Gesture::Pinch { scale, .. }) = p.moved(1, 200.0, 50.0) else {
            panic!("a pinch")
        };
        assert!((scale - 0.5).abs() < 1e-9);
    }

    #[test]
    fn fingers_that_start_together_do_not_zoom_wildly() {
        let mut p = Pointers::default();
        p.down(1, 100.0, 100.0);
        p.down(2, 100.0, 100.0);
        let Some(Gesture::Pinch { scale, .. }) = p.moved(2, 116.0, 100.0) else {
            panic!("a pinch")
        };
        assert!((scale - 2.0).abs() < 1e-9, "{scale}");
    }

    #[test]
    fn three_pointers_are_no_gesture_and_lifting_one_returns_to_a_pinch() {
        let mut p = Pointers::default();
        p.down(1, 0.0, 0.0);
        p.down(2, 10.0, 0.0);
        p.down(3, 20.0, 0.0);
        assert_eq!(p.moved(3, 30.0, 0.0), None);
        p.up(3);
        assert!(matches!(p.moved(2, 20.0, 0.0), Some(Gesture::Pinch { .. })));
    }

    #[test]
    fn the_wheel_zooms_only_when_focused_or_with_ctrl() {
        assert!(!wheel_zooms(false, false));
        assert!(wheel_zooms(true, false));
        assert!(wheel_zooms(false, true));
    }

    #[test]
    fn wheel_steps_follow_the_direction_and_are_capped() {
        assert_eq!(wheel_step(-100.0, 0.0025, 1.0), 0.25);
        assert_eq!(wheel_step(100.0, 0.0025, 1.0), -0.25);
        assert_eq!(wheel_step(-5000.0, 0.0025, 1.0), 1.0);
        assert_eq!(wheel_step(5000.0, 0.002, 0.7), -0.7);
    }

    #[test]
    fn keys_pan_against_the_arrow_and_zoom_by_a_level() {
        assert_eq!(
            map_key("ArrowLeft", 96.0),
            Some(KeyMove::Pan { dx: 96.0, dy: 0.0 })
        );
        assert_eq!(
            map_key("ArrowDown", 96.0),
            Some(KeyMove::Pan { dx: 0.0, dy: -96.0 })
        );
        assert_eq!(map_key("=", 96.0), Some(KeyMove::Zoom(1.0)));
        assert_eq!(map_key("_", 96.0), Some(KeyMove::Zoom(-1.0)));
        assert_eq!(map_key("a", 96.0), None);
    }
}
