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
use crate::vm::events::{Decode, Execute, Fetch, Snapshot, StackValue, StepEvent};
use crate::vm::heapview::{HeapView, Ref};
use crate::vm::{self};
use wasm_bindgen::prelude::*;

// Talc instead of std's dlmalloc: a Python program allocates and frees small
// objects all the time, and talc does both in fewer instructions in less code.
// The page's wasm is single-threaded (no atomics), which talc's cell requires.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

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

// ----- the records the page reads -------------------------------------------
//
// A record crosses to JavaScript as one flat message -- its numbers in one
// array, its text in one string -- which `decodeRecord` (the inline JavaScript
// below) turns back into plain objects with camelCase keys, in the shapes of
// `vm::events`, `vm::heapview` and the records listed in `Record`. One call
// across the boundary per record and no per-field serialiser in the wasm:
// serde-wasm-bindgen made a JS call per field and per string, and its generic
// code was 10.7 KB of the gzipped wasm. The encoders below write each field in
// the order its decoder reads it, with `Message`'s methods as `Reader`'s twins.

#[wasm_bindgen(inline_js = r#"
class Reader {
  constructor(nums, text) { this.nums = nums; this.text = text; this.i = 0; this.at = 0; }
  num() { return this.nums[this.i++]; }
  /** A number or null (sent as NaN). */
  opt() { const n = this.nums[this.i++]; return n === n ? n : null; }
  flag() { return this.nums[this.i++] !== 0; }
  /** A string (its length in UTF-16 units, then its text), or null (length -1). */
  str() {
    const len = this.nums[this.i++];
    if (len < 0) return null;
    const s = this.text.slice(this.at, this.at + len);
    this.at += len;
    return s;
  }
  list(item) {
    const items = new Array(this.num());
    for (let k = 0; k < items.length; k++) items[k] = item(this);
    return items;
  }
  /** A record or null (a flag first). */
  maybe(record) { return this.flag() ? record(this) : null; }
}

const PHASES = ["fetch", "decode", "execute"];
const TABLES = ["co_consts", "co_names", "co_varnames", "co_cell_free", "cmp_op", "nb_ops", "intrinsics", "jump_offset"];
const str = (r) => r.str();
const num = (r) => r.num();

const stackValue = (r) => ({ repr: r.str(), typeName: r.str() });
const fetch = (r) => ({
  phase: "fetch", codeIndex: r.num(), qualname: r.str(), offset: r.num(), opcodeByte: r.num(), opargByte: r.num(),
  extendedArgs: r.list((r) => [r.num(), r.num()]), cacheUnits: r.num(), nextOffset: r.num(), line: r.opt(),
  explanation: r.str(),
});
const decode = (r) => ({
  phase: "decode", offset: r.num(), opcode: r.num(), opname: r.str(), oparg: r.opt(), argrepr: r.str(),
  lookup: r.maybe((r) => ({ table: TABLES[r.num()], index: r.num(), value: r.str() })),
  explanation: r.str(),
});
const execute = (r) => ({
  phase: "execute", offset: r.num(), opname: r.str(), popped: r.list(stackValue), pushed: r.list(stackValue),
  jump: r.maybe((r) => ({ target: r.num(), taken: r.flag() })), framePushed: r.str(), framePopped: r.str(),
  output: r.str(), exception: r.str(), explanation: r.str(),
});
const EVENTS = [fetch, decode, execute];
const snapshot = (r) => ({
  nextPhase: PHASES[r.num()], stepCount: r.num(), instructionCount: r.num(),
  frames: r.list((r) => ({
    codeIndex: r.num(), qualname: r.str(), offset: r.num(), line: r.opt(),
    locals: r.list((r) => ({ name: r.str(), repr: r.str(), typeName: r.str() })), stack: r.list(stackValue),
  })),
  stdout: r.str(), stderr: r.str(), finished: r.flag(), exitCode: r.opt(),
});
const view = (r) => ({ event: r.maybe((r) => EVENTS[r.num()](r)), codeIndex: r.opt(), snapshot: snapshot(r) });

const listing = (r) => ({
  name: r.str(), qualname: r.str(), firstLineno: r.num(),
  instructions: r.list((r) => ({
    offset: r.num(), opcode: r.num(), opname: r.str(), arg: r.opt(), argrepr: r.str(), line: r.opt(),
    startsLine: r.opt(), isJumpTarget: r.flag(), bytes: [r.num(), r.num()], cacheUnits: r.num(),
    prefixOffset: r.num(), positions: { line: r.opt(), endLine: r.opt(), col: r.opt(), endCol: r.opt() },
  })),
  coCode: r.list(num),
  exceptionTable: r.list((r) => ({ start: r.num(), end: r.num(), target: r.num(), depth: r.num(), lasti: r.flag() })),
  consts: r.list(str), names: r.list(str), localsplusNames: r.list(str),
});

