use leptos::prelude::*;

use crate::dom;
use crate::state::{use_base, use_lang};
use kulttuurikartta_explore::i18n::{Key, Translate};
use kulttuurikartta_explore::not_found;

#[component]
pub fn NotFound() -> impl IntoView {
    let lang = use_lang();
    let base = use_base();
    let t = move |k: Key| lang.get().t(k);
    Effect::new(move |_| {
        dom::set_title(&format!("{} – {}", t(Key::NotFoundTitle), t(Key::AppName)))
    });
    let markup = move || not_found::page_html(lang.get(), &base.0);
    view! { <section class="not-found" data-testid="not-found" inner_html=markup></section> }
}
