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

/// The timeline's line-change markers cover at most this many instructions
/// (a quiet replay from the start, computed once per program).
const TIMELINE_BUDGET: u64 = 100_000;


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
    /// Offset of the first EXTENDED_ARG prefix (== `offset` without one).
    prefix_offset: usize,
    /// Its source span (`dis.Instruction.positions`; columns are 0-based UTF-8 bytes).
    positions: Span,
    explanation: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Span {
    line: Option<u32>,
    end_line: Option<u32>,
    col: Option<u32>,
    end_col: Option<u32>,
}

/// One entry of `co_exceptiontable`, as `dis` lists it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct HandlerRow {
    start: u32,
    end: u32,
    target: u32,
    depth: u32,
    lasti: bool,
}


#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Listing {
    name: String,
    qualname: String,
    first_lineno: u32,
    instructions: Vec<ListingRow>,
    /// `co_code` itself, CACHE units included (the raw-bytes view).
    co_code: Vec<u8>,
    exception_table: Vec<HandlerRow>,
    /// The tables an oparg indexes: reprs of `co_consts`, `co_names`, and the
    /// locals-plus names (`co_varnames`, then cells and free variables).
    consts: Vec<String>,
    names: Vec<String>,
    localsplus_names: Vec<String>,
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
            prefix_offset: ins.prefix_offset,
            positions: Span {
                line: ins.positions.line,
                end_line: ins.positions.end_line,
                col: ins.positions.col,
                end_col: ins.positions.end_col,
            },
            explanation: ins.opcode.explanation(),
        })
        .collect();
    Listing {
        name: code.name.to_string(),
        qualname: code.qualname.to_string(),
        first_lineno: code.firstlineno,
        instructions,
        co_code: code.code.clone(),
        consts: code.consts.iter().map(dis::constant_repr).collect(),
        names: code.names.iter().map(|n| n.to_string()).collect(),
        localsplus_names: code.localsplusnames.iter().map(|n| n.to_string()).collect(),
        exception_table: code
            .exception_table
            .iter()
            .map(|e| HandlerRow { start: e.start, end: e.end, target: e.target, depth: e.depth, lasti: e.push_lasti })
            .collect(),
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
    /// The program's source: `syntaxError` compiles it again to place the mark.
    source: String,
    inner: vm::Session,
    /// The last step's event and the index of the code object it ran in.
    last: Option<(StepEvent, usize)>,
    /// Computed on first use: where the source line changes.
    timeline: Option<Timeline>,
}

/// The run seen from afar: its length and the steps where the line changes.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct Timeline {
    /// Steps of the whole run (or of the part the budget covered).
    total_steps: u64,
    /// False when the run went past `TIMELINE_BUDGET` instructions.
    complete: bool,
    /// Each step (an instruction's execute phase) after which the next
    /// instruction runs on another line or in another frame, with that line.
    line_changes: Vec<LineChange>,
}

#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct LineChange {
    step: u64,
    line: Option<u32>,
    depth: usize,
}

#[wasm_bindgen]
impl Session {
    /// Compiles `source`; a SyntaxError leaves a finished session whose
    /// snapshot carries the error text in `stderr`.
    #[wasm_bindgen(constructor)]
    pub fn new(source: &str, stdin: &str) -> Session {
        Session {
            source: source.to_string(),
            inner: vm::Session::new(source, DEFAULT_FILENAME, stdin),
            last: None,
            timeline: None,
        }
    }

