//! All events the app knows, merged from every feed, and the views the UI takes of them.

use chrono::{DateTime, Utc};

use super::{Event, FeedPage, Problem, SuperEventType};

#[derive(Debug, Default)]
pub struct Catalogue {
    /// Sorted by start; events without a date come last.
    pub events: Vec<Event>,
    pub problems: Vec<Problem>,
}

impl Catalogue {
    /// Merges feed pages in order; an event reached twice by id is kept once (the first copy).
    pub fn from_pages(pages: impl IntoIterator<Item = FeedPage>) -> Catalogue {
        let mut seen = std::collections::HashSet::new();
        let mut cat = Catalogue::default();
        for page in pages {
            cat.problems.extend(page.problems);
            for ev in page.events {
                if seen.insert(ev.id.clone()) {
                    cat.events.push(ev);
                }
            }
        }
        cat.events.sort_by(|a, b| {
            let key = |e: &Event| e.start.map(|s| s.first_instant());
            match (key(a), key(b)) {
                (Some(x), Some(y)) => x.cmp(&y).then_with(|| a.id.cmp(&b.id)),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => a.id.cmp(&b.id),
            }
        });
        cat
    }

    pub fn get(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    /// What is on now or later, in start order. A recurring series' container is left out:
    /// its dates are events of their own and are listed instead.
    pub fn upcoming(&self, now: DateTime<Utc>) -> impl Iterator<Item = &Event> {
        self.events.iter().filter(move |e| {
            e.super_event_type != Some(SuperEventType::Recurring) && e.is_current_or_upcoming(now)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::{parse_feed, EventStatus, LocationKind};
    use crate::region::MUNICIPALITIES;

    fn sample() -> Catalogue {
        let page = parse_feed(include_bytes!("../../public/sample-feed.json"), "sample").unwrap();
        Catalogue::from_pages([page])
    }

    fn now() -> DateTime<Utc> {
        "2026-11-28T10:00:00Z".parse().unwrap()
    }

    #[test]
    fn the_sample_feed_reads_cleanly_and_covers_every_municipality() {
        let cat = sample();
        assert!(cat.problems.is_empty(), "{:?}", cat.problems.first());
        assert!(cat.upcoming(now()).count() >= 300);
        for m in &MUNICIPALITIES {
            assert!(
                cat.events.iter().any(|e| e.municipality == Some(m.code)),
                "no event in {}",
                m.name_fi
            );
        }
    }

    #[test]
    fn the_sample_feed_has_the_awkward_cases_of_a_real_feed() {
        let cat = sample();
        let has = |f: &dyn Fn(&Event) -> bool| cat.events.iter().any(f);
        assert!(has(&|e| e.status == EventStatus::Cancelled));
        assert!(has(
            &|e| e.status == EventStatus::Postponed && e.start.is_none()
        ));
        assert!(has(&|e| e.location_kind == LocationKind::Online));
        assert!(has(&|e| e.location_kind == LocationKind::Approximate));
        assert!(has(
            &|e| e.start.is_some_and(|s| s.is_all_day()) && e.end.is_none()
        ));
        assert!(has(
            &|e| e.end.is_none() && e.start.is_some_and(|s| !s.is_all_day())
        ));
        assert!(has(
            &|e| e.super_event_type == Some(SuperEventType::Recurring)
        ));
        assert!(has(
            &|e| e.super_event_type == Some(SuperEventType::Umbrella)
        ));
        // Multi-day: spans at least a month.
        assert!(has(&|e| match (e.start, e.end) {
            (Some(s), Some(en)) => (en.end_instant() - s.first_instant()).num_days() > 30,
            _ => false,
        }));
        // Text gaps: some events lack Swedish, some have only English.
        assert!(has(&|e| !e.name.0.iter().any(|(l, _)| l == "sv")));
        assert!(has(&|e| e.name.0.len() == 1 && e.name.0[0].0 == "en"));
    }

    #[test]
    fn duplicates_by_id_are_merged_and_undated_events_sort_last() {
        let page = |json: &str| parse_feed(json.as_bytes(), "t").unwrap();
        let a = page(
            r#"{"data":[{"id":"x","name":{"fi":"A"},"start_time":"2026-12-02"},
                                  {"id":"u","name":{"fi":"U"},"start_time":null}]}"#,
        );
        let b = page(
            r#"{"data":[{"id":"x","name":{"fi":"A2"},"start_time":"2026-12-02"},
                                  {"id":"y","name":{"fi":"B"},"start_time":"2026-12-01"}]}"#,
        );
        let cat = Catalogue::from_pages([a, b]);
        let ids: Vec<_> = cat.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["y", "x", "u"]);
        assert_eq!(cat.get("x").unwrap().name.text(crate::i18n::Lang::Fi), "A");
    }

    #[test]
    fn upcoming_keeps_ongoing_and_undated_and_drops_past_and_series_containers() {
        let cat = Catalogue::from_pages([parse_feed(
            br#"{"data":[
            {"id":"past","name":{"fi":"P"},"start_time":"2026-11-01T10:00:00Z"},
            {"id":"ongoing","name":{"fi":"O"},"start_time":"2026-11-01","end_time":"2027-01-31"},
            {"id":"today","name":{"fi":"T"},"start_time":"2026-11-28"},
            {"id":"tba","name":{"fi":"D"},"start_time":null,"event_status":"EventPostponed"},
            {"id":"series","name":{"fi":"S"},"start_time":"2026-12-01","super_event_type":"recurring"}
            ]}"#,
            "t",
        )
        .unwrap()]);
        let ids: Vec<_> = cat.upcoming(now()).map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["ongoing", "today", "tba"]);
    }
}
