//! The front page: what is on. Map, timeline and filters will join the list here.

use leptos::prelude::*;

use crate::app::{use_base, use_lang, use_loaded};
use crate::components::event_list::event_row;
use crate::components::load_state::{LoadFailed, Loading, PartialFailure};
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
                    let data = match loaded.await {
                        Ok(data) => data,
                        Err(error) => return view! { <LoadFailed error /> }.into_any(),
                    };
                    let now = dom::now();
                    let problems = data.catalogue.problems.len();
                    let feed_errors = data.feed_errors.clone();
                    let list = move || {
                        let l = lang.get();
                        let (dated, undated): (Vec<_>, Vec<_>) = data
                            .catalogue
                            .upcoming(now)
                            .partition(|e| e.start.is_some());
                        let count = dated.len() + undated.len();
                        view! {
                            <section class="results" aria-labelledby="results-heading">
                                <div class="results-header">
                                    <h2 id="results-heading">{l.t(Key::UpcomingEvents)}</h2>
                                    <p
                                        class="result-count"
                                        data-testid="result-count"
                                        data-count=count
                                        role="status"
                                    >
                                        {count} " " {l.t(Key::EventsCount)}
                                    </p>
                                </div>
                                {(problems > 0).then(|| view! {
                                    <p class="notice" data-testid="problem-count" data-count=problems>
                                        {problems} " " {l.t(Key::ProblemsInFeed)}
                                    </p>
                                })}
                                {(count == 0).then(|| view! { <p class="empty">{l.t(Key::NoUpcomingEvents)}</p> })}
                                <ol class="event-list" data-testid="event-list">
                                    {dated.into_iter().map(|e| event_row(e, l, &base)).collect_view()}
                                </ol>
                                {(!undated.is_empty()).then(|| view! {
                                    <h2 class="group-heading">{l.t(Key::DateToBeAnnounced)}</h2>
                                    <ul class="event-list tba" data-testid="event-list-tba">
                                        {undated.into_iter().map(|e| event_row(e, l, &base)).collect_view()}
                                    </ul>
                                })}
                            </section>
                        }
                    };
                    view! {
                        {(!feed_errors.is_empty()).then(|| view! { <PartialFailure errors=feed_errors /> })}
                        {list}
                    }
                    .into_any()
                })
            }}
        </Suspense>
    }
}
