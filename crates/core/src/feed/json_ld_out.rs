//! The schema.org Event JSON-LD that an event page emits, so search engines and link previews
//! read the event as structured data. Its text comes from feeds, so the output is safe to put
//! inside a `<script>` element: `<`, `>` and `&` are written as JSON escapes.

use super::model::{Event, EventStatus, LocationKind};
use crate::decimal::shortest;
use crate::lang::Lang;
use crate::time::When;

fn date(w: When) -> String {
    match w {
        When::Day(d) => d.to_string(),
        When::At(_) => w.to_rfc3339_helsinki(),
    }
}

/// A JSON object written as text. By hand rather than through serde_json's `Value`, whose
/// building and writing cost the app's download about 10 kB of wasm for this one object.
struct Object {
    out: String,
}

impl Object {
    fn new(ld_type: &str) -> Object {
        let mut o = Object {
            out: String::from("{"),
        };
        o.string("@type", ld_type);
        o
    }

    fn key(&mut self, key: &str) {
        if self.out.len() > 1 {
            self.out.push(',');
        }
        push_json_string(&mut self.out, key);
        self.out.push(':');
    }

    fn string(&mut self, key: &str, value: &str) {
        self.key(key);
        push_json_string(&mut self.out, value);
    }

    /// A number, `true` or another object's text.
    fn raw(&mut self, key: &str, value: &str) {
        self.key(key);
        self.out.push_str(value);
    }

    fn end(mut self) -> String {
        self.out.push('}');
        self.out
    }
}

/// `s` as a JSON string. Besides what JSON requires, `<`, `>` and `&` are written as escapes:
/// nothing from a feed may close the script element or open a comment in it.
fn push_json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' | '>' | '&' | '\u{0}'..='\u{1f}' => {
                out.push_str(&format!("\\u{:04x}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

pub fn event_json_ld(ev: &Event, lang: Lang, url: &str) -> String {
    let mut o = Object::new("Event");
    o.string("@context", "https://schema.org");
    o.string("name", ev.name.text(lang));
    o.string("url", url);
    if let Some(s) = ev.start {
        o.string("startDate", &date(s));
    }
    if let Some(e) = ev.end {
        o.string("endDate", &date(e));
    }
    let status = match ev.status {
        EventStatus::Scheduled => "EventScheduled",
        EventStatus::Cancelled => "EventCancelled",
        EventStatus::Postponed => "EventPostponed",
        EventStatus::Rescheduled => "EventRescheduled",
    };
    o.string("eventStatus", &format!("https://schema.org/{status}"));
    let d = ev.short_description.text(lang);
    if !d.is_empty() {
        o.string("description", d);
    }
    if ev.location_kind == LocationKind::Online {
        o.string(
            "eventAttendanceMode",
            "https://schema.org/OnlineEventAttendanceMode",
        );
        let mut place = Object::new("VirtualLocation");
        place.string("url", url);
        o.raw("location", &place.end());
    } else if let Some(v) = &ev.venue {
        let mut place = Object::new("Place");
        place.string("name", v.name.text(lang));
        let mut address = Object::new("PostalAddress");
        address.string("streetAddress", v.street_address.text(lang));
        address.string("addressLocality", v.locality.text(lang));
        address.string("postalCode", v.postal_code.as_deref().unwrap_or_default());
        address.string("addressCountry", "FI");
        place.raw("address", &address.end());
        if let (Some(p), LocationKind::Exact) = (ev.position, ev.location_kind) {
            let mut geo = Object::new("GeoCoordinates");
            geo.raw("latitude", &shortest(p.lat));
            geo.raw("longitude", &shortest(p.lon));
            place.raw("geo", &geo.end());
        }
        o.raw("location", &place.end());
    }
    if let Some(img) = &ev.image {
        o.string("image", &img.url);
    }
    if ev.is_free == Some(true) {
        o.raw("isAccessibleForFree", "true");
    }
    let org = ev.organizer.text(lang);
    if !org.is_empty() {
        let mut organizer = Object::new("Organization");
        organizer.string("name", org);
        o.raw("organizer", &organizer.end());
    }
    o.end()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::{parse_feed, Catalogue};
    use serde_json::{json, Map, Value};

    /// The same object built with serde_json, as it was before the hand-written writer.
    fn with_serde_json(ev: &Event, lang: Lang, url: &str) -> Value {
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
        Value::Object(o)
    }

    #[test]
    fn says_what_serde_json_said_for_every_sample_event_in_every_language() {
        let feed = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../public/sample-feed.json"
        ))
        .unwrap();
        let cat = Catalogue::from_pages([parse_feed(&feed, "sample").unwrap()]);
        assert!(cat.events.len() > 100);
        // The sample has no online events and no images: variants of its first events do.
        let mut variants = Vec::new();
        for (i, ev) in cat.events.iter().take(20).enumerate() {
            let mut v = ev.clone();
            if i % 2 == 0 {
                v.location_kind = LocationKind::Online;
            }
            v.image = Some(crate::feed::model::Image {
                url: format!("https://x.fi/{i}.jpg?a=1&b=<2>"),
                alt: crate::feed::Localized(Vec::new()),
                credit: None,
            });
            v.name = crate::feed::Localized(vec![(
                "fi".into(),
                format!("\"q\" \\ \n\t\u{1} </script> & ü € 𝄞 {i}"),
            )]);
            variants.push(v);
        }
        assert!(variants
            .iter()
            .any(|v| v.location_kind == LocationKind::Exact && v.position.is_some()));
        assert!(cat
            .events
            .iter()
            .any(|e| e.is_free == Some(true) && !e.organizer.text(Lang::Fi).is_empty()));
        for ev in cat.events.iter().chain(&variants) {
            for lang in [Lang::Fi, Lang::Sv, Lang::En] {
                let url = format!("https://x.fi/event/{}", ev.id);
                let ours = event_json_ld(ev, lang, &url);
                assert!(!ours.contains(['<', '>', '&']), "{ours}");
                let read: Value = serde_json::from_str(&ours).unwrap();
                assert_eq!(read, with_serde_json(ev, lang, &url), "{}", ev.id);
            }
        }
    }

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
