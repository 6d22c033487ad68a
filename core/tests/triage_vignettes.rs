//! Named clinical vignettes, one per red flag and caution and per case the v2 review found
//! wrong (issue 13), written from the research notes (NHS 999 / urgent / GP tiers, NICE CKS red
//! flags, NICE NG59, NG65, NG234, NCCIH cautions). Each is checked twice: with `evaluate` on
//! the answers, and by playing the check screen by screen as a reader would, where the step
//! total must stay the same from the first step to the last.

mod triage_common;

use massage_guide_core::locale::{fill, Locale};
use massage_guide_core::triage::{emergency_line, evaluate_for, questions, Outcome};
use triage_common::*;
use Outcome::*;

struct Vignette {
    name: &'static str,
    /// Changes to FINE (for a Yes / No / Not sure question: only the items named).
    answers: &'static [(&'static str, &'static [&'static str])],
    expect: Outcome,
    /// The questions whose answers the reasons name (when all answers are evaluated).
    because: &'static [&'static str],
    /// A piece of the reasons or advice that must be there (e.g. the right destination).
    says: Option<&'static str>,
}

const fn v(
    name: &'static str,
    answers: &'static [(&'static str, &'static [&'static str])],
    expect: Outcome,
    because: &'static [&'static str],
) -> Vignette {
    Vignette { name, answers, expect, because, says: None }
}

const fn vs(
    name: &'static str,
    answers: &'static [(&'static str, &'static [&'static str])],
    expect: Outcome,
    because: &'static [&'static str],
    says: &'static str,
) -> Vignette {
    Vignette { name, answers, expect, because, says: Some(says) }
}

