//! Code generation (CPython's `Python/compile.c`): the AST of each scope
//! becomes a flat instruction sequence with labels and pseudo-instructions,
//! which `flowgraph` optimises and `assemble` turns into a code object.

use super::assemble::{assemble, UnitMeta};
use super::consts::ConstPool;
use super::flowgraph::Cfg;
use super::fold::{value_of, Folded};
use super::future::Future;
use super::unparse::unparse;
use super::ir::{Label, Loc, Op, SeqItem};
use super::symtable::{
    self, key_of, mangle, type_alias_key, type_params_key, type_var_bound_key, BlockKind, CompKind, Scope, SymbolTable,
    DEF_IMPORT, DEF_LOCAL, DEF_NONLOCAL,
};
use super::CompileError;
use crate::bytecode::code::flags;
use crate::bytecode::{CodeObject, Constant, Opcode};
use crate::syntax::ast::*;
use crate::syntax::SyntaxWarning;
use num_bigint::BigInt;
use crate::runtime::dict::{FxHashMap, FxHashSet};
use std::rc::Rc;

use Opcode::*;

/// CPython's STACK_USE_GUIDELINE: above it, calls and displays are built piecewise.
const STACK_USE_GUIDELINE: usize = 30;

const INTRINSIC_IMPORT_STAR: u32 = 2;
const INTRINSIC_STOPITERATION_ERROR: u32 = 3;
const INTRINSIC_ASYNC_GEN_WRAP: u32 = 4;
const INTRINSIC_UNARY_POSITIVE: u32 = 5;
const INTRINSIC_LIST_TO_TUPLE: u32 = 6;
const INTRINSIC_TYPEVAR: u32 = 7;
const INTRINSIC_PARAMSPEC: u32 = 8;
const INTRINSIC_TYPEVARTUPLE: u32 = 9;
const INTRINSIC_SUBSCRIPT_GENERIC: u32 = 10;
const INTRINSIC_TYPEALIAS: u32 = 11;
const INTRINSIC_2_TYPEVAR_WITH_BOUND: u32 = 2;
const INTRINSIC_2_TYPEVAR_WITH_CONSTRAINTS: u32 = 3;
const INTRINSIC_2_SET_FUNCTION_TYPE_PARAMS: u32 = 4;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ScopeType {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
    /// PEP 695's hidden scopes: a generic's type parameters, a TypeVar's bound.
    TypeParams,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FBlockKind {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry,
    FinallyEnd,
    With,
    AsyncWith,
    HandlerCleanup,
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

#[derive(Clone)]
struct FBlock<'a> {
    kind: FBlockKind,
    block: Option<Label>,
    exit: Option<Label>,
    /// The finally body (FinallyTry).
    finalbody: Option<&'a [Stmt]>,
    /// The handler's bound name (HandlerCleanup).
    name: Option<Rc<str>>,
    /// The `with` statement's location (With).
    with_loc: Loc,
}

/// An insertion-ordered set of names with their indexes (CPython's name dicts).
#[derive(Default, Clone)]
struct NameIndex {
    list: Vec<Rc<str>>,
    index: FxHashMap<Rc<str>, u32>,
}

impl NameIndex {
    fn add(&mut self, name: &Rc<str>) -> u32 {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = self.list.len() as u32;
        self.list.push(name.clone());
        self.index.insert(name.clone(), i);
        i
    }

    fn get(&self, name: &str) -> Option<u32> {
        self.index.get(name).copied()
    }
}

struct Unit<'a> {
    ste: usize,
    scope_type: ScopeType,
    seq: Vec<SeqItem>,
    consts: ConstPool,
    names: NameIndex,
    varnames: NameIndex,
    cellvars: NameIndex,
    freevars: NameIndex,
    /// Names made fast locals while compiling an inlined comprehension
    /// outside a function: those of the comprehensions being compiled now
    /// (`hidden_now`), and all of them (CO_FAST_HIDDEN in the code object).
    /// Sets of names, not one name -> bool map: the symbol table's set
    /// type, where a map type of its own would cost the wasm a hash table
    /// instantiation.
    hidden_now: FxHashSet<Rc<str>>,
    fast_hidden: FxHashSet<Rc<str>>,
    private: Option<Rc<str>>,
    fblocks: Vec<FBlock<'a>>,
    next_label: usize,
    in_inlined_comp: u32,
    name: Rc<str>,
    qualname: Rc<str>,
    firstlineno: u32,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
}

pub struct Compiler<'a> {
    st: SymbolTable,
    future: Future,
    folded: Folded,
    /// SyntaxWarnings in emission order (CPython prints them as it compiles).
    pub warnings: Vec<SyntaxWarning>,
    filename: Rc<str>,
    units: Vec<Unit<'a>>,
}

pub(super) type Res = Result<(), Box<CompileError>>;

fn loc(span: Span) -> Loc {
    Loc::from_span(span)
}

fn err(msg: impl Into<String>, span: Span) -> Box<CompileError> {
    CompileError::new(msg, span)
}

fn const_of(value: &ConstantValue) -> Constant {
    match value {
        ConstantValue::None => Constant::None,
        ConstantValue::Ellipsis => Constant::Ellipsis,
        ConstantValue::Bool(b) => Constant::Bool(*b),
        ConstantValue::Int(i) => Constant::Int(i.clone()),
        ConstantValue::Float(f) => Constant::Float(*f),
        ConstantValue::Imaginary(f) => Constant::Complex { real: 0.0, imag: *f },
        ConstantValue::Str(s) => Constant::Str(s.clone()),
        ConstantValue::Bytes(b) => Constant::Bytes(b.clone()),
    }
}

fn str_const(s: &str) -> Constant {
    Constant::Str(s.into())
}

/// A tuple of names as a constant (keyword names, imported names, match
/// attributes). A `dyn` iterator, so that the four callers share one
/// `collect` instance in the wasm.
pub(super) fn names_tuple(names: &mut dyn Iterator<Item = Rc<str>>) -> Constant {
    Constant::Tuple(names.map(Constant::Str).collect::<Vec<_>>().into())
}

fn docstring(body: &[Stmt]) -> Option<Rc<str>> {
    let StmtKind::Expr(e) = &body.first()?.kind else { return None };
    match &e.kind {
        ExprKind::Constant(ConstantValue::Str(s)) => Some(s.clone()),
        _ => None,
    }
}



fn is_two_element_slice(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Slice { step: None, .. })
}

/// `update_start_location_to_match_attr`: a method call spanning lines is
/// located at the attribute name.
fn attr_loc(mut l: Loc, attr: &Expr) -> Loc {
    let ExprKind::Attribute { attr: name, .. } = &attr.kind else { return l };
    let end_line = attr.span.end_line as i32;
    if l.line != end_line {
        l.line = end_line;
        let len = name.chars().count() as i32;
        if len <= attr.span.end_col as i32 {
            l.col = attr.span.end_col as i32 - len;
        } else {
            l.col = -1;
            l.end_col = -1;
        }
        l.end_line = l.end_line.max(l.line);
        if l.line == l.end_line {
            l.end_col = l.end_col.max(l.col);
        }
    }
    l
}

fn binary_arg(op: Operator, inplace: bool) -> u32 {
    op as u32 + if inplace { 13 } else { 0 }
}

impl<'a> Compiler<'a> {
    pub fn new(st: SymbolTable, folded: Folded, future: Future, filename: &str) -> Self {
        Compiler { st, future, folded, warnings: Vec::new(), filename: filename.into(), units: Vec::new() }
    }

    /// The constant an expression folds to (see `fold::value_of`).
    pub(super) fn const_value(&self, e: &Expr) -> Option<Constant> {
        value_of(e, &self.folded)
    }

    fn is_const(&self, e: &Expr) -> bool {
        matches!(e.kind, ExprKind::Constant(_) | ExprKind::Tuple { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } | ExprKind::Subscript { .. })
            && self.const_value(e).is_some()
    }

    // ----- units -----

    fn u(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("inside a unit")
    }

    fn ste(&self) -> &symtable::ScopeEntry {
        &self.st.scopes[self.units.last().unwrap().ste]
    }

