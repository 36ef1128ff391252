//! Marker clustering, in the manner of supercluster: one level per integer zoom, built bottom-up
//! from the points, each level grouping the level below within a radius in screen pixels. A grid
//! with cells of the radius answers the neighbour queries, so building is O(n) per level.
//!
//! The index is built once over every point; filtering does not rebuild it. A [`Clusters`] is
//! the index seen through a subset of the points: a zoom's clusters sum their members in the
//! subset (count, centre, extent) when that zoom is first shown, so a filter change costs a
//! pass over the points instead of a new clustering, and every point is still in exactly one
//! cluster per zoom. The index stores the points in its tree's depth-first order, which makes
//! every cluster's members one run of them.

use std::sync::{Arc, OnceLock};

use super::projection::{Point, TILE_SIZE};

/// A cluster (or a single point) at one zoom level, as seen through a subset of the points.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Weighted centre of the members in the subset, projected.
    pub at: Point,
    /// Members in the subset; 0 for a cluster the subset leaves empty.
    pub count: u32,
    /// Extent of those members, projected: "zoom to this cluster" fits it.
    pub min: Point,
    pub max: Point,
    /// The group (e.g. municipality) all its members share, if they share one: lets a label
    /// say "Kajaani, 12 events" without visiting the points on every frame.
    pub group: Option<u32>,
}

impl Cluster {
    const EMPTY: Cluster = Cluster {
        at: Point { x: 0.0, y: 0.0 },
        count: 0,
        min: Point {
            x: f64::INFINITY,
            y: f64::INFINITY,
        },
        max: Point {
            x: f64::NEG_INFINITY,
            y: f64::NEG_INFINITY,
        },
        group: None,
    };

    fn point(at: Point, group: Option<u32>) -> Cluster {
        Cluster {
            at,
            count: 1,
            min: at,
            max: at,
            group,
        }
    }

    /// Adds `o` to a running sum; `at` holds the weighted sum until [`Cluster::finish`].
    fn add(&mut self, o: &Cluster) {
        if o.count == 0 {
            return;
        }
        let w = f64::from(o.count);
        self.group = if self.count == 0 || self.group == o.group {
            o.group
        } else {
            None
        };
        self.at.x += o.at.x * w;
        self.at.y += o.at.y * w;
        self.count += o.count;
        self.min = Point {
            x: self.min.x.min(o.min.x),
            y: self.min.y.min(o.min.y),
        };
        self.max = Point {
            x: self.max.x.max(o.max.x),
            y: self.max.y.max(o.max.y),
        };
    }

    fn finish(mut self) -> Cluster {
        if self.count > 0 {
            self.at.x /= f64::from(self.count);
            self.at.y /= f64::from(self.count);
        }
        self
    }
}

/// One level of the tree as it is built: node `i`'s children are
/// `children[start[i]..start[i + 1]]`, indices into the level below (or, at the bottom level,
/// into the points).
#[derive(Debug, Default)]
struct Grouping {
    start: Vec<u32>,
    children: Vec<u32>,
}

impl Grouping {
    fn children(&self, node: usize) -> &[u32] {
        &self.children[self.start[node] as usize..self.start[node + 1] as usize]
    }
}

/// One level of the index. Nodes are numbered in the tree's depth-first order, and the points
/// stored in it, so a node's children are a run of the level below and its points a run of the
/// points: node `i`'s children are `children[i]..children[i + 1]` and its points
/// `points[i]..points[i + 1]` (at the bottom level the two are the same). A node costs 8 bytes.
#[derive(Debug, Default)]
struct Level {
    children: Vec<u32>,
    points: Vec<u32>,
}

impl Level {
    fn len(&self) -> usize {
        self.points.len().saturating_sub(1)
    }

    fn points(&self, node: usize) -> std::ops::Range<usize> {
        self.points[node] as usize..self.points[node + 1] as usize
    }

    fn children(&self, node: usize) -> std::ops::Range<usize> {
        self.children[node] as usize..self.children[node + 1] as usize
    }
}

