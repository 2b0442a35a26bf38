//! AST-level constant folding (CPython's `Python/ast_opt.c`): operators on
//! literals with CPython's size limits, `not (a is b)` -> `a is not b`,
//! and lists in iteration position turned into tuples. Constant tuples are
//! recognised later by codegen (`const_value`), since the AST's constants
//! have no tuple form.

use super::consts::Truthy;
use crate::bytecode::Constant;
use crate::syntax::ast::*;
use crate::runtime::dict::FxHashMap;
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{ToPrimitive, Zero};

const MAX_INT_SIZE: u64 = 128;
const MAX_STR_SIZE: usize = 4096;

/// Constants that folding produced but the AST cannot hold (tuples,
/// complex numbers with a real part), keyed by the address of their node.
#[derive(Default)]
pub struct Folded {
    /// Node address -> index in `values` (a `usize` map: the symbol table's type).
    index: FxHashMap<usize, usize>,
    values: Vec<Constant>,
    /// Under `from __future__ import annotations` annotations stay as written.
    keep_annotations: bool,
}

impl Folded {
    pub fn get(&self, e: &Expr) -> Option<&Constant> {
        self.index.get(&(e as *const Expr as usize)).map(|&i| &self.values[i])
    }
}

/// The constant an expression stands for after folding: a literal, a
/// folded value, or a tuple of constants in load context.
pub fn value_of(e: &Expr, folded: &Folded) -> Option<Constant> {
    if let Some(c) = folded.get(e) {
        return Some(c.clone());
    }
    match &e.kind {
        ExprKind::Constant(c) => Some(constant(c)),
        ExprKind::Tuple { elts, ctx: Context::Load } => Some(Constant::Tuple(values_of(elts, folded)?.into())),
        _ => None,
    }
}

/// The constants of all of `elts`, if each is one (see `value_of`).
pub fn values_of(elts: &[Expr], folded: &Folded) -> Option<Vec<Constant>> {
    let mut values = Vec::with_capacity(elts.len());
    for e in elts {
        values.push(value_of(e, folded)?);
    }
    Some(values)
}

