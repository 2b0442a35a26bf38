//! A frame: one activation of a code object, living in the VM's frame Vec.

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
