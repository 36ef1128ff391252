//! Entry points for the browser benchmarks (`tests/bench/`): they time the app's own code on
//! data already in memory, without the UI.

use wasm_bindgen::JsValue;

thread_local! {
    /// The page the last benchmark read, kept as the app keeps its events: freeing them is
    /// not part of reading a feed, so a benchmark frees them outside its timing.
    static BENCHMARK_PAGE: std::cell::RefCell<Option<kulttuurikartta_core::feed::FeedPage>> =
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
    Ok(n)
}

/// Frees what `benchmark_parse_feed` read.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn benchmark_release() {
    BENCHMARK_PAGE.with(|p| p.borrow_mut().take());
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
