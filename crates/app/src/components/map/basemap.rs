//! The offline basemap, drawn as SVG under the tiles: municipality shapes when the boundary
//! file is configured and loaded, else the region's outline; the municipality centres, with
//! the main towns' names at every zoom and the others' once there is room. It shows with no
//! network at all, and wherever tiles are blocked.

use std::sync::Arc;

use leptos::prelude::*;

use kulttuurikartta_core::region::MUNICIPALITIES;
use kulttuurikartta_explore::i18n::Lang;
use kulttuurikartta_geo::boundaries::Boundary;
use kulttuurikartta_geo::hull::convex_hull;
use kulttuurikartta_geo::projection::{project, Point};
use kulttuurikartta_geo::viewport::Viewport;

/// Towns labelled at every zoom; the other centres get labels once there is room.
const MAIN_TOWNS: &[&str] = &[
    "564", "205", "305", "678", "977", "208", "290", "777", "615", "535",
];

/// Fetches the boundary file, if one is configured. A plain signal filled by a task, not a
/// resource: the map must not send the page back to its loading state while an optional file
/// arrives, and a file that fails leaves the outline.
pub(super) fn load_boundaries(url: Option<String>) -> RwSignal<Option<Arc<Vec<Boundary>>>> {
    let boundaries = RwSignal::new(None);
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
    boundaries
}

#[component]
pub(super) fn Basemap(
    view: RwSignal<Option<Viewport>>,
    lang: Memo<Lang>,
    boundaries: RwSignal<Option<Arc<Vec<Boundary>>>>,
) -> impl IntoView {
    let hull = convex_hull(
        &MUNICIPALITIES
            .iter()
            .map(|m| project(m.lat, m.lon))
            .collect::<Vec<_>>(),
    );
    move || {
        let v = view.try_get().flatten()?;
        let outline = match boundaries.try_get().flatten() {
            Some(list) => shapes(&v, &list).into_any(),
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
                {towns(&v, lang.get())}
            </svg>
        })
    }
}

/// Each municipality as a path, with its code as the hook.
fn shapes(v: &Viewport, list: &[Boundary]) -> impl IntoView {
    list.iter()
        .map(|b| {
            let d: String = b.rings.iter().map(|ring| ring_path(v, ring)).collect();
            view! { <path class="municipality" d=d data-code=b.code.clone() /> }
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

fn towns(v: &Viewport, l: Lang) -> impl IntoView {
    MUNICIPALITIES
        .iter()
        .map(|m| {
            let (x, y) = v.to_screen(project(m.lat, m.lon));
            let name = if l == Lang::Sv { m.name_sv } else { m.name_fi };
            let labelled = v.zoom >= 7.5 || MAIN_TOWNS.contains(&m.code);
            view! {
                <g class="town">
                    <circle cx=format!("{x:.1}") cy=format!("{y:.1}") r="3" />
                    // Below the dot, clear of a cluster bubble drawn on it.
                    {labelled.then(|| view! { <text x=format!("{x:.1}") y=format!("{:.1}", y + 34.0) text-anchor="middle">{name}</text> })}
                </g>
            }
        })
        .collect_view()
}
