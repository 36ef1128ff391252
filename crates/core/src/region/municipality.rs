//! The 38 municipalities of Kainuu and North Ostrobothnia: official codes, Finnish and Swedish
//! names, region and an approximate centre. These are public facts (Statistics Finland's
//! municipality classification); keeping them in one table means the feed normaliser, the map's
//! offline basemap and the filters all agree on them.

/// A regional council area (maakunta).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Region {
    /// Pohjois-Pohjanmaa / Norra Österbotten, region code 17.
    NorthOstrobothnia,
    /// Kainuu / Kajanaland, region code 18.
    Kainuu,
}

impl Region {
    pub fn code(self) -> &'static str {
        match self {
            Region::NorthOstrobothnia => "17",
            Region::Kainuu => "18",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Municipality {
    /// Official three-digit code, kept as text because the leading zero matters ("009").
    pub code: &'static str,
    pub name_fi: &'static str,
    /// Equal to the Finnish name where the municipality has no Swedish one.
    pub name_sv: &'static str,
    pub region: Region,
    /// Approximate centre (the main village or town centre), latitude first.
    pub lat: f64,
    pub lon: f64,
    /// Part of the Oulu2026 European Capital of Culture region.
    pub oulu2026: bool,
}

const fn m(
    code: &'static str,
    name_fi: &'static str,
    name_sv: &'static str,
    region: Region,
    lat: f64,
    lon: f64,
    oulu2026: bool,
) -> Municipality {
    Municipality {
        code,
        name_fi,
        name_sv,
        region,
        lat,
        lon,
        oulu2026,
    }
}

use Region::{Kainuu as K, NorthOstrobothnia as N};

/// Sorted by code.
pub static MUNICIPALITIES: [Municipality; 38] = [
    m("009", "Alavieska", "Alavieska", N, 64.166, 24.307, true),
    m("069", "Haapajärvi", "Haapajärvi", N, 63.749, 25.318, true),
    m("071", "Haapavesi", "Haapavesi", N, 64.138, 25.365, true),
    m("072", "Hailuoto", "Karlö", N, 65.010, 24.717, true),
    m("105", "Hyrynsalmi", "Hyrynsalmi", K, 64.676, 28.494, true),
    m("139", "Ii", "Ijo", N, 65.318, 25.373, true),
    m("205", "Kajaani", "Kajana", K, 64.227, 27.729, true),
    m("208", "Kalajoki", "Kalajoki", N, 64.260, 23.949, true),
    m("244", "Kempele", "Kempele", N, 64.913, 25.508, true),
    m("290", "Kuhmo", "Kuhmo", K, 64.126, 29.517, true),
    m("305", "Kuusamo", "Kuusamo", N, 65.964, 29.189, true),
    m("317", "Kärsämäki", "Kärsämäki", N, 63.978, 25.757, true),
    m("425", "Liminka", "Limingo", N, 64.810, 25.416, true),
    m("436", "Lumijoki", "Lumijoki", N, 64.837, 25.186, true),
    m("483", "Merijärvi", "Merijärvi", N, 64.297, 24.446, false),
    m("494", "Muhos", "Muhos", N, 64.808, 25.993, true),
    m("535", "Nivala", "Nivala", N, 63.929, 24.978, true),
    m("563", "Oulainen", "Oulainen", N, 64.267, 24.817, true),
    m("564", "Oulu", "Uleåborg", N, 65.012, 25.465, true),
    m("578", "Paltamo", "Paltamo", K, 64.407, 27.836, true),
    m("615", "Pudasjärvi", "Pudasjärvi", N, 65.360, 26.999, true),
    m("620", "Puolanka", "Puolanka", K, 64.868, 27.672, true),
    m("625", "Pyhäjoki", "Pyhäjoki", N, 64.463, 24.261, true),
    m("626", "Pyhäjärvi", "Pyhäjärvi", N, 63.675, 25.996, true),
    m("630", "Pyhäntä", "Pyhäntä", N, 64.099, 26.331, true),
    m("678", "Raahe", "Brahestad", N, 64.685, 24.479, true),
    m("691", "Reisjärvi", "Reisjärvi", N, 63.605, 24.936, false),
    m("697", "Ristijärvi", "Ristijärvi", K, 64.506, 28.214, true),
    m("746", "Sievi", "Sievi", N, 63.907, 24.515, true),
    m("748", "Siikajoki", "Siikajoki", N, 64.661, 25.096, true),
    m("765", "Sotkamo", "Sotkamo", K, 64.131, 28.390, true),
    m("777", "Suomussalmi", "Suomussalmi", K, 64.886, 28.910, true),
    m("785", "Vaala", "Vaala", N, 64.559, 26.837, true),
    m("791", "Siikalatva", "Siikalatva", N, 64.267, 25.867, true),
    m("832", "Taivalkoski", "Taivalkoski", N, 65.575, 28.244, true),
    m("859", "Tyrnävä", "Tyrnävä", N, 64.764, 25.653, true),
    m("889", "Utajärvi", "Utajärvi", N, 64.760, 26.418, true),
    m("977", "Ylivieska", "Ylivieska", N, 64.077, 24.544, true),
];

/// Looks a municipality up by its official code.
pub fn by_code(code: &str) -> Option<&'static Municipality> {
    MUNICIPALITIES.iter().find(|m| m.code == code)
}

static FOLDED_NAMES: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();

/// Looks a municipality up by a Finnish or Swedish name, ignoring case and diacritics, so that
/// feeds writing "OULU", "Uleåborg" or "Karsamaki" all resolve.
pub fn by_name(name: &str) -> Option<&'static Municipality> {
    let wanted = name.trim();
    if wanted.is_empty() {
        return None;
    }
    // Runs several times per feed event: fold the input once, compare with names folded once.
    let wanted = fold(wanted);
    let names = FOLDED_NAMES.get_or_init(|| {
        MUNICIPALITIES
            .iter()
            .map(|m| (fold(m.name_fi), fold(m.name_sv)))
            .collect()
    });
    names
        .iter()
        .position(|(fi, sv)| *fi == wanted || *sv == wanted)
        .map(|i| &MUNICIPALITIES[i])
}

