//! The timeline's toolbar as markup written from plain data: the window presets, the date
//! inputs, playback (play, step, pace) and the pan and zoom buttons. As Leptos views its some
//! thirty reactive bindings cost generic code in every visitor's download and functions to
//! compile on the first visit.
//!
//! The markup is written again only when the language changes. A change of the window or of
//! playback updates the controls in place (`pressed`, `date_value`, `play_label`), so that the
//! button just used keeps its focus. Clicks and changes are read where they bubble to: a button
//! names what it does by `PRESET_ATTRIBUTE` or `ACTION_ATTRIBUTE`.

use chrono::NaiveDate;

use crate::html::push_escaped;
use crate::i18n::{Key, Lang, Translate};
use crate::query::{Preset, Window};

/// A window preset's button: the preset's slug, or `ALL`.
pub const PRESET_ATTRIBUTE: &str = "data-preset";
/// `PRESET_ATTRIBUTE`'s value on "all upcoming", which clears the window.
pub const ALL: &str = "all";
/// The other buttons: what they do (`Action`).
pub const ACTION_ATTRIBUTE: &str = "data-timeline-action";

/// What the toolbar's other buttons do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Earlier,
    ZoomOut,
    ZoomIn,
    Later,
    /// Play or pause.
    Play,
}

impl Action {
    const ALL: [Action; 5] = [
        Action::Earlier,
        Action::ZoomOut,
        Action::ZoomIn,
        Action::Later,
        Action::Play,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Action::Earlier => "earlier",
            Action::ZoomOut => "zoom-out",
            Action::ZoomIn => "zoom-in",
            Action::Later => "later",
            Action::Play => "play",
        }
    }

    /// The action `ACTION_ATTRIBUTE`'s value names.
    pub fn of(slug: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.slug() == slug)
    }
}

/// The state the toolbar shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ToolbarState {
    pub window: Option<Window>,
    /// Helsinki's today, which the presets count from.
    pub today: NaiveDate,
    pub playing: bool,
    pub step_days: i64,
    pub interval_ms: u32,
}

/// The presets in the toolbar's order, after "all upcoming", with their texts.
const PRESETS: [(Preset, Key); 5] = [
    (Preset::Today, Key::Today),
    (Preset::Tomorrow, Key::Tomorrow),
    (Preset::Weekend, Key::ThisWeekend),
    (Preset::Next7Days, Key::Next7Days),
    (Preset::ThisMonth, Key::ThisMonth),
];

/// The window a preset button sets: `Some(None)` for "all upcoming", `None` for an unknown
/// slug.
pub fn preset_window(slug: &str, today: NaiveDate) -> Option<Option<Window>> {
    if slug == ALL {
        return Some(None);
    }
    Preset::ALL
        .into_iter()
        .find(|p| p.slug() == slug)
        .map(|p| Some(p.window(today)))
}

/// Whether the preset button `slug` shows as pressed: its window is the current one.
pub fn pressed(slug: &str, window: Option<Window>, today: NaiveDate) -> bool {
    preset_window(slug, today) == Some(window)
}

/// A date input's value: the window's first or last day, or empty without a window.
pub fn date_value(window: Option<Window>, end: bool) -> String {
    window.map_or(String::new(), |w| {
        let (a, b) = w.day_range();
        if end { b } else { a }.to_string()
    })
}

/// The play button's content: its icon (hidden from screen readers) and its text.
pub fn play_label(lang: Lang, playing: bool) -> (&'static str, &'static str) {
    if playing {
        ("❚❚ ", lang.t(Key::Pause))
    } else {
        ("▶ ", lang.t(Key::Play))
    }
}

fn push_pressed(out: &mut String, on: bool) {
    out.push_str(if on {
        " aria-pressed=\"true\""
    } else {
        " aria-pressed=\"false\""
    });
}

fn push_option(out: &mut String, value: &str, selected: bool, text: &str) {
    out.push_str("<option value=\"");
    out.push_str(value);
    out.push('"');
    if selected {
        out.push_str(" selected");
    }
    out.push('>');
    push_escaped(out, text);
    out.push_str("</option>");
}

