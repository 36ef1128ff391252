//! Pointer, wheel and key input on the map, handed to `kulttuurikartta_geo::gesture` (pan, pinch,
//! wheel, keys) and `spatial_nav` (arrows between markers); the results change the viewport.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::shared::{MapState, MAX_ZOOM, MIN_ZOOM};
use kulttuurikartta_core::math;
use kulttuurikartta_geo::gesture::{map_key, wheel_step, Gesture, KeyMove, Pointers};
use kulttuurikartta_geo::spatial_nav::{nearest, Direction};
use kulttuurikartta_geo::viewport::Viewport;

/// How far an arrow key pans the map, in pixels.
const KEY_PAN: f64 = 96.0;

#[derive(Clone, Copy)]
pub(super) struct Input {
    map: MapState,
    /// Pointers down: one drags, two pinch. Touch uses the same events.
    pointers: StoredValue<Pointers>,
}

impl Input {
    pub(super) fn new(map: MapState) -> Input {
        Input {
            map,
            pointers: StoredValue::new(Pointers::default()),
        }
    }

    /// Client coordinates to coordinates within the map.
    fn local(&self, client_x: i32, client_y: i32) -> (f64, f64) {
        let rect = self
            .map
            .root
            .get_untracked()
            .map(|el| el.get_bounding_client_rect());
        let (left, top) = rect.map_or((0.0, 0.0), |r| (r.left(), r.top()));
        (f64::from(client_x) - left, f64::from(client_y) - top)
    }

    pub(super) fn pointer_down(self) -> impl Fn(web_sys::PointerEvent) + 'static {
        move |ev| {
            // Buttons (markers, controls), links and the card handle their own pointer.
            let on_control = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|t| t.closest("button, a, .map-card").ok().flatten().is_some());
            if on_control {
                return;
            }
            if let Some(el) = self.map.root.get_untracked() {
                let _ = el.set_pointer_capture(ev.pointer_id());
            }
            let (x, y) = self.local(ev.client_x(), ev.client_y());
            self.pointers
                .update_value(|p| _ = p.down(ev.pointer_id(), x, y));
        }
    }

    pub(super) fn pointer_move(self) -> impl Fn(web_sys::PointerEvent) + 'static {
        move |ev| {
            let (x, y) = self.local(ev.client_x(), ev.client_y());
            let gesture = self
                .pointers
                .try_update_value(|p| p.moved(ev.pointer_id(), x, y))
                .flatten();
            let Some(gesture) = gesture else { return };
            ev.prevent_default();
            match gesture {
                Gesture::Pan { dx, dy } => self.map.change(&|v: &mut Viewport| v.pan_by(dx, dy)),
                Gesture::Pinch {
                    scale,
                    center: (cx, cy),
                    dx,
                    dy,
                } => self.map.change(&|v: &mut Viewport| {
                    v.pan_by(dx, dy);
                    v.zoom_around(
                        (v.zoom + math::log2(scale)).max(MIN_ZOOM).min(MAX_ZOOM),
                        cx,
                        cy,
                    );
                }),
            }
        }
    }

    pub(super) fn pointer_up(self) -> impl Fn(web_sys::PointerEvent) + Clone + 'static {
        move |ev| self.pointers.update_value(|p| p.up(ev.pointer_id()))
    }

    /// The wheel zooms around the pointer, only while the map has focus (or with Ctrl).
    pub(super) fn wheel(self) -> impl Fn(web_sys::WheelEvent) + 'static {
        move |ev| {
            if !crate::dom::wheel_zooms(self.map.root.get_untracked(), &ev) {
                return;
            }
            let at = self.local(ev.client_x(), ev.client_y());
            self.map
                .zoom_by(wheel_step(ev.delta_y(), 0.0025, 1.0), Some(at));
        }
    }

    /// Double-click zooms in there; with Shift, out.
    pub(super) fn double_click(self) -> impl Fn(web_sys::MouseEvent) + 'static {
        move |ev| {
            let dz = if ev.shift_key() { -1.0 } else { 1.0 };
            self.map
                .zoom_by(dz, Some(self.local(ev.client_x(), ev.client_y())));
        }
    }

    /// On a marker or cluster, arrows move to the nearest one that way; on the map they pan,
    /// +/− zoom, and Escape closes the card.
    pub(super) fn key(self) -> impl Fn(web_sys::KeyboardEvent) + 'static {
        move |ev| {
            if let Some(dir) = Direction::from_key(&ev.key()) {
                if self.move_between_markers(&ev, dir) {
                    ev.prevent_default();
                    return;
                }
            }
            let map = self.map;
            match map_key(&ev.key(), KEY_PAN) {
                Some(KeyMove::Pan { dx, dy }) => map.change(&|v: &mut Viewport| v.pan_by(dx, dy)),
                Some(KeyMove::Zoom(dz)) => map.zoom_by(dz, None),
                None if ev.key() == "Escape" && map.card.with_untracked(Option::is_some) => {
                    map.card.set(None);
                    if let Some(el) = map.root.get_untracked() {
                        let _ = el.focus();
                    }
                }
                None => return,
            }
            ev.prevent_default();
        }
    }

    /// Moves focus from the marker the key was pressed on to the nearest one in `dir`; false
    /// when the key was not pressed on a marker.
    fn move_between_markers(&self, ev: &web_sys::KeyboardEvent, dir: Direction) -> bool {
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
            .filter(|t| t.has_attribute("data-key"));
        let (Some(target), Some(root)) = (target, self.map.root.get_untracked()) else {
            return false;
        };
        let centre = |el: &web_sys::Element| {
            let r = el.get_bounding_client_rect();
            (r.left() + r.width() / 2.0, r.top() + r.height() / 2.0)
        };
        let items: Vec<web_sys::HtmlElement> = root
            .query_selector_all(".map-markers [data-key]")
            .ok()
            .map(|list| {
                (0..list.length())
                    .filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
                    .collect()
            })
            .unwrap_or_default();
        let points: Vec<(f64, f64)> = items.iter().map(|e| centre(e)).collect();
        if let Some(i) = nearest(centre(&target), &points, dir) {
            let next = &items[i];
            let _ = target.set_attribute("tabindex", "-1");
            let _ = next.set_attribute("tabindex", "0");
            let _ = next.focus();
            self.map.roving.set_value(next.get_attribute("data-key"));
        }
        true
    }
}
