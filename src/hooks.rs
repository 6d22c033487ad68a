//! Hooks that own browser resources (intervals, event listeners, wake locks) and release
//! them when the component unmounts or its inputs change.

use crate::browser;
use yew::prelude::*;

/// After each render where `anchor` holds an id, scrolls to it inside `root` and clears it.
#[hook]
pub fn use_scroll_to_anchor(root: NodeRef, anchor: UseStateHandle<Option<&'static str>>) {
    use_effect_with(*anchor, move |target| {
        if let (Some(id), Some(element)) = (*target, root.cast::<web_sys::Element>()) {
            browser::scroll_to_id(&element, id);
            anchor.set(None);
        }
    });
}

// ---- Timer hooks ----

pub use timer_hooks::{use_session_clock, WakeLockStatus};

mod timer_hooks {
    use crate::browser;
    use gloo::timers::callback::{Interval, Timeout};
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
    pub fn use_session_clock(running: bool, deadline_ms: Option<f64>, on_tick: Callback<()>) -> WakeLockStatus {
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

        use_effect_with((deadline_ms.map(f64::to_bits), *rearm), move |&(deadline, generation)| {
            let timeout = deadline.map(f64::from_bits).map(|deadline| {
                let wait = (deadline - browser::now_ms()).clamp(0.0, f64::from(i32::MAX)).ceil() as u32;
                Timeout::new(wait, move || {
                    if browser::now_ms() < deadline {
                        rearm.set(generation.wrapping_add(1));
                    } else {
                        latest.borrow().emit(());
                    }
                })
            });
            move || drop(timeout)
        });

        if running {
            *wake
        } else {
            WakeLockStatus::Idle
        }
    }

    /// What a running session holds: the paint interval, the wake lock, the page listeners.
    struct Running {
        interval: Rc<RefCell<Option<Interval>>>,
        lock: Rc<RefCell<Option<browser::WakeLock>>>,
        _listeners: Option<browser::PageVisibility>,
    }

    impl Running {
        fn start(latest: Rc<RefCell<Callback<()>>>, wake: UseStateHandle<WakeLockStatus>) -> Running {
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
                        wake.set(if ok { WakeLockStatus::Held } else { WakeLockStatus::Unavailable })
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
            Running { interval, lock, _listeners: listeners }
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
