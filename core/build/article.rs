//! Generator for `content/article.md`: parses the Markdown with pulldown-cmark, checks that it
//! uses only what the article views can render, and writes the article as `static` Rust data
//! (`$OUT_DIR/article.rs`, included by `core/src/article.rs`). The wasm carries the data, not
//! a Markdown parser.
//!
//! Supported: one `# Title`; `## Heading {#id short="TOC label"}` and `### Heading {#id}`
//! with ids from [`SECTION_IDS`]; paragraphs; `*emphasis*`; `**strong**`; flat bullet lists;
//! HTML comments (ignored); and three markers: `[[product]]` (inline), `[[figure:NAME]]` and
//! `[[related: Title]]` (each on its own line). Anything else is an error naming the line.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;

use crate::section_ids::SECTION_IDS;

/// Figures the views can draw: the name used in `[[figure:NAME]]` and the `Figure` variant.
const FIGURES: &[(&str, &str)] = &[("back", "Back")];

const SUPPORTED: &str = "the article supports `#`, `##`, `###` headings, paragraphs, *emphasis*, \
     **strong**, bullet lists (`- item`), HTML comments and the markers [[product]], \
     [[figure:NAME]] and [[related: Title]]";

pub fn generate(source: &Path, out: &Path) -> Result<(), String> {
    let markdown = std::fs::read_to_string(source)
        .map_err(|e| format!("cannot read {}: {e}", source.display()))?;
    let article = parse_article(&markdown)?;
    std::fs::write(out, emit_rust(&article))
        .map_err(|e| format!("cannot write {}: {e}", out.display()))
}

// ---------------------------------------------------------------------------------------------
// The parsed article (owned mirror of the types in core/src/article.rs)

#[derive(Debug, Clone, PartialEq)]
enum InlineNode {
    Text(String),
    Emphasis(String),
    Strong(String),
    Product,
    /// `[[figure:NAME]]`, holding the `Figure` variant; becomes a block.
    Figure(&'static str),
    /// `[[related: Title]]`; becomes `Article::related`.
    Related(String),
}

#[derive(Debug)]
enum BlockNode {
    Paragraph(Vec<InlineNode>),
    List(Vec<Vec<InlineNode>>),
    Figure(&'static str),
}

#[derive(Debug)]
struct SectionNode {
    id: String,
    level: u8,
    heading: String,
    short: Option<String>,
    blocks: Vec<BlockNode>,
}

#[derive(Debug)]
struct ArticleNode {
    title: String,
    lead: Vec<BlockNode>,
    sections: Vec<SectionNode>,
    related: Option<String>,
    description: String,
}

// ---------------------------------------------------------------------------------------------
// Parsing and validation

fn parse_article(markdown: &str) -> Result<ArticleNode, String> {
    let mut builder = ArticleBuilder::new(markdown);
    let parser = Parser::new_ext(markdown, Options::ENABLE_HEADING_ATTRIBUTES);
    for (event, range) in parser.into_offset_iter() {
        builder.handle(event, range)?;
    }
    builder.finish()
}

/// Inline content being collected for one paragraph, heading or list item.
#[derive(Default)]
struct InlineCollector {
    nodes: Vec<InlineNode>,
    /// Plain text not yet split into text and markers, and where it started.
    plain: String,
    plain_offset: usize,
    /// Open `*emphasis*` or `**strong**`: whether it is strong, its text, where it started.
    styled: Option<(bool, String, usize)>,
}

struct OpenHeading {
    level: u8,
    offset: usize,
}

struct ArticleBuilder<'src> {
    source: &'src str,
    title: Option<String>,
    lead: Vec<BlockNode>,
    sections: Vec<SectionNode>,
    related: Option<String>,
    inlines: Option<InlineCollector>,
    heading: Option<OpenHeading>,
    list: Option<Vec<Vec<InlineNode>>>,
    /// Inside a list item: how many paragraphs it has had (loose lists wrap items in one).
    item_paragraphs: Option<u32>,
    /// Inside an HTML block: its text so far (only comments are allowed).
    html_block: Option<String>,
}

impl<'src> ArticleBuilder<'src> {
    fn new(source: &'src str) -> Self {
        ArticleBuilder {
            source,
            title: None,
            lead: Vec::new(),
            sections: Vec::new(),
            related: None,
            inlines: None,
            heading: None,
            list: None,
            item_paragraphs: None,
            html_block: None,
        }
    }

