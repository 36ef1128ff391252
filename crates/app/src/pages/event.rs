//! `/event/:id`: one event in full. Reachable by a shared link, so it loads the feed itself.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::event_text::{event_href, when_view};
use crate::components::kiosk_layer::QrLink;
use crate::components::load_state::{LoadFailed, Loading};
use crate::components::rich_text;
use crate::components::share::ShareButton;
use crate::dom;
use crate::state::{use_base, use_lang, use_loaded, BasePath};
use kulttuurikartta_core::feed::{Catalogue, Event, LocationKind, SuperEventType};
use kulttuurikartta_explore::event_text::{municipality_name, place_line, status_badge};
use kulttuurikartta_explore::i18n::{Key, Lang, Translate};

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
    let kiosk_home = crate::state::use_kiosk().map(|k| k.home);
    let back = {
        let base = base.clone();
        move || {
            kiosk_home
                .clone()
                .unwrap_or_else(|| format!("{}/?lang={}", base.0, lang.get().code()))
        }
    };

    on_cleanup(|| dom::set_json_ld(None));
    view! {
        <p class="back"><a href=back>"← " {move || t(Key::BackToEvents)}</a></p>
        <Suspense fallback=|| view! { <Loading /> }>
            {move || {
                let id = id();
                let base = base.clone();
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
                                let summary = kulttuurikartta_core::feed::text::plain(ev.short_description.text(l));
                                let when = ev.start.map(|s| kulttuurikartta_explore::i18n::format_when(l, s, ev.end)).unwrap_or_default();
                                let place = place_line(ev, l).unwrap_or_default();
                                dom::set_meta_description(&[when, place, summary].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · "));
                                let url = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
                                dom::set_json_ld(Some(&kulttuurikartta_core::feed::json_ld_out::event_json_ld(ev, l, &url)));
                                event_details(ev, &data.catalogue, &data.config, l, &base).into_any()
                            }
                            None => {
                                dom::set_json_ld(None);
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

/// Links to related events: a series' dates, a festival's parts.
fn related_list(events: &[&Event], l: Lang, base: &BasePath) -> impl IntoView {
    view! {
        <ul class="related">
            {events.iter().map(|e| view! {
                <li data-related-id=e.id.clone()>
                    <a href=event_href(base, &e.id, l)>{when_view(e, l)}</a>
                    " – " {e.name.text(l).to_owned()}
                    {status_badge(e.status).map(|(class, key)| view! { " " <span class=format!("badge badge-{class}")>{l.t(key)}</span> })}
                </li>
            }).collect_view()}
        </ul>
    }
}

fn event_details(
    ev: &Event,
    catalogue: &Catalogue,
    config: &kulttuurikartta_explore::config::Config,
    l: Lang,
    base: &BasePath,
) -> impl IntoView {
    let (title_lang, title) = ev
        .name
        .pick(l)
        .map_or(("fi", ""), |(lang, t)| (lang, t.as_str()));
    let lead = ev
        .short_description
        .pick(l)
        .map(|(dl, d)| view! { <p class="lead" lang=dl.to_owned()>{d.clone()}</p> });
    let description = ev.description_rich(l).map(|(dl, d)| {
        view! { <div class="description" lang=dl.to_owned()>{rich_text::render(&d.0)}</div> }
    });
    let place = place_line(ev, l).map(|p| {
        let street = ev
            .venue
            .as_ref()
            .map(|v| v.street_address.text(l).to_owned())
            .filter(|s| !s.is_empty());
        match street {
            Some(s) => format!("{p} ({s})"),
            None => p,
        }
    });
    let muni = ev.municipality.and_then(|c| municipality_name(c, l));
    let price = if ev.is_free == Some(true) {
        Some(l.t(Key::Free).to_owned())
    } else {
        ev.price.pick(l).map(|(_, p)| p.clone())
    };
    let categories = ev
        .categories
        .iter()
        .map(|c| c.label(l))
        .collect::<Vec<_>>()
        .join(", ");
    let ages = match (ev.audience_min_age, ev.audience_max_age) {
        (Some(a), Some(b)) => Some(format!("{a}–{b}")),
        (Some(a), None) => Some(format!("{a}+")),
        (None, Some(b)) => Some(format!("0–{b}")),
        (None, None) => None,
    };
    let languages = (!ev.in_language.is_empty()).then(|| ev.in_language.join(", "));
    let organizer = ev.organizer.pick(l).map(|(_, o)| o.clone());
    // A kiosk never links out: its visitors scan a QR code instead.
    let kiosk = crate::state::use_kiosk().is_some();
    let link = |url: &kulttuurikartta_core::feed::LocalizedText, key: Key, scan: Key| {
        url.pick(l).map(|(_, u)| {
            if kiosk {
                view! { <QrLink url=u.clone() label=l.t(scan).to_owned() /> }.into_any()
            } else {
                view! {
                    <a class="button" href=u.clone() rel="noopener noreferrer" target="_blank">{l.t(key)}</a>
                }
                .into_any()
            }
        })
    };
    let tickets = link(&ev.ticket_url, Key::Tickets, Key::ScanForTickets);
    let info = link(&ev.info_url, Key::MoreInfo, Key::ScanForInfo);
    let image = ev.image.as_ref().map(|img| {
        let alt = img.alt.pick(l).map(|(_, a)| a.clone()).unwrap_or_default();
        view! {
            <figure class="event-image">
                <img src=img.url.clone() alt=alt loading="lazy" />
                {img.credit.clone().map(|c| view! { <figcaption>{l.t(Key::ImageCredit)} ": " {c}</figcaption> })}
            </figure>
        }
    });
    // A series' dates, or a festival's programme; and the festival or series this belongs to.
    let children = catalogue.children_of(&ev.id);
    let children_heading = if ev.super_event_type == Some(SuperEventType::Recurring) {
        Key::OtherDates
    } else {
        Key::Programme
    };
    let parent = ev.super_event.as_deref().and_then(|p| catalogue.get(p));
    let siblings: Vec<&Event> = match parent {
        Some(p) if p.super_event_type == Some(SuperEventType::Recurring) => {
            catalogue.children_of(&p.id)
        }
        _ => Vec::new(),
    };
    // Only where the feed gave both clock times: a date-only span's length is in its dates.
    let duration = match (ev.start, ev.end) {
        (
            Some(kulttuurikartta_core::time::When::At(a)),
            Some(kulttuurikartta_core::time::When::At(b)),
        ) if b > a => Some(kulttuurikartta_explore::i18n::format_duration(
            l,
            (b - a).num_minutes(),
        )),
        _ => None,
    };
    // A small map of the venue, drawn by the same offline-first map component.
    let mini_map = kulttuurikartta_explore::map_points::MapPoint::of_event(ev).map(|p| {
        let c = &config;
        let points = std::sync::Arc::new(vec![p]);
        let (tiles, region) = (c.tiles.clone(), c.region_view);
        let lang_memo = crate::state::use_lang();
        view! {
            <section class="event-mini-map" aria-label=l.t(Key::EventLocationMap)>
                <crate::components::map::EventMap points tiles region boundaries_url=None boundaries_attribution=None lang=lang_memo base=base.clone() fit_to_points=true />
            </section>
        }
    });
    // The absolute address of the event's page, for sharing and for calendar entries.
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let page_url = {
        let base = base.clone();
        move |e: &Event| format!("{origin}{}", event_href(&base, &e.id, l))
    };
    let share_url = page_url(ev);
    // A series is added as all its dates; a date of a series, as itself.
    let calendar_events: Vec<Event> =
        if children.is_empty() || ev.super_event_type != Some(SuperEventType::Recurring) {
            vec![ev.clone()]
        } else {
            children.iter().map(|e| (*e).clone()).collect()
        };
    let calendar_key = if calendar_events.len() > 1 {
        Key::AddSeriesToCalendar
    } else {
        Key::AddToCalendar
    };
    let file_name = kulttuurikartta_explore::ics::file_name(ev, l);
    let add_to_calendar = move |_| {
        let refs: Vec<&Event> = calendar_events.iter().collect();
        let ics = kulttuurikartta_explore::ics::calendar(&refs, l, dom::now(), &page_url);
        crate::dom::download(&file_name, "text/calendar;charset=utf-8", &ics);
    };
    view! {
        <article class="event-page" data-testid="event-page" data-event-id=ev.id.clone()>
            <h1 lang=title_lang.to_owned()>{title.to_owned()}</h1>
            {status_badge(ev.status).map(|(class, key)| view! { <p class=format!("badge badge-{class}") data-testid="event-status">{l.t(key)}</p> })}
            {parent.map(|p| view! {
                <p class="part-of">{l.t(Key::PartOf)} ": " <a href=event_href(base, &p.id, l)>{p.name.text(l).to_owned()}</a></p>
            })}
            {lead}
            {image}
            <dl class="facts">
                <dt>{l.t(Key::Time)}</dt>
                <dd>{when_view(ev, l)}</dd>
                {duration.map(|d| view! { <dt>{l.t(Key::Duration)}</dt><dd data-testid="event-duration">{d}</dd> })}
                {place.map(|p| view! { <dt>{l.t(Key::Place)}</dt><dd>{p}</dd> })}
                {(ev.location_kind == LocationKind::Approximate).then(|| view! { <dd class="note">{l.t(Key::ApproximateLocation)}</dd> })}
                {muni.map(|m| view! { <dt>{l.t(Key::Municipality)}</dt><dd>{m}</dd> })}
                {price.map(|p| view! { <dt>{l.t(Key::Price)}</dt><dd>{p}</dd> })}
                <dt>{l.t(Key::Categories)}</dt>
                <dd>{categories}</dd>
                {ages.map(|a| view! { <dt>{l.t(Key::Ages)}</dt><dd>{a}</dd> })}
                {languages.map(|a| view! { <dt>{l.t(Key::Languages)}</dt><dd>{a}</dd> })}
                {organizer.map(|o| view! { <dt>{l.t(Key::Organizer)}</dt><dd>{o}</dd> })}
            </dl>
            {if kiosk {
                view! {
                    <div class="actions qr-codes">
                        {tickets}
                        {info}
                        <QrLink url=share_url label=l.t(Key::ScanToShare).to_owned() />
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <p class="actions">
                        {tickets}
                        {info}
                        <ShareButton title=title.to_owned() url=share_url />
                        <button type="button" class="button-secondary" data-testid="add-to-calendar" on:click=add_to_calendar>
                            {l.t(calendar_key)}
                        </button>
                    </p>
                }
                .into_any()
            }}
            {description.map(|d| view! { <h2>{l.t(Key::Description)}</h2> {d} })}
            {mini_map}
            {(!children.is_empty()).then(|| view! {
                <section data-testid="event-children"><h2>{l.t(children_heading)}</h2>{related_list(&children, l, base)}</section>
            })}
            {(!siblings.is_empty()).then(|| view! {
                <section data-testid="series-dates"><h2>{l.t(Key::OtherDates)}</h2>{related_list(&siblings, l, base)}</section>
            })}
        </article>
    }
}