#[derive(Debug)]
pub struct ClusterIndex {
    /// `levels[z - min_zoom]` for `min_zoom..=max_zoom`; then one level above `max_zoom` where
    /// only points at the very same spot are grouped (events at one venue must not hide each
    /// other: they show as one cluster that lists them), whose children are the points.
    levels: Vec<Level>,
    /// The points and their groups in the tree's order; `order[k]` is the caller's index of
    /// `points[k]`.
    points: Vec<Point>,
    groups: Vec<Option<u32>>,
    order: Vec<u32>,
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
        let groups: Vec<Option<u32>> = (0..points.len())
            .map(|i| groups.get(i).copied().flatten())
            .collect();
        let leaves: Vec<Cluster> = points
            .iter()
            .zip(&groups)
            .map(|(p, g)| Cluster::point(*p, *g))
            .collect();
        let (same_spot, mut below) = group(&leaves, 1e-9); // about 4 cm
        let mut built = vec![same_spot];
        for z in (min_zoom..=max_zoom).rev() {
            let r = radius / (TILE_SIZE * kulttuurikartta_core::math::exp2(f64::from(z)));
            let (level, sums) = group(&below, r);
            built.push(level);
            below = sums;
        }
        built.reverse();
        // Number the nodes depth-first: level by level, each level's nodes in the order of
        // their parents, so that a parent's children are a run. Below the bottom level, that
        // order is the points'.
        let mut levels = Vec::with_capacity(built.len());
        let mut ordered: Vec<u32> =
            (0..built.first().map_or(0, |l| l.start.len() - 1) as u32).collect();
        for level in &built {
            let mut children = Vec::with_capacity(ordered.len() + 1);
            children.push(0);
            let mut next = Vec::with_capacity(level.children.len());
            for &node in &ordered {
                next.extend_from_slice(level.children(node as usize));
                children.push(next.len() as u32);
            }
            levels.push(Level {
                children,
                points: Vec::new(),
            });
            ordered = next;
        }
        let order = ordered;
        // A node's points run from its first child's first point; at the bottom, children are
        // points.
        for l in (0..levels.len()).rev() {
            let points = match levels.get(l + 1) {
                Some(below) => levels[l]
                    .children
                    .iter()
                    .map(|&c| below.points[c as usize])
                    .collect(),
                None => levels[l].children.clone(),
            };
            levels[l].points = points;
        }
        ClusterIndex {
            levels,
            points: order.iter().map(|&i| points[i as usize]).collect(),
            groups: order.iter().map(|&i| groups[i as usize]).collect(),
            order,
            min_zoom,
            max_zoom,
        }
    }

    pub fn len(&self) -> usize {
        self.points.len()
    }

    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    /// The clusters as seen through the points for which `keep(i)` holds. Costs one pass over
    /// `keep`: each zoom's clusters are summed when first asked for.
    pub fn select(self: &Arc<Self>, keep: Vec<bool>) -> Clusters {
        debug_assert_eq!(keep.len(), self.points.len());
        let kept: Vec<bool> = self.order.iter().map(|&i| keep[i as usize]).collect();
        Clusters {
            index: Arc::clone(self),
            count: kept.iter().filter(|&&k| k).count() as u32,
            levels: (0..self.levels.len()).map(|_| OnceLock::new()).collect(),
            kept,
            keep,
        }
    }

    /// The clusters of every point.
    pub fn select_all(self: &Arc<Self>) -> Clusters {
        self.select(vec![true; self.points.len()])
    }

    fn level(&self, zoom: f64) -> usize {
        let z = zoom
            .floor()
            .max(f64::from(self.min_zoom))
            .min(f64::from(self.max_zoom) + 1.0) as u8;
        usize::from(z - self.min_zoom)
    }
}

/// A [`ClusterIndex`] seen through a subset of its points (the events of the current filter).
#[derive(Debug)]
pub struct Clusters {
    index: Arc<ClusterIndex>,
    /// Whether each point is in the subset, by the caller's index and in the index's order.
    keep: Vec<bool>,
    kept: Vec<bool>,
    count: u32,
    /// Each level's nodes summed over their members in the subset, when first asked for: a
    /// filter change at 100 000 events summed every level, 7-11 ms, where the map shows one.
    levels: Vec<OnceLock<Vec<Cluster>>>,
}

impl Clusters {
    /// Points in the subset.
    pub fn count(&self) -> u32 {
        self.count
    }

    /// Whether point `i` is in the subset.
    pub fn contains(&self, i: usize) -> bool {
        self.keep.get(i).copied().unwrap_or(false)
    }

    fn sums(&self, level: usize) -> &[Cluster] {
        self.levels[level].get_or_init(|| {
            let index = &*self.index;
            let level = &index.levels[level];
            (0..level.len())
                .map(|n| {
                    let mut c = Cluster::EMPTY;
                    for k in level.points(n) {
                        if self.kept[k] {
                            c.add(&Cluster::point(index.points[k], index.groups[k]));
                        }
                    }
                    c.finish()
                })
                .collect()
        })
    }

    /// Whether node `node` of level `level` has a member in the subset.
    fn holds_any(&self, level: usize, node: usize) -> bool {
        self.kept[self.index.levels[level].points(node)].contains(&true)
    }