const VIGNETTES: &[Vignette] = &[
    // ---- emergency signs: Yes to one, and Not sure about one (fixed: no longer 999) ----
    v("numbness around the genitals (CES card: 999)", &[("nerves", &["saddle-yes"])], Emergency, &["nerves"]),
    v("tingling and weakness in both legs, over 50 (999)", &[("age", &["over-50"]), ("nerves", &["both-legs-yes"])], Emergency, &["nerves"]),
    v("new trouble peeing (999)", &[("nerves", &["bladder-bowel-yes"])], Emergency, &["nerves"]),
    v("NEW FLAG: new erection problems with back pain (CES card)", &[("nerves", &["sex-yes"])], Emergency, &["nerves"]),
    v("NEW FLAG: weakness getting worse, foot slapping down (CKS progressive deficit)", &[("nerves", &["weakness-worse-yes"])], Emergency, &["nerves"]),
    vs("back pain with chest pain (999; not explained as nerve pressure)", &[("now", &["chest-pain-yes"])], Emergency, &["now"], "heart or a large blood vessel"),
    v("NEW FLAG: 67, sudden severe tummy and back pain (aortic aneurysm)", &[("age", &["over-50"]), ("now", &["tummy-faint-yes"])], Emergency, &["now"]),
    v("NEW FLAG: fainted with the back pain (aortic aneurysm)", &[("now", &["tummy-faint-yes"])], Emergency, &["now"]),
    v("pain since a car crash (999)", &[("now", &["serious-accident-yes"])], Emergency, &["now"]),
    vs("FIXED: not sure about numbness around the genitals only (advice now, not 999)", &[("nerves", &["saddle-not-sure"])], UrgentNow, &["nerves"], "weren't sure whether you have numbness"),
    v("FIXED: not sure about chest pain only", &[("now", &["chest-pain-not-sure"])], UrgentNow, &["now"]),
    v("not sure about one sign and yes to another (yes wins: 999)", &[("nerves", &["saddle-not-sure", "both-legs-yes"])], Emergency, &["nerves"]),
    v("not sure about every nerve sign", &[("nerves", &["both-legs-not-sure", "saddle-not-sure", "bladder-bowel-not-sure", "sex-not-sure", "weakness-worse-not-sure"])], UrgentNow, &["nerves"]),
    vs("NEW FLAG: pregnant with regular tightening (maternity unit now)", &[("now", &["pregnancy-signs-yes"])], UrgentNow, &["now"], "{maternity-now}"),
    v("NEW FLAG: pregnant, not sure about bleeding", &[("now", &["pregnancy-signs-not-sure"])], UrgentNow, &["now"]),
    vs("pregnant, no warning signs (ask the midwife first)", &[("cautions", &["pregnant"])], AskFirst, &["cautions"], "{midwife}"),
    // ---- today ----
    v("30, fever and back pain (infection)", &[("unwell", &["fever"])], SeeDoctorToday, &["unwell"]),
    v("weight loss without trying", &[("unwell", &["weight-loss"])], SeeDoctorToday, &["unwell"]),
    v("NEW FLAG: injects drugs (CKS infection)", &[("unwell", &["drugs"])], SeeDoctorToday, &["unwell"]),
    v("NEW FLAG: urine infection last week (CKS recent bacterial infection)", &[("unwell", &["recent-infection"])], SeeDoctorToday, &["unwell"]),
    v("NEW FLAG: spinal injection 6 weeks ago", &[("unwell", &["spine-procedure"])], SeeDoctorToday, &["unwell"]),
    vs("NEW FLAG: current cancer, pain for a year (cancer team the same day, NG234)", &[("history", &["cancer-now"]), ("duration", &["over-12-weeks"])], SeeDoctorToday, &["history"], "{cancer-team}"),
    vs("NEW FLAG: had cancer, new pain for 2 weeks (NG234)", &[("history", &["cancer-past"])], SeeDoctorToday, &["history", "duration"], "cancer team"),
    v("had cancer, the same pain for 2 years (routine check)", &[("history", &["cancer-past"]), ("duration", &["over-12-weeks"])], SeeDoctorWeeks, &["history"]),
    v("weakened immune system, new pain", &[("history", &["immune"])], SeeDoctorToday, &["history", "duration"]),
    v("weakened immune system, long-standing pain", &[("history", &["immune"]), ("duration", &["over-12-weeks"])], SeeDoctorWeeks, &["history"]),
    v("pain not eased by any position at night (CKS)", &[("pain", &["no-ease"])], SeeDoctorToday, &["pain"]),
    v("worse on coughing, sneezing or pooing (NHS)", &[("pain", &["cough-sneeze"])], SeeDoctorToday, &["pain"]),
    v("pain between the shoulder blades (NHS)", &[("pain", &["between-shoulders"])], SeeDoctorToday, &["pain"]),
    v("a lump on the back (NHS)", &[("pain", &["lump-or-shape"])], SeeDoctorToday, &["pain"]),
    v("new numbness in one leg (CKS sensory loss)", &[("pain", &["one-leg"])], SeeDoctorToday, &["pain"]),
    vs("osteoporosis, fell yesterday (fracture risk)", &[("history", &["bones"]), ("injury", &["last-3-days"])], SeeDoctorToday, &["history", "injury"], "{emergency}"),
    v("FIXED: 70, fell 2 days ago", &[("age", &["over-50"]), ("injury", &["last-3-days"])], SeeDoctorToday, &["age", "injury"]),
    v("70, fell a month ago, pain for 3 weeks", &[("age", &["over-50"]), ("injury", &["earlier"])], SeeDoctorToday, &["age", "injury"]),
    // ---- fixed over-triage: within 1 to 2 weeks, not today ----
    v("FIXED: over 50, new pain for 2 weeks, nothing else", &[("age", &["over-50"])], SeeDoctorWeeks, &["age", "duration"]),
    v("over 50, pain for a year, nothing else (NG59: with exercise)", &[("age", &["over-50"]), ("duration", &["over-12-weeks"])], MassageWithExercise, &["duration"]),
    v("FIXED: stable known osteoporosis, chronic pain, no fall", &[("history", &["bones"]), ("duration", &["over-12-weeks"])], SeeDoctorWeeks, &["history"]),
    v("FIXED: steroid tablets for years, no fall", &[("history", &["bones"])], SeeDoctorWeeks, &["history"]),
    v("FIXED: steroid inhaler only (inhalers don't count), nothing ticked", &[], MassageMayHelp, &[]),
    v("FIXED: night pain that eases when moving (not ticked: position helps)", &[], MassageMayHelp, &[]),
    // ---- young people (fixed: the two 17-year-olds, the under-16s) ----
    v("FIXED: 17, 3 days of mild improving pain (GP within days, not today)", &[("age", &["16-to-19"])], SeeDoctorSoon, &["age", "duration"]),
    v("FIXED: 17, pain for 3 months (doctor, not massage)", &[("age", &["16-to-19"]), ("duration", &["over-12-weeks"])], SeeDoctorWeeks, &["age", "duration"]),
    vs("FIXED: 15, mild pain for 2 weeks (the child outcome)", &[("age", &["under-16"])], Child, &["age"], "under 16"),
    v("FIXED: 15 with a fever (still the child outcome, same-day advice in its copy)", &[("age", &["under-16"]), ("unwell", &["fever"])], Child, &["age"]),
    v("14 with chest pain (emergency at any age)", &[("age", &["under-16"]), ("now", &["chest-pain-yes"])], Emergency, &["now"]),
    v("14, not sure about numbness around the genitals", &[("age", &["under-16"]), ("nerves", &["saddle-not-sure"])], UrgentNow, &["nerves"]),
    // ---- the injury question (fixed: a fall 2 days ago) ----
    vs("FIXED: 35, slipped 2 days ago, can't see any swelling", &[("injury", &["last-3-days"])], HoldOff, &["injury"], "fresh injury"),
    vs("FIXED: not sure whether a fall started it", &[("injury", &["not-sure"])], HoldOff, &["injury"], "weren't sure whether a fall"),
    v("35, fell a week ago, mild and easing", &[("injury", &["earlier"])], MassageMayHelp, &[]),
    v("fresh knock and pregnant (hold off first, ask later)", &[("injury", &["last-3-days"]), ("cautions", &["pregnant"])], HoldOff, &["injury"]),
    // ---- the inflammatory pattern (NG65) ----
    vs("NEW FLAG: 28, 6 months, stiff mornings, eases with movement (axial SpA)", &[("pain", &["inflammatory-pattern"]), ("duration", &["over-12-weeks"])], SeeDoctorWeeks, &["pain", "duration"], "rheumatologist"),
    v("NEW FLAG: alternating buttock pain for 5 months", &[("pain", &["buttocks"]), ("duration", &["over-12-weeks"])], SeeDoctorWeeks, &["pain", "duration"]),
    v("NEW FLAG: psoriasis and 4 months of back pain", &[("history", &["related-condition"]), ("duration", &["over-12-weeks"])], SeeDoctorWeeks, &["history", "duration"]),
    v("eases with movement after a strain 2 weeks ago (NG65 needs over 3 months)", &[("pain", &["inflammatory-pattern"])], MassageMayHelp, &[]),
    // ---- see a doctor soon ----
    v("35, severe pain for a week (NHS: very bad)", &[("severity", &["severe"])], SeeDoctorSoon, &["severity"]),
    v("40, getting worse over 2 weeks", &[("trend", &["worse"])], SeeDoctorSoon, &["trend"]),
    v("45, 6 weeks and not improving (NHS: not better in a few weeks)", &[("duration", &["4-to-12-weeks"]), ("trend", &["same"])], SeeDoctorSoon, &["duration", "trend"]),
    v("chronic but severe", &[("duration", &["over-12-weeks"]), ("severity", &["severe"])], SeeDoctorSoon, &["severity"]),
    // ---- massage cautions and implants ----
    vs("on blood thinners, pain for a year", &[("duration", &["over-12-weeks"]), ("cautions", &["clots-or-bleeding"])], AskFirst, &["cautions"], "bleeding"),
    v("spinal surgery years ago, chronic pain", &[("duration", &["over-12-weeks"]), ("cautions", &["spine-problem"])], AskFirst, &["cautions"]),
    v("a rash on the lower back", &[("cautions", &["skin"])], AskFirst, &["cautions"]),
    v("NEW CAUTION: radiotherapy-treated skin", &[("cautions", &["skin"])], AskFirst, &["cautions"]),
    v("NEW CAUTION: a broken vertebra diagnosed in the spring", &[("cautions", &["fracture"])], AskFirst, &["cautions"]),
    v("NEW CAUTION: a knee operation 6 weeks ago", &[("cautions", &["recent-surgery"])], AskFirst, &["cautions"]),
    v("NEW CAUTION: diabetic nerve damage, reduced feeling", &[("cautions", &["reduced-feeling"])], AskFirst, &["cautions"]),
    vs("NEW CAUTION: pacemaker, widget with a massager", &[("devices", &["pacemaker"])], AskFirst, &["devices"], "implant"),
    v("NEW CAUTION: spinal cord stimulator", &[("devices", &["stimulator"])], AskFirst, &["devices"]),
    v("NEW CAUTION: insulin pump", &[("devices", &["pump"])], AskFirst, &["devices"]),
    v("not sure about implants", &[("devices", &["not-sure"])], AskFirst, &["devices"]),
    v("not sure about the massage cautions", &[("cautions", &["not-sure"])], AskFirst, &["cautions"]),
    // ---- massage may help ----
    v("40, strained lifting a week ago, moderate, easing (ACP)", &[("severity", &["moderate"])], MassageMayHelp, &[]),
    v("45, 6 weeks, mild and improving", &[("duration", &["4-to-12-weeks"])], MassageMayHelp, &[]),
    v("35, a week, about the same (acute, still early)", &[("trend", &["same"])], MassageMayHelp, &[]),
    v("35, chronic, mild, getting better (NG59: with exercise)", &[("duration", &["over-12-weeks"])], MassageWithExercise, &["duration"]),
    // ---- not sure how long (fixed: no made-up facts) ----
    vs("FIXED: not sure how long, getting better (says not sure, not 'over 12 weeks')", &[("duration", &["not-sure"])], MassageWithExercise, &["duration"], "weren't sure how long"),
    v("not sure how long, about the same (counts as 4-12 weeks, not improving)", &[("duration", &["not-sure"]), ("trend", &["same"])], SeeDoctorSoon, &["duration", "trend"]),
    v("over 50, not sure how long (counts as new pain)", &[("age", &["over-50"]), ("duration", &["not-sure"])], SeeDoctorWeeks, &["age", "duration"]),
    v("not sure about the red flags of the pain", &[("pain", &["not-sure"])], SeeDoctorToday, &["pain"]),
];

