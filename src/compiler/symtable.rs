//! The symbol table (CPython's `Python/symtable.c`): one scope per module,
//! class, function, lambda and comprehension; every name's flags; then the
//! analysis that decides local / global (explicit or implicit) / free /
//! cell, including PEP 709's inlining of list, set and dict comprehensions.

use super::CompileError;
use crate::syntax::ast::*;
use crate::runtime::dict::{FxHashMap, FxHashSet};
use std::rc::Rc;

pub const DEF_GLOBAL: u32 = 1;
pub const DEF_LOCAL: u32 = 2;
pub const DEF_PARAM: u32 = 4;
pub const DEF_NONLOCAL: u32 = 8;
pub const USE: u32 = 16;
pub const DEF_FREE_CLASS: u32 = 64;
pub const DEF_IMPORT: u32 = 128;
pub const DEF_ANNOT: u32 = 256;
pub const DEF_COMP_ITER: u32 = 512;
pub const DEF_COMP_CELL: u32 = 2048;
/// A PEP 695 type parameter (`T` of `def f[T]`).
pub const DEF_TYPE_PARAM: u32 = 4096;
pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Unknown,
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Module,
    Class,
    Function,
    /// The hidden scope holding a generic's type parameters (`<generic parameters of f>`).
    TypeParams,
    /// The lazily evaluated bound or constraints of one TypeVar (`T: int`).
    TypeVarBound,
    /// The lazily evaluated value of a `type` statement.
    TypeAlias,
}

/// Scope keys of the PEP 695 scopes: the address of the AST node plus a tag, since a
/// node's first field may share its address with the node that holds it.
pub fn type_params_key(params: &Vec<TypeParam>) -> ScopeKey {
    key_of(params) + 1
}

pub fn type_var_bound_key(param: &TypeParam) -> ScopeKey {
    key_of(param) + 2
}

pub fn type_alias_key(s: &Stmt) -> ScopeKey {
    key_of(s) + 3
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    Generator,
}

#[derive(Clone, Debug)]
pub struct Symbol {
    pub flags: u32,
    pub scope: Scope,
}

/// The key of a scope: the address of the AST node that opens it.
pub type ScopeKey = usize;

pub fn key_of<T>(node: &T) -> ScopeKey {
    node as *const T as usize
}

#[derive(Debug)]
pub struct ScopeEntry {
    #[allow(dead_code)] // kept for debugging dumps
    pub name: Rc<str>,
    pub kind: BlockKind,
    /// Symbols in insertion order.
    pub names: Vec<Rc<str>>,
    pub symbols: FxHashMap<Rc<str>, Symbol>,
    /// Parameters, in order.
    pub varnames: Vec<Rc<str>>,
    pub children: Vec<usize>,
    pub nested: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub varargs: bool,
    pub varkeywords: bool,
    pub comprehension: Option<CompKind>,
    pub comp_inlined: bool,
    pub comp_iter_target: bool,
    pub comp_iter_expr: u32,
    pub free: bool,
    pub child_free: bool,
    pub needs_class_closure: bool,
    /// A class whose annotation scopes read its namespace through a `__classdict__` cell.
    pub needs_classdict: bool,
    /// An annotation scope directly inside a class: names the class binds are looked up
    /// in the class namespace first (LOAD_FROM_DICT_OR_GLOBALS / _OR_DEREF).
    pub can_see_class_scope: bool,
    #[allow(dead_code)]
    pub line: u32,
    /// Where each name's first global/nonlocal directive appeared (for error
    /// positions). A list, as a scope has few, and a map of names to spans
    /// would be one more hash table instantiation in the wasm.
    directives: Vec<(Rc<str>, Span)>,
}

impl ScopeEntry {
    fn add_directive(&mut self, name: Rc<str>, span: Span) {
        if self.directive(&name).is_none() {
            self.directives.push((name, span));
        }
    }

    fn directive(&self, name: &str) -> Option<Span> {
        self.directives.iter().find(|(n, _)| **n == *name).map(|&(_, span)| span)
    }

    fn new(name: Rc<str>, kind: BlockKind, line: u32) -> ScopeEntry {
        ScopeEntry {
            name,
            kind,
            names: Vec::new(),
            symbols: FxHashMap::default(),
            varnames: Vec::new(),
            children: Vec::new(),
            nested: false,
            generator: false,
            coroutine: false,
            varargs: false,
            varkeywords: false,
            comprehension: None,
            comp_inlined: false,
            comp_iter_target: false,
            comp_iter_expr: 0,
            free: false,
            child_free: false,
            needs_class_closure: false,
            needs_classdict: false,
            can_see_class_scope: false,
            line,
            directives: Vec::new(),
        }
    }

    pub fn is_function_like(&self) -> bool {
        matches!(
            self.kind,
            BlockKind::Function | BlockKind::TypeParams | BlockKind::TypeVarBound | BlockKind::TypeAlias
        )
    }

    pub fn scope_of(&self, name: &str) -> Scope {
        self.symbols.get(name).map(|s| s.scope).unwrap_or(Scope::Unknown)
    }

    pub fn flags_of(&self, name: &str) -> u32 {
        self.symbols.get(name).map(|s| s.flags).unwrap_or(0)
    }

