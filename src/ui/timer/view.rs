//! Markup of the timer screens: the picker, the session, and the finish, end and stop
//! screens. Pure functions of the [`Model`]: no state, no browser calls.
//!
//! Text that changes lives in elements Yew replaces, never in text nodes it patches (page
//! translators swap those for their own): each screen's root is keyed by the screen, the
//! step by the step, the readout by the phase, and times and labels by their text
//! ([`fresh`]). The time readouts carry `translate="no"`.

use super::model::{Action, Model, Screen};
use massage_guide_core::timer::{
    decimal, end_advice, finish_advice, format_mm_ss, routines, safety_lines, stop_advice, Level,
    Phase, Plan, Side, Snapshot, Spot,
};
use crate::ui::fresh;
use yew::prelude::*;

/// The article section with the exercise advice the finish screen points to.
const EXERCISE_SECTION: &str = "takeaway";

/// Everything a screen needs.
pub struct Context<'a> {
    pub model: &'a Model,
    pub drive: &'a Callback<Action>,
    pub suggested: Option<&'static str>,
    pub product_url: Option<&'a AttrValue>,
    pub product_name: &'a AttrValue,
    /// As the element gives it (e.g. `999`); the stop screen's call link dials it.
    pub emergency_number: &'a AttrValue,
    /// Opens the safety check (absent when the widget has no quiz section).
    pub on_safety_check: Option<&'a Callback<()>>,
    /// Jumps to an article section (absent when the widget has no article).
    pub on_article: Option<&'a Callback<&'static str>>,
    /// The session runs but the screen may go dark (no Screen Wake Lock here).
    pub wake_note: bool,
}

/// `data-*` attributes on the timer element, for tests and the benchmark.
pub struct Attributes {
    pub phase: &'static str,
    /// Wall-clock ms at which the running session ends.
    pub ends_at: Option<String>,
    /// Wall-clock ms at which the finish was detected.
    pub finished_at: Option<String>,
}

impl Attributes {
    pub fn of(model: &Model) -> Attributes {
        let phase = match model.view.map(|view| view.phase) {
            None | Some(Phase::Ready) => "picker",
            Some(Phase::GetReady) => "get-ready",
            Some(Phase::Running) => "running",
            Some(Phase::Paused) => "paused",
            Some(Phase::Finished) => "finished",
            Some(Phase::Stopped) => "stopped",
            Some(Phase::Ended) => "ended",
        };
        let ms = |value: f64| decimal(value.max(0.0) as u64);
        Attributes {
            phase,
            ends_at: model.ends_at().map(ms),
            finished_at: model.finished_at.map(ms),
        }
    }
}

// Optional parts render as an empty node (`unwrap_or_default`) rather than nothing, so
// every sibling keeps its place: Yew pairs unkeyed children from the end, and a shifted
// pairing would reuse a focused button or a ticked radio for a different control.

pub fn render(context: &Context) -> Html {
    let model = context.model;
    let kind = model.screen();
    let screen = match (kind, model.view) {
        (Screen::Session, Some(view)) => session(context, &view),
        (Screen::Finished, _) => finished(context),
        (Screen::Ended, _) => ended(context),
        (Screen::Stopped, _) => stopped(context),
        _ => picker(context),
    };
    // During a session the safety lines come right after the controls (one phone screen
    // holds step, controls and safety); the switches and notes follow them.
    let after = (kind == Screen::Session).then(|| {
        let wake_note = context.wake_note.then(|| {
            note(AttrValue::from("This browser can't keep your screen on. If it dims, the timer still keeps time and catches up when you look again."), false)
        });
        let hint = model
            .keyboard
            .then(|| html! { <p class="mg-timer-hint">{ "Space pauses and resumes." }</p> });
        html! {
            <div class="mg-timer-after">
                { toggles(context) }
                { hint.unwrap_or_default() }
                { wake_note.unwrap_or_default() }
            </div>
        }
    });
    // After "Stop, this hurts" the emergency box takes the safety box's place.
    let safety = (kind != Screen::Stopped).then(safety);
    html! {
        <>
            { screen }
            { safety.unwrap_or_default() }
            { after.unwrap_or_default() }
        </>
    }
}

