//! Benchmark: parsing and normalising generated Linked Events feeds of 1 000, 10 000 and
//! 100 000 events, read as bytes. Prints figures; asserts nothing about time.
//!
//!     cargo run --release --example feed_bench [-- --write DIR]
//!
//! `--write DIR` also saves the generated feeds (feed-1000.json …) for the browser benchmark.

use std::time::Instant;

use kulttuurikartta_core::feed::{parse_feed, Catalogue};
use kulttuurikartta_core::region::MUNICIPALITIES;

/// A feed shaped like a real regional one: embedded places, keywords, offers, multilingual text
/// with HTML descriptions; spread over 18 months; a few cancelled, date-only and online events.
fn generate(n: usize) -> String {
    let mut out = String::with_capacity(n * 1400);
    out.push_str(r#"{"meta":{"count":"#);
    out.push_str(&n.to_string());
    out.push_str(r#","next":null},"data":["#);
    for i in 0..n {
        let m = &MUNICIPALITIES[i % MUNICIPALITIES.len()];
        let day = 1 + (i * 7919) % 540; // about 18 months
        let (y, doy) = if day > 365 {
            (2027, day - 365)
        } else {
            (2026, day)
        };
        let month = 1 + (doy - 1) / 31 % 12;
        let dom = 1 + (doy - 1) % 28;
        let hour = 8 + i % 12;
        let start = if i % 17 == 0 {
            format!("\"{y}-{month:02}-{dom:02}\"")
        } else {
            format!("\"{y}-{month:02}-{dom:02}T{hour:02}:00:00Z\"")
        };
        let status = if i % 29 == 0 {
            "EventCancelled"
        } else {
            "EventScheduled"
        };
        let location = if i % 53 == 0 {
            r#"{"@id":"https://api/place/x:internet/"}"#.to_owned()
        } else {
            format!(
                r#"{{"id":"p:{i}","name":{{"fi":"{gen} kirjasto","sv":"{sv} bibliotek"}},"street_address":{{"fi":"Kirjastontie {i}"}},"address_locality":{{"fi":"{fi}","sv":"{sv}"}},"position":{{"type":"Point","coordinates":[{lon:.4},{lat:.4}]}},"divisions":[{{"type":"muni","ocd_id":"ocd-division/country:fi/kunta:{lower}","name":{{"fi":"{fi}"}}}}]}}"#,
                gen = m.name_fi,
                sv = m.name_sv,
                fi = m.name_fi,
                lower = m.name_fi.to_lowercase(),
                lon = m.lon + (i % 100) as f64 * 0.0001,
                lat = m.lat + (i % 50) as f64 * 0.0001,
            )
        };
        if i > 0 {
            out.push(',');
        }
        out.push_str(&format!(
            r#"{{"id":"bench:{i}","@type":"Event","name":{{"fi":"Tapahtuma {i} &amp; konsertti","sv":"Evenemang {i}","en":"Event {i}"}},"short_description":{{"fi":"Lyhyt kuvaus {i}"}},"description":{{"fi":"<p>Kuvaus <strong>{i}</strong> ja <a href=\"https://example.invalid/{i}\">linkki</a>.</p><p>Toinen kappale.</p>"}},"start_time":{start},"end_time":null,"event_status":"{status}","location":{location},"keywords":[{{"@id":"https://api/keyword/yso:p1808/"}},{{"@id":"https://api/keyword/yso:p360/"}}],"offers":[{{"is_free":{free},"price":{{"fi":"10 €"}},"info_url":{{"fi":"https://liput.example.invalid/{i}"}}}}],"info_url":{{"fi":"https://example.invalid/e/{i}"}},"super_event":null,"sub_events":[],"images":[{{"url":"https://example.invalid/{i}.jpg","alt_text":"Kuva {i}"}}]}}"#,
            // Half are free: the "free only" filter removes or restores exactly half of them.
            free = i % 2 == 0,
        ));
    }
    out.push_str("]}");
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let write_dir = args
        .iter()
        .position(|a| a == "--write")
        .and_then(|i| args.get(i + 1));
    println!(
        "feed parse + normalise, then merge into the catalogue; native (release), median of runs"
    );
    println!(
        "{:>8} {:>10} {:>12} {:>14} {:>14}",
        "events", "MB", "median ms", "events/ms", "catalogue ms"
    );
    for n in [1_000, 10_000, 100_000] {
        let feed = generate(n);
        if let Some(dir) = write_dir {
            std::fs::create_dir_all(dir).expect("create bench dir");
            std::fs::write(format!("{dir}/feed-{n}.json"), &feed).expect("write feed");
        }
        let bytes = feed.into_bytes();
        let runs = if n >= 100_000 { 5 } else { 15 };
        let mut times = Vec::with_capacity(runs);
        let mut merges = Vec::with_capacity(runs);
        for _ in 0..runs {
            let t = Instant::now();
            let page = parse_feed(&bytes, "bench").expect("generated feed parses");
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            assert_eq!(page.events.len(), n, "every generated event is read");
            assert!(page.problems.is_empty());
            let t = Instant::now();
            let cat = Catalogue::from_pages([page]);
            merges.push(t.elapsed().as_secs_f64() * 1000.0);
            assert_eq!(cat.events.len(), n, "no generated event is a duplicate");
        }
        times.sort_by(f64::total_cmp);
        merges.sort_by(f64::total_cmp);
        let median = times[runs / 2];
        println!(
            "{:>8} {:>10.1} {:>12.2} {:>14.0} {:>14.2}",
            n,
            bytes.len() as f64 / 1e6,
            median,
            n as f64 / median,
            merges[runs / 2]
        );
    }
}
