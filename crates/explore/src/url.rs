//! Every URL parameter the app understands, read in one place into typed settings.
//!
//! The app hands over the path and the query's pairs (from the router, or from
//! `location.search` through [`query_pairs`]); everything after that is decided here, natively
//! tested. Unknown or malformed values are dropped, never an error, so a link that a person
//! edited by hand still opens.

use chrono::NaiveDate;

use crate::embed::EmbedSettings;
use crate::i18n::Lang;
use crate::kiosk::KioskSettings;
use crate::percent::{self, url_encode};
use crate::query::Query;

/// The parameters the explorer's `Query` owns: a filter change rewrites exactly these.
pub const QUERY_KEYS: &[&str] = &[
    "q",
    "municipality",
    "category",
    "free",
    "family",
    "attendance",
    "cancelled",
    "from",
    "to",
    "event",
];

/// An embed's look and default view (besides `embed=1` itself).
pub const EMBED_KEYS: &[&str] = &[
    "view", "theme", "accent", "font", "radius", "filters", "days",
];

/// A kiosk's timings (besides `kiosk=1` itself).
pub const KIOSK_KEYS: &[&str] = &["idle", "attract", "refresh", "attract_secs", "reload_hours"];

/// What a URL asks for, typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UrlSettings {
    /// Filters, window and selected event.
    pub query: Query,
    /// `lang`, when it names a language we have; otherwise the config's default applies.
    pub lang: Option<Lang>,
    /// Set on `/embed` or with `embed=1`.
    pub embed: Option<EmbedSettings>,
    /// Set on `/kiosk` or with `kiosk=1`.
    pub kiosk: Option<KioskSettings>,
    /// `feed` values, unchecked: `config::check_feed_override` decides whether each may load.
    pub feeds: Vec<String>,
}

impl UrlSettings {
    /// Reads a path (with or without the deployment's prefix) and its query pairs (decoded, as
    /// [`query_pairs`] gives them). `today` is the Helsinki date that relative windows are
    /// counted from. Not generic over the pairs, so that the parsers are compiled once.
    pub fn read(path: &str, pairs: &[(String, String)], today: NaiveDate) -> UrlSettings {
        let of = |keys: &'static [&'static str]| {
            pairs
                .iter()
                .filter(move |(k, _)| keys.contains(&k.as_str()))
                .map(|(k, v)| (k.as_str(), v.as_str()))
        };
        let flag = |key: &str| pairs.iter().any(|(k, v)| k == key && v == "1");
        UrlSettings {
            query: Query::from_pairs(of(QUERY_KEYS), today),
            lang: pairs
                .iter()
                .find(|(k, _)| k == "lang")
                .and_then(|(_, v)| Lang::parse(v)),
            embed: (route_is(path, "embed") || flag("embed"))
                .then(|| EmbedSettings::from_pairs(of(EMBED_KEYS))),
            kiosk: (route_is(path, "kiosk") || flag("kiosk"))
                .then(|| KioskSettings::from_pairs(of(KIOSK_KEYS))),
            feeds: pairs
                .iter()
                .filter(|(k, v)| k == "feed" && !v.trim().is_empty())
                .map(|(_, v)| v.trim().to_owned())
                .collect(),
        }
    }
}

/// Whether the path is the route `/<name>`, under any prefix and with or without a final slash.
fn route_is(path: &str, name: &str) -> bool {
    path.trim_end_matches('/')
        .rsplit('/')
        .next()
        .is_some_and(|last| last == name)
}

/// The query pairs of a `location.search` string ("?a=1&b=x%20y"), decoded: `+` is a space,
/// percent escapes are bytes of UTF-8 (an invalid sequence is kept as U+FFFD, never dropped).
/// A pair without `=` has an empty value.
pub fn query_pairs(search: &str) -> Vec<(String, String)> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent::decode(k), percent::decode(v))
        })
        .collect()
}

