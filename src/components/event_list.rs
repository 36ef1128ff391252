//! The list of events: the accessible twin of the map.

use leptos::prelude::*;

use crate::app::BasePath;
use crate::feed::{Event, EventStatus, LocationKind};
use crate::i18n::{format_when, Key, Lang};
use crate::region::municipality;

/// The municipality's name in the UI language (Swedish names where they exist).
pub fn municipality_name(code: &str, lang: Lang) -> Option<&'static str> {
    municipality::by_code(code).map(|m| {
        if lang == Lang::Sv {
            m.name_sv
        } else {
            m.name_fi
        }
    })
}

/// One list row. `data-event-id` and `<time datetime>` are stable hooks for tests and embedders.
pub fn event_row(ev: &Event, lang: Lang, base: &BasePath) -> impl IntoView {
    let (title_lang, title) = ev.name.pick(lang).unwrap_or(("fi", ""));
    let href = format!(
        "{}?lang={}",
        base.href(&format!("/event/{}", encode(&ev.id))),
        lang.code()
    );
    let when = ev.start.map(|s| {
        view! { <time datetime=s.to_rfc3339_helsinki()>{format_when(lang, s, ev.end)}</time> }
    });
    let venue = ev
        .venue
        .as_ref()
        .map(|v| v.name.text(lang).to_owned())
        .filter(|s| !s.is_empty());
    let muni = ev.municipality.and_then(|c| municipality_name(c, lang));
    let place = match (venue, muni) {
        (Some(v), Some(m)) => Some(format!("{v}, {m}")),
        (Some(v), None) => Some(v),
        (None, Some(m)) => Some(m.to_owned()),
        (None, None) => None,
    };
    let status = match ev.status {
        EventStatus::Scheduled => None,
        EventStatus::Cancelled => Some(("cancelled", Key::Cancelled)),
        EventStatus::Postponed => Some(("postponed", Key::Postponed)),
        EventStatus::Rescheduled => Some(("rescheduled", Key::Rescheduled)),
    };
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
    view! {
        <li
            class="event-row"
            data-event-id=ev.id.clone()
            data-status=status.map(|(c, _)| c)
            data-municipality=ev.municipality
        >
            <h3 class="event-title">
                <a href=href lang=title_lang.to_owned()>{title.to_owned()}</a>
            </h3>
            <p class="event-when">
                {when.map(|w| w.into_any()).unwrap_or_else(|| lang.t(Key::DateToBeAnnounced).into_any())}
            </p>
            {place.map(|p| view! { <p class="event-place">{p}</p> })}
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

/// Percent-encodes an event id for a URL path segment (ids look like "source:123").
/// Colons stay readable: they are legal in a path segment.
pub fn encode(id: &str) -> String {
    String::from(js_sys::encode_uri_component(id)).replace("%3A", ":")
}
