//! `/accessibility`: the accessibility statement that Act 306/2019 requires, in the UI
//! language, with the feedback address from config.json.

use leptos::prelude::*;

use crate::dom;
use crate::state::{use_base, use_lang, use_loaded};
use kulttuurikartta_explore::i18n::Key;
use kulttuurikartta_explore::i18n::Translate;

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
            .filter(|e| e.contains('@') && !e.contains(['<', '>', '"', ' ']))
    };
    view! {
        <article class="statement" data-testid="statement">
            <h1>{move || t(Key::AccessibilityStatement)}</h1>
            <p>{move || t(Key::StatementIntro)}</p>
            <h2>{move || t(Key::StatementStatusHeading)}</h2>
            <p>{move || t(Key::StatementStatus)}</p>
            <h2>{move || t(Key::StatementGapsHeading)}</h2>
            <ul>
                <li>{move || t(Key::StatementGapMap)}</li>
                <li>{move || t(Key::StatementGapFeeds)}</li>
                <li>{move || t(Key::StatementGapTiles)}</li>
            </ul>
            <h2>{move || t(Key::StatementMethodHeading)}</h2>
            <p>{move || t(Key::StatementMethod)}</p>
            <p>
                <a href=move || format!("{}/validate?lang={}", base.0, lang.get().code()) rel="external" data-testid="statement-validate-link">
                    {move || t(Key::ValidateLink)}
                </a>
            </p>
            <h2>{move || t(Key::StatementFeedbackHeading)}</h2>
            <p>{move || t(Key::StatementFeedback)}</p>
            {move || email().map(|e| view! {
                <p>{t(Key::FeedbackEmail)} ": " <a data-testid="feedback-email" href=format!("mailto:{e}")>{e.clone()}</a></p>
            })}
            <h2>{move || t(Key::StatementEnforcementHeading)}</h2>
            <p>{move || t(Key::StatementEnforcement)}</p>
        </article>
    }
}
