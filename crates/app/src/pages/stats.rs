//! `/stats`: the region's cultural offer in numbers, for the people who plan and report on
//! culture work. The explorer's filters and window (the same URL parameters, so a report is a
//! link), counted by `kulttuurikartta_explore::stats`; a map, a chart and tables, each table
//! with a CSV download, and a print layout for an A4 report.

use std::sync::{Arc, OnceLock};

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

use crate::components::event_text::event_href;
use crate::components::filters::Filters;
use crate::components::load_state::{LoadFailed, Loading, PartialFailure};
use crate::components::stats_chart::StatsChart;
use crate::components::stats_map::StatsMap;
use crate::components::stats_table::StatsTable;
use crate::dom;
use crate::load::Loaded;
use crate::state::{use_base, use_lang, use_loaded};
use crate::url_state::{use_query, use_update_query};
use kulttuurikartta_core::feed::EventStatus;
use kulttuurikartta_core::time::helsinki;
use kulttuurikartta_explore::i18n::{format_day_range, Key, Translate};
use kulttuurikartta_explore::query::facts::EventFacts;
use kulttuurikartta_explore::query::filter::{evaluate_with, SearchIndex};
use kulttuurikartta_explore::query::{Query, Window};
use kulttuurikartta_explore::stats::population::{credit, Population};
use kulttuurikartta_explore::stats::{self, table};

fn year(y: i32) -> Window {
    let d = |m, day| NaiveDate::from_ymd_opt(y, m, day).expect("a calendar date");
    Window::days(d(1, 1), d(12, 31))
}

