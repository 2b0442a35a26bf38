//! A frame: one activation of a code object, living in the VM's frame Vec.

use super::CodeEntry;
use crate::bytecode::CodeObject;
use crate::runtime::value::{ObjId, Value};
use std::mem::MaybeUninit;
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
    /// Index in the VM's code registry (= `Session::code_objects()` order).
    pub code_index: usize,
    pub consts: Rc<[Value]>,
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

    pub fn trace(&self, out: &mut Vec<Value>) {
        out.extend_from_slice(&self.locals);
        out.extend_from_slice(&self.stack);
        out.extend_from_slice(&self.consts);
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
}

impl Frame {
    /// A frame for a call of Python function `func` (code `code_index`,
    /// `entry`) whose first locals are `receiver` (a method's `self`, if
    /// given) and `args`; its vectors come from `spare` (those of finished
    /// frames) when there are any, so a call allocates nothing.
    #[inline]
    pub(super) fn for_call(
        entry: &CodeEntry,
        code_index: usize,
        globals: ObjId,
        func: ObjId,
        receiver: Option<Value>,
        args: &[Value],
        spare: &mut Vec<Vec<Value>>,
    ) -> Frame {
        let mut locals = spare.pop().unwrap_or_default();
        locals.extend(receiver);
        locals.extend_from_slice(args);
        locals.resize(entry.code.nlocalsplus(), Value::Null);
        let mut stack = spare.pop().unwrap_or_default();
        stack.reserve(entry.code.stacksize as usize);
        Frame {
            code: entry.code.clone(),
            code_index,
            consts: entry.consts.clone(),
            ip: 0,
            lasti: 0,
            ext_arg: 0,
            locals,
            stack,
            globals,
            names: None,
            func: Some(func),
            kw_names: None,
            on_return: OnReturn::Push,
            generator: None,
            resumed: false,
        }
    }

    /// Hands a finished frame's (emptied) vectors to `spare` for the next call.
    #[inline]
    pub(super) fn recycle_vectors(&mut self, spare: &mut Vec<Vec<Value>>) {
        if spare.len() < 64 {
            let (mut locals, mut stack) = (std::mem::take(&mut self.locals), std::mem::take(&mut self.stack));
            locals.clear();
            stack.clear();
            spare.push(locals);
            spare.push(stack);
        }
    }
}

/// Heap blocks for the frames of suspended generators. A generator's frame
/// moves onto the frame stack while it runs and back into a block when it
/// yields; keeping the blocks of resumed generators for the next yield saves
/// an allocation and a free per item.
#[derive(Default)]
pub struct FrameBoxes(Vec<Box<MaybeUninit<Frame>>>);

impl Clone for FrameBoxes {
    /// Spare blocks hold nothing: a copy of the VM starts with none.
    fn clone(&self) -> Self {
        FrameBoxes::default()
    }
}

impl FrameBoxes {
    /// `frame` in a block (a spare one if there is one).
    #[inline]
    pub fn boxed(&mut self, frame: Frame) -> Box<Frame> {
        let block = self.0.pop().unwrap_or_else(Box::new_uninit);
        Box::write(block, frame)
    }

    /// The frame out of its block, which is kept for the next `boxed`.
    #[inline]
    pub fn unbox(&mut self, boxed: Box<Frame>) -> Frame {
        let raw = Box::into_raw(boxed);
        // SAFETY: `raw` comes from a live `Box<Frame>`: reading moves the frame
        // out, and the block, now uninitialised, is owned again as a
        // `Box<MaybeUninit<Frame>>` (same layout), which never drops a frame.
        unsafe {
            let frame = raw.read();
            if self.0.len() < 64 {
                self.0.push(Box::from_raw(raw.cast::<MaybeUninit<Frame>>()));
            } else {
                drop(Box::from_raw(raw.cast::<MaybeUninit<Frame>>()));
            }
            frame
        }
    }
}
