//! The routines data (content/routines.toml as generated at build time): what is on offer,
//! that every concrete plan adds up, names its spots, relaxes between moves, never leaves
//! more than two minutes without a sounded cue, and that its copy agrees with itself.

mod timer_common;

use massage_guide_core::timer::{
    end_advice, finish_advice, plan, routines, safety_lines, spoken, stop_advice, Cue, CueKind,
    Level, Plan, Prompt, Side, GET_READY_MS, MAX_CUE_GAP_MS,
};
use timer_common::{all_plans, expected_cues, label, step_start_on_timeline};

/// The four named spots the massager routines cycle through after their first spot.
const SPOT_CYCLE: [&str; 4] = [
    "Right side",
    "Slightly lower",
    "Left side",
    "Slightly higher",
];

fn titles(plan: &Plan) -> Vec<&'static str> {
    plan.steps.iter().map(|s| s.title).collect()
}

fn seconds(plan: &Plan) -> Vec<u64> {
    plan.steps.iter().map(|s| s.duration_ms / 1000).collect()
}

/// The massage-time offsets (ms) of every sounded cue: sounded step starts, prompts, the end.
fn sounded_cues(plan: &Plan) -> Vec<u64> {
    expected_cues(plan)
        .into_iter()
        .filter(|(_, cue)| {
            matches!(
                cue,
                Cue::StepStarted {
                    kind: CueKind::Step | CueKind::MoveSpot,
                    ..
                } | Cue::Prompt(_)
                    | Cue::Finished
            )
        })
        .map(|(at, _)| at - GET_READY_MS)
        .collect()
}

#[test]
fn the_two_routines_with_their_lengths_and_modes() {
    let ids: Vec<&str> = routines().iter().map(|r| r.id).collect();
    assert_eq!(ids, ["hands", "body-massager"]);

    let hands = &routines()[0];
    assert_eq!(hands.lengths_min, [3, 5, 10]);
    let modes: Vec<&str> = hands.modes.iter().map(|m| m.id).collect();
    assert_eq!(modes, ["standing", "seated"], "a seated variant");

    let massager = &routines()[1];
    assert_eq!(massager.lengths_min, [5, 10, 15]);
    let modes: Vec<&str> = massager.modes.iter().map(|m| m.id).collect();
    assert_eq!(modes, ["lean-back", "float"]);
}

