//! The quiz state machine (screens, skipping, None-of-these, Back, Edit, Restart/Forget) and
//! its saved form (encode/decode round trips, garbage rejected without a panic).

mod triage_common;

use massage_guide_core::triage::{
    questions, Action, Answers, DecodeError, Outcome, QuestionKind, Quiz, Step,
};
use std::collections::HashSet;
use triage_common::*;

/// Applies actions in order.
fn run(mut quiz: Quiz, actions: &[Action]) -> Quiz {
    for &a in actions {
        quiz = quiz.apply(a);
    }
    quiz
}

fn pick(question: &str, choice: &str) -> Action {
    click(q(question), c(question, choice))
}

/// From the start, answers `pairs` question by question (pressing Next after each).
fn answer_through(pairs: &[(&str, &[&str])]) -> Quiz {
    let mut quiz = Quiz::new().apply(Action::Start);
    for (question, choices) in pairs {
        assert_eq!(
            quiz.step(),
            Step::Question(q(question)),
            "expected to be asked {question}"
        );
        for choice in *choices {
            quiz = quiz.apply(pick(question, choice));
        }
        quiz = quiz.apply(Action::Next);
    }
    quiz
}

#[test]
fn the_intro_leads_to_the_first_question() {
    let quiz = Quiz::new();
    assert_eq!(quiz.step(), Step::Intro);
    assert!(quiz.can_go_next() && !quiz.can_go_back());
    assert_eq!(quiz.step_number(), None);
    let quiz = quiz.apply(Action::Start);
    assert_eq!(quiz.step(), Step::Question(0));
    assert_eq!(
        (quiz.step_number(), quiz.step_count()),
        (Some(1), questions().len())
    );
    assert!(!quiz.can_go_next(), "a question needs an answer");
    assert_eq!(
        quiz.apply(Action::Next),
        quiz,
        "Next without an answer does nothing"
    );
    assert_eq!(Quiz::new().apply(Action::Next).step(), Step::Question(0));
}

#[test]
fn every_emergency_sign_ends_the_quiz_at_once() {
    let emergency = &questions()[q("emergency")];
    for choice in emergency.options.iter().filter(|c| c.id != "none") {
        let quiz = answer_through(&[("age", &["20-to-50"])]).apply(pick("emergency", choice.id));
        assert_eq!(
            (quiz.step_number(), quiz.step_count()),
            (Some(2), 2),
            "Step 2 of 2 once {} is ticked",
            choice.id
        );
        let result = quiz.apply(Action::Next);
        assert_eq!(
            result.step(),
            Step::Result,
            "{}: Next goes straight to the result",
            choice.id
        );
        let verdict = result.verdict().unwrap();
        assert_eq!(verdict.outcome, Outcome::Emergency);
        assert_eq!(verdict.reasons.len(), 1);
        assert_eq!(verdict.reasons[0].choices[0].id, choice.id);
        assert!(verdict.also.is_empty());
        // Back from the result returns to the question that ended it, with the tick.
        let back = result.apply(Action::Back);
        assert_eq!(back.step(), Step::Question(q("emergency")));
        assert!(back
            .answers()
            .is_chosen(q("emergency"), c("emergency", choice.id)));
    }
}

#[test]
fn an_urgent_sign_skips_to_the_review() {
    let quiz = answer_through(&[("age", &["20-to-50"]), ("emergency", &["none"])])
        .apply(pick("urgent", "fever"));
    assert_eq!((quiz.step_number(), quiz.step_count()), (Some(3), 3));
    let review = quiz.apply(Action::Next);
    assert_eq!(review.step(), Step::Review);
    assert_eq!(review.asked(), vec![0, 1, 2]);
    let result = review.apply(Action::Next);
    assert_eq!(result.verdict().unwrap().outcome, Outcome::SeeDoctorFirst);
    assert_eq!(result.apply(Action::Back), review);
}

