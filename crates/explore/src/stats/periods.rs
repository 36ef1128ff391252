//! The rows of the statistics' time table: calendar months, or ISO weeks (Monday to Sunday) when
//! the window is short enough that months would be one or two bars. Always Helsinki days.

use chrono::{Datelike, Duration, NaiveDate};

/// Windows up to this many days are counted by week.
pub const WEEKS_UP_TO_DAYS: i64 = 62;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    Month,
    Week,
}

/// A run of whole days, `first` to `last` inclusive: a month or a week, cut to the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub granularity: Granularity,
}

impl Period {
    /// "2027-01" for a month, "2027-W03" for an ISO week (its ISO year, which at New Year can
    /// differ from the calendar year).
    pub fn key(&self) -> String {
        match self.granularity {
            Granularity::Month => format!("{:04}-{:02}", self.first.year(), self.first.month()),
            Granularity::Week => {
                let w = self.first.iso_week();
                format!("{:04}-W{:02}", w.year(), w.week())
            }
        }
    }

    pub fn days(&self) -> i64 {
        (self.last - self.first).num_days() + 1
    }

    /// How many of the days `a..=b` fall in this period.
    pub fn overlap_days(&self, a: NaiveDate, b: NaiveDate) -> i64 {
        ((b.min(self.last) - a.max(self.first)).num_days() + 1).max(0)
    }
}

/// The periods covering `first..=last` in order, the first and last cut to the range.
pub fn split(first: NaiveDate, last: NaiveDate) -> Vec<Period> {
    let (first, last) = (first.min(last), first.max(last));
    let granularity = if (last - first).num_days() < WEEKS_UP_TO_DAYS {
        Granularity::Week
    } else {
        Granularity::Month
    };
    let mut out = Vec::new();
    let mut start = first;
    while start <= last {
        let natural_end = match granularity {
            Granularity::Week => {
                start + Duration::days(6 - i64::from(start.weekday().num_days_from_monday()))
            }
            Granularity::Month => {
                let (y, m) = (start.year(), start.month());
                let next = if m == 12 {
                    NaiveDate::from_ymd_opt(y + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(y, m + 1, 1)
                };
                next.map_or(last, |n| n - Duration::days(1))
            }
        };
        let end = natural_end.min(last);
        out.push(Period {
            first: start,
            last: end,
            granularity,
        });
        match end.succ_opt() {
            Some(n) => start = n,
            None => break,
        }
    }
    out
}

/// The index of the period holding `day`, or None outside them all.
pub fn index_of(periods: &[Period], day: NaiveDate) -> Option<usize> {
    let i = periods.partition_point(|p| p.last < day);
    periods.get(i).filter(|p| p.first <= day).map(|_| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_year_is_twelve_months_and_a_leap_february_has_29_days() {
        let p = split(d(2028, 1, 1), d(2028, 12, 31));
        assert_eq!(p.len(), 12);
        assert_eq!(p[1].key(), "2028-02");
        assert_eq!(p[1].days(), 29);
        assert_eq!(p[11].last, d(2028, 12, 31));
        assert_eq!(p.iter().map(Period::days).sum::<i64>(), 366);
    }

    #[test]
    fn a_partial_range_cuts_its_first_and_last_month() {
        let p = split(d(2027, 1, 15), d(2027, 6, 10));
        assert_eq!(p.len(), 6);
        assert_eq!((p[0].first, p[0].last), (d(2027, 1, 15), d(2027, 1, 31)));
        assert_eq!(p[5].days(), 10);
    }

    #[test]
    fn short_windows_go_by_iso_week_named_by_iso_year() {
        // 28.12.2026 is a Monday; 1.1.2027 falls in 2026's week 53.
        let p = split(d(2026, 12, 30), d(2027, 1, 20));
        assert_eq!(p[0].granularity, Granularity::Week);
        let keys: Vec<_> = p.iter().map(Period::key).collect();
        assert_eq!(keys, ["2026-W53", "2027-W01", "2027-W02", "2027-W03"]);
        assert_eq!((p[0].first, p[0].last), (d(2026, 12, 30), d(2027, 1, 3)));
        assert_eq!(p[3].last, d(2027, 1, 20));
    }

    #[test]
    fn days_are_found_in_their_period_and_overlaps_count_whole_days() {
        let p = split(d(2027, 1, 1), d(2027, 12, 31));
        assert_eq!(index_of(&p, d(2027, 3, 31)), Some(2));
        assert_eq!(index_of(&p, d(2027, 4, 1)), Some(3));
        assert_eq!(index_of(&p, d(2026, 12, 31)), None);
        assert_eq!(index_of(&p, d(2028, 1, 1)), None);
        assert_eq!(p[2].overlap_days(d(2027, 3, 30), d(2027, 4, 2)), 2);
        assert_eq!(p[3].overlap_days(d(2027, 3, 30), d(2027, 4, 2)), 2);
        assert_eq!(p[5].overlap_days(d(2027, 3, 30), d(2027, 4, 2)), 0);
    }
}
