//! The quiz state machine (screens, skipping, None-of-these, Back, Edit, Restart/Forget) and
//! its saved form (encode/decode round trips, garbage rejected without a panic).

mod triage_common;

use massage_guide_core::triage::{
    questions, Action, Answers, DecodeError, Outcome, Quiz, Step,
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
    assert_eq!((quiz.step_number(), quiz.step_count()), (Some(1), questions().len()));
    assert!(!quiz.can_go_next(), "a question needs an answer");
    assert_eq!(quiz.apply(Action::Next), quiz, "Next without an answer does nothing");
    assert_eq!(Quiz::new().apply(Action::Next).step(), Step::Question(0));
}

/// Answers a Yes / No / Not sure question: `special` items as given, every other item "No".
fn each_answers(question: &str, special: &[&str]) -> Vec<Action> {
    let qd = &questions()[q(question)];
    let mut actions = Vec::new();
    for (item, it) in qd.items.iter().enumerate() {
        let choice = special
            .iter()
            .find_map(|id| id.strip_prefix(it.id).and_then(|rest| qd.choice_index(&[it.id, rest].concat())))
            .unwrap_or(qd.item_choices(item).1);
        actions.push(click(q(question), choice));
    }
    actions
}

#[test]
fn a_yes_to_any_emergency_sign_ends_the_check_at_once() {
    for question in ["nerves", "now"] {
        let qd = &questions()[q(question)];
        for item in qd.items.iter().filter(|i| i.id != "pregnancy-signs") {
            let mut quiz = answer_through(&FINE[..q(question)]);
            let yes = [item.id, "-yes"].concat();
            quiz = run(quiz, &each_answers(question, &[&yes]));
            let n = questions().len();
            assert_eq!((quiz.step_number(), quiz.step_count()), (Some(q(question) + 1), n), "the total stays {n}");
            let result = quiz.apply(Action::Next);
            assert_eq!(result.step(), Step::Result, "{yes}: Next goes straight to the result");
            let verdict = result.verdict().unwrap();
            let want = if question == "now" { Outcome::Emergency } else { Outcome::EmergencyNerves };
            assert_eq!(verdict.outcome, want, "{yes}");
            assert!(verdict.also.is_empty());
            // Back from the result returns to the question that ended it, with the answer.
            let back = result.apply(Action::Back);
            assert_eq!(back.step(), Step::Question(q(question)));
            assert!(back.answers().is_chosen(q(question), c(question, &yes)));
        }
    }
}

#[test]
fn not_sure_about_one_emergency_sign_asks_the_other_emergency_screen_then_ends() {
    let quiz = answer_through(&FINE[..1]);
    let quiz = run(quiz, &each_answers("now", &["chest-pain-not-sure"])).apply(Action::Next);
    assert_eq!(quiz.step(), Step::Question(q("nerves")), "a yes on the next screen would still be an emergency");
    let quiz = run(quiz, &each_answers("nerves", &[])).apply(Action::Next);
    assert_eq!(quiz.step(), Step::Result, "advice now: no review screen");
    assert_eq!(quiz.verdict().unwrap().outcome, Outcome::UrgentNow);
    assert_eq!(quiz.asked(), vec![0, 1, 2]);
}

#[test]
fn a_half_answered_item_list_cannot_go_on() {
    let quiz = answer_through(&FINE[..2]);
    let quiz = run(quiz, &each_answers("nerves", &[])[..4]);
    assert!(!quiz.can_go_next(), "one sign still has no answer");
    assert_eq!(quiz.apply(Action::Next), quiz);
    // Changing an item's answer replaces it (a radio group per item).
    let quiz = quiz.apply(pick("nerves", "both-legs-yes"));
    assert!(quiz.answers().is_chosen(q("nerves"), c("nerves", "both-legs-yes")));
    assert!(!quiz.answers().is_chosen(q("nerves"), c("nerves", "both-legs-no")));
}

#[test]
fn a_same_day_sign_goes_to_the_review() {
    let quiz = answer_through(&FINE[..3]).apply(pick("unwell", "fever"));
    assert_eq!((quiz.step_number(), quiz.step_count()), (Some(4), questions().len()));
    let review = quiz.apply(Action::Next);
    assert_eq!(review.step(), Step::Review);
    assert_eq!(review.asked(), vec![0, 1, 2, 3]);
    let result = review.apply(Action::Next);
    assert_eq!(result.verdict().unwrap().outcome, Outcome::SeeDoctorToday);
    assert_eq!(result.apply(Action::Back), review);
}

