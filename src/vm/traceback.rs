//! Tracebacks worded and laid out exactly as CPython 3.12's traceback.py
//! prints them (carets under the failing instruction's source range,
//! "[Previous line repeated N more times]", chained exceptions).

use std::fmt::Write as _;
use super::anchors::byte_to_char_offset;
use super::{Exc, Vm};
use crate::runtime::object::Object;
use crate::runtime::value::{ObjId, Value};

/// traceback.py's `_RECURSIVE_CUTOFF`.
const RECURSIVE_CUTOFF: usize = 3;

struct FrameSummary {
    filename: String,
    lineno: Option<u32>,
    end_lineno: Option<u32>,
    colno: Option<u32>,
    end_colno: Option<u32>,
    name: String,
}

/// Where `~` and `^` meet under a binary operation or subscript:
/// `(left_end, right_start)` as character offsets into the segment.
pub type Anchors = (usize, usize);

impl Vm {
    /// The text `sys.excepthook` prints for an uncaught exception.
    pub fn format_exception(&mut self, exc: Exc) -> String {
        let mut out = String::new();
        let mut seen = Vec::new();
        self.format_chained(exc.0, &mut out, &mut seen);
        out
    }

    fn format_chained(&mut self, e: ObjId, out: &mut String, seen: &mut Vec<ObjId>) {
        seen.push(e);
        let Some(data) = self.exc_data(e).cloned() else { return };
        if let Value::Obj(cause) = data.cause {
            if !seen.contains(&cause) && self.exc_data(cause).is_some() {
                self.format_chained(cause, out, seen);
                out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
            }
        } else if let Value::Obj(context) = data.context {
            if !data.suppress_context && !seen.contains(&context) && self.exc_data(context).is_some() {
                self.format_chained(context, out, seen);
                out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
            }
        }
        if !data.traceback.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            let frames: Vec<FrameSummary> = data
                .traceback
                .iter()
                .map(|&(c, off)| self.frame_summary(c, off))
                .filter(|f| !crate::stdlib::is_native_in_cpython(&f.filename))
                .collect();
            self.format_stack(&frames, out);
        }
        out.push_str(&self.exception_line(e));
    }

    fn frame_summary(&self, code_index: usize, offset: u32) -> FrameSummary {
        let code = &self.codes[code_index].code;
        let pos = code.positions.get(offset as usize / 2).copied().unwrap_or_default();
        FrameSummary {
            filename: code.filename.to_string(),
            lineno: pos.line,
            end_lineno: pos.end_line,
            colno: pos.col,
            end_colno: pos.end_col,
            name: code.name.to_string(),
        }
    }

    fn format_stack(&self, frames: &[FrameSummary], out: &mut String) {
        let mut last: Option<(&str, Option<u32>, &str)> = None;
        let mut count = 0;
        for f in frames {
            let key = (f.filename.as_str(), f.lineno, f.name.as_str());
            if last != Some(key) {
                if count > RECURSIVE_CUTOFF {
                    repeated(out, count - RECURSIVE_CUTOFF);
                }
                last = Some(key);
                count = 0;
            }
            count += 1;
            if count > RECURSIVE_CUTOFF {
                continue;
            }
            self.format_frame(f, out);
        }
        if count > RECURSIVE_CUTOFF {
            repeated(out, count - RECURSIVE_CUTOFF);
        }
    }

    fn format_frame(&self, f: &FrameSummary, out: &mut String) {
        let lineno = f.lineno.map_or("None".to_string(), |l| l.to_string());
        let _ = writeln!(out, "  File \"{}\", line {}, in {}", f.filename, lineno, f.name);
        // A frozen stdlib module's source is not shown, as CPython shows none for frozen modules.
        if crate::stdlib::is_stdlib_filename(&f.filename) {
            return;
        }
        let Some(raw) = f.lineno.and_then(|l| self.source_line(l)) else { return };
        let raw = format!("{raw}\n");
        let stripped = raw.trim();
        if stripped.is_empty() {
            return;
        }
        let _ = writeln!(out, "    {stripped}");
        let (Some(col), Some(end_col)) = (f.colno, f.end_colno) else { return };
        let stripped_chars = raw.chars().count() - raw.trim().trim_start().chars().count();
        let start = byte_to_char_offset(&raw, col as usize);
        let mut end = byte_to_char_offset(&raw, end_col as usize);
        let chars: Vec<char> = raw.chars().collect();
        let segment: String = chars[start.min(chars.len())..end.min(chars.len()).max(start.min(chars.len()))].iter().collect();
        let mut anchors = None;
        if f.lineno == f.end_lineno {
            anchors = caret_anchors(&segment);
        } else {
            end = raw.trim_end().chars().count();
        }
        let stripped_len = stripped.chars().count();
        let anchored = matches!(anchors, Some((l, r)) if r > l);
        if end.saturating_sub(start) < stripped_len || anchored {
            let dp_start = display_width(&raw, start) + 1;
            let dp_end = display_width(&raw, end) + 1;
            out.push_str("    ");
            out.push_str(&" ".repeat(dp_start.saturating_sub(stripped_chars)));
            match anchors {
                Some((l, r)) => {
                    let dl = display_width(&segment, l);
                    let dr = display_width(&segment, r);
                    out.push_str(&"~".repeat(dl));
                    out.push_str(&"^".repeat(dr.saturating_sub(dl)));
                    out.push_str(&"~".repeat((dp_end - dp_start).saturating_sub(dr)));
                }
                None => out.push_str(&"^".repeat(dp_end.saturating_sub(dp_start))),
            }
            out.push('\n');
        }
    }

    /// `TypeError: message` (or just the type name when str() is empty).
    fn exception_line(&mut self, e: ObjId) -> String {
        let class = self.type_of(Value::Obj(e));
        let stype = match self.heap.get(class) {
            Object::Class(c) => match &c.module {
                Some(m) => format!("{m}.{}", c.qualname),
                None => c.qualname.to_string(),
            },
            _ => "?".into(),
        };
        let mut text = match self.str_of(Value::Obj(e)) {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".into(),
        };
        text.push_str(&self.suggestion_text(e, class));
        if text.is_empty() {
            format!("{stype}\n")
        } else {
            format!("{stype}: {text}\n")
        }
    }
}