    fn set_flags(&mut self, name: &Rc<str>, flags: u32) {
        match self.symbols.get_mut(name) {
            Some(s) => s.flags = flags,
            None => {
                self.names.push(name.clone());
                self.symbols.insert(name.clone(), Symbol { flags, scope: Scope::Unknown });
            }
        }
    }
}

pub struct SymbolTable {
    pub scopes: Vec<ScopeEntry>,
    pub by_key: FxHashMap<ScopeKey, usize>,
}

impl SymbolTable {
    pub fn top(&self) -> &ScopeEntry {
        &self.scopes[0]
    }

    pub fn lookup(&self, key: ScopeKey) -> usize {
        self.by_key[&key]
    }
}

/// `_Py_Mangle`: `__x` inside class `C` becomes `_C__x`.
pub fn mangle(private: Option<&str>, name: &Rc<str>) -> Rc<str> {
    let Some(class) = private else { return name.clone() };
    if !name.starts_with("__") || name.ends_with("__") || crate::text::has_char(&name, '.') {
        return name.clone();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.clone();
    }
    format!("_{stripped}{name}").into()
}

/// What a type-parameter scope belongs to (its hidden names differ).
#[derive(Clone, Copy)]
enum TypeParamOwner {
    Function { kwdefaults: bool },
    Class,
    Alias,
}

struct Builder {
    /// `from __future__ import annotations`: annotations are never evaluated.
    future_annotations: bool,
    scopes: Vec<ScopeEntry>,
    by_key: FxHashMap<ScopeKey, usize>,
    stack: Vec<usize>,
    private: Option<Rc<str>>,
}

type Res = Result<(), Box<CompileError>>;

fn err(msg: impl Into<String>, span: Span) -> Box<CompileError> {
    CompileError::new(msg, span)
}

impl Builder {
    fn cur(&mut self) -> &mut ScopeEntry {
        let i = *self.stack.last().unwrap();
        &mut self.scopes[i]
    }

    fn enter(&mut self, name: Rc<str>, kind: BlockKind, key: ScopeKey, line: u32) {
        let mut entry = ScopeEntry::new(name, kind, line);
        if let Some(&parent) = self.stack.last() {
            let p = &self.scopes[parent];
            if p.nested || p.is_function_like() {
                entry.nested = true;
            }
        }
        let id = self.scopes.len();
        self.scopes.push(entry);
        self.by_key.insert(key, id);
        if let Some(&parent) = self.stack.last() {
            self.scopes[parent].children.push(id);
        }
        self.stack.push(id);
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    fn add_def(&mut self, name: &Rc<str>, flag: u32, span: Span) -> Res {
        let mangled = mangle(self.private.as_deref(), name);
        let cur = self.cur();
        let mut val = flag;
        if let Some(sym) = cur.symbols.get(&mangled) {
            if flag & DEF_PARAM != 0 && sym.flags & DEF_PARAM != 0 {
                return Err(err(format!("duplicate argument '{name}' in function definition"), span));
            }
            if flag & DEF_TYPE_PARAM != 0 && sym.flags & DEF_TYPE_PARAM != 0 {
                return Err(err(format!("duplicate type parameter '{name}'"), span));
            }
            val |= sym.flags;
        }
        if cur.comp_iter_target {
            if val & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return Err(err(
                    format!("comprehension inner loop cannot rebind assignment expression target '{name}'"),
                    span,
                ));
            }
            val |= DEF_COMP_ITER;
        }
        cur.set_flags(&mangled, val);
        if flag & DEF_PARAM != 0 {
            cur.varnames.push(mangled);
        } else if flag & DEF_GLOBAL != 0 {
            // CPython's st_global is the module's own symbol dict.
            self.mark_module_global(&mangled, flag);
        }
        Ok(())
    }

    fn mark_module_global(&mut self, name: &Rc<str>, flag: u32) {
        let top = &mut self.scopes[0];
        let flags = top.flags_of(name);
        top.set_flags(name, flags | flag);
    }

    fn lookup_flags(&mut self, name: &Rc<str>) -> u32 {
        let mangled = mangle(self.private.as_deref(), name);
        self.cur().flags_of(&mangled)
    }

    fn visit_body(&mut self, body: &[Stmt]) -> Res {
        body.iter().try_for_each(|s| self.visit_stmt(s))
    }

