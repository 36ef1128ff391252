//! The front page: what is on. Filters, timeline, list and map over one shared query that
//! lives in the URL; the list is the accessible twin of the map and shows the same results.

use std::sync::{Arc, OnceLock};

use leptos::prelude::*;

use crate::components::event_list::event_block;
use crate::components::filters::Filters;
use crate::components::load_state::{
    FeedProblems, LoadFailed, Loading, PartialFailure, StaleNotice,
};
use crate::components::map::EventMap;
use crate::components::timeline::{Playback, Timeline};
use crate::dom;
use crate::load::Loaded;
use crate::state::{use_base, use_lang, use_loaded, use_selection, BasePath};
use crate::url_state::{use_query, use_set_query, use_update_query};
use kulttuurikartta_core::feed::catalogue::{Catalogue, ListEntry};
use kulttuurikartta_explore::event_row::{first_event_id, shows};
use kulttuurikartta_explore::i18n::{format_date, Key, Lang, Translate};
use kulttuurikartta_explore::list_controls::{
    empty_state_html, show_more_html, ListAction, LIST_ACTION_ATTRIBUTE,
};
use kulttuurikartta_explore::map_points::MapPoints;
use kulttuurikartta_explore::query::chips::{push_chip_button, CHIP_ATTRIBUTE};
use kulttuurikartta_explore::query::facts::EventFacts;
use kulttuurikartta_explore::query::filter::{evaluate_with, Outcome, SearchIndex};
use kulttuurikartta_explore::query::list_groups::{group_first, GroupKind};
use kulttuurikartta_explore::query::list_page;
use kulttuurikartta_explore::query::Query;
use kulttuurikartta_explore::timeline::interaction::window_text;

/// Rows rendered at first and added per "show more": long results stay fast to render.
const PAGE: usize = 100;

/// New rows drawn in the frame that shows a new result set (see `list_page`) at most; the rest of
/// its first page follows when the browser is idle after that frame. As many as can be on the
/// screen, once the list has been measured; twenty before, which fill a desktop's list.
const FIRST_ROWS: usize = 20;

#[component]
pub fn Explorer() -> impl IntoView {
    let lang = use_lang();
    let loaded = use_loaded();
    let t = move |k: Key| lang.get().t(k);
    Effect::new(move |_| dom::set_title(&format!("{} – {}", t(Key::AppName), t(Key::Tagline))));
    let kiosk = crate::state::use_kiosk();

    view! {
        <h1 class="visually-hidden">{move || t(Key::AppName)}</h1>
        // A transition, not a suspense: a kiosk's periodic refresh keeps the old events on
        // screen until the new ones are in (never a blank screen).
        <Transition fallback=|| view! { <Loading /> }>
            {move || {
                // A kiosk reset rebuilds the explorer from scratch.
                if let Some(k) = &kiosk {
                    k.epoch.track();
                }
                Suspend::new(async move {
                    match loaded.await {
                        Ok(data) => view! {
                            <LoadNotices data=data.clone() />
                            <ExplorerView data />
                        }
                        .into_any(),
                        Err(error) => view! { <LoadFailed error /> }.into_any(),
                    }
                })
            }}
        </Transition>
    }
}

/// Everything that went partly wrong while loading, above the results.
#[component]
fn LoadNotices(data: Arc<Loaded>) -> impl IntoView {
    view! {
        {(!data.stale.is_empty()).then(|| view! { <StaleNotice stale=data.stale.clone() /> })}
        {(!data.feed_errors.is_empty()).then(|| view! { <PartialFailure errors=data.feed_errors.clone() /> })}
        {(!data.catalogue.problems.is_empty()).then(|| view! { <FeedProblems problems=data.catalogue.problems.clone() /> })}
    }
}

/// Which panel a narrow screen shows.
#[derive(Clone, Copy, PartialEq)]
enum Panel {
    List,
    Map,
    Timeline,
}

