//! Which events a query matches, and how many each filter option would leave ("counts before
//! you apply"). One pass over the events computes both: each event gets a bit per filter it
//! fails; it matches with no bits set, and counts towards a filter's options when that filter's
//! bit is the only one.

use chrono::{DateTime, Utc};

use super::{Attendance, Query};
use crate::i18n::Lang;
use kulttuurikartta_core::feed::{Category, Event, EventStatus, LocationKind, SuperEventType};
use kulttuurikartta_core::region::municipality::{fold, MUNICIPALITIES};

const TEXT: u8 = 1;
const MUNICIPALITY: u8 = 1 << 1;
const CATEGORY: u8 = 1 << 2;
const FREE: u8 = 1 << 3;
const FAMILY: u8 = 1 << 4;
const ATTENDANCE: u8 = 1 << 5;
const CANCELLED: u8 = 1 << 6;
const WINDOW: u8 = 1 << 7;

/// Folded text of each event (title, place and description in every language), built once per
/// catalogue so that typing a query does not fold thousands of descriptions per keystroke.
pub struct SearchIndex(Vec<String>);

impl SearchIndex {
    pub fn new(events: &[Event]) -> SearchIndex {
        SearchIndex(events.iter().map(haystack).collect())
    }
}

fn haystack(ev: &Event) -> String {
    let mut s = String::new();
    let mut add = |t: &str| {
        if !t.is_empty() {
            s.push_str(&fold(t));
            s.push('\n');
        }
    };
    for (_, t) in &ev.name.0 {
        add(t);
    }
    if let Some(v) = &ev.venue {
        for text in [&v.name, &v.street_address, &v.locality] {
            for (_, t) in &text.0 {
                add(t);
            }
        }
    }
    if let Some(m) = ev
        .municipality
        .and_then(kulttuurikartta_core::region::municipality::by_code)
    {
        add(m.name_fi);
        add(m.name_sv);
    }
    for (_, t) in &ev.short_description.0 {
        add(t);
    }
    for (_, t) in &ev.description.0 {
        add(&kulttuurikartta_core::feed::text::plain(t));
    }
    for c in &ev.categories {
        for l in Lang::ALL {
            add(c.label(l));
        }
    }
    s
}

/// Counts of matching events per option of each filter, with the other filters applied.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FacetCounts {
    /// Parallel to `MUNICIPALITIES`.
    pub municipalities: Vec<usize>,
    /// Parallel to `Category::ALL`.
    pub categories: Vec<usize>,
    pub free: usize,
    pub family: usize,
    pub online: usize,
    pub on_site: usize,
    pub not_cancelled: usize,
}

impl FacetCounts {
    pub fn municipality(&self, code: &str) -> usize {
        MUNICIPALITIES
            .iter()
            .position(|m| m.code == code)
            .map_or(0, |i| self.municipalities[i])
    }
    pub fn category(&self, c: Category) -> usize {
        Category::ALL
            .iter()
            .position(|x| *x == c)
            .map_or(0, |i| self.categories[i])
    }
}

#[derive(Debug, Default, PartialEq)]
pub struct Outcome {
    /// Indices into the events, in their order, matching every filter and the window.
    pub matching: Vec<usize>,
    /// Matching every filter but ignoring the window: what the timeline draws.
    pub ignoring_window: Vec<usize>,
    pub counts: FacetCounts,
}

pub fn is_for_families(ev: &Event) -> bool {
    ev.categories.contains(&Category::ChildrenFamilies)
        || ev.audience_max_age.is_some_and(|a| a <= 15)
}

