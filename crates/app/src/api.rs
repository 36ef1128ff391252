//! Loading: config.json, then every feed it names, merged into one catalogue.
//! Parsing is `kulttuurikartta_core::feed`'s job; this module moves bytes, retries, and keeps the last good copy.
//!
//! The last good copy of each feed page lives in the Cache API rather than localStorage: feeds
//! run to megabytes (localStorage holds about 5 MB per origin, as UTF-16 strings, synchronously),
//! while the Cache API stores bodies as they came, asynchronously, within the browser's much
//! larger per-origin quota, and the kiosk's service worker can share the same cache.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use gloo_net::http::Request;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use kulttuurikartta_core::feed::{linked_events, parse_feed, Catalogue, FeedError, FeedPage, Json};
use kulttuurikartta_explore::config::{check_feed_override, Config, FeedOverrideRefused};
use kulttuurikartta_explore::i18n::Key;

/// A paginated feed is followed at most this far, so a feed whose `next` loops cannot hang us.
const MAX_PAGES: usize = 50;
/// A request taking longer than this is given up (and retried).
const TIMEOUT_MS: i32 = 15_000;
/// Waits before the second and third attempts.
const BACKOFF_MS: [i32; 2] = [700, 2_000];
const CACHE_NAME: &str = "kulttuurikartta-feeds-v1";
const FETCHED_AT_HEADER: &str = "x-kulttuurikartta-fetched-at";

/// Everything the app shows, once loaded.
#[derive(Debug)]
pub struct Loaded {
    pub config: Config,
    pub catalogue: Catalogue,
    /// Feeds that failed while others worked: shown as a notice, not as an error page.
    pub feed_errors: Vec<LoadError>,
    /// Feeds shown from the last good copy because the network failed, with its fetch time.
    pub stale: Vec<(String, DateTime<Utc>)>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    Http {
        url: String,
        status: u16,
    },
    Network {
        url: String,
        message: String,
    },
    Timeout {
        url: String,
    },
    Feed {
        url: String,
        error: FeedError,
    },
    Refused {
        param: String,
        reason: FeedOverrideRefused,
    },
}

impl LoadError {
    /// A translated one-line summary of what kind of failure this is.
    pub fn summary_key(&self) -> Key {
        match self {
            LoadError::Http { .. } => Key::ErrorHttp,
            LoadError::Network { .. } | LoadError::Timeout { .. } => Key::ErrorNetwork,
            LoadError::Feed {
                error: FeedError::Empty,
                ..
            } => Key::ErrorFeedEmpty,
            LoadError::Feed {
                error: FeedError::TooLarge { .. },
                ..
            } => Key::ErrorFeedTooLarge,
            LoadError::Feed {
                error: FeedError::NotJson { .. },
                ..
            } => Key::ErrorFeedNotJson,
            LoadError::Feed {
                error: FeedError::UnknownShape { .. },
                ..
            } => Key::ErrorFeedShape,
            LoadError::Refused { .. } => Key::ErrorFeedRefused,
        }
    }

    /// The technical detail a publisher needs (not translated: it quotes the server and parser).
    pub fn detail(&self) -> String {
        match self {
            LoadError::Http { url, status } => format!("{url}: HTTP {status}"),
            LoadError::Network { url, message } => format!("{url}: {message}"),
            LoadError::Timeout { url } => format!("{url}: no answer in {} s", TIMEOUT_MS / 1000),
            LoadError::Feed { url, error } => format!("{url}: {error}"),
            LoadError::Refused { param, reason } => match reason {
                FeedOverrideRefused::NotAUrl => format!("feed={param}: not an http(s) URL"),
                FeedOverrideRefused::ForeignOrigin(o) => {
                    format!("feed={param}: {o} is not among the allowed feed origins")
                }
            },
        }
    }

    /// Worth another try: the network or the server may recover; a bad document will not.
    fn is_transient(&self) -> bool {
        match self {
            LoadError::Network { .. } | LoadError::Timeout { .. } => true,
            LoadError::Http { status, .. } => *status >= 500 || *status == 429,
            _ => false,
        }
    }
}

fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = JsFuture::from(promise).await;
}

