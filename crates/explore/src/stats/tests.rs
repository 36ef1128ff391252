//! The counting rules, each on events read through the real Linked Events reader and catalogue,
//! as the app reads them.

use chrono::{NaiveDate, TimeZone, Utc};
use serde_json::{json, Value};

use super::*;
use crate::query::filter::evaluate;
use crate::query::Query;
use kulttuurikartta_core::feed::{parse_feed, Catalogue};

fn item(id: &str, start: Value, end: Value, place: &str) -> Value {
    let location = match place {
        "online" => json!({"@id": "https://api/place/helsinki:internet/"}),
        "" => json!({"@id": "https://api/place/x:1/", "name": {"fi": "Tuntematon talo"}}),
        town => {
            json!({"@id": format!("https://api/place/{town}/"), "name": {"fi": format!("{town}n talo")},
                       "address_locality": {"fi": town}})
        }
    };
    json!({"id": id, "name": {"fi": format!("Tapahtuma {id}")}, "start_time": start, "end_time": end,
           "location": location, "keywords": [{"@id": "yso:p1808"}]})
}

fn catalogue(feeds: &[Vec<Value>]) -> Catalogue {
    Catalogue::from_pages(feeds.iter().map(|items| {
        let doc = json!({"data": items}).to_string();
        parse_feed(doc.as_bytes(), "test").unwrap()
    }))
}

