//! Content fidelity: every sentence of the seed copy appears in the article's plain text, in
//! order (whitespace, quotes, apostrophes and punctuation normalised). The only differences
//! allowed are the cleaned artefacts in [`ARTEFACTS`], each checked for its replacement.

use massage_guide_core::article::{article, plain_text};

const SEED_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/seed-article.txt"
);

/// What became of one line of the seed copy.
#[derive(Debug)]
enum Cleaned {
    /// Left out (the reason is documentation for the reader of this test).
    Dropped(&'static str),
    /// Replaced by this line.
    Replaced(&'static str),
    /// Became `Article::related`, the optional "Reading next" link.
    Related,
}

/// One cleaned artefact: the 1-based seed line, its text (whitespace-normalised, bullet removed)
/// and what the article has instead.
#[derive(Debug)]
struct Artefact {
    line: usize,
    seed: &'static str,
    cleaned: Cleaned,
}

const ARTEFACTS: &[Artefact] = &[
    Artefact { line: 1, seed: "back pain", cleaned: Cleaned::Dropped("category tag above the title") },
    Artefact {
        line: 5,
        seed: "Does Massage Help Lower Back Pain? What To Know",
        cleaned: Cleaned::Dropped("doubled title"),
    },
    Artefact {
        line: 41,
        seed: "2020 study looking at complementary therapies for chronic low back pain found that massage therapy helped patients report better outcomes in pain and related symptoms.",
        cleaned: Cleaned::Replaced(
            "A 2020 study looking at complementary therapies for chronic low back pain found that massage therapy helped patients report better outcomes in pain and related symptoms.",
        ),
    },
    Artefact {
        line: 46,
        seed: "So, you want to try massage for lower back pain at home, but aren’t sure how? Here's how you can started:",
        cleaned: Cleaned::Replaced(
            "So, you want to try massage for lower back pain at home, but aren’t sure how? Here's how you can get started:",
        ),
    },
    Artefact { line: 76, seed: "Reading next", cleaned: Cleaned::Dropped("label of the related link; the view supplies it") },
    Artefact {
        line: 78,
        seed: "Does Massage Help With Arthritis? Benefits and Research",
        cleaned: Cleaned::Related,
    },
    Artefact {
        line: 79,
        seed: "Does Massage Help With Arthritis? Benefits and Research",
        cleaned: Cleaned::Dropped("duplicated related line"),
    },
];

// ---------------------------------------------------------------------------------------------
// Normalisation and the in-order check

/// Collapses all whitespace (including no-break spaces) to single spaces and trims.
fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Canonical form for matching: typographic quotes, apostrophes and dashes folded, every other
/// punctuation mark removed, words separated by one space.
fn canonical(text: &str) -> String {
    let folded: String = text
        .chars()
        .map(|c| match c {
            '’' | '‘' | '\'' | '"' | '“' | '”' => ' ',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        })
        .collect();
    collapse_whitespace(&folded)
}

/// The seed's non-empty lines as (1-based line number, whitespace-normalised text without the
/// bullet).
fn seed_lines() -> Vec<(usize, String)> {
    let seed = std::fs::read_to_string(SEED_PATH)
        .unwrap_or_else(|e| panic!("cannot read the seed copy at {SEED_PATH}: {e}"));
    seed.lines()
        .enumerate()
        .map(|(index, line)| {
            (
                index + 1,
                collapse_whitespace(line.trim().trim_start_matches('•')),
            )
        })
        .filter(|(_, line)| !line.is_empty())
        .collect()
}

/// Splits a line into sentences at `.`, `?` or `!` (optionally followed by a closing bracket or
/// quote) that is followed by whitespace or the end of the line.
fn sentences(line: &str) -> Vec<String> {
    let chars: Vec<char> = line.chars().collect();
    let mut sentences = Vec::new();
    let mut current = String::new();
    let mut i = 0;
    while i < chars.len() {
        current.push(chars[i]);
        if matches!(chars[i], '.' | '?' | '!') {
            while i + 1 < chars.len() && matches!(chars[i + 1], ')' | '"' | '”' | '’') {
                i += 1;
                current.push(chars[i]);
            }
            if i + 1 == chars.len() || chars[i + 1].is_whitespace() {
                sentences.push(current.trim().to_string());
                current.clear();
            }
        }
        i += 1;
    }
    if !current.trim().is_empty() {
        sentences.push(current.trim().to_string());
    }
    sentences
}

/// The seed lines the article must contain, after applying [`ARTEFACTS`].
fn expected_lines() -> Vec<(usize, String)> {
    seed_lines()
        .into_iter()
        .filter_map(
            |(number, line)| match ARTEFACTS.iter().find(|a| a.line == number) {
                None
                | Some(Artefact {
                    cleaned: Cleaned::Related,
                    ..
                }) => Some((number, line)),
                Some(Artefact {
                    cleaned: Cleaned::Replaced(new),
                    ..
                }) => Some((number, new.to_string())),
                Some(Artefact {
                    cleaned: Cleaned::Dropped(_),
                    ..
                }) => None,
            },
        )
        .collect()
}

/// Every sentence of `expected` that does not appear in `text` in order, as
/// "seed line N: sentence". Empty means all are there.
fn missing_in_order(expected: &[(usize, String)], text: &str) -> Vec<String> {
    let haystack = format!(" {} ", canonical(text));
    let mut cursor = 0;
    let mut missing = Vec::new();
    for (number, line) in expected {
        for sentence in sentences(line) {
            let needle = format!(" {} ", canonical(&sentence));
            match haystack[cursor..].find(&needle) {
                // Keep the needle's trailing space: it is the next needle's leading space.
                Some(found) => cursor += found + needle.len() - 1,
                None if haystack.contains(&needle) => {
                    missing.push(format!("seed line {number} (out of order): {sentence}"))
                }
                None => missing.push(format!("seed line {number}: {sentence}")),
            }
        }
    }
    missing
}

fn plain_lines() -> Vec<String> {
    plain_text().lines().map(collapse_whitespace).collect()
}

// ---------------------------------------------------------------------------------------------
// The article against the seed

#[test]
fn every_seed_sentence_appears_in_the_article_in_order() {
    let expected = expected_lines();
    let sentence_count: usize = expected.iter().map(|(_, line)| sentences(line).len()).sum();
    assert!(
        sentence_count > 60,
        "the seed should split into many sentences, got {sentence_count}"
    );
    let missing = missing_in_order(&expected, &plain_text());
    assert!(
        missing.is_empty(),
        "seed sentences missing from the article:\n{}",
        missing.join("\n")
    );
}

#[test]
fn artefact_list_matches_the_seed() {
    let lines = seed_lines();
    for artefact in ARTEFACTS {
        let seed_line = lines
            .iter()
            .find(|(number, _)| *number == artefact.line)
            .unwrap_or_else(|| panic!("seed line {} is empty or missing", artefact.line));
        assert_eq!(
            seed_line.1, artefact.seed,
            "seed line {} is not what the artefact list says",
            artefact.line
        );
    }
}

#[test]
fn each_artefact_is_cleaned_as_listed() {
    let seed = seed_lines();
    let plain = plain_lines();
    for artefact in ARTEFACTS {
        let in_seed = seed
            .iter()
            .filter(|(_, line)| line == artefact.seed)
            .count();
        let in_article = plain.iter().filter(|line| *line == artefact.seed).count();
        match artefact.cleaned {
            Cleaned::Dropped(why) => {
                let dropped = ARTEFACTS
                    .iter()
                    .filter(|a| a.seed == artefact.seed && matches!(a.cleaned, Cleaned::Dropped(_)))
                    .count();
                assert_eq!(
                    in_article,
                    in_seed - dropped,
                    "seed line {} ({why}): \"{}\" should appear {} time(s) in the article",
                    artefact.line,
                    artefact.seed,
                    in_seed - dropped
                );
            }
            Cleaned::Replaced(new) => {
                assert_eq!(
                    in_article, 0,
                    "seed line {}: the uncleaned text is still there",
                    artefact.line
                );
                assert_eq!(
                    plain.iter().filter(|line| *line == new).count(),
                    1,
                    "seed line {}: the replacement \"{new}\" should be one line of the article",
                    artefact.line
                );
            }
            Cleaned::Related => {
                assert_eq!(
                    article().related,
                    Some(artefact.seed),
                    "seed line {}",
                    artefact.line
                );
                assert_eq!(
                    plain.last().map(String::as_str),
                    Some(artefact.seed),
                    "the related title comes last"
                );
            }
        }
    }
}

#[test]
fn the_title_is_the_first_line_and_appears_once() {
    let plain = plain_lines();
    assert_eq!(plain[0], article().title);
    assert_eq!(
        plain.iter().filter(|line| *line == article().title).count(),
        1
    );
    assert!(
        !plain.iter().any(|line| line == "back pain"),
        "the tag line is gone"
    );
}

#[test]
fn the_uncleaned_phrase_is_gone() {
    let text = plain_text();
    assert!(!text.contains("how you can started"));
    assert!(text.contains("how you can get started"));
}

// ---------------------------------------------------------------------------------------------
// The check itself can fail

fn without_line(text: &str, unwanted: &str) -> String {
    let kept: Vec<&str> = text.lines().filter(|line| *line != unwanted).collect();
    assert_eq!(
        kept.len() + 1,
        text.lines().count(),
        "test setup: \"{unwanted}\" is one line"
    );
    kept.join("\n")
}

#[test]
fn check_catches_a_dropped_list_item() {
    let text = without_line(&plain_text(), "Find a comfortable chair with a high back.");
    let missing = missing_in_order(&expected_lines(), &text);
    assert_eq!(
        missing,
        vec!["seed line 63: Find a comfortable chair with a high back.".to_string()]
    );
}

#[test]
fn check_catches_a_dropped_heading() {
    let text = without_line(&plain_text(), "Using Your Hands");
    let missing = missing_in_order(&expected_lines(), &text);
    assert_eq!(missing, vec!["seed line 48: Using Your Hands".to_string()]);
}

#[test]
fn check_catches_a_changed_word() {
    let text = plain_text().replace("Rarely, lower back pain", "Often, lower back pain");
    let missing = missing_in_order(&expected_lines(), &text);
    assert_eq!(
        missing,
        vec![
            "seed line 19: Rarely, lower back pain happens with more serious medical conditions."
                .to_string()
        ]
    );
}

#[test]
fn check_catches_paragraphs_out_of_order() {
    let first =
        "Typically, back pain falls into one of two categories: Acute (aka short-term) or chronic.";
    let second = "Massage will affect each type of back pain differently, so it’s important to understand the source of yours.";
    let text = plain_text()
        .replace(second, "@")
        .replace(first, second)
        .replace('@', first);
    let missing = missing_in_order(&expected_lines(), &text);
    assert_eq!(missing.len(), 1, "{missing:?}");
    assert!(missing[0].contains("out of order"), "{missing:?}");
}

#[test]
fn normalisation_folds_quotes_dashes_and_whitespace_only() {
    assert_eq!(
        canonical("It’s  \u{a0}“fine” — (really.)"),
        canonical("It's \"fine\" - (really)")
    );
    assert_ne!(canonical("can get started"), canonical("can started"));
    assert_eq!(
        sentences("Stretch first!) To start: a. b? (c.) d"),
        vec!["Stretch first!)", "To start: a.", "b?", "(c.)", "d"]
    );
}
