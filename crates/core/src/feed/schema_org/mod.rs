//! schema.org events in JSON-LD, as CMSs and event sites publish them: a single object, an array,
//! an `@graph`, or an `ItemList`; subtypes such as MusicEvent or Festival; nested `subEvent`s.
//! Places and images are read in `place`.

mod place;

use super::json_value::{Json as Value, Object as Map};
use crate::decimal::shortest;

use super::category::Category;
use super::json::{self, one_or_many, reference_id};
use super::linked_events::check_times;
use super::model::*;
use super::page::FeedPage;
use place::{read_image, read_location};

/// Nested `subEvent`s are followed this deep: enough for festival → day → performance.
const MAX_NESTING: usize = 3;

fn is_event_type(t: &str) -> bool {
    t.ends_with("Event") || matches!(t, "Festival" | "EventSeries")
}

fn is_event(v: &Value) -> bool {
    json::ld_types(v).iter().any(|t| is_event_type(t))
}

pub fn is_schema_org(doc: &Value) -> bool {
    match doc {
        Value::Object(o) => o.contains_key("@graph") || o.contains_key("@type"),
        Value::Array(items) => items.iter().any(|i| i.get("@type").is_some()),
        _ => false,
    }
}

/// The document's default language from its `@context`, else Finnish.
fn context_language(doc: &Value) -> String {
    let ctx = doc.get("@context");
    one_or_many(ctx)
        .find_map(|c| c.get("@language").and_then(Value::as_str))
        .map(|l| l.to_ascii_lowercase())
        .unwrap_or_else(|| "fi".to_owned())
}

/// Event nodes with their JSON paths, from any of the document shapes.
fn candidates<'v, 'a>(
    v: &'v Value<'a>,
    path: String,
    out: &mut Vec<(String, &'v Value<'a>)>,
    depth: usize,
) {
    if depth > 4 {
        return;
    }
    match v {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                candidates(item, format!("{path}[{i}]"), out, depth + 1);
            }
        }
        Value::Object(o) => {
            if let Some(graph) = o.get("@graph") {
                return candidates(graph, format!("{path}@graph"), out, depth + 1);
            }
            let ts = json::ld_types(v);
            if ts.contains(&"ItemList") {
                let sep = if path.is_empty() { "" } else { "." };
                for (i, el) in one_or_many(o.get("itemListElement")).enumerate() {
                    let p = format!("{path}{sep}itemListElement[{i}]");
                    match el.get("item") {
                        Some(item) => candidates(item, format!("{p}.item"), out, depth + 1),
                        None => candidates(el, p, out, depth + 1),
                    }
                }
            } else if ts.contains(&"ListItem") {
                if let Some(item) = o.get("item") {
                    candidates(item, format!("{path}.item"), out, depth + 1);
                }
            } else if ts.iter().any(|t| is_event_type(t)) || ts.is_empty() {
                // Untyped objects are offered too, so that they are reported rather than ignored.
                out.push((path, v));
            }
            // Other types (Organization, WebPage, Place…) belong to the page, not to us.
        }
        _ => out.push((path, v)),
    }
}

pub fn parse_document(doc: &Value, source: &str) -> FeedPage {
    let lang = context_language(doc);
    let mut found = Vec::new();
    candidates(doc, String::new(), &mut found, 0);
    let mut page = FeedPage::default();
    for (index, (path, node)) in found.into_iter().enumerate() {
        let path = if path.is_empty() {
            "$".to_owned()
        } else {
            path
        };
        if !is_event(node) {
            page.problems.push(Problem {
                feed: source.to_owned(),
                index,
                event_id: node.get("@id").and_then(Value::as_str).map(str::to_owned),
                path,
                message: format!("expected a schema.org Event, found {}", describe(node)),
            });
            continue;
        }
        read_tree(node, &path, None, &lang, source, index, &mut page, 0);
    }
    page
}

