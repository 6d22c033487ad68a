//! The safety check (triage quiz): questions, outcomes and the rules that map answers to the
//! most cautious outcome, plus the check's screen-by-screen state machine.
//!
//! Everything clinical is data: `content/quiz.toml` holds the questions, the flags each answer
//! raises, the rule table (flags → outcome), the reasons and the outcome texts.
//! `core/build/quiz.rs` validates it and turns it into the `static` tables included below.
//! This module owns the types of those tables; the submodules own the behaviour:
//!
//! - [`answers`]: [`Answers`], which options are chosen (one bit set per question);
//! - [`rules`]: [`evaluate`], answers → [`Verdict`] (the most cautious outcome, why, advice);
//! - [`flow`]: [`Quiz`], the screens (intro, one question each, review, result); the check
//!   ends once no later question could make the outcome more cautious;
//! - [`saved`]: [`Quiz::encode`] / [`Quiz::decode`], and [`LastCheck`], the last outcome;
//! - [`summary`]: the short text a reader can copy or print for a doctor.
//!
//! Safety invariants (tested exhaustively in `core/tests/triage_*.rs`):
//! - "Yes" to any emergency sign gives [`Outcome::Emergency`] (heart, blood vessel, serious
//!   accident: an ambulance) or [`Outcome::EmergencyNerves`] (nerve signs: the emergency
//!   department now) and ends the check at once; "Not sure" about one gives
//!   [`Outcome::UrgentNow`] or something more cautious, never a calmer outcome;
//! - the outcome is monotone: one more tick, or a more worrying option, never gives a less
//!   cautious outcome; "Not sure" and an unanswered question count as the cautious answer;
//! - the two "massage may help" outcomes are reached only with no warning sign at all.
//!
//! Texts may contain `{emergency}` and locale keys; [`crate::locale::fill`] fills them.

mod answers;
mod flow;
mod rules;
mod saved;
mod summary;

pub use answers::Answers;
pub use flow::{Action, Quiz, Step};
pub use rules::{evaluate, evaluate_for, outcome, outcome_for, outcome_for_flags, Also, Reason, Verdict};
pub use saved::{DecodeError, LastCheck};
pub use summary::{answer_text, summary};

include!(concat!(env!("OUT_DIR"), "/quiz.rs"));

/// Every question in the order asked. The check may not ask all (see [`Quiz::asked`]).
pub fn questions() -> &'static [Question] {
    QUESTIONS
}

/// The index of the question with this id (`"age"`, `"now"`, `"nerves"`, `"unwell"`,
/// `"history"`, `"pain"`, `"duration"`, `"injury"`, `"severity"`, `"trend"`, `"cautions"`,
/// `"devices"`).
pub fn question_index(id: &str) -> Option<usize> {
    QUESTIONS.iter().position(|q| q.id == id)
}

/// The intro screen's text (may contain placeholders).
pub fn intro() -> &'static Intro {
    &INTRO
}

/// The disclaimer shown on the first and last screen.
pub fn disclaimer() -> &'static str {
    DISCLAIMER_TEXT
}

/// "Call {emergency} now if you get any of these:", the lead-in to [`emergency_signs`], for
/// the result screens and the timer's reminder.
pub fn emergency_line() -> &'static str {
    EMERGENCY_LINE
}

/// The emergency signs, one short line each, shown as a bulleted list after
/// [`emergency_line`].
pub fn emergency_signs() -> &'static [&'static str] {
    EMERGENCY_SIGNS
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

/// The intro screen.
#[derive(Debug, PartialEq, Eq)]
pub struct Intro {
    pub title: &'static str,
    pub paragraphs: &'static [&'static str],
    /// The label of the button that starts the check.
    pub start_label: &'static str,
}

/// Pick one (radio buttons), tick any (checkboxes), or Yes / No / Not sure for each item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuestionKind {
    Single,
    Multi,
    /// Every [`Item`] is answered on its own (three radio buttons each); the options are the
    /// items' answers, three per item in the order Yes, No, Not sure.
    Each,
}

/// One question, shown on its own screen.
#[derive(Debug, PartialEq, Eq)]
pub struct Question {
    /// Stable id, e.g. `"nerves"`.
    pub id: &'static str,
    pub kind: QuestionKind,
    /// Short name for the review screen and the summary, e.g. "Nerve warning signs".
    pub summary: &'static str,
    /// The question as asked (the fieldset's legend).
    pub prompt: &'static str,
    pub hint: Option<&'static str>,
    /// Asked only when a massager is involved (the host shows the product or the timer).
    pub massager_only: bool,
    /// The signs of a Yes / No / Not sure question (empty otherwise).
    pub items: &'static [Item],
    pub options: &'static [Choice],
    /// Every flag some answer to this question can raise (also what an unanswered question
    /// counts as: the most cautious reading).
    possible: FlagSet,
}

