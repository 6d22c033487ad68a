//! Shared helpers for the `triage_*` tests: id lookups, answer enumerators, a REFERENCE
//! evaluator written straight from PRODUCT.md section 3 (v2, issue 13), issue 18 (v3) and the
//! judgement calls
//! at the top of content/quiz.toml, and a reader who plays the check screen by screen.
//!
//! The reference reads FACTS, not the data's flags: a fact is named after the answers that
//! give it (`fact_of` maps option ids to facts by hand). So a wrong flag on an option, or a
//! wrong rule row, shows up as a disagreement between the data evaluator and the reference.
#![allow(dead_code)]

use massage_guide_core::triage::{
    question_index, questions, Action, Answers, ChoiceRole, FlagSet, Outcome, QuestionKind, Quiz,
    Step,
};

pub const QUESTION_IDS: [&str; 12] = [
    "age", "now", "nerves", "unwell", "history", "pain", "duration", "injury", "severity",
    "trend", "cautions", "devices",
];
pub const N: usize = QUESTION_IDS.len();

/// Everything fine: 20-44, no to every sign, under 4 weeks, started slowly, mild, better.
pub const FINE: &[(&str, &[&str])] = &[
    ("age", &["20-to-44"]),
    ("now", &["chest-pain-no", "tummy-faint-no", "serious-accident-no", "pregnancy-signs-no"]),
    ("nerves", &["both-legs-no", "saddle-no", "bladder-bowel-no", "sex-no", "weakness-worse-no"]),
    ("unwell", &["none"]),
    ("history", &["cancer-now-no", "cancer-past-no", "immune-no", "bones-no", "related-condition-no"]),
    ("pain", &["none"]),
    ("duration", &["under-4-weeks"]),
    ("injury", &["no"]),
    ("severity", &["mild"]),
    ("trend", &["better"]),
    ("cautions", &["none"]),
    ("devices", &["none"]),
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

/// FINE with these questions replaced (a Yes / No / Not sure question: only the named items).
pub fn fine_with(changes: &[(&str, &[&str])]) -> Answers {
    let mut a = answers(FINE);
    for (question, ids) in changes {
        a = a
            .with(question, ids)
            .unwrap_or_else(|| panic!("invalid change {question} {ids:?}"));
    }
    a
}

/// Answers from raw bit sets, one per question.
pub fn from_bits(bits: &[u16; N]) -> Answers {
    let mut a = Answers::EMPTY;
    for (question, &b) in bits.iter().enumerate() {
        assert!(a.set_bits(question, b), "invalid bits {b:#b} for question {question}");
    }
    a
}

pub fn bits_of(a: &Answers) -> [u16; N] {
    std::array::from_fn(|q| a.bits(q))
}

/// The chosen option ids of a question (`None` when nothing is chosen).
pub fn chosen_ids(a: &Answers, question: &str) -> Option<Vec<&'static str>> {
    let qi = q(question);
    a.is_started(qi)
        .then(|| a.chosen(qi).map(|c| questions()[qi].options[c].id).collect())
}

// ---------------------------------------------------------------------------------------------
// Facts and the reference evaluator

/// Facts about the reader, named after the answers. A bit set.
pub type Facts = u64;

pub const AGE_U16: Facts = 1 << 0;
pub const AGE_16_19: Facts = 1 << 1;
pub const AGE_51_69: Facts = 1 << 2;
pub const NERVE_YES: Facts = 1 << 3;
pub const NERVE_NOT_SURE: Facts = 1 << 4;
pub const NOW_YES: Facts = 1 << 5;
pub const NOW_NOT_SURE: Facts = 1 << 6;
pub const PREGNANCY_SIGNS: Facts = 1 << 7;
pub const UNWELL: Facts = 1 << 8;
pub const CANCER_NOW: Facts = 1 << 9;
pub const CANCER_PAST: Facts = 1 << 10;
pub const IMMUNE: Facts = 1 << 11;
pub const BONES: Facts = 1 << 12;
pub const RELATED_CONDITION: Facts = 1 << 13;
pub const PAIN_RED_FLAG: Facts = 1 << 14;
pub const PAIN_INFLAMMATORY: Facts = 1 << 15;
pub const DUR_UNDER_4: Facts = 1 << 16;
pub const DUR_4_TO_12: Facts = 1 << 17;
pub const DUR_OVER_12: Facts = 1 << 18;
pub const DUR_NOT_SURE: Facts = 1 << 19;
pub const FALL_RECENT: Facts = 1 << 20;
pub const FALL_EARLIER: Facts = 1 << 21;
pub const FALL_NOT_SURE: Facts = 1 << 22;
pub const SEVERE: Facts = 1 << 23;
pub const TREND_SAME: Facts = 1 << 24;
pub const TREND_WORSE: Facts = 1 << 25;
pub const CAUTION: Facts = 1 << 26;
pub const DEVICE: Facts = 1 << 27;
pub const AGE_20_44: Facts = 1 << 28;
pub const AGE_70: Facts = 1 << 29;
pub const SUDDEN_STRAIN: Facts = 1 << 30;
/// Over 50: either older band.
pub const AGE_OVER_50: Facts = AGE_51_69 | AGE_70;

