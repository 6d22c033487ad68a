//! The triage quiz view. The state is the core's [`Quiz`] (plus two view flags); every tap
//! becomes a core [`Action`] applied by the pure `Quiz::apply`. This file wires that to the
//! browser (storage, the `quiz-result` event, focus); `view` draws the screens.

mod view;

use crate::browser;
use crate::hooks::use_focus_on_change;
use massage_guide_core::saved::slot_name;
use massage_guide_core::triage::{Action, DecodeError, Quiz, Step};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct QuizProps {
    /// Validated `emergency-number` attribute (shown on the Emergency outcome).
    pub emergency_number: AttrValue,
    /// Validated `product-url`; the product is linked only when present.
    #[prop_or_default]
    pub product_url: Option<AttrValue>,
    pub product_name: AttrValue,
    /// The host element, for `massage-guide:quiz-result` events.
    #[prop_or_default]
    pub host: Option<web_sys::Element>,
    /// Shows an article section (by id) in the Article tab.
    pub on_article: Callback<&'static str>,
    /// Opens the timer with a suggested routine id (`hands` or `body-massager`); `None` when
    /// the timer section is not enabled on this element.
    #[prop_or_default]
    pub on_timer: Option<Callback<&'static str>>,
    /// Names this widget's storage slots (see `AppProps::widget`).
    #[prop_or_default]
    pub widget: AttrValue,
}

/// The storage part this view keeps its answers in (see `core::saved::slot_name`).
const PART: &str = "quiz";

/// The view's state: the core quiz and what the view adds to it.
#[derive(Clone, Copy, PartialEq)]
struct Model {
    quiz: Quiz,
    /// Next was pressed on a question with nothing chosen: show the inline message.
    missing: bool,
    /// "Forget my answers" was just used: confirm it.
    forgotten: bool,
    /// Bumped whenever a new screen is shown (focus moves there, the result event fires).
    screen: u32,
}

impl Reducible for Model {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let old = *self;
        if action == Action::Next
            && matches!(old.quiz.step(), Step::Question(_))
            && !old.quiz.can_go_next()
        {
            return if old.missing {
                self
            } else {
                Rc::new(Model {
                    missing: true,
                    ..old
                })
            };
        }
        let quiz = old.quiz.apply(action);
        let forgotten = action == Action::Forget;
        if quiz == old.quiz && !forgotten {
            return self;
        }
        let moved = forgotten || quiz.step() != old.quiz.step();
        Rc::new(Model {
            quiz,
            missing: false,
            forgotten,
            screen: old.screen.wrapping_add(u32::from(moved)),
        })
    }
}

/// The quiz saved in this browser, or a fresh one. A saved value that cannot be read is
/// discarded with one warning.
fn restore(slot: &str) -> Quiz {
    if !cfg!(target_arch = "wasm32") {
        return Quiz::new();
    }
    let Some(text) = browser::stored(slot) else {
        return Quiz::new();
    };
    Quiz::decode(&text).unwrap_or_else(|error| {
        let why = match error {
            DecodeError::OtherVersion => "saved quiz answers are from another version of the quiz",
            _ => "saved quiz answers could not be read",
        };
        browser::warn(&["massage-guide: ", why, "; they were discarded"].concat());
        browser::store(slot, None);
        Quiz::new()
    })
}

#[component]
pub fn QuizView(props: &QuizProps) -> Html {
    let slot = slot_name(PART, &props.widget);
    let model = use_reducer(|| Model {
        quiz: restore(&slot),
        missing: false,
        forgotten: false,
        screen: 0,
    });
    let root = use_node_ref();
    let drive = {
        let dispatcher = model.dispatcher();
        Callback::from(move |action: Action| dispatcher.dispatch(action))
    };

    // Saved after every change; a fresh quiz leaves nothing behind.
    use_effect_with(model.quiz, move |quiz| {
        let text = (*quiz != Quiz::new()).then(|| quiz.encode());
        browser::store(&slot, text.as_deref());
    });

    let verdict = model.quiz.verdict();

    // `massage-guide:quiz-result` once when a result is reached (not when one is restored):
    // the outcome id only, never the answers.
    {
        let reached = (model.screen > 0)
            .then(|| verdict.as_ref().map(|v| v.outcome.id()))
            .flatten();
        let host = props.host.clone();
        use_effect_with(model.screen, move |_| {
            if let (Some(outcome), Some(host)) = (reached, host) {
                browser::dispatch(&host, "quiz-result", &[("outcome", outcome)]);
            }
        });
    }

    use_focus_on_change(root.clone(), model.screen);

    let context = view::Context {
        quiz: &model.quiz,
        missing: model.missing,
        drive: &drive,
        props,
    };
    html! {
        <section class="mg-quiz" ref={root} aria-label="Back pain check">
            <p class="mg-quiz-status" role="status">
                if model.forgotten { { "Your answers have been forgotten and removed from this device." } }
            </p>
            { view::render(&context, verdict.as_ref()) }
        </section>
    }
}
