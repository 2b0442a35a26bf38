//! The WebAssembly surface: the only place that knows wasm-bindgen.
//!
//! A thin wrapper over `vm::Session` (stepping) and `vm::run` (run mode).
//! Values cross to JavaScript as plain objects with camelCase keys, in the
//! shapes of `vm::events`, so the page reads the same records the CLI and the
//! tests do.
//!
//! Every stepping call returns a *view*: `{event, codeIndex, snapshot}` — the
//! event of the step just taken (null at step 0), the code object it ran in,
//! and the machine after it. The page renders a view and nothing else.

use crate::bytecode::{dis, CodeObject};
use crate::vm::events::{Snapshot, StepEvent};
use crate::vm::{self};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The script name tracebacks show for the page's program.
const DEFAULT_FILENAME: &str = "main.py";

/// `stepLine` gives up after this many instructions on one line (a
/// `while True: pass` never leaves its line), so the page stays responsive.
const STEP_LINE_BUDGET: u32 = 100_000;

/// The Run button stops after this many phases (a third as many
/// instructions) so an endless loop leaves the page usable; Run again goes on.
const RUN_BUDGET: u64 = 10_000_000;

/// Plain JS objects and numbers (not `Map`s and `BigInt`s).
fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

/// One row of a code object's listing (`dis.Instruction`, for the page).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ListingRow {
    offset: usize,
    opcode: u8,
    opname: &'static str,
    arg: Option<u32>,
    argrepr: String,
    line: Option<u32>,
    starts_line: Option<u32>,
    is_jump_target: bool,
    /// The instruction's own code unit: opcode byte, oparg byte.
    bytes: [u8; 2],
    cache_units: usize,
    explanation: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Listing {
    name: String,
    qualname: String,
    first_lineno: u32,
    instructions: Vec<ListingRow>,
}