/// The facts one option gives, by hand from the spec (independent of the data's flags).
pub fn fact_of(question: &str, option: &str) -> Facts {
    match (question, option) {
        ("age", "under-16") => AGE_U16,
        ("age", "16-to-19") => AGE_16_19,
        ("age", "20-to-44") => AGE_20_44,
        ("age", "45-to-50") => 0,
        ("age", "51-to-69") => AGE_51_69,
        ("age", "70-or-over") => AGE_70,
        ("nerves", o) if o.ends_with("-yes") => NERVE_YES,
        ("nerves", o) if o.ends_with("-not-sure") => NERVE_NOT_SURE,
        ("now", "pregnancy-signs-yes" | "pregnancy-signs-not-sure") => PREGNANCY_SIGNS,
        ("now", o) if o.ends_with("-yes") => NOW_YES,
        ("now", o) if o.ends_with("-not-sure") => NOW_NOT_SURE,
        ("nerves" | "now", o) if o.ends_with("-no") => 0,
        ("unwell", "none") => 0,
        ("unwell", _) => UNWELL,
        // Per item, Not sure counts as Yes (waiting for cancer results counts as cancer now).
        ("history", o) if o.ends_with("-no") => 0,
        ("history", "cancer-now-yes" | "cancer-now-not-sure") => CANCER_NOW,
        ("history", "cancer-past-yes" | "cancer-past-not-sure") => CANCER_PAST,
        ("history", "immune-yes" | "immune-not-sure") => IMMUNE,
        ("history", "bones-yes" | "bones-not-sure") => BONES,
        ("history", "related-condition-yes" | "related-condition-not-sure") => RELATED_CONDITION,
        ("pain", "inflammatory-pattern" | "buttocks") => PAIN_INFLAMMATORY,
        ("pain", "not-sure") => PAIN_RED_FLAG | PAIN_INFLAMMATORY,
        ("pain", "none") => 0,
        ("pain", _) => PAIN_RED_FLAG,
        ("duration", "under-4-weeks") => DUR_UNDER_4,
        ("duration", "4-to-12-weeks") => DUR_4_TO_12,
        ("duration", "over-12-weeks") => DUR_OVER_12,
        ("duration", "not-sure") => DUR_NOT_SURE,
        ("injury", "last-3-days") => FALL_RECENT,
        ("injury", "earlier") => FALL_EARLIER,
        ("injury", "not-sure") => FALL_NOT_SURE,
        ("injury", "sudden") => SUDDEN_STRAIN,
        ("injury", "no") => 0,
        ("severity", "severe") => SEVERE,
        ("severity", _) => 0,
        ("trend", "same") => TREND_SAME,
        ("trend", "worse") => TREND_WORSE,
        ("trend", "better") => 0,
        ("cautions", "none") => 0,
        ("cautions", _) => CAUTION,
        ("devices", "none") => 0,
        ("devices", _) => DEVICE,
        _ => panic!("fact_of: unknown option {question}/{option}"),
    }
}

/// The facts an unanswered question (or an unanswered item) counts as: every fact it can give.
fn cautious_facts(question: usize, item: Option<usize>) -> Facts {
    let qd = &questions()[question];
    qd.options
        .iter()
        .filter(|o| item.is_none() || o.item.map(usize::from) == item)
        .map(|o| fact_of(qd.id, o.id))
        .fold(0, |a, b| a | b)
}

