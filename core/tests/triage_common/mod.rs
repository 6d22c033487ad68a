//! Shared helpers for the `triage_*` tests: id lookups, a tiny deterministic PRNG, answer
//! enumerators, and a REFERENCE evaluator written straight from PRODUCT.md section 3 (plus
//! the judgement calls documented in content/quiz.toml), independent of the data's flags and
//! rule table, so a wrong flag on an option or a wrong rule row shows up as a disagreement.
#![allow(dead_code)]

use massage_guide_core::triage::{
    question_index, questions, Answers, ChoiceRole, Outcome, QuestionKind,
};

pub const QUESTION_IDS: [&str; 8] = [
    "age",
    "emergency",
    "urgent",
    "duration",
    "onset",
    "severity",
    "trend",
    "cautions",
];

/// Index of a question by id (panics on a typo in a test).
/// Everything fine: 20-50, strain, under 4 weeks, mild, better, no signs.
pub const FINE: &[(&str, &[&str])] = &[
    ("age", &["20-to-50"]),
    ("emergency", &["none"]),
    ("urgent", &["none"]),
    ("duration", &["under-4-weeks"]),
    ("onset", &["strain"]),
    ("severity", &["mild"]),
    ("trend", &["better"]),
    ("cautions", &["none"]),
];

pub fn q(id: &str) -> usize {
    question_index(id).unwrap_or_else(|| panic!("no question {id:?}"))
}

/// Index of an option by question id and option id.
pub fn c(question: &str, choice: &str) -> usize {
    questions()[q(question)]
        .choice_index(choice)
        .unwrap_or_else(|| panic!("no option {question}/{choice}"))
}

/// Answers from ids; panics on a typo or an invalid combination.
pub fn answers(pairs: &[(&str, &[&str])]) -> Answers {
    Answers::from_ids(pairs).unwrap_or_else(|| panic!("invalid answers {pairs:?}"))
}

/// Answers from raw bit sets, one per question.
pub fn from_bits(bits: &[u16; 8]) -> Answers {
    let mut a = Answers::EMPTY;
    for (question, &b) in bits.iter().enumerate() {
        assert!(
            a.set_bits(question, b),
            "invalid bits {b:#b} for question {question}"
        );
    }
    a
}

pub fn bits_of(a: &Answers) -> [u16; 8] {
    std::array::from_fn(|q| a.bits(q))
}

/// The chosen option ids of a question (`None` when unanswered).
pub fn chosen_ids(a: &Answers, question: &str) -> Option<Vec<&'static str>> {
    let qi = q(question);
    a.is_answered(qi).then(|| {
        a.chosen(qi)
            .map(|c| questions()[qi].options[c].id)
            .collect()
    })
}

fn single(a: &Answers, question: &str) -> Option<&'static str> {
    chosen_ids(a, question).map(|ids| ids[0])
}

/// Unanswered, "Not sure" or any sign ticked.
fn any_sign(a: &Answers, question: &str) -> bool {
    chosen_ids(a, question).is_none_or(|ids| ids.iter().any(|id| *id != "none"))
}

