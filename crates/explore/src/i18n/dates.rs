//! Dates and times in each language's own style, always in Helsinki time.
//! Finnish: "la 5.12.2026 klo 19.00"; Swedish: "lör 5.12.2026 kl. 19.00";
//! English: "Sat 5 Dec 2026, 19:00".

use chrono::{Datelike, NaiveDate, Timelike};

use kulttuurikartta_core::lang::Lang;
use kulttuurikartta_core::time::{helsinki, When};

fn weekday_abbr(lang: Lang, d: NaiveDate) -> &'static str {
    let i = d.weekday().num_days_from_monday() as usize;
    match lang {
        Lang::Fi => ["ma", "ti", "ke", "to", "pe", "la", "su"][i],
        Lang::Sv => ["mån", "tis", "ons", "tors", "fre", "lör", "sön"][i],
        Lang::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][i],
    }
}

fn month_abbr_en(m: u32) -> &'static str {
    [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ][(m - 1) as usize]
}

/// A day with its weekday.
pub fn format_date(lang: Lang, d: NaiveDate) -> String {
    let wd = weekday_abbr(lang, d);
    match lang {
        Lang::Fi | Lang::Sv => format!("{wd} {}.{}.{}", d.day(), d.month(), d.year()),
        Lang::En => format!("{wd} {} {} {}", d.day(), month_abbr_en(d.month()), d.year()),
    }
}

/// The month's name, for timeline context labels: "joulukuu", "december", "December".
pub fn month_name(lang: Lang, m: u32) -> &'static str {
    let i = (m.clamp(1, 12) - 1) as usize;
    match lang {
        Lang::Fi => [
            "tammikuu",
            "helmikuu",
            "maaliskuu",
            "huhtikuu",
            "toukokuu",
            "kesäkuu",
            "heinäkuu",
            "elokuu",
            "syyskuu",
            "lokakuu",
            "marraskuu",
            "joulukuu",
        ][i],
        Lang::Sv => [
            "januari",
            "februari",
            "mars",
            "april",
            "maj",
            "juni",
            "juli",
            "augusti",
            "september",
            "oktober",
            "november",
            "december",
        ][i],
        Lang::En => [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ][i],
    }
}

/// A day without its year: "ti 1.12.", "tis 1.12.", "Tue 1 Dec".
pub fn format_day_short(lang: Lang, d: NaiveDate) -> String {
    let wd = weekday_abbr(lang, d);
    match lang {
        Lang::Fi | Lang::Sv => format!("{wd} {}.{}.", d.day(), d.month()),
        Lang::En => format!("{wd} {} {}", d.day(), month_abbr_en(d.month())),
    }
}

/// A date without weekday or year: "1.12.", "1 Dec".
pub fn format_day_month(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::Fi | Lang::Sv => format!("{}.{}.", d.day(), d.month()),
        Lang::En => format!("{} {}", d.day(), month_abbr_en(d.month())),
    }
}

/// How long something lasts: "2 h 30 min", "45 min", "3 vrk" / "3 dygn" / "3 days".
pub fn format_duration(lang: Lang, minutes: i64) -> String {
    let minutes = minutes.max(0);
    if minutes >= 48 * 60 {
        let days = (minutes + 12 * 60) / (24 * 60);
        return match lang {
            Lang::Fi => format!("{days} vrk"),
            Lang::Sv => format!("{days} dygn"),
            Lang::En => format!("{days} days"),
        };
    }
    let (h, m) = (minutes / 60, minutes % 60);
    match (h, m) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// A clock time: "18.00" in Finnish and Swedish, "18:00" in English.
pub fn format_time(lang: Lang, h: u32, m: u32) -> String {
    format_clock(lang, h, m)
}

/// A range of days as compactly as it reads naturally: "1.–7.12.2026", "28.11.–4.12.2026",
/// "30.12.2026–5.1.2027"; in English "1–7 Dec 2026".
pub fn format_day_range(lang: Lang, a: NaiveDate, b: NaiveDate) -> String {
    if a == b {
        return format_date(lang, a);
    }
    match lang {
        Lang::Fi | Lang::Sv => {
            if a.year() != b.year() {
                format!(
                    "{}.{}.{}–{}.{}.{}",
                    a.day(),
                    a.month(),
                    a.year(),
                    b.day(),
                    b.month(),
                    b.year()
                )
            } else if a.month() != b.month() {
                format!(
                    "{}.{}.–{}.{}.{}",
                    a.day(),
                    a.month(),
                    b.day(),
                    b.month(),
                    b.year()
                )
            } else {
                format!("{}.–{}.{}.{}", a.day(), b.day(), b.month(), b.year())
            }
        }
        Lang::En => {
            if a.year() != b.year() {
                format!(
                    "{} {} {} – {} {} {}",
                    a.day(),
                    month_abbr_en(a.month()),
                    a.year(),
                    b.day(),
                    month_abbr_en(b.month()),
                    b.year()
                )
            } else if a.month() != b.month() {
                format!(
                    "{} {} – {} {} {}",
                    a.day(),
                    month_abbr_en(a.month()),
                    b.day(),
                    month_abbr_en(b.month()),
                    b.year()
                )
            } else {
                format!(
                    "{}–{} {} {}",
                    a.day(),
                    b.day(),
                    month_abbr_en(b.month()),
                    b.year()
                )
            }
        }
    }
}

fn format_clock(lang: Lang, h: u32, m: u32) -> String {
    match lang {
        // Finnish and Swedish style in Finland uses a full stop between hours and minutes.
        Lang::Fi | Lang::Sv => format!("{h}.{m:02}"),
        Lang::En => format!("{h:02}:{m:02}"),
    }
}

fn clock_prefix(lang: Lang) -> &'static str {
    match lang {
        Lang::Fi => " klo ",
        Lang::Sv => " kl. ",
        Lang::En => ", ",
    }
}

