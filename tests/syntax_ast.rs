//! Our parser's AST, dumped like `ast.dump(..., include_attributes=True)`,
//! against CPython 3.12.7's for every case of tests/syntax/ast_cases.txt and
//! tests/syntax/fstring_cases.txt (for sources CPython rejects, the
//! SyntaxError's fields). Goldens: scripts/regen-syntax-goldens.sh.

#[path = "syntax/common.rs"]
mod common;

use pvm::syntax::{dump::dump_module, parse};

/// Every case of `suite` against its golden; returns the differences.
fn compare_suite(suite: &str) -> (usize, Vec<String>) {
    let cases = common::read_cases(&format!("tests/syntax/{suite}_cases.txt"));
    let golden = common::read_golden(&format!("tests/syntax/{suite}_cases.golden"));
    let mut failures = Vec::new();
    for (name, src) in &cases {
        let expected = golden
            .get(name)
            .unwrap_or_else(|| panic!("no golden for {name}"))
            .trim_end();
        // For errors the golden ends with `|repr(text)`, which is not compared.
        let expected = match expected.starts_with("Module(") {
            true => expected.to_string(),
            false => expected
                .rsplitn(2, '|')
                .last()
                .unwrap_or(expected)
                .to_string(),
        };
        let actual = match parse(src, "prog.py") {
            Ok(m) => dump_module(&m),
            Err(e) => format!(
                "{}|{}|{}|{}|{}|{}",
                e.kind.name(),
                e.msg,
                e.line,
                e.col,
                e.end_line,
                e.end_col
            ),
        };
        if actual != expected {
            let at = expected
                .bytes()
                .zip(actual.bytes())
                .take_while(|(a, b)| a == b)
                .count();
            let from = at.saturating_sub(150);
            let window = |s: &str| {
                s.get(from..(at + 150).min(s.len()))
                    .unwrap_or(s)
                    .to_string()
            };
            failures.push(format!(
                "--- {name} (first difference at byte {at})\nexpected: ...{}\n  actual: ...{}",
                window(&expected),
                window(&actual)
            ));
        }
    }
    (cases.len(), failures)
}

#[test]
fn ast_matches_cpython() {
    let (count, failures) = compare_suite("ast");
    assert!(count > 40);
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        count,
        failures.join("\n")
    );
}

/// Randomly combined f-string pieces (nested quotes, specs, `=`, bad
/// conversions, stray braces), valid and not.
#[test]
fn fstrings_match_cpython() {
    let (count, failures) = compare_suite("fstring");
    assert!(count >= 400);
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        count,
        failures.join("\n")
    );
}
