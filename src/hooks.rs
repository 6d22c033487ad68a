//! Hooks that own browser resources (intervals, event listeners, wake locks, the voice) and
//! release them when the component unmounts or its inputs change.

use crate::browser;
use yew::prelude::*;

// ---- Timer hooks ----

pub use timer_hooks::{
    use_hidden_page_tones, use_local_voice, use_session_clock, PrePlayed, WakeLockStatus,
};

mod timer_hooks {
    use crate::browser;
    use gloo::timers::callback::{Interval, Timeout};
    use massage_guide_core::timer::Cue;
    use std::cell::RefCell;
    use std::rc::Rc;
    use yew::prelude::*;

    /// How often the display repaints while a session runs and the page is visible.
    const PAINT_EVERY_MS: u32 = 250;

    /// Whether the screen is being kept on.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum WakeLockStatus {
        /// Not running, or the browser has not answered yet.
        Idle,
        Held,
        /// The browser has no Screen Wake Lock, or refused it.
        Unavailable,
    }

    /// The clock of a running session, and the screen kept on meanwhile.
    ///
    /// While `running`: calls `on_tick` about 4 times a second while the page is visible, at
    /// once when it is shown again (`visibilitychange`, `pageshow`), and exactly at
    /// `deadline_ms` (the next cue), hidden or not. Ticks only say "look at the clock": time
    /// itself is always deadline − now. It also holds a Screen Wake Lock, asked for again each
    /// time the page is shown (browsers drop it when the page is hidden). Everything is
    /// released when `running` turns false or the component unmounts.
    #[hook]
    pub fn use_session_clock(
        running: bool,
        deadline_ms: Option<f64>,
        on_tick: Callback<()>,
    ) -> WakeLockStatus {
        // The latest callback, so long-lived timers never call a stale one.
        let latest = use_mut_ref(|| on_tick.clone());
        *latest.borrow_mut() = on_tick;
        // Bumped when the deadline timer fired a little early, to arm it again.
        let rearm = use_state_eq(|| 0u32);
        let wake = use_state_eq(|| WakeLockStatus::Idle);

        {
            let (latest, wake) = (latest.clone(), wake.clone());
            use_effect_with(running, move |&running| {
                let guard = running.then(|| Running::start(latest, wake));
                move || drop(guard)
            });
        }

        use_effect_with(
            (deadline_ms.map(f64::to_bits), *rearm),
            move |&(deadline, generation)| {
                let timeout = deadline.map(f64::from_bits).map(|deadline| {
                    let wait = (deadline - browser::now_ms())
                        .clamp(0.0, f64::from(i32::MAX))
                        .ceil() as u32;
                    Timeout::new(wait, move || {
                        if browser::now_ms() < deadline {
                            rearm.set(generation.wrapping_add(1));
                        } else {
                            latest.borrow().emit(());
                        }
                    })
                });
                move || drop(timeout)
            },
        );

        if running {
            *wake
        } else {
            WakeLockStatus::Idle
        }
    }

    /// A cue due at a wall-clock time (ms), with its sound.
    pub type TimedTone = (f64, Cue, browser::Tone);

    /// How far ahead cue sounds are handed to the audio clock when the page is hidden.
    const HAND_OVER_AHEAD_MS: f64 = 30.0 * 60_000.0;

    /// The cue sounds handed to the audio clock while the page is hidden, shared by
    /// [`use_hidden_page_tones`] and the tick path, which must not play them a second time.
    #[derive(Default)]
    pub struct PrePlayed {
        scheduled: Option<browser::ScheduledTones>,
        /// The cues handed over on this timeline: those that played, then those still scheduled.
        cues: Vec<Cue>,
        /// How many of `cues` (the last ones) are still scheduled.
        pending: usize,
    }

    impl PrePlayed {
        /// Whether the audio clock plays (or played) `cue`: the tick path skips its tone.
        pub fn covers(&self, cue: &Cue) -> bool {
            self.cues.contains(cue)
        }

        /// Stops the scheduled sounds that have not begun; the cues that played stay covered.
        pub fn cancel(&mut self) {
            if let Some(scheduled) = self.scheduled.take() {
                let begun = scheduled.cancel();
                let keep = self.cues.len() - self.pending + begun;
                self.cues.truncate(keep);
            }
            self.pending = 0;
        }

        fn hand_over(&mut self, upcoming: Vec<TimedTone>) {
            self.cancel();
            let tones: Vec<(f64, browser::Tone)> =
                upcoming.iter().map(|&(at, _, tone)| (at, tone)).collect();
            if let Some(scheduled) = browser::schedule_tones(&tones) {
                self.pending = upcoming.len();
                self.cues
                    .extend(upcoming.into_iter().map(|(_, cue, _)| cue));
                self.scheduled = Some(scheduled);
            }
        }

        fn forget(&mut self) {
            self.cancel();
            self.cues.clear();
        }
    }

    /// Keeps the cue sounds on time while the page is hidden, where browsers throttle timers.
    ///
    /// While `timeline` is set (a session runs with sound; its value changes whenever the
    /// timeline moves), each time the page is hidden the sounds of the cues due in the next 30
    /// minutes, as `upcoming((now, ahead))` lists them, are scheduled on the audio clock and
    /// noted in `pre_played`. When the page is shown again, or the timeline changes or ends, or
    /// the component unmounts, those not begun are stopped; the ones that played stay noted, so
    /// the tick path does not play them again.
    #[hook]
    pub fn use_hidden_page_tones(
        timeline: Option<f64>,
        pre_played: Rc<RefCell<PrePlayed>>,
        upcoming: Callback<(f64, f64), Vec<TimedTone>>,
    ) {
        let latest = use_mut_ref(|| upcoming.clone());
        *latest.borrow_mut() = upcoming;
        use_effect_with(timeline.map(f64::to_bits), move |timeline| {
            let listeners = timeline.and_then(|_| {
                let hand_over = {
                    let (pre_played, latest) = (pre_played.clone(), latest.clone());
                    move || {
                        let upcoming = latest
                            .borrow()
                            .emit((browser::now_ms(), HAND_OVER_AHEAD_MS));
                        pre_played.borrow_mut().hand_over(upcoming);
                    }
                };
                if browser::page_hidden() {
                    hand_over();
                }
                let pre_played = pre_played.clone();
                browser::on_page_visibility(move |visible| {
                    if visible {
                        pre_played.borrow_mut().cancel();
                    } else {
                        hand_over();
                    }
                })
            });
            move || {
                drop(listeners);
                pre_played.borrow_mut().forget();
            }
        });
    }

    /// Tells `on_voice` the on-device speech voice for `lang` (see `browser::local_voice`),
    /// or `None` where the browser has none: once mounted, and again on each `voiceschanged`
    /// (browsers fill their voice list late). The listener goes with the component, which
    /// also silences anything still being said. (No state of its own: the caller keeps the
    /// voice, which keeps the wasm smaller.)
    #[hook]
    pub fn use_local_voice(lang: AttrValue, on_voice: Callback<Option<browser::Voice>>) {
        use_effect_with(lang, move |lang| {
            let pick = {
                let lang = lang.clone();
                move || on_voice.emit(browser::local_voice(&lang))
            };
            pick();
            let listener = browser::on_voices_changed(pick);
            move || {
                if listener.is_some() {
                    browser::hush();
                }
                drop(listener);
            }
        });
    }

    /// What a running session holds: the paint interval, the wake lock, the page listeners.
    struct Running {
        interval: Rc<RefCell<Option<Interval>>>,
        lock: Rc<RefCell<Option<browser::WakeLock>>>,
        _listeners: Option<browser::PageVisibility>,
    }

    impl Running {
        fn start(
            latest: Rc<RefCell<Callback<()>>>,
            wake: UseStateHandle<WakeLockStatus>,
        ) -> Running {
            let tick = Rc::new(move || latest.borrow().emit(()));
            let interval: Rc<RefCell<Option<Interval>>> = Rc::default();
            let lock: Rc<RefCell<Option<browser::WakeLock>>> = Rc::default();
            let shown = {
                let (interval, lock, tick) = (interval.clone(), lock.clone(), tick.clone());
                move || {
                    let tick = tick.clone();
                    *interval.borrow_mut() = Some(Interval::new(PAINT_EVERY_MS, move || tick()));
                    if !browser::wake_lock_supported() {
                        wake.set(WakeLockStatus::Unavailable);
                        return;
                    }
                    lock.borrow_mut().take();
                    let wake = wake.clone();
                    let held = browser::acquire_wake_lock(move |ok| {
                        wake.set(if ok {
                            WakeLockStatus::Held
                        } else {
                            WakeLockStatus::Unavailable
                        })
                    });
                    *lock.borrow_mut() = Some(held);
                }
            };
            if !browser::page_hidden() {
                shown();
            }
            let listeners = {
                let interval = interval.clone();
                browser::on_page_visibility(move |visible| {
                    tick();
                    if visible {
                        shown();
                    } else {
                        // No painting while hidden; the deadline timer still fires.
                        interval.borrow_mut().take();
                    }
                })
            };
            Running {
                interval,
                lock,
                _listeners: listeners,
            }
        }
    }

    impl Drop for Running {
        fn drop(&mut self) {
            self.interval.borrow_mut().take();
            self.lock.borrow_mut().take();
        }
    }
}

// ---- Quiz hooks ----

/// Moves keyboard focus to the element marked `data-mg-focus` inside `scope` (the new
/// screen's legend or heading) after each render in which `screen` changed, but not on the
/// first render: opening the tab leaves focus on the tab.
#[hook]
pub fn use_focus_on_change(scope: NodeRef, screen: u32) {
    let first = use_mut_ref(|| true);
    use_effect_with(screen, move |_| {
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            browser::focus_selector(&scope, "[data-mg-focus]");
        }
    });
}

// ---- Storage hooks ----

/// A number that changes whenever another tab changes the widget's stored value (the
/// `storage` event): components that read storage use it to re-read. The listener is
/// removed when the component unmounts.
#[hook]
pub fn use_storage_changes() -> u32 {
    let count = use_mut_ref(|| 0u32);
    let redraw = use_force_update();
    {
        let count = count.clone();
        use_effect_with((), move |()| {
            let listener = browser::on_storage_change(move || {
                let next = count.borrow().wrapping_add(1);
                *count.borrow_mut() = next;
                redraw.force_update();
            });
            move || drop(listener)
        });
    }
    let changes = *count.borrow();
    changes
}
