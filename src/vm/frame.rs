//! A frame: one activation of a code object, living in the VM's frame Vec.

use super::CodeEntry;
use crate::bytecode::CodeObject;
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

/// The frames of finished calls, kept boxed with their (emptied) vectors,
/// so that a call reuses one in place: no allocation, and a recursive call
/// of the same code not even a reference count. The frame stack holds boxes
/// too, so a generator's frame moves between the stack and its generator
/// object as a pointer.
#[derive(Default)]
pub struct FramePool(Vec<Box<Frame>>);

impl Clone for FramePool {
    /// Finished frames hold nothing: a copy of the VM starts with none.
    fn clone(&self) -> Self {
        FramePool::default()
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
        for &v in args {
            p.write(v);
            p = p.add(1);
        }
        for _ in given..n {
            p.write(Value::Null);
            p = p.add(1);
        }
        locals.set_len(n);
    }
}

/// How many finished frames the pool keeps.
const POOL_SIZE: usize = 64;

impl FramePool {
    /// A frame for a call of Python function `func` (code `code_index`,
    /// `entry`) whose first locals are `receiver` (a method's `self`, if
    /// given) and `args`: a finished frame reused in place when there is one.
    #[inline(always)]
    pub(super) fn for_call(
        &mut self,
        entry: &CodeEntry,
        code_index: usize,
        globals: ObjId,
        func: ObjId,
        receiver: Option<Value>,
        args: &[Value],
    ) -> Box<Frame> {
        // (`pop_last`: under opt-level "z" `Vec::pop` stays a call.)
        let Some(mut f) = super::run_loop::pop_last(&mut self.0) else {
            let mut f = Box::new(Frame::new(entry.code.clone(), code_index, globals));
            fill_locals(&mut f.locals, receiver, args, entry.code.localsplusnames.len());
            f.func = Some(func);
            return f;
        };
        if !Rc::ptr_eq(&f.code, &entry.code) {
            f.code = entry.code.clone();
        }
        f.code_index = code_index;
        fill_locals(&mut f.locals, receiver, args, entry.code.localsplusnames.len());
        let stacksize = entry.code.stacksize as usize;
        if f.stack.capacity() < stacksize {
            f.stack.reserve(stacksize);
        }
        f.ip = 0;
        f.lasti = 0;
        f.ext_arg = 0;
        f.globals = globals;
        f.names = None;
        f.func = Some(func);
        f.kw_names = None;
        f.on_return = OnReturn::Push;
        f.generator = None;
        f.resumed = false;
        f
    }

    /// Keeps a finished frame for the next call, its vectors emptied.
    #[inline(always)]
    pub(super) fn recycle(&mut self, mut frame: Box<Frame>) {
        if self.0.len() < POOL_SIZE {
            frame.locals.clear();
            frame.stack.clear();
            super::run_loop::push(&mut self.0, frame);
        }
    }
}
