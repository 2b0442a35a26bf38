//! Expressions back to source text, as `from __future__ import annotations`
//! stores annotations (CPython's `Python/ast_unparse.c`).

use super::CompileError;
use crate::runtime::repr::{bytes_repr, complex_repr, float_repr, str_repr};
use crate::syntax::ast::*;

// Precedence levels, lowest first.
const PR_TUPLE: u8 = 0;
const PR_TEST: u8 = 1;
const PR_OR: u8 = 2;
const PR_AND: u8 = 3;
const PR_NOT: u8 = 4;
const PR_CMP: u8 = 5;
const PR_BOR: u8 = 6;
const PR_BXOR: u8 = 7;
const PR_BAND: u8 = 8;
const PR_SHIFT: u8 = 9;
const PR_ARITH: u8 = 10;
const PR_TERM: u8 = 11;
const PR_FACTOR: u8 = 12;
const PR_POWER: u8 = 13;
const PR_AWAIT: u8 = 14;
const PR_ATOM: u8 = 15;

pub fn unparse(e: &Expr) -> Result<String, Box<CompileError>> {
    let mut out = String::new();
    expr(&mut out, e, PR_TEST)?;
    Ok(out)
}

fn constant_text(c: &ConstantValue) -> String {
    match c {
        ConstantValue::None => "None".into(),
        ConstantValue::Ellipsis => "...".into(),
        ConstantValue::Bool(b) => if *b { "True" } else { "False" }.into(),
        ConstantValue::Int(i) => i.to_string(),
        ConstantValue::Float(f) if f.is_infinite() => "1e309".into(),
        ConstantValue::Float(f) => float_repr(*f),
        ConstantValue::Imaginary(f) if f.is_infinite() => "1e309j".into(),
        ConstantValue::Imaginary(f) => complex_repr(0.0, *f),
        ConstantValue::Str(s) => str_repr(s),
        ConstantValue::Bytes(b) => bytes_repr(b),
    }
}

fn seq(out: &mut String, items: &[Expr], level: u8) -> Result<(), Box<CompileError>> {
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(out, x, level)?;
    }
    Ok(())
}

fn open(out: &mut String, cond: bool, s: &str) {
    if cond {
        out.push_str(s);
    }
}

