//! SSR markup of the article (what the pre-rendered fallback and the Article tab show):
//! the rendered text carries every line of `core::article::plain_text()` in order (which
//! `core/tests/article_fidelity.rs` ties to the seed), with sound heading structure.

use massage_guide::ui::{ArticleProps, ArticleView, StaticArticle};
use massage_guide_core::article::plain_text;
use yew::AttrValue;

fn render_static() -> String {
    futures::executor::block_on(
        yew::LocalServerRenderer::<StaticArticle>::new()
            .hydratable(false)
            .render(),
    )
}

fn render_with(props: ArticleProps) -> String {
    futures::executor::block_on(
        yew::LocalServerRenderer::<ArticleView>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

/// The text a reader sees: tags dropped (block tags become line breaks), entities decoded.
fn visible_text(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        text.push_str(&rest[..start]);
        let end = rest[start..]
            .find('>')
            .map(|e| start + e + 1)
            .unwrap_or(rest.len());
        let tag = &rest[start..end];
        if [
            "<p",
            "</p",
            "<li",
            "</li",
            "<h",
            "</h",
            "<figcaption",
            "<title",
            "<desc",
        ]
        .iter()
        .any(|t| tag.starts_with(t))
        {
            text.push('\n');
        }
        // SVG figure text is not part of the article's prose.
        if tag.starts_with("<svg") {
            let close = rest[start..]
                .find("</svg>")
                .map(|e| start + e + 6)
                .unwrap_or(rest.len());
            rest = &rest[close..];
            continue;
        }
        rest = &rest[end..];
    }
    text.push_str(rest);
    text.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn rendered_text_carries_every_plain_text_line_in_order() {
    let html = render_static();
    let rendered = collapse(&visible_text(&html));
    let mut from = 0;
    let mut checked = 0;
    for line in plain_text().lines().map(collapse).filter(|l| !l.is_empty()) {
        match rendered[from..].find(&line) {
            Some(at) => from += at + line.len(),
            None => panic!("missing or out of order in the rendered article: {line:?}"),
        }
        checked += 1;
    }
    assert!(checked > 40, "only {checked} lines checked");
}

#[test]
fn one_h1_and_headings_never_skip_a_level() {
    let html = render_static();
    assert_eq!(html.matches("<h1").count(), 1);
    let mut previous = 1;
    for (index, _) in html.match_indices("<h") {
        let Some(level) = html[index + 2..]
            .chars()
            .next()
            .and_then(|c| c.to_digit(10))
        else {
            continue;
        };
        assert!(level <= previous + 1, "h{level} after h{previous}");
        previous = level;
    }
}

#[test]
fn ids_are_unique_and_sections_have_the_linkable_ids() {
    let html = render_static();
    let ids: Vec<&str> = html
        .split(" id=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), ids.len(), "duplicate ids in {ids:?}");
    for &id in massage_guide_core::article::SECTION_IDS {
        assert!(ids.contains(&id), "missing section id {id}");
    }
    for section in massage_guide_core::article::toc() {
        assert!(
            html.contains(&format!("href=\"#{}\"", section.id)),
            "table of contents links to {}",
            section.id
        );
    }
    assert!(html.contains("<article"));
    assert!(
        html.contains("<figure") && html.contains("role=\"img\""),
        "figure with a text alternative"
    );
}

#[test]
fn product_is_plain_text_without_a_url_and_a_link_with_one() {
    let plain = render_static();
    assert_eq!(
        plain
            .matches("<span class=\"mg-product\">MedMassager Body Massager Classic</span>")
            .count(),
        2
    );
    assert!(!plain.contains("mg-product\" part=\"product-link\""));

    let linked = render_with(ArticleProps {
        product_url: Some(AttrValue::from("https://shop.example/p/classic")),
        product_name: AttrValue::from("Classic <Roller>"),
        on_jump: None,
    });
    assert_eq!(
        linked
            .matches("href=\"https://shop.example/p/classic\"")
            .count(),
        2
    );
    assert!(
        linked.contains("Classic &lt;Roller&gt;"),
        "names are escaped, never raw HTML"
    );
}
