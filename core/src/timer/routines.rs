//! The routines of the timer and the concrete plans for each length, as data.
//!
//! The tables are generated at build time from `content/routines.toml` by
//! `core/build/routines.rs`, which also checks that every plan adds up to its length exactly.
//! This module only defines their types and looks things up.

/// A sound/vibration kind the view plays when a step begins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CueKind {
    /// The ordinary step-change cue.
    Step,
    /// The gentler "move to a new spot" cue of the body-massager routine.
    MoveSpot,
}

/// One way of doing a routine (e.g. the massager's "lean back" or "float" mode).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mode {
    pub id: &'static str,
    pub name: &'static str,
    pub description: &'static str,
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
    /// At least one; the first is the default.
    pub modes: &'static [Mode],
}

/// One step of a concrete plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlannedStep {
    pub title: &'static str,
    pub instruction: &'static str,
    pub duration_ms: u64,
    /// The cue played when this step begins.
    pub cue: CueKind,
}

/// A short piece of advice: a title and a few lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Advice {
    pub title: &'static str,
    pub lines: &'static [&'static str],
}

/// What the reader chose (routine, mode, length) and the steps it gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plan {
    pub routine: &'static Routine,
    pub mode: &'static Mode,
    pub minutes: u32,
    /// Never empty; the durations add up to `minutes` exactly.
    pub steps: &'static [PlannedStep],
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
    })
}

/// The lines shown on the timer screen the whole time.
pub fn safety_lines() -> &'static [&'static str] {
    SAFETY_LINES
}

/// Shown after "Stop, this hurts".
pub fn stop_advice() -> &'static Advice {
    &STOP_ADVICE
}

/// Shown when a routine is finished.
pub fn finish_advice() -> &'static Advice {
    &FINISH_ADVICE
}