fn expr(out: &mut String, e: &Expr, level: u8) -> Result<(), Box<CompileError>> {
    match &e.kind {
        ExprKind::BoolOp { op, values } => {
            let (text, pr) = if *op == BoolOp::And { (" and ", PR_AND) } else { (" or ", PR_OR) };
            open(out, level > pr, "(");
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    out.push_str(text);
                }
                expr(out, v, pr + 1)?;
            }
            open(out, level > pr, ")");
        }
        ExprKind::BinOp { left, op, right } => {
            let (text, pr, rassoc) = match op {
                Operator::Add => (" + ", PR_ARITH, false),
                Operator::Sub => (" - ", PR_ARITH, false),
                Operator::Mult => (" * ", PR_TERM, false),
                Operator::MatMult => (" @ ", PR_TERM, false),
                Operator::Div => (" / ", PR_TERM, false),
                Operator::Mod => (" % ", PR_TERM, false),
                Operator::LShift => (" << ", PR_SHIFT, false),
                Operator::RShift => (" >> ", PR_SHIFT, false),
                Operator::BitOr => (" | ", PR_BOR, false),
                Operator::BitXor => (" ^ ", PR_BXOR, false),
                Operator::BitAnd => (" & ", PR_BAND, false),
                Operator::FloorDiv => (" // ", PR_TERM, false),
                Operator::Pow => (" ** ", PR_POWER, true),
            };
            open(out, level > pr, "(");
            expr(out, left, pr + rassoc as u8)?;
            out.push_str(text);
            expr(out, right, pr + !rassoc as u8)?;
            open(out, level > pr, ")");
        }
        ExprKind::UnaryOp { op, operand } => {
            let (text, pr) = match op {
                UnaryOp::Invert => ("~", PR_FACTOR),
                UnaryOp::Not => ("not ", PR_NOT),
                UnaryOp::UAdd => ("+", PR_FACTOR),
                UnaryOp::USub => ("-", PR_FACTOR),
            };
            open(out, level > pr, "(");
            out.push_str(text);
            expr(out, operand, pr)?;
            open(out, level > pr, ")");
        }
        ExprKind::Lambda { args, body } => {
            open(out, level > PR_TEST, "(");
            let positional = args.args.len() + args.posonlyargs.len();
            out.push_str(if positional > 0 { "lambda " } else { "lambda" });
            arguments(out, args)?;
            out.push_str(": ");
            expr(out, body, PR_TEST)?;
            open(out, level > PR_TEST, ")");
        }
        ExprKind::IfExp { test, body, orelse } => {
            open(out, level > PR_TEST, "(");
            expr(out, body, PR_TEST + 1)?;
            out.push_str(" if ");
            expr(out, test, PR_TEST + 1)?;
            out.push_str(" else ");
            expr(out, orelse, PR_TEST)?;
            open(out, level > PR_TEST, ")");
        }
        ExprKind::Dict { keys, values } => {
            out.push('{');
            for (i, (k, v)) in keys.iter().zip(values).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match k {
                    Some(k) => {
                        expr(out, k, PR_TEST)?;
                        out.push_str(": ");
                        expr(out, v, PR_TEST)?;
                    }
                    None => {
                        out.push_str("**");
                        expr(out, v, PR_BOR)?;
                    }
                }
            }
            out.push('}');
        }
        ExprKind::Set(elts) => {
            if elts.is_empty() {
                out.push_str("{*()}");
            } else {
                out.push('{');
                seq(out, elts, PR_TEST)?;
                out.push('}');
            }
        }
        ExprKind::List { elts, .. } => {
            out.push('[');
            seq(out, elts, PR_TEST)?;
            out.push(']');
        }
        ExprKind::Tuple { elts, .. } => {
            if elts.is_empty() {
                out.push_str("()");
            } else {
                open(out, level > PR_TUPLE, "(");
                seq(out, elts, PR_TEST)?;
                if elts.len() == 1 {
                    out.push(',');
                }
                open(out, level > PR_TUPLE, ")");
            }
        }
        ExprKind::Compare { left, ops, comparators } => {
            open(out, level > PR_CMP, "(");
            expr(out, left, PR_CMP + 1)?;
            for (op, c) in ops.iter().zip(comparators) {
                out.push_str(match op {
                    CmpOp::Eq => " == ",
                    CmpOp::NotEq => " != ",
                    CmpOp::Lt => " < ",
                    CmpOp::LtE => " <= ",
                    CmpOp::Gt => " > ",
                    CmpOp::GtE => " >= ",
                    CmpOp::Is => " is ",
                    CmpOp::IsNot => " is not ",
                    CmpOp::In => " in ",
                    CmpOp::NotIn => " not in ",
                });
                expr(out, c, PR_CMP + 1)?;
            }
            open(out, level > PR_CMP, ")");
        }
        ExprKind::Call { func, args, keywords } => {
            expr(out, func, PR_ATOM)?;
            out.push('(');
            let single_genexp = args.len() == 1 && keywords.is_empty() && matches!(args[0].kind, ExprKind::GeneratorExp { .. });
            if single_genexp {
                generator_body(out, &args[0])?;
            } else {
                seq(out, args, PR_TEST)?;
                for (i, k) in keywords.iter().enumerate() {
                    if i > 0 || !args.is_empty() {
                        out.push_str(", ");
                    }
                    match &k.arg {
                        Some(name) => {
                            out.push_str(name);
                            out.push('=');
                        }
                        None => out.push_str("**"),
                    }
                    expr(out, &k.value, PR_TEST)?;
                }
            }
            out.push(')');
        }
        ExprKind::Constant(c) => out.push_str(&constant_text(c)),
        ExprKind::Attribute { value, attr, .. } => {
            expr(out, value, PR_ATOM)?;
            // `1.real` would read as a float literal.
            if let ExprKind::Constant(ConstantValue::Int(_)) = value.kind {
                out.push(' ');
            }
            out.push('.');
            out.push_str(attr);
        }
        ExprKind::Subscript { value, slice, .. } => {
            expr(out, value, PR_ATOM)?;
            out.push('[');
            match &slice.kind {
                ExprKind::Tuple { elts, .. } if !elts.is_empty() => {
                    seq(out, elts, PR_TEST)?;
                    if elts.len() == 1 {
                        out.push(',');
                    }
                }
                _ => expr(out, slice, PR_TUPLE)?,
            }
            out.push(']');
        }
        ExprKind::Starred { value, .. } => {
            out.push('*');
            expr(out, value, PR_BOR)?;
        }
        ExprKind::Name { id, .. } => out.push_str(id),
        ExprKind::Slice { lower, upper, step } => {
            if let Some(x) = lower {
                expr(out, x, PR_TEST)?;
            }
            out.push(':');
            if let Some(x) = upper {
                expr(out, x, PR_TEST)?;
            }
            if let Some(x) = step {
                out.push(':');
                expr(out, x, PR_TEST)?;
            }
        }
        ExprKind::NamedExpr { target, value } => {
            open(out, level > PR_TUPLE, "(");
            expr(out, target, PR_ATOM)?;
            out.push_str(" := ");
            expr(out, value, PR_ATOM)?;
            open(out, level > PR_TUPLE, ")");
        }
        ExprKind::Await(v) => {
            open(out, level > PR_AWAIT, "(");
            out.push_str("await ");
            expr(out, v, PR_ATOM)?;
            open(out, level > PR_AWAIT, ")");
        }
        ExprKind::ListComp { .. } | ExprKind::SetComp { .. } | ExprKind::DictComp { .. } | ExprKind::GeneratorExp { .. } => {
            let (open_c, close_c) = match e.kind {
                ExprKind::ListComp { .. } => ('[', ']'),
                ExprKind::GeneratorExp { .. } => ('(', ')'),
                _ => ('{', '}'),
            };
            out.push(open_c);
            generator_body(out, e)?;
            out.push(close_c);
        }
        _ => {
            return Err(CompileError::new(
                "pvm does not support this expression in a postponed annotation yet",
                e.span,
            ))
        }
    }
    Ok(())
}

