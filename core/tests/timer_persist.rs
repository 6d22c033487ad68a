//! Saving a session as a string and reading it back: round trips at many moments, and garbage
//! that must be rejected without a panic.

mod timer_common;

use massage_guide_core::timer::{plan, DecodeError, Event, Phase, Session, MAX_RESUME_GAP_MS};
use timer_common::{all_plans, label, started, XorShift, T0};

/// Sessions in every state a view can save: ready, counting down, running in each step,
/// paused, finished, stopped, ended early.
fn sessions_worth_saving() -> Vec<(Session, f64)> {
    let mut saved = Vec::new();
    for plan in all_plans() {
        saved.push((Session::new(plan), T0));
        let (mut session, _) = started(plan, T0);
        let mut now = T0;
        while session.is_in_progress() {
            saved.push((session, now));
            now += 5_003.0;
            session = session.apply(Event::Tick { now_ms: now }).0;
            if (now as u64 / 5_003).is_multiple_of(5) {
                let (paused, _) = session.apply(Event::Pause { now_ms: now });
                saved.push((paused, now));
                // A pause at a moment the clock had gone back.
                saved.push((
                    paused
                        .apply(Event::Tick {
                            now_ms: now - 50_000.0,
                        })
                        .0,
                    now - 50_000.0,
                ));
            }
        }
        saved.push((session, now));
        let (stopped, _) = started(plan, T0).0.apply(Event::StopHurts {
            now_ms: T0 + 45_000.0,
        });
        saved.push((stopped, T0 + 45_000.0));
        let (ended, _) = started(plan, T0).0.apply(Event::End {
            now_ms: T0 + 95_000.0,
        });
        saved.push((ended, T0 + 95_000.0));
    }
    saved
}

#[test]
fn round_trips_at_many_moments() {
    let saved = sessions_worth_saving();
    assert!(saved.len() > 1_000, "{} sessions", saved.len());
    for (session, now) in saved {
        let text = session.encode();
        assert!(text.starts_with("t2:"), "{text}");
        assert!(
            text.is_ascii() && !text.contains('\n') && text.len() < 80,
            "{text}"
        );
        let back = Session::decode(&text, now).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        assert_eq!(back, session, "{text}");
        // Same view and same future.
        for later in [0.0, 999.0, 61_000.0, 3_600_000.0] {
            assert_eq!(
                back.snapshot(now + later),
                session.snapshot(now + later),
                "{text}"
            );
            assert_eq!(
                back.apply(Event::Tick {
                    now_ms: now + later
                }),
                session.apply(Event::Tick {
                    now_ms: now + later
                }),
                "{text}"
            );
        }
    }
}

#[test]
fn a_reload_after_a_sleep_resumes_where_the_time_says() {
    let plan = plan("body-massager", 15, Some("lean-back")).expect("plan");
    let (session, _) = started(plan, T0);
    let (session, _) = session.apply(Event::Tick {
        now_ms: T0 + 100_000.0,
    });
    let saved = session.encode();
    assert_eq!(
        saved,
        "t2:body-massager:lean-back:15:1700000100000:A:100000:5"
    );

    // Reloaded six minutes later.
    let reload = T0 + 100_000.0 + 360_000.0;
    let resumed = Session::decode(&saved, reload).expect("decodes");
    let (resumed, cues) = resumed.apply(Event::Tick { now_ms: reload });
    // Passed unplayed: three moves and their three relax steps; the "halfway" prompt at 7:30
    // was the last mark passed, 7 s too late to say (prompts are not counted as missed).
    assert_eq!(cues, [massage_guide_core::timer::Cue::Missed { count: 6 }]);
    let view = resumed.snapshot(reload);
    assert_eq!(view.phase, Phase::Running);
    assert_eq!(view.total_remaining_ms, 900_000 - (460_000 - 3_000));
}

