//! The harvest file (`harvest.toml`): every source of a region in one place, so the schedule
//! runs one command. `examples/harvest.toml` is a working example.
//!
//! ```toml
//! contact = "kulttuuri@example.fi"   # in the User-Agent, so source admins can reach you
//! out = "harvest"                    # where feed.json goes (--out overrides), relative to this file
//! horizon_days = 400                 # how far ahead repeating iCalendar events are expanded
//! timeout_secs = 60                  # total time limit of one request
//!
//! [[source]]
//! name = "kuhmo-library"             # prefixes ids the source does not give; names it in the report
//! url = "https://…/events.ics"       # or a file path, relative to this file
//! format = "icalendar"               # json | icalendar | csv; detected from the content when left out
//! accept_drop = false                # accept a drop to under half of the previous run's events
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::formats::{self, FORMATS};
use crate::run::{Options, Source};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    contact: Option<String>,
    timeout_secs: Option<u64>,
    out: Option<PathBuf>,
    horizon_days: Option<i64>,
    #[serde(rename = "source", default)]
    sources: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    name: Option<String>,
    url: String,
    format: Option<String>,
    #[serde(default)]
    accept_drop: bool,
}

/// Reads a harvest file into run options. `out` from the command line wins over the file's.
pub fn load(path: &Path, out: Option<PathBuf>, horizon_days: i64) -> Result<Options, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let file: File = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let base = path.parent().unwrap_or(Path::new("."));
    let resolve = |p: &str| -> String {
        if p.contains("://") || Path::new(p).is_absolute() {
            p.to_owned()
        } else {
            base.join(p).to_string_lossy().into_owned()
        }
    };
    if file.sources.is_empty() {
        return Err(format!("{}: no [[source]]", path.display()));
    }
    let mut sources = Vec::new();
    for (i, e) in file.sources.into_iter().enumerate() {
        if let Some(f) = &e.format {
            if !FORMATS.contains(&f.as_str()) {
                return Err(format!(
                    "{}: source {}: format {f:?} is not one of {FORMATS:?}",
                    path.display(),
                    i + 1
                ));
            }
        }
        sources.push(Source {
            name: e.name.unwrap_or_else(|| formats::source_name(&e.url)),
            location: resolve(&e.url),
            format: e.format,
            accept_drop: e.accept_drop,
        });
    }
    let out = out
        .or_else(|| file.out.map(|o| base.join(o)))
        .ok_or_else(|| {
            format!(
                "{}: no out folder (set out = \"…\" or give --out)",
                path.display()
            )
        })?;
    Ok(Options {
        sources,
        out,
        horizon_days: file.horizon_days.unwrap_or(horizon_days),
        fetcher: crate::source::Fetcher {
            contact: file.contact,
            timeout_secs: file.timeout_secs.unwrap_or(0),
            cache: None,
        },
        report_lang: "fi".to_owned(),
    })
}
