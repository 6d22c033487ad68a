//! The self-massage timer view: routine picker, the running session, the finish, end and
//! stop screens. The state lives in a [`model::Model`] around the core `Session`; this file
//! wires it to the browser (clock hook, sounds, voice, vibration, wake lock, storage, events)
//! and `view` draws it.

mod model;
mod view;

use crate::browser;
use crate::hooks::{
    use_hidden_page_tones, use_local_voice, use_session_clock, PrePlayed, WakeLockStatus,
};
use massage_guide_core::saved::slot_name;
use massage_guide_core::timer::{decimal, Cue, CueKind, Prefs};
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
    /// The number the stop screen's call link dials (the `emergency-number` attribute).
    #[prop_or(AttrValue::Static("911"))]
    pub emergency_number: AttrValue,
    /// Opens the safety check ("Stop, this hurts" links to it); absent: no link.
    #[prop_or_default]
    pub on_safety_check: Option<Callback<()>>,
    /// Jumps to an article section (the finish screen points to the exercise advice);
    /// absent: no pointer.
    #[prop_or_default]
    pub on_article: Option<Callback<&'static str>>,
    /// Routines that need a massager may be offered: `false` after a safety check with an
    /// implant answer (the gate reads the last check).
    #[prop_or(true)]
    pub massager_ok: bool,
    /// The widget's language: spoken cues use only an on-device voice for it.
    #[prop_or(AttrValue::Static("en"))]
    pub lang: AttrValue,
}

/// The storage part of a running or paused session (see `core::saved::slot_name`).
const PART: &str = "timer";
/// The storage part of the remembered toggles and last routine.
const PREFS_PART: &str = "prefs";

