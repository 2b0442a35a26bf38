//! Syntax: source text -> tokens -> AST, or a SyntaxError worded and placed
//! exactly as CPython 3.12 words and places it.

pub mod ast;
pub mod dump;
mod error;
mod parser;
mod strings;
mod tokenizer;

pub use error::{ErrorKind, SyntaxError, SyntaxWarning};

/// Parse a module. `filename` only labels errors.
pub fn parse(source: &str, filename: &str) -> Result<ast::Module, SyntaxError> {
    parse_with_warnings(source, filename).0
}

/// Parse a module, also returning the SyntaxWarnings CPython's tokenizer and
/// parser emit (invalid escape sequences, `1if`), in source order. CPython
/// prints each (no deduplication: compile-time warnings have no registry).
pub fn parse_with_warnings(source: &str, filename: &str) -> (Result<ast::Module, SyntaxError>, Vec<SyntaxWarning>) {
    let source = normalize_newlines(source);
    let mut warnings = Vec::new();
    let result = parse_normalized(&source, filename, &mut warnings);
    warnings.sort_by_key(|w| w.0);
    (result, warnings.into_iter().map(|(line, msg)| SyntaxWarning { msg, line }).collect())
}

fn parse_normalized(source: &str, filename: &str, warnings: &mut Vec<(u32, String)>) -> Result<ast::Module, SyntaxError> {
    let source = source.to_string();
    let mut tokens = tokenizer::tokenize(&source, filename);
    warnings.append(&mut tokens.warnings);
    let lexical_error = tokens.error.as_ref().map(|(_, e)| e.clone());
    let unclosed = match (&lexical_error, tokens.open_brackets.last()) {
        (None, Some(&(bracket, line, col))) => Some((line, unclosed_bracket(&source, filename, bracket, line, col))),
        _ => None,
    };
    if let Some(e) = lexical_error {
        // A lexical error anywhere wins over any parser error (pegen's
        // `_PyPegen_tokenize_full_source_to_check_for_errors`).
        return Err(e);
    }
    let sentinel_error = lexical_error.clone().or_else(|| unclosed.as_ref().map(|(_, e)| e.clone()));
    let mut parser = parser::Parser::new(&source, filename, tokens, sentinel_error);
    let result = parser.parse_module();
    warnings.append(&mut parser.warnings);
    result.map_err(|parse_error| {
        // pegen prefers an error the tokenizer finds anywhere in the rest of
        // the file (`_PyPegen_tokenize_full_source_to_check_for_errors`); an
        // unclosed bracket wins only if it opened before the error's line.
        if let Some(e) = lexical_error {
            return e;
        }
        match unclosed {
            Some((line, e)) if parse_error.line > line || parser.furthest_line() > line => e,
            _ => parse_error,
        }
    })
}

fn unclosed_bracket(source: &str, filename: &str, bracket: u8, line: u32, col: u32) -> SyntaxError {
    let span = ast::Span { line, col, end_line: line, end_col: col };
    let mut e = SyntaxError::at_span(ErrorKind::SyntaxError, format!("'{}' was never closed", bracket as char), filename, source, span);
    e.end_col = 0;
    e
}

/// CPython reads source with universal newlines and drops a UTF-8 BOM.
fn normalize_newlines(source: &str) -> String {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    if !source.contains('\r') {
        return source.to_string();
    }
    source.replace("\r\n", "\n").replace('\r', "\n")
}
