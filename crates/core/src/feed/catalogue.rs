//! All events the app knows, merged from every feed, and the views the UI takes of them.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use super::model::{Event, Problem, SuperEventType};
use super::page::FeedPage;
use crate::lang::Lang;
use crate::region::municipality::fold;

/// Title, start and place, folded: what makes two records from different feeds the same event.
/// Events without a start or a place are never merged this way (too little to go on).
fn fingerprint(ev: &Event) -> Option<(String, i64, String, bool)> {
    // A series spans its dates, so it has its first date's title, start and place: it is not a
    // copy of that date, and is told apart by being a series.
    let series = ev.super_event_type.is_some() || !ev.sub_events.is_empty();
    let start = ev.start?.first_instant().timestamp();
    let place = ev
        .venue
        .as_ref()
        .map(|v| fold(v.name.text(Lang::Fi)))
        .filter(|p| !p.is_empty())
        .or_else(|| ev.municipality.map(str::to_owned))?;
    Some((fold(ev.name.text(Lang::Fi)), start, place, series))
}

/// One row of a list of what is on: a single event, or a recurring series shown once.
#[derive(Debug)]
pub struct ListEntry<'a> {
    /// The event the row shows: for a series, its next date.
    pub event: &'a Event,
    /// For a series: its id and all of its upcoming dates (including `event`).
    pub series: Option<(&'a str, Vec<&'a Event>)>,
}

impl ListEntry<'_> {
    /// How many events (dates) the row stands for.
    pub fn event_count(&self) -> usize {
        self.series.as_ref().map_or(1, |(_, d)| d.len())
    }

    /// The id the row is known by: the series' id for a series.
    pub fn id(&self) -> &str {
        self.series
            .as_ref()
            .map_or(self.event.id.as_str(), |(id, _)| id)
    }
}

#[derive(Debug, Default)]
pub struct Catalogue {
    /// Sorted by start; events without a date come last.
    pub events: Vec<Event>,
    pub problems: Vec<Problem>,
}