impl Vm {
    /// ". Did you mean: 'x'?" (and the forgotten-import hint) for a
    /// NameError or AttributeError the VM raised.
    fn suggestion_text(&mut self, e: ObjId, class: ObjId) -> String {
        let Some(data) = self.exc_data(e).cloned() else { return String::new() };
        let Some(name) = data.name.clone() else { return String::new() };
        // CPython offers suggestions for these exact types only.
        let is_name_error = class == self.type_obj(super::types::TypeId::NameError);
        let is_attr_error = class == self.type_obj(super::types::TypeId::AttributeError);
        let suggestion = if is_name_error {
            data.suggestion.clone()
        } else if is_attr_error {
            let candidates = self.dir_of(data.obj);
            super::suggest::closest(&name, &candidates)
        } else {
            None
        };
        let mut out = String::new();
        if let Some(s) = &suggestion {
            let _ = write!(out, ". Did you mean: '{s}'?");
        }
        if is_name_error && super::suggest::is_stdlib_module(&name) {
            if suggestion.is_some() {
                let _ = write!(out, " Or did you forget to import '{name}'?");
            } else {
                let _ = write!(out, ". Did you forget to import '{name}'?");
            }
        }
        out
    }
}

fn repeated(out: &mut String, n: usize) {
    let _ = writeln!(out, "  [Previous line repeated {} more time{}]", n, if n > 1 { "s" } else { "" });
}

/// traceback.py's `_display_width`: East Asian wide characters take two columns.
fn display_width(s: &str, offset: usize) -> usize {
    if s.is_ascii() {
        return offset;
    }
    s.chars().take(offset).map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

fn is_wide(c: char) -> bool {
    let n = c as u32;
    matches!(n,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x1F300..=0x1F64F | 0x1F900..=0x1F9FF | 0x20000..=0x2FFFD | 0x30000..=0x3FFFD)
}

/// traceback.py's `_extract_caret_anchors_from_line_segment`: the segment is
/// parsed as Python; a binary operation anchors on its operator, a
/// subscript on its brackets.
fn caret_anchors(segment: &str) -> Option<Anchors> {
    super::anchors::extract(segment)
}
