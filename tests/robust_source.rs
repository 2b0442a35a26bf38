//! Bad and extreme source through the real `pvm` binary, against CPython:
//! tests/robust/programs/ (empty, comments only, 1 MB, a 10,000-line
//! function, nesting just inside and just past each of CPython's limits —
//! 200 brackets, pegen's stack, the compiler's recursion — BOM, CRLF and lone CR,
//! TabError, unicode identifiers, recursion, input() at EOF) against the
//! oracle's goldens, and tests/robust/native/ (NUL bytes, invalid UTF-8,
//! MemoryError) against native 64-bit CPython 3.12, which the oracle cannot
//! show. Regenerate both with scripts/regen-robust-goldens.sh.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn data(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/robust").join(dir)
}

struct Output {
    stdout: String,
    stderr: String,
    code: i32,
}

/// `pvm CMD NAME.py` run inside `dir` (so the script is named `dir/NAME.py`,
/// as CPython names it; the folder is stripped for the comparison), with
/// `NAME.in` or nothing as stdin.
fn pvm(cmd: &str, dir: &Path, name: &str) -> Output {
    let stdin = match std::fs::File::open(dir.join(format!("{name}.in"))) {
        Ok(f) => Stdio::from(f),
        Err(_) => Stdio::null(),
    };
    let out = Command::new(env!("CARGO_BIN_EXE_pvm"))
        .args([cmd, &format!("{name}.py")])
        .current_dir(dir)
        .stdin(stdin)
        .output()
        .expect("run pvm");
    let prefix = format!("{}/", dir.display());
    Output {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).replace(&prefix, ""),
        code: out.status.code().unwrap_or(-1),
    }
}

fn read(path: PathBuf) -> Option<String> {
    std::fs::read(path).ok().map(|b| String::from_utf8_lossy(&b).into_owned())
}

/// Runs every program of `dir` and compares with the goldens in `golden`.
fn check_runs(dir: &str, golden: &str) {
    let (dir, golden) = (data(dir), data(golden));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".py").map(str::to_string))
        .collect();
    names.sort();
    assert!(names.len() >= 7, "{names:?}");
    let mut failures = Vec::new();
    for name in &names {
        let got = pvm("run", &dir, name);
        let want_out = read(golden.join(format!("{name}.out"))).unwrap_or_default();
        let want_err = read(golden.join(format!("{name}.err"))).unwrap_or_default();
        let want_code: i32 = read(golden.join(format!("{name}.code"))).expect("golden .code").trim().parse().unwrap();
        if got.stdout != want_out {
            failures.push(format!("{name}: stdout\n  got  {:?}\n  want {:?}", clip(&got.stdout), clip(&want_out)));
        }
        if got.stderr != want_err {
            failures.push(format!("{name}: stderr\n  got  {:?}\n  want {:?}", clip(&got.stderr), clip(&want_err)));
        }
        if got.code != want_code {
            failures.push(format!("{name}: exit status {} want {want_code}", got.code));
        }
        if let Some(want_dis) = read(golden.join(format!("{name}.dis"))) {
            let dis = pvm("dis", &dir, name);
            if normalise_addresses(&dis.stdout) != want_dis {
                failures.push(format!("{name}: dis differs from the golden"));
            }
        }
    }
    assert!(failures.is_empty(), "{} differences:\n{}", failures.len(), failures.join("\n"));
}

fn clip(s: &str) -> String {
    if s.len() <= 600 {
        return s.to_string();
    }
    let mut end = 600;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}... ({} bytes)", &s[..end], s.len())
}

/// `<code object f at 0x7f...>` -> `at 0x...` (as the goldens write it).
fn normalise_addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(" at 0x") {
        out.push_str(&rest[..i + 6]);
        rest = rest[i + 6..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
        out.push_str("...");
    }
    out.push_str(rest);
    out
}

#[test]
fn bad_and_extreme_source_runs_as_cpython_3_12_7() {
    check_runs("programs", "golden");
}

#[test]
fn nul_bytes_invalid_utf8_and_memory_errors_as_native_cpython() {
    check_runs("native", "native_golden");
}

/// The 10,000-line function and the 1 MB program disassemble exactly as
/// native CPython 3.12 (goldens are the length and FNV-1a hash of the text).
#[test]
fn huge_programs_disassemble_as_cpython() {
    let dir = data("programs");
    for name in ["long_function", "big_1mb"] {
        let want = read(data("native_golden").join(format!("{name}.dis.fnv"))).unwrap();
        let text = normalise_addresses(&pvm("dis", &dir, name).stdout);
        let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100_0000_01b3));
        assert_eq!(
            format!("{} {hash:016x}", text.len()),
            want.trim(),
            "{name}: `pvm dis` differs from `python3.12 -m dis` (diff the two by hand to see where)"
        );
    }
}