pub fn constant(value: &ConstantValue) -> Constant {
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

/// Stores a folded value in the node: as a literal when the AST can hold it.
fn set_const(e: &mut Expr, c: Constant, folded: &mut Folded) {
    let literal = match &c {
        Constant::None => Some(ConstantValue::None),
        Constant::Ellipsis => Some(ConstantValue::Ellipsis),
        Constant::Bool(b) => Some(ConstantValue::Bool(*b)),
        Constant::Int(i) => Some(ConstantValue::Int(i.clone())),
        Constant::Float(f) => Some(ConstantValue::Float(*f)),
        Constant::Complex { real, imag } if *real == 0.0 && real.is_sign_positive() => {
            Some(ConstantValue::Imaginary(*imag))
        }
        Constant::Str(s) => Some(ConstantValue::Str(s.clone())),
        Constant::Bytes(b) => Some(ConstantValue::Bytes(b.clone())),
        _ => None,
    };
    match literal {
        Some(v) => e.kind = ExprKind::Constant(v),
        None => {
            folded.index.insert(e as *const Expr as usize, folded.values.len());
            folded.values.push(c);
        }
    }
}

pub fn fold_module(module: &mut Module, future_annotations: bool) -> Folded {
    let mut folded = Folded { keep_annotations: future_annotations, ..Folded::default() };
    fold_stmts(&mut module.body, &mut folded);
    folded
}

fn fold_stmts(stmts: &mut [Stmt], fo: &mut Folded) {
    for s in stmts {
        fold_stmt(s, fo);
    }
}

fn fold_args(args: &mut Arguments, fo: &mut Folded) {
    args.defaults.iter_mut().for_each(|x| fold_expr(x, fo));
    args.kw_defaults.iter_mut().flatten().for_each(|x| fold_expr(x, fo));
    if fo.keep_annotations {
        return;
    }
    for a in args.posonlyargs.iter_mut().chain(args.args.iter_mut()).chain(args.kwonlyargs.iter_mut()) {
        if let Some(ann) = &mut a.annotation {
            fold_expr(ann, fo);
        }
    }
    for a in args.vararg.iter_mut().chain(args.kwarg.iter_mut()) {
        if let Some(ann) = &mut a.annotation {
            fold_expr(ann, fo);
        }
    }
}

fn fold_stmt(s: &mut Stmt, fo: &mut Folded) {
    match &mut s.kind {
        StmtKind::FunctionDef(f) | StmtKind::AsyncFunctionDef(f) => {
            fold_args(&mut f.args, fo);
            fold_stmts(&mut f.body, fo);
            f.decorator_list.iter_mut().for_each(|x| fold_expr(x, fo));
            if let Some(r) = f.returns.as_mut().filter(|_| !fo.keep_annotations) {
                fold_expr(r, fo);
            }
        }
        StmtKind::ClassDef(c) => {
            c.bases.iter_mut().for_each(|x| fold_expr(x, fo));
            c.keywords.iter_mut().for_each(|k| fold_expr(&mut k.value, fo));
            fold_stmts(&mut c.body, fo);
            c.decorator_list.iter_mut().for_each(|x| fold_expr(x, fo));
        }
        StmtKind::Return(v) => v.iter_mut().for_each(|x| fold_expr(x, fo)),
        StmtKind::Delete(t) => t.iter_mut().for_each(|x| fold_expr(x, fo)),
        StmtKind::Assign { targets, value } => {
            targets.iter_mut().for_each(|x| fold_expr(x, fo));
            fold_expr(value, fo);
        }
        StmtKind::TypeAlias { .. } => {}
        StmtKind::AugAssign { target, value, .. } => {
            fold_expr(target, fo);
            fold_expr(value, fo);
        }
        StmtKind::AnnAssign { target, annotation, value, .. } => {
            fold_expr(target, fo);
            if !fo.keep_annotations {
                fold_expr(annotation, fo);
            }
            value.iter_mut().for_each(|x| fold_expr(x, fo));
        }
        StmtKind::For { target, iter, body, orelse } | StmtKind::AsyncFor { target, iter, body, orelse } => {
            fold_expr(target, fo);
            fold_expr(iter, fo);
            fold_stmts(body, fo);
            fold_stmts(orelse, fo);
            fold_iter(iter);
        }
        StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
            fold_expr(test, fo);
            fold_stmts(body, fo);
            fold_stmts(orelse, fo);
        }
        StmtKind::With { items, body } | StmtKind::AsyncWith { items, body } => {
            for item in items {
                fold_expr(&mut item.context_expr, fo);
                item.optional_vars.iter_mut().for_each(|x| fold_expr(x, fo));
            }
            fold_stmts(body, fo);
        }
        StmtKind::Match { subject, cases } => {
            fold_expr(subject, fo);
            for c in cases {
                fold_pattern(&mut c.pattern, fo);
                c.guard.iter_mut().for_each(|x| fold_expr(x, fo));
                fold_stmts(&mut c.body, fo);
            }
        }
        StmtKind::Raise { exc, cause } => {
            exc.iter_mut().for_each(|x| fold_expr(x, fo));
            cause.iter_mut().for_each(|x| fold_expr(x, fo));
        }
        StmtKind::Try(t) | StmtKind::TryStar(t) => {
            let Try { body, handlers, orelse, finalbody } = &mut **t;
            fold_stmts(body, fo);
            for h in handlers {
                h.type_.iter_mut().for_each(|x| fold_expr(x, fo));
                fold_stmts(&mut h.body, fo);
            }
            fold_stmts(orelse, fo);
            fold_stmts(finalbody, fo);
        }
        StmtKind::Assert { test, msg } => {
            fold_expr(test, fo);
            msg.iter_mut().for_each(|x| fold_expr(x, fo));
        }
        StmtKind::Expr(e) => fold_expr(e, fo),
        StmtKind::Import(_)
        | StmtKind::ImportFrom { .. }
        | StmtKind::Global(_)
        | StmtKind::Nonlocal(_)
        | StmtKind::Pass
        | StmtKind::Break
        | StmtKind::Continue => {}
    }
}