fn describe(v: &Value) -> String {
    match v {
        Value::Object(_) => "an object without an Event @type".to_owned(),
        other => json::kind(other).to_owned(),
    }
}

/// Reads an event and its nested sub-events (flattened, linked both ways).
#[allow(clippy::too_many_arguments)]
fn read_tree(
    node: &Value,
    path: &str,
    parent: Option<&str>,
    lang: &str,
    source: &str,
    index: usize,
    page: &mut FeedPage,
    depth: usize,
) -> Option<String> {
    match parse_event(node, lang) {
        Err((field, message)) => {
            page.problems.push(Problem {
                feed: source.to_owned(),
                index,
                event_id: node.get("@id").and_then(Value::as_str).map(str::to_owned),
                path: if field.is_empty() {
                    path.to_owned()
                } else {
                    format!("{path}.{field}")
                },
                message,
            });
            None
        }
        Ok(mut ev) => {
            if let Some(p) = parent {
                ev.super_event = Some(p.to_owned());
            }
            let id = ev.id.clone();
            let slot = page.events.len();
            page.events.push(ev);
            page.paths.push(path.to_owned());
            if depth < MAX_NESTING {
                let subs: Vec<&Value> = one_or_many(node.get("subEvent"))
                    .filter(|s| is_event(s))
                    .collect();
                for (i, sub) in subs.into_iter().enumerate() {
                    let sub_path = format!("{path}.subEvent[{i}]");
                    if let Some(child) = read_tree(
                        sub,
                        &sub_path,
                        Some(&id),
                        lang,
                        source,
                        index,
                        page,
                        depth + 1,
                    ) {
                        let parent_ev = &mut page.events[slot];
                        if !parent_ev.sub_events.contains(&child) {
                            parent_ev.sub_events.push(child);
                        }
                    }
                }
            }
            Some(id)
        }
    }
}

type FieldError = (String, String);

fn short<'v>(t: Option<&'v Value>) -> Option<&'v str> {
    t.and_then(Value::as_str)
        .map(|s| s.rsplit(['/', ':']).next().unwrap_or(s))
}

