//! The designed loading and failure states, shared by every page that waits for the feed. Each
//! is one element whose content is markup from `kulttuurikartta_explore::load_notices`, rewritten
//! when the language changes; a click on its retry button (`RETRY_ATTRIBUTE`) loads again.

use leptos::prelude::*;

use crate::load::LoadError;
use crate::state::{use_lang, use_loaded};
use kulttuurikartta_explore::i18n::Key;
use kulttuurikartta_explore::load_notices::{self, Failure, RETRY_ATTRIBUTE};

#[component]
pub fn Loading() -> impl IntoView {
    let lang = use_lang();
    let read = crate::state::use_events_read();
    // A long, paginated feed shows that it is getting somewhere.
    let markup = move || load_notices::loading(lang.get(), read.get());
    view! { <p class="status loading" role="status" data-testid="loading" inner_html=markup></p> }
}

/// Loads again when a click lands on a retry button inside the notice.
fn retry_on_click() -> impl Fn(web_sys::MouseEvent) + 'static {
    let loaded = use_loaded();
    move |ev: web_sys::MouseEvent| {
        if crate::dom::closest_attribute(&ev, RETRY_ATTRIBUTE).is_some() {
            loaded.refetch();
        }
    }
}

/// Nothing could be loaded: say so in the user's language, give the publisher's detail, offer a retry.
#[component]
pub fn LoadFailed(error: LoadError) -> impl IntoView {
    let lang = use_lang();
    let (summary, detail) = (error.summary_key(), error.detail());
    let markup = move || {
        let failure = Failure {
            summary,
            detail: &detail,
        };
        load_notices::load_failed(lang.get(), &failure)
    };
    view! {
        <section class="status error" role="alert" data-testid="load-error"
            inner_html=markup on:click=retry_on_click()></section>
    }
}

/// Some feeds failed while others worked: the events are shown, with this notice above them.
#[component]
pub fn PartialFailure(errors: Vec<LoadError>) -> impl IntoView {
    let lang = use_lang();
    let count = errors.len();
    let failed: Vec<(Key, String)> = errors
        .iter()
        .map(|e| (e.summary_key(), e.detail()))
        .collect();
    let markup = move || {
        let failures: Vec<Failure> = failed
            .iter()
            .map(|(summary, detail)| Failure {
                summary: *summary,
                detail,
            })
            .collect();
        load_notices::partial_failure(lang.get(), &failures)
    };
    view! {
        <details class="notice warning" data-testid="feed-errors" data-count=count
            inner_html=markup on:click=retry_on_click()></details>
    }
}

/// The network failed and a saved copy is shown: say how old it is.
#[component]
pub fn StaleNotice(stale: Vec<(String, chrono::DateTime<chrono::Utc>)>) -> impl IntoView {
    let lang = use_lang();
    let oldest = stale.iter().map(|(_, at)| *at).min();
    view! {
        <p class="notice warning" role="status" data-testid="stale-notice"
            inner_html=move || load_notices::stale_notice(lang.get(), oldest)></p>
    }
}

/// Events the feed had but we could not read: a count, with the details one click away, so a
/// publisher can find and fix each one.
#[component]
pub fn FeedProblems(problems: Vec<kulttuurikartta_core::feed::Problem>) -> impl IntoView {
    let lang = use_lang();
    let n = problems.len();
    view! {
        <details class="notice" data-testid="problem-count" data-count=n
            inner_html=move || load_notices::feed_problems(lang.get(), &problems)></details>
    }
}
