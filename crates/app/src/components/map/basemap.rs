//! The offline basemap, drawn as SVG under the tiles (its markup comes from
//! `kulttuurikartta_explore::basemap`): municipality shapes when the boundary file is configured
//! and loaded (the app bundles one), else the region's outline, with the centres and names. It
//! shows with no network at all, and wherever tiles are blocked.

use std::sync::Arc;

use leptos::prelude::*;

use kulttuurikartta_core::decimal::shortest;
use kulttuurikartta_core::region::MUNICIPALITIES;
use kulttuurikartta_explore::basemap::basemap_markup;
use kulttuurikartta_explore::i18n::Lang;
use kulttuurikartta_geo::boundaries::Boundary;
use kulttuurikartta_geo::hull::convex_hull;
use kulttuurikartta_geo::projection::project;
use kulttuurikartta_geo::viewport::Viewport;

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
        let list = boundaries.try_get().flatten();
        let markup = highlight.with(|h| basemap_markup(&v, list.as_deref().map(Vec::as_slice), &hull, h, lang.get()));
        Some(view! {
            <svg class="map-basemap" aria-hidden="true" width=shortest(v.width) height=shortest(v.height) inner_html=markup></svg>
        })
    })
    .into_any()
}
