//! Generator for `content/quiz.toml`: parses the triage quiz (flags, rules, questions,
//! outcomes), validates it, and writes it as `static` Rust tables to `$OUT_DIR/quiz.rs`,
//! which `core/src/triage/mod.rs` includes. The wasm carries the tables, not a TOML parser.
//!
//! Every check fails the build with a message naming the entry and field, e.g.
//! `question "urgent", option "fever", flags: "fevr" is not declared in [[flag]]`.

use serde::Deserialize;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use crate::section_ids::SECTION_IDS;

/// Timer routines an outcome may suggest (ids in `content/routines.toml`).
const ROUTINE_IDS: &[&str] = &["hands", "body-massager"];

/// The outcomes `core/src/triage/mod.rs` names, most cautious first: (id here, Rust variant).
const OUTCOMES: &[(&str, &str)] = &[
    ("emergency", "Emergency"),
    ("see-doctor-first", "SeeDoctorFirst"),
    ("ask-a-doctor", "AskADoctor"),
    ("see-doctor-soon", "SeeDoctorSoon"),
    ("hold-off", "HoldOff"),
    ("ask-first", "AskFirst"),
    ("massage-with-exercise", "MassageWithExercise"),
    ("massage-may-help", "MassageMayHelp"),
];

/// The only `{placeholder}` reader-facing text may contain.
const PLACEHOLDER: &str = "{emergency}";

/// Answers are stored as one `u16` bit set per question and flags as one `u32`.
const MAX_QUESTIONS: usize = 16;
const MAX_OPTIONS: usize = 16;
const MAX_FLAGS: usize = 32;

pub fn generate(source: &Path, out: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(source)
        .map_err(|e| format!("cannot read {}: {e}", source.display()))?;
    let quiz: QuizFile = toml::from_str(&text).map_err(|e| e.to_string())?;
    validate(&quiz)?;
    std::fs::write(out, emit_rust(&quiz))
        .map_err(|e| format!("cannot write {}: {e}", out.display()))
}

