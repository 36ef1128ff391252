//! The map: an offline basemap (the regions and their municipality centres, drawn as SVG) under
//! optional raster tiles, with clustered event markers. Geometry comes from `crate::map`; this
//! component only turns the viewport signal into DOM and pointer, wheel and key events into
//! viewport changes.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use kulttuurikartta_core::region::MUNICIPALITIES;
use kulttuurikartta_explore::config::{Bounds, Tiles};
use kulttuurikartta_explore::i18n::{Key, Lang, Translate};
use kulttuurikartta_geo::cluster::ClusterIndex;
use kulttuurikartta_geo::hull::convex_hull;
use kulttuurikartta_geo::projection::{project, Point};
use kulttuurikartta_geo::tiles::{tile_url, tiles_for};
use kulttuurikartta_geo::viewport::{LatLonBounds, Viewport};

/// One located event, as the map needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct MapPoint {
    pub id: String,
    pub name: kulttuurikartta_core::feed::LocalizedText,
    pub at: Point,
    pub approximate: bool,
    pub cancelled: bool,
    /// Municipality code, for cluster labels.
    pub municipality: Option<&'static str>,
    pub start: Option<kulttuurikartta_core::time::When>,
    pub end: Option<kulttuurikartta_core::time::When>,
    pub venue: kulttuurikartta_core::feed::LocalizedText,
}

impl MapPoint {
    /// The event's place on the map, if it has one (not online, not unknown).
    pub fn of_event(e: &kulttuurikartta_core::feed::Event) -> Option<MapPoint> {
        use kulttuurikartta_core::feed::{EventStatus, LocationKind};
        if !matches!(
            e.location_kind,
            LocationKind::Exact | LocationKind::Approximate
        ) {
            return None;
        }
        let p = e.position?;
        Some(MapPoint {
            id: e.id.clone(),
            name: e.name.clone(),
            at: project(p.lat, p.lon),
            approximate: e.location_kind == LocationKind::Approximate,
            cancelled: e.status == EventStatus::Cancelled,
            municipality: e.municipality,
            start: e.start,
            end: e.end,
            venue: e.venue.as_ref().map(|v| v.name.clone()).unwrap_or_default(),
        })
    }
}

/// Every located event of a catalogue as a map point, and for each event its point (if any):
/// built once per catalogue, so that a filter change only says which points are shown.
pub struct MapPoints {
    pub points: Arc<Vec<MapPoint>>,
    point_of_event: Vec<Option<u32>>,
}

impl MapPoints {
    pub fn new(events: &[kulttuurikartta_core::feed::Event]) -> MapPoints {
        let mut points = Vec::new();
        let point_of_event = events
            .iter()
            .map(|e| {
                let p = MapPoint::of_event(e)?;
                points.push(p);
                Some(points.len() as u32 - 1)
            })
            .collect();
        MapPoints {
            points: Arc::new(points),
            point_of_event,
        }
    }

    /// Which points the events `matching` (indices into the catalogue) show.
    pub fn shown(&self, matching: &[usize]) -> Vec<bool> {
        let mut shown = vec![false; self.points.len()];
        for &i in matching {
            if let Some(Some(p)) = self.point_of_event.get(i) {
                shown[*p as usize] = true;
            }
        }
        shown
    }
}

/// The lat/lon box around the points, if there are any.
fn points_bounds<'a>(points: impl Iterator<Item = &'a MapPoint>) -> Option<LatLonBounds> {
    let mut it = points.map(|p| kulttuurikartta_geo::projection::unproject(p.at));
    let (lat, lon) = it.next()?;
    let init = LatLonBounds {
        south: lat,
        west: lon,
        north: lat,
        east: lon,
    };
    Some(it.fold(init, |b, (lat, lon)| LatLonBounds {
        south: b.south.min(lat),
        west: b.west.min(lon),
        north: b.north.max(lat),
        east: b.east.max(lon),
    }))
}

const MIN_ZOOM: f64 = 4.0;
const MAX_ZOOM: f64 = 18.0;
/// Cluster radius in CSS pixels: markers closer than this merge.
const CLUSTER_RADIUS: f64 = 44.0;

/// Towns labelled at every zoom; the other centres get labels once there is room.
const MAIN_TOWNS: &[&str] = &[
    "564", "205", "305", "678", "977", "208", "290", "777", "615", "535",
];