    /// 1-based line number of a byte offset in the source.
    fn line_of(&self, offset: usize) -> usize {
        self.source[..offset.min(self.source.len())]
            .matches('\n')
            .count()
            + 1
    }

    fn error(&self, offset: usize, message: impl std::fmt::Display) -> String {
        format!("line {}: {message}", self.line_of(offset))
    }

    fn unsupported(&self, offset: usize, what: &str) -> String {
        self.error(offset, format!("{what} is not supported; {SUPPORTED}"))
    }

    fn collector(&mut self, offset: usize) -> Result<&mut InlineCollector, String> {
        if self.inlines.is_none() {
            return Err(self.unsupported(offset, "text outside a paragraph, heading or list item"));
        }
        Ok(self.inlines.as_mut().expect("checked above"))
    }

    fn handle(&mut self, event: Event<'_>, range: Range<usize>) -> Result<(), String> {
        let at = range.start;
        match event {
            Event::Text(text) => {
                if let Some(html) = self.html_block.as_mut() {
                    html.push_str(&text);
                    return Ok(());
                }
                self.push_text(&text, at)?
            }
            Event::SoftBreak => self.push_text(" ", at)?,
            Event::Html(html) => match self.html_block.as_mut() {
                Some(block) => block.push_str(&html),
                None => return Err(self.unsupported(at, "HTML")),
            },
            Event::Start(tag) => self.start(tag, range)?,
            Event::End(tag) => self.end(tag, at)?,
            Event::InlineHtml(_) => return Err(self.unsupported(at, "inline HTML")),
            Event::Code(_) => return Err(self.unsupported(at, "`code`")),
            Event::InlineMath(_) | Event::DisplayMath(_) => {
                return Err(self.unsupported(at, "math"))
            }
            Event::FootnoteReference(_) => return Err(self.unsupported(at, "a footnote")),
            Event::HardBreak => return Err(self.unsupported(at, "a hard line break")),
            Event::Rule => return Err(self.unsupported(at, "a horizontal rule")),
            Event::TaskListMarker(_) => return Err(self.unsupported(at, "a task list")),
        }
        Ok(())
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) -> Result<(), String> {
        let at = range.start;
        match tag {
            Tag::Paragraph => match self.item_paragraphs.as_mut() {
                Some(count) => {
                    *count += 1;
                    if *count > 1 {
                        return Err(
                            self.unsupported(at, "a list item with more than one paragraph")
                        );
                    }
                }
                None => self.inlines = Some(InlineCollector::default()),
            },
            Tag::Heading { level, .. } => {
                if self.list.is_some() {
                    return Err(self.unsupported(at, "a heading inside a list"));
                }
                let level = match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    deeper => {
                        return Err(
                            self.unsupported(at, &format!("a level {} heading", deeper as u8))
                        )
                    }
                };
                self.heading = Some(OpenHeading { level, offset: at });
                self.inlines = Some(InlineCollector::default());
            }
            Tag::List(None) => {
                if self.list.is_some() {
                    return Err(self.unsupported(at, "a list inside a list"));
                }
                self.list = Some(Vec::new());
            }
            Tag::List(Some(_)) => return Err(self.unsupported(at, "a numbered list")),
            Tag::Item => {
                self.item_paragraphs = Some(0);
                self.inlines = Some(InlineCollector::default());
            }
            Tag::Emphasis | Tag::Strong => {
                let strong = matches!(tag, Tag::Strong);
                let collector = self.collector(at)?;
                if collector.styled.is_some() {
                    return Err(self.unsupported(at, "emphasis inside emphasis"));
                }
                let collector = self.inlines.as_mut().expect("collector checked");
                flush_plain(collector).map_err(|(offset, message)| self.error(offset, message))?;
                let collector = self.inlines.as_mut().expect("collector checked");
                collector.styled = Some((strong, String::new(), at));
            }
            Tag::HtmlBlock => self.html_block = Some(String::new()),
            Tag::Link { .. } => {
                return Err(self.unsupported(at, "a link (the product link is `[[product]]`)"))
            }
            Tag::Image { .. } => {
                return Err(self.unsupported(at, "an image (figures are `[[figure:NAME]]`)"))
            }
            Tag::BlockQuote(_) => return Err(self.unsupported(at, "a block quote")),
            Tag::CodeBlock(_) => return Err(self.unsupported(at, "a code block")),
            Tag::FootnoteDefinition(_) => return Err(self.unsupported(at, "a footnote")),
            Tag::Table(_) | Tag::TableHead | Tag::TableRow | Tag::TableCell => {
                return Err(self.unsupported(at, "a table"))
            }
            Tag::Strikethrough => return Err(self.unsupported(at, "strikethrough")),
            Tag::MetadataBlock(_) => return Err(self.unsupported(at, "a metadata block")),
            Tag::DefinitionList | Tag::DefinitionListTitle | Tag::DefinitionListDefinition => {
                return Err(self.unsupported(at, "a definition list"))
            }
        }
        Ok(())
    }

