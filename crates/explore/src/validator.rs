//! The `/validate` page's plain-language advice: which fix a finding's JSON path calls for.
//! The findings themselves come from `kulttuurikartta_core::feed::validate`, the rules the
//! harvester's `check` uses too.

use crate::i18n::Key;

/// The advice for a finding at `path` (`data[3].start_time`, `data[0].short_description.fi`,
/// `data[2]`…), chosen by the event field it names.
pub fn fix_for(path: &str) -> Key {
    // The first field after the event's own position: `@graph[1].subEvent[0].images` is an
    // image, `data[0].short_description.fi` a short description.
    let field = path
        .rsplit_once(']')
        .and_then(|(_, rest)| rest.strip_prefix('.'))
        .map(|rest| rest.split('.').next().unwrap_or(rest))
        .unwrap_or("");
    match field {
        "name" => Key::FixName,
        "start_time" | "startDate" => Key::FixStart,
        "end_time" | "endDate" => Key::FixEnd,
        "location" => Key::FixLocation,
        "description" => Key::FixDescription,
        "short_description" => Key::FixShortDescription,
        "images" | "image" => Key::FixImage,
        "offers" => Key::FixOffers,
        "keywords" => Key::FixKeywords,
        "id" => Key::FixId,
        _ => Key::FixOther,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_advice_follows_the_field_of_the_path() {
        assert_eq!(fix_for("data[3].start_time"), Key::FixStart);
        assert_eq!(
            fix_for("data[0].short_description.fi"),
            Key::FixShortDescription
        );
        assert_eq!(fix_for("data[12].location"), Key::FixLocation);
        assert_eq!(fix_for("data[12].location.position"), Key::FixLocation);
        assert_eq!(fix_for("@graph[1].subEvent[0].images"), Key::FixImage);
        assert_eq!(fix_for("@graph[2].startDate"), Key::FixStart);
        assert_eq!(fix_for("data[2]"), Key::FixOther);
        assert_eq!(fix_for(""), Key::FixOther);
        assert_eq!(fix_for("VCALENDAR"), Key::FixOther);
    }
}