fn picker(context: &Context) -> Html {
    let Context {
        model,
        drive,
        suggested,
        ..
    } = context;
    let choice = model.choice;
    let routine = choice.routine();
    let routine_cards = routines().iter().enumerate().filter(|(_, option)| model.offers(option)).map(|(index, option)| {
        let suggested = *suggested == Some(option.id);
        card(
            drive,
            "mg-timer-routine",
            Action::PickRoutine(index),
            index == choice.routine,
            option.name,
            suggested,
            option.description,
        )
    });
    let lengths = routine.lengths_min.iter().map(|&minutes| {
        html! {
            <label class="mg-timer-pill" key={u64::from(minutes)}>
                <input type="radio" name="mg-timer-length" checked={minutes == choice.minutes}
                    onchange={drive.reform(move |_| Action::PickMinutes(minutes))} />
                <span>{ decimal(u64::from(minutes)) }{ " min" }</span>
            </label>
        }
    });
    let modes = (routine.modes.len() > 1).then(|| {
        let cards = routine.modes.iter().enumerate().map(|(index, mode)| {
            card(
                drive,
                "mg-timer-mode",
                Action::PickMode(index),
                index == choice.mode,
                mode.name,
                false,
                mode.description,
            )
        });
        html! {
            <fieldset class="mg-timer-field">
                <legend>{ "Style" }</legend>
                <div class="mg-timer-cards">{ for cards }</div>
            </fieldset>
        }
    });
    let start_label = [
        "Start the ",
        &decimal(u64::from(choice.minutes)),
        "-minute routine",
    ]
    .concat();
    let intro = if model.has_voice {
        "Choose a routine and how long you have. At each change the timer plays a tone and says what to do next, so you can keep your eyes closed."
    } else {
        "Choose a routine and how long you have. The timer shows each step and plays a tone at each change, so you know when to move on."
    };
    html! {
        <div key="picker" class="mg-timer-picker">
            <h2 class="mg-timer-title" id="mg-timer-title">{ "Guided self-massage" }</h2>
            <p class="mg-timer-intro">{ fresh(AttrValue::Static(intro), true) }</p>
            <fieldset class="mg-timer-field">
                <legend>{ "Routine" }</legend>
                if !model.massager_ok {
                    { note(AttrValue::Static("Your safety check said: no shaking or electric massager until your implant team says it is safe. So only routines for your hands are shown."), false) }
                }
                <div class="mg-timer-cards">{ for routine_cards }</div>
            </fieldset>
            <fieldset class="mg-timer-field">
                <legend>{ "Length" }</legend>
                <div class="mg-timer-pills">{ for lengths }</div>
            </fieldset>
            { modes.unwrap_or_default() }
            { toggles(context) }
            { button(drive, "mg-timer-button mg-timer-primary mg-timer-start", Action::Start, AttrValue::from(start_label)) }
        </div>
    }
}

/// The plan on screen: the session's, or the choice's before one exists.
fn current_plan(model: &Model) -> Plan {
    model
        .session
        .as_ref()
        .map(|s| *s.plan())
        .unwrap_or_else(|| model.choice.plan())
}

