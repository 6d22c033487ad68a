//! What a screen reader hears, and how remaining time is written.
//!
//! The view keeps the previous [`Snapshot`] and asks [`announcement`] after each repaint; the
//! answer is `Some` only at a phase change (get ready, paused, resumed, finished, stopped,
//! ended), a step
//! change, or a whole-minute mark of the total remaining time, never every second.

use super::push_decimal;
use super::session::{Phase, Snapshot};

/// One message for the `aria-live` region. [`Announcement::text`] gives the words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Announcement {
    /// The countdown began.
    GetReady {
        seconds: u32,
    },
    /// A step began; `minutes_left` is set when a minute mark fell at the same moment.
    Step {
        number: usize,
        count: usize,
        title: &'static str,
        minutes_left: Option<u32>,
    },
    /// The total remaining time reached a whole minute.
    MinutesLeft {
        minutes: u32,
    },
    Paused,
    Resumed,
    Finished,
    Stopped,
    Ended,
}

/// What changed between two snapshots that a screen reader should hear, if anything.
pub fn announcement(prev: &Snapshot, next: &Snapshot) -> Option<Announcement> {
    if next.phase != prev.phase {
        match next.phase {
            Phase::Finished => return Some(Announcement::Finished),
            Phase::Stopped => return Some(Announcement::Stopped),
            Phase::Ended => return Some(Announcement::Ended),
            Phase::Paused => return Some(Announcement::Paused),
            Phase::Ready => return None,
            Phase::GetReady if prev.phase != Phase::Paused => {
                return Some(Announcement::GetReady {
                    seconds: next.getready_seconds_left,
                })
            }
            Phase::GetReady | Phase::Running => {}
        }
    }
    let counting = matches!(next.phase, Phase::Running | Phase::Paused);
    let first_step_began = prev.getready_seconds_left > 0 && next.getready_seconds_left == 0;
    let step_changed = counting && (next.step_index != prev.step_index || first_step_began);
    let minute_mark = counting
        && next.total_remaining_ms > 0
        && minutes_on_clock(next.total_remaining_ms) < minutes_on_clock(prev.total_remaining_ms);
    let minutes_now = minutes_to_say(next.total_remaining_ms);

    if step_changed {
        Some(Announcement::Step {
            number: next.step_index + 1,
            count: next.step_count,
            title: next.step_title,
            minutes_left: minute_mark.then_some(minutes_now),
        })
    } else if prev.phase == Phase::Paused && next.phase != Phase::Paused {
        Some(Announcement::Resumed)
    } else if minute_mark {
        Some(Announcement::MinutesLeft {
            minutes: minutes_now,
        })
    } else {
        None
    }
}

/// The minute the clock is in, counted the way [`format_mm_ss`] rounds (up): it drops by one
/// exactly when the display reaches `m:00`.
fn minutes_on_clock(ms: u64) -> u32 {
    ms.div_ceil(60_000) as u32
}

/// The minutes to say at a mark: exact on a regular tick (`4:00` gives 4); after a jump the
/// nearest minute (`8:03` gives 8, not 9), and never 0 while time remains.
fn minutes_to_say(ms: u64) -> u32 {
    let seconds = ms.div_ceil(1000);
    ((seconds + 30) / 60).max(1) as u32
}

impl Announcement {
    /// The sentence for the `aria-live` region, e.g. "Step 2 of 6: Get into position."
    pub fn text(&self) -> String {
        let mut text = String::new();
        match *self {
            Announcement::GetReady { seconds } => {
                text.push_str("Get ready: starting in ");
                push_count(&mut text, seconds, "second");
                text.push('.');
            }
            Announcement::Step {
                number,
                count,
                title,
                minutes_left,
            } => {
                text.push_str("Step ");
                push_decimal(&mut text, number as u64);
                text.push_str(" of ");
                push_decimal(&mut text, count as u64);
                text.push_str(": ");
                text.push_str(title);
                text.push('.');
                if let Some(minutes) = minutes_left {
                    text.push(' ');
                    push_count(&mut text, minutes, "minute");
                    text.push_str(" left.");
                }
            }
            Announcement::MinutesLeft { minutes } => {
                push_count(&mut text, minutes, "minute");
                text.push_str(" left.");
            }
            Announcement::Paused => text.push_str("Paused."),
            Announcement::Resumed => text.push_str("Resumed."),
            Announcement::Finished => text.push_str("Routine finished. Well done."),
            Announcement::Stopped => text.push_str("Stopped."),
            Announcement::Ended => text.push_str("Session ended."),
        }
        text
    }
}

/// "1 minute", "4 minutes".
fn push_count(text: &mut String, count: u32, unit: &str) {
    push_decimal(text, u64::from(count));
    text.push(' ');
    text.push_str(unit);
    if count != 1 {
        text.push('s');
    }
}

/// `m:ss`, rounded **up** to whole seconds so the display never reads 0:00 while time remains
/// (and reads 5:00, not 4:59, in the first moment of a 5-minute routine).
pub fn format_mm_ss(ms: u64) -> String {
    let seconds = ms.div_ceil(1000);
    let mut text = String::with_capacity(5);
    push_decimal(&mut text, seconds / 60);
    text.push(':');
    let within_minute = seconds % 60;
    if within_minute < 10 {
        text.push('0');
    }
    push_decimal(&mut text, within_minute);
    text
}
