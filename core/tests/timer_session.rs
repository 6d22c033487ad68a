//! The session state machine under simulated clocks: full runs, sleeps, pauses, skips, stops,
//! a clock going backwards and jittery ticks.

mod timer_common;

use massage_guide_core::timer::{
    format_mm_ss, plan, Cue, Event, Phase, Session, GET_READY_MS, LATE_CUE_LIMIT_MS,
};
use timer_common::{
    all_plans, expected_cues, label, started, step, step_start_on_timeline, tick_until, XorShift,
    T0,
};

const MINUTE: f64 = 60_000.0;

#[test]
fn a_new_session_is_ready_and_shows_the_whole_plan() {
    let plan = plan("hands", 5, None).expect("plan");
    let view = Session::new(plan).snapshot(T0);
    assert_eq!(view.phase, Phase::Ready);
    assert_eq!(view.step_index, 0);
    assert_eq!(view.step_count, 8);
    assert_eq!(view.step_title, "Loosen your shoulders");
    assert_eq!(view.next_step_title, Some("Get into position"));
    assert_eq!(view.total_remaining_ms, 300_000);
    assert_eq!(view.step_remaining_ms, 30_000);
    assert_eq!(view.progress, 0.0);
    assert_eq!(view.getready_seconds_left, 0);
    assert!(!Session::new(plan).is_in_progress());
}

#[test]
fn every_plan_runs_start_to_finish_with_every_cue_exactly_on_its_deadline() {
    for plan in all_plans() {
        let (mut session, first) = started(plan, T0);
        assert_eq!(
            first,
            [Cue::GetReady { seconds_left: 3 }],
            "{}",
            label(&plan)
        );
        let mut log = Vec::new();
        let end = T0 + step_start_on_timeline(&plan, plan.steps.len()) as f64;
        let mut now = T0;
        let mut last_progress = 0.0;
        while session.is_in_progress() {
            now += 250.0;
            step(&mut session, Event::Tick { now_ms: now }, &mut log);
            let view = session.snapshot(now);
            // Remaining time is deadline - now, at every tick.
            let massage_done = (now - T0 - GET_READY_MS as f64).clamp(0.0, plan.total_ms() as f64);
            assert_eq!(
                view.total_remaining_ms as f64,
                plan.total_ms() as f64 - massage_done
            );
            assert!(view.step_remaining_ms <= view.step_duration_ms);
            assert!(view.progress >= last_progress && view.progress <= 1.0);
            last_progress = view.progress;
        }
        assert_eq!(
            now,
            end,
            "{}: finished exactly at the deadline",
            label(&plan)
        );

        // Every cue after the Start tap's "3": beats, step starts, prompts, the end.
        let expected: Vec<(f64, Cue)> = expected_cues(&plan)
            .into_iter()
            .skip(1)
            .map(|(at, cue)| (T0 + at as f64, cue))
            .collect();
        assert_eq!(log, expected, "{}", label(&plan));

        let view = session.snapshot(end + MINUTE);
        assert_eq!(view.phase, Phase::Finished);
        assert_eq!(
            (
                view.total_remaining_ms,
                view.step_remaining_ms,
                view.progress
            ),
            (0, 0, 1.0)
        );
        assert_eq!(view.step_index, plan.steps.len() - 1);
        assert_eq!(view.next_step_title, None);
    }
}

#[test]
fn countdown_shows_three_two_one_then_the_first_step() {
    let plan = plan("hands", 3, None).expect("plan");
    let (session, _) = started(plan, T0);
    let seconds: Vec<(Phase, u32)> = [0.0, 999.0, 1000.0, 1999.0, 2000.0, 2999.0, 3000.0]
        .iter()
        .map(|ms| {
            let view = session.snapshot(T0 + ms);
            (view.phase, view.getready_seconds_left)
        })
        .collect();
    assert_eq!(
        seconds,
        [
            (Phase::GetReady, 3),
            (Phase::GetReady, 3),
            (Phase::GetReady, 2),
            (Phase::GetReady, 2),
            (Phase::GetReady, 1),
            (Phase::GetReady, 1),
            (Phase::Running, 0),
        ]
    );
    // The countdown does not eat into the massage time.
    assert_eq!(session.snapshot(T0 + 3000.0).total_remaining_ms, 180_000);
}