#[component]
fn ExplorerView(data: Arc<Loaded>) -> impl IntoView {
    dom::mark("kk:explorer:start");
    let lang = use_lang();
    let base = use_base();
    let query = use_query();
    let embed = crate::state::use_embed().get_untracked();
    // An embed restricted to municipalities stays restricted (see `MunicipalityLock`).
    let locked = embed
        .as_ref()
        .map(|_| query.with_untracked(|q| q.municipalities.clone()))
        .filter(|m| !m.is_empty());
    if let Some(m) = locked.clone() {
        provide_context(crate::state::MunicipalityLock(m));
    }
    let update_query = use_update_query();
    let selection = use_selection();
    let now = dom::now();
    let playback = Playback::new();
    // An embed's default window ("the next 30 days"), unless its URL gives one.
    if let Some(days) = embed.as_ref().and_then(|e| e.days) {
        let today = kulttuurikartta_core::time::helsinki::local_date(now);
        let w = kulttuurikartta_explore::query::Window::days(
            today,
            today + chrono::Duration::days(i64::from(days) - 1),
        );
        update_query(&|q: &mut Query| q.window = q.window.or(Some(w)), true);
    }
    let view = embed
        .as_ref()
        .map_or(kulttuurikartta_explore::embed::View::MapTimeline, |e| {
            e.view
        });
    let show_filters = embed.as_ref().is_none_or(|e| e.show_filters);

    // The search index is built on the first text search, not on every page load.
    let search_index: Arc<OnceLock<SearchIndex>> = Arc::new(OnceLock::new());
    // The selection is not a filter: selecting an event must not re-run the filters.
    let filters = Memo::new(move |_| {
        query.with(|q| Query {
            event: None,
            ..q.clone()
        })
    });
    // What the filters ask of each event, worked out once: every change then compares numbers.
    let facts = Arc::new(EventFacts::new(&data.catalogue.events));
    let outcome: Memo<Arc<Outcome>> = {
        let data = data.clone();
        Memo::new(move |_| {
            let q = filters.get();
            let events = &data.catalogue.events;
            let index = (!q.text.trim().is_empty())
                .then(|| search_index.get_or_init(|| SearchIndex::new(events)));
            let o = Arc::new(evaluate_with(events, &facts, index, &q, now));
            dom::mark("kk:explorer:filtered");
            o
        })
    };
    let matching = Memo::new(move |_| outcome.with(|o| Arc::new(o.matching.clone())));
    let timeline_items = Memo::new(move |_| outcome.with(|o| Arc::new(o.ignoring_window.clone())));
    let counts = Memo::new(move |_| outcome.with(|o| o.counts.clone()));
    let count = Memo::new(move |_| outcome.with(|o| o.matching.len()));
    // The map indexes every located event once; the filters only say which it shows.
    let map_points = Arc::new(MapPoints::new(&data.catalogue.events));
    dom::mark("kk:explorer:indexed");
    let shown = {
        let map_points = map_points.clone();
        Memo::new(move |_| matching.with(|m| Arc::new(map_points.shown(m))))
    };
    // The municipalities the filters chose are highlighted on the basemap.
    let highlight = Memo::new(move |_| query.with(|q| q.municipalities.clone()));

    // The selected event is in the URL (`event=`): a shared link opens with it selected.
    selection.set(query.get_untracked().event);
    // These two can be queued just as a kiosk reset replaces this view: `try_` reads make a
    // late run a no-op instead of a panic.
    Effect::new(move |_| {
        let Some(from_url) = query.try_with(|q| q.event.clone()) else {
            return;
        };
        if selection.get_untracked() != from_url {
            selection.set(from_url);
        }
    });
    Effect::new(move |first: Option<()>| {
        let sel = selection.get();
        if first.is_none() || query.try_get_untracked().is_none() {
            return;
        }
        update_query(&|q: &mut Query| q.event = sel.clone(), true);
    });

    // One polite live region for the results: the count, and the window when there is one.
    // During playback it speaks at most every few seconds, not at every step.
    let announcement = Memo::new(move |_| {
        let l = lang.get();
        let n = count.get();
        match query.with(|q| q.window) {
            Some(w) => window_text(&w, n, l),
            None => format!("{n} {}", l.t(Key::EventsCount)),
        }
    });
    let kiosk_attract = crate::state::use_kiosk().map(|k| k.attract);
    let spoken = RwSignal::new(String::new());
    let last_spoken = StoredValue::new(0.0f64);
    Effect::new(move |first: Option<()>| {
        let text = announcement.get();
        // The kiosk's attract loop counts as playback: it must not chatter either.
        let playing =
            playback.playing.get() || kiosk_attract.is_some_and(|a| a.with(Option::is_some));
        let t = js_sys::Date::now();
        // Nothing is announced on load: the page itself says it.
        if first.is_none() || (playing && t - last_spoken.get_value() < 6000.0) {
            return;
        }
        last_spoken.set_value(t);
        spoken.set(text);
    });

    let panel = RwSignal::new(Panel::List);
    let panel_button = move |p: Panel, key: Key, testid: &'static str| {
        view! {
            <button
                type="button"
                data-testid=testid
                aria-pressed=move || if panel.get() == p { "true" } else { "false" }
                on:click=move |_| panel.set(p)
            >
                {move || lang.get().t(key)}
            </button>
        }
    };
    let panel_name = move || match panel.get() {
        Panel::List => "list",
        Panel::Map => "map",
        Panel::Timeline => "timeline",
    };

    let c = &data.config;
    let (tiles, region) = (c.tiles.clone(), c.region_view);
    let (boundaries_url, boundaries_attribution) =
        (c.boundaries_url.clone(), c.boundaries_attribution.clone());

    view! {
        <div class="explorer" class:embedded=embed.is_some() data-panel=panel_name data-view=view.slug()>
            {show_filters.then(|| view! { <Filters query counts locked=locked.is_some() /> })}
            <WindowChip query />
            <p class="visually-hidden" aria-live="polite" data-testid="announcer">{move || spoken.get()}</p>
            {(view != kulttuurikartta_explore::embed::View::List).then(|| view! {
                <div class="panel-switch" role="group" aria-label=move || lang.get().t(Key::ViewSwitch)>
                    {panel_button(Panel::List, Key::ShowList, "show-list")}
                    {view.has_map().then(|| panel_button(Panel::Map, Key::ShowMap, "show-map"))}
                    {view.has_timeline().then(|| panel_button(Panel::Timeline, Key::Timeline, "show-timeline"))}
                </div>
            })}
            <div class="explorer-panels">
                {view.has_timeline().then(|| view! {
                    <div class="panel panel-timeline">
                        <Timeline data=data.clone() items=timeline_items query count playback />
                    </div>
                })}
                <div class="panel panel-list">
                    <Results data=data.clone() matching query count base=base.clone() />
                </div>
                {view.has_map().then(|| view! {
                    <div class="panel panel-map">
                        <EventMap points=map_points.points.clone() shown highlight tiles region boundaries_url boundaries_attribution lang base fit_to_points=locked.is_some() />
                    </div>
                })}
            </div>
        </div>
    }
}

