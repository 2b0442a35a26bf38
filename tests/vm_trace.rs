//! `pvm::vm::trace` against the oracle's instruction traces: the same
//! events (code, offset, opname, line) in the same order.

mod vm_common;

use vm_common::all_programs;

/// Drops our extra `"stack"` key so lines compare with the oracle's.
fn without_stack(line: &str) -> &str {
    match line.find(", \"stack\": [") {
        Some(i) => &line[..i],
        None => line,
    }
}

#[test]
fn traces_match_the_oracle() {
    let programs = all_programs();
    let mut failures = Vec::new();
    for p in &programs {
        let (trace, _) = pvm::vm::trace(&p.source, &format!("{}.py", p.name), &p.stdin);
        let want = p.golden("trace");
        let got: Vec<String> = trace.lines().map(|l| format!("{}}}", without_stack(l).trim_end_matches('}'))).collect();
        let want: Vec<&str> = want.lines().collect();
        let mismatch = got.iter().zip(&want).position(|(g, w)| g != w);
        if let Some(i) = mismatch {
            failures.push(format!("{}: event {}: got {} want {}", p.name, i + 1, got[i], want[i]));
        } else if got.len() != want.len() {
            failures.push(format!("{}: {} events, want {}", p.name, got.len(), want.len()));
        }
    }
    assert!(failures.is_empty(), "{} of {} traces differ:\n{}", failures.len(), programs.len(), failures.join("\n"));
}

#[test]
fn trace_lines_carry_the_stack_after_each_instruction() {
    let (trace, out) = pvm::vm::trace("x = 2\ny = x * 3\n", "t.py", "");
    assert_eq!(out.exit_code, 0);
    let lines: Vec<&str> = trace.lines().collect();
    assert_eq!(lines[0], r#"{"code": "<module>", "offset": 2, "opname": "LOAD_CONST", "line": 1, "stack": ["2"]}"#);
    assert!(lines.contains(&r#"{"code": "<module>", "offset": 10, "opname": "BINARY_OP", "line": 2, "stack": ["6"]}"#), "{trace}");
}
