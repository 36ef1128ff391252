//! The map: an offline basemap (municipality shapes, or the region's outline, and the centres)
//! under optional raster tiles, with clustered event markers and a card for the chosen ones.
//! Geometry and gestures come from `kulttuurikartta_geo`, the points from
//! `kulttuurikartta_explore::map_points`. Each part here draws one layer (`basemap`, `tiles`,
//! `markers`, `card`); `input` turns pointer, wheel and key events into viewport changes.

mod basemap;
#[cfg(feature = "tools")]
pub(crate) use basemap::load_boundaries_into;
mod card;
mod input;
mod markers;
mod shared;
mod tiles;

use std::sync::Arc;

use leptos::prelude::*;

use crate::state::{use_selection, BasePath};
use kulttuurikartta_core::decimal::decimal;
use kulttuurikartta_explore::config::Tiles;
use kulttuurikartta_explore::i18n::{Key, Lang, Translate};
use kulttuurikartta_explore::map_points::{bounds_of, MapPoint};
use kulttuurikartta_geo::cluster::ClusterIndex;
use kulttuurikartta_geo::projection::Point;
use kulttuurikartta_geo::viewport::{LatLonBounds, Viewport};
use shared::{MapState, CLUSTER_RADIUS, MAX_ZOOM, MIN_ZOOM};

#[component]
pub fn EventMap(
    /// Every event the map can show; clustered once.
    points: Arc<Vec<MapPoint>>,
    /// Which of `points` the current filters show (all when absent). A change re-counts the
    /// clusters through the one index; it does not re-cluster.
    #[prop(optional, into)]
    shown: Option<Signal<Arc<Vec<bool>>>>,
    tiles: Tiles,
    region: LatLonBounds,
    /// Optional GeoJSON of municipality boundaries, and its attribution.
    boundaries_url: Option<String>,
    boundaries_attribution: Option<String>,
    lang: Memo<Lang>,
    base: BasePath,
    /// Municipalities to highlight on the basemap (those the filters chose).
    #[prop(optional, into)]
    highlight: Option<Signal<Vec<&'static str>>>,
    /// Open framed on the events rather than on the two regions (an embed for one
    /// municipality opens on that municipality).
    #[prop(optional)]
    fit_to_points: bool,
) -> impl IntoView {
    let index = cluster_index(&points);
    let clusters = Memo::new_with_compare(
        move |_| {
            crate::dom::mark("kk:map:select");
            let keep = match shown {
                Some(s) => s.with(|s| s.as_ref().clone()),
                None => vec![true; index.len()],
            };
            Arc::new(index.select(keep))
        },
        |a, b| !matches!((a, b), (Some(a), Some(b)) if Arc::ptr_eq(a, b)),
    );
    let map = MapState {
        lang,
        view: RwSignal::new(None),
        points: StoredValue::new(points),
        clusters,
        card: RwSignal::new(None),
        roving: StoredValue::new(None),
        selection: use_selection(),
        root: NodeRef::new(),
    };
    // A filter change closes the card: its events may no longer be shown.
    Effect::new(move |_| {
        clusters.track();
        map.card.set(None);
    });
    follow_size(map, region, fit_to_points);
    follow_selection(map);
    let boundaries = basemap::load_boundaries(boundaries_url);

    let t = move |k: Key| lang.get().t(k);
    let view = map.view;
    let zoom_attr = move || view.get().map(|v| decimal(v.zoom, 2).to_string());
    let center_attr = move || {
        view.get().map(|v| {
            let (lat, lon) = v.center_lat_lon();
            format!("{},{}", decimal(lat, 5), decimal(lon, 5))
        })
    };
    let attribution = {
        let tiles_attribution = tiles.attribution.clone();
        move || {
            let mut a = tiles_attribution.clone();
            if let (Some(_), Some(b)) = (boundaries.get(), boundaries_attribution.as_ref()) {
                a.push_str(" | ");
                a.push_str(b);
            }
            a
        }
    };
    let input = input::Input::new(map);
    let tiles_loaded = RwSignal::new(false);
    view! {
        <div
            class="event-map"
            class:has-tiles=move || tiles_loaded.get()
            data-testid="map"
            node_ref=map.root
            role="region"
            tabindex="0"
            aria-label=move || t(Key::MapLabel)
            aria-describedby="map-help"
            data-zoom=zoom_attr
            data-center=center_attr
            on:pointerdown=input.pointer_down()
            on:pointermove=input.pointer_move()
            on:pointerup=input.pointer_up()
            on:pointercancel=input.pointer_up()
            on:wheel=input.wheel()
            on:dblclick=input.double_click()
            on:keydown=input.key()
        >
            <p id="map-help" class="visually-hidden">{move || t(Key::MapHelp)}</p>
            <div class="map-tiles">{tiles::tile_layer(view, tiles, tiles_loaded)}</div>
            {basemap::basemap(view, lang, boundaries, highlight.unwrap_or_default())}
            <div class="map-markers">{markers::markers(map)}</div>
            // For the benchmark: runs after the markers above have been redrawn.
            {move || {
                clusters.track();
                view.track();
                crate::dom::mark("kk:map:drawn");
            }}
            {card::card(map, base)}
            <div class="map-controls">
                <button type="button" aria-label=move || t(Key::ZoomIn) on:click=move |_| map.zoom_by(1.0, None)>"+"</button>
                <button type="button" aria-label=move || t(Key::ZoomOut) on:click=move |_| map.zoom_by(-1.0, None)>"−"</button>
            </div>
            <p class="map-attribution">{attribution}</p>
        </div>
    }
}

