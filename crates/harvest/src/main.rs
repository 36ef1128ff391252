//! `kulttuurikartta-harvest`: the publishing half of Kulttuurikartta, a native command.
//!
//! ```text
//! kulttuurikartta-harvest check <FILE|URL>...
//! kulttuurikartta-harvest run <harvest.toml> [--out DIR]
//! kulttuurikartta-harvest run --source <FILE|URL> [--source …] --out DIR [--accept-drop]
//! ```
//! `run` reads every source (Linked Events pages, following `meta.next` on the same origin,
//! schema.org JSON-LD, or iCalendar with its recurrences expanded), merges them and writes `DIR/feed.json` and `DIR/report.json`; a source
//! that fails keeps its last good events (`run.rs`). Exit status 0 when feed.json was written,
//! 1 when nothing could be.
//!
//! `check` reads each feed (Linked Events or schema.org JSON-LD, detected from the content) with
//! the app's own reader and prints what to fix, with the same rules as the app
//! (`kulttuurikartta_core::feed::validate`). Exit status: 0 when no event has an error (warnings
//! allowed), 1 when any event has one, 2 when a document cannot be read or is in no known format.

// clippy.toml keeps chrono's format strings and f64::clamp out of the web app's download; a
// native command may use them.
#![allow(clippy::disallowed_methods)]

#[cfg(not(target_arch = "wasm32"))]
mod check;
#[cfg(not(target_arch = "wasm32"))]
mod csv_sheet;
#[cfg(not(target_arch = "wasm32"))]
mod formats;
#[cfg(not(target_arch = "wasm32"))]
mod harvest_file;
#[cfg(not(target_arch = "wasm32"))]
mod html_page;
#[cfg(not(target_arch = "wasm32"))]
mod ical;
#[cfg(not(target_arch = "wasm32"))]
mod report_html;
#[cfg(not(target_arch = "wasm32"))]
mod run;
#[cfg(not(target_arch = "wasm32"))]
mod source;
#[cfg(not(target_arch = "wasm32"))]
mod words;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") if args.len() > 1 => {
            let status = check::run(
                &args[1..],
                std::time::SystemTime::now().into(),
                &mut std::io::stdout(),
            );
            std::process::ExitCode::from(status)
        }
        Some("run") => match parse_run(&args[1..]) {
            Ok(opts) => std::process::ExitCode::from(run::run(
                &opts,
                std::time::SystemTime::now().into(),
                &mut std::io::stderr(),
            )),
            Err(why) => {
                eprintln!("{why}\n\n{USAGE}");
                std::process::ExitCode::from(2)
            }
        },
        Some("--version") => {
            println!("kulttuurikartta-harvest {}", env!("CARGO_PKG_VERSION"));
            std::process::ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            std::process::ExitCode::from(2)
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn parse_run(args: &[String]) -> Result<run::Options, String> {
    let (mut locations, mut file, mut out) = (Vec::new(), None, None);
    let (mut accept_drop, mut horizon_days) = (false, ical::DEFAULT_HORIZON_DAYS);
    let mut lang = "fi".to_owned();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--source" => locations.push(it.next().ok_or("--source needs a file or URL")?.clone()),
            "--out" => {
                out = Some(std::path::PathBuf::from(
                    it.next().ok_or("--out needs a folder")?,
                ))
            }
            "--accept-drop" => accept_drop = true,
            "--lang" => {
                lang = it
                    .next()
                    .filter(|l| ["fi", "sv", "en"].contains(&l.as_str()))
                    .ok_or("--lang needs fi, sv or en")?
                    .clone()
            }
            "--horizon-days" => {
                horizon_days = it
                    .next()
                    .and_then(|d| d.parse().ok())
                    .filter(|d| (1..=3650).contains(d))
                    .ok_or("--horizon-days needs a number of days (1-3650)")?
            }
            other if !other.starts_with("--") && file.is_none() => {
                file = Some(std::path::PathBuf::from(other))
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    match (file, locations.is_empty()) {
        (Some(f), true) => {
            let mut opts = harvest_file::load(&f, out, horizon_days)?;
            opts.report_lang = lang;
            if accept_drop {
                opts.sources.iter_mut().for_each(|s| s.accept_drop = true);
            }
            Ok(opts)
        }
        (None, false) => Ok(run::Options {
            sources: locations
                .into_iter()
                .map(|l| run::Source {
                    name: formats::source_name(&l),
                    location: l,
                    format: None,
                    accept_drop,
                })
                .collect(),
            out: out.ok_or("run needs an --out folder")?,
            horizon_days,
            fetcher: source::Fetcher::default(),
            report_lang: lang,
        }),
        (Some(_), false) => Err("give a harvest file or --source, not both".into()),
        (None, true) => Err("run needs a harvest file or at least one --source".into()),
    }
}

#[cfg(not(target_arch = "wasm32"))]
const USAGE: &str = "usage: kulttuurikartta-harvest check <FILE|URL>...
       kulttuurikartta-harvest run <harvest.toml> [--out DIR] [--accept-drop] [--horizon-days N]
                                   [--lang fi|sv|en]
       kulttuurikartta-harvest run --source <FILE|URL> [--source ...] --out DIR [--accept-drop]
                                   [--horizon-days N]

  check   read each feed (Linked Events, schema.org JSON-LD, an HTML page's JSON-LD blocks,
          iCalendar or the CSV template) and print what to fix.
          Exit status: 0 no errors (warnings allowed), 1 an event has an error,
          2 a document cannot be read or is in no known format.
  run     read every source (of the harvest file, see examples/harvest.toml, or given
          with --source), merge them (the first source wins when two give the same
          event) and write DIR/feed.json (for the app), DIR/report.json and DIR/report.html
          (in Finnish, or --lang sv / en). A source that
          fails, or gives less than half of its previous events, keeps its last good copy
          (--accept-drop accepts a drop). Recurring iCalendar events are expanded N days
          ahead (default 400). Exit status: 0 feed.json written, 1 nothing written.";

#[cfg(target_arch = "wasm32")]
fn main() {}
