//! The page steps through every conformance program (issue 3).
//!
//! The page never runs `pvm run`: it drives `pvm::vm::Session`, the stepper, through
//! src/wasm.rs. These tests drive that same stepper over every `tests/programs/NAME.py`
//! (stdin from `NAME.in` if present) the two ways the page does, and compare what the
//! program printed with the oracle's goldens in `tests/golden/` (stdout `NAME.out`,
//! stderr `NAME.err`, exit status `NAME.code`):
//!
//! - phase by phase: `step()` until the program ends, every fetch, decode and execute
//!   event built (the Step button, held down);
//! - the Run button: `skip_to` in the worker's slices, then the last step taken for real
//!   (`settle` in src/wasm.rs), then back to step 0 and forward to the end again through
//!   the checkpoints (the timeline scrubber), which must land on the same output.
//!
//! Every step rebuilds the snapshot of every frame, so stepping the deep-recursion programs
//! (about 1,000 frames) phase by phase is the slow part of this file (about two minutes in
//! a debug build).

mod golden_suite;

use golden_suite::*;
use pvm::vm::events::Snapshot;
use pvm::vm::Session;
use std::fs;
use std::path::Path;

const SUITE: Suite = Suite { programs: "programs", goldens: "golden" };

/// Phases per slice of the worker's Run (www/worker.js `RUN_SLICE`).
const RUN_SLICE: u64 = 60_000;
/// No conformance program comes near this many phases; a stepper that never ends fails here.
const MAX_STEPS: u64 = 30_000_000;

/// A session on `NAME.py` as the page opens it: the source and the stdin box's text.
fn open(name: &str) -> Session {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let source = fs::read_to_string(folder.join(format!("{name}.py"))).unwrap_or_else(|e| panic!("{name}.py: {e}"));
    let stdin = fs::read_to_string(folder.join(format!("{name}.in"))).unwrap_or_default();
    Session::new(&source, &format!("{name}.py"), &stdin)
}

/// What differs between the session's final snapshot and the goldens.
fn problems(name: &str, end: &Snapshot) -> Vec<String> {
    let mut problems = Vec::new();
    if !end.finished {
        problems.push(format!("the stepper did not finish within {MAX_STEPS} steps (stopped at step {})", end.step_count));
        return problems;
    }
    let expected_code: i32 = SUITE
        .golden(name, "code")
        .and_then(|code| code.trim().parse().ok())
        .unwrap_or_else(|| panic!("tests/golden/{name}.code is missing or not a number"));
    problems.extend(text_problem("stdout", &SUITE.golden(name, "out").unwrap_or_default(), &end.stdout));
    problems.extend(text_problem("stderr", &SUITE.golden(name, "err").unwrap_or_default(), &strip_script_folders(&end.stderr)));
    if end.exit_code != Some(expected_code) {
        problems.push(format!("exit status: expected {expected_code}, the stepper ended with {:?}", end.exit_code));
    }
    problems
}

#[test]
fn stepping_phase_by_phase_gives_cpythons_output() {
    SUITE.check_all("session: step()", |name| {
        let mut session = open(name);
        let mut steps = 0;
        while steps < MAX_STEPS && session.step().is_some() {
            steps += 1;
        }
        problems(name, &session.snapshot())
    });
}

#[test]
fn running_in_slices_and_travelling_back_gives_cpythons_output() {
    SUITE.check_all("session: Run", |name| {
        let mut session = open(name);
        // The worker's Run: slices until the end, then the last step is taken for real.
        while !session.is_finished() && session.snapshot().step_count < MAX_STEPS {
            let at = session.snapshot().step_count;
            session.skip_to(at + RUN_SLICE);
        }
        let end = session.snapshot().step_count;
        session.jump_to(end.saturating_sub(1));
        session.step();
        let mut found = problems(name, &session.snapshot());
        if !found.is_empty() {
            return found;
        }
        if end == 0 {
            return found; // A SyntaxError: the session ends before its first step.
        }
        // The scrubber: back to the start (nothing printed yet), then to the end again.
        session.jump_to(0);
        let start = session.snapshot();
        if start.step_count != 0 || !start.stdout.is_empty() || start.finished {
            found.push(format!(
                "jump_to(0) should give an unfinished step 0 with no output, got step {} finished={} stdout {:?}",
                start.step_count, start.finished, start.stdout
            ));
        }
        session.jump_to(end);
        found.extend(problems(name, &session.snapshot()).into_iter().map(|p| format!("after jump_to(0) and back to the end: {p}")));
        found
    });
}