pub fn parse_event(v: &Value, lang: &str) -> Result<Event, FieldError> {
    let obj = v
        .as_object()
        .ok_or_else(|| (String::new(), "an event must be a JSON object".to_owned()))?;
    let name = json::localized(obj.get("name"), lang);
    if name.is_empty() {
        return Err((
            "name".into(),
            "the event has no name in any language".into(),
        ));
    }
    let mut warnings = Vec::new();
    let mut start = json::when(obj.get("startDate")).map_err(|m| ("startDate".to_owned(), m))?;
    let mut end = json::when(obj.get("endDate")).map_err(|m| ("endDate".to_owned(), m))?;
    warnings.extend(json::time_note(obj.get("startDate"), start, "startDate"));
    warnings.extend(json::time_note(obj.get("endDate"), end, "endDate"));
    if json::has_markup(obj.get("name")) {
        warnings.push("name: contains HTML, which is shown as plain text".to_owned());
    }
    let (status, moved_online) = match short(obj.get("eventStatus")) {
        Some("EventCancelled") => (EventStatus::Cancelled, false),
        Some("EventPostponed") => (EventStatus::Postponed, false),
        Some("EventRescheduled") => (EventStatus::Rescheduled, false),
        Some("EventMovedOnline") => (EventStatus::Scheduled, true),
        _ => (EventStatus::Scheduled, false),
    };
    check_times(&mut start, &mut end, status, &mut warnings);
    let online_mode =
        moved_online || short(obj.get("eventAttendanceMode")) == Some("OnlineEventAttendanceMode");

    let (venue, located) = read_location(obj.get("location"), online_mode, lang, &mut warnings);

    let id = event_id(obj).unwrap_or_else(|| {
        // No identifier: derive a stable one, so links and deduplication still work.
        let key = format!(
            "{}|{:?}|{}",
            name.text(crate::lang::Lang::Fi),
            start,
            venue
                .as_ref()
                .map(|v| v.name.text(crate::lang::Lang::Fi))
                .unwrap_or("")
        );
        warnings
            .push("the event has no @id; an id was derived from its name, start and place".into());
        format!("jsonld:{:016x}", fnv1a(key.as_bytes()))
    });

    let ts = json::ld_types(v);
    let keywords: Vec<String> = match obj.get("keywords") {
        Some(Value::String(s)) => s
            .split(',')
            .map(|k| k.trim().to_owned())
            .filter(|k| !k.is_empty())
            .collect(),
        other => one_or_many(other)
            .filter_map(|k| k.as_str().map(str::to_owned))
            .collect(),
    };
    let categories = Category::from_keywords(
        ts.iter()
            .filter_map(|t| Category::from_schema_type(t))
            .chain(keywords.iter().filter_map(|k| Category::from_keyword(k))),
    );

    let offers: Vec<&Map> = one_or_many(obj.get("offers"))
        .filter_map(Value::as_object)
        .collect();
    let zero = |p: &Value| json::number(Some(p)) == Some(0.0);
    let free_flag = obj.get("isAccessibleForFree").and_then(Value::as_bool);
    let any_price = offers.iter().any(|o| o.get("price").is_some());
    let is_free =
        if free_flag == Some(true) || offers.iter().any(|o| o.get("price").is_some_and(zero)) {
            Some(true)
        } else if free_flag == Some(false) || any_price {
            Some(false)
        } else {
            None
        };
    let price = offers
        .iter()
        .find_map(|o| {
            let p = o.get("price").filter(|p| !zero(p))?;
            let amount = match p {
                Value::Number(n) => shortest(*n),
                Value::String(s) => super::text::plain(s),
                _ => return None,
            };
            let currency = match o.get("priceCurrency").and_then(Value::as_str) {
                Some("EUR") | None => "€".to_owned(),
                Some(c) => super::text::plain(c),
            };
            Some(format!("{amount} {currency}").replace('.', ","))
        })
        .map(|p| Localized(vec![(lang.into(), p)]))
        .unwrap_or_default();
    let ticket_url = offers
        .iter()
        .find_map(|o| o.get("url"))
        .map(|u| json::localized_url(Some(u), lang))
        .unwrap_or_default();

    let (min_age, max_age) = age_range(obj.get("typicalAgeRange"));
    Ok(Event {
        id,
        name,
        short_description: Localized::default(),
        description: json::localized_raw(obj.get("description"), lang),
        start,
        end,
        status,
        venue,
        position: located.position,
        location_kind: located.kind,
        municipality: located.municipality,
        categories,
        keywords,
        is_free,
        price,
        info_url: json::localized_url(obj.get("url"), lang),
        ticket_url,
        image: read_image(obj.get("image"), lang),
        organizer: one_or_many(obj.get("organizer"))
            .next()
            .map(|o| match o {
                Value::Object(m) => json::localized(m.get("name"), lang),
                other => json::localized(Some(other), lang),
            })
            .unwrap_or_default(),
        in_language: one_or_many(obj.get("inLanguage"))
            .filter_map(|l| match l {
                Value::String(s) => Some(s.to_string()),
                Value::Object(m) => m
                    .get("alternateName")
                    .or_else(|| m.get("name"))
                    .and_then(Value::as_str)
                    .map(str::to_owned),
                _ => None,
            })
            .collect(),
        audience_min_age: min_age,
        audience_max_age: max_age,
        super_event: obj.get("superEvent").and_then(reference_id),
        super_event_type: if ts.contains(&"EventSeries") {
            Some(SuperEventType::Recurring)
        } else if obj.contains_key("subEvent") {
            Some(SuperEventType::Umbrella)
        } else {
            None
        },
        sub_events: one_or_many(obj.get("subEvent"))
            .filter(|s| !is_event(s))
            .filter_map(reference_id)
            .collect(),
        warnings,
    })
}

