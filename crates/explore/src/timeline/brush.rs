//! Turning a drag across the axis into a time window: snapped to whole Helsinki days when the
//! view shows several days, to whole hours when zoomed in to a day or two.

use super::calendar::Unit;
use super::scale::TimeScale;
use crate::query::Window;

/// The window brushed from `xa` to `xb` (in either order; clamped to the axis).
pub fn brush(scale: &TimeScale, xa: f64, xb: f64) -> Window {
    let (a, b) = if xa <= xb { (xa, xb) } else { (xb, xa) };
    let (a, b) = (a.max(0.0).min(scale.width), b.max(0.0).min(scale.width));
    let unit = if scale.span_secs() >= 3.0 * 86_400.0 {
        Unit::Day
    } else {
        Unit::Hours(1)
    };
    let start = unit.floor(scale.time_at(a));
    let end_t = scale.time_at(b);
    let floor_end = unit.floor(end_t);
    // The unit under the end of the drag is included; at least one unit is selected.
    let end = if floor_end == end_t && floor_end > start {
        floor_end
    } else {
        unit.next(floor_end)
    };
    Window {
        start,
        end: end.max(unit.next(start)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, NaiveDate};
    use kulttuurikartta_core::time::helsinki;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    #[test]
    fn a_drag_over_a_month_view_selects_the_days_it_touches() {
        let s = TimeScale::new(
            helsinki::start_of_day(day(1)),
            helsinki::start_of_day(day(31)),
            900.0,
        );
        // 30 px per day: from the middle of the 2nd to the middle of the 8th.
        let w = brush(&s, 45.0, 225.0);
        assert_eq!(w.day_range(), (day(2), day(8)));
        assert!(w.is_whole_days());
        // Backwards drags and drags past the edge give the same kind of answer.
        assert_eq!(brush(&s, 225.0, 45.0), w);
        assert_eq!(brush(&s, -50.0, 10.0).day_range(), (day(1), day(1)));
        // A click (no drag) selects its day.
        assert_eq!(brush(&s, 100.0, 100.0).day_range(), (day(4), day(4)));
    }

    #[test]
    fn zoomed_in_to_a_day_the_brush_snaps_to_hours() {
        let start = helsinki::start_of_day(day(5));
        let s = TimeScale::new(start, start + Duration::days(1), 960.0);
        // 40 px per hour: 18:30 to 21:15 becomes 18:00–22:00.
        let w = brush(&s, 18.5 * 40.0, 21.25 * 40.0);
        assert_eq!(w.start, start + Duration::hours(18));
        assert_eq!(w.end, start + Duration::hours(22));
        assert_eq!(w.to_params().0, "2026-12-05T18:00");
    }
}