/// The time window as a removable chip, so it is visible wherever the timeline is not.
#[component]
fn WindowChip(query: Memo<Query>) -> impl IntoView {
    let lang = use_lang();
    let set = use_set_query();
    let markup = move || {
        let w = query.with(|q| q.window)?;
        let l = lang.get();
        let (a, b) = w.day_range();
        let label = format!(
            "{}: {}",
            l.t(Key::TimeWindow),
            kulttuurikartta_explore::i18n::format_day_range(l, a, b)
        );
        let mut html = String::new();
        push_chip_button(&mut html, &label, "window", Some("window-chip"), l);
        Some(html)
    };
    let remove = move |ev: web_sys::MouseEvent| {
        if dom::closest_attribute(&ev, CHIP_ATTRIBUTE).is_some() {
            let q = query.get_untracked();
            set(Query { window: None, ..q }, false);
        }
    };
    move || {
        let html = markup()?;
        let remove = remove.clone();
        Some(view! { <div class="chips window-chip" inner_html=html on:click=remove></div> })
    }
}

#[component]
fn Results(
    data: Arc<Loaded>,
    matching: Memo<Arc<Vec<usize>>>,
    query: Memo<Query>,
    count: Memo<usize>,
    base: BasePath,
) -> impl IntoView {
    let lang = use_lang();
    let set_query = use_set_query();
    let selection = use_selection();
    let root = NodeRef::<leptos::html::Section>::new();
    // Which result set is shown, counted up as `matching` changes (kept to compare pointers).
    let set = StoredValue::new((None::<Arc<Vec<usize>>>, 0u64));
    // Rows asked for by "show more", for one result set; a new set starts from its first page.
    let asked = RwSignal::new((0u64, PAGE));
    // The set whose rows may all be drawn; until then only its `FIRST_ROWS` new ones.
    let filled = RwSignal::new(0u64);
    let fill_asked = StoredValue::new(0u64);
    // How many new rows the frame of a change draws: those that can be on the screen. Measured
    // where the layout is up to date anyway (before each fill, on scroll and resize), because
    // measuring in the change itself would make the browser lay out the page in its middle.
    let first_rows = StoredValue::new(FIRST_ROWS);
    let measure = move || {
        // `try_`: an idle callback can outlive this view (a kiosk reset replaces it).
        let (Some(Some(el)), Some(w)) = (root.try_get_untracked(), web_sys::window()) else {
            return;
        };
        let r = el.get_bounding_client_rect();
        let viewport = w
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        let rows = list_page::rows_on_screen(r.top(), r.bottom(), viewport, FIRST_ROWS);
        first_rows.try_update_value(|n| *n = rows);
    };
    // The page scrolls as a whole (an embed's too), so the window's scroll event covers the list.
    let listeners = [
        window_event_listener(leptos::ev::scroll, move |_| measure()),
        window_event_listener(leptos::ev::resize, move |_| measure()),
    ];
    on_cleanup(move || listeners.into_iter().for_each(|h| h.remove()));
    let now = dom::now();
    // Where the list's days start: its own memo, so that selecting an event (which changes the
    // query, not the results) does not rebuild the list.
    let from =
        Memo::new(move |_| query.with(|q| q.window.map_or(now, |w| w.start.max(now.min(w.start)))));

    // The list as plain data, one block per heading. The view below is keyed by it, so a new
    // window or filter rebuilds only the blocks that changed: narrowing "all upcoming" to "this
    // month" keeps every day the two share, DOM and all.
    let page = {
        let data = data.clone();
        Memo::new(move |prev: Option<&ListPage>| -> ListPage {
            let l = lang.get();
            let cat = &data.catalogue;
            // Can be queued by a language change as a kiosk reset replaces this view.
            let (Some(m), Some(from)) = (matching.try_get(), from.try_get()) else {
                return ListPage::default();
            };
            let id = set
                .try_update_value(|(last, id)| {
                    if !last.as_ref().is_some_and(|l| Arc::ptr_eq(l, &m)) {
                        *last = Some(m.clone());
                        *id += 1;
                    }
                    *id
                })
                .unwrap_or_default();
            let rows = asked.try_with(|&(of, n)| if of == id { n } else { PAGE });
            let whole = filled.try_with(|&f| f == id);
            let (Some(rows), Some(whole)) = (rows, whole) else {
                return ListPage::default();
            };
            let mut budget = rows;
            let entries = cat.entries(m.iter().map(|&i| &cat.events[i]));
            let total = entries.len();
            let mut blocks = Vec::new();
            for g in group_first(entries, from, rows) {
                if budget == 0 {
                    break;
                }
                let heading = match g.kind {
                    // "On now" is only true without a window, or with one that starts now.
                    GroupKind::OnNow if from > now => l.t(Key::AlreadyRunning).to_owned(),
                    GroupKind::OnNow => l.t(Key::OnNow).to_owned(),
                    GroupKind::Day(d) => format_date(l, d),
                    GroupKind::ToBeAnnounced => l.t(Key::DateToBeAnnounced).to_owned(),
                };
                let take = g.entries.len().min(budget);
                budget -= take;
                blocks.push(Block {
                    lang: l,
                    heading,
                    to_be_announced: g.kind == GroupKind::ToBeAnnounced,
                    rows: g.entries[..take]
                        .iter()
                        .filter_map(|e| Row::of(cat, e))
                        .collect(),
                });
            }
            let (blocks, complete) = if whole {
                (blocks, true)
            } else {
                let on_screen = prev.map_or(&[][..], |p| &p.blocks);
                let new_rows = first_rows.try_get_value().unwrap_or(FIRST_ROWS);
                list_page::at_once(blocks, on_screen, new_rows)
            };
            // The only write this memo causes, once per set, after the frame: the rest of the page.
            let ask = !complete
                && fill_asked
                    .try_update_value(|asked| std::mem::replace(asked, id) != id)
                    .unwrap_or(false);
            if ask {
                dom::when_idle(move || {
                    measure();
                    filled.try_set(id);
                });
            }
            ListPage {
                blocks,
                total,
                set: id,
                rows,
                complete,
            }
        })
    };
    let body = {
        let data = data.clone();
        view! {
            <For
                each=move || page.with(|p| p.blocks.clone())
                key=Block::clone
                // A block built now shows the selection as it is; `mark_selected_row` keeps
                // the rows already on the page up to date.
                children=move |b| block_view(&data.catalogue, &base, b, selection.get_untracked().as_deref())
            />
        }
    };
    // The rows are HTML without bindings of their own: the selection is marked here, and
    // focus moving through the list (by keyboard or pointer) selects the row's event, so the
    // map shows it. Set even when already selected: the map brings it back into view.
    {
        let data = data.clone();
        Effect::new(move |_| {
            let sel = selection.get();
            let (Some(root), Some(row)) = (
                root.get(),
                page.try_with_untracked(|p| {
                    sel.as_deref()
                        .and_then(|id| row_showing(&p.blocks, &data.catalogue, id))
                }),
            ) else {
                return;
            };
            mark_selected_row(&root, row.as_deref());
        });
    }
    let on_focus = {
        let data = data.clone();
        move |ev: web_sys::FocusEvent| {
            use wasm_bindgen::JsCast;
            let row_id = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest(".event-row").ok().flatten())
                .and_then(|row| row.get_attribute("data-event-id"));
            let event = row_id.and_then(|r| {
                page.with_untracked(|p| event_of_row(&p.blocks, &data.catalogue, &r))
            });
            if let Some(id) = event {
                selection.set(Some(id));
            }
        }
    };
    // "Show more" and the empty state are markup (`list_controls`); their buttons are read here.
    let more = move || {
        // `try_`: can be queued as a kiosk reset replaces this view (see above). Counted from
        // the rows asked for, not those drawn so far, so that the number does not jump.
        let remaining = page.try_with(|p| p.total.saturating_sub(p.rows))?;
        Some(show_more_html(lang.get(), remaining))
    };
    let empty = move || {
        if count.try_get()? > 0 {
            return Some(String::new());
        }
        let l = lang.get();
        query.try_with(|q| empty_state_html(l, q.window.is_some(), q.has_filters()))
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some(action) =
            dom::closest_attribute(&ev, LIST_ACTION_ATTRIBUTE).and_then(|a| ListAction::of(&a))
        else {
            return;
        };
        match action {
            ListAction::More => {
                if let Some((set, rows)) = page.try_with_untracked(|p| (p.set, p.rows)) {
                    asked.set((set, rows + PAGE));
                }
            }
            ListAction::Widen => {
                let q = query.get_untracked();
                set_query(Query { window: None, ..q }, false);
            }
            ListAction::Clear => set_query(query.get_untracked().without_filters(), false),
        }
    };

    view! {
        <section class="results" aria-labelledby="results-heading" node_ref=root on:focusin=on_focus on:click=on_click
            aria-busy=move || page.with(|p| (!p.complete).then_some("true"))>
            <div class="results-header">
                <h2 id="results-heading">{move || lang.get().t(Key::Events)}</h2>
                <p class="result-count" data-testid="result-count" data-count=move || count.get()>
                    {move || count.get()} " " {move || lang.get().t(Key::EventsCount)}
                </p>
            </div>
            <div class="list-empty" inner_html=empty></div>
            {body}
            <div class="list-more" inner_html=more></div>
        </section>
    }
}

