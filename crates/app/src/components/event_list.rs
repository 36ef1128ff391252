//! The list of events: the accessible twin of the map. Its rows are written as HTML by
//! `kulttuurikartta_explore::event_row` (see there why); this is the part that needs the app:
//! the deployment's prefix and whether links open in a new tab.

use crate::state::BasePath;
use kulttuurikartta_core::feed::catalogue::ListEntry;
use kulttuurikartta_explore::event_row::{block_html, RowContext};
use kulttuurikartta_explore::i18n::Lang;

/// The `<li>` rows of `entries` as HTML, for an `<ol>`'s or `<ul>`'s `inner_html` (the
/// validator's preview, in the tools build).
/// `selected` is the selected event's id.
#[cfg(feature = "tools")]
pub fn event_rows(
    entries: &[ListEntry],
    lang: Lang,
    base: &BasePath,
    selected: Option<&str>,
) -> String {
    kulttuurikartta_explore::event_row::rows_html(entries, &row_context(lang, base), selected)
}

/// One block of the explorer's list, its heading and its rows, as HTML for one element's
/// `inner_html` (see `block_html`).
pub fn event_block(
    heading: &str,
    to_be_announced: bool,
    entries: &[ListEntry],
    lang: Lang,
    base: &BasePath,
    selected: Option<&str>,
) -> String {
    block_html(
        heading,
        to_be_announced,
        entries,
        &row_context(lang, base),
        selected,
    )
}

fn row_context(lang: Lang, base: &BasePath) -> RowContext<'_> {
    RowContext {
        lang,
        base: &base.0,
        // From an embed, the event opens in the full app in a new tab.
        new_tab: crate::state::links_to_new_tab(),
    }
}