#[test]
fn vignettes_give_the_expected_outcome_and_reasons() {
    assert!(VIGNETTES.len() >= 60);
    for v in VIGNETTES {
        let a = fine_with(v.answers);
        let verdict = evaluate_for(&a, true);
        assert_eq!(verdict.outcome, v.expect, "{}", v.name);
        assert_eq!(reference_outcome(&a, true), v.expect, "reference disagrees: {}", v.name);
        let from: u16 = verdict.reasons.iter().fold(0, |m, r| m | r.questions);
        let because: Vec<&str> = (0..N).filter(|q| from & (1 << q) != 0).map(|q| questions()[q].id).collect();
        assert_eq!(because, v.because, "reasons for: {}", v.name);
        assert!(verdict.reasons.iter().all(|r| !r.unanswered), "{}", v.name);
        if let Some(says) = v.says {
            let all: Vec<&str> = verdict
                .reasons
                .iter()
                .map(|r| r.text)
                .chain(verdict.advice.iter().copied())
                .chain(verdict.also.iter().flat_map(|x| x.advice.iter().copied()))
                .collect();
            assert!(all.iter().any(|t| t.contains(says)), "{}: {says:?} not in {all:?}", v.name);
        }
    }
    println!("{} vignettes checked", VIGNETTES.len());
}

