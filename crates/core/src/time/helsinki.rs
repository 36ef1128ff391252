//! Europe/Helsinki without a time-zone database.
//!
//! Finland keeps EET (UTC+2) and, under EU Directive 2000/84/EC, EEST (UTC+3) from 01:00 UTC on
//! the last Sunday of March to 01:00 UTC on the last Sunday of October. That rule is a dozen
//! lines; a full tz database crate would add hundreds of kilobytes to the wasm bundle for the
//! one zone we show. Events before 1981, when Finland began observing DST, are not a concern here.

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};

const EET: i32 = 2 * 3600;
const EEST: i32 = 3 * 3600;

/// The last Sunday of a month of a year.
fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let first_of_next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }
    .expect("valid date");
    let last = first_of_next.pred_opt().expect("valid date");
    let back = last.weekday().num_days_from_sunday();
    last - Duration::days(back.into())
}

/// The instants (UTC) when summer time starts and ends in a year. Every time shown, filtered or
/// read from a feed asks this, nearly always for the same year as the call before: the last
/// answer is kept (per thread; the app has one) instead of redoing the calendar arithmetic.
fn dst_bounds(year: i32) -> (DateTime<Utc>, DateTime<Utc>) {
    type Bounds = (i32, DateTime<Utc>, DateTime<Utc>);
    thread_local!(static LAST: std::cell::Cell<Option<Bounds>> = const { std::cell::Cell::new(None) });
    if let Some((y, start, end)) = LAST.with(std::cell::Cell::get) {
        if y == year {
            return (start, end);
        }
    }
    let at_01_utc = |d: NaiveDate| Utc.from_utc_datetime(&d.and_hms_opt(1, 0, 0).expect("valid"));
    let (start, end) = (
        at_01_utc(last_sunday(year, 3)),
        at_01_utc(last_sunday(year, 10)),
    );
    LAST.with(|c| c.set(Some((year, start, end))));
    (start, end)
}

/// Helsinki's UTC offset at an instant.
pub fn offset_at(t: DateTime<Utc>) -> FixedOffset {
    let (start, end) = dst_bounds(t.year());
    let secs = if t >= start && t < end { EEST } else { EET };
    FixedOffset::east_opt(secs).expect("valid offset")
}

/// An instant as Helsinki wall-clock time, with its offset.
pub fn to_local(t: DateTime<Utc>) -> DateTime<FixedOffset> {
    t.with_timezone(&offset_at(t))
}

/// A Helsinki wall-clock time as an instant. Deterministic at the two DST changes:
/// - a time that does not exist (03:00–03:59 on the last Sunday of March) is read with the
///   winter offset, so it lands an hour later on the clock (03:30 becomes 04:30 EEST), as
///   browsers and most calendars do;
/// - a time that exists twice (03:00–03:59 on the last Sunday of October) is the first of the
///   two, the summer-time one.
pub fn from_local(local: NaiveDateTime) -> DateTime<Utc> {
    // Try the summer offset first so ambiguous times resolve to the earlier instant.
    for secs in [EEST, EET] {
        let utc = Utc.from_utc_datetime(&(local - Duration::seconds(secs.into())));
        if offset_at(utc).local_minus_utc() == secs {
            return utc;
        }
    }
    // Only reached inside the spring gap: neither offset round-trips.
    Utc.from_utc_datetime(&(local - Duration::seconds(EET.into())))
}

/// Local midnight at the start of a Helsinki day.
pub fn start_of_day(d: NaiveDate) -> DateTime<Utc> {
    from_local(d.and_hms_opt(0, 0, 0).expect("midnight exists"))
}

/// The Helsinki calendar day of an instant.
pub fn local_date(t: DateTime<Utc>) -> NaiveDate {
    to_local(t).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }
    fn local(s: &str) -> NaiveDateTime {
        super::super::text::parse_date_time(s).unwrap().0
    }

    #[test]
    fn winter_is_utc_plus_2_and_summer_utc_plus_3() {
        assert_eq!(
            to_local(utc("2026-12-05T17:00:00Z")).to_rfc3339(),
            "2026-12-05T19:00:00+02:00"
        );
        assert_eq!(
            to_local(utc("2026-07-01T12:00:00Z")).to_rfc3339(),
            "2026-07-01T15:00:00+03:00"
        );
    }

    #[test]
    fn the_kept_answer_is_never_another_years() {
        // 28 October is after summer time in 2026 (it ended on the 25th) and during it in
        // 2027 (it ends on the 31st): alternating between the years must not mix them up.
        for _ in 0..2 {
            assert_eq!(
                offset_at(utc("2026-10-28T12:00:00Z")).local_minus_utc(),
                EET
            );
            assert_eq!(
                offset_at(utc("2027-10-28T12:00:00Z")).local_minus_utc(),
                EEST
            );
        }
    }

    #[test]
    fn last_sundays_are_found() {
        assert_eq!(
            last_sunday(2026, 3),
            NaiveDate::from_ymd_opt(2026, 3, 29).unwrap()
        );
        assert_eq!(
            last_sunday(2026, 10),
            NaiveDate::from_ymd_opt(2026, 10, 25).unwrap()
        );
        assert_eq!(
            last_sunday(2027, 3),
            NaiveDate::from_ymd_opt(2027, 3, 28).unwrap()
        );
        assert_eq!(
            last_sunday(2027, 10),
            NaiveDate::from_ymd_opt(2027, 10, 31).unwrap()
        );
    }

    #[test]
    fn spring_change_at_03_local_jumps_to_04() {
        // 00:59:59 UTC is still 02:59:59 EET; one second later it is 04:00 EEST.
        assert_eq!(
            to_local(utc("2026-03-29T00:59:59Z")).to_rfc3339(),
            "2026-03-29T02:59:59+02:00"
        );
        assert_eq!(
            to_local(utc("2026-03-29T01:00:00Z")).to_rfc3339(),
            "2026-03-29T04:00:00+03:00"
        );
    }

    #[test]
    fn autumn_change_at_04_local_goes_back_to_03() {
        assert_eq!(
            to_local(utc("2026-10-25T00:59:59Z")).to_rfc3339(),
            "2026-10-25T03:59:59+03:00"
        );
        assert_eq!(
            to_local(utc("2026-10-25T01:00:00Z")).to_rfc3339(),
            "2026-10-25T03:00:00+02:00"
        );
    }

    #[test]
    fn nonexistent_local_time_is_moved_forward_an_hour() {
        let t = from_local(local("2026-03-29T03:30"));
        assert_eq!(to_local(t).to_rfc3339(), "2026-03-29T04:30:00+03:00");
    }

    #[test]
    fn ambiguous_local_time_is_the_earlier_summer_time_instant() {
        let t = from_local(local("2026-10-25T03:30"));
        assert_eq!(t, utc("2026-10-25T00:30:00Z"));
    }

    #[test]
    fn ordinary_local_times_round_trip() {
        for s in ["2026-01-15T10:00", "2026-06-21T23:59", "2027-12-31T00:00"] {
            let l = local(s);
            assert_eq!(to_local(from_local(l)).naive_local(), l);
        }
    }

    #[test]
    fn start_of_day_honours_the_offset() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
        assert_eq!(start_of_day(d), utc("2026-12-04T22:00:00Z"));
        assert_eq!(local_date(utc("2026-12-04T22:30:00Z")), d);
    }
}
