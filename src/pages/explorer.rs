//! The front page: what is on. Map, timeline and filters will join the list here.

use leptos::prelude::*;

use crate::api::Loaded;
use crate::app::{use_base, use_lang, use_loaded};
use crate::components::event_list::event_row;
use crate::components::event_map::{EventMap, MapPoint};
use crate::components::load_state::{
    FeedProblems, LoadFailed, Loading, PartialFailure, StaleNotice,
};
use crate::dom;
use crate::i18n::Key;

#[component]
pub fn Explorer() -> impl IntoView {
    let lang = use_lang();
    let loaded = use_loaded();
    let base = use_base();
    let t = move |k: Key| lang.get().t(k);
    Effect::new(move |_| dom::set_title(&format!("{} – {}", t(Key::AppName), t(Key::Tagline))));

    view! {
        <h1 class="visually-hidden">{move || t(Key::AppName)}</h1>
        <Suspense fallback=|| view! { <Loading /> }>
            {move || {
                let base = base.clone();
                Suspend::new(async move {
                    match loaded.await {
                        Ok(data) => {
                            let points = std::sync::Arc::new(MapPoint::from_events(data.catalogue.upcoming(dom::now())));
                            let c = &data.config;
                            let (tiles, region) = (c.tiles.clone(), c.region_view);
                            let (boundaries_url, boundaries_attribution) = (c.boundaries_url.clone(), c.boundaries_attribution.clone());
                            view! {
                                <LoadNotices data=data.clone() />
                                <EventMap points tiles region boundaries_url boundaries_attribution lang base=base.clone() />
                                {results(data, base)}
                            }
                            .into_any()
                        }
                        Err(error) => view! { <LoadFailed error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// Everything that went partly wrong while loading, above the results.
#[component]
fn LoadNotices(data: std::sync::Arc<Loaded>) -> impl IntoView {
    view! {
        {(!data.stale.is_empty()).then(|| view! { <StaleNotice stale=data.stale.clone() /> })}
        {(!data.feed_errors.is_empty()).then(|| view! { <PartialFailure errors=data.feed_errors.clone() /> })}
        {(!data.catalogue.problems.is_empty()).then(|| view! { <FeedProblems problems=data.catalogue.problems.clone() /> })}
    }
}

fn results(data: std::sync::Arc<Loaded>, base: crate::app::BasePath) -> impl IntoView {
    let lang = use_lang();
    let now = dom::now();
    move || {
        let l = lang.get();
        let entries = data.catalogue.upcoming_entries(now);
        let count: usize = entries.iter().map(|e| e.event_count()).sum();
        let (dated, undated): (Vec<_>, Vec<_>) =
            entries.into_iter().partition(|e| e.event.start.is_some());
        view! {
            <section class="results" aria-labelledby="results-heading">
                <div class="results-header">
                    <h2 id="results-heading">{l.t(Key::UpcomingEvents)}</h2>
                    <p class="result-count" data-testid="result-count" data-count=count role="status">
                        {count} " " {l.t(Key::EventsCount)}
                    </p>
                </div>
                {(count == 0).then(|| view! { <p class="empty">{l.t(Key::NoUpcomingEvents)}</p> })}
                <ol class="event-list" data-testid="event-list">
                    {dated.iter().map(|e| event_row(e, l, &base)).collect_view()}
                </ol>
                {(!undated.is_empty()).then(|| view! {
                    <h2 class="group-heading">{l.t(Key::DateToBeAnnounced)}</h2>
                    <ul class="event-list tba" data-testid="event-list-tba">
                        {undated.iter().map(|e| event_row(e, l, &base)).collect_view()}
                    </ul>
                })}
            </section>
        }
    }
}
