//! AST-level constant folding (CPython's `Python/ast_opt.c`): operators on
//! literals with CPython's size limits, `not (a is b)` -> `a is not b`,
//! and lists in iteration position turned into tuples. Constant tuples are
//! recognised later by codegen (`const_value`), since the AST's constants
//! have no tuple form.

use crate::bytecode::Constant;
use crate::syntax::ast::*;
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

const MAX_INT_SIZE: u64 = 128;
const MAX_STR_SIZE: usize = 4096;

pub fn fold_module(module: &mut Module) {
    fold_stmts(&mut module.body);
}

fn fold_stmts(stmts: &mut [Stmt]) {
    for s in stmts {
        fold_stmt(s);
    }
}

fn fold_args(args: &mut Arguments) {
    for a in args.posonlyargs.iter_mut().chain(args.args.iter_mut()).chain(args.kwonlyargs.iter_mut()) {
        if let Some(ann) = &mut a.annotation {
            fold_expr(ann);
        }
    }
    for a in args.vararg.iter_mut().chain(args.kwarg.iter_mut()) {
        if let Some(ann) = &mut a.annotation {
            fold_expr(ann);
        }
    }
    args.defaults.iter_mut().for_each(fold_expr);
    args.kw_defaults.iter_mut().flatten().for_each(fold_expr);
}

fn fold_stmt(s: &mut Stmt) {
    match &mut s.kind {
        StmtKind::FunctionDef(f) | StmtKind::AsyncFunctionDef(f) => {
            fold_args(&mut f.args);
            fold_stmts(&mut f.body);
            f.decorator_list.iter_mut().for_each(fold_expr);
            if let Some(r) = &mut f.returns {
                fold_expr(r);
            }
        }
        StmtKind::ClassDef(c) => {
            c.bases.iter_mut().for_each(fold_expr);
            c.keywords.iter_mut().for_each(|k| fold_expr(&mut k.value));
            fold_stmts(&mut c.body);
            c.decorator_list.iter_mut().for_each(fold_expr);
        }
        StmtKind::Return(v) => v.iter_mut().for_each(fold_expr),
        StmtKind::Delete(t) => t.iter_mut().for_each(fold_expr),
        StmtKind::Assign { targets, value } => {
            targets.iter_mut().for_each(fold_expr);
            fold_expr(value);
        }
        StmtKind::TypeAlias { .. } => {}
        StmtKind::AugAssign { target, value, .. } => {
            fold_expr(target);
            fold_expr(value);
        }
        StmtKind::AnnAssign { target, annotation, value, .. } => {
            fold_expr(target);
            fold_expr(annotation);
            value.iter_mut().for_each(fold_expr);
        }
        StmtKind::For { target, iter, body, orelse } | StmtKind::AsyncFor { target, iter, body, orelse } => {
            fold_expr(target);
            fold_expr(iter);
            fold_stmts(body);
            fold_stmts(orelse);
            fold_iter(iter);
        }
        StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
            fold_expr(test);
            fold_stmts(body);
            fold_stmts(orelse);
        }
        StmtKind::With { items, body } | StmtKind::AsyncWith { items, body } => {
            for item in items {
                fold_expr(&mut item.context_expr);
                item.optional_vars.iter_mut().for_each(fold_expr);
            }
            fold_stmts(body);
        }
        StmtKind::Match { subject, cases } => {
            fold_expr(subject);
            for c in cases {
                c.guard.iter_mut().for_each(fold_expr);
                fold_stmts(&mut c.body);
            }
        }
        StmtKind::Raise { exc, cause } => {
            exc.iter_mut().for_each(fold_expr);
            cause.iter_mut().for_each(fold_expr);
        }
        StmtKind::Try { body, handlers, orelse, finalbody }
        | StmtKind::TryStar { body, handlers, orelse, finalbody } => {
            fold_stmts(body);
            for h in handlers {
                h.type_.iter_mut().for_each(fold_expr);
                fold_stmts(&mut h.body);
            }
            fold_stmts(orelse);
            fold_stmts(finalbody);
        }
        StmtKind::Assert { test, msg } => {
            fold_expr(test);
            msg.iter_mut().for_each(fold_expr);
        }
        StmtKind::Expr(e) => fold_expr(e),
        StmtKind::Import(_)
        | StmtKind::ImportFrom { .. }
        | StmtKind::Global(_)
        | StmtKind::Nonlocal(_)
        | StmtKind::Pass
        | StmtKind::Break
        | StmtKind::Continue => {}
    }
}

fn fold_comprehensions(gens: &mut [Comprehension]) {
    for g in gens {
        fold_expr(&mut g.target);
        fold_expr(&mut g.iter);
        g.ifs.iter_mut().for_each(fold_expr);
        fold_iter(&mut g.iter);
    }
}

