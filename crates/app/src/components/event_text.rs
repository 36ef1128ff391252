//! Links to an event's page, under the deployment's prefix (the app's state). The words about an
//! event come from `kulttuurikartta_explore::event_text`.

use crate::state::BasePath;
use kulttuurikartta_explore::i18n::Lang;
use kulttuurikartta_explore::url::event_path;

/// The link to an event's page under the deployment's prefix, keeping the language.
pub fn event_href(base: &BasePath, id: &str, lang: Lang) -> String {
    base.href(&event_path(id, lang))
}
