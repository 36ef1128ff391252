//! Raster tiles: which tiles cover a view, and their URLs.

use super::small_sort::sort_small_by;
use super::viewport::Viewport;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TileId {
    pub z: u8,
    pub x: u32,
    pub y: u32,
}

/// Tiles at the view's integer zoom that cover it plus `margin` pixels on every side, nearest
/// to the centre first (so that what the user looks at loads first).
pub fn tiles_for(view: &Viewport, max_zoom: u8, margin: f64) -> Vec<TileId> {
    let z = view.zoom.round().max(0.0).min(f64::from(max_zoom)) as u8;
    let n = 1u32 << z;
    let (min, max) = view.visible(margin);
    let to_tile = |v: f64| (v * f64::from(n)).floor().max(0.0).min(f64::from(n - 1)) as u32;
    let (x0, x1) = (to_tile(min.x), to_tile(max.x));
    let (y0, y1) = (to_tile(min.y), to_tile(max.y));
    let mut tiles: Vec<TileId> = (y0..=y1)
        .flat_map(|y| (x0..=x1).map(move |x| TileId { z, x, y }))
        .collect();
    let (cx, cy) = (view.center.x * f64::from(n), view.center.y * f64::from(n));
    let dist = |t: &TileId| {
        let (dx, dy) = (f64::from(t.x) + 0.5 - cx, f64::from(t.y) + 0.5 - cy);
        dx * dx + dy * dy
    };
    sort_small_by(&mut tiles, |a, b| dist(a).total_cmp(&dist(b)).is_lt());
    tiles
}

/// Fills a URL template: `{z}`, `{x}`, `{y}`, `{s}` (a subdomain, chosen by the tile so that the
/// same tile always comes from the same host and stays cached) and `{r}` (retina suffix, empty).
/// Anything else in the template, such as an API key parameter, is kept as written.
pub fn tile_url(template: &str, tile: TileId, subdomains: &[String]) -> String {
    let s = if subdomains.is_empty() {
        "a"
    } else {
        subdomains[((tile.x + tile.y) as usize) % subdomains.len()].as_str()
    };
    template
        .replace("{z}", &tile.z.to_string())
        .replace("{x}", &tile.x.to_string())
        .replace("{y}", &tile.y.to_string())
        .replace("{s}", s)
        .replace("{r}", "")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::projection::project;

    fn view(zoom: f64, w: f64, h: f64) -> Viewport {
        Viewport {
            center: project(64.5, 26.5),
            zoom,
            width: w,
            height: h,
        }
    }

    #[test]
    fn tiles_cover_the_view_at_every_zoom_without_gaps_or_duplicates() {
        for z in 0..=19u8 {
            let v = view(f64::from(z), 1280.0, 800.0);
            let tiles = tiles_for(&v, 19, 0.0);
            let mut sorted = tiles.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(sorted.len(), tiles.len(), "duplicates at z{z}");
            let n = 1u32 << z;
            let xs = sorted.iter().map(|t| t.x);
            let (xmin, xmax) = (xs.clone().min().unwrap(), xs.max().unwrap());
            let ys = sorted.iter().map(|t| t.y);
            let (ymin, ymax) = (ys.clone().min().unwrap(), ys.max().unwrap());
            assert_eq!(
                tiles.len() as u32,
                (xmax - xmin + 1) * (ymax - ymin + 1),
                "a full rectangle at z{z}"
            );
            // The corners of the view fall on tiles in the set (clamped at the world's edge).
            let (min, max) = v.visible(0.0);
            for (px, py) in [(min.x, min.y), (max.x, max.y)] {
                let t = |c: f64| (c * f64::from(n)).floor().max(0.0).min(f64::from(n - 1)) as u32;
                assert!(
                    sorted.contains(&TileId {
                        z,
                        x: t(px),
                        y: t(py)
                    }),
                    "corner tile missing at z{z}"
                );
            }
            if z >= 3 {
                // 1280×800 needs 6–7 columns and 4–5 rows of 256 px tiles.
                assert!(
                    (6..=7).contains(&(xmax - xmin + 1)) && (4..=5).contains(&(ymax - ymin + 1)),
                    "z{z}"
                );
            }
        }
    }

    #[test]
    fn the_margin_adds_a_ring_and_the_centre_comes_first() {
        let v = view(9.0, 1280.0, 800.0);
        let plain = tiles_for(&v, 19, 0.0);
        let margin = tiles_for(&v, 19, 256.0);
        assert!(margin.len() > plain.len());
        let n = f64::from(1u32 << 9);
        let centre = TileId {
            z: 9,
            x: (v.center.x * n) as u32,
            y: (v.center.y * n) as u32,
        };
        assert_eq!(plain[0], centre);
    }

    #[test]
    fn zoom_is_limited_by_the_provider() {
        assert!(tiles_for(&view(21.0, 400.0, 400.0), 19, 0.0)
            .iter()
            .all(|t| t.z == 19));
    }

    #[test]
    fn url_templates_with_subdomains_and_keys() {
        let t = TileId {
            z: 9,
            x: 292,
            y: 131,
        };
        assert_eq!(
            tile_url("https://tile.openstreetmap.org/{z}/{x}/{y}.png", t, &[]),
            "https://tile.openstreetmap.org/9/292/131.png"
        );
        let subs = vec!["a".to_owned(), "b".to_owned(), "c".to_owned()];
        let next = TileId { x: 293, ..t };
        assert!(
            tile_url("{s}", next, &subs) == "b",
            "neighbouring tiles spread over the hosts"
        );
        assert_eq!(
            tile_url(
                "https://{s}.tiles.example/{z}/{x}/{y}{r}.png?apikey=K3Y",
                t,
                &subs
            ),
            "https://a.tiles.example/9/292/131.png?apikey=K3Y"
        );
    }
}
