//! The explorer's build on `/stats`, `/validate` or `/embed-builder`: those pages are in the tools
//! build (tools.html), which a web server with the shipped config serves at these addresses
//! itself. Any other host answers them with index.html, and this page hands over.

use leptos::prelude::*;

use crate::dom;
use crate::state::use_lang;
use kulttuurikartta_explore::i18n::{Key, Translate};

#[component]
pub fn OpenInToolsBuild() -> impl IntoView {
    let lang = use_lang();
    Effect::new(move |_| dom::open_in_tools_build());
    view! {
        <p class="status loading" role="status" data-testid="opening-tools">
            <span class="spinner" aria-hidden="true"></span>
            {move || lang.get().t(Key::OpeningPage)}
        </p>
    }
}
