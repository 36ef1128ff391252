//! How an event is described in words, wherever it appears (list rows, the map card, the event
//! page, the kiosk's attract card): its municipality's name, its place line and its status.

use kulttuurikartta_core::feed::{Event, EventStatus, LocationKind};
use kulttuurikartta_core::region::municipality;

use crate::i18n::{Key, Lang, Translate};

/// The municipality's name in the UI language (Swedish names where they exist).
pub fn municipality_name(code: &str, lang: Lang) -> Option<&'static str> {
    municipality::by_code(code).map(|m| {
        if lang == Lang::Sv {
            m.name_sv
        } else {
            m.name_fi
        }
    })
}

/// The class and label of an event's status badge; none for a scheduled event.
pub fn status_badge(status: EventStatus) -> Option<(&'static str, Key)> {
    match status {
        EventStatus::Scheduled => None,
        EventStatus::Cancelled => Some(("cancelled", Key::Cancelled)),
        EventStatus::Postponed => Some(("postponed", Key::Postponed)),
        EventStatus::Rescheduled => Some(("rescheduled", Key::Rescheduled)),
    }
}

/// Venue and municipality on one line.
pub fn place_line(ev: &Event, lang: Lang) -> Option<String> {
    if ev.location_kind == LocationKind::Online {
        return Some(lang.t(Key::Online2).to_owned());
    }
    let venue = ev
        .venue
        .as_ref()
        .map(|v| v.name.text(lang).to_owned())
        .filter(|s| !s.is_empty());
    let muni = ev.municipality.and_then(|c| municipality_name(c, lang));
    match (venue, muni) {
        (Some(v), Some(m)) if !v.contains(m) => Some(format!("{v}, {m}")),
        (Some(v), _) => Some(v),
        (None, Some(m)) => Some(m.to_owned()),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn municipality_names_follow_the_language() {
        assert_eq!(municipality_name("564", Lang::Fi), Some("Oulu"));
        assert_eq!(municipality_name("564", Lang::Sv), Some("Uleåborg"));
        assert_eq!(municipality_name("205", Lang::En), Some("Kajaani"));
        assert_eq!(municipality_name("999", Lang::Fi), None);
    }

    fn fi(s: &str) -> kulttuurikartta_core::feed::LocalizedText {
        kulttuurikartta_core::feed::Localized(vec![(
            kulttuurikartta_core::feed::LangTag::new("fi"),
            s.to_owned(),
        )])
    }

    #[test]
    fn the_place_line_names_venue_and_municipality_once() {
        let feed = br#"{"data":[{"id":"x","name":{"fi":"A"},"start_time":"2026-12-05"}]}"#;
        let mut ev = kulttuurikartta_core::feed::parse_feed(feed, "t")
            .unwrap()
            .events
            .remove(0);
        ev.municipality = None;
        ev.location_kind = LocationKind::Unknown;
        assert_eq!(place_line(&ev, Lang::Fi), None);
        ev.municipality = Some("205");
        assert_eq!(place_line(&ev, Lang::Fi).as_deref(), Some("Kajaani"));
        ev.venue = Some(kulttuurikartta_core::feed::Venue {
            name: fi("Kajaanin teatteri"),
            ..Default::default()
        });
        assert_eq!(
            place_line(&ev, Lang::Fi).as_deref(),
            Some("Kajaanin teatteri")
        );
        ev.venue.as_mut().unwrap().name = fi("Kaukametsä");
        assert_eq!(
            place_line(&ev, Lang::Fi).as_deref(),
            Some("Kaukametsä, Kajaani")
        );
        ev.location_kind = LocationKind::Online;
        assert_eq!(
            place_line(&ev, Lang::En).as_deref(),
            Some(Lang::En.t(Key::Online2))
        );
    }

    #[test]
    fn only_unusual_statuses_get_a_badge() {
        assert_eq!(status_badge(EventStatus::Scheduled), None);
        assert_eq!(
            status_badge(EventStatus::Cancelled).map(|b| b.0),
            Some("cancelled")
        );
    }
}
