//! [`Quiz`]: the quiz's screens as a pure state machine (intro → one question per screen →
//! "Check your answers" → result), driven by [`Action`]s.
//!
//! Which questions are asked follows from the rule table: a question is skipped when no
//! answer to it could lead to a more cautious outcome than the answers before it already
//! give. So after an emergency sign nothing more is asked (and, because that outcome is
//! `immediate`, Next goes straight to the result), and after an urgent sign only the review
//! is left. Answers to skipped questions are kept (Back keeps answers) but not used.

use super::rules::{evaluate, outcome_for_flags, Verdict};
use super::{Answers, FlagSet, Outcome, QUESTIONS, QUESTION_COUNT, RULES};

/// The screen the quiz is on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Step {
    /// What the quiz does, the disclaimer, Start.
    #[default]
    Intro,
    /// A question, by index into [`super::questions()`].
    Question(usize),
    /// "Check your answers", with a change link per question.
    Review,
    /// The outcome ([`Quiz::verdict`]).
    Result,
}

/// What the reader did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// The intro's Start button.
    Start,
    /// A checkbox (tick-any) was clicked; on a single-choice question, same as `Choose`.
    Toggle { question: usize, choice: usize },
    /// A radio button was picked; on a tick-any question it ticks the option.
    Choose { question: usize, choice: usize },
    /// Continue. Ignored unless [`Quiz::can_go_next`].
    Next,
    /// Back one screen; answers are kept.
    Back,
    /// A change link on the review (or result) screen; Next then returns to the review.
    Edit { question: usize },
    /// Start again with no answers.
    Restart,
    /// Clear the answers (the UI also clears storage).
    Forget,
}

/// The quiz state: the screen, the answers, and whether a question is being changed from
/// the review screen. Small and `Copy`; every change returns a new value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Quiz {
    step: Step,
    answers: Answers,
    editing: bool,
}

impl Quiz {
    /// A fresh quiz on the intro screen.
    pub fn new() -> Quiz {
        Quiz::default()
    }

    pub fn step(&self) -> Step {
        self.step
    }

    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    /// True while a question is being changed from the review screen (the UI may label
    /// Next "Save and go back to your answers").
    pub fn is_editing(&self) -> bool {
        self.editing
    }

    /// The questions this quiz asks given the answers so far, in order (unanswered later
    /// questions included unless already known to be skipped). The review lists these.
    pub fn asked(&self) -> Vec<usize> {
        let mask = asked_mask(&self.answers);
        (0..QUESTION_COUNT)
            .filter(|q| mask & (1 << q) != 0)
            .collect()
    }

    /// "Step x of n": x, on a question screen.
    pub fn step_number(&self) -> Option<usize> {
        match self.step {
            Step::Question(q) => {
                Some((asked_mask(&self.answers) & ((1u16 << q) - 1)).count_ones() as usize + 1)
            }
            _ => None,
        }
    }

    /// "Step x of n": n, the number of questions asked (can shrink when a sign is ticked).
    pub fn step_count(&self) -> usize {
        asked_mask(&self.answers).count_ones() as usize
    }

    /// Whether Next (or Start) does something now: a question needs an answer (at least one
    /// tick), the review needs every asked question answered.
    pub fn can_go_next(&self) -> bool {
        match self.step {
            Step::Intro => true,
            Step::Question(q) => self.answers.is_answered(q),
            Step::Review => is_complete(&self.answers),
            Step::Result => false,
        }
    }

    /// Whether Back does something now.
    pub fn can_go_back(&self) -> bool {
        self.step != Step::Intro
    }

    /// The result, on the result screen: evaluated on the asked questions only.
    pub fn verdict(&self) -> Option<Verdict> {
        (self.step == Step::Result).then(|| evaluate(&self.answers.only(asked_mask(&self.answers))))
    }

    /// The state after `action`. Actions that make no sense on this screen change nothing.
    pub fn apply(&self, action: Action) -> Quiz {
        let mask = asked_mask(&self.answers);
        let mut next = *self;
        match (self.step, action) {
            (_, Action::Restart | Action::Forget) => return Quiz::default(),
            (Step::Intro, Action::Start | Action::Next) => {
                next.step = first_after(mask, None).map_or(Step::Review, Step::Question);
            }
            (Step::Question(q), Action::Toggle { question, choice }) if question == q => {
                next.answers.toggle(question, choice);
            }
            (Step::Question(q), Action::Choose { question, choice }) if question == q => {
                next.answers.choose(question, choice);
            }
            (Step::Question(q), Action::Next) if self.can_go_next() => {
                next.step = if stops_at_once(&self.answers, mask, q) {
                    next.editing = false;
                    Step::Result
                } else if self.editing {
                    match (q + 1..QUESTION_COUNT)
                        .find(|&i| mask & (1 << i) != 0 && !self.answers.is_answered(i))
                    {
                        Some(i) => Step::Question(i),
                        None => {
                            next.editing = false;
                            Step::Review
                        }
                    }
                } else {
                    first_after(mask, Some(q)).map_or(Step::Review, Step::Question)
                };
            }
            (Step::Question(q), Action::Back) => {
                if self.editing && is_complete(&self.answers) {
                    next.editing = false;
                    next.step = Step::Review;
                } else {
                    match (0..q).rev().find(|&i| mask & (1 << i) != 0) {
                        Some(i) => next.step = Step::Question(i),
                        None => {
                            next.editing = false;
                            next.step = Step::Intro;
                        }
                    }
                }
            }
            (Step::Review, Action::Next) if self.can_go_next() => next.step = Step::Result,
            (Step::Review, Action::Back) => {
                next.step = last(mask).map_or(Step::Intro, Step::Question)
            }
            (Step::Review | Step::Result, Action::Edit { question })
                if question < QUESTION_COUNT && mask & (1 << question) != 0 =>
            {
                next.step = Step::Question(question);
                next.editing = true;
            }
            (Step::Result, Action::Back) => {
                let known = known_flags(&self.answers, mask);
                next.step = if outcome_for_flags(known).info().immediate {
                    last(mask).map_or(Step::Intro, Step::Question)
                } else {
                    Step::Review
                };
            }
            _ => {}
        }
        next
    }

