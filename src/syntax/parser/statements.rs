//! Statements: simple statements (assignments and their target checks,
//! imports, ...) and compound statements with their blocks.
use super::*;

impl<'a> Parser<'a> {
    pub(super) fn simple_statement(&mut self) -> PResult<Stmt> {
        let start = self.start();
        if self.kind() == T::Name {
            let kind = match self.word() {
                W::Pass => Some(StmtKind::Pass),
                W::Break => Some(StmtKind::Break),
                W::Continue => Some(StmtKind::Continue),
                _ => None,
            };
            if let Some(kind) = kind {
                self.advance();
                return Ok(Stmt {
                    kind,
                    span: self.span_from(start),
                });
            }
            let kind = match self.word() {
                W::Return => Some(self.return_stmt()?),
                W::Raise => Some(self.raise_stmt()?),
                W::Global | W::Nonlocal => Some(self.global_stmt()?),
                W::Del => Some(self.del_stmt()?),
                W::Assert => Some(self.assert_stmt()?),
                W::Import => Some(self.import_stmt()?),
                W::From => Some(self.import_from_stmt()?),
                W::Type
                    if self.tok_at(1).kind == T::Name
                        && (self.is_at(2, W::Equal) || self.is_at(2, W::Lsqb)) =>
                {
                    Some(self.type_alias()?)
                }
                _ => None,
            };
            if let Some(kind) = kind {
                return Ok(Stmt {
                    kind,
                    span: self.span_from(start),
                });
            }
        }
        self.expression_statement(start)
    }

    pub(super) fn return_stmt(&mut self) -> PResult<StmtKind> {
        self.advance();
        let value = if self.at_simple_stmt_end() {
            None
        } else {
            Some(Box::new(self.star_expressions()?))
        };
        Ok(StmtKind::Return(value))
    }

    pub(super) fn at_simple_stmt_end(&self) -> bool {
        self.kind() == T::Newline || self.is(W::Semi) || self.kind() == T::EndMarker
    }

    pub(super) fn raise_stmt(&mut self) -> PResult<StmtKind> {
        self.advance();
        if self.at_simple_stmt_end() {
            return Ok(StmtKind::Raise {
                exc: None,
                cause: None,
            });
        }
        let exc = Box::new(self.expression()?);
        let cause = if self.eat(W::From) {
            Some(Box::new(self.expression()?))
        } else {
            None
        };
        Ok(StmtKind::Raise {
            exc: Some(exc),
            cause,
        })
    }

    pub(super) fn global_stmt(&mut self) -> PResult<StmtKind> {
        let is_global = self.take().word == W::Global;
        let mut names = vec![self.expect_name()?];
        while self.eat(W::Comma) {
            names.push(self.expect_name()?);
        }
        Ok(if is_global {
            StmtKind::Global(names)
        } else {
            StmtKind::Nonlocal(names)
        })
    }

    pub(super) fn del_stmt(&mut self) -> PResult<StmtKind> {
        self.advance();
        let mut targets = Vec::new();
        loop {
            targets.push(self.star_expression()?);
            if !self.eat(W::Comma) || self.at_simple_stmt_end() {
                break;
            }
        }
        for t in &mut targets {
            if let Some(bad) = invalid_target(t, TargetKind::Del) {
                let msg = format!("cannot delete {}", expr_name(bad));
                return Err(self.error_span(bad.span, &msg));
            }
            set_context(t, Context::Del);
        }
        if !self.at_simple_stmt_end() {
            return Err(self.invalid_syntax());
        }
        Ok(StmtKind::Delete(targets))
    }

    pub(super) fn assert_stmt(&mut self) -> PResult<StmtKind> {
        self.advance();
        let test = Box::new(self.expression()?);
        let msg = if self.eat(W::Comma) {
            Some(Box::new(self.expression()?))
        } else {
            None
        };
        Ok(StmtKind::Assert { test, msg })
    }

    pub(super) fn import_stmt(&mut self) -> PResult<StmtKind> {
        self.advance();
        let mut names = Vec::new();
        loop {
            let start = self.start();
            let name = self.dotted_name()?;
            let asname = if self.eat(W::As) {
                Some(self.expect_name()?)
            } else {
                None
            };
            names.push(Alias {
                name,
                asname,
                span: self.span_from(start),
            });
            if !self.eat(W::Comma) {
                break;
            }
        }
        Ok(StmtKind::Import(names))
    }

