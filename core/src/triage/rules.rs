//! The evaluator: answers → the most cautious outcome that applies, the plain-language reasons
//! behind it, and the advice that goes with them.
//!
//! Each chosen option raises flags; an unanswered question (or item) counts as raising every
//! flag it could (its most cautious reading). Every rule whose flags are all raised applies;
//! the most cautious of them wins, or the data's default outcome when none applies. Because
//! rules only ever need flags to be present, more flags can never give a less cautious outcome.

use super::{Answers, Choice, FlagSet, Outcome, Rule, OTHERWISE, QUESTIONS, RULES};

/// The result of the check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub outcome: Outcome,
    /// Why, in plain words, most important first: the deciding rules' own reasons, or the
    /// reasons of the answers behind them, then the outcome's general ones. Never empty.
    pub reasons: Vec<Reason>,
    /// Advice specific to these answers (e.g. "contact your cancer team today"), shown
    /// before the outcome's own "What to do now".
    pub advice: Vec<&'static str>,
    /// Massage cautions that also apply but are not the result (e.g. "you are pregnant"
    /// under "See a doctor today"), so the reader hears them too. Never on an immediate
    /// outcome.
    pub also: Vec<Also>,
}

/// One reason behind an outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason {
    /// The sentence shown (may contain placeholders).
    pub text: &'static str,
    /// Bit `q` = question `q`'s answer led to it (0 for the outcome's general reasons).
    pub questions: u16,
    /// True when it stands for an unanswered question, counted as the cautious answer
    /// (only when incomplete answers are evaluated directly; the check never shows it).
    pub unanswered: bool,
}

/// A less cautious outcome that also applies, with its reasons and advice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Also {
    pub outcome: Outcome,
    pub reasons: Vec<&'static str>,
    pub advice: Vec<&'static str>,
}

/// Outcomes worth mentioning next to a more cautious result: they say something about
/// massage that a doctor visit does not (wait a few days; ask first; no electric massager
/// with an implant).
const ALSO_OUTCOMES: [Outcome; 3] = [Outcome::HoldOff, Outcome::AskFirst, Outcome::HandsOnly];

/// The outcome for a set of raised flags: the rule table itself.
pub fn outcome_for_flags(raised: FlagSet) -> Outcome {
    RULES
        .iter()
        .filter(|r| raised.contains_all(r.when))
        .map(|r| r.then)
        .min()
        .unwrap_or(OTHERWISE)
}

/// The outcome for these answers (what [`evaluate`] returns, without the reasons).
pub fn outcome(answers: &Answers) -> Outcome {
    outcome_for(answers, true)
}

/// [`outcome`] for a quiz with or without a massager involved: without one, the implant
/// question does not apply (it is not asked, and does not count as unanswered).
pub fn outcome_for(answers: &Answers, massager: bool) -> Outcome {
    let (answered, assumed) = raised_flags(answers, massager);
    outcome_for_flags(answered.union(assumed))
}

/// The most cautious outcome for these answers, and why. Unanswered questions count as
/// their most cautious answer.
pub fn evaluate(answers: &Answers) -> Verdict {
    evaluate_for(answers, true)
}

/// [`evaluate`] for a quiz with or without a massager involved (see [`outcome_for`]).
pub fn evaluate_for(answers: &Answers, massager: bool) -> Verdict {
    let (answered, assumed) = raised_flags(answers, massager);
    let raised = answered.union(assumed);
    let outcome = outcome_for_flags(raised);

    let deciding = |flags: FlagSet| {
        RULES
            .iter()
            .filter(move |r| r.then == outcome && flags.contains_all(r.when))
    };
    // Prefer the rules the reader's own answers complete; fall back to the ones that need an
    // unanswered question (only when evaluating incomplete answers directly).
    let mut rules: Vec<&Rule> = deciding(answered).collect();
    if rules.is_empty() {
        rules = deciding(raised).collect();
    }

    let mut reasons: Vec<Reason> = Vec::new();
    let mut advice: Vec<&'static str> = Vec::new();
    for rule in &rules {
        explain(answers, rule, &mut reasons, &mut advice);
        // Unanswered questions that this rule needs.
        for (index, question) in QUESTIONS.iter().enumerate() {
            let applies = massager || !question.massager_only;
            if applies && answers.open_flags(index).intersects(rule.when.minus(answered)) {
                push_reason(
                    &mut reasons,
                    Reason {
                        text: question.summary,
                        questions: 1 << index,
                        unanswered: true,
                    },
                );
            }
        }
    }
    for &text in outcome.info().why {
        push_reason(
            &mut reasons,
            Reason {
                text,
                questions: 0,
                unanswered: false,
            },
        );
    }

    let mut also = Vec::new();
    if !outcome.info().immediate {
        for other in ALSO_OUTCOMES.into_iter().filter(|o| *o > outcome) {
            let mut their_reasons = Vec::new();
            let mut their_advice = Vec::new();
            for rule in RULES
                .iter()
                .filter(|r| r.then == other && answered.contains_all(r.when))
            {
                explain(answers, rule, &mut their_reasons, &mut their_advice);
            }
            if !their_reasons.is_empty() {
                also.push(Also {
                    outcome: other,
                    reasons: their_reasons.iter().map(|r| r.text).collect(),
                    advice: their_advice,
                });
            }
        }
    }
    Verdict {
        outcome,
        reasons,
        advice,
        also,
    }
}

