//! The card of the chosen marker, or of every event at one venue: names linking to the event
//! pages, times, places and a cancelled badge. Escape or × closes it.

use leptos::prelude::*;

use super::shared::MapState;
use crate::components::event_text::event_href;
use crate::state::{links_to_new_tab, BasePath};
use kulttuurikartta_explore::event_text::municipality_name;
use kulttuurikartta_explore::i18n::{format_when, Key, Translate};

pub(super) fn card(map: MapState, base: BasePath) -> AnyView {
    // From an embed, events open in the full app in a new tab.
    let new_tab = links_to_new_tab();
    (move || {
        let members = map.card.try_get().flatten()?;
        let points = map.points.try_get_value()?;
        let l = map.lang.get();
        let items = members
            .iter()
            .filter_map(|&i| points.get(i))
            .map(|p| {
                let when = p.start.map(|s| format_when(l, s, p.end));
                let place = [
                    p.venue.text(l),
                    p.municipality
                        .and_then(|m| municipality_name(m, l))
                        .unwrap_or(""),
                ]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
                view! {
                    <li>
                        <a
                            href=event_href(&base, &p.id, l)
                            target=new_tab.then_some("_blank")
                            rel=new_tab.then_some("noopener")
                        >
                            {p.name.text(l).to_owned()}
                            {new_tab.then(|| view! { <span class="visually-hidden">" (" {l.t(Key::OpensInNewTab)} ")"</span> })}
                        </a>
                        {when.map(|w| view! { <span class="card-when">{w}</span> })}
                        {(!place.is_empty()).then(|| view! { <span class="card-place">{place}</span> })}
                        {p.cancelled.then(|| view! { <span class="badge badge-cancelled">{l.t(Key::Cancelled)}</span> })}
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <div class="map-card" data-testid="map-card" role="region" aria-label=l.t(Key::SelectedEvents)>
                <button type="button" class="card-close" aria-label=l.t(Key::Close) on:click=move |_| map.card.set(None)>"×"</button>
                <ul>{items}</ul>
            </div>
        })
    })
    .into_any()
}
