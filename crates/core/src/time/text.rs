//! Dates and times as text: reading the shapes that feeds and the app's addresses write, and
//! writing the few fixed shapes that iCalendar and the addresses use.
//!
//! Written by hand because chrono's format-string machinery (strftime items, its generic parser
//! and formatter) cost the app's download 31 kB of wasm (13 kB gzip) for a handful of fixed
//! shapes.
//! chrono still does the calendar arithmetic; only the text is ours. The tests hold the reader
//! to what chrono's parser accepted before.

use chrono::{Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

/// A date, "2026-12-05". The year has four digits; the month and the day may have one
/// ("2026-1-5"), as CMS exports sometimes write them.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let mut c = Cursor::new(s);
    let d = c.date()?;
    c.done().then_some(d)
}

/// A date and a clock time, optionally with its UTC offset: "2026-12-05T19:00:00+02:00".
///
/// - `T`, `t` or spaces between the date and the time (chrono's parser, which this replaces,
///   took any run of whitespace there, even none: "2026-12-0519:00" is still read);
/// - hours and minutes, then optionally seconds ("60" is a leap second) and a fraction of any
///   length (nanoseconds are kept);
/// - the offset, when there is one, after optional spaces: `Z`, `z`, `+02:00`, `+0200` or
///   `+02`, with `-` or the minus sign `−` for zones west of UTC, up to ±23:59.
///
/// The time is the local time of the offset; without one, the caller decides what it means.
pub fn parse_date_time(s: &str) -> Option<(NaiveDateTime, Option<FixedOffset>)> {
    let mut c = Cursor::new(s);
    let date = c.date()?;
    c.eat_any(b"Tt");
    c.skip_spaces();
    let time = c.time()?;
    c.skip_spaces();
    let offset = if c.done() { None } else { Some(c.offset()?) };
    c.done().then_some((date.and_time(time), offset))
}

