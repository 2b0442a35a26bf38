//! The tokenizer: Python 3.12's lexical grammar as CPython's
//! `Parser/tokenizer.c` applies it — INDENT/DEDENT (tabs to multiples of 8,
//! TabError on inconsistent use), implicit line joining inside brackets,
//! backslash continuations, and PEP 701 f-strings split into
//! FSTRING_START / FSTRING_MIDDLE / expression tokens / FSTRING_END.
//!
//! The whole source is tokenized up front. A lexical error ends the token
//! list and is kept aside: the parser meets it where the tokens stop (a
//! sentinel), and `syntax::parse` applies CPython's rules for which error
//! wins when the parser fails earlier.

use crate::text::substr;
use super::error::{ErrorKind, SyntaxError};
use super::words::Word;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Name,
    Number,
    String,
    FStringStart,
    FStringMiddle,
    FStringEnd,
    Op,
    Newline,
    Indent,
    Dedent,
    EndMarker,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: u32,
    /// 0-based UTF-8 byte column.
    pub col: u32,
}

#[derive(Clone, Copy, Debug)]
pub struct Token {
    pub kind: TokenKind,
    /// The keyword or operator a NAME or OP token spells (see `Word`).
    pub word: Word,
    /// Byte range in the (newline-normalised) source.
    pub lo: usize,
    pub hi: usize,
    pub start: Pos,
    pub end: Pos,
}

/// The tokens of a source and the first lexical error, if any.
pub struct Tokens {
    pub tokens: Vec<Token>,
    /// The lexical error that ended tokenization (the tokens stop there).
    pub error: Option<Box<SyntaxError>>,
    /// Whether that error arose inside an f-string: CPython then keeps an
    /// earlier parser error instead of it.
    pub error_in_fstring: bool,
    /// Brackets still open when the error or the end of input was reached:
    /// (bracket, line, col).
    pub open_brackets: Vec<(u8, u32, u32)>,
    /// SyntaxWarnings: (line, message).
    pub warnings: Vec<(u32, String)>,
}

const MAX_INDENT: usize = 100;
const MAX_LEVEL: usize = 200;
const TAB_SIZE: u32 = 8;

/// Per open f-string: its quoting and the replacement fields being read.
struct FString {
    quote: u8,
    quote_size: usize,
    raw: bool,
    /// Open replacement fields, innermost last.
    fields: Vec<Field>,
}

struct Field {
    /// Bracket depth just inside this field's `{`.
    depth: usize,
    /// Reading the format spec (after the top-level `:`).
    in_spec: bool,
}

pub fn tokenize(source: &str, filename: &str) -> Tokens {
    let mut t = Tokenizer::new(source, filename);
    let error = t.run().err();
    Tokens {
        tokens: t.tokens,
        error,
        error_in_fstring: !t.fstrings.is_empty(),
        open_brackets: t.brackets,
        warnings: t.warnings,
    }
}

struct Tokenizer<'a> {
    src: &'a [u8],
    text: &'a str,
    filename: &'a str,
    pos: usize,
    line: u32,
    line_start: usize,
    tokens: Vec<Token>,
    indents: Vec<(u32, u32)>,
    brackets: Vec<(u8, u32, u32)>,
    fstrings: Vec<FString>,
    at_line_start: bool,
    /// Whether the current logical line has produced a token yet.
    line_has_tokens: bool,
    warnings: Vec<(u32, String)>,
}

// Boxed, as the parser's: a `?` moves a pointer, not the whole error.
type Result<T> = std::result::Result<T, Box<SyntaxError>>;

fn is_name_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c >= 128
}

fn is_name_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 128
}

impl<'a> Tokenizer<'a> {
    fn new(text: &'a str, filename: &'a str) -> Self {
        Tokenizer {
            src: text.as_bytes(),
            text,
            filename,
            pos: 0,
            line: 1,
            line_start: 0,
            tokens: Vec::new(),
            indents: vec![(0, 0)],
            brackets: Vec::new(),
            fstrings: Vec::new(),
            at_line_start: true,
            line_has_tokens: false,
            warnings: Vec::new(),
        }
    }

    fn peek(&self) -> u8 {
        self.src.get(self.pos).copied().unwrap_or(0)
    }

