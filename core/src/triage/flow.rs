//! [`Quiz`]: the check's screens as a pure state machine (intro → one question per screen →
//! "Check your answers" → result), driven by [`Action`]s.
//!
//! The questions are asked in order, and the check ends as soon as no later question could
//! lead to a more cautious outcome than the answers so far give (this follows from the rule
//! table). It never skips a question in the middle, so "Step x of n" counts every question
//! this reader can be asked, the same n from the first step to the last: after an emergency
//! sign the check ends at once (that outcome is `immediate`, so Next goes straight to the
//! result), after an urgent sign it goes to the review. Answers to questions after the end
//! are kept (Back keeps answers) but not used. A question marked `massager_only` is asked
//! only when the host involves a massager (`Quiz::with_massager`).

use super::rules::{evaluate_for, outcome_for_flags, Verdict};
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

/// The quiz state: the screen, the answers, whether a question is being changed from the
/// review screen, and whether a massager is involved (fixed for the quiz's life). Small and
/// `Copy`; every change returns a new value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Quiz {
    step: Step,
    answers: Answers,
    editing: bool,
    massager: bool,
}

impl Default for Quiz {
    fn default() -> Quiz {
        Quiz::with_massager(true)
    }
}

impl Quiz {
    /// A fresh quiz on the intro screen, with a massager involved (the widget's default:
    /// the timer has a massager routine).
    pub fn new() -> Quiz {
        Quiz::default()
    }

    /// A fresh quiz; `massager`: whether the host shows the product or the timer, so the
    /// implant question is asked.
    pub fn with_massager(massager: bool) -> Quiz {
        Quiz {
            step: Step::Intro,
            answers: Answers::EMPTY,
            editing: false,
            massager,
        }
    }

    /// Whether the implant question (`massager_only`) is part of this quiz.
    pub fn massager(&self) -> bool {
        self.massager
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
        let mask = self.mask();
        (0..QUESTION_COUNT)
            .filter(|q| mask & (1 << q) != 0)
            .collect()
    }

    /// "Step x of n": x, on a question screen.
    pub fn step_number(&self) -> Option<usize> {
        match self.step {
            Step::Question(q) => {
                Some((context_mask(self.massager) & ((1u16 << q) - 1)).count_ones() as usize + 1)
            }
            _ => None,
        }
    }

    /// "Step x of n": n, every question this reader can be asked. It never changes while the
    /// quiz runs; the check may end before step n when the outcome is already decided.
    pub fn step_count(&self) -> usize {
        context_mask(self.massager).count_ones() as usize
    }

    fn mask(&self) -> u16 {
        asked_mask(&self.answers, self.massager)
    }

    /// Whether Next (or Start) does something now: a question needs an answer (at least one
    /// tick), the review needs every asked question answered.
    pub fn can_go_next(&self) -> bool {
        match self.step {
            Step::Intro => true,
            Step::Question(q) => self.answers.is_answered(q),
            Step::Review => is_complete(&self.answers, self.massager),
            Step::Result => false,
        }
    }

    /// Whether Back does something now.
    pub fn can_go_back(&self) -> bool {
        self.step != Step::Intro
    }

    /// The result, on the result screen: evaluated on the asked questions only.
    pub fn verdict(&self) -> Option<Verdict> {
        (self.step == Step::Result)
            .then(|| evaluate_for(&self.answers.only(self.mask()), self.massager))
    }

