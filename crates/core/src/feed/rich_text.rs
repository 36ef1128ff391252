//! Event descriptions: feed HTML reduced to a small, safe tree.
//!
//! Only paragraphs, line breaks, emphasis, lists and links survive; links keep only http, https
//! and mailto targets. The event page writes this tree as markup (`event_page::push_rich_text` in
//! kulttuurikartta-explore) with only these tags of its own and every text and URL escaped, so no
//! feed text can become markup or script whatever this parser misses.

use super::entities::decode_entities;

/// Elements whose content is dropped along with them: they hold code or foreign markup, not prose.
const DROPPED_WITH_CONTENT: &[&str] = &[
    "script", "style", "template", "iframe", "object", "embed", "noscript", "svg", "math",
    "textarea", "title", "head", "select",
];

/// Nesting deeper than this is flattened: real descriptions never need it, hostile ones do.
const MAX_DEPTH: usize = 16;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    P,
    Br,
    Em,
    Strong,
    Ul,
    Ol,
    Li,
    A,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Text(String),
    Element {
        tag: Tag,
        /// Only on `A`, and only a safe URL.
        href: Option<String>,
        children: Vec<Node>,
    },
}

/// A sanitised description: a list of block nodes (top-level inline runs are wrapped in `P`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RichText(pub Vec<Node>);

impl RichText {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// All text, for search and for short previews.
    pub fn plain_text(&self) -> String {
        fn walk(nodes: &[Node], out: &mut String) {
            for n in nodes {
                match n {
                    Node::Text(t) => out.push_str(t),
                    Node::Element { children, tag, .. } => {
                        walk(children, out);
                        if matches!(tag, Tag::P | Tag::Li | Tag::Br) {
                            out.push(' ');
                        }
                    }
                }
            }
        }
        let mut s = String::new();
        walk(&self.0, &mut s);
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

fn map_tag(name: &str) -> Option<Tag> {
    Some(match name {
        "p" | "div" | "section" | "article" | "blockquote" | "h1" | "h2" | "h3" | "h4" | "h5"
        | "h6" => Tag::P,
        "br" => Tag::Br,
        "em" | "i" => Tag::Em,
        "strong" | "b" => Tag::Strong,
        "ul" => Tag::Ul,
        "ol" => Tag::Ol,
        "li" => Tag::Li,
        "a" => Tag::A,
        _ => return None,
    })
}

/// A link target we are willing to render: http, https or mailto, with no tricks hidden in it.
pub fn safe_url(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if raw.len() <= 2048 && !raw.bytes().any(|b| b == b'&' || b <= b' ' || b == 0x7f) {
        // The usual case: nothing to decode and nothing hidden, so the prefix says it all.
        let has = |p: &str| {
            raw.get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p))
        };
        return (has("https://") || has("http://") || has("mailto:")).then(|| raw.to_owned());
    }
    let decoded = decode_entities(raw);
    // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:"),
    // so they must not be able to smuggle one past this check.
    let url: String = decoded.chars().filter(|c| !c.is_control()).collect();
    let url = url.trim();
    let lower: String = url
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    let ok = lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("mailto:");
    (ok && url.len() <= 2048).then(|| url.to_owned())
}

struct Open {
    tag: Tag,
    href: Option<String>,
    children: Vec<Node>,
}

struct Builder {
    stack: Vec<Open>,
    /// Tags ignored because of the depth limit, so their end tags are ignored too.
    skipped: usize,
}

impl Builder {
    fn push_text(&mut self, text: &str) {
        let text = decode_entities(text);
        // Runs of whitespace fold to one space; block ends are trimmed in `trim_children`.
        let mut folded = String::with_capacity(text.len());
        for c in text.chars() {
            let c = if c.is_whitespace() || c.is_control() {
                ' '
            } else {
                c
            };
            if !(c == ' ' && folded.ends_with(' ')) {
                folded.push(c);
            }
        }
        if folded.is_empty() {
            return;
        }
        let children = &mut self.stack.last_mut().expect("root").children;
        match children.last_mut() {
            Some(Node::Text(prev)) => {
                if prev.ends_with(' ') && folded.starts_with(' ') {
                    folded.remove(0);
                }
                prev.push_str(&folded)
            }
            _ => children.push(Node::Text(folded)),
        }
    }

    fn open(&mut self, tag: Tag, href: Option<String>) {
        if tag == Tag::Br {
            self.stack
                .last_mut()
                .expect("root")
                .children
                .push(Node::Element {
                    tag,
                    href: None,
                    children: Vec::new(),
                });
            return;
        }
        // A new block closes an open paragraph, as HTML does.
        if matches!(tag, Tag::P | Tag::Ul | Tag::Ol) {
            if let Some(i) = self.stack.iter().rposition(|o| o.tag == Tag::P) {
                self.close_to(i);
            }
        }
        if self.stack.len() > MAX_DEPTH {
            self.skipped += 1;
            return;
        }
        self.stack.push(Open {
            tag,
            href,
            children: Vec::new(),
        });
    }