    /// The non-empty clusters at a zoom whose centres lie in the projected rectangle, with
    /// their ids.
    pub fn clusters_in(
        &self,
        zoom: f64,
        min: Point,
        max: Point,
    ) -> impl Iterator<Item = (usize, &Cluster)> {
        self.sums(self.index.level(zoom))
            .iter()
            .enumerate()
            .filter(move |(_, c)| {
                c.count > 0
                    && c.at.x >= min.x
                    && c.at.x <= max.x
                    && c.at.y >= min.y
                    && c.at.y <= max.y
            })
    }

    /// The indices of the subset's points inside a cluster, ascending.
    pub fn leaves(&self, zoom: f64, id: usize) -> Vec<u32> {
        let range = self.index.levels[self.index.level(zoom)].points(id);
        let inside = || {
            self.index.order[range.clone()]
                .iter()
                .zip(&self.kept[range.clone()])
                .filter(|(_, &k)| k)
                .map(|(&i, _)| i)
        };
        let mut leaves = inside();
        match (leaves.next(), leaves.next()) {
            // A single marker asks on every frame: one leaf needs no ordering.
            (first, None) => first.into_iter().collect(),
            // A click on a cluster: put in order by marking every point, which links no sort
            // (the standard one is 3 kB of wasm per item type) and is one pass over the points.
            _ => {
                let mut marked = vec![false; self.index.order.len()];
                for i in inside() {
                    marked[i as usize] = true;
                }
                (0..)
                    .zip(marked)
                    .filter(|&(_, m)| m)
                    .map(|(i, _)| i)
                    .collect()
            }
        }
    }

    /// The smallest zoom at which a cluster breaks apart (for "activating a cluster zooms in");
    /// `None` when its points never separate (same venue) and a list is the answer.
    pub fn expansion_zoom(&self, zoom: f64, id: usize) -> Option<u8> {
        let levels = &self.index.levels;
        let (mut level, mut id) = (self.index.level(zoom), id);
        let c = &self.sums(level)[id];
        if c.count > 1 && c.min == c.max {
            return None; // all at one spot
        }
        while level + 1 < levels.len() {
            let mut members = levels[level]
                .children(id)
                .filter(|&ch| self.holds_any(level + 1, ch));
            let first = members.next()?;
            if members.next().is_some() {
                return Some(self.index.min_zoom + level as u8 + 1);
            }
            level += 1;
            id = first;
        }
        None
    }
}