impl Question {
    /// The index of the option with this id (`"chest-pain-no"` for an item's answer).
    pub fn choice_index(&self, id: &str) -> Option<usize> {
        self.options.iter().position(|c| c.id == id)
    }

    /// The index of the "None of these" option (multi questions only).
    pub fn none_choice(&self) -> Option<usize> {
        self.options
            .iter()
            .position(|c| c.role == ChoiceRole::NoneOfThese)
    }

    /// The index of the "Not sure" option, if the question has one (not for `Each`).
    pub fn not_sure_choice(&self) -> Option<usize> {
        if self.kind == QuestionKind::Each {
            return None;
        }
        self.options
            .iter()
            .position(|c| c.role == ChoiceRole::NotSure)
    }

    /// The options answering item `item` of an `Each` question: (yes, no, not sure).
    pub fn item_choices(&self, item: usize) -> (usize, usize, usize) {
        (3 * item, 3 * item + 1, 3 * item + 2)
    }

    /// The flags an unanswered question counts as raising.
    pub fn possible_flags(&self) -> FlagSet {
        self.possible
    }
}

/// One sign of a Yes / No / Not sure question.
#[derive(Debug, PartialEq, Eq)]
pub struct Item {
    pub id: &'static str,
    pub label: &'static str,
    pub detail: Option<&'static str>,
}

/// What an option means for the answer logic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChoiceRole {
    /// An ordinary answer (an item's "Yes").
    Answer,
    /// "None of these": clears the other ticks; ticking any other clears it.
    NoneOfThese,
    /// "Not sure": counts as the cautious answer.
    NotSure,
    /// An item's "No".
    No,
}

/// One option of a question.
#[derive(Debug, PartialEq, Eq)]
pub struct Choice {
    /// Stable id within its question, e.g. `"fever"` or `"chest-pain-yes"`.
    pub id: &'static str,
    pub label: &'static str,
    /// Optional explanation under the label (e.g. the NHS pain-scale descriptions).
    pub detail: Option<&'static str>,
    pub role: ChoiceRole,
    /// The item this option answers (`Each` questions only).
    pub item: Option<u8>,
    flags: FlagSet,
    /// Why this answer matters, in plain words (every answer that raises a flag has one).
    pub why: Option<&'static str>,
    /// What to do about it, shown first under "What to do now" when it decides the outcome.
    pub advice: &'static [&'static str],
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
    /// Its id in `content/quiz.toml` (where its `means` explains it to reviewers).
    pub id: &'static str,
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

    /// The set holding the flag with this id (empty for an unknown id).
    pub fn named(id: &str) -> FlagSet {
        FLAGS
            .iter()
            .position(|f| f.id == id)
            .map_or(FlagSet::EMPTY, |i| FlagSet(1 << i))
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
    /// The reason shown when this rule decides (else the answers' own reasons).
    pub why: Option<&'static str>,
    /// Advice shown first under "What to do now" when this rule decides.
    pub advice: &'static [&'static str],
}

/// The check's results, most cautious first: `a < b` means `a` is more cautious, so the
/// most cautious of several is their `min()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Outcome {
    /// A heart, blood vessel or serious-injury sign: call for an ambulance now, don't travel
    /// by car. Nothing else shown.
    Emergency,
    /// A nerve sign (cauda equina, worsening weakness): go to the emergency department now,
    /// or call. Nothing else shown.
    EmergencyNerves,
    /// Pregnant with urgent signs: the maternity team now, and only them.
    PregnancyNow,
    /// Get medical advice within the hour (not sure about an emergency sign).
    UrgentNow,
    /// Under 16 with a same-day sign: a doctor today, worded for the young person and
    /// their parent.
    ChildToday,
    /// Under 16 with no same-day sign: a doctor in the next few days.
    Child,
    /// See a doctor today (NHS urgent list, infection or cancer signs, fracture risk + fall).
    SeeDoctorToday,
    /// See a doctor in the next few days (severe, getting worse, not improving; under 20
    /// with new pain).
    SeeDoctorSoon,
    /// See a doctor within 1 to 2 weeks (age, bones or immunity alone; inflammatory pattern).
    SeeDoctorWeeks,
    /// A fall, knock or blow in the last 3 days: no massage for a few days.
    HoldOff,
    /// A massage caution: check with a clinician first.
    AskFirst,
    /// An implant and no other warning: massage with the hands, no vibrating or electric
    /// massager until the implant team says so.
    HandsOnly,
    /// Long-lasting pain, no warning sign: massage may help as part of an exercise plan.
    MassageWithExercise,
    /// New pain, no warning sign: gentle self-massage may help; keep active.
    MassageMayHelp,
}

