//! iCalendar (.ics) to Linked Events events, in the ways real feeds get it wrong.
//!
//! Each VEVENT becomes Linked Events JSON, which core's reader then normalises exactly as the app
//! would (places, municipalities, categories, time checks). A recurring VEVENT becomes one event
//! per occurrence inside the horizon, id `<source>:<UID>:<start>`, linked by `super_event` to a
//! series event `<source>:<UID>`, so the app collapses them.
//!
//! Parsing (folded lines, components, parameters, escapes) is the `icalendar` crate's; expansion
//! is the `rrule` crate's (RRULE, RDATE, EXDATE) with `chrono-tz` zones. Written here: deciding
//! which zone a time is in (IANA, Windows names, made-up names with an embedded VTIMEZONE,
//! X-WR-TIMEZONE, UTC, floating), date-only EXDATEs against timed starts, RECURRENCE-ID
//! overrides, and all-day events' exclusive DTEND.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use icalendar::parser::{read_calendar, unfold, Component, Property};
use kulttuurikartta_core::feed::category::KEYWORD_PREFIX;
use serde_json::{json, Map, Value};

use crate::words::{as_html, category_of};

/// The region's zone, for times with no zone at all.
const HELSINKI: Tz = chrono_tz::Europe::Helsinki;
/// A series is expanded this far ahead unless the caller says otherwise.
pub const DEFAULT_HORIZON_DAYS: i64 = 400;
/// Occurrences that ended longer ago than this are left out.
const PAST_DAYS: i64 = 30;
/// At most this many occurrences per series (a daily rule with no end is 400, not infinite).
const MAX_OCCURRENCES: u16 = 1000;

/// The result of reading one .ics document: Linked Events events, and what went wrong.
pub struct Read {
    pub events: Vec<Value>,
    pub problems: Vec<String>,
}

/// A start or end: an instant, or a whole day (VALUE=DATE).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Time {
    At(DateTime<Tz>),
    Day(NaiveDate),
}

impl Time {
    fn instant(self, zone: Tz) -> DateTime<Tz> {
        match self {
            Time::At(t) => t,
            Time::Day(d) => resolve_local(zone, d.and_hms_opt(0, 0, 0).expect("midnight")),
        }
    }

    /// Linked Events form: RFC 3339 in Helsinki time, or a date.
    fn json(self) -> Value {
        match self {
            Time::At(t) => json!(t.with_timezone(&HELSINKI).to_rfc3339()),
            Time::Day(d) => json!(d.format("%Y-%m-%d").to_string()),
        }
    }

    /// For ids: compact and stable, `20270110T160000Z` or `20270110`.
    fn key(self) -> String {
        match self {
            Time::At(t) => t.with_timezone(&Utc).format("%Y%m%dT%H%M%SZ").to_string(),
            Time::Day(d) => d.format("%Y%m%d").to_string(),
        }
    }
}

/// A local time in a zone; in the hour that does not exist (spring forward) the later reading,
/// in the repeated one (autumn) the earlier, as calendar programs do.
fn resolve_local(zone: Tz, local: NaiveDateTime) -> DateTime<Tz> {
    match zone.from_local_datetime(&local) {
        chrono::LocalResult::Single(t) => t,
        chrono::LocalResult::Ambiguous(a, _) => a,
        chrono::LocalResult::None => zone
            .from_local_datetime(&(local + Duration::hours(1)))
            .earliest()
            .unwrap_or_else(|| zone.from_utc_datetime(&local)),
    }
}

/// Windows zone names that calendars of the region's organisations send (Outlook, Exchange).
fn windows_zone(name: &str) -> Option<Tz> {
    Some(match name {
        "FLE Standard Time" | "E. Europe Standard Time" | "GTB Standard Time" => HELSINKI,
        "W. Europe Standard Time"
        | "Romance Standard Time"
        | "Central Europe Standard Time"
        | "Central European Standard Time" => chrono_tz::Europe::Berlin,
        "GMT Standard Time" => chrono_tz::Europe::London,
        "Russian Standard Time" => chrono_tz::Europe::Moscow,
        "UTC" | "Coordinated Universal Time" | "Greenwich Standard Time" => chrono_tz::UTC,
        _ => return None,
    })
}

/// Which zone a TZID names: IANA, Windows, or a made-up name whose embedded VTIMEZONE says its
/// offsets (`+0200`/`+0300` with summer time is Helsinki's rule, and so on).
struct Zones {
    default: Tz,
    embedded: HashMap<String, Tz>,
}

