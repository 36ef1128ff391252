//! iCalendar (RFC 5545) export of an event or a series, generated in the browser for "add to
//! calendar". Times are written in Europe/Helsinki with a VTIMEZONE block so calendars show the
//! local time the event was announced in; all-day events are DATE values with an exclusive end.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::i18n::Lang;
use kulttuurikartta_core::feed::{Event, EventStatus, LocationKind};
use kulttuurikartta_core::time::{helsinki, text, When};

const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Helsinki",
    "BEGIN:STANDARD",
    "DTSTART:19701025T040000",
    "TZOFFSETFROM:+0300",
    "TZOFFSETTO:+0200",
    "TZNAME:EET",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:19700329T030000",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0300",
    "TZNAME:EEST",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
];

/// Escapes a TEXT value: backslash, semicolon, comma and newlines.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line to at most 75 octets per physical line (continuations start with a
/// space), never splitting a UTF-8 character; lines end in CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
    out
}

fn local_stamp(t: DateTime<Utc>) -> String {
    text::compact_date_time(helsinki::to_local(t).naive_local())
}

fn date_stamp(d: NaiveDate) -> String {
    text::compact_date(d)
}

/// `DTSTART`/`DTEND` lines for an event.
fn times(ev: &Event) -> Option<Vec<String>> {
    let start = ev.start?;
    Some(match start {
        When::Day(d) => {
            // DATE values; the end is exclusive, so a one-day event ends the next day.
            let last = match ev.end {
                Some(When::Day(e)) => e.max(d),
                Some(When::At(t)) => helsinki::local_date(t - Duration::seconds(1)).max(d),
                None => d,
            };
            vec![
                format!("DTSTART;VALUE=DATE:{}", date_stamp(d)),
                format!("DTEND;VALUE=DATE:{}", date_stamp(last + Duration::days(1))),
            ]
        }
        When::At(t) => {
            let mut v = vec![format!("DTSTART;TZID=Europe/Helsinki:{}", local_stamp(t))];
            if let Some(end) = ev.end.map(When::end_instant).filter(|e| *e > t) {
                v.push(format!("DTEND;TZID=Europe/Helsinki:{}", local_stamp(end)));
            }
            v
        }
    })
}

fn location(ev: &Event, lang: Lang) -> Option<String> {
    if ev.location_kind == LocationKind::Online {
        return None;
    }
    let v = ev.venue.as_ref();
    let parts: Vec<String> = [
        v.map(|v| v.name.text(lang).to_owned()),
        v.map(|v| v.street_address.text(lang).to_owned()),
        v.and_then(|v| v.postal_code.clone()),
        v.map(|v| v.locality.text(lang).to_owned())
            .filter(|s| !s.is_empty())
            .or_else(|| {
                ev.municipality
                    .and_then(kulttuurikartta_core::region::municipality::by_code)
                    .map(|m| {
                        if lang == Lang::Sv {
                            m.name_sv
                        } else {
                            m.name_fi
                        }
                        .to_owned()
                    })
            }),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.trim().is_empty())
    .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// A calendar with one VEVENT per event (a series passes all its dates). `page_url` gives each
/// event's address in the app; `now` is the DTSTAMP.
pub fn calendar(
    events: &[&Event],
    lang: Lang,
    now: DateTime<Utc>,
    page_url: impl Fn(&Event) -> String,
) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//Kulttuurikartta//Kainuu ja Pohjois-Pohjanmaa//FI".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
    ];
    lines.extend(VTIMEZONE.iter().map(|s| s.to_string()));
    let stamp = format!("{}Z", text::compact_date_time(now.naive_utc()));
    for ev in events {
        let Some(t) = times(ev) else { continue };
        lines.push("BEGIN:VEVENT".into());
        // Feed ids are "source:id" or URLs: keep them readable but free of spaces and commas.
        let uid: String = ev
            .id
            .chars()
            .map(|c| {
                if c.is_ascii_graphic() && c != ',' && c != ';' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        lines.push(format!("UID:{uid}@kulttuurikartta"));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.extend(t);
        lines.push(format!("SUMMARY:{}", escape(ev.name.text(lang))));
        if let Some(loc) = location(ev, lang) {
            lines.push(format!("LOCATION:{}", escape(&loc)));
        }
        let url = page_url(ev);
        let mut desc = kulttuurikartta_core::feed::text::plain(ev.short_description.text(lang));
        if !desc.is_empty() {
            desc.push_str("\n\n");
        }
        desc.push_str(&url);
        lines.push(format!("DESCRIPTION:{}", escape(&desc)));
        lines.push(format!("URL:{url}"));
        lines.push(
            match ev.status {
                EventStatus::Cancelled => "STATUS:CANCELLED",
                EventStatus::Postponed => "STATUS:TENTATIVE",
                _ => "STATUS:CONFIRMED",
            }
            .into(),
        );
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l)).collect()
}