fn fold_pattern(p: &mut Pattern, fo: &mut Folded) {
    match &mut p.kind {
        PatternKind::MatchValue(v) => fold_expr(v, fo),
        PatternKind::MatchSingleton(_) | PatternKind::MatchStar(_) => {}
        PatternKind::MatchSequence(ps) | PatternKind::MatchOr(ps) => ps.iter_mut().for_each(|x| fold_pattern(x, fo)),
        PatternKind::MatchMapping { keys, patterns, .. } => {
            keys.iter_mut().for_each(|x| fold_expr(x, fo));
            patterns.iter_mut().for_each(|x| fold_pattern(x, fo));
        }
        PatternKind::MatchClass { cls, patterns, kwd_patterns, .. } => {
            fold_expr(cls, fo);
            patterns.iter_mut().for_each(|x| fold_pattern(x, fo));
            kwd_patterns.iter_mut().for_each(|x| fold_pattern(x, fo));
        }
        PatternKind::MatchAs { pattern, .. } => {
            if let Some(inner) = pattern {
                fold_pattern(inner, fo);
            }
        }
    }
}

fn fold_comprehensions(gens: &mut [Comprehension], fo: &mut Folded) {
    for g in gens {
        fold_expr(&mut g.target, fo);
        fold_expr(&mut g.iter, fo);
        g.ifs.iter_mut().for_each(|x| fold_expr(x, fo));
        fold_iter(&mut g.iter);
    }
}

fn fold_expr(e: &mut Expr, fo: &mut Folded) {
    match &mut e.kind {
        ExprKind::BoolOp { values, .. } => values.iter_mut().for_each(|x| fold_expr(x, fo)),
        ExprKind::NamedExpr { value, .. } => fold_expr(value, fo),
        ExprKind::BinOp { left, right, .. } => {
            fold_expr(left, fo);
            fold_expr(right, fo);
            fold_binop(e, fo);
        }
        ExprKind::UnaryOp { operand, .. } => {
            fold_expr(operand, fo);
            fold_unaryop(e, fo);
        }
        ExprKind::Lambda { args, body } => {
            fold_args(args, fo);
            fold_expr(body, fo);
        }
        ExprKind::IfExp { test, body, orelse } => {
            fold_expr(test, fo);
            fold_expr(body, fo);
            fold_expr(orelse, fo);
        }
        ExprKind::Dict { keys, values } => {
            keys.iter_mut().flatten().for_each(|x| fold_expr(x, fo));
            values.iter_mut().for_each(|x| fold_expr(x, fo));
        }
        ExprKind::Set(elts) => elts.iter_mut().for_each(|x| fold_expr(x, fo)),
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            fold_expr(elt, fo);
            fold_comprehensions(generators, fo);
        }
        ExprKind::DictComp { key, value, generators } => {
            fold_expr(key, fo);
            fold_expr(value, fo);
            fold_comprehensions(generators, fo);
        }
        ExprKind::Await(v) | ExprKind::YieldFrom(v) => fold_expr(v, fo),
        ExprKind::Yield(v) => v.iter_mut().for_each(|x| fold_expr(x, fo)),
        ExprKind::Compare { left, ops, comparators } => {
            fold_expr(left, fo);
            comparators.iter_mut().for_each(|x| fold_expr(x, fo));
            if matches!(ops.last(), Some(CmpOp::In | CmpOp::NotIn)) {
                fold_iter(comparators.last_mut().unwrap());
            }
        }
        ExprKind::Call { func, args, keywords } => {
            fold_expr(func, fo);
            args.iter_mut().for_each(|x| fold_expr(x, fo));
            keywords.iter_mut().for_each(|k| fold_expr(&mut k.value, fo));
        }
        ExprKind::FormattedValue { value, format_spec, .. } => {
            fold_expr(value, fo);
            format_spec.iter_mut().for_each(|x| fold_expr(x, fo));
        }
        ExprKind::JoinedStr(values) => values.iter_mut().for_each(|x| fold_expr(x, fo)),
        ExprKind::Attribute { value, .. } => fold_expr(value, fo),
        ExprKind::Subscript { value, slice, .. } => {
            fold_expr(value, fo);
            fold_expr(slice, fo);
            fold_subscr(e, fo);
        }
        ExprKind::Starred { value, .. } => fold_expr(value, fo),
        ExprKind::Slice { lower, upper, step } => {
            for part in [lower, upper, step].into_iter().flatten() {
                fold_expr(part, fo);
            }
        }
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => elts.iter_mut().for_each(|x| fold_expr(x, fo)),
        ExprKind::Name { id, ctx: Context::Load } if &**id == "__debug__" => {
            e.kind = ExprKind::Constant(ConstantValue::Bool(true));
        }
        ExprKind::Name { .. } | ExprKind::Constant(_) => {}
    }
}

