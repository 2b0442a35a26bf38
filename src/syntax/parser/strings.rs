//! String literals: concatenation, bytes, and PEP 701 f-strings.
use crate::text::substr;
use super::*;

impl<'a> Parser<'a> {
    /// One or more adjacent string literals, concatenated as CPython does.
    pub(super) fn strings(&mut self) -> PResult<Expr> {
        let start = self.start();
        let mut parts: Vec<Expr> = Vec::new();
        let mut any_fstring = false;
        let mut bytes: Option<bool> = None;
        let mut first_tok: Option<Token> = None;
        while matches!(self.kind(), T::String | T::FStringStart) {
            let t = *self.tok();
            if first_tok.is_none() {
                first_tok = Some(t);
            }
            if t.kind == T::FStringStart {
                any_fstring = true;
                if bytes == Some(true) {
                    return Err(
                        self.error_span(tok_span(&t), "cannot mix bytes and nonbytes literals")
                    );
                }
                bytes = Some(false);
                parts.extend(self.fstring()?);
            } else {
                self.advance();
                let (value, is_bytes, warning) = literals::decode_string_literal(self.text(&t))
                    .map_err(|(msg, _)| self.error_span(tok_span(&t), &msg))?;
                if let Some(w) = warning {
                    self.warnings.push((t.start.line, w));
                }
                if bytes.is_some_and(|b| b != is_bytes) {
                    while matches!(self.kind(), T::String | T::FStringStart) {
                        self.advance();
                    }
                    let span = tok_span(self.tok());
                    return Err(self.error_span(span, "cannot mix bytes and nonbytes literals"));
                }
                bytes = Some(is_bytes);
                parts.push(Expr {
                    kind: ExprKind::Constant(value),
                    span: tok_span(&t),
                });
            }
        }
        let span = self.span_from(start);
        if !any_fstring {
            let value = if bytes == Some(true) {
                let mut all = Vec::new();
                for p in parts {
                    if let ExprKind::Constant(ConstantValue::Bytes(b)) = p.kind {
                        all.extend_from_slice(&b);
                    }
                }
                ConstantValue::Bytes(Rc::from(all))
            } else {
                let mut all = String::new();
                for p in parts {
                    if let ExprKind::Constant(ConstantValue::Str(s)) = p.kind {
                        all.push_str(&s);
                    }
                }
                ConstantValue::Str(Rc::from(all))
            };
            return Ok(Expr {
                kind: ExprKind::Constant(value),
                span,
            });
        }
        Ok(Expr {
            kind: ExprKind::JoinedStr(merge_constants(parts)),
            span,
        })
    }

    /// An f-string from FSTRING_START to FSTRING_END: its values, unmerged.
    pub(super) fn fstring(&mut self) -> PResult<Vec<Expr>> {
        let start_tok = self.take();
        let raw = literals::prefix_is_raw(self.text(&start_tok));
        let mut values = Vec::new();
        loop {
            match self.kind() {
                T::FStringEnd => {
                    self.advance();
                    return Ok(values);
                }
                T::FStringMiddle => {
                    let t = self.take();
                    let text = self.fstring_middle(&t, raw)?;
                    values.push(Expr {
                        kind: ExprKind::Constant(ConstantValue::Str(Rc::from(text))),
                        span: tok_span(&t),
                    });
                }
                T::Op if self.is(W::Lbrace) => {
                    self.replacement_field(&mut values, raw)?;
                }
                _ => return Err(self.invalid_syntax()),
            }
        }
    }

    pub(super) fn fstring_middle(&mut self, t: &Token, raw: bool) -> PResult<String> {
        let (text, warning) = literals::decode_fstring_middle(self.text(t), raw)
            .map_err(|(msg, _)| self.error_span(tok_span(t), &msg))?;
        if let Some(w) = warning {
            self.warnings.push((t.start.line, w));
        }
        Ok(text)
    }