#[test]
fn every_plan_adds_up_to_its_length_exactly() {
    let plans = all_plans();
    assert_eq!(plans.len(), 4 * 3);
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
fn no_plan_leaves_more_than_two_minutes_between_sounded_cues() {
    assert_eq!(MAX_CUE_GAP_MS, 120_000);
    for plan in all_plans() {
        let cues = sounded_cues(&plan);
        assert_eq!(
            cues.first(),
            Some(&0),
            "{}: the first step sounds",
            label(&plan)
        );
        assert_eq!(cues.last(), Some(&plan.total_ms()));
        let widest = cues.windows(2).map(|w| w[1] - w[0]).max().unwrap_or(0);
        assert!(
            widest <= MAX_CUE_GAP_MS,
            "{}: {widest} ms without a sounded cue ({cues:?})",
            label(&plan)
        );
    }
}

#[test]
fn float_mode_cues_every_one_to_two_minutes() {
    for minutes in [5, 10, 15] {
        let plan = plan("body-massager", minutes, Some("float")).expect("plan");
        // After set up, each spot lasts 90 s; a short last piece joins the one before.
        let spots = &seconds(&plan)[1..];
        assert!(
            spots.iter().all(|&s| (60..=120).contains(&s)),
            "{minutes} min: {spots:?}"
        );
        let steps: Vec<u64> = (1..=plan.steps.len())
            .map(|i| step_start_on_timeline(&plan, i) - GET_READY_MS)
            .collect();
        let gaps: Vec<u64> = steps.windows(2).map(|w| w[1] - w[0]).collect();
        assert!(
            gaps.iter().all(|&g| (60_000..=120_000).contains(&g)),
            "{gaps:?}"
        );
    }
    // The 15-minute float: set up, then a named spot every 90 s (the last one 2 min).
    let fifteen = plan("body-massager", 15, Some("float")).expect("plan");
    assert_eq!(seconds(&fifteen), [60, 90, 90, 90, 90, 90, 90, 90, 90, 120]);
    let mut expected = vec!["Set up", "Left side"];
    expected.extend(SPOT_CYCLE.iter().cycle().take(8));
    assert_eq!(titles(&fifteen), expected);
    assert!(fifteen.steps[1..]
        .iter()
        .all(|s| s.instruction.contains("Float") || s.instruction.contains("float")));
}

#[test]
fn halfway_and_one_minute_left_fall_where_they_say() {
    for plan in all_plans() {
        let total = plan.total_ms();
        // Each prompt is either a cue of its own or said with a step start within 5 s.
        let mut said: Vec<(u64, Prompt)> = plan.prompts.to_vec();
        for (index, step) in plan.steps.iter().enumerate() {
            if let Some(prompt) = step.prompt {
                assert_ne!(
                    step.cue,
                    CueKind::Quiet,
                    "{}: merged into a quiet step",
                    label(&plan)
                );
                said.push((step_start_on_timeline(&plan, index) - GET_READY_MS, prompt));
            }
        }
        said.sort_by_key(|&(at, _)| at);
        let kinds: Vec<Prompt> = said.iter().map(|&(_, p)| p).collect();
        assert_eq!(
            kinds,
            [Prompt::Halfway, Prompt::OneMinuteLeft],
            "{}",
            label(&plan)
        );
        assert!(
            said[0].0.abs_diff(total / 2) <= 5_000,
            "{}: {said:?}",
            label(&plan)
        );
        assert!(
            said[1].0.abs_diff(total - 60_000) <= 5_000,
            "{}: {said:?}",
            label(&plan)
        );
    }
}

#[test]
fn massager_lean_back_names_each_spot_and_relaxes_between_moves() {
    for (minutes, moves) in [(5, 1), (10, 4), (15, 6)] {
        let plan = plan("body-massager", minutes, Some("lean-back")).expect("plan");
        let mut expected = vec!["Set up", "Lean back and relax"];
        for title in SPOT_CYCLE.iter().cycle().take(moves) {
            expected.extend([*title, "Relax"]);
        }
        assert_eq!(titles(&plan), expected, "{minutes} min");
        assert!(!titles(&plan).contains(&"Move to a new spot"));
        for pair in plan.steps[2..].chunks(2) {
            let (step_move, relax) = (&pair[0], &pair[1]);
            assert_eq!(
                (step_move.cue, step_move.duration_ms),
                (CueKind::MoveSpot, 15_000)
            );
            assert_eq!(
                relax.cue,
                CueKind::Quiet,
                "the relax after a move makes no sound"
            );
            assert_eq!(
                relax.spot, step_move.spot,
                "the relax stays on the spot moved to"
            );
            assert!(step_move.spot.is_some());
        }
        // A move every 2 minutes after the first relax (the last segment may be shorter).
        let move_starts: Vec<u64> = (2..plan.steps.len())
            .step_by(2)
            .map(|i| step_start_on_timeline(&plan, i) - GET_READY_MS)
            .collect();
        assert!(
            move_starts.windows(2).all(|w| w[1] - w[0] == 120_000),
            "{move_starts:?}"
        );
        assert_eq!(move_starts.first(), Some(&180_000));
    }
    let setup = plan("body-massager", 5, None).expect("default mode").steps[0].instruction;
    for words in [
        "high back",
        "lowest setting",
        "lower back",
        "left of your spine",
    ] {
        assert!(setup.contains(words), "{words:?} in {setup:?}");
    }
}

#[test]
fn spots_match_the_titles() {
    for plan in all_plans() {
        for step in plan.steps {
            let spot = step.spot;
            let side = |side| spot.is_some_and(|s| s.side == side);
            let level = |level| spot.is_some_and(|s| s.level == level);
            match step.title {
                "Left side" => assert!(side(Side::Left), "{}: {step:?}", label(&plan)),
                "Right side" => assert!(side(Side::Right), "{}: {step:?}", label(&plan)),
                "Slightly lower" => assert!(level(Level::Lower), "{}: {step:?}", label(&plan)),
                "Slightly higher" => {
                    assert!(level(Level::Middle) || level(Level::Higher), "{step:?}")
                }
                "Loosen your shoulders"
                | "Get into position"
                | "Rest your arms"
                | "Relax and breathe" => assert_eq!(spot, None, "{step:?}"),
                _ => {}
            }
            if let Some(spot) = spot {
                // The instruction never names the other side than the figure shows.
                let words: Vec<&str> = step
                    .instruction
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .collect();
                let other = match spot.side {
                    Side::Left => Some("right"),
                    Side::Right => Some("left"),
                    Side::Both => None,
                };
                assert!(
                    other.is_none_or(|other| !words.contains(&other)),
                    "{}: {step:?}",
                    label(&plan)
                );
            }
        }
    }
}

#[test]
fn hands_standing_gives_the_arms_breaks_and_scales_with_the_length() {
    let expected = [
        "Loosen your shoulders",
        "Get into position",
        "Left side",
        "Rest your arms",
        "Right side",
        "Rest your arms",
        "Slightly lower",
        "Relax and breathe",
    ];
    for minutes in [3, 5, 10] {
        let plan = plan("hands", minutes, Some("standing")).expect("plan");
        assert_eq!(titles(&plan), expected);
        assert!(plan.steps.iter().all(|s| s.cue == CueKind::Step));
        // Shares 10/5/20/5/20/5/20/15 % of the chosen length.
        let total = u64::from(minutes) * 60;
        let shares = [10, 5, 20, 5, 20, 5, 20, 15];
        let expected: Vec<u64> = shares.iter().map(|p| total * p / 100).collect();
        assert_eq!(seconds(&plan), expected, "{minutes} min");
        // Hands behind the back (position and the three massage steps): 65 % of the time,
        // never more than 2 minutes in a row.
        let behind: u64 = [1, 2, 4, 6]
            .iter()
            .map(|&i| plan.steps[i].duration_ms)
            .sum();
        assert_eq!(behind * 100 / plan.total_ms(), 65);
        assert!(plan.steps.iter().all(|s| s.duration_ms <= 120_000));
    }
    let position = plan("hands", 3, None).expect("plan").steps[1].instruction;
    for words in ["straight", "behind", "lower back", "elbows slightly bent"] {
        assert!(position.contains(words), "{words:?} in {position:?}");
    }
    let lower = plan("hands", 3, None).expect("plan").steps[6].instruction;
    assert!(lower.contains("one hand over the other") && lower.contains("comfortable"));
}

#[test]
fn hands_seated_uses_a_chair_or_a_ball_against_a_wall() {
    let hands = &routines()[0];
    let seated = &hands.modes[1];
    for words in ["chair", "tennis ball", "wall"] {
        assert!(
            seated.description.contains(words),
            "{words:?} in {:?}",
            seated.description
        );
    }
    for minutes in [3, 5, 10] {
        let plan = plan("hands", minutes, Some("seated")).expect("plan");
        let text: String = plan.steps.iter().map(|s| s.instruction).collect();
        assert!(text.contains("chair") && text.contains("wall") && text.contains("arms rest"));
        assert!(plan.steps.iter().all(|s| s.duration_ms <= 120_000));
        assert_eq!(
            plan.steps.iter().filter(|s| s.spot.is_some()).count(),
            5,
            "set up, left, lower left, right, lower right"
        );
    }
}

#[test]
fn copy_is_consistent_about_pressure_and_posture() {
    // No always-visible "low pressure" against a step that presses harder: the safety line
    // and every step speak of comfortable pressure.
    let lines = safety_lines();
    assert!(!lines
        .iter()
        .any(|l| l.to_lowercase().contains("low pressure")));
    assert!(lines.iter().any(|l| l.contains("Comfortable pressure")));
    for plan in all_plans() {
        for step in plan.steps {
            let text = step.instruction.to_lowercase();
            if text.contains("more pressure") || text.contains("as firm") {
                assert!(text.contains("comfortable"), "{}: {text}", label(&plan));
            }
            assert!(!text.contains("harder"), "{text}");
        }
    }
    // What to do after the routine fits its posture: no "stand up" after standing.
    for routine in routines() {
        for mode in routine.modes {
            let after = mode.after.to_lowercase();
            assert!(!after.contains("stand up"), "{}: {after}", mode.id);
            let standing = mode.id == "standing";
            let sitting = mode.id == "seated" || mode.id == "lean-back";
            assert_eq!(
                after.contains("get up slowly"),
                sitting,
                "{}: {after}",
                mode.id
            );
            if standing {
                assert!(after.contains("arms"), "{after}");
            }
        }
    }
    let finish = finish_advice();
    assert!(!finish.lines.iter().any(|l| l.contains("Stand up slowly")));
}

#[test]
fn the_voice_says_each_step_name_and_a_short_instruction() {
    for plan in all_plans() {
        for (index, step) in plan.steps.iter().enumerate() {
            assert!(
                step.say.len() <= 90 && step.say.ends_with('.'),
                "{:?}",
                step.say
            );
            let text = spoken(
                &plan,
                Cue::StepStarted {
                    step_index: index,
                    kind: step.cue,
                },
            )
            .expect("every step is spoken");
            let core = [step.title, ". ", step.say].concat();
            match step.prompt {
                None => assert_eq!(text, core),
                Some(Prompt::Halfway) => assert_eq!(text, ["Halfway. ", &core].concat()),
                Some(Prompt::OneMinuteLeft) => {
                    assert_eq!(text, ["One minute left. ", &core].concat())
                }
            }
        }
        assert_eq!(
            spoken(&plan, Cue::Prompt(Prompt::Halfway)).as_deref(),
            Some("Halfway.")
        );
        assert_eq!(
            spoken(&plan, Cue::Prompt(Prompt::OneMinuteLeft)).as_deref(),
            Some("One minute left.")
        );
        assert!(spoken(&plan, Cue::Finished).is_some_and(|t| t.contains("end of the routine")));
        assert_eq!(
            spoken(&plan, Cue::GetReady { seconds_left: 3 }).as_deref(),
            Some("Get ready.")
        );
        for silent in [
            Cue::GetReady { seconds_left: 2 },
            Cue::Missed { count: 2 },
            Cue::Stopped,
            Cue::Ended,
        ] {
            assert_eq!(spoken(&plan, silent), None, "{silent:?}");
        }
    }
}

#[test]
fn unknown_routine_mode_or_length_gives_no_plan() {
    assert!(plan("feet", 5, None).is_none());
    assert!(plan("hands", 4, None).is_none());
    assert!(plan("hands", 15, None).is_none());
    assert!(plan("hands", 5, Some("guided")).is_none(), "renamed in v2");
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
    assert_eq!(plan("hands", 5, None).expect("plan").mode.id, "standing");
}

#[test]
fn safety_lines_and_advice_are_in_the_data() {
    let lines = safety_lines();
    assert_eq!(lines.len(), 3);
    assert!(lines[0].contains("Beside the spine, never on it"));
    assert!(
        lines[2].contains("pain sharpens")
            && lines[2].contains("tingling")
            && lines[2].contains("numbness")
    );

    let stop = stop_advice();
    assert!(!stop.title.is_empty() && !stop.lines.is_empty());
    assert!(stop.lines.iter().any(|l| l.contains("doctor")));
    // The emergency signs, around the number the element is given.
    assert_eq!(stop.call_label, ("Call ", ""));
    assert!(stop.emergency_title.0.starts_with("Call ") && !stop.emergency_title.1.is_empty());
    let signs = stop.emergency_signs.join(" | ");
    for words in [
        "both legs",
        "genitals",
        "bladder or bowels",
        "Chest pain",
        "accident",
    ] {
        assert!(signs.contains(words), "{words:?} in {signs}");
    }
    assert!(stop.check_label.contains("safety check"));

    let finish = finish_advice();
    assert_eq!(finish.how_title, "How often and how long");
    let how = finish.lines.join(" ");
    for words in [
        "How long",
        "How often",
        "once a day",
        "ten sessions",
        "few weeks",
    ] {
        assert!(how.contains(words), "{words:?} in {how}");
    }
    assert!(finish.exercise_lead.contains("stretching") && finish.exercise_lead.contains("core"));
    assert!(!end_advice().title.is_empty() && !end_advice().lines.is_empty());
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
