//! The safety check view. The state is the core's [`Quiz`] (plus a few view flags); every tap
//! becomes a core [`Action`] applied by the pure `Quiz::apply`. This file wires that to the
//! browser (storage of the answers and of the last outcome, the `quiz-result` event, focus,
//! copy and print of the summary for a doctor); `view` draws the screens.

mod view;

pub(crate) use view::{emergency_signs_list, level_icon};

use crate::browser;
use crate::hooks::{use_focus_on_change, use_storage_changes};
use massage_guide_core::locale::Locale;
use massage_guide_core::saved::slot_name;
use massage_guide_core::triage::{summary, Action, DecodeError, LastCheck, Quiz, Step};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct QuizProps {
    /// The emergency number: the `emergency-number` attribute, else the locale's.
    pub emergency_number: AttrValue,
    /// The reader's country (the `locale` attribute): GP / NHS 111 / A&E, or doctor / ER.
    #[prop_or_default]
    pub locale: Locale,
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

impl QuizProps {
    /// A massager is involved when the host shows the product or the timer (which has a
    /// massager routine): then the check asks about implants.
    fn massager(&self) -> bool {
        self.product_url.is_some() || self.on_timer.is_some()
    }
}

/// The storage parts this view keeps: its answers, and the outcome of the last finished check
/// (read by the timer's safety gate; see `core::saved::slot_name`).
const PART: &str = "quiz";
pub(crate) const LAST_CHECK_PART: &str = "check";

/// What happened to the summary for a doctor.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shared {
    Copied,
    CopyFailed,
    Printed,
    PrintFailed,
}

/// What the reader or the browser did.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum ViewAction {
    Quiz(Action),
    Shared(Shared),
    /// Another tab saved other answers: show those (no new screen event, no focus move).
    Adopt(Quiz),
}

/// The view's state: the core quiz and what the view adds to it.
#[derive(Clone, Copy, PartialEq)]
struct Model {
    quiz: Quiz,
    /// Next was pressed on a question with something missing: show the inline message.
    missing: bool,
    /// "Forget my answers" was just used: confirm it (and forget the last outcome too).
    forgotten: bool,
    /// The last copy or print of the summary, for the status line.
    shared: Option<Shared>,
    /// Bumped whenever a new screen is shown (focus moves there, the result event fires).
    screen: u32,
}

impl Reducible for Model {
    type Action = ViewAction;

    fn reduce(self: Rc<Self>, action: ViewAction) -> Rc<Self> {
        let old = *self;
        let action = match action {
            ViewAction::Shared(shared) => {
                return Rc::new(Model {
                    shared: Some(shared),
                    forgotten: false,
                    ..old
                })
            }
            ViewAction::Adopt(quiz) => {
                return if quiz == old.quiz {
                    self
                } else {
                    Rc::new(Model {
                        quiz,
                        missing: false,
                        forgotten: false,
                        shared: None,
                        ..old
                    })
                }
            }
            ViewAction::Quiz(action) => action,
        };
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
            shared: None,
            screen: old.screen.wrapping_add(u32::from(moved)),
        })
    }
}

/// The quiz saved in this browser, or a fresh one. A saved value that cannot be read, or one
/// saved with another setup (with or without a massager), is discarded with one warning.
/// The quiz another tab saved in `slot` just now (a fresh one when it forgot the answers);
/// `None` when that is one this page cannot show (another version or setup): left alone.
fn saved_elsewhere(slot: &str, massager: bool) -> Option<Quiz> {
    match browser::stored(slot) {
        None => Some(Quiz::with_massager(massager)),
        Some(text) => Quiz::decode(&text).ok().filter(|quiz| quiz.massager() == massager),
    }
}

fn restore(slot: &str, massager: bool) -> Quiz {
    if !cfg!(target_arch = "wasm32") {
        return Quiz::with_massager(massager);
    }
    let Some(text) = browser::stored(slot) else {
        return Quiz::with_massager(massager);
    };
    let why = match Quiz::decode(&text) {
        Ok(quiz) if quiz.massager() == massager => return quiz,
        Ok(_) => "saved quiz answers were for a page without the massager question",
        Err(DecodeError::OtherVersion) => "saved quiz answers are from another version of the quiz",
        Err(_) => "saved quiz answers could not be read",
    };
    browser::warn(&["massage-guide: ", why, "; they were discarded"].concat());
    browser::store(slot, None);
    Quiz::with_massager(massager)
}