impl Zones {
    fn new(cal_props: &[Property], components: &[Component], problems: &mut Vec<String>) -> Zones {
        let mut embedded = HashMap::new();
        for c in components.iter().filter(|c| c.name == "VTIMEZONE") {
            let Some(id) = c.find_prop("TZID").map(|p| p.val.as_str().to_owned()) else {
                continue;
            };
            let mut offsets: Vec<&str> = c
                .components
                .iter()
                .filter_map(|sub| sub.find_prop("TZOFFSETTO"))
                .map(|p| p.val.as_str())
                .collect();
            offsets.sort_unstable();
            offsets.dedup();
            let zone = match offsets.as_slice() {
                ["+0200", "+0300"] => Some(HELSINKI),
                ["+0100", "+0200"] => Some(chrono_tz::Europe::Berlin),
                ["+0000", "+0100"] => Some(chrono_tz::Europe::London),
                ["+0200"] => Some(chrono_tz::Etc::GMTMinus2),
                ["+0000"] => Some(chrono_tz::UTC),
                _ => None,
            };
            match zone {
                Some(z) => {
                    embedded.insert(id, z);
                }
                None => problems.push(format!(
                    "VTIMEZONE {id:?} with offsets {offsets:?} is not one this reader knows; its times are read as Helsinki time"
                )),
            }
        }
        let default = cal_props
            .iter()
            .find(|p| p.name == "X-WR-TIMEZONE")
            .and_then(|p| p.val.as_str().parse::<Tz>().ok())
            .unwrap_or(HELSINKI);
        Zones { default, embedded }
    }

    fn named(&self, tzid: &str) -> Option<Tz> {
        let tzid = tzid.trim_matches('"');
        tzid.parse::<Tz>()
            .ok()
            .or_else(|| self.embedded.get(tzid).copied())
            .or_else(|| windows_zone(tzid))
            // "/Europe/Helsinki" and "(UTC+02:00) Helsinki…" style names.
            .or_else(|| tzid.trim_start_matches('/').parse::<Tz>().ok())
            .or_else(|| tzid.contains("Helsinki").then_some(HELSINKI))
    }

    /// A DTSTART/DTEND/EXDATE/RDATE/RECURRENCE-ID property's values.
    fn times(&self, p: &Property) -> Result<Vec<Time>, String> {
        let param = |k: &str| {
            p.params
                .iter()
                .find(|x| x.key.as_str().eq_ignore_ascii_case(k))
                .and_then(|x| x.val.as_ref())
                .map(|v| v.as_str().to_owned())
        };
        let zone = match param("TZID") {
            Some(id) => self
                .named(&id)
                .ok_or_else(|| format!("{}: unknown time zone {id:?}", p.name.as_str()))?,
            None => self.default,
        };
        let date_only = param("VALUE").is_some_and(|v| v.eq_ignore_ascii_case("DATE"));
        p.val
            .as_str()
            .split(',')
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(|v| {
                if date_only || v.len() == 8 {
                    NaiveDate::parse_from_str(v, "%Y%m%d").map(Time::Day)
                } else if let Some(utc) = v.strip_suffix('Z') {
                    NaiveDateTime::parse_from_str(utc, "%Y%m%dT%H%M%S")
                        .map(|t| Time::At(Utc.from_utc_datetime(&t).with_timezone(&zone)))
                } else {
                    NaiveDateTime::parse_from_str(v, "%Y%m%dT%H%M%S")
                        .map(|t| Time::At(resolve_local(zone, t)))
                }
                .map_err(|_| {
                    format!(
                        "{}: {v:?} is not an iCalendar date or time",
                        p.name.as_str()
                    )
                })
            })
            .collect()
    }
}

fn text(c: &Component, name: &str) -> Option<String> {
    c.find_prop(name)
        .map(|p| p.val.clone().unescape_text().as_str().trim().to_owned())
        .filter(|s| !s.is_empty())
}

