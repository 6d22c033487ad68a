//! The quiz as a short string for storage: `q2:<fingerprint>:<massager>:<step>:<answers>`,
//! and the last outcome reached, [`LastCheck`]: `c1:<outcome id>`.
//!
//! - `q2`: format version.
//! - fingerprint: 8 hex digits of the quiz data's shape (question and option ids), so answers
//!   saved by another version of the quiz are refused rather than misread.
//! - massager: `m` when the implant question is part of the quiz, `n` when not.
//! - step: `i` intro, `q<n>` question n, `e<n>` question n changed from the review, `r`
//!   review, `x` result.
//! - answers: one lowercase hex bit set per question, `.`-separated, no leading zeros.
//!
//! Example: `q2:1a2b3c4d:m:q2:4.92.0.0.0.0.0.0.0.0.0.0`. Decoding accepts only the exact form
//! [`Quiz::encode`] writes and only states the quiz can reach; it never panics.

use super::flow::{Quiz, Step};
use super::{Answers, Outcome, Verdict, QUESTION_COUNT, QUIZ_FINGERPRINT};
use std::fmt;

const VERSION: &str = "q2";

/// Longer than any encoding; longer input is refused before parsing.
const MAX_LEN: usize = 3 + 9 + 2 + 4 + QUESTION_COUNT * 5;

/// Why a saved string was refused. The widget then starts a fresh quiz.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not in the `q2:…` form at all.
    Malformed,
    /// Written by another version of the quiz or of the format.
    OtherVersion,
    /// A question, option or step that does not exist, or a combination not allowed.
    OutOfRange,
    /// A state the quiz cannot reach (e.g. the result with questions unanswered).
    Inconsistent,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DecodeError::Malformed => "saved quiz is malformed",
            DecodeError::OtherVersion => "saved quiz is from another version",
            DecodeError::OutOfRange => "saved quiz names an unknown question or option",
            DecodeError::Inconsistent => "saved quiz is in a state the quiz cannot reach",
        })
    }
}

impl std::error::Error for DecodeError {}

impl Quiz {
    /// The state as a short ASCII string without newlines (for `localStorage`).
    pub fn encode(&self) -> String {
        let mut out = String::with_capacity(MAX_LEN);
        out.push_str(VERSION);
        out.push(':');
        out.push_str(QUIZ_FINGERPRINT);
        out.push(':');
        out.push(if self.massager() { 'm' } else { 'n' });
        out.push(':');
        match self.step() {
            Step::Intro => out.push('i'),
            Step::Question(q) => {
                out.push(if self.is_editing() { 'e' } else { 'q' });
                push_digits(&mut out, q as u32, 10);
            }
            Step::Review => out.push('r'),
            Step::Result => out.push('x'),
        }
        out.push(':');
        for q in 0..QUESTION_COUNT {
            if q > 0 {
                out.push('.');
            }
            push_digits(&mut out, u32::from(self.answers().bits(q)), 16);
        }
        out
    }

    /// Reads a string written by [`Quiz::encode`]. Anything else is an error, never a panic.
    pub fn decode(text: &str) -> Result<Quiz, DecodeError> {
        if text.len() > MAX_LEN || !text.is_ascii() {
            return Err(DecodeError::Malformed);
        }
        let mut parts = text.split(':');
        let (Some(version), Some(fingerprint), Some(massager), Some(step), Some(answers), None) = (
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
        ) else {
            return Err(if text.starts_with("q1:") {
                DecodeError::OtherVersion
            } else {
                DecodeError::Malformed
            });
        };
        if version != VERSION || fingerprint != QUIZ_FINGERPRINT {
            return Err(DecodeError::OtherVersion);
        }
        let massager = match massager {
            "m" => true,
            "n" => false,
            _ => return Err(DecodeError::Malformed),
        };

        let (step, editing) = match step {
            "i" => (Step::Intro, false),
            "r" => (Step::Review, false),
            "x" => (Step::Result, false),
            _ => {
                let editing = match step.as_bytes().first() {
                    Some(b'q') => false,
                    Some(b'e') => true,
                    _ => return Err(DecodeError::Malformed),
                };
                let q = parse_number(&step[1..], 10, 2).ok_or(DecodeError::Malformed)?;
                if q as usize >= QUESTION_COUNT {
                    return Err(DecodeError::OutOfRange);
                }
                (Step::Question(q as usize), editing)
            }
        };

        let mut parsed = Answers::EMPTY;
        let mut count = 0;
        for (q, field) in answers.split('.').enumerate() {
            count += 1;
            if q >= QUESTION_COUNT {
                return Err(DecodeError::Malformed);
            }
            let bits = parse_number(field, 16, 4).ok_or(DecodeError::Malformed)?;
            let bits = u16::try_from(bits).map_err(|_| DecodeError::OutOfRange)?;
            if !parsed.set_bits(q, bits) {
                return Err(DecodeError::OutOfRange);
            }
        }
        if count != QUESTION_COUNT {
            return Err(DecodeError::Malformed);
        }

        let quiz = Quiz::from_parts(step, parsed, editing, massager);
        if !quiz.is_consistent() {
            return Err(DecodeError::Inconsistent);
        }
        // Only the canonical form is accepted (one string per state).
        if quiz.encode() != text {
            return Err(DecodeError::Malformed);
        }
        Ok(quiz)
    }
}

