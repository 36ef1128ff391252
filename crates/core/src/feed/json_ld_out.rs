//! The schema.org Event JSON-LD that an event page emits, so search engines and link previews
//! read the event as structured data. Its text comes from feeds, so the output is safe to put
//! inside a `<script>` element: `<`, `>` and `&` are written as JSON escapes.

use serde_json::{json, Map, Value};

use super::model::{Event, EventStatus, LocationKind};
use crate::lang::Lang;
use crate::time::When;

fn date(w: When) -> String {
    match w {
        When::Day(d) => d.to_string(),
        When::At(_) => w.to_rfc3339_helsinki(),
    }
}

pub fn event_json_ld(ev: &Event, lang: Lang, url: &str) -> String {
    let mut o = Map::new();
    o.insert("@context".into(), json!("https://schema.org"));
    o.insert("@type".into(), json!("Event"));
    o.insert("name".into(), json!(ev.name.text(lang)));
    o.insert("url".into(), json!(url));
    if let Some(s) = ev.start {
        o.insert("startDate".into(), json!(date(s)));
    }
    if let Some(e) = ev.end {
        o.insert("endDate".into(), json!(date(e)));
    }
    let status = match ev.status {
        EventStatus::Scheduled => "EventScheduled",
        EventStatus::Cancelled => "EventCancelled",
        EventStatus::Postponed => "EventPostponed",
        EventStatus::Rescheduled => "EventRescheduled",
    };
    o.insert(
        "eventStatus".into(),
        json!(format!("https://schema.org/{status}")),
    );
    let d = ev.short_description.text(lang);
    if !d.is_empty() {
        o.insert("description".into(), json!(d));
    }
    if ev.location_kind == LocationKind::Online {
        o.insert(
            "eventAttendanceMode".into(),
            json!("https://schema.org/OnlineEventAttendanceMode"),
        );
        o.insert(
            "location".into(),
            json!({"@type": "VirtualLocation", "url": url}),
        );
    } else if let Some(v) = &ev.venue {
        let mut place = json!({
            "@type": "Place",
            "name": v.name.text(lang),
            "address": {
                "@type": "PostalAddress",
                "streetAddress": v.street_address.text(lang),
                "addressLocality": v.locality.text(lang),
                "postalCode": v.postal_code.clone().unwrap_or_default(),
                "addressCountry": "FI"
            }
        });
        if let (Some(p), LocationKind::Exact) = (ev.position, ev.location_kind) {
            place["geo"] =
                json!({"@type": "GeoCoordinates", "latitude": p.lat, "longitude": p.lon});
        }
        o.insert("location".into(), place);
    }
    if let Some(img) = &ev.image {
        o.insert("image".into(), json!(img.url));
    }
    if ev.is_free == Some(true) {
        o.insert("isAccessibleForFree".into(), json!(true));
    }
    let org = ev.organizer.text(lang);
    if !org.is_empty() {
        o.insert(
            "organizer".into(),
            json!({"@type": "Organization", "name": org}),
        );
    }
    let text = Value::Object(o).to_string();
    // Nothing from a feed may close the script element or open a comment in it.
    text.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::{parse_feed, Catalogue};

    #[test]
    fn emits_a_valid_event_that_cannot_break_out_of_its_script_element() {
        let feed = r#"{"meta":{"count":1,"next":null},"data":[
          {"id":"k:1","name":{"fi":"</script><script>alert(1)</script> & co"},
           "start_time":"2026-12-05T19:00:00+02:00","event_status":"EventCancelled",
           "location":{"name":{"fi":"Sali"},"position":{"type":"Point","coordinates":[25.47,65.01]}}}
        ]}"#;
        let cat = Catalogue::from_pages([parse_feed(feed.as_bytes(), "t").unwrap()]);
        // Feed text is plain by now, but it may still contain these characters.
        let mut ev = cat.get("k:1").unwrap().clone();
        ev.name = crate::feed::Localized(vec![(
            "fi".into(),
            "</script><script>alert(1)</script> & co".into(),
        )]);
        let out = event_json_ld(&ev, Lang::Fi, "https://x.fi/event/k:1");
        assert!(!out.contains('<') && !out.contains('>') && !out.contains('&'));
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["@type"], "Event");
        assert_eq!(v["name"], "</script><script>alert(1)</script> & co");
        assert_eq!(v["startDate"], "2026-12-05T19:00:00+02:00");
        assert_eq!(v["eventStatus"], "https://schema.org/EventCancelled");
        assert_eq!(v["location"]["geo"]["latitude"], 65.01);
    }
}