/// Reads a whole .ics document. `source` prefixes every id; `now` and `horizon_days` bound the
/// expansion of recurring events.
pub fn read(
    ics: &str,
    source: &str,
    now: DateTime<Utc>,
    horizon_days: i64,
) -> Result<Read, String> {
    let unfolded = unfold(ics);
    let cal =
        read_calendar(&unfolded).map_err(|e| format!("not a readable iCalendar file: {e}"))?;
    let mut problems = Vec::new();
    let zones = Zones::new(&cal.properties, &cal.components, &mut problems);
    let vevents: Vec<&Component> = cal
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    // RECURRENCE-ID overrides, by UID and the original start they replace.
    let mut overrides: HashMap<(String, i64), &Component> = HashMap::new();
    for v in &vevents {
        if let (Some(uid), Some(rid)) = (text(v, "UID"), v.find_prop("RECURRENCE-ID")) {
            match zones.times(rid).map(|t| t.first().copied()) {
                Ok(Some(t)) => {
                    overrides.insert((uid, t.instant(zones.default).timestamp()), v);
                }
                _ => problems.push(format!("UID {uid}: RECURRENCE-ID could not be read")),
            }
        }
    }
    let from = now - Duration::days(PAST_DAYS);
    let until = now + Duration::days(horizon_days);
    let mut events = Vec::new();
    for (n, v) in vevents.iter().enumerate() {
        if v.find_prop("RECURRENCE-ID").is_some() {
            continue; // used through `overrides`
        }
        match read_vevent(v, n, &zones, &overrides, source, from, until) {
            Ok(mut evs) => events.append(&mut evs),
            Err(e) => problems.push(format!(
                "VEVENT {} ({}): {e}",
                n + 1,
                text(v, "UID").unwrap_or_default()
            )),
        }
    }
    Ok(Read { events, problems })
}

#[allow(clippy::too_many_arguments)]
fn read_vevent(
    v: &Component,
    n: usize,
    zones: &Zones,
    overrides: &HashMap<(String, i64), &Component>,
    source: &str,
    from: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<Vec<Value>, String> {
    let uid = text(v, "UID")
        .unwrap_or_else(|| format!("vevent-{}", n + 1))
        .replace('/', "_");
    let start = zones
        .times(v.find_prop("DTSTART").ok_or("no DTSTART")?)?
        .first()
        .copied()
        .ok_or("an empty DTSTART")?;
    let end = match v.find_prop("DTEND") {
        Some(p) => zones.times(p)?.first().copied(),
        None => None,
    };
    // The length, so each occurrence ends as long after its start as the first one does.
    let length = end.map(|e| e.instant(zones.default) - start.instant(zones.default));
    let rrule = v.find_prop("RRULE");
    let has_rdate = v.properties.iter().any(|p| p.name == "RDATE");
    if rrule.is_none() && !has_rdate {
        return Ok(vec![occurrence(v, &uid, source, start, end, None)?]);
    }
    let dtstart = start.instant(zones.default);
    let rtz = rrule::Tz::Tz(dtstart.timezone());
    let to_r = |t: DateTime<Tz>| t.with_timezone(&rtz);
    let mut set = rrule::RRuleSet::new(to_r(dtstart))
        .after(from.with_timezone(&rtz))
        .before(until.with_timezone(&rtz));
    set = match rrule {
        Some(r) => set.rrule(parse_rrule(r.val.as_str(), to_r(dtstart))?),
        // RDATEs alone: DTSTART is the first date of the set.
        None => set.rdate(to_r(dtstart)),
    };
    // A date-only EXDATE against timed starts removes that day's occurrence.
    let mut excluded_days = Vec::new();
    for p in v.properties.iter().filter(|p| p.name == "EXDATE") {
        for t in zones.times(p)? {
            match (t, start) {
                (Time::Day(d), Time::At(_)) => excluded_days.push(d),
                _ => set = set.exdate(to_r(t.instant(zones.default))),
            }
        }
    }
    for p in v.properties.iter().filter(|p| p.name == "RDATE") {
        for t in zones.times(p)? {
            set = set.rdate(to_r(t.instant(zones.default)));
        }
    }
    let series_id = format!("{source}:{uid}");
    let mut out = Vec::new();
    for o in set.all(MAX_OCCURRENCES).dates {
        let o = o.with_timezone(&dtstart.timezone());
        let this_start = match start {
            Time::Day(_) => Time::Day(o.date_naive()),
            Time::At(_) => Time::At(o),
        };
        if let Time::At(t) = this_start {
            if excluded_days.contains(&t.date_naive()) {
                continue;
            }
        }
        let this_end = length.map(|l| match end {
            Some(Time::Day(_)) => Time::Day((o + l).date_naive()),
            _ => Time::At(o + l),
        });
        let ev = match overrides.get(&(uid.clone(), o.timestamp())) {
            // The override is the occurrence: its own times, text and status.
            Some(ov) => {
                let s = match ov.find_prop("DTSTART") {
                    Some(p) => zones.times(p)?.first().copied().unwrap_or(this_start),
                    None => this_start,
                };
                let e = match ov.find_prop("DTEND") {
                    Some(p) => zones.times(p)?.first().copied(),
                    None => this_end,
                };
                occurrence(
                    &merged(ov, v),
                    &uid,
                    source,
                    s,
                    e,
                    Some((&series_id, this_start)),
                )?
            }
            None => occurrence(
                v,
                &uid,
                source,
                this_start,
                this_end,
                Some((&series_id, this_start)),
            )?,
        };
        out.push(ev);
    }
    if out.is_empty() {
        return Ok(out);
    }
    // The series spans its dates, as Linked Events' own recurring super events do: from the
    // first occurrence's start to the last one's end.
    let first = out
        .iter()
        .filter_map(|e| e["start_time"].as_str())
        .min_by_key(|s| sort_key(s));
    let last = out
        .iter()
        .filter_map(|e| e["end_time"].as_str().or(e["start_time"].as_str()))
        .max_by_key(|s| sort_key(s));
    let (first, last) = (first.map(str::to_owned), last.map(str::to_owned));
    let mut series = occurrence(v, &uid, source, start, end, None)?;
    let obj = series.as_object_mut().expect("an object");
    obj.insert("id".into(), json!(series_id));
    obj.insert("start_time".into(), json!(first));
    obj.insert("end_time".into(), json!(last));
    obj.insert("super_event_type".into(), json!("recurring"));
    obj.insert(
        "sub_events".into(),
        Value::Array(out.iter().map(|e| json!({ "@id": e["id"] })).collect()),
    );
    out.push(series);
    Ok(out)
}

/// Orders `start_time` values: dates and RFC 3339 times with offsets, compared as instants.
fn sort_key(s: &str) -> i64 {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.timestamp())
        .or_else(|_| {
            NaiveDate::parse_from_str(s, "%Y-%m-%d").map(|d| {
                resolve_local(HELSINKI, d.and_hms_opt(0, 0, 0).expect("midnight")).timestamp()
            })
        })
        .unwrap_or(i64::MAX)
}

