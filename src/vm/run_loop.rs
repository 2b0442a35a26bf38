//! Run mode's eval loop. It executes exactly the instructions `step_instruction`
//! does (same results, same instruction count, same budgets), but the hottest
//! handlers run inline on the current frame: one frame lookup per instruction
//! instead of one per push and pop, and no `Result` plumbing or checks for
//! output and garbage when an instruction can neither print nor allocate.
//! Everything else goes to `dispatch`, the one definition of each opcode;
//! a fast arm that meets anything unusual (an unbound local, an operand that
//! is not a plain int or float...) leaves the frame untouched and falls back
//! to it too. No stepper events are built here.

use super::eval::DECODE;
use super::{PyResult, Vm};
use crate::bytecode::Opcode;
use crate::runtime::object::{Iter, Object};
use super::frame::OnReturn;
use crate::runtime::value::{ObjId, Value};

/// Where a float's integer range ends: ints up to this size convert exactly.
const EXACT_FLOAT_INT: i64 = 1 << 53;

impl Vm {
    /// Runs until the program ends, or (`nested`) until the frame a nested run
    /// started hands control back.
    pub(super) fn run_loop(&mut self, nested: bool) {
        let decode = &*DECODE;
        let max_instructions = self.limits.max_instructions.unwrap_or(u64::MAX);
        if self.exit_code.is_some() {
            return;
        }
        loop {
            if self.instructions >= max_instructions {
                return self.stop_by_steps();
            }
            let Some(f) = self.frames.last_mut() else { return };
            let ip = f.ip;
            let (Some(&byte), Some(&arg_byte)) = (f.code.code.get(ip), f.code.code.get(ip + 1)) else {
                // Out of code: `execute_instruction` reports it.
                let result = self.execute_instruction();
                if self.after_slow_instruction(result, nested) {
                    return;
                }
                continue;
            };
            let Some((op, caches)) = decode[byte as usize] else {
                let result = self.execute_instruction();
                if self.after_slow_instruction(result, nested) {
                    return;
                }
                continue;
            };
            self.instructions += 1;
            let arg = arg_byte as u32 | f.ext_arg;
            f.ext_arg = 0;
            f.lasti = ip;
            f.ip = ip + 2 + 2 * caches as usize;

            use Opcode::*;
            let result: PyResult<()> = match op {
                NOP => continue,
                RESUME => {
                    f.resumed = true;
                    continue;
                }
                EXTENDED_ARG => {
                    f.ext_arg = arg << 8;
                    continue;
                }
                LOAD_FAST | LOAD_FAST_CHECK => match f.locals[arg as usize] {
                    Value::Null => self.dispatch(op, arg),
                    v => {
                        f.stack.push(v);
                        continue;
                    }
                },
                LOAD_CONST => {
                    let v = f.consts.get(arg as usize).copied().unwrap_or(Value::None);
                    f.stack.push(v);
                    continue;
                }
                STORE_FAST => {
                    let v = f.stack.pop().unwrap_or(Value::Null);
                    let old = std::mem::replace(&mut f.locals[arg as usize], v);
                    if !matches!(old, Value::Obj(_)) {
                        continue;
                    }
                    self.release(old);
                    Ok(())
                }
                POP_TOP => {
                    let v = f.stack.pop().unwrap_or(Value::Null);
                    if !matches!(v, Value::Obj(_)) {
                        continue;
                    }
                    self.release(v);
                    Ok(())
                }
                PUSH_NULL => {
                    f.stack.push(Value::Null);
                    continue;
                }
                COPY if (1..=f.stack.len()).contains(&(arg as usize)) => {
                    let v = f.stack[f.stack.len() - arg as usize];
                    f.stack.push(v);
                    continue;
                }
                BINARY_OP => match fast_binary(peek2(&f.stack), arg) {
                    Some(r) => {
                        replace_top2(&mut f.stack, r);
                        continue;
                    }
                    None => self.dispatch(op, arg),
                },
                COMPARE_OP => match fast_compare(peek2(&f.stack), arg >> 4) {
                    Some(r) => {
                        replace_top2(&mut f.stack, Value::Bool(r));
                        continue;
                    }
                    None => self.dispatch(op, arg),
                },
                IS_OP if f.stack.len() >= 2 => {
                    let (lhs, rhs) = peek2(&f.stack);
                    replace_top2(&mut f.stack, Value::Bool(lhs.is(rhs) != (arg == 1)));
                    continue;
                }
                POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE => {
                    let truth = match f.stack.last() {
                        Some(Value::Bool(b)) => Some(*b),
                        Some(Value::Int(i, _)) => Some(*i != 0),
                        Some(Value::None) => Some(false),
                        _ => None,
                    };
                    match truth {
                        Some(b) => {
                            f.stack.pop();
                            if b == (op == POP_JUMP_IF_TRUE) {
                                f.ip += 2 * arg as usize;
                            }
                            continue;
                        }
                        None => self.dispatch(op, arg),
                    }
                }
                POP_JUMP_IF_NONE | POP_JUMP_IF_NOT_NONE => {
                    let v = f.stack.pop().unwrap_or(Value::Null);
                    if matches!(v, Value::None) == (op == POP_JUMP_IF_NONE) {
                        f.ip += 2 * arg as usize;
                    }
                    continue;
                }
                JUMP_FORWARD => {
                    f.ip += 2 * arg as usize;
                    continue;
                }
                JUMP_BACKWARD | JUMP_BACKWARD_NO_INTERRUPT => {
                    f.ip = f.ip.saturating_sub(2 * arg as usize);
                    continue;
                }
                FOR_ITER => {
                    let it = f.stack.last().and_then(|v| v.obj());
                    match it.map(|id| self.heap.get_mut(id)) {
                        Some(Object::Iter(Iter::Range { next, stop, step }))
                            if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) =>
                        {
                            let n = *next;
                            *next = n + *step;
                            f.stack.push(Value::int(n));
                            continue;
                        }
                        Some(Object::Generator(_)) => {
                            let exit_ip = f.ip + 2 * (arg as usize + 1);
                            if self.resume_generator(it.expect("a generator"), exit_ip) {
                                continue;
                            }
                            self.dispatch(op, arg)
                        }
                        _ => self.dispatch(op, arg),
                    }
                }
                BINARY_SUBSCR => {
                    let (container, sub) = peek2(&f.stack);
                    match (container.obj().map(|id| self.heap.get(id)), sub) {
                        (Some(Object::List(items) | Object::Tuple(items)), Value::Int(i, _)) => {
                            match seq_position(i, items.len()) {
                                Some(i) => {
                                    let v = items[i];
                                    replace_top2(&mut f.stack, v);
                                    continue;
                                }
                                None => self.dispatch(op, arg),
                            }
                        }
                        _ => self.dispatch(op, arg),
                    }
                }
                STORE_SUBSCR if f.stack.len() >= 3 => {
                    let n = f.stack.len();
                    let (v, container, sub) = (f.stack[n - 3], f.stack[n - 2], f.stack[n - 1]);
                    match (container.obj().map(|id| self.heap.get_mut(id)), sub) {
                        (Some(Object::List(items)), Value::Int(i, _)) => match seq_position(i, items.len()) {
                            Some(i) => {
                                items[i] = v;
                                f.stack.truncate(n - 3);
                                continue;
                            }
                            None => self.dispatch(op, arg),
                        },
                        _ => self.dispatch(op, arg),
                    }
                }
                LOAD_NAME => {
                    let (globals, builtins) = (f.globals, self.builtins);
                    let found = match f.names {
                        Some(ns) if ns != globals => self.cached_name(arg, &[(ns, 0), (globals, 1), (builtins, 2)]),
                        _ => self.cached_name(arg, &[(globals, 0), (builtins, 2)]),
                    };
                    match found {
                        Some(v) => {
                            self.frames.last_mut().expect("frame").stack.push(v);
                            continue;
                        }
                        None => self.dispatch(op, arg),
                    }
                }
                STORE_NAME => match f.stack.last().copied() {
                    Some(v) if self.cached_store_name(arg, v) => {
                        self.frames.last_mut().expect("frame").stack.pop();
                        continue;
                    }
                    _ => self.dispatch(op, arg),
                },
                LOAD_GLOBAL => {
                    let dicts = [(f.globals, 1), (self.builtins, 2)];
                    match self.cached_name(arg >> 1, &dicts) {
                    Some(v) => {
                        let stack = &mut self.frames.last_mut().expect("frame").stack;
                        if arg & 1 == 1 {
                            stack.push(Value::Null);
                        }
                        stack.push(v);
                        continue;
                    }
                    None => self.dispatch(op, arg),
                    }
                }
                LOAD_ATTR => {
                    let (name, owner) = (f.code.names.get(arg as usize >> 1).cloned(), f.stack.last().copied());
                    let method = arg & 1 == 1;
                    let found = match (name, owner) {
                        (Some(name), Some(owner)) => match self.instance_getattr(owner, &name, method) {
                            None if method => self.builtin_method(owner, &name).map(|m| (m, owner)),
                            found => found,
                        },
                        _ => None,
                    };
                    match found {
                        Some((a, b)) => {
                            let stack = &mut self.frames.last_mut().expect("frame").stack;
                            stack.pop();
                            if method {
                                stack.push(a);
                            }
                            stack.push(b);
                            continue;
                        }
                        None => self.dispatch(op, arg),
                    }
                }
                STORE_ATTR if f.stack.len() >= 2 => {
                    let (v, owner) = peek2(&f.stack);
                    let stored = match f.code.names.get(arg as usize).cloned() {
                        Some(name) => self.instance_setattr(owner, &name, v),
                        None => false,
                    };
                    if !stored {
                        self.dispatch(op, arg)
                    } else {
                        let stack = &mut self.frames.last_mut().expect("frame").stack;
                        stack.truncate(stack.len() - 2);
                        continue;
                    }
                }
                CALL => self.call_instruction(arg as usize),
                RETURN_VALUE => {
                    let v = f.stack.pop().unwrap_or(Value::Null);
                    self.return_value(v)
                }
                RETURN_CONST => {
                    let v = f.consts.get(arg as usize).copied().unwrap_or(Value::None);
                    self.return_value(v)
                }
                _ => self.dispatch(op, arg),
            };
            if self.after_slow_instruction(result, nested) {
                return;
            }
        }
    }

    /// What the name caches of `dispatch`'s LOAD_GLOBAL / LOAD_NAME
    /// (`cached_get`) already know about `co_names[name]` in the running code:
    /// its value from the first of `dicts` (dict, cache slot) that has it;
    /// `None` when a cache is stale or the name is nowhere (the general path
    /// then looks it up, or raises NameError).
    fn cached_name(&self, name: u32, dicts: &[(ObjId, usize)]) -> Option<Value> {
        let f = self.frames.last()?;
        let caches = self.name_caches.get(f.code_index)?;
        for &(dict, slot) in dicts {
            let c = caches.get(name as usize * 3 + slot)?;
            let Object::Dict(d) = self.heap.get(dict) else { return None };
            if c.dict != dict.0 || c.version != d.version() {
                return None;
            }
            if let Some(v) = c.position.and_then(|p| d.value_at(p)) {
                return Some(v);
            }
        }
        None
    }

    /// STORE_NAME of a name the namespace already has (per its name cache).
    fn cached_store_name(&mut self, name: u32, v: Value) -> bool {
        let Some(f) = self.frames.last() else { return false };
        let ns = f.names.unwrap_or(f.globals);
        let Some(c) = self.name_caches.get(f.code_index).and_then(|c| c.get(name as usize * 3)) else { return false };
        match (self.heap.get_mut(ns), c.position) {
            (Object::Dict(d), Some(p)) if c.dict == ns.0 && c.version == d.version() => {
                d.set_value_at(p, v);
                true
            }
            _ => false,
        }
    }

    /// FOR_ITER on a suspended generator: its frame goes on top of the frame
    /// stack and runs in this loop (no nested loop per item); YIELD_VALUE and
    /// RETURN_VALUE hand back to the caller (`OnReturn::ForIter`). False when
    /// the generator cannot be resumed here (running, finished, too deep):
    /// `dispatch` then gives the usual result or error.
    fn resume_generator(&mut self, gen: ObjId, exit_ip: usize) -> bool {
        if self.frames.len() >= self.limits.recursion_depth {
            return false;
        }
        let Object::Generator(g) = self.heap.get_mut(gen) else { return false };
        if g.running || g.frame.is_none() {
            return false;
        }
        let mut frame = g.frame.take().expect("checked above");
        g.running = true;
        frame.stack.push(Value::None);
        frame.on_return = OnReturn::ForIter { exit_ip };
        self.frames.push(*frame);
        true
    }

    /// What `step_instruction` does after an instruction that may have raised,
    /// printed, allocated or ended a frame; true when the loop must stop.
    fn after_slow_instruction(&mut self, result: PyResult<()>, nested: bool) -> bool {
        if let Err(exc) = result {
            self.raise(exc);
        }
        if self.exit_code.is_some() || (nested && self.nested_exit.is_some()) {
            return true;
        }
        if self.stdout.len() + self.stderr.len() > self.limits.max_output_bytes {
            self.stop_by_output();
            return true;
        }
        if self.collection_due() {
            self.maybe_collect();
        }
        false
    }
}