const ref = (r) => ({ id: r.opt(), repr: r.str(), typeName: r.str() });
const heapView = (r) => ({
  frames: r.list((r) => ({
    qualname: r.str(), variables: r.list((r) => ({ name: r.str(), kind: r.str(), value: ref(r) })), stack: r.list(ref),
  })),
  objects: r.list((r) => ({
    id: r.num(), kind: r.str(), typeName: r.str(), label: r.str(), items: r.list(ref),
    entries: r.list((r) => [ref(r), ref(r)]), truncated: r.flag(),
  })),
  truncated: r.flag(),
});

const RECORDS = [
  view,
  (r) => r.list(listing),
  heapView,
  (r) => ({ totalSteps: r.num(), complete: r.flag(), lineChanges: r.list((r) => ({ step: r.num(), line: r.opt(), depth: r.num() })) }),
  (r) => ({ checkpoints: r.num(), interval: r.num(), lastCheckpoint: r.num() }),
  (r) => ({ stdout: r.str(), stderr: r.str(), exitCode: r.num(), instructions: r.num() }),
  (r) => ({ kind: r.str(), msg: r.str(), line: r.num(), col: r.num(), endLine: r.num(), endCol: r.num() }),
  (r) => ({ cmpOp: r.list(str), nbOps: r.list(str), intrinsic1: r.list(str), intrinsic2: r.list(str) }),
];

export function decodeRecord(kind, nums, text) { return RECORDS[kind](new Reader(nums, text)); }
"#)]
extern "C" {
    #[wasm_bindgen(js_name = decodeRecord)]
    fn decode_record(kind: u32, nums: &[f64], text: &str) -> JsValue;
}

/// Which decoder of `RECORDS` (in the inline JavaScript) reads a message.
#[derive(Clone, Copy)]
enum Record {
    View,
    Listings,
    HeapView,
    Timeline,
    HistoryStats,
    RunResult,
    SyntaxMark,
    OpargTables,
}

/// A record being flattened for `decode_record`.
#[derive(Default)]
struct Message {
    nums: Vec<f64>,
    text: String,
}

impl Message {
    fn num(&mut self, n: f64) {
        self.nums.push(n);
    }

    /// `None` travels as NaN and arrives as null.
    fn opt(&mut self, n: Option<impl Into<f64>>) {
        self.nums.push(n.map_or(f64::NAN, Into::into));
    }

    fn flag(&mut self, b: bool) {
        self.nums.push(if b { 1.0 } else { 0.0 });
    }

    /// JavaScript slices the text in UTF-16 units, so that is the length sent.
    fn str(&mut self, s: &str) {
        let units: usize = if s.is_ascii() { s.len() } else { s.chars().map(char::len_utf16).sum() };
        self.num(units as f64);
        self.text.push_str(s);
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.num(-1.0),
        }
    }

    fn len(&mut self, n: usize) {
        self.num(n as f64);
    }

    fn strs<S: AsRef<str>>(&mut self, items: &[S]) {
        self.len(items.len());
        for s in items {
            self.str(s.as_ref());
        }
    }

    fn send(&self, record: Record) -> JsValue {
        decode_record(record as u32, &self.nums, &self.text)
    }
}

fn stack_values(m: &mut Message, values: &[StackValue]) {
    m.len(values.len());
    for v in values {
        m.str(&v.repr);
        m.str(&v.type_name);
    }
}

fn fetch(m: &mut Message, e: &Fetch) {
    m.len(e.code_index);
    m.str(&e.qualname);
    m.num(e.offset.into());
    m.num(e.opcode_byte.into());
    m.num(e.oparg_byte.into());
    m.len(e.extended_args.len());
    for &(offset, byte) in &e.extended_args {
        m.num(offset.into());
        m.num(byte.into());
    }
    m.num(e.cache_units.into());
    m.num(e.next_offset.into());
    m.opt(e.line);
    m.str(&e.explanation);
}

fn decode(m: &mut Message, e: &Decode) {
    m.num(e.offset.into());
    m.num(e.opcode.into());
    m.str(&e.opname);
    m.opt(e.oparg);
    m.str(&e.argrepr);
    m.flag(e.lookup.is_some());
    if let Some(l) = &e.lookup {
        // `LookupTable`'s order is that of `TABLES` in the inline JavaScript.
        m.num(l.table as u8 as f64);
        m.num(l.index.into());
        m.str(&l.value);
    }
    m.str(&e.explanation);
}

