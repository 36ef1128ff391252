//! The time window that filters the map and the list: what the timeline brushes, the presets
//! offer and the `from`/`to` URL parameters carry. Always in Helsinki days.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Timelike, Utc};

use kulttuurikartta_core::time::{helsinki, text};

/// A half-open interval of instants: `start` included, `end` excluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl Window {
    /// Whole Helsinki days, `to` inclusive (so 1.12.–7.12. is a week).
    pub fn days(from: NaiveDate, to: NaiveDate) -> Window {
        let (from, to) = if to < from { (to, from) } else { (from, to) };
        Window {
            start: helsinki::start_of_day(from),
            end: helsinki::start_of_day(to.succ_opt().unwrap_or(to)),
        }
    }

    /// Whether an event from `start` to `last` (its last instant; equal to `start` for a point
    /// event) overlaps the window.
    pub fn overlaps(&self, start: DateTime<Utc>, last: DateTime<Utc>) -> bool {
        if last > start {
            start < self.end && last > self.start
        } else {
            start >= self.start && start < self.end
        }
    }

    /// The first and last Helsinki day the window touches.
    pub fn day_range(&self) -> (NaiveDate, NaiveDate) {
        let first = helsinki::local_date(self.start);
        let last = helsinki::local_date(self.end - Duration::seconds(1));
        (first, last.max(first))
    }

    /// Whether both ends fall on local midnights (so the window reads as dates).
    pub fn is_whole_days(&self) -> bool {
        let at_midnight = |t: DateTime<Utc>| {
            let l = helsinki::to_local(t);
            l.hour() == 0 && l.minute() == 0 && l.second() == 0
        };
        at_midnight(self.start) && at_midnight(self.end)
    }

    /// The same length of time moved by `days` whole days (DST-proof: by calendar days).
    pub fn shift_days(&self, days: i64) -> Window {
        let shift = |t: DateTime<Utc>| {
            let l = helsinki::to_local(t).naive_local();
            helsinki::from_local(l + Duration::days(days))
        };
        Window {
            start: shift(self.start),
            end: shift(self.end),
        }
    }

    /// `from`/`to` URL values: dates when the window is whole days ("2026-12-01", `to`
    /// inclusive), else local times ("2026-12-01T18:00", `to` exclusive).
    pub fn to_params(&self) -> (String, String) {
        if self.is_whole_days() {
            let (a, b) = self.day_range();
            (a.to_string(), b.to_string())
        } else {
            let f =
                |t: DateTime<Utc>| text::date_time_to_minute(helsinki::to_local(t).naive_local());
            (f(self.start), f(self.end))
        }
    }

    /// Reads `from`/`to` as written by `to_params`. Either may be missing: then the window
    /// starts today or runs a year. Malformed values give `None` (the parameter is ignored).
    pub fn from_params(from: Option<&str>, to: Option<&str>, today: NaiveDate) -> Option<Window> {
        let from = from.and_then(parse_bound);
        let to = to.and_then(parse_bound);
        let w = match (from, to) {
            (None, None) => return None,
            (Some(Bound::Day(a)), Some(Bound::Day(b))) => Window::days(a, b),
            (Some(a), None) => Window {
                start: a.start(),
                end: a.start() + Duration::days(365),
            },
            (None, Some(b)) => Window {
                start: helsinki::start_of_day(today),
                end: b.end(),
            },
            (Some(a), Some(b)) => Window {
                start: a.start(),
                end: b.end(),
            },
        };
        // A reversed or empty range in a hand-written URL is read the right way round.
        if w.end > w.start {
            Some(w)
        } else if w.start > w.end {
            Some(Window {
                start: w.end,
                end: w.start,
            })
        } else {
            None
        }
    }
}

enum Bound {
    Day(NaiveDate),
    At(NaiveDateTime),
}

impl Bound {
    fn start(&self) -> DateTime<Utc> {
        match self {
            Bound::Day(d) => helsinki::start_of_day(*d),
            Bound::At(t) => helsinki::from_local(*t),
        }
    }
    /// A day as the end of a range is inclusive; a time is exclusive.
    fn end(&self) -> DateTime<Utc> {
        match self {
            Bound::Day(d) => helsinki::start_of_day(d.succ_opt().unwrap_or(*d)),
            Bound::At(t) => helsinki::from_local(*t),
        }
    }
}

fn parse_bound(s: &str) -> Option<Bound> {
    let s = s.trim();
    if let Some(d) = text::parse_date(s) {
        return (1900..=2200).contains(&d.year()).then_some(Bound::Day(d));
    }
    // A local time: one with an offset is not what `to_params` writes.
    match text::parse_date_time(s) {
        Some((t, None)) if (1900..=2200).contains(&t.year()) => Some(Bound::At(t)),
        _ => None,
    }
}

/// The one-click windows offered next to the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    Today,
    Tomorrow,
    Weekend,
    Next7Days,
    ThisMonth,
}

