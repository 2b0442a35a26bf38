//! Our parser's AST, dumped like `ast.dump(..., include_attributes=True)`,
//! against CPython 3.12.7's for every case in tests/syntax/ast_cases.txt
//! (goldens: scripts/regen-syntax-goldens.sh).

#[path = "syntax_common.rs"]
mod common;

use pvm::syntax::{dump::dump_module, parse};

#[test]
fn ast_matches_cpython() {
    let cases = common::read_cases("tests/syntax/ast_cases.txt");
    let golden = common::read_golden("tests/syntax/ast_cases.golden");
    assert!(cases.len() > 40);
    let mut failures = Vec::new();
    for (name, src) in &cases {
        let expected = golden
            .get(name)
            .unwrap_or_else(|| panic!("no golden for {name}"))
            .trim_end();
        let actual = match parse(src, "prog.py") {
            Ok(m) => dump_module(&m),
            Err(e) => format!("ERROR {:?}: {} at {}:{}", e.kind, e.msg, e.line, e.col),
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
                window(expected),
                window(&actual)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