/// The Finnish genitive of each name, sorted by code like `MUNICIPALITIES`: organisers are named
/// in it ("Kajaanin kaupunginkirjasto", "Limingan kunta"), and consonant gradation
/// (Liminka → Limingan, Hailuoto → Hailuodon) makes it impossible to derive by rule.
static GENITIVES: [&str; 38] = [
    "Alavieskan",
    "Haapajärven",
    "Haapaveden",
    "Hailuodon",
    "Hyrynsalmen",
    "Iin",
    "Kajaanin",
    "Kalajoen",
    "Kempeleen",
    "Kuhmon",
    "Kuusamon",
    "Kärsämäen",
    "Limingan",
    "Lumijoen",
    "Merijärven",
    "Muhoksen",
    "Nivalan",
    "Oulaisten",
    "Oulun",
    "Paltamon",
    "Pudasjärven",
    "Puolangan",
    "Pyhäjoen",
    "Pyhäjärven",
    "Pyhännän",
    "Raahen",
    "Reisjärven",
    "Ristijärven",
    "Sievin",
    "Siikajoen",
    "Sotkamon",
    "Suomussalmen",
    "Vaalan",
    "Siikalatvan",
    "Taivalkosken",
    "Tyrnävän",
    "Utajärven",
    "Ylivieskan",
];

static FOLDED_ORGANISER_WORDS: std::sync::OnceLock<Vec<[String; 4]>> = std::sync::OnceLock::new();

/// The municipality an organiser's name places it in: "Kajaanin kaupunginkirjasto" and "Kajana
/// stadsbibliotek" are Kajaani's, "Uleåborgs stad" is Oulu's. Words are compared whole, so
/// "Oulujoki" is nobody's. The first municipality named wins.
pub fn by_organiser(name: &str) -> Option<&'static Municipality> {
    let forms = FOLDED_ORGANISER_WORDS.get_or_init(|| {
        MUNICIPALITIES
            .iter()
            .zip(GENITIVES)
            .map(|(m, g)| {
                [
                    fold(m.name_fi),
                    fold(g),
                    fold(m.name_sv),
                    fold(m.name_sv) + "s",
                ]
            })
            .collect()
    });
    fold(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .find_map(|w| forms.iter().position(|f| f.iter().any(|x| x == w)))
        .map(|i| &MUNICIPALITIES[i])
}

