//! Generator for `content/quiz.toml`: parses the safety check (flags, rules, questions,
//! outcomes), validates it, and writes it as `static` Rust tables to `$OUT_DIR/quiz.rs`,
//! which `core/src/triage/mod.rs` includes. The wasm carries the tables, not a TOML parser.
//!
//! Every check fails the build with a message naming the entry and field, e.g.
//! `question "unwell", option "fever", flags: "fevr" is not declared in [[flag]]`.
//! Among them: every rule cites a source; every answer that raises a flag explains itself
//! (`why`); "Not sure" is always the cautious answer; `{placeholders}` exist in the locale packs.

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
    ("emergency-nerves", "EmergencyNerves"),
    ("pregnancy-now", "PregnancyNow"),
    ("urgent-now", "UrgentNow"),
    ("child-today", "ChildToday"),
    ("child", "Child"),
    ("see-doctor-today", "SeeDoctorToday"),
    ("see-doctor-soon", "SeeDoctorSoon"),
    ("see-doctor-weeks", "SeeDoctorWeeks"),
    ("hold-off", "HoldOff"),
    ("ask-first", "AskFirst"),
    ("hands-only", "HandsOnly"),
    ("massage-with-exercise", "MassageWithExercise"),
    ("massage-may-help", "MassageMayHelp"),
];

/// A rule's `source` must name at least one of these (see the list at the top of quiz.toml).
const SOURCES: &[&str] = &[
    "NHS-999", "NHS-111", "NHS-GP", "CES-CARD", "CKS", "NG59", "NG65", "NG234", "AAA", "PREG",
    "NCCIH", "ACP", "ROS", "PAED", "NG51", "judgement call",
];

/// The emergency number placeholder; every other `{key}` must be a locale pack key.
const EMERGENCY: &str = "{emergency}";

/// Answers are stored as one `u16` bit set per question and flags as one `u32`.
const MAX_QUESTIONS: usize = 16;
const MAX_OPTIONS: usize = 16;
const MAX_FLAGS: usize = 32;
/// A Yes / No / Not sure question uses 3 answer bits per item.
const MAX_ITEMS: usize = MAX_OPTIONS / 3;

pub fn generate(source: &Path, out: &Path, locale_keys: &[String]) -> Result<(), String> {
    let text = std::fs::read_to_string(source)
        .map_err(|e| format!("cannot read {}: {e}", source.display()))?;
    let mut quiz: QuizFile = toml::from_str(&text).map_err(|e| e.to_string())?;
    for q in &mut quiz.questions {
        q.expand_items();
    }
    validate(&quiz, locale_keys)?;
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
    emergency_line: String,
    /// The emergency signs, shown as a list after `emergency_line`.
    emergency_signs: Vec<String>,
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
    /// For reviewers: the guideline or page behind the row (validated, not emitted).
    source: String,
    why: Option<String>,
    #[serde(default)]
    advice: Vec<String>,
}