fn fold_expr(e: &mut Expr) {
    match &mut e.kind {
        ExprKind::BoolOp { values, .. } => values.iter_mut().for_each(fold_expr),
        ExprKind::NamedExpr { value, .. } => fold_expr(value),
        ExprKind::BinOp { left, right, .. } => {
            fold_expr(left);
            fold_expr(right);
            fold_binop(e);
        }
        ExprKind::UnaryOp { operand, .. } => {
            fold_expr(operand);
            fold_unaryop(e);
        }
        ExprKind::Lambda { args, body } => {
            fold_args(args);
            fold_expr(body);
        }
        ExprKind::IfExp { test, body, orelse } => {
            fold_expr(test);
            fold_expr(body);
            fold_expr(orelse);
        }
        ExprKind::Dict { keys, values } => {
            keys.iter_mut().flatten().for_each(fold_expr);
            values.iter_mut().for_each(fold_expr);
        }
        ExprKind::Set(elts) => elts.iter_mut().for_each(fold_expr),
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            fold_expr(elt);
            fold_comprehensions(generators);
        }
        ExprKind::DictComp { key, value, generators } => {
            fold_expr(key);
            fold_expr(value);
            fold_comprehensions(generators);
        }
        ExprKind::Await(v) | ExprKind::YieldFrom(v) => fold_expr(v),
        ExprKind::Yield(v) => v.iter_mut().for_each(|x| fold_expr(x)),
        ExprKind::Compare { left, ops, comparators } => {
            fold_expr(left);
            comparators.iter_mut().for_each(fold_expr);
            if matches!(ops.last(), Some(CmpOp::In | CmpOp::NotIn)) {
                fold_iter(comparators.last_mut().unwrap());
            }
        }
        ExprKind::Call { func, args, keywords } => {
            fold_expr(func);
            args.iter_mut().for_each(fold_expr);
            keywords.iter_mut().for_each(|k| fold_expr(&mut k.value));
        }
        ExprKind::FormattedValue { value, format_spec, .. } => {
            fold_expr(value);
            format_spec.iter_mut().for_each(|x| fold_expr(x));
        }
        ExprKind::JoinedStr(values) => values.iter_mut().for_each(fold_expr),
        ExprKind::Attribute { value, .. } => fold_expr(value),
        ExprKind::Subscript { value, slice, .. } => {
            fold_expr(value);
            fold_expr(slice);
            fold_subscr(e);
        }
        ExprKind::Starred { value, .. } => fold_expr(value),
        ExprKind::Slice { lower, upper, step } => {
            for part in [lower, upper, step].into_iter().flatten() {
                fold_expr(part);
            }
        }
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => elts.iter_mut().for_each(fold_expr),
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

fn fold_unaryop(e: &mut Expr) {
    let ExprKind::UnaryOp { op, operand } = &mut e.kind else { return };
    if let ExprKind::Constant(c) = &operand.kind {
        if let Some(v) = unary(*op, c) {
            e.kind = ExprKind::Constant(v);
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
                let inner = std::mem::replace(&mut **operand, Expr { kind: ExprKind::Constant(ConstantValue::None), span: Span::default() });
                *e = inner;
            }
        }
    }
}

fn fold_binop(e: &mut Expr) {
    let ExprKind::BinOp { left, op, right } = &e.kind else { return };
    let (ExprKind::Constant(l), ExprKind::Constant(r)) = (&left.kind, &right.kind) else { return };
    if let Some(v) = binary(*op, l, r) {
        e.kind = ExprKind::Constant(v);
    }
}

fn fold_subscr(e: &mut Expr) {
    let ExprKind::Subscript { value, slice, ctx: Context::Load } = &e.kind else { return };
    let (ExprKind::Constant(v), ExprKind::Constant(ConstantValue::Int(i))) = (&value.kind, &slice.kind) else {
        return;
    };
    let result = match v {
        ConstantValue::Str(s) => {
            let chars: Vec<char> = s.chars().collect();
            index(chars.len(), i).map(|k| ConstantValue::Str(chars[k].to_string().into()))
        }
        ConstantValue::Bytes(b) => index(b.len(), i).map(|k| ConstantValue::Int(BigInt::from(b[k]))),
        _ => None,
    };
    if let Some(r) = result {
        e.kind = ExprKind::Constant(r);
    }
}

fn index(len: usize, i: &BigInt) -> Option<usize> {
    let i = i.to_i64()?;
    let k = if i < 0 { i + len as i64 } else { i };
    (0..len as i64).contains(&k).then_some(k as usize)
}

// ----- Python arithmetic on literals -----

#[derive(Clone)]
enum Num {
    Int(BigInt),
    Float(f64),
    Complex(f64, f64),
}

fn as_num(c: &ConstantValue) -> Option<Num> {
    match c {
        ConstantValue::Bool(b) => Some(Num::Int(BigInt::from(*b as u8))),
        ConstantValue::Int(i) => Some(Num::Int(i.clone())),
        ConstantValue::Float(f) => Some(Num::Float(*f)),
        ConstantValue::Imaginary(f) => Some(Num::Complex(0.0, *f)),
        _ => None,
    }
}

