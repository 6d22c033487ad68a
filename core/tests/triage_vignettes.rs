//! Named clinical vignettes, one per red flag and caution and per case the v2 review (issue 13)
//! and the v3 clinical review (issue 18, "POINT n") found wrong, each naming its standard
//! (NHS 999 / 111 / GP tiers, NICE CKS red flags, NICE NG59, NG65, NG234, NCCIH cautions, the
//! Royal Osteoporosis Society, paediatric red flags; see the sources block of quiz.toml). Each is checked twice: with `evaluate` on
//! the answers, and by playing the check screen by screen as a reader would, where the step
//! total must stay the same from the first step to the last.

mod triage_common;

use massage_guide_core::locale::{fill, Locale};
use massage_guide_core::triage::{
    disclaimer, emergency_line, emergency_signs, evaluate_for, questions, rules, Level, MainAction, Outcome,
};
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
    // ---- emergency signs: heart, blood vessel, accident (an ambulance) and nerve signs (A&E / ER) ----
    v("numbness around the genitals (CES card: A&E now)", &[("nerves", &["saddle-yes"])], EmergencyNerves, &["nerves"]),
    v("tingling and weakness in both legs, over 50 (NHS 999 list)", &[("age", &["51-to-69"]), ("nerves", &["both-legs-yes"])], EmergencyNerves, &["nerves"]),
    v("new trouble peeing (NHS 999 list)", &[("nerves", &["bladder-bowel-yes"])], EmergencyNerves, &["nerves"]),
    v("new erection problems with back pain (CES card)", &[("nerves", &["sex-yes"])], EmergencyNerves, &["nerves"]),
    v("weakness getting worse, foot slapping down (CKS progressive deficit)", &[("nerves", &["weakness-worse-yes"])], EmergencyNerves, &["nerves"]),
    vs("back pain with chest pain (NHS 999: an ambulance)", &[("now", &["chest-pain-yes"])], Emergency, &["now"], "heart or a large blood vessel"),
    v("67, sudden severe tummy and back pain (AAA: an ambulance)", &[("age", &["51-to-69"]), ("now", &["tummy-faint-yes"])], Emergency, &["now"]),
    v("fainted with the back pain (AAA)", &[("now", &["tummy-faint-yes"])], Emergency, &["now"]),
    v("pain since a car crash (NHS 999)", &[("now", &["serious-accident-yes"])], Emergency, &["now"]),
    v("POINT 5: chest pain and a nerve sign (the ambulance wins: NHS 999)", &[("now", &["chest-pain-yes"]), ("nerves", &["saddle-yes"])], Emergency, &["now"]),
    vs("not sure about numbness around the genitals only (advice now, judgement call 1)", &[("nerves", &["saddle-not-sure"])], UrgentNow, &["nerves"], "weren't sure if you have numbness"),
    v("not sure about chest pain only (judgement call 1)", &[("now", &["chest-pain-not-sure"])], UrgentNow, &["now"]),
    v("not sure about one sign and yes to another (yes wins)", &[("nerves", &["saddle-not-sure", "both-legs-yes"])], EmergencyNerves, &["nerves"]),
    v("not sure about every nerve sign", &[("nerves", &["both-legs-not-sure", "saddle-not-sure", "bladder-bowel-not-sure", "sex-not-sure", "weakness-worse-not-sure"])], UrgentNow, &["nerves"]),
    // ---- pregnancy (point 6: its own outcome, the maternity team first and only; PREG) ----
    vs("POINT 6: pregnant with regular tightening (maternity team now, PREG)", &[("now", &["pregnancy-signs-yes"])], PregnancyNow, &["now"], "maternity team"),
    v("POINT 6: pregnant, not sure about bleeding (PREG)", &[("now", &["pregnancy-signs-not-sure"])], PregnancyNow, &["now"]),
    v("POINT 6: pregnancy signs and not sure about chest pain (maternity first, judgement call 12)", &[("now", &["pregnancy-signs-yes", "chest-pain-not-sure"])], PregnancyNow, &["now"]),
    v("pregnancy signs and chest pain (an ambulance wins)", &[("now", &["pregnancy-signs-yes", "chest-pain-yes"])], Emergency, &["now"]),
    vs("pregnant, no warning signs (ask the midwife first, NCCIH)", &[("cautions", &["pregnant"])], AskFirst, &["cautions"], "{midwife}"),
    vs("POINT 6: pregnant and fell yesterday (hold off; the midwife hears of it)", &[("injury", &["last-3-days"]), ("cautions", &["pregnant"])], HoldOff, &["injury"], "{midwife}"),
    // ---- today ----
    v("30, fever and back pain (CKS infection)", &[("unwell", &["fever"])], SeeDoctorToday, &["unwell"]),
    v("weight loss without trying (NHS 111 list)", &[("unwell", &["weight-loss"])], SeeDoctorToday, &["unwell"]),
    v("injects drugs (CKS infection)", &[("unwell", &["drugs"])], SeeDoctorToday, &["unwell"]),
    vs("POINT 7: urine infection treated with antibiotics last week (CKS recent bacterial infection)", &[("unwell", &["recent-infection"])], SeeDoctorToday, &["unwell"], "antibiotics"),
    vs("POINT 7: new pain since a spinal injection 6 weeks ago", &[("unwell", &["spine-procedure"])], SeeDoctorToday, &["unwell"], "new or different pain"),
    vs("current cancer, pain for a year (cancer team the same day, NG234)", &[("history", &["cancer-now-yes"]), ("duration", &["over-12-weeks"])], SeeDoctorToday, &["history"], "{cancer-team}"),
    vs("POINT 7: waiting for cancer test results, new pain (NG234; judgement call 5)", &[("history", &["cancer-now-not-sure"])], SeeDoctorToday, &["history"], "weren't sure if you have cancer now"),
    vs("had cancer, new pain for 2 weeks (NG234)", &[("history", &["cancer-past-yes"])], SeeDoctorToday, &["history", "duration"], "cancer team"),
    v("had cancer, the same mild pain for 2 years, improving (CKS: routine check)", &[("history", &["cancer-past-yes"]), ("duration", &["over-12-weeks"])], SeeDoctorWeeks, &["history"]),
    v("weakened immune system, new pain (CKS)", &[("history", &["immune-yes"])], SeeDoctorToday, &["history", "duration"]),
    v("weakened immune system, long-standing improving pain (CKS)", &[("history", &["immune-yes"]), ("duration", &["over-12-weeks"])], SeeDoctorWeeks, &["history"]),
    v("pain not eased by any position at night (CKS)", &[("pain", &["no-ease"])], SeeDoctorToday, &["pain"]),
    v("worse on coughing, sneezing or pooing (NHS 111 list)", &[("pain", &["cough-sneeze"])], SeeDoctorToday, &["pain"]),
    v("pain between the shoulder blades (NHS 111 list)", &[("pain", &["between-shoulders"])], SeeDoctorToday, &["pain"]),
    v("a lump on the back (NHS 111 list)", &[("pain", &["lump-or-shape"])], SeeDoctorToday, &["pain"]),
    v("new numbness in one leg (CKS sensory loss)", &[("pain", &["one-leg"])], SeeDoctorToday, &["pain"]),
    vs("osteoporosis, fell yesterday (CKS fracture; ER if you can't stand)", &[("history", &["bones-yes"]), ("injury", &["last-3-days"])], SeeDoctorToday, &["history", "injury"], "{er}"),
    // ---- point 2: a fragility fracture without a fall ----
    vs("POINT 2: osteoporosis, sudden pain lifting a box, no fall (CKS strenuous lifting; ROS)", &[("history", &["bones-yes"]), ("injury", &["sudden"])], SeeDoctorToday, &["history", "injury"], "lifting"),
    v("POINT 2: steroid tablets for years, pain started with a cough (CKS; ROS)", &[("history", &["bones-yes"]), ("injury", &["sudden"]), ("duration", &["4-to-12-weeks"])], SeeDoctorToday, &["history", "injury"]),
    v("POINT 2: not sure about thin bones, pain started suddenly when bending (CKS)", &[("history", &["bones-not-sure"]), ("injury", &["sudden"])], SeeDoctorToday, &["history", "injury"]),
    v("POINT 2: 75, sudden pain when lifting, no fall (CKS older age; ROS)", &[("age", &["70-or-over"]), ("injury", &["sudden"])], SeeDoctorToday, &["age", "injury"]),
    v("35, strained lifting 3 days ago, mild and easing (no bone risk: no warning)", &[("injury", &["sudden"])], MassageMayHelp, &[]),
    // ---- point 7 (and 9): 50-69 with a minor knock; blood thinners carried into the advice ----
    vs("POINT 7: 60, minor knock 5 days ago, mild, improving (a few days, not today; CKS)", &[("age", &["51-to-69"]), ("injury", &["earlier"])], SeeDoctorSoon, &["age", "injury"], "thins your blood"),
    v("POINT 7: 60, fell 2 days ago, severe pain (CKS sudden severe pain: today)", &[("age", &["51-to-69"]), ("injury", &["last-3-days"]), ("severity", &["severe"])], SeeDoctorToday, &["age", "injury", "severity"]),
    vs("POINT 9: 75, fell 2 days ago (today; blood thinners named, ER if can't stand)", &[("age", &["70-or-over"]), ("injury", &["last-3-days"])], SeeDoctorToday, &["age", "injury"], "thins your blood"),
    v("75, fell a month ago, pain for 3 weeks (CKS older age)", &[("age", &["70-or-over"]), ("injury", &["earlier"])], SeeDoctorToday, &["age", "injury"]),
    // ---- within 1 to 2 weeks, not today ----
    v("over 50, new pain for 2 weeks, nothing else (CKS, judgement call 4)", &[("age", &["51-to-69"])], SeeDoctorWeeks, &["age", "duration"]),
    v("over 50, pain for a year, getting better (NG59: with exercise)", &[("age", &["51-to-69"]), ("duration", &["over-12-weeks"])], MassageWithExercise, &["duration"]),
    v("stable known osteoporosis, chronic improving pain, no fall (CKS)", &[("history", &["bones-yes"]), ("duration", &["over-12-weeks"])], SeeDoctorWeeks, &["history"]),
    v("steroid tablets for years, started slowly (CKS)", &[("history", &["bones-yes"])], SeeDoctorWeeks, &["history"]),
    vs("POINT 7: not sure about steroid tablets only (per-item doubt: a routine check, no cancer doubt)", &[("history", &["bones-not-sure"])], SeeDoctorWeeks, &["history"], "weren't sure about thin bones"),
    v("steroid inhaler only (inhalers don't count), nothing ticked", &[], MassageMayHelp, &[]),
    v("night pain that eases when moving (not ticked: position helps)", &[], MassageMayHelp, &[]),
    // ---- point 3: long-standing pain that isn't improving ----
    v("POINT 3: 60, pain for a year, about the same (NHS: see a GP if not improving)", &[("age", &["51-to-69"]), ("duration", &["over-12-weeks"]), ("trend", &["same"])], SeeDoctorWeeks, &["duration", "trend"]),
    v("POINT 3: 35, pain for 6 months, about the same (NHS-GP; NG59)", &[("duration", &["over-12-weeks"]), ("trend", &["same"])], SeeDoctorWeeks, &["duration", "trend"]),
    v("35, pain for 6 months, getting worse (NHS-GP: a few days)", &[("duration", &["over-12-weeks"]), ("trend", &["worse"])], SeeDoctorSoon, &["trend"]),
    // ---- young people ----
    v("17, 3 days of mild improving pain (CKS under 20: GP within days)", &[("age", &["16-to-19"])], SeeDoctorSoon, &["age", "duration"]),
    v("17, pain for 3 months (CKS; NG65)", &[("age", &["16-to-19"]), ("duration", &["over-12-weeks"])], SeeDoctorWeeks, &["age", "duration"]),
    vs("15, mild pain for 2 weeks (the calm child outcome)", &[("age", &["under-16"])], Child, &["age"], "under 16"),
    v("POINT 1: 15 with a fever (the child's today; PAED, CKS infection)", &[("age", &["under-16"]), ("unwell", &["fever"])], ChildToday, &["age", "unwell"]),
    v("POINT 1: 13, weight loss without trying (PAED)", &[("age", &["under-16"]), ("unwell", &["weight-loss"])], ChildToday, &["age", "unwell"]),
    v("POINT 1: 15, new numbness in one leg (PAED nerve signs)", &[("age", &["under-16"]), ("pain", &["one-leg"])], ChildToday, &["age", "pain"]),
    v("POINT 1: 12, pain keeps her awake and nothing eases it (PAED night pain)", &[("age", &["under-16"]), ("pain", &["no-ease"])], ChildToday, &["age", "pain"]),
    v("POINT 1: 14, being treated for leukaemia now (NG234; PAED)", &[("age", &["under-16"]), ("history", &["cancer-now-yes"])], ChildToday, &["age", "history"]),
    v("POINT 1: 14, had cancer, new pain (NG234; PAED)", &[("age", &["under-16"]), ("history", &["cancer-past-yes"])], ChildToday, &["age", "history", "duration"]),
    v("POINT 1: 15, pain getting worse (PAED)", &[("age", &["under-16"]), ("trend", &["worse"])], ChildToday, &["age", "trend"]),
    v("POINT 1: 15, severe pain (PAED)", &[("age", &["under-16"]), ("severity", &["severe"])], ChildToday, &["age", "severity"]),
    v("14 with chest pain (an ambulance at any age)", &[("age", &["under-16"]), ("now", &["chest-pain-yes"])], Emergency, &["now"]),
    v("14, not sure about numbness around the genitals", &[("age", &["under-16"]), ("nerves", &["saddle-not-sure"])], UrgentNow, &["nerves"]),
    // ---- the start question ----
    vs("35, slipped 2 days ago, can't see any swelling", &[("injury", &["last-3-days"])], HoldOff, &["injury"], "fresh injury"),
    vs("not sure how the pain started", &[("injury", &["not-sure"])], HoldOff, &["injury"], "weren't sure how the pain started"),
    v("35, fell a week ago, mild and easing", &[("injury", &["earlier"])], MassageMayHelp, &[]),
    // ---- the inflammatory pattern (NG65) ----
    vs("28, 6 months, stiff mornings, eases with movement (NG65 axial SpA)", &[("pain", &["inflammatory-pattern"]), ("duration", &["over-12-weeks"])], SeeDoctorWeeks, &["age", "pain", "duration"], "rheumatologist"),
    v("alternating buttock pain for 5 months (NG65)", &[("pain", &["buttocks"]), ("duration", &["over-12-weeks"])], SeeDoctorWeeks, &["age", "pain", "duration"]),
    v("psoriasis and 4 months of back pain (NG65)", &[("history", &["related-condition-yes"]), ("duration", &["over-12-weeks"])], SeeDoctorWeeks, &["age", "history", "duration"]),
    v("POINT 9: 60, stiff mornings for years, improving (NG65 is for onset before 45: exercise)", &[("age", &["51-to-69"]), ("pain", &["inflammatory-pattern"]), ("duration", &["over-12-weeks"])], MassageWithExercise, &["duration"]),
    v("eases with movement after a strain 2 weeks ago (NG65 needs over 3 months)", &[("pain", &["inflammatory-pattern"])], MassageMayHelp, &[]),
    // ---- see a doctor soon ----
    v("35, severe pain for a week (NHS-GP: very bad)", &[("severity", &["severe"])], SeeDoctorSoon, &["severity"]),
    v("40, getting worse over 2 weeks (NHS-GP)", &[("trend", &["worse"])], SeeDoctorSoon, &["trend"]),
    v("45, 6 weeks and not improving (NHS-GP: not better in a few weeks)", &[("duration", &["4-to-12-weeks"]), ("trend", &["same"])], SeeDoctorSoon, &["duration", "trend"]),
    v("chronic but severe (NHS-GP)", &[("duration", &["over-12-weeks"]), ("severity", &["severe"])], SeeDoctorSoon, &["severity"]),
    // ---- massage cautions and implants ----
    vs("on blood thinners, pain for a year (NCCIH)", &[("duration", &["over-12-weeks"]), ("cautions", &["clots-or-bleeding"])], AskFirst, &["cautions"], "bleeding"),
    v("spine surgery 6 months ago, chronic pain (judgement call 9)", &[("duration", &["over-12-weeks"]), ("cautions", &["spine-surgery"])], AskFirst, &["cautions"]),
    v("a rash on the lower back (NCCIH)", &[("cautions", &["skin"])], AskFirst, &["cautions"]),
    v("radiotherapy-treated skin (NCCIH)", &[("cautions", &["skin"])], AskFirst, &["cautions"]),
    v("a broken vertebra diagnosed in the spring (NCCIH)", &[("cautions", &["fracture"])], AskFirst, &["cautions"]),
    v("a knee operation 6 weeks ago (NCCIH)", &[("cautions", &["recent-surgery"])], AskFirst, &["cautions"]),
    v("diabetic nerve damage, reduced feeling (NCCIH)", &[("cautions", &["reduced-feeling"])], AskFirst, &["cautions"]),
    v("POINT 8: long-standing diabetic numbness in both legs, unchanged (not new: a caution, not 999)", &[("cautions", &["reduced-feeling"])], AskFirst, &["cautions"]),
    vs("POINT 9: pacemaker, widget with a massager (hands only; ABMP implants)", &[("devices", &["pacemaker"])], HandsOnly, &["devices"], "implant"),
    v("POINT 9: spinal cord stimulator (hands only)", &[("devices", &["stimulator"])], HandsOnly, &["devices"]),
    v("POINT 9: insulin pump (hands only)", &[("devices", &["pump"])], HandsOnly, &["devices"]),
    v("not sure about implants (hands only)", &[("devices", &["not-sure"])], HandsOnly, &["devices"]),
    v("pacemaker and pregnant (ask first wins)", &[("devices", &["pacemaker"]), ("cautions", &["pregnant"])], AskFirst, &["cautions"]),
    v("not sure about the massage cautions", &[("cautions", &["not-sure"])], AskFirst, &["cautions"]),
    // ---- massage may help ----
    v("40, strained lifting a week ago, moderate, easing (ACP)", &[("severity", &["moderate"])], MassageMayHelp, &[]),
    v("45, 6 weeks, mild and improving", &[("duration", &["4-to-12-weeks"])], MassageMayHelp, &[]),
    v("35, a week, about the same (acute, still early)", &[("trend", &["same"])], MassageMayHelp, &[]),
    v("35, chronic, mild, getting better (NG59: with exercise)", &[("duration", &["over-12-weeks"])], MassageWithExercise, &["duration"]),
    // ---- not sure how long ----
    vs("not sure how long, getting better (says not sure, not 'over 12 weeks')", &[("duration", &["not-sure"])], MassageWithExercise, &["duration"], "weren't sure how long"),
    v("not sure how long, about the same (counts as 4-12 weeks, not improving)", &[("duration", &["not-sure"]), ("trend", &["same"])], SeeDoctorSoon, &["duration", "trend"]),
    v("over 50, not sure how long (counts as new pain)", &[("age", &["51-to-69"]), ("duration", &["not-sure"])], SeeDoctorWeeks, &["age", "duration"]),
    v("not sure about the red flags of the pain", &[("pain", &["not-sure"])], SeeDoctorToday, &["pain"]),
];

