//! `match` statements and their patterns.
use super::*;

impl<'a> Parser<'a> {
    /// `match` is a soft keyword: a statement only if `match subject:` NEWLINE.
    pub(super) fn looks_like_match(&self) -> bool {
        let next = self.tok_at(1);
        if matches!(next.kind, T::Newline | T::EndMarker) {
            return false;
        }
        if matches!(
                next.word,
                W::Equal | W::Dot | W::Rpar | W::Rsqb | W::Rbrace | W::Comma | W::Colon | W::Semi
            )
            || self.augassign_op_at(1)
        {
            return false;
        }
        // Find a `:` at depth 0 on this logical line followed by NEWLINE.
        let mut depth = 0i32;
        let mut i = self.pos + 1;
        while i < self.toks.len() {
            let t = &self.toks[i];
            match t.kind {
                T::Newline | T::EndMarker => return false,
                T::Op => match t.word {
                    W::Lpar | W::Lsqb | W::Lbrace => depth += 1,
                    W::Rpar | W::Rsqb | W::Rbrace => depth -= 1,
                    W::Colon if depth == 0 => {
                        return self.toks.get(i + 1).is_some_and(|n| n.kind == T::Newline);
                    }
                    _ => {}
                },
                _ => {}
            }
            i += 1;
        }
        false
    }

    pub(super) fn augassign_op_at(&self, n: usize) -> bool {
        let t = self.tok_at(n);
        t.kind == T::Op
            && self.text(t).ends_with('=')
            && !matches!(t.word, W::EqEqual | W::NotEqual | W::LessEqual | W::GreaterEqual)
    }

    pub(super) fn match_stmt(&mut self, start: Pos) -> PResult<Stmt> {
        let line = self.take().start.line;
        let subject = {
            let s = self.start();
            let first = self.star_named_expression()?;
            if self.is(W::Comma) {
                let mut elts = vec![first];
                while self.eat(W::Comma) {
                    if self.is(W::Colon) {
                        break;
                    }
                    elts.push(self.star_named_expression()?);
                }
                Expr {
                    kind: ExprKind::Tuple {
                        elts,
                        ctx: Context::Load,
                    },
                    span: self.span_from(s),
                }
            } else {
                first
            }
        };
        self.header_colon()?;
        if self.kind() != T::Newline {
            return Err(self.invalid_syntax());
        }
        self.advance();
        if self.kind() != T::Indent {
            let span = tok_span(self.tok());
            let mut e = self.indentation_error(
                span,
                &format!(
                    "expected an indented block after 'match' statement on line {}",
                    line
                ),
            );
            e.end_col = -1;
            return Err(e);
        }
        self.advance();
        let mut cases = Vec::new();
        while self.is(W::Case) {
            let cline = self.take().start.line;
            let pattern = self.patterns()?;
            let guard = if self.eat(W::If) {
                Some(self.named_expression()?)
            } else {
                None
            };
            self.header_colon()?;
            let body = self.block("'case' statement", cline)?;
            cases.push(MatchCase {
                pattern,
                guard,
                body,
            });
        }
        if cases.is_empty() || self.kind() != T::Dedent {
            return Err(self.invalid_syntax());
        }
        self.advance();
        Ok(Stmt {
            kind: StmtKind::Match {
                subject: Box::new(subject),
                cases,
            },
            span: self.span_from(start),
        })
    }

    pub(super) fn patterns(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let first = self.as_pattern()?;
        if !self.is(W::Comma) {
            return Ok(first);
        }
        let mut pats = vec![first];
        while self.eat(W::Comma) {
            if self.is(W::Colon) || self.is(W::If) {
                break;
            }
            pats.push(self.as_pattern()?);
        }
        Ok(Pattern {
            kind: PatternKind::MatchSequence(pats),
            span: self.span_from(start),
        })
    }

    pub(super) fn as_pattern(&mut self) -> PResult<Pattern> {
        let start = self.start();
        if self.is(W::Star) {
            self.advance();
            let name = self.expect_name()?;
            let name = if &*name == "_" { None } else { Some(name) };
            return Ok(Pattern {
                kind: PatternKind::MatchStar(name),
                span: self.span_from(start),
            });
        }
        let pat = self.or_pattern()?;
        if self.eat(W::As) {
            let t = *self.tok();
            let name = self.expect_name()?;
            if &*name == "_" {
                return Err(self.error_span(tok_span(&t), "cannot use '_' as a target"));
            }
            return Ok(Pattern {
                kind: PatternKind::MatchAs {
                    pattern: Some(Box::new(pat)),
                    name: Some(name),
                },
                span: self.span_from(start),
            });
        }
        Ok(pat)
    }

    pub(super) fn or_pattern(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let first = self.closed_pattern()?;
        if !self.is(W::Vbar) {
            return Ok(first);
        }
        let mut alts = vec![first];
        while self.eat(W::Vbar) {
            alts.push(self.closed_pattern()?);
        }
        Ok(Pattern {
            kind: PatternKind::MatchOr(alts),
            span: self.span_from(start),
        })
    }

    pub(super) fn closed_pattern(&mut self) -> PResult<Pattern> {
        self.enter()?;
        let r = self.closed_pattern_inner();
        self.leave();
        r
    }

