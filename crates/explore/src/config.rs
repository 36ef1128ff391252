//! Deploy-time configuration, read from `config.json` next to the app. Every field has a default
//! that works out of the box, so a missing or partial file still gives a working app.

use kulttuurikartta_core::feed::json_value::Object;
use kulttuurikartta_core::feed::Json;
use kulttuurikartta_geo::viewport::LatLonBounds;

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Feeds to load and merge, relative to the app or absolute.
    pub feeds: Vec<String>,
    /// UI language when the URL does not choose one: "fi", "sv" or "en".
    pub default_language: String,
    /// Origins (scheme://host:port) besides the app's own that a `feed` URL parameter may name.
    pub allowed_feed_origins: Vec<String>,
    pub tiles: Tiles,
    /// The map's initial view.
    pub region_view: LatLonBounds,
    /// GeoJSON of municipality boundaries: by default the bundled file (38 municipalities,
    /// © Maanmittauslaitos, CC BY 4.0); `null` draws the region's outline instead.
    pub boundaries_url: Option<String>,
    pub boundaries_attribution: Option<String>,
    /// Shows the sample-data notice; set false for real feeds.
    pub sample_data: bool,
    /// Where accessibility feedback goes (required by the Act on the Provision of Digital
    /// Services, 306/2019).
    pub feedback_email: String,
    /// How long one request for a feed may take, body included, before it is given up and
    /// retried. Each feed has its own, so one slow feed never delays the others.
    pub feed_timeout_secs: u32,
    /// Residents per municipality for the statistics' per-capita figures: by default the
    /// bundled Statistics Finland figures; an object with `source`, `reference_date` and
    /// `figures` (code → residents) replaces them; `null` hides per-capita figures.
    #[cfg(feature = "population")]
    pub population: Option<crate::stats::population::Population>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tiles {
    /// `{z}`, `{x}`, `{y}` and optionally `{s}` (subdomain) placeholders.
    pub url: String,
    pub subdomains: Vec<String>,
    pub attribution: String,
    pub max_zoom: u8,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            feeds: vec!["sample-feed.json".into()],
            default_language: "fi".into(),
            allowed_feed_origins: Vec::new(),
            tiles: Tiles::default(),
            region_view: REGION_VIEW,
            boundaries_url: Some(BUNDLED_BOUNDARIES.into()),
            boundaries_attribution: Some(BUNDLED_BOUNDARIES_ATTRIBUTION.into()),
            sample_data: true,
            feedback_email: "saavutettavuus@example.fi".into(),
            feed_timeout_secs: DEFAULT_TIMEOUT_SECS,
            #[cfg(feature = "population")]
            population: Some(crate::stats::population::Population::bundled()),
        }
    }
}

impl Default for Tiles {
    fn default() -> Self {
        Tiles {
            url: "https://tile.openstreetmap.org/{z}/{x}/{y}.png".into(),
            subdomains: Vec::new(),
            attribution: "© OpenStreetMap contributors".into(),
            max_zoom: 19,
        }
    }
}

/// A request's time limit unless config.json sets `feed_timeout_secs`.
pub const DEFAULT_TIMEOUT_SECS: u32 = 15;

/// The municipality boundaries bundled with the app (copied from `public/`).
pub const BUNDLED_BOUNDARIES: &str = "municipality-boundaries.geojson";
pub const BUNDLED_BOUNDARIES_ATTRIBUTION: &str = "© Maanmittauslaitos, CC BY 4.0";

/// Kainuu and North Ostrobothnia: the view the map opens on unless config.json says otherwise.
pub const REGION_VIEW: LatLonBounds = LatLonBounds {
    south: 63.5,
    west: 23.5,
    north: 66.5,
    east: 30.2,
};