/// The model, restored from storage on the first render (browser only): the remembered
/// preferences, then a session in progress. Returns what the restore still has to do once
/// mounted (save the session's catch-up, forget a bad one, repair damaged preferences).
fn initial(
    suggested: Option<&'static str>,
    slot: &str,
    prefs_slot: &str,
) -> (Model, Option<Effects>) {
    let mut model = Model::new(suggested);
    if !cfg!(target_arch = "wasm32") {
        return (model, None);
    }
    model.can_vibrate = browser::can_vibrate();
    let mut repaired = None;
    if let Some(text) = browser::stored(prefs_slot) {
        let (prefs, intact) = Prefs::decode(&text);
        if !intact {
            browser::warn(
                "massage-guide: saved timer preferences were damaged; the damaged part was reset",
            );
            repaired = Some(prefs.encode());
        }
        model.remember(&prefs, suggested);
    }
    let Some(saved) = browser::stored(slot) else {
        let effects = repaired.map(|prefs| Effects {
            prefs: Some(prefs),
            ..Effects::default()
        });
        return (model, effects);
    };
    let fresh = model.clone();
    match model.resume(&saved, browser::now_ms()) {
        Ok(mut effects) => {
            effects.prefs = repaired;
            (model, Some(effects))
        }
        Err(error) => {
            browser::warn(&["massage-guide: ", error.message(), "; it was discarded"].concat());
            (
                fresh,
                Some(Effects {
                    store: Some(None),
                    prefs: repaired,
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
        Cue::StepStarted {
            kind: CueKind::Quiet,
            ..
        } => (None, &[]),
        Cue::Prompt(_) => (Some(browser::Tone::Bell), &[]),
        Cue::Finished => (Some(browser::Tone::Finish), &[300, 150, 300, 150, 500]),
        Cue::Missed { .. } | Cue::Stopped | Cue::Ended => (None, &[]),
    }
}

/// Plays cues (but not a tone the audio clock already played while the page was hidden),
/// speaks, saves, and dispatches the event an update asked for.
fn perform(
    model: &Model,
    slots: (&str, &str),
    effects: Effects,
    host: Option<&web_sys::Element>,
    pre_played: &PrePlayed,
    voice: Option<&browser::Voice>,
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
    // Speech after the tones, so a tone is never held back by the speech call.
    if let Some(words) = effects.speech.filter(|_| model.has_voice) {
        match voice {
            Some(voice) if !words.is_empty() => browser::speak(voice, &words),
            _ => browser::hush(),
        }
    }
    if let Some(value) = effects.store {
        browser::store(slots.0, value.as_deref());
    }
    if let Some(prefs) = effects.prefs {
        browser::store(slots.1, Some(&prefs));
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
    /// This widget's storage slots: the session, the preferences.
    slot: String,
    prefs_slot: String,
    /// The on-device voice for the widget's language, if any (kept up to date by its hook).
    voice: Option<browser::Voice>,
}

impl Timer {
    /// Carries out an update's effects for this widget (its model, storage slots and voice).
    fn perform(&self, effects: Effects, host: Option<&web_sys::Element>, pre_played: &PrePlayed) {
        let slots = (self.slot.as_str(), self.prefs_slot.as_str());
        perform(
            &self.model,
            slots,
            effects,
            host,
            pre_played,
            self.voice.as_ref(),
        );
    }
}

#[component]
pub fn TimerView(props: &TimerProps) -> Html {
    let redraw = use_force_update();
    let state = use_mut_ref(|| {
        let slot = slot_name(PART, &props.widget);
        let prefs_slot = slot_name(PREFS_PART, &props.widget);
        let (mut model, pending) = initial(props.suggested, &slot, &prefs_slot);
        model.allow_massager(props.massager_ok);
        let voice = cfg!(target_arch = "wasm32")
            .then(|| browser::local_voice(&props.lang))
            .flatten();
        model.has_voice = voice.is_some();
        Timer {
            model,
            pending,
            mounted: false,
            slot,
            prefs_slot,
            voice,
        }
    });
    // The voice list arrives late in some browsers (`voiceschanged`): the toggle appears then.
    {
        let (state, redraw) = (state.clone(), redraw.clone());
        use_local_voice(
            props.lang.clone(),
            Callback::from(move |voice: Option<browser::Voice>| {
                let mut timer = state.borrow_mut();
                if timer.voice != voice {
                    timer.model.has_voice = voice.is_some();
                    timer.voice = voice;
                    drop(timer);
                    redraw.force_update();
                }
            }),
        );
    }
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
        let (drive, state, redraw) = (drive.clone(), state.clone(), redraw.clone());
        Callback::from(move |event: KeyboardEvent| {
            // The keyboard hint shows once the reader uses the keyboard here (not on touch).
            if !std::mem::replace(&mut state.borrow_mut().model.keyboard, true) {
                redraw.force_update();
            }
            if screen == Screen::Session && browser::is_space_toggle(&event) {
                drive.emit(Action::TogglePause);
            }
        })
    };
    // After a reload, any tap in the timer lets the sound and voice cues play again.
    let onclick = {
        let (state, redraw) = (state.clone(), redraw.clone());
        Callback::from(move |_: MouseEvent| {
            let needs = {
                let model = &state.borrow().model;
                model.needs_tap && (model.sound || model.has_voice)
            };
            if needs {
                browser::unlock_audio();
                state.borrow_mut().model.needs_tap = false;
                redraw.force_update();
            }
        })
    };

    // A check finished (or forgotten) in another tab changes what the picker may offer.
    if state.borrow().model.massager_ok != props.massager_ok {
        state.borrow_mut().model.allow_massager(props.massager_ok);
    }
    let timer = state.borrow();
    let model = &timer.model;
    let attrs = view::Attributes::of(model);
    let context = view::Context {
        model,
        drive: &drive,
        suggested: props.suggested,
        product_url: props.product_url.as_ref(),
        product_name: &props.product_name,
        emergency_number: &props.emergency_number,
        on_safety_check: props.on_safety_check.as_ref(),
        on_article: props.on_article.as_ref(),
        wake_note: running && wake == WakeLockStatus::Unavailable,
    };
    html! {
        <section class="mg-timer" ref={root} tabindex="-1" aria-labelledby="mg-timer-title"
            data-phase={attrs.phase} data-ends-at={attrs.ends_at} data-finished-at={attrs.finished_at}
            {onkeydown} {onclick}>
            { view::render(&context) }
            <p class="mg-visually-hidden" aria-live="polite" aria-atomic="true">{ crate::ui::fresh(model.live.clone().into(), true) }</p>
        </section>
    }
}
