//! The density histogram drawn when there are too many events to draw one by one: events per
//! hour, day, week or month (as the zoom allows), on Helsinki calendar boundaries.

use chrono::{DateTime, Utc};

use super::calendar::Unit;
use super::scale::TimeScale;

#[derive(Debug, Clone, PartialEq)]
pub struct Bin {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub x0: f64,
    pub x1: f64,
    pub count: usize,
}

/// The finest of hour, day, week and month whose bars are at least `min_px` wide.
pub fn bin_unit(scale: &TimeScale, min_px: f64) -> Unit {
    let px_per_sec = scale.width / scale.span_secs();
    [Unit::Hours(1), Unit::Day, Unit::Week, Unit::Months(1)]
        .into_iter()
        .find(|u| u.nominal_secs() * px_per_sec >= min_px)
        .unwrap_or(Unit::Months(1))
}

/// Counts each event once, in the bin where it starts, or in the first bin if it began before
/// the view and is still running: the bars add up to the events visible in the view.
/// `items` are (start, last instant) pairs in any order.
pub fn histogram(
    scale: &TimeScale,
    unit: Unit,
    items: &[(DateTime<Utc>, DateTime<Utc>)],
) -> Vec<Bin> {
    let starts = unit.starts(scale.start, scale.end);
    let mut bins: Vec<Bin> = starts
        .iter()
        .enumerate()
        .map(|(i, &start)| {
            let end = starts
                .get(i + 1)
                .copied()
                .unwrap_or_else(|| unit.next(start));
            Bin {
                start,
                end,
                x0: scale.x(start).max(0.0),
                x1: scale.x(end).min(scale.width),
                count: 0,
            }
        })
        .collect();
    if bins.is_empty() {
        return bins;
    }
    // The bin of the previous item: items sorted by start (as the timeline's are) mostly land in
    // it or the next, which is cheaper to check than a binary search.
    let mut i = 0;
    for &(start, last) in items {
        let visible = if last > start {
            start < scale.end && last > scale.start
        } else {
            start >= scale.start && start < scale.end
        };
        if !visible {
            continue;
        }
        let t = start.max(scale.start);
        // The last bin starting at or before t.
        let holds = |i: usize| starts[i] <= t && starts.get(i + 1).is_none_or(|s| *s > t);
        if !holds(i) {
            i = if i + 1 < starts.len() && holds(i + 1) {
                i + 1
            } else {
                starts.partition_point(|s| *s <= t).saturating_sub(1)
            };
        }
        bins[i].count += 1;
    }
    bins
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, NaiveDate};
    use kulttuurikartta_core::time::helsinki;

    fn midnight(m: u32, d: u32) -> DateTime<Utc> {
        helsinki::start_of_day(NaiveDate::from_ymd_opt(2026, m, d).unwrap())
    }

    #[test]
    fn counts_add_up_to_the_events_in_view() {
        let s = TimeScale::new(midnight(10, 1), midnight(12, 1), 600.0);
        // Pseudo-random spread over four months, some spans, some before and after the view.
        let mut items = Vec::new();
        let mut x: u64 = 7;
        for _ in 0..5000 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let start = midnight(8, 1) + Duration::minutes((x >> 33) as i64 % (170 * 1440));
            let len = if x % 5 == 0 {
                Duration::days((x % 40) as i64)
            } else {
                Duration::zero()
            };
            items.push((start, start + len));
        }
        let visible = items
            .iter()
            .filter(|(a, b)| {
                if b > a {
                    *a < s.end && *b > s.start
                } else {
                    *a >= s.start && *a < s.end
                }
            })
            .count();
        for unit in [Unit::Hours(1), Unit::Day, Unit::Week, Unit::Months(1)] {
            let bins = histogram(&s, unit, &items);
            assert_eq!(
                bins.iter().map(|b| b.count).sum::<usize>(),
                visible,
                "{unit:?}"
            );
            assert!(
                bins.windows(2).all(|w| w[0].end == w[1].start),
                "{unit:?} bins are contiguous"
            );
            // Sorted by start, as the timeline's items are, the counts are the same.
            let mut sorted = items.clone();
            sorted.sort();
            assert_eq!(histogram(&s, unit, &sorted), bins, "{unit:?}");
        }
    }

    #[test]
    fn day_bins_follow_local_midnight_including_the_25_hour_day() {
        let s = TimeScale::new(midnight(10, 24), midnight(10, 27), 300.0);
        let bins = histogram(
            &s,
            Unit::Day,
            &[(
                midnight(10, 25) + Duration::hours(24),
                midnight(10, 25) + Duration::hours(24),
            )],
        );
        assert_eq!(bins.len(), 3);
        assert_eq!((bins[1].end - bins[1].start).num_hours(), 25);
        // 24 hours after the 25-hour day's midnight is still the 25th (23:00 local).
        assert_eq!(bins.iter().map(|b| b.count).collect::<Vec<_>>(), [0, 1, 0]);
    }

    #[test]
    fn the_bin_unit_grows_as_the_view_widens() {
        let at = |days: i64| {
            bin_unit(
                &TimeScale::new(
                    midnight(1, 1),
                    midnight(1, 1) + Duration::days(days),
                    1000.0,
                ),
                4.0,
            )
        };
        assert_eq!(at(2), Unit::Hours(1));
        assert_eq!(at(60), Unit::Day);
        assert_eq!(at(400), Unit::Week);
        assert_eq!(at(731), Unit::Week);
        assert_eq!(
            bin_unit(
                &TimeScale::new(midnight(1, 1), midnight(1, 1) + Duration::days(731), 300.0),
                4.0
            ),
            Unit::Months(1)
        );
    }
}
