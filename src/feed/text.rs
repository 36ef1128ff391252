//! Feed text to plain text. Every feed string may contain HTML; titles, places and prices are
//! shown as plain text (and the UI inserts them as text nodes, never as markup).

/// Strips tags (dropping the content of scripts and styles), decodes entities, drops control
/// characters and folds whitespace.
pub fn plain(input: &str) -> String {
    if is_already_plain(input) {
        // Most feed titles and places: nothing to strip, decode or fold.
        return input.to_owned();
    }
    if input.contains('<') {
        // Same tag handling as descriptions, so a title and a description agree on what is text.
        return super::rich_text::parse(input).plain_text();
    }
    fold_whitespace(&decode_entities(input).replace(|c: char| c.is_control(), " "))
}

fn decode_entity(e: &str) -> Option<char> {
    Some(match e {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" | "#39" => '\'',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        _ => {
            let num = e.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code).filter(|c| !c.is_control())?
        }
    })
}

/// No tags, entities, control characters or whitespace to fold.
fn is_already_plain(s: &str) -> bool {
    let b = s.as_bytes();
    let edge_space = b.first().is_some_and(u8::is_ascii_whitespace)
        || b.last().is_some_and(u8::is_ascii_whitespace);
    !edge_space
        && b.windows(2).all(|w| !(w[0] == b' ' && w[1] == b' '))
        && !b
            .iter()
            .any(|&c| c == b'<' || c == b'&' || c < 0x20 || c == 0x7f)
        && !s.contains(|c: char| (c.is_whitespace() && c != ' ') || c.is_control())
}

/// Decodes entities only (no tag stripping, no whitespace folding).
pub fn decode_entities(input: &str) -> String {
    if !input.contains('&') {
        return input.to_owned();
    }
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '&' {
            out.push(c);
            continue;
        }
        let mut entity = String::new();
        while let Some(&n) = chars.peek() {
            if n == ';' || entity.len() > 10 || !(n.is_ascii_alphanumeric() || n == '#') {
                break;
            }
            entity.push(n);
            chars.next();
        }
        match (chars.peek() == Some(&';'))
            .then(|| decode_entity(&entity))
            .flatten()
        {
            Some(d) => {
                chars.next();
                out.push(d);
            }
            None => {
                out.push('&');
                out.push_str(&entity);
            }
        }
    }
    out
}

fn fold_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_go_entities_decode_whitespace_folds() {
        assert_eq!(
            plain("<p>Jazz&nbsp;&amp; blues</p>\n<p>ilta</p>"),
            "Jazz & blues ilta"
        );
        assert_eq!(plain("Tom &#38; Jerry &#x263A;"), "Tom & Jerry ☺");
    }

    #[test]
    fn script_becomes_inert_text_and_lone_brackets_survive() {
        assert_eq!(plain("a < b > c"), "a < b > c");
        assert_eq!(plain("<script>alert(1)</script>x"), "x");
        assert_eq!(plain("&lt;script&gt;"), "<script>");
    }

    #[test]
    fn plain_text_passes_through_unchanged() {
        assert_eq!(plain("Kuhmo-talo, Kuhmo"), "Kuhmo-talo, Kuhmo");
        assert_eq!(plain(" two  spaces\u{a0}"), "two spaces");
        assert_eq!(plain("tab\there"), "tab here");
    }

    #[test]
    fn control_characters_and_unknown_entities() {
        assert_eq!(plain("a\u{0}b\u{7}c"), "a b c");
        assert_eq!(plain("R&D &bogus; &#0;"), "R&D &bogus; &#0;");
    }
}
