//! What the timer view holds and how it reacts to taps and ticks, without touching the browser.
//!
//! [`Model::update`] takes an [`Action`] and the wall-clock time, drives the core
//! [`Session`], and answers with [`Effects`]: the cues to play, what to say, the values to
//! store, the event to dispatch. The component carries them out (`browser::*`) and
//! re-renders. Keeping this part pure lets `cargo test` check the view's behaviour natively.

use massage_guide_core::timer::{
    announcement, plan, routines, spoken, Cue, DecodeError, Event, Phase, Plan, Prefs, Routine,
    Session, Snapshot,
};

/// What the reader picked (indexes into [`routines()`] and the routine's modes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    pub routine: usize,
    pub minutes: u32,
    pub mode: usize,
}

impl Choice {
    /// The suggested routine (by id) with its middle length and first mode; the first routine
    /// when there is no (known) suggestion.
    pub fn suggested(routine_id: Option<&str>) -> Choice {
        let index = routine_id
            .and_then(|id| routines().iter().position(|r| r.id == id))
            .unwrap_or(0);
        Choice::of(index)
    }

    fn of(routine: usize) -> Choice {
        let lengths = routines()[routine].lengths_min;
        Choice {
            routine,
            minutes: lengths[lengths.len() / 2],
            mode: 0,
        }
    }

    /// The choice a plan was made from.
    fn from_plan(plan: &Plan) -> Choice {
        let routine = routines()
            .iter()
            .position(|r| r.id == plan.routine.id)
            .unwrap_or(0);
        let mode = routines()[routine]
            .modes
            .iter()
            .position(|m| m.id == plan.mode.id)
            .unwrap_or(0);
        Choice {
            routine,
            minutes: plan.minutes,
            mode,
        }
    }

    pub fn routine(&self) -> &'static Routine {
        &routines()[self.routine]
    }

    pub fn plan(&self) -> Plan {
        let routine = self.routine();
        plan(
            routine.id,
            self.minutes,
            routine.modes.get(self.mode).map(|m| m.id),
        )
        .or_else(|| plan(routine.id, routine.lengths_min[0], None))
        .expect("every routine offers its first length")
    }
}

/// Something the reader did, or a clock tick.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    PickRoutine(usize),
    PickMinutes(u32),
    PickMode(usize),
    Start,
    /// Pause when running (or counting down), resume when paused.
    TogglePause,
    Skip,
    StopHurts,
    /// "End session": end early, with a neutral summary.
    End,
    /// Back to the routine picker ("Done" on the finish, end and stop screens).
    Close,
    Tick,
    Sound(bool),
    Vibration(bool),
    Voice(bool),
}

/// The `massage-guide:*` event an action causes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimerEvent {
    Start,
    End,
}

impl TimerEvent {
    pub fn name(self) -> &'static str {
        match self {
            TimerEvent::Start => "timer-start",
            TimerEvent::End => "timer-end",
        }
    }
}

/// What the browser side must do after an update.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Effects {
    /// Cues to play, in order (the view skips `Missed`, which is shown as text instead).
    pub cues: Vec<Cue>,
    /// `Some(value)`: write the timer slot (`None` inside = forget it).
    pub store: Option<Option<String>>,
    /// `Some(value)`: write the preferences slot.
    pub prefs: Option<String>,
    /// `Some(texts)`: stop what the voice is saying, then say these (none: just stop).
    pub speech: Option<Vec<String>>,
    pub event: Option<TimerEvent>,
}

/// Which screen the view shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Screen {
    Picker,
    Session,
    Finished,
    Stopped,
    /// Ended early by "End session".
    Ended,
}

/// The timer view's state.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub choice: Choice,
    /// `None` while the reader is choosing.
    pub session: Option<Session>,
    /// The session as of the last update (what is on screen).
    pub view: Option<Snapshot>,
    /// The last sentence for the screen-reader live region.
    pub live: String,
    /// Step cues that passed unplayed (page hidden, phone asleep) since the reader last acted.
    pub missed: u32,
    /// Wall-clock time of the last update (what `view` was computed for).
    pub now_ms: f64,
    /// Wall-clock time the finish was detected (for the benchmark's `data-finished-at`).
    pub finished_at: Option<f64>,
    pub sound: bool,
    pub vibration: bool,
    /// Spoken cues wanted (they play only where `has_voice`).
    pub voice: bool,
    /// `navigator.vibrate` exists (the vibration toggle is offered only then).
    pub can_vibrate: bool,
    /// The browser has an on-device voice for the widget's language (the voice toggle is
    /// offered only then).
    pub has_voice: bool,
    /// The session was resumed after a reload: sound and voice need a new tap to be allowed.
    pub needs_tap: bool,
    /// The reader used the keyboard in the timer: the "Space pauses" hint may show.
    pub keyboard: bool,
    /// Routines that need a massager may be offered (not after an implant answer).
    pub massager_ok: bool,
}

