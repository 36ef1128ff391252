//! Axis ticks: the finest calendar unit whose labels fit, labelled in the UI language, plus a
//! second row of context labels (the day for hour ticks, the month for day ticks, the year for
//! month ticks) so that every position on the axis can be read.

use chrono::{DateTime, Datelike, Timelike, Utc};

use super::calendar::Unit;
use super::scale::TimeScale;
use crate::i18n::{format_date, format_day_month, format_day_short, format_time, month_name, Lang};
use kulttuurikartta_core::time::helsinki;

#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub at: DateTime<Utc>,
    pub x: f64,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    pub unit: Unit,
    pub ticks: Vec<Tick>,
    /// Context labels: where each larger unit begins (the first one at the left edge).
    pub context: Vec<Tick>,
}

const UNITS: [(Unit, f64); 9] = [
    (Unit::Hours(1), 56.0),
    (Unit::Hours(3), 56.0),
    (Unit::Hours(6), 56.0),
    (Unit::Hours(12), 56.0),
    (Unit::Day, 64.0),
    (Unit::Week, 60.0),
    (Unit::Months(1), 80.0),
    (Unit::Months(3), 80.0),
    (Unit::Year, 48.0),
];

/// The finest unit that leaves each label the room it needs.
pub fn tick_unit(scale: &TimeScale) -> Unit {
    let px_per_sec = scale.width / scale.span_secs();
    UNITS
        .iter()
        .find(|(u, min_px)| u.nominal_secs() * px_per_sec >= *min_px)
        .map_or(Unit::Year, |(u, _)| *u)
}

fn label(unit: Unit, t: DateTime<Utc>, lang: Lang) -> String {
    let l = helsinki::to_local(t);
    match unit {
        Unit::Hours(_) => format_time(lang, l.hour(), l.minute()),
        Unit::Day => format_day_short(lang, l.date_naive()),
        Unit::Week => format_day_month(lang, l.date_naive()),
        Unit::Months(_) => month_name(lang, l.month()).to_owned(),
        Unit::Year => l.year().to_string(),
    }
}

fn context_unit(unit: Unit) -> Option<Unit> {
    match unit {
        Unit::Hours(_) => Some(Unit::Day),
        Unit::Day | Unit::Week => Some(Unit::Months(1)),
        Unit::Months(_) => Some(Unit::Year),
        Unit::Year => None,
    }
}

fn context_label(unit: Unit, t: DateTime<Utc>, lang: Lang) -> String {
    let l = helsinki::to_local(t);
    match unit {
        Unit::Day => format_date(lang, l.date_naive()),
        Unit::Months(_) => format!("{} {}", month_name(lang, l.month()), l.year()),
        _ => l.year().to_string(),
    }
}

pub fn axis(scale: &TimeScale, lang: Lang) -> Axis {
    let unit = tick_unit(scale);
    let ticks = unit
        .starts(scale.start, scale.end)
        .into_iter()
        .filter(|t| *t >= scale.start)
        .map(|at| Tick {
            at,
            x: scale.x(at),
            label: label(unit, at, lang),
        })
        .collect();
    let context = context_unit(unit)
        .map(|cu| {
            cu.starts(scale.start, scale.end)
                .into_iter()
                .map(|at| Tick {
                    at,
                    // The unit under way at the left edge is labelled at the edge.
                    x: scale.x(at).max(0.0),
                    label: context_label(cu, at, lang),
                })
                .collect()
        })
        .unwrap_or_default();
    Axis {
        unit,
        ticks,
        context: without_overlaps(context),
    }
}

/// A generous width for a context label (12 px bold; the axis draws it 3 px right of its tick),
/// with a gap after it.
fn context_width(label: &str) -> f64 {
    3.0 + label.chars().count() as f64 * 8.0 + 6.0
}