/// The two values on top of the stack (`Null`s if there are fewer).
#[inline(always)]
fn peek2(stack: &[Value]) -> (Value, Value) {
    match stack {
        [.., a, b] => (*a, *b),
        _ => (Value::Null, Value::Null),
    }
}

/// Replaces the two values on top of the stack by `v` (a binary operation's result).
#[inline(always)]
fn replace_top2(stack: &mut Vec<Value>, v: Value) {
    stack.pop();
    if let Some(top) = stack.last_mut() {
        *top = v;
    }
}

/// `items[i]`'s position for an int index (negative counts from the end).
#[inline(always)]
fn seq_position(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 { i + len as i64 } else { i };
    (0..len as i64).contains(&i).then_some(i as usize)
}

/// BINARY_OP on two ints or floats when the result is a plain int or float
/// (no overflow into a big int, no error); `None` leaves it to `binary_op`.
#[inline(always)]
fn fast_binary((lhs, rhs): (Value, Value), op: u32) -> Option<Value> {
    // 13.. are the in-place forms (`+=`) of 0..: the same for numbers.
    let base = if op >= 13 { op - 13 } else { op };
    match (lhs, rhs) {
        (Value::Int(a, _), Value::Int(b, _)) => match base {
            11 if b != 0 && a.abs() <= EXACT_FLOAT_INT && b.abs() <= EXACT_FLOAT_INT => {
                Some(Value::float(a as f64 / b as f64))
            }
            _ => super::ops::small_int_op(a, b, base as usize).map(Value::int),
        },
        (Value::Float(a, _), Value::Float(b, _)) => float_op(a, b, base),
        (Value::Float(a, _), Value::Int(b, _)) => float_op(a, b as f64, base),
        (Value::Int(a, _), Value::Float(b, _)) => float_op(a as f64, b, base),
        _ => None,
    }
}

