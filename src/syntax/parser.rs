//! A recursive-descent parser for Python 3.12 producing `ast::Module` with
//! the spans CPython's PEG parser records: a node starts at its first token
//! and ends at the last non-NEWLINE/INDENT/DEDENT token it consumed.
//!
//! Statements are parsed by looking at their first token; expression
//! statements parse an expression first and turn it into an assignment
//! target when an `=` follows, checking the target as CPython's
//! `invalid_*` rules would. Binary operators use precedence climbing to keep
//! the Rust stack shallow.

use super::ast::*;
use super::error::{ErrorKind, SyntaxError};
use super::strings;
use super::tokenizer::{Pos, Token, TokenKind as T, Tokens};
use std::rc::Rc;

pub type PResult<T> = Result<T, SyntaxError>;

/// Nesting limit for the parser's recursion and for the depth of the trees
/// it builds (left-nested chains like `a.b.c...` or `1+1+...` count too, as
/// everything after the parser walks trees recursively).
const MAX_DEPTH: usize = 1000;

/// Bytes of native stack the parser may use. Its recursion is bounded by the
/// input's nesting, so deeply nested input is refused with a SyntaxError
/// before it can overflow the stack (wasm's default stack is 1 MiB).
const STACK_BUDGET: usize = 640 * 1024;

/// An address on the current stack frame.
#[inline(always)]
fn stack_position() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

pub struct Parser<'a> {
    src: &'a str,
    filename: &'a str,
    toks: Vec<Token>,
    pos: usize,
    last_end: Pos,
    depth: usize,
    stack_base: usize,
    /// The furthest token looked at (pegen compares its line with an
    /// unclosed bracket's).
    furthest: std::cell::Cell<usize>,
    /// SyntaxWarnings met so far: (line, message).
    pub warnings: Vec<(u32, String)>,
    /// What reaching the sentinel token at the end means: the lexical error
    /// or "'(' was never closed".
    sentinel_error: Option<SyntaxError>,
}

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
    "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
    "pass", "raise", "return", "try", "while", "with", "yield",
];

pub fn is_keyword(s: &str) -> bool {
    KEYWORDS.contains(&s)
}

/// A parsed comparison/assignment context helper: what a target may be.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    Star,
    For,
    Del,
}

impl<'a> Parser<'a> {
    pub fn new(src: &'a str, filename: &'a str, tokens: Tokens, sentinel_error: Option<SyntaxError>) -> Self {
        let mut toks = tokens.tokens;
        if tokens.error.is_some() || toks.last().map_or(true, |t| t.kind != T::EndMarker) {
            // A sentinel the parser cannot match: the lexical error (or the
            // end of input inside brackets) is reported when it is reached.
            let (lo, p) = toks.last().map_or((0, Pos { line: 1, col: 0 }), |t| (t.hi, t.end));
            toks.push(Token { kind: T::EndMarker, lo, hi: lo, start: p, end: p });
            toks.last_mut().unwrap().kind = T::EndMarker;
        }
        Parser { src, filename, toks, pos: 0, last_end: Pos { line: 1, col: 0 }, depth: 0, stack_base: 0, furthest: std::cell::Cell::new(0), warnings: Vec::new(), sentinel_error }
    }

    // ---- token access ------------------------------------------------------

    fn tok(&self) -> &Token {
        self.tok_at(0)
    }

    fn tok_at(&self, n: usize) -> &Token {
        let i = (self.pos + n).min(self.toks.len() - 1);
        if i > self.furthest.get() {
            self.furthest.set(i);
        }
        &self.toks[i]
    }

    /// The line of the furthest token the parser has looked at.
    pub fn furthest_line(&self) -> u32 {
        self.toks[self.furthest.get()].start.line
    }

