//! The triage rules, tested exhaustively: the data-driven evaluator must agree with the
//! reference evaluator (PRODUCT.md section 3 as plain ifs) on every combination that matters,
//! the safety properties must hold on each, the outcome must be monotone, and "Not sure" or
//! no answer must count as the cautious answer.
//!
//! Why the enumerations below cover every combination: the evaluator sees a tick-any
//! question only through the union of its ticked options' flags. `every_subset_of_each_tick_any_question`
//! checks every subset of each tick-any question against the reference; `every_kind_of_answer`
//! then checks the full product of every single-choice value (unanswered included) with a
//! representative of each tick-any value (unanswered, none, each single tick, all ticks).
//! Run with `--nocapture` to see the counts.

mod triage_common;

use massage_guide_core::triage::{
    evaluate, flags, outcome, outcome_for_flags, questions, rules, Answers, ChoiceRole, FlagSet,
    Outcome, QuestionKind,
};
use triage_common::*;

/// The safety properties every answer set must satisfy, independent of the rule table.
fn check_safety(a: &Answers, got: Outcome) {
    let ticked = |question: &str| chosen_ids(a, question);
    // Any emergency sign (or not sure, or no answer) → Emergency.
    if ticked("emergency").is_none_or(|ids| ids != ["none"]) {
        assert_eq!(
            got,
            Outcome::Emergency,
            "emergency sign not escalated: {a:?}"
        );
    }
    // Any urgent sign → See a doctor first or more cautious.
    if ticked("urgent").is_none_or(|ids| ids != ["none"]) {
        assert!(
            got <= Outcome::SeeDoctorFirst,
            "urgent sign gave {got:?}: {a:?}"
        );
    }
    // Massage may help (either) only with no warning at all.
    if got.is_massage_ok() {
        assert!(
            no_warning_at_all(a, got),
            "{got:?} with a warning answer: {a:?}"
        );
    }
    // Only the massage outcomes offer the timer or the product.
    let info = got.info();
    assert_eq!(info.offers_timer, got.is_massage_ok(), "{got:?}");
    assert!(!info.offers_product || info.offers_timer);
}

#[test]
fn every_kind_of_answer_agrees_with_the_reference() {
    // Every single-choice value (unanswered included) × representative tick-any values.
    let values = values_per_question(true, multi_rep_values);
    let mut checked = 0u64;
    let total = for_each_combination(&values, |bits| {
        let a = from_bits(bits);
        let got = outcome(&a);
        assert_eq!(got, reference_outcome(&a), "{a:?}");
        check_safety(&a, got);
        checked += 1;
    });
    println!("every_kind_of_answer: {checked} combinations checked");
    assert_eq!(checked, total);
    assert!(checked >= 2_000_000, "{checked}");
}

#[test]
fn every_subset_of_each_tick_any_question_agrees_with_the_reference() {
    let mut checked = 0u64;
    for multi in ["emergency", "urgent", "cautions"] {
        let mi = q(multi);
        // All subsets of this question × every single-choice combination (answered), with
        // the other tick-any questions at "None of these".
        let mut values = values_per_question(false, |qi, _| {
            vec![1 << questions()[qi].none_choice().unwrap()]
        });
        values[mi] = multi_all_values(mi, true);
        checked += for_each_combination(&values, |bits| {
            let a = from_bits(bits);
            let got = outcome(&a);
            assert_eq!(got, reference_outcome(&a), "{a:?}");
            check_safety(&a, got);
        });
    }
    println!("every_subset_of_each_tick_any_question: {checked} combinations checked");
    assert!(checked >= 1_200_000, "{checked}");
}

#[test]
fn random_full_answers_agree_and_evaluate_matches_outcome() {
    let mut rng = Rng::new(0x5eed_7a1e);
    let cases = 200_000;
    for _ in 0..cases {
        let a = random_answers(&mut rng);
        let v = evaluate(&a);
        assert_eq!(v.outcome, outcome(&a));
        assert_eq!(v.outcome, reference_outcome(&a), "{a:?}");
        check_safety(&a, v.outcome);
        // Reasons: there always are some; each names chosen options of its question, or
        // an unanswered question.
        assert!(!v.reasons.is_empty(), "{a:?}");
        for r in &v.reasons {
            assert_eq!(r.choices.is_empty(), !a.is_answered(r.question_index));
            for ch in &r.choices {
                let ci = r.question.choice_index(ch.id).unwrap();
                assert!(a.is_chosen(r.question_index, ci));
            }
        }
        assert!(v.also.iter().all(|o| *o > v.outcome));
    }
    println!("random_full_answers: {cases} cases checked");
}

