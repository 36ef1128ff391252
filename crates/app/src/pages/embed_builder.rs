//! `/embed-builder`: web editors choose what their embed shows, see it live, and copy the
//! `<iframe>` (and optionally the auto-height snippet). The code comes from `kulttuurikartta_explore::embed`.

use leptos::prelude::*;

use crate::dom;
use crate::state::{use_base, use_lang};
use kulttuurikartta_core::feed::Category;
use kulttuurikartta_core::region::municipality::{Region, MUNICIPALITIES};
use kulttuurikartta_explore::embed::{
    embed_url, iframe_code, resize_snippet, EmbedSettings, Rgb, Theme, View,
};
use kulttuurikartta_explore::event_text::municipality_name;
use kulttuurikartta_explore::i18n::{Key, Lang, Translate};
use kulttuurikartta_explore::query::Query;

use crate::dom::checked;

#[component]
pub fn EmbedBuilder() -> AnyView {
    let lang = use_lang();
    let base = use_base();
    let t = move |k: Key| lang.get().t(k);
    Effect::new(move |_| {
        dom::set_title(&format!("{} – {}", t(Key::EmbedBuilder), t(Key::AppName)))
    });

    let munis = RwSignal::new(Vec::<&'static str>::new());
    let cats = RwSignal::new(Vec::<Category>::new());
    let days = RwSignal::new(Some(30u32));
    let view_kind = RwSignal::new(View::MapTimeline);
    let embed_lang = RwSignal::new(lang.get_untracked());
    let accent = RwSignal::new(String::from("#0b4f6c"));
    let theme = RwSignal::new(Theme::Light);
    let height = RwSignal::new(640u32);
    let filters = RwSignal::new(true);
    let auto_height = RwSignal::new(true);
    let title = RwSignal::new(String::new());

    let settings = Memo::new(move |_| EmbedSettings {
        view: view_kind.get(),
        theme: theme.get(),
        accent: Rgb::parse(&accent.get()).filter(|a| *a != Rgb(0x0b, 0x4f, 0x6c)),
        show_filters: filters.get(),
        days: days.get(),
        ..EmbedSettings::default()
    });
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let app_base = format!("{origin}{}", base.0);
    let url = {
        let app_base = app_base.clone();
        Memo::new(move |_| {
            let q = Query {
                municipalities: munis.get(),
                categories: cats.get(),
                ..Query::default()
            };
            embed_url(&app_base, &q, embed_lang.get().code(), &settings.get())
        })
    };
    let default_title = move || {
        let l = embed_lang.get();
        let names: Vec<&str> = munis
            .get()
            .iter()
            .filter_map(|c| municipality_name(c, l))
            .collect();
        if names.is_empty() || names.len() > 3 {
            l.t(Key::AppName).to_owned()
        } else {
            format!("{}: {}", l.t(Key::AppName), names.join(", "))
        }
    };
    let code = Memo::new(move |_| {
        let title = Some(title.get())
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(default_title);
        let mut c = iframe_code(&url.get(), "kulttuurikartta-embed", &title, height.get());
        if auto_height.get() {
            c.push('\n');
            c.push_str(&resize_snippet(&origin, "kulttuurikartta-embed"));
        }
        c
    });
    let adjusted = move || settings.with(|s| s.palette().adjusted);
    let muni_box = move |region: Region, legend: Key| {
        view! {
            <fieldset class="option-group">
                <legend>{move || t(legend)}</legend>
                <ul class="options">
                    {MUNICIPALITIES.iter().filter(|m| m.region == region).map(|m| {
                        let code = m.code;
                        view! {
                            <li><label class="option">
                                <input type="checkbox" name="embed-municipality" value=code
                                    prop:checked=move || munis.with(|v| v.contains(&code))
                                    on:change=move |ev| { let on = checked(&ev); munis.update(|v| { v.retain(|c| *c != code); if on { v.push(code); v.sort_unstable(); } }); } />
                                <span>{move || municipality_name(code, lang.get()).unwrap_or(code)}</span>
                            </label></li>
                        }
                    }).collect_view()}
                </ul>
            </fieldset>
        }
    };
    let radio = move |name: &'static str,
                      value: &'static str,
                      label: Key,
                      checked_now: Signal<bool>,
                      set: Callback<()>| {
        view! {
            <label class="option">
                <input type="radio" name=name value=value prop:checked=move || checked_now.get() on:change=move |_| set.run(()) />
                <span>{move || t(label)}</span>
            </label>
        }
    };

    view! {
        <article class="embed-builder" data-testid="embed-builder">
            <h1>{move || t(Key::EmbedBuilder)}</h1>
            <p>{move || t(Key::EmbedBuilderIntro)}</p>
            <div class="builder-grid">
                <form class="builder-form" on:submit=|ev| ev.prevent_default()>
                    <details open>
                        <summary>{move || t(Key::Municipality)}</summary>
                        {muni_box(Region::Kainuu, Key::RegionKainuu)}
                        {muni_box(Region::NorthOstrobothnia, Key::RegionNorthOstrobothnia)}
                    </details>
                    <details>
                        <summary>{move || t(Key::Categories)}</summary>
                        <fieldset class="option-group">
                            <legend class="visually-hidden">{move || t(Key::Categories)}</legend>
                            <ul class="options">
                                {Category::ALL.into_iter().map(|c| view! {
                                    <li><label class="option">
                                        <input type="checkbox" name="embed-category" value=c.slug()
                                            prop:checked=move || cats.with(|v| v.contains(&c))
                                            on:change=move |ev| { let on = checked(&ev); cats.update(|v| { v.retain(|x| *x != c); if on { v.push(c); v.sort(); } }); } />
                                        <span>{move || c.label(lang.get())}</span>
                                    </label></li>
                                }).collect_view()}
                            </ul>
                        </fieldset>
                    </details>
                    <fieldset class="option-group">
                        <legend>{move || t(Key::ViewLabel)}</legend>
                        {[(View::MapTimeline, Key::ViewMapTimeline), (View::Map, Key::ViewMap), (View::Timeline, Key::ViewTimeline), (View::List, Key::ViewList)]
                            .into_iter()
                            .map(|(v, k)| radio("embed-view", v.slug(), k, Signal::derive(move || view_kind.get() == v), Callback::new(move |_| view_kind.set(v))))
                            .collect_view()}
                    </fieldset>
                    <label class="field">
                        <span>{move || t(Key::DefaultWindow)}</span>
                        <select name="embed-days" on:change=move |ev| days.set(event_target_value(&ev).parse().ok())>
                            <option value="" selected=move || days.get().is_none()>{move || t(Key::NoWindow)}</option>
                            {[7u32, 30, 90].into_iter().map(|n| view! {
                                <option value=n.to_string() selected=move || days.get() == Some(n)>{move || t(Key::NextNDays).replace("{n}", &n.to_string())}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <fieldset class="option-group">
                        <legend>{move || t(Key::Language)}</legend>
                        {Lang::ALL.into_iter().map(|l| view! {
                            <label class="option" lang=l.code()>
                                <input type="radio" name="embed-lang" value=l.code() prop:checked=move || embed_lang.get() == l on:change=move |_| embed_lang.set(l) />
                                <span>{l.endonym()}</span>
                            </label>
                        }).collect_view()}
                    </fieldset>
                    <fieldset class="option-group">
                        <legend>{move || t(Key::ThemeLabel)}</legend>
                        {radio("embed-theme", "light", Key::ThemeLight, Signal::derive(move || theme.get() == Theme::Light), Callback::new(move |_| theme.set(Theme::Light)))}
                        {radio("embed-theme", "dark", Key::ThemeDark, Signal::derive(move || theme.get() == Theme::Dark), Callback::new(move |_| theme.set(Theme::Dark)))}
                    </fieldset>
                    <label class="field">
                        <span>{move || t(Key::AccentColour)}</span>
                        <input type="color" name="embed-accent" prop:value=move || accent.get() on:input=move |ev| accent.set(event_target_value(&ev)) />
                    </label>
                    {move || adjusted().then(|| view! { <p class="notice" data-testid="accent-adjusted">{t(Key::AccentAdjusted)}</p> })}
                    <label class="field">
                        <span>{move || t(Key::HeightLabel)}</span>
                        <input type="number" name="embed-height" min="300" max="2000" step="10" prop:value=move || height.get().to_string()
                            on:change=move |ev| height.set(event_target_value(&ev).parse::<u32>().unwrap_or(640).clamp(300, 2000)) />
                    </label>
                    <label class="option">
                        <input type="checkbox" name="embed-filters" prop:checked=move || filters.get() on:change=move |ev| filters.set(checked(&ev)) />
                        <span>{move || t(Key::ShowFilterBar)}</span>
                    </label>
                    <label class="option">
                        <input type="checkbox" name="embed-auto-height" prop:checked=move || auto_height.get() on:change=move |ev| auto_height.set(checked(&ev)) />
                        <span>{move || t(Key::AutoHeight)}</span>
                    </label>
                    <label class="field">
                        <span>{move || t(Key::FrameTitle)}</span>
                        <input type="text" name="embed-title" prop:value=move || title.get() placeholder=default_title on:input=move |ev| title.set(event_target_value(&ev)) />
                    </label>
                </form>
                {builder_output(code, url, height, Signal::derive(default_title))}
            </div>
        </article>
    }
    .into_any()
}

/// The code to copy, the copy button and the live preview.
fn builder_output(
    code: Memo<String>,
    url: Memo<String>,
    height: RwSignal<u32>,
    // The frame's title (the default one while the editor has not written one).
    title: Signal<String>,
) -> AnyView {
    let lang = use_lang();
    let t = move |k: Key| lang.get().t(k);
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let text = code.get_untracked();
        leptos::task::spawn_local(async move {
            let Some(clip) = web_sys::window().map(|w| w.navigator().clipboard()) else {
                return;
            };
            if wasm_bindgen_futures::JsFuture::from(clip.write_text(&text))
                .await
                .is_ok()
            {
                copied.set(true);
            }
        });
    };

    view! {
        <section class="builder-output" aria-labelledby="embed-code-label">
            <label id="embed-code-label" for="embed-code"><strong>{move || t(Key::EmbedCode)}</strong></label>
            <textarea id="embed-code" data-testid="embed-code" readonly rows="9" prop:value=move || code.get()></textarea>
            <p>
                <button type="button" data-testid="copy-code" on:click=copy>{move || t(Key::CopyCode)}</button>
                " " <span role="status">{move || copied.get().then(|| t(Key::CodeCopied))}</span>
            </p>
            <h2>{move || t(Key::Preview)}</h2>
            <iframe class="builder-preview" data-testid="embed-preview" title=title src=move || url.get()
                style:height=move || format!("{}px", height.get())
                sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe>
        </section>
    }
    .into_any()
}
