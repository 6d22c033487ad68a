//! Markup of the quiz screens: intro, one question per screen, "Check your answers", result.
//! Pure functions of the core [`Quiz`]: no state, no browser calls.

use super::QuizProps;
use massage_guide_core::article;
use massage_guide_core::timer::routines;
use massage_guide_core::triage::{
    disclaimer, fill_emergency_number, intro, questions, Action, ChoiceRole, Outcome, QuestionKind,
    Quiz, Step, Verdict,
};
use yew::prelude::*;

/// Everything a screen needs.
pub struct Context<'a> {
    pub quiz: &'a Quiz,
    pub missing: bool,
    pub drive: &'a Callback<Action>,
    pub props: &'a QuizProps,
}

impl Context<'_> {
    /// A click handler that applies `action`.
    fn on(&self, action: Action) -> Callback<MouseEvent> {
        self.drive.reform(move |_| action)
    }

    /// `text` with `{emergency}` replaced by the host's number.
    fn fill(&self, text: &'static str) -> String {
        fill_emergency_number(text, &self.props.emergency_number).into_owned()
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
    let has_answers = *context.quiz != Quiz::new();
    html! {
        <div class="mg-quiz-screen mg-quiz-intro">
            <h2 tabindex="-1" data-mg-focus={FOCUS}>{ text.title }</h2>
            { for text.paragraphs.iter().map(|p| html! { <p>{ context.fill(p) }</p> }) }
            <p class="mg-quiz-disclaimer">{ disclaimer() }</p>
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
    let multi = question.kind == QuestionKind::Multi;
    let step = quiz.step_number().unwrap_or(1);
    let step_text = [
        "Step ",
        number(step),
        " of ",
        number(quiz.step_count().max(step)),
    ]
    .concat();
    let name = ["mg-quiz-", question.id].concat();
    let described = match (question.hint.is_some(), context.missing) {
        (true, true) => Some("mg-quiz-hint mg-quiz-error"),
        (true, false) => Some("mg-quiz-hint"),
        (false, true) => Some("mg-quiz-error"),
        (false, false) => None,
    };
    let onsubmit = context.drive.reform(|event: SubmitEvent| {
        event.prevent_default();
        Action::Next
    });
    let options = question.options.iter().enumerate().map(|(choice, option)| {
        let checked = quiz.answers().is_chosen(index, choice);
        let action = if multi { Action::Toggle { question: index, choice } } else { Action::Choose { question: index, choice } };
        let onchange = context.drive.reform(move |_: Event| action);
        let or = (option.role == ChoiceRole::NoneOfThese).then(|| html! { <p class="mg-quiz-or">{ "or" }</p> });
        html! {
            <>
                { or }
                <label class={classes!("mg-quiz-option", checked.then_some("mg-quiz-checked"))}>
                    <input type={if multi { "checkbox" } else { "radio" }} name={name.clone()} {checked} {onchange} />
                    <span class="mg-quiz-option-text">
                        <span class="mg-quiz-option-label">{ option.label }</span>
                        if let Some(detail) = option.detail {
                            <span class="mg-quiz-option-detail">{ detail }</span>
                        }
                    </span>
                </label>
            </>
        }
    });
    let error = if multi {
        "Tick at least one answer, or choose \u{201c}None of these\u{201d}."
    } else {
        "Choose an answer to continue."
    };
    html! {
        <form class="mg-quiz-screen mg-quiz-question" novalidate=true {onsubmit}>
            <fieldset class={classes!("mg-quiz-fieldset", context.missing.then_some("mg-quiz-invalid"))}
                aria-describedby={described}>
                <legend class="mg-quiz-legend" tabindex="-1" data-mg-focus={FOCUS}>
                    <span class="mg-quiz-step">{ step_text }<span class="mg-quiz-vh">{ ": " }</span></span>
                    <h2 class="mg-quiz-prompt">{ question.prompt }</h2>
                </legend>
                if let Some(hint) = question.hint {
                    <p class="mg-quiz-hint" id="mg-quiz-hint">{ hint }</p>
                }
                if context.missing {
                    <p class="mg-quiz-error" id="mg-quiz-error" role="alert">{ error }</p>
                }
                <div class="mg-quiz-options">{ for options }</div>
            </fieldset>
            <div class="mg-quiz-nav">
                <button type="submit" part="button" class="mg-quiz-button mg-quiz-primary">{ "Next" }</button>
                <button type="button" part="button" class="mg-quiz-button mg-quiz-secondary" onclick={context.on(Action::Back)}>
                    { "Back" }
                </button>
            </div>
            { more(context, true) }
        </form>
    }
}

fn review(context: &Context) -> Html {
    let quiz = context.quiz;
    let rows = quiz.asked().into_iter().filter_map(|index| {
        let question = questions().get(index)?;
        let answers: Vec<&'static str> = quiz.answers().chosen(index).filter_map(|c| question.options.get(c)).map(|c| c.label).collect();
        Some(html! {
            <div class="mg-quiz-review-row">
                <dt>{ question.summary }</dt>
                <dd class="mg-quiz-review-answer">
                    if answers.is_empty() {
                        { "Not answered" }
                    } else {
                        { for answers.into_iter().map(|a| html! { <span>{ a }</span> }) }
                    }
                </dd>
                <dd class="mg-quiz-review-change">
                    <button type="button" class="mg-quiz-text-button" onclick={context.on(Action::Edit { question: index })}>
                        { "Change" }<span class="mg-quiz-vh">{ [" your answer to \u{201c}", question.summary, "\u{201d}"].concat() }</span>
                    </button>
                </dd>
            </div>
        })
    });
    html! {
        <div class="mg-quiz-screen mg-quiz-review">
            <h2 tabindex="-1" data-mg-focus={FOCUS}>{ "Check your answers" }</h2>
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

fn result(context: &Context, verdict: &Verdict) -> Html {
    let outcome = verdict.outcome;
    let info = outcome.info();
    let props = context.props;
    let emergency = outcome == Outcome::Emergency;
    let urgent = matches!(outcome, Outcome::Emergency | Outcome::SeeDoctorFirst);
    let tel: String = props
        .emergency_number
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();

    let reasons = verdict.reasons.iter().map(|reason| {
        let chosen: Vec<&'static str> = reason.choices.iter().map(|c| c.label).collect();
        let answer = if chosen.is_empty() { "not answered (counted as the cautious answer)".to_string() } else { chosen.join("; ") };
        html! {
            <li><span class="mg-quiz-reason-q">{ reason.question.summary }{ ": " }</span>{ answer }</li>
        }
    });
    // Other, less cautious outcomes the answers also lead to, e.g. "Check with your doctor
    // before massage" for a pregnant reader sent to a doctor first. Never on Emergency, and
    // never a "massage may help" one next to advice to see a doctor.
    let also: Vec<Outcome> = if emergency {
        Vec::new()
    } else {
        verdict
            .also
            .iter()
            .copied()
            .filter(|o| !o.is_massage_ok())
            .collect()
    };
    let has_also = !also.is_empty();
    let also = also
        .into_iter()
        .map(|o| html! { <li>{ context.fill(o.info().title) }</li> });
    let sections = info
        .sections
        .iter()
        .filter_map(|&id| article::section(id).map(|s| (id, s.heading)))
        .map(|(id, heading)| {
            let on_article = props.on_article.clone();
            let onclick = Callback::from(move |event: MouseEvent| {
                event.prevent_default();
                on_article.emit(id);
            });
            html! { <li><a href={["#", id].concat()} {onclick}>{ heading }</a></li> }
        });
    let timer = match (
        info.offers_timer && outcome.is_massage_ok() && !emergency,
        info.routine,
        props.on_timer.as_ref(),
    ) {
        (true, Some(routine), Some(on_timer)) => {
            let on_timer = on_timer.clone();
            let name = routines()
                .iter()
                .find(|r| r.id == routine)
                .map_or("suggested", |r| r.name);
            Some(html! {
                <div class="mg-quiz-nav">
                    <button type="button" part="button" class="mg-quiz-button mg-quiz-primary" onclick={Callback::from(move |_| on_timer.emit(routine))}>
                        { ["Open the self-massage timer: ", name, " routine"].concat() }
                    </button>
                </div>
            })
        }
        _ => None,
    };
    let product = match (
        info.offers_product && !emergency,
        props.product_url.as_ref(),
    ) {
        (true, Some(url)) => Some(html! {
            <p class="mg-quiz-product">
                { "If you would like to use a massager: " }
                <a part="product-link" href={url.clone()}>{ props.product_name.clone() }</a>
            </p>
        }),
        _ => None,
    };

    html! {
        <div class={classes!("mg-quiz-screen", "mg-quiz-result", urgent.then_some("mg-quiz-urgent"), emergency.then_some("mg-quiz-emergency"))}
            data-outcome={outcome.id()}>
            <div class="mg-quiz-result-head">
                <p class="mg-quiz-kicker">{ "Your result" }</p>
                <h2 tabindex="-1" data-mg-focus={FOCUS}>{ context.fill(info.title) }</h2>
                <p class="mg-quiz-summary">{ context.fill(info.summary) }</p>
                if emergency {
                    <a class="mg-quiz-call" href={["tel:", &tel].concat()}>
                        { ["Call ", props.emergency_number.as_str()].concat() }
                    </a>
                }
            </div>
            if !verdict.reasons.is_empty() {
                <h3>{ "Why" }</h3>
                <p>{ info.because }</p>
                <ul class="mg-quiz-reasons">{ for reasons }</ul>
            }
            <h3>{ "What to do now" }</h3>
            <ul class="mg-quiz-todo">{ for info.do_now.iter().map(|line| html! { <li>{ context.fill(line) }</li> }) }</ul>
            if has_also {
                <p class="mg-quiz-also-label">{ "Your answers also mean:" }</p>
                <ul class="mg-quiz-also">{ for also }</ul>
            }
            if !emergency && !info.sections.is_empty() {
                <h3>{ "Read more in this guide" }</h3>
                <ul class="mg-quiz-links">{ for sections }</ul>
            }
            { timer }
            { product }
            <p class="mg-quiz-disclaimer">{ disclaimer() }</p>
            <div class="mg-quiz-nav">
                <button type="button" part="button" class="mg-quiz-button mg-quiz-secondary" onclick={context.on(Action::Back)}>
                    { "Change your answers" }
                </button>
            </div>
            { more(context, true) }
        </div>
    }
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
