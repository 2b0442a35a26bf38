//! The eval loop: fetch one instruction of the top frame, run its handler,
//! and unwind through the exception table when a handler raises.

use super::frame::{Frame, OnReturn};
use super::types::TypeId;
use super::{Exc, PyResult, Vm};
use crate::bytecode::Opcode;
use crate::runtime::dict::Dict;
use crate::runtime::object::{Args, BuiltinFn, Function, Generator, Object};
use crate::runtime::value::Value;
use std::rc::Rc;

/// An address on the current native stack frame.
#[inline(always)]
pub(super) fn stack_position() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

/// Opcode byte -> (opcode, CACHE units), precomputed from the opcode table.
pub(super) static DECODE: std::sync::LazyLock<[Option<(Opcode, u8)>; 256]> = std::sync::LazyLock::new(|| {
    let mut t = [None; 256];
    for &op in Opcode::ALL {
        t[op as usize] = Some((op, op.cache_entries() as u8));
    }
    t
});

/// How a frame run by `Vm::run_frame` handed control back.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FrameExit {
    Return(Value),
    Yield(Value),
}

impl Vm {
    /// Runs the program until it ends.
    pub fn run_to_end(&mut self) {
        if self.trace.is_some() {
            while self.exit_code.is_none() {
                self.step_instruction();
            }
            return;
        }
        // Run mode: the same instructions without the per-step bookkeeping.
        self.stack_base = stack_position();
        self.run_loop(false);
    }

    /// Executes one instruction of the top frame (including any Python code a
    /// builtin it calls runs in a nested loop), then unwinds if it raised.
    pub fn step_instruction(&mut self) {
        if self.exit_code.is_some() {
            return;
        }
        if self.limits.max_instructions.is_some_and(|max| self.instructions >= max) {
            return self.stop_by_steps();
        }
        if self.nesting == 0 {
            self.stack_base = stack_position();
        }
        let depth = self.frames.len() - 1;
        let trace_slot = self.trace_before();
        let result = self.execute_instruction();
        if let Some(slot) = trace_slot {
            self.trace_after(slot, depth);
        }
        if let Err(exc) = result {
            self.raise(exc);
        }
        if self.stdout.len() + self.stderr.len() > self.limits.max_output_bytes {
            return self.stop_by_output();
        }
        self.maybe_collect();
    }

    /// Ends the program because a budget ran out: not a Python exception (a
    /// `try` cannot swallow it), a notice on stderr and a distinct status.
    fn stop_by_budget(&mut self, notice: &str) {
        self.stderr.push_str(notice);
        self.exit_code = Some(crate::runtime::limits::STOPPED_EXIT_CODE);
    }

    pub(super) fn stop_by_steps(&mut self) {
        let notice = self.limits.steps_notice();
        self.stop_by_budget(&notice);
    }

    pub(super) fn stop_by_output(&mut self) {
        self.truncate_output();
        let notice = self.limits.output_notice();
        self.stop_by_budget(&notice);
    }

    /// Cuts stdout, then stderr, to the output limit (at a char boundary).
    fn truncate_output(&mut self) {
        let max = self.limits.max_output_bytes;
        let cut = |s: &mut String, keep: usize| {
            if s.len() > keep {
                let mut at = keep;
                while !s.is_char_boundary(at) {
                    at -= 1;
                }
                s.truncate(at);
            }
        };
        cut(&mut self.stdout, max);
        let room = max - self.stdout.len();
        cut(&mut self.stderr, room);
    }

    /// Whether this point of the native stack is deeper than the budget
    /// allows below the outermost instruction.
    pub(super) fn native_stack_exhausted(&self) -> bool {
        self.nesting >= self.limits.max_nested_runs
            || self.stack_base != 0 && stack_position().abs_diff(self.stack_base) > self.limits.native_stack_bytes
    }

    /// RecursionError (CPython's wording for its C recursion limit) when a
    /// Rust-recursive helper — repr or comparison of nested containers —
    /// would go deeper than the native stack budget.
    pub(super) fn enter_native(&mut self, what: &str) -> PyResult<()> {
        if self.native_stack_exhausted() {
            return Err(self.exc(TypeId::RecursionError, format!("maximum recursion depth exceeded{what}")));
        }
        Ok(())
    }

    /// Runs `frame` to its return (or yield) in a nested loop; used when Rust
    /// code (a builtin, an operator's dunder method) needs a Python result.
    pub fn run_frame(&mut self, mut frame: Box<Frame>) -> PyResult<FrameExit> {
        if self.nesting >= super::MAX_NESTING {
            return Err(self.exc(TypeId::RecursionError, "maximum recursion depth exceeded"));
        }
        frame.on_return = OnReturn::Nested;
        self.push_frame(frame)?;
        self.run_nested()
    }

    /// Runs the (nested) top frame until it hands control back.
    pub(super) fn run_nested(&mut self) -> PyResult<FrameExit> {
        self.nesting += 1;
        let result = loop {
            if let Some(exit) = self.nested_exit.take() {
                break exit;
            }
            if self.exit_code.is_some() {
                break Ok(FrameExit::Return(Value::None));
            }
            // Trace mode records nested frames' instructions too.
            if self.trace.is_some() {
                self.step_instruction();
            } else {
                self.run_loop(true);
            }
            if let Some(exit) = self.nested_exit.take() {
                break exit;
            }
            if self.exit_code.is_some() {
                break Ok(FrameExit::Return(Value::None));
            }
        };
        self.nesting -= 1;
        result
    }

    pub fn push_frame(&mut self, frame: Box<Frame>) -> PyResult<()> {
        // Python code a builtin calls runs in a nested Rust loop: bound the
        // native stack those use too (a wasm stack is only 1 MiB).
        let deep_native = self.nesting > 0 && self.native_stack_exhausted();
        if self.frames.len() >= self.limits.recursion_depth || deep_native {
            return Err(self.exc(TypeId::RecursionError, "maximum recursion depth exceeded"));
        }
        self.frames.push(frame);
        Ok(())
    }

    /// `co_consts[i]` of the running frame's code as a value (None if out of range).
    fn frame_const(&mut self, i: usize) -> Value {
        let index = self.frame().code_index;
        self.codes.get(index).and_then(|c| c.consts.get(i)).copied().unwrap_or(Value::None)
    }

    // Under opt-level "z" `Option::expect` and `Vec::push` stay calls: `frame`
    // panics through a cold function instead, and `push`/`pop` are one call
    // each (inlined at opt-level 3) with nothing left to call inside.
    #[inline(always)]
    fn frame(&mut self) -> &mut Frame {
        match self.frames.last_mut() {
            Some(f) => f,
            None => no_frame(),
        }
    }

    #[inline]
    pub(super) fn push(&mut self, v: Value) {
        super::run_loop::push(&mut self.frame().stack, v);
    }

    #[inline]
    pub(super) fn pop(&mut self) -> Value {
        match self.frame().stack.pop() {
            Some(v) => v,
            None => Value::Null,
        }
    }

    fn pop_n(&mut self, n: usize) -> Vec<Value> {
        let stack = &mut self.frame().stack;
        let at = stack.len().saturating_sub(n);
        stack.split_off(at)
    }

    /// The top `n` values as a call's arguments, in a vector from the spare
    /// pool (`Vm::recycle_args` gives it back after a builtin call).
    fn pop_args(&mut self, n: usize) -> Vec<Value> {
        let mut args = self.spare_values.pop().unwrap_or_default();
        let stack = &mut self.frames.last_mut().expect("no frame").stack;
        let at = stack.len().saturating_sub(n);
        args.extend_from_slice(&stack[at..]);
        stack.truncate(at);
        args
    }

