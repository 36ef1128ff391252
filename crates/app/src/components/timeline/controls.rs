//! The timeline's toolbar: window presets, date inputs, playback and zoom buttons. Its content
//! is markup from `timeline::toolbar`, written again when the language changes; the window and
//! playback update it in place, and its clicks and changes are read here, where they bubble to.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::shared::Shared;
use crate::dom;
use kulttuurikartta_explore::timeline::interaction::date_input;
use kulttuurikartta_explore::timeline::toolbar::{
    date_value, interval_ms, preset_window, pressed, push_play_content, step_days, toolbar_html,
    Action, ToolbarState, ACTION_ATTRIBUTE, PRESET_ATTRIBUTE,
};

pub(super) fn controls(shared: Shared) -> AnyView {
    let window = shared.window;
    let playback = shared.playback;
    let root = NodeRef::<leptos::html::Div>::new();
    let state = move || ToolbarState {
        window: window.get(),
        today: shared.today,
        playing: playback.playing.get(),
        step_days: playback.step_days.get(),
        interval_ms: playback.interval_ms.get(),
    };
    // Written per language, with the state of the moment; `update` follows the state.
    let markup = move || {
        let l = shared.lang.get();
        toolbar_html(l, &untrack(state))
    };
    Effect::new(move |_| {
        let s = state();
        let l = shared.lang.get_untracked();
        if let Some(el) = root.get() {
            update(&el, &s, l);
        }
    });

    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some(slug) = dom::closest_attribute(&ev, PRESET_ATTRIBUTE) {
            if let Some(w) = preset_window(&slug, shared.today) {
                playback.playing.set(false);
                shared.set_window.run((w, false));
            }
            return;
        }
        match dom::closest_attribute(&ev, ACTION_ATTRIBUTE).and_then(|a| Action::of(&a)) {
            Some(Action::Earlier) => shared.pan(0.5),
            Some(Action::ZoomOut) => shared.zoom(1.0 / 1.5, None),
            Some(Action::ZoomIn) => shared.zoom(1.5, None),
            Some(Action::Later) => shared.pan(-0.5),
            Some(Action::Play) => playback.playing.update(|p| *p = !*p),
            None => {}
        }
    };
    let on_change = move |ev: leptos::ev::Event| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let value = event_target_value(&ev);
        match (
            target.id().as_str(),
            target.get_attribute("data-testid").as_deref(),
        ) {
            ("play-step", _) => playback.step_days.set(step_days(&value)),
            ("play-speed", _) => playback.interval_ms.set(interval_ms(&value)),
            (_, Some(input @ ("date-from" | "date-to"))) => {
                let end = input == "date-to";
                if let Some(w) = date_input(end, &value, window.get_untracked(), shared.today) {
                    shared.set_window.run((Some(w), false));
                }
            }
            _ => {}
        }
    };
    view! {
        <div class="timeline-toolbar" node_ref=root inner_html=markup on:click=on_click on:change=on_change></div>
    }
    .into_any()
}

/// The toolbar's controls set to `s` in place: the pressed preset, the date inputs, the play
/// button and the two playback choices.
fn update(
    root: &web_sys::HtmlDivElement,
    s: &ToolbarState,
    lang: kulttuurikartta_explore::i18n::Lang,
) {
    let each = |selector: &str, f: &dyn Fn(web_sys::Element)| {
        if let Ok(list) = root.query_selector_all(selector) {
            for i in 0..list.length() {
                if let Some(el) = list
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                {
                    f(el);
                }
            }
        }
    };
    // Only what differs is written: an unchanged write still costs the browser style work.
    let aria_pressed = |el: &web_sys::Element, on: bool| {
        let value = if on { "true" } else { "false" };
        if el.get_attribute("aria-pressed").as_deref() != Some(value) {
            let _ = el.set_attribute("aria-pressed", value);
        }
    };
    each("[data-preset]", &|el| {
        let slug = el.get_attribute(PRESET_ATTRIBUTE).unwrap_or_default();
        aria_pressed(&el, pressed(&slug, s.window, s.today));
    });
    each("input[type=date]", &|el| {
        if let Ok(input) = el.dyn_into::<web_sys::HtmlInputElement>() {
            let end = input.get_attribute("data-testid").as_deref() == Some("date-to");
            let value = date_value(s.window, end);
            if input.value() != value {
                input.set_value(&value);
            }
        }
    });
    each("[data-testid=play]", &|el| {
        if el.get_attribute("aria-pressed").as_deref()
            != Some(if s.playing { "true" } else { "false" })
        {
            aria_pressed(&el, s.playing);
            let mut content = String::new();
            push_play_content(&mut content, lang, s.playing);
            el.set_inner_html(&content);
        }
    });
    each("select", &|el| {
        if let Ok(select) = el.dyn_into::<web_sys::HtmlSelectElement>() {
            let value = match select.id().as_str() {
                "play-step" => s.step_days.to_string(),
                _ => s.interval_ms.to_string(),
            };
            if select.value() != value {
                select.set_value(&value);
            }
        }
    });
}