fn event_id(obj: &Map) -> Option<String> {
    let ident = match obj.get("identifier") {
        Some(Value::String(s)) => Some(s.to_string()),
        Some(Value::Number(n)) => Some(shortest(*n)),
        Some(Value::Object(m)) => m.get("value").and_then(|v| {
            v.as_str()
                .map(str::to_owned)
                .or_else(|| v.as_f64().map(shortest))
        }),
        _ => None,
    };
    obj.get("@id")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .or(ident)
        .or_else(|| obj.get("url").and_then(Value::as_str).map(str::to_owned))
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
}

/// 64-bit FNV-1a: tiny, stable across builds and platforms (std's hasher is neither promised).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// "7-12", "7–12", "18-" or "7+" into bounds.
fn age_range(v: Option<&Value>) -> (Option<u32>, Option<u32>) {
    let Some(s) = v.and_then(Value::as_str) else {
        return (None, None);
    };
    let s = s.replace(['–', '+'], "-");
    let mut parts = s
        .splitn(2, '-')
        .map(|p| p.trim().parse::<u32>().ok().filter(|n| *n <= 150));
    (parts.next().flatten(), parts.next().flatten())
}

#[cfg(test)]
mod tests {
    use super::super::json_value::Json;
    use super::*;
    use crate::feed::parse_feed;
    use crate::lang::Lang;

    macro_rules! json {
        ($($t:tt)+) => { Json::from(&serde_json::json!($($t)+)) };
    }

    fn one(v: Value) -> Event {
        let page = parse_document(&v, "t");
        assert!(page.problems.is_empty(), "{:?}", page.problems);
        page.events.into_iter().next().unwrap()
    }

    #[test]
    fn every_document_shape_is_read() {
        let ev = |id: &str| serde_json::json!({"@type": "MusicEvent", "@id": id, "name": "Konsertti", "startDate": "2026-12-05T19:00"});
        let shapes: [Json; 4] = [
            Json::from(&ev("a")),
            json!([ev("a"), ev("b")]),
            json!({"@context": "https://schema.org", "@graph": [ev("a"), {"@type": "Organization", "name": "X"}, ev("b")]}),
            json!({"@type": "ItemList", "itemListElement": [{"@type": "ListItem", "position": 1, "item": ev("a")}, ev("b")]}),
        ];
        let counts: Vec<_> = shapes
            .iter()
            .map(|s| parse_document(s, "t").events.len())
            .collect();
        assert_eq!(counts, [1, 2, 2, 2]);
    }

    #[test]
    fn subtypes_map_to_categories_and_series_and_festivals_are_recognised() {
        assert_eq!(
            one(json!({"@type": "TheaterEvent", "name": "x", "@id": "1"})).categories,
            [Category::Theatre]
        );
        assert_eq!(
            one(json!({"@type": ["Event", "ExhibitionEvent"], "name": "x", "@id": "1"})).categories,
            [Category::Exhibitions]
        );
        assert_eq!(
            one(json!({"@type": "Event", "name": "x", "@id": "1"})).categories,
            [Category::Other]
        );
        let series = one(json!({"@type": "EventSeries", "name": "x", "@id": "s"}));
        assert_eq!(series.super_event_type, Some(SuperEventType::Recurring));
    }

    #[test]
    fn geo_is_latitude_first_and_may_be_strings() {
        let e = one(
            json!({"@type": "Event", "@id": "1", "name": "x", "location": {
            "@type": "Place", "name": "Kajaanin taidemuseo",
            "address": {"@type": "PostalAddress", "streetAddress": "Linnankatu 14", "addressLocality": "Kajaani"},
            "geo": {"@type": "GeoCoordinates", "latitude": "64.2247", "longitude": 27.7286}}}),
        );
        assert_eq!(
            e.position,
            Some(LatLon {
                lat: 64.2247,
                lon: 27.7286
            })
        );
        assert_eq!(
            (e.location_kind, e.municipality),
            (LocationKind::Exact, Some("205"))
        );
        assert_eq!(
            e.venue.unwrap().street_address.text(Lang::Fi),
            "Linnankatu 14"
        );
    }