impl Config {
    /// Reads config.json. A missing field keeps its default, and unknown fields are ignored so
    /// that newer files work with older apps; a field of the wrong type refuses the file, with
    /// the field's name in the message.
    ///
    /// Read by hand over core's JSON tree, which the app has for the feeds anyway: serde's
    /// derived readers for these dozen fields were 14 kB of the explorer's wasm.
    pub fn from_json(bytes: &[u8]) -> Result<Config, String> {
        // From text, as every JSON document the app reads (see `feed::read`).
        let text = std::str::from_utf8(bytes).map_err(|e| format!("config.json: {e}"))?;
        let arena = bumpalo::Bump::new();
        let doc = Json::parse_in(text, &arena).map_err(|e| format!("config.json: {e}"))?;
        let fields = doc.as_object().ok_or("config.json: not a JSON object")?;
        let mut c = Config::default();
        let f = Fields(fields, "");
        f.strings("feeds", &mut c.feeds)?;
        f.string("default_language", &mut c.default_language)?;
        f.strings("allowed_feed_origins", &mut c.allowed_feed_origins)?;
        if let Some(tiles) = f.object("tiles")? {
            let t = Fields(tiles, "tiles.");
            t.string("url", &mut c.tiles.url)?;
            t.strings("subdomains", &mut c.tiles.subdomains)?;
            t.string("attribution", &mut c.tiles.attribution)?;
            let mut max_zoom = u32::from(c.tiles.max_zoom);
            t.whole("max_zoom", u32::from(u8::MAX), &mut max_zoom)?;
            c.tiles.max_zoom = max_zoom as u8;
        }
        if let Some(view) = f.object("region_view")? {
            let v = Fields(view, "region_view.");
            c.region_view = LatLonBounds {
                south: v.required_number("south")?,
                west: v.required_number("west")?,
                north: v.required_number("north")?,
                east: v.required_number("east")?,
            };
        }
        f.optional_string("boundaries_url", &mut c.boundaries_url)?;
        f.optional_string("boundaries_attribution", &mut c.boundaries_attribution)?;
        f.bool("sample_data", &mut c.sample_data)?;
        f.string("feedback_email", &mut c.feedback_email)?;
        f.whole("feed_timeout_secs", u32::MAX, &mut c.feed_timeout_secs)?;
        #[cfg(feature = "population")]
        match fields.get("population") {
            None => {}
            Some(Json::Null) => c.population = None,
            Some(p) => c.population = Some(read_population(p)?),
        }
        Ok(c)
    }
}

/// config.json's `population`: `source` and `reference_date` are required, because a
/// per-capita number must say where it is from; `licence` may be left out.
#[cfg(feature = "population")]
fn read_population(value: &Json) -> Result<crate::stats::population::Population, String> {
    let fields = value
        .as_object()
        .ok_or("config.json: `population` must be an object or null")?;
    let f = Fields(fields, "population.");
    let members = f
        .required("figures")?
        .as_object()
        .ok_or_else(|| f.wrong("figures", "an object of municipality codes and residents"))?;
    let mut figures = std::collections::BTreeMap::new();
    for (code, n) in members.iter() {
        let residents = whole_number(n, u32::MAX)
            .ok_or_else(|| f.wrong(&format!("figures.{code}"), "a whole number of residents"))?;
        figures.insert(code.to_owned(), residents);
    }
    let mut licence = String::new();
    f.string("licence", &mut licence)?;
    Ok(crate::stats::population::Population {
        source: f.required_string("source")?,
        reference_date: f.required_string("reference_date")?,
        licence,
        figures,
    })
}

/// `v` as a whole number from 0 to `max`.
fn whole_number(v: &Json, max: u32) -> Option<u32> {
    let n = v.as_f64()?;
    (n.fract() == 0.0 && (0.0..=f64::from(max)).contains(&n)).then_some(n as u32)
}

