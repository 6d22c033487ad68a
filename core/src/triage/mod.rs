//! The triage quiz: questions, outcomes and the rules that map answers to the most cautious
//! outcome, plus the quiz's screen-by-screen state machine.
//!
//! Everything clinical is data: `content/quiz.toml` holds the questions, the flags each option
//! raises, the rule table (flags → outcome) and the outcome texts. `core/build/quiz.rs`
//! validates it and turns it into the `static` tables included below. This module owns the
//! types of those tables; the submodules own the behaviour:
//!
//! - [`answers`]: [`Answers`], which options are chosen (one bit set per question);
//! - [`rules`]: [`evaluate`], answers → [`Verdict`] (the most cautious outcome and why);
//! - [`flow`]: [`Quiz`], the screens (intro, one question each, review, result) and which
//!   questions are skipped because they can no longer change the outcome;
//! - [`saved`]: [`Quiz::encode`] / [`Quiz::decode`], the short string kept in storage.
//!
//! Safety invariants (tested exhaustively in `core/tests/triage_*.rs`):
//! - any emergency sign (or "Not sure" about one) gives [`Outcome::Emergency`] and ends the quiz;
//! - the outcome is monotone: one more tick, or a more worrying option, never gives a less
//!   cautious outcome; "Not sure" and an unanswered question count as the cautious answer;
//! - the two "massage may help" outcomes are reached only with no warning sign at all.

use std::borrow::Cow;

mod answers;
mod flow;
mod rules;
mod saved;

pub use answers::Answers;
pub use flow::{Action, Quiz, Step};
pub use rules::{evaluate, outcome, outcome_for_flags, Reason, Verdict};
pub use saved::DecodeError;

include!(concat!(env!("OUT_DIR"), "/quiz.rs"));

/// The text in outcomes (and the intro) that stands for the host's emergency number.
pub const EMERGENCY_PLACEHOLDER: &str = "{emergency}";

/// Every question in the order asked. The quiz may skip some (see [`Quiz::asked`]).
pub fn questions() -> &'static [Question] {
    QUESTIONS
}

/// The index of the question with this id (`"age"`, `"emergency"`, `"urgent"`, `"duration"`,
/// `"onset"`, `"severity"`, `"trend"`, `"cautions"`).
pub fn question_index(id: &str) -> Option<usize> {
    QUESTIONS.iter().position(|q| q.id == id)
}

/// The intro screen's text (may contain [`EMERGENCY_PLACEHOLDER`]).
pub fn intro() -> &'static Intro {
    &INTRO
}

/// The disclaimer shown on the first and last screen.
pub fn disclaimer() -> &'static str {
    DISCLAIMER_TEXT
}

/// Every flag an option can raise, in bit order (for reviewers and tests).
pub fn flags() -> &'static [Flag] {
    FLAGS
}

/// The rule table: when all of `when` are raised, `then` applies (for reviewers and tests).
pub fn rules() -> &'static [Rule] {
    RULES
}

/// The outcome when no rule applies.
pub fn default_outcome() -> Outcome {
    OTHERWISE
}

/// Replaces [`EMERGENCY_PLACEHOLDER`] in `text` with the host's emergency number.
pub fn fill_emergency_number(text: &'static str, number: &str) -> Cow<'static, str> {
    if text.contains(EMERGENCY_PLACEHOLDER) {
        Cow::Owned(text.replace(EMERGENCY_PLACEHOLDER, number))
    } else {
        Cow::Borrowed(text)
    }
}

/// The intro screen.
#[derive(Debug, PartialEq, Eq)]
pub struct Intro {
    pub title: &'static str,
    pub paragraphs: &'static [&'static str],
    /// The label of the button that starts the quiz.
    pub start_label: &'static str,
}

/// Pick one (radio buttons) or tick any (checkboxes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuestionKind {
    Single,
    Multi,
}