    #[test]
    fn a_string_location_and_a_one_line_address_find_the_municipality() {
        let e = one(
            json!({"@type": "Event", "@id": "1", "name": "x", "location": "Kuhmo-talo, Kuhmo"}),
        );
        assert_eq!(
            (e.location_kind, e.municipality),
            (LocationKind::Approximate, Some("290"))
        );
        let e = one(json!({"@type": "Event", "@id": "1", "name": "x",
            "location": {"@type": "Place", "name": "Kirjasto", "address": "Kauppakatu 18, 87100 Kajaani"}}));
        assert_eq!(e.municipality, Some("205"));
    }

    #[test]
    fn online_events_are_never_pinned() {
        let virt = one(json!({"@type": "Event", "@id": "1", "name": "x",
            "location": {"@type": "VirtualLocation", "url": "https://stream"}}));
        assert_eq!(
            (virt.location_kind, virt.position),
            (LocationKind::Online, None)
        );
        let mode = one(json!({"@type": "Event", "@id": "1", "name": "x",
            "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode",
            "location": {"@type": "Place", "name": "Studio", "address": {"addressLocality": "Oulu"}}}));
        assert_eq!(mode.location_kind, LocationKind::Online);
        let mixed = one(json!({"@type": "Event", "@id": "1", "name": "x",
            "eventAttendanceMode": "MixedEventAttendanceMode",
            "location": [{"@type": "VirtualLocation", "url": "https://s"}, {"@type": "Place", "name": "Valve", "address": {"addressLocality": "Oulu"}}]}));
        assert_eq!(mixed.municipality, Some("564"));
    }

    #[test]
    fn status_in_full_url_or_short_form() {
        let st = |s: &str| {
            one(json!({"@type": "Event", "@id": "1", "name": "x", "eventStatus": s})).status
        };
        assert_eq!(
            st("https://schema.org/EventCancelled"),
            EventStatus::Cancelled
        );
        assert_eq!(st("EventPostponed"), EventStatus::Postponed);
        assert_eq!(
            st("http://schema.org/EventRescheduled"),
            EventStatus::Rescheduled
        );
        assert_eq!(st("EventScheduled"), EventStatus::Scheduled);
    }

    #[test]
    fn price_zero_or_free_flag_means_free() {
        let free = |offers: serde_json::Value| {
            one(json!({"@type": "Event", "@id": "1", "name": "x", "offers": offers})).is_free
        };
        assert_eq!(
            free(serde_json::json!({"@type": "Offer", "price": 0})),
            Some(true)
        );
        assert_eq!(free(serde_json::json!([{"price": "0"}])), Some(true));
        assert_eq!(
            free(serde_json::json!({"price": "12.50", "priceCurrency": "EUR"})),
            Some(false)
        );
        let e =
            one(json!({"@type": "Event", "@id": "1", "name": "x", "isAccessibleForFree": true}));
        assert_eq!(e.is_free, Some(true));
        let e = one(
            json!({"@type": "Event", "@id": "1", "name": "x", "offers": {"price": 12.5, "priceCurrency": "EUR", "url": "https://liput.fi"}}),
        );
        assert_eq!(
            (e.price.text(Lang::Fi), e.ticket_url.text(Lang::Fi)),
            ("12,5 €", "https://liput.fi")
        );
    }

