//! The few browser facts the components need, behind plain functions.

use chrono::{DateTime, Utc};

use kulttuurikartta_explore::i18n::Lang;
use kulttuurikartta_explore::url::{self, UrlSettings};
use wasm_bindgen::{JsCast, JsValue};

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

/// In the explorer's build, on a route only the tools build has: opens the same address in
/// tools.html (`kulttuurikartta_explore::tools_build`). Replaces this page in the history, so Back
/// returns to where the visitor came from.
#[cfg(not(feature = "tools"))]
pub fn open_in_tools_build() {
    use kulttuurikartta_explore::tools_build::tools_page_address;
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return;
    };
    let base = base_path();
    let pathname = location.pathname().unwrap_or_default();
    let path = pathname.strip_prefix(base.as_str()).unwrap_or(&pathname);
    let search = location.search().unwrap_or_default();
    let _ = location.replace(&tools_page_address(&base, path, &search));
}

/// In the tools build, started as tools.html by the explorer's build: shows the route it was
/// asked for (`#/stats?…` → `/stats?…`) before the router reads the address.
#[cfg(feature = "tools")]
pub fn show_route_of_tools_page() {
    use kulttuurikartta_explore::tools_build::address_from_tools_page;
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(pathname), Ok(hash)) = (location.pathname(), location.hash()) else {
        return;
    };
    if let Some(address) = address_from_tools_page(&base_path(), &pathname, &hash) {
        if let Ok(history) = window.history() {
            let _ =
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address));
        }
    }
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
///
/// The size is read from the observer's entry, not from `clientWidth`: the map and the timeline
/// are observed together, and the first one's callback changes the DOM, so reading the second
/// one's `clientWidth` would force a whole-page layout in the middle of the first paint. Both
/// elements have no padding, so the content box is their client size.
pub fn observe_size(el: &web_sys::Element, f: impl Fn(f64, f64) + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let cb = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        // Only the latest size matters when several are queued.
        let Ok(entry) = entries.pop().dyn_into::<web_sys::ResizeObserverEntry>() else {
            return;
        };
        let rect = entry.content_rect();
        // Whole pixels, as `clientWidth` gave.
        f(rect.width().round(), rect.height().round())
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

/// A `performance.mark` for the browser benchmarks, only when they ask for it by setting
/// `window.__kkBenchMarks`: marks pile up in the page's memory, and a kiosk runs all day.
pub fn mark(name: &str) {
    thread_local!(static ON: bool = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"__kkBenchMarks".into()).ok())
        .is_some_and(|v| v.is_truthy()));
    if !ON.with(|on| *on) {
        return;
    }
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Embed mode on `<html>`: the `embed` class, the validated custom properties, and the
/// auto-height messages to the host page. Undone when `settings` is `None`.
pub fn apply_embed(settings: Option<&kulttuurikartta_explore::embed::EmbedSettings>) {
    let Some(html) = document().document_element() else {
        return;
    };
    let Ok(html) = html.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    let style = html.style();
    let vars = [
        "--kk-accent",
        "--kk-accent-text",
        "--kk-bg",
        "--kk-surface",
        "--kk-text",
        "--kk-muted",
        "--kk-border",
        "--kk-font",
        "--kk-radius",
    ];
    for v in vars {
        let _ = style.remove_property(v);
    }
    let _ = html
        .class_list()
        .toggle_with_force("embed", settings.is_some());
    let Some(s) = settings else { return };
    let _ = html.class_list().toggle_with_force(
        "theme-dark",
        s.theme == kulttuurikartta_explore::embed::Theme::Dark,
    );
    for (k, v) in s.css_vars() {
        let _ = style.set_property(k, &v);
    }
    post_height_to_parent();
}

/// Tells the host page how tall the embed's content is, now and whenever it changes.
/// Only a number goes out, in a namespaced message; the host's snippet checks who sent it.
fn post_height_to_parent() {
    thread_local!(static WATCHING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if WATCHING.with(|w| w.replace(true)) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let post = move || {
        let Some(root) = document().document_element() else {
            return;
        };
        let height = root
            .scroll_height()
            .max(root.get_bounding_client_rect().height() as i32);
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"type".into(), &"kulttuurikartta:resize".into());
        let _ = js_sys::Reflect::set(&msg, &"height".into(), &height.into());
        // The height is not a secret, and the host's origin is not known here: "*" is fine.
        let _ = parent.post_message(&msg, "*");
    };
    let Some(body) = document().body() else {
        return;
    };
    let observer_cb = wasm_bindgen::closure::Closure::<dyn Fn()>::new(post);
    if let Ok(o) = web_sys::ResizeObserver::new(observer_cb.as_ref().unchecked_ref()) {
        o.observe(&body);
        // Lives as long as the page.
        std::mem::forget(o);
    }
    observer_cb.forget();
}

