//! The statistics map: each municipality shaded by its events per 1 000 residents, with a
//! pattern for each class as well as a colour, and a legend. With the configured boundaries the
//! shapes are shaded; without them, a circle per municipality centre, its area by the number of
//! events, moved apart so that none hides the Oulu area's neighbours. The municipality table is
//! the map's twin.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::map::load_boundaries_into;
use crate::state::{use_lang, use_loaded};
use kulttuurikartta_core::decimal::tenths;
use kulttuurikartta_core::region::municipality::MUNICIPALITIES;
use kulttuurikartta_explore::i18n::{Key, Lang, Translate};
use kulttuurikartta_explore::stats::population::{credit, per_1000, Population};
use kulttuurikartta_explore::stats::shades::Shades;
use kulttuurikartta_explore::stats::table::Cell;
use kulttuurikartta_explore::stats::Stats;
use kulttuurikartta_geo::dorling::{separate, Circle};
use kulttuurikartta_geo::fit::Fit;
use kulttuurikartta_geo::projection::{project, Point};

const W: f64 = 400.0;
const H: f64 = 460.0;
/// The largest circle's radius, for the municipality with the most events.
const MAX_R: f64 = 34.0;

fn path_of(rings: &[Vec<Point>], fit: &Fit) -> String {
    let mut d = String::new();
    for ring in rings {
        for (i, p) in ring.iter().enumerate() {
            let (x, y) = fit.apply(*p);
            let command = if i == 0 { "M" } else { "L" };
            d += &format!("{command}{},{}", tenths(x), tenths(y));
        }
        d.push('Z');
    }
    d
}

/// Pattern definitions, one per class: the marks get denser and darker with the rate.
fn patterns() -> impl IntoView {
    view! {
        <defs>
            <pattern id="shade-0" width="8" height="8" patternUnits="userSpaceOnUse">
                <rect width="8" height="8" class="shade-bg-0" />
            </pattern>
            <pattern id="shade-1" width="8" height="8" patternUnits="userSpaceOnUse">
                <rect width="8" height="8" class="shade-bg-1" />
                <circle cx="4" cy="4" r="0.9" class="shade-mark" />
            </pattern>
            <pattern id="shade-2" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="6" height="6" class="shade-bg-2" />
                <line x1="0" y1="0" x2="0" y2="6" class="shade-mark-line" />
            </pattern>
            <pattern id="shade-3" width="6" height="6" patternUnits="userSpaceOnUse">
                <rect width="6" height="6" class="shade-bg-3" />
                <path d="M0,0L6,6M6,0L0,6" class="shade-mark-line-light" />
            </pattern>
            <pattern id="shade-4" width="4" height="4" patternUnits="userSpaceOnUse">
                <rect width="4" height="4" class="shade-bg-4" />
                <circle cx="2" cy="2" r="0.8" class="shade-mark-light" />
            </pattern>
            <pattern id="shade-nodata" width="6" height="6" patternUnits="userSpaceOnUse">
                <rect width="6" height="6" class="shade-bg-nodata" />
                <line x1="0" y1="3" x2="6" y2="3" class="shade-mark-line" />
            </pattern>
        </defs>
    }
}

