//! The triage rules, tested exhaustively: the data-driven evaluator must agree with the
//! reference evaluator (PRODUCT.md section 3 v2 as plain ifs over facts) on every class of
//! answers, the safety properties must hold on each, the outcome must be monotone, and
//! "Not sure" or no answer must count as the cautious answer.
//!
//! Why the enumeration below covers every combination of answers: each question's valid
//! answers are grouped into classes with the same FACTS (what the spec reads) and, checked
//! while grouping, the same FLAGS (what the evaluator reads). The evaluator sees answers only
//! through the union of their flags and the reference only through the union of their facts,
//! so one representative per class and question, over the full product of classes, decides
//! every one of the answer combinations the classes stand for. Run with `--nocapture` to see
//! the counts. The loops walk the product depth first with the unions built up level by
//! level, and look outcomes up in a table of all 2^F flag sets, so they stay fast in the
//! debug build `cargo test` uses.

mod triage_common;

use massage_guide_core::triage::{
    evaluate, flags, outcome, outcome_for, outcome_for_flags, questions, rules, Answers,
    ChoiceRole, FlagSet, Outcome, QuestionKind,
};
use triage_common::*;

/// Every outcome for every set of flags, indexed by the set's bits.
fn outcome_table() -> Vec<Outcome> {
    let n = flags().len();
    (0u32..(1 << n)).map(|bits| outcome_for_flags(FlagSet::from_bits(bits))).collect()
}

/// The safety properties every answer set must satisfy, read off the facts (independent of
/// the rule table).
fn check_safety(f: Facts, got: Outcome) -> Result<(), String> {
    if f & NOW_YES != 0 && got != Outcome::Emergency {
        return Err(format!("a heart, blood vessel or accident sign gave {got:?}"));
    }
    if f & NERVE_YES != 0 && got > Outcome::EmergencyNerves {
        return Err(format!("a nerve emergency sign gave {got:?}"));
    }
    if f & PREGNANCY_SIGNS != 0 && got > Outcome::PregnancyNow {
        return Err(format!("urgent pregnancy signs gave {got:?}"));
    }
    if f & (NERVE_NOT_SURE | NOW_NOT_SURE) != 0 && got > Outcome::UrgentNow {
        return Err(format!("not sure about an emergency sign gave {got:?}"));
    }
    if f & AGE_U16 != 0 && got > Outcome::Child {
        return Err(format!("an under-16 got the adult outcome {got:?}"));
    }
    let same_day = f & (UNWELL | CANCER_NOW | PAIN_RED_FLAG) != 0;
    // Issue 18 point 1: an under-16 with a same-day sign is never told "in the next few days".
    if f & AGE_U16 != 0 && same_day && got > Outcome::ChildToday {
        return Err(format!("an under-16 with a same-day sign got {got:?}"));
    }
    if same_day && got > Outcome::SeeDoctorToday {
        return Err(format!("a same-day sign gave {got:?}"));
    }
    // Issue 18 point 2: weak bones and a sudden start (a fall, or lifting, bending, coughing).
    if f & BONES != 0 && f & (SUDDEN_STRAIN | FALL_RECENT | FALL_EARLIER | FALL_NOT_SURE) != 0 && got > Outcome::SeeDoctorToday {
        return Err(format!("weak bones with a sudden start gave {got:?}"));
    }
    // Issue 18 point 3: long-standing pain that is not improving needs a doctor at any age.
    if f & (DUR_OVER_12 | DUR_NOT_SURE) != 0 && f & (TREND_SAME | TREND_WORSE) != 0 && got > Outcome::SeeDoctorWeeks {
        return Err(format!("long pain, not improving, gave {got:?}"));
    }
    if got.is_massage_ok() && !no_warning_at_all(f, got) {
        return Err(format!("{got:?} with a warning answer"));
    }
    let info = got.info();
    if info.offers_timer != got.is_massage_ok() || (info.offers_product && !info.offers_timer) {
        return Err(format!("{got:?} offers the timer or the product"));
    }
    Ok(())
}