fn listing(code: &CodeObject) -> Listing {
    let instructions = dis::instructions(code)
        .into_iter()
        .map(|ins| ListingRow {
            offset: ins.offset,
            opcode: ins.raw[0],
            opname: ins.opcode.name(),
            arg: ins.arg,
            argrepr: ins.argrepr,
            line: ins.line,
            starts_line: ins.starts_line,
            is_jump_target: ins.is_jump_target,
            bytes: ins.raw,
            cache_units: ins.cache_units,
            explanation: ins.opcode.explanation(),
        })
        .collect();
    Listing {
        name: code.name.to_string(),
        qualname: code.qualname.to_string(),
        first_lineno: code.firstlineno,
        instructions,
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct View<'a> {
    event: Option<&'a StepEvent>,
    code_index: Option<usize>,
    snapshot: Snapshot,
}

/// A program being stepped, phase by phase.
#[wasm_bindgen]
pub struct Session {
    inner: vm::Session,
    /// The last step's event and the index of the code object it ran in.
    last: Option<(StepEvent, usize)>,
}

#[wasm_bindgen]
impl Session {
    /// Compiles `source`; a SyntaxError leaves a finished session whose
    /// snapshot carries the error text in `stderr`.
    #[wasm_bindgen(constructor)]
    pub fn new(source: &str, stdin: &str) -> Session {
        Session {
            inner: vm::Session::new(source, DEFAULT_FILENAME, stdin),
            last: None,
        }
    }

    /// The listing of every code object, in `codeIndex` order.
    #[wasm_bindgen(js_name = codeObjects)]
    pub fn code_objects(&self) -> JsValue {
        let listings: Vec<Listing> = self.inner.code_objects().iter().map(|c| listing(c)).collect();
        to_js(&listings)
    }

    /// The current view, without stepping.
    pub fn view(&self) -> JsValue {
        let (event, code_index) = match &self.last {
            Some((event, index)) => (Some(event), Some(*index)),
            None => (None, None),
        };
        to_js(&View { event, code_index, snapshot: self.inner.snapshot() })
    }

    /// One phase: fetch, decode or execute.
    pub fn step(&mut self) -> JsValue {
        self.take_step();
        self.view()
    }

    /// To the end of the current instruction (its execute phase).
    #[wasm_bindgen(js_name = stepInstruction)]
    pub fn step_instruction(&mut self) -> JsValue {
        self.finish_instruction();
        self.view()
    }

    /// Whole instructions until the running frame or its source line changes
    /// (or the program ends, or a line runs for `STEP_LINE_BUDGET` instructions).
    #[wasm_bindgen(js_name = stepLine)]
    pub fn step_line(&mut self) -> JsValue {
        let start = self.position();
        for _ in 0..STEP_LINE_BUDGET {
            if !self.finish_instruction() || self.position() != start {
                break;
            }
        }
        self.view()
    }

    /// One phase back.
    pub fn back(&mut self) -> JsValue {
        let steps = self.inner.snapshot().step_count;
        if steps > 0 {
            self.jump_to(steps - 1);
        }
        self.view()
    }

    /// Back to the end of the previous instruction.
    #[wasm_bindgen(js_name = backInstruction)]
    pub fn back_instruction(&mut self) -> JsValue {
        let target = self.inner.previous_instruction_step();
        self.jump_to(target);
        self.view()
    }

    /// Back to where the previous line began (where `stepLine` stopped).
    #[wasm_bindgen(js_name = backLine)]
    pub fn back_line(&mut self) -> JsValue {
        let target = self.inner.previous_line_step();
        self.jump_to(target);
        self.view()
    }

    /// To step `n` (or the end, if the program ends before), backwards or forwards.
    #[wasm_bindgen(js_name = jumpTo)]
    pub fn jump_to_step(&mut self, n: f64) -> JsValue {
        self.jump_to(n.max(0.0) as u64);
        self.view()
    }

    /// Steps taken so far.
    #[wasm_bindgen(js_name = stepCount)]
    pub fn step_count(&self) -> f64 {
        self.inner.snapshot().step_count as f64
    }

    /// Runs on for up to `phases` phases without building events (a slice of
    /// a run the worker can stop between); true once the program has ended.
    pub fn advance(&mut self, phases: f64) -> bool {
        let start = self.inner.snapshot().step_count;
        self.inner.skip_to(start + phases.max(0.0) as u64);
        self.inner.is_finished()
    }

    /// The view after `advance`: the last step is taken for real, so its
    /// event shows.
    pub fn settle(&mut self) -> JsValue {
        let n = self.inner.snapshot().step_count;
        self.jump_to(n);
        self.view()
    }

    /// `{checkpoints, interval, lastCheckpoint}`: what the history holds.
    #[wasm_bindgen(js_name = historyStats)]
    pub fn history_stats(&self) -> JsValue {
        let stats = self.inner.history_stats();
        to_js(&HistoryStats {
            checkpoints: stats.checkpoints,
            interval: stats.interval,
            last_checkpoint: stats.last_checkpoint,
        })
    }

    /// Runs to the end (or for `RUN_BUDGET` phases), then shows the last event.
    #[wasm_bindgen(js_name = runToEnd)]
    pub fn run_to_end(&mut self) -> JsValue {
        let start = self.inner.snapshot().step_count;
        self.inner.skip_to(start + RUN_BUDGET);
        let end = self.inner.snapshot().step_count;
        if end > start {
            self.jump_to(end);
        }
        self.view()
    }
}

impl Session {
    /// Steps once; remembers the event and the code object it ran in.
    fn take_step(&mut self) -> Option<&StepEvent> {
        let running = self.running_code_index();
        let event = self.inner.step()?;
        let code_index = match &event {
            StepEvent::Fetch(fetch) => fetch.code_index,
            _ => running.unwrap_or(0),
        };
        self.last = Some((event, code_index));
        self.last.as_ref().map(|(event, _)| event)
    }

    /// Steps through the current instruction's execute phase; false once the
    /// program has finished. (Not `vm::Session::step_instruction`: the page
    /// needs each event's code object, which a Decode or Execute event lacks.)
    fn finish_instruction(&mut self) -> bool {
        while let Some(event) = self.take_step() {
            if matches!(event, StepEvent::Execute(_)) {
                return true;
            }
        }
        false
    }

    /// The code object of the innermost frame: the one the next step runs in.
    fn running_code_index(&self) -> Option<usize> {
        self.inner.snapshot().frames.last().map(|f| f.code_index)
    }

    /// (frame depth, code object, line) of the instruction about to run.
    fn position(&self) -> (usize, Option<usize>, Option<u32>) {
        let snapshot = self.inner.snapshot();
        let top = snapshot.frames.last();
        (snapshot.frames.len(), top.map(|f| f.code_index), top.and_then(|f| f.line))
    }

    /// Puts the session at step `n`: the history replays quietly from its
    /// nearest checkpoint to step `n - 1`, then step `n` is taken for real
    /// to have its event to show.
    fn jump_to(&mut self, n: u64) {
        self.last = None;
        self.inner.jump_to(n.saturating_sub(1));
        if n > 0 {
            self.take_step();
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct HistoryStats {
    checkpoints: usize,
    interval: u64,
    last_checkpoint: u64,
}

/// The result of run mode, as `window.pvm.run` resolves it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RunResult {
    stdout: String,
    stderr: String,
    exit_code: i32,
    instructions: u64,
}

/// Runs `source` to the end in run mode (no step events).
#[wasm_bindgen]
pub fn run(source: &str, stdin: &str) -> JsValue {
    let outcome = vm::run(source, DEFAULT_FILENAME, stdin);
    to_js(&RunResult {
        stdout: outcome.stdout,
        stderr: outcome.stderr,
        exit_code: outcome.exit_code,
        instructions: outcome.instructions,
    })
}