    /// The fixed tables decoding looks opargs up in (`dis.cmp_op`, `_nb_ops`, intrinsics).
    #[wasm_bindgen(js_name = opargTables)]
    pub fn oparg_tables(&self) -> JsValue {
        use crate::bytecode::opcode::{BINARY_OPS, CMP_OPS, INTRINSIC_1, INTRINSIC_2};
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Tables {
            cmp_op: &'static [&'static str],
            nb_ops: &'static [&'static str],
            intrinsic1: &'static [&'static str],
            intrinsic2: &'static [&'static str],
        }
        to_js(&Tables { cmp_op: &CMP_OPS, nb_ops: &BINARY_OPS, intrinsic1: &INTRINSIC_1, intrinsic2: &INTRINSIC_2 })
    }

    /// Where the editor underlines a program that does not compile:
    /// `{kind, msg, line, col, endLine, endCol}` (1-based character columns, as
    /// CPython reports them), or null when it compiles.
    #[wasm_bindgen(js_name = syntaxError)]
    pub fn syntax_error(&self) -> JsValue {
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Mark {
            kind: &'static str,
            msg: String,
            line: u32,
            col: i32,
            end_line: u32,
            end_col: i32,
        }
        match crate::compiler::compile(&self.source, DEFAULT_FILENAME) {
            Ok(_) => JsValue::NULL,
            Err(e) => to_js(&Mark { kind: e.kind.name(), msg: e.msg, line: e.line, col: e.col, end_line: e.end_line, end_col: e.end_col }),
        }
    }

    /// The objects the frames refer to (`vm::heapview::HeapView`).
    #[wasm_bindgen(js_name = heapView)]
    pub fn heap_view(&mut self) -> JsValue {
        to_js(&self.inner.heap_view())
    }

    /// `{totalSteps, complete, lineChanges: [{step, line, depth}]}`.
    pub fn timeline(&mut self) -> JsValue {
        to_js(self.timeline_data())
    }

    /// Like `stepLine`, but runs calls made on this line to their return.
    #[wasm_bindgen(js_name = stepOver)]
    pub fn step_over(&mut self) -> JsValue {
        let (depth, code, line) = self.position();
        for _ in 0..STEP_LINE_BUDGET {
            if !self.finish_instruction() {
                break;
            }
            let (d, c, l) = self.position();
            if d < depth || (d == depth && (c, l) != (code, line)) {
                break;
            }
        }
        self.view()
    }

    /// Runs until the current frame returns (or raises) to its caller.
    #[wasm_bindgen(js_name = stepOut)]
    pub fn step_out(&mut self) -> JsValue {
        let (depth, _, _) = self.position();
        for _ in 0..RUN_BUDGET / 3 {
            if !self.finish_instruction() || self.position().0 < depth {
                break;
            }
        }
        self.view()
    }

    /// Runs whole instructions until the next one starts a breakpoint line
    /// (entering it from another line or frame), or the program ends.
    #[wasm_bindgen(js_name = runToBreakpoint)]
    pub fn run_to_breakpoint(&mut self, lines: Vec<u32>) -> JsValue {
        let mut at = self.position();
        for _ in 0..RUN_BUDGET / 3 {
            if !self.finish_instruction() {
                break;
            }
            let now = self.position();
            if now != at && now.2.is_some_and(|l| lines.contains(&l)) {
                break;
            }
            at = now;
        }
        self.view()
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

    fn timeline_data(&mut self) -> &Timeline {
        if self.timeline.is_none() {
            self.timeline = Some(self.compute_timeline());
        }
        self.timeline.as_ref().expect("just computed")
    }

    fn compute_timeline(&self) -> Timeline {
        let (changes, total_steps, complete) = self.inner.line_changes(TIMELINE_BUDGET);
        let line_changes = changes.into_iter().map(|(step, depth, line)| LineChange { step, line, depth }).collect();
        Timeline { total_steps, complete, line_changes }
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

/// Hands the core the source of one of its Python stdlib modules (`import
/// collections` ...), which the wasm does not contain: the worker downloads
/// them (www/vendor/stdlib.json) while the wasm compiles and gives each one
/// before the first program runs. False if `name` is not one of
/// `stdlib::MODULES` or was given before (the first source stays).
#[wasm_bindgen(js_name = provideStdlibModule)]
pub fn provide_stdlib_module(name: &str, source: &str) -> bool {
    crate::stdlib::provide(name, source)
}

/// Aborts inside wasm (a genuine `unreachable` trap, as a panic in the core would give).
/// Only the browser tests call it (through the worker's `trapNextCall`), to check that
/// the page survives a crashed core, keeps the program and starts a fresh session.
#[wasm_bindgen(js_name = trapForTesting)]
pub fn trap_for_testing() {
    std::process::abort();
}