    fn close(&mut self, tag: Tag) {
        if self.skipped > 0 {
            self.skipped -= 1;
            return;
        }
        if let Some(i) = self.stack.iter().skip(1).rposition(|o| o.tag == tag) {
            self.close_to(i + 1);
        }
    }

    /// Closes every element from the top of the stack down to and including index `i`.
    fn close_to(&mut self, i: usize) {
        while self.stack.len() > i.max(1) {
            let open = self.stack.pop().expect("non-empty");
            let node = Node::Element {
                tag: open.tag,
                href: open.href,
                children: trim_children(open.children),
            };
            let keep = !matches!(&node, Node::Element { children, tag, .. } if children.is_empty() && *tag != Tag::Br);
            if keep {
                self.stack.last_mut().expect("root").children.push(node);
            }
        }
    }
}

fn trim_children(mut children: Vec<Node>) -> Vec<Node> {
    if let Some(Node::Text(t)) = children.first_mut() {
        *t = t.trim_start().to_owned();
    }
    if let Some(Node::Text(t)) = children.last_mut() {
        *t = t.trim_end().to_owned();
    }
    children.retain(|n| !matches!(n, Node::Text(t) if t.is_empty()));
    children
}

/// Parses feed HTML (or plain text with blank-line paragraphs) into a safe tree.
pub fn parse(input: &str) -> RichText {
    if !input.contains('<') {
        return from_plain_text(input);
    }
    let mut b = Builder {
        stack: vec![Open {
            tag: Tag::P,
            href: None,
            children: Vec::new(),
        }],
        skipped: 0,
    };
    let mut rest = input;
    while let Some(lt) = rest.find('<') {
        b.push_text(&rest[..lt]);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        let closing = rest.as_bytes().get(1) == Some(&b'/');
        let name_start = if closing { 2 } else { 1 };
        let name: String = rest[name_start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() || !rest[name_start..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            // Not a tag: a literal '<'.
            b.push_text("<");
            rest = &rest[1..];
            continue;
        }
        let (attrs, after_tag) = split_tag(&rest[name_start + name.len()..]);
        rest = after_tag;
        if closing {
            if let Some(tag) = map_tag(&name) {
                b.close(tag);
            }
            continue;
        }
        if DROPPED_WITH_CONTENT.contains(&name.as_str()) {
            rest = skip_past_end_tag(rest, &name);
            continue;
        }
        match map_tag(&name) {
            Some(Tag::A) => b.open(Tag::A, attribute(attrs, "href").and_then(|h| safe_url(&h))),
            Some(tag) => b.open(tag, None),
            None => {}
        }
    }
    b.push_text(rest);
    b.close_to(1);
    let root = b.stack.pop().expect("root");
    RichText(wrap_inline_runs(trim_children(root.children)))
}

/// Splits a tag's attribute text from what follows its `>`, respecting quoted values.
fn split_tag(s: &str) -> (&str, &str) {
    let mut quote = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return (&s[..i], &s[i + 1..]),
            _ => {}
        }
    }
    (s, "")
}

fn skip_past_end_tag<'a>(s: &'a str, name: &str) -> &'a str {
    let lower = s.to_ascii_lowercase();
    let needle = format!("</{name}");
    match lower.find(&needle) {
        Some(i) => split_tag(&s[i + needle.len()..]).1,
        None => "",
    }
}

/// The value of one attribute in a tag's attribute text.
fn attribute(attrs: &str, wanted: &str) -> Option<String> {
    let mut rest = attrs;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() {
            return None;
        }
        let name_end = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        let name = rest[..name_end].to_ascii_lowercase();
        rest = rest[name_end..].trim_start();
        let value = if let Some(v) = rest.strip_prefix('=') {
            let v = v.trim_start();
            let (value, after) = match v.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let end = v[1..].find(q).map_or(v.len(), |e| e + 1);
                    (&v[1..end], v.get(end + 1..).unwrap_or(""))
                }
                _ => {
                    let end = v.find(char::is_whitespace).unwrap_or(v.len());
                    (&v[..end], &v[end..])
                }
            };
            rest = after;
            value
        } else {
            ""
        };
        if name == wanted {
            return Some(value.to_owned());
        }
    }
}

fn is_block(n: &Node) -> bool {
    matches!(
        n,
        Node::Element {
            tag: Tag::P | Tag::Ul | Tag::Ol,
            ..
        }
    )
}

/// Top-level inline content goes into paragraphs, so the tree is a list of blocks.
fn wrap_inline_runs(nodes: Vec<Node>) -> Vec<Node> {
    let mut out = Vec::new();
    let mut run = Vec::new();
    let flush = |run: &mut Vec<Node>, out: &mut Vec<Node>| {
        let children = trim_children(std::mem::take(run));
        let only_breaks = children
            .iter()
            .all(|n| matches!(n, Node::Element { tag: Tag::Br, .. }));
        if !children.is_empty() && !only_breaks {
            out.push(Node::Element {
                tag: Tag::P,
                href: None,
                children,
            });
        }
    };
    for n in nodes {
        if is_block(&n) {
            flush(&mut run, &mut out);
            out.push(n);
        } else {
            run.push(n);
        }
    }
    flush(&mut run, &mut out);
    out
}

