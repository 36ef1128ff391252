//! Kulttuurikartta's web app: Leptos components and pages over the pure crates
//! (`kulttuurikartta_core`, `_geo`, `_explore`). Everything here is browser code, so the modules
//! exist only on wasm32; a native build (clippy, `cargo test --workspace`) is an empty binary.

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod bench_exports;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(target_arch = "wasm32")]
mod load;
#[cfg(target_arch = "wasm32")]
mod pages;
#[cfg(target_arch = "wasm32")]
mod panic_screen;
#[cfg(target_arch = "wasm32")]
mod state;
#[cfg(target_arch = "wasm32")]
mod url_state;

#[cfg(target_arch = "wasm32")]
fn main() {
    panic_screen::install();
    #[cfg(feature = "tools")]
    {
        kulttuurikartta_explore::i18n::include_tools_texts();
        dom::show_route_of_tools_page();
    }
    leptos::mount::mount_to_body(app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Kulttuurikartta is a web app: build and serve it with Trunk (see README.md).");
}
