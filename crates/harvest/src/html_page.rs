//! Event pages with `<script type="application/ld+json">` blocks, as WordPress (The Events
//! Calendar), Drupal and EventON publish them. The Event nodes of every block, `@graph`s
//! included, become one JSON-LD document for core's reader; WebSite, BreadcrumbList and other
//! nodes are left out. A block whose JSON is broken is a problem; the other blocks are read.
//! HTML parsing is the `scraper` crate's (html5ever).

use scraper::{Html, Selector};
use serde_json::Value;

/// The result of reading one page.
pub struct Read {
    /// A JSON-LD document of the page's events: `{"@context": …, "@graph": [...]}`.
    pub document: Value,
    pub problems: Vec<String>,
}

/// Whether a document is an HTML page.
pub fn looks_like(head: &str) -> bool {
    let h = head.get(..14).unwrap_or(head).to_ascii_lowercase();
    h.starts_with("<!doctype html") || h.starts_with("<html")
}

/// Reads a page's JSON-LD blocks.
pub fn read(html: &str) -> Read {
    let doc = Html::parse_document(html);
    let selector =
        Selector::parse(r#"script[type="application/ld+json"]"#).expect("a valid selector");
    let mut events = Vec::new();
    let mut problems = Vec::new();
    for (i, block) in doc.select(&selector).enumerate() {
        let text: String = block.text().collect();
        match serde_json::from_str::<Value>(&text) {
            Ok(v) => collect_events(&v, &mut events),
            Err(e) => problems.push(format!("JSON-LD block {} is not valid JSON: {e}", i + 1)),
        }
    }
    Read {
        document: serde_json::json!({ "@context": "https://schema.org", "@graph": events }),
        problems,
    }
}

/// Every node whose type names an event (`Event`, `MusicEvent`, `TheaterEvent`, `Festival`…),
/// at the top, in an array or in an `@graph`.
fn collect_events(v: &Value, out: &mut Vec<Value>) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| collect_events(i, out)),
        Value::Object(o) => {
            if let Some(graph) = o.get("@graph") {
                collect_events(graph, out);
            }
            let types: Vec<&str> = match o.get("@type") {
                Some(Value::String(t)) => vec![t.as_str()],
                Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
                _ => Vec::new(),
            };
            if types
                .iter()
                .any(|t| t.ends_with("Event") || *t == "Festival" || *t == "EventSeries")
            {
                out.push(v.clone());
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(blocks: &[&str]) -> String {
        let scripts: String = blocks
            .iter()
            .map(|b| format!("<script type=\"application/ld+json\">{b}</script>\n"))
            .collect();
        format!("<!DOCTYPE html><html lang=\"fi\"><head><title>Tapahtumat</title>{scripts}</head><body><h1>Konsertti</h1></body></html>")
    }

    fn names(r: &Read) -> Vec<String> {
        r.document["@graph"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["name"].as_str().unwrap_or("").to_owned())
            .collect()
    }

    const WEBSITE: &str = r#"{"@context":"https://schema.org","@type":"WebSite","name":"Kunta","url":"https://kunta.example"}"#;
    const CRUMBS: &str =
        r#"{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":[]}"#;
    const CONCERT: &str = r#"{"@context":"https://schema.org","@type":"MusicEvent","@id":"https://kunta.example/e/1","name":"Konsertti","startDate":"2027-01-10T18:00:00+02:00","location":{"@type":"Place","name":"Kirkko","address":{"@type":"PostalAddress","addressLocality":"Kajaani"}}}"#;

    #[test]
    fn events_are_taken_from_every_block_and_graph_and_the_rest_left_out() {
        let graph = r#"{"@context":"https://schema.org","@graph":[{"@type":"Organization","name":"Kunta"},{"@type":"Event","@id":"https://kunta.example/e/2","name":"Teatteri","startDate":"2027-01-11"}]}"#;
        let r = read(&page(&[WEBSITE, CRUMBS, CONCERT, graph]));
        assert_eq!(names(&r), ["Konsertti", "Teatteri"]);
        assert!(r.problems.is_empty());
    }

    #[test]
    fn a_page_without_json_ld_has_no_events_and_no_problem() {
        let r = read(&page(&[]));
        assert!(names(&r).is_empty() && r.problems.is_empty());
    }

    #[test]
    fn a_broken_block_beside_a_good_one_costs_only_itself() {
        let r = read(&page(&[r#"{"@type":"Event","name":"Rikki",}"#, CONCERT]));
        assert_eq!(names(&r), ["Konsertti"]);
        assert_eq!(r.problems.len(), 1);
        assert!(
            r.problems[0].starts_with("JSON-LD block 1 is not valid JSON"),
            "{:?}",
            r.problems
        );
    }

    #[test]
    fn the_events_read_through_core_as_the_app_would() {
        let r = read(&page(&[WEBSITE, CONCERT]));
        let feed =
            kulttuurikartta_core::feed::parse_feed(r.document.to_string().as_bytes(), "page")
                .unwrap();
        assert_eq!(feed.events.len(), 1);
        assert_eq!(feed.events[0].municipality, Some("205"), "Kajaani");
    }
}
