/// The article's section ids: the table of contents and the quiz outcomes link to them.
/// Every section heading in `content/article.md` carries one, each exactly once. Shared by
/// the build-time generators (`core/build.rs`) and the library (`article::SECTION_IDS`).
pub const SECTION_IDS: &[&str] = &[
    "types",
    "can-massage-help",
    "research",
    "self-massage",
    "using-hands",
    "using-body-massager",
    "takeaway",
    "sources",
];
