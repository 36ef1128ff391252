//! Kiosk mode for library touch screens: its settings from the URL (with safe limits), the
//! idle countdown's arithmetic, the attract loop's choice of events, and QR codes that stand in
//! for every outbound link (a kiosk must never navigate away).

use chrono::{DateTime, Duration, Utc};

use kulttuurikartta_core::feed::{Event, EventStatus, LocationKind};
use kulttuurikartta_core::time::helsinki;

/// WCAG 2.2.1: a time limit must be announced with at least 20 seconds to extend it.
pub const COUNTDOWN_SECS: u32 = 20;
pub const MIN_IDLE_SECS: u32 = 20;

#[derive(Debug, Clone, PartialEq)]
pub struct KioskSettings {
    /// Seconds without a touch before the "still there?" countdown (default 60, never < 20).
    pub idle_secs: u32,
    /// Whether the attract loop runs when nobody is using the kiosk.
    pub attract: bool,
    /// Minutes between feed refreshes (default 10, 1–1440).
    pub refresh_mins: u32,
    /// Seconds each event is shown in the attract loop.
    pub attract_secs: u32,
    /// Hours after which an idle kiosk reloads its start address (default 6, 1–48): a clean
    /// slate for memory. leptos_router keeps every URL it navigates to, replacements included,
    /// so an attract loop that runs all day grows memory by about half a megabyte an hour.
    pub reload_hours: u32,
}

impl Default for KioskSettings {
    fn default() -> Self {
        KioskSettings {
            idle_secs: 60,
            attract: true,
            refresh_mins: 10,
            attract_secs: 8,
            reload_hours: 6,
        }
    }
}

impl KioskSettings {
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> KioskSettings {
        let mut k = KioskSettings::default();
        for (key, v) in pairs {
            let v = v.trim();
            match key {
                "idle" => {
                    if let Ok(s) = v.parse::<u32>() {
                        k.idle_secs = s.clamp(MIN_IDLE_SECS, 3600);
                    }
                }
                "attract" => k.attract = v != "0",
                "refresh" => {
                    if let Ok(m) = v.parse::<u32>() {
                        k.refresh_mins = m.clamp(1, 1440);
                    }
                }
                "reload_hours" => {
                    if let Ok(h) = v.parse::<u32>() {
                        k.reload_hours = h.clamp(1, 48);
                    }
                }
                "attract_secs" => {
                    if let Ok(s) = v.parse::<u32>() {
                        k.attract_secs = s.clamp(4, 120);
                    }
                }
                _ => {}
            }
        }
        k
    }
}

/// Where the idle timer stands after `idle` seconds without a touch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdleState {
    Active,
    /// The countdown is showing, with this many seconds left.
    Countdown(u32),
    /// Time is up: return to the home state.
    Reset,
}

pub fn idle_state(idle_secs: u32, settings: &KioskSettings) -> IdleState {
    if idle_secs < settings.idle_secs {
        IdleState::Active
    } else if idle_secs < settings.idle_secs + COUNTDOWN_SECS {
        IdleState::Countdown(settings.idle_secs + COUNTDOWN_SECS - idle_secs)
    } else {
        IdleState::Reset
    }
}

/// What the attract loop shows: events on today and in the coming week that are on site and
/// not cancelled, soonest first, at most `limit`.
pub fn attract_events(events: &[Event], now: DateTime<Utc>, limit: usize) -> Vec<usize> {
    let today = helsinki::local_date(now);
    let until = helsinki::start_of_day(today + Duration::days(7));
    events
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.status != EventStatus::Cancelled
                && matches!(e.location_kind, LocationKind::Exact | LocationKind::Approximate)
                && e.start.is_some_and(|s| s.first_instant() < until)
                && e.is_current_or_upcoming(now)
                // Long exhibitions would crowd out what actually happens this week.
                && e.last_instant().zip(e.start).is_none_or(|(l, s)| l - s.first_instant() <= Duration::days(2))
        })
        .map(|(i, _)| i)
        .take(limit)
        .collect()
}

