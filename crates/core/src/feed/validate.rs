//! The publisher's check: what in a feed is wrong (errors: the event cannot be shown as meant)
//! and what is missing or doubtful (warnings: it shows, but worse). One set of rules, so that the
//! harvester's `check` command and the app agree on what a good feed is.
//!
//! It works on the page as read, so it sees what the app will show: every event the reader could
//! not read is an error with its own path, and every correction the reader made (swapped
//! coordinates, an end before the start, a time without an offset…) is a warning.

use std::collections::HashSet;

use chrono::{DateTime, Duration, Utc};

use super::category::Category;
use super::location::SWAPPED;
use super::model::{Event, EventStatus, LocationKind};
use super::page::FeedPage;
use crate::region::MUNICIPALITIES;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The event is not shown, or not as its publisher meant.
    Error,
    /// It is shown, but something a visitor needs is missing or doubtful.
    Warning,
}

/// One thing to fix, located in the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub severity: Severity,
    /// JSON path, e.g. `data[12].start_time`: the index is the event's position in the
    /// document's event list.
    pub path: String,
    pub event_id: Option<String>,
    pub message: String,
}

/// What `check` found in one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// Events read (shown by the app), with or without warnings.
    pub events: usize,
    pub findings: Vec<Finding>,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

/// A short description longer than this is cut in lists and link previews.
pub const SHORT_DESCRIPTION_MAX: usize = 160;
/// A start further ahead than this is more often a typo in the year than a plan.
pub const MAX_DAYS_AHEAD: i64 = 730;

/// Checks a page as read. `now` decides what "too far ahead" means.
pub fn check(page: &FeedPage, now: DateTime<Utc>) -> Report {
    let mut findings: Vec<Finding> = page
        .problems
        .iter()
        .map(|p| Finding {
            severity: Severity::Error,
            path: p.path.clone(),
            event_id: p.event_id.clone(),
            message: p.message.clone(),
        })
        .collect();
    let mut seen = HashSet::new();
    let paths: Box<dyn Iterator<Item = String>> = if page.paths.len() == page.events.len() {
        Box::new(page.paths.iter().cloned())
    } else {
        Box::new(document_indices(page).map(|i| format!("data[{i}]")))
    };
    for (at, ev) in paths.zip(&page.events) {
        let mut say = |severity, field: &str, message: String| {
            findings.push(Finding {
                severity,
                path: if field.is_empty() {
                    at.clone()
                } else {
                    format!("{at}.{field}")
                },
                event_id: Some(ev.id.clone()),
                message,
            })
        };
        if !seen.insert(ev.id.as_str()) {
            say(
                Severity::Warning,
                "id",
                format!(
                    "the id {:?} is used by an earlier event; only the first is shown",
                    ev.id
                ),
            );
        }
        check_event(ev, now, &mut say);
    }
    // Errors first; the sort is stable, so each severity keeps the order it was found in.
    findings.sort_by_key(|f| f.severity);
    Report {
        events: page.events.len(),
        findings,
    }
}

/// The position in the document of each event read: the reader skips the items it reports as
/// problems, so the events' own order misses exactly those indices.
fn document_indices(page: &FeedPage) -> impl Iterator<Item = usize> + '_ {
    let skipped: HashSet<usize> = page.problems.iter().map(|p| p.index).collect();
    (0..).filter(move |i| !skipped.contains(i))
}

