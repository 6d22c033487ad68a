//! The session state machine: start, 3-2-1 get-ready, steps, pause/resume, skip, "End
//! session", "Stop, this hurts", finish.
//!
//! A session lives on one *timeline* measured in milliseconds from the Start tap: the get-ready
//! countdown fills `0..GET_READY_MS`, then the plan's steps follow back to back. While running,
//! the session stores only the timeline's origin as an absolute wall-clock time, so every
//! deadline is `origin + offset` and remaining time is `deadline - now`. Ticks never count
//! anything; a tick only tells the session what time it is now.
//!
//! - Pause freezes the elapsed time; Resume moves the origin so the frozen time carries on.
//! - A jump forward (phone slept, tab hidden) lands on the right step; cues that are late by
//!   more than [`LATE_CUE_LIMIT_MS`] are summarised in one [`Cue::Missed`], not replayed.
//! - A clock going backwards adds no time: the origin moves back with it, so elapsed time holds.
//!
//! The timeline carries *marks*, the moments a cue is due: each second of the countdown, each
//! step start, the plan's own prompts ("halfway", "one minute left"), and the end, in time
//! order (a step start before a prompt at the same moment). The session remembers how many
//! marks it has already cued.

use super::routines::{CueKind, Plan, Prompt, Spot, GET_READY_MS};

/// A step-start cue that arrives later than this after its deadline is reported as missed
/// instead of played (the phone was asleep or the tab throttled).
pub const LATE_CUE_LIMIT_MS: u64 = 5_000;

/// The largest `now_ms` accepted: 2^53, the last whole number an `f64` holds exactly.
pub(super) const MAX_NOW_MS: i64 = 1 << 53;

/// Something that happened, with the wall-clock time it happened at (`Date.now()`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Event {
    /// The Start tap: begins the get-ready countdown (also restarts a finished or stopped session).
    Start {
        now_ms: f64,
    },
    Pause {
        now_ms: f64,
    },
    Resume {
        now_ms: f64,
    },
    /// Ends the countdown or the current step early; on the last step it finishes the session.
    Skip {
        now_ms: f64,
    },
    /// "Stop, this hurts": ends the session at once; the view shows the stop advice.
    StopHurts {
        now_ms: f64,
    },
    /// "End session": ends a session in progress early; the view shows a neutral summary.
    End {
        now_ms: f64,
    },
    /// A timer tick, or the page becoming visible again: catch up with the clock.
    Tick {
        now_ms: f64,
    },
}

impl Event {
    pub fn now_ms(self) -> f64 {
        match self {
            Event::Start { now_ms }
            | Event::Pause { now_ms }
            | Event::Resume { now_ms }
            | Event::Skip { now_ms }
            | Event::StopHurts { now_ms }
            | Event::End { now_ms }
            | Event::Tick { now_ms } => now_ms,
        }
    }
}

/// What the view should play (tone, vibration) after an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    /// One beat of the 3-2-1 countdown.
    GetReady { seconds_left: u32 },
    /// A step began (on time): play the step's cue.
    StepStarted { step_index: usize, kind: CueKind },
    /// "Halfway" or "one minute left", at its moment (on time).
    Prompt(Prompt),
    /// This many step cues passed while they could not be played; they are not replayed.
    /// Comes before the cue of the moment the session landed on, if any.
    Missed { count: u32 },
    /// The routine is complete (also after a long sleep): play the finish chime.
    Finished,
    /// The reader stopped because it hurts.
    Stopped,
    /// The reader ended the session early.
    Ended,
}

/// Where a session is, as the view shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Phase {
    /// Created, not started: the reader is still choosing.
    Ready,
    /// The 3-2-1 countdown.
    GetReady,
    Running,
    /// Paused, either in the countdown (`getready_seconds_left > 0`) or in a step.
    Paused,
    Finished,
    /// Ended by "Stop, this hurts".
    Stopped,
    /// Ended early by "End session".
    Ended,
}

