//! The page steps through every conformance program (issue 3).
//!
//! The page never runs `pvm run`: it drives `pvm::vm::Session`, the stepper, through
//! src/wasm.rs. These tests drive that same stepper over every `tests/programs/NAME.py`
//! (stdin from `NAME.in` if present) the two ways the page does, and compare what the
//! program printed with the oracle's goldens in `tests/golden/` (stdout `NAME.out`,
//! stderr `NAME.err`, exit status `NAME.code`):
//!
//! - phase by phase: `step()`, every fetch, decode and execute event built (the Step
//!   button, held down), for the first `PHASE_BY_PHASE` phases, then on to the end;
//! - the Run button: `skip_to` in the worker's slices, then the last step taken for real
//!   (`settle` in src/wasm.rs), then back to step 0 and forward to the end again through
//!   the checkpoints (the timeline scrubber), which must land on the same output.

mod golden_suite;

use golden_suite::*;
use pvm::vm::events::Snapshot;
use pvm::vm::Session;
use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;

const SUITE: Suite = Suite { programs: "programs", goldens: "golden" };

/// Phases per slice of the worker's Run (www/worker.js `RUN_SLICE`).
const RUN_SLICE: u64 = 60_000;
/// Phases stepped one by one (events built) before the rest of a long program is run on:
/// each step rebuilds the snapshot of every frame (all their variables' reprs), so
/// stepping a whole stdlib import phase by phase costs minutes in a debug build.
const PHASE_BY_PHASE: u64 = 10_000;
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

/// Runs `drive` on the program's session; a panic in the stepper is reported as a problem
/// of that program (the others are still checked).
fn check(name: &str, drive: impl FnOnce(&str) -> Vec<String>) -> Vec<String> {
    match panic::catch_unwind(AssertUnwindSafe(|| drive(name))) {
        Ok(problems) => problems,
        Err(payload) => {
            let message = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            vec![format!("the stepper panicked: {message}")]
        }
    }
}

#[test]
fn stepping_phase_by_phase_gives_cpythons_output() {
    SUITE.check_all("session: step()", |name| {
        check(name, |name| {
            let mut session = open(name);
            let mut steps = 0;
            while steps < PHASE_BY_PHASE && session.step().is_some() {
                steps += 1;
            }
            // What a learner would not click through is run on, still by the stepper.
            while !session.is_finished() && session.snapshot().step_count < MAX_STEPS {
                let at = session.snapshot().step_count;
                session.skip_to(at + RUN_SLICE);
            }
            problems(name, &session.snapshot())
        })
    });
}

#[test]
fn running_in_slices_and_travelling_back_gives_cpythons_output() {
    SUITE.check_all("session: Run", |name| check(name, run_and_travel));
}

/// The Run button, then the scrubber to step 0 and back to the end.
fn run_and_travel(name: &str) -> Vec<String> {
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
}

