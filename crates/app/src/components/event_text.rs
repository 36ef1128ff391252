//! Event formatting that needs the DOM or the app's state: the `<time>` element and links to an
//! event's page. The words themselves come from `kulttuurikartta_explore::event_text`.

use leptos::prelude::*;

use crate::state::BasePath;
use kulttuurikartta_core::feed::Event;
use kulttuurikartta_explore::i18n::{format_when, Key, Lang, Translate};
use kulttuurikartta_explore::url::event_path;

/// The link to an event's page under the deployment's prefix, keeping the language.
pub fn event_href(base: &BasePath, id: &str, lang: Lang) -> String {
    base.href(&event_path(id, lang))
}

/// `<time>` with the Helsinki RFC 3339 start, or "date to be announced".
pub fn when_view(ev: &Event, lang: Lang) -> AnyView {
    match ev.start {
        Some(s) => {
            view! { <time datetime=s.to_rfc3339_helsinki()>{format_when(lang, s, ev.end)}</time> }
                .into_any()
        }
        None => lang.t(Key::DateToBeAnnounced).into_any(),
    }
}