/// Kiosk mode, decided once from the address the kiosk was started with (`/kiosk` or
/// `kiosk=1`): its settings and that address, which idle resets and panics return to.
pub fn kiosk_from_location() -> Option<(kulttuurikartta_explore::kiosk::KioskSettings, String)> {
    let (path, search) = location_path_and_search()?;
    let settings = read_url(&path, &search).kiosk?;
    Some((settings, format!("{path}{search}")))
}

/// The app's own origin (`https://host[:port]`), which relative feed URLs are on.
pub fn app_origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// The address's path and query string, read past the router (at start-up, before it exists).
pub fn location_path_and_search() -> Option<(String, String)> {
    let loc = web_sys::window()?.location();
    Some((loc.pathname().ok()?, loc.search().ok()?))
}

/// What a path and query string ask for (`kulttuurikartta_explore::url` decides).
pub fn read_url(path: &str, search: &str) -> UrlSettings {
    let pairs = url::query_pairs(search);
    UrlSettings::read(
        path,
        &pairs,
        kulttuurikartta_core::time::helsinki::local_date(now()),
    )
}

/// Registers the service worker (offline start, fast repeat visits). Its URL carries this
/// build's version (the hashed name of the app's JavaScript), so a new build installs a new
/// worker that drops the old build's caches.
///
/// The explorer's build owns that version. The tools build (tools.html, a second build with
/// its own hash) registers only where no worker is registered yet. If it registered its own
/// version, every visit to /stats would replace the map's worker, and the map the next one:
/// each time a new install downloading the whole shell again, and a Back or a link followed
/// while a worker was being replaced sometimes never arrived (#15: one browser-test run in
/// about ten hung that way).
pub fn register_service_worker(base: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator: wasm_bindgen::JsValue = window.navigator().into();
    let Ok(container) = js_sys::Reflect::get(&navigator, &"serviceWorker".into()) else {
        return;
    };
    if container.is_undefined() {
        return;
    }
    let version = document()
        .query_selector("link[rel=\"modulepreload\"]")
        .ok()
        .flatten()
        .and_then(|l| l.get_attribute("href"))
        .map(|h| {
            h.rsplit('/')
                .next()
                .unwrap_or_default()
                .trim_end_matches(".js")
                .to_owned()
        })
        .unwrap_or_else(|| "dev".into());
    let url = format!(
        "{base}/sw.js?v={}",
        kulttuurikartta_explore::percent::url_encode(&version)
    );
    let scope = format!("{base}/");
    if !cfg!(feature = "tools") {
        register_worker(&container, &url, &scope);
        return;
    }
    let Some(registered) = call_method(&container, "getRegistration", &[scope.as_str().into()])
    else {
        return;
    };
    let register_if_none =
        wasm_bindgen::closure::Closure::once(move |registration: wasm_bindgen::JsValue| {
            if registration.is_undefined() {
                register_worker(&container, &url, &scope);
            }
        });
    let _ = registered.then(&register_if_none);
    // Called at most once per page: leaking it is the simple, safe choice.
    register_if_none.forget();
}

/// `container.register(url, { scope })`.
fn register_worker(container: &wasm_bindgen::JsValue, url: &str, scope: &str) {
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"scope".into(), &scope.into());
    let Some(registered) = call_method(container, "register", &[url.into(), opts.into()]) else {
        return;
    };
    // A refused registration (e.g. plain http on a LAN) only costs offline support.
    let on_error = wasm_bindgen::closure::Closure::once(|e: wasm_bindgen::JsValue| {
        web_sys::console::warn_2(&"service worker not registered:".into(), &e);
    });
    let _ = registered.catch(&on_error);
    // Called at most once per page: leaking it is the simple, safe choice.
    on_error.forget();
}