/// The municipality whose centre is nearest to a point. Distances use an equirectangular
/// approximation, which is accurate enough at this scale and latitude.
pub fn nearest(lat: f64, lon: f64) -> &'static Municipality {
    let k = crate::math::cos(lat.to_radians());
    let d2 = |m: &Municipality| {
        let dx = (m.lon - lon) * k;
        let dy = m.lat - lat;
        dx * dx + dy * dy
    };
    MUNICIPALITIES
        .iter()
        .min_by(|a, b| d2(a).total_cmp(&d2(b)))
        .expect("the table is not empty")
}

/// Lowercases and strips the diacritics that occur in Finnish and Swedish place names.
pub fn fold(s: &str) -> String {
    folded(s).collect()
}

fn folded(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().flat_map(char::to_lowercase).map(|c| match c {
        'ä' | 'å' | 'á' | 'à' | 'â' => 'a',
        'ö' | 'ø' | 'ó' | 'ò' | 'ô' => 'o',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'ü' | 'ú' => 'u',
        'š' => 's',
        'ž' => 'z',
        other => other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_38_unique_codes_split_8_kainuu_30_north_ostrobothnia() {
        let mut codes: Vec<_> = MUNICIPALITIES.iter().map(|m| m.code).collect();
        codes.dedup();
        assert_eq!(codes.len(), 38);
        let kainuu = MUNICIPALITIES.iter().filter(|m| m.region == Region::Kainuu);
        assert_eq!(kainuu.count(), 8);
        let mut sorted = codes.clone();
        sorted.sort();
        assert_eq!(codes, sorted, "keep the table sorted by code");
    }

    #[test]
    fn only_merijarvi_and_reisjarvi_are_outside_oulu2026() {
        let outside: Vec<_> = MUNICIPALITIES
            .iter()
            .filter(|m| !m.oulu2026)
            .map(|m| m.name_fi)
            .collect();
        assert_eq!(outside, ["Merijärvi", "Reisjärvi"]);
    }

    #[test]
    fn names_resolve_in_both_languages_without_case_or_diacritics() {
        assert_eq!(by_name("Uleåborg").unwrap().code, "564");
        assert_eq!(by_name("KARSAMAKI").unwrap().code, "317");
        assert_eq!(by_name(" kajana ").unwrap().code, "205");
        assert_eq!(by_name("Helsinki"), None);
        assert_eq!(by_name(""), None);
    }

    #[test]
    fn organisers_are_placed_by_the_municipality_they_name_in_either_language() {
        let code = |s: &str| by_organiser(s).map(|m| m.code);
        assert_eq!(code("Kajaanin kaupunginkirjasto"), Some("205"));
        assert_eq!(code("Limingan kunta, kulttuuripalvelut"), Some("425"));
        assert_eq!(code("Hailuodon kunta"), Some("072"));
        assert_eq!(code("Uleåborgs stad"), Some("564"));
        assert_eq!(code("OULAISTEN KAUPUNKI"), Some("563"));
        assert_eq!(code("Oulujoen seurakunta"), None);
        assert_eq!(code("Pohjois-Pohjanmaan liitto"), None);
        assert_eq!(code(""), None);
    }

    #[test]
    fn genitives_are_in_the_tables_order() {
        for (m, g) in MUNICIPALITIES.iter().zip(GENITIVES) {
            let stem: String = m.name_fi.chars().take(3).collect();
            assert!(g.starts_with(&stem), "{} / {g}", m.name_fi);
        }
    }

    #[test]
    fn nearest_centre_picks_the_right_town() {
        assert_eq!(nearest(65.02, 25.47).name_fi, "Oulu");
        assert_eq!(nearest(64.22, 27.73).name_fi, "Kajaani");
        assert_eq!(nearest(65.96, 29.2).name_fi, "Kuusamo");
    }
}
