//! Text into HTML, for the few places that write markup as text (the list's rows, the embed
//! code): everything that came from a feed or a visitor goes through `push_escaped`, so that it
//! stays text, in element content and in double-quoted attribute values alike.

/// Appends `s` to `out` with the five characters that can end text or an attribute value
/// (`& < > " '`) as character references.
pub fn push_escaped(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(i) = rest.find(['&', '<', '>', '"', '\'']) {
        out.push_str(&rest[..i]);
        out.push_str(match rest.as_bytes()[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
}

/// `s` escaped for element content or a double-quoted attribute value.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_escaped(&mut out, s);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_become_references_and_the_rest_stays() {
        assert_eq!(
            escape(r#"<script>alert("x")</script> & 'y' äö €"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39; äö €"
        );
        assert_eq!(escape(""), "");
        assert_eq!(escape("plain"), "plain");
        // Already escaped text is escaped again: it is text, not markup.
        assert_eq!(escape("&amp;"), "&amp;amp;");
    }
}