/// The reasons and advice of one rule: its own, or those of the answers that raised its flags.
fn explain(
    answers: &Answers,
    rule: &Rule,
    reasons: &mut Vec<Reason>,
    advice: &mut Vec<&'static str>,
) {
    let mut from: u16 = 0;
    let mut choices: Vec<(usize, &'static Choice)> = Vec::new();
    for (index, question) in QUESTIONS.iter().enumerate() {
        for c in answers.chosen(index) {
            if let Some(choice) = question.options.get(c) {
                if choice.flags().intersects(rule.when) {
                    from |= 1 << index;
                    choices.push((index, choice));
                }
            }
        }
    }
    match rule.why {
        Some(text) => push_reason(
            reasons,
            Reason {
                text,
                questions: from,
                unanswered: false,
            },
        ),
        None => {
            for (index, choice) in &choices {
                if let Some(text) = choice.why {
                    push_reason(
                        reasons,
                        Reason {
                            text,
                            questions: 1 << index,
                            unanswered: false,
                        },
                    );
                }
            }
        }
    }
    for line in rule
        .advice
        .iter()
        .chain(choices.iter().flat_map(|(_, c)| c.advice.iter()))
    {
        if !advice.contains(line) {
            advice.push(line);
        }
    }
}

fn push_reason(reasons: &mut Vec<Reason>, reason: Reason) {
    match reasons.iter_mut().find(|r| r.text == reason.text) {
        Some(same) => same.questions |= reason.questions,
        None => reasons.push(reason),
    }
}

/// (flags raised by the answers given, flags assumed for what is not answered yet), over
/// the questions that apply.
fn raised_flags(answers: &Answers, massager: bool) -> (FlagSet, FlagSet) {
    let mut answered = FlagSet::EMPTY;
    let mut assumed = FlagSet::EMPTY;
    for (index, question) in QUESTIONS.iter().enumerate() {
        if massager || !question.massager_only {
            answered = answered.union(answers.raised(index));
            assumed = assumed.union(answers.open_flags(index));
        }
    }
    (answered, assumed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_answered_is_an_emergency_until_ruled_out() {
        let v = evaluate(&Answers::EMPTY);
        assert_eq!(v.outcome, Outcome::Emergency);
        assert!(v.reasons.iter().all(|r| r.unanswered));
        assert!(v.also.is_empty());
    }

    #[test]
    fn reasons_explain_the_ticked_signs() {
        let a = Answers::calm()
            .with("unwell", &["fever"])
            .and_then(|a| a.with("history", &["cancer-now-yes"]))
            .and_then(|a| a.with("cautions", &["pregnant"]))
            .unwrap();
        let v = evaluate(&a);
        assert_eq!(v.outcome, Outcome::SeeDoctorToday);
        let texts: Vec<&str> = v.reasons.iter().filter(|r| !r.unanswered).map(|r| r.text).collect();
        assert!(texts.iter().any(|t| t.contains("high temperature")), "{texts:?}");
        assert!(texts.iter().any(|t| t.contains("You have cancer")), "{texts:?}");
        assert!(v.advice.contains(&"{cancer-team}"));
        assert_eq!(evaluate(&Answers::calm()).outcome, Outcome::MassageMayHelp);
        assert_eq!(v.also.len(), 1);
        assert_eq!(v.also[0].outcome, Outcome::AskFirst);
        assert_eq!(v.also[0].reasons, ["You are pregnant."]);
    }
}