/// A list in iteration position (`for x in [...]`, `y in [...]`) becomes a tuple.
fn fold_iter(e: &mut Expr) {
    if let ExprKind::List { elts, ctx } = &mut e.kind {
        if elts.iter().any(|x| matches!(x.kind, ExprKind::Starred { .. })) {
            return;
        }
        let elts = std::mem::take(elts);
        e.kind = ExprKind::Tuple { elts, ctx: *ctx };
    }
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn fold_unaryop(e: &mut Expr, fo: &mut Folded) {
    let ExprKind::UnaryOp { op, operand } = &mut e.kind else { return };
    if let Some(c) = value_of(operand, fo) {
        if let Some(v) = unary(*op, &c) {
            set_const(e, v, fo);
        }
        return;
    }
    if *op != UnaryOp::Not {
        return;
    }
    if let ExprKind::Compare { ops, .. } = &mut operand.kind {
        if ops.len() == 1 {
            let inverted = match ops[0] {
                CmpOp::Is => Some(CmpOp::IsNot),
                CmpOp::IsNot => Some(CmpOp::Is),
                CmpOp::In => Some(CmpOp::NotIn),
                CmpOp::NotIn => Some(CmpOp::In),
                _ => None,
            };
            if let Some(op) = inverted {
                ops[0] = op;
                let placeholder = Expr { kind: ExprKind::Constant(ConstantValue::None), span: Span::default() };
                let inner = std::mem::replace(&mut **operand, placeholder);
                *e = inner;
            }
        }
    }
}

fn fold_binop(e: &mut Expr, fo: &mut Folded) {
    let ExprKind::BinOp { left, op, right } = &e.kind else { return };
    let Some(l) = value_of(left, fo) else { return };
    if *op == Operator::Mod {
        if let (Constant::Str(fmt), ExprKind::Tuple { .. }) = (&l, &right.kind) {
            // A tuple of constants is already a constant: then `%` is not optimised.
            if value_of(right, fo).is_none() {
                let span = e.span;
                if let ExprKind::BinOp { right, .. } = &mut e.kind {
                    if let ExprKind::Tuple { elts, .. } = &mut right.kind {
                        if let Some(joined) = super::format::optimize_format(fmt, elts, span) {
                            e.kind = joined;
                        }
                    }
                }
                return;
            }
        }
    }
    let Some(r) = value_of(right, fo) else { return };
    if let Some(v) = binary(*op, &l, &r) {
        set_const(e, v, fo);
    }
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn fold_subscr(e: &mut Expr, fo: &mut Folded) {
    let ExprKind::Subscript { value, slice, ctx: Context::Load } = &e.kind else { return };
    let (Some(v), Some(Constant::Int(i))) = (value_of(value, fo), value_of(slice, fo)) else { return };
    let result = match v {
        Constant::Str(s) => {
            let chars: Vec<char> = s.chars().collect();
            index(chars.len(), &i).map(|k| Constant::Str(chars[k].to_string().into()))
        }
        Constant::Bytes(b) => index(b.len(), &i).map(|k| Constant::Int(BigInt::from(b[k]))),
        Constant::Tuple(t) => index(t.len(), &i).map(|k| t[k].clone()),
        _ => None,
    };
    if let Some(r) = result {
        set_const(e, r, fo);
    }
}

fn index(len: usize, i: &BigInt) -> Option<usize> {
    let i = i.to_i64()?;
    let k = if i < 0 { i + len as i64 } else { i };
    (0..len as i64).contains(&k).then_some(k as usize)
}

// ----- Python arithmetic on literals -----

const MAX_COLLECTION_SIZE: usize = 256;
const MAX_TOTAL_ITEMS: usize = 1024;

#[derive(Clone)]
enum Num {
    Int(BigInt),
    Float(f64),
    Complex(f64, f64),
}

fn as_num(c: &Constant) -> Option<Num> {
    match c {
        Constant::Bool(b) => Some(Num::Int(BigInt::from(*b as u8))),
        Constant::Int(i) => Some(Num::Int(i.clone())),
        Constant::Float(f) => Some(Num::Float(*f)),
        Constant::Complex { real, imag } => Some(Num::Complex(*real, *imag)),
        _ => None,
    }
}

fn to_f64(i: &BigInt) -> Option<f64> {
    let f = i.to_f64()?;
    f.is_finite().then_some(f)
}

fn from_num(n: Num) -> Constant {
    match n {
        Num::Int(i) => Constant::Int(i),
        Num::Float(f) => Constant::Float(f),
        Num::Complex(real, imag) => Constant::Complex { real, imag },
    }
}

fn unary(op: UnaryOp, c: &Constant) -> Option<Constant> {
    if op == UnaryOp::Not {
        return Some(Constant::Bool(!c.is_true()));
    }
    let n = as_num(c)?;
    let r = match (op, n) {
        (UnaryOp::USub, Num::Int(i)) => Num::Int(-i),
        (UnaryOp::USub, Num::Float(f)) => Num::Float(-f),
        (UnaryOp::USub, Num::Complex(re, im)) => Num::Complex(-re, -im),
        (UnaryOp::UAdd, n) => n,
        (UnaryOp::Invert, Num::Int(i)) => Num::Int(-i - 1),
        _ => return None,
    };
    Some(from_num(r))
}

fn count_items(c: &Constant) -> usize {
    match c {
        Constant::Tuple(t) | Constant::FrozenSet(t) => t.len() + t.iter().map(count_items).sum::<usize>(),
        _ => 0,
    }
}

fn binary(op: Operator, l: &Constant, r: &Constant) -> Option<Constant> {
    use Constant as C;
    match (l, r) {
        (C::Str(a), C::Str(b)) if op == Operator::Add => return Some(C::Str(format!("{a}{b}").into())),
        (C::Bytes(a), C::Bytes(b)) if op == Operator::Add => {
            return Some(C::Bytes([&a[..], &b[..]].concat().into()))
        }
        (C::Tuple(a), C::Tuple(b)) if op == Operator::Add => {
            return Some(C::Tuple(a.iter().chain(b.iter()).cloned().collect::<Vec<_>>().into()))
        }
        (C::Str(_) | C::Bytes(_), _) if op == Operator::Mod => return None,
        (C::Str(s), n) | (n, C::Str(s)) if op == Operator::Mult => {
            let count = repeat_count(n, s.chars().count(), MAX_STR_SIZE)?;
            return Some(C::Str(s.repeat(count).into()));
        }
        (C::Bytes(s), n) | (n, C::Bytes(s)) if op == Operator::Mult => {
            let count = repeat_count(n, s.len(), MAX_STR_SIZE)?;
            return Some(C::Bytes(s.repeat(count).into()));
        }
        (t @ C::Tuple(items), n) | (n, t @ C::Tuple(items)) if op == Operator::Mult => {
            let count = repeat_count(n, items.len(), MAX_COLLECTION_SIZE)?;
            if count > 0 && !items.is_empty() && count_items(t) > MAX_TOTAL_ITEMS / count {
                return None;
            }
            let mut out = Vec::new();
            for _ in 0..count {
                out.extend(items.iter().cloned());
            }
            return Some(C::Tuple(out.into()));
        }
        _ => {}
    }
    let (a, b) = (as_num(l)?, as_num(r)?);
    numeric(op, a, b).map(from_num)
}

/// The repeat count for `seq * n`, within CPython's folding limit.
fn repeat_count(n: &Constant, len: usize, limit: usize) -> Option<usize> {
    let n = match n {
        Constant::Int(i) => i.to_i64()?,
        Constant::Bool(b) => *b as i64,
        _ => return None,
    };
    if len > 0 && (n < 0 || n as usize > limit / len) {
        return None;
    }
    Some(n.max(0) as usize)
}

fn numeric(op: Operator, a: Num, b: Num) -> Option<Num> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => int_op(op, x, y),
        (a @ Num::Complex(..), b) | (a, b @ Num::Complex(..)) => {
            let (ar, ai) = complex_of(&a)?;
            let (br, bi) = complex_of(&b)?;
            complex_op(op, ar, ai, br, bi)
        }
        (a, b) => {
            let x = float_of(&a)?;
            let y = float_of(&b)?;
            float_op(op, x, y).map(Num::Float)
        }
    }
}