fn session(context: &Context, view: &Snapshot) -> Html {
    let Context { model, drive, .. } = context;
    let plan = current_plan(model);
    let paused = view.phase == Phase::Paused;
    let counting_down = view.getready_seconds_left > 0;
    let mut heading = String::from(plan.routine.name);
    if plan.routine.modes.len() > 1 {
        heading.push_str(" · ");
        heading.push_str(plan.mode.name);
    }
    heading.push_str(" · ");
    heading.push_str(&decimal(u64::from(plan.minutes)));
    heading.push_str(" min");

    let done = (view.progress.clamp(0.0, 1.0) * 1000.0).round() as u64;
    let ring = html! {
        <svg class="mg-timer-ring" viewBox="0 0 120 120" aria-hidden="true" focusable="false">
            <circle class="mg-timer-ring-track" cx="60" cy="60" r="54" />
            <circle class="mg-timer-ring-fill" cx="60" cy="60" r="54" pathLength="1000"
                stroke-dasharray={[decimal(done).as_str(), " 1000"].concat()} transform="rotate(-90 60 60)" />
        </svg>
    };
    let readout = if counting_down {
        html! {
            <div key="countdown" class="mg-timer-readout">
                <span class="mg-timer-label">{ fresh(AttrValue::Static(if paused { "Paused" } else { "Get ready" }), true) }</span>
                <span class="mg-timer-time mg-timer-countdown" role="timer">{ fresh(AttrValue::from(decimal(u64::from(view.getready_seconds_left))), false) }</span>
                <span class="mg-timer-label">{ "then " }{ format_mm_ss(view.total_ms) }</span>
            </div>
        }
    } else {
        html! {
            <div key="time-left" class="mg-timer-readout">
                <span class="mg-timer-label">{ fresh(AttrValue::Static(if paused { "Paused" } else { "Time left" }), true) }</span>
                <span class="mg-timer-time" role="timer">{ fresh(AttrValue::from(format_mm_ss(view.total_remaining_ms)), false) }</span>
                <span class="mg-timer-label">{ "of " }{ format_mm_ss(view.total_ms) }</span>
            </div>
        }
    };
    let step_count = [
        "Step ",
        &decimal(view.step_index as u64 + 1),
        " of ",
        &decimal(view.step_count as u64),
    ]
    .concat();
    // Changes every second within a step.
    let step_left = if counting_down {
        AttrValue::Static("starts soon")
    } else {
        AttrValue::from([format_mm_ss(view.step_remaining_ms).as_str(), " left"].concat())
    };
    // A new step (or the countdown ending) is a new element: count, title, text, figure, next.
    let step_key = [decimal(view.step_index as u64).as_str(), if counting_down { "-soon" } else { "" }].concat();
    let next = html! {
        <p class="mg-timer-next">
            <span class="mg-timer-next-label">{ "Next: " }</span>
            { view.next_step_title.unwrap_or("finish") }
        </p>
    };
    let figure = view.spot.map(spot_figure);
    let missed = (model.missed > 0).then(|| {
        let text = if model.missed == 1 {
            String::from("While the screen was off or the page was hidden, 1 step change passed. The timer kept time: carry on with the step shown.")
        } else {
            ["While the screen was off or the page was hidden, ", &decimal(u64::from(model.missed)), " step changes passed. The timer kept time: carry on with the step shown."].concat()
        };
        note(AttrValue::from(text), true)
    });
    let tap_note = (model.needs_tap && (model.sound || (model.voice && model.has_voice))).then(|| {
        note(AttrValue::from("Your session carried on after the page reloaded. Tap anywhere in the timer to turn sound and voice cues back on."), false)
    });
    html! {
        <div key="session" class={if paused { "mg-timer-session mg-timer-is-paused" } else { "mg-timer-session" }}>
            <h2 class="mg-timer-heading" id="mg-timer-title">{ heading }</h2>
            <div class="mg-timer-dial">
                { ring }
                { readout }
            </div>
            <div key={step_key} class="mg-timer-step">
                <p class="mg-timer-step-count">
                    <span>{ step_count }</span>
                    <span class="mg-timer-step-left">{ fresh(step_left, true) }</span>
                </p>
                <div class="mg-timer-step-body">
                    <div class="mg-timer-step-text">
                        <h3 class="mg-timer-step-title">{ view.step_title }</h3>
                        <p class="mg-timer-instruction">{ view.instruction }</p>
                    </div>
                    { figure.unwrap_or_default() }
                </div>
                { next }
            </div>
            { missed.unwrap_or_default() }
            { tap_note.unwrap_or_default() }
            <div class="mg-timer-controls mg-timer-session-controls">
                { button(drive, "mg-timer-button mg-timer-primary mg-timer-toggle-pause", Action::TogglePause, AttrValue::from(if paused { "Resume" } else { "Pause" })) }
                { button(drive, "mg-timer-button mg-timer-secondary", Action::Skip, AttrValue::from(if counting_down { "Skip countdown" } else { "Skip step" })) }
                { button(drive, "mg-timer-button mg-timer-secondary mg-timer-end-session", Action::End, AttrValue::from("End session")) }
                { button(drive, "mg-timer-button mg-timer-danger", Action::StopHurts, AttrValue::from("Stop, this hurts")) }
            </div>
        </div>
    }
}

