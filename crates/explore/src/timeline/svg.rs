//! The timeline's drawing, as the SVG markup inside its `<svg>`: weekends and holidays shaded,
//! the date scale, the events (one by one or as a histogram, as `plot` decides), the selected
//! event's dates and "now".
//!
//! Why markup and not components: the drawing is redrawn whole whenever the scale, the results
//! or the selection change, and up to `MAX_ITEMS` events with their titles, the shaded days and
//! the ticks were several hundred elements built one call at a time from wasm, on the first
//! paint and on every preset. As markup it is one `innerHTML`, parsed natively. Event titles
//! are the only feed text here, and pass through `html::push_escaped`.

use std::fmt::Write;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};

use kulttuurikartta_core::feed::{Catalogue, SuperEventType};
use kulttuurikartta_core::time::helsinki;

use super::holidays::holidays_between;
use super::plot::{plot, Item, Plot};
use super::scale::TimeScale;
use super::ticks;
use crate::html::push_escaped;
use crate::i18n::{Key, Lang, Translate};
use kulttuurikartta_core::decimal::{tenths, whole};

/// Vertical layout of the SVG, in CSS pixels: the date scale above `SCALE_BOTTOM`, the plot
/// between `PLOT_TOP` and `PLOT_BOTTOM`.
pub const HEIGHT: f64 = 124.0;
pub const SCALE_BOTTOM: f64 = 38.0;
pub const PLOT_TOP: f64 = 44.0;
pub const PLOT_BOTTOM: f64 = 118.0;
/// Height of one lane of items.
const LANE: f64 = 9.0;
/// Items are drawn one by one up to this many in view; beyond it, the histogram.
const MAX_ITEMS: usize = 300;

/// The drawing: its markup, and `mode` ("items" or "histogram") for `data-mode`.
pub struct Drawing {
    pub mode: &'static str,
    pub markup: String,
}

/// Draws `items` (indexes into `cat`, sorted by start) on scale `s`. `selected` is the selected
/// event's id; `now` is drawn when in view.
pub fn draw(
    s: &TimeScale,
    items: &[Item],
    cat: &Catalogue,
    selected: Option<&str>,
    now: DateTime<Utc>,
    l: Lang,
) -> Drawing {
    let mut out = String::with_capacity(16 * 1024);
    days(&mut out, s, l);
    scale_labels(&mut out, s, l);
    let lanes = ((PLOT_BOTTOM - PLOT_TOP) / LANE) as usize;
    let mode = match plot(s, items, MAX_ITEMS, lanes) {
        Plot::Items(placed) => {
            for (item, p) in placed {
                let ev = &cat.events[item.index];
                let kind = if item.all_day {
                    " all-day"
                } else if item.last > item.start {
                    " span"
                } else {
                    " point"
                };
                let (x0, x1) = (p.x0.max(-2.0), p.x1.min(s.width + 2.0));
                let _ = write!(
                    out,
                    "<rect class=\"item{kind}{}{}\" data-event-id=\"",
                    if item.cancelled { " cancelled" } else { "" },
                    if selected == Some(ev.id.as_str()) {
                        " selected"
                    } else {
                        ""
                    },
                );
                push_escaped(&mut out, &ev.id);
                let _ = write!(
                    out,
                    "\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"2\"><title>",
                    tenths(x0),
                    tenths(PLOT_TOP + p.lane as f64 * LANE),
                    tenths((x1 - x0).max(3.0)),
                    whole(LANE - 2.0)
                );
                push_escaped(&mut out, ev.name.text(l));
                out.push_str("</title></rect>");
            }
            "items"
        }
        Plot::Histogram(bins) => {
            let max = bins.iter().map(|b| b.count).max().unwrap_or(0).max(1) as f64;
            let h = PLOT_BOTTOM - PLOT_TOP;
            // One path for every bar: thousands of events stay one DOM node.
            out.push_str("<path class=\"bars\" d=\"");
            for b in bins.iter().filter(|b| b.count > 0) {
                let bh = (b.count as f64 / max * h).max(2.0);
                let w = (b.x1 - b.x0 - 1.0).max(1.0);
                let _ = write!(
                    out,
                    "M{},{}h{}v{}h{}z",
                    tenths(b.x0),
                    tenths(PLOT_BOTTOM - bh),
                    tenths(w),
                    tenths(bh),
                    tenths(-w)
                );
            }
            out.push_str("\"/>");
            "histogram"
        }
    };
    if let Some(id) = selected {
        selected_marks(&mut out, s, cat, id);
    }
    now_line(&mut out, s, now, l);
    Drawing { mode, markup: out }
}