#[test]
fn answers_to_skipped_questions_are_kept_but_not_used() {
    let review = answer_through(FINE);
    let urgent = run(
        review,
        &[
            Action::Edit {
                question: q("urgent"),
            },
            pick("urgent", "fever"),
            Action::Next,
        ],
    );
    assert_eq!(urgent.step(), Step::Review);
    assert_eq!(urgent.step_count(), 3);
    let verdict = urgent.apply(Action::Next).verdict().unwrap();
    assert_eq!(verdict.outcome, Outcome::SeeDoctorFirst);
    assert!(verdict.reasons.iter().all(|r| r.question.id == "urgent"));
    // Unticking the sign brings the kept answers back.
    let back = run(
        urgent,
        &[
            Action::Edit {
                question: q("urgent"),
            },
            pick("urgent", "none"),
            Action::Next,
        ],
    );
    assert_eq!(back.step(), Step::Review);
    assert_eq!(*back.answers(), answers(FINE));
}

#[test]
fn under_16_is_asked_the_signs_and_how_long_only() {
    let quiz = answer_through(&[
        ("age", &["under-16"]),
        ("emergency", &["none"]),
        ("urgent", &["none"]),
        ("duration", &["over-12-weeks"]),
    ]);
    assert_eq!(quiz.step(), Step::Review);
    assert_eq!(quiz.step_count(), 4);
    assert_eq!(
        quiz.apply(Action::Next).verdict().unwrap().outcome,
        Outcome::AskADoctor
    );
}

#[test]
fn none_of_these_is_exclusive_and_an_answer_is_required() {
    let quiz = answer_through(&FINE[..1]);
    assert_eq!(quiz.step(), Step::Question(q("emergency")));
    assert!(!quiz.can_go_next());
    let quiz = run(
        quiz,
        &[
            pick("emergency", "chest-pain"),
            pick("emergency", "both-legs"),
        ],
    );
    assert_eq!(quiz.answers().chosen(q("emergency")).count(), 2);
    let quiz = quiz.apply(pick("emergency", "none"));
    assert_eq!(chosen_ids(quiz.answers(), "emergency"), Some(vec!["none"]));
    assert!(quiz.can_go_next());
    let quiz = quiz.apply(pick("emergency", "not-sure"));
    assert_eq!(
        chosen_ids(quiz.answers(), "emergency"),
        Some(vec!["not-sure"])
    );
    let quiz = quiz.apply(pick("emergency", "not-sure"));
    assert!(!quiz.answers().is_answered(q("emergency")) && !quiz.can_go_next());
    assert_eq!(quiz.apply(Action::Next), quiz);
    // A click meant for another question changes nothing.
    assert_eq!(quiz.apply(pick("urgent", "fever")), quiz);
    assert_eq!(
        quiz.apply(Action::Toggle {
            question: q("emergency"),
            choice: 99
        }),
        quiz
    );
    assert_eq!(
        quiz.apply(Action::Choose {
            question: 99,
            choice: 0
        }),
        quiz
    );
}

#[test]
fn back_keeps_answers_and_steps_count_up_and_down() {
    let review = answer_through(FINE);
    assert_eq!(review.step(), Step::Review);
    assert!(review.can_go_next());
    let expected = answers(FINE);
    let mut quiz = review;
    for n in (1..=questions().len()).rev() {
        quiz = quiz.apply(Action::Back);
        assert_eq!(quiz.step(), Step::Question(n - 1));
        assert_eq!(
            (quiz.step_number(), quiz.step_count()),
            (Some(n), questions().len())
        );
        assert_eq!(*quiz.answers(), expected);
        assert!(quiz.can_go_next(), "the kept answer lets the reader go on");
    }
    quiz = quiz.apply(Action::Back);
    assert_eq!(quiz.step(), Step::Intro);
    assert_eq!(*quiz.answers(), expected);
    assert_eq!(quiz.apply(Action::Back), quiz);
    // Forward again without touching anything: back at the review.
    for _ in 0..=questions().len() {
        quiz = quiz.apply(Action::Next);
    }
    assert_eq!(quiz, review);
}