    fn end(&mut self, tag: TagEnd, at: usize) -> Result<(), String> {
        match tag {
            // Inside a list item the item collects the text; see `TagEnd::Item`.
            TagEnd::Paragraph if self.item_paragraphs.is_some() => {}
            TagEnd::Paragraph => {
                let nodes = self.finish_inlines(at)?;
                self.end_paragraph(nodes, at)?;
            }
            TagEnd::Heading(_) => {
                let nodes = self.finish_inlines(at)?;
                let open = self
                    .heading
                    .take()
                    .expect("heading end follows heading start");
                self.end_heading(open, nodes)?;
            }
            TagEnd::Item => {
                self.item_paragraphs = None;
                let nodes = self.finish_inlines(at)?;
                if let Some(marker) = nodes.iter().find(|n| is_line_marker(n)) {
                    return Err(self.error(
                        at,
                        format!(
                            "{} must be on its own line, not in a list",
                            marker_name(marker)
                        ),
                    ));
                }
                if nodes.is_empty() {
                    return Err(self.error(at, "empty list item"));
                }
                self.list.as_mut().expect("item inside list").push(nodes);
            }
            TagEnd::List(_) => {
                let items = self.list.take().expect("list end follows list start");
                self.push_block(BlockNode::List(items), at)?;
            }
            TagEnd::Emphasis | TagEnd::Strong => {
                let collector = self
                    .inlines
                    .as_mut()
                    .expect("emphasis inside inline content");
                let (strong, text, offset) =
                    collector.styled.take().expect("emphasis end follows start");
                if text.contains("[[") {
                    return Err(
                        self.error(offset, "markers like [[product]] cannot be inside emphasis")
                    );
                }
                let node = if strong {
                    InlineNode::Strong(text)
                } else {
                    InlineNode::Emphasis(text)
                };
                self.inlines
                    .as_mut()
                    .expect("checked above")
                    .nodes
                    .push(node);
            }
            TagEnd::HtmlBlock => {
                let html = self.html_block.take().unwrap_or_default();
                let html = html.trim();
                if !(html.starts_with("<!--") && html.ends_with("-->")) {
                    return Err(self.unsupported(at, "HTML other than a comment"));
                }
            }
            // Every other start tag is rejected, so its end never arrives.
            _ => {}
        }
        Ok(())
    }

    fn push_text(&mut self, text: &str, at: usize) -> Result<(), String> {
        let collector = self.collector(at)?;
        match collector.styled.as_mut() {
            Some((_, styled, _)) => styled.push_str(text),
            None => {
                if collector.plain.is_empty() {
                    collector.plain_offset = at;
                }
                collector.plain.push_str(text);
            }
        }
        Ok(())
    }

    fn finish_inlines(&mut self, at: usize) -> Result<Vec<InlineNode>, String> {
        let mut collector = self
            .inlines
            .take()
            .ok_or_else(|| self.error(at, "internal: no open inline content"))?;
        flush_plain(&mut collector).map_err(|(offset, message)| self.error(offset, message))?;
        Ok(tidy_whitespace(collector.nodes))
    }

    fn end_paragraph(&mut self, nodes: Vec<InlineNode>, at: usize) -> Result<(), String> {
        let Some(marker) = nodes.iter().find(|n| is_line_marker(n)) else {
            return self.push_block(BlockNode::Paragraph(nodes), at);
        };
        if nodes.len() != 1 {
            return Err(self.error(
                at,
                format!("{} must be on its own line", marker_name(marker)),
            ));
        }
        match nodes.into_iter().next() {
            Some(InlineNode::Figure(variant)) => self.push_block(BlockNode::Figure(variant), at),
            Some(InlineNode::Related(title)) => {
                if self.related.is_some() {
                    return Err(self.error(at, "only one [[related: …]] line is allowed"));
                }
                if self.title.is_none() {
                    return Err(self.error(at, "[[related: …]] comes after the `# Title`"));
                }
                self.related = Some(title);
                Ok(())
            }
            _ => unreachable!("a line marker was found above"),
        }
    }

