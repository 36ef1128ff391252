//! Lane packing for drawing events one by one: each item goes into the first lane where it
//! does not overlap the one before; what does not fit in the lanes is reported, so the
//! component can fall back to the histogram rather than draw overlapping items.

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    /// Index into the input.
    pub index: usize,
    pub lane: usize,
    pub x0: f64,
    pub x1: f64,
}

/// `spans` are (x0, x1) in pixels, sorted by x0. Point items (x1 == x0) get `min_width`;
/// items in a lane are at least `gap` apart. Returns the placed items and how many did not fit.
pub fn pack(
    spans: &[(f64, f64)],
    min_width: f64,
    gap: f64,
    max_lanes: usize,
) -> (Vec<Placed>, usize) {
    let mut lane_end: Vec<f64> = Vec::new();
    let mut placed = Vec::with_capacity(spans.len());
    let mut overflow = 0;
    for (index, &(a, b)) in spans.iter().enumerate() {
        let x1 = b.max(a + min_width);
        match lane_end.iter().position(|&end| end + gap <= a) {
            Some(lane) => {
                lane_end[lane] = x1;
                placed.push(Placed {
                    index,
                    lane,
                    x0: a,
                    x1,
                });
            }
            None if lane_end.len() < max_lanes => {
                lane_end.push(x1);
                placed.push(Placed {
                    index,
                    lane: lane_end.len() - 1,
                    x0: a,
                    x1,
                });
            }
            None => overflow += 1,
        }
    }
    (placed, overflow)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_items_in_a_lane_overlap() {
        let mut spans = Vec::new();
        let mut x: u64 = 3;
        for _ in 0..500 {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1);
            let a = ((x >> 33) % 1000) as f64;
            let len = if x % 3 == 0 {
                ((x >> 20) % 200) as f64
            } else {
                0.0
            };
            spans.push((a, a + len));
        }
        spans.sort_by(|a, b| a.0.total_cmp(&b.0));
        let (placed, overflow) = pack(&spans, 6.0, 2.0, 12);
        assert_eq!(placed.len() + overflow, spans.len());
        for p in &placed {
            for q in &placed {
                if p.index != q.index && p.lane == q.lane {
                    assert!(
                        p.x1 + 2.0 <= q.x0 || q.x1 + 2.0 <= p.x0,
                        "{p:?} overlaps {q:?}"
                    );
                }
            }
            assert!(p.lane < 12);
        }
    }

    #[test]
    fn the_first_free_lane_is_reused_and_overflow_is_counted() {
        let spans = [
            (0.0, 10.0),
            (5.0, 5.0),
            (20.0, 30.0),
            (21.0, 22.0),
            (22.0, 23.0),
        ];
        let (placed, overflow) = pack(&spans, 4.0, 1.0, 2);
        let lanes: Vec<_> = placed.iter().map(|p| p.lane).collect();
        assert_eq!(lanes, [0, 1, 0, 1]);
        assert_eq!(overflow, 1);
    }
}