#[test]
fn edit_from_the_review_returns_to_the_review() {
    let review = answer_through(FINE);
    let editing = review.apply(Action::Edit {
        question: q("severity"),
    });
    assert_eq!(editing.step(), Step::Question(q("severity")));
    assert!(editing.is_editing());
    let back_at_review = run(editing, &[pick("severity", "severe"), Action::Next]);
    assert_eq!(back_at_review.step(), Step::Review);
    assert!(!back_at_review.is_editing());
    assert_eq!(
        back_at_review
            .apply(Action::Next)
            .verdict()
            .unwrap()
            .outcome,
        Outcome::SeeDoctorSoon
    );
    // Back from the change screen also returns to the review.
    assert_eq!(editing.apply(Action::Back).step(), Step::Review);
    // Change links work from the result too, and not for unknown or skipped questions.
    let result = review.apply(Action::Next);
    assert_eq!(
        result.apply(Action::Edit { question: q("age") }).step(),
        Step::Question(0)
    );
    assert_eq!(result.apply(Action::Edit { question: 99 }), result);
    assert_eq!(Quiz::new().apply(Action::Edit { question: 0 }), Quiz::new());
}

#[test]
fn an_edit_that_opens_skipped_questions_asks_them_then_returns() {
    let urgent = answer_through(&[
        ("age", &["20-to-50"]),
        ("emergency", &["none"]),
        ("urgent", &["fever"]),
    ]);
    assert_eq!(urgent.step(), Step::Review);
    let mut quiz = run(
        urgent,
        &[
            Action::Edit {
                question: q("urgent"),
            },
            pick("urgent", "none"),
            Action::Next,
        ],
    );
    for (question, choices) in &FINE[3..] {
        assert_eq!(
            quiz.step(),
            Step::Question(q(question)),
            "the newly needed {question} is asked"
        );
        assert!(quiz.is_editing());
        for choice in *choices {
            quiz = quiz.apply(pick(question, choice));
        }
        quiz = quiz.apply(Action::Next);
    }
    assert_eq!(quiz.step(), Step::Review);
    assert_eq!(
        quiz.apply(Action::Next).verdict().unwrap().outcome,
        Outcome::MassageMayHelp
    );
}

#[test]
fn an_edit_to_an_emergency_sign_goes_straight_to_the_result() {
    let review = answer_through(FINE);
    let quiz = run(
        review,
        &[
            Action::Edit {
                question: q("emergency"),
            },
            pick("emergency", "chest-pain"),
            Action::Next,
        ],
    );
    assert_eq!(quiz.step(), Step::Result);
    assert_eq!(quiz.verdict().unwrap().outcome, Outcome::Emergency);
}

#[test]
fn restart_and_forget_clear_everything() {
    let result = answer_through(FINE).apply(Action::Next);
    assert_eq!(result.step(), Step::Result);
    assert!(!result.can_go_next());
    for action in [Action::Restart, Action::Forget] {
        let fresh = result.apply(action);
        assert_eq!(fresh, Quiz::new());
        assert_eq!(*fresh.answers(), Answers::EMPTY);
        assert_eq!(fresh.verdict(), None);
    }
    assert_eq!(
        answer_through(&FINE[..2]).apply(Action::Forget),
        Quiz::new()
    );
}

#[test]
fn the_state_is_small_and_copy() {
    fn is_copy<T: Copy>() {}
    is_copy::<Quiz>();
    is_copy::<Answers>();
    assert!(
        std::mem::size_of::<Quiz>() <= 40,
        "{}",
        std::mem::size_of::<Quiz>()
    );
}

// ---------------------------------------------------------------------------------------------
// Random walks: every state reached round-trips through encode/decode, and skipping is safe.

/// A random action, mostly sensible ones (clicks on the current question, Next, Back).
fn random_action(rng: &mut Rng, quiz: &Quiz) -> Action {
    let current = match quiz.step() {
        Step::Question(qi) => Some(qi),
        _ => None,
    };
    match rng.below(20) {
        0..=8 => match current {
            Some(qi) => click(qi, rng.below(questions()[qi].options.len())),
            None => Action::Next,
        },
        9..=12 => Action::Next,
        13..=15 => Action::Back,
        16 | 17 => Action::Edit {
            question: rng.below(questions().len() + 1),
        },
        18 => Action::Start,
        _ => match rng.below(6) {
            0 => Action::Restart,
            1 => Action::Forget,
            2 => Action::Toggle {
                question: rng.below(10),
                choice: rng.below(14),
            },
            3 => Action::Choose {
                question: rng.below(10),
                choice: rng.below(14),
            },
            _ => Action::Next,
        },
    }
}

