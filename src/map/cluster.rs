//! Marker clustering, in the manner of supercluster: one level per integer zoom, built bottom-up
//! from the points, each level grouping the level below within a radius in screen pixels. A grid
//! with cells of the radius answers the neighbour queries, so building is O(n) per level.

use super::projection::{Point, TILE_SIZE};

/// A cluster (or a single point) at one zoom level.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Weighted centre, projected.
    pub at: Point,
    pub count: u32,
    /// Extent of the points inside, projected: "zoom to this cluster" fits it.
    pub min: Point,
    pub max: Point,
    /// The group (e.g. municipality) all points inside share, if they share one: lets a label
    /// say "Kajaani, 12 events" without visiting the points on every frame.
    pub group: Option<u32>,
    /// Indices into the level below (or, at the bottom level, into the input points).
    children: Vec<u32>,
}

#[derive(Debug)]
pub struct ClusterIndex {
    /// `levels[z - min_zoom]`; then one level above `max_zoom` where only points at the very same
    /// spot are grouped (events at one venue must not hide each other: they show as one
    /// cluster that lists them); the last level holds the points themselves.
    levels: Vec<Vec<Cluster>>,
    min_zoom: u8,
    max_zoom: u8,
}

impl ClusterIndex {
    /// Clusters `points` (projected) for zooms `min_zoom..=max_zoom`; above `max_zoom` every
    /// point stands alone, except those at the same spot. `radius` is in CSS pixels. `groups`
    /// gives each point an optional group (or is empty).
    pub fn new(
        points: &[Point],
        groups: &[Option<u32>],
        radius: f64,
        min_zoom: u8,
        max_zoom: u8,
    ) -> ClusterIndex {
        let leaves: Vec<Cluster> = points
            .iter()
            .enumerate()
            .map(|(i, p)| Cluster {
                at: *p,
                count: 1,
                min: *p,
                max: *p,
                group: groups.get(i).copied().flatten(),
                children: vec![i as u32],
            })
            .collect();
        let same_spot = group(&leaves, 1e-9); // about 4 cm
        let mut levels = vec![leaves, same_spot];
        for z in (min_zoom..=max_zoom).rev() {
            let below = levels.last().expect("at least the leaves");
            let r = radius / (TILE_SIZE * f64::from(z).exp2());
            levels.push(group(below, r));
        }
        levels.reverse();
        ClusterIndex {
            levels,
            min_zoom,
            max_zoom,
        }
    }

    fn level(&self, zoom: f64) -> usize {
        let z = zoom
            .floor()
            .clamp(f64::from(self.min_zoom), f64::from(self.max_zoom) + 1.0) as u8;
        usize::from(z - self.min_zoom)
    }

    /// The clusters at a zoom whose centres lie in the projected rectangle, with their ids.
    pub fn clusters_in(
        &self,
        zoom: f64,
        min: Point,
        max: Point,
    ) -> impl Iterator<Item = (usize, &Cluster)> {
        self.levels[self.level(zoom)]
            .iter()
            .enumerate()
            .filter(move |(_, c)| {
                c.at.x >= min.x && c.at.x <= max.x && c.at.y >= min.y && c.at.y <= max.y
            })
    }

    /// The input point indices inside a cluster.
    pub fn leaves(&self, zoom: f64, id: usize) -> Vec<u32> {
        let mut out = Vec::new();
        let mut stack = vec![(self.level(zoom), id)];
        while let Some((level, id)) = stack.pop() {
            let c = &self.levels[level][id];
            if level + 1 == self.levels.len() {
                out.extend(&c.children);
            } else {
                stack.extend(c.children.iter().map(|&ch| (level + 1, ch as usize)));
            }
        }
        out.sort_unstable();
        out
    }

    /// The smallest zoom at which a cluster breaks apart (for "activating a cluster zooms in");
    /// `None` when its points never separate (same venue) and a list is the answer.
    pub fn expansion_zoom(&self, zoom: f64, id: usize) -> Option<u8> {
        let (mut level, mut id) = (self.level(zoom), id);
        let c = &self.levels[level][id];
        if c.count > 1 && c.min == c.max {
            return None; // all at one spot
        }
        loop {
            let c = &self.levels[level][id];
            if level + 1 == self.levels.len() {
                return None;
            }
            if c.children.len() > 1 {
                return Some(self.min_zoom + level as u8 + 1);
            }
            level += 1;
            id = c.children[0] as usize;
        }
    }
}

