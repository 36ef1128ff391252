//! Linked Events, the event API that Finnish cities run (City of Helsinki's linkedevents).
//!
//! A page is `{"meta": {"count", "next", "previous"}, "data": [event…]}`. Reading is tolerant:
//! each event is read on its own, so one that is broken becomes a `Problem` and the rest are kept.
//! Places are usually embedded; when a publisher gives only `{"@id": url}`, the loader fetches
//! each distinct place once and passes them in as `places`.

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use bumpalo::Bump;

use super::json_value::{Json as Value, Object as Map, Seed, MAX_DEPTH};

use super::category::Category;
use super::json::{self, reference_id};
use super::location::{locate, Located, PlaceClues};
use super::model::*;
use super::page::FeedPage;

pub fn is_linked_events(doc: &Value) -> bool {
    doc.get("data").is_some_and(Value::is_array)
}

fn is_embedded(place: &Map) -> bool {
    place.contains_key("name") || place.contains_key("position")
}

fn is_internet(place_id: &str) -> bool {
    place_id.trim_end_matches('/').ends_with(":internet")
}

/// Reads a Linked Events page straight from its bytes, one event at a time: each event's JSON
/// tree is built, read and dropped before the next, so a 100 000-event feed never exists as one
/// tree in memory. `Ok(None)`: the document is JSON but not a Linked Events page. Takes text
/// already checked to be UTF-8: checking the whole document at once is faster than checking
/// each of its strings.
pub fn parse_streaming(text: &str, source: &str) -> Result<Option<FeedPage>, serde_json::Error> {
    let mut page = FeedPage::default();
    let mut saw_data = false;
    let mut de = serde_json::Deserializer::from_str(text);
    PageSeed {
        source,
        page: &mut page,
        saw_data: &mut saw_data,
    }
    .deserialize(&mut de)?;
    de.end()?;
    Ok(saw_data.then_some(page))
}

struct PageSeed<'s> {
    source: &'s str,
    page: &'s mut FeedPage,
    saw_data: &'s mut bool,
}

