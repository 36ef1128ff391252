//! The map's shading classes for events per 1 000 residents: no events, then up to four classes
//! with about as many municipalities in each (quantiles), so that the shades tell municipalities
//! apart whatever the spread. Each class also has its own pattern on the map, so that colour is
//! never the only cue.

use super::table::Cell;
use crate::i18n::{Key, Lang, Translate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shade {
    /// No population figure: no rate to shade by.
    NoData,
    /// No events at all.
    Zero,
    /// 1 (lowest) ..= 4.
    Level(u8),
}

impl Shade {
    /// A CSS class and pattern name.
    pub fn slug(self) -> String {
        match self {
            Shade::NoData => "shade-nodata".into(),
            Shade::Zero => "shade-0".into(),
            Shade::Level(n) => format!("shade-{n}"),
        }
    }
}

/// The upper bound of each level, ascending.
#[derive(Debug, Clone, PartialEq)]
pub struct Shades(Vec<f64>);

impl Shades {
    pub fn from_rates(rates: &[Option<f64>]) -> Shades {
        let mut positive: Vec<f64> = rates
            .iter()
            .flatten()
            .copied()
            .filter(|x| *x > 0.0)
            .collect();
        positive.sort_by(f64::total_cmp);
        let mut bounds: Vec<f64> = Vec::new();
        if let Some(last) = positive.last() {
            for q in 1..4 {
                bounds.push(positive[(positive.len() * q / 4).saturating_sub(1)]);
            }
            bounds.push(*last);
        }
        bounds.dedup_by(|a, b| a == b);
        Shades(bounds)
    }

    pub fn of(&self, rate: Option<f64>) -> Shade {
        match rate {
            None => Shade::NoData,
            Some(x) if x <= 0.0 => Shade::Zero,
            Some(x) => {
                let i = self
                    .0
                    .iter()
                    .position(|b| x <= *b)
                    .unwrap_or(self.0.len() - 1);
                Shade::Level(i as u8 + 1)
            }
        }
    }

    /// Each class with its range in words ("0,8–1,9"), lowest first.
    pub fn legend(&self, lang: Lang, with_no_data: bool) -> Vec<(Shade, String)> {
        let num = |x: f64| Cell::Decimal(Some(x)).show(lang);
        let mut out = vec![(Shade::Zero, lang.t(Key::StatsLegendNone).to_owned())];
        let mut low = 0.0;
        for (i, b) in self.0.iter().enumerate() {
            let label = if i == 0 {
                format!("≤ {}", num(*b))
            } else {
                format!("{}–{}", num(low), num(*b))
            };
            out.push((Shade::Level(i as u8 + 1), label));
            low = *b;
        }
        if with_no_data {
            out.push((Shade::NoData, lang.t(Key::StatsLegendNoData).to_owned()));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_classes_of_about_equal_size_and_zero_and_missing_apart() {
        let rates: Vec<Option<f64>> = (1..=8)
            .map(|i| Some(f64::from(i)))
            .chain([Some(0.0), None])
            .collect();
        let s = Shades::from_rates(&rates);
        let classes: Vec<Shade> = rates.iter().map(|r| s.of(*r)).collect();
        use Shade::*;
        assert_eq!(
            classes,
            [
                Level(1),
                Level(1),
                Level(2),
                Level(2),
                Level(3),
                Level(3),
                Level(4),
                Level(4),
                Zero,
                NoData
            ]
        );
        let legend = s.legend(Lang::Fi, true);
        let labels: Vec<&str> = legend.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(
            labels,
            [
                "ei tapahtumia",
                "≤ 2,0",
                "2,0–4,0",
                "4,0–6,0",
                "6,0–8,0",
                "ei väkilukua"
            ]
        );
    }

    #[test]
    fn few_distinct_rates_give_fewer_classes_and_none_gives_only_zero() {
        let s = Shades::from_rates(&[Some(2.0), Some(2.0), Some(2.0)]);
        assert_eq!(s.of(Some(2.0)), Shade::Level(1));
        assert_eq!(s.legend(Lang::En, false).len(), 2);
        let empty = Shades::from_rates(&[Some(0.0), None]);
        assert_eq!(empty.of(Some(0.0)), Shade::Zero);
        assert_eq!(empty.legend(Lang::En, false).len(), 1);
    }
}