    fn end_heading(&mut self, open: OpenHeading, nodes: Vec<InlineNode>) -> Result<(), String> {
        let at = open.offset;
        let mut heading = String::new();
        for node in &nodes {
            match node {
                InlineNode::Text(text) => heading.push_str(text),
                _ => {
                    return Err(
                        self.error(at, "headings hold plain text only (no emphasis or markers)")
                    )
                }
            }
        }
        if heading.is_empty() {
            return Err(self.error(at, "empty heading"));
        }
        if heading.contains('{') || heading.contains('}') {
            return Err(self.error(
                at,
                format!("cannot read the heading attributes in \"{heading}\"; write them at the end of the line as {{#id short=\"Label\"}}"),
            ));
        }
        let attributes = self.heading_attributes(at)?;

        if open.level == 1 {
            if self.title.is_some() {
                return Err(self.error(
                    at,
                    format!("a second `# ` title \"{heading}\"; the article has exactly one"),
                ));
            }
            if attributes.id.is_some() || attributes.short.is_some() {
                return Err(self.error(at, "the `# ` title takes no {#id} or short label"));
            }
            self.title = Some(heading);
            return Ok(());
        }

        if self.title.is_none() {
            return Err(self.error(
                at,
                format!("heading \"{heading}\" comes before the `# ` title"),
            ));
        }
        if open.level == 3 && self.sections.is_empty() {
            return Err(self.error(
                at,
                format!("`### {heading}` comes before any `## ` section"),
            ));
        }
        let Some(id) = attributes.id else {
            return Err(self.error(
                at,
                format!(
                    "heading \"{heading}\" needs a stable id, e.g. {{#types}}; allowed ids: {}",
                    SECTION_IDS.join(", ")
                ),
            ));
        };
        if !SECTION_IDS.contains(&id.as_str()) {
            return Err(self.error(
                at,
                format!(
                    "unknown section id `{id}`; allowed ids: {}",
                    SECTION_IDS.join(", ")
                ),
            ));
        }
        if self.sections.iter().any(|s| s.id == id) {
            return Err(self.error(at, format!("section id `{id}` is used twice")));
        }
        if open.level == 3 && attributes.short.is_some() {
            return Err(self.error(
                at,
                "short labels are for `## ` sections (the table of contents) only",
            ));
        }
        self.sections.push(SectionNode {
            id,
            level: open.level,
            heading,
            short: attributes.short,
            blocks: Vec::new(),
        });
        Ok(())
    }

    /// Reads `{#id short="Label"}` from the end of the heading's source line. pulldown-cmark
    /// splits attribute values at spaces, so the quoted label is read here from the source.
    fn heading_attributes(&self, at: usize) -> Result<HeadingAttributes, String> {
        let line = self.source[at..].lines().next().unwrap_or("").trim_end();
        let mut attributes = HeadingAttributes::default();
        if !line.ends_with('}') {
            return Ok(attributes);
        }
        let Some(open) = line.rfind('{') else {
            return Ok(attributes);
        };
        let mut rest = line[open + 1..line.len() - 1].trim_start();
        while !rest.is_empty() {
            if let Some(after_hash) = rest.strip_prefix('#') {
                let end = after_hash
                    .find(char::is_whitespace)
                    .unwrap_or(after_hash.len());
                let id = &after_hash[..end];
                if id.is_empty() || attributes.id.is_some() {
                    return Err(self.error(at, "a heading takes exactly one {#id}"));
                }
                attributes.id = Some(id.to_string());
                rest = after_hash[end..].trim_start();
            } else if let Some(after_key) = rest.strip_prefix("short=") {
                let (label, remainder) = match after_key.strip_prefix('"') {
                    Some(quoted) => match quoted.find('"') {
                        Some(close) => (&quoted[..close], &quoted[close + 1..]),
                        None => return Err(self.error(at, "unclosed quote in short=\"…\"")),
                    },
                    None => {
                        let end = after_key
                            .find(char::is_whitespace)
                            .unwrap_or(after_key.len());
                        (&after_key[..end], &after_key[end..])
                    }
                };
                let label = label.trim();
                if label.is_empty() {
                    return Err(self.error(at, "empty short label"));
                }
                attributes.short = Some(label.to_string());
                rest = remainder.trim_start();
            } else {
                let word = rest.split_whitespace().next().unwrap_or(rest);
                return Err(self.error(
                    at,
                    format!("unknown heading attribute `{word}`; headings take {{#id}} and optionally short=\"Label\""),
                ));
            }
        }
        Ok(attributes)
    }

