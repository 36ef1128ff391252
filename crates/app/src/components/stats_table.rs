//! One table of the statistics (`kulttuurikartta_explore::stats::table`), as HTML with sortable
//! columns and a CSV download of the very same cells. The tables are the twins of the chart and
//! the map: screen-reader users and anyone pasting into a report use these.

use leptos::prelude::*;

use crate::dom;
use crate::state::use_lang;
use kulttuurikartta_explore::i18n::{Key, Translate};
use kulttuurikartta_explore::stats::table::{RowKey, Table};

#[component]
pub fn StatsTable(
    table: Memo<Table>,
    /// The table's `data-testid`, and its CSV button's.
    testid: &'static str,
    csv_testid: &'static str,
    caption: Signal<String>,
    /// The CSV file's name, without ".csv".
    file_name: Signal<String>,
    /// Whether the rows (not the totals) can be sorted by a column.
    #[prop(optional)]
    sortable: bool,
) -> impl IntoView {
    let lang = use_lang();
    let t = move |k: Key| lang.get().t(k);
    // (column, descending); None keeps the table's own order.
    let sort = RwSignal::new(None::<(usize, bool)>);
    let shown = Memo::new(move |_| {
        let mut tb = table.get();
        if let Some((c, desc)) = sort.get() {
            tb.sort_by(c, desc);
        }
        tb
    });
    let csv = move |_| {
        let l = lang.get_untracked();
        let text = shown.with_untracked(|tb| tb.to_csv(l));
        dom::download(
            &format!("{}.csv", file_name.get_untracked()),
            "text/csv;charset=utf-8",
            &text,
        );
    };
    let header = move || {
        let columns = shown.with(|tb| tb.columns.clone());
        columns
            .into_iter()
            .enumerate()
            .map(|(i, title)| {
                let aria_sort = move || match sort.get() {
                    Some((c, true)) if c == i => Some("descending"),
                    Some((c, false)) if c == i => Some("ascending"),
                    _ => None,
                };
                let numeric = i > 0;
                let content = if sortable {
                    // Numbers sort largest first on the first press, names A to Ö.
                    let press = move |_| {
                        sort.update(|s| {
                            *s = Some(match *s {
                                Some((c, d)) if c == i => (i, !d),
                                _ => (i, numeric),
                            })
                        })
                    };
                    view! {
                        <button type="button" class="sort-button" on:click=press
                            title=move || t(Key::SortBy)>{title}</button>
                    }
                    .into_any()
                } else {
                    title.into_any()
                };
                view! { <th scope="col" class:num=numeric aria-sort=aria_sort>{content}</th> }
            })
            .collect_view()
    };
    let body = move || {
        let l = lang.get();
        shown.with(|tb| {
            tb.rows
                .iter()
                .map(|r| {
                    let (municipality, month, week) = match &r.key {
                        RowKey::Municipality(code) => (Some(*code), None, None),
                        RowKey::Period(k) if k.contains('W') => (None, None, Some(k.clone())),
                        RowKey::Period(k) => (None, Some(k.clone()), None),
                        _ => (None, None, None),
                    };
                    let category = match &r.key {
                        RowKey::Category(slug) => Some(*slug),
                        _ => None,
                    };
                    let kind = match &r.key {
                        RowKey::Online => Some("online"),
                        RowKey::Outside => Some("outside"),
                        RowKey::Subtotal => Some("total"),
                        RowKey::Uncategorised => Some("uncategorised"),
                        _ => None,
                    };
                    let mut cells = r.cells.iter().map(|c| c.show(l));
                    let head = cells.next().unwrap_or_default();
                    view! {
                        <tr class:total=r.total data-row=kind data-municipality=municipality data-month=month data-week=week
                            data-category=category data-count=r.count
                            data-per-1000=r.per_1000.map(|x| format!("{x:.3}")) data-free=r.free>
                            <th scope="row">{head}</th>
                            {cells.map(|c| view! { <td class="num">{c}</td> }).collect_view()}
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        // A wide table scrolls sideways on a phone: the scroll area must be reachable by keyboard.
        <div class="stats-table-wrap" tabindex="0" role="region" aria-label=move || caption.get()>
            <table class="stats-table" data-testid=testid>
                <caption>{move || caption.get()}</caption>
                <thead><tr>{header}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
        <p class="stats-actions no-print">
            <button type="button" class="button-secondary" data-testid=csv_testid on:click=csv>
                {move || t(Key::StatsCsv)} <span class="visually-hidden">": " {move || caption.get()}</span>
            </button>
        </p>
    }
}
