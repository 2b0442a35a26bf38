//! The modules learners import (src/stdlib and the native ones in src/vm/modules.rs),
//! checked end to end against CPython 3.12.7.
//!
//! Every `tests/modules/NAME.py` is run through the `pvm` binary
//! (`cd tests/modules && pvm run|trace NAME.py`) and compared with the oracle's goldens in
//! `tests/modules/golden/` (`bash scripts/regen-module-goldens.sh`; never edit a golden by hand):
//!
//! - `pvm run`   stdout = `NAME.out`, stderr = `NAME.err` (or empty), exit status = `NAME.code`.
//! - `pvm trace` the (code, offset, opname, line) of every event = `NAME.trace`: only the
//!               program's own code is traced, never the stdlib's, in CPython as in pvm.
//!
//! The programs are deterministic: `random` is seeded, no clock values or `id()`s are printed,
//! and no set of str is iterated (its order differs between CPython builds).

mod golden_suite;

use golden_suite::*;

const SUITE: Suite = Suite { programs: "modules", goldens: "modules/golden" };

#[test]
fn module_programs_run_as_cpython() {
    SUITE.check_all("run", |name| {
        let got = SUITE.pvm("run", name);
        let mut problems = text_problem("stdout", &SUITE.golden(name, "out").unwrap_or_default(), &got.stdout);
        problems.extend(SUITE.stderr_and_status_problems(name, &got));
        problems
    });
}

#[test]
fn module_programs_trace_as_cpython() {
    SUITE.check_all("trace", |name| {
        let got = SUITE.pvm("trace", name);
        let expected = SUITE.golden(name, "trace").unwrap_or_default();
        let mut problems: Vec<String> = trace_problem(&expected, &got.stdout).into_iter().collect();
        problems.extend(SUITE.stderr_and_status_problems(name, &got));
        problems
    });
}