/// What the list draws of the result set `set`: `blocks`, the first `rows` of its `total` rows, or
/// a prefix of them until `complete` (see `list_page`).
#[derive(Clone, Default, PartialEq)]
struct ListPage {
    blocks: Vec<Block>,
    total: usize,
    set: u64,
    rows: usize,
    complete: bool,
}

/// A heading and its rows in the list, as plain data: what the list is keyed by.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Block {
    lang: Lang,
    heading: String,
    to_be_announced: bool,
    rows: Vec<Row>,
}

impl list_page::Block for Block {
    fn rows(&self) -> usize {
        self.rows.len()
    }
    fn truncate(&mut self, n: usize) {
        self.rows.truncate(n);
    }
}

/// One row: an event, or a recurring series at its next date, by position in the catalogue.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Row {
    event: usize,
    series: Option<(String, Vec<usize>)>,
}

impl Row {
    fn of(cat: &Catalogue, entry: &ListEntry) -> Option<Row> {
        let series = match &entry.series {
            Some((id, dates)) => Some((
                (*id).to_owned(),
                dates
                    .iter()
                    .map(|d| cat.position(d))
                    .collect::<Option<_>>()?,
            )),
            None => None,
        };
        Some(Row {
            event: cat.position(entry.event)?,
            series,
        })
    }

