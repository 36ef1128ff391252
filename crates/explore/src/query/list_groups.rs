//! How the result list is grouped: events that are already running and last several days in
//! one "on now" group (not repeated under every day), the rest under the day they start, and
//! events without a date in a "date to be announced" group at the end.

use chrono::{DateTime, NaiveDate, Utc};

use kulttuurikartta_core::feed::catalogue::ListEntry;
use kulttuurikartta_core::time::helsinki;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupKind {
    OnNow,
    Day(NaiveDate),
    ToBeAnnounced,
}

#[derive(Debug)]
pub struct Group<'a> {
    pub kind: GroupKind,
    pub entries: Vec<ListEntry<'a>>,
}

/// Groups entries (in start order) as seen from `from`: now, or the window's start.
pub fn group(entries: Vec<ListEntry<'_>>, from: DateTime<Utc>) -> Vec<Group<'_>> {
    group_first(entries, from, usize::MAX)
}

/// `group`, stopping once its groups hold `rows` entries: their first `rows` entries are the
/// same, without working out the day of every later entry (a list page of a hundred rows out
/// of 100 000 events). Entries must be in start order, as `Catalogue::entries` gives them: an
/// entry that starts on or after the first day, or has no date, cannot go "on now", and nor
/// can any after it.
pub fn group_first(
    entries: Vec<ListEntry<'_>>,
    from: DateTime<Utc>,
    rows: usize,
) -> Vec<Group<'_>> {
    let first_day = helsinki::local_date(from);
    let mut on_now = Vec::new();
    let mut tba = Vec::new();
    let mut days: Vec<Group> = Vec::new();
    let mut placed = 0;
    for e in entries {
        let Some(start) = e.event.start else {
            if placed >= rows {
                break;
            }
            tba.push(e);
            placed += 1;
            continue;
        };
        let start_day = helsinki::local_date(start.first_instant());
        if placed >= rows && start_day >= first_day {
            break;
        }
        placed += 1;
        // Longer than a day: a late-night show running past midnight is not "on now".
        let multi_day = e
            .event
            .last_instant()
            .is_some_and(|last| last - start.first_instant() > chrono::Duration::hours(24));
        if start_day < first_day && multi_day && e.series.is_none() {
            on_now.push(e);
            continue;
        }
        // Something that began before the first day but ends on it is listed on that day.
        let day = start_day.max(first_day);
        match days.last_mut() {
            Some(g) if g.kind == GroupKind::Day(day) => g.entries.push(e),
            _ => days.push(Group {
                kind: GroupKind::Day(day),
                entries: vec![e],
            }),
        }
    }
    let mut out = Vec::new();
    if !on_now.is_empty() {
        out.push(Group {
            kind: GroupKind::OnNow,
            entries: on_now,
        });
    }
    out.extend(days);
    if !tba.is_empty() {
        out.push(Group {
            kind: GroupKind::ToBeAnnounced,
            entries: tba,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use kulttuurikartta_core::feed::{parse_feed, Catalogue};

    #[test]
    fn running_exhibitions_go_on_now_days_follow_and_undated_come_last() {
        let feed = br#"{"meta":{"count":4,"next":null},"data":[
          {"id":"x:expo","name":{"fi":"Nayttely"},"start_time":"2026-11-01","end_time":"2027-01-31"},
          {"id":"x:a","name":{"fi":"A"},"start_time":"2026-11-28T18:00:00+02:00"},
          {"id":"x:late","name":{"fi":"Yo"},"start_time":"2026-11-27T22:00:00+02:00","end_time":"2026-11-28T02:00:00+02:00"},
          {"id":"x:b","name":{"fi":"B"},"start_time":"2026-11-30T18:00:00+02:00"},
          {"id":"x:tba","name":{"fi":"C"},"event_status":"EventPostponed"}
        ]}"#;
        let page = parse_feed(feed, "test").unwrap();
        let cat = Catalogue::from_pages([page]);
        let now = Utc.with_ymd_and_hms(2026, 11, 27, 23, 30, 0).unwrap(); // 01:30 on the 28th
        let groups = group(cat.upcoming_entries(now), now);
        let shape: Vec<(GroupKind, Vec<&str>)> = groups
            .iter()
            .map(|g| {
                (
                    g.kind,
                    g.entries.iter().map(|e| e.event.id.as_str()).collect(),
                )
            })
            .collect();
        let d = |day: u32| GroupKind::Day(NaiveDate::from_ymd_opt(2026, 11, day).unwrap());
        assert_eq!(
            shape,
            vec![
                (GroupKind::OnNow, vec!["x:expo"]),
                (d(28), vec!["x:late", "x:a"]),
                (d(30), vec!["x:b"]),
                (GroupKind::ToBeAnnounced, vec!["x:tba"]),
            ]
        );
    }

    #[test]
    fn the_first_rows_are_those_of_the_whole_grouping() {
        // Running exhibitions, late-night shows and day events interleaved before and after
        // the first day, a series, and undated events at the end.
        let mut data = Vec::new();
        for i in 0..40 {
            let day = 20 + i / 4;
            let (start, end) = match i % 5 {
                0 => (
                    format!("2026-11-{:02}", 1 + i % 20),
                    "\"2027-01-31\"".to_owned(),
                ),
                1 => (
                    format!("2026-11-{day:02}T22:00:00+02:00"),
                    format!("\"2026-11-{:02}T02:00:00+02:00\"", day + 1),
                ),
                _ => (
                    format!("2026-11-{day:02}T{:02}:00:00+02:00", 8 + i % 12),
                    "null".to_owned(),
                ),
            };
            let parent = if i % 7 == 0 {
                r#""super_event":{"@id":"x:series"},"#
            } else {
                ""
            };
            data.push(format!(r#"{{"id":"x:{i}",{parent}"name":{{"fi":"E{i}"}},"start_time":"{start}","end_time":{end}}}"#));
        }
        data.push(r#"{"id":"x:series","name":{"fi":"S"},"super_event_type":"recurring","start_time":"2026-11-20","end_time":"2026-12-31"}"#.to_owned());
        for i in 0..4 {
            data.push(format!(
                r#"{{"id":"x:tba{i}","name":{{"fi":"T{i}"}},"event_status":"EventPostponed"}}"#
            ));
        }
        let feed = format!(
            r#"{{"meta":{{"count":{},"next":null}},"data":[{}]}}"#,
            data.len(),
            data.join(",")
        );
        let cat = Catalogue::from_pages([parse_feed(feed.as_bytes(), "test").unwrap()]);
        let flat = |groups: Vec<Group>, rows: usize| -> Vec<(GroupKind, String)> {
            groups
                .into_iter()
                .flat_map(|g| {
                    g.entries
                        .into_iter()
                        .map(move |e| (g.kind, e.event.id.clone()))
                })
                .take(rows)
                .collect()
        };
        for from_day in [19, 24, 27] {
            let from = Utc.with_ymd_and_hms(2026, 11, from_day, 10, 0, 0).unwrap();
            let all = flat(group(cat.upcoming_entries(from), from), usize::MAX);
            assert!(all.iter().any(|(k, _)| *k == GroupKind::OnNow) || from_day == 19);
            assert!(all.iter().any(|(k, _)| *k == GroupKind::ToBeAnnounced));
            for rows in 0..=all.len() + 1 {
                let first = group_first(cat.upcoming_entries(from), from, rows);
                assert_eq!(
                    flat(first, rows),
                    all[..rows.min(all.len())],
                    "from the {from_day}th, {rows} rows"
                );
            }
        }
    }
}