fn check_event(ev: &Event, now: DateTime<Utc>, say: &mut impl FnMut(Severity, &str, String)) {
    use Severity::{Error, Warning};
    if ev.name.0.iter().all(|(_, t)| t.trim().is_empty()) {
        say(Error, "name", "the event has no name".into());
    }
    // A series (its dates are its sub-events) and a postponed event may have no start.
    let series = ev.super_event_type.is_some() || !ev.sub_events.is_empty();
    match ev.start {
        None if ev.status != EventStatus::Postponed && !series => say(
            Error,
            "start_time",
            "no start time: only a postponed event or a series may leave it out".into(),
        ),
        Some(start) if start.first_instant() > now + Duration::days(MAX_DAYS_AHEAD) => say(
            Warning,
            "start_time",
            "the start is more than two years ahead: is the year right?".into(),
        ),
        _ => {}
    }
    if ev.venue.is_none() && ev.position.is_none() && ev.location_kind != LocationKind::Online {
        say(
            Error,
            "location",
            "neither a place nor online attendance: the event cannot be found on the map or in a place filter".into(),
        );
    }
    if ev.end.is_none() && ev.start.is_some() {
        say(Warning, "end_time", "no end time".into());
    }
    if ev.description.is_empty() && ev.short_description.is_empty() {
        say(Warning, "description", "no description".into());
    }
    if ev.image.is_none() {
        say(Warning, "images", "no image".into());
    }
    if ev.is_free.is_none() && ev.price.is_empty() {
        say(Warning, "offers", "neither a price nor is_free".into());
    }
    if ev.categories.iter().all(|c| *c == Category::Other) {
        say(
            Warning,
            "keywords",
            "no category: the event is only under \"other culture\" in the filters".into(),
        );
    }
    if ev.municipality.is_none() && ev.location_kind != LocationKind::Online {
        say(
            Warning,
            "location",
            "no municipality of Kainuu or North Ostrobothnia could be resolved from the place"
                .into(),
        );
    }
    for (lang, text) in &ev.short_description.0 {
        let n = text.chars().count();
        if n > SHORT_DESCRIPTION_MAX {
            say(
                Warning,
                &format!("short_description.{}", lang.as_str()),
                format!("{n} characters: over {SHORT_DESCRIPTION_MAX} is cut in lists and link previews"),
            );
        }
    }
    if let (LocationKind::Exact, Some(p)) = (ev.location_kind, ev.position) {
        if !in_region(p.lat, p.lon) {
            say(
                Warning,
                "location.position",
                format!(
                    "{}, {} is outside Kainuu and North Ostrobothnia",
                    p.lat, p.lon
                ),
            );
        }
    }
    // What the reader corrected, assumed or left out (a time without an offset, a link that is
    // not http(s)…). Swapped coordinates are an error: the feed says something else than it means,
    // and other readers of it will not swap them back.
    for w in &ev.warnings {
        if w.contains(SWAPPED) {
            say(
                Error,
                "location.position",
                format!(
                    "{w}: GeoJSON order is [longitude, latitude], e.g. [27.73, 64.22] in Kajaani"
                ),
            );
        } else {
            say(Warning, "", w.clone());
        }
    }
}