/// The path of an event's page (without the deployment's prefix), keeping the language.
pub fn event_path(id: &str, lang: Lang) -> String {
    format!("/event/{}?lang={}", url_encode(id), lang.code())
}

/// Another query in place of the current one: parameters the query does not own (`lang`,
/// `feed`, embed and kiosk settings) stay as they were, in their order; the query's own follow.
pub fn replace_query(params: &[(String, String)], query: &Query) -> Vec<(String, String)> {
    params
        .iter()
        .filter(|(k, _)| !QUERY_KEYS.contains(&k.as_str()))
        .cloned()
        .chain(query.to_pairs().into_iter().map(|(k, v)| (k.to_owned(), v)))
        .collect()
}

/// A query string ("?a=1&b=2", or "" when there are no pairs), encoded.
pub fn to_query_string(params: &[(String, String)]) -> String {
    if params.is_empty() {
        return String::new();
    }
    let body: Vec<String> = params
        .iter()
        .map(|(k, v)| format!("{}={}", url_encode(k), url_encode(v)))
        .collect();
    format!("?{}", body.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embed::{Rgb, Theme, View};
    use crate::query::Attendance;
    use kulttuurikartta_core::feed::Category;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()
    }

    fn read(path: &str, search: &str) -> UrlSettings {
        UrlSettings::read(path, &query_pairs(search), today())
    }

    #[test]
    fn a_bare_address_is_the_full_app_with_no_filters() {
        let s = read("/", "");
        assert_eq!(s, UrlSettings::default());
    }

    #[test]
    fn every_query_parameter_is_read() {
        let s = read(
            "/",
            "?q=joulu+konsertti&municipality=205,564&municipality=kainuu&category=music\
             &free=1&family=1&attendance=online&cancelled=hide&from=2026-12-01&to=2026-12-07\
             &event=kk%3A1",
        );
        let q = &s.query;
        assert_eq!(q.text, "joulu konsertti");
        assert!(q.municipalities.contains(&"205") && q.municipalities.contains(&"564"));
        // A region expands to its municipalities (Kainuu has 8).
        assert!(q.municipalities.contains(&"105"), "{:?}", q.municipalities);
        assert_eq!(q.categories, vec![Category::Music]);
        assert!(q.free_only && q.families && q.hide_cancelled);
        assert_eq!(q.attendance, Some(Attendance::Online));
        assert!(q.window.is_some());
        assert_eq!(q.event.as_deref(), Some("kk:1"));
    }

    #[test]
    fn malformed_values_are_dropped_and_the_rest_kept() {
        let s = read(
            "/",
            "?municipality=999,kajaani&category=opera&free=maybe&attendance=moon\
             &from=2026-13-45&lang=de&days=-3",
        );
        assert_eq!(s.query.municipalities, vec!["205"]);
        assert!(s.query.categories.is_empty());
        assert!(!s.query.free_only);
        assert_eq!(s.query.attendance, None);
        assert_eq!(s.query.window, None);
        assert_eq!(s.lang, None);
        // `days` belongs to embeds: on the full app it is ignored.
        assert_eq!(s.embed, None);
    }

    #[test]
    fn language_accepts_regional_forms() {
        assert_eq!(read("/", "?lang=sv-FI").lang, Some(Lang::Sv));
        assert_eq!(read("/", "?lang=EN").lang, Some(Lang::En));
        assert_eq!(read("/", "?lang=").lang, None);
    }

    #[test]
    fn embed_mode_comes_from_the_route_or_the_flag_under_any_prefix() {
        for (path, search) in [
            ("/embed", ""),
            ("/kulttuurikartta/embed/", ""),
            ("/", "?embed=1"),
        ] {
            assert!(read(path, search).embed.is_some(), "{path}{search}");
        }
        assert!(read("/embedded", "").embed.is_none());
        assert!(read("/", "?embed=0").embed.is_none());
        let s = read(
            "/embed",
            "?view=map&theme=dark&accent=e30613&days=30&filters=0",
        );
        let e = s.embed.unwrap();
        assert_eq!(e.view, View::Map);
        assert_eq!(e.days, Some(30));
        assert!(!e.show_filters);
        assert_eq!(e.theme, Theme::Dark);
        assert_eq!(e.accent, Some(Rgb(0xe3, 0x06, 0x13)));
        let e = read("/embed", "?font=serif&radius=8&accent=%23abc")
            .embed
            .unwrap();
        assert_eq!(e.font, Some("serif"));
        assert_eq!(e.radius, Some(8));
        assert_eq!(e.accent, Some(Rgb(0xaa, 0xbb, 0xcc)));
        // Malformed embed values fall back to the defaults: never free CSS.
        let e = read(
            "/embed",
            "?view=globe&radius=x&days=9999&theme=neon&font=Comic%20Sans&accent=red;x:y",
        )
        .embed
        .unwrap();
        assert_eq!(e.view, View::default());
        assert_eq!(e.days, None);
        assert_eq!(e.theme, Theme::default());
        assert_eq!((e.font, e.radius, e.accent), (None, None, None));
    }

    #[test]
    fn kiosk_mode_comes_from_the_route_or_the_flag() {
        let k = read("/kiosk", "?idle=90&attract=0").kiosk.unwrap();
        assert_eq!(k.idle_secs, 90);
        assert!(!k.attract);
        assert!(read("/x/kiosk", "").kiosk.is_some());
        assert!(read("/", "?kiosk=1").kiosk.is_some());
        assert!(read("/", "?idle=90").kiosk.is_none());
        let k = read("/kiosk", "?refresh=15&reload_hours=12&attract_secs=20")
            .kiosk
            .unwrap();
        assert_eq!(
            (k.refresh_mins, k.reload_hours, k.attract_secs),
            (15, 12, 20)
        );
        // Malformed timings keep their defaults.
        let k = read(
            "/kiosk",
            "?idle=-5&attract_secs=abc&refresh=soon&reload_hours=",
        )
        .kiosk
        .unwrap();
        assert_eq!(k, KioskSettings::default());
    }

    #[test]
    fn feed_overrides_are_collected_in_order_and_blank_ones_dropped() {
        let s = read("/", "?feed=a.json&feed=&feed=https%3A%2F%2Fx.fi%2Ff.json");
        assert_eq!(s.feeds, vec!["a.json", "https://x.fi/f.json"]);
    }

    #[test]
    fn query_strings_decode_plus_percent_and_broken_escapes() {
        assert_eq!(
            query_pairs("?a=x+y&b=%C3%A4&c&d=100%&e=%zz"),
            vec![
                ("a".into(), "x y".into()),
                ("b".into(), "ä".into()),
                ("c".into(), "".into()),
                ("d".into(), "100%".into()),
                ("e".into(), "%zz".into()),
            ]
        );
        assert_eq!(query_pairs("?x=%FF")[0].1, "\u{FFFD}");
        assert!(query_pairs("").is_empty());
    }

    #[test]
    fn replacing_the_query_keeps_other_parameters_and_round_trips() {
        let params = query_pairs("?lang=sv&q=old&feed=f.json&municipality=205");
        let q = read("/", "?category=music&free=1").query;
        let out = replace_query(&params, &q);
        let s = to_query_string(&out);
        assert_eq!(s, "?lang=sv&feed=f.json&category=music&free=1");
        let again = read("/", &s);
        assert_eq!(again.query, q);
        assert_eq!(again.lang, Some(Lang::Sv));
        assert_eq!(to_query_string(&[]), "");
    }

    #[test]
    fn event_paths_encode_what_a_path_segment_cannot_hold() {
        assert_eq!(
            event_path("kulttuurikartta:00150", Lang::Fi),
            "/event/kulttuurikartta:00150?lang=fi"
        );
        assert_eq!(event_path("a/b c", Lang::En), "/event/a%2Fb%20c?lang=en");
    }
}
