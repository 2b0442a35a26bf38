//! The stepper: runs a program one phase at a time — fetch (read the two
//! bytes at the instruction pointer), decode (opcode byte -> name, oparg ->
//! value looked up in its table) and execute (the handler runs; what it
//! popped, pushed, jumped, called, printed or raised is reported).
//!
//! Execution is the run mode's own `Vm::step_instruction`: the stepper only
//! observes the machine before and after, so both modes behave identically.
//!
//! Time travel: the run is deterministic (stdin is given up front; nothing
//! reads a clock or a random source), so any earlier step can be rebuilt by
//! replaying from an earlier copy of the machine. The session keeps such
//! copies — checkpoints — every `interval` instructions; when there are more
//! than `MAX_CHECKPOINTS`, every other one is dropped and the interval
//! doubles. So a run of N instructions keeps at most `MAX_CHECKPOINTS`
//! copies, and going back replays at most about 2N / `MAX_CHECKPOINTS`
//! instructions (no events are built while replaying).

use crate::text::substr;
use std::fmt::Write as _;
use super::events::*;
use super::{RunOutcome, Vm};
use crate::bytecode::dis::{self, Instruction};
use crate::bytecode::opcode::{ArgKind, Opcode};
use crate::bytecode::CodeObject;
use crate::runtime::limits::Limits;
use crate::runtime::object::Object;
use crate::runtime::value::Value;
use std::rc::Rc;

/// The instruction between its fetch and its execute phase.
#[derive(Clone)]
struct Current {
    code_index: usize,
    offset: u32,
    op: Option<Opcode>,
    oparg: u32,
}

/// How many machine copies the history keeps at most.
pub const MAX_CHECKPOINTS: usize = 32;
/// Instructions between checkpoints at the start of a run (the spacing doubles
/// each time the history is thinned).
const FIRST_INTERVAL: u64 = 2_000;
/// `previous_line_step` looks at most this many instructions back for the line
/// before the current one (a line may run for ever, as `while True: pass`).
const BACK_LINE_BUDGET: u64 = 100_000;

/// A copy of the whole machine at an instruction boundary (before a fetch).
struct Checkpoint {
    instruction_count: u64,
    vm: Vm,
}

/// What the history holds, for reports and tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HistoryStats {
    pub checkpoints: usize,
    /// Instructions between checkpoints now.
    pub interval: u64,
    /// The furthest instruction a checkpoint was taken at.
    pub last_checkpoint: u64,
}

/// (frame depth, code index, line) of the instruction about to run.
type Position = (usize, Option<usize>, Option<u32>);

pub struct Session {
    vm: Option<Vm>,
    /// Set when the program did not compile: stderr and exit status.
    failed: Option<RunOutcome>,
    codes: Vec<Rc<CodeObject>>,
    listings: Vec<Vec<Instruction>>,
    next_phase: Phase,
    step_count: u64,
    /// Top-level instructions executed (nested runs count as part of their caller's).
    instruction_count: u64,
    current: Option<Current>,
    snapshot: Snapshot,
    /// Checkpoints in increasing instruction order; the first is the start.
    checkpoints: Vec<Checkpoint>,
    checkpoint_interval: u64,
}

impl Session {
    /// A session positioned before the first instruction. Never fails: a
    /// program that does not compile gives a finished session whose stderr
    /// holds the SyntaxError and whose exit code is 1.
    pub fn new(source: &str, filename: &str, stdin: &str) -> Session {
        Session::with_limits(source, filename, stdin, &Limits::default())
    }

    /// `new` under the given budgets (steps, memory, output, recursion).
    pub fn with_limits(source: &str, filename: &str, stdin: &str, limits: &Limits) -> Session {
        let (vm, failed) = match super::entry::prepare(source, filename, stdin, limits) {
            Ok(vm) => (Some(vm), None),
            Err(outcome) => (None, Some(outcome)),
        };
        let codes: Vec<Rc<CodeObject>> = vm.as_ref().map(|vm| vm.codes.iter().map(|c| c.code.clone()).collect()).unwrap_or_default();
        let listings = codes.iter().map(|c| dis::instructions(c)).collect();
        let mut session = Session {
            vm,
            failed,
            codes,
            listings,
            next_phase: Phase::Fetch,
            step_count: 0,
            instruction_count: 0,
            current: None,
            snapshot: empty_snapshot(),
            checkpoints: Vec::new(),
            checkpoint_interval: FIRST_INTERVAL,
        };
        if let Some(vm) = &session.vm {
            session.checkpoints.push(Checkpoint { instruction_count: 0, vm: vm.clone() });
        }
        session.refresh_snapshot();
        session
    }

