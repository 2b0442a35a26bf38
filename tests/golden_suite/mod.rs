//! The golden-suite harness of tests/conformance.rs (tests/programs): runs the `pvm`
//! binary on every program of a folder
//! the way a user runs it and compares with the oracle's goldens, reporting every
//! mismatch at once, each with a diff.

#![allow(dead_code)]

pub mod codeinfo;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// Longer than any program here should take; a hung VM fails its program instead of the run.
pub const TIMEOUT: Duration = Duration::from_secs(60);
/// Lines of unchanged context shown around a difference.
pub const CONTEXT: usize = 3;
/// A diff is cut after this many lines.
pub const MAX_DIFF_LINES: usize = 60;

// ---------------------------------------------------------------------------------------------
// Running the programs

/// A corpus: `tests/PROGRAMS/NAME.py` run by `pvm`, with the oracle's goldens in `tests/GOLDENS/`.
pub struct Suite {
    pub programs: &'static str,
    pub goldens: &'static str,
}

impl Suite {
    fn programs_dir(&self) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join(self.programs)
    }

    fn golden_dir(&self) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join(self.goldens)
    }

    /// The program names (`NAME` of `NAME.py`), sorted.
    pub fn program_names(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(self.programs_dir())
            .unwrap_or_else(|e| panic!("tests/{}: {e}", self.programs))
            .filter_map(|entry| {
                let path = entry.ok()?.path();
                (path.extension()? == "py").then(|| path.file_stem()?.to_str().map(String::from))?
            })
            .collect();
        names.sort();
        names
    }

    /// The program's source text.
    pub fn source(&self, name: &str) -> String {
        fs::read_to_string(self.programs_dir().join(format!("{name}.py"))).unwrap_or_else(|e| panic!("{name}.py: {e}"))
    }

    /// The golden file `NAME.EXT`, if the oracle wrote one.
    pub fn golden(&self, name: &str, ext: &str) -> Option<String> {
        fs::read_to_string(self.golden_dir().join(format!("{name}.{ext}"))).ok()
    }

    /// Runs `pvm MODE NAME.py` in the suite's folder, with stdin from NAME.in if it exists.
    pub fn pvm(&self, mode: &str, name: &str) -> Outcome {
        let stdin = match fs::File::open(self.programs_dir().join(format!("{name}.in"))) {
            Ok(file) => Stdio::from(file),
            Err(_) => Stdio::null(),
        };
        let mut child = Command::new(env!("CARGO_BIN_EXE_pvm"))
            .args([mode, &format!("{name}.py")])
            .current_dir(self.programs_dir())
            .stdin(stdin)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the pvm binary starts");
        // Drain both pipes while waiting, so a chatty program cannot block on a full pipe.
        let stdout = read_in_background(child.stdout.take().unwrap());
        let stderr = read_in_background(child.stderr.take().unwrap());
        let deadline = Instant::now() + TIMEOUT;
        let status = loop {
            if let Some(status) = child.try_wait().expect("waiting for pvm") {
                break Some(status);
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            thread::sleep(Duration::from_millis(2));
        };
        Outcome { stdout: stdout.join().unwrap(), stderr: stderr.join().unwrap(), status }
    }

    /// Runs `check` on every program and fails with one report listing every mismatch.
    pub fn check_all(&self, mode: &str, check: impl Fn(&str) -> Vec<String>) {
        let names = self.program_names();
        assert!(!names.is_empty(), "no programs in tests/{}", self.programs);
        let mut failures = Vec::new();
        for name in &names {
            let problems = check(name);
            if !problems.is_empty() {
                failures.push((name.clone(), problems));
            }
        }
        if failures.is_empty() {
            return;
        }
        let mut report = format!(
            "`pvm {mode}` differs from CPython 3.12 on {} of {} programs: {}\n",
            failures.len(),
            names.len(),
            failures.iter().map(|(name, _)| format!("{name}.py")).collect::<Vec<_>>().join(", ")
        );
        for (name, problems) in &failures {
            report += &format!("\n======== {name}.py (pvm {mode} {name}.py)\n");
            for problem in problems {
                report += &format!("--- {problem}\n");
            }
        }
        panic!("{report}");
    }

    /// stderr and exit status as `python3.12 NAME.py` gives them (NAME.err, NAME.code).
    pub fn stderr_and_status_problems(&self, name: &str, got: &Outcome) -> Vec<String> {
        let expected_code = self.golden(name, "code")
            .and_then(|code| code.trim().parse().ok())
            .unwrap_or_else(|| panic!("tests/{}/{name}.code is missing or not a number", self.goldens));
        let mut problems = text_problem("stderr", &self.golden(name, "err").unwrap_or_default(), &strip_script_folders(&got.stderr));
        problems.extend(status_problem(got, expected_code));
        problems
    }
}

