//! The remembered timer preferences (sound, vibration, voice, last routine, mode and length):
//! round trips, and damaged values that fall back field by field without losing the rest.

mod timer_common;

use massage_guide_core::saved::Saved;
use massage_guide_core::timer::{routines, Prefs};
use timer_common::XorShift;

fn every_prefs() -> Vec<Prefs> {
    let mut all = Vec::new();
    for bits in 0..8u8 {
        let flags = Prefs {
            sound: bits & 1 != 0,
            vibration: bits & 2 != 0,
            voice: bits & 4 != 0,
            ..Prefs::default()
        };
        all.push(flags);
        for (routine_index, routine) in routines().iter().enumerate() {
            for mode in 0..routine.modes.len() {
                for &minutes in routine.lengths_min {
                    all.push(Prefs {
                        routine: Some(routine_index),
                        mode: Some(mode),
                        minutes: Some(minutes),
                        ..flags
                    });
                }
            }
        }
    }
    all
}

#[test]
fn every_choice_round_trips() {
    let all = every_prefs();
    assert_eq!(all.len(), 8 * (1 + 4 * 3));
    for prefs in all {
        let text = prefs.encode();
        assert!(
            text.starts_with("p1:") && text.is_ascii() && !text.contains('\n'),
            "{text}"
        );
        assert_eq!(Prefs::decode(&text), (prefs, true), "{text}");
    }
    assert_eq!(
        Prefs {
            sound: true,
            vibration: false,
            voice: true,
            routine: Some(1),
            mode: Some(1),
            minutes: Some(15)
        }
        .encode(),
        "p1:101:body-massager:float:15"
    );
    assert_eq!(Prefs::default().encode(), "p1:111:");
    assert_eq!(Prefs::decode("p1:111:"), (Prefs::default(), true));
}

#[test]
fn a_damaged_field_falls_back_alone() {
    let full = |text: &str| Prefs::decode(text);
    // A wrong flag: that flag defaults (on), the others and the routine are kept.
    let (prefs, intact) = full("p1:0x0:hands:seated:10");
    assert!(!intact);
    assert_eq!(
        (prefs.sound, prefs.vibration, prefs.voice),
        (false, true, false)
    );
    assert_eq!(
        (prefs.routine, prefs.mode, prefs.minutes),
        (Some(0), Some(1), Some(10))
    );
    // A mode or length the routine does not offer: the routine is kept.
    let (prefs, intact) = full("p1:000:body-massager:hover:7");
    assert!(!intact);
    assert_eq!(
        (prefs.sound, prefs.vibration, prefs.voice),
        (false, false, false)
    );
    assert_eq!(
        (prefs.routine, prefs.mode, prefs.minutes),
        (Some(1), None, None)
    );
    // An unknown routine: no routine, the flags kept.
    let (prefs, intact) = full("p1:010:feet:standing:5");
    assert!(!intact);
    assert_eq!((prefs.vibration, prefs.routine), (true, None));
    assert!(!prefs.sound);
    // Not ours at all: everything defaults.
    for text in [
        "",
        "p2:000:hands:standing:5",
        "hello",
        "p1",
        "{\"sound\":false}",
    ] {
        assert_eq!(Prefs::decode(text), (Prefs::default(), false), "{text:?}");
    }
    let long = ["p1:000:", &"x".repeat(200)].concat();
    assert_eq!(Prefs::decode(&long), (Prefs::default(), false));
    // Trailing junk is reported but what can be read is kept.
    let (prefs, intact) = full("p1:000:hands:standing:5:extra");
    assert!(!intact);
    assert_eq!(
        (prefs.sound, prefs.routine, prefs.minutes),
        (false, Some(0), Some(5))
    );
}

#[test]
fn garbage_never_panics_and_always_gives_usable_prefs() {
    let mut rng = XorShift::new(14);
    let alphabet = b"p1:01hands-standingseatedbody-massagerleanfloat351015:\xff\x00 ";
    for _ in 0..20_000 {
        let len = rng.up_to(50) as usize;
        let text: String = (0..len)
            .map(|_| char::from(alphabet[rng.up_to(alphabet.len() as u64 - 1) as usize]))
            .collect();
        let (prefs, _) = Prefs::decode(&text);
        if let Some(routine) = prefs.routine {
            let routine = &routines()[routine];
            assert!(prefs.mode.is_none_or(|m| m < routine.modes.len()));
            assert!(prefs
                .minutes
                .is_none_or(|m| routine.lengths_min.contains(&m)));
        } else {
            assert_eq!((prefs.mode, prefs.minutes), (None, None));
        }
        // Whatever came out encodes to something that reads back the same.
        let again = prefs.encode();
        assert_eq!(Prefs::decode(&again).0.encode(), again);
    }
}

#[test]
fn prefs_live_in_their_own_slot_beside_the_quiz_and_timer() {
    let mut saved = Saved::default();
    saved.set("quiz", Some("q1:some-answers"));
    saved.set(
        "prefs",
        Some(
            &Prefs {
                sound: false,
                ..Prefs::default()
            }
            .encode(),
        ),
    );
    let back = Saved::decode(&saved.encode()).expect("envelope");
    assert_eq!(back.get("quiz"), Some("q1:some-answers"));
    // A damaged prefs value costs only the prefs: the quiz slot is untouched.
    let damaged = saved.encode().replace("p1:011:", "p1:0?1:");
    let back = Saved::decode(&damaged).expect("the envelope is still fine");
    assert_eq!(back.get("quiz"), Some("q1:some-answers"));
    let (prefs, intact) = Prefs::decode(back.get("prefs").expect("slot"));
    assert!(!intact);
    assert_eq!(
        (prefs.sound, prefs.vibration, prefs.voice),
        (false, true, true)
    );
}
