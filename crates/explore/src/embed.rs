//! Embedding on municipal websites: the settings an embed URL carries (view, theme, colours,
//! default window, municipality lock), validated so that a URL can only ever set a colour to a
//! colour; colour contrast kept at WCAG AA whatever accent is chosen; and the `<iframe>` code
//! and auto-height snippet the builder hands to web editors.

use crate::percent::url_encode;
use crate::query::Query;

/// Which parts an embed shows. The list is always there as the accessible alternative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    MapTimeline,
    Map,
    Timeline,
    List,
}

impl View {
    pub const ALL: [View; 4] = [View::MapTimeline, View::Map, View::Timeline, View::List];

    pub fn slug(self) -> &'static str {
        match self {
            View::MapTimeline => "map-timeline",
            View::Map => "map",
            View::Timeline => "timeline",
            View::List => "list",
        }
    }

    fn parse(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.slug() == s)
    }

    pub fn has_map(self) -> bool {
        matches!(self, View::MapTimeline | View::Map)
    }

    pub fn has_timeline(self) -> bool {
        matches!(self, View::MapTimeline | View::Timeline)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

/// The font families an embed may ask for: a closed list, never free CSS.
pub const FONTS: [(&str, &str); 4] = [
    (
        "system",
        "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, sans-serif",
    ),
    ("sans", "\"Helvetica Neue\", Arial, sans-serif"),
    ("serif", "Georgia, \"Times New Roman\", serif"),
    ("verdana", "Verdana, Geneva, sans-serif"),
];

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `0b4f6c`, `#0b4f6c` or `#0bf`; anything else is `None`.
    pub fn parse(s: &str) -> Option<Rgb> {
        let h = s.trim().trim_start_matches('#');
        if !h.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let v = |i: usize, n: usize| u8::from_str_radix(&h[i..i + n], 16).ok();
        match h.len() {
            6 => Some(Rgb(v(0, 2)?, v(2, 2)?, v(4, 2)?)),
            3 => {
                let d = |i| v(i, 1).map(|x| x * 17);
                Some(Rgb(d(0)?, d(1)?, d(2)?))
            }
            _ => None,
        }
    }

    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// WCAG 2.1 relative luminance.
    pub fn luminance(self) -> f64 {
        let c = |v: u8| {
            let s = f64::from(v) / 255.0;
            if s <= 0.04045 {
                s / 12.92
            } else {
                kulttuurikartta_core::math::powf((s + 0.055) / 1.055, 2.4)
            }
        };
        0.2126 * c(self.0) + 0.7152 * c(self.1) + 0.0722 * c(self.2)
    }

    /// Mixes towards `other` by `t` (0 = self, 1 = other).
    fn mix(self, other: Rgb, t: f64) -> Rgb {
        let m = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb(m(self.0, other.0), m(self.1, other.1), m(self.2, other.2))
    }
}

/// WCAG 2.1 contrast ratio between two colours (1 to 21).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

pub const WHITE: Rgb = Rgb(255, 255, 255);
pub const INK: Rgb = Rgb(0x1b, 0x1f, 0x24);
/// AA for normal text.
pub const AA: f64 = 4.5;

/// The palette an embed uses: every pair that carries text meets AA.
#[derive(Debug, Clone, PartialEq)]
pub struct Palette {
    pub accent: Rgb,
    /// Text on accent-coloured buttons and the header.
    pub accent_text: Rgb,
    pub bg: Rgb,
    pub surface: Rgb,
    pub text: Rgb,
    pub muted: Rgb,
    pub border: Rgb,
    /// Whether the requested accent had to be darkened or lightened to stay readable.
    pub adjusted: bool,
}

impl Palette {
    /// The theme's colours with `accent` made readable: the accent is used both as link text
    /// on the background and as a button colour with text on it, so it must reach 4.5:1
    /// against the background, and a text colour (white or ink) must reach 4.5:1 on it.
    pub fn new(theme: Theme, accent: Option<Rgb>) -> Palette {
        let (bg, surface, text, muted, border, default_accent) = match theme {
            Theme::Light => (
                WHITE,
                Rgb(0xf4, 0xf6, 0xf8),
                INK,
                Rgb(0x4a, 0x55, 0x61),
                Rgb(0xc9, 0xd1, 0xd9),
                Rgb(0x0b, 0x4f, 0x6c),
            ),
            Theme::Dark => (
                Rgb(0x12, 0x14, 0x17),
                Rgb(0x1e, 0x22, 0x27),
                Rgb(0xe8, 0xea, 0xed),
                Rgb(0xb0, 0xb8, 0xc1),
                Rgb(0x4a, 0x52, 0x5c),
                Rgb(0x7c, 0xc4, 0xe4),
            ),
        };
        let wanted = accent.unwrap_or(default_accent);
        // Towards the text colour: darker on light backgrounds, lighter on dark ones.
        let towards = if theme == Theme::Light {
            Rgb(0, 0, 0)
        } else {
            WHITE
        };
        let text_on = |a: Rgb| {
            if contrast(WHITE, a) >= contrast(INK, a) {
                WHITE
            } else {
                INK
            }
        };
        // Mid-tones can fail both ways (no text colour reads on them): keep going until both
        // the accent on the background and text on the accent pass.
        let ok = |a: Rgb| contrast(a, bg) >= AA && contrast(text_on(a), a) >= AA;
        let mut accent = wanted;
        let mut t = 0.0;
        while !ok(accent) && t < 1.0 {
            t += 0.05;
            accent = wanted.mix(towards, t);
        }
        let accent_text = text_on(accent);
        Palette {
            accent,
            accent_text,
            bg,
            surface,
            text,
            muted,
            border,
            adjusted: accent != wanted,
        }
    }

