//! The statistics as tables: one model that the page draws as HTML and exports as CSV, so the
//! two cannot disagree. Numbers are formatted here, per language, once.

use super::population::{per_1000, Population};
use super::{periods::Granularity, Stats, Tally, KAINUU, NORTH_OSTROBOTHNIA, ONLINE, OUTSIDE};
use crate::i18n::{month_name, Key, Lang, Translate};
use kulttuurikartta_core::feed::Category;
use kulttuurikartta_core::region::municipality::{Region, MUNICIPALITIES};

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(u32),
    /// A rate with one decimal; None where there is nothing to divide by.
    Decimal(Option<f64>),
    /// A share 0..=1, shown as a whole percentage; None without events.
    Percent(Option<f64>),
}

impl Cell {
    /// As the table shows it, and as the CSV writes it: "12,3" in Finnish and Swedish, "12.3"
    /// in English; "–" where there is no number.
    pub fn show(&self, lang: Lang) -> String {
        let decimal = |x: f64, places: usize| {
            let s = format!("{x:.places$}");
            if lang == Lang::En {
                s
            } else {
                s.replace('.', ",")
            }
        };
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Decimal(Some(x)) => decimal(*x, 1),
            Cell::Percent(Some(x)) => decimal(x * 100.0, 0),
            Cell::Decimal(None) | Cell::Percent(None) => "–".into(),
        }
    }

    fn number(&self) -> Option<f64> {
        match self {
            Cell::Int(n) => Some(f64::from(*n)),
            Cell::Decimal(x) | Cell::Percent(x) => *x,
            Cell::Text(_) => None,
        }
    }
}

