//! Event markers and clusters as buttons. One of them is the map's only tab stop (a roving
//! tabindex: the last one focused, else the one nearest the centre); arrow keys move between
//! them (see `input`).

use leptos::prelude::*;

use super::shared::{MapState, CLUSTER_RADIUS, MAX_ZOOM};
use kulttuurikartta_core::decimal::tenths;
use kulttuurikartta_explore::event_text::municipality_name;
use kulttuurikartta_explore::i18n::{Key, Translate};
use kulttuurikartta_geo::cluster::Cluster;
use kulttuurikartta_geo::viewport::Viewport;

pub(super) fn markers(map: MapState) -> AnyView {
    // `try_` reads: an app-wide change (language, selection) can queue this just as a kiosk
    // reset or refresh replaces the map.
    (move || {
        let v = map.view.try_get().flatten()?;
        let points = map.points.try_get_value()?;
        let clustered = map.clusters.try_get()?;
        let l = map.lang.get();
        let (min, max) = v.visible(CLUSTER_RADIUS);
        let visible: Vec<(usize, &Cluster)> = clustered.clusters_in(v.zoom, min, max).collect();
        let keys: Vec<String> = visible
            .iter()
            .map(|(id, c)| {
                if c.count == 1 {
                    format!("e{}", clustered.leaves(v.zoom, *id)[0])
                } else {
                    format!("c{id}")
                }
            })
            .collect();
        let active = map
            .roving
            .get_value()
            .filter(|k| keys.contains(k))
            .or_else(|| nearest_centre(&v, &visible).map(|i| keys[i].clone()));
        let views = visible
            .into_iter()
            .zip(keys)
            .map(|((id, c), key)| {
                let tab = if Some(&key) == active.as_ref() { "0" } else { "-1" };
                let (x, y) = v.to_screen(c.at);
                let pos = format!("translate({}px, {}px)", tenths(x), tenths(y));
                if c.count == 1 {
                    let leaf = clustered.leaves(v.zoom, id)[0] as usize;
                    let p = &points[leaf];
                    let class = format!(
                        "marker{}{}",
                        if p.approximate { " approximate" } else { "" },
                        if p.cancelled { " cancelled" } else { "" }
                    );
                    let event_id = p.id.clone();
                    let is_selected = map
                        .selection
                        .with(|s| s.as_deref() == Some(p.id.as_str()));
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
                                map.selection.set(Some(event_id.clone()));
                                map.card.set(Some(vec![leaf]));
                            }
                        >
                            <span aria-hidden="true"></span>
                        </button>
                    }
                    .into_any()
                } else {
                    // "Kajaani, 12 events" when they share a municipality.
                    let shared = c.group.map(|g| format!("{g:03}"));
                    let label = match shared.and_then(|m| municipality_name(&m, l)) {
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
                                Some(z) if f64::from(z) <= MAX_ZOOM => map.change(&|v: &mut Viewport| {
                                    v.center = at;
                                    v.zoom = f64::from(z);
                                }),
                                // Events at one venue never separate: list them instead.
                                _ => map.card.set(Some(clustered.leaves(zoom, id).into_iter().map(|i| i as usize).collect())),
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
    })
    .into_any()
}

/// The index of the cluster nearest the map's centre.
fn nearest_centre(v: &Viewport, visible: &[(usize, &Cluster)]) -> Option<usize> {
    let centre = (v.width / 2.0, v.height / 2.0);
    let d = |c: &Cluster| {
        let (x, y) = v.to_screen(c.at);
        (x - centre.0).powi(2) + (y - centre.1).powi(2)
    };
    (0..visible.len()).min_by(|&a, &b| d(visible[a].1).total_cmp(&d(visible[b].1)))
}