/// "20261205": an iCalendar date.
pub fn compact_date(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// "20261205T190000": an iCalendar date-time (local, or UTC with a `Z` after it).
pub fn compact_date_time(t: NaiveDateTime) -> String {
    format!(
        "{}T{:02}{:02}{:02}",
        compact_date(t.date()),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// "2026-12-05T19:00": a local time to the minute, as the app's addresses write it.
pub fn date_time_to_minute(t: NaiveDateTime) -> String {
    format!("{}T{:02}:{:02}", t.date(), t.hour(), t.minute())
}

/// "5.12.2026": a date as Finnish (and Swedish) text writes it.
pub fn finnish_date(d: NaiveDate) -> String {
    format!("{}.{}.{}", d.day(), d.month(), d.year())
}

/// Reads left to right through ASCII text; anything else stops it.
struct Cursor<'a> {
    rest: &'a [u8],
}

impl<'a> Cursor<'a> {
    fn new(s: &'a str) -> Self {
        Cursor { rest: s.as_bytes() }
    }

    fn done(&self) -> bool {
        self.rest.is_empty()
    }

    fn eat(&mut self, c: u8) -> bool {
        self.eat_any(&[c])
    }

    fn eat_any(&mut self, set: &[u8]) -> bool {
        match self.rest.first() {
            Some(b) if set.contains(b) => {
                self.rest = &self.rest[1..];
                true
            }
            _ => false,
        }
    }

    fn skip_spaces(&mut self) {
        while self.eat_any(b" \t\r\n") {}
    }

    fn eat_str(&mut self, s: &str) -> bool {
        match self.rest.strip_prefix(s.as_bytes()) {
            Some(rest) => {
                self.rest = rest;
                true
            }
            None => false,
        }
    }

    /// `min` to `max` digits.
    fn number(&mut self, min: usize, max: usize) -> Option<u32> {
        let n = self
            .rest
            .iter()
            .take(max)
            .take_while(|b| b.is_ascii_digit())
            .count();
        if n < min {
            return None;
        }
        let value = self.rest[..n]
            .iter()
            .fold(0u32, |v, b| v * 10 + u32::from(b - b'0'));
        self.rest = &self.rest[n..];
        Some(value)
    }

    fn date(&mut self) -> Option<NaiveDate> {
        let y = self.number(4, 4)?;
        self.eat(b'-').then_some(())?;
        let m = self.number(1, 2)?;
        self.eat(b'-').then_some(())?;
        let d = self.number(1, 2)?;
        NaiveDate::from_ymd_opt(y as i32, m, d)
    }

    fn time(&mut self) -> Option<NaiveTime> {
        let h = self.number(1, 2)?;
        self.eat(b':').then_some(())?;
        let m = self.number(1, 2)?;
        let (mut s, mut nano) = (0, 0);
        if self.eat(b':') {
            s = self.number(1, 2)?;
            if self.eat(b'.') {
                nano = self.fraction()?;
            }
        }
        // chrono keeps a leap second as the 59th with a second's worth of nanoseconds.
        if s == 60 {
            (s, nano) = (59, nano + 1_000_000_000);
        }
        NaiveTime::from_hms_nano_opt(h, m, s, nano)
    }

    /// The digits after a decimal point, as nanoseconds: digits past the ninth are read and
    /// dropped.
    fn fraction(&mut self) -> Option<u32> {
        let digits = self.rest.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        let kept = digits.min(9);
        let value = self.number(kept, kept)? * 10u32.pow((9 - kept) as u32);
        self.rest = &self.rest[digits - kept..];
        Some(value)
    }

    fn offset(&mut self) -> Option<FixedOffset> {
        if self.eat_any(b"Zz") {
            return FixedOffset::east_opt(0);
        }
        let sign = if self.eat(b'+') {
            1
        } else if self.eat(b'-') || self.eat_str("\u{2212}") {
            -1
        } else {
            return None;
        };
        let h = self.number(2, 2)?;
        let colon = self.eat(b':');
        let m = match self.number(2, 2) {
            Some(m) => m,
            None if !colon => 0,
            None => return None,
        };
        if h > 23 || m > 59 {
            return None;
        }
        FixedOffset::east_opt(sign * (h * 3600 + m * 60) as i32)
    }
}

#[cfg(test)]
// The tests compare with chrono's own parsers and formatter, which clippy.toml keeps out of
// the app.
#[allow(clippy::disallowed_methods)]
mod tests {
    use super::*;
    use chrono::{DateTime, Utc};

    fn local(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f").unwrap()
    }

    /// How the feeds' reader turned text into an instant or a day with chrono's parsers, before
    /// this module: the reading the new one must keep.
    fn chrono_reading(s: &str) -> Option<Result<DateTime<FixedOffset>, NaiveDateTime>> {
        if let Ok(t) = DateTime::parse_from_rfc3339(s) {
            return Some(Ok(t));
        }
        for fmt in [
            "%Y-%m-%dT%H:%M%:z",
            "%Y-%m-%dT%H:%M:%S%z",
            "%Y-%m-%d %H:%M:%S%:z",
        ] {
            if let Ok(t) = DateTime::parse_from_str(s, fmt) {
                return Some(Ok(t));
            }
        }
        for fmt in [
            "%Y-%m-%dT%H:%M:%S%.f",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M:%S",
            "%Y-%m-%d %H:%M",
        ] {
            if let Ok(l) = NaiveDateTime::parse_from_str(s, fmt) {
                return Some(Err(l));
            }
        }
        None
    }

    fn our_reading(s: &str) -> Option<Result<DateTime<FixedOffset>, NaiveDateTime>> {
        let (t, offset) = parse_date_time(s)?;
        Some(match offset {
            Some(o) => Ok(t.and_local_timezone(o).single().unwrap()),
            None => Err(t),
        })
    }

    const DATES: [(&str, bool); 8] = [
        ("2026-12-05", true),
        ("2026-1-5", true),
        ("2024-02-29", true),
        ("0999-01-01", true),
        ("2026-02-29", false),
        ("2026-13-01", false),
        ("2026-00-10", false),
        ("2026-12-5x", false),
    ];
    const SEPARATORS: [(&str, bool); 6] = [
        ("T", true),
        ("t", true),
        (" ", true),
        ("  ", true),
        ("T ", true),
        ("_", false),
    ];
    const TIMES: [(&str, bool); 14] = [
        ("19:00", true),
        ("9:05", true),
        ("19:00:00", true),
        ("19:00:7", true),
        ("19:00:00.5", true),
        ("19:00:00.123456789123", true),
        ("23:59:60", true),
        ("23:59:60.25", true),
        ("19:00:00.", false),
        ("24:00", false),
        ("19:60", false),
        ("19", false),
        ("19:00:00:00", false),
        ("1900", false),
    ];
    const OFFSETS: [(&str, bool); 16] = [
        ("", true),
        ("Z", true),
        ("z", true),
        ("+02:00", true),
        ("+0200", true),
        ("-05:30", true),
        ("-0530", true),
        ("+02", true),
        ("\u{2212}02:00", true),
        (" +02:00", true),
        ("+24:00", false),
        ("+02:60", false),
        ("+2:00", false),
        ("+02:0", false),
        ("UTC", false),
        ("+02:00x", false),
    ];

    /// Every combination of the parts above, and whether all its parts are right.
    fn corpus() -> Vec<(String, bool)> {
        let mut out = Vec::new();
        for (d, d_ok) in DATES {
            for (sep, sep_ok) in SEPARATORS {
                for (t, t_ok) in TIMES {
                    for (o, o_ok) in OFFSETS {
                        out.push((format!("{d}{sep}{t}{o}"), d_ok && sep_ok && t_ok && o_ok));
                    }
                }
            }
        }
        out
    }

    #[test]
    fn every_time_chrono_read_is_read_the_same() {
        let mut checked = 0;
        // The corpus, and the same without a separator, which chrono also read.
        let glued = DATES
            .iter()
            .flat_map(|(d, _)| TIMES.iter().map(move |(t, _)| format!("{d}{t}")));
        for s in corpus().into_iter().map(|(s, _)| s).chain(glued) {
            if let Some(before) = chrono_reading(&s) {
                assert_eq!(our_reading(&s), Some(before), "{s:?}");
                checked += 1;
            }
        }
        // The corpus must exercise the comparison, not pass by reading nothing.
        assert!(checked > 500, "{checked} strings read");
    }

    #[test]
    fn reads_every_right_combination_and_no_wrong_one() {
        // Right combinations that chrono refused are read too: a time to the minute with an
        // offset after a space, a fraction before an offset, an offset without its minutes.
        for (s, right) in corpus() {
            assert_eq!(our_reading(&s).is_some(), right, "{s:?}");
        }
        assert!(chrono_reading("2026-12-05 19:00+02:00").is_none());
        assert!(our_reading("2026-12-05 19:00+02:00").is_some());
    }

    #[test]
    fn dates_with_one_digit_months_and_days() {
        assert_eq!(
            parse_date("2026-12-05"),
            NaiveDate::from_ymd_opt(2026, 12, 5)
        );
        assert_eq!(parse_date("2026-1-5"), NaiveDate::from_ymd_opt(2026, 1, 5));
        assert_eq!(
            parse_date("2024-02-29"),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        for bad in [
            "2026-02-29",
            "26-12-05",
            "2026-12-05T",
            "2026-12",
            "2026/12/05",
            "",
            "2026-123-01",
            " 2026-12-05",
            "٢٠٢٦-12-05",
        ] {
            assert_eq!(parse_date(bad), None, "{bad:?}");
        }
        for s in [
            "2026-12-05",
            "2026-1-5",
            "2024-02-29",
            "2026-02-29",
            "2026-13-1",
        ] {
            assert_eq!(
                parse_date(s),
                NaiveDate::parse_from_str(s, "%Y-%m-%d").ok(),
                "{s:?}"
            );
        }
    }

    #[test]
    fn offsets_in_every_spelling() {
        let at = |s: &str| {
            let (t, o) = parse_date_time(s).unwrap();
            t.and_local_timezone(o.unwrap())
                .single()
                .unwrap()
                .with_timezone(&Utc)
        };
        let utc = DateTime::parse_from_rfc3339("2026-12-05T17:00:00Z").unwrap();
        for s in [
            "2026-12-05T19:00:00+02:00",
            "2026-12-05T19:00+02:00",
            "2026-12-05 19:00:00+0200",
            "2026-12-05T19:00+02",
            "2026-12-05T17:00:00Z",
            "2026-12-05t17:00:00z",
            "2026-12-05T12:00:00\u{2212}05:00",
        ] {
            assert_eq!(at(s), utc, "{s:?}");
        }
        for bad in [
            "2026-12-05T19:00+24:00",
            "2026-12-05T19:00+02:60",
            "2026-12-05T19:00+02 00",
        ] {
            assert_eq!(parse_date_time(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn fractions_and_leap_seconds() {
        let (t, _) = parse_date_time("2026-12-05T19:00:00.123456789999").unwrap();
        assert_eq!(t, local("2026-12-05T19:00:00.123456789"));
        let (t, _) = parse_date_time("2026-12-05T19:00:00.5").unwrap();
        assert_eq!(t.nanosecond(), 500_000_000);
        let (t, _) = parse_date_time("2016-12-31T23:59:60Z").unwrap();
        assert_eq!(t.second(), 59);
        assert_eq!(t.nanosecond(), 1_000_000_000);
        assert_eq!(parse_date_time("2026-12-05T19:00:00."), None);
    }

    #[test]
    fn writes_the_fixed_shapes() {
        let t = local("2026-01-05T09:07:03");
        assert_eq!(compact_date(t.date()), "20260105");
        assert_eq!(compact_date_time(t), "20260105T090703");
        assert_eq!(date_time_to_minute(t), "2026-01-05T09:07");
        assert_eq!(finnish_date(t.date()), "5.1.2026");
        for (ours, fmt) in [
            (compact_date_time(t), "%Y%m%dT%H%M%S"),
            (date_time_to_minute(t), "%Y-%m-%dT%H:%M"),
            (finnish_date(t.date()), "%-d.%-m.%Y"),
        ] {
            assert_eq!(ours, t.format(fmt).to_string());
        }
    }
}
