//! Feed text to plain text. Every feed string may contain HTML; titles, places and prices are
//! shown as plain text (and the UI inserts them as text nodes, never as markup).

/// Strips tags, decodes entities, drops control characters and folds whitespace.
pub fn plain(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '<' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || *n == '/' || *n == '!') =>
            {
                // A tag: skip to its end. Block-level tags separate words.
                for t in chars.by_ref() {
                    if t == '>' {
                        break;
                    }
                }
                out.push(' ');
            }
            '&' => {
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
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    fold_whitespace(&out)
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
