//! A small static map of a feed's events: the configured municipality boundaries and a dot per
//! event with a place, for the validator's preview ("how the events will look on the map").
//! Not interactive; the list beside it is its accessible twin.

use leptos::prelude::*;

use crate::components::map::load_boundaries_into;
use crate::state::{use_lang, use_loaded};
use kulttuurikartta_core::decimal::tenths;
use kulttuurikartta_core::feed::Event;
use kulttuurikartta_explore::i18n::{Key, Translate};
use kulttuurikartta_geo::fit::Fit;
use kulttuurikartta_geo::projection::{project, Point};

const SIZE: f64 = 320.0;

#[component]
pub fn PreviewMap(events: Vec<Event>) -> impl IntoView {
    let lang = use_lang();
    // The boundaries file is config.json's, known once the app has loaded it (a check from
    // `?feed=` can finish first): fetched once, when it is.
    let loaded = use_loaded();
    let boundaries = RwSignal::new(None);
    Effect::new(move |requested: Option<bool>| {
        if requested == Some(true) {
            return true;
        }
        match loaded.get().and_then(|r| r.ok()) {
            Some(l) => {
                load_boundaries_into(l.config.boundaries_url.clone(), boundaries);
                true
            }
            None => false,
        }
    });
    let dots: Vec<Point> = events
        .iter()
        .filter_map(|e| e.position.map(|p| project(p.lat, p.lon)))
        .collect();
    let (placed, total) = (dots.len(), events.len());
    let drawing = move || {
        let shapes = boundaries.get();
        let outline: Vec<Point> = shapes
            .iter()
            .flat_map(|b| b.iter().flat_map(|m| m.rings.iter().flatten().copied()))
            .collect();
        let fit = Fit::around(outline.iter().chain(&dots).copied(), SIZE, SIZE, 8.0)?;
        let paths = shapes.map(|list| {
            list.iter()
                .map(|b| {
                    let d: String = b
                        .rings
                        .iter()
                        .map(|ring| {
                            let mut s = String::new();
                            for (i, p) in ring.iter().enumerate() {
                                let (x, y) = fit.apply(*p);
                                let command = if i == 0 { "M" } else { "L" };
                                s += &format!("{command}{},{}", tenths(x), tenths(y));
                            }
                            s + "Z"
                        })
                        .collect();
                    view! { <path class="preview-municipality" d=d fill-rule="evenodd" /> }
                })
                .collect_view()
        });
        let circles = dots
            .iter()
            .map(|p| {
                let (x, y) = fit.apply(*p);
                view! { <circle class="preview-event" cx=tenths(x).to_string() cy=tenths(y).to_string() r="4" /> }
            })
            .collect_view();
        Some(view! { {paths} {circles} })
    };
    view! {
        <figure class="preview-map" data-testid="validator-map" data-placed=placed>
            <svg viewBox=format!("0 0 {SIZE} {SIZE}") width=SIZE height=SIZE role="img" aria-labelledby="preview-map-caption">
                {drawing}
            </svg>
            <figcaption id="preview-map-caption">
                {placed} " / " {total} " " {move || lang.get().t(Key::ValidateOnMap)}
            </figcaption>
        </figure>
    }
}