fn execute(m: &mut Message, e: &Execute) {
    m.num(e.offset.into());
    m.str(&e.opname);
    stack_values(m, &e.popped);
    stack_values(m, &e.pushed);
    m.flag(e.jump.is_some());
    if let Some(j) = &e.jump {
        m.num(j.target.into());
        m.flag(j.taken);
    }
    m.opt_str(e.frame_pushed.as_deref());
    m.opt_str(e.frame_popped.as_deref());
    m.str(&e.output);
    m.opt_str(e.exception.as_deref());
    m.str(&e.explanation);
}

fn snapshot(m: &mut Message, s: &Snapshot) {
    // `Phase`'s order is that of `PHASES` in the inline JavaScript.
    m.num(s.next_phase as u8 as f64);
    m.num(s.step_count as f64);
    m.num(s.instruction_count as f64);
    m.len(s.frames.len());
    for f in &s.frames {
        m.len(f.code_index);
        m.str(&f.qualname);
        m.num(f.offset.into());
        m.opt(f.line);
        m.len(f.locals.len());
        for v in &f.locals {
            m.str(&v.name);
            m.str(&v.repr);
            m.str(&v.type_name);
        }
        stack_values(m, &f.stack);
    }
    m.str(&s.stdout);
    m.str(&s.stderr);
    m.flag(s.finished);
    m.opt(s.exit_code);
}

fn heap_ref(m: &mut Message, r: &Ref) {
    m.opt(r.id);
    m.str(&r.repr);
    m.str(&r.type_name);
}

fn heap_view(m: &mut Message, h: &HeapView) {
    m.len(h.frames.len());
    for f in &h.frames {
        m.str(&f.qualname);
        m.len(f.variables.len());
        for b in &f.variables {
            m.str(&b.name);
            m.str(b.kind);
            heap_ref(m, &b.value);
        }
        m.len(f.stack.len());
        for r in &f.stack {
            heap_ref(m, r);
        }
    }
    m.len(h.objects.len());
    for o in &h.objects {
        m.num(o.id.into());
        m.str(o.kind);
        m.str(&o.type_name);
        m.str(&o.label);
        m.len(o.items.len());
        for r in &o.items {
            heap_ref(m, r);
        }
        m.len(o.entries.len());
        for (k, v) in &o.entries {
            heap_ref(m, k);
            heap_ref(m, v);
        }
        m.flag(o.truncated);
    }
    m.flag(h.truncated);
}