    fn peek_at(&self, n: usize) -> u8 {
        self.src.get(self.pos + n).copied().unwrap_or(0)
    }

    fn at_end(&self) -> bool {
        self.pos >= self.src.len()
    }

    fn here(&self) -> Pos {
        Pos {
            line: self.line,
            col: (self.pos - self.line_start) as u32,
        }
    }

    /// Consume one byte, tracking lines.
    fn bump(&mut self) -> u8 {
        let c = self.peek();
        self.pos += 1;
        if c == b'\n' {
            self.line += 1;
            self.line_start = self.pos;
        }
        c
    }

    fn push(&mut self, kind: TokenKind, lo: usize, start: Pos) {
        let end = self.here();
        let word = match kind {
            TokenKind::Name | TokenKind::Op => Word::of(self.text.get(lo..self.pos).unwrap_or("")),
            _ => Word::NotAWord,
        };
        self.tokens.push(Token {
            kind,
            word,
            lo,
            hi: self.pos,
            start,
            end,
        });
        if kind != TokenKind::Newline {
            self.line_has_tokens = true;
        }
    }

    // ---- errors ----------------------------------------------------------

    /// The current line's text without its newline.
    fn line_text(&self, line_start: usize) -> String {
        let rest = substr(&self.text, line_start.min(self.text.len())..);
        substr(&rest, ..rest.find('\n').unwrap_or(rest.len())).to_string()
    }

    fn chars_between(&self, from: usize, to: usize) -> i32 {
        let to = to.min(self.text.len());
        let from = from.min(to);
        String::from_utf8_lossy(&self.src[from..to]).chars().count() as i32
    }

    /// tokenizer.c `syntaxerror`: offset = characters from the line start
    /// to `at` (a position just after the offending character).
    fn error_at(&self, msg: &str, at: usize) -> Box<SyntaxError> {
        let offset = self.chars_between(self.line_start, at);
        self.error_range(msg, offset, offset)
    }

    fn error_range(&self, msg: &str, col: i32, end_col: i32) -> Box<SyntaxError> {
        Box::new(SyntaxError {
            kind: ErrorKind::SyntaxError,
            msg: msg.to_string(),
            filename: self.filename.to_string(),
            line: self.line,
            col,
            end_line: self.line,
            end_col,
            text: Some(self.line_text(self.line_start)),
        })
    }

    /// Errors the parser reports for the tokenizer (pegen_errors.c
    /// `_Pypegen_tokenizer_error`): the text keeps its newline.
    fn parser_style_error(
        &self,
        kind: ErrorKind,
        msg: &str,
        col: i32,
        end_col: i32,
    ) -> Box<SyntaxError> {
        let text = super::error::source_line(self.text, self.line);
        Box::new(SyntaxError {
            kind,
            msg: msg.to_string(),
            filename: self.filename.to_string(),
            line: self.line,
            col,
            end_line: self.line,
            end_col,
            text,
        })
    }

    // ---- main loop -------------------------------------------------------

    fn run(&mut self) -> Result<()> {
        loop {
            if let Some(fs) = self.fstrings.last() {
                let literal_mode = fs.fields.last().is_none_or(|f| f.in_spec);
                if literal_mode {
                    self.fstring_literal()?;
                    continue;
                }
            }
            if self.at_line_start && self.brackets.is_empty() {
                self.at_line_start = false;
                if self.indentation()? {
                    continue;
                }
            }
            if !self.next_token()? {
                return Ok(());
            }
        }
    }

