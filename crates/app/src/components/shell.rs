//! The frame around every page: skip link, header with the language switch, footer.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::state::{use_base, use_lang, use_loaded};
use kulttuurikartta_explore::i18n::{Key, Lang, Translate};

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
    view! {
        <a class="skip-link" href="#main">{move || t(Key::SkipToResults)}</a>
        {(!is_embed).then(|| view! {
        <header class="site-header">
            <div class="brand">
                <a class="brand-name" href=home>
                    <img src="favicon.svg" alt="" width="32" height="32" />
                    <span>{move || t(Key::AppName)}</span>
                </a>
                <p class="tagline">{move || t(Key::Tagline)}</p>
            </div>
            <LanguageSwitch />
        </header>
        })}
        <SampleNotice />
        <main id="main" tabindex="-1">{children()}</main>
        {if is_embed { view! { <EmbedFooter /> }.into_any() } else { view! { <Footer /> }.into_any() }}
    }
}

/// Links, not buttons: each language is a URL, so it can be opened in a new tab or shared.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    let href_for = move |l: Lang| {
        let mut q = location.query.get();
        q.replace("lang", l.code().to_owned());
        format!("{}{}", location.pathname.get(), q.to_query_string())
    };
    view! {
        <nav class="lang-switch" aria-label=move || lang.get().t(Key::Language)>
            <ul>
                {Lang::ALL
                    .into_iter()
                    .map(|l| {
                        view! {
                            <li>
                                <a
                                    href=move || href_for(l)
                                    hreflang=l.code()
                                    lang=l.code()
                                    aria-current=move || (lang.get() == l).then_some("true")
                                >
                                    {l.endonym()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
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
/// out of an embed must not navigate the host page), and the accessibility statement.
#[component]
fn EmbedFooter() -> impl IntoView {
    let lang = use_lang();
    let base = use_base();
    let location = use_location();
    let t = move |k: Key| lang.get().t(k);
    let full = {
        let base = base.clone();
        move || {
            let mut q = location.query.get();
            for k in [
                "embed", "view", "theme", "accent", "font", "radius", "filters", "days",
            ] {
                q.remove(k);
            }
            format!("{}/{}", base.0, q.to_query_string())
        }
    };
    let statement = move || format!("{}/accessibility?lang={}", base.0, lang.get().code());
    view! {
        <footer class="embed-footer">
            <a href=full target="_blank" rel="noopener" data-testid="open-in-app">
                {move || t(Key::OpenInApp)}
                <span class="visually-hidden">" (" {move || t(Key::OpensInNewTab)} ")"</span>
                <span aria-hidden="true">" ↗"</span>
            </a>
            <a href=statement target="_blank" rel="noopener" data-testid="statement-link">
                {move || t(Key::AccessibilityStatement)}
                <span class="visually-hidden">" (" {move || t(Key::OpensInNewTab)} ")"</span>
            </a>
        </footer>
    }
}

#[component]
fn Footer() -> impl IntoView {
    let lang = use_lang();
    let base = use_base();
    let statement = {
        let base = base.clone();
        move || format!("{}/accessibility?lang={}", base.0, lang.get().code())
    };
    let builder = format!("{}/embed-builder", base.0);
    let validate = {
        let base = base.clone();
        move || format!("{}/validate?lang={}", base.0, lang.get().code())
    };
    let stats = {
        let base = base.clone();
        move || format!("{}/stats?lang={}", base.0, lang.get().code())
    };
    let kiosk = crate::state::use_kiosk().is_some();
    view! {
        <footer class="site-footer">
            <p>{move || lang.get().t(Key::FooterAbout)}</p>
            <p class="footer-links">
                <a href=statement data-testid="statement-link">{move || lang.get().t(Key::AccessibilityStatement)}</a>
                {(!kiosk).then(|| view! { <a href=builder.clone() rel="external" data-testid="builder-link">{move || lang.get().t(Key::EmbedBuilder)}</a> })}
                {(!kiosk).then(|| view! { <a href=validate.clone() rel="external" data-testid="validate-link">{move || lang.get().t(Key::ValidateLink)}</a> })}
                {(!kiosk).then(|| view! { <a href=stats.clone() rel="external" data-testid="stats-link">{move || lang.get().t(Key::StatsLink)}</a> })}
            </p>
        </footer>
    }
}