#[test]
fn forty_minute_sleep_mid_session_lands_on_finished_with_missed_cues_summarised() {
    for plan in all_plans() {
        let (mut session, _) = started(plan, T0);
        let mut log = Vec::new();
        // Run into the second step, then the phone sleeps for 40 minutes.
        let in_second_step = T0 + step_start_on_timeline(&plan, 1) as f64 + 500.0;
        let last = tick_until(&mut session, T0, in_second_step, 250.0, &mut log);
        assert_eq!(session.snapshot(last).step_index, 1);
        let (session, cues) = session.apply(Event::Tick {
            now_ms: last + 40.0 * MINUTE,
        });
        let later_steps = plan.steps.len() as u32 - 2;
        let mut expected = Vec::new();
        if later_steps > 0 {
            expected.push(Cue::Missed { count: later_steps });
        }
        expected.push(Cue::Finished);
        assert_eq!(cues, expected, "{}", label(&plan));
        let view = session.snapshot(last + 40.0 * MINUTE);
        assert_eq!(view.phase, Phase::Finished);
        assert_eq!(view.total_remaining_ms, 0);
        assert!(!session.is_in_progress());
        // Nothing more happens afterwards.
        assert_eq!(
            session
                .apply(Event::Tick {
                    now_ms: last + 41.0 * MINUTE
                })
                .1,
            []
        );
    }
}

#[test]
fn a_hidden_tab_lands_on_the_right_step_at_once() {
    let plan = plan("body-massager", 15, Some("lean-back")).expect("plan");
    let (mut session, _) = started(plan, T0);
    let mut log = Vec::new();
    let two_min_in = T0 + 3000.0 + 2.0 * MINUTE;
    tick_until(&mut session, T0, two_min_in, 250.0, &mut log);
    // Hidden for 6 minutes 10 seconds: the moves at 3, 5 and 7 minutes of massage time, their
    // relax steps and the "halfway" at 7:30 pass unseen.
    let shown = two_min_in + 6.0 * MINUTE + 10_000.0;
    let view = session.snapshot(shown); // right before the tick is even applied
    assert_eq!(view.step_index, 7); // the relax that began at 7:15 of massage time
    assert_eq!(view.step_title, "Relax");
    assert_eq!(view.step_remaining_ms, 50_000);
    let (session, cues) = session.apply(Event::Tick { now_ms: shown });
    assert_eq!(
        cues,
        [Cue::Missed { count: 6 }],
        "prompts are not step changes"
    );
    assert_eq!(session.snapshot(shown), view);
    assert_eq!(view.total_remaining_ms, 15 * 60_000 - (8 * 60_000 + 10_000));
}

#[test]
fn a_slightly_late_tick_still_plays_the_cue_a_very_late_one_reports_it_missed() {
    let plan = plan("hands", 3, None).expect("plan");
    let first_step_end = T0 + step_start_on_timeline(&plan, 1) as f64;
    let (session, _) = started(plan, T0);
    let (session, _) = session.apply(Event::Tick {
        now_ms: T0 + 3000.0,
    });

    let (_, on_time) = session.apply(Event::Tick {
        now_ms: first_step_end + LATE_CUE_LIMIT_MS as f64,
    });
    assert_eq!(
        on_time,
        [Cue::StepStarted {
            step_index: 1,
            kind: plan.steps[1].cue
        }]
    );

    let (_, late) = session.apply(Event::Tick {
        now_ms: first_step_end + LATE_CUE_LIMIT_MS as f64 + 1.0,
    });
    assert_eq!(late, [Cue::Missed { count: 1 }]);
}