impl Model {
    pub fn new(suggested: Option<&str>) -> Model {
        Model {
            choice: Choice::suggested(suggested),
            session: None,
            view: None,
            live: String::new(),
            missed: 0,
            now_ms: 0.0,
            finished_at: None,
            sound: true,
            vibration: true,
            voice: true,
            can_vibrate: false,
            has_voice: false,
            needs_tap: false,
            keyboard: false,
            massager_ok: true,
        }
    }

    /// Applies remembered preferences: the toggles, and the last routine unless the quiz
    /// suggested one (its suggestion wins).
    pub fn remember(&mut self, prefs: &Prefs, suggested: Option<&str>) {
        self.sound = prefs.sound;
        self.vibration = prefs.vibration;
        self.voice = prefs.voice;
        let suggestion_known = suggested.is_some_and(|id| routines().iter().any(|r| r.id == id));
        if let (Some(routine), false) = (prefs.routine, suggestion_known) {
            if routine < routines().len() {
                self.choice = Choice::of(routine);
                if let Some(mode) = prefs
                    .mode
                    .filter(|&m| m < self.choice.routine().modes.len())
                {
                    self.choice.mode = mode;
                }
                if let Some(minutes) = prefs
                    .minutes
                    .filter(|m| self.choice.routine().lengths_min.contains(m))
                {
                    self.choice.minutes = minutes;
                }
            }
        }
    }

    /// Whether the picker offers `routine`: one that needs a massager only when the last
    /// safety check found no implant.
    pub fn offers(&self, routine: &Routine) -> bool {
        self.massager_ok || !routine.device
    }

    /// Follows the last safety check: after an implant answer a routine that needs a
    /// massager is not offered, and a choice of one (remembered or suggested) moves to the
    /// first that needs none. A session already running is left as the reader started it.
    pub fn allow_massager(&mut self, ok: bool) {
        self.massager_ok = ok;
        if !ok && self.session.is_none() && !self.offers(self.choice.routine()) {
            if let Some(index) = routines().iter().position(|r| !r.device) {
                self.choice = Choice::of(index);
            }
        }
    }

    /// What is worth remembering: the toggles and the current choice.
    pub fn prefs(&self) -> Prefs {
        Prefs {
            sound: self.sound,
            vibration: self.vibration,
            voice: self.voice,
            routine: Some(self.choice.routine),
            mode: Some(self.choice.mode),
            minutes: Some(self.choice.minutes),
        }
    }

    /// Whether spoken cues play now: wanted, a voice exists, and (after a reload) a tap.
    pub fn speaks(&self) -> bool {
        self.voice && self.has_voice && !self.needs_tap
    }

    /// Resumes a session saved by an earlier page (see [`Session::encode`]) and catches it up
    /// with `now_ms`. A saved session that is not in progress is ignored (`Ok` with nothing to
    /// do but forget it).
    pub fn resume(&mut self, saved: &str, now_ms: f64) -> Result<Effects, DecodeError> {
        let session = Session::decode(saved, now_ms)?;
        if !session.is_in_progress() {
            return Ok(Effects {
                store: Some(None),
                ..Effects::default()
            });
        }
        self.choice = Choice::from_plan(session.plan());
        self.session = Some(session);
        self.view = Some(session.snapshot(now_ms));
        self.needs_tap = true;
        Ok(self.update(Action::Tick, now_ms))
    }

    pub fn screen(&self) -> Screen {
        match self.view.map(|view| view.phase) {
            None | Some(Phase::Ready) => Screen::Picker,
            Some(Phase::GetReady | Phase::Running | Phase::Paused) => Screen::Session,
            Some(Phase::Finished) => Screen::Finished,
            Some(Phase::Stopped) => Screen::Stopped,
            Some(Phase::Ended) => Screen::Ended,
        }
    }