/// The label pinned at the left edge ("marraskuu 2026" while the view starts in November)
/// gives way to the next one when it would run into it; any later label that would overlap the
/// one before it is dropped too. A label is never drawn over another.
fn without_overlaps(context: Vec<Tick>) -> Vec<Tick> {
    let mut kept: Vec<Tick> = Vec::with_capacity(context.len());
    for (i, tick) in context.iter().enumerate() {
        let fits_before_next = context
            .get(i + 1)
            .is_none_or(|next| tick.x + context_width(&tick.label) <= next.x);
        let clear_of_previous = kept
            .last()
            .is_none_or(|prev| prev.x + context_width(&prev.label) <= tick.x);
        // Only the pinned first label yields to its successor; the others are real boundaries.
        if clear_of_previous && (i > 0 || fits_before_next) {
            kept.push(tick.clone());
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn scale_days(from: DateTime<Utc>, days: i64, width: f64) -> TimeScale {
        TimeScale::new(from, from + Duration::days(days), width)
    }

    fn helsinki_midnight(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        helsinki::start_of_day(chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    #[test]
    fn the_pinned_month_gives_way_when_the_next_month_begins_close_to_the_edge() {
        // The view starts on 28 November: "marraskuu 2026" pinned at 0 would run into
        // "joulukuu 2026" 3 days (120 px) later.
        let s = scale_days(helsinki_midnight(2026, 11, 28), 20, 800.0);
        let a = axis(&s, Lang::Fi);
        let ctx: Vec<_> = a.context.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(ctx, ["joulukuu 2026"]);
        // Far enough from the boundary, the pinned label stays.
        let s = scale_days(helsinki_midnight(2026, 11, 10), 40, 800.0);
        let ctx: Vec<_> = axis(&s, Lang::Fi)
            .context
            .into_iter()
            .map(|t| t.label)
            .collect();
        assert_eq!(ctx, ["marraskuu 2026", "joulukuu 2026"]);
        // At every zoom and start, no two context labels overlap.
        for days in [1, 3, 10, 20, 45, 90, 200, 400, 900] {
            for start in 0..40 {
                let from = helsinki_midnight(2026, 10, 1) + Duration::days(start);
                let a = axis(&scale_days(from, days, 640.0), Lang::Sv);
                for w in a.context.windows(2) {
                    assert!(
                        w[0].x + context_width(&w[0].label) <= w[1].x,
                        "{days} d from +{start}: {w:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_zoom_level_gets_labels_that_fit() {
        let from = helsinki_midnight(2026, 12, 1);
        for days in [1, 2, 4, 7, 14, 30, 60, 120, 240, 400, 731] {
            let s = scale_days(from, days, 1200.0);
            let a = axis(&s, Lang::Fi);
            assert!(!a.ticks.is_empty() || days > 365, "{days} days: no ticks");
            let min_gap = a
                .ticks
                .windows(2)
                .map(|w| w[1].x - w[0].x)
                .fold(f64::INFINITY, f64::min);
            assert!(min_gap >= 38.0, "{days} days: labels {min_gap}px apart");
            assert!(a.ticks.len() <= 40, "{days} days: {} ticks", a.ticks.len());
            for t in &a.ticks {
                assert!((0.0..=1200.0).contains(&t.x));
            }
        }
    }

    #[test]
    fn day_ticks_over_the_autumn_change_are_25_hours_apart() {
        let s = scale_days(helsinki_midnight(2026, 10, 20), 10, 1000.0);
        let a = axis(&s, Lang::Fi);
        assert_eq!(a.unit, Unit::Day);
        let labels: Vec<_> = a.ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels[5..8], ["su 25.10.", "ma 26.10.", "ti 27.10."]);
        let day = 100.0 / 24.0;
        assert!((a.ticks[6].x - a.ticks[5].x - 25.0 * day).abs() < 0.01);
        assert!((a.ticks[7].x - a.ticks[6].x - 24.0 * day).abs() < 0.01);
    }

    #[test]
    fn hour_ticks_on_the_spring_change_skip_the_missing_hour() {
        let s = scale_days(helsinki_midnight(2026, 3, 29), 1, 1400.0);
        let a = axis(&s, Lang::En);
        assert_eq!(a.unit, Unit::Hours(1));
        let labels: Vec<_> = a.ticks.iter().map(|t| t.label.clone()).collect();
        assert_eq!(labels[..5], ["00:00", "01:00", "02:00", "04:00", "05:00"]);
        let next_midnight = helsinki_midnight(2026, 3, 30);
        let that_day = a.ticks.iter().filter(|t| t.at < next_midnight).count();
        assert_eq!(that_day, 23, "the day has 23 hours");
        assert_eq!(a.context[0].label, "Sun 29 Mar 2026");
    }

    #[test]
    fn a_year_boundary_labels_the_new_month_and_year() {
        let s = scale_days(helsinki_midnight(2026, 11, 1), 120, 900.0);
        let a = axis(&s, Lang::Sv);
        assert_eq!(a.unit, Unit::Months(1));
        let labels: Vec<_> = a.ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["november", "december", "januari", "februari"]);
        let ctx: Vec<_> = a.context.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(ctx, ["2026", "2027"]);
        assert_eq!(a.context[1].x, s.x(helsinki_midnight(2027, 1, 1)));
    }

    #[test]
    fn weekday_and_clock_styles_follow_the_language() {
        let s = scale_days(helsinki_midnight(2026, 12, 1), 7, 500.0);
        assert_eq!(axis(&s, Lang::Fi).ticks[0].label, "ti 1.12.");
        assert_eq!(axis(&s, Lang::Sv).ticks[0].label, "tis 1.12.");
        assert_eq!(axis(&s, Lang::En).ticks[0].label, "Tue 1 Dec");
        let s = scale_days(helsinki_midnight(2026, 12, 1), 1, 1400.0);
        assert_eq!(axis(&s, Lang::Fi).ticks[18].label, "18.00");
        let _ = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0);
    }
}
