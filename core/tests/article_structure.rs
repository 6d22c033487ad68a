//! Structure of the generated article: one title, heading order, stable unique ids, the table
//! of contents, the product marker and the figure where the seed has them, and the sources note.

use massage_guide_core::article::{
    article, description, heading, plain_text, section, toc, Block, Figure, Inline, Section,
};
use massage_guide_core::config::DEFAULT_PRODUCT_NAME;

const SEED_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/seed-article.txt"
);
const ARTICLE_MARKDOWN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../content/article.md");

/// The ids the widget links to, with the level and heading each must have, in reading order.
const EXPECTED_SECTIONS: &[(&str, u8, &str)] = &[
    ("types", 2, "Types of Lower Back Pain"),
    (
        "can-massage-help",
        2,
        "Can Massage Therapy Help Lower Back Pain?",
    ),
    (
        "research",
        2,
        "What Does the Research Say About Massage and Low Back Pain?",
    ),
    ("self-massage", 2, "How to Self-Massage for Lower Back Pain"),
    ("using-hands", 3, "Using Your Hands"),
    ("using-body-massager", 3, "Using a Body Massager"),
    ("takeaway", 2, "The Takeaway on Massage for Low Back Pain"),
    ("sources", 2, "Sources"),
];

fn seed() -> String {
    std::fs::read_to_string(SEED_PATH)
        .unwrap_or_else(|e| panic!("cannot read the seed copy at {SEED_PATH}: {e}"))
}

fn inline_text(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|inline| inline.text(DEFAULT_PRODUCT_NAME))
        .collect()
}

/// Every (section id or "lead", block) pair in reading order.
fn all_blocks() -> Vec<(&'static str, &'static Block)> {
    let lead = article().lead.iter().map(|block| ("lead", block));
    let sections = article()
        .sections
        .iter()
        .flat_map(|s| s.blocks.iter().map(move |block| (s.id, block)));
    lead.chain(sections).collect()
}

#[test]
fn exactly_one_title_in_the_markdown_and_the_data() {
    let markdown =
        std::fs::read_to_string(ARTICLE_MARKDOWN).expect("content/article.md is readable");
    let h1_lines = markdown
        .lines()
        .filter(|line| line.starts_with("# "))
        .count();
    assert_eq!(h1_lines, 1, "content/article.md has exactly one `# ` title");
    assert_eq!(
        article().title,
        "Does Massage Help Lower Back Pain? What To Know"
    );
    assert!(article()
        .sections
        .iter()
        .all(|s| s.heading != article().title));
}

#[test]
fn sections_have_the_expected_ids_levels_and_headings_in_order() {
    let actual: Vec<(&str, u8, &str)> = article()
        .sections
        .iter()
        .map(|s| (s.id, s.level, s.heading))
        .collect();
    assert_eq!(actual, EXPECTED_SECTIONS);
}

#[test]
fn headings_are_h2_or_h3_and_h3_only_follows_a_section() {
    let sections = article().sections;
    assert_eq!(
        sections.first().map(|s| s.level),
        Some(2),
        "the first section is an h2"
    );
    for pair in sections.windows(2) {
        assert!(
            matches!(pair[1].level, 2 | 3),
            "{} has level {}",
            pair[1].id,
            pair[1].level
        );
        assert!(
            pair[1].level <= pair[0].level + 1,
            "{} skips a level after {}",
            pair[1].id,
            pair[0].id
        );
    }
}

#[test]
fn section_ids_are_unique_and_look_like_fragment_ids() {
    let ids: Vec<&str> = article().sections.iter().map(|s| s.id).collect();
    for (index, id) in ids.iter().enumerate() {
        assert!(!ids[..index].contains(id), "id {id} is used twice");
        assert!(
            !id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "id {id:?} is lower-case letters and hyphens"
        );
    }
}

#[test]
fn section_lookup_finds_every_id() {
    for (id, _, heading) in EXPECTED_SECTIONS {
        assert_eq!(section(id).map(|s| s.heading), Some(*heading));
    }
    assert!(section("nope").is_none());
}

#[test]
fn heading_lookup_matches_the_sections() {
    for section in article().sections {
        assert_eq!(heading(section.id), Some(section.heading), "heading of {}", section.id);
    }
    assert_eq!(heading("nope"), None);
}

#[test]
fn the_lead_is_the_three_opening_paragraphs() {
    let lead = article().lead;
    assert_eq!(lead.len(), 3);
    assert!(lead
        .iter()
        .all(|block| matches!(block, Block::Paragraph(_))));
}