/// One greedy pass: each unclaimed cluster takes its unclaimed neighbours within `r`.
fn group(below: &[Cluster], r: f64) -> Vec<Cluster> {
    use std::collections::HashMap;
    let cell = |p: Point| ((p.x / r).floor() as i64, (p.y / r).floor() as i64);
    let mut grid: HashMap<(i64, i64), Vec<u32>> = HashMap::with_capacity(below.len());
    for (i, c) in below.iter().enumerate() {
        grid.entry(cell(c.at)).or_default().push(i as u32);
    }
    let mut claimed = vec![false; below.len()];
    let mut out = Vec::new();
    let r2 = r * r;
    for (i, c) in below.iter().enumerate() {
        if claimed[i] {
            continue;
        }
        claimed[i] = true;
        let mut children = vec![i as u32];
        let (cx, cy) = cell(c.at);
        for gx in cx - 1..=cx + 1 {
            for gy in cy - 1..=cy + 1 {
                for &j in grid.get(&(gx, gy)).into_iter().flatten() {
                    let o = &below[j as usize];
                    let (dx, dy) = (o.at.x - c.at.x, o.at.y - c.at.y);
                    if !claimed[j as usize] && dx * dx + dy * dy <= r2 {
                        claimed[j as usize] = true;
                        children.push(j);
                    }
                }
            }
        }
        let mut merged = Cluster {
            at: Point { x: 0.0, y: 0.0 },
            count: 0,
            min: c.min,
            max: c.max,
            group: c.group,
            children,
        };
        for &ch in &merged.children {
            let o = &below[ch as usize];
            let w = f64::from(o.count);
            merged.at.x += o.at.x * w;
            merged.at.y += o.at.y * w;
            merged.count += o.count;
            merged.min = Point {
                x: merged.min.x.min(o.min.x),
                y: merged.min.y.min(o.min.y),
            };
            merged.max = Point {
                x: merged.max.x.max(o.max.x),
                y: merged.max.y.max(o.max.y),
            };
            if merged.group != o.group {
                merged.group = None;
            }
        }
        merged.at.x /= f64::from(merged.count);
        merged.at.y /= f64::from(merged.count);
        out.push(merged);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::projection::project;
    use crate::region::MUNICIPALITIES;

    /// Points around every municipality centre, some stacked on one venue.
    fn points() -> Vec<Point> {
        let mut pts = Vec::new();
        for (i, m) in MUNICIPALITIES.iter().enumerate() {
            for k in 0..(5 + i % 7) {
                let d = k as f64 * 0.002;
                pts.push(project(m.lat + d, m.lon - d));
            }
            pts.push(project(m.lat, m.lon)); // a second event at the same venue
        }
        pts
    }

    #[test]
    fn every_point_is_in_exactly_one_cluster_at_every_zoom() {
        let pts = points();
        let idx = ClusterIndex::new(&pts, &[], 40.0, 3, 16);
        let all = (Point { x: 0.0, y: 0.0 }, Point { x: 1.0, y: 1.0 });
        for z in 3..=17 {
            let mut seen: Vec<u32> = Vec::new();
            let mut total = 0;
            for (id, c) in idx.clusters_in(f64::from(z), all.0, all.1) {
                let leaves = idx.leaves(f64::from(z), id);
                assert_eq!(leaves.len() as u32, c.count);
                total += c.count;
                seen.extend(leaves);
            }
            seen.sort_unstable();
            assert_eq!(seen, (0..pts.len() as u32).collect::<Vec<_>>(), "z{z}");
            assert_eq!(total as usize, pts.len());
        }
    }

    #[test]
    fn clusters_shrink_as_you_zoom_in_and_expansion_zoom_splits_them() {
        let pts = points();
        let idx = ClusterIndex::new(&pts, &[], 40.0, 3, 16);
        let all = (Point { x: 0.0, y: 0.0 }, Point { x: 1.0, y: 1.0 });
        let count = |z: f64| idx.clusters_in(z, all.0, all.1).count();
        assert!(count(5.0) < count(9.0) && count(9.0) < count(17.0));
        let mut distinct = pts.clone();
        distinct.sort_by(|a, b| a.x.total_cmp(&b.x).then(a.y.total_cmp(&b.y)));
        distinct.dedup();
        assert!(
            distinct.len() < pts.len(),
            "the fixture has events at one venue"
        );
        assert_eq!(
            count(17.0),
            distinct.len(),
            "above max zoom, every spot alone"
        );
        let (id, c) = idx
            .clusters_in(5.0, all.0, all.1)
            .find(|(_, c)| c.count > 1)
            .unwrap();
        let ez = idx.expansion_zoom(5.0, id).unwrap();
        assert!(ez > 5);
        assert!(c.min.x <= c.at.x && c.at.x <= c.max.x);
        // Two events at one venue never separate: the answer is a list, not a zoom.
        let same = [project(64.2, 27.7), project(64.2, 27.7)];
        let idx = ClusterIndex::new(&same, &[], 40.0, 3, 16);
        let (id, _) = idx.clusters_in(10.0, all.0, all.1).next().unwrap();
        assert_eq!(idx.expansion_zoom(10.0, id), None);
    }

    #[test]
    fn a_cluster_knows_the_group_its_points_share() {
        let pts = [
            project(64.22, 27.72),
            project(64.23, 27.73),
            project(64.13, 29.52),
        ];
        let groups = [Some(205), Some(205), Some(290)];
        let idx = ClusterIndex::new(&pts, &groups, 40.0, 3, 16);
        let all = (Point { x: 0.0, y: 0.0 }, Point { x: 1.0, y: 1.0 });
        let at = |z: f64| {
            idx.clusters_in(z, all.0, all.1)
                .map(|(_, c)| (c.count, c.group))
                .collect::<Vec<_>>()
        };
        assert!(at(10.0).contains(&(2, Some(205))), "{:?}", at(10.0));
        assert!(at(3.0).contains(&(3, None)), "{:?}", at(3.0));
    }

    #[test]
    fn an_empty_set_is_fine() {
        let idx = ClusterIndex::new(&[], &[], 40.0, 3, 16);
        assert_eq!(
            idx.clusters_in(8.0, Point { x: 0.0, y: 0.0 }, Point { x: 1.0, y: 1.0 })
                .count(),
            0
        );
    }
}
