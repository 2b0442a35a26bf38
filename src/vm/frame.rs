//! A frame: one activation of a code object, living in the VM's frame Vec.

use super::CodeEntry;
use crate::bytecode::code::flags::{VARARGS, VARKEYWORDS};
use crate::bytecode::CodeObject;
use crate::runtime::object::CallShape;
use crate::runtime::value::{ObjId, Value};
use std::rc::Rc;

/// What happens to the value a frame returns (or an exception escaping it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum OnReturn {
    /// Push it onto the caller's stack (an ordinary CALL).
    Push,
    /// Discard it and push this instance instead (`Class(...)` running `__init__`).
    PushInstance(Value),
    /// Store it in a memoizing wrapper's cache under `key`, then push it
    /// (`functools.cache` / `lru_cache`, without a nested loop per call).
    Memoize { cache: ObjId, key: Value },
    /// Hand it back to a Rust caller running a nested loop (`Vm::run_frame`).
    Nested,
    /// A generator frame resumed by the caller's FOR_ITER in run mode's loop:
    /// a yielded value goes onto the caller's stack; returning ends the
    /// caller's loop (the generator is popped, and the caller goes on at `exit_ip`).
    ForIter { exit_ip: usize },
    /// A generator frame `sum(gen)` runs in run mode's loop (`Vm::sum_in_loop`):
    /// each int it yields is added to `total` and it goes on at once; its
    /// return replaces the call's `[NULL, sum, gen]` on the caller's stack by
    /// the total. Anything else yielded goes to `builtins::sum` (`Vm::sum_rest`).
    Sum { total: i64 },
    /// The module body: the program ends.
    Exit,
}

#[derive(Clone)]
pub struct Frame {
    pub code: Rc<CodeObject>,
    /// Index in the VM's code registry (= `Session::code_objects()` order);
    /// the frame's constants are `Vm::codes[code_index].consts`.
    pub code_index: usize,
    /// Byte offset of the next code unit to fetch.
    pub ip: usize,
    /// Byte offset of the instruction executing or last executed (`f_lasti`).
    pub lasti: usize,
    /// High bits collected by EXTENDED_ARG prefixes for the next instruction.
    pub ext_arg: u32,
    /// Locals-plus: fast locals, cells, free variables (`Null` = unbound).
    pub locals: Vec<Value>,
    pub stack: Vec<Value>,
    pub globals: ObjId,
    /// The namespace dict of a module or class body (STORE_NAME/LOAD_NAME).
    pub names: Option<ObjId>,
    /// The function being run (for its closure), if any.
    pub func: Option<ObjId>,
    /// co_consts index of the tuple of keyword names set by KW_NAMES.
    pub kw_names: Option<usize>,
    pub on_return: OnReturn,
    /// The generator object this frame belongs to, if any.
    pub generator: Option<ObjId>,
    /// Whether the frame has passed its first RESUME (trace events start there).
    pub resumed: bool,
}

impl Frame {
    /// Makes this (finished) frame the start of a call of `func` (see
    /// `FrameStack::for_call`), in place; its stack is emptied.
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    fn reset_for_call(
        &mut self,
        entry: &CodeEntry,
        code_index: usize,
        shape: CallShape,
        globals: ObjId,
        func: ObjId,
        receiver: Option<Value>,
        args: &[Value],
    ) {
        // A frame's `code` is always `codes[code_index]`'s: the same index
        // (a recursive call, a loop's calls of one function) is the same code.
        if self.code_index != code_index {
            self.code = entry.code.clone();
            self.code_index = code_index;
        }
        fill_locals(&mut self.locals, receiver, args, shape.nlocalsplus as usize);
        let stacksize = shape.stacksize as usize;
        self.stack.clear();
        if self.stack.capacity() < stacksize {
            self.stack.reserve(stacksize);
        }
        self.ip = 0;
        self.lasti = 0;
        self.ext_arg = 0;
        self.globals = globals;
        self.names = None;
        self.func = Some(func);
        self.kw_names = None;
        self.on_return = OnReturn::Push;
        self.generator = None;
        self.resumed = false;
    }

    pub fn line(&self) -> Option<u32> {
        self.code.line_at(self.lasti)
    }

    /// The values the frame holds (its constants are the code registry's roots).
    pub fn trace(&self, out: &mut Vec<Value>) {
        out.extend_from_slice(&self.locals);
        out.extend_from_slice(&self.stack);
        out.push(Value::Obj(self.globals));
        out.extend(self.names.map(Value::Obj));
        out.extend(self.func.map(Value::Obj));
        out.extend(self.generator.map(Value::Obj));
        match self.on_return {
            OnReturn::PushInstance(v) => out.push(v),
            OnReturn::Memoize { cache, key } => out.extend([Value::Obj(cache), key]),
            _ => {}
        }
    }

    /// A frame that runs `code` (registry index `code_index`) from its
    /// start with empty locals and stack, in namespace `globals`.
    pub fn new(code: Rc<CodeObject>, code_index: usize, globals: ObjId) -> Frame {
        Frame {
            locals: vec![Value::Null; code.nlocalsplus()],
            stack: Vec::with_capacity(code.stacksize as usize),
            code,
            code_index,
            ip: 0,
            lasti: 0,
            ext_arg: 0,
            globals,
            names: None,
            func: None,
            kw_names: None,
            on_return: OnReturn::Push,
            generator: None,
            resumed: false,
        }
    }
}