    /// Every code object of the program, module first, then nested ones in
    /// `dis` order; `Fetch::code_index` and `FrameView::code_index` index it.
    pub fn code_objects(&self) -> Vec<Rc<CodeObject>> {
        self.codes.clone()
    }

    /// The machine between steps.
    pub fn snapshot(&self) -> Snapshot {
        self.snapshot.clone()
    }

    /// `snapshot` without the copy.
    pub fn current_snapshot(&self) -> &Snapshot {
        &self.snapshot
    }

    /// The page's timeline: every instruction boundary (as a step count)
    /// after which the position — frame depth, code object, line — differs
    /// from before, as `(step, depth, line)`; replayed on a copy from the
    /// start for at most `budget` instructions. Also the steps covered and
    /// whether the program ended within them.
    pub fn line_changes(&self, budget: u64) -> (Vec<(u64, usize, Option<u32>)>, u64, bool) {
        let Some(first) = self.checkpoints.first() else { return (Vec::new(), 0, true) };
        let mut vm = first.vm.clone();
        let mut at = vm_position(&vm);
        let (mut changes, mut count) = (Vec::new(), 0u64);
        while count < budget && vm.exit_code.is_none() {
            vm.step_instruction();
            count += 1;
            let now = vm_position(&vm);
            if now != at && vm.exit_code.is_none() {
                changes.push((3 * count, now.0, now.2));
            }
            at = now;
        }
        (changes, 3 * count, vm.exit_code.is_some())
    }

    /// The objects the frames' names and stack slots refer to (the page's heap panel).
    pub fn heap_view(&mut self) -> super::heapview::HeapView {
        self.vm.as_mut().map(super::heapview::heap_view).unwrap_or_default()
    }

    pub fn is_finished(&self) -> bool {
        self.vm.as_ref().map_or(true, |vm| vm.exit_code.is_some())
    }

    /// Takes one phase; `None` once the program has finished.
    pub fn step(&mut self) -> Option<StepEvent> {
        if self.is_finished() {
            return None;
        }
        let event = match self.next_phase {
            Phase::Fetch => StepEvent::Fetch(self.fetch()),
            Phase::Decode => StepEvent::Decode(self.decode()),
            Phase::Execute => StepEvent::Execute(self.execute()),
        };
        self.next_phase = match self.next_phase {
            Phase::Fetch => Phase::Decode,
            Phase::Decode => Phase::Execute,
            Phase::Execute => Phase::Fetch,
        };
        self.step_count += 1;
        self.maybe_checkpoint();
        self.refresh_snapshot();
        Some(event)
    }

    /// Steps to the end of the current instruction; returns its execute event.
    pub fn step_instruction(&mut self) -> Option<StepEvent> {
        loop {
            let e = self.step()?;
            if e.phase() == Phase::Execute {
                return Some(e);
            }
        }
    }

    /// Steps whole instructions until the running frame or its line changes.
    pub fn step_line(&mut self) -> Option<StepEvent> {
        let start = self.position();
        let mut last = None;
        for _ in 0..100_000 {
            let e = self.step_instruction();
            if e.is_none() {
                break;
            }
            last = e;
            if self.position() != start {
                break;
            }
        }
        last
    }

    /// (frame depth, code index, line) of the instruction about to run.
    fn position(&self) -> Position {
        let top = self.snapshot.frames.last();
        (self.snapshot.frames.len(), top.map(|f| f.code_index), top.and_then(|f| f.line))
    }

    // ----- time travel ----------------------------------------------------------

    /// One phase back.
    pub fn back(&mut self) {
        if self.step_count > 0 {
            self.jump_to(self.step_count - 1);
        }
    }

    /// Back to the end of the previous instruction (before its successor's fetch).
    pub fn back_instruction(&mut self) {
        self.jump_to(self.previous_instruction_step());
    }

