//! Search and filters. Every control writes the URL (through `use_set_query`); the URL is the
//! state. Each option shows how many events it would leave with the other filters applied, and
//! options that would leave none are marked, not hidden.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::use_lang;
use crate::url_state::{use_set_query, use_update_query};
use kulttuurikartta_explore::filter_panels::{
    apply_change, apply_region, attendance_texts, attendance_value, body_html, option_states,
    summary_text, OptionState, Panel, ADD_REGION_ATTRIBUTE, CHOOSE_REGION_ATTRIBUTE,
};
use kulttuurikartta_explore::i18n::{Key, Lang, Translate};
use kulttuurikartta_explore::query::chips::{chip_buttons_html, chips, CHIP_ATTRIBUTE, CLEAR_ALL};
use kulttuurikartta_explore::query::filter::FacetCounts;
use kulttuurikartta_explore::query::Query;

#[component]
pub fn Filters(
    query: Memo<Query>,
    counts: Memo<FacetCounts>,
    /// An embed restricted to municipalities: their filter is not offered.
    #[prop(optional)]
    locked: bool,
) -> AnyView {
    let lang = use_lang();
    let update = use_update_query();
    let t = move |k: Key| lang.get().t(k);

    let on_text = {
        let update = update.clone();
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            // Typing replaces the history entry; it would be tedious to go back letter by letter.
            update(&|q: &mut Query| q.text = v.clone(), true);
        }
    };
    // The panels' options are markup (`filter_panels`): their changes and buttons are read
    // here, where they bubble to.
    let on_change = {
        let update = update.clone();
        move |ev: leptos::ev::Event| {
            let Some(target) = ev.target() else { return };
            let (name, value, on) = if let Some(i) = target.dyn_ref::<web_sys::HtmlInputElement>() {
                (i.name(), i.value(), i.checked())
            } else if let Some(s) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
                (s.name(), s.value(), false)
            } else {
                return;
            };
            let mut next = query.get_untracked();
            if apply_change(&mut next, &name, &value, on) {
                update(&|q: &mut Query| *q = next.clone(), false);
            }
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        for attribute in [CHOOSE_REGION_ATTRIBUTE, ADD_REGION_ATTRIBUTE] {
            if let Some(region) = crate::dom::closest_attribute(&ev, attribute) {
                let mut next = query.get_untracked();
                if apply_region(&mut next, attribute, &region) {
                    update(&|q: &mut Query| *q = next.clone(), false);
                }
            }
        }
    };

    view! {
        <form class="filters" data-testid="filters" role="search" aria-label=move || t(Key::FiltersLabel)
            on:submit=|ev| ev.prevent_default() on:change=on_change on:click=on_click>
            <div class="search-field">
                <label for="search">{move || t(Key::Search)}</label>
                <input
                    id="search"
                    type="search"
                    data-testid="search"
                    autocomplete="off"
                    prop:value=move || query.with(|q| q.text.clone())
                    on:input=on_text
                />
            </div>
            {(!locked).then(|| option_panel(Panel::Municipality, "filter-municipality", query, counts, lang))}
            {option_panel(Panel::Category, "filter-category", query, counts, lang)}
            {option_panel(Panel::More, "filter-more", query, counts, lang)}
        </form>
        <Chips query locked />
    }
    .into_any()
}

/// One panel of options. Its body is written when the panel is first opened, and kept after:
/// closed, it is not seen, and writing and updating some fifty options with their counts would
/// slow the first paint and every change of the results. Once written, a change of the query
/// or the counts updates its options in place; a change of language writes it again.
fn option_panel(
    panel: Panel,
    testid: &'static str,
    query: Memo<Query>,
    counts: Memo<FacetCounts>,
    lang: Memo<Lang>,
) -> AnyView {
    let opened = RwSignal::new(false);
    let body = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |written: Option<Option<Lang>>| {
        let l = lang.get();
        if !opened.get() {
            return None;
        }
        let el = body.get()?;
        query.with(|q| {
            counts.with(|c| {
                if written.flatten() == Some(l) {
                    update_options(&el, &option_states(panel, l, q, c));
                    if panel == Panel::More {
                        update_attendance(&el, attendance_value(q), l, c);
                    }
                } else {
                    el.set_inner_html(&body_html(panel, l, q, c));
                }
            })
        });
        Some(l)
    });
    view! {
        <details class="filter-panel" data-testid=testid on:toggle=move |_| {
            if !opened.get_untracked() {
                opened.set(true);
            }
        }>
            <summary>{move || query.with(|q| summary_text(panel, lang.get(), q))}</summary>
            <div class="filter-body" node_ref=body></div>
        </details>
    }
    .into_any()
}

/// The panel's checkboxes and their count badges, paired by position with `states`.
fn update_options(body: &web_sys::HtmlDivElement, states: &[OptionState]) {
    let (Ok(inputs), Ok(badges)) = (
        body.query_selector_all("input[type=checkbox]"),
        body.query_selector_all(".option-count"),
    ) else {
        return;
    };
    for (i, s) in (0u32..).zip(states) {
        if let Some(input) = inputs
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.set_checked(s.checked);
            let _ = input.set_attribute("aria-label", &s.label);
        }
        if let Some(badge) = badges
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            badge.set_text_content(Some(&s.count.to_string()));
            let _ = badge.class_list().toggle_with_force("none", s.count == 0);
        }
    }
}

/// The attendance choice: its value and its options' texts (which carry counts).
fn update_attendance(
    body: &web_sys::HtmlDivElement,
    value: &str,
    lang: Lang,
    counts: &FacetCounts,
) {
    let Some(select) = body
        .query_selector("select")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok())
    else {
        return;
    };
    let Ok(options) = select.query_selector_all("option") else {
        return;
    };
    for (i, (_, text)) in (0u32..).zip(attendance_texts(lang, counts)) {
        if let Some(o) = options.item(i) {
            o.set_text_content(Some(&text));
        }
    }
    select.set_value(value);
}

/// The active filters as removable chips, with "clear all" (the buttons are
/// `chip_buttons_html`'s markup; a click finds its chip by `CHIP_ATTRIBUTE`).
#[component]
fn Chips(query: Memo<Query>, locked: bool) -> AnyView {
    let lang = use_lang();
    let set = use_set_query();
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some(chip) = crate::dom::closest_attribute(&ev, CHIP_ATTRIBUTE) else {
            return;
        };
        let q = query.get_untracked();
        let next = if chip == CLEAR_ALL {
            Some(q.without_filters())
        } else {
            let i = chip.parse::<usize>().ok();
            i.and_then(|i| chips(&q, lang.get_untracked(), !locked).into_iter().nth(i))
                .map(|(_, next)| next)
        };
        if let Some(next) = next {
            set(next, false);
        }
    };
    (move || {
        let l = lang.get();
        let list = query.with(|q| chips(q, l, !locked));
        (!list.is_empty()).then(|| {
            view! {
                <div class="chips" data-testid="chips" role="group" aria-label=l.t(Key::ActiveFilters)
                    inner_html=chip_buttons_html(&list, l) on:click=on_click.clone()></div>
            }
        })
    })
    .into_any()
}
