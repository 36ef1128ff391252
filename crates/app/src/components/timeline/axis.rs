//! The timeline's SVG: its markup comes from `explore::timeline::svg` (weekends and holidays,
//! the date scale, the events one by one or as a histogram, the selection and "now").
//! It is hidden from assistive technology: the window slider and the list carry the same facts.

use std::sync::Arc;

use leptos::prelude::*;

use super::shared::Shared;
use crate::dom;
use crate::load::Loaded;
use crate::state::use_selection;
use kulttuurikartta_core::decimal::shortest;
use kulttuurikartta_explore::timeline::svg::{draw, HEIGHT};

pub(super) fn axis(shared: Shared, data: Arc<Loaded>) -> AnyView {
    let selection = use_selection();
    (move || {
        // Benchmarks measure from here to the window box, which renders right after this
        // closure's DOM is built (tests/bench/timeline.mjs). `try_` reads: this can be queued
        // by an app-wide change (language, selection) just as a kiosk reset replaces the
        // timeline.
        let s = shared.scale.try_get().flatten()?;
        dom::mark("kk:timeline:draw");
        let l = shared.lang.get();
        let items = shared.items.try_get()?;
        let selected = selection.get();
        let drawing = draw(&s, &items, &data.catalogue, selected.as_deref(), shared.now, l);
        Some(view! {
            <svg class="timeline-svg" width=shortest(s.width) height=shortest(HEIGHT) aria-hidden="true" data-mode=drawing.mode inner_html=drawing.markup></svg>
        })
    })
    .into_any()
}
