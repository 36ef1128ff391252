//! The events the map can show, as the map needs them: every located event of a catalogue
//! projected once, and which of them a filter result shows. Online events and events without a
//! place have no point.

use std::sync::Arc;

use kulttuurikartta_core::feed::{Event, EventStatus, LocalizedText, LocationKind};
use kulttuurikartta_core::time::When;
use kulttuurikartta_geo::projection::{project, unproject, Point};
use kulttuurikartta_geo::viewport::LatLonBounds;

/// One located event, as the map needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct MapPoint {
    pub id: String,
    pub name: LocalizedText,
    pub at: Point,
    pub approximate: bool,
    pub cancelled: bool,
    /// Municipality code, for cluster labels.
    pub municipality: Option<&'static str>,
    pub start: Option<When>,
    pub end: Option<When>,
    pub venue: LocalizedText,
}

impl MapPoint {
    /// The event's place on the map, if it has one (not online, not unknown).
    pub fn of_event(e: &Event) -> Option<MapPoint> {
        if !matches!(
            e.location_kind,
            LocationKind::Exact | LocationKind::Approximate
        ) {
            return None;
        }
        let p = e.position?;
        Some(MapPoint {
            id: e.id.clone(),
            name: e.name.clone(),
            at: project(p.lat, p.lon),
            approximate: e.location_kind == LocationKind::Approximate,
            cancelled: e.status == EventStatus::Cancelled,
            municipality: e.municipality,
            start: e.start,
            end: e.end,
            venue: e.venue.as_ref().map(|v| v.name.clone()).unwrap_or_default(),
        })
    }
}

/// Every located event of a catalogue as a map point, and for each event its point (if any):
/// built once per catalogue, so that a filter change only says which points are shown.
pub struct MapPoints {
    pub points: Arc<Vec<MapPoint>>,
    point_of_event: Vec<Option<u32>>,
}

impl MapPoints {
    pub fn new(events: &[Event]) -> MapPoints {
        let mut points = Vec::new();
        let point_of_event = events
            .iter()
            .map(|e| {
                let p = MapPoint::of_event(e)?;
                points.push(p);
                Some(points.len() as u32 - 1)
            })
            .collect();
        MapPoints {
            points: Arc::new(points),
            point_of_event,
        }
    }

    /// Which points the events `matching` (indices into the catalogue) show.
    pub fn shown(&self, matching: &[usize]) -> Vec<bool> {
        let mut shown = vec![false; self.points.len()];
        for &i in matching {
            if let Some(Some(p)) = self.point_of_event.get(i) {
                shown[*p as usize] = true;
            }
        }
        shown
    }
}

/// The lat/lon box around the points whose indices `which` gives, if there are any.
pub fn bounds_of(points: &[MapPoint], which: impl Iterator<Item = usize>) -> Option<LatLonBounds> {
    LatLonBounds::around(which.filter_map(|i| points.get(i)).map(|p| unproject(p.at)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use kulttuurikartta_core::feed::parse_feed;

    fn events() -> Vec<Event> {
        let feed = br#"{"data":[
            {"id":"a","name":{"fi":"A"},"start_time":"2026-12-05T18:00:00+02:00",
             "location":{"name":{"fi":"Kajaanin teatteri"},"position":{"type":"Point","coordinates":[27.73,64.22]}}},
            {"id":"b","name":{"fi":"B"},"start_time":"2026-12-05","location":{"id":"virtual"},"is_virtual":true},
            {"id":"c","name":{"fi":"C"},"start_time":"2026-12-06","event_status":"EventCancelled",
             "location":{"name":{"fi":"Oulun kaupunginteatteri"},"position":{"type":"Point","coordinates":[25.47,65.01]}}}
        ]}"#;
        parse_feed(feed, "t").unwrap().events
    }

    #[test]
    fn located_events_get_points_and_others_none() {
        let evs = events();
        let located: Vec<Option<&str>> = evs
            .iter()
            .map(|e| MapPoint::of_event(e).map(|_| e.id.as_str()))
            .collect();
        assert_eq!(located, vec![Some("a"), None, Some("c")]);
        let c = MapPoint::of_event(&evs[2]).unwrap();
        assert!(c.cancelled);
        assert_eq!(c.at, project(65.01, 25.47));
    }

    #[test]
    fn a_filter_result_shows_the_points_of_its_events() {
        let evs = events();
        let points = MapPoints::new(&evs);
        assert_eq!(points.points.len(), 2);
        assert_eq!(points.shown(&[0, 1, 2]), vec![true, true]);
        // The online event has no point: showing it shows nothing.
        assert_eq!(points.shown(&[1]), vec![false, false]);
        assert_eq!(points.shown(&[2, 99]), vec![false, true]);
    }

    #[test]
    fn the_bounds_enclose_the_chosen_points() {
        let points = MapPoints::new(&events());
        let b = bounds_of(&points.points, 0..2).unwrap();
        assert!((b.south - 64.22).abs() < 1e-6 && (b.north - 65.01).abs() < 1e-6);
        assert!((b.west - 25.47).abs() < 1e-6 && (b.east - 27.73).abs() < 1e-6);
        assert_eq!(bounds_of(&points.points, std::iter::empty()), None);
    }
}
