//! `run` as regional staff run it on a schedule: sources in, one feed and a report out, and
//! nothing lost when a source fails or suddenly shrinks.

mod common;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use common::{harvest, harvest_ok, ids, report};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kk-run-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn event(id: &str, day: u32, place: &str) -> String {
    format!(
        r#"{{"id":"{id}","name":{{"fi":"Tapahtuma {id}"}},"start_time":"2027-01-{day:02}T18:00:00+02:00","location":{{"name":{{"fi":"{place}"}},"address_locality":{{"fi":"{place}"}}}}}}"#
    )
}

fn feed(events: &[String]) -> String {
    format!(
        r#"{{"meta":{{"next":null}},"data":[{}]}}"#,
        events.join(",")
    )
}

fn run(out: &Path, sources: &[&Path], extra: &[&str]) -> (i32, String) {
    let mut args = vec![OsStr::new("run")];
    for s in sources {
        args.extend([OsStr::new("--source"), s.as_os_str()]);
    }
    args.extend([OsStr::new("--out"), out.as_os_str()]);
    args.extend(extra.iter().map(OsStr::new));
    let o = harvest(&args);
    (
        o.status.code().unwrap(),
        String::from_utf8(o.stderr).unwrap(),
    )
}

#[test]
fn sources_merge_into_one_sorted_feed_that_the_app_reads() {
    let dir = scratch("merge");
    let (a, b) = (dir.join("a.json"), dir.join("b.json"));
    std::fs::write(
        &a,
        feed(&[event("kk:2", 11, "Kajaani"), event("kk:1", 10, "Oulu")]),
    )
    .unwrap();
    // b repeats kk:1 (same id) and adds one: the first source's copy wins.
    std::fs::write(
        &b,
        feed(&[event("kk:1", 12, "Kuhmo"), event("kk:3", 13, "Kuhmo")]),
    )
    .unwrap();
    let out = dir.join("out");
    let (status, log) = run(&out, &[&a, &b], &[]);
    assert_eq!(status, 0, "{log}");
    assert_eq!(
        ids(&out),
        ["kk:1", "kk:2", "kk:3"],
        "sorted by id, each once"
    );
    let text = std::fs::read(out.join("feed.json")).unwrap();
    let page = kulttuurikartta_core::feed::parse_feed(&text, "feed.json").unwrap();
    let kk1 = page.events.iter().find(|e| e.id == "kk:1").unwrap();
    assert_eq!(
        kk1.municipality,
        Some("564"),
        "kk:1 from the first source, in Oulu"
    );
    let r = report(&out);
    assert_eq!(r["events"], 3);
    assert_eq!(r["sources"][0]["events"], 2);
    assert_eq!(r["sources"][1]["used_last_good"], false);
    // Writing is deterministic: a second run over the same input changes nothing.
    run(&out, &[&a, &b], &[]);
    assert_eq!(std::fs::read(out.join("feed.json")).unwrap(), text);
}

#[test]
fn a_failed_source_keeps_its_last_good_events_and_a_sudden_drop_is_held_back() {
    let dir = scratch("fallback");
    let (a, b) = (dir.join("a.json"), dir.join("b.json"));
    let many: Vec<String> = (1..=6)
        .map(|i| event(&format!("b:{i}"), i, "Kajaani"))
        .collect();
    std::fs::write(&a, feed(&[event("a:1", 10, "Oulu")])).unwrap();
    std::fs::write(&b, feed(&many)).unwrap();
    let out = dir.join("out");
    assert_eq!(run(&out, &[&a, &b], &[]).0, 0);
    assert_eq!(ids(&out).len(), 7);

    // b's CMS breaks: the file is gone. Its six events stay, marked in the report.
    std::fs::remove_file(&b).unwrap();
    let (status, log) = run(&out, &[&a, &b], &[]);
    assert_eq!(status, 0, "{log}");
    assert_eq!(ids(&out).len(), 7, "nothing lost");
    let r = report(&out);
    assert_eq!(r["sources"][1]["used_last_good"], true);
    assert!(r["sources"][1]["error"]
        .as_str()
        .unwrap()
        .contains("cannot read the file"));

    // b comes back with two of its six events: held back, unless accepted.
    std::fs::write(&b, feed(&many[..2])).unwrap();
    run(&out, &[&a, &b], &[]);
    assert_eq!(ids(&out).len(), 7, "a drop to under half is held back");
    assert_eq!(report(&out)["sources"][1]["held_back"], true);
    run(&out, &[&a, &b], &["--accept-drop"]);
    assert_eq!(
        ids(&out),
        ["a:1", "b:1", "b:2"],
        "accepted: the deleted events are gone"
    );
}