    #[inline(always)]
    fn top(&mut self) -> Value {
        self.frame().stack.last().copied().unwrap_or(Value::Null)
    }

    /// The value `n` places down (1 = top).
    #[inline(always)]
    fn peek(&mut self, n: usize) -> Value {
        let stack = &self.frame().stack;
        stack.get(stack.len().wrapping_sub(n)).copied().unwrap_or(Value::Null)
    }

    fn jump_by(&mut self, units: u32, forward: bool) {
        let f = self.frame();
        if forward {
            f.ip += 2 * units as usize;
        } else {
            f.ip = f.ip.saturating_sub(2 * units as usize);
        }
    }

    fn name(&mut self, i: u32) -> Rc<str> {
        let code = &self.frame().code;
        code.names.get(i as usize).cloned().unwrap_or_else(|| Rc::from("?"))
    }

    pub(super) fn execute_instruction(&mut self) -> PyResult<()> {
        self.instructions += 1;
        let f = self.frames.last_mut().expect("no frame");
        let ip = f.ip;
        let (Some(&byte), Some(&arg_byte)) = (f.code.code.get(ip), f.code.code.get(ip + 1)) else {
            return Err(self.exc(TypeId::RuntimeError, "pvm: the instruction pointer left the code"));
        };
        let arg = arg_byte as u32 | f.ext_arg;
        f.ext_arg = 0;
        f.lasti = ip;
        let Some((op, caches)) = DECODE[byte as usize] else {
            return Err(self.exc(TypeId::RuntimeError, format!("pvm: unknown opcode {byte}")));
        };
        f.ip = ip + 2 + 2 * caches as usize;
        self.dispatch(op, arg)
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    pub(super) fn dispatch(&mut self, op: Opcode, arg: u32) -> PyResult<()> {
        use Opcode::*;
        match op {
            NOP => {}
            RESUME => self.frame().resumed = true,
            EXTENDED_ARG => self.frame().ext_arg = arg << 8,
            POP_TOP => {
                let v = self.pop();
                self.release(v);
            }
            PUSH_NULL => self.push(Value::Null),
            END_FOR => {
                self.pop_n(2);
            }
            END_SEND => {
                let v = self.pop();
                self.pop();
                self.push(v);
            }
            COPY => {
                let v = self.peek(arg as usize);
                self.push(v);
            }
            SWAP => {
                let stack = &mut self.frame().stack;
                let n = stack.len();
                if arg as usize <= n && arg >= 1 {
                    stack.swap(n - 1, n - arg as usize);
                }
            }
            UNARY_NEGATIVE => {
                let v = self.pop();
                let r = self.negate(v)?;
                self.push(r);
            }
            UNARY_NOT => {
                let v = self.pop();
                let b = self.truthy(v)?;
                self.push(Value::Bool(!b));
            }
            UNARY_INVERT => {
                let v = self.pop();
                let r = self.invert(v)?;
                self.push(r);
            }
            BINARY_OP => {
                let rhs = self.pop();
                let lhs = self.pop();
                let r = self.binary_op(lhs, rhs, arg)?;
                self.push(r);
            }
            COMPARE_OP => {
                let rhs = self.pop();
                let lhs = self.pop();
                let r = self.compare(lhs, rhs, (arg >> 4) as usize)?;
                self.push(r);
            }
            IS_OP => {
                let rhs = self.pop();
                let lhs = self.pop();
                self.push(Value::Bool(lhs.is(rhs) != (arg == 1)));
            }
            CONTAINS_OP => {
                let container = self.pop();
                let item = self.pop();
                let found = self.contains(container, item)?;
                self.push(Value::Bool(found != (arg == 1)));
            }
            BINARY_SUBSCR => {
                let sub = self.pop();
                let container = self.pop();
                let r = self.getitem(container, sub)?;
                self.push(r);
            }
            STORE_SUBSCR => {
                let sub = self.pop();
                let container = self.pop();
                let v = self.pop();
                self.setitem(container, sub, v)?;
            }
            DELETE_SUBSCR => {
                let sub = self.pop();
                let container = self.pop();
                self.delitem(container, sub)?;
            }
            BINARY_SLICE => {
                let stop = self.pop();
                let start = self.pop();
                let container = self.pop();
                let slice = self.new_slice(start, stop, Value::None);
                let r = self.getitem(container, slice)?;
                self.push(r);
            }
            STORE_SLICE => {
                let stop = self.pop();
                let start = self.pop();
                let container = self.pop();
                let v = self.pop();
                let slice = self.new_slice(start, stop, Value::None);
                self.setitem(container, slice, v)?;
            }
            BUILD_SLICE => {
                let step = if arg == 3 { self.pop() } else { Value::None };
                let stop = self.pop();
                let start = self.pop();
                let s = self.new_slice(start, stop, step);
                self.push(s);
            }
            LOAD_CONST => {
                let v = self.frame_const(arg as usize);
                self.push(v);
            }
            RETURN_CONST => {
                let v = self.frame_const(arg as usize);
                self.return_value(v)?;
            }
            RETURN_VALUE => {
                let v = self.pop();
                self.return_value(v)?;
            }
            LOAD_FAST | LOAD_FAST_CHECK => {
                let v = self.frame().locals[arg as usize];
                if v.is_null() {
                    return Err(self.unbound_local(arg));
                }
                self.push(v);
            }
            LOAD_FAST_AND_CLEAR => {
                let v = std::mem::replace(&mut self.frame().locals[arg as usize], Value::Null);
                self.push(v);
            }
            STORE_FAST => {
                let v = self.pop();
                let old = std::mem::replace(&mut self.frame().locals[arg as usize], v);
                self.release(old);
            }
            DELETE_FAST => {
                if self.frame().locals[arg as usize].is_null() {
                    return Err(self.unbound_local(arg));
                }
                self.frame().locals[arg as usize] = Value::Null;
            }
            LOAD_GLOBAL => {
                if arg & 1 == 1 {
                    self.push(Value::Null);
                }
                let globals = self.frame().globals;
                let v = match self.cached_get(globals, arg >> 1, 1) {
                    Some(v) => v,
                    None => match self.cached_get(self.builtins, arg >> 1, 2) {
                        Some(v) => v,
                        None => {
                            let name = self.name(arg >> 1);
                            return Err(self.name_error(&name));
                        }
                    },
                };
                self.push(v);
            }
            STORE_GLOBAL => {
                let name = self.name(arg);
                let v = self.pop();
                let globals = self.frame().globals;
                self.store_name_in(globals, &name, v);
            }
            DELETE_GLOBAL => {
                let name = self.name(arg);
                let globals = self.frame().globals;
                if !self.delete_name_in(globals, &name) {
                    return Err(self.name_error(&name));
                }
            }
            LOAD_NAME => {
                let ns = self.namespace();
                let globals = self.frame().globals;
                let found = match self.cached_get(ns, arg, 0) {
                    Some(v) => Some(v),
                    None if ns != globals => self.cached_get(globals, arg, 1),
                    None => None,
                };
                let v = match found.or_else(|| self.cached_get(self.builtins, arg, 2)) {
                    Some(v) => v,
                    None => {
                        let name = self.name(arg);
                        return Err(self.name_error(&name));
                    }
                };
                self.push(v);
            }
            STORE_NAME => {
                let v = self.pop();
                let ns = self.namespace();
                if !self.cached_set(ns, arg, v) {
                    let name = self.name(arg);
                    self.store_name_in(ns, &name, v);
                    // The next store of this name (a loop's) hits the cache.
                    self.cached_get(ns, arg, 0);
                }
            }
            DELETE_NAME => {
                let name = self.name(arg);
                let ns = self.namespace();
                if !self.delete_name_in(ns, &name) {
                    return Err(self.name_error(&name));
                }
            }
            LOAD_FROM_DICT_OR_GLOBALS => {
                let name = self.name(arg);
                let mapping = self.pop();
                let v = match mapping.obj().and_then(|d| self.dict_get_str(d, &name)) {
                    Some(v) => v,
                    None => {
                        let globals = self.frame().globals;
                        self.load_global(globals, &name)?
                    }
                };
                self.push(v);
            }
            LOAD_ATTR => {
                let name = self.name(arg >> 1);
                let owner = self.pop();
                if arg & 1 == 1 {
                    let (a, b) = self.load_method(owner, &name)?;
                    self.push(a);
                    self.push(b);
                } else {
                    let v = self.getattr(owner, &name)?;
                    self.push(v);
                }
            }
            STORE_ATTR => {
                let name = self.name(arg);
                let owner = self.pop();
                let v = self.pop();
                self.setattr(owner, &name, v)?;
            }
            DELETE_ATTR => {
                let name = self.name(arg);
                let owner = self.pop();
                self.delattr(owner, &name)?;
            }
            LOAD_SUPER_ATTR => {
                let name = self.name(arg >> 2);
                let receiver = self.pop();
                let class = self.pop();
                let _global_super = self.pop();
                let sup = self.make_super(class, receiver)?;
                if arg & 1 == 1 {
                    let (a, b) = self.load_method(sup, &name)?;
                    self.push(a);
                    self.push(b);
                } else {
                    let v = self.getattr(sup, &name)?;
                    self.push(v);
                }
            }
            BUILD_TUPLE => {
                let items = self.pop_n(arg as usize);
                let t = self.new_tuple(items);
                self.push(t);
            }
            BUILD_LIST => {
                let items = self.pop_n(arg as usize);
                let l = self.new_list(items);
                self.push(l);
            }
            BUILD_SET => {
                let items = self.pop_n(arg as usize);
                let s = self.new_set(items, false)?;
                self.push(s);
            }
            BUILD_MAP => {
                let items = self.pop_n(2 * arg as usize);
                let d = self.new_dict();
                for pair in items.chunks(2) {
                    self.dict_set(d, pair[0], pair[1])?;
                }
                self.push(Value::Obj(d));
            }
            BUILD_CONST_KEY_MAP => {
                let keys = self.pop();
                let values = self.pop_n(arg as usize);
                let keys = self.sequence_items(keys)?;
                let d = self.new_dict();
                for (k, v) in keys.into_iter().zip(values) {
                    self.dict_set(d, k, v)?;
                }
                self.push(Value::Obj(d));
            }
            BUILD_STRING => self.build_string(arg as usize)?,
            LIST_APPEND => {
                let v = self.pop();
                let list = self.peek(arg as usize);
                if let Some(Object::List(items)) = list.obj().map(|id| self.heap.get_mut(id)) {
                    items.push(v);
                }
            }
            LIST_EXTEND => {
                let iterable = self.pop();
                let list = self.peek(arg as usize);
                let items = self.collect_hinted(iterable)?;
                if let Some(Object::List(l)) = list.obj().map(|id| self.heap.get_mut(id)) {
                    l.extend(items);
                }
            }
            SET_ADD => {
                let v = self.pop();
                let set = self.peek(arg as usize);
                self.set_add(set, v)?;
            }
            SET_UPDATE => {
                let iterable = self.pop();
                let set = self.peek(arg as usize);
                for v in self.collect_iterable(iterable)? {
                    self.set_add(set, v)?;
                }
            }
            MAP_ADD => {
                let v = self.pop();
                let k = self.pop();
                let d = self.peek(arg as usize);
                if let Some(d) = d.obj() {
                    self.dict_set(d, k, v)?;
                }
            }
            DICT_UPDATE | DICT_MERGE => {
                let update = self.pop();
                let d = self.peek(arg as usize);
                self.dict_update(d, update, op == DICT_MERGE)?;
            }
            UNPACK_SEQUENCE => {
                let stack = match self.frames.last_mut() {
                    Some(f) => &mut f.stack,
                    None => no_frame(),
                };
                if super::ops::unpack_exact(&self.heap, stack, arg as usize) {
                    return Ok(());
                }
                let seq = self.pop();
                let items = self.unpack(seq, arg as usize)?;
                self.frame().stack.extend(items.into_iter().rev());
            }
            UNPACK_EX => {
                let seq = self.pop();
                let before = (arg & 0xFF) as usize;
                let after = (arg >> 8) as usize;
                let items = match self.collect_hinted(seq) {
                    Ok(items) => items,
                    Err(e) => return Err(self.unpack_error(seq, e)),
                };
                if items.len() < before + after {
                    let msg = format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        before + after,
                        items.len()
                    );
                    return self.value_error(msg);
                }
                let rest = items[before..items.len() - after].to_vec();
                let rest = self.new_list(rest);
                let mut out: Vec<Value> = items[..before].to_vec();
                out.push(rest);
                out.extend_from_slice(&items[items.len() - after..]);
                self.frame().stack.extend(out.into_iter().rev());
            }
            GET_ITER | GET_YIELD_FROM_ITER => {
                let v = self.pop();
                let it = if op == GET_YIELD_FROM_ITER && self.is_generator(v) { v } else { self.iter(v)? };
                self.push(it);
            }
            FOR_ITER => {
                let it = self.top();
                match self.next(it)? {
                    Some(v) => self.push(v),
                    None => {
                        self.pop();
                        // Jump to the END_FOR at the target and past it.
                        self.jump_by(arg + 1, true);
                    }
                }
            }
            JUMP_FORWARD => self.jump_by(arg, true),
            JUMP_BACKWARD | JUMP_BACKWARD_NO_INTERRUPT => self.jump_by(arg, false),
            POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE => {
                let v = self.pop();
                let b = self.truthy(v)?;
                if b == (op == POP_JUMP_IF_TRUE) {
                    self.jump_by(arg, true);
                }
            }
            POP_JUMP_IF_NONE | POP_JUMP_IF_NOT_NONE => {
                let v = self.pop();
                if matches!(v, Value::None) == (op == POP_JUMP_IF_NONE) {
                    self.jump_by(arg, true);
                }
            }
            MAKE_FUNCTION => self.make_function(arg)?,
            KW_NAMES => self.frame().kw_names = Some(arg as usize),
            CALL => self.call_instruction(arg as usize)?,
            CALL_FUNCTION_EX => {
                let kwargs = if arg & 1 == 1 { self.pop() } else { Value::Null };
                let callargs = self.pop();
                let func = self.pop();
                let _null = self.pop();
                let mut args = Args::new(self.collect_hinted(callargs)?);
                if let Some(d) = kwargs.obj() {
                    if let Object::Dict(d) = self.heap.get(d) {
                        let pairs: Vec<(Value, Value)> = d.iter().collect();
                        for (k, v) in pairs {
                            let k = self.str_of(k)?;
                            args.kw.push((Rc::from(k), v));
                        }
                    }
                }
                self.call_inline(func, args)?;
            }
            CALL_INTRINSIC_1 => {
                let v = self.pop();
                let r = self.intrinsic_1(arg, v)?;
                self.push(r);
            }
            CALL_INTRINSIC_2 => {
                let v1 = self.pop();
                let v2 = self.pop();
                // INTRINSIC_PREP_RERAISE_STAR (1) passes the exception on; 2..=4 are PEP 695's.
                let r = if arg == 1 { v2 } else { self.type_param_intrinsic_2(arg, v2, v1)? };
                self.push(r);
            }
            LOAD_BUILD_CLASS => {
                let v = self.dict_get_str(self.builtins, &Rc::from("__build_class__")).unwrap_or(Value::None);
                self.push(v);
            }
            LOAD_LOCALS => {
                let ns = self.namespace();
                self.push(Value::Obj(ns));
            }
            SETUP_ANNOTATIONS => {
                let ns = self.namespace();
                if self.dict_get_str(ns, &Rc::from("__annotations__")).is_none() {
                    let d = self.new_dict();
                    self.set_item_str(ns, "__annotations__", Value::Obj(d));
                }
            }
            MAKE_CELL => {
                let v = self.frame().locals[arg as usize];
                let cell = self.heap.alloc(Object::Cell(v));
                self.frame().locals[arg as usize] = Value::Obj(cell);
            }
            COPY_FREE_VARS => {
                let closure = match self.frame().func.map(|f| self.heap.get(f)) {
                    Some(Object::Function(f)) => f.closure.clone(),
                    _ => Vec::new(),
                };
                let f = self.frame();
                let start = f.locals.len() - arg as usize;
                for (i, c) in closure.into_iter().enumerate().take(arg as usize) {
                    f.locals[start + i] = c;
                }
            }
            LOAD_CLOSURE => {
                let v = self.frame().locals[arg as usize];
                self.push(v);
            }
            LOAD_DEREF => {
                let v = self.load_deref(arg)?;
                self.push(v);
            }
            LOAD_FROM_DICT_OR_DEREF => {
                let mapping = self.pop();
                let name = self.frame().code.localsplusnames[arg as usize].clone();
                let v = match mapping.obj().and_then(|d| self.dict_get_str(d, &name)) {
                    Some(v) => v,
                    None => self.load_deref(arg)?,
                };
                self.push(v);
            }
            STORE_DEREF => {
                let v = self.pop();
                let cell = self.frame().locals[arg as usize];
                if let Some(Object::Cell(c)) = cell.obj().map(|id| self.heap.get_mut(id)) {
                    *c = v;
                }
            }
            DELETE_DEREF => {
                let cell = self.frame().locals[arg as usize];
                if let Some(Object::Cell(c)) = cell.obj().map(|id| self.heap.get_mut(id)) {
                    *c = Value::Null;
                }
            }
            RAISE_VARARGS => return self.raise_varargs(arg),
            RERAISE => {
                let exc = self.pop();
                // The handler is still looked up from this instruction, but a
                // handler that records lasti gets the original raise site.
                if arg > 0 {
                    if let Value::Int(lasti, _) = self.peek(arg as usize) {
                        self.reraise_lasti = Some(lasti as usize);
                    }
                }
                self.reraising = true;
                return Err(Exc(exc.obj().expect("RERAISE of a non-exception")));
            }
            PUSH_EXC_INFO => {
                let exc = self.pop();
                let prev = std::mem::replace(&mut self.exc_info, exc);
                self.push(prev);
                self.push(exc);
            }
            POP_EXCEPT => {
                self.exc_info = self.pop();
            }
            CHECK_EXC_MATCH => {
                let class = self.pop();
                let exc = self.top();
                let ok = self.exception_matches(exc, class)?;
                self.push(Value::Bool(ok));
            }
            LOAD_ASSERTION_ERROR => {
                let t = self.type_obj(TypeId::AssertionError);
                self.push(Value::Obj(t));
            }
            BEFORE_WITH => {
                let mgr = self.pop();
                let exit = self.getattr(mgr, "__exit__").map_err(|_| ()).ok();
                let enter = self.getattr(mgr, "__enter__").map_err(|_| ()).ok();
                let (Some(exit), Some(enter)) = (exit, enter) else {
                    let t = self.type_name(mgr);
                    return self.type_error(format!(
                        "'{t}' object does not support the context manager protocol"
                    ));
                };
                self.push(exit);
                let r = self.call(enter, Args::default())?;
                self.push(r);
            }
            WITH_EXCEPT_START => {
                let val = self.peek(1);
                let exit = self.peek(4);
                let t = self.type_of(val);
                let r = self.call(exit, Args::new(vec![Value::Obj(t), val, Value::None]))?;
                self.push(r);
            }
            RETURN_GENERATOR => self.return_generator()?,
            YIELD_VALUE => {
                let v = self.pop();
                let frame = self.frames.pop().expect("no frame");
                let (on_return, frame_generator) = (frame.on_return, frame.generator);
                if let Some(g) = frame.generator {
                    if let Object::Generator(gen) = self.heap.get_mut(g) {
                        gen.frame = Some(frame);
                        gen.running = false;
                    }
                }
                match (on_return, frame_generator) {
                    (OnReturn::ForIter { .. }, _) => self.push(v),
                    (OnReturn::Sum { total }, Some(g)) => return self.sum_rest(Value::Obj(g), total, v),
                    _ => self.nested_exit = Some(Ok(FrameExit::Yield(v))),
                }
            }
            SEND => {
                let v = self.pop();
                let receiver = self.top();
                match self.send(receiver, v)? {
                    FrameExit::Yield(y) => self.push(y),
                    FrameExit::Return(r) => {
                        self.push(r);
                        self.jump_by(arg, true);
                    }
                }
            }
            FORMAT_VALUE => {
                let spec = if arg & 0x04 != 0 { Some(self.pop()) } else { None };
                let v = self.pop();
                let v = match arg & 0x03 {
                    1 => self.str_value(v)?,
                    2 => self.repr_value(v)?,
                    3 => self.ascii_value(v)?,
                    _ => v,
                };
                let r = match spec {
                    Some(spec) => {
                        let spec = self.str_of(spec)?;
                        self.format_value(v, &spec)?
                    }
                    None => self.format_plain(v)?,
                };
                self.push(r);
            }
            IMPORT_NAME => {
                let name = self.name(arg);
                let fromlist = self.pop();
                let _level = self.pop();
                let m = self.import(&name, fromlist)?;
                self.push(m);
            }
            IMPORT_FROM => {
                let name = self.name(arg);
                let module = self.top();
                let v = match self.getattr(module, &name) {
                    Ok(v) => v,
                    Err(_) => {
                        let m = match module.obj().map(|i| self.heap.get(i)) {
                            Some(Object::Module { name, .. }) => name.to_string(),
                            _ => "?".into(),
                        };
                        let msg = format!("cannot import name '{name}' from '{m}' (unknown location)");
                        return Err(self.exc(TypeId::ImportError, msg));
                    }
                };
                self.push(v);
            }
            GET_LEN => {
                let v = self.top();
                let n = self.len(v)?;
                self.push(Value::int(n as i64));
            }
            MATCH_MAPPING => {
                let subject = self.top();
                let is_map = matches!(subject.obj().map(|i| self.heap.get(i)), Some(Object::Dict(_)));
                self.push(Value::Bool(is_map));
            }
            MATCH_SEQUENCE => {
                let subject = self.top();
                let is_seq = matches!(
                    subject.obj().map(|i| self.heap.get(i)),
                    Some(Object::List(_) | Object::Tuple(_) | Object::Range { .. })
                );
                self.push(Value::Bool(is_seq));
            }
            MATCH_KEYS => {
                let keys = self.top();
                let subject = self.peek(2);
                let r = self.match_keys(subject, keys)?;
                self.push(r);
            }
            MATCH_CLASS => {
                let names = self.pop();
                let class = self.pop();
                let subject = self.pop();
                let r = self.match_class(subject, class, arg as usize, names)?;
                self.push(r);
            }
            CACHE | RESERVED | INTERPRETER_EXIT
            | CHECK_EG_MATCH | GET_AITER | GET_ANEXT | BEFORE_ASYNC_WITH | END_ASYNC_FOR | CLEANUP_THROW
            | GET_AWAITABLE => {
                return Err(self.exc(
                    TypeId::RuntimeError,
                    format!("pvm does not support the {} instruction yet", op.name()),
                ))
            }
        }
        Ok(())
    }

