//! Screen-reader announcements (step changes and minute marks, never every second) and the
//! `m:ss` display.

mod timer_common;

use massage_guide_core::timer::{
    announcement, format_mm_ss, plan, Announcement, Event, Session, Snapshot,
};
use timer_common::{all_plans, label, started, step_start_on_timeline, T0};

/// Runs a whole session with a tick every `every_ms` and collects the announcements made
/// between consecutive snapshots.
fn announcements_of_a_run(session: Session, every_ms: f64) -> Vec<Announcement> {
    let mut said = Vec::new();
    let mut prev: Snapshot = session.snapshot(T0);
    let (mut session, _) = session.apply(Event::Start { now_ms: T0 });
    let mut now = T0;
    loop {
        let next = session.snapshot(now);
        said.extend(announcement(&prev, &next));
        prev = next;
        if !session.is_in_progress() {
            return said;
        }
        now += every_ms;
        session = session.apply(Event::Tick { now_ms: now }).0;
    }
}

#[test]
fn an_uninterrupted_run_announces_only_step_changes_and_minute_marks() {
    for plan in all_plans() {
        for every_ms in [100.0, 250.0, 1000.0] {
            let said = announcements_of_a_run(Session::new(plan), every_ms);

            // What we expect, by position in the massage time: each step start (carrying the
            // minutes left when a whole minute falls on it) and each other whole minute left.
            let mut timeline: Vec<(u64, Announcement)> = Vec::new();
            for (index, planned) in plan.steps.iter().enumerate() {
                let at = step_start_on_timeline(&plan, index) - 3000;
                let left = plan.total_ms() - at;
                let minute_mark = at > 0 && left.is_multiple_of(60_000);
                timeline.push((
                    at,
                    Announcement::Step {
                        number: index + 1,
                        count: plan.steps.len(),
                        title: planned.title,
                        minutes_left: minute_mark.then_some((left / 60_000) as u32),
                    },
                ));
            }
            for minutes in 1..plan.minutes {
                let at = plan.total_ms() - u64::from(minutes) * 60_000;
                if !timeline.iter().any(|(step_at, _)| *step_at == at) {
                    timeline.push((at, Announcement::MinutesLeft { minutes }));
                }
            }
            timeline.sort_by_key(|(at, _)| *at);
            let mut expected = vec![Announcement::GetReady { seconds: 3 }];
            expected.extend(timeline.into_iter().map(|(_, said)| said));
            expected.push(Announcement::Finished);
            assert_eq!(said, expected, "{} every {every_ms} ms", label(&plan));
        }
    }
}

#[test]
fn announcement_counts_for_hands_five_minutes() {
    let said = announcements_of_a_run(Session::new(plan("hands", 5, None).expect("plan")), 250.0);
    let steps = said
        .iter()
        .filter(|a| matches!(a, Announcement::Step { .. }))
        .count();
    let minutes = said
        .iter()
        .filter(|a| matches!(a, Announcement::MinutesLeft { .. }))
        .count();
    let with_minutes = said
        .iter()
        .filter(|a| {
            matches!(
                a,
                Announcement::Step {
                    minutes_left: Some(_),
                    ..
                }
            )
        })
        .count();
    // Steps start at 0:00, 0:30, 0:45, 1:45, 2:00, 3:00, 3:15, 4:15 of the massage: the
    // 3:00-left and 2:00-left marks fall on a step start, 4:00 and 1:00 left do not.
    assert_eq!((steps, minutes, with_minutes, said.len()), (8, 2, 2, 12));
}

#[test]
fn pause_resume_and_stop_are_announced_once() {
    let plan = plan("hands", 3, None).expect("plan");
    let (session, _) = started(plan, T0);
    let running = session.snapshot(T0 + 5000.0);
    let (paused_session, _) = session.apply(Event::Pause {
        now_ms: T0 + 5000.0,
    });
    let paused = paused_session.snapshot(T0 + 5000.0);
    assert_eq!(announcement(&running, &paused), Some(Announcement::Paused));
    // Minutes pass while paused: silence.
    assert_eq!(
        announcement(&paused, &paused_session.snapshot(T0 + 600_000.0)),
        None
    );
    let (resumed_session, _) = paused_session.apply(Event::Resume {
        now_ms: T0 + 600_000.0,
    });
    let resumed = resumed_session.snapshot(T0 + 600_000.0);
    assert_eq!(announcement(&paused, &resumed), Some(Announcement::Resumed));
    let (stopped_session, _) = resumed_session.apply(Event::StopHurts {
        now_ms: T0 + 600_500.0,
    });
    let stopped = stopped_session.snapshot(T0 + 600_500.0);
    assert_eq!(
        announcement(&resumed, &stopped),
        Some(Announcement::Stopped)
    );
    assert_eq!(
        announcement(&stopped, &stopped_session.snapshot(T0 + 700_000.0)),
        None
    );
}

