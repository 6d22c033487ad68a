//! The routines data (content/routines.toml as generated at build time): what is on offer and
//! that every concrete plan adds up.

mod timer_common;

use massage_guide_core::timer::{
    finish_advice, plan, routines, safety_lines, stop_advice, CueKind, GET_READY_MS,
};
use timer_common::{all_plans, label};

#[test]
fn the_two_routines_with_their_lengths_and_modes() {
    let ids: Vec<&str> = routines().iter().map(|r| r.id).collect();
    assert_eq!(ids, ["hands", "body-massager"]);

    let hands = &routines()[0];
    assert_eq!(hands.lengths_min, [3, 5, 10]);
    assert_eq!(hands.modes.len(), 1);

    let massager = &routines()[1];
    assert_eq!(massager.lengths_min, [5, 10, 15]);
    let modes: Vec<&str> = massager.modes.iter().map(|m| m.id).collect();
    assert_eq!(modes, ["lean-back", "float"]);
}

#[test]
fn every_plan_adds_up_to_its_length_exactly() {
    let plans = all_plans();
    assert_eq!(plans.len(), 3 + 3 + 3);
    for plan in plans {
        let sum: u64 = plan.steps.iter().map(|s| s.duration_ms).sum();
        assert_eq!(sum, u64::from(plan.minutes) * 60_000, "{}", label(&plan));
        assert_eq!(plan.total_ms(), sum);
        for step in plan.steps {
            assert!(
                step.duration_ms >= 1000,
                "{}: {:?}",
                label(&plan),
                step.title
            );
            assert!(step.duration_ms.is_multiple_of(1000), "whole seconds");
            assert!(!step.title.is_empty() && !step.instruction.is_empty());
        }
    }
}

#[test]
fn hands_steps_follow_the_article_and_scale_with_the_length() {
    let titles = [
        "Loosen your shoulders",
        "Get into position",
        "Left side",
        "Switch sides",
        "Right side",
        "Both sides",
    ];
    for minutes in [3, 5, 10] {
        let plan = plan("hands", minutes, None).expect("hands plan");
        let got: Vec<&str> = plan.steps.iter().map(|s| s.title).collect();
        assert_eq!(got, titles);
        assert!(plan.steps.iter().all(|s| s.cue == CueKind::Step));
        // Shares 10/10/25/5/25/25 % of the chosen length.
        let seconds: Vec<u64> = plan.steps.iter().map(|s| s.duration_ms / 1000).collect();
        let total = u64::from(minutes) * 60;
        assert_eq!(
            seconds,
            [
                total / 10,
                total / 10,
                total / 4,
                total / 20,
                total / 4,
                total / 4
            ]
        );
    }
    let position = plan("hands", 3, None).expect("plan").steps[1].instruction;
    for words in ["straight", "behind", "lower back", "elbows slightly bent"] {
        assert!(position.contains(words), "{words:?} in {position:?}");
    }
    let both = plan("hands", 3, None).expect("plan").steps[5].instruction;
    assert!(both.contains("one hand over the other"));
}

#[test]
fn massager_lean_back_moves_to_a_new_spot_every_two_minutes() {
    for (minutes, expected_seconds) in [
        (5, vec![60, 120, 120]),
        (10, vec![60, 120, 120, 120, 120, 60]),
        (15, vec![60, 120, 120, 120, 120, 120, 120, 120]),
    ] {
        let plan = plan("body-massager", minutes, Some("lean-back")).expect("plan");
        let seconds: Vec<u64> = plan.steps.iter().map(|s| s.duration_ms / 1000).collect();
        assert_eq!(seconds, expected_seconds, "{minutes} min");
        assert_eq!(plan.steps[0].title, "Set up");
        assert_eq!(plan.steps[1].title, "Lean back and relax");
        assert_eq!(plan.steps[1].cue, CueKind::Step);
        for later in &plan.steps[2..] {
            assert_eq!(later.title, "Move to a new spot");
            assert_eq!(later.cue, CueKind::MoveSpot);
        }
    }
    let setup = plan("body-massager", 5, None).expect("default mode").steps[0].instruction;
    for words in ["high back", "low-pressure", "lower back"] {
        assert!(setup.contains(words), "{words:?} in {setup:?}");
    }
}

#[test]
fn massager_float_mode_is_one_long_step_after_set_up() {
    for minutes in [5, 10, 15] {
        let plan = plan("body-massager", minutes, Some("float")).expect("plan");
        assert_eq!(plan.steps.len(), 2);
        assert_eq!(
            plan.steps[1].duration_ms,
            u64::from(minutes) * 60_000 - 60_000
        );
        assert!(plan.steps[1].instruction.contains("Float"));
    }
}

#[test]
fn unknown_routine_mode_or_length_gives_no_plan() {
    assert!(plan("feet", 5, None).is_none());
    assert!(plan("hands", 4, None).is_none());
    assert!(plan("hands", 15, None).is_none());
    assert!(plan("body-massager", 3, None).is_none());
    assert!(plan("body-massager", 5, Some("hover")).is_none());
    assert!(plan("hands", 5, Some("float")).is_none());
    assert!(plan("", 0, Some("")).is_none());
}

#[test]
fn default_mode_is_the_first_one() {
    let default = plan("body-massager", 10, None).expect("plan");
    assert_eq!(default.mode.id, "lean-back");
    assert_eq!(
        default,
        plan("body-massager", 10, Some("lean-back")).expect("plan")
    );
}

#[test]
fn safety_lines_and_advice_are_in_the_data() {
    let lines = safety_lines();
    assert_eq!(lines.len(), 3);
    assert!(lines[0].contains("Beside the spine, never on it"));
    assert!(lines[1].contains("Low pressure"));
    assert!(
        lines[2].contains("pain sharpens")
            && lines[2].contains("tingling")
            && lines[2].contains("numbness")
    );

    let stop = stop_advice();
    assert!(!stop.title.is_empty() && !stop.lines.is_empty());
    assert!(stop.lines.iter().any(|l| l.contains("doctor")));

    let finish = finish_advice();
    assert!(finish
        .lines
        .iter()
        .any(|l| l.contains("stretching") && l.contains("core-stabilizing")));
}

#[test]
fn countdown_is_three_seconds() {
    assert_eq!(GET_READY_MS, 3_000);
}

#[test]
fn ids_are_safe_for_the_saved_session_format() {
    for routine in routines() {
        for id in std::iter::once(routine.id).chain(routine.modes.iter().map(|m| m.id)) {
            assert!(
                id.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{id}"
            );
        }
    }
}
