//! The count axis of the statistics' bar chart: round steps (1, 2 or 5 times a power of ten)
//! from zero to at least the highest bar, in at most five steps.

/// The tick values from 0 up to the top of the axis, which is at least `max`.
pub fn ticks(max: u32) -> Vec<u32> {
    if max == 0 {
        return vec![0, 1];
    }
    let mut step = 1u32;
    'search: for power in [1u32, 10, 100, 1_000, 10_000, 100_000, 1_000_000] {
        for m in [1, 2, 5] {
            step = m * power;
            if max.div_ceil(step) <= 5 {
                break 'search;
            }
        }
    }
    (0..=max.div_ceil(step)).map(|i| i * step).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_reach_the_highest_bar() {
        assert_eq!(ticks(0), [0, 1]);
        assert_eq!(ticks(3), [0, 1, 2, 3]);
        assert_eq!(ticks(7), [0, 2, 4, 6, 8]);
        assert_eq!(ticks(10), [0, 2, 4, 6, 8, 10]);
        assert_eq!(ticks(11), [0, 5, 10, 15]);
        assert_eq!(ticks(432), [0, 100, 200, 300, 400, 500]);
        assert_eq!(ticks(9_999), [0, 2_000, 4_000, 6_000, 8_000, 10_000]);
        for max in 1..3000 {
            let t = ticks(max);
            assert!(*t.last().unwrap() >= max && t.len() <= 6, "{max}: {t:?}");
        }
    }
}
