//! The embed API of `<massage-guide>` as data: every attribute (with its kind of value, allowed
//! values and default), every event (with its `detail` fields), the CSS custom properties and the
//! `::part()` names.
//!
//! This table is the single source for: attribute validation in [`crate::config`] (names and
//! keyword lists), the attribute rules the first script (`embed/element.js`) checks before any
//! wasm loads (`tools/bundle.mjs` embeds [`to_json`]), the Custom Elements Manifest and the
//! TypeScript types (`tools/package.mjs`), and the README tables (a test compares them).

/// What kind of value an attribute takes; each kind has one validation rule, written twice:
/// in Rust ([`crate::config`]) and in `embed/element.js` (`VALIDATORS`), tested against each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// Exactly one of the listed keywords (case-insensitive).
    Keyword,
    /// Any space-separated subset of the listed keywords.
    Keywords,
    /// An absolute `http://` or `https://` URL.
    Url,
    /// Free text, 1 to 80 characters after collapsing whitespace.
    Text,
    /// A short phone number: 2 to 15 digits, spaces, dashes, a leading `+`.
    Phone,
    /// A storage slot name: 1 to 64 of `A-Z a-z 0-9 _ - . :`.
    Key,
    /// A BCP 47 language tag whose primary language is one of the listed ones.
    Language,
}

impl ValueKind {
    pub fn keyword(self) -> &'static str {
        match self {
            ValueKind::Keyword => "keyword",
            ValueKind::Keywords => "keywords",
            ValueKind::Url => "url",
            ValueKind::Text => "text",
            ValueKind::Phone => "phone",
            ValueKind::Key => "key",
            ValueKind::Language => "language",
        }
    }
}

/// One attribute of the element.
#[derive(Debug)]
pub struct AttributeSpec {
    pub name: &'static str,
    pub kind: ValueKind,
    /// Allowed keywords (for `Keyword`, `Keywords`, `Language`); empty otherwise.
    pub values: &'static [&'static str],
    /// The value used when the attribute is absent or rejected ("" = none).
    pub default: &'static str,
    /// The console reason printed when a value is rejected.
    pub reason: &'static str,
    pub summary: &'static str,
}

const SECTIONS: &[&str] = &["article", "quiz", "timer"];

pub const ATTRIBUTES: &[AttributeSpec] = &[
    AttributeSpec {
        name: "sections",
        kind: ValueKind::Keywords,
        values: SECTIONS,
        default: "article quiz timer",
        reason: "use any of: article quiz timer",
        summary: "Which parts to show, as tabs: the article, the safety check (quiz) and the timer.",
    },
    AttributeSpec {
        name: "start",
        kind: ValueKind::Keyword,
        values: SECTIONS,
        default: "article",
        reason: "use article, quiz or timer (one of `sections`)",
        summary: "The tab shown first. Naming quiz or timer loads the app at once.",
    },
    AttributeSpec {
        name: "loading",
        kind: ValueKind::Keyword,
        values: &["auto", "eager", "interaction"],
        default: "auto",
        reason: "use auto, eager or interaction",
        summary: "When the quiz and timer app loads: auto (when idle, near the viewport; like interaction with Save-Data), eager (at once) or interaction (when the reader opens its tab).",
    },
    AttributeSpec {
        name: "product-url",
        kind: ValueKind::Url,
        values: &[],
        default: "",
        reason: "only absolute http:// or https:// URLs are used",
        summary: "Link for the product mention; without it the product name is plain text.",
    },
    AttributeSpec {
        name: "product-name",
        kind: ValueKind::Text,
        values: &[],
        default: "MedMassager Body Massager Classic",
        reason: "must be 1 to 80 characters",
        summary: "The product's name in the article and the results.",
    },
    AttributeSpec {
        name: "emergency-number",
        kind: ValueKind::Phone,
        values: &[],
        default: "",
        reason: "use a short phone number such as 911, 999 or 112",
        summary: "The emergency number to call; by default the locale's (911 for en-US, 999 for en-GB).",
    },
    AttributeSpec {
        name: "locale",
        kind: ValueKind::Keyword,
        values: &["en-US", "en-GB"],
        default: "en-US",
        reason: "use en-US or en-GB",
        summary: "Which country's care advice the safety check gives (services, numbers, words).",
    },
    AttributeSpec {
        name: "theme",
        kind: ValueKind::Keyword,
        values: &["auto", "light", "dark"],
        default: "auto",
        reason: "use light, dark or auto",
        summary: "Colour scheme; auto follows prefers-color-scheme.",
    },
    AttributeSpec {
        name: "lang",
        kind: ValueKind::Language,
        values: &["en"],
        default: "en",
        reason: "only English (en, en-US, en-GB, ...) is available so far",
        summary: "The widget's own language; the host page's lang and dir never apply inside it.",
    },
    AttributeSpec {
        name: "storage-key",
        kind: ValueKind::Key,
        values: &[],
        default: "",
        reason: "use 1 to 64 letters, digits, _ - . or :",
        summary: "Names this widget's saved quiz and timer; defaults to the element's id, then its position on the page.",
    },
    AttributeSpec {
        name: "app-src",
        kind: ValueKind::Url,
        values: &[],
        default: "",
        reason: "only absolute http:// or https:// URLs are used",
        summary: "The app script's URL (massage-guide-app.<hash>.js), when it is not beside massage-guide.js: for script optimizers, cache folders and loaders.",
    },
];

/// The attribute spec of `name`.
pub fn attribute(name: &str) -> Option<&'static AttributeSpec> {
    ATTRIBUTES.iter().find(|a| a.name == name)
}