fn year(y: i32) -> Window {
    Window::days(
        NaiveDate::from_ymd_opt(y, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(y, 12, 31).unwrap(),
    )
}

/// The explorer's evaluation and the statistics of it, for a query with `window`.
fn stats(cat: &Catalogue, window: Window, q: Query) -> (Outcome, Stats) {
    let q = Query {
        window: Some(window),
        ..q
    };
    let now = Utc.with_ymd_and_hms(2026, 12, 2, 8, 0, 0).unwrap();
    let outcome = evaluate(&cat.events, None, &q, now);
    let s = count(&cat.events, &outcome, &window);
    (outcome, s)
}

fn muni(s: &Stats, code: &str) -> Tally {
    s.municipalities[MUNICIPALITIES.iter().position(|m| m.code == code).unwrap()]
}

fn month(s: &Stats, key: &str) -> PeriodRow {
    s.periods
        .iter()
        .find(|p| p.period.key() == key)
        .unwrap_or_else(|| panic!("no period {key}"))
        .clone()
}

#[test]
fn municipalities_online_and_outside_add_up_to_the_explorers_count_less_the_cancelled() {
    let towns = [
        "Kajaani", "Oulu", "Kuhmo", "Raahe", "Helsinki", "online", "",
    ];
    let mut items = Vec::new();
    for i in 0..140 {
        let day = 1 + (i * 7) % 360;
        let start = NaiveDate::from_yo_opt(2027, day as u32).unwrap();
        let mut it = item(
            &format!("kk:{i}"),
            json!(format!("{start}T18:00:00+02:00")),
            Value::Null,
            towns[i % towns.len()],
        );
        if i % 9 == 0 {
            it["event_status"] = json!("EventCancelled");
        }
        items.push(it);
    }
    // Outside the window: not counted anywhere.
    items.push(item(
        "kk:old",
        json!("2026-06-01T18:00:00+03:00"),
        Value::Null,
        "Oulu",
    ));
    let cat = catalogue(&[items]);
    let (outcome, s) = stats(&cat, year(2027), Query::default());
    let t = s.total();
    assert_eq!(outcome.matching.len(), 140);
    assert_eq!((t.events + t.cancelled) as usize, outcome.matching.len());
    assert_eq!(t.cancelled, 16);
    assert!(s.online.events > 0 && s.outside.events > 0);
    // Helsinki and the unknown place are both outside the region.
    assert_eq!(s.outside.events + s.outside.cancelled, 40);
    // Periods add up to the same total, cancelled apart.
    let by_period: u32 = s.periods.iter().map(PeriodRow::total).sum();
    assert_eq!(by_period, t.events);
    assert_eq!(s.periods.iter().map(|p| p.cancelled).sum::<u32>(), 16);
    // The same holds under filters: only Kajaani's events are left.
    let (outcome, s) = stats(
        &cat,
        year(2027),
        Query {
            municipalities: vec!["205"],
            ..Query::default()
        },
    );
    let k = muni(&s, "205");
    assert_eq!((k.events + k.cancelled) as usize, outcome.matching.len());
    assert_eq!(s.total(), k);
}

#[test]
fn cancelled_events_are_not_offer_and_have_their_own_column() {
    let mut a = item(
        "kk:1",
        json!("2027-02-01T18:00:00+02:00"),
        Value::Null,
        "Kajaani",
    );
    a["event_status"] = json!("EventCancelled");
    let b = item(
        "kk:2",
        json!("2027-02-02T18:00:00+02:00"),
        Value::Null,
        "Kajaani",
    );
    let (_, s) = stats(&catalogue(&[vec![a, b]]), year(2027), Query::default());
    let k = muni(&s, "205");
    assert_eq!((k.events, k.cancelled, k.days), (1, 1, 1));
    assert_eq!(month(&s, "2027-02").total(), 1);
    assert_eq!(month(&s, "2027-02").cancelled, 1);
    assert_eq!(s.categories.iter().sum::<u32>(), 1);
}

#[test]
fn a_recurring_series_counts_each_date_not_the_series() {
    let mut series = item(
        "kk:s",
        json!("2027-03-01T18:00:00+02:00"),
        json!("2027-03-15T20:00:00+02:00"),
        "Kuhmo",
    );
    series["super_event_type"] = json!("recurring");
    series["sub_events"] = json!([{"@id": "https://api/event/kk:d1/"}, {"@id": "https://api/event/kk:d2/"}, {"@id": "https://api/event/kk:d3/"}]);
    let mut items = vec![series];
    for (i, day) in [1, 8, 15].iter().enumerate() {
        let mut d = item(
            &format!("kk:d{}", i + 1),
            json!(format!("2027-03-{day:02}T18:00:00+02:00")),
            json!(format!("2027-03-{day:02}T20:00:00+02:00")),
            "Kuhmo",
        );
        d["super_event"] = json!({"@id": "https://api/event/kk:s/"});
        items.push(d);
    }
    let (_, s) = stats(&catalogue(&[items]), year(2027), Query::default());
    assert_eq!(muni(&s, "290").events, 3);
    assert_eq!(muni(&s, "290").days, 3);
    assert_eq!(month(&s, "2027-03").events[KAINUU], 3);
}

#[test]
fn a_multi_day_event_counts_once_where_it_starts_and_its_days_apart() {
    let exhibition = item("kk:x", json!("2027-01-20"), json!("2027-03-10"), "Oulu");
    // Began before the window: counted in the window's first month, with its days inside it.
    let earlier = item(
        "kk:y",
        json!("2026-12-20T10:00:00+02:00"),
        json!("2027-01-05T16:00:00+02:00"),
        "Raahe",
    );
    let (_, s) = stats(
        &catalogue(&[vec![exhibition, earlier]]),
        year(2027),
        Query::default(),
    );
    assert_eq!(muni(&s, "564").events, 1);
    assert_eq!(muni(&s, "564").days, 12 + 28 + 10);
    assert_eq!(muni(&s, "678").days, 5);
    let (jan, feb, mar) = (
        month(&s, "2027-01"),
        month(&s, "2027-02"),
        month(&s, "2027-03"),
    );
    assert_eq!([jan.total(), feb.total(), mar.total()], [2, 0, 0]);
    assert_eq!([jan.days, feb.days, mar.days], [12 + 5, 28, 10]);
}

#[test]
fn month_boundaries_follow_helsinki_time_across_summer_time() {
    let items = vec![
        // 23:30 on 31 March in summer time is 20:30 UTC: still March in Helsinki.
        item(
            "kk:1",
            json!("2027-03-31T23:30:00+03:00"),
            Value::Null,
            "Oulu",
        ),
        // 00:30 on 1 April is 21:30 UTC on 31 March: April in Helsinki.
        item(
            "kk:2",
            json!("2027-04-01T00:30:00+03:00"),
            Value::Null,
            "Oulu",
        ),
        // Summer time ends on Sunday 31 October 2027; 00:30 on 1 November is winter time.
        item(
            "kk:3",
            json!("2027-10-31T23:30:00+02:00"),
            Value::Null,
            "Oulu",
        ),
        item("kk:4", json!("2027-10-31T22:30:00Z"), Value::Null, "Oulu"),
        // An event ending exactly at midnight does not run into the next day.
        item(
            "kk:5",
            json!("2027-05-31T20:00:00+03:00"),
            json!("2027-06-01T00:00:00+03:00"),
            "Oulu",
        ),
    ];
    let (_, s) = stats(&catalogue(&[items]), year(2027), Query::default());
    let n = |k| month(&s, k).total();
    assert_eq!(
        [n("2027-03"), n("2027-04"), n("2027-10"), n("2027-11")],
        [1, 1, 1, 1]
    );
    assert_eq!((n("2027-05"), month(&s, "2027-06").days), (1, 0));
}

#[test]
fn a_leap_day_is_a_day_of_february() {
    let items = vec![
        item("kk:1", json!("2028-02-29"), Value::Null, "Kajaani"),
        item("kk:2", json!("2028-02-28"), json!("2028-03-01"), "Kajaani"),
    ];
    let (_, s) = stats(&catalogue(&[items]), year(2028), Query::default());
    let feb = month(&s, "2028-02");
    assert_eq!((feb.total(), feb.days), (2, 1 + 2));
    assert_eq!(month(&s, "2028-03").days, 1);
    assert_eq!(muni(&s, "205").days, 4);
    assert_eq!(feb.period.days(), 29);
}

#[test]
fn undated_events_are_listed_apart_and_not_counted() {
    let mut p = item("kk:p", Value::Null, Value::Null, "Sotkamo");
    p["event_status"] = json!("EventPostponed");
    let dated = item(
        "kk:d",
        json!("2027-05-05T12:00:00+03:00"),
        Value::Null,
        "Sotkamo",
    );
    let cat = catalogue(&[vec![p, dated]]);
    let (_, s) = stats(&cat, year(2027), Query::default());
    assert_eq!(muni(&s, "765").events, 1);
    assert_eq!(s.undated.len(), 1);
    assert_eq!(cat.events[s.undated[0]].id, "kk:p");
}

#[test]
fn online_events_count_in_their_organisers_municipality_when_its_name_says_it() {
    let mut a = item(
        "kk:1",
        json!("2027-05-05T12:00:00+03:00"),
        Value::Null,
        "online",
    );
    a["provider"] = json!({"fi": "Kajaanin kaupunginkirjasto"});
    let mut b = item(
        "kk:2",
        json!("2027-05-06T12:00:00+03:00"),
        Value::Null,
        "online",
    );
    b["provider"] = json!({"fi": "Suomen verkkoluennot ry"});
    let (_, s) = stats(&catalogue(&[vec![a, b]]), year(2027), Query::default());
    let k = muni(&s, "205");
    assert_eq!((k.events, k.online), (1, 1));
    assert_eq!(s.online.events, 1);
    let may = month(&s, "2027-05");
    assert_eq!((may.events[KAINUU], may.events[ONLINE]), (1, 1));
}

#[test]
fn a_duplicate_the_catalogue_merged_counts_once() {
    let regional = item(
        "region:1",
        json!("2027-08-08T19:00:00+03:00"),
        Value::Null,
        "Kuusamo",
    );
    let mut municipal = item(
        "kuusamo:77",
        json!("2027-08-08T19:00:00+03:00"),
        Value::Null,
        "Kuusamo",
    );
    // The municipality's feed repeats the regional one under its own id.
    municipal["name"] = regional["name"].clone();
    let (_, s) = stats(
        &catalogue(&[vec![regional], vec![municipal]]),
        year(2027),
        Query::default(),
    );
    assert_eq!(muni(&s, "305").events, 1);
}

#[test]
fn free_and_family_events_are_counted_for_their_shares() {
    let mut a = item(
        "kk:1",
        json!("2027-05-05T12:00:00+03:00"),
        Value::Null,
        "Ii",
    );
    a["offers"] = json!([{"is_free": true}]);
    a["audience_max_age"] = json!(12);
    let b = item(
        "kk:2",
        json!("2027-05-06T12:00:00+03:00"),
        Value::Null,
        "Ii",
    );
    let (_, s) = stats(&catalogue(&[vec![a, b]]), year(2027), Query::default());
    let ii = muni(&s, "139");
    assert_eq!((ii.events, ii.free, ii.families), (2, 1, 1));
    let kainuu = s.subtotal(|m| m.region == Region::Kainuu);
    assert_eq!(kainuu, Tally::default());
}

#[test]
fn the_scope_names_a_whole_region_by_its_name() {
    let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    let q = |s: &str| {
        let pairs: Vec<(&str, &str)> = s.split('&').filter_map(|p| p.split_once('=')).collect();
        Query::from_pairs(pairs, today)
    };
    let fi = crate::i18n::Lang::Fi;
    assert_eq!(
        scope(&q("municipality=kainuu&category=music"), fi),
        ["Kainuu", "Musiikki"]
    );
    assert_eq!(scope(&q("municipality=oulu2026"), fi), ["Oulu2026-kunnat"]);
    assert_eq!(scope(&q("municipality=205,290"), fi), ["Kajaani", "Kuhmo"]);
    assert!(scope(&q("from=2027-01-01"), fi).is_empty());
}
