//! Circles at places, moved apart until none overlaps (a Dorling cartogram): the statistics map
//! without boundaries draws a circle per municipality centre, and the Oulu area's centres are a
//! few kilometres apart, so circles sized by events would otherwise hide one another.

/// A circle to place: where it belongs and its radius. `x`, `y` are updated in place.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Circle {
    pub x: f64,
    pub y: f64,
    pub r: f64,
}

/// Moves the circles apart, each pair by half its overlap plus `gap`, for as long as any two
/// overlap (at most `max_rounds` rounds). Moves are symmetric and the order fixed, so the
/// layout is the same on every run. Returns whether every overlap was resolved.
pub fn separate(circles: &mut [Circle], gap: f64, max_rounds: usize) -> bool {
    for _ in 0..max_rounds {
        let mut moved = false;
        for i in 0..circles.len() {
            for j in i + 1..circles.len() {
                let (a, b) = (circles[i], circles[j]);
                let (dx, dy) = (b.x - a.x, b.y - a.y);
                let d = (dx * dx + dy * dy).sqrt();
                let want = a.r + b.r + gap;
                if d >= want - 1e-9 {
                    continue;
                }
                // Coincident centres part along a fixed direction that depends on the pair.
                let (ux, uy) = if d > 1e-9 {
                    (dx / d, dy / d)
                } else {
                    let t = (i * 31 + j) as f64;
                    (t.cos(), t.sin())
                };
                let push = (want - d) / 2.0 + 1e-6;
                circles[i].x -= ux * push;
                circles[i].y -= uy * push;
                circles[j].x += ux * push;
                circles[j].y += uy * push;
                moved = true;
            }
        }
        if !moved {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overlaps(c: &[Circle], gap: f64) -> usize {
        let mut n = 0;
        for i in 0..c.len() {
            for j in i + 1..c.len() {
                let d = ((c[i].x - c[j].x).powi(2) + (c[i].y - c[j].y).powi(2)).sqrt();
                if d < c[i].r + c[j].r + gap - 1e-6 {
                    n += 1;
                }
            }
        }
        n
    }

    #[test]
    fn a_crowd_of_circles_ends_with_no_overlap_and_near_where_it_began() {
        // Oulu and its neighbours are within a few pixels of each other at report scale.
        let mut c: Vec<Circle> = (0..12)
            .map(|i| Circle {
                x: 100.0 + f64::from(i % 4) * 3.0,
                y: 100.0 + f64::from(i / 4) * 2.0,
                r: if i == 0 { 30.0 } else { 6.0 },
            })
            .collect();
        let before = c.clone();
        assert!(overlaps(&c, 1.0) > 0);
        assert!(separate(&mut c, 1.0, 500));
        assert_eq!(overlaps(&c, 1.0), 0);
        for (a, b) in c.iter().zip(&before) {
            assert!(
                (a.x - b.x).hypot(a.y - b.y) < 60.0,
                "{a:?} drifted from {b:?}"
            );
        }
    }

    #[test]
    fn identical_centres_are_parted_and_the_result_is_the_same_every_time() {
        let start = vec![
            Circle {
                x: 5.0,
                y: 5.0,
                r: 2.0
            };
            3
        ];
        let (mut a, mut b) = (start.clone(), start);
        assert!(separate(&mut a, 0.5, 200));
        separate(&mut b, 0.5, 200);
        assert_eq!(a, b);
        assert_eq!(overlaps(&a, 0.5), 0);
    }
}