#[test]
fn toc_lists_the_h2_sections_with_their_labels() {
    let entries: Vec<(&str, &str)> = toc().map(|s: &Section| (s.id, s.toc_label())).collect();
    assert_eq!(
        entries,
        [
            ("types", "Types of pain"),
            ("can-massage-help", "Can massage help?"),
            ("research", "The research"),
            ("self-massage", "How to self-massage"),
            ("takeaway", "Takeaway"),
            ("sources", "Sources"),
        ]
    );
}

#[test]
fn the_description_is_the_first_sentence_of_the_lead() {
    assert_eq!(description(), "Are you suffering from lower back pain and wondering if a massage can help you find relief?");
}

#[test]
fn the_product_marker_is_where_the_seed_names_the_product() {
    let seed = seed();
    assert_eq!(
        seed.matches(DEFAULT_PRODUCT_NAME).count(),
        2,
        "the seed names the product twice"
    );

    let with_product: Vec<(&str, &[Inline])> = all_blocks()
        .into_iter()
        .filter_map(|(id, block)| match block {
            Block::Paragraph(inlines) if inlines.contains(&Inline::Product) => Some((id, *inlines)),
            _ => None,
        })
        .collect();
    let sections: Vec<&str> = with_product.iter().map(|(id, _)| *id).collect();
    assert_eq!(sections, ["using-body-massager", "takeaway"]);

    for (id, inlines) in with_product {
        assert_eq!(
            inlines
                .iter()
                .filter(|inline| **inline == Inline::Product)
                .count(),
            1,
            "{id}"
        );
        let rendered = inline_text(inlines);
        assert!(
            seed.lines()
                .any(|line| line.split_whitespace().eq(rendered.split_whitespace())),
            "in {id}, the paragraph with the product marker is a seed paragraph: {rendered}"
        );
    }
}

#[test]
fn the_product_name_is_never_hard_coded_in_the_text() {
    for (id, block) in all_blocks() {
        let inlines: Vec<&Inline> = match block {
            Block::Paragraph(inlines) => inlines.iter().collect(),
            Block::List(items) => items.iter().flat_map(|item| item.iter()).collect(),
            Block::Figure(_) => Vec::new(),
        };
        for inline in inlines {
            assert!(
                !inline.text("").contains("MedMassager"),
                "{id} names the product outside [[product]]"
            );
        }
    }
    assert_eq!(plain_text().matches(DEFAULT_PRODUCT_NAME).count(), 2);
}

#[test]
fn the_back_figure_follows_the_hands_steps() {
    let figures: Vec<(&str, Figure)> = all_blocks()
        .into_iter()
        .filter_map(|(id, block)| match block {
            Block::Figure(figure) => Some((id, *figure)),
            _ => None,
        })
        .collect();
    assert_eq!(figures, [("using-hands", Figure::Back)]);
    let hands = section("using-hands").expect("using-hands exists").blocks;
    assert!(
        matches!(hands, [Block::Paragraph(_), Block::List(steps), Block::Figure(Figure::Back)] if steps.len() == 4)
    );
}

#[test]
fn lists_keep_every_seed_bullet() {
    let list_sizes: Vec<(&str, usize)> = all_blocks()
        .into_iter()
        .filter_map(|(id, block)| match block {
            Block::List(items) => Some((id, items.len())),
            _ => None,
        })
        .collect();
    assert_eq!(
        list_sizes,
        [
            ("research", 2),
            ("using-hands", 4),
            ("using-body-massager", 4),
            ("sources", 3)
        ]
    );
    let seed_bullets = seed()
        .lines()
        .filter(|line| line.trim_start().starts_with('•'))
        .count();
    assert_eq!(seed_bullets, 2 + 4 + 4);
}

#[test]
fn the_sources_note_names_the_2014_study_and_the_seed_mentions() {
    let sources = section("sources").expect("sources exists");
    let text: String = sources
        .blocks
        .iter()
        .flat_map(|block| match block {
            Block::List(items) => items
                .iter()
                .map(|item| inline_text(item))
                .collect::<Vec<_>>(),
            Block::Paragraph(inlines) => vec![inline_text(inlines)],
            Block::Figure(_) => Vec::new(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    for needed in [
        "Kamali",
        "2014",
        "30 women",
        "10 sessions",
        "stretching",
        "stabilising exercises",
        "University of Maryland Medical System",
    ] {
        assert!(
            text.contains(needed),
            "the sources note mentions {needed:?}:\n{text}"
        );
    }
    assert!(!text.contains("http"), "the sources note carries no links");
}

#[test]
fn related_reading_is_text_only() {
    assert_eq!(
        article().related,
        Some("Does Massage Help With Arthritis? Benefits and Research")
    );
}
