//! Locale packs: the words that differ between the countries the guide is written for (GP or
//! doctor, NHS 111 or a nurse line, A&E or the ER, the emergency number), as data from
//! `content/locales/<tag>.toml` checked at build time for the same keys.
//!
//! [`fill`] turns quiz text into the reader's: `{emergency}` becomes the emergency number
//! (the host's `emergency-number`, else the locale's), every other `{key}` the pack's text.

use std::borrow::Cow;

include!(concat!(env!("OUT_DIR"), "/locale.rs"));

/// One pack (generated).
#[derive(Debug)]
pub(crate) struct Pack {
    tag: &'static str,
    name: &'static str,
    emergency_number: &'static str,
    /// Aligned with [`KEYS`].
    texts: &'static [&'static str],
}

/// The reader's country, from the `locale` attribute. `EnUs` is the default (911).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Locale {
    /// United States: doctor, urgent care, ER, nurse line, 911.
    #[default]
    EnUs,
    /// United Kingdom: GP, NHS 111, A&E, 999.
    EnGb,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::EnUs, Locale::EnGb];

    fn pack(self) -> &'static Pack {
        &PACKS[self as usize]
    }

    /// The BCP 47 tag, e.g. `"en-GB"`.
    pub fn tag(self) -> &'static str {
        self.pack().tag
    }

    /// The pack's name, e.g. "English (United Kingdom)".
    pub fn name(self) -> &'static str {
        self.pack().name
    }

    /// The emergency number when the host gives none (911, 999).
    pub fn emergency_number(self) -> &'static str {
        self.pack().emergency_number
    }

    /// A tag as a host may write it: `en-GB`, `en-gb`, `en_GB` (case and `_` are ignored).
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let wanted = tag.trim();
        Locale::ALL.into_iter().find(|l| {
            let ours = l.tag().as_bytes();
            wanted.len() == ours.len()
                && wanted.bytes().zip(ours).all(|(a, &b)| {
                    let a = if a == b'_' { b'-' } else { a };
                    a.eq_ignore_ascii_case(&b)
                })
        })
    }

    /// The pack's text for `key` (`None` for an unknown key). May contain `{emergency}`.
    pub fn text(self, key: &str) -> Option<&'static str> {
        KEYS.iter()
            .position(|k| *k == key)
            .and_then(|i| self.pack().texts.get(i).copied())
    }
}

/// Every key a pack has (for tests and reviewers).
pub fn keys() -> &'static [&'static str] {
    KEYS
}

/// `text` for this reader: `{emergency}` → `number`, `{key}` → the pack's text for `key`
/// (whose own `{emergency}` is filled too). Unknown keys (the build forbids them) are left
/// as they are. Borrowed when there is nothing to fill.
pub fn fill(text: &'static str, locale: Locale, number: &str) -> Cow<'static, str> {
    if !text.contains('{') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 32);
    push_filled(&mut out, text, locale, number, true);
    Cow::Owned(out)
}

fn push_filled(out: &mut String, text: &str, locale: Locale, number: &str, nested: bool) {
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return;
        };
        let key = &after[..close];
        match (key, locale.text(key)) {
            ("emergency", _) => out.push_str(number),
            (_, Some(value)) if nested => push_filled(out, value, locale, number, false),
            _ => {
                out.push('{');
                out.push_str(key);
                out.push('}');
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_parse_loosely_and_round_trip() {
        for l in Locale::ALL {
            assert_eq!(Locale::from_tag(l.tag()), Some(l));
        }
        assert_eq!(Locale::from_tag(" en_gb "), Some(Locale::EnGb));
        assert_eq!(Locale::from_tag("EN-us"), Some(Locale::EnUs));
        for bad in ["", "en", "fr-FR", "en-GBX", "en-UK", "engb"] {
            assert_eq!(Locale::from_tag(bad), None, "{bad}");
        }
        assert_eq!(Locale::default(), Locale::EnUs);
    }

    #[test]
    fn the_default_numbers_match_the_country() {
        assert_eq!(Locale::EnUs.emergency_number(), "911");
        assert_eq!(Locale::EnGb.emergency_number(), "999");
    }

    #[test]
    fn filling_replaces_keys_and_the_number() {
        assert_eq!(fill("Ask your {doctor}.", Locale::EnGb, "999"), "Ask your GP.");
        assert_eq!(fill("Ask your {doctor}.", Locale::EnUs, "911"), "Ask your doctor.");
        assert_eq!(fill("Call {emergency}.", Locale::EnGb, "112"), "Call 112.");
        assert!(matches!(fill("plain", Locale::EnUs, "911"), Cow::Borrowed("plain")));
        assert_eq!(fill("{nope} {", Locale::EnUs, "911"), "{nope} {");
    }

    #[test]
    fn every_pack_has_every_key() {
        for l in Locale::ALL {
            for key in keys() {
                assert!(l.text(key).is_some(), "{} {key}", l.tag());
            }
        }
        assert_eq!(Locale::EnUs.text("nope"), None);
    }
}
