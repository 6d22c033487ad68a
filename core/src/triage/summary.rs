//! The short text a reader can copy or print for a doctor: the result, the reasons and every
//! answer given, in plain lines. Made on the device; nothing is sent anywhere.

use super::flow::{Quiz, Step};
use super::{questions, Answers, ChoiceRole, QuestionKind};
use crate::locale::{fill, Locale};

/// The summary of a finished check (`None` unless the quiz is on its result).
/// `date` is the reader's date, e.g. `2026-12-02` (the core never reads a clock).
pub fn summary(quiz: &Quiz, locale: Locale, number: &str, date: &str) -> Option<String> {
    if quiz.step() != Step::Result {
        return None;
    }
    let verdict = quiz.verdict()?;
    let info = verdict.outcome.info();
    let text = |t: &'static str| fill(t, locale, number);
    let mut out = String::with_capacity(1200);
    out.push_str("Back pain safety check: summary for a doctor\n");
    out.push_str("Made on ");
    out.push_str(date);
    out.push_str(" from the reader's own answers. It is not a diagnosis.\n\n");

    out.push_str("Result: ");
    out.push_str(&text(info.title));
    out.push_str(" (");
    out.push_str(&text(info.urgency));
    out.push_str(")\n");
    for also in &verdict.also {
        out.push_str("Also: ");
        out.push_str(&text(also.outcome.also_title()));
        out.push('\n');
    }

    out.push_str("\nWhy:\n");
    for reason in verdict.reasons.iter().filter(|r| !r.unanswered) {
        line(&mut out, &text(reason.text));
    }
    for also in &verdict.also {
        for reason in &also.reasons {
            line(&mut out, &text(reason));
        }
    }

    out.push_str("\nAnswers:\n");
    for index in quiz.asked() {
        let question = &questions()[index];
        out.push_str("- ");
        out.push_str(&text(question.summary));
        out.push_str(": ");
        out.push_str(&answer_text(quiz.answers(), index, locale, number));
        out.push('\n');
    }
    Some(out)
}

fn line(out: &mut String, text: &str) {
    out.push_str("- ");
    out.push_str(text);
    out.push('\n');
}

/// One question's answer in words (the review screen and the summary). A Yes / No / Not sure
/// question lists the signs answered Yes or Not sure, then "no to the others" (or "no to all").
pub fn answer_text(answers: &Answers, index: usize, locale: Locale, number: &str) -> String {
    let mut out = String::new();
    let Some(question) = questions().get(index) else {
        return out;
    };
    if question.kind != QuestionKind::Each {
        let mut first = true;
        for choice in answers.chosen(index).filter_map(|c| question.options.get(c)) {
            if !first {
                out.push_str("; ");
            }
            first = false;
            out.push_str(&fill(choice.label, locale, number));
        }
        if first {
            out.push_str("not answered");
        }
        return out;
    }
    let mut flagged = 0;
    for choice in answers.chosen(index).filter_map(|c| question.options.get(c)) {
        let Some(item) = choice.item.and_then(|i| question.items.get(usize::from(i))) else {
            continue;
        };
        if choice.role == ChoiceRole::No {
            continue;
        }
        if flagged > 0 {
            out.push_str("; ");
        }
        flagged += 1;
        out.push_str(&fill(item.label, locale, number));
        out.push_str(if choice.role == ChoiceRole::NotSure { ": not sure" } else { ": yes" });
    }
    let unanswered = (0..question.items.len()).any(|i| answers.bits(index) & (0b111 << (3 * i)) == 0);
    out.push_str(match flagged {
        _ if unanswered => if flagged == 0 { "not answered" } else { "; the others not answered" },
        0 => "no to all",
        _ if flagged == question.items.len() => "",
        _ => "; no to the others",
    });
    out
}