/// One GET with a timeout.
async fn fetch_once(url: &str) -> Result<Vec<u8>, LoadError> {
    let controller = web_sys::AbortController::new().ok();
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    let timer = controller.as_ref().and_then(|c| {
        let (c, flag) = (c.clone(), timed_out.clone());
        let abort = Closure::once_into_js(move || {
            flag.set(true);
            c.abort();
        });
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                abort.unchecked_ref(),
                TIMEOUT_MS,
            )
            .ok()
    });
    let signal = controller.as_ref().map(|c| c.signal());
    let result = async {
        let resp = Request::get(url)
            .abort_signal(signal.as_ref())
            .send()
            .await?;
        Ok::<_, gloo_net::Error>((resp.status(), resp.ok(), resp.binary().await?))
    }
    .await;
    if let Some(t) = timer {
        window().clear_timeout_with_handle(t);
    }
    match result {
        Ok((_, true, bytes)) => Ok(bytes),
        Ok((status, false, _)) => Err(LoadError::Http {
            url: url.to_owned(),
            status,
        }),
        Err(_) if timed_out.get() => Err(LoadError::Timeout {
            url: url.to_owned(),
        }),
        Err(e) => Err(LoadError::Network {
            url: url.to_owned(),
            message: e.to_string(),
        }),
    }
}

/// A GET retried with backoff while the failure looks transient.
async fn fetch_with_retry(url: &str) -> Result<Vec<u8>, LoadError> {
    let mut attempt = 0;
    loop {
        match fetch_once(url).await {
            Err(e) if e.is_transient() && attempt < BACKOFF_MS.len() => {
                sleep(BACKOFF_MS[attempt]).await;
                attempt += 1;
            }
            other => return other,
        }
    }
}

async fn open_cache() -> Option<web_sys::Cache> {
    let caches = window().caches().ok()?;
    JsFuture::from(caches.open(CACHE_NAME))
        .await
        .ok()?
        .dyn_into()
        .ok()
}

/// Keeps a copy of a feed page that parsed; quota errors only cost us the copy.
async fn remember(url: &str, bytes: &[u8]) {
    let Some(cache) = open_cache().await else {
        return;
    };
    let init = web_sys::ResponseInit::new();
    if let Ok(headers) = web_sys::Headers::new() {
        let _ = headers.set("content-type", "application/json");
        let _ = headers.set(FETCHED_AT_HEADER, &js_sys::Date::now().to_string());
        init.set_headers(&headers);
    }
    let mut body = bytes.to_vec();
    let Ok(resp) = web_sys::Response::new_with_opt_u8_array_and_init(Some(&mut body), &init) else {
        return;
    };
    if let Err(e) = JsFuture::from(cache.put_with_str(url, &resp)).await {
        web_sys::console::warn_2(
            &"Kulttuurikartta: could not keep a copy of the feed".into(),
            &e,
        );
    }
}

/// The last good copy of a feed page and when it was fetched.
async fn recall(url: &str) -> Option<(Vec<u8>, DateTime<Utc>)> {
    let cache = open_cache().await?;
    let hit = JsFuture::from(cache.match_with_str(url)).await.ok()?;
    let resp: web_sys::Response = hit.dyn_into().ok()?;
    let at = resp
        .headers()
        .get(FETCHED_AT_HEADER)
        .ok()??
        .parse::<f64>()
        .ok()?;
    let buf = JsFuture::from(resp.array_buffer().ok()?).await.ok()?;
    let bytes = js_sys::Uint8Array::new(&buf).to_vec();
    Some((bytes, DateTime::from_timestamp_millis(at as i64)?))
}

/// Optional extras (the map's boundary file): fetched with retries, `None` on any failure, which
/// the caller treats as "draw without it".
pub async fn fetch_optional(url: &str) -> Option<Vec<u8>> {
    fetch_with_retry(url)
        .await
        .inspect_err(|e| {
            web_sys::console::warn_1(&format!("Kulttuurikartta: {}", e.detail()).into())
        })
        .ok()
}

/// config.json. When the network fails (a kiosk offline) the last good copy is used, so the
/// kiosk keeps its own tiles and feeds; with neither, the defaults, which work out of the box.
pub async fn load_config() -> Config {
    let result = match fetch_with_retry("config.json").await {
        Ok(bytes) => {
            let parsed = Config::from_json(&bytes);
            if parsed.is_ok() {
                remember("config.json", &bytes).await;
            }
            parsed
        }
        Err(e) => match recall("config.json").await {
            Some((bytes, _)) => Config::from_json(&bytes),
            None => Err(e.detail()),
        },
    };
    result.unwrap_or_else(|e| {
        web_sys::console::warn_1(
            &format!("Kulttuurikartta: {e}; using the default configuration").into(),
        );
        Config::default()
    })
}