/// Moves to a more worrying option of a single-choice question: (from, to) option ids.
/// Pairs not listed are not comparable (e.g. new pain vs long-lasting pain lead to
/// different advice, neither of which is "more worrying" in every case).
const MORE_WORRYING: &[(&str, &str, &str)] = &[
    ("age", "20-to-50", "16-to-19"),
    ("age", "20-to-50", "over-50"),
    ("age", "16-to-19", "under-16"),
    ("age", "over-50", "under-16"),
    ("age", "20-to-50", "under-16"),
    ("duration", "under-4-weeks", "4-to-12-weeks"),
    ("duration", "under-4-weeks", "not-sure"),
    ("duration", "4-to-12-weeks", "not-sure"),
    ("duration", "over-12-weeks", "not-sure"),
    ("onset", "strain", "gradual"),
    ("onset", "strain", "recent-injury"),
    ("onset", "gradual", "recent-injury"),
    ("onset", "strain", "not-sure"),
    ("onset", "gradual", "not-sure"),
    ("onset", "recent-injury", "not-sure"),
    ("severity", "mild", "moderate"),
    ("severity", "moderate", "severe"),
    ("severity", "mild", "severe"),
    ("trend", "better", "same"),
    ("trend", "same", "worse"),
    ("trend", "better", "worse"),
];

#[test]
fn one_more_tick_or_a_more_worrying_option_is_never_less_cautious() {
    let moves: Vec<(usize, u16, u16)> = MORE_WORRYING
        .iter()
        .map(|(question, from, to)| (q(question), 1 << c(question, from), 1 << c(question, to)))
        .collect();
    let values = values_per_question(false, multi_rep_values);
    let mut pairs = 0u64;
    let bases = for_each_combination(&values, |bits| {
        let base = from_bits(bits);
        let before = outcome(&base);
        // Every single added tick on every tick-any question ("None of these" → a sign, or
        // one more sign).
        for (qi, question) in questions().iter().enumerate() {
            if question.kind != QuestionKind::Multi {
                continue;
            }
            for (ci, choice) in question.options.iter().enumerate() {
                if choice.role == ChoiceRole::NoneOfThese || base.is_chosen(qi, ci) {
                    continue;
                }
                let mut more = base;
                more.toggle(qi, ci);
                let after = outcome(&more);
                assert!(
                    after <= before,
                    "ticking {}/{} went {before:?} → {after:?}: {base:?}",
                    question.id,
                    choice.id
                );
                pairs += 1;
            }
        }
        // Every move to a more worrying single choice.
        for &(qi, from, to) in &moves {
            if base.bits(qi) == from {
                let mut more = base;
                more.set_bits(qi, to);
                let after = outcome(&more);
                assert!(
                    after <= before,
                    "question {qi} {from:#b}→{to:#b} went {before:?} → {after:?}: {base:?}"
                );
                pairs += 1;
            }
        }
    });
    println!(
        "monotonicity (answers): {bases} answer sets, {pairs} (answer, worse answer) pairs checked"
    );
    assert!(pairs >= 5_000_000, "{pairs}");
}

#[test]
fn the_rule_table_is_monotone_for_every_set_of_flags() {
    // Over ALL 2^F flag sets: adding any flag never gives a less cautious outcome.
    let n = flags().len();
    let mut pairs = 0u64;
    for bits in 0u32..(1 << n) {
        let set = FlagSet::from_bits(bits);
        let before = outcome_for_flags(set);
        for f in 0..n {
            let after = outcome_for_flags(FlagSet::from_bits(bits | (1 << f)));
            assert!(
                after <= before,
                "flags {bits:#b} + {f}: {before:?} → {after:?}"
            );
            pairs += 1;
        }
    }
    println!(
        "monotonicity (flags): {} flag sets, {pairs} pairs checked",
        1u64 << n
    );
    assert_eq!(pairs, (1u64 << n) * n as u64);
}

