//! Where the publishers' and coordinators' pages live: the explorer's build (index.html) leaves
//! them out to keep a visitor's download small, and a second build with every route
//! (tools.html) serves them. The shipped web server configs send these addresses to tools.html
//! directly; on any other host index.html answers them, and the explorer's build hands over to
//! tools.html with the address in the fragment, which the tools build puts back.

/// The routes only the tools build has, as they follow the base path. The web server configs
/// (deploy/), the service worker (public/sw.js) and the test server list the same three.
pub const TOOL_ROUTES: [&str; 3] = ["/stats", "/validate", "/embed-builder"];

/// The file the tools build is written to, next to index.html.
pub const TOOLS_PAGE: &str = "tools.html";

/// Whether `path` (the part after the base path) is one of the tools build's routes.
pub fn is_tool_route(path: &str) -> bool {
    let path = path.strip_suffix('/').unwrap_or(path);
    TOOL_ROUTES.contains(&path)
}

/// The address that opens `path` and `search` (`?…` or empty) in the tools build, under `base`
/// (the base path without its trailing slash).
pub fn tools_page_address(base: &str, path: &str, search: &str) -> String {
    format!("{base}/{TOOLS_PAGE}#{path}{search}")
}

/// In the tools build: the address to show instead of `pathname` + `hash`, when the page was
/// opened as tools.html by the explorer's hand-over (`#/stats?lang=en` gives `/stats?lang=en`
/// under `base`). tools.html opened without a tool route in its fragment shows the explorer.
/// `None` when the address is already a route.
pub fn address_from_tools_page(base: &str, pathname: &str, hash: &str) -> Option<String> {
    let rest = pathname.strip_prefix(base)?;
    if rest != format!("/{TOOLS_PAGE}") {
        return None;
    }
    let wanted = hash.strip_prefix('#').unwrap_or("");
    let path = wanted.split(['?', '#']).next().unwrap_or("");
    if is_tool_route(path) {
        Some(format!("{base}{wanted}"))
    } else {
        Some(format!("{base}/"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_three_tool_pages_are_tool_routes() {
        for path in ["/stats", "/validate", "/embed-builder", "/stats/"] {
            assert!(is_tool_route(path), "{path}");
        }
        for path in [
            "/",
            "",
            "/event/abc",
            "/kiosk",
            "/embed",
            "/statsx",
            "/stats/x",
        ] {
            assert!(!is_tool_route(path), "{path}");
        }
    }

    #[test]
    fn the_hand_over_keeps_the_query() {
        assert_eq!(
            tools_page_address("", "/stats", "?lang=en&from=2026-01-01"),
            "/tools.html#/stats?lang=en&from=2026-01-01"
        );
        assert_eq!(
            tools_page_address("/kulttuurikartta", "/validate", ""),
            "/kulttuurikartta/tools.html#/validate"
        );
    }

    #[test]
    fn the_tools_build_puts_the_address_back() {
        assert_eq!(
            address_from_tools_page("", "/tools.html", "#/stats?lang=en").as_deref(),
            Some("/stats?lang=en")
        );
        assert_eq!(
            address_from_tools_page("/kk", "/kk/tools.html", "#/embed-builder").as_deref(),
            Some("/kk/embed-builder")
        );
        // Round trip under a sub-path.
        let there = tools_page_address("/kk", "/validate", "?lang=sv");
        let (pathname, hash) = there.split_once('#').unwrap();
        assert_eq!(
            address_from_tools_page("/kk", pathname, &format!("#{hash}")).as_deref(),
            Some("/kk/validate?lang=sv")
        );
    }

    #[test]
    fn a_fragment_that_is_not_a_tool_route_shows_the_explorer() {
        // Not a way to put any address (another origin, a script URL) into the history.
        for hash in [
            "",
            "#",
            "#//evil.example/stats",
            "#javascript:alert(1)",
            "#/event/x",
        ] {
            assert_eq!(
                address_from_tools_page("", "/tools.html", hash).as_deref(),
                Some("/"),
                "{hash}"
            );
        }
    }

    #[test]
    fn other_addresses_are_left_alone() {
        assert_eq!(address_from_tools_page("", "/stats", ""), None);
        assert_eq!(address_from_tools_page("", "/", "#/stats"), None);
        assert_eq!(
            address_from_tools_page("/kk", "/tools.html", "#/stats"),
            None
        );
    }
}
