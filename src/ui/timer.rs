//! The self-massage timer view: routine picker, the running session, the finish and stop
//! screens. The state lives in a [`model::Model`] around the core `Session`; this file wires
//! it to the browser (clock hook, sounds, vibration, wake lock, storage, events) and
//! `view` draws it.

mod model;
mod view;

use crate::browser;
use crate::hooks::{use_hidden_page_tones, use_session_clock, PrePlayed, WakeLockStatus};
use massage_guide_core::saved::slot_name;
use massage_guide_core::timer::{decimal, Cue, CueKind};
use model::{Action, Effects, Model, Screen};
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct TimerProps {
    /// A routine id suggested by the quiz (`hands` or `body-massager`), preselected in the picker.
    #[prop_or_default]
    pub suggested: Option<&'static str>,
    #[prop_or_default]
    pub product_url: Option<AttrValue>,
    pub product_name: AttrValue,
    /// The host element, for `massage-guide:timer-start` / `timer-end` events.
    #[prop_or_default]
    pub host: Option<web_sys::Element>,
    /// Told whether a session is in progress (counting down or paused), so the shell can keep
    /// the timer alive, with its cues and wake lock, while the reader looks at another tab.
    #[prop_or_default]
    pub on_session: Option<Callback<bool>>,
    /// Names this widget's storage slots (see `AppProps::widget`).
    #[prop_or_default]
    pub widget: AttrValue,
}

/// The storage part of a running or paused session (see `core::saved::slot_name`).
const PART: &str = "timer";

/// The model, restored from storage on the first render (browser only), and what that
/// restore still has to do once mounted.
fn initial(suggested: Option<&'static str>, slot: &str) -> (Model, Option<Effects>) {
    let mut model = Model::new(suggested);
    if !cfg!(target_arch = "wasm32") {
        return (model, None);
    }
    model.can_vibrate = browser::can_vibrate();
    let Some(saved) = browser::stored(slot) else {
        return (model, None);
    };
    match model.resume(&saved, browser::now_ms()) {
        Ok(effects) => (model, Some(effects)),
        Err(error) => {
            browser::warn(&["massage-guide: ", error.message(), "; it was discarded"].concat());
            let can_vibrate = model.can_vibrate;
            let mut model = Model::new(suggested);
            model.can_vibrate = can_vibrate;
            (
                model,
                Some(Effects {
                    store: Some(None),
                    ..Effects::default()
                }),
            )
        }
    }
}

/// The tone and vibration pattern of a cue.
fn signals(cue: Cue) -> (Option<browser::Tone>, &'static [u32]) {
    match cue {
        Cue::GetReady { .. } => (Some(browser::Tone::Beat), &[]),
        Cue::StepStarted {
            kind: CueKind::Step,
            ..
        } => (Some(browser::Tone::Step), &[200]),
        Cue::StepStarted {
            kind: CueKind::MoveSpot,
            ..
        } => (Some(browser::Tone::MoveSpot), &[90, 90, 90]),
        Cue::Finished => (Some(browser::Tone::Finish), &[300, 150, 300, 150, 500]),
        Cue::Missed { .. } | Cue::Stopped => (None, &[]),
    }
}

/// Plays cues (but not a tone the audio clock already played while the page was hidden),
/// saves, and dispatches the event an update asked for.
fn perform(
    model: &Model,
    slot: &str,
    effects: Effects,
    host: Option<&web_sys::Element>,
    pre_played: &PrePlayed,
) {
    for cue in &effects.cues {
        let (tone, pattern) = signals(*cue);
        if let Some(tone) = tone.filter(|_| model.sound && !pre_played.covers(cue)) {
            browser::play_tone(tone);
        }
        if model.vibration && !pattern.is_empty() {
            browser::vibrate(pattern);
        }
    }
    if let Some(value) = effects.store {
        browser::store(slot, value.as_deref());
    }
    if let (Some(event), Some(host)) = (effects.event, host) {
        let (routine, minutes) = model.event_detail();
        browser::dispatch(
            host,
            event.name(),
            &[
                ("routine", routine),
                ("minutes", &decimal(u64::from(minutes))),
            ],
        );
    }
}

/// The component's state: the model, what the restore still has to do once mounted, and
/// whether the first render is done (focus moves only on later screen changes).
struct Timer {
    model: Model,
    pending: Option<Effects>,
    mounted: bool,
    /// This widget's storage slot.
    slot: String,
}

impl Timer {
    /// Carries out an update's effects for this widget (its model and storage slot).
    fn perform(&self, effects: Effects, host: Option<&web_sys::Element>, pre_played: &PrePlayed) {
        perform(&self.model, &self.slot, effects, host, pre_played);
    }
}