    fn text(&self, t: &Token) -> &'a str {
        &self.src[t.lo..t.hi]
    }

    fn cur_text(&self) -> &'a str {
        self.text(self.tok())
    }

    fn kind(&self) -> T {
        self.tok().kind
    }

    pub fn is_op(&self, op: &str) -> bool {
        self.kind() == T::Op && self.cur_text() == op
    }

    fn is_op_at(&self, n: usize, op: &str) -> bool {
        let t = self.tok_at(n);
        t.kind == T::Op && self.text(t) == op
    }

    fn is_kw(&self, kw: &str) -> bool {
        self.kind() == T::Name && self.cur_text() == kw
    }

    fn is_kw_at(&self, n: usize, kw: &str) -> bool {
        let t = self.tok_at(n);
        t.kind == T::Name && self.text(t) == kw
    }

    /// A NAME token that is not a reserved keyword.
    fn is_name(&self) -> bool {
        self.kind() == T::Name && !is_keyword(self.cur_text())
    }

    fn advance(&mut self) -> Token {
        let t = self.tok().clone();
        if !matches!(t.kind, T::Newline | T::Indent | T::Dedent | T::EndMarker) {
            self.last_end = t.end;
        }
        if self.pos < self.toks.len() - 1 {
            self.pos += 1;
        }
        t
    }

    fn eat_op(&mut self, op: &str) -> bool {
        if self.is_op(op) {
            self.advance();
            true
        } else {
            false
        }
    }

    fn eat_kw(&mut self, kw: &str) -> bool {
        if self.is_kw(kw) {
            self.advance();
            true
        } else {
            false
        }
    }

    fn expect_op(&mut self, op: &str) -> PResult<Token> {
        if self.is_op(op) {
            Ok(self.advance())
        } else {
            Err(self.invalid_syntax())
        }
    }

    fn expect_kw(&mut self, kw: &str) -> PResult<Token> {
        if self.is_kw(kw) {
            Ok(self.advance())
        } else {
            Err(self.invalid_syntax())
        }
    }

    /// `&&':'`: a forced token, reported as "expected ':'" where it is missing.
    fn expect_forced(&mut self, op: &str) -> PResult<Token> {
        if self.is_op(op) {
            Ok(self.advance())
        } else {
            let span = tok_span(self.tok());
            Err(self.error_span(span, &format!("expected '{}'", op)))
        }
    }

    fn expect_name(&mut self) -> PResult<Ident> {
        if self.is_name() {
            let t = self.advance();
            Ok(self.ident(&t))
        } else {
            Err(self.invalid_syntax())
        }
    }

    fn ident(&self, t: &Token) -> Ident {
        Rc::from(strings::normalize_identifier(self.text(t)))
    }

    fn start(&self) -> Pos {
        self.tok().start
    }

    fn span_from(&self, start: Pos) -> Span {
        Span { line: start.line, col: start.col, end_line: self.last_end.line, end_col: self.last_end.col }
    }

    // ---- errors ------------------------------------------------------------

    pub fn error_span(&self, span: Span, msg: &str) -> SyntaxError {
        SyntaxError::at_span(ErrorKind::SyntaxError, msg, self.filename, self.src, span)
    }

    fn indentation_error(&self, span: Span, msg: &str) -> SyntaxError {
        let mut e = SyntaxError::at_span(ErrorKind::IndentationError, msg, self.filename, self.src, span);
        e.end_col = -1;
        e
    }

    /// The generic error at the current token (what pegen reports at the
    /// furthest token when no specific rule applies).
    pub fn invalid_syntax(&self) -> SyntaxError {
        if self.pos >= self.toks.len() - 1 {
            if let Some(e) = &self.sentinel_error {
                return e.clone();
            }
        }
        let t = self.tok();
        match t.kind {
            T::Indent => {
                let mut e = self.indentation_error(tok_span(t), "unexpected indent");
                e.col = t.end.col as i32;
                e
            }
            T::Dedent => {
                let mut e = self.indentation_error(tok_span(t), "unexpected unindent");
                e.col = t.end.col as i32;
                e
            }
            _ => self.error_span(tok_span(t), "invalid syntax"),
        }
    }

    /// An error located at the end of input, where CPython's ENDMARKER has
    /// no column: the last line, offset = its length including the newline.
    fn error_at_eof(&self, kind: ErrorKind, msg: &str) -> SyntaxError {
        let body = self.src.strip_suffix('\n').unwrap_or(self.src);
        let line_start = body.rfind('\n').map_or(0, |i| i + 1);
        let line = body.matches('\n').count() as u32 + 1;
        let text = &self.src[line_start..];
        SyntaxError {
            kind,
            msg: msg.to_string(),
            filename: self.filename.to_string(),
            line,
            col: text.chars().count() as i32,
            end_line: line,
            end_col: -1,
            text: Some(text.to_string()),
        }
    }

    /// At the end-of-tokens sentinel that stands for a lexical error or
    /// an unclosed bracket.
    fn at_sentinel(&self) -> bool {
        self.pos >= self.toks.len() - 1 && self.sentinel_error.is_some()
    }

    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH || stack_position().abs_diff(self.stack_base) > STACK_BUDGET {
            let span = tok_span(self.tok());
            return Err(self.error_span(span, "Parser stack overflowed - Python source too complex to parse"));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    // ---- module and blocks ---------------------------------------------------

    pub fn parse_module(&mut self) -> PResult<Module> {
        self.stack_base = stack_position();
        let mut body = Vec::new();
        while self.kind() != T::EndMarker || self.pos < self.toks.len() - 1 {
            if self.kind() == T::Newline {
                self.advance();
                continue;
            }
            body.extend(self.statement()?);
        }
        Ok(Module { body })
    }

    fn statement(&mut self) -> PResult<Vec<Stmt>> {
        if let Some(stmt) = self.compound_statement()? {
            return Ok(vec![stmt]);
        }
        self.simple_statements()
    }

    /// `block`: NEWLINE INDENT statements DEDENT | simple_stmts.
    /// `header` names the construct for "expected an indented block after ...".
    fn block(&mut self, header: &str, header_line: u32) -> PResult<Vec<Stmt>> {
        if self.kind() != T::Newline {
            return self.simple_statements();
        }
        self.advance();
        if self.kind() != T::Indent {
            if self.kind() == T::EndMarker {
                let msg = format!("expected an indented block after {} on line {}", header, header_line);
                return Err(self.error_at_eof(ErrorKind::IndentationError, &msg));
            }
            let t = self.tok();
            let span = tok_span(t);
            let msg = format!("expected an indented block after {} on line {}", header, header_line);
            let mut e = SyntaxError::at_span(ErrorKind::IndentationError, &msg, self.filename, self.src, span);
            if t.kind == T::Dedent {
                // DEDENT has no column in CPython: the offset is the new indentation.
                e.col = t.start.col as i32;
            }
            if t.kind == T::EndMarker || t.kind == T::Dedent && t.start == t.end {
                e.end_col = -1;
            }
            e.end_col = if t.kind == T::Name || t.kind == T::Op || t.kind == T::Number || t.kind == T::String {
                e.end_col
            } else {
                -1
            };
            return Err(e);
        }
        self.advance();
        self.enter()?;
        let mut body = Vec::new();
        while self.kind() != T::Dedent {
            if self.kind() == T::EndMarker {
                return Err(self.invalid_syntax());
            }
            body.extend(self.statement()?);
        }
        self.advance();
        self.leave();
        Ok(body)
    }

    fn simple_statements(&mut self) -> PResult<Vec<Stmt>> {
        let mut stmts = vec![self.simple_statement()?];
        while self.eat_op(";") {
            if self.kind() == T::Newline {
                break;
            }
            stmts.push(self.simple_statement()?);
        }
        if self.kind() != T::Newline {
            return Err(self.invalid_syntax());
        }
        self.advance();
        Ok(stmts)
    }

    // ---- simple statements -------------------------------------------------

    fn simple_statement(&mut self) -> PResult<Stmt> {
        let start = self.start();
        if self.kind() == T::Name {
            let kind = match self.cur_text() {
                "pass" => Some(StmtKind::Pass),
                "break" => Some(StmtKind::Break),
                "continue" => Some(StmtKind::Continue),
                _ => None,
            };
            if let Some(kind) = kind {
                self.advance();
                return Ok(Stmt { kind, span: self.span_from(start) });
            }
            let kind = match self.cur_text() {
                "return" => Some(self.return_stmt()?),
                "raise" => Some(self.raise_stmt()?),
                "global" | "nonlocal" => Some(self.global_stmt()?),
                "del" => Some(self.del_stmt()?),
                "assert" => Some(self.assert_stmt()?),
                "import" => Some(self.import_stmt()?),
                "from" => Some(self.from_import_stmt()?),
                "type" if self.tok_at(1).kind == T::Name && (self.is_op_at(2, "=") || self.is_op_at(2, "[")) => {
                    Some(self.type_alias()?)
                }
                _ => None,
            };
            if let Some(kind) = kind {
                return Ok(Stmt { kind, span: self.span_from(start) });
            }
        }
        self.expression_statement(start)
    }

    fn return_stmt(&mut self) -> PResult<StmtKind> {
        self.advance();
        let value = if self.at_simple_stmt_end() { None } else { Some(self.star_expressions()?) };
        Ok(StmtKind::Return(value))
    }

    fn at_simple_stmt_end(&self) -> bool {
        self.kind() == T::Newline || self.is_op(";") || self.kind() == T::EndMarker
    }

    fn raise_stmt(&mut self) -> PResult<StmtKind> {
        self.advance();
        if self.at_simple_stmt_end() {
            return Ok(StmtKind::Raise { exc: None, cause: None });
        }
        let exc = self.expression()?;
        let cause = if self.eat_kw("from") { Some(self.expression()?) } else { None };
        Ok(StmtKind::Raise { exc: Some(exc), cause })
    }

    fn global_stmt(&mut self) -> PResult<StmtKind> {
        let is_global = self.advance();
        let is_global = self.text(&is_global) == "global";
        let mut names = vec![self.expect_name()?];
        while self.eat_op(",") {
            names.push(self.expect_name()?);
        }
        Ok(if is_global { StmtKind::Global(names) } else { StmtKind::Nonlocal(names) })
    }

    fn del_stmt(&mut self) -> PResult<StmtKind> {
        self.advance();
        let start = self.start();
        let mut targets = Vec::new();
        loop {
            let e = self.star_expression_or_bitor()?;
            targets.push(e);
            if !self.eat_op(",") || self.at_simple_stmt_end() {
                break;
            }
        }
        let _ = start;
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

    fn assert_stmt(&mut self) -> PResult<StmtKind> {
        self.advance();
        let test = self.expression()?;
        let msg = if self.eat_op(",") { Some(self.expression()?) } else { None };
        Ok(StmtKind::Assert { test, msg })
    }

    fn import_stmt(&mut self) -> PResult<StmtKind> {
        self.advance();
        let mut names = Vec::new();
        loop {
            let start = self.start();
            let name = self.dotted_name()?;
            let asname = if self.eat_kw("as") { Some(self.expect_name()?) } else { None };
            names.push(Alias { name, asname, span: self.span_from(start) });
            if !self.eat_op(",") {
                break;
            }
        }
        Ok(StmtKind::Import(names))
    }

    fn dotted_name(&mut self) -> PResult<Ident> {
        let mut name = self.expect_name()?.to_string();
        while self.is_op(".") && self.tok_at(1).kind == T::Name {
            self.advance();
            name.push('.');
            name.push_str(&self.expect_name()?);
        }
        Ok(Rc::from(name))
    }

    fn from_import_stmt(&mut self) -> PResult<StmtKind> {
        self.advance();
        let mut level = 0;
        loop {
            if self.eat_op(".") {
                level += 1;
            } else if self.eat_op("...") {
                level += 3;
            } else {
                break;
            }
        }
        let module = if level == 0 || !self.is_kw("import") { Some(self.dotted_name()?) } else { None };
        self.expect_kw("import")?;
        let mut names = Vec::new();
        if self.is_op("*") {
            let t = self.advance();
            names.push(Alias { name: Rc::from("*"), asname: None, span: tok_span(&t) });
            return Ok(StmtKind::ImportFrom { module, names, level });
        }
        let parenthesized = self.eat_op("(");
        loop {
            let start = self.start();
            let name = self.expect_name()?;
            let asname = if self.eat_kw("as") { Some(self.expect_name()?) } else { None };
            names.push(Alias { name, asname, span: self.span_from(start) });
            if !self.eat_op(",") {
                break;
            }
            if parenthesized && self.is_op(")") {
                break;
            }
            if !parenthesized && self.kind() == T::Newline {
                let span = tok_span(self.tok());
                return Err(self.error_span(span, "trailing comma not allowed without surrounding parentheses"));
            }
        }
        if parenthesized {
            self.expect_op(")")?;
        }
        Ok(StmtKind::ImportFrom { module, names, level })
    }

    fn type_alias(&mut self) -> PResult<StmtKind> {
        self.advance();
        let t = self.advance();
        let name = Expr { kind: ExprKind::Name { id: self.ident(&t), ctx: Context::Store }, span: tok_span(&t) };
        let type_params = self.type_params()?;
        self.expect_op("=")?;
        let value = self.expression()?;
        Ok(StmtKind::TypeAlias { name, type_params, value })
    }

    /// Expression statements, assignments, augmented and annotated assignments.
    fn expression_statement(&mut self, start: Pos) -> PResult<Stmt> {
        let first = if self.is_kw("yield") { self.yield_expr()? } else { self.star_expressions()? };
        if self.is_op(":") {
            return self.annotated_assignment(start, first);
        }
        if let Some(op) = self.augassign_op() {
            let op_tok = self.advance();
            if !matches!(first.kind, ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }) {
                let _ = op_tok;
                let msg = format!("'{}' is an illegal expression for augmented assignment", expr_name(&first));
                return Err(self.error_span(first.span, &msg));
            }
            let mut target = first;
            set_context(&mut target, Context::Store);
            let value = if self.is_kw("yield") { self.yield_expr()? } else { self.star_expressions()? };
            return Ok(Stmt { kind: StmtKind::AugAssign { target, op, value }, span: self.span_from(start) });
        }
        if !self.is_op("=") {
            self.check_statement_end(&first)?;
            return Ok(Stmt { kind: StmtKind::Expr(first), span: self.span_from(start) });
        }
        let mut exprs = vec![first];
        while self.eat_op("=") {
            let e = if self.is_kw("yield") { self.yield_expr()? } else { self.star_expressions()? };
            exprs.push(e);
        }
        let value = exprs.pop().unwrap();
        self.check_targets(&exprs, &value)?;
        for t in &mut exprs {
            set_context(t, Context::Store);
        }
        Ok(Stmt { kind: StmtKind::Assign { targets: exprs, value }, span: self.span_from(start) })
    }

    /// After an expression statement, anything but `;`/NEWLINE is an error;
    /// find CPython's specific wording where one applies.
    fn check_statement_end(&mut self, first: &Expr) -> PResult<()> {
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
                    let msg = format!("Missing parentheses in call to '{}'. Did you mean {}(...)?", id, id);
                    let span = first.span.to(arg.span);
                    return Err(self.error_span(span, &msg));
                }
                self.pos = save;
                self.last_end = save_end;
            }
        }
        Err(self.invalid_syntax())
    }

    fn check_targets(&self, targets: &[Expr], value: &Expr) -> PResult<()> {
        // `*a, 1 = x`: pegen meets `1 = x` as a misplaced named expression
        // while scanning the unparenthesized tuple's elements.
        if let (1, ExprKind::Tuple { elts, .. }) = (targets.len(), &targets[0].kind) {
            let last = elts.last().unwrap();
            let unparenthesized = targets[0].span.col == elts[0].span.col && targets[0].span.line == elts[0].span.line;
            if unparenthesized && invalid_target(&targets[0], TargetKind::Star).is_some() && is_bitwise_or_level(value) {
                if let ExprKind::Name { .. } = last.kind {
                    return Err(self.error_span(last.span.to(value.span), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
                }
                if maybe_comparison(last) && invalid_target(last, TargetKind::Star).is_some() {
                    let msg = format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(last));
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
                if i == 0 && targets.len() == 1 && maybe_comparison(t) && is_bitwise_or_level(value) {
                    let msg = format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(t));
                    return Err(self.error_span(t.span, &msg));
                }
                let msg = format!("cannot assign to {}", expr_name(bad));
                return Err(self.error_span(bad.span, &msg));
            }
        }
        Ok(())
    }

    fn annotated_assignment(&mut self, start: Pos, mut target: Expr) -> PResult<Stmt> {
        let parenthesized = self.toks_before_is_paren(start);
        match &target.kind {
            ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
            ExprKind::Tuple { elts, .. } => {
                // Reported at the first element when there are no parentheses.
                let span = if parenthesized { target.span } else { elts[0].span };
                return Err(self.error_span(span, "only single target (not tuple) can be annotated"));
            }
            ExprKind::List { .. } => {
                return Err(self.error_span(target.span, "only single target (not list) can be annotated"));
            }
            _ => return Err(self.error_span(target.span, "illegal target for annotation")),
        }
        self.advance();
        let annotation = self.expression()?;
        let value = if self.eat_op("=") {
            Some(if self.is_kw("yield") { self.yield_expr()? } else { self.star_expressions()? })
        } else {
            None
        };
        let simple = matches!(target.kind, ExprKind::Name { .. }) && !parenthesized;
        set_context(&mut target, Context::Store);
        Ok(Stmt { kind: StmtKind::AnnAssign { target, annotation, value, simple }, span: self.span_from(start) })
    }

    /// Whether the statement starting at `start` began with `(`.
    fn toks_before_is_paren(&self, start: Pos) -> bool {
        self.toks.iter().any(|t| t.start == start && t.kind == T::Op && self.text(t) == "(")
    }

    fn augassign_op(&self) -> Option<Operator> {
        if self.kind() != T::Op {
            return None;
        }
        Some(match self.cur_text() {
            "+=" => Operator::Add,
            "-=" => Operator::Sub,
            "*=" => Operator::Mult,
            "@=" => Operator::MatMult,
            "/=" => Operator::Div,
            "%=" => Operator::Mod,
            "&=" => Operator::BitAnd,
            "|=" => Operator::BitOr,
            "^=" => Operator::BitXor,
            "<<=" => Operator::LShift,
            ">>=" => Operator::RShift,
            "**=" => Operator::Pow,
            "//=" => Operator::FloorDiv,
            _ => return None,
        })
    }

    // ---- compound statements -----------------------------------------------

    fn compound_statement(&mut self) -> PResult<Option<Stmt>> {
        if self.kind() != T::Name && !self.is_op("@") {
            return Ok(None);
        }
        let start = self.start();
        let stmt = match self.cur_text() {
            "if" => self.if_stmt(start, "if")?,
            "while" => self.while_stmt(start)?,
            "for" => self.for_stmt(start, false)?,
            "try" => self.try_stmt(start)?,
            "with" => self.with_stmt(start, false)?,
            "def" => self.funcdef(start, Vec::new(), false)?,
            "class" => self.classdef(start, Vec::new())?,
            "@" => self.decorated()?,
            "async" => {
                let next = self.text(self.tok_at(1));
                self.advance();
                match next {
                    "def" => self.funcdef(start, Vec::new(), true)?,
                    "for" => self.for_stmt(start, true)?,
                    "with" => self.with_stmt(start, true)?,
                    _ => return Err(self.invalid_syntax()),
                }
            }
            "match" if self.looks_like_match() => self.match_stmt(start)?,
            _ => return Ok(None),
        };
        Ok(Some(stmt))
    }

    /// The condition of if/elif/while, with the `=`-for-`==` diagnostics.
    fn condition(&mut self) -> PResult<Expr> {
        let test = self.named_expression()?;
        if self.is_op("=") {
            return Err(self.misplaced_assignment(test)?);
        }
        Ok(test)
    }

    /// invalid_named_expression: `a = b` where an expression was expected.
    fn misplaced_assignment(&mut self, target: Expr) -> PResult<SyntaxError> {
        self.advance();
        let value = self.bitwise_or()?;
        if self.is_op("=") || self.is_op(":=") {
            return Ok(self.invalid_syntax());
        }
        if let ExprKind::Name { .. } = target.kind {
            return Ok(self.error_span(
                target.span.to(value.span),
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            ));
        }
        if maybe_comparison(&target) && is_bitwise_or_level(&target) {
            let msg = format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(&target));
            return Ok(self.error_span(target.span, &msg));
        }
        Ok(self.invalid_syntax())
    }

    /// The `:` after a compound statement header: "expected ':'" when the
    /// line ends instead.
    fn header_colon(&mut self) -> PResult<()> {
        if self.is_op(":") {
            self.advance();
            return Ok(());
        }
        if self.kind() == T::Newline {
            let span = tok_span(self.tok());
            return Err(self.error_span(span, "expected ':'"));
        }
        Err(self.invalid_syntax())
    }

    fn if_stmt(&mut self, start: Pos, keyword: &str) -> PResult<Stmt> {
        let line = self.advance().start.line;
        let test = self.condition()?;
        self.header_colon()?;
        let body = self.block(&format!("'{}' statement", keyword), line)?;
        let orelse = if self.is_kw("elif") {
            let s = self.start();
            vec![self.if_stmt(s, "elif")?]
        } else {
            self.else_block()?
        };
        Ok(Stmt { kind: StmtKind::If { test, body, orelse }, span: self.span_from(start) })
    }

    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        if !self.is_kw("else") {
            return Ok(Vec::new());
        }
        let line = self.advance().start.line;
        self.expect_forced(":")?;
        self.block("'else' statement", line)
    }

    fn while_stmt(&mut self, start: Pos) -> PResult<Stmt> {
        let line = self.advance().start.line;
        let test = self.condition()?;
        self.header_colon()?;
        let body = self.block("'while' statement", line)?;
        let orelse = self.else_block()?;
        Ok(Stmt { kind: StmtKind::While { test, body, orelse }, span: self.span_from(start) })
    }

    fn for_stmt(&mut self, start: Pos, is_async: bool) -> PResult<Stmt> {
        let line = self.advance().start.line;
        let target = self.for_target()?;
        self.expect_kw("in")?;
        let iter = self.star_expressions()?;
        self.header_colon()?;
        let body = self.block("'for' statement", line)?;
        let orelse = self.else_block()?;
        let kind = if is_async {
            StmtKind::AsyncFor { target, iter, body, orelse }
        } else {
            StmtKind::For { target, iter, body, orelse }
        };
        Ok(Stmt { kind, span: self.span_from(start) })
    }

    /// `star_targets` before `in` (of a for statement or comprehension).
    fn for_target(&mut self) -> PResult<Expr> {
        let start = self.start();
        let mut elts = vec![self.target_element()?];
        let mut tuple = false;
        while self.is_op(",") {
            tuple = true;
            self.advance();
            if self.is_kw("in") {
                break;
            }
            elts.push(self.target_element()?);
        }
        let mut target = if tuple {
            Expr { kind: ExprKind::Tuple { elts, ctx: Context::Store }, span: self.span_from(start) }
        } else {
            elts.pop().unwrap()
        };
        if let Some(bad) = invalid_target(&target, TargetKind::For) {
            let msg = format!("cannot assign to {}", expr_name(bad));
            return Err(self.error_span(bad.span, &msg));
        }
        set_context(&mut target, Context::Store);
        Ok(target)
    }

    /// One element of a target list: a starred or plain primary-level expression.
    fn target_element(&mut self) -> PResult<Expr> {
        if self.is_op("*") {
            let start = self.start();
            self.advance();
            let value = self.target_element()?;
            return Ok(Expr { kind: ExprKind::Starred { value: Box::new(value), ctx: Context::Store }, span: self.span_from(start) });
        }
        self.bitwise_or()
    }

    fn try_stmt(&mut self, start: Pos) -> PResult<Stmt> {
        let line = self.advance().start.line;
        self.expect_forced(":")?;
        let body = self.block("'try' statement", line)?;
        let mut handlers = Vec::new();
        let mut star = None;
        while self.is_kw("except") {
            let hstart = self.start();
            let hline = self.advance().start.line;
            let is_star = self.eat_op("*");
            if let Some(prev) = star {
                if prev != is_star {
                    let span = tok_span(self.tok());
                    return Err(self.error_span(span, "cannot have both 'except' and 'except*' on the same 'try'"));
                }
            }
            star = Some(is_star);
            let (type_, name) = if self.is_op(":") || self.kind() == T::Newline {
                if is_star {
                    let span = tok_span(self.tok());
                    return Err(self.error_span(span, "expected one or more exception types"));
                }
                (None, None)
            } else {
                let t = self.expression()?;
                if self.is_op(",") {
                    let s = t.span;
                    self.advance();
                    let rest = self.expression()?;
                    return Err(self.error_span(s.to(rest.span), "multiple exception types must be parenthesized"));
                }
                let name = if self.eat_kw("as") { Some(self.expect_name()?) } else { None };
                (Some(t), name)
            };
            self.header_colon()?;
            let what = if is_star { "'except*' statement" } else { "'except' statement" };
            let hbody = self.block(what, hline)?;
            handlers.push(ExceptHandler { type_, name, body: hbody, span: self.span_from(hstart) });
        }
        let orelse = if handlers.is_empty() { Vec::new() } else { self.else_block()? };
        let finalbody = if self.is_kw("finally") {
            let fline = self.advance().start.line;
            self.expect_forced(":")?;
            self.block("'finally' statement", fline)?
        } else {
            Vec::new()
        };
        if handlers.is_empty() && finalbody.is_empty() {
            let span = tok_span(self.tok());
            return Err(self.error_span(span, "expected 'except' or 'finally' block"));
        }
        let kind = if star == Some(true) {
            StmtKind::TryStar { body, handlers, orelse, finalbody }
        } else {
            StmtKind::Try { body, handlers, orelse, finalbody }
        };
        Ok(Stmt { kind, span: self.span_from(start) })
    }

    fn with_stmt(&mut self, start: Pos, is_async: bool) -> PResult<Stmt> {
        let line = self.advance().start.line;
        let items = if self.is_op("(") && self.parenthesized_with_items() {
            self.advance();
            let mut items = Vec::new();
            loop {
                items.push(self.with_item()?);
                if !self.eat_op(",") || self.is_op(")") {
                    break;
                }
            }
            self.expect_op(")")?;
            items
        } else {
            let mut items = vec![self.with_item()?];
            while self.eat_op(",") {
                items.push(self.with_item()?);
            }
            items
        };
        self.header_colon()?;
        let body = self.block("'with' statement", line)?;
        let kind = if is_async { StmtKind::AsyncWith { items, body } } else { StmtKind::With { items, body } };
        Ok(Stmt { kind, span: self.span_from(start) })
    }

    /// `with (a as b, c):` — the parentheses group with-items only if the
    /// matching `)` is directly followed by `:`, and they contain `as` or a
    /// comma at the top level.
    fn parenthesized_with_items(&self) -> bool {
        let mut depth = 0;
        let mut top_level_sep = false;
        let mut i = self.pos;
        while i < self.toks.len() {
            let t = &self.toks[i];
            if t.kind == T::Op {
                match self.text(t) {
                    "(" | "[" | "{" => depth += 1,
                    ")" | "]" | "}" => {
                        depth -= 1;
                        if depth == 0 {
                            let next = &self.toks[(i + 1).min(self.toks.len() - 1)];
                            return top_level_sep && (next.kind == T::Op && self.text(next) == ":" || next.kind == T::Newline);
                        }
                    }
                    "," if depth == 1 => top_level_sep = true,
                    _ => {}
                }
            } else if t.kind == T::Name && depth == 1 && self.text(t) == "as" {
                top_level_sep = true;
            } else if t.kind == T::Newline || t.kind == T::EndMarker {
                return false;
            }
            i += 1;
        }
        false
    }

    fn with_item(&mut self) -> PResult<WithItem> {
        let context_expr = self.expression()?;
        let optional_vars = if self.eat_kw("as") {
            let mut target = self.with_target()?;
            if let Some(bad) = invalid_target(&target, TargetKind::Star) {
                let msg = format!("cannot assign to {}", expr_name(bad));
                return Err(self.error_span(bad.span, &msg));
            }
            set_context(&mut target, Context::Store);
            Some(target)
        } else {
            None
        };
        Ok(WithItem { context_expr, optional_vars })
    }

    fn with_target(&mut self) -> PResult<Expr> {
        self.target_element()
    }

    fn decorated(&mut self) -> PResult<Stmt> {
        let mut decorators = Vec::new();
        while self.eat_op("@") {
            decorators.push(self.named_expression()?);
            if self.kind() != T::Newline {
                return Err(self.invalid_syntax());
            }
            self.advance();
        }
        let start = self.start();
        if self.is_kw("def") {
            self.funcdef(start, decorators, false)
        } else if self.is_kw("async") && self.is_kw_at(1, "def") {
            self.advance();
            self.funcdef(start, decorators, true)
        } else if self.is_kw("class") {
            self.classdef(start, decorators)
        } else {
            Err(self.invalid_syntax())
        }
    }

    fn funcdef(&mut self, start: Pos, decorator_list: Vec<Expr>, is_async: bool) -> PResult<Stmt> {
        let line = self.advance().start.line;
        let name = self.expect_name()?;
        let type_params = self.type_params()?;
        self.expect_forced("(")?;
        let args = self.parameters(")")?;
        self.expect_op(")")?;
        let returns = if self.eat_op("->") { Some(self.expression()?) } else { None };
        self.header_colon()?;
        let body = self.block("function definition", line)?;
        let def = Box::new(FunctionDef { name, args, body, decorator_list, returns, type_params });
        let kind = if is_async { StmtKind::AsyncFunctionDef(def) } else { StmtKind::FunctionDef(def) };
        Ok(Stmt { kind, span: self.span_from(start) })
    }

    fn classdef(&mut self, start: Pos, decorator_list: Vec<Expr>) -> PResult<Stmt> {
        let line = self.advance().start.line;
        let name = self.expect_name()?;
        let type_params = self.type_params()?;
        let (bases, keywords) = if self.eat_op("(") {
            let (args, keywords) = self.call_arguments()?;
            self.expect_op(")")?;
            (args, keywords)
        } else {
            (Vec::new(), Vec::new())
        };
        self.header_colon()?;
        let body = self.block("class definition", line)?;
        let def = Box::new(ClassDef { name, bases, keywords, body, decorator_list, type_params });
        Ok(Stmt { kind: StmtKind::ClassDef(def), span: self.span_from(start) })
    }

    fn type_params(&mut self) -> PResult<Vec<TypeParam>> {
        if !self.eat_op("[") {
            return Ok(Vec::new());
        }
        let mut params = Vec::new();
        loop {
            let start = self.start();
            let kind = if self.eat_op("*") {
                TypeParamKind::TypeVarTuple { name: self.expect_name()? }
            } else if self.eat_op("**") {
                TypeParamKind::ParamSpec { name: self.expect_name()? }
            } else {
                let name = self.expect_name()?;
                let bound = if self.eat_op(":") { Some(self.expression()?) } else { None };
                TypeParamKind::TypeVar { name, bound }
            };
            params.push(TypeParam { kind, span: self.span_from(start) });
            if !self.eat_op(",") || self.is_op("]") {
                break;
            }
        }
        self.expect_op("]")?;
        Ok(params)
    }

    /// Function or lambda parameters up to (not including) `close`.
    fn parameters(&mut self, close: &str) -> PResult<Arguments> {
        let lambda = close == ":";
        let mut args = Arguments::default();
        let mut seen_default = false;
        let mut star_seen = false;
        while !self.is_op(close) {
            if self.is_op("/") {
                let t = self.advance();
                if star_seen {
                    return Err(self.error_span(tok_span(&t), "/ must be ahead of *"));
                }
                if args.args.is_empty() || !args.posonlyargs.is_empty() {
                    let msg = if args.posonlyargs.is_empty() { "at least one argument must precede /" } else { "/ may appear only once" };
                    return Err(self.error_span(tok_span(&t), msg));
                }
                args.posonlyargs = std::mem::take(&mut args.args);
            } else if self.is_op("**") {
                self.advance();
                let arg = self.parameter(lambda, false)?;
                if self.is_op("=") {
                    let span = tok_span(self.tok());
                    return Err(self.error_span(span, "var-keyword argument cannot have default value"));
                }
                args.kwarg = Some(arg);
                if self.eat_op(",") && !self.is_op(close) {
                    let span = tok_span(self.tok());
                    return Err(self.error_span(span, "arguments cannot follow var-keyword argument"));
                }
                break;
            } else if self.is_op("*") {
                let t = self.advance();
                if star_seen {
                    return Err(self.error_span(tok_span(&t), "* argument may appear only once"));
                }
                star_seen = true;
                if self.is_op(",") || self.is_op(close) {
                    if self.is_op(close) || self.is_op_at(1, close) || self.is_op_at(1, "**") {
                        return Err(self.error_span(tok_span(&t), "named arguments must follow bare *"));
                    }
                } else {
                    let arg = self.parameter(lambda, true)?;
                    if self.is_op("=") {
                        let span = tok_span(self.tok());
                        return Err(self.error_span(span, "var-positional argument cannot have default value"));
                    }
                    args.vararg = Some(arg);
                }
            } else {
                let arg = self.parameter(lambda, false)?;
                let default = if self.eat_op("=") {
                    if self.is_op(",") || self.is_op(close) {
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
                        return Err(self.error_span(arg.span, "parameter without a default follows parameter with a default"));
                    }
                    if let Some(d) = default {
                        seen_default = true;
                        args.defaults.push(d);
                    }
                    args.args.push(arg);
                }
            }
            if !self.eat_op(",") {
                break;
            }
        }
        Ok(args)
    }

    fn parameter(&mut self, lambda: bool, star: bool) -> PResult<Arg> {
        let start = self.start();
        let arg = self.expect_name()?;
        let annotation = if !lambda && self.eat_op(":") {
            Some(if star && self.is_op("*") { self.star_expression()? } else { self.expression()? })
        } else {
            None
        };
        Ok(Arg { arg, annotation, span: self.span_from(start) })
    }

    // ---- match statement -----------------------------------------------------

    /// `match` is a soft keyword: a statement only if `match subject:` NEWLINE.
    fn looks_like_match(&self) -> bool {
        let next = self.tok_at(1);
        if matches!(next.kind, T::Newline | T::EndMarker) {
            return false;
        }
        if next.kind == T::Op && matches!(self.text(next), "=" | "." | ")" | "]" | "}" | "," | ":" | ";")
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
                T::Op => match self.text(t) {
                    "(" | "[" | "{" => depth += 1,
                    ")" | "]" | "}" => depth -= 1,
                    ":" if depth == 0 => {
                        return self.toks.get(i + 1).map_or(false, |n| n.kind == T::Newline);
                    }
                    _ => {}
                },
                _ => {}
            }
            i += 1;
        }
        false
    }

    fn augassign_op_at(&self, n: usize) -> bool {
        let t = self.tok_at(n);
        t.kind == T::Op && self.text(t).ends_with('=') && !matches!(self.text(t), "==" | "!=" | "<=" | ">=")
    }

    fn match_stmt(&mut self, start: Pos) -> PResult<Stmt> {
        let line = self.advance().start.line;
        let subject = {
            let s = self.start();
            let first = self.star_named_expression()?;
            if self.is_op(",") {
                let mut elts = vec![first];
                while self.eat_op(",") {
                    if self.is_op(":") {
                        break;
                    }
                    elts.push(self.star_named_expression()?);
                }
                Expr { kind: ExprKind::Tuple { elts, ctx: Context::Load }, span: self.span_from(s) }
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
            let mut e = self.indentation_error(span, &format!("expected an indented block after 'match' statement on line {}", line));
            e.end_col = -1;
            return Err(e);
        }
        self.advance();
        let mut cases = Vec::new();
        while self.is_kw("case") {
            let cline = self.advance().start.line;
            let pattern = self.patterns()?;
            let guard = if self.eat_kw("if") { Some(self.named_expression()?) } else { None };
            self.header_colon()?;
            let body = self.block("'case' statement", cline)?;
            cases.push(MatchCase { pattern, guard, body });
        }
        if cases.is_empty() || self.kind() != T::Dedent {
            return Err(self.invalid_syntax());
        }
        self.advance();
        Ok(Stmt { kind: StmtKind::Match { subject, cases }, span: self.span_from(start) })
    }

    fn patterns(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let first = self.as_pattern()?;
        if !self.is_op(",") {
            return Ok(first);
        }
        let mut pats = vec![first];
        while self.eat_op(",") {
            if self.is_op(":") || self.is_kw("if") {
                break;
            }
            pats.push(self.as_pattern()?);
        }
        Ok(Pattern { kind: PatternKind::MatchSequence(pats), span: self.span_from(start) })
    }

    fn as_pattern(&mut self) -> PResult<Pattern> {
        let start = self.start();
        if self.is_op("*") {
            self.advance();
            let name = self.expect_name()?;
            let name = if &*name == "_" { None } else { Some(name) };
            return Ok(Pattern { kind: PatternKind::MatchStar(name), span: self.span_from(start) });
        }
        let pat = self.or_pattern()?;
        if self.eat_kw("as") {
            let t = self.tok().clone();
            let name = self.expect_name()?;
            if &*name == "_" {
                return Err(self.error_span(tok_span(&t), "cannot use '_' as a target"));
            }
            return Ok(Pattern {
                kind: PatternKind::MatchAs { pattern: Some(Box::new(pat)), name: Some(name) },
                span: self.span_from(start),
            });
        }
        Ok(pat)
    }

    fn or_pattern(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let first = self.closed_pattern()?;
        if !self.is_op("|") {
            return Ok(first);
        }
        let mut alts = vec![first];
        while self.eat_op("|") {
            alts.push(self.closed_pattern()?);
        }
        Ok(Pattern { kind: PatternKind::MatchOr(alts), span: self.span_from(start) })
    }

    fn closed_pattern(&mut self) -> PResult<Pattern> {
        self.enter()?;
        let r = self.closed_pattern_inner();
        self.leave();
        r
    }

    fn closed_pattern_inner(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let mk = |p: &Self, kind| Pattern { kind, span: p.span_from(start) };
        if self.is_op("(") || self.is_op("[") {
            let close = if self.is_op("(") { ")" } else { "]" };
            self.advance();
            let mut pats = Vec::new();
            let mut trailing_comma = false;
            while !self.is_op(close) {
                pats.push(self.as_pattern()?);
                trailing_comma = self.eat_op(",");
                if !trailing_comma {
                    break;
                }
            }
            self.expect_op(close)?;
            if close == ")" && pats.len() == 1 && !trailing_comma {
                let p = pats.pop().unwrap();
                if !matches!(p.kind, PatternKind::MatchStar(_)) {
                    return Ok(p);
                }
                pats.push(p);
            }
            return Ok(mk(self, PatternKind::MatchSequence(pats)));
        }
        if self.is_op("{") {
            return self.mapping_pattern(start);
        }
        if self.kind() == T::Name {
            match self.cur_text() {
                "None" | "True" | "False" => {
                    let t = self.advance();
                    let v = match self.text(&t) {
                        "None" => ConstantValue::None,
                        "True" => ConstantValue::Bool(true),
                        _ => ConstantValue::Bool(false),
                    };
                    return Ok(mk(self, PatternKind::MatchSingleton(v)));
                }
                _ if self.is_name() => {
                    let t = self.advance();
                    let id = self.ident(&t);
                    if !self.is_op(".") && !self.is_op("(") {
                        let name = if &*id == "_" { None } else { Some(id) };
                        return Ok(mk(self, PatternKind::MatchAs { pattern: None, name }));
                    }
                    let mut value = Expr { kind: ExprKind::Name { id, ctx: Context::Load }, span: tok_span(&t) };
                    while self.eat_op(".") {
                        let attr = self.expect_name()?;
                        value = Expr {
                            kind: ExprKind::Attribute { value: Box::new(value), attr, ctx: Context::Load },
                            span: self.span_from(start),
                        };
                    }
                    if self.is_op("(") {
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

    fn literal_pattern_value(&mut self) -> PResult<Expr> {
        let start = self.start();
        if matches!(self.kind(), T::String | T::FStringStart) {
            return self.strings();
        }
        let neg = self.eat_op("-");
        if self.kind() != T::Number {
            return Err(self.invalid_syntax());
        }
        let mut value = self.atom()?;
        if neg {
            value = Expr { kind: ExprKind::UnaryOp { op: UnaryOp::USub, operand: Box::new(value) }, span: self.span_from(start) };
        }
        if self.is_op("+") || self.is_op("-") {
            let op = if self.advance().lo == 0 { Operator::Add } else { Operator::Add };
            let op = if self.text(&self.toks[self.pos - 1]) == "-" { Operator::Sub } else { op };
            let right = self.atom()?;
            value = Expr {
                kind: ExprKind::BinOp { left: Box::new(value), op, right: Box::new(right) },
                span: self.span_from(start),
            };
        }
        Ok(value)
    }

    fn mapping_pattern(&mut self, start: Pos) -> PResult<Pattern> {
        self.advance();
        let mut keys = Vec::new();
        let mut patterns = Vec::new();
        let mut rest = None;
        while !self.is_op("}") {
            if self.eat_op("**") {
                rest = Some(self.expect_name()?);
            } else {
                let key = if self.is_name() {
                    let s = self.start();
                    let t = self.advance();
                    let mut v = Expr { kind: ExprKind::Name { id: self.ident(&t), ctx: Context::Load }, span: tok_span(&t) };
                    while self.eat_op(".") {
                        let attr = self.expect_name()?;
                        v = Expr { kind: ExprKind::Attribute { value: Box::new(v), attr, ctx: Context::Load }, span: self.span_from(s) };
                    }
                    v
                } else if self.is_kw("None") || self.is_kw("True") || self.is_kw("False") {
                    self.atom()?
                } else {
                    self.literal_pattern_value()?
                };
                self.expect_op(":")?;
                keys.push(key);
                patterns.push(self.as_pattern()?);
            }
            if !self.eat_op(",") {
                break;
            }
        }
        self.expect_op("}")?;
        Ok(Pattern { kind: PatternKind::MatchMapping { keys, patterns, rest }, span: self.span_from(start) })
    }

    fn class_pattern(&mut self, start: Pos, cls: Expr) -> PResult<Pattern> {
        self.advance();
        let mut patterns = Vec::new();
        let mut kwd_attrs = Vec::new();
        let mut kwd_patterns = Vec::new();
        while !self.is_op(")") {
            if self.is_name() && self.is_op_at(1, "=") {
                kwd_attrs.push(self.expect_name()?);
                self.advance();
                kwd_patterns.push(self.as_pattern()?);
            } else {
                let p = self.as_pattern()?;
                if !kwd_attrs.is_empty() {
                    return Err(self.error_span(p.span, "positional patterns follow keyword patterns"));
                }
                patterns.push(p);
            }
            if !self.eat_op(",") {
                break;
            }
        }
        self.expect_op(")")?;
        Ok(Pattern {
            kind: PatternKind::MatchClass { cls, patterns, kwd_attrs, kwd_patterns },
            span: self.span_from(start),
        })
    }

    // ---- expressions -------------------------------------------------------

    fn starts_expression(&self) -> bool {
        match self.kind() {
            T::Name => {
                let s = self.cur_text();
                !is_keyword(s) || matches!(s, "None" | "True" | "False" | "not" | "lambda" | "await")
            }
            T::Number | T::String | T::FStringStart => true,
            T::Op => matches!(self.cur_text(), "(" | "[" | "{" | "-" | "+" | "~" | "..." | "*"),
            _ => false,
        }
    }

    /// star_expressions: one expression or an unparenthesized tuple.
    pub fn star_expressions(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.star_expression()?;
        if !self.is_op(",") {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if !self.starts_expression() {
                break;
            }
            elts.push(self.star_expression()?);
        }
        Ok(Expr { kind: ExprKind::Tuple { elts, ctx: Context::Load }, span: self.span_from(start) })
    }

    fn star_expression(&mut self) -> PResult<Expr> {
        if self.is_op("*") {
            let start = self.start();
            self.advance();
            let value = self.bitwise_or()?;
            return Ok(Expr { kind: ExprKind::Starred { value: Box::new(value), ctx: Context::Load }, span: self.span_from(start) });
        }
        self.expression()
    }

    /// For `del` targets: starred or bitwise_or-level items.
    fn star_expression_or_bitor(&mut self) -> PResult<Expr> {
        self.star_expression()
    }

    fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.is_op("*") {
            let start = self.start();
            self.advance();
            let value = self.bitwise_or()?;
            return Ok(Expr { kind: ExprKind::Starred { value: Box::new(value), ctx: Context::Load }, span: self.span_from(start) });
        }
        self.named_expression()
    }

    pub fn named_expression(&mut self) -> PResult<Expr> {
        if self.is_name() && self.is_op_at(1, ":=") {
            let start = self.start();
            let t = self.advance();
            self.advance();
            let target = Expr { kind: ExprKind::Name { id: self.ident(&t), ctx: Context::Store }, span: tok_span(&t) };
            let value = self.expression()?;
            return Ok(Expr {
                kind: ExprKind::NamedExpr { target: Box::new(target), value: Box::new(value) },
                span: self.span_from(start),
            });
        }
        let e = self.expression()?;
        if self.is_op(":=") {
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

    fn expression_inner(&mut self) -> PResult<Expr> {
        if self.is_kw("lambda") {
            return self.lambda();
        }
        let start = self.start();
        let body = self.disjunction()?;
        if !self.is_kw("if") {
            return Ok(body);
        }
        // `x if` without `else` is a genexp/comprehension condition only
        // inside those; here it must be a conditional expression.
        self.advance();
        let test = self.disjunction()?;
        if !self.is_kw("else") {
            let span = body.span.to(test.span);
            return Err(self.error_span(span, "expected 'else' after 'if' expression"));
        }
        self.advance();
        let orelse = self.expression()?;
        Ok(Expr {
            kind: ExprKind::IfExp { test: Box::new(test), body: Box::new(body), orelse: Box::new(orelse) },
            span: self.span_from(start),
        })
    }

    fn lambda(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.advance();
        let args = self.parameters(":")?;
        self.expect_op(":")?;
        let body = self.expression()?;
        Ok(Expr { kind: ExprKind::Lambda { args: Box::new(args), body: Box::new(body) }, span: self.span_from(start) })
    }

    fn disjunction(&mut self) -> PResult<Expr> {
        self.bool_op("or")
    }

    fn bool_op(&mut self, kw: &str) -> PResult<Expr> {
        let start = self.start();
        let first = if kw == "or" { self.bool_op("and")? } else { self.inversion()? };
        if !self.is_kw(kw) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat_kw(kw) {
            values.push(if kw == "or" { self.bool_op("and")? } else { self.inversion()? });
        }
        let op = if kw == "or" { BoolOp::Or } else { BoolOp::And };
        Ok(Expr { kind: ExprKind::BoolOp { op, values }, span: self.span_from(start) })
    }

    fn inversion(&mut self) -> PResult<Expr> {
        if self.is_kw("not") {
            let start = self.start();
            self.advance();
            self.enter()?;
            let operand = self.inversion();
            self.leave();
            let operand = operand?;
            return Ok(Expr { kind: ExprKind::UnaryOp { op: UnaryOp::Not, operand: Box::new(operand) }, span: self.span_from(start) });
        }
        self.comparison()
    }

    fn comparison(&mut self) -> PResult<Expr> {
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
        Ok(Expr { kind: ExprKind::Compare { left: Box::new(left), ops, comparators }, span: self.span_from(start) })
    }

    /// Consume a comparison operator if one is next.
    fn comparison_op(&mut self) -> Option<CmpOp> {
        let op = match (self.kind(), self.cur_text()) {
            (T::Op, "==") => CmpOp::Eq,
            (T::Op, "!=") => CmpOp::NotEq,
            (T::Op, "<") => CmpOp::Lt,
            (T::Op, "<=") => CmpOp::LtE,
            (T::Op, ">") => CmpOp::Gt,
            (T::Op, ">=") => CmpOp::GtE,
            (T::Name, "in") => CmpOp::In,
            (T::Name, "not") if self.is_kw_at(1, "in") => {
                self.advance();
                CmpOp::NotIn
            }
            (T::Name, "is") => {
                if self.is_kw_at(1, "not") {
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
    fn binary(&mut self, min_prec: u8) -> PResult<Expr> {
        let start = self.start();
        let mut left = self.factor()?;
        let depth = self.depth;
        while let Some((op, prec)) = self.binary_op() {
            if prec < min_prec {
                break;
            }
            self.enter()?;
            self.advance();
            let right = self.binary(prec + 1)?;
            left = Expr {
                kind: ExprKind::BinOp { left: Box::new(left), op, right: Box::new(right) },
                span: self.span_from(start),
            };
        }
        self.depth = depth;
        Ok(left)
    }

    fn binary_op(&self) -> Option<(Operator, u8)> {
        if self.kind() != T::Op {
            return None;
        }
        Some(match self.cur_text() {
            "|" => (Operator::BitOr, 0),
            "^" => (Operator::BitXor, 1),
            "&" => (Operator::BitAnd, 2),
            "<<" => (Operator::LShift, 3),
            ">>" => (Operator::RShift, 3),
            "+" => (Operator::Add, 4),
            "-" => (Operator::Sub, 4),
            "*" => (Operator::Mult, 5),
            "/" => (Operator::Div, 5),
            "//" => (Operator::FloorDiv, 5),
            "%" => (Operator::Mod, 5),
            "@" => (Operator::MatMult, 5),
            _ => return None,
        })
    }

    fn factor(&mut self) -> PResult<Expr> {
        let op = match (self.kind(), self.cur_text()) {
            (T::Op, "-") => UnaryOp::USub,
            (T::Op, "+") => UnaryOp::UAdd,
            (T::Op, "~") => UnaryOp::Invert,
            _ => return self.power(),
        };
        let start = self.start();
        self.advance();
        self.enter()?;
        let operand = self.factor();
        self.leave();
        let operand = operand?;
        Ok(Expr { kind: ExprKind::UnaryOp { op, operand: Box::new(operand) }, span: self.span_from(start) })
    }

    fn power(&mut self) -> PResult<Expr> {
        let start = self.start();
        let base = if self.is_kw("await") {
            self.advance();
            let value = self.primary()?;
            Expr { kind: ExprKind::Await(Box::new(value)), span: self.span_from(start) }
        } else {
            self.primary()?
        };
        if !self.eat_op("**") {
            return Ok(base);
        }
        self.enter()?;
        let exponent = self.factor();
        self.leave();
        let exponent = exponent?;
        Ok(Expr {
            kind: ExprKind::BinOp { left: Box::new(base), op: Operator::Pow, right: Box::new(exponent) },
            span: self.span_from(start),
        })
    }

    fn primary(&mut self) -> PResult<Expr> {
        let start = self.start();
        let mut e = self.atom()?;
        let depth = self.depth;
        loop {
            if matches!(self.cur_text(), "." | "(" | "[") && self.kind() == T::Op {
                self.enter()?;
            }
            if self.is_op(".") {
                self.advance();
                let attr = self.expect_name()?;
                e = Expr { kind: ExprKind::Attribute { value: Box::new(e), attr, ctx: Context::Load }, span: self.span_from(start) };
            } else if self.is_op("(") {
                e = self.call(start, e)?;
            } else if self.is_op("[") {
                self.advance();
                let slice = self.slices()?;
                self.expect_op("]")?;
                e = Expr {
                    kind: ExprKind::Subscript { value: Box::new(e), slice: Box::new(slice), ctx: Context::Load },
                    span: self.span_from(start),
                };
            } else {
                self.depth = depth;
                return Ok(e);
            }
        }
    }

    fn call(&mut self, start: Pos, func: Expr) -> PResult<Expr> {
        let open = self.advance();
        // A lone generator expression argument: `f(x for x in y)`.
        self.enter()?;
        let r = self.call_arguments();
        self.leave();
        let (mut args, keywords) = r?;
        let close = self.expect_op(")")?;
        if args.len() == 1 && keywords.is_empty() {
            if let ExprKind::GeneratorExp { .. } = args[0].kind {
                if args[0].span.col == u32::MAX {
                    args[0].span = Span { line: open.start.line, col: open.start.col, end_line: close.end.line, end_col: close.end.col };
                }
            }
        }
        Ok(Expr { kind: ExprKind::Call { func: Box::new(func), args, keywords }, span: self.span_from(start) })
    }

    /// Call arguments up to `)`: positional, `*args`, `name=value`, `**kw`.
    fn call_arguments(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let mut args = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        let mut count = 0;
        while !self.is_op(")") {
            count += 1;
            let start = self.start();
            if self.is_op("*") {
                let e = self.star_expression()?;
                if keywords.iter().any(|k| k.arg.is_none()) {
                    // pegen places it from the comma before `*` to the end.
                    let comma = tok_span(&self.toks[self.pos.saturating_sub(1)]);
                    let comma = self.toks[..self.pos].iter().rev().find(|t| t.kind == T::Op && self.text(t) == "," && t.start.line <= start.line && (t.start.line < start.line || t.start.col < start.col)).map_or(comma, tok_span);
                    return Err(self.error_span(
                        comma.to(e.span),
                        "iterable argument unpacking follows keyword argument unpacking",
                    ));
                }
                args.push(e);
            } else if self.is_op("**") {
                self.advance();
                let value = self.expression()?;
                keywords.push(Keyword { arg: None, value, span: self.span_from(start) });
            } else if self.kind() == T::Name && self.is_op_at(1, "=") {
                let t = self.advance();
                let name_text = self.text(&t);
                if is_keyword(name_text) && !matches!(name_text, "True" | "False" | "None") {
                    self.pos -= 1;
                    return Err(self.invalid_syntax());
                }
                if is_keyword(name_text) {
                    let eq = self.tok().clone();
                    let msg = match name_text {
                        "True" | "False" | "None" => format!("cannot assign to {}", name_text),
                        _ => "expression cannot contain assignment, perhaps you meant \"==\"?".to_string(),
                    };
                    let span = if matches!(name_text, "True" | "False" | "None") { tok_span(&t) } else { tok_span(&t).to(tok_span(&eq)) };
                    return Err(self.error_span(span, &msg));
                }
                self.advance();
                let value = self.expression()?;
                keywords.push(Keyword { arg: Some(self.ident(&t)), value, span: self.span_from(start) });
            } else {
                let e = self.named_expression()?;
                if self.is_kw("for") || self.is_kw("async") && self.is_kw_at(1, "for") {
                    let generators = self.comprehension_clauses()?;
                    let mut g = Expr { kind: ExprKind::GeneratorExp { elt: Box::new(e), generators }, span: self.span_from(start) };
                    if count == 1 && self.is_op(")") {
                        g.span.col = u32::MAX; // the call's parentheses become the genexp's
                    } else {
                        let span = g.span;
                        return Err(self.error_span(span, "Generator expression must be parenthesized"));
                    }
                    args.push(g);
                    continue;
                }
                if self.is_op("=") {
                    let eq = self.tok().clone();
                    return Err(self.error_span(e.span.to(tok_span(&eq)), "expression cannot contain assignment, perhaps you meant \"==\"?"));
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
                if !self.is_op(",") && !self.is_op(")") {
                    return Err(self.missing_comma_or_invalid(&e));
                }
                args.push(e);
            }
            if !self.eat_op(",") {
                break;
            }
        }
        Ok((args, keywords))
    }

    /// The contents of `[...]` in a subscript: a slice, an expression, or a tuple of them.
    fn slices(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.slice()?;
        if !self.is_op(",") {
            if let ExprKind::Starred { .. } = first.kind {
                // `a[*b]` is a one-element tuple.
                return Ok(Expr { kind: ExprKind::Tuple { elts: vec![first], ctx: Context::Load }, span: self.span_from(start) });
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.is_op("]") {
                break;
            }
            elts.push(self.slice()?);
        }
        Ok(Expr { kind: ExprKind::Tuple { elts, ctx: Context::Load }, span: self.span_from(start) })
    }

    fn slice(&mut self) -> PResult<Expr> {
        let start = self.start();
        if self.is_op("*") {
            return self.star_expression();
        }
        let lower = if self.is_op(":") { None } else { Some(self.named_expression()?) };
        if !self.is_op(":") {
            return Ok(lower.unwrap());
        }
        self.advance();
        let upper = if self.is_op(":") || self.is_op("]") || self.is_op(",") { None } else { Some(Box::new(self.expression()?)) };
        let step = if self.eat_op(":") {
            if self.is_op("]") || self.is_op(",") { None } else { Some(Box::new(self.expression()?)) }
        } else {
            None
        };
        Ok(Expr { kind: ExprKind::Slice { lower: lower.map(Box::new), upper, step }, span: self.span_from(start) })
    }

    fn atom(&mut self) -> PResult<Expr> {
        let start = self.start();
        let t = self.tok().clone();
        match t.kind {
            T::Name => {
                let text = self.text(&t);
                let value = match text {
                    "None" => Some(ConstantValue::None),
                    "True" => Some(ConstantValue::Bool(true)),
                    "False" => Some(ConstantValue::Bool(false)),
                    _ => None,
                };
                if let Some(value) = value {
                    self.advance();
                    return Ok(Expr { kind: ExprKind::Constant(value), span: tok_span(&t) });
                }
                if is_keyword(text) {
                    return Err(self.invalid_syntax());
                }
                self.advance();
                Ok(Expr { kind: ExprKind::Name { id: self.ident(&t), ctx: Context::Load }, span: tok_span(&t) })
            }
            T::Number => {
                self.advance();
                let value = strings::parse_number(self.text(&t));
                Ok(Expr { kind: ExprKind::Constant(value), span: tok_span(&t) })
            }
            T::String | T::FStringStart => self.strings(),
            T::Op => match self.text(&t) {
                "(" => self.paren(start),
                "[" => self.list(start),
                "{" => self.dict_or_set(start),
                "..." => {
                    self.advance();
                    Ok(Expr { kind: ExprKind::Constant(ConstantValue::Ellipsis), span: tok_span(&t) })
                }
                _ => Err(self.invalid_syntax()),
            },
            _ => Err(self.invalid_syntax()),
        }
    }

    fn paren(&mut self, start: Pos) -> PResult<Expr> {
        self.advance();
        self.enter()?;
        let r = self.paren_inner(start);
        self.leave();
        r
    }

    fn paren_inner(&mut self, start: Pos) -> PResult<Expr> {
        if self.eat_op(")") {
            return Ok(Expr { kind: ExprKind::Tuple { elts: Vec::new(), ctx: Context::Load }, span: self.span_from(start) });
        }
        if self.is_kw("yield") {
            let e = self.yield_expr()?;
            self.expect_op(")")?;
            return Ok(e);
        }
        let first = self.star_named_expression()?;
        if self.is_kw("for") || self.is_kw("async") && self.is_kw_at(1, "for") {
            let generators = self.comprehension_clauses()?;
            self.expect_op(")")?;
            return Ok(Expr { kind: ExprKind::GeneratorExp { elt: Box::new(first), generators }, span: self.span_from(start) });
        }
        if self.eat_op(")") {
            if let ExprKind::Starred { .. } = first.kind {
                return Err(self.error_span(first.span, "cannot use starred expression here"));
            }
            return Ok(first);
        }
        if !self.is_op(",") {
            if self.is_op("=") {
                return Err(self.misplaced_assignment(first)?);
            }
            return Err(self.missing_comma_or_invalid(&first));
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.is_op(")") {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        if !self.is_op(")") {
            let last = elts.last().unwrap().clone();
            return Err(self.missing_comma_or_invalid(&last));
        }
        self.advance();
        Ok(Expr { kind: ExprKind::Tuple { elts, ctx: Context::Load }, span: self.span_from(start) })
    }

    /// invalid_expression: two expressions in a row inside brackets —
    /// "Perhaps you forgot a comma?" — else the generic error.
    fn missing_comma_or_invalid(&mut self, prev: &Expr) -> SyntaxError {
        if self.starts_expression() && !self.is_op("*") && !self.is_kw("not") && !self.is_op("-") && !self.is_op("+") && !self.is_op("~") {
            let generic = self.invalid_syntax();
            let save = (self.pos, self.last_end);
            let next = self.expression();
            self.pos = save.0;
            self.last_end = save.1;
            if let Ok(next) = next {
                let legacy = matches!(&prev.kind, ExprKind::Name { id, .. } if matches!(&**id, "print" | "exec" | "match" | "case" | "type" | "_"));
                let name_string = matches!(prev.kind, ExprKind::Name { .. }) && matches!(next.kind, ExprKind::Constant(ConstantValue::Str(_)) | ExprKind::JoinedStr(_));
                if !legacy && !name_string && is_bitwise_or_level(prev) || matches!(prev.kind, ExprKind::Compare { .. }) {
                    return self.error_span(prev.span.to(next.span), "invalid syntax. Perhaps you forgot a comma?");
                }
            }
            return generic;
        }
        self.invalid_syntax()
    }

    fn list(&mut self, start: Pos) -> PResult<Expr> {
        self.advance();
        self.enter()?;
        let r = self.list_inner(start);
        self.leave();
        r
    }

    fn list_inner(&mut self, start: Pos) -> PResult<Expr> {
        let mut elts = Vec::new();
        while !self.is_op("]") {
            let e = self.star_named_expression()?;
            if elts.is_empty() && (self.is_kw("for") || self.is_kw("async") && self.is_kw_at(1, "for")) {
                let generators = self.comprehension_clauses()?;
                self.expect_op("]")?;
                return Ok(Expr { kind: ExprKind::ListComp { elt: Box::new(e), generators }, span: self.span_from(start) });
            }
            elts.push(e);
            if !self.eat_op(",") {
                if !self.is_op("]") {
                    return Err(self.missing_comma_or_invalid(elts.last().unwrap()));
                }
                break;
            }
        }
        self.advance();
        Ok(Expr { kind: ExprKind::List { elts, ctx: Context::Load }, span: self.span_from(start) })
    }

    fn dict_or_set(&mut self, start: Pos) -> PResult<Expr> {
        self.advance();
        self.enter()?;
        let r = self.dict_or_set_inner(start);
        self.leave();
        r
    }

    fn dict_or_set_inner(&mut self, start: Pos) -> PResult<Expr> {
        if self.eat_op("}") {
            return Ok(Expr { kind: ExprKind::Dict { keys: Vec::new(), values: Vec::new() }, span: self.span_from(start) });
        }
        // Dict: `key: value` or `**mapping` first.
        if self.is_op("**") {
            return self.dict_rest(start, Vec::new(), Vec::new());
        }
        let first = self.star_named_expression()?;
        if self.is_op(":") {
            let colon = self.advance();
            if self.is_op("}") || self.is_op(",") {
                return Err(self.error_span(tok_span(&colon), "expression expected after dictionary key and ':'"));
            }
            let value = self.expression()?;
            if self.is_kw("for") || self.is_kw("async") && self.is_kw_at(1, "for") {
                let generators = self.comprehension_clauses()?;
                self.expect_op("}")?;
                return Ok(Expr {
                    kind: ExprKind::DictComp { key: Box::new(first), value: Box::new(value), generators },
                    span: self.span_from(start),
                });
            }
            let keys = vec![Some(first)];
            let values = vec![value];
            if !self.eat_op(",") {
                if !self.is_op("}") {
                    return Err(self.missing_comma_or_invalid(&values[0].clone()));
                }
                self.expect_op("}")?;
                return Ok(Expr { kind: ExprKind::Dict { keys, values }, span: self.span_from(start) });
            }
            return self.dict_rest(start, keys, values);
        }
        if self.is_kw("for") || self.is_kw("async") && self.is_kw_at(1, "for") {
            let generators = self.comprehension_clauses()?;
            self.expect_op("}")?;
            return Ok(Expr { kind: ExprKind::SetComp { elt: Box::new(first), generators }, span: self.span_from(start) });
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.is_op("}") {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        if !self.is_op("}") {
            return Err(self.missing_comma_or_invalid(&elts.last().unwrap().clone()));
        }
        self.advance();
        Ok(Expr { kind: ExprKind::Set(elts), span: self.span_from(start) })
    }

    fn dict_rest(&mut self, start: Pos, mut keys: Vec<Option<Expr>>, mut values: Vec<Expr>) -> PResult<Expr> {
        while !self.is_op("}") {
            if self.eat_op("**") {
                keys.push(None);
                values.push(self.bitwise_or()?);
            } else {
                let key = self.expression()?;
                if !self.is_op(":") {
                    let mut e = self.error_span(key.span, "':' expected after dictionary key");
                    e.line = key.span.end_line;
                    e.col = e.end_col - 1;
                    e.end_col = 0;
                    return Err(e);
                }
                let colon = self.expect_op(":")?;
                if self.is_op("}") || self.is_op(",") {
                    return Err(self.error_span(tok_span(&colon), "expression expected after dictionary key and ':'"));
                }
                keys.push(Some(key));
                values.push(self.expression()?);
            }
            if !self.eat_op(",") {
                if !self.is_op("}") {
                    return Err(self.missing_comma_or_invalid(&values.last().unwrap().clone()));
                }
                break;
            }
        }
        self.expect_op("}")?;
        Ok(Expr { kind: ExprKind::Dict { keys, values }, span: self.span_from(start) })
    }

    fn comprehension_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut generators = Vec::new();
        loop {
            let is_async = if self.is_kw("async") && self.is_kw_at(1, "for") {
                self.advance();
                true
            } else {
                false
            };
            if !self.eat_kw("for") {
                break;
            }
            let target = self.for_target()?;
            self.expect_kw("in")?;
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat_kw("if") {
                ifs.push(self.disjunction()?);
            }
            generators.push(Comprehension { target, iter, ifs, is_async });
        }
        Ok(generators)
    }

    fn yield_expr(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.advance();
        if self.eat_kw("from") {
            let value = self.expression()?;
            return Ok(Expr { kind: ExprKind::YieldFrom(Box::new(value)), span: self.span_from(start) });
        }
        let value = if self.starts_expression() { Some(Box::new(self.star_expressions()?)) } else { None };
        Ok(Expr { kind: ExprKind::Yield(value), span: self.span_from(start) })
    }

    // ---- strings -------------------------------------------------------------

    /// One or more adjacent string literals, concatenated as CPython does.
    fn strings(&mut self) -> PResult<Expr> {
        let start = self.start();
        let mut parts: Vec<Expr> = Vec::new();
        let mut any_fstring = false;
        let mut bytes: Option<bool> = None;
        let mut first_tok: Option<Token> = None;
        while matches!(self.kind(), T::String | T::FStringStart) {
            let t = self.tok().clone();
            if first_tok.is_none() {
                first_tok = Some(t.clone());
            }
            if t.kind == T::FStringStart {
                any_fstring = true;
                if bytes == Some(true) {
                    return Err(self.error_span(tok_span(&t), "cannot mix bytes and nonbytes literals"));
                }
                bytes = Some(false);
                parts.extend(self.fstring()?);
            } else {
                self.advance();
                let (value, is_bytes, warning) = strings::decode_string_literal(self.text(&t))
                    .map_err(|(msg, _)| self.error_span(tok_span(&t), &msg))?;
                if let Some(w) = warning {
                    self.warnings.push((t.start.line, w));
                }
                if bytes.map_or(false, |b| b != is_bytes) {
                    while matches!(self.kind(), T::String | T::FStringStart) {
                        self.advance();
                    }
                    let span = tok_span(self.tok());
                    return Err(self.error_span(span, "cannot mix bytes and nonbytes literals"));
                }
                bytes = Some(is_bytes);
                parts.push(Expr { kind: ExprKind::Constant(value), span: tok_span(&t) });
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
            return Ok(Expr { kind: ExprKind::Constant(value), span });
        }
        Ok(Expr { kind: ExprKind::JoinedStr(merge_constants(parts)), span })
    }

    /// An f-string from FSTRING_START to FSTRING_END: its values, unmerged.
    fn fstring(&mut self) -> PResult<Vec<Expr>> {
        let start_tok = self.advance();
        let raw = strings::prefix_is_raw(self.text(&start_tok));
        let mut values = Vec::new();
        loop {
            match self.kind() {
                T::FStringEnd => {
                    self.advance();
                    return Ok(values);
                }
                T::FStringMiddle => {
                    let t = self.advance();
                    let text = self.fstring_middle(&t, raw)?;
                    values.push(Expr { kind: ExprKind::Constant(ConstantValue::Str(Rc::from(text))), span: tok_span(&t) });
                }
                T::Op if self.is_op("{") => {
                    self.replacement_field(&mut values, raw)?;
                }
                _ => return Err(self.invalid_syntax()),
            }
        }
    }

    fn fstring_middle(&mut self, t: &Token, raw: bool) -> PResult<String> {
        let (text, warning) =
            strings::decode_fstring_middle(self.text(t), raw).map_err(|(msg, _)| self.error_span(tok_span(t), &msg))?;
        if let Some(w) = warning {
            self.warnings.push((t.start.line, w));
        }
        Ok(text)
    }

    /// `{expr[=][!conv][:spec]}` appended to `values` (a debug `=` adds the
    /// expression text as a constant first).
    fn replacement_field(&mut self, values: &mut Vec<Expr>, raw: bool) -> PResult<()> {
        let open = self.advance();
        self.enter()?;
        let r = self.replacement_field_inner(values, raw, open);
        self.leave();
        r
    }

    fn replacement_field_inner(&mut self, values: &mut Vec<Expr>, raw: bool, open: Token) -> PResult<()> {
        if self.is_op("}") || self.is_op("!") || self.is_op(":") || self.is_op("=") {
            let span = tok_span(self.tok());
            let what = self.cur_text();
            return Err(self.error_span(span, &format!("f-string: valid expression required before '{}'", what)));
        }
        if self.is_kw("lambda") {
            let start = tok_span(self.tok());
            let colon = self.toks[self.pos..].iter().find(|t| t.kind == T::Op && self.text(t) == ":").map_or(start, tok_span);
            return Err(self.error_span(start.to(colon), "f-string: lambda expressions are not allowed without parentheses"));
        }
        let value = if self.is_kw("yield") { self.yield_expr()? } else { self.star_expressions()? };
        if !["=", "!", ":", "}"].iter().any(|op| self.is_op(op)) {
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
        if self.is_op("=") {
            let eq = self.advance();
            let _ = eq;
            if !["!", ":", "}"].iter().any(|op| self.is_op(op)) {
                let span = tok_span(self.tok());
                return Err(self.error_span(span, "f-string: expecting '!', or ':', or '}'"));
            }
            let after = self.tok().clone();
            let text = &self.src[open.hi..after.lo];
            let span = Span { line: open.end.line, col: open.end.col, end_line: after.start.line, end_col: after.start.col };
            debug = Some(Expr { kind: ExprKind::Constant(ConstantValue::Str(Rc::from(text))), span });
        }
        let mut conversion = -1;
        if self.is_op("!") {
            let bang = self.advance();
            let t = self.tok().clone();
            if t.kind != T::Name {
                let span = tok_span(&t);
                return Err(self.error_span(span, "f-string: missing conversion character"));
            }
            if t.start != bang.end {
                let span = tok_span(&bang).to(tok_span(&t));
                return Err(self.error_span(span, "f-string: conversion type must come right after the exclamanation mark"));
            }
            self.advance();
            conversion = match self.text(&t) {
                "s" => b's' as i32,
                "r" => b'r' as i32,
                "a" => b'a' as i32,
                other => {
                    let msg = format!("f-string: invalid conversion character '{}': expected 's', 'r', or 'a'", other);
                    return Err(self.error_span(tok_span(&t), &msg));
                }
            };
            if !self.is_op(":") && !self.is_op("}") {
                let span = tok_span(self.tok());
                return Err(self.error_span(span, "f-string: expecting ':' or '}'"));
            }
        }
        let mut format_spec = None;
        if self.is_op(":") {
            let colon = self.advance();
            let mut spec = Vec::new();
            loop {
                match self.kind() {
                    T::FStringMiddle => {
                        let t = self.advance();
                        let text = self.fstring_middle(&t, raw)?;
                        spec.push(Expr { kind: ExprKind::Constant(ConstantValue::Str(Rc::from(text))), span: tok_span(&t) });
                    }
                    T::Op if self.is_op("{") => self.replacement_field(&mut spec, raw)?,
                    _ => break,
                }
            }
            if self.kind() == T::FStringEnd {
                let span = tok_span(self.tok());
                return Err(self.error_span(span, "f-string: expecting '}', or format specs"));
            }
            let end = self.tok().start;
            let span = Span { line: colon.start.line, col: colon.start.col, end_line: end.line, end_col: end.col };
            format_spec = Some(Box::new(Expr { kind: ExprKind::JoinedStr(spec), span }));
        }
        if !self.is_op("}") {
            if self.at_sentinel() {
                return Err(self.invalid_syntax());
            }
            let span = tok_span(self.tok());
            return Err(self.error_span(span, "f-string: expecting '}'"));
        }
        let close = self.advance();
        if debug.is_some() && conversion == -1 && format_spec.is_none() {
            conversion = b'r' as i32;
        }
        if let Some(d) = debug {
            values.push(d);
        }
        let span = Span { line: open.start.line, col: open.start.col, end_line: close.end.line, end_col: close.end.col };
        values.push(Expr { kind: ExprKind::FormattedValue { value: Box::new(value), conversion, format_spec }, span });
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
                        out.push(Expr { kind: ExprKind::Constant(ConstantValue::Str(Rc::from(text))), span });
                    }
                }
                out.push(p);
            }
        }
    }
    if let Some((text, span)) = pending {
        if !text.is_empty() {
            out.push(Expr { kind: ExprKind::Constant(ConstantValue::Str(Rc::from(text))), span });
        }
    }
    out
}

pub fn tok_span(t: &Token) -> Span {
    Span { line: t.start.line, col: t.start.col, end_line: t.end.line, end_col: t.end.col }
}

/// Whether `e` is an expression of bitwise_or level or tighter (not a
/// comparison, boolean operation, `not`, conditional or lambda).
fn is_bitwise_or_level(e: &Expr) -> bool {
    !matches!(
        e.kind,
        ExprKind::Compare { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::UnaryOp { op: UnaryOp::Not, .. }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::NamedExpr { .. }
            | ExprKind::Starred { .. }
            | ExprKind::Yield(_)
            | ExprKind::YieldFrom(_)
    )
}

/// invalid_named_expression's guard: `!(list|tuple|genexp|True|None|False)`.
fn maybe_comparison(e: &Expr) -> bool {
    is_bitwise_or_level(e)
        && !matches!(
            e.kind,
            ExprKind::List { .. }
                | ExprKind::Tuple { .. }
                | ExprKind::GeneratorExp { .. }
                | ExprKind::Constant(ConstantValue::Bool(_))
                | ExprKind::Constant(ConstantValue::None)
        )
}

/// pegen's `_PyPegen_get_invalid_target`: the first sub-expression that cannot be assigned/deleted.
pub fn invalid_target(e: &Expr, kind: TargetKind) -> Option<&Expr> {
    match &e.kind {
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => elts.iter().find_map(|x| invalid_target(x, kind)),
        ExprKind::Starred { value, .. } => {
            if kind == TargetKind::Del {
                Some(e)
            } else {
                invalid_target(value, kind)
            }
        }
        ExprKind::Compare { left, ops, .. } => {
            if kind == TargetKind::For {
                if ops[0] == CmpOp::In {
                    return invalid_target(left, kind);
                }
                return None;
            }
            Some(e)
        }
        ExprKind::Name { .. } | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(e),
    }
}

/// pegen's `_PyPegen_get_expr_name`.
pub fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant(ConstantValue::None) => "None",
        ExprKind::Constant(ConstantValue::Bool(true)) => "True",
        ExprKind::Constant(ConstantValue::Bool(false)) => "False",
        ExprKind::Constant(ConstantValue::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// Set Store/Del context on a target and its tuple/list/starred elements.
pub fn set_context(e: &mut Expr, ctx: Context) {
    match &mut e.kind {
        ExprKind::Name { ctx: c, .. } | ExprKind::Attribute { ctx: c, .. } | ExprKind::Subscript { ctx: c, .. } => *c = ctx,
        ExprKind::Starred { value, ctx: c } => {
            *c = ctx;
            set_context(value, ctx);
        }
        ExprKind::List { elts, ctx: c } | ExprKind::Tuple { elts, ctx: c } => {
            *c = ctx;
            for x in elts {
                set_context(x, ctx);
            }
        }
        _ => {}
    }
}
