//! The region's cultural offer in numbers (`/stats`), for the people who plan and report on it:
//! events per municipality and per resident, free and family shares, by month and category.
//!
//! The counting rules, which the page states in words and the tests below hold it to:
//! - an event counts when the explorer would list it for the same URL (same filters, and it
//!   overlaps the window), so municipalities + "online" + "outside the region" add up to the
//!   explorer's result count, less the cancelled;
//! - cancelled events are not offer: they are only counted in their own column;
//! - a recurring series counts each of its dates (the explorer lists dates, not the series);
//! - a multi-day event counts once, in the period it starts (or the window's first, if it began
//!   before), and the days it runs inside the window are counted separately;
//! - events without a date (postponed, or to be announced) are listed apart;
//! - an online event counts in its organiser's municipality when the name says it, else as online;
//! - duplicates the catalogue merged are one event, as everywhere in the app.

pub mod axis;
pub mod periods;
pub mod population;
pub mod shades;
pub mod table;

use chrono::{Duration, NaiveDate};

use crate::query::filter::{is_for_families, Outcome};
use crate::query::Window;
use kulttuurikartta_core::feed::{Category, Event, EventStatus, LocationKind};
use kulttuurikartta_core::region::municipality::{self, Region, MUNICIPALITIES};
use kulttuurikartta_core::time::helsinki;
use periods::Period;

/// What a group of events adds up to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Events on offer (not cancelled).
    pub events: u32,
    /// Days those events run inside the window, summed.
    pub days: u32,
    pub free: u32,
    pub families: u32,
    pub online: u32,
    pub cancelled: u32,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.events += o.events;
        self.days += o.days;
        self.free += o.free;
        self.families += o.families;
        self.online += o.online;
        self.cancelled += o.cancelled;
    }
}

/// Where an event is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Home {
    /// An index into `MUNICIPALITIES`.
    Municipality(usize),
    /// Online, with no municipality of ours to count it in.
    Online,
    /// Anywhere else, or nowhere known.
    Outside,
}

/// Columns of the time table: where the events of a period are counted.
pub const PERIOD_COLUMNS: usize = 4;
pub const NORTH_OSTROBOTHNIA: usize = 0;
pub const KAINUU: usize = 1;
pub const ONLINE: usize = 2;
pub const OUTSIDE: usize = 3;

#[derive(Debug, Clone, PartialEq)]
pub struct PeriodRow {
    pub period: Period,
    /// Events starting in the period, by `NORTH_OSTROBOTHNIA`, `KAINUU`, `ONLINE`, `OUTSIDE`.
    pub events: [u32; PERIOD_COLUMNS],
    /// Days of events that fall in the period (a long exhibition adds to every month it runs).
    pub days: u32,
    pub cancelled: u32,
}

