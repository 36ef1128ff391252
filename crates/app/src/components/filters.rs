//! Search and filters. Every control writes the URL (through `use_set_query`); the URL is the
//! state. Each option shows how many events it would leave with the other filters applied, and
//! options that would leave none are marked, not hidden.

use leptos::prelude::*;

use crate::state::use_lang;
use crate::url_state::{use_set_query, use_update_query};
use kulttuurikartta_core::feed::Category;
use kulttuurikartta_core::region::municipality::{Region, MUNICIPALITIES};
use kulttuurikartta_explore::event_text::municipality_name;
use kulttuurikartta_explore::i18n::{Key, Lang, Translate};
use kulttuurikartta_explore::query::chips::{chip_buttons_html, chips, CHIP_ATTRIBUTE, CLEAR_ALL};
use kulttuurikartta_explore::query::filter::FacetCounts;
use kulttuurikartta_explore::query::{region_codes, Attendance, Query};

use crate::dom::checked;

/// "(12)" after an option, or "(0)" marked as leaving nothing.
fn count_badge(n: usize) -> impl IntoView {
    view! { <span class="option-count" class:none=n == 0 aria-hidden="true">{n}</span> }
}

fn option_label(name: &str, n: usize, lang: Lang) -> String {
    if n == 0 {
        format!("{name}, {}", lang.t(Key::NoneLeft))
    } else {
        format!("{name}, {n} {}", lang.t(Key::EventsCount))
    }
}

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

    let oulu2026 = {
        let update = update.clone();
        move |_| {
            let codes = region_codes("oulu2026").unwrap_or_default();
            update(&|q: &mut Query| q.municipalities = codes.clone(), false)
        }
    };

    let toggle = {
        let update = update.clone();
        move |name: &'static str,
              key: Key,
              get: fn(&Query) -> bool,
              put: fn(&mut Query, bool),
              n: fn(&FacetCounts) -> usize| {
            let update = update.clone();
            let n = move || counts.with(n);
            view! {
                <label class="option toggle">
                    <input
                        type="checkbox"
                        name=name
                        prop:checked=move || query.with(get)
                        aria-label=move || option_label(t(key), n(), lang.get())
                        on:change=move |ev| {
                            let on = checked(&ev);
                            update(&|q: &mut Query| put(q, on), false)
                        }
                    />
                    <span aria-hidden="true">{move || t(key)}</span>
                    {move || count_badge(n())}
                </label>
            }
        }
    };

    let attendance = {
        let update = update.clone();
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            let a = match v.as_str() {
                "online" => Some(Attendance::Online),
                "onsite" => Some(Attendance::OnSite),
                _ => None,
            };
            update(&|q: &mut Query| q.attendance = a, false)
        }
    };
    let attendance_value = move || query.with(|q| q.attendance.map_or("", |a| a.slug()));

    let selected_summary =
        move |n: usize| (n > 0).then(|| format!(" ({n} {})", t(Key::SelectedSuffix)));

    // A panel's options are built when it is first opened, and kept after: closed, they are
    // not seen, and building and updating some fifty options with their counts would slow the
    // first paint and every change of the results.
    let (municipality_opened, category_opened, more_opened) = (
        RwSignal::new(false),
        RwSignal::new(false),
        RwSignal::new(false),
    );
    let opened = |flag: RwSignal<bool>| {
        move |_: leptos::ev::Event| {
            if !flag.get_untracked() {
                flag.set(true);
            }
        }
    };

    view! {
        <form class="filters" data-testid="filters" role="search" aria-label=move || t(Key::FiltersLabel) on:submit=|ev| ev.prevent_default()>
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
            {(!locked).then(|| view! {
            <details class="filter-panel" data-testid="filter-municipality" on:toggle=opened(municipality_opened)>
                <summary>{move || t(Key::Municipality)}{move || selected_summary(query.with(|q| q.municipalities.len()))}</summary>
                {move || municipality_opened.get().then(|| view! {
                <div class="filter-body">
                    <button type="button" class="link-button" on:click=oulu2026.clone()>{move || t(Key::Oulu2026Region)}</button>
                    {municipality_group(query, counts, Region::Kainuu, Key::RegionKainuu, "kainuu")}
                    {municipality_group(query, counts, Region::NorthOstrobothnia, Key::RegionNorthOstrobothnia, "pohjois-pohjanmaa")}
                </div>
                })}
            </details>
            })}
            <details class="filter-panel" data-testid="filter-category" on:toggle=opened(category_opened)>
                <summary>{move || t(Key::Categories)}{move || selected_summary(query.with(|q| q.categories.len()))}</summary>
                {move || category_opened.get().then(|| view! {
                <div class="filter-body">
                    <fieldset class="option-group">
                        <legend class="visually-hidden">{move || t(Key::Categories)}</legend>
                        <ul class="options">{category_options(query, counts)}</ul>
                    </fieldset>
                </div>
                })}
            </details>
            <details class="filter-panel" data-testid="filter-more" on:toggle=opened(more_opened)>
                <summary>{move || t(Key::MoreFilters)}{move || selected_summary(query.with(|q| usize::from(q.free_only) + usize::from(q.families) + usize::from(q.hide_cancelled) + usize::from(q.attendance.is_some())))}</summary>
                {move || more_opened.get().then(|| view! {
                <div class="filter-body">
                <div class="filter-toggles">
                    {toggle("free", Key::FreeOnly, |q| q.free_only, |q, on| q.free_only = on, |c| c.free)}
                    {toggle("family", Key::ForFamilies, |q| q.families, |q, on| q.families = on, |c| c.family)}
                    {toggle("cancelled", Key::HideCancelled, |q| q.hide_cancelled, |q, on| q.hide_cancelled = on, |c| c.not_cancelled)}
                    <label class="option select">
                        <span>{move || t(Key::Attendance)}</span>
                        <select name="attendance" on:change=attendance.clone() prop:value=attendance_value>
                            <option value="" selected=move || attendance_value().is_empty()>{move || t(Key::AttendanceAll)}</option>
                            <option value="onsite" selected=move || attendance_value() == "onsite">
                                {move || format!("{} ({})", t(Key::OnSite), counts.with(|c| c.on_site))}
                            </option>
                            <option value="online" selected=move || attendance_value() == "online">
                                {move || format!("{} ({})", t(Key::Online), counts.with(|c| c.online))}
                            </option>
                        </select>
                    </label>
                </div>
                </div>
                })}
            </details>
        </form>
        <Chips query locked />
    }
    .into_any()
}