    /// `{expr[=][!conv][:spec]}` appended to `values` (a debug `=` adds the
    /// expression text as a constant first).
    pub(super) fn replacement_field(&mut self, values: &mut Vec<Expr>, raw: bool) -> PResult<()> {
        let open = self.take();
        self.enter()?;
        let r = self.replacement_field_inner(values, raw, open);
        self.leave();
        r
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    pub(super) fn replacement_field_inner(
        &mut self,
        values: &mut Vec<Expr>,
        raw: bool,
        open: Token,
    ) -> PResult<()> {
        if self.is(W::Rbrace) || self.is(W::Exclamation) || self.is(W::Colon) || self.is(W::Equal) {
            let span = tok_span(self.tok());
            let what = self.cur_text();
            return Err(self.error_span(
                span,
                &format!("f-string: valid expression required before '{}'", what),
            ));
        }
        if self.is(W::Lambda) {
            let start = tok_span(self.tok());
            let colon = self.toks[self.pos..]
                .iter()
                .find(|t| t.word == W::Colon)
                .map_or(start, tok_span);
            return Err(self.error_span(
                start.to(colon),
                "f-string: lambda expressions are not allowed without parentheses",
            ));
        }
        let value = if self.is(W::Yield) {
            self.yield_expr()?
        } else {
            self.star_expressions()?
        };
        if ![W::Equal, W::Exclamation, W::Colon, W::Rbrace].contains(&self.word()) {
            if self.at_sentinel() {
                return Err(self.invalid_syntax());
            }
            let e = self.missing_comma_or_invalid(&value);
            if e.msg != "invalid syntax" {
                return Err(e);
            }
            let span = tok_span(self.tok());
            return Err(self.error_span(span, "f-string: expecting '=', or '!', or ':', or '}'"));
        }
        let mut debug = None;
        if self.is(W::Equal) {
            self.advance();
            if ![W::Exclamation, W::Colon, W::Rbrace].contains(&self.word()) {
                let span = tok_span(self.tok());
                return Err(self.error_span(span, "f-string: expecting '!', or ':', or '}'"));
            }
            let after = *self.tok();
            let text = substr(&self.src, open.hi..after.lo);
            let span = Span {
                line: open.end.line,
                col: open.end.col,
                end_line: after.start.line,
                end_col: after.start.col,
            };
            debug = Some(Expr {
                kind: ExprKind::Constant(ConstantValue::Str(Rc::from(text))),
                span,
            });
        }
        let mut conversion = -1;
        if self.is(W::Exclamation) {
            let bang = self.take();
            let t = *self.tok();
            if t.kind != T::Name {
                let span = tok_span(&t);
                return Err(self.error_span(span, "f-string: missing conversion character"));
            }
            if t.start != bang.end {
                let span = tok_span(&bang).to(tok_span(&t));
                return Err(self.error_span(
                    span,
                    "f-string: conversion type must come right after the exclamanation mark",
                ));
            }
            self.advance();
            conversion = match self.text(&t) {
                "s" => b's' as i32,
                "r" => b'r' as i32,
                "a" => b'a' as i32,
                other => {
                    let msg = format!(
                        "f-string: invalid conversion character '{}': expected 's', 'r', or 'a'",
                        other
                    );
                    return Err(self.error_span(tok_span(&t), &msg));
                }
            };
            if !self.is(W::Colon) && !self.is(W::Rbrace) {
                let span = tok_span(self.tok());
                return Err(self.error_span(span, "f-string: expecting ':' or '}'"));
            }
        }
        let mut format_spec = None;
        if self.is(W::Colon) {
            let colon = self.take();
            let mut spec = Vec::new();
            loop {
                match self.kind() {
                    T::FStringMiddle => {
                        let t = self.take();
                        // CPython 3.12 decodes escapes in a format spec even
                        // in a raw f-string (`rf'{x:\n}'` has a newline).
                        let text = self.fstring_middle(&t, false)?;
                        spec.push(Expr {
                            kind: ExprKind::Constant(ConstantValue::Str(Rc::from(text))),
                            span: tok_span(&t),
                        });
                    }
                    T::Op if self.is(W::Lbrace) => self.replacement_field(&mut spec, raw)?,
                    _ => break,
                }
            }
            if self.kind() == T::FStringEnd {
                let span = tok_span(self.tok());
                return Err(self.error_span(span, "f-string: expecting '}', or format specs"));
            }
            let end = self.tok().start;
            let span = Span {
                line: colon.start.line,
                col: colon.start.col,
                end_line: end.line,
                end_col: end.col,
            };
            format_spec = Some(Box::new(Expr {
                kind: ExprKind::JoinedStr(spec),
                span,
            }));
        }
        if !self.is(W::Rbrace) {
            if self.at_sentinel() {
                return Err(self.invalid_syntax());
            }
            let span = tok_span(self.tok());
            return Err(self.error_span(span, "f-string: expecting '}'"));
        }
        let close = self.take();
        if debug.is_some() && conversion == -1 && format_spec.is_none() {
            conversion = b'r' as i32;
        }
        if let Some(d) = debug {
            values.push(d);
        }
        let span = Span {
            line: open.start.line,
            col: open.start.col,
            end_line: close.end.line,
            end_col: close.end.col,
        };
        values.push(Expr {
            kind: ExprKind::FormattedValue {
                value: Box::new(value),
                conversion,
                format_spec,
            },
            span,
        });
        Ok(())
    }
}

/// Join adjacent string constants of an f-string concatenation; drop empty ones.
fn merge_constants(parts: Vec<Expr>) -> Vec<Expr> {
    let mut out: Vec<Expr> = Vec::new();
    let mut pending: Option<(String, Span)> = None;
    for p in parts {
        match p.kind {
            ExprKind::Constant(ConstantValue::Str(s)) => {
                pending = Some(match pending {
                    Some((mut text, span)) => {
                        text.push_str(&s);
                        (text, span.to(p.span))
                    }
                    None => (s.to_string(), p.span),
                });
            }
            _ => {
                if let Some((text, span)) = pending.take() {
                    if !text.is_empty() {
                        out.push(Expr {
                            kind: ExprKind::Constant(ConstantValue::Str(Rc::from(text))),
                            span,
                        });
                    }
                }
                out.push(p);
            }
        }
    }
    if let Some((text, span)) = pending {
        if !text.is_empty() {
            out.push(Expr {
                kind: ExprKind::Constant(ConstantValue::Str(Rc::from(text))),
                span,
            });
        }
    }
    out
}
