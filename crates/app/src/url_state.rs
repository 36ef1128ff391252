//! The explorer's state lives in the URL: this reads it as a `Query` and writes a changed
//! `Query` back, leaving parameters it does not own (`lang`, `feed`, embed settings) alone.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use kulttuurikartta_core::time::helsinki;
use kulttuurikartta_explore::query::Query;

/// The parameters a `Query` owns.
const QUERY_KEYS: &[&str] = &[
    "q",
    "municipality",
    "category",
    "free",
    "family",
    "attendance",
    "cancelled",
    "from",
    "to",
    "event",
];

/// The current query, re-read whenever the URL changes (including back and forward).
pub fn use_query() -> Memo<Query> {
    let map = use_query_map();
    Memo::new(move |_| {
        let today = helsinki::local_date(crate::dom::now());
        map.with(|m| {
            let pairs: Vec<(&str, String)> = QUERY_KEYS
                .iter()
                .flat_map(|k| {
                    m.get_all(k)
                        .unwrap_or_default()
                        .into_iter()
                        .map(move |v| (*k, v))
                })
                .collect();
            Query::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())), today)
        })
    })
}

/// In an embed restricted to some municipalities, the restriction: no filter change can lift
/// it (the host page promised its visitors that municipality's events only).
#[derive(Clone)]
pub struct MunicipalityLock(pub Vec<&'static str>);

/// Writes a query to the URL. `replace` for changes that should not each be a step back
/// (typing, playback, selection); a new history entry otherwise.
pub fn use_set_query() -> impl Fn(Query, bool) + Clone + Send + Sync + 'static {
    let location = use_location();
    let navigate = use_navigate();
    let lock = use_context::<MunicipalityLock>().map(|l| l.0);
    move |mut q: Query, replace: bool| {
        if let Some(lock) = &lock {
            q.municipalities.retain(|m| lock.contains(m));
            if q.municipalities.is_empty() {
                q.municipalities = lock.clone();
            }
        }
        let mut params = location.query.get_untracked();
        for k in QUERY_KEYS {
            params.remove(k);
        }
        for (k, v) in q.to_pairs() {
            params.replace(k, v);
        }
        let url = format!(
            "{}{}",
            location.pathname.get_untracked(),
            params.to_query_string()
        );
        navigate(
            &url,
            NavigateOptions {
                resolve: false,
                replace,
                scroll: false,
                ..NavigateOptions::default()
            },
        );
    }
}
