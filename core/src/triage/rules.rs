//! The evaluator: answers → the most cautious outcome that applies, and the answers behind it.
//!
//! Each chosen option raises flags; an unanswered question counts as raising every flag it
//! could (its most cautious reading). Every rule whose flags are all raised applies; the most
//! cautious of them wins, or the data's default outcome when none applies. Because rules only
//! ever need flags to be present, more flags can never give a less cautious outcome.

use super::{Answers, Choice, FlagSet, Outcome, Question, OTHERWISE, QUESTIONS, RULES};

/// The result of the quiz.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub outcome: Outcome,
    /// The answers that led to the outcome, in question order. For the default outcome
    /// (no rule applied) every answered question is listed ("Based on your answers:").
    pub reasons: Vec<Reason>,
    /// Other, less cautious outcomes that the answers also lead to (e.g. `AskFirst` for a
    /// pregnant reader whose result is `HoldOff`), most cautious first. Never includes the
    /// default outcome. The UI may mention them ("Also: …").
    pub also: Vec<Outcome>,
}

/// One question behind an outcome: "Emergency signs: Chest pain".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason {
    pub question_index: usize,
    pub question: &'static Question,
    /// The chosen options that raised it. Empty means the question was not answered and
    /// was counted as the cautious answer.
    pub choices: Vec<&'static Choice>,
}

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
    let (answered, assumed) = raised_flags(answers);
    outcome_for_flags(answered.union(assumed))
}

/// The most cautious outcome for these answers, and the answers that led to it.
/// Unanswered questions count as their most cautious answer.
pub fn evaluate(answers: &Answers) -> Verdict {
    let (answered, assumed) = raised_flags(answers);
    let raised = answered.union(assumed);
    let outcome = outcome_for_flags(raised);

    let winning = || {
        RULES
            .iter()
            .filter(move |r| r.then == outcome && raised.contains_all(r.when))
    };
    // Prefer the rules that the reader's own answers complete; fall back to the ones that
    // need an unanswered question (only when evaluating incomplete answers directly).
    let mut relevant = winning()
        .filter(|r| answered.contains_all(r.when))
        .fold(FlagSet::EMPTY, |acc, r| acc.union(r.when));
    let from_answers_only = !relevant.is_empty();
    if !from_answers_only {
        relevant = winning().fold(FlagSet::EMPTY, |acc, r| acc.union(r.when));
    }
    let no_rule = relevant.is_empty();

    let mut reasons = Vec::new();
    for (index, question) in QUESTIONS.iter().enumerate() {
        if answers.is_answered(index) {
            let choices: Vec<&'static Choice> = answers
                .chosen(index)
                .filter_map(|c| question.options.get(c))
                .filter(|c| no_rule || c.flags().intersects(relevant))
                .collect();
            if !choices.is_empty() {
                reasons.push(Reason {
                    question_index: index,
                    question,
                    choices,
                });
            }
        } else if !from_answers_only && question.possible.intersects(relevant) {
            reasons.push(Reason {
                question_index: index,
                question,
                choices: Vec::new(),
            });
        }
    }

    let mut also: Vec<Outcome> = RULES
        .iter()
        .filter(|r| answered.contains_all(r.when) && r.then != outcome)
        .map(|r| r.then)
        .collect();
    crate::sort::insertion_sort(&mut also);
    also.dedup();
    Verdict {
        outcome,
        reasons,
        also,
    }
}

/// (flags raised by answered questions, flags assumed for unanswered ones).
fn raised_flags(answers: &Answers) -> (FlagSet, FlagSet) {
    let mut answered = FlagSet::EMPTY;
    let mut assumed = FlagSet::EMPTY;
    for (index, question) in QUESTIONS.iter().enumerate() {
        if answers.is_answered(index) {
            answered = answered.union(answers.raised(index));
        } else {
            assumed = assumed.union(question.possible);
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
        assert!(v.reasons.iter().all(|r| r.choices.is_empty()));
        assert_eq!(v.reasons[0].question.id, "emergency");
    }

    #[test]
    fn reasons_name_the_ticked_signs() {
        let a = Answers::from_ids(&[
            ("age", &["20-to-50"]),
            ("emergency", &["none"]),
            ("urgent", &["fever", "cancer"]),
            ("duration", &["under-4-weeks"]),
            ("onset", &["strain"]),
            ("severity", &["mild"]),
            ("trend", &["better"]),
            ("cautions", &["pregnant"]),
        ])
        .unwrap();
        let v = evaluate(&a);
        assert_eq!(v.outcome, Outcome::SeeDoctorFirst);
        assert_eq!(v.reasons.len(), 1);
        let labels: Vec<&str> = v.reasons[0].choices.iter().map(|c| c.id).collect();
        assert_eq!(labels, ["fever", "cancer"]);
        assert_eq!(v.also, [Outcome::AskFirst]);
    }
}
