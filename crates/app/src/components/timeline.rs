//! The timeline: when things happen, and the time window that filters the map and the list.
//! Scale, ticks, bins, lanes, holidays and brushing come from `kulttuurikartta_explore::timeline`; this
//! component measures, draws SVG and turns pointer, wheel and key input into view and window
//! changes. The window lives in the URL (`from`/`to`), so it is shared with links and embeds.

use std::sync::Arc;

use chrono::{DateTime, Datelike, Duration, Utc, Weekday};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::dom;
use crate::load::Loaded;
use crate::state::{use_lang, use_selection};
use crate::url_state::use_update_query;
use kulttuurikartta_core::feed::{EventStatus, SuperEventType};
use kulttuurikartta_core::time::helsinki;
use kulttuurikartta_explore::i18n::{format_day_range, Key, Lang, Translate};
use kulttuurikartta_explore::query::{Preset, Query, Window};
use kulttuurikartta_explore::timeline::bins::{bin_unit, histogram};
use kulttuurikartta_explore::timeline::brush::brush;
use kulttuurikartta_explore::timeline::holidays::holidays_between;
use kulttuurikartta_explore::timeline::lanes::pack;
use kulttuurikartta_explore::timeline::scale::TimeScale;
use kulttuurikartta_explore::timeline::ticks::axis;

/// Vertical layout of the SVG, in CSS pixels.
const HEIGHT: f64 = 124.0;
const AXIS_BOTTOM: f64 = 38.0;
const PLOT_TOP: f64 = 44.0;
const PLOT_BOTTOM: f64 = 118.0;
const LANE: f64 = 9.0;
/// Items are drawn one by one up to this many in view; beyond it, the histogram.
const MAX_ITEMS: usize = 300;

/// One event as the timeline needs it.
#[derive(Clone, Copy, PartialEq)]
struct Item {
    index: usize,
    start: DateTime<Utc>,
    last: DateTime<Utc>,
    all_day: bool,
    cancelled: bool,
}

/// The state of playback, shared with the explorer (it throttles announcements while playing)
/// and, later, the kiosk's attract loop.
#[derive(Clone, Copy)]
pub struct Playback {
    pub playing: RwSignal<bool>,
    pub step_days: RwSignal<i64>,
    /// Milliseconds per step.
    pub interval_ms: RwSignal<u32>,
}

impl Playback {
    pub fn new() -> Playback {
        Playback {
            playing: RwSignal::new(false),
            step_days: RwSignal::new(1),
            interval_ms: RwSignal::new(if dom::prefers_reduced_motion() {
                4000
            } else {
                2000
            }),
        }
    }
}

impl Default for Playback {
    fn default() -> Self {
        Playback::new()
    }
}