#[test]
fn pause_across_a_sleep_holds_the_remaining_time() {
    for plan in all_plans() {
        let (mut session, _) = started(plan, T0);
        let mut log = Vec::new();
        let pause_at = T0 + 3000.0 + (plan.total_ms() as f64) / 2.0 + 321.0;
        tick_until(&mut session, T0, pause_at - 1.0, 250.0, &mut log);
        let before = session.snapshot(pause_at);
        step(&mut session, Event::Pause { now_ms: pause_at }, &mut log);
        let paused = session.snapshot(pause_at);
        assert_eq!(paused.phase, Phase::Paused);

        // 40 minutes asleep, with a tick on wake-up: nothing moves.
        let wake = pause_at + 40.0 * MINUTE;
        let (after_sleep, cues) = session.apply(Event::Tick { now_ms: wake });
        assert_eq!(cues, [], "{}", label(&plan));
        let held = after_sleep.snapshot(wake);
        assert_eq!(held.total_remaining_ms, before.total_remaining_ms);
        assert_eq!(held.step_remaining_ms, before.step_remaining_ms);
        assert_eq!(held.step_index, before.step_index);
        assert_eq!(held.phase, Phase::Paused);
        assert_eq!(after_sleep.next_deadline_ms(), None);

        // Resume: the session ends exactly `remaining` after the resume.
        let (mut session, cues) = after_sleep.apply(Event::Resume { now_ms: wake });
        assert_eq!(cues, []);
        assert_eq!(session.snapshot(wake).phase, Phase::Running);
        let end = wake + held.total_remaining_ms as f64;
        assert_eq!(session.snapshot(end - 1.0).phase, Phase::Running);
        assert_eq!(session.snapshot(end).phase, Phase::Finished);
        let mut log = Vec::new();
        tick_until(&mut session, wake, end + 1000.0, 250.0, &mut log);
        let (finished_at, last_cue) = *log.last().expect("cues after resuming");
        assert_eq!(last_cue, Cue::Finished, "{}", label(&plan));
        assert!(
            finished_at >= end && finished_at < end + 250.0,
            "{}",
            label(&plan)
        );
        assert!(!log.iter().any(|(_, cue)| matches!(cue, Cue::Missed { .. })));
    }
}

#[test]
fn pause_during_the_countdown_holds_it() {
    let plan = plan("hands", 3, None).expect("plan");
    let (session, _) = started(plan, T0);
    let (session, _) = session.apply(Event::Pause {
        now_ms: T0 + 1500.0,
    });
    let view = session.snapshot(T0 + 10.0 * MINUTE);
    assert_eq!((view.phase, view.getready_seconds_left), (Phase::Paused, 2));
    let (session, cues) = session.apply(Event::Resume {
        now_ms: T0 + 10.0 * MINUTE,
    });
    assert_eq!(cues, []);
    let (_, cues) = session.apply(Event::Tick {
        now_ms: T0 + 10.0 * MINUTE + 500.0,
    });
    assert_eq!(cues, [Cue::GetReady { seconds_left: 1 }]);
}

#[test]
fn events_that_do_not_fit_the_phase_change_nothing() {
    let plan = plan("hands", 3, None).expect("plan");
    let ready = Session::new(plan);
    for event in [
        Event::Pause { now_ms: T0 },
        Event::Resume { now_ms: T0 },
        Event::Skip { now_ms: T0 },
        Event::StopHurts { now_ms: T0 },
        Event::Tick { now_ms: T0 },
    ] {
        let (next, cues) = ready.apply(event);
        assert_eq!(next.snapshot(T0).phase, Phase::Ready, "{event:?}");
        assert_eq!(cues, []);
    }
    let (running, _) = started(plan, T0);
    let (again, cues) = running.apply(Event::Start { now_ms: T0 + 500.0 });
    assert_eq!(again.snapshot(T0 + 500.0), running.snapshot(T0 + 500.0));
    assert_eq!(cues, []);
    let (still, cues) = running.apply(Event::Resume { now_ms: T0 + 500.0 });
    assert_eq!(still.snapshot(T0 + 500.0).phase, Phase::GetReady);
    assert_eq!(cues, []);
}

