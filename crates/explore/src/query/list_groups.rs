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
    let first_day = helsinki::local_date(from);
    let mut on_now = Vec::new();
    let mut tba = Vec::new();
    let mut days: Vec<Group> = Vec::new();
    for e in entries {
        let Some(start) = e.event.start else {
            tba.push(e);
            continue;
        };
        let start_day = helsinki::local_date(start.first_instant());
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
}