    /// The state after `action`. Actions that make no sense on this screen change nothing.
    pub fn apply(&self, action: Action) -> Quiz {
        let mask = self.mask();
        let mut next = *self;
        match (self.step, action) {
            (_, Action::Restart | Action::Forget) => return Quiz::with_massager(self.massager),
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
                let later = if self.editing {
                    (q + 1..QUESTION_COUNT)
                        .find(|&i| mask & (1 << i) != 0 && !self.answers.is_answered(i))
                } else {
                    first_after(mask, Some(q))
                };
                next.step = match later {
                    Some(i) => Step::Question(i),
                    None if is_complete(&self.answers, self.massager) => {
                        next.editing = false;
                        if ends_at_once(&self.answers, mask) {
                            Step::Result
                        } else {
                            Step::Review
                        }
                    }
                    // Answered up to here, but an earlier question still needs an answer.
                    None => match (0..QUESTION_COUNT)
                        .find(|&i| mask & (1 << i) != 0 && !self.answers.is_answered(i))
                    {
                        Some(i) => Step::Question(i),
                        None => Step::Review,
                    },
                };
            }
            (Step::Question(q), Action::Back) => {
                if self.editing && is_complete(&self.answers, self.massager) {
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
                next.step = if ends_at_once(&self.answers, mask) {
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

    pub(super) fn from_parts(step: Step, answers: Answers, editing: bool, massager: bool) -> Quiz {
        Quiz {
            step,
            answers,
            editing,
            massager,
        }
    }

    /// Whether the quiz could have reached this state: the current question is asked and
    /// every asked question before it is answered; review and result need all answered.
    pub(super) fn is_consistent(&self) -> bool {
        let mask = self.mask();
        match self.step {
            Step::Intro | Step::Review | Step::Result if self.editing => false,
            Step::Intro => true,
            Step::Question(q) => {
                q < QUESTION_COUNT
                    && mask & (1 << q) != 0
                    && (0..q).all(|i| mask & (1 << i) == 0 || self.answers.is_answered(i))
            }
            Step::Review | Step::Result => is_complete(&self.answers, self.massager),
        }
    }
}

/// Bit `q` set = question `q` can be asked of this reader (`massager_only` questions only
/// when a massager is involved).
fn context_mask(massager: bool) -> u16 {
    (0..QUESTION_COUNT)
        .filter(|&q| massager || !QUESTIONS[q].massager_only)
        .fold(0, |mask, q| mask | (1 << q))
}

/// Bit `q` set = question `q` is asked, given these answers: the questions of this reader's
/// quiz, in order, up to the first point where the outcome is decided.
///
/// The outcome is decided before question `i` when no rule more cautious than what the
/// answers so far give could still apply with the flags that the unanswered parts of the
/// questions so far, and every question from `i` on, could still raise.
pub(super) fn asked_mask(answers: &Answers, massager: bool) -> u16 {
    let context = context_mask(massager);
    let mut known = FlagSet::EMPTY;
    let mut open = FlagSet::EMPTY;
    let mut mask = 0u16;
    for index in (0..QUESTION_COUNT).filter(|q| context & (1 << q) != 0) {
        let later = (index..QUESTION_COUNT)
            .filter(|q| context & (1 << q) != 0)
            .fold(open, |acc, q| acc.union(QUESTIONS[q].possible));
        if decided(known, later) {
            break;
        }
        mask |= 1 << index;
        known = known.union(answers.raised(index));
        open = open.union(answers.open_flags(index));
    }
    mask
}

/// Whether no rule more cautious than the outcome `known` gives could still apply, with its
/// missing flags among `reachable`.
fn decided(known: FlagSet, reachable: FlagSet) -> bool {
    let floor: Outcome = outcome_for_flags(known);
    !RULES
        .iter()
        .any(|rule| rule.then < floor && reachable.contains_all(rule.when.minus(known)))
}

/// Flags raised by the answered questions in `mask`.
fn known_flags(answers: &Answers, mask: u16) -> FlagSet {
    (0..QUESTION_COUNT)
        .filter(|q| mask & (1 << q) != 0)
        .fold(FlagSet::EMPTY, |acc, q| acc.union(answers.raised(q)))
}

/// Whether the asked answers give an outcome that skips the review (`immediate`).
fn ends_at_once(answers: &Answers, mask: u16) -> bool {
    outcome_for_flags(known_flags(answers, mask)).info().immediate
}

fn is_complete(answers: &Answers, massager: bool) -> bool {
    let mask = asked_mask(answers, massager);
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
            asked_mask(&Answers::EMPTY, true).count_ones() as usize,
            QUESTION_COUNT
        );
        let without = asked_mask(&Answers::EMPTY, false);
        assert_eq!(without.count_ones() as usize, QUESTION_COUNT - 1);
        assert_eq!(without, context_mask(false));
    }
}
