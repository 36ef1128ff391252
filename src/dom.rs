//! The few browser facts the components need, behind plain functions.

use chrono::{DateTime, Utc};

use crate::i18n::Lang;

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document")
}

/// The path the app is served under, from `<base href>` (set by Trunk's `public_url`):
/// "" at the site root, "/kulttuurikartta" under a sub-path. Router paths and links use it.
pub fn base_path() -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    let path = web_sys::Url::new(&base)
        .map(|u| u.pathname())
        .unwrap_or_default();
    path.trim_end_matches('/').to_owned()
}

/// The current instant from the browser clock (which tests can freeze).
pub fn now() -> DateTime<Utc> {
    let ms = js_sys::Date::now() as i64;
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

pub fn set_document_lang(lang: Lang) {
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.code());
    }
}

pub fn set_title(title: &str) {
    document().set_title(title);
}

/// Calls `f` with the element's content size now and whenever it changes (layout, window
/// size, a hidden panel shown). Disconnects when the calling component is cleaned up.
pub fn observe_size(el: &web_sys::Element, f: impl Fn(f64, f64) + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let target = el.clone();
    let cb = Closure::<dyn Fn()>::new(move || {
        f(
            f64::from(target.client_width()),
            f64::from(target.client_height()),
        )
    });
    let Ok(observer) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(el);
    // The closure must live as long as the observer; both go at cleanup.
    let keep = send_wrapper::SendWrapper::new((observer, cb));
    leptos::prelude::on_cleanup(move || {
        let (observer, _cb) = keep.take();
        observer.disconnect();
    });
}

/// Whether the visitor asked the system for reduced motion.
pub fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// Sets `<meta name="description">` (created if missing), for link previews.
pub fn set_meta_description(text: &str) {
    let doc = document();
    let meta = doc
        .query_selector("meta[name=\"description\"]")
        .ok()
        .flatten()
        .or_else(|| {
            let m = doc.create_element("meta").ok()?;
            let _ = m.set_attribute("name", "description");
            doc.head()?.append_child(&m).ok()?;
            Some(m)
        });
    if let Some(m) = meta {
        let _ = m.set_attribute("content", text);
    }
}

/// Puts the page's JSON-LD in `<head>` (replacing the previous page's), or removes it.
pub fn set_json_ld(json: Option<&str>) {
    let doc = document();
    if let Ok(Some(old)) = doc.query_selector("script#page-json-ld") {
        old.remove();
    }
    let (Some(json), Some(head)) = (json, doc.head()) else {
        return;
    };
    if let Ok(s) = doc.create_element("script") {
        let _ = s.set_attribute("type", "application/ld+json");
        s.set_id("page-json-ld");
        // Text content, never markup: the JSON is escaped for a script element already.
        s.set_text_content(Some(json));
        let _ = head.append_child(&s);
    }
}

/// A `performance.mark`, for the browser benchmarks to read (costs next to nothing).
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}
