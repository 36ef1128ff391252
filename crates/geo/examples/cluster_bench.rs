//! Prints what a filter change costs the map's clusters (figures, no assertions): an index over
//! N points spread around the 38 municipality centres as `../shared/peer/gen_feed.py` spreads
//! its events (nearly every event at a spot of its own, the hardest case for the index), then a
//! subset of about one in twenty (a month of an 18-month feed) selected and summed at one zoom,
//! as the map draws it, and at every zoom, as zooming through them would.
//!
//!   cargo run --release -p kulttuurikartta-geo --example cluster_bench   # N="1000 10000 100000"
use std::hint::black_box;
use std::sync::Arc;
use std::time::Instant;

use kulttuurikartta_core::region::MUNICIPALITIES;
use kulttuurikartta_geo::cluster::ClusterIndex;
use kulttuurikartta_geo::projection::{project, Point};

/// The app's map (`components::map::shared`): clusters within 44 px, zooms 4 to 16.
const RADIUS: f64 = 44.0;
const MIN_ZOOM: u8 = 4;
const MAX_ZOOM: u8 = 16;

fn main() {
    let sizes = std::env::var("N").unwrap_or_else(|_| "1000 10000 100000".to_owned());
    println!(
        "{:>8} {:>10} {:>16} {:>16}",
        "points", "build ms", "subset, 1 zoom", "subset, all zooms"
    );
    for n in sizes
        .split_whitespace()
        .map(|s| s.parse::<usize>().expect("N: numbers"))
    {
        let mut x: u64 = 1;
        let mut next = || {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 11) as f64 / (1u64 << 53) as f64
        };
        let points: Vec<Point> = (0..n)
            .map(|_| {
                let m = &MUNICIPALITIES[(next() * MUNICIPALITIES.len() as f64) as usize];
                // About the spread of gen_feed.py's gauss(0, 0.015) and gauss(0, 0.03).
                project(m.lat + (next() - 0.5) * 0.05, m.lon + (next() - 0.5) * 0.1)
            })
            .collect();
        let t = Instant::now();
        let index = Arc::new(ClusterIndex::new(&points, &[], RADIUS, MIN_ZOOM, MAX_ZOOM));
        let build = t.elapsed().as_secs_f64() * 1e3;
        let keep: Vec<bool> = (0..n).map(|_| next() < 0.05).collect();
        let all = (Point { x: 0.0, y: 0.0 }, Point { x: 1.0, y: 1.0 });
        let rounds = (2_000_000 / n).clamp(3, 200);
        let time = |zooms: &[u8]| {
            let t = Instant::now();
            for _ in 0..rounds {
                let c = index.select(keep.clone());
                for &z in zooms {
                    black_box(c.clusters_in(f64::from(z), all.0, all.1).count());
                }
            }
            t.elapsed().as_secs_f64() * 1e3 / rounds as f64
        };
        let one = time(&[8]);
        let every: Vec<u8> = (MIN_ZOOM..=MAX_ZOOM + 1).collect();
        let all_zooms = time(&every);
        println!("{n:>8} {build:>10.1} {one:>13.3} ms {all_zooms:>14.3} ms");
    }
}
