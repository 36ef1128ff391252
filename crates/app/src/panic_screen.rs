//! What a visitor sees if the app panics: a friendly message instead of a frozen or blank
//! screen. The wasm instance is dead after a panic, so the message and its reload are plain
//! DOM and plain JavaScript. A kiosk reloads its home address by itself after a short delay.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use kulttuurikartta_explore::i18n::{Key, Lang, Translate};

/// Seconds before a kiosk reloads itself after a panic.
const KIOSK_RELOAD_SECS: i32 = 10;

pub fn install() {
    // The kiosk's home is where it started; read now, while the app is healthy.
    let kiosk_home = crate::dom::kiosk_from_location().map(|(_, home)| home);
    std::panic::set_hook(Box::new(move |info| {
        console_error_panic_hook::hook(info);
        show(kiosk_home.as_deref());
    }));
}

fn show(kiosk_home: Option<&str>) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let lang = doc
        .document_element()
        .and_then(|h| h.get_attribute("lang"))
        .and_then(|l| Lang::parse(&l))
        .unwrap_or_default();
    let Ok(panel) = doc.create_element("div") else {
        return;
    };
    panel.set_class_name("panic-screen");
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("data-testid", "panic-screen");
    let add = |tag: &str, text: &str| {
        if let Ok(el) = doc.create_element(tag) {
            el.set_text_content(Some(text));
            let _ = panel.append_child(&el);
            Some(el)
        } else {
            None
        }
    };
    add("h1", lang.t(Key::PanicTitle));
    add("p", lang.t(Key::PanicBody));
    // Plain JavaScript from here on: nothing may call back into the stopped wasm.
    let target = kiosk_home.map_or("location.href".to_owned(), |h| {
        serde_json::to_string(h).unwrap_or_else(|_| "location.href".into())
    });
    let reload = format!("location.replace({target})");
    if let Some(button) = add("button", lang.t(Key::PanicReload)) {
        let _ = button.set_attribute("type", "button");
        let _ = button.set_attribute("onclick", &reload);
    }
    if let Some(body) = doc.body() {
        let _ = body.append_child(&panel);
    }
    let delay = if kiosk_home.is_some() {
        KIOSK_RELOAD_SECS * 1000
    } else {
        // A visitor reloads with the button; a stuck page still recovers in a minute.
        60_000
    };
    if let Some(w) = web_sys::window() {
        let f = js_sys::Function::new_no_args(&reload);
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), delay);
    }
}

/// For staff and tests: panics on purpose, to check that the screen recovers.
#[wasm_bindgen]
pub fn diagnostics_panic() {
    panic!("diagnostics: a deliberate panic to check recovery");
}