    fn enter_scope(&mut self, name: Rc<str>, scope_type: ScopeType, key: usize, firstlineno: u32) -> Res {
        let ste = self.st.lookup(key);
        let entry = &self.st.scopes[ste];
        let mut varnames = NameIndex::default();
        for v in &entry.varnames {
            varnames.add(v);
        }
        let mut cellvars = NameIndex::default();
        let mut sorted: Vec<&Rc<str>> = entry.symbols.keys().collect();
        crate::sort::sort(&mut sorted);
        for n in &sorted {
            let s = &entry.symbols[*n];
            if s.scope == Scope::Cell || s.flags & symtable::DEF_COMP_CELL != 0 {
                cellvars.add(n);
            }
        }
        if entry.needs_class_closure {
            cellvars.add(&"__class__".into());
        }
        if entry.needs_classdict {
            cellvars.add(&"__classdict__".into());
        }
        let mut freevars = NameIndex::default();
        for n in &sorted {
            let s = &entry.symbols[*n];
            if s.scope == Scope::Free || s.flags & symtable::DEF_FREE_CLASS != 0 {
                freevars.add(n);
            }
        }
        let private = self.units.last().and_then(|u| u.private.clone());
        self.units.push(Unit {
            ste,
            scope_type,
            seq: Vec::new(),
            consts: ConstPool::default(),
            names: NameIndex::default(),
            varnames,
            cellvars,
            freevars,
            hidden_now: FxHashSet::default(),
            fast_hidden: FxHashSet::default(),
            private,
            fblocks: Vec::new(),
            next_label: 0,
            in_inlined_comp: 0,
            name: name.clone(),
            qualname: name,
            firstlineno,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
        });
        let mut l = Loc { line: firstlineno as i32, end_line: firstlineno as i32, col: 0, end_col: 0 };
        if scope_type == ScopeType::Module {
            l.line = 0;
        } else {
            self.set_qualname();
        }
        self.emit_arg(l, RESUME, 0);
        // CPython 3.12.7 starts the body in a block of its own, so a NOP on
        // the `def` line survives to give the implicit return its location.
        let body = self.new_label();
        self.use_label(body);
        Ok(())
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn set_qualname(&mut self) {
        let n = self.units.len();
        if n < 2 {
            return;
        }
        let u = &self.units[n - 1];
        let mut parent = &self.units[n - 2];
        if parent.scope_type == ScopeType::TypeParams {
            // A generic's own code is named as if the hidden scope were not there.
            if n == 3 {
                self.units[n - 1].qualname = u.name.clone();
                return;
            }
            parent = &self.units[n - 3];
        }
        let mut force_global = false;
        if matches!(u.scope_type, ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Class) {
            let mangled = mangle(parent.private.as_deref(), &u.name);
            if self.st.scopes[parent.ste].scope_of(&mangled) == Scope::GlobalExplicit {
                force_global = true;
            }
        }
        let qualname: Rc<str> = if force_global {
            u.name.clone()
        } else if matches!(
            parent.scope_type,
            ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Lambda
        ) {
            format!("{}.<locals>.{}", parent.qualname, u.name).into()
        } else if parent.scope_type == ScopeType::Module {
            u.name.clone()
        } else {
            format!("{}.{}", parent.qualname, u.name).into()
        };
        self.units[n - 1].qualname = qualname;
    }

    fn code_flags(&self) -> u32 {
        let ste = self.ste();
        let mut f = self.future.features;
        if ste.is_function_like() {
            f |= flags::NEWLOCALS | flags::OPTIMIZED;
            if ste.nested {
                f |= flags::NESTED;
            }
            if ste.generator && !ste.coroutine {
                f |= flags::GENERATOR;
            }
            if !ste.generator && ste.coroutine {
                f |= flags::COROUTINE;
            }
            if ste.generator && ste.coroutine {
                f |= flags::ASYNC_GENERATOR;
            }
            if ste.varargs {
                f |= flags::VARARGS;
            }
            if ste.varkeywords {
                f |= flags::VARKEYWORDS;
            }
        }
        f
    }

    /// `optimize_and_assemble`: closes the current unit into a code object.
    fn finish_unit(&mut self, add_none: bool) -> Rc<CodeObject> {
        if add_none {
            self.load_const(Loc::NONE, Constant::None);
        }
        self.emit(Loc::NONE, RETURN_VALUE);
        let code_flags = self.code_flags();
        let nparams = self.ste().varnames.len();
        let unit = self.units.pop().expect("a unit to finish");
        let mut consts = unit.consts;
        let mut cfg = Cfg::from_sequence(&unit.seq);
        cfg.mark_except_handlers();
        cfg.label_exception_targets();
        cfg.optimize(&mut consts);
        cfg.remove_unused_consts(&mut consts);
        cfg.add_checks_for_uninitialized(unit.varnames.list.len(), nparams);
        cfg.push_cold_blocks_to_end();
        cfg.resolve_line_numbers(unit.firstlineno as i32);
        let meta = UnitMeta {
            name: unit.name,
            qualname: unit.qualname,
            filename: self.filename.clone(),
            firstlineno: unit.firstlineno,
            argcount: unit.argcount + unit.posonlyargcount,
            posonlyargcount: unit.posonlyargcount,
            kwonlyargcount: unit.kwonlyargcount,
            varnames: unit.varnames.list,
            cellvars: unit.cellvars.list,
            freevars: unit.freevars.list,
            fast_hidden: unit.fast_hidden,
            flags: code_flags,
        };
        Rc::new(assemble(cfg, consts, unit.names.list, meta))
    }

    // ----- emitting -----

    pub(super) fn new_label(&mut self) -> Label {
        let u = self.u();
        u.next_label += 1;
        Label(u.next_label)
    }

    pub(super) fn use_label(&mut self, l: Label) {
        self.u().seq.push(SeqItem::Label(l));
    }

    pub(super) fn emit_op(&mut self, l: Loc, op: Op, arg: u32) {
        self.u().seq.push(SeqItem::Instr { op, arg, target: None, loc: l });
    }

    pub(super) fn emit(&mut self, l: Loc, op: Opcode) {
        self.emit_op(l, Op::Real(op), 0);
    }

    pub(super) fn emit_arg(&mut self, l: Loc, op: Opcode, arg: u32) {
        self.emit_op(l, Op::Real(op), arg);
    }

    pub(super) fn emit_jump(&mut self, l: Loc, op: Op, target: Label) {
        self.u().seq.push(SeqItem::Instr { op, arg: 0, target: Some(target), loc: l });
    }

    fn jump(&mut self, l: Loc, op: Opcode, target: Label) {
        self.emit_jump(l, Op::Real(op), target);
    }

    fn add_const(&mut self, c: Constant) -> u32 {
        self.u().consts.add_or_find(c)
    }

    pub(super) fn load_const(&mut self, l: Loc, c: Constant) {
        let i = self.add_const(c);
        self.emit_arg(l, LOAD_CONST, i);
    }

    fn name_index(&mut self, name: &Rc<str>) -> u32 {
        let mangled = self.mangle(name);
        self.u().names.add(&mangled)
    }

    fn mangle(&self, name: &Rc<str>) -> Rc<str> {
        mangle(self.units.last().unwrap().private.as_deref(), name)
    }

    fn emit_name(&mut self, l: Loc, op: Opcode, name: &Rc<str>) {
        let i = self.name_index(name);
        self.emit_arg(l, op, i);
    }

    fn load_attr(&mut self, l: Loc, name: &Rc<str>, method: bool) {
        let i = self.name_index(name);
        self.emit_arg(l, LOAD_ATTR, (i << 1) | method as u32);
    }

    fn varname_index(&mut self, name: &Rc<str>) -> u32 {
        let mangled = self.mangle(name);
        self.u().varnames.add(&mangled)
    }

    // ----- names -----

    pub(super) fn nameop(&mut self, l: Loc, name: &Rc<str>, ctx: Context) -> Res {
        if ctx != Context::Load && &**name == "__debug__" {
            return Err(CompileError::at(format!("cannot assign to {name}"), l));
        }
        let mangled = self.mangle(name);
        let ste_kind = self.ste().kind;
        let scope = self.ste().scope_of(&mangled);
        let function_like = self.ste().is_function_like();
        enum OpType {
            Deref(bool),
            Fast,
            Global,
            Name,
        }
        let optype = match scope {
            Scope::Free => OpType::Deref(true),
            Scope::Cell => OpType::Deref(false),
            Scope::Local if function_like || self.units.last().unwrap().hidden_now.contains(&mangled) => {
                OpType::Fast
            }
            Scope::GlobalImplicit if function_like => OpType::Global,
            Scope::GlobalExplicit => OpType::Global,
            _ => OpType::Name,
        };
        match optype {
            OpType::Deref(is_free) => {
                let op = match ctx {
                    Context::Load if ste_kind == BlockKind::Class && self.u().in_inlined_comp == 0 => {
                        self.emit(l, LOAD_LOCALS);
                        LOAD_FROM_DICT_OR_DEREF
                    }
                    Context::Load if self.ste().can_see_class_scope => {
                        self.load_classdict(l);
                        LOAD_FROM_DICT_OR_DEREF
                    }
                    Context::Load => LOAD_DEREF,
                    Context::Store => STORE_DEREF,
                    Context::Del => DELETE_DEREF,
                };
                let arg = self.deref_index(&mangled, is_free);
                self.emit_arg(l, op, arg);
            }
            OpType::Fast => {
                let op = match ctx {
                    Context::Load => LOAD_FAST,
                    Context::Store => STORE_FAST,
                    Context::Del => DELETE_FAST,
                };
                let i = self.u().varnames.add(&mangled);
                self.emit_arg(l, op, i);
            }
            OpType::Global => {
                let i = self.u().names.add(&mangled);
                match ctx {
                    Context::Load if self.ste().can_see_class_scope && scope == Scope::GlobalImplicit => {
                        self.load_classdict(l);
                        self.emit_arg(l, LOAD_FROM_DICT_OR_GLOBALS, i);
                    }
                    Context::Load => self.emit_arg(l, LOAD_GLOBAL, i << 1),
                    Context::Store => self.emit_arg(l, STORE_GLOBAL, i),
                    Context::Del => self.emit_arg(l, DELETE_GLOBAL, i),
                }
            }
            OpType::Name => {
                let i = self.u().names.add(&mangled);
                match ctx {
                    Context::Load if ste_kind == BlockKind::Class && self.u().in_inlined_comp > 0 => {
                        self.emit_arg(l, LOAD_GLOBAL, i << 1)
                    }
                    Context::Load => self.emit_arg(l, LOAD_NAME, i),
                    Context::Store => self.emit_arg(l, STORE_NAME, i),
                    Context::Del => self.emit_arg(l, DELETE_NAME, i),
                }
            }
        }
        Ok(())
    }

    /// An annotation scope inside a class reads the class namespace first: the
    /// `__classdict__` cell the class body filled.
    fn load_classdict(&mut self, l: Loc) {
        let arg = self.deref_index(&"__classdict__".into(), true);
        self.emit_arg(l, LOAD_DEREF, arg);
    }

    /// Index of a cell (in cellvars) or free variable (after the cells).
    fn deref_index(&mut self, name: &Rc<str>, is_free: bool) -> u32 {
        let u = self.u();
        if is_free {
            let offset = u.cellvars_offset();
            u.freevars.add(name) + offset
        } else {
            u.cellvars.add(name)
        }
    }

    // ----- module / bodies -----

    pub fn compile_module(&mut self, module: &'a Module) -> Result<Rc<CodeObject>, Box<CompileError>> {
        self.enter_scope("<module>".into(), ScopeType::Module, key_of(module), 1)?;
        let start = match module.body.first() {
            Some(s) => loc(s.span),
            None => Loc::NONE,
        };
        self.body(start, &module.body)?;
        Ok(self.finish_unit(true))
    }

    fn body(&mut self, start: Loc, stmts: &'a [Stmt]) -> Res {
        if find_ann(stmts) {
            self.emit(start, SETUP_ANNOTATIONS);
        }
        if stmts.is_empty() {
            return Ok(());
        }
        let mut rest = stmts;
        if let Some(doc) = docstring(stmts) {
            let first = &stmts[0];
            let StmtKind::Expr(value) = &first.kind else { unreachable!() };
            self.load_const(loc(value.span), Constant::Str(doc));
            self.nameop(Loc::NONE, &"__doc__".into(), Context::Store)?;
            rest = &stmts[1..];
        }
        self.stmts(rest)
    }

    pub(super) fn stmts(&mut self, stmts: &'a [Stmt]) -> Res {
        stmts.iter().try_for_each(|s| self.stmt(s))
    }

    // ----- statements -----

    fn stmt(&mut self, s: &'a Stmt) -> Res {
        let l = loc(s.span);
        match &s.kind {
            StmtKind::FunctionDef(f) => self.function_def(s, f, false),
            StmtKind::AsyncFunctionDef(f) => self.function_def(s, f, true),
            StmtKind::ClassDef(c) => self.class_def(s, c),
            StmtKind::Return(v) => self.return_stmt(s, v.as_deref()),
            StmtKind::Delete(targets) => targets.iter().try_for_each(|t| self.expr(t)),
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit_arg(l, COPY, 1);
                    }
                    self.expr(t)?;
                }
                Ok(())
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(s, target, *op, value),
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                self.ann_assign(s, target, annotation, value.as_deref(), *simple)
            }
            StmtKind::For { target, iter, body, orelse } => self.for_stmt(s, target, iter, body, orelse),
            StmtKind::While { test, body, orelse } => self.while_stmt(s, test, body, orelse),
            StmtKind::If { test, body, orelse } => {
                let end = self.new_label();
                let next = if orelse.is_empty() { end } else { self.new_label() };
                self.jump_if(test, next, false)?;
                self.stmts(body)?;
                if !orelse.is_empty() {
                    self.emit_jump(Loc::NONE, Op::Jump, end);
                    self.use_label(next);
                    self.stmts(orelse)?;
                }
                self.use_label(end);
                Ok(())
            }
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n += 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n += 1;
                    }
                }
                self.emit_arg(l, RAISE_VARARGS, n);
                Ok(())
            }
            StmtKind::Try(t) => {
                let Try { body, handlers, orelse, finalbody } = &**t;
                if !finalbody.is_empty() {
                    self.try_finally(s, body, handlers, orelse, finalbody, false)
                } else {
                    self.try_except(s, body, handlers, orelse)
                }
            }
            StmtKind::Assert { test, msg } => {
                let nonempty_tuple = match self.const_value(test) {
                    Some(Constant::Tuple(t)) => !t.is_empty(),
                    _ => matches!(&test.kind, ExprKind::Tuple { elts, .. } if !elts.is_empty()),
                };
                if nonempty_tuple {
                    self.warn(s.span, "assertion is always true, perhaps remove parentheses?".into());
                }
                let end = self.new_label();
                self.jump_if(test, end, true)?;
                self.emit(l, LOAD_ASSERTION_ERROR);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.emit_arg(l, CALL, 0);
                }
                self.emit_arg(loc(test.span), RAISE_VARARGS, 1);
                self.use_label(end);
                Ok(())
            }
            StmtKind::Import(names) => self.import(l, names),
            StmtKind::ImportFrom { module, names, level } => self.import_from(s, module.as_ref(), names, *level),
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => Ok(()),
            StmtKind::Expr(value) => {
                if self.is_const(value) {
                    self.emit(l, NOP);
                    return Ok(());
                }
                self.expr(value)?;
                self.emit(Loc::NONE, POP_TOP);
                Ok(())
            }
            StmtKind::Pass => {
                self.emit(l, NOP);
                Ok(())
            }
            StmtKind::Break => self.break_stmt(s),
            StmtKind::Continue => self.continue_stmt(s),
            StmtKind::With { items, body } => self.with_stmt(items, body, 0),
            StmtKind::AsyncFor { target, iter, body, orelse } => self.async_for(s, target, iter, body, orelse),
            StmtKind::AsyncWith { items, body } => self.async_with(s, items, body, 0),
            StmtKind::TryStar(t) => {
                let Try { body, handlers, orelse, finalbody } = &**t;
                if !finalbody.is_empty() {
                    self.try_finally(s, body, handlers, orelse, finalbody, true)
                } else {
                    self.try_star_except(s, body, handlers, orelse)
                }
            }
            StmtKind::Match { subject, cases } => self.match_stmt(subject, cases),
            StmtKind::TypeAlias { name, type_params, value } => self.type_alias(s, name, type_params, value),
        }
    }

    fn aug_assign(&mut self, s: &'a Stmt, target: &'a Expr, op: Operator, value: &'a Expr) -> Res {
        let tl = loc(target.span);
        match &target.kind {
            ExprKind::Attribute { value: obj, attr, .. } => {
                self.expr(obj)?;
                self.emit_arg(tl, COPY, 1);
                self.load_attr(attr_loc(tl, target), attr, false);
            }
            ExprKind::Subscript { value: obj, slice, .. } => {
                self.expr(obj)?;
                if is_two_element_slice(slice) {
                    self.slice_parts(slice)?;
                    self.emit_arg(tl, COPY, 3);
                    self.emit_arg(tl, COPY, 3);
                    self.emit_arg(tl, COPY, 3);
                    self.emit(tl, BINARY_SLICE);
                } else {
                    self.expr(slice)?;
                    self.emit_arg(tl, COPY, 2);
                    self.emit_arg(tl, COPY, 2);
                    self.emit(tl, BINARY_SUBSCR);
                }
            }
            ExprKind::Name { id, .. } => self.nameop(tl, id, Context::Load)?,
            _ => return Err(err("invalid augmented assignment target", target.span)),
        }
        self.expr(value)?;
        self.emit_arg(loc(s.span), BINARY_OP, binary_arg(op, true));
        match &target.kind {
            ExprKind::Attribute { attr, .. } => {
                let l = attr_loc(tl, target);
                self.emit_arg(l, SWAP, 2);
                self.emit_name(l, STORE_ATTR, attr);
            }
            ExprKind::Subscript { slice, .. } => {
                if is_two_element_slice(slice) {
                    self.emit_arg(tl, SWAP, 4);
                    self.emit_arg(tl, SWAP, 3);
                    self.emit_arg(tl, SWAP, 2);
                    self.emit(tl, STORE_SLICE);
                } else {
                    self.emit_arg(tl, SWAP, 3);
                    self.emit_arg(tl, SWAP, 2);
                    self.emit(tl, STORE_SUBSCR);
                }
            }
            ExprKind::Name { id, .. } => self.nameop(tl, id, Context::Store)?,
            _ => unreachable!(),
        }
        Ok(())
    }

    fn ann_assign(&mut self, s: &'a Stmt, target: &'a Expr, annotation: &'a Expr, value: Option<&'a Expr>, simple: bool) -> Res {
        let l = loc(s.span);
        if let Some(v) = value {
            self.expr(v)?;
            self.expr(target)?;
        }
        match &target.kind {
            ExprKind::Name { id, .. } => {
                let st = self.u().scope_type;
                if simple && (st == ScopeType::Module || st == ScopeType::Class) {
                    if self.future.annotations() {
                        let text = unparse(annotation)?;
                        self.load_const(loc(annotation.span), Constant::Str(text.into()));
                    } else {
                        self.expr(annotation)?;
                    }
                    self.emit_name(l, LOAD_NAME, &"__annotations__".into());
                    let mangled = self.mangle(id);
                    self.load_const(l, Constant::Str(mangled));
                    self.emit(l, STORE_SUBSCR);
                }
            }
            ExprKind::Attribute { value: obj, .. } => {
                if value.is_none() {
                    self.check_ann_expr(obj)?;
                }
            }
            ExprKind::Subscript { value: obj, slice, .. } => {
                if value.is_none() {
                    self.check_ann_expr(obj)?;
                    self.check_ann_subscr(slice)?;
                }
            }
            _ => return Err(err("invalid node type for annotated assignment", target.span)),
        }
        let st = self.u().scope_type;
        if !simple && (st == ScopeType::Module || st == ScopeType::Class) && !self.future.annotations() {
            self.check_ann_expr(annotation)?;
        }
        Ok(())
    }

    /// Evaluates an expression for its side effects only (annotation checks).
    fn check_ann_expr(&mut self, e: &'a Expr) -> Res {
        self.expr(e)?;
        self.emit(loc(e.span), POP_TOP);
        Ok(())
    }

    fn check_ann_subscr(&mut self, e: &'a Expr) -> Res {
        match &e.kind {
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.check_ann_expr(part)?;
                }
                Ok(())
            }
            ExprKind::Tuple { elts, .. } => elts.iter().try_for_each(|x| self.check_ann_subscr(x)),
            _ => self.check_ann_expr(e),
        }
    }

    fn for_stmt(&mut self, s: &'a Stmt, target: &'a Expr, iter: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> Res {
        let l = loc(s.span);
        let start = self.new_label();
        let body_label = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.push_fblock(FBlockKind::ForLoop, Some(start), Some(end));
        self.iter_expr(iter)?;
        let _ = l;
        let l = loc(iter.span);
        self.emit(l, GET_ITER);
        self.use_label(start);
        self.jump(l, FOR_ITER, cleanup);
        self.use_label(body_label);
        self.expr(target)?;
        self.stmts(body)?;
        self.emit_jump(Loc::NONE, Op::Jump, start);
        self.use_label(cleanup);
        self.emit(Loc::NONE, END_FOR);
        self.pop_fblock();
        self.stmts(orelse)?;
        self.use_label(end);
        Ok(())
    }

    fn while_stmt(&mut self, s: &'a Stmt, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> Res {
        let _ = s;
        let loop_label = self.new_label();
        let body_label = self.new_label();
        let anchor = self.new_label();
        let exit = self.new_label();
        self.use_label(loop_label);
        self.push_fblock(FBlockKind::WhileLoop, Some(loop_label), Some(exit));
        self.jump_if(test, anchor, false)?;
        self.use_label(body_label);
        self.stmts(body)?;
        self.jump_if(test, body_label, true)?;
        self.pop_fblock();
        self.use_label(anchor);
        self.stmts(orelse)?;
        self.use_label(exit);
        Ok(())
    }

    fn return_stmt(&mut self, s: &'a Stmt, value: Option<&'a Expr>) -> Res {
        let mut l = loc(s.span);
        if !self.ste().is_function_like() {
            return Err(err("'return' outside function", s.span));
        }
        if value.is_some() && self.ste().coroutine && self.ste().generator {
            return Err(err("'return' with value in async generator", s.span));
        }
        let preserve_tos = value.is_some_and(|v| !self.is_const(v));
        if preserve_tos {
            self.expr(value.unwrap())?;
        } else if let Some(v) = value {
            l = loc(v.span);
            self.emit(l, NOP);
        }
        if value.is_none_or(|v| v.span.line != s.span.line) {
            l = loc(s.span);
            self.emit(l, NOP);
        }
        self.unwind_fblock_stack(&mut l, preserve_tos, false)?;
        match value {
            None => self.load_const(l, Constant::None),
            Some(v) if !preserve_tos => self.load_const(l, self.const_value(v).unwrap()),
            _ => {}
        }
        self.emit(l, RETURN_VALUE);
        Ok(())
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn break_stmt(&mut self, s: &'a Stmt) -> Res {
        let mut l = loc(s.span);
        self.emit(l, NOP);
        let Some(loop_index) = self.unwind_fblock_stack(&mut l, false, true)? else {
            return Err(err("'break' outside loop", s.span));
        };
        let fb = self.u().fblocks[loop_index].clone();
        self.unwind_fblock(&fb, &mut l, false)?;
        self.emit_jump(l, Op::Jump, fb.exit.unwrap());
        Ok(())
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn continue_stmt(&mut self, s: &'a Stmt) -> Res {
        let mut l = loc(s.span);
        self.emit(l, NOP);
        let Some(loop_index) = self.unwind_fblock_stack(&mut l, false, true)? else {
            return Err(err("'continue' not properly in loop", s.span));
        };
        let target = self.u().fblocks[loop_index].block.unwrap();
        self.emit_jump(l, Op::Jump, target);
        Ok(())
    }

    // ----- frame blocks -----

    fn push_fblock(&mut self, kind: FBlockKind, block: Option<Label>, exit: Option<Label>) {
        self.u().fblocks.push(FBlock { kind, block, exit, finalbody: None, name: None, with_loc: Loc::NONE });
    }

    fn push_fblock_full(&mut self, fb: FBlock<'a>) {
        self.u().fblocks.push(fb);
    }

    fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }

    fn unwind_fblock(&mut self, fb: &FBlock<'a>, l: &mut Loc, preserve_tos: bool) -> Res {
        match fb.kind {
            FBlockKind::WhileLoop
            | FBlockKind::ExceptionHandler
            | FBlockKind::ExceptionGroupHandler
            | FBlockKind::AsyncComprehensionGenerator => {}
            FBlockKind::ForLoop => {
                if preserve_tos {
                    self.emit_arg(*l, SWAP, 2);
                }
                self.emit(*l, POP_TOP);
            }
            FBlockKind::TryExcept => self.emit_op(*l, Op::PopBlock, 0),
            FBlockKind::FinallyTry => {
                self.emit_op(*l, Op::PopBlock, 0);
                if preserve_tos {
                    self.push_fblock(FBlockKind::PopValue, None, None);
                }
                self.stmts(fb.finalbody.unwrap_or(&[]))?;
                if preserve_tos {
                    self.pop_fblock();
                }
                *l = Loc::NONE;
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.emit_arg(*l, SWAP, 2);
                }
                self.emit(*l, POP_TOP);
                if preserve_tos {
                    self.emit_arg(*l, SWAP, 2);
                }
                self.emit_op(*l, Op::PopBlock, 0);
                self.emit(*l, POP_EXCEPT);
            }
            FBlockKind::With | FBlockKind::AsyncWith => {
                *l = fb.with_loc;
                self.emit_op(*l, Op::PopBlock, 0);
                if preserve_tos {
                    self.emit_arg(*l, SWAP, 2);
                }
                self.call_exit_with_nones(*l);
                if fb.kind == FBlockKind::AsyncWith {
                    self.await_value(*l, 2);
                }
                self.emit(*l, POP_TOP);
                *l = Loc::NONE;
            }
            FBlockKind::HandlerCleanup => {
                if fb.name.is_some() {
                    self.emit_op(*l, Op::PopBlock, 0);
                }
                if preserve_tos {
                    self.emit_arg(*l, SWAP, 2);
                }
                self.emit_op(*l, Op::PopBlock, 0);
                self.emit(*l, POP_EXCEPT);
                if let Some(name) = &fb.name {
                    self.load_const(*l, Constant::None);
                    self.nameop(*l, name, Context::Store)?;
                    self.nameop(*l, name, Context::Del)?;
                }
            }
            FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit_arg(*l, SWAP, 2);
                }
                self.emit(*l, POP_TOP);
            }
        }
        Ok(())
    }

    /// Unwinds every frame block (or up to the innermost loop when
    /// `stop_at_loop`); returns the loop's index in the fblock stack.
    fn unwind_fblock_stack(&mut self, l: &mut Loc, preserve_tos: bool, stop_at_loop: bool) -> Result<Option<usize>, Box<CompileError>> {
        let Some(top) = self.u().fblocks.last().cloned() else { return Ok(None) };
        if top.kind == FBlockKind::ExceptionGroupHandler {
            return Err(CompileError::at("'break', 'continue' and 'return' cannot appear in an except* block", *l));
        }
        if stop_at_loop && matches!(top.kind, FBlockKind::WhileLoop | FBlockKind::ForLoop) {
            return Ok(Some(self.u().fblocks.len() - 1));
        }
        let copy = self.u().fblocks.pop().unwrap();
        self.unwind_fblock(&copy, l, preserve_tos)?;
        let result = self.unwind_fblock_stack(l, preserve_tos, stop_at_loop)?;
        self.u().fblocks.push(copy);
        Ok(result)
    }

    // ----- try / with -----

    fn try_except(&mut self, s: &'a Stmt, body: &'a [Stmt], handlers: &'a [ExceptHandler], orelse: &'a [Stmt]) -> Res {
        let l = loc(s.span);
        let body_label = self.new_label();
        let mut except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        self.emit_jump(l, Op::SetupFinally, except);
        self.use_label(body_label);
        self.push_fblock(FBlockKind::TryExcept, Some(body_label), None);
        self.stmts(body)?;
        self.pop_fblock();
        self.emit_op(Loc::NONE, Op::PopBlock, 0);
        self.stmts(orelse)?;
        self.emit_jump(Loc::NONE, Op::Jump, end);
        self.use_label(except);
        self.emit_jump(Loc::NONE, Op::SetupCleanup, cleanup);
        self.emit(Loc::NONE, PUSH_EXC_INFO);
        self.push_fblock(FBlockKind::ExceptionHandler, None, None);
        let n = handlers.len();
        for (i, h) in handlers.iter().enumerate() {
            let hl = loc(h.span);
            if h.type_.is_none() && i < n - 1 {
                return Err(err("default 'except:' must be last", h.span));
            }
            except = self.new_label();
            if let Some(t) = &h.type_ {
                self.expr(t)?;
                self.emit(hl, CHECK_EXC_MATCH);
                self.jump(hl, POP_JUMP_IF_FALSE, except);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_label();
                let cleanup_body = self.new_label();
                self.nameop(hl, name, Context::Store)?;
                self.emit_jump(hl, Op::SetupCleanup, cleanup_end);
                self.use_label(cleanup_body);
                self.push_fblock_full(FBlock {
                    kind: FBlockKind::HandlerCleanup,
                    block: Some(cleanup_body),
                    exit: None,
                    finalbody: None,
                    name: Some(name.clone()),
                    with_loc: Loc::NONE,
                });
                self.stmts(&h.body)?;
                self.pop_fblock();
                self.emit_op(Loc::NONE, Op::PopBlock, 0);
                self.emit_op(Loc::NONE, Op::PopBlock, 0);
                self.emit(Loc::NONE, POP_EXCEPT);
                self.load_const(Loc::NONE, Constant::None);
                self.nameop(Loc::NONE, name, Context::Store)?;
                self.nameop(Loc::NONE, name, Context::Del)?;
                self.emit_jump(Loc::NONE, Op::Jump, end);
                self.use_label(cleanup_end);
                self.load_const(Loc::NONE, Constant::None);
                self.nameop(Loc::NONE, name, Context::Store)?;
                self.nameop(Loc::NONE, name, Context::Del)?;
                self.emit_arg(Loc::NONE, RERAISE, 1);
            } else {
                let cleanup_body = self.new_label();
                self.emit(hl, POP_TOP);
                self.use_label(cleanup_body);
                self.push_fblock(FBlockKind::HandlerCleanup, Some(cleanup_body), None);
                self.stmts(&h.body)?;
                self.pop_fblock();
                self.emit_op(Loc::NONE, Op::PopBlock, 0);
                self.emit(Loc::NONE, POP_EXCEPT);
                self.emit_jump(Loc::NONE, Op::Jump, end);
            }
            self.use_label(except);
        }
        self.pop_fblock();
        self.emit_arg(Loc::NONE, RERAISE, 0);
        self.use_label(cleanup);
        self.pop_except_and_reraise(Loc::NONE);
        self.use_label(end);
        Ok(())
    }

    /// `try: ... except* E as e: ...`: each handler splits the exception
    /// group; what the handlers raise or leave unmatched is re-raised at the end.
    fn try_star_except(&mut self, s: &'a Stmt, body: &'a [Stmt], handlers: &'a [ExceptHandler], orelse: &'a [Stmt]) -> Res {
        const INTRINSIC_PREP_RERAISE_STAR: u32 = 1;
        let l = loc(s.span);
        let body_label = self.new_label();
        let mut except = self.new_label();
        let orelse_label = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let reraise_star = self.new_label();
        self.emit_jump(l, Op::SetupFinally, except);
        self.use_label(body_label);
        self.push_fblock(FBlockKind::TryExcept, Some(body_label), None);
        self.stmts(body)?;
        self.pop_fblock();
        self.emit_op(Loc::NONE, Op::PopBlock, 0);
        self.emit_jump(Loc::NONE, Op::Jump, orelse_label);
        self.use_label(except);
        self.emit_jump(Loc::NONE, Op::SetupCleanup, cleanup);
        self.emit(Loc::NONE, PUSH_EXC_INFO);
        self.push_fblock(FBlockKind::ExceptionGroupHandler, None, None);
        let n = handlers.len();
        for (i, h) in handlers.iter().enumerate() {
            let hl = loc(h.span);
            except = self.new_label();
            let except_with_error = self.new_label();
            let no_match = self.new_label();
            if i == 0 {
                self.emit_arg(hl, BUILD_LIST, 0);
                self.emit_arg(hl, COPY, 2);
            }
            if let Some(t) = &h.type_ {
                self.expr(t)?;
                self.emit(hl, CHECK_EG_MATCH);
                self.emit_arg(hl, COPY, 1);
                self.jump(hl, POP_JUMP_IF_NONE, no_match);
            }
            let cleanup_end = self.new_label();
            let cleanup_body = self.new_label();
            match &h.name {
                Some(name) => self.nameop(hl, name, Context::Store)?,
                None => self.emit(hl, POP_TOP),
            }
            self.emit_jump(hl, Op::SetupCleanup, cleanup_end);
            self.use_label(cleanup_body);
            self.push_fblock_full(FBlock {
                kind: FBlockKind::HandlerCleanup,
                block: Some(cleanup_body),
                exit: None,
                finalbody: None,
                name: h.name.clone(),
                with_loc: Loc::NONE,
            });
            self.stmts(&h.body)?;
            self.pop_fblock();
            self.emit_op(Loc::NONE, Op::PopBlock, 0);
            if let Some(name) = &h.name {
                self.load_const(Loc::NONE, Constant::None);
                self.nameop(Loc::NONE, name, Context::Store)?;
                self.nameop(Loc::NONE, name, Context::Del)?;
            }
            self.emit_jump(Loc::NONE, Op::Jump, except);
            self.use_label(cleanup_end);
            if let Some(name) = &h.name {
                self.load_const(Loc::NONE, Constant::None);
                self.nameop(Loc::NONE, name, Context::Store)?;
                self.nameop(Loc::NONE, name, Context::Del)?;
            }
            self.emit_arg(Loc::NONE, LIST_APPEND, 3);
            self.emit(Loc::NONE, POP_TOP);
            self.emit_jump(Loc::NONE, Op::Jump, except_with_error);
            self.use_label(except);
            self.emit(Loc::NONE, NOP);
            self.emit_jump(Loc::NONE, Op::Jump, except_with_error);
            self.use_label(no_match);
            self.emit(hl, POP_TOP);
            self.use_label(except_with_error);
            if i == n - 1 {
                self.emit_arg(Loc::NONE, LIST_APPEND, 1);
                self.emit_jump(Loc::NONE, Op::Jump, reraise_star);
            }
        }
        self.pop_fblock();
        let reraise = self.new_label();
        self.use_label(reraise_star);
        self.emit_arg(Loc::NONE, CALL_INTRINSIC_2, INTRINSIC_PREP_RERAISE_STAR);
        self.emit_arg(Loc::NONE, COPY, 1);
        self.jump(Loc::NONE, POP_JUMP_IF_NOT_NONE, reraise);
        self.emit(Loc::NONE, POP_TOP);
        self.emit_op(Loc::NONE, Op::PopBlock, 0);
        self.emit(Loc::NONE, POP_EXCEPT);
        self.emit_jump(Loc::NONE, Op::Jump, end);
        self.use_label(reraise);
        self.emit_op(Loc::NONE, Op::PopBlock, 0);
        self.emit_arg(Loc::NONE, SWAP, 2);
        self.emit(Loc::NONE, POP_EXCEPT);
        self.emit_arg(Loc::NONE, RERAISE, 0);
        self.use_label(cleanup);
        self.pop_except_and_reraise(Loc::NONE);
        self.use_label(orelse_label);
        self.stmts(orelse)?;
        self.use_label(end);
        Ok(())
    }

    fn pop_except_and_reraise(&mut self, l: Loc) {
        self.emit_arg(l, COPY, 3);
        self.emit(l, POP_EXCEPT);
        self.emit_arg(l, RERAISE, 1);
    }

    fn try_finally(
        &mut self,
        s: &'a Stmt,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
        star: bool,
    ) -> Res {
        let l = loc(s.span);
        let body_label = self.new_label();
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.emit_jump(l, Op::SetupFinally, end);
        self.use_label(body_label);
        self.push_fblock_full(FBlock {
            kind: FBlockKind::FinallyTry,
            block: Some(body_label),
            exit: Some(end),
            finalbody: Some(finalbody),
            name: None,
            with_loc: Loc::NONE,
        });
        if !handlers.is_empty() {
            if star {
                self.try_star_except(s, body, handlers, orelse)?;
            } else {
                self.try_except(s, body, handlers, orelse)?;
            }
        } else {
            self.stmts(body)?;
        }
        self.emit_op(Loc::NONE, Op::PopBlock, 0);
        self.pop_fblock();
        self.stmts(finalbody)?;
        self.emit_jump(Loc::NONE, Op::Jump, exit);
        self.use_label(end);
        self.emit_jump(Loc::NONE, Op::SetupCleanup, cleanup);
        self.emit(Loc::NONE, PUSH_EXC_INFO);
        self.push_fblock(FBlockKind::FinallyEnd, Some(end), None);
        self.stmts(finalbody)?;
        self.pop_fblock();
        self.emit_arg(Loc::NONE, RERAISE, 0);
        self.use_label(cleanup);
        self.pop_except_and_reraise(Loc::NONE);
        self.use_label(exit);
        Ok(())
    }

    fn call_exit_with_nones(&mut self, l: Loc) {
        self.load_const(l, Constant::None);
        self.load_const(l, Constant::None);
        self.load_const(l, Constant::None);
        self.emit_arg(l, CALL, 2);
    }

    fn with_stmt(&mut self, items: &'a [WithItem], body: &'a [Stmt], pos: usize) -> Res {
        let item = &items[pos];
        let block = self.new_label();
        let final_label = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.expr(&item.context_expr)?;
        let l = loc(item.context_expr.span);
        self.emit(l, BEFORE_WITH);
        self.emit_jump(l, Op::SetupWith, final_label);
        self.use_label(block);
        self.push_fblock_full(FBlock {
            kind: FBlockKind::With,
            block: Some(block),
            exit: Some(final_label),
            finalbody: None,
            name: None,
            with_loc: l,
        });
        match &item.optional_vars {
            Some(v) => self.expr(v)?,
            None => self.emit(l, POP_TOP),
        }
        if pos + 1 == items.len() {
            self.stmts(body)?;
        } else {
            self.with_stmt(items, body, pos + 1)?;
        }
        self.emit_op(Loc::NONE, Op::PopBlock, 0);
        self.pop_fblock();
        self.call_exit_with_nones(l);
        self.emit(l, POP_TOP);
        self.emit_jump(l, Op::Jump, exit);
        self.use_label(final_label);
        self.emit_jump(l, Op::SetupCleanup, cleanup);
        self.emit(l, PUSH_EXC_INFO);
        self.emit(l, WITH_EXCEPT_START);
        self.with_except_finish(cleanup);
        self.use_label(exit);
        Ok(())
    }

    /// GET_AWAITABLE and the `yield from` loop that awaits the result.
    fn await_value(&mut self, l: Loc, where_: u32) {
        self.emit_arg(l, GET_AWAITABLE, where_);
        self.load_const(l, Constant::None);
        self.add_yield_from(l, true);
    }

    fn async_for(&mut self, s: &'a Stmt, target: &'a Expr, iter: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> Res {
        let l = loc(s.span);
        if self.u().scope_type != ScopeType::AsyncFunction {
            return Err(err("'async for' outside async function", s.span));
        }
        let start = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        self.expr(iter)?;
        self.emit(loc(iter.span), GET_AITER);
        self.use_label(start);
        self.push_fblock(FBlockKind::ForLoop, Some(start), Some(end));
        self.emit_jump(l, Op::SetupFinally, except);
        self.emit(l, GET_ANEXT);
        self.load_const(l, Constant::None);
        self.add_yield_from(l, true);
        self.emit_op(l, Op::PopBlock, 0);
        self.expr(target)?;
        self.stmts(body)?;
        self.emit_jump(Loc::NONE, Op::Jump, start);
        self.pop_fblock();
        self.use_label(except);
        self.emit(loc(iter.span), END_ASYNC_FOR);
        self.stmts(orelse)?;
        self.use_label(end);
        Ok(())
    }

    fn async_with(&mut self, s: &'a Stmt, items: &'a [WithItem], body: &'a [Stmt], pos: usize) -> Res {
        if self.u().scope_type != ScopeType::AsyncFunction {
            return Err(err("'async with' outside async function", s.span));
        }
        let item = &items[pos];
        let block = self.new_label();
        let final_label = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.expr(&item.context_expr)?;
        let l = loc(item.context_expr.span);
        self.emit(l, BEFORE_ASYNC_WITH);
        self.await_value(l, 1);
        self.emit_jump(l, Op::SetupWith, final_label);
        self.use_label(block);
        self.push_fblock_full(FBlock {
            kind: FBlockKind::AsyncWith,
            block: Some(block),
            exit: Some(final_label),
            finalbody: None,
            name: None,
            with_loc: l,
        });
        match &item.optional_vars {
            Some(v) => self.expr(v)?,
            None => self.emit(l, POP_TOP),
        }
        if pos + 1 == items.len() {
            self.stmts(body)?;
        } else {
            self.async_with(s, items, body, pos + 1)?;
        }
        self.pop_fblock();
        self.emit_op(l, Op::PopBlock, 0);
        self.call_exit_with_nones(l);
        self.await_value(l, 2);
        self.emit(l, POP_TOP);
        self.emit_jump(l, Op::Jump, exit);
        self.use_label(final_label);
        self.emit_jump(l, Op::SetupCleanup, cleanup);
        self.emit(l, PUSH_EXC_INFO);
        self.emit(l, WITH_EXCEPT_START);
        self.await_value(l, 2);
        self.with_except_finish(cleanup);
        self.use_label(exit);
        Ok(())
    }

    fn with_except_finish(&mut self, cleanup: Label) {
        let suppress = self.new_label();
        self.jump(Loc::NONE, POP_JUMP_IF_TRUE, suppress);
        self.emit_arg(Loc::NONE, RERAISE, 2);
        self.use_label(suppress);
        self.emit(Loc::NONE, POP_TOP);
        self.emit_op(Loc::NONE, Op::PopBlock, 0);
        self.emit(Loc::NONE, POP_EXCEPT);
        self.emit(Loc::NONE, POP_TOP);
        self.emit(Loc::NONE, POP_TOP);
        let exit = self.new_label();
        self.emit_jump(Loc::NONE, Op::Jump, exit);
        self.use_label(cleanup);
        self.pop_except_and_reraise(Loc::NONE);
        self.use_label(exit);
    }

    // ----- imports -----

    fn import(&mut self, l: Loc, names: &'a [Alias]) -> Res {
        for alias in names {
            self.load_const(l, Constant::Int(BigInt::from(0)));
            self.load_const(l, Constant::None);
            self.emit_name(l, IMPORT_NAME, &alias.name);
            match &alias.asname {
                Some(asname) => {
                    let parts: Vec<&str> = alias.name.split('.').collect();
                    if parts.len() > 1 {
                        for (i, attr) in parts[1..].iter().enumerate() {
                            let attr: Rc<str> = (*attr).into();
                            let i2 = self.u().names.add(&attr);
                            self.emit_arg(l, IMPORT_FROM, i2);
                            if i + 2 < parts.len() {
                                self.emit_arg(l, SWAP, 2);
                                self.emit(l, POP_TOP);
                            }
                        }
                        self.nameop(l, asname, Context::Store)?;
                        self.emit(l, POP_TOP);
                    } else {
                        self.nameop(l, asname, Context::Store)?;
                    }
                }
                None => {
                    let base: Rc<str> = alias.name.split('.').next().unwrap_or("").into();
                    self.nameop(l, &base, Context::Store)?;
                }
            }
        }
        Ok(())
    }

    fn import_from(&mut self, s: &'a Stmt, module: Option<&Rc<str>>, names: &'a [Alias], level: u32) -> Res {
        let l = loc(s.span);
        self.load_const(l, Constant::Int(BigInt::from(level)));
        let tuple = names_tuple(&mut names.iter().map(|a| a.name.clone()));
        if level == 0 && module.is_some_and(|m| &**m == "__future__") && self.future.is_after(s.span) {
            return Err(err("from __future__ imports must occur at the beginning of the file", s.span));
        }
        self.load_const(l, tuple);
        let module_name: Rc<str> = module.cloned().unwrap_or_else(|| "".into());
        let i = self.u().names.add(&module_name);
        self.emit_arg(l, IMPORT_NAME, i);
        for (i, alias) in names.iter().enumerate() {
            if i == 0 && alias.name.starts_with('*') {
                self.emit_arg(l, CALL_INTRINSIC_1, INTRINSIC_IMPORT_STAR);
                self.emit(Loc::NONE, POP_TOP);
                return Ok(());
            }
            let ni = self.u().names.add(&alias.name);
            self.emit_arg(l, IMPORT_FROM, ni);
            let store = alias.asname.as_ref().unwrap_or(&alias.name);
            self.nameop(l, store, Context::Store)?;
        }
        self.emit(l, POP_TOP);
        Ok(())
    }

    // ----- functions and classes -----

    fn default_arguments(&mut self, l: Loc, args: &'a Arguments) -> Result<u32, Box<CompileError>> {
        let mut funcflags = 0;
        if !args.defaults.is_empty() {
            for d in &args.defaults {
                self.expr(d)?;
            }
            self.emit_arg(l, BUILD_TUPLE, args.defaults.len() as u32);
            funcflags |= 1;
        }
        let mut keys: Vec<Constant> = Vec::new();
        for (arg, default) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
            if let Some(d) = default {
                keys.push(Constant::Str(self.mangle(&arg.arg)));
                self.expr(d)?;
            }
        }
        if !keys.is_empty() {
            let n = keys.len() as u32;
            self.load_const(l, Constant::Tuple(keys.into()));
            self.emit_arg(l, BUILD_CONST_KEY_MAP, n);
            funcflags |= 2;
        }
        Ok(funcflags)
    }

    fn annotations(&mut self, l: Loc, args: &'a Arguments, returns: Option<&'a Expr>) -> Result<bool, Box<CompileError>> {
        let mut n = 0;
        let mut one = |this: &mut Self, name: &Rc<str>, ann: Option<&'a Expr>| -> Res {
            if let Some(a) = ann {
                let mangled = this.mangle(name);
                this.load_const(l, Constant::Str(mangled));
                if this.future.annotations() {
                    let text = unparse(a)?;
                    this.load_const(loc(a.span), Constant::Str(text.into()));
                } else if let ExprKind::Starred { value, .. } = &a.kind {
                    this.expr(value)?;
                    this.emit_arg(l, UNPACK_SEQUENCE, 1);
                } else {
                    this.expr(a)?;
                }
                n += 2;
            }
            Ok(())
        };
        for a in &args.args {
            one(self, &a.arg, a.annotation.as_ref())?;
        }
        for a in &args.posonlyargs {
            one(self, &a.arg, a.annotation.as_ref())?;
        }
        if let Some(a) = &args.vararg {
            one(self, &a.arg, a.annotation.as_ref())?;
        }
        for a in &args.kwonlyargs {
            one(self, &a.arg, a.annotation.as_ref())?;
        }
        if let Some(a) = &args.kwarg {
            one(self, &a.arg, a.annotation.as_ref())?;
        }
        one(self, &"return".into(), returns)?;
        if n > 0 {
            self.emit_arg(l, BUILD_TUPLE, n);
        }
        Ok(n > 0)
    }

    fn function_def(&mut self, s: &'a Stmt, f: &'a FunctionDef, is_async: bool) -> Res {
        for d in &f.decorator_list {
            self.expr(d)?;
        }
        let firstlineno = f.decorator_list.first().map_or(s.span.line, |d| d.span.line);
        let l = loc(s.span);
        let generic = !f.type_params.is_empty();
        if generic {
            // The NULL under the call of the type-parameter function.
            self.emit(l, PUSH_NULL);
        }
        let mut funcflags = self.default_arguments(l, &f.args)?;
        // A generic function's defaults are evaluated outside and passed in as arguments.
        let typeparam_args = (funcflags & 1 != 0) as u32 + (funcflags & 2 != 0) as u32;
        if generic {
            if typeparam_args == 2 {
                self.emit_arg(l, SWAP, 2);
            }
            let name = format!("<generic parameters of {}>", f.name);
            self.enter_scope(name.into(), ScopeType::TypeParams, type_params_key(&f.type_params), firstlineno)?;
            self.type_params(&f.type_params)?;
            for i in 0..typeparam_args {
                self.emit_arg(l, LOAD_FAST, i);
            }
        }
        if self.annotations(l, &f.args, f.returns.as_ref())? {
            funcflags |= 4;
        }
        let scope_type = if is_async { ScopeType::AsyncFunction } else { ScopeType::Function };
        self.enter_scope(f.name.clone(), scope_type, key_of(f), firstlineno)?;
        let doc = docstring(&f.body);
        self.add_const(match &doc {
            Some(d) => Constant::Str(d.clone()),
            None => Constant::None,
        });
        {
            let u = self.u();
            u.argcount = f.args.args.len() as u32;
            u.posonlyargcount = f.args.posonlyargs.len() as u32;
            u.kwonlyargcount = f.args.kwonlyargs.len() as u32;
        }
        let body = if doc.is_some() { &f.body[1..] } else { &f.body[..] };
        self.stmts(body)?;
        let ste = self.ste();
        if ste.coroutine || ste.generator {
            self.wrap_in_stopiteration_handler();
        }
        let code = self.finish_unit(true);
        self.make_closure(l, code, funcflags)?;
        if generic {
            self.emit_arg(l, SWAP, 2);
            self.emit_arg(l, CALL_INTRINSIC_2, INTRINSIC_2_SET_FUNCTION_TYPE_PARAMS);
            self.u().argcount = typeparam_args;
            let code = self.finish_unit(false);
            self.make_closure(l, code, 0)?;
            if typeparam_args > 0 {
                self.emit_arg(l, SWAP, typeparam_args + 1);
            }
            self.emit_arg(l, CALL, typeparam_args);
        }
        for d in f.decorator_list.iter().rev() {
            self.emit_arg(loc(d.span), CALL, 0);
        }
        self.nameop(l, &f.name, Context::Store)
    }

    /// `compiler_type_params`: makes each TypeVar / ParamSpec / TypeVarTuple, binds it in
    /// the type-parameter scope and leaves the tuple of them on the stack.
    fn type_params(&mut self, params: &'a [TypeParam]) -> Res {
        for tp in params {
            let l = loc(tp.span);
            let (name, intrinsic) = match &tp.kind {
                TypeParamKind::TypeVar { name, .. } => (name, INTRINSIC_TYPEVAR),
                TypeParamKind::ParamSpec { name } => (name, INTRINSIC_PARAMSPEC),
                TypeParamKind::TypeVarTuple { name } => (name, INTRINSIC_TYPEVARTUPLE),
            };
            self.load_const(l, Constant::Str(name.clone()));
            match &tp.kind {
                TypeParamKind::TypeVar { bound: Some(bound), .. } => {
                    // The bound is evaluated lazily, by a function of its own.
                    self.enter_scope(name.clone(), ScopeType::TypeParams, type_var_bound_key(tp), bound.span.line)?;
                    self.expr(bound)?;
                    self.emit(l, RETURN_VALUE);
                    let code = self.finish_unit(true);
                    self.make_closure(l, code, 0)?;
                    // A tuple of constants was folded into a constant: CPython then sees a bound.
                    let constraints = matches!(bound.kind, ExprKind::Tuple { .. }) && !self.is_const(bound);
                    let which =
                        if constraints { INTRINSIC_2_TYPEVAR_WITH_CONSTRAINTS } else { INTRINSIC_2_TYPEVAR_WITH_BOUND };
                    self.emit_arg(l, CALL_INTRINSIC_2, which);
                }
                _ => self.emit_arg(l, CALL_INTRINSIC_1, intrinsic),
            }
            self.emit_arg(l, COPY, 1);
            self.nameop(l, name, Context::Store)?;
        }
        self.emit_arg(loc(params[0].span), BUILD_TUPLE, params.len() as u32);
        Ok(())
    }

    /// `type Name[params] = value`: a TypeAliasType whose value a function computes lazily.
    fn type_alias(&mut self, s: &'a Stmt, name: &'a Expr, type_params: &'a Vec<TypeParam>, value: &'a Expr) -> Res {
        let l = loc(s.span);
        let ExprKind::Name { id, .. } = &name.kind else { unreachable!("the parser only makes names") };
        let generic = !type_params.is_empty();
        if generic {
            self.emit(l, PUSH_NULL);
            let scope_name = format!("<generic parameters of {id}>");
            self.enter_scope(scope_name.into(), ScopeType::TypeParams, type_params_key(type_params), s.span.line)?;
            self.load_const(l, Constant::Str(id.clone()));
            self.type_params(type_params)?;
        } else {
            self.load_const(l, Constant::Str(id.clone()));
            self.load_const(l, Constant::None);
        }
        self.enter_scope(id.clone(), ScopeType::Function, type_alias_key(s), s.span.line)?;
        // None first, so the value function has no docstring.
        self.add_const(Constant::None);
        self.expr(value)?;
        self.emit(l, RETURN_VALUE);
        let code = self.finish_unit(false);
        self.make_closure(l, code, 0)?;
        self.emit_arg(l, BUILD_TUPLE, 3);
        self.emit_arg(l, CALL_INTRINSIC_1, INTRINSIC_TYPEALIAS);
        if generic {
            let code = self.finish_unit(false);
            self.make_closure(l, code, 0)?;
            self.emit_arg(l, CALL, 0);
        }
        self.nameop(l, id, Context::Store)
    }

    fn wrap_in_stopiteration_handler(&mut self) {
        let handler = self.new_label();
        let setup = SeqItem::Instr { op: Op::SetupCleanup, arg: 0, target: Some(handler), loc: Loc::NONE };
        self.u().seq.insert(0, setup);
        self.load_const(Loc::NONE, Constant::None);
        self.emit(Loc::NONE, RETURN_VALUE);
        self.use_label(handler);
        self.emit_arg(Loc::NONE, CALL_INTRINSIC_1, INTRINSIC_STOPITERATION_ERROR);
        self.emit_arg(Loc::NONE, RERAISE, 1);
    }

    /// Pushes the function made from `code`, with its closure cells.
    fn make_closure(&mut self, l: Loc, code: Rc<CodeObject>, mut flags: u32) -> Res {
        let frees = code.freevars();
        if !frees.is_empty() {
            for name in &frees {
                let is_class = self.u().scope_type == ScopeType::Class;
                let scope = if is_class && matches!(&**name, "__class__" | "__classdict__") {
                    Scope::Cell
                } else {
                    self.ste().scope_of(name)
                };
                let u = self.u();
                let arg = if scope == Scope::Cell {
                    u.cellvars.get(name)
                } else {
                    u.freevars.get(name).map(|i| i + u.cellvars_offset())
                };
                let Some(arg) = arg else {
                    return Err(CompileError::at(format!("compiler error: no cell for free variable '{name}'"), l));
                };
                self.emit_arg(l, LOAD_CLOSURE, arg);
            }
            flags |= 8;
            self.emit_arg(l, BUILD_TUPLE, frees.len() as u32);
        }
        self.load_const(l, Constant::Code(code));
        self.emit_arg(l, MAKE_FUNCTION, flags);
        Ok(())
    }

    fn class_def(&mut self, s: &'a Stmt, c: &'a ClassDef) -> Res {
        for d in &c.decorator_list {
            self.expr(d)?;
        }
        let firstlineno = c.decorator_list.first().map_or(s.span.line, |d| d.span.line);
        let generic = !c.type_params.is_empty();
        let type_params: Rc<str> = ".type_params".into();
        if generic {
            let l = loc(s.span);
            self.emit(l, PUSH_NULL);
            let name = format!("<generic parameters of {}>", c.name);
            self.enter_scope(name.into(), ScopeType::TypeParams, type_params_key(&c.type_params), firstlineno)?;
            self.u().private = Some(c.name.clone());
            self.type_params(&c.type_params)?;
            self.nameop(l, &type_params, Context::Store)?;
        }
        self.enter_scope(c.name.clone(), ScopeType::Class, key_of(c), firstlineno)?;
        let l = Loc { line: firstlineno as i32, end_line: firstlineno as i32, col: 0, end_col: 0 };
        self.u().private = Some(c.name.clone());
        self.nameop(l, &"__name__".into(), Context::Load)?;
        self.nameop(l, &"__module__".into(), Context::Store)?;
        let qualname = self.u().qualname.clone();
        self.load_const(l, Constant::Str(qualname));
        self.nameop(l, &"__qualname__".into(), Context::Store)?;
        if generic {
            self.nameop(l, &type_params, Context::Load)?;
            self.nameop(l, &"__type_params__".into(), Context::Store)?;
        }
        let classdict = self.ste().needs_classdict;
        if classdict {
            // Annotation scopes in the body read the namespace through this cell.
            self.emit(l, LOAD_LOCALS);
            let i = self.u().cellvars.get("__classdict__").unwrap_or(0);
            self.emit_arg(l, STORE_DEREF, i);
        }
        self.body(l, &c.body)?;
        if classdict {
            let i = self.u().cellvars.get("__classdict__").unwrap_or(0);
            self.emit_arg(Loc::NONE, LOAD_CLOSURE, i);
            self.nameop(Loc::NONE, &"__classdictcell__".into(), Context::Store)?;
        }
        if self.ste().needs_class_closure {
            let i = self.u().cellvars.get("__class__").unwrap_or(0);
            self.emit_arg(Loc::NONE, LOAD_CLOSURE, i);
            self.emit_arg(Loc::NONE, COPY, 1);
            self.nameop(Loc::NONE, &"__classcell__".into(), Context::Store)?;
        } else {
            self.load_const(Loc::NONE, Constant::None);
        }
        let code = self.finish_unit(false);
        let l = loc(s.span);
        self.emit(l, PUSH_NULL);
        self.emit(l, LOAD_BUILD_CLASS);
        self.make_closure(l, code, 0)?;
        self.load_const(l, Constant::Str(c.name.clone()));
        if generic {
            self.nameop(l, &type_params, Context::Load)?;
            self.emit_arg(l, CALL_INTRINSIC_1, INTRINSIC_SUBSCRIPT_GENERIC);
            let generic_base: Rc<str> = ".generic_base".into();
            self.nameop(l, &generic_base, Context::Store)?;
            self.call_helper_with(l, 2, &c.bases, Some(&generic_base), &c.keywords)?;
            let code = self.finish_unit(false);
            self.make_closure(l, code, 0)?;
            self.emit_arg(l, CALL, 0);
        } else {
            self.call_helper(l, 2, &c.bases, &c.keywords)?;
        }
        for d in c.decorator_list.iter().rev() {
            self.emit_arg(loc(d.span), CALL, 0);
        }
        self.nameop(l, &c.name, Context::Store)
    }

    // ----- compile-time warnings -----

    fn warn(&mut self, span: Span, msg: String) {
        self.warnings.push(SyntaxWarning { msg, line: span.line });
    }

    /// `type(e).__name__` when the expression's type is known statically.
    fn infer_type(&self, e: &Expr) -> Option<&'static str> {
        Some(match &e.kind {
            ExprKind::Tuple { .. } => "tuple",
            ExprKind::List { .. } | ExprKind::ListComp { .. } => "list",
            ExprKind::Dict { .. } | ExprKind::DictComp { .. } => "dict",
            ExprKind::Set(_) | ExprKind::SetComp { .. } => "set",
            ExprKind::GeneratorExp { .. } => "generator",
            ExprKind::Lambda { .. } => "function",
            ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "str",
            _ => return self.const_value(e).map(|c| constant_type_name(&c)),
        })
    }

    fn check_caller(&mut self, func: &Expr) {
        let literal = self.is_const(func)
            || matches!(
                func.kind,
                ExprKind::Tuple { .. }
                    | ExprKind::List { .. }
                    | ExprKind::ListComp { .. }
                    | ExprKind::Dict { .. }
                    | ExprKind::DictComp { .. }
                    | ExprKind::Set(_)
                    | ExprKind::SetComp { .. }
                    | ExprKind::GeneratorExp { .. }
                    | ExprKind::JoinedStr(_)
                    | ExprKind::FormattedValue { .. }
            );
        if let (true, Some(t)) = (literal, self.infer_type(func)) {
            self.warn(func.span, format!("'{t}' object is not callable; perhaps you missed a comma?"));
        }
    }

    fn check_subscripter(&mut self, value: &Expr) {
        let warn = match self.const_value(value) {
            Some(c) => matches!(
                c,
                Constant::None | Constant::Ellipsis | Constant::Int(_) | Constant::Bool(_) | Constant::Float(_)
                    | Constant::Complex { .. } | Constant::FrozenSet(_)
            ),
            None => matches!(
                value.kind,
                ExprKind::Set(_) | ExprKind::SetComp { .. } | ExprKind::GeneratorExp { .. } | ExprKind::Lambda { .. }
            ),
        };
        if let (true, Some(t)) = (warn, self.infer_type(value)) {
            self.warn(value.span, format!("'{t}' object is not subscriptable; perhaps you missed a comma?"));
        }
    }

    fn check_index(&mut self, value: &Expr, index: &Expr) {
        let Some(index_type) = self.infer_type(index) else { return };
        if matches!(index_type, "int" | "bool") || matches!(index.kind, ExprKind::Slice { .. }) {
            return;
        }
        let warn = match self.const_value(value) {
            Some(c) => matches!(c, Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_)),
            None => matches!(
                value.kind,
                ExprKind::Tuple { .. } | ExprKind::List { .. } | ExprKind::ListComp { .. } | ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. }
            ),
        };
        if let (true, Some(t)) = (warn, self.infer_type(value)) {
            self.warn(
                value.span,
                format!("{t} indices must be integers or slices, not {index_type}; perhaps you missed a comma?"),
            );
        }
    }

    /// `x is 1` warns: identity with a literal other than None/True/False/...
    fn check_compare(&mut self, e: &Expr, left: &Expr, ops: &[CmpOp], comparators: &[Expr]) {
        let is_arg = |this: &Self, x: &Expr| match this.const_value(x) {
            None => true,
            Some(c) => matches!(c, Constant::None | Constant::Bool(_) | Constant::Ellipsis),
        };
        let mut left_ok = is_arg(self, left);
        let mut left_expr = left;
        for (op, right) in ops.iter().zip(comparators) {
            let right_ok = is_arg(self, right);
            if matches!(op, CmpOp::Is | CmpOp::IsNot) && (!right_ok || !left_ok) {
                let literal = if !left_ok { left_expr } else { right };
                let t = self.infer_type(literal).unwrap_or("object");
                let msg = if *op == CmpOp::Is {
                    format!("\"is\" with '{t}' literal. Did you mean \"==\"?")
                } else {
                    format!("\"is not\" with '{t}' literal. Did you mean \"!=\"?")
                };
                self.warn(e.span, msg);
                return;
            }
            left_ok = right_ok;
            left_expr = right;
        }
    }

    // ----- conditions -----

    /// `compiler_jump_if`: jumps to `next` when `e` is (`cond`) true.
    pub(super) fn jump_if(&mut self, e: &'a Expr, next: Label, cond: bool) -> Res {
        match &e.kind {
            ExprKind::UnaryOp { op: UnaryOp::Not, operand } => return self.jump_if(operand, next, !cond),
            ExprKind::BoolOp { op, values } => {
                let cond2 = *op == BoolOp::Or;
                let next2 = if cond2 != cond { self.new_label() } else { next };
                let n = values.len() - 1;
                for v in &values[..n] {
                    self.jump_if(v, next2, cond2)?;
                }
                self.jump_if(&values[n], next, cond)?;
                if next2 != next {
                    self.use_label(next2);
                }
                return Ok(());
            }
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next2 = self.new_label();
                self.jump_if(test, next2, false)?;
                self.jump_if(body, next, cond)?;
                self.emit_jump(Loc::NONE, Op::Jump, end);
                self.use_label(next2);
                self.jump_if(orelse, next, cond)?;
                self.use_label(end);
                return Ok(());
            }
            ExprKind::Compare { left, ops, comparators } if ops.len() > 1 => {
                self.check_compare(e, left, ops, comparators);
                let l = loc(e.span);
                let n = ops.len() - 1;
                let cleanup = self.new_label();
                self.expr(left)?;
                for i in 0..n {
                    self.expr(&comparators[i])?;
                    self.emit_arg(l, SWAP, 2);
                    self.emit_arg(l, COPY, 2);
                    self.compare_op(l, ops[i]);
                    self.jump(l, POP_JUMP_IF_FALSE, cleanup);
                }
                self.comparand(&comparators[n], ops[n])?;
                self.compare_op(l, ops[n]);
                self.jump(l, if cond { POP_JUMP_IF_TRUE } else { POP_JUMP_IF_FALSE }, next);
                let end = self.new_label();
                self.emit_jump(Loc::NONE, Op::Jump, end);
                self.use_label(cleanup);
                self.emit(l, POP_TOP);
                if !cond {
                    self.emit_jump(Loc::NONE, Op::Jump, next);
                }
                self.use_label(end);
                return Ok(());
            }
            _ => {}
        }
        self.expr(e)?;
        self.jump(loc(e.span), if cond { POP_JUMP_IF_TRUE } else { POP_JUMP_IF_FALSE }, next);
        Ok(())
    }

    /// The last operand of a comparison (`in` takes it in iteration position).
    fn comparand(&mut self, e: &'a Expr, op: CmpOp) -> Res {
        if matches!(op, CmpOp::In | CmpOp::NotIn) {
            self.iter_expr(e)
        } else {
            self.expr(e)
        }
    }

    pub(super) fn compare_op(&mut self, l: Loc, op: CmpOp) {
        let cmp = match op {
            CmpOp::Lt => 0,
            CmpOp::LtE => 1,
            CmpOp::Eq => 2,
            CmpOp::NotEq => 3,
            CmpOp::Gt => 4,
            CmpOp::GtE => 5,
            CmpOp::Is => return self.emit_arg(l, IS_OP, 0),
            CmpOp::IsNot => return self.emit_arg(l, IS_OP, 1),
            CmpOp::In => return self.emit_arg(l, CONTAINS_OP, 0),
            CmpOp::NotIn => return self.emit_arg(l, CONTAINS_OP, 1),
        };
        const MASKS: [u32; 6] = [2, 10, 8, 7, 4, 12];
        self.emit_arg(l, COMPARE_OP, (cmp << 4) | MASKS[cmp as usize]);
    }

    // ----- expressions -----

    pub(super) fn expr(&mut self, e: &'a Expr) -> Res {
        let l = loc(e.span);
        if let Some(c) = self.folded.get(e) {
            let c = c.clone();
            self.load_const(l, c);
            return Ok(());
        }
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit_arg(l, COPY, 1);
                self.expr(target)
            }
            ExprKind::BoolOp { op, values } => {
                let jump = if *op == BoolOp::And { POP_JUMP_IF_FALSE } else { POP_JUMP_IF_TRUE };
                let end = self.new_label();
                let n = values.len() - 1;
                for v in &values[..n] {
                    self.expr(v)?;
                    self.emit_arg(l, COPY, 1);
                    self.jump(l, jump, end);
                    self.emit(l, POP_TOP);
                }
                self.expr(&values[n])?;
                self.use_label(end);
                Ok(())
            }
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.emit_arg(l, BINARY_OP, binary_arg(*op, false));
                Ok(())
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                match op {
                    UnaryOp::UAdd => self.emit_arg(l, CALL_INTRINSIC_1, INTRINSIC_UNARY_POSITIVE),
                    UnaryOp::USub => self.emit(l, UNARY_NEGATIVE),
                    UnaryOp::Not => self.emit(l, UNARY_NOT),
                    UnaryOp::Invert => self.emit(l, UNARY_INVERT),
                }
                Ok(())
            }
            ExprKind::Lambda { args, body } => self.lambda(e, args, body),
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next = self.new_label();
                self.jump_if(test, next, false)?;
                self.expr(body)?;
                self.emit_jump(Loc::NONE, Op::Jump, end);
                self.use_label(next);
                self.expr(orelse)?;
                self.use_label(end);
                Ok(())
            }
            ExprKind::Dict { keys, values } => self.dict(e, keys, values),
            ExprKind::Set(elts) => self.starunpack(l, elts, 0, BUILD_SET, SET_ADD, SET_UPDATE, false),
            ExprKind::ListComp { elt, generators } => self.comprehension(e, CompKind::List, generators, elt, None),
            ExprKind::SetComp { elt, generators } => self.comprehension(e, CompKind::Set, generators, elt, None),
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(e, CompKind::Dict, generators, key, Some(value))
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, CompKind::Generator, generators, elt, None)
            }
            ExprKind::Yield(value) => {
                if !self.ste().is_function_like() {
                    return Err(err("'yield' outside function", e.span));
                }
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(l, Constant::None),
                }
                self.add_yield(l);
                Ok(())
            }
            ExprKind::YieldFrom(value) => {
                if !self.ste().is_function_like() {
                    return Err(err("'yield' outside function", e.span));
                }
                if self.u().scope_type == ScopeType::AsyncFunction {
                    return Err(err("'yield from' inside async function", e.span));
                }
                self.expr(value)?;
                self.emit(l, GET_YIELD_FROM_ITER);
                self.load_const(l, Constant::None);
                self.add_yield_from(l, false);
                Ok(())
            }
            ExprKind::Await(value) => {
                if !self.ste().is_function_like() {
                    return Err(err("'await' outside function", e.span));
                }
                let st = self.u().scope_type;
                if st != ScopeType::AsyncFunction && st != ScopeType::Comprehension {
                    return Err(err("'await' outside async function", e.span));
                }
                self.expr(value)?;
                self.await_value(l, 0);
                Ok(())
            }
            ExprKind::Compare { left, ops, comparators } => self.compare(e, left, ops, comparators),
            ExprKind::Call { func, args, keywords } => self.call(e, func, args, keywords),
            ExprKind::FormattedValue { value, conversion, format_spec } => {
                self.expr(value)?;
                let mut oparg = match *conversion {
                    c if c == b's' as i32 => 1,
                    c if c == b'r' as i32 => 2,
                    c if c == b'a' as i32 => 3,
                    _ => 0,
                };
                if let Some(spec) = format_spec {
                    self.expr(spec)?;
                    oparg |= 4;
                }
                self.emit_arg(l, FORMAT_VALUE, oparg);
                Ok(())
            }
            ExprKind::JoinedStr(values) => {
                if values.len() > STACK_USE_GUIDELINE {
                    self.load_const(l, str_const(""));
                    self.load_attr(l, &"join".into(), true);
                    self.emit_arg(l, BUILD_LIST, 0);
                    for v in values {
                        self.expr(v)?;
                        self.emit_arg(l, LIST_APPEND, 1);
                    }
                    self.emit_arg(l, CALL, 1);
                } else {
                    for v in values {
                        self.expr(v)?;
                    }
                    if values.len() != 1 {
                        self.emit_arg(l, BUILD_STRING, values.len() as u32);
                    }
                }
                Ok(())
            }
            ExprKind::Constant(c) => {
                self.load_const(l, const_of(c));
                Ok(())
            }

            ExprKind::Attribute { value, attr, ctx } => {
                if *ctx == Context::Load && self.can_optimize_super_call(e) {
                    return self.super_attr(e, false);
                }
                self.expr(value)?;
                let al = attr_loc(l, e);
                match ctx {
                    Context::Load => self.load_attr(al, attr, false),
                    Context::Store => self.emit_name(al, STORE_ATTR, attr),
                    Context::Del => self.emit_name(al, DELETE_ATTR, attr),
                }
                Ok(())
            }
            ExprKind::Subscript { value, slice, ctx } => {
                if *ctx == Context::Load {
                    self.check_subscripter(value);
                    self.check_index(value, slice);
                }
                self.expr(value)?;
                if is_two_element_slice(slice) && *ctx != Context::Del {
                    self.slice_parts(slice)?;
                    self.emit(l, if *ctx == Context::Load { BINARY_SLICE } else { STORE_SLICE });
                } else {
                    self.expr(slice)?;
                    self.emit(
                        l,
                        match ctx {
                            Context::Load => BINARY_SUBSCR,
                            Context::Store => STORE_SUBSCR,
                            Context::Del => DELETE_SUBSCR,
                        },
                    );
                }
                Ok(())
            }
            ExprKind::Starred { ctx, .. } => match ctx {
                Context::Store => Err(err("starred assignment target must be in a list or tuple", e.span)),
                _ => Err(err("can't use starred expression here", e.span)),
            },
            ExprKind::Name { id, ctx } => self.nameop(l, id, *ctx),
            ExprKind::List { elts, ctx } => match ctx {
                Context::Store => self.assignment_helper(l, elts),
                Context::Load => self.starunpack(l, elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, false),
                Context::Del => elts.iter().try_for_each(|x| self.expr(x)),
            },
            ExprKind::Tuple { elts, ctx } => match ctx {
                Context::Store => self.assignment_helper(l, elts),
                Context::Load => match self.const_value(e) {
                    Some(c) => {
                        self.load_const(l, c);
                        Ok(())
                    }
                    None => self.starunpack(l, elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, true),
                },
                Context::Del => elts.iter().try_for_each(|x| self.expr(x)),
            },
            ExprKind::Slice { .. } => {
                let n = self.slice_parts(e)?;
                self.emit_arg(l, BUILD_SLICE, n);
                Ok(())
            }
        }
    }

    /// An expression in iteration position (`for` / comprehension iterable,
    /// right operand of `in`): a set of constants there is a frozenset constant.
    fn iter_expr(&mut self, e: &'a Expr) -> Res {
        if let ExprKind::Set(elts) = &e.kind {
            if let Some(items) = super::fold::values_of(elts, &self.folded) {
                let set = Constant::FrozenSet(super::fold::frozenset_order(items).into());
                self.load_const(loc(e.span), set);
                return Ok(());
            }
        }
        self.expr(e)
    }

    fn slice_parts(&mut self, s: &'a Expr) -> Result<u32, Box<CompileError>> {
        let ExprKind::Slice { lower, upper, step } = &s.kind else { unreachable!() };
        let l = loc(s.span);
        match lower {
            Some(x) => self.expr(x)?,
            None => self.load_const(l, Constant::None),
        }
        match upper {
            Some(x) => self.expr(x)?,
            None => self.load_const(l, Constant::None),
        }
        if let Some(x) = step {
            self.expr(x)?;
            return Ok(3);
        }
        Ok(2)
    }

    fn add_yield(&mut self, l: Loc) {
        let ste = self.ste();
        if ste.generator && ste.coroutine {
            self.emit_arg(l, CALL_INTRINSIC_1, INTRINSIC_ASYNC_GEN_WRAP);
        }
        self.emit_arg(l, YIELD_VALUE, 0);
        self.emit_arg(l, RESUME, 1);
    }

    fn add_yield_from(&mut self, l: Loc, is_await: bool) {
        let send = self.new_label();
        let fail = self.new_label();
        let exit = self.new_label();
        self.use_label(send);
        self.jump(l, SEND, exit);
        self.emit_jump(l, Op::SetupFinally, fail);
        self.emit_arg(l, YIELD_VALUE, 0);
        self.emit_op(Loc::NONE, Op::PopBlock, 0);
        self.emit_arg(l, RESUME, if is_await { 3 } else { 2 });
        self.emit_jump(l, Op::JumpNoInterrupt, send);
        self.use_label(fail);
        self.emit(l, CLEANUP_THROW);
        self.use_label(exit);
        self.emit(l, END_SEND);
    }

    fn compare(&mut self, e: &'a Expr, left: &'a Expr, ops: &[CmpOp], comparators: &'a [Expr]) -> Res {
        self.check_compare(e, left, ops, comparators);
        let l = loc(e.span);
        self.expr(left)?;
        let n = ops.len() - 1;
        if n == 0 {
            self.comparand(&comparators[0], ops[0])?;
            self.compare_op(l, ops[0]);
            return Ok(());
        }
        let cleanup = self.new_label();
        for i in 0..n {
            self.expr(&comparators[i])?;
            self.emit_arg(l, SWAP, 2);
            self.emit_arg(l, COPY, 2);
            self.compare_op(l, ops[i]);
            self.emit_arg(l, COPY, 1);
            self.jump(l, POP_JUMP_IF_FALSE, cleanup);
            self.emit(l, POP_TOP);
        }
        self.comparand(&comparators[n], ops[n])?;
        self.compare_op(l, ops[n]);
        let end = self.new_label();
        self.emit_jump(Loc::NONE, Op::Jump, end);
        self.use_label(cleanup);
        self.emit_arg(l, SWAP, 2);
        self.emit(l, POP_TOP);
        self.use_label(end);
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn starunpack(&mut self, l: Loc, elts: &'a [Expr], pushed: u32, build: Opcode, add: Opcode, extend: Opcode, tuple: bool) -> Res {
        self.starunpack_with(l, elts, None, pushed, build, add, extend, tuple)
    }

    /// `starunpack_helper`; `extra` names one more (non-starred) element after `elts`.
    #[allow(clippy::too_many_arguments)]
    fn starunpack_with(
        &mut self,
        l: Loc,
        elts: &'a [Expr],
        extra: Option<&Rc<str>>,
        pushed: u32,
        build: Opcode,
        add: Opcode,
        extend: Opcode,
        tuple: bool,
    ) -> Res {
        let n = elts.len() + extra.is_some() as usize;
        if n > 2 && extra.is_none() && elts.iter().all(|x| self.is_const(x)) {
            let items = super::fold::values_of(elts, &self.folded).expect("constant elements");
            if tuple && pushed == 0 {
                self.load_const(l, Constant::Tuple(items.into()));
            } else {
                let folded = if add == SET_ADD {
                    Constant::FrozenSet(super::fold::frozenset_order(items).into())
                } else {
                    Constant::Tuple(items.into())
                };
                self.emit_arg(l, build, pushed);
                self.load_const(l, folded);
                self.emit_arg(l, extend, 1);
                if tuple {
                    self.emit_arg(l, CALL_INTRINSIC_1, INTRINSIC_LIST_TO_TUPLE);
                }
            }
            return Ok(());
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(|x| matches!(x.kind, ExprKind::Starred { .. }));
        if !seen_star && !big {
            for x in elts {
                self.expr(x)?;
            }
            if let Some(name) = extra {
                self.nameop(l, name, Context::Load)?;
            }
            self.emit_arg(l, if tuple { BUILD_TUPLE } else { build }, n as u32 + pushed);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit_arg(l, build, pushed);
            built = true;
        }
        for (i, x) in elts.iter().enumerate() {
            if let ExprKind::Starred { value, .. } = &x.kind {
                if !built {
                    self.emit_arg(l, build, i as u32 + pushed);
                    built = true;
                }
                self.expr(value)?;
                self.emit_arg(l, extend, 1);
            } else {
                self.expr(x)?;
                if built {
                    self.emit_arg(l, add, 1);
                }
            }
        }
        if let Some(name) = extra {
            self.nameop(l, name, Context::Load)?;
            if built {
                self.emit_arg(l, add, 1);
            }
        }
        if tuple {
            self.emit_arg(l, CALL_INTRINSIC_1, INTRINSIC_LIST_TO_TUPLE);
        }
        Ok(())
    }

    fn assignment_helper(&mut self, l: Loc, elts: &'a [Expr]) -> Res {
        let n = elts.len();
        let mut seen_star = false;
        for (i, x) in elts.iter().enumerate() {
            if matches!(x.kind, ExprKind::Starred { .. }) {
                if seen_star {
                    return Err(CompileError::at("multiple starred expressions in assignment", l));
                }
                if i >= 256 || n - i > (i32::MAX >> 8) as usize {
                    return Err(CompileError::at("too many expressions in star-unpacking assignment", l));
                }
                self.emit_arg(l, UNPACK_EX, (i + ((n - i - 1) << 8)) as u32);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit_arg(l, UNPACK_SEQUENCE, n as u32);
        }
        for x in elts {
            match &x.kind {
                ExprKind::Starred { value, .. } => self.expr(value)?,
                _ => self.expr(x)?,
            }
        }
        Ok(())
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn dict(&mut self, e: &'a Expr, keys: &'a [Option<Expr>], values: &'a [Expr]) -> Res {
        let l = loc(e.span);
        let n = values.len();
        let mut have_dict = false;
        let mut elements = 0usize;
        for i in 0..n {
            if keys[i].is_none() {
                if elements > 0 {
                    self.subdict(e, keys, values, i - elements, i)?;
                    if have_dict {
                        self.emit_arg(l, DICT_UPDATE, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit_arg(l, BUILD_MAP, 0);
                    have_dict = true;
                }
                self.expr(&values[i])?;
                self.emit_arg(l, DICT_UPDATE, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(e, keys, values, i - elements, i + 1)?;
                if have_dict {
                    self.emit_arg(l, DICT_UPDATE, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(e, keys, values, n - elements, n)?;
            if have_dict {
                self.emit_arg(l, DICT_UPDATE, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit_arg(l, BUILD_MAP, 0);
        }
        Ok(())
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn subdict(&mut self, e: &'a Expr, keys: &'a [Option<Expr>], values: &'a [Expr], begin: usize, end: usize) -> Res {
        let l = loc(e.span);
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        let all_const = keys[begin..end].iter().all(|k| k.as_ref().is_some_and(|k| self.is_const(k)));
        if n > 1 && !big && all_const {
            for v in &values[begin..end] {
                self.expr(v)?;
            }
            let mut key_consts = Vec::with_capacity(n);
            for k in keys[begin..end].iter().flatten() {
                key_consts.push(self.const_value(k).expect("constant key"));
            }
            self.load_const(l, Constant::Tuple(key_consts.into()));
            self.emit_arg(l, BUILD_CONST_KEY_MAP, n as u32);
            return Ok(());
        }
        if big {
            self.emit_arg(l, BUILD_MAP, 0);
        }
        for i in begin..end {
            self.expr(keys[i].as_ref().unwrap())?;
            self.expr(&values[i])?;
            if big {
                self.emit_arg(l, MAP_ADD, 1);
            }
        }
        if !big {
            self.emit_arg(l, BUILD_MAP, n as u32);
        }
        Ok(())
    }

    // ----- calls -----

    fn is_import_originated(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Name { id, .. } => self.st.top().flags_of(id) & DEF_IMPORT != 0,
            _ => false,
        }
    }

    /// `super().attr` / `super(C, self).attr` become LOAD_SUPER_ATTR when
    /// `super` is the builtin and the enclosing function has `__class__`.
    fn can_optimize_super_call(&self, attr: &Expr) -> bool {
        let ExprKind::Attribute { value, attr: name, .. } = &attr.kind else { return false };
        let ExprKind::Call { func, args, keywords } = &value.kind else { return false };
        let ExprKind::Name { id, .. } = &func.kind else { return false };
        if &**id != "super" || &**name == "__class__" || !keywords.is_empty() {
            return false;
        }
        let ste = self.ste();
        if ste.scope_of("super") != Scope::GlobalImplicit || self.st.top().scope_of("super") != Scope::Unknown {
            return false;
        }
        match args.len() {
            2 => !args.iter().any(|a| matches!(a.kind, ExprKind::Starred { .. })),
            0 => {
                let u = self.units.last().unwrap();
                (u.argcount > 0 || u.posonlyargcount > 0) && ste.scope_of("__class__") == Scope::Free
            }
            _ => false,
        }
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn load_args_for_super(&mut self, value: &'a Expr) -> Res {
        let ExprKind::Call { func, args, .. } = &value.kind else { unreachable!() };
        let ExprKind::Name { id, .. } = &func.kind else { unreachable!() };
        self.nameop(loc(func.span), id, Context::Load)?;
        let l = loc(value.span);
        if args.len() == 2 {
            self.expr(&args[0])?;
            self.expr(&args[1])?;
        } else {
            self.nameop(l, &"__class__".into(), Context::Load)?;
            let first = self.u().varnames.list.first().cloned();
            match first {
                Some(first) => self.nameop(l, &first, Context::Load)?,
                None => return Err(err("super(): no arguments", value.span)),
            }
        }
        Ok(())
    }

    /// Emits LOAD_SUPER_ATTR for `super().name` (the method form when `method`).
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn super_attr(&mut self, attr_expr: &'a Expr, method: bool) -> Res {
        let ExprKind::Attribute { value, attr, .. } = &attr_expr.kind else { unreachable!() };
        self.load_args_for_super(value)?;
        let ExprKind::Call { args, .. } = &value.kind else { unreachable!() };
        let i = self.name_index(attr);
        let two_arg = !args.is_empty();
        let arg = (i << 2) | (two_arg as u32) << 1 | method as u32;
        let l = loc(attr_expr.span);
        self.emit_arg(l, LOAD_SUPER_ATTR, arg);
        self.emit(attr_loc(l, attr_expr), NOP);
        Ok(())
    }

    fn call(&mut self, e: &'a Expr, func: &'a Expr, args: &'a [Expr], keywords: &'a [Keyword]) -> Res {
        self.validate_keywords(keywords)?;
        if self.maybe_optimize_method_call(e, func, args, keywords)? {
            return Ok(());
        }
        self.check_caller(func);
        self.emit(loc(func.span), PUSH_NULL);
        self.expr(func)?;
        self.call_helper(loc(e.span), 0, args, keywords)
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn validate_keywords(&self, keywords: &[Keyword]) -> Res {
        for (i, k) in keywords.iter().enumerate() {
            let Some(name) = &k.arg else { continue };
            if &**name == "__debug__" {
                return Err(err("cannot assign to __debug__", k.span));
            }
            if keywords[i + 1..].iter().any(|o| o.arg.as_deref() == Some(name)) {
                let dup = keywords[i + 1..].iter().find(|o| o.arg.as_deref() == Some(name)).unwrap();
                return Err(err(format!("keyword argument repeated: {name}"), dup.span));
            }
        }
        Ok(())
    }

    fn maybe_optimize_method_call(&mut self, e: &'a Expr, meth: &'a Expr, args: &'a [Expr], keywords: &'a [Keyword]) -> Result<bool, Box<CompileError>> {
        let ExprKind::Attribute { value, attr, ctx: Context::Load } = &meth.kind else { return Ok(false) };
        if self.is_import_originated(value) {
            return Ok(false);
        }
        let argsl = args.len();
        let kwdsl = keywords.len();
        if argsl + kwdsl + (kwdsl != 0) as usize >= STACK_USE_GUIDELINE {
            return Ok(false);
        }
        if args.iter().any(|a| matches!(a.kind, ExprKind::Starred { .. })) {
            return Ok(false);
        }
        if keywords.iter().any(|k| k.arg.is_none()) {
            return Ok(false);
        }
        let l = attr_loc(loc(meth.span), meth);
        if self.can_optimize_super_call(meth) {
            self.super_attr(meth, true)?;
        } else {
            self.expr(value)?;
            self.load_attr(l, attr, true);
        }
        for a in args {
            self.expr(a)?;
        }
        if kwdsl > 0 {
            for k in keywords {
                self.expr(&k.value)?;
            }
            self.kw_names(l, keywords);
        }
        let cl = attr_loc(loc(e.span), meth);
        self.emit_arg(cl, CALL, (argsl + kwdsl) as u32);
        Ok(true)
    }

    fn kw_names(&mut self, l: Loc, keywords: &[Keyword]) {
        let i = self.add_const(names_tuple(&mut keywords.iter().map(|k| k.arg.clone().unwrap())));
        self.emit_arg(l, KW_NAMES, i);
    }

    fn call_helper(&mut self, l: Loc, n: u32, args: &'a [Expr], keywords: &'a [Keyword]) -> Res {
        self.call_helper_with(l, n, args, None, keywords)
    }

    /// `compiler_call_helper`, with an optional last positional argument that is a name
    /// (a generic class's `.generic_base`, which CPython appends to the bases as a Name node).
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn call_helper_with(
        &mut self,
        l: Loc,
        n: u32,
        args: &'a [Expr],
        extra: Option<&Rc<str>>,
        keywords: &'a [Keyword],
    ) -> Res {
        self.validate_keywords(keywords)?;
        let nelts = args.len() + extra.is_some() as usize;
        let nkw = keywords.len();
        let simple = nelts + nkw * 2 <= STACK_USE_GUIDELINE
            && !args.iter().any(|a| matches!(a.kind, ExprKind::Starred { .. }))
            && !keywords.iter().any(|k| k.arg.is_none());
        if simple {
            for a in args {
                self.expr(a)?;
            }
            if let Some(name) = extra {
                self.nameop(l, name, Context::Load)?;
            }
            if nkw > 0 {
                for k in keywords {
                    self.expr(&k.value)?;
                }
                self.kw_names(l, keywords);
            }
            self.emit_arg(l, CALL, n + (nelts + nkw) as u32);
            return Ok(());
        }
        // The general form: CALL_FUNCTION_EX over a tuple and a dict.
        match (n, args) {
            (0, [Expr { kind: ExprKind::Starred { value, .. }, .. }]) if extra.is_none() => self.expr(value)?,
            _ => self.starunpack_with(l, args, extra, n, BUILD_LIST, LIST_APPEND, LIST_EXTEND, true)?,
        }
        if nkw > 0 {
            let mut have_dict = false;
            let mut nseen = 0;
            for (i, k) in keywords.iter().enumerate() {
                if k.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(l, keywords, i - nseen, i)?;
                        if have_dict {
                            self.emit_arg(l, DICT_MERGE, 1);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit_arg(l, BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.expr(&k.value)?;
                    self.emit_arg(l, DICT_MERGE, 1);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(l, keywords, nkw - nseen, nkw)?;
                if have_dict {
                    self.emit_arg(l, DICT_MERGE, 1);
                }
            }
        }
        self.emit_arg(l, CALL_FUNCTION_EX, (nkw > 0) as u32);
        Ok(())
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn subkwargs(&mut self, l: Loc, keywords: &'a [Keyword], begin: usize, end: usize) -> Res {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            for k in &keywords[begin..end] {
                self.expr(&k.value)?;
            }
            let keys = names_tuple(&mut keywords[begin..end].iter().map(|k| k.arg.clone().unwrap()));
            self.load_const(l, keys);
            self.emit_arg(l, BUILD_CONST_KEY_MAP, n as u32);
            return Ok(());
        }
        if big {
            self.emit_arg(Loc::NONE, BUILD_MAP, 0);
        }
        for k in &keywords[begin..end] {
            self.load_const(l, Constant::Str(k.arg.clone().unwrap()));
            self.expr(&k.value)?;
            if big {
                self.emit_arg(Loc::NONE, MAP_ADD, 1);
            }
        }
        if !big {
            self.emit_arg(l, BUILD_MAP, n as u32);
        }
        Ok(())
    }

    // ----- lambda and comprehensions -----

    fn lambda(&mut self, e: &'a Expr, args: &'a Arguments, body: &'a Expr) -> Res {
        let l = loc(e.span);
        let funcflags = self.default_arguments(l, args)?;
        self.enter_scope("<lambda>".into(), ScopeType::Lambda, key_of(e), e.span.line)?;
        self.add_const(Constant::None);
        {
            let u = self.u();
            u.argcount = args.args.len() as u32;
            u.posonlyargcount = args.posonlyargs.len() as u32;
            u.kwonlyargcount = args.kwonlyargs.len() as u32;
        }
        self.expr(body)?;
        let code = if self.ste().generator {
            self.finish_unit(false)
        } else {
            self.emit(loc(body.span), RETURN_VALUE);
            self.finish_unit(true)
        };
        self.make_closure(l, code, funcflags)
    }

    fn comprehension(&mut self, e: &'a Expr, kind: CompKind, generators: &'a [Comprehension], elt: &'a Expr, value: Option<&'a Expr>) -> Res {
        let l = loc(e.span);
        let ste_index = self.st.lookup(key_of(e));
        let inlined = self.st.scopes[ste_index].comp_inlined;
        let is_async_generator = self.st.scopes[ste_index].coroutine;
        let outer_scope = self.u().scope_type;
        if is_async_generator
            && kind != CompKind::Generator
            && outer_scope != ScopeType::AsyncFunction
            && outer_scope != ScopeType::Comprehension
        {
            return Err(err("asynchronous comprehension outside of an asynchronous function", e.span));
        }
        let outermost = &generators[0];
        let get_iter = if outermost.is_async { GET_AITER } else { GET_ITER };
        let mut state = None;
        if inlined {
            self.iter_expr(&outermost.iter)?;
            self.emit(loc(outermost.iter.span), get_iter);
            state = Some(self.push_inlined_comprehension_state(l, ste_index)?);
        } else {
            let name = match kind {
                CompKind::List => "<listcomp>",
                CompKind::Set => "<setcomp>",
                CompKind::Dict => "<dictcomp>",
                CompKind::Generator => "<genexpr>",
            };
            self.enter_scope(name.into(), ScopeType::Comprehension, key_of(e), e.span.line)?;
        }
        if kind != CompKind::Generator {
            let op = match kind {
                CompKind::List => BUILD_LIST,
                CompKind::Set => BUILD_SET,
                _ => BUILD_MAP,
            };
            self.emit_arg(l, op, 0);
            if inlined {
                self.emit_arg(l, SWAP, 2);
            }
        }
        self.comprehension_generator(l, generators, 0, 0, elt, value, kind, inlined)?;
        if let Some(state) = state {
            return self.pop_inlined_comprehension_state(l, state);
        }
        if kind != CompKind::Generator {
            self.emit(l, RETURN_VALUE);
        } else {
            self.wrap_in_stopiteration_handler();
        }
        let code = self.finish_unit(true);
        self.make_closure(l, code, 0)?;
        self.iter_expr(&outermost.iter)?;
        self.emit(loc(outermost.iter.span), get_iter);
        self.emit_arg(l, CALL, 0);
        if is_async_generator && kind != CompKind::Generator {
            self.await_value(l, 0);
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn comprehension_generator(
        &mut self,
        l: Loc,
        generators: &'a [Comprehension],
        gen_index: usize,
        mut depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
        iter_on_stack: bool,
    ) -> Res {
        if generators[gen_index].is_async {
            return self.async_comprehension_generator(l, generators, gen_index, depth, elt, value, kind, iter_on_stack);
        }
        let mut start = Some(self.new_label());
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        let gen = &generators[gen_index];
        if !iter_on_stack {
            if gen_index == 0 {
                self.u().argcount = 1;
                self.emit_arg(l, LOAD_FAST, 0);
            } else {
                let elts = match &gen.iter.kind {
                    _ if self.is_const(&gen.iter) => None,
                    ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => Some(elts),
                    _ => None,
                };
                if let Some(elts) = elts {
                    if elts.len() == 1 && !matches!(elts[0].kind, ExprKind::Starred { .. }) {
                        self.expr(&elts[0])?;
                        start = None;
                    }
                }
                if start.is_some() {
                    self.iter_expr(&gen.iter)?;
                    self.emit(loc(gen.iter.span), GET_ITER);
                }
            }
        }
        if let Some(start) = start {
            depth += 1;
            self.use_label(start);
            self.jump(loc(gen.iter.span), FOR_ITER, anchor);
        }
        self.expr(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        let next_index = gen_index + 1;
        if next_index < generators.len() {
            self.comprehension_generator(l, generators, next_index, depth, elt, value, kind, false)?;
        }
        let mut elt_loc = loc(elt.span);
        if next_index >= generators.len() {
            elt_loc = self.comprehension_element(elt, value, kind, depth)?;
        }
        self.use_label(if_cleanup);
        if let Some(start) = start {
            self.emit_jump(elt_loc, Op::Jump, start);
            self.use_label(anchor);
            self.emit(Loc::NONE, END_FOR);
        }
        Ok(())
    }

    /// The element code shared by sync and async comprehension loops.
    fn comprehension_element(&mut self, elt: &'a Expr, value: Option<&'a Expr>, kind: CompKind, depth: u32) -> Result<Loc, Box<CompileError>> {
        let mut elt_loc = loc(elt.span);
        match kind {
            CompKind::Generator => {
                self.expr(elt)?;
                self.add_yield(elt_loc);
                self.emit(elt_loc, POP_TOP);
            }
            CompKind::List => {
                self.expr(elt)?;
                self.emit_arg(elt_loc, LIST_APPEND, depth + 1);
            }
            CompKind::Set => {
                self.expr(elt)?;
                self.emit_arg(elt_loc, SET_ADD, depth + 1);
            }
            CompKind::Dict => {
                let value = value.expect("a dict comprehension has a value");
                self.expr(elt)?;
                self.expr(value)?;
                elt_loc = Loc {
                    line: elt.span.line as i32,
                    end_line: value.span.end_line as i32,
                    col: elt.span.col as i32,
                    end_col: value.span.end_col as i32,
                };
                self.emit_arg(elt_loc, MAP_ADD, depth + 1);
            }
        }
        Ok(elt_loc)
    }

    #[allow(clippy::too_many_arguments)]
    fn async_comprehension_generator(
        &mut self,
        l: Loc,
        generators: &'a [Comprehension],
        gen_index: usize,
        mut depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
        iter_on_stack: bool,
    ) -> Res {
        let start = self.new_label();
        let except = self.new_label();
        let if_cleanup = self.new_label();
        let gen = &generators[gen_index];
        if !iter_on_stack {
            if gen_index == 0 {
                self.u().argcount = 1;
                self.emit_arg(l, LOAD_FAST, 0);
            } else {
                self.expr(&gen.iter)?;
                self.emit(loc(gen.iter.span), GET_AITER);
            }
        }
        self.use_label(start);
        self.push_fblock(FBlockKind::AsyncComprehensionGenerator, Some(start), None);
        self.emit_jump(l, Op::SetupFinally, except);
        self.emit(l, GET_ANEXT);
        self.load_const(l, Constant::None);
        self.add_yield_from(l, true);
        self.emit_op(l, Op::PopBlock, 0);
        self.expr(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        depth += 1;
        let next_index = gen_index + 1;
        if next_index < generators.len() {
            self.comprehension_generator(l, generators, next_index, depth, elt, value, kind, false)?;
        }
        let mut elt_loc = loc(elt.span);
        if next_index >= generators.len() {
            elt_loc = self.comprehension_element(elt, value, kind, depth)?;
        }
        self.use_label(if_cleanup);
        self.emit_jump(elt_loc, Op::Jump, start);
        self.pop_fblock();
        self.use_label(except);
        self.emit(l, END_ASYNC_FOR);
        Ok(())
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn push_inlined_comprehension_state(&mut self, l: Loc, comp: usize) -> Result<InlineState, Box<CompileError>> {
        let in_class_block = self.ste().kind == BlockKind::Class && self.u().in_inlined_comp == 0;
        self.u().in_inlined_comp += 1;
        let outer = self.units.last().unwrap().ste;
        let mut state = InlineState::default();
        let names = self.st.scopes[comp].names.clone();
        for name in &names {
            let sym = self.st.scopes[comp].symbols[name].clone();
            let outv = self.st.scopes[outer].symbols.get(name).cloned();
            let outsc = outv.as_ref().map_or(Scope::Unknown, |s| s.scope);
            let scope = sym.scope;
            if (scope != outsc && scope != Scope::Free && !(scope == Scope::Cell && outsc == Scope::Free))
                || in_class_block
            {
                // Compile the comprehension's use of the name with its inner scope.
                let saved = self.st.scopes[outer].symbols.insert(name.clone(), sym.clone());
                if saved.is_none() {
                    self.st.scopes[outer].names.push(name.clone());
                }
                state.temp_symbols.push((name.clone(), saved));
            }
            if (sym.flags & DEF_LOCAL != 0 && sym.flags & DEF_NONLOCAL == 0) || in_class_block {
                if !self.ste().is_function_like() && !self.u().hidden_now.contains(name) {
                    self.u().hidden_now.insert(name.clone());
                    self.u().fast_hidden.insert(name.clone());
                    state.fast_hidden.push(name.clone());
                }
                let i = self.varname_index(name);
                self.emit_arg(l, LOAD_FAST_AND_CLEAR, i);
                if scope == Scope::Cell {
                    let arg = if outsc == Scope::Free {
                        let u = self.u();
                        let off = u.cellvars_offset();
                        u.freevars.add(name) + off
                    } else {
                        self.u().cellvars.add(name)
                    };
                    self.emit_arg(l, MAKE_CELL, arg);
                }
                state.pushed_locals.push(name.clone());
            }
        }
        if !state.pushed_locals.is_empty() {
            let n = state.pushed_locals.len() as u32;
            self.emit_arg(l, SWAP, n + 1);
            let cleanup = self.new_label();
            let end = self.new_label();
            state.cleanup = Some(cleanup);
            state.end = Some(end);
            self.emit_jump(l, Op::SetupFinally, cleanup);
        }
        Ok(state)
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn pop_inlined_comprehension_state(&mut self, l: Loc, state: InlineState) -> Res {
        self.u().in_inlined_comp -= 1;
        if let (Some(cleanup), Some(end)) = (state.cleanup, state.end) {
            self.emit_op(Loc::NONE, Op::PopBlock, 0);
            self.emit_jump(Loc::NONE, Op::JumpNoInterrupt, end);
            self.use_label(cleanup);
            self.emit_arg(Loc::NONE, SWAP, 2);
            self.emit(Loc::NONE, POP_TOP);
            self.restore_inlined_locals(l, &state.pushed_locals);
            self.emit_arg(Loc::NONE, RERAISE, 0);
            self.use_label(end);
            self.restore_inlined_locals(l, &state.pushed_locals);
        }
        for name in &state.fast_hidden {
            self.u().hidden_now.remove(name);
        }
        let outer = self.units.last().unwrap().ste;
        for (name, saved) in state.temp_symbols.into_iter().rev() {
            match saved {
                Some(sym) => {
                    self.st.scopes[outer].symbols.insert(name, sym);
                }
                None => {
                    self.st.scopes[outer].symbols.remove(&name);
                    self.st.scopes[outer].names.retain(|n| *n != name);
                }
            }
        }
        Ok(())
    }

    fn restore_inlined_locals(&mut self, l: Loc, pushed: &[Rc<str>]) {
        self.emit_arg(l, SWAP, pushed.len() as u32 + 1);
        for name in pushed.iter().rev() {
            let i = self.varname_index(name);
            self.emit_op(l, Op::StoreFastMaybeNull, i);
        }
    }
}

#[derive(Default)]
struct InlineState {
    pushed_locals: Vec<Rc<str>>,
    fast_hidden: Vec<Rc<str>>,
    temp_symbols: Vec<(Rc<str>, Option<symtable::Symbol>)>,
    cleanup: Option<Label>,
    end: Option<Label>,
}

impl Unit<'_> {
    fn cellvars_offset(&self) -> u32 {
        self.cellvars.list.len() as u32
    }
}

fn constant_type_name(c: &Constant) -> &'static str {
    match c {
        Constant::None => "NoneType",
        Constant::Ellipsis => "ellipsis",
        Constant::Bool(_) => "bool",
        Constant::Int(_) => "int",
        Constant::Float(_) => "float",
        Constant::Complex { .. } => "complex",
        Constant::Str(_) => "str",
        Constant::Bytes(_) => "bytes",
        Constant::Tuple(_) => "tuple",
        Constant::FrozenSet(_) => "frozenset",
        Constant::Code(_) => "code",
    }
}

/// Whether a body has annotated assignments needing `__annotations__`.
fn find_ann(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::For { body, orelse, .. } | StmtKind::AsyncFor { body, orelse, .. } | StmtKind::While { body, orelse, .. } | StmtKind::If { body, orelse, .. } => {
            find_ann(body) || find_ann(orelse)
        }
        StmtKind::With { body, .. } | StmtKind::AsyncWith { body, .. } => find_ann(body),
        StmtKind::Try(t) | StmtKind::TryStar(t) => {
            let Try { body, handlers, orelse, finalbody } = &**t;
            find_ann(body) || find_ann(orelse) || find_ann(finalbody) || handlers.iter().any(|h| find_ann(&h.body))
        }
        StmtKind::Match { cases, .. } => cases.iter().any(|c| find_ann(&c.body)),
        _ => false,
    })
}
