//! [`Answers`]: which options the reader has chosen, one 16-bit set per question.
//!
//! Owns the tick rules: a single-choice question holds at most one option; on a tick-any
//! question "None of these" clears the other ticks and any other tick clears "None of these".
//! An unanswered question is an empty set.

use super::{ChoiceRole, FlagSet, QuestionKind, QUESTIONS, QUESTION_COUNT};

/// The chosen options of every question. `Copy`, 16 bytes, no allocation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Answers {
    /// Bit `c` of `chosen[q]` = option `c` of question `q` is chosen.
    chosen: [u16; QUESTION_COUNT],
}

impl Answers {
    /// Nothing answered.
    pub const EMPTY: Answers = Answers {
        chosen: [0; QUESTION_COUNT],
    };

    /// True when the question has a choice (a tick-any question: at least one tick).
    pub fn is_answered(&self, question: usize) -> bool {
        self.bits(question) != 0
    }

    pub fn is_chosen(&self, question: usize, choice: usize) -> bool {
        choice < 16 && self.bits(question) & (1 << choice) != 0
    }

    /// Indexes of the chosen options of a question, in order.
    pub fn chosen(&self, question: usize) -> impl Iterator<Item = usize> {
        let bits = self.bits(question);
        (0..16).filter(move |c| bits & (1 << c) != 0)
    }

    /// The raw bit set of a question (0 for an unknown question).
    pub fn bits(&self, question: usize) -> u16 {
        self.chosen.get(question).copied().unwrap_or(0)
    }

    /// Sets a question's bit set if it is valid (only existing options; at most one on a
    /// single-choice question; "None of these" only alone). Returns whether it was set.
    pub fn set_bits(&mut self, question: usize, bits: u16) -> bool {
        if !valid_bits(question, bits) {
            return false;
        }
        self.chosen[question] = bits;
        true
    }

    /// Picks an option: on a single-choice question it replaces the choice, on a tick-any
    /// question it ticks it (idempotent). Unknown indexes are ignored (returns false).
    pub fn choose(&mut self, question: usize, choice: usize) -> bool {
        match kind_and_role(question, choice) {
            Some((QuestionKind::Single, _)) => self.chosen[question] = 1 << choice,
            Some((QuestionKind::Multi, role)) => {
                self.chosen[question] = ticked(self.chosen[question], choice, role, question)
            }
            None => return false,
        }
        true
    }

    /// Flips a tick on a tick-any question (with the "None of these" rule); on a
    /// single-choice question it is the same as [`Answers::choose`].
    pub fn toggle(&mut self, question: usize, choice: usize) -> bool {
        match kind_and_role(question, choice) {
            Some((QuestionKind::Multi, _)) if self.is_chosen(question, choice) => {
                self.chosen[question] &= !(1 << choice);
                true
            }
            Some(_) => self.choose(question, choice),
            None => false,
        }
    }

    /// Clears a question's answer.
    pub fn clear(&mut self, question: usize) {
        if let Some(bits) = self.chosen.get_mut(question) {
            *bits = 0;
        }
    }

    /// Builds answers from ids, e.g. `&[("age", &["over-50"]), ("emergency", &["none"])]`.
    /// `None` if an id is unknown or the combination is not allowed.
    pub fn from_ids(pairs: &[(&str, &[&str])]) -> Option<Answers> {
        let mut answers = Answers::EMPTY;
        for (question_id, choice_ids) in pairs {
            let q = super::question_index(question_id)?;
            let mut bits = 0u16;
            for id in *choice_ids {
                bits |= 1 << QUESTIONS[q].choice_index(id)?;
            }
            if !answers.set_bits(q, bits) {
                return None;
            }
        }
        Some(answers)
    }