#[test]
fn vignettes_played_screen_by_screen_give_the_same_result_with_a_fixed_step_total() {
    for v in VIGNETTES {
        let a = fine_with(v.answers);
        let (quiz, shown, steps) = play_with(&a, true);
        let verdict = quiz.verdict().expect("on the result screen");
        assert_eq!(verdict.outcome, v.expect, "{}", v.name);
        // "Step x of n": the same n on every screen, x counting up from 1.
        assert!(steps.iter().all(|&(_, n)| n == N), "{}: {steps:?}", v.name);
        assert!(steps.iter().enumerate().all(|(i, &(x, _))| x == i + 1), "{}: {steps:?}", v.name);
        // The check asks a prefix of the questions: it ends, it never skips.
        assert!(shown.iter().enumerate().all(|(i, &q)| q == i), "{}: {shown:?}", v.name);
        let shown_ids: Vec<&str> = shown.iter().map(|&q| questions()[q].id).collect();
        match v.expect {
            // An emergency sign ends the check on its screen.
            Emergency => assert!(
                v.answers.iter().any(|(q, _)| Some(q) == shown_ids.last()),
                "{}: {shown_ids:?}",
                v.name
            ),
            // After the two emergency screens nothing can give a more cautious outcome.
            UrgentNow | Child => assert_eq!(shown_ids, ["age", "nerves", "now"], "{}", v.name),
            MassageMayHelp | MassageWithExercise => assert_eq!(shown.len(), N, "{}", v.name),
            _ => {}
        }
        let because: u16 = verdict.reasons.iter().fold(0, |m, r| m | r.questions);
        assert!(verdict.reasons.iter().all(|r| !r.unanswered), "{}", v.name);
        assert!((0..N).all(|q| because & (1 << q) == 0 || shown.contains(&q)), "{}", v.name);
    }
}

