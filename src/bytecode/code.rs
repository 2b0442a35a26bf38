//! The code object: what the compiler produces and the VM executes,
//! field for field CPython 3.12's `PyCodeObject` as Python code sees it.

use num_bigint::BigInt;
use std::rc::Rc;

/// A value in `co_consts`.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Ellipsis,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    Complex { real: f64, imag: f64 },
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[Constant]>),
    FrozenSet(Rc<[Constant]>),
    Code(Rc<CodeObject>),
}

/// `co_flags` bits (CPython's `Include/cpython/code.h`).
pub mod flags {
    pub const OPTIMIZED: u32 = 0x0001;
    pub const NEWLOCALS: u32 = 0x0002;
    pub const VARARGS: u32 = 0x0004;
    pub const VARKEYWORDS: u32 = 0x0008;
    pub const NESTED: u32 = 0x0010;
    pub const GENERATOR: u32 = 0x0020;
    pub const NOFREE: u32 = 0x0040;
    pub const COROUTINE: u32 = 0x0080;
    pub const ITERABLE_COROUTINE: u32 = 0x0100;
    pub const ASYNC_GENERATOR: u32 = 0x0200;
}

/// Kinds of a locals-plus slot (`co_localspluskinds`); a slot may be both
/// LOCAL and CELL (an argument captured by an inner function).
pub mod local_kind {
    pub const LOCAL: u8 = 0x20;
    pub const CELL: u8 = 0x40;
    pub const FREE: u8 = 0x80;
    pub const HIDDEN: u8 = 0x10;
}

/// Source span of one instruction: `co_positions()` — every field may be absent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Position {
    pub line: Option<u32>,
    pub end_line: Option<u32>,
    /// 0-based UTF-8 byte column, as CPython reports it.
    pub col: Option<u32>,
    pub end_col: Option<u32>,
}

/// One entry of the exception table (`co_exceptiontable`, decoded):
/// instructions in `[start, end)` (byte offsets) jump to `target` with the
/// stack cut to `depth`, pushing the offset of the raising instruction first
/// when `push_lasti`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub push_lasti: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub stacksize: u32,
    /// `co_code`: 2-byte code units (opcode, oparg), CACHE units included as zeros.
    pub code: Vec<u8>,
    pub consts: Vec<Constant>,
    pub names: Vec<Rc<str>>,
    /// Locals-plus: fast locals, then cells that are not arguments, then free variables.
    pub localsplusnames: Vec<Rc<str>>,
    pub localspluskinds: Vec<u8>,
    pub filename: Rc<str>,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub firstlineno: u32,
    /// One entry per code unit of `code` (CACHE units repeat their instruction's).
    pub positions: Vec<Position>,
    pub exception_table: Vec<ExceptionEntry>,
}

impl CodeObject {
    fn names_of_kind(&self, kind: u8) -> Vec<Rc<str>> {
        self.localsplusnames
            .iter()
            .zip(&self.localspluskinds)
            .filter(|(_, k)| *k & kind != 0)
            .map(|(n, _)| n.clone())
            .collect()
    }

    /// `co_varnames`: arguments and other fast locals.
    pub fn varnames(&self) -> Vec<Rc<str>> {
        self.names_of_kind(local_kind::LOCAL)
    }

    /// `co_cellvars`: locals captured by inner functions.
    pub fn cellvars(&self) -> Vec<Rc<str>> {
        self.names_of_kind(local_kind::CELL)
    }

    /// `co_freevars`: variables this code takes from an enclosing function.
    pub fn freevars(&self) -> Vec<Rc<str>> {
        self.names_of_kind(local_kind::FREE)
    }

    /// `co_nlocalsplus`.
    pub fn nlocalsplus(&self) -> usize {
        self.localsplusnames.len()
    }

    /// The line of the instruction at byte `offset` (`None` for artificial code).
    pub fn line_at(&self, offset: usize) -> Option<u32> {
        self.positions.get(offset / 2).and_then(|p| p.line)
    }

    /// The innermost exception-table entry covering the instruction at `offset`.
    pub fn handler_for(&self, offset: u32) -> Option<&ExceptionEntry> {
        self.exception_table
            .iter()
            .find(|e| e.start <= offset && offset < e.end)
    }
}
