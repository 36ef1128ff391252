//! The timeline's SVG: weekends and holidays shaded, the date scale, the events (one by one or
//! as a histogram, as `explore::timeline::plot` decides), the selected event's dates and "now".
//! It is hidden from assistive technology: the window slider and the list carry the same facts.

use std::sync::Arc;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};
use leptos::prelude::*;

use super::shared::{Shared, HEIGHT, PLOT_BOTTOM, PLOT_TOP, SCALE_BOTTOM};
use crate::dom;
use crate::load::Loaded;
use crate::state::use_selection;
use kulttuurikartta_core::feed::{Catalogue, SuperEventType};
use kulttuurikartta_core::time::helsinki;
use kulttuurikartta_explore::i18n::{Key, Lang, Translate};
use kulttuurikartta_explore::timeline::holidays::holidays_between;
use kulttuurikartta_explore::timeline::plot::{plot, Plot};
use kulttuurikartta_explore::timeline::scale::TimeScale;
use kulttuurikartta_explore::timeline::ticks;

/// Height of one lane of items.
const LANE: f64 = 9.0;
/// Items are drawn one by one up to this many in view; beyond it, the histogram.
const MAX_ITEMS: usize = 300;

pub(super) fn axis(shared: Shared, data: Arc<Loaded>) -> AnyView {
    let selection = use_selection();
    (move || {
        // Benchmarks measure from here to the window box, which renders right after this
        // closure's DOM is built (tests/bench/timeline.mjs). `try_` reads: this can be queued
        // by an app-wide change (language, selection) just as a kiosk reset replaces the
        // timeline.
        let s = shared.scale.try_get().flatten()?;
        dom::mark("kk:timeline:draw");
        let l = shared.lang.get();
        let items = shared.items.try_get()?;
        let selected = selection.get();
        let lanes = ((PLOT_BOTTOM - PLOT_TOP) / LANE) as usize;
        let (mode, events) = match plot(&s, &items, MAX_ITEMS, lanes) {
            Plot::Items(placed) => {
                let view = placed
                    .into_iter()
                    .map(|(item, p)| {
                        let ev = &data.catalogue.events[item.index];
                        let kind = if item.all_day {
                            " all-day"
                        } else if item.last > item.start {
                            " span"
                        } else {
                            " point"
                        };
                        let class = format!(
                            "item{kind}{}{}",
                            if item.cancelled { " cancelled" } else { "" },
                            if selected.as_deref() == Some(ev.id.as_str()) { " selected" } else { "" },
                        );
                        let (x0, x1) = (p.x0.max(-2.0), p.x1.min(s.width + 2.0));
                        view! {
                            <rect class=class data-event-id=ev.id.clone() x=format!("{x0:.1}") y=format!("{:.1}", PLOT_TOP + p.lane as f64 * LANE) width=format!("{:.1}", (x1 - x0).max(3.0)) height=LANE - 2.0 rx="2">
                                <title>{ev.name.text(l).to_owned()}</title>
                            </rect>
                        }
                    })
                    .collect_view();
                ("items", view.into_any())
            }
            Plot::Histogram(bins) => {
                let max = bins.iter().map(|b| b.count).max().unwrap_or(0).max(1) as f64;
                let h = PLOT_BOTTOM - PLOT_TOP;
                // One path for every bar: thousands of events stay one DOM node.
                let mut d = String::with_capacity(bins.len() * 24);
                for b in bins.iter().filter(|b| b.count > 0) {
                    let bh = (b.count as f64 / max * h).max(2.0);
                    let w = (b.x1 - b.x0 - 1.0).max(1.0);
                    d.push_str(&format!(
                        "M{:.1},{:.1}h{w:.1}v{bh:.1}h{:.1}z",
                        b.x0,
                        PLOT_BOTTOM - bh,
                        -w
                    ));
                }
                ("histogram", view! { <path class="bars" d=d /> }.into_any())
            }
        };
        let marks = selected.map(|id| selected_marks(&s, &data.catalogue, &id));
        Some(view! {
            <svg class="timeline-svg" width=s.width height=HEIGHT aria-hidden="true" data-mode=mode>
                {days(&s, l)}
                {scale_labels(&s, l)}
                {events}
                {marks}
                {now_line(&s, shared.now, l)}
            </svg>
        })
    })
    .into_any()
}

