//! The timeline: when things happen, and the time window that filters the map and the list.
//! The window lives in the URL (`from`/`to`), so it is shared with links and embeds. Scale,
//! ticks, layout and every input rule come from `kulttuurikartta_explore::timeline`; the parts
//! here draw (`axis`: the SVG; `window`: the slider over it; `controls`: presets, dates,
//! playback, zoom buttons) and `input` turns pointer, wheel and keys into calls of those rules.

mod axis;
mod controls;
mod input;
mod shared;
mod window;

use std::sync::Arc;

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::dom;
use crate::load::Loaded;
use crate::state::use_lang;
use crate::url_state::use_update_query;
use kulttuurikartta_core::time::helsinki;
use kulttuurikartta_explore::i18n::Key;
use kulttuurikartta_explore::query::{Query, Window};
use kulttuurikartta_explore::timeline::interaction::playback_step;
use kulttuurikartta_explore::timeline::plot::{initial_range, reveal, Item};
use kulttuurikartta_explore::timeline::scale::TimeScale;
pub use shared::Playback;
use shared::{rfc3339, Shared};

#[component]
pub fn Timeline(
    data: Arc<Loaded>,
    /// Events matching the filters, ignoring the window (indices into the catalogue).
    items: Memo<Arc<Vec<usize>>>,
    query: Memo<Query>,
    /// How many events the window leaves (for the slider's spoken value).
    count: Memo<usize>,
    playback: Playback,
) -> AnyView {
    let update_query = use_update_query();
    let now = dom::now();
    let shared = Shared {
        lang: use_lang(),
        scale: RwSignal::new(None),
        drag: RwSignal::new(None),
        window: Memo::new(move |_| query.with(|q| q.window)),
        set_window: Callback::new(move |(w, replace): (Option<Window>, bool)| {
            update_query(&|q: &mut Query| q.window = w, replace)
        }),
        playback,
        today: helsinki::local_date(now),
        now,
        items: {
            // Every event's item, worked out once: a filter change then only picks them, where
            // working out the instants again took milliseconds at 100 000 events.
            let all: Vec<Option<Item>> = data
                .catalogue
                .events
                .iter()
                .enumerate()
                .map(|(i, e)| Item::of_event(i, e))
                .collect();
            Memo::new(move |_| {
                Arc::new(items.with(|ix| ix.iter().filter_map(|&i| all[i]).collect()))
            })
        },
    };
    let Shared { scale, window, .. } = shared;
    let root = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let Some(el) = root.get() else { return };
        dom::observe_size(&el, move |w, _| {
            if w <= 0.0 {
                return;
            }
            scale.update(|s| match s {
                Some(s) => s.width = w,
                None => {
                    let (a, b) = initial_range(window.get_untracked(), shared.today);
                    *s = Some(TimeScale::new(a, b, w));
                }
            });
        });
    });
    // A window set elsewhere (presets, playback, a link) is brought into view.
    Effect::new(move |_| {
        let Some(w) = window.get() else { return };
        scale.update(|s| {
            if let Some(s) = s {
                *s = reveal(s, &w);
            }
        });
    });
    run_playback(shared);

    let t = move |k: Key| shared.t(k);
    let data_attr = move |f: fn(&Window) -> DateTime<Utc>| window.get().map(|w| rfc3339(f(&w)));
    let view_attr = move |end: bool| {
        scale
            .get()
            .map(|s| rfc3339(if end { s.end } else { s.start }))
    };
    let input = input::Input::new(shared, root);
    view! {
        <section
            class="timeline"
            data-testid="timeline"
            aria-labelledby="timeline-heading"
            data-window-start=move || data_attr(|w| w.start)
            data-window-end=move || data_attr(|w| w.end)
            data-view-start=move || view_attr(false)
            data-view-end=move || view_attr(true)
        >
            <h2 id="timeline-heading" class="visually-hidden">{move || t(Key::Timeline)}</h2>
            {controls::controls(shared)}
            <p id="timeline-help" class="visually-hidden">{move || t(Key::TimelineHelp)}</p>
            <p id="timeline-window-help" class="visually-hidden">{move || t(Key::WindowHelp)}</p>
            <div
                class="timeline-axis"
                node_ref=root
                tabindex="0"
                role="group"
                aria-label=move || t(Key::Timeline)
                aria-describedby="timeline-help"
                on:pointerdown=input.pointer_down()
                on:pointermove=input.pointer_move()
                on:pointerup=input.pointer_up()
                on:pointercancel=input.pointer_cancel()
                on:wheel=input.wheel()
                on:keydown=input.axis_key()
            >
                {axis::axis(shared, data)}
                {window::window_slider(shared, count, input.window_key())}
            </div>
        </section>
    }
    .into_any()
}

/// Playback steps the window forward and stops at the end of what is known. Chained one-shot
/// timeouts rather than an interval: each tick schedules the next only while its generation is
/// current, so stopping or changing pace needs no handle to clear (and nothing keeps ticking
/// after the timeline is gone).
fn run_playback(shared: Shared) {
    let playback = shared.playback;
    let step: std::rc::Rc<dyn Fn()> = std::rc::Rc::new(move || {
        let next = playback_step(
            shared.window.get_untracked(),
            playback.step_days.get_untracked(),
            shared.today,
            shared.last_event(),
        );
        match next {
            Some(w) => shared.set_window.run((Some(w), true)),
            None => playback.playing.set(false),
        }
    });
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let playing = playback.playing.get();
        let ms = playback.interval_ms.get();
        generation.update_value(|g| *g += 1);
        if !playing {
            return;
        }
        // The first step comes at once, so play visibly does something.
        if shared.window.get_untracked().is_none() {
            step();
        }
        schedule_tick(generation, generation.get_value(), ms, step.clone());
    });
    on_cleanup(move || generation.update_value(|g| *g += 1));
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && playback.playing.get_untracked() {
            playback.playing.set(false);
        }
    });
    on_cleanup(move || escape.remove());
}

/// One playback step after `ms`, then the next, for as long as `generation` stays `current`.
fn schedule_tick(generation: StoredValue<u64>, current: u64, ms: u32, step: std::rc::Rc<dyn Fn()>) {
    set_timeout(
        move || {
            if generation.try_get_value() != Some(current) {
                return;
            }
            step();
            schedule_tick(generation, current, ms, step);
        },
        std::time::Duration::from_millis(ms.into()),
    );
}