/// An override's properties, falling back to the series' for what it leaves out.
fn merged<'a>(ov: &Component<'a>, series: &Component<'a>) -> Component<'a> {
    let mut c = ov.clone();
    for p in &series.properties {
        if c.find_prop(p.name.as_str()).is_none()
            && p.name != "RRULE"
            && p.name != "EXDATE"
            && p.name != "RDATE"
        {
            c.properties.push(p.clone());
        }
    }
    c
}

/// RRULE text as the `rrule` crate validates it. Real feeds write UNTIL as a date or as a local
/// time against a zoned DTSTART, which RFC 5545 forbids; read such an UNTIL as the end of that
/// day (or that time) in the start's zone.
fn parse_rrule(raw: &str, dtstart: DateTime<rrule::Tz>) -> Result<rrule::RRule, String> {
    let fixed: Vec<String> = raw
        .split(';')
        .map(|part| match part.split_once('=') {
            Some((k, v)) if k.eq_ignore_ascii_case("UNTIL") && !v.ends_with('Z') => {
                let local = if v.len() == 8 {
                    NaiveDate::parse_from_str(v, "%Y%m%d")
                        .ok()
                        .and_then(|d| d.and_hms_opt(23, 59, 59))
                } else {
                    NaiveDateTime::parse_from_str(v, "%Y%m%dT%H%M%S").ok()
                };
                match local {
                    Some(l) => {
                        let zone = match dtstart.timezone() {
                            rrule::Tz::Tz(z) => z,
                            rrule::Tz::Local(_) => HELSINKI,
                        };
                        format!(
                            "UNTIL={}",
                            resolve_local(zone, l)
                                .with_timezone(&Utc)
                                .format("%Y%m%dT%H%M%SZ")
                        )
                    }
                    None => part.to_owned(),
                }
            }
            _ => part.to_owned(),
        })
        .collect();
    fixed
        .join(";")
        .parse::<rrule::RRule<rrule::Unvalidated>>()
        .and_then(|r| r.validate(dtstart))
        .map_err(|e| format!("RRULE {raw:?}: {e}"))
}

