//! The last good copy of each feed page and of config.json, in the Cache API.
//!
//! Not localStorage: feeds run to megabytes (localStorage holds about 5 MB per origin, as UTF-16
//! strings, synchronously), while the Cache API stores bodies as they came, asynchronously,
//! within the browser's much larger per-origin quota, and the kiosk's service worker can share
//! the same cache.

use chrono::{DateTime, Utc};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const CACHE_NAME: &str = "kulttuurikartta-feeds-v1";
const FETCHED_AT_HEADER: &str = "x-kulttuurikartta-fetched-at";

fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

async fn open_cache() -> Option<web_sys::Cache> {
    let caches = window().caches().ok()?;
    JsFuture::from(caches.open(CACHE_NAME))
        .await
        .ok()?
        .dyn_into()
        .ok()
}

/// Keeps a copy of a feed page that parsed, in the background and once the browser is idle:
/// writing a megabyte into the Cache API takes tens of milliseconds on a first visit (the browser
/// creates the store), which must not delay the next request or the first paint. `body` is the
/// response as the browser holds it (`fetch::Fetched::body`): copying the bytes back out of wasm
/// memory took 11-14 ms at 10 000 events. Quota errors only cost us the copy.
pub fn remember(url: &str, body: js_sys::Uint8Array) {
    let init = web_sys::ResponseInit::new();
    if let Ok(headers) = web_sys::Headers::new() {
        let _ = headers.set("content-type", "application/json");
        let _ = headers.set(FETCHED_AT_HEADER, &(js_sys::Date::now() as u64).to_string());
        init.set_headers(&headers);
    }
    let Ok(resp) = web_sys::Response::new_with_opt_buffer_source_and_init(Some(&body), &init)
    else {
        return;
    };
    let url = url.to_owned();
    // When idle: `Cache.put` costs the main thread about 10 ms on a first visit, which belongs
    // after the first paint, not inside it.
    crate::dom::when_idle(move || {
        wasm_bindgen_futures::spawn_local(async move {
            let Some(cache) = open_cache().await else {
                return;
            };
            if let Err(e) = JsFuture::from(cache.put_with_str(&url, &resp)).await {
                web_sys::console::warn_2(
                    &"Kulttuurikartta: could not keep a copy of the feed".into(),
                    &e,
                );
            }
        })
    });
}

/// The last good copy of a feed page and when it was fetched.
pub async fn recall(url: &str) -> Option<(Vec<u8>, DateTime<Utc>)> {
    let cache = open_cache().await?;
    let hit = JsFuture::from(cache.match_with_str(url)).await.ok()?;
    let resp: web_sys::Response = hit.dyn_into().ok()?;
    let at = resp
        .headers()
        .get(FETCHED_AT_HEADER)
        .ok()??
        // Whole milliseconds, as `remember` writes them (not f64: its reader is 14 kB of wasm).
        .parse::<i64>()
        .ok()?;
    let buf = JsFuture::from(resp.array_buffer().ok()?).await.ok()?;
    let bytes = js_sys::Uint8Array::new(&buf).to_vec();
    Some((bytes, DateTime::from_timestamp_millis(at)?))
}
