//! A session as one short ASCII string, so a reload can resume it (the view keeps it in
//! localStorage).
//!
//! Format, fields separated by `:`:
//!
//! ```text
//! t2:<routine id>:<mode id>:<minutes>:<last seen now, ms>:<state>
//! state = R                          ready (not started)
//!       | A:<elapsed ms>:<marks cued>  running; elapsed on the timeline at <last seen now>
//!       | P:<elapsed ms>:<marks cued>  paused at <elapsed ms>
//!       | F                          finished
//!       | S:<elapsed ms>             stopped because it hurt
//!       | E:<elapsed ms>             ended early ("End session")
//! ```
//!
//! e.g. `t2:hands:standing:5:1700000012000:A:9000:4`. Version 2 counts the prompts
//! ("halfway", "one minute left") among the marks, so a `t1` string is refused. A running session stores its position at
//! the last time it was seen, not a deadline, so no field can be negative. Decoding checks every
//! field and never panics; anything odd is an error and the view simply starts afresh.

use super::push_decimal;
use super::routines::plan;
use super::session::{wall_clock_ms, Clock, Session, State};

/// The version prefix; bump it when the format changes so old strings are rejected.
const VERSION_PREFIX: &str = "t2:";
/// No valid string comes near this; longer input is rejected before any parsing.
const MAX_ENCODED_LEN: usize = 160;
/// A session last seen longer ago than this is not resumed (12 hours).
pub const MAX_RESUME_GAP_MS: i64 = 12 * 60 * 60 * 1000;

/// Why a saved string was not turned back into a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Saved by another version of the format.
    WrongVersion,
    /// Not the shape of a saved session at all.
    Malformed,
    /// The routine, mode or length no longer exists.
    UnknownPlan,
    /// A number is outside what a real session can hold.
    OutOfRange,
    /// The session was last seen more than [`MAX_RESUME_GAP_MS`] ago.
    Expired,
    /// The `now_ms` given to `decode` is not a plausible epoch time.
    BadClock,
}

impl DecodeError {
    /// A short English reason, for the console.
    pub fn message(self) -> &'static str {
        match self {
            DecodeError::WrongVersion => "saved timer is from another version",
            DecodeError::Malformed => "saved timer is not in the expected format",
            DecodeError::UnknownPlan => "saved timer names a routine that does not exist",
            DecodeError::OutOfRange => "saved timer holds impossible numbers",
            DecodeError::Expired => "saved timer is too old to resume",
            DecodeError::BadClock => "the clock reading is not a valid time",
        }
    }
}

impl Session {
    /// The session as a short single-line ASCII string (see the module docs for the format).
    pub fn encode(&self) -> String {
        let mut text = String::with_capacity(64);
        text.push_str(VERSION_PREFIX);
        text.push_str(self.plan.routine.id);
        text.push(':');
        text.push_str(self.plan.mode.id);
        text.push(':');
        push_decimal(&mut text, u64::from(self.plan.minutes));
        text.push(':');
        push_decimal(&mut text, self.last_now_ms.max(0) as u64);
        text.push(':');
        let elapsed = self.elapsed_ms(self.last_now_ms);
        match self.state {
            State::Ready => text.push('R'),
            State::Active { clock, marks_cued } => {
                text.push_str(if matches!(clock, Clock::Running { .. }) {
                    "A:"
                } else {
                    "P:"
                });
                push_decimal(&mut text, elapsed);
                text.push(':');
                push_decimal(&mut text, u64::from(marks_cued));
            }
            State::Finished => text.push('F'),
            State::Stopped { elapsed_ms } => {
                text.push_str("S:");
                push_decimal(&mut text, elapsed_ms);
            }
            State::Ended { elapsed_ms } => {
                text.push_str("E:");
                push_decimal(&mut text, elapsed_ms);
            }
        }
        text
    }

    /// Reads a string made by [`Session::encode`]. `now_ms` is the current wall-clock time; it
    /// only decides whether the session is too old to resume. Apply an [`Event::Tick`] with
    /// the same time afterwards to catch up (the session may finish, with missed cues).
    ///
    /// [`Event::Tick`]: super::Event::Tick
    pub fn decode(text: &str, now_ms: f64) -> Result<Session, DecodeError> {
        let now = wall_clock_ms(now_ms).ok_or(DecodeError::BadClock)?;
        if text.len() > MAX_ENCODED_LEN || !text.is_ascii() {
            return Err(DecodeError::Malformed);
        }
        let Some(rest) = text.strip_prefix(VERSION_PREFIX) else {
            let looks_versioned = text.starts_with('t') && text.contains(':');
            return Err(if looks_versioned {
                DecodeError::WrongVersion
            } else {
                DecodeError::Malformed
            });
        };
        let mut fields = rest.split(':');
        let mut field = || fields.next().ok_or(DecodeError::Malformed);
        let routine_id = field()?;
        let mode_id = field()?;
        let minutes = u32::try_from(number(field()?)?).map_err(|_| DecodeError::OutOfRange)?;
        let last_now_ms = number(field()?)? as i64;
        let kind = field()?;
        let mut numbers = [0u64; 2];
        let expected_numbers = match kind {
            "R" | "F" => 0,
            "S" | "E" => 1,
            "A" | "P" => 2,
            _ => return Err(DecodeError::Malformed),
        };
        for slot in numbers.iter_mut().take(expected_numbers) {
            *slot = number(field()?)?;
        }
        if field().is_ok() {
            return Err(DecodeError::Malformed);
        }

        let plan = plan(routine_id, minutes, Some(mode_id)).ok_or(DecodeError::UnknownPlan)?;
        if last_now_ms > super::session::MAX_NOW_MS {
            return Err(DecodeError::OutOfRange);
        }
        let mut session = Session {
            plan,
            state: State::Ready,
            last_now_ms,
        };
        let end = session.end_ms();
        let [elapsed_ms, marks] = numbers;
        session.state = match kind {
            "R" => State::Ready,
            "F" => State::Finished,
            "S" if elapsed_ms <= end => State::Stopped { elapsed_ms },
            "E" if elapsed_ms <= end => State::Ended { elapsed_ms },
            "A" | "P" => {
                // Still before the end (reaching it finishes), and no mark cued ahead of time.
                let marks_cued = u32::try_from(marks).map_err(|_| DecodeError::OutOfRange)?;
                if elapsed_ms >= end || marks_cued > session.marks_reached(elapsed_ms) {
                    return Err(DecodeError::OutOfRange);
                }
                let clock = if kind == "A" {
                    Clock::Running {
                        origin_ms: last_now_ms - elapsed_ms as i64,
                    }
                } else {
                    Clock::Paused { elapsed_ms }
                };
                State::Active { clock, marks_cued }
            }
            _ => return Err(DecodeError::OutOfRange),
        };
        if session.state != State::Ready && now - last_now_ms > MAX_RESUME_GAP_MS {
            return Err(DecodeError::Expired);
        }
        Ok(session)
    }
}

/// A plain decimal number: digits only (no sign, no spaces), at most 16 of them.
pub(super) fn number(text: &str) -> Result<u64, DecodeError> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DecodeError::Malformed);
    }
    if text.len() > 16 {
        return Err(DecodeError::OutOfRange);
    }
    text.parse().map_err(|_| DecodeError::Malformed)
}