    // -- used by `saved` -----------------------------------------------------------------

    pub(super) fn from_parts(step: Step, answers: Answers, editing: bool) -> Quiz {
        Quiz {
            step,
            answers,
            editing,
        }
    }

    /// Whether the quiz could have reached this state: the current question is asked and
    /// every asked question before it is answered; review and result need all answered.
    pub(super) fn is_consistent(&self) -> bool {
        let mask = asked_mask(&self.answers);
        match self.step {
            Step::Intro | Step::Review | Step::Result if self.editing => false,
            Step::Intro => true,
            Step::Question(q) => {
                q < QUESTION_COUNT
                    && mask & (1 << q) != 0
                    && (0..q).all(|i| mask & (1 << i) == 0 || self.answers.is_answered(i))
            }
            Step::Review | Step::Result => is_complete(&self.answers),
        }
    }
}

/// Bit `q` set = question `q` is asked, given these answers.
///
/// Walking the questions in order, a question is asked when some rule that is more cautious
/// than what the answered questions before it already give could still apply, and needs a
/// flag this question can raise. Questions not answered yet (or skipped) count as able to
/// raise any of their flags, so this errs on the side of asking.
pub(super) fn asked_mask(answers: &Answers) -> u16 {
    let mut known = FlagSet::EMPTY;
    let mut open = FlagSet::EMPTY;
    let mut mask = 0u16;
    for (index, question) in QUESTIONS.iter().enumerate() {
        let reachable = QUESTIONS[index..]
            .iter()
            .fold(open, |acc, q| acc.union(q.possible));
        if could_change(known, reachable, question.possible) {
            mask |= 1 << index;
            if answers.is_answered(index) {
                known = known.union(answers.raised(index));
                continue;
            }
        }
        open = open.union(question.possible);
    }
    mask
}

/// Whether a rule more cautious than the outcome `known` already gives could still apply,
/// with all its missing flags reachable and one of them raisable by this question.
fn could_change(known: FlagSet, reachable: FlagSet, this_question: FlagSet) -> bool {
    let floor: Outcome = outcome_for_flags(known);
    RULES.iter().any(|rule| {
        let missing = rule.when.minus(known);
        rule.then < floor && reachable.contains_all(missing) && missing.intersects(this_question)
    })
}

/// Flags raised by the answered questions in `mask`.
fn known_flags(answers: &Answers, mask: u16) -> FlagSet {
    (0..QUESTION_COUNT)
        .filter(|q| mask & (1 << q) != 0)
        .fold(FlagSet::EMPTY, |acc, q| acc.union(answers.raised(q)))
}

/// After answering question `q`: do the asked answers up to `q` give an immediate outcome?
fn stops_at_once(answers: &Answers, mask: u16, q: usize) -> bool {
    let upto = mask & (((1u32 << (q + 1)) - 1) as u16);
    outcome_for_flags(known_flags(answers, upto))
        .info()
        .immediate
}

fn is_complete(answers: &Answers) -> bool {
    let mask = asked_mask(answers);
    (0..QUESTION_COUNT).all(|q| mask & (1 << q) == 0 || answers.is_answered(q))
}

/// The first asked question after `q` (or the first of all).
fn first_after(mask: u16, q: Option<usize>) -> Option<usize> {
    let start = q.map_or(0, |q| q + 1);
    (start..QUESTION_COUNT).find(|&i| mask & (1 << i) != 0)
}

fn last(mask: u16) -> Option<usize> {
    (0..QUESTION_COUNT).rev().find(|&i| mask & (1 << i) != 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::triage::QuestionKind;

    #[test]
    fn single_choice_questions_have_no_none_option() {
        for q in QUESTIONS {
            assert_eq!(
                q.kind == QuestionKind::Multi,
                q.none_choice().is_some(),
                "{}",
                q.id
            );
        }
    }

    #[test]
    fn everything_is_asked_when_nothing_is_answered() {
        assert_eq!(
            asked_mask(&Answers::EMPTY).count_ones() as usize,
            QUESTION_COUNT
        );
    }
}
