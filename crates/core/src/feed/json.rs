//! Tolerant readers for JSON values, shared by the feed formats: feeds put strings where objects
//! belong, numbers in strings, and HTML everywhere.

use super::json_value::Json as Value;
use chrono::Utc;

use super::model::{LangTag, Localized, LocalizedText};
use super::rich_text;
use super::text;
use crate::time::text::{parse_date, parse_date_time};
use crate::time::{helsinki, When};

/// A JSON-LD node's `@type`s without their vocabulary prefix ("schema:Event" and
/// "https://schema.org/Event" are both "Event").
pub fn ld_types<'v>(v: &'v Value) -> Vec<&'v str> {
    one_or_many(v.get("@type"))
        .filter_map(Value::as_str)
        .map(|t| t.rsplit(['/', ':']).next().unwrap_or(t))
        .collect()
}

/// RFC 3339 (with `Z` or an offset), a date alone, a local date-time without offset (read as
/// Helsinki time), or null/empty.
pub fn when(v: Option<&Value>) -> Result<Option<When>, String> {
    let s = match v {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => return Ok(None),
        Some(Value::String(s)) => s.trim(),
        Some(other) => {
            return Err(format!(
                "expected a date-time string, found {}",
                kind(other)
            ))
        }
    };
    if let Some(d) = parse_date(s) {
        return Ok(Some(When::Day(d)));
    }
    // RFC 3339, and what CMSs make of it: a space for the T, no seconds, no colon in the
    // offset, or no offset at all (read as Helsinki time).
    match parse_date_time(s) {
        Some((local, Some(offset))) => {
            if let Some(t) = local.and_local_timezone(offset).single() {
                return Ok(Some(When::At(t.with_timezone(&Utc))));
            }
        }
        Some((local, None)) => return Ok(Some(When::At(helsinki::from_local(local)))),
        None => {}
    }
    Err(format!(
        "\"{}\" is not a date (expected e.g. 2026-12-05T19:00:00+02:00 or 2026-12-05)",
        s.chars().take(40).collect::<String>()
    ))
}

/// What a publisher should hear about how a time was written, once it has been read as `when`:
/// a clock time with no offset (read as Helsinki time), or an offset that Helsinki does not have
/// on that date (`+02:00` in July: probably the wrong time zone). `Z` (UTC) is always clear.
pub fn time_note(v: Option<&Value>, when: Option<When>, field: &str) -> Option<String> {
    let (Some(Value::String(raw)), Some(When::At(t))) = (v, when) else {
        return None;
    };
    let raw = raw.trim();
    if raw.ends_with(['Z', 'z']) {
        return None;
    }
    // The offset is the tail after the time: "+02:00", "+0200" or "-05:00".
    let time_part = raw.get(11..).unwrap_or("");
    let Some(sign_at) = time_part.rfind(['+', '-']) else {
        return Some(format!(
            "{field}: no UTC offset, so it was read as Helsinki time; write e.g. {}",
            helsinki::to_local(t).to_rfc3339()
        ));
    };
    let digits: String = time_part[sign_at + 1..]
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let (h, m) = (
        digits.get(..2)?.parse::<i32>().ok()?,
        digits.get(2..4).unwrap_or("0").parse::<i32>().ok()?,
    );
    let sign = if time_part[sign_at..].starts_with('-') {
        -1
    } else {
        1
    };
    let given = sign * (h * 3600 + m * 60);
    let local = helsinki::offset_at(t);
    (given != local.local_minus_utc()).then(|| {
        format!(
            "{field}: the offset {} is not Helsinki's on that date ({local}): probably the wrong time zone",
            &time_part[sign_at..]
        )
    })
}

