//! The disassembler: `python -m dis` text and per-instruction records.
//!
//! One implementation serves the CLI, the trace, the page and the tests. It
//! follows CPython 3.12's `Lib/dis.py`: `instructions` is `get_instructions`
//! and `dis` is `_disassemble_recursive` over a module's code object.

use super::code::{CodeObject, Constant, Position};
use super::opcode::{
    ArgKind, Opcode, BINARY_OPS, CMP_OPS, FORMAT_CONVERSIONS, INTRINSIC_1, INTRINSIC_2,
    MAKE_FUNCTION_FLAGS,
};
use crate::runtime::repr::{bytes_repr, complex_repr, float_repr, str_repr};
use std::fmt::Write;

/// One decoded instruction (`dis.Instruction`).
#[derive(Clone, Debug, PartialEq)]
pub struct Instruction {
    /// Byte offset of the instruction itself (after any EXTENDED_ARG prefixes).
    pub offset: usize,
    pub opcode: Opcode,
    /// The full argument (EXTENDED_ARG prefixes folded in); `None` without one.
    pub arg: Option<u32>,
    /// `repr(argval)` as `dis` resolves it (a name, a constant's repr, a target offset).
    pub argval: String,
    /// The text `dis` prints in parentheses after the argument.
    pub argrepr: String,
    /// The instruction's source line (`None` for artificial instructions).
    pub line: Option<u32>,
    /// Set when this instruction starts a new source line (the line column of `dis`).
    pub starts_line: Option<u32>,
    pub is_jump_target: bool,
    /// The instruction's own code unit: opcode byte and oparg byte.
    pub raw: [u8; 2],
    /// Byte offset of the first EXTENDED_ARG prefix (== `offset` without prefixes).
    pub prefix_offset: usize,
    /// Number of CACHE code units that follow the instruction.
    pub cache_units: usize,
    /// Its source span (`dis.Instruction.positions`).
    pub positions: Position,
}

impl Instruction {
    /// Byte offset of the instruction after this one (caches skipped).
    pub fn next_offset(&self) -> usize {
        self.offset + 2 + 2 * self.cache_units
    }

    /// The jump target of a jump instruction (a byte offset).
    pub fn jump_target(&self) -> Option<usize> {
        self.opcode.jump_target(self.offset, self.arg?)
    }
}

/// Decodes `co_code` into (offset, opcode, arg) triples like `dis._unpack_opargs`,
/// EXTENDED_ARG included as its own entry; unknown bytes are reported as CACHE.
fn unpack_opargs(code: &[u8]) -> Vec<(usize, Opcode, Option<u32>, usize)> {
    let mut out = Vec::new();
    let mut extended: u32 = 0;
    let mut prefix_start = None;
    let mut i = 0;
    while i + 1 < code.len() {
        let op = Opcode::from_byte(code[i]).unwrap_or(Opcode::CACHE);
        let arg = if op.has_arg() {
            let arg = code[i + 1] as u32 | extended;
            extended = if op == Opcode::EXTENDED_ARG { arg << 8 } else { 0 };
            Some(arg)
        } else {
            extended = 0;
            None
        };
        let prefix = *prefix_start.get_or_insert(i);
        out.push((i, op, arg, prefix));
        if op != Opcode::EXTENDED_ARG {
            prefix_start = None;
        }
        i += 2 + 2 * op.cache_entries();
    }
    out
}

/// `dis.findlinestarts`: for each code unit (offset / 2), the line that
/// starts there, if a new source line begins at it.
pub fn line_starts(code: &CodeObject) -> Vec<Option<u32>> {
    let mut last = None;
    code.positions
        .iter()
        .map(|pos| match pos.line {
            Some(line) if last != Some(line) => {
                last = Some(line);
                Some(line)
            }
            _ => None,
        })
        .collect()
}

