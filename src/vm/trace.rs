//! `pvm trace`: one JSON line per executed instruction, following CPython
//! 3.12's instruction-tracing rules (no event for RESUME or before a frame's
//! first RESUME, EXTENDED_ARG its own event, no events for unwinding).

use super::Vm;
use crate::bytecode::Opcode;

/// The oracle's `--trace-cap`: at most this many events, then a truncation line.
pub const TRACE_CAP: usize = 200_000;

#[derive(Default, Clone)]
pub struct TraceLog {
    pub lines: Vec<String>,
    pub truncated: bool,
}

impl TraceLog {
    /// The JSON Lines text.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for l in &self.lines {
            out.push_str(l);
            out.push('\n');
        }
        if self.truncated {
            out.push_str("{\"truncated\": true}\n");
        }
        out
    }
}

/// A JSON string literal as Python's `json.dumps` writes it (ASCII only).
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || (c as u32) > 0x7e && (c as u32) != 0x7f => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{:04x}", unit));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Vm {
    /// Reserves the trace line of the instruction about to run (events come
    /// before the instruction, even if it runs Python code in a nested loop).
    pub(super) fn trace_before(&mut self) -> Option<usize> {
        let log = self.trace.as_mut()?;
        let f = self.frames.last()?;
        let byte = *f.code.code.get(f.ip)?;
        // Like the oracle, trace only the program's own code, not the stdlib's.
        if !f.resumed || byte == Opcode::RESUME as u8 || crate::stdlib::is_stdlib_filename(&f.code.filename) {
            return None;
        }
        if log.lines.len() >= TRACE_CAP {
            log.truncated = true;
            return None;
        }
        let opname = Opcode::from_byte(byte).map_or("<unknown>", |o| o.name());
        let line = f.code.line_at(f.ip).map_or("null".to_string(), |l| l.to_string());
        let head = format!(
            "{{\"code\": {}, \"offset\": {}, \"opname\": \"{}\", \"line\": {}",
            json_string(&f.code.qualname),
            f.ip,
            opname,
            line
        );
        log.lines.push(head);
        Some(log.lines.len() - 1)
    }

    /// Completes the line with the frame's stack after the instruction.
    pub(super) fn trace_after(&mut self, slot: usize, depth: usize) {
        let stack = match self.frames.get(depth) {
            Some(f) => f.stack.clone(),
            None => Vec::new(),
        };
        let reprs: Vec<String> = stack.into_iter().map(|v| json_string(&self.safe_repr(v))).collect();
        if let Some(log) = self.trace.as_mut() {
            let line = &mut log.lines[slot];
            line.push_str(", \"stack\": [");
            line.push_str(&reprs.join(", "));
            line.push_str("]}");
        }
    }
}

