//! `kulttuurikartta-harvest`: the publishing half of Kulttuurikartta, a native command.
//!
//! ```text
//! kulttuurikartta-harvest check <FILE|URL>...
//! ```
//! `check` reads each feed (Linked Events or schema.org JSON-LD, detected from the content) with
//! the app's own reader and prints what to fix, with the same rules as the app
//! (`kulttuurikartta_core::feed::validate`). Exit status: 0 when no event has an error (warnings
//! allowed), 1 when any event has one, 2 when a document cannot be read or is in no known format.

#[cfg(not(target_arch = "wasm32"))]
mod check;
#[cfg(not(target_arch = "wasm32"))]
mod source;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") if args.len() > 1 => {
            let status = check::run(
                &args[1..],
                std::time::SystemTime::now().into(),
                &mut std::io::stdout(),
            );
            std::process::ExitCode::from(status)
        }
        Some("--version") => {
            println!("kulttuurikartta-harvest {}", env!("CARGO_PKG_VERSION"));
            std::process::ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            std::process::ExitCode::from(2)
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
const USAGE: &str = "usage: kulttuurikartta-harvest check <FILE|URL>...

  check   read each feed (Linked Events or schema.org JSON-LD) and print what to fix.
          Exit status: 0 no errors (warnings allowed), 1 an event has an error,
          2 a document cannot be read or is in no known format.";

#[cfg(target_arch = "wasm32")]
fn main() {}
