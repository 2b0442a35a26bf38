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
mod future;
mod ir;
mod patterns;
mod symtable;
mod unparse;

use crate::bytecode::CodeObject;
use crate::syntax::ast::{Module, Span};
use crate::syntax::{ErrorKind, SyntaxError, SyntaxWarning};
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
    // Boxed: the passes return `Result<_, Box<CompileError>>`, so each `?`
    // moves a pointer rather than the whole error.
    pub fn new(msg: impl Into<String>, span: Span) -> Box<CompileError> {
        Box::new(CompileError { msg: msg.into(), line: span.line, col: span.col, end_line: span.end_line, end_col: span.end_col })
    }

    fn at(msg: impl Into<String>, loc: ir::Loc) -> Box<CompileError> {
        let v = |x: i32| x.max(0) as u32;
        Box::new(CompileError { msg: msg.into(), line: v(loc.line), col: v(loc.col), end_line: v(loc.end_line), end_col: v(loc.end_col) })
    }
}

/// Native stack a level of tree depth may take in the deepest of the passes
/// (fold, symtable, codegen, and `Clone`).
const PASS_LEVEL_STACK: usize = if cfg!(debug_assertions) { 8 << 10 } else { 1 << 10 };

/// Compiles a parsed module (CPython's `compile(..., 'exec')` after parsing).
pub fn compile_module(module: &Module, filename: &str) -> Result<Rc<CodeObject>, CompileError> {
    compile_module_with_warnings(module, filename).0
}

/// As `compile_module`, also returning the SyntaxWarnings code generation
/// emits (`x is 1`, `(1, 2)(3)`, `assert (x, "msg")`, ...), in order.
pub fn compile_module_with_warnings(
    module: &Module,
    filename: &str,
) -> (Result<Rc<CodeObject>, CompileError>, Vec<SyntaxWarning>) {
    let (result, warnings) = compile_owned_module(module.clone(), filename);
    (result.map_err(|e| *e), warnings)
}

/// As `compile_module_with_warnings`, folding the tree in place: `compile` owns
/// the tree it parsed, so it needs no copy (nor the page's wasm the code to copy one).
fn compile_owned_module(mut module: Module, filename: &str) -> (Result<Rc<CodeObject>, Box<CompileError>>, Vec<SyntaxWarning>) {
    // The passes below recurse over the tree (the parser has bounded its
    // depth by CPython's limits): refuse it if this thread's stack could not
    // take that, rather than overflow.
    if crate::runtime::limits::stack::exhausted(crate::syntax::tree_depth(&module) * PASS_LEVEL_STACK) {
        let e = CompileError { msg: crate::syntax::TOO_COMPLEX.into(), line: 0, col: 0, end_line: 0, end_col: 0 };
        return (Err(Box::new(e)), Vec::new());
    }
    let future = match future::parse(&module) {
        Ok(f) => f,
        Err(e) => return (Err(e), Vec::new()),
    };
    let folded = fold::fold_module(&mut module, future.annotations());
    let table = match symtable::build(&module, future.annotations()) {
        Ok(t) => t,
        Err(e) => return (Err(e), Vec::new()),
    };
    let mut compiler = codegen::Compiler::new(table, folded, future, filename);
    let result = compiler.compile_module(&module);
    let warnings = std::mem::take(&mut compiler.warnings);
    (result, warnings)
}

/// Parses and compiles a module: `compile(source, filename, 'exec')`.
pub fn compile(source: &str, filename: &str) -> Result<Rc<CodeObject>, SyntaxError> {
    compile_with_warnings(source, filename).0
}

/// As `compile`, also returning every SyntaxWarning CPython would print
/// while compiling (the parser's first, then code generation's), each
/// rendered with `SyntaxWarning::render(filename, source)`.
pub fn compile_with_warnings(
    source: &str,
    filename: &str,
) -> (Result<Rc<CodeObject>, SyntaxError>, Vec<SyntaxWarning>) {
    let (parsed, mut warnings) = crate::syntax::parse_with_warnings(source, filename);
    let module = match parsed {
        Ok(m) => m,
        Err(e) => return (Err(e), warnings),
    };
    let (result, more) = compile_owned_module(module, filename);
    warnings.extend(more);
    let result = result.map_err(|e| {
        if e.line == 0 && e.msg == crate::syntax::TOO_COMPLEX {
            return SyntaxError::unlocated(ErrorKind::MemoryError, &e.msg, filename);
        }
        let span = Span { line: e.line, col: e.col, end_line: e.end_line, end_col: e.end_col };
        SyntaxError::at_span(ErrorKind::SyntaxError, &e.msg, filename, source, span)
    });
    (result, warnings)
}
