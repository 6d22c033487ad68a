//! Generator for `content/routines.toml`: the self-massage routines of the timer.
//!
//! It parses the file (serde + toml), checks it, works out every concrete plan (each routine x
//! mode x length, with step lengths in milliseconds that add up exactly to the chosen length,
//! the named spots of the repeats, and the "halfway" / "one minute left" prompts) and writes
//! them as `static` tables into `$OUT_DIR/routines.rs`, which `core/src/timer/routines.rs`
//! `include!`s. The types named in the output (`Routine`, `Mode`, `PlannedStep`, `CueKind`,
//! `Spot`, `Prompt`, `Advice`, `StopAdvice`, `FinishAdvice`, `PlanTable`) are defined there.
//!
//! All arithmetic on step lengths happens here, at build time, so the wasm carries finished
//! numbers and the timer never rounds anything at run time. The build fails if any plan
//! leaves more than [`MAX_CUE_GAP_S`] seconds between two sounded cues.

use serde::Deserialize;
use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::Path;

// ---- the file as written -------------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RoutinesFile {
    get_ready_seconds: u32,
    safety_lines: Vec<String>,
    stop_advice: StopSource,
    finish_advice: FinishSource,
    end_advice: AdviceSource,
    routines: Vec<RoutineSource>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AdviceSource {
    title: String,
    lines: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StopSource {
    title: String,
    lines: Vec<String>,
    emergency_title: String,
    emergency_signs: Vec<String>,
    call_label: String,
    check_lead: String,
    check_label: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FinishSource {
    title: String,
    how_title: String,
    lines: Vec<String>,
    exercise_lead: String,
    exercise_label: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RoutineSource {
    id: String,
    name: String,
    description: String,
    lengths_min: Vec<u32>,
    /// Needs a shaking or electric massager (held back after an implant answer).
    #[serde(default)]
    device: bool,
    modes: Vec<ModeSource>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ModeSource {
    id: String,
    name: String,
    description: String,
    after: String,
    steps: Vec<StepSource>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StepSource {
    title: String,
    instruction: String,
    say: String,
    fixed_seconds: Option<u32>,
    share_percent: Option<u32>,
    spot: Option<String>,
    cue: Option<String>,
    repeat: Option<RepeatSource>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RepeatSource {
    every_seconds: u32,
    move_seconds: Option<u32>,
    cue: Option<String>,
    moves: Vec<MoveSource>,
    relax: Option<RelaxSource>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MoveSource {
    title: String,
    instruction: String,
    say: String,
    spot: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RelaxSource {
    title: String,
    instruction: String,
    say: String,
}

/// The longest get-ready countdown we accept (a sanity bound, not a design choice).
const MAX_GET_READY_SECONDS: u32 = 10;
/// The longest routine length we accept, in minutes.
const MAX_LENGTH_MIN: u32 = 120;
/// The most time allowed between two sounded cues of a plan (issue 14: at most 2 minutes).
pub const MAX_CUE_GAP_S: u64 = 120;
/// Spoken texts stay short, so one is said well before the next cue.
const MAX_SAY_CHARS: usize = 90;
/// Titles are spoken too, and must fit the step card on a phone.
const MAX_TITLE_CHARS: usize = 40;
/// A prompt this close to a sounded step start is said with that step (one cue, not two).
const PROMPT_MERGE_MS: u64 = 5_000;
/// The cue names a step may use, and the `CueKind` variant each becomes.
const CUE_KINDS: [(&str, &str); 3] = [
    ("step", "Step"),
    ("move-spot", "MoveSpot"),
    ("quiet", "Quiet"),
];
const SIDES: [(&str, &str); 3] = [("left", "Left"), ("right", "Right"), ("both", "Both")];
const LEVELS: [(&str, &str); 2] = [("higher", "Higher"), ("lower", "Lower")];
/// The placeholder the stop screen fills with the emergency number.
const NUMBER: &str = "{number}";

// ---- the result ----------------------------------------------------------------------------

/// One step of one concrete plan, ready to print.
#[derive(Clone, Copy)]
struct PlannedStep<'a> {
    title: &'a str,
    instruction: &'a str,
    say: &'a str,
    duration_ms: u64,
    cue_variant: &'static str,
    /// The spot as written (`"right-lower"`), validated.
    spot: Option<&'a str>,
    /// `Prompt` variant said together with this step's start.
    prompt: Option<&'static str>,
}

/// A "halfway" or "one minute left" prompt of a plan: massage offset and `Prompt` variant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct PromptAt {
    at_ms: u64,
    variant: &'static str,
}

pub fn generate(source: &Path, out: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(source).map_err(|e| format!("cannot read it: {e}"))?;
    let code = generate_code(&text)?;
    std::fs::write(out, code).map_err(|e| format!("cannot write {}: {e}", out.display()))
}

/// Parses, checks and renders the whole file; the error names the offending field.
pub fn generate_code(text: &str) -> Result<String, String> {
    let file: RoutinesFile = toml::from_str(text).map_err(|e| e.to_string())?;
    validate(&file)?;

    let mut code = String::new();
    code.push_str(
        "// @generated by core/build/routines.rs from content/routines.toml. Do not edit.\n\n",
    );
    let _ = writeln!(
        code,
        "/// Length of the 3-2-1 countdown before the first step, in milliseconds."
    );
    let _ = writeln!(
        code,
        "pub const GET_READY_MS: u64 = {};\n",
        u64::from(file.get_ready_seconds) * 1000
    );
    let _ = writeln!(
        code,
        "/// The most time a plan leaves between two sounded cues (checked by the build)."
    );
    let _ = writeln!(
        code,
        "pub const MAX_CUE_GAP_MS: u64 = {};\n",
        MAX_CUE_GAP_S * 1000
    );
    let _ = writeln!(
        code,
        "static SAFETY_LINES: &[&str] = &[{}];\n",
        string_list(&file.safety_lines)
    );
    let stop = &file.stop_advice;
    let _ = writeln!(
        code,
        "static STOP_ADVICE: StopAdvice = StopAdvice {{ title: {:?}, lines: &[{}], emergency_title: {}, emergency_signs: &[{}], call_label: {}, check_lead: {:?}, check_label: {:?} }};\n",
        stop.title,
        string_list(&stop.lines),
        split_number(&stop.emergency_title),
        string_list(&stop.emergency_signs),
        split_number(&stop.call_label),
        stop.check_lead,
        stop.check_label,
    );
    let finish = &file.finish_advice;
    let _ = writeln!(
        code,
        "static FINISH_ADVICE: FinishAdvice = FinishAdvice {{ title: {:?}, how_title: {:?}, lines: &[{}], exercise_lead: {:?}, exercise_label: {:?} }};\n",
        finish.title,
        finish.how_title,
        string_list(&finish.lines),
        finish.exercise_lead,
        finish.exercise_label,
    );
    let _ = writeln!(
        code,
        "static END_ADVICE: Advice = {};\n",
        advice(&file.end_advice)
    );

    code.push_str("static ROUTINES: &[Routine] = &[\n");
    for routine in &file.routines {
        let lengths: Vec<String> = routine.lengths_min.iter().map(u32::to_string).collect();
        let _ = writeln!(
            code,
            "    Routine {{ id: {:?}, name: {:?}, description: {:?}, lengths_min: &[{}], device: {}, modes: &[",
            routine.id,
            routine.name,
            routine.description,
            lengths.join(", "),
            routine.device
        );
        for mode in &routine.modes {
            let _ = writeln!(
                code,
                "        Mode {{ id: {:?}, name: {:?}, description: {:?}, after: {:?} }},",
                mode.id, mode.name, mode.description, mode.after
            );
        }
        code.push_str("    ] },\n");
    }
    code.push_str("];\n\n");

    // Step texts repeat across lengths and segments: each distinct text becomes one `const`.
    let mut texts: Vec<String> = Vec::new();
    let mut text_const = |text: &str| -> String {
        let index = texts
            .iter()
            .position(|known| *known == text)
            .unwrap_or_else(|| {
                texts.push(text.to_string());
                texts.len() - 1
            });
        format!("TEXT_{index}")
    };
    code.push_str("static PLANS: &[PlanTable] = &[\n");
    for (routine_index, routine) in file.routines.iter().enumerate() {
        for (mode_index, mode) in routine.modes.iter().enumerate() {
            for &minutes in &routine.lengths_min {
                let at = || {
                    format!(
                        "{}: {minutes} min",
                        mode_path(&file, routine_index, mode_index)
                    )
                };
                let mut steps = plan_steps(mode, minutes).map_err(|e| format!("{}: {e}", at()))?;
                let prompts = place_prompts(&mut steps, u64::from(minutes) * 60_000);
                check_cue_gaps(&steps, &prompts).map_err(|e| format!("{}: {e}", at()))?;
                let _ = writeln!(
                    code,
                    "    PlanTable {{ routine: {routine_index}, mode: {mode_index}, minutes: {minutes}, steps: &["
                );
                for step in &steps {
                    let _ = writeln!(
                        code,
                        "        PlannedStep {{ title: {}, instruction: {}, say: {}, duration_ms: {}, cue: CueKind::{}, spot: {}, prompt: {} }},",
                        text_const(step.title),
                        text_const(step.instruction),
                        text_const(step.say),
                        step.duration_ms,
                        step.cue_variant,
                        step.spot.map_or_else(|| "None".to_string(), |s| format!("Some({})", spot_expr("", s).unwrap_or_default())),
                        step.prompt.map_or_else(|| "None".to_string(), |p| format!("Some(Prompt::{p})")),
                    );
                }
                code.push_str("    ], prompts: &[");
                for prompt in &prompts {
                    let _ = write!(code, "({}, Prompt::{}), ", prompt.at_ms, prompt.variant);
                }
                code.push_str("] },\n");
            }
        }
    }
    code.push_str("];\n\n");
    for (index, text) in texts.iter().enumerate() {
        let _ = writeln!(code, "const TEXT_{index}: &str = {text:?};");
    }
    Ok(code)
}

fn string_list(lines: &[String]) -> String {
    lines
        .iter()
        .map(|line| format!("{line:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn advice(advice: &AdviceSource) -> String {
    format!(
        "Advice {{ title: {:?}, lines: &[{}] }}",
        advice.title,
        string_list(&advice.lines)
    )
}

/// `"Call {number} now"` as the Rust tuple `("Call ", " now")` (validated to hold one).
fn split_number(text: &str) -> String {
    let (before, after) = text.split_once(NUMBER).unwrap_or((text, ""));
    format!("({before:?}, {after:?})")
}

fn mode_path(file: &RoutinesFile, routine_index: usize, mode_index: usize) -> String {
    let routine = &file.routines[routine_index];
    format!(
        "routines[{routine_index}] ({:?}).modes[{mode_index}] ({:?})",
        routine.id, routine.modes[mode_index].id
    )
}

// ---- checks --------------------------------------------------------------------------------

fn validate(file: &RoutinesFile) -> Result<(), String> {
    if file.get_ready_seconds > MAX_GET_READY_SECONDS {
        return Err(format!(
            "get_ready_seconds is {}, expected 0 to {MAX_GET_READY_SECONDS}",
            file.get_ready_seconds
        ));
    }
    check_lines("safety_lines", &file.safety_lines)?;
    let stop = &file.stop_advice;
    check_text("stop_advice.title", &stop.title)?;
    check_lines("stop_advice.lines", &stop.lines)?;
    check_number("stop_advice.emergency_title", &stop.emergency_title)?;
    check_lines("stop_advice.emergency_signs", &stop.emergency_signs)?;
    check_number("stop_advice.call_label", &stop.call_label)?;
    check_text("stop_advice.check_lead", &stop.check_lead)?;
    check_text("stop_advice.check_label", &stop.check_label)?;
    let finish = &file.finish_advice;
    check_text("finish_advice.title", &finish.title)?;
    check_text("finish_advice.how_title", &finish.how_title)?;
    check_lines("finish_advice.lines", &finish.lines)?;
    check_text("finish_advice.exercise_lead", &finish.exercise_lead)?;
    check_text("finish_advice.exercise_label", &finish.exercise_label)?;
    check_text("end_advice.title", &file.end_advice.title)?;
    check_lines("end_advice.lines", &file.end_advice.lines)?;

    if file.routines.is_empty() {
        return Err("routines: there must be at least one [[routines]] table".into());
    }
    if file.routines.iter().all(|r| r.device) {
        return Err(
            "routines: at least one routine must need no massager (device = false): \
             a reader with an implant is offered only those"
                .into(),
        );
    }
    let mut routine_ids = HashSet::new();
    for (routine_index, routine) in file.routines.iter().enumerate() {
        let at = format!("routines[{routine_index}]");
        check_id(&format!("{at}.id"), &routine.id)?;
        if !routine_ids.insert(routine.id.as_str()) {
            return Err(format!(
                "{at}.id: {:?} is used by an earlier routine; ids must be unique",
                routine.id
            ));
        }
        let at = format!("{at} ({:?})", routine.id);
        check_text(&format!("{at}.name"), &routine.name)?;
        check_text(&format!("{at}.description"), &routine.description)?;
        check_lengths(&format!("{at}.lengths_min"), &routine.lengths_min)?;

        if routine.modes.is_empty() {
            return Err(format!(
                "{at}.modes: a routine needs at least one [[routines.modes]] table"
            ));
        }
        let mut mode_ids = HashSet::new();
        for (mode_index, mode) in routine.modes.iter().enumerate() {
            let mode_at = format!("{at}.modes[{mode_index}]");
            check_id(&format!("{mode_at}.id"), &mode.id)?;
            if !mode_ids.insert(mode.id.as_str()) {
                return Err(format!(
                    "{mode_at}.id: {:?} is used twice in this routine; ids must be unique",
                    mode.id
                ));
            }
            let mode_at = format!("{mode_at} ({:?})", mode.id);
            check_text(&format!("{mode_at}.name"), &mode.name)?;
            check_text(&format!("{mode_at}.description"), &mode.description)?;
            check_text(&format!("{mode_at}.after"), &mode.after)?;
            check_steps(&mode_at, &mode.steps)?;
        }
    }
    Ok(())
}

fn check_text(field: &str, text: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        return Err(format!("{field} is empty"));
    }
    if text.trim() != text || text.contains('\n') {
        return Err(format!(
            "{field}: remove the leading/trailing spaces or line breaks in {text:?}"
        ));
    }
    if text.contains('{') && !text.contains(NUMBER) {
        return Err(format!(
            "{field}: {text:?} has a '{{' but the only placeholder is {NUMBER}"
        ));
    }
    Ok(())
}

/// Text that must hold `{number}` exactly once.
fn check_number(field: &str, text: &str) -> Result<(), String> {
    check_text(field, text)?;
    if text.matches(NUMBER).count() != 1 {
        return Err(format!(
            "{field}: {text:?} must contain {NUMBER} exactly once"
        ));
    }
    Ok(())
}

fn check_lines(field: &str, lines: &[String]) -> Result<(), String> {
    if lines.is_empty() {
        return Err(format!("{field}: give at least one line"));
    }
    for (index, line) in lines.iter().enumerate() {
        check_text(&format!("{field}[{index}]"), line)?;
        if line.contains(NUMBER) {
            return Err(format!("{field}[{index}]: {NUMBER} is not filled in here"));
        }
    }
    Ok(())
}

/// A step's or move's spoken texts: short enough to be said between two cues.
fn check_spoken(at: &str, title: &str, instruction: &str, say: &str) -> Result<(), String> {
    check_text(&format!("{at}.title"), title)?;
    check_text(&format!("{at}.instruction"), instruction)?;
    check_text(&format!("{at}.say"), say)?;
    if title.chars().count() > MAX_TITLE_CHARS {
        return Err(format!(
            "{at}.title: {title:?} is longer than {MAX_TITLE_CHARS} characters"
        ));
    }
    if say.chars().count() > MAX_SAY_CHARS {
        return Err(format!(
            "{at}.say: {say:?} is longer than {MAX_SAY_CHARS} characters; keep spoken cues short"
        ));
    }
    Ok(())
}

/// Ids end up in URLs, storage keys and the saved-session format (which uses `:` as separator).
fn check_id(field: &str, id: &str) -> Result<(), String> {
    let well_formed = !id.is_empty()
        && id.len() <= 32
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if well_formed {
        Ok(())
    } else {
        Err(format!(
            "{field}: {id:?} must be 1 to 32 characters of a-z, 0-9 and '-'"
        ))
    }
}

fn check_lengths(field: &str, lengths: &[u32]) -> Result<(), String> {
    if lengths.is_empty() {
        return Err(format!("{field}: give at least one length in minutes"));
    }
    for (index, &minutes) in lengths.iter().enumerate() {
        if minutes == 0 || minutes > MAX_LENGTH_MIN {
            return Err(format!(
                "{field}[{index}] is {minutes}, expected 1 to {MAX_LENGTH_MIN} minutes"
            ));
        }
        if index > 0 && minutes <= lengths[index - 1] {
            return Err(format!(
                "{field}: list the lengths from shortest to longest, each once"
            ));
        }
    }
    Ok(())
}

fn cue_variant(field: &str, cue: Option<&String>) -> Result<&'static str, String> {
    let name = cue.map_or("step", String::as_str);
    CUE_KINDS
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(_, variant)| *variant)
        .ok_or_else(|| {
            let known: Vec<&str> = CUE_KINDS.iter().map(|(known, _)| *known).collect();
            format!("{field}: unknown cue {name:?}, expected one of {known:?}")
        })
}

/// `"right-lower"` as the Rust expression `Spot { side: Side::Right, level: Level::Lower }`.
fn spot_expr(field: &str, spot: &str) -> Result<String, String> {
    let (side, level) = match spot.split_once('-') {
        Some((side, level)) => (side, Some(level)),
        None => (spot, None),
    };
    let side = SIDES.iter().find(|(name, _)| *name == side);
    let level = match level {
        None => Some("Middle"),
        Some(level) => LEVELS
            .iter()
            .find(|(name, _)| *name == level)
            .map(|(_, v)| *v),
    };
    match (side, level) {
        (Some((_, side)), Some(level)) => Ok(format!(
            "Spot {{ side: Side::{side}, level: Level::{level} }}"
        )),
        _ => Err(format!(
            "{field}: unknown spot {spot:?}, expected left, right or both, optionally followed by -higher or -lower"
        )),
    }
}

fn check_steps(mode_at: &str, steps: &[StepSource]) -> Result<(), String> {
    if steps.is_empty() {
        return Err(format!(
            "{mode_at}.steps: a mode needs at least one [[routines.modes.steps]] table"
        ));
    }
    let mut share_total = 0;
    for (index, step) in steps.iter().enumerate() {
        let at = format!("{mode_at}.steps[{index}]");
        check_spoken(&at, &step.title, &step.instruction, &step.say)?;
        cue_variant(&format!("{at}.cue"), step.cue.as_ref())?;
        if let Some(spot) = &step.spot {
            spot_expr(&format!("{at}.spot"), spot)?;
        }
        match (step.fixed_seconds, step.share_percent) {
            (Some(0), None) => return Err(format!("{at}.fixed_seconds must be at least 1")),
            (None, Some(0)) => return Err(format!("{at}.share_percent must be at least 1")),
            (Some(_), None) => {}
            (None, Some(share)) => share_total += share,
            _ => {
                return Err(format!(
                    "{at}: give exactly one of fixed_seconds or share_percent"
                ))
            }
        }
        if let Some(repeat) = &step.repeat {
            let at = format!("{at}.repeat");
            if repeat.every_seconds == 0 {
                return Err(format!("{at}.every_seconds must be at least 1"));
            }
            cue_variant(&format!("{at}.cue"), repeat.cue.as_ref())?;
            if repeat.moves.is_empty() {
                return Err(format!(
                    "{at}.moves: give at least one [[...repeat.moves]] table"
                ));
            }
            for (move_index, step) in repeat.moves.iter().enumerate() {
                let at = format!("{at}.moves[{move_index}]");
                check_spoken(&at, &step.title, &step.instruction, &step.say)?;
                if let Some(spot) = &step.spot {
                    spot_expr(&format!("{at}.spot"), spot)?;
                }
            }
            match (repeat.move_seconds, &repeat.relax) {
                (None, None) => {}
                (Some(seconds), Some(relax)) => {
                    if seconds == 0 || seconds >= repeat.every_seconds {
                        return Err(format!(
                            "{at}.move_seconds is {seconds}, expected 1 to {} (less than every_seconds)",
                            repeat.every_seconds - 1
                        ));
                    }
                    check_spoken(
                        &format!("{at}.relax"),
                        &relax.title,
                        &relax.instruction,
                        &relax.say,
                    )?;
                }
                _ => {
                    return Err(format!(
                        "{at}: move_seconds and [relax] go together: give both or neither"
                    ))
                }
            }
        }
    }
    if share_total != 100 {
        return Err(format!(
            "{mode_at}.steps: the share_percent values add up to {share_total}, expected 100 \
             (at least one step must take a share so every length adds up)"
        ));
    }
    Ok(())
}

// ---- plans ---------------------------------------------------------------------------------

/// The concrete steps of one mode at one length. Fixed steps keep their seconds; share steps
/// split the rest in whole seconds, rounding the running total so the sum is exact.
fn plan_steps(mode: &ModeSource, minutes: u32) -> Result<Vec<PlannedStep<'_>>, String> {
    let total_s = u64::from(minutes) * 60;
    let fixed_s: u64 = mode
        .steps
        .iter()
        .filter_map(|s| s.fixed_seconds)
        .map(u64::from)
        .sum();
    let Some(flexible_s) = total_s.checked_sub(fixed_s).filter(|&s| s > 0) else {
        return Err(format!(
            "the fixed steps take {fixed_s} s, which leaves no time in {total_s} s"
        ));
    };

    let mut steps = Vec::new();
    let mut share_so_far = 0;
    let mut shared_s_so_far = 0;
    for (index, step) in mode.steps.iter().enumerate() {
        let seconds = match (step.fixed_seconds, step.share_percent) {
            (Some(fixed), _) => u64::from(fixed),
            (_, Some(share)) => {
                share_so_far += u64::from(share);
                let end_s = (flexible_s * share_so_far * 2 + 100) / 200; // rounded to the nearest second
                let seconds = end_s - shared_s_so_far;
                shared_s_so_far = end_s;
                seconds
            }
            (None, None) => unreachable!("checked by check_steps"),
        };
        if seconds == 0 {
            return Err(format!(
                "steps[{index}] ({:?}) would get no time at all",
                step.title
            ));
        }
        let first = PlannedStep {
            title: &step.title,
            instruction: &step.instruction,
            say: &step.say,
            duration_ms: 0,
            cue_variant: cue_variant("", step.cue.as_ref())?,
            spot: step.spot.as_deref(),
            prompt: None,
        };
        let Some(repeat) = &step.repeat else {
            steps.push(PlannedStep {
                duration_ms: seconds * 1000,
                ..first
            });
            continue;
        };
        let move_cue = cue_variant("", repeat.cue.as_ref())?;
        for (segment, segment_s) in segments(seconds, u64::from(repeat.every_seconds))
            .into_iter()
            .enumerate()
        {
            if segment == 0 {
                steps.push(PlannedStep {
                    duration_ms: segment_s * 1000,
                    ..first
                });
                continue;
            }
            let next = &repeat.moves[(segment - 1) % repeat.moves.len()];
            let move_step = PlannedStep {
                title: &next.title,
                instruction: &next.instruction,
                say: &next.say,
                duration_ms: segment_s * 1000,
                cue_variant: move_cue,
                spot: next.spot.as_deref(),
                prompt: None,
            };
            match (repeat.move_seconds, &repeat.relax) {
                (Some(move_s), Some(relax)) => {
                    let move_s = u64::from(move_s);
                    if segment_s <= move_s {
                        return Err(format!(
                            "steps[{index}] ({:?}): a segment of {segment_s} s leaves no time to relax after a {move_s}-s move",
                            step.title
                        ));
                    }
                    steps.push(PlannedStep {
                        duration_ms: move_s * 1000,
                        ..move_step
                    });
                    // The relax stays on the spot the move went to.
                    steps.push(PlannedStep {
                        title: &relax.title,
                        instruction: &relax.instruction,
                        say: &relax.say,
                        duration_ms: (segment_s - move_s) * 1000,
                        cue_variant: "Quiet",
                        ..move_step
                    });
                }
                _ => steps.push(move_step),
            }
        }
    }
    let sum_ms: u64 = steps.iter().map(|s| s.duration_ms).sum();
    if sum_ms != total_s * 1000 {
        return Err(format!(
            "the steps add up to {sum_ms} ms instead of {} ms",
            total_s * 1000
        ));
    }
    Ok(steps)
}

/// Cuts `total` seconds into pieces of `every`; a last piece shorter than half of `every` joins
/// the piece before it.
fn segments(total: u64, every: u64) -> Vec<u64> {
    let mut pieces = vec![every; (total / every) as usize];
    let rest = total % every;
    match pieces.last_mut() {
        Some(last) if rest * 2 < every => *last += rest,
        _ if rest > 0 => pieces.push(rest),
        _ => {}
    }
    pieces
}

/// Where each step starts on the massage timeline (ms), and whether it sounds a tone.
fn step_starts(steps: &[PlannedStep]) -> Vec<(u64, bool)> {
    let mut at = 0;
    steps
        .iter()
        .map(|step| {
            let start = at;
            at += step.duration_ms;
            (start, step.cue_variant != "Quiet")
        })
        .collect()
}

/// Places "halfway" and "one minute left" on a plan of `total_ms`. A prompt within
/// [`PROMPT_MERGE_MS`] of a sounded step start is said with that step (set on the step);
/// the others are returned, in time order, as prompts of their own. "Halfway" is left out
/// when it would fall within 20 s of "one minute left" (very short plans).
fn place_prompts(steps: &mut [PlannedStep], total_ms: u64) -> Vec<PromptAt> {
    let halfway = (total_ms / 2).div_ceil(1000) * 1000;
    let minute_left = total_ms.checked_sub(60_000).filter(|&at| at > 0);
    let mut wanted = Vec::new();
    match minute_left {
        Some(minute) if halfway.abs_diff(minute) < 20_000 => {}
        _ => wanted.push(PromptAt {
            at_ms: halfway,
            variant: "Halfway",
        }),
    }
    if let Some(at_ms) = minute_left {
        wanted.push(PromptAt {
            at_ms,
            variant: "OneMinuteLeft",
        });
    }
    let starts = step_starts(steps);
    let mut standalone = Vec::new();
    for prompt in wanted {
        let host = starts
            .iter()
            .enumerate()
            .filter(|(index, (start, sounded))| {
                *sounded
                    && start.abs_diff(prompt.at_ms) <= PROMPT_MERGE_MS
                    && steps[*index].prompt.is_none()
            })
            .min_by_key(|(_, (start, _))| start.abs_diff(prompt.at_ms))
            .map(|(index, _)| index);
        match host {
            Some(index) => steps[index].prompt = Some(prompt.variant),
            None => standalone.push(prompt),
        }
    }
    standalone
}

/// The sounded cues of a plan on the massage timeline: sounded step starts, standalone prompts
/// and the end. Fails if two neighbours are more than [`MAX_CUE_GAP_S`] apart.
fn check_cue_gaps(steps: &[PlannedStep], prompts: &[PromptAt]) -> Result<(), String> {
    let total: u64 = steps.iter().map(|s| s.duration_ms).sum();
    let mut cues: Vec<u64> = step_starts(steps)
        .into_iter()
        .filter(|&(_, sounded)| sounded)
        .map(|(at, _)| at)
        .chain(prompts.iter().map(|p| p.at_ms))
        .chain([0, total])
        .collect();
    cues.sort_unstable();
    for pair in cues.windows(2) {
        if pair[1] - pair[0] > MAX_CUE_GAP_S * 1000 {
            return Err(format!(
                "{} s pass without a sounded cue (from {} s to {} s into the massage); at most {MAX_CUE_GAP_S} s are allowed: cut long steps with a [repeat] table or shorter shares",
                (pair[1] - pair[0]) / 1000,
                pair[0] / 1000,
                pair[1] / 1000
            ));
        }
    }
    Ok(())
}