    #[test]
    fn images_organizer_languages_and_ages() {
        let e = one(json!({"@type": "Event", "@id": "1", "name": "x",
            "image": [{"@type": "ImageObject", "url": "https://k.fi/a.jpg", "caption": "Kuoro", "author": {"name": "A. K."}}],
            "organizer": {"@type": "Organization", "name": "Kuhmon kaupunki"},
            "inLanguage": ["fi", {"@type": "Language", "name": "Swedish", "alternateName": "sv"}],
            "typicalAgeRange": "7-12"}));
        let img = e.image.unwrap();
        assert_eq!(
            (img.alt.text(Lang::Fi), img.credit.as_deref()),
            ("Kuoro", Some("A. K."))
        );
        assert_eq!(e.organizer.text(Lang::Fi), "Kuhmon kaupunki");
        assert_eq!(e.in_language, ["fi", "sv"]);
        assert_eq!(
            (e.audience_min_age, e.audience_max_age),
            (Some(7), Some(12))
        );
        let e =
            one(json!({"@type": "Event", "@id": "1", "name": "x", "image": "javascript:alert(1)"}));
        assert!(e.image.is_none());
    }

    #[test]
    fn nested_sub_events_are_flattened_and_linked() {
        let page = parse_document(
            &json!({"@type": "Festival", "@id": "fest", "name": "Festivaali",
            "subEvent": [
                {"@type": "MusicEvent", "@id": "p1", "name": "Avajaiskonsertti", "startDate": "2027-02-10T18:00"},
                {"@type": "DanceEvent", "@id": "p2", "name": "Tanssi", "startDate": "2027-02-11T18:00"},
            ]}),
            "t",
        );
        let ids: Vec<_> = page.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["fest", "p1", "p2"]);
        assert_eq!(page.events[0].sub_events, ["p1", "p2"]);
        assert_eq!(
            page.events[0].super_event_type,
            Some(SuperEventType::Umbrella)
        );
        assert_eq!(page.events[2].super_event.as_deref(), Some("fest"));
    }

    #[test]
    fn missing_ids_are_derived_stably_and_broken_events_reported() {
        let doc = json!([
            {"@type": "Event", "name": "Ilman tunnistetta", "startDate": "2026-12-05"},
            {"@type": "Event", "name": "Rikki", "startDate": "ensi viikolla"},
            {"name": "Ei tyyppiä"},
        ]);
        let a = parse_document(&doc, "t");
        let b = parse_document(&doc, "t");
        assert_eq!(a.events.len(), 1);
        assert_eq!(a.events[0].id, b.events[0].id);
        assert!(a.events[0].id.starts_with("jsonld:"));
        let paths: Vec<_> = a.problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["[1].startDate", "[2]"]);
    }

    #[test]
    fn language_tagged_names_and_context_language() {
        let e = one(
            json!({"@context": ["https://schema.org", {"@language": "sv"}], "@type": "Event", "@id": "1",
            "name": [{"@language": "fi", "@value": "Konsertti"}, "Konsert"]}),
        );
        assert_eq!(e.name.pick(Lang::Sv), Some(("sv", &"Konsert".to_owned())));
        assert_eq!(e.name.text(Lang::Fi), "Konsertti");
    }

    #[test]
    fn the_bundled_json_ld_sample_reads_cleanly() {
        let page = parse_feed(
            include_bytes!("../../../../../public/sample-feed-jsonld.json"),
            "ld",
        )
        .unwrap();
        assert!(page.problems.is_empty(), "{:?}", page.problems);
        assert!(page.events.len() >= 10);
        let has = |f: &dyn Fn(&Event) -> bool| page.events.iter().any(f);
        assert!(has(&|e| e.status == EventStatus::Cancelled));
        assert!(has(
            &|e| e.status == EventStatus::Postponed && e.start.is_none()
        ));
        assert!(has(&|e| e.location_kind == LocationKind::Online));
        assert!(has(&|e| e.location_kind == LocationKind::Approximate));
        assert!(has(&|e| e.start.is_some_and(|s| s.is_all_day())));
        assert!(has(
            &|e| e.super_event_type == Some(SuperEventType::Recurring)
        ));
        assert!(has(
            &|e| e.super_event_type == Some(SuperEventType::Umbrella)
        ));
    }
}