#[test]
fn vignettes_give_the_expected_outcome_and_reasons() {
    assert!(VIGNETTES.len() >= 90);
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
            Emergency | EmergencyNerves => assert!(
                v.answers.iter().any(|(q, _)| Some(q) == shown_ids.last()),
                "{}: {shown_ids:?}",
                v.name
            ),
            // After the two emergency screens nothing can give a more cautious outcome.
            UrgentNow | PregnancyNow => assert_eq!(shown_ids, ["age", "now", "nerves"], "{}", v.name),
            // Under 16: asked up to the trend (same-day signs, how bad, getting worse).
            Child => assert_eq!(shown.len(), q("trend") + 1, "{}", v.name),
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
    assert_eq!(play_with(&pacemaker, true).0.verdict().unwrap().outcome, HandsOnly);
}

/// Every text an outcome shows, filled for one locale.
fn outcome_texts(outcome: Outcome, locale: Locale, number: &str) -> String {
    let info = outcome.info();
    let mut all: Vec<&'static str> = vec![info.title, info.summary, info.urgency];
    all.extend(info.do_now);
    all.extend(info.if_worse);
    all.extend(info.why);
    all.push(emergency_line());
    all.extend(emergency_signs());
    all.iter().map(|t| fill(t, locale, number)).collect::<Vec<_>>().join("\n")
}

