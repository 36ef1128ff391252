//! The app's state lives in the URL. This module is the router's side of that: it hands the
//! path and query to `kulttuurikartta_explore::url` (which decides what every parameter means)
//! and writes a changed `Query` back, leaving the parameters a query does not own alone.

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

/// The current query: filters, window and selected event.
pub fn use_query() -> Memo<Query> {
    let settings = use_url();
    Memo::new(move |_| settings.with(|s| s.query.clone()))
}

/// Changes the query in the URL: `change` edits the current query, and only a real change is
/// written. `replace` for changes that should not each be a step back (typing, playback,
/// selection); a new history entry otherwise. In an embed locked to municipalities the lock
/// is applied to every write.
pub fn use_update_query() -> impl Fn(&dyn Fn(&mut Query), bool) + Clone + Send + Sync + 'static {
    let location = use_location();
    let navigate = use_navigate();
    let lock = use_municipality_lock();
    move |change: &dyn Fn(&mut Query), replace: bool| {
        let today = helsinki::local_date(crate::dom::now());
        let path = location.pathname.get_untracked();
        let params = location.search.with_untracked(|s| url::query_pairs(s));
        let current = UrlSettings::read(&path, &params, today).query;
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
        let target = format!(
            "{path}{}",
            url::to_query_string(&url::replace_query(&params, &q))
        );
        navigate(
            &target,
            NavigateOptions {
                resolve: false,
                replace,
                scroll: false,
                ..NavigateOptions::default()
            },
        );
    }
}

/// Puts a whole query in the URL (a chip's "without this filter", "clear all").
pub fn use_set_query() -> impl Fn(Query, bool) + Clone + Send + Sync + 'static {
    let update = use_update_query();
    move |q: Query, replace: bool| update(&|current: &mut Query| *current = q.clone(), replace)
}