#[test]
fn a_paused_session_survives_a_reload_with_its_time() {
    let plan = plan("hands", 10, None).expect("plan");
    let (session, _) = started(plan, T0);
    let (session, _) = session.apply(Event::Pause {
        now_ms: T0 + 123_456.0,
    });
    let saved = session.encode();
    assert_eq!(saved, "t2:hands:standing:10:1700000123456:P:123456:6");
    let back = Session::decode(&saved, T0 + 3_600_000.0).expect("decodes");
    assert_eq!(
        back.snapshot(T0 + 3_600_000.0).total_remaining_ms,
        600_000 - 120_456
    );
    assert_eq!(back.snapshot(T0 + 3_600_000.0).phase, Phase::Paused);
}

#[test]
fn too_old_sessions_are_not_resumed() {
    let plan = plan("hands", 3, None).expect("plan");
    let (session, _) = started(plan, T0);
    let saved = session.encode();
    let limit = T0 + MAX_RESUME_GAP_MS as f64;
    assert!(Session::decode(&saved, limit).is_ok());
    assert_eq!(
        Session::decode(&saved, limit + 1.0),
        Err(DecodeError::Expired)
    );
    // A session saved "in the future" (the clock went back since) still resumes, holding its time.
    let back = Session::decode(&saved, T0 - 3_600_000.0).expect("decodes");
    assert_eq!(back.snapshot(T0 - 3_600_000.0).getready_seconds_left, 3);
}

#[test]
fn specific_bad_inputs_give_specific_errors() {
    use DecodeError::*;
    let cases: &[(&str, DecodeError)] = &[
        ("", Malformed),
        ("t2:", Malformed),
        ("t2:hands", Malformed),
        ("hello", Malformed),
        ("t0:hands:standing:3:1700000000000:R", WrongVersion),
        // Version 1 counted no prompts among the marks: refused, not misread.
        ("t1:hands:guided:3:1700000000000:A:1000:1", WrongVersion),
        ("t3:hands:standing:3:1700000000000:A:1000:1", WrongVersion),
        ("T1:hands:standing:3:1700000000000:R", Malformed),
        ("t2:feet:standing:3:1700000000000:R", UnknownPlan),
        ("t2:hands:float:3:1700000000000:R", UnknownPlan),
        ("t2:hands:standing:4:1700000000000:R", UnknownPlan),
        ("t2:hands:standing:99999999999:1700000000000:R", OutOfRange),
        ("t2:hands:standing:3:1700000000000:X", Malformed),
        ("t2:hands:standing:3:1700000000000:R:5", Malformed),
        ("t2:hands:standing:3:1700000000000:A:1000", Malformed),
        ("t2:hands:standing:3:1700000000000:A:1000:1:", Malformed),
        ("t2:hands:standing:3:1700000000000:A:-1000:1", Malformed),
        ("t2:hands:standing:3:1700000000000:A:+1000:1", Malformed),
        ("t2:hands:standing:3:1700000000000:A: 1000:1", Malformed),
        ("t2:hands:standing:3:1700000000000:A:1e3:1", Malformed),
        ("t2:hands:standing:3:1700000000000:A:1000.5:1", Malformed),
        ("t2:hands:standing:3:-1:R", Malformed),
        ("t2:hands:standing:3:99999999999999999:R", OutOfRange),
        ("t2:hands:standing:3:9999999999999999:F", OutOfRange),
        // Past the end (should have been finished) and marks cued ahead of the time.
        ("t2:hands:standing:3:1700000000000:A:183000:1", OutOfRange),
        ("t2:hands:standing:3:1700000000000:P:999999:1", OutOfRange),
        ("t2:hands:standing:3:1700000000000:A:1000:3", OutOfRange),
        (
            "t2:hands:standing:3:1700000000000:A:1000:4294967296",
            OutOfRange,
        ),
        ("t2:hands:standing:3:1700000000000:S:183001", OutOfRange),
        ("t2:hands:standing:3:1700000000000:E:183001", OutOfRange),
        ("t2:hands:standing:3:1700000000000:E", Malformed),
        ("t2:hands:standing:3:1700000000000:A:1000:2\n", Malformed),
        ("t2:hands:standing:3:1700000000000:A:1000:2 ", Malformed),
        ("t2:hands:standing:3:1700000000000:Ä:1000:2", Malformed),
    ];
    for &(text, expected) in cases {
        assert_eq!(Session::decode(text, T0), Err(expected), "{text:?}");
        assert!(!expected.message().is_empty());
    }
    let long = format!("t2:hands:standing:3:1700000000000:R{}", ":".repeat(500));
    assert_eq!(Session::decode(&long, T0), Err(DecodeError::Malformed));
    assert_eq!(
        Session::decode("t2:hands:standing:3:1700000000000:R", f64::NAN),
        Err(DecodeError::BadClock)
    );
    // And the valid forms next to them.
    for text in [
        "t2:hands:standing:3:1700000000000:R",
        "t2:hands:standing:3:1700000000000:A:1000:2",
        "t2:hands:standing:3:1700000000000:P:182999:9",
        "t2:hands:standing:3:1700000000000:F",
        "t2:hands:standing:3:1700000000000:S:183000",
        "t2:hands:standing:3:1700000000000:E:61000",
    ] {
        assert!(Session::decode(text, T0).is_ok(), "{text}");
    }
}