/// Every text of the questions (prompts, hints, labels, details, reasons, advice).
fn question_texts(locale: Locale, number: &str) -> String {
    let mut all: Vec<&'static str> = vec![disclaimer()];
    for q in questions() {
        all.push(q.prompt);
        all.extend(q.hint);
        for i in q.items {
            all.push(i.label);
            all.extend(i.detail);
        }
        for o in q.options {
            all.push(o.label);
            all.extend(o.detail);
            all.extend(o.why);
            all.extend(o.advice);
        }
    }
    for r in rules() {
        all.extend(r.why);
        all.extend(r.advice);
    }
    all.iter().map(|t| fill(t, locale, number)).collect::<Vec<_>>().join("\n")
}

#[test]
fn the_us_reader_gets_us_advice_and_the_uk_reader_nhs_advice() {
    // US (the default): 911, ER, a nurse line; no NHS words.
    let urgent = outcome_texts(UrgentNow, Locale::EnUs, "911");
    assert!(urgent.contains("nurse advice line") && urgent.contains("emergency room (ER)"), "{urgent}");
    // Point 4: a US reader who can't be seen today goes to the ER (urgent care can't scan).
    let today = outcome_texts(SeeDoctorToday, Locale::EnUs, "911");
    assert!(today.contains("go to an emergency room (ER)") && today.contains("Urgent care centers often can't"), "{today}");
    assert!(outcome_texts(Emergency, Locale::EnUs, "911").contains("Call 911 now"));
    // UK: 999, A&E, NHS 111, GP.
    let uk_urgent = outcome_texts(UrgentNow, Locale::EnGb, "999");
    assert!(uk_urgent.contains("NHS 111") && uk_urgent.contains("A&E"), "{uk_urgent}");
    assert!(outcome_texts(SeeDoctorSoon, Locale::EnGb, "999").contains("GP"));
    // Point 9: no UK words in US copy, no US words in UK copy (outcomes and questions).
    let uk_words = ["NHS", "GP", "A&E", "999", "poo", "tummy", "midwife or maternity unit", "physiotherapist", "carer", "labour", "straight away", "your bottom", "genitals, bottom", "or bottom"];
    let us_words = ["911", "(ER)", "urgent care center", "nurse advice line", "belly", "OB-GYN", "physical therapist", "caregiver", "buttocks", "labor "];
    for o in Outcome::ALL {
        let us = outcome_texts(o, Locale::EnUs, "911");
        for uk_word in uk_words {
            assert!(!us.contains(uk_word), "{o:?} shows {uk_word:?} to a US reader:\n{us}");
        }
        let uk = outcome_texts(o, Locale::EnGb, "999");
        for us_word in us_words {
            assert!(!uk.contains(us_word), "{o:?} shows {us_word:?} to a UK reader:\n{uk}");
        }
        assert!(!us.contains('{') && !uk.contains('{'), "{o:?}: a placeholder is left");
    }
    let us = question_texts(Locale::EnUs, "911");
    for uk_word in uk_words {
        assert!(!us.contains(uk_word), "the questions show {uk_word:?} to a US reader");
    }
    let uk = question_texts(Locale::EnGb, "999");
    for us_word in us_words {
        assert!(!uk.contains(us_word), "the questions show {us_word:?} to a UK reader");
    }
    // "poo" only in the UK.
    let cough = &questions()[q("pain")].options[c("pain", "cough-sneeze")];
    assert!(fill(cough.label, Locale::EnUs, "911").contains("bowel movement"));
    assert!(fill(cough.label, Locale::EnGb, "999").contains("poo"));
    // Point 9: every urgent US result has a call button or a clear fallback.
    for o in Outcome::ALL.into_iter().filter(|o| o.info().level == Level::Stop) {
        let info = o.info();
        let ok = match info.main {
            MainAction::CallEmergency => true,
            MainAction::CallAdvice => !Locale::EnUs.text("advice-no-number").unwrap_or("").is_empty(),
            // The way to reach help is in "What to do now", with a fallback place to go.
            _ => outcome_texts(o, Locale::EnUs, "911").contains("emergency room (ER)")
                || outcome_texts(o, Locale::EnUs, "911").contains("labor and delivery unit"),
        };
        assert!(ok, "{o:?}: no call button or fallback for a US reader");
    }
}