#[test]
fn answers_after_the_end_are_kept_but_not_used() {
    let review = answer_through(FINE);
    let urgent = run(review, &[Action::Edit { question: q("unwell") }, pick("unwell", "fever"), Action::Next]);
    assert_eq!(urgent.step(), Step::Review);
    assert_eq!(urgent.asked().len(), 4);
    assert_eq!(urgent.step_count(), questions().len(), "the total does not change");
    let verdict = urgent.apply(Action::Next).verdict().unwrap();
    assert_eq!(verdict.outcome, Outcome::SeeDoctorToday);
    assert!(verdict.reasons.iter().all(|r| r.questions == 1 << q("unwell")));
    // Unticking the sign brings the kept answers back.
    let back = run(urgent, &[Action::Edit { question: q("unwell") }, pick("unwell", "none"), Action::Next]);
    assert_eq!(back.step(), Step::Review);
    assert_eq!(*back.answers(), answers(FINE));
}

#[test]
fn under_16_is_asked_the_same_day_screens_then_gets_a_child_outcome() {
    // Issue 18 point 1: under-16s answer the same-day questions (fever, cancer, night pain,
    // one leg), how it started, how bad and the trend; not the massage cautions.
    let mut plan: Vec<(&str, &[&str])> = FINE[..q("trend") + 1].to_vec();
    plan[0] = ("age", &["under-16"]);
    let quiz = answer_through(&plan);
    assert_eq!(quiz.step(), Step::Review);
    assert_eq!(quiz.step_count(), questions().len());
    assert_eq!(quiz.asked().len(), q("trend") + 1);
    assert_eq!(quiz.apply(Action::Next).verdict().unwrap().outcome, Outcome::Child);
    // With a fever, the check ends after that screen with the child's "today".
    let fever = answer_through(&[("age", &["under-16"]), FINE[1], FINE[2], ("unwell", &["fever"])]);
    assert_eq!(fever.step(), Step::Review);
    assert_eq!(fever.apply(Action::Next).verdict().unwrap().outcome, Outcome::ChildToday);
}

#[test]
fn none_of_these_is_exclusive_and_an_answer_is_required() {
    let quiz = answer_through(&FINE[..3]);
    assert_eq!(quiz.step(), Step::Question(q("unwell")));
    assert!(!quiz.can_go_next());
    let quiz = run(quiz, &[pick("unwell", "fever"), pick("unwell", "weight-loss")]);
    assert_eq!(quiz.answers().chosen(q("unwell")).count(), 2);
    let quiz = quiz.apply(pick("unwell", "none"));
    assert_eq!(chosen_ids(quiz.answers(), "unwell"), Some(vec!["none"]));
    assert!(quiz.can_go_next());
    let quiz = quiz.apply(pick("unwell", "not-sure"));
    assert_eq!(chosen_ids(quiz.answers(), "unwell"), Some(vec!["not-sure"]));
    let quiz = quiz.apply(pick("unwell", "not-sure"));
    assert!(!quiz.answers().is_answered(q("unwell")) && !quiz.can_go_next());
    assert_eq!(quiz.apply(Action::Next), quiz);
    // A click meant for another question changes nothing.
    assert_eq!(quiz.apply(pick("history", "bones-yes")), quiz);
    assert_eq!(quiz.apply(Action::Toggle { question: q("unwell"), choice: 99 }), quiz);
    assert_eq!(quiz.apply(Action::Choose { question: 99, choice: 0 }), quiz);
}

#[test]
fn back_keeps_answers_and_the_step_total_never_changes() {
    let review = answer_through(FINE);
    assert_eq!(review.step(), Step::Review);
    assert!(review.can_go_next());
    let expected = answers(FINE);
    let mut quiz = review;
    for n in (1..=questions().len()).rev() {
        quiz = quiz.apply(Action::Back);
        assert_eq!(quiz.step(), Step::Question(n - 1));
        assert_eq!((quiz.step_number(), quiz.step_count()), (Some(n), questions().len()));
        assert_eq!(*quiz.answers(), expected);
        assert!(quiz.can_go_next(), "the kept answer lets the reader go on");
    }
    quiz = quiz.apply(Action::Back);
    assert_eq!(quiz.step(), Step::Intro);
    assert_eq!(*quiz.answers(), expected);
    assert_eq!(quiz.apply(Action::Back), quiz);
    for _ in 0..=questions().len() {
        quiz = quiz.apply(Action::Next);
    }
    assert_eq!(quiz, review);
}

