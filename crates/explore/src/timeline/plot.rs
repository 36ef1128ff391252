//! What the timeline's plot shows for a scale: the events in view one by one in lanes while they
//! fit, else a histogram; and which stretch of time the timeline opens on and moves to.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use kulttuurikartta_core::feed::{Event, EventStatus};
use kulttuurikartta_core::time::helsinki;

use super::bins::{bin_unit, histogram, Bin};
use super::lanes::{pack, Placed};
use super::scale::TimeScale;
use crate::query::Window;

/// One dated event as the timeline needs it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Item {
    /// Index into the catalogue.
    pub index: usize,
    pub start: DateTime<Utc>,
    /// The last instant it covers; equal to `start` for a point event.
    pub last: DateTime<Utc>,
    pub all_day: bool,
    pub cancelled: bool,
}

impl Item {
    /// `None` for an event without a date (postponed, to be announced): it has no place here.
    pub fn of_event(index: usize, e: &Event) -> Option<Item> {
        let s = e.start?;
        Some(Item {
            index,
            start: s.first_instant(),
            last: e.last_instant().unwrap_or(s.first_instant()),
            all_day: s.is_all_day(),
            cancelled: e.status == EventStatus::Cancelled,
        })
    }

    /// Whether the item shows in the view: what `in_view` finds faster, and its tests' oracle.
    #[cfg(test)]
    fn in_view(&self, s: &TimeScale) -> bool {
        if self.last > self.start {
            self.start < s.end && self.last > s.start
        } else {
            self.start >= s.start && self.start < s.end
        }
    }
}

/// How the plot is drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum Plot {
    /// Every event in view, each placed in a lane; `Placed::index` indexes `items`.
    Items(Vec<(Item, Placed)>),
    /// Too many, or they do not fit in the lanes: counts per hour, day, week or month.
    Histogram(Vec<Bin>),
}

/// Lays out `items` (sorted by start) for scale `s`: one by one when at most `max_items` are in
/// view and all fit in `lanes` lanes, else as a histogram whose bars are at least 4 px wide.
pub fn plot(s: &TimeScale, items: &[Item], max_items: usize, lanes: usize) -> Plot {
    let visible = in_view(s, items);
    if visible.len() <= max_items {
        let spans: Vec<(f64, f64)> = visible
            .iter()
            .map(|i| (s.x(i.start), s.x(i.last)))
            .collect();
        let (placed, overflow) = pack(&spans, 5.0, 2.0, lanes);
        if overflow == 0 {
            return Plot::Items(placed.into_iter().map(|p| (visible[p.index], p)).collect());
        }
    }
    let pairs: Vec<_> = visible.iter().map(|i| (i.start, i.last)).collect();
    Plot::Histogram(histogram(s, bin_unit(s, 4.0), &pairs))
}

/// The items of `items` (sorted by start) in view, in their order. Two binary searches find
/// those that start in the view, which are all in it; before them only the spans that run into
/// the view are, and after them none. A window at 100 000 events took milliseconds of date
/// comparisons when every item was tested as `Item::in_view`.
fn in_view(s: &TimeScale, items: &[Item]) -> Vec<Item> {
    let first = items.partition_point(|i| i.start < s.start);
    let end = first + items[first..].partition_point(|i| i.start < s.end);
    items[..first]
        .iter()
        .filter(|i| i.last > s.start)
        .chain(&items[first..end])
        .copied()
        .collect()
}

/// The stretch the timeline opens on: the window with a margin, else from two days ago to about
/// six weeks ahead, where most of what is on lies.
pub fn initial_range(window: Option<Window>, today: NaiveDate) -> (DateTime<Utc>, DateTime<Utc>) {
    match window {
        Some(w) => {
            let pad = ((w.end - w.start) / 4).max(Duration::days(2));
            (w.start - pad, w.end + pad)
        }
        None => (
            helsinki::start_of_day(today - Duration::days(2)),
            helsinki::start_of_day(today + Duration::days(40)),
        ),
    }
}

