//! SyntaxErrors against CPython 3.12.7: the exception's fields and the
//! block `python3.12 FILE.py` prints (goldens: scripts/regen-syntax-goldens.sh).

#[path = "syntax/common.rs"]
mod common;

use pvm::syntax::parse;

#[test]
fn errors_match_cpython() {
    let cases = common::read_cases("tests/syntax/error_cases.txt");
    let golden = common::read_golden("tests/syntax/error_cases.golden");
    assert!(cases.len() > 50);
    let mut failures = Vec::new();
    for (name, src) in &cases {
        let expected = golden
            .get(name)
            .unwrap_or_else(|| panic!("no golden for {name}"));
        let (fields, rendered) = expected.split_once('\n').unwrap_or((expected, ""));
        let actual = match parse(src, "prog.py") {
            Ok(_) => "NO ERROR\n".to_string(),
            Err(e) => {
                let head = format!(
                    "{}|{}|{}|{}|{}|{}",
                    e.kind.name(),
                    e.msg,
                    e.line,
                    e.col,
                    e.end_line,
                    e.end_col
                );
                format!("{head}\n{}", e.render())
            }
        };
        // The text attribute's repr is not compared: only what is printed.
        let expected_fields = fields.rsplitn(2, '|').last().unwrap_or(fields);
        let expected = if fields == "NO ERROR" {
            "NO ERROR\n".to_string()
        } else {
            format!("{expected_fields}\n{rendered}")
        };
        // Errors CPython's compiler (symbol table, codegen) raises, not its
        // parser: the source must parse.
        let expected = if name.ends_with("[compiler]") {
            "NO ERROR\n".to_string()
        } else {
            expected
        };
        if actual != expected {
            failures.push(format!(
                "--- {name}\nexpected:\n{expected}actual:\n{actual}"
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
