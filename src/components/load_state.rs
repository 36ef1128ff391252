//! The designed loading and failure states, shared by every page that waits for the feed.

use leptos::prelude::*;

use crate::api::LoadError;
use crate::app::{use_lang, use_loaded};
use crate::i18n::Key;

#[component]
pub fn Loading() -> impl IntoView {
    let lang = use_lang();
    view! {
        <p class="status loading" role="status" data-testid="loading">
            <span class="spinner" aria-hidden="true"></span>
            {move || lang.get().t(Key::Loading)}
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
    let t = move |k: Key| lang.get().t(k);
    view! {
        <details class="notice warning" data-testid="feed-errors">
            <summary>{move || t(Key::SomeFeedsFailed)}</summary>
            <ul>{errors.iter().map(|e| view! { <li><code>{e.detail()}</code></li> }).collect_view()}</ul>
        </details>
    }
}