/// One event in Linked Events JSON.
fn occurrence(
    v: &Component,
    uid: &str,
    source: &str,
    start: Time,
    end: Option<Time>,
    series: Option<(&str, Time)>,
) -> Result<Value, String> {
    let lang = v
        .find_prop("SUMMARY")
        .and_then(|p| {
            p.params
                .iter()
                .find(|x| x.key.as_str().eq_ignore_ascii_case("LANGUAGE"))
        })
        .and_then(|x| x.val.as_ref())
        .map(|l| l.as_str().get(..2).unwrap_or("fi").to_ascii_lowercase())
        .unwrap_or_else(|| "fi".to_owned());
    let name = text(v, "SUMMARY").ok_or("no SUMMARY (the event's name)")?;
    let mut o = Map::new();
    o.insert(
        "id".into(),
        json!(match series {
            Some((_, original)) => format!("{source}:{uid}:{}", original.key()),
            None => format!("{source}:{uid}"),
        }),
    );
    o.insert("name".into(), json!({ lang.as_str(): name }));
    if let Some(d) = text(v, "DESCRIPTION") {
        o.insert("description".into(), json!({ lang.as_str(): as_html(&d) }));
    }
    o.insert("start_time".into(), start.json());
    if let Time::Day(_) = start {
        o.insert("has_start_time".into(), json!(false));
    }
    // An all-day DTEND is exclusive: the event's last day is the one before.
    let end = end.map(|e| match e {
        Time::Day(d) => Time::Day(d.pred_opt().unwrap_or(d)),
        at => at,
    });
    if let Some(e) = end.filter(|e| *e != start) {
        o.insert("end_time".into(), e.json());
        if let Time::Day(_) = e {
            o.insert("has_end_time".into(), json!(false));
        }
    }
    let cancelled = text(v, "STATUS").is_some_and(|s| s.eq_ignore_ascii_case("CANCELLED"));
    o.insert(
        "event_status".into(),
        json!(if cancelled {
            "EventCancelled"
        } else {
            "EventScheduled"
        }),
    );
    if let Some(loc) = location(v) {
        o.insert("location".into(), loc);
    }
    if let Some(url) = text(v, "URL") {
        o.insert("info_url".into(), json!({ lang.as_str(): url }));
    }
    let keywords: Vec<Value> = text(v, "CATEGORIES")
        .into_iter()
        .flat_map(|c| {
            c.split(',')
                .map(|s| s.trim().to_lowercase())
                .collect::<Vec<_>>()
        })
        .filter_map(|c| category_of(&c))
        .map(|c| json!({ "@id": format!("{KEYWORD_PREFIX}{}", c.slug()) }))
        .collect();
    if !keywords.is_empty() {
        o.insert("keywords".into(), Value::Array(keywords));
    }
    if let Some((series_id, _)) = series {
        o.insert("super_event".into(), json!({ "@id": series_id }));
    }
    Ok(Value::Object(o))
}