    pub(super) fn dotted_name(&mut self) -> PResult<Ident> {
        let mut name = self.expect_name()?.to_string();
        while self.is(W::Dot) && self.tok_at(1).kind == T::Name {
            self.advance();
            name.push('.');
            name.push_str(&self.expect_name()?);
        }
        Ok(Rc::from(name))
    }

    pub(super) fn import_from_stmt(&mut self) -> PResult<StmtKind> {
        self.advance();
        let mut level = 0;
        loop {
            if self.eat(W::Dot) {
                level += 1;
            } else if self.eat(W::Ellipsis) {
                level += 3;
            } else {
                break;
            }
        }
        let module = if level == 0 || !self.is(W::Import) {
            Some(self.dotted_name()?)
        } else {
            None
        };
        self.expect(W::Import)?;
        let mut names = Vec::new();
        if self.is(W::Star) {
            let t = self.take();
            names.push(Alias {
                name: Rc::from("*"),
                asname: None,
                span: tok_span(&t),
            });
            return Ok(StmtKind::ImportFrom {
                module,
                names,
                level,
            });
        }
        let parenthesized = self.eat(W::Lpar);
        loop {
            let start = self.start();
            let name = self.expect_name()?;
            let asname = if self.eat(W::As) {
                Some(self.expect_name()?)
            } else {
                None
            };
            names.push(Alias {
                name,
                asname,
                span: self.span_from(start),
            });
            if !self.eat(W::Comma) {
                break;
            }
            if parenthesized && self.is(W::Rpar) {
                break;
            }
            if !parenthesized && self.kind() == T::Newline {
                let span = tok_span(self.tok());
                return Err(self.error_span(
                    span,
                    "trailing comma not allowed without surrounding parentheses",
                ));
            }
        }
        if parenthesized {
            self.expect(W::Rpar)?;
        }
        Ok(StmtKind::ImportFrom {
            module,
            names,
            level,
        })
    }

    pub(super) fn type_alias(&mut self) -> PResult<StmtKind> {
        self.advance();
        let t = self.take();
        let name = Box::new(Expr {
            kind: ExprKind::Name {
                id: self.ident(&t),
                ctx: Context::Store,
            },
            span: tok_span(&t),
        });
        let type_params = self.type_params()?;
        self.expect(W::Equal)?;
        let value = Box::new(self.expression()?);
        Ok(StmtKind::TypeAlias {
            name,
            type_params,
            value,
        })
    }

    /// Expression statements, assignments, augmented and annotated assignments.
    pub(super) fn expression_statement(&mut self, start: Pos) -> PResult<Stmt> {
        let first = if self.is(W::Yield) {
            self.yield_expr()?
        } else {
            self.star_expressions()?
        };
        if self.is(W::Colon) {
            return self.annotated_assignment(start, first);
        }
        if let Some(op) = self.augassign_op() {
            self.advance();
            if !matches!(
                first.kind,
                ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
            ) {
                let msg = format!(
                    "'{}' is an illegal expression for augmented assignment",
                    expr_name(&first)
                );
                return Err(self.error_span(first.span, &msg));
            }
            let mut target = first;
            set_context(&mut target, Context::Store);
            let value = if self.is(W::Yield) {
                self.yield_expr()?
            } else {
                self.star_expressions()?
            };
            return Ok(Stmt {
                kind: StmtKind::AugAssign {
                    target: Box::new(target),
                    op,
                    value: Box::new(value),
                },
                span: self.span_from(start),
            });
        }
        if !self.is(W::Equal) {
            self.check_statement_end(&first)?;
            return Ok(Stmt {
                kind: StmtKind::Expr(Box::new(first)),
                span: self.span_from(start),
            });
        }
        let mut exprs = vec![first];
        while self.eat(W::Equal) {
            let e = if self.is(W::Yield) {
                self.yield_expr()?
            } else {
                self.star_expressions()?
            };
            exprs.push(e);
        }
        let value = exprs.pop().unwrap();
        self.check_targets(&exprs, &value)?;
        for t in &mut exprs {
            set_context(t, Context::Store);
        }
        Ok(Stmt {
            kind: StmtKind::Assign {
                targets: exprs,
                value: Box::new(value),
            },
            span: self.span_from(start),
        })
    }