/// The outcome PRODUCT.md section 3 asks for, written as plain ifs over option ids.
/// "Not sure" and unanswered count as the cautious answer.
pub fn reference_outcome(a: &Answers) -> Outcome {
    use Outcome::*;
    let age = single(a, "age");
    let duration = single(a, "duration");
    let onset = single(a, "onset");
    let severity = single(a, "severity");
    let trend = single(a, "trend");

    let mut result = MassageMayHelp;
    let mut applies = |o: Outcome| result = result.min(o);

    // Emergency signs (NHS: call 999 / A&E). Not sure counts as a sign.
    if any_sign(a, "emergency") {
        applies(Emergency);
    }
    // Urgent signs (NHS: urgent GP / 111).
    if any_sign(a, "urgent") {
        applies(SeeDoctorFirst);
    }
    // Age rule: under 20 or over 50 with pain under 12 weeks (not sure counts as new).
    let young_or_old = matches!(age, None | Some("under-16" | "16-to-19" | "over-50"));
    let new_pain = matches!(
        duration,
        None | Some("under-4-weeks" | "4-to-12-weeks" | "not-sure")
    );
    if young_or_old && new_pain {
        applies(SeeDoctorFirst);
    }
    // Under 16: out of scope.
    if matches!(age, None | Some("under-16")) {
        applies(AskADoctor);
    }
    // Severe, or getting worse.
    if matches!(severity, None | Some("severe")) || matches!(trend, None | Some("worse")) {
        applies(SeeDoctorSoon);
    }
    // Subacute (or not sure how long) and not getting better.
    if matches!(duration, None | Some("4-to-12-weeks" | "not-sure"))
        && matches!(trend, None | Some("same" | "worse"))
    {
        applies(SeeDoctorSoon);
    }
    // Fresh injury with swelling or heat (not sure how it started counts).
    if matches!(onset, None | Some("recent-injury" | "not-sure")) {
        applies(HoldOff);
    }
    // Massage cautions.
    if any_sign(a, "cautions") {
        applies(AskFirst);
    }
    // Chronic (not sure counts).
    if matches!(duration, None | Some("over-12-weeks" | "not-sure")) {
        applies(MassageWithExercise);
    }
    result
}

/// True when no answer is a warning of any kind: the only answers that may lead to one of
/// the "Massage may help" outcomes. Not knowing how long the pain has lasted is allowed only
/// for "Massage may help, with exercise" (it counts as long-lasting pain, among others).
pub fn no_warning_at_all(a: &Answers, outcome: Outcome) -> bool {
    let all_none = ["emergency", "urgent", "cautions"]
        .iter()
        .all(|m| chosen_ids(a, m) == Some(vec!["none"]));
    let duration_ok = match outcome {
        Outcome::MassageMayHelp => matches!(
            single(a, "duration"),
            Some("under-4-weeks" | "4-to-12-weeks")
        ),
        Outcome::MassageWithExercise => matches!(
            single(a, "duration"),
            None | Some("over-12-weeks" | "not-sure")
        ),
        _ => false,
    };
    all_none
        && duration_ok
        && matches!(single(a, "age"), Some("16-to-19" | "20-to-50" | "over-50"))
        && matches!(single(a, "onset"), Some("strain" | "gradual"))
        && matches!(single(a, "severity"), Some("mild" | "moderate"))
        && matches!(single(a, "trend"), Some("better" | "same"))
}

// ---------------------------------------------------------------------------------------------
// Enumerating answers

/// Every value of a single-choice question: each option (and unanswered, if asked).
pub fn single_values(question: usize, with_unanswered: bool) -> Vec<u16> {
    let n = questions()[question].options.len();
    let mut v: Vec<u16> = (0..n).map(|c| 1 << c).collect();
    if with_unanswered {
        v.insert(0, 0);
    }
    v
}

/// Every valid value of a tick-any question: "None of these", every non-empty set of other
/// ticks (and unanswered, if asked).
pub fn multi_all_values(question: usize, with_unanswered: bool) -> Vec<u16> {
    let qd = &questions()[question];
    let none = 1u16 << qd.none_choice().expect("multi has none");
    let others: u16 = ((1u32 << qd.options.len()) - 1) as u16 & !none;
    let mut v = vec![none];
    let mut sub = others;
    // All non-empty subsets of `others`.
    while sub != 0 {
        v.push(sub);
        sub = (sub - 1) & others;
    }
    if with_unanswered {
        v.insert(0, 0);
    }
    v
}

