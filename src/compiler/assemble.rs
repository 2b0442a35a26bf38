//! The assembler: the optimised graph becomes a CodeObject (prefix
//! instructions and cell offsets, stack depth, jump offsets with the
//! EXTENDED_ARG sizing loop, code units with CACHE entries, positions and
//! the exception table), as CPython's `assemble.c` does it.

use super::consts::ConstPool;
use super::flowgraph::{BlockId, Cfg, Instr};
use super::ir::{Loc, Op};
use crate::bytecode::code::{flags, local_kind};
use crate::bytecode::{CodeObject, ExceptionEntry, Opcode, Position};
use crate::runtime::dict::FxHashSet;
use std::rc::Rc;

/// What the code generator knows about the code object it is building.
pub struct UnitMeta {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub filename: Rc<str>,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub varnames: Vec<Rc<str>>,
    pub cellvars: Vec<Rc<str>>,
    pub freevars: Vec<Rc<str>>,
    pub fast_hidden: FxHashSet<Rc<str>>,
    pub flags: u32,
}

fn instr_size(op: Op, arg: u32) -> u32 {
    let real = op.real().expect("only real instructions are assembled");
    let prefixes = if arg > 0xFF_FFFF {
        3
    } else if arg > 0xFFFF {
        2
    } else if arg > 0xFF {
        1
    } else {
        0
    };
    prefixes + 1 + real.cache_entries() as u32
}