    /// True while time is running (countdown or a step): the clock ticks and the screen stays on.
    pub fn is_running(&self) -> bool {
        matches!(
            self.view.map(|view| view.phase),
            Some(Phase::GetReady | Phase::Running)
        )
    }

    /// Wall-clock time of the next cue, for an exact wake-up.
    pub fn next_deadline_ms(&self) -> Option<f64> {
        self.session.as_ref().and_then(Session::next_deadline_ms)
    }

    pub fn update(&mut self, action: Action, now_ms: f64) -> Effects {
        let mut effects = Effects::default();
        self.now_ms = now_ms;
        let event = match action {
            Action::PickRoutine(index)
                if self.session.is_none() && routines().get(index).is_some_and(|r| self.offers(r)) =>
            {
                self.choice = Choice::of(index);
                return effects;
            }
            Action::PickMinutes(minutes)
                if self.choice.routine().lengths_min.contains(&minutes) =>
            {
                self.choice.minutes = minutes;
                return effects;
            }
            Action::PickMode(mode) if mode < self.choice.routine().modes.len() => {
                self.choice.mode = mode;
                return effects;
            }
            Action::Sound(on) => {
                self.sound = on;
                effects.prefs = Some(self.prefs().encode());
                return effects;
            }
            Action::Vibration(on) => {
                self.vibration = on;
                effects.prefs = Some(self.prefs().encode());
                return effects;
            }
            Action::Voice(on) => {
                self.voice = on;
                effects.prefs = Some(self.prefs().encode());
                if !on {
                    effects.speech = Some(Vec::new());
                }
                return effects;
            }
            Action::Close => {
                if self.session.is_some_and(|s| s.is_in_progress()) {
                    return effects; // only the finish and stop screens close
                }
                self.session = None;
                self.view = None;
                self.live.clear();
                self.missed = 0;
                self.finished_at = None;
                effects.store = Some(None);
                effects.speech = Some(Vec::new());
                return effects;
            }
            Action::Start => {
                let fresh = Session::new(self.choice.plan());
                self.session = Some(fresh);
                self.view = Some(fresh.snapshot(now_ms));
                self.finished_at = None;
                self.needs_tap = false;
                effects.event = Some(TimerEvent::Start);
                effects.prefs = Some(self.prefs().encode());
                Event::Start { now_ms }
            }
            Action::TogglePause => match self.view.map(|view| view.phase) {
                Some(Phase::Paused) => Event::Resume { now_ms },
                _ => Event::Pause { now_ms },
            },
            Action::Skip => Event::Skip { now_ms },
            Action::StopHurts => Event::StopHurts { now_ms },
            Action::End => Event::End { now_ms },
            Action::Tick => Event::Tick { now_ms },
            Action::PickRoutine(_) | Action::PickMinutes(_) | Action::PickMode(_) => {
                return effects
            }
        };
        let Some(session) = self.session else {
            return effects;
        };
        let is_tick = matches!(event, Event::Tick { .. });
        if !is_tick {
            self.missed = 0;
        }
        let (next, cues) = session.apply(event);
        for cue in &cues {
            match *cue {
                Cue::Missed { count } => self.missed += count,
                Cue::Finished => {
                    self.finished_at = Some(now_ms);
                    effects.event = Some(TimerEvent::End);
                }
                Cue::Stopped | Cue::Ended => effects.event = Some(TimerEvent::End),
                Cue::GetReady { .. } | Cue::StepStarted { .. } | Cue::Prompt(_) => {}
            }
        }
        // The voice: a tap stops what it was saying (the session moved on); a cue says its
        // words, after stopping the last ones (the newest step is what matters).
        let words: Vec<String> = if self.speaks() {
            let plan = next.plan();
            cues.iter().filter_map(|&cue| spoken(plan, cue)).collect()
        } else {
            Vec::new()
        };
        if !is_tick || !words.is_empty() {
            effects.speech = Some(words);
        }
        let snapshot = next.snapshot(now_ms);
        if let Some(text) = self
            .view
            .and_then(|prev| announcement(&prev, &snapshot))
            .map(|a| a.text())
        {
            self.live = text;
        }
        self.view = Some(snapshot);
        self.session = Some(next);
        // A running session only needs saving when its marks move: its origin never changes.
        if !is_tick || !cues.is_empty() {
            effects.store = Some(next.is_in_progress().then(|| next.encode()));
        }
        effects.cues = cues;
        effects
    }

