//! The list of events: the accessible twin of the map. Its rows are written as HTML by
//! `kulttuurikartta_explore::event_row` (see there why); this is the part that needs the app:
//! the deployment's prefix and whether links open in a new tab.

use crate::state::BasePath;
use kulttuurikartta_core::feed::catalogue::ListEntry;
use kulttuurikartta_explore::event_row::{rows_html, RowContext};
use kulttuurikartta_explore::i18n::Lang;

/// The `<li>` rows of `entries` as HTML, for an `<ol>`'s or `<ul>`'s `inner_html`.
/// `selected` is the selected event's id.
pub fn event_rows(
    entries: &[ListEntry],
    lang: Lang,
    base: &BasePath,
    selected: Option<&str>,
) -> String {
    let cx = RowContext {
        lang,
        base: &base.0,
        // From an embed, the event opens in the full app in a new tab.
        new_tab: crate::state::links_to_new_tab(),
    };
    rows_html(entries, &cx, selected)
}