#[test]
fn random_garbage_and_mutations_never_panic() {
    let mut rng = XorShift::new(2024);
    let alphabet = b"t2:0123456789ARPFSE-handsstandingseatedbody-massagerleanfloat:::\n\x00\xff";
    let valid: Vec<String> = sessions_worth_saving()
        .iter()
        .step_by(37)
        .map(|(s, _)| s.encode())
        .collect();
    let mut accepted = 0;
    for round in 0..20_000 {
        let text: String = if round % 2 == 0 {
            // Random strings from a suspicious alphabet.
            let len = rng.up_to(60) as usize;
            (0..len)
                .map(|_| char::from(alphabet[rng.up_to(alphabet.len() as u64 - 1) as usize]))
                .collect()
        } else {
            // A valid string with a few bytes changed, cut or repeated.
            let mut bytes = valid[rng.up_to(valid.len() as u64 - 1) as usize]
                .clone()
                .into_bytes();
            for _ in 0..=rng.up_to(3) {
                let at = rng.up_to(bytes.len() as u64 - 1) as usize;
                match rng.up_to(3) {
                    0 => bytes[at] = alphabet[rng.up_to(alphabet.len() as u64 - 1) as usize],
                    1 => bytes.truncate(at.max(1)),
                    2 => bytes.insert(at, b':'),
                    _ => bytes.insert(at, b'9'),
                }
            }
            String::from_utf8_lossy(&bytes).into_owned()
        };
        if let Ok(session) = Session::decode(&text, T0 + rng.up_to(100_000_000) as f64) {
            accepted += 1;
            // Whatever was accepted behaves: snapshots, events and a new encoding all work.
            let view = session.snapshot(T0);
            assert!(view.step_index < view.step_count);
            assert!(view.step_remaining_ms <= view.step_duration_ms);
            assert!((0.0..=1.0).contains(&view.progress));
            let (after, _) = session.apply(Event::Tick { now_ms: T0 + 1e9 });
            assert!(Session::decode(&after.encode(), T0 + 1e9).is_ok());
        }
    }
    assert!(accepted > 0, "some mutations stay valid");
}

#[test]
fn every_prefix_of_a_valid_string_is_handled() {
    for plan in all_plans() {
        let (session, _) = started(plan, T0);
        let (session, _) = session.apply(Event::Pause {
            now_ms: T0 + 77_777.0,
        });
        let text = session.encode();
        for cut in 0..text.len() {
            // Some prefixes are valid (a shorter number); none may panic, and the full one works.
            let _ = Session::decode(&text[..cut], T0);
        }
        assert_eq!(Session::decode(&text, T0), Ok(session), "{}", label(&plan));
    }
}
