//! The `check` command as a publisher runs it: files in, findings and an exit status out.

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn check(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kulttuurikartta-harvest"))
        .arg("check")
        .args(args)
        .current_dir(root())
        .output()
        .expect("the command runs");
    (
        out.status.code().expect("an exit code"),
        String::from_utf8(out.stdout).unwrap(),
    )
}

fn write(name: &str, body: &str) -> String {
    let dir = std::env::temp_dir().join(format!("kk-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, body).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn the_bundled_samples_have_warnings_but_no_errors() {
    let (status, out) = check(&["public/sample-feed.json", "public/sample-feed-jsonld.json"]);
    assert_eq!(status, 0, "{out}");
    assert!(
        out.contains("public/sample-feed.json: 483 events read, 0 errors"),
        "{out}"
    );
    assert!(out.contains("public/sample-feed-jsonld.json: "), "{out}");
    assert!(
        out.contains("warning"),
        "the samples lack images, so there are warnings: {out}"
    );
}

#[test]
fn an_event_with_an_error_makes_the_status_1_and_is_located() {
    let feed = write(
        "bad.json",
        r#"{"data":[
            {"id":"ok","name":{"fi":"Hyvä"},"start_time":"2027-01-10T18:00:00+02:00","location":{"name":{"fi":"Kajaanin teatteri"},"address_locality":{"fi":"Kajaani"}}},
            {"id":"bad","name":{"fi":"Huono"},"start_time":"ensi tiistaina","location":{"name":{"fi":"Kajaani"}}}]}"#,
    );
    let (status, out) = check(&[&feed]);
    assert_eq!(status, 1, "{out}");
    assert!(out.contains("1 events read, 1 errors"), "{out}");
    assert!(out.contains("error   data[1].start_time (id bad)"), "{out}");
}

#[test]
fn an_unreadable_or_unknown_document_makes_the_status_2_and_the_others_are_still_checked() {
    let not_json = write("portal.html", "<!doctype html><title>Kirjaudu</title>");
    let unknown = write("unknown.json", r#"{"events": []}"#);
    let (status, out) = check(&[
        &not_json,
        "public/sample-feed.json",
        &unknown,
        "no-such-file.json",
    ]);
    assert_eq!(status, 2, "{out}");
    assert!(
        out.contains("portal.html: unreadable: an HTML page without schema.org events in JSON-LD"),
        "{out}"
    );
    assert!(
        out.contains("unknown.json: unreadable: the feed is JSON (an object) but neither"),
        "{out}"
    );
    assert!(
        out.contains("no-such-file.json: unreadable: cannot read the file"),
        "{out}"
    );
    assert!(
        out.contains("public/sample-feed.json: 483 events read"),
        "{out}"
    );
}

#[test]
fn a_url_is_fetched_and_an_http_error_is_unreadable() {
    use std::io::{Read, Write};
    use std::net::TcpListener;
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = std::thread::spawn(move || {
        let feed = r#"{"data":[{"id":"u","name":{"fi":"Verkosta"},"start_time":"2027-01-10T18:00:00+02:00","location":{"name":{"fi":"Kajaani"}}}]}"#;
        // The first request gets the feed; the second and its two retries get 500.
        for (i, stream) in listener.incoming().take(4).enumerate() {
            let mut stream = stream.unwrap();
            let mut buf = [0u8; 4096];
            let n = stream.read(&mut buf).unwrap();
            let request = String::from_utf8_lossy(&buf[..n]).to_string();
            assert!(
                request.contains("kulttuurikartta-harvest/"),
                "a User-Agent that names us: {request}"
            );
            let reply = if i == 0 {
                format!("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{feed}", feed.len())
            } else {
                "HTTP/1.1 500 Internal Server Error\r\ncontent-length: 0\r\nconnection: close\r\n\r\n".to_owned()
            };
            stream.write_all(reply.as_bytes()).unwrap();
        }
    });
    let url = format!("http://127.0.0.1:{port}/feed.json");
    let (status, out) = check(&[&url, &url]);
    server.join().unwrap();
    assert_eq!(status, 2, "{out}");
    assert!(
        out.contains(&format!("{url}: 1 events read, 0 errors")),
        "{out}"
    );
    assert!(
        out.contains(&format!("{url}: unreadable: the server answered HTTP 500")),
        "{out}"
    );
}

#[test]
fn an_event_page_with_json_ld_blocks_is_checked_like_a_feed() {
    let page = write(
        "event.html",
        r#"<!DOCTYPE html><html><head>
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"WebSite","name":"Kunta"}</script>
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"TheaterEvent","@id":"https://kunta.example/e/7","name":"Seitsemän veljestä","startDate":"2027-01-15T18:30:00+02:00","location":{"@type":"Place","name":"Kajaanin kaupunginteatteri","address":{"@type":"PostalAddress","addressLocality":"Kajaani"}}}</script>
        </head><body></body></html>"#,
    );
    let (status, out) = check(&[&page]);
    assert_eq!(status, 0, "{out}");
    assert!(out.contains("event.html: 1 events read, 0 errors"), "{out}");
}
