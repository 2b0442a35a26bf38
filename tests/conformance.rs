//! End-to-end conformance with CPython 3.12.7.
//!
//! Every `tests/programs/NAME.py` is run through the `pvm` binary the way a user runs it
//! (`cd tests/programs && pvm dis|run|trace NAME.py`, stdin from `NAME.in` if present) and
//! compared with the goldens in `tests/golden/`, which only the oracle writes
//! (`bash scripts/regen-goldens.sh`; never edit a golden by hand):
//!
//! - `pvm dis`   stdout = `NAME.dis` (`python -m dis`), code-object addresses normalised;
//!               for a program that does not compile (no `NAME.dis`), exit status 1 and
//!               stderr ending with the SyntaxError block of `NAME.err`.
//! - `pvm run`   stdout = `NAME.out`, stderr = `NAME.err` (or empty), exit status = `NAME.code`;
//!               tracebacks name the script by its absolute path, goldens by `NAME.py`, so
//!               `File "…/NAME.py"` is compared as `File "NAME.py"`.
//! - `pvm trace` the (code, offset, opname, line) of every event = `NAME.trace`; its stderr
//!               and exit status as for `pvm run`.
//! - code objects: every field of every code object `pvm::compiler::compile` makes (co_consts,
//!               co_names, co_varnames, co_cellvars, co_freevars, the argument counts, co_flags,
//!               co_stacksize, co_firstlineno, co_name, co_qualname, co_positions(), the
//!               exception table; nested code objects too) = `NAME.codeinfo.json`, which
//!               scripts/codeinfo-driver.py dumps from the oracle for every program that compiles.
//!
//! Each test checks every program and reports all mismatches at once, each with a diff.

mod golden_suite;

use golden_suite::codeinfo::{code_info, first_mismatch};
use golden_suite::*;

const SUITE: Suite = Suite { programs: "programs", goldens: "golden" };

#[test]
fn dis_matches_python_m_dis() {
    SUITE.check_all("dis", |name| {
        let got = SUITE.pvm("dis", name);
        match SUITE.golden(name, "dis") {
            Some(expected) => {
                let mut problems = status_problem(&got, 0);
                problems.extend(text_problem("dis output", &expected, &normalise_addresses(&got.stdout)));
                problems
            }
            None => {
                // Does not compile: like `python -m dis`, fail with the SyntaxError block.
                let block = SUITE.golden(name, "err").unwrap_or_default();
                let stderr = strip_script_folders(&got.stderr);
                let mut problems = status_problem(&got, 1);
                if !stderr.ends_with(&block) {
                    problems.push(format!(
                        "stderr should end with the SyntaxError block\n{}",
                        diff(&block, &stderr)
                    ));
                }
                problems
            }
        }
    });
}

#[test]
fn run_matches_cpython() {
    SUITE.check_all("run", |name| {
        let got = SUITE.pvm("run", name);
        let mut problems = text_problem("stdout", &SUITE.golden(name, "out").unwrap_or_default(), &got.stdout);
        problems.extend(SUITE.stderr_and_status_problems(name, &got));
        problems
    });
}

#[test]
fn trace_matches_cpython() {
    SUITE.check_all("trace", |name| {
        let got = SUITE.pvm("trace", name);
        let expected = SUITE.golden(name, "trace").unwrap_or_default();
        let mut problems: Vec<String> = trace_problem(&expected, &got.stdout).into_iter().collect();
        problems.extend(SUITE.stderr_and_status_problems(name, &got));
        problems
    });
}

#[test]
fn code_objects_match_cpython() {
    SUITE.check_all("compile", |name| {
        let Some(golden) = SUITE.golden(name, "codeinfo.json") else {
            // Only programs that do not compile lack the dump.
            return match SUITE.golden(name, "dis") {
                Some(_) => vec![format!(
                    "tests/{}/{name}.codeinfo.json is missing: regenerate with `bash scripts/regen-goldens.sh`",
                    SUITE.goldens
                )],
                None => Vec::new(),
            };
        };
        let want: serde_json::Value = serde_json::from_str(&golden).expect("codeinfo golden is JSON");
        let file = format!("{name}.py");
        let source = SUITE.source(name);
        match pvm::compiler::compile(&source, &file) {
            Ok(code) => first_mismatch(&file, &want, &code_info(&code)).into_iter().collect(),
            Err(e) => vec![format!("compile error: {}", e.msg)],
        }
    });
}
