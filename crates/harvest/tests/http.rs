//! The harvester against real HTTP on loopback, run twice as the schedule would: a source that
//! starts failing keeps its last good events, an unchanged source is answered 304, a source
//! that never answers is given up, and a next page on another site is not followed.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use common::{harvest_ok, ids, report, source};

/// Which run of the harvester the server is answering (1, 2…), set by the test.
type Run = Arc<Mutex<u32>>;
/// Every request: its path and lowercased head.
type Log = Arc<Mutex<Vec<String>>>;

/// A loopback server: `answer(run, path, request head)` gives the response (None: never answer).
fn serve(
    answer: impl Fn(u32, &str, &str) -> Option<String> + Send + Sync + 'static,
) -> (String, Run, Log) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let run = Arc::new(Mutex::new(1));
    let log = Arc::new(Mutex::new(Vec::new()));
    let (r, l) = (run.clone(), log.clone());
    let answer = Arc::new(answer);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let (r, l, answer) = (r.clone(), l.clone(), answer.clone());
            std::thread::spawn(move || {
                let mut head = String::new();
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                        break;
                    }
                    head.push_str(&line);
                }
                let path = head.split_whitespace().nth(1).unwrap_or("").to_owned();
                l.lock()
                    .unwrap()
                    .push(format!("{path} {}", head.to_lowercase()));
                let run = *r.lock().unwrap();
                match answer(run, &path, &head.to_lowercase()) {
                    Some(resp) => {
                        let _ = stream.write_all(resp.as_bytes());
                    }
                    None => std::thread::sleep(std::time::Duration::from_secs(30)),
                }
            });
        }
    });
    (base, run, log)
}

fn ok(body: &str, extra: &str) -> String {
    format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n{extra}\r\n{body}",
        body.len()
    )
}

fn feed(ids: &[&str], next: Option<&str>) -> String {
    let events: Vec<String> = ids
        .iter()
        .map(|id| format!(r#"{{"id":"{id}","name":{{"fi":"{id}"}},"start_time":"2027-01-10T18:00:00+02:00","location":{{"name":{{"fi":"Kajaani"}}}}}}"#))
        .collect();
    let next = next.map(|n| format!("\"{n}\"")).unwrap_or("null".into());
    format!(
        r#"{{"meta":{{"next":{next}}},"data":[{}]}}"#,
        events.join(",")
    )
}

#[test]
fn two_runs_over_http_keep_what_failed_and_revalidate_what_did_not_change() {
    let (elsewhere, _, elsewhere_log) = serve(|_, _, _| Some(ok(&feed(&["evil:1"], None), "")));
    let evil_next = format!("{elsewhere}/evil.json");
    let (base, run, log) = serve(move |run, path, head| match path {
        "/same.json" if head.contains("if-none-match: \"v1\"") => {
            Some("HTTP/1.1 304 Not Modified\r\netag: \"v1\"\r\nconnection: close\r\n\r\n".into())
        }
        "/same.json" => Some(ok(&feed(&["same:1", "same:2"], None), "etag: \"v1\"\r\n")),
        "/flaky.json" if run == 1 => Some(ok(&feed(&["flaky:1", "flaky:2", "flaky:3"], None), "")),
        "/flaky.json" => Some(
            "HTTP/1.1 500 Internal Server Error\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
                .into(),
        ),
        "/hang.json" => None,
        "/paged.json" => Some(ok(&feed(&["paged:1"], Some(&evil_next)), "")),
        _ => {
            Some("HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\nconnection: close\r\n\r\n".into())
        }
    });
    let dir = std::env::temp_dir().join(format!("kk-http-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let toml = dir.join("harvest.toml");
    std::fs::write(
        &toml,
        format!(
            "contact = \"kulttuuri@example.fi\"\nout = \"out\"\ntimeout_secs = 1\n\
             [[source]]\nname = \"same\"\nurl = \"{base}/same.json\"\n\
             [[source]]\nname = \"flaky\"\nurl = \"{base}/flaky.json\"\n\
             [[source]]\nname = \"hang\"\nurl = \"{base}/hang.json\"\n\
             [[source]]\nname = \"paged\"\nurl = \"{base}/paged.json\"\n"
        ),
    )
    .unwrap();
    let out = dir.join("out");
    let harvest = || {
        harvest_ok(&[std::ffi::OsStr::new("run"), toml.as_os_str()]);
        (report(&out), ids(&out))
    };

    let (report, ids) = harvest();
    assert_eq!(
        ids,
        ["flaky:1", "flaky:2", "flaky:3", "paged:1", "same:1", "same:2"]
    );
    assert_eq!(source(&report, "same")["http_status"], 200);
    assert_eq!(
        source(&report, "hang")["error"],
        "no complete answer in 1 s"
    );
    assert!(log
        .lock()
        .unwrap()
        .iter()
        .any(|l| l.contains("user-agent: kulttuurikartta-harvest/")
            && l.contains("mailto:kulttuuri@example.fi")));
    assert_eq!(
        elsewhere_log.lock().unwrap().len(),
        0,
        "the next page on another site was not requested"
    );

    *run.lock().unwrap() = 2;
    let (report, ids) = harvest();
    assert_eq!(
        ids,
        ["flaky:1", "flaky:2", "flaky:3", "paged:1", "same:1", "same:2"],
        "nothing lost"
    );
    assert_eq!(source(&report, "same")["http_status"], 304);
    assert_eq!(source(&report, "same")["not_modified"], true);
    assert_eq!(source(&report, "flaky")["used_last_good"], true);
    assert_eq!(
        source(&report, "flaky")["error"],
        "the server answered HTTP 500"
    );
    let flaky_requests = log
        .lock()
        .unwrap()
        .iter()
        .filter(|l| l.starts_with("/flaky.json"))
        .count();
    assert_eq!(
        flaky_requests,
        1 + 3,
        "run 2 tried three times (two retries) before giving up"
    );
}