/// Representative values of a tick-any question: "None of these", each single tick, all
/// ticks (and unanswered, if asked).
pub fn multi_rep_values(question: usize, with_unanswered: bool) -> Vec<u16> {
    let qd = &questions()[question];
    let none_idx = qd.none_choice().expect("multi has none");
    let mut v = vec![1u16 << none_idx];
    let mut all = 0u16;
    for (i, ch) in qd.options.iter().enumerate() {
        if ch.role != ChoiceRole::NoneOfThese {
            v.push(1 << i);
            all |= 1 << i;
        }
    }
    v.push(all);
    if with_unanswered {
        v.insert(0, 0);
    }
    v
}

/// Values per question: all options for single questions; for multi questions `multi`.
pub fn values_per_question(
    with_unanswered: bool,
    multi: fn(usize, bool) -> Vec<u16>,
) -> Vec<Vec<u16>> {
    (0..questions().len())
        .map(|qi| match questions()[qi].kind {
            QuestionKind::Single => single_values(qi, with_unanswered),
            QuestionKind::Multi => multi(qi, with_unanswered),
        })
        .collect()
}

/// Calls `f` for every combination of the given per-question values (cartesian product).
pub fn for_each_combination(values: &[Vec<u16>], mut f: impl FnMut(&[u16; 8])) -> u64 {
    let mut idx = [0usize; 8];
    let mut bits = [0u16; 8];
    let mut count = 0;
    loop {
        for qi in 0..8 {
            bits[qi] = values[qi][idx[qi]];
        }
        f(&bits);
        count += 1;
        let mut qi = 0;
        loop {
            if qi == 8 {
                return count;
            }
            idx[qi] += 1;
            if idx[qi] < values[qi].len() {
                break;
            }
            idx[qi] = 0;
            qi += 1;
        }
    }
}

#[path = "../support/rng.rs"]
mod rng;
pub use rng::Rng;

/// A uniformly random valid answer set; each question is unanswered with probability 1/8.
pub fn random_answers(rng: &mut Rng) -> Answers {
    let mut bits = [0u16; 8];
    for (qi, b) in bits.iter_mut().enumerate() {
        if rng.below(8) == 0 {
            continue;
        }
        let qd = &questions()[qi];
        *b = match qd.kind {
            QuestionKind::Single => 1 << rng.below(qd.options.len()),
            QuestionKind::Multi => {
                let none = qd.none_choice().unwrap();
                if rng.below(3) == 0 {
                    1 << none
                } else {
                    let mut t = 0u16;
                    while t == 0 {
                        t = (rng.next_u64() as u16)
                            & (((1u32 << qd.options.len()) - 1) as u16)
                            & !(1 << none);
                    }
                    t
                }
            }
        };
    }
    from_bits(&bits)
}

// ---------------------------------------------------------------------------------------------
// Playing the quiz as a reader would

use massage_guide_core::triage::{Action, Quiz, Step};

/// The action a reader's click sends for option `choice` of `question`.
pub fn click(question: usize, choice: usize) -> Action {
    match questions()[question].kind {
        QuestionKind::Single => Action::Choose { question, choice },
        QuestionKind::Multi => Action::Toggle { question, choice },
    }
}

/// Plays the quiz from the intro to the result, answering each question it asks from
/// `given` (clicking each option, then Next). Returns the final state and the questions
/// that were shown, in order. Panics if the quiz asks a question `given` does not answer.
pub fn play(given: &Answers) -> (Quiz, Vec<usize>) {
    let mut quiz = Quiz::new().apply(Action::Start);
    let mut shown = Vec::new();
    for _ in 0..100 {
        match quiz.step() {
            Step::Question(qi) => {
                assert!(
                    given.is_answered(qi),
                    "the quiz asked {:?}, which the case does not answer",
                    questions()[qi].id
                );
                shown.push(qi);
                for choice in given.chosen(qi) {
                    quiz = quiz.apply(click(qi, choice));
                }
                assert!(quiz.can_go_next());
                quiz = quiz.apply(Action::Next);
            }
            Step::Review => quiz = quiz.apply(Action::Next),
            Step::Result => return (quiz, shown),
            Step::Intro => panic!("back at the intro"),
        }
    }
    panic!("the quiz did not finish")
}