/// Evaluates `q` over `events` (a catalogue's, sorted). Without a window, what is current or
/// upcoming at `now` is shown (including events with no date yet); with one, what overlaps it.
/// A recurring series' container is never a result: its dates are.
pub fn evaluate(
    events: &[Event],
    index: Option<&SearchIndex>,
    q: &Query,
    now: DateTime<Utc>,
) -> Outcome {
    let words: Vec<String> = fold(&q.text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    let mut out = Outcome {
        counts: FacetCounts {
            municipalities: vec![0; MUNICIPALITIES.len()],
            categories: vec![0; Category::ALL.len()],
            ..FacetCounts::default()
        },
        ..Outcome::default()
    };
    for (i, ev) in events.iter().enumerate() {
        if ev.super_event_type == Some(SuperEventType::Recurring) {
            continue;
        }
        let mut fails = 0u8;
        if !words.is_empty() {
            let hay = index.map(|x| x.0[i].as_str());
            let owned;
            let hay = match hay {
                Some(h) => h,
                None => {
                    owned = haystack(ev);
                    owned.as_str()
                }
            };
            if !words.iter().all(|w| hay.contains(w.as_str())) {
                fails |= TEXT;
            }
        }
        if !q.municipalities.is_empty()
            && !ev
                .municipality
                .is_some_and(|m| q.municipalities.contains(&m))
        {
            fails |= MUNICIPALITY;
        }
        if !q.categories.is_empty() && !ev.categories.iter().any(|c| q.categories.contains(c)) {
            fails |= CATEGORY;
        }
        let free = ev.is_free == Some(true);
        if q.free_only && !free {
            fails |= FREE;
        }
        let family = is_for_families(ev);
        if q.families && !family {
            fails |= FAMILY;
        }
        let online = ev.location_kind == LocationKind::Online;
        match q.attendance {
            Some(Attendance::Online) if !online => fails |= ATTENDANCE,
            Some(Attendance::OnSite) if online => fails |= ATTENDANCE,
            _ => {}
        }
        let cancelled = ev.status == EventStatus::Cancelled;
        if q.hide_cancelled && cancelled {
            fails |= CANCELLED;
        }
        let in_window = match (q.window, ev.start) {
            (Some(w), Some(s)) => w.overlaps(
                s.first_instant(),
                ev.last_instant().unwrap_or(s.first_instant()),
            ),
            (Some(_), None) => false,
            (None, _) => ev.is_current_or_upcoming(now),
        };
        // Without a window, the past is simply not part of the explorer.
        if !in_window {
            fails |= WINDOW;
        }
        if fails == 0 {
            out.matching.push(i);
        }
        if fails & !WINDOW == 0 && (q.window.is_some() || ev.is_current_or_upcoming(now)) {
            out.ignoring_window.push(i);
        }
        let c = &mut out.counts;
        let only = |bit: u8| fails & !bit == 0;
        if only(MUNICIPALITY) {
            if let Some(p) = ev
                .municipality
                .and_then(|m| MUNICIPALITIES.iter().position(|x| x.code == m))
            {
                c.municipalities[p] += 1;
            }
        }
        if only(CATEGORY) {
            for cat in &ev.categories {
                if let Some(p) = Category::ALL.iter().position(|x| x == cat) {
                    c.categories[p] += 1;
                }
            }
        }
        if only(FREE) && free {
            c.free += 1;
        }
        if only(FAMILY) && family {
            c.family += 1;
        }
        if only(ATTENDANCE) {
            if online {
                c.online += 1;
            } else {
                c.on_site += 1;
            }
        }
        if only(CANCELLED) && !cancelled {
            c.not_cancelled += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone};
    use kulttuurikartta_core::feed::{LangTag, Localized, LocalizedText};
    use kulttuurikartta_core::time::When;

    fn text(s: &str) -> LocalizedText {
        Localized(vec![(LangTag::new("fi"), s.to_owned())])
    }

    fn ev(id: &str, name: &str, muni: &'static str, day: u32) -> Event {
        Event {
            id: id.into(),
            name: text(name),
            short_description: Default::default(),
            description: Default::default(),
            start: Some(When::At(
                Utc.with_ymd_and_hms(2026, 12, day, 16, 0, 0).unwrap(),
            )),
            end: None,
            status: EventStatus::Scheduled,
            venue: None,
            position: None,
            location_kind: LocationKind::Approximate,
            municipality: Some(muni),
            categories: vec![Category::Music],
            keywords: vec![],
            is_free: None,
            price: Default::default(),
            info_url: Default::default(),
            ticket_url: Default::default(),
            image: None,
            organizer: Default::default(),
            in_language: vec![],
            audience_min_age: None,
            audience_max_age: None,
            super_event: None,
            super_event_type: None,
            sub_events: vec![],
            warnings: vec![],
        }
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 28, 8, 0, 0).unwrap()
    }

    fn sample() -> Vec<Event> {
        let mut a = ev("a", "Joulukonsertti", "564", 5);
        a.is_free = Some(true);
        let mut b = ev("b", "Kärsämäen kirkkokonsertti", "317", 6);
        b.status = EventStatus::Cancelled;
        let mut c = ev("c", "Lasten teatteri", "205", 12);
        c.categories = vec![Category::Theatre, Category::ChildrenFamilies];
        let mut d = ev("d", "Verkkoluento", "205", 20);
        d.location_kind = LocationKind::Online;
        d.description = text("<p>Kirjoittamisen <span class=\"korostus\">työpaja</span></p>");
        let mut past = ev("past", "Eilinen", "564", 1);
        past.start = Some(When::At(
            Utc.with_ymd_and_hms(2026, 11, 1, 16, 0, 0).unwrap(),
        ));
        vec![past, a, b, c, d]
    }

    fn ids(events: &[Event], idx: &[usize]) -> Vec<String> {
        idx.iter().map(|&i| events[i].id.clone()).collect()
    }

    #[test]
    fn text_search_ignores_case_and_diacritics_and_reads_descriptions() {
        let events = sample();
        let index = SearchIndex::new(&events);
        let run = |t: &str| {
            let q = Query {
                text: t.into(),
                ..Query::default()
            };
            ids(
                &events,
                &evaluate(&events, Some(&index), &q, now()).matching,
            )
        };
        assert_eq!(run("karsamaki"), ["b"]);
        assert_eq!(run("KONSERTTI"), ["a", "b"]);
        assert_eq!(
            run("tyopaja"),
            ["d"],
            "description text, without its markup"
        );
        assert_eq!(run("kajaani teatteri"), ["c"], "every word must match");
        assert!(run("korostus").is_empty(), "markup is not searchable text");
        // Without an index the same answers come from folding on the fly.
        let q = Query {
            text: "karsamaki".into(),
            ..Query::default()
        };
        assert_eq!(
            ids(&events, &evaluate(&events, None, &q, now()).matching),
            ["b"]
        );
    }

    #[test]
    fn past_events_are_left_out_unless_a_window_asks_for_them() {
        let events = sample();
        let out = evaluate(&events, None, &Query::default(), now());
        assert_eq!(ids(&events, &out.matching), ["a", "b", "c", "d"]);
        let nov = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let q = Query {
            window: Some(super::super::Window::days(nov, nov)),
            ..Query::default()
        };
        assert_eq!(
            ids(&events, &evaluate(&events, None, &q, now()).matching),
            ["past"]
        );
    }

    #[test]
    fn counts_show_what_each_option_would_leave_given_the_other_filters() {
        let events = sample();
        let q = Query {
            municipalities: vec!["205"],
            hide_cancelled: true,
            ..Query::default()
        };
        let out = evaluate(&events, None, &q, now());
        assert_eq!(ids(&events, &out.matching), ["c", "d"]);
        let c = &out.counts;
        // Municipality options ignore the municipality filter but keep "hide cancelled".
        assert_eq!(c.municipality("564"), 1);
        assert_eq!(c.municipality("317"), 0, "its only event is cancelled");
        assert_eq!(c.municipality("205"), 2);
        assert_eq!(c.category(Category::Theatre), 1);
        assert_eq!(c.category(Category::Music), 1);
        assert_eq!(c.category(Category::Dance), 0);
        assert_eq!((c.online, c.on_site), (1, 1));
        assert_eq!(c.family, 1);
        assert_eq!(c.free, 0);
        // The option counts of a filter add up to the results when every event has one value.
        assert_eq!(c.online + c.on_site, out.matching.len());
    }

    #[test]
    fn the_timeline_set_ignores_only_the_window() {
        let events = sample();
        let dec5 = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
        let q = Query {
            window: Some(super::super::Window::days(dec5, dec5)),
            categories: vec![Category::Music],
            ..Query::default()
        };
        let out = evaluate(&events, None, &q, now());
        assert_eq!(ids(&events, &out.matching), ["a"]);
        assert_eq!(ids(&events, &out.ignoring_window), ["past", "a", "b", "d"]);
    }
}
