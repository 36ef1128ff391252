//! Events written back as a Linked Events page: what the harvester publishes as `feed.json`, in
//! the shape of docs/feed-format.md, so that the app reads one same-origin file of one format.
//!
//! Reading the output gives the same events (the round-trip test below), and the output is
//! sorted by id with a stable field order, so a diff between two harvests shows only real changes.

use serde_json::{json, Map, Value};

use super::category::{Category, KEYWORD_PREFIX};
use super::model::{Event, EventStatus, LocalizedText, LocationKind, SuperEventType};
use crate::region::municipality;
use crate::time::When;

/// An id as Linked Events references read it back: the last path segment of a URL id
/// (`https://site/events/ld-7/` is `ld-7`), so that `super_event` and `sub_events` references
/// still name their events after the round trip.
pub fn out_id(id: &str) -> String {
    super::json::reference_id(&super::json_value::Json::String(id)).unwrap_or_else(|| id.to_owned())
}

/// The place id Linked Events uses for online events.
const INTERNET: &str = "kulttuurikartta:internet";

/// A whole feed: `{"meta": {...}, "data": [...]}`, events sorted by id, pretty-printed.
pub fn write_feed(events: &[&Event]) -> String {
    let mut sorted: Vec<&Event> = events.to_vec();
    sorted.sort_by_cached_key(|e| out_id(&e.id));
    let data: Vec<Value> = sorted.iter().map(|e| event(e)).collect();
    let doc = json!({
        "meta": { "count": data.len(), "next": null, "previous": null },
        "data": data,
    });
    let mut out = serde_json::to_string_pretty(&doc).expect("JSON values serialise");
    out.push('\n');
    out
}

fn localized(t: &LocalizedText) -> Value {
    Value::Object(
        t.0.iter()
            .map(|(lang, s)| (lang.as_str().to_owned(), Value::String(s.clone())))
            .collect(),
    )
}

/// Date-only times stay dates (`has_start_time: false`), instants are written in Helsinki time.
fn time(w: When) -> Value {
    match w {
        When::Day(d) => Value::String(d.to_string()),
        at => Value::String(at.to_rfc3339_helsinki()),
    }
}

fn event(ev: &Event) -> Value {
    let mut o = Map::new();
    let mut put = |k: &str, v: Value| {
        let empty = match &v {
            Value::Null => true,
            Value::Object(m) => m.is_empty(),
            Value::Array(a) => a.is_empty(),
            _ => false,
        };
        if !empty {
            o.insert(k.to_owned(), v);
        }
    };
    put("id", json!(out_id(&ev.id)));
    put("name", localized(&ev.name));
    put("short_description", localized(&ev.short_description));
    put("description", localized(&ev.description));
    put("start_time", ev.start.map(time).unwrap_or(Value::Null));
    put(
        "has_start_time",
        match ev.start {
            Some(When::Day(_)) => json!(false),
            _ => Value::Null,
        },
    );
    put("end_time", ev.end.map(time).unwrap_or(Value::Null));
    put(
        "has_end_time",
        match ev.end {
            Some(When::Day(_)) => json!(false),
            _ => Value::Null,
        },
    );
    put(
        "event_status",
        json!(match ev.status {
            EventStatus::Scheduled => "EventScheduled",
            EventStatus::Cancelled => "EventCancelled",
            EventStatus::Postponed => "EventPostponed",
            EventStatus::Rescheduled => "EventRescheduled",
        }),
    );
    put("location", location(ev));
    let mut keywords: Vec<String> = ev.keywords.clone();
    // A category no keyword gives (one from a JSON-LD @type, say) is written as the app's own
    // keyword, so reading the feed back gives it again.
    for c in &ev.categories {
        if *c != Category::Other
            && !keywords
                .iter()
                .any(|k| Category::from_keyword(k) == Some(*c))
        {
            keywords.push(format!("{KEYWORD_PREFIX}{}", c.slug()));
        }
    }
    put(
        "keywords",
        Value::Array(keywords.iter().map(|k| json!({ "@id": k })).collect()),
    );
    let mut offer = Map::new();
    if let Some(free) = ev.is_free {
        offer.insert("is_free".into(), json!(free));
    }
    if !ev.price.is_empty() {
        offer.insert("price".into(), localized(&ev.price));
    }
    if !ev.ticket_url.is_empty() {
        offer.insert("info_url".into(), localized(&ev.ticket_url));
    }
    put(
        "offers",
        if offer.is_empty() {
            Value::Null
        } else {
            json!([offer])
        },
    );
    put("info_url", localized(&ev.info_url));
    put(
        "images",
        match &ev.image {
            Some(img) => {
                let mut i = Map::new();
                i.insert("url".into(), json!(img.url));
                if !img.alt.is_empty() {
                    i.insert("alt_text".into(), localized(&img.alt));
                }
                if let Some(c) = &img.credit {
                    i.insert("photographer_name".into(), json!(c));
                }
                json!([i])
            }
            None => Value::Null,
        },
    );
    put("provider", localized(&ev.organizer));
    put(
        "in_language",
        Value::Array(ev.in_language.iter().map(|l| json!({ "@id": l })).collect()),
    );
    put(
        "audience_min_age",
        ev.audience_min_age.map(|a| json!(a)).unwrap_or(Value::Null),
    );
    put(
        "audience_max_age",
        ev.audience_max_age.map(|a| json!(a)).unwrap_or(Value::Null),
    );
    put(
        "super_event",
        ev.super_event
            .as_ref()
            .map(|s| json!({ "@id": out_id(s) }))
            .unwrap_or(Value::Null),
    );
    put(
        "super_event_type",
        match ev.super_event_type {
            Some(SuperEventType::Recurring) => json!("recurring"),
            Some(SuperEventType::Umbrella) => json!("umbrella"),
            None => Value::Null,
        },
    );
    put(
        "sub_events",
        Value::Array(
            ev.sub_events
                .iter()
                .map(|s| json!({ "@id": out_id(s) }))
                .collect(),
        ),
    );
    Value::Object(o)
}

