//! The designed loading and failure states, shared by every page that waits for the feed.

use leptos::prelude::*;

use crate::load::LoadError;
use crate::state::{use_lang, use_loaded};
use kulttuurikartta_explore::i18n::Key;
use kulttuurikartta_explore::i18n::Translate;

#[component]
pub fn Loading() -> impl IntoView {
    let lang = use_lang();
    let read = crate::state::use_events_read();
    view! {
        <p class="status loading" role="status" data-testid="loading">
            <span class="spinner" aria-hidden="true"></span>
            {move || lang.get().t(Key::Loading)}
            // A long, paginated feed shows that it is getting somewhere.
            {move || (read.get() > 0).then(|| format!(" {} {}", read.get(), lang.get().t(Key::EventsRead)))}
        </p>
    }
}

/// Nothing could be loaded: say so in the user's language, give the publisher's detail, offer a retry.
#[component]
pub fn LoadFailed(error: LoadError) -> impl IntoView {
    let lang = use_lang();
    let loaded = use_loaded();
    let t = move |k: Key| lang.get().t(k);
    let summary = error.summary_key();
    view! {
        <section class="status error" role="alert" data-testid="load-error">
            <h2>{move || t(Key::FeedErrorTitle)}</h2>
            <p>{move || t(summary)} "."</p>
            <p>{move || t(Key::FeedErrorHelp)}</p>
            <p class="detail"><code>{error.detail()}</code></p>
            <button type="button" on:click=move |_| loaded.refetch()>
                {move || t(Key::Retry)}
            </button>
        </section>
    }
}

/// Some feeds failed while others worked: the events are shown, with this notice above them.
#[component]
pub fn PartialFailure(errors: Vec<LoadError>) -> impl IntoView {
    let lang = use_lang();
    let loaded = use_loaded();
    let t = move |k: Key| lang.get().t(k);
    view! {
        <details class="notice warning" data-testid="feed-errors" data-count=errors.len()>
            <summary>{move || t(Key::SomeFeedsFailed)}</summary>
            <ul>
                {errors.iter().map(|e| {
                    let summary = e.summary_key();
                    view! { <li data-testid="feed-error">{move || t(summary)} ": " <code>{e.detail()}</code></li> }
                }).collect_view()}
            </ul>
            <button type="button" data-testid="feed-errors-retry" on:click=move |_| loaded.refetch()>
                {move || t(Key::Retry)}
            </button>
        </details>
    }
}

/// The network failed and a saved copy is shown: say how old it is.
#[component]
pub fn StaleNotice(stale: Vec<(String, chrono::DateTime<chrono::Utc>)>) -> impl IntoView {
    let lang = use_lang();
    let oldest = stale.iter().map(|(_, at)| *at).min();
    view! {
        <p class="notice warning" role="status" data-testid="stale-notice">
            {move || lang.get().t(Key::ShowingCachedCopy)} " "
            {oldest.map(|at| {
                let when = kulttuurikartta_core::time::When::At(at);
                view! { <time datetime=when.to_rfc3339_helsinki()>{move || kulttuurikartta_explore::i18n::format_when(lang.get(), when, None)}</time> }
            })}
            "."
        </p>
    }
}

/// Events the feed had but we could not read: a count, with the details one click away, so a
/// publisher can find and fix each one.
#[component]
pub fn FeedProblems(problems: Vec<kulttuurikartta_core::feed::Problem>) -> impl IntoView {
    let lang = use_lang();
    let t = move |k: Key| lang.get().t(k);
    let n = problems.len();
    view! {
        <details class="notice" data-testid="problem-count" data-count=n>
            <summary>{n} " " {move || t(Key::ProblemsInFeed)}</summary>
            <table class="problems">
                <thead>
                    <tr>
                        <th scope="col">{move || t(Key::ProblemFeed)}</th>
                        <th scope="col">{move || t(Key::ProblemPath)}</th>
                        <th scope="col">"id"</th>
                        <th scope="col">{move || t(Key::ProblemMessage)}</th>
                    </tr>
                </thead>
                <tbody>
                    {problems.into_iter().map(|p| view! {
                        <tr>
                            <td><code>{p.feed}</code></td>
                            <td><code>{p.path}</code></td>
                            <td><code>{p.event_id.unwrap_or_default()}</code></td>
                            <td lang="en">{p.message}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </details>
    }
}