    /// Back to where the previous line began (what `step_line` would have stopped at).
    pub fn back_line(&mut self) {
        self.jump_to(self.previous_line_step());
    }

    /// The step `back_instruction` goes to: the last instruction boundary before now.
    pub fn previous_instruction_step(&self) -> u64 {
        self.step_count.saturating_sub(1) / 3 * 3
    }

    /// The step `back_line` goes to: the first instruction boundary of the run
    /// of boundaries, before the current one, that are on another line (or
    /// frame) than the current one. Looks back at most `BACK_LINE_BUDGET`
    /// instructions; the start of the run if nothing differs.
    pub fn previous_line_step(&self) -> u64 {
        let here = self.step_count / 3;
        if here == 0 || self.vm.is_none() {
            return 0;
        }
        // Positions of a growing window of boundaries before `here`.
        let mut window = 256u64;
        loop {
            let from = here.saturating_sub(window);
            let positions = self.boundary_positions(from, here);
            let current = positions.last().copied();
            let Some(previous) = positions.iter().rposition(|p| Some(*p) != current) else {
                if from == 0 || window >= BACK_LINE_BUDGET {
                    return 3 * from;
                }
                window *= 4;
                continue;
            };
            let line = positions[previous];
            let start = positions[..previous].iter().rposition(|p| *p != line).map_or(0, |i| i + 1);
            if start > 0 || from == 0 || window >= BACK_LINE_BUDGET {
                return 3 * (from + start as u64);
            }
            window *= 4;
        }
    }

    /// The position at each instruction boundary `from..=to` (fewer if the
    /// program ends first), replayed on a copy from the nearest checkpoint.
    fn boundary_positions(&self, from: u64, to: u64) -> Vec<Position> {
        let cp = self.checkpoint_at_or_before(from);
        let mut vm = cp.vm.clone();
        let mut count = cp.instruction_count;
        while count < from && vm.exit_code.is_none() {
            vm.step_instruction();
            count += 1;
        }
        let mut positions = Vec::with_capacity((to - from + 1) as usize);
        loop {
            positions.push(vm_position(&vm));
            if count >= to || vm.exit_code.is_some() {
                return positions;
            }
            vm.step_instruction();
            count += 1;
        }
    }

    /// The latest checkpoint at or before instruction `n` (the first is at 0).
    fn checkpoint_at_or_before(&self, n: u64) -> &Checkpoint {
        let i = self.checkpoints.partition_point(|c| c.instruction_count <= n);
        &self.checkpoints[i.saturating_sub(1)]
    }

    /// Puts the session at step `n` (or at the end, if the program ends
    /// before): restores the nearest checkpoint when that is closer than
    /// going on from here, then replays without building events.
    pub fn jump_to(&mut self, n: u64) {
        if self.vm.is_none() {
            return;
        }
        let cp = self.checkpoint_at_or_before(n / 3);
        let (at, copy) = (cp.instruction_count, &cp.vm);
        let behind = n < self.step_count;
        let closer_ahead = 3 * at > self.step_count;
        if behind || closer_ahead {
            self.vm = Some(copy.clone());
            self.instruction_count = at;
            self.step_count = 3 * at;
            self.next_phase = Phase::Fetch;
            self.current = None;
        }
        self.skip_to(n);
    }

    /// What the history holds now.
    pub fn history_stats(&self) -> HistoryStats {
        HistoryStats {
            checkpoints: self.checkpoints.len(),
            interval: self.checkpoint_interval,
            last_checkpoint: self.checkpoints.last().map_or(0, |c| c.instruction_count),
        }
    }

    /// Copies the machine if this is an instruction boundary `interval`
    /// instructions past the last copy; thins the history when it is full.
    fn maybe_checkpoint(&mut self) {
        if self.next_phase != Phase::Fetch {
            return;
        }
        let last = self.checkpoints.last().map_or(0, |c| c.instruction_count);
        if self.instruction_count < last + self.checkpoint_interval {
            return;
        }
        let Some(vm) = &self.vm else { return };
        if vm.exit_code.is_some() {
            return;
        }
        self.checkpoints.push(Checkpoint { instruction_count: self.instruction_count, vm: vm.clone() });
        if self.checkpoints.len() > MAX_CHECKPOINTS {
            // Keep the start and every other checkpoint after it.
            let mut index = 0;
            self.checkpoints.retain(|_| {
                index += 1;
                index % 2 == 1
            });
            self.checkpoint_interval *= 2;
        }
    }

