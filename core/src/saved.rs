//! The one namespaced value the widget keeps in `localStorage`: a versioned header line
//! followed by one `slot=value` line per part (`quiz`, `timer`). Each part encodes and
//! validates its own value; this module only owns the envelope.
//!
//! Anything that is not our envelope (corrupt, truncated, another version) decodes to
//! an error so the browser layer can discard it with one warning.

/// The `localStorage` key for everything the widget stores.
pub const STORAGE_KEY: &str = "massage-guide";
const HEADER: &str = "massage-guide/1";

/// The stored parts, in a fixed order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Saved {
    slots: Vec<(String, String)>,
}

/// Why a stored value was discarded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SavedError {
    /// Not our format, or a version we do not read.
    UnknownFormat,
    /// Our header, but a line that is not `slot=value`.
    Corrupt,
}

impl SavedError {
    pub fn message(self) -> &'static str {
        match self {
            SavedError::UnknownFormat => {
                "stored data has an unknown or old format; it was discarded"
            }
            SavedError::Corrupt => "stored data was corrupt; it was discarded",
        }
    }
}

impl Saved {
    pub fn decode(text: &str) -> Result<Saved, SavedError> {
        let mut lines = text.split('\n');
        if lines.next() != Some(HEADER) {
            return Err(SavedError::UnknownFormat);
        }
        let mut saved = Saved::default();
        for line in lines.filter(|line| !line.is_empty()) {
            let (slot, value) = line.split_once('=').ok_or(SavedError::Corrupt)?;
            if !valid_slot(slot) || value.is_empty() {
                return Err(SavedError::Corrupt);
            }
            saved.set(slot, Some(value));
        }
        Ok(saved)
    }

    pub fn encode(&self) -> String {
        let mut text = String::from(HEADER);
        for (slot, value) in &self.slots {
            text.push('\n');
            text.push_str(slot);
            text.push('=');
            text.push_str(value);
        }
        text
    }

    pub fn get(&self, slot: &str) -> Option<&str> {
        self.slots
            .iter()
            .find(|(name, _)| name == slot)
            .map(|(_, value)| value.as_str())
    }

