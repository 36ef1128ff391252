//! `check`: each document read with the app's reader and judged by `feed::validate`.

use std::io::Write;

use chrono::{DateTime, Utc};
use kulttuurikartta_core::feed::validate::{self, Severity};

use crate::{formats, ical, source};

/// Checks every source, printing a summary line and each finding. Returns the exit status:
/// 2 if a document could not be read as a feed, else 1 if an event has an error, else 0.
pub fn run(sources: &[String], now: DateTime<Utc>, out: &mut impl Write) -> u8 {
    let mut status = 0;
    for src in sources {
        let name = formats::source_name(src);
        let cx = formats::Context {
            source_name: &name,
            now,
            horizon_days: ical::DEFAULT_HORIZON_DAYS,
        };
        let page = source::Fetcher::default()
            .read(src)
            .and_then(|f| formats::read(&f.bytes, src, None, cx));
        let page = match page {
            Ok(page) => page,
            Err(why) => {
                let _ = writeln!(out, "{src}: unreadable: {why}");
                status = 2;
                continue;
            }
        };
        let report = validate::check(&page, now);
        let _ = writeln!(
            out,
            "{src}: {} events read, {} errors, {} warnings",
            report.events,
            report.errors(),
            report.warnings()
        );
        for f in &report.findings {
            let severity = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let id = f
                .event_id
                .as_deref()
                .map(|i| format!(" (id {i})"))
                .unwrap_or_default();
            let _ = writeln!(out, "  {severity:<7} {}{id}: {}", f.path, f.message);
        }
        if page.next.is_some() {
            let _ = writeln!(out, "  note    meta.next: only this page was checked");
        }
        if report.errors() > 0 && status == 0 {
            status = 1;
        }
    }
    status
}