/// Every state the walks reach, deduplicated.
fn reachable_sample() -> Vec<Quiz> {
    let mut rng = Rng::new(0xC0FFEE);
    let mut seen = HashSet::new();
    let mut states = Vec::new();
    for _ in 0..20_000 {
        let mut quiz = Quiz::new();
        for _ in 0..60 {
            quiz = quiz.apply(random_action(&mut rng, &quiz));
            if seen.insert(quiz) {
                states.push(quiz);
            }
        }
    }
    states
}

#[test]
fn every_reached_state_round_trips_and_keeps_its_invariants() {
    let states = reachable_sample();
    let mut results = 0;
    let mut completions = 0u64;
    let mut rng = Rng::new(42);
    for quiz in &states {
        let text = quiz.encode();
        assert!(
            text.starts_with("q1:")
                && text.is_ascii()
                && !text.contains(['\n', '\r'])
                && text.len() <= 60,
            "{text}"
        );
        assert_eq!(Quiz::decode(&text), Ok(*quiz), "{text}");
        if let Some(n) = quiz.step_number() {
            assert!(n >= 1 && n <= quiz.step_count());
        }
        assert_eq!(quiz.verdict().is_some(), quiz.step() == Step::Result);
        if let Some(verdict) = quiz.verdict() {
            results += 1;
            // Reasons name the reader's own answers (never an unanswered question).
            assert!(!verdict.reasons.is_empty());
            assert!(verdict
                .reasons
                .iter()
                .all(|r| !r.choices.is_empty() && quiz.asked().contains(&r.question_index)));
            // Skipping is safe: whatever the skipped questions' answers, the outcome on all
            // answers is the one shown. Also: the shown outcome matches the reference.
            let asked = quiz.asked();
            let mut kept = Answers::EMPTY;
            for &qi in &asked {
                kept.set_bits(qi, quiz.answers().bits(qi));
            }
            assert_eq!(verdict.outcome, reference_outcome(&kept));
            for _ in 0..30 {
                let mut filled = kept;
                for qi in (0..questions().len()).filter(|qi| !asked.contains(qi)) {
                    let values = match questions()[qi].kind {
                        QuestionKind::Single => single_values(qi, true),
                        QuestionKind::Multi => multi_rep_values(qi, true),
                    };
                    filled.set_bits(qi, rng.pick(&values));
                }
                assert_eq!(
                    reference_outcome(&filled),
                    verdict.outcome,
                    "a skipped question would have changed {kept:?} into {filled:?}"
                );
                completions += 1;
            }
        }
    }
    println!("{} distinct reachable states round-tripped; {results} results; {completions} completions of skipped questions checked", states.len());
    assert!(
        states.len() > 5_000 && results > 500,
        "{} {results}",
        states.len()
    );
}