    /// Measure the indentation of a new line and emit INDENT/DEDENTs.
    /// Returns true if the line was blank (consumed entirely).
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn indentation(&mut self) -> Result<bool> {
        let (mut col, mut altcol) = (0u32, 0u32);
        loop {
            match self.peek() {
                b' ' => {
                    col += 1;
                    altcol += 1;
                }
                b'\t' => {
                    col = (col / TAB_SIZE + 1) * TAB_SIZE;
                    altcol += 1;
                }
                b'\x0c' => {
                    col = 0;
                    altcol = 0;
                }
                _ => break,
            }
            self.pos += 1;
        }
        let c = self.peek();
        if c == b'#' || c == b'\n' || (c == b'\\' && self.peek_at(1) == b'\n') {
            // Blank lines, comment-only lines and bare continuations do not
            // affect indentation.
            if c == b'#' {
                self.skip_comment();
            }
            if self.peek() == b'\n' {
                self.bump();
                self.at_line_start = true;
                return Ok(true);
            }
            if c == b'\\' {
                return Ok(false);
            }
        }
        if self.at_end() {
            return Ok(false);
        }
        let (top, alttop) = *self.indents.last().unwrap();
        if col == top {
            if altcol != alttop {
                return Err(self.tab_error());
            }
        } else if col > top {
            if self.indents.len() >= MAX_INDENT {
                return Err(self.parser_style_error(
                    ErrorKind::IndentationError,
                    "too many levels of indentation",
                    1,
                    0,
                ));
            }
            if altcol <= alttop {
                return Err(self.tab_error());
            }
            self.indents.push((col, altcol));
            let start = Pos {
                line: self.line,
                col: 0,
            };
            self.tokens.push(Token {
                kind: TokenKind::Indent,
                word: Word::NotAWord,
                lo: self.line_start,
                hi: self.pos,
                start,
                end: self.here(),
            });
        } else {
            // Check the new level before emitting any DEDENT, as CPython does.
            let keep = self
                .indents
                .iter()
                .rposition(|&(c, _)| c <= col)
                .unwrap_or(0)
                + 1;
            let (top, alttop) = self.indents[keep - 1];
            if col != top {
                let line = self.line_text(self.line_start);
                let offset = line.chars().count() as i32 + 1;
                return Err(self.parser_style_error(
                    ErrorKind::IndentationError,
                    "unindent does not match any outer indentation level",
                    offset,
                    -1,
                ));
            }
            if altcol != alttop {
                return Err(self.tab_error());
            }
            while self.indents.len() > keep {
                self.indents.pop();
                let p = self.here();
                self.tokens.push(Token {
                    kind: TokenKind::Dedent,
                    word: Word::NotAWord,
                    lo: self.pos,
                    hi: self.pos,
                    start: p,
                    end: p,
                });
            }
        }
        Ok(false)
    }

    fn tab_error(&self) -> Box<SyntaxError> {
        self.parser_style_error(
            ErrorKind::TabError,
            "inconsistent use of tabs and spaces in indentation",
            1,
            0,
        )
    }

    fn skip_comment(&mut self) {
        while !self.at_end() && self.peek() != b'\n' {
            self.pos += 1;
        }
    }

    /// Read one token (or skip whitespace/comments). Returns false at the end.
    fn next_token(&mut self) -> Result<bool> {
        // Whitespace and comments. (A NEWLINE token after a comment starts
        // at the `#`, as in CPython.)
        let mut comment_start = None;
        loop {
            match self.peek() {
                b' ' | b'\t' | b'\x0c' => self.pos += 1,
                b'#' => {
                    comment_start = Some((self.pos, self.here()));
                    self.skip_comment();
                }
                b'\\' => {
                    if self.peek_at(1) == b'\n' {
                        self.pos += 1;
                        self.bump();
                        if self.at_end() {
                            return Err(self.eof_after_continuation());
                        }
                    } else if self.pos + 1 >= self.src.len() {
                        self.pos += 1;
                        return Err(self.eof_after_continuation());
                    } else {
                        // CPython has read the character after the backslash too.
                        let offset = self.chars_between(self.line_start, self.pos + 1) + 1;
                        self.pos += 1;
                        return Err(self.parser_style_error(
                            ErrorKind::SyntaxError,
                            "unexpected character after line continuation character",
                            offset,
                            0,
                        ));
                    }
                }
                _ => break,
            }
        }
        let lo = self.pos;
        let start = self.here();
        if self.at_end() {
            return self.finish().map(|_| false);
        }
        let c = self.peek();
        if c == b'\n' {
            self.bump();
            if !self.brackets.is_empty() {
                return Ok(true);
            }
            if self.line_has_tokens {
                let (lo, token_start) = comment_start.unwrap_or((lo, start));
                self.tokens.push(Token {
                    kind: TokenKind::Newline,
                    word: Word::NotAWord,
                    lo,
                    hi: self.pos,
                    start: token_start,
                    end: Pos {
                        line: start.line,
                        col: start.col + 1,
                    },
                });
                self.line_has_tokens = false;
            }
            self.at_line_start = true;
            return Ok(true);
        }
        if is_name_start(c) {
            return self.name_or_string(lo, start).map(|_| true);
        }
        if c.is_ascii_digit() || (c == b'.' && self.peek_at(1).is_ascii_digit()) {
            self.number(lo, start)?;
            return Ok(true);
        }
        if c == b'\'' || c == b'"' {
            self.string(lo, start)?;
            return Ok(true);
        }
        self.operator(lo, start)?;
        Ok(true)
    }

