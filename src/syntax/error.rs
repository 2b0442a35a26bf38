//! `SyntaxError` and its subclasses as CPython 3.12 reports them: the fields
//! of the exception object and the block `python3.12 FILE.py` prints.

use crate::text::substr;
use super::ast::Span;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// CPython's parser ran out of its stack ("Parser stack overflowed").
    MemoryError,
    /// A compiler pass went past CPython's recursion limit ("... during
    /// compilation").
    RecursionError,
}

impl ErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::IndentationError => "IndentationError",
            ErrorKind::TabError => "TabError",
            ErrorKind::MemoryError => "MemoryError",
            ErrorKind::RecursionError => "RecursionError",
        }
    }
}

/// The attributes of a CPython `SyntaxError` instance. `col` and `end_col`
/// are CPython's `offset`/`end_offset`: 1-based, counted in characters, and
/// `end_col` may be 0 or -1 ("no end"), as CPython leaves them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: ErrorKind,
    pub msg: String,
    pub filename: String,
    pub line: u32,
    pub col: i32,
    pub end_line: u32,
    pub end_col: i32,
    /// The offending source line, with its newline as CPython keeps it.
    pub text: Option<String>,
}

impl SyntaxError {
    /// An error CPython reports without a location (a MemoryError or
    /// RecursionError while compiling): rendered as the bare `Kind: msg` line.
    pub fn unlocated(kind: ErrorKind, msg: &str, filename: &str) -> Self {
        SyntaxError { kind, msg: msg.to_string(), filename: filename.to_string(), line: 0, col: 0, end_line: 0, end_col: 0, text: None }
    }

    /// An error covering `span` (0-based UTF-8 byte columns, as in the AST)
    /// of `source`; converts to CPython's 1-based character offsets and
    /// captures the line's text.
    pub fn at_span(
        kind: ErrorKind,
        msg: &str,
        filename: &str,
        source: &str,
        span: Span,
    ) -> Self {
        let text = source_line(source, span.line);
        let col = text
            .as_deref()
            .map_or(span.col as i32 + 1, |t| byte_to_char_col(t, span.col) + 1);
        let end_col = if span.end_line == span.line {
            text.as_deref().map_or(span.end_col as i32 + 1, |t| {
                byte_to_char_col(t, span.end_col) + 1
            })
        } else {
            source_line(source, span.end_line)
                .as_deref()
                .map_or(span.end_col as i32 + 1, |t| {
                    byte_to_char_col(t, span.end_col) + 1
                })
        };
        SyntaxError {
            kind,
            msg: msg.to_string(),
            filename: filename.to_string(),
            line: span.line,
            col,
            end_line: span.end_line,
            end_col,
            text,
        }
    }

    /// The error as compiling a file reports it (`python3.12 FILE`,
    /// `python3.12 -m dis FILE`). pegen then reads the error's line back
    /// from the file named, newline included, where compiling a string under
    /// a name no file has takes it from the tokenizer's buffers, which lack
    /// the newline once the error spans lines (see `Parser::error_span`);
    /// the newline gives such an error one more caret.
    pub fn as_file_error(mut self, source: &str) -> Self {
        if self.end_line > self.line {
            let file_line = source_line(source, self.line);
            if let (Some(text), Some(file_line)) = (&self.text, file_line) {
                if file_line.strip_suffix('\n') == Some(text.as_str()) {
                    self.text = Some(file_line);
                }
            }
        }
        self
    }

    /// The block CPython's `PyErr_Display` writes to stderr for this error
    /// (pythonrun.c `print_exception` + `print_error_text`).
    pub fn render(&self) -> String {
        // Without a line (undecodable source) CPython prints only the message.
        let mut out = if self.line == 0 {
            String::new()
        } else {
            format!("  File \"{}\", line {}\n", self.filename, self.line)
        };
        if let (Some(text), true) = (&self.text, self.line > 0) {
            // Subclasses report no end (pythonrun.c `parse_syntax_error`).
            let mut end_col = if self.kind == ErrorKind::SyntaxError {
                self.end_col as i64
            } else {
                -1
            };
            let line_size = text.len() as i64;
            if self.kind == ErrorKind::SyntaxError && self.end_line > self.line {
                end_col = line_size;
            }
            if end_col > line_size + 1 {
                end_col = line_size + 1;
            }
            render_error_text(&mut out, self.col as i64, end_col, text);
        }
        out.push_str(self.kind.name());
        if !self.msg.is_empty() {
            out.push_str(": ");
            out.push_str(&self.msg);
        }
        out.push('\n');
        out
    }
}

/// pythonrun.c `print_error_text`: the stripped source line and the carets.
fn render_error_text(out: &mut String, offset: i64, end_offset: i64, text: &str) {
    let carets = if end_offset > 0 && end_offset > offset {
        end_offset - offset
    } else {
        1
    };
    let mut offset = offset - 1;
    let mut text = text;
    while let Some(rest) = text.strip_prefix([' ', '\t', '\x0c']) {
        text = rest;
        offset -= 1;
    }
    let mut len = text.len() as i64;
    if text.ends_with('\n') {
        len -= 1;
    }
    offset = offset.min(len);
    // Skip past newlines embedded in the text.
    while let Some(nl) = text.find('\n') {
        let inl = nl as i64;
        if inl >= offset {
            break;
        }
        text = substr(&text, nl + 1..);
        len -= inl + 1;
        offset -= inl + 1;
    }
    out.push_str("    ");
    out.push_str(text);
    if !text.ends_with('\n') || len < 0 {
        out.push('\n');
    }
    if offset < 0 {
        return;
    }
    out.push_str("    ");
    out.extend(std::iter::repeat_n(' ', offset as usize));
    out.extend(std::iter::repeat_n('^', carets as usize));
    out.push('\n');
}

/// Line `line` (1-based) of `source` including its `\n`, if it exists.
pub fn source_line(source: &str, line: u32) -> Option<String> {
    if line == 0 {
        return None;
    }
    let mut rest = source;
    for _ in 1..line {
        let nl = rest.find('\n')?;
        rest = substr(&rest, nl + 1..);
    }
    let end = rest.find('\n').map_or(rest.len(), |i| i + 1);
    Some(substr(&rest, ..end).to_string())
}

/// The character index of byte column `col` in `text` (columns past the
/// end count one per byte, as for a NEWLINE synthesized at end of input).
pub fn byte_to_char_col(text: &str, col: u32) -> i32 {
    let beyond = (col as usize).saturating_sub(text.len()) as i32;
    let col = (col as usize).min(text.len());
    let mut count = beyond;
    for (i, _) in text.char_indices() {
        if i >= col {
            break;
        }
        count += 1;
    }
    count
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} ({}, line {})",
            self.kind.name(),
            self.msg,
            self.filename,
            self.line
        )
    }
}

impl std::error::Error for SyntaxError {}

/// A compile-time `SyntaxWarning` (e.g. "invalid escape sequence '\d'").
/// CPython prints it to stderr through `warnings.showwarning`, once per
/// (message, line), before the program runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxWarning {
    pub msg: String,
    pub line: u32,
}

impl SyntaxWarning {
    /// `warnings.formatwarning`'s text: `FILE:LINE: SyntaxWarning: MSG` and
    /// the stripped source line.
    pub fn render(&self, filename: &str, source: &str) -> String {
        let mut out = format!("{}:{}: SyntaxWarning: {}\n", filename, self.line, self.msg);
        if let Some(text) = source_line(source, self.line) {
            let text = text.trim();
            if !text.is_empty() {
                out.push_str("  ");
                out.push_str(text);
                out.push('\n');
            }
        }
        out
    }
}