/// `repr()` of a constant, as `dis` shows it.
pub fn constant_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
        Constant::Int(i) => i.to_string(),
        Constant::Float(f) => float_repr(*f),
        Constant::Complex { real, imag } => complex_repr(*real, *imag),
        Constant::Str(s) => str_repr(s),
        Constant::Bytes(b) => bytes_repr(b),
        Constant::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(constant_repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Constant::FrozenSet(items) => {
            if items.is_empty() {
                "frozenset()".into()
            } else {
                let parts: Vec<String> = items.iter().map(constant_repr).collect();
                format!("frozenset({{{}}})", parts.join(", "))
            }
        }
        Constant::Code(code) => code_repr(code),
    }
}

/// `repr()` of a code object: `<code object f at 0x..., file "x.py", line 1>`.
pub fn code_repr(code: &CodeObject) -> String {
    format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        code.name, code as *const CodeObject as usize, code.filename, code.firstlineno
    )
}

fn name_at(names: &[std::rc::Rc<str>], index: usize) -> String {
    names.get(index).map(|n| n.to_string()).unwrap_or_else(|| format!("<{index}>"))
}

/// argval repr and argrepr of one instruction (the rules of `_get_instructions_bytes`).
fn describe_arg(code: &CodeObject, op: Opcode, offset: usize, arg: u32) -> (String, String) {
    let index = arg as usize;
    let same = |s: String| (s.clone(), s);
    match op.arg_kind() {
        ArgKind::None | ArgKind::Raw => (arg.to_string(), String::new()),
        ArgKind::Const => match code.consts.get(index) {
            Some(c) => same(constant_repr(c)),
            None => (arg.to_string(), String::new()),
        },
        ArgKind::Name => {
            let name = name_at(&code.names, index);
            (str_repr(&name), name)
        }
        ArgKind::GlobalName | ArgKind::AttrName | ArgKind::SuperAttrName => {
            let (shift, prefix) = match op.arg_kind() {
                ArgKind::GlobalName => (1, "NULL + "),
                ArgKind::AttrName => (1, "NULL|self + "),
                _ => (2, "NULL|self + "),
            };
            let name = name_at(&code.names, index >> shift);
            let argrepr = if arg & 1 == 1 { format!("{prefix}{name}") } else { name.clone() };
            (str_repr(&name), argrepr)
        }
        ArgKind::Local | ArgKind::Free => {
            let name = name_at(&code.localsplusnames, index);
            (str_repr(&name), name)
        }
        ArgKind::JumpForward | ArgKind::JumpBackward => {
            let target = op.jump_target(offset, arg).unwrap_or(0);
            (target.to_string(), format!("to {target}"))
        }
        ArgKind::Compare => {
            let name = CMP_OPS.get(index >> 4).copied().unwrap_or("?").to_string();
            (str_repr(&name), name)
        }
        ArgKind::BinaryOp => {
            (arg.to_string(), BINARY_OPS.get(index).copied().unwrap_or("?").to_string())
        }
        ArgKind::FormatValue => {
            let conversion = FORMAT_CONVERSIONS[index & 3];
            let with_format = arg & 4 != 0;
            let mut argrepr = conversion.to_string();
            if with_format {
                if !argrepr.is_empty() {
                    argrepr.push_str(", ");
                }
                argrepr.push_str("with format");
            }
            let conv = if conversion.is_empty() { "None".to_string() } else { str_repr(conversion) };
            let flag = if with_format { "True" } else { "False" };
            (format!("({conv}, {flag})"), argrepr)
        }
        ArgKind::MakeFunction => {
            let names: Vec<&str> = MAKE_FUNCTION_FLAGS
                .iter()
                .enumerate()
                .filter(|(i, _)| arg & (1 << i) != 0)
                .map(|(_, s)| *s)
                .collect();
            (arg.to_string(), names.join(", "))
        }
        ArgKind::Intrinsic1 => {
            (arg.to_string(), INTRINSIC_1.get(index).copied().unwrap_or("?").to_string())
        }
        ArgKind::Intrinsic2 => {
            (arg.to_string(), INTRINSIC_2.get(index).copied().unwrap_or("?").to_string())
        }
    }
}