/// One feed, following `meta.next` pages and fetching referenced places once each.
/// Falls back page by page to the last good copy when the network fails.
async fn load_feed(
    url: &str,
    places: &mut HashMap<String, Option<Vec<u8>>>,
    stale: &mut Option<DateTime<Utc>>,
    progress: impl Fn(usize),
) -> Result<Vec<FeedPage>, LoadError> {
    let mut pages = Vec::new();
    let mut next = Some(url.to_owned());
    let mut seen = std::collections::HashSet::new();
    while let Some(u) = next.take() {
        if pages.len() >= MAX_PAGES || !seen.insert(u.clone()) {
            break;
        }
        let parse = |bytes: &[u8]| {
            parse_feed(bytes, url).map_err(|error| LoadError::Feed {
                url: u.clone(),
                error,
            })
        };
        let mut page = match fetch_with_retry(&u)
            .await
            .and_then(|bytes| Ok((parse(&bytes)?, bytes)))
        {
            Ok((page, bytes)) => {
                remember(&u, &bytes).await;
                page
            }
            Err(e) => match recall(&u)
                .await
                .and_then(|(b, at)| Some((parse(&b).ok()?, at)))
            {
                Some((page, at)) => {
                    let msg = format!(
                        "Kulttuurikartta: {}; showing the copy from {at}",
                        e.detail()
                    );
                    web_sys::console::warn_1(&msg.into());
                    *stale = Some(stale.map_or(at, |s| s.min(at)));
                    page
                }
                None => return Err(e),
            },
        };
        for (index, place_url) in std::mem::take(&mut page.unresolved_places) {
            if !places.contains_key(&place_url) {
                // A place that cannot be fetched leaves its events unmapped, not lost.
                places.insert(place_url.clone(), fetch_with_retry(&place_url).await.ok());
            }
            if let (Some(Some(bytes)), Some(ev)) =
                (places.get(&place_url), page.events.get_mut(index))
            {
                let arena = bumpalo::Bump::new();
                if let Ok(place) = Json::parse_in(bytes, &arena) {
                    linked_events::resolve_place(ev, &place);
                }
            }
        }
        next = page.next.clone();
        progress(page.events.len());
        pages.push(page);
    }
    Ok(pages)
}

/// The feeds to load: a checked `feed` URL parameter (for previews and embeds), else config's.
fn feed_urls(config: &Config) -> Result<Vec<String>, LoadError> {
    let location = window().location();
    let search = location.search().unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
    let wanted: Vec<String> = params
        .map(|p| {
            p.get_all("feed")
                .iter()
                .filter_map(|v| v.as_string())
                .collect()
        })
        .unwrap_or_default();
    if wanted.is_empty() {
        return Ok(config.feeds.clone());
    }
    let origin = location.origin().unwrap_or_default();
    wanted
        .into_iter()
        .map(|param| {
            check_feed_override(&param, &origin, &config.allowed_feed_origins)
                .map_err(|reason| LoadError::Refused { param, reason })
        })
        .collect()
}

/// The config and every feed it names. Fails only when no feed could be read at all.
/// `progress` is told how many events each page added, for the loading indicator.
pub async fn load_all(progress: impl Fn(usize)) -> Result<Arc<Loaded>, LoadError> {
    let config = load_config().await;
    let urls = feed_urls(&config)?;
    let mut pages = Vec::new();
    let mut feed_errors = Vec::new();
    let mut stale_feeds = Vec::new();
    let mut places = HashMap::new();
    for url in &urls {
        let mut stale = None;
        match load_feed(url, &mut places, &mut stale, &progress).await {
            Ok(p) => pages.extend(p),
            Err(e) => feed_errors.push(e),
        }
        if let Some(at) = stale {
            stale_feeds.push((url.clone(), at));
        }
    }
    if pages.is_empty() && !feed_errors.is_empty() {
        return Err(feed_errors.swap_remove(0));
    }
    Ok(Arc::new(Loaded {
        catalogue: Catalogue::from_pages(pages),
        config,
        feed_errors,
        stale: stale_feeds,
    }))
}

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