impl Catalogue {
    /// Merges feed pages in order. The same event reached twice (same id, or the same title,
    /// start and place, as when a municipal feed repeats the regional one) is kept once: the
    /// first copy, so list the most authoritative feed first.
    pub fn from_pages(pages: impl IntoIterator<Item = FeedPage>) -> Catalogue {
        let pages: Vec<FeedPage> = pages.into_iter().collect();
        let mut ids = HashSet::new();
        let mut fingerprints = HashSet::new();
        // Room for every event at once: growing by doubling would keep the old and the new
        // buffer alive together, and in wasm the peak is what the page keeps.
        let mut cat = Catalogue {
            events: Vec::with_capacity(pages.iter().map(|p| p.events.len()).sum()),
            problems: Vec::new(),
        };
        for page in pages {
            cat.problems.extend(page.problems);
            for ev in page.events {
                let fp = fingerprint(&ev);
                if ids.contains(&ev.id) || fp.as_ref().is_some_and(|f| fingerprints.contains(f)) {
                    continue;
                }
                ids.insert(ev.id.clone());
                fingerprints.extend(fp);
                cat.events.push(ev);
            }
        }
        // Ids are unique by now, so this order is total and an unstable sort (which needs no
        // scratch buffer, unlike the stable one) gives the same result every time.
        cat.events.sort_unstable_by(|a, b| {
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

    /// Where an event borrowed from this catalogue sits in `events`, so that a view can keep a
    /// position (plain data) instead of a borrow. `None` for an event from elsewhere.
    pub fn position(&self, ev: &Event) -> Option<usize> {
        let range = self.events.as_ptr_range();
        let at = ev as *const Event;
        range
            .contains(&at)
            .then(|| (at as usize - range.start as usize) / std::mem::size_of::<Event>())
    }

    pub fn get(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    /// What is on now or later, one row per event or per recurring series (at its next date).
    pub fn upcoming_entries(&self, now: DateTime<Utc>) -> Vec<ListEntry<'_>> {
        self.entries(self.upcoming(now))
    }

    /// One row per event, or per recurring series (at the first of its dates given), in order.
    pub fn entries<'a>(&'a self, events: impl Iterator<Item = &'a Event>) -> Vec<ListEntry<'a>> {
        let mut entries: Vec<ListEntry> = Vec::new();
        let mut series_row: HashMap<&str, usize> = HashMap::new();
        for ev in events {
            let parent = ev.super_event.as_deref().filter(|p| self.is_recurring(p));
            match parent {
                Some(p) => match series_row.get(p) {
                    Some(&i) => entries[i].series.as_mut().expect("series row").1.push(ev),
                    None => {
                        series_row.insert(p, entries.len());
                        entries.push(ListEntry {
                            event: ev,
                            series: Some((p, vec![ev])),
                        });
                    }
                },
                None => entries.push(ListEntry {
                    event: ev,
                    series: None,
                }),
            }
        }
        entries
    }

    fn is_recurring(&self, id: &str) -> bool {
        self.get(id)
            .is_some_and(|e| e.super_event_type == Some(SuperEventType::Recurring))
    }

    /// The dates of a recurring series, or the parts of a festival, in start order.
    pub fn children_of(&self, id: &str) -> Vec<&Event> {
        self.events
            .iter()
            .filter(|e| e.super_event.as_deref() == Some(id))
            .collect()
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
        let page = parse_feed(
            include_bytes!("../../../../public/sample-feed.json"),
            "sample",
        )
        .unwrap();
        Catalogue::from_pages([page])
    }

    fn now() -> DateTime<Utc> {
        "2026-11-28T10:00:00Z".parse().unwrap()
    }

    #[test]
    fn an_event_knows_its_position_and_a_stranger_has_none() {
        let cat = sample();
        for (i, ev) in cat.events.iter().enumerate() {
            assert_eq!(cat.position(ev), Some(i));
        }
        let stranger = cat.events[3].clone();
        assert_eq!(cat.position(&stranger), None);
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
        assert_eq!(cat.get("x").unwrap().name.text(crate::lang::Lang::Fi), "A");
    }

    #[test]
    fn events_at_the_same_time_sort_by_id_whatever_order_the_feeds_give() {
        let page = |json: &str| parse_feed(json.as_bytes(), "t").unwrap();
        let feed = |order: [&str; 4]| {
            let items: Vec<String> = order
                .iter()
                .map(|id| {
                    let start = if *id == "n2" || *id == "n1" {
                        "null".to_owned()
                    } else {
                        r#""2026-12-05T18:00:00+02:00""#.to_owned()
                    };
                    format!(r#"{{"id":"{id}","name":{{"fi":"{id}"}},"start_time":{start}}}"#)
                })
                .collect();
            page(&format!(r#"{{"data":[{}]}}"#, items.join(",")))
        };
        for order in [["b", "n2", "a", "n1"], ["n1", "a", "n2", "b"]] {
            let cat = Catalogue::from_pages([feed(order)]);
            let ids: Vec<_> = cat.events.iter().map(|e| e.id.as_str()).collect();
            assert_eq!(ids, ["a", "b", "n1", "n2"]);
        }
    }

    #[test]
    fn a_series_is_not_taken_for_a_copy_of_its_first_date() {
        let page = parse_feed(
            br#"{"data":[
            {"id":"s:1","name":{"fi":"Satutunti"},"start_time":"2027-01-12T10:00:00+02:00","location":{"name":{"fi":"Kuhmon kirjasto"}},"super_event":{"@id":"s"}},
            {"id":"s","name":{"fi":"Satutunti"},"start_time":"2027-01-12T10:00:00+02:00","end_time":"2027-01-26T10:45:00+02:00","location":{"name":{"fi":"Kuhmon kirjasto"}},"super_event_type":"recurring","sub_events":[{"@id":"s:1"}]},
            {"id":"copy","name":{"fi":"SATUTUNTI"},"start_time":"2027-01-12T10:00:00+02:00","location":{"name":{"fi":"Kuhmon kirjasto"}}}]}"#,
            "t",
        )
        .unwrap();
        let cat = Catalogue::from_pages([page]);
        let mut ids: Vec<_> = cat.events.iter().map(|e| e.id.as_str()).collect();
        ids.sort_unstable();
        assert_eq!(
            ids,
            ["s", "s:1"],
            "the series stays; a real copy of the date does not"
        );
    }

    #[test]
    fn the_same_event_from_two_feeds_is_shown_once() {
        let page = |json: &str| parse_feed(json.as_bytes(), "t").unwrap();
        let regional = page(
            r#"{"data":[{"id":"reg:1","name":{"fi":"Joulukonsertti"},"start_time":"2026-12-18T17:00:00Z",
            "location":{"name":{"fi":"Kuhmo-talo"},"address_locality":{"fi":"Kuhmo"}}}]}"#,
        );
        let municipal = page(
            r#"{"data":[{"id":"kuhmo:77","name":{"fi":"JOULUKONSERTTI"},"start_time":"2026-12-18T19:00:00+02:00",
            "location":{"name":{"fi":"Kuhmo-talo"},"address_locality":{"fi":"Kuhmo"}}},
            {"id":"kuhmo:78","name":{"fi":"Joulukonsertti"},"start_time":"2026-12-19T17:00:00Z",
            "location":{"name":{"fi":"Kuhmo-talo"}}}]}"#,
        );
        let cat = Catalogue::from_pages([regional, municipal]);
        let ids: Vec<_> = cat.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["reg:1", "kuhmo:78"]);
    }

    #[test]
    fn a_recurring_series_is_one_row_at_its_next_date() {
        let cat = Catalogue::from_pages([parse_feed(
            br#"{"data":[
            {"id":"s","name":{"fi":"Satutunti"},"start_time":"2026-11-01","end_time":"2026-12-31","super_event_type":"recurring"},
            {"id":"s1","name":{"fi":"Satutunti"},"start_time":"2026-11-20T08:00:00Z","super_event":{"@id":"https://x/event/s/"}},
            {"id":"s2","name":{"fi":"Satutunti"},"start_time":"2026-12-04T08:00:00Z","super_event":{"@id":"https://x/event/s/"}},
            {"id":"s3","name":{"fi":"Satutunti"},"start_time":"2026-12-11T08:00:00Z","super_event":{"@id":"https://x/event/s/"}},
            {"id":"one","name":{"fi":"Konsertti"},"start_time":"2026-12-05T17:00:00Z"}
            ]}"#,
            "t",
        )
        .unwrap()]);
        let rows = cat.upcoming_entries(now());
        let shown: Vec<_> = rows
            .iter()
            .map(|r| (r.id(), r.event.id.as_str(), r.event_count()))
            .collect();
        assert_eq!(shown, [("s", "s2", 2), ("one", "one", 1)]);
        assert_eq!(cat.children_of("s").len(), 3);
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
