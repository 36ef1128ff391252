//! The normalised event: what every feed format is turned into.

use crate::lang::Lang;
use crate::time::When;

use super::category::Category;
use super::rich_text::RichText;

/// A language code ("fi", "sv", "en", "se"…) stored inline: feeds tag every text with one,
/// and a heap string for each would be most of the allocations made while reading a feed.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct LangTag {
    bytes: [u8; 12],
    len: u8,
}

impl LangTag {
    /// Lowercased; anything that is not a plausible BCP 47 tag becomes "und" (undetermined).
    pub fn new(s: &str) -> LangTag {
        let s = s.trim();
        let ok = !s.is_empty()
            && s.len() <= 12
            && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        let s = if ok { s } else { "und" };
        let mut bytes = [0; 12];
        for (d, b) in bytes.iter_mut().zip(s.bytes()) {
            *d = b.to_ascii_lowercase();
        }
        LangTag {
            bytes,
            len: s.len() as u8,
        }
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len as usize]).unwrap_or("und")
    }
}

impl std::fmt::Debug for LangTag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

impl From<&str> for LangTag {
    fn from(s: &str) -> Self {
        LangTag::new(s)
    }
}

impl PartialEq<str> for LangTag {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for LangTag {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// A value in several languages (order not significant: `pick` chooses). Each entry remembers its real
/// language, so the page can mark it with `lang` even when it is a fallback.
#[derive(Debug, Clone, PartialEq)]
pub struct Localized<T>(pub Vec<(LangTag, T)>);

impl<T> Default for Localized<T> {
    fn default() -> Self {
        Localized(Vec::new())
    }
}

impl<T> Localized<T> {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The value in `lang`, else Finnish, Swedish, English, else any; with its language code.
    pub fn pick(&self, lang: Lang) -> Option<(&str, &T)> {
        let find = |code: &str| self.0.iter().find(|(l, _)| l == code);
        find(lang.code())
            .or_else(|| Lang::ALL.iter().find_map(|l| find(l.code())))
            .or_else(|| self.0.first())
            .map(|(l, t)| (l.as_str(), t))
    }
}

pub type LocalizedText = Localized<String>;

impl LocalizedText {
    /// The text alone, or "" when there is none.
    pub fn text(&self, lang: Lang) -> &str {
        self.pick(lang).map_or("", |(_, t)| t.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EventStatus {
    #[default]
    Scheduled,
    Cancelled,
    Postponed,
    Rescheduled,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LatLon {
    pub lat: f64,
    pub lon: f64,
}

/// How sure we are of where an event is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocationKind {
    /// The feed gave coordinates inside Finland.
    Exact,
    /// No usable coordinates: the municipality's centre stands in.
    Approximate,
    /// An online event: never pinned on the map.
    Online,
    /// Neither coordinates nor a municipality: listed, not mapped.
    Unknown,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Venue {
    pub name: LocalizedText,
    pub street_address: LocalizedText,
    pub locality: LocalizedText,
    pub postal_code: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Image {
    pub url: String,
    pub alt: LocalizedText,
    /// Photographer or author, and licence, as the feed gave them.
    pub credit: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuperEventType {
    /// A series of dates of the same event; its sub-events are the dates.
    Recurring,
    /// A festival or programme made of different events.
    Umbrella,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: String,
    pub name: LocalizedText,
    pub short_description: LocalizedText,
    /// As the feed gave it (HTML). Only ever shown through `description_rich`, which sanitises;
    /// parsing it lazily keeps loading a large feed fast.
    pub description: LocalizedText,
    pub start: Option<When>,
    /// `None` is a point event (or an open-ended one), never an implied 24 hours.
    pub end: Option<When>,
    pub status: EventStatus,
    pub venue: Option<Venue>,
    /// Where to pin the event: exact, or the municipality centre when approximate.
    pub position: Option<LatLon>,
    pub location_kind: LocationKind,
    /// Official code of the municipality, when known.
    pub municipality: Option<&'static str>,
    pub categories: Vec<Category>,
    /// Keyword ids as given, including ones that map to no category.
    pub keywords: Vec<String>,
    pub is_free: Option<bool>,
    pub price: LocalizedText,
    pub info_url: LocalizedText,
    /// Where to buy tickets (http/https only).
    pub ticket_url: LocalizedText,
    pub image: Option<Image>,
    pub organizer: LocalizedText,
    /// Languages the event is held in (codes as given).
    pub in_language: Vec<String>,
    pub audience_min_age: Option<u32>,
    pub audience_max_age: Option<u32>,
    pub super_event: Option<String>,
    pub super_event_type: Option<SuperEventType>,
    pub sub_events: Vec<String>,
    /// Things we corrected or guessed while reading the event (shown to publishers).
    pub warnings: Vec<String>,
}

impl Event {
    /// The description in `lang` (with fallbacks) as sanitised rich text, with its language.
    pub fn description_rich(&self, lang: Lang) -> Option<(&str, RichText)> {
        self.description
            .pick(lang)
            .map(|(l, html)| (l, super::rich_text::parse(html)))
            .filter(|(_, r)| !r.is_empty())
    }

    /// The last instant the event covers; for a point event its start.
    pub fn last_instant(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        self.end
            .map(When::end_instant)
            .or(self.start.map(When::first_instant))
    }

    /// Whether a list of what is on should still show the event at `now`.
    pub fn is_current_or_upcoming(&self, now: chrono::DateTime<chrono::Utc>) -> bool {
        match (self.start, self.end) {
            (None, _) => true, // date to be announced
            (Some(s), None) if s.is_all_day() => s.end_instant() > now,
            _ => self.last_instant().is_some_and(|t| t >= now),
        }
    }
}

/// One event that could not be read, with enough detail for its publisher to fix it.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The feed's URL or name.
    pub feed: String,
    /// Position in the feed's event array.
    pub index: usize,
    pub event_id: Option<String>,
    /// JSON path of the offending value, e.g. `data[12].start_time`.
    pub path: String,
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lt(pairs: &[(&str, &str)]) -> LocalizedText {
        Localized(
            pairs
                .iter()
                .map(|(a, b)| (LangTag::new(a), b.to_string()))
                .collect(),
        )
    }

    #[test]
    fn text_falls_back_ui_language_then_fi_sv_en_then_any_and_keeps_its_language() {
        let t = lt(&[("en", "Concert"), ("fi", "Konsertti")]);
        assert_eq!(t.pick(Lang::Sv), Some(("fi", &"Konsertti".to_string())));
        assert_eq!(t.text(Lang::En), "Concert");
        let only_se = lt(&[("se", "Konsearta")]);
        assert_eq!(only_se.pick(Lang::Fi).map(|p| p.0), Some("se"));
        assert_eq!(LocalizedText::default().text(Lang::Fi), "");
    }
}
