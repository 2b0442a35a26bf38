//! The control-flow graph and CPython 3.12's optimisation passes over it
//! (`Python/flowgraph.c`): jump threading, constant-tuple folding,
//! dead-code removal, small-exit inlining, LOAD_FAST_CHECK analysis, cold
//! block placement, line-number propagation and stack depth.

use super::consts::{ConstPool, Truthy};
use super::ir::{Label, Loc, Op, SeqItem};
use crate::bytecode::{Constant, Opcode};

pub type BlockId = usize;

#[derive(Clone, Copy, Debug)]
pub struct Instr {
    pub op: Op,
    pub arg: u32,
    pub target: Option<BlockId>,
    pub loc: Loc,
    /// The innermost exception handler covering this instruction.
    pub except: Option<BlockId>,
}

impl Instr {
    fn new(op: Op, arg: u32, loc: Loc) -> Instr {
        Instr { op, arg, target: None, loc, except: None }
    }

    fn set_nop(&mut self) {
        self.op = Op::Real(Opcode::NOP);
        self.arg = 0;
        self.target = None;
    }
}

#[derive(Clone, Debug, Default)]
pub struct Block {
    pub instrs: Vec<Instr>,
    pub next: Option<BlockId>,
    /// Started by a label in codegen (a possible jump target).
    pub labelled: bool,
    pub except_handler: bool,
    pub preserve_lasti: bool,
    pub cold: bool,
    pub warm: bool,
    pub visited: bool,
    pub predecessors: u32,
    pub startdepth: i32,
    pub offset: u32,
    unsafe_locals: u64,
    except_stack: Option<Vec<BlockId>>,
}

impl Block {
    pub fn last(&self) -> Option<&Instr> {
        self.instrs.last()
    }

    fn no_fallthrough(&self) -> bool {
        self.last().is_some_and(|i| i.op.is_scope_exit() || i.op.is_unconditional_jump())
    }

    pub fn has_fallthrough(&self) -> bool {
        !self.no_fallthrough()
    }

    fn exits_scope(&self) -> bool {
        self.last().is_some_and(|i| i.op.is_scope_exit())
    }

    /// The blocks this block's instructions of one kind (`is_kind`) lead to.
    /// One function for the passes' four walks (a closure each would be a
    /// `collect` instance each).
    fn targets(&self, is_kind: fn(Op) -> bool) -> Vec<BlockId> {
        self.instrs.iter().filter(|i| is_kind(i.op)).filter_map(|i| i.target).collect()
    }
}

pub struct Cfg {
    pub blocks: Vec<Block>,
    pub entry: BlockId,
}

const MAX_COPY_SIZE: usize = 4;

impl Cfg {
    /// Builds the graph from codegen's sequence the way `cfg_builder` does:
    /// a new block after every terminator and at every label.
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    pub fn from_sequence(seq: &[SeqItem]) -> Cfg {
        let mut cfg = Cfg { blocks: vec![Block::default()], entry: 0 };
        let mut current = 0;
        let mut pending_label: Option<Label> = None;
        // The block each label starts, by label number (labels are numbered densely).
        let mut label_block: Vec<Option<BlockId>> = Vec::new();
        let mut jumps: Vec<(BlockId, usize, Label)> = Vec::new();
        for item in seq {
            match item {
                SeqItem::Label(l) => {
                    pending_label = Some(*l);
                    current = cfg.maybe_start_block(current, &mut pending_label, &mut label_block);
                }
                SeqItem::Instr { op, arg, target, loc } => {
                    current = cfg.maybe_start_block(current, &mut pending_label, &mut label_block);
                    let b = &mut cfg.blocks[current];
                    if let Some(t) = target {
                        jumps.push((current, b.instrs.len(), *t));
                    }
                    b.instrs.push(Instr::new(*op, *arg, *loc));
                }
            }
        }
        if pending_label.is_some() {
            // A label at the very end: give it an (empty) block of its own.
            cfg.maybe_start_block(current, &mut pending_label, &mut label_block);
        }
        for (b, i, l) in jumps {
            cfg.blocks[b].instrs[i].target = label_block.get(l.0).copied().flatten();
        }
        cfg
    }

    /// Starts a new block if the current one is terminated, or if a label is
    /// pending and the current block already has instructions or a label (a
    /// block carries at most one label: `labelled`).
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn maybe_start_block(
        &mut self,
        current: BlockId,
        pending: &mut Option<Label>,
        label_block: &mut Vec<Option<BlockId>>,
    ) -> BlockId {
        let b = &self.blocks[current];
        let terminated = b.last().is_some_and(|i| i.op.is_terminator());
        let needs_new = terminated || (pending.is_some() && (b.last().is_some() || b.labelled));
        let block = if needs_new {
            let new = self.new_block();
            self.blocks[current].next = Some(new);
            new
        } else {
            current
        };
        if let Some(l) = pending.take() {
            if label_block.len() <= l.0 {
                label_block.resize(l.0 + 1, None);
            }
            label_block[l.0] = Some(block);
            self.blocks[block].labelled = true;
        }
        block
    }

