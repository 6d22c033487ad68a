//! Every call into the browser (web-sys / js-sys) lives here, behind small typed wrappers,
//! so components and hooks stay readable and the rest of the crate can render natively (SSR).
//!
//! All functions are fallible in the quiet way: a missing API returns `None`/`false`
//! and never throws into the host page.

use massage_guide_core::config::Attributes;
use wasm_bindgen::JsValue;
use web_sys::Element;

/// Milliseconds since the Unix epoch: the one place the widget reads the wall clock.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Reads the embed attributes from the `<massage-guide>` host element.
pub fn read_attributes(host: &Element) -> Attributes {
    Attributes {
        sections: host.get_attribute("sections"),
        start: host.get_attribute("start"),
        product_url: host.get_attribute("product-url"),
        product_name: host.get_attribute("product-name"),
        emergency_number: host.get_attribute("emergency-number"),
        theme: host.get_attribute("theme"),
        locale: host.get_attribute("locale"),
    }
}

/// Fault injection for the end-to-end tests of the panic screen: true when the host carries
/// `data-mg-test-panic="<point>"` (`update`: on the next attribute change; `click`: on the next
/// tab click, inside a DOM event handler).
pub fn test_panic_requested(host: Option<&Element>, point: &str) -> bool {
    host.and_then(|host| host.get_attribute("data-mg-test-panic"))
        .is_some_and(|value| value == point)
}

/// One console warning, prefixed so hosts can filter it.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(message));
}