#[component]
pub fn EventMap(
    /// Every event the map can show; clustered once.
    points: Arc<Vec<MapPoint>>,
    /// Which of `points` the current filters show (all when absent). A change re-counts the
    /// clusters through the one index; it does not re-cluster.
    #[prop(optional, into)]
    shown: Option<Signal<Arc<Vec<bool>>>>,
    tiles: Tiles,
    region: Bounds,
    /// Optional GeoJSON of municipality boundaries, and its attribution.
    boundaries_url: Option<String>,
    boundaries_attribution: Option<String>,
    lang: Memo<Lang>,
    base: crate::state::BasePath,
    /// Open framed on the events rather than on the two regions (an embed for one
    /// municipality opens on that municipality).
    #[prop(optional)]
    fit_to_points: bool,
) -> impl IntoView {
    // Municipality codes as numbers: clusters then know whether they lie in one municipality.
    let index = {
        let groups: Vec<Option<u32>> = points
            .iter()
            .map(|p| p.municipality.and_then(|m| m.parse().ok()))
            .collect();
        let at: Vec<_> = points.iter().map(|p| p.at).collect();
        Arc::new(ClusterIndex::new(
            &at,
            &groups,
            CLUSTER_RADIUS,
            MIN_ZOOM as u8,
            16,
        ))
    };
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
    let points = StoredValue::new(points);
    let root = NodeRef::<leptos::html::Div>::new();
    // The item that is the map's one tab stop (see `markers`).
    let roving = StoredValue::new(None::<String>);
    let selection = crate::state::use_selection();
    // The events whose card is open (one marker, or a venue's worth).
    let card = RwSignal::new(None::<Vec<usize>>);
    // A filter change closes the card: its events may no longer be shown.
    Effect::new(move |_| {
        clusters.track();
        card.set(None);
    });
    let view = RwSignal::new(None::<Viewport>);
    let region = LatLonBounds {
        south: region.south,
        west: region.west,
        north: region.north,
        east: region.east,
    };

    // The map's size comes from CSS: follow it (window resizes, a phone's view switch showing
    // a hidden map, an embed's iframe changing size).
    Effect::new(move |_| {
        let Some(el) = root.get() else { return };
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
                    let bounds = if fit_to_points {
                        clusters.with_untracked(|c| {
                            points.with_value(|ps| {
                                points_bounds(
                                    ps.iter()
                                        .enumerate()
                                        .filter(|(i, _)| c.contains(*i))
                                        .map(|(_, p)| p),
                                )
                            })
                        })
                    } else {
                        None
                    };
                    *v = Some(match bounds {
                        // Not closer than a town's scale, even for a single venue.
                        Some(b) => Viewport::fit(b, w, h, 48.0, MIN_ZOOM, 11.0, 0.0),
                        None => Viewport::fit(region, w, h, 12.0, MIN_ZOOM, MAX_ZOOM, 0.0),
                    });
                }
            });
        });
    });

    let change = move |f: &dyn Fn(&mut Viewport)| {
        view.update(|v| {
            if let Some(v) = v {
                f(v);
                v.zoom = v.zoom.clamp(MIN_ZOOM, MAX_ZOOM);
            }
        })
    };
    let zoom_by = move |dz: f64, anchor: Option<(f64, f64)>| {
        change(&|v: &mut Viewport| {
            let (x, y) = anchor.unwrap_or((v.width / 2.0, v.height / 2.0));
            v.zoom_around((v.zoom + dz).clamp(MIN_ZOOM, MAX_ZOOM), x, y);
        })
    };

    // Pointer gestures: one pointer drags, two pinch. Touch uses the same events.
    let pointers = StoredValue::new(Vec::<(i32, f64, f64)>::new());
    // Client coordinates to coordinates within the map.
    let at = move |client_x: i32, client_y: i32| {
        let rect = root.get_untracked().map(|el| el.get_bounding_client_rect());
        let (left, top) = rect.map_or((0.0, 0.0), |r| (r.left(), r.top()));
        (f64::from(client_x) - left, f64::from(client_y) - top)
    };
    let local = move |ev: &web_sys::PointerEvent| at(ev.client_x(), ev.client_y());
    let on_pointerdown = move |ev: web_sys::PointerEvent| {
        // Buttons (markers, controls), links and the card handle their own pointer.
        if ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|t| t.closest("button, a, .map-card").ok().flatten().is_some())
        {
            return;
        }
        if let Some(el) = root.get_untracked() {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
        let (x, y) = local(&ev);
        pointers.update_value(|p| {
            p.retain(|(id, ..)| *id != ev.pointer_id());
            p.push((ev.pointer_id(), x, y));
        });
    };
    let on_pointermove = move |ev: web_sys::PointerEvent| {
        let (x, y) = local(&ev);
        let before = pointers.get_value();
        let Some(i) = before.iter().position(|(id, ..)| *id == ev.pointer_id()) else {
            return;
        };
        ev.prevent_default();
        match before.len() {
            1 => {
                let (_, px, py) = before[0];
                change(&|v: &mut Viewport| v.pan_by(x - px, y - py));
            }
            2 => {
                let other = before[1 - i];
                let (_, px, py) = before[i];
                let dist = |ax: f64, ay: f64| {
                    ((ax - other.1).powi(2) + (ay - other.2).powi(2))
                        .sqrt()
                        .max(1.0)
                };
                let ratio = dist(x, y) / dist(px, py);
                let (cx, cy) = ((x + other.1) / 2.0, (y + other.2) / 2.0);
                let (pcx, pcy) = ((px + other.1) / 2.0, (py + other.2) / 2.0);
                change(&|v: &mut Viewport| {
                    v.pan_by(cx - pcx, cy - pcy);
                    v.zoom_around((v.zoom + ratio.log2()).clamp(MIN_ZOOM, MAX_ZOOM), cx, cy);
                });
            }
            _ => {}
        }
        pointers.update_value(|p| p[i] = (ev.pointer_id(), x, y));
    };
    let on_pointerup = move |ev: web_sys::PointerEvent| {
        pointers.update_value(|p| p.retain(|(id, ..)| *id != ev.pointer_id()));
    };
    // The wheel zooms only when the map has focus (or with Ctrl), so that a page, or a host page
    // around an embed, keeps scrolling past the map.
    let on_wheel = move |ev: web_sys::WheelEvent| {
        if !crate::dom::wheel_zooms(root.get_untracked(), &ev) {
            return;
        }
        zoom_by(
            (-ev.delta_y() * 0.0025).clamp(-1.0, 1.0),
            Some(at(ev.client_x(), ev.client_y())),
        );
    };
    let on_dblclick = move |ev: web_sys::MouseEvent| {
        let delta = if ev.shift_key() { -1.0 } else { 1.0 };
        zoom_by(delta, Some(at(ev.client_x(), ev.client_y())));
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        // On a marker or cluster, arrows move to the nearest item that way; on the map, they pan.
        if let Some(dir) = kulttuurikartta_geo::spatial_nav::Direction::from_key(&ev.key()) {
            let target = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
                .filter(|t| t.has_attribute("data-key"));
            if let (Some(target), Some(root_el)) = (target, root.get_untracked()) {
                ev.prevent_default();
                let centre = |el: &web_sys::Element| {
                    let r = el.get_bounding_client_rect();
                    (r.left() + r.width() / 2.0, r.top() + r.height() / 2.0)
                };
                let items: Vec<web_sys::HtmlElement> = root_el
                    .query_selector_all(".map-markers [data-key]")
                    .ok()
                    .map(|list| {
                        (0..list.length())
                            .filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
                            .collect()
                    })
                    .unwrap_or_default();
                let points: Vec<(f64, f64)> = items.iter().map(|e| centre(e)).collect();
                if let Some(i) =
                    kulttuurikartta_geo::spatial_nav::nearest(centre(&target), &points, dir)
                {
                    let next = &items[i];
                    let _ = target.set_attribute("tabindex", "-1");
                    let _ = next.set_attribute("tabindex", "0");
                    let _ = next.focus();
                    roving.set_value(next.get_attribute("data-key"));
                }
                return;
            }
        }
        let step = 96.0;
        let handled = match ev.key().as_str() {
            "ArrowLeft" => {
                change(&|v: &mut Viewport| v.pan_by(step, 0.0));
                true
            }
            "ArrowRight" => {
                change(&|v: &mut Viewport| v.pan_by(-step, 0.0));
                true
            }
            "ArrowUp" => {
                change(&|v: &mut Viewport| v.pan_by(0.0, step));
                true
            }
            "ArrowDown" => {
                change(&|v: &mut Viewport| v.pan_by(0.0, -step));
                true
            }
            "+" | "=" => {
                zoom_by(1.0, None);
                true
            }
            "-" | "_" => {
                zoom_by(-1.0, None);
                true
            }
            "Escape" if card.with_untracked(Option::is_some) => {
                card.set(None);
                if let Some(el) = root.get_untracked() {
                    let _ = el.focus();
                }
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    };

    // A plain signal filled by a task, not a resource: the map must not send the page back to
    // its loading state while an optional file arrives.
    let boundaries = RwSignal::new(None::<Arc<Vec<kulttuurikartta_geo::boundaries::Boundary>>>);
    if let Some(url) = boundaries_url {
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
    // An event selected elsewhere (the list, later the timeline) is brought into view if it is
    // off-screen; the map does not move for its own selections, which are already in view.
    {
        Effect::new(move |_| {
            let Some(id) = selection.get() else { return };
            let Some(at) = clusters
                .try_with_untracked(|c| {
                    points.try_with_value(|ps| {
                        let (i, p) = ps.iter().enumerate().find(|(_, p)| p.id == id)?;
                        c.contains(i).then_some(p.at)
                    })
                })
                .flatten()
                .flatten()
            else {
                return;
            };
            let off_screen = view.try_with_untracked(|v| {
                v.as_ref().is_some_and(|v| {
                    let (x, y) = v.to_screen(at);
                    x < 24.0 || y < 24.0 || x > v.width - 24.0 || y > v.height - 24.0
                })
            });
            if off_screen == Some(true) {
                change(&|v: &mut Viewport| v.center = at);
            }
        });
    }
    let hull = convex_hull(
        &MUNICIPALITIES
            .iter()
            .map(|m| project(m.lat, m.lon))
            .collect::<Vec<_>>(),
    );
    let t = move |k: Key| lang.get().t(k);

    let basemap = move || {
        let v = view.try_get().flatten()?;
        let hull_path = hull
            .iter()
            .map(|p| {
                let (x, y) = v.to_screen(*p);
                format!("{x:.1},{y:.1}")
            })
            .collect::<Vec<_>>()
            .join(" ");
        let l = lang.get();
        let towns = MUNICIPALITIES
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
            .collect_view();
        // Municipality boundaries when configured and loaded; else the region's hull.
        let shapes = boundaries.try_get().flatten().map(|list| {
            list.iter()
                .map(|b| {
                    let d: String = b
                        .rings
                        .iter()
                        .map(|ring| {
                            let mut s = String::with_capacity(ring.len() * 14);
                            for (i, p) in ring.iter().enumerate() {
                                let (x, y) = v.to_screen(*p);
                                s.push_str(&format!(
                                    "{}{x:.1},{y:.1}",
                                    if i == 0 { "M" } else { "L" }
                                ));
                            }
                            s.push('Z');
                            s
                        })
                        .collect();
                    view! { <path class="municipality" d=d data-code=b.code.clone() /> }
                })
                .collect_view()
        });
        let outline = match shapes {
            Some(s) => s.into_any(),
            None => view! { <polygon class="region" points=hull_path /> }.into_any(),
        };
        Some(view! {
            <svg class="map-basemap" aria-hidden="true" width=v.width height=v.height>
                {outline}
                {towns}
            </svg>
        })
    };

    let tile_layer = {
        let tiles = tiles.clone();
        move || {
            let v = view.get()?;
            let z = v.zoom.round().clamp(0.0, f64::from(tiles.max_zoom));
            let size = 256.0 * (v.zoom - z).exp2();
            let imgs = tiles_for(&v, tiles.max_zoom, 128.0)
                .into_iter()
                .map(|tile| {
                    let n = f64::from(1u32 << tile.z);
                    let (x, y) = v.to_screen(Point { x: f64::from(tile.x) / n, y: f64::from(tile.y) / n });
                    let url = tile_url(&tiles.url, tile, &tiles.subdomains);
                    view! {
                        <img
                            class="tile"
                            // CORS, so the service worker can read the tiles' caching headers.
                            crossorigin="anonymous"
                            src=url
                            alt=""
                            draggable="false"
                            style:transform=format!("translate({x:.1}px, {y:.1}px)")
                            style:width=format!("{size:.2}px")
                            style:height=format!("{size:.2}px")
                            // A failed tile just leaves the basemap showing.
                            on:error=|ev| {
                                if let Some(img) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                                    let _ = img.style().set_property("visibility", "hidden");
                                }
                            }
                        />
                    }
                })
                .collect_view();
            Some(imgs)
        }
    };

    // `try_` reads in what follows: an app-wide change (language, selection) can queue these
    // just as a kiosk reset or refresh replaces the map.
    let markers = {
        move || {
            let v = view.try_get().flatten()?;
            let points = points.try_get_value()?;
            let clustered = clusters.try_get()?;
            let l = lang.get();
            let (min, max) = v.visible(CLUSTER_RADIUS);
            // One tab stop for all the items (a roving tabindex): the last one focused, else the
            // one nearest the centre; arrow keys move between them (see `on_keydown`).
            let visible: Vec<_> = clustered.clusters_in(v.zoom, min, max).collect();
            let key_of = |id: usize, c: &kulttuurikartta_geo::cluster::Cluster| {
                if c.count == 1 {
                    format!("e{}", clustered.leaves(v.zoom, id)[0])
                } else {
                    format!("c{id}")
                }
            };
            let keys: Vec<String> = visible.iter().map(|(id, c)| key_of(*id, c)).collect();
            let active = roving.get_value().filter(|k| keys.contains(k)).or_else(|| {
                let centre = (v.width / 2.0, v.height / 2.0);
                visible
                    .iter()
                    .zip(&keys)
                    .min_by(|(a, _), (b, _)| {
                        let d = |c: &kulttuurikartta_geo::cluster::Cluster| {
                            let (x, y) = v.to_screen(c.at);
                            (x - centre.0).powi(2) + (y - centre.1).powi(2)
                        };
                        d(a.1).total_cmp(&d(b.1))
                    })
                    .map(|(_, k)| k.clone())
            });
            let views = visible
                .into_iter()
                .zip(keys)
                .map(|((id, c), key)| {
                    let tab = if Some(&key) == active.as_ref() { "0" } else { "-1" };
                    let (x, y) = v.to_screen(c.at);
                    let pos = format!("translate({x:.1}px, {y:.1}px)");
                    if c.count == 1 {
                        let leaf = clustered.leaves(v.zoom, id)[0] as usize;
                        let p = &points[leaf];
                        let class = format!(
                            "marker{}{}",
                            if p.approximate { " approximate" } else { "" },
                            if p.cancelled { " cancelled" } else { "" }
                        );
                        let event_id = p.id.clone();
                        let is_selected = selection.with(|s| s.as_deref() == Some(p.id.as_str()));
                        view! {
                            <button
                                type="button"
                                class=class
                                class:selected=is_selected
                                data-event-id=p.id.clone()
                                data-key=key
                                style:transform=pos
                                tabindex=tab
                                aria-label=p.name.text(l).to_owned()
                                aria-pressed=if is_selected { "true" } else { "false" }
                                on:click=move |_| {
                                    selection.set(Some(event_id.clone()));
                                    card.set(Some(vec![leaf]));
                                }
                            >
                                <span aria-hidden="true"></span>
                            </button>
                        }
                        .into_any()
                    } else {
                        // "Kajaani, 12 events" when they share a municipality.
                        let shared = c.group.map(|g| format!("{g:03}"));
                        let label = match shared.and_then(|m| kulttuurikartta_explore::event_text::municipality_name(&m, l)) {
                            Some(p) => format!("{p}, {} {}", c.count, l.t(Key::EventsCount)),
                            None => format!("{} {}", c.count, l.t(Key::EventsCount)),
                        };
                        let target = clustered.expansion_zoom(v.zoom, id);
                        let at = c.at;
                        // The members are looked up on click, not on every frame.
                        let (clustered, zoom) = (clustered.clone(), v.zoom);
                        view! {
                            <button
                                type="button"
                                class="cluster"
                                data-cluster-count=c.count
                                data-key=key
                                aria-label=label
                                tabindex=tab
                                style:transform=pos
                                on:click=move |_| match target {
                                    // Points that separate further in: zoom to where they do.
                                    Some(z) if f64::from(z) <= MAX_ZOOM => change(&|v: &mut Viewport| {
                                        v.center = at;
                                        v.zoom = f64::from(z);
                                    }),
                                    // Events at one venue never separate: list them instead.
                                    _ => card.set(Some(clustered.leaves(zoom, id).into_iter().map(|i| i as usize).collect())),
                                }
                            >
                                {c.count}
                            </button>
                        }
                        .into_any()
                    }
                })
                .collect_view();
            Some(views)
        }
    };

    let new_tab = crate::state::links_to_new_tab();
    let card_view = {
        let base = base.clone();
        move || {
            let members = card.try_get().flatten()?;
            let points = points.try_get_value()?;
            let l = lang.get();
            let items = members
                .iter()
                .filter_map(|&i| points.get(i))
                .map(|p| {
                    let when = p.start.map(|s| kulttuurikartta_explore::i18n::format_when(l, s, p.end));
                    let place = [p.venue.text(l).to_owned(), p.municipality.and_then(|m| kulttuurikartta_explore::event_text::municipality_name(m, l)).unwrap_or("").to_owned()]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(", ");
                    view! {
                        <li>
                            <a
                                href=crate::components::event_text::event_href(&base, &p.id, l)
                                target=new_tab.then_some("_blank")
                                rel=new_tab.then_some("noopener")
                            >
                                {p.name.text(l).to_owned()}
                                {new_tab.then(|| view! { <span class="visually-hidden">" (" {l.t(Key::OpensInNewTab)} ")"</span> })}
                            </a>
                            {when.map(|w| view! { <span class="card-when">{w}</span> })}
                            {(!place.is_empty()).then(|| view! { <span class="card-place">{place}</span> })}
                            {p.cancelled.then(|| view! { <span class="badge badge-cancelled">{l.t(Key::Cancelled)}</span> })}
                        </li>
                    }
                })
                .collect_view();
            Some(view! {
                <div class="map-card" data-testid="map-card" role="region" aria-label=l.t(Key::SelectedEvents)>
                    <button type="button" class="card-close" aria-label=l.t(Key::Close) on:click=move |_| card.set(None)>"×"</button>
                    <ul>{items}</ul>
                </div>
            })
        }
    };

    let zoom_attr = move || view.get().map(|v| format!("{:.2}", v.zoom));
    let center_attr = move || {
        view.get().map(|v| {
            let (lat, lon) = v.center_lat_lon();
            format!("{lat:.5},{lon:.5}")
        })
    };
    let attribution = move || {
        let mut a = tiles.attribution.clone();
        if let (Some(_), Some(b)) = (boundaries.get(), boundaries_attribution.as_ref()) {
            a.push_str(" | ");
            a.push_str(b);
        }
        a
    };

    view! {
        <div
            class="event-map"
            data-testid="map"
            node_ref=root
            role="region"
            tabindex="0"
            aria-label=move || t(Key::MapLabel)
            aria-describedby="map-help"
            data-zoom=zoom_attr
            data-center=center_attr
            on:pointerdown=on_pointerdown
            on:pointermove=on_pointermove
            on:pointerup=on_pointerup
            on:pointercancel=on_pointerup
            on:wheel=on_wheel
            on:dblclick=on_dblclick
            on:keydown=on_keydown
        >
            <p id="map-help" class="visually-hidden">{move || t(Key::MapHelp)}</p>
            <div class="map-tiles">{tile_layer}</div>
            {basemap}
            <div class="map-markers">{markers}</div>
            // For the benchmark: runs after the markers above have been redrawn.
            {move || {
                clusters.track();
                view.track();
                crate::dom::mark("kk:map:drawn");
            }}
            {card_view}
            <div class="map-controls">
                <button type="button" aria-label=move || t(Key::ZoomIn) on:click=move |_| zoom_by(1.0, None)>"+"</button>
                <button type="button" aria-label=move || t(Key::ZoomOut) on:click=move |_| zoom_by(-1.0, None)>"−"</button>
            </div>
            <p class="map-attribution">{attribution}</p>
        </div>
    }
}
