//! Expressions, from `lambda` and conditionals down to atoms, calls,
//! subscripts, displays and comprehensions.
use super::*;

impl<'a> Parser<'a> {
    pub(super) fn starts_expression(&self) -> bool {
        match self.kind() {
            T::Name => {
                let w = self.word();
                !w.is_keyword() || matches!(w, W::None | W::True | W::False | W::Not | W::Lambda | W::Await)
            }
            T::Number | T::String | T::FStringStart => true,
            T::Op => matches!(
                self.word(),
                W::Lpar | W::Lsqb | W::Lbrace | W::Minus | W::Plus | W::Tilde | W::Ellipsis | W::Star
            ),
            _ => false,
        }
    }

    /// star_expressions: one expression or an unparenthesized tuple.
    pub fn star_expressions(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.star_expression()?;
        if !self.is(W::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(W::Comma) {
            if !self.starts_expression() {
                break;
            }
            elts.push(self.star_expression()?);
        }
        Ok(Expr {
            kind: ExprKind::Tuple {
                elts,
                ctx: Context::Load,
            },
            span: self.span_from(start),
        })
    }

    pub(super) fn star_expression(&mut self) -> PResult<Expr> {
        if self.is(W::Star) {
            let start = self.start();
            self.advance();
            let value = self.bitwise_or()?;
            return Ok(Expr {
                kind: ExprKind::Starred {
                    value: Box::new(value),
                    ctx: Context::Load,
                },
                span: self.span_from(start),
            });
        }
        self.expression()
    }

    pub(super) fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.is(W::Star) {
            let start = self.start();
            self.advance();
            let value = self.bitwise_or()?;
            return Ok(Expr {
                kind: ExprKind::Starred {
                    value: Box::new(value),
                    ctx: Context::Load,
                },
                span: self.span_from(start),
            });
        }
        self.named_expression()
    }

    pub fn named_expression(&mut self) -> PResult<Expr> {
        if self.is_name() && self.is_at(1, W::ColonEqual) {
            let start = self.start();
            let t = self.take();
            self.advance();
            let target = Expr {
                kind: ExprKind::Name {
                    id: self.ident(&t),
                    ctx: Context::Store,
                },
                span: tok_span(&t),
            };
            let value = self.expression()?;
            return Ok(Expr {
                kind: ExprKind::NamedExpr {
                    target: Box::new(target),
                    value: Box::new(value),
                },
                span: self.span_from(start),
            });
        }
        let e = self.expression()?;
        if self.is(W::ColonEqual) {
            let msg = format!("cannot use assignment expressions with {}", expr_name(&e));
            return Err(self.error_span(e.span, &msg));
        }
        Ok(e)
    }

    pub fn expression(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.expression_inner();
        self.leave();
        r
    }

    pub(super) fn expression_inner(&mut self) -> PResult<Expr> {
        if self.is(W::Lambda) {
            return self.lambda();
        }
        let start = self.start();
        let body = self.disjunction()?;
        if !self.is(W::If) {
            return Ok(body);
        }
        // `x if` without `else` is a genexp/comprehension condition only
        // inside those; here it must be a conditional expression.
        self.advance();
        let test = self.disjunction()?;
        if self.is(W::Colon) {
            // invalid_expression's `!('else'|':')`: generic at the `:`.
            return Err(self.invalid_syntax());
        }
        if !self.is(W::Else) {
            let span = body.span.to(test.span);
            return Err(self.error_span(span, "expected 'else' after 'if' expression"));
        }
        self.advance();
        let orelse = self.expression()?;
        Ok(Expr {
            kind: ExprKind::IfExp {
                test: Box::new(test),
                body: Box::new(body),
                orelse: Box::new(orelse),
            },
            span: self.span_from(start),
        })
    }

