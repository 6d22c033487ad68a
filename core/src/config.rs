//! The embed attributes (`sections`, `start`, `product-url`, `product-name`,
//! `emergency-number`, `theme`, `locale`): parsing and validation.
//!
//! A bad value never fails: it falls back to the default and yields one [`Warning`]
//! the browser layer prints to the console.

use crate::locale::Locale;

/// One of the widget's three parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    Article,
    Quiz,
    Timer,
}

impl Section {
    pub const ALL: [Section; 3] = [Section::Article, Section::Quiz, Section::Timer];

    /// The attribute keyword for this section.
    pub fn keyword(self) -> &'static str {
        match self {
            Section::Article => "article",
            Section::Quiz => "quiz",
            Section::Timer => "timer",
        }
    }

    /// The label on the section's tab.
    pub fn label(self) -> &'static str {
        match self {
            Section::Article => "Article",
            Section::Quiz => "Safety check",
            Section::Timer => "Timer",
        }
    }

    pub fn from_keyword(word: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.keyword() == word)
    }
}

/// Colour scheme requested by the host.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    Light,
    Dark,
    /// Follow `prefers-color-scheme`.
    #[default]
    Auto,
}

/// The validated settings of one `<massage-guide>` element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// The sections shown, in display order; never empty.
    pub sections: Vec<Section>,
    /// The section shown first; always one of `sections`.
    pub start: Section,
    /// An http(s) URL for the product mention, if the host gave a valid one.
    pub product_url: Option<String>,
    pub product_name: String,
    /// The `emergency-number` attribute, else the locale's number (911, 999).
    pub emergency_number: String,
    pub theme: Theme,
    /// The reader's country for the safety check's advice (GP / NHS 111 / A&E / 999, or
    /// doctor / urgent care / ER / 911).
    pub locale: Locale,
}

pub const DEFAULT_PRODUCT_NAME: &str = "MedMassager Body Massager Classic";
pub const DEFAULT_EMERGENCY_NUMBER: &str = "911";

impl Default for Config {
    fn default() -> Self {
        Config {
            sections: Section::ALL.to_vec(),
            start: Section::Article,
            product_url: None,
            product_name: DEFAULT_PRODUCT_NAME.to_string(),
            emergency_number: DEFAULT_EMERGENCY_NUMBER.to_string(),
            theme: Theme::Auto,
            locale: Locale::EnUs,
        }
    }
}

/// Why an attribute value was ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub attribute: &'static str,
    pub value: String,
    pub reason: &'static str,
}

impl Warning {
    /// The console line for this warning.
    pub fn message(&self) -> String {
        let mut shown: String = self.value.chars().take(60).collect();
        if shown.len() < self.value.len() {
            shown.push('…');
        }
        [
            "massage-guide: ignored ",
            self.attribute,
            "=\"",
            &shown,
            "\": ",
            self.reason,
        ]
        .concat()
    }
}

/// Raw attribute values as read from the element (`None` = attribute absent).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attributes {
    pub sections: Option<String>,
    pub start: Option<String>,
    pub product_url: Option<String>,
    pub product_name: Option<String>,
    pub emergency_number: Option<String>,
    pub theme: Option<String>,
    pub locale: Option<String>,
}