/// Everything the view needs at one moment.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Snapshot {
    pub phase: Phase,
    /// The current step (0-based); the first step before the start, the last one after the end.
    pub step_index: usize,
    pub step_count: usize,
    pub step_title: &'static str,
    pub instruction: &'static str,
    /// Where on the back the current step works, if it names a spot.
    pub spot: Option<Spot>,
    pub next_step_title: Option<&'static str>,
    pub step_duration_ms: u64,
    pub step_remaining_ms: u64,
    /// The massage time of the plan (the countdown not included).
    pub total_ms: u64,
    pub total_remaining_ms: u64,
    /// Share of the massage time done, `0.0..=1.0`.
    pub progress: f64,
    /// 3, 2, 1 during the countdown (also when paused in it), otherwise 0.
    pub getready_seconds_left: u32,
}

/// One guided session of one [`Plan`]. Cheap to copy; [`Session::apply`] returns the next one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Session {
    pub(super) plan: Plan,
    pub(super) state: State,
    /// The latest wall-clock time seen; guards against the clock going backwards.
    pub(super) last_now_ms: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum State {
    Ready,
    /// In the countdown or a step, running or paused. `marks_cued` marks are behind us.
    Active {
        clock: Clock,
        marks_cued: u32,
    },
    Finished,
    Stopped {
        elapsed_ms: u64,
    },
    Ended {
        elapsed_ms: u64,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Clock {
    /// Timeline position = now - `origin_ms`.
    Running { origin_ms: i64 },
    /// Timeline position frozen at `elapsed_ms`.
    Paused { elapsed_ms: u64 },
}

/// A moment on the timeline at which a cue is due.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Mark {
    GetReady { seconds_left: u32 },
    StepStart(usize),
    Prompt(Prompt),
    End,
}

impl Session {
    /// A session that has not started yet.
    pub fn new(plan: Plan) -> Session {
        Session {
            plan,
            state: State::Ready,
            last_now_ms: 0,
        }
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// True from Start until finished or stopped (running or paused): the state worth saving.
    pub fn is_in_progress(&self) -> bool {
        matches!(self.state, State::Active { .. })
    }

    /// The wall-clock time (ms since epoch) of the next cue while running, so the view can
    /// schedule a wake-up exactly then; `None` when paused or not in progress.
    pub fn next_deadline_ms(&self) -> Option<f64> {
        match self.state {
            State::Active {
                clock: Clock::Running { origin_ms },
                marks_cued,
            } => {
                let (offset, _) = self.mark(marks_cued)?;
                Some((origin_ms + offset as i64) as f64)
            }
            _ => None,
        }
    }

    /// The wall-clock time the session will finish while running; `None` when paused or not in
    /// progress. It changes only when the timeline moves (resume, skip, the clock going back).
    pub fn end_deadline_ms(&self) -> Option<f64> {
        match self.state {
            State::Active {
                clock: Clock::Running { origin_ms },
                ..
            } => Some((origin_ms + self.end_ms() as i64) as f64),
            _ => None,
        }
    }

    /// The cues still due while running, each with its wall-clock deadline, from after `from_ms`
    /// up to `until_ms` (both included at the top): countdown beats, step starts, the finish.
    /// They are what [`Session::apply`] would cue on time, so the view can hand their sounds to
    /// a clock that keeps running while the page is hidden. Empty when paused or not in progress.
    pub fn upcoming_cues(&self, from_ms: f64, until_ms: f64) -> Vec<(f64, Cue)> {
        let State::Active {
            clock: Clock::Running { origin_ms },
            marks_cued,
        } = self.state
        else {
            return Vec::new();
        };
        (marks_cued..self.mark_count())
            .filter_map(|index| self.mark(index))
            .map(|(offset, mark)| {
                let cue = match mark {
                    Mark::GetReady { seconds_left } => Cue::GetReady { seconds_left },
                    Mark::StepStart(step_index) => Cue::StepStarted {
                        step_index,
                        kind: self.plan.steps[step_index].cue,
                    },
                    Mark::Prompt(prompt) => Cue::Prompt(prompt),
                    Mark::End => Cue::Finished,
                };
                ((origin_ms + offset as i64) as f64, cue)
            })
            .filter(|&(deadline, _)| deadline > from_ms)
            .take_while(|&(deadline, _)| deadline <= until_ms)
            .collect()
    }

    /// Applies one event and returns the next session and the cues to play, in order.
    ///
    /// Every event first brings the session up to `now` (cues due by then, the finish), except
    /// Skip, which jumps and then catches up once (so a countdown beat it passes over is not
    /// played), and StopHurts and End, which only say [`Cue::Stopped`] / [`Cue::Ended`]. Events that make no sense in
    /// the current phase (Pause when paused, ...) change nothing else. A `now_ms` that is not a
    /// plausible epoch time (NaN, negative, beyond 2^53) is ignored.
    pub fn apply(&self, event: Event) -> (Session, Vec<Cue>) {
        let mut next = *self;
        let mut cues = Vec::new();
        let Some(now) = wall_clock_ms(event.now_ms()) else {
            return (next, cues);
        };
        next.observe(now);
        let elapsed = next.elapsed_ms(now);
        match (event, next.state) {
            (Event::Skip { .. }, State::Active { clock, marks_cued }) => {
                let target = next.end_of_current_part(elapsed);
                let clock = match clock {
                    Clock::Running { .. } => Clock::Running {
                        origin_ms: now - target as i64,
                    },
                    Clock::Paused { .. } => Clock::Paused { elapsed_ms: target },
                };
                next.state = State::Active { clock, marks_cued };
            }
            (Event::StopHurts { .. }, State::Active { .. } | State::Finished) => {
                next.state = State::Stopped {
                    elapsed_ms: elapsed,
                };
                cues.push(Cue::Stopped);
                return (next, cues);
            }
            (Event::End { .. }, State::Active { .. }) => {
                next.state = State::Ended {
                    elapsed_ms: elapsed,
                };
                cues.push(Cue::Ended);
                return (next, cues);
            }
            (
                Event::Start { .. },
                State::Ready | State::Finished | State::Stopped { .. } | State::Ended { .. },
            ) => {
                next.state = State::Active {
                    clock: Clock::Running { origin_ms: now },
                    marks_cued: 0,
                };
            }
            _ => {}
        }
        next.catch_up(now, &mut cues);
        match (event, next.state) {
            (
                Event::Pause { .. },
                State::Active {
                    clock: Clock::Running { .. },
                    marks_cued,
                },
            ) => {
                let elapsed_ms = next.elapsed_ms(now);
                next.state = State::Active {
                    clock: Clock::Paused { elapsed_ms },
                    marks_cued,
                };
            }
            (
                Event::Resume { .. },
                State::Active {
                    clock: Clock::Paused { elapsed_ms },
                    marks_cued,
                },
            ) => {
                let origin_ms = now - elapsed_ms as i64;
                next.state = State::Active {
                    clock: Clock::Running { origin_ms },
                    marks_cued,
                };
            }
            _ => {}
        }
        (next, cues)
    }

    /// The view of the session at `now_ms`. Pure: it works out the position from the clock, so
    /// it is right even before the next [`Event::Tick`] is applied.
    pub fn snapshot(&self, now_ms: f64) -> Snapshot {
        let now = wall_clock_ms(now_ms).unwrap_or(self.last_now_ms);
        let elapsed = self.elapsed_ms(now);
        let end = self.end_ms();
        let phase = match self.state {
            State::Ready => Phase::Ready,
            State::Active {
                clock: Clock::Paused { .. },
                ..
            } => Phase::Paused,
            State::Active {
                clock: Clock::Running { .. },
                ..
            } if elapsed >= end => Phase::Finished,
            State::Active {
                clock: Clock::Running { .. },
                ..
            } if elapsed < GET_READY_MS => Phase::GetReady,
            State::Active {
                clock: Clock::Running { .. },
                ..
            } => Phase::Running,
            State::Finished => Phase::Finished,
            State::Stopped { .. } => Phase::Stopped,
            State::Ended { .. } => Phase::Ended,
        };
        let steps = self.plan.steps;
        let total_ms = self.plan.total_ms();
        let massage_elapsed = elapsed.saturating_sub(GET_READY_MS).min(total_ms);
        let (step_index, step_start, step_end) = self.step_at(massage_elapsed);
        let getready_seconds_left = match phase {
            Phase::GetReady | Phase::Paused if elapsed < GET_READY_MS => {
                (GET_READY_MS - elapsed).div_ceil(1000) as u32
            }
            _ => 0,
        };
        Snapshot {
            phase,
            step_index,
            step_count: steps.len(),
            step_title: steps[step_index].title,
            instruction: steps[step_index].instruction,
            spot: steps[step_index].spot,
            next_step_title: steps.get(step_index + 1).map(|step| step.title),
            step_duration_ms: step_end - step_start,
            step_remaining_ms: step_end - massage_elapsed.max(step_start),
            total_ms,
            total_remaining_ms: total_ms - massage_elapsed,
            progress: massage_elapsed as f64 / total_ms as f64,
            getready_seconds_left,
        }
    }

    // ---- timeline ------------------------------------------------------------------------------

    /// Where the session is on its timeline (clamped to it) at `now`.
    pub(super) fn elapsed_ms(&self, now: i64) -> u64 {
        match self.state {
            State::Ready => 0,
            State::Active {
                clock: Clock::Running { origin_ms },
                ..
            } => {
                let since_origin = now.max(self.last_now_ms) - origin_ms;
                (since_origin.max(0) as u64).min(self.end_ms())
            }
            State::Active {
                clock: Clock::Paused { elapsed_ms },
                ..
            } => elapsed_ms,
            State::Finished => self.end_ms(),
            State::Stopped { elapsed_ms } | State::Ended { elapsed_ms } => elapsed_ms,
        }
    }

    /// The end of the timeline: countdown plus massage.
    pub(super) fn end_ms(&self) -> u64 {
        GET_READY_MS + self.plan.total_ms()
    }

    /// The step containing `massage_elapsed` (the last one at the very end), with its bounds.
    fn step_at(&self, massage_elapsed: u64) -> (usize, u64, u64) {
        let mut start = 0;
        for (index, step) in self.plan.steps.iter().enumerate() {
            let end = start + step.duration_ms;
            if massage_elapsed < end || index + 1 == self.plan.steps.len() {
                return (index, start, end);
            }
            start = end;
        }
        unreachable!("a plan always has at least one step")
    }

    /// Where Skip jumps to: the end of the countdown, or the end of the current step.
    fn end_of_current_part(&self, elapsed: u64) -> u64 {
        if elapsed < GET_READY_MS {
            return GET_READY_MS;
        }
        let (_, _, step_end) = self.step_at(elapsed - GET_READY_MS);
        GET_READY_MS + step_end
    }

    pub(super) fn mark_count(&self) -> u32 {
        (GET_READY_MS / 1000) as u32
            + self.plan.steps.len() as u32
            + self.plan.prompts.len() as u32
            + 1
    }

    /// Mark number `index` with its offset on the timeline; `None` past the end. After the
    /// countdown beats, step starts and prompts are merged in time order (a step first when
    /// both fall at the same moment), then the end.
    pub(super) fn mark(&self, index: u32) -> Option<(u64, Mark)> {
        let countdown_beats = (GET_READY_MS / 1000) as u32;
        if index < countdown_beats {
            return Some((
                u64::from(index) * 1000,
                Mark::GetReady {
                    seconds_left: countdown_beats - index,
                },
            ));
        }
        let (steps, prompts) = (self.plan.steps, self.plan.prompts);
        let mut left = index - countdown_beats;
        let (mut step, mut prompt, mut step_at) = (0, 0, 0);
        loop {
            let next_prompt = prompts.get(prompt).copied();
            let (at, mark) = match next_prompt {
                Some((at, kind)) if step >= steps.len() || at < step_at => {
                    prompt += 1;
                    (at, Mark::Prompt(kind))
                }
                _ if step < steps.len() => {
                    let at = step_at;
                    step_at += steps[step].duration_ms;
                    step += 1;
                    (at, Mark::StepStart(step - 1))
                }
                _ => {
                    return (left == 0).then_some((GET_READY_MS + step_at, Mark::End));
                }
            };
            if left == 0 {
                return Some((GET_READY_MS + at, mark));
            }
            left -= 1;
        }
    }

    /// How many marks lie at or before `elapsed`.
    pub(super) fn marks_reached(&self, elapsed: u64) -> u32 {
        (0..self.mark_count())
            .take_while(|&index| {
                self.mark(index)
                    .is_some_and(|(offset, _)| offset <= elapsed)
            })
            .count() as u32
    }

    // ---- events --------------------------------------------------------------------------------

    /// Records `now`; if the clock went backwards, moves a running origin back by the same
    /// amount so no time is added.
    fn observe(&mut self, now: i64) {
        if now < self.last_now_ms {
            if let State::Active {
                clock: Clock::Running { origin_ms },
                ..
            } = &mut self.state
            {
                *origin_ms -= self.last_now_ms - now;
            }
        }
        self.last_now_ms = now;
    }

    /// Cues every mark reached since the last call: the mark we landed on is played if it is on
    /// time, all the step starts before it (and a late landing) are summarised as missed.
    /// Reaching the end finishes the session.
    fn catch_up(&mut self, now: i64, cues: &mut Vec<Cue>) {
        let State::Active { marks_cued, .. } = self.state else {
            return;
        };
        let elapsed = self.elapsed_ms(now);
        let reached = self.marks_reached(elapsed);
        if reached <= marks_cued {
            return;
        }
        let is_step_start = |index: u32| matches!(self.mark(index), Some((_, Mark::StepStart(_))));
        let mut missed = (marks_cued..reached - 1)
            .filter(|&index| is_step_start(index))
            .count() as u32;
        let Some((landing_offset, landing)) = self.mark(reached - 1) else {
            return;
        };
        let on_time = elapsed - landing_offset <= LATE_CUE_LIMIT_MS;
        let landing_cue = match landing {
            Mark::End => Some(Cue::Finished),
            Mark::Prompt(prompt) => on_time.then_some(Cue::Prompt(prompt)),
            Mark::GetReady { seconds_left } => on_time.then_some(Cue::GetReady { seconds_left }),
            Mark::StepStart(step_index) if on_time => Some(Cue::StepStarted {
                step_index,
                kind: self.plan.steps[step_index].cue,
            }),
            Mark::StepStart(_) => {
                missed += 1;
                None
            }
        };
        if missed > 0 {
            cues.push(Cue::Missed { count: missed });
        }
        cues.extend(landing_cue);
        self.state = match (landing, self.state) {
            (Mark::End, _) => State::Finished,
            (_, State::Active { clock, .. }) => State::Active {
                clock,
                marks_cued: reached,
            },
            (_, other) => other,
        };
    }
}

/// `now_ms` as whole milliseconds, if it is a plausible epoch time.
pub(super) fn wall_clock_ms(now_ms: f64) -> Option<i64> {
    (now_ms.is_finite() && now_ms >= 0.0 && now_ms <= MAX_NOW_MS as f64)
        .then(|| now_ms.floor() as i64)
}