/// One greedy pass: each unclaimed cluster takes its unclaimed neighbours within `r`. Returns
/// the new level and its clusters (over all points: the tree's shape does not depend on a
/// filter).
fn group(below: &[Cluster], r: f64) -> (Grouping, Vec<Cluster>) {
    use std::collections::HashMap;
    let cell = |p: Point| ((p.x / r).floor() as i64, (p.y / r).floor() as i64);
    let mut grid: HashMap<(i64, i64), Vec<u32>> = HashMap::with_capacity(below.len());
    for (i, c) in below.iter().enumerate() {
        grid.entry(cell(c.at)).or_default().push(i as u32);
    }
    let mut claimed = vec![false; below.len()];
    let mut level = Grouping {
        start: vec![0],
        children: Vec::with_capacity(below.len()),
    };
    let mut sums = Vec::new();
    let r2 = r * r;
    for (i, c) in below.iter().enumerate() {
        if claimed[i] {
            continue;
        }
        claimed[i] = true;
        let mut sum = Cluster::EMPTY;
        sum.add(c);
        level.children.push(i as u32);
        let (cx, cy) = cell(c.at);
        for gx in cx - 1..=cx + 1 {
            for gy in cy - 1..=cy + 1 {
                for &j in grid.get(&(gx, gy)).into_iter().flatten() {
                    let o = &below[j as usize];
                    let (dx, dy) = (o.at.x - c.at.x, o.at.y - c.at.y);
                    if !claimed[j as usize] && dx * dx + dy * dy <= r2 {
                        claimed[j as usize] = true;
                        level.children.push(j);
                        sum.add(o);
                    }
                }
            }
        }
        level.start.push(level.children.len() as u32);
        sums.push(sum.finish());
    }
    (level, sums)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::projection::project;
    use kulttuurikartta_core::region::MUNICIPALITIES;

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
        let idx = Arc::new(ClusterIndex::new(&pts, &[], 40.0, 3, 16)).select_all();
        let all = (Point { x: 0.0, y: 0.0 }, Point { x: 1.0, y: 1.0 });
        for z in 3..=17 {
            let mut seen: Vec<u32> = Vec::new();
            let mut total = 0;
            for (id, c) in idx.clusters_in(f64::from(z), all.0, all.1) {
                let leaves = idx.leaves(f64::from(z), id);
                assert_eq!(leaves.len() as u32, c.count);
                // A cluster's card lists its events in this order.
                assert!(leaves.windows(2).all(|w| w[0] < w[1]), "z{z}: {leaves:?}");
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
        let idx = Arc::new(ClusterIndex::new(&pts, &[], 40.0, 3, 16)).select_all();
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
        let idx = Arc::new(ClusterIndex::new(&same, &[], 40.0, 3, 16)).select_all();
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
        let idx = Arc::new(ClusterIndex::new(&pts, &groups, 40.0, 3, 16)).select_all();
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
        let idx = Arc::new(ClusterIndex::new(&[], &[], 40.0, 3, 16)).select_all();
        assert_eq!(
            idx.clusters_in(8.0, Point { x: 0.0, y: 0.0 }, Point { x: 1.0, y: 1.0 })
                .count(),
            0
        );
    }

    #[test]
    fn a_subset_keeps_every_kept_point_in_exactly_one_cluster_and_nothing_else() {
        let pts = points();
        let idx = Arc::new(ClusterIndex::new(&pts, &[], 40.0, 3, 16));
        let keep: Vec<bool> = (0..pts.len()).map(|i| i % 3 != 0).collect();
        let kept: Vec<u32> = (0..pts.len() as u32)
            .filter(|&i| keep[i as usize])
            .collect();
        let sub = idx.select(keep);
        assert_eq!(sub.count() as usize, kept.len());
        let all = (Point { x: 0.0, y: 0.0 }, Point { x: 1.0, y: 1.0 });
        for z in 3..=17 {
            let z = f64::from(z);
            let mut seen: Vec<u32> = Vec::new();
            for (id, c) in sub.clusters_in(z, all.0, all.1) {
                let leaves = sub.leaves(z, id);
                assert_eq!(leaves.len() as u32, c.count, "z{z}");
                // The centre and extent are those of the kept members only.
                let n = f64::from(c.count);
                let cx = leaves.iter().map(|&i| pts[i as usize].x).sum::<f64>() / n;
                assert!((c.at.x - cx).abs() < 1e-12, "z{z}");
                for &i in &leaves {
                    let p = pts[i as usize];
                    assert!(c.min.x <= p.x && p.x <= c.max.x && c.min.y <= p.y && p.y <= c.max.y);
                }
                if c.count == 1 {
                    assert_eq!(
                        c.at, pts[leaves[0] as usize],
                        "a single marker sits on its point"
                    );
                }
                seen.extend(leaves);
            }
            seen.sort_unstable();
            assert_eq!(seen, kept, "z{z}");
        }
    }

    #[test]
    fn in_a_subset_expansion_zoom_is_where_the_kept_members_separate() {
        let pts = points();
        let idx = Arc::new(ClusterIndex::new(&pts, &[], 40.0, 3, 16));
        let sub = idx.select((0..pts.len()).map(|i| i % 2 == 0).collect());
        let all = (Point { x: 0.0, y: 0.0 }, Point { x: 1.0, y: 1.0 });
        let mut checked = 0;
        for (id, c) in sub
            .clusters_in(5.0, all.0, all.1)
            .filter(|(_, c)| c.count > 1)
        {
            let members = sub.leaves(5.0, id);
            match sub.expansion_zoom(5.0, id) {
                Some(z) => {
                    let z = f64::from(z);
                    // At that zoom its members are in more than one cluster, one zoom out in one.
                    let holding = |z: f64| {
                        sub.clusters_in(z, all.0, all.1)
                            .filter(|(i, _)| sub.leaves(z, *i).iter().any(|m| members.contains(m)))
                            .count()
                    };
                    assert!(holding(z) > 1, "{c:?}");
                    assert_eq!(holding(z - 1.0), 1, "{c:?}");
                    checked += 1;
                }
                None => assert_eq!(c.min, c.max, "only points at one spot never separate"),
            }
        }
        assert!(checked > 0);
        // Two events at one venue and one elsewhere: without the one elsewhere, the cluster is
        // the venue's and the answer is a list.
        let pts = [
            project(64.2, 27.7),
            project(64.2, 27.7),
            project(64.21, 27.71),
        ];
        let idx = Arc::new(ClusterIndex::new(&pts, &[], 40.0, 3, 16));
        let sub = idx.select(vec![true, true, false]);
        let (id, c) = sub.clusters_in(8.0, all.0, all.1).next().unwrap();
        assert_eq!((c.count, sub.expansion_zoom(8.0, id)), (2, None));
        assert!(idx.select_all().expansion_zoom(8.0, 0).is_some());
    }

    #[test]
    fn an_empty_subset_shows_nothing() {
        let pts = points();
        let idx = Arc::new(ClusterIndex::new(&pts, &[], 40.0, 3, 16));
        let sub = idx.select(vec![false; pts.len()]);
        let all = (Point { x: 0.0, y: 0.0 }, Point { x: 1.0, y: 1.0 });
        assert_eq!(sub.clusters_in(6.0, all.0, all.1).count(), 0);
        assert_eq!(sub.count(), 0);
    }
}