#[test]
fn nothing_readable_and_no_last_good_copy_writes_nothing_and_exits_1() {
    let dir = scratch("nothing");
    let out = dir.join("out");
    let (status, log) = run(&out, &[&dir.join("missing.json")], &[]);
    assert_eq!(status, 1, "{log}");
    assert!(!out.join("feed.json").exists());
    assert!(log.contains("nothing written"), "{log}");
}

#[test]
fn an_icalendar_source_is_expanded_located_and_linked_as_a_series() {
    let dir = scratch("ical");
    let ics = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kuhmo-library.ics");
    let out = dir.join("out");
    let (status, log) = run(&out, &[&ics], &[]);
    assert_eq!(status, 0, "{log}");
    assert_eq!(report(&out)["sources"][0]["format"], "icalendar");
    let text = std::fs::read(out.join("feed.json")).unwrap();
    let page = kulttuurikartta_core::feed::parse_feed(&text, "feed.json").unwrap();
    let tales: Vec<_> = page
        .events
        .iter()
        .filter(|e| {
            e.super_event.as_deref() == Some("kuhmo-library:satutunti@kirjasto.kuhmo.example")
        })
        .collect();
    // Three weekly dates, the 19th excluded by a date-only EXDATE.
    assert_eq!(tales.len(), 2);
    let first = tales
        .iter()
        .find(|e| e.id.ends_with(":20270112T080000Z"))
        .expect("12 Jan, 10:00 in Helsinki");
    assert_eq!(
        first.start.unwrap().to_rfc3339_helsinki(),
        "2027-01-12T10:00:00+02:00"
    );
    assert_eq!(
        first.municipality,
        Some("290"),
        "Kuhmo, from the LOCATION's last part"
    );
    assert!(first
        .categories
        .contains(&kulttuurikartta_core::feed::Category::ChildrenFamilies));
    let series = page
        .events
        .iter()
        .find(|e| e.id == "kuhmo-library:satutunti@kirjasto.kuhmo.example")
        .unwrap();
    assert_eq!(series.sub_events.len(), 2);
    let concert = page
        .events
        .iter()
        .find(|e| e.id == "kuhmo-library:konsertti@kuhmo.example")
        .unwrap();
    assert_eq!(
        concert.start.unwrap().to_rfc3339_helsinki(),
        "2027-07-10T19:00:00+03:00"
    );
    assert_eq!(
        concert.location_kind,
        kulttuurikartta_core::feed::LocationKind::Exact,
        "GEO gives the position"
    );
    assert_eq!(concert.municipality, Some("290"));
}

#[test]
fn the_example_harvest_file_runs_offline_over_all_three_formats() {
    let out = scratch("example").join("out");
    let example = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/harvest.toml");
    harvest_ok(&[
        OsStr::new("run"),
        example.as_os_str(),
        OsStr::new("--out"),
        out.as_os_str(),
    ]);
    let r = report(&out);
    let formats: Vec<_> = r["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["name"].as_str().unwrap(), s["format"].as_str().unwrap()))
        .collect();
    assert_eq!(
        formats,
        [
            ("kuhmo-library", "icalendar"),
            ("sample-jsonld", "json"),
            ("small-municipality", "csv")
        ]
    );
    assert!(r["sources"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["errors"] == 0 && s["error"].is_null()));
    let ids = ids(&out);
    assert!(ids
        .iter()
        .any(|i| i.starts_with("kuhmo-library:satutunti@")));
    assert!(ids.iter().any(|i| i == "suomussalmi-joulukonsertti-2027"));
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(
        html.contains(r#"<html lang="fi">"#) && html.contains("small-municipality"),
        "report.html, in Finnish"
    );
}

#[test]
fn a_harvest_file_with_an_unknown_format_or_field_is_refused_clearly() {
    let dir = scratch("badtoml");
    let toml = dir.join("h.toml");
    for (line, message) in [
        ("format = \"xml\"", "format \"xml\" is not one of"),
        ("frequency = 3", "unknown field `frequency`"),
    ] {
        std::fs::write(
            &toml,
            format!("out = \"o\"\n[[source]]\nurl = \"a.json\"\n{line}\n"),
        )
        .unwrap();
        let o = harvest(&[OsStr::new("run"), toml.as_os_str()]);
        assert_eq!(o.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(stderr.contains(message), "{stderr}");
    }
}