impl Config {
    /// Validates raw attributes; every rejected value yields a warning and the default.
    pub fn from_attributes(raw: &Attributes) -> (Config, Vec<Warning>) {
        let mut warnings = Vec::new();
        let mut warn = |attribute, value: &str, reason| {
            warnings.push(Warning {
                attribute,
                value: value.to_string(),
                reason,
            })
        };
        let mut config = Config::default();

        if let Some(value) = &raw.sections {
            let mut chosen = Vec::new();
            let mut bad = false;
            for word in value.split_whitespace() {
                match Section::from_keyword(&word.to_ascii_lowercase()) {
                    Some(s) if !chosen.contains(&s) => chosen.push(s),
                    Some(_) => {}
                    None => bad = true,
                }
            }
            if bad {
                warn("sections", value, "use any of: article quiz timer");
            }
            if !chosen.is_empty() {
                crate::sort::insertion_sort(&mut chosen);
                config.sections = chosen;
            } else if !bad {
                warn("sections", value, "no section named; showing all");
            }
        }

        config.start = config.sections[0];
        if let Some(value) = &raw.start {
            match Section::from_keyword(&value.trim().to_ascii_lowercase()) {
                Some(s) if config.sections.contains(&s) => config.start = s,
                Some(_) => warn("start", value, "that section is not in `sections`"),
                None => warn("start", value, "use article, quiz or timer"),
            }
        }

        if let Some(value) = &raw.product_url {
            match valid_http_url(value) {
                Some(url) => config.product_url = Some(url),
                None => warn(
                    "product-url",
                    value,
                    "only absolute http:// or https:// URLs are used",
                ),
            }
        }

        if let Some(value) = &raw.product_name {
            let name = collapse_whitespace(value);
            if name.is_empty() || name.chars().count() > 80 {
                warn("product-name", value, "must be 1 to 80 characters");
            } else {
                config.product_name = name;
            }
        }

        if let Some(value) = &raw.locale {
            match Locale::from_tag(value) {
                Some(locale) => config.locale = locale,
                None => warn("locale", value, "use en-US or en-GB"),
            }
        }
        // Without a (valid) emergency-number, the number follows the locale.
        config.emergency_number = config.locale.emergency_number().to_string();
        if let Some(value) = &raw.emergency_number {
            match valid_emergency_number(value) {
                Some(number) => config.emergency_number = number,
                None => warn(
                    "emergency-number",
                    value,
                    "use a short phone number such as 911, 999 or 112",
                ),
            }
        }

        if let Some(value) = &raw.theme {
            match value.trim().to_ascii_lowercase().as_str() {
                "light" => config.theme = Theme::Light,
                "dark" => config.theme = Theme::Dark,
                "auto" | "" => config.theme = Theme::Auto,
                _ => warn("theme", value, "use light, dark or auto"),
            }
        }
        (config, warnings)
    }
}

/// The longest accepted URL, counted like the shell counts it (JavaScript's `length`: UTF-16
/// units), so the article and the app accept the same URLs.
const MAX_URL_UNITS: usize = 2048;

/// Accepts `http://host…` or `https://host…` with no whitespace or control characters.
pub fn valid_http_url(value: &str) -> Option<String> {
    let url = value.trim();
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..host_end];
    let ok = !host.is_empty()
        && url.encode_utf16().count() <= MAX_URL_UNITS
        && !url.chars().any(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\u{feff}')
        });
    ok.then(|| url.to_string())
}

/// Emergency numbers are 2 to 15 digits, optionally with spaces, dashes or a leading `+`.
pub fn valid_emergency_number(value: &str) -> Option<String> {
    let number = value.trim();
    let digits = number.chars().filter(char::is_ascii_digit).count();
    let allowed = number
        .char_indices()
        .all(|(i, c)| c.is_ascii_digit() || c == ' ' || c == '-' || (c == '+' && i == 0));
    (allowed && (2..=15).contains(&digits)).then(|| number.to_string())
}

