//! Markup of the safety check screens: intro, one question per screen (radio buttons,
//! checkboxes, or Yes / No / Not sure for each sign), "Check your answers", and the result:
//! title and urgency → what to do now → the main action → if it gets worse → why (folded).
//! Pure functions of the core [`Quiz`]: no state, no browser calls.
//!
//! Each screen's root is keyed by its step, so a new screen is a new element: page
//! translators swap text nodes for their own, and a patched (detached) node would leave the
//! last screen's words in place. Text that changes within a screen is keyed too.

use super::QuizProps;
use crate::ui::class_when;
use massage_guide_core::article;
use massage_guide_core::locale::fill;
use massage_guide_core::timer::routines;
use massage_guide_core::triage::{
    answer_text, disclaimer, emergency_line, emergency_signs, intro, questions, Action, ChoiceRole, Level,
    MainAction, Question, QuestionKind, Quiz, Step, Verdict,
};
use yew::prelude::*;

/// Everything a screen needs.
pub struct Context<'a> {
    pub quiz: &'a Quiz,
    pub missing: bool,
    pub drive: &'a Callback<Action>,
    /// Copy (`false`) or print (`true`) the summary for a doctor.
    pub share: &'a Callback<bool>,
    /// The reader's date for the summary, e.g. `2026-12-02`.
    pub today: &'a str,
    pub props: &'a QuizProps,
}

impl Context<'_> {
    /// A click handler that applies `action`.
    fn on(&self, action: Action) -> Callback<MouseEvent> {
        self.drive.reform(move |_| action)
    }

    /// `text` for this reader: the emergency number and the locale's words filled in.
    fn fill(&self, text: &'static str) -> String {
        fill(text, self.props.locale, &self.props.emergency_number).into_owned()
    }
}

pub fn render(context: &Context, verdict: Option<&Verdict>) -> Html {
    match (context.quiz.step(), verdict) {
        (Step::Question(index), _) => question(context, index),
        (Step::Review, _) => review(context),
        (Step::Result, Some(verdict)) => result(context, verdict),
        _ => intro_screen(context),
    }
}

/// Small numbers as text without the formatting machinery (the quiz has at most 16 questions).
fn number(n: usize) -> &'static str {
    const NUMBERS: [&str; 17] = [
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16",
    ];
    NUMBERS.get(n).copied().unwrap_or("?")
}

/// The screen's focus target: moved to on every new screen (see `use_focus_on_change`).
const FOCUS: &str = "";

fn intro_screen(context: &Context) -> Html {
    let text = intro();
    let has_answers = context.quiz.answers() != &massage_guide_core::triage::Answers::EMPTY;
    html! {
        <div key="intro" class="mg-quiz-screen mg-quiz-intro">
            <h2 tabindex="-1" data-mg-focus={FOCUS}>{ text.title }</h2>
            { for text.paragraphs.iter().map(|p| html! { <p>{ context.fill(p) }</p> }) }
            <p class="mg-quiz-disclaimer">{ context.fill(disclaimer()) }</p>
            <div class="mg-quiz-nav">
                <button type="button" part="button" class="mg-quiz-button mg-quiz-primary" onclick={context.on(Action::Start)}>
                    { text.start_label }
                </button>
            </div>
            if has_answers { { more(context, false) } }
        </div>
    }
}

fn question(context: &Context, index: usize) -> Html {
    let Some(question) = questions().get(index) else {
        return html! {};
    };
    let quiz = context.quiz;
    let step = quiz.step_number().unwrap_or(1);
    let step_text = ["Step ", number(step), " of ", number(quiz.step_count().max(step))].concat();
    let described = match (question.hint.is_some(), context.missing) {
        (true, true) => Some("mg-quiz-hint mg-quiz-error"),
        (true, false) => Some("mg-quiz-hint"),
        (false, true) => Some("mg-quiz-error"),
        (false, false) => None,
    };
    let (body, error) = match question.kind {
        QuestionKind::Each => (
            items(context, index, question),
            "Answer Yes, No or Not sure for each one.",
        ),
        QuestionKind::Multi => (
            options(context, index, question),
            "Tick at least one answer, or choose \u{201c}None of these\u{201d}.",
        ),
        QuestionKind::Single => (options(context, index, question), "Choose an answer to continue."),
    };
    html! {
        // No <form>: a sandboxed iframe without `allow-forms` blocks every form submission, so
        // Next is a plain button.
        <div key={["q-", question.id].concat()} class="mg-quiz-screen mg-quiz-question">
            <fieldset class={class_when("mg-quiz-fieldset", context.missing, "mg-quiz-invalid")}
                aria-describedby={described}>
                <legend class="mg-quiz-legend" tabindex="-1" data-mg-focus={FOCUS}>
                    // Keyed by its words: the count can change while this question shows.
                    <span class="mg-quiz-step">{ crate::ui::fresh(AttrValue::from(step_text), true) }<span class="mg-quiz-vh">{ ": " }</span></span>
                    <h2 class="mg-quiz-prompt">{ context.fill(question.prompt) }</h2>
                </legend>
                if let Some(hint) = question.hint {
                    <p class="mg-quiz-hint" id="mg-quiz-hint">{ context.fill(hint) }</p>
                }
                if context.missing {
                    <p class="mg-quiz-error" id="mg-quiz-error" role="alert">{ error }</p>
                }
                { body }
            </fieldset>
            <div class="mg-quiz-nav">
                <button type="button" part="button" class="mg-quiz-button mg-quiz-primary" onclick={context.on(Action::Next)}>{ "Next" }</button>
                <button type="button" part="button" class="mg-quiz-button mg-quiz-secondary" onclick={context.on(Action::Back)}>
                    { "Back" }
                </button>
            </div>
            { more(context, true) }
        </div>
    }
}

