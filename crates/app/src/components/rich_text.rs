//! Renders a sanitised description node by node. No HTML string is ever handed to the browser,
//! so whatever a feed contains stays text.

use leptos::prelude::*;

use kulttuurikartta_core::feed::rich_text::{Node, Tag};

pub fn render(nodes: &[Node]) -> AnyView {
    nodes.iter().map(render_node).collect_view().into_any()
}

fn render_node(node: &Node) -> AnyView {
    match node {
        Node::Text(t) => t.clone().into_any(),
        Node::Element {
            tag,
            href,
            children,
        } => {
            let inner = || render(children);
            match tag {
                Tag::P => view! { <p>{inner()}</p> }.into_any(),
                Tag::Br => view! { <br /> }.into_any(),
                Tag::Em => view! { <em>{inner()}</em> }.into_any(),
                Tag::Strong => view! { <strong>{inner()}</strong> }.into_any(),
                Tag::Ul => view! { <ul>{inner()}</ul> }.into_any(),
                Tag::Ol => view! { <ol>{inner()}</ol> }.into_any(),
                Tag::Li => view! { <li>{inner()}</li> }.into_any(),
                // In a kiosk, links in descriptions stay text: nothing may lead away.
                Tag::A if crate::state::use_kiosk().is_some() => inner(),
                Tag::A => match href {
                    Some(h) => view! {
                        <a href=h.clone() rel="noopener noreferrer nofollow" target="_blank">{inner()}</a>
                    }
                    .into_any(),
                    None => inner(),
                },
            }
        }
    }
}