#[derive(Deserialize, Clone, Copy, PartialEq)]
#[serde(rename_all = "lowercase")]
enum Kind {
    Single,
    Multi,
    Each,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionSrc {
    id: String,
    kind: Kind,
    summary: String,
    prompt: String,
    hint: Option<String>,
    only_if: Option<String>,
    #[serde(rename = "option", default)]
    options: Vec<OptionSrc>,
    #[serde(rename = "item", default)]
    items: Vec<ItemSrc>,
}

#[derive(Clone, Copy, PartialEq)]
enum Role {
    Answer,
    NoneOfThese,
    NotSure,
    No,
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
    why: Option<String>,
    #[serde(default)]
    advice: Vec<String>,
    /// Set by `expand_items` for the generated Yes / No / Not sure options.
    #[serde(skip)]
    item: Option<usize>,
    #[serde(skip)]
    no: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemSrc {
    id: String,
    label: String,
    detail: Option<String>,
    yes: Vec<String>,
    not_sure: Vec<String>,
    why: String,
    why_not_sure: String,
    #[serde(default)]
    advice: Vec<String>,
}

impl QuestionSrc {
    /// A Yes / No / Not sure question gets three options per item, in that order.
    fn expand_items(&mut self) {
        if self.kind != Kind::Each {
            return;
        }
        for (i, item) in self.items.iter().enumerate() {
            let option = |suffix: &str, label: &str, flags: &[String], why: Option<&String>| OptionSrc {
                id: format!("{}-{suffix}", item.id),
                label: label.to_string(),
                detail: None,
                flags: flags.to_vec(),
                none: false,
                not_sure: suffix == "not-sure",
                why: why.cloned(),
                advice: if flags.is_empty() { Vec::new() } else { item.advice.clone() },
                item: Some(i),
                no: suffix == "no",
            };
            self.options.push(option("yes", "Yes", &item.yes, Some(&item.why)));
            self.options.push(option("no", "No", &[], None));
            self.options.push(option("not-sure", "Not sure", &item.not_sure, Some(&item.why_not_sure)));
        }
    }
}

impl OptionSrc {
    fn role(&self) -> Role {
        if self.none {
            Role::NoneOfThese
        } else if self.not_sure {
            Role::NotSure
        } else if self.no {
            Role::No
        } else {
            Role::Answer
        }
    }
}

#[derive(Deserialize, Clone, Copy, PartialEq)]
#[serde(rename_all = "lowercase")]
enum Level {
    Stop,
    Caution,
    Go,
}

#[derive(Deserialize, Clone, Copy, PartialEq)]
#[serde(rename_all = "kebab-case")]
enum Main {
    CallEmergency,
    CallAdvice,
    Summary,
    Timer,
    None,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OutcomeSrc {
    id: String,
    level: Level,
    urgency: String,
    title: String,
    /// The heading when this outcome shows as "Also:" under a more cautious result.
    also_title: Option<String>,
    summary: String,
    #[serde(default)]
    why: Vec<String>,
    do_now: Vec<String>,
    if_worse: Vec<String>,
    #[serde(default = "yes")]
    emergency_line: bool,
    main: Main,
    sections: Vec<String>,
    timer: bool,
    product: bool,
    routine: Option<String>,
    #[serde(default)]
    immediate: bool,
}

fn yes() -> bool {
    true
}

// ---------------------------------------------------------------------------------------------
// Validation

fn validate(quiz: &QuizFile, locale_keys: &[String]) -> Result<(), String> {
    text("disclaimer", &quiz.disclaimer)?;
    text("emergency_line", &quiz.emergency_line)?;
    if quiz.emergency_signs.len() < 2 {
        return Err("emergency_signs: list at least two signs".into());
    }
    for (i, sign) in quiz.emergency_signs.iter().enumerate() {
        text(&format!("emergency_signs[{i}]"), sign)?;
    }
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
        text(&format!("{at}, urgency"), &o.urgency)?;
        text(&format!("{at}, title"), &o.title)?;
        if let Some(also_title) = &o.also_title {
            text(&format!("{at}, also_title"), also_title)?;
        }
        text(&format!("{at}, summary"), &o.summary)?;
        for (field, lines, needed) in [
            ("do_now", &o.do_now, true),
            ("if_worse", &o.if_worse, true),
            ("why", &o.why, false),
        ] {
            if needed && lines.is_empty() {
                return Err(format!("{at}, {field}: needs at least one line"));
            }
            for (i, line) in lines.iter().enumerate() {
                text(&format!("{at}, {field}[{i}]"), line)?;
            }
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
        // Only a "go" outcome offers the timer or the product, and it leads with the timer.
        if o.timer != (o.level == Level::Go) {
            return Err(format!(
                "{at}: only (and every) level = \"go\" outcome offers the timer"
            ));
        }
        if (o.main == Main::Timer) != o.timer {
            return Err(format!(
                "{at}, main: \"timer\" exactly when the outcome offers the timer"
            ));
        }
        if o.product && !o.timer {
            return Err(format!(
                "{at}, product: only an outcome that offers the timer may show the product"
            ));
        }
        if o.immediate && (o.timer || o.product || !o.sections.is_empty() || o.level != Level::Stop)
        {
            return Err(format!(
                "{at}: an immediate outcome is level = \"stop\" and shows nothing else: \
                 timer = false, product = false, sections = []"
            ));
        }
    }
    if !quiz.outcomes.iter().any(|o| o.id == quiz.otherwise) {
        return Err(format!(
            "otherwise: \"{}\" is not an outcome",
            quiz.otherwise
        ));
    }
    if quiz.outcomes.last().map(|o| o.id.as_str()) != Some(quiz.otherwise.as_str()) {
        return Err("otherwise: must be the least cautious outcome (the last one)".into());
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
        if rule.then == quiz.otherwise {
            return Err(format!("{at}, then: a rule never gives the default outcome"));
        }
        if !seen_rules.insert((set.clone(), rule.then.as_str())) {
            return Err(format!("{at}: the same rule appears twice"));
        }
        text(&format!("{at}, source"), &rule.source)?;
        let cited = rule.source.to_ascii_lowercase();
        if !SOURCES.iter().any(|s| cited.contains(&s.to_ascii_lowercase())) {
            return Err(format!(
                "{at}, source: cite at least one of {SOURCES:?} (listed at the top of quiz.toml)"
            ));
        }
        if let Some(why) = &rule.why {
            text(&format!("{at}, why"), why)?;
        }
        for (j, line) in rule.advice.iter().enumerate() {
            text(&format!("{at}, advice[{j}]"), line)?;
        }
        // A rule of several flags explains itself: its answers alone would read oddly.
        if set.len() > 1 && rule.why.is_none() {
            return Err(format!("{at}, why: a rule with several flags needs its own why"));
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
        match q.only_if.as_deref() {
            None | Some("massager") => {}
            Some(other) => {
                return Err(format!(
                    "{at}, only_if: \"{other}\" is not a condition; use \"massager\""
                ))
            }
        }
        if q.kind == Kind::Each {
            if q.items.len() < 2 || q.items.len() > MAX_ITEMS {
                return Err(format!(
                    "{at}: a Yes / No / Not sure question needs 2 to {MAX_ITEMS} items (found {})",
                    q.items.len()
                ));
            }
            if q.options.len() != 3 * q.items.len() {
                return Err(format!(
                    "{at}: a Yes / No / Not sure question has items, not options"
                ));
            }
            let mut seen_items = BTreeSet::new();
            for item in &q.items {
                let at = format!("{at}, item \"{}\"", item.id);
                ident(&format!("{at}, id"), &item.id)?;
                if !seen_items.insert(item.id.as_str()) {
                    return Err(format!("{at}, id: used twice in this question"));
                }
                text(&format!("{at}, label"), &item.label)?;
                if let Some(detail) = &item.detail {
                    text(&format!("{at}, detail"), detail)?;
                }
                text(&format!("{at}, why"), &item.why)?;
                text(&format!("{at}, why_not_sure"), &item.why_not_sure)?;
                if item.yes.is_empty() || item.not_sure.is_empty() {
                    return Err(format!(
                        "{at}: Yes and Not sure must each raise at least one flag"
                    ));
                }
                // Yes is at least as worrying as Not sure, which is more than No.
                for f in &item.not_sure {
                    if !item.yes.contains(f) {
                        return Err(format!(
                            "{at}, yes: must also raise \"{f}\" (raised by Not sure), so Yes is never less cautious"
                        ));
                    }
                }
            }
        } else {
            if !q.items.is_empty() {
                return Err(format!(
                    "{at}: only a kind = \"each\" question has [[question.item]]"
                ));
            }
            if q.options.len() < 2 || q.options.len() > MAX_OPTIONS {
                return Err(format!(
                    "{at}: needs 2 to {MAX_OPTIONS} options (found {})",
                    q.options.len()
                ));
            }
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
            match (&o.why, o.flags.is_empty()) {
                (None, false) => {
                    return Err(format!(
                        "{at}, why: an answer that raises a flag must say why it matters"
                    ))
                }
                (Some(why), _) => text(&format!("{at}, why"), why)?,
                (None, true) => {}
            }
            if !o.advice.is_empty() && o.flags.is_empty() {
                return Err(format!("{at}, advice: only an answer that raises a flag has advice"));
            }
            for (j, line) in o.advice.iter().enumerate() {
                text(&format!("{at}, advice[{j}]"), line)?;
            }
        }
        if q.kind == Kind::Each {
            continue;
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
        if q.kind == Kind::Multi && not_sures.is_empty() {
            return Err(format!("{at}: a tick-any safety question offers \"Not sure\""));
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

    // Placeholders in every reader-facing text: {emergency} or a locale pack key.
    for (at, t) in reader_texts(quiz) {
        check_placeholders(&at, t, locale_keys)?;
    }
    Ok(())
}

/// Every text a reader may see, with where it is (for messages).
fn reader_texts(quiz: &QuizFile) -> Vec<(String, &str)> {
    let mut texts: Vec<(String, &str)> = vec![
        ("disclaimer".into(), &quiz.disclaimer),
        ("emergency_line".into(), &quiz.emergency_line),
        ("intro.title".into(), &quiz.intro.title),
    ];
    texts.extend(quiz.emergency_signs.iter().map(|s| ("emergency_signs".to_string(), s.as_str())));
    texts.extend(quiz.intro.paragraphs.iter().map(|p| ("intro.paragraphs".to_string(), p.as_str())));
    for (i, r) in quiz.rules.iter().enumerate() {
        texts.extend(r.why.iter().map(|w| (format!("rule {}, why", i + 1), w.as_str())));
        texts.extend(r.advice.iter().map(|a| (format!("rule {}, advice", i + 1), a.as_str())));
    }
    for q in &quiz.questions {
        let at = format!("question \"{}\"", q.id);
        texts.push((format!("{at}, prompt"), &q.prompt));
        texts.push((format!("{at}, summary"), &q.summary));
        texts.extend(q.hint.iter().map(|h| (format!("{at}, hint"), h.as_str())));
        for item in &q.items {
            texts.push((format!("{at}, item \"{}\", label", item.id), &item.label));
            texts.extend(item.detail.iter().map(|d| (format!("{at}, item \"{}\", detail", item.id), d.as_str())));
        }
        for o in &q.options {
            let at = format!("{at}, option \"{}\"", o.id);
            texts.push((format!("{at}, label"), &o.label));
            texts.extend(o.detail.iter().map(|d| (format!("{at}, detail"), d.as_str())));
            texts.extend(o.why.iter().map(|w| (format!("{at}, why"), w.as_str())));
            texts.extend(o.advice.iter().map(|a| (format!("{at}, advice"), a.as_str())));
        }
    }
    for o in &quiz.outcomes {
        let at = format!("outcome \"{}\"", o.id);
        for (field, t) in [("title", &o.title), ("summary", &o.summary), ("urgency", &o.urgency)] {
            texts.push((format!("{at}, {field}"), t.as_str()));
        }
        texts.extend(o.also_title.iter().map(|t| (format!("{at}, also_title"), t.as_str())));
        for (field, lines) in [("do_now", &o.do_now), ("if_worse", &o.if_worse), ("why", &o.why)] {
            texts.extend(lines.iter().map(|l| (format!("{at}, {field}"), l.as_str())));
        }
    }
    texts
}

fn check_placeholders(at: &str, t: &str, keys: &[String]) -> Result<(), String> {
    let mut rest = t;
    while let Some(open) = rest.find(['{', '}']) {
        if rest.as_bytes()[open] == b'}' {
            return Err(format!("{at}: a `}}` without `{{`: {t:?}"));
        }
        let after = &rest[open + 1..];
        let close = after
            .find('}')
            .ok_or_else(|| format!("{at}: a `{{` without `}}`: {t:?}"))?;
        let key = &after[..close];
        if key != "emergency" && !keys.iter().any(|k| k == key) {
            return Err(format!(
                "{at}: {{{key}}} is neither {EMERGENCY} nor a key of the locale packs (content/locales/*.toml): {t:?}"
            ));
        }
        rest = &after[close + 1..];
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
    let _ = writeln!(out, "const DISCLAIMER_TEXT: &str = {};", s(&quiz.disclaimer));
    let _ = writeln!(out, "const EMERGENCY_LINE: &str = {};", s(&quiz.emergency_line));
    let _ = writeln!(out, "static EMERGENCY_SIGNS: &[&str] = {};", list(&quiz.emergency_signs));
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
        // `means` is for reviewers of quiz.toml only; the wasm does not carry it.
        let _ = writeln!(out, "    Flag {{ id: {} }},", s(&f.id));
    }
    out.push_str("];\n\nstatic RULES: &[Rule] = &[\n");
    for r in &quiz.rules {
        let _ = writeln!(
            out,
            "    Rule {{ when: FlagSet({:#b}), then: Outcome::{}, why: {}, advice: {} }},",
            flag_bits(&r.when),
            variant(&r.then),
            opt(&r.why),
            list(&r.advice)
        );
    }
    out.push_str("];\n\nstatic QUESTIONS: &[Question] = &[\n");
    for q in &quiz.questions {
        let kind = match q.kind {
            Kind::Single => "Single",
            Kind::Multi => "Multi",
            Kind::Each => "Each",
        };
        let possible = q
            .options
            .iter()
            .map(|o| flag_bits(&o.flags))
            .fold(0, |a, b| a | b);
        let _ = writeln!(
            out,
            "    Question {{\n        id: {},\n        kind: QuestionKind::{kind},\n        summary: {},\n        prompt: {},\n        hint: {},\n        massager_only: {},\n        possible: FlagSet({possible:#b}),\n        items: &[",
            s(&q.id),
            s(&q.summary),
            s(&q.prompt),
            opt(&q.hint),
            q.only_if.is_some(),
        );
        for item in &q.items {
            let _ = writeln!(
                out,
                "            Item {{ id: {}, label: {}, detail: {} }},",
                s(&item.id),
                s(&item.label),
                opt(&item.detail)
            );
        }
        out.push_str("        ],\n        options: &[\n");
        for o in &q.options {
            let role = match o.role() {
                Role::Answer => "Answer",
                Role::NoneOfThese => "NoneOfThese",
                Role::NotSure => "NotSure",
                Role::No => "No",
            };
            let item = o.item.map_or("None".to_string(), |i| format!("Some({i})"));
            let _ = writeln!(
                out,
                "            Choice {{ id: {}, label: {}, detail: {}, role: ChoiceRole::{role}, item: {item}, flags: FlagSet({:#b}), why: {}, advice: {} }},",
                s(&o.id),
                s(&o.label),
                opt(&o.detail),
                flag_bits(&o.flags),
                opt(&o.why),
                list(&o.advice),
            );
        }
        out.push_str("        ],\n    },\n");
    }
    out.push_str("];\n\n/// Indexed by `Outcome as usize`.\nstatic OUTCOME_INFO: [OutcomeInfo; ");
    let _ = writeln!(out, "{}] = [", quiz.outcomes.len());
    for o in &quiz.outcomes {
        let level = match o.level {
            Level::Stop => "Stop",
            Level::Caution => "Caution",
            Level::Go => "Go",
        };
        let main = match o.main {
            Main::CallEmergency => "CallEmergency",
            Main::CallAdvice => "CallAdvice",
            Main::Summary => "Summary",
            Main::Timer => "Timer",
            Main::None => "None",
        };
        let _ = writeln!(
            out,
            "    OutcomeInfo {{\n        id: {},\n        level: Level::{level},\n        urgency: {},\n        title: {},\n        also_title: {},\n        summary: {},\n        why: {},\n        do_now: {},\n        if_worse: {},\n        emergency_line: {},\n        main: MainAction::{main},\n        sections: {},\n        offers_timer: {},\n        offers_product: {},\n        routine: {},\n        immediate: {},\n    }},",
            s(&o.id),
            s(&o.urgency),
            s(&o.title),
            opt(&o.also_title),
            s(&o.summary),
            list(&o.why),
            list(&o.do_now),
            list(&o.if_worse),
            o.emergency_line,
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
        let kind = match q.kind {
            Kind::Single => "single",
            Kind::Multi => "multi",
            Kind::Each => "each",
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