/// The outcome of the last check this widget finished, kept so the timer and the product
/// link can respect it after a reload (`c1:<outcome id>`, plus `+implant` when an implant
/// answer applies under another result). "Forget my answers" removes it; Restart keeps it
/// until a new result replaces it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LastCheck {
    pub outcome: Outcome,
    /// An implant answer (hands only) applies under a more cautious result.
    pub implant: bool,
}

impl LastCheck {
    const PREFIX: &'static str = "c1:";
    const IMPLANT: &'static str = "+implant";

    /// What a finished check leaves for the timer.
    pub fn of(verdict: &Verdict) -> LastCheck {
        let implant = verdict.outcome != Outcome::HandsOnly
            && verdict.also.iter().any(|a| a.outcome == Outcome::HandsOnly);
        LastCheck { outcome: verdict.outcome, implant }
    }

    pub fn encode(&self) -> String {
        let implant = if self.implant { Self::IMPLANT } else { "" };
        [Self::PREFIX, self.outcome.id(), implant].concat()
    }

    /// Anything but the exact form `encode` writes is refused (`None`).
    pub fn decode(text: &str) -> Option<LastCheck> {
        let rest = text.strip_prefix(Self::PREFIX)?;
        let (id, implant) = match rest.strip_suffix(Self::IMPLANT) {
            Some(id) => (id, true),
            None => (rest, false),
        };
        let outcome = Outcome::from_id(id)?;
        // Hands only is the implant result itself: `+implant` would say it twice.
        if implant && outcome == Outcome::HandsOnly {
            return None;
        }
        Some(LastCheck { outcome, implant })
    }

    /// Whether the timer may offer routines that need a shaking or electric massager: not
    /// after an implant answer, whatever the result.
    pub fn allows_massager(&self) -> bool {
        self.outcome != Outcome::HandsOnly && !self.implant
    }

    /// Whether the timer should hold massage back until the reader confirms (any outcome
    /// but the two "massage may help" ones).
    pub fn advises_against_massage(&self) -> bool {
        !self.outcome.is_massage_ok()
    }
}

/// Appends `value` in `radix` (10 or 16, lowercase), without leading zeros.
fn push_digits(out: &mut String, value: u32, radix: u32) {
    let mut digits = [0u8; 10];
    let mut n = value;
    let mut len = 0;
    loop {
        digits[len] = (n % radix) as u8;
        len += 1;
        n /= radix;
        if n == 0 {
            break;
        }
    }
    for &d in digits[..len].iter().rev() {
        out.push(char::from_digit(u32::from(d), radix).unwrap_or('?'));
    }
}

/// Parses 1 to `max_len` lowercase digits in `radix` with no leading zero (except "0").
fn parse_number(text: &str, radix: u32, max_len: usize) -> Option<u32> {
    let bytes = text.as_bytes();
    if bytes.is_empty() || bytes.len() > max_len || (bytes.len() > 1 && bytes[0] == b'0') {
        return None;
    }
    bytes.iter().try_fold(0u32, |acc, &b| {
        let digit = match b {
            b'0'..=b'9' => u32::from(b - b'0'),
            b'a'..=b'f' => u32::from(b - b'a') + 10,
            _ => return None,
        };
        (digit < radix).then_some(acc * radix + digit)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_quiz_round_trips() {
        let q = Quiz::new();
        let text = q.encode();
        assert!(
            text.starts_with("q2:") && text.is_ascii() && !text.contains('\n'),
            "{text}"
        );
        assert_eq!(Quiz::decode(&text), Ok(q));
        let without = Quiz::with_massager(false);
        assert_eq!(Quiz::decode(&without.encode()), Ok(without));
        assert_ne!(without.encode(), text);
    }

    #[test]
    fn the_last_check_round_trips_and_refuses_anything_else() {
        for outcome in Outcome::ALL {
            let last = LastCheck { outcome, implant: false };
            assert_eq!(LastCheck::decode(&last.encode()), Some(last));
            assert_eq!(last.advises_against_massage(), !outcome.is_massage_ok());
            assert_eq!(last.allows_massager(), outcome != Outcome::HandsOnly);
            let implant = LastCheck { outcome, implant: true };
            if outcome == Outcome::HandsOnly {
                // Implied by the outcome: one canonical form only.
                assert_eq!(LastCheck::decode(&implant.encode()), None);
            } else {
                assert_eq!(LastCheck::decode(&implant.encode()), Some(implant));
                assert!(implant.encode().ends_with("+implant") && !implant.allows_massager());
            }
        }
        // Written before `+implant` existed: still read, as no implant answer.
        assert_eq!(
            LastCheck::decode("c1:see-doctor-soon"),
            Some(LastCheck { outcome: Outcome::SeeDoctorSoon, implant: false })
        );
        for bad in [
            "", "c1:", "c1:nope", "c2:emergency", "emergency", " c1:emergency", "c1:emergency ",
            "c1:+implant", "c1:emergency+implant+implant", "c1:emergency+Implant",
        ] {
            assert_eq!(LastCheck::decode(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn numbers_are_canonical() {
        assert_eq!(parse_number("0", 16, 4), Some(0));
        assert_eq!(parse_number("ff", 16, 4), Some(255));
        for bad in ["", "00", "0f", "FF", "g", "12345", "-1", "+1"] {
            assert_eq!(parse_number(bad, 16, 4), None, "{bad}");
        }
        assert_eq!(parse_number("a", 10, 2), None);
        let mut s = String::new();
        push_digits(&mut s, 0xbeef, 16);
        push_digits(&mut s, 0, 10);
        push_digits(&mut s, 12, 10);
        assert_eq!(s, "beef012");
    }
}
