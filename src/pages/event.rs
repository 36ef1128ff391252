//! `/event/:id`: one event in full. Reachable by a shared link, so it loads the feed itself.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::app::{use_base, use_lang, use_loaded};
use crate::components::event_list::municipality_name;
use crate::components::load_state::{LoadFailed, Loading};
use crate::dom;
use crate::feed::{Event, EventStatus, LocationKind};
use crate::i18n::{format_when, Key, Lang};

#[component]
pub fn EventPage() -> impl IntoView {
    let lang = use_lang();
    let loaded = use_loaded();
    let base = use_base();
    let params = use_params_map();
    let id = move || {
        let raw = params.with(|p| p.get("id")).unwrap_or_default();
        js_sys::decode_uri_component(&raw)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or(raw)
    };
    let t = move |k: Key| lang.get().t(k);
    let back = move || format!("{}/?lang={}", base.0, lang.get().code());

    view! {
        <p class="back"><a href=back>"← " {move || t(Key::BackToEvents)}</a></p>
        <Suspense fallback=|| view! { <Loading /> }>
            {move || {
                let id = id();
                Suspend::new(async move {
                    let data = match loaded.await {
                        Ok(data) => data,
                        Err(error) => return view! { <LoadFailed error /> }.into_any(),
                    };
                    let view = move || {
                        let l = lang.get();
                        match data.catalogue.get(&id) {
                            Some(ev) => {
                                dom::set_title(&format!("{} – {}", ev.name.text(l), l.t(Key::AppName)));
                                event_details(ev, l).into_any()
                            }
                            None => {
                                dom::set_title(&format!("{} – {}", l.t(Key::EventNotFound), l.t(Key::AppName)));
                                view! {
                                    <section class="not-found" data-testid="event-not-found">
                                        <h1>{l.t(Key::NotFoundTitle)}</h1>
                                        <p>{l.t(Key::EventNotFound)}</p>
                                    </section>
                                }
                                .into_any()
                            }
                        }
                    };
                    view.into_any()
                })
            }}
        </Suspense>
    }
}

fn event_details(ev: &Event, l: Lang) -> impl IntoView {
    let (title_lang, title) = ev.name.pick(l).unwrap_or(("fi", ""));
    let description = ev.short_description.pick(l).map(|(dl, d)| {
        view! { <p class="lead" lang=dl.to_owned()>{d.to_owned()}</p> }
    });
    let when = match ev.start {
        Some(s) => {
            view! { <time datetime=s.to_rfc3339_helsinki()>{format_when(l, s, ev.end)}</time> }
                .into_any()
        }
        None => l.t(Key::DateToBeAnnounced).into_any(),
    };
    let venue = ev.venue.as_ref();
    let place = venue.map(|v| {
        let name = v.name.text(l).to_owned();
        let street = v.street_address.text(l).to_owned();
        [name, street]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    });
    let place = match ev.location_kind {
        LocationKind::Online => Some(l.t(Key::Online).to_owned()),
        _ => place.filter(|p| !p.is_empty()),
    };
    let muni = ev.municipality.and_then(|c| municipality_name(c, l));
    let status = match ev.status {
        EventStatus::Scheduled => None,
        EventStatus::Cancelled => Some(("cancelled", l.t(Key::Cancelled))),
        EventStatus::Postponed => Some(("postponed", l.t(Key::Postponed))),
        EventStatus::Rescheduled => Some(("rescheduled", l.t(Key::Rescheduled))),
    };
    let price = if ev.is_free == Some(true) {
        Some(l.t(Key::Free).to_owned())
    } else {
        ev.price.pick(l).map(|(_, p)| p.to_owned())
    };
    let categories = ev
        .categories
        .iter()
        .map(|c| c.label(l))
        .collect::<Vec<_>>()
        .join(", ");
    let info = ev
        .info_url
        .pick(l)
        .map(|(_, u)| u.to_owned())
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"));
    view! {
        <article class="event-page" data-testid="event-page" data-event-id=ev.id.clone()>
            <h1 lang=title_lang.to_owned()>{title.to_owned()}</h1>
            {status.map(|(class, text)| view! { <p class=format!("badge badge-{class}")>{text}</p> })}
            {description}
            <dl class="facts">
                <dt>{l.t(Key::Time)}</dt>
                <dd>{when}</dd>
                {place.map(|p| view! { <dt>{l.t(Key::Place)}</dt><dd>{p}</dd> })}
                {(ev.location_kind == LocationKind::Approximate).then(|| view! {
                    <dd class="note">{l.t(Key::ApproximateLocation)}</dd>
                })}
                {muni.map(|m| view! { <dt>{l.t(Key::Municipality)}</dt><dd>{m}</dd> })}
                {price.map(|p| view! { <dt>{l.t(Key::Price)}</dt><dd>{p}</dd> })}
                <dt>{l.t(Key::Categories)}</dt>
                <dd>{categories}</dd>
            </dl>
            {info.map(|u| view! {
                <p><a class="button" href=u rel="noopener noreferrer" target="_blank">{l.t(Key::MoreInfo)}</a></p>
            })}
        </article>
    }
}
