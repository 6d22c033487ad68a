//! Named clinical vignettes, written from the research notes
//! (`shared/research/clinical-and-product-anchors.md`: NHS 999 / urgent / GP tiers, NICE CKS
//! red flags, NICE NG59, ACP 2017, NCCIH cautions). Each is checked twice: with `evaluate`
//! on the answers, and by playing the quiz screen by screen as a reader would.

mod triage_common;

use massage_guide_core::triage::{evaluate, questions, Outcome};
use triage_common::*;
use Outcome::*;

struct Vignette {
    name: &'static str,
    answers: &'static [(&'static str, &'static [&'static str])],
    expect: Outcome,
    /// The questions named in the reasons when all answers are evaluated. (When played, the
    /// quiz may skip some of them, so it names a subset.)
    because: &'static [&'static str],
}

const VIGNETTES: &[Vignette] = &[
    Vignette {
        name: "over 50, new pain for 2 weeks, no other signs (CKS: new pain over 50)",
        answers: &[("age", &["over-50"]), ("duration", &["under-4-weeks"])],
        expect: SeeDoctorFirst,
        because: &["age", "duration"],
    },
    Vignette {
        name: "35, chronic, mild, getting better, no signs (NICE NG59: massage only with exercise)",
        answers: &[("duration", &["over-12-weeks"])],
        expect: MassageWithExercise,
        because: &["duration"],
    },
    Vignette {
        name: "30, injury 2 days ago with swelling (no massage on fresh inflammation)",
        answers: &[("onset", &["recent-injury"])],
        expect: HoldOff,
        because: &["onset"],
    },
    Vignette {
        name: "28, pregnant, 1 week, mild, better (ask the midwife)",
        answers: &[("cautions", &["pregnant"])],
        expect: AskFirst,
        because: &["cautions"],
    },
    Vignette {
        name: "40, strained lifting a week ago, moderate, easing (ACP: massage an option for acute pain)",
        answers: &[("severity", &["moderate"])],
        expect: MassageMayHelp,
        because: &["age", "emergency", "urgent", "duration", "onset", "severity", "trend", "cautions"],
    },
    Vignette {
        name: "numbness around the genitals (cauda equina: 999)",
        answers: &[("emergency", &["saddle-numbness"])],
        expect: Emergency,
        because: &["emergency"],
    },
    Vignette {
        name: "tingling and weakness in both legs (999)",
        answers: &[("age", &["over-50"]), ("emergency", &["both-legs"])],
        expect: Emergency,
        because: &["emergency"],
    },
    Vignette {
        name: "new trouble peeing (999)",
        answers: &[("emergency", &["bladder-bowel"])],
        expect: Emergency,
        because: &["emergency"],
    },
    Vignette {
        name: "back pain with chest pain (999)",
        answers: &[("emergency", &["chest-pain"])],
        expect: Emergency,
        because: &["emergency"],
    },
    Vignette {
        name: "pain since a car crash (999)",
        answers: &[("emergency", &["serious-accident"])],
        expect: Emergency,
        because: &["emergency"],
    },
    Vignette {
        name: "not sure about the emergency signs (cautious: 999)",
        answers: &[("emergency", &["not-sure"])],
        expect: Emergency,
        because: &["emergency"],
    },
    Vignette {
        name: "30, fever and back pain (infection: urgent GP / 111)",
        answers: &[("urgent", &["fever"])],
        expect: SeeDoctorFirst,
        because: &["urgent"],
    },
    Vignette {
        name: "60, had cancer, pain for 6 months (CKS: history of cancer)",
        answers: &[("age", &["over-50"]), ("urgent", &["cancer"]), ("duration", &["over-12-weeks"])],
        expect: SeeDoctorFirst,
        because: &["urgent"],
    },
    Vignette {
        name: "45, pain worse at night, 6 weeks (urgent)",
        answers: &[("urgent", &["rest-or-night"]), ("duration", &["4-to-12-weeks"])],
        expect: SeeDoctorFirst,
        because: &["urgent"],
    },
    Vignette {
        name: "35, numbness in one leg (nerve root: GP soon)",
        answers: &[("urgent", &["one-leg"])],
        expect: SeeDoctorFirst,
        because: &["urgent"],
    },
    Vignette {
        name: "70, osteoporosis, fell last week (fracture risk)",
        answers: &[("age", &["over-50"]), ("urgent", &["bones-or-immunity", "fall-over-50"])],
        expect: SeeDoctorFirst,
        because: &["age", "urgent", "duration"],
    },
    Vignette {
        name: "not sure about the urgent signs (cautious)",
        answers: &[("urgent", &["not-sure"])],
        expect: SeeDoctorFirst,
        because: &["urgent"],
    },
    Vignette {
        name: "18, gym strain a week ago (CKS: new pain under 20)",
        answers: &[("age", &["16-to-19"])],
        expect: SeeDoctorFirst,
        because: &["age", "duration"],
    },
    Vignette {
        name: "18, pain for 6 months, no signs",
        answers: &[("age", &["16-to-19"]), ("duration", &["over-12-weeks"])],
        expect: MassageWithExercise,
        because: &["duration"],
    },
    Vignette {
        name: "14, pain for 3 months, no signs (out of scope)",
        answers: &[("age", &["under-16"]), ("duration", &["over-12-weeks"])],
        expect: AskADoctor,
        because: &["age"],
    },
    Vignette {
        name: "14, pain for 2 weeks (new pain under 20)",
        answers: &[("age", &["under-16"])],
        expect: SeeDoctorFirst,
        because: &["age", "duration"],
    },
    Vignette {
        name: "14, with chest pain (emergency at any age)",
        answers: &[("age", &["under-16"]), ("emergency", &["chest-pain"])],
        expect: Emergency,
        because: &["emergency"],
    },
    Vignette {
        name: "35, severe pain for a week (NHS: see a GP if very bad)",
        answers: &[("severity", &["severe"])],
        expect: SeeDoctorSoon,
        because: &["severity"],
    },
    Vignette {
        name: "40, getting worse over 2 weeks",
        answers: &[("trend", &["worse"])],
        expect: SeeDoctorSoon,
        because: &["trend"],
    },
    Vignette {
        name: "45, 6 weeks and not improving (NHS: not better within a few weeks)",
        answers: &[("duration", &["4-to-12-weeks"]), ("trend", &["same"])],
        expect: SeeDoctorSoon,
        because: &["duration", "trend"],
    },
    Vignette {
        name: "45, 6 weeks, mild and improving",
        answers: &[("duration", &["4-to-12-weeks"])],
        expect: MassageMayHelp,
        because: &["age", "emergency", "urgent", "duration", "onset", "severity", "trend", "cautions"],
    },
    Vignette {
        name: "35, a week, about the same (acute, still early)",
        answers: &[("trend", &["same"])],
        expect: MassageMayHelp,
        because: &["age", "emergency", "urgent", "duration", "onset", "severity", "trend", "cautions"],
    },
    Vignette {
        name: "chronic but severe",
        answers: &[("duration", &["over-12-weeks"]), ("severity", &["severe"])],
        expect: SeeDoctorSoon,
        because: &["severity"],
    },
    Vignette {
        name: "55, on blood thinners, pain for a year",
        answers: &[("age", &["over-50"]), ("duration", &["over-12-weeks"]), ("cautions", &["clots-or-bleeding"])],
        expect: AskFirst,
        because: &["cautions"],
    },
    Vignette {
        name: "45, spinal surgery in the past, chronic pain (short-term relaxation only)",
        answers: &[("duration", &["over-12-weeks"]), ("cautions", &["spine-problem"])],
        expect: AskFirst,
        because: &["cautions"],
    },
    Vignette {
        name: "30, rash on the lower back",
        answers: &[("cautions", &["skin"])],
        expect: AskFirst,
        because: &["cautions"],
    },
    Vignette {
        name: "fresh swollen injury and pregnant (hold off first, ask later)",
        answers: &[("onset", &["recent-injury"]), ("cautions", &["pregnant"])],
        expect: HoldOff,
        because: &["onset"],
    },
    Vignette {
        name: "30, not sure how long, about the same (counts as 4-12 weeks, not improving)",
        answers: &[("duration", &["not-sure"]), ("trend", &["same"])],
        expect: SeeDoctorSoon,
        because: &["duration", "trend"],
    },
    Vignette {
        name: "30, not sure how long, getting better (counts as long-lasting)",
        answers: &[("duration", &["not-sure"])],
        expect: MassageWithExercise,
        because: &["duration"],
    },
    Vignette {
        name: "over 50, not sure how long (counts as new pain)",
        answers: &[("age", &["over-50"]), ("duration", &["not-sure"])],
        expect: SeeDoctorFirst,
        because: &["age", "duration"],
    },
    Vignette {
        name: "not sure how it started (counts as a fresh injury)",
        answers: &[("onset", &["not-sure"])],
        expect: HoldOff,
        because: &["onset"],
    },
    Vignette {
        name: "not sure about the massage cautions",
        answers: &[("cautions", &["not-sure"])],
        expect: AskFirst,
        because: &["cautions"],
    },
];

