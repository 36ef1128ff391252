//! Linked Events, the event API that Finnish cities run (City of Helsinki's linkedevents).
//!
//! A page is `{"meta": {"count", "next", "previous"}, "data": [event…]}`. Reading is tolerant:
//! each event is read on its own, so one that is broken becomes a `Problem` and the rest are kept.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde_json::{Map, Value};

use super::model::*;
use super::{text, Category, FeedPage};
use crate::region::municipality;
use crate::time::{helsinki, When};

/// Finland with a margin: coordinates outside are wrong (or swapped).
const FINLAND: (f64, f64, f64, f64) = (59.3, 70.2, 19.0, 31.7); // lat min, lat max, lon min, lon max
/// Kainuu and North Ostrobothnia with a margin: inside, a point's nearest municipality centre is
/// a fair guess of its municipality.
const REGIONS: (f64, f64, f64, f64) = (63.3, 66.6, 23.0, 30.7);

pub fn is_linked_events(doc: &Value) -> bool {
    doc.get("data").is_some_and(Value::is_array)
}

pub fn parse_page(doc: &Value, source: &str) -> FeedPage {
    let mut page = FeedPage {
        next: doc
            .pointer("/meta/next")
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .map(str::to_owned),
        ..FeedPage::default()
    };
    let items = doc
        .get("data")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    for (index, item) in items.iter().enumerate() {
        match parse_event(item) {
            Ok(ev) => page.events.push(ev),
            Err((field, message)) => page.problems.push(Problem {
                feed: source.to_owned(),
                index,
                event_id: item.get("id").and_then(Value::as_str).map(str::to_owned),
                path: if field.is_empty() {
                    format!("data[{index}]")
                } else {
                    format!("data[{index}].{field}")
                },
                message,
            }),
        }
    }
    page
}

type FieldError = (String, String);

fn err(field: &str, message: impl Into<String>) -> FieldError {
    (field.to_owned(), message.into())
}

/// Reads one event. An error names the field (relative to the event) and what is wrong with it.
pub fn parse_event(v: &Value) -> Result<Event, FieldError> {
    let obj = v
        .as_object()
        .ok_or_else(|| err("", "an event must be a JSON object"))?;
    let id = obj
        .get("id")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .ok_or_else(|| err("id", "the event has no id"))?
        .to_owned();
    let name = localized(obj.get("name"));
    if name.is_empty() {
        return Err(err("name", "the event has no name in any language"));
    }
    let mut warnings = Vec::new();

    let mut start = parse_when(obj.get("start_time")).map_err(|m| err("start_time", m))?;
    let mut end = parse_when(obj.get("end_time")).map_err(|m| err("end_time", m))?;
    // Linked Events marks date-only events with has_start_time / has_end_time = false.
    if obj.get("has_start_time").and_then(Value::as_bool) == Some(false) {
        start = start.map(as_day);
    }
    if obj.get("has_end_time").and_then(Value::as_bool) == Some(false) {
        end = end.map(as_day);
    }
    if let (Some(s), Some(e)) = (start, end) {
        if e.end_instant() < s.first_instant() {
            warnings.push("end_time is before start_time; the end was ignored".to_owned());
            end = None;
        }
    }

    let status = match obj.get("event_status").and_then(Value::as_str) {
        Some("EventCancelled") => EventStatus::Cancelled,
        Some("EventPostponed") => EventStatus::Postponed,
        Some("EventRescheduled") => EventStatus::Rescheduled,
        _ => EventStatus::Scheduled,
    };
    if start.is_none() && status != EventStatus::Postponed {
        warnings.push("no start_time: listed under \"date to be announced\"".to_owned());
    }

    let place = Place::read(obj.get("location"), &mut warnings);

    let keywords: Vec<String> = obj
        .get("keywords")
        .and_then(Value::as_array)
        .map(|ks| ks.iter().filter_map(reference_id).collect())
        .unwrap_or_default();
    let mut categories: Vec<Category> = keywords
        .iter()
        .filter_map(|k| Category::from_yso(k))
        .collect();
    categories.sort();
    categories.dedup();
    if categories.is_empty() {
        categories.push(Category::Other);
    }

    let offer = obj
        .get("offers")
        .and_then(Value::as_array)
        .and_then(|o| o.first())
        .and_then(Value::as_object);
    let is_free = offer
        .and_then(|o| o.get("is_free"))
        .and_then(Value::as_bool);
    let price = localized(offer.and_then(|o| o.get("price")));

    Ok(Event {
        id,
        name,
        short_description: localized(obj.get("short_description")),
        start,
        end,
        status,
        venue: place.venue,
        position: place.position,
        location_kind: place.kind,
        municipality: place.municipality,
        categories,
        keywords,
        is_free,
        price,
        info_url: localized_raw(obj.get("info_url")),
        super_event: obj.get("super_event").and_then(reference_id),
        super_event_type: match obj.get("super_event_type").and_then(Value::as_str) {
            Some("recurring") => Some(SuperEventType::Recurring),
            Some("umbrella") => Some(SuperEventType::Umbrella),
            _ => None,
        },
        sub_events: obj
            .get("sub_events")
            .and_then(Value::as_array)
            .map(|s| s.iter().filter_map(reference_id).collect())
            .unwrap_or_default(),
        warnings,
    })
}

