//! Syntax: source text -> tokens -> AST, or a SyntaxError worded and placed
//! exactly as CPython 3.12 words and places it.

pub mod ast;