#[test]
fn skip_on_the_last_step_finishes() {
    for plan in all_plans() {
        let last = plan.steps.len() - 1;
        let (session, _) = started(plan, T0);
        let in_last = T0 + step_start_on_timeline(&plan, last) as f64 + 1000.0;
        let (session, _) = session.apply(Event::Tick { now_ms: in_last });
        assert_eq!(session.snapshot(in_last).step_index, last);
        let (session, cues) = session.apply(Event::Skip {
            now_ms: in_last + 10.0,
        });
        assert_eq!(cues, [Cue::Finished], "{}", label(&plan));
        let view = session.snapshot(in_last + 10.0);
        assert_eq!(view.phase, Phase::Finished);
        assert_eq!(view.total_remaining_ms, 0);
    }
}

#[test]
fn skipping_through_every_step_cues_each_one_then_finishes() {
    for plan in all_plans() {
        let (mut session, _) = started(plan, T0);
        let mut log = Vec::new();
        let mut now = T0;
        for _ in 0..=plan.steps.len() {
            now += 700.0;
            step(&mut session, Event::Skip { now_ms: now }, &mut log);
        }
        let cues: Vec<Cue> = log.into_iter().map(|(_, cue)| cue).collect();
        let mut expected: Vec<Cue> = plan
            .steps
            .iter()
            .enumerate()
            .map(|(step_index, s)| Cue::StepStarted {
                step_index,
                kind: s.cue,
            })
            .collect();
        expected.push(Cue::Finished);
        assert_eq!(cues, expected, "{}", label(&plan));
        assert_eq!(session.snapshot(now).phase, Phase::Finished);
    }
}

#[test]
fn skip_moves_the_deadlines_so_the_next_step_gets_its_full_length() {
    let plan = plan("hands", 5, None).expect("plan");
    let (session, _) = started(plan, T0);
    let (session, _) = session.apply(Event::Tick {
        now_ms: T0 + 3000.0,
    });
    let mid_first = T0 + 3000.0 + 10_000.0;
    let (session, cues) = session.apply(Event::Skip { now_ms: mid_first });
    assert_eq!(
        cues,
        [Cue::StepStarted {
            step_index: 1,
            kind: plan.steps[1].cue
        }]
    );
    let view = session.snapshot(mid_first);
    assert_eq!((view.step_index, view.step_remaining_ms), (1, 15_000));
    assert_eq!(view.total_remaining_ms, 270_000);
    assert_eq!(session.next_deadline_ms(), Some(mid_first + 15_000.0));
}

#[test]
fn skip_while_paused_moves_on_and_stays_paused() {
    let plan = plan("body-massager", 5, Some("float")).expect("plan");
    let (session, _) = started(plan, T0);
    let (session, _) = session.apply(Event::Pause {
        now_ms: T0 + 5000.0,
    });
    let (session, cues) = session.apply(Event::Skip {
        now_ms: T0 + 9000.0,
    });
    assert_eq!(
        cues,
        [Cue::StepStarted {
            step_index: 1,
            kind: plan.steps[1].cue
        }]
    );
    let view = session.snapshot(T0 + 20.0 * MINUTE);
    assert_eq!(
        (view.phase, view.step_index, view.step_remaining_ms),
        (Phase::Paused, 1, 90_000)
    );
}

#[test]
fn skip_during_the_countdown_starts_the_first_step_now() {
    let plan = plan("hands", 3, None).expect("plan");
    let (session, _) = started(plan, T0);
    let (session, cues) = session.apply(Event::Skip {
        now_ms: T0 + 1200.0,
    });
    assert_eq!(
        cues,
        [Cue::StepStarted {
            step_index: 0,
            kind: plan.steps[0].cue
        }]
    );
    let view = session.snapshot(T0 + 1200.0);
    assert_eq!(
        (view.phase, view.total_remaining_ms),
        (Phase::Running, 180_000)
    );
}

