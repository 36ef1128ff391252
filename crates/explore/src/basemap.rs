//! The map's offline basemap, as the SVG markup inside its `<svg>`: municipality shapes when a
//! boundary file is loaded, shaded by region, with the chosen municipalities highlighted; else
//! the region's outline. On top, the municipality centres and as many names as fit without
//! overlapping, main towns first, and at region scale the two regions' names.
//!
//! Markup and not components, for the same reason as the list's rows and the timeline: the
//! basemap is redrawn whole on every frame of a pan or zoom, and some 120 elements built one
//! call at a time from wasm were most of such a frame. Nothing here comes from a feed; the names
//! are escaped all the same.

use std::fmt::Write;

use kulttuurikartta_core::region::municipality::{self, Region};
use kulttuurikartta_core::region::MUNICIPALITIES;
use kulttuurikartta_geo::boundaries::Boundary;
use kulttuurikartta_geo::labels::{place, Candidate};
use kulttuurikartta_geo::projection::{project, Point};
use kulttuurikartta_geo::viewport::Viewport;

use crate::html::push_escaped;
use crate::i18n::{Key, Lang, Translate};
use kulttuurikartta_core::decimal::tenths;
use kulttuurikartta_geo::small_sort::sort_small_by;

/// Below this zoom the regions are named; above it, only municipalities.
const REGION_NAMES_BELOW_ZOOM: f64 = 7.0;
/// Town names: size and the room kept around each.
const TOWN_FONT_PX: f64 = 12.0;
const REGION_FONT_PX: f64 = 13.0;
const TOWN_LABEL_PAD: f64 = 3.0;
/// A town's name sits this far below its dot, clear of a cluster bubble drawn on it.
const TOWN_LABEL_DROP: f64 = 34.0;

/// Towns named first, where names compete for room; the other centres follow.
const MAIN_TOWNS: &[&str] = &[
    "564", "205", "305", "678", "977", "208", "290", "777", "615", "535",
];

/// The basemap for view `v`: the municipalities of `boundaries` (`highlight` chosen) or, without
/// them, `outline` (the region's hull, projected), then the centres and names.
pub fn basemap_markup(
    v: &Viewport,
    boundaries: Option<&[Boundary]>,
    outline: &[Point],
    highlight: &[&str],
    l: Lang,
) -> String {
    let mut out = String::with_capacity(64 * 1024);
    match boundaries {
        Some(list) => shapes(&mut out, v, list, highlight),
        None => {
            out.push_str("<polygon class=\"region\" points=\"");
            for (i, p) in outline.iter().enumerate() {
                let (x, y) = v.to_screen(*p);
                let sep = if i == 0 { "" } else { " " };
                let _ = write!(out, "{sep}{},{}", tenths(x), tenths(y));
            }
            out.push_str("\"/>");
        }
    }
    labels(&mut out, v, l);
    out
}

/// Each municipality as a path, with its code as the hook and its region as a class.
fn shapes(out: &mut String, v: &Viewport, list: &[Boundary], highlight: &[&str]) {
    let chosen = |b: &Boundary| b.code.as_deref().is_some_and(|c| highlight.contains(&c));
    // The chosen ones last, so that no neighbour is painted over their outline.
    for b in list
        .iter()
        .filter(|b| !chosen(b))
        .chain(list.iter().filter(|b| chosen(b)))
    {
        let code = b.code.as_deref().unwrap_or("");
        let region = match municipality::by_code(code).map(|m| m.region) {
            Some(Region::Kainuu) => " kainuu",
            Some(Region::NorthOstrobothnia) => " pohjois-pohjanmaa",
            None => "",
        };
        let selected = if chosen(b) { " selected" } else { "" };
        let _ = write!(out, "<path class=\"municipality{region}{selected}\" d=\"");
        for ring in &b.rings {
            for (i, p) in ring.iter().enumerate() {
                let (x, y) = v.to_screen(*p);
                let command = if i == 0 { "M" } else { "L" };
                let _ = write!(out, "{command}{},{}", tenths(x), tenths(y));
            }
            out.push('Z');
        }
        out.push('"');
        if let Some(code) = &b.code {
            out.push_str(" data-code=\"");
            push_escaped(out, code);
            out.push('"');
        }
        out.push_str("/>");
    }
}