    /// After an expression statement, anything but `;`/NEWLINE is an error;
    /// find CPython's specific wording where one applies.
    pub(super) fn check_statement_end(&mut self, first: &Expr) -> PResult<()> {
        if self.at_simple_stmt_end() {
            return Ok(());
        }
        // `match x` without its colon.
        if let ExprKind::Name { id, .. } = &first.kind {
            if &**id == "match" && self.starts_expression() {
                let save = (self.pos, self.last_end);
                if self.star_named_expression().is_ok() && self.kind() == T::Newline {
                    let span = tok_span(self.tok());
                    return Err(self.error_span(span, "expected ':'"));
                }
                self.pos = save.0;
                self.last_end = save.1;
            }
        }
        // `print "x"`-style legacy statements.
        if let ExprKind::Name { id, .. } = &first.kind {
            if (&**id == "print" || &**id == "exec") && self.starts_expression() {
                let save = self.pos;
                let save_end = self.last_end;
                if let Ok(arg) = self.star_expressions() {
                    let msg = format!(
                        "Missing parentheses in call to '{}'. Did you mean {}(...)?",
                        id, id
                    );
                    let span = first.span.to(arg.span);
                    return Err(self.error_span(span, &msg));
                }
                self.pos = save;
                self.last_end = save_end;
            }
        }
        let error = self.invalid_syntax();
        self.probe_expression();
        Err(error)
    }

    pub(super) fn check_targets(&self, targets: &[Expr], value: &Expr) -> PResult<()> {
        // `*a, 1 = x`: pegen meets `1 = x` as a misplaced named expression
        // while scanning the unparenthesized tuple's elements.
        // (`() = x` is a valid assignment: an empty tuple has no elements to check.)
        let tuple = match (targets.len(), &targets[0].kind) {
            (1, ExprKind::Tuple { elts, .. }) => elts.first().zip(elts.last()),
            _ => None,
        };
        if let Some((first, last)) = tuple {
            let unparenthesized = targets[0].span.col == first.span.col
                && targets[0].span.line == first.span.line;
            if unparenthesized
                && invalid_target(&targets[0], TargetKind::Star).is_some()
                && is_bitwise_or_level(value)
            {
                if let ExprKind::Name { .. } = last.kind {
                    return Err(self.error_span(
                        last.span.to(value.span),
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                    ));
                }
                if maybe_comparison(last) && invalid_target(last, TargetKind::Star).is_some() {
                    let msg = format!(
                        "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                        expr_name(last)
                    );
                    return Err(self.error_span(last.span, &msg));
                }
            }
        }
        for (i, t) in targets.iter().enumerate() {
            if let ExprKind::Yield(_) | ExprKind::YieldFrom(_) = t.kind {
                return Err(self.error_span(t.span, "assignment to yield expression not possible"));
            }
            if let Some(bad) = invalid_target(t, TargetKind::Star) {
                // `f() = 1`: invalid_named_expression words it as a likely typo.
                if i == 0 && targets.len() == 1 && maybe_comparison(t) && is_bitwise_or_level(value)
                {
                    let msg = format!(
                        "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                        expr_name(t)
                    );
                    return Err(self.error_span(t.span, &msg));
                }
                let msg = format!("cannot assign to {}", expr_name(bad));
                return Err(self.error_span(bad.span, &msg));
            }
        }
        Ok(())
    }

    pub(super) fn annotated_assignment(&mut self, start: Pos, mut target: Expr) -> PResult<Stmt> {
        // A target in parentheses does not start where the statement does.
        let parenthesized = (target.span.line, target.span.col) != (start.line, start.col);
        let valid_target = matches!(
            target.kind,
            ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
        );
        if !valid_target && matches!(self.tok_at(1).kind, T::Newline | T::EndMarker) {
            // invalid_assignment needs `':' expression`; without one the
            // error is the generic one at the `:`.
            return Err(self.invalid_syntax());
        }
        match &target.kind {
            ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
            ExprKind::Tuple { elts, .. } => {
                // Reported at the first element when there are no parentheses.
                // (`()` has no first element: it is parenthesized.)
                let bare = elts.first().filter(|first| (first.span.line, first.span.col) == (target.span.line, target.span.col));
                let span = bare.map_or(target.span, |first| first.span);
                return Err(
                    self.error_span(span, "only single target (not tuple) can be annotated")
                );
            }
            ExprKind::List { .. } => {
                return Err(self.error_span(
                    target.span,
                    "only single target (not list) can be annotated",
                ));
            }
            _ => return Err(self.error_span(target.span, "illegal target for annotation")),
        }
        self.advance();
        let annotation = self.expression()?;
        let value = if self.eat(W::Equal) {
            Some(Box::new(if self.is(W::Yield) {
                self.yield_expr()?
            } else {
                self.star_expressions()?
            }))
        } else {
            None
        };
        let simple = matches!(target.kind, ExprKind::Name { .. }) && !parenthesized;
        set_context(&mut target, Context::Store);
        Ok(Stmt {
            kind: StmtKind::AnnAssign {
                target: Box::new(target),
                annotation: Box::new(annotation),
                value,
                simple,
            },
            span: self.span_from(start),
        })
    }