#[test]
fn not_sure_is_at_least_as_cautious_as_every_concrete_answer() {
    let mut checked = 0u64;
    for (qi, question) in questions().iter().enumerate() {
        let Some(not_sure) = question.not_sure_choice() else {
            continue;
        };
        // Every concrete answer to this question (every subset without "Not sure" for tick-any).
        let concrete: Vec<u16> = match question.kind {
            QuestionKind::Single => single_values(qi, false)
                .into_iter()
                .filter(|b| *b != 1 << not_sure)
                .collect(),
            QuestionKind::Multi => multi_all_values(qi, false)
                .into_iter()
                .filter(|b| b & (1 << not_sure) == 0)
                .collect(),
        };
        // Every answered combination of the other questions. When this question is a
        // tick-any one (up to 1024 concrete answers), the other tick-any questions are at
        // "None of these"; otherwise at their representatives.
        let mut values = match question.kind {
            QuestionKind::Multi => values_per_question(false, |qi, _| {
                vec![1 << questions()[qi].none_choice().unwrap()]
            }),
            QuestionKind::Single => values_per_question(false, multi_rep_values),
        };
        values[qi] = vec![1 << not_sure];
        for_each_combination(&values, |bits| {
            let unsure = from_bits(bits);
            let got = outcome(&unsure);
            let worst = concrete
                .iter()
                .map(|&b| {
                    let mut a = unsure;
                    a.set_bits(qi, b);
                    outcome(&a)
                })
                .min()
                .unwrap();
            assert!(
                got <= worst,
                "{}: not sure gave {got:?}, a concrete answer gave {worst:?}: {unsure:?}",
                question.id
            );
            checked += concrete.len() as u64;
        });
    }
    // Explicitly: not sure about emergency signs is an emergency.
    let a = answers(&[("emergency", &["not-sure"])]);
    assert_eq!(outcome(&a), Outcome::Emergency);
    println!("not_sure: {checked} (not sure, concrete answer) pairs checked");
    assert!(checked >= 1_000_000, "{checked}");
}

#[test]
fn no_answer_is_at_least_as_cautious_as_every_answer() {
    let mut checked = 0u64;
    let values = values_per_question(false, multi_rep_values);
    for qi in 0..questions().len() {
        let all = match questions()[qi].kind {
            QuestionKind::Single => single_values(qi, false),
            QuestionKind::Multi => multi_rep_values(qi, false),
        };
        let mut others = values.clone();
        others[qi] = vec![0];
        for_each_combination(&others, |bits| {
            let unanswered = from_bits(bits);
            let got = outcome(&unanswered);
            for &b in &all {
                let mut a = unanswered;
                a.set_bits(qi, b);
                assert!(
                    got <= outcome(&a),
                    "question {qi} unanswered gave {got:?}: {a:?}"
                );
                checked += 1;
            }
        });
    }
    println!("unanswered: {checked} (unanswered, answer) pairs checked");
    assert!(checked >= 1_000_000, "{checked}");
}

#[test]
fn every_outcome_is_reachable_with_complete_answers() {
    let values = values_per_question(false, multi_rep_values);
    let mut seen = [0u64; 8];
    for_each_combination(&values, |bits| {
        seen[outcome(&from_bits(bits)) as usize] += 1
    });
    for o in Outcome::ALL {
        println!(
            "{:>24}: {:>7} of the representative answer sets",
            o.id(),
            seen[o as usize]
        );
        assert!(seen[o as usize] > 0, "{o:?} unreachable");
    }
}

#[test]
fn the_data_follows_the_spec_shape() {
    // Order of questions (PRODUCT.md 3): age, emergency, urgent, how long, how it started,
    // how bad, going, cautions.
    let ids: Vec<&str> = questions().iter().map(|q| q.id).collect();
    assert_eq!(ids, QUESTION_IDS);
    for question in questions() {
        assert!(
            !question.prompt.is_empty() && question.options.iter().all(|c| !c.label.is_empty())
        );
        if question.kind == QuestionKind::Multi {
            assert!(question.none_choice().is_some(), "{}", question.id);
            assert!(
                question.not_sure_choice().is_some(),
                "{}: safety questions offer Not sure",
                question.id
            );
        }
        // "Not sure" raises every flag the question's other options raise.
        if let Some(ns) = question.not_sure_choice() {
            let all = question
                .options
                .iter()
                .fold(FlagSet::EMPTY, |acc, c| acc.union(c.flags()));
            assert_eq!(question.options[ns].flags(), all, "{}", question.id);
        }
    }
    // Emergency shows nothing else; no outcome but the massage ones offers the timer.
    let e = Outcome::Emergency.info();
    assert!(!e.offers_timer && !e.offers_product && e.sections.is_empty() && e.immediate);
    assert!(e.title.contains("{emergency}") && e.do_now.iter().any(|l| l.contains("{emergency}")));
    for o in Outcome::ALL {
        let info = o.info();
        assert_eq!(info.routine.is_some(), info.offers_timer, "{o:?}");
        assert!(!info.do_now.is_empty() && !info.title.is_empty());
    }
    assert_eq!(Outcome::MassageMayHelp.info().routine, Some("hands"));
    assert!(Outcome::MassageMayHelp.info().offers_product);
    assert!(!rules().is_empty());
}