fn push_action(out: &mut String, action: Action, label: &str, testid: Option<&str>, text: &str) {
    out.push_str("<button type=\"button\" ");
    out.push_str(ACTION_ATTRIBUTE);
    out.push_str("=\"");
    out.push_str(action.slug());
    out.push_str("\" aria-label=\"");
    push_escaped(out, label);
    out.push('"');
    if let Some(id) = testid {
        out.push_str(" data-testid=\"");
        out.push_str(id);
        out.push('"');
    }
    out.push('>');
    out.push_str(text);
    out.push_str("</button>");
}

/// The content of `<div class="timeline-toolbar">`.
pub fn toolbar_html(lang: Lang, s: &ToolbarState) -> String {
    let t = |k: Key| lang.t(k);
    let mut out = String::new();
    out.push_str("<div class=\"presets\" role=\"group\" aria-label=\"");
    push_escaped(&mut out, t(Key::TimeWindow));
    out.push('"');
    out.push('>');
    let presets =
        std::iter::once((ALL, Key::AllUpcoming)).chain(PRESETS.map(|(p, k)| (p.slug(), k)));
    for (slug, key) in presets {
        out.push_str("<button type=\"button\" ");
        out.push_str(PRESET_ATTRIBUTE);
        out.push_str("=\"");
        out.push_str(slug);
        out.push('"');
        push_pressed(&mut out, pressed(slug, s.window, s.today));
        out.push('>');
        push_escaped(&mut out, t(key));
        out.push_str("</button>");
    }
    out.push_str("</div>");

    out.push_str("<details class=\"date-range\"><summary>");
    push_escaped(&mut out, t(Key::ChooseDates));
    out.push_str("</summary><div class=\"date-inputs\">");
    for (key, testid, end) in [
        (Key::DateFrom, "date-from", false),
        (Key::DateTo, "date-to", true),
    ] {
        out.push_str("<label>");
        push_escaped(&mut out, t(key));
        out.push_str("<input type=\"date\" data-testid=\"");
        out.push_str(testid);
        out.push_str("\" value=\"");
        out.push_str(&date_value(s.window, end));
        out.push_str("\"></label>");
    }
    out.push_str("</div></details>");

    out.push_str("<div class=\"playback\" role=\"group\" aria-label=\"");
    push_escaped(&mut out, t(Key::Play));
    out.push_str("\"><button type=\"button\" class=\"play\" data-testid=\"play\" ");
    out.push_str(ACTION_ATTRIBUTE);
    out.push_str("=\"play\"");
    push_pressed(&mut out, s.playing);
    out.push('>');
    push_play_content(&mut out, lang, s.playing);
    out.push_str("</button><label class=\"visually-hidden\" for=\"play-step\">");
    push_escaped(&mut out, t(Key::Step));
    out.push_str("</label><select id=\"play-step\">");
    push_option(&mut out, "1", s.step_days == 1, t(Key::StepDay));
    push_option(&mut out, "7", s.step_days == 7, t(Key::StepWeek));
    out.push_str("</select><label class=\"visually-hidden\" for=\"play-speed\">");
    push_escaped(&mut out, t(Key::Speed));
    out.push_str("</label><select id=\"play-speed\">");
    push_option(&mut out, "4000", s.interval_ms == 4000, t(Key::Slow));
    push_option(&mut out, "2000", s.interval_ms == 2000, t(Key::NormalSpeed));
    push_option(&mut out, "1000", s.interval_ms == 1000, t(Key::Fast));
    out.push_str("</select></div>");

    out.push_str("<div class=\"timeline-zoom\" role=\"group\" aria-label=\"");
    push_escaped(&mut out, t(Key::Timeline));
    out.push_str("\">");
    push_action(&mut out, Action::Earlier, t(Key::Earlier), None, "‹");
    push_action(
        &mut out,
        Action::ZoomOut,
        t(Key::TimelineZoomOut),
        Some("timeline-zoom-out"),
        "−",
    );
    push_action(
        &mut out,
        Action::ZoomIn,
        t(Key::TimelineZoomIn),
        Some("timeline-zoom-in"),
        "+",
    );
    push_action(&mut out, Action::Later, t(Key::Later), None, "›");
    out.push_str("</div>");
    out
}

/// The play button's content (`play_label` as markup).
pub fn push_play_content(out: &mut String, lang: Lang, playing: bool) {
    let (icon, text) = play_label(lang, playing);
    out.push_str("<span aria-hidden=\"true\">");
    out.push_str(icon);
    out.push_str("</span>");
    push_escaped(out, text);
}