    pub(super) fn lambda(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.advance();
        let args = self.parameters(W::Colon)?;
        self.expect(W::Colon)?;
        // CPython's lambdef rule nests one level more than the body's.
        self.enter()?;
        let body = self.expression();
        self.leave();
        let body = body?;
        Ok(Expr {
            kind: ExprKind::Lambda {
                args: Box::new(args),
                body: Box::new(body),
            },
            span: self.span_from(start),
        })
    }

    pub(super) fn disjunction(&mut self) -> PResult<Expr> {
        self.bool_op(W::Or)
    }

    pub(super) fn bool_op(&mut self, kw: W) -> PResult<Expr> {
        let start = self.start();
        let first = if kw == W::Or {
            self.bool_op(W::And)?
        } else {
            self.inversion()?
        };
        if !self.is(kw) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat(kw) {
            values.push(if kw == W::Or {
                self.bool_op(W::And)?
            } else {
                self.inversion()?
            });
        }
        let op = if kw == W::Or { BoolOp::Or } else { BoolOp::And };
        Ok(Expr {
            kind: ExprKind::BoolOp { op, values },
            span: self.span_from(start),
        })
    }

    pub(super) fn inversion(&mut self) -> PResult<Expr> {
        if self.is(W::Not) {
            let start = self.start();
            self.advance();
            self.enter()?;
            let operand = self.inversion();
            self.leave();
            let operand = operand?;
            return Ok(Expr {
                kind: ExprKind::UnaryOp {
                    op: UnaryOp::Not,
                    operand: Box::new(operand),
                },
                span: self.span_from(start),
            });
        }
        self.comparison()
    }

    pub(super) fn comparison(&mut self) -> PResult<Expr> {
        let start = self.start();
        let left = self.bitwise_or()?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        while let Some(op) = self.comparison_op() {
            ops.push(op);
            comparators.push(self.bitwise_or()?);
        }
        if ops.is_empty() {
            return Ok(left);
        }
        Ok(Expr {
            kind: ExprKind::Compare {
                left: Box::new(left),
                ops,
                comparators,
            },
            span: self.span_from(start),
        })
    }

    /// Consume a comparison operator if one is next.
    pub(super) fn comparison_op(&mut self) -> Option<CmpOp> {
        let op = match self.word() {
            W::EqEqual => CmpOp::Eq,
            W::NotEqual => CmpOp::NotEq,
            W::Less => CmpOp::Lt,
            W::LessEqual => CmpOp::LtE,
            W::Greater => CmpOp::Gt,
            W::GreaterEqual => CmpOp::GtE,
            W::In => CmpOp::In,
            W::Not if self.is_at(1, W::In) => {
                self.advance();
                CmpOp::NotIn
            }
            W::Is => {
                if self.is_at(1, W::Not) {
                    self.advance();
                    CmpOp::IsNot
                } else {
                    CmpOp::Is
                }
            }
            _ => return None,
        };
        self.advance();
        Some(op)
    }

    pub fn bitwise_or(&mut self) -> PResult<Expr> {
        self.binary(0)
    }

    /// Precedence climbing over CPython's binary operator levels.
    pub(super) fn binary(&mut self, min_prec: u8) -> PResult<Expr> {
        let start = self.start();
        let mut left = self.factor()?;
        let mut outer = None;
        while let Some((op, prec)) = self.binary_op() {
            if prec < min_prec {
                break;
            }
            if outer.is_none() {
                outer = Some(self.start_chain(&left)?);
            }
            self.chain_link()?;
            self.advance();
            let right = self.binary(prec + 1)?;
            left = Expr {
                kind: ExprKind::BinOp {
                    left: Box::new(left),
                    op,
                    right: Box::new(right),
                },
                span: self.span_from(start),
            };
        }
        if let Some(tree) = outer {
            self.tree = tree;
        }
        Ok(left)
    }