/// RFC 3339 (with `Z` or an offset), a date alone, a local date-time without offset (read as
/// Helsinki time), or null.
pub fn parse_when(v: Option<&Value>) -> Result<Option<When>, String> {
    let s = match v {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => return Ok(None),
        Some(Value::String(s)) => s.trim(),
        Some(other) => {
            return Err(format!(
                "expected a date-time string, found {}",
                kind(other)
            ))
        }
    };
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(Some(When::At(t.with_timezone(&Utc))));
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Ok(Some(When::Day(d)));
    }
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"] {
        if let Ok(l) = NaiveDateTime::parse_from_str(s, fmt) {
            return Ok(Some(When::At(helsinki::from_local(l))));
        }
    }
    Err(format!(
        "\"{}\" is not a date (expected e.g. 2026-12-05T19:00:00+02:00 or 2026-12-05)",
        s.chars().take(40).collect::<String>()
    ))
}

fn as_day(w: When) -> When {
    match w {
        When::At(t) => When::Day(helsinki::local_date(t)),
        day => day,
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A multilingual object `{"fi": …, "sv": …}` (or a bare string, taken as Finnish) as plain text.
fn localized(v: Option<&Value>) -> LocalizedText {
    let mut t = localized_raw(v);
    for (_, s) in &mut t.0 {
        *s = text::plain(s);
    }
    t.0.retain(|(_, s)| !s.is_empty());
    t
}

/// Like `localized`, without turning HTML into text (for URLs).
fn localized_raw(v: Option<&Value>) -> LocalizedText {
    match v {
        Some(Value::String(s)) if !s.trim().is_empty() => {
            LocalizedText(vec![("fi".into(), s.trim().to_owned())])
        }
        Some(Value::Object(map)) => LocalizedText(
            map.iter()
                .filter_map(|(lang, s)| {
                    let s = s.as_str()?.trim();
                    (!s.is_empty()).then(|| (lang.to_ascii_lowercase(), s.to_owned()))
                })
                .collect(),
        ),
        _ => LocalizedText::default(),
    }
}

/// The id of a referenced resource: `{"@id": "…/event/kk:1/"}` → `kk:1`; a bare id stays.
fn reference_id(v: &Value) -> Option<String> {
    let raw = match v {
        Value::String(s) => s.as_str(),
        Value::Object(o) => o
            .get("@id")
            .or_else(|| o.get("id"))
            .and_then(Value::as_str)?,
        _ => return None,
    };
    let tail = raw.trim_end_matches('/').rsplit('/').next()?;
    (!tail.is_empty()).then(|| tail.to_owned())
}

struct Place {
    venue: Option<Venue>,
    position: Option<LatLon>,
    kind: LocationKind,
    municipality: Option<&'static str>,
}

impl Place {
    fn read(v: Option<&Value>, warnings: &mut Vec<String>) -> Place {
        let unknown = Place {
            venue: None,
            position: None,
            kind: LocationKind::Unknown,
            municipality: None,
        };
        let Some(obj) = v.and_then(Value::as_object) else {
            return unknown;
        };
        let place_id = obj
            .get("id")
            .or_else(|| obj.get("@id"))
            .and_then(Value::as_str)
            .unwrap_or("");
        if place_id.trim_end_matches('/').ends_with(":internet") {
            return Place {
                kind: LocationKind::Online,
                ..unknown
            };
        }
        if !obj.contains_key("name") && !obj.contains_key("position") {
            warnings.push(format!("location {place_id} is not embedded in the feed"));
            return unknown;
        }
        let venue = Venue {
            name: localized(obj.get("name")),
            street_address: localized(obj.get("street_address")),
            locality: localized(obj.get("address_locality")),
            postal_code: obj
                .get("postal_code")
                .and_then(Value::as_str)
                .map(str::to_owned),
        };
        let position = read_position(obj, warnings);
        let municipality = municipality_of(obj, &venue, position);
        let (position, kind) = match (position, municipality) {
            (Some(p), _) => (Some(p), LocationKind::Exact),
            (None, Some(code)) => {
                let m = municipality::by_code(code).expect("codes come from the table");
                (
                    Some(LatLon {
                        lat: m.lat,
                        lon: m.lon,
                    }),
                    LocationKind::Approximate,
                )
            }
            (None, None) => (None, LocationKind::Unknown),
        };
        Place {
            venue: Some(venue),
            position,
            kind,
            municipality,
        }
    }
}

fn inside(b: (f64, f64, f64, f64), lat: f64, lon: f64) -> bool {
    (b.0..=b.1).contains(&lat) && (b.2..=b.3).contains(&lon)
}

/// GeoJSON point `[lon, lat]`; swapped coordinates are detected and corrected with a warning.
fn read_position(obj: &Map<String, Value>, warnings: &mut Vec<String>) -> Option<LatLon> {
    let coords = obj.get("position")?.get("coordinates")?.as_array()?;
    let lon = coords.first()?.as_f64()?;
    let lat = coords.get(1)?.as_f64()?;
    if inside(FINLAND, lat, lon) {
        Some(LatLon { lat, lon })
    } else if inside(FINLAND, lon, lat) {
        warnings.push(format!(
            "position [{lon}, {lat}] has latitude and longitude swapped; GeoJSON order is [lon, lat]"
        ));
        Some(LatLon { lat: lon, lon: lat })
    } else {
        warnings.push(format!(
            "position [{lon}, {lat}] is outside Finland and was ignored"
        ));
        None
    }
}

/// From `divisions`, else the address locality, else the nearest centre when inside the regions.
fn municipality_of(
    obj: &Map<String, Value>,
    venue: &Venue,
    position: Option<LatLon>,
) -> Option<&'static str> {
    let from_divisions = obj
        .get("divisions")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(|d| d.get("type").and_then(Value::as_str) == Some("muni"))
        .find_map(|d| {
            let ocd = d.get("ocd_id").and_then(Value::as_str).unwrap_or("");
            let by_ocd = ocd
                .rsplit("kunta:")
                .next()
                .filter(|_| ocd.contains("kunta:"));
            by_ocd.and_then(municipality::by_name).or_else(|| {
                localized(d.get("name"))
                    .0
                    .iter()
                    .find_map(|(_, n)| municipality::by_name(n))
            })
        });
    from_divisions
        .or_else(|| {
            venue
                .locality
                .0
                .iter()
                .find_map(|(_, n)| municipality::by_name(n))
        })
        .or_else(|| {
            position
                .filter(|p| inside(REGIONS, p.lat, p.lon))
                .map(|p| municipality::nearest(p.lat, p.lon))
        })
        .map(|m| m.code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn event(extra: Value) -> Value {
        let mut base = json!({
            "id": "kk:1",
            "name": {"fi": "Konsertti"},
            "start_time": "2026-12-05T17:00:00Z",
        });
        base.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        base
    }

    fn place(extra: Value) -> Value {
        let mut p = json!({"id": "kk:place:1", "name": {"fi": "Kuhmo-talo"}});
        p.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        json!({ "location": p })
    }

    #[test]
    fn one_broken_event_is_reported_and_the_rest_kept() {
        let doc = json!({"meta": {"next": "https://x/page2"}, "data": [
            event(json!({})),
            event(json!({"id": "kk:2", "start_time": "tomorrow"})),
            42,
            event(json!({"id": "kk:4"})),
        ]});
        let page = parse_page(&doc, "test-feed");
        assert_eq!(page.events.len(), 2);
        assert_eq!(page.next.as_deref(), Some("https://x/page2"));
        assert_eq!(page.problems.len(), 2);
        let p = &page.problems[0];
        assert_eq!(
            (
                p.feed.as_str(),
                p.index,
                p.event_id.as_deref(),
                p.path.as_str()
            ),
            ("test-feed", 1, Some("kk:2"), "data[1].start_time")
        );
        assert!(
            p.message.contains("\"tomorrow\" is not a date"),
            "{}",
            p.message
        );
        assert_eq!(page.problems[1].path, "data[2]");
    }

    #[test]
    fn time_shapes_instant_date_only_local_and_null() {
        let at = |s: &str| parse_when(Some(&json!(s))).unwrap().unwrap();
        assert_eq!(at("2026-12-05T19:00:00+02:00"), at("2026-12-05T17:00:00Z"));
        assert!(at("2026-12-05").is_all_day());
        // No offset: Helsinki wall-clock time.
        assert_eq!(
            at("2026-12-05T19:00").to_rfc3339_helsinki(),
            "2026-12-05T19:00:00+02:00"
        );
        assert_eq!(parse_when(Some(&Value::Null)), Ok(None));
        assert_eq!(parse_when(None), Ok(None));
        assert!(parse_when(Some(&json!(20261205))).is_err());
    }

    #[test]
    fn missing_end_is_a_point_event_and_date_flags_make_days() {
        let e = parse_event(&event(json!({}))).unwrap();
        assert_eq!(e.end, None);
        let e = parse_event(&event(json!({
            "start_time": "2026-12-04T22:00:00Z", "has_start_time": false,
        })))
        .unwrap();
        assert_eq!(
            e.start,
            Some(When::Day(NaiveDate::from_ymd_opt(2026, 12, 5).unwrap()))
        );
    }

    #[test]
    fn postponed_event_without_start_is_kept() {
        let e = parse_event(&event(
            json!({"start_time": null, "event_status": "EventPostponed"}),
        ))
        .unwrap();
        assert_eq!((e.start, e.status), (None, EventStatus::Postponed));
        assert!(e.warnings.is_empty());
    }

    #[test]
    fn end_before_start_is_dropped_with_a_warning() {
        let e = parse_event(&event(json!({"end_time": "2026-12-01T10:00:00Z"}))).unwrap();
        assert_eq!(e.end, None);
        assert_eq!(e.warnings.len(), 1);
    }

    #[test]
    fn exact_position_and_municipality_from_divisions() {
        let e = parse_event(&event(place(json!({
            "position": {"type": "Point", "coordinates": [29.518, 64.1255]},
            "divisions": [{"type": "muni", "ocd_id": "ocd-division/country:fi/kunta:kuhmo"}],
        }))))
        .unwrap();
        assert_eq!(e.location_kind, LocationKind::Exact);
        assert_eq!(e.municipality, Some("290"));
        assert_eq!(
            e.position,
            Some(LatLon {
                lat: 64.1255,
                lon: 29.518
            })
        );
    }

    #[test]
    fn swapped_coordinates_are_corrected_with_a_warning() {
        let e = parse_event(&event(place(json!({
            "position": {"type": "Point", "coordinates": [65.012, 25.465]},
        }))))
        .unwrap();
        assert_eq!(
            e.position,
            Some(LatLon {
                lat: 65.012,
                lon: 25.465
            })
        );
        assert_eq!(
            e.municipality,
            Some("564"),
            "nearest centre inside the regions"
        );
        assert!(e.warnings[0].contains("swapped"));
    }

    #[test]
    fn no_coordinates_falls_back_to_the_locality_centre_marked_approximate() {
        let e = parse_event(&event(place(json!({
            "address_locality": {"sv": "Uleåborg"},
        }))))
        .unwrap();
        assert_eq!(e.location_kind, LocationKind::Approximate);
        assert_eq!(e.municipality, Some("564"));
        assert_eq!(
            e.position,
            Some(LatLon {
                lat: 65.012,
                lon: 25.465
            })
        );
    }

    #[test]
    fn internet_place_is_online_and_never_pinned() {
        let e = parse_event(&event(
            json!({"location": {"@id": "https://x/place/helsinki:internet/"}}),
        ))
        .unwrap();
        assert_eq!((e.location_kind, e.position), (LocationKind::Online, None));
    }

    #[test]
    fn outside_the_regions_has_no_municipality() {
        let e = parse_event(&event(place(json!({
            "position": {"type": "Point", "coordinates": [24.94, 60.17]},
        }))))
        .unwrap();
        assert_eq!(
            (e.location_kind, e.municipality),
            (LocationKind::Exact, None)
        );
    }

    #[test]
    fn keywords_map_to_categories_and_unknown_ones_are_kept() {
        let e = parse_event(&event(json!({"keywords": [
            {"@id": "https://api/keyword/yso:p1808/"}, {"@id": "https://api/keyword/yso:p360/"},
            {"@id": "https://api/keyword/local:jazz/"},
        ]})))
        .unwrap();
        assert_eq!(e.categories, [Category::Music]);
        assert_eq!(e.keywords, ["yso:p1808", "yso:p360", "local:jazz"]);
        let e = parse_event(&event(json!({}))).unwrap();
        assert_eq!(e.categories, [Category::Other]);
    }

    #[test]
    fn titles_become_plain_text() {
        let e = parse_event(&event(
            json!({"name": {"fi": "<b>Jazz</b> &amp; <script>x()</script>"}}),
        ))
        .unwrap();
        assert_eq!(e.name.text(crate::i18n::Lang::Fi), "Jazz & x()");
    }

    #[test]
    fn series_references_are_reduced_to_ids() {
        let e = parse_event(&event(json!({
            "super_event_type": "recurring",
            "sub_events": [{"@id": "https://api/event/kk:2/"}, {"@id": "https://api/event/kk:3/"}],
            "super_event": null,
        })))
        .unwrap();
        assert_eq!(e.super_event_type, Some(SuperEventType::Recurring));
        assert_eq!(e.sub_events, ["kk:2", "kk:3"]);
    }
}
