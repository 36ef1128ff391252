//! Which events a query matches, and how many each filter option would leave ("counts before
//! you apply"). One pass over the events computes both: each event gets a bit per filter it
//! fails; it matches with no bits set, and counts towards a filter's options when that filter's
//! bit is the only one.

use chrono::{DateTime, Utc};

pub use super::facts::is_for_families;
use super::facts::{
    category_bits, micros, EventFacts, CANCELLED as CANCELLED_FACT, DATED, FAMILY as FAMILY_FACT,
    FREE as FREE_FACT, NO_MUNICIPALITY, ONLINE as ONLINE_FACT, OTHER_MUNICIPALITY, SERIES,
};
use super::{Attendance, Query};
use crate::i18n::Lang;
use kulttuurikartta_core::feed::{Category, Event};
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

/// Evaluates `q` over `events` (a catalogue's, sorted). Without a window, what is current or
/// upcoming at `now` is shown (including events with no date yet); with one, what overlaps it.
/// A recurring series' container is never a result: its dates are. Works out the events'
/// `EventFacts` first: a caller that evaluates often keeps them and calls `evaluate_with`.
pub fn evaluate(
    events: &[Event],
    index: Option<&SearchIndex>,
    q: &Query,
    now: DateTime<Utc>,
) -> Outcome {
    evaluate_with(events, &EventFacts::new(events), index, q, now)
}

