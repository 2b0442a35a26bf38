//! `pvm::vm::run` (compile + run mode) against the oracle's stdout, stderr
//! and exit status for every program of the corpora.

mod vm_common;

use vm_common::{all_programs, first_difference};

#[test]
fn run_mode_matches_the_oracle() {
    let programs = all_programs();
    let mut failures = Vec::new();
    for p in &programs {
        let out = pvm::vm::run(&p.source, &format!("{}.py", p.name), &p.stdin);
        let (want_out, want_err, want_code) = (p.golden("out"), p.golden("err"), p.exit_code());
        if out.stdout != want_out {
            failures.push(format!("{}: stdout {}", p.name, first_difference(&out.stdout, &want_out)));
        }
        if out.stderr != want_err {
            failures.push(format!("{}: stderr {}", p.name, first_difference(&out.stderr, &want_err)));
        }
        if out.exit_code != want_code {
            failures.push(format!("{}: exit {} want {}", p.name, out.exit_code, want_code));
        }
    }
    assert!(failures.is_empty(), "{} differences in {} programs:\n{}", failures.len(), programs.len(), failures.join("\n"));
}

#[test]
fn instructions_are_counted() {
    let out = pvm::vm::run("x = 1\nprint(x + 2)\n", "t.py", "");
    assert_eq!(out.stdout, "3\n");
    assert!(out.instructions >= 8, "{}", out.instructions);
}

#[test]
fn a_syntax_error_ends_with_status_1() {
    let out = pvm::vm::run("x = (1,\n", "t.py", "");
    assert_eq!(out.exit_code, 1);
    assert!(out.stderr.contains("SyntaxError"), "{}", out.stderr);
    assert_eq!(out.stdout, "");
}
