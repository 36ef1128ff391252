//! What the visitor's input does to the timeline, free of the DOM: the drag state machine (pan
//! the scale, brush a new window, move the window, move one of its edges), the keys on the axis
//! and on the window slider, and the date inputs. The component feeds in positions relative to
//! the timeline and applies what comes out.

use chrono::{Duration, NaiveDate};

use crate::i18n::{format_day_range, Key, Lang, Translate};
use crate::query::Window;

use super::brush::brush;
use super::scale::TimeScale;

/// Below this many pixels a press and release is a click, not a brush.
const CLICK_SLOP: f64 = 4.0;

/// What a pointer went down on (the element's `data-drag` hook, or the part of the timeline).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The window's start handle.
    StartHandle,
    /// The window's end handle.
    EndHandle,
    /// The window itself.
    Window,
    /// The date scale at the top: dragging there pans.
    Scale,
    /// The plot: dragging there brushes a new window.
    Plot,
}

impl Target {
    /// From the `data-drag` value under the pointer and its height in the timeline; the scale is
    /// the band above `scale_bottom`.
    pub fn at(data_drag: &str, y: f64, scale_bottom: f64) -> Target {
        match data_drag {
            "start" => Target::StartHandle,
            "end" => Target::EndHandle,
            "window" => Target::Window,
            _ if y < scale_bottom => Target::Scale,
            _ => Target::Plot,
        }
    }
}

/// A drag in progress. `x` values are pixels from the timeline's left edge.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Drag {
    Pan {
        last_x: f64,
    },
    Brush {
        from_x: f64,
        to_x: f64,
        /// Further than a click's slop from where it started.
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
    /// Two fingers: zoom by their spread around their midpoint (see `geo::gesture`).
    Pinch,
}

/// What releasing the pointer does.
#[derive(Debug, Clone, PartialEq)]
pub enum Release {
    Nothing,
    /// A click on an item: select that event.
    Select(String),
    /// A click elsewhere, or the end of a brush, move or resize: this becomes the window.
    SetWindow(Window),
}

impl Drag {
    pub fn begin(target: Target, x: f64) -> Drag {
        match target {
            Target::StartHandle => Drag::Edge {
                start: true,
                to_x: x,
            },
            Target::EndHandle => Drag::Edge {
                start: false,
                to_x: x,
            },
            Target::Window => Drag::Move { from_x: x, to_x: x },
            Target::Scale => Drag::Pan { last_x: x },
            Target::Plot => Drag::Brush {
                from_x: x,
                to_x: x,
                moved: false,
            },
        }
    }

    /// The pointer moved to `x`: the drag's new state, and for a pan how far to pan the scale.
    pub fn moved(self, x: f64) -> (Drag, Option<f64>) {
        match self {
            Drag::Pan { last_x } => (Drag::Pan { last_x: x }, Some(x - last_x)),
            Drag::Brush { from_x, moved, .. } => (
                Drag::Brush {
                    from_x,
                    to_x: x,
                    moved: moved || (x - from_x).abs() > CLICK_SLOP,
                },
                None,
            ),
            Drag::Move { from_x, .. } => (Drag::Move { from_x, to_x: x }, None),
            Drag::Edge { start, .. } => (Drag::Edge { start, to_x: x }, None),
            Drag::Pinch => (Drag::Pinch, None),
        }
    }