/// The facts of one question's answer (unanswered, and unanswered items, count cautiously).
pub fn question_facts(a: &Answers, question: usize, massager: bool) -> Facts {
    let qd = &questions()[question];
    if qd.massager_only && !massager {
        return 0;
    }
    let mut facts: Facts = a.chosen(question).map(|c| fact_of(qd.id, qd.options[c].id)).fold(0, |x, y| x | y);
    match qd.kind {
        QuestionKind::Each => {
            for item in 0..qd.items.len() {
                let (y, n, ns) = qd.item_choices(item);
                if ![y, n, ns].iter().any(|&o| a.is_chosen(question, o)) {
                    facts |= cautious_facts(question, Some(item));
                }
            }
        }
        _ if !a.is_started(question) => facts |= cautious_facts(question, None),
        _ => {}
    }
    facts
}

pub fn facts(a: &Answers, massager: bool) -> Facts {
    (0..N).map(|q| question_facts(a, q, massager)).fold(0, |x, y| x | y)
}

/// The outcome PRODUCT.md section 3 (v2) and issue 18 (v3) ask for, as plain ifs over facts.
pub fn reference(f: Facts) -> Outcome {
    use Outcome::*;
    let has = |x: Facts| f & x != 0;
    let new_pain = has(DUR_UNDER_4 | DUR_4_TO_12 | DUR_NOT_SURE);
    let long_pain = has(DUR_OVER_12 | DUR_NOT_SURE);
    let subacute = has(DUR_4_TO_12 | DUR_NOT_SURE);
    let not_improving = has(TREND_SAME | TREND_WORSE);
    // Sudden start: a fall, knock or blow at any time, or lifting, bending, coughing (issue 18
    // point 2: CKS and the Royal Osteoporosis Society name strenuous lifting).
    let sudden = has(SUDDEN_STRAIN | FALL_RECENT | FALL_EARLIER | FALL_NOT_SURE);
    let fell_recently = has(FALL_RECENT | FALL_NOT_SURE);
    let under_20 = has(AGE_U16 | AGE_16_19);
    let under_45 = has(AGE_U16 | AGE_16_19 | AGE_20_44);
    let over_50 = has(AGE_OVER_50);

    let mut result = MassageMayHelp;
    let mut applies = |o: Outcome| result = result.min(o);
    // Heart, blood vessel, serious accident: an ambulance (NHS 999, AAA).
    if has(NOW_YES) {
        applies(Emergency);
    }
    // Nerve signs: the emergency department now (NHS 999, CES card).
    if has(NERVE_YES) {
        applies(EmergencyNerves);
    }
    // Urgent pregnancy signs: the maternity team, first and only.
    if has(PREGNANCY_SIGNS) {
        applies(PregnancyNow);
    }
    // Not sure about one emergency sign (judgement call 1).
    if has(NERVE_NOT_SURE | NOW_NOT_SURE) {
        applies(UrgentNow);
    }
    // A same-day sign at any age (NHS urgent list, CKS, NG234).
    let same_day = has(UNWELL | CANCER_NOW | PAIN_RED_FLAG)
        || ((has(CANCER_PAST) || has(IMMUNE)) && new_pain)
        || (has(BONES) && sudden);
    // Under 16: same-day signs, severe or worsening pain -> a child-worded "today"; else the
    // calm child outcome (judgement call 2, issue 18 point 1).
    if has(AGE_U16) {
        if same_day || has(SEVERE | TREND_WORSE) {
            applies(ChildToday);
        }
        applies(Child);
    }
    if same_day || (has(AGE_70) && sudden) || (over_50 && sudden && has(SEVERE)) {
        applies(SeeDoctorToday);
    }
    // In the next few days.
    if over_50 && sudden {
        applies(SeeDoctorSoon);
    }
    if under_20 && new_pain {
        applies(SeeDoctorSoon);
    }
    if has(SEVERE | TREND_WORSE) {
        applies(SeeDoctorSoon);
    }
    if subacute && not_improving {
        applies(SeeDoctorSoon);
    }
    // Within 1 to 2 weeks.
    if long_pain && not_improving {
        applies(SeeDoctorWeeks);
    }
    if under_20 && long_pain {
        applies(SeeDoctorWeeks);
    }
    if over_50 && new_pain {
        applies(SeeDoctorWeeks);
    }
    if has(BONES | IMMUNE | CANCER_PAST) {
        applies(SeeDoctorWeeks);
    }
    if has(RELATED_CONDITION | PAIN_INFLAMMATORY) && long_pain && under_45 {
        applies(SeeDoctorWeeks);
    }
    // Massage-specific.
    if fell_recently {
        applies(HoldOff);
    }
    if has(CAUTION) {
        applies(AskFirst);
    }
    if has(DEVICE) {
        applies(HandsOnly);
    }
    if long_pain {
        applies(MassageWithExercise);
    }
    result
}

