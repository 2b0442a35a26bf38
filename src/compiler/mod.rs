//! The compiler: Python source -> CPython 3.12 code objects, byte for byte.
//!
//! The stages follow CPython: `fold` (ast_opt.c) -> `symtable` (symtable.c)
//! -> `codegen` (compile.c, into `ir` instructions) -> `flowgraph`
//! (flowgraph.c's optimisations) -> `assemble` (assemble.c).

mod assemble;
mod codegen;
mod consts;
mod flowgraph;
mod fold;
mod format;
mod ir;
mod symtable;

use crate::bytecode::CodeObject;
use crate::syntax::ast::{Module, Span};
use crate::syntax::{ErrorKind, SyntaxError};
use std::rc::Rc;

/// A compile-time error (a SyntaxError), located like CPython locates it.
#[derive(Clone, Debug, PartialEq)]
pub struct CompileError {
    pub msg: String,
    pub line: u32,
    /// 0-based UTF-8 byte column (as in the AST).
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

impl CompileError {
    pub fn new(msg: impl Into<String>, span: Span) -> CompileError {
        CompileError { msg: msg.into(), line: span.line, col: span.col, end_line: span.end_line, end_col: span.end_col }
    }

    fn at(msg: impl Into<String>, loc: ir::Loc) -> CompileError {
        let v = |x: i32| x.max(0) as u32;
        CompileError { msg: msg.into(), line: v(loc.line), col: v(loc.col), end_line: v(loc.end_line), end_col: v(loc.end_col) }
    }
}

/// Compiles a parsed module (CPython's `compile(..., 'exec')` after parsing).
pub fn compile_module(module: &Module, filename: &str) -> Result<Rc<CodeObject>, CompileError> {
    let mut module = module.clone();
    let folded = fold::fold_module(&mut module);
    let table = symtable::build(&module)?;
    codegen::Compiler::new(table, folded, filename).compile_module(&module)
}

/// Parses and compiles a module: `compile(source, filename, 'exec')`.
pub fn compile(source: &str, filename: &str) -> Result<Rc<CodeObject>, SyntaxError> {
    let module = crate::syntax::parse(source, filename)?;
    compile_module(&module, filename).map_err(|e| {
        let span = Span { line: e.line, col: e.col, end_line: e.end_line, end_col: e.end_col };
        SyntaxError::at_span(ErrorKind::SyntaxError, e.msg, filename, source, span)
    })
}