/// What a row stands for, for the page's hooks and links.
#[derive(Debug, Clone, PartialEq)]
pub enum RowKey {
    Municipality(&'static str),
    Online,
    Outside,
    Subtotal,
    Period(String),
    Category(&'static str),
    Uncategorised,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub key: RowKey,
    pub cells: Vec<Cell>,
    /// Subtotals and totals: shown apart, never sorted among the rest.
    pub total: bool,
    /// Raw figures for the page's hooks (`data-count`, `data-per-1000`, `data-free`).
    pub count: u32,
    pub per_1000: Option<f64>,
    pub free: Option<u32>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<&'static str>,
    pub rows: Vec<Row>,
}

/// Which column a per-municipality figure is in, for the hooks.
pub const COL_EVENTS: usize = 1;

fn share(part: u32, whole: u32) -> Cell {
    Cell::Percent((whole > 0).then(|| f64::from(part) / f64::from(whole)))
}

/// Events per municipality, online and outside, then the subtotals. The per-1 000 column is
/// there only with population figures. With `only` (the municipality filter), only those
/// municipalities have rows, and the subtotals count only them.
pub fn municipalities(
    stats: &Stats,
    population: Option<&Population>,
    only: &[&str],
    lang: Lang,
) -> Table {
    let chosen =
        |m: &kulttuurikartta_core::region::Municipality| only.is_empty() || only.contains(&m.code);
    let mut columns = vec![lang.t(Key::Municipality), lang.t(Key::ColEvents)];
    if population.is_some() {
        columns.push(lang.t(Key::ColPer1000));
    }
    columns.extend([
        lang.t(Key::ColDays),
        lang.t(Key::ColFree),
        lang.t(Key::ColFamilies),
        lang.t(Key::ColOnline),
        lang.t(Key::ColCancelled),
    ]);
    let row = |key: RowKey, name: String, t: &Tally, residents: Option<u64>, total: bool| {
        let mut cells = vec![Cell::Text(name), Cell::Int(t.events)];
        if population.is_some() {
            cells.push(Cell::Decimal(per_1000(t.events, residents)));
        }
        cells.extend([
            Cell::Int(t.days),
            share(t.free, t.events),
            share(t.families, t.events),
            share(t.online, t.events),
            Cell::Int(t.cancelled),
        ]);
        Row {
            key,
            cells,
            total,
            count: t.events,
            per_1000: per_1000(t.events, residents),
            free: Some(t.free),
        }
    };
    let residents = |pick: &dyn Fn(&kulttuurikartta_core::region::Municipality) -> bool| {
        population.and_then(|p| p.of_all(MUNICIPALITIES.iter().filter(|m| pick(m)).map(|m| m.code)))
    };
    let mut rows: Vec<Row> = MUNICIPALITIES
        .iter()
        .zip(&stats.municipalities)
        .filter(|(m, _)| chosen(m))
        .map(|(m, t)| {
            let name = if lang == Lang::Sv {
                m.name_sv
            } else {
                m.name_fi
            };
            let r = population.and_then(|p| p.of(m.code)).map(u64::from);
            row(RowKey::Municipality(m.code), name.into(), t, r, false)
        })
        .collect();
    rows.push(row(
        RowKey::Online,
        lang.t(Key::Online).into(),
        &stats.online,
        None,
        false,
    ));
    rows.push(row(
        RowKey::Outside,
        lang.t(Key::RowOutside).into(),
        &stats.outside,
        None,
        false,
    ));
    type Pick = fn(&kulttuurikartta_core::region::Municipality) -> bool;
    let groups: [(Key, Pick); 5] = [
        (Key::RegionKainuu, |m| m.region == Region::Kainuu),
        (Key::RegionNorthOstrobothnia, |m| {
            m.region == Region::NorthOstrobothnia
        }),
        (Key::RowOulu2026, |m| m.oulu2026),
        (Key::RowNotOulu2026, |m| !m.oulu2026),
        (Key::RowRegion, |_| true),
    ];
    for (key, pick) in groups {
        let key = if key == Key::RowRegion && !only.is_empty() {
            Key::RowSelected
        } else {
            key
        };
        let pick = |m: &kulttuurikartta_core::region::Municipality| pick(m) && chosen(m);
        if !MUNICIPALITIES.iter().any(pick) {
            continue;
        }
        rows.push(row(
            RowKey::Subtotal,
            lang.t(key).into(),
            &stats.subtotal(pick),
            residents(&pick),
            true,
        ));
    }
    rows.push(row(
        RowKey::Subtotal,
        lang.t(Key::RowAll).into(),
        &stats.total(),
        None,
        true,
    ));
    Table { columns, rows }
}

/// Events by month (or week) and where they are counted, with the days events run.
pub fn periods(stats: &Stats, lang: Lang) -> Table {
    let weekly = stats
        .periods
        .first()
        .is_some_and(|p| p.period.granularity == Granularity::Week);
    let columns = vec![
        lang.t(if weekly { Key::ColWeek } else { Key::ColMonth }),
        lang.t(Key::RegionNorthOstrobothnia),
        lang.t(Key::RegionKainuu),
        lang.t(Key::Online),
        lang.t(Key::ColElsewhere),
        lang.t(Key::ColTotal),
        lang.t(Key::ColDays),
        lang.t(Key::ColCancelled),
    ];
    let mut rows: Vec<Row> = stats
        .periods
        .iter()
        .map(|p| {
            let label = period_label(&p.period, lang);
            let e = p.events;
            Row {
                key: RowKey::Period(p.period.key()),
                cells: vec![
                    Cell::Text(label),
                    Cell::Int(e[NORTH_OSTROBOTHNIA]),
                    Cell::Int(e[KAINUU]),
                    Cell::Int(e[ONLINE]),
                    Cell::Int(e[OUTSIDE]),
                    Cell::Int(p.total()),
                    Cell::Int(p.days),
                    Cell::Int(p.cancelled),
                ],
                total: false,
                count: p.total(),
                per_1000: None,
                free: None,
            }
        })
        .collect();
    let sum = |f: &dyn Fn(&super::PeriodRow) -> u32| Cell::Int(stats.periods.iter().map(f).sum());
    rows.push(Row {
        key: RowKey::Subtotal,
        cells: vec![
            Cell::Text(lang.t(Key::ColTotal).into()),
            sum(&|p| p.events[NORTH_OSTROBOTHNIA]),
            sum(&|p| p.events[KAINUU]),
            sum(&|p| p.events[ONLINE]),
            sum(&|p| p.events[OUTSIDE]),
            sum(&|p| p.total()),
            sum(&|p| p.days),
            sum(&|p| p.cancelled),
        ],
        total: true,
        count: stats.periods.iter().map(|p| p.total()).sum(),
        per_1000: None,
        free: None,
    });
    Table { columns, rows }
}

/// "tammikuu 2027", or "vk 3/2027" with its dates for a week.
pub fn period_label(p: &super::periods::Period, lang: Lang) -> String {
    use chrono::Datelike;
    match p.granularity {
        Granularity::Month => format!("{} {}", month_name(lang, p.first.month()), p.first.year()),
        Granularity::Week => {
            let w = p.first.iso_week();
            let word = match lang {
                Lang::Fi => "vk",
                Lang::Sv => "v.",
                Lang::En => "week",
            };
            format!(
                "{word} {} ({}–{})",
                w.week(),
                crate::i18n::format_day_month(lang, p.first),
                crate::i18n::format_day_month(lang, p.last)
            )
        }
    }
}

/// Events per category and their share of all events counted.
pub fn categories(stats: &Stats, lang: Lang) -> Table {
    let all = stats.total().events;
    let mut rows: Vec<Row> = Category::ALL
        .iter()
        .zip(&stats.categories)
        .map(|(c, n)| Row {
            key: RowKey::Category(c.slug()),
            cells: vec![
                Cell::Text(c.label(lang).into()),
                Cell::Int(*n),
                share(*n, all),
            ],
            total: false,
            count: *n,
            per_1000: None,
            free: None,
        })
        .collect();
    rows.push(Row {
        key: RowKey::Uncategorised,
        cells: vec![
            Cell::Text(lang.t(Key::RowUncategorised).into()),
            Cell::Int(stats.uncategorised),
            share(stats.uncategorised, all),
        ],
        total: false,
        count: stats.uncategorised,
        per_1000: None,
        free: None,
    });
    Table {
        columns: vec![
            lang.t(Key::Categories),
            lang.t(Key::ColEvents),
            lang.t(Key::ColShare),
        ],
        rows,
    }
}

impl Table {
    /// Sorts the rows that are not totals by `column`, keeping totals where they are; rows
    /// without a number go last either way, and equal numbers keep their order.
    pub fn sort_by(&mut self, column: usize, descending: bool) {
        let split = self
            .rows
            .iter()
            .position(|r| r.total)
            .unwrap_or(self.rows.len());
        self.rows[..split].sort_by(|a, b| {
            let (x, y) = (&a.cells[column], &b.cells[column]);
            match (x.number(), y.number()) {
                (Some(p), Some(q)) if descending => q.total_cmp(&p),
                (Some(p), Some(q)) => p.total_cmp(&q),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => {
                    let o = x
                        .show(Lang::Fi)
                        .to_lowercase()
                        .cmp(&y.show(Lang::Fi).to_lowercase());
                    if descending {
                        o.reverse()
                    } else {
                        o
                    }
                }
            }
        });
    }

    /// The table as a CSV file for a spreadsheet: UTF-8 with a byte order mark (without it,
    /// Excel reads the file as a legacy code page and mangles ä and ö); semicolons between
    /// cells in Finnish and Swedish, where Excel's list separator is ";" because "," is the
    /// decimal mark, and commas in English. Lines end CRLF, as RFC 4180 has it.
    pub fn to_csv(&self, lang: Lang) -> String {
        let sep = if lang == Lang::En { ',' } else { ';' };
        let field = |s: &str| {
            if s.contains([sep, '"', '\n', '\r']) {
                format!("\"{}\"", s.replace('"', "\"\""))
            } else {
                s.to_owned()
            }
        };
        let mut out = String::from("\u{feff}");
        let line = |cells: Vec<String>| cells.join(&sep.to_string()) + "\r\n";
        out += &line(self.columns.iter().map(|c| field(c)).collect());
        for r in &self.rows {
            out += &line(r.cells.iter().map(|c| field(&c.show(lang))).collect());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stats_with(counts: &[(&str, u32, u32)]) -> Stats {
        let mut s = Stats {
            municipalities: vec![Tally::default(); MUNICIPALITIES.len()],
            online: Tally::default(),
            outside: Tally::default(),
            periods: Vec::new(),
            categories: vec![0; Category::ALL.len()],
            uncategorised: 0,
            undated: Vec::new(),
        };
        for (code, events, free) in counts {
            let i = MUNICIPALITIES.iter().position(|m| m.code == *code).unwrap();
            s.municipalities[i] = Tally {
                events: *events,
                free: *free,
                ..Tally::default()
            };
        }
        s
    }

    #[test]
    fn rows_carry_rates_and_shares_and_the_subtotals_add_up() {
        let s = stats_with(&[("205", 36, 9), ("564", 432, 0), ("483", 2, 2)]);
        let p = Population::bundled();
        let t = municipalities(&s, Some(&p), &[], Lang::Fi);
        assert_eq!(t.columns[2], "Tapahtumia / 1 000 asukasta");
        let kajaani = t
            .rows
            .iter()
            .find(|r| r.key == RowKey::Municipality("205"))
            .unwrap();
        assert_eq!(kajaani.cells[0], Cell::Text("Kajaani".into()));
        assert_eq!(kajaani.cells[2].show(Lang::Fi), "1,0"); // 36 / 36 433 residents
        assert_eq!(kajaani.cells[4].show(Lang::Fi), "25"); // 9 of 36 free
        let merijarvi = t
            .rows
            .iter()
            .find(|r| r.key == RowKey::Municipality("483"))
            .unwrap();
        assert_eq!(merijarvi.cells[2].show(Lang::En), "1.9");
        let sub = |name: &str| {
            t.rows
                .iter()
                .find(|r| r.cells[0] == Cell::Text(name.into()))
                .unwrap()
                .cells[1]
                .clone()
        };
        assert_eq!(sub("Kainuu"), Cell::Int(36));
        assert_eq!(sub("Pohjois-Pohjanmaa"), Cell::Int(434));
        assert_eq!(sub("Oulu2026-kunnat"), Cell::Int(468));
        assert_eq!(sub("Muut kunnat"), Cell::Int(2));
        assert_eq!(sub("Kaikki yhteensä"), Cell::Int(470));
        // A municipality without events has no share, not 0 %.
        let ii = t
            .rows
            .iter()
            .find(|r| r.key == RowKey::Municipality("139"))
            .unwrap();
        assert_eq!(ii.cells[4].show(Lang::Fi), "–");
    }

    #[test]
    fn a_municipality_filter_keeps_its_rows_and_the_subtotals_that_meet_it() {
        let s = stats_with(&[("205", 36, 9), ("290", 4, 0)]);
        let p = Population::bundled();
        let t = municipalities(&s, Some(&p), &["205", "290"], Lang::Fi);
        let names: Vec<String> = t.rows.iter().map(|r| r.cells[0].show(Lang::Fi)).collect();
        assert_eq!(
            names,
            [
                "Kajaani",
                "Kuhmo",
                "Verkossa",
                "Alueen ulkopuolella tai paikka tuntematon",
                "Kainuu",
                "Oulu2026-kunnat",
                "Valitut kunnat",
                "Kaikki yhteensä"
            ]
        );
        // The selection's rate is over the selection's residents.
        let selected = &t.rows[6];
        assert_eq!(
            selected.per_1000,
            Some(40.0 * 1000.0 / f64::from(36_433 + 7_483))
        );
    }

    #[test]
    fn without_population_the_per_capita_column_is_not_there_at_all() {
        let s = stats_with(&[("205", 3, 0)]);
        let t = municipalities(&s, None, &[], Lang::En);
        assert!(!t.columns.contains(&"Events per 1,000 residents"));
        assert!(t.rows.iter().all(|r| r.cells.len() == t.columns.len()));
    }

    #[test]
    fn sorting_moves_only_the_municipalities_and_keeps_totals_last() {
        let s = stats_with(&[("205", 36, 0), ("564", 432, 0), ("290", 36, 0)]);
        let mut t = municipalities(&s, None, &[], Lang::Fi);
        let n = t.rows.len();
        t.sort_by(COL_EVENTS, true);
        let keys: Vec<_> = t.rows[..3].iter().map(|r| r.key.clone()).collect();
        // Equal counts keep the table's order (by code): Kajaani 205 before Kuhmo 290.
        assert_eq!(
            keys,
            [
                RowKey::Municipality("564"),
                RowKey::Municipality("205"),
                RowKey::Municipality("290")
            ]
        );
        assert!(t.rows[n - 6..].iter().all(|r| r.total));
        t.sort_by(0, false);
        assert_eq!(t.rows[0].cells[0], Cell::Text("Alavieska".into()));
        t.sort_by(0, true);
        assert_eq!(t.rows[0].cells[0], Cell::Text("Ylivieska".into()));
    }

    #[test]
    fn csv_has_a_bom_semicolons_and_decimal_commas_in_finnish_and_quotes_what_needs_it() {
        let s = stats_with(&[("205", 36, 9)]);
        let p = Population::bundled();
        let fi = municipalities(&s, Some(&p), &[], Lang::Fi).to_csv(Lang::Fi);
        assert!(fi.starts_with('\u{feff}'));
        let lines: Vec<&str> = fi.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[0], "Kunta;Tapahtumia;Tapahtumia / 1 000 asukasta;Tapahtumapäiviä;Maksuttomia %;Lapsille ja perheille %;Verkossa %;Peruttuja");
        assert!(lines.contains(&"Kajaani;36;1,0;0;25;0;0;0"), "{fi}");
        // A comma needs no quotes between semicolons; in English it does.
        assert!(lines
            .iter()
            .any(|l| l.starts_with("Koko alue, 38 kuntaa;36;")));
        let en = municipalities(&s, Some(&p), &[], Lang::En).to_csv(Lang::En);
        assert!(en.contains("\r\nKajaani,36,1.0,0,25,0,0,0\r\n"));
        assert!(en.contains("\r\n\"Whole region, 38 municipalities\",36,"));
    }

    #[test]
    fn category_shares_are_of_all_events_counted() {
        let mut s = stats_with(&[("205", 4, 0)]);
        s.categories[0] = 3;
        s.uncategorised = 1;
        let t = categories(&s, Lang::En);
        assert_eq!(
            t.rows[0].cells[1..],
            [Cell::Int(3), Cell::Percent(Some(0.75))]
        );
        assert_eq!(t.rows.last().unwrap().cells[2].show(Lang::En), "25");
    }
}