    pub(super) fn augassign_op(&self) -> Option<Operator> {
        Some(match self.word() {
            W::PlusEqual => Operator::Add,
            W::MinEqual => Operator::Sub,
            W::StarEqual => Operator::Mult,
            W::AtEqual => Operator::MatMult,
            W::SlashEqual => Operator::Div,
            W::PercentEqual => Operator::Mod,
            W::AmperEqual => Operator::BitAnd,
            W::VbarEqual => Operator::BitOr,
            W::CircumflexEqual => Operator::BitXor,
            W::LeftShiftEqual => Operator::LShift,
            W::RightShiftEqual => Operator::RShift,
            W::DoubleStarEqual => Operator::Pow,
            W::DoubleSlashEqual => Operator::FloorDiv,
            _ => return None,
        })
    }

    // ---- compound statements -----------------------------------------------

    pub(super) fn compound_statement(&mut self) -> PResult<Option<Stmt>> {
        if self.kind() != T::Name && !self.is(W::At) {
            return Ok(None);
        }
        let start = self.start();
        let stmt = match self.word() {
            W::If => self.if_stmt(start, "if")?,
            W::While => self.while_stmt(start)?,
            W::For => self.for_stmt(start, false)?,
            W::Try => self.try_stmt(start)?,
            W::With => self.with_stmt(start, false)?,
            W::Def => self.funcdef(start, Vec::new(), false)?,
            W::Class => self.classdef(start, Vec::new())?,
            W::At => self.decorated()?,
            W::Async => {
                let next = self.tok_at(1).word;
                self.advance();
                match next {
                    W::Def => self.funcdef(start, Vec::new(), true)?,
                    W::For => self.for_stmt(start, true)?,
                    W::With => self.with_stmt(start, true)?,
                    _ => return Err(self.invalid_syntax()),
                }
            }
            W::Match if self.looks_like_match() => self.match_stmt(start)?,
            _ => return Ok(None),
        };
        Ok(Some(stmt))
    }

    /// The condition of if/elif/while, with the `=`-for-`==` diagnostics.
    pub(super) fn condition(&mut self) -> PResult<Expr> {
        let test = self.named_expression()?;
        if self.is(W::Equal) {
            return Err(self.misplaced_assignment(test)?);
        }
        Ok(test)
    }

    /// invalid_named_expression: `a = b` where an expression was expected.
    pub(super) fn misplaced_assignment(&mut self, target: Expr) -> PResult<Box<SyntaxError>> {
        let eq = self.take();
        let Ok(value) = self.bitwise_or() else {
            // Nothing after the `=`: the first pass stopped at the `=`.
            return Ok(self.error_span(tok_span(&eq), "invalid syntax"));
        };
        if self.is(W::Equal) || self.is(W::ColonEqual) {
            return Ok(self.invalid_syntax());
        }
        if let ExprKind::Name { .. } = target.kind {
            return Ok(self.error_span(
                target.span.to(value.span),
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            ));
        }
        if maybe_comparison(&target) && is_bitwise_or_level(&target) {
            let msg = format!(
                "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                expr_name(&target)
            );
            return Ok(self.error_span(target.span, &msg));
        }
        Ok(self.invalid_syntax())
    }

    /// The `:` after a compound statement header: "expected ':'" when the
    /// line ends instead.
    pub(super) fn header_colon(&mut self) -> PResult<()> {
        if self.is(W::Colon) {
            self.advance();
            return Ok(());
        }
        if self.kind() == T::Newline {
            let span = tok_span(self.tok());
            return Err(self.error_span(span, "expected ':'"));
        }
        Err(self.invalid_syntax())
    }