/// A QR code as an SVG path over a `size`×`size` module grid (quiet zone included), ready to
/// draw with `viewBox="0 0 size size"`. Medium error correction: readable from a phone at arm's
/// length even on a glossy screen. `None` if the text is too long for any QR version.
pub fn qr_path(text: &str) -> Option<(u32, String)> {
    use qrcodegen::{QrCode, QrCodeEcc};
    let qr = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let border = 4;
    let n = qr.size();
    let mut d = String::new();
    for y in 0..n {
        let mut x = 0;
        while x < n {
            if qr.get_module(x, y) {
                let start = x;
                while x < n && qr.get_module(x, y) {
                    x += 1;
                }
                // One horizontal run per rectangle keeps the path short.
                d.push_str(&format!(
                    "M{},{}h{}v1h-{}z",
                    start + border,
                    y + border,
                    x - start,
                    x - start
                ));
            } else {
                x += 1;
            }
        }
    }
    Some(((n + 2 * border) as u32, d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use kulttuurikartta_core::feed::{parse_feed, Catalogue};

    #[test]
    fn settings_have_safe_limits() {
        let k = KioskSettings::from_pairs([("idle", "5"), ("attract", "0"), ("refresh", "0")]);
        assert_eq!(k.idle_secs, 20, "never under 20 s");
        assert!(!k.attract);
        assert_eq!(k.refresh_mins, 1);
        assert_eq!(
            KioskSettings::from_pairs([("idle", "abc")]),
            KioskSettings::default()
        );
    }

    #[test]
    fn the_countdown_lasts_twenty_seconds_after_the_idle_time() {
        let k = KioskSettings::default();
        assert_eq!(idle_state(59, &k), IdleState::Active);
        assert_eq!(idle_state(60, &k), IdleState::Countdown(20));
        assert_eq!(idle_state(79, &k), IdleState::Countdown(1));
        assert_eq!(idle_state(80, &k), IdleState::Reset);
    }

    #[test]
    fn attract_picks_this_weeks_on_site_events_only() {
        let feed = r#"{"meta":{"count":5,"next":null},"data":[
          {"id":"a","name":{"fi":"A"},"start_time":"2026-11-28T18:00:00+02:00","location":{"name":{"fi":"Kajaanin teatteri"},"address_locality":{"fi":"Kajaani"}}},
          {"id":"b","name":{"fi":"B"},"start_time":"2026-11-29T18:00:00+02:00","event_status":"EventCancelled","location":{"address_locality":{"fi":"Kajaani"}}},
          {"id":"c","name":{"fi":"C"},"start_time":"2026-12-10T18:00:00+02:00","location":{"address_locality":{"fi":"Kajaani"}}},
          {"id":"d","name":{"fi":"D"},"start_time":"2026-11-30T18:00:00+02:00","location":{"name":{"fi":"Oulun teatteri"},"address_locality":{"fi":"Oulu"}}},
          {"id":"e","name":{"fi":"E"},"start_time":"2026-11-01","end_time":"2027-01-31","location":{"address_locality":{"fi":"Oulu"}}}
        ]}"#;
        let cat = Catalogue::from_pages([parse_feed(feed.as_bytes(), "t").unwrap()]);
        let now = Utc.with_ymd_and_hms(2026, 11, 28, 8, 0, 0).unwrap();
        let ids: Vec<&str> = attract_events(&cat.events, now, 10)
            .into_iter()
            .map(|i| cat.events[i].id.as_str())
            .collect();
        assert_eq!(ids, ["a", "d"]);
    }

    #[test]
    fn qr_codes_are_square_with_a_quiet_zone() {
        let (size, d) = qr_path("https://liput.example.fi/tapahtuma/123?lang=fi").unwrap();
        // Version 3 or 4 for this length: 29 or 33 modules plus 8 of quiet zone.
        assert!([37, 41].contains(&size), "{size}");
        assert!(
            d.starts_with("M4,4h7"),
            "the finder pattern starts the top-left corner: {}",
            &d[..12]
        );
        assert!(qr_path(&"x".repeat(5000)).is_none());
    }
}
