//! The list of events: the accessible twin of the map.

use leptos::prelude::*;

use crate::components::event_text::{event_href, when_view};
use crate::state::BasePath;
use kulttuurikartta_core::feed::catalogue::ListEntry;
use kulttuurikartta_core::feed::LocationKind;
use kulttuurikartta_core::time::helsinki;
use kulttuurikartta_explore::event_text::{place_line, status_badge};
use kulttuurikartta_explore::i18n::{format_date, Key, Lang, Translate};

/// One list row. `data-event-id` and `<time datetime>` are stable hooks for tests and embedders;
/// a recurring series is one row carrying the series' id and `data-series-dates`.
pub fn event_row(entry: &ListEntry, lang: Lang, base: &BasePath) -> impl IntoView {
    let ev = entry.event;
    // From an embed, the event opens in the full app in a new tab.
    let new_tab = crate::state::links_to_new_tab();
    let (title_lang, title) = ev
        .name
        .pick(lang)
        .map_or(("fi", ""), |(l, t)| (l, t.as_str()));
    let status = status_badge(ev.status);
    let mut badges = Vec::new();
    if let Some((class, key)) = status {
        badges.push((class, lang.t(key)));
    }
    match ev.location_kind {
        LocationKind::Online => badges.push(("online", lang.t(Key::Online))),
        LocationKind::Approximate => badges.push(("approximate", lang.t(Key::ApproximateLocation))),
        _ => {}
    }
    if ev.is_free == Some(true) {
        badges.push(("free", lang.t(Key::Free)));
    }
    let series = entry.series.as_ref().map(|(_, dates)| {
        let next = ev
            .start
            .map(|s| format_date(lang, helsinki::local_date(s.first_instant())));
        format!(
            "{} {} {}",
            dates.len(),
            lang.t(Key::SeriesDates),
            next.unwrap_or_default()
        )
    });
    let selection = crate::state::use_selection();
    let ids: Vec<String> = match &entry.series {
        Some((_, dates)) => dates.iter().map(|d| d.id.clone()).collect(),
        None => vec![ev.id.clone()],
    };
    let first_id = ids[0].clone();
    let selected = move || selection.with(|s| s.as_ref().is_some_and(|s| ids.contains(s)));
    view! {
        <li
            class="event-row"
            class:selected=selected.clone()
            // Moving through the list (by keyboard or pointer focus) shows the event on the map.
            // Set even when already selected: the map brings it back into view if it left.
            on:focusin=move |_| selection.set(Some(first_id.clone()))
            aria-current=move || selected().then_some("true")
            data-event-id=entry.id().to_owned()
            data-series-dates=entry.series.as_ref().map(|(_, d)| d.len())
            data-status=status.map(|(c, _)| c)
            data-municipality=ev.municipality
            data-location=match ev.location_kind {
                LocationKind::Exact => "exact",
                LocationKind::Approximate => "approximate",
                LocationKind::Online => "online",
                LocationKind::Unknown => "unknown",
            }
        >
            <h4 class="event-title">
                <a
                    href=event_href(base, entry.id(), lang)
                    lang=title_lang.to_owned()
                    target=new_tab.then_some("_blank")
                    rel=new_tab.then_some("noopener")
                >
                    {title.to_owned()}
                    {new_tab.then(|| view! { <span class="visually-hidden">" (" {lang.t(Key::OpensInNewTab)} ")"</span> })}
                </a>
            </h4>
            <p class="event-when">{when_view(ev, lang)}</p>
            {series.map(|s| view! { <p class="event-series">{s}</p> })}
            {place_line(ev, lang).map(|p| view! { <p class="event-place">{p}</p> })}
            {(!badges.is_empty()).then(|| view! {
                <ul class="badges" role="list">
                    {badges.into_iter().map(|(class, text)| view! {
                        <li class=format!("badge badge-{class}")>{text}</li>
                    }).collect_view()}
                </ul>
            })}
        </li>
    }
}