/// One cluster index for every point, built once. Municipality codes go in as numbers, so that
/// a cluster knows when all its events lie in one municipality.
fn cluster_index(points: &[MapPoint]) -> Arc<ClusterIndex> {
    let groups: Vec<Option<u32>> = points
        .iter()
        .map(|p| p.municipality.and_then(|m| m.parse().ok()))
        .collect();
    let at: Vec<Point> = points.iter().map(|p| p.at).collect();
    Arc::new(ClusterIndex::new(
        &at,
        &groups,
        CLUSTER_RADIUS,
        MIN_ZOOM as u8,
        16,
    ))
}

/// The map's size comes from CSS: follow it (window resizes, a phone's view switch showing a
/// hidden map, an embed's iframe changing size). The first size decides the opening view.
fn follow_size(map: MapState, region: LatLonBounds, fit_to_points: bool) {
    let view = map.view;
    Effect::new(move |_| {
        let Some(el) = map.root.get() else { return };
        crate::dom::observe_size(&el, move |w, h| {
            if w <= 0.0 || h <= 0.0 {
                return;
            }
            view.update(|v| match v {
                Some(v) => {
                    v.width = w;
                    v.height = h;
                }
                None => {
                    let bounds = fit_to_points
                        .then(|| {
                            map.clusters.with_untracked(|c| {
                                map.points.with_value(|ps| {
                                    bounds_of(ps, (0..ps.len()).filter(|i| c.contains(*i)))
                                })
                            })
                        })
                        .flatten();
                    *v = Some(match bounds {
                        // Not closer than a town's scale, even for a single venue.
                        Some(b) => Viewport::fit(b, w, h, 48.0, MIN_ZOOM, 11.0, 0.0),
                        None => Viewport::fit(region, w, h, 12.0, MIN_ZOOM, MAX_ZOOM, 0.0),
                    });
                }
            });
        });
    });
}

/// An event selected elsewhere (the list, the timeline) is brought into view if it is
/// off-screen; the map does not move for its own selections, which are already in view.
fn follow_selection(map: MapState) {
    Effect::new(move |_| {
        let Some(id) = map.selection.get() else {
            return;
        };
        let Some(at) = map
            .clusters
            .try_with_untracked(|c| {
                map.points.try_with_value(|ps| {
                    let (i, p) = ps.iter().enumerate().find(|(_, p)| p.id == id)?;
                    c.contains(i).then_some(p.at)
                })
            })
            .flatten()
            .flatten()
        else {
            return;
        };
        let off_screen = map.view.try_with_untracked(|v| {
            v.as_ref().is_some_and(|v| {
                let (x, y) = v.to_screen(at);
                x < 24.0 || y < 24.0 || x > v.width - 24.0 || y > v.height - 24.0
            })
        });
        if off_screen == Some(true) {
            map.change(&|v: &mut Viewport| v.center = at);
        }
    });
}