    /// `--kk-*` custom properties, built only from validated values.
    pub fn css_vars(&self) -> Vec<(&'static str, String)> {
        vec![
            ("--kk-accent", self.accent.hex()),
            ("--kk-accent-text", self.accent_text.hex()),
            ("--kk-bg", self.bg.hex()),
            ("--kk-surface", self.surface.hex()),
            ("--kk-text", self.text.hex()),
            ("--kk-muted", self.muted.hex()),
            ("--kk-border", self.border.hex()),
        ]
    }
}

/// Everything an embed URL can set besides the query itself.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EmbedSettings {
    pub view: View,
    pub theme: Theme,
    pub accent: Option<Rgb>,
    /// A key of `FONTS`.
    pub font: Option<&'static str>,
    /// Corner radius in CSS pixels (0–24).
    pub radius: Option<u8>,
    pub show_filters: bool,
    /// Default window: the next N days (1–366), when the URL gives no `from`/`to`.
    pub days: Option<u32>,
}

impl EmbedSettings {
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> EmbedSettings {
        let mut e = EmbedSettings {
            show_filters: true,
            ..EmbedSettings::default()
        };
        for (k, v) in pairs {
            let v = v.trim();
            match k {
                "view" => e.view = View::parse(v).unwrap_or_default(),
                "theme" => {
                    e.theme = if v == "dark" {
                        Theme::Dark
                    } else {
                        Theme::Light
                    }
                }
                "accent" => e.accent = Rgb::parse(v),
                "font" => e.font = FONTS.iter().find(|(k, _)| *k == v).map(|(k, _)| *k),
                "radius" => e.radius = v.parse::<u8>().ok().filter(|r| *r <= 24),
                "filters" => e.show_filters = v != "0",
                "days" => e.days = v.parse::<u32>().ok().filter(|d| (1..=366).contains(d)),
                _ => {}
            }
        }
        e
    }

    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if self.view != View::default() {
            out.push(("view", self.view.slug().to_owned()));
        }
        if self.theme == Theme::Dark {
            out.push(("theme", "dark".into()));
        }
        if let Some(a) = self.accent {
            out.push(("accent", a.hex()[1..].to_owned()));
        }
        if let Some(f) = self.font {
            out.push(("font", f.to_owned()));
        }
        if let Some(r) = self.radius {
            out.push(("radius", r.to_string()));
        }
        if !self.show_filters {
            out.push(("filters", "0".into()));
        }
        if let Some(d) = self.days {
            out.push(("days", d.to_string()));
        }
        out
    }

    pub fn palette(&self) -> Palette {
        Palette::new(self.theme, self.accent)
    }

    /// All custom properties the embed sets on the document.
    pub fn css_vars(&self) -> Vec<(&'static str, String)> {
        let mut vars = self.palette().css_vars();
        if let Some(f) = self.font.and_then(|k| FONTS.iter().find(|(x, _)| *x == k)) {
            vars.push(("--kk-font", f.1.to_owned()));
        }
        if let Some(r) = self.radius {
            vars.push(("--kk-radius", format!("{r}px")));
        }
        vars
    }
}

/// The embed's address: the app's `/embed` with the query, language and settings.
pub fn embed_url(app_base: &str, query: &Query, lang: &str, settings: &EmbedSettings) -> String {
    let mut pairs = query.to_pairs();
    pairs.push(("lang", lang.to_owned()));
    pairs.extend(settings.to_pairs());
    let qs: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", url_encode(v)))
        .collect();
    format!("{}/embed?{}", app_base.trim_end_matches('/'), qs.join("&"))
}

/// The `<iframe>` for a host page. Sandboxed so the embed can run and open links in new tabs
/// but never navigate or script the host page.
pub fn iframe_code(src: &str, id: &str, title: &str, height: u32) -> String {
    format!(
        "<iframe id=\"{id}\" title=\"{title}\" src=\"{src}\" width=\"100%\" height=\"{height}\" \
         loading=\"lazy\" style=\"border:0;max-width:100%\" allow=\"clipboard-write; web-share\" \
         sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\"></iframe>",
        id = crate::html::escape(id),
        title = crate::html::escape(title),
        src = crate::html::escape(src),
    )
}