#[test]
fn stop_because_it_hurts_at_every_step() {
    for plan in all_plans() {
        for index in 0..plan.steps.len() {
            let (session, _) = started(plan, T0);
            let middle = T0
                + (step_start_on_timeline(&plan, index) + plan.steps[index].duration_ms / 2) as f64;
            let (session, _) = session.apply(Event::Tick {
                now_ms: middle - 100.0,
            });
            let (session, cues) = session.apply(Event::StopHurts { now_ms: middle });
            assert_eq!(cues, [Cue::Stopped], "{} step {index}", label(&plan));
            let view = session.snapshot(middle);
            assert_eq!((view.phase, view.step_index), (Phase::Stopped, index));
            assert!(!session.is_in_progress());
            assert_eq!(session.next_deadline_ms(), None);
            // It stays stopped: no cue, no movement, however long we wait.
            let (later, cues) = session.apply(Event::Tick {
                now_ms: middle + 40.0 * MINUTE,
            });
            assert_eq!(cues, []);
            assert_eq!(later.snapshot(middle + 40.0 * MINUTE), view);
            // Start again begins a fresh session.
            let (fresh, cues) = later.apply(Event::Start {
                now_ms: middle + 41.0 * MINUTE,
            });
            assert_eq!(cues, [Cue::GetReady { seconds_left: 3 }]);
            assert_eq!(
                fresh.snapshot(middle + 41.0 * MINUTE).total_remaining_ms,
                plan.total_ms()
            );
        }
    }
}

#[test]
fn stop_during_the_countdown_and_while_paused() {
    let plan = plan("hands", 3, None).expect("plan");
    let (session, _) = started(plan, T0);
    // Only the stop is cued, not the countdown beat due at the same moment.
    let (stopped, cues) = session.apply(Event::StopHurts {
        now_ms: T0 + 1000.0,
    });
    assert_eq!(cues, [Cue::Stopped]);
    assert_eq!(stopped.snapshot(T0 + 1000.0).phase, Phase::Stopped);

    let (paused, _) = session.apply(Event::Pause {
        now_ms: T0 + 20_000.0,
    });
    let (stopped, cues) = paused.apply(Event::StopHurts {
        now_ms: T0 + 30.0 * MINUTE,
    });
    assert_eq!(cues, [Cue::Stopped]);
    assert_eq!(
        stopped.snapshot(T0 + 30.0 * MINUTE).total_remaining_ms,
        180_000 - 17_000
    );
}

#[test]
fn a_clock_going_backwards_adds_no_time() {
    for plan in all_plans() {
        let (mut session, _) = started(plan, T0);
        let mut log = Vec::new();
        let at = T0 + step_start_on_timeline(&plan, 1) as f64 + 4_000.0;
        tick_until(&mut session, T0, at, 250.0, &mut log);
        let before = session.snapshot(at);

        for back_by in [
            1.0,
            1_000.0,
            10.0 * MINUTE,
            2.0 * 365.0 * 24.0 * 60.0 * MINUTE,
        ] {
            let earlier = at - back_by;
            // The view is held even before the event is applied...
            let view = session.snapshot(earlier);
            assert_eq!(
                view.total_remaining_ms,
                before.total_remaining_ms,
                "{} back {back_by}",
                label(&plan)
            );
            // ...and after it.
            let (moved, cues) = session.apply(Event::Tick { now_ms: earlier });
            assert_eq!(cues, []);
            let view = moved.snapshot(earlier);
            assert_eq!(view.step_index, before.step_index);
            assert_eq!(view.step_remaining_ms, before.step_remaining_ms);
            assert!(view.step_remaining_ms <= view.step_duration_ms);
            assert_eq!(view.total_remaining_ms, before.total_remaining_ms);

            // Time then runs on from there: the remaining time takes the same real time.
            let end = earlier + before.total_remaining_ms as f64;
            let mut moved = moved;
            let mut log = Vec::new();
            tick_until(&mut moved, earlier, end + 1000.0, 250.0, &mut log);
            assert_eq!(log.last(), Some(&(end, Cue::Finished)));
        }
    }
}