    /// MATCH_KEYS: the subject's values for `keys`, or None if one is missing.
    fn match_keys(&mut self, subject: Value, keys: Value) -> PyResult<Value> {
        let keys = self.sequence_items(keys)?;
        let Some(d) = subject.obj() else { return Ok(Value::None) };
        let mut values = Vec::with_capacity(keys.len());
        for k in keys {
            match self.dict_get(d, k)? {
                Some(v) => values.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(self.new_tuple(values))
    }

    /// MATCH_CLASS: the attributes a class pattern extracts, or None.
    fn match_class(&mut self, subject: Value, class: Value, count: usize, names: Value) -> PyResult<Value> {
        let Some(cls) = class.obj().filter(|c| matches!(self.heap.get(*c), Object::Class(_))) else {
            return self.type_error("called match pattern must be a class");
        };
        if !self.is_subclass(self.type_of(subject), cls) {
            return Ok(Value::None);
        }
        let mut attrs = Vec::new();
        if count > 0 {
            let builtin_self = matches!(self.heap.get(cls), Object::Class(c) if c.builtin.is_some());
            if builtin_self && self.lookup_user_attr(cls, "__match_args__").is_none() {
                if count > 1 {
                    let name = self.class_name(cls);
                    return self.type_error(format!("{name}() accepts 1 positional sub-pattern ({count} given)"));
                }
                attrs.push(subject);
            } else {
                let match_args = match self.lookup_user_attr(cls, "__match_args__") {
                    Some(m) => self.sequence_items(m)?,
                    None => Vec::new(),
                };
                if count > match_args.len() {
                    let name = self.class_name(cls);
                    let n = match_args.len();
                    let s = if n == 1 { "" } else { "s" };
                    return self.type_error(format!("{name}() accepts {n} positional sub-pattern{s} ({count} given)"));
                }
                for a in &match_args[..count] {
                    let a = self.str_of(*a)?;
                    match self.getattr(subject, &a) {
                        Ok(v) => attrs.push(v),
                        Err(e) if self.is_subclass(self.type_of(Value::Obj(e.0)), self.type_obj(TypeId::AttributeError)) => {
                            return Ok(Value::None)
                        }
                        Err(e) => return Err(e),
                    }
                }
            }
        }
        for n in self.sequence_items(names)? {
            let n = self.str_of(n)?;
            match self.getattr(subject, &n) {
                Ok(v) => attrs.push(v),
                Err(e) if self.is_subclass(self.type_of(Value::Obj(e.0)), self.type_obj(TypeId::AttributeError)) => {
                    return Ok(Value::None)
                }
                Err(e) => return Err(e),
            }
        }
        Ok(self.new_tuple(attrs))
    }

    fn unbound_local(&mut self, i: u32) -> Exc {
        let name = self.frame().code.localsplusnames[i as usize].clone();
        self.exc(
            TypeId::UnboundLocalError,
            format!("cannot access local variable '{name}' where it is not associated with a value"),
        )
    }

    pub(super) fn name_error(&mut self, name: &str) -> Exc {
        let exc = self.exc(TypeId::NameError, format!("name '{name}' is not defined"));
        let suggestion = self.name_suggestion(name);
        if let Some(d) = self.exc_data_mut(exc.0) {
            d.name = Some(Rc::from(name));
            d.suggestion = suggestion;
        }
        exc
    }

    /// The suggestion CPython offers for a NameError raised in the top frame:
    /// the closest of its variable names, then `self.name` inside a method
    /// whose instance has that attribute, then globals, then builtins.
    fn name_suggestion(&mut self, name: &str) -> Option<String> {
        let f = self.frames.last()?;
        let varnames: Vec<String> = f.code.varnames().iter().map(|n| n.to_string()).collect();
        if let Some(s) = super::suggest::closest(name, &varnames) {
            return Some(s);
        }
        if f.names.is_none() {
            let slot = f.code.localsplusnames.iter().position(|n| &**n == "self");
            if let Some(this) = slot.map(|i| f.locals[i]).filter(|v| !v.is_null()) {
                let this = match this.obj().map(|i| self.heap.get(i)) {
                    Some(Object::Cell(c)) => *c,
                    _ => this,
                };
                if self.has_attr_quietly(this, name) {
                    return Some(format!("self.{name}"));
                }
            }
        }
        let f = self.frames.last()?;
        let globals = self.dict_str_keys(f.globals);
        super::suggest::closest(name, &globals).or_else(|| super::suggest::closest(name, &super::suggest::builtin_names()))
    }

    /// hasattr without running Python code (instance dict or class attribute).
    fn has_attr_quietly(&self, obj: Value, name: &str) -> bool {
        let key = crate::runtime::dict::HashKey::Str(name.into());
        if let Some(id) = obj.obj() {
            if self.instance_attr(id, &key).is_some() {
                return true;
            }
        }
        self.lookup_user_attr(self.type_of(obj), name).is_some()
    }

    /// The namespace STORE_NAME writes to: a class body's dict or the globals.
    fn namespace(&mut self) -> crate::runtime::value::ObjId {
        let f = self.frame();
        f.names.unwrap_or(f.globals)
    }

    /// The name cache slot of `co_names[name]` in the running code object for
    /// lookup `slot` (0 = local namespace, 1 = globals, 2 = builtins).
    fn name_cache_slot(&mut self, name: u32, slot: usize) -> &mut super::NameCache {
        let f = self.frames.last().expect("frame");
        let (code_index, n) = (f.code_index, f.code.names.len());
        let caches = &mut self.name_caches[code_index];
        if caches.is_empty() {
            caches.resize(n * 3, super::NameCache::default());
        }
        &mut caches[name as usize * 3 + slot]
    }

    /// `dict[co_names[name]]` through the name cache: a hash lookup only
    /// when the dict's keys changed since the last time.
    fn cached_get(&mut self, dict: crate::runtime::value::ObjId, name: u32, slot: usize) -> Option<Value> {
        let Object::Dict(d) = self.heap.get(dict) else { return None };
        let version = d.version();
        let c = *self.name_cache_slot(name, slot);
        let Object::Dict(d) = self.heap.get(dict) else { return None };
        if c.dict == dict.0 && c.version == version {
            return c.position.and_then(|p| d.value_at(p).copied());
        }
        let key = crate::runtime::dict::HashKey::Str(self.name(name).into());
        let Object::Dict(d) = self.heap.get(dict) else { return None };
        let position = d.position(&key);
        let value = position.and_then(|p| d.value_at(p).copied());
        *self.name_cache_slot(name, slot) = super::NameCache { dict: dict.0, version, position };
        value
    }

    /// `dict[co_names[name]] = v` for a key already present (per the cache).
    fn cached_set(&mut self, dict: crate::runtime::value::ObjId, name: u32, v: Value) -> bool {
        let Object::Dict(d) = self.heap.get(dict) else { return false };
        let version = d.version();
        let c = *self.name_cache_slot(name, 0);
        if c.dict == dict.0 && c.version == version {
            if let (Some(p), Object::Dict(d)) = (c.position, self.heap.get_mut(dict)) {
                d.set_value_at(p, v);
                return true;
            }
        }
        false
    }

    fn load_global(&mut self, globals: crate::runtime::value::ObjId, name: &Rc<str>) -> PyResult<Value> {
        if let Some(v) = self.dict_get_str(globals, name) {
            return Ok(v);
        }
        if let Some(v) = self.dict_get_str(self.builtins, name) {
            return Ok(v);
        }
        Err(self.name_error(name))
    }

    pub(super) fn store_name_in(&mut self, dict: crate::runtime::value::ObjId, name: &Rc<str>, v: Value) {
        let key = crate::runtime::dict::HashKey::Str(name.into());
        if let Object::Dict(d) = self.heap.get_mut(dict) {
            if d.set_existing(&key, v) {
                return;
            }
        }
        let k = self.intern(name);
        if let Object::Dict(d) = self.heap.get_mut(dict) {
            d.insert(key, k, v);
        }
    }

    fn delete_name_in(&mut self, dict: crate::runtime::value::ObjId, name: &Rc<str>) -> bool {
        let key = crate::runtime::dict::HashKey::Str(name.into());
        match self.heap.get_mut(dict) {
            Object::Dict(d) => d.remove(&key).is_some(),
            _ => false,
        }
    }

    fn load_deref(&mut self, i: u32) -> PyResult<Value> {
        let cell = self.frame().locals[i as usize];
        let v = match cell.obj().map(|id| self.heap.get(id)) {
            Some(Object::Cell(v)) => *v,
            _ => Value::Null,
        };
        if v.is_null() {
            let name = self.frame().code.localsplusnames[i as usize].clone();
            // A cell of this frame's own (not a free variable) is a local to
            // CPython: UnboundLocalError, as for LOAD_FAST_CHECK.
            let kind = self.frame().code.localspluskinds.get(i as usize).copied().unwrap_or(0);
            if kind & crate::bytecode::code::local_kind::FREE == 0 {
                let msg = format!("cannot access local variable '{name}' where it is not associated with a value");
                return Err(self.exc(TypeId::UnboundLocalError, msg));
            }
            let msg = format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope");
            let exc = self.exc(TypeId::NameError, msg);
            let suggestion = self.name_suggestion(&name);
            if let Some(d) = self.exc_data_mut(exc.0) {
                d.name = Some(name);
                d.suggestion = suggestion;
            }
            return Err(exc);
        }
        Ok(v)
    }

    fn make_function(&mut self, flags: u32) -> PyResult<()> {
        let code = self.pop();
        let closure = if flags & 0x08 != 0 { self.pop() } else { Value::None };
        let annotations = if flags & 0x04 != 0 { Some(self.pop()) } else { None };
        let kwdefaults = if flags & 0x02 != 0 { self.pop().obj() } else { None };
        let defaults = if flags & 0x01 != 0 { self.pop() } else { Value::None };
        let Some(Object::Code(index)) = code.obj().map(|id| self.heap.get(id)) else {
            return self.type_error("MAKE_FUNCTION expects a code object");
        };
        let index = *index;
        let defaults = if defaults.obj().is_some() { self.sequence_items(defaults)? } else { Vec::new() };
        let closure = if closure.obj().is_some() { self.sequence_items(closure)? } else { Vec::new() };
        let annotations = match annotations {
            Some(pairs) => Some(self.annotations_dict(pairs)?),
            None => None,
        };
        let code = &self.codes[index].code;
        let func = Function {
            code: index,
            shape: super::frame::call_shape(code),
            name: code.name.clone(),
            qualname: code.qualname.clone(),
            globals: self.frame().globals,
            defaults,
            kwdefaults,
            closure,
            annotations,
            attrs: Dict::new(),
        };
        let f = self.heap.alloc(Object::Function(Box::new(func)));
        self.push(Value::Obj(f));
        Ok(())
    }

    /// The `__annotations__` dict from MAKE_FUNCTION's flat (name, value, name, value...) tuple.
    fn annotations_dict(&mut self, pairs: Value) -> PyResult<crate::runtime::value::ObjId> {
        let items = self.sequence_items(pairs)?;
        let d = self.heap.alloc(Object::Dict(Dict::new()));
        for pair in items.chunks(2) {
            if let [name, value] = pair {
                self.dict_set(d, *name, *value)?;
            }
        }
        Ok(d)
    }

    /// CALL: `[callable_or_method, self_or_callable, args...]` -> result.
    pub(super) fn call_instruction(&mut self, argc: usize) -> PyResult<()> {
        if self.try_fast_call(argc)? {
            return Ok(());
        }
        let f = self.frames.last().expect("frame");
        let args = &f.stack[f.stack.len().saturating_sub(argc)..];
        let generators: Vec<Value> = args.iter().copied().filter(|a| self.is_generator(*a)).collect();
        let result = self.call_instruction_inner(argc);
        // A builtin is done with its arguments once it returns.
        if result.is_ok() {
            for g in generators {
                self.release(g);
            }
        }
        result
    }

    /// The common case of CALL: a Python function given exactly its
    /// positional parameters. The arguments go straight from the caller's
    /// stack into the new frame's locals, with no intermediate vectors.
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn try_fast_call(&mut self, argc: usize) -> PyResult<bool> {
        let f = self.frames.last().expect("frame");
        let n = f.stack.len();
        if f.kw_names.is_some() || n < argc + 2 {
            return Ok(false);
        }
        if let Some((fid, func, total)) = super::run_loop::plain_call(&self.heap, &f.stack, argc) {
            let (code_index, globals) = (func.code, func.globals);
            if self.frames.len() >= self.limits.recursion_depth {
                return Err(self.exc(TypeId::RecursionError, "maximum recursion depth exceeded"));
            }
            let frame = self.new_frame(code_index, globals, fid, n - argc - 2, total, None);
            self.frames.push(frame);
            return Ok(true);
        }
        let (first, second) = (f.stack[n - argc - 2], f.stack[n - argc - 1]);
        let (callee, with_self) = if first.is_null() { (second, false) } else { (first, true) };
        let Some(fid) = callee.obj() else { return Ok(false) };
        match self.heap.get(fid) {
            Object::Class(c) if !with_self && c.builtin.is_some() => self.try_fast_type_call(fid, n - argc - 2),
            // A bound method given the wrong number of arguments takes the
            // general path, which raises the method's error.
            Object::Builtin(b) if !with_self && (b.receiver.is_none() || b.sig.fits(argc)) => {
                let (func, receiver) = (b.func, b.receiver);
                self.try_fast_builtin_call(func, receiver, argc)
            }
            Object::Class(_) if !with_self => Ok(self.try_fast_instantiate(fid, argc, n - argc - 2)),
            Object::Descriptor(_) if with_self => self.try_fast_method_call(fid, n - argc - 2),
            _ => Ok(false),
        }
    }

    /// CALL of a builtin function (`len(x)`, `sum(items)`, or a builtin
    /// method bound to `receiver`) on `[NULL, builtin, args...]` with
    /// positional arguments only: they go from the stack into one reused
    /// vector, as in `try_fast_method_call`. False when an argument is a
    /// generator (the general path releases those after the call).
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn try_fast_builtin_call(&mut self, func: BuiltinFn, receiver: Option<Value>, argc: usize) -> PyResult<bool> {
        let stack = &self.frames.last().expect("frame").stack;
        let n = stack.len();
        if self.any_generator(&stack[n - argc..]) {
            return Ok(false);
        }
        self.call_builtin_on_stack(func, receiver, n - argc, n - argc - 2)?;
        Ok(true)
    }

    /// Run mode's CALL of `sum(gen)` of a suspended generator (`[NULL, sum,
    /// gen]` on the stack): the generator's frame runs on top of the
    /// caller's in run mode's loop (`OnReturn::Sum`), where each int it
    /// yields is added without leaving it, instead of a nested run per item
    /// (`send`, `run_frame`, `run_nested`, `run_loop`: about 400 x86
    /// instructions). False (nothing changed) for anything else. Only
    /// `run_loop` calls it: the stepper still runs `sum` as one instruction.
    pub(super) fn sum_in_loop(&mut self, argc: usize) -> bool {
        let f = self.frames.last().expect("frame");
        let [.., null, callee, gen] = f.stack[..] else { return false };
        if argc != 1 || f.kw_names.is_some() || !null.is_null() {
            return false;
        }
        match callee.obj().map(|id| self.heap.get(id)) {
            Some(Object::Builtin(b)) if b.receiver.is_none() && super::run_loop::same_fn(b.func, super::builtins::sum) => {}
            _ => return false,
        }
        let Some(id) = gen.obj() else { return false };
        // (The general path raises RecursionError there.)
        if self.frames.len() >= self.limits.recursion_depth {
            return false;
        }
        let Object::Generator(g) = self.heap.get_mut(id) else { return false };
        if g.running {
            return false;
        }
        let Some(mut frame) = g.frame.take() else { return false };
        g.running = true;
        // The None `sum`'s first `next` sends.
        frame.stack.push(Value::None);
        frame.on_return = OnReturn::Sum { total: 0 };
        self.frames.push(frame);
        true
    }

    /// A generator `sum` runs in the main loop (`OnReturn::Sum`) yielded `x`,
    /// which is no int or overflows `total`, and is suspended: `builtins::sum`
    /// goes on from there (nested runs, as for any `sum(gen)`), and its result
    /// replaces the caller's `[NULL, sum, gen]`.
    fn sum_rest(&mut self, gen: Value, total: i64, x: Value) -> PyResult<()> {
        let result = super::builtins::sum_from(self, gen, Value::int(total), x)?;
        let stack = &mut self.frame().stack;
        stack.truncate(stack.len().saturating_sub(3));
        self.push(result);
        self.release(gen);
        Ok(())
    }

    /// Calls builtin `func` with `receiver` (when it is bound to one) and
    /// the running frame's stack values from `args_at` up as its positional
    /// arguments, gathered in the reused spare vector; the stack is cut back
    /// to `pop_to` before the call and the result pushed. The fast CALLs of
    /// builtin functions and of builtin methods share it.
    pub(super) fn call_builtin_on_stack(&mut self, func: BuiltinFn, receiver: Option<Value>, args_at: usize, pop_to: usize) -> PyResult<()> {
        let mut pos = std::mem::take(&mut self.spare_args);
        pos.extend(receiver);
        let stack = &mut self.frame().stack;
        pos.extend_from_slice(&stack[args_at..]);
        stack.truncate(pop_to);
        let mut args = Args::new(pos);
        let result = func(self, &mut args);
        let mut pos = args.pos;
        // A vector grown by a long call is not kept.
        if pos.capacity() <= 8 {
            pos.clear();
            self.spare_args = pos;
        }
        self.push(result?);
        Ok(())
    }

    fn call_instruction_inner(&mut self, argc: usize) -> PyResult<()> {
        // `[callable, self, args...]` or `[NULL, callable, args...]`: `self`
        // is taken with the arguments (no insert at the front of the vector).
        let with_self = !self.peek(argc + 2).is_null();
        let args = self.pop_args(argc + with_self as usize);
        let callee = self.pop();
        if !with_self {
            self.pop();
        }
        let mut args = Args::new(args);
        if let Some(k) = self.frame().kw_names.take() {
            let names = self.frame_const(k);
            let names = self.sequence_items(names)?;
            let split = args.pos.len() - names.len().min(args.pos.len());
            let values = args.pos.split_off(split);
            for (n, v) in names.into_iter().zip(values) {
                let n = self.str_of(n)?;
                args.kw.push((Rc::from(n), v));
            }
        }
        self.call_inline(callee, args)
    }

    pub(super) fn return_value(&mut self, v: Value) -> PyResult<()> {
        let frame = self.frames.pop().expect("no frame");
        if let Some(g) = frame.generator {
            if let Object::Generator(gen) = self.heap.get_mut(g) {
                gen.frame = None;
                gen.running = false;
            }
        }
        let on_return = frame.on_return;
        self.frames.recycle(frame);
        match on_return {
            OnReturn::Push => self.push(v),
            OnReturn::Memoize { cache, key } => {
                self.dict_set(cache, key, v)?;
                self.push(v);
            }
            OnReturn::PushInstance(inst) => {
                if !matches!(v, Value::None) {
                    // CPython checks this after __init__ returns, in the caller.
                    let t = self.type_name(v);
                    return self.type_error(format!("__init__() should return None, not '{t}'"));
                }
                self.push(inst)
            }
            OnReturn::Nested => self.nested_exit = Some(Ok(FrameExit::Return(v))),
            OnReturn::ForIter { exit_ip } => {
                let caller = self.frame();
                caller.stack.pop();
                caller.ip = exit_ip;
            }
            OnReturn::Sum { total } => {
                let stack = &mut self.frame().stack;
                stack.truncate(stack.len().saturating_sub(3));
                self.push(Value::int(total));
            }
            OnReturn::Exit => {
                self.clear_main_module();
                self.exit_code = Some(0);
            }
        }
        Ok(())
    }

    fn return_generator(&mut self) -> PyResult<()> {
        let frame = self.frames.pop().expect("no frame");
        let on_return = frame.on_return;
        let (name, qualname) = (frame.code.name.clone(), frame.code.qualname.clone());
        let g = self.heap.alloc(Object::Generator(Box::new(Generator { frame: None, running: false, name, qualname })));
        let mut frame = frame;
        frame.generator = Some(g);
        if let Object::Generator(gen) = self.heap.get_mut(g) {
            gen.frame = Some(frame);
        }
        let v = Value::Obj(g);
        match on_return {
            OnReturn::Push | OnReturn::PushInstance(_) | OnReturn::Memoize { .. } | OnReturn::ForIter { .. } | OnReturn::Sum { .. } => {
                self.push(v)
            }
            OnReturn::Nested => self.nested_exit = Some(Ok(FrameExit::Return(v))),
            OnReturn::Exit => self.exit_code = Some(0),
        }
        Ok(())
    }

    fn raise_varargs(&mut self, argc: u32) -> PyResult<()> {
        match argc {
            0 => {
                if let Value::Obj(e) = self.exc_info {
                    self.reraising = true;
                    return Err(Exc(e));
                }
                Err(self.exc(TypeId::RuntimeError, "No active exception to reraise"))
            }
            _ => {
                let cause = if argc == 2 { Some(self.pop()) } else { None };
                let v = self.pop();
                let exc = self.make_exception(v)?;
                if let Some(cause) = cause {
                    let cause = if matches!(cause, Value::None) { Value::None } else { Value::Obj(self.make_exception(cause)?.0) };
                    if let Some(d) = self.exc_data_mut(exc.0) {
                        d.cause = cause;
                        d.suppress_context = true;
                    }
                }
                Err(exc)
            }
        }
    }

    /// `raise X`: X may be an exception instance or class.
    pub(super) fn make_exception(&mut self, v: Value) -> PyResult<Exc> {
        if let Some(id) = v.obj() {
            if self.exc_data(id).is_some() {
                return Ok(Exc(id));
            }
            if let Object::Class(_) = self.heap.get(id) {
                if self.is_subclass(id, self.type_obj(TypeId::BaseException)) {
                    let inst = self.call(v, Args::default())?;
                    if let Some(e) = inst.obj().filter(|e| self.exc_data(*e).is_some()) {
                        return Ok(Exc(e));
                    }
                }
            }
        }
        Err(self.exc(TypeId::TypeError, "exceptions must derive from BaseException"))
    }

    fn exception_matches(&mut self, exc: Value, class: Value) -> PyResult<bool> {
        let classes = match class.obj().map(|id| self.heap.get(id)) {
            Some(Object::Tuple(items)) => items.clone(),
            _ => vec![class],
        };
        let t = self.type_of(exc);
        for c in classes {
            match c.obj() {
                Some(cid) if matches!(self.heap.get(cid), Object::Class(_)) => {
                    if self.is_subclass(t, cid) {
                        return Ok(true);
                    }
                }
                _ => {
                    return self.type_error("catching classes that do not inherit from BaseException is not allowed")
                }
            }
        }
        Ok(false)
    }

    fn intrinsic_1(&mut self, which: u32, v: Value) -> PyResult<Value> {
        match which {
            // INTRINSIC_PRINT (interactive mode only) and INTRINSIC_UNARY_POSITIVE
            1 => Ok(Value::None),
            3 => {
                // INTRINSIC_STOPITERATION_ERROR: a StopIteration escaping a generator.
                let e = v.obj().expect("exception");
                let t = self.type_of(v);
                let msg = if self.is_subclass(t, self.type_obj(TypeId::StopIteration)) {
                    "generator raised StopIteration"
                } else {
                    return Ok(v);
                };
                let new = self.exc(TypeId::RuntimeError, msg);
                if let Some(d) = self.exc_data_mut(new.0) {
                    d.cause = Value::Obj(e);
                    d.context = Value::Obj(e);
                    d.suppress_context = true;
                }
                Ok(Value::Obj(new.0))
            }
            5 => self.positive(v),
            2 => {
                // INTRINSIC_IMPORT_STAR: every public name of the module.
                let ns = self.namespace();
                self.import_star(v, ns)?;
                Ok(Value::None)
            }
            6 => {
                let items = self.sequence_items(v)?;
                Ok(self.new_tuple(items))
            }
            _ if Self::is_type_param_intrinsic_1(which) => self.type_param_intrinsic_1(which, v),
            _ => Err(self.exc(TypeId::RuntimeError, format!("pvm does not support intrinsic {which} yet"))),
        }
    }

    /// Unwinds after `exc` was raised by the top frame's current instruction:
    /// to the innermost handler in the exception table, through the frames.
    pub(super) fn raise(&mut self, exc: Exc) {
        self.last_exception = Some(exc.0);
        let fresh = !std::mem::take(&mut self.reraising);
        if fresh {
            let handled = self.exc_info;
            if let Value::Obj(h) = handled {
                if h != exc.0 {
                    if let Some(d) = self.exc_data_mut(exc.0) {
                        if matches!(d.context, Value::None) {
                            d.context = handled;
                        }
                    }
                }
            }
        }
        let mut add_entry = fresh;
        while let Some(frame) = self.frames.last_mut() {
            let (code_index, lasti) = (frame.code_index, frame.lasti);
            let handler = frame.code.handler_for(lasti as u32).copied();
            if add_entry {
                if let Some(d) = self.exc_data_mut(exc.0) {
                    d.traceback.insert(0, (code_index, lasti as u32));
                }
            }
            let reraise_lasti = self.reraise_lasti;
            let frame = self.frames.last_mut().expect("frame");
            if let Some(h) = handler {
                frame.stack.truncate(h.depth as usize);
                if h.push_lasti {
                    let recorded = reraise_lasti.unwrap_or(lasti);
                    frame.stack.push(Value::int(recorded as i64));
                }
                frame.stack.push(Value::Obj(exc.0));
                frame.ip = h.target as usize;
                frame.ext_arg = 0;
                self.reraise_lasti = None;
                return;
            }
            self.reraise_lasti = None;
            let frame = self.frames.pop().expect("frame");
            if let Some(g) = frame.generator {
                if let Object::Generator(gen) = self.heap.get_mut(g) {
                    gen.frame = None;
                    gen.running = false;
                }
            }
            match frame.on_return {
                OnReturn::Nested => {
                    self.nested_exit = Some(Err(exc));
                    return;
                }
                OnReturn::Exit => {
                    self.frames.push(frame);
                    self.report_uncaught(exc);
                    self.frames.clear();
                    let code = self.exit_code.take();
                    self.clear_main_module();
                    self.exit_code = code;
                    return;
                }
                OnReturn::Push | OnReturn::PushInstance(_) | OnReturn::Memoize { .. } | OnReturn::ForIter { .. } | OnReturn::Sum { .. } => {
                    add_entry = true
                }
            }
        }
    }

    /// The program ends with `exc`: SystemExit sets the exit status, anything
    /// else prints a traceback to stderr.
    fn report_uncaught(&mut self, exc: Exc) {
        let t = self.type_of(Value::Obj(exc.0));
        if self.is_subclass(t, self.type_obj(TypeId::SystemExit)) {
            let arg = self.exc_data(exc.0).and_then(|d| d.args.first().copied()).unwrap_or(Value::None);
            let code = match arg {
                Value::None => 0,
                Value::Int(i, _) => i as i32,
                Value::Bool(b) => b as i32,
                other => {
                    let s = self.str_of(other).unwrap_or_default();
                    self.stderr.push_str(&s);
                    self.stderr.push('\n');
                    1
                }
            };
            self.exit_code = Some(code);
            return;
        }
        let text = self.format_exception(exc);
        self.stderr.push_str(&text);
        self.exit_code = Some(1);
    }

    fn is_generator(&self, v: Value) -> bool {
        super::run_loop::is_generator(&self.heap, v)
    }

    /// Whether one of `values` is a generator: builtins that consume a
    /// generator argument release it afterwards, which only the general call
    /// path does, so the fast CALLs leave such calls to it.
    pub(super) fn any_generator(&self, values: &[Value]) -> bool {
        values.iter().any(|&v| self.is_generator(v))
    }
}

/// `Vm::frame` with no frame running: a VM bug, not a Python error.
#[cold]
#[inline(never)]
fn no_frame() -> ! {
    panic!("no frame")
}