/// One event dispatched on the element (all `bubbles: true, composed: true`).
#[derive(Debug)]
pub struct EventSpec {
    pub name: &'static str,
    /// `detail` fields as (name, TypeScript type); empty = no detail.
    pub detail: &'static [(&'static str, &'static str)],
    pub summary: &'static str,
}

pub const EVENTS: &[EventSpec] = &[
    EventSpec {
        name: "massage-guide:ready",
        detail: &[],
        summary: "The quiz and timer app is mounted in this element.",
    },
    EventSpec {
        name: "massage-guide:quiz-result",
        detail: &[("outcome", "string")],
        summary: "The safety check reached a result (an outcome id; never the answers).",
    },
    EventSpec {
        name: "massage-guide:timer-start",
        detail: &[("routine", "string"), ("minutes", "number")],
        summary: "A timer session started.",
    },
    EventSpec {
        name: "massage-guide:timer-end",
        detail: &[("routine", "string"), ("minutes", "number")],
        summary: "A timer session finished.",
    },
];

/// CSS custom properties read from the element, as (name, summary).
pub const CSS_PROPERTIES: &[(&str, &str)] = &[
    ("--mg-accent", "Buttons, selected tab, progress."),
    ("--mg-accent-fg", "Text on the accent colour."),
    ("--mg-bg", "Background."),
    ("--mg-fg", "Text."),
    ("--mg-muted", "Secondary text."),
    ("--mg-surface", "Panels and cards."),
    ("--mg-border", "Borders."),
    ("--mg-link", "Links."),
    ("--mg-danger", "Emergency and warning accents."),
    ("--mg-radius", "Corner radius."),
    ("--mg-font", "Font stack (fonts must be loaded by the page)."),
    ("--mg-scroll-offset", "Space kept above jump targets, e.g. the height of a sticky header (default 0)."),
];

/// Shadow parts for `::part()`, as (name, summary).
pub const PARTS: &[(&str, &str)] = &[
    ("root", "The widget's outer box."),
    ("tab", "Each tab button."),
    ("button", "Action buttons."),
    ("product-link", "The product link."),
    ("note", "Notes about loading and errors."),
];

/// The whole API as JSON (no serde in the core: a tiny writer for strings and lists).
pub fn to_json(version: &str) -> String {
    let mut out = String::from("{\"name\":\"massage-guide\",\"version\":");
    push_str(&mut out, version);
    out.push_str(",\"attributes\":[");
    for (i, a) in ATTRIBUTES.iter().enumerate() {
        comma(&mut out, i);
        out.push_str("{\"name\":");
        push_str(&mut out, a.name);
        out.push_str(",\"kind\":");
        push_str(&mut out, a.kind.keyword());
        out.push_str(",\"values\":[");
        for (j, v) in a.values.iter().enumerate() {
            comma(&mut out, j);
            push_str(&mut out, v);
        }
        out.push_str("],\"default\":");
        push_str(&mut out, a.default);
        out.push_str(",\"reason\":");
        push_str(&mut out, a.reason);
        out.push_str(",\"summary\":");
        push_str(&mut out, a.summary);
        out.push('}');
    }
    out.push_str("],\"events\":[");
    for (i, e) in EVENTS.iter().enumerate() {
        comma(&mut out, i);
        out.push_str("{\"name\":");
        push_str(&mut out, e.name);
        out.push_str(",\"detail\":[");
        for (j, (field, ty)) in e.detail.iter().enumerate() {
            comma(&mut out, j);
            out.push_str("{\"name\":");
            push_str(&mut out, field);
            out.push_str(",\"type\":");
            push_str(&mut out, ty);
            out.push('}');
        }
        out.push_str("],\"summary\":");
        push_str(&mut out, e.summary);
        out.push('}');
    }
    for (key, list) in [("cssProperties", CSS_PROPERTIES), ("parts", PARTS)] {
        out.push_str("],\"");
        out.push_str(key);
        out.push_str("\":[");
        for (i, (name, summary)) in list.iter().enumerate() {
            comma(&mut out, i);
            out.push_str("{\"name\":");
            push_str(&mut out, name);
            out.push_str(",\"summary\":");
            push_str(&mut out, summary);
            out.push('}');
        }
    }
    out.push_str("]}");
    out
}

fn comma(out: &mut String, index: usize) {
    if index > 0 {
        out.push(',');
    }
}

fn push_str(out: &mut String, value: &str) {
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_keyword_kinds_list_values() {
        for (i, a) in ATTRIBUTES.iter().enumerate() {
            assert!(ATTRIBUTES[i + 1..].iter().all(|b| b.name != a.name), "{}", a.name);
            let listed = matches!(a.kind, ValueKind::Keyword | ValueKind::Keywords | ValueKind::Language);
            assert_eq!(listed, !a.values.is_empty(), "{}", a.name);
            assert!(!a.summary.is_empty() && !a.reason.is_empty());
        }
    }

    #[test]
    fn json_escapes_and_lists_everything() {
        let json = to_json("1.2.3");
        assert!(json.starts_with("{\"name\":\"massage-guide\",\"version\":\"1.2.3\""));
        for a in ATTRIBUTES {
            assert!(json.contains(&["\"name\":\"", a.name, "\""].concat()));
        }
        for e in EVENTS {
            assert!(json.contains(e.name));
        }
        let mut s = String::new();
        push_str(&mut s, "a\"b\\c\n");
        assert_eq!(s, "\"a\\\"b\\\\c\\n\"");
    }
}