    pub(super) fn closed_pattern_inner(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let mk = |p: &Self, kind| Pattern {
            kind,
            span: p.span_from(start),
        };
        if self.is(W::Lpar) || self.is(W::Lsqb) {
            let close = if self.is(W::Lpar) { W::Rpar } else { W::Rsqb };
            self.advance();
            let mut pats = Vec::new();
            let mut trailing_comma = false;
            while !self.is(close) {
                pats.push(self.as_pattern()?);
                trailing_comma = self.eat(W::Comma);
                if !trailing_comma {
                    break;
                }
            }
            self.expect(close)?;
            if close == W::Rpar && pats.len() == 1 && !trailing_comma {
                let p = pats.pop().unwrap();
                if !matches!(p.kind, PatternKind::MatchStar(_)) {
                    return Ok(p);
                }
                pats.push(p);
            }
            return Ok(mk(self, PatternKind::MatchSequence(pats)));
        }
        if self.is(W::Lbrace) {
            return self.mapping_pattern(start);
        }
        if self.kind() == T::Name {
            match self.word() {
                W::None | W::True | W::False => {
                    let v = match self.take().word {
                        W::None => ConstantValue::None,
                        W::True => ConstantValue::Bool(true),
                        _ => ConstantValue::Bool(false),
                    };
                    return Ok(mk(self, PatternKind::MatchSingleton(v)));
                }
                _ if self.is_name() => {
                    let t = self.take();
                    let id = self.ident(&t);
                    if !self.is(W::Dot) && !self.is(W::Lpar) {
                        let name = if &*id == "_" { None } else { Some(id) };
                        return Ok(mk(
                            self,
                            PatternKind::MatchAs {
                                pattern: None,
                                name,
                            },
                        ));
                    }
                    let mut value = Expr {
                        kind: ExprKind::Name {
                            id,
                            ctx: Context::Load,
                        },
                        span: tok_span(&t),
                    };
                    while self.eat(W::Dot) {
                        let attr = self.expect_name()?;
                        value = Expr {
                            kind: ExprKind::Attribute {
                                value: Box::new(value),
                                attr,
                                ctx: Context::Load,
                            },
                            span: self.span_from(start),
                        };
                    }
                    if self.is(W::Lpar) {
                        return self.class_pattern(start, value);
                    }
                    return Ok(mk(self, PatternKind::MatchValue(value)));
                }
                _ => return Err(self.invalid_syntax()),
            }
        }
        // Literal values: numbers (signed, complex), strings.
        let value = self.literal_pattern_value()?;
        Ok(mk(self, PatternKind::MatchValue(value)))
    }

    pub(super) fn literal_pattern_value(&mut self) -> PResult<Expr> {
        let start = self.start();
        if matches!(self.kind(), T::String | T::FStringStart) {
            return self.strings();
        }
        let neg = self.eat(W::Minus);
        if self.kind() != T::Number {
            return Err(self.invalid_syntax());
        }
        let mut value = self.atom()?;
        if neg {
            value = Expr {
                kind: ExprKind::UnaryOp {
                    op: UnaryOp::USub,
                    operand: Box::new(value),
                },
                span: self.span_from(start),
            };
        }
        if self.is(W::Plus) || self.is(W::Minus) {
            let sign = self.take();
            let op = if sign.word == W::Minus {
                Operator::Sub
            } else {
                Operator::Add
            };
            let right = self.atom()?;
            value = Expr {
                kind: ExprKind::BinOp {
                    left: Box::new(value),
                    op,
                    right: Box::new(right),
                },
                span: self.span_from(start),
            };
        }
        Ok(value)
    }

    pub(super) fn mapping_pattern(&mut self, start: Pos) -> PResult<Pattern> {
        self.advance();
        let mut keys = Vec::new();
        let mut patterns = Vec::new();
        let mut rest = None;
        while !self.is(W::Rbrace) {
            if self.eat(W::DoubleStar) {
                rest = Some(self.expect_name()?);
            } else {
                let key = if self.is_name() {
                    let s = self.start();
                    let t = self.take();
                    let mut v = Expr {
                        kind: ExprKind::Name {
                            id: self.ident(&t),
                            ctx: Context::Load,
                        },
                        span: tok_span(&t),
                    };
                    while self.eat(W::Dot) {
                        let attr = self.expect_name()?;
                        v = Expr {
                            kind: ExprKind::Attribute {
                                value: Box::new(v),
                                attr,
                                ctx: Context::Load,
                            },
                            span: self.span_from(s),
                        };
                    }
                    v
                } else if self.is(W::None) || self.is(W::True) || self.is(W::False) {
                    self.atom()?
                } else {
                    self.literal_pattern_value()?
                };
                self.expect(W::Colon)?;
                keys.push(key);
                patterns.push(self.as_pattern()?);
            }
            if !self.eat(W::Comma) {
                break;
            }
        }
        self.expect(W::Rbrace)?;
        Ok(Pattern {
            kind: PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            },
            span: self.span_from(start),
        })
    }

    pub(super) fn class_pattern(&mut self, start: Pos, cls: Expr) -> PResult<Pattern> {
        self.advance();
        let mut patterns = Vec::new();
        let mut kwd_attrs = Vec::new();
        let mut kwd_patterns = Vec::new();
        while !self.is(W::Rpar) {
            if self.is_name() && self.is_at(1, W::Equal) {
                kwd_attrs.push(self.expect_name()?);
                self.advance();
                kwd_patterns.push(self.as_pattern()?);
            } else {
                let p = self.as_pattern()?;
                if !kwd_attrs.is_empty() {
                    return Err(
                        self.error_span(p.span, "positional patterns follow keyword patterns")
                    );
                }
                patterns.push(p);
            }
            if !self.eat(W::Comma) {
                break;
            }
        }
        self.expect(W::Rpar)?;
        Ok(Pattern {
            kind: PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            },
            span: self.span_from(start),
        })
    }
}