    fn new_block(&mut self) -> BlockId {
        self.blocks.push(Block::default());
        self.blocks.len() - 1
    }

    /// Blocks in layout order.
    pub fn order(&self) -> Vec<BlockId> {
        let mut out = Vec::new();
        let mut b = Some(self.entry);
        while let Some(id) = b {
            out.push(id);
            b = self.blocks[id].next;
        }
        out
    }

    fn clear_visited(&mut self) {
        for b in &mut self.blocks {
            b.visited = false;
        }
    }

    // ----- preprocessing -----

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    pub fn mark_except_handlers(&mut self) {
        for id in self.order() {
            for t in self.blocks[id].targets(Op::is_block_push) {
                self.blocks[t].except_handler = true;
            }
        }
    }

    /// Assigns every instruction its innermost handler by walking the graph
    /// with a stack of handlers (`label_exception_targets`).
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    pub fn label_exception_targets(&mut self) {
        self.clear_visited();
        let mut todo = vec![self.entry];
        self.blocks[self.entry].visited = true;
        self.blocks[self.entry].except_stack = Some(Vec::new());
        while let Some(b) = todo.pop() {
            let mut stack = self.blocks[b].except_stack.take().unwrap_or_default();
            let mut handler = stack.last().copied();
            let n = self.blocks[b].instrs.len();
            for i in 0..n {
                let instr = self.blocks[b].instrs[i];
                if instr.op.is_block_push() {
                    let t = instr.target.expect("block push has a target");
                    if !self.blocks[t].visited {
                        self.blocks[t].except_stack = Some(stack.clone());
                        self.blocks[t].visited = true;
                        todo.push(t);
                    }
                    if matches!(instr.op, Op::SetupWith | Op::SetupCleanup) {
                        self.blocks[t].preserve_lasti = true;
                    }
                    stack.push(t);
                    handler = Some(t);
                } else if instr.op == Op::PopBlock {
                    stack.pop();
                    handler = stack.last().copied();
                } else if instr.op.is_jump() {
                    self.blocks[b].instrs[i].except = handler;
                    let t = instr.target.expect("jump has a target");
                    if !self.blocks[t].visited {
                        self.blocks[t].except_stack = Some(stack.clone());
                        self.blocks[t].visited = true;
                        todo.push(t);
                    }
                } else {
                    if instr.op.is(Opcode::YIELD_VALUE) {
                        self.blocks[b].instrs[i].arg = stack.len() as u32;
                    }
                    self.blocks[b].instrs[i].except = handler;
                }
            }
            if self.blocks[b].has_fallthrough() {
                if let Some(next) = self.blocks[b].next {
                    if !self.blocks[next].visited {
                        self.blocks[next].except_stack = Some(stack);
                        self.blocks[next].visited = true;
                        todo.push(next);
                    }
                }
            }
        }
    }