/// Radio buttons (pick one) or checkboxes (tick any).
fn options(context: &Context, index: usize, question: &'static Question) -> Html {
    let quiz = context.quiz;
    let multi = question.kind == QuestionKind::Multi;
    let name = ["mg-quiz-", question.id].concat();
    let options = question.options.iter().enumerate().map(|(choice, option)| {
        let checked = quiz.answers().is_chosen(index, choice);
        let action = if multi { Action::Toggle { question: index, choice } } else { Action::Choose { question: index, choice } };
        let onchange = context.drive.reform(move |_: Event| action);
        let or = (option.role == ChoiceRole::NoneOfThese).then(|| html! { <p class="mg-quiz-or">{ "or" }</p> });
        html! {
            <>
                { or }
                <label class={class_when("mg-quiz-option", checked, "mg-quiz-checked")}>
                    <input type={if multi { "checkbox" } else { "radio" }} name={name.clone()} {checked} {onchange} />
                    <span class="mg-quiz-option-text">
                        <span class="mg-quiz-option-label">{ context.fill(option.label) }</span>
                        if let Some(detail) = option.detail {
                            <span class="mg-quiz-option-detail">{ context.fill(detail) }</span>
                        }
                    </span>
                </label>
            </>
        }
    });
    html! { <div class="mg-quiz-options">{ for options }</div> }
}

/// Yes / No / Not sure for each sign: a group of three radio buttons per item.
fn items(context: &Context, index: usize, question: &'static Question) -> Html {
    let answers = context.quiz.answers();
    let rows = question.items.iter().enumerate().map(|(item, sign)| {
        let (yes, no, not_sure) = question.item_choices(item);
        let open = ![yes, no, not_sure].iter().any(|&c| answers.is_chosen(index, c));
        let name = ["mg-quiz-", question.id, "-", sign.id].concat();
        let legend_id = ["mg-quiz-item-", sign.id].concat();
        let buttons = [yes, no, not_sure].into_iter().map(|choice| {
            let checked = answers.is_chosen(index, choice);
            let onchange = context.drive.reform(move |_: Event| Action::Choose { question: index, choice });
            html! {
                <label class={class_when("mg-quiz-yn", checked, "mg-quiz-checked")}>
                    <input type="radio" name={name.clone()} {checked} {onchange} />
                    <span>{ question.options[choice].label }</span>
                </label>
            }
        });
        html! {
            <fieldset class={class_when("mg-quiz-item", open && context.missing, "mg-quiz-item-missing")}>
                <legend class="mg-quiz-item-label" id={legend_id}>
                    <span class="mg-quiz-option-label">{ context.fill(sign.label) }</span>
                    if let Some(detail) = sign.detail {
                        <span class="mg-quiz-option-detail">{ context.fill(detail) }</span>
                    }
                </legend>
                if open && context.missing {
                    <p class="mg-quiz-item-error">{ "Choose Yes, No or Not sure for this one." }</p>
                }
                <div class="mg-quiz-yn-row">{ for buttons }</div>
            </fieldset>
        }
    });
    html! { <div class="mg-quiz-items">{ for rows }</div> }
}