    pub(super) fn binary_op(&self) -> Option<(Operator, u8)> {
        Some(match self.word() {
            W::Vbar => (Operator::BitOr, 0),
            W::Circumflex => (Operator::BitXor, 1),
            W::Amper => (Operator::BitAnd, 2),
            W::LeftShift => (Operator::LShift, 3),
            W::RightShift => (Operator::RShift, 3),
            W::Plus => (Operator::Add, 4),
            W::Minus => (Operator::Sub, 4),
            W::Star => (Operator::Mult, 5),
            W::Slash => (Operator::Div, 5),
            W::DoubleSlash => (Operator::FloorDiv, 5),
            W::Percent => (Operator::Mod, 5),
            W::At => (Operator::MatMult, 5),
            _ => return None,
        })
    }

    pub(super) fn factor(&mut self) -> PResult<Expr> {
        let op = match self.word() {
            W::Minus => UnaryOp::USub,
            W::Plus => UnaryOp::UAdd,
            W::Tilde => UnaryOp::Invert,
            _ => return self.power(),
        };
        let start = self.start();
        self.advance();
        self.enter()?;
        let operand = self.factor();
        self.leave();
        let operand = operand?;
        Ok(Expr {
            kind: ExprKind::UnaryOp {
                op,
                operand: Box::new(operand),
            },
            span: self.span_from(start),
        })
    }

    pub(super) fn power(&mut self) -> PResult<Expr> {
        let start = self.start();
        let base = if self.is(W::Await) {
            self.advance();
            let value = self.primary()?;
            Expr {
                kind: ExprKind::Await(Box::new(value)),
                span: self.span_from(start),
            }
        } else {
            self.primary()?
        };
        if !self.eat(W::DoubleStar) {
            return Ok(base);
        }
        self.enter_levels(2)?;
        let exponent = self.factor();
        self.leave_levels(2);
        let exponent = exponent?;
        Ok(Expr {
            kind: ExprKind::BinOp {
                left: Box::new(base),
                op: Operator::Pow,
                right: Box::new(exponent),
            },
            span: self.span_from(start),
        })
    }

    pub(super) fn primary(&mut self) -> PResult<Expr> {
        let start = self.start();
        let mut e = self.atom()?;
        let mut outer = None;
        loop {
            if matches!(self.word(), W::Dot | W::Lpar | W::Lsqb) {
                if outer.is_none() {
                    outer = Some(self.start_chain(&e)?);
                }
                self.chain_link()?;
            }
            if self.is(W::Dot) {
                self.advance();
                let attr = self.expect_name()?;
                e = Expr {
                    kind: ExprKind::Attribute {
                        value: Box::new(e),
                        attr,
                        ctx: Context::Load,
                    },
                    span: self.span_from(start),
                };
            } else if self.is(W::Lpar) {
                e = self.call(start, e)?;
            } else if self.is(W::Lsqb) {
                self.advance();
                let slice = self.slices()?;
                self.expect(W::Rsqb)?;
                e = Expr {
                    kind: ExprKind::Subscript {
                        value: Box::new(e),
                        slice: Box::new(slice),
                        ctx: Context::Load,
                    },
                    span: self.span_from(start),
                };
            } else {
                if let Some(tree) = outer {
                    self.tree = tree;
                }
                return Ok(e);
            }
        }
    }

    pub(super) fn call(&mut self, start: Pos, func: Expr) -> PResult<Expr> {
        let open = self.take();
        // A lone generator expression argument: `f(x for x in y)`.
        self.enter()?;
        let r = self.call_arguments();
        self.leave();
        let (mut args, keywords) = r?;
        let close = self.expect(W::Rpar)?;
        if args.len() == 1 && keywords.is_empty() {
            if let ExprKind::GeneratorExp { .. } = args[0].kind {
                if args[0].span.col == u32::MAX {
                    args[0].span = Span {
                        line: open.start.line,
                        col: open.start.col,
                        end_line: close.end.line,
                        end_col: close.end.col,
                    };
                }
            }
        }
        Ok(Expr {
            kind: ExprKind::Call {
                func: Box::new(func),
                args,
                keywords,
            },
            span: self.span_from(start),
        })
    }