/// Depth-first walk over one class per question (from `first` on), with the flags and facts
/// of the classes chosen so far; `leaf` gets the unions and the chosen class indexes.
fn walk(
    classes: &[Vec<Class>],
    first: usize,
    skip: Option<usize>,
    acc: (u32, Facts),
    chosen: &mut Vec<usize>,
    leaf: &mut dyn FnMut(u32, Facts, &[usize]),
) {
    let mut q = first;
    if Some(q) == skip {
        q += 1;
    }
    if q == classes.len() {
        leaf(acc.0, acc.1, chosen);
        return;
    }
    for (i, class) in classes[q].iter().enumerate() {
        chosen.push(i);
        walk(classes, q + 1, skip, (acc.0 | class.flags.bits(), acc.1 | class.facts), chosen, leaf);
        chosen.pop();
    }
}

fn all_classes() -> Vec<Vec<Class>> {
    (0..N).map(classes).collect()
}

#[test]
fn every_class_of_answers_agrees_with_the_reference() {
    let table = outcome_table();
    let classes = all_classes();
    let mut checked = 0u64;
    let mut seen = [0u64; Outcome::ALL.len()];
    walk(&classes, 0, None, (0, 0), &mut Vec::new(), &mut |flags, facts, chosen| {
        let got = table[flags as usize];
        let want = reference(facts);
        if got != want {
            let bits: Vec<u16> = chosen.iter().enumerate().map(|(q, &i)| classes[q][i].bits).collect();
            panic!("data gave {got:?}, reference {want:?}: {}", describe(&bits));
        }
        if let Err(why) = check_safety(facts, got) {
            let bits: Vec<u16> = chosen.iter().enumerate().map(|(q, &i)| classes[q][i].bits).collect();
            panic!("{why}: {}", describe(&bits));
        }
        seen[got as usize] += 1;
        checked += 1;
    });
    let covered: f64 = classes.iter().map(|c| c.iter().map(|k| k.members as f64).sum::<f64>()).product();
    let sizes: Vec<usize> = classes.iter().map(Vec::len).collect();
    println!("every class: {checked} class combinations (classes per question {sizes:?}) standing for {covered:.3e} answer combinations");
    for o in Outcome::ALL {
        println!("{:>24}: {:>9} class combinations", o.id(), seen[o as usize]);
        assert!(seen[o as usize] > 0, "{o:?} unreachable");
    }
    assert_eq!(checked, sizes.iter().product::<usize>() as u64);
    assert!(checked >= 10_000_000, "{checked}");
}

