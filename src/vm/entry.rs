//! Whole-program entry points: run mode (no events) and trace mode.

use super::trace::TraceLog;
use crate::bytecode::dis;
use crate::bytecode::{ArgKind, CodeObject, Constant};
use super::{RunOutcome, Vm};
use crate::runtime::limits::Limits;

/// Compiles `source`: the VM ready to run, or the text and status a compile
/// failure ends with. SyntaxWarnings go to stderr first, as CPython prints them.
pub(super) fn prepare(source: &str, filename: &str, stdin: &str, limits: &Limits) -> Result<Vm, RunOutcome> {
    let (result, warnings) = crate::compiler::compile_with_warnings(source, filename);
    let mut stderr: String = warnings.iter().map(|w| w.render(filename, source)).collect();
    match result {
        Ok(code) => {
            if let Some(refusal) = unsupported_constant(&code, filename) {
                stderr.push_str(&refusal);
                return Err(RunOutcome { stdout: String::new(), stderr, exit_code: 1, instructions: 0 });
            }
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

/// The runtime has no bytes or complex objects yet. A program whose code
/// loads such a constant is refused before it runs, naming the construct and
/// its line, rather than run with a wrong value in its place.
fn unsupported_constant(code: &CodeObject, filename: &str) -> Option<String> {
    fn kind(c: &Constant) -> Option<&'static str> {
        match c {
            Constant::Bytes(_) => Some("bytes literals"),
            Constant::Complex { .. } => Some("complex numbers"),
            Constant::Tuple(items) | Constant::FrozenSet(items) => items.iter().find_map(kind),
            _ => None,
        }
    }
    for ins in dis::instructions(code) {
        if ins.opcode.arg_kind() != ArgKind::Const {
            continue;
        }
        if let Some(what) = ins.arg.and_then(|i| code.consts.get(i as usize)).and_then(kind) {
            let line = ins.line.map_or(String::new(), |l| format!(", line {l}"));
            return Some(format!("pvm: {what} are not supported yet (File \"{filename}\"{line})\n"));
        }
    }
    code.consts.iter().find_map(|c| match c {
        Constant::Code(inner) => unsupported_constant(inner, filename),
        _ => None,
    })
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
