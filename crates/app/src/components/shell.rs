//! The frame around every page: skip link, header with the language switch (written by
//! `kulttuurikartta_explore::site_header`), footer (by `kulttuurikartta_explore::site_footer`).

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::state::{use_base, use_lang, use_loaded};
use kulttuurikartta_explore::i18n::{Key, Lang, Translate};
use kulttuurikartta_explore::site_footer;
use kulttuurikartta_explore::site_header::header_html;

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let lang = use_lang();
    let base = use_base();
    let t = move |k: Key| lang.get().t(k);
    let kiosk_home = crate::state::use_kiosk().map(|k| k.home);
    let home = move || {
        kiosk_home
            .clone()
            .unwrap_or_else(|| format!("{}/?lang={}", base.0, lang.get().code()))
    };
    // An embed stays an embed: its links to the full app open in new tabs.
    let is_embed = crate::state::use_embed().with_untracked(Option::is_some);
    let location = use_location();
    let language_href = move |l: Lang| {
        let mut q = location.query.get();
        q.replace("lang", l.code().to_owned());
        format!("{}{}", location.pathname.get(), q.to_query_string())
    };
    // Written per language (`site_header`); the language links follow the address in place.
    let header = NodeRef::<leptos::html::Header>::new();
    let markup = move || header_html(lang.get(), &home(), |l| untrack(|| language_href(l)));
    Effect::new(move |_| {
        let hrefs: Vec<(Lang, String)> = Lang::ALL
            .into_iter()
            .map(|l| (l, language_href(l)))
            .collect();
        let Some(el) = header.get() else { return };
        for (l, href) in hrefs {
            let link = el
                .query_selector(&format!("a[hreflang=\"{}\"]", l.code()))
                .ok()
                .flatten();
            if let Some(a) = link.filter(|a| a.get_attribute("href").as_deref() != Some(&href)) {
                let _ = a.set_attribute("href", &href);
            }
        }
    });
    view! {
        <a class="skip-link" href="#main">{move || t(Key::SkipToResults)}</a>
        {(!is_embed).then(|| view! { <header class="site-header" node_ref=header inner_html=markup></header> })}
        <SampleNotice />
        <main id="main" tabindex="-1">{children()}</main>
        {if is_embed { view! { <EmbedFooter /> }.into_any() } else { view! { <Footer /> }.into_any() }}
    }
}

/// The bundled feed is made up: say so above everything, so nobody plans an evening on it.
#[component]
fn SampleNotice() -> impl IntoView {
    let lang = use_lang();
    let loaded = use_loaded();
    let sample = move || {
        loaded
            .get()
            .and_then(|r| r.ok())
            .is_some_and(|l| l.config.sample_data)
    };
    view! {
        <Show when=sample>
            <p class="sample-notice" data-testid="sample-notice">
                <strong>{move || lang.get().t(Key::SampleData)}</strong>
                ": "
                {move || lang.get().t(Key::SampleDataNotice)}
            </p>
        </Show>
    }
}

/// An embed's footer: where the events come from, a way to the full app (in a new tab, as links
/// out of an embed must not navigate the host page), and the accessibility statement. The
/// links are `kulttuurikartta_explore::site_footer`'s markup.
#[component]
fn EmbedFooter() -> impl IntoView {
    let lang = use_lang();
    let base = use_base();
    let location = use_location();
    let markup = move || {
        let mut q = location.query.get();
        for k in [
            "embed", "view", "theme", "accent", "font", "radius", "filters", "days",
        ] {
            q.remove(k);
        }
        let full = format!("{}/{}", base.0, q.to_query_string());
        site_footer::embed_footer_html(lang.get(), &base.0, &full)
    };
    view! { <footer class="embed-footer" inner_html=markup></footer> }
}

#[component]
fn Footer() -> impl IntoView {
    let lang = use_lang();
    let base = use_base();
    let kiosk = crate::state::use_kiosk().is_some();
    let markup = move || site_footer::footer_html(lang.get(), &base.0, kiosk);
    view! { <footer class="site-footer" inner_html=markup></footer> }
}
