//! The timeline's toolbar: window presets, date inputs, playback and zoom buttons.

use leptos::prelude::*;

use super::shared::Shared;
use kulttuurikartta_explore::i18n::Key;
use kulttuurikartta_explore::query::Preset;
use kulttuurikartta_explore::timeline::interaction::date_input;

pub(super) fn controls(shared: Shared) -> AnyView {
    let t = move |k: Key| shared.t(k);
    let window = shared.window;
    let playback = shared.playback;
    let choose = move |w| {
        playback.playing.set(false);
        shared.set_window.run((w, false));
    };
    let preset = move |p: Preset, key: Key| {
        let w = p.window(shared.today);
        view! {
            <button
                type="button"
                data-preset=p.slug()
                aria-pressed=move || if window.get() == Some(w) { "true" } else { "false" }
                on:click=move |_| choose(Some(w))
            >
                {move || t(key)}
            </button>
        }
    };
    let date_value = move |end: bool| {
        window.get().map_or(String::new(), |w| {
            let (a, b) = w.day_range();
            if end { b } else { a }.to_string()
        })
    };
    let on_date = move |end: bool| {
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            if let Some(w) = date_input(end, &value, window.get_untracked(), shared.today) {
                shared.set_window.run((Some(w), false));
            }
        }
    };
    view! {
        <div class="timeline-toolbar">
            <div class="presets" role="group" aria-label=move || t(Key::TimeWindow)>
                <button type="button" data-preset="all" aria-pressed=move || if window.get().is_none() { "true" } else { "false" }
                    on:click=move |_| choose(None)>
                    {move || t(Key::AllUpcoming)}
                </button>
                {preset(Preset::Today, Key::Today)}
                {preset(Preset::Tomorrow, Key::Tomorrow)}
                {preset(Preset::Weekend, Key::ThisWeekend)}
                {preset(Preset::Next7Days, Key::Next7Days)}
                {preset(Preset::ThisMonth, Key::ThisMonth)}
            </div>
            <details class="date-range">
                <summary>{move || t(Key::ChooseDates)}</summary>
                <div class="date-inputs">
                    <label>{move || t(Key::DateFrom)}<input type="date" data-testid="date-from" prop:value=move || date_value(false) on:change=on_date(false) /></label>
                    <label>{move || t(Key::DateTo)}<input type="date" data-testid="date-to" prop:value=move || date_value(true) on:change=on_date(true) /></label>
                </div>
            </details>
            {playback_controls(shared)}
            <div class="timeline-zoom" role="group" aria-label=move || t(Key::Timeline)>
                <button type="button" aria-label=move || t(Key::Earlier) on:click=move |_| shared.pan(0.5)>"‹"</button>
                <button type="button" aria-label=move || t(Key::TimelineZoomOut) data-testid="timeline-zoom-out" on:click=move |_| shared.zoom(1.0 / 1.5, None)>"−"</button>
                <button type="button" aria-label=move || t(Key::TimelineZoomIn) data-testid="timeline-zoom-in" on:click=move |_| shared.zoom(1.5, None)>"+"</button>
                <button type="button" aria-label=move || t(Key::Later) on:click=move |_| shared.pan(-0.5)>"›"</button>
            </div>
        </div>
    }
    .into_any()
}

/// Play or pause, the step (a day or a week) and the pace.
fn playback_controls(shared: Shared) -> AnyView {
    let t = move |k: Key| shared.t(k);
    let playback = shared.playback;
    view! {
        <div class="playback" role="group" aria-label=move || t(Key::Play)>
            <button
                type="button"
                class="play"
                data-testid="play"
                aria-pressed=move || if playback.playing.get() { "true" } else { "false" }
                on:click=move |_| playback.playing.update(|p| *p = !*p)
            >
                <span aria-hidden="true">{move || if playback.playing.get() { "❚❚ " } else { "▶ " }}</span>
                {move || if playback.playing.get() { t(Key::Pause) } else { t(Key::Play) }}
            </button>
            <label class="visually-hidden" for="play-step">{move || t(Key::Step)}</label>
            <select id="play-step" on:change=move |ev| playback.step_days.set(if event_target_value(&ev) == "7" { 7 } else { 1 })>
                <option value="1" selected=move || playback.step_days.get() == 1>{move || t(Key::StepDay)}</option>
                <option value="7" selected=move || playback.step_days.get() == 7>{move || t(Key::StepWeek)}</option>
            </select>
            <label class="visually-hidden" for="play-speed">{move || t(Key::Speed)}</label>
            <select id="play-speed" on:change=move |ev| playback.interval_ms.set(event_target_value(&ev).parse().unwrap_or(2000))>
                <option value="4000" selected=move || playback.interval_ms.get() == 4000>{move || t(Key::Slow)}</option>
                <option value="2000" selected=move || playback.interval_ms.get() == 2000>{move || t(Key::NormalSpeed)}</option>
                <option value="1000" selected=move || playback.interval_ms.get() == 1000>{move || t(Key::Fast)}</option>
            </select>
        </div>
    }
    .into_any()
}
