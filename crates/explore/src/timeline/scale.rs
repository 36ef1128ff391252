//! The visible stretch of time and its mapping to pixels, with zoom limits from one day to two
//! years as the issue asks.

use chrono::{DateTime, Duration, Utc};

pub const MIN_SPAN: i64 = 24 * 3600;
pub const MAX_SPAN: i64 = 731 * 24 * 3600;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeScale {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// Drawing width in CSS pixels.
    pub width: f64,
}

impl TimeScale {
    pub fn new(start: DateTime<Utc>, end: DateTime<Utc>, width: f64) -> TimeScale {
        let mut s = TimeScale {
            start,
            end: end.max(start + Duration::seconds(1)),
            width: width.max(1.0),
        };
        s.clamp_span();
        s
    }

    pub fn span_secs(&self) -> f64 {
        (self.end - self.start).num_seconds() as f64
    }

    pub fn x(&self, t: DateTime<Utc>) -> f64 {
        (t - self.start).num_seconds() as f64 / self.span_secs() * self.width
    }

    pub fn time_at(&self, x: f64) -> DateTime<Utc> {
        self.start + Duration::seconds((x / self.width * self.span_secs()).round() as i64)
    }

    /// Zooms by `factor` (> 1 zooms in) keeping the time under `x` where it is.
    pub fn zoom_around(&mut self, factor: f64, x: f64) {
        let anchor = self.time_at(x);
        let frac = (x / self.width).max(0.0).min(1.0);
        let span = (self.span_secs() / factor)
            .max(MIN_SPAN as f64)
            .min(MAX_SPAN as f64);
        self.start = anchor - Duration::seconds((span * frac).round() as i64);
        self.end = self.start + Duration::seconds(span.round() as i64);
    }

    /// Moves the view by `dx` pixels (positive moves later in time into view from the left,
    /// as when dragging the axis to the right).
    pub fn pan_by(&mut self, dx: f64) {
        let secs = (dx / self.width * self.span_secs()).round() as i64;
        self.start -= Duration::seconds(secs);
        self.end -= Duration::seconds(secs);
    }

    fn clamp_span(&mut self) {
        let span = (self.end - self.start)
            .num_seconds()
            .clamp(MIN_SPAN, MAX_SPAN);
        let mid = self.start + (self.end - self.start) / 2;
        self.start = mid - Duration::seconds(span / 2);
        self.end = self.start + Duration::seconds(span);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t(d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, d, h, 0, 0).unwrap()
    }

    #[test]
    fn x_and_time_are_inverse_and_zoom_keeps_the_anchor() {
        let mut s = TimeScale::new(t(1, 0), t(11, 0), 1000.0);
        assert_eq!(s.x(t(6, 0)), 500.0);
        assert_eq!(s.time_at(250.0), t(3, 12));
        s.zoom_around(2.0, 250.0);
        assert_eq!(s.time_at(250.0), t(3, 12));
        assert_eq!(s.span_secs(), 5.0 * 86400.0);
    }

    #[test]
    fn zoom_stops_at_a_day_and_at_two_years() {
        let mut s = TimeScale::new(t(1, 0), t(2, 0), 800.0);
        s.zoom_around(10.0, 400.0);
        assert_eq!(s.span_secs(), MIN_SPAN as f64);
        s.zoom_around(0.0001, 400.0);
        assert_eq!(s.span_secs(), MAX_SPAN as f64);
    }

    #[test]
    fn panning_right_shows_earlier_times() {
        let mut s = TimeScale::new(t(1, 0), t(11, 0), 1000.0);
        s.pan_by(100.0);
        assert_eq!(s.start, t(1, 0) - Duration::days(1));
    }
}
