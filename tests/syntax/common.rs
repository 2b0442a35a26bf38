//! Shared helpers for the syntax golden tests (included with `#[path]`, so
//! it is not a test crate of its own).

use std::collections::BTreeMap;
use std::path::Path;

/// The cases of a `tests/syntax/*_cases.txt` file, split exactly as
/// scripts/regen-syntax-goldens.sh splits them.
pub fn read_cases(path: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
    let mut cases = Vec::new();
    let mut name: Option<String> = None;
    let mut lines: Vec<&str> = Vec::new();
    let mut finish = |name: Option<String>, lines: &mut Vec<&str>, last: bool| {
        if let Some(name) = name {
            if last && lines.last() == Some(&"") {
                lines.pop();
            }
            let mut src: String = lines.iter().map(|l| format!("{l}\n")).collect();
            if name.ends_with("[nonl]") {
                src = src.trim_end_matches('\n').to_string();
            }
            if name.ends_with("[crlf]") {
                src = src.replace('\n', "\r\n");
            }
            cases.push((name, src));
        }
        lines.clear();
    };
    for line in text.split('\n') {
        if let Some(n) = line.strip_prefix("#### ") {
            finish(name.take(), &mut lines, false);
            name = Some(n.to_string());
        } else {
            lines.push(line);
        }
    }
    finish(name, &mut lines, true);
    cases
}

/// The golden file's blocks by case name.
pub fn read_golden(path: &str) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
    let mut out = BTreeMap::new();
    let mut name: Option<String> = None;
    let mut body = String::new();
    for line in text.split_inclusive('\n') {
        if let Some(n) = line.strip_prefix("#### ") {
            if let Some(prev) = name.take() {
                out.insert(prev, std::mem::take(&mut body));
            }
            name = Some(n.trim_end_matches('\n').to_string());
        } else {
            body.push_str(line);
        }
    }
    if let Some(prev) = name {
        out.insert(prev, body);
    }
    out
}