fn bits(i: &BigInt) -> u64 {
    i.bits()
}

fn float_of(n: &Num) -> Option<f64> {
    match n {
        Num::Int(i) => to_f64(i),
        Num::Float(f) => Some(*f),
        Num::Complex(..) => None,
    }
}

fn complex_of(n: &Num) -> Option<(f64, f64)> {
    match n {
        Num::Complex(r, i) => Some((*r, *i)),
        other => Some((float_of(other)?, 0.0)),
    }
}

fn complex_op(op: Operator, ar: f64, ai: f64, br: f64, bi: f64) -> Option<Num> {
    Some(match op {
        Operator::Add => Num::Complex(ar + br, ai + bi),
        Operator::Sub => Num::Complex(ar - br, ai - bi),
        Operator::Mult => Num::Complex(ar * br - ai * bi, ar * bi + ai * br),
        // CPython folds these too, unless they raise; runtime::complex is the VM's arithmetic.
        Operator::Div => {
            let (r, i) = crate::runtime::complex::quot((ar, ai), (br, bi))?;
            Num::Complex(r, i)
        }
        Operator::Pow => {
            let (r, i) = crate::runtime::complex::power((ar, ai), (br, bi)).ok()?;
            Num::Complex(r, i)
        }
        _ => return None,
    })
}

