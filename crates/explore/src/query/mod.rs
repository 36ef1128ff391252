//! What the visitor asked to see: filters, time window, selected event and view, read from and
//! written to URL query parameters so that back/forward, shared links and embeds reproduce it.
//! Unknown or malformed values are dropped, never an error.

pub mod chips;
pub mod facts;
pub mod filter;
pub mod list_groups;
pub mod list_page;
pub mod window;

use chrono::NaiveDate;

use kulttuurikartta_core::feed::Category;
use kulttuurikartta_core::region::municipality::{self, Region};
use kulttuurikartta_geo::small_sort::sort_small_by;
pub use window::{Preset, Window};

/// Online or on-site events only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attendance {
    Online,
    OnSite,
}

impl Attendance {
    pub fn slug(self) -> &'static str {
        match self {
            Attendance::Online => "online",
            Attendance::OnSite => "onsite",
        }
    }
    fn parse(s: &str) -> Option<Attendance> {
        match s {
            "online" => Some(Attendance::Online),
            "onsite" => Some(Attendance::OnSite),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Query {
    /// Free text, as typed.
    pub text: String,
    /// Official municipality codes, sorted, no duplicates; empty means all.
    pub municipalities: Vec<&'static str>,
    /// Any of these; empty means all.
    pub categories: Vec<Category>,
    pub free_only: bool,
    pub families: bool,
    pub attendance: Option<Attendance>,
    pub hide_cancelled: bool,
    pub window: Option<Window>,
    /// The selected event's id.
    pub event: Option<String>,
}

/// Municipality shortcuts accepted in `municipality=` besides codes.
pub fn region_codes(name: &str) -> Option<Vec<&'static str>> {
    let pick = |f: &dyn Fn(&municipality::Municipality) -> bool| {
        municipality::MUNICIPALITIES
            .iter()
            .filter(|m| f(m))
            .map(|m| m.code)
            .collect()
    };
    match name {
        "kainuu" => Some(pick(&|m| m.region == Region::Kainuu)),
        "pohjois-pohjanmaa" => Some(pick(&|m| m.region == Region::NorthOstrobothnia)),
        "oulu2026" => Some(pick(&|m| m.oulu2026)),
        _ => None,
    }
}

impl Query {
    /// Reads URL query pairs. Repeated and comma-separated values both work
    /// (`municipality=564,205` or `municipality=564&municipality=205`); municipality names and
    /// region shortcuts are accepted as well as codes.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        today: NaiveDate,
    ) -> Query {
        let mut q = Query::default();
        let (mut from, mut to) = (None, None);
        for (k, v) in pairs {
            let values = || v.split(',').map(str::trim).filter(|s| !s.is_empty());
            match k {
                "q" => q.text = v.trim().chars().take(200).collect(),
                "municipality" => {
                    for s in values() {
                        if let Some(codes) = region_codes(&s.to_ascii_lowercase()) {
                            q.municipalities.extend(codes);
                        } else if let Some(m) =
                            municipality::by_code(s).or_else(|| municipality::by_name(s))
                        {
                            q.municipalities.push(m.code);
                        }
                    }
                }
                "category" => q.categories.extend(
                    values().filter_map(|s| Category::ALL.into_iter().find(|c| c.slug() == s)),
                ),
                "free" => q.free_only = flag(v),
                "family" => q.families = flag(v),
                "attendance" => q.attendance = Attendance::parse(v.trim()),
                "cancelled" => q.hide_cancelled = v.trim() == "hide",
                "from" => from = Some(v),
                "to" => to = Some(v),
                "event" => {
                    q.event = Some(v.trim().to_owned()).filter(|s| !s.is_empty() && s.len() < 300)
                }
                _ => {}
            }
        }
        sort_small_by(&mut q.municipalities, |a, b| a < b);
        q.municipalities.dedup();
        Category::sort_set(&mut q.categories);
        q.window = Window::from_params(from, to, today);
        q
    }

    /// The parameters this query needs, in a fixed order (so equal queries give equal URLs).
    /// Defaults are left out.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        let text = self.text.trim();
        if !text.is_empty() {
            out.push(("q", text.to_owned()));
        }
        if !self.municipalities.is_empty() {
            out.push(("municipality", self.municipalities.join(",")));
        }
        if !self.categories.is_empty() {
            let slugs: Vec<_> = self.categories.iter().map(|c| c.slug()).collect();
            out.push(("category", slugs.join(",")));
        }
        if self.free_only {
            out.push(("free", "1".into()));
        }
        if self.families {
            out.push(("family", "1".into()));
        }
        if let Some(a) = self.attendance {
            out.push(("attendance", a.slug().into()));
        }
        if self.hide_cancelled {
            out.push(("cancelled", "hide".into()));
        }
        if let Some(w) = self.window {
            let (f, t) = w.to_params();
            out.push(("from", f));
            out.push(("to", t));
        }
        if let Some(e) = &self.event {
            out.push(("event", e.clone()));
        }
        out
    }

    /// Whether any filter narrows the results (the window and selection do not count).
    pub fn has_filters(&self) -> bool {
        !self.text.trim().is_empty()
            || !self.municipalities.is_empty()
            || !self.categories.is_empty()
            || self.free_only
            || self.families
            || self.attendance.is_some()
            || self.hide_cancelled
    }

    /// The same query without filters (keeps window and selection).
    pub fn without_filters(&self) -> Query {
        Query {
            window: self.window,
            event: self.event.clone(),
            ..Query::default()
        }
    }
}

fn flag(v: &str) -> bool {
    matches!(v.trim(), "1" | "true" | "yes")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
    }

    fn parse(s: &str) -> Query {
        let pairs: Vec<(&str, &str)> = s.split('&').filter_map(|p| p.split_once('=')).collect();
        Query::from_pairs(pairs, today())
    }

    #[test]
    fn every_parameter_round_trips() {
        let q = parse(
            "q=joulu&municipality=564,205&category=music,theatre&free=1&family=1\
             &attendance=onsite&cancelled=hide&from=2026-12-01&to=2026-12-07&event=x:1",
        );
        assert_eq!(q.text, "joulu");
        assert_eq!(q.municipalities, ["205", "564"]);
        assert_eq!(q.categories, [Category::Music, Category::Theatre]);
        assert!(q.free_only && q.families && q.hide_cancelled);
        assert_eq!(q.attendance, Some(Attendance::OnSite));
        assert!(q.window.is_some());
        assert_eq!(q.event.as_deref(), Some("x:1"));
        let pairs = q.to_pairs();
        let again = Query::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())), today());
        assert_eq!(again, q);
    }

    #[test]
    fn names_regions_and_repeats_are_accepted_and_junk_is_dropped() {
        let q = parse(
            "municipality=Kajaani&municipality=Uleåborg&municipality=999&category=opera&free=maybe",
        );
        assert_eq!(q.municipalities, ["205", "564"]);
        assert!(q.categories.is_empty());
        assert!(!q.free_only);
        assert_eq!(parse("municipality=kainuu").municipalities.len(), 8);
        assert_eq!(parse("municipality=oulu2026").municipalities.len(), 36);
        assert_eq!(parse("from=garbage&attendance=mars"), Query::default());
    }

    #[test]
    fn defaults_write_no_parameters() {
        assert!(Query::default().to_pairs().is_empty());
        assert!(!Query::default().has_filters());
        assert!(parse("free=1").has_filters());
        assert!(!parse("from=2026-12-01&to=2026-12-02").has_filters());
    }
}