#[component]
pub fn TimerView(props: &TimerProps) -> Html {
    let state = use_mut_ref(|| {
        let slot = slot_name(PART, &props.widget);
        let (model, pending) = initial(props.suggested, &slot);
        Timer {
            model,
            pending,
            mounted: false,
            slot,
        }
    });
    let redraw = use_force_update();
    let root = use_node_ref();
    let pre_played = use_mut_ref(PrePlayed::default);

    // One entry point for taps and ticks: update, carry out, repaint.
    let drive: Callback<Action> = {
        let (state, redraw, host, pre_played) = (
            state.clone(),
            redraw.clone(),
            props.host.clone(),
            pre_played.clone(),
        );
        Callback::from(move |action: Action| {
            if !browser::page_hidden() {
                // Shown again: the audio clock hands the cues back (whichever listener runs first).
                pre_played.borrow_mut().cancel();
            }
            let user_gesture = action != Action::Tick;
            let sound = state.borrow().model.sound || action == Action::Sound(true);
            if user_gesture && sound {
                // Inside the tap: the only moment browsers let audio start.
                browser::unlock_audio();
            }
            let effects = {
                let model = &mut state.borrow_mut().model;
                if user_gesture && sound {
                    model.needs_tap = false;
                }
                model.update(action, browser::now_ms())
            };
            state
                .borrow()
                .perform(effects, host.as_ref(), &pre_played.borrow());
            redraw.force_update();
        })
    };

    let (running, deadline, screen) = {
        let model = &state.borrow().model;
        (model.is_running(), model.next_deadline_ms(), model.screen())
    };
    let wake = use_session_clock(running, deadline, drive.reform(|()| Action::Tick));
    {
        let timeline = state.borrow().model.sound_timeline();
        let state = state.clone();
        let upcoming = Callback::from(move |(now_ms, ahead_ms): (f64, f64)| {
            let sounds = state.borrow().model.upcoming_sounds(now_ms, ahead_ms);
            sounds
                .into_iter()
                .filter_map(|(at, cue)| signals(cue).0.map(|tone| (at, cue, tone)))
                .collect::<Vec<_>>()
        });
        use_hidden_page_tones(timeline, pre_played.clone(), upcoming);
    }

    // Once mounted: carry out what the restore asked for. Later: focus follows the screen
    // (picker, session, finish, stop), so keyboard and screen-reader users are not lost.
    {
        let (state, root, host, pre_played) = (
            state.clone(),
            root.clone(),
            props.host.clone(),
            pre_played.clone(),
        );
        use_effect_with(screen, move |_| {
            let mut timer = state.borrow_mut();
            if std::mem::replace(&mut timer.mounted, true) {
                if let Some(element) = root.cast::<web_sys::Element>() {
                    browser::focus(&element);
                }
            } else if let Some(effects) = timer.pending.take() {
                timer.perform(effects, host.as_ref(), &pre_played.borrow());
            }
        });
    }

    {
        let on_session = props.on_session.clone();
        use_effect_with(screen == Screen::Session, move |&in_session| {
            if let Some(on_session) = on_session {
                on_session.emit(in_session);
            }
        });
    }

    let onkeydown = {
        let drive = drive.clone();
        Callback::from(move |event: KeyboardEvent| {
            if screen == Screen::Session && browser::is_space_toggle(&event) {
                drive.emit(Action::TogglePause);
            }
        })
    };
    // After a reload, any tap in the timer lets the sound cues play again.
    let onclick = {
        let (state, redraw) = (state.clone(), redraw.clone());
        Callback::from(move |_: MouseEvent| {
            let needs = {
                let model = &state.borrow().model;
                model.needs_tap && model.sound
            };
            if needs {
                browser::unlock_audio();
                state.borrow_mut().model.needs_tap = false;
                redraw.force_update();
            }
        })
    };

    let timer = state.borrow();
    let model = &timer.model;
    let attrs = view::Attributes::of(model);
    let context = view::Context {
        model,
        drive: &drive,
        suggested: props.suggested,
        product_url: props.product_url.as_ref(),
        product_name: &props.product_name,
        wake_note: running && wake == WakeLockStatus::Unavailable,
    };
    html! {
        <section class="mg-timer" ref={root} tabindex="-1" aria-labelledby="mg-timer-title"
            data-phase={attrs.phase} data-ends-at={attrs.ends_at} data-finished-at={attrs.finished_at}
            {onkeydown} {onclick}>
            { view::render(&context) }
            <p class="mg-visually-hidden" aria-live="polite" aria-atomic="true">{ model.live.clone() }</p>
        </section>
    }
}
