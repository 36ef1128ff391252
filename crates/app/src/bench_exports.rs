//! Entry points for the browser benchmarks (`tests/bench/`): they time the app's own code on
//! data already in memory, without the UI.

use wasm_bindgen::JsValue;

thread_local! {
    /// The page the last benchmark read, kept as the app keeps its events: freeing them is
    /// not part of reading a feed, so a benchmark frees them outside its timing.
    static BENCHMARK_PAGE: std::cell::RefCell<Option<kulttuurikartta_core::feed::FeedPage>> =
        const { std::cell::RefCell::new(None) };
    /// The page's `EventFacts`, which /stats works out once per catalogue as well.
    #[cfg(feature = "tools")]
    static BENCHMARK_FACTS: std::cell::RefCell<Option<kulttuurikartta_explore::query::facts::EventFacts>> =
        const { std::cell::RefCell::new(None) };
}

/// Lets browser benchmarks time parsing and normalising alone, on bytes already in memory.
/// Returns the number of events read; call `benchmark_release` before the next run.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn benchmark_parse_feed(bytes: &[u8]) -> Result<usize, JsValue> {
    let page = kulttuurikartta_core::feed::parse_feed(bytes, "benchmark")
        .map_err(|e| JsValue::from_str(&e.to_string()))?;
    let n = page.events.len();
    BENCHMARK_PAGE.with(|p| *p.borrow_mut() = Some(page));
    #[cfg(feature = "tools")]
    BENCHMARK_FACTS.with(|f| f.borrow_mut().take());
    Ok(n)
}

/// Frees what `benchmark_parse_feed` read.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn benchmark_release() {
    BENCHMARK_PAGE.with(|p| p.borrow_mut().take());
    #[cfg(feature = "tools")]
    BENCHMARK_FACTS.with(|f| f.borrow_mut().take());
}

/// Lets browser benchmarks time building the map's cluster index for `lat_lon` (pairs of
/// latitude, longitude) and one query of the clusters in a region-wide view.
/// Returns the number of clusters in that view.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn benchmark_cluster_index(lat_lon: &[f64]) -> usize {
    use kulttuurikartta_geo::{
        cluster::ClusterIndex,
        projection::{project, Point},
    };
    let points: Vec<Point> = lat_lon
        .chunks_exact(2)
        .map(|c| project(c[0], c[1]))
        .collect();
    let index = std::sync::Arc::new(ClusterIndex::new(&points, &[], 44.0, 4, 16));
    index
        .select_all()
        .clusters_in(6.5, Point { x: 0.0, y: 0.0 }, Point { x: 1.0, y: 1.0 })
        .count()
}

/// Lets browser benchmarks time what `/stats` does after a filter change, on the events
/// `benchmark_parse_feed` read: the explorer's evaluation with the window from `from` to `to`
/// (`YYYY-MM-DD`), the count, and the three tables. `free_only` is the filter that changes.
/// Returns the number of events counted. In the tools build only, with the page it times.
#[cfg(feature = "tools")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn benchmark_stats_recount(from: &str, to: &str, free_only: bool) -> Result<u32, JsValue> {
    use kulttuurikartta_explore::i18n::Lang;
    use kulttuurikartta_explore::query::facts::EventFacts;
    use kulttuurikartta_explore::query::{filter::evaluate_with, Query, Window};
    use kulttuurikartta_explore::stats::{count, population::Population, table};
    let day = |s: &str| {
        kulttuurikartta_core::time::text::parse_date(s)
            .ok_or_else(|| JsValue::from_str(&format!("{s:?} is not a date (YYYY-MM-DD)")))
    };
    let window = Window::days(day(from)?, day(to)?);
    let q = Query {
        window: Some(window),
        free_only,
        ..Query::default()
    };
    let population = Population::bundled();
    BENCHMARK_PAGE.with(|p| {
        let page = p.borrow();
        let events = &page
            .as_ref()
            .ok_or("call benchmark_parse_feed first")?
            .events;
        let outcome = BENCHMARK_FACTS.with(|f| {
            let mut f = f.borrow_mut();
            let facts = f.get_or_insert_with(|| EventFacts::new(events));
            evaluate_with(events, facts, None, &q, crate::dom::now())
        });
        let stats = count(events, &outcome, &window);
        let tables = [
            table::municipalities(&stats, Some(&population), &[], Lang::Fi),
            table::periods(&stats, Lang::Fi),
            table::categories(&stats, Lang::Fi),
        ];
        std::hint::black_box(&tables);
        Ok(stats.total().events)
    })
}
