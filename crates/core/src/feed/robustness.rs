//! Property tests: whatever bytes or JSON a feed URL returns, reading it never panics, and no
//! unsafe link survives sanitising.

use proptest::prelude::*;
use serde_json::{json, Map, Value};

use super::rich_text::{self, Node};
use super::{json as feed_json, parse_feed, text};

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        ".{0,20}".prop_map(Value::String),
        // Values that look like what the parsers look for, so the search goes deep.
        prop_oneof![
            Just("2026-12-05T19:00:00+02:00"),
            Just("2026-03-29T03:30"),
            Just("2026-12-05"),
            Just("EventCancelled"),
            Just("MusicEvent"),
            Just("https://schema.org/EventPostponed"),
            Just("yso:p1808"),
            Just("ocd-division/country:fi/kunta:oulu"),
            Just("Uleåborg"),
            Just("<p>a<a href='javascript:x'>b</a></p>"),
            Just("recurring"),
            Just("64.2")
        ]
        .prop_map(|s| Value::String(s.to_owned())),
    ];
    let keys = prop_oneof![
        Just("id"),
        Just("@id"),
        Just("@type"),
        Just("name"),
        Just("start_time"),
        Just("end_time"),
        Just("startDate"),
        Just("endDate"),
        Just("location"),
        Just("position"),
        Just("coordinates"),
        Just("geo"),
        Just("latitude"),
        Just("longitude"),
        Just("address"),
        Just("divisions"),
        Just("keywords"),
        Just("offers"),
        Just("price"),
        Just("images"),
        Just("image"),
        Just("subEvent"),
        Just("sub_events"),
        Just("super_event"),
        Just("@graph"),
        Just("data"),
        Just("itemListElement"),
        Just("item"),
        Just("fi"),
        Just("description"),
        Just("event_status"),
        Just("eventStatus"),
        Just("has_start_time"),
        Just("@value"),
        Just("@language"),
        Just("x")
    ];
    leaf.prop_recursive(5, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((keys.clone(), inner), 0..8).prop_map(|kv| {
                Value::Object(
                    kv.into_iter()
                        .map(|(k, v)| (k.to_owned(), v))
                        .collect::<Map<_, _>>(),
                )
            }),
        ]
    })
}

fn hrefs(nodes: &[Node], out: &mut Vec<String>) {
    for n in nodes {
        if let Node::Element { href, children, .. } = n {
            out.extend(href.clone());
            hrefs(children, out);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = parse_feed(&bytes, "fuzz");
    }

    #[test]
    fn arbitrary_json_never_panics_in_either_format(v in arb_json()) {
        let as_linked_events = json!({"meta": {"next": null}, "data": [v.clone(), v.clone()]});
        let _ = parse_feed(as_linked_events.to_string().as_bytes(), "fuzz");
        let as_graph = json!({"@graph": [v.clone()]});
        let _ = parse_feed(as_graph.to_string().as_bytes(), "fuzz");
        let _ = parse_feed(v.to_string().as_bytes(), "fuzz");
        let _ = feed_json::when(Some(&super::Json::from(&v)));
    }

    #[test]
    fn sanitised_html_keeps_only_safe_links(s in "(<a href=\"[a-zA-Z:/&#;x0-9 \\t]{0,20}\">|</a>|<p>|</p>|<em>|<script>|</script>|[a-z <>&;#\"'=:]){0,40}") {
        let rich = rich_text::parse(&s);
        let mut links = Vec::new();
        hrefs(&rich.0, &mut links);
        for l in links {
            let lower = l.to_ascii_lowercase();
            prop_assert!(lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:"), "{}", l);
        }
        let _ = text::plain(&s);
    }
}