/// The time span of an event: its start, and its end where the feed gave one.
pub fn format_when(lang: Lang, start: When, end: Option<When>) -> String {
    let (start_day, start_clock) = split(start);
    let mut out = format_date(lang, start_day);
    if let Some((h, m)) = start_clock {
        out.push_str(clock_prefix(lang));
        out.push_str(&format_clock(lang, h, m));
    }
    let Some(end) = end else { return out };
    let (mut end_day, end_clock) = split(end);
    if end_clock == Some((0, 0)) && end_day > start_day {
        // An end at midnight belongs to the day before, for a reader.
        end_day = end_day.pred_opt().unwrap_or(end_day);
        if end_day == start_day {
            return out + "–24.00";
        }
    }
    if end_day == start_day {
        if let Some((h, m)) = end_clock {
            if start_clock.is_some() && Some((h, m)) != start_clock {
                out.push('–');
                out.push_str(&format_clock(lang, h, m));
            }
        }
        return out;
    }
    out.push_str(" – ");
    out.push_str(&format_date(lang, end_day));
    out
}

fn split(w: When) -> (NaiveDate, Option<(u32, u32)>) {
    match w {
        When::Day(d) => (d, None),
        When::At(t) => {
            let l = helsinki::to_local(t);
            (l.date_naive(), Some((l.hour(), l.minute())))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Utc};

    fn at(s: &str) -> When {
        When::At(DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc))
    }
    fn day(y: i32, m: u32, d: u32) -> When {
        When::Day(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    #[test]
    fn a_point_event_shows_its_local_clock_time_in_each_language() {
        let s = at("2026-12-05T17:00:00Z");
        assert_eq!(format_when(Lang::Fi, s, None), "la 5.12.2026 klo 19.00");
        assert_eq!(format_when(Lang::Sv, s, None), "lör 5.12.2026 kl. 19.00");
        assert_eq!(format_when(Lang::En, s, None), "Sat 5 Dec 2026, 19:00");
    }

    #[test]
    fn day_ranges_read_naturally_in_each_language() {
        let d = |m: u32, day: u32| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        assert_eq!(
            format_day_range(Lang::Fi, d(12, 1), d(12, 7)),
            "1.–7.12.2026"
        );
        assert_eq!(
            format_day_range(Lang::Sv, d(11, 28), d(12, 4)),
            "28.11.–4.12.2026"
        );
        assert_eq!(
            format_day_range(Lang::En, d(12, 1), d(12, 7)),
            "1–7 Dec 2026"
        );
        let jan = NaiveDate::from_ymd_opt(2027, 1, 5).unwrap();
        assert_eq!(
            format_day_range(Lang::Fi, d(12, 30), jan),
            "30.12.2026–5.1.2027"
        );
        assert_eq!(
            format_day_range(Lang::Fi, d(12, 1), d(12, 1)),
            "ti 1.12.2026"
        );
        assert_eq!(month_name(Lang::Sv, 12), "december");
        assert_eq!(format_day_short(Lang::Fi, d(12, 1)), "ti 1.12.");
    }

    #[test]
    fn durations_read_in_hours_minutes_or_days() {
        assert_eq!(format_duration(Lang::Fi, 150), "2 h 30 min");
        assert_eq!(format_duration(Lang::En, 45), "45 min");
        assert_eq!(format_duration(Lang::Sv, 120), "2 h");
        assert_eq!(format_duration(Lang::Fi, 3 * 24 * 60), "3 vrk");
        assert_eq!(format_duration(Lang::En, 3 * 24 * 60 + 60), "3 days");
    }

    #[test]
    fn same_day_span_shows_end_clock_only() {
        let s = at("2026-12-05T17:00:00Z");
        let e = at("2026-12-05T19:30:00Z");
        assert_eq!(
            format_when(Lang::Fi, s, Some(e)),
            "la 5.12.2026 klo 19.00–21.30"
        );
    }

    #[test]
    fn multi_day_spans_and_all_day_events_show_dates_only_where_given() {
        assert_eq!(
            format_when(Lang::Fi, day(2026, 12, 1), Some(day(2027, 2, 28))),
            "ti 1.12.2026 – su 28.2.2027"
        );
        assert_eq!(
            format_when(Lang::En, day(2026, 12, 1), None),
            "Tue 1 Dec 2026"
        );
        assert_eq!(
            format_when(Lang::Fi, day(2026, 12, 1), Some(day(2026, 12, 1))),
            "ti 1.12.2026"
        );
    }

    #[test]
    fn an_end_at_local_midnight_counts_as_the_previous_day() {
        let s = at("2026-12-05T16:00:00Z");
        let e = at("2026-12-05T22:00:00Z"); // 00:00 on the 6th in Helsinki
        assert_eq!(
            format_when(Lang::Fi, s, Some(e)),
            "la 5.12.2026 klo 18.00–24.00"
        );
    }
}
