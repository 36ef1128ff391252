//! Calendar units in Helsinki time (hours, days, ISO weeks, months, years) and the instants
//! where they begin. Days are found by local date, so a 23- or 25-hour day at a DST change is
//! exactly as long as it really is.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

use kulttuurikartta_core::time::helsinki;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    Hours(u32),
    Day,
    Week,
    Months(u32),
    Year,
}

impl Unit {
    /// Nominal length, for choosing a unit by the pixels it would get.
    pub fn nominal_secs(self) -> f64 {
        match self {
            Unit::Hours(n) => f64::from(n) * 3600.0,
            Unit::Day => 86_400.0,
            Unit::Week => 7.0 * 86_400.0,
            Unit::Months(n) => f64::from(n) * 30.44 * 86_400.0,
            Unit::Year => 365.25 * 86_400.0,
        }
    }

    /// The start of the unit containing `t`.
    pub fn floor(self, t: DateTime<Utc>) -> DateTime<Utc> {
        let local = helsinki::to_local(t).naive_local();
        let d = local.date();
        match self {
            Unit::Hours(n) => {
                // Finland's offsets are whole hours, so local hours start on UTC hours.
                use chrono::Timelike;
                let h = local.hour() - local.hour() % n;
                helsinki::from_local(d.and_hms_opt(h, 0, 0).expect("valid hour"))
            }
            Unit::Day => helsinki::start_of_day(d),
            Unit::Week => helsinki::start_of_day(
                d - Duration::days(d.weekday().num_days_from_monday().into()),
            ),
            Unit::Months(n) => {
                let m0 = d.month0() - d.month0() % n;
                helsinki::start_of_day(
                    NaiveDate::from_ymd_opt(d.year(), m0 + 1, 1).expect("valid month"),
                )
            }
            Unit::Year => {
                helsinki::start_of_day(NaiveDate::from_ymd_opt(d.year(), 1, 1).expect("valid year"))
            }
        }
    }

    /// The start of the next unit after the one starting at `start`.
    pub fn next(self, start: DateTime<Utc>) -> DateTime<Utc> {
        let d = helsinki::local_date(start);
        match self {
            Unit::Hours(n) => {
                // Step on the local clock grid (00, 03, 06…), so a DST change neither repeats
                // nor skips a label.
                use chrono::Timelike;
                let l = helsinki::to_local(start).naive_local();
                let base = l
                    .date()
                    .and_hms_opt(l.hour() - l.hour() % n, 0, 0)
                    .expect("valid hour");
                helsinki::from_local(base + Duration::hours(n.into()))
                    .max(start + Duration::minutes(1))
            }
            Unit::Day => helsinki::start_of_day(d + Duration::days(1)),
            Unit::Week => helsinki::start_of_day(d + Duration::days(7)),
            Unit::Months(n) => {
                let total = d.year() * 12 + d.month0() as i32 + n as i32;
                helsinki::start_of_day(
                    NaiveDate::from_ymd_opt(
                        total.div_euclid(12),
                        total.rem_euclid(12) as u32 + 1,
                        1,
                    )
                    .expect("valid month"),
                )
            }
            Unit::Year => helsinki::start_of_day(
                NaiveDate::from_ymd_opt(d.year() + 1, 1, 1).expect("valid year"),
            ),
        }
    }

    /// Starts of the units overlapping `[from, to)`, the first one at or before `from`.
    pub fn starts(self, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<DateTime<Utc>> {
        let mut out = Vec::new();
        let mut t = self.floor(from);
        while t < to && out.len() < 10_000 {
            out.push(t);
            t = self.next(t);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn days_across_both_dst_changes_have_23_and_25_hours() {
        let from = Utc.with_ymd_and_hms(2026, 3, 28, 12, 0, 0).unwrap();
        let to = Utc.with_ymd_and_hms(2026, 3, 30, 12, 0, 0).unwrap();
        let d = Unit::Day.starts(from, to);
        let hours: Vec<i64> = d.windows(2).map(|w| (w[1] - w[0]).num_hours()).collect();
        assert_eq!(hours, [24, 23], "28.3. then the spring-forward day");
        let from = Utc.with_ymd_and_hms(2026, 10, 24, 12, 0, 0).unwrap();
        let to = Utc.with_ymd_and_hms(2026, 10, 26, 12, 0, 0).unwrap();
        let d = Unit::Day.starts(from, to);
        let hours: Vec<i64> = d.windows(2).map(|w| (w[1] - w[0]).num_hours()).collect();
        assert_eq!(hours, [24, 25], "24.10. then the fall-back day");
    }

    #[test]
    fn weeks_start_on_monday_and_months_roll_over_the_year() {
        let t = Utc.with_ymd_and_hms(2026, 12, 31, 12, 0, 0).unwrap();
        let w = helsinki::to_local(Unit::Week.floor(t));
        assert_eq!(w.date_naive().to_string(), "2026-12-28");
        let m = Unit::Months(1).next(Unit::Months(1).floor(t));
        assert_eq!(
            helsinki::to_local(m).to_rfc3339(),
            "2027-01-01T00:00:00+02:00"
        );
        let q = Unit::Months(3).floor(t);
        assert_eq!(helsinki::to_local(q).date_naive().to_string(), "2026-10-01");
    }

    #[test]
    fn three_hour_steps_keep_the_local_grid_over_dst() {
        let from = Utc.with_ymd_and_hms(2026, 10, 24, 18, 0, 0).unwrap();
        let to = Utc.with_ymd_and_hms(2026, 10, 25, 12, 0, 0).unwrap();
        let hours: Vec<u32> = Unit::Hours(3)
            .starts(from, to)
            .iter()
            .map(|t| {
                use chrono::Timelike;
                helsinki::to_local(*t).hour()
            })
            .collect();
        // 03:00 summer time happens, then the clock falls back: 03:00 again is not a new step.
        assert_eq!(hours, [21, 0, 3, 6, 9, 12]);
    }
}
