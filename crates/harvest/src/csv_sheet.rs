//! The spreadsheet template (`docs/templates/events.csv`): one event a row, Finnish or English
//! headers, read into Linked Events JSON for core's reader.
//!
//! Dates are Helsinki time, `31.1.2027 18:00` or `2027-01-31 18:00`; a date alone
//! (`31.1.2027`) is an all-day event. A row that cannot be read is a problem with its line
//! number; the other rows are read.

use chrono::{NaiveDate, NaiveDateTime, TimeZone};
use kulttuurikartta_core::feed::category::KEYWORD_PREFIX;
use serde_json::{json, Map, Value};

use crate::words::{as_html, category_of};

/// The result of reading one sheet.
pub struct Read {
    pub events: Vec<Value>,
    pub problems: Vec<String>,
}

/// The columns, by their Finnish and English header.
const COLUMNS: [(&str, &str); 14] = [
    ("nimi", "name"),
    ("alkaa", "start"),
    ("päättyy", "end"),
    ("paikka", "venue"),
    ("osoite", "address"),
    ("kunta", "municipality"),
    ("kuvaus", "description"),
    ("hinta", "price"),
    ("linkki", "link"),
    ("lippulinkki", "ticket_link"),
    ("kuva", "image"),
    ("luokka", "category"),
    ("tila", "status"),
    ("id", "id"),
];

/// Whether a sheet looks like the template: its first line names the `nimi`/`name` column and
/// a start column.
pub fn looks_like(head: &str) -> bool {
    let first = head.lines().next().unwrap_or("").to_lowercase();
    let cells: Vec<&str> = first
        .split([',', ';'])
        .map(|c| c.trim().trim_matches('"'))
        .collect();
    cells.iter().any(|c| *c == "nimi" || *c == "name")
        && cells.iter().any(|c| *c == "alkaa" || *c == "start")
}

/// Reads a sheet. Commas or semicolons separate cells (Excel in Finnish writes semicolons).
pub fn read(text: &str, source: &str) -> Result<Read, String> {
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| format!("the header row cannot be read: {e}"))?
        .iter()
        .map(|h| h.to_lowercase())
        .collect();
    let col = |name: (&str, &str)| headers.iter().position(|h| h == name.0 || h == name.1);
    let index: Vec<Option<usize>> = COLUMNS.iter().map(|c| col(*c)).collect();
    if index[0].is_none() || index[1].is_none() {
        return Err("the header row must name the columns nimi/name and alkaa/start (docs/templates/events.csv)".into());
    }
    let mut out = Read {
        events: Vec::new(),
        problems: Vec::new(),
    };
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                out.problems.push(format!("{e}"));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let cell = |i: usize| {
            index[i]
                .and_then(|c| record.get(c))
                .map(str::trim)
                .filter(|s| !s.is_empty())
        };
        match row(&cell, source) {
            Ok(ev) => out.events.push(ev),
            Err(e) => out.problems.push(format!("line {line}: {e}")),
        }
    }
    Ok(out)
}

fn row<'a>(cell: &impl Fn(usize) -> Option<&'a str>, source: &str) -> Result<Value, String> {
    let name = cell(0).ok_or("no name (nimi)")?;
    let start = time(cell(1).ok_or("no start (alkaa)")?)?;
    let end = cell(2).map(time).transpose()?;
    let mut o = Map::new();
    let id = match cell(13) {
        Some(id) => id.to_owned(),
        // Stable across edits of other cells: the name and the start, not the row number.
        None => format!(
            "{source}:{}-{}",
            slug(name),
            // The local date and time ("2027-01-14T10:00"), without the offset.
            start
                .0
                .get(..16)
                .unwrap_or(&start.0)
                .replace([':', '-', 'T'], "")
        ),
    };
    o.insert("id".into(), json!(id));
    o.insert("name".into(), json!({ "fi": name }));
    o.insert("start_time".into(), json!(start.0));
    if start.1 {
        o.insert("has_start_time".into(), json!(false));
    }
    if let Some(e) = end {
        o.insert("end_time".into(), json!(e.0));
        if e.1 {
            o.insert("has_end_time".into(), json!(false));
        }
    }
    let mut place = Map::new();
    if let Some(v) = cell(3) {
        place.insert("name".into(), json!({ "fi": v }));
    }
    if let Some(v) = cell(4) {
        place.insert("street_address".into(), json!({ "fi": v }));
    }
    if let Some(v) = cell(5) {
        place.insert("address_locality".into(), json!({ "fi": v }));
    }
    if !place.is_empty() {
        o.insert("location".into(), Value::Object(place));
    }
    if let Some(d) = cell(6) {
        o.insert("description".into(), json!({ "fi": as_html(d) }));
    }
    let mut offer = Map::new();
    if let Some(p) = cell(7) {
        let free = [
            "0",
            "0 €",
            "maksuton",
            "vapaa pääsy",
            "ilmainen",
            "free",
            "gratis",
            "fritt inträde",
        ]
        .contains(&p.to_lowercase().as_str());
        offer.insert("is_free".into(), json!(free));
        if !free {
            offer.insert("price".into(), json!({ "fi": p }));
        }
    }
    if let Some(t) = cell(9) {
        offer.insert("info_url".into(), json!({ "fi": t }));
    }
    if !offer.is_empty() {
        o.insert("offers".into(), json!([offer]));
    }
    if let Some(l) = cell(8) {
        o.insert("info_url".into(), json!({ "fi": l }));
    }
    if let Some(i) = cell(10) {
        o.insert("images".into(), json!([{ "url": i }]));
    }
    if let Some(c) = cell(11) {
        let keywords: Vec<Value> = c
            .split([',', ';'])
            .filter_map(|w| category_of(&w.trim().to_lowercase()))
            .map(|c| json!({ "@id": format!("{KEYWORD_PREFIX}{}", c.slug()) }))
            .collect();
        o.insert("keywords".into(), Value::Array(keywords));
    }
    if let Some(s) = cell(12) {
        let status = match s.to_lowercase().as_str() {
            "peruttu" | "inställd" | "cancelled" | "canceled" => "EventCancelled",
            "siirretty" | "uppskjuten" | "postponed" => "EventPostponed",
            _ => {
                return Err(format!(
                    "status (tila) {s:?}: write peruttu, siirretty or leave it empty"
                ))
            }
        };
        o.insert("event_status".into(), json!(status));
    }
    Ok(Value::Object(o))
}