#[test]
fn a_clock_wobbling_back_and_forth_never_moves_back_a_step() {
    let plan = plan("body-massager", 10, Some("lean-back")).expect("plan");
    let (mut session, _) = started(plan, T0);
    let mut rng = XorShift::new(7);
    let mut now = T0;
    let mut last_index = 0;
    let mut last_total = u64::MAX;
    for _ in 0..5_000 {
        // Mostly forward, sometimes back by up to 30 s.
        now += rng.up_to(2_000) as f64
            - if rng.up_to(9) == 0 {
                rng.up_to(30_000) as f64
            } else {
                0.0
            };
        let (next, _) = session.apply(Event::Tick { now_ms: now });
        session = next;
        let view = session.snapshot(now);
        assert!(view.step_index >= last_index);
        assert!(view.total_remaining_ms <= last_total);
        assert!(view.step_remaining_ms <= view.step_duration_ms);
        last_index = view.step_index;
        last_total = view.total_remaining_ms;
    }
}

#[test]
fn jittery_ticks_detect_every_deadline_within_one_tick_and_never_early() {
    for seed in 1..=25u64 {
        for plan in all_plans() {
            let mut rng = XorShift::new(seed * 7919 + u64::from(plan.minutes));
            let (mut session, _) = started(plan, T0);
            let end = T0 + step_start_on_timeline(&plan, plan.steps.len()) as f64;
            let mut now = T0;
            let mut step_deadlines: Vec<f64> = (1..plan.steps.len())
                .map(|i| T0 + step_start_on_timeline(&plan, i) as f64)
                .collect();
            step_deadlines.reverse();
            while session.is_in_progress() {
                let previous = now;
                now += rng.up_to(5_000) as f64;
                let (next, cues) = session.apply(Event::Tick { now_ms: now });
                session = next;
                let view = session.snapshot(now);
                if view.phase == Phase::Running {
                    assert_ne!(
                        format_mm_ss(view.total_remaining_ms),
                        "0:00",
                        "never 0:00 while time remains"
                    );
                    assert_eq!(view.total_remaining_ms as f64, end - now);
                }
                for cue in cues {
                    match cue {
                        Cue::StepStarted { step_index, .. } if step_index > 0 => {
                            let deadline = step_deadlines.pop().expect("one cue per step");
                            assert!(
                                previous < deadline && deadline <= now,
                                "seed {seed} {}",
                                label(&plan)
                            );
                        }
                        Cue::Finished => {
                            assert!(
                                previous < end && end <= now,
                                "seed {seed} {}: end at {now}",
                                label(&plan)
                            );
                        }
                        Cue::Missed { .. } => panic!("no cue is late by more than one tick"),
                        _ => {}
                    }
                }
            }
            assert!(step_deadlines.is_empty());
        }
    }
}

#[test]
fn waking_up_at_next_deadline_gives_every_cue_on_time() {
    // How the view can schedule its timer: one wake-up per mark, exactly at its deadline.
    for plan in all_plans() {
        let (mut session, first) = started(plan, T0);
        let mut cues: Vec<(f64, Cue)> = first.into_iter().map(|cue| (T0, cue)).collect();
        while let Some(deadline) = session.next_deadline_ms() {
            let (next, more) = session.apply(Event::Tick { now_ms: deadline });
            assert!(!more.is_empty(), "{}: a wake-up for nothing", label(&plan));
            session = next;
            cues.extend(more.into_iter().map(|cue| (deadline, cue)));
        }
        let expected: Vec<(f64, Cue)> = expected_cues(&plan)
            .into_iter()
            .map(|(at, cue)| (T0 + at as f64, cue))
            .collect();
        assert_eq!(cues, expected, "{}", label(&plan));
        assert_eq!(cues.len(), 3 + plan.steps.len() + plan.prompts.len() + 1);
    }
}

