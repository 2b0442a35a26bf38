//! `from __future__ import ...` at the top of a module (CPython's
//! `Python/future.c`): which features are on, and where the last one is.

use super::CompileError;
use crate::syntax::ast::*;

/// `co_flags` bit of `from __future__ import annotations`.
pub const CO_FUTURE_ANNOTATIONS: u32 = 0x100_0000;
/// `co_flags` bit of `from __future__ import barry_as_FLUFL`.
pub const CO_FUTURE_BARRY_AS_BDFL: u32 = 0x40_0000;

#[derive(Clone, Copy, Debug, Default)]
pub struct Future {
    pub features: u32,
    /// The last future import at the top of the module, if any.
    pub location: Option<Span>,
}

impl Future {
    pub fn annotations(&self) -> bool {
        self.features & CO_FUTURE_ANNOTATIONS != 0
    }

    /// Whether a statement at `span` comes after the module's future imports.
    pub fn is_after(&self, span: Span) -> bool {
        match self.location {
            None => true,
            Some(l) => span.line > l.line || (span.line == l.line && span.col > l.col),
        }
    }
}

fn is_docstring(s: &Stmt) -> bool {
    matches!(&s.kind, StmtKind::Expr(e) if matches!(e.kind, ExprKind::Constant(ConstantValue::Str(_))))
}

pub fn parse(module: &Module) -> Result<Future, Box<CompileError>> {
    let mut future = Future::default();
    let skip = module.body.first().is_some_and(is_docstring) as usize;
    for s in &module.body[skip..] {
        let StmtKind::ImportFrom { module: Some(name), names, .. } = &s.kind else { break };
        if &**name != "__future__" {
            break;
        }
        for alias in names {
            match &*alias.name {
                "nested_scopes" | "generators" | "division" | "absolute_import" | "with_statement"
                | "print_function" | "unicode_literals" | "generator_stop" => {}
                "barry_as_FLUFL" => future.features |= CO_FUTURE_BARRY_AS_BDFL,
                "annotations" => future.features |= CO_FUTURE_ANNOTATIONS,
                "braces" => return Err(CompileError::new("not a chance", s.span)),
                other => {
                    return Err(CompileError::new(format!("future feature {other} is not defined"), s.span))
                }
            }
        }
        future.location = Some(s.span);
    }
    Ok(future)
}
