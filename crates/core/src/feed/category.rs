//! The small, translated set of categories the app filters by, and how feed keywords map to it.

use crate::lang::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    Music,
    Theatre,
    Dance,
    Film,
    Exhibitions,
    Literature,
    Museums,
    Festivals,
    ChildrenFamilies,
    Other,
}

/// This app's own keyword ids for categories: `kulttuurikartta:category:festivals`.
pub const KEYWORD_PREFIX: &str = "kulttuurikartta:category:";

impl Category {
    pub const ALL: [Category; 10] = [
        Category::Music,
        Category::Theatre,
        Category::Dance,
        Category::Film,
        Category::Exhibitions,
        Category::Literature,
        Category::Museums,
        Category::Festivals,
        Category::ChildrenFamilies,
        Category::Other,
    ];

    /// Stable identifier for URLs and data attributes.
    pub fn slug(self) -> &'static str {
        match self {
            Category::Music => "music",
            Category::Theatre => "theatre",
            Category::Dance => "dance",
            Category::Film => "film",
            Category::Exhibitions => "exhibitions",
            Category::Literature => "literature",
            Category::Museums => "museums",
            Category::Festivals => "festivals",
            Category::ChildrenFamilies => "children",
            Category::Other => "other",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        let (fi, sv, en) = match self {
            Category::Music => ("Musiikki", "Musik", "Music"),
            Category::Theatre => ("Teatteri", "Teater", "Theatre"),
            Category::Dance => ("Tanssi", "Dans", "Dance"),
            Category::Film => ("Elokuvat", "Film", "Film"),
            Category::Exhibitions => (
                "Näyttelyt ja kuvataide",
                "Utställningar och bildkonst",
                "Exhibitions and visual art",
            ),
            Category::Literature => ("Kirjallisuus", "Litteratur", "Literature"),
            Category::Museums => (
                "Museot ja kulttuuriperintö",
                "Museer och kulturarv",
                "Museums and heritage",
            ),
            Category::Festivals => ("Festivaalit", "Festivaler", "Festivals"),
            Category::ChildrenFamilies => (
                "Lapset ja perheet",
                "Barn och familjer",
                "Children and families",
            ),
            Category::Other => ("Muu kulttuuri", "Övrig kultur", "Other culture"),
        };
        match lang {
            Lang::Fi => fi,
            Lang::Sv => sv,
            Lang::En => en,
        }
    }

    /// A sorted, deduplicated set; `Other` when nothing matched, so every event has a category.
    pub fn from_keywords(found: impl Iterator<Item = Category>) -> Vec<Category> {
        let mut cats: Vec<Category> = found.collect();
        Category::sort_set(&mut cats);
        if cats.is_empty() {
            cats.push(Category::Other);
        }
        cats
    }

    /// Sorts `cats` and drops repeats. Picked from `ALL`, which is in the order `Ord` derives:
    /// a sort would link a sort routine for categories into the app.
    pub fn sort_set(cats: &mut Vec<Category>) {
        let found = std::mem::take(cats);
        cats.extend(Category::ALL.into_iter().filter(|c| found.contains(c)));
    }

    /// The category of a schema.org event type ("MusicEvent", or a URL ending in it).
    pub fn from_schema_type(t: &str) -> Option<Category> {
        let t = t.rsplit(['/', ':']).next().unwrap_or(t);
        Some(match t {
            "MusicEvent" => Category::Music,
            "TheaterEvent" | "ComedyEvent" => Category::Theatre,
            "DanceEvent" => Category::Dance,
            "ScreeningEvent" => Category::Film,
            "ExhibitionEvent" | "VisualArtsEvent" => Category::Exhibitions,
            "LiteraryEvent" => Category::Literature,
            "Festival" => Category::Festivals,
            "ChildrensEvent" => Category::ChildrenFamilies,
            _ => return None,
        })
    }

    /// The category a keyword id names: a YSO concept, or this app's own
    /// `kulttuurikartta:category:<slug>` (what the harvester writes for a category that no YSO
    /// keyword of the event gives, e.g. a schema.org `Festival`).
    pub fn from_keyword(id: &str) -> Option<Category> {
        Category::from_yso(id).or_else(|| {
            let slug = id.strip_prefix(KEYWORD_PREFIX)?;
            Category::ALL.into_iter().find(|c| c.slug() == slug)
        })
    }

    /// The category of a YSO ontology keyword id ("yso:p1808" or a URL ending in it).
    /// `yso:p360` (cultural events) is deliberately not mapped: every event here is one.
    pub fn from_yso(id: &str) -> Option<Category> {
        let id = id.trim_end_matches('/');
        let tail = id.rsplit(['/', ':']).next().unwrap_or(id);
        Some(match tail {
            "p1808" => Category::Music,
            "p2625" => Category::Theatre,
            "p1278" => Category::Dance,
            "p1235" => Category::Film,
            "p5121" => Category::Exhibitions,
            "p8113" => Category::Literature,
            "p4934" | "p8144" => Category::Museums,
            "p4354" | "p13050" => Category::ChildrenFamilies,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yso_ids_map_in_short_and_url_forms() {
        assert_eq!(Category::from_yso("yso:p1808"), Some(Category::Music));
        assert_eq!(
            Category::from_yso("https://api.hel.fi/linkedevents/v1/keyword/yso:p2625/"),
            Some(Category::Theatre)
        );
        assert_eq!(Category::from_yso("yso:p8144"), Some(Category::Museums));
        assert_eq!(
            Category::from_yso("yso:p13050"),
            Some(Category::ChildrenFamilies)
        );
        assert_eq!(Category::from_yso("yso:p360"), None);
        assert_eq!(Category::from_yso("yso:p99999"), None);
    }

    #[test]
    fn own_category_keywords_are_read_and_other_prefixes_are_not() {
        assert_eq!(
            Category::from_keyword("kulttuurikartta:category:festivals"),
            Some(Category::Festivals)
        );
        assert_eq!(Category::from_keyword("yso:p1808"), Some(Category::Music));
        assert_eq!(
            Category::from_keyword("kulttuurikartta:category:nonsense"),
            None
        );
        assert_eq!(Category::from_keyword("festivals"), None);
    }

    #[test]
    fn sort_set_sorts_and_drops_repeats_as_a_sort_would() {
        // sort_set picks from ALL: that must be the order Ord derives.
        assert!(Category::ALL.windows(2).all(|w| w[0] < w[1]));
        let mut cats = vec![
            Category::Other,
            Category::Music,
            Category::Film,
            Category::Music,
        ];
        Category::sort_set(&mut cats);
        assert_eq!(cats, [Category::Music, Category::Film, Category::Other]);
    }

    #[test]
    fn slugs_are_unique() {
        let mut s: Vec<_> = Category::ALL.iter().map(|c| c.slug()).collect();
        s.sort();
        s.dedup();
        assert_eq!(s.len(), Category::ALL.len());
    }
}
