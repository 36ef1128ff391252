//! Raster tiles under the markers, when the network and the host allow them. A tile that fails
//! just leaves the basemap showing through.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use kulttuurikartta_core::decimal::{decimal, tenths};
use kulttuurikartta_core::math;
use kulttuurikartta_explore::config::Tiles;
use kulttuurikartta_geo::projection::Point;
use kulttuurikartta_geo::tiles::{tile_url, tiles_for};
use kulttuurikartta_geo::viewport::Viewport;

pub(super) fn tile_layer(
    view: RwSignal<Option<Viewport>>,
    tiles: Tiles,
    // Set once a tile has loaded: the basemap then lets the tiles show through.
    loaded: RwSignal<bool>,
) -> AnyView {
    (move || {
        let v = view.get()?;
        let z = v.zoom.round().max(0.0).min(f64::from(tiles.max_zoom));
        let size = 256.0 * math::exp2(v.zoom - z);
        let imgs = tiles_for(&v, tiles.max_zoom, 128.0)
            .into_iter()
            .map(|tile| {
                let n = f64::from(1u32 << tile.z);
                let (x, y) = v.to_screen(Point {
                    x: f64::from(tile.x) / n,
                    y: f64::from(tile.y) / n,
                });
                let url = tile_url(&tiles.url, tile, &tiles.subdomains);
                view! {
                    <img
                        class="tile"
                        // CORS, so the service worker can read the tiles' caching headers.
                        crossorigin="anonymous"
                        src=url
                        alt=""
                        draggable="false"
                        style:transform=format!("translate({}px, {}px)", tenths(x), tenths(y))
                        style:width=format!("{}px", decimal(size, 2))
                        style:height=format!("{}px", decimal(size, 2))
                        on:load=move |_| {
                            if !loaded.get_untracked() {
                                loaded.set(true);
                            }
                        }
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
    })
    .into_any()
}
