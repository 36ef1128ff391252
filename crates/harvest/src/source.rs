//! Where a feed's bytes come from: a file, or an http(s) URL.
//!
//! HTTP the way a polite scheduled client should: a connect limit of 10 s and a total limit
//! (60 s unless the harvest file says otherwise), gzip, a body-size cap, a User-Agent that names
//! the command and its operator, bounded retries with backoff for failures that may pass (network,
//! 5xx, 429), and conditional GET: each URL's ETag and Last-Modified are kept with its last body
//! in the state folder, and a `304 Not Modified` reuses that body. Requests are made one at a
//! time, so no host sees more than one at once.

use std::io::Read;
use std::path::PathBuf;
use std::time::Duration;

use serde_json::json;

/// Feeds bigger than this are refused (the app's own limit).
const MAX_BYTES: u64 = kulttuurikartta_core::feed::MAX_FEED_BYTES as u64;
/// Waits before the second and third attempts.
const BACKOFF: [Duration; 2] = [Duration::from_secs(1), Duration::from_secs(3)];
/// The total time limit of one request unless the harvest file sets `timeout_secs`.
pub const DEFAULT_TIMEOUT_SECS: u64 = 60;

/// How to fetch.
#[derive(Clone, Default)]
pub struct Fetcher {
    /// An e-mail address for the User-Agent, so a source's admin can reach the operator.
    pub contact: Option<String>,
    /// Total time limit of one request, seconds (0 means the default).
    pub timeout_secs: u64,
    /// Where bodies and their validators are kept for conditional GET (none: always fetch).
    pub cache: Option<PathBuf>,
}

/// What a read gave.
pub struct Fetched {
    pub bytes: Vec<u8>,
    /// The HTTP status of the last attempt (None for a file).
    pub status: Option<u16>,
    /// The server said nothing changed; `bytes` is the kept copy.
    pub not_modified: bool,
}

impl Fetcher {
    /// The bytes of a file path or an http(s) URL; Err says why not, in plain words.
    pub fn read(&self, source: &str) -> Result<Fetched, String> {
        if !(source.starts_with("http://") || source.starts_with("https://")) {
            return std::fs::read(source)
                .map(|bytes| Fetched {
                    bytes,
                    status: None,
                    not_modified: false,
                })
                .map_err(|e| format!("cannot read the file: {e}"));
        }
        let mut attempt = 0;
        loop {
            match self.fetch(source) {
                Err((_, true)) if attempt < BACKOFF.len() => {
                    std::thread::sleep(BACKOFF[attempt]);
                    attempt += 1;
                }
                Err((e, _)) => return Err(e),
                Ok(f) => return Ok(f),
            }
        }
    }

    /// One attempt; Err carries whether another attempt may help.
    fn fetch(&self, url: &str) -> Result<Fetched, (String, bool)> {
        let user_agent = format!(
            "kulttuurikartta-harvest/{}{}",
            env!("CARGO_PKG_VERSION"),
            self.contact
                .as_deref()
                .map(|c| format!(" (+mailto:{c})"))
                .unwrap_or_default()
        );
        let timeout = match self.timeout_secs {
            0 => DEFAULT_TIMEOUT_SECS,
            s => s,
        };
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_connect(Some(Duration::from_secs(10.min(timeout))))
            .timeout_global(Some(Duration::from_secs(timeout)))
            .user_agent(user_agent)
            .http_status_as_error(false)
            .build()
            .into();
        let kept = self.kept(url);
        let mut request = agent.get(url);
        if let Some((validators, _)) = &kept {
            if let Some(etag) = validators["etag"].as_str() {
                request = request.header("If-None-Match", etag);
            }
            if let Some(lm) = validators["last_modified"].as_str() {
                request = request.header("If-Modified-Since", lm);
            }
        }
        let mut response = request.call().map_err(|e| {
            let timed_out = matches!(e, ureq::Error::Timeout(_));
            let why = if timed_out {
                format!("no complete answer in {timeout} s")
            } else {
                format!("cannot fetch it: {e}")
            };
            (why, true)
        })?;
        let status = response.status().as_u16();
        if status == 304 {
            if let Some((_, body)) = kept {
                return Ok(Fetched {
                    bytes: body,
                    status: Some(304),
                    not_modified: true,
                });
            }
        }
        if !response.status().is_success() {
            return Err((
                format!("the server answered HTTP {status}"),
                status >= 500 || status == 429,
            ));
        }
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let validators =
            json!({ "etag": header("etag"), "last_modified": header("last-modified") });
        let mut bytes = Vec::new();
        response
            .body_mut()
            .as_reader()
            .take(MAX_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| (format!("the answer broke off: {e}"), true))?;
        self.keep(url, &validators, &bytes);
        Ok(Fetched {
            bytes,
            status: Some(status),
            not_modified: false,
        })
    }

    fn paths(&self, url: &str) -> Option<(PathBuf, PathBuf)> {
        let dir = self.cache.as_ref()?;
        let key = file_key(url);
        Some((
            dir.join(format!("{key}.http.json")),
            dir.join(format!("{key}.body")),
        ))
    }

    fn kept(&self, url: &str) -> Option<(serde_json::Value, Vec<u8>)> {
        let (meta, body) = self.paths(url)?;
        let validators = serde_json::from_slice(&std::fs::read(meta).ok()?).ok()?;
        Some((validators, std::fs::read(body).ok()?))
    }

    fn keep(&self, url: &str, validators: &serde_json::Value, bytes: &[u8]) {
        let has_validator = !validators["etag"].is_null() || !validators["last_modified"].is_null();
        if let (Some((meta, body)), true) = (self.paths(url), has_validator) {
            let _ = std::fs::create_dir_all(meta.parent().expect("in the state folder"));
            let _ = std::fs::write(body, bytes);
            let _ = std::fs::write(meta, validators.to_string());
        }
    }
}

/// A file name for a source or URL in the state folder: its name made safe for a file system,
/// plus a hash so that two that clean up to the same name do not share a file.
pub fn file_key(src: &str) -> String {
    let clean: String = src
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .take(80)
        .collect();
    let hash = src.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{clean}-{hash:016x}.json")
}
