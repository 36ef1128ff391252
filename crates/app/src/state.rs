//! Every piece of state the app shares through Leptos context, and the hooks that read it.
//! Provided once by `app::App` (and `app::UrlProvider` inside the router); read anywhere below.
//! Components import this module, never `app`, so the router root and its views do not import
//! each other.

use std::sync::Arc;

use leptos::prelude::*;

use crate::load::{LoadError, Loaded};
use kulttuurikartta_explore::embed::EmbedSettings;
use kulttuurikartta_explore::i18n::Lang;
use kulttuurikartta_explore::kiosk::KioskSettings;

/// The loaded config and events. One resource for the whole app, so the explorer and the event
/// page share a single fetch.
pub type LoadedResource = LocalResource<Result<Arc<Loaded>, LoadError>>;

pub fn use_loaded() -> LoadedResource {
    expect_context::<LoadedResource>()
}

/// The path the app is served under ("" or e.g. "/kulttuurikartta"), for building links.
#[derive(Clone, Debug)]
pub struct BasePath(pub String);

impl BasePath {
    pub fn href(&self, path: &str) -> String {
        format!("{}{}", self.0, path)
    }
}

pub fn use_base() -> BasePath {
    expect_context::<BasePath>()
}

/// How many events the loader has read so far, for the loading indicator of long, paginated
/// feeds.
#[derive(Clone, Copy)]
pub struct EventsRead(pub RwSignal<usize>);

pub fn use_events_read() -> RwSignal<usize> {
    expect_context::<EventsRead>().0
}

/// The selected event (by id), shared by the map, the list and the timeline, so that selecting
/// in one shows it in the others.
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

/// Embed mode (`/embed` or `embed=1`) and its settings; `None` in the full app.
#[derive(Clone)]
pub struct EmbedMode(pub Memo<Option<EmbedSettings>>);

pub fn use_embed() -> Memo<Option<EmbedSettings>> {
    expect_context::<EmbedMode>().0
}

/// Whether links to the full app should open in a new tab (they do from an embed).
pub fn links_to_new_tab() -> bool {
    use_context::<EmbedMode>().is_some_and(|e| e.0.with_untracked(Option::is_some))
}

/// Kiosk mode for the whole session, decided once from the address the kiosk started at.
#[derive(Clone)]
pub struct KioskMode {
    pub settings: KioskSettings,
    /// The address the kiosk started at: its home state.
    pub home: String,
    /// Bumped at every reset, so the explorer is rebuilt from scratch (map view and all).
    pub epoch: RwSignal<u32>,
    /// The event the attract loop shows, if it is running.
    pub attract: RwSignal<Option<String>>,
}

pub fn use_kiosk() -> Option<KioskMode> {
    use_context::<KioskMode>()
}

/// In an embed restricted to some municipalities, the restriction: no filter change can lift
/// it (the host page promised its visitors that municipality's events only).
#[derive(Clone)]
pub struct MunicipalityLock(pub Vec<&'static str>);

pub fn use_municipality_lock() -> Option<Vec<&'static str>> {
    use_context::<MunicipalityLock>().map(|l| l.0)
}
