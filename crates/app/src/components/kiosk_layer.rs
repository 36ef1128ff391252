//! Kiosk behaviour over the normal app: the idle countdown and reset, the attract loop, periodic
//! feed refresh, and no context menu. Timing decisions come from `kulttuurikartta_explore::kiosk`; every timer is
//! a chained timeout with a generation guard, so nothing needs clearing and nothing leaks.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::state::{use_lang, use_loaded, use_selection, KioskMode, LoadedResource};
use kulttuurikartta_core::time::helsinki;
use kulttuurikartta_explore::kiosk::{attract_events, idle_state, IdleState, KioskSettings};
use kulttuurikartta_explore::kiosk_screens::{
    attract_card_html, countdown_html, STOP_SHOW_ATTRIBUTE,
};
use kulttuurikartta_explore::query::{Query, Window};

/// Calls `f` every `ms` while the owner lives.
fn every(ms: u32, alive: StoredValue<bool>, f: std::rc::Rc<dyn Fn()>) {
    set_timeout(
        move || {
            if alive.try_get_value() != Some(true) {
                return;
            }
            f();
            every(ms, alive, f);
        },
        std::time::Duration::from_millis(ms.into()),
    );
}

#[component]
pub fn KioskLayer(kiosk: KioskMode) -> AnyView {
    let lang = use_lang();
    let loaded = use_loaded();
    let selection = use_selection();
    let navigate = use_navigate();
    let settings = kiosk.settings.clone();

    // Seconds without a touch, counted by the idle clock's own ticks: a wall-clock difference
    // would jump when the machine sleeps or its clock is set.
    let idle_secs = StoredValue::new(0u32);
    // Someone has used the kiosk since the last reset.
    let dirty = StoredValue::new(false);
    let refresh_due = StoredValue::new(false);
    let idle = RwSignal::new(IdleState::Active);
    let attract = kiosk.attract;
    let alive = StoredValue::new(true);
    on_cleanup(move || alive.set_value(false));

    let activity = move || {
        idle_secs.set_value(0);
        dirty.set_value(true);
        if attract.get_untracked().is_some() {
            attract.set(None);
        }
        if idle.get_untracked() != IdleState::Active {
            idle.set(IdleState::Active);
        }
    };
    let handles = [
        window_event_listener(leptos::ev::pointerdown, move |_| activity()),
        window_event_listener(leptos::ev::keydown, move |_| activity()),
        window_event_listener(leptos::ev::wheel, move |_| activity()),
        // A kiosk has no use for the context menu (long press on touch screens opens it).
        window_event_listener(leptos::ev::contextmenu, |ev| ev.prevent_default()),
    ];
    on_cleanup(move || {
        for h in handles {
            h.remove();
        }
    });

    let refetch = move || {
        refresh_due.set_value(false);
        loaded.refetch();
    };

    // Back to the start: the home address, no selection, a fresh explorer; then the show.
    let reset = {
        let navigate = navigate.clone();
        let home = kiosk.home.clone();
        let epoch = kiosk.epoch;
        let attract_on = settings.attract;
        move || {
            dirty.set_value(false);
            idle_secs.set_value(0);
            idle.set(IdleState::Active);
            selection.set(None);
            navigate(
                &home,
                NavigateOptions {
                    replace: true,
                    scroll: true,
                    ..NavigateOptions::default()
                },
            );
            // Rebuild the explorer once the navigation's own updates have run.
            set_timeout(move || epoch.update(|e| *e += 1), std::time::Duration::ZERO);
            if refresh_due.get_value() {
                refetch();
            }
            if attract_on {
                attract.set(Some(String::new()));
            }
        }
    };

    // The idle clock, once a second. It also counts the kiosk's uptime: after `reload_hours`
    // an idle kiosk reloads its start address for a clean slate (see `KioskSettings`).
    let uptime = StoredValue::new(0u32);
    {
        let settings = settings.clone();
        let reset = reset.clone();
        let home = kiosk.home.clone();
        every(
            1000,
            alive,
            std::rc::Rc::new(move || {
                idle_secs.update_value(|s| *s = s.saturating_add(1));
                uptime.update_value(|s| *s = s.saturating_add(1));
                let secs = idle_secs.get_value();
                if !dirty.get_value() && uptime.get_value() >= settings.reload_hours * 3600 {
                    if let Some(w) = web_sys::window() {
                        let _ = w.location().replace(&home);
                    }
                    return;
                }
                if !dirty.get_value() {
                    // Nobody here: start the show after the idle time, if it is not on.
                    if settings.attract
                        && attract.get_untracked().is_none()
                        && secs >= settings.idle_secs
                    {
                        attract.set(Some(String::new()));
                    }
                    return;
                }
                match idle_state(secs, &settings) {
                    IdleState::Reset => reset(),
                    s => {
                        if idle.get_untracked() != s {
                            idle.set(s);
                        }
                    }
                }
            }),
        );
    }

    attract_loop(&settings, attract, loaded, alive);

    // Feed refresh: applied at once while nobody is using the kiosk, else at the next reset,
    // so a visitor's view never changes under their finger.
    every(
        settings.refresh_mins * 60_000,
        alive,
        std::rc::Rc::new(move || {
            if dirty.get_value() {
                refresh_due.set_value(true);
            } else {
                refetch();
            }
        }),
    );

    let countdown = move || match idle.get() {
        IdleState::Countdown(n) => Some(view! {
            <div class="kiosk-overlay" data-testid="idle-countdown" data-seconds=n role="alertdialog" aria-modal="true"
                aria-labelledby="idle-title" aria-describedby="idle-body" inner_html=countdown_html(lang.get(), n)></div>
        }),
        _ => None,
    };
    view! { {countdown} {attract_card(attract)} }.into_any()
}