/// The reference for answers (with or without the implant question).
pub fn reference_outcome(a: &Answers, massager: bool) -> Outcome {
    reference(facts(a, massager))
}

/// True when no fact is a warning of any kind: the only facts that may lead to one of the
/// "Massage may help" outcomes. A fall more than 3 days ago or a strain is no warning on its
/// own (CKS: minor trauma matters with osteoporosis, steroids or older age, which are).
pub fn no_warning_at_all(f: Facts, outcome: Outcome) -> bool {
    let warnings = AGE_U16
        | NERVE_YES
        | NERVE_NOT_SURE
        | NOW_YES
        | NOW_NOT_SURE
        | PREGNANCY_SIGNS
        | UNWELL
        | CANCER_NOW
        | CANCER_PAST
        | IMMUNE
        | BONES
        | PAIN_RED_FLAG
        | FALL_RECENT
        | FALL_NOT_SURE
        | SEVERE
        | TREND_WORSE
        | CAUTION;
    if f & warnings != 0 {
        return false;
    }
    let sudden = f & (SUDDEN_STRAIN | FALL_EARLIER) != 0;
    if f & AGE_OVER_50 != 0 && sudden {
        return false;
    }
    let long = f & (DUR_OVER_12 | DUR_NOT_SURE) != 0;
    let device = f & DEVICE != 0;
    match outcome {
        Outcome::MassageMayHelp => {
            !device
                && f & (DUR_OVER_12 | DUR_NOT_SURE | AGE_16_19 | AGE_OVER_50) == 0
                && f & (DUR_UNDER_4 | DUR_4_TO_12) != 0
                && !(f & DUR_4_TO_12 != 0 && f & TREND_SAME != 0)
        }
        // Inflammatory features matter with long-lasting pain that began before 45 (NG65);
        // long pain that is not improving needs a doctor at any age.
        Outcome::MassageWithExercise => {
            !device
                && long
                && f & (AGE_16_19 | TREND_SAME) == 0
                && !(f & (RELATED_CONDITION | PAIN_INFLAMMATORY) != 0 && f & (AGE_20_44) != 0)
        }
        // An implant only rules out a vibrating or electric massager.
        Outcome::HandsOnly => device,
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------------
// Enumerating answers

/// Every valid bit set of one question (unanswered excluded): each option of a single
/// question; "None of these" and every non-empty set of the others for a tick-any question;
/// every full combination of answers for a Yes / No / Not sure question.
pub fn all_values(question: usize) -> Vec<u16> {
    let qd = &questions()[question];
    match qd.kind {
        QuestionKind::Single => (0..qd.options.len()).map(|c| 1 << c).collect(),
        QuestionKind::Multi => {
            let none = 1u16 << qd.none_choice().expect("multi has none");
            let others: u16 = ((1u32 << qd.options.len()) - 1) as u16 & !none;
            let mut v = vec![none];
            let mut sub = others;
            while sub != 0 {
                v.push(sub);
                sub = (sub - 1) & others;
            }
            v
        }
        QuestionKind::Each => {
            let mut v = vec![0u16];
            for item in 0..qd.items.len() {
                v = v
                    .into_iter()
                    .flat_map(|b| (0..3).map(move |k| b | (1 << (3 * item + k))))
                    .collect();
            }
            v
        }
    }
}

/// One class of answers to a question: every answer with the same facts and the same flags.
#[derive(Clone, Debug)]
pub struct Class {
    /// A representative answer (bits).
    pub bits: u16,
    pub facts: Facts,
    pub flags: FlagSet,
    /// How many valid answers the class stands for.
    pub members: u64,
}

/// The classes of a question's answers (unanswered excluded), grouped by facts. Panics when
/// two answers with the same facts raise different flags: the evaluator would tell apart
/// answers that the spec treats alike, and the classes would not cover every answer.
pub fn classes(question: usize) -> Vec<Class> {
    let mut out: Vec<Class> = Vec::new();
    for bits in all_values(question) {
        let mut a = Answers::EMPTY;
        assert!(a.set_bits(question, bits));
        let facts = question_facts(&a, question, true);
        let flags = a.raised(question);
        match out.iter_mut().find(|c| c.facts == facts) {
            Some(class) => {
                assert_eq!(
                    class.flags, flags,
                    "question {}: answers {:#b} and {bits:#b} have the same facts but different flags",
                    questions()[question].id, class.bits
                );
                class.members += 1;
            }
            None => out.push(Class { bits, facts, flags, members: 1 }),
        }
    }
    out
}

/// Calls `f(indexes)` for every combination of one class per question (a cartesian product).
pub fn for_each_combination(sizes: &[usize], mut f: impl FnMut(&[usize])) -> u64 {
    let mut idx = vec![0usize; sizes.len()];
    let mut count = 0;
    loop {
        f(&idx);
        count += 1;
        let mut qi = 0;
        loop {
            if qi == sizes.len() {
                return count;
            }
            idx[qi] += 1;
            if idx[qi] < sizes[qi] {
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

/// A random valid answer set; each question is unanswered with probability 1/8, and a
/// Yes / No / Not sure question may be half answered.
pub fn random_answers(rng: &mut Rng) -> Answers {
    let mut bits = [0u16; N];
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
                        t = (rng.next_u64() as u16) & (((1u32 << qd.options.len()) - 1) as u16) & !(1 << none);
                    }
                    t
                }
            }
            QuestionKind::Each => (0..qd.items.len())
                .filter_map(|item| {
                    // Mostly "No"; sometimes Yes, Not sure, or no answer for this item.
                    match rng.below(10) {
                        0 => None,
                        1 => Some(1 << (3 * item)),
                        2 => Some(1 << (3 * item + 2)),
                        _ => Some(1 << (3 * item + 1)),
                    }
                })
                .fold(0, |x, y| x | y),
        };
    }
    from_bits(&bits)
}

// ---------------------------------------------------------------------------------------------
// Playing the check as a reader would

/// The action a reader's click sends for option `choice` of `question`.
pub fn click(question: usize, choice: usize) -> Action {
    match questions()[question].kind {
        QuestionKind::Multi => Action::Toggle { question, choice },
        _ => Action::Choose { question, choice },
    }
}

/// Plays the check from the intro to the result, answering each question it asks from
/// `given` (clicking each option, then Next). Returns the final state, the questions shown in
/// order, and every "Step x of n" seen. Panics if the check asks a question `given` leaves open.
pub fn play_with(given: &Answers, massager: bool) -> (Quiz, Vec<usize>, Vec<(usize, usize)>) {
    let mut quiz = Quiz::with_massager(massager).apply(Action::Start);
    let mut shown = Vec::new();
    let mut steps = Vec::new();
    for _ in 0..100 {
        match quiz.step() {
            Step::Question(qi) => {
                assert!(
                    given.is_answered(qi),
                    "the check asked {:?}, which the case does not answer",
                    questions()[qi].id
                );
                shown.push(qi);
                steps.push((quiz.step_number().unwrap(), quiz.step_count()));
                for choice in given.chosen(qi) {
                    quiz = quiz.apply(click(qi, choice));
                }
                assert!(quiz.can_go_next());
                quiz = quiz.apply(Action::Next);
            }
            Step::Review => quiz = quiz.apply(Action::Next),
            Step::Result => return (quiz, shown, steps),
            Step::Intro => panic!("back at the intro"),
        }
    }
    panic!("the check did not finish")
}

pub fn play(given: &Answers) -> (Quiz, Vec<usize>) {
    let (quiz, shown, _) = play_with(given, true);
    (quiz, shown)
}

/// The role of an option, for tests that pick "Not sure" or "None of these".
pub fn role(question: usize, choice: usize) -> ChoiceRole {
    questions()[question].options[choice].role
}
