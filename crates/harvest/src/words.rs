//! Free text as calendars and spreadsheets write it: category words, and descriptions that may
//! be HTML or plain text. Shared by the iCalendar and CSV readers.

use kulttuurikartta_core::feed::category::Category;

/// Categories as calendars write them, in Finnish, Swedish or English.
pub fn category_of(word: &str) -> Option<Category> {
    let has = |stems: &[&str]| stems.iter().any(|s| word.contains(s));
    Some(
        if has(&["musiikki", "konsert", "musik", "music", "concert"]) {
            Category::Music
        } else if has(&["teatteri", "teater", "theatre", "theater"]) {
            Category::Theatre
        } else if has(&["tanssi", "dans", "dance"]) {
            Category::Dance
        } else if has(&["elokuva", "film", "movie", "cinema"]) {
            Category::Film
        } else if has(&["näyttely", "utställning", "exhibition"]) {
            Category::Exhibitions
        } else if has(&["kirjallisuus", "litteratur", "literature", "kirjailija"]) {
            Category::Literature
        } else if has(&["museo", "museum"]) {
            Category::Museums
        } else if has(&["festivaali", "festival"]) {
            Category::Festivals
        } else if has(&[
            "lapset", "lapsi", "perhe", "barn", "familj", "children", "family", "kids",
        ]) {
            Category::ChildrenFamilies
        } else {
            return None;
        },
    )
}

/// DESCRIPTION as the HTML the app's sanitiser expects: HTML as it is (the app removes what is
/// not allowed), plain text escaped with its line breaks kept.
pub fn as_html(d: &str) -> String {
    let looks_html = ["<p", "<br", "<a ", "<b>", "<strong", "<em", "<ul", "<div"]
        .iter()
        .any(|t| d.to_ascii_lowercase().contains(t));
    if looks_html {
        return d.to_owned();
    }
    let escaped = d
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    escaped
        .split("\n\n")
        .map(|para| format!("<p>{}</p>", para.trim().replace('\n', "<br>")))
        .collect()
}