    fn visit_stmt(&mut self, s: &Stmt) -> Res {
        match &s.kind {
            StmtKind::FunctionDef(f) | StmtKind::AsyncFunctionDef(f) => {
                let is_async = matches!(s.kind, StmtKind::AsyncFunctionDef(_));
                self.add_def(&f.name, DEF_LOCAL, s.span)?;
                self.visit_defaults(&f.args)?;
                self.visit_exprs(&f.decorator_list)?;
                let generic = !f.type_params.is_empty();
                if generic {
                    let kwdefaults = f.args.kw_defaults.iter().any(Option::is_some);
                    // CPython's `.defaults` is there even without defaults (the list exists).
                    let hidden = TypeParamOwner::Function { kwdefaults };
                    self.enter_type_param_block(&f.name, type_params_key(&f.type_params), hidden, s.span)?;
                    self.visit_type_params(&f.type_params)?;
                }
                self.visit_annotations(&f.args, f.returns.as_ref())?;
                self.enter(f.name.clone(), BlockKind::Function, key_of(&**f), s.span.line);
                if is_async {
                    self.cur().coroutine = true;
                }
                self.visit_params(&f.args)?;
                self.visit_body(&f.body)?;
                self.exit();
                if generic {
                    self.exit();
                }
            }
            StmtKind::ClassDef(c) => {
                self.add_def(&c.name, DEF_LOCAL, s.span)?;
                self.visit_exprs(&c.decorator_list)?;
                let generic = !c.type_params.is_empty();
                let outer_private = self.private.clone();
                if generic {
                    let key = type_params_key(&c.type_params);
                    self.enter_type_param_block(&c.name, key, TypeParamOwner::Class, s.span)?;
                    self.visit_type_params(&c.type_params)?;
                }
                self.visit_exprs(&c.bases)?;
                for k in &c.keywords {
                    self.visit_expr(&k.value)?;
                }
                self.enter(c.name.clone(), BlockKind::Class, key_of(&**c), s.span.line);
                let saved = self.private.replace(c.name.clone());
                if generic {
                    self.add_def(&"__type_params__".into(), DEF_LOCAL, s.span)?;
                    self.add_def(&".type_params".into(), USE, s.span)?;
                }
                self.visit_body(&c.body)?;
                self.private = saved;
                self.exit();
                if generic {
                    self.exit();
                }
                self.private = outer_private;
            }
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.visit_expr(v)?;
                }
            }
            StmtKind::Delete(targets) => self.visit_exprs(targets)?,
            StmtKind::Assign { targets, value } => {
                self.visit_exprs(targets)?;
                self.visit_expr(value)?;
            }
            StmtKind::TypeAlias { name, type_params, value } => {
                self.visit_expr(name)?;
                let ExprKind::Name { id, .. } = &name.kind else { unreachable!("the parser only makes names") };
                let in_class = self.cur().kind == BlockKind::Class;
                let generic = !type_params.is_empty();
                if generic {
                    self.enter_type_param_block(id, type_params_key(type_params), TypeParamOwner::Alias, s.span)?;
                    self.visit_type_params(type_params)?;
                }
                self.enter(id.clone(), BlockKind::TypeAlias, type_alias_key(s), s.span.line);
                self.cur().can_see_class_scope = in_class;
                if in_class {
                    self.add_def(&"__classdict__".into(), USE, value.span)?;
                }
                self.visit_expr(value)?;
                self.exit();
                if generic {
                    self.exit();
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.visit_expr(target)?;
                self.visit_expr(value)?;
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                if let ExprKind::Name { id, .. } = &target.kind {
                    let cur = self.lookup_flags(id);
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0
                        && self.cur().kind != BlockKind::Module
                        && *simple
                    {
                        let what = if cur & DEF_GLOBAL != 0 { "global" } else { "nonlocal" };
                        return Err(err(format!("annotated name '{id}' can't be {what}"), s.span));
                    }
                    if *simple {
                        self.add_def(id, DEF_ANNOT | DEF_LOCAL, target.span)?;
                    } else if value.is_some() {
                        self.add_def(id, DEF_LOCAL, target.span)?;
                    }
                } else {
                    self.visit_expr(target)?;
                }
                if !self.future_annotations {
                    self.visit_expr(annotation)?;
                }
                if let Some(v) = value {
                    self.visit_expr(v)?;
                }
            }
            StmtKind::For { target, iter, body, orelse } | StmtKind::AsyncFor { target, iter, body, orelse } => {
                self.visit_expr(target)?;
                self.visit_expr(iter)?;
                self.visit_body(body)?;
                self.visit_body(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_body(body)?;
                self.visit_body(orelse)?;
            }
            StmtKind::With { items, body } | StmtKind::AsyncWith { items, body } => {
                for item in items {
                    self.visit_expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.visit_expr(v)?;
                    }
                }
                self.visit_body(body)?;
            }
            StmtKind::Match { subject, cases } => {
                self.visit_expr(subject)?;
                for case in cases {
                    self.visit_pattern(&case.pattern)?;
                    if let Some(g) = &case.guard {
                        self.visit_expr(g)?;
                    }
                    self.visit_body(&case.body)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.visit_expr(e)?;
                }
                if let Some(c) = cause {
                    self.visit_expr(c)?;
                }
            }
            StmtKind::Try(t) | StmtKind::TryStar(t) => {
                let Try { body, handlers, orelse, finalbody } = &**t;
                self.visit_body(body)?;
                self.visit_body(orelse)?;
                for h in handlers {
                    if let Some(t) = &h.type_ {
                        self.visit_expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n, DEF_LOCAL, h.span)?;
                    }
                    self.visit_body(&h.body)?;
                }
                self.visit_body(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.visit_expr(test)?;
                if let Some(m) = msg {
                    self.visit_expr(m)?;
                }
            }
            StmtKind::Import(names) | StmtKind::ImportFrom { names, .. } => {
                for alias in names {
                    self.visit_alias(alias)?;
                }
            }
            StmtKind::Global(names) => {
                for name in names {
                    let cur = self.lookup_flags(name);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{name}' is parameter and global")
                        } else if cur & USE != 0 {
                            format!("name '{name}' is used prior to global declaration")
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{name}' can't be global")
                        } else {
                            format!("name '{name}' is assigned to before global declaration")
                        };
                        return Err(err(msg, s.span));
                    }
                    self.add_def(name, DEF_GLOBAL, s.span)?;
                    let mangled = mangle(self.private.as_deref(), name);
                    self.cur().add_directive(mangled, s.span);
                }
            }
            StmtKind::Nonlocal(names) => {
                for name in names {
                    let cur = self.lookup_flags(name);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{name}' is parameter and nonlocal")
                        } else if cur & USE != 0 {
                            format!("name '{name}' is used prior to nonlocal declaration")
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{name}' can't be nonlocal")
                        } else {
                            format!("name '{name}' is assigned to before nonlocal declaration")
                        };
                        return Err(err(msg, s.span));
                    }
                    self.add_def(name, DEF_NONLOCAL, s.span)?;
                    let mangled = mangle(self.private.as_deref(), name);
                    self.cur().add_directive(mangled, s.span);
                }
            }
            StmtKind::Expr(e) => self.visit_expr(e)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
        Ok(())
    }

    /// `symtable_enter_type_param_block`: the hidden scope of a generic's type parameters,
    /// with the hidden names its code uses.
    fn enter_type_param_block(&mut self, name: &Rc<str>, key: ScopeKey, owner: TypeParamOwner, span: Span) -> Res {
        let in_class = self.cur().kind == BlockKind::Class;
        self.enter(name.clone(), BlockKind::TypeParams, key, span.line);
        if in_class {
            self.cur().can_see_class_scope = true;
            self.add_def(&"__classdict__".into(), USE, span)?;
        }
        match owner {
            TypeParamOwner::Class => {
                // Set when the tuple of parameters is made, used for the bases.
                for hidden in [".type_params", ".generic_base"] {
                    self.add_def(&hidden.into(), DEF_LOCAL, span)?;
                    self.add_def(&hidden.into(), USE, span)?;
                }
                self.private = Some(name.clone());
            }
            TypeParamOwner::Function { kwdefaults } => {
                self.add_def(&".defaults".into(), DEF_PARAM, span)?;
                if kwdefaults {
                    self.add_def(&".kwdefaults".into(), DEF_PARAM, span)?;
                }
            }
            TypeParamOwner::Alias => {}
        }
        Ok(())
    }

    fn visit_type_params(&mut self, params: &[TypeParam]) -> Res {
        for tp in params {
            let name = match &tp.kind {
                TypeParamKind::TypeVar { name, .. }
                | TypeParamKind::ParamSpec { name }
                | TypeParamKind::TypeVarTuple { name } => name,
            };
            self.add_def(name, DEF_TYPE_PARAM | DEF_LOCAL, tp.span)?;
            if let TypeParamKind::TypeVar { bound: Some(bound), .. } = &tp.kind {
                let in_class = self.cur().can_see_class_scope;
                self.enter(name.clone(), BlockKind::TypeVarBound, type_var_bound_key(tp), tp.span.line);
                self.cur().can_see_class_scope = in_class;
                if in_class {
                    self.add_def(&"__classdict__".into(), USE, bound.span)?;
                }
                self.visit_expr(bound)?;
                self.exit();
            }
        }
        Ok(())
    }

    fn visit_pattern(&mut self, p: &Pattern) -> Res {
        match &p.kind {
            PatternKind::MatchValue(v) => self.visit_expr(v)?,
            PatternKind::MatchSingleton(_) => {}
            PatternKind::MatchSequence(ps) | PatternKind::MatchOr(ps) => {
                ps.iter().try_for_each(|x| self.visit_pattern(x))?
            }
            PatternKind::MatchStar(name) => {
                if let Some(n) = name {
                    self.add_def(n, DEF_LOCAL, p.span)?;
                }
            }
            PatternKind::MatchMapping { keys, patterns, rest } => {
                self.visit_exprs(keys)?;
                patterns.iter().try_for_each(|x| self.visit_pattern(x))?;
                if let Some(r) = rest {
                    self.add_def(r, DEF_LOCAL, p.span)?;
                }
            }
            PatternKind::MatchClass { cls, patterns, kwd_patterns, .. } => {
                self.visit_expr(cls)?;
                patterns.iter().try_for_each(|x| self.visit_pattern(x))?;
                kwd_patterns.iter().try_for_each(|x| self.visit_pattern(x))?;
            }
            PatternKind::MatchAs { pattern, name } => {
                if let Some(inner) = pattern {
                    self.visit_pattern(inner)?;
                }
                if let Some(n) = name {
                    self.add_def(n, DEF_LOCAL, p.span)?;
                }
            }
        }
        Ok(())
    }

    fn visit_alias(&mut self, alias: &Alias) -> Res {
        let store: Rc<str> = match &alias.asname {
            Some(a) => a.clone(),
            None => alias.name.split('.').next().unwrap_or("").into(),
        };
        if &*alias.name == "*" {
            if self.cur().kind != BlockKind::Module {
                return Err(err("import * only allowed at module level", alias.span));
            }
            return Ok(());
        }
        self.add_def(&store, DEF_IMPORT, alias.span)
    }

    fn visit_defaults(&mut self, args: &Arguments) -> Res {
        self.visit_exprs(&args.defaults)?;
        for d in args.kw_defaults.iter().flatten() {
            self.visit_expr(d)?;
        }
        Ok(())
    }

    fn visit_annotations(&mut self, args: &Arguments, returns: Option<&Expr>) -> Res {
        if self.future_annotations {
            return Ok(());
        }
        for a in args.all() {
            if let Some(ann) = &a.annotation {
                self.visit_expr(ann)?;
            }
        }
        if let Some(r) = returns {
            self.visit_expr(r)?;
        }
        Ok(())
    }

    fn visit_params(&mut self, args: &Arguments) -> Res {
        for a in args.posonlyargs.iter().chain(&args.args).chain(&args.kwonlyargs) {
            self.add_def(&a.arg, DEF_PARAM, a.span)?;
        }
        if let Some(a) = &args.vararg {
            self.add_def(&a.arg, DEF_PARAM, a.span)?;
            self.cur().varargs = true;
        }
        if let Some(a) = &args.kwarg {
            self.add_def(&a.arg, DEF_PARAM, a.span)?;
            self.cur().varkeywords = true;
        }
        Ok(())
    }

    fn visit_exprs(&mut self, exprs: &[Expr]) -> Res {
        exprs.iter().try_for_each(|e| self.visit_expr(e))
    }

    fn visit_expr(&mut self, e: &Expr) -> Res {
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                self.refuse_in_annotation_scope("named expression", e)?;
                self.handle_namedexpr(e, target, value)?
            }
            ExprKind::BoolOp { values, .. } => self.visit_exprs(values)?,
            ExprKind::BinOp { left, right, .. } => {
                self.visit_expr(left)?;
                self.visit_expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.visit_expr(operand)?,
            ExprKind::Lambda { args, body } => {
                if self.cur().can_see_class_scope {
                    return Err(err("Cannot use lambda in annotation scope within class scope", e.span));
                }
                self.visit_defaults(args)?;
                self.enter("lambda".into(), BlockKind::Function, key_of(e), e.span.line);
                self.visit_params(args)?;
                self.visit_expr(body)?;
                self.exit();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_expr(body)?;
                self.visit_expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.visit_expr(k)?;
                }
                self.visit_exprs(values)?;
            }
            ExprKind::Set(elts) => self.visit_exprs(elts)?,
            ExprKind::GeneratorExp { elt, generators } => {
                self.handle_comprehension(e, "genexpr", generators, elt, None, CompKind::Generator)?
            }
            ExprKind::ListComp { elt, generators } => {
                self.handle_comprehension(e, "listcomp", generators, elt, None, CompKind::List)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.handle_comprehension(e, "setcomp", generators, elt, None, CompKind::Set)?
            }
            ExprKind::DictComp { key, value, generators } => {
                self.handle_comprehension(e, "dictcomp", generators, key, Some(value), CompKind::Dict)?
            }
            ExprKind::Yield(value) => {
                self.refuse_in_annotation_scope("yield expression", e)?;
                if let Some(v) = value {
                    self.visit_expr(v)?;
                }
                self.mark_generator(e)?;
            }
            ExprKind::YieldFrom(value) => {
                self.refuse_in_annotation_scope("yield expression", e)?;
                self.visit_expr(value)?;
                self.mark_generator(e)?;
            }
            ExprKind::Await(value) => {
                self.refuse_in_annotation_scope("await expression", e)?;
                self.visit_expr(value)?;
                self.cur().coroutine = true;
            }
            ExprKind::Compare { left, comparators, .. } => {
                self.visit_expr(left)?;
                self.visit_exprs(comparators)?;
            }
            ExprKind::Call { func, args, keywords } => {
                self.visit_expr(func)?;
                self.visit_exprs(args)?;
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                self.visit_expr(value)?;
                if let Some(spec) = format_spec {
                    self.visit_expr(spec)?;
                }
            }
            ExprKind::JoinedStr(values) => self.visit_exprs(values)?,
            ExprKind::Constant(_) => {}
            ExprKind::Attribute { value, .. } => self.visit_expr(value)?,
            ExprKind::Subscript { value, slice, .. } => {
                self.visit_expr(value)?;
                self.visit_expr(slice)?;
            }
            ExprKind::Starred { value, .. } => self.visit_expr(value)?,
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.visit_expr(part)?;
                }
            }
            ExprKind::Name { id, ctx } => {
                let flag = if *ctx == Context::Load { USE } else { DEF_LOCAL };
                self.add_def(id, flag, e.span)?;
                // `super()` needs the enclosing class's `__class__` cell.
                if *ctx == Context::Load && self.cur().is_function_like() && &**id == "super" {
                    self.add_def(&"__class__".into(), USE, e.span)?;
                }
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.visit_exprs(elts)?,
        }
        Ok(())
    }

    /// `symtable_raise_if_annotation_block`: what PEP 695's lazily evaluated scopes forbid.
    fn refuse_in_annotation_scope(&mut self, what: &str, e: &Expr) -> Res {
        let place = match self.cur().kind {
            BlockKind::TypeVarBound => "a TypeVar bound",
            BlockKind::TypeAlias => "a type alias",
            BlockKind::TypeParams => "the definition of a generic",
            _ => return Ok(()),
        };
        Err(err(format!("{what} cannot be used within {place}"), e.span))
    }

    fn mark_generator(&mut self, e: &Expr) -> Res {
        let cur = self.cur();
        if cur.comprehension.is_some() {
            let what = match e.kind {
                ExprKind::YieldFrom(_) => "'yield from'",
                _ => "'yield'",
            };
            let comp = match cur.comprehension {
                Some(CompKind::List) => "list comprehension",
                Some(CompKind::Set) => "set comprehension",
                Some(CompKind::Dict) => "dict comprehension",
                _ => "generator expression",
            };
            return Err(err(format!("{what} inside {comp}"), e.span));
        }
        cur.generator = true;
        Ok(())
    }

    fn handle_namedexpr(&mut self, e: &Expr, target: &Expr, value: &Expr) -> Res {
        if self.cur().comp_iter_expr > 0 {
            return Err(err(
                "assignment expression cannot be used in a comprehension iterable expression",
                e.span,
            ));
        }
        if self.cur().comprehension.is_some() {
            self.extend_namedexpr_scope(target)?;
        }
        self.visit_expr(value)?;
        self.visit_expr(target)
    }

    /// A walrus inside a comprehension binds in the nearest enclosing
    /// non-comprehension scope.
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn extend_namedexpr_scope(&mut self, target: &Expr) -> Res {
        let ExprKind::Name { id, .. } = &target.kind else { return Ok(()) };
        for depth in (0..self.stack.len()).rev() {
            let idx = self.stack[depth];
            let entry = &self.scopes[idx];
            if entry.comprehension.is_some() {
                if entry.flags_of(id) & DEF_COMP_ITER != 0 {
                    return Err(err(
                        format!("assignment expression cannot rebind comprehension iteration variable '{id}'"),
                        target.span,
                    ));
                }
                continue;
            }
            match entry.kind {
                BlockKind::Function => {
                    let flags = entry.flags_of(id);
                    if flags & DEF_GLOBAL != 0 {
                        self.mark_in_comprehensions(depth, id, DEF_GLOBAL, target.span)?;
                    } else {
                        self.scopes[idx].set_flags(id, flags | DEF_LOCAL);
                        self.mark_in_comprehensions(depth, id, DEF_NONLOCAL, target.span)?;
                    }
                    return Ok(());
                }
                BlockKind::Module => {
                    let flags = entry.flags_of(id);
                    self.scopes[idx].set_flags(id, flags | DEF_GLOBAL);
                    self.mark_module_global(id, DEF_GLOBAL);
                    self.mark_in_comprehensions(depth, id, DEF_GLOBAL, target.span)?;
                    return Ok(());
                }
                BlockKind::Class => {
                    return Err(err(
                        "assignment expression within a comprehension cannot be used in a class body",
                        target.span,
                    ));
                }
                BlockKind::TypeParams => {
                    return Err(err(
                        "assignment expression within a comprehension cannot be used within the definition of a generic",
                        target.span,
                    ));
                }
                BlockKind::TypeAlias => {
                    return Err(err(
                        "assignment expression within a comprehension cannot be used in a type alias",
                        target.span,
                    ));
                }
                BlockKind::TypeVarBound => {
                    return Err(err(
                        "assignment expression within a comprehension cannot be used in a TypeVar bound",
                        target.span,
                    ));
                }
            }
        }
        Ok(())
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn mark_in_comprehensions(&mut self, from: usize, id: &Rc<str>, flag: u32, span: Span) -> Res {
        let _ = span;
        for depth in from + 1..self.stack.len() {
            let idx = self.stack[depth];
            let flags = self.scopes[idx].flags_of(id);
            self.scopes[idx].set_flags(id, flags | flag);
        }
        Ok(())
    }

    fn handle_comprehension(
        &mut self,
        e: &Expr,
        name: &str,
        generators: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
        kind: CompKind,
    ) -> Res {
        // The parser's `invalid_comprehension` rule in CPython.
        if let ExprKind::Starred { .. } = elt.kind {
            return Err(err("iterable unpacking cannot be used in comprehension", elt.span));
        }
        if self.cur().can_see_class_scope {
            return Err(err("Cannot use comprehension in annotation scope within class scope", e.span));
        }
        let outermost = &generators[0];
        self.cur().comp_iter_expr += 1;
        self.visit_expr(&outermost.iter)?;
        self.cur().comp_iter_expr -= 1;
        self.enter(format!("<{name}>").into(), BlockKind::Function, key_of(e), e.span.line);
        self.cur().comprehension = Some(kind);
        if outermost.is_async {
            self.cur().coroutine = true;
        }
        self.add_def(&".0".into(), DEF_PARAM, e.span)?;
        self.cur().comp_iter_target = true;
        self.visit_expr(&outermost.target)?;
        self.cur().comp_iter_target = false;
        self.visit_exprs(&outermost.ifs)?;
        for g in &generators[1..] {
            self.cur().comp_iter_target = true;
            self.visit_expr(&g.target)?;
            self.cur().comp_iter_target = false;
            self.cur().comp_iter_expr += 1;
            self.visit_expr(&g.iter)?;
            self.cur().comp_iter_expr -= 1;
            self.visit_exprs(&g.ifs)?;
            if g.is_async {
                self.cur().coroutine = true;
            }
        }
        if let Some(v) = value {
            self.visit_expr(v)?;
        }
        self.visit_expr(elt)?;
        let is_generator = kind == CompKind::Generator;
        self.cur().generator = is_generator;
        let is_async = self.cur().coroutine && !is_generator;
        self.exit();
        if is_async {
            self.cur().coroutine = true;
        }
        Ok(())
    }
}