/// The fields of one object of config.json, and its path for messages ("tiles.").
struct Fields<'o, 'a>(&'o Object<'a>, &'static str);

impl Fields<'_, '_> {
    fn wrong(&self, key: &str, what: &str) -> String {
        format!("config.json: `{}{key}` must be {what}", self.1)
    }

    fn required(&self, key: &str) -> Result<&Json<'_>, String> {
        self.0
            .get(key)
            .ok_or_else(|| format!("config.json: `{}{key}` is missing", self.1))
    }

    /// The value of `key` through `read`, which says whether it has the right type; a missing
    /// field leaves `out` as it is.
    fn read<T>(
        &self,
        key: &str,
        what: &str,
        out: &mut T,
        read: impl FnOnce(&Json) -> Option<T>,
    ) -> Result<(), String> {
        if let Some(v) = self.0.get(key) {
            *out = read(v).ok_or_else(|| self.wrong(key, what))?;
        }
        Ok(())
    }

    fn string(&self, key: &str, out: &mut String) -> Result<(), String> {
        self.read(key, "text", out, |v| v.as_str().map(str::to_owned))
    }

    #[cfg(feature = "population")]
    fn required_string(&self, key: &str) -> Result<String, String> {
        let mut s = String::new();
        self.required(key)?;
        self.string(key, &mut s)?;
        Ok(s)
    }

    /// Text, or null for none.
    fn optional_string(&self, key: &str, out: &mut Option<String>) -> Result<(), String> {
        self.read(key, "text or null", out, |v| match v {
            Json::Null => Some(None),
            v => v.as_str().map(|s| Some(s.to_owned())),
        })
    }

    fn strings(&self, key: &str, out: &mut Vec<String>) -> Result<(), String> {
        self.read(key, "a list of texts", out, |v| {
            v.as_array()?
                .iter()
                .map(|s| s.as_str().map(str::to_owned))
                .collect()
        })
    }

    fn bool(&self, key: &str, out: &mut bool) -> Result<(), String> {
        self.read(key, "true or false", out, |v| v.as_bool())
    }

    /// A whole number from 0 to `max`.
    fn whole(&self, key: &str, max: u32, out: &mut u32) -> Result<(), String> {
        if let Some(v) = self.0.get(key) {
            *out = whole_number(v, max)
                .ok_or_else(|| self.wrong(key, &format!("a whole number from 0 to {max}")))?;
        }
        Ok(())
    }

    fn required_number(&self, key: &str) -> Result<f64, String> {
        let mut n = f64::NAN;
        self.required(key)?;
        self.read(key, "a number", &mut n, |v| v.as_f64())?;
        Ok(n)
    }

    /// A nested object, if the field is there.
    fn object(&self, key: &str) -> Result<Option<&Object<'_>>, String> {
        match self.0.get(key) {
            None => Ok(None),
            Some(v) => v
                .as_object()
                .map(Some)
                .ok_or_else(|| self.wrong(key, "an object")),
        }
    }
}

/// Why a `feed` URL parameter was not used.
#[derive(Debug, Clone, PartialEq)]
pub enum FeedOverrideRefused {
    /// Not http(s), or written in a way that hides its host.
    NotAUrl,
    /// On an origin that config.json does not allow.
    ForeignOrigin(String),
}

/// The origin (scheme://host[:port], lowercase, default port dropped) of an absolute http(s) URL.
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    // Userinfo ("trusted.fi@evil.example") and backslashes are classic ways to disguise a host.
    if authority.is_empty() || authority.contains(['@', '\\', ' ']) {
        return None;
    }
    let authority = authority.to_ascii_lowercase();
    let default_port = if scheme == "https" { ":443" } else { ":80" };
    let authority = authority.strip_suffix(default_port).unwrap_or(&authority);
    Some(format!("{scheme}://{authority}"))
}

/// Checks a `feed` URL parameter: a path on the app's own origin, or an absolute URL on the app's
/// origin or one that config.json lists in `allowed_feed_origins`. Without this check a crafted
/// link could show anyone's content under a municipality's embed.
pub fn check_feed_override(
    param: &str,
    app_origin: &str,
    allowed: &[String],
) -> Result<String, FeedOverrideRefused> {
    let p = param.trim();
    if p.is_empty() || p.contains('\\') || p.chars().any(char::is_control) {
        return Err(FeedOverrideRefused::NotAUrl);
    }
    if !p.contains("://") {
        // Relative: same origin, unless protocol-relative ("//host/…") or another scheme ("data:").
        let has_scheme = p
            .split(['/', '?', '#'])
            .next()
            .is_some_and(|first| first.contains(':'));
        return if p.starts_with("//") || has_scheme {
            Err(FeedOverrideRefused::NotAUrl)
        } else {
            Ok(p.to_owned())
        };
    }
    let origin = origin_of(p).ok_or(FeedOverrideRefused::NotAUrl)?;
    let ok = origin_of(app_origin).as_deref() == Some(origin.as_str())
        || allowed
            .iter()
            .any(|a| origin_of(a).as_deref() == Some(origin.as_str()));
    if ok {
        Ok(p.to_owned())
    } else {
        Err(FeedOverrideRefused::ForeignOrigin(origin))
    }
}

