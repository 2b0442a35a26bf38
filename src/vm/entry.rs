//! Whole-program entry points: run mode (no events) and trace mode.

use super::trace::TraceLog;
use super::{RunOutcome, Vm};
use crate::runtime::limits::Limits;

/// Compiles `source`: the VM ready to run, or the text and status a compile
/// failure ends with. SyntaxWarnings go to stderr first, as CPython prints them.
pub(super) fn prepare(source: &str, filename: &str, stdin: &str, limits: &Limits) -> Result<Vm, RunOutcome> {
    let (result, warnings) = crate::compiler::compile_with_warnings(source, filename);
    let mut stderr: String = warnings.iter().map(|w| w.render(filename, source)).collect();
    match result {
        Ok(code) => {
            let mut vm = Vm::new(code, source, stdin);
            vm.stderr = stderr;
            vm.limits = limits.clone();
            Ok(vm)
        }
        Err(err) => {
            stderr.push_str(&err.render());
            Err(RunOutcome { stdout: String::new(), stderr, exit_code: 1, instructions: 0 })
        }
    }
}

/// Compiles and runs a program to the end (run mode: no events).
pub fn run(source: &str, filename: &str, stdin: &str) -> RunOutcome {
    run_with_limits(source, filename, stdin, &Limits::default())
}

/// `run` under the given budgets.
pub fn run_with_limits(source: &str, filename: &str, stdin: &str, limits: &Limits) -> RunOutcome {
    match prepare(source, filename, stdin, limits) {
        Ok(mut vm) => {
            vm.run_to_end();
            vm.outcome()
        }
        Err(outcome) => outcome,
    }
}

/// Runs a program recording CPython-style instruction events:
/// (JSON Lines trace, outcome).
pub fn trace(source: &str, filename: &str, stdin: &str) -> (String, RunOutcome) {
    trace_with_limits(source, filename, stdin, &Limits::default())
}

/// `trace` under the given budgets (the step budget ends the trace with the
/// same notice and status as `run_with_limits`).
pub fn trace_with_limits(source: &str, filename: &str, stdin: &str, limits: &Limits) -> (String, RunOutcome) {
    match prepare(source, filename, stdin, limits) {
        Ok(mut vm) => {
            vm.trace = Some(TraceLog::default());
            vm.run_to_end();
            let text = vm.trace.as_ref().map(|t| t.text()).unwrap_or_default();
            (text, vm.outcome())
        }
        Err(outcome) => (String::new(), outcome),
    }
}
