//! Feed text to plain text. Every feed string may contain HTML; titles, places and prices are
//! shown as plain text (and the UI inserts them as text nodes, never as markup).

use super::entities::entity_at;

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
    // Entities, controls and runs of whitespace, in one pass into one string.
    let mut out = String::with_capacity(input.len());
    let mut space = false;
    let mut rest = input;
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        let c = match c {
            '&' => match entity_at(rest) {
                Some((d, len)) => {
                    rest = &rest[len..];
                    d
                }
                None => '&',
            },
            c => c,
        };
        if c.is_whitespace() || c.is_control() {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// No tags, entities, control characters or whitespace to fold. One pass over the bytes: this
/// runs for every title, place and price in a feed.
fn is_already_plain(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut prev = 0u8;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'<' | b'&' | 0..=0x1f | 0x7f => return false,
            b' ' if prev == b' ' => return false,
            // U+0080–U+00A0: C1 controls and the no-break space.
            0xc2 if b.get(i + 1).is_some_and(|n| (0x80..=0xa0).contains(n)) => return false,
            // The lead bytes of the other Unicode spaces (U+1680, U+2000–U+205F, U+3000):
            // rare, so let the exact check decide.
            0xe1..=0xe3 => return !s.chars().any(|c| c.is_whitespace() && c != ' '),
            _ => {}
        }
        prev = c;
    }
    true
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
        assert_eq!(
            plain("Pohjoinen\u{2003}valo – näyttely"),
            "Pohjoinen valo – näyttely"
        );
        assert_eq!(plain("C1\u{85}control"), "C1 control");
        assert_eq!(plain("Kärsämäen paanukirkko"), "Kärsämäen paanukirkko");
    }

    #[test]
    fn control_characters_and_unknown_entities() {
        assert_eq!(plain("a\u{0}b\u{7}c"), "a b c");
        assert_eq!(plain("R&D &bogus; &#0;"), "R&D &bogus; &#0;");
    }
}
