//! Deploy-time configuration, read from `config.json` next to the app. Every field has a default
//! that works out of the box, so a missing or partial file still gives a working app.

use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default)]
pub struct Config {
    /// Feeds to load and merge, relative to the app or absolute.
    pub feeds: Vec<String>,
    /// UI language when the URL does not choose one: "fi", "sv" or "en".
    pub default_language: String,
    /// Origins (scheme://host:port) besides the app's own that a `feed` URL parameter may name.
    pub allowed_feed_origins: Vec<String>,
    pub tiles: Tiles,
    /// The map's initial view.
    pub region_view: Bounds,
    /// GeoJSON of municipality boundaries; optional, the app works without it.
    pub boundaries_url: Option<String>,
    pub boundaries_attribution: Option<String>,
    /// Shows the sample-data notice; set false for real feeds.
    pub sample_data: bool,
    /// Where accessibility feedback goes (required by the Act on the Provision of Digital
    /// Services, 306/2019).
    pub feedback_email: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default)]
pub struct Tiles {
    /// `{z}`, `{x}`, `{y}` and optionally `{s}` (subdomain) placeholders.
    pub url: String,
    pub subdomains: Vec<String>,
    pub attribution: String,
    pub max_zoom: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
pub struct Bounds {
    pub south: f64,
    pub west: f64,
    pub north: f64,
    pub east: f64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            feeds: vec!["sample-feed.json".into()],
            default_language: "fi".into(),
            allowed_feed_origins: Vec::new(),
            tiles: Tiles::default(),
            region_view: Bounds::default(),
            boundaries_url: None,
            boundaries_attribution: None,
            sample_data: true,
            feedback_email: "saavutettavuus@example.fi".into(),
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

impl Default for Bounds {
    /// Kainuu and North Ostrobothnia.
    fn default() -> Self {
        Bounds {
            south: 63.5,
            west: 23.5,
            north: 66.5,
            east: 30.2,
        }
    }
}

impl Config {
    /// Reads config.json; unknown fields are ignored so that newer files work with older apps.
    pub fn from_json(bytes: &[u8]) -> Result<Config, String> {
        serde_json::from_slice(bytes).map_err(|e| format!("config.json: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_config_parses_and_names_the_sample_feed() {
        let c = Config::from_json(include_bytes!("../public/config.json")).unwrap();
        assert_eq!(c.feeds, ["sample-feed.json"]);
        assert!(c.tiles.attribution.contains("OpenStreetMap"));
    }

    #[test]
    fn a_partial_config_keeps_defaults() {
        let c = Config::from_json(br#"{"default_language": "sv"}"#).unwrap();
        assert_eq!(c.default_language, "sv");
        assert_eq!(c.feeds, Config::default().feeds);
        assert!(Config::from_json(b"{").is_err());
    }
}