/// Each code object's listing: its `dis.Instruction`s, `co_code` itself (CACHE
/// units included, for the raw-bytes view), its exception table as `dis` lists
/// it, and the tables an oparg indexes -- reprs of `co_consts`, `co_names`, and
/// the locals-plus names (`co_varnames`, then cells and free variables).
fn listings(m: &mut Message, codes: &[std::rc::Rc<CodeObject>]) {
    m.len(codes.len());
    for code in codes {
        m.str(&code.name);
        m.str(&code.qualname);
        m.num(code.firstlineno.into());
        let instructions = dis::instructions(code);
        m.len(instructions.len());
        for ins in &instructions {
            m.len(ins.offset);
            m.num(ins.raw[0].into());
            m.str(ins.opcode.name());
            m.opt(ins.arg);
            m.str(&ins.argrepr);
            m.opt(ins.line);
            m.opt(ins.starts_line);
            m.flag(ins.is_jump_target);
            // The instruction's own code unit: opcode byte, oparg byte.
            m.num(ins.raw[0].into());
            m.num(ins.raw[1].into());
            m.len(ins.cache_units);
            // Offset of the first EXTENDED_ARG prefix (== `offset` without one).
            m.len(ins.prefix_offset);
            // Its source span (columns are 0-based UTF-8 bytes).
            m.opt(ins.positions.line);
            m.opt(ins.positions.end_line);
            m.opt(ins.positions.col);
            m.opt(ins.positions.end_col);
        }
        m.len(code.code.len());
        for &byte in &code.code {
            m.num(byte.into());
        }
        m.len(code.exception_table.len());
        for e in &code.exception_table {
            m.num(e.start.into());
            m.num(e.end.into());
            m.num(e.target.into());
            m.num(e.depth.into());
            m.flag(e.push_lasti);
        }
        let consts: Vec<String> = code.consts.iter().map(dis::constant_repr).collect();
        m.strs(&consts);
        m.strs(&code.names);
        m.strs(&code.localsplusnames);
    }
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
#[derive(Clone)]
struct Timeline {
    /// Steps of the whole run (or of the part the budget covered).
    total_steps: u64,
    /// False when the run went past `TIMELINE_BUDGET` instructions.
    complete: bool,
    /// Each step (an instruction's execute phase) after which the next
    /// instruction runs on another line or in another frame, with that line.
    line_changes: Vec<LineChange>,
}

#[derive(Clone)]
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
        let mut m = Message::default();
        for table in [&CMP_OPS[..], &BINARY_OPS[..], &INTRINSIC_1[..], &INTRINSIC_2[..]] {
            m.strs(table);
        }
        m.send(Record::OpargTables)
    }

    /// Where the editor underlines a program that does not compile:
    /// `{kind, msg, line, col, endLine, endCol}` (1-based character columns, as
    /// CPython reports them), or null when it compiles.
    #[wasm_bindgen(js_name = syntaxError)]
    pub fn syntax_error(&self) -> JsValue {
        let Err(e) = crate::compiler::compile(&self.source, DEFAULT_FILENAME) else { return JsValue::NULL };
        let mut m = Message::default();
        m.str(e.kind.name());
        m.str(&e.msg);
        m.num(e.line.into());
        m.num(e.col.into());
        m.num(e.end_line.into());
        m.num(e.end_col.into());
        m.send(Record::SyntaxMark)
    }

    /// The objects the frames refer to (`vm::heapview::HeapView`).
    #[wasm_bindgen(js_name = heapView)]
    pub fn heap_view(&mut self) -> JsValue {
        let mut m = Message::default();
        heap_view(&mut m, &self.inner.heap_view());
        m.send(Record::HeapView)
    }

    /// `{totalSteps, complete, lineChanges: [{step, line, depth}]}`.
    pub fn timeline(&mut self) -> JsValue {
        let timeline = self.timeline_data();
        let mut m = Message::default();
        m.num(timeline.total_steps as f64);
        m.flag(timeline.complete);
        m.len(timeline.line_changes.len());
        for change in &timeline.line_changes {
            m.num(change.step as f64);
            m.opt(change.line);
            m.len(change.depth);
        }
        m.send(Record::Timeline)
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
        let mut m = Message::default();
        listings(&mut m, &self.inner.code_objects());
        m.send(Record::Listings)
    }

    /// The current view, without stepping.
    pub fn view(&self) -> JsValue {
        let mut m = Message::default();
        m.flag(self.last.is_some());
        if let Some((event, _)) = &self.last {
            // `Phase`'s order is that of `EVENTS` in the inline JavaScript.
            m.num(event.phase() as u8 as f64);
            match event {
                StepEvent::Fetch(e) => fetch(&mut m, e),
                StepEvent::Decode(e) => decode(&mut m, e),
                StepEvent::Execute(e) => execute(&mut m, e),
            }
        }
        m.opt(self.last.as_ref().map(|&(_, index)| index as u32));
        snapshot(&mut m, self.inner.current_snapshot());
        m.send(Record::View)
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
        let steps = self.inner.current_snapshot().step_count;
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
        self.inner.current_snapshot().step_count as f64
    }

    /// Runs on for up to `phases` phases without building events (a slice of
    /// a run the worker can stop between); true once the program has ended.
    pub fn advance(&mut self, phases: f64) -> bool {
        let start = self.inner.current_snapshot().step_count;
        self.inner.skip_to(start + phases.max(0.0) as u64);
        self.inner.is_finished()
    }

    /// The view after `advance`: the last step is taken for real, so its
    /// event shows.
    pub fn settle(&mut self) -> JsValue {
        let n = self.inner.current_snapshot().step_count;
        self.jump_to(n);
        self.view()
    }

    /// `{checkpoints, interval, lastCheckpoint}`: what the history holds.
    #[wasm_bindgen(js_name = historyStats)]
    pub fn history_stats(&self) -> JsValue {
        let stats = self.inner.history_stats();
        let mut m = Message::default();
        m.len(stats.checkpoints);
        m.num(stats.interval as f64);
        m.num(stats.last_checkpoint as f64);
        m.send(Record::HistoryStats)
    }

    /// Runs to the end (or for `RUN_BUDGET` phases), then shows the last event.
    #[wasm_bindgen(js_name = runToEnd)]
    pub fn run_to_end(&mut self) -> JsValue {
        let start = self.inner.current_snapshot().step_count;
        self.inner.skip_to(start + RUN_BUDGET);
        let end = self.inner.current_snapshot().step_count;
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
        self.inner.current_snapshot().frames.last().map(|f| f.code_index)
    }

    /// (frame depth, code object, line) of the instruction about to run.
    fn position(&self) -> (usize, Option<usize>, Option<u32>) {
        let snapshot = self.inner.current_snapshot();
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

/// Runs `source` to the end in run mode (no step events): `{stdout, stderr,
/// exitCode, instructions}`, as `window.pvm.run` resolves it.
#[wasm_bindgen]
pub fn run(source: &str, stdin: &str) -> JsValue {
    let outcome = vm::run(source, DEFAULT_FILENAME, stdin);
    let mut m = Message::default();
    m.str(&outcome.stdout);
    m.str(&outcome.stderr);
    m.num(outcome.exit_code.into());
    m.num(outcome.instructions as f64);
    m.send(Record::RunResult)
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
