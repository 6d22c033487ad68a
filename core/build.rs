//! Build script of the pure core: reads the editor-facing data files in `../content/`,
//! validates them and writes Rust tables into `$OUT_DIR`, so the wasm carries the
//! result and no parser. A bad file fails the build with a message naming file and field.
//!
//! Each data file has its own generator module under `build/`.

#[path = "build/article.rs"]
mod article;
#[path = "build/locale.rs"]
mod locale;
#[path = "build/quiz.rs"]
mod quiz;
#[path = "build/routines.rs"]
mod routines;
#[path = "src/section_ids.rs"]
mod section_ids;

use std::path::{Path, PathBuf};

fn main() {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR is set by cargo"));
    for name in ["article.md", "quiz.toml", "routines.toml", "locales"] {
        println!("cargo:rerun-if-changed={}", content.join(name).display());
    }
    for tag in locale::TAGS {
        let file = content.join("locales").join(format!("{tag}.toml"));
        println!("cargo:rerun-if-changed={}", file.display());
    }
    println!("cargo:rerun-if-changed=build");
    println!("cargo:rerun-if-changed=src/section_ids.rs");
    run("article.md", || {
        article::generate(&content.join("article.md"), &out.join("article.rs"))
    });
    let mut locale_keys = Vec::new();
    run("locales/", || {
        locale_keys = locale::generate(&content.join("locales"), &out.join("locale.rs"))?;
        Ok(())
    });
    run("quiz.toml", || {
        quiz::generate(&content.join("quiz.toml"), &out.join("quiz.rs"), &locale_keys)
    });
    run("routines.toml", || {
        routines::generate(&content.join("routines.toml"), &out.join("routines.rs"))
    });
}

/// Runs one generator and turns its error into a readable build failure.
fn run(file: &str, generate: impl FnOnce() -> Result<(), String>) {
    if let Err(message) = generate() {
        eprintln!("\nerror in content/{file}: {message}\n");
        std::process::exit(1);
    }
}
