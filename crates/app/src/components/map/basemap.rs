//! The offline basemap, drawn as SVG under the tiles: municipality shapes when the boundary
//! file is configured and loaded (the app bundles one), shaded by region, with the chosen
//! municipalities highlighted; else the region's outline. On top, the municipality centres and
//! as many names as fit without overlapping, main towns first, and at region scale the two
//! regions' names. It shows with no network at all, and wherever tiles are blocked.

use std::sync::Arc;

use leptos::prelude::*;

use kulttuurikartta_core::region::municipality::{self, Region};
use kulttuurikartta_core::region::MUNICIPALITIES;
use kulttuurikartta_explore::i18n::{Key, Lang, Translate};
use kulttuurikartta_geo::boundaries::Boundary;
use kulttuurikartta_geo::hull::convex_hull;
use kulttuurikartta_geo::labels::{place, Candidate};
use kulttuurikartta_geo::projection::{project, Point};
use kulttuurikartta_geo::viewport::Viewport;

/// Below this zoom the regions are named; above it, only municipalities.
const REGION_NAMES_BELOW_ZOOM: f64 = 7.0;
/// Town names: size and the room kept around each.
const TOWN_FONT_PX: f64 = 12.0;
const REGION_FONT_PX: f64 = 13.0;
const TOWN_LABEL_PAD: f64 = 3.0;
/// A town's name sits this far below its dot, clear of a cluster bubble drawn on it.
const TOWN_LABEL_DROP: f64 = 34.0;

/// Towns named first, where names compete for room; the other centres follow.
const MAIN_TOWNS: &[&str] = &[
    "564", "205", "305", "678", "977", "208", "290", "777", "615", "535",
];

/// Fetches the boundary file, if one is configured. A plain signal filled by a task, not a
/// resource: the map must not send the page back to its loading state while an optional file
/// arrives, and a file that fails leaves the outline.
pub(crate) fn load_boundaries(url: Option<String>) -> RwSignal<Option<Arc<Vec<Boundary>>>> {
    let boundaries = RwSignal::new(None);
    load_boundaries_into(url, boundaries);
    boundaries
}

/// The same, into a signal the caller already has (for a view that learns the URL later).
pub(crate) fn load_boundaries_into(
    url: Option<String>,
    boundaries: RwSignal<Option<Arc<Vec<Boundary>>>>,
) {
    if let Some(url) = url {
        leptos::task::spawn_local(async move {
            let Some(bytes) = crate::load::fetch_optional(&url).await else {
                return;
            };
            match kulttuurikartta_geo::boundaries::parse(&bytes) {
                Ok(list) => boundaries.set(Some(Arc::new(list))),
                Err(e) => web_sys::console::warn_1(&e.into()),
            }
        });
    }
}