impl Outcome {
    /// All outcomes, most cautious first.
    pub const ALL: [Outcome; 14] = [
        Outcome::Emergency,
        Outcome::EmergencyNerves,
        Outcome::PregnancyNow,
        Outcome::UrgentNow,
        Outcome::ChildToday,
        Outcome::Child,
        Outcome::SeeDoctorToday,
        Outcome::SeeDoctorSoon,
        Outcome::SeeDoctorWeeks,
        Outcome::HoldOff,
        Outcome::AskFirst,
        Outcome::HandsOnly,
        Outcome::MassageWithExercise,
        Outcome::MassageMayHelp,
    ];

    /// Texts and what the result screen may offer.
    pub fn info(self) -> &'static OutcomeInfo {
        &OUTCOME_INFO[self as usize]
    }

    /// Stable id, e.g. `"see-doctor-today"` (the `detail.outcome` of the result event).
    pub fn id(self) -> &'static str {
        self.info().id
    }

    pub fn from_id(id: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.id() == id)
    }

    /// True for the "Massage may help" outcomes (level "go").
    /// The heading of this outcome shown as "Also:" under a more cautious result.
    pub fn also_title(self) -> &'static str {
        let info = self.info();
        info.also_title.unwrap_or(info.title)
    }

    pub fn is_massage_ok(self) -> bool {
        self.info().level == Level::Go
    }
}

/// How a result looks: an icon, a word and a colour (never the colour alone).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    /// Get help: don't massage.
    Stop,
    /// Check first, or wait.
    Caution,
    /// Gentle massage may help.
    Go,
}

impl Level {
    /// Stable id for the markup, e.g. `data-level="stop"`.
    pub fn id(self) -> &'static str {
        match self {
            Level::Stop => "stop",
            Level::Caution => "caution",
            Level::Go => "go",
        }
    }

    /// The word shown next to the icon.
    pub fn label(self) -> &'static str {
        match self {
            Level::Stop => "Urgent: don't massage",
            Level::Caution => "Check first: not yet",
            Level::Go => "OK to try",
        }
    }
}

/// The result screen's main action, shown right after "What to do now".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MainAction {
    /// A call button for the emergency number.
    CallEmergency,
    /// A call button for the locale's advice line (NHS 111), where it has one; else the
    /// locale's `advice-no-number` text.
    CallAdvice,
    /// "Copy" and "Print" a short summary for a doctor.
    Summary,
    /// Open the timer with the suggested routine.
    Timer,
    None,
}

/// What the result screen shows for an outcome. Texts may contain placeholders.
#[derive(Debug, PartialEq, Eq)]
pub struct OutcomeInfo {
    pub id: &'static str,
    pub level: Level,
    /// When to act, e.g. "Today".
    pub urgency: &'static str,
    /// The result's heading.
    pub title: &'static str,
    /// The heading under "Also:", when it differs from `title`.
    pub also_title: Option<&'static str>,
    pub summary: &'static str,
    /// Reasons always shown after those of the rules and answers.
    pub why: &'static [&'static str],
    /// "What to do now", in order (after the advice of the rules and answers behind it).
    pub do_now: &'static [&'static str],
    /// "If it gets worse".
    pub if_worse: &'static [&'static str],
    /// Whether "If it gets worse" ends with [`emergency_line`].
    pub emergency_line: bool,
    pub main: MainAction,
    /// Article section ids to link to (may be empty).
    pub sections: &'static [&'static str],
    /// Whether the result may offer the self-massage timer.
    pub offers_timer: bool,
    /// Whether the result may show the product link (when the host gave one).
    pub offers_product: bool,
    /// The timer routine to suggest (`"hands"` or `"body-massager"`), when `offers_timer`.
    pub routine: Option<&'static str>,
    /// The check stops as soon as this outcome applies, without the review screen.
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
        for q in QUESTIONS {
            assert_eq!(q.kind == QuestionKind::Each, !q.items.is_empty(), "{}", q.id);
            if q.kind == QuestionKind::Each {
                assert_eq!(q.options.len(), 3 * q.items.len());
                for (i, _) in q.items.iter().enumerate() {
                    let (y, n, ns) = q.item_choices(i);
                    assert_eq!(
                        [q.options[y].role, q.options[n].role, q.options[ns].role],
                        [ChoiceRole::Answer, ChoiceRole::No, ChoiceRole::NotSure]
                    );
                    assert!(q.options[y].flags().contains_all(q.options[ns].flags()));
                }
            }
        }
    }

    #[test]
    fn levels_follow_the_outcomes() {
        assert_eq!(Outcome::Emergency.info().level, Level::Stop);
        assert_eq!(Outcome::HoldOff.info().level, Level::Caution);
        assert!(Outcome::MassageMayHelp.is_massage_ok() && !Outcome::AskFirst.is_massage_ok());
        assert_eq!(FlagSet::named("emergency").bits(), 1);
        assert!(FlagSet::named("nope").is_empty());
    }
}