#[test]
fn a_jump_announces_where_we_landed_once() {
    let plan = plan("body-massager", 15, Some("lean-back")).expect("plan");
    let (session, _) = started(plan, T0);
    let before = session.snapshot(T0 + 60_000.0);
    let after = session.snapshot(T0 + 7.0 * 60_000.0);
    assert_eq!(
        announcement(&before, &after),
        // 8:03 left on the clock: the minute marks crossed on the way are said as "8 minutes".
        // The third relax (after the moves to the right, and lower on the right).
        Some(Announcement::Step {
            number: 6,
            count: 14,
            title: "Relax",
            minutes_left: Some(8)
        })
    );
    // Within one step, from 13:50 left to 12:20 left.
    let in_step = session.snapshot(T0 + 3_000.0 + 70_000.0);
    let later_in_step = session.snapshot(T0 + 3_000.0 + 160_000.0);
    assert_eq!((in_step.step_index, later_in_step.step_index), (1, 1));
    assert_eq!(
        announcement(&in_step, &later_in_step),
        Some(Announcement::MinutesLeft { minutes: 12 })
    );
    let near_the_end = session.snapshot(T0 + 3_000.0 + 14.0 * 60_000.0 + 50_000.0);
    let earlier = session.snapshot(T0 + 3_000.0 + 13.0 * 60_000.0 + 50_000.0);
    assert_eq!(
        announcement(&earlier, &near_the_end),
        Some(Announcement::MinutesLeft { minutes: 1 })
    );
    let finished = session.snapshot(T0 + 60.0 * 60_000.0);
    assert_eq!(
        announcement(&before, &finished),
        Some(Announcement::Finished)
    );
}

#[test]
fn the_same_snapshot_twice_says_nothing() {
    for plan in all_plans() {
        let (session, _) = started(plan, T0);
        for ms in (0..plan.total_ms() + 3000).step_by(997) {
            let view = session.snapshot(T0 + ms as f64);
            assert_eq!(announcement(&view, &view), None);
        }
    }
}

#[test]
fn announcement_texts() {
    let cases = [
        (
            Announcement::GetReady { seconds: 3 },
            "Get ready: starting in 3 seconds.",
        ),
        (
            Announcement::Step {
                number: 2,
                count: 6,
                title: "Get into position",
                minutes_left: None,
            },
            "Step 2 of 6: Get into position.",
        ),
        (
            Announcement::Step {
                number: 3,
                count: 6,
                title: "Left side",
                minutes_left: Some(4),
            },
            "Step 3 of 6: Left side. 4 minutes left.",
        ),
        (Announcement::MinutesLeft { minutes: 1 }, "1 minute left."),
        (
            Announcement::MinutesLeft { minutes: 12 },
            "12 minutes left.",
        ),
        (Announcement::Paused, "Paused."),
        (Announcement::Resumed, "Resumed."),
        (Announcement::Finished, "Routine finished. Well done."),
        (Announcement::Stopped, "Stopped."),
    ];
    for (announcement, text) in cases {
        assert_eq!(announcement.text(), text);
    }
}

#[test]
fn format_mm_ss_rounds_up_to_whole_seconds() {
    let cases = [
        (0, "0:00"),
        (1, "0:01"),
        (999, "0:01"),
        (1_000, "0:01"),
        (1_001, "0:02"),
        (9_001, "0:10"),
        (59_001, "1:00"),
        (60_000, "1:00"),
        (60_001, "1:01"),
        (299_999, "5:00"),
        (600_000, "10:00"),
        (899_001, "15:00"),
        (3_600_000, "60:00"),
    ];
    for (ms, text) in cases {
        assert_eq!(format_mm_ss(ms), text, "{ms} ms");
    }
}

#[test]
fn the_display_never_reads_zero_while_time_remains() {
    for ms in 1..=5_000 {
        assert_ne!(format_mm_ss(ms), "0:00");
    }
}

#[test]
fn decimal_writes_numbers_without_format() {
    use massage_guide_core::timer::decimal;
    assert_eq!(decimal(0), "0");
    assert_eq!(decimal(15), "15");
    assert_eq!(decimal(1_700_000_000_123), "1700000000123");
}