    /// Jumps forward to step `n` without building events for the steps skipped.
    pub fn skip_to(&mut self, n: u64) {
        while self.step_count < n && !self.is_finished() {
            if self.next_phase == Phase::Fetch && n - self.step_count >= 3 {
                self.quiet_instruction();
            } else {
                let _ = self.step_quiet();
            }
        }
        self.refresh_snapshot();
    }

    /// One whole instruction in run mode (no events), at an instruction boundary.
    fn quiet_instruction(&mut self) {
        let vm = self.vm.as_mut().expect("vm");
        vm.step_instruction();
        self.instruction_count += 1;
        self.step_count += 3;
        self.maybe_checkpoint();
    }

    fn step_quiet(&mut self) -> Option<()> {
        self.step().map(|_| ())
    }

    /// Runs to the end in run mode (no events are built).
    pub fn run_to_end(&mut self) {
        while !self.is_finished() {
            if self.next_phase == Phase::Fetch {
                self.quiet_instruction();
            } else {
                self.step();
            }
        }
        self.refresh_snapshot();
    }

    /// The program's outcome so far (complete once finished).
    pub fn outcome(&self) -> RunOutcome {
        match (&self.vm, &self.failed) {
            (Some(vm), _) => vm.outcome(),
            (None, Some(f)) => f.clone(),
            (None, None) => RunOutcome { stdout: String::new(), stderr: String::new(), exit_code: 0, instructions: 0 },
        }
    }

    // ----- phases -------------------------------------------------------------