/// For each cell/free index, its slot in locals-plus (cells that are also
/// locals share the local's slot).
fn cell_fixed_offsets(meta: &UnitMeta) -> Vec<u32> {
    let nlocals = meta.varnames.len() as u32;
    let mut fixed: Vec<u32> =
        (0..(meta.cellvars.len() + meta.freevars.len()) as u32).map(|i| nlocals + i).collect();
    for (i, cell) in meta.cellvars.iter().enumerate() {
        if let Some(pos) = meta.varnames.iter().position(|v| v == cell) {
            fixed[i] = pos as u32;
        }
    }
    fixed
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn insert_prefix_instructions(meta: &UnitMeta, cfg: &mut Cfg, fixed: &[u32]) {
    let entry = cfg.entry;
    let ncells = meta.cellvars.len();
    // Final order: COPY_FREE_VARS, MAKE_CELLs, RETURN_GENERATOR + POP_TOP, then the body.
    let mut prefix: Vec<Instr> = Vec::new();
    if !meta.freevars.is_empty() {
        prefix.push(make_instr(Opcode::COPY_FREE_VARS, meta.freevars.len() as u32, Loc::NONE));
    }
    if ncells > 0 {
        let nvars = ncells + meta.varnames.len();
        let mut sorted = vec![0usize; nvars];
        for i in 0..ncells {
            sorted[fixed[i] as usize] = i + 1;
        }
        for &s in &sorted {
            if s > 0 {
                prefix.push(make_instr(Opcode::MAKE_CELL, (s - 1) as u32, Loc::NONE));
            }
        }
    }
    if meta.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0 {
        let line = meta.firstlineno as i32;
        let loc = Loc { line, end_line: line, col: -1, end_col: -1 };
        prefix.push(make_instr(Opcode::RETURN_GENERATOR, 0, loc));
        prefix.push(make_instr(Opcode::POP_TOP, 0, Loc::NONE));
    }
    let block = &mut cfg.blocks[entry];
    block.instrs.splice(0..0, prefix);
}

fn make_instr(op: Opcode, arg: u32, loc: Loc) -> Instr {
    Instr { op: Op::Real(op), arg, target: None, loc, except: None }
}

/// Rewrites cell/free opargs to locals-plus slots; returns how many cells
/// were merged into argument slots.
#[cfg_attr(target_arch = "wasm32", track_caller)]
fn fix_cell_offsets(meta: &UnitMeta, cfg: &mut Cfg, fixed: &mut [u32]) -> usize {
    let nlocals = meta.varnames.len() as u32;
    let mut dropped = 0;
    for (i, f) in fixed.iter_mut().enumerate() {
        if *f == i as u32 + nlocals {
            *f -= dropped as u32;
        } else {
            dropped += 1;
        }
    }
    use Opcode::*;
    for b in cfg.order() {
        for instr in &mut cfg.blocks[b].instrs {
            if matches!(
                instr.op,
                Op::Real(MAKE_CELL | LOAD_CLOSURE | LOAD_DEREF | STORE_DEREF | DELETE_DEREF | LOAD_FROM_DICT_OR_DEREF)
            ) {
                instr.arg = fixed[instr.arg as usize];
            }
        }
    }
    dropped
}

fn localsplus(meta: &UnitMeta) -> (Vec<Rc<str>>, Vec<u8>) {
    let mut names: Vec<Rc<str>> = Vec::new();
    let mut kinds: Vec<u8> = Vec::new();
    for v in &meta.varnames {
        let mut kind = local_kind::LOCAL;
        if meta.fast_hidden.contains(v) {
            kind |= local_kind::HIDDEN;
        }
        if meta.cellvars.contains(v) {
            kind |= local_kind::CELL;
        }
        names.push(v.clone());
        kinds.push(kind);
    }
    for c in &meta.cellvars {
        if !meta.varnames.contains(c) {
            names.push(c.clone());
            kinds.push(local_kind::CELL);
        }
    }
    for f in &meta.freevars {
        names.push(f.clone());
        kinds.push(local_kind::FREE);
    }
    (names, kinds)
}

/// Computes jump opargs from block offsets until no EXTENDED_ARG changes a size.
#[cfg_attr(target_arch = "wasm32", track_caller)]
fn resolve_jump_offsets(cfg: &mut Cfg) {
    let order = cfg.order();
    loop {
        let mut total = 0;
        for &b in &order {
            cfg.blocks[b].offset = total;
            total += cfg.blocks[b].instrs.iter().map(|i| instr_size(i.op, i.arg)).sum::<u32>();
        }
        let mut changed = false;
        for &b in &order {
            let mut pos = cfg.blocks[b].offset;
            for i in 0..cfg.blocks[b].instrs.len() {
                let instr = &cfg.blocks[b].instrs[i];
                let size = instr_size(instr.op, instr.arg);
                pos += size;
                if instr.op.is_jump() {
                    let target = cfg.blocks[instr.target.unwrap()].offset;
                    let arg = target.abs_diff(pos);
                    let instr = &mut cfg.blocks[b].instrs[i];
                    instr.arg = arg;
                    if instr_size(instr.op, arg) != size {
                        changed = true;
                    }
                }
            }
        }
        if !changed {
            break;
        }
    }
}

fn position(loc: Loc) -> Position {
    if loc.line < 0 {
        return Position::default();
    }
    let opt = |v: i32| if v < 0 { None } else { Some(v as u32) };
    Position { line: opt(loc.line), end_line: opt(loc.end_line), col: opt(loc.col), end_col: opt(loc.end_col) }
}

/// Assembles the optimised graph of one code unit into a code object.
#[cfg_attr(target_arch = "wasm32", track_caller)]
pub fn assemble(mut cfg: Cfg, consts: ConstPool, names: Vec<Rc<str>>, meta: UnitMeta) -> CodeObject {
    let mut fixed = cell_fixed_offsets(&meta);
    insert_prefix_instructions(&meta, &mut cfg, &fixed);
    fix_cell_offsets(&meta, &mut cfg, &mut fixed);
    let is_generator = meta.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0;
    let stacksize = cfg.stack_depth(is_generator);
    cfg.convert_pseudo_ops();
    cfg.normalize_jumps();
    resolve_jump_offsets(&mut cfg);

    let mut code: Vec<u8> = Vec::new();
    let mut positions: Vec<Position> = Vec::new();
    // (start unit, end unit, handler block) runs for the exception table.
    let mut handlers: Vec<(u32, Option<BlockId>)> = Vec::new();
    for b in cfg.order() {
        for instr in &cfg.blocks[b].instrs {
            let op = instr.op.real().expect("pseudo-ops are gone");
            let arg = if op.has_arg() { instr.arg } else { 0 };
            let unit_start = (code.len() / 2) as u32;
            let mut shift = 24;
            while shift > 0 {
                if arg >> shift != 0 {
                    code.push(Opcode::EXTENDED_ARG as u8);
                    code.push(((arg >> shift) & 0xFF) as u8);
                }
                shift -= 8;
            }
            code.push(op as u8);
            code.push((arg & 0xFF) as u8);
            for _ in 0..op.cache_entries() {
                code.push(0);
                code.push(0);
            }
            let units = (code.len() / 2) as u32 - unit_start;
            let pos = position(instr.loc);
            for _ in 0..units {
                positions.push(pos);
                handlers.push((unit_start, instr.except));
            }
        }
    }
    let exception_table = exception_table(&cfg, &handlers);

    let (localsplusnames, localspluskinds) = localsplus(&meta);
    let code_flags = meta.flags;
    CodeObject {
        argcount: meta.argcount,
        posonlyargcount: meta.posonlyargcount,
        kwonlyargcount: meta.kwonlyargcount,
        flags: code_flags,
        stacksize,
        code,
        consts: consts.into_vec(),
        names,
        localsplusnames,
        localspluskinds,
        filename: meta.filename,
        name: meta.name,
        qualname: meta.qualname,
        firstlineno: meta.firstlineno,
        positions,
        exception_table,
    }
}

/// One entry per maximal run of code units with the same handler.
fn exception_table(cfg: &Cfg, units: &[(u32, Option<BlockId>)]) -> Vec<ExceptionEntry> {
    let mut out = Vec::new();
    let mut run_start = 0usize;
    let mut current: Option<BlockId> = None;
    let flush = |out: &mut Vec<ExceptionEntry>, start: usize, end: usize, h: Option<BlockId>| {
        if let Some(h) = h {
            let handler = &cfg.blocks[h];
            let mut depth = handler.startdepth - 1;
            if handler.preserve_lasti {
                depth -= 1;
            }
            out.push(ExceptionEntry {
                start: 2 * start as u32,
                end: 2 * end as u32,
                target: 2 * handler.offset,
                depth: depth.max(0) as u32,
                push_lasti: handler.preserve_lasti,
            });
        }
    };
    for (unit, &(_, h)) in units.iter().enumerate() {
        if h != current {
            flush(&mut out, run_start, unit, current);
            run_start = unit;
            current = h;
        }
    }
    flush(&mut out, run_start, units.len(), current);
    out
}
