//! `run --source <FILE|URL>… --out DIR`: every source read, merged and written as one feed.
//!
//! Nothing is lost when a source fails: each source's last good events are kept in
//! `DIR/.state/`, and a source that fails, or suddenly gives less than half of what it gave last
//! time (a broken CMS), is shown from that copy and marked in the report. `--accept-drop` accepts
//! such a drop.
//!
//! Writes `DIR/feed.json` (Linked Events, sorted by id, see `core::feed::linked_events_out`),
//! `DIR/report.json` and `DIR/report.html` (the same for a person, `report_html`). Merging keeps the first copy of an event reached twice (same id, or the
//! same title, start and place), so list the most authoritative source first.

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{DateTime, Utc};
use kulttuurikartta_core::feed::linked_events_out::write_feed;
use kulttuurikartta_core::feed::validate;
use kulttuurikartta_core::feed::{parse_feed, Catalogue, FeedPage};

use crate::formats;
use kulttuurikartta_explore::config::may_follow;
use serde_json::{json, Value};

use crate::source;

/// A paginated source is followed at most this far.
const MAX_PAGES: usize = 50;

pub struct Options {
    pub sources: Vec<Source>,
    pub out: PathBuf,
    /// How far ahead recurring iCalendar events are expanded.
    pub horizon_days: i64,
    /// How sources are fetched (User-Agent contact, time limit); `run` adds the state folder.
    pub fetcher: source::Fetcher,
    /// The language of report.html: fi, sv or en.
    pub report_lang: String,
}

/// One source to harvest.
pub struct Source {
    /// A file path or an http(s) URL.
    pub location: String,
    /// Prefixes ids the source does not give (iCalendar, CSV) and names it in the report.
    pub name: String,
    /// One of `formats::FORMATS`, or None to detect it from the content.
    pub format: Option<String>,
    /// Accept a drop to under half of the previous run's events.
    pub accept_drop: bool,
}

/// What became of one source in this run.
struct Outcome {
    source: String,
    pages: Vec<FeedPage>,
    report: Value,
}

/// Runs the harvest. Returns the exit status: 0 when feed.json was written (even if some
/// sources failed: the report says which), 1 when nothing could be written.
pub fn run(opts: &Options, now: DateTime<Utc>, log: &mut impl std::io::Write) -> u8 {
    let state = opts.out.join(".state");
    if let Err(e) = std::fs::create_dir_all(&state) {
        let _ = writeln!(log, "cannot create {}: {e}", state.display());
        return 1;
    }
    let outcomes: Vec<Outcome> = opts
        .sources
        .iter()
        .map(|s| harvest_one(s, &state, opts, now))
        .collect();
    let shown: usize = outcomes
        .iter()
        .map(|o| o.pages.iter().map(|p| p.events.len()).sum::<usize>())
        .sum();
    let reports: Vec<Value> = outcomes.iter().map(|o| o.report.clone()).collect();
    for o in &outcomes {
        let _ = writeln!(log, "{}: {}", o.source, summary(&o.report));
    }
    if shown == 0 && outcomes.iter().all(|o| o.report["error"].is_string()) {
        let _ = writeln!(
            log,
            "no source could be read and none has a last good copy: nothing written"
        );
        return 1;
    }
    let catalogue = Catalogue::from_pages(outcomes.into_iter().flat_map(|o| o.pages));
    let feed = write_feed(&catalogue.events.iter().collect::<Vec<_>>());
    let report = json!({
        "generated": now.to_rfc3339(),
        "events": catalogue.events.len(),
        "sources": reports,
    });
    let written = write_atomically(&opts.out.join("feed.json"), feed.as_bytes())
        .and_then(|()| {
            let text = serde_json::to_string_pretty(&report).expect("JSON values serialise") + "\n";
            write_atomically(&opts.out.join("report.json"), text.as_bytes())
        })
        .and_then(|()| {
            let html = crate::report_html::render(&report, &opts.report_lang);
            write_atomically(&opts.out.join("report.html"), html.as_bytes())
        });
    match written {
        Ok(()) => {
            let _ = writeln!(
                log,
                "wrote {} events to {}",
                catalogue.events.len(),
                opts.out.join("feed.json").display()
            );
            0
        }
        Err(e) => {
            let _ = writeln!(log, "cannot write into {}: {e}", opts.out.display());
            1
        }
    }
}

