//! `/accessibility`: the accessibility statement that Act 306/2019 requires, in the UI
//! language, with the feedback address from config.json.

use leptos::prelude::*;

use crate::dom;
use crate::state::{use_base, use_lang, use_loaded};
use kulttuurikartta_explore::i18n::{Key, Translate};
use kulttuurikartta_explore::statement::statement_html;

#[component]
pub fn Statement() -> impl IntoView {
    let lang = use_lang();
    let loaded = use_loaded();
    let base = use_base();
    let t = move |k: Key| lang.get().t(k);
    Effect::new(move |_| {
        dom::set_title(&format!(
            "{} – {}",
            t(Key::AccessibilityStatement),
            t(Key::AppName)
        ))
    });
    let email = move || {
        loaded
            .get()
            .and_then(|r| r.ok())
            .map(|l| l.config.feedback_email.clone())
    };
    // Markup per language and feedback address (`kulttuurikartta_explore::statement`).
    let markup = move || statement_html(lang.get(), &base.0, email().as_deref());
    view! { <article class="statement" data-testid="statement" inner_html=markup></article> }
}
