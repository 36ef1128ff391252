//! HTML character references (`&amp;`, `&#228;`, `&#xE4;`) in feed text. Shared by the plain-text
//! reader (`text`) and the description sanitiser (`rich_text`); an unknown or malformed reference
//! stays as written.

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

/// The entity that starts `s` (just after its `&`): its character and its length with the `;`.
pub(super) fn entity_at(s: &str) -> Option<(char, usize)> {
    let end = s
        .bytes()
        .take(12)
        .position(|b| !(b.is_ascii_alphanumeric() || b == b'#'))?;
    (s.as_bytes()[end] == b';')
        .then(|| decode_entity(&s[..end]))
        .flatten()
        .map(|c| (c, end + 1))
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