fn to_f64(i: &BigInt) -> Option<f64> {
    let f = i.to_f64()?;
    f.is_finite().then_some(f)
}

fn from_num(n: Num) -> Option<ConstantValue> {
    match n {
        Num::Int(i) => Some(ConstantValue::Int(i)),
        Num::Float(f) => Some(ConstantValue::Float(f)),
        // A complex with a real part has no literal form in the AST.
        Num::Complex(re, im) if re == 0.0 && re.is_sign_positive() => Some(ConstantValue::Imaginary(im)),
        Num::Complex(..) => None,
    }
}

fn unary(op: UnaryOp, c: &ConstantValue) -> Option<ConstantValue> {
    if op == UnaryOp::Not {
        return Some(ConstantValue::Bool(!truthy(c)));
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
    from_num(r)
}

fn truthy(c: &ConstantValue) -> bool {
    match c {
        ConstantValue::None => false,
        ConstantValue::Ellipsis => true,
        ConstantValue::Bool(b) => *b,
        ConstantValue::Int(i) => !i.is_zero(),
        ConstantValue::Float(f) | ConstantValue::Imaginary(f) => *f != 0.0,
        ConstantValue::Str(s) => !s.is_empty(),
        ConstantValue::Bytes(b) => !b.is_empty(),
    }
}

fn bits(i: &BigInt) -> u64 {
    i.bits()
}

fn binary(op: Operator, l: &ConstantValue, r: &ConstantValue) -> Option<ConstantValue> {
    use ConstantValue as C;
    match (l, r) {
        (C::Str(a), C::Str(b)) if op == Operator::Add => return Some(C::Str(format!("{a}{b}").into())),
        (C::Bytes(a), C::Bytes(b)) if op == Operator::Add => {
            return Some(C::Bytes([&a[..], &b[..]].concat().into()))
        }
        (C::Str(s), n) | (n, C::Str(s)) if op == Operator::Mult => {
            let count = repeat_count(n, s.chars().count())?;
            return Some(C::Str(s.repeat(count).into()));
        }
        (C::Bytes(s), n) | (n, C::Bytes(s)) if op == Operator::Mult => {
            let count = repeat_count(n, s.len())?;
            return Some(C::Bytes(s.repeat(count).into()));
        }
        _ => {}
    }
    let (a, b) = (as_num(l)?, as_num(r)?);
    from_num(numeric(op, a, b)?)
}

/// The repeat count for `seq * n`, within CPython's folding limit.
fn repeat_count(n: &ConstantValue, len: usize) -> Option<usize> {
    let n = match n {
        ConstantValue::Int(i) => i.to_i64()?,
        ConstantValue::Bool(b) => *b as i64,
        _ => return None,
    };
    if len > 0 && (n < 0 || n as usize > MAX_STR_SIZE / len) {
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
            let limit = BigInt::from(1u64 << 53);
            if x.abs() > limit || y.abs() > limit {
                return None;
            }
            return Some(Num::Float(to_f64(&x)? / to_f64(&y)?));
        }
        Operator::Pow => {
            if y.sign() == Sign::Minus {
                let (fx, fy) = (to_f64(&x)?, to_f64(&y)?);
                return float_op(Operator::Pow, fx, fy).map(Num::Float);
            }
            if !x.is_zero() && !y.is_zero() {
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
            if !x.is_zero() && !y.is_zero() {
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

/// The iteration order CPython gives a frozenset built from `items` (exact
/// for ints and bools, whose hash is their value; other items keep their order).
pub fn frozenset_order(items: Vec<Constant>) -> Vec<Constant> {
    let mut unique: Vec<Constant> = Vec::new();
    for item in items {
        if !unique.iter().any(|u| set_equal(u, &item)) {
            unique.push(item);
        }
    }
    let hashes: Option<Vec<i64>> = unique.iter().map(small_hash).collect();
    let Some(hashes) = hashes else { return unique };
    // Simulate set insertion: open addressing with linear probes, resizes at 3/5 full.
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

fn insert_clean(table: &mut [Option<usize>], hash: i64, idx: usize) {
    let mask = table.len() - 1;
    let mut perturb = hash as u64;
    let mut i = (hash as u64 as usize) & mask;
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
        i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
    }
}

fn small_hash(c: &Constant) -> Option<i64> {
    match c {
        Constant::Bool(b) => Some(*b as i64),
        Constant::Int(i) => {
            let v = i.to_i64()?;
            if v.unsigned_abs() >= (1u64 << 61) - 1 {
                return None;
            }
            Some(if v == -1 { -2 } else { v })
        }
        _ => None,
    }
}

fn set_equal(a: &Constant, b: &Constant) -> bool {
    let num = |c: &Constant| match c {
        Constant::Bool(x) => Some(BigInt::from(*x as u8)),
        Constant::Int(i) => Some(i.clone()),
        _ => None,
    };
    match (num(a), num(b)) {
        (Some(x), Some(y)) => x == y,
        _ => super::consts::const_key(a) == super::consts::const_key(b),
    }
}