#[test]
fn garbage_is_rejected_without_a_panic() {
    let valid = answer_through(FINE).encode();
    let fingerprint = valid.split(':').nth(1).unwrap().to_string();
    let with = |step: &str, answers: &str| format!("q1:{fingerprint}:{step}:{answers}");
    let zeros = vec!["0"; questions().len()].join(".");
    let fixed: Vec<(String, DecodeError)> = vec![
        (String::new(), DecodeError::Malformed),
        ("q1".into(), DecodeError::Malformed),
        ("q1:".into(), DecodeError::Malformed),
        ("hello world".into(), DecodeError::Malformed),
        (
            format!("q2:{fingerprint}:i:{zeros}"),
            DecodeError::OtherVersion,
        ),
        (format!("q1:00000000:i:{zeros}"), DecodeError::OtherVersion),
        (with("i", &zeros[2..]), DecodeError::Malformed),
        (with("i", &format!("{zeros}.0")), DecodeError::Malformed),
        (
            with("i", &zeros.replacen('0', "00", 1)),
            DecodeError::Malformed,
        ),
        (
            with("i", &zeros.replacen('0', "A", 1)),
            DecodeError::Malformed,
        ),
        (
            with("i", &zeros.replacen('0', "10000", 1)),
            DecodeError::Malformed,
        ),
        (
            with("i", &zeros.replacen('0', "3", 1)),
            DecodeError::OutOfRange,
        ),
        (
            with("i", &zeros.replacen('0', "10", 1)),
            DecodeError::OutOfRange,
        ),
        (
            with("i", &zeros.replacen('0', "ffff", 1)),
            DecodeError::OutOfRange,
        ),
        (with("q99", &zeros), DecodeError::Malformed),
        (with("q8", &zeros), DecodeError::OutOfRange),
        (with("q01", &zeros), DecodeError::Malformed),
        (with("q", &zeros), DecodeError::Malformed),
        (with("z", &zeros), DecodeError::Malformed),
        (with("x", &zeros), DecodeError::Inconsistent),
        (with("r", &zeros), DecodeError::Inconsistent),
        (with("q3", &zeros), DecodeError::Inconsistent),
        (with("e", &zeros), DecodeError::Malformed),
        (format!("{valid}:"), DecodeError::Malformed),
        (format!("{valid}\n"), DecodeError::Malformed),
        (format!(" {valid}"), DecodeError::Malformed),
        (valid.to_uppercase(), DecodeError::OtherVersion),
        (valid.replace(':', "é"), DecodeError::Malformed),
        ("q1:".repeat(10_000), DecodeError::Malformed),
    ];
    for (text, expected) in &fixed {
        let got = Quiz::decode(text);
        assert!(
            matches!(got, Err(e) if e == *expected)
                || (expected == &DecodeError::Malformed && got.is_err()),
            "{text:?}: {got:?}, expected {expected:?}"
        );
    }
    // A "None of these" tick together with a sign is refused.
    let em = q("emergency");
    let mut bits: Vec<String> = vec!["0".into(); questions().len()];
    bits[0] = format!("{:x}", 1 << c("age", "20-to-50"));
    bits[em] = format!(
        "{:x}",
        (1 << c("emergency", "none")) | (1 << c("emergency", "chest-pain"))
    );
    assert_eq!(
        Quiz::decode(&with("q1", &bits.join("."))),
        Err(DecodeError::OutOfRange)
    );

    // Random strings over the format's alphabet, and random edits of valid strings.
    let states = reachable_sample();
    let alphabet: Vec<char> = "q1:.0123456789abcdefixrez:ABF \n\u{e9}".chars().collect();
    let mut rng = Rng::new(7);
    let mut accepted = 0;
    let mut tried = 0;
    let mut check = |text: &str| {
        if let Ok(quiz) = Quiz::decode(text) {
            assert_eq!(quiz.encode(), text, "only canonical strings are accepted");
            accepted += 1;
        }
        tried += 1;
    };
    for _ in 0..100_000 {
        let len = rng.below(70);
        let s: String = (0..len).map(|_| rng.pick(&alphabet)).collect();
        check(&s);
        check(&format!("q1:{fingerprint}:{s}"));
    }
    for _ in 0..200_000 {
        let mut chars: Vec<char> = rng.pick(&states).encode().chars().collect();
        for _ in 0..=rng.below(3) {
            let i = rng.below(chars.len() + 1);
            match rng.below(3) {
                0 if i < chars.len() => {
                    chars.remove(i);
                }
                1 if i < chars.len() => chars[i] = rng.pick(&alphabet),
                _ => chars.insert(i, rng.pick(&alphabet)),
            }
        }
        check(&chars.iter().collect::<String>());
    }
    // Every byte string prefix of a valid encoding.
    for i in 0..valid.len() {
        check(&valid[..i]);
    }
    println!("garbage: {} fixed cases, {tried} random or mutated strings decoded without panic ({accepted} happened to be other valid states)", fixed.len());
}