// ---------------------------------------------------------------------------------------------
// The file's shape

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuizFile {
    otherwise: String,
    disclaimer: String,
    intro: IntroSrc,
    #[serde(rename = "flag")]
    flags: Vec<FlagSrc>,
    #[serde(rename = "rule")]
    rules: Vec<RuleSrc>,
    #[serde(rename = "question")]
    questions: Vec<QuestionSrc>,
    #[serde(rename = "outcome")]
    outcomes: Vec<OutcomeSrc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IntroSrc {
    title: String,
    paragraphs: Vec<String>,
    start_label: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FlagSrc {
    id: String,
    means: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSrc {
    when: Vec<String>,
    then: String,
    /// For reviewers only; not emitted.
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Deserialize, Clone, Copy, PartialEq)]
#[serde(rename_all = "lowercase")]
enum Kind {
    Single,
    Multi,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionSrc {
    id: String,
    kind: Kind,
    summary: String,
    prompt: String,
    hint: Option<String>,
    #[serde(rename = "option")]
    options: Vec<OptionSrc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OptionSrc {
    id: String,
    label: String,
    detail: Option<String>,
    flags: Vec<String>,
    #[serde(default)]
    none: bool,
    #[serde(default)]
    not_sure: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OutcomeSrc {
    id: String,
    title: String,
    summary: String,
    because: String,
    do_now: Vec<String>,
    sections: Vec<String>,
    timer: bool,
    product: bool,
    routine: Option<String>,
    #[serde(default)]
    immediate: bool,
}

// ---------------------------------------------------------------------------------------------
// Validation

fn validate(quiz: &QuizFile) -> Result<(), String> {
    text("disclaimer", &quiz.disclaimer)?;
    text("intro.title", &quiz.intro.title)?;
    text("intro.start_label", &quiz.intro.start_label)?;
    if quiz.intro.paragraphs.is_empty() {
        return Err("intro.paragraphs: needs at least one paragraph".into());
    }
    for (i, p) in quiz.intro.paragraphs.iter().enumerate() {
        text(&format!("intro.paragraphs[{i}]"), p)?;
    }

    // Flags
    if quiz.flags.is_empty() || quiz.flags.len() > MAX_FLAGS {
        return Err(format!(
            "[[flag]]: declare 1 to {MAX_FLAGS} flags (found {})",
            quiz.flags.len()
        ));
    }
    let mut seen = BTreeSet::new();
    for flag in &quiz.flags {
        let at = format!("flag \"{}\"", flag.id);
        ident(&format!("{at}, id"), &flag.id)?;
        if !seen.insert(flag.id.as_str()) {
            return Err(format!("{at}, id: declared twice"));
        }
        text(&format!("{at}, means"), &flag.means)?;
    }
    let flag_known = |at: &str, id: &str| -> Result<(), String> {
        if quiz.flags.iter().any(|f| f.id == id) {
            Ok(())
        } else {
            Err(format!("{at}: \"{id}\" is not declared in [[flag]]"))
        }
    };

    // Outcomes: exactly the ones the Rust code names, in caution order.
    let expected: Vec<&str> = OUTCOMES.iter().map(|(id, _)| *id).collect();
    let found: Vec<&str> = quiz.outcomes.iter().map(|o| o.id.as_str()).collect();
    if found != expected {
        return Err(format!(
            "[[outcome]] ids: expected exactly {expected:?} in this order (most cautious first, \
             as core/src/triage names them), found {found:?}"
        ));
    }
    for o in &quiz.outcomes {
        let at = format!("outcome \"{}\"", o.id);
        text(&format!("{at}, title"), &o.title)?;
        text(&format!("{at}, summary"), &o.summary)?;
        text(&format!("{at}, because"), &o.because)?;
        if o.do_now.is_empty() {
            return Err(format!("{at}, do_now: needs at least one line"));
        }
        for (i, line) in o.do_now.iter().enumerate() {
            text(&format!("{at}, do_now[{i}]"), line)?;
        }
        let mut seen_sections = BTreeSet::new();
        for s in &o.sections {
            if !SECTION_IDS.contains(&s.as_str()) {
                return Err(format!(
                    "{at}, sections: \"{s}\" is not an article section; use one of {SECTION_IDS:?}"
                ));
            }
            if !seen_sections.insert(s) {
                return Err(format!("{at}, sections: \"{s}\" listed twice"));
            }
        }
        match (&o.routine, o.timer) {
            (Some(r), true) if ROUTINE_IDS.contains(&r.as_str()) => {}
            (Some(r), true) => {
                return Err(format!(
                    "{at}, routine: \"{r}\" is not a routine; use one of {ROUTINE_IDS:?}"
                ))
            }
            (None, true) => {
                return Err(format!(
                    "{at}, routine: an outcome that offers the timer must suggest a routine"
                ))
            }
            (Some(_), false) => {
                return Err(format!(
                    "{at}, routine: only an outcome with timer = true may suggest a routine"
                ))
            }
            (None, false) => {}
        }
        if o.product && !o.timer {
            return Err(format!(
                "{at}, product: only an outcome that offers the timer may show the product"
            ));
        }
        if o.immediate && (o.timer || o.product || !o.sections.is_empty()) {
            return Err(format!(
                "{at}: an immediate outcome shows nothing else: timer = false, product = false, sections = []"
            ));
        }
    }
    if !quiz.outcomes.iter().any(|o| o.id == quiz.otherwise) {
        return Err(format!(
            "otherwise: \"{}\" is not an outcome",
            quiz.otherwise
        ));
    }

    // Rules
    let mut seen_rules = BTreeSet::new();
    for (i, rule) in quiz.rules.iter().enumerate() {
        let at = format!("rule {} (then = \"{}\")", i + 1, rule.then);
        if rule.when.is_empty() {
            return Err(format!(
                "{at}, when: needs at least one flag (use `otherwise` for the default)"
            ));
        }
        let mut set = BTreeSet::new();
        for f in &rule.when {
            flag_known(&format!("{at}, when"), f)?;
            if !set.insert(f.as_str()) {
                return Err(format!("{at}, when: \"{f}\" listed twice"));
            }
        }
        if !quiz.outcomes.iter().any(|o| o.id == rule.then) {
            return Err(format!("{at}, then: \"{}\" is not an outcome", rule.then));
        }
        if !seen_rules.insert((set, rule.then.as_str())) {
            return Err(format!("{at}: the same rule appears twice"));
        }
    }
    for o in &quiz.outcomes {
        if o.id != quiz.otherwise && !quiz.rules.iter().any(|r| r.then == o.id) {
            return Err(format!("outcome \"{}\": no [[rule]] leads to it", o.id));
        }
    }

    // Questions
    if quiz.questions.is_empty() || quiz.questions.len() > MAX_QUESTIONS {
        return Err(format!(
            "[[question]]: 1 to {MAX_QUESTIONS} questions (found {})",
            quiz.questions.len()
        ));
    }
    let mut seen_questions = BTreeSet::new();
    for q in &quiz.questions {
        let at = format!("question \"{}\"", q.id);
        ident(&format!("{at}, id"), &q.id)?;
        if !seen_questions.insert(q.id.as_str()) {
            return Err(format!("{at}, id: used twice"));
        }
        text(&format!("{at}, summary"), &q.summary)?;
        text(&format!("{at}, prompt"), &q.prompt)?;
        if let Some(hint) = &q.hint {
            text(&format!("{at}, hint"), hint)?;
        }
        if q.options.len() < 2 || q.options.len() > MAX_OPTIONS {
            return Err(format!(
                "{at}: needs 2 to {MAX_OPTIONS} options (found {})",
                q.options.len()
            ));
        }
        let mut seen_options = BTreeSet::new();
        for o in &q.options {
            let at = format!("{at}, option \"{}\"", o.id);
            ident(&format!("{at}, id"), &o.id)?;
            if !seen_options.insert(o.id.as_str()) {
                return Err(format!("{at}, id: used twice in this question"));
            }
            text(&format!("{at}, label"), &o.label)?;
            if let Some(detail) = &o.detail {
                text(&format!("{at}, detail"), detail)?;
            }
            let mut set = BTreeSet::new();
            for f in &o.flags {
                flag_known(&format!("{at}, flags"), f)?;
                if !set.insert(f) {
                    return Err(format!("{at}, flags: \"{f}\" listed twice"));
                }
            }
            if o.none && o.not_sure {
                return Err(format!("{at}: cannot be both `none` and `not_sure`"));
            }
            if o.none && !o.flags.is_empty() {
                return Err(format!(
                    "{at}, flags: a \"None of these\" option raises no flags"
                ));
            }
        }
        let nones = q.options.iter().filter(|o| o.none).count();
        match q.kind {
            Kind::Multi if nones != 1 => {
                return Err(format!(
                    "{at}: a tick-any (multi) question needs exactly one `none = true` option (found {nones})"
                ))
            }
            Kind::Single if nones != 0 => {
                return Err(format!("{at}: `none = true` is only for tick-any (multi) questions"))
            }
            _ => {}
        }
        let not_sures: Vec<&OptionSrc> = q.options.iter().filter(|o| o.not_sure).collect();
        if not_sures.len() > 1 {
            return Err(format!("{at}: at most one `not_sure = true` option"));
        }
        if let Some(not_sure) = not_sures.first() {
            for other in &q.options {
                for f in &other.flags {
                    if !not_sure.flags.contains(f) {
                        return Err(format!(
                            "{at}, option \"{}\", flags: \"Not sure\" must count as the cautious answer, \
                             so it must also raise \"{f}\" (raised by option \"{}\")",
                            not_sure.id, other.id
                        ));
                    }
                }
            }
        }
    }
    for flag in &quiz.flags {
        let raised = quiz
            .questions
            .iter()
            .flat_map(|q| &q.options)
            .any(|o| o.flags.contains(&flag.id));
        if !raised {
            return Err(format!("flag \"{}\": no option raises it", flag.id));
        }
        if !quiz.rules.iter().any(|r| r.when.contains(&flag.id)) {
            return Err(format!("flag \"{}\": no [[rule]] uses it", flag.id));
        }
    }

    // Placeholders in every reader-facing text.
    let mut texts: Vec<(String, &str)> = vec![
        ("disclaimer".into(), &quiz.disclaimer),
        ("intro.title".into(), &quiz.intro.title),
    ];
    texts.extend(
        quiz.intro
            .paragraphs
            .iter()
            .map(|p| ("intro.paragraphs".to_string(), p.as_str())),
    );
    for q in &quiz.questions {
        texts.push((format!("question \"{}\", prompt", q.id), &q.prompt));
        texts.extend(
            q.hint
                .iter()
                .map(|h| (format!("question \"{}\", hint", q.id), h.as_str())),
        );
        for o in &q.options {
            texts.push((
                format!("question \"{}\", option \"{}\", label", q.id, o.id),
                &o.label,
            ));
            texts.extend(o.detail.iter().map(|d| {
                (
                    format!("question \"{}\", option \"{}\", detail", q.id, o.id),
                    d.as_str(),
                )
            }));
        }
    }
    for o in &quiz.outcomes {
        texts.push((format!("outcome \"{}\", title", o.id), &o.title));
        texts.push((format!("outcome \"{}\", summary", o.id), &o.summary));
        texts.extend(
            o.do_now
                .iter()
                .map(|l| (format!("outcome \"{}\", do_now", o.id), l.as_str())),
        );
    }
    for (at, t) in texts {
        let stripped = t.replace(PLACEHOLDER, "");
        if stripped.contains('{') || stripped.contains('}') {
            return Err(format!(
                "{at}: the only placeholder allowed is {PLACEHOLDER}: {t:?}"
            ));
        }
    }
    Ok(())
}

/// Reader-facing text: not empty and not padded.
fn text(at: &str, value: &str) -> Result<(), String> {
    if value.trim().is_empty() {
        Err(format!("{at}: must not be empty"))
    } else if value.trim() != value {
        Err(format!("{at}: has spaces at the start or end"))
    } else {
        Ok(())
    }
}

/// Ids: lowercase letters, digits and single dashes, e.g. `under-4-weeks`.
fn ident(at: &str, value: &str) -> Result<(), String> {
    let ok = !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !value.starts_with('-')
        && !value.ends_with('-')
        && !value.contains("--");
    if ok {
        Ok(())
    } else {
        Err(format!("{at}: \"{value}\" must be lowercase letters, digits and dashes (like \"under-4-weeks\")"))
    }
}

// ---------------------------------------------------------------------------------------------
// Emitting Rust

fn emit_rust(quiz: &QuizFile) -> String {
    let flag_bits = |ids: &[String]| -> u32 {
        ids.iter()
            .map(|id| {
                1u32 << quiz
                    .flags
                    .iter()
                    .position(|f| &f.id == id)
                    .expect("validated")
            })
            .fold(0, |a, b| a | b)
    };
    let variant = |id: &str| {
        OUTCOMES
            .iter()
            .find(|(o, _)| *o == id)
            .expect("validated")
            .1
    };
    let s = |v: &str| format!("{v:?}");
    let opt = |v: &Option<String>| match v {
        Some(v) => format!("Some({v:?})"),
        None => "None".to_string(),
    };
    let list = |items: &[String]| {
        format!(
            "&[{}]",
            items
                .iter()
                .map(|i| format!("{i:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };

    let mut out = String::new();
    out.push_str("// @generated by core/build/quiz.rs from content/quiz.toml. Do not edit.\n\n");
    let _ = writeln!(
        out,
        "/// Number of questions (entries in [`QUESTIONS`]).\npub(crate) const QUESTION_COUNT: usize = {};",
        quiz.questions.len()
    );
    let _ = writeln!(out, "/// Fingerprint of the questions' ids and options, so saved answers from another quiz version are refused.\nconst QUIZ_FINGERPRINT: &str = \"{:08x}\";", fingerprint(quiz));
    let _ = writeln!(
        out,
        "const DISCLAIMER_TEXT: &str = {};",
        s(&quiz.disclaimer)
    );
    let _ = writeln!(
        out,
        "const OTHERWISE: Outcome = Outcome::{};",
        variant(&quiz.otherwise)
    );
    let _ = writeln!(
        out,
        "static INTRO: Intro = Intro {{ title: {}, paragraphs: {}, start_label: {} }};",
        s(&quiz.intro.title),
        list(&quiz.intro.paragraphs),
        s(&quiz.intro.start_label)
    );

    out.push_str("\nstatic FLAGS: &[Flag] = &[\n");
    for f in &quiz.flags {
        let _ = writeln!(
            out,
            "    Flag {{ id: {}, means: {} }},",
            s(&f.id),
            s(&f.means)
        );
    }
    out.push_str("];\n\nstatic RULES: &[Rule] = &[\n");
    for r in &quiz.rules {
        let _ = writeln!(
            out,
            "    Rule {{ when: FlagSet({:#b}), then: Outcome::{} }},",
            flag_bits(&r.when),
            variant(&r.then)
        );
    }
    out.push_str("];\n\nstatic QUESTIONS: &[Question] = &[\n");
    for q in &quiz.questions {
        let kind = match q.kind {
            Kind::Single => "Single",
            Kind::Multi => "Multi",
        };
        let possible = q
            .options
            .iter()
            .map(|o| flag_bits(&o.flags))
            .fold(0, |a, b| a | b);
        let _ = writeln!(
            out,
            "    Question {{\n        id: {},\n        kind: QuestionKind::{kind},\n        summary: {},\n        prompt: {},\n        hint: {},\n        possible: FlagSet({possible:#b}),\n        options: &[",
            s(&q.id),
            s(&q.summary),
            s(&q.prompt),
            opt(&q.hint)
        );
        for o in &q.options {
            let role = if o.none {
                "NoneOfThese"
            } else if o.not_sure {
                "NotSure"
            } else {
                "Answer"
            };
            let _ = writeln!(
                out,
                "            Choice {{ id: {}, label: {}, detail: {}, role: ChoiceRole::{role}, flags: FlagSet({:#b}) }},",
                s(&o.id),
                s(&o.label),
                opt(&o.detail),
                flag_bits(&o.flags)
            );
        }
        out.push_str("        ],\n    },\n");
    }
    out.push_str("];\n\n/// Indexed by `Outcome as usize`.\nstatic OUTCOME_INFO: [OutcomeInfo; ");
    let _ = writeln!(out, "{}] = [", quiz.outcomes.len());
    for o in &quiz.outcomes {
        let _ = writeln!(
            out,
            "    OutcomeInfo {{\n        id: {},\n        title: {},\n        summary: {},\n        because: {},\n        do_now: {},\n        sections: {},\n        offers_timer: {},\n        offers_product: {},\n        routine: {},\n        immediate: {},\n    }},",
            s(&o.id),
            s(&o.title),
            s(&o.summary),
            s(&o.because),
            list(&o.do_now),
            list(&o.sections),
            o.timer,
            o.product,
            opt(&o.routine),
            o.immediate
        );
    }
    out.push_str("];\n");
    out
}

/// FNV-1a over the question ids, kinds and option ids: changes when saved answers would
/// mean something else (an option added, removed or moved), not when wording changes.
fn fingerprint(quiz: &QuizFile) -> u32 {
    let mut shape = String::new();
    for q in &quiz.questions {
        let kind = if q.kind == Kind::Multi {
            "multi"
        } else {
            "single"
        };
        let _ = write!(shape, "{}/{kind}:", q.id);
        for o in &q.options {
            let _ = write!(shape, "{},", o.id);
        }
        shape.push(';');
    }
    shape.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}