/// Weekends (while days are wide enough to see) and holidays, as shaded days.
fn days(s: &TimeScale, l: Lang) -> impl IntoView {
    let (first, last) = (helsinki::local_date(s.start), helsinki::local_date(s.end));
    let day_rect = |d: NaiveDate| {
        let x0 = s.x(helsinki::start_of_day(d)).max(0.0);
        let x1 = s
            .x(helsinki::start_of_day(d + Duration::days(1)))
            .min(s.width);
        (x0, (x1 - x0).max(0.0))
    };
    let px_day = s.width / (s.span_secs() / 86_400.0);
    let weekends = (px_day >= 2.0).then(|| {
        first
            .iter_days()
            .take_while(|d| *d <= last)
            .filter(|d| matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
            .map(|d| {
                let (x, w) = day_rect(d);
                view! { <rect class="weekend" x=format!("{x:.1}") y=PLOT_TOP - 4.0 width=format!("{w:.1}") height=PLOT_BOTTOM - PLOT_TOP + 4.0 /> }
            })
            .collect_view()
    });
    let holidays = holidays_between(first, last)
        .into_iter()
        .map(|(d, h)| {
            let (x, w) = day_rect(d);
            view! {
                <g class="holiday">
                    <rect x=format!("{x:.1}") y=PLOT_TOP - 4.0 width=format!("{:.1}", w.max(2.0)) height=PLOT_BOTTOM - PLOT_TOP + 4.0><title>{h.name(l)}</title></rect>
                    <path d=format!("M{:.1},{} l4,6 l-8,0 z", x + w / 2.0, SCALE_BOTTOM) />
                </g>
            }
        })
        .collect_view();
    (weekends, holidays)
}

/// Tick lines and labels, and the context row above them (day, month or year).
fn scale_labels(s: &TimeScale, l: Lang) -> impl IntoView {
    let ax = ticks::axis(s, l);
    let ticks = ax
        .ticks
        .into_iter()
        .map(|tk| {
            view! {
                <g class="tick">
                    <line x1=format!("{:.1}", tk.x) x2=format!("{:.1}", tk.x) y1=SCALE_BOTTOM - 6.0 y2=PLOT_BOTTOM />
                    <text x=format!("{:.1}", tk.x + 3.0) y=SCALE_BOTTOM - 8.0>{tk.label}</text>
                </g>
            }
        })
        .collect_view();
    let context = ax
        .context
        .into_iter()
        .map(|tk| view! { <text class="context" x=format!("{:.1}", tk.x + 3.0) y="13">{tk.label}</text> })
        .collect_view();
    (ticks, context)
}

/// The selected event's date, or every date of its recurring series, as marks on the scale.
fn selected_marks(s: &TimeScale, cat: &Catalogue, id: &str) -> impl IntoView {
    let dates: Vec<DateTime<Utc>> = match cat.get(id) {
        None => Vec::new(),
        Some(ev) => match ev.super_event.as_deref() {
            Some(p)
                if cat
                    .get(p)
                    .is_some_and(|e| e.super_event_type == Some(SuperEventType::Recurring)) =>
            {
                cat.children_of(p)
                    .iter()
                    .filter_map(|e| e.start.map(|s| s.first_instant()))
                    .collect()
            }
            _ => ev.start.map(|s| s.first_instant()).into_iter().collect(),
        },
    };
    dates
        .into_iter()
        .filter(|d| *d >= s.start && *d < s.end)
        .map(|d| {
            let x = s.x(d);
            view! { <path class="selected-date" d=format!("M{x:.1},{SCALE_BOTTOM} L{x:.1},{PLOT_BOTTOM} M{:.1},{} l5,5 l-5,5 l-5,-5 z", x, SCALE_BOTTOM - 2.0) /> }
        })
        .collect_view()
}

fn now_line(s: &TimeScale, now: DateTime<Utc>, l: Lang) -> Option<impl IntoView> {
    let x = s.x(now);
    (0.0..=s.width).contains(&x).then(|| {
        view! {
            <g class="now">
                <line x1=format!("{x:.1}") x2=format!("{x:.1}") y1=SCALE_BOTTOM y2=PLOT_BOTTOM />
                <text x=format!("{:.1}", x + 3.0) y=PLOT_BOTTOM + 4.0>{l.t(Key::Now)}</text>
            </g>
        }
    })
}