/// Whether a text field (a string, a language map, or JSON-LD's `[{"@value": …}]`) contains an
/// HTML tag. Titles are plain text: the reader strips tags, and the publisher should hear of it.
pub fn has_markup(v: Option<&Value>) -> bool {
    fn tag(s: &str) -> bool {
        s.as_bytes()
            .windows(2)
            .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/'))
    }
    match v {
        Some(Value::String(s)) => tag(s),
        Some(Value::Object(o)) => o
            .iter()
            .any(|(_, v)| matches!(v, Value::String(s) if tag(s))),
        Some(Value::Array(a)) => a
            .iter()
            .any(|item| has_markup(Some(item)) || has_markup(item.get("@value"))),
        _ => false,
    }
}

/// A clock time turned into its Helsinki day (for feeds that flag date-only values).
pub fn as_day(w: When) -> When {
    match w {
        When::At(t) => When::Day(helsinki::local_date(t)),
        day => day,
    }
}

pub fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Multilingual text in any of the shapes feeds use, without touching its content:
/// `{"fi": …, "sv": …}` (Linked Events), `{"@language": "fi", "@value": …}` and arrays of those
/// (JSON-LD), or a bare string in `default_lang`.
pub fn localized_raw(v: Option<&Value>, default_lang: &str) -> LocalizedText {
    localized_with(v, default_lang, |s| Some(s.to_owned()))
}

/// Like `localized_raw`, as plain text (titles, places, prices).
pub fn localized(v: Option<&Value>, default_lang: &str) -> LocalizedText {
    localized_with(v, default_lang, |s| {
        Some(text::plain(s)).filter(|p| !p.is_empty())
    })
}

/// Like `localized_raw`, keeping only safe http(s) URLs.
pub fn localized_url(v: Option<&Value>, default_lang: &str) -> LocalizedText {
    localized_with(v, default_lang, |s| {
        rich_text::safe_url(s).filter(|u| {
            !u.get(..7)
                .is_some_and(|p| p.eq_ignore_ascii_case("mailto:"))
        })
    })
}

/// Collects the texts, each turned into its stored form by `keep` straight from the feed's
/// bytes (one allocation per kept text); `None` drops it.
fn localized_with(
    v: Option<&Value>,
    default_lang: &str,
    keep: impl Fn(&str) -> Option<String>,
) -> LocalizedText {
    // Sized up front: growing a vector from nothing costs an allocation per doubling.
    let capacity = match v {
        Some(Value::Object(o)) => o.0.len(),
        Some(Value::Array(a)) => a.len(),
        Some(Value::String(_)) => 1,
        _ => 0,
    };
    let mut out = Vec::with_capacity(capacity);
    collect_localized(v, default_lang, &mut out, 0, &keep);
    Localized(out)
}

fn collect_localized(
    v: Option<&Value>,
    default_lang: &str,
    out: &mut Vec<(LangTag, String)>,
    depth: u8,
    keep: &dyn Fn(&str) -> Option<String>,
) {
    let mut push = |lang: &str, text: &str| {
        let text = text.trim();
        if !text.is_empty() {
            if let Some(kept) = keep(text) {
                out.push((LangTag::new(lang), kept));
            }
        }
    };
    match v {
        Some(Value::String(s)) => push(default_lang, s),
        Some(Value::Array(items)) if depth == 0 => {
            for item in items.iter() {
                collect_localized(Some(item), default_lang, out, depth + 1, keep);
            }
        }
        Some(Value::Object(map)) => {
            if let Some(value) = map.get("@value").and_then(Value::as_str) {
                let lang = map
                    .get("@language")
                    .and_then(Value::as_str)
                    .unwrap_or(default_lang);
                push(lang, value);
                return;
            }
            for (lang, s) in map.iter() {
                if let Some(s) = s.as_str() {
                    if lang.len() <= 8 && !lang.starts_with('@') {
                        push(lang, s);
                    }
                }
            }
        }
        _ => {}
    }
}

