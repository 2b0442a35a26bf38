//! How deep a tree is, measured without recursion (the tree may be deeper
//! than any recursive walk could afford).
//!
//! CPython's compiler passes recurse over the AST and stop with
//! `RecursionError: maximum recursion depth exceeded during compilation` when
//! a path of statements and expressions reaches its C recursion limit; pvm
//! measures the same path length and refuses the same trees, before any of
//! its own recursive passes (fold, symtable, codegen, even `Clone`/`Drop`)
//! walks them.

use super::super::ast::*;

/// A node on the walk: its kind and depth (statements and expressions count
/// one level each; the records between them — arguments, keywords,
/// comprehensions, handlers — count none).
enum Node<'a> {
    Stmt(&'a Stmt),
    Expr(&'a Expr),
    Pattern(&'a Pattern),
}

/// The longest path of statements, expressions and patterns in `body`.
pub fn of_body(body: &[Stmt]) -> usize {
    let mut roots = Vec::with_capacity(body.len());
    stmts(&mut roots, body);
    walk(roots)
}

/// The longest path of expressions in `e` (counting `e` itself).
pub fn of_expr(e: &Expr) -> usize {
    walk(vec![Node::Expr(e)])
}

// The pushes here are plain loops: each `extend` over an iterator adapter
// would instantiate std's extend machinery once more in the wasm.

fn walk(roots: Vec<Node<'_>>) -> usize {
    let mut pending: Vec<(Node, usize)> = Vec::with_capacity(roots.len());
    for root in roots {
        pending.push((root, 1));
    }
    let mut deepest = 0;
    let mut children = Vec::new();
    while let Some((node, depth)) = pending.pop() {
        deepest = deepest.max(depth);
        match node {
            Node::Stmt(s) => stmt_children(s, &mut children),
            Node::Expr(e) => expr_children(e, &mut children),
            Node::Pattern(p) => pattern_children(p, &mut children),
        }
        for child in children.drain(..) {
            pending.push((child, depth + 1));
        }
    }
    deepest
}

fn exprs<'a>(out: &mut Vec<Node<'a>>, items: impl IntoIterator<Item = &'a Expr>) {
    for e in items {
        out.push(Node::Expr(e));
    }
}

fn stmts<'a>(out: &mut Vec<Node<'a>>, items: &'a [Stmt]) {
    for s in items {
        out.push(Node::Stmt(s));
    }
}

fn arguments<'a>(out: &mut Vec<Node<'a>>, a: &'a Arguments) {
    for arg in a.all() {
        if let Some(annotation) = &arg.annotation {
            out.push(Node::Expr(annotation));
        }
    }
    exprs(out, a.kw_defaults.iter().flatten());
    exprs(out, &a.defaults);
}

fn type_params<'a>(out: &mut Vec<Node<'a>>, params: &'a [TypeParam]) {
    for p in params {
        if let TypeParamKind::TypeVar { bound: Some(b), .. } = &p.kind {
            out.push(Node::Expr(b));
        }
    }
}

fn comprehensions<'a>(out: &mut Vec<Node<'a>>, generators: &'a [Comprehension]) {
    for g in generators {
        exprs(out, [&g.target, &g.iter]);
        exprs(out, &g.ifs);
    }
}

fn stmt_children<'a>(s: &'a Stmt, out: &mut Vec<Node<'a>>) {
    use StmtKind as S;
    match &s.kind {
        S::FunctionDef(f) | S::AsyncFunctionDef(f) => {
            exprs(out, &f.decorator_list);
            arguments(out, &f.args);
            exprs(out, &f.returns);
            type_params(out, &f.type_params);
            stmts(out, &f.body);
        }
        S::ClassDef(c) => {
            exprs(out, &c.decorator_list);
            exprs(out, &c.bases);
            exprs(out, c.keywords.iter().map(|k| &k.value));
            type_params(out, &c.type_params);
            stmts(out, &c.body);
        }
        S::Return(value) => exprs(out, value.as_deref()),
        S::Delete(targets) => exprs(out, targets),
        S::Assign { targets, value } => {
            exprs(out, targets);
            out.push(Node::Expr(value));
        }
        S::TypeAlias { name, type_params: params, value } => {
            exprs(out, [&**name, &**value]);
            type_params(out, params);
        }
        S::AugAssign { target, value, .. } => exprs(out, [&**target, &**value]),
        S::AnnAssign { target, annotation, value, .. } => {
            exprs(out, [&**target, &**annotation]);
            exprs(out, value.as_deref());
        }
        S::For { target, iter, body, orelse } | S::AsyncFor { target, iter, body, orelse } => {
            exprs(out, [&**target, &**iter]);
            stmts(out, body);
            stmts(out, orelse);
        }
        S::While { test, body, orelse } | S::If { test, body, orelse } => {
            out.push(Node::Expr(test));
            stmts(out, body);
            stmts(out, orelse);
        }
        S::With { items, body } | S::AsyncWith { items, body } => {
            for item in items {
                out.push(Node::Expr(&item.context_expr));
                exprs(out, &item.optional_vars);
            }
            stmts(out, body);
        }
        S::Match { subject, cases } => {
            out.push(Node::Expr(subject));
            for case in cases {
                out.push(Node::Pattern(&case.pattern));
                exprs(out, &case.guard);
                stmts(out, &case.body);
            }
        }
        S::Raise { exc, cause } => {
            exprs(out, exc.as_deref());
            exprs(out, cause.as_deref());
        }
        S::Try(t) | S::TryStar(t) => {
            let Try { body, handlers, orelse, finalbody } = &**t;
            stmts(out, body);
            for h in handlers {
                exprs(out, &h.type_);
                stmts(out, &h.body);
            }
            stmts(out, orelse);
            stmts(out, finalbody);
        }
        S::Assert { test, msg } => {
            out.push(Node::Expr(test));
            exprs(out, msg.as_deref());
        }
        S::Expr(e) => out.push(Node::Expr(e)),
        S::Import(_) | S::ImportFrom { .. } | S::Global(_) | S::Nonlocal(_) | S::Pass | S::Break | S::Continue => {}
    }
}