#[test]
fn upcoming_cues_are_the_cues_a_punctual_clock_would_give() {
    // What the view hands to the audio clock when the page is hidden: every cue still due, at
    // the deadline the session itself would play it, and nothing once paused or finished.
    for plan in all_plans() {
        let (mut session, _) = started(plan, T0);
        let mut punctual = Vec::new();
        let mut probe = session;
        while let Some(deadline) = probe.next_deadline_ms() {
            let (next, cues) = probe.apply(Event::Tick { now_ms: deadline });
            punctual.extend(cues.into_iter().map(|cue| (deadline, cue)));
            probe = next;
        }
        assert_eq!(
            session.upcoming_cues(T0, f64::INFINITY),
            punctual,
            "{}",
            label(&plan)
        );
        assert_eq!(
            session.end_deadline_ms(),
            punctual.last().map(|&(at, _)| at)
        );

        // Half-way, with a horizon: only what lies after `from` and up to `until`.
        let middle = T0 + step_start_on_timeline(&plan, plan.steps.len() / 2) as f64 - 1.0;
        session = session.apply(Event::Tick { now_ms: middle }).0;
        let until = middle + 4.0 * MINUTE;
        let expected: Vec<_> = punctual
            .iter()
            .copied()
            .filter(|&(at, _)| at > middle && at <= until)
            .collect();
        assert_eq!(
            session.upcoming_cues(middle, until),
            expected,
            "{}",
            label(&plan)
        );
        assert!(!expected.is_empty());

        let paused = session.apply(Event::Pause { now_ms: middle }).0;
        assert_eq!(paused.upcoming_cues(middle, f64::INFINITY), []);
        assert_eq!(paused.end_deadline_ms(), None);
        let finished = session
            .apply(Event::Skip { now_ms: middle })
            .0
            .apply(Event::Tick {
                now_ms: middle + 60.0 * MINUTE,
            })
            .0;
        assert_eq!(finished.upcoming_cues(middle, f64::INFINITY), []);
    }
}

#[test]
fn implausible_clock_readings_are_ignored() {
    let plan = plan("hands", 3, None).expect("plan");
    let (session, _) = started(plan, T0);
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -1.0, 1e300] {
        for event in [
            Event::Tick { now_ms: bad },
            Event::Skip { now_ms: bad },
            Event::StopHurts { now_ms: bad },
        ] {
            let (next, cues) = session.apply(event);
            assert_eq!(next, session, "{event:?}");
            assert_eq!(cues, []);
        }
        // A snapshot with a bad reading shows the last good one.
        assert_eq!(session.snapshot(bad), session.snapshot(T0));
    }
}

#[test]
fn finished_can_start_again() {
    let plan = plan("hands", 3, None).expect("plan");
    let (session, _) = started(plan, T0);
    let (session, cues) = session.apply(Event::Tick {
        now_ms: T0 + 10.0 * MINUTE,
    });
    assert_eq!(cues.last(), Some(&Cue::Finished));
    let (session, cues) = session.apply(Event::Start {
        now_ms: T0 + 11.0 * MINUTE,
    });
    assert_eq!(cues, [Cue::GetReady { seconds_left: 3 }]);
    assert_eq!(session.snapshot(T0 + 11.0 * MINUTE).phase, Phase::GetReady);
}