/// Where the step works: a small back seen from behind (the spine down the middle, the
/// muscle bands either side) with the named spot marked, drawn by the stylesheet from two
/// data attributes. Decorative: the step's title says the same in words.
fn spot_figure(spot: Spot) -> Html {
    let side = match spot.side {
        Side::Left => "left",
        Side::Right => "right",
        Side::Both => "both",
    };
    let level = match spot.level {
        Level::Higher => "higher",
        Level::Middle => "middle",
        Level::Lower => "lower",
    };
    html! { <span class="mg-timer-fig" data-side={side} data-level={level} aria-hidden="true"></span> }
}

/// The routine's name for the summaries ("10-minute Hands routine").
fn routine_phrase(model: &Model) -> String {
    let (routine, minutes) = model.event_detail();
    let name = routines()
        .iter()
        .find(|r| r.id == routine)
        .map_or("", |r| r.name);
    [&decimal(u64::from(minutes)), "-minute ", name, " routine"].concat()
}

/// "Done" (back to the picker) first, "Start again" second.
fn end_controls(drive: &Callback<Action>, again: bool) -> Html {
    let again = again.then(|| {
        button(
            drive,
            "mg-timer-button mg-timer-secondary",
            Action::Start,
            AttrValue::from("Start again"),
        )
    });
    html! {
        <div class="mg-timer-controls mg-timer-controls-end">
            { button(drive, "mg-timer-button mg-timer-primary", Action::Close, AttrValue::from("Done")) }
            { again.unwrap_or_default() }
        </div>
    }
}

fn finished(context: &Context) -> Html {
    let Context {
        model,
        drive,
        product_url,
        product_name,
        on_article,
        ..
    } = context;
    let advice = finish_advice();
    let summary = ["You finished the ", &routine_phrase(model), "."].concat();
    let exercise = on_article.map(|on_article| {
        let on_article = on_article.clone();
        let onclick = Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            on_article.emit(EXERCISE_SECTION);
        });
        html! {
            <a class="mg-timer-link" href={["#", EXERCISE_SECTION].concat()} {onclick}>{ advice.exercise_label }</a>
        }
    });
    let product = product_url.map(|url| {
        html! {
            <p class="mg-timer-product">
                { "Want something to do the work next time? " }
                <a href={(*url).clone()}>{ "See the " }{ product_name.as_str() }</a>
            </p>
        }
    });
    html! {
        <div key="finished" class="mg-timer-end mg-timer-finished">
            <h2 class="mg-timer-title" id="mg-timer-title">{ advice.title }</h2>
            <p class="mg-timer-summary">{ summary }</p>
            <p>{ current_plan(model).mode.after }</p>
            <section class="mg-timer-how" aria-labelledby="mg-timer-how-title">
                <h3 id="mg-timer-how-title">{ advice.how_title }</h3>
                { lines(advice.lines) }
                <p class="mg-timer-exercise">{ advice.exercise_lead }</p>
                { exercise.unwrap_or_default() }
            </section>
            { product.unwrap_or_default() }
            { end_controls(drive, true) }
        </div>
    }
}

fn ended(context: &Context) -> Html {
    let Context { model, drive, .. } = context;
    let done_ms = model
        .view
        .map_or(0, |view| view.total_ms - view.total_remaining_ms);
    let summary = [
        "You ended the ",
        &routine_phrase(model),
        " after ",
        &format_mm_ss(done_ms),
        ".",
    ]
    .concat();
    html! {
        <div key="ended" class="mg-timer-end mg-timer-ended">
            <h2 class="mg-timer-title" id="mg-timer-title">{ end_advice().title }</h2>
            <p class="mg-timer-summary">{ summary }</p>
            { lines(end_advice().lines) }
            <p>{ current_plan(model).mode.after }</p>
            { end_controls(drive, true) }
        </div>
    }
}