    /// Code objects the machine registered since (an `import` compiles the module's
    /// source then) join the listings, so every frame's `code_index` has its listing.
    fn sync_codes(&mut self) {
        let Some(vm) = &self.vm else { return };
        for entry in vm.codes.iter().skip(self.codes.len()) {
            self.listings.push(dis::instructions(&entry.code));
            self.codes.push(entry.code.clone());
        }
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn fetch(&mut self) -> Fetch {
        self.sync_codes();
        let vm = self.vm.as_ref().expect("vm");
        let f = vm.frames.last().expect("frame");
        let offset = f.ip as u32;
        let code = &f.code;
        let opcode_byte = code.code.get(f.ip).copied().unwrap_or(0);
        let oparg_byte = code.code.get(f.ip + 1).copied().unwrap_or(0);
        let op = Opcode::from_byte(opcode_byte);
        // EXTENDED_ARG prefixes already executed just before this instruction.
        let mut extended_args = Vec::new();
        if f.ext_arg != 0 || (f.ip >= 2 && code.code[f.ip - 2] == Opcode::EXTENDED_ARG as u8) {
            let mut at = f.ip;
            while at >= 2 && code.code[at - 2] == Opcode::EXTENDED_ARG as u8 {
                at -= 2;
                extended_args.insert(0, (at as u32, code.code[at + 1]));
            }
        }
        let cache_units = op.map_or(0, |o| o.cache_entries()) as u32;
        let next_offset = offset + 2 + 2 * cache_units;
        let oparg = oparg_byte as u32 | f.ext_arg;
        let name = op.map_or("<unknown>", |o| o.name());
        let mut explanation = format!(
            "Reads the 2 bytes at offset {offset}: opcode byte {opcode_byte} ({name}) and oparg byte {oparg_byte}"
        );
        if f.ext_arg != 0 {
            let _ = write!(explanation, ", with {} from EXTENDED_ARG as its high bits", f.ext_arg >> 8);
        }
        match cache_units {
            0 => explanation.push('.'),
            1 => explanation.push_str("; 1 CACHE unit follows and is skipped."),
            n => {
                let _ = write!(explanation, "; {n} CACHE units follow and are skipped.");
            }
        }
        self.current = Some(Current { code_index: f.code_index, offset, op, oparg });
        Fetch {
            code_index: f.code_index,
            qualname: code.qualname.to_string(),
            offset,
            opcode_byte,
            oparg_byte,
            extended_args,
            cache_units,
            next_offset,
            line: code.line_at(f.ip),
            explanation,
        }
    }

    fn decode(&mut self) -> Decode {
        let cur = self.current.clone().expect("decode before fetch");
        let Some(op) = cur.op else {
            return Decode {
                offset: cur.offset,
                opcode: 0,
                opname: "<unknown>".into(),
                oparg: None,
                argrepr: String::new(),
                lookup: None,
                explanation: "This byte is not a CPython 3.12 opcode.".into(),
            };
        };
        let ins = self.listings[cur.code_index].iter().find(|i| i.offset as u32 == cur.offset);
        let (argrepr, argval) = match (op, ins) {
            (Opcode::EXTENDED_ARG, _) | (_, None) => (String::new(), String::new()),
            (_, Some(i)) => (i.argrepr.clone(), i.argval.clone()),
        };
        let oparg = op.has_arg().then_some(cur.oparg);
        let lookup = oparg.and_then(|a| self.lookup(cur.code_index, op, a, &argval, &argrepr));
        let mut explanation = format!("Opcode {} is {}", op as u8, op.name());
        if let Some(a) = oparg {
            let _ = write!(explanation, " with argument {a}");
            if let Some(l) = &lookup {
                let _ = write!(explanation, ": {}", describe_lookup(l));
            }
        }
        // The opcode's own one-line description and stack notation are not repeated here:
        // the page has them from www/opcode-docs.js (generated from the opcode table), which
        // keeps 10 KB of prose out of the wasm.
        explanation.push('.');
        Decode {
            offset: cur.offset,
            opcode: op as u8,
            opname: op.name().to_string(),
            oparg,
            argrepr,
            lookup,
            explanation,
        }
    }

    /// Which table the oparg indexes, and what is found there.
    fn lookup(&self, code_index: usize, op: Opcode, arg: u32, argval: &str, argrepr: &str) -> Option<Lookup> {
        let code = &self.codes[code_index];
        let (table, index) = match op.arg_kind() {
            ArgKind::Const => (LookupTable::CoConsts, arg),
            ArgKind::Name => (LookupTable::CoNames, arg),
            ArgKind::GlobalName | ArgKind::AttrName => (LookupTable::CoNames, arg >> 1),
            ArgKind::SuperAttrName => (LookupTable::CoNames, arg >> 2),
            ArgKind::Local => (LookupTable::CoVarnames, arg),
            ArgKind::Free => (LookupTable::CoCellFree, arg),
            ArgKind::Compare => (LookupTable::CmpOp, arg >> 4),
            ArgKind::BinaryOp => (LookupTable::NbOps, arg),
            ArgKind::Intrinsic1 | ArgKind::Intrinsic2 => (LookupTable::Intrinsics, arg),
            ArgKind::JumpForward | ArgKind::JumpBackward => (LookupTable::JumpOffset, arg),
            _ => return None,
        };
        let value = match table {
            LookupTable::CoNames => code.names.get(index as usize).map(|n| n.to_string()).unwrap_or_default(),
            LookupTable::CoVarnames | LookupTable::CoCellFree => {
                code.localsplusnames.get(index as usize).map(|n| n.to_string()).unwrap_or_default()
            }
            LookupTable::JumpOffset => argval.to_string(),
            LookupTable::CoConsts => argrepr.to_string(),
            _ => argrepr.to_string(),
        };
        Some(Lookup { table, index, value })
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn execute(&mut self) -> Execute {
        let cur = self.current.take().expect("execute before fetch");
        let vm = self.vm.as_mut().expect("vm");
        let depth = vm.frames.len() - 1;
        let before = vm.frames[depth].stack.clone();
        let stdout_len = vm.stdout.len();
        vm.last_exception = None;
        // A collection during the instruction must not free what it popped:
        // the event below still describes those values.
        vm.pinned.clone_from(&before);
        vm.step_instruction();
        self.instruction_count += 1;
        let vm = self.vm.as_mut().expect("vm");

        let (after, ip_after) = match vm.frames.get(depth) {
            Some(f) if vm.frames.len() > depth => (f.stack.clone(), Some(f.ip as u32)),
            _ => (Vec::new(), None),
        };
        let common = before.iter().zip(&after).take_while(|(a, b)| a.is(**b)).count();
        let popped: Vec<StackValue> = before[common..].iter().map(|v| stack_value(vm, *v)).collect();
        let pushed: Vec<StackValue> = after[common..].iter().map(|v| stack_value(vm, *v)).collect();

        let frame_pushed = (vm.frames.len() > depth + 1).then(|| vm.frames[depth + 1].code.qualname.to_string());
        let frame_popped = (vm.frames.len() <= depth && vm.last_exception.is_none()).then(|| {
            let returned = vm.frames.last().and_then(|caller| caller.stack.last().copied());
            returned.map(|v| vm.safe_repr(v)).unwrap_or_else(|| "None".into())
        });
        let exception = vm.last_exception.map(|e| {
            let name = vm.type_name(Value::Obj(e));
            let msg = vm.exception_message(e);
            if msg.is_empty() { name } else { format!("{name}: {msg}") }
        });
        let output = substr(&vm.stdout, stdout_len..).to_string();
        vm.pinned.clear();

        let op = cur.op;
        let opname = op.map_or("<unknown>", |o| o.name()).to_string();
        let jump = op.and_then(|o| {
            let target = o.jump_target(cur.offset as usize, cur.oparg)? as u32;
            let natural = cur.offset + 2 + 2 * o.cache_entries() as u32;
            let taken = exception.is_none() && ip_after.is_some_and(|ip| ip != natural);
            Some(Jump { target, taken })
        });
        let argrepr = self.listings[cur.code_index]
            .iter()
            .find(|i| i.offset as u32 == cur.offset)
            .map(|i| i.argrepr.clone())
            .unwrap_or_default();
        let explanation = explain_execute(&opname, &argrepr, &popped, &pushed, &jump, &frame_pushed, &frame_popped, &output, &exception);
        Execute {
            offset: cur.offset,
            opname,
            popped,
            pushed,
            jump,
            frame_pushed,
            frame_popped,
            output,
            exception,
            explanation,
        }
    }

    // ----- snapshots ------------------------------------------------------------

    fn refresh_snapshot(&mut self) {
        let mut snap = empty_snapshot();
        snap.next_phase = self.next_phase;
        snap.step_count = self.step_count;
        snap.instruction_count = self.instruction_count;
        if let Some(failed) = &self.failed {
            snap.stderr = failed.stderr.clone();
            snap.finished = true;
            snap.exit_code = Some(failed.exit_code);
            self.snapshot = snap;
            return;
        }
        let current_offset = self.current.as_ref().map(|c| c.offset);
        let vm = self.vm.as_mut().expect("vm");
        let n = vm.frames.len();
        for i in 0..n {
            let f = &vm.frames[i];
            let offset = if i + 1 == n { current_offset.unwrap_or(f.ip as u32) } else { f.lasti as u32 };
            let (code_index, qualname) = (f.code_index, f.code.qualname.to_string());
            let line = f.code.line_at(offset as usize);
            let stack = f.stack.clone();
            let locals = frame_locals(vm, i);
            let stack = stack.into_iter().map(|v| stack_value(vm, v)).collect();
            snap.frames.push(FrameView { code_index, qualname, offset, line, locals, stack });
        }
        snap.stdout = vm.stdout.clone();
        snap.stderr = vm.stderr.clone();
        snap.finished = vm.exit_code.is_some();
        snap.exit_code = vm.exit_code;
        self.snapshot = snap;
    }
}

/// The position of the instruction a machine runs next (as `Session::position`).
fn vm_position(vm: &Vm) -> Position {
    match vm.frames.last() {
        Some(f) => (vm.frames.len(), Some(f.code_index), f.code.line_at(f.ip)),
        None => (0, None, None),
    }
}

fn empty_snapshot() -> Snapshot {
    Snapshot {
        next_phase: Phase::Fetch,
        step_count: 0,
        instruction_count: 0,
        frames: Vec::new(),
        stdout: String::new(),
        stderr: String::new(),
        finished: false,
        exit_code: None,
    }
}

fn stack_value(vm: &mut Vm, v: Value) -> StackValue {
    let type_name = if v.is_null() { "NULL".to_string() } else { vm.type_name(v) };
    StackValue { repr: vm.safe_repr(v), type_name }
}

/// Bound variables of frame `i`: a function's locals (cells read through),
/// or the names a module or class body defined.
fn frame_locals(vm: &mut Vm, i: usize) -> Vec<Variable> {
    let f = &vm.frames[i];
    let mut pairs: Vec<(String, Value)> = Vec::new();
    if let Some(ns) = f.names {
        if let Object::Dict(d) = vm.heap.get(ns) {
            for (k, v) in d.iter() {
                if let Some(Object::Str(name)) = k.obj().map(|id| vm.heap.get(id)) {
                    if !(name.starts_with("__") && name.ends_with("__")) {
                        pairs.push((name.to_string(), v));
                    }
                }
            }
        }
    } else {
        for (name, v) in f.code.localsplusnames.iter().zip(&f.locals) {
            let v = match v.obj().map(|id| vm.heap.get(id)) {
                Some(Object::Cell(inner)) => *inner,
                _ => *v,
            };
            if !v.is_null() {
                pairs.push((name.to_string(), v));
            }
        }
    }
    pairs
        .into_iter()
        .map(|(name, v)| Variable { name, repr: vm.safe_repr(v), type_name: vm.type_name(v) })
        .collect()
}

fn describe_lookup(l: &Lookup) -> String {
    match l.table {
        LookupTable::CoConsts => format!("co_consts[{}] is {}", l.index, l.value),
        LookupTable::CoNames => format!("co_names[{}] is '{}'", l.index, l.value),
        LookupTable::CoVarnames => format!("local variable {} is '{}'", l.index, l.value),
        LookupTable::CoCellFree => format!("cell/free variable {} is '{}'", l.index, l.value),
        LookupTable::CmpOp => format!("comparison {} is {}", l.index, l.value),
        LookupTable::NbOps => format!("operator {} is {}", l.index, l.value),
        LookupTable::Intrinsics => format!("intrinsic {} is {}", l.index, l.value),
        LookupTable::JumpOffset => format!("the jump goes to offset {}", l.value),
    }
}

/// "1", "1 and 2", "1, 2 and 3".
fn list_values(values: &[StackValue]) -> String {
    let reprs: Vec<&str> = values.iter().map(|v| v.repr.as_str()).collect();
    match reprs.len() {
        0 => String::new(),
        1 => reprs[0].to_string(),
        n => format!("{} and {}", reprs[..n - 1].join(", "), reprs[n - 1]),
    }
}

#[allow(clippy::too_many_arguments)]
fn explain_execute(
    opname: &str,
    argrepr: &str,
    popped: &[StackValue],
    pushed: &[StackValue],
    jump: &Option<Jump>,
    frame_pushed: &Option<String>,
    frame_popped: &Option<String>,
    output: &str,
    exception: &Option<String>,
) -> String {
    let mut s = opname.to_string();
    if !argrepr.is_empty() {
        s.push(' ');
        s.push_str(argrepr);
    }
    let mut parts = Vec::new();
    if !popped.is_empty() {
        parts.push(format!("pops {}", list_values(popped)));
    }
    if !pushed.is_empty() {
        parts.push(format!("pushes {}", list_values(pushed)));
    }
    if parts.is_empty() {
        parts.push("leaves the stack unchanged".to_string());
    }
    s.push(' ');
    s.push_str(&parts.join(" and "));
    if let Some(j) = jump {
        if j.taken {
            let _ = write!(s, ", then jumps to offset {}", j.target);
        } else {
            s.push_str(", and does not jump");
        }
    }
    if let Some(q) = frame_pushed {
        let _ = write!(s, "; a new frame runs {q}");
    }
    if let Some(r) = frame_popped {
        let _ = write!(s, "; the frame ends, returning {r}");
    }
    if !output.is_empty() {
        let _ = write!(s, "; prints {}", crate::runtime::repr::str_repr(output));
    }
    if let Some(e) = exception {
        let _ = write!(s, "; raises {e}");
    }
    s.push('.');
    s
}

impl Vm {
    /// `str(exc)`, without running Python code.
    fn exception_message(&mut self, e: crate::runtime::value::ObjId) -> String {
        let args = self.exc_data(e).map(|d| d.args.clone()).unwrap_or_default();
        match args.as_slice() {
            [] => String::new(),
            [one] => match one.obj().map(|id| self.heap.get(id)) {
                Some(Object::Str(s)) => s.to_string(),
                _ => self.safe_repr(*one),
            },
            _ => {
                let t = self.new_tuple(args);
                self.safe_repr(t)
            }
        }
    }
}