fn summary(r: &Value) -> String {
    let mut s = format!("{} events", r["events"]);
    if let Some(e) = r["error"].as_str() {
        s += &format!(", failed: {e}");
    }
    if r["used_last_good"] == json!(true) {
        s += ", showing the last good copy";
    }
    if r["held_back"] == json!(true) {
        s += ", held back";
    }
    s
}

/// One source: its pages now, or its last good copy when it fails or drops too much.
fn harvest_one(source: &Source, state: &Path, opts: &Options, now: DateTime<Utc>) -> Outcome {
    let started = Instant::now();
    let src = source.location.as_str();
    let cx = formats::Context {
        source_name: &source.name,
        now,
        horizon_days: opts.horizon_days,
    };
    let mut format = "unknown";
    let fetcher = source::Fetcher {
        cache: Some(state.join("http")),
        ..opts.fetcher.clone()
    };
    let mut http = HttpNote::default();
    let fetched = read_pages(
        src,
        source.format.as_deref(),
        &fetcher,
        cx,
        &mut format,
        &mut http,
    );
    let last_good = state.join(source::file_key(src));
    let previous = std::fs::read(&last_good)
        .ok()
        .and_then(|b| parse_feed(&b, src).ok());
    let previous_count = previous.as_ref().map(|p| p.events.len());
    let (pages, error, used_last_good, held_back) = match fetched {
        Ok(pages) => {
            let count: usize = pages.iter().map(|p| p.events.len()).sum();
            let dropped = previous_count.is_some_and(|before| count * 2 < before);
            match previous {
                Some(prev) if dropped && !source.accept_drop => (vec![prev], None, true, true),
                _ => {
                    let events: Vec<_> = pages.iter().flat_map(|p| &p.events).collect();
                    let _ = write_atomically(&last_good, write_feed(&events).as_bytes());
                    (pages, None, false, false)
                }
            }
        }
        Err(e) => match previous {
            Some(prev) => (vec![prev], Some(e), true, false),
            None => (Vec::new(), Some(e), false, false),
        },
    };
    let (mut errors, mut warnings, mut findings) = (0, 0, Vec::new());
    for page in &pages {
        let r = validate::check(page, now);
        errors += r.errors();
        warnings += r.warnings();
        findings.extend(r.findings.into_iter().map(|f| {
            json!({
                "severity": match f.severity { validate::Severity::Error => "error", validate::Severity::Warning => "warning" },
                "path": f.path, "id": f.event_id, "message": f.message,
            })
        }));
    }
    let report = json!({
        "name": source.name,
        "source": src,
        "format": format,
        "http_status": http.status,
        "not_modified": http.not_modified,
        "events": pages.iter().map(|p| p.events.len()).sum::<usize>(),
        "previous_events": previous_count,
        "errors": errors,
        "warnings": warnings,
        "error": error,
        "used_last_good": used_last_good,
        "held_back": held_back,
        "duration_ms": started.elapsed().as_millis() as u64,
        "findings": findings,
    });
    Outcome {
        source: source.name.clone(),
        pages,
        report,
    }
}

/// Every page of a source: `meta.next` followed on the same origin only, up to MAX_PAGES.
/// What HTTP said about a source's first page, for the report.
#[derive(Default)]
struct HttpNote {
    status: Option<u16>,
    not_modified: bool,
}

fn read_pages(
    src: &str,
    given_format: Option<&str>,
    fetcher: &source::Fetcher,
    cx: formats::Context,
    format: &mut &'static str,
    http: &mut HttpNote,
) -> Result<Vec<FeedPage>, String> {
    let mut pages = Vec::new();
    let mut next = Some(src.to_owned());
    while let Some(url) = next.take() {
        let page = fetcher
            .read(&url)
            .and_then(|f| {
                if pages.is_empty() {
                    *http = HttpNote {
                        status: f.status,
                        not_modified: f.not_modified,
                    };
                }
                *format = formats::detect(&f.bytes);
                formats::read(&f.bytes, src, given_format, cx)
            })
            .map_err(|e| {
                if pages.is_empty() {
                    e
                } else {
                    format!("page {}: {e}", pages.len() + 1)
                }
            })?;
        next = page.next.clone().filter(|n| {
            pages.len() + 1 < MAX_PAGES
                && url.contains("://")
                && may_follow(&url, n, &url, &[]).is_ok()
        });
        pages.push(page);
    }
    Ok(pages)
}

/// Written beside the target and renamed over it, so a reader (the web server) never sees half
/// a file.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}