fn stopped(context: &Context) -> Html {
    let Context {
        drive,
        emergency_number,
        on_safety_check,
        ..
    } = context;
    let advice = stop_advice();
    let number = emergency_number.as_str();
    let tel: String = number
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    let (title_before, title_after) = advice.emergency_title;
    let (call_before, call_after) = advice.call_label;
    let check = on_safety_check.map(|on_check| {
        let on_check = on_check.clone();
        html! {
            <div class="mg-timer-check">
                <p>{ advice.check_lead }</p>
                <button type="button" part="button" class="mg-timer-button mg-timer-secondary" onclick={Callback::from(move |_| on_check.emit(()))}>
                    { advice.check_label }
                </button>
            </div>
        }
    });
    html! {
        <div key="stopped" class="mg-timer-end mg-timer-stopped">
            <h2 class="mg-timer-title" id="mg-timer-title">{ advice.title }</h2>
            { lines(advice.lines) }
            <section class="mg-timer-emergency" aria-labelledby="mg-timer-emergency-title">
                <h3 id="mg-timer-emergency-title">{ [title_before, number, title_after].concat() }</h3>
                { lines(advice.emergency_signs) }
                <a class="mg-timer-call" part="button" href={["tel:", &tel].concat()}>{ [call_before, number, call_after].concat() }</a>
            </section>
            { check.unwrap_or_default() }
            { end_controls(drive, false) }
        </div>
    }
}

/// One radio card of the picker (a routine or a style).
fn card(
    drive: &Callback<Action>,
    group: &'static str,
    action: Action,
    checked: bool,
    name: &'static str,
    suggested: bool,
    description: &'static str,
) -> Html {
    let badge = suggested.then(|| html! { <span class="mg-timer-badge">{ "Suggested" }</span> });
    html! {
        <label class="mg-timer-card" key={[name, description].concat()}>
            <input type="radio" name={group} {checked} onchange={drive.reform(move |_| action)} />
            <span class="mg-timer-card-text">
                <span class="mg-timer-card-name">{ name }{ badge.unwrap_or_default() }</span>
                <span class="mg-timer-card-desc">{ description }</span>
            </span>
        </label>
    }
}

/// One button that sends `action`; a single body for all of them keeps the wasm smaller.
fn button(drive: &Callback<Action>, class: &'static str, action: Action, label: AttrValue) -> Html {
    html! { <button type="button" part="button" {class} onclick={drive.reform(move |_| action)}>{ fresh(label, true) }</button> }
}

/// A short note under the timer (`role="status"` when it reports something that just happened).
fn note(text: AttrValue, status: bool) -> Html {
    html! { <p class="mg-timer-note" role={status.then_some("status")}>{ fresh(text, true) }</p> }
}

fn lines(lines: &'static [&'static str]) -> Html {
    html! {
        <ul class="mg-timer-advice">
            { for lines.iter().map(|line| html! { <li>{ *line }</li> }) }
        </ul>
    }
}

/// One on/off switch (a checkbox) of the cue toggles.
fn switch(
    drive: &Callback<Action>,
    label: &'static str,
    on: bool,
    action: fn(bool) -> Action,
) -> Html {
    html! {
        <label class="mg-timer-switch">
            <input type="checkbox" checked={on} onchange={drive.reform(move |_| action(!on))} />
            <span>{ label }</span>
        </label>
    }
}

fn toggles(context: &Context) -> Html {
    let Context { model, drive, .. } = context;
    let vibration = model
        .can_vibrate
        .then(|| switch(drive, "Vibration", model.vibration, Action::Vibration));
    let voice = model
        .has_voice
        .then(|| switch(drive, "Voice", model.voice, Action::Voice));
    html! {
        <div class="mg-timer-switches" role="group" aria-label="Cues">
            { switch(drive, "Sound", model.sound, Action::Sound) }
            { vibration.unwrap_or_default() }
            { voice.unwrap_or_default() }
        </div>
    }
}

fn safety() -> Html {
    html! {
        <aside class="mg-timer-safety" aria-label="Safety">
            <ul>
                { for safety_lines().iter().map(|line| html! { <li>{ *line }</li> }) }
            </ul>
        </aside>
    }
}
