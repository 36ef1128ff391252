//! What the map's layers share: zoom limits, the cluster radius and `MapState`, the signals
//! every layer reads.

use std::sync::Arc;

use leptos::prelude::*;

use kulttuurikartta_explore::i18n::Lang;
use kulttuurikartta_explore::map_points::MapPoint;
use kulttuurikartta_geo::cluster::Clusters;
use kulttuurikartta_geo::viewport::Viewport;

pub(super) const MIN_ZOOM: f64 = 4.0;
pub(super) const MAX_ZOOM: f64 = 18.0;
/// Cluster radius in CSS pixels: markers closer than this merge.
pub(super) const CLUSTER_RADIUS: f64 = 44.0;

/// What the map's layers share. Copy, so each part takes it whole.
#[derive(Clone, Copy)]
pub(super) struct MapState {
    pub(super) lang: Memo<Lang>,
    /// `None` until the element has a size.
    pub(super) view: RwSignal<Option<Viewport>>,
    pub(super) points: StoredValue<Arc<Vec<MapPoint>>>,
    /// The points the filters show, clustered for every zoom.
    pub(super) clusters: Memo<Arc<Clusters>>,
    /// The points whose card is open (one marker, or a venue's worth).
    pub(super) card: RwSignal<Option<Vec<usize>>>,
    /// The marker or cluster that is the map's one tab stop (see `markers`).
    pub(super) roving: StoredValue<Option<String>>,
    pub(super) selection: RwSignal<Option<String>>,
    pub(super) root: NodeRef<leptos::html::Div>,
}

impl MapState {
    /// Changes the view, keeping the zoom within limits.
    pub(super) fn change(&self, f: &dyn Fn(&mut Viewport)) {
        self.view.update(|v| {
            if let Some(v) = v {
                f(v);
                v.zoom = v.zoom.max(MIN_ZOOM).min(MAX_ZOOM);
            }
        })
    }

    /// Zooms by `dz` levels around a point of the map (its centre when `None`).
    pub(super) fn zoom_by(&self, dz: f64, anchor: Option<(f64, f64)>) {
        self.change(&|v: &mut Viewport| {
            let (x, y) = anchor.unwrap_or((v.width / 2.0, v.height / 2.0));
            v.zoom_around((v.zoom + dz).max(MIN_ZOOM).min(MAX_ZOOM), x, y);
        })
    }
}
