//! Loading: config.json, then every feed it names, merged into one catalogue.
//! Parsing is `crate::feed`'s job; this module only moves bytes and reports failures.

use std::sync::Arc;

use gloo_net::http::Request;

use crate::config::Config;
use crate::feed::{parse_feed, Catalogue, FeedError, FeedPage};
use crate::i18n::Key;

/// A paginated feed is followed at most this far, so a feed whose `next` loops cannot hang us.
const MAX_PAGES: usize = 50;

/// Everything the app shows, once loaded.
#[derive(Debug)]
pub struct Loaded {
    pub config: Config,
    pub catalogue: Catalogue,
    /// Feeds that failed while others worked: shown as a notice, not as an error page.
    pub feed_errors: Vec<LoadError>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    Http { url: String, status: u16 },
    Network { url: String, message: String },
    Feed { url: String, error: FeedError },
}

impl LoadError {
    /// A translated one-line summary of what kind of failure this is.
    pub fn summary_key(&self) -> Key {
        match self {
            LoadError::Http { .. } => Key::ErrorHttp,
            LoadError::Network { .. } => Key::ErrorNetwork,
            LoadError::Feed { .. } => Key::ErrorInvalidFeed,
        }
    }

    /// The technical detail a publisher needs (not translated: it quotes the server and parser).
    pub fn detail(&self) -> String {
        match self {
            LoadError::Http { url, status } => format!("{url}: HTTP {status}"),
            LoadError::Network { url, message } => format!("{url}: {message}"),
            LoadError::Feed { url, error } => format!("{url}: {error}"),
        }
    }
}

async fn fetch_bytes(url: &str) -> Result<Vec<u8>, LoadError> {
    let network = |e: gloo_net::Error| LoadError::Network {
        url: url.to_owned(),
        message: e.to_string(),
    };
    let resp = Request::get(url).send().await.map_err(network)?;
    if !resp.ok() {
        return Err(LoadError::Http {
            url: url.to_owned(),
            status: resp.status(),
        });
    }
    resp.binary().await.map_err(network)
}

/// config.json; a missing or unreadable one falls back to the defaults, which work out of the box.
pub async fn load_config() -> Config {
    match fetch_bytes("config.json").await {
        Ok(bytes) => Config::from_json(&bytes).unwrap_or_else(|e| {
            web_sys::console::warn_1(&format!("{e}; using defaults").into());
            Config::default()
        }),
        Err(e) => {
            web_sys::console::warn_1(&format!("{}; using defaults", e.detail()).into());
            Config::default()
        }
    }
}

/// One feed, following `meta.next` pages.
pub async fn load_feed(url: &str) -> Result<Vec<FeedPage>, LoadError> {
    let mut pages = Vec::new();
    let mut next = Some(url.to_owned());
    let mut seen = std::collections::HashSet::new();
    while let Some(u) = next.take() {
        if pages.len() >= MAX_PAGES || !seen.insert(u.clone()) {
            break;
        }
        let bytes = fetch_bytes(&u).await?;
        let page = parse_feed(&bytes, url).map_err(|error| LoadError::Feed {
            url: u.clone(),
            error,
        })?;
        next = page.next.clone();
        pages.push(page);
    }
    Ok(pages)
}

/// The config and every feed it names. Fails only when no feed could be read at all.
pub async fn load_all() -> Result<Arc<Loaded>, LoadError> {
    let config = load_config().await;
    let mut pages = Vec::new();
    let mut feed_errors = Vec::new();
    for url in &config.feeds {
        match load_feed(url).await {
            Ok(p) => pages.extend(p),
            Err(e) => feed_errors.push(e),
        }
    }
    if pages.is_empty() && !feed_errors.is_empty() {
        return Err(feed_errors.swap_remove(0));
    }
    Ok(Arc::new(Loaded {
        catalogue: Catalogue::from_pages(pages),
        config,
        feed_errors,
    }))
}