/// `evaluate`, with `facts` made by `EventFacts::new(events)`.
pub fn evaluate_with(
    events: &[Event],
    facts: &EventFacts,
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
    // The query as bit sets, like the facts.
    let municipality_bits = q.municipalities.iter().fold(0u64, |bits, code| {
        bits | MUNICIPALITIES
            .iter()
            .position(|m| m.code == *code)
            .map_or(0, |i| 1 << i)
    });
    let wanted_categories = category_bits(&q.categories);
    let window = q.window.map(|w| (micros(w.start), micros(w.end)));
    let now = micros(now);
    for (i, f) in facts.0.iter().enumerate() {
        if f.has(SERIES) {
            continue;
        }
        let mut fails = 0u8;
        if !words.is_empty() {
            let hay = index.map(|x| x.0[i].as_str());
            let owned;
            let hay = match hay {
                Some(h) => h,
                None => {
                    owned = haystack(&events[i]);
                    owned.as_str()
                }
            };
            if !words.iter().all(|w| hay.contains(w.as_str())) {
                fails |= TEXT;
            }
        }
        if !q.municipalities.is_empty() {
            let chosen = match f.municipality {
                NO_MUNICIPALITY => false,
                OTHER_MUNICIPALITY => events[i]
                    .municipality
                    .is_some_and(|m| q.municipalities.contains(&m)),
                m => municipality_bits & (1 << m) != 0,
            };
            if !chosen {
                fails |= MUNICIPALITY;
            }
        }
        if wanted_categories != 0 && f.categories & wanted_categories == 0 {
            fails |= CATEGORY;
        }
        let free = f.has(FREE_FACT);
        if q.free_only && !free {
            fails |= FREE;
        }
        let family = f.has(FAMILY_FACT);
        if q.families && !family {
            fails |= FAMILY;
        }
        let online = f.has(ONLINE_FACT);
        match q.attendance {
            Some(Attendance::Online) if !online => fails |= ATTENDANCE,
            Some(Attendance::OnSite) if online => fails |= ATTENDANCE,
            _ => {}
        }
        let cancelled = f.has(CANCELLED_FACT);
        if q.hide_cancelled && cancelled {
            fails |= CANCELLED;
        }
        let shown_now = now < f.shown_until;
        let in_window = match window {
            // `Window::overlaps` on the instants.
            Some((start, end)) if f.has(DATED) => {
                if f.last > f.first {
                    f.first < end && f.last > start
                } else {
                    f.first >= start && f.first < end
                }
            }
            Some(_) => false,
            None => shown_now,
        };
        // Without a window, the past is simply not part of the explorer.
        if !in_window {
            fails |= WINDOW;
        }
        if fails == 0 {
            out.matching.push(i);
        }
        if fails & !WINDOW == 0 && (window.is_some() || shown_now) {
            out.ignoring_window.push(i);
        }
        let c = &mut out.counts;
        let only = |bit: u8| fails & !bit == 0;
        if only(MUNICIPALITY) && (f.municipality as usize) < MUNICIPALITIES.len() {
            c.municipalities[f.municipality as usize] += 1;
        }
        if only(CATEGORY) {
            let mut bits = f.categories;
            while bits != 0 {
                c.categories[bits.trailing_zeros() as usize] += 1;
                bits &= bits - 1;
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
pub(super) mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone};
    use kulttuurikartta_core::feed::{
        EventStatus, LangTag, Localized, LocalizedText, LocationKind, SuperEventType,
    };
    use kulttuurikartta_core::time::When;

    fn text(s: &str) -> LocalizedText {
        Localized(vec![(LangTag::new("fi"), s.to_owned())])
    }

    pub(in crate::query) fn ev(id: &str, name: &str, muni: &'static str, day: u32) -> Event {
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

    /// What a query means, said plainly with the events' own methods: the oracle for the
    /// bit-set evaluation over `EventFacts`.
    fn passes(ev: &Event, q: &Query, now: DateTime<Utc>, skip: u8) -> bool {
        let muni = ev
            .municipality
            .is_some_and(|m| q.municipalities.contains(&m));
        let cat = ev.categories.iter().any(|c| q.categories.contains(c));
        let online = ev.location_kind == LocationKind::Online;
        let checks = [
            (MUNICIPALITY, q.municipalities.is_empty() || muni),
            (CATEGORY, q.categories.is_empty() || cat),
            (FREE, !q.free_only || ev.is_free == Some(true)),
            (FAMILY, !q.families || is_for_families(ev)),
            (
                ATTENDANCE,
                match q.attendance {
                    Some(Attendance::Online) => online,
                    Some(Attendance::OnSite) => !online,
                    None => true,
                },
            ),
            (
                CANCELLED,
                !q.hide_cancelled || ev.status != EventStatus::Cancelled,
            ),
            (
                WINDOW,
                match (q.window, ev.start) {
                    (Some(w), Some(s)) => w.overlaps(
                        s.first_instant(),
                        ev.last_instant().unwrap_or(s.first_instant()),
                    ),
                    (Some(_), None) => false,
                    (None, _) => ev.is_current_or_upcoming(now),
                },
            ),
        ];
        ev.super_event_type != Some(SuperEventType::Recurring)
            && checks.iter().all(|(bit, ok)| *bit & skip != 0 || *ok)
    }

    #[test]
    fn evaluation_over_facts_agrees_with_the_events_own_methods() {
        let mut seed = 11u64;
        let mut rnd = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let day = |d: u64| NaiveDate::from_ymd_opt(2026, 11, 20).unwrap() + chrono::Days::new(d);
        let instant = |d: u64, minute: u64| {
            Utc.from_utc_datetime(&day(d).and_hms_opt(0, 0, 0).unwrap())
                + chrono::Duration::minutes(minute as i64)
        };
        let mut events = Vec::new();
        for i in 0..400 {
            let mut e = ev(&format!("e{i}"), "x", "564", 1);
            let d = rnd(30);
            e.start = match rnd(5) {
                0 => None,
                1 => Some(When::Day(day(d))),
                _ => Some(When::At(instant(d, rnd(1440)))),
            };
            e.end = match (e.start, rnd(4)) {
                (None, _) | (_, 0) => None,
                (_, 1) => Some(When::Day(day(d + rnd(3)))),
                // Sometimes before the start: bad data must not be read differently.
                _ => Some(When::At(instant(d, rnd(3000)))),
            };
            e.municipality = match rnd(6) {
                0 => None,
                1 => Some("091"),
                k => Some(["564", "205", "317", "072"][k as usize - 2]),
            };
            e.categories = (0..rnd(3))
                .map(|_| Category::ALL[rnd(Category::ALL.len() as u64) as usize])
                .collect();
            e.categories
                .sort_by_key(|c| Category::ALL.iter().position(|x| x == c));
            e.categories.dedup();
            e.is_free = [None, Some(true), Some(false)][rnd(3) as usize];
            e.audience_max_age = [None, Some(12), Some(18)][rnd(3) as usize];
            e.location_kind = [LocationKind::Online, LocationKind::Approximate][rnd(2) as usize];
            if rnd(7) == 0 {
                e.status = EventStatus::Cancelled;
            }
            if rnd(15) == 0 {
                e.super_event_type = Some(SuperEventType::Recurring);
            }
            events.push(e);
        }
        let facts = EventFacts::new(&events);
        for k in 0..300 {
            let window = match rnd(3) {
                0 => None,
                _ => {
                    let a = day(rnd(30));
                    Some(super::super::Window::days(
                        a,
                        a + chrono::Days::new(rnd(10)),
                    ))
                }
            };
            let q = Query {
                municipalities: [vec![], vec!["205"], vec!["091", "564"], vec!["317"]]
                    [rnd(4) as usize]
                    .clone(),
                categories: [
                    vec![],
                    vec![Category::Music],
                    vec![Category::Dance, Category::Theatre],
                ][rnd(3) as usize]
                    .clone(),
                free_only: rnd(3) == 0,
                families: rnd(4) == 0,
                attendance: [None, Some(Attendance::Online), Some(Attendance::OnSite)]
                    [rnd(3) as usize],
                hide_cancelled: rnd(2) == 0,
                window,
                ..Query::default()
            };
            let now = instant(rnd(30), rnd(1440));
            let out = evaluate_with(&events, &facts, None, &q, now);
            let want: Vec<usize> = (0..events.len())
                .filter(|&i| passes(&events[i], &q, now, 0))
                .collect();
            assert_eq!(out.matching, want, "query {k}: {q:?} at {now}");
            let timeline: Vec<usize> = (0..events.len())
                .filter(|&i| {
                    passes(&events[i], &q, now, WINDOW)
                        && (q.window.is_some() || events[i].is_current_or_upcoming(now))
                })
                .collect();
            assert_eq!(out.ignoring_window, timeline, "query {k}");
            let count = |skip: u8, has: &dyn Fn(&Event) -> bool| {
                events
                    .iter()
                    .filter(|e| passes(e, &q, now, skip) && has(e))
                    .count()
            };
            let c = &out.counts;
            assert_eq!(
                c.free,
                count(FREE, &|e| e.is_free == Some(true)),
                "query {k}"
            );
            assert_eq!(c.family, count(FAMILY, &is_for_families), "query {k}");
            assert_eq!(
                c.online,
                count(ATTENDANCE, &|e| e.location_kind == LocationKind::Online)
            );
            assert_eq!(
                c.not_cancelled,
                count(CANCELLED, &|e| e.status != EventStatus::Cancelled)
            );
            for code in ["564", "205", "317", "072", "091"] {
                let want = count(MUNICIPALITY, &|e| e.municipality == Some(code));
                // A code outside the region's table has no option, so no count.
                let want = if code == "091" { 0 } else { want };
                assert_eq!(c.municipality(code), want, "query {k}, {code}");
            }
            for cat in Category::ALL {
                assert_eq!(
                    c.category(cat),
                    count(CATEGORY, &|e| e.categories.contains(&cat)),
                    "query {k}, {cat:?}"
                );
            }
        }
    }
}