    /// Sets or (with `None`) removes a slot. Values with a newline are refused (kept out).
    pub fn set(&mut self, slot: &str, value: Option<&str>) {
        self.slots.retain(|(name, _)| name != slot);
        if let Some(value) = value.filter(|v| !v.is_empty() && !v.contains('\n')) {
            if valid_slot(slot) {
                self.slots.push((slot.to_string(), value.to_string()));
                crate::sort::insertion_sort(&mut self.slots);
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// One slot written over what storage holds *now* (`current`, read just before the
    /// write), so the slots another tab wrote since this page loaded are kept. A `current`
    /// that is not our envelope counts as empty. `None` when the slot already has `value`
    /// (nothing to write); else the new envelope, whose `is_empty()` means "remove the key".
    pub fn write_slot(current: Option<&str>, slot: &str, value: Option<&str>) -> Option<Saved> {
        let mut saved = current
            .and_then(|text| Saved::decode(text).ok())
            .unwrap_or_default();
        if saved.get(slot) == value {
            return None;
        }
        saved.set(slot, value);
        Some(saved)
    }
}

/// The slot name of one part (`"quiz"`, `"timer"`) for one widget: `widget` is "" for the
/// first unnamed `<massage-guide>` of a page, `-2` for the third by position, or `@name` for
/// one named by its `storage-key` or `id` attribute. So several widgets keep separate state,
/// and a named one keeps its own even when the page reorders them.
pub fn slot_name(part: &str, widget: &str) -> String {
    [part, widget].concat()
}

/// `part` (lowercase letters), then optionally `-<digits>` or `@<key>`, the key being 1 to 64
/// of `A-Z a-z 0-9 _ - . :`.
fn valid_slot(slot: &str) -> bool {
    let part_end = slot
        .bytes()
        .position(|b| !b.is_ascii_lowercase())
        .unwrap_or(slot.len());
    let (part, widget) = slot.split_at(part_end);
    let key_byte = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b':');
    !part.is_empty()
        && part.len() <= 16
        && match widget.as_bytes() {
            [] => true,
            [b'-', digits @ ..] => {
                (1..=3).contains(&digits.len()) && digits.iter().all(u8::is_ascii_digit)
            }
            [b'@', key @ ..] => (1..=64).contains(&key.len()) && key.iter().copied().all(key_byte),
            _ => false,
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_keeps_every_slot() {
        let mut saved = Saved::default();
        saved.set("timer", Some("t1:abc"));
        saved.set("quiz", Some("q1:xyz=1"));
        let back = Saved::decode(&saved.encode()).unwrap();
        assert_eq!(back.get("quiz"), Some("q1:xyz=1"));
        assert_eq!(back.get("timer"), Some("t1:abc"));
        assert_eq!(back, saved);
    }

    #[test]
    fn removing_and_refusing_values() {
        let mut saved = Saved::default();
        saved.set("quiz", Some("a"));
        saved.set("quiz", None);
        saved.set("timer", Some("two\nlines"));
        saved.set("BAD SLOT", Some("x"));
        assert!(saved.is_empty());
    }

    #[test]
    fn each_widget_on_a_page_has_its_own_slots() {
        assert_eq!(slot_name("quiz", ""), "quiz");
        assert_eq!(slot_name("timer", "-2"), "timer-2");
        let mut saved = Saved::default();
        saved.set(&slot_name("timer", ""), Some("a"));
        saved.set(&slot_name("timer", "-1"), Some("b"));
        saved.set(&slot_name("timer", "@Cart.v2:x"), Some("c"));
        let back = Saved::decode(&saved.encode()).unwrap();
        assert_eq!(
            (back.get("timer"), back.get("timer-1"), back.get("timer@Cart.v2:x")),
            (Some("a"), Some("b"), Some("c"))
        );
        for bad in ["timer@", "timer-", "timer-1234", "timer@a b", "timer#x", "@x", "Timer"] {
            saved.set(bad, Some("z"));
            assert_eq!(saved.get(bad), None, "{bad}");
        }
    }

    /// Two tabs: B loaded before A finished the check, then B starts a timer.
    #[test]
    fn a_write_keeps_the_slots_another_tab_wrote() {
        let mut a = Saved::default();
        a.set("quiz", Some("q1:answers"));
        a.set("check", Some("c1:go"));
        let in_storage = a.encode();
        let written = Saved::write_slot(Some(&in_storage), "timer", Some("t1:run")).unwrap();
        assert_eq!(
            (written.get("quiz"), written.get("check"), written.get("timer")),
            (Some("q1:answers"), Some("c1:go"), Some("t1:run"))
        );
        // Removing one slot keeps the others; removing the last one empties the envelope.
        let back = written.encode();
        let without = Saved::write_slot(Some(&back), "timer", None).unwrap();
        assert_eq!(without, a);
        let only = Saved::write_slot(Some("massage-guide/1\ntimer=x"), "timer", None).unwrap();
        assert!(only.is_empty());
    }

    #[test]
    fn a_write_that_changes_nothing_is_skipped() {
        let text = "massage-guide/1\ncheck=c1:go\nquiz=q1:a";
        assert_eq!(Saved::write_slot(Some(text), "quiz", Some("q1:a")), None);
        assert_eq!(Saved::write_slot(Some(text), "timer", None), None);
        assert_eq!(Saved::write_slot(None, "timer", None), None);
    }

    #[test]
    fn a_write_over_foreign_text_starts_a_fresh_envelope() {
        for current in [None, Some(""), Some("{\"x\":1}"), Some("massage-guide/1\nbroken")] {
            let written = Saved::write_slot(current, "quiz-2", Some("q1:a")).unwrap();
            assert_eq!(written.encode(), "massage-guide/1\nquiz-2=q1:a", "{current:?}");
        }
    }

    #[test]
    fn foreign_or_corrupt_text_is_rejected() {
        for text in [
            "",
            "{\"quiz\":1}",
            "massage-guide/0\nquiz=a",
            "massage-guide/2",
            "\u{0}",
        ] {
            assert_eq!(
                Saved::decode(text),
                Err(SavedError::UnknownFormat),
                "{text:?}"
            );
        }
        for text in [
            "massage-guide/1\nquiz",
            "massage-guide/1\n=x",
            "massage-guide/1\nQUIZ=x",
            "massage-guide/1\nquiz=",
        ] {
            assert_eq!(Saved::decode(text), Err(SavedError::Corrupt), "{text:?}");
        }
        assert_eq!(Saved::decode("massage-guide/1").unwrap(), Saved::default());
    }
}
