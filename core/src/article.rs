//! The article "Does Massage Help Lower Back Pain? What To Know" as typed, static content.
//!
//! The data is generated at build time from `content/article.md` by `core/build/article.rs`
//! (which also validates it); this module owns the types the views render and the plain-text
//! helpers used by tests and the page's meta description. No Markdown parser at run time.

use crate::config::DEFAULT_PRODUCT_NAME;

include!("section_ids.rs");

/// The whole article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Article {
    /// The one `h1`.
    pub title: &'static str,
    /// The blocks between the title and the first section.
    pub lead: &'static [Block],
    /// All sections in reading order; `h3` sub-sections are flat entries with `level == 3`
    /// that follow their `h2`.
    pub sections: &'static [Section],
    /// Title of the optional "Reading next" article (no URL is known; the UI may omit it).
    pub related: Option<&'static str>,
}

/// One `h2` section or `h3` sub-section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    /// Stable id for in-page links (`#types`, `#using-hands`, …); checked at build time.
    pub id: &'static str,
    /// 2 or 3.
    pub level: u8,
    pub heading: &'static str,
    /// Optional shorter label for the table of contents.
    pub short: Option<&'static str>,
    pub blocks: &'static [Block],
}

impl Section {
    /// The label shown in the table of contents: the short label, or else the heading.
    pub fn toc_label(&self) -> &'static str {
        self.short.unwrap_or(self.heading)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    Paragraph(&'static [Inline]),
    /// A bullet list; each item is a run of inline content.
    List(&'static [&'static [Inline]]),
    Figure(Figure),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inline {
    Text(&'static str),
    Emphasis(&'static str),
    Strong(&'static str),
    /// The product's name; a link only when the host gives a valid `product-url`.
    Product,
}

impl Inline {
    /// The text this inline shows, with the product rendered as `product_name`.
    pub fn text<'a>(&self, product_name: &'a str) -> &'a str {
        match *self {
            Inline::Text(text) | Inline::Emphasis(text) | Inline::Strong(text) => text,
            Inline::Product => product_name,
        }
    }
}

/// Figures the views draw as inline SVG (`[[figure:NAME]]` in the Markdown).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    /// A back seen from behind: the spine, and the paraspinal muscles either side
    /// ("massage here", "not on the spine"). In "Using Your Hands".
    Back,
}

// Defines `static ARTICLE: Article`, `static DESCRIPTION: &str` and `static HEADINGS`
// (id, heading) for every section.
include!(concat!(env!("OUT_DIR"), "/article.rs"));

/// The article.
pub fn article() -> &'static Article {
    &ARTICLE
}

/// Table-of-contents entries: the `h2` sections, in order (see [`Section::toc_label`]).
pub fn toc() -> impl Iterator<Item = &'static Section> {
    ARTICLE.sections.iter().filter(|section| section.level == 2)
}

/// The section or sub-section with this id.
pub fn section(id: &str) -> Option<&'static Section> {
    ARTICLE.sections.iter().find(|section| section.id == id)
}

/// The heading of the section or sub-section with this id. Reads a table of headings only:
/// use this rather than [`section`] where the article body is not drawn (the app's wasm).
pub fn heading(id: &str) -> Option<&'static str> {
    HEADINGS
        .iter()
        .find(|(section, _)| *section == id)
        .map(|&(_, heading)| heading)
}

/// The first sentence of the lead, for `<meta name="description">`.
pub fn description() -> &'static str {
    DESCRIPTION
}

/// All text in reading order, one line per heading, paragraph and list item (figures have no
/// text; the related title comes last); the product is shown as [`DEFAULT_PRODUCT_NAME`].
pub fn plain_text() -> String {
    let article = article();
    let mut lines: Vec<String> = vec![article.title.to_string()];
    push_block_lines(&mut lines, article.lead);
    for section in article.sections {
        lines.push(section.heading.to_string());
        push_block_lines(&mut lines, section.blocks);
    }
    lines.extend(article.related.map(str::to_string));
    lines.join("\n")
}

fn push_block_lines(lines: &mut Vec<String>, blocks: &[Block]) {
    for block in blocks {
        match block {
            Block::Paragraph(inlines) => lines.push(inline_text(inlines)),
            Block::List(items) => lines.extend(items.iter().map(|item| inline_text(item))),
            Block::Figure(_) => {}
        }
    }
}

fn inline_text(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|inline| inline.text(DEFAULT_PRODUCT_NAME))
        .collect()
}
