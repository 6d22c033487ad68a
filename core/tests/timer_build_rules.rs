//! The build-time checks of `content/routines.toml` (core/build/routines.rs), run on the real
//! file and on edited copies of it: the cue-gap rule (at most 2 minutes between two sounded
//! cues in every plan) and the other rules of the v2 format fail the build with a message
//! that names the place.

#[allow(dead_code)] // `generate` (file in, file out) is the build script's entry, not used here
#[path = "../build/routines.rs"]
mod routines_build;

use routines_build::generate_code;

const REAL: &str = include_str!("../../content/routines.toml");

/// The real file with `from` replaced by `to` (exactly once, so the edit is the one meant).
fn edited(from: &str, to: &str) -> String {
    assert_eq!(
        REAL.matches(from).count(),
        1,
        "{from:?} occurs once in routines.toml"
    );
    REAL.replacen(from, to, 1)
}

fn error_of(text: &str) -> String {
    generate_code(text).expect_err("the build must fail")
}

#[test]
fn the_real_file_builds() {
    let code = generate_code(REAL).expect("content/routines.toml builds");
    assert!(code.contains("pub const MAX_CUE_GAP_MS: u64 = 120000;"));
    assert!(code.contains("Prompt::Halfway") && code.contains("Prompt::OneMinuteLeft"));
}

#[test]
fn float_spots_more_than_two_minutes_apart_fail_the_build() {
    let error = error_of(&edited("every_seconds = 90", "every_seconds = 150"));
    assert!(error.contains("\"float\""), "{error}");
    assert!(
        error.contains("without a sounded cue") && error.contains("at most 120 s"),
        "{error}"
    );
    // Exactly 2 minutes is allowed.
    assert!(generate_code(&edited("every_seconds = 90", "every_seconds = 120")).is_ok());
}

#[test]
fn moves_more_than_two_minutes_apart_fail_the_build() {
    // The relax after a move is quiet, so the gap runs from one move to the next.
    let error = error_of(&edited("every_seconds = 120", "every_seconds = 130"));
    assert!(
        error.contains("\"lean-back\"") && error.contains("without a sounded cue"),
        "{error}"
    );
}

#[test]
fn one_long_silent_step_fails_the_build() {
    // Float mode as it was in v1: one long step after set up. At 5 minutes the "halfway" and
    // "one minute left" bells still keep the gaps short; at 10 minutes they cannot.
    let start = REAL
        .find("[routines.modes.steps.repeat]\nevery_seconds = 90")
        .expect("float repeat");
    let without_repeat = [&REAL[..start], "\n"].concat();
    let error = error_of(&without_repeat);
    assert!(
        error.contains("\"float\"") && error.contains("10 min"),
        "{error}"
    );
    assert!(error.contains("from 60 s to 300 s"), "{error}");
    assert!(error.contains("pass without a sounded cue"), "{error}");
}

#[test]
fn quiet_steps_do_not_count_as_cues() {
    // Make the standing hands routine's steps quiet: their starts no longer count.
    let quiet = REAL.replacen(
        "title = \"Left side\"\ninstruction = \"With your fists",
        "cue = \"quiet\"\ntitle = \"Left side\"\ninstruction = \"With your fists",
        1,
    );
    assert_ne!(quiet, REAL);
    // 10 min: the quiet left side (120 s) joins the rest of the arms (30 s): 150 s silent.
    let error = error_of(&quiet);
    assert!(
        error.contains("\"standing\"") && error.contains("10 min"),
        "{error}"
    );
}

#[test]
fn other_rules_name_their_field() {
    let cases = [
        (
            edited("say = \"Roll your shoulders slowly and let your arms hang loose.\"", "say = \"Roll your shoulders slowly and let your arms hang loose, then keep rolling them for a while longer until warm.\""),
            "longer than 90 characters",
        ),
        (edited("spot = \"right-lower\"\n\n[[routines.modes.steps]]\ntitle = \"Relax and breathe\"", "spot = \"right-low\"\n\n[[routines.modes.steps]]\ntitle = \"Relax and breathe\""), "unknown spot \"right-low\""),
        (edited("move_seconds = 15\n", ""), "move_seconds and [relax] go together"),
        (edited("call_label = \"Call {number}\"", "call_label = \"Call now\""), "call_label"),
        (edited("cue = \"move-spot\"\n\n[[routines.modes.steps.repeat.moves]]\ntitle = \"Right side\"\ninstruction = \"Move across", "cue = \"bell\"\n\n[[routines.modes.steps.repeat.moves]]\ntitle = \"Right side\"\ninstruction = \"Move across"), "unknown cue \"bell\""),
        (edited("after = \"Switch the massager off and take", "after = \" Switch the massager off and take"), "after: remove the leading"),
    ];
    for (text, expected) in cases {
        let error = error_of(&text);
        assert!(error.contains(expected), "expected {expected:?} in {error}");
    }
}
