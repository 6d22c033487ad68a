//! The self-massage timer: routines as data and a deadline-based session state machine.
//!
//! - [`routines`](self::routines): the routines, their modes and the concrete [`Plan`] for a
//!   chosen length (steps, named spots, prompts), generated at build time from
//!   `content/routines.toml`; the safety lines and the stop/finish/end advice.
//! - [`session`](self::session): [`Session`], driven by [`Event`]s that carry the wall-clock time
//!   (`now_ms`, ms since the Unix epoch). It keeps absolute deadlines, so remaining time is always
//!   `deadline - now`, never a count of ticks. It answers with [`Cue`]s (sounds, vibration) and
//!   a [`Snapshot`] for the view.
//! - [`announce`](self::announce): what a screen reader should hear between two snapshots, and
//!   the `m:ss` display format.
//! - [`speech`](self::speech): what the voice says at each cue.
//! - [`persist`](self::persist): a session as one short string, so a reload can resume it.
//! - [`prefs`](self::prefs): the remembered sound, vibration and voice choices and the last
//!   routine, as one short string.
//!
//! Nothing here reads a clock or touches the browser.
//!
//! ```
//! use massage_guide_core::timer::{plan, Event, Phase, Session};
//!
//! let plan = plan("hands", 3, None).expect("hands lasts 3 minutes");
//! let start = 1_700_000_000_000.0;
//! let (session, cues) = Session::new(plan).apply(Event::Start { now_ms: start });
//! assert!(!cues.is_empty()); // the first "3" of the 3-2-1 countdown
//! let view = session.snapshot(start + 4_000.0);
//! assert_eq!(view.phase, Phase::Running);
//! assert_eq!(view.step_index, 0);
//! ```

pub mod announce;
pub mod persist;
pub mod prefs;
pub mod routines;
pub mod session;
pub mod speech;

pub use announce::{announcement, format_mm_ss, Announcement};
pub use persist::{DecodeError, MAX_RESUME_GAP_MS};
pub use prefs::Prefs;
pub use routines::{
    end_advice, finish_advice, plan, routines, safety_lines, stop_advice, Advice, CueKind,
    FinishAdvice, Level, Mode, Plan, PlannedStep, Prompt, Routine, Side, Spot, StopAdvice,
    GET_READY_MS, MAX_CUE_GAP_MS,
};
pub use session::{Cue, Event, Phase, Session, Snapshot, LATE_CUE_LIMIT_MS};
pub use speech::spoken;

/// Appends `value` in decimal, without pulling `format!` machinery into the wasm.
pub fn push_decimal(out: &mut String, value: u64) {
    let mut digits = [0u8; 20];
    let mut rest = value;
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for &digit in &digits[start..] {
        out.push(char::from(digit));
    }
}

/// `value` in decimal, without `format!` machinery (used by the views too).
pub fn decimal(value: u64) -> String {
    let mut out = String::new();
    push_decimal(&mut out, value);
    out
}
