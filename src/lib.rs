//! massage-guide: the Yew widget (placeholder during bootstrap).