#[test]
fn the_copy_no_longer_says_wrong_or_contradictory_things() {
    let emergency = outcome_texts(Emergency, Locale::EnUs, "911");
    assert!(!emergency.contains("pressure on the nerves"), "chest pain is not nerve pressure");
    // Point 5: heart / blood vessel signs: an ambulance, not a lift; nerve signs: the ER now.
    assert!(emergency.contains("ask for an ambulance") && emergency.contains("Don't go by car"), "{emergency}");
    assert!(!emergency.contains("Ask someone to take you"), "{emergency}");
    let nerves = outcome_texts(EmergencyNerves, Locale::EnGb, "999");
    assert!(nerves.starts_with("Go to the nearest A&E now") && nerves.contains("call 999"), "{nerves}");
    let fine = outcome_texts(MassageMayHelp, Locale::EnUs, "911");
    assert!(!fine.contains("don't show any warning signs"), "over-reassuring");
    assert!(fine.contains("You didn't report any of the warning signs we asked about"));
    // Point 5: the emergency signs are a list, with the missing signs.
    let signs = emergency_signs().iter().map(|t| fill(t, Locale::EnGb, "999")).collect::<Vec<_>>().join("\n");
    for sign in ["genitals", "peeing", "both legs", "Chest pain", "getting worse, or new trouble walking", "faint", "tummy"] {
        assert!(signs.contains(sign), "{sign}: {signs}");
    }
    assert!(emergency_signs().len() >= 6 && emergency_signs().iter().all(|s| s.len() < 80));
    assert!(Outcome::ALL.iter().all(|o| o.info().emergency_line || o.info().main == MainAction::CallEmergency));
    // Point 4: the same-day outcomes escalate (rigors, confusion, fainting, can't stand or walk).
    for o in [SeeDoctorToday, ChildToday] {
        let t = outcome_texts(o, Locale::EnGb, "999");
        assert!(t.contains("Go to the nearest A&E now, or call 999") && t.contains("shaking chills") && t.contains("confused") && t.contains("can't stand or walk"), "{o:?}: {t}");
        assert!(!t.contains("If you can't get an appointment today and feel worse"), "{o:?} repeats itself");
    }
    // Point 6: pregnancy: the maternity team only, with its 999 triggers, no "which sign you weren't sure about".
    let preg = outcome_texts(PregnancyNow, Locale::EnGb, "999");
    assert!(preg.contains("midwife or maternity unit") && preg.contains("Call 999 for an ambulance if you bleed a lot"), "{preg}");
    assert!(!preg.contains("NHS 111") && !preg.contains("weren't sure about"), "{preg}");
    assert!(!outcome_texts(UrgentNow, Locale::EnGb, "999").contains("maternity"));
    // Point 9: after a fall, "can't stand or walk normally" means A&E / the ER.
    let hold = outcome_texts(HoldOff, Locale::EnUs, "911");
    assert!(!hold.contains("Rest the sore area") && hold.contains("Keep moving gently"));
    assert!(hold.contains("Go to the nearest emergency room (ER) if you can't stand or walk normally"), "{hold}");
    // Point 9: an implant rules out a vibrating or electric massager, not the hands.
    let hands = outcome_texts(HandsOnly, Locale::EnUs, "911");
    assert!(hands.contains("massage with your hands") && hands.contains("shaking or electric massager"));
    assert!(!HandsOnly.info().offers_product && HandsOnly.info().routine == Some("hands"));
    // The chronic outcome does not link to the "remarkable benefits" section.
    assert!(!MassageWithExercise.info().sections.contains(&"research"));
}