fn rfc3339(t: DateTime<Utc>) -> String {
    helsinki::to_local(t).to_rfc3339()
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

/// "1.–7.12.2026, 48 tapahtumaa": the window as it is spoken and shown.
pub fn window_text(w: &Window, count: usize, lang: Lang) -> String {
    let (a, b) = w.day_range();
    let mut s = format_day_range(lang, a, b);
    if !w.is_whole_days() {
        let (f, t) = w.to_params();
        s = format!("{} – {}", f.replace('T', " "), t.replace('T', " "));
    }
    format!("{s}, {count} {}", lang.t(Key::EventsCount))
}

#[component]
pub fn Timeline(
    data: Arc<Loaded>,
    /// Events matching the filters, ignoring the window (indices into the catalogue).
    items: Memo<Arc<Vec<usize>>>,
    query: Memo<Query>,
    /// How many events the window leaves (for the slider's spoken value).
    count: Memo<usize>,
    playback: Playback,
) -> impl IntoView {
    let lang = use_lang();
    let selection = use_selection();
    let update_query = use_update_query();
    let t = move |k: Key| lang.get().t(k);
    let window = Memo::new(move |_| query.with(|q| q.window));
    let now = dom::now();
    let today = helsinki::local_date(now);

    let set_window = move |w: Option<Window>, replace: bool| {
        update_query(&|q: &mut Query| q.window = w, replace)
    };

    let events = {
        let data = data.clone();
        Memo::new(move |_| {
            let cat = &data.catalogue;
            let list: Vec<Item> = items.with(|ix| {
                ix.iter()
                    .filter_map(|&i| {
                        let e = &cat.events[i];
                        let s = e.start?;
                        Some(Item {
                            index: i,
                            start: s.first_instant(),
                            last: e.last_instant().unwrap_or(s.first_instant()),
                            all_day: s.is_all_day(),
                            cancelled: e.status == EventStatus::Cancelled,
                        })
                    })
                    .collect()
            });
            Arc::new(list)
        })
    };

    let root = NodeRef::<leptos::html::Div>::new();
    let scale = RwSignal::new(None::<TimeScale>);
    let initial_view = move || match window.get_untracked() {
        Some(w) => {
            let pad = ((w.end - w.start) / 4).max(Duration::days(2));
            (w.start - pad, w.end + pad)
        }
        None => (
            helsinki::start_of_day(today - Duration::days(2)),
            helsinki::start_of_day(today + Duration::days(40)),
        ),
    };
    Effect::new(move |_| {
        let Some(el) = root.get() else { return };
        dom::observe_size(&el, move |w, _| {
            if w <= 0.0 {
                return;
            }
            scale.update(|s| match s {
                Some(s) => s.width = w,
                None => {
                    let (a, b) = initial_view();
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
                if w.start < s.start || w.end > s.end {
                    let span = (s.end - s.start).max((w.end - w.start) + (w.end - w.start) / 2);
                    let mid = w.start + (w.end - w.start) / 2;
                    *s = TimeScale::new(mid - span / 2, mid + span / 2, s.width);
                }
            }
        });
    });

    // Playback: step the window forward; stop at the end of what is known.
    let last_event = {
        let evs = events;
        move || evs.with_untracked(|e| e.iter().map(|i| i.last).max())
    };
    let step = {
        let set_window = set_window.clone();
        move || {
            let days = playback.step_days.get_untracked();
            let next = match window.get_untracked() {
                Some(w) => w.shift_days(days),
                None => Window::days(today, today + Duration::days(days - 1)),
            };
            if last_event().is_none_or(|end| next.start > end) {
                playback.playing.set(false);
                return;
            }
            set_window(Some(next), true);
        }
    };
    // Chained one-shot timeouts rather than an interval: each tick schedules the next only while
    // its generation is current, so stopping or changing pace needs no handle to clear (and
    // nothing keeps ticking after the timeline is gone).
    let generation = StoredValue::new(0u64);
    let step: std::rc::Rc<dyn Fn()> = std::rc::Rc::new(step);
    Effect::new(move |_| {
        let playing = playback.playing.get();
        let ms = playback.interval_ms.get();
        generation.update_value(|g| *g += 1);
        if !playing {
            return;
        }
        // The first step comes at once, so play visibly does something.
        if window.get_untracked().is_none() {
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

    // Pointer input: drag on the scale pans; on the plot it brushes; on the window it moves
    // the window; on a handle it moves that edge.
    #[derive(Clone, Copy, PartialEq)]
    enum Drag {
        Pan {
            last_x: f64,
        },
        Brush {
            from_x: f64,
            to_x: f64,
            moved: bool,
        },
        Move {
            from_x: f64,
            to_x: f64,
        },
        Edge {
            start: bool,
            to_x: f64,
        },
        /// Two fingers: zoom by their spread around their midpoint.
        Pinch,
    }
    let drag = RwSignal::new(None::<Drag>);
    // Pointers down (id, x), for the pinch.
    let pointers = StoredValue::new(Vec::<(i32, f64)>::new());
    // The item under the pointer when it went down (pointer capture retargets the release).
    let pressed_item = StoredValue::new(None::<String>);
    let local_x = move |ev: &web_sys::PointerEvent| {
        let left = root
            .get_untracked()
            .map_or(0.0, |el| el.get_bounding_client_rect().left());
        f64::from(ev.client_x()) - left
    };
    let local_y = move |ev: &web_sys::PointerEvent| {
        let top = root
            .get_untracked()
            .map_or(0.0, |el| el.get_bounding_client_rect().top());
        f64::from(ev.client_y()) - top
    };
    let target_class = |ev: &web_sys::PointerEvent| -> String {
        ev.target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .map(|e| e.get_attribute("data-drag").unwrap_or_default())
            .unwrap_or_default()
    };
    let on_pointerdown = move |ev: web_sys::PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        let (x, y) = (local_x(&ev), local_y(&ev));
        pointers.update_value(|p| {
            p.retain(|(id, _)| *id != ev.pointer_id());
            p.push((ev.pointer_id(), x));
        });
        if pointers.with_value(Vec::len) == 2 {
            if let Some(el) = root.get_untracked() {
                let _ = el.set_pointer_capture(ev.pointer_id());
            }
            drag.set(Some(Drag::Pinch));
            return;
        }
        let d = match target_class(&ev).as_str() {
            "start" => Drag::Edge {
                start: true,
                to_x: x,
            },
            "end" => Drag::Edge {
                start: false,
                to_x: x,
            },
            "window" => Drag::Move { from_x: x, to_x: x },
            _ if y < AXIS_BOTTOM => Drag::Pan { last_x: x },
            _ => Drag::Brush {
                from_x: x,
                to_x: x,
                moved: false,
            },
        };
        pressed_item.set_value(
            ev.target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.get_attribute("data-event-id")),
        );
        if let Some(el) = root.get_untracked() {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
        playback.playing.set(false);
        drag.set(Some(d));
    };
    let on_pointermove = move |ev: web_sys::PointerEvent| {
        let Some(d) = drag.get_untracked() else {
            return;
        };
        let x = local_x(&ev);
        ev.prevent_default();
        let before = pointers.get_value();
        pointers.update_value(|p| {
            if let Some(slot) = p.iter_mut().find(|(id, _)| *id == ev.pointer_id()) {
                slot.1 = x;
            }
        });
        match d {
            Drag::Pinch => {
                if let ([(_, a0), (_, b0)], [(_, a1), (_, b1)]) =
                    (before.as_slice(), pointers.get_value().as_slice())
                {
                    let (d0, d1) = ((a0 - b0).abs().max(8.0), (a1 - b1).abs().max(8.0));
                    let mid = (a1 + b1) / 2.0;
                    scale.update(|s| {
                        if let Some(s) = s {
                            s.zoom_around(d1 / d0, mid);
                        }
                    });
                }
            }
            Drag::Pan { last_x } => {
                scale.update(|s| {
                    if let Some(s) = s {
                        s.pan_by(x - last_x)
                    }
                });
                drag.set(Some(Drag::Pan { last_x: x }));
            }
            Drag::Brush { from_x, .. } => drag.set(Some(Drag::Brush {
                from_x,
                to_x: x,
                moved: (x - from_x).abs() > 4.0,
            })),
            Drag::Move { from_x, .. } => drag.set(Some(Drag::Move { from_x, to_x: x })),
            Drag::Edge { start, .. } => drag.set(Some(Drag::Edge { start, to_x: x })),
        }
    };
    // What the window would be if the drag ended now (drawn while dragging).
    let draft = move || -> Option<Window> {
        let s = scale.try_get().flatten()?;
        match drag.try_get().flatten()? {
            Drag::Brush {
                from_x,
                to_x,
                moved,
            } if moved => Some(brush(&s, from_x, to_x)),
            Drag::Move { from_x, to_x } => {
                let w = window.get()?;
                let days = ((to_x - from_x) / s.width * s.span_secs() / 86_400.0).round() as i64;
                Some(w.shift_days(days))
            }
            Drag::Edge { start, to_x } => {
                let w = window.get()?;
                let b = brush(&s, to_x, to_x);
                Some(if start {
                    Window {
                        start: b.start.min(w.end - Duration::hours(1)),
                        end: w.end,
                    }
                } else {
                    Window {
                        start: w.start,
                        end: b.end.max(w.start + Duration::hours(1)),
                    }
                })
            }
            _ => None,
        }
    };
    let on_pointerup = {
        let set_window = set_window.clone();
        move |ev: web_sys::PointerEvent| {
            pointers.update_value(|p| p.retain(|(id, _)| *id != ev.pointer_id()));
            let Some(d) = drag.get_untracked() else {
                return;
            };
            let committed = draft();
            drag.set(None);
            match d {
                Drag::Pinch => {}
                Drag::Brush { moved: false, .. } => {
                    // A click: on an item selects it, elsewhere selects that day.
                    match pressed_item.get_value() {
                        Some(id) => selection.set(Some(id)),
                        None => {
                            if let Some(s) = scale.get_untracked() {
                                let x = local_x(&ev);
                                set_window(Some(brush(&s, x, x)), false);
                            }
                        }
                    }
                }
                Drag::Pan { .. } => {}
                _ => {
                    if committed.is_some() {
                        set_window(committed, false);
                    }
                }
            }
        }
    };
    let on_pointercancel = move |ev: web_sys::PointerEvent| {
        pointers.update_value(|p| p.retain(|(id, _)| *id != ev.pointer_id()));
        drag.set(None);
    };

    let zoom = move |factor: f64, x: Option<f64>| {
        scale.update(|s| {
            if let Some(s) = s {
                let x = x.unwrap_or(s.width / 2.0);
                s.zoom_around(factor, x);
            }
        })
    };
    let pan = move |frac: f64| {
        scale.update(|s| {
            if let Some(s) = s {
                s.pan_by(s.width * frac)
            }
        })
    };
    let on_wheel = move |ev: web_sys::WheelEvent| {
        if !crate::dom::wheel_zooms(root.get_untracked(), &ev) {
            return;
        }
        let left = root
            .get_untracked()
            .map_or(0.0, |el| el.get_bounding_client_rect().left());
        zoom(
            (-ev.delta_y() * 0.002).clamp(-0.7, 0.7).exp(),
            Some(f64::from(ev.client_x()) - left),
        );
    };
    let on_axis_key = move |ev: web_sys::KeyboardEvent| {
        // Keys on the window slider are its own.
        if ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| e.get_attribute("role").as_deref() == Some("slider"))
        {
            return;
        }
        let handled = match ev.key().as_str() {
            "ArrowLeft" => {
                pan(0.1);
                true
            }
            "ArrowRight" => {
                pan(-0.1);
                true
            }
            "+" | "=" => {
                zoom(1.5, None);
                true
            }
            "-" | "_" => {
                zoom(1.0 / 1.5, None);
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    };
    let on_window_key = {
        let set_window = set_window.clone();
        move |ev: web_sys::KeyboardEvent| {
            let Some(w) = window.get_untracked() else {
                return;
            };
            let shift = ev.shift_key();
            let grow = |w: Window, days: i64| {
                let end = w.shift_days(days).end;
                Window {
                    start: w.start,
                    end: end.max(Window::days(w.day_range().0, w.day_range().0).end),
                }
            };
            let next = match ev.key().as_str() {
                "ArrowLeft" | "ArrowDown" if shift => Some(grow(w, -1)),
                "ArrowRight" | "ArrowUp" if shift => Some(grow(w, 1)),
                "ArrowLeft" | "ArrowDown" => Some(w.shift_days(-1)),
                "ArrowRight" | "ArrowUp" => Some(w.shift_days(1)),
                "PageDown" => Some(w.shift_days(-7)),
                "PageUp" => Some(w.shift_days(7)),
                "Home" => {
                    let (a, _) = w.day_range();
                    Some(w.shift_days((today - a).num_days()))
                }
                "End" => last_event().map(|end| {
                    let (_, b) = w.day_range();
                    w.shift_days((helsinki::local_date(end) - b).num_days())
                }),
                "Delete" | "Backspace" => {
                    set_window(None, false);
                    ev.prevent_default();
                    return;
                }
                _ => None,
            };
            if let Some(n) = next {
                ev.prevent_default();
                set_window(Some(n), true);
            }
        }
    };

    let svg = {
        let data = data.clone();
        move || {
            // Benchmarks measure from here to the window box below, which renders right after
            // this closure's DOM is built (tests/bench/timeline.mjs).
            // `try_` reads: this can be queued by an app-wide change (language, selection) just
            // as a kiosk reset or refresh replaces the timeline.
            let s = scale.try_get().flatten()?;
            dom::mark("kk:timeline:draw");
            let l = lang.get();
            let ax = axis(&s, l);
            let evs = events.try_get()?;
            let (first_day, last_day) =
                (helsinki::local_date(s.start), helsinki::local_date(s.end));
            // Weekends and holidays: shaded days, while days are wide enough to see.
            let px_day = s.width / (s.span_secs() / 86_400.0);
            let day_rect = |d: chrono::NaiveDate| {
                let x0 = s.x(helsinki::start_of_day(d)).max(0.0);
                let x1 = s
                    .x(helsinki::start_of_day(d + Duration::days(1)))
                    .min(s.width);
                (x0, (x1 - x0).max(0.0))
            };
            let weekends = (px_day >= 2.0).then(|| {
                let mut d = first_day;
                let mut rects = Vec::new();
                while d <= last_day {
                    if matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
                        let (x, w) = day_rect(d);
                        rects.push(view! { <rect class="weekend" x=format!("{x:.1}") y=PLOT_TOP - 4.0 width=format!("{w:.1}") height=PLOT_BOTTOM - PLOT_TOP + 4.0 /> });
                    }
                    d += Duration::days(1);
                }
                rects
            });
            let holidays = holidays_between(first_day, last_day)
                .into_iter()
                .map(|(d, h)| {
                    let (x, w) = day_rect(d);
                    let name = h.name(l);
                    view! {
                        <g class="holiday">
                            <rect x=format!("{x:.1}") y=PLOT_TOP - 4.0 width=format!("{:.1}", w.max(2.0)) height=PLOT_BOTTOM - PLOT_TOP + 4.0><title>{name}</title></rect>
                            <path d=format!("M{:.1},{} l4,6 l-8,0 z", x + w / 2.0, AXIS_BOTTOM) />
                        </g>
                    }
                })
                .collect_view();
            let ticks = ax
                .ticks
                .iter()
                .map(|tk| {
                    view! {
                        <g class="tick">
                            <line x1=format!("{:.1}", tk.x) x2=format!("{:.1}", tk.x) y1=AXIS_BOTTOM - 6.0 y2=PLOT_BOTTOM />
                            <text x=format!("{:.1}", tk.x + 3.0) y=AXIS_BOTTOM - 8.0>{tk.label.clone()}</text>
                        </g>
                    }
                })
                .collect_view();
            let context = ax
                .context
                .iter()
                .map(|tk| view! { <text class="context" x=format!("{:.1}", tk.x + 3.0) y="13">{tk.label.clone()}</text> })
                .collect_view();

            // Events in view, one by one when they fit, else as a histogram.
            let visible: Vec<&Item> = evs
                .iter()
                .filter(|i| {
                    if i.last > i.start {
                        i.start < s.end && i.last > s.start
                    } else {
                        i.start >= s.start && i.start < s.end
                    }
                })
                .collect();
            let max_lanes = ((PLOT_BOTTOM - PLOT_TOP) / LANE) as usize;
            let packed = (visible.len() <= MAX_ITEMS).then(|| {
                let spans: Vec<(f64, f64)> = visible
                    .iter()
                    .map(|i| (s.x(i.start), s.x(i.last)))
                    .collect();
                pack(&spans, 5.0, 2.0, max_lanes)
            });
            let selected = selection.get();
            let (mode, plot) = match packed {
                Some((placed, 0)) => {
                    let cat = &data.catalogue;
                    let rects = placed
                        .into_iter()
                        .map(|p| {
                            let it = visible[p.index];
                            let ev = &cat.events[it.index];
                            let x0 = p.x0.max(-2.0);
                            let x1 = p.x1.min(s.width + 2.0);
                            let class = format!(
                                "item{}{}{}",
                                if it.last > it.start && !it.all_day { " span" } else if it.all_day { " all-day" } else { " point" },
                                if it.cancelled { " cancelled" } else { "" },
                                if selected.as_deref() == Some(ev.id.as_str()) { " selected" } else { "" },
                            );
                            view! {
                                <rect class=class data-event-id=ev.id.clone() x=format!("{x0:.1}") y=format!("{:.1}", PLOT_TOP + p.lane as f64 * LANE) width=format!("{:.1}", (x1 - x0).max(3.0)) height=LANE - 2.0 rx="2">
                                    <title>{ev.name.text(l).to_owned()}</title>
                                </rect>
                            }
                        })
                        .collect_view();
                    ("items", rects.into_any())
                }
                _ => {
                    let unit = bin_unit(&s, 4.0);
                    let pairs: Vec<_> = visible.iter().map(|i| (i.start, i.last)).collect();
                    let bins = histogram(&s, unit, &pairs);
                    let max = bins.iter().map(|b| b.count).max().unwrap_or(0).max(1) as f64;
                    let h = PLOT_BOTTOM - PLOT_TOP;
                    // One path for every bar: thousands of events stay one DOM node.
                    let mut d = String::with_capacity(bins.len() * 24);
                    for b in bins.iter().filter(|b| b.count > 0) {
                        let bh = (b.count as f64 / max * h).max(2.0);
                        let w = (b.x1 - b.x0 - 1.0).max(1.0);
                        d.push_str(&format!(
                            "M{:.1},{:.1}h{w:.1}v{bh:.1}h{:.1}z",
                            b.x0,
                            PLOT_BOTTOM - bh,
                            -w
                        ));
                    }
                    ("histogram", view! { <path class="bars" d=d /> }.into_any())
                }
            };
            // The selected event's dates, and every date of its series.
            let marks = selected.and_then(|id| {
                let cat = &data.catalogue;
                let ev = cat.get(&id)?;
                let dates: Vec<DateTime<Utc>> = match ev.super_event.as_deref() {
                    Some(p) if cat.get(p).is_some_and(|e| e.super_event_type == Some(SuperEventType::Recurring)) => {
                        cat.children_of(p).iter().filter_map(|e| e.start.map(|s| s.first_instant())).collect()
                    }
                    _ => ev.start.map(|s| s.first_instant()).into_iter().collect(),
                };
                Some(
                    dates
                        .into_iter()
                        .filter(|d| *d >= s.start && *d < s.end)
                        .map(|d| {
                            let x = s.x(d);
                            view! { <path class="selected-date" d=format!("M{x:.1},{AXIS_BOTTOM} L{x:.1},{PLOT_BOTTOM} M{:.1},{} l5,5 l-5,5 l-5,-5 z", x, AXIS_BOTTOM - 2.0) /> }
                        })
                        .collect_view(),
                )
            });
            let now_x = s.x(now);
            let now_line = (0.0..=s.width).contains(&now_x).then(|| {
                view! {
                    <g class="now">
                        <line x1=format!("{now_x:.1}") x2=format!("{now_x:.1}") y1=AXIS_BOTTOM y2=PLOT_BOTTOM />
                        <text x=format!("{:.1}", now_x + 3.0) y=PLOT_BOTTOM + 4.0>{l.t(Key::Now)}</text>
                    </g>
                }
            });
            Some(view! {
                <svg class="timeline-svg" width=s.width height=HEIGHT aria-hidden="true" data-mode=mode>
                    {weekends}
                    {holidays}
                    {ticks}
                    {context}
                    {plot}
                    {marks}
                    {now_line}
                </svg>
            })
        }
    };

    // The window, drawn over the plot: the committed one, or the draft while dragging.
    let shown_window = move || draft().or_else(|| window.try_get().flatten());
    let window_box = {
        let on_window_key = on_window_key.clone();
        move || {
            let s = scale.try_get().flatten()?;
            dom::mark("kk:timeline:drawn");
            let w = shown_window()?;
            let x0 = s.x(w.start).clamp(-4.0, s.width + 4.0);
            let x1 = s.x(w.end).clamp(-4.0, s.width + 4.0);
            let l = lang.get();
            let (a, b) = w.day_range();
            let text = window_text(&w, count.get(), l);
            Some(view! {
                <div
                    class="timeline-window"
                    data-drag="window"
                    role="slider"
                    tabindex="0"
                    aria-label=l.t(Key::TimeWindow)
                    aria-describedby="timeline-window-help"
                    aria-valuemin="-3650"
                    aria-valuemax="3650"
                    aria-valuenow=(a - today).num_days()
                    aria-valuetext=text
                    data-days=(b - a).num_days() + 1
                    style:left=format!("{x0:.1}px")
                    style:width=format!("{:.1}px", (x1 - x0).max(4.0))
                    on:keydown=on_window_key.clone()
                >
                    <span class="handle start" data-drag="start" aria-hidden="true"></span>
                    <span class="handle end" data-drag="end" aria-hidden="true"></span>
                </div>
            })
        }
    };

    let preset_button = {
        let set_window = set_window.clone();
        move |p: Preset, key: Key| {
            let set_window = set_window.clone();
            let w = p.window(today);
            view! {
                <button
                    type="button"
                    data-preset=p.slug()
                    aria-pressed=move || if window.get() == Some(w) { "true" } else { "false" }
                    on:click=move |_| {
                        playback.playing.set(false);
                        set_window(Some(w), false)
                    }
                >
                    {move || t(key)}
                </button>
            }
        }
    };
    let all_button = {
        let set_window = set_window.clone();
        move || {
            let set_window = set_window.clone();
            view! {
                <button type="button" data-preset="all" aria-pressed=move || if window.get().is_none() { "true" } else { "false" }
                    on:click=move |_| { playback.playing.set(false); set_window(None, false) }>
                    {move || t(Key::AllUpcoming)}
                </button>
            }
        }
    };
    let date_value = move |end: bool| {
        window.get().map_or(String::new(), |w| {
            let (a, b) = w.day_range();
            if end { b } else { a }.to_string()
        })
    };
    let on_date = {
        let set_window = set_window.clone();
        move |end: bool, ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            let Ok(d) = chrono::NaiveDate::parse_from_str(&v, "%Y-%m-%d") else {
                return;
            };
            let (a, b) = window
                .get_untracked()
                .map_or((today, today), |w| w.day_range());
            let (a, b) = if end { (a, d) } else { (d, b.max(d)) };
            set_window(Some(Window::days(a, b)), false);
        }
    };
    let on_from = {
        let on_date = on_date.clone();
        move |ev| on_date(false, ev)
    };
    let on_to = move |ev| on_date(true, ev);

    let data_attr = move |f: fn(&Window) -> DateTime<Utc>| window.get().map(|w| rfc3339(f(&w)));
    let view_attr = move |end: bool| {
        scale
            .get()
            .map(|s| rfc3339(if end { s.end } else { s.start }))
    };

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
            <div class="timeline-toolbar">
                <div class="presets" role="group" aria-label=move || t(Key::TimeWindow)>
                    {all_button()}
                    {preset_button(Preset::Today, Key::Today)}
                    {preset_button(Preset::Tomorrow, Key::Tomorrow)}
                    {preset_button(Preset::Weekend, Key::ThisWeekend)}
                    {preset_button(Preset::Next7Days, Key::Next7Days)}
                    {preset_button(Preset::ThisMonth, Key::ThisMonth)}
                </div>
                <details class="date-range">
                    <summary>{move || t(Key::ChooseDates)}</summary>
                    <div class="date-inputs">
                        <label>{move || t(Key::DateFrom)}<input type="date" data-testid="date-from" prop:value=move || date_value(false) on:change=on_from /></label>
                        <label>{move || t(Key::DateTo)}<input type="date" data-testid="date-to" prop:value=move || date_value(true) on:change=on_to /></label>
                    </div>
                </details>
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
                <div class="timeline-zoom" role="group" aria-label=move || t(Key::Timeline)>
                    <button type="button" aria-label=move || t(Key::Earlier) on:click=move |_| pan(0.5)>"‹"</button>
                    <button type="button" aria-label=move || t(Key::TimelineZoomOut) data-testid="timeline-zoom-out" on:click=move |_| zoom(1.0 / 1.5, None)>"−"</button>
                    <button type="button" aria-label=move || t(Key::TimelineZoomIn) data-testid="timeline-zoom-in" on:click=move |_| zoom(1.5, None)>"+"</button>
                    <button type="button" aria-label=move || t(Key::Later) on:click=move |_| pan(-0.5)>"›"</button>
                </div>
            </div>
            <p id="timeline-help" class="visually-hidden">{move || t(Key::TimelineHelp)}</p>
            <p id="timeline-window-help" class="visually-hidden">{move || t(Key::WindowHelp)}</p>
            <div
                class="timeline-axis"
                node_ref=root
                tabindex="0"
                role="group"
                aria-label=move || t(Key::Timeline)
                aria-describedby="timeline-help"
                on:pointerdown=on_pointerdown
                on:pointermove=on_pointermove
                on:pointerup=on_pointerup
                on:pointercancel=on_pointercancel
                on:wheel=on_wheel
                on:keydown=on_axis_key
            >
                {svg}
                {window_box}
            </div>
        </section>
    }
}