    fn eof_after_continuation(&self) -> Box<SyntaxError> {
        let offset = self.chars_between(self.line_start, self.pos) + 1;
        let mut e = self.parser_style_error(
            ErrorKind::SyntaxError,
            "unexpected EOF while parsing",
            offset,
            -1,
        );
        if self.pos == self.line_start && self.line > 1 {
            // The continuation ended the file: CPython reports the previous line.
            let prev_start = substr(&self.text, ..self.pos - 1).rfind('\n').map_or(0, |i| i + 1);
            e.line = self.line - 1;
            e.end_line = self.line - 1;
            e.text = super::error::source_line(self.text, self.line - 1);
            e.col = self.chars_between(prev_start, self.pos - 1) + 1;
        }
        e
    }

    /// End of input: NEWLINE if needed, DEDENTs, ENDMARKER.
    fn finish(&mut self) -> Result<()> {
        if !self.brackets.is_empty() {
            // Reported by the parser as "'(' was never closed".
            return Ok(());
        }
        if self.line_has_tokens {
            let p = self.here();
            self.tokens.push(Token {
                kind: TokenKind::Newline,
                word: Word::NotAWord,
                lo: self.pos,
                hi: self.pos,
                start: p,
                end: Pos {
                    line: p.line,
                    col: p.col + 1,
                },
            });
            self.line_has_tokens = false;
        }
        // DEDENTs and ENDMARKER sit at the start of the line after the last.
        let p = if self.pos == self.line_start {
            self.here()
        } else {
            Pos {
                line: self.line + 1,
                col: 0,
            }
        };
        while self.indents.len() > 1 {
            self.indents.pop();
            self.tokens.push(Token {
                kind: TokenKind::Dedent,
                word: Word::NotAWord,
                lo: self.pos,
                hi: self.pos,
                start: p,
                end: p,
            });
        }
        self.tokens.push(Token {
            kind: TokenKind::EndMarker,
            word: Word::NotAWord,
            lo: self.pos,
            hi: self.pos,
            start: p,
            end: p,
        });
        Ok(())
    }

    fn name_or_string(&mut self, lo: usize, start: Pos) -> Result<()> {
        // String prefixes: any combination of r, b, u, f (validated below).
        let mut n = 0;
        while n < 3
            && matches!(
                self.peek_at(n).to_ascii_lowercase(),
                b'r' | b'b' | b'u' | b'f'
            )
        {
            n += 1;
        }
        for k in (1..=n).rev() {
            let q = self.peek_at(k);
            if q == b'\'' || q == b'"' {
                let prefix: Vec<u8> = self.src[self.pos..self.pos + k]
                    .iter()
                    .map(|c| c.to_ascii_lowercase())
                    .collect();
                if valid_prefix(&prefix) {
                    self.pos += k;
                    let flags = prefix_flags(&prefix);
                    if flags & F_FSTRING != 0 {
                        return self.fstring_start(lo, start, flags & F_RAW != 0);
                    }
                    return self.string(lo, start);
                }
                break;
            }
        }
        while !self.at_end() && is_name_char(self.peek()) {
            self.pos += 1;
        }
        self.verify_identifier(lo)?;
        self.push(TokenKind::Name, lo, start);
        Ok(())
    }