fn from_plain_text(input: &str) -> RichText {
    let paragraphs = input
        .replace("\r\n", "\n")
        .split("\n\n")
        .filter_map(|para| {
            let lines: Vec<String> = para
                .lines()
                .map(|l| {
                    decode_entities(l)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .filter(|l| !l.is_empty())
                .collect();
            if lines.is_empty() {
                return None;
            }
            let mut children = Vec::new();
            for (i, l) in lines.into_iter().enumerate() {
                if i > 0 {
                    children.push(Node::Element {
                        tag: Tag::Br,
                        href: None,
                        children: Vec::new(),
                    });
                }
                children.push(Node::Text(l));
            }
            Some(Node::Element {
                tag: Tag::P,
                href: None,
                children,
            })
        })
        .collect();
    RichText(paragraphs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Node {
        Node::Text(s.into())
    }
    fn el(tag: Tag, children: Vec<Node>) -> Node {
        Node::Element {
            tag,
            href: None,
            children,
        }
    }

    #[test]
    fn paragraphs_emphasis_and_lists_survive() {
        let r = parse("<p>Tervetuloa <b>konserttiin</b>!</p><ul><li>Yksi</li><li>Kaksi</li></ul>");
        assert_eq!(
            r.0,
            [
                el(
                    Tag::P,
                    vec![
                        t("Tervetuloa "),
                        el(Tag::Strong, vec![t("konserttiin")]),
                        t("!")
                    ]
                ),
                el(
                    Tag::Ul,
                    vec![el(Tag::Li, vec![t("Yksi")]), el(Tag::Li, vec![t("Kaksi")])]
                ),
            ]
        );
    }

    #[test]
    fn scripts_styles_and_handlers_vanish() {
        let r = parse(
            r#"<p onclick="x()">Hi<script>alert(1)</script><style>p{}</style> <img src=x onerror=alert(2)>there</p>"#,
        );
        assert_eq!(r.0, [el(Tag::P, vec![t("Hi there")])]);
        assert_eq!(parse("<SCRIPT>evil()</SCRIPT >ok").plain_text(), "ok");
        assert_eq!(parse("<script>never closed").plain_text(), "");
    }

    #[test]
    fn only_http_https_and_mailto_links_keep_their_target() {
        let href = |html: &str| match &parse(html).0[0] {
            Node::Element { children, .. } => match &children[0] {
                Node::Element { href, .. } => href.clone(),
                other => panic!("{other:?}"),
            },
            other => panic!("{other:?}"),
        };
        assert_eq!(
            href(r#"<a href="https://oulu.fi/x?a=1&amp;b=2">x</a>"#).as_deref(),
            Some("https://oulu.fi/x?a=1&b=2")
        );
        assert_eq!(
            href("<a href='mailto:info@kajaani.fi'>x</a>").as_deref(),
            Some("mailto:info@kajaani.fi")
        );
        assert_eq!(href(r#"<a href="javascript:alert(1)">x</a>"#), None);
        assert_eq!(href(r#"<a href="java&#x09;script:alert(1)">x</a>"#), None);
        assert_eq!(href(r#"<a href=" JaVaScRiPt:alert(1)">x</a>"#), None);
        assert_eq!(
            href(r#"<a href="data:text/html,<script>alert(1)</script>">x</a>"#),
            None
        );
        assert_eq!(href(r#"<a href="/relative">x</a>"#), None);
    }

    #[test]
    fn plain_text_descriptions_get_paragraphs_and_breaks() {
        let r = parse("Eka rivi\ntoka rivi\n\nUusi kappale &amp; loppu");
        assert_eq!(
            r.0,
            [
                el(
                    Tag::P,
                    vec![t("Eka rivi"), el(Tag::Br, vec![]), t("toka rivi")]
                ),
                el(Tag::P, vec![t("Uusi kappale & loppu")]),
            ]
        );
    }

    #[test]
    fn stray_brackets_comments_and_unclosed_tags_are_handled() {
        assert_eq!(
            parse("1 < 2 <!-- hidden --> <em>ok").plain_text(),
            "1 < 2 ok"
        );
        assert_eq!(parse("</p></em>text").plain_text(), "text");
    }

    #[test]
    fn deep_nesting_is_flattened_not_recursed() {
        let html = "<em>".repeat(10_000) + "deep" + &"</em>".repeat(10_000);
        let r = parse(&html);
        assert_eq!(r.plain_text(), "deep");
        fn depth(n: &[Node]) -> usize {
            n.iter()
                .map(|n| match n {
                    Node::Element { children, .. } => 1 + depth(children),
                    Node::Text(_) => 0,
                })
                .max()
                .unwrap_or(0)
        }
        assert!(depth(&r.0) <= MAX_DEPTH + 2);
    }
}
