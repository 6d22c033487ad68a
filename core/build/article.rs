//! Generator for content/article.md (placeholder until its issue lands).
use std::path::Path;

pub fn generate(_source: &Path, out: &Path) -> Result<(), String> {
    std::fs::write(out, "// generated placeholder\n").map_err(|e| e.to_string())
}