/// One region's municipalities as checkboxes, with "select all".
fn municipality_group(
    query: Memo<Query>,
    counts: Memo<FacetCounts>,
    region: Region,
    legend: Key,
    // The region's name in `municipality=` (see `query::region_codes`).
    slug: &'static str,
) -> AnyView {
    let lang = use_lang();
    let update = use_update_query();
    let t = move |k: Key| lang.get().t(k);
    let members: Vec<_> = MUNICIPALITIES
        .iter()
        .filter(|m| m.region == region)
        .collect();
    let select_all = {
        let update = update.clone();
        move |_| {
            let codes = region_codes(slug).unwrap_or_default();
            update(
                &|q: &mut Query| {
                    q.municipalities.extend(codes.iter().copied());
                    q.municipalities.sort_unstable();
                    q.municipalities.dedup();
                },
                false,
            )
        }
    };
    view! {
        <fieldset class="option-group">
            <legend>{move || t(legend)}</legend>
            <button type="button" class="link-button" on:click=select_all>
                {move || t(Key::SelectAll)}
            </button>
            <ul class="options">
                {members
                    .into_iter()
                    .map(|m| {
                        let code = m.code;
                        let update = update.clone();
                        let n = move || counts.with(|c| c.municipality(code));
                        let name = move || municipality_name(code, lang.get()).unwrap_or(code);
                        view! {
                            <li>
                                <label class="option">
                                    <input
                                        type="checkbox"
                                        name="municipality"
                                        value=code
                                        prop:checked=move || query.with(|q| q.municipalities.contains(&code))
                                        aria-label=move || option_label(name(), n(), lang.get())
                                        on:change=move |ev| {
                                            let on = checked(&ev);
                                            update(
                                                &|q: &mut Query| {
                                                    q.municipalities.retain(|c| *c != code);
                                                    if on {
                                                        q.municipalities.push(code);
                                                        q.municipalities.sort_unstable();
                                                    }
                                                },
                                                false,
                                            )
                                        }
                                    />
                                    <span aria-hidden="true">{name}</span>
                                    {move || count_badge(n())}
                                </label>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </fieldset>
    }
    .into_any()
}

/// Every category as a checkbox, with the count each would leave.
fn category_options(query: Memo<Query>, counts: Memo<FacetCounts>) -> impl IntoView {
    let lang = use_lang();
    let update = use_update_query();
    Category::ALL
        .into_iter()
        .map(|c| {
            let update = update.clone();
            let n = move || counts.with(|x| x.category(c));
            view! {
                <li>
                    <label class="option">
                        <input
                            type="checkbox"
                            name="category"
                            value=c.slug()
                            prop:checked=move || query.with(|q| q.categories.contains(&c))
                            aria-label=move || option_label(c.label(lang.get()), n(), lang.get())
                            on:change=move |ev| {
                                let on = checked(&ev);
                                update(
                                    &|q: &mut Query| {
                                        q.categories.retain(|x| *x != c);
                                        if on {
                                            q.categories.push(c);
                                            q.categories.sort();
                                        }
                                    },
                                    false,
                                )
                            }
                        />
                        <span aria-hidden="true">{move || c.label(lang.get())}</span>
                        {move || count_badge(n())}
                    </label>
                </li>
            }
        })
        .collect_view()
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
