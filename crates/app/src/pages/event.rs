//! `/event/:id`: one event in full. Reachable by a shared link, so it loads the feed itself.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::event_text::event_href;
use crate::components::load_state::{LoadFailed, Loading};
use crate::dom;
use crate::state::{use_base, use_lang, use_loaded, BasePath};
use kulttuurikartta_core::feed::{Catalogue, Event, SuperEventType};
use kulttuurikartta_explore::event_page::{self, PageContext};
use kulttuurikartta_explore::event_text::place_line;
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
                                    <section class="not-found" data-testid="event-not-found"
                                        inner_html=kulttuurikartta_explore::not_found::event_html(l)></section>
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

/// The event's page: its content is markup from `event_page` (heading and facts, description,
/// related events); the buttons, the QR codes and the venue's map are components.
fn event_details(
    ev: &Event,
    catalogue: &Catalogue,
    config: &kulttuurikartta_explore::config::Config,
    l: Lang,
    base: &BasePath,
) -> impl IntoView {
    // A kiosk never links out: its visitors scan a QR code instead.
    let kiosk = crate::state::use_kiosk().is_some();
    let cx = PageContext {
        lang: l,
        base: &base.0,
        kiosk,
    };
    let head = event_page::head_html(ev, catalogue, &cx);
    let description = event_page::description_html(ev, &cx);
    let related = event_page::related_html(ev, catalogue, &cx);
    let title = ev.name.text(l).to_owned();
    let children = catalogue.children_of(&ev.id);
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
    let actions = event_page::actions_html(ev, &share_url, calendar_events.len() > 1, &cx);
    let file_name = kulttuurikartta_explore::ics::file_name(ev, l);
    let add_to_calendar = move || {
        let refs: Vec<&Event> = calendar_events.iter().collect();
        let ics = kulttuurikartta_explore::ics::calendar(&refs, l, dom::now(), &page_url);
        crate::dom::download(&file_name, "text/calendar;charset=utf-8", &ics);
    };
    let actions_root = NodeRef::<leptos::html::P>::new();
    let on_action = move |e: web_sys::MouseEvent| match dom::closest_attribute(
        &e,
        event_page::ACTION_ATTRIBUTE,
    )
    .as_deref()
    {
        Some("calendar") => add_to_calendar(),
        Some("share") => {
            let (title, url) = (title.clone(), share_url.clone());
            leptos::task::spawn_local(async move {
                let said = dom::share_or_copy(title, url).await.map(|k| l.t(k));
                let status = actions_root
                    .get_untracked()
                    .and_then(|p| p.query_selector(".share-status").ok().flatten());
                if let Some(status) = status {
                    status.set_text_content(said);
                }
            });
        }
        _ => {}
    };
    view! {
        <article class="event-page" data-testid="event-page" data-event-id=ev.id.clone()>
            <div class="event-head" inner_html=head></div>
            {if kiosk {
                view! { <div class="actions qr-codes" inner_html=actions></div> }.into_any()
            } else {
                view! { <p class="actions" node_ref=actions_root inner_html=actions on:click=on_action></p> }.into_any()
            }}
            {description.map(|d| view! { <div class="event-description" inner_html=d></div> })}
            {mini_map}
            {(!related.is_empty()).then(|| view! { <div class="event-related" inner_html=related></div> })}
        </article>
    }
}