    /// The window if the drag ended now (drawn while dragging). `None` for drags that do not
    /// change the window, and for a move or resize when there is no window.
    pub fn draft(&self, scale: &TimeScale, window: Option<Window>) -> Option<Window> {
        match *self {
            Drag::Brush {
                from_x,
                to_x,
                moved: true,
            } => Some(brush(scale, from_x, to_x)),
            Drag::Move { from_x, to_x } => {
                let days = ((to_x - from_x) / scale.width * scale.span_secs() / 86_400.0).round();
                Some(window?.shift_days(days as i64))
            }
            Drag::Edge { start, to_x } => {
                let w = window?;
                let b = brush(scale, to_x, to_x);
                // An edge never crosses the other: the window keeps at least an hour.
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
    }

    /// The pointer went up at `x`. `pressed_item` is the event under the pointer when it went
    /// down (pointer capture retargets the release, so the press decides).
    pub fn release(
        self,
        scale: &TimeScale,
        window: Option<Window>,
        pressed_item: Option<String>,
        x: f64,
    ) -> Release {
        match self {
            Drag::Pinch | Drag::Pan { .. } => Release::Nothing,
            Drag::Brush { moved: false, .. } => match pressed_item {
                Some(id) => Release::Select(id),
                None => Release::SetWindow(brush(scale, x, x)),
            },
            _ => self
                .draft(scale, window)
                .map_or(Release::Nothing, Release::SetWindow),
        }
    }
}

/// What a key on the timeline's axis does.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum AxisKey {
    /// Pan by this fraction of the width (positive shows earlier times).
    Pan(f64),
    /// Zoom by this factor around the middle (above 1 zooms in).
    Zoom(f64),
}

pub fn axis_key(key: &str) -> Option<AxisKey> {
    Some(match key {
        "ArrowLeft" => AxisKey::Pan(0.1),
        "ArrowRight" => AxisKey::Pan(-0.1),
        "+" | "=" => AxisKey::Zoom(1.5),
        "-" | "_" => AxisKey::Zoom(1.0 / 1.5),
        _ => return None,
    })
}

/// What a key on the window slider does.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum WindowKey {
    Set(Window),
    Clear,
}

/// The window slider's keys: arrows move a day, Shift+arrows change the length by a day (never
/// below one), PageUp/PageDown move a week, Home moves to today, End to the day of the last
/// event, Delete or Backspace clear it. `None` for other keys (or End with no events).
pub fn window_key(
    key: &str,
    shift: bool,
    w: Window,
    today: NaiveDate,
    last_event_day: Option<NaiveDate>,
) -> Option<WindowKey> {
    let grow = |days: i64| {
        let first = w.day_range().0;
        let end = w.shift_days(days).end;
        Window {
            start: w.start,
            end: end.max(Window::days(first, first).end),
        }
    };
    let (first, last) = w.day_range();
    Some(WindowKey::Set(match key {
        "ArrowLeft" | "ArrowDown" if shift => grow(-1),
        "ArrowRight" | "ArrowUp" if shift => grow(1),
        "ArrowLeft" | "ArrowDown" => w.shift_days(-1),
        "ArrowRight" | "ArrowUp" => w.shift_days(1),
        "PageDown" => w.shift_days(-7),
        "PageUp" => w.shift_days(7),
        "Home" => w.shift_days((today - first).num_days()),
        "End" => w.shift_days((last_event_day? - last).num_days()),
        "Delete" | "Backspace" => return Some(WindowKey::Clear),
        _ => return None,
    }))
}

/// The next playback step: the window moved on by `days` (from today when there is none), or
/// `None` once it would start after the last event, which stops playback.
pub fn playback_step(
    window: Option<Window>,
    days: i64,
    today: NaiveDate,
    last_event: Option<chrono::DateTime<chrono::Utc>>,
) -> Option<Window> {
    let next = match window {
        Some(w) => w.shift_days(days),
        None => Window::days(today, today + Duration::days(days - 1)),
    };
    last_event.filter(|end| next.start <= *end).map(|_| next)
}