#[component]
pub fn QuizView(props: &QuizProps) -> Html {
    let slot = slot_name(PART, &props.widget);
    let check_slot = slot_name(LAST_CHECK_PART, &props.widget);
    let massager = props.massager();
    let model = use_reducer(|| Model {
        quiz: restore(&slot, massager),
        missing: false,
        forgotten: false,
        shared: None,
        screen: 0,
    });
    let root = use_node_ref();
    let drive = {
        let dispatcher = model.dispatcher();
        Callback::from(move |action: Action| dispatcher.dispatch(ViewAction::Quiz(action)))
    };

    // Another tab saved: show its answers here too (so this tab never writes older ones back).
    {
        let (dispatcher, slot) = (model.dispatcher(), slot.clone());
        let changes = use_storage_changes();
        use_effect_with(changes, move |&changes| {
            if let Some(quiz) = saved_elsewhere(&slot, massager).filter(|_| changes > 0) {
                dispatcher.dispatch(ViewAction::Adopt(quiz));
            }
        });
    }

    // Saved after every change; a fresh quiz leaves nothing behind. A result also becomes the
    // last check (the timer reads it); "Forget my answers" forgets that too, Restart keeps it.
    use_effect_with((model.quiz, model.forgotten), move |(quiz, forgotten)| {
        let text = (*quiz != Quiz::with_massager(quiz.massager())).then(|| quiz.encode());
        browser::store(&slot, text.as_deref());
        if let Some(verdict) = quiz.verdict() {
            browser::store(&check_slot, Some(&LastCheck::of(&verdict).encode()));
        } else if *forgotten {
            browser::store(&check_slot, None);
        }
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

    // Copy and Print: the summary is made on the device, when the reader asks for it.
    let share = {
        let (quiz, locale, number) = (model.quiz, props.locale, props.emergency_number.clone());
        let (dispatcher, root) = (model.dispatcher(), root.clone());
        Callback::from(move |print: bool| {
            let Some(text) = summary(&quiz, locale, &number, &browser::today()) else {
                return;
            };
            if print {
                let lines: Vec<&str> = text.lines().skip(1).filter(|l| !l.is_empty()).collect();
                let title = text.lines().next().unwrap_or_default();
                let printed = root
                    .cast::<web_sys::Element>()
                    .is_some_and(|scope| browser::print_text(&scope, title, &lines));
                dispatcher.dispatch(ViewAction::Shared(if printed {
                    Shared::Printed
                } else {
                    Shared::PrintFailed
                }));
            } else {
                let dispatcher = dispatcher.clone();
                browser::copy_text(&text, move |copied| {
                    dispatcher.dispatch(ViewAction::Shared(if copied {
                        Shared::Copied
                    } else {
                        Shared::CopyFailed
                    }))
                });
            }
        })
    };

    let status = if model.forgotten {
        "Your answers have been forgotten and removed from this device."
    } else {
        match model.shared {
            Some(Shared::Copied) => "Summary copied. Paste it into a message or a note for your doctor.",
            Some(Shared::CopyFailed) => "Copying isn't possible here. Open \u{201c}Show the summary\u{201d} and copy the text yourself.",
            Some(Shared::Printed) => "The summary was sent to the printer.",
            Some(Shared::PrintFailed) => "Printing isn't possible here. Open \u{201c}Show the summary\u{201d} to read or copy it.",
            None => "",
        }
    };
    let today = if cfg!(target_arch = "wasm32") { browser::today() } else { String::new() };
    let context = view::Context {
        quiz: &model.quiz,
        missing: model.missing,
        drive: &drive,
        share: &share,
        today: &today,
        props,
    };
    html! {
        <section class="mg-quiz" ref={root} aria-label="Back pain safety check">
            <p class="mg-quiz-status" role="status">{ super::fresh(AttrValue::Static(status), true) }</p>
            { view::render(&context, verdict.as_ref()) }
        </section>
    }
}