    /// Call arguments up to `)`: positional, `*args`, `name=value`, `**kw`.
    pub(super) fn call_arguments(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let mut args = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        let mut count = 0;
        while !self.is(W::Rpar) {
            count += 1;
            let start = self.start();
            if self.is(W::Star) {
                let e = self.star_expression()?;
                if keywords.iter().any(|k| k.arg.is_none()) {
                    // pegen places it from the comma before `*` to the end.
                    let comma = tok_span(&self.toks[self.pos.saturating_sub(1)]);
                    let comma = self.toks[..self.pos]
                        .iter()
                        .rev()
                        .find(|t| {
                            t.word == W::Comma
                                && t.start.line <= start.line
                                && (t.start.line < start.line || t.start.col < start.col)
                        })
                        .map_or(comma, tok_span);
                    return Err(self.error_span(
                        comma.to(e.span),
                        "iterable argument unpacking follows keyword argument unpacking",
                    ));
                }
                args.push(e);
            } else if self.is(W::DoubleStar) {
                self.advance();
                let value = self.expression()?;
                keywords.push(Keyword {
                    arg: None,
                    value,
                    span: self.span_from(start),
                });
            } else if self.kind() == T::Name && self.is_at(1, W::Equal) {
                let t = self.take();
                let name_text = self.text(&t);
                if t.word.is_keyword() && !matches!(t.word, W::True | W::False | W::None) {
                    self.pos -= 1;
                    return Err(self.invalid_syntax());
                }
                if t.word.is_keyword() {
                    let eq = *self.tok();
                    let msg = match name_text {
                        "True" | "False" | "None" => format!("cannot assign to {}", name_text),
                        _ => "expression cannot contain assignment, perhaps you meant \"==\"?"
                            .to_string(),
                    };
                    let span = if matches!(name_text, "True" | "False" | "None") {
                        tok_span(&t)
                    } else {
                        tok_span(&t).to(tok_span(&eq))
                    };
                    return Err(self.error_span(span, &msg));
                }
                let eq = self.take();
                if self.is(W::Rpar) || self.is(W::Comma) {
                    let span = tok_span(&t).to(tok_span(&eq));
                    return Err(self.error_span(span, "expected argument value expression"));
                }
                let value = self.expression()?;
                if !self.is(W::Comma) && !self.is(W::Rpar) {
                    return Err(self.missing_comma_or_invalid(&value));
                }
                keywords.push(Keyword {
                    arg: Some(self.ident(&t)),
                    value,
                    span: self.span_from(start),
                });
            } else {
                let e = self.named_expression()?;
                if self.at_comprehension() {
                    let generators = self.comprehension_clauses()?;
                    let mut g = Expr {
                        kind: ExprKind::GeneratorExp {
                            elt: Box::new(e),
                            generators,
                        },
                        span: self.span_from(start),
                    };
                    if count == 1 && self.is(W::Rpar) {
                        g.span.col = u32::MAX; // the call's parentheses become the genexp's
                    } else {
                        let span = g.span;
                        return Err(
                            self.error_span(span, "Generator expression must be parenthesized")
                        );
                    }
                    args.push(g);
                    continue;
                }
                if self.is(W::Equal) {
                    let eq = *self.tok();
                    return Err(self.error_span(
                        e.span.to(tok_span(&eq)),
                        "expression cannot contain assignment, perhaps you meant \"==\"?",
                    ));
                }
                if !keywords.is_empty() {
                    let msg = if keywords.iter().any(|k| k.arg.is_none()) {
                        "positional argument follows keyword argument unpacking"
                    } else {
                        "positional argument follows keyword argument"
                    };
                    let span = tok_span(self.tok());
                    return Err(self.error_span(span, msg));
                }
                if !self.is(W::Comma) && !self.is(W::Rpar) {
                    return Err(self.missing_comma_or_invalid(&e));
                }
                args.push(e);
            }
            if !self.eat(W::Comma) {
                break;
            }
        }
        Ok((args, keywords))
    }