/// A date typed into the "from" or "to" input (`YYYY-MM-DD`), applied to the window: a start
/// after the end pulls the end along; without a window the other end is today.
pub fn date_input(
    is_end: bool,
    value: &str,
    window: Option<Window>,
    today: NaiveDate,
) -> Option<Window> {
    let d = kulttuurikartta_core::time::text::parse_date(value)?;
    let (a, b) = window.map_or((today, today), |w| w.day_range());
    let (a, b) = if is_end { (a, d) } else { (d, b.max(d)) };
    Some(Window::days(a, b))
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, TimeZone, Utc};
    use kulttuurikartta_core::time::helsinki;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    fn utc(d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, d, h, 0, 0).unwrap()
    }

    /// December 1–11 (Helsinki midnight to midnight) on 1 000 px: 10 days, 100 px a day.
    fn scale() -> TimeScale {
        TimeScale::new(
            helsinki::start_of_day(day(1)),
            helsinki::start_of_day(day(11)),
            1000.0,
        )
    }

    fn week() -> Window {
        Window::days(day(3), day(5))
    }

    #[test]
    fn the_target_follows_the_hook_then_the_band() {
        assert_eq!(Target::at("start", 80.0, 38.0), Target::StartHandle);
        assert_eq!(Target::at("end", 80.0, 38.0), Target::EndHandle);
        assert_eq!(Target::at("window", 10.0, 38.0), Target::Window);
        assert_eq!(Target::at("", 10.0, 38.0), Target::Scale);
        assert_eq!(Target::at("", 60.0, 38.0), Target::Plot);
    }

    #[test]
    fn dragging_the_scale_pans_by_each_step() {
        let d = Drag::begin(Target::Scale, 100.0);
        let (d, pan) = d.moved(130.0);
        assert_eq!(pan, Some(30.0));
        let (d, pan) = d.moved(120.0);
        assert_eq!(pan, Some(-10.0));
        assert_eq!(d.release(&scale(), None, None, 120.0), Release::Nothing);
    }

    #[test]
    fn a_press_without_movement_is_a_click() {
        let s = scale();
        let (d, _) = Drag::begin(Target::Plot, 250.0).moved(252.0);
        assert_eq!(d.draft(&s, None), None, "no draft for a click");
        // On an item it selects the event; elsewhere it selects that day.
        assert_eq!(
            d.release(&s, None, Some("kk:1".into()), 252.0),
            Release::Select("kk:1".into())
        );
        assert_eq!(
            d.release(&s, None, None, 252.0),
            Release::SetWindow(Window::days(day(3), day(3)))
        );
    }

    #[test]
    fn brushing_across_days_sets_those_days_and_a_brush_that_returns_stays_a_brush() {
        let s = scale();
        let (d, _) = Drag::begin(Target::Plot, 250.0).moved(480.0);
        assert_eq!(d.draft(&s, None), Some(Window::days(day(3), day(5))));
        // Coming back near the start does not turn the brush into a click.
        let (d, _) = d.moved(251.0);
        assert!(matches!(d, Drag::Brush { moved: true, .. }));
        let (d, _) = d.moved(480.0);
        assert_eq!(
            d.release(&s, None, Some("ignored".into()), 480.0),
            Release::SetWindow(Window::days(day(3), day(5)))
        );
    }

    #[test]
    fn moving_the_window_shifts_it_by_whole_days() {
        let s = scale();
        let (d, _) = Drag::begin(Target::Window, 300.0).moved(540.0);
        // 240 px is 2.4 days: rounded to 2.
        assert_eq!(
            d.draft(&s, Some(week())),
            Some(Window::days(day(5), day(7)))
        );
        assert_eq!(d.draft(&s, None), None, "nothing to move");
    }

    #[test]
    fn an_edge_moves_alone_and_never_crosses_the_other() {
        let s = scale();
        let (d, _) = Drag::begin(Target::EndHandle, 500.0).moved(750.0);
        assert_eq!(
            d.draft(&s, Some(week())),
            Some(Window::days(day(3), day(8)))
        );
        let (d, _) = Drag::begin(Target::StartHandle, 200.0).moved(50.0);
        assert_eq!(
            d.draft(&s, Some(week())),
            Some(Window::days(day(1), day(5)))
        );
        // Dragging the start past the end leaves an hour before the end.
        let (d, _) = Drag::begin(Target::StartHandle, 200.0).moved(900.0);
        let w = d.draft(&s, Some(week())).unwrap();
        assert_eq!(w.end, week().end);
        assert_eq!(w.end - w.start, Duration::hours(1));
    }

    #[test]
    fn axis_keys_pan_and_zoom() {
        assert_eq!(axis_key("ArrowLeft"), Some(AxisKey::Pan(0.1)));
        assert_eq!(axis_key("ArrowRight"), Some(AxisKey::Pan(-0.1)));
        assert_eq!(axis_key("+"), Some(AxisKey::Zoom(1.5)));
        assert_eq!(axis_key("_"), Some(AxisKey::Zoom(1.0 / 1.5)));
        assert_eq!(axis_key("Enter"), None);
    }

    #[test]
    fn window_keys_move_resize_jump_and_clear() {
        let w = week();
        let today = day(2);
        let set = |key: &str, shift: bool| match window_key(key, shift, w, today, Some(day(20))) {
            Some(WindowKey::Set(w)) => Some(w.day_range()),
            _ => None,
        };
        assert_eq!(set("ArrowRight", false), Some((day(4), day(6))));
        assert_eq!(set("ArrowDown", false), Some((day(2), day(4))));
        assert_eq!(set("ArrowRight", true), Some((day(3), day(6))));
        assert_eq!(set("ArrowLeft", true), Some((day(3), day(4))));
        assert_eq!(set("PageUp", false), Some((day(10), day(12))));
        let nov = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        assert_eq!(set("PageDown", false), Some((nov(26), nov(28))));
        assert_eq!(set("Home", false), Some((day(2), day(4))));
        assert_eq!(set("End", false), Some((day(18), day(20))));
        assert_eq!(
            window_key("Delete", false, w, today, None),
            Some(WindowKey::Clear)
        );
        assert_eq!(
            window_key("End", false, w, today, None),
            None,
            "no events, no end"
        );
        assert_eq!(window_key("x", false, w, today, None), None);
    }

    #[test]
    fn shrinking_stops_at_one_day() {
        let one = Window::days(day(3), day(3));
        let Some(WindowKey::Set(w)) = window_key("ArrowLeft", true, one, day(1), None) else {
            panic!("a window")
        };
        assert_eq!(w.day_range(), (day(3), day(3)));
    }

    #[test]
    fn window_keys_keep_whole_days_across_the_dst_change() {
        // Moving a one-day window over the last Sunday of March keeps it one local day.
        let w = Window::days(
            NaiveDate::from_ymd_opt(2027, 3, 27).unwrap(),
            NaiveDate::from_ymd_opt(2027, 3, 27).unwrap(),
        );
        let Some(WindowKey::Set(next)) = window_key("ArrowRight", false, w, day(1), None) else {
            panic!("a window")
        };
        let sunday = NaiveDate::from_ymd_opt(2027, 3, 28).unwrap();
        assert_eq!(next.day_range(), (sunday, sunday));
        assert_eq!(next.end - next.start, Duration::hours(23));
    }

    #[test]
    fn playback_steps_from_today_and_stops_after_the_last_event() {
        let today = day(2);
        let last = Some(utc(10, 12));
        assert_eq!(
            playback_step(None, 7, today, last),
            Some(Window::days(day(2), day(8)))
        );
        assert_eq!(
            playback_step(Some(week()), 1, today, last),
            Some(Window::days(day(4), day(6)))
        );
        let late = Window::days(day(9), day(10));
        assert_eq!(
            playback_step(Some(late), 1, today, last),
            Some(Window::days(day(10), day(11)))
        );
        assert_eq!(playback_step(Some(late), 7, today, last), None);
        assert_eq!(playback_step(None, 1, today, None), None, "nothing to play");
    }

    #[test]
    fn date_inputs_set_one_end_and_keep_the_window_ordered() {
        let today = day(2);
        assert_eq!(
            date_input(false, "2026-12-04", Some(week()), today),
            Some(Window::days(day(4), day(5)))
        );
        // A start after the end pulls the end along.
        assert_eq!(
            date_input(false, "2026-12-09", Some(week()), today),
            Some(Window::days(day(9), day(9)))
        );
        assert_eq!(
            date_input(true, "2026-12-06", None, today),
            Some(Window::days(day(2), day(6)))
        );
        assert_eq!(date_input(true, "6.12.2026", Some(week()), today), None);
        assert_eq!(date_input(true, "", Some(week()), today), None);
    }

    #[test]
    fn the_window_is_spoken_with_its_count() {
        let text = window_text(&Window::days(day(1), day(7)), 48, Lang::Fi);
        assert_eq!(text, "1.–7.12.2026, 48 tapahtumaa");
        let evening = Window {
            start: utc(1, 16),
            end: utc(1, 20),
        };
        assert!(window_text(&evening, 3, Lang::En).starts_with("2026-12-01 18:00"));
    }
}