    /// While the session runs with its sounds allowed: when it ends (wall clock). It names the
    /// timeline that sounds handed to the audio clock ahead of time belong to, and changes when
    /// that timeline moves (pause, skip, restart) or the sound is turned off.
    pub fn sound_timeline(&self) -> Option<f64> {
        let audible = self.sound && !self.needs_tap && self.is_running();
        self.session
            .as_ref()
            .and_then(Session::end_deadline_ms)
            .filter(|_| audible)
    }

    /// The cues still due after `now_ms` and up to `now_ms + horizon_ms`, with their deadlines,
    /// while [`Model::sound_timeline`] is set: what a hidden page hands to the audio clock.
    pub fn upcoming_sounds(&self, now_ms: f64, horizon_ms: f64) -> Vec<(f64, Cue)> {
        match (self.sound_timeline(), &self.session) {
            (Some(_), Some(session)) => session.upcoming_cues(now_ms, now_ms + horizon_ms),
            _ => Vec::new(),
        }
    }

    /// When the running session will end (wall clock), while a step is running.
    pub fn ends_at(&self) -> Option<f64> {
        let view = self.view?;
        (view.phase == Phase::Running).then(|| self.now_ms.floor() + view.total_remaining_ms as f64)
    }

    /// `routine` and `minutes`, the whole detail of the timer events.
    pub fn event_detail(&self) -> (&'static str, u32) {
        match &self.session {
            Some(session) => (session.plan().routine.id, session.plan().minutes),
            None => (self.choice.routine().id, self.choice.minutes),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use massage_guide_core::timer::GET_READY_MS;

    const T0: f64 = 1_700_000_000_000.0;
    const MIN: f64 = 60_000.0;

    fn started(choice: Choice) -> Model {
        let mut model = Model::new(None);
        model.choice = choice;
        let effects = model.update(Action::Start, T0);
        assert_eq!(effects.event, Some(TimerEvent::Start));
        model
    }

    #[test]
    fn the_suggestion_is_preselected_with_its_middle_length() {
        let model = Model::new(Some("body-massager"));
        assert_eq!(model.choice.routine().id, "body-massager");
        assert_eq!(model.choice.minutes, 10);
        assert_eq!(Model::new(None).choice.routine().id, "hands");
        assert_eq!(Model::new(Some("nonsense")).choice.minutes, 5);
        assert_eq!(model.screen(), Screen::Picker);
    }

    #[test]
    fn after_an_implant_answer_no_massager_routine_is_offered_or_kept() {
        let massager = routines().iter().position(|r| r.device).expect("a massager routine");
        let hands = routines().iter().position(|r| !r.device).expect("a routine without one");
        // Suggested (or remembered): moved to the first routine that needs no massager.
        let mut model = Model::new(Some(routines()[massager].id));
        model.allow_massager(false);
        assert_eq!(model.choice, Choice::of(hands));
        // Picking it is refused; picking one without a massager works.
        model.update(Action::PickRoutine(massager), T0);
        assert_eq!(model.choice.routine, hands);
        assert!(!model.offers(&routines()[massager]) && model.offers(&routines()[hands]));
        // Allowed again (the reader forgot the answers, or a new check found no implant).
        model.allow_massager(true);
        model.update(Action::PickRoutine(massager), T0);
        assert_eq!(model.choice.routine, massager);
        // A session already running is left as the reader started it.
        let mut running = started(Choice::of(massager));
        running.allow_massager(false);
        assert_eq!(running.choice.routine, massager);
        assert!(running.session.is_some());
    }

    #[test]
    fn picking_only_accepts_what_the_routine_offers() {
        let mut model = Model::new(None);
        model.update(Action::PickMinutes(15), T0);
        assert_eq!(model.choice.minutes, 5, "hands has no 15-minute plan");
        model.update(Action::PickRoutine(1), T0);
        model.update(Action::PickMinutes(15), T0);
        model.update(Action::PickMode(1), T0);
        assert_eq!(model.choice.plan().minutes, 15);
        assert_eq!(model.choice.plan().mode.id, "float");
        model.update(Action::PickMode(7), T0);
        assert_eq!(model.choice.mode, 1);
    }

    #[test]
    fn a_whole_session_starts_announces_saves_and_ends_once() {
        let mut model = started(Choice {
            routine: 1,
            minutes: 15,
            mode: 0,
        });
        assert_eq!(model.screen(), Screen::Session);
        assert!(model.is_running());
        assert!(model.live.starts_with("Get ready"));
        let mut now = T0;
        let mut ends = 0;
        let mut saves = 0;
        while now < T0 + 16.0 * MIN {
            now += 250.0;
            let effects = model.update(Action::Tick, now);
            ends += usize::from(effects.event == Some(TimerEvent::End));
            saves += usize::from(effects.store.is_some());
        }
        assert_eq!(ends, 1);
        assert_eq!(model.screen(), Screen::Finished);
        assert_eq!(
            model.finished_at,
            Some(T0 + GET_READY_MS as f64 + 15.0 * MIN)
        );
        assert!(
            saves < 40,
            "saved at marks only, not on every tick ({saves})"
        );
        assert_eq!(model.live, "Routine finished. Well done.");
        assert!(!model.is_running());
    }

    #[test]
    fn a_long_absence_is_summarised_not_replayed() {
        let mut model = started(Choice {
            routine: 1,
            minutes: 15,
            mode: 0,
        });
        model.update(Action::Tick, T0 + 2.0 * MIN);
        let effects = model.update(Action::Tick, T0 + 8.0 * MIN);
        assert!(
            matches!(effects.cues[0], Cue::Missed { count } if count >= 2),
            "{:?}",
            effects.cues
        );
        assert!(model.missed >= 2);
        let view = model.view.unwrap();
        assert_eq!(
            view.total_remaining_ms as f64,
            15.0 * MIN - (8.0 * MIN - GET_READY_MS as f64)
        );
        model.update(Action::TogglePause, T0 + 8.0 * MIN + 1.0);
        assert_eq!(model.missed, 0, "the note goes once the reader acts");
    }

    #[test]
    fn pause_holds_and_resume_carries_on() {
        let mut model = started(Choice {
            routine: 0,
            minutes: 3,
            mode: 0,
        });
        model.update(Action::Tick, T0 + 30_000.0);
        let left = model.view.unwrap().total_remaining_ms;
        let effects = model.update(Action::TogglePause, T0 + 30_000.0);
        assert!(effects.store.unwrap().unwrap().contains(":P:"));
        assert_eq!(model.live, "Paused.");
        assert!(!model.is_running());
        assert_eq!(model.next_deadline_ms(), None);
        model.update(Action::Tick, T0 + 10.0 * MIN);
        assert_eq!(model.view.unwrap().total_remaining_ms, left);
        model.update(Action::TogglePause, T0 + 10.0 * MIN);
        assert_eq!(model.live, "Resumed.");
        model.update(Action::Tick, T0 + 10.0 * MIN + 5_000.0);
        assert_eq!(model.view.unwrap().total_remaining_ms, left - 5_000);
    }

    #[test]
    fn stop_this_hurts_ends_forgets_and_closes() {
        let mut model = started(Choice {
            routine: 0,
            minutes: 5,
            mode: 0,
        });
        assert_eq!(
            model.update(Action::Close, T0 + 1.0),
            Effects::default(),
            "no closing mid-session"
        );
        let effects = model.update(Action::StopHurts, T0 + 20_000.0);
        assert_eq!(effects.event, Some(TimerEvent::End));
        assert_eq!(effects.store, Some(None));
        assert_eq!(model.screen(), Screen::Stopped);
        assert_eq!(model.update(Action::Close, T0 + 30_000.0).store, Some(None));
        assert_eq!(model.screen(), Screen::Picker);
        assert_eq!(model.event_detail(), ("hands", 5));
    }

    #[test]
    fn upcoming_sounds_only_while_running_with_sound() {
        let mut model = started(Choice {
            routine: 1,
            minutes: 10,
            mode: 0,
        });
        let end = T0 + GET_READY_MS as f64 + 10.0 * MIN;
        assert_eq!(model.sound_timeline(), Some(end));
        model.update(Action::Tick, T0 + 30_000.0);
        let sounds = model.upcoming_sounds(T0 + 30_000.0, 30.0 * MIN);
        assert_eq!(sounds.last(), Some(&(end, Cue::Finished)));
        assert!(sounds.iter().all(|&(at, _)| at > T0 + 30_000.0));
        assert_eq!(
            model.upcoming_sounds(T0 + 30_000.0, 1.0 * MIN).len(),
            1,
            "the horizon caps them"
        );
        model.update(Action::Sound(false), T0 + 30_000.0);
        assert_eq!(
            (
                model.sound_timeline(),
                model.upcoming_sounds(T0 + 30_000.0, 30.0 * MIN)
            ),
            (None, vec![])
        );
        model.update(Action::Sound(true), T0 + 30_000.0);
        model.update(Action::TogglePause, T0 + 30_000.0);
        assert_eq!(model.sound_timeline(), None, "paused");
        model.update(Action::TogglePause, T0 + 40_000.0);
        assert_eq!(
            model.sound_timeline(),
            Some(end + 10_000.0),
            "resumed: a new timeline"
        );
    }

    #[test]
    fn a_saved_session_resumes_where_it_was() {
        let mut first = started(Choice {
            routine: 1,
            minutes: 10,
            mode: 1,
        });
        let saved = first
            .update(Action::Tick, T0 + 4_000.0)
            .store
            .unwrap()
            .unwrap();
        let mut second = Model::new(None);
        let effects = second.resume(&saved, T0 + 2.0 * MIN).unwrap();
        assert_eq!(
            second.choice,
            Choice {
                routine: 1,
                minutes: 10,
                mode: 1
            }
        );
        assert_eq!(second.screen(), Screen::Session);
        assert!(second.needs_tap);
        assert_eq!(
            second.view.unwrap().total_remaining_ms as f64,
            10.0 * MIN - (2.0 * MIN - 3_000.0)
        );
        assert!(effects.store.is_some(), "the catch-up is saved");
        assert!(second.resume("t1:garbage", T0).is_err());
    }

    #[test]
    fn the_voice_says_each_cue_and_hushes_when_the_reader_acts() {
        let mut model = Model::new(None);
        model.has_voice = true;
        model.choice = Choice {
            routine: 1,
            minutes: 15,
            mode: 1,
        };
        let start = model.update(Action::Start, T0);
        assert_eq!(
            start.speech,
            Some(vec![String::from("Get ready.")]),
            "said inside the tap"
        );
        // The countdown beats say nothing; the first step says its name and instruction.
        assert_eq!(model.update(Action::Tick, T0 + 1000.0).speech, None);
        let first = model
            .update(Action::Tick, T0 + 3000.0)
            .speech
            .expect("words");
        assert_eq!(
            first,
            ["Set up. Turn the massager to low and hold it behind your lower back."]
        );
        assert_eq!(
            model.update(Action::Tick, T0 + 3250.0).speech,
            None,
            "nothing between cues"
        );
        // "Halfway" at 7:30 of massage time, on its own.
        model.update(Action::Tick, T0 + 3000.0 + 7.0 * MIN);
        let halfway = model.update(Action::Tick, T0 + 3000.0 + 7.5 * MIN).speech;
        assert_eq!(halfway, Some(vec![String::from("Halfway.")]));
        // Pause stops the voice, even with nothing new to say.
        assert_eq!(
            model
                .update(Action::TogglePause, T0 + 3000.0 + 8.0 * MIN)
                .speech,
            Some(vec![])
        );
        // Voice off: nothing more is said, and what was being said stops.
        model.update(Action::TogglePause, T0 + 3000.0 + 8.0 * MIN);
        assert_eq!(
            model
                .update(Action::Voice(false), T0 + 3000.0 + 8.0 * MIN)
                .speech,
            Some(vec![])
        );
        let later = model.update(Action::Tick, T0 + 3000.0 + 510_000.0); // the spot at 8:30
        assert_eq!(
            later.cues.len(),
            1,
            "the tone still plays: {:?}",
            later.cues
        );
        assert_eq!(later.speech, None);
        // No local voice at all: never speaks, whatever the preference.
        let mut mute = Model::new(None);
        assert!(mute.voice && !mute.has_voice);
        assert_eq!(mute.update(Action::Start, T0).speech, Some(vec![]));
        assert_eq!(mute.update(Action::Tick, T0 + 3000.0).speech, None);
    }

    #[test]
    fn after_a_reload_the_voice_waits_for_a_tap_like_the_sound() {
        let mut first = started(Choice {
            routine: 0,
            minutes: 5,
            mode: 0,
        });
        let saved = first
            .update(Action::Tick, T0 + 4_000.0)
            .store
            .unwrap()
            .unwrap();
        let mut second = Model::new(None);
        second.has_voice = true;
        second.resume(&saved, T0 + 10_000.0).unwrap();
        assert!(!second.speaks());
        let step = step_start(second.choice.plan(), 1);
        assert_eq!(second.update(Action::Tick, step).speech, None, "no tap yet");
        second.needs_tap = false;
        let next = step_start(second.choice.plan(), 2);
        assert!(second.update(Action::Tick, next).speech.is_some());
    }

    /// Wall-clock time at which step `index` of `plan` starts, for a session started at T0.
    fn step_start(plan: massage_guide_core::timer::Plan, index: usize) -> f64 {
        T0 + GET_READY_MS as f64
            + plan.steps[..index]
                .iter()
                .map(|s| s.duration_ms)
                .sum::<u64>() as f64
    }

    #[test]
    fn end_session_gives_a_neutral_summary_screen_and_one_end_event() {
        let mut model = started(Choice {
            routine: 0,
            minutes: 10,
            mode: 1,
        });
        model.update(Action::Tick, T0 + 3000.0 + 2.0 * MIN);
        let effects = model.update(Action::End, T0 + 3000.0 + 2.0 * MIN + 500.0);
        assert_eq!(effects.event, Some(TimerEvent::End));
        assert_eq!(effects.store, Some(None), "nothing left to resume");
        assert_eq!(effects.speech, Some(vec![]));
        assert_eq!(model.screen(), Screen::Ended);
        assert_eq!(model.live, "Session ended.");
        let view = model.view.unwrap();
        assert_eq!(
            view.total_ms - view.total_remaining_ms,
            120_500,
            "the time done is kept"
        );
        // "Start again" from there starts the same routine; "Done" goes back to the picker.
        assert_eq!(
            model.update(Action::Start, T0 + 5.0 * MIN).event,
            Some(TimerEvent::Start)
        );
        assert_eq!(model.screen(), Screen::Session);
        model.update(Action::StopHurts, T0 + 6.0 * MIN);
        assert_eq!(model.screen(), Screen::Stopped);
        model.update(Action::Close, T0 + 6.0 * MIN);
        assert_eq!(model.screen(), Screen::Picker);
    }

    #[test]
    fn preferences_are_saved_when_changed_and_at_start_and_come_back() {
        let mut model = Model::new(None);
        let effects = model.update(Action::Sound(false), T0);
        assert_eq!(effects.prefs.as_deref(), Some("p1:011:hands:standing:5"));
        assert_eq!(
            model.update(Action::Vibration(false), T0).prefs.as_deref(),
            Some("p1:001:hands:standing:5")
        );
        assert_eq!(
            model.update(Action::PickRoutine(1), T0).prefs,
            None,
            "picking alone is not saved"
        );
        model.update(Action::PickMode(1), T0);
        model.update(Action::PickMinutes(15), T0);
        let saved = model
            .update(Action::Start, T0)
            .prefs
            .expect("saved at start");
        assert_eq!(saved, "p1:001:body-massager:float:15");
        assert_eq!(
            model.update(Action::Tick, T0 + 5000.0).prefs,
            None,
            "not on ticks"
        );

        // The next visit: the same toggles and routine.
        let (prefs, intact) = Prefs::decode(&saved);
        assert!(intact);
        let mut next = Model::new(None);
        next.remember(&prefs, None);
        assert_eq!(
            (next.sound, next.vibration, next.voice),
            (false, false, true)
        );
        assert_eq!(
            next.choice,
            Choice {
                routine: 1,
                minutes: 15,
                mode: 1
            }
        );
        // A routine suggested by the quiz wins over the remembered one; the toggles stay.
        let mut suggested = Model::new(Some("hands"));
        suggested.remember(&prefs, Some("hands"));
        assert_eq!((suggested.choice.routine, suggested.sound), (0, false));
        // A damaged value: what is left of it still applies, the rest is the default.
        let (partial, intact) = Prefs::decode("p1:0?1:body-massager:float:99");
        assert!(!intact);
        let mut damaged = Model::new(None);
        damaged.remember(&partial, None);
        assert_eq!(
            (damaged.sound, damaged.vibration, damaged.voice),
            (false, true, true)
        );
        assert_eq!(
            damaged.choice,
            Choice {
                routine: 1,
                minutes: 10,
                mode: 1
            }
        );
    }
}