/// Inside the region: the box around the 38 municipality centres, with half a degree to spare
/// for the municipalities' edges.
fn in_region(lat: f64, lon: f64) -> bool {
    let (mut s, mut w, mut n, mut e) = (90.0_f64, 180.0_f64, -90.0_f64, -180.0_f64);
    for m in &MUNICIPALITIES {
        (s, w, n, e) = (s.min(m.lat), w.min(m.lon), n.max(m.lat), e.max(m.lon));
    }
    (s - 0.5..=n + 0.5).contains(&lat) && (w - 0.5..=e + 0.5).contains(&lon)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::parse_feed;

    fn now() -> DateTime<Utc> {
        "2026-12-02T10:00:00Z".parse().unwrap()
    }

    fn report(json: &str) -> Report {
        check(&parse_feed(json.as_bytes(), "t").unwrap(), now())
    }

    fn paths(r: &Report, severity: Severity) -> Vec<&str> {
        r.findings
            .iter()
            .filter(|f| f.severity == severity)
            .map(|f| f.path.as_str())
            .collect()
    }

    const GOOD: &str = r#"{"id":"good","name":{"fi":"Konsertti"},
        "start_time":"2027-01-10T18:00:00+02:00","end_time":"2027-01-10T20:00:00+02:00",
        "short_description":{"fi":"Lyhyt."},"description":{"fi":"<p>Pitkä.</p>"},
        "images":[{"url":"https://example.fi/k.jpg"}],"offers":[{"is_free":true}],
        "keywords":[{"@id":"https://api.hel.fi/linkedevents/v1/keyword/yso:p1808/"}],
        "info_url":{"fi":"https://example.fi/konsertti"},
        "location":{"name":{"fi":"Kajaanin teatteri"},"address_locality":{"fi":"Kajaani"},
            "position":{"type":"Point","coordinates":[27.7285,64.2270]}}}"#;

    #[test]
    fn a_complete_event_has_nothing_to_fix() {
        let r = report(&format!(r#"{{"data":[{GOOD}]}}"#));
        assert_eq!(r.events, 1);
        assert_eq!(r.findings, vec![], "{:#?}", r.findings);
    }

    #[test]
    fn missing_requirements_are_errors_and_missing_recommendations_warnings() {
        let r = report(
            r#"{"data":[{"id":"bare","name":{"fi":"Paljas"},"start_time":"2027-01-10T18:00:00+02:00"}]}"#,
        );
        assert_eq!(paths(&r, Severity::Error), ["data[0].location"]);
        let warnings = paths(&r, Severity::Warning);
        for field in [
            "end_time",
            "description",
            "images",
            "offers",
            "keywords",
            "location",
        ] {
            assert!(
                warnings.contains(&format!("data[0].{field}").as_str()),
                "{field}: {warnings:?}"
            );
        }
        assert_eq!((r.errors(), r.events), (1, 1));
    }

    #[test]
    fn a_postponed_event_may_have_no_start_but_nothing_else_may() {
        let r = report(
            r#"{"data":[
            {"id":"p","name":{"fi":"Siirretty"},"event_status":"EventPostponed","location":{"name":{"fi":"Kajaani"}}},
            {"id":"n","name":{"fi":"Ei aikaa"},"location":{"name":{"fi":"Kajaani"}}}]}"#,
        );
        let errors: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        assert!(
            errors.iter().all(|f| f.event_id.as_deref() != Some("p")),
            "{errors:#?}"
        );
        assert!(
            errors.iter().any(|f| f.path == "data[1].start_time"),
            "{errors:#?}"
        );
    }

    #[test]
    fn unreadable_events_keep_their_document_index_and_the_rest_are_counted_after_them() {
        let r = report(&format!(
            r#"{{"data":[{{"id":"bad","name":{{"fi":"x"}},"start_time":"ensi tiistaina"}},{GOOD},{GOOD}]}}"#
        ));
        assert_eq!(r.events, 2);
        assert_eq!(paths(&r, Severity::Error), ["data[0].start_time"]);
        let dup = r
            .findings
            .iter()
            .find(|f| f.path == "data[2].id")
            .expect("the duplicate id");
        assert_eq!(dup.severity, Severity::Warning);
    }

    #[test]
    fn swapped_coordinates_are_an_error_and_coordinates_outside_the_region_a_warning() {
        let place = |coords: &str| {
            report(&format!(
                r#"{{"data":[{{"id":"p","name":{{"fi":"x"}},"start_time":"2027-01-10T18:00:00+02:00",
                "location":{{"name":{{"fi":"Paikka"}},"position":{{"type":"Point","coordinates":{coords}}}}}}}]}}"#
            ))
        };
        let swapped = place("[64.22, 27.73]");
        let e = swapped
            .findings
            .iter()
            .find(|f| f.severity == Severity::Error)
            .expect("an error");
        assert_eq!(e.path, "data[0].location.position");
        assert!(e.message.contains("[longitude, latitude]"), "{}", e.message);
        let helsinki = place("[24.94, 60.17]");
        assert!(helsinki
            .findings
            .iter()
            .any(|f| f.path == "data[0].location.position"
                && f.severity == Severity::Warning
                && f.message.contains("outside Kainuu and North Ostrobothnia")));
        let kajaani = place("[27.73, 64.22]");
        assert!(kajaani
            .findings
            .iter()
            .all(|f| f.path != "data[0].location.position"));
    }

    #[test]
    fn a_time_without_offset_or_with_the_wrong_one_and_html_in_the_name_are_warnings() {
        let r = report(
            r#"{"data":[{"id":"t","name":{"fi":"<b>Ilta</b>"},"start_time":"2027-07-10T18:00:00+02:00","end_time":"2027-07-10T20:00","location":{"name":{"fi":"Kajaani"}}}]}"#,
        );
        let messages: Vec<&str> = r.findings.iter().map(|f| f.message.as_str()).collect();
        assert!(
            messages
                .iter()
                .any(|m| m.contains("probably the wrong time zone")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("no UTC offset")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("name: contains HTML")),
            "{messages:?}"
        );
    }

    #[test]
    fn json_ld_findings_point_at_the_node_in_its_own_document() {
        let r = report(
            r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"x"},
            {"@type":"EventSeries","@id":"s","name":"Sarja","location":{"@type":"Place","name":"Kajaani"},
             "subEvent":[{"@type":"Event","@id":"s1","name":"Kerta","startDate":"2027-01-10T18:00:00+02:00","location":{"@type":"Place","name":"Kajaani"}}]}]}"#,
        );
        let paths: Vec<&str> = r.findings.iter().map(|f| f.path.as_str()).collect();
        assert!(paths.contains(&"@graph[1].subEvent[0].images"), "{paths:?}");
        assert!(paths.contains(&"@graph[1].images"), "{paths:?}");
    }

    #[test]
    fn doubtful_values_are_warnings_with_their_path() {
        let long = "x".repeat(161);
        let r = report(&format!(
            r#"{{"data":[{{"id":"w","name":{{"fi":"Kaukana"}},"start_time":"2030-01-10T18:00:00+02:00",
            "short_description":{{"fi":"{long}"}},"info_url":{{"fi":"ftp://example.fi/x"}},
            "location":{{"name":{{"fi":"Kajaani"}}}}}}]}}"#
        ));
        let warnings = paths(&r, Severity::Warning);
        for p in ["data[0].start_time", "data[0].short_description.fi"] {
            assert!(warnings.contains(&p), "{p}: {warnings:?}");
        }
        assert!(
            r.findings
                .iter()
                .any(|f| f.path == "data[0]" && f.message.contains("not http(s)")),
            "{:#?}",
            r.findings
        );
    }
}