    /// The contents of `[...]` in a subscript: a slice, an expression, or a tuple of them.
    pub(super) fn slices(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.slice()?;
        self.check_slice_end(&first)?;
        if !self.is(W::Comma) {
            if let ExprKind::Starred { .. } = first.kind {
                // `a[*b]` is a one-element tuple.
                return Ok(Expr {
                    kind: ExprKind::Tuple {
                        elts: vec![first],
                        ctx: Context::Load,
                    },
                    span: self.span_from(start),
                });
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(W::Comma) {
            if self.is(W::Rsqb) {
                break;
            }
            let e = self.slice()?;
            self.check_slice_end(&e)?;
            elts.push(e);
        }
        Ok(Expr {
            kind: ExprKind::Tuple {
                elts,
                ctx: Context::Load,
            },
            span: self.span_from(start),
        })
    }

    /// After a subscript element only `,` or `]` may follow; two
    /// expressions in a row get the missing-comma diagnosis (for a slice,
    /// against its last bound).
    pub(super) fn check_slice_end(&mut self, e: &Expr) -> PResult<()> {
        if self.is(W::Comma) || self.is(W::Rsqb) {
            return Ok(());
        }
        let last = match &e.kind {
            ExprKind::Slice { lower, upper, step } => {
                step.as_deref().or(upper.as_deref()).or(lower.as_deref())
            }
            _ => Some(e),
        };
        match last {
            Some(last) => Err(self.missing_comma_or_invalid(last)),
            None => Err(self.invalid_syntax()),
        }
    }

    pub(super) fn slice(&mut self) -> PResult<Expr> {
        let start = self.start();
        if self.is(W::Star) {
            return self.star_expression();
        }
        let lower = if self.is(W::Colon) {
            None
        } else {
            Some(self.named_expression()?)
        };
        if !self.is(W::Colon) {
            return Ok(lower.unwrap());
        }
        self.advance();
        let upper = if self.is(W::Colon) || self.is(W::Rsqb) || self.is(W::Comma) {
            None
        } else {
            Some(Box::new(self.expression()?))
        };
        let step = if self.eat(W::Colon) {
            if self.is(W::Rsqb) || self.is(W::Comma) {
                None
            } else {
                Some(Box::new(self.expression()?))
            }
        } else {
            None
        };
        Ok(Expr {
            kind: ExprKind::Slice {
                lower: lower.map(Box::new),
                upper,
                step,
            },
            span: self.span_from(start),
        })
    }

    pub(super) fn atom(&mut self) -> PResult<Expr> {
        let start = self.start();
        let t = *self.tok();
        match t.kind {
            T::Name => {
                let value = match t.word {
                    W::None => Some(ConstantValue::None),
                    W::True => Some(ConstantValue::Bool(true)),
                    W::False => Some(ConstantValue::Bool(false)),
                    _ => None,
                };
                if let Some(value) = value {
                    self.advance();
                    return Ok(Expr {
                        kind: ExprKind::Constant(value),
                        span: tok_span(&t),
                    });
                }
                if t.word.is_keyword() {
                    return Err(self.invalid_syntax());
                }
                self.advance();
                Ok(Expr {
                    kind: ExprKind::Name {
                        id: self.ident(&t),
                        ctx: Context::Load,
                    },
                    span: tok_span(&t),
                })
            }
            T::Number => {
                self.advance();
                let value = literals::parse_number(self.text(&t));
                Ok(Expr {
                    kind: ExprKind::Constant(value),
                    span: tok_span(&t),
                })
            }
            T::String | T::FStringStart => self.strings(),
            T::Op => match t.word {
                W::Lpar => self.paren(start),
                W::Lsqb => self.list(start),
                W::Lbrace => self.dict_or_set(start),
                W::Ellipsis => {
                    self.advance();
                    Ok(Expr {
                        kind: ExprKind::Constant(ConstantValue::Ellipsis),
                        span: tok_span(&t),
                    })
                }
                _ => Err(self.invalid_syntax()),
            },
            _ => Err(self.invalid_syntax()),
        }
    }

    pub(super) fn paren(&mut self, start: Pos) -> PResult<Expr> {
        self.advance();
        self.enter()?;
        let r = self.paren_inner(start);
        self.leave();
        r
    }

    pub(super) fn paren_inner(&mut self, start: Pos) -> PResult<Expr> {
        if self.eat(W::Rpar) {
            return Ok(Expr {
                kind: ExprKind::Tuple {
                    elts: Vec::new(),
                    ctx: Context::Load,
                },
                span: self.span_from(start),
            });
        }
        if self.is(W::Yield) {
            let e = self.yield_expr()?;
            self.expect(W::Rpar)?;
            return Ok(e);
        }
        let first = self.star_named_expression()?;
        if self.at_comprehension() {
            self.check_comprehension_element(std::slice::from_ref(&first))?;
            let generators = self.comprehension_clauses()?;
            self.expect(W::Rpar)?;
            return Ok(Expr {
                kind: ExprKind::GeneratorExp {
                    elt: Box::new(first),
                    generators,
                },
                span: self.span_from(start),
            });
        }
        if self.eat(W::Rpar) {
            if let ExprKind::Starred { .. } = first.kind {
                return Err(self.error_span(first.span, "cannot use starred expression here"));
            }
            return Ok(first);
        }
        if !self.is(W::Comma) {
            if self.is(W::Equal) {
                return Err(self.misplaced_assignment(first)?);
            }
            return Err(self.missing_comma_or_invalid(&first));
        }
        let mut elts = vec![first];
        while self.eat(W::Comma) {
            if self.is(W::Rpar) {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        if self.at_comprehension() {
            self.check_comprehension_element(&elts)?;
        }
        if !self.is(W::Rpar) {
            let last = elts.last().unwrap();
            return Err(self.missing_comma_or_invalid(last));
        }
        self.advance();
        Ok(Expr {
            kind: ExprKind::Tuple {
                elts,
                ctx: Context::Load,
            },
            span: self.span_from(start),
        })
    }

    /// invalid_expression: two expressions in a row inside brackets —
    /// "Perhaps you forgot a comma?" — else the generic error. Its guard
    /// `!(NAME STRING | SOFT_KEYWORD)` matches, in CPython 3.12, any name
    /// that is a prefix of a soft keyword (`m`, `ca`, `typ`, `_`): pegen
    /// compares only the name's length of the keyword.
    pub(super) fn missing_comma_or_invalid(&mut self, prev: &Expr) -> Box<SyntaxError> {
        if self.starts_with_soft_keyword_prefix(prev) {
            return self.invalid_syntax();
        }
        if self.starts_expression()
            && !self.is(W::Star)
            && !self.is(W::Not)
            && !self.is(W::Minus)
            && !self.is(W::Plus)
            && !self.is(W::Tilde)
        {
            let generic = self.invalid_syntax();
            let save = (self.pos, self.last_end);
            let next = self.expression();
            self.pos = save.0;
            self.last_end = save.1;
            if let Ok(next) = next {
                let legacy = matches!(&prev.kind, ExprKind::Name { id, .. } if matches!(&**id, "print" | "exec"));
                let name_string = matches!(prev.kind, ExprKind::Name { .. })
                    && matches!(
                        next.kind,
                        ExprKind::Constant(ConstantValue::Str(_)) | ExprKind::JoinedStr(_)
                    );
                let disjunction = !matches!(
                    prev.kind,
                    ExprKind::IfExp { .. }
                        | ExprKind::Lambda { .. }
                        | ExprKind::NamedExpr { .. }
                        | ExprKind::Starred { .. }
                        | ExprKind::Yield(_)
                        | ExprKind::YieldFrom(_)
                );
                if !legacy && !name_string && disjunction {
                    return self.error_span(
                        prev.span.to(next.span),
                        "invalid syntax. Perhaps you forgot a comma?",
                    );
                }
            }
            return generic;
        }
        self.invalid_syntax()
    }

    /// At `for` or `async for`: comprehension clauses follow.
    pub(super) fn at_comprehension(&self) -> bool {
        self.is(W::For) || self.is(W::Async) && self.is_at(1, W::For)
    }

    /// invalid_comprehension: a display's elements before `for` must be
    /// one non-starred expression.
    pub(super) fn check_comprehension_element(&self, elts: &[Expr]) -> PResult<()> {
        if let [first, .., last] = elts {
            let msg = "did you forget parentheses around the comprehension target?";
            return Err(self.error_span(first.span.to(last.span), msg));
        }
        if let Some(
            e @ Expr {
                kind: ExprKind::Starred { .. },
                ..
            },
        ) = elts.first()
        {
            let msg = "iterable unpacking cannot be used in comprehension";
            return Err(self.error_span(e.span, msg));
        }
        Ok(())
    }

    /// Whether the first token of `e` is a NAME that is a prefix of a soft
    /// keyword (see `missing_comma_or_invalid`).
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    pub(super) fn starts_with_soft_keyword_prefix(&self, e: &Expr) -> bool {
        let at = (e.span.line, e.span.col);
        let Ok(i) = self
            .toks
            .binary_search_by(|t| (t.start.line, t.start.col).cmp(&at))
        else {
            return false;
        };
        let name = self.text(&self.toks[i]);
        self.toks[i].kind == T::Name
            && !name.is_empty()
            && ["match", "case", "type", "_"]
                .iter()
                .any(|kw| kw.starts_with(name))
    }

    pub(super) fn list(&mut self, start: Pos) -> PResult<Expr> {
        self.advance();
        self.enter()?;
        let r = self.list_inner(start);
        self.leave();
        r
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    pub(super) fn list_inner(&mut self, start: Pos) -> PResult<Expr> {
        let mut elts = Vec::new();
        while !self.is(W::Rsqb) {
            let e = self.star_named_expression()?;
            if self.at_comprehension() {
                elts.push(e);
                self.check_comprehension_element(&elts)?;
                let e = elts.pop().unwrap();
                let generators = self.comprehension_clauses()?;
                self.expect(W::Rsqb)?;
                return Ok(Expr {
                    kind: ExprKind::ListComp {
                        elt: Box::new(e),
                        generators,
                    },
                    span: self.span_from(start),
                });
            }
            if self.is(W::Equal) {
                return Err(self.misplaced_assignment(e)?);
            }
            elts.push(e);
            if !self.eat(W::Comma) {
                if !self.is(W::Rsqb) {
                    return Err(self.missing_comma_or_invalid(elts.last().unwrap()));
                }
                break;
            }
        }
        self.advance();
        Ok(Expr {
            kind: ExprKind::List {
                elts,
                ctx: Context::Load,
            },
            span: self.span_from(start),
        })
    }

    pub(super) fn dict_or_set(&mut self, start: Pos) -> PResult<Expr> {
        self.advance();
        self.enter()?;
        let r = self.dict_or_set_inner(start);
        self.leave();
        r
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    pub(super) fn dict_or_set_inner(&mut self, start: Pos) -> PResult<Expr> {
        if self.eat(W::Rbrace) {
            return Ok(Expr {
                kind: ExprKind::Dict {
                    keys: Vec::new(),
                    values: Vec::new(),
                },
                span: self.span_from(start),
            });
        }
        // Dict: `key: value` or `**mapping` first.
        if self.is(W::DoubleStar) {
            return self.dict_rest(start, Vec::new(), Vec::new());
        }
        let first = self.star_named_expression()?;
        if self.is(W::Colon) {
            let colon = self.take();
            if self.is(W::Rbrace) || self.is(W::Comma) {
                return Err(self.error_span(
                    tok_span(&colon),
                    "expression expected after dictionary key and ':'",
                ));
            }
            let value = self.expression()?;
            if self.at_comprehension() {
                let generators = self.comprehension_clauses()?;
                self.expect(W::Rbrace)?;
                return Ok(Expr {
                    kind: ExprKind::DictComp {
                        key: Box::new(first),
                        value: Box::new(value),
                        generators,
                    },
                    span: self.span_from(start),
                });
            }
            let keys = vec![Some(first)];
            let values = vec![value];
            if !self.eat(W::Comma) {
                if !self.is(W::Rbrace) {
                    return Err(self.missing_comma_or_invalid(&values[0]));
                }
                self.expect(W::Rbrace)?;
                return Ok(Expr {
                    kind: ExprKind::Dict { keys, values },
                    span: self.span_from(start),
                });
            }
            return self.dict_rest(start, keys, values);
        }
        if self.at_comprehension() {
            self.check_comprehension_element(std::slice::from_ref(&first))?;
            let generators = self.comprehension_clauses()?;
            self.expect(W::Rbrace)?;
            return Ok(Expr {
                kind: ExprKind::SetComp {
                    elt: Box::new(first),
                    generators,
                },
                span: self.span_from(start),
            });
        }
        let mut elts = vec![first];
        while self.eat(W::Comma) {
            if self.is(W::Rbrace) {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        if self.at_comprehension() {
            self.check_comprehension_element(&elts)?;
        }
        if !self.is(W::Rbrace) {
            return Err(self.missing_comma_or_invalid(elts.last().unwrap()));
        }
        self.advance();
        Ok(Expr {
            kind: ExprKind::Set(elts),
            span: self.span_from(start),
        })
    }

    pub(super) fn dict_rest(
        &mut self,
        start: Pos,
        mut keys: Vec<Option<Expr>>,
        mut values: Vec<Expr>,
    ) -> PResult<Expr> {
        while !self.is(W::Rbrace) {
            if self.eat(W::DoubleStar) {
                keys.push(None);
                values.push(self.bitwise_or()?);
            } else {
                let key = self.expression()?;
                if !self.is(W::Colon) {
                    let mut e = self.error_span(key.span, "':' expected after dictionary key");
                    e.line = key.span.end_line;
                    e.col = e.end_col - 1;
                    e.end_col = 0;
                    return Err(e);
                }
                let colon = self.expect(W::Colon)?;
                if self.is(W::Rbrace) || self.is(W::Comma) {
                    return Err(self.error_span(
                        tok_span(&colon),
                        "expression expected after dictionary key and ':'",
                    ));
                }
                keys.push(Some(key));
                values.push(self.expression()?);
            }
            if !self.eat(W::Comma) {
                if !self.is(W::Rbrace) {
                    return Err(self.missing_comma_or_invalid(values.last().unwrap()));
                }
                break;
            }
        }
        self.expect(W::Rbrace)?;
        Ok(Expr {
            kind: ExprKind::Dict { keys, values },
            span: self.span_from(start),
        })
    }

    pub(super) fn comprehension_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut generators = Vec::new();
        loop {
            let is_async = if self.is(W::Async) && self.is_at(1, W::For) {
                self.advance();
                true
            } else {
                false
            };
            if !self.eat(W::For) {
                break;
            }
            let target = self.for_target()?;
            if !self.is(W::In) {
                return Err(self.missing_comma_or_invalid(&target));
            }
            self.advance();
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat(W::If) {
                ifs.push(self.disjunction()?);
            }
            generators.push(Comprehension {
                target,
                iter,
                ifs,
                is_async,
            });
        }
        Ok(generators)
    }

    pub(super) fn yield_expr(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.advance();
        if self.eat(W::From) {
            let value = self.expression()?;
            return Ok(Expr {
                kind: ExprKind::YieldFrom(Box::new(value)),
                span: self.span_from(start),
            });
        }
        let value = if self.starts_expression() {
            Some(Box::new(self.star_expressions()?))
        } else {
            None
        };
        Ok(Expr {
            kind: ExprKind::Yield(value),
            span: self.span_from(start),
        })
    }
}