/// LOCATION ("Kuhmo-talo, Torikatu 39, 88900 Kuhmo") and GEO ("64.13;29.52") as an embedded
/// place: the first part names the venue, the last (without its postal code) is the locality
/// that the core reader resolves to a municipality.
fn location(v: &Component) -> Option<Value> {
    let text_loc = text(v, "LOCATION");
    let geo = text(v, "GEO").and_then(|g| {
        let (lat, lon) = g.split_once([';', ','])?;
        Some((
            lat.trim().parse::<f64>().ok()?,
            lon.trim().parse::<f64>().ok()?,
        ))
    });
    if text_loc.is_none() && geo.is_none() {
        return None;
    }
    let mut o = Map::new();
    if let Some(l) = &text_loc {
        let parts: Vec<&str> = l
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if let Some(first) = parts.first() {
            o.insert("name".into(), json!({ "fi": first }));
        }
        if parts.len() > 2 {
            o.insert(
                "street_address".into(),
                json!({ "fi": parts[1..parts.len() - 1].join(", ") }),
            );
        }
        let locality = parts
            .last()
            .map(|p| p.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' '))
            .unwrap_or_default();
        o.insert("address_locality".into(), json!({ "fi": locality }));
    }
    if let Some((lat, lon)) = geo {
        o.insert(
            "position".into(),
            json!({ "type": "Point", "coordinates": [lon, lat] }),
        );
    }
    Some(Value::Object(o))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        "2026-12-02T10:00:00Z".parse().unwrap()
    }

    fn cal(body: &str) -> String {
        format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n{body}END:VCALENDAR\r\n")
    }

    fn read_ok(ics: &str) -> Read {
        let r = read(ics, "src", now(), DEFAULT_HORIZON_DAYS).expect("readable");
        assert_eq!(r.problems, Vec::<String>::new());
        r
    }

    /// (id, start, end, status) of each occurrence, series events left out, in start order.
    fn occurrences(ics: &str) -> Vec<(String, String, String, String)> {
        let mut v: Vec<_> = read_ok(ics)
            .events
            .iter()
            .filter(|e| e.get("super_event_type").is_none())
            .map(|e| {
                let s = |k: &str| e[k].as_str().unwrap_or("").to_owned();
                (s("id"), s("start_time"), s("end_time"), s("event_status"))
            })
            .collect();
        v.sort_by(|a, b| a.1.cmp(&b.1));
        v
    }

    fn starts(ics: &str) -> Vec<String> {
        occurrences(ics).into_iter().map(|o| o.1).collect()
    }

    #[test]
    fn weekly_rule_keeps_local_time_across_both_summer_time_changes() {
        let spring = cal("BEGIN:VEVENT\r\nUID:kevät\r\nSUMMARY:Kuoro\r\nDTSTART;TZID=Europe/Helsinki:20270318T180000\r\nDTEND;TZID=Europe/Helsinki:20270318T193000\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\nEND:VEVENT\r\n");
        let o = occurrences(&spring);
        assert_eq!(
            o.iter()
                .map(|x| (x.1.as_str(), x.2.as_str()))
                .collect::<Vec<_>>(),
            [
                ("2027-03-18T18:00:00+02:00", "2027-03-18T19:30:00+02:00"),
                ("2027-03-25T18:00:00+02:00", "2027-03-25T19:30:00+02:00"),
                ("2027-04-01T18:00:00+03:00", "2027-04-01T19:30:00+03:00"),
            ]
        );
        assert_eq!(
            o[0].0, "src:kevät:20270318T160000Z",
            "ids: source, UID, occurrence start"
        );
        let autumn = cal("BEGIN:VEVENT\r\nUID:syys\r\nSUMMARY:Kuoro\r\nDTSTART;TZID=Europe/Helsinki:20271028T180000\r\nRRULE:FREQ=WEEKLY;COUNT=2\r\nEND:VEVENT\r\n");
        assert_eq!(
            starts(&autumn),
            ["2027-10-28T18:00:00+03:00", "2027-11-04T18:00:00+02:00"]
        );
    }

    #[test]
    fn series_are_linked_by_super_event() {
        let r = read_ok(&cal("BEGIN:VEVENT\r\nUID:s1\r\nSUMMARY:Satutunti\r\nDTSTART;TZID=Europe/Helsinki:20270105T100000\r\nRRULE:FREQ=WEEKLY;COUNT=2\r\nEND:VEVENT\r\n"));
        let series = r
            .events
            .iter()
            .find(|e| e["id"] == "src:s1")
            .expect("the series event");
        assert_eq!(series["super_event_type"], "recurring");
        assert_eq!(series["sub_events"].as_array().unwrap().len(), 2);
        assert!(r
            .events
            .iter()
            .filter(|e| e["id"] != "src:s1")
            .all(|e| e["super_event"]["@id"] == "src:s1"));
    }

    #[test]
    fn exdates_timed_and_date_only_remove_their_occurrences() {
        let ics = cal("BEGIN:VEVENT\r\nUID:ex\r\nSUMMARY:Päivittäin\r\nDTSTART;TZID=Europe/Helsinki:20270110T180000\r\nRRULE:FREQ=DAILY;COUNT=5\r\nEXDATE;TZID=Europe/Helsinki:20270111T180000\r\nEXDATE;VALUE=DATE:20270113\r\nEND:VEVENT\r\n");
        assert_eq!(
            starts(&ics),
            [
                "2027-01-10T18:00:00+02:00",
                "2027-01-12T18:00:00+02:00",
                "2027-01-14T18:00:00+02:00"
            ]
        );
    }

    #[test]
    fn recurrence_id_overrides_move_or_cancel_one_occurrence() {
        let ics = cal(concat!(
            "BEGIN:VEVENT\r\nUID:ov\r\nSUMMARY:Ilta\r\nDTSTART;TZID=Europe/Helsinki:20270105T180000\r\nDTEND;TZID=Europe/Helsinki:20270105T200000\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\nEND:VEVENT\r\n",
            "BEGIN:VEVENT\r\nUID:ov\r\nRECURRENCE-ID;TZID=Europe/Helsinki:20270112T180000\r\nSUMMARY:Ilta (siirretty)\r\nDTSTART;TZID=Europe/Helsinki:20270113T190000\r\nDTEND;TZID=Europe/Helsinki:20270113T210000\r\nEND:VEVENT\r\n",
            "BEGIN:VEVENT\r\nUID:ov\r\nRECURRENCE-ID;TZID=Europe/Helsinki:20270119T180000\r\nDTSTART;TZID=Europe/Helsinki:20270119T180000\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n",
        ));
        let r = read_ok(&ics);
        let by_id = |id: &str| {
            r.events
                .iter()
                .find(|e| e["id"] == id)
                .unwrap_or_else(|| panic!("{id}"))
        };
        let moved = by_id("src:ov:20270112T160000Z");
        assert_eq!(moved["start_time"], "2027-01-13T19:00:00+02:00");
        assert_eq!(moved["end_time"], "2027-01-13T21:00:00+02:00");
        assert_eq!(moved["name"]["fi"], "Ilta (siirretty)");
        let cancelled = by_id("src:ov:20270119T160000Z");
        assert_eq!(cancelled["event_status"], "EventCancelled");
        assert_eq!(
            cancelled["name"]["fi"], "Ilta",
            "what the override leaves out comes from the series"
        );
        assert_eq!(
            by_id("src:ov:20270105T160000Z")["event_status"],
            "EventScheduled"
        );
    }

    #[test]
    fn rdates_add_dates_with_or_without_a_rule() {
        let ics = cal("BEGIN:VEVENT\r\nUID:rd\r\nSUMMARY:Näytös\r\nDTSTART;TZID=Europe/Helsinki:20270201T100000\r\nRDATE;TZID=Europe/Helsinki:20270215T100000,20270301T100000\r\nEND:VEVENT\r\n");
        assert_eq!(
            starts(&ics),
            [
                "2027-02-01T10:00:00+02:00",
                "2027-02-15T10:00:00+02:00",
                "2027-03-01T10:00:00+02:00"
            ]
        );
    }

    #[test]
    fn zones_named_by_windows_by_a_made_up_vtimezone_by_x_wr_timezone_and_utc() {
        let windows = cal("BEGIN:VEVENT\r\nUID:w\r\nSUMMARY:x\r\nDTSTART;TZID=FLE Standard Time:20270710T180000\r\nEND:VEVENT\r\n");
        assert_eq!(starts(&windows), ["2027-07-10T18:00:00+03:00"]);
        let made_up = cal(concat!(
            "BEGIN:VTIMEZONE\r\nTZID:Suomen aika\r\n",
            "BEGIN:STANDARD\r\nDTSTART:19701025T040000\r\nTZOFFSETFROM:+0300\r\nTZOFFSETTO:+0200\r\nEND:STANDARD\r\n",
            "BEGIN:DAYLIGHT\r\nDTSTART:19700329T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0300\r\nEND:DAYLIGHT\r\n",
            "END:VTIMEZONE\r\n",
            "BEGIN:VEVENT\r\nUID:m\r\nSUMMARY:x\r\nDTSTART;TZID=\"Suomen aika\":20270710T180000\r\nEND:VEVENT\r\n",
        ));
        assert_eq!(starts(&made_up), ["2027-07-10T18:00:00+03:00"]);
        let floating = |zone: &str| {
            cal(&format!("X-WR-TIMEZONE:{zone}\r\nBEGIN:VEVENT\r\nUID:f\r\nSUMMARY:x\r\nDTSTART:20270710T180000\r\nEND:VEVENT\r\n"))
        };
        assert_eq!(
            starts(&floating("Europe/Helsinki")),
            ["2027-07-10T18:00:00+03:00"]
        );
        assert_eq!(
            starts(&floating("Europe/Stockholm")),
            ["2027-07-10T19:00:00+03:00"]
        );
        let utc =
            cal("BEGIN:VEVENT\r\nUID:u\r\nSUMMARY:x\r\nDTSTART:20270110T160000Z\r\nEND:VEVENT\r\n");
        assert_eq!(starts(&utc), ["2027-01-10T18:00:00+02:00"]);
        let no_zone_at_all =
            cal("BEGIN:VEVENT\r\nUID:n\r\nSUMMARY:x\r\nDTSTART:20270110T180000\r\nEND:VEVENT\r\n");
        assert_eq!(
            starts(&no_zone_at_all),
            ["2027-01-10T18:00:00+02:00"],
            "floating is Helsinki time"
        );
    }

    #[test]
    fn all_day_events_end_the_day_before_their_exclusive_dtend() {
        let ics = cal("BEGIN:VEVENT\r\nUID:fest\r\nSUMMARY:Festivaali\r\nDTSTART;VALUE=DATE:20270305\r\nDTEND;VALUE=DATE:20270308\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:one\r\nSUMMARY:Päivä\r\nDTSTART;VALUE=DATE:20270310\r\nDTEND;VALUE=DATE:20270311\r\nEND:VEVENT\r\n");
        let r = read_ok(&ics);
        let fest = r.events.iter().find(|e| e["id"] == "src:fest").unwrap();
        assert_eq!(
            (fest["start_time"].as_str(), fest["end_time"].as_str()),
            (Some("2027-03-05"), Some("2027-03-07"))
        );
        assert_eq!(fest["has_start_time"], false);
        let one = r.events.iter().find(|e| e["id"] == "src:one").unwrap();
        assert!(
            one.get("end_time").is_none(),
            "a one-day event ends the day it starts"
        );
    }

    #[test]
    fn folded_lines_escapes_and_html_descriptions() {
        let ics = cal(concat!(
            "BEGIN:VEVENT\r\nUID:fold\r\nDTSTART:20270110T160000Z\r\n",
            "SUMMARY:Konsertti\\, laulu\\; ilta ja hyvin pitkä nimi joka jatkuu seuraavalle \r\n",
            " riville\r\n",
            "DESCRIPTION:<p>Tervetuloa <b>kaikki</b></p><script>alert(1)</script>\r\n",
            "END:VEVENT\r\n",
            "BEGIN:VEVENT\r\nUID:plain\r\nDTSTART:20270110T160000Z\r\nSUMMARY:x\r\nDESCRIPTION:Rivi 1\\nRivi 2 & <muuta>\r\nEND:VEVENT\r\n",
        ));
        let r = read_ok(&ics);
        let fold = r.events.iter().find(|e| e["id"] == "src:fold").unwrap();
        assert_eq!(
            fold["name"]["fi"],
            "Konsertti, laulu; ilta ja hyvin pitkä nimi joka jatkuu seuraavalle riville"
        );
        assert!(
            fold["description"]["fi"]
                .as_str()
                .unwrap()
                .starts_with("<p>Tervetuloa"),
            "HTML is passed to the app's sanitiser"
        );
        let plain = r.events.iter().find(|e| e["id"] == "src:plain").unwrap();
        assert_eq!(
            plain["description"]["fi"],
            "<p>Rivi 1<br>Rivi 2 &amp; &lt;muuta&gt;</p>"
        );
    }

    #[test]
    fn a_cancelled_series_cancels_every_occurrence() {
        let ics = cal("BEGIN:VEVENT\r\nUID:c\r\nSUMMARY:Peruttu\r\nSTATUS:CANCELLED\r\nDTSTART;TZID=Europe/Helsinki:20270105T180000\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\nEND:VEVENT\r\n");
        let o = occurrences(&ics);
        assert_eq!(o.len(), 3);
        assert!(o.iter().all(|x| x.3 == "EventCancelled"));
    }

    #[test]
    fn a_rule_without_end_stops_at_the_horizon_and_until_as_a_local_date_is_read() {
        let endless = cal("BEGIN:VEVENT\r\nUID:e\r\nSUMMARY:x\r\nDTSTART;TZID=Europe/Helsinki:20261201T120000\r\nRRULE:FREQ=WEEKLY\r\nEND:VEVENT\r\n");
        let n = occurrences(&endless).len();
        assert!((57..=58).contains(&n), "about 400 days of weeks: {n}");
        let until = cal("BEGIN:VEVENT\r\nUID:u\r\nSUMMARY:x\r\nDTSTART;TZID=Europe/Helsinki:20270105T180000\r\nRRULE:FREQ=WEEKLY;UNTIL=20270119\r\nEND:VEVENT\r\n");
        assert_eq!(
            occurrences(&until).len(),
            3,
            "UNTIL as a date includes that day"
        );
    }

    #[test]
    fn a_broken_vevent_is_a_problem_and_the_others_are_read() {
        let ics = cal("BEGIN:VEVENT\r\nUID:bad\r\nSUMMARY:x\r\nDTSTART:huomenna\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:ok\r\nSUMMARY:y\r\nDTSTART:20270110T160000Z\r\nEND:VEVENT\r\n");
        let r = read(&ics, "src", now(), DEFAULT_HORIZON_DAYS).unwrap();
        assert_eq!(r.events.len(), 1);
        assert_eq!(r.problems.len(), 1);
        assert!(
            r.problems[0].contains("VEVENT 1 (bad)") && r.problems[0].contains("\"huomenna\""),
            "{:?}",
            r.problems
        );
    }
}
