//! Loading: config.json, then every feed it names, merged into one catalogue. Parsing is
//! `kulttuurikartta_core::feed`'s job; this module moves bytes (`fetch`), keeps the last good
//! copy (`cache`) and says what failed (`error`).

mod cache;
mod error;
mod fetch;

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use cache::{recall, remember};
pub use error::{Followed, LoadError};
pub use fetch::fetch_optional;
use fetch::{fetch_with_retry, take_early_config, Timeout, DEFAULT_TIMEOUT};
use futures::future::join_all;
use kulttuurikartta_core::feed::{linked_events, parse_feed, Catalogue, FeedError, FeedPage};
use kulttuurikartta_explore::config::{check_feed_override, may_follow, Config};

/// A paginated feed is followed at most this far, so a feed whose `next` loops cannot hang us.
const MAX_PAGES: usize = 50;

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

/// config.json, as boot.js already read it on a first load. When the network fails (a kiosk
/// offline) the last good copy is used, so the kiosk keeps its own tiles and feeds; with
/// neither, the defaults, which work out of the box.
pub async fn load_config() -> Config {
    let fetched = match take_early_config().await {
        Some(body) => Ok(body),
        None => fetch_with_retry("config.json", DEFAULT_TIMEOUT)
            .await
            .map(|f| f.body),
    };
    let result = match fetched {
        Ok(body) => {
            let parsed = Config::from_json(&body.to_vec());
            if parsed.is_ok() {
                remember("config.json", body);
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

/// What one feed gave: the pages that arrived (fresh or from the last good copy), what failed on
/// the way, and the fetch time of the oldest saved copy used.
#[derive(Default)]
struct FeedResult {
    pages: Vec<FeedPage>,
    errors: Vec<LoadError>,
    stale: Option<DateTime<Utc>>,
}

/// One page of a feed: fresh, or the last good copy when the network or the document fails.
async fn load_page(
    url: &str,
    source: &str,
    timeout: Timeout,
    stale: &mut Option<DateTime<Utc>>,
) -> Result<FeedPage, LoadError> {
    let parse = |bytes: &[u8]| {
        parse_feed(bytes, source).map_err(|error| LoadError::Feed {
            url: url.to_owned(),
            error,
        })
    };
    let failed = match fetch_with_retry(url, timeout).await.and_then(|f| {
        // Benchmark marks (`dom::mark`): tests/bench/first-visit.mjs times the phases between them.
        crate::dom::mark("kk:load:fetched");
        let page = parse(&f.bytes).map_err(|e| match e {
            // Not JSON, and the server said it is a web page: a login page, a captive portal
            // or a wrong address, which deserves its own message.
            LoadError::Feed {
                error: FeedError::NotJson { .. },
                ..
            } if f.content_type.starts_with("text/html") => LoadError::NotAFeed {
                url: url.to_owned(),
                content_type: f.content_type.clone(),
            },
            e => e,
        })?;
        Ok((page, f.body))
    }) {
        Ok((page, body)) => {
            crate::dom::mark("kk:load:parsed");
            remember(url, body);
            return Ok(page);
        }
        Err(e) => e,
    };
    match recall(url)
        .await
        .and_then(|(b, at)| Some((parse(&b).ok()?, at)))
    {
        Some((page, at)) => {
            let msg = format!(
                "Kulttuurikartta: {}; showing the copy from {at}",
                failed.detail()
            );
            web_sys::console::warn_1(&msg.into());
            *stale = Some(stale.map_or(at, |s| s.min(at)));
            Ok(page)
        }
        None => Err(failed),
    }
}

/// One feed, following `meta.next` pages and fetching referenced places once each, only to the
/// page's own origin or an allowed one. A page that fails (with no saved copy) costs that page
/// and the ones after it, not the pages already read.
async fn load_feed(
    url: &str,
    config: &Config,
    app_origin: &str,
    progress: &impl Fn(usize),
) -> FeedResult {
    let mut result = FeedResult::default();
    let timeout = Timeout(config.feed_timeout_secs);
    let mut places: HashMap<String, Option<Vec<u8>>> = HashMap::new();
    let mut next = Some(url.to_owned());
    let mut seen = std::collections::HashSet::new();
    while let Some(u) = next.take() {
        if result.pages.len() >= MAX_PAGES || !seen.insert(u.clone()) {
            break;
        }
        let mut page = match load_page(&u, url, timeout, &mut result.stale).await {
            Ok(page) => page,
            Err(error) if result.pages.is_empty() => {
                result.errors.push(error);
                break;
            }
            Err(error) => {
                let first = &result.pages[0];
                let per_page = first.events.len() + first.problems.len();
                result.errors.push(LoadError::MissingPage {
                    number: result.pages.len() + 1,
                    of: first
                        .total
                        .filter(|_| per_page > 0)
                        .map(|t| t.div_ceil(per_page)),
                    error: Box::new(error),
                });
                break;
            }
        };
        for (index, place_url) in std::mem::take(&mut page.unresolved_places) {
            if !places.contains_key(&place_url) {
                let bytes =
                    match may_follow(&u, &place_url, app_origin, &config.allowed_feed_origins) {
                        // A place that cannot be fetched leaves its events unmapped, not lost.
                        Ok(()) => fetch_with_retry(&place_url, timeout)
                            .await
                            .ok()
                            .map(|f| f.bytes),
                        Err(origin) => {
                            result.errors.push(LoadError::NotFollowed {
                                from: u.clone(),
                                to: place_url.clone(),
                                origin,
                                what: Followed::Place,
                            });
                            None
                        }
                    };
                places.insert(place_url.clone(), bytes);
            }
            if let (Some(Some(bytes)), Some(ev)) =
                (places.get(&place_url), page.events.get_mut(index))
            {
                linked_events::resolve_place_bytes(ev, bytes);
            }
        }
        next = match page.next.take() {
            Some(n) => match may_follow(&u, &n, app_origin, &config.allowed_feed_origins) {
                Ok(()) => Some(n),
                Err(origin) => {
                    result.errors.push(LoadError::NotFollowed {
                        from: u.clone(),
                        to: n,
                        origin,
                        what: Followed::NextPage,
                    });
                    None
                }
            },
            None => None,
        };
        progress(page.events.len());
        result.pages.push(page);
    }
    result
}

/// The feeds to load: checked `feed` URL parameters (for previews and embeds), else config's.
fn feed_urls(config: &Config) -> Result<Vec<String>, LoadError> {
    let (path, search) = crate::dom::location_path_and_search().unwrap_or_default();
    let wanted = crate::dom::read_url(&path, &search).feeds;
    if wanted.is_empty() {
        return Ok(config.feeds.clone());
    }
    let origin = crate::dom::app_origin();
    wanted
        .into_iter()
        .map(|param| {
            check_feed_override(&param, &origin, &config.allowed_feed_origins)
                .map_err(|reason| LoadError::Refused { param, reason })
        })
        .collect()
}

/// The config and every feed it names, fetched concurrently and merged in config.json's order,
/// so the same inputs always give the same list. Fails only when no feed could be read at all.
/// `progress` is told how many events each page added, for the loading indicator.
pub async fn load_all(progress: impl Fn(usize)) -> Result<Arc<Loaded>, LoadError> {
    let config = load_config().await;
    let urls = feed_urls(&config)?;
    let app_origin = crate::dom::app_origin();
    let results = join_all(
        urls.iter()
            .map(|url| load_feed(url, &config, &app_origin, &progress)),
    )
    .await;
    let mut pages = Vec::new();
    let mut feed_errors = Vec::new();
    let mut stale_feeds = Vec::new();
    for (url, result) in urls.iter().zip(results) {
        pages.extend(result.pages);
        feed_errors.extend(result.errors);
        if let Some(at) = result.stale {
            stale_feeds.push((url.clone(), at));
        }
    }
    if pages.is_empty() && !feed_errors.is_empty() {
        return Err(feed_errors.swap_remove(0));
    }
    crate::dom::mark("kk:load:read");
    let catalogue = Catalogue::from_pages(pages);
    crate::dom::mark("kk:load:merged");
    Ok(Arc::new(Loaded {
        catalogue,
        config,
        feed_errors,
        stale: stale_feeds,
    }))
}