/// FINE with the vignette's answers replacing those questions.
fn vignette_answers(v: &Vignette) -> massage_guide_core::triage::Answers {
    let mut pairs: Vec<(&str, &[&str])> = FINE
        .iter()
        .filter(|(q, _)| !v.answers.iter().any(|(vq, _)| vq == q))
        .copied()
        .collect();
    pairs.extend_from_slice(v.answers);
    answers(&pairs)
}

#[test]
fn vignettes_give_the_expected_outcome_and_reasons() {
    assert!(VIGNETTES.len() >= 12);
    for v in VIGNETTES {
        let a = vignette_answers(v);
        let verdict = evaluate(&a);
        assert_eq!(verdict.outcome, v.expect, "{}", v.name);
        assert_eq!(
            reference_outcome(&a),
            v.expect,
            "reference disagrees: {}",
            v.name
        );
        let because: Vec<&str> = verdict.reasons.iter().map(|r| r.question.id).collect();
        assert_eq!(because, v.because, "reasons for: {}", v.name);
    }
    println!("{} vignettes checked", VIGNETTES.len());
}

#[test]
fn vignettes_played_screen_by_screen_give_the_same_result() {
    for v in VIGNETTES {
        let a = vignette_answers(v);
        let (quiz, shown) = play(&a);
        let verdict = quiz.verdict().expect("on the result screen");
        assert_eq!(verdict.outcome, v.expect, "{}", v.name);
        let because: Vec<&str> = verdict.reasons.iter().map(|r| r.question.id).collect();
        assert!(
            !because.is_empty() && because.iter().all(|q| v.because.contains(q)),
            "reasons when played: {}: {because:?}",
            v.name
        );
        let shown_ids: Vec<&str> = shown.iter().map(|&q| questions()[q].id).collect();
        match v.expect {
            // An emergency sign ends the quiz at once.
            Emergency => assert_eq!(shown_ids.last(), Some(&"emergency"), "{}", v.name),
            // Nothing after an urgent sign can change the outcome.
            SeeDoctorFirst if v.answers.iter().any(|(q, _)| *q == "urgent") => {
                assert_eq!(shown_ids.last(), Some(&"urgent"), "{}", v.name)
            }
            // Under 16: only the signs and how long.
            AskADoctor => assert_eq!(
                shown_ids,
                ["age", "emergency", "urgent", "duration"],
                "{}",
                v.name
            ),
            MassageMayHelp | MassageWithExercise => {
                assert_eq!(shown.len(), questions().len(), "{}", v.name)
            }
            _ => {}
        }
    }
}

#[test]
fn result_texts_use_the_emergency_placeholder_only_where_meant() {
    use massage_guide_core::triage::fill_emergency_number;
    let e = Outcome::Emergency.info();
    assert_eq!(fill_emergency_number(e.title, "112"), "Call 112 now");
    for line in e.do_now {
        assert!(!fill_emergency_number(line, "112").contains('{'));
    }
}