fn float_op(op: Operator, x: f64, y: f64) -> Option<f64> {
    Some(match op {
        Operator::Add => x + y,
        Operator::Sub => x - y,
        Operator::Mult => x * y,
        Operator::Div => {
            if y == 0.0 {
                return None;
            }
            x / y
        }
        Operator::FloorDiv => float_divmod(x, y)?.0,
        Operator::Mod => float_divmod(x, y)?.1,
        Operator::Pow => {
            if x == 0.0 && y < 0.0 {
                return None;
            }
            if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
                return None;
            }
            let r = x.powf(y);
            if r.is_infinite() && x.is_finite() && y.is_finite() {
                return None;
            }
            r
        }
        _ => return None,
    })
}

fn float_divmod(x: f64, y: f64) -> Option<(f64, f64)> {
    if y == 0.0 {
        return None;
    }
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(x / y)
    };
    Some((floordiv, m))
}

fn int_op(op: Operator, x: BigInt, y: BigInt) -> Option<Num> {
    Some(Num::Int(match op {
        Operator::Add => x + y,
        Operator::Sub => x - y,
        Operator::Mult => {
            if !x.is_zero() && !y.is_zero() && bits(&x) + bits(&y) > MAX_INT_SIZE {
                return None;
            }
            x * y
        }
        Operator::FloorDiv => {
            if y.is_zero() {
                return None;
            }
            x.div_floor(&y)
        }
        Operator::Mod => {
            if y.is_zero() {
                return None;
            }
            x.mod_floor(&y)
        }
        Operator::Div => {
            if y.is_zero() {
                return None;
            }
            return int_true_divide(&x, &y).map(Num::Float);
        }
        Operator::Pow => {
            if y.sign() == Sign::Minus {
                let (fx, fy) = (to_f64(&x)?, to_f64(&y)?);
                return float_op(Operator::Pow, fx, fy).map(Num::Float);
            }
            // Like CPython's safe_power: a zero base or exponent is computed
            // whatever the other operand's size (`0 ** 10**20` folds to 0).
            if y.is_zero() || x.is_zero() {
                return Some(Num::Int(BigInt::from(y.is_zero() as u8)));
            }
            {
                let e = y.to_u64()?;
                if bits(&x) > MAX_INT_SIZE / e {
                    return None;
                }
            }
            num_traits::pow(x, y.to_usize()?)
        }
        Operator::LShift => {
            if y.sign() == Sign::Minus {
                return None;
            }
            if x.is_zero() || y.is_zero() {
                return Some(Num::Int(x));
            }
            {
                let w = y.to_u64()?;
                if w > MAX_INT_SIZE || bits(&x) > MAX_INT_SIZE - w {
                    return None;
                }
            }
            x << y.to_usize()?
        }
        Operator::RShift => {
            if y.sign() == Sign::Minus {
                return None;
            }
            // num-bigint shifts round towards negative infinity, like Python.
            x >> y.to_usize().unwrap_or(usize::MAX).min(1 << 20)
        }
        Operator::BitAnd => x & y,
        Operator::BitOr => x | y,
        Operator::BitXor => x ^ y,
        Operator::MatMult => return None,
    }))
}