#[component]
pub fn StatsPage() -> impl IntoView {
    let lang = use_lang();
    let loaded = use_loaded();
    let t = move |k: Key| lang.get().t(k);
    Effect::new(move |_| dom::set_title(&format!("{} – {}", t(Key::StatsTitle), t(Key::AppName))));
    view! {
        <Transition fallback=|| view! { <Loading /> }>
            {move || Suspend::new(async move {
                match loaded.await {
                    Ok(data) => view! { <StatsView data /> }.into_any(),
                    Err(error) => view! { <LoadFailed error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn StatsView(data: Arc<Loaded>) -> impl IntoView {
    let lang = use_lang();
    let base = use_base();
    let t = move |k: Key| lang.get().t(k);
    let query = use_query();
    let update = use_update_query();
    let now = dom::now();
    let this_year = helsinki::local_date(now).year();
    // The default report is the current calendar year, written into the URL so that the link
    // in the address bar is the report.
    if query.with_untracked(|q| q.window.is_none()) {
        update(&|q: &mut Query| q.window = Some(year(this_year)), true);
    }
    let filters = Memo::new(move |_| {
        query.with(|q| Query {
            event: None,
            window: Some(q.window.unwrap_or(year(this_year))),
            ..q.clone()
        })
    });
    let window = Memo::new(move |_| filters.with(|q| q.window.unwrap_or(year(this_year))));
    let outcome = {
        let data = data.clone();
        // As in the explorer: the folded search text is built once, on the first text search,
        // not folded again for every event at every keystroke.
        let search_index: Arc<OnceLock<SearchIndex>> = Arc::new(OnceLock::new());
        let facts = Arc::new(EventFacts::new(&data.catalogue.events));
        Memo::new(move |_| {
            let q = filters.get();
            let events = &data.catalogue.events;
            let index = (!q.text.trim().is_empty())
                .then(|| search_index.get_or_init(|| SearchIndex::new(events)));
            Arc::new(evaluate_with(events, &facts, index, &q, now))
        })
    };
    let counts = Memo::new(move |_| outcome.with(|o| o.counts.clone()));
    let stats_memo = {
        let data = data.clone();
        Memo::new(move |_| {
            let o = outcome.get();
            Arc::new(stats::count(&data.catalogue.events, &o, &window.get()))
        })
    };
    let population = data.config.population.clone();
    let municipality_table = {
        let population = population.clone();
        Memo::new(move |_| {
            let only = filters.with(|q| q.municipalities.clone());
            table::municipalities(&stats_memo.get(), population.as_ref(), &only, lang.get())
        })
    };
    let period_table = Memo::new(move |_| table::periods(&stats_memo.get(), lang.get()));
    let category_table = Memo::new(move |_| table::categories(&stats_memo.get(), lang.get()));
    let weekly = Memo::new(move |_| {
        stats_memo.with(|s| {
            s.periods
                .first()
                .is_some_and(|p| p.period.granularity == stats::periods::Granularity::Week)
        })
    });
    let range_text = move || {
        let (a, b) = window.get().day_range();
        format_day_range(lang.get(), a, b)
    };
    let scope_text = move || {
        let l = lang.get();
        let list = filters.with(|q| stats::scope(q, l));
        if list.is_empty() {
            l.t(Key::StatsAllEvents).to_owned()
        } else {
            list.join(" · ")
        }
    };
    let file_name = move |what: &'static str| {
        Signal::derive(move || {
            let (a, b) = window.get().day_range();
            format!("kulttuurikartta-{what}-{a}_{b}")
        })
    };
    let total = Memo::new(move |_| stats_memo.with(|s| s.total()));
    let explorer_href = {
        let base = base.clone();
        move || {
            let pairs = filters.get().to_pairs();
            let mut s = kulttuurikartta_explore::url::to_query_string(
                &pairs
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.clone()))
                    .collect::<Vec<_>>(),
            );
            s += if s.is_empty() { "?" } else { "&" };
            format!("{}/{s}lang={}", base.0, lang.get().code())
        }
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <article class="stats" data-testid="stats">
            <h1>{move || t(Key::StatsTitle)}</h1>
            <p class="stats-scope" data-testid="stats-scope">
                <strong>{move || t(Key::StatsPeriod)} ": "</strong> {range_text} <br />
                <strong>{move || t(Key::StatsScope)} ": "</strong> {scope_text}
            </p>
            {(!data.feed_errors.is_empty()).then(|| view! { <PartialFailure errors=data.feed_errors.clone() /> })}
            <p class="stats-intro no-print">{move || t(Key::StatsIntro)}</p>
            <div class="stats-layout">
                <div class="stats-controls no-print">
                    <WindowForm window this_year />
                    <Filters query=filters counts />
                </div>
                <div class="stats-body">
                    <p class="stats-total" data-testid="stats-total" data-count=move || total.get().events data-cancelled=move || total.get().cancelled>
                        <strong>{move || total.get().events}</strong> " " {move || t(Key::EventsCount)}
                        ", " {move || total.get().cancelled} " " {move || t(Key::ColCancelled).to_lowercase()} "."
                    </p>
                    <p class="stats-actions no-print">
                        <a href=explorer_href data-testid="stats-explorer-link">{move || t(Key::StatsOpenInExplorer)}</a>
                        <button type="button" class="button-secondary" on:click=print>{move || t(Key::StatsPrint)}</button>
                    </p>
                    <section class="stats-section stats-by-municipality" aria-labelledby="stats-by-municipality">
                        <h2 id="stats-by-municipality">{move || t(Key::StatsByMunicipality)}</h2>
                        <StatsMap stats=stats_memo population=population.clone() />
                        <StatsTable table=municipality_table testid="stats-table" csv_testid="stats-csv" sortable=true
                            caption=Signal::derive(move || format!("{} ({})", t(Key::StatsByMunicipality), range_text()))
                            file_name=file_name("kunnat") />
                        <p class="stats-source" data-testid="stats-population-source">{population_note(population.clone())}</p>
                    </section>
                    <section class="stats-section stats-by-period" aria-labelledby="stats-by-period">
                        <h2 id="stats-by-period">{move || t(if weekly.get() { Key::StatsByWeek } else { Key::StatsByMonth })}</h2>
                        <StatsChart stats=stats_memo title=Signal::derive(move || t(if weekly.get() { Key::StatsByWeek } else { Key::StatsByMonth }).to_owned()) />
                        <StatsTable table=period_table testid="stats-month" csv_testid="stats-month-csv"
                            caption=Signal::derive(move || format!("{} ({})", t(if weekly.get() { Key::StatsByWeek } else { Key::StatsByMonth }), range_text()))
                            file_name=file_name("kuukaudet") />
                    </section>
                    <section class="stats-section stats-by-category" aria-labelledby="stats-by-category">
                        <h2 id="stats-by-category">{move || t(Key::StatsByCategory)}</h2>
                        <StatsTable table=category_table testid="stats-category" csv_testid="stats-category-csv"
                            caption=Signal::derive(move || format!("{} ({})", t(Key::StatsByCategory), range_text()))
                            file_name=file_name("aiheet") />
                    </section>
                    <Undated data=data.clone() stats=stats_memo />
                    <Rules population=population.clone() />
                </div>
            </div>
        </article>
    }
}

/// The population credit line, following the language.
fn population_note(population: Option<Population>) -> impl Fn() -> String {
    let lang = use_lang();
    move || credit(population.as_ref(), lang.get())
}

/// Events that pass the filters but have no date (postponed, or to be announced): listed, not
/// counted.
#[component]
fn Undated(data: Arc<Loaded>, stats: Memo<Arc<stats::Stats>>) -> impl IntoView {
    let lang = use_lang();
    let base = use_base();
    move || {
        let l = lang.get();
        let list = stats.with(|s| s.undated.clone());
        (!list.is_empty()).then(|| {
            let items = list
                .iter()
                .map(|i| {
                    let ev = &data.catalogue.events[*i];
                    let status = if ev.status == EventStatus::Postponed {
                        l.t(Key::Postponed)
                    } else {
                        l.t(Key::DateToBeAnnounced)
                    };
                    view! { <li data-event-id=ev.id.clone()><a href=event_href(&base, &ev.id, l)>{ev.name.text(l).to_owned()}</a> " – " {status}</li> }
                })
                .collect_view();
            view! {
                <section class="stats-section" aria-labelledby="stats-undated">
                    <h2 id="stats-undated">{l.t(Key::StatsUndated)} " (" {list.len()} ")"</h2>
                    <ul class="stats-undated" data-testid="stats-undated" data-count=list.len()>{items}</ul>
                </section>
            }
        })
    }
}

/// The counting rules in plain words (`kulttuurikartta_explore::stats` holds the code to them).
#[component]
fn Rules(population: Option<Population>) -> impl IntoView {
    let lang = use_lang();
    let t = move |k: Key| lang.get().t(k);
    const RULES: [Key; 8] = [
        Key::StatsRuleWindow,
        Key::StatsRuleCancelled,
        Key::StatsRuleSeries,
        Key::StatsRuleMultiDay,
        Key::StatsRuleUndated,
        Key::StatsRuleOnline,
        Key::StatsRuleDuplicates,
        Key::StatsRuleShares,
    ];
    view! {
        <section class="stats-section stats-rules" aria-labelledby="stats-rules">
            <h2 id="stats-rules">{move || t(Key::StatsRulesTitle)}</h2>
            <ul>{RULES.into_iter().map(|k| view! { <li>{move || t(k)}</li> }).collect_view()}</ul>
            <p>{population_note(population)}</p>
            <p class="no-print">{move || t(Key::StatsCsvHelp)}</p>
        </section>
    }
}

/// The date range: two date fields and the years before and this one. Writes `from`/`to`.
#[component]
fn WindowForm(window: Memo<Window>, this_year: i32) -> impl IntoView {
    let lang = use_lang();
    let t = move |k: Key| lang.get().t(k);
    let update = use_update_query();
    let set = {
        let update = update.clone();
        move |w: Window| update(&|q: &mut Query| q.window = Some(w), false)
    };
    let from = move || window.get().day_range().0.to_string();
    let to = move || window.get().day_range().1.to_string();
    let on_date = {
        let set = set.clone();
        move |is_from: bool, value: String| {
            let Some(d) = kulttuurikartta_core::time::text::parse_date(&value) else {
                return;
            };
            let (a, b) = window.get_untracked().day_range();
            set(if is_from {
                Window::days(d, b)
            } else {
                Window::days(a, d)
            });
        }
    };
    let on_from = {
        let on_date = on_date.clone();
        move |ev| on_date(true, event_target_value(&ev))
    };
    let on_to = move |ev| on_date(false, event_target_value(&ev));
    let (set1, set2) = (set.clone(), set);
    view! {
        <fieldset class="stats-window" data-testid="stats-window">
            <legend>{move || t(Key::StatsPeriod)}</legend>
            <label for="stats-from">{move || t(Key::StatsFrom)}</label>
            <input id="stats-from" type="date" data-testid="stats-from" prop:value=from on:change=on_from />
            <label for="stats-to">{move || t(Key::StatsTo)}</label>
            <input id="stats-to" type="date" data-testid="stats-to" prop:value=to on:change=on_to />
            <div class="stats-window-presets">
                <button type="button" class="button-secondary" on:click=move |_| set1(year(this_year))>{move || t(Key::StatsThisYear)}</button>
                <button type="button" class="button-secondary" on:click=move |_| set2(year(this_year - 1))>{move || t(Key::StatsLastYear)}</button>
            </div>
        </fieldset>
    }
}
