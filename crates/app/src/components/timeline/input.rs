//! Pointer, wheel and key input on the timeline, handed to the pure rules: `geo::gesture` for
//! pointers and the wheel, `explore::timeline::interaction` for drags and keys.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::shared::Shared;
use crate::state::use_selection;
use kulttuurikartta_core::math;
use kulttuurikartta_core::time::helsinki;
use kulttuurikartta_explore::timeline::interaction::{
    axis_key, window_key, AxisKey, Drag, Release, Target, WindowKey,
};
use kulttuurikartta_explore::timeline::svg::SCALE_BOTTOM;
use kulttuurikartta_geo::gesture::{wheel_step, Gesture, Pointers};

/// The timeline's input handlers, sharing what they track between events.
#[derive(Clone, Copy)]
pub(super) struct Input {
    shared: Shared,
    root: NodeRef<leptos::html::Div>,
    pointers: StoredValue<Pointers>,
    /// The event under the pointer when it went down (pointer capture retargets the release).
    pressed_item: StoredValue<Option<String>>,
    selection: RwSignal<Option<String>>,
}

fn target_element(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()?.dyn_into::<web_sys::Element>().ok()
}

impl Input {
    pub(super) fn new(shared: Shared, root: NodeRef<leptos::html::Div>) -> Input {
        Input {
            shared,
            root,
            pointers: StoredValue::new(Pointers::default()),
            pressed_item: StoredValue::new(None),
            selection: use_selection(),
        }
    }

    /// Client coordinates to coordinates within the timeline.
    fn local(&self, client_x: i32, client_y: i32) -> (f64, f64) {
        let rect = self
            .root
            .get_untracked()
            .map(|el| el.get_bounding_client_rect());
        let (left, top) = rect.map_or((0.0, 0.0), |r| (r.left(), r.top()));
        (f64::from(client_x) - left, f64::from(client_y) - top)
    }

    fn capture(&self, pointer_id: i32) {
        if let Some(el) = self.root.get_untracked() {
            let _ = el.set_pointer_capture(pointer_id);
        }
    }

    /// Drag on the scale pans; on the plot it brushes; on the window it moves the window; on a
    /// handle it moves that edge. Two fingers pinch.
    pub(super) fn pointer_down(self) -> impl Fn(web_sys::PointerEvent) + 'static {
        move |ev| {
            if ev.button() != 0 {
                return;
            }
            let (x, y) = self.local(ev.client_x(), ev.client_y());
            let id = ev.pointer_id();
            self.capture(id);
            if self.pointers.try_update_value(|p| p.down(id, x, y)) == Some(2) {
                self.shared.drag.set(Some(Drag::Pinch));
                return;
            }
            let target = target_element(&ev);
            let hook = target
                .as_ref()
                .and_then(|e| e.get_attribute("data-drag"))
                .unwrap_or_default();
            self.pressed_item
                .set_value(target.and_then(|e| e.get_attribute("data-event-id")));
            self.shared.playback.playing.set(false);
            let drag = Drag::begin(Target::at(&hook, y, SCALE_BOTTOM), x);
            self.shared.drag.set(Some(drag));
        }
    }

    pub(super) fn pointer_move(self) -> impl Fn(web_sys::PointerEvent) + 'static {
        move |ev| {
            let Some(drag) = self.shared.drag.get_untracked() else {
                return;
            };
            ev.prevent_default();
            let (x, y) = self.local(ev.client_x(), ev.client_y());
            let gesture = self
                .pointers
                .try_update_value(|p| p.moved(ev.pointer_id(), x, y))
                .flatten();
            if drag == Drag::Pinch {
                if let Some(Gesture::Pinch { scale, center, .. }) = gesture {
                    self.shared.zoom(scale, Some(center.0));
                }
                return;
            }
            let (next, pan) = drag.moved(x);
            if let Some(dx) = pan {
                self.shared.scale.update(|s| {
                    if let Some(s) = s {
                        s.pan_by(dx)
                    }
                });
            }
            self.shared.drag.set(Some(next));
        }
    }

    pub(super) fn pointer_up(self) -> impl Fn(web_sys::PointerEvent) + 'static {
        move |ev| {
            self.pointers.update_value(|p| p.up(ev.pointer_id()));
            let Some(drag) = self.shared.drag.get_untracked() else {
                return;
            };
            self.shared.drag.set(None);
            let Some(scale) = self.shared.scale.get_untracked() else {
                return;
            };
            let (x, _) = self.local(ev.client_x(), ev.client_y());
            let window = self.shared.window.get_untracked();
            match drag.release(&scale, window, self.pressed_item.get_value(), x) {
                Release::Nothing => {}
                Release::Select(id) => self.selection.set(Some(id)),
                Release::SetWindow(w) => self.shared.set_window.run((Some(w), false)),
            }
        }
    }

    pub(super) fn pointer_cancel(self) -> impl Fn(web_sys::PointerEvent) + 'static {
        move |ev| {
            self.pointers.update_value(|p| p.up(ev.pointer_id()));
            self.shared.drag.set(None);
        }
    }

    /// The wheel zooms around the pointer, only while the timeline has focus (or with Ctrl).
    pub(super) fn wheel(self) -> impl Fn(web_sys::WheelEvent) + 'static {
        move |ev| {
            if !crate::dom::wheel_zooms(self.root.get_untracked(), &ev) {
                return;
            }
            let (x, _) = self.local(ev.client_x(), ev.client_y());
            self.shared
                .zoom(math::exp(wheel_step(ev.delta_y(), 0.002, 0.7)), Some(x));
        }
    }

    /// Arrows pan and +/− zoom; keys on the window slider are its own.
    pub(super) fn axis_key(self) -> impl Fn(web_sys::KeyboardEvent) + 'static {
        move |ev| {
            let on_slider = target_element(&ev)
                .is_some_and(|e| e.get_attribute("role").as_deref() == Some("slider"));
            if on_slider {
                return;
            }
            match axis_key(&ev.key()) {
                Some(AxisKey::Pan(frac)) => self.shared.pan(frac),
                Some(AxisKey::Zoom(factor)) => self.shared.zoom(factor, None),
                None => return,
            }
            ev.prevent_default();
        }
    }

    /// The window slider's keys (see `interaction::window_key`).
    pub(super) fn window_key(
        self,
    ) -> impl Fn(web_sys::KeyboardEvent) + Clone + Send + Sync + 'static {
        move |ev| {
            let Some(w) = self.shared.window.get_untracked() else {
                return;
            };
            let last_day = self.shared.last_event().map(helsinki::local_date);
            match window_key(&ev.key(), ev.shift_key(), w, self.shared.today, last_day) {
                Some(WindowKey::Set(next)) => self.shared.set_window.run((Some(next), true)),
                Some(WindowKey::Clear) => self.shared.set_window.run((None, false)),
                None => return,
            }
            ev.prevent_default();
        }
    }
}