// ----- analysis -----

struct Analyzer<'a> {
    scopes: &'a mut Vec<ScopeEntry>,
}

type NameSet = FxHashSet<Rc<str>>;

/// What the analysis of a block knows about the PEP 695 scopes around it.
struct TypeParamContext {
    /// Names bound as type parameters by enclosing scopes (`nonlocal T` is an error).
    type_params: NameSet,
    /// The class whose namespace an annotation scope can see (`ste_can_see_class_scope`).
    class_entry: Option<usize>,
}

impl Analyzer<'_> {
    /// Resolves a name of block `ste`. (CPython collects the scopes in a dict
    /// and copies them into the symbols at the end of the block's analysis;
    /// nothing reads a block's scopes before then, so they are written in
    /// place, without a map of names to scopes.)
    fn set_scope(&mut self, ste: usize, name: &str, scope: Scope) {
        if let Some(sym) = self.scopes[ste].symbols.get_mut(name) {
            sym.scope = scope;
        }
    }

    #[allow(clippy::too_many_arguments)]
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn analyze_name(
        &mut self,
        ste: usize,
        name: &Rc<str>,
        flags: u32,
        bound: Option<&mut NameSet>,
        local: &mut NameSet,
        free: &mut NameSet,
        global: &mut NameSet,
        ctx: &mut TypeParamContext,
    ) -> Res {
        let entry = &self.scopes[ste];
        let directive = || entry.directive(name).unwrap_or_default();
        if flags & DEF_GLOBAL != 0 {
            if flags & DEF_NONLOCAL != 0 {
                return Err(err(format!("name '{name}' is nonlocal and global"), directive()));
            }
            self.set_scope(ste, name, Scope::GlobalExplicit);
            global.insert(name.clone());
            // Blocks nested here see the global, not an outer function's binding.
            if let Some(bound) = bound {
                bound.remove(name);
            }
            return Ok(());
        }
        if flags & DEF_NONLOCAL != 0 {
            let Some(bound) = bound else {
                return Err(err("nonlocal declaration not allowed at module level", directive()));
            };
            if !bound.contains(name) {
                return Err(err(format!("no binding for nonlocal '{name}' found"), directive()));
            }
            if ctx.type_params.contains(name) {
                return Err(err(format!("nonlocal binding not allowed for type parameter '{name}'"), directive()));
            }
            self.set_scope(ste, name, Scope::Free);
            self.scopes[ste].free = true;
            free.insert(name.clone());
            return Ok(());
        }
        if flags & DEF_BOUND != 0 {
            self.set_scope(ste, name, Scope::Local);
            local.insert(name.clone());
            global.remove(name);
            if flags & DEF_TYPE_PARAM != 0 {
                ctx.type_params.insert(name.clone());
            } else {
                ctx.type_params.remove(name);
            }
            return Ok(());
        }
        // In an annotation scope inside a class, a name the class binds is looked up in
        // the class namespace, then the globals (never an outer function's binding).
        if let Some(class) = ctx.class_entry {
            let class_flags = self.scopes[class].flags_of(name);
            if class_flags & DEF_GLOBAL != 0 {
                self.set_scope(ste, name, Scope::GlobalExplicit);
                return Ok(());
            }
            if class_flags & DEF_BOUND != 0 && class_flags & DEF_NONLOCAL == 0 {
                self.set_scope(ste, name, Scope::GlobalImplicit);
                return Ok(());
            }
        }
        if let Some(b) = bound {
            if b.contains(name) {
                self.set_scope(ste, name, Scope::Free);
                self.scopes[ste].free = true;
                free.insert(name.clone());
                return Ok(());
            }
        }
        if global.contains(name) {
            self.set_scope(ste, name, Scope::GlobalImplicit);
            return Ok(());
        }
        if self.scopes[ste].nested {
            self.scopes[ste].free = true;
        }
        self.set_scope(ste, name, Scope::GlobalImplicit);
        Ok(())
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn analyze_block(
        &mut self,
        ste: usize,
        mut bound: Option<NameSet>,
        free: &mut NameSet,
        global: &mut NameSet,
        ctx: &mut TypeParamContext,
    ) -> Res {
        let mut local = NameSet::default();
        let mut newglobal = NameSet::default();
        let mut newfree = NameSet::default();
        let mut newbound = NameSet::default();
        let mut inlined_cells = NameSet::default();
        let kind = self.scopes[ste].kind;
        if kind == BlockKind::Class {
            newglobal.extend(global.iter().cloned());
            if let Some(b) = &bound {
                newbound.extend(b.iter().cloned());
            }
        }
        let names = self.scopes[ste].names.clone();
        for name in &names {
            let flags = self.scopes[ste].symbols[name].flags;
            self.analyze_name(ste, name, flags, bound.as_mut(), &mut local, free, global, ctx)?;
        }
        let function_like = self.scopes[ste].is_function_like();
        if kind != BlockKind::Class {
            if function_like {
                newbound.extend(local.iter().cloned());
            }
            if let Some(b) = &bound {
                newbound.extend(b.iter().cloned());
            }
            newglobal.extend(global.iter().cloned());
        } else {
            newbound.insert("__class__".into());
            newbound.insert("__classdict__".into());
        }

        let children = self.scopes[ste].children.clone();
        for &child in &children {
            let inline = {
                let c = &self.scopes[child];
                c.comprehension.is_some() && !c.generator
            };
            let mut child_free = newfree.clone();
            let mut child_bound = newbound.clone();
            let mut child_global = newglobal.clone();
            let class_entry = if !self.scopes[child].can_see_class_scope {
                None
            } else if kind == BlockKind::Class {
                Some(ste)
            } else {
                ctx.class_entry
            };
            let mut child_ctx = TypeParamContext { type_params: ctx.type_params.clone(), class_entry };
            self.analyze_child(child, &mut child_bound, &mut child_free, &mut child_global, &mut child_ctx)?;
            if inline {
                self.inline_comprehension(ste, child, &mut child_free, &mut inlined_cells);
                self.scopes[child].comp_inlined = true;
            }
            newfree.extend(child_free);
            if self.scopes[child].free || self.scopes[child].child_free {
                self.scopes[ste].child_free = true;
            }
        }
        // Splice the children of inlined comprehensions into our list.
        let mut spliced = Vec::new();
        for &child in &children {
            if self.scopes[child].comp_inlined {
                spliced.extend(self.scopes[child].children.clone());
            } else {
                spliced.push(child);
            }
        }
        self.scopes[ste].children = spliced;

        if function_like {
            for (name, sym) in self.scopes[ste].symbols.iter_mut() {
                if sym.scope != Scope::Local {
                    continue;
                }
                if !newfree.contains(name) && !inlined_cells.contains(name) {
                    continue;
                }
                sym.scope = Scope::Cell;
                newfree.remove(name);
            }
        } else if kind == BlockKind::Class {
            if newfree.remove("__class__") {
                self.scopes[ste].needs_class_closure = true;
            }
            if newfree.remove("__classdict__") {
                self.scopes[ste].needs_classdict = true;
            }
        }
        let classflag = kind == BlockKind::Class || self.scopes[ste].can_see_class_scope;
        self.update_symbols(ste, bound.as_ref(), &newfree, &inlined_cells, classflag);
        free.extend(newfree);
        Ok(())
    }

    fn analyze_child(
        &mut self,
        child: usize,
        bound: &mut NameSet,
        free: &mut NameSet,
        global: &mut NameSet,
        ctx: &mut TypeParamContext,
    ) -> Res {
        self.analyze_block(child, Some(std::mem::take(bound)), free, global, ctx)
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn update_symbols(
        &mut self,
        ste: usize,
        bound: Option<&NameSet>,
        free: &NameSet,
        inlined_cells: &NameSet,
        classflag: bool,
    ) {
        let entry = &mut self.scopes[ste];
        for name in entry.names.clone() {
            let sym = entry.symbols.get_mut(&name).unwrap();
            if inlined_cells.contains(&name) {
                sym.flags |= DEF_COMP_CELL;
            }
        }
        let mut free_sorted: Vec<&Rc<str>> = free.iter().collect();
        crate::sort::sort(&mut free_sorted);
        for name in free_sorted {
            if let Some(sym) = entry.symbols.get_mut(name) {
                if classflag {
                    sym.flags |= DEF_FREE_CLASS;
                }
                continue;
            }
            if let Some(b) = bound {
                if !b.contains(name) {
                    continue;
                }
            }
            entry.names.push(name.clone());
            entry.symbols.insert(name.clone(), Symbol { flags: 0, scope: Scope::Free });
        }
    }

    fn is_free_in_any_child(&self, entry: usize, name: &str) -> bool {
        self.scopes[entry]
            .children
            .iter()
            .any(|&c| self.scopes[c].symbols.get(name).is_some_and(|s| s.scope == Scope::Free))
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn inline_comprehension(
        &mut self,
        ste: usize,
        comp: usize,
        comp_free: &mut NameSet,
        inlined_cells: &mut NameSet,
    ) {
        let mut remove_dunder_class = false;
        let names = self.scopes[comp].names.clone();
        for name in &names {
            let sym = self.scopes[comp].symbols[name].clone();
            if sym.flags & DEF_PARAM != 0 {
                continue;
            }
            if sym.scope == Scope::Cell || sym.flags & DEF_COMP_CELL != 0 {
                inlined_cells.insert(name.clone());
            }
            let is_class = self.scopes[ste].kind == BlockKind::Class;
            if sym.scope == Scope::Free && is_class && &**name == "__class__" {
                remove_dunder_class = true;
                if !self.is_free_in_any_child(comp, name) {
                    continue;
                }
            }
            match self.scopes[ste].symbols.get(name).map(|s| s.flags) {
                None => {
                    self.scopes[ste].set_flags(name, sym.flags);
                    self.set_scope(ste, name, sym.scope);
                }
                Some(existing) => {
                    if existing & DEF_BOUND != 0 && !self.is_free_in_any_child(comp, name) && !is_class {
                        comp_free.remove(name);
                    }
                }
            }
        }
        if remove_dunder_class {
            comp_free.remove("__class__");
        }
    }
}

/// Builds and analyses the symbol table of a module.
pub fn build(module: &Module, future_annotations: bool) -> Result<SymbolTable, Box<CompileError>> {
    let mut b = Builder {
        future_annotations,
        scopes: Vec::new(),
        by_key: FxHashMap::default(),
        stack: Vec::new(),
        private: None,
    };
    b.enter("top".into(), BlockKind::Module, key_of(module), 0);
    b.visit_body(&module.body)?;
    let mut scopes = b.scopes;
    let mut free = NameSet::default();
    let mut global = NameSet::default();
    let mut ctx = TypeParamContext { type_params: NameSet::default(), class_entry: None };
    Analyzer { scopes: &mut scopes }.analyze_block(0, None, &mut free, &mut global, &mut ctx)?;
    Ok(SymbolTable { scopes, by_key: b.by_key })
}