    // ----- optimisation -----

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    pub fn optimize(&mut self, consts: &mut ConstPool) {
        self.eliminate_empty_blocks();
        for id in self.order() {
            self.inline_small_exit_block(id);
        }
        for id in self.order() {
            self.optimize_block(id, consts);
        }
        self.remove_redundant_nops_and_pairs();
        for id in self.order() {
            self.inline_small_exit_block(id);
        }
        self.mark_reachable();
        for id in self.order() {
            if self.blocks[id].predecessors == 0 {
                self.blocks[id].instrs.clear();
            }
        }
        for id in self.order() {
            self.remove_redundant_nops(id);
        }
        self.eliminate_empty_blocks();
        self.remove_redundant_jumps();
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn eliminate_empty_blocks(&mut self) {
        let order = self.order();
        for &b in &order {
            let mut next = self.blocks[b].next;
            while let Some(n) = next {
                if !self.blocks[n].instrs.is_empty() {
                    break;
                }
                next = self.blocks[n].next;
            }
            self.blocks[b].next = next;
        }
        while self.blocks[self.entry].instrs.is_empty() {
            match self.blocks[self.entry].next {
                Some(n) => self.entry = n,
                None => break,
            }
        }
        for b in self.order() {
            for i in 0..self.blocks[b].instrs.len() {
                if let Some(mut t) = self.blocks[b].instrs[i].target {
                    while self.blocks[t].instrs.is_empty() {
                        match self.blocks[t].next {
                            Some(n) => t = n,
                            None => break,
                        }
                    }
                    self.blocks[b].instrs[i].target = Some(t);
                }
            }
        }
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn inline_small_exit_block(&mut self, b: BlockId) {
        let Some(last) = self.blocks[b].last() else { return };
        if !last.op.is_unconditional_jump() {
            return;
        }
        let target = last.target.expect("jump has a target");
        if self.blocks[target].exits_scope() && self.blocks[target].instrs.len() <= MAX_COPY_SIZE {
            let copied = self.blocks[target].instrs.clone();
            let block = &mut self.blocks[b];
            block.instrs.last_mut().unwrap().set_nop();
            block.instrs.extend(copied);
        }
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn jump_thread(&mut self, b: BlockId, i: usize, target_instr: &Instr, op: Op) -> bool {
        let inst = &mut self.blocks[b].instrs[i];
        if (inst.loc.line == target_instr.loc.line || target_instr.loc.line == -1)
            && inst.target != target_instr.target
        {
            inst.target = target_instr.target;
            inst.op = op;
            return true;
        }
        false
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn optimize_block(&mut self, b: BlockId, consts: &mut ConstPool) {
        use Opcode::*;
        let nop = Instr::new(Op::Real(NOP), 0, Loc::NONE);
        let mut target = nop;
        let mut opcode = Op::Real(NOP);
        let mut oparg = 0u32;
        let mut i = 0usize;
        while i < self.blocks[b].instrs.len() {
            let inst = self.blocks[b].instrs[i];
            let is_copy_of_load_const =
                opcode.is(LOAD_CONST) && inst.op.is(COPY) && inst.arg == 1;
            if !is_copy_of_load_const {
                opcode = inst.op;
                oparg = inst.arg;
                target = match inst.target {
                    Some(t) if inst.op.has_target() => self.blocks[t].instrs[0],
                    _ => nop,
                };
            }
            let len = self.blocks[b].instrs.len();
            let nextop = if i + 1 < len { Some(self.blocks[b].instrs[i + 1].op) } else { None };
            match opcode {
                Op::Real(LOAD_CONST) => match nextop {
                    Some(Op::Real(POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE)) => {
                        let is_true = consts.get(oparg).is_true();
                        let instrs = &mut self.blocks[b].instrs;
                        instrs[i].set_nop();
                        let jump_if_true = nextop == Some(Op::Real(POP_JUMP_IF_TRUE));
                        if is_true == jump_if_true {
                            instrs[i + 1].op = Op::Jump;
                        } else {
                            instrs[i + 1].set_nop();
                        }
                    }
                    Some(Op::Real(IS_OP)) => {
                        let is_none = matches!(consts.get(oparg), Constant::None);
                        let instrs = &mut self.blocks[b].instrs;
                        let jump_op = instrs.get(i + 2).map(|x| x.op);
                        if is_none
                            && matches!(jump_op, Some(Op::Real(POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE)))
                        {
                            let nextarg = instrs[i + 1].arg;
                            instrs[i].set_nop();
                            instrs[i + 1].set_nop();
                            let invert = (nextarg != 0) ^ (jump_op == Some(Op::Real(POP_JUMP_IF_FALSE)));
                            instrs[i + 2].op =
                                Op::Real(if invert { POP_JUMP_IF_NOT_NONE } else { POP_JUMP_IF_NONE });
                        }
                    }
                    Some(Op::Real(RETURN_VALUE)) => {
                        let instrs = &mut self.blocks[b].instrs;
                        instrs[i].set_nop();
                        i += 1;
                        instrs[i].op = Op::Real(RETURN_CONST);
                        instrs[i].arg = oparg;
                    }
                    _ => {}
                },
                Op::Real(BUILD_TUPLE) => {
                    let instrs = &mut self.blocks[b].instrs;
                    if nextop == Some(Op::Real(UNPACK_SEQUENCE)) && oparg == instrs[i + 1].arg {
                        match oparg {
                            1 => {
                                instrs[i].set_nop();
                                instrs[i + 1].set_nop();
                                i += 1;
                                continue;
                            }
                            2 | 3 => {
                                instrs[i].set_nop();
                                instrs[i + 1].op = Op::Real(SWAP);
                                i += 1;
                                continue;
                            }
                            _ => {}
                        }
                    }
                    if i >= oparg as usize {
                        self.fold_tuple_on_constants(b, i, oparg as usize, consts);
                    }
                }
                Op::Real(POP_JUMP_IF_NOT_NONE | POP_JUMP_IF_NONE | POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE)
                | Op::Jump => {
                    if target.op == Op::Jump && self.jump_thread(b, i, &target, opcode) {
                        // Re-examine the same instruction (CPython's `i -= 1`).
                        continue;
                    }
                }
                Op::Real(SWAP) => {
                    if oparg == 1 {
                        self.blocks[b].instrs[i].set_nop();
                    } else {
                        let instrs = &mut self.blocks[b].instrs;
                        i = swaptimize(instrs, i);
                        apply_static_swaps(instrs, i as isize);
                    }
                }
                Op::Real(PUSH_NULL) => {
                    let instrs = &mut self.blocks[b].instrs;
                    if nextop == Some(Op::Real(LOAD_GLOBAL)) && instrs[i + 1].arg & 1 == 0 {
                        instrs[i].set_nop();
                        instrs[i + 1].arg |= 1;
                    }
                }
                _ => {}
            }
            i += 1;
        }
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn fold_tuple_on_constants(&mut self, b: BlockId, i: usize, n: usize, consts: &mut ConstPool) {
        let start = i - n;
        let instrs = &mut self.blocks[b].instrs;
        if !instrs[start..i].iter().all(|x| x.op.is(Opcode::LOAD_CONST)) {
            return;
        }
        let mut items = Vec::with_capacity(n);
        for x in &instrs[start..i] {
            items.push(consts.get(x.arg).clone());
        }
        let index = consts.add_or_find(Constant::Tuple(items.into()));
        for x in &mut instrs[start..i] {
            x.set_nop();
        }
        instrs[i].op = Op::Real(Opcode::LOAD_CONST);
        instrs[i].arg = index;
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn remove_redundant_nops(&mut self, b: BlockId) -> usize {
        let mut next_line: Option<i32> = None;
        {
            let mut next = self.blocks[b].next;
            while let Some(n) = next {
                if !self.blocks[n].instrs.is_empty() {
                    next_line = Some(self.blocks[n].instrs[0].loc.line);
                    break;
                }
                next = self.blocks[n].next;
            }
        }
        let instrs = &mut self.blocks[b].instrs;
        let mut dest = 0;
        let mut prev_line = -1;
        let n = instrs.len();
        for src in 0..n {
            let line = instrs[src].loc.line;
            let mut remove = false;
            if instrs[src].op.is(Opcode::NOP) {
                if line < 0 || prev_line == line {
                    remove = true;
                } else if src < n - 1 {
                    let next_line = instrs[src + 1].loc.line;
                    if next_line == line {
                        remove = true;
                    } else if next_line < 0 {
                        instrs[src + 1].loc = instrs[src].loc;
                        remove = true;
                    }
                } else if next_line == Some(line) {
                    remove = true;
                }
            }
            if remove {
                continue;
            }
            if dest != src {
                instrs[dest] = instrs[src];
            }
            dest += 1;
            prev_line = line;
        }
        let removed = n - dest;
        instrs.truncate(dest);
        removed
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn remove_redundant_nops_and_pairs(&mut self) {
        let mut done = false;
        while !done {
            done = true;
            let mut prev: Option<(BlockId, usize)>;
            let mut cur: Option<(BlockId, usize)> = None;
            for b in self.order() {
                self.remove_redundant_nops(b);
                if self.blocks[b].labelled {
                    cur = None;
                }
                for i in 0..self.blocks[b].instrs.len() {
                    prev = cur;
                    cur = Some((b, i));
                    let op = self.blocks[b].instrs[i].op;
                    if op.is(Opcode::POP_TOP) {
                        if let Some((pb, pi)) = prev {
                            let p = &self.blocks[pb].instrs[pi];
                            if p.op.is(Opcode::LOAD_CONST) || (p.op.is(Opcode::COPY) && p.arg == 1) {
                                self.blocks[pb].instrs[pi].set_nop();
                                self.blocks[b].instrs[i].set_nop();
                                done = false;
                            }
                        }
                    }
                }
                let last_is_jump = cur
                    .map(|(cb, ci)| cb == b && self.blocks[cb].instrs[ci].op.is_jump())
                    .unwrap_or(false);
                if last_is_jump || !self.blocks[b].has_fallthrough() {
                    cur = None;
                }
            }
        }
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn mark_reachable(&mut self) {
        for b in &mut self.blocks {
            b.predecessors = 0;
            b.visited = false;
        }
        let mut stack = vec![self.entry];
        self.blocks[self.entry].predecessors = 1;
        while let Some(b) = stack.pop() {
            self.blocks[b].visited = true;
            if let Some(next) = self.blocks[b].next {
                if self.blocks[b].has_fallthrough() {
                    if !self.blocks[next].visited {
                        stack.push(next);
                    }
                    self.blocks[next].predecessors += 1;
                }
            }
            for t in self.blocks[b].targets(Op::has_target) {
                if !self.blocks[t].visited {
                    stack.push(t);
                }
                self.blocks[t].predecessors += 1;
            }
        }
    }

    fn remove_redundant_jumps(&mut self) {
        for b in self.order() {
            let next = self.blocks[b].next;
            if let Some(last) = self.blocks[b].instrs.last_mut() {
                if last.op.is_unconditional_jump() && last.target == next {
                    last.set_nop();
                }
            }
        }
    }

    /// Drops constants no instruction uses (index 0 always stays: it may be a docstring).
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    pub fn remove_unused_consts(&mut self, consts: &mut ConstPool) {
        let n = consts.len();
        if n == 0 {
            return;
        }
        let mut used = vec![false; n];
        used[0] = true;
        let order = self.order();
        for &b in &order {
            for i in &self.blocks[b].instrs {
                if i.op.has_const() {
                    used[i.arg as usize] = true;
                }
            }
        }
        let remap = consts.retain(&used);
        for &b in &order {
            for i in &mut self.blocks[b].instrs {
                if i.op.has_const() {
                    i.arg = remap[i.arg as usize];
                }
            }
        }
    }

    /// Turns LOAD_FAST into LOAD_FAST_CHECK where the local may be unbound.
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    pub fn add_checks_for_uninitialized(&mut self, nlocals: usize, nparams: usize) {
        if nlocals == 0 {
            return;
        }
        let mut nlocals = nlocals;
        if nlocals > 64 {
            self.fast_scan_many_locals(nlocals);
            nlocals = 64;
        }
        for b in &mut self.blocks {
            b.visited = false;
            b.unsafe_locals = 0;
        }
        let mut stack = Vec::new();
        let mut start_mask = 0u64;
        for i in nparams..nlocals {
            start_mask |= 1 << i;
        }
        self.maybe_push(self.entry, start_mask, &mut stack);
        for b in self.order() {
            self.scan_block_for_locals(b, &mut stack);
        }
        while let Some(b) = stack.pop() {
            self.blocks[b].visited = false;
            self.scan_block_for_locals(b, &mut stack);
        }
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn maybe_push(&mut self, b: BlockId, mask: u64, stack: &mut Vec<BlockId>) {
        let both = self.blocks[b].unsafe_locals | mask;
        if self.blocks[b].unsafe_locals != both {
            self.blocks[b].unsafe_locals = both;
            if !self.blocks[b].visited {
                stack.push(b);
                self.blocks[b].visited = true;
            }
        }
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn scan_block_for_locals(&mut self, b: BlockId, stack: &mut Vec<BlockId>) {
        use Opcode::*;
        let mut mask = self.blocks[b].unsafe_locals;
        for i in 0..self.blocks[b].instrs.len() {
            let instr = self.blocks[b].instrs[i];
            if let Some(h) = instr.except {
                self.maybe_push(h, mask, stack);
            }
            if instr.arg >= 64 {
                continue;
            }
            let bit = 1u64 << instr.arg;
            match instr.op {
                Op::Real(DELETE_FAST | LOAD_FAST_AND_CLEAR) | Op::StoreFastMaybeNull => mask |= bit,
                Op::Real(STORE_FAST) | Op::Real(LOAD_FAST_CHECK) => mask &= !bit,
                Op::Real(LOAD_FAST) => {
                    if mask & bit != 0 {
                        self.blocks[b].instrs[i].op = Op::Real(LOAD_FAST_CHECK);
                    }
                    mask &= !bit;
                }
                _ => {}
            }
        }
        if let Some(next) = self.blocks[b].next {
            if self.blocks[b].has_fallthrough() {
                self.maybe_push(next, mask, stack);
            }
        }
        if let Some(last) = self.blocks[b].last() {
            if last.op.is_jump() {
                let t = last.target.expect("jump has a target");
                self.maybe_push(t, mask, stack);
            }
        }
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn fast_scan_many_locals(&mut self, nlocals: usize) {
        use Opcode::*;
        let mut states = vec![0usize; nlocals - 64];
        let mut blocknum = 0usize;
        for b in self.order() {
            blocknum += 1;
            for instr in &mut self.blocks[b].instrs {
                let arg = instr.arg as usize;
                if arg < 64 {
                    continue;
                }
                match instr.op {
                    Op::Real(DELETE_FAST | LOAD_FAST_AND_CLEAR) | Op::StoreFastMaybeNull => {
                        states[arg - 64] = blocknum - 1
                    }
                    Op::Real(STORE_FAST) => states[arg - 64] = blocknum,
                    Op::Real(LOAD_FAST) => {
                        if states[arg - 64] != blocknum {
                            instr.op = Op::Real(LOAD_FAST_CHECK);
                        }
                        states[arg - 64] = blocknum;
                    }
                    _ => {}
                }
            }
        }
    }

    // ----- block layout -----

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn mark_warm(&mut self) {
        self.clear_visited();
        let mut stack = vec![self.entry];
        self.blocks[self.entry].visited = true;
        while let Some(b) = stack.pop() {
            self.blocks[b].warm = true;
            if let Some(next) = self.blocks[b].next {
                if self.blocks[b].has_fallthrough() && !self.blocks[next].visited {
                    stack.push(next);
                    self.blocks[next].visited = true;
                }
            }
            for t in self.blocks[b].targets(Op::is_jump) {
                if !self.blocks[t].visited {
                    stack.push(t);
                    self.blocks[t].visited = true;
                }
            }
        }
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn mark_cold(&mut self) {
        self.mark_warm();
        self.clear_visited();
        let mut stack = Vec::new();
        for b in self.order() {
            if self.blocks[b].except_handler {
                stack.push(b);
                self.blocks[b].visited = true;
            }
        }
        while let Some(b) = stack.pop() {
            self.blocks[b].cold = true;
            if let Some(next) = self.blocks[b].next {
                if self.blocks[b].has_fallthrough() && !self.blocks[next].warm && !self.blocks[next].visited {
                    stack.push(next);
                    self.blocks[next].visited = true;
                }
            }
            for t in self.blocks[b].targets(Op::is_jump) {
                if !self.blocks[t].warm && !self.blocks[t].visited {
                    stack.push(t);
                    self.blocks[t].visited = true;
                }
            }
        }
    }

    /// Moves exception handlers and the code only they reach after the warm code.
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    pub fn push_cold_blocks_to_end(&mut self) {
        if self.blocks[self.entry].next.is_none() {
            return;
        }
        self.mark_cold();
        for b in self.order() {
            let block = &self.blocks[b];
            if let Some(next) = block.next {
                if block.cold && block.has_fallthrough() && self.blocks[next].warm {
                    let jump = self.new_block();
                    let mut instr = Instr::new(Op::Jump, 0, Loc::NONE);
                    instr.target = Some(next);
                    self.blocks[jump].instrs.push(instr);
                    self.blocks[jump].cold = true;
                    self.blocks[jump].next = Some(next);
                    self.blocks[b].next = Some(jump);
                }
            }
        }
        let mut cold_head: Option<BlockId> = None;
        let mut cold_tail: Option<BlockId> = None;
        let mut b = self.entry;
        loop {
            while let Some(n) = self.blocks[b].next {
                if self.blocks[n].cold {
                    break;
                }
                b = n;
            }
            let Some(start) = self.blocks[b].next else { break };
            let mut end = start;
            while let Some(n) = self.blocks[end].next {
                if !self.blocks[n].cold {
                    break;
                }
                end = n;
            }
            match cold_tail {
                None => cold_head = Some(start),
                Some(t) => self.blocks[t].next = Some(start),
            }
            cold_tail = Some(end);
            self.blocks[b].next = self.blocks[end].next;
            self.blocks[end].next = None;
        }
        self.blocks[b].next = cold_head;
        if cold_head.is_some() {
            self.remove_redundant_jumps();
        }
    }

    // ----- line numbers -----

    fn is_exit_without_lineno(&self, b: BlockId) -> bool {
        let block = &self.blocks[b];
        block.exits_scope() && block.instrs.iter().all(|i| i.loc.line < 0)
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn duplicate_exits_without_lineno(&mut self) {
        for b in self.order() {
            let Some(last) = self.blocks[b].last().cloned() else { continue };
            if !last.op.is_jump() {
                continue;
            }
            let target = last.target.expect("jump has a target");
            if self.is_exit_without_lineno(target) && self.blocks[target].predecessors > 1 {
                let copy = self.new_block();
                self.blocks[copy].instrs = self.blocks[target].instrs.clone();
                self.blocks[copy].instrs[0].loc = last.loc;
                self.blocks[b].instrs.last_mut().unwrap().target = Some(copy);
                self.blocks[target].predecessors -= 1;
                self.blocks[copy].predecessors = 1;
                self.blocks[copy].next = self.blocks[target].next;
                self.blocks[target].next = Some(copy);
            }
        }
        for b in self.order() {
            let block = &self.blocks[b];
            if let Some(next) = block.next {
                if block.has_fallthrough() && !block.instrs.is_empty() && self.is_exit_without_lineno(next) {
                    let loc = block.last().unwrap().loc;
                    self.blocks[next].instrs[0].loc = loc;
                }
            }
        }
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn propagate_line_numbers(&mut self) {
        for b in self.order() {
            if self.blocks[b].instrs.is_empty() {
                continue;
            }
            let mut prev = Loc::NONE;
            for instr in &mut self.blocks[b].instrs {
                if instr.loc.line < 0 {
                    instr.loc = prev;
                } else {
                    prev = instr.loc;
                }
            }
            let block = &self.blocks[b];
            let last = *block.last().unwrap();
            if block.has_fallthrough() {
                if let Some(next) = block.next {
                    if self.blocks[next].predecessors == 1 && self.blocks[next].instrs[0].loc.line < 0 {
                        self.blocks[next].instrs[0].loc = prev;
                    }
                }
            }
            if last.op.is_jump() {
                let t = last.target.expect("jump has a target");
                if self.blocks[t].predecessors == 1 && self.blocks[t].instrs[0].loc.line < 0 {
                    self.blocks[t].instrs[0].loc = prev;
                }
            }
        }
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn guarantee_lineno_for_exits(&mut self, firstlineno: i32) {
        let mut line = firstlineno;
        for b in self.order() {
            let Some(last) = self.blocks[b].last() else { continue };
            if last.loc.line < 0 {
                if last.op.is(Opcode::RETURN_VALUE) {
                    for instr in &mut self.blocks[b].instrs {
                        instr.loc.line = line;
                    }
                }
            } else {
                line = last.loc.line;
            }
        }
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    pub fn resolve_line_numbers(&mut self, firstlineno: i32) {
        self.duplicate_exits_without_lineno();
        self.propagate_line_numbers();
        self.guarantee_lineno_for_exits(firstlineno);
    }

    // ----- assembly preparation -----

    /// The deepest stack any path reaches (`_PyCfg_Stackdepth`).
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    pub fn stack_depth(&mut self, is_generator: bool) -> u32 {
        for b in &mut self.blocks {
            b.startdepth = i32::MIN;
        }
        let mut stack: Vec<BlockId> = Vec::new();
        let mut maxdepth = 0;
        let push = |blocks: &mut Vec<Block>, stack: &mut Vec<BlockId>, b: BlockId, depth: i32| {
            if blocks[b].startdepth < depth && blocks[b].startdepth < 100 {
                blocks[b].startdepth = depth;
                stack.push(b);
            }
        };
        push(&mut self.blocks, &mut stack, self.entry, is_generator as i32);
        while let Some(b) = stack.pop() {
            let mut depth = self.blocks[b].startdepth;
            let mut next = self.blocks[b].next;
            for i in 0..self.blocks[b].instrs.len() {
                let instr = self.blocks[b].instrs[i];
                let new_depth = depth + instr.op.stack_effect(instr.arg, false);
                maxdepth = maxdepth.max(new_depth);
                if instr.op.has_target() {
                    let target_depth = depth + instr.op.stack_effect(instr.arg, true);
                    maxdepth = maxdepth.max(target_depth);
                    push(&mut self.blocks, &mut stack, instr.target.unwrap(), target_depth);
                }
                depth = new_depth;
                if instr.op.is_unconditional_jump() || instr.op.is_scope_exit() {
                    next = None;
                    break;
                }
            }
            if let Some(n) = next {
                push(&mut self.blocks, &mut stack, n, depth);
            }
        }
        maxdepth.max(0) as u32
    }

    pub fn convert_pseudo_ops(&mut self) {
        for b in self.order() {
            for instr in &mut self.blocks[b].instrs {
                if instr.op.is_block_push() || instr.op == Op::PopBlock {
                    instr.set_nop();
                } else if instr.op == Op::StoreFastMaybeNull {
                    instr.op = Op::Real(Opcode::STORE_FAST);
                }
            }
        }
        for b in self.order() {
            self.remove_redundant_nops(b);
        }
    }

    /// Turns pseudo jumps into real forward/backward jumps; a backward
    /// conditional jump becomes the reversed jump over a JUMP_BACKWARD.
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    pub fn normalize_jumps(&mut self) {
        use Opcode::*;
        self.clear_visited();
        let mut cur = Some(self.entry);
        while let Some(b) = cur {
            self.blocks[b].visited = true;
            if let Some(last) = self.blocks[b].last().cloned() {
                if last.op.is_jump() {
                    let target = last.target.unwrap();
                    let forward = !self.blocks[target].visited;
                    let last_mut = self.blocks[b].instrs.last_mut().unwrap();
                    match last.op {
                        Op::Jump => {
                            last_mut.op = Op::Real(if forward { JUMP_FORWARD } else { JUMP_BACKWARD })
                        }
                        Op::JumpNoInterrupt => {
                            last_mut.op =
                                Op::Real(if forward { JUMP_FORWARD } else { JUMP_BACKWARD_NO_INTERRUPT })
                        }
                        Op::Real(op) if !forward => {
                            let reversed = match op {
                                POP_JUMP_IF_NOT_NONE => Some(POP_JUMP_IF_NONE),
                                POP_JUMP_IF_NONE => Some(POP_JUMP_IF_NOT_NONE),
                                POP_JUMP_IF_FALSE => Some(POP_JUMP_IF_TRUE),
                                POP_JUMP_IF_TRUE => Some(POP_JUMP_IF_FALSE),
                                _ => None,
                            };
                            if let Some(rev) = reversed {
                                let next = self.blocks[b].next;
                                let jump = self.new_block();
                                let mut instr = Instr::new(Op::Real(JUMP_BACKWARD), 0, last.loc);
                                instr.target = Some(target);
                                self.blocks[jump].instrs.push(instr);
                                self.blocks[jump].cold = self.blocks[b].cold;
                                self.blocks[jump].next = next;
                                let last_mut = self.blocks[b].instrs.last_mut().unwrap();
                                last_mut.op = Op::Real(rev);
                                last_mut.target = next;
                                self.blocks[b].next = Some(jump);
                            }
                        }
                        _ => {}
                    }
                }
            }
            cur = self.blocks[b].next;
        }
    }
}

/// Replaces a run of SWAPs and NOPs starting at `i` with an optimal
/// sequence of the same effect; returns the index of the run's last instruction.
#[cfg_attr(target_arch = "wasm32", track_caller)]
fn swaptimize(instrs: &mut [Instr], i: usize) -> usize {
    let limit = instrs.len() - i;
    let mut depth = instrs[i].arg as usize;
    let mut len = 1;
    let mut more = false;
    while len < limit {
        let op = instrs[i + len].op;
        if op.is(Opcode::SWAP) {
            depth = depth.max(instrs[i + len].arg as usize);
            more = true;
        } else if !op.is(Opcode::NOP) {
            break;
        }
        len += 1;
    }
    if !more {
        return i;
    }
    const VISITED: isize = -1;
    let mut stack: Vec<isize> = (0..depth as isize).collect();
    for k in 0..len {
        if instrs[i + k].op.is(Opcode::SWAP) {
            let oparg = instrs[i + k].arg as usize;
            stack.swap(0, oparg - 1);
        }
    }
    let mut current = len as isize - 1;
    for k in 0..depth {
        if stack[k] == VISITED || stack[k] == k as isize {
            continue;
        }
        let mut j = k;
        loop {
            if j != 0 {
                let ins = &mut instrs[i + current as usize];
                ins.op = Op::Real(Opcode::SWAP);
                ins.arg = j as u32 + 1;
                ins.target = None;
                current -= 1;
            }
            if stack[j] == VISITED {
                break;
            }
            let next_j = stack[j] as usize;
            stack[j] = VISITED;
            j = next_j;
        }
    }
    while current >= 0 {
        instrs[i + current as usize].set_nop();
        current -= 1;
    }
    i + len - 1
}

fn swappable(op: Op) -> bool {
    matches!(op, Op::Real(Opcode::STORE_FAST) | Op::StoreFastMaybeNull | Op::Real(Opcode::POP_TOP))
}

fn stores_to(instr: &Instr) -> i64 {
    if matches!(instr.op, Op::Real(Opcode::STORE_FAST) | Op::StoreFastMaybeNull) {
        instr.arg as i64
    } else {
        -1
    }
}

fn next_swappable(instrs: &[Instr], mut i: usize, line: Option<i32>) -> Option<usize> {
    loop {
        i += 1;
        if i >= instrs.len() {
            return None;
        }
        let instr = &instrs[i];
        if let Some(l) = line {
            if l >= 0 && instr.loc.line != l {
                return None;
            }
        }
        if instr.op.is(Opcode::NOP) {
            continue;
        }
        if swappable(instr.op) {
            return Some(i);
        }
        return None;
    }
}

/// Applies SWAPs statically by swapping the STORE_FAST / POP_TOP
/// instructions that consume the swapped values.
#[cfg_attr(target_arch = "wasm32", track_caller)]
fn apply_static_swaps(instrs: &mut [Instr], mut i: isize) {
    while i >= 0 {
        let iu = i as usize;
        let swap = instrs[iu];
        if !swap.op.is(Opcode::SWAP) {
            if swap.op.is(Opcode::NOP) || swappable(swap.op) {
                i -= 1;
                continue;
            }
            return;
        }
        let Some(j) = next_swappable(instrs, iu, None) else { return };
        let mut k = j;
        let line = instrs[j].loc.line;
        for _ in 1..swap.arg {
            match next_swappable(instrs, k, Some(line)) {
                Some(n) => k = n,
                None => return,
            }
        }
        let store_j = stores_to(&instrs[j]);
        let store_k = stores_to(&instrs[k]);
        if store_j >= 0 || store_k >= 0 {
            if store_j == store_k {
                return;
            }
            for instr in &instrs[j + 1..k] {
                let s = stores_to(instr);
                if s >= 0 && (s == store_j || s == store_k) {
                    return;
                }
            }
        }
        instrs[iu].set_nop();
        instrs.swap(j, k);
        i -= 1;
    }
}