#[component]
pub fn StatsMap(stats: Memo<Arc<Stats>>, population: Option<Population>) -> impl IntoView {
    let lang = use_lang();
    let loaded = use_loaded();
    let boundaries = RwSignal::new(None);
    if let Some(l) = loaded.get_untracked().and_then(|r| r.ok()) {
        load_boundaries_into(l.config.boundaries_url.clone(), boundaries);
    }
    let has_population = population.is_some();
    let source = {
        let population = population.clone();
        move || population.as_ref().map(|p| credit(Some(p), lang.get()))
    };
    let rates = {
        let population = population.clone();
        Memo::new(move |_| {
            stats.with(|s| {
                MUNICIPALITIES
                    .iter()
                    .zip(&s.municipalities)
                    .map(|(m, t)| {
                        // Without population the shade is by count, so the map still says something.
                        match &population {
                            Some(p) => per_1000(t.events, p.of(m.code).map(u64::from)),
                            None => Some(f64::from(t.events)),
                        }
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let shades = Memo::new(move |_| rates.with(|r| Shades::from_rates(r)));
    let centres: Vec<Point> = MUNICIPALITIES
        .iter()
        .map(|m| project(m.lat, m.lon))
        .collect();
    // Reactive per attribute, so that a filter change repaints the shades without rebuilding
    // the shapes' paths, which are most of the map's work.
    let fill = move |i: usize| {
        let shade = shades.with(|s| s.of(rates.with(|r| r[i])));
        format!("url(#{})", shade.slug())
    };
    let name = move |i: usize| {
        let l = lang.get();
        let m = &MUNICIPALITIES[i];
        let value = rates
            .with(|r| r[i])
            .map_or("–".to_owned(), |x| Cell::Decimal(Some(x)).show(l));
        let n = stats.with(|s| s.municipalities[i].events);
        let name = if l == Lang::Sv { m.name_sv } else { m.name_fi };
        format!("{name}: {n} {}, {value}", l.t(Key::EventsCount))
    };
    let shapes = move || {
        let list = boundaries.get()?;
        let outline: Vec<Point> = list
            .iter()
            .flat_map(|b| b.rings.iter().flatten().copied())
            .collect();
        let fit = Fit::around(outline, W, H, 6.0)?;
        let paths = list
            .iter()
            .filter_map(|b| {
                let code = b.code.as_deref()?;
                let i = MUNICIPALITIES.iter().position(|m| m.code == code)?;
                Some(view! {
                    <path class="stats-municipality" data-municipality=MUNICIPALITIES[i].code
                        d=path_of(&b.rings, &fit) fill=move || fill(i) fill-rule="evenodd">
                        <title>{move || name(i)}</title>
                    </path>
                })
            })
            .collect_view();
        Some(view! { <g data-testid="stats-map-shapes">{paths}</g> })
    };
    let circles = move || {
        if boundaries.with(Option::is_some) {
            return None;
        }
        let fit = Fit::around(centres.iter().copied(), W, H, MAX_R + 4.0)?;
        let counts: Vec<u32> = stats.with(|s| s.municipalities.iter().map(|t| t.events).collect());
        let most = counts.iter().copied().max().unwrap_or(0);
        let mut circles: Vec<Circle> = centres
            .iter()
            .zip(&counts)
            .map(|(p, n)| {
                let (x, y) = fit.apply(*p);
                // Area by count; the smallest stays visible.
                let r = if most == 0 {
                    4.0
                } else {
                    (f64::from(*n) / f64::from(most)).sqrt() * MAX_R
                };
                Circle {
                    x,
                    y,
                    r: r.max(4.0),
                }
            })
            .collect();
        separate(&mut circles, 1.5, 400);
        let dots = circles
            .iter()
            .enumerate()
            .map(|(i, c)| {
                view! {
                    <circle class="stats-municipality" data-municipality=MUNICIPALITIES[i].code
                        cx=tenths(c.x).to_string() cy=tenths(c.y).to_string() r=tenths(c.r).to_string() fill=move || fill(i)>
                        <title>{move || name(i)}</title>
                    </circle>
                }
            })
            .collect_view();
        Some(view! { <g data-testid="stats-map-circles">{dots}</g> })
    };
    let legend = move || {
        let l = lang.get();
        let any_missing = rates.with(|r| r.iter().any(Option::is_none));
        shades.with(|s| s.legend(l, any_missing)).into_iter().map(|(shade, label)| {
            view! {
                <li data-shade=shade.slug()>
                    <svg class="legend-swatch" viewBox="0 0 18 18" width="18" height="18" aria-hidden="true">
                        <rect x="0.5" y="0.5" width="17" height="17" fill=format!("url(#{})", shade.slug()) class="legend-box" />
                    </svg>
                    {label}
                </li>
            }
        }).collect_view()
    };
    let title = move || {
        let l = lang.get();
        if has_population {
            l.t(Key::StatsMapTitle)
        } else {
            l.t(Key::ColEvents)
        }
    };
    let circles_note = move || {
        boundaries
            .with(Option::is_none)
            .then(|| lang.get().t(Key::StatsMapCircles))
    };
    view! {
        <figure class="stats-map" data-testid="stats-map">
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-label=move || format!("{}. {}", title(), lang.get().t(Key::StatsMapNote))>
                {patterns()}
                {shapes}
                {circles}
            </svg>
            <figcaption>
                <strong>{title}</strong>
                <ul class="map-legend" aria-label=move || lang.get().t(Key::StatsLegend)>{legend}</ul>
                <span>{circles_note}</span>
                <span class="stats-source">{source}</span>
            </figcaption>
        </figure>
    }
}
