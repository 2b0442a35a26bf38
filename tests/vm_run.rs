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

/// Programs loading bytes and complex constants run (they were refused
/// before the runtime had these types).
#[test]
fn bytes_and_complex_constants_run() {
    let bytes = pvm::vm::run("print('start')\ndef f():\n    return b'hi'\nprint(f())\n", "/t/b.py", "");
    assert_eq!((bytes.exit_code, bytes.stdout.as_str()), (0, "start\nb'hi'\n"));
    let complex = pvm::vm::run("x = (1, 2j)\nprint(x, x[1] * x[1], abs(3 + 4j))\n", "/t/c.py", "");
    assert_eq!((complex.exit_code, complex.stdout.as_str()), (0, "(1, 2j) (-4+0j) 5.0\n"));
}

/// CPython's 4300-digit limit on int -> decimal text holds on every path:
/// str/repr, format 'd', %d and grouping (expected text from the oracle).
#[test]
fn int_to_decimal_text_stops_at_4300_digits() {
    let source = "n = 10**4300\nprint(len(str(n // 10)))\nfor f in (lambda: str(n), lambda: format(n, 'd'), lambda: '%d' % n, lambda: f'{n:,}', lambda: format(-n, 'x')[:6]):\n    try:\n        print(f())\n    except ValueError as e:\n        print('ValueError', e)\n";
    let out = pvm::vm::run(source, "t.py", "");
    let limit = "ValueError Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit\n";
    assert_eq!(out.stdout, format!("4300\n{limit}{limit}{limit}{limit}-1392b\n"));
    assert_eq!(out.exit_code, 0);
}
