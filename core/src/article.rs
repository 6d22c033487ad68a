//! The article: typed content generated at build time from `content/article.md`.
