//! [`Answers`]: which options the reader has chosen, one 16-bit set per question.
//!
//! Owns the tick rules: a single-choice question holds at most one option; on a tick-any
//! question "None of these" clears the other ticks and any other tick clears "None of these";
//! on a Yes / No / Not sure question each item holds at most one of its three answers, and
//! the question is answered once every item is. An unanswered question is an empty set.

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

    /// True when the question has a choice (a tick-any question: at least one tick; a
    /// Yes / No / Not sure question: an answer for every item).
    pub fn is_answered(&self, question: usize) -> bool {
        let bits = self.bits(question);
        match QUESTIONS.get(question) {
            Some(q) if q.kind == QuestionKind::Each => (0..q.items.len()).all(|i| bits & (0b111 << (3 * i)) != 0),
            Some(_) => bits != 0,
            None => false,
        }
    }

    /// True when something is chosen (a Yes / No / Not sure question may be half answered).
    pub fn is_started(&self, question: usize) -> bool {
        self.bits(question) != 0
    }

    /// The flags the question could still raise: all it can for an unanswered question; for
    /// a half-answered Yes / No / Not sure question, the "Yes" flags of the items without an
    /// answer (the cautious reading); none once it is answered.
    pub fn open_flags(&self, question: usize) -> FlagSet {
        let Some(q) = QUESTIONS.get(question) else {
            return FlagSet::EMPTY;
        };
        let bits = self.bits(question);
        match q.kind {
            QuestionKind::Each => (0..q.items.len())
                .filter(|i| bits & (0b111 << (3 * i)) == 0)
                .fold(FlagSet::EMPTY, |acc, i| acc.union(q.options[3 * i].flags)),
            _ if bits == 0 => q.possible,
            _ => FlagSet::EMPTY,
        }
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
            Some((QuestionKind::Each, _)) => {
                let item = 0b111u16 << (3 * (choice / 3));
                self.chosen[question] = (self.chosen[question] & !item) | (1 << choice)
            }
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

    /// Every question answered with its calmest answer: the first single choice that raises
    /// nothing (else the first one), "None of these", and "No" to every item. (A starting point for tests and
    /// examples; the reader's own answers always come from clicks.)
    pub fn calm() -> Answers {
        let mut answers = Answers::EMPTY;
        for (q, question) in QUESTIONS.iter().enumerate() {
            match question.kind {
                QuestionKind::Single => {
                    let c = question.options.iter().position(|c| c.flags.is_empty());
                    answers.choose(q, c.unwrap_or(0));
                }
                QuestionKind::Multi => {
                    if let Some(c) = question.none_choice() {
                        answers.choose(q, c);
                    }
                }
                QuestionKind::Each => {
                    for item in 0..question.items.len() {
                        answers.choose(q, 3 * item + 1);
                    }
                }
            }
        }
        answers
    }

    /// These answers with question `question` set from ids (`None` for an unknown id or a
    /// combination that is not allowed).
    pub fn with(mut self, question: &str, choice_ids: &[&str]) -> Option<Answers> {
        let q = super::question_index(question)?;
        let mut bits = 0u16;
        for id in choice_ids {
            bits |= 1 << QUESTIONS[q].choice_index(id)?;
        }
        if QUESTIONS[q].kind == QuestionKind::Each {
            // Items not named keep their answer.
            let named: u16 = choice_ids
                .iter()
                .filter_map(|id| QUESTIONS[q].choice_index(id))
                .fold(0, |m, c| m | (0b111 << (3 * (c / 3))));
            bits |= self.bits(q) & !named;
        }
        self.set_bits(q, bits).then_some(self)
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
        QuestionKind::Each => (0..q.items.len()).all(|i| ((bits >> (3 * i)) & 0b111).count_ones() <= 1),
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
        let (q, chest) = ids("unwell", "fever");
        let (_, none) = ids("unwell", "none");
        let (_, legs) = ids("unwell", "weight-loss");
        let mut a = Answers::EMPTY;
        a.toggle(q, chest);
        a.toggle(q, legs);
        assert_eq!(a.chosen(q).collect::<Vec<_>>(), vec![chest, legs]);
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
    fn each_item_holds_one_answer() {
        let (q, yes) = ids("nerves", "saddle-yes");
        let (_, no) = ids("nerves", "saddle-no");
        let (_, legs_no) = ids("nerves", "both-legs-no");
        let mut a = Answers::EMPTY;
        a.toggle(q, yes);
        a.toggle(q, no);
        a.toggle(q, legs_no);
        assert_eq!(a.chosen(q).collect::<Vec<_>>(), vec![legs_no, no]);
        assert!(a.is_started(q) && !a.is_answered(q), "three items still open");
        assert!(!a.set_bits(q, (1 << yes) | (1 << no)));
        assert!(a.open_flags(q).intersects(QUESTIONS[q].options[0].flags));
        for item in 0..QUESTIONS[q].items.len() {
            a.choose(q, 3 * item + 1);
        }
        assert!(a.is_answered(q) && a.open_flags(q).is_empty() && a.raised(q).is_empty());
    }

    #[test]
    fn invalid_indexes_and_bits_are_refused() {
        let mut a = Answers::EMPTY;
        assert!(!a.choose(99, 0) && !a.toggle(0, 99) && !a.set_bits(99, 1));
        let (q, none) = ids("unwell", "none");
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
