//! Where a feed's bytes come from: a file, or an http(s) URL fetched with a time limit.

use std::io::Read;
use std::time::Duration;

/// Feeds bigger than this are refused (the app's own limit).
const MAX_BYTES: u64 = kulttuurikartta_core::feed::MAX_FEED_BYTES as u64;

/// The bytes of a file path or an http(s) URL; Err says why not, in plain words. `contact` (an
/// e-mail address) goes into the User-Agent, which names the command, so that a publisher's
/// server log says who asked and how to reach them.
pub fn read(source: &str, contact: Option<&str>) -> Result<Vec<u8>, String> {
    if source.starts_with("http://") || source.starts_with("https://") {
        fetch(source, contact)
    } else {
        std::fs::read(source).map_err(|e| format!("cannot read the file: {e}"))
    }
}

fn fetch(url: &str, contact: Option<&str>) -> Result<Vec<u8>, String> {
    let user_agent = format!(
        "kulttuurikartta-harvest/{}{}",
        env!("CARGO_PKG_VERSION"),
        contact
            .map(|c| format!(" (+mailto:{c})"))
            .unwrap_or_default()
    );
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_connect(Some(Duration::from_secs(10)))
        .timeout_global(Some(Duration::from_secs(60)))
        .user_agent(user_agent)
        .http_status_as_error(false)
        .build()
        .into();
    let mut response = agent
        .get(url)
        .call()
        .map_err(|e| format!("cannot fetch it: {e}"))?;
    let status = response.status();
    if !status.is_success() {
        return Err(format!("the server answered HTTP {}", status.as_u16()));
    }
    let mut bytes = Vec::new();
    response
        .body_mut()
        .as_reader()
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("the answer broke off: {e}"))?;
    Ok(bytes)
}
