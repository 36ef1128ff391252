#[cfg(target_arch = "wasm32")]
fn main() {
    kulttuurikartta::panic_screen::install();
    leptos::mount::mount_to_body(kulttuurikartta::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Kulttuurikartta is a web app: build and serve it with Trunk (see README.md).");
}