/// `target.name(args…)`, when it is a method that returns a promise.
fn call_method(
    target: &wasm_bindgen::JsValue,
    name: &str,
    args: &[wasm_bindgen::JsValue],
) -> Option<js_sys::Promise> {
    let f = js_sys::Reflect::get(target, &name.into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let args: js_sys::Array = args.iter().collect();
    f.apply(target, &args)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()
}

/// Kiosk scale on `<html>`, and no pinch-zoom of the page itself (the map still zooms: it
/// handles its own gestures).
pub fn enter_kiosk() {
    let doc = document();
    if let Some(html) = doc.document_element() {
        let _ = html.class_list().add_1("kiosk");
    }
    if let Ok(Some(meta)) = doc.query_selector("meta[name=\"viewport\"]") {
        let _ = meta.set_attribute(
            "content",
            "width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no",
        );
    }
}

/// Whether focus is on `el` or inside it.
pub fn has_focus_within(el: &web_sys::Element) -> bool {
    document()
        .active_element()
        .is_some_and(|a| el.contains(Some(&a)))
}

/// Whether a wheel turn over `el` (the map, the timeline) should zoom it, and if so stops the
/// page scrolling: only while it has focus, or with Ctrl held, so that the page (or an embed's
/// host page) keeps scrolling past it.
pub fn wheel_zooms(el: Option<impl AsRef<web_sys::Element>>, ev: &web_sys::WheelEvent) -> bool {
    let zooms = kulttuurikartta_geo::gesture::wheel_zooms(
        ev.ctrl_key(),
        el.is_some_and(|el| has_focus_within(el.as_ref())),
    );
    if zooms {
        ev.prevent_default();
    }
    zooms
}

/// For an event in markup written as text (the load notices, the chips): the value of `name` on
/// the nearest element at or above the event's target that has it, such as the button clicked.
pub fn closest_attribute(ev: &web_sys::Event, name: &str) -> Option<String> {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())?
        .closest(&format!("[{name}]"))
        .ok()??
        .get_attribute(name)
}

/// The state of the checkbox an input or change event came from (the embed builder's options).
#[cfg(feature = "tools")]
pub fn checked(ev: &web_sys::Event) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|i| i.checked())
}

/// Offers `text` as a file download of type `mime` (an .ics, a CSV), made in the browser from a
/// Blob, so no server is involved.
pub fn download(file_name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = document();
    if let Ok(a) = document.create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(file_name);
        a.click();
    }
    // Revoke after the click has been handled, not before the download starts.
    let url2 = url.clone();
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url2);
        },
        std::time::Duration::from_secs(10),
    );
}

/// Runs `f` once the browser has nothing more urgent to do: after the frame that shows a change,
/// and within 200 ms at the latest. For work that follows a change but is not part of what it
/// shows (writing the URL). Where `requestIdleCallback` is missing (Safari), after the next frame.
pub fn when_idle(f: impl FnOnce() + 'static) {
    let Some(w) = web_sys::window() else {
        return;
    };
    if js_sys::Reflect::has(&w, &"requestIdleCallback".into()).unwrap_or(false) {
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(200);
        let callback = wasm_bindgen::closure::Closure::once_into_js(f);
        let _ = w.request_idle_callback_with_options(callback.unchecked_ref(), &options);
    } else {
        leptos::prelude::request_animation_frame(move || {
            leptos::prelude::set_timeout(f, std::time::Duration::ZERO)
        });
    }
}

// Sharing an event's page: the Web Share API where the device has one (phones), else copying
// the link.

/// Calls `navigator[name](arg)` if the browser has it, awaiting the promise it returns.
async fn call_navigator(path: &[&str], arg: &JsValue) -> Option<Result<JsValue, JsValue>> {
    let mut target: JsValue = web_sys::window()?.navigator().into();
    let (method, objects) = path.split_last()?;
    for p in objects {
        target = js_sys::Reflect::get(&target, &(*p).into()).ok()?;
        if target.is_undefined() || target.is_null() {
            return None;
        }
    }
    let f = js_sys::Reflect::get(&target, &(*method).into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let promise = f
        .call1(&target, arg)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    Some(wasm_bindgen_futures::JsFuture::from(promise).await)
}

/// Shares `url` with the device's share sheet where there is one (phones), else copies it.
/// Returns what to tell the visitor: nothing after the share sheet (shared, or closed),
/// "link copied", or that copying failed.
pub async fn share_or_copy(
    title: String,
    url: String,
) -> Option<kulttuurikartta_explore::i18n::Key> {
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"url".into(), &url.clone().into());
    match call_navigator(&["share"], &data).await {
        Some(_) => None,
        None => match call_navigator(&["clipboard", "writeText"], &url.into()).await {
            Some(Ok(_)) => Some(kulttuurikartta_explore::i18n::Key::LinkCopied),
            _ => Some(kulttuurikartta_explore::i18n::Key::CopyFailed),
        },
    }
}