/// The attract loop: one event of this week at a time, its day as the window, selected on the
/// map, the list and the timeline, with a card.
fn attract_loop(
    settings: &KioskSettings,
    attract: RwSignal<Option<String>>,
    loaded: LoadedResource,
    alive: StoredValue<bool>,
) {
    let update_query = crate::url_state::use_update_query();
    let step_ms = if crate::dom::prefers_reduced_motion() {
        settings.attract_secs * 1500
    } else {
        settings.attract_secs * 1000
    };
    let position = StoredValue::new(0usize);
    every(
        step_ms,
        alive,
        std::rc::Rc::new(move || {
            if attract.get_untracked().is_none() {
                return;
            }
            let Some(Ok(data)) = loaded.get_untracked() else {
                return;
            };
            let now = crate::dom::now();
            let picks = attract_events(&data.catalogue.events, now, 40);
            if picks.is_empty() {
                return;
            }
            let i = position.get_value() % picks.len();
            position.set_value(i + 1);
            let ev = &data.catalogue.events[picks[i]];
            let Some(start) = ev.start else { return };
            let day = helsinki::local_date(start.first_instant());
            // The kiosk's own filters (its home address) stay; window and event change.
            let update = |q: &mut Query| {
                q.window = Some(Window::days(day, day));
                q.event = Some(ev.id.clone());
            };
            update_query(&update, true);
            attract.set(Some(ev.id.clone()));
        }),
    );
}

/// The card of the event the attract loop shows, with a button that stops the show.
fn attract_card(attract: RwSignal<Option<String>>) -> AnyView {
    let lang = use_lang();
    let loaded = use_loaded();
    let stop = move |ev: web_sys::MouseEvent| {
        if crate::dom::closest_attribute(&ev, STOP_SHOW_ATTRIBUTE).is_some() {
            attract.set(None);
        }
    };
    (move || {
        let id = attract.get()?;
        let data = loaded.get()?.ok()?;
        let markup = attract_card_html(lang.get(), data.catalogue.get(&id));
        Some(view! {
            <aside class="attract-card" data-testid="attract" data-event-id=id aria-live="off"
                inner_html=markup on:click=stop></aside>
        })
    })
    .into_any()
}