impl Preset {
    pub const ALL: [Preset; 5] = [
        Preset::Today,
        Preset::Tomorrow,
        Preset::Weekend,
        Preset::Next7Days,
        Preset::ThisMonth,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Preset::Today => "today",
            Preset::Tomorrow => "tomorrow",
            Preset::Weekend => "weekend",
            Preset::Next7Days => "next7",
            Preset::ThisMonth => "month",
        }
    }

    /// The window on `today` (a Helsinki date).
    pub fn window(self, today: NaiveDate) -> Window {
        let day = |n: i64| today + Duration::days(n);
        match self {
            Preset::Today => Window::days(today, today),
            Preset::Tomorrow => Window::days(day(1), day(1)),
            Preset::Weekend => {
                // Friday evening to Sunday is "the weekend" in Finnish event listings; keep it
                // to Saturday and Sunday, and on a Sunday it is today.
                let wd = today.weekday().num_days_from_monday() as i64; // Mon 0 … Sun 6
                let sat = if wd == 6 { day(-1) } else { day(5 - wd) };
                let from = sat.max(today);
                Window::days(from, sat + Duration::days(1))
            }
            Preset::Next7Days => Window::days(today, day(6)),
            Preset::ThisMonth => {
                let next_month = if today.month() == 12 {
                    NaiveDate::from_ymd_opt(today.year() + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(today.year(), today.month() + 1, 1)
                }
                .expect("valid date");
                Window::days(today, next_month.pred_opt().expect("valid date"))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_day_window_spans_local_midnights_even_across_dst() {
        let w = Window::days(d(2026, 10, 25), d(2026, 10, 25));
        assert_eq!(w.start.to_rfc3339(), "2026-10-24T21:00:00+00:00");
        assert_eq!(w.end.to_rfc3339(), "2026-10-25T22:00:00+00:00");
        assert_eq!((w.end - w.start).num_hours(), 25);
        assert_eq!(w.day_range(), (d(2026, 10, 25), d(2026, 10, 25)));
    }

    #[test]
    fn presets_on_a_saturday_in_november() {
        let sat = d(2026, 11, 28);
        assert_eq!(Preset::Today.window(sat).day_range(), (sat, sat));
        assert_eq!(
            Preset::Tomorrow.window(sat).day_range(),
            (d(2026, 11, 29), d(2026, 11, 29))
        );
        assert_eq!(
            Preset::Weekend.window(sat).day_range(),
            (sat, d(2026, 11, 29))
        );
        assert_eq!(
            Preset::Weekend.window(d(2026, 11, 29)).day_range(),
            (d(2026, 11, 29), d(2026, 11, 29))
        );
        assert_eq!(
            Preset::Weekend.window(d(2026, 11, 25)).day_range(),
            (d(2026, 11, 28), d(2026, 11, 29))
        );
        assert_eq!(
            Preset::Next7Days.window(sat).day_range(),
            (sat, d(2026, 12, 4))
        );
        assert_eq!(
            Preset::ThisMonth.window(d(2026, 12, 10)).day_range(),
            (d(2026, 12, 10), d(2026, 12, 31))
        );
    }

    #[test]
    fn params_round_trip_as_dates_or_local_times() {
        let today = d(2026, 11, 28);
        let w = Window::days(d(2026, 12, 1), d(2026, 12, 7));
        let (f, t) = w.to_params();
        assert_eq!((f.as_str(), t.as_str()), ("2026-12-01", "2026-12-07"));
        assert_eq!(Window::from_params(Some(&f), Some(&t), today), Some(w));

        let evening =
            Window::from_params(Some("2026-12-01T18:00"), Some("2026-12-01T23:30"), today).unwrap();
        assert_eq!(evening.start.to_rfc3339(), "2026-12-01T16:00:00+00:00");
        let (f, t) = evening.to_params();
        assert_eq!(
            Window::from_params(Some(&f), Some(&t), today),
            Some(evening)
        );
    }

    #[test]
    fn malformed_or_reversed_params_are_ignored_or_straightened() {
        let today = d(2026, 11, 28);
        assert_eq!(Window::from_params(Some("tomorrow"), None, today), None);
        assert_eq!(
            Window::from_params(Some("2026-13-01"), Some("x"), today),
            None
        );
        let rev = Window::from_params(Some("2026-12-07"), Some("2026-12-01"), today).unwrap();
        assert_eq!(rev.day_range(), (d(2026, 12, 1), d(2026, 12, 7)));
        let open = Window::from_params(None, Some("2026-12-03"), today).unwrap();
        assert_eq!(open.day_range(), (today, d(2026, 12, 3)));
    }

    #[test]
    fn overlap_counts_spans_that_touch_and_points_inside() {
        let w = Window::days(d(2026, 12, 1), d(2026, 12, 1));
        let at = |h: i64| w.start + Duration::hours(h);
        assert!(w.overlaps(at(10), at(10)));
        assert!(!w.overlaps(at(24), at(24)), "next midnight is outside");
        assert!(w.overlaps(at(-100), at(1)), "a span that ends inside");
        assert!(
            !w.overlaps(at(-100), at(0)),
            "a span that ends at the start"
        );
        assert!(w.overlaps(at(-100), at(100)), "a span covering the window");
    }

    #[test]
    fn shifting_by_days_keeps_local_midnights_over_dst() {
        let w = Window::days(d(2026, 10, 24), d(2026, 10, 24));
        let next = w.shift_days(1);
        assert_eq!(next.day_range(), (d(2026, 10, 25), d(2026, 10, 25)));
        assert!(next.is_whole_days());
    }
}