/// What a plain call of a function running `code` needs of it (see `CallShape`).
pub(super) fn call_shape(code: &CodeObject) -> CallShape {
    let special = code.flags & (VARARGS | VARKEYWORDS) != 0 || code.kwonlyargcount != 0;
    CallShape {
        plain_argc: if special { u32::MAX } else { code.argcount },
        nlocalsplus: code.nlocalsplus() as u32,
        stacksize: code.stacksize,
    }
}

/// Sets `locals` to `receiver` (if given), `args` and then `Null`s up to
/// `n` values in all, with plain stores: under opt-level "z" `extend` and
/// `resize` stay calls, a third of a call's cost.
#[inline(always)]
fn fill_locals(locals: &mut Vec<Value>, receiver: Option<Value>, args: &[Value], n: usize) {
    let given = args.len() + receiver.is_some() as usize;
    let n = n.max(given);
    locals.clear();
    if locals.capacity() < n {
        locals.reserve(n);
    }
    let mut p = locals.as_mut_ptr();
    // SAFETY: there is room for `n` values (reserved above) and `given <= n`
    // of them are written first, then `Null`s up to `n`; the length covers
    // them only once they are all written (`Value` has no destructor).
    unsafe {
        if let Some(r) = receiver {
            p.write(r);
            p = p.add(1);
        }
        // Up to three arguments (most calls) without a loop: V8 checks the
        // stack in every loop, and each value moves as 16 bytes (see `push_from`).
        let a = args.as_ptr();
        match args.len() {
            0 => {}
            1 => std::ptr::copy_nonoverlapping(a, p, 1),
            2 => {
                std::ptr::copy_nonoverlapping(a, p, 1);
                std::ptr::copy_nonoverlapping(a.add(1), p.add(1), 1);
            }
            3 => {
                std::ptr::copy_nonoverlapping(a, p, 1);
                std::ptr::copy_nonoverlapping(a.add(1), p.add(1), 1);
                std::ptr::copy_nonoverlapping(a.add(2), p.add(2), 1);
            }
            _ => {
                let mut q = p;
                for &v in args {
                    q.write(v);
                    q = q.add(1);
                }
            }
        }
        p = p.add(args.len());
        if given < n {
            for _ in given..n {
                p.write(Value::Null);
                p = p.add(1);
            }
        }
        locals.set_len(n);
    }
}

/// The running frames, innermost last, as a slice of boxes (`Deref`), with
/// the frames of finished plain calls kept past its end: CPython's contiguous
/// frames. A plain call (`call_in_place`) sets up the next box in place, and
/// its return only drops it from the slice (`pop_in_place_with_room`): no box moves,
/// and the finished frame's stale values are never read (a call clears them
/// first) nor traced (the collector sees the slice). The general paths push
/// and pop boxes (a generator's frame moves between the stack and its
/// generator object as a pointer); a box pushed takes the place of a finished
/// frame, which moves past the others.
#[derive(Default)]
pub struct FrameStack {
    /// The running frames (`..len`), then finished frames.
    slots: Vec<Box<Frame>>,
    len: usize,
}

impl Clone for FrameStack {
    /// The running frames (finished ones hold nothing).
    fn clone(&self) -> Self {
        FrameStack { slots: self.to_vec(), len: self.len }
    }
}

impl std::ops::Deref for FrameStack {
    type Target = [Box<Frame>];

    #[inline(always)]
    fn deref(&self) -> &[Box<Frame>] {
        // SAFETY: `len <= slots.len()` always (every method keeps it so).
        unsafe { std::slice::from_raw_parts(self.slots.as_ptr(), self.len) }
    }
}

impl std::ops::DerefMut for FrameStack {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut [Box<Frame>] {
        // SAFETY: as in `deref`.
        unsafe { std::slice::from_raw_parts_mut(self.slots.as_mut_ptr(), self.len) }
    }
}

impl FrameStack {
    pub fn push(&mut self, frame: Box<Frame>) {
        if self.len < self.slots.len() {
            let finished = std::mem::replace(&mut self.slots[self.len], frame);
            self.slots.push(finished);
        } else {
            self.slots.push(frame);
        }
        self.len += 1;
    }

    pub fn pop(&mut self) -> Option<Box<Frame>> {
        if self.len == 0 {
            return None;
        }
        self.len -= 1;
        Some(self.slots.swap_remove(self.len))
    }

    pub fn clear(&mut self) {
        self.slots.clear();
        self.len = 0;
    }

