//! GET with a timeout, retries with backoff while a failure looks transient, and the
//! config.json that boot.js read before the app started.

use gloo_net::http::Request;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::error::LoadError;

use kulttuurikartta_explore::config::DEFAULT_TIMEOUT_SECS;

/// The time limit of requests made before config.json is known, or for files it does not cover.
pub const DEFAULT_TIMEOUT: Timeout = Timeout(DEFAULT_TIMEOUT_SECS);

/// How long one request may take, in seconds, body included; then it is given up (and retried).
#[derive(Debug, Clone, Copy)]
pub struct Timeout(pub u32);

/// A response that arrived whole.
pub struct Fetched {
    /// The body, copied into wasm memory to be read.
    pub bytes: Vec<u8>,
    /// The same body as the browser holds it: what the last good copy stores (`cache::remember`),
    /// so that the bytes need not be copied back out of wasm memory.
    pub body: js_sys::Uint8Array,
    /// The Content-Type header, lowercase ("" when absent): says "a login page" when a feed
    /// turns out to be HTML.
    pub content_type: String,
}
/// Waits before the second and third attempts.
const BACKOFF_MS: [i32; 2] = [700, 2_000];

fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = JsFuture::from(promise).await;
}

/// One GET with a timeout.
async fn fetch_once(url: &str, timeout: Timeout) -> Result<Fetched, LoadError> {
    let timeout_ms = timeout.0.clamp(1, 600) as i32 * 1000;
    let controller = web_sys::AbortController::new().ok();
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    let timer = controller.as_ref().and_then(|c| {
        let (c, flag) = (c.clone(), timed_out.clone());
        let abort = Closure::once_into_js(move || {
            flag.set(true);
            c.abort();
        });
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                abort.unchecked_ref(),
                timeout_ms,
            )
            .ok()
    });
    let signal = controller.as_ref().map(|c| c.signal());
    let result = async {
        let resp = Request::get(url)
            .abort_signal(signal.as_ref())
            .send()
            .await?;
        let content_type = resp
            .headers()
            .get("content-type")
            .unwrap_or_default()
            .to_ascii_lowercase();
        let (status, ok) = (resp.status(), resp.ok());
        let raw = web_sys::Response::from(resp);
        let body = JsFuture::from(raw.array_buffer().map_err(body_error)?)
            .await
            .map_err(body_error)?;
        let body = js_sys::Uint8Array::new(&body);
        Ok::<_, gloo_net::Error>((status, ok, body, content_type))
    }
    .await;
    if let Some(t) = timer {
        window().clear_timeout_with_handle(t);
    }
    match result {
        Ok((_, true, body, content_type)) => Ok(Fetched {
            bytes: body.to_vec(),
            body,
            content_type,
        }),
        Ok((status, false, _, _)) => Err(LoadError::Http {
            url: url.to_owned(),
            status,
        }),
        Err(_) if timed_out.get() => Err(LoadError::Timeout {
            url: url.to_owned(),
            secs: timeout.0,
        }),
        Err(e) => Err(LoadError::Network {
            url: url.to_owned(),
            message: e.to_string(),
        }),
    }
}

/// A body that could not be read, as the message `LoadError::Network` shows.
fn body_error(e: JsValue) -> gloo_net::Error {
    let message = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the response body could not be read".to_owned());
    gloo_net::Error::GlooError(message)
}

/// A GET retried with backoff while the failure looks transient.
pub async fn fetch_with_retry(url: &str, timeout: Timeout) -> Result<Fetched, LoadError> {
    let mut attempt = 0;
    loop {
        match fetch_once(url, timeout).await {
            Err(e) if e.is_transient() && attempt < BACKOFF_MS.len() => {
                sleep(BACKOFF_MS[attempt]).await;
                attempt += 1;
            }
            other => return other,
        }
    }
}

/// Optional extras (the map's boundary file): fetched with retries, `None` on any failure, which
/// the caller treats as "draw without it".
pub async fn fetch_optional(url: &str) -> Option<Vec<u8>> {
    fetch_with_retry(url, DEFAULT_TIMEOUT)
        .await
        .inspect_err(|e| {
            web_sys::console::warn_1(&format!("Kulttuurikartta: {}", e.detail()).into())
        })
        .ok()
        .map(|f| f.bytes)
}

/// config.json as `boot.js` read it while the wasm was on its way (`window.__kkConfig`). Taken
/// once: a later load (a kiosk's refresh) asks the network. `None` when boot.js did not get it.
pub async fn take_early_config() -> Option<js_sys::Uint8Array> {
    let w = window();
    let key = JsValue::from_str("__kkConfig");
    let promise = js_sys::Reflect::get(&w, &key)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    let _ = js_sys::Reflect::delete_property(&w, &key);
    let buffer = JsFuture::from(promise).await.ok()?;
    (!buffer.is_null()).then(|| js_sys::Uint8Array::new(&buffer))
}