/// A file name for the download: the title's letters and digits, folded to ASCII.
pub fn file_name(ev: &Event, lang: Lang) -> String {
    let folded = kulttuurikartta_core::region::municipality::fold(ev.name.text(lang));
    let mut name: String = folded
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    while name.contains("--") {
        name = name.replace("--", "-");
    }
    let name = name.trim_matches('-');
    let name: String = name.chars().take(60).collect();
    format!("{}.ics", if name.is_empty() { "tapahtuma" } else { &name })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use kulttuurikartta_core::feed::{parse_feed, Catalogue};

    /// Unfolds and splits an iCalendar text, checking the line rules on the way.
    fn parse(ics: &str) -> Vec<(String, String)> {
        assert!(ics.ends_with("\r\n"));
        for physical in ics.split("\r\n") {
            assert!(physical.len() <= 75, "line over 75 octets: {physical:?}");
            assert!(!physical.contains('\n'), "bare LF");
        }
        let unfolded = ics.replace("\r\n ", "");
        unfolded
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .map(|l| {
                let (k, v) = l.split_once(':').expect("name:value");
                (k.to_owned(), v.to_owned())
            })
            .collect()
    }

    fn unescape(s: &str) -> String {
        s.replace("\\n", "\n")
            .replace("\\,", ",")
            .replace("\\;", ";")
            .replace("\\\\", "\\")
    }

    fn catalogue() -> Catalogue {
        let feed = r#"{"meta":{"count":4,"next":null},"data":[
          {"id":"k:1","name":{"fi":"Konsertti; Bach, Händel ja \\ muut – hyvin pitkä nimi joka ylittää varmasti seitsemänkymmentäviisi tavua"},
           "start_time":"2026-12-05T19:00:00+02:00","end_time":"2026-12-05T21:00:00+02:00",
           "short_description":{"fi":"Rivi yksi\nrivi kaksi"},
           "location":{"name":{"fi":"Madetoja-sali"},"street_address":{"fi":"Leskisenkatu 1"},"address_locality":{"fi":"Oulu"}}},
          {"id":"k:2","name":{"fi":"Näyttely"},"start_time":"2026-12-01","end_time":"2026-12-03"},
          {"id":"k:3","name":{"fi":"Kesäkonsertti"},"start_time":"2027-06-10T18:00:00+03:00","event_status":"EventCancelled"}
        ]}"#;
        Catalogue::from_pages([parse_feed(feed.as_bytes(), "t").unwrap()])
    }

    #[test]
    fn a_timed_event_round_trips_with_local_times_and_escaping() {
        let cat = catalogue();
        let ev = cat.get("k:1").unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 28, 8, 0, 0).unwrap();
        let ics = calendar(&[ev], Lang::Fi, now, |e| {
            format!("https://x.fi/event/{}", e.id)
        });
        let props = parse(&ics);
        let get = |k: &str| props.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        assert_eq!(props.first().unwrap().1, "VCALENDAR");
        assert_eq!(get("TZID").as_deref(), Some("Europe/Helsinki"));
        assert_eq!(
            get("DTSTART;TZID=Europe/Helsinki").as_deref(),
            Some("20261205T190000")
        );
        assert_eq!(
            get("DTEND;TZID=Europe/Helsinki").as_deref(),
            Some("20261205T210000")
        );
        assert_eq!(get("DTSTAMP").as_deref(), Some("20261128T080000Z"));
        assert_eq!(get("UID").as_deref(), Some("k:1@kulttuurikartta"));
        let summary = get("SUMMARY").unwrap();
        assert!(summary.contains("Konsertti\\; Bach\\, Händel ja \\\\ muut"));
        assert_eq!(unescape(&summary), ev.name.text(Lang::Fi));
        assert_eq!(
            unescape(&get("DESCRIPTION").unwrap()),
            "Rivi yksi rivi kaksi\n\nhttps://x.fi/event/k:1"
        );
        assert!(
            get("DESCRIPTION").unwrap().contains("kaksi\\n\\nhttps"),
            "newlines are escaped"
        );
        assert_eq!(
            unescape(&get("LOCATION").unwrap()),
            "Madetoja-sali, Leskisenkatu 1, Oulu"
        );
        assert_eq!(get("STATUS").as_deref(), Some("CONFIRMED"));
        // The long summary was folded, and no multi-byte character was cut.
        assert!(ics.contains("\r\n "));
        assert!(std::str::from_utf8(ics.as_bytes()).is_ok());
    }

    #[test]
    fn all_day_events_are_dates_with_an_exclusive_end_and_summer_times_stay_local() {
        let cat = catalogue();
        let now = Utc.with_ymd_and_hms(2026, 11, 28, 8, 0, 0).unwrap();
        let evs = [cat.get("k:2").unwrap(), cat.get("k:3").unwrap()];
        let props = parse(&calendar(&evs, Lang::Fi, now, |_| "u".into()));
        let all: Vec<_> = props
            .iter()
            .filter(|(k, _)| k.starts_with("DT") && k != "DTSTAMP" && k != "DTSTART")
            .collect();
        assert_eq!(
            all.iter()
                .map(|(k, v)| format!("{k}:{v}"))
                .collect::<Vec<_>>(),
            [
                "DTSTART;VALUE=DATE:20261201",
                "DTEND;VALUE=DATE:20261204",
                "DTSTART;TZID=Europe/Helsinki:20270610T180000",
            ]
        );
        assert!(props.iter().any(|(k, v)| k == "STATUS" && v == "CANCELLED"));
        assert_eq!(
            props
                .iter()
                .filter(|(k, v)| k == "BEGIN" && v == "VEVENT")
                .count(),
            2
        );
    }

    #[test]
    fn folding_counts_octets_not_characters() {
        let line = format!("SUMMARY:{}", "ä".repeat(60));
        let folded = fold(&line);
        for l in folded.trim_end_matches("\r\n").split("\r\n") {
            assert!(l.len() <= 75);
        }
        assert_eq!(folded.replace("\r\n ", "").trim_end(), line);
    }

    #[test]
    fn file_names_are_plain_ascii() {
        let cat = catalogue();
        assert_eq!(file_name(cat.get("k:2").unwrap(), Lang::Fi), "nayttely.ics");
        assert_eq!(file_name(cat.get("k:1").unwrap(), Lang::Fi).len(), 64);
    }
}