/// `x / y` for ints, correctly rounded like CPython's `long_true_divide`;
/// `None` when the quotient overflows (or is subnormal, which is not modelled).
fn int_true_divide(x: &BigInt, y: &BigInt) -> Option<f64> {
    use num_bigint::BigUint;
    if y.is_zero() {
        return None;
    }
    let negative = (x.sign() == Sign::Minus) != (y.sign() == Sign::Minus);
    let (a, b) = (x.magnitude(), y.magnitude());
    if a.is_zero() {
        return Some(if negative { -0.0 } else { 0.0 });
    }
    // Scale so the integer quotient has 55 or 56 bits: 53 to keep, the rest
    // plus the remainder decide the rounding (half to even).
    let shift = 55 - (a.bits() as i64 - b.bits() as i64);
    let (num, den): (BigUint, BigUint) =
        if shift >= 0 { (a << shift as usize, b.clone()) } else { (a.clone(), b << (-shift) as usize) };
    let (q, r) = num.div_rem(&den);
    let extra = q.bits() - 53;
    let dropped = (&q & ((BigUint::from(1u8) << extra as usize) - 1u8)).to_u64()?;
    let mut mantissa = (&q >> extra as usize).to_u64()?;
    let half = 1u64 << (extra - 1);
    if dropped > half || (dropped == half && (!r.is_zero() || mantissa & 1 == 1)) {
        mantissa += 1;
    }
    let exp = extra as i64 - shift;
    let top = exp + 64 - mantissa.leading_zeros() as i64;
    if top > 1024 || top < -1021 {
        return None;
    }
    let half_exp = (exp / 2) as i32;
    let value = mantissa as f64 * 2f64.powi(half_exp) * 2f64.powi(exp as i32 - half_exp);
    Some(if negative { -value } else { value })
}

/// The iteration order CPython gives a constant frozenset built from
/// `items`: built once from the literal, then rebuilt from its own order by
/// the constant cache (exact for ints and bools, whose hash is their value;
/// other items, like str with its randomised hash, keep their order).
pub fn frozenset_order(items: Vec<Constant>) -> Vec<Constant> {
    let built = set_iteration_order(set_iteration_order(items));
    // Creating the code object interns identifier-like strings; when one is
    // replaced by an already-interned twin, the frozenset is rebuilt again.
    // Which strings were interned before depends on the whole process; an
    // identifier-like word (not digits) usually was.
    fn identifier_like(c: &Constant) -> bool {
        match c {
            Constant::Str(s) => {
                s.len() > 1
                    && !s.as_bytes()[0].is_ascii_digit()
                    && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
            }
            Constant::Tuple(items) => items.iter().any(identifier_like),
            _ => false,
        }
    }
    if built.iter().any(identifier_like) {
        set_iteration_order(built)
    } else {
        built
    }
}

fn set_iteration_order(items: Vec<Constant>) -> Vec<Constant> {
    let mut unique: Vec<Constant> = Vec::new();
    for item in items {
        if !unique.iter().any(|u| set_equal(u, &item)) {
            unique.push(item);
        }
    }
    let mut hashes = Vec::with_capacity(unique.len());
    for c in &unique {
        let Some(h) = oracle_hash(c) else { return unique };
        hashes.push(h);
    }
    // CPython's set: open addressing with linear probes, resized at 3/5 full.
    let mut table: Vec<Option<usize>> = vec![None; 8];
    let mut fill = 0usize;
    for (idx, &h) in hashes.iter().enumerate() {
        insert_clean(&mut table, h, idx);
        fill += 1;
        let mask = table.len() - 1;
        if fill * 5 >= mask * 3 {
            let minused = fill * 4;
            let mut newsize = 8;
            while newsize <= minused {
                newsize <<= 1;
            }
            let old: Vec<usize> = table.iter().flatten().copied().collect();
            table = vec![None; newsize];
            for i in old {
                insert_clean(&mut table, hashes[i], i);
            }
        }
    }
    table.iter().flatten().map(|&i| unique[i].clone()).collect()
}

