use leptos::prelude::*;

use crate::dom;
use crate::state::{use_base, use_lang};
use kulttuurikartta_explore::i18n::Key;
use kulttuurikartta_explore::i18n::Translate;

#[component]
pub fn NotFound() -> impl IntoView {
    let lang = use_lang();
    let base = use_base();
    let t = move |k: Key| lang.get().t(k);
    Effect::new(move |_| {
        dom::set_title(&format!("{} – {}", t(Key::NotFoundTitle), t(Key::AppName)))
    });
    view! {
        <section class="not-found" data-testid="not-found">
            <h1>{move || t(Key::NotFoundTitle)}</h1>
            <p>{move || t(Key::NotFoundBody)}</p>
            <p>
                <a class="button" href=move || format!("{}/?lang={}", base.0, lang.get().code())>
                    {move || t(Key::BackToEvents)}
                </a>
            </p>
        </section>
    }
}