/// One question, shown on its own screen.
#[derive(Debug, PartialEq, Eq)]
pub struct Question {
    /// Stable id, e.g. `"emergency"`.
    pub id: &'static str,
    pub kind: QuestionKind,
    /// Short name for the review screen and the reasons, e.g. "Emergency signs".
    pub summary: &'static str,
    /// The question as asked (the fieldset's legend).
    pub prompt: &'static str,
    pub hint: Option<&'static str>,
    pub options: &'static [Choice],
    /// Every flag some answer to this question can raise (also what an unanswered question
    /// counts as: the most cautious reading).
    possible: FlagSet,
}

impl Question {
    /// The index of the option with this id.
    pub fn choice_index(&self, id: &str) -> Option<usize> {
        self.options.iter().position(|c| c.id == id)
    }

    /// The index of the "None of these" option (multi questions only).
    pub fn none_choice(&self) -> Option<usize> {
        self.options
            .iter()
            .position(|c| c.role == ChoiceRole::NoneOfThese)
    }

    /// The index of the "Not sure" option, if the question has one.
    pub fn not_sure_choice(&self) -> Option<usize> {
        self.options
            .iter()
            .position(|c| c.role == ChoiceRole::NotSure)
    }

    /// The flags an unanswered question counts as raising.
    pub fn possible_flags(&self) -> FlagSet {
        self.possible
    }
}

/// What an option means for the tick-any logic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChoiceRole {
    /// An ordinary answer.
    Answer,
    /// "None of these": clears the other ticks; ticking any other clears it.
    NoneOfThese,
    /// "Not sure": counts as the cautious answer.
    NotSure,
}

/// One option of a question.
#[derive(Debug, PartialEq, Eq)]
pub struct Choice {
    /// Stable id within its question, e.g. `"chest-pain"`.
    pub id: &'static str,
    pub label: &'static str,
    /// Optional explanation under the label (e.g. the NHS pain-scale descriptions).
    pub detail: Option<&'static str>,
    pub role: ChoiceRole,
    flags: FlagSet,
}

impl Choice {
    /// The flags this option raises.
    pub fn flags(&self) -> FlagSet {
        self.flags
    }
}

/// A fact about the person that options raise and rules read (see `content/quiz.toml`).
#[derive(Debug, PartialEq, Eq)]
pub struct Flag {
    pub id: &'static str,
    /// What it means, in words, for reviewers.
    pub means: &'static str,
}

/// A set of flags; bit `i` is [`flags()`]`[i]`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct FlagSet(u32);

impl FlagSet {
    pub const EMPTY: FlagSet = FlagSet(0);

    /// Every flag declared in the data.
    pub fn all() -> FlagSet {
        FlagSet((((1u64 << FLAGS.len()) - 1) & u64::from(u32::MAX)) as u32)
    }

    /// The set with these bits (bits beyond the declared flags are dropped).
    pub fn from_bits(bits: u32) -> FlagSet {
        FlagSet(bits & FlagSet::all().0)
    }

    pub fn bits(self) -> u32 {
        self.0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn union(self, other: FlagSet) -> FlagSet {
        FlagSet(self.0 | other.0)
    }

    /// The flags in `self` that are not in `other`.
    pub fn minus(self, other: FlagSet) -> FlagSet {
        FlagSet(self.0 & !other.0)
    }

    pub fn intersects(self, other: FlagSet) -> bool {
        self.0 & other.0 != 0
    }

    /// True when every flag of `other` is in `self`.
    pub fn contains_all(self, other: FlagSet) -> bool {
        self.0 & other.0 == other.0
    }

    /// The declared flags in this set, in bit order.
    pub fn iter(self) -> impl Iterator<Item = &'static Flag> {
        FLAGS
            .iter()
            .enumerate()
            .filter(move |(i, _)| self.0 & (1 << i) != 0)
            .map(|(_, f)| f)
    }
}

/// One row of the rule table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    /// Applies when all these flags are raised.
    pub when: FlagSet,
    pub then: Outcome,
}