fn review(context: &Context) -> Html {
    let quiz = context.quiz;
    let props = context.props;
    let asked = quiz.asked();
    let ended_early = asked.len() < quiz.step_count();
    let rows = asked.into_iter().filter_map(|index| {
        let question = questions().get(index)?;
        let answer = answer_text(quiz.answers(), index, props.locale, &props.emergency_number);
        Some(html! {
            <div class="mg-quiz-review-row">
                <dt>{ question.summary }</dt>
                <dd class="mg-quiz-review-answer">{ answer }</dd>
                <dd class="mg-quiz-review-change">
                    <button type="button" class="mg-quiz-text-button" onclick={context.on(Action::Edit { question: index })}>
                        { "Change" }<span class="mg-quiz-vh">{ [" your answer to \u{201c}", question.summary, "\u{201d}"].concat() }</span>
                    </button>
                </dd>
            </div>
        })
    });
    html! {
        <div key="review" class="mg-quiz-screen mg-quiz-review">
            <h2 tabindex="-1" data-mg-focus={FOCUS}>{ "Check your answers" }</h2>
            if ended_early {
                <p>{ "Your answers so far are enough for our advice: the other questions could not change it." }</p>
            }
            <p>{ "Change any answer that is not right, then see your result." }</p>
            <dl class="mg-quiz-review-list">{ for rows }</dl>
            <div class="mg-quiz-nav">
                <button type="button" part="button" class="mg-quiz-button mg-quiz-primary" onclick={context.on(Action::Next)}>
                    { "See my result" }
                </button>
                <button type="button" part="button" class="mg-quiz-button mg-quiz-secondary" onclick={context.on(Action::Back)}>
                    { "Back" }
                </button>
            </div>
            { more(context, true) }
        </div>
    }
}

/// The icon of a result level: a shape that differs as well as the colour (stop: an
/// octagon, caution: a triangle, go: a circle with a tick). Decorative; the words say it.
pub fn level_icon(level: Level) -> Html {
    let shape = match level {
        Level::Stop => html! {
            <>
                <path class="mg-level-shape" d="M7 1h10l6 6v10l-6 6H7l-6-6V7z" />
                <path class="mg-level-mark" d="M12 6v7M12 16.5v1.5" />
            </>
        },
        Level::Caution => html! {
            <>
                <path class="mg-level-shape" d="M12 1.5 23 22H1z" />
                <path class="mg-level-mark" d="M12 8.5v6M12 17.5v1.5" />
            </>
        },
        Level::Go => html! {
            <>
                <circle class="mg-level-shape" cx="12" cy="12" r="11" />
                <path class="mg-level-mark" d="m6.5 12.5 3.5 3.5 7.5-8" />
            </>
        },
    };
    html! { <svg class="mg-level-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">{ shape }</svg> }
}

fn result(context: &Context, verdict: &Verdict) -> Html {
    let outcome = verdict.outcome;
    let info = outcome.info();
    let props = context.props;
    let emergency = info.main == MainAction::CallEmergency;
    let level = info.level;
    let li = |text: &'static str| html! { <li>{ context.fill(text) }</li> };
    let todo = verdict.advice.iter().chain(info.do_now.iter()).map(|t| li(t));
    let worse = info.if_worse.iter().copied().map(li);
    let signs = info
        .emergency_line
        .then(|| html! { <li>{ emergency_signs_list(|t| context.fill(t)) }</li> });
    let reasons = verdict.reasons.iter().map(|r| li(r.text));
    let also = verdict.also.iter().map(|also| {
        let extra = also.advice.iter().map(|t| li(t));
        html! {
            <div class="mg-quiz-also">
                <p class="mg-quiz-also-title">{ "Also: " }{ context.fill(also.outcome.also_title()) }</p>
                <ul>{ for also.reasons.iter().map(|t| li(t)) }{ for extra }</ul>
            </div>
        }
    });
    let sections = info
        .sections
        .iter()
        .filter_map(|&id| article::heading(id).map(|heading| (id, heading)))
        .map(|(id, heading)| {
            let on_article = props.on_article.clone();
            let onclick = Callback::from(move |event: MouseEvent| {
                event.prevent_default();
                on_article.emit(id);
            });
            html! { <li><a href={["#", id].concat()} {onclick}>{ heading }</a></li> }
        });

    let share = (!emergency).then(|| share_block(context, info.main == MainAction::Summary));
    let main = match info.main {
        MainAction::CallEmergency => Some(call_link(&props.emergency_number, &["Call ", props.emergency_number.as_str()].concat())),
        MainAction::CallAdvice => {
            let tel = props.locale.text("tel-advice").unwrap_or_default();
            let label = props.locale.text("advice-call").unwrap_or_default();
            Some(if tel.is_empty() || label.is_empty() {
                html! { <p class="mg-quiz-no-number">{ context.fill("{advice-no-number}") }</p> }
            } else {
                call_link(tel, label)
            })
        }
        MainAction::Summary => share.clone(),
        MainAction::Timer => timer_button(context, info.routine),
        MainAction::None => None,
    };
    let share_later = (info.main != MainAction::Summary).then_some(share).flatten();
    let product = match (info.offers_product, props.product_url.as_ref()) {
        (true, Some(url)) => Some(html! {
            <p class="mg-quiz-product">
                { "If you would like to use a massager: " }
                <a part="product-link" href={url.clone()}>{ props.product_name.clone() }</a>
            </p>
        }),
        _ => None,
    };

    html! {
        <div key={["result-", outcome.id()].concat()} class={class_when("mg-quiz-screen mg-quiz-result", emergency, "mg-quiz-emergency")}
            data-outcome={outcome.id()} data-level={level.id()}>
            <div class="mg-quiz-result-head">
                <p class="mg-quiz-level">{ level_icon(level) }<span>{ level.label() }</span></p>
                <h2 tabindex="-1" data-mg-focus={FOCUS}>{ context.fill(info.title) }</h2>
                <p class="mg-quiz-urgency"><span class="mg-quiz-urgency-label">{ "When: " }</span>{ context.fill(info.urgency) }</p>
                <p class="mg-quiz-summary">{ context.fill(info.summary) }</p>
            </div>
            <h3>{ "What to do now" }</h3>
            <ul class="mg-quiz-todo">{ for todo }</ul>
            if let Some(main) = main {
                <div class="mg-quiz-main">{ main }</div>
            }
            { product }
            <div class="mg-quiz-worse">
                <h3>{ "If it gets worse" }</h3>
                <ul>{ for worse }{ signs }</ul>
            </div>
            { for also }
            <details class="mg-quiz-why">
                <summary>{ "Why we say this" }</summary>
                <ul class="mg-quiz-reasons">{ for reasons }</ul>
            </details>
            { share_later }
            if !emergency && !info.sections.is_empty() {
                <h3>{ "Read more in this guide" }</h3>
                <ul class="mg-quiz-links">{ for sections }</ul>
            }
            <p class="mg-quiz-disclaimer">{ context.fill(disclaimer()) }</p>
            <div class="mg-quiz-nav">
                <button type="button" part="button" class="mg-quiz-button mg-quiz-secondary" onclick={context.on(Action::Back)}>
                    { "Change your answers" }
                </button>
            </div>
            { more(context, true) }
        </div>
    }
}

