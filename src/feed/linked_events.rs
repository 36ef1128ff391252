//! Linked Events, the event API that Finnish cities run (City of Helsinki's linkedevents).
//!
//! A page is `{"meta": {"count", "next", "previous"}, "data": [event…]}`. Reading is tolerant:
//! each event is read on its own, so one that is broken becomes a `Problem` and the rest are kept.
//! Places are usually embedded; when a publisher gives only `{"@id": url}`, the loader fetches
//! each distinct place once and passes them in as `places`.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::json::{self, reference_id};
use super::location::{locate, Located, PlaceClues};
use super::model::*;
use super::{Category, FeedPage};

pub fn is_linked_events(doc: &Value) -> bool {
    doc.get("data").is_some_and(Value::is_array)
}

/// Place URLs that events reference without embedding the place, each once.
pub fn missing_places(doc: &Value) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for ev in doc
        .get("data")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let Some(loc) = ev.get("location").and_then(Value::as_object) else {
            continue;
        };
        let Some(url) = loc.get("@id").and_then(Value::as_str) else {
            continue;
        };
        if !is_embedded(loc) && !is_internet(url) && !out.iter().any(|u| u == url) {
            out.push(url.to_owned());
        }
    }
    out
}

fn is_embedded(place: &Map<String, Value>) -> bool {
    place.contains_key("name") || place.contains_key("position")
}

fn is_internet(place_id: &str) -> bool {
    place_id.trim_end_matches('/').ends_with(":internet")
}

