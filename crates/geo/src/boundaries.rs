//! Municipality boundaries from GeoJSON (Statistics Finland's / the National Land Survey's
//! municipal divisions, or any FeatureCollection of Polygons and MultiPolygons), projected once
//! for drawing. The file is optional: without it the basemap draws the region's hull.

use kulttuurikartta_core::feed::json_value::Bump;
use kulttuurikartta_core::feed::Json;

use super::projection::{project, Point};

#[derive(Debug, Clone, PartialEq)]
pub struct Boundary {
    /// Official municipality code, when the feature has one (`code`, `kunta` or `natcode`).
    pub code: Option<String>,
    /// Outer rings and holes, projected. Drawn with the even-odd rule.
    pub rings: Vec<Vec<Point>>,
}

/// Reads a FeatureCollection. Features that are not (Multi)Polygons are skipped; a document
/// that is not GeoJSON at all is an error with a reason.
pub fn parse(bytes: &[u8]) -> Result<Vec<Boundary>, String> {
    // With the feeds' JSON reader (kulttuurikartta-core's `feed::json_value`): a second reader,
    // serde_json's `Value`, cost the app's download about 10 kB of wasm for this one file.
    let text = std::str::from_utf8(bytes).map_err(|e| format!("boundaries: not UTF-8 ({e})"))?;
    let arena = Bump::new();
    let doc = Json::parse_in(text, &arena).map_err(|e| format!("boundaries: not JSON ({e})"))?;
    let features = doc
        .get("features")
        .and_then(Json::as_array)
        .ok_or("boundaries: not a GeoJSON FeatureCollection")?;
    Ok(features
        .iter()
        .filter_map(|f| {
            let geometry = f.get("geometry")?;
            let coords = geometry.get("coordinates")?;
            let polygons: Vec<&Json> = match geometry.get("type")?.as_str()? {
                "Polygon" => vec![coords],
                "MultiPolygon" => coords.as_array()?.iter().collect(),
                _ => return None,
            };
            let rings: Vec<Vec<Point>> = polygons
                .iter()
                .filter_map(|p| p.as_array())
                .flatten()
                .filter_map(|ring| {
                    let pts: Vec<Point> = ring
                        .as_array()?
                        .iter()
                        .filter_map(|c| {
                            let c = c.as_array()?;
                            Some(project(c.get(1)?.as_f64()?, c.first()?.as_f64()?))
                        })
                        .collect();
                    (pts.len() >= 3).then_some(pts)
                })
                .collect();
            let props = f.get("properties");
            let code = ["code", "kunta", "natcode"]
                .iter()
                .find_map(|k| props?.get(k))
                .and_then(|c| match c {
                    Json::String(s) => Some((*s).to_owned()),
                    Json::Number(n) if *n >= 0.0 && n.fract() == 0.0 => {
                        Some(format!("{:03}", *n as u64))
                    }
                    _ => None,
                });
            (!rings.is_empty()).then_some(Boundary { code, rings })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use kulttuurikartta_core::region::MUNICIPALITIES;

    #[test]
    fn polygons_multipolygons_and_junk() {
        let doc = br#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"code":"072"},"geometry":{"type":"Polygon","coordinates":[[[24.5,65.0],[24.9,65.0],[24.9,65.1],[24.5,65.0]]]}},
            {"type":"Feature","properties":{"kunta":564},"geometry":{"type":"MultiPolygon","coordinates":[[[[25.4,65.0],[25.5,65.0],[25.5,65.1],[25.4,65.0]]],[[[25.0,65.2],[25.1,65.2],[25.1,65.3],[25.0,65.2]]]]}},
            {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[25.0,65.0]}},
            {"type":"Feature","properties":{},"geometry":null}
        ]}"#;
        let b = parse(doc).unwrap();
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].code.as_deref(), Some("072"));
        assert_eq!(b[1].code.as_deref(), Some("564"));
        assert_eq!(b[1].rings.len(), 2);
        assert!(parse(b"[1]").unwrap_err().contains("FeatureCollection"));
        assert!(parse(b"<html>").unwrap_err().contains("not JSON"));
    }

    /// The bundled boundaries of the 38 municipalities (CC BY 4.0, © Maanmittauslaitos), as the
    /// app serves them from `public/`.
    #[test]
    fn the_bundled_boundary_file_has_every_municipality_around_its_centre() {
        let bytes = include_bytes!("../../../public/municipality-boundaries.geojson");
        let b = parse(bytes).unwrap();
        assert_eq!(b.len(), MUNICIPALITIES.len());
        for m in &MUNICIPALITIES {
            let shape = b
                .iter()
                .find(|x| x.code.as_deref() == Some(m.code))
                .unwrap_or_else(|| panic!("{} missing", m.name_fi));
            let c = project(m.lat, m.lon);
            let inside = shape.rings.iter().filter(|r| contains(r, c)).count() % 2 == 1;
            assert!(
                inside,
                "the centre of {} is not inside its boundary",
                m.name_fi
            );
        }
    }

    fn contains(ring: &[Point], p: Point) -> bool {
        let mut inside = false;
        let mut j = ring.len() - 1;
        for i in 0..ring.len() {
            let (a, b) = (ring[i], ring[j]);
            if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
                inside = !inside;
            }
            j = i;
        }
        inside
    }
}
