//! `match` statements (CPython's `compiler_match` and `compiler_pattern_*`):
//! each case's pattern is tested against a copy of the subject, captured
//! values wait on the stack until the whole pattern has matched, and every
//! failure jumps to a "fail_pop" label that pops exactly what is on the stack.

use super::codegen::{Compiler, Res};
use super::consts::const_key;
use super::ir::{Label, Loc, Op};
use super::CompileError;
use crate::bytecode::{Constant, Opcode};
use crate::syntax::ast::*;
use num_bigint::BigInt;
use std::rc::Rc;

use Opcode::*;

#[derive(Default)]
pub struct PatternContext {
    /// Names captured so far; their values wait on the stack in this order.
    stores: Vec<Rc<str>>,
    allow_irrefutable: bool,
    /// `fail_pop[n]` pops n items and continues to the next case.
    fail_pop: Vec<Label>,
    /// Items on top of the stack (above the stores) to pop on failure.
    on_top: usize,
}

fn loc(span: Span) -> Loc {
    Loc::from_span(span)
}

fn err(msg: impl Into<String>, span: Span) -> Box<CompileError> {
    CompileError::new(msg, span)
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(p.kind, PatternKind::MatchAs { pattern: None, name: None })
}

fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p.kind, PatternKind::MatchStar(None))
}

impl<'a> Compiler<'a> {
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    pub(super) fn match_stmt(&mut self, subject: &'a Expr, cases: &'a [MatchCase]) -> Res {
        self.expr(subject)?;
        let end = self.new_label();
        let n = cases.len();
        let has_default = is_wildcard(&cases[n - 1].pattern) && n > 1;
        let mut pc = PatternContext::default();
        for (i, case) in cases[..n - has_default as usize].iter().enumerate() {
            let pl = loc(case.pattern.span);
            let last_tested = i == n - has_default as usize - 1;
            if !last_tested {
                self.emit_arg(pl, COPY, 1);
            }
            pc.stores = Vec::new();
            pc.allow_irrefutable = case.guard.is_some() || i == n - 1;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.pattern(&case.pattern, &mut pc)?;
            for name in pc.stores.clone() {
                self.nameop(pl, &name, Context::Store)?;
            }
            if let Some(guard) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                self.jump_if(guard, pc.fail_pop[0], false)?;
            }
            if !last_tested {
                self.emit(pl, POP_TOP);
            }
            self.stmts(&case.body)?;
            self.emit_jump(Loc::NONE, Op::Jump, end);
            self.emit_and_reset_fail_pop(pl, &mut pc);
        }
        if has_default {
            let case = &cases[n - 1];
            let pl = loc(case.pattern.span);
            if n == 1 {
                self.emit(pl, POP_TOP);
            } else {
                self.emit(pl, NOP);
            }
            if let Some(guard) = &case.guard {
                self.jump_if(guard, end, false)?;
            }
            self.stmts(&case.body)?;
        }
        self.use_label(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
    }

