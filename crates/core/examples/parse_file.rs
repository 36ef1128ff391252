//! Parses a feed file repeatedly (for profiling with perf or callgrind).
//!
//!     cargo run --release --example parse_file -- tests/artifacts/bench/feed-10000.json 20
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a feed file");
    let runs: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10);
    let bytes = std::fs::read(&path).expect("readable file");
    for _ in 0..runs {
        let t = std::time::Instant::now();
        let page = kulttuurikartta_core::feed::parse_feed(&bytes, "file").expect("a feed");
        println!(
            "{} events, {} problems, {:.1} ms",
            page.events.len(),
            page.problems.len(),
            t.elapsed().as_secs_f64() * 1e3
        );
    }
}