/// The question ids and chosen options of a class combination, for failure messages.
fn describe(bits: &[u16]) -> String {
    let mut a = Answers::EMPTY;
    for (q, &b) in bits.iter().enumerate() {
        a.set_bits(q, b);
    }
    (0..N)
        .map(|q| {
            let ids: Vec<&str> = a.chosen(q).map(|c| questions()[q].options[c].id).collect();
            format!("{}={}", questions()[q].id, ids.join("+"))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_answer_of_each_question_agrees_with_the_reference() {
    // All valid answers of one question (3^5 for the nerve signs, every subset of a tick-any
    // question), with the rest at FINE, through the real evaluator on real answers.
    let mut checked = 0u64;
    for qi in 0..N {
        for bits in all_values(qi) {
            for base in [FINE, &[("age", &["51-to-69"][..]), ("duration", &["not-sure"][..])][..]] {
                let mut a = fine_with(base);
                a.set_bits(qi, bits);
                let got = evaluate(&a);
                assert_eq!(got.outcome, outcome(&a));
                assert_eq!(got.outcome, reference_outcome(&a, true), "{}", describe(&bits_of(&a)));
                check_safety(facts(&a, true), got.outcome).unwrap();
                assert!(!got.reasons.is_empty());
                checked += 1;
            }
        }
    }
    println!("every answer of each question: {checked} answer sets checked");
    assert!(checked >= 1_500, "{checked}");
}

#[test]
fn random_answers_agree_and_give_reasons() {
    let mut rng = Rng::new(0x5eed_7a1e);
    let cases = 100_000;
    for i in 0..cases {
        let a = random_answers(&mut rng);
        let massager = i % 5 != 0;
        let v = massage_guide_core::triage::evaluate_for(&a, massager);
        assert_eq!(v.outcome, outcome_for(&a, massager));
        assert_eq!(v.outcome, reference_outcome(&a, massager), "{}", describe(&bits_of(&a)));
        check_safety(facts(&a, massager), v.outcome).unwrap_or_else(|e| panic!("{e}: {a:?}"));
        // Reasons: always some; those from answers name questions whose answer raised them.
        assert!(!v.reasons.is_empty(), "{a:?}");
        for r in &v.reasons {
            for qi in (0..N).filter(|qi| r.questions & (1 << qi) != 0) {
                if r.unanswered {
                    assert!(!a.is_answered(qi));
                } else {
                    assert!(a.is_started(qi), "{} for unanswered {}", r.text, questions()[qi].id);
                }
            }
        }
        assert!(v.also.iter().all(|x| x.outcome > v.outcome && !x.reasons.is_empty()));
        if v.outcome.info().immediate {
            assert!(v.also.is_empty());
        }
    }
    println!("random answers: {cases} cases checked");
}

#[test]
fn the_rule_table_is_monotone_for_every_set_of_flags() {
    // Over ALL 2^F flag sets: adding any flag never gives a less cautious outcome.
    let table = outcome_table();
    let n = flags().len();
    let mut pairs = 0u64;
    for bits in 0u32..(1 << n) {
        let before = table[bits as usize];
        for f in 0..n {
            let after = table[(bits | (1 << f)) as usize];
            assert!(after <= before, "flags {bits:#b} + {}: {before:?} → {after:?}", flags()[f].id);
            pairs += 1;
        }
    }
    println!("monotonicity (flags): {} flag sets, {pairs} pairs checked", 1u64 << n);
    assert_eq!(pairs, (1u64 << n) * n as u64);
}

/// Single-choice moves to a more worrying option: (question, from, to). Pairs not listed are
/// not comparable (new vs long-lasting pain lead to different advice).
const MORE_WORRYING: &[(&str, &str, &str)] = &[
    ("age", "45-to-50", "20-to-44"),
    ("age", "20-to-44", "16-to-19"),
    ("age", "45-to-50", "16-to-19"),
    ("age", "45-to-50", "51-to-69"),
    ("age", "51-to-69", "70-or-over"),
    ("age", "45-to-50", "70-or-over"),
    ("age", "16-to-19", "under-16"),
    ("age", "51-to-69", "under-16"),
    ("age", "70-or-over", "under-16"),
    ("age", "20-to-44", "under-16"),
    ("age", "45-to-50", "under-16"),
    ("duration", "under-4-weeks", "4-to-12-weeks"),
    ("duration", "under-4-weeks", "not-sure"),
    ("duration", "4-to-12-weeks", "not-sure"),
    ("duration", "over-12-weeks", "not-sure"),
    ("injury", "no", "sudden"),
    ("injury", "no", "earlier"),
    ("injury", "no", "last-3-days"),
    ("injury", "sudden", "last-3-days"),
    ("injury", "earlier", "last-3-days"),
    ("injury", "no", "not-sure"),
    ("injury", "sudden", "not-sure"),
    ("injury", "earlier", "not-sure"),
    ("injury", "last-3-days", "not-sure"),
    ("severity", "mild", "moderate"),
    ("severity", "moderate", "severe"),
    ("severity", "mild", "severe"),
    ("trend", "better", "same"),
    ("trend", "same", "worse"),
    ("trend", "better", "worse"),
];

/// Moves whose flags are not a superset (so flag monotonicity does not cover them): checked
/// outcome by outcome over every class combination of the other questions.
const NOT_BY_FLAGS: &[(&str, &str, &str)] =
    &[("age", "51-to-69", "under-16"), ("age", "70-or-over", "under-16")];

#[test]
fn a_more_worrying_answer_is_never_less_cautious() {
    // 1. Every more worrying answer to a question raises at least the flags of the calmer
    //    one: one more tick; an item moved from No to Not sure to Yes; the single-choice moves
    //    above. With the flag table monotone (previous test), no such move can give a less
    //    cautious outcome, whatever the other answers.
    let mut moves = 0u64;
    for qi in 0..N {
        let qd = &questions()[qi];
        for bits in all_values(qi) {
            let mut a = Answers::EMPTY;
            a.set_bits(qi, bits);
            let mut worse: Vec<u16> = Vec::new();
            match qd.kind {
                QuestionKind::Multi => {
                    for (ci, choice) in qd.options.iter().enumerate() {
                        if choice.role != ChoiceRole::NoneOfThese && bits & (1 << ci) == 0 {
                            let mut more = a;
                            more.toggle(qi, ci);
                            worse.push(more.bits(qi));
                        }
                    }
                }
                QuestionKind::Each => {
                    for item in 0..qd.items.len() {
                        let (y, n, ns) = qd.item_choices(item);
                        let steps: &[(usize, usize)] = &[(n, ns), (ns, y), (n, y)];
                        for &(from, to) in steps {
                            if bits & (1 << from) != 0 {
                                worse.push((bits & !(1 << from)) | (1 << to));
                            }
                        }
                    }
                }
                QuestionKind::Single => {
                    for (question, from, to) in MORE_WORRYING.iter().filter(|m| m.0 == qd.id) {
                        if bits == 1 << c(question, from) && !NOT_BY_FLAGS.contains(&(question, from, to)) {
                            worse.push(1 << c(question, to));
                        }
                    }
                }
            }
            for w in worse {
                let mut more = Answers::EMPTY;
                assert!(more.set_bits(qi, w));
                assert!(
                    more.raised(qi).contains_all(a.raised(qi)),
                    "{}: {bits:#b} → {w:#b} drops a flag",
                    qd.id
                );
                moves += 1;
            }
        }
    }
    // 2. The moves flags don't cover, over every class combination of the other questions.
    let table = outcome_table();
    let classes = all_classes();
    let mut pairs = 0u64;
    for (question, from, to) in NOT_BY_FLAGS {
        let qi = q(question);
        let mut calm = Answers::EMPTY;
        calm.set_bits(qi, 1 << c(question, from));
        let mut alarm = Answers::EMPTY;
        alarm.set_bits(qi, 1 << c(question, to));
        let (a, b) = (calm.raised(qi).bits(), alarm.raised(qi).bits());
        walk(&classes, 0, Some(qi), (0, 0), &mut Vec::new(), &mut |flags, _, _| {
            assert!(table[(flags | b) as usize] <= table[(flags | a) as usize], "{question}: {from} → {to}");
            pairs += 1;
        });
    }
    println!("monotonicity (answers): {moves} (answer, more worrying answer) moves raise a superset of flags; {pairs} class combinations checked for the other moves");
    assert!(moves >= 3_000 && pairs >= 1_000_000, "{moves} {pairs}");
}

#[test]
fn not_sure_and_no_answer_are_at_least_as_cautious_as_every_answer() {
    let table = outcome_table();
    let classes = all_classes();
    let mut checked = 0u64;
    for qi in 0..N {
        let qd = &questions()[qi];
        // The flags of "Not sure" (single/multi: the option; each: Not sure on every item),
        // and of no answer at all.
        let not_sure: Option<u32> = match qd.kind {
            QuestionKind::Each => Some(
                (0..qd.items.len()).fold(0, |acc, item| acc | qd.options[qd.item_choices(item).2].flags().bits()),
            ),
            _ => qd.not_sure_choice().map(|ns| qd.options[ns].flags().bits()),
        };
        let unanswered = Answers::EMPTY.open_flags(qi).bits();
        assert_eq!(unanswered, qd.possible_flags().bits());
        let concrete: Vec<u32> = classes[qi]
            .iter()
            .filter(|class| {
                let mut a = Answers::EMPTY;
                a.set_bits(qi, class.bits);
                a.chosen(qi).all(|c| role(qi, c) != ChoiceRole::NotSure)
            })
            .map(|class| class.flags.bits())
            .collect();
        walk(&classes, 0, Some(qi), (0, 0), &mut Vec::new(), &mut |flags, _, _| {
            let worst = concrete.iter().map(|&f| table[(flags | f) as usize]).min().unwrap();
            if let Some(ns) = not_sure {
                // On a Yes / No / Not sure question, Not sure to all is not as cautious as a
                // Yes (Emergency), but never calmer than any answer without a Yes.
                let floor = if qd.kind == QuestionKind::Each {
                    concrete
                        .iter()
                        .filter(|&&f| f & FlagSet::named("emergency").union(FlagSet::named("emergency-nerves")).bits() == 0)
                        .map(|&f| table[(flags | f) as usize])
                        .min()
                        .unwrap()
                } else {
                    worst
                };
                assert!(table[(flags | ns) as usize] <= floor, "{}: not sure", qd.id);
            }
            assert!(table[(flags | unanswered) as usize] <= worst, "{}: unanswered", qd.id);
            checked += concrete.len() as u64;
        });
    }
    // Explicitly: not sure about one emergency sign is urgent, and a Yes is an emergency.
    assert_eq!(outcome(&fine_with(&[("nerves", &["saddle-not-sure"])])), Outcome::UrgentNow);
    assert_eq!(outcome(&fine_with(&[("now", &["chest-pain-yes"])])), Outcome::Emergency);
    println!("not sure / unanswered: {checked} (combination, concrete answer) pairs checked");
    assert!(checked >= 10_000_000, "{checked}");
}

#[test]
fn an_unanswered_item_counts_as_yes() {
    // Half-answered emergency screens: every item left open is an Emergency.
    for question in ["nerves", "now"] {
        let qi = q(question);
        for item in 0..questions()[qi].items.len() {
            let mut a = answers(FINE);
            let (y, n, ns) = questions()[qi].item_choices(item);
            let bits = a.bits(qi) & !((1 << y) | (1 << n) | (1 << ns));
            a.set_bits(qi, bits);
            let yes = questions()[qi].options[y].flags();
            let want = if yes.intersects(FlagSet::named("emergency")) {
                Outcome::Emergency
            } else if yes.intersects(FlagSet::named("emergency-nerves")) {
                Outcome::EmergencyNerves
            } else {
                Outcome::PregnancyNow
            };
            assert_eq!(outcome(&a), want, "{question} item {item}");
        }
    }
}

#[test]
fn without_a_massager_the_implant_question_does_not_apply() {
    let fine = answers(FINE);
    let mut no_devices = fine;
    no_devices.clear(q("devices"));
    assert_eq!(outcome_for(&no_devices, false), Outcome::MassageMayHelp);
    assert_eq!(outcome_for(&no_devices, true), Outcome::HandsOnly, "unanswered counts as a yes");
    let pacemaker = fine_with(&[("devices", &["pacemaker"])]);
    assert_eq!(outcome_for(&pacemaker, true), Outcome::HandsOnly);
    assert_eq!(outcome_for(&pacemaker, false), Outcome::MassageMayHelp);
}

#[test]
fn the_data_follows_the_spec_shape() {
    let ids: Vec<&str> = questions().iter().map(|q| q.id).collect();
    assert_eq!(ids, QUESTION_IDS);
    for question in questions() {
        assert!(!question.prompt.is_empty() && question.options.iter().all(|c| !c.label.is_empty()));
        match question.kind {
            QuestionKind::Multi => {
                assert!(question.none_choice().is_some(), "{}", question.id);
                assert!(question.not_sure_choice().is_some(), "{}: safety questions offer Not sure", question.id);
            }
            QuestionKind::Each => assert!(question.items.len() >= 2),
            QuestionKind::Single => {}
        }
        // Every answer that raises a flag says why.
        for choice in question.options {
            assert_eq!(choice.why.is_some(), !choice.flags().is_empty(), "{}/{}", question.id, choice.id);
        }
    }
    // Distinct prompts (issue 13: "each step its own prompt").
    let mut prompts: Vec<&str> = questions().iter().map(|q| q.prompt).collect();
    prompts.dedup();
    let mut sorted = prompts.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), questions().len(), "two steps share a prompt");
    // The emergency signs of the NHS 999 list, the CES card and the AAA page are each asked.
    let items: Vec<&str> = questions().iter().flat_map(|q| q.items.iter().map(|i| i.id)).collect();
    for sign in ["both-legs", "saddle", "bladder-bowel", "sex", "weakness-worse", "chest-pain", "tummy-faint", "serious-accident", "pregnancy-signs"] {
        assert!(items.contains(&sign), "{sign}");
    }
    for o in [Outcome::Emergency, Outcome::EmergencyNerves] {
        let e = o.info();
        assert!(!e.offers_timer && !e.offers_product && e.sections.is_empty() && e.immediate);
        assert!(e.do_now.iter().any(|l| l.contains("{emergency}")), "{o:?}");
    }
    assert!(Outcome::Emergency.info().title.contains("{emergency}"));
    assert!(Outcome::EmergencyNerves.info().title.contains("{er}"));
    for o in Outcome::ALL {
        let info = o.info();
        assert_eq!(info.routine.is_some(), info.offers_timer, "{o:?}");
        assert!(!info.do_now.is_empty() && !info.title.is_empty() && !info.if_worse.is_empty());
    }
    assert_eq!(Outcome::MassageMayHelp.info().routine, Some("hands"));
    assert!(Outcome::MassageMayHelp.info().offers_product);
    assert!(!Outcome::MassageWithExercise.info().offers_product);
    assert!(!rules().is_empty());
    // The chronic-pain outcome no longer links to the research section ("remarkable benefits").
    assert!(!Outcome::MassageWithExercise.info().sections.contains(&"research"));
}
