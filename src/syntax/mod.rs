//! Syntax: source text -> tokens -> AST, or a SyntaxError worded and placed
//! exactly as CPython 3.12 words and places it.

pub mod ast;
pub mod dump;
mod error;
mod parser;
mod strings;
use crate::text::substr;
mod tokenizer;
mod words;

pub use error::{ErrorKind, SyntaxError, SyntaxWarning};
pub use parser::{tree_depth, TOO_COMPLEX};
pub use tokenizer::is_identifier;

/// Parse a module. `filename` only labels errors.
pub fn parse(source: &str, filename: &str) -> Result<ast::Module, SyntaxError> {
    parse_with_warnings(source, filename).0
}

/// Parse a module, also returning the SyntaxWarnings CPython's tokenizer and
/// parser emit (invalid escape sequences, `1if`), in source order. CPython
/// prints each (no deduplication: compile-time warnings have no registry).
pub fn parse_with_warnings(
    source: &str,
    filename: &str,
) -> (Result<ast::Module, SyntaxError>, Vec<SyntaxWarning>) {
    let source = normalize_newlines(source);
    let mut warnings = Vec::new();
    let result = parse_normalized(&source, filename, &mut warnings).map_err(|e| *e);
    crate::sort::sort_by_key(&mut warnings, |w| w.0);
    (
        result,
        warnings
            .into_iter()
            .map(|(line, msg)| SyntaxWarning { msg, line })
            .collect(),
    )
}

/// Parse a file's bytes as `python3.12 FILE` would read them: UTF-8 (a
/// BOM is dropped), with native CPython's wording for undecodable bytes.
pub fn parse_bytes(source: &[u8], filename: &str) -> Result<ast::Module, SyntaxError> {
    match std::str::from_utf8(source) {
        Ok(text) => parse(text, filename),
        Err(e) => Err(non_utf8_error(source, e.valid_up_to(), filename)),
    }
}

fn non_utf8_error(source: &[u8], at: usize, filename: &str) -> SyntaxError {
    let line = source[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    SyntaxError {
        kind: ErrorKind::SyntaxError,
        msg: format!(
            "Non-UTF-8 code starting with '\\x{:02x}' in file {} on line {}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
            source[at], filename, line
        ),
        filename: filename.to_string(),
        line: 0,
        col: 0,
        end_line: 0,
        end_col: 0,
        text: None,
    }
}

/// Native CPython refuses NUL bytes before tokenizing (the oracle, which
/// compiles bytes, words it differently): the line up to the NUL, no caret.
#[cfg_attr(target_arch = "wasm32", track_caller)]
fn nul_byte_error(source: &str, filename: &str) -> Option<SyntaxError> {
    let at = source.find('\0')?;
    let line_start = substr(&source, ..at).rfind('\n').map_or(0, |i| i + 1);
    Some(SyntaxError {
        kind: ErrorKind::SyntaxError,
        msg: "source code cannot contain null bytes".to_string(),
        filename: filename.to_string(),
        line: substr(&source, ..at).matches('\n').count() as u32 + 1,
        col: 0,
        end_line: substr(&source, ..at).matches('\n').count() as u32 + 1,
        end_col: 0,
        text: Some(substr(&source, line_start..at).to_string()),
    })
}

fn parse_normalized(
    source: &str,
    filename: &str,
    warnings: &mut Vec<(u32, String)>,
) -> Result<ast::Module, Box<SyntaxError>> {
    if let Some(e) = nul_byte_error(source, filename) {
        return Err(Box::new(e));
    }
    let source = source.to_string();
    let mut tokens = tokenizer::tokenize(&source, filename);
    warnings.append(&mut tokens.warnings);
    let lexical_error = tokens.error.clone();
    let error_in_fstring = tokens.error_in_fstring;
    let unclosed = match (&lexical_error, tokens.open_brackets.last()) {
        (None, Some(&(bracket, line, col))) => Some((
            line,
            Box::new(unclosed_bracket(&source, filename, bracket, line, col)),
        )),
        _ => None,
    };
    let sentinel_error = lexical_error
        .clone()
        .or_else(|| unclosed.as_ref().map(|(_, e)| e.clone()));
    let mut parser = parser::Parser::new(&source, filename, tokens, sentinel_error);
    let result = parser.parse_module();
    warnings.append(&mut parser.warnings);
    result.map_err(|parse_error| {
        // pegen's `_PyPegen_set_syntax_error`: "unexpected indent" stands as
        // is; any other parser error gives way to an error the tokenizer
        // finds in the rest of the file
        // (`_PyPegen_tokenize_full_source_to_check_for_errors`), and an
        // unclosed bracket wins if it opened before the furthest token read.
        if let Some(e) = lexical_error.as_ref().filter(|_| parser.reached_sentinel()) {
            return e.clone();
        }
        if is_unexpected_indentation(&parse_error) {
            return parse_error;
        }
        if parser.stack_ran_out() {
            // pvm's own limit, not CPython's: any real error wins over it.
            if let Some(e) = lexical_error {
                return e;
            }
        }
        if matches!(parse_error.kind, ErrorKind::MemoryError | ErrorKind::RecursionError) {
            // Not a SyntaxError: pegen hands it on without scanning the rest
            // of the file for a tokenizer error.
            return parse_error;
        }
        if let Some(e) = lexical_error.filter(|e| raised_by_tokenizer(e) && !error_in_fstring) {
            return e;
        }
        match unclosed {
            Some((line, e)) if parse_error.line > line || parser.furthest_line() > line => e,
            _ => parse_error,
        }
    })
}

/// Whether CPython's tokenizer raises this error itself (so that scanning
/// the rest of the file finds it). Indentation and line-continuation
/// errors are only reported when the parser reaches them.
fn raised_by_tokenizer(e: &SyntaxError) -> bool {
    e.kind == ErrorKind::SyntaxError
        && !matches!(
            e.msg.as_str(),
            "unexpected character after line continuation character"
                | "unexpected EOF while parsing"
        )
}

fn is_unexpected_indentation(e: &SyntaxError) -> bool {
    e.kind == ErrorKind::IndentationError
        && matches!(e.msg.as_str(), "unexpected indent" | "unexpected unindent")
}

fn unclosed_bracket(source: &str, filename: &str, bracket: u8, line: u32, col: u32) -> SyntaxError {
    let span = ast::Span {
        line,
        col,
        end_line: line,
        end_col: col,
    };
    let mut e = SyntaxError::at_span(
        ErrorKind::SyntaxError,
        &format!("'{}' was never closed", bracket as char),
        filename,
        source,
        span,
    );
    e.end_col = 0;
    e
}

/// CPython reads source with universal newlines and drops a UTF-8 BOM.
fn normalize_newlines(source: &str) -> String {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    if !crate::text::has_char(&source, '\r') {
        return source.to_string();
    }
    crate::text::replace(source, "\r\n", "\n").replace('\r', "\n")
}
