//! Markup of the timer screens. Pure functions of the [`Model`]: no state, no browser calls.

use super::model::{Action, Model, Screen};
use massage_guide_core::timer::{
    decimal, finish_advice, format_mm_ss, routines, safety_lines, stop_advice, Advice, Phase,
    Snapshot,
};
use yew::prelude::*;

/// Everything a screen needs.
pub struct Context<'a> {
    pub model: &'a Model,
    pub drive: &'a Callback<Action>,
    pub suggested: Option<&'static str>,
    pub product_url: Option<&'a AttrValue>,
    pub product_name: &'a AttrValue,
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
    let screen = match (model.screen(), model.view) {
        (Screen::Session, Some(view)) => session(context, &view),
        (Screen::Finished, _) => finished(context),
        (Screen::Stopped, _) => stopped(context),
        _ => picker(context),
    };
    html! {
        <>
            { screen }
            { safety() }
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
    let routine_cards = routines().iter().enumerate().map(|(index, option)| {
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
            <label class="mg-timer-pill">
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
    html! {
        <div class="mg-timer-picker">
            <h2 class="mg-timer-title" id="mg-timer-title">{ "Guided self-massage" }</h2>
            <p class="mg-timer-intro">
                { "Choose a routine and how long you have. The timer talks you through each step and gives a sound when it's time to change." }
            </p>
            <fieldset class="mg-timer-field">
                <legend>{ "Routine" }</legend>
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

fn session(context: &Context, view: &Snapshot) -> Html {
    let Context { model, drive, .. } = context;
    let plan = model
        .session
        .as_ref()
        .map(|s| *s.plan())
        .unwrap_or_else(|| model.choice.plan());
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
            <div class="mg-timer-readout">
                <span class="mg-timer-label">{ if paused { "Paused" } else { "Get ready" } }</span>
                <span class="mg-timer-time mg-timer-countdown" role="timer">{ decimal(u64::from(view.getready_seconds_left)) }</span>
                <span class="mg-timer-label">{ "then " }{ format_mm_ss(view.total_ms) }</span>
            </div>
        }
    } else {
        html! {
            <div class="mg-timer-readout">
                <span class="mg-timer-label">{ if paused { "Paused" } else { "Time left" } }</span>
                <span class="mg-timer-time" role="timer">{ format_mm_ss(view.total_remaining_ms) }</span>
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
    let step_left = if counting_down {
        String::from("starts soon")
    } else {
        [format_mm_ss(view.step_remaining_ms).as_str(), " left"].concat()
    };
    let next = html! {
        <p class="mg-timer-next">
            <span class="mg-timer-next-label">{ "Next: " }</span>
            { view.next_step_title.unwrap_or("finish") }
        </p>
    };
    let missed = (model.missed > 0).then(|| {
        let text = if model.missed == 1 {
            String::from("While the screen was off or the page was hidden, 1 step change passed. The timer kept time: carry on with the step shown.")
        } else {
            ["While the screen was off or the page was hidden, ", &decimal(u64::from(model.missed)), " step changes passed. The timer kept time: carry on with the step shown."].concat()
        };
        note(AttrValue::from(text), true)
    });
    let tap_note = (model.needs_tap && model.sound).then(|| {
        note(AttrValue::from("Your session carried on after the page reloaded. Tap anywhere in the timer to turn sound cues back on."), false)
    });
    let wake_note = context.wake_note.then(|| {
        note(AttrValue::from("This browser can't keep your screen on. If it dims, the timer still keeps time and catches up when you look again."), false)
    });
    html! {
        <div class={if paused { "mg-timer-session mg-timer-is-paused" } else { "mg-timer-session" }}>
            <h2 class="mg-timer-heading" id="mg-timer-title">{ heading }</h2>
            <div class="mg-timer-dial">
                { ring }
                { readout }
            </div>
            <div class="mg-timer-step">
                <p class="mg-timer-step-count">
                    <span>{ step_count }</span>
                    <span class="mg-timer-step-left">{ step_left }</span>
                </p>
                <h3 class="mg-timer-step-title">{ view.step_title }</h3>
                <p class="mg-timer-instruction">{ view.instruction }</p>
                { next }
            </div>
            { missed.unwrap_or_default() }
            { tap_note.unwrap_or_default() }
            <div class="mg-timer-controls">
                { button(drive, "mg-timer-button mg-timer-primary mg-timer-toggle-pause", Action::TogglePause, AttrValue::from(if paused { "Resume" } else { "Pause" })) }
                { button(drive, "mg-timer-button mg-timer-secondary", Action::Skip, AttrValue::from(if counting_down { "Skip countdown" } else { "Skip step" })) }
                { button(drive, "mg-timer-button mg-timer-danger", Action::StopHurts, AttrValue::from("Stop, this hurts")) }
            </div>
            <p class="mg-timer-hint">{ "Space pauses and resumes." }</p>
            { toggles(context) }
            { wake_note.unwrap_or_default() }
        </div>
    }
}

fn finished(context: &Context) -> Html {
    let Context {
        model,
        drive,
        product_url,
        product_name,
        ..
    } = context;
    let (routine, minutes) = model.event_detail();
    let name = routines()
        .iter()
        .find(|r| r.id == routine)
        .map_or("", |r| r.name);
    let summary = [
        "You finished the ",
        &decimal(u64::from(minutes)),
        "-minute ",
        name,
        " routine.",
    ]
    .concat();
    let product = product_url.map(|url| {
        html! {
            <p class="mg-timer-product">
                { "Want something to do the work next time? " }
                <a href={(*url).clone()}>{ "See the " }{ (*product_name).clone() }</a>
            </p>
        }
    });
    html! {
        <div class="mg-timer-end mg-timer-finished">
            <h2 class="mg-timer-title" id="mg-timer-title">{ finish_advice().title }</h2>
            <p class="mg-timer-summary">{ summary }</p>
            { advice_lines(finish_advice()) }
            { product.unwrap_or_default() }
            <div class="mg-timer-controls mg-timer-controls-end">
                { button(drive, "mg-timer-button mg-timer-primary", Action::Start, AttrValue::from("Start again")) }
                { button(drive, "mg-timer-button mg-timer-secondary", Action::Close, AttrValue::from("Choose another routine")) }
            </div>
        </div>
    }
}

fn stopped(context: &Context) -> Html {
    let drive = context.drive;
    html! {
        <div class="mg-timer-end mg-timer-stopped">
            <h2 class="mg-timer-title" id="mg-timer-title">{ stop_advice().title }</h2>
            { advice_lines(stop_advice()) }
            <div class="mg-timer-controls mg-timer-controls-end">
                { button(drive, "mg-timer-button mg-timer-secondary", Action::Close, AttrValue::from("Back to routines")) }
            </div>
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
        <label class="mg-timer-card">
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
    html! { <button type="button" part="button" {class} onclick={drive.reform(move |_| action)}>{ label }</button> }
}

/// A short note under the timer (`role="status"` when it reports something that just happened).
fn note(text: AttrValue, status: bool) -> Html {
    html! { <p class="mg-timer-note" role={status.then_some("status")}>{ text }</p> }
}

fn advice_lines(advice: &Advice) -> Html {
    html! {
        <ul class="mg-timer-advice">
            { for advice.lines.iter().map(|line| html! { <li>{ *line }</li> }) }
        </ul>
    }
}

fn toggles(context: &Context) -> Html {
    let Context { model, drive, .. } = context;
    let sound = model.sound;
    let vibration = model.can_vibrate.then(|| {
        let on = model.vibration;
        html! {
            <label class="mg-timer-switch">
                <input type="checkbox" checked={on} onchange={drive.reform(move |_| Action::Vibration(!on))} />
                <span>{ "Vibration" }</span>
            </label>
        }
    });
    html! {
        <div class="mg-timer-switches">
            <label class="mg-timer-switch">
                <input type="checkbox" checked={sound} onchange={drive.reform(move |_| Action::Sound(!sound))} />
                <span>{ "Sound cues" }</span>
            </label>
            { vibration.unwrap_or_default() }
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