/// "Call {emergency} now if you get any of these:" and the signs as a bulleted list (the
/// result's "If it gets worse" and the timer's reminder).
pub fn emergency_signs_list(fill: impl Fn(&'static str) -> String) -> Html {
    html! {
        <>
            { fill(emergency_line()) }
            <ul class="mg-signs">{ for emergency_signs().iter().map(|&t| html! { <li>{ fill(t) }</li> }) }</ul>
        </>
    }
}

/// A big call button (a `tel:` link).
fn call_link(number: &str, label: &str) -> Html {
    let tel: String = number.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
    html! { <a class="mg-quiz-call" href={["tel:", &tel].concat()}>{ label.to_string() }</a> }
}

/// "Copy" and "Print" the summary for a doctor, and the summary itself, folded.
fn share_block(context: &Context, main: bool) -> Html {
    let props = context.props;
    let text = massage_guide_core::triage::summary(context.quiz, props.locale, &props.emergency_number, context.today)
        .unwrap_or_default();
    let copy = context.share.reform(|_: MouseEvent| false);
    let print = context.share.reform(|_: MouseEvent| true);
    html! {
        <div class={class_when("mg-quiz-share", main, "mg-quiz-share-main")}>
            <h3>{ "For your doctor" }</h3>
            <p>{ "A short summary of your answers and this result. It stays on this device unless you share it." }</p>
            <div class="mg-quiz-nav">
                <button type="button" part="button" class={if main { "mg-quiz-button mg-quiz-primary" } else { "mg-quiz-button mg-quiz-secondary" }} onclick={copy}>
                    { "Copy the summary" }
                </button>
                <button type="button" part="button" class="mg-quiz-button mg-quiz-secondary" onclick={print}>
                    { "Print the summary" }
                </button>
            </div>
            <details class="mg-quiz-summary-text">
                <summary>{ "Show the summary" }</summary>
                <pre>{ text }</pre>
            </details>
        </div>
    }
}

/// The button that opens the timer with the suggested routine (when the timer is enabled).
fn timer_button(context: &Context, routine: Option<&'static str>) -> Option<Html> {
    let (routine, on_timer) = (routine?, context.props.on_timer.clone()?);
    let name = routines().iter().find(|r| r.id == routine).map_or("suggested", |r| r.name);
    Some(html! {
        <div class="mg-quiz-nav">
            <button type="button" part="button" class="mg-quiz-button mg-quiz-primary" onclick={Callback::from(move |_| on_timer.emit(routine))}>
                { ["Open the self-massage timer: ", name, " routine"].concat() }
            </button>
        </div>
    })
}

/// Restart and "Forget my answers", below the main buttons.
fn more(context: &Context, restart: bool) -> Html {
    html! {
        <div class="mg-quiz-more">
            if restart {
                <button type="button" class="mg-quiz-text-button" onclick={context.on(Action::Restart)}>{ "Restart" }</button>
            }
            <button type="button" class="mg-quiz-text-button" onclick={context.on(Action::Forget)}>{ "Forget my answers" }</button>
        </div>
    }
}
