//! The application: shared state, routes and the page shell.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_query_map;
use leptos_router::path;

use crate::api::{self, LoadError, Loaded};
use crate::components::shell::Shell;
use crate::dom;
use crate::pages::{
    event::EventPage, explorer::Explorer, not_found::NotFound, statement::Statement,
};
use kulttuurikartta_explore::i18n::Lang;

/// The loaded config and events. One resource for the whole app, so the explorer and the event
/// page share a single fetch.
pub type LoadedResource = LocalResource<Result<Arc<Loaded>, LoadError>>;

/// The path the app is served under ("" or e.g. "/kulttuurikartta"), for building links.
#[derive(Clone, Debug)]
pub struct BasePath(pub String);

impl BasePath {
    pub fn href(&self, path: &str) -> String {
        format!("{}{}", self.0, path)
    }
}

/// How many events the loader has read so far.
#[derive(Clone, Copy)]
pub struct EventsRead(pub RwSignal<usize>);

/// The selected event (by id), shared by the map, the list and, later, the timeline, so that
/// selecting in one shows it in the others.
#[derive(Clone, Copy)]
pub struct Selection(pub RwSignal<Option<String>>);

pub fn use_selection() -> RwSignal<Option<String>> {
    expect_context::<Selection>().0
}

/// The UI language: the `lang` URL parameter, else the config's default, else Finnish.
/// It lives in the URL so that a shared link and an embed keep their language.
#[derive(Clone, Copy)]
pub struct UiLang(pub Memo<Lang>);

pub fn use_lang() -> Memo<Lang> {
    expect_context::<UiLang>().0
}

pub fn use_loaded() -> LoadedResource {
    expect_context::<LoadedResource>()
}

pub fn use_base() -> BasePath {
    expect_context::<BasePath>()
}

#[component]
pub fn App() -> impl IntoView {
    let base = dom::base_path();
    provide_context(BasePath(base.clone()));
    // Events read so far, for the loading indicator of long, paginated feeds.
    let events_read = RwSignal::new(0usize);
    provide_context(EventsRead(events_read));
    let loaded: LoadedResource = LocalResource::new(move || {
        events_read.set(0);
        api::load_all(move |n| events_read.update(|c| *c += n))
    });
    provide_context(loaded);
    provide_context(Selection(RwSignal::new(None)));
    let kiosk = dom::kiosk_from_location().map(|(settings, home)| {
        crate::components::kiosk_layer::KioskMode {
            settings,
            home,
            epoch: RwSignal::new(0),
            attract: RwSignal::new(None),
        }
    });
    if let Some(k) = kiosk.clone() {
        provide_context(k);
        dom::enter_kiosk();
    }
    dom::register_service_worker(&base);

    view! {
        <Router base=base>
            <LanguageProvider>
                <Shell>
                    <Routes fallback=|| view! { <NotFound /> }>
                        <Route path=path!("/") view=Explorer />
                        <Route path=path!("/event/:id") view=EventPage />
                        <Route path=path!("/accessibility") view=Statement />
                        <Route path=path!("/embed") view=Explorer />
                        <Route path=path!("/kiosk") view=Explorer />
                        <Route path=path!("/embed-builder") view=crate::pages::embed_builder::EmbedBuilder />
                    </Routes>
                </Shell>
                {kiosk.map(|kiosk| view! { <crate::components::kiosk_layer::KioskLayer kiosk /> })}
            </LanguageProvider>
        </Router>
    }
}

/// Embed mode (`/embed` or `embed=1`) and its settings; `None` in the full app.
#[derive(Clone)]
pub struct EmbedMode(pub Memo<Option<kulttuurikartta_explore::embed::EmbedSettings>>);

pub fn use_embed() -> Memo<Option<kulttuurikartta_explore::embed::EmbedSettings>> {
    expect_context::<EmbedMode>().0
}

/// Whether links to the full app should open in a new tab (they do from an embed).
pub fn links_to_new_tab() -> bool {
    use_context::<EmbedMode>().is_some_and(|e| e.0.with_untracked(Option::is_some))
}

/// Derives the UI language inside the router (it needs the query) and keeps `<html lang>` in step.
#[component]
fn LanguageProvider(children: Children) -> impl IntoView {
    let query = use_query_map();
    let loaded = use_loaded();
    let lang = Memo::new(move |_| {
        query
            .with(|q| q.get_str("lang").and_then(Lang::parse))
            .or_else(|| {
                loaded
                    .get()
                    .and_then(|r| r.ok())
                    .and_then(|l| Lang::parse(&l.config.default_language))
            })
            .unwrap_or_default()
    });
    provide_context(UiLang(lang));
    Effect::new(move |_| dom::set_document_lang(lang.get()));
    let location = leptos_router::hooks::use_location();
    let embed = Memo::new(move |_| {
        let on = location
            .pathname
            .with(|p| p.trim_end_matches('/').ends_with("/embed"))
            || query.with(|q| q.get_str("embed") == Some("1"));
        on.then(|| {
            query.with(|q| {
                let keys = [
                    "view", "theme", "accent", "font", "radius", "filters", "days",
                ];
                let pairs: Vec<(&str, String)> = keys
                    .iter()
                    .filter_map(|k| q.get(k).map(|v| (*k, v)))
                    .collect();
                kulttuurikartta_explore::embed::EmbedSettings::from_pairs(
                    pairs.iter().map(|(k, v)| (*k, v.as_str())),
                )
            })
        })
    });
    provide_context(EmbedMode(embed));
    // Embeds set their validated colours and fonts as custom properties on <html>.
    Effect::new(move |_| dom::apply_embed(embed.get().as_ref()));
    children()
}
