//! The app's state lives in the URL. This module is the router's side of that: it hands the
//! path and query to `kulttuurikartta_explore::url` (which decides what every parameter means)
//! and writes a changed `Query` back, leaving the parameters a query does not own alone. A
//! change is shown before it is written (see `Draft`).

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::state::use_municipality_lock;
use kulttuurikartta_core::time::helsinki;
use kulttuurikartta_explore::query::Query;
use kulttuurikartta_explore::url::{self, UrlSettings};

/// What the current URL asks for, re-read whenever it changes (including back and forward).
pub fn use_url() -> Memo<UrlSettings> {
    let location = use_location();
    Memo::new(move |_| {
        let today = helsinki::local_date(crate::dom::now());
        let pairs = location.search.with(|s| url::query_pairs(s));
        location
            .pathname
            .with(|path| UrlSettings::read(path, &pairs, today))
    })
}

/// A query change the page already shows but the URL does not have yet. The page follows a
/// change at once; the URL is written when the browser is idle after the frame that shows it
/// (200 ms at the latest), because the router's `pushState` and everything that follows the URL
/// (language links, footers) cost milliseconds that need not stand between a click and what it
/// shows. Valid only while the URL is still the one it was drafted on: back, forward or a link
/// win over it.
#[derive(Clone, PartialEq)]
struct Draft {
    path: String,
    search: String,
    query: Query,
    /// Whether writing it replaces the history entry rather than adding one.
    replace: bool,
}

#[derive(Clone, Copy)]
struct QueryDraft(RwSignal<Option<Draft>>);

/// Called once, by the provider inside the router, before any page reads the query.
pub fn provide_query_draft() {
    provide_context(QueryDraft(RwSignal::new(None)));
}

/// The draft, if the URL is still the one it was drafted on.
fn current_draft(draft: RwSignal<Option<Draft>>, path: &str, search: &str) -> Option<Draft> {
    draft.with_untracked(|d| {
        d.as_ref()
            .filter(|d| d.path == path && d.search == search)
            .cloned()
    })
}

/// The current query: filters, window and selected event. A change shows here at once, before
/// the URL has it (see `Draft`).
pub fn use_query() -> Memo<Query> {
    let settings = use_url();
    let location = use_location();
    let draft = expect_context::<QueryDraft>().0;
    Memo::new(move |_| {
        let drafted = draft.with(|d| {
            d.as_ref()
                .filter(|d| {
                    location.pathname.with(|p| *p == d.path)
                        && location.search.with(|s| *s == d.search)
                })
                .map(|d| d.query.clone())
        });
        drafted.unwrap_or_else(|| settings.with(|s| s.query.clone()))
    })
}

/// Changes the query: `change` edits the current query, and only a real change is kept. The
/// page shows it at once and the URL gets it after the frame, several quick changes as one
/// write. `replace` for changes that should not each be a step back (typing,
/// playback, selection); a new history entry otherwise. In an embed locked to municipalities
/// the lock is applied to every change.
pub fn use_update_query() -> impl Fn(&dyn Fn(&mut Query), bool) + Clone + Send + Sync + 'static {
    let location = use_location();
    let navigate = use_navigate();
    let lock = use_municipality_lock();
    let draft = expect_context::<QueryDraft>().0;
    let write = move || {
        let Some(d) = draft.get_untracked() else {
            return;
        };
        let path = location.pathname.get_untracked();
        let search = location.search.get_untracked();
        if d.path != path || d.search != search {
            // The URL moved on (back, forward, a link) before the write: it wins.
            draft.set(None);
            return;
        }
        let params = url::query_pairs(&search);
        let target = format!(
            "{path}{}",
            url::to_query_string(&url::replace_query(&params, &d.query))
        );
        navigate(
            &target,
            NavigateOptions {
                resolve: false,
                replace: d.replace,
                scroll: false,
                ..NavigateOptions::default()
            },
        );
        // After the navigation, so that the query reads the same from the URL as it did from
        // the draft and nothing downstream runs again.
        draft.set(None);
    };
    move |change: &dyn Fn(&mut Query), replace: bool| {
        let path = location.pathname.get_untracked();
        let search = location.search.get_untracked();
        let pending = current_draft(draft, &path, &search);
        let current = match &pending {
            Some(d) => d.query.clone(),
            None => {
                let today = helsinki::local_date(crate::dom::now());
                UrlSettings::read(&path, &url::query_pairs(&search), today).query
            }
        };
        let mut q = current.clone();
        change(&mut q);
        if let Some(lock) = &lock {
            q.municipalities.retain(|m| lock.contains(m));
            if q.municipalities.is_empty() {
                q.municipalities = lock.clone();
            }
        }
        if q == current {
            return;
        }
        // A change that adds a history entry stays one when a replacing change follows it
        // before the write.
        let replace = replace && pending.as_ref().is_none_or(|d| d.replace);
        draft.set(Some(Draft {
            path,
            search,
            query: q,
            replace,
        }));
        if pending.is_none() {
            crate::dom::when_idle(write.clone());
        }
    }
}

/// Puts a whole query in the URL (a chip's "without this filter", "clear all").
pub fn use_set_query() -> impl Fn(Query, bool) + Clone + Send + Sync + 'static {
    let update = use_update_query();
    move |q: Query, replace: bool| update(&|current: &mut Query| *current = q.clone(), replace)
}