    fn entry<'a>(&'a self, cat: &'a Catalogue) -> ListEntry<'a> {
        ListEntry {
            event: &cat.events[self.event],
            series: self
                .series
                .as_ref()
                .map(|(id, dates)| (id.as_str(), dates.iter().map(|&i| &cat.events[i]).collect())),
        }
    }
}

fn block_view(
    cat: &Catalogue,
    base: &BasePath,
    block: Block,
    selected: Option<&str>,
) -> impl IntoView {
    let entries: Vec<ListEntry> = block.rows.iter().map(|r| r.entry(cat)).collect();
    let markup = event_block(
        &block.heading,
        block.to_be_announced,
        &entries,
        block.lang,
        base,
        selected,
    );
    view! { <div class="list-block" inner_html=markup></div> }
}

/// The row (its `data-event-id`) that shows the event `id`: the event's own, or its series'.
fn row_showing(blocks: &[Block], cat: &Catalogue, id: &str) -> Option<String> {
    blocks
        .iter()
        .flat_map(|b| &b.rows)
        .map(|r| r.entry(cat))
        .find(|e| shows(e, id))
        .map(|e| e.id().to_owned())
}

/// The event a row selects when focused: its own, or its series' next date.
fn event_of_row(blocks: &[Block], cat: &Catalogue, row_id: &str) -> Option<String> {
    blocks
        .iter()
        .flat_map(|b| &b.rows)
        .map(|r| r.entry(cat))
        .find(|e| e.id() == row_id)
        .map(|e| first_event_id(&e).to_owned())
}

/// Moves the selected row's mark (class and `aria-current`) to the row `row_id`, or clears it.
fn mark_selected_row(root: &web_sys::Element, row_id: Option<&str>) {
    use wasm_bindgen::JsCast;
    let rows = |selector: &str| {
        let list = root.query_selector_all(selector).ok();
        (0..list.as_ref().map_or(0, |l| l.length()))
            .filter_map(move |i| list.as_ref()?.get(i)?.dyn_into::<web_sys::Element>().ok())
    };
    for el in rows(".event-row.selected") {
        let _ = el.class_list().remove_1("selected");
        let _ = el.remove_attribute("aria-current");
    }
    let Some(row_id) = row_id else { return };
    // Compared as attributes, not in a selector: ids from feeds need no CSS escaping this way.
    for el in rows(".event-row") {
        if el.get_attribute("data-event-id").as_deref() == Some(row_id) {
            let _ = el.class_list().add_1("selected");
            let _ = el.set_attribute("aria-current", "true");
        }
    }
}