    /// Non-ASCII identifier characters must be letters/digits/marks.
    fn verify_identifier(&self, lo: usize) -> Result<()> {
        let word = substr(&self.text, lo..self.pos);
        if word.is_ascii() {
            return Ok(());
        }
        for (i, ch) in word.char_indices() {
            let ok = if i == 0 {
                is_xid_start(ch)
            } else {
                is_xid_continue(ch)
            };
            if !ok {
                let at = lo + i + ch.len_utf8();
                let offset = self.chars_between(self.line_start, at);
                return Err(self.error_range(&invalid_character(ch), offset, offset));
            }
        }
        Ok(())
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn operator(&mut self, lo: usize, start: Pos) -> Result<()> {
        let c = self.peek();
        if c >= 128 {
            let ch = substr(&self.text, self.pos..).chars().next().unwrap_or('\u{fffd}');
            let at = self.pos + ch.len_utf8();
            let offset = self.chars_between(self.line_start, at);
            return Err(self.error_range(&invalid_character(ch), offset, offset));
        }
        let three = &self.src[self.pos..(self.pos + 3).min(self.src.len())];
        let len = if three.len() == 3 && THREE_CHAR_OPS.contains(&three) {
            3
        } else if three.len() >= 2 && TWO_CHAR_OPS.contains(&&three[..2]) {
            2
        } else {
            1
        };
        match c {
            b'(' | b'[' | b'{' => {
                if self.brackets.len() >= MAX_LEVEL {
                    return Err(self.error_at("too many nested parentheses", self.pos + 1));
                }
                self.brackets.push((c, start.line, start.col));
            }
            b')' | b']' | b'}' => {
                // `}` closing an f-string replacement field.
                if c == b'}' && self.closes_field() {
                    self.pos += 1;
                    self.push(TokenKind::Op, lo, start);
                    self.brackets.pop();
                    self.fstrings.last_mut().unwrap().fields.pop();
                    return Ok(());
                }
                let Some(&(open, open_line, _)) = self.brackets.last() else {
                    return Err(self.error_at(&format!("unmatched '{}'", c as char), self.pos + 1));
                };
                let expected = match open {
                    b'(' => b')',
                    b'[' => b']',
                    _ => b'}',
                };
                if c != expected && self.innermost_is_field() {
                    return Err(
                        self.error_at(&format!("f-string: unmatched '{}'", c as char), self.pos + 1)
                    );
                }
                if c != expected {
                    let msg = if open_line != self.line {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                            c as char, open as char, open_line
                        )
                    } else {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}'",
                            c as char, open as char
                        )
                    };
                    return Err(self.error_at(&msg, self.pos + 1));
                }
                self.brackets.pop();
            }
            b':' if (len == 1 || self.peek_at(1) == b'=') && self.closes_field() => {
                let fields = &self.fstrings.last().unwrap().fields;
                if fields.iter().filter(|f| f.in_spec).count() >= 2 {
                    return Err(
                        self.error_at("f-string: expressions nested too deeply", self.pos + 1)
                    );
                }
                self.pos += 1;
                self.push(TokenKind::Op, lo, start);
                self.fstrings
                    .last_mut()
                    .unwrap()
                    .fields
                    .last_mut()
                    .unwrap()
                    .in_spec = true;
                return Ok(());
            }
            _ => {}
        }
        if len == 1 && !b"()[]{}:,;.+-*/%|&<>=~^@!".contains(&c) {
            // `$`, `?`, a stray quote-less backtick...: an ERRORTOKEN the parser rejects.
            if c < 32 && c != b'\t' && c != b'\x0c' {
                let offset = self.chars_between(self.line_start, self.pos + 1);
                return Err(self.error_range(&invalid_character(c as char), offset, offset));
            }
        }
        self.pos += len;
        self.push(TokenKind::Op, lo, start);
        Ok(())
    }

    /// Is the innermost open bracket the `{` of an f-string replacement
    /// field (in its expression or its format spec)?
    fn innermost_is_field(&self) -> bool {
        self.fstrings
            .last()
            .and_then(|f| f.fields.last())
            .is_some_and(|field| field.depth == self.brackets.len())
    }

    /// Is the innermost open bracket the `{` of an f-string replacement
    /// field whose expression is being read?
    fn closes_field(&self) -> bool {
        self.fstrings
            .last()
            .and_then(|f| f.fields.last())
            .is_some_and(|field| !field.in_spec && field.depth == self.brackets.len())
    }

    fn number(&mut self, lo: usize, start: Pos) -> Result<()> {
        let c = self.peek();
        if c == b'0' && matches!(self.peek_at(1).to_ascii_lowercase(), b'x' | b'o' | b'b') {
            let base = self.peek_at(1).to_ascii_lowercase();
            self.pos += 2;
            let (radix, name) = match base {
                b'x' => (16, "hexadecimal"),
                b'o' => (8, "octal"),
                _ => (2, "binary"),
            };
            let mut digits = 0;
            loop {
                if self.peek() == b'_' {
                    self.pos += 1;
                }
                let d = self.peek();
                if (d as char).is_digit(radix) {
                    self.pos += 1;
                    digits += 1;
                    continue;
                }
                if d.is_ascii_digit() && radix < 10 {
                    self.pos += 1;
                    return Err(self.error_at(
                        &format!("invalid digit '{}' in {} literal", d as char, name),
                        self.pos,
                    ));
                }
                break;
            }
            if digits == 0 || self.src[self.pos - 1] == b'_' {
                return Err(self.error_at(&format!("invalid {} literal", name), self.pos));
            }
            self.verify_end_of_number(name)?;
            self.push(TokenKind::Number, lo, start);
            return Ok(());
        }
        let mut is_float = false;
        if c != b'.' {
            self.decimal_digits()?;
        }
        if self.peek() == b'.' {
            is_float = true;
            self.pos += 1;
            if self.peek().is_ascii_digit() {
                self.decimal_digits()?;
            }
        }
        if matches!(self.peek(), b'e' | b'E') {
            let save = self.pos;
            self.pos += 1;
            if matches!(self.peek(), b'+' | b'-') {
                self.pos += 1;
            }
            if self.peek().is_ascii_digit() {
                self.decimal_digits()?;
                is_float = true;
            } else {
                self.pos = save;
                return Err(self.number_error("invalid decimal literal"));
            }
        }
        if matches!(self.peek(), b'j' | b'J') {
            self.pos += 1;
            self.verify_end_of_number("imaginary")?;
        } else if !is_float
            && c == b'0'
            && self.src[lo..self.pos]
                .iter()
                .any(|d| matches!(d, b'1'..=b'9'))
        {
            // Old-style octal `0377`; CPython marks from the start to just
            // past the first non-zero digit.
            let first_nonzero = lo
                + self.src[lo..self.pos]
                    .iter()
                    .position(|d| !matches!(d, b'0' | b'_'))
                    .unwrap_or(0);
            let col = self.chars_between(self.line_start, lo) + 1;
            let end = (first_nonzero + 1 - self.line_start) as i32;
            return Err(self.error_range(
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                col,
                end,
            ));
        } else {
            self.verify_end_of_number("decimal")?;
        }
        self.push(TokenKind::Number, lo, start);
        Ok(())
    }

    fn decimal_digits(&mut self) -> Result<()> {
        loop {
            while self.peek().is_ascii_digit() {
                self.pos += 1;
            }
            if self.peek() != b'_' {
                return Ok(());
            }
            self.pos += 1;
            if !self.peek().is_ascii_digit() {
                return Err(self.number_error("invalid decimal literal"));
            }
        }
    }

    /// tokenizer.c reports bad number tails at the character after the token start.
    fn number_error(&self, msg: &str) -> Box<SyntaxError> {
        self.error_at(msg, self.pos)
    }

    /// A number directly followed by a name character is an error, except
    /// for the keywords CPython still accepts there (`1if x else y`).
    fn verify_end_of_number(&mut self, kind: &str) -> Result<()> {
        let c = self.peek();
        if !is_name_char(c) {
            return Ok(());
        }
        let rest = &self.src[self.pos..];
        for kw in [
            &b"and"[..],
            b"else",
            b"for",
            b"if",
            b"in",
            b"is",
            b"not",
            b"or",
        ] {
            if rest.starts_with(kw) {
                self.warnings
                    .push((self.line, format!("invalid {} literal", kind)));
                return Ok(());
            }
        }
        Err(self.error_at(&format!("invalid {} literal", kind), self.pos))
    }

    /// A (non-f) string starting at the quote under the cursor. (Even in a
    /// raw string a backslash keeps the next character from closing it.)
    fn string(&mut self, lo: usize, start: Pos) -> Result<()> {
        let quote = self.peek();
        let quote_size = if self.peek_at(1) == quote && self.peek_at(2) == quote {
            3
        } else {
            1
        };
        self.pos += quote_size;
        let (start_line, start_line_start) = (self.line, self.line_start);
        loop {
            if self.at_end() || (quote_size == 1 && self.peek() == b'\n') {
                return Err(self.unterminated_string(
                    lo,
                    start_line,
                    start_line_start,
                    quote,
                    quote_size,
                ));
            }
            let c = self.bump();
            if c == quote {
                if quote_size == 1 || (self.peek() == quote && self.peek_at(1) == quote) {
                    self.pos += quote_size - 1;
                    break;
                }
            } else if c == b'\\' && !self.at_end() {
                self.bump();
            }
        }
        self.push(TokenKind::String, lo, start);
        Ok(())
    }

    fn unterminated_string(
        &self,
        lo: usize,
        start_line: u32,
        start_line_start: usize,
        quote: u8,
        quote_size: usize,
    ) -> Box<SyntaxError> {
        let detected = if self.at_end() && self.pos > 0 && self.src[self.pos - 1] == b'\n' {
            self.line - 1
        } else {
            self.line
        };
        let inside_matching_fstring = self
            .fstrings
            .last()
            .is_some_and(|f| f.quote == quote && f.quote_size == quote_size);
        let msg = if inside_matching_fstring {
            "f-string: expecting '}'".to_string()
        } else if quote_size == 3 {
            format!(
                "unterminated triple-quoted string literal (detected at line {})",
                detected
            )
        } else {
            format!(
                "unterminated string literal (detected at line {})",
                detected
            )
        };
        let offset = self.chars_between(start_line_start, lo + 1);
        Box::new(SyntaxError {
            kind: ErrorKind::SyntaxError,
            msg,
            filename: self.filename.to_string(),
            line: start_line,
            col: offset,
            end_line: start_line,
            end_col: offset,
            text: Some(self.line_text(start_line_start)),
        })
    }

    fn fstring_start(&mut self, lo: usize, start: Pos, raw: bool) -> Result<()> {
        let quote = self.peek();
        let quote_size = if self.peek_at(1) == quote && self.peek_at(2) == quote {
            3
        } else {
            1
        };
        self.pos += quote_size;
        self.push(TokenKind::FStringStart, lo, start);
        self.fstrings.push(FString {
            quote,
            quote_size,
            raw,
            fields: Vec::new(),
        });
        Ok(())
    }

    /// Literal text of an f-string (or of a format spec) up to a `{`, a
    /// closing `}` or the closing quote.
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn fstring_literal(&mut self) -> Result<()> {
        let fs = self.fstrings.last().unwrap();
        let (quote, quote_size, raw) = (fs.quote, fs.quote_size, fs.raw);
        let in_spec = fs.fields.last().is_some_and(|f| f.in_spec);
        let lo = self.pos;
        let start = self.here();
        loop {
            if self.at_end() || (quote_size == 1 && self.peek() == b'\n') {
                if in_spec || !self.fstrings.last().unwrap().fields.is_empty() {
                    return Err(self.error_at("f-string: expecting '}'", self.pos));
                }
                let first = self
                    .tokens
                    .iter()
                    .rposition(|t| t.kind == TokenKind::FStringStart)
                    .unwrap_or(0);
                let (fl, fls) = (
                    self.tokens[first].start.line,
                    self.tokens[first].lo - self.tokens[first].start.col as usize,
                );
                let flo = self.tokens[first].lo;
                let mut e = self.unterminated_string(flo, fl, fls, 0, quote_size);
                if quote_size == 3 {
                    e.msg = format!(
                        "unterminated triple-quoted f-string literal (detected at line {})",
                        self.detected_line()
                    );
                } else {
                    e.msg = format!(
                        "unterminated f-string literal (detected at line {})",
                        self.detected_line()
                    );
                }
                return Err(e);
            }
            let c = self.peek();
            if c == quote
                && (quote_size == 1 || (self.peek_at(1) == quote && self.peek_at(2) == quote))
            {
                // Ending inside a format spec leaves its `{` open: the
                // parser reports the missing `}` at FSTRING_END.
                if self.pos > lo {
                    self.push(TokenKind::FStringMiddle, lo, start);
                }
                let (qlo, qstart) = (self.pos, self.here());
                self.pos += quote_size;
                self.push(TokenKind::FStringEnd, qlo, qstart);
                self.fstrings.pop();
                return Ok(());
            }
            if c == b'{' {
                if self.peek_at(1) == b'{' && !in_spec {
                    self.pos += 2;
                    continue;
                }
                if self.pos > lo {
                    self.push(TokenKind::FStringMiddle, lo, start);
                }
                let (blo, bstart) = (self.pos, self.here());
                if self.brackets.len() >= MAX_LEVEL {
                    return Err(self.error_at("too many nested parentheses", self.pos + 1));
                }
                self.pos += 1;
                self.brackets.push((b'{', bstart.line, bstart.col));
                self.push(TokenKind::Op, blo, bstart);
                let depth = self.brackets.len();
                self.fstrings.last_mut().unwrap().fields.push(Field {
                    depth,
                    in_spec: false,
                });
                return Ok(());
            }
            if c == b'}' {
                if in_spec {
                    if self.pos > lo {
                        self.push(TokenKind::FStringMiddle, lo, start);
                    }
                    let (blo, bstart) = (self.pos, self.here());
                    self.pos += 1;
                    self.push(TokenKind::Op, blo, bstart);
                    self.brackets.pop();
                    self.fstrings.last_mut().unwrap().fields.pop();
                    return Ok(());
                }
                if self.peek_at(1) == b'}' {
                    self.pos += 2;
                    continue;
                }
                return Err(self.error_at("f-string: single '}' is not allowed", self.pos + 1));
            }
            if c == b'\\' && !raw {
                self.bump();
                if self.peek() == b'N' && self.peek_at(1) == b'{' {
                    while !self.at_end() && self.peek() != b'}' && self.peek() != quote {
                        self.bump();
                    }
                    if self.peek() == b'}' {
                        self.bump();
                    }
                    continue;
                }
                if !self.at_end() && self.peek() != b'{' && self.peek() != b'}' {
                    self.bump();
                }
                continue;
            }
            self.bump();
        }
    }

    fn detected_line(&self) -> u32 {
        if self.at_end() && self.pos > 0 && self.src[self.pos - 1] == b'\n' {
            self.line - 1
        } else {
            self.line
        }
    }
}