/// Every centre as a dot, and the names that fit without overlapping: at region scale the two
/// regions' names first, then the main towns, then the other municipalities.
fn labels(out: &mut String, v: &Viewport, l: Lang) {
    let regions: Vec<(&str, (f64, f64))> = if v.zoom < REGION_NAMES_BELOW_ZOOM {
        [
            (Region::Kainuu, Key::RegionKainuu),
            (Region::NorthOstrobothnia, Key::RegionNorthOstrobothnia),
        ]
        .into_iter()
        .map(|(region, key)| (l.t(key), v.to_screen(region_centre(region))))
        .collect()
    } else {
        Vec::new()
    };
    let mut towns: Vec<usize> = (0..MUNICIPALITIES.len()).collect();
    let rank = |i: usize| {
        MAIN_TOWNS
            .iter()
            .position(|c| *c == MUNICIPALITIES[i].code)
            .unwrap_or(MAIN_TOWNS.len())
    };
    sort_small_by(&mut towns, |&a, &b| rank(a) < rank(b));
    let name = |i: usize| {
        let m = &MUNICIPALITIES[i];
        if l == Lang::Sv {
            m.name_sv
        } else {
            m.name_fi
        }
    };
    let at = |i: usize| v.to_screen(project(MUNICIPALITIES[i].lat, MUNICIPALITIES[i].lon));
    let candidates: Vec<Candidate> = regions
        .iter()
        .map(|(text, (x, y))| {
            // Capitals with letter spacing: wider than the estimate for running text.
            Candidate::text(
                *x,
                *y,
                text.chars().count() * 3 / 2,
                REGION_FONT_PX,
                TOWN_LABEL_PAD,
            )
        })
        .chain(towns.iter().map(|&i| {
            let (x, y) = at(i);
            let chars = name(i).chars().count();
            Candidate::text(x, y + TOWN_LABEL_DROP, chars, TOWN_FONT_PX, TOWN_LABEL_PAD)
        }))
        .collect();
    let shown = place(&candidates, v.width, v.height);
    let (region_shown, town_shown) = shown.split_at(regions.len());
    for (i, labelled) in towns.into_iter().zip(town_shown.iter().copied()) {
        let (x, y) = at(i);
        let _ = write!(
            out,
            "<g class=\"town\"><circle cx=\"{}\" cy=\"{}\" r=\"3\"/>",
            tenths(x),
            tenths(y)
        );
        if labelled {
            let _ = write!(
                out,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">",
                tenths(x),
                tenths(y + TOWN_LABEL_DROP)
            );
            push_escaped(out, name(i));
            out.push_str("</text>");
        }
        out.push_str("</g>");
    }
    for ((text, (x, y)), _) in regions
        .into_iter()
        .zip(region_shown.iter().copied())
        .filter(|(_, shown)| *shown)
    {
        let _ = write!(
            out,
            "<text class=\"region-name\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">",
            tenths(x),
            tenths(y)
        );
        push_escaped(out, text);
        out.push_str("</text>");
    }
}

/// The middle of a region's municipality centres: where its name goes.
fn region_centre(region: Region) -> Point {
    let members: Vec<Point> = MUNICIPALITIES
        .iter()
        .filter(|m| m.region == region)
        .map(|m| project(m.lat, m.lon))
        .collect();
    let n = members.len() as f64;
    Point {
        x: members.iter().map(|p| p.x).sum::<f64>() / n,
        y: members.iter().map(|p| p.y).sum::<f64>() / n,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view() -> Viewport {
        let b = kulttuurikartta_geo::viewport::LatLonBounds {
            south: 63.5,
            west: 23.0,
            north: 66.5,
            east: 30.5,
        };
        Viewport::fit(b, 800.0, 600.0, 12.0, 4.0, 16.0, 0.0)
    }

    fn square(code: &str, lat: f64, lon: f64) -> Boundary {
        let ring = [(0.0, 0.0), (0.1, 0.0), (0.1, 0.1), (0.0, 0.1)]
            .iter()
            .map(|(a, b)| project(lat + a, lon + b))
            .collect();
        Boundary {
            code: Some(code.to_owned()),
            rings: vec![ring],
        }
    }

    #[test]
    fn municipalities_are_shaded_by_region_and_the_chosen_drawn_last() {
        let list = [square("205", 64.2, 27.7), square("564", 65.0, 25.5)];
        let svg = basemap_markup(&view(), Some(&list), &[], &["205"], Lang::Fi);
        let oulu = svg.find("data-code=\"564\"").expect("Oulu drawn");
        let kajaani = svg.find("data-code=\"205\"").expect("Kajaani drawn");
        assert!(oulu < kajaani, "the chosen one comes last: {svg}");
        assert!(
            svg.contains("<path class=\"municipality kainuu selected\" d=\"M"),
            "{svg}"
        );
        assert!(
            svg.contains("<path class=\"municipality pohjois-pohjanmaa\" d=\"M"),
            "{svg}"
        );
        assert!(
            !svg.contains("class=\"region\""),
            "no outline under real shapes"
        );
    }

    #[test]
    fn without_boundaries_the_outline_and_every_centre_are_drawn() {
        let hull = [
            project(64.0, 24.0),
            project(66.0, 29.0),
            project(63.6, 28.0),
        ];
        let svg = basemap_markup(&view(), None, &hull, &[], Lang::Sv);
        assert!(
            svg.starts_with("<polygon class=\"region\" points=\""),
            "{svg}"
        );
        assert_eq!(
            svg.matches("<g class=\"town\">").count(),
            MUNICIPALITIES.len()
        );
        assert!(
            svg.contains(">Uleåborg</text>"),
            "Swedish names in Swedish: {svg}"
        );
        // At region scale the regions are named.
        assert!(svg.contains("class=\"region-name\""), "{svg}");
    }
}