/// A window set elsewhere (a preset, playback, a link) brought into view: the scale is kept when
/// the window already fits, else centred on it, wide enough to show it with room either side.
pub fn reveal(s: &TimeScale, w: &Window) -> TimeScale {
    if w.start >= s.start && w.end <= s.end {
        return *s;
    }
    let len = w.end - w.start;
    let span = (s.end - s.start).max(len + len / 2);
    let mid = w.start + len / 2;
    TimeScale::new(mid - span / 2, mid + span / 2, s.width)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    fn at(d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, d, h, 0, 0).unwrap()
    }

    fn item(index: usize, start: DateTime<Utc>, last: DateTime<Utc>) -> Item {
        Item {
            index,
            start,
            last,
            all_day: false,
            cancelled: false,
        }
    }

    fn scale() -> TimeScale {
        TimeScale::new(at(1, 0), at(11, 0), 1000.0)
    }

    #[test]
    fn a_few_events_are_drawn_one_by_one_and_only_those_in_view() {
        let mut items = [
            item(0, at(2, 10), at(2, 10)),
            item(1, at(3, 10), at(5, 10)),
            // Outside the view on both sides:
            item(2, at(20, 10), at(20, 10)),
            item(
                3,
                at(1, 0) - Duration::days(3),
                at(1, 0) - Duration::days(2),
            ),
            // A span that began before the view but runs into it is in view.
            item(4, at(1, 0) - Duration::days(2), at(2, 0)),
        ];
        items.sort_by_key(|i| i.start);
        let Plot::Items(placed) = plot(&scale(), &items, 300, 8) else {
            panic!("items")
        };
        let mut shown: Vec<usize> = placed.iter().map(|(i, _)| i.index).collect();
        shown.sort();
        assert_eq!(shown, vec![0, 1, 4]);
        // The span is as wide as its days.
        let (_, p) = placed.iter().find(|(i, _)| i.index == 1).unwrap();
        assert!((p.x1 - p.x0 - 200.0).abs() < 1.0, "{p:?}");
    }

    #[test]
    fn the_items_in_view_are_those_that_overlap_it_in_their_order() {
        // Points and spans of up to four days, sorted by start as the catalogue is, against
        // views before, across and after them, including edges on an item's instants.
        let mut x: u64 = 11;
        let mut items: Vec<Item> = (0..2000)
            .map(|i| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let start = at(1, 0) + Duration::minutes((x >> 33) as i64 % (40 * 1440));
                let len = match x % 7 {
                    0 => Duration::days((x >> 20) as i64 % 4),
                    1 => Duration::minutes((x >> 20) as i64 % 300),
                    _ => Duration::zero(),
                };
                item(i, start, start + len)
            })
            .collect();
        items.sort_by_key(|i| i.start);
        let edges: Vec<DateTime<Utc>> = items.iter().step_by(97).map(|i| i.start).collect();
        let mut views = vec![
            TimeScale::new(at(1, 0) - Duration::days(9), at(1, 0), 500.0),
            TimeScale::new(
                at(1, 0) + Duration::days(50),
                at(1, 0) + Duration::days(60),
                500.0,
            ),
            TimeScale::new(
                at(1, 0) - Duration::days(1),
                at(1, 0) + Duration::days(99),
                500.0,
            ),
        ];
        for w in edges.windows(2) {
            views.push(TimeScale::new(w[0], w[1], 500.0));
            views.push(TimeScale::new(w[0] - Duration::hours(30), w[0], 500.0));
        }
        for s in &views {
            let expected: Vec<Item> = items.iter().copied().filter(|i| i.in_view(s)).collect();
            assert_eq!(in_view(s, &items), expected, "{s:?}");
        }
        assert!(views.iter().any(|s| in_view(s, &items).len() > 100));
    }

    #[test]
    fn too_many_in_view_become_a_histogram_that_counts_each_once() {
        let items: Vec<Item> = (0..301)
            .map(|i| item(i, at(2 + (i % 5) as u32, 12), at(2 + (i % 5) as u32, 12)))
            .collect();
        let Plot::Histogram(bins) = plot(&scale(), &items, 300, 8) else {
            panic!("a histogram")
        };
        assert_eq!(bins.iter().map(|b| b.count).sum::<usize>(), 301);
    }

    #[test]
    fn events_that_do_not_fit_the_lanes_become_a_histogram() {
        // Ten events at the same moment need ten lanes; there are eight.
        let items: Vec<Item> = (0..10).map(|i| item(i, at(3, 12), at(3, 12))).collect();
        assert!(matches!(plot(&scale(), &items, 300, 8), Plot::Histogram(_)));
        assert!(matches!(
            plot(&scale(), &items[..8], 300, 8),
            Plot::Items(_)
        ));
    }

    #[test]
    fn the_timeline_opens_around_the_window_or_on_the_coming_weeks() {
        let (a, b) = initial_range(None, day(2));
        assert_eq!(a, helsinki::start_of_day(day(1) - Duration::days(1)));
        assert_eq!(b - a, Duration::days(42));
        let w = Window::days(day(10), day(11));
        let (a, b) = initial_range(Some(w), day(2));
        assert_eq!(
            (a, b),
            (w.start - Duration::days(2), w.end + Duration::days(2))
        );
    }

    #[test]
    fn a_window_out_of_view_is_centred_and_one_in_view_moves_nothing() {
        let s = scale();
        let inside = Window::days(day(3), day(4));
        assert_eq!(reveal(&s, &inside), s);
        let later = Window::days(day(20), day(21));
        let r = reveal(&s, &later);
        assert!(r.start <= later.start && r.end >= later.end);
        assert_eq!(r.end - r.start, s.end - s.start, "the zoom stays");
        // A window longer than the view widens it.
        let long = Window::days(day(1), day(31));
        let r = reveal(&s, &long);
        assert!(r.start <= long.start && r.end >= long.end);
    }
}