#[test]
fn the_v3_question_wording_fixes_are_in_place() {
    let label = |question: &str, option: &str| questions()[q(question)].options[c(question, option)].label;
    let item = |question: &str, id: &str| questions()[q(question)].items.iter().find(|i| i.id == id).unwrap();
    // Point 8: "new" on the both-legs sign; long-standing numbness doesn't count.
    assert!(item("nerves", "both-legs").label.starts_with("New "));
    assert!(item("nerves", "both-legs").detail.unwrap().contains("diabetes"));
    // Point 7: an infection treated with antibiotics (a cold doesn't count); a spinal
    // procedure only with new or different pain or a fever.
    assert!(label("unwell", "recent-infection").contains("antibiotics"));
    assert!(label("unwell", "spine-procedure").starts_with("New or different pain, or a fever"));
    // Point 7: the health question is answered per item.
    assert_eq!(questions()[q("history")].kind, massage_guide_core::triage::QuestionKind::Each);
    // Point 2: the start question asks about lifting, bending and coughing.
    assert!(questions()[q("injury")].options.iter().any(|o| o.label.contains("lifted, bent")));
    // Point 9: a slipped disc or stenosis is not a massage caution (NCCIH; NG59).
    let cautions = question_texts(Locale::EnGb, "999");
    assert!(!cautions.contains("slipped disc") && !cautions.contains("stenosis"));
}