    fn push_block(&mut self, block: BlockNode, at: usize) -> Result<(), String> {
        if self.title.is_none() {
            return Err(self.error(at, "text before the `# ` title"));
        }
        match self.sections.last_mut() {
            Some(section) => section.blocks.push(block),
            None => self.lead.push(block),
        }
        Ok(())
    }

    fn finish(self) -> Result<ArticleNode, String> {
        let title = self
            .title
            .ok_or("no `# ` title line; the article needs exactly one")?;
        let missing: Vec<&str> = SECTION_IDS
            .iter()
            .copied()
            .filter(|id| !self.sections.iter().any(|s| s.id == *id))
            .collect();
        if !missing.is_empty() {
            return Err(format!(
                "missing section ids: {} (the widget links to them)",
                missing.join(", ")
            ));
        }
        let description = description_of(&self.lead)?;
        Ok(ArticleNode {
            title,
            lead: self.lead,
            sections: self.sections,
            related: self.related,
            description,
        })
    }
}

#[derive(Default)]
struct HeadingAttributes {
    id: Option<String>,
    short: Option<String>,
}

/// Splits the collector's pending plain text into text and `[[…]]` markers.
/// Errors carry the byte offset they refer to.
fn flush_plain(collector: &mut InlineCollector) -> Result<(), (usize, String)> {
    let plain = std::mem::take(&mut collector.plain);
    let at = collector.plain_offset;
    let mut rest = plain.as_str();
    while let Some(open) = rest.find("[[") {
        collector
            .nodes
            .push(InlineNode::Text(rest[..open].to_string()));
        let after = &rest[open + 2..];
        let close = after
            .find("]]")
            .ok_or((at, "`[[` without a closing `]]`".to_string()))?;
        collector
            .nodes
            .push(parse_marker(after[..close].trim()).map_err(|m| (at, m))?);
        rest = &after[close + 2..];
    }
    collector.nodes.push(InlineNode::Text(rest.to_string()));
    Ok(())
}

fn parse_marker(inner: &str) -> Result<InlineNode, String> {
    if inner == "product" {
        return Ok(InlineNode::Product);
    }
    if let Some(name) = inner.strip_prefix("figure:") {
        let name = name.trim();
        return FIGURES
            .iter()
            .find(|(known, _)| *known == name)
            .map(|(_, variant)| InlineNode::Figure(variant))
            .ok_or_else(|| {
                let known: Vec<&str> = FIGURES.iter().map(|(n, _)| *n).collect();
                format!(
                    "unknown figure `{name}`; known figures: {}",
                    known.join(", ")
                )
            });
    }
    if let Some(title) = inner.strip_prefix("related:") {
        let title = title.trim();
        if title.is_empty() {
            return Err("[[related: …]] needs a title".to_string());
        }
        return Ok(InlineNode::Related(title.to_string()));
    }
    Err(format!("unknown marker `[[{inner}]]`; markers are [[product]], [[figure:NAME]] and [[related: Title]]"))
}

fn is_line_marker(node: &InlineNode) -> bool {
    matches!(node, InlineNode::Figure(_) | InlineNode::Related(_))
}

fn marker_name(node: &InlineNode) -> &'static str {
    match node {
        InlineNode::Figure(_) => "[[figure:…]]",
        _ => "[[related: …]]",
    }
}

/// Collapses runs of spaces, trims the ends and drops empty text nodes.
fn tidy_whitespace(nodes: Vec<InlineNode>) -> Vec<InlineNode> {
    let mut tidy: Vec<InlineNode> = Vec::new();
    for node in nodes {
        match node {
            InlineNode::Text(text) => {
                let collapsed = collapse_spaces(&text);
                match tidy.last_mut() {
                    Some(InlineNode::Text(previous)) => {
                        previous.push_str(&collapsed);
                        *previous = collapse_spaces(previous);
                    }
                    _ => tidy.push(InlineNode::Text(collapsed)),
                }
            }
            InlineNode::Emphasis(text) => tidy.push(InlineNode::Emphasis(collapse_spaces(&text))),
            InlineNode::Strong(text) => tidy.push(InlineNode::Strong(collapse_spaces(&text))),
            other => tidy.push(other),
        }
    }
    if let Some(InlineNode::Text(first)) = tidy.first_mut() {
        *first = first.trim_start().to_string();
    }
    if let Some(InlineNode::Text(last)) = tidy.last_mut() {
        *last = last.trim_end().to_string();
    }
    tidy.retain(|node| !matches!(node, InlineNode::Text(text) if text.is_empty()));
    tidy
}

