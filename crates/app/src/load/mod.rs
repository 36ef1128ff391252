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
pub use error::LoadError;
pub use fetch::fetch_optional;
use fetch::fetch_with_retry;
use kulttuurikartta_core::feed::{linked_events, parse_feed, Catalogue, FeedPage};
use kulttuurikartta_explore::config::{check_feed_override, Config};

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
                linked_events::resolve_place_bytes(ev, bytes);
            }
        }
        next = page.next.clone();
        progress(page.events.len());
        pages.push(page);
    }
    Ok(pages)
}

/// The feeds to load: checked `feed` URL parameters (for previews and embeds), else config's.
fn feed_urls(config: &Config) -> Result<Vec<String>, LoadError> {
    let (path, search) = crate::dom::location_path_and_search().unwrap_or_default();
    let wanted = crate::dom::read_url(&path, &search).feeds;
    if wanted.is_empty() {
        return Ok(config.feeds.clone());
    }
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
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
