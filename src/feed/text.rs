//! Feed text to plain text. Every feed string may contain HTML; titles, places and prices are
//! shown as plain text (and the UI inserts them as text nodes, never as markup).

/// Strips tags, decodes entities, drops control characters and folds whitespace.
pub fn plain(input: &str) -> String {
    let mut stripped = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        let starts_tag = c == '<'
            && chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || *n == '/' || *n == '!');
        if starts_tag {
            // Skip to the tag's end; a tag separates words.
            chars.by_ref().find(|&t| t == '>');
            stripped.push(' ');
        } else {
            stripped.push(c);
        }
    }
    // Decoding after stripping keeps "&lt;b&gt;" as visible text instead of a tag.
    let decoded = decode_entities(&stripped);
    fold_whitespace(&decoded.replace(|c: char| c.is_control(), " "))
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
    s.split_whitespace().collect::<Vec<_>>().join(" ")
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
        assert_eq!(plain("<script>alert(1)</script>x"), "alert(1) x");
        assert_eq!(plain("&lt;script&gt;"), "<script>");
    }

    #[test]
    fn control_characters_and_unknown_entities() {
        assert_eq!(plain("a\u{0}b\u{7}c"), "a b c");
        assert_eq!(plain("R&D &bogus; &#0;"), "R&D &bogus; &#0;");
    }
}