fn arg(out: &mut String, a: &Arg) -> Result<(), Box<CompileError>> {
    out.push_str(&a.arg);
    if let Some(ann) = &a.annotation {
        out.push_str(": ");
        expr(out, ann, PR_TEST)?;
    }
    Ok(())
}

/// A parameter list (`append_ast_args`).
fn arguments(out: &mut String, args: &Arguments) -> Result<(), Box<CompileError>> {
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !first {
            out.push_str(", ");
        }
        first = false;
    };
    let npos = args.posonlyargs.len();
    let positional: Vec<&Arg> = args.posonlyargs.iter().chain(&args.args).collect();
    let ndefaults = args.defaults.len();
    for (i, a) in positional.iter().enumerate() {
        sep(out);
        arg(out, a)?;
        if let Some(di) = (i + ndefaults).checked_sub(positional.len()) {
            out.push('=');
            expr(out, &args.defaults[di], PR_TEST)?;
        }
        if npos > 0 && i + 1 == npos {
            out.push_str(", /");
        }
    }
    if args.vararg.is_some() || !args.kwonlyargs.is_empty() {
        sep(out);
        out.push('*');
        if let Some(v) = &args.vararg {
            arg(out, v)?;
        }
    }
    for (a, default) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
        sep(out);
        arg(out, a)?;
        if let Some(d) = default {
            out.push('=');
            expr(out, d, PR_TEST)?;
        }
    }
    if let Some(k) = &args.kwarg {
        sep(out);
        out.push_str("**");
        arg(out, k)?;
    }
    Ok(())
}

/// The inside of a comprehension: `elt for x in it if cond ...`.
fn generator_body(out: &mut String, e: &Expr) -> Result<(), Box<CompileError>> {
    let generators = match &e.kind {
        ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } | ExprKind::GeneratorExp { elt, generators } => {
            expr(out, elt, PR_TEST)?;
            generators
        }
        ExprKind::DictComp { key, value, generators } => {
            expr(out, key, PR_TEST)?;
            out.push_str(": ");
            expr(out, value, PR_TEST)?;
            generators
        }
        _ => unreachable!("only comprehensions have generators"),
    };
    for g in generators {
        out.push_str(if g.is_async { " async for " } else { " for " });
        expr(out, &g.target, PR_TUPLE)?;
        out.push_str(" in ");
        expr(out, &g.iter, PR_TEST + 1)?;
        for cond in &g.ifs {
            out.push_str(" if ");
            expr(out, cond, PR_TEST + 1)?;
        }
    }
    Ok(())
}