/// `+ - * /` and `**` of floats; division by zero and the cases where `**`
/// overflows or leaves the reals go to `binary_op` for their errors.
#[inline(always)]
fn float_op(a: f64, b: f64, base: u32) -> Option<Value> {
    let r = match base {
        0 => a + b,
        5 => a * b,
        10 => a - b,
        11 if b != 0.0 => a / b,
        8 if a > 0.0 && a.is_finite() && b.is_finite() => {
            let r = a.powf(b);
            if r.is_infinite() {
                return None;
            }
            r
        }
        _ => return None,
    };
    Some(Value::float(r))
}

/// COMPARE_OP (`< <= == != > >=`) of two ints or two floats.
#[inline(always)]
fn fast_compare((lhs, rhs): (Value, Value), op: u32) -> Option<bool> {
    fn by<T: PartialOrd>(a: T, b: T, op: u32) -> bool {
        match op {
            0 => a < b,
            1 => a <= b,
            2 => a == b,
            3 => a != b,
            4 => a > b,
            _ => a >= b,
        }
    }
    match (lhs, rhs) {
        (Value::Int(a, _), Value::Int(b, _)) => Some(by(a, b, op)),
        (Value::Float(a, _), Value::Float(b, _)) => Some(by(a, b, op)),
        _ => None,
    }
}
