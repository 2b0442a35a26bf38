//! A recursive-descent parser for Python 3.12 producing `ast::Module` with
//! the spans CPython's PEG parser records: a node starts at its first token
//! and ends at the last non-NEWLINE/INDENT/DEDENT token it consumed.
//!
//! Statements are parsed by looking at their first token; expression
//! statements parse an expression first and turn it into an assignment
//! target when an `=` follows, checking the target as CPython's
//! `invalid_*` rules would. Binary operators use precedence climbing to keep
//! the Rust stack shallow.

mod depth;
mod expressions;
mod patterns;
mod statements;
mod strings;
mod targets;

use crate::text::substr;
use super::ast::*;
use super::error::{ErrorKind, SyntaxError};
use super::strings as literals;
use super::tokenizer::{Pos, Token, TokenKind as T, Tokens};
use super::words::Word as W;
use std::rc::Rc;
pub use targets::{expr_name, invalid_target, set_context, TargetKind};
use targets::{is_bitwise_or_level, maybe_comparison};

pub type PResult<T> = Result<T, Box<SyntaxError>>;

/// The longest path of statements and expressions in a module (what
/// CPython's compiler passes count against their recursion limit).
pub fn tree_depth(module: &Module) -> usize {
    depth::of_body(&module.body)
}

/// pegen's MAXSTACK: CPython's parser gives up with `MemoryError: Parser
/// stack overflowed - Python source too complex to parse` when its rules
/// nest this deep. pvm counts its own recursion in CPython's rule levels.
const MAX_LEVELS: usize = 6000;

/// The rule levels CPython's parser is down when it reaches the first operand
/// of a statement's expression (so 5966 nested `-` parse, 5968 do not).
const BASE_LEVELS: usize = 33;

/// CPython 3.12.7's compiler passes stop at this path length of statements
/// and expressions (its C recursion limit, less what running the script
/// uses): `RecursionError: maximum recursion depth exceeded during compilation`.
pub const MAX_TREE_DEPTH: usize = 9998;

/// In WebAssembly every Rust frame also takes room on the engine's machine
/// stack, which a page cannot raise (about 800 KiB in a browser's worker).
/// Measured in Node with --stack-size=800, once the engine has optimised the
/// code (its optimised frames are the bigger ones): the parser's recursion
/// takes up to ~800 bytes a level, the compiler's passes less per level of
/// tree. So wasm stops at these depths, with CPython's errors for the limits
/// they stand in for (see docs/limits.md), leaving a quarter of the stack.
const WASM_MAX_LEVELS: usize = 600;
const WASM_MAX_TREE_DEPTH: usize = 1000;

/// The parser's level limit here (pegen's, or the wasm engine's).
const fn max_levels() -> usize {
    if cfg!(target_arch = "wasm32") { WASM_MAX_LEVELS } else { MAX_LEVELS }
}

/// The deepest tree the compiler takes here (CPython's, or the wasm engine's).
pub const fn max_tree_depth() -> usize {
    if cfg!(target_arch = "wasm32") { WASM_MAX_TREE_DEPTH } else { MAX_TREE_DEPTH }
}

/// Native stack one parser level may use before the next check.
const LEVEL_STACK: usize = if cfg!(debug_assertions) { 64 << 10 } else { 16 << 10 };

/// Native stack one level of tree depth costs the recursive code that walks
/// a finished tree (`Drop` at least; the compiler checks its own passes).
pub const TREE_LEVEL_STACK: usize = if cfg!(debug_assertions) { 512 } else { 128 };

/// The error for input nested beyond the parser's limits (CPython's wording
/// for its own parser stack overflow, raised as a MemoryError).
pub const TOO_COMPLEX: &str = "Parser stack overflowed - Python source too complex to parse";

/// CPython's RecursionError for a tree deeper than `MAX_TREE_DEPTH`.
pub const TOO_DEEP: &str = "maximum recursion depth exceeded during compilation";

