//! Events per month (or week) by where they are counted, as stacked bars drawn in SVG: no chart
//! library, as the whole chart is a few dozen rectangles. The period table below it is its twin,
//! so the drawing is one image with a name, not a second copy of the numbers for screen readers.

use leptos::prelude::*;

use crate::state::use_lang;
use kulttuurikartta_explore::i18n::{Key, Lang, Translate};
use kulttuurikartta_explore::stats::table::period_label;
use kulttuurikartta_explore::stats::{axis, Stats, KAINUU, NORTH_OSTROBOTHNIA, ONLINE, OUTSIDE};
use std::sync::Arc;

const W: f64 = 640.0;
const H: f64 = 260.0;
const LEFT: f64 = 58.0;
const BOTTOM: f64 = 40.0;
const TOP: f64 = 10.0;

/// Bottom to top, with the class that colours (and, for two, patterns) them.
const SERIES: [(usize, &str, Key); 4] = [
    (NORTH_OSTROBOTHNIA, "bar-no", Key::RegionNorthOstrobothnia),
    (KAINUU, "bar-kainuu", Key::RegionKainuu),
    (ONLINE, "bar-online", Key::Online),
    (OUTSIDE, "bar-outside", Key::RowOutside),
];

fn short_label(stats: &Stats, i: usize, lang: Lang) -> String {
    let p = &stats.periods[i].period;
    let full = period_label(p, lang);
    // Months by their first three letters, weeks by number: the table has the full names.
    match p.granularity {
        kulttuurikartta_explore::stats::periods::Granularity::Month => {
            full.chars().take(3).collect()
        }
        kulttuurikartta_explore::stats::periods::Granularity::Week => full
            .split_whitespace()
            .nth(1)
            .unwrap_or_default()
            .to_owned(),
    }
}

#[component]
pub fn StatsChart(stats: Memo<Arc<Stats>>, title: Signal<String>) -> impl IntoView {
    let lang = use_lang();
    let drawing = move || {
        let l = lang.get();
        let s = stats.get();
        let n = s.periods.len().max(1);
        let max = s.periods.iter().map(|p| p.total()).max().unwrap_or(0);
        let ticks = axis::ticks(max);
        let top = f64::from(*ticks.last().unwrap_or(&1)).max(1.0);
        let plot_h = H - BOTTOM - TOP;
        let y = move |v: f64| TOP + plot_h - v / top * plot_h;
        let slot = (W - LEFT) / n as f64;
        let bar = (slot * 0.7).max(1.0);
        let every = n.div_ceil(14); // at most 14 labels along the bottom
        let grid = ticks
            .iter()
            .map(|t| {
                let yy = y(f64::from(*t));
                view! {
                    <line class="chart-grid" x1=LEFT x2=W y1=yy y2=yy />
                    <text class="chart-tick" x=LEFT - 6.0 y=yy + 4.0 text-anchor="end">{*t}</text>
                }
            })
            .collect_view();
        let bars = s
            .periods
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let x = LEFT + slot * i as f64 + (slot - bar) / 2.0;
                let mut acc = 0.0;
                let rects = SERIES
                    .iter()
                    .filter(|(c, _, _)| p.events[*c] > 0)
                    .map(|(c, class, _)| {
                        let v = f64::from(p.events[*c]);
                        let (y0, y1) = (y(acc), y(acc + v));
                        acc += v;
                        view! { <rect class=*class x=x y=y1 width=bar height=(y0 - y1).max(0.5) /> }
                    })
                    .collect_view();
                let label = (i % every == 0).then(|| {
                    view! {
                        <text class="chart-label" x=x + bar / 2.0 y=H - BOTTOM + 16.0 text-anchor="middle">
                            {short_label(&s, i, l)}
                        </text>
                    }
                });
                view! { <g>{rects}{label}</g> }
            })
            .collect_view();
        view! {
            {grid}
            <line class="chart-axis" x1=LEFT x2=W y1=y(0.0) y2=y(0.0) />
            {bars}
        }
    };
    let legend = move || {
        let l = lang.get();
        SERIES
            .iter()
            .map(|(_, class, key)| {
                view! {
                    <li>
                        <svg class="legend-swatch" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
                            <rect class=*class x="0" y="0" width="16" height="16" />
                        </svg>
                        {l.t(*key)}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <figure class="stats-chart" data-testid="stats-chart">
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-label=move || title.get()
                preserveAspectRatio="xMidYMid meet">
                <defs>
                    <pattern id="pattern-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect width="6" height="6" class="pattern-bg-online" />
                        <line x1="0" y1="0" x2="0" y2="6" class="pattern-line" />
                    </pattern>
                    <pattern id="pattern-dots" width="5" height="5" patternUnits="userSpaceOnUse">
                        <rect width="5" height="5" class="pattern-bg-outside" />
                        <circle cx="2.5" cy="2.5" r="1.2" class="pattern-dot" />
                    </pattern>
                </defs>
                {drawing}
            </svg>
            <figcaption>
                <ul class="chart-legend">{legend}</ul>
                <span>{move || lang.get().t(Key::StatsChartNote)}</span>
            </figcaption>
        </figure>
    }
}