/// Dispatches `massage-guide:<name>` on the host element; it bubbles and crosses shadow roots.
/// `detail` is a list of string fields (never user answers).
pub fn dispatch(host: &Element, name: &str, detail: &[(&str, &str)]) {
    let object = js_sys::Object::new();
    for (key, value) in detail {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&object);
    let type_ = ["massage-guide:", name].concat();
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(&type_, &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// Asks the first script (`embed/element.js`) to show another section: `article` (scrolled to
/// the section `id`, if any) or `timer`. A `mg-navigate` event bubbles from the app root to the
/// shadow root, where the shell listens; it is not composed, so the host page never sees it.
pub fn navigate(root: &yew::NodeRef, section: &str, id: &str) {
    let Some(root) = root.cast::<Element>() else {
        return;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_detail(&JsValue::from_str(&[section, "#", id].concat()));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("mg-navigate", &init) {
        let _ = root.dispatch_event(&event);
    }
}

// ---- Copy, print, today: the safety check's summary for a doctor ------------------------
// Plain text made on the device; it goes to the clipboard or the printer and nowhere else.

/// Copies `text` to the clipboard (`navigator.clipboard.writeText`, which needs the tap that
/// called this); `done(true)` once copied, `done(false)` where the API is missing or refuses.
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    use wasm_bindgen::JsCast;
    let call = || -> Option<js_sys::Promise> {
        let navigator = web_sys::window()?.navigator();
        let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).ok()?;
        let write = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText")).ok()?;
        let write = write.dyn_into::<js_sys::Function>().ok()?;
        write
            .call1(&clipboard, &JsValue::from_str(text))
            .ok()?
            .dyn_into()
            .ok()
    };
    match call() {
        Some(promise) => wasm_bindgen_futures::spawn_local(async move {
            done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
        }),
        None => done(false),
    }
}

/// Prints `lines` (a title, then one paragraph each) without the host page: they go into a
/// hidden frame inside `scope` (class `mg-print-frame`), built with DOM calls (no markup from
/// strings), whose own `print()` runs. Returns false where that is not possible.
pub fn print_text(scope: &Element, title: &str, lines: &[&str]) -> bool {
    let build = || -> Result<(), JsValue> {
        let document = scope.owner_document().ok_or(JsValue::NULL)?;
        let frame = match scope.query_selector(".mg-print-frame")? {
            Some(frame) => frame,
            None => {
                let frame = document.create_element("iframe")?;
                frame.set_class_name("mg-print-frame");
                frame.set_attribute("title", title)?;
                frame.set_attribute("aria-hidden", "true")?;
                frame.set_attribute("tabindex", "-1")?;
                scope.append_child(&frame)?;
                frame
            }
        };
        // The frame's objects come from its own realm, where `instanceof` checks against ours
        // fail: check the shape, then cast without `instanceof`.
        let inner = js_sys::Reflect::get(&frame, &JsValue::from_str("contentDocument"))?;
        if !inner.is_object() {
            return Err(JsValue::NULL);
        }
        let inner: web_sys::Document = wasm_bindgen::JsCast::unchecked_into(inner);
        let body = inner.body().ok_or(JsValue::NULL)?;
        body.set_text_content(None);
        inner.set_title(title);
        let heading = inner.create_element("h1")?;
        heading.set_text_content(Some(title));
        body.append_child(&heading)?;
        for line in lines {
            let paragraph = inner.create_element("p")?;
            paragraph.set_text_content(Some(line));
            body.append_child(&paragraph)?;
        }
        let window = js_sys::Reflect::get(&frame, &JsValue::from_str("contentWindow"))?;
        let print = js_sys::Reflect::get(&window, &JsValue::from_str("print"))?;
        if !print.is_function() {
            return Err(JsValue::NULL);
        }
        wasm_bindgen::JsCast::unchecked_into::<js_sys::Function>(print).call0(&window)?;
        Ok(())
    };
    build().is_ok()
}

/// The reader's date as `YYYY-MM-DD` (local time), for the summary.
pub fn today() -> String {
    let date = js_sys::Date::new_0();
    let mut out = String::with_capacity(10);
    for (i, n) in [date.get_full_year(), date.get_month() + 1, date.get_date()]
        .into_iter()
        .enumerate()
    {
        if i > 0 {
            out.push('-');
        }
        if n < 10 {
            out.push('0');
        }
        massage_guide_core::timer::push_decimal(&mut out, u64::from(n));
    }
    out
}

// ---- Storage -------------------------------------------------------------------------
// One namespaced localStorage value (`core::saved`), shared by every tab of the origin: each
// read looks at storage as it is now, and each write re-reads it and replaces only its own
// slot (so a write in one tab never erases what another tab saved). Where storage is
// missing, throws or is full, the widget keeps working from an in-memory copy for the rest
// of the visit.

use massage_guide_core::saved::{Saved, STORAGE_KEY};
use std::cell::RefCell;

thread_local! {
    /// The in-memory copy, used once storage failed (`None` while storage works).
    static MEMORY: RefCell<Option<Saved>> = const { RefCell::new(None) };
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// What storage holds now; `Err` when there is no usable storage (memory only).
fn read_storage() -> Result<Option<String>, ()> {
    if MEMORY.with(|memory| memory.borrow().is_some()) {
        return Err(());
    }
    local_storage().ok_or(())?.get_item(STORAGE_KEY).map_err(|_| ())
}

/// Storage failed: carry on from `saved` in memory.
fn keep_in_memory(saved: Saved) {
    MEMORY.with(|memory| *memory.borrow_mut() = Some(saved));
}

fn load_saved() -> Saved {
    match read_storage() {
        Ok(None) => Saved::default(),
        Ok(Some(text)) => Saved::decode(&text).unwrap_or_else(|error| {
            warn(&["massage-guide: ", error.message()].concat());
            if let Some(storage) = local_storage() {
                let _ = storage.remove_item(STORAGE_KEY);
            }
            Saved::default()
        }),
        Err(()) => MEMORY.with(|memory| memory.borrow().clone().unwrap_or_default()),
    }
}

/// The stored value of one part (`"quiz"`, `"timer"`), if any.
pub fn stored(slot: &str) -> Option<String> {
    load_saved().get(slot).map(str::to_string)
}

/// Stores (or with `None` forgets) one part, keeping every other slot as storage holds it
/// now. Never fails: storage errors leave the value in memory only.
pub fn store(slot: &str, value: Option<&str>) {
    let (current, memory_only) = match read_storage() {
        Ok(text) => (text, false),
        Err(()) => (MEMORY.with(|memory| memory.borrow().as_ref().map(Saved::encode)), true),
    };
    let Some(saved) = Saved::write_slot(current.as_deref(), slot, value) else {
        return;
    };
    let written = !memory_only
        && local_storage().is_some_and(|storage| {
            if saved.is_empty() {
                storage.remove_item(STORAGE_KEY)
            } else {
                storage.set_item(STORAGE_KEY, &saved.encode())
            }
            .is_ok()
        });
    if !written {
        keep_in_memory(saved);
    }
}

/// Calls `callback` when another tab changes the widget's stored value (the `storage`
/// event; also for `localStorage.clear()`). Dropping the listener removes it.
pub fn on_storage_change(callback: impl Fn() + 'static) -> Option<gloo::events::EventListener> {
    let window = web_sys::window()?;
    Some(gloo::events::EventListener::new(&window, "storage", move |event| {
        let key = js_sys::Reflect::get(event, &JsValue::from_str("key")).unwrap_or(JsValue::NULL);
        if key.is_null() || key.as_string().as_deref() == Some(STORAGE_KEY) {
            callback();
        }
    }))
}

/// Moves keyboard focus to the first element matching `selector` inside `scope`.
pub fn focus_selector(scope: &yew::NodeRef, selector: &str) {
    let target = scope
        .cast::<Element>()
        .and_then(|scope| scope.query_selector(selector).ok().flatten());
    if let Some(target) =
        target.and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok())
    {
        let _ = target.focus();
    }
}

// ---- Timer: clock, audio, vibration, wake lock, visibility ----
// The timer's browser glue (`ui::timer`, `hooks::use_session_clock`).
// Every API is feature-detected; a missing one makes the call a no-op, never a throw.

pub use timer_glue::{
    acquire_wake_lock, can_vibrate, focus, hush, is_space_toggle, local_voice, on_page_visibility,
    on_voices_changed, page_hidden, play_tone, schedule_tones, speak, unlock_audio, vibrate,
    wake_lock_supported, PageVisibility, ScheduledTones, Tone, Voice, WakeLock,
};

mod timer_glue {
    use gloo::events::EventListener;
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::{spawn_local, JsFuture};
    use web_sys::{
        AudioContext, AudioContextState, Element, GainNode, KeyboardEvent, OscillatorNode,
        OscillatorType, SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice,
    };

    fn navigator() -> Option<web_sys::Navigator> {
        web_sys::window().map(|window| window.navigator())
    }

    fn has(target: &JsValue, name: &str) -> bool {
        js_sys::Reflect::has(target, &JsValue::from_str(name)).unwrap_or(false)
    }

    /// Lets a promise settle without an "uncaught (in promise)" error.
    fn settle(promise: js_sys::Promise) {
        spawn_local(async move {
            let _ = JsFuture::from(promise).await;
        });
    }

    // -- visibility ----------------------------------------------------------------------

    /// `document.hidden` (false where unknown).
    pub fn page_hidden() -> bool {
        web_sys::window()
            .and_then(|window| window.document())
            .is_some_and(|document| document.hidden())
    }

    /// `visibilitychange` on the document and `pageshow` on the window (back/forward cache);
    /// dropping it removes both listeners.
    pub struct PageVisibility {
        _listeners: [EventListener; 2],
    }

    /// Calls `callback(visible)` whenever the page is hidden or shown again.
    pub fn on_page_visibility(callback: impl Fn(bool) + 'static) -> Option<PageVisibility> {
        let window = web_sys::window()?;
        let document = window.document()?;
        let callback = Rc::new(callback);
        let on_change = callback.clone();
        let change = EventListener::new(&document, "visibilitychange", move |_| {
            on_change(!page_hidden())
        });
        let show = EventListener::new(&window, "pageshow", move |_| callback(!page_hidden()));
        Some(PageVisibility {
            _listeners: [change, show],
        })
    }

    // -- focus and keys ------------------------------------------------------------------

    /// Moves keyboard focus to `element` (which needs a `tabindex` unless it is a control).
    pub fn focus(element: &Element) {
        if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    }

    /// True (and the page's default scrolling prevented) for a plain Space press whose target
    /// is not a control that uses Space itself (button, link, form field, editable text).
    pub fn is_space_toggle(event: &KeyboardEvent) -> bool {
        if event.key() != " "
            || event.alt_key()
            || event.ctrl_key()
            || event.meta_key()
            || event.shift_key()
        {
            return false;
        }
        let control = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok())
            .is_some_and(|el| {
                el.is_content_editable()
                    || matches!(
                        el.tag_name().as_str(),
                        "BUTTON" | "A" | "INPUT" | "SELECT" | "TEXTAREA" | "SUMMARY" | "LABEL"
                    )
            });
        if control {
            return false;
        }
        event.prevent_default();
        !event.repeat()
    }

    // -- audio ---------------------------------------------------------------------------

    thread_local! {
        /// One AudioContext for the page, created by the first Start tap.
        static AUDIO: RefCell<Option<AudioContext>> = const { RefCell::new(None) };
    }

    /// Creates or resumes the AudioContext. Call it inside a tap: browsers only allow sound
    /// that a user gesture started.
    pub fn unlock_audio() {
        AUDIO.with(|slot| {
            let mut slot = slot.borrow_mut();
            if slot.is_none() {
                *slot = AudioContext::new().ok();
            }
            if let Some(context) = slot.as_ref() {
                if context.state() != AudioContextState::Running {
                    if let Ok(promise) = context.resume() {
                        settle(promise);
                    }
                }
            }
        });
    }

    /// The sounds of the timer.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Tone {
        /// One beat of the 3-2-1 countdown: short and low.
        Beat,
        /// A new step: one clear ping.
        Step,
        /// "Move to a new spot": two soft low notes.
        MoveSpot,
        /// The routine is done: a rising four-note chime.
        Finish,
        /// "Halfway" or "one minute left": one soft, long bell.
        Bell,
    }

    /// The notes of `tone`: (frequency Hz, start s, length s, peak gain).
    fn notes(tone: Tone) -> &'static [(f32, f64, f64, f32)] {
        match tone {
            Tone::Beat => &[(660.0, 0.0, 0.12, 0.18)],
            Tone::Step => &[(880.0, 0.0, 0.35, 0.25)],
            Tone::MoveSpot => &[(523.25, 0.0, 0.25, 0.16), (523.25, 0.3, 0.3, 0.16)],
            Tone::Finish => &[
                (523.25, 0.0, 0.3, 0.22),
                (659.25, 0.18, 0.3, 0.22),
                (783.99, 0.36, 0.3, 0.22),
                (1046.5, 0.54, 0.8, 0.22),
            ],
            Tone::Bell => &[(698.46, 0.0, 0.9, 0.14)],
        }
    }

    /// Plays `tone` if audio was unlocked; silent otherwise.
    pub fn play_tone(tone: Tone) {
        AUDIO.with(|slot| {
            if let Some(context) = slot.borrow().as_ref() {
                let at = context.current_time() + 0.02;
                for &(frequency, start, length, peak) in notes(tone) {
                    let _ = note(context, frequency, at + start, length, peak);
                }
            }
        });
    }

    /// One note's nodes: the oscillator and the gain envelope it plays through.
    struct Note {
        oscillator: OscillatorNode,
        gain: GainNode,
    }

    fn note(
        context: &AudioContext,
        frequency: f32,
        start: f64,
        length: f64,
        peak: f32,
    ) -> Result<Note, JsValue> {
        let oscillator = context.create_oscillator()?;
        oscillator.set_type(OscillatorType::Sine);
        oscillator.frequency().set_value(frequency);
        let gain = context.create_gain()?;
        let level = gain.gain();
        level.set_value_at_time(0.0001, start)?;
        level.exponential_ramp_to_value_at_time(peak, start + 0.015)?;
        level.exponential_ramp_to_value_at_time(0.0001, start + length)?;
        oscillator.connect_with_audio_node(&gain)?;
        gain.connect_with_audio_node(&context.destination())?;
        oscillator.start_with_when(start)?;
        oscillator.stop_with_when(start + length + 0.05)?;
        Ok(Note { oscillator, gain })
    }

    /// A scheduled tone due this soon (s) is let play when the rest are cancelled: the audio
    /// clock and `Date.now()` drift apart by a few ms, and the tick that ends the session (and
    /// with it the schedule) can come at the very deadline of the finish chime.
    const CANCEL_SLACK_S: f64 = 0.1;

    /// Tones handed to the AudioContext's own clock ahead of time. Browsers throttle the
    /// timers of a hidden page (by a second, up to a minute), but not the audio clock, so
    /// these sound on time. Dropping the handle cancels the ones that have not begun.
    pub struct ScheduledTones {
        context: AudioContext,
        /// Per tone, in the order given: its start on the audio clock and its notes.
        tones: Vec<(f64, Vec<Note>)>,
    }

    /// Schedules each `(deadline_ms, tone)` (wall-clock deadlines, in order) on the audio clock,
    /// at `currentTime + (deadline - Date.now())`. `None` unless audio was unlocked and is
    /// running: a suspended context would hold them back and play them all at once later.
    pub fn schedule_tones(tones: &[(f64, Tone)]) -> Option<ScheduledTones> {
        let context = AUDIO.with(|slot| slot.borrow().clone())?;
        if context.state() != AudioContextState::Running || tones.is_empty() {
            return None;
        }
        let (audio_now, wall_now) = (context.current_time(), js_sys::Date::now());
        let tones = tones
            .iter()
            .map(|&(deadline_ms, tone)| {
                let at = audio_now + ((deadline_ms - wall_now) / 1000.0).max(0.02);
                let notes = notes(tone)
                    .iter()
                    .filter_map(|&(frequency, start, length, peak)| {
                        note(&context, frequency, at + start, length, peak).ok()
                    })
                    .collect();
                (at, notes)
            })
            .collect();
        Some(ScheduledTones { context, tones })
    }

    impl ScheduledTones {
        /// Stops and disconnects the tones that have not begun (a tone already sounding, or due
        /// within [`CANCEL_SLACK_S`], plays to its end). Returns how many tones, from the first,
        /// were let play: the caller must not play those again.
        pub fn cancel(mut self) -> usize {
            self.cancel_pending()
        }

        fn cancel_pending(&mut self) -> usize {
            let audio_now = self.context.current_time();
            let begun = self
                .tones
                .iter()
                .take_while(|(at, _)| *at <= audio_now + CANCEL_SLACK_S)
                .count();
            for (_, notes) in self.tones.drain(..).skip(begun) {
                for Note { oscillator, gain } in notes {
                    let _ = oscillator.stop_with_when(0.0);
                    let _ = oscillator.disconnect();
                    let _ = gain.disconnect();
                }
            }
            begun
        }
    }

    impl Drop for ScheduledTones {
        fn drop(&mut self) {
            self.cancel_pending();
        }
    }

    // -- speech --------------------------------------------------------------------------

    /// `window.speechSynthesis`, if the browser has it (looked up, never assumed).
    fn synthesis() -> Option<SpeechSynthesis> {
        let window = web_sys::window()?;
        let value = js_sys::Reflect::get(&window, &JsValue::from_str("speechSynthesis")).ok()?;
        value.is_object().then(|| value.unchecked_into())
    }

    /// An on-device speech voice (`localService`), as chosen by [`local_voice`].
    #[derive(Clone, Debug)]
    pub struct Voice {
        voice: SpeechSynthesisVoice,
        uri: String,
        lang: String,
    }

    impl PartialEq for Voice {
        fn eq(&self, other: &Voice) -> bool {
            self.uri == other.uri && self.lang == other.lang
        }
    }

    /// Whether two language tags are equal, ignoring case and `-` versus `_` (Android
    /// reports `en_US`).
    fn same_tag(a: &str, b: &str) -> bool {
        let norm = |c: u8| {
            if c == b'_' {
                b'-'
            } else {
                c.to_ascii_lowercase()
            }
        };
        a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| norm(x) == norm(y))
    }

    /// The primary language subtag (`en` of `en-GB` or `en_GB`).
    fn primary(tag: &str) -> &str {
        let end = tag.bytes().position(|b| b == b'-' || b == b'_');
        &tag[..end.unwrap_or(tag.len())]
    }

    /// The best voice for `lang` (e.g. `en` or `en-GB`) among those that run on the device
    /// (`localService`): network voices would send the text away. Same primary language
    /// required; an exact tag match first, then the browser's default, then the first.
    pub fn local_voice(lang: &str) -> Option<Voice> {
        let voices = synthesis()?.get_voices();
        let mut best: Option<(u8, Voice)> = None;
        for value in voices.iter() {
            if !value.is_object() {
                continue;
            }
            let voice: SpeechSynthesisVoice = value.unchecked_into();
            let tag = voice.lang();
            if !voice.local_service() || !same_tag(primary(&tag), primary(lang)) {
                continue;
            }
            let score = 1 + 2 * u8::from(same_tag(&tag, lang)) + u8::from(voice.default());
            if best.as_ref().is_none_or(|(known, _)| score > *known) {
                let uri = voice.voice_uri();
                best = Some((
                    score,
                    Voice {
                        voice,
                        uri,
                        lang: tag,
                    },
                ));
            }
        }
        best.map(|(_, voice)| voice)
    }

    /// Calls `callback` whenever the browser's voice list changes; dropping it stops.
    pub fn on_voices_changed(callback: impl Fn() + 'static) -> Option<EventListener> {
        let synthesis = synthesis()?;
        has(&synthesis, "addEventListener")
            .then(|| EventListener::new(&synthesis, "voiceschanged", move |_| callback()))
    }

    thread_local! {
        /// The utterances handed over last: kept alive until the next ones, as some engines
        /// drop an utterance that nothing references before it is spoken.
        static SPOKEN: RefCell<Vec<SpeechSynthesisUtterance>> = const { RefCell::new(Vec::new()) };
    }

    /// Stops anything being said, then says `texts` in order with `voice`.
    pub fn speak(voice: &Voice, texts: &[String]) {
        let Some(synthesis) = synthesis() else {
            return;
        };
        if synthesis.speaking() || synthesis.pending() {
            synthesis.cancel();
        }
        let mut kept = Vec::new();
        for text in texts {
            if let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(text) {
                utterance.set_voice(Some(&voice.voice));
                utterance.set_lang(&voice.lang);
                synthesis.speak(&utterance);
                kept.push(utterance);
            }
        }
        SPOKEN.with(|spoken| *spoken.borrow_mut() = kept);
    }

    /// Stops anything being said.
    pub fn hush() {
        if let Some(synthesis) = synthesis() {
            synthesis.cancel();
        }
        SPOKEN.with(|spoken| spoken.borrow_mut().clear());
    }

    // -- vibration -----------------------------------------------------------------------

    /// Whether `navigator.vibrate` exists (not on iOS Safari).
    pub fn can_vibrate() -> bool {
        navigator().is_some_and(|navigator| has(&navigator, "vibrate"))
    }

    /// Vibrates with `pattern` (on, off, on… ms) where the API exists and the page has had a
    /// tap (Chrome refuses, with a console message, before one).
    pub fn vibrate(pattern: &[u32]) {
        let Some(navigator) = navigator().filter(|navigator| has(navigator, "vibrate")) else {
            return;
        };
        let activation = js_sys::Reflect::get(&navigator, &JsValue::from_str("userActivation"))
            .unwrap_or(JsValue::UNDEFINED);
        if activation.is_object() {
            let active = js_sys::Reflect::get(&activation, &JsValue::from_str("hasBeenActive"))
                .unwrap_or(JsValue::FALSE);
            if active != JsValue::TRUE {
                return;
            }
        }
        let array = js_sys::Array::new();
        for &ms in pattern {
            array.push(&JsValue::from(ms));
        }
        let _ = navigator.vibrate_with_pattern(&array);
    }

    // -- screen wake lock ----------------------------------------------------------------

    #[wasm_bindgen]
    extern "C" {
        /// `navigator.wakeLock.request(kind)`, looked up at call time; `Err` where missing.
        #[wasm_bindgen(js_namespace = ["navigator", "wakeLock"], js_name = request, catch)]
        fn wake_lock_request(kind: &str) -> Result<js_sys::Promise, JsValue>;

        type WakeLockSentinel;

        #[wasm_bindgen(method, catch)]
        fn release(this: &WakeLockSentinel) -> Result<js_sys::Promise, JsValue>;
    }

    /// Whether `navigator.wakeLock` exists (it needs a secure context).
    /// The Wake Lock API exists and the page may use it: a sandboxed iframe or a host's
    /// Permissions-Policy can forbid it, and a request there only logs a console error.
    pub fn wake_lock_supported() -> bool {
        navigator().is_some_and(|navigator| has(&navigator, "wakeLock")) && wake_lock_allowed()
    }

    /// `document.featurePolicy.allowsFeature('screen-wake-lock')` where that API exists.
    fn wake_lock_allowed() -> bool {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return false;
        };
        let policy = js_sys::Reflect::get(&document, &JsValue::from_str("featurePolicy"))
            .unwrap_or(JsValue::UNDEFINED);
        if policy.is_undefined() || policy.is_null() {
            return true;
        }
        let allows = js_sys::Reflect::get(&policy, &JsValue::from_str("allowsFeature"))
            .unwrap_or(JsValue::UNDEFINED);
        match allows.dyn_ref::<js_sys::Function>() {
            Some(allows) => allows
                .call1(&policy, &JsValue::from_str("screen-wake-lock"))
                .map(|ok| ok.as_bool() != Some(false))
                .unwrap_or(true),
            None => true,
        }
    }

    #[derive(Default)]
    struct LockState {
        sentinel: Option<WakeLockSentinel>,
        dropped: bool,
    }

    /// A screen wake lock request; dropping it releases the lock (also one still pending).
    pub struct WakeLock {
        state: Rc<RefCell<LockState>>,
    }

    /// Asks to keep the screen on; `done(true)` once held, `done(false)` if refused or missing.
    /// `done` is not called after the handle was dropped.
    pub fn acquire_wake_lock(done: impl FnOnce(bool) + 'static) -> WakeLock {
        let state = Rc::new(RefCell::new(LockState::default()));
        match wake_lock_supported().then(|| wake_lock_request("screen")) {
            Some(Ok(promise)) => {
                let state = state.clone();
                spawn_local(async move {
                    let result = JsFuture::from(promise).await;
                    let mut lock = state.borrow_mut();
                    match result {
                        Ok(sentinel) if lock.dropped => {
                            release_sentinel(&sentinel.unchecked_into())
                        }
                        Ok(sentinel) => {
                            lock.sentinel = Some(sentinel.unchecked_into());
                            drop(lock);
                            done(true);
                        }
                        Err(_) if lock.dropped => {}
                        Err(_) => {
                            drop(lock);
                            done(false);
                        }
                    }
                });
            }
            _ => done(false),
        }
        WakeLock { state }
    }

    fn release_sentinel(sentinel: &WakeLockSentinel) {
        if let Ok(promise) = sentinel.release() {
            settle(promise);
        }
    }

    impl Drop for WakeLock {
        fn drop(&mut self) {
            let mut lock = self.state.borrow_mut();
            lock.dropped = true;
            if let Some(sentinel) = lock.sentinel.take() {
                release_sentinel(&sentinel);
            }
        }
    }
}