impl<'de> DeserializeSeed<'de> for PageSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for PageSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a Linked Events page")
    }
    // Any other top-level value is simply not a Linked Events page.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(())
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match key.as_ref() {
                "data" => {
                    let seed = EventsSeed {
                        source: self.source,
                        page: &mut *self.page,
                        is_array: false,
                    };
                    *self.saw_data = map.next_value_seed(seed)?;
                }
                "meta" => {
                    let arena = Bump::new();
                    let meta = map.next_value_seed(Seed::new(&arena))?;
                    self.page.next = meta
                        .get("next")
                        .and_then(Value::as_str)
                        .filter(|s| !s.is_empty())
                        .map(str::to_owned);
                    self.page.total = meta
                        .get("count")
                        .and_then(Value::as_f64)
                        .filter(|n| *n >= 0.0)
                        .map(|n| n as usize);
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

struct EventsSeed<'s> {
    source: &'s str,
    page: &'s mut FeedPage,
    is_array: bool,
}

impl<'de> DeserializeSeed<'de> for EventsSeed<'_> {
    /// Whether `data` was an array.
    type Value = bool;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for EventsSeed<'_> {
    type Value = bool;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an array of events")
    }
    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<bool, A::Error> {
        self.is_array = true;
        // One arena for all events, reset between them: the allocator is touched only when an
        // event is bigger than any before it.
        let mut arena = Bump::new();
        let mut index = 0;
        loop {
            let seed = Seed::new(&arena);
            match seq.next_element_seed(seed)? {
                Some(item) => match seed.too_deep() {
                    None => read_item(&item, index, self.source, self.page),
                    Some(under) => {
                        self.page
                            .problems
                            .push(too_deep(&item, index, under, self.source))
                    }
                },
                None => break,
            }
            arena.reset();
            index += 1;
        }
        Ok(self.is_array)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(false)
    }
    fn visit_bool<E>(self, _: bool) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_i64<E>(self, _: i64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_u64<E>(self, _: u64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_f64<E>(self, _: f64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_str<E>(self, _: &str) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_unit<E>(self) -> Result<bool, E> {
        Ok(false)
    }
}

/// An event with a value nested deeper than the reader goes is not shown: what was skipped may
/// have been what the event meant. The rest of the feed is read as usual.
fn too_deep(item: &Value, index: usize, under: &str, source: &str) -> Problem {
    let message =
        format!("a value is nested more than {MAX_DEPTH} levels deep; the event was not read");
    item_problem(item, index, under, message, source)
}

/// A problem with item `index` of `data`, at `field` within it (or the item itself).
fn item_problem(item: &Value, index: usize, field: &str, message: String, source: &str) -> Problem {
    Problem {
        feed: source.to_owned(),
        index,
        event_id: item.get("id").and_then(Value::as_str).map(str::to_owned),
        path: if field.is_empty() {
            format!("data[{index}]")
        } else {
            format!("data[{index}].{field}")
        },
        message,
    }
}

/// Reads one item of `data` into the page: an event, or a problem report.
fn read_item(item: &Value, index: usize, source: &str, page: &mut FeedPage) {
    match parse_event(item) {
        Ok((ev, unresolved_place)) => {
            if let Some(url) = unresolved_place {
                page.unresolved_places.push((page.events.len(), url));
            }
            page.events.push(ev);
        }
        Err((field, message)) => page
            .problems
            .push(item_problem(item, index, &field, message, source)),
    }
}

/// Reads a page already parsed into a tree (tests and tools).
pub fn parse_page(doc: &Value, source: &str) -> FeedPage {
    let mut page = FeedPage {
        next: doc
            .pointer("/meta/next")
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .map(str::to_owned),
        ..FeedPage::default()
    };
    let items = doc.get("data").and_then(Value::as_array).unwrap_or(&[]);
    for (index, item) in items.iter().enumerate() {
        read_item(item, index, source, &mut page);
    }
    page
}

/// Fills in a place that the feed only referenced (`{"@id": url}`) from the bytes the loader
/// fetched for it. A place document that is not JSON leaves the event as it was (unmapped, with
/// its warning), never lost.
pub fn resolve_place_bytes(ev: &mut Event, bytes: &[u8]) {
    let arena = bumpalo::Bump::new();
    let place = std::str::from_utf8(bytes)
        .ok()
        .and_then(|text| Value::parse_in(text, &arena).ok());
    if let Some(place) = place {
        resolve_place(ev, &place);
    }
}

/// Fills in a referenced place from its JSON document.
pub fn resolve_place(ev: &mut Event, place: &Value) {
    let mut warnings = Vec::new();
    let (venue, located) = read_place(place.as_object(), &mut warnings);
    if venue.is_none() {
        return;
    }
    ev.warnings.retain(|w| !w.contains("neither embedded"));
    ev.warnings.extend(warnings);
    ev.venue = venue;
    ev.position = located.position;
    ev.location_kind = located.kind;
    ev.municipality = located.municipality;
}

type FieldError = (String, String);

fn err(field: &str, message: impl Into<String>) -> FieldError {
    (field.to_owned(), message.into())
}

/// Reads one event. An error names the field (relative to the event) and what is wrong with it.
/// A place given only as a reference comes back as its URL, for the loader to fetch.
pub fn parse_event(v: &Value) -> Result<(Event, Option<String>), FieldError> {
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
    warnings.extend(json::time_note(obj.get("start_time"), start, "start_time"));
    warnings.extend(json::time_note(obj.get("end_time"), end, "end_time"));
    if json::has_markup(obj.get("name")) {
        warnings.push("name: contains HTML, which is shown as plain text".to_owned());
    }
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
    let unresolved_place = location.and_then(|loc| {
        let url = loc.get("@id").and_then(Value::as_str)?;
        (!is_embedded(loc) && !is_internet(url)).then(|| url.to_owned())
    });
    let (venue, located) = read_place(location, &mut warnings);

    let keywords: Vec<String> = obj
        .get("keywords")
        .and_then(Value::as_array)
        .map(|ks| ks.iter().filter_map(reference_id).collect())
        .unwrap_or_default();
    let categories =
        Category::from_keywords(keywords.iter().filter_map(|k| Category::from_keyword(k)));

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
    let info_url = json::localized_url(obj.get("info_url"), "fi");
    let given_links = match obj.get("info_url") {
        Some(Value::Object(o)) => o
            .iter()
            .filter(|(_, v)| v.as_str().is_some_and(|s| !s.trim().is_empty()))
            .count(),
        Some(Value::String(s)) if !s.trim().is_empty() => 1,
        _ => 0,
    };
    if given_links > info_url.0.len() {
        warnings.push("info_url: a link that is not http(s) was left out".to_owned());
    }

    let event = Event {
        id,
        name,
        short_description: json::localized(obj.get("short_description"), "fi"),
        description: json::localized_raw(obj.get("description"), "fi"),
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
        info_url,
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
    };
    Ok((event, unresolved_place))
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

fn read_place(place: Option<&Map>, warnings: &mut Vec<String>) -> (Option<Venue>, Located) {
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
    use serde_json::{json, Value};

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
        parse_event(&(&v).into()).unwrap().0
    }

    fn page(doc: &Value) -> FeedPage {
        parse_page(&doc.into(), "test-feed")
    }

    #[test]
    fn one_broken_event_is_reported_and_the_rest_kept() {
        let doc = json!({"meta": {"next": "https://x/page2"}, "data": [
            event(json!({})),
            event(json!({"id": "kk:2", "start_time": "tomorrow"})),
            42,
            event(json!({"id": "kk:4"})),
        ]});
        let page = page(&doc);
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
    fn referenced_places_are_reported_and_filled_in_when_fetched() {
        let url = "https://api/place/kk:kuhmotalo/";
        let doc = json!({"data": [
            event(json!({"location": {"@id": url}})),
            event(json!({"id": "kk:3", "location": {"@id": "https://api/place/x:internet/"}})),
        ]});
        let mut p = page(&doc);
        assert_eq!(p.unresolved_places, [(0, url.to_owned())]);
        assert_eq!(p.events[0].location_kind, LocationKind::Unknown);
        assert!(p.events[0].warnings[0].contains("neither embedded"));
        let place = super::Value::from(&json!({"id": "kk:kuhmotalo", "name": {"fi": "Kuhmo-talo"},
            "position": {"type": "Point", "coordinates": [29.518, 64.1255]}}));
        resolve_place(&mut p.events[0], &place);
        assert_eq!(p.events[0].municipality, Some("290"));
        assert_eq!(
            p.events[0]
                .venue
                .as_ref()
                .unwrap()
                .name
                .text(crate::lang::Lang::Fi),
            "Kuhmo-talo"
        );
        assert!(p.events[0].warnings.is_empty());
    }

    #[test]
    fn streaming_and_tree_reading_agree() {
        let doc = json!({"meta": {"next": "https://x/2"}, "data": [event(json!({})), 42, event(json!({"id": "kk:2"}))]});
        let streamed = parse_streaming(&doc.to_string(), "test-feed")
            .unwrap()
            .unwrap();
        let tree = page(&doc);
        assert_eq!(streamed.events, tree.events);
        assert_eq!(streamed.problems, tree.problems);
        assert_eq!(streamed.next, tree.next);
        assert!(parse_streaming("[1, 2]", "t").unwrap().is_none());
        assert!(parse_streaming(r#"{"data": 3}"#, "t").unwrap().is_none());
        assert!(parse_streaming(r#"{"data": [}"#, "t").is_err());
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
        assert_eq!(e.name.text(crate::lang::Lang::Fi), "Jazz &");
        let (_, d) = e.description_rich(crate::lang::Lang::Fi).unwrap();
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
        assert_eq!(e.price.text(crate::lang::Lang::Fi), "15 €");
        assert_eq!(
            e.ticket_url.text(crate::lang::Lang::Fi),
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