/// Whether a feed may be followed from one of its documents to `target`: a `meta.next` page or
/// a referenced place. Only to the origin of the document it came from (`from`; relative URLs are
/// on the app's origin) or to an allowed origin. Otherwise a feed that is allowed could lead the
/// app to any site, which the check on the `feed` parameter exists to prevent. Err names the
/// refused origin (or the URL itself when it is not an http(s) URL).
pub fn may_follow(
    from: &str,
    target: &str,
    app_origin: &str,
    allowed: &[String],
) -> Result<(), String> {
    let base = origin_of(from).or_else(|| origin_of(app_origin));
    let origin = if target.contains("://") {
        origin_of(target).ok_or_else(|| target.to_owned())?
    } else {
        // Relative to the document: its own origin, unless it is protocol-relative or another
        // scheme (`//evil.example/x`, `javascript:…`).
        let has_scheme = target
            .split(['/', '?', '#'])
            .next()
            .is_some_and(|first| first.contains(':'));
        if target.starts_with("//") || has_scheme || target.contains('\\') {
            return Err(target.to_owned());
        }
        return Ok(());
    };
    let ok = base.as_deref() == Some(origin.as_str())
        || allowed
            .iter()
            .any(|a| origin_of(a).as_deref() == Some(origin.as_str()));
    if ok {
        Ok(())
    } else {
        Err(origin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "population")]
    #[test]
    fn population_is_bundled_replaced_or_turned_off_by_config_json() {
        let bundled = Config::from_json(b"{}").unwrap().population.unwrap();
        assert_eq!(bundled.of("564"), Some(216_152));
        assert_eq!(
            Config::from_json(br#"{"population": null}"#)
                .unwrap()
                .population,
            None
        );
        let c = Config::from_json(
            br#"{"population": {"source": "Kunnan oma laskenta", "reference_date": "2025-12-31", "figures": {"205": 36000}}}"#,
        )
        .unwrap();
        let p = c.population.unwrap();
        assert_eq!((p.of("205"), p.of("564")), (Some(36_000), None));
        assert_eq!(p.reference_date, "2025-12-31");
        // Figures without a source are refused: a per-capita number must say where it is from.
        assert_eq!(
            Config::from_json(
                br#"{"population": {"reference_date": "2025-12-31", "figures": {"205": 1}}}"#
            ),
            Err("config.json: `population.source` is missing".into())
        );
        assert_eq!(
            Config::from_json(br#"{"population": {"source": "x", "reference_date": "2025-12-31", "figures": {"205": "many"}}}"#),
            Err("config.json: `population.figures.205` must be a whole number of residents".into())
        );
        assert!(
            Config::from_json(br#"{"population": {"source": "x", "reference_date": "d"}}"#)
                .is_err()
        );
    }

    #[test]
    fn the_feed_time_limit_is_read_from_config_json_or_defaults_to_15_s() {
        let c = Config::from_json(br#"{"feed_timeout_secs": 4}"#).unwrap();
        assert_eq!(c.feed_timeout_secs, 4);
        assert_eq!(Config::from_json(b"{}").unwrap().feed_timeout_secs, 15);
        assert!(Config::from_json(br#"{"feed_timeout_secs": "soon"}"#).is_err());
    }

    #[test]
    fn a_feed_is_followed_only_to_its_own_origin_or_an_allowed_one() {
        let app = "https://kulttuurikartta.fi";
        let allowed = vec!["https://api.hel.fi".to_owned()];
        let le = "https://api.hel.fi/linkedevents/v1/event/?page=1";
        // Its own origin, absolute or relative, and the app's own relative feeds.
        assert_eq!(
            may_follow(
                le,
                "https://api.hel.fi/linkedevents/v1/event/?page=2",
                app,
                &[]
            ),
            Ok(())
        );
        assert_eq!(may_follow(le, "HTTPS://API.HEL.FI:443/x", app, &[]), Ok(()));
        assert_eq!(may_follow(le, "?page=2", app, &[]), Ok(()));
        assert_eq!(
            may_follow("feed.json", "feed.json?page=2", app, &[]),
            Ok(())
        );
        assert_eq!(
            may_follow(
                "feed.json",
                "https://kulttuurikartta.fi/feed-2.json",
                app,
                &[]
            ),
            Ok(())
        );
        // An allowed origin, from anywhere.
        assert_eq!(
            may_follow("feed.json", "https://api.hel.fi/place/1/", app, &allowed),
            Ok(())
        );
        // Anything else is refused, with the origin that was refused.
        assert_eq!(
            may_follow(le, "https://evil.example/page2", app, &[]),
            Err("https://evil.example".to_owned())
        );
        assert_eq!(
            may_follow("feed.json", "https://api.hel.fi/x", app, &[]),
            Err("https://api.hel.fi".to_owned()),
            "a same-origin feed cannot lead to a site that is not allowed"
        );
        assert_eq!(
            may_follow(le, "http://api.hel.fi/x", app, &[]),
            Err("http://api.hel.fi".to_owned()),
            "another scheme is another origin"
        );
        for sneaky in [
            "//evil.example/x",
            "javascript:alert(1)",
            "https://api.hel.fi@evil.example/",
            "ftp://api.hel.fi/x",
        ] {
            assert!(may_follow(le, sneaky, app, &allowed).is_err(), "{sneaky}");
        }
    }

    #[test]
    fn feed_override_accepts_own_origin_and_allowed_origins() {
        let app = "https://kulttuurikartta.fi";
        let allowed = vec!["https://tapahtumat.kajaani.fi".to_owned()];
        let ok = |p: &str| check_feed_override(p, app, &allowed);
        assert_eq!(ok("preview/feed.json"), Ok("preview/feed.json".into()));
        assert_eq!(
            ok("/kulttuurikartta/x.json"),
            Ok("/kulttuurikartta/x.json".into())
        );
        assert!(ok("https://kulttuurikartta.fi/x.json").is_ok());
        assert!(ok("https://KULTTUURIKARTTA.fi:443/x.json").is_ok());
        assert!(ok("https://tapahtumat.kajaani.fi/api/events?x=1").is_ok());
    }

    #[test]
    fn feed_override_refuses_foreign_and_disguised_urls() {
        let app = "https://kulttuurikartta.fi";
        let allowed = vec!["https://tapahtumat.kajaani.fi".to_owned()];
        let no = |p: &str| check_feed_override(p, app, &allowed);
        assert_eq!(
            no("https://evil.example/feed.json"),
            Err(FeedOverrideRefused::ForeignOrigin(
                "https://evil.example".into()
            ))
        );
        assert!(matches!(
            no("http://tapahtumat.kajaani.fi/x"),
            Err(FeedOverrideRefused::ForeignOrigin(_))
        ));
        assert!(matches!(
            no("https://tapahtumat.kajaani.fi.evil.example/x"),
            Err(FeedOverrideRefused::ForeignOrigin(_))
        ));
        for bad in [
            "//evil.example/feed.json",
            "https://tapahtumat.kajaani.fi@evil.example/x",
            "javascript:alert(1)",
            "data:application/json,{}",
            "https:\\\\evil.example",
            "",
        ] {
            assert_eq!(no(bad), Err(FeedOverrideRefused::NotAUrl), "{bad}");
        }
    }

    #[test]
    fn the_bundled_config_parses_and_names_the_sample_feed() {
        let c = Config::from_json(include_bytes!("../../../public/config.json")).unwrap();
        assert_eq!(c.feeds, ["sample-feed.json"]);
        assert!(c.tiles.attribution.contains("OpenStreetMap"));
        assert_eq!(c.boundaries_url.as_deref(), Some(BUNDLED_BOUNDARIES));
    }

    #[test]
    fn boundaries_default_to_the_bundled_file_and_null_turns_them_off() {
        let c = Config::from_json(b"{}").unwrap();
        assert_eq!(c.boundaries_url.as_deref(), Some(BUNDLED_BOUNDARIES));
        assert!(c
            .boundaries_attribution
            .unwrap()
            .contains("Maanmittauslaitos"));
        let c = Config::from_json(br#"{"boundaries_url": null}"#).unwrap();
        assert_eq!(c.boundaries_url, None);
        let c = Config::from_json(br#"{"boundaries_url": "https://x.fi/b.geojson"}"#).unwrap();
        assert_eq!(c.boundaries_url.as_deref(), Some("https://x.fi/b.geojson"));
        // The bundled file is where the config says, next to the app.
        let bundled = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../public")
            .join(BUNDLED_BOUNDARIES);
        assert!(bundled.is_file(), "{}", bundled.display());
    }

    #[test]
    fn every_field_is_read_and_a_partial_object_keeps_the_rest_of_its_defaults() {
        let c = Config::from_json(
            br#"{"feeds": ["a.json", "https://x.fi/b.json"], "default_language": "en",
                "allowed_feed_origins": ["https://x.fi"],
                "tiles": {"url": "https://t.fi/{z}/{x}/{y}.png", "max_zoom": 17},
                "region_view": {"south": 64, "west": 25.5, "north": 65.5, "east": 28},
                "boundaries_attribution": null, "sample_data": false,
                "feedback_email": "a@b.fi", "feed_timeout_secs": 30, "future_field": [1, {}]}"#,
        )
        .unwrap();
        assert_eq!(c.feeds, ["a.json", "https://x.fi/b.json"]);
        assert_eq!(c.default_language, "en");
        assert_eq!(c.allowed_feed_origins, ["https://x.fi"]);
        assert_eq!(c.tiles.url, "https://t.fi/{z}/{x}/{y}.png");
        assert_eq!(c.tiles.max_zoom, 17);
        assert_eq!(c.tiles.attribution, Tiles::default().attribution);
        assert_eq!(
            c.region_view,
            LatLonBounds {
                south: 64.0,
                west: 25.5,
                north: 65.5,
                east: 28.0
            }
        );
        assert_eq!(c.boundaries_url.as_deref(), Some(BUNDLED_BOUNDARIES));
        assert_eq!(c.boundaries_attribution, None);
        assert!(!c.sample_data);
        assert_eq!(c.feedback_email, "a@b.fi");
        assert_eq!(c.feed_timeout_secs, 30);
    }

    #[test]
    fn a_field_of_the_wrong_type_refuses_the_file_and_names_the_field() {
        let err = |json: &str| Config::from_json(json.as_bytes()).unwrap_err();
        assert_eq!(
            err(r#"{"feeds": "a.json"}"#),
            "config.json: `feeds` must be a list of texts"
        );
        assert_eq!(
            err(r#"{"feeds": ["a.json", 3]}"#),
            "config.json: `feeds` must be a list of texts"
        );
        assert_eq!(
            err(r#"{"sample_data": "no"}"#),
            "config.json: `sample_data` must be true or false"
        );
        assert_eq!(
            err(r#"{"default_language": null}"#),
            "config.json: `default_language` must be text"
        );
        assert!(err(r#"{"feed_timeout_secs": -1}"#)
            .contains("`feed_timeout_secs` must be a whole number"));
        assert!(err(r#"{"feed_timeout_secs": 1.5}"#).contains("`feed_timeout_secs`"));
        assert!(err(r#"{"tiles": {"max_zoom": 300}}"#)
            .contains("`tiles.max_zoom` must be a whole number from 0 to 255"));
        assert_eq!(
            err(r#"{"tiles": []}"#),
            "config.json: `tiles` must be an object"
        );
        assert_eq!(
            err(r#"{"region_view": {"south": 64, "west": 25, "north": 65}}"#),
            "config.json: `region_view.east` is missing"
        );
        assert_eq!(
            err(r#"{"boundaries_url": 5}"#),
            "config.json: `boundaries_url` must be text or null"
        );
        assert_eq!(err("[]"), "config.json: not a JSON object");
        assert!(err("{").starts_with("config.json: "));
        assert!(Config::from_json(b"\xff")
            .unwrap_err()
            .starts_with("config.json: "));
    }

    #[test]
    fn a_partial_config_keeps_defaults() {
        let c = Config::from_json(br#"{"default_language": "sv"}"#).unwrap();
        assert_eq!(c.default_language, "sv");
        assert_eq!(c.feeds, Config::default().feeds);
        assert!(Config::from_json(b"{").is_err());
    }
}