    /// The flags raised by a question's chosen options (empty when unanswered).
    pub fn raised(&self, question: usize) -> FlagSet {
        let Some(q) = QUESTIONS.get(question) else {
            return FlagSet::EMPTY;
        };
        let mut raised = FlagSet::EMPTY;
        let mut bits = self.bits(question);
        while bits != 0 {
            if let Some(choice) = q.options.get(bits.trailing_zeros() as usize) {
                raised = raised.union(choice.flags);
            }
            bits &= bits - 1;
        }
        raised
    }

    /// These answers with only the questions in `mask` kept (bit `q` = question `q`).
    pub(crate) fn only(&self, mask: u16) -> Answers {
        let mut kept = *self;
        for (q, bits) in kept.chosen.iter_mut().enumerate() {
            if mask & (1 << q) == 0 {
                *bits = 0;
            }
        }
        kept
    }
}

fn kind_and_role(question: usize, choice: usize) -> Option<(QuestionKind, ChoiceRole)> {
    let q = QUESTIONS.get(question)?;
    Some((q.kind, q.options.get(choice)?.role))
}

/// A tick-any question's bits after ticking `choice`.
fn ticked(bits: u16, choice: usize, role: ChoiceRole, question: usize) -> u16 {
    if role == ChoiceRole::NoneOfThese {
        1 << choice
    } else {
        let none = QUESTIONS[question].none_choice().map_or(0, |n| 1 << n);
        (bits & !none) | (1 << choice)
    }
}

fn valid_bits(question: usize, bits: u16) -> bool {
    let Some(q) = QUESTIONS.get(question) else {
        return false;
    };
    let existing = ((1u32 << q.options.len()) - 1) as u16;
    if bits & !existing != 0 {
        return false;
    }
    match q.kind {
        QuestionKind::Single => bits.count_ones() <= 1,
        QuestionKind::Multi => match q.none_choice() {
            Some(n) if bits & (1 << n) != 0 => bits == 1 << n,
            _ => true,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::triage::question_index;

    fn ids(q: &str, c: &str) -> (usize, usize) {
        let qi = question_index(q).unwrap();
        (qi, QUESTIONS[qi].choice_index(c).unwrap())
    }

    #[test]
    fn none_of_these_is_exclusive() {
        let (q, chest) = ids("emergency", "chest-pain");
        let (_, none) = ids("emergency", "none");
        let (_, legs) = ids("emergency", "both-legs");
        let mut a = Answers::EMPTY;
        a.toggle(q, chest);
        a.toggle(q, legs);
        assert_eq!(a.chosen(q).collect::<Vec<_>>(), vec![legs, chest]);
        a.toggle(q, none);
        assert_eq!(a.chosen(q).collect::<Vec<_>>(), vec![none]);
        a.toggle(q, chest);
        assert_eq!(a.chosen(q).collect::<Vec<_>>(), vec![chest]);
        a.toggle(q, chest);
        assert!(!a.is_answered(q));
    }

    #[test]
    fn single_choice_replaces() {
        let (q, mild) = ids("severity", "mild");
        let (_, severe) = ids("severity", "severe");
        let mut a = Answers::EMPTY;
        a.toggle(q, mild);
        a.choose(q, severe);
        a.toggle(q, severe);
        assert_eq!(a.chosen(q).collect::<Vec<_>>(), vec![severe]);
    }

    #[test]
    fn invalid_indexes_and_bits_are_refused() {
        let mut a = Answers::EMPTY;
        assert!(!a.choose(99, 0) && !a.toggle(0, 99) && !a.set_bits(99, 1));
        let (q, none) = ids("urgent", "none");
        assert!(!a.set_bits(q, (1 << none) | 1));
        assert!(!a.set_bits(question_index("age").unwrap(), 0b11));
        assert!(!a.set_bits(question_index("age").unwrap(), 1 << 15));
        assert_eq!(a, Answers::EMPTY);
        assert_eq!(Answers::from_ids(&[("age", &["nope"])]), None);
        assert_eq!(
            Answers::from_ids(&[("cautions", &["none", "pregnant"])]),
            None
        );
    }
}