fn invalid_character(ch: char) -> String {
    if (ch as u32) < 32 || ch == '\u{7f}' {
        format!("invalid non-printable character U+{:04X}", ch as u32)
    } else {
        format!("invalid character '{}' (U+{:04X})", ch, ch as u32)
    }
}

/// Whether `s` is a name as the tokenizer reads one (`str.isidentifier()`).
pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(is_xid_start) && chars.all(is_xid_continue)
}

/// Approximations of Unicode XID_Start / XID_Continue.
fn is_xid_start(ch: char) -> bool {
    ch == '_' || ch.is_alphabetic()
}

fn is_xid_continue(ch: char) -> bool {
    ch == '_'
        || ch.is_alphanumeric()
        || matches!(ch as u32, 0x300..=0x36F | 0x200C | 0x200D | 0xB7 | 0x203F | 0x2040 | 0xFF3F | 0xFE00..=0xFE0F | 0xE0100..=0xE01EF)
        || is_combining_mark(ch)
}

fn is_combining_mark(ch: char) -> bool {
    matches!(ch as u32, 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0900..=0x0903 | 0x093A..=0x094F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

pub const F_RAW: u8 = 1;
pub const F_BYTES: u8 = 2;
pub const F_UNICODE: u8 = 4;
pub const F_FSTRING: u8 = 8;

pub fn prefix_flags(prefix: &[u8]) -> u8 {
    prefix.iter().fold(0, |acc, c| {
        acc | match c.to_ascii_lowercase() {
            b'r' => F_RAW,
            b'b' => F_BYTES,
            b'u' => F_UNICODE,
            b'f' => F_FSTRING,
            _ => 0,
        }
    })
}

fn valid_prefix(prefix: &[u8]) -> bool {
    matches!(
        prefix,
        b"r" | b"b" | b"u" | b"f" | b"br" | b"rb" | b"fr" | b"rf"
    )
}

const THREE_CHAR_OPS: &[&[u8]] = &[b"**=", b"//=", b">>=", b"<<=", b"...", b"!=="];
const TWO_CHAR_OPS: &[&[u8]] = &[
    b"!=", b"%=", b"&=", b"**", b"*=", b"+=", b"-=", b"->", b"//", b"/=", b":=", b"<<", b"<=",
    b"<>", b"==", b">=", b">>", b"@=", b"^=", b"|=",
];