/// An embedded place, so the app never has to fetch one: the venue, the municipality as a
/// Linked Events division (the most trusted clue when read back), and exact coordinates only.
fn location(ev: &Event) -> Value {
    if ev.location_kind == LocationKind::Online {
        return json!({ "@id": INTERNET, "id": INTERNET });
    }
    let mut o = Map::new();
    if let Some(v) = &ev.venue {
        o.insert("name".into(), localized(&v.name));
        o.insert("street_address".into(), localized(&v.street_address));
        o.insert("address_locality".into(), localized(&v.locality));
        if let Some(p) = &v.postal_code {
            o.insert("postal_code".into(), json!(p));
        }
    }
    if let Some(m) = ev.municipality.and_then(municipality::by_code) {
        o.insert(
            "divisions".into(),
            json!([{
                "type": "muni",
                "ocd_id": format!("ocd-division/country:fi/kunta:{}", m.name_fi.to_lowercase()),
                "name": { "fi": m.name_fi, "sv": m.name_sv },
            }]),
        );
    }
    if let (LocationKind::Exact, Some(p)) = (ev.location_kind, ev.position) {
        o.insert(
            "position".into(),
            json!({ "type": "Point", "coordinates": [p.lon, p.lat] }),
        );
    }
    o.retain(|_, v| !matches!(v, Value::Object(m) if m.is_empty()));
    if o.is_empty() {
        Value::Null
    } else {
        Value::Object(o)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::parse_feed;

    /// What the app shows of an event, compared across a write and a read. Languages are
    /// written in alphabetical order (JSON objects here are sorted), which changes nothing the
    /// app picks: it asks for fi, sv or en by name.
    fn shown(e: &Event) -> impl PartialEq + std::fmt::Debug {
        let l = |t: &LocalizedText| {
            let mut v = t.0.clone();
            v.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
            v
        };
        let venue = e.venue.as_ref().map(|v| {
            (
                l(&v.name),
                l(&v.street_address),
                l(&v.locality),
                v.postal_code.clone(),
            )
        });
        let image = e
            .image
            .as_ref()
            .map(|i| (i.url.clone(), l(&i.alt), i.credit.clone()));
        let ids = |v: &[String]| v.iter().map(|s| out_id(s)).collect::<Vec<_>>();
        (
            out_id(&e.id),
            l(&e.name),
            l(&e.short_description),
            l(&e.description),
            (e.start, e.end, e.status),
            venue,
            (e.position, e.location_kind, e.municipality),
            e.categories.clone(),
            (e.is_free, l(&e.price), l(&e.info_url), l(&e.ticket_url)),
            (image, l(&e.organizer), e.in_language.clone()),
            (e.audience_min_age, e.audience_max_age),
            (
                e.super_event.as_deref().map(out_id),
                e.super_event_type,
                ids(&e.sub_events),
            ),
        )
    }

    #[test]
    fn both_bundled_samples_survive_a_write_and_a_read_unchanged_and_sorted() {
        for sample in [
            include_str!("../../../../public/sample-feed.json"),
            include_str!("../../../../public/sample-feed-jsonld.json"),
        ] {
            let read = parse_feed(sample.as_bytes(), "sample").unwrap();
            let written = write_feed(&read.events.iter().collect::<Vec<_>>());
            let again = parse_feed(written.as_bytes(), "written").unwrap();
            assert_eq!(
                again.problems,
                vec![],
                "the written feed reads without problems"
            );
            let mut before: Vec<&Event> = read.events.iter().collect();
            before.sort_by_cached_key(|e| out_id(&e.id));
            assert_eq!(before.len(), again.events.len());
            for (a, b) in before.iter().zip(&again.events) {
                assert_eq!(shown(a), shown(b), "event {}", a.id);
            }
            assert_eq!(
                write_feed(&again.events.iter().collect::<Vec<_>>()),
                written,
                "writing is deterministic"
            );
        }
    }
}