/// `set_insert_clean` with the oracle's 32-bit `size_t` arithmetic.
fn insert_clean(table: &mut [Option<usize>], hash: i32, idx: usize) {
    let mask = table.len() - 1;
    let mut perturb = hash as u32;
    let mut i = (hash as u32 as usize) & mask;
    loop {
        if table[i].is_none() {
            table[i] = Some(idx);
            return;
        }
        if i + 9 <= mask {
            for j in 1..=9 {
                if table[i + j].is_none() {
                    table[i + j] = Some(idx);
                    return;
                }
            }
        }
        perturb >>= 5;
        i = ((i as u32).wrapping_mul(5).wrapping_add(1).wrapping_add(perturb) as usize) & mask;
    }
}

/// `hash()` as the oracle computes it (CPython on wasm32: 32-bit hashes,
/// FNV for str/bytes with a zero secret); `None` where not modelled.
fn oracle_hash(c: &Constant) -> Option<i32> {
    const MODULUS: i64 = (1 << 31) - 1;
    let fix = |h: i32| if h == -1 { -2 } else { h };
    match c {
        Constant::Bool(b) => Some(*b as i32),
        Constant::Int(i) => {
            let v = i.to_i64()?;
            let h = (v.unsigned_abs() % MODULUS as u64) as i64;
            Some(fix(if v < 0 { -h } else { h } as i32))
        }
        Constant::Str(s) => {
            let max = s.chars().map(|ch| ch as u32).max().unwrap_or(0);
            let mut data = Vec::new();
            for ch in s.chars() {
                let cp = ch as u32;
                match max {
                    0..=0xFF => data.push(cp as u8),
                    0x100..=0xFFFF => data.extend_from_slice(&(cp as u16).to_le_bytes()),
                    _ => data.extend_from_slice(&cp.to_le_bytes()),
                }
            }
            Some(fnv_hash(&data))
        }
        Constant::Bytes(b) => Some(fnv_hash(b)),
        Constant::Tuple(items) => {
            // tuplehash: xxHash-style lanes with the 32-bit primes.
            const PRIME_1: u32 = 2_654_435_761;
            const PRIME_2: u32 = 2_246_822_519;
            const PRIME_5: u32 = 374_761_393;
            let mut acc: u32 = PRIME_5;
            for item in items.iter() {
                let lane = oracle_hash(item)? as u32;
                acc = acc.wrapping_add(lane.wrapping_mul(PRIME_2));
                acc = acc.rotate_left(13);
                acc = acc.wrapping_mul(PRIME_1);
            }
            acc = acc.wrapping_add(items.len() as u32 ^ (PRIME_5 ^ 3_527_539));
            Some(if acc == u32::MAX { 1_546_275_796 } else { acc as i32 })
        }
        _ => None,
    }
}

/// CPython's FNV string hash for 32-bit builds (`Python/pyhash.c`).
#[cfg_attr(target_arch = "wasm32", track_caller)]
fn fnv_hash(data: &[u8]) -> i32 {
    if data.is_empty() {
        return 0;
    }
    const MULTIPLIER: u32 = 1_000_003;
    let n = data.len();
    let remainder = match n % 4 {
        0 => 4,
        r => r,
    };
    let blocks = (n - remainder) / 4;
    let mut x: u32 = (data[0] as u32) << 7;
    let mut p = 0;
    for _ in 0..blocks {
        let block = u32::from_le_bytes([data[p], data[p + 1], data[p + 2], data[p + 3]]);
        x = MULTIPLIER.wrapping_mul(x) ^ block;
        p += 4;
    }
    for _ in 0..remainder {
        x = MULTIPLIER.wrapping_mul(x) ^ data[p] as u32;
        p += 1;
    }
    x ^= n as u32;
    if x == u32::MAX {
        x = u32::MAX - 1;
    }
    x as i32
}

/// Python's `==` between constants as a set sees it (1 == 1.0 == True).
fn set_equal(a: &Constant, b: &Constant) -> bool {
    let int = |c: &Constant| match c {
        Constant::Bool(x) => Some(BigInt::from(*x as u8)),
        Constant::Int(i) => Some(i.clone()),
        Constant::Float(f) if f.fract() == 0.0 && f.is_finite() => num_traits::FromPrimitive::from_f64(*f),
        _ => None,
    };
    match (a, b) {
        (Constant::Float(x), Constant::Float(y)) => x == y,
        _ => match (int(a), int(b)) {
            (Some(x), Some(y)) => x == y,
            _ => super::consts::const_key(a) == super::consts::const_key(b),
        },
    }
}
