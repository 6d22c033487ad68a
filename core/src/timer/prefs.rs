//! The timer's remembered preferences: sound, vibration and voice, and the routine, mode and
//! length last started, as one short string for its own slot of the storage envelope
//! (`crate::saved`, part `prefs`).
//!
//! Format: `p1:<sound><vibration><voice>:<routine id>:<mode id>:<minutes>`, each flag `1` or
//! `0`, e.g. `p1:101:body-massager:float:15`. Each field is read on its own: one that is
//! missing or wrong falls back to its default and the others are kept, so a damaged value
//! never costs more than the damaged part.

use super::persist::number;
use super::push_decimal;
use super::routines::routines;

const PREFIX: &str = "p1:";
/// No valid string comes near this; longer input is not read at all.
const MAX_LEN: usize = 120;

/// What the reader chose last time. Indexes point into [`routines()`] and its modes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Prefs {
    pub sound: bool,
    pub vibration: bool,
    /// Spoken cues, where the browser has an on-device voice.
    pub voice: bool,
    pub routine: Option<usize>,
    /// Only with `routine`; a mode of that routine.
    pub mode: Option<usize>,
    /// Only with `routine`; one of its lengths.
    pub minutes: Option<u32>,
}

impl Default for Prefs {
    /// Everything on, no routine remembered.
    fn default() -> Prefs {
        Prefs {
            sound: true,
            vibration: true,
            voice: true,
            routine: None,
            mode: None,
            minutes: None,
        }
    }
}

impl Prefs {
    pub fn encode(&self) -> String {
        let mut text = String::from(PREFIX);
        for flag in [self.sound, self.vibration, self.voice] {
            text.push(if flag { '1' } else { '0' });
        }
        text.push(':');
        if let Some(routine) = self.routine.and_then(|index| routines().get(index)) {
            text.push_str(routine.id);
            text.push(':');
            if let Some(mode) = self.mode.and_then(|index| routine.modes.get(index)) {
                text.push_str(mode.id);
            }
            text.push(':');
            if let Some(minutes) = self.minutes {
                push_decimal(&mut text, u64::from(minutes));
            }
        }
        text
    }

    /// Reads a string made by [`Prefs::encode`]: the preferences, and `false` if any part of
    /// it was damaged (that part fell back to its default).
    pub fn decode(text: &str) -> (Prefs, bool) {
        let mut prefs = Prefs::default();
        let Some(rest) = text.strip_prefix(PREFIX).filter(|_| text.len() <= MAX_LEN) else {
            return (prefs, false);
        };
        let mut fields = rest.split(':');
        let mut intact = true;

        let flags = fields.next().unwrap_or("").as_bytes();
        for (index, slot) in [&mut prefs.sound, &mut prefs.vibration, &mut prefs.voice]
            .into_iter()
            .enumerate()
        {
            match flags.get(index) {
                Some(b'1') => *slot = true,
                Some(b'0') => *slot = false,
                _ => intact = false,
            }
        }
        intact &= flags.len() == 3;

        let routine_id = fields.next().unwrap_or("");
        let mode_id = fields.next().unwrap_or("");
        let minutes = fields.next().unwrap_or("");
        intact &= fields.next().is_none();
        if routine_id.is_empty() {
            intact &= mode_id.is_empty() && minutes.is_empty();
            return (prefs, intact);
        }
        let Some(routine_index) = routines().iter().position(|r| r.id == routine_id) else {
            return (prefs, false);
        };
        let routine = &routines()[routine_index];
        prefs.routine = Some(routine_index);
        prefs.mode = routine.modes.iter().position(|m| m.id == mode_id);
        intact &= prefs.mode.is_some();
        prefs.minutes = number(minutes)
            .ok()
            .and_then(|m| u32::try_from(m).ok())
            .filter(|m| routine.lengths_min.contains(m));
        intact &= prefs.minutes.is_some();
        (prefs, intact)
    }
}
