//! Where an event is: coordinates checked against Finland, the municipality worked out from what
//! the feed gives, and an honest flag for how sure we are. Shared by every feed format.

use super::model::{LatLon, LocationKind};
use crate::decimal::shortest;
use crate::region::municipality;

/// How the reader says it swapped a feed's coordinates back (the validator calls it an error).
pub const SWAPPED: &str = "are swapped; they were read the other way round";

/// Finland with a margin: coordinates outside are wrong (or swapped).
const FINLAND: Bounds = Bounds {
    lat: (59.3, 70.2),
    lon: (19.0, 31.7),
};
/// Kainuu and North Ostrobothnia with a margin: inside, a point's nearest municipality centre is
/// a fair guess of its municipality.
const REGIONS: Bounds = Bounds {
    lat: (63.3, 66.6),
    lon: (23.0, 30.7),
};

struct Bounds {
    lat: (f64, f64),
    lon: (f64, f64),
}

impl Bounds {
    fn contains(&self, lat: f64, lon: f64) -> bool {
        (self.lat.0..=self.lat.1).contains(&lat) && (self.lon.0..=self.lon.1).contains(&lon)
    }
}

/// What a feed said about a place, in any format.
#[derive(Debug, Default)]
pub struct PlaceClues<'a> {
    /// Latitude and longitude as the feed labelled them (maybe swapped).
    pub coordinates: Option<(f64, f64)>,
    /// Municipality names from administrative divisions (most trusted).
    pub divisions: Vec<&'a str>,
    /// Address localities or free-text place names, tried after the divisions.
    pub localities: Vec<&'a str>,
}

#[derive(Debug, PartialEq)]
pub struct Located {
    pub position: Option<LatLon>,
    pub kind: LocationKind,
    pub municipality: Option<&'static str>,
}

impl Located {
    pub const ONLINE: Located = Located {
        position: None,
        kind: LocationKind::Online,
        municipality: None,
    };
    pub const UNKNOWN: Located = Located {
        position: None,
        kind: LocationKind::Unknown,
        municipality: None,
    };
}

/// Exact coordinates when inside Finland (swapped ones corrected with a warning); else the
/// municipality's centre, flagged approximate. The municipality comes from divisions, else the
/// locality names, else the nearest centre when the point lies inside the two regions.
pub fn locate(clues: &PlaceClues, warnings: &mut Vec<String>) -> Located {
    let position = clues.coordinates.and_then(|(lat, lon)| {
        if !(lat.is_finite() && lon.is_finite()) {
            None
        } else if FINLAND.contains(lat, lon) {
            Some(LatLon { lat, lon })
        } else if FINLAND.contains(lon, lat) {
            warnings.push(format!(
                "latitude {} and longitude {} {SWAPPED}",
                shortest(lat),
                shortest(lon)
            ));
            Some(LatLon { lat: lon, lon: lat })
        } else {
            warnings.push(format!(
                "coordinates {}, {} are outside Finland and were ignored",
                shortest(lat),
                shortest(lon)
            ));
            None
        }
    });
    let by_names = |names: &[&str]| {
        names.iter().find_map(|n| {
            municipality::by_name(n)
                // "Kuhmo-talo, Kuhmo" or "Oulu, Finland": try the parts too.
                .or_else(|| n.split(',').find_map(municipality::by_name))
        })
    };
    let municipality = by_names(&clues.divisions)
        .or_else(|| by_names(&clues.localities))
        .or_else(|| {
            position
                .filter(|p| REGIONS.contains(p.lat, p.lon))
                .map(|p| municipality::nearest(p.lat, p.lon))
        });
    match (position, municipality) {
        (Some(p), m) => Located {
            position: Some(p),
            kind: LocationKind::Exact,
            municipality: m.map(|m| m.code),
        },
        (None, Some(m)) => Located {
            position: Some(LatLon {
                lat: m.lat,
                lon: m.lon,
            }),
            kind: LocationKind::Approximate,
            municipality: Some(m.code),
        },
        (None, None) => Located::UNKNOWN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_inside_finland_with_nearest_municipality() {
        let mut w = vec![];
        let l = locate(
            &PlaceClues {
                coordinates: Some((64.2247, 27.7286)),
                ..Default::default()
            },
            &mut w,
        );
        assert_eq!((l.kind, l.municipality), (LocationKind::Exact, Some("205")));
        assert!(w.is_empty());
    }

    #[test]
    fn swapped_is_corrected_and_reported() {
        let mut w = vec![];
        let l = locate(
            &PlaceClues {
                coordinates: Some((25.465, 65.012)),
                ..Default::default()
            },
            &mut w,
        );
        assert_eq!(
            l.position,
            Some(LatLon {
                lat: 65.012,
                lon: 25.465
            })
        );
        assert_eq!(w.len(), 1);
    }

    #[test]
    fn divisions_win_over_locality_and_nearest() {
        let mut w = vec![];
        let clues = PlaceClues {
            coordinates: Some((65.012, 25.465)),
            divisions: vec!["Kempele"],
            localities: vec!["Oulu"],
        };
        assert_eq!(locate(&clues, &mut w).municipality, Some("244"));
    }

    #[test]
    fn no_coordinates_is_approximate_at_the_centre_or_unknown() {
        let mut w = vec![];
        let l = locate(
            &PlaceClues {
                localities: vec!["Kuhmo-talo, Kuhmo"],
                ..Default::default()
            },
            &mut w,
        );
        assert_eq!(l.kind, LocationKind::Approximate);
        assert_eq!(
            l.position,
            Some(LatLon {
                lat: 64.126,
                lon: 29.517
            })
        );
        assert_eq!(locate(&PlaceClues::default(), &mut w), Located::UNKNOWN);
    }

    #[test]
    fn far_away_and_nonsense_coordinates_are_dropped() {
        let mut w = vec![];
        let l = locate(
            &PlaceClues {
                coordinates: Some((48.85, 2.35)),
                ..Default::default()
            },
            &mut w,
        );
        assert_eq!(l, Located::UNKNOWN);
        let l = locate(
            &PlaceClues {
                coordinates: Some((f64::NAN, 25.0)),
                ..Default::default()
            },
            &mut w,
        );
        assert_eq!(l, Located::UNKNOWN);
        // Outside the regions but in Finland: exact, with no municipality of ours.
        let l = locate(
            &PlaceClues {
                coordinates: Some((60.17, 24.94)),
                ..Default::default()
            },
            &mut w,
        );
        assert_eq!((l.kind, l.municipality), (LocationKind::Exact, None));
    }
}