/// The step (days) a value of the step choice means.
pub fn step_days(value: &str) -> i64 {
    if value == "7" {
        7
    } else {
        1
    }
}

/// The pace (ms per step) a value of the pace choice means; the normal pace for anything else.
pub fn interval_ms(value: &str) -> u32 {
    value.parse().unwrap_or(2000)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()
    }

    fn state(window: Option<Window>) -> ToolbarState {
        ToolbarState {
            window,
            today: today(),
            playing: false,
            step_days: 7,
            interval_ms: 1000,
        }
    }

    #[test]
    fn one_preset_is_pressed_the_one_whose_window_is_current() {
        let month = Preset::ThisMonth.window(today());
        let html = toolbar_html(Lang::Fi, &state(Some(month)));
        assert!(html.contains("<button type=\"button\" data-preset=\"month\" aria-pressed=\"true\">Tässä kuussa</button>"), "{html}");
        assert_eq!(html.matches("aria-pressed=\"true\"").count(), 1, "{html}");
        assert!(html.contains("data-preset=\"all\" aria-pressed=\"false\""));
        let html = toolbar_html(Lang::En, &state(None));
        assert!(
            html.contains("data-preset=\"all\" aria-pressed=\"true\">All upcoming</button>"),
            "{html}"
        );
        // A window set by dragging is no preset's.
        let dragged = Window::days(today(), today() + chrono::Duration::days(2));
        assert!(Preset::ALL
            .iter()
            .all(|p| !pressed(p.slug(), Some(dragged), today())));
        assert!(!pressed(ALL, Some(dragged), today()));
    }

    #[test]
    fn presets_set_their_window_and_all_clears_it() {
        assert_eq!(preset_window("all", today()), Some(None));
        assert_eq!(
            preset_window("today", today()),
            Some(Some(Window::days(today(), today())))
        );
        assert_eq!(
            preset_window("next7", today()),
            Some(Some(Preset::Next7Days.window(today())))
        );
        assert_eq!(preset_window("yesterday", today()), None);
    }

    #[test]
    fn the_date_inputs_show_the_windows_days() {
        let w = Window::days(today(), today() + chrono::Duration::days(6));
        let html = toolbar_html(Lang::Fi, &state(Some(w)));
        assert!(
            html.contains("data-testid=\"date-from\" value=\"2026-12-02\""),
            "{html}"
        );
        assert!(
            html.contains("data-testid=\"date-to\" value=\"2026-12-08\""),
            "{html}"
        );
        assert_eq!(date_value(None, true), "");
    }

    #[test]
    fn playback_shows_its_state_and_choices() {
        let mut s = state(None);
        let html = toolbar_html(Lang::En, &s);
        assert!(html.contains("data-testid=\"play\" data-timeline-action=\"play\" aria-pressed=\"false\"><span aria-hidden=\"true\">▶ </span>Play</button>"), "{html}");
        assert!(html.contains("<option value=\"7\" selected>"), "{html}");
        assert!(
            html.contains("<option value=\"1000\" selected>Fast</option>"),
            "{html}"
        );
        assert!(!html.contains("<option value=\"1\" selected>"));
        s.playing = true;
        let html = toolbar_html(Lang::En, &s);
        assert!(
            html.contains(
                "aria-pressed=\"true\"><span aria-hidden=\"true\">❚❚ </span>Pause</button>"
            ),
            "{html}"
        );
        assert_eq!(step_days("7"), 7);
        assert_eq!(step_days("x"), 1);
        assert_eq!(interval_ms("4000"), 4000);
        assert_eq!(interval_ms(""), 2000);
    }

    #[test]
    fn every_action_button_names_its_action() {
        let html = toolbar_html(Lang::Fi, &state(None));
        for a in Action::ALL {
            assert!(
                html.contains(&format!("data-timeline-action=\"{}\"", a.slug())),
                "{a:?}"
            );
            assert_eq!(Action::of(a.slug()), Some(a));
        }
        assert_eq!(Action::of("rewind"), None);
        assert!(
            html.contains("data-testid=\"timeline-zoom-in\">+</button>"),
            "{html}"
        );
        // Every button has a name: a text, or an aria-label for the symbols.
        assert_eq!(html.matches("<button").count(), 6 + 1 + 4);
    }
}