/// What one `pvm` command did.
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    /// None if it was killed (timeout or signal).
    pub status: Option<ExitStatus>,
}

pub fn read_in_background(mut pipe: impl Read + Send + 'static) -> thread::JoinHandle<String> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

// ---------------------------------------------------------------------------------------------
// Comparisons: each returns a description of what differs

pub fn status_problem(got: &Outcome, expected_code: i32) -> Vec<String> {
    let code = got.status.and_then(|status| status.code());
    if code == Some(expected_code) {
        return Vec::new();
    }
    let what = match got.status {
        None => format!("was killed after {TIMEOUT:?}"),
        Some(status) if status.code().is_none() => format!("died: {status}"),
        Some(status) => format!("exited with {}", status.code().unwrap()),
    };
    let mut problem = format!("exit status: expected {expected_code}, but pvm {what}");
    if !got.stderr.is_empty() && expected_code == 0 {
        problem += &format!("\nits stderr:\n{}", tail(&got.stderr, 15));
    }
    vec![problem]
}

pub fn text_problem(what: &str, expected: &str, actual: &str) -> Vec<String> {
    if expected == actual {
        Vec::new()
    } else {
        vec![format!("{what} (- expected, + pvm)\n{}", diff(expected, actual))]
    }
}

/// One trace event as the oracle records it.
#[derive(PartialEq)]
pub struct Event {
    code: String,
    offset: i64,
    opname: String,
    line: Option<i64>,
}

impl std::fmt::Display for Event {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        let line = self.line.map_or("null".to_string(), |line| line.to_string());
        write!(f, "{} @{} {} (line {line})", self.code, self.offset, self.opname)
    }
}

pub fn parse_trace(text: &str, whose: &str) -> Result<Vec<Event>, String> {
    text.lines()
        .enumerate()
        .map(|(index, line)| {
            let bad = |why: &str| format!("{whose} trace line {}: {why}: {line}", index + 1);
            let value: serde_json::Value = serde_json::from_str(line).map_err(|e| bad(&e.to_string()))?;
            if value.get("truncated").is_some() {
                return Err(bad("truncated trace (make the program shorter)"));
            }
            let field = |key: &str| value.get(key).ok_or_else(|| bad(&format!("no \"{key}\"")));
            Ok(Event {
                code: field("code")?.as_str().ok_or_else(|| bad("code is not a string"))?.to_string(),
                offset: field("offset")?.as_i64().ok_or_else(|| bad("offset is not an integer"))?,
                opname: field("opname")?.as_str().ok_or_else(|| bad("opname is not a string"))?.to_string(),
                line: field("line")?.as_i64(),
            })
        })
        .collect()
}

/// Compares the event sequences; on a mismatch shows the events around the first difference.
pub fn trace_problem(expected: &str, actual: &str) -> Option<String> {
    let expected = match parse_trace(expected, "golden") {
        Ok(events) => events,
        Err(problem) => return Some(problem),
    };
    let actual = match parse_trace(actual, "pvm") {
        Ok(events) => events,
        Err(problem) => return Some(problem),
    };
    let first = (0..expected.len().max(actual.len())).find(|&i| expected.get(i) != actual.get(i))?;
    let mut report = format!(
        "trace: {} events expected, pvm gave {}; first difference at event {}\n",
        expected.len(),
        actual.len(),
        first + 1
    );
    for event in &expected[first.saturating_sub(CONTEXT)..first] {
        report += &format!("      {event}\n");
    }
    let show = |events: &[Event], sign: char| -> String {
        let end = events.len().min(first + CONTEXT + 1);
        let mut text: String = events
            .get(first..end)
            .unwrap_or_default()
            .iter()
            .map(|event| format!("    {sign} {event}\n"))
            .collect();
        if first >= events.len() {
            text += &format!("    {sign} (end of trace)\n");
        }
        text
    };
    report += &show(&expected, '-');
    report += &show(&actual, '+');
    Some(report)
}

// ---------------------------------------------------------------------------------------------
// Normalisation

/// `<code object f at 0x7f…>` → `<code object f at 0x...>` (the oracle's goldens say `0x...`).
pub fn normalise_addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(" at 0x") {
        let digits_start = at + " at 0x".len();
        out += &rest[..digits_start];
        out += "...";
        let after = &rest[digits_start..];
        rest = after.trim_start_matches(|c: char| c.is_ascii_hexdigit());
        if rest.len() == after.len() {
            // Not an address after all ("at 0x" then no hex digits): keep whatever follows.
            out.truncate(out.len() - 3);
        }
    }
    out + rest
}