pub fn parse_page(doc: &Value, source: &str, places: &HashMap<String, Value>) -> FeedPage {
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
        match parse_event(item, places) {
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
pub fn parse_event(v: &Value, places: &HashMap<String, Value>) -> Result<Event, FieldError> {
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
    let name = json::localized(obj.get("name"), "fi");
    if name.is_empty() {
        return Err(err("name", "the event has no name in any language"));
    }
    let mut warnings = Vec::new();

    let mut start = json::when(obj.get("start_time")).map_err(|m| err("start_time", m))?;
    let mut end = json::when(obj.get("end_time")).map_err(|m| err("end_time", m))?;
    // Linked Events marks date-only events with has_start_time / has_end_time = false.
    if obj.get("has_start_time").and_then(Value::as_bool) == Some(false) {
        start = start.map(json::as_day);
    }
    if obj.get("has_end_time").and_then(Value::as_bool) == Some(false) {
        end = end.map(json::as_day);
    }
    let status = match obj.get("event_status").and_then(Value::as_str) {
        Some("EventCancelled") => EventStatus::Cancelled,
        Some("EventPostponed") => EventStatus::Postponed,
        Some("EventRescheduled") => EventStatus::Rescheduled,
        _ => EventStatus::Scheduled,
    };
    check_times(&mut start, &mut end, status, &mut warnings);

    let location = obj.get("location").and_then(Value::as_object);
    let location = location.map(|loc| match loc.get("@id").and_then(Value::as_str) {
        Some(url) if !is_embedded(loc) => places.get(url).and_then(Value::as_object).unwrap_or(loc),
        _ => loc,
    });
    let (venue, located) = read_place(location, &mut warnings);

    let keywords: Vec<String> = obj
        .get("keywords")
        .and_then(Value::as_array)
        .map(|ks| ks.iter().filter_map(reference_id).collect())
        .unwrap_or_default();
    let categories = Category::from_keywords(keywords.iter().filter_map(|k| Category::from_yso(k)));

    let offer = obj
        .get("offers")
        .and_then(Value::as_array)
        .and_then(|o| o.first())
        .and_then(Value::as_object);
    let image = obj
        .get("images")
        .and_then(Value::as_array)
        .and_then(|i| i.first())
        .and_then(Value::as_object)
        .and_then(|img| {
            let url = img
                .get("url")
                .and_then(Value::as_str)
                .and_then(super::rich_text::safe_url)?;
            let credit = [img.get("photographer_name"), img.get("license")]
                .into_iter()
                .filter_map(|v| v.and_then(Value::as_str).map(super::text::plain))
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>();
            Some(Image {
                url,
                alt: json::localized(img.get("alt_text"), "fi"),
                credit: (!credit.is_empty()).then(|| credit.join(", ")),
            })
        });

    Ok(Event {
        id,
        name,
        short_description: json::localized(obj.get("short_description"), "fi"),
        description: json::localized_rich(obj.get("description"), "fi"),
        start,
        end,
        status,
        venue,
        position: located.position,
        location_kind: located.kind,
        municipality: located.municipality,
        categories,
        keywords,
        is_free: offer
            .and_then(|o| o.get("is_free"))
            .and_then(Value::as_bool),
        price: json::localized(offer.and_then(|o| o.get("price")), "fi"),
        info_url: json::localized_url(obj.get("info_url"), "fi"),
        ticket_url: json::localized_url(offer.and_then(|o| o.get("info_url")), "fi"),
        image,
        organizer: json::localized(obj.get("provider"), "fi"),
        in_language: obj
            .get("in_language")
            .and_then(Value::as_array)
            .map(|ls| ls.iter().filter_map(reference_id).collect())
            .unwrap_or_default(),
        audience_min_age: json::small_uint(obj.get("audience_min_age")),
        audience_max_age: json::small_uint(obj.get("audience_max_age")),
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

/// Rules every format shares: an end before the start is dropped; a missing start is kept.
pub(super) fn check_times(
    start: &mut Option<crate::time::When>,
    end: &mut Option<crate::time::When>,
    status: EventStatus,
    warnings: &mut Vec<String>,
) {
    if let (Some(s), Some(e)) = (*start, *end) {
        if e.end_instant() < s.first_instant() {
            warnings.push("the end is before the start; the end was ignored".to_owned());
            *end = None;
        }
    }
    if start.is_none() && status != EventStatus::Postponed {
        warnings.push("no start time: listed under \"date to be announced\"".to_owned());
    }
}

fn read_place(
    place: Option<&Map<String, Value>>,
    warnings: &mut Vec<String>,
) -> (Option<Venue>, Located) {
    let Some(obj) = place else {
        return (None, Located::UNKNOWN);
    };
    let place_id = obj
        .get("id")
        .or_else(|| obj.get("@id"))
        .and_then(Value::as_str)
        .unwrap_or("");
    if is_internet(place_id) {
        return (None, Located::ONLINE);
    }
    if !is_embedded(obj) {
        warnings.push(format!(
            "place {place_id} is neither embedded nor could be fetched"
        ));
        return (None, Located::UNKNOWN);
    }
    let venue = Venue {
        name: json::localized(obj.get("name"), "fi"),
        street_address: json::localized(obj.get("street_address"), "fi"),
        locality: json::localized(obj.get("address_locality"), "fi"),
        postal_code: obj
            .get("postal_code")
            .and_then(Value::as_str)
            .map(str::to_owned),
    };
    // GeoJSON order: [lon, lat].
    let coords = obj
        .get("position")
        .and_then(|p| p.get("coordinates"))
        .and_then(Value::as_array);
    let coordinates =
        coords.and_then(|c| Some((json::number(c.get(1))?, json::number(c.first())?)));
    let division_names: Vec<String> = obj
        .get("divisions")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(|d| d.get("type").and_then(Value::as_str) == Some("muni"))
        .flat_map(|d| {
            let ocd = d.get("ocd_id").and_then(Value::as_str).unwrap_or("");
            let from_ocd = ocd.split_once("kunta:").map(|(_, n)| n.replace('_', " "));
            from_ocd.into_iter().chain(
                json::localized(d.get("name"), "fi")
                    .0
                    .into_iter()
                    .map(|(_, n)| n),
            )
        })
        .collect();
    let clues = PlaceClues {
        coordinates,
        divisions: division_names.iter().map(String::as_str).collect(),
        localities: venue.locality.0.iter().map(|(_, n)| n.as_str()).collect(),
    };
    let located = locate(&clues, warnings);
    (Some(venue), located)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::When;
    use chrono::NaiveDate;
    use serde_json::json;

    fn event(extra: Value) -> Value {
        let mut base = json!({"id": "kk:1", "name": {"fi": "Konsertti"}, "start_time": "2026-12-05T17:00:00Z"});
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

    fn parse(v: Value) -> Event {
        parse_event(&v, &HashMap::new()).unwrap()
    }

    #[test]
    fn one_broken_event_is_reported_and_the_rest_kept() {
        let doc = json!({"meta": {"next": "https://x/page2"}, "data": [
            event(json!({})),
            event(json!({"id": "kk:2", "start_time": "tomorrow"})),
            42,
            event(json!({"id": "kk:4"})),
        ]});
        let page = parse_page(&doc, "test-feed", &HashMap::new());
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
    fn missing_end_is_a_point_event_and_date_flags_make_days() {
        assert_eq!(parse(event(json!({}))).end, None);
        let e = parse(event(
            json!({"start_time": "2026-12-04T22:00:00Z", "has_start_time": false}),
        ));
        assert_eq!(
            e.start,
            Some(When::Day(NaiveDate::from_ymd_opt(2026, 12, 5).unwrap()))
        );
    }

    #[test]
    fn postponed_event_without_start_is_kept() {
        let e = parse(event(
            json!({"start_time": null, "event_status": "EventPostponed"}),
        ));
        assert_eq!((e.start, e.status), (None, EventStatus::Postponed));
        assert!(e.warnings.is_empty());
    }

    #[test]
    fn end_before_start_is_dropped_with_a_warning() {
        let e = parse(event(json!({"end_time": "2026-12-01T10:00:00Z"})));
        assert_eq!(e.end, None);
        assert_eq!(e.warnings.len(), 1);
    }

    #[test]
    fn exact_position_and_municipality_from_divisions() {
        let e = parse(event(place(json!({
            "position": {"type": "Point", "coordinates": [29.518, 64.1255]},
            "divisions": [{"type": "muni", "ocd_id": "ocd-division/country:fi/kunta:kuhmo"}],
        }))));
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
        let e = parse(event(place(
            json!({"position": {"type": "Point", "coordinates": [65.012, 25.465]}}),
        )));
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
        let e = parse(event(place(
            json!({"address_locality": {"sv": "Uleåborg"}}),
        )));
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
        let e = parse(event(
            json!({"location": {"@id": "https://x/place/helsinki:internet/"}}),
        ));
        assert_eq!((e.location_kind, e.position), (LocationKind::Online, None));
    }

    #[test]
    fn referenced_places_are_listed_once_and_used_when_fetched() {
        let url = "https://api/place/kk:kuhmotalo/";
        let doc = json!({"data": [
            event(json!({"location": {"@id": url}})),
            event(json!({"id": "kk:2", "location": {"@id": url}})),
            event(json!({"id": "kk:3", "location": {"@id": "https://api/place/x:internet/"}})),
        ]});
        assert_eq!(missing_places(&doc), [url]);
        let unresolved = parse_page(&doc, "t", &HashMap::new());
        assert_eq!(unresolved.events[0].location_kind, LocationKind::Unknown);
        assert!(unresolved.events[0].warnings[0].contains("neither embedded"));
        let places = HashMap::from([(
            url.to_owned(),
            json!({"id": "kk:kuhmotalo", "name": {"fi": "Kuhmo-talo"},
                   "position": {"type": "Point", "coordinates": [29.518, 64.1255]}}),
        )]);
        let page = parse_page(&doc, "t", &places);
        assert_eq!(page.events[1].municipality, Some("290"));
        assert_eq!(
            page.events[1]
                .venue
                .as_ref()
                .unwrap()
                .name
                .text(crate::i18n::Lang::Fi),
            "Kuhmo-talo"
        );
    }

    #[test]
    fn keywords_map_to_categories_and_unknown_ones_are_kept() {
        let e = parse(event(json!({"keywords": [
            {"@id": "https://api/keyword/yso:p1808/"}, {"@id": "https://api/keyword/yso:p360/"},
            {"@id": "https://api/keyword/local:jazz/"},
        ]})));
        assert_eq!(e.categories, [Category::Music]);
        assert_eq!(e.keywords, ["yso:p1808", "yso:p360", "local:jazz"]);
        assert_eq!(parse(event(json!({}))).categories, [Category::Other]);
    }

    #[test]
    fn titles_become_plain_text_and_descriptions_safe_rich_text() {
        let e = parse(event(json!({
            "name": {"fi": "<b>Jazz</b> &amp; <script>x()</script>"},
            "description": {"fi": "<p>Hei <a href=\"javascript:x()\">linkki</a></p>"},
        })));
        assert_eq!(e.name.text(crate::i18n::Lang::Fi), "Jazz & x()");
        let (_, d) = e.description.pick(crate::i18n::Lang::Fi).unwrap();
        assert_eq!(d.plain_text(), "Hei linkki");
    }

    #[test]
    fn offers_images_ages_and_languages() {
        let e = parse(event(json!({
            "offers": [{"is_free": false, "price": {"fi": "15 €"}, "info_url": {"fi": "https://liput.fi/x"}}],
            "images": [{"url": "https://kuva.fi/a.jpg", "alt_text": "Kuoro", "photographer_name": "A. Kuvaaja", "license": "cc_by"}],
            "audience_min_age": 7, "audience_max_age": "12",
            "in_language": [{"@id": "https://api/language/fi/"}, {"@id": "https://api/language/sv/"}],
        })));
        assert_eq!(e.is_free, Some(false));
        assert_eq!(e.price.text(crate::i18n::Lang::Fi), "15 €");
        assert_eq!(
            e.ticket_url.text(crate::i18n::Lang::Fi),
            "https://liput.fi/x"
        );
        let img = e.image.unwrap();
        assert_eq!(
            (img.url.as_str(), img.credit.as_deref()),
            ("https://kuva.fi/a.jpg", Some("A. Kuvaaja, cc_by"))
        );
        assert_eq!(
            (e.audience_min_age, e.audience_max_age),
            (Some(7), Some(12))
        );
        assert_eq!(e.in_language, ["fi", "sv"]);
    }

    #[test]
    fn series_references_are_reduced_to_ids() {
        let e = parse(event(json!({
            "super_event_type": "recurring",
            "sub_events": [{"@id": "https://api/event/kk:2/"}, {"@id": "https://api/event/kk:3/"}],
            "super_event": null,
        })));
        assert_eq!(e.super_event_type, Some(SuperEventType::Recurring));
        assert_eq!(e.sub_events, ["kk:2", "kk:3"]);
    }
}