    /// Starts a plain call of Python function `func` (code `code_index`,
    /// `entry`, globals `globals`) whose first locals are `args`, in a
    /// finished frame's box if there is one, and returns it (now the last).
    #[inline(always)]
    pub(super) fn call_in_place(&mut self, entry: &CodeEntry, code_index: usize, shape: CallShape, globals: ObjId, func: ObjId, args: &[Value]) -> &mut Frame {
        let n = self.len;
        if n >= self.slots.len() {
            let f = Box::new(Frame::new(entry.code.clone(), code_index, globals));
            super::run_loop::push(&mut self.slots, f);
        }
        self.len = n + 1;
        // SAFETY: `n < slots.len()` (a box was pushed above if there was none).
        let f = unsafe { &mut **self.slots.as_mut_ptr().add(n) };
        f.reset_for_call(entry, code_index, shape, globals, func, None, args);
        f
    }

    /// `push`, inline, returning the frame pushed: run mode's FOR_ITER
    /// resuming a generator (a call of `push` cost 18 instructions per item).
    #[inline(always)]
    pub(super) fn push_resumed(&mut self, frame: Box<Frame>) -> &mut Frame {
        let n = self.len;
        if n < self.slots.len() {
            // SAFETY: `n` is in bounds; the finished frame read out of it is
            // moved past the others, so no box is lost or duplicated.
            let finished = unsafe { std::ptr::replace(self.slots.as_mut_ptr().add(n), frame) };
            super::run_loop::push(&mut self.slots, finished);
        } else {
            super::run_loop::push(&mut self.slots, frame);
        }
        self.len = n + 1;
        // SAFETY: `n < slots.len()` now.
        unsafe { &mut **self.slots.as_mut_ptr().add(n) }
    }

    /// `pop`, inline: run mode's YIELD_VALUE suspending a generator (its
    /// caller, if any, is the last frame after it).
    #[inline(always)]
    pub(super) fn pop_suspended(&mut self) -> Option<Box<Frame>> {
        let n = self.len;
        if n == 0 {
            return None;
        }
        self.len = n - 1;
        let last = self.slots.len() - 1;
        // SAFETY: `n - 1 <= last` are in bounds; the box read out of `n - 1`
        // leaves, and the last box (a finished frame, if it is another) takes
        // its place before the length drops past it (`Vec::swap_remove`).
        unsafe {
            let p = self.slots.as_mut_ptr();
            let frame = std::ptr::read(p.add(n - 1));
            if last != n - 1 {
                std::ptr::copy_nonoverlapping(p.add(last), p.add(n - 1), 1);
            }
            self.slots.set_len(last);
            Some(frame)
        }
    }

    /// Ends the last frame's plain call (its box stays, as it is, for the
    /// next call) and returns its caller, if there is one and its stack has
    /// room for the returned value without growing (else nothing changes).
    #[inline(always)]
    pub(super) fn pop_in_place_with_room(&mut self) -> Option<&mut Frame> {
        let n = self.len;
        if n < 2 {
            return None;
        }
        // SAFETY: `n - 2` is in bounds (`n <= slots.len()`).
        let caller = unsafe { &mut **self.slots.as_mut_ptr().add(n - 2) };
        if caller.stack.len() == caller.stack.capacity() {
            return None;
        }
        self.len = n - 1;
        Some(caller)
    }
}

/// How many finished frames `recycle` keeps.
const SPARE_FRAMES: usize = 64;

impl FrameStack {
    /// A frame for a call of Python function `func` (code `code_index`,
    /// `entry`) whose first locals are `receiver` (a method's `self`, if
    /// given) and `args`: a finished frame reused in place when there is one.
    pub(super) fn for_call(
        &mut self,
        entry: &CodeEntry,
        code_index: usize,
        globals: ObjId,
        func: ObjId,
        receiver: Option<Value>,
        args: &[Value],
    ) -> Box<Frame> {
        let mut f = self.spare(entry, code_index, globals);
        f.reset_for_call(entry, code_index, call_shape(&entry.code), globals, func, receiver, args);
        f
    }

    /// As `for_call`, for a call whose arguments are the last frame's top
    /// `argc` values; that frame's stack is then cut to `base`.
    pub(super) fn for_call_from_top(
        &mut self,
        entry: &CodeEntry,
        code_index: usize,
        globals: ObjId,
        func: ObjId,
        receiver: Option<Value>,
        argc: usize,
        base: usize,
    ) -> Box<Frame> {
        let mut f = self.spare(entry, code_index, globals);
        if let Some(caller) = self.last_mut() {
            let n = caller.stack.len();
            f.reset_for_call(entry, code_index, call_shape(&entry.code), globals, func, receiver, &caller.stack[n - argc..]);
            caller.stack.truncate(base);
        }
        f
    }

    /// A finished frame's box taken out, or a new frame.
    fn spare(&mut self, entry: &CodeEntry, code_index: usize, globals: ObjId) -> Box<Frame> {
        if self.slots.len() > self.len {
            if let Some(f) = self.slots.pop() {
                return f;
            }
        }
        Box::new(Frame::new(entry.code.clone(), code_index, globals))
    }

    /// Keeps a finished frame (one popped, or never pushed) for a later call.
    pub(super) fn recycle(&mut self, mut frame: Box<Frame>) {
        if self.slots.len() - self.len < SPARE_FRAMES {
            frame.locals.clear();
            frame.stack.clear();
            self.slots.push(frame);
        }
    }
}