/// `File "/abs/path/NAME.py"` → `File "NAME.py"`: tracebacks name the script by its absolute
/// path, the goldens (made with `cd programs && python3.12 NAME.py`) by its name.
pub fn strip_script_folders(text: &str) -> String {
    const FILE: &str = "File \"";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(FILE) {
        let path_start = start + FILE.len();
        out += &rest[..path_start];
        rest = &rest[path_start..];
        let path_end = rest.find('"').unwrap_or(rest.len());
        let path = &rest[..path_end];
        out += path.rsplit('/').next().unwrap_or(path);
        rest = &rest[path_end..];
    }
    out + rest
}

// ---------------------------------------------------------------------------------------------
// A small line diff (longest common subsequence over the part that differs)

pub fn diff(expected: &str, actual: &str) -> String {
    let old: Vec<&str> = expected.split_inclusive('\n').collect();
    let new: Vec<&str> = actual.split_inclusive('\n').collect();
    let prefix = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (old_mid, new_mid) = (&old[prefix..old.len() - suffix], &new[prefix..new.len() - suffix]);

    let mut lines = vec![format!("@@ line {} @@", prefix + 1)];
    for line in &old[prefix.saturating_sub(CONTEXT)..prefix] {
        lines.push(format!("  {}", show_line(line)));
    }
    for (sign, line) in edit_script(old_mid, new_mid) {
        lines.push(format!("{sign} {}", show_line(line)));
    }
    for line in old[old.len() - suffix..].iter().take(CONTEXT) {
        lines.push(format!("  {}", show_line(line)));
    }
    if lines.len() > MAX_DIFF_LINES {
        let more = lines.len() - MAX_DIFF_LINES;
        lines.truncate(MAX_DIFF_LINES);
        lines.push(format!("... ({more} more diff lines)"));
    }
    lines.join("\n")
}

/// A line as shown in a diff: a missing final newline is made visible.
pub fn show_line(line: &str) -> String {
    match line.strip_suffix('\n') {
        Some(line) => line.to_string(),
        None => format!("{line}⏎ (no newline at end)"),
    }
}

/// The LCS edit script turning `old` into `new`: (' ' | '-' | '+', line).
pub fn edit_script<'a>(old: &[&'a str], new: &[&'a str]) -> Vec<(char, &'a str)> {
    if old.len() * new.len() > 4_000_000 {
        // Too big to align: show both sides whole.
        let removed = old.iter().map(|line| ('-', *line));
        return removed.chain(new.iter().map(|line| ('+', *line))).collect();
    }
    // common[i][j] = length of the LCS of old[i..] and new[j..]
    let mut common = vec![vec![0u32; new.len() + 1]; old.len() + 1];
    for i in (0..old.len()).rev() {
        for j in (0..new.len()).rev() {
            common[i][j] = if old[i] == new[j] {
                common[i + 1][j + 1] + 1
            } else {
                common[i + 1][j].max(common[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut script) = (0, 0, Vec::new());
    while i < old.len() || j < new.len() {
        if i < old.len() && j < new.len() && old[i] == new[j] {
            script.push((' ', old[i]));
            (i, j) = (i + 1, j + 1);
        } else if i < old.len() && (j == new.len() || common[i + 1][j] >= common[i][j + 1]) {
            script.push(('-', old[i]));
            i += 1;
        } else {
            script.push(('+', new[j]));
            j += 1;
        }
    }
    script
}

pub fn tail(text: &str, lines: usize) -> String {
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}


/// The harness's own helpers.
mod harness {
    use super::*;

    #[test]
    fn addresses_are_normalised() {
        assert_eq!(
            normalise_addresses("<code object f at 0x7f3a2b, file \"x.py\", line 1>"),
            "<code object f at 0x..., file \"x.py\", line 1>"
        );
        assert_eq!(normalise_addresses("at 0xyz"), "at 0xyz");
    }

    #[test]
    fn script_folders_are_stripped() {
        assert_eq!(
            strip_script_folders("  File \"/work/tests/programs/a.py\", line 3, in f\n"),
            "  File \"a.py\", line 3, in f\n"
        );
        assert_eq!(strip_script_folders("File \"a.py\""), "File \"a.py\"");
    }

    #[test]
    fn diff_shows_changed_lines_with_context() {
        let report = diff("a\nb\nc\nd\n", "a\nb\nX\nd\n");
        assert_eq!(report, "@@ line 3 @@\n  a\n  b\n- c\n+ X\n  d");
        assert!(diff("a\n", "a").contains("no newline at end"));
    }
}
