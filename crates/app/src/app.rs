//! The application root: provides the shared state (`state.rs`), then the router with its
//! routes inside the page shell.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::kiosk_layer::KioskLayer;
use crate::components::shell::Shell;
use crate::dom;
use crate::load;
#[cfg(not(feature = "tools"))]
use crate::pages::tools_build::{
    OpenInToolsBuild as EmbedBuilder, OpenInToolsBuild as StatsPage, OpenInToolsBuild as Validate,
};
#[cfg(feature = "tools")]
use crate::pages::{embed_builder::EmbedBuilder, stats::StatsPage, validate::Validate};
use crate::pages::{
    event::EventPage, explorer::Explorer, not_found::NotFound, statement::Statement,
};
use crate::state::{
    use_loaded, BasePath, EmbedMode, EventsRead, KioskMode, LoadedResource, Selection, UiLang,
};
use crate::url_state::{provide_query_draft, use_url};
use kulttuurikartta_explore::i18n::Lang;

#[component]
pub fn App() -> impl IntoView {
    let base = dom::base_path();
    provide_context(BasePath(base.clone()));
    let events_read = RwSignal::new(0usize);
    provide_context(EventsRead(events_read));
    let loaded: LoadedResource = LocalResource::new(move || {
        events_read.set(0);
        load::load_all(move |n| events_read.update(|c| *c += n))
    });
    provide_context(loaded);
    provide_context(Selection(RwSignal::new(None)));
    // Kiosk mode is decided once, from the address the kiosk started at: later navigation
    // inside the kiosk must not leave it.
    let kiosk = dom::kiosk_from_location().map(|(settings, home)| KioskMode {
        settings,
        home,
        epoch: RwSignal::new(0),
        attract: RwSignal::new(None),
    });
    if let Some(k) = kiosk.clone() {
        provide_context(k);
        dom::enter_kiosk();
    }
    // The worker's install downloads the app shell again; on a first visit that must not compete
    // with the feed for the network, so it is registered once the data is in (or failed).
    let worker_base = base.clone();
    Effect::new(move |registered: Option<bool>| {
        if registered == Some(true) {
            return true;
        }
        let done = loaded.with(Option::is_some);
        if done {
            dom::register_service_worker(&worker_base);
        }
        done
    });

    view! {
        <Router base=base>
            <UrlProvider>
                <Shell>
                    <Routes fallback=|| view! { <NotFound /> }>
                        <Route path=path!("/") view=Explorer />
                        <Route path=path!("/event/:id") view=EventPage />
                        <Route path=path!("/accessibility") view=Statement />
                        <Route path=path!("/embed") view=Explorer />
                        <Route path=path!("/kiosk") view=Explorer />
                        <Route path=path!("/embed-builder") view=EmbedBuilder />
                        <Route path=path!("/validate") view=Validate />
                        <Route path=path!("/stats") view=StatsPage />
                    </Routes>
                </Shell>
                {kiosk.map(|kiosk| view! { <KioskLayer kiosk /> })}
            </UrlProvider>
        </Router>
    }
}

/// Provides what the URL decides for every page, the UI language and embed mode; inside the
/// router because both follow the URL. Keeps `<html lang>` and the embed's theme in step.
#[component]
fn UrlProvider(children: Children) -> impl IntoView {
    provide_query_draft();
    let url = use_url();
    let loaded = use_loaded();
    let lang = Memo::new(move |_| {
        url.with(|u| u.lang)
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
    let embed = Memo::new(move |_| url.with(|u| u.embed.clone()));
    provide_context(EmbedMode(embed));
    // Embeds set their validated colours and fonts as custom properties on <html>.
    Effect::new(move |_| dom::apply_embed(embed.get().as_ref()));
    children()
}
