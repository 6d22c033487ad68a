//! Helpers shared by the `timer_*` tests: every plan, a simulated clock and a deterministic
//! random number generator.
#![allow(dead_code)] // each test file uses a different subset

use massage_guide_core::timer::{plan, routines, Cue, Event, Phase, Plan, Session, GET_READY_MS};

/// A realistic wall-clock start: 2023-11-14 22:13:20 UTC.
pub const T0: f64 = 1_700_000_000_000.0;

/// Every routine x mode x length the data offers.
pub fn all_plans() -> Vec<Plan> {
    let mut plans = Vec::new();
    for routine in routines() {
        for mode in routine.modes {
            for &minutes in routine.lengths_min {
                plans.push(
                    plan(routine.id, minutes, Some(mode.id))
                        .expect("every offered length has a plan"),
                );
            }
        }
    }
    plans
}

/// A short label for assertion messages, e.g. `body-massager/float/10`.
pub fn label(plan: &Plan) -> String {
    format!("{}/{}/{}", plan.routine.id, plan.mode.id, plan.minutes)
}

/// Milliseconds from the Start tap to the start of step `index` (`steps.len()` = the end).
pub fn step_start_on_timeline(plan: &Plan, index: usize) -> u64 {
    GET_READY_MS
        + plan.steps[..index]
            .iter()
            .map(|s| s.duration_ms)
            .sum::<u64>()
}

/// Every cue a punctual clock gives for `plan`, with its offset on the timeline (ms from the
/// Start tap): the countdown beats, each step start, the plan's own prompts ("halfway", "one
/// minute left"), the end. Worked out here from the plan's numbers, not by the session.
pub fn expected_cues(plan: &Plan) -> Vec<(u64, Cue)> {
    let beats = (GET_READY_MS / 1000) as u32;
    let mut cues: Vec<(u64, Cue)> = (0..beats)
        .map(|i| {
            (
                u64::from(i) * 1000,
                Cue::GetReady {
                    seconds_left: beats - i,
                },
            )
        })
        .collect();
    // (offset, a step before a prompt at the same moment, cue)
    let mut marks: Vec<(u64, u8, Cue)> = plan
        .steps
        .iter()
        .enumerate()
        .map(|(index, planned)| {
            (
                step_start_on_timeline(plan, index),
                0,
                Cue::StepStarted {
                    step_index: index,
                    kind: planned.cue,
                },
            )
        })
        .chain(
            plan.prompts
                .iter()
                .map(|&(at, prompt)| (GET_READY_MS + at, 1, Cue::Prompt(prompt))),
        )
        .collect();
    marks.sort_by_key(|&(at, order, _)| (at, order));
    cues.extend(marks.into_iter().map(|(at, _, cue)| (at, cue)));
    cues.push((
        step_start_on_timeline(plan, plan.steps.len()),
        Cue::Finished,
    ));
    cues
}

/// A session started at `start`, with the cues of the Start tap.
pub fn started(plan: Plan, start: f64) -> (Session, Vec<Cue>) {
    Session::new(plan).apply(Event::Start { now_ms: start })
}

/// Applies `event`, appending its cues (with the time) to `log`.
pub fn step(session: &mut Session, event: Event, log: &mut Vec<(f64, Cue)>) {
    let (next, cues) = session.apply(event);
    *session = next;
    log.extend(cues.into_iter().map(|cue| (event.now_ms(), cue)));
}

/// Ticks every `every_ms` from `from` (exclusive) while the session is not finished or stopped,
/// up to `until` (inclusive). Returns the time of the last tick applied.
pub fn tick_until(
    session: &mut Session,
    from: f64,
    until: f64,
    every_ms: f64,
    log: &mut Vec<(f64, Cue)>,
) -> f64 {
    let mut now = from;
    while now + every_ms <= until {
        now += every_ms;
        step(session, Event::Tick { now_ms: now }, log);
        if matches!(
            session.snapshot(now).phase,
            Phase::Finished | Phase::Stopped
        ) {
            break;
        }
    }
    now
}

#[path = "../support/rng.rs"]
mod rng;
/// The shared deterministic PRNG, under the name the timer tests use.
#[allow(unused_imports)]
pub use rng::Rng as XorShift;