#[test]
fn without_a_massager_the_check_has_one_step_less_and_no_implant_question() {
    let a = answers(FINE);
    let (quiz, shown, steps) = play_with(&a, false);
    assert_eq!(quiz.verdict().unwrap().outcome, MassageMayHelp);
    assert_eq!(shown.len(), N - 1);
    assert!(!shown.contains(&q("devices")));
    assert!(steps.iter().all(|&(_, n)| n == N - 1));
    // The same pacemaker reader, in a widget with no product and no timer.
    let pacemaker = fine_with(&[("devices", &["pacemaker"])]);
    assert_eq!(play_with(&pacemaker, false).0.verdict().unwrap().outcome, MassageMayHelp);
    assert_eq!(play_with(&pacemaker, true).0.verdict().unwrap().outcome, AskFirst);
}

/// Every text an outcome shows, filled for one locale.
fn outcome_texts(outcome: Outcome, locale: Locale, number: &str) -> String {
    let info = outcome.info();
    let mut all: Vec<&'static str> = vec![info.title, info.summary, info.urgency];
    all.extend(info.do_now);
    all.extend(info.if_worse);
    all.extend(info.why);
    all.push(emergency_line());
    all.iter().map(|t| fill(t, locale, number)).collect::<Vec<_>>().join("\n")
}

#[test]
fn the_us_reader_gets_us_advice_and_the_uk_reader_nhs_advice() {
    // US (the default): 911, ER, urgent care, a nurse line; no NHS words.
    let urgent = outcome_texts(UrgentNow, Locale::EnUs, "911");
    assert!(urgent.contains("nurse advice line") && urgent.contains("emergency room (ER)"), "{urgent}");
    assert!(outcome_texts(SeeDoctorToday, Locale::EnUs, "911").contains("urgent care"));
    assert!(outcome_texts(Emergency, Locale::EnUs, "911").contains("Call 911 now"));
    // UK: 999, A&E, NHS 111, GP.
    let uk_urgent = outcome_texts(UrgentNow, Locale::EnGb, "999");
    assert!(uk_urgent.contains("NHS 111") && uk_urgent.contains("A&E"), "{uk_urgent}");
    assert!(outcome_texts(SeeDoctorSoon, Locale::EnGb, "999").contains("GP"));
    for o in Outcome::ALL {
        let us = outcome_texts(o, Locale::EnUs, "911");
        for uk_word in ["NHS", "GP", "A&E", "999", "poo", "tummy", "midwife or maternity unit"] {
            assert!(!us.contains(uk_word), "{o:?} shows {uk_word:?} to a US reader:\n{us}");
        }
        let uk = outcome_texts(o, Locale::EnGb, "999");
        for us_word in ["911", "(ER)", "urgent care center", "nurse advice line", "belly", "OB-GYN"] {
            assert!(!uk.contains(us_word), "{o:?} shows {us_word:?} to a UK reader:\n{uk}");
        }
        assert!(!us.contains('{') && !uk.contains('{'), "{o:?}: a placeholder is left");
    }
    // The question texts too: "poo" only in the UK.
    let cough = &questions()[q("pain")].options[c("pain", "cough-sneeze")];
    assert!(fill(cough.label, Locale::EnUs, "911").contains("bowel movement"));
    assert!(fill(cough.label, Locale::EnGb, "999").contains("poo"));
}

#[test]
fn the_copy_no_longer_says_wrong_or_contradictory_things() {
    let emergency = outcome_texts(Emergency, Locale::EnUs, "911");
    assert!(!emergency.contains("pressure on the nerves"), "chest pain is not nerve pressure");
    assert!(emergency.contains("Don't drive yourself"));
    let fine = outcome_texts(MassageMayHelp, Locale::EnUs, "911");
    assert!(!fine.contains("don't show any warning signs"), "over-reassuring");
    assert!(fine.contains("You didn't report any of the warning signs we asked about"));
    // "If it gets worse" lists the emergency signs instead of pointing to "the signs".
    let line = fill(emergency_line(), Locale::EnUs, "911");
    for sign in ["genitals", "peeing", "both legs", "chest pain"] {
        assert!(line.contains(sign), "{line}");
    }
    assert!(Outcome::ALL.iter().all(|o| o.info().emergency_line || *o == Emergency));
    // Hold off: keep moving, not "rest the sore area".
    let hold = outcome_texts(HoldOff, Locale::EnUs, "911");
    assert!(!hold.contains("Rest the sore area") && hold.contains("Keep moving gently"));
    // The chronic outcome does not link to the "remarkable benefits" section.
    assert!(!MassageWithExercise.info().sections.contains(&"research"));
}