/// The id of a referenced resource: `{"@id": "…/event/kk:1/"}` → `kk:1`; a bare id stays.
pub fn reference_id(v: &Value) -> Option<String> {
    let raw = match v {
        Value::String(s) => s,
        Value::Object(o) => o
            .get("@id")
            .or_else(|| o.get("id"))
            .and_then(Value::as_str)?,
        _ => return None,
    };
    let tail = raw.trim_end_matches('/').rsplit('/').next()?;
    (!tail.is_empty()).then(|| tail.to_owned())
}

/// A number that may be written as a string ("64.22", "64,22").
pub fn number(v: Option<&Value>) -> Option<f64> {
    match v? {
        Value::Number(n) => Some(*n),
        Value::String(s) => number_text(s),
        _ => None,
    }
    .filter(|f: &f64| f.is_finite())
}

/// A number written as text the way feeds write them: "64.22", "64,22", " +5 ", ".5", "5.",
/// "007". It is brought to JSON's grammar and read by the JSON reader, which the app has
/// anyway: `f64::from_str` would link its own reader into the wasm, 14 kB of code and tables.
fn number_text(s: &str) -> Option<f64> {
    let s = s.trim();
    let (negative, unsigned) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    // One sign at most, and at least one digit.
    let starts_well = unsigned.starts_with(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    if !starts_well || !unsigned.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // JSON allows no leading zeros, and needs a digit on both sides of the point.
    let digits = unsigned.trim_start_matches('0');
    let mut json = String::with_capacity(digits.len() + 3);
    if negative {
        json.push('-');
    }
    if digits.is_empty() || digits.starts_with(['.', ',']) {
        json.push('0');
    }
    json.extend(digits.chars().map(|c| if c == ',' { '.' } else { c }));
    if json.ends_with('.') {
        json.push('0');
    }
    match Value::parse_in(&json, &bumpalo::Bump::new()) {
        Ok(Value::Number(n)) => Some(n),
        _ => None,
    }
}

/// A small non-negative integer (ages).
pub fn small_uint(v: Option<&Value>) -> Option<u32> {
    number(v)
        .filter(|n| (0.0..=150.0).contains(n))
        .map(|n| n as u32)
}

/// One value or an array of them, as a slice-like iterator.
pub fn one_or_many<'v, 'a>(v: Option<&'v Value<'a>>) -> impl Iterator<Item = &'v Value<'a>> {
    let items: &[Value<'a>] = match v {
        Some(Value::Array(a)) => a,
        Some(other) => std::slice::from_ref(other),
        None => &[],
    };
    items.iter()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn v(j: serde_json::Value) -> Value<'static> {
        Value::from(&j)
    }
    macro_rules! json {
        ($($t:tt)+) => { v(serde_json::json!($($t)+)) };
    }

    #[test]
    fn when_reads_the_usual_shapes() {
        let at = |s: &str| when(Some(&json!(s))).unwrap().unwrap();
        assert_eq!(at("2026-12-05T19:00:00+02:00"), at("2026-12-05T17:00:00Z"));
        assert_eq!(at("2026-12-05T19:00+02:00"), at("2026-12-05T17:00:00Z"));
        assert_eq!(at("2026-12-05T19:00:00+0200"), at("2026-12-05T17:00:00Z"));
        assert_eq!(at("2026-12-05 19:00"), at("2026-12-05T17:00:00Z"));
        assert!(at("2026-12-05").is_all_day());
        assert_eq!(
            at("2026-12-05"),
            When::Day(NaiveDate::from_ymd_opt(2026, 12, 5).unwrap())
        );
        assert!(when(Some(&json!("2026-02-30"))).is_err(), "no such day");
        assert!(when(Some(&json!("2026-12-5x"))).is_err());
        assert_eq!(when(Some(&json!(""))), Ok(None));
        assert!(when(Some(&json!("5.12.2026"))).is_err());
        assert!(when(Some(&json!({"date": 1})))
            .unwrap_err()
            .contains("an object"));
    }

    #[test]
    fn localized_reads_linked_events_json_ld_and_bare_strings() {
        let le = localized(
            Some(&json!({"fi": "<b>Konsertti</b>", "sv": "", "en": "Concert"})),
            "fi",
        );
        assert_eq!(
            le.0,
            [
                ("en".into(), "Concert".into()),
                ("fi".into(), "Konsertti".into())
            ]
        );
        let ld = localized(
            Some(&json!([{"@language": "sv", "@value": "Konsert"}, "Konsertti"])),
            "fi",
        );
        assert_eq!(
            ld.0,
            [
                ("sv".into(), "Konsert".into()),
                ("fi".into(), "Konsertti".into())
            ]
        );
        assert!(localized(Some(&json!(42)), "fi").is_empty());
    }

    #[test]
    fn urls_keep_only_http_and_https() {
        let u = localized_url(
            Some(&json!({"fi": "https://a.fi", "sv": "javascript:alert(1)", "en": "mailto:x@y"})),
            "fi",
        );
        assert_eq!(u.0, [("fi".into(), "https://a.fi".into())]);
    }

    #[test]
    fn times_without_an_offset_or_with_one_helsinki_lacks_are_noted() {
        let note = |raw: &str| {
            time_note(
                Some(&json!(raw)),
                when(Some(&json!(raw))).unwrap(),
                "start_time",
            )
        };
        assert_eq!(
            note("2027-07-10T18:00:00+03:00"),
            None,
            "summer time in July"
        );
        assert_eq!(note("2027-01-10T18:00:00+02:00"), None);
        assert_eq!(note("2027-07-10T15:00:00Z"), None, "UTC is always clear");
        assert_eq!(note("2027-07-10"), None, "a date has no clock");
        let missing = note("2027-07-10T18:00").unwrap();
        assert!(
            missing.contains("no UTC offset") && missing.contains("2027-07-10T18:00:00+03:00"),
            "{missing}"
        );
        let wrong = note("2027-07-10T18:00:00+02:00").unwrap();
        assert!(
            wrong.contains("+02:00 is not Helsinki's on that date (+03:00)"),
            "{wrong}"
        );
        assert!(note("2027-01-10T18:00:00-05:00")
            .unwrap()
            .contains("probably the wrong time zone"));
    }

    #[test]
    fn markup_in_text_fields_is_found_in_every_shape() {
        assert!(has_markup(Some(&json!("<b>Konsertti</b>"))));
        assert!(has_markup(Some(
            &json!({"fi": "Konsertti", "sv": "<i>Konsert</i>"})
        )));
        assert!(has_markup(Some(
            &json!([{"@language": "fi", "@value": "Ilta</p>"}])
        )));
        assert!(
            !has_markup(Some(&json!({"fi": "Lapset < 7 v. ja aikuiset"}))),
            "a lone < is text"
        );
        assert!(!has_markup(None));
    }

    #[test]
    fn numbers_may_be_strings_with_decimal_commas() {
        assert_eq!(number(Some(&json!("64,5"))), Some(64.5));
        assert_eq!(number(Some(&json!(64.5))), Some(64.5));
        assert_eq!(number(Some(&json!("x"))), None);
        // What the standard library's reader accepted, this one reads alike.
        for text in [
            "64.22", " 64,22 ", "+5", "-5", ".5", "-,5", "5.", "007", "0", "-0.25", "1e3",
            "2.5E-1", "0,0",
        ] {
            let std: f64 = text.trim().replace(',', ".").parse().unwrap();
            assert_eq!(number(Some(&json!(text))), Some(std), "{text}");
        }
        for text in [
            "", " ", "-", "+", ".", "1.2.3", "1,234.5", "5x", "x5", "--5", "+-5", "0x10", "inf",
            "NaN", "1e999", "5 6",
        ] {
            assert_eq!(number(Some(&json!(text))), None, "{text}");
        }
        assert_eq!(small_uint(Some(&json!(-3))), None);
    }
}