/// Replaces every run of whitespace (ASCII or no-break space) with one space.
fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out
}

/// The first sentence of the first lead paragraph: the page's meta description.
fn description_of(lead: &[BlockNode]) -> Result<String, String> {
    let Some(BlockNode::Paragraph(nodes)) = lead.first() else {
        return Err("the article needs a paragraph right after the `# ` title (its first sentence is the meta description)".to_string());
    };
    let mut text = String::new();
    for node in nodes {
        match node {
            InlineNode::Text(t) | InlineNode::Emphasis(t) | InlineNode::Strong(t) => {
                text.push_str(t)
            }
            _ => return Err(
                "the first paragraph after the title is the meta description: no [[product]] in it"
                    .to_string(),
            ),
        }
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, (byte, c)) in chars.iter().enumerate() {
        let at_end = chars
            .get(i + 1)
            .is_none_or(|(_, next)| next.is_whitespace());
        if matches!(c, '.' | '?' | '!') && at_end {
            return Ok(text[..byte + c.len_utf8()].to_string());
        }
    }
    Ok(text)
}

// ---------------------------------------------------------------------------------------------
// Emitting Rust

fn emit_rust(article: &ArticleNode) -> String {
    let mut out = String::new();
    out.push_str(
        "// @generated by core/build/article.rs from content/article.md. Do not edit.\n\n",
    );
    out.push_str("static ARTICLE: Article = Article {\n");
    let _ = writeln!(out, "    title: {:?},", article.title);
    let _ = writeln!(out, "    lead: {},", blocks_literal(&article.lead));
    out.push_str("    sections: &[\n");
    for section in &article.sections {
        let _ = writeln!(
            out,
            "        Section {{ id: {:?}, level: {}, heading: {:?}, short: {}, blocks: {} }},",
            section.id,
            section.level,
            section.heading,
            option_literal(section.short.as_deref()),
            blocks_literal(&section.blocks),
        );
    }
    out.push_str("    ],\n");
    let _ = writeln!(
        out,
        "    related: {},",
        option_literal(article.related.as_deref())
    );
    out.push_str("};\n\n");
    let _ = writeln!(out, "static DESCRIPTION: &str = {:?};", article.description);
    // The headings alone, so the app (which links to sections but never draws the article)
    // does not keep the whole article body alive in the wasm.
    out.push_str("\nstatic HEADINGS: &[(&str, &str)] = &[\n");
    for section in &article.sections {
        let _ = writeln!(out, "    ({:?}, {:?}),", section.id, section.heading);
    }
    out.push_str("];\n");
    out
}

fn option_literal(value: Option<&str>) -> String {
    match value {
        Some(text) => format!("Some({text:?})"),
        None => "None".to_string(),
    }
}

fn blocks_literal(blocks: &[BlockNode]) -> String {
    let items: Vec<String> = blocks
        .iter()
        .map(|block| match block {
            BlockNode::Paragraph(nodes) => format!("Block::Paragraph({})", inlines_literal(nodes)),
            BlockNode::List(items) => {
                let items: Vec<String> = items.iter().map(|item| inlines_literal(item)).collect();
                format!("Block::List(&[{}])", items.join(", "))
            }
            BlockNode::Figure(variant) => format!("Block::Figure(Figure::{variant})"),
        })
        .collect();
    format!("&[{}]", items.join(", "))
}

fn inlines_literal(nodes: &[InlineNode]) -> String {
    let items: Vec<String> = nodes
        .iter()
        .map(|node| match node {
            InlineNode::Text(text) => format!("Inline::Text({text:?})"),
            InlineNode::Emphasis(text) => format!("Inline::Emphasis({text:?})"),
            InlineNode::Strong(text) => format!("Inline::Strong({text:?})"),
            InlineNode::Product => "Inline::Product".to_string(),
            InlineNode::Figure(_) | InlineNode::Related(_) => {
                unreachable!("line markers become blocks or `related` before emitting")
            }
        })
        .collect();
    format!("&[{}]", items.join(", "))
}