fn collapse_whitespace(value: &str) -> String {
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(f: impl FnOnce(&mut Attributes)) -> (Config, Vec<Warning>) {
        let mut raw = Attributes::default();
        f(&mut raw);
        Config::from_attributes(&raw)
    }

    #[test]
    fn no_attributes_give_defaults_and_no_warnings() {
        assert_eq!(parse(|_| {}), (Config::default(), vec![]));
    }

    #[test]
    fn sections_are_filtered_ordered_and_start_follows() {
        let (c, w) = parse(|a| a.sections = Some("timer  QUIZ".into()));
        assert_eq!(c.sections, vec![Section::Quiz, Section::Timer]);
        assert_eq!(c.start, Section::Quiz);
        assert!(w.is_empty());
    }

    #[test]
    fn unknown_section_warns_once_and_keeps_the_valid_ones() {
        let (c, w) = parse(|a| a.sections = Some("quiz shop".into()));
        assert_eq!(c.sections, vec![Section::Quiz]);
        assert_eq!(w.len(), 1);
        let (c, w) = parse(|a| a.sections = Some("shop".into()));
        assert_eq!(c.sections, Section::ALL.to_vec());
        assert_eq!(w.len(), 1);
    }

    #[test]
    fn start_outside_sections_falls_back() {
        let (c, w) = parse(|a| {
            a.sections = Some("article quiz".into());
            a.start = Some("timer".into());
        });
        assert_eq!(c.start, Section::Article);
        assert_eq!(w[0].attribute, "start");
    }

    /// The shell accepts up to 2048 UTF-16 units (`url.length`); so does the core, so a long
    /// non-ASCII URL the article links is not dropped from the result and the timer.
    #[test]
    fn product_url_length_is_counted_in_utf16_units_like_the_shell() {
        let base = "https://shop.example/p/";
        // "é" is 2 bytes in UTF-8 and 1 UTF-16 unit; "😀" 4 bytes and 2 units.
        let fits = [base, &"\u{e9}".repeat(2048 - base.len())].concat();
        assert_eq!(fits.encode_utf16().count(), 2048);
        assert!(fits.len() > 2048);
        assert_eq!(valid_http_url(&fits).as_deref(), Some(fits.as_str()));
        let (c, w) = parse(|a| a.product_url = Some(fits.clone()));
        assert_eq!((c.product_url.as_deref(), w.len()), (Some(fits.as_str()), 0));
        let too_long = [fits.as_str(), "x"].concat();
        assert!(valid_http_url(&too_long).is_none());
        let emoji = [base, &"\u{1f600}".repeat((2048 - base.len()) / 2), "x"].concat();
        assert_eq!(emoji.encode_utf16().count(), 2048);
        assert!(valid_http_url(&emoji).is_some());
        assert!(valid_http_url(&[emoji.as_str(), "x"].concat()).is_none());
        // JavaScript's \s counts the byte order mark as space: refused on both sides.
        assert!(valid_http_url("https://shop.example/\u{feff}p").is_none());
    }

    #[test]
    fn product_url_accepts_only_http_and_https() {
        for good in [
            "https://shop.example/p/classic",
            "http://a.b",
            "HTTPS://x.example?q=1",
        ] {
            assert!(valid_http_url(good).is_some(), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "//shop.example",
            "/p/classic",
            "https://",
            "https:// evil",
            "ftp://x",
            "https://a\"onmouseover=\"x",
            "",
        ] {
            assert!(valid_http_url(bad).is_none(), "{bad}");
            let (c, w) = parse(|a| a.product_url = Some(bad.into()));
            assert_eq!(c.product_url, None);
            assert_eq!(w.len(), 1);
        }
    }

    #[test]
    fn emergency_number_rejects_empty_and_absurd_values() {
        for good in ["911", "999", "112", "000", "+44 20 7946 0000", "1-1-2"] {
            assert_eq!(
                valid_emergency_number(good).as_deref(),
                Some(good),
                "{good}"
            );
        }
        for bad in [
            "",
            "  ",
            "9",
            "call us",
            "<b>911</b>",
            "1234567890123456",
            "91+1",
        ] {
            let (c, w) = parse(|a| a.emergency_number = Some(bad.into()));
            assert_eq!(c.emergency_number, DEFAULT_EMERGENCY_NUMBER, "{bad}");
            assert_eq!(w.len(), 1, "{bad}");
        }
    }

    #[test]
    fn locale_sets_the_default_number_and_emergency_number_overrides_it() {
        let (c, w) = parse(|a| a.locale = Some("en-GB".into()));
        assert_eq!((c.locale, c.emergency_number.as_str(), w.len()), (Locale::EnGb, "999", 0));
        let (c, w) = parse(|a| {
            a.locale = Some("en_gb".into());
            a.emergency_number = Some("112".into());
        });
        assert_eq!((c.locale, c.emergency_number.as_str(), w.len()), (Locale::EnGb, "112", 0));
        // A US reader (the default) gets 911; a bad number falls back to the locale's.
        assert_eq!(parse(|_| {}).0.emergency_number, "911");
        let (c, w) = parse(|a| {
            a.locale = Some("en-GB".into());
            a.emergency_number = Some("call me".into());
        });
        assert_eq!((c.emergency_number.as_str(), w.len()), ("999", 1));
        for bad in ["fr-FR", "", "en", "uk"] {
            let (c, w) = parse(|a| a.locale = Some(bad.into()));
            assert_eq!((c.locale, c.emergency_number.as_str()), (Locale::EnUs, "911"), "{bad}");
            assert_eq!(w.len(), 1, "{bad}");
            assert_eq!(w[0].attribute, "locale");
        }
    }

    #[test]
    fn theme_and_product_name() {
        let (c, w) = parse(|a| {
            a.theme = Some("Dark".into());
            a.product_name = Some("  Super   Roller ".into());
        });
        assert_eq!(
            (c.theme, c.product_name.as_str()),
            (Theme::Dark, "Super Roller")
        );
        assert!(w.is_empty());
        let (c, w) = parse(|a| a.theme = Some("neon".into()));
        assert_eq!((c.theme, w.len()), (Theme::Auto, 1));
    }

    #[test]
    fn warning_message_truncates_long_values() {
        let (_, w) = parse(|a| a.theme = Some("x".repeat(500)));
        let m = w[0].message();
        assert!(
            m.starts_with("massage-guide: ignored theme=\"") && m.len() < 200,
            "{m}"
        );
    }
}