pub(super) fn basemap(
    view: RwSignal<Option<Viewport>>,
    lang: Memo<Lang>,
    boundaries: RwSignal<Option<Arc<Vec<Boundary>>>>,
    // Municipalities to highlight (those the filters chose).
    highlight: Signal<Vec<&'static str>>,
) -> AnyView {
    let hull = convex_hull(
        &MUNICIPALITIES
            .iter()
            .map(|m| project(m.lat, m.lon))
            .collect::<Vec<_>>(),
    );
    (move || {
        let v = view.try_get().flatten()?;
        let outline = match boundaries.try_get().flatten() {
            Some(list) => highlight.with(|h| shapes(&v, &list, h)).into_any(),
            None => {
                let points = hull
                    .iter()
                    .map(|p| {
                        let (x, y) = v.to_screen(*p);
                        format!("{x:.1},{y:.1}")
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                view! { <polygon class="region" points=points /> }.into_any()
            }
        };
        Some(view! {
            <svg class="map-basemap" aria-hidden="true" width=v.width height=v.height>
                {outline}
                {labels(&v, lang.get())}
            </svg>
        })
    })
    .into_any()
}

/// Each municipality as a path, with its code as the hook and its region as a class.
fn shapes(v: &Viewport, list: &[Boundary], highlight: &[&str]) -> impl IntoView {
    let chosen = |b: &Boundary| b.code.as_deref().is_some_and(|c| highlight.contains(&c));
    // The chosen ones last, so that no neighbour is painted over their outline.
    list.iter()
        .filter(|b| !chosen(b))
        .chain(list.iter().filter(|b| chosen(b)))
        .map(|b| {
            let d: String = b.rings.iter().map(|ring| ring_path(v, ring)).collect();
            let code = b.code.as_deref().unwrap_or("");
            let region = match municipality::by_code(code).map(|m| m.region) {
                Some(Region::Kainuu) => " kainuu",
                Some(Region::NorthOstrobothnia) => " pohjois-pohjanmaa",
                None => "",
            };
            let selected = if highlight.contains(&code) { " selected" } else { "" };
            view! { <path class=format!("municipality{region}{selected}") d=d data-code=b.code.clone() /> }
        })
        .collect_view()
}

fn ring_path(v: &Viewport, ring: &[Point]) -> String {
    let mut s = String::with_capacity(ring.len() * 14);
    for (i, p) in ring.iter().enumerate() {
        let (x, y) = v.to_screen(*p);
        s.push_str(&format!("{}{x:.1},{y:.1}", if i == 0 { "M" } else { "L" }));
    }
    s.push('Z');
    s
}

/// Every centre as a dot, and the names that fit without overlapping: at region scale the two
/// regions' names first, then the main towns, then the other municipalities.
fn labels(v: &Viewport, l: Lang) -> impl IntoView {
    let regions: Vec<(String, (f64, f64))> = if v.zoom < REGION_NAMES_BELOW_ZOOM {
        [
            (Region::Kainuu, Key::RegionKainuu),
            (Region::NorthOstrobothnia, Key::RegionNorthOstrobothnia),
        ]
        .into_iter()
        .map(|(region, key)| (l.t(key).to_owned(), v.to_screen(region_centre(region))))
        .collect()
    } else {
        Vec::new()
    };
    let mut towns: Vec<usize> = (0..MUNICIPALITIES.len()).collect();
    towns.sort_by_key(|&i| {
        MAIN_TOWNS
            .iter()
            .position(|c| *c == MUNICIPALITIES[i].code)
            .unwrap_or(MAIN_TOWNS.len())
    });
    let name = |i: usize| {
        let m = &MUNICIPALITIES[i];
        if l == Lang::Sv {
            m.name_sv
        } else {
            m.name_fi
        }
    };
    let at = |i: usize| v.to_screen(project(MUNICIPALITIES[i].lat, MUNICIPALITIES[i].lon));
    let candidates: Vec<Candidate> = regions
        .iter()
        .map(|(text, (x, y))| {
            // Capitals with letter spacing: wider than the estimate for running text.
            Candidate::text(
                *x,
                *y,
                text.chars().count() * 3 / 2,
                REGION_FONT_PX,
                TOWN_LABEL_PAD,
            )
        })
        .chain(towns.iter().map(|&i| {
            let (x, y) = at(i);
            let chars = name(i).chars().count();
            Candidate::text(x, y + TOWN_LABEL_DROP, chars, TOWN_FONT_PX, TOWN_LABEL_PAD)
        }))
        .collect();
    let shown = place(&candidates, v.width, v.height);
    let (region_shown, town_shown) = shown.split_at(regions.len());
    let region_names = regions
        .into_iter()
        .zip(region_shown.iter().copied())
        .filter(|(_, shown)| *shown)
        .map(|((text, (x, y)), _)| {
            view! { <text class="region-name" x=format!("{x:.1}") y=format!("{y:.1}") text-anchor="middle">{text}</text> }
        })
        .collect_view();
    let towns = towns
        .into_iter()
        .zip(town_shown.iter().copied())
        .map(|(i, labelled)| {
            let (x, y) = at(i);
            view! {
                <g class="town">
                    <circle cx=format!("{x:.1}") cy=format!("{y:.1}") r="3" />
                    {labelled.then(|| view! { <text x=format!("{x:.1}") y=format!("{:.1}", y + TOWN_LABEL_DROP) text-anchor="middle">{name(i)}</text> })}
                </g>
            }
        })
        .collect_view();
    (towns, region_names)
}

/// The middle of a region's municipality centres: where its name goes.
fn region_centre(region: Region) -> Point {
    let members: Vec<Point> = MUNICIPALITIES
        .iter()
        .filter(|m| m.region == region)
        .map(|m| project(m.lat, m.lon))
        .collect();
    let n = members.len() as f64;
    Point {
        x: members.iter().map(|p| p.x).sum::<f64>() / n,
        y: members.iter().map(|p| p.y).sum::<f64>() / n,
    }
}
