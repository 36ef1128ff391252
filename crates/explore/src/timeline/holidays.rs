//! Finnish public holidays, computed: fixed dates, the Easter-based ones, and the Saturdays of
//! Midsummer and All Saints' Day. Midsummer Eve and Christmas Eve are not in the law but nearly
//! everything closes on them, so the timeline marks them too (as eves).

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    NewYear,
    Epiphany,
    GoodFriday,
    Easter,
    EasterMonday,
    MayDay,
    Ascension,
    Pentecost,
    MidsummerEve,
    Midsummer,
    AllSaints,
    Independence,
    ChristmasEve,
    Christmas,
    StStephen,
}

impl Holiday {
    pub fn name(self, lang: Lang) -> &'static str {
        let (fi, sv, en) = match self {
            Holiday::NewYear => ("Uudenvuodenpäivä", "Nyårsdagen", "New Year's Day"),
            Holiday::Epiphany => ("Loppiainen", "Trettondagen", "Epiphany"),
            Holiday::GoodFriday => ("Pitkäperjantai", "Långfredagen", "Good Friday"),
            Holiday::Easter => ("Pääsiäispäivä", "Påskdagen", "Easter Sunday"),
            Holiday::EasterMonday => ("2. pääsiäispäivä", "Annandag påsk", "Easter Monday"),
            Holiday::MayDay => ("Vappu", "Första maj", "May Day"),
            Holiday::Ascension => ("Helatorstai", "Kristi himmelsfärdsdag", "Ascension Day"),
            Holiday::Pentecost => ("Helluntaipäivä", "Pingstdagen", "Whit Sunday"),
            Holiday::MidsummerEve => ("Juhannusaatto", "Midsommarafton", "Midsummer Eve"),
            Holiday::Midsummer => ("Juhannuspäivä", "Midsommardagen", "Midsummer Day"),
            Holiday::AllSaints => ("Pyhäinpäivä", "Alla helgons dag", "All Saints' Day"),
            Holiday::Independence => (
                "Itsenäisyyspäivä",
                "Självständighetsdagen",
                "Independence Day",
            ),
            Holiday::ChristmasEve => ("Jouluaatto", "Julafton", "Christmas Eve"),
            Holiday::Christmas => ("Joulupäivä", "Juldagen", "Christmas Day"),
            Holiday::StStephen => ("Tapaninpäivä", "Annandag jul", "Boxing Day"),
        };
        match lang {
            Lang::Fi => fi,
            Lang::Sv => sv,
            Lang::En => en,
        }
    }
}

/// Western (Gregorian) Easter Sunday: the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
pub fn easter(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("Easter is a valid date")
}

/// The first `weekday` on or after a date.
fn first_on_or_after(d: NaiveDate, weekday: Weekday) -> NaiveDate {
    let ahead = (7 + weekday.num_days_from_monday() - d.weekday().num_days_from_monday()) % 7;
    d + Duration::days(ahead.into())
}

/// The year's holidays in date order.
pub fn holidays(year: i32) -> Vec<(NaiveDate, Holiday)> {
    let date = |m: u32, d: u32| NaiveDate::from_ymd_opt(year, m, d).expect("valid date");
    let e = easter(year);
    let midsummer = first_on_or_after(date(6, 20), Weekday::Sat);
    let mut out = vec![
        (date(1, 1), Holiday::NewYear),
        (date(1, 6), Holiday::Epiphany),
        (e - Duration::days(2), Holiday::GoodFriday),
        (e, Holiday::Easter),
        (e + Duration::days(1), Holiday::EasterMonday),
        (date(5, 1), Holiday::MayDay),
        (e + Duration::days(39), Holiday::Ascension),
        (e + Duration::days(49), Holiday::Pentecost),
        (midsummer - Duration::days(1), Holiday::MidsummerEve),
        (midsummer, Holiday::Midsummer),
        (
            first_on_or_after(date(10, 31), Weekday::Sat),
            Holiday::AllSaints,
        ),
        (date(12, 6), Holiday::Independence),
        (date(12, 24), Holiday::ChristmasEve),
        (date(12, 25), Holiday::Christmas),
        (date(12, 26), Holiday::StStephen),
    ];
    out.sort_by_key(|(d, _)| *d);
    out
}

/// Holidays between two dates, inclusive.
pub fn holidays_between(from: NaiveDate, to: NaiveDate) -> Vec<(NaiveDate, Holiday)> {
    (from.year()..=to.year())
        .flat_map(holidays)
        .filter(|(d, _)| *d >= from && *d <= to)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(year: i32, h: Holiday) -> String {
        let (d, _) = holidays(year).into_iter().find(|(_, x)| *x == h).unwrap();
        format!("{}.{}.", d.day(), d.month())
    }

    /// Checked against the official Finnish calendar (almanakka) for each year.
    #[test]
    fn holidays_2026_to_2028_match_the_almanac() {
        let expected = [
            (
                2026,
                [
                    "3.4.", "5.4.", "6.4.", "14.5.", "24.5.", "19.6.", "20.6.", "31.10.",
                ],
            ),
            (
                2027,
                [
                    "26.3.", "28.3.", "29.3.", "6.5.", "16.5.", "25.6.", "26.6.", "6.11.",
                ],
            ),
            (
                2028,
                [
                    "14.4.", "16.4.", "17.4.", "25.5.", "4.6.", "23.6.", "24.6.", "4.11.",
                ],
            ),
        ];
        let movable = [
            Holiday::GoodFriday,
            Holiday::Easter,
            Holiday::EasterMonday,
            Holiday::Ascension,
            Holiday::Pentecost,
            Holiday::MidsummerEve,
            Holiday::Midsummer,
            Holiday::AllSaints,
        ];
        for (year, dates) in expected {
            for (h, want) in movable.iter().zip(dates) {
                assert_eq!(find(year, *h), want, "{h:?} {year}");
            }
            assert_eq!(find(year, Holiday::Independence), "6.12.");
            assert_eq!(find(year, Holiday::Epiphany), "6.1.");
            assert_eq!(holidays(year).len(), 15);
        }
    }

    #[test]
    fn easter_matches_known_years() {
        assert_eq!(easter(2024).to_string(), "2024-03-31");
        assert_eq!(easter(2025).to_string(), "2025-04-20");
        assert_eq!(easter(2038).to_string(), "2038-04-25");
    }

    #[test]
    fn a_range_across_new_year_gets_both_years() {
        let from = NaiveDate::from_ymd_opt(2026, 12, 20).unwrap();
        let to = NaiveDate::from_ymd_opt(2027, 1, 10).unwrap();
        let names: Vec<_> = holidays_between(from, to).iter().map(|(_, h)| *h).collect();
        assert_eq!(
            names,
            [
                Holiday::ChristmasEve,
                Holiday::Christmas,
                Holiday::StStephen,
                Holiday::NewYear,
                Holiday::Epiphany
            ]
        );
    }
}