#[test]
fn end_session_ends_early_with_a_neutral_cue_and_holds_the_time_done() {
    let plan = plan("body-massager", 10, Some("float")).expect("plan");
    for (label, end_at, pause_first) in [
        ("in the countdown", T0 + 1_500.0, false),
        ("running", T0 + 3_000.0 + 4.0 * MINUTE + 321.0, false),
        ("paused", T0 + 3_000.0 + 2.0 * MINUTE, true),
    ] {
        let (mut session, _) = started(plan, T0);
        let mut log = Vec::new();
        tick_until(&mut session, T0, end_at, 250.0, &mut log);
        if pause_first {
            session = session.apply(Event::Pause { now_ms: end_at }).0;
        }
        let before = session.snapshot(end_at);
        let (ended, cues) = session.apply(Event::End {
            now_ms: end_at + if pause_first { 5.0 * MINUTE } else { 0.0 },
        });
        assert_eq!(cues, [Cue::Ended], "{label}");
        assert!(!ended.is_in_progress(), "{label}");
        assert_eq!(ended.next_deadline_ms(), None);
        let later = ended.snapshot(end_at + 60.0 * MINUTE);
        assert_eq!(later.phase, Phase::Ended, "{label}");
        assert_eq!(
            later.total_remaining_ms, before.total_remaining_ms,
            "{label}: the time done is kept"
        );
        // Nothing more happens to an ended session but a new start.
        for event in [
            Event::Tick {
                now_ms: end_at + 61.0 * MINUTE,
            },
            Event::End {
                now_ms: end_at + 61.0 * MINUTE,
            },
            Event::Skip {
                now_ms: end_at + 61.0 * MINUTE,
            },
            Event::Pause {
                now_ms: end_at + 61.0 * MINUTE,
            },
        ] {
            let (same, cues) = ended.apply(event);
            assert_eq!(
                (same.snapshot(end_at).phase, cues),
                (Phase::Ended, vec![]),
                "{event:?}"
            );
        }
        let (again, cues) = ended.apply(Event::Start {
            now_ms: end_at + 62.0 * MINUTE,
        });
        assert_eq!(cues, [Cue::GetReady { seconds_left: 3 }]);
        assert!(again.is_in_progress());
    }
    // End is not "Stop, this hurts": before a start, or after the finish, it does nothing.
    let ready = Session::new(plan);
    let (still_ready, cues) = ready.apply(Event::End { now_ms: T0 });
    assert_eq!(
        (still_ready.snapshot(T0).phase, cues),
        (Phase::Ready, vec![])
    );
    let (finished, _) = started(plan, T0).0.apply(Event::Tick {
        now_ms: T0 + 60.0 * MINUTE,
    });
    let (after, cues) = finished.apply(Event::End {
        now_ms: T0 + 61.0 * MINUTE,
    });
    assert_eq!((after.snapshot(T0).phase, cues), (Phase::Finished, vec![]));
}

#[test]
fn prompts_passed_while_hidden_are_neither_said_late_nor_counted_as_missed() {
    // Lean back, 15 minutes: "halfway" at 7:30 of massage time stands on its own.
    let plan = plan("body-massager", 15, Some("lean-back")).expect("plan");
    assert_eq!(
        plan.prompts,
        [
            (450_000, massage_guide_core::timer::Prompt::Halfway),
            (840_000, massage_guide_core::timer::Prompt::OneMinuteLeft)
        ]
    );
    let (session, _) = started(plan, T0);
    let massage = T0 + 3_000.0;
    let session = session
        .apply(Event::Tick {
            now_ms: massage + 440_000.0,
        })
        .0;
    // On time (within the late limit): said.
    let (_, cues) = session.apply(Event::Tick {
        now_ms: massage + 450_000.0 + LATE_CUE_LIMIT_MS as f64,
    });
    assert_eq!(
        cues,
        [Cue::Prompt(massage_guide_core::timer::Prompt::Halfway)]
    );
    // Too late: nothing, and no "missed" either (it was not a step change).
    let (_, cues) = session.apply(Event::Tick {
        now_ms: massage + 450_000.0 + LATE_CUE_LIMIT_MS as f64 + 1.0,
    });
    assert_eq!(cues, []);
}
