//! The time window drawn over the plot as a slider: the committed window, or the draft while a
//! drag is under way. Its spoken value is the date range and how many events it leaves.

use leptos::prelude::*;

use super::shared::Shared;
use crate::dom;
use kulttuurikartta_core::decimal::tenths;
use kulttuurikartta_explore::i18n::{Key, Translate};
use kulttuurikartta_explore::timeline::interaction::window_text;

pub(super) fn window_slider(
    shared: Shared,
    count: Memo<usize>,
    on_key: impl Fn(web_sys::KeyboardEvent) + Clone + Send + Sync + 'static,
) -> AnyView {
    let shown = move || shared.draft().or_else(|| shared.window.try_get().flatten());
    // Where the window is drawn, or None when there is none (or no scale yet). The element is
    // made once and its attributes follow this: rebuilding it on every step would drop the
    // keyboard focus of someone moving it with the arrow keys.
    let place = Memo::new(move |_| {
        let s = shared.scale.try_get().flatten()?;
        dom::mark("kk:timeline:drawn");
        let w = shown()?;
        let x0 = s.x(w.start).max(-4.0).min(s.width + 4.0);
        let x1 = s.x(w.end).max(-4.0).min(s.width + 4.0);
        Some((x0, x1, w))
    });
    let day_range = move || place.get().map(|(_, _, w)| w.day_range());
    let slider = move || {
        let on_key = on_key.clone();
        view! {
            <div
                class="timeline-window"
                data-drag="window"
                role="slider"
                tabindex="0"
                aria-label=move || shared.lang.get().t(Key::TimeWindow)
                aria-describedby="timeline-window-help"
                aria-valuemin="-3650"
                aria-valuemax="3650"
                aria-valuenow=move || day_range().map(|(a, _)| (a - shared.today).num_days())
                aria-valuetext=move || place.get().map(|(_, _, w)| window_text(&w, count.get(), shared.lang.get()))
                data-days=move || day_range().map(|(a, b)| (b - a).num_days() + 1)
                style:left=move || place.get().map(|(x0, _, _)| format!("{}px", tenths(x0)))
                style:width=move || place.get().map(|(x0, x1, _)| format!("{}px", tenths((x1 - x0).max(4.0))))
                on:keydown=on_key
            >
                <span class="handle start" data-drag="start" aria-hidden="true"></span>
                <span class="handle end" data-drag="end" aria-hidden="true"></span>
            </div>
        }
    };
    view! { <Show when=move || place.with(Option::is_some)>{slider.clone()}</Show> }.into_any()
}
