//! Residents per municipality, for "events per 1 000 residents". The bundled figures are
//! Statistics Finland's (public facts, CC BY 4.0), copied from
//! `../shared/data/municipality-population.json`; `config.json` may replace them (a newer year)
//! or turn them off (`"population": null`), and then per-capita figures are not shown at all.

use std::collections::BTreeMap;

use kulttuurikartta_core::time::text;

/// Population figures with where they come from, shown under every per-capita figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Population {
    /// Who published the figures, in words.
    pub source: String,
    /// The day the figures describe ("2024-12-31").
    pub reference_date: String,
    /// May be left out of config.json.
    pub licence: String,
    /// Official municipality code → residents.
    pub figures: BTreeMap<String, u32>,
}

/// Statistics Finland, population structure, table 11s5, residents on 31.12.2024, sorted by code.
const BUNDLED: [(&str, u32); 38] = [
    ("009", 2410),
    ("069", 6492),
    ("071", 6365),
    ("072", 927),
    ("105", 2002),
    ("139", 9806),
    ("205", 36433),
    ("208", 12271),
    ("244", 19657),
    ("290", 7483),
    ("305", 14876),
    ("317", 2373),
    ("425", 10190),
    ("436", 2008),
    ("483", 1059),
    ("494", 8749),
    ("535", 10378),
    ("563", 6912),
    ("564", 216152),
    ("578", 2990),
    ("615", 7304),
    ("620", 2345),
    ("625", 2976),
    ("626", 4702),
    ("630", 1641),
    ("678", 23571),
    ("691", 2556),
    ("697", 1163),
    ("746", 4603),
    ("748", 4804),
    ("765", 10185),
    ("777", 7038),
    ("785", 2581),
    ("791", 4938),
    ("832", 3657),
    ("859", 6501),
    ("889", 2466),
    ("977", 15406),
];

impl Population {
    pub fn bundled() -> Population {
        Population {
            source: "Tilastokeskus / Statistics Finland, StatFin 11s5".into(),
            reference_date: "2024-12-31".into(),
            licence: "CC BY 4.0".into(),
            figures: {
                // Inserted one by one: collecting would link a sort for (String, u32) into
                // every build that has a default config, the explorer's too.
                let mut figures = BTreeMap::new();
                for (code, n) in BUNDLED {
                    figures.insert(code.to_string(), n);
                }
                figures
            },
        }
    }

    pub fn of(&self, code: &str) -> Option<u32> {
        self.figures.get(code).copied().filter(|n| *n > 0)
    }

    /// Residents of the municipalities `codes`, when every one of them has a figure: a sum
    /// with a gap would make a region's rate look higher than it is.
    pub fn of_all<'a>(&self, codes: impl IntoIterator<Item = &'a str>) -> Option<u64> {
        codes.into_iter().map(|c| self.of(c).map(u64::from)).sum()
    }
}

/// "Väkiluku: Tilastokeskus …, 31.12.2024 (CC BY 4.0)": the line under every per-capita figure;
/// without figures, why there are no per-capita figures.
pub fn credit(population: Option<&Population>, lang: crate::i18n::Lang) -> String {
    use crate::i18n::{Key, Translate};
    match population {
        Some(p) => {
            let date = text::parse_date(&p.reference_date)
                .map_or(p.reference_date.clone(), text::finnish_date);
            let licence = if p.licence.is_empty() {
                String::new()
            } else {
                format!(" ({})", p.licence)
            };
            format!(
                "{}: {}, {date}{licence}",
                lang.t(Key::StatsPopulation),
                p.source
            )
        }
        None => lang.t(Key::StatsNoPopulation).to_owned(),
    }
}

/// Events per 1 000 residents; None without a population.
pub fn per_1000(events: u32, residents: Option<u64>) -> Option<f64> {
    residents
        .filter(|r| *r > 0)
        .map(|r| f64::from(events) * 1000.0 / r as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use kulttuurikartta_core::region::municipality::MUNICIPALITIES;

    #[test]
    fn the_bundled_figures_cover_the_38_municipalities_and_sum_to_the_regions() {
        let p = Population::bundled();
        assert!(MUNICIPALITIES.iter().all(|m| p.of(m.code).is_some()));
        let sum = |k| {
            p.of_all(
                MUNICIPALITIES
                    .iter()
                    .filter(|m| m.region == k)
                    .map(|m| m.code),
            )
        };
        // Statistics Finland's regional totals on 31.12.2024 (see the shared data's note).
        use kulttuurikartta_core::region::Region;
        assert_eq!(sum(Region::NorthOstrobothnia), Some(418_331));
        assert_eq!(sum(Region::Kainuu), Some(69_639));
    }

    #[test]
    fn the_bundled_copy_equals_the_shared_data_file_when_it_is_there() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/municipality-population.json"
        );
        // A clone alone has no ../shared; the bundled copy is then all there is to check.
        let Ok(text) = std::fs::read_to_string(path) else {
            return;
        };
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        let p = Population::bundled();
        assert_eq!(v["reference_date"], "2024-12-31");
        for (code, n) in v["population"].as_object().unwrap() {
            assert_eq!(p.of(code).map(u64::from), n.as_u64(), "{code}");
        }
    }

    #[test]
    fn the_credit_names_source_date_and_licence_or_says_why_there_is_none() {
        use crate::i18n::Lang;
        let p = Population::bundled();
        assert_eq!(
            credit(Some(&p), Lang::Fi),
            "Väkiluku: Tilastokeskus / Statistics Finland, StatFin 11s5, 31.12.2024 (CC BY 4.0)"
        );
        assert!(credit(None, Lang::En).starts_with("No population figures"));
    }

    #[test]
    fn a_missing_figure_gives_no_rate_rather_than_a_wrong_one() {
        let mut p = Population::bundled();
        p.figures.remove("564");
        assert_eq!(p.of_all(["205", "564"]), None);
        assert_eq!(
            per_1000(10, p.of_all(["205"])),
            Some(10.0 * 1000.0 / 36433.0)
        );
        assert_eq!(per_1000(10, None), None);
        assert_eq!(per_1000(10, Some(0)), None);
    }
}