#[test]
fn edit_from_the_review_returns_to_the_review() {
    let review = answer_through(FINE);
    let editing = review.apply(Action::Edit { question: q("severity") });
    assert_eq!(editing.step(), Step::Question(q("severity")));
    assert!(editing.is_editing());
    let back_at_review = run(editing, &[pick("severity", "severe"), Action::Next]);
    assert_eq!(back_at_review.step(), Step::Review);
    assert!(!back_at_review.is_editing());
    assert_eq!(back_at_review.apply(Action::Next).verdict().unwrap().outcome, Outcome::SeeDoctorSoon);
    assert_eq!(editing.apply(Action::Back).step(), Step::Review);
    let result = review.apply(Action::Next);
    assert_eq!(result.apply(Action::Edit { question: q("age") }).step(), Step::Question(0));
    assert_eq!(result.apply(Action::Edit { question: 99 }), result);
    assert_eq!(Quiz::new().apply(Action::Edit { question: 0 }), Quiz::new());
}

#[test]
fn an_edit_that_opens_later_questions_asks_them_then_returns() {
    let urgent = answer_through(&[FINE[0], FINE[1], FINE[2], ("unwell", &["fever"])]);
    assert_eq!(urgent.step(), Step::Review);
    let mut quiz = run(urgent, &[Action::Edit { question: q("unwell") }, pick("unwell", "none"), Action::Next]);
    for (question, choices) in &FINE[4..] {
        assert_eq!(quiz.step(), Step::Question(q(question)), "the newly needed {question} is asked");
        assert!(quiz.is_editing());
        for choice in *choices {
            quiz = quiz.apply(pick(question, choice));
        }
        quiz = quiz.apply(Action::Next);
    }
    assert_eq!(quiz.step(), Step::Review);
    assert_eq!(quiz.apply(Action::Next).verdict().unwrap().outcome, Outcome::MassageMayHelp);
}

#[test]
fn an_edit_to_an_emergency_sign_goes_straight_to_the_result() {
    let review = answer_through(FINE);
    let quiz = run(review, &[Action::Edit { question: q("now") }, pick("now", "chest-pain-yes"), Action::Next]);
    assert_eq!(quiz.step(), Step::Result);
    assert_eq!(quiz.verdict().unwrap().outcome, Outcome::Emergency);
}

#[test]
fn restart_and_forget_clear_everything_but_keep_the_massager_setting() {
    let result = answer_through(FINE).apply(Action::Next);
    assert_eq!(result.step(), Step::Result);
    assert!(!result.can_go_next());
    for action in [Action::Restart, Action::Forget] {
        let fresh = result.apply(action);
        assert_eq!(fresh, Quiz::new());
        assert_eq!(*fresh.answers(), Answers::EMPTY);
        assert_eq!(fresh.verdict(), None);
    }
    let without = Quiz::with_massager(false).apply(Action::Start).apply(Action::Restart);
    assert_eq!(without, Quiz::with_massager(false));
    assert_eq!(answer_through(&FINE[..2]).apply(Action::Forget), Quiz::new());
}

#[test]
fn the_summary_for_a_doctor_lists_result_reasons_and_answers() {
    use massage_guide_core::locale::Locale;
    use massage_guide_core::triage::summary;
    let quiz = answer_through(FINE);
    assert_eq!(summary(&quiz, Locale::EnGb, "999", "2026-12-02"), None, "only on the result");
    let result = run(quiz, &[Action::Edit { question: q("history") }, pick("history", "cancer-now-yes"), Action::Next, Action::Next]);
    let text = summary(&result, Locale::EnGb, "999", "2026-12-02").unwrap();
    assert!(text.starts_with("Back pain safety check: summary for a doctor\nMade on 2026-12-02"), "{text}");
    assert!(text.contains("Result: See a doctor today (Today)"), "{text}");
    assert!(text.contains("- You have cancer."), "{text}");
    assert!(text.contains("- Your health: You have cancer now, or are being treated for it"), "{text}");
    assert!(text.contains("- Nerve warning signs: no to all"), "{text}");
    assert!(text.contains("- Age: 20 to 44"), "{text}");
    assert!(!text.contains('{'), "{text}");
    // Not sure about one sign is named; the others are "no".
    let unsure = run(answer_through(&FINE[..2]), &each_answers("nerves", &["saddle-not-sure"]));
    let unsure = unsure.apply(Action::Next);
    let text = summary(&unsure, Locale::EnUs, "911", "2026-12-02").unwrap();
    assert!(text.contains("Numbness or tingling around your genitals or buttocks, or on your inner thighs: not sure; no to the others"), "{text}");
    assert!(text.contains("Result: Get medical advice now"), "{text}");
}

