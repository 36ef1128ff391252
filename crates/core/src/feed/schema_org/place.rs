//! A schema.org event's `location` (a Place with a PostalAddress and GeoCoordinates, a
//! VirtualLocation, or both) and its `image`, as the event model holds them.

use crate::decimal::shortest;
use crate::feed::json::{self, one_or_many};
use crate::feed::json_value::Json as Value;
use crate::feed::location::{locate, Located, PlaceClues};
use crate::feed::model::*;
use crate::feed::rich_text::safe_url;

pub(super) fn read_location(
    v: Option<&Value>,
    online_mode: bool,
    lang: &str,
    warnings: &mut Vec<String>,
) -> (Option<Venue>, Located) {
    let mut venue = None;
    let mut clues_owned: Vec<String> = Vec::new();
    let mut coordinates = None;
    let mut virtual_only = false;
    for loc in one_or_many(v) {
        match loc {
            Value::String(s) if s.starts_with("http://") || s.starts_with("https://") => {
                virtual_only = true
            }
            Value::String(s) if venue.is_none() => {
                let name = crate::feed::text::plain(s);
                clues_owned.push(name.clone());
                venue = Some(Venue {
                    name: Localized(vec![(lang.into(), name)]),
                    ..Venue::default()
                });
            }
            Value::Object(_) if json::ld_types(loc).contains(&"VirtualLocation") => {
                virtual_only = true
            }
            Value::Object(o) if venue.is_none() => {
                let address = o.get("address");
                let (street, locality, postal) = match address {
                    Some(Value::Object(a)) => (
                        json::localized(a.get("streetAddress"), lang),
                        json::localized(a.get("addressLocality"), lang),
                        a.get("postalCode").and_then(|p| {
                            p.as_str()
                                .map(str::to_owned)
                                .or_else(|| p.as_f64().map(shortest))
                        }),
                    ),
                    Some(Value::String(s)) => {
                        // A one-line address: its parts may name the municipality.
                        clues_owned.extend(s.split(',').map(|p| {
                            p.trim()
                                .trim_start_matches(char::is_numeric)
                                .trim()
                                .to_owned()
                        }));
                        (
                            json::localized(Some(&Value::String(s)), lang),
                            Localized::default(),
                            None,
                        )
                    }
                    _ => Default::default(),
                };
                clues_owned.extend(locality.0.iter().map(|(_, n)| n.clone()));
                if let Some(geo) = o.get("geo") {
                    coordinates =
                        json::number(geo.get("latitude")).zip(json::number(geo.get("longitude")));
                }
                let name = json::localized(o.get("name"), lang);
                clues_owned.extend(name.0.iter().map(|(_, n)| n.clone()));
                venue = Some(Venue {
                    name,
                    street_address: street,
                    locality,
                    postal_code: postal,
                });
            }
            _ => {}
        }
    }
    if online_mode || (virtual_only && venue.is_none()) {
        return (None, Located::ONLINE);
    }
    if venue.is_none() {
        return (None, Located::UNKNOWN);
    }
    let clues = PlaceClues {
        coordinates,
        divisions: Vec::new(),
        localities: clues_owned.iter().map(String::as_str).collect(),
    };
    let located = locate(&clues, warnings);
    (venue, located)
}

pub(super) fn read_image(v: Option<&Value>, lang: &str) -> Option<Image> {
    let first = one_or_many(v).next()?;
    match first {
        Value::String(u) => Some(Image {
            url: safe_url(u)?,
            ..Image::default()
        }),
        Value::Object(o) => {
            let url = o
                .get("url")
                .or_else(|| o.get("contentUrl"))
                .and_then(Value::as_str)
                .and_then(safe_url)?;
            let credit = ["creditText", "author", "copyrightHolder", "license"]
                .iter()
                .filter_map(|k| match o.get(k)? {
                    Value::String(s) => Some(crate::feed::text::plain(s)),
                    Value::Object(m) => m
                        .get("name")
                        .and_then(Value::as_str)
                        .map(crate::feed::text::plain),
                    _ => None,
                })
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>();
            Some(Image {
                url,
                alt: json::localized(o.get("caption").or_else(|| o.get("description")), lang),
                credit: (!credit.is_empty()).then(|| credit.join(", ")),
            })
        }
        _ => None,
    }
}
