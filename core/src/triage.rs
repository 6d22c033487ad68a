//! The triage quiz: questions, outcomes and the rules that map answers to the most cautious outcome.