#[test]
fn the_state_is_small_and_copy() {
    fn is_copy<T: Copy>() {}
    is_copy::<Quiz>();
    is_copy::<Answers>();
    assert!(std::mem::size_of::<Quiz>() <= 48, "{}", std::mem::size_of::<Quiz>());
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
            text.starts_with("q2:")
                && text.is_ascii()
                && !text.contains(['\n', '\r'])
                && text.len() <= 80,
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
            let asked_mask: u16 = quiz.asked().iter().fold(0, |m, q| m | (1 << q));
            assert!(verdict.reasons.iter().all(|r| !r.unanswered && r.questions & !asked_mask == 0));
            // Skipping is safe: whatever the skipped questions' answers, the outcome on all
            // answers is the one shown. Also: the shown outcome matches the reference.
            let asked = quiz.asked();
            let mut kept = Answers::EMPTY;
            for &qi in &asked {
                kept.set_bits(qi, quiz.answers().bits(qi));
            }
            assert_eq!(verdict.outcome, reference_outcome(&kept, true));
            for _ in 0..30 {
                let mut filled = kept;
                for qi in (0..questions().len()).filter(|qi| !asked.contains(qi)) {
                    let mut values = all_values(qi);
                    values.push(0);
                    filled.set_bits(qi, rng.pick(&values));
                }
                assert_eq!(
                    reference_outcome(&filled, true),
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
    let with = |step: &str, answers: &str| format!("q2:{fingerprint}:m:{step}:{answers}");
    let zeros = vec!["0"; questions().len()].join(".");
    let fixed: Vec<(String, DecodeError)> = vec![
        (String::new(), DecodeError::Malformed),
        ("q1".into(), DecodeError::Malformed),
        ("q1:".into(), DecodeError::Malformed),
        ("hello world".into(), DecodeError::Malformed),
        (
            format!("q3:{fingerprint}:m:i:{zeros}"),
            DecodeError::OtherVersion,
        ),
        (format!("q1:{fingerprint}:i:{zeros}"), DecodeError::OtherVersion),
        (format!("q2:00000000:m:i:{zeros}"), DecodeError::OtherVersion),
        (format!("q2:{fingerprint}:x:i:{zeros}"), DecodeError::Malformed),
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
            with("i", &zeros.replacen('0', "40", 1)),
            DecodeError::OutOfRange,
        ),
        (
            with("i", &zeros.replacen('0', "ffff", 1)),
            DecodeError::OutOfRange,
        ),
        (with("q99", &zeros), DecodeError::Malformed),
        (with("q12", &zeros), DecodeError::OutOfRange),
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
        ("q2:".repeat(10_000), DecodeError::Malformed),
    ];
    for (text, expected) in &fixed {
        let got = Quiz::decode(text);
        assert!(
            matches!(got, Err(e) if e == *expected)
                || (expected == &DecodeError::Malformed && got.is_err()),
            "{text:?}: {got:?}, expected {expected:?}"
        );
    }
    // A "None of these" tick together with a sign is refused, and two answers to one item.
    let mut bits: Vec<String> = vec!["0".into(); questions().len()];
    bits[0] = format!("{:x}", 1 << c("age", "20-to-44"));
    bits[q("unwell")] = format!("{:x}", (1 << c("unwell", "none")) | (1 << c("unwell", "fever")));
    assert_eq!(Quiz::decode(&with("q1", &bits.join("."))), Err(DecodeError::OutOfRange));
    let mut bits: Vec<String> = vec!["0".into(); questions().len()];
    bits[q("nerves")] = format!("{:x}", (1 << c("nerves", "saddle-yes")) | (1 << c("nerves", "saddle-no")));
    assert_eq!(Quiz::decode(&with("q0", &bits.join("."))), Err(DecodeError::OutOfRange));

    // Random strings over the format's alphabet, and random edits of valid strings.
    let states = reachable_sample();
    let alphabet: Vec<char> = "q2:.0123456789abcdefixremnz:ABF \n\u{e9}".chars().collect();
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
        check(&format!("q2:{fingerprint}:m:{s}"));
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