/// Weekends (while days are wide enough to see) and holidays, as shaded days.
fn days(out: &mut String, s: &TimeScale, l: Lang) {
    let (first, last) = (helsinki::local_date(s.start), helsinki::local_date(s.end));
    let day_rect = |d: NaiveDate| {
        let x0 = s.x(helsinki::start_of_day(d)).max(0.0);
        let x1 = s
            .x(helsinki::start_of_day(d + Duration::days(1)))
            .min(s.width);
        (x0, (x1 - x0).max(0.0))
    };
    let (y, h) = (PLOT_TOP - 4.0, PLOT_BOTTOM - PLOT_TOP + 4.0);
    let px_day = s.width / (s.span_secs() / 86_400.0);
    if px_day >= 2.0 {
        for d in first
            .iter_days()
            .take_while(|d| *d <= last)
            .filter(|d| matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        {
            let (x, w) = day_rect(d);
            let _ = write!(
                out,
                "<rect class=\"weekend\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                tenths(x),
                whole(y),
                tenths(w),
                whole(h)
            );
        }
    }
    for (d, holiday) in holidays_between(first, last) {
        let (x, w) = day_rect(d);
        let _ = write!(
            out,
            "<g class=\"holiday\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>",
            tenths(x),
            whole(y),
            tenths(w.max(2.0)),
            whole(h)
        );
        push_escaped(out, holiday.name(l));
        let _ = write!(
            out,
            "</title></rect><path d=\"M{},{} l4,6 l-8,0 z\"/></g>",
            tenths(x + w / 2.0),
            whole(SCALE_BOTTOM)
        );
    }
}

/// Tick lines and labels, and the context row above them (day, month or year).
fn scale_labels(out: &mut String, s: &TimeScale, l: Lang) {
    let ax = ticks::axis(s, l);
    for tk in &ax.ticks {
        let _ = write!(
            out,
            "<g class=\"tick\"><line x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{}\"/><text x=\"{}\" y=\"{}\">",
            whole(SCALE_BOTTOM - 6.0),
            whole(PLOT_BOTTOM),
            tenths(tk.x + 3.0),
            whole(SCALE_BOTTOM - 8.0),
            x = tenths(tk.x),
        );
        push_escaped(out, &tk.label);
        out.push_str("</text></g>");
    }
    for tk in &ax.context {
        let _ = write!(
            out,
            "<text class=\"context\" x=\"{}\" y=\"13\">",
            tenths(tk.x + 3.0)
        );
        push_escaped(out, &tk.label);
        out.push_str("</text>");
    }
}

/// The selected event's date, or every date of its recurring series, as marks on the scale.
fn selected_marks(out: &mut String, s: &TimeScale, cat: &Catalogue, id: &str) {
    let dates: Vec<DateTime<Utc>> = match cat.get(id) {
        None => Vec::new(),
        Some(ev) => match ev.super_event.as_deref() {
            Some(p)
                if cat
                    .get(p)
                    .is_some_and(|e| e.super_event_type == Some(SuperEventType::Recurring)) =>
            {
                cat.children_of(p)
                    .iter()
                    .filter_map(|e| e.start.map(|s| s.first_instant()))
                    .collect()
            }
            _ => ev.start.map(|s| s.first_instant()).into_iter().collect(),
        },
    };
    for d in dates.into_iter().filter(|d| *d >= s.start && *d < s.end) {
        let x = s.x(d);
        let _ = write!(
            out,
            "<path class=\"selected-date\" d=\"M{x},{} L{x},{} M{x},{} l5,5 l-5,5 l-5,-5 z\"/>",
            whole(SCALE_BOTTOM),
            whole(PLOT_BOTTOM),
            whole(SCALE_BOTTOM - 2.0),
            x = tenths(x),
        );
    }
}

fn now_line(out: &mut String, s: &TimeScale, now: DateTime<Utc>, l: Lang) {
    let x = s.x(now);
    if !(0.0..=s.width).contains(&x) {
        return;
    }
    let _ = write!(
        out,
        "<g class=\"now\"><line x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{}\"/><text x=\"{}\" y=\"{}\">",
        whole(SCALE_BOTTOM),
        whole(PLOT_BOTTOM),
        tenths(x + 3.0),
        whole(PLOT_BOTTOM + 4.0),
        x = tenths(x),
    );
    push_escaped(out, l.t(Key::Now));
    out.push_str("</text></g>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use kulttuurikartta_core::feed::{parse_feed, FeedPage};

    fn catalogue(json: &str) -> Catalogue {
        Catalogue::from_pages([FeedPage {
            events: parse_feed(json.as_bytes(), "t").unwrap().events,
            ..Default::default()
        }])
    }

    fn items(cat: &Catalogue) -> Vec<Item> {
        let mut v: Vec<Item> = cat
            .events
            .iter()
            .enumerate()
            .filter_map(|(i, e)| Item::of_event(i, e))
            .collect();
        v.sort_by_key(|i| i.start);
        v
    }

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn a_few_events_are_drawn_one_by_one_with_their_titles_as_text() {
        let cat = catalogue(
            r#"{"data":[
                {"id":"a\"><script>x</script>","name":{"fi":"<b>A</b> & B"},"start_time":"2026-12-05T17:00:00Z"},
                {"id":"b","name":{"fi":"B"},"start_time":"2026-12-07T17:00:00Z","event_status":"EventCancelled"}]}"#,
        );
        let s = TimeScale::new(
            at("2026-12-01T00:00:00Z"),
            at("2026-12-15T00:00:00Z"),
            700.0,
        );
        let d = draw(
            &s,
            &items(&cat),
            &cat,
            Some("b"),
            at("2026-12-03T12:00:00Z"),
            Lang::Fi,
        );
        assert_eq!(d.mode, "items");
        assert!(!d.markup.contains("<script"), "{}", d.markup);
        assert!(!d.markup.contains("<b>"), "{}", d.markup);
        assert!(d
            .markup
            .contains("data-event-id=\"a&quot;&gt;&lt;script&gt;x&lt;/script&gt;\""));
        assert!(
            d.markup.contains("<title>A &amp; B</title>"),
            "{}",
            d.markup
        );
        assert!(d
            .markup
            .contains("class=\"item point cancelled selected\" data-event-id=\"b\""));
        // The selected event's date on the scale, "now", weekends and the ticks.
        assert_eq!(d.markup.matches("class=\"selected-date\"").count(), 1);
        assert!(d.markup.contains("<g class=\"now\">"));
        assert!(d.markup.contains("class=\"weekend\""));
        assert!(d.markup.contains("<g class=\"tick\">"));
        assert!(d.markup.contains("<text class=\"context\""));
    }

    #[test]
    fn many_events_become_one_histogram_path() {
        let events: Vec<String> = (0..2000)
            .map(|i| {
                format!(
                    r#"{{"id":"e{i}","name":{{"fi":"E"}},"start_time":"2026-12-{:02}T{:02}:00:00Z"}}"#,
                    1 + i % 28,
                    i % 24
                )
            })
            .collect();
        let cat = catalogue(&format!(r#"{{"data":[{}]}}"#, events.join(",")));
        let s = TimeScale::new(
            at("2026-12-01T00:00:00Z"),
            at("2027-01-01T00:00:00Z"),
            900.0,
        );
        let d = draw(
            &s,
            &items(&cat),
            &cat,
            None,
            at("2026-12-03T12:00:00Z"),
            Lang::En,
        );
        assert_eq!(d.mode, "histogram");
        assert_eq!(d.markup.matches("<path class=\"bars\"").count(), 1);
        assert!(!d.markup.contains("<rect class=\"item"));
        assert!(
            d.markup.contains("<title>Independence Day</title>"),
            "6 December is shaded as a holiday"
        );
    }

    #[test]
    fn now_is_drawn_only_when_in_view() {
        let cat = catalogue(r#"{"data":[]}"#);
        let s = TimeScale::new(
            at("2026-12-01T00:00:00Z"),
            at("2026-12-15T00:00:00Z"),
            700.0,
        );
        let d = draw(&s, &[], &cat, None, at("2027-03-01T00:00:00Z"), Lang::Fi);
        assert!(!d.markup.contains("class=\"now\""));
    }
}