/// `dis.get_instructions(code)`: every instruction, EXTENDED_ARG included, caches skipped.
#[cfg_attr(target_arch = "wasm32", track_caller)]
pub fn instructions(code: &CodeObject) -> Vec<Instruction> {
    let unpacked = unpack_opargs(&code.code);
    // Which offsets are jump targets (a flag per code byte; a BTreeSet would bring its
    // own sort and tree code into the wasm for one lookup per instruction).
    let mut labels = vec![false; code.code.len()];
    let jumps = unpacked.iter().filter_map(|&(offset, op, arg, _)| op.jump_target(offset, arg?));
    for target in jumps.chain(code.exception_table.iter().map(|e| e.target as usize)) {
        if let Some(flag) = labels.get_mut(target) {
            *flag = true;
        }
    }
    let starts = line_starts(code);
    unpacked
        .into_iter()
        .map(|(offset, opcode, arg, prefix_offset)| {
            let (argval, argrepr) = match arg {
                Some(a) => describe_arg(code, opcode, offset, a),
                None => ("None".to_string(), String::new()),
            };
            Instruction {
                offset,
                opcode,
                arg,
                argval,
                argrepr,
                line: code.line_at(offset),
                starts_line: starts.get(offset / 2).copied().flatten(),
                is_jump_target: labels[offset],
                raw: [code.code[offset], code.code[offset + 1]],
                prefix_offset,
                cache_units: opcode.cache_entries(),
                positions: code.positions.get(offset / 2).copied().unwrap_or_default(),
            }
        })
        .collect()
}

/// `dis.disassemble(code)`: one code object's listing, exception table included.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    let starts = line_starts(code);
    let lineno_width = match starts.iter().flatten().max() {
        None => 0,
        Some(&max) if max >= 1000 => max.to_string().len(),
        Some(_) => 3,
    };
    let max_offset = code.code.len().saturating_sub(2);
    let offset_width = if max_offset >= 10000 { max_offset.to_string().len() } else { 4 };
    for instr in instructions(code) {
        if lineno_width > 0 && instr.starts_line.is_some() && instr.offset > 0 {
            out.push('\n');
        }
        let mut fields: Vec<String> = Vec::with_capacity(6);
        if lineno_width > 0 {
            fields.push(match instr.starts_line {
                Some(line) => format!("{line:>lineno_width$}"),
                None => " ".repeat(lineno_width),
            });
        }
        fields.push("   ".into());
        fields.push(if instr.is_jump_target { ">>" } else { "  " }.into());
        fields.push(format!("{:>offset_width$}", instr.offset));
        fields.push(format!("{:<20}", instr.opcode.name()));
        if let Some(arg) = instr.arg {
            fields.push(format!("{arg:>5}"));
            if !instr.argrepr.is_empty() {
                fields.push(format!("({})", instr.argrepr));
            }
        }
        out.push_str(fields.join(" ").trim_end());
        out.push('\n');
    }
    if !code.exception_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &code.exception_table {
            let lasti = if e.push_lasti { " lasti" } else { "" };
            let _ = writeln!(out, "  {} to {} -> {} [{}]{}", e.start, e.end - 2, e.target, e.depth, lasti);
        }
    }
    out
}

/// `python -m dis` text: the code object's listing, then every nested code
/// object's, depth first in `co_consts` order.
pub fn dis(code: &CodeObject) -> String {
    let mut out = disassemble(code);
    for c in &code.consts {
        if let Constant::Code(inner) = c {
            let _ = write!(out, "\nDisassembly of {}:\n", code_repr(inner));
            out.push_str(&dis(inner));
        }
    }
    out
}
