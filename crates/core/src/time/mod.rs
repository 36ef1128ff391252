//! Time as the app shows it: always Europe/Helsinki, whatever zone the browser runs in.

pub mod helsinki;
pub mod text;

use chrono::{DateTime, NaiveDate, Utc};

/// A moment an event starts or ends, as the feed gave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum When {
    /// A precise instant (the feed gave a clock time).
    At(DateTime<Utc>),
    /// A whole day in Helsinki (the feed gave a date only): shown without a clock time.
    Day(NaiveDate),
}

impl When {
    /// The first instant this covers: for a day, its local midnight in Helsinki.
    pub fn first_instant(self) -> DateTime<Utc> {
        match self {
            When::At(t) => t,
            When::Day(d) => helsinki::start_of_day(d),
        }
    }

    /// The instant this stops covering: for an end given as a day, the day is inclusive, so the
    /// event runs until the next local midnight.
    pub fn end_instant(self) -> DateTime<Utc> {
        match self {
            When::At(t) => t,
            When::Day(d) => helsinki::start_of_day(d.succ_opt().unwrap_or(d)),
        }
    }

    pub fn is_all_day(self) -> bool {
        matches!(self, When::Day(_))
    }

    /// RFC 3339 with the Helsinki offset: the `datetime` attribute of `<time>` elements.
    pub fn to_rfc3339_helsinki(self) -> String {
        helsinki::to_local(self.first_instant()).to_rfc3339()
    }
}
