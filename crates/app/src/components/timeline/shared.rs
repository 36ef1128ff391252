//! What the timeline's parts share: the layout, the playback state and `Shared`, the signals
//! every part reads.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;

use crate::dom;
use kulttuurikartta_core::time::helsinki;
use kulttuurikartta_explore::i18n::{Key, Lang, Translate};
use kulttuurikartta_explore::query::Window;
use kulttuurikartta_explore::timeline::interaction::Drag;
use kulttuurikartta_explore::timeline::plot::Item;
use kulttuurikartta_explore::timeline::scale::TimeScale;

/// The state of playback, shared with the explorer (it throttles announcements while playing).
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

/// What the timeline's parts share. Copy, so each part takes it whole.
#[derive(Clone, Copy)]
pub(super) struct Shared {
    pub(super) lang: Memo<Lang>,
    /// The visible stretch of time; `None` until the element has a width.
    pub(super) scale: RwSignal<Option<TimeScale>>,
    pub(super) drag: RwSignal<Option<Drag>>,
    /// The committed window, from the URL.
    pub(super) window: Memo<Option<Window>>,
    /// Puts a window in the URL: (window, replace the history entry).
    pub(super) set_window: Callback<(Option<Window>, bool)>,
    pub(super) playback: Playback,
    pub(super) today: NaiveDate,
    pub(super) now: DateTime<Utc>,
    /// The dated events that match the filters, ignoring the window.
    pub(super) items: Memo<Arc<Vec<Item>>>,
}

impl Shared {
    pub(super) fn t(&self, k: Key) -> &'static str {
        self.lang.get().t(k)
    }

    /// Zooms by `factor` around `x` (the middle when `None`).
    pub(super) fn zoom(&self, factor: f64, x: Option<f64>) {
        self.scale.update(|s| {
            if let Some(s) = s {
                let x = x.unwrap_or(s.width / 2.0);
                s.zoom_around(factor, x);
            }
        })
    }

    /// Pans by a fraction of the width (positive shows earlier times).
    pub(super) fn pan(&self, frac: f64) {
        self.scale.update(|s| {
            if let Some(s) = s {
                s.pan_by(s.width * frac)
            }
        })
    }

    /// The window if the drag in progress ended now. `try_` reads: this can run just as a kiosk
    /// reset replaces the timeline.
    pub(super) fn draft(&self) -> Option<Window> {
        let s = self.scale.try_get().flatten()?;
        let w = self.window.try_get().flatten();
        self.drag.try_get().flatten()?.draft(&s, w)
    }

    pub(super) fn last_event(&self) -> Option<DateTime<Utc>> {
        self.items
            .with_untracked(|e| e.iter().map(|i| i.last).max())
    }
}

pub(super) fn rfc3339(t: DateTime<Utc>) -> String {
    helsinki::to_local(t).to_rfc3339()
}