impl PeriodRow {
    pub fn total(&self) -> u32 {
        self.events.iter().sum()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stats {
    /// Parallel to `MUNICIPALITIES`.
    pub municipalities: Vec<Tally>,
    pub online: Tally,
    pub outside: Tally,
    pub periods: Vec<PeriodRow>,
    /// Events per category, parallel to `Category::ALL`; an event counts in each of its own.
    pub categories: Vec<u32>,
    pub uncategorised: u32,
    /// Indices of events that pass the filters but have no date to count them by.
    pub undated: Vec<usize>,
}

impl Stats {
    /// The sum of the municipalities `pick` chooses.
    pub fn subtotal(&self, pick: impl Fn(&municipality::Municipality) -> bool) -> Tally {
        let mut t = Tally::default();
        for (m, tally) in MUNICIPALITIES.iter().zip(&self.municipalities) {
            if pick(m) {
                t.add(tally);
            }
        }
        t
    }

    /// Everything counted, online and outside included.
    pub fn total(&self) -> Tally {
        let mut t = self.subtotal(|_| true);
        t.add(&self.online);
        t.add(&self.outside);
        t
    }
}

/// Where `ev` is counted: its municipality, else (online) its organiser's, else online or
/// outside.
pub fn home(ev: &Event) -> Home {
    let by_code = |code: &str| MUNICIPALITIES.iter().position(|m| m.code == code);
    if let Some(i) = ev.municipality.and_then(by_code) {
        return Home::Municipality(i);
    }
    if ev.location_kind != LocationKind::Online {
        return Home::Outside;
    }
    ev.organizer
        .0
        .iter()
        .find_map(|(_, name)| municipality::by_organiser(name))
        .and_then(|m| by_code(m.code))
        .map_or(Home::Online, Home::Municipality)
}

/// The Helsinki days an event runs: from its start to the day of its last instant (an event
/// ending at midnight does not run on the next day).
pub fn event_days(ev: &Event) -> Option<(NaiveDate, NaiveDate)> {
    let start = ev.start?.first_instant();
    let last = ev.last_instant().unwrap_or(start);
    let first = helsinki::local_date(start);
    let last = if last > start {
        helsinki::local_date(last - Duration::seconds(1))
    } else {
        first
    };
    Some((first, last.max(first)))
}

/// The report's scope in words: the active filters, with a whole region named as the region
/// ("Kainuu", not its eight municipalities).
pub fn scope(q: &crate::query::Query, lang: crate::i18n::Lang) -> Vec<String> {
    use crate::i18n::{Key, Translate};
    let region = [
        ("kainuu", Key::RegionKainuu),
        ("pohjois-pohjanmaa", Key::RegionNorthOstrobothnia),
        ("oulu2026", Key::RowOulu2026),
    ]
    .into_iter()
    .find(|(name, _)| {
        !q.municipalities.is_empty()
            && crate::query::region_codes(name).is_some_and(|mut c| {
                c.sort_unstable();
                c == q.municipalities
            })
    });
    match region {
        Some((_, key)) => {
            let rest = crate::query::Query {
                municipalities: Vec::new(),
                ..q.clone()
            };
            std::iter::once(lang.t(key).to_owned())
                .chain(
                    crate::query::chips::chips(&rest, lang, true)
                        .into_iter()
                        .map(|c| c.0),
                )
                .collect()
        }
        None => crate::query::chips::chips(q, lang, true)
            .into_iter()
            .map(|c| c.0)
            .collect(),
    }
}

/// Counts the events the explorer's `outcome` matched (an evaluation with `window`).
pub fn count(events: &[Event], outcome: &Outcome, window: &Window) -> Stats {
    let (from, to) = window.day_range();
    let periods = periods::split(from, to);
    let mut s = Stats {
        municipalities: vec![Tally::default(); MUNICIPALITIES.len()],
        online: Tally::default(),
        outside: Tally::default(),
        periods: periods
            .iter()
            .map(|p| PeriodRow {
                period: *p,
                events: [0; PERIOD_COLUMNS],
                days: 0,
                cancelled: 0,
            })
            .collect(),
        categories: vec![0; Category::ALL.len()],
        uncategorised: 0,
        undated: outcome
            .ignoring_window
            .iter()
            .copied()
            .filter(|i| events[*i].start.is_none())
            .collect(),
    };
    for &i in &outcome.matching {
        let ev = &events[i];
        let Some((first, last)) = event_days(ev) else {
            continue; // cannot happen: the window only matches dated events
        };
        let (first, last) = (first.max(from), last.min(to));
        let home = home(ev);
        let (tally, column) = match home {
            Home::Municipality(m) => (
                &mut s.municipalities[m],
                match MUNICIPALITIES[m].region {
                    Region::NorthOstrobothnia => NORTH_OSTROBOTHNIA,
                    Region::Kainuu => KAINUU,
                },
            ),
            Home::Online => (&mut s.online, ONLINE),
            Home::Outside => (&mut s.outside, OUTSIDE),
        };
        let row = periods::index_of(&periods, first).map(|p| &mut s.periods[p]);
        if ev.status == EventStatus::Cancelled {
            tally.cancelled += 1;
            if let Some(row) = row {
                row.cancelled += 1;
            }
            continue;
        }
        let days = u32::try_from((last - first).num_days() + 1).unwrap_or(0);
        tally.events += 1;
        tally.days += days;
        tally.free += u32::from(ev.is_free == Some(true));
        tally.families += u32::from(is_for_families(ev));
        tally.online += u32::from(ev.location_kind == LocationKind::Online);
        if let Some(row) = row {
            row.events[column] += 1;
        }
        // Days go to every period the event runs in; there are few, so look from the first.
        if let Some(p0) = periods::index_of(&periods, first) {
            for (p, row) in periods[p0..].iter().zip(&mut s.periods[p0..]) {
                if p.first > last {
                    break;
                }
                row.days += p.overlap_days(first, last) as u32;
            }
        }
        if ev.categories.is_empty() {
            s.uncategorised += 1;
        }
        for c in &ev.categories {
            if let Some(k) = Category::ALL.iter().position(|x| x == c) {
                s.categories[k] += 1;
            }
        }
    }
    s
}

#[cfg(test)]
mod tests;