    pub(super) fn if_stmt(&mut self, start: Pos, keyword: &str) -> PResult<Stmt> {
        let line = self.take().start.line;
        let test = Box::new(self.condition()?);
        self.header_colon()?;
        let body = self.block(&format!("'{}' statement", keyword), line)?;
        let orelse = if self.is(W::Elif) {
            // elif_stmt recurses for the next `elif`, in CPython's rules too.
            let s = self.start();
            self.enter()?;
            let elif = self.if_stmt(s, "elif");
            self.leave();
            vec![elif?]
        } else {
            self.else_block()?
        };
        Ok(Stmt {
            kind: StmtKind::If { test, body, orelse },
            span: self.span_from(start),
        })
    }

    pub(super) fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        if !self.is(W::Else) {
            return Ok(Vec::new());
        }
        let line = self.take().start.line;
        self.expect_forced(W::Colon)?;
        self.block("'else' statement", line)
    }

    pub(super) fn while_stmt(&mut self, start: Pos) -> PResult<Stmt> {
        let line = self.take().start.line;
        let test = Box::new(self.condition()?);
        self.header_colon()?;
        let body = self.block("'while' statement", line)?;
        let orelse = self.else_block()?;
        Ok(Stmt {
            kind: StmtKind::While { test, body, orelse },
            span: self.span_from(start),
        })
    }

    pub(super) fn for_stmt(&mut self, start: Pos, is_async: bool) -> PResult<Stmt> {
        let line = self.take().start.line;
        let target = Box::new(self.for_target()?);
        self.expect(W::In)?;
        let iter = Box::new(self.star_expressions()?);
        self.header_colon()?;
        let body = self.block("'for' statement", line)?;
        let orelse = self.else_block()?;
        let kind = if is_async {
            StmtKind::AsyncFor {
                target,
                iter,
                body,
                orelse,
            }
        } else {
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            }
        };
        Ok(Stmt {
            kind,
            span: self.span_from(start),
        })
    }

    /// `star_targets` before `in` (of a for statement or comprehension).
    pub(super) fn for_target(&mut self) -> PResult<Expr> {
        let start = self.start();
        let mut elts = vec![self.target_element()?];
        let mut tuple = false;
        while self.is(W::Comma) {
            tuple = true;
            self.advance();
            if self.is(W::In) {
                break;
            }
            elts.push(self.target_element()?);
        }
        let mut target = if tuple {
            Expr {
                kind: ExprKind::Tuple {
                    elts,
                    ctx: Context::Store,
                },
                span: self.span_from(start),
            }
        } else {
            elts.pop().unwrap()
        };
        if self.is(W::If) {
            // invalid_for_target reads `star_expressions`, which diagnoses
            // `x if y` without `else` first.
            self.missing_else_after(&target)?;
        }
        if let Some(bad) = invalid_target(&target, TargetKind::For) {
            let msg = format!("cannot assign to {}", expr_name(bad));
            return Err(self.error_span(bad.span, &msg));
        }
        set_context(&mut target, Context::Store);
        Ok(target)
    }

    /// At `if` after `body`: "expected 'else' after 'if' expression" if the
    /// condition is followed by neither `else` nor `:`; otherwise nothing
    /// is consumed.
    pub(super) fn missing_else_after(&mut self, body: &Expr) -> PResult<()> {
        let save = (self.pos, self.last_end, self.warnings.len());
        self.advance();
        if let Ok(test) = self.disjunction() {
            if !self.is(W::Else) && !self.is(W::Colon) {
                let span = body.span.to(test.span);
                return Err(self.error_span(span, "expected 'else' after 'if' expression"));
            }
        }
        self.pos = save.0;
        self.last_end = save.1;
        self.warnings.truncate(save.2);
        Ok(())
    }

    /// One element of a target list: a starred or plain primary-level expression.
    pub(super) fn target_element(&mut self) -> PResult<Expr> {
        if self.is(W::Star) {
            let start = self.start();
            self.advance();
            let value = self.target_element()?;
            return Ok(Expr {
                kind: ExprKind::Starred {
                    value: Box::new(value),
                    ctx: Context::Store,
                },
                span: self.span_from(start),
            });
        }
        self.bitwise_or()
    }

    pub(super) fn try_stmt(&mut self, start: Pos) -> PResult<Stmt> {
        let line = self.take().start.line;
        self.expect_forced(W::Colon)?;
        let body = self.block("'try' statement", line)?;
        let mut handlers = Vec::new();
        let mut star = None;
        while self.is(W::Except) {
            let hstart = self.start();
            let hline = self.take().start.line;
            let is_star = self.eat(W::Star);
            if let Some(prev) = star {
                if prev != is_star {
                    let span = tok_span(self.tok());
                    return Err(self.error_span(
                        span,
                        "cannot have both 'except' and 'except*' on the same 'try'",
                    ));
                }
            }
            star = Some(is_star);
            let (type_, name) = if self.is(W::Colon) || self.kind() == T::Newline {
                if is_star {
                    let span = tok_span(self.tok());
                    return Err(self.error_span(span, "expected one or more exception types"));
                }
                (None, None)
            } else {
                let t = self.expression()?;
                if self.is(W::Comma) {
                    let s = t.span;
                    self.advance();
                    let rest = self.expression()?;
                    return Err(self.error_span(
                        s.to(rest.span),
                        "multiple exception types must be parenthesized",
                    ));
                }
                let name = if self.eat(W::As) {
                    Some(self.expect_name()?)
                } else {
                    None
                };
                (Some(t), name)
            };
            self.header_colon()?;
            let what = if is_star {
                "'except*' statement"
            } else {
                "'except' statement"
            };
            let hbody = self.block(what, hline)?;
            handlers.push(ExceptHandler {
                type_,
                name,
                body: hbody,
                span: self.span_from(hstart),
            });
        }
        let orelse = if handlers.is_empty() {
            Vec::new()
        } else {
            self.else_block()?
        };
        let finalbody = if self.is(W::Finally) {
            let fline = self.take().start.line;
            self.expect_forced(W::Colon)?;
            self.block("'finally' statement", fline)?
        } else {
            Vec::new()
        };
        if handlers.is_empty() && finalbody.is_empty() {
            let msg = "expected 'except' or 'finally' block";
            if self.only_dedents_remain() {
                return Err(self.error_at_eof(ErrorKind::SyntaxError, msg));
            }
            let span = tok_span(self.tok());
            return Err(self.error_span(span, msg));
        }
        let block = Box::new(Try {
            body,
            handlers,
            orelse,
            finalbody,
        });
        let kind = if star == Some(true) {
            StmtKind::TryStar(block)
        } else {
            StmtKind::Try(block)
        };
        Ok(Stmt {
            kind,
            span: self.span_from(start),
        })
    }

    pub(super) fn with_stmt(&mut self, start: Pos, is_async: bool) -> PResult<Stmt> {
        let line = self.take().start.line;
        let items = if self.is(W::Lpar) && self.parenthesized_with_items() {
            self.advance();
            let mut items = Vec::new();
            loop {
                items.push(self.with_item()?);
                if !self.eat(W::Comma) || self.is(W::Rpar) {
                    break;
                }
            }
            self.expect(W::Rpar)?;
            items
        } else {
            let mut items = vec![self.with_item()?];
            while self.eat(W::Comma) {
                items.push(self.with_item()?);
            }
            items
        };
        self.header_colon()?;
        let body = self.block("'with' statement", line)?;
        let kind = if is_async {
            StmtKind::AsyncWith { items, body }
        } else {
            StmtKind::With { items, body }
        };
        Ok(Stmt {
            kind,
            span: self.span_from(start),
        })
    }

    /// `with (a as b, c):` — the parentheses group with-items only if the
    /// matching `)` is directly followed by `:`, and they contain `as` or a
    /// comma at the top level.
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    pub(super) fn parenthesized_with_items(&self) -> bool {
        let mut depth = 0;
        let mut top_level_sep = false;
        let mut i = self.pos;
        while i < self.toks.len() {
            let t = &self.toks[i];
            if t.kind == T::Op {
                match t.word {
                    W::Lpar | W::Lsqb | W::Lbrace => depth += 1,
                    W::Rpar | W::Rsqb | W::Rbrace => {
                        depth -= 1;
                        if depth == 0 {
                            let next = &self.toks[(i + 1).min(self.toks.len() - 1)];
                            return top_level_sep
                                && (next.word == W::Colon || next.kind == T::Newline);
                        }
                    }
                    W::Comma if depth == 1 => top_level_sep = true,
                    _ => {}
                }
            } else if t.word == W::As && depth == 1 {
                top_level_sep = true;
            } else if t.kind == T::Newline || t.kind == T::EndMarker {
                return false;
            }
            i += 1;
        }
        false
    }

    pub(super) fn with_item(&mut self) -> PResult<WithItem> {
        let context_expr = self.expression()?;
        let optional_vars = if self.eat(W::As) {
            let mut target = self.target_element()?;
            if let Some(bad) = invalid_target(&target, TargetKind::Star) {
                let msg = format!("cannot assign to {}", expr_name(bad));
                return Err(self.error_span(bad.span, &msg));
            }
            set_context(&mut target, Context::Store);
            Some(target)
        } else {
            None
        };
        Ok(WithItem {
            context_expr,
            optional_vars,
        })
    }

    pub(super) fn decorated(&mut self) -> PResult<Stmt> {
        let mut decorators = Vec::new();
        while self.eat(W::At) {
            decorators.push(self.named_expression()?);
            if self.kind() != T::Newline {
                return Err(self.invalid_syntax());
            }
            self.advance();
        }
        let start = self.start();
        if self.is(W::Def) {
            self.funcdef(start, decorators, false)
        } else if self.is(W::Async) && self.is_at(1, W::Def) {
            self.advance();
            self.funcdef(start, decorators, true)
        } else if self.is(W::Class) {
            self.classdef(start, decorators)
        } else {
            Err(self.invalid_syntax())
        }
    }

    pub(super) fn funcdef(
        &mut self,
        start: Pos,
        decorator_list: Vec<Expr>,
        is_async: bool,
    ) -> PResult<Stmt> {
        let line = self.take().start.line;
        let name = self.expect_name()?;
        let type_params = self.type_params()?;
        self.expect_forced(W::Lpar)?;
        let args = self.parameters(W::Rpar)?;
        self.expect(W::Rpar)?;
        let returns = if self.eat(W::Rarrow) {
            Some(self.expression()?)
        } else {
            None
        };
        self.expect_forced(W::Colon)?;
        let body = self.block("function definition", line)?;
        let def = Box::new(FunctionDef {
            name,
            args,
            body,
            decorator_list,
            returns,
            type_params,
        });
        let kind = if is_async {
            StmtKind::AsyncFunctionDef(def)
        } else {
            StmtKind::FunctionDef(def)
        };
        Ok(Stmt {
            kind,
            span: self.span_from(start),
        })
    }

    pub(super) fn classdef(&mut self, start: Pos, decorator_list: Vec<Expr>) -> PResult<Stmt> {
        let line = self.take().start.line;
        let name = self.expect_name()?;
        let type_params = self.type_params()?;
        let (bases, keywords) = if self.eat(W::Lpar) {
            let (args, keywords) = self.call_arguments()?;
            self.expect(W::Rpar)?;
            (args, keywords)
        } else {
            (Vec::new(), Vec::new())
        };
        self.header_colon()?;
        let body = self.block("class definition", line)?;
        let def = Box::new(ClassDef {
            name,
            bases,
            keywords,
            body,
            decorator_list,
            type_params,
        });
        Ok(Stmt {
            kind: StmtKind::ClassDef(def),
            span: self.span_from(start),
        })
    }

    pub(super) fn type_params(&mut self) -> PResult<Vec<TypeParam>> {
        if !self.eat(W::Lsqb) {
            return Ok(Vec::new());
        }
        let mut params = Vec::new();
        loop {
            let start = self.start();
            let kind = if self.eat(W::Star) {
                TypeParamKind::TypeVarTuple {
                    name: self.expect_name()?,
                }
            } else if self.eat(W::DoubleStar) {
                TypeParamKind::ParamSpec {
                    name: self.expect_name()?,
                }
            } else {
                let name = self.expect_name()?;
                let bound = if self.eat(W::Colon) {
                    Some(self.expression()?)
                } else {
                    None
                };
                TypeParamKind::TypeVar { name, bound }
            };
            params.push(TypeParam {
                kind,
                span: self.span_from(start),
            });
            if !self.eat(W::Comma) || self.is(W::Rsqb) {
                break;
            }
        }
        self.expect(W::Rsqb)?;
        Ok(params)
    }

    /// Function or lambda parameters up to (not including) `close`.
    pub(super) fn parameters(&mut self, close: W) -> PResult<Arguments> {
        let lambda = close == W::Colon;
        let mut args = Arguments::default();
        let mut seen_default = false;
        let mut star_seen = false;
        while !self.is(close) {
            if self.is(W::Lpar) {
                return Err(self.parenthesized_parameters(lambda));
            }
            if self.is(W::Slash) {
                let t = self.take();
                if star_seen {
                    return Err(self.error_span(tok_span(&t), "/ must be ahead of *"));
                }
                if args.args.is_empty() || !args.posonlyargs.is_empty() {
                    let msg = if args.posonlyargs.is_empty() {
                        "at least one argument must precede /"
                    } else {
                        "/ may appear only once"
                    };
                    return Err(self.error_span(tok_span(&t), msg));
                }
                args.posonlyargs = std::mem::take(&mut args.args);
            } else if self.is(W::DoubleStar) {
                self.advance();
                let arg = self.parameter(lambda, false)?;
                if self.is(W::Equal) {
                    let span = tok_span(self.tok());
                    return Err(
                        self.error_span(span, "var-keyword argument cannot have default value")
                    );
                }
                args.kwarg = Some(arg);
                if self.eat(W::Comma) && !self.is(close) {
                    let span = tok_span(self.tok());
                    return Err(
                        self.error_span(span, "arguments cannot follow var-keyword argument")
                    );
                }
                break;
            } else if self.is(W::Star) {
                let t = self.take();
                if star_seen {
                    return Err(self.error_span(tok_span(&t), "* argument may appear only once"));
                }
                star_seen = true;
                if self.is(W::Comma) || self.is(close) {
                    if self.is(close) || self.is_at(1, close) || self.is_at(1, W::DoubleStar) {
                        // pegen places the lambda form at the token after `*`.
                        let at = if lambda {
                            tok_span(self.tok())
                        } else {
                            tok_span(&t)
                        };
                        return Err(self.error_span(at, "named arguments must follow bare *"));
                    }
                } else {
                    let arg = self.parameter(lambda, true)?;
                    if self.is(W::Equal) {
                        let span = tok_span(self.tok());
                        return Err(self.error_span(
                            span,
                            "var-positional argument cannot have default value",
                        ));
                    }
                    args.vararg = Some(arg);
                }
            } else {
                let arg = self.parameter(lambda, false)?;
                let default = if self.eat(W::Equal) {
                    if self.is(W::Comma) || self.is(close) {
                        let span = tok_span(&self.toks[self.pos - 1]);
                        return Err(self.error_span(span, "expected default value expression"));
                    }
                    Some(self.expression()?)
                } else {
                    None
                };
                if star_seen {
                    args.kwonlyargs.push(arg);
                    args.kw_defaults.push(default);
                } else {
                    if default.is_none() && seen_default {
                        // invalid_parameters needs a complete parameter
                        // (followed by `,` or the closing bracket).
                        if !self.is(W::Comma) && !self.is(close) {
                            return Err(self.invalid_syntax());
                        }
                        return Err(self.error_span(
                            arg.span,
                            "parameter without a default follows parameter with a default",
                        ));
                    }
                    if let Some(d) = default {
                        seen_default = true;
                        args.defaults.push(d);
                    }
                    args.args.push(arg);
                }
            }
            if !self.eat(W::Comma) {
                break;
            }
        }
        Ok(args)
    }

    /// `def f((a, b))`: Python 2's tuple parameters get their own message
    /// when the parentheses hold only names; anything else is generic.
    pub(super) fn parenthesized_parameters(&self, lambda: bool) -> Box<SyntaxError> {
        let open = self.tok();
        let mut i = 1;
        loop {
            let t = self.tok_at(i);
            if t.kind != T::Name || t.word.is_keyword() {
                break;
            }
            i += 1;
            if self.is_at(i, W::Comma) {
                i += 1;
            }
            if self.is_at(i, W::Rpar) {
                let span = tok_span(open).to(tok_span(self.tok_at(i)));
                let msg = if lambda {
                    "Lambda expression parameters cannot be parenthesized"
                } else {
                    "Function parameters cannot be parenthesized"
                };
                return self.error_span(span, msg);
            }
        }
        self.invalid_syntax()
    }

    pub(super) fn parameter(&mut self, lambda: bool, star: bool) -> PResult<Arg> {
        let start = self.start();
        let arg = self.expect_name()?;
        let annotation = if !lambda && self.eat(W::Colon) {
            Some(if star && self.is(W::Star) {
                self.star_expression()?
            } else {
                self.expression()?
            })
        } else {
            None
        };
        Ok(Arg {
            arg,
            annotation,
            span: self.span_from(start),
        })
    }
}