/// The quiz's results, most cautious first: `a < b` means `a` is more cautious, so the
/// most cautious of several is their `min()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Outcome {
    /// Call the emergency number or go to the emergency department now. Nothing else shown.
    Emergency,
    /// See a doctor today or as soon as possible (urgent sign, or new pain under 20 / over 50).
    SeeDoctorFirst,
    /// Under 16: out of scope, ask a doctor. Placed below `SeeDoctorFirst` so urgent signs
    /// still give same-day advice, and above `SeeDoctorSoon` so later questions are skipped.
    AskADoctor,
    /// Book a doctor: severe, getting worse, or not improving after 4 weeks.
    SeeDoctorSoon,
    /// Fresh injury with swelling or heat: rest and cool first, massage later.
    HoldOff,
    /// A massage caution (spine, clots/bleeding, pregnancy, skin): check with a clinician.
    AskFirst,
    /// Chronic pain, no warning sign: massage may help as part of an exercise plan.
    MassageWithExercise,
    /// Acute or subacute pain, no warning sign: gentle self-massage may help; keep active.
    MassageMayHelp,
}

impl Outcome {
    /// All outcomes, most cautious first.
    pub const ALL: [Outcome; 8] = [
        Outcome::Emergency,
        Outcome::SeeDoctorFirst,
        Outcome::AskADoctor,
        Outcome::SeeDoctorSoon,
        Outcome::HoldOff,
        Outcome::AskFirst,
        Outcome::MassageWithExercise,
        Outcome::MassageMayHelp,
    ];

    /// Texts and what the result screen may offer.
    pub fn info(self) -> &'static OutcomeInfo {
        &OUTCOME_INFO[self as usize]
    }

    /// Stable id, e.g. `"see-doctor-first"` (the `detail.outcome` of the result event).
    pub fn id(self) -> &'static str {
        self.info().id
    }

    pub fn from_id(id: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.id() == id)
    }

    /// True for the two "Massage may help" outcomes.
    pub fn is_massage_ok(self) -> bool {
        matches!(self, Outcome::MassageWithExercise | Outcome::MassageMayHelp)
    }
}

/// What the result screen shows for an outcome. Texts may contain [`EMERGENCY_PLACEHOLDER`].
#[derive(Debug, PartialEq, Eq)]
pub struct OutcomeInfo {
    pub id: &'static str,
    /// The result's heading.
    pub title: &'static str,
    pub summary: &'static str,
    /// The line before the reasons, e.g. "This is because you told us:".
    pub because: &'static str,
    /// "What to do now", in order.
    pub do_now: &'static [&'static str],
    /// Article section ids to link to (may be empty).
    pub sections: &'static [&'static str],
    /// Whether the result may offer the self-massage timer.
    pub offers_timer: bool,
    /// Whether the result may show the product link (when the host gave one).
    pub offers_product: bool,
    /// The timer routine to suggest (`"hands"` or `"body-massager"`), when `offers_timer`.
    pub routine: Option<&'static str>,
    /// The quiz stops as soon as this outcome applies, without the review screen.
    pub immediate: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcome_table_matches_the_enum() {
        assert_eq!(OUTCOME_INFO.len(), Outcome::ALL.len());
        for (i, o) in Outcome::ALL.into_iter().enumerate() {
            assert_eq!(o as usize, i);
            assert_eq!(Outcome::from_id(o.id()), Some(o));
        }
        assert!(Outcome::ALL.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(Outcome::from_id("nope"), None);
    }

    #[test]
    fn answers_fit_their_bit_sets() {
        assert!(QUESTION_COUNT <= 16 && QUESTIONS.iter().all(|q| q.options.len() <= 16));
        assert!(FLAGS.len() <= 32);
        assert_eq!(FlagSet::from_bits(u32::MAX), FlagSet::all());
    }

    #[test]
    fn emergency_number_is_filled_in() {
        let title = Outcome::Emergency.info().title;
        assert_eq!(fill_emergency_number(title, "999"), "Call 999 now");
        assert!(matches!(
            fill_emergency_number(Outcome::HoldOff.info().title, "999"),
            Cow::Borrowed(_)
        ));
    }
}
