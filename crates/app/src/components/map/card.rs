//! The card of the chosen marker, or of every event at one venue: names linking to the event
//! pages, times, places and a cancelled badge (`kulttuurikartta_explore::map_card` writes the
//! items). Escape or × closes it.

use leptos::prelude::*;

use super::shared::MapState;
use crate::state::{links_to_new_tab, BasePath};
use kulttuurikartta_explore::event_row::RowContext;
use kulttuurikartta_explore::i18n::{Key, Translate};
use kulttuurikartta_explore::map_card::card_items_html;

pub(super) fn card(map: MapState, base: BasePath) -> AnyView {
    // From an embed, events open in the full app in a new tab.
    let new_tab = links_to_new_tab();
    (move || {
        let members = map.card.try_get().flatten()?;
        let points = map.points.try_get_value()?;
        let l = map.lang.get();
        let chosen: Vec<_> = members.iter().filter_map(|&i| points.get(i)).collect();
        let cx = RowContext {
            lang: l,
            base: &base.0,
            new_tab,
        };
        let items = card_items_html(&chosen, &cx);
        Some(view! {
            <div class="map-card" data-testid="map-card" role="region" aria-label=l.t(Key::SelectedEvents)>
                <button type="button" class="card-close" aria-label=l.t(Key::Close) on:click=move |_| map.card.set(None)>"×"</button>
                <ul inner_html=items></ul>
            </div>
        })
    })
    .into_any()
}
