//! `/validate`: a publisher checks a feed (pasted, a local file, or a URL) with the same rules as
//! the harvester's `check` (`kulttuurikartta_core::feed::validate`), and sees how its events will
//! look on the map and in the list. `/validate?feed=URL` checks that URL on load. A pasted text or a chosen file
//! is read in the browser and never uploaded.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};

use crate::components::event_list::event_rows;
use crate::components::preview_map::PreviewMap;
use crate::dom;
use crate::state::{use_base, use_lang};
use kulttuurikartta_core::feed::validate::{self, Report, Severity};
use kulttuurikartta_core::feed::{parse_feed, Catalogue, Event};
use kulttuurikartta_explore::i18n::{Key, Translate};
use kulttuurikartta_explore::validator::fix_for;

/// What a check gave: findings and the events read, or why the document could not be read.
#[derive(Clone)]
enum Outcome {
    Read { report: Report, events: Vec<Event> },
    Unreadable(String),
    FetchFailed(String),
}

fn check(bytes: &[u8], source: &str) -> Outcome {
    match parse_feed(bytes, source) {
        Ok(page) => Outcome::Read {
            report: validate::check(&page, dom::now()),
            events: page.events,
        },
        Err(e) => Outcome::Unreadable(e.to_string()),
    }
}

async fn fetch(url: &str) -> Result<Vec<u8>, String> {
    let resp = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if !resp.ok() {
        return Err(format!("HTTP {}", resp.status()));
    }
    resp.binary().await.map_err(|e| e.to_string())
}

#[component]
pub fn Validate() -> impl IntoView {
    let lang = use_lang();
    let t = move |k: Key| lang.get().t(k);
    Effect::new(move |_| {
        dom::set_title(&format!("{} – {}", t(Key::ValidateTitle), t(Key::AppName)))
    });
    let text = RwSignal::new(String::new());
    let url = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Outcome>);
    let run_url = move |u: String| {
        spawn_local(async move {
            outcome.set(Some(match fetch(&u).await {
                Ok(bytes) => check(&bytes, &u),
                Err(e) => Outcome::FetchFailed(format!("{u}: {e}")),
            }));
        })
    };
    // `/validate?feed=URL` checks that address at once.
    if let Some(u) = use_query_map()
        .get_untracked()
        .get("feed")
        .filter(|u| !u.is_empty())
    {
        url.set(u.clone());
        run_url(u);
    }
    let run = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let u = url.get_untracked();
        if text.get_untracked().trim().is_empty() && !u.trim().is_empty() {
            run_url(u.trim().to_owned());
        } else {
            outcome.set(Some(check(text.get_untracked().as_bytes(), "input")));
        }
    };
    let choose_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        let name = file.name();
        spawn_local(async move {
            if let Ok(v) = JsFuture::from(file.text()).await {
                let content = v.as_string().unwrap_or_default();
                outcome.set(Some(check(content.as_bytes(), &name)));
                text.set(content);
            }
        });
    };
    view! {
        <article class="validator" data-testid="validator">
            <h1>{move || t(Key::ValidateTitle)}</h1>
            <p>{move || t(Key::ValidateIntro)}</p>
            <form class="validator-form" on:submit=run>
                <label for="validator-input">{move || t(Key::ValidatePaste)}</label>
                <textarea id="validator-input" data-testid="validator-input" rows="10" spellcheck="false"
                    prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                <label for="validator-file">{move || t(Key::ValidateFile)}</label>
                <input id="validator-file" type="file" accept=".json,.jsonld,application/json,application/ld+json" on:change=choose_file />
                <label for="validator-url">{move || t(Key::ValidateUrl)}</label>
                <input id="validator-url" type="url" inputmode="url" prop:value=move || url.get()
                    on:input=move |ev| url.set(event_target_value(&ev)) />
                <button type="submit" data-testid="validator-run">{move || t(Key::ValidateRun)}</button>
            </form>
            {move || outcome.get().map(|o| view! { <OutcomeView outcome=o /> })}
        </article>
    }
}

#[component]
fn OutcomeView(outcome: Outcome) -> impl IntoView {
    let lang = use_lang();
    let base = use_base();
    let t = move |k: Key| lang.get().t(k);
    let (report, events, whole) = match outcome {
        Outcome::Read { report, events } => (report, events, None),
        Outcome::Unreadable(e) => (
            Report::default(),
            Vec::new(),
            Some((Key::ValidateUnreadable, e)),
        ),
        Outcome::FetchFailed(e) => (
            Report::default(),
            Vec::new(),
            Some((Key::ValidateFetchFailed, e)),
        ),
    };
    let errors = report.errors() + usize::from(whole.is_some());
    let (n, warnings) = (report.events, report.warnings());
    let catalogue = Catalogue::from_pages([kulttuurikartta_core::feed::FeedPage {
        events,
        ..Default::default()
    }]);
    let mapped: Vec<Event> = catalogue.events.clone();
    let preview = move || {
        let l = lang.get();
        let entries = catalogue.entries(catalogue.events.iter().take(20));
        event_rows(&entries, l, &base, None)
    };
    let findings = report.findings.clone();
    view! {
        <section class="validator-report" data-testid="validator-report" data-events=n data-errors=errors data-warnings=warnings
            role="status" aria-live="polite" aria-labelledby="validator-result">
            <h2 id="validator-result">{move || t(Key::ValidateResult)}</h2>
            <p class="validator-summary">
                <strong>{n}</strong> " " {move || t(Key::ValidateEventsRead)} ", "
                <strong>{errors}</strong> " " {move || t(Key::ValidateErrors)} ", "
                <strong>{warnings}</strong> " " {move || t(Key::ValidateWarnings)} "."
            </p>
            {whole.map(|(key, detail)| view! {
                <ul class="problems-list">
                    <li data-testid="problem" data-path="" data-severity="error" class="problem problem-error">
                        <strong>{move || t(Key::ValidateError)} ": "</strong> {move || t(key)}
                        <br /><code lang="en">{detail}</code>
                    </li>
                </ul>
            })}
            {(errors == 0 && warnings == 0).then(|| view! { <p>{move || t(Key::ValidateAllGood)}</p> })}
            <ul class="problems-list">
                {findings.into_iter().map(|f| {
                    let (sev, label) = match f.severity {
                        Severity::Error => ("error", Key::ValidateError),
                        Severity::Warning => ("warning", Key::ValidateWarning),
                    };
                    let fix = fix_for(&f.path);
                    view! {
                        <li data-testid="problem" data-path=f.path.clone() data-severity=sev class=format!("problem problem-{sev}")>
                            <strong>{move || t(label)} ": "</strong>
                            <code>{f.path.clone()}</code>
                            {f.event_id.map(|id| view! { " (" <code>{id}</code> ")" })}
                            " " <span lang="en">{f.message}</span>
                            <br />{move || t(fix)}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <h2>{move || t(Key::ValidatePreview)}</h2>
            <PreviewMap events=mapped />
            <ol class="event-list validator-preview" data-testid="validator-preview" inner_html=preview></ol>
        </section>
    }
}

fn event_target<T: JsCast>(ev: &leptos::ev::Event) -> T {
    ev.target().expect("an event target").unchecked_into()
}