pub struct Parser<'a> {
    src: &'a str,
    filename: &'a str,
    toks: Vec<Token>,
    pos: usize,
    last_end: Pos,
    /// CPython rule levels of the current recursion (see `MAX_LEVELS`).
    levels: usize,
    /// An upper bound of the depth of the tree being built at this point:
    /// the recursion's levels plus the links of the operator and trailer
    /// chains (`1+1+...`, `a.b(c)[d]...`) it is inside, which are built in
    /// loops and so never counted as levels.
    tree: usize,
    stack_ran_out: std::cell::Cell<bool>,
    /// The furthest token looked at (pegen compares its line with an
    /// unclosed bracket's).
    furthest: std::cell::Cell<usize>,
    /// SyntaxWarnings met so far: (line, message).
    pub warnings: Vec<(u32, String)>,
    /// What reaching the sentinel token at the end means: the lexical error
    /// or "'(' was never closed".
    sentinel_error: Option<Box<SyntaxError>>,
}

impl<'a> Parser<'a> {
    pub fn new(
        src: &'a str,
        filename: &'a str,
        tokens: Tokens,
        sentinel_error: Option<Box<SyntaxError>>,
    ) -> Self {
        let mut toks = tokens.tokens;
        if tokens.error.is_some() || toks.last().is_none_or(|t| t.kind != T::EndMarker) {
            // A sentinel the parser cannot match: the lexical error (or the
            // end of input inside brackets) is reported when it is reached.
            let (lo, mut p) = toks
                .last()
                .map_or((0, Pos { line: 1, col: 0 }), |t| (t.hi, t.end));
            if tokens.error.is_none() && src.ends_with('\n') {
                // End of input inside brackets: CPython's EOF token sits on
                // the line after the final newline.
                p = Pos {
                    line: src.matches('\n').count() as u32 + 1,
                    col: 0,
                };
            }
            toks.push(Token {
                kind: T::EndMarker,
                word: W::NotAWord,
                lo,
                hi: lo,
                start: p,
                end: p,
            });
        }
        Parser {
            src,
            filename,
            toks,
            pos: 0,
            last_end: Pos { line: 1, col: 0 },
            levels: BASE_LEVELS,
            tree: 0,
            stack_ran_out: std::cell::Cell::new(false),
            furthest: std::cell::Cell::new(0),
            warnings: Vec::new(),
            sentinel_error,
        }
    }

    // ---- token access ------------------------------------------------------

    pub(super) fn tok(&self) -> &Token {
        self.tok_at(0)
    }

    pub(super) fn tok_at(&self, n: usize) -> &Token {
        let i = (self.pos + n).min(self.toks.len() - 1);
        if i > self.furthest.get() {
            self.furthest.set(i);
        }
        &self.toks[i]
    }

    /// Whether the parser has looked at the end-of-tokens sentinel: CPython's
    /// tokenizer raises its error as soon as that token is fetched.
    pub fn reached_sentinel(&self) -> bool {
        self.sentinel_error.is_some() && self.furthest.get() >= self.toks.len() - 1
    }

    /// The line of the furthest token the parser has looked at.
    pub fn furthest_line(&self) -> u32 {
        self.toks[self.furthest.get()].start.line
    }

