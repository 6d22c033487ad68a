//! The routines of the timer and the concrete plans for each length, as data.
//!
//! The tables are generated at build time from `content/routines.toml` by
//! `core/build/routines.rs`, which also checks that every plan adds up to its length exactly
//! and never leaves more than [`MAX_CUE_GAP_MS`] between two sounded cues. This module only
//! defines their types and looks things up.

/// A sound/vibration kind the view plays when a step begins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CueKind {
    /// The ordinary step-change cue.
    Step,
    /// The gentler "move to the next spot" cue.
    MoveSpot,
    /// No tone and no vibration (the voice still speaks): the "Relax" after a move.
    Quiet,
}

/// Which side of the spine a step works on, seen from behind (left is the reader's left).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    Left,
    Right,
    Both,
}

/// How high on the lower back, relative to where the routine starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    Middle,
    Higher,
    Lower,
}

/// Where a step works, drawn on the step card's figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Spot {
    pub side: Side,
    pub level: Level,
}

/// A spoken and chimed marker that is not a step change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Prompt {
    Halfway,
    OneMinuteLeft,
}

/// One way of doing a routine (e.g. the massager's "lean back" or "float" mode).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mode {
    pub id: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    /// What to do when the routine is over (fits the posture of this mode).
    pub after: &'static str,
}

/// A routine the reader can pick: hands or body massager.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Routine {
    /// Stable id (`hands`, `body-massager`), used in storage and events.
    pub id: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    /// The lengths on offer, shortest first.
    pub lengths_min: &'static [u32],
    /// Needs a shaking or electric massager: not offered after an implant answer.
    pub device: bool,
    /// At least one; the first is the default.
    pub modes: &'static [Mode],
}

/// One step of a concrete plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlannedStep {
    pub title: &'static str,
    pub instruction: &'static str,
    /// The short spoken instruction, said after the title.
    pub say: &'static str,
    pub duration_ms: u64,
    /// The cue played when this step begins.
    pub cue: CueKind,
    /// Where on the back the step works, if it names a spot.
    pub spot: Option<Spot>,
    /// A prompt that falls at this step's start and is said with it.
    pub prompt: Option<Prompt>,
}

/// A short piece of advice: a title and a few lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Advice {
    pub title: &'static str,
    pub lines: &'static [&'static str],
}

/// The "Stop, this hurts" screen. The `(before, after)` pairs go around the emergency number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StopAdvice {
    pub title: &'static str,
    pub lines: &'static [&'static str],
    pub emergency_title: (&'static str, &'static str),
    pub emergency_signs: &'static [&'static str],
    pub call_label: (&'static str, &'static str),
    pub check_lead: &'static str,
    pub check_label: &'static str,
}

/// The finish screen: how often and how long, and the pointer to the exercise advice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FinishAdvice {
    pub title: &'static str,
    pub how_title: &'static str,
    pub lines: &'static [&'static str],
    pub exercise_lead: &'static str,
    pub exercise_label: &'static str,
}

/// What the reader chose (routine, mode, length) and the steps it gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plan {
    pub routine: &'static Routine,
    pub mode: &'static Mode,
    pub minutes: u32,
    /// Never empty; the durations add up to `minutes` exactly.
    pub steps: &'static [PlannedStep],
    /// Prompts of their own (not said with a step start): massage offset in ms, in order.
    pub prompts: &'static [(u64, Prompt)],
}

impl Plan {
    /// The massage time, without the get-ready countdown.
    pub fn total_ms(&self) -> u64 {
        self.steps.iter().map(|step| step.duration_ms).sum()
    }
}

/// One row of the generated plan table: indexes into `ROUTINES` and the routine's modes.
struct PlanTable {
    routine: usize,
    mode: usize,
    minutes: u32,
    steps: &'static [PlannedStep],
    prompts: &'static [(u64, Prompt)],
}

include!(concat!(env!("OUT_DIR"), "/routines.rs"));

/// Every routine, in the order of `content/routines.toml`.
pub fn routines() -> &'static [Routine] {
    ROUTINES
}

/// The concrete plan for a routine id, one of its `lengths_min`, and a mode id (`None` = the
/// routine's first mode). `None` if any of them is unknown.
pub fn plan(routine_id: &str, minutes: u32, mode_id: Option<&str>) -> Option<Plan> {
    let routine_index = ROUTINES
        .iter()
        .position(|routine| routine.id == routine_id)?;
    let routine = &ROUTINES[routine_index];
    let mode_index = match mode_id {
        None => 0,
        Some(id) => routine.modes.iter().position(|mode| mode.id == id)?,
    };
    let table = PLANS
        .iter()
        .find(|t| t.routine == routine_index && t.mode == mode_index && t.minutes == minutes)?;
    Some(Plan {
        routine,
        mode: &routine.modes[mode_index],
        minutes,
        steps: table.steps,
        prompts: table.prompts,
    })
}

/// The lines shown on the timer screen the whole time.
pub fn safety_lines() -> &'static [&'static str] {
    SAFETY_LINES
}

/// Shown after "Stop, this hurts".
pub fn stop_advice() -> &'static StopAdvice {
    &STOP_ADVICE
}

/// Shown when a routine is finished.
pub fn finish_advice() -> &'static FinishAdvice {
    &FINISH_ADVICE
}

/// Shown when the reader ends a session early ("End session").
pub fn end_advice() -> &'static Advice {
    &END_ADVICE
}