fn expr_children<'a>(e: &'a Expr, out: &mut Vec<Node<'a>>) {
    use ExprKind as E;
    match &e.kind {
        E::BoolOp { values, .. } => exprs(out, values),
        E::NamedExpr { target, value } => exprs(out, [&**target, &**value]),
        E::BinOp { left, right, .. } => exprs(out, [&**left, &**right]),
        E::UnaryOp { operand, .. } => out.push(Node::Expr(operand)),
        E::Lambda { args, body } => {
            arguments(out, args);
            out.push(Node::Expr(body));
        }
        E::IfExp { test, body, orelse } => exprs(out, [&**test, &**body, &**orelse]),
        E::Dict { keys, values } => {
            exprs(out, keys.iter().flatten());
            exprs(out, values);
        }
        E::Set(elts) | E::JoinedStr(elts) | E::List { elts, .. } | E::Tuple { elts, .. } => exprs(out, elts),
        E::ListComp { elt, generators } | E::SetComp { elt, generators } | E::GeneratorExp { elt, generators } => {
            out.push(Node::Expr(elt));
            comprehensions(out, generators);
        }
        E::DictComp { key, value, generators } => {
            exprs(out, [&**key, &**value]);
            comprehensions(out, generators);
        }
        E::Await(value) | E::YieldFrom(value) => out.push(Node::Expr(value)),
        E::Yield(value) => exprs(out, value.as_deref()),
        E::Compare { left, comparators, .. } => {
            out.push(Node::Expr(left));
            exprs(out, comparators);
        }
        E::Call { func, args, keywords } => {
            out.push(Node::Expr(func));
            exprs(out, args);
            exprs(out, keywords.iter().map(|k| &k.value));
        }
        E::FormattedValue { value, format_spec, .. } => {
            out.push(Node::Expr(value));
            exprs(out, format_spec.as_deref());
        }
        E::Attribute { value, .. } | E::Starred { value, .. } => out.push(Node::Expr(value)),
        E::Subscript { value, slice, .. } => exprs(out, [&**value, &**slice]),
        E::Slice { lower, upper, step } => {
            exprs(out, [lower, upper, step].into_iter().flatten().map(|b| &**b));
        }
        E::Constant(_) | E::Name { .. } => {}
    }
}

fn pattern_children<'a>(p: &'a Pattern, out: &mut Vec<Node<'a>>) {
    use PatternKind as P;
    let patterns = |out: &mut Vec<Node<'a>>, ps: &'a [Pattern]| {
        for p in ps {
            out.push(Node::Pattern(p));
        }
    };
    match &p.kind {
        P::MatchValue(e) => out.push(Node::Expr(e)),
        P::MatchSequence(ps) | P::MatchOr(ps) => patterns(out, ps),
        P::MatchMapping { keys, patterns: ps, .. } => {
            exprs(out, keys);
            patterns(out, ps);
        }
        P::MatchClass { cls, patterns: ps, kwd_patterns, .. } => {
            out.push(Node::Expr(cls));
            patterns(out, ps);
            patterns(out, kwd_patterns);
        }
        P::MatchAs { pattern: Some(inner), .. } => out.push(Node::Pattern(inner)),
        P::MatchSingleton(_) | P::MatchStar(_) | P::MatchAs { pattern: None, .. } => {}
    }
}