    fn jump_to_fail_pop(&mut self, l: Loc, pc: &mut PatternContext, op: Op) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.emit_jump(l, op, pc.fail_pop[pops]);
    }

    fn emit_and_reset_fail_pop(&mut self, l: Loc, pc: &mut PatternContext) {
        if pc.fail_pop.is_empty() {
            return;
        }
        for i in (1..pc.fail_pop.len()).rev() {
            self.use_label(pc.fail_pop[i]);
            self.emit(l, POP_TOP);
        }
        self.use_label(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    /// Moves the top of the stack down `count` places (3.10's ROT_N).
    fn rotate(&mut self, l: Loc, count: usize) {
        for n in (2..=count).rev() {
            self.emit_arg(l, SWAP, n as u32);
        }
    }

    fn store_capture(&mut self, l: Loc, name: Option<&Rc<str>>, span: Span, pc: &mut PatternContext) -> Res {
        let Some(name) = name else {
            self.emit(l, POP_TOP);
            return Ok(());
        };
        if pc.stores.contains(name) {
            return Err(err(format!("multiple assignments to name '{name}' in pattern"), span));
        }
        let rotations = pc.on_top + pc.stores.len() + 1;
        self.rotate(l, rotations);
        pc.stores.push(name.clone());
        Ok(())
    }

    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> Res {
        let allow = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = allow;
        Ok(())
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> Res {
        let l = loc(p.span);
        match &p.kind {
            PatternKind::MatchValue(value) => {
                let literal = matches!(value.kind, ExprKind::Constant(_) | ExprKind::Attribute { .. })
                    || self.const_value(value).is_some();
                if !literal {
                    return Err(err("patterns may only match literals and attribute lookups", p.span));
                }
                self.expr(value)?;
                self.compare_op(l, CmpOp::Eq);
                self.jump_to_fail_pop(l, pc, Op::Real(POP_JUMP_IF_FALSE));
            }
            PatternKind::MatchSingleton(value) => {
                self.load_const(l, super::fold::constant(value));
                self.compare_op(l, CmpOp::Is);
                self.jump_to_fail_pop(l, pc, Op::Real(POP_JUMP_IF_FALSE));
            }
            PatternKind::MatchSequence(patterns) => self.sequence_pattern(p, patterns, pc)?,
            PatternKind::MatchMapping { keys, patterns, rest } => {
                self.mapping_pattern(p, keys, patterns, rest.as_ref(), pc)?
            }
            PatternKind::MatchClass { cls, patterns, kwd_attrs, kwd_patterns } => {
                self.class_pattern(p, cls, patterns, kwd_attrs, kwd_patterns, pc)?
            }
            PatternKind::MatchStar(name) => self.store_capture(l, name.as_ref(), p.span, pc)?,
            PatternKind::MatchAs { pattern, name } => match pattern {
                None => {
                    if !pc.allow_irrefutable {
                        return Err(match name {
                            Some(n) => err(format!("name capture '{n}' makes remaining patterns unreachable"), p.span),
                            None => err("wildcard makes remaining patterns unreachable", p.span),
                        });
                    }
                    self.store_capture(l, name.as_ref(), p.span, pc)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.emit_arg(l, COPY, 1);
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.store_capture(l, name.as_ref(), p.span, pc)?;
                }
            },
            PatternKind::MatchOr(alternatives) => self.or_pattern(p, alternatives, pc)?,
        }
        Ok(())
    }

    fn sequence_pattern(&mut self, p: &'a Pattern, patterns: &'a [Pattern], pc: &mut PatternContext) -> Res {
        let l = loc(p.span);
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, sub) in patterns.iter().enumerate() {
            if let PatternKind::MatchStar(_) = sub.kind {
                if star.is_some() {
                    return Err(err("multiple starred names in sequence pattern", p.span));
                }
                star_wildcard = is_star_wildcard(sub);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(sub);
        }
        pc.on_top += 1;
        self.emit(l, MATCH_SEQUENCE);
        self.jump_to_fail_pop(l, pc, Op::Real(POP_JUMP_IF_FALSE));
        match star {
            None => {
                self.emit(l, GET_LEN);
                self.load_const(l, Constant::Int(BigInt::from(size)));
                self.compare_op(l, CmpOp::Eq);
                self.jump_to_fail_pop(l, pc, Op::Real(POP_JUMP_IF_FALSE));
            }
            Some(_) if size > 1 => {
                self.emit(l, GET_LEN);
                self.load_const(l, Constant::Int(BigInt::from(size - 1)));
                self.compare_op(l, CmpOp::GtE);
                self.jump_to_fail_pop(l, pc, Op::Real(POP_JUMP_IF_FALSE));
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(l, POP_TOP);
        } else if star_wildcard {
            self.sequence_subscr(l, patterns, star.unwrap(), pc)?;
        } else {
            self.sequence_unpack(l, p, patterns, pc)?;
        }
        Ok(())
    }

    fn sequence_unpack(&mut self, l: Loc, p: &'a Pattern, patterns: &'a [Pattern], pc: &mut PatternContext) -> Res {
        let n = patterns.len();
        match patterns.iter().position(|x| matches!(x.kind, PatternKind::MatchStar(_))) {
            Some(i) => {
                if i >= 256 {
                    return Err(err("too many expressions in star-unpacking sequence pattern", p.span));
                }
                self.emit_arg(l, UNPACK_EX, (i + ((n - i - 1) << 8)) as u32);
            }
            None => self.emit_arg(l, UNPACK_SEQUENCE, n as u32),
        }
        pc.on_top += n;
        for sub in patterns {
            pc.on_top -= 1;
            self.subpattern(sub, pc)?;
        }
        Ok(())
    }

    fn sequence_subscr(&mut self, l: Loc, patterns: &'a [Pattern], star: usize, pc: &mut PatternContext) -> Res {
        pc.on_top += 1;
        let size = patterns.len();
        for (i, sub) in patterns.iter().enumerate() {
            if is_wildcard(sub) || i == star {
                continue;
            }
            self.emit_arg(l, COPY, 1);
            if i < star {
                self.load_const(l, Constant::Int(BigInt::from(i)));
            } else {
                self.emit(l, GET_LEN);
                self.load_const(l, Constant::Int(BigInt::from(size - i)));
                self.emit_arg(l, BINARY_OP, Operator::Sub as u32);
            }
            self.emit(l, BINARY_SUBSCR);
            self.subpattern(sub, pc)?;
        }
        pc.on_top -= 1;
        self.emit(l, POP_TOP);
        Ok(())
    }

    fn mapping_pattern(
        &mut self,
        p: &'a Pattern,
        keys: &'a [Expr],
        patterns: &'a [Pattern],
        rest: Option<&Rc<str>>,
        pc: &mut PatternContext,
    ) -> Res {
        let l = loc(p.span);
        let size = keys.len();
        pc.on_top += 1;
        self.emit(l, MATCH_MAPPING);
        self.jump_to_fail_pop(l, pc, Op::Real(POP_JUMP_IF_FALSE));
        if size == 0 && rest.is_none() {
            pc.on_top -= 1;
            self.emit(l, POP_TOP);
            return Ok(());
        }
        if size > 0 {
            self.emit(l, GET_LEN);
            self.load_const(l, Constant::Int(BigInt::from(size)));
            self.compare_op(l, CmpOp::GtE);
            self.jump_to_fail_pop(l, pc, Op::Real(POP_JUMP_IF_FALSE));
        }
        let mut seen: Vec<String> = Vec::new();
        for key in keys {
            if let Some(c) = self.const_value(key) {
                let k = const_key(&c);
                if seen.contains(&k) {
                    let shown = crate::bytecode::dis::constant_repr(&c);
                    return Err(err(format!("mapping pattern checks duplicate key ({shown})"), p.span));
                }
                seen.push(k);
            } else if !matches!(key.kind, ExprKind::Attribute { .. }) {
                return Err(err("mapping pattern keys may only match literals and attribute lookups", p.span));
            }
            self.expr(key)?;
        }
        self.emit_arg(l, BUILD_TUPLE, size as u32);
        self.emit(l, MATCH_KEYS);
        pc.on_top += 2;
        self.emit_arg(l, COPY, 1);
        self.load_const(l, Constant::None);
        self.emit_arg(l, IS_OP, 1);
        self.jump_to_fail_pop(l, pc, Op::Real(POP_JUMP_IF_FALSE));
        self.emit_arg(l, UNPACK_SEQUENCE, size as u32);
        pc.on_top += size;
        pc.on_top -= 1;
        for sub in patterns {
            pc.on_top -= 1;
            self.subpattern(sub, pc)?;
        }
        pc.on_top -= 2;
        match rest {
            Some(name) => {
                self.emit_arg(l, BUILD_MAP, 0);
                self.emit_arg(l, SWAP, 3);
                self.emit_arg(l, DICT_UPDATE, 2);
                self.emit_arg(l, UNPACK_SEQUENCE, size as u32);
                let mut remaining = size;
                while remaining > 0 {
                    self.emit_arg(l, COPY, 1 + remaining as u32);
                    remaining -= 1;
                    self.emit_arg(l, SWAP, 2);
                    self.emit(l, DELETE_SUBSCR);
                }
                self.store_capture(l, Some(name), p.span, pc)?;
            }
            None => {
                self.emit(l, POP_TOP);
                self.emit(l, POP_TOP);
            }
        }
        Ok(())
    }

    fn class_pattern(
        &mut self,
        p: &'a Pattern,
        cls: &'a Expr,
        patterns: &'a [Pattern],
        kwd_attrs: &[Rc<str>],
        kwd_patterns: &'a [Pattern],
        pc: &mut PatternContext,
    ) -> Res {
        let l = loc(p.span);
        let nargs = patterns.len();
        let nattrs = kwd_attrs.len();
        for (i, attr) in kwd_attrs.iter().enumerate() {
            if let Some(j) = kwd_attrs[i + 1..].iter().position(|o| o == attr) {
                let span = kwd_patterns[i + 1 + j].span;
                return Err(err(format!("attribute name repeated in class pattern: {attr}"), span));
            }
        }
        self.expr(cls)?;
        self.load_const(l, super::codegen::names_tuple(&mut kwd_attrs.iter().cloned()));
        self.emit_arg(l, MATCH_CLASS, nargs as u32);
        self.emit_arg(l, COPY, 1);
        self.load_const(l, Constant::None);
        self.emit_arg(l, IS_OP, 1);
        pc.on_top += 1;
        self.jump_to_fail_pop(l, pc, Op::Real(POP_JUMP_IF_FALSE));
        self.emit_arg(l, UNPACK_SEQUENCE, (nargs + nattrs) as u32);
        pc.on_top += nargs + nattrs;
        pc.on_top -= 1;
        for sub in patterns.iter().chain(kwd_patterns) {
            pc.on_top -= 1;
            if is_wildcard(sub) {
                self.emit(l, POP_TOP);
                continue;
            }
            self.subpattern(sub, pc)?;
        }
        Ok(())
    }

    fn or_pattern(&mut self, p: &'a Pattern, alternatives: &'a [Pattern], pc: &mut PatternContext) -> Res {
        let l = loc(p.span);
        let end = self.new_label();
        let size = alternatives.len();
        let old_stores = std::mem::take(&mut pc.stores);
        let old_allow = pc.allow_irrefutable;
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let mut control: Option<Vec<Rc<str>>> = None;
        for (i, alt) in alternatives.iter().enumerate() {
            let al = loc(alt.span);
            pc.stores = Vec::new();
            pc.allow_irrefutable = i == size - 1 && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit_arg(al, COPY, 1);
            self.pattern(alt, pc)?;
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) if ctl.len() != pc.stores.len() => {
                    return Err(err("alternative patterns bind different names", p.span));
                }
                Some(ctl) => {
                    let ctl = ctl.clone();
                    for icontrol in (0..ctl.len()).rev() {
                        let name = &ctl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return Err(err("alternative patterns bind different names", p.span));
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<Rc<str>> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            for (k, r) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, r);
                            }
                            for _ in 0..rotations {
                                self.rotate(al, icontrol + 1);
                            }
                        }
                    }
                }
            }
            self.emit_jump(al, Op::Jump, end);
            self.emit_and_reset_fail_pop(al, pc);
        }
        pc.stores = old_stores;
        pc.allow_irrefutable = old_allow;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        self.emit(l, POP_TOP);
        self.jump_to_fail_pop(l, pc, Op::Jump);
        self.use_label(end);
        let control = control.unwrap_or_default();
        let nrots = control.len() + 1 + pc.on_top + pc.stores.len();
        for name in &control {
            self.rotate(l, nrots);
            if pc.stores.contains(name) {
                return Err(err(format!("multiple assignments to name '{name}' in pattern"), p.span));
            }
            pc.stores.push(name.clone());
        }
        self.emit(l, POP_TOP);
        Ok(())
    }
}