/// An implant answer under a more cautious result (reached by changing an earlier answer on
/// the review screen) still says "no electric massager", and the timer is told so.
#[test]
fn an_implant_answer_shows_under_a_doctor_result_and_reaches_the_timer() {
    use massage_guide_core::triage::LastCheck;
    let a = fine_with(&[("duration", &["over-12-weeks"]), ("trend", &["worse"]), ("devices", &["pacemaker"])]);
    let verdict = evaluate_for(&a, true);
    assert_eq!(verdict.outcome, SeeDoctorSoon);
    let also = verdict.also.iter().find(|x| x.outcome == HandsOnly).expect("the implant note shows too");
    assert!(HandsOnly.also_title().contains("electric massager"), "{}", HandsOnly.also_title());
    assert!(also.advice.iter().any(|t| t.contains("electric massager")), "{:?}", also.advice);
    let last = LastCheck::of(&verdict);
    assert!(last.implant && !last.allows_massager());
    assert_eq!(LastCheck::decode(&last.encode()), Some(last));
    // Without the implant answer the timer may offer every routine.
    let without = evaluate_for(&fine_with(&[("duration", &["over-12-weeks"]), ("trend", &["worse"])]), true);
    assert!(LastCheck::of(&without).allows_massager());
    // Hands only as the result itself.
    let hands = evaluate_for(&fine_with(&[("devices", &["pacemaker"])]), true);
    assert_eq!(hands.outcome, HandsOnly);
    let last = LastCheck::of(&hands);
    assert!(!last.implant && !last.allows_massager());
}
