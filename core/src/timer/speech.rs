//! What the voice says at a cue: the step's title and its short instruction at a step change
//! (with "Halfway." or "One minute left." first when one falls there), the prompts on their
//! own, "Get ready." at the Start tap and a closing line at the end. Plain strings: the view
//! hands them to the browser's speech synthesis and keeps playing the tones underneath.

use super::routines::{Plan, Prompt, GET_READY_MS};
use super::session::Cue;

/// Said at the Start tap (inside the tap, which also lets browsers start speech at all).
pub const GET_READY: &str = "Get ready.";
/// Said when the routine is complete.
pub const FINISHED: &str = "That's the end of the routine. Well done.";

/// The words of a prompt.
pub fn prompt_text(prompt: Prompt) -> &'static str {
    match prompt {
        Prompt::Halfway => "Halfway.",
        Prompt::OneMinuteLeft => "One minute left.",
    }
}

/// What to say for `cue` of a session of `plan`, if anything. Missed cues, the countdown's
/// later beats, stops and early ends say nothing.
pub fn spoken(plan: &Plan, cue: Cue) -> Option<String> {
    let mut text = String::new();
    match cue {
        Cue::GetReady { seconds_left } if u64::from(seconds_left) * 1000 == GET_READY_MS => {
            text.push_str(GET_READY);
        }
        Cue::StepStarted { step_index, .. } => {
            let step = plan.steps.get(step_index)?;
            if let Some(prompt) = step.prompt {
                text.push_str(prompt_text(prompt));
                text.push(' ');
            }
            text.push_str(step.title);
            text.push_str(". ");
            text.push_str(step.say);
        }
        Cue::Prompt(prompt) => text.push_str(prompt_text(prompt)),
        Cue::Finished => text.push_str(FINISHED),
        Cue::GetReady { .. } | Cue::Missed { .. } | Cue::Stopped | Cue::Ended => return None,
    }
    Some(text)
}