    pub(super) fn text(&self, t: &Token) -> &'a str {
        substr(&self.src, t.lo..t.hi)
    }

    pub(super) fn cur_text(&self) -> &'a str {
        self.text(self.tok())
    }

    pub(super) fn kind(&self) -> T {
        self.tok().kind
    }

    /// The keyword or operator the current token spells, if it is one.
    pub(super) fn word(&self) -> W {
        self.tok().word
    }

    /// Whether the current token is `word` (`self.is(W::Colon)`, `self.is(W::If)`).
    pub fn is(&self, word: W) -> bool {
        self.word() == word
    }

    pub(super) fn is_at(&self, n: usize, word: W) -> bool {
        self.tok_at(n).word == word
    }

    /// A NAME token that is not a reserved keyword.
    pub(super) fn is_name(&self) -> bool {
        self.kind() == T::Name && !self.word().is_keyword()
    }

    /// Moves past the current token.
    pub(super) fn advance(&mut self) {
        let t = self.tok();
        if !matches!(t.kind, T::Newline | T::Indent | T::Dedent | T::EndMarker) {
            self.last_end = t.end;
        }
        if self.pos < self.toks.len() - 1 {
            self.pos += 1;
        }
    }

    /// The current token, moving past it. (Most callers only `advance`: a
    /// returned token is a 28-byte copy each call site makes room for.)
    pub(super) fn take(&mut self) -> Token {
        let t = *self.tok();
        self.advance();
        t
    }

    pub(super) fn eat(&mut self, word: W) -> bool {
        if self.is(word) {
            self.advance();
            true
        } else {
            false
        }
    }

    pub(super) fn expect(&mut self, word: W) -> PResult<Token> {
        if self.is(word) {
            Ok(self.take())
        } else {
            Err(self.invalid_syntax())
        }
    }

    /// `&&':'`: a forced token, reported as "expected ':'" where it is missing.
    pub(super) fn expect_forced(&mut self, word: W) -> PResult<Token> {
        if self.is(word) {
            Ok(self.take())
        } else {
            let span = tok_span(self.tok());
            Err(self.error_span(span, &format!("expected '{}'", word.text())))
        }
    }

    pub(super) fn expect_name(&mut self) -> PResult<Ident> {
        if self.is_name() {
            let t = self.take();
            Ok(self.ident(&t))
        } else {
            Err(self.invalid_syntax())
        }
    }

    pub(super) fn ident(&self, t: &Token) -> Ident {
        Rc::from(literals::normalize_identifier(self.text(t)))
    }

    pub(super) fn start(&self) -> Pos {
        self.tok().start
    }

    pub(super) fn span_from(&self, start: Pos) -> Span {
        Span {
            line: start.line,
            col: start.col,
            end_line: self.last_end.line,
            end_col: self.last_end.col,
        }
    }

    // ---- errors ------------------------------------------------------------

    pub fn error_span(&self, span: Span, msg: &str) -> Box<SyntaxError> {
        let mut e =
            SyntaxError::at_span(ErrorKind::SyntaxError, msg, self.filename, self.src, span);
        if span.end_line > span.line {
            // The tokenizer has moved past the error's first line: pegen
            // takes that line from its buffers, without the newline (which
            // changes how many carets a multi-line error gets).
            if let Some(text) = &mut e.text {
                if text.ends_with('\n') {
                    text.pop();
                }
            }
        }
        Box::new(e)
    }

    pub(super) fn indentation_error(&self, span: Span, msg: &str) -> Box<SyntaxError> {
        let mut e = SyntaxError::at_span(
            ErrorKind::IndentationError,
            msg,
            self.filename,
            self.src,
            span,
        );
        e.end_col = -1;
        Box::new(e)
    }

    /// The generic error at the current token (what pegen reports at the
    /// furthest token when no specific rule applies).
    pub fn invalid_syntax(&self) -> Box<SyntaxError> {
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
            T::Dedent if self.only_dedents_remain() => {
                self.error_at_eof(ErrorKind::IndentationError, "unexpected unindent")
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
    pub(super) fn error_at_eof(&self, kind: ErrorKind, msg: &str) -> Box<SyntaxError> {
        let body = self.src.strip_suffix('\n').unwrap_or(self.src);
        let line_start = body.rfind('\n').map_or(0, |i| i + 1);
        let line = body.matches('\n').count() as u32 + 1;
        let text = substr(&self.src, line_start..);
        Box::new(SyntaxError {
            kind,
            msg: msg.to_string(),
            filename: self.filename.to_string(),
            line,
            col: text.chars().count() as i32,
            end_line: line,
            end_col: -1,
            text: Some(text.to_string()),
        })
    }

    /// invalid_block-style "expected an indented block after ...", placed
    /// at the token that should have been an INDENT.
    fn missing_block(&self, header: &str, header_line: u32) -> Box<SyntaxError> {
        if self.at_sentinel() {
            return self.invalid_syntax();
        }
        let msg = format!(
            "expected an indented block after {} on line {}",
            header, header_line
        );
        if self.only_dedents_remain() {
            return self.error_at_eof(ErrorKind::IndentationError, &msg);
        }
        let t = self.tok();
        let mut e = SyntaxError::at_span(
            ErrorKind::IndentationError,
            &msg,
            self.filename,
            self.src,
            tok_span(t),
        );
        match t.kind {
            // A DEDENT has no column in CPython: the offset is the new
            // indentation, and there is no end.
            T::Dedent => {
                e.col = t.start.col as i32;
                e.end_col = -1;
            }
            T::Name | T::Op | T::Number | T::String => {}
            _ => e.end_col = -1,
        }
        Box::new(e)
    }

    /// Whether only DEDENTs and ENDMARKER are left (they carry no column in
    /// CPython at end of input).
    pub(super) fn only_dedents_remain(&self) -> bool {
        self.toks[self.pos..]
            .iter()
            .all(|t| matches!(t.kind, T::Dedent | T::EndMarker))
    }

    /// At the end-of-tokens sentinel that stands for a lexical error or
    /// an unclosed bracket.
    pub(super) fn at_sentinel(&self) -> bool {
        self.pos >= self.toks.len() - 1 && self.sentinel_error.is_some()
    }

    /// One level deeper into the recursion (CPython's rules use one level
    /// for most constructs): MemoryError past pegen's MAXSTACK, or when the
    /// native stack left could not take another level.
    pub(super) fn enter(&mut self) -> PResult<()> {
        self.enter_levels(1)
    }

    /// As `enter`, for a construct CPython's rules nest `n` levels for
    /// (`**` and `lambda` take two).
    pub(super) fn enter_levels(&mut self, n: usize) -> PResult<()> {
        self.levels += n;
        self.tree += 1;
        if self.levels > max_levels() {
            return Err(self.too_complex());
        }
        if crate::runtime::limits::stack::exhausted(LEVEL_STACK) {
            return Err(self.out_of_stack());
        }
        self.check_tree(0)
    }

    pub(super) fn leave(&mut self) {
        self.leave_levels(1);
    }

    pub(super) fn leave_levels(&mut self, n: usize) {
        self.levels -= n;
        self.tree -= 1;
    }

    pub(super) fn too_complex(&self) -> Box<SyntaxError> {
        Box::new(SyntaxError::unlocated(ErrorKind::MemoryError, TOO_COMPLEX, self.filename))
    }

    /// CPython's error for nesting too deep, when it is this thread's native
    /// stack that ran out (not CPython's limit: a real error in the source
    /// takes precedence, see `syntax::parse`).
    fn out_of_stack(&self) -> Box<SyntaxError> {
        self.stack_ran_out.set(true);
        self.too_complex()
    }

    /// Whether parsing stopped because the native stack ran out.
    pub fn stack_ran_out(&self) -> bool {
        self.stack_ran_out.get()
    }

    /// Whether a tree `extra` levels deeper than `self.tree` may be built:
    /// a RecursionError when it is certainly deeper than CPython's compiler
    /// takes (the parser's own levels are at most `MAX_LEVELS` of the bound;
    /// the exact check runs on the finished tree), a MemoryError when the
    /// native stack could not walk it.
    pub(super) fn check_tree(&self, extra: usize) -> PResult<()> {
        let bound = self.tree + extra;
        // Natively the bound counts up to MAX_LEVELS levels that need not be
        // tree levels; wasm's own limit is a bound on the recursion itself.
        let certainly_too_deep = if cfg!(target_arch = "wasm32") {
            bound > WASM_MAX_TREE_DEPTH
        } else {
            bound > MAX_TREE_DEPTH + MAX_LEVELS
        };
        if certainly_too_deep {
            return Err(Box::new(SyntaxError::unlocated(ErrorKind::RecursionError, TOO_DEEP, self.filename)));
        }
        if crate::runtime::limits::stack::exhausted(bound * TREE_LEVEL_STACK) {
            return Err(self.out_of_stack());
        }
        Ok(())
    }

    /// Starts an operator or trailer chain on `left`: the tree bound for its
    /// links (restore `self.tree` to the returned value when it ends).
    pub(super) fn start_chain(&mut self, left: &Expr) -> PResult<usize> {
        let outer = self.tree;
        self.tree += depth::of_expr(left);
        self.check_tree(0)?;
        Ok(outer)
    }

    /// One more link of a chain.
    pub(super) fn chain_link(&mut self) -> PResult<()> {
        self.tree += 1;
        self.check_tree(0)
    }

    // ---- module and blocks ---------------------------------------------------

    pub fn parse_module(&mut self) -> PResult<Module> {
        let mut body = Vec::new();
        while self.kind() != T::EndMarker || self.pos < self.toks.len() - 1 {
            if self.kind() == T::Newline {
                self.advance();
                continue;
            }
            self.statement(&mut body)?;
        }
        if self.at_sentinel() {
            return Err(self.invalid_syntax());
        }
        if depth::of_body(&body) > max_tree_depth() {
            return Err(Box::new(SyntaxError::unlocated(ErrorKind::RecursionError, TOO_DEEP, self.filename)));
        }
        Ok(Module { body })
    }

    /// Parses one statement line (a compound statement, or simple
    /// statements separated by `;`) onto the end of `body`.
    pub(super) fn statement(&mut self, body: &mut Vec<Stmt>) -> PResult<()> {
        if let Some(stmt) = self.compound_statement()? {
            body.push(stmt);
            return Ok(());
        }
        self.simple_statements(body)
    }

    /// `block`: NEWLINE INDENT statements DEDENT | simple_stmts.
    /// `header` names the construct for "expected an indented block after ...".
    pub(super) fn block(&mut self, header: &str, header_line: u32) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        if self.kind() != T::Newline {
            self.simple_statements(&mut body)?;
            return Ok(body);
        }
        self.advance();
        if self.kind() != T::Indent {
            return Err(self.missing_block(header, header_line));
        }
        self.advance();
        self.enter()?;
        while self.kind() != T::Dedent {
            if self.kind() == T::EndMarker {
                return Err(self.invalid_syntax());
            }
            self.statement(&mut body)?;
        }
        self.advance();
        self.leave();
        Ok(body)
    }

    pub(super) fn simple_statements(&mut self, body: &mut Vec<Stmt>) -> PResult<()> {
        body.push(self.simple_statement()?);
        while self.eat(W::Semi) {
            if self.kind() == T::Newline {
                break;
            }
            body.push(self.simple_statement()?);
        }
        if self.kind() != T::Newline {
            let error = self.invalid_syntax();
            self.probe_expression();
            return Err(error);
        }
        self.advance();
        Ok(())
    }

    /// pegen's second pass reads on through an expression that follows a
    /// complete statement (into an unclosed bracket, say), and how far it
    /// got decides whether "'(' was never closed" wins: look, don't consume.
    pub(super) fn probe_expression(&mut self) {
        if self.starts_expression() {
            let save = (self.pos, self.last_end, self.warnings.len());
            let _ = self.expression();
            self.pos = save.0;
            self.last_end = save.1;
            self.warnings.truncate(save.2);
        }
    }
}

pub fn tok_span(t: &Token) -> Span {
    Span {
        line: t.start.line,
        col: t.start.col,
        end_line: t.end.line,
        end_col: t.end.col,
    }
}