/// A cell's time as Linked Events writes it, and whether it is a date alone.
fn time(s: &str) -> Result<(String, bool), String> {
    let s = s.trim().replace(" klo ", " ");
    for f in [
        "%Y-%m-%d %H:%M",
        "%d.%m.%Y %H:%M",
        "%d.%m.%Y %H.%M",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(&s, f) {
            let t = chrono_tz::Europe::Helsinki
                .from_local_datetime(&t)
                .earliest()
                .ok_or_else(|| {
                    format!("{s:?} does not exist in Helsinki time (the spring clock change)")
                })?;
            return Ok((t.to_rfc3339(), false));
        }
    }
    for f in ["%Y-%m-%d", "%d.%m.%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(&s, f) {
            return Ok((d.format("%Y-%m-%d").to_string(), true));
        }
    }
    Err(format!(
        "{s:?} is not a date: write 31.1.2027 18:00 or 2027-01-31 18:00"
    ))
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.to_lowercase().chars() {
        let c = match c {
            'ä' | 'å' => 'a',
            'ö' => 'o',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if !(c == '-' && out.ends_with('-')) {
            out.push(c);
        }
    }
    out.trim_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_reads_with_finnish_and_swedish_letters_quotes_and_line_breaks() {
        let text = include_str!("../../../docs/templates/events.csv");
        assert!(looks_like(text));
        let r = read(text, "kunta").unwrap();
        assert_eq!(r.problems, Vec::<String>::new());
        assert_eq!(r.events.len(), 4);
        let e = &r.events[0];
        assert_eq!(e["id"], "suomussalmi-joulukonsertti-2027");
        assert_eq!(e["start_time"], "2027-12-18T19:00:00+02:00");
        assert_eq!(
            e["description"]["fi"],
            "<p>Kuorolaulua ja kynttilöitä.<br>Tervetuloa!</p>"
        );
        assert_eq!(e["offers"][0]["price"]["fi"], "10 €");
        let tale = &r.events[1];
        assert_eq!(tale["id"], "kunta:satutunti-202701141000");
        assert_eq!(tale["offers"][0]["is_free"], true);
        let show = &r.events[2];
        assert_eq!(show["name"]["fi"], "Åsa Öhman: näyttely");
        assert_eq!(
            (
                show["start_time"].as_str(),
                show["has_start_time"].as_bool()
            ),
            (Some("2027-02-01"), Some(false))
        );
        assert_eq!(r.events[3]["event_status"], "EventCancelled");
    }

    #[test]
    fn a_broken_row_is_a_problem_with_its_line_and_the_other_rows_are_read() {
        let text = "name;start;municipality\nHyvä;2027-01-10 18:00;Kajaani\nHuono;ensi tiistaina;Kajaani\nToinen;11.1.2027 18.30;Oulu\n";
        let r = read(text, "s").unwrap();
        assert_eq!(r.events.len(), 2);
        assert_eq!(r.events[1]["start_time"], "2027-01-11T18:30:00+02:00");
        assert_eq!(r.problems.len(), 1);
        assert!(
            r.problems[0].starts_with("line 3: \"ensi tiistaina\" is not a date"),
            "{:?}",
            r.problems
        );
    }

    #[test]
    fn a_sheet_without_the_required_columns_is_refused() {
        assert!(!looks_like("otsikko,aika\nx,y\n"));
        assert!(read("otsikko,aika\nx,y\n", "s").is_err());
    }
}