/// The optional auto-height script: accepts only `kulttuurikartta:resize` messages from the
/// app's origin and from this very iframe, with a sane height.
pub fn resize_snippet(app_origin: &str, id: &str) -> String {
    // Both values are JSON string literals: nothing in them can end the script.
    let js = |s: &str| {
        serde_json::to_string(s)
            .unwrap_or_default()
            .replace('<', "\\u003c")
    };
    format!(
        "<script>\n(function () {{\n  var frame = document.getElementById({id}), origin = {origin};\n  \
         window.addEventListener('message', function (e) {{\n    \
         if (e.origin !== origin || e.source !== frame.contentWindow) return;\n    \
         var d = e.data;\n    \
         if (!d || d.type !== 'kulttuurikartta:resize') return;\n    \
         var h = Number(d.height);\n    \
         if (h >= 100 && h <= 20000) frame.style.height = Math.ceil(h) + 'px';\n  }});\n}})();\n</script>",
        id = js(id),
        origin = js(app_origin),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn colours_parse_strictly() {
        assert_eq!(Rgb::parse("0b4f6c"), Some(Rgb(0x0b, 0x4f, 0x6c)));
        assert_eq!(Rgb::parse("#0BF"), Some(Rgb(0, 0xbb, 0xff)));
        for bad in [
            "red",
            "#12345",
            "0b4f6c;color:red",
            "url(x)",
            "",
            "#gggggg",
            "ä1b2c3",
        ] {
            assert_eq!(Rgb::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn contrast_matches_the_wcag_formula() {
        assert!((contrast(WHITE, Rgb(0, 0, 0)) - 21.0).abs() < 1e-9);
        assert!((contrast(WHITE, Rgb(0x76, 0x76, 0x76)) - 4.54).abs() < 0.01);
    }

    #[test]
    fn any_accent_ends_up_readable_in_both_themes() {
        for accent in [
            "ffff00", "ffffff", "000000", "0b4f6c", "e30613", "7fff00", "808080", "0000ff",
        ] {
            for theme in [Theme::Light, Theme::Dark] {
                let p = Palette::new(theme, Rgb::parse(accent));
                assert!(
                    contrast(p.accent, p.bg) >= AA,
                    "{accent} {theme:?} on background"
                );
                assert!(
                    contrast(p.accent_text, p.accent) >= AA,
                    "{accent} {theme:?} text on it"
                );
                assert!(contrast(p.text, p.bg) >= 7.0);
                assert!(contrast(p.muted, p.bg) >= AA);
            }
        }
        // A readable accent is left alone; yellow on white is not.
        assert!(!Palette::new(Theme::Light, Rgb::parse("0b4f6c")).adjusted);
        let y = Palette::new(Theme::Light, Rgb::parse("ffff00"));
        assert!(y.adjusted);
        assert_eq!(y.accent_text, WHITE.max_contrast_pick(y.accent));
    }

    impl Rgb {
        fn max_contrast_pick(self, on: Rgb) -> Rgb {
            if contrast(self, on) >= contrast(INK, on) {
                self
            } else {
                INK
            }
        }
    }

    #[test]
    fn settings_round_trip_and_reject_junk() {
        let pairs = [
            ("view", "map"),
            ("theme", "dark"),
            ("accent", "#E30613"),
            ("font", "serif"),
            ("radius", "4"),
            ("filters", "0"),
            ("days", "30"),
        ];
        let e = EmbedSettings::from_pairs(pairs);
        assert_eq!(e.view, View::Map);
        assert_eq!(e.accent, Some(Rgb(0xe3, 0x06, 0x13)));
        assert!(!e.show_filters);
        let back = e.to_pairs();
        let again = EmbedSettings::from_pairs(back.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(again, e);
        let junk = EmbedSettings::from_pairs([
            ("view", "3d"),
            ("accent", "red;}body{display:none"),
            ("font", "Comic Sans\"; x"),
            ("radius", "999"),
            ("days", "0"),
        ]);
        assert_eq!(junk, EmbedSettings::from_pairs([]));
        // Custom properties only ever hold hex colours, listed fonts and pixel sizes.
        for (_, v) in e.css_vars() {
            assert!(!v.contains(';') && !v.contains('}'), "{v}");
        }
    }

    #[test]
    fn the_code_is_escaped_sandboxed_and_lazy() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let q = Query::from_pairs([("municipality", "205"), ("category", "music")], today);
        let s = EmbedSettings::from_pairs([("accent", "e30613"), ("days", "30")]);
        let url = embed_url("https://kartta.example/kk/", &q, "sv", &s);
        assert_eq!(
            url,
            "https://kartta.example/kk/embed?municipality=205&category=music&lang=sv&accent=e30613&days=30"
        );
        let code = iframe_code(&url, "kk-1", "Kajaani \"<tapahtumat>\"", 640);
        assert!(code.contains("title=\"Kajaani &quot;&lt;tapahtumat&gt;&quot;\""));
        assert!(code.contains("loading=\"lazy\""));
        assert!(code.contains("sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\""));
        assert!(!code.contains("allow-top-navigation"));
        assert!(code.contains("&amp;category=music"));
        let js = resize_snippet("https://kartta.example", "kk-1</script>");
        assert!(js.contains("e.origin !== origin"));
        assert!(js.contains("e.source !== frame.contentWindow"));
        assert_eq!(
            js.matches("</script>").count(),
            1,
            "the id cannot close the script"
        );
    }
}
