//! Run mode's eval loop. It executes exactly the instructions `step_instruction`
//! does (same results, same instruction count, same budgets), but the hottest
//! handlers run inline, with the running frame's position (`ip`, `lasti`,
//! EXTENDED_ARG bits) and the instruction count held in locals, and no
//! `Result` plumbing or checks for output and garbage when an instruction can
//! neither print nor allocate. Calls of plain Python functions, returns to
//! them, and generators resumed by FOR_ITER switch frames without leaving the
//! loop. Everything else goes to `dispatch`, the one definition of each
//! opcode; a fast arm that meets anything unusual (an unbound local, an
//! operand that is not a plain int or float...) leaves the frame untouched
//! and falls back to it too. No stepper events are built here.

use super::containers::builtin_key;
use super::methods::{format_plain_fast, join_top_strs};
use super::ops::{big_times_word, concat_strs, positional_iter, unpack_exact};
use super::eval::DECODE;
use super::frame::{Frame, OnReturn};
use super::identity::Singletons;
use super::types::TypeId;
use super::instance_attr::{load_attr_hit, store_attr_hit, AttrCache, AttrHit};
use super::{NameCache, PyResult, Vm};
use crate::bytecode::Opcode;
use crate::runtime::heap::Heap;
use crate::runtime::object::{BuiltinFn, DescrKind, Function, Iter, Object};
use crate::runtime::value::{ObjId, Value};

/// An id no object has (`Heap::lookup` finds nothing), for a value that is
/// not a heap object: one lookup then answers both questions.
const NO_OBJ: ObjId = ObjId(u32::MAX);

/// Where a float's integer range ends: ints up to this size convert exactly.
const EXACT_FLOAT_INT: i64 = 1 << 53;

macro_rules! fast_arms {
    ($($op:ident),*) => {
        /// The opcodes `run_fast` has an arm for, numbered densely, and `Other`
        /// for every other byte: its `match` is then a jump table with no
        /// range check, and the decode needs no `Option`.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, PartialEq, Eq)]
        #[repr(u8)]
        enum Fast { Other, $($op),* }

        impl Fast {
            const fn of(op: Opcode) -> Fast {
                match op {
                    $(Opcode::$op => Fast::$op,)*
                    _ => Fast::Other,
                }
            }
        }
    };
}

fast_arms!(
    NOP, RESUME, LOAD_FAST, LOAD_FAST_CHECK, LOAD_CONST, STORE_FAST, POP_TOP, PUSH_NULL, COPY, SWAP,
    BINARY_OP, FORMAT_VALUE, BUILD_STRING, UNPACK_SEQUENCE, COMPARE_OP, IS_OP, POP_JUMP_IF_FALSE,
    POP_JUMP_IF_TRUE, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE, JUMP_FORWARD, JUMP_BACKWARD,
    JUMP_BACKWARD_NO_INTERRUPT, FOR_ITER, GET_ITER, BINARY_SUBSCR, STORE_SUBSCR, LOAD_NAME,
    STORE_NAME, LOAD_GLOBAL, LOAD_ATTR, STORE_ATTR, CALL, RETURN_VALUE, RETURN_CONST, YIELD_VALUE
);

/// Each byte's `Fast` arm and the instruction's width in bytes (with its
/// CACHE units).
static FAST_DECODE: [(Fast, u8); 256] = {
    let mut table = [(Fast::Other, 2); 256];
    let mut i = 0;
    while i < Opcode::ALL.len() {
        let op = Opcode::ALL[i];
        table[op as usize] = (Fast::of(op), 2 + 2 * op.cache_entries() as u8);
        i += 1;
    }
    table
};

/// Whether the fast loop checks the step budget before every instruction
/// (the wasm), or only where control can go back (see `Running::units`;
/// natively: with the `Fast` decode, a fifth fewer instructions on nbody.py).
/// In V8 the native way ran level in instructions but slower in Chromium's
/// CPU time (generators, loops) (bench/NOTES.md, "Session 9: dispatch").
/// Both decode to `Fast` (on the wasm since session 10: no `Option` test,
/// and CALL and RETURN_VALUE in the jump table).
///
/// The feature `budget-at-every-instruction` gives a native build the wasm's
/// way, so that the tests check natively that it stops where the stepper does
/// (scripts/test.sh runs tests/robust_limits.rs with it).
const BUDGET_AT_EVERY_INSTRUCTION: bool = cfg!(any(target_arch = "wasm32", feature = "budget-at-every-instruction"));

/// What the fast loop's `match` is on.
type Arm = Fast;

/// Why the fast loop handed over to the general machinery. By then the
/// frame's `ip`, `lasti` and `ext_arg` and the VM's instruction count are
/// written back, exactly as `execute_instruction` leaves them for `dispatch`.
enum Slow {
    /// No frame is left.
    NoFrame,
    /// The step budget is spent (before counting the next instruction).
    Budget,
    /// The next instruction (not counted yet) runs the exact way: the step
    /// budget checked first, then `execute_instruction` (which also says why
    /// no instruction can be decoded at `ip`, and reads EXTENDED_ARG bits).
    /// Natively the fast loop checks the budget only where control can go
    /// back (see `Running::units`), and the last few instructions before
    /// it runs out come here one at a time.
    Step,
    /// `dispatch` runs the instruction (at the frame's `lasti`: the slow
    /// paths decode it again, so that the fast loop's opcode and argument
    /// are not kept, in V8's spill slots, for them). A byte that is no
    /// opcode comes here too, and `execute_instruction` reports it.
    Dispatch,
    /// STORE_FAST / POP_TOP dropped this generator (it may need finalising;
    /// `release` does nothing for any other value).
    Release(Value),
    /// LOAD_ATTR / STORE_ATTR: the instance attribute caches, else `dispatch`.
    Attr,
    /// CALL, not a plain Python function call.
    Call,
    /// RETURN_VALUE / RETURN_CONST of this value, to anything but a plain CALL.
    Return(Value),
    /// A generator resumed by a nested run (`send`: `sum(g)`, `next(g)`)
    /// yielded: the instruction is done and the nested run hands back.
    Yielded,
    /// A fast arm allocated and the heap is due a collection: the
    /// instruction is done, and the slow path collects.
    Allocated,
}

/// The running code's registry index, constants and caches, taken from the
/// registries (every frame's code is `codes[code_index]`), so they stay valid
/// across frame switches and are looked up again only when the code changes
/// (not for a recursive call or its return). They stay in memory and are read
/// there at each use (`read_volatile`): as a dozen values carried through the
/// loop, V8 spilled and reloaded them all at every frame switch.
struct Running<'a> {
    index: usize,
    /// The budget's check: while at least this many instructions are left
    /// of the step budget, every instruction of the code up to the next
    /// point where control can go back (a backward jump, a call, a return, a
    /// frame switch) is within the budget. Between those points `ip` only
    /// grows, so at most one instruction per code unit runs: `units` is the
    /// code's length in units, and the fast loop compares what is left with
    /// it at those points only, not at every instruction.
    #[cfg(not(any(target_arch = "wasm32", feature = "budget-at-every-instruction")))]
    units: u64,
    consts: &'a [Value],
    caches: &'a [NameCache],
    attr_caches: &'a [AttrCache],
}

macro_rules! in_memory {
    ($($field:ident: $t:ty),*) => {$(
        #[inline(always)]
        fn $field(&self) -> $t {
            // SAFETY: a read of a field of a live struct.
            unsafe { std::ptr::read_volatile(&self.$field) }
        }
    )*};
}

impl<'a> Running<'a> {
    #[cfg(not(any(target_arch = "wasm32", feature = "budget-at-every-instruction")))]
    in_memory!(units: u64);
    in_memory!(index: usize, consts: &'a [Value], caches: &'a [NameCache], attr_caches: &'a [AttrCache]);

    #[inline(always)]
    fn set(&mut self, new: Running<'a>) {
        // SAFETY: a write of a live struct.
        unsafe { std::ptr::write_volatile(self, new) }
    }

    /// `set`, field by field natively: the volatile write of the whole
    /// struct builds it in a temporary and copies that over (16 more moves).
    /// Only the generator switches use it: in the calls' paths it moved
    /// `run_fast`'s register allocation for the worse (fib.py +8 % native
    /// instructions), and on the wasm V8's code for nbody.py (+6 %).
    #[inline(always)]
    fn set_by_field(&mut self, new: Running<'a>) {
        #[cfg(any(target_arch = "wasm32", feature = "budget-at-every-instruction"))]
        self.set(new);
        // SAFETY: writes of the fields of a live struct.
        #[cfg(not(any(target_arch = "wasm32", feature = "budget-at-every-instruction")))]
        unsafe {
            std::ptr::write_volatile(&mut self.index, new.index);
            std::ptr::write_volatile(&mut self.units, new.units);
            std::ptr::write_volatile(&mut self.consts, new.consts);
            std::ptr::write_volatile(&mut self.caches, new.caches);
            std::ptr::write_volatile(&mut self.attr_caches, new.attr_caches);
        }
    }
}

impl Vm {
    /// Runs until the program ends, or (`nested`) until the frame a nested run
    /// started hands control back.
    pub(super) fn run_loop(&mut self, nested: bool) {
        if self.exit_code.is_some() {
            return;
        }
        let max_instructions = self.limits.max_instructions.unwrap_or(u64::MAX);
        loop {
            let result = match self.run_fast(max_instructions) {
                Slow::NoFrame => return,
                Slow::Budget => return self.stop_by_steps(),
                Slow::Step => {
                    if self.instructions >= max_instructions {
                        return self.stop_by_steps();
                    }
                    self.execute_instruction()
                }
                Slow::Dispatch => match self.instruction_at_lasti() {
                    Some((op, arg)) => self.dispatch(op, arg),
                    None => self.execute_again(),
                },
                Slow::Release(v) => {
                    self.release(v);
                    Ok(())
                }
                Slow::Attr => match self.instruction_at_lasti() {
                    Some((op, arg)) => self.attr_instruction(op, arg),
                    None => self.execute_again(),
                },
                Slow::Call => match self.instruction_at_lasti() {
                    Some((_, arg)) if self.sum_in_loop(arg as usize) => Ok(()),
                    Some((_, arg)) => self.call_instruction(arg as usize),
                    None => self.execute_again(),
                },
                Slow::Return(v) => self.return_value(v),
                Slow::Yielded | Slow::Allocated => Ok(()),
            };
            if self.after_slow_instruction(result, nested) {
                return;
            }
        }
    }

    /// Runs instructions while they take the fast paths; returns (with the
    /// frame's state written back) at the first one that needs more.
    fn run_fast(&mut self, max_instructions: u64) -> Slow {
        let Vm { frames, heap, instructions, codes, name_caches, attr_caches: all_attr_caches, builtins, limits, nested_exit, identity, types, .. } = self;
        // The classes `str` and `range` (`str(i)` and `range(a, b)` are answered inline).
        let class_of = |t: TypeId| slot(types, t as usize).map_or(NO_OBJ, |&c| c);
        let classes = InlineClasses { str: class_of(TypeId::Str), range: class_of(TypeId::Range) };
        let codes: &[super::CodeEntry] = codes;
        let (builtins, max_depth) = (*builtins, limits.recursion_depth);
        // What is left of the step budget, counted down (the instruction
        // count is the budget less this): the check before an instruction
        // is then a test for zero, and the budget needs no register.
        let mut left = max_instructions.saturating_sub(*instructions);
        // The running code (see `Running`).
        let mut run = Running {
            index: usize::MAX,
            #[cfg(not(any(target_arch = "wasm32", feature = "budget-at-every-instruction")))]
            units: 0,
            consts: &[],
            caches: &[],
            attr_caches: &[],
        };
        // The running code's bytes, and where a two-byte instruction can last
        // start (one bounds check per fetch).
        let (mut code, mut code_end): (&[u8], usize) = (&[], 0);
        // Each pass runs one frame; a call, return or generator switch starts the next.
        'frame: loop {
            let mut depth = frames.len();
            let Some(f) = frames.last_mut() else {
                *instructions = max_instructions - left;
                return Slow::NoFrame;
            };
            let mut f: &mut Frame = f;
            // Makes `f`'s code the running one (see `Running`).
            macro_rules! run_code_of_f {
                () => {
                    run_code_of_f!(set)
                };
                ($set:ident) => {
                    if f.code_index != run.index() {
                        let index = f.code_index;
                        let consts;
                        (code, consts) = match slot(codes, index) {
                            Some(entry) => (entry.code.code.as_slice(), &*entry.consts),
                            None => (&[][..], &[][..]),
                        };
                        code_end = code.len().saturating_sub(1);
                        run.$set(Running {
                            index,
                            #[cfg(not(any(target_arch = "wasm32", feature = "budget-at-every-instruction")))]
                            units: code.len() as u64 / 2,
                            consts,
                            caches: name_caches.get(index).map_or(&[], |c| c),
                            attr_caches: all_attr_caches.get(index).map_or(&[], |c| c),
                        });
                    }
                };
            }
            run_code_of_f!();
            let (mut ip, mut lasti) = (f.ip, f.lasti);

            // Writes the frame's position back before anything else sees it.
            // (`ext_arg` is 0 whenever this loop runs a frame: see below.)
            macro_rules! sync {
                () => {
                    f.ip = ip;
                    f.lasti = lasti;
                };
            }
            macro_rules! leave {
                ($why:expr) => {{
                    sync!();
                    *instructions = max_instructions - left;
                    return $why;
                }};
            }
            // After an arm that may have allocated: the slow path collects when due.
            macro_rules! allocated {
                () => {
                    if super::fast_collection_due(heap, limits) {
                        leave!(Slow::Allocated);
                    }
                };
            }
            // Where control may have gone back (see `Running::units`):
            // close to the budget, the next instruction runs the exact way.
            #[cfg(not(any(target_arch = "wasm32", feature = "budget-at-every-instruction")))]
            macro_rules! budget_point {
                () => {
                    if left < run.units() {
                        leave!(Slow::Step);
                    }
                };
            }
            #[cfg(any(target_arch = "wasm32", feature = "budget-at-every-instruction"))]
            macro_rules! budget_point {
                () => {};
            }
            // The frame `f` (a generator just resumed or suspended, its stack
            // ready) goes on in this pass, as a pass of `'frame` would start it.
            macro_rules! switch_to_f {
                () => {
                    run_code_of_f!(set_by_field);
                    (ip, lasti) = (f.ip, f.lasti);
                    if f.ext_arg != 0 {
                        continue 'frame;
                    }
                    budget_point!();
                };
            }
            // A join: an arm runs the instruction after its own too, as that
            // instruction's arm would (budget, count, `lasti`), one pass of
            // the loop's head less (CPython 3.12's specialised pairs).
            // `joinable!` says whether there is a next instruction the budget
            // covers (natively the budget needs no check: it is in the same
            // straight run, see `Running::units`), `next_unit!` reads its
            // opcode byte and argument, and `joined!` counts it once it ran.
            macro_rules! joinable {
                () => {
                    ip < code_end && (!BUDGET_AT_EVERY_INSTRUCTION || left != 0)
                };
            }
            macro_rules! next_unit {
                () => {
                    // SAFETY: `ip + 1 < code.len()` (`joinable!` checked it).
                    unsafe { (*code.as_ptr().add(ip), *code.as_ptr().add(ip + 1)) }
                };
            }
            macro_rules! joined {
                () => {
                    left -= 1;
                    lasti = ip;
                    ip += 2;
                };
            }
            // A LOAD_CONST at `ip` runs in the arm that ran the instruction
            // before it (CPython's LOAD_FAST__LOAD_CONST).
            macro_rules! join_load_const {
                () => {
                    if joinable!() {
                        let (byte, carg) = next_unit!();
                        if byte == Opcode::LOAD_CONST as u8 {
                            if let Some(c) = slot(run.consts(), carg as usize) {
                                if push_from(&mut f.stack, c) {
                                    joined!();
                                }
                            }
                        }
                    }
                };
            }
            // An EXTENDED_ARG (which `dispatch` runs: it is rare, and an
            // `ext` carried from one instruction to the next cost every one)
            // left its high bits in the frame: the instruction it extends
            // takes the general path too, which reads them.
            if f.ext_arg != 0 {
                leave!(if left == 0 { Slow::Budget } else { Slow::Step });
            }
            budget_point!();

            'instr: loop {
                if BUDGET_AT_EVERY_INSTRUCTION && left == 0 {
                    leave!(Slow::Budget);
                }
                let Some((op, arg, next)) = fetch_arm(code, code_end, ip) else { leave!(Slow::Step) };
                left -= 1;
                lasti = ip;
                ip = next;
                let stack = &mut f.stack;

                use Fast::*;
                match op {
                    NOP => {}
                    RESUME => f.resumed = true,
                    // Values are moved slot to slot (`push_from`, `move_top`): a
                    // `Value` held in between goes through memory under opt-level "z".
                    LOAD_FAST | LOAD_FAST_CHECK => match slot(&f.locals, arg as usize) {
                        Some(v) if !v.is_null() => {
                            if !push_from(stack, v) {
                                leave!(Slow::Dispatch);
                            }
                            // A LOAD_CONST next (`n - 1`, `n < 2`, `b[3]`) runs here too, as
                            // its arm would (budget, count, `lasti`): CPython's
                            // LOAD_FAST__LOAD_CONST, one pass of the loop's head less.
                            join_load_const!();
                        }
                        _ => leave!(Slow::Dispatch),
                    },
                    LOAD_CONST => match slot(run.consts(), arg as usize) {
                        Some(v) if push_from(stack, v) => {}
                        _ => leave!(Slow::Dispatch),
                    },
                    STORE_FAST => match slot_mut(&mut f.locals, arg as usize) {
                        Some(local) if !stack.is_empty() => {
                            if is_generator(heap, *local) {
                                let old = *local;
                                move_top(stack, local);
                                leave!(Slow::Release(old));
                            }
                            move_top(stack, local);
                        }
                        _ => leave!(Slow::Dispatch),
                    },
                    POP_TOP => {
                        let v = pop(stack);
                        if is_generator(heap, v) {
                            leave!(Slow::Release(v));
                        }
                    }
                    PUSH_NULL if push_in_room(stack, Value::Null) => {}
                    COPY if arg >= 1 && arg as usize <= stack.len() && copy_to_top(stack, arg as usize) => {}
                    SWAP if swap_top(stack, arg as usize) => {}
                    BINARY_OP => match fast_binary(peek2(stack), arg) {
                        Some(r) => replace_top2(stack, r),
                        // `*` and `*=` of a big int and a word (a factorial's loop).
                        None if arg == 5 || arg == 18 => {
                            let (lhs, rhs) = peek2(stack);
                            match big_times_word(heap, limits, lhs, rhs) {
                                Some(r) => replace_top2(stack, r),
                                None => leave!(Slow::Dispatch),
                            }
                            allocated!();
                        }
                        // `+` and `+=` of two strs.
                        None if arg == 0 || arg == 13 => {
                            let (lhs, rhs) = peek2(stack);
                            match concat_strs(heap, identity, limits, lhs, rhs) {
                                Some(r) => replace_top2(stack, r),
                                None => leave!(Slow::Dispatch),
                            }
                            allocated!();
                        }
                        None => leave!(Slow::Dispatch),
                    },
                    // An f-string's pieces: `{x}` of a str or an int, then their join.
                    FORMAT_VALUE if arg == 0 => match stack.last().and_then(|&v| format_plain_fast(heap, v)) {
                        Some(r) => {
                            if let Some(top) = stack.last_mut() {
                                *top = r;
                            }
                            allocated!();
                        }
                        None => leave!(Slow::Dispatch),
                    },
                    BUILD_STRING => {
                        if !join_top_strs(heap, identity, stack, arg as usize) {
                            leave!(Slow::Dispatch);
                        }
                        allocated!();
                    }
                    UNPACK_SEQUENCE if unpack_exact(heap, stack, arg as usize) => {}
                    COMPARE_OP => match fast_compare(peek2(stack), arg >> 4) {
                        // A POP_JUMP_IF_FALSE / _TRUE next (`if n < 2:`, `while i < n:`) runs
                        // here too, as its arm would (budget, count, `lasti`), on the bool
                        // never pushed: one pass of the loop's head less. (3.12's
                        // conditional jumps go forward only: no budget point, as in their arm.)
                        Some(r) => {
                            if joinable!() {
                                let (byte, jarg) = next_unit!();
                                let if_true = byte == Opcode::POP_JUMP_IF_TRUE as u8;
                                if if_true || byte == Opcode::POP_JUMP_IF_FALSE as u8 {
                                    let n = stack.len();
                                    // SAFETY: `fast_compare` found two values (`peek2`).
                                    unsafe { stack.set_len(n - 2) };
                                    joined!();
                                    if r == if_true {
                                        ip += 2 * jarg as usize;
                                    }
                                    continue 'instr;
                                }
                            }
                            replace_top2(stack, Value::Bool(r));
                        }
                        None => leave!(Slow::Dispatch),
                    },
                    IS_OP if stack.len() >= 2 => {
                        let (lhs, rhs) = peek2(stack);
                        replace_top2(stack, Value::Bool(lhs.is(rhs) != (arg == 1)));
                    }
                    POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE => {
                        let truth = match stack.last() {
                            Some(Value::Bool(b)) => *b,
                            Some(Value::Int(i, _)) => *i != 0,
                            Some(Value::None) => false,
                            _ => leave!(Slow::Dispatch),
                        };
                        pop(stack);
                        if truth == (op == POP_JUMP_IF_TRUE) {
                            ip += 2 * arg as usize;
                        }
                    }
                    POP_JUMP_IF_NONE | POP_JUMP_IF_NOT_NONE => {
                        let v = pop(stack);
                        if matches!(v, Value::None) == (op == POP_JUMP_IF_NONE) {
                            ip += 2 * arg as usize;
                        }
                    }
                    JUMP_FORWARD => ip += 2 * arg as usize,
                    JUMP_BACKWARD | JUMP_BACKWARD_NO_INTERRUPT => {
                        ip = ip.saturating_sub(2 * arg as usize);
                        budget_point!();
                    }
                    FOR_ITER => {
                        let it_id = match stack.last() {
                            Some(&Value::Obj(id)) if has_room(stack) => id,
                            _ => leave!(Slow::Dispatch),
                        };
                        let it = heap.lookup_mut(it_id);
                        match it {
                            // A range iterator: its next int, or (exhausted, as `Vm::next`
                            // leaves it) the loop's end: the iterator goes, and the jump
                            // lands past the END_FOR at the target.
                            Some(Object::Iter(Iter::Range { next, stop, step })) => {
                                let n = *next;
                                if (*step > 0 && n < *stop) || (*step < 0 && n > *stop) {
                                    *next = n + *step;
                                    let _ = push_in_room(stack, Value::int(n));
                                } else {
                                    pop(stack);
                                    ip += 2 * (arg as usize + 1);
                                }
                            }
                            // A list or tuple iterator (the list is read at each step:
                            // it may change meanwhile); exhausted, it stays so, as in `Vm::next`.
                            Some(Object::Iter(Iter::Seq { seq, index, .. })) => {
                                let (seq, i) = (*seq, *index);
                                let Some(Object::List(items) | Object::Tuple(items)) = heap.lookup(seq) else {
                                    leave!(Slow::Dispatch)
                                };
                                let i = match slot(items, i) {
                                    Some(item) => {
                                        let _ = push_from(stack, item);
                                        i + 1
                                    }
                                    None => {
                                        pop(stack);
                                        ip += 2 * (arg as usize + 1);
                                        usize::MAX / 2
                                    }
                                };
                                if let Some(Object::Iter(Iter::Seq { index, .. })) = heap.lookup_mut(it_id) {
                                    *index = i;
                                }
                            }
                            // A suspended generator runs on top of this frame, in this
                            // loop; YIELD_VALUE and its return hand back (`OnReturn::ForIter`).
                            Some(Object::Generator(g)) if !g.running && g.frame.is_some() && depth < max_depth => {
                                let Some(mut resumed) = g.frame.take() else { leave!(Slow::Dispatch) };
                                g.running = true;
                                resumed.on_return = OnReturn::ForIter { exit_ip: ip + 2 * (arg as usize + 1) };
                                sync!();
                                // The generator goes on in this pass (a pass of `'frame` cost
                                // about 90 instructions per switch).
                                f = frames.push_resumed(resumed);
                                depth += 1;
                                push(&mut f.stack, Value::None);
                                switch_to_f!();
                                // At a `yield` statement the RESUME and the POP_TOP of the
                                // None sent run here, as their arms would.
                                if ip + 2 < code_end && (!BUDGET_AT_EVERY_INSTRUCTION || left > 1) {
                                    // SAFETY: `ip + 3 < code.len()` (checked above).
                                    let (resume, pop_top) = unsafe { (*code.as_ptr().add(ip), *code.as_ptr().add(ip + 2)) };
                                    if resume == Opcode::RESUME as u8 && pop_top == Opcode::POP_TOP as u8 {
                                        f.resumed = true;
                                        pop(&mut f.stack);
                                        left -= 2;
                                        lasti = ip + 2;
                                        ip += 4;
                                    }
                                }
                                continue 'instr;
                            }
                            _ => leave!(Slow::Dispatch),
                        }
                    }
                    // `iter()` of a range, list, tuple, bytes or bytearray, as `Vm::iter` makes it.
                    GET_ITER => {
                        if !get_iter(heap, stack) {
                            leave!(Slow::Dispatch);
                        }
                        allocated!();
                    }
                    BINARY_SUBSCR => {
                        let (container, sub) = peek2(stack);
                        let found = heap.lookup(container.obj().unwrap_or(NO_OBJ));
                        if let (Some(Object::List(items) | Object::Tuple(items)), Value::Int(i, _)) = (found, sub) {
                            match slot(items, seq_index(i, items.len())) {
                                Some(item) => replace_top2_from(stack, item),
                                None => leave!(Slow::Dispatch),
                            }
                            continue 'instr;
                        }
                        let item = match found {
                            // A key that is there: a missing one may call `__missing__`.
                            Some(Object::Dict(d)) => match builtin_key(heap, sub) {
                                Some(key) => d.get(&key),
                                None => None,
                            },
                            _ => None,
                        };
                        match item {
                            Some(v) => replace_top2(stack, v),
                            None => leave!(Slow::Dispatch),
                        }
                    }
                    STORE_SUBSCR if stack.len() >= 3 => {
                        let [.., v, container, sub] = **stack else { leave!(Slow::Dispatch) };
                        let n = stack.len();
                        let id = container.obj().unwrap_or(NO_OBJ);
                        // One lookup for a list (the common case); a dict's key
                        // is made first, then the dict looked up again to insert it.
                        let stored = match (heap.lookup_mut(id), sub) {
                            (Some(Object::List(items)), Value::Int(i, _)) => {
                                let at = seq_index(i, items.len());
                                match slot_mut(items, at) {
                                    Some(slot) => {
                                        *slot = v;
                                        true
                                    }
                                    None => false,
                                }
                            }
                            (Some(Object::Dict(_)), _) => match (builtin_key(heap, sub), heap.lookup_mut(id)) {
                                (Some(key), Some(Object::Dict(d))) => {
                                    d.insert(key, sub, v);
                                    true
                                }
                                _ => false,
                            },
                            _ => false,
                        };
                        if !stored {
                            leave!(Slow::Dispatch);
                        }
                        stack.truncate(n - 3);
                    }
                    LOAD_NAME => {
                        let globals = f.globals;
                        let found = match f.names {
                            Some(ns) if ns != globals => {
                                cached_name(heap, run.caches(), arg, &[(ns, 0), (globals, 1), (builtins, 2)])
                            }
                            _ => cached_name(heap, run.caches(), arg, &[(globals, 0), (builtins, 2)]),
                        };
                        match found {
                            Some(v) if push_from(stack, v) => {}
                            _ => leave!(Slow::Dispatch),
                        }
                    }
                    STORE_NAME => {
                        let ns = f.names.unwrap_or(f.globals);
                        match stack.last() {
                            Some(&v) if cached_store_name(heap, run.caches(), ns, arg, v) => {
                                pop(stack);
                            }
                            _ => leave!(Slow::Dispatch),
                        }
                    }
                    // The globals' cache, then the builtins', written out: a loop
                    // over an array of the two (as `cached_name` has) went through memory.
                    LOAD_GLOBAL => {
                        let (caches, at) = (run.caches(), (arg >> 1) as usize * 3);
                        let v = match cached_in(heap, caches, at + 1, f.globals) {
                            Cached::Found(v) => v,
                            Cached::Absent => match cached_in(heap, caches, at + 2, builtins) {
                                Cached::Found(v) => v,
                                _ => leave!(Slow::Dispatch),
                            },
                            Cached::Stale => leave!(Slow::Dispatch),
                        };
                        // A stack with no room left takes the general path, which
                        // grows it: a call here, even one never made, costs V8 spills.
                        if !push_global(stack, v, arg & 1 == 1) {
                            leave!(Slow::Dispatch);
                        }
                        // A LOAD_FAST next (`fib(n - 1)`'s argument) runs here too, and
                        // a LOAD_CONST after it, as their arms would (natively with no
                        // budget check, see `joinable!`).
                        if joinable!() {
                            let (byte, larg) = next_unit!();
                            if byte == Opcode::LOAD_FAST as u8 {
                                if let Some(local) = slot(&f.locals, larg as usize) {
                                    if !local.is_null() && push_from(stack, local) {
                                        joined!();
                                        join_load_const!();
                                    }
                                }
                            }
                        }
                    }
                    LOAD_ATTR => match stack.last().and_then(|&o| load_attr_hit(heap, run.attr_caches(), lasti, o, arg & 1 == 1)) {
                        // `obj.name`: the value replaces the owner (after a NULL for a call).
                        Some(AttrHit::Value(v)) => {
                            if arg & 1 == 1 {
                                if !has_room(stack) {
                                    leave!(Slow::Attr);
                                }
                                set_top(stack, Value::Null);
                                let _ = push_from(stack, v);
                            } else {
                                replace_top_from(stack, v);
                            }
                        }
                        // `obj.method(...)`: the function, then the owner.
                        Some(AttrHit::Method(func)) => {
                            if !copy_to_top(stack, 1) {
                                leave!(Slow::Attr);
                            }
                            let n = stack.len();
                            if let Some(slot) = slot_mut(stack, n - 2) {
                                *slot = *func;
                            }
                        }
                        None => leave!(Slow::Attr),
                    },
                    STORE_ATTR => match peek2(stack) {
                        (v, owner) if store_attr_hit(heap, run.attr_caches(), lasti, owner, v) => {
                            stack.truncate(stack.len() - 2);
                        }
                        _ => leave!(Slow::Attr),
                    },
                    CALL => {
                        let argc = arg as usize;
                        let plain = match f.kw_names {
                            None if depth < max_depth => plain_call(heap, stack, argc),
                            _ => None,
                        };
                        let Some((func, callee, total)) = plain else {
                            if f.kw_names.is_none() && builtin_call_inline(heap, identity, &classes, stack, argc) {
                                allocated!();
                                continue 'instr;
                            }
                            leave!(Slow::Call)
                        };
                        let (code_index, shape, globals) = (callee.code, callee.shape, callee.globals);
                        let Some(entry) = slot(codes, code_index) else { leave!(Slow::Call) };
                        sync!();
                        let args = top(stack, total);
                        let args = (args.as_ptr(), args.len());
                        // SAFETY: `plain_call` found `argc + 2` values on the stack, and
                        // the arguments stay there, past its new end (a `Value` needs no
                        // drop), in a buffer that nothing frees or writes before they
                        // are copied.
                        let args = unsafe {
                            stack.set_len(stack.len() - argc - 2);
                            std::slice::from_raw_parts(args.0, args.1)
                        };
                        // The callee runs next, in this pass: it starts at 0 with no
                        // EXTENDED_ARG bits, so `'frame`'s checks have nothing to do.
                        f = frames.call_in_place(entry, code_index, shape, globals, func, args);
                        depth += 1;
                        run_code_of_f!();
                        // The RESUME that starts a function's code runs here, as its
                        // arm would (budget, count, `lasti`): a pass of the loop's head less.
                        // (A `match`, not `== Some(..)`: under opt-level "z" that compare stays a call.)
                        let resume = match code.first() {
                            Some(&byte) => byte == Opcode::RESUME as u8,
                            None => false,
                        };
                        if resume && left != 0 {
                            left -= 1;
                            f.resumed = true;
                            (ip, lasti) = (2, 0);
                        } else {
                            (ip, lasti) = (0, 0);
                        }
                        budget_point!();
                        continue 'instr;
                    }
                    RETURN_VALUE | RETURN_CONST => {
                        // To a plain CALL the value goes onto the caller's stack; from
                        // `__init__` (which returned None) the new instance does.
                        let result = match (&f.on_return, returned(op, arg, stack, run.consts())) {
                            (OnReturn::Push, Some(v)) => Some(v as *const Value),
                            (OnReturn::PushInstance(instance), Some(Value::None)) => Some(instance as *const Value),
                            _ => None,
                        };
                        // Anything else returns the general way.
                        macro_rules! return_slow {
                            () => {{
                                let v = match op {
                                    RETURN_VALUE => pop(&mut f.stack),
                                    _ => run.consts().get(arg as usize).copied().unwrap_or(Value::None),
                                };
                                leave!(Slow::Return(v));
                            }};
                        }
                        let (Some(result), None, true) = (result, f.generator, depth >= 2) else { return_slow!() };
                        // (`depth >= 2`: the frame and its caller are both there. A caller
                        // whose stack has no room, see `has_room`, stays the last frame.)
                        let Some(caller) = frames.pop_in_place_with_room() else {
                            let Some(last) = frames.last_mut() else { continue 'frame };
                            f = last;
                            return_slow!()
                        };
                        // The value moves slot to slot (see `push_from`). SAFETY: the
                        // caller's stack has room for it (checked by `pop_in_place_with_room`),
                        // and it is in the finished frame's stack or box, or in the
                        // constants, none of which that moves or frees, not in the
                        // caller's stack.
                        unsafe { push_from_in_room(&mut caller.stack, &*result) };
                        // The caller goes on in this pass (its CALL ran in this loop,
                        // so it has no EXTENDED_ARG bits; `'frame` checks any other).
                        f = caller;
                        if f.ext_arg != 0 {
                            continue 'frame;
                        }
                        depth -= 1;
                        run_code_of_f!();
                        (ip, lasti) = (f.ip, f.lasti);
                        budget_point!();
                        continue 'instr;
                    }
                    // A generator hands the value over and waits: to its caller's
                    // FOR_ITER in this loop, or to the nested run that resumed it.
                    YIELD_VALUE if f.generator.is_some() && depth >= 2 => {
                        let Some(gen) = f.generator else { leave!(Slow::Dispatch) };
                        // Run by `sum` (`OnReturn::Sum`): an int is added, and the
                        // generator goes on at once with the None `sum`'s `next`
                        // sends (the RESUME next is forward: no budget point).
                        if let OnReturn::Sum { total } = &mut f.on_return {
                            let added = match stack.last() {
                                Some(Value::Int(i, _)) => total.checked_add(*i),
                                _ => None,
                            };
                            let Some(t) = added else { leave!(Slow::Dispatch) };
                            *total = t;
                            set_top(stack, Value::None);
                            continue 'instr;
                        }
                        let v = pop(stack);
                        sync!();
                        let Some(suspended) = frames.pop_suspended() else { continue 'frame };
                        let on_return = suspended.on_return;
                        if let Some(Object::Generator(g)) = heap.lookup_mut(gen) {
                            // Its resumption took the frame out: the `None` replaced needs
                            // no drop (an assignment calls one, 2 M Ir of generators.py).
                            std::mem::forget(g.frame.replace(suspended));
                            g.running = false;
                        }
                        if let OnReturn::ForIter { .. } = on_return {
                            // The caller goes on in this pass (see FOR_ITER).
                            let Some(caller) = frames.last_mut() else { continue 'frame };
                            f = caller;
                            depth -= 1;
                            push(&mut f.stack, v);
                            switch_to_f!();
                            // The STORE_FAST after FOR_ITER (`for x in gen`) runs here,
                            // as its arm would (an old generator there takes that arm).
                            if joinable!() {
                                let (byte, sarg) = next_unit!();
                                if byte == Opcode::STORE_FAST as u8 {
                                    if let Some(local) = slot_mut(&mut f.locals, sarg as usize) {
                                        if !is_generator(heap, *local) {
                                            move_top(&mut f.stack, local);
                                            joined!();
                                        }
                                    }
                                }
                            }
                            continue 'instr;
                        }
                        *nested_exit = Some(Ok(super::eval::FrameExit::Yield(v)));
                        *instructions = max_instructions - left;
                        return Slow::Yielded;
                    }
                    Other => leave!(Slow::Dispatch),
                    // A guarded arm whose guard failed.
                    _ => leave!(Slow::Dispatch),
                }
            }
        }
    }

    /// The instruction the fast loop handed over at: the running frame's
    /// `lasti`. (Its argument has no EXTENDED_ARG bits: the fast loop runs no
    /// instruction that has them.) `None` for a byte that is no opcode.
    fn instruction_at_lasti(&self) -> Option<(Opcode, u32)> {
        let f = self.frames.last().expect("frame");
        let code = &f.code.code;
        fetch(&DECODE, code, code.len().saturating_sub(1), f.lasti).map(|(op, arg, _)| (op, arg))
    }

    /// The fast loop counted a byte that is no opcode: it is counted and
    /// decoded again by `execute_instruction`, which reports it.
    fn execute_again(&mut self) -> PyResult<()> {
        self.instructions -= 1;
        let f = self.frames.last_mut().expect("frame");
        f.ip = f.lasti;
        self.execute_instruction()
    }

    /// LOAD_ATTR / STORE_ATTR through the instance attribute caches (see
    /// instance_attr.rs), else `dispatch`.
    fn attr_instruction(&mut self, op: Opcode, arg: u32) -> PyResult<()> {
        let f = self.frames.last().expect("frame");
        let stack = &f.stack;
        if op == Opcode::STORE_ATTR {
            let name = f.code.names.get(arg as usize).cloned();
            let (v, owner) = peek2(stack);
            if stack.len() >= 2 && name.is_some_and(|name| self.instance_setattr(owner, &name, v)) {
                let stack = &mut self.frames.last_mut().expect("frame").stack;
                stack.truncate(stack.len() - 2);
                return Ok(());
            }
            return self.dispatch(op, arg);
        }
        let (name, owner) = (f.code.names.get(arg as usize >> 1).cloned(), stack.last().copied());
        let method = arg & 1 == 1;
        let found = match (name, owner) {
            (Some(name), Some(owner)) => match self.instance_getattr(owner, &name, method) {
                None if method => self.builtin_method(owner, &name).map(|m| (m, owner)),
                found => found,
            },
            _ => None,
        };
        match found {
            Some((a, b)) => {
                let stack = &mut self.frames.last_mut().expect("frame").stack;
                stack.pop();
                if method {
                    push(stack, a);
                }
                push(stack, b);
                Ok(())
            }
            None => self.dispatch(op, arg),
        }
    }

    /// What `step_instruction` does after an instruction that may have raised,
    /// printed, allocated or ended a frame; true when the loop must stop.
    fn after_slow_instruction(&mut self, result: PyResult<()>, nested: bool) -> bool {
        if let Err(exc) = result {
            self.raise(exc);
        }
        if self.exit_code.is_some() || (nested && self.nested_exit.is_some()) {
            return true;
        }
        if self.stdout.len() + self.stderr.len() > self.limits.max_output_bytes {
            self.stop_by_output();
            return true;
        }
        if self.collection_due() {
            self.maybe_collect();
        }
        false
    }
}

/// The callee of a CALL when it is a Python function given exactly its
/// positional parameters (`try_fast_call`'s case): the function's id and
/// object, and how many stack values become its first locals (the
/// arguments, after `self` for a method).
#[inline(always)]
pub(super) fn plain_call<'h>(heap: &'h Heap, stack: &[Value], argc: usize) -> Option<(ObjId, &'h Function, usize)> {
    let n = stack.len();
    if n < argc + 2 {
        return None;
    }
    // SAFETY: `n - argc - 2` and `n - argc - 1` are in bounds (checked above).
    let (first, second) = unsafe { (*stack.as_ptr().add(n - argc - 2), *stack.as_ptr().add(n - argc - 1)) };
    let (callee, total) = if first.is_null() { (second, argc) } else { (first, argc + 1) };
    let fid = callee.obj()?;
    let Some(Object::Function(func)) = heap.lookup(fid) else { return None };
    // (`u32::MAX` for a code that takes more than positional parameters.)
    if func.shape.plain_argc as usize != total {
        return None;
    }
    Some((fid, func, total))
}

/// The builtin classes whose calls `builtin_call_inline` answers.
pub(super) struct InlineClasses {
    str: ObjId,
    range: ObjId,
}

/// The builtin calls CPython 3.12 specialises (CALL_NO_KW_LEN,
/// CALL_NO_KW_LIST_APPEND, CALL_NO_KW_STR_1), and a few more, answered in the
/// loop when they cannot fail or run Python code: `len` of a list, tuple or
/// dict, `sum` of a list or tuple of ints, `chr(i)`, `str(i)` and `range(...)` of ints, `list.append(x)`, the str
/// methods of `str_method_fast`, and `dict.get(k[, default])` with a key
/// `builtin_key` makes (str, int, float, bool, None). The stack is `[NULL, len, x]` or
/// `[method, receiver, args...]`; false leaves it as it was for
/// `call_instruction`. A generator argument always goes
/// there too: the general path releases it after the call.
///
/// Not inlined: in Chromium, V8 inlines more wasm callees into `run_loop` the
/// bigger it is, and past about 21 KB of `run_loop` that made fib and nbody
/// 10-15 % slower (bench/NOTES.md, "Session 10"); this moves 0.9 KB out.
#[inline(never)]
fn builtin_call_inline(heap: &mut Heap, singletons: &mut Singletons, classes: &InlineClasses, stack: &mut Vec<Value>, argc: usize) -> bool {
    use super::{builtins, methods};
    let n = stack.len();
    let Some(base) = n.checked_sub(argc + 2) else { return false };
    let (Some(&first), Some(&second), Some(&last)) = (slot(stack, base), slot(stack, base + 1), slot(stack, n - 1)) else {
        return false;
    };
    let result = match (first, heap.lookup(second.obj().unwrap_or(NO_OBJ))) {
        (Value::Null, Some(Object::Builtin(b))) if argc == 1 && same_fn(b.func, builtins::len) => {
            let len = match heap.lookup(last.obj().unwrap_or(NO_OBJ)) {
                Some(Object::List(items) | Object::Tuple(items)) => items.len(),
                Some(Object::Dict(d)) => d.len(),
                _ => return false,
            };
            Value::int(len as i64)
        }
        // `sum(items)` of a list or tuple of ints whose sum is an int too, as
        // `builtins::sum` adds them (a window's sum in generators.py).
        (Value::Null, Some(Object::Builtin(b))) if argc == 1 && same_fn(b.func, builtins::sum) => {
            let Some(Object::List(items) | Object::Tuple(items)) = heap.lookup(last.obj().unwrap_or(NO_OBJ)) else {
                return false;
            };
            match sum_ints(items) {
                Some(total) => total,
                None => return false,
            }
        }
        // `chr(i)`: the singleton below 256, as `builtins::chr` makes it.
        (Value::Null, Some(Object::Builtin(b))) if argc == 1 && same_fn(b.func, builtins::chr) => {
            let Value::Int(i, _) = last else { return false };
            match u32::try_from(i).ok().and_then(char::from_u32) {
                Some(c) => super::identity::char_value(heap, singletons, c),
                None => return false,
            }
        }
        // `range(...)` of ints (the inner loop's `range(i + 1, n)`), as `construct` makes it.
        (Value::Null, Some(Object::Class(_))) if (1..=3).contains(&argc) && second == Value::Obj(classes.range) => {
            let ints = stack.get(base + 2..).unwrap_or(&[]);
            let int = |k: usize| match ints.get(k) {
                Some(Value::Int(i, _)) => Some(*i),
                _ => None,
            };
            let (start, stop, step) = match argc {
                1 => (Some(0), int(0), Some(1)),
                2 => (int(0), int(1), Some(1)),
                _ => (int(0), int(1), int(2)),
            };
            let (Some(start), Some(stop), Some(step)) = (start, stop, step) else { return false };
            if step == 0 {
                return false;
            }
            Value::Obj(heap.alloc(Object::Range { start, stop, step }))
        }
        // `str(i)` of an int: its digits in a fresh str, as `Vm::str_value` writes them.
        (Value::Null, Some(Object::Class(_))) if argc == 1 && second == Value::Obj(classes.str) => match last {
            Value::Int(..) => match format_plain_fast(heap, last) {
                Some(v) => v,
                None => return false,
            },
            _ => return false,
        },
        (Value::Obj(method), Some(receiver)) => {
            let Some(Object::Descriptor(d)) = heap.lookup(method) else { return false };
            let func = d.func;
            if d.kind != DescrKind::Method || is_generator(heap, last) {
                return false;
            }
            match receiver {
                Object::Str(_) => match methods::str_method_fast(heap, singletons, func, second, stack.get(base + 2..).unwrap_or(&[])) {
                    Some(v) => v,
                    None => return false,
                },
                Object::List(_) if argc == 1 && same_fn(func, methods::list_append) => {
                    if let Some(Object::List(items)) = heap.lookup_mut(second.obj().unwrap_or(NO_OBJ)) {
                        push(items, last);
                    }
                    Value::None
                }
                Object::Dict(d) if (argc == 1 || argc == 2) && same_fn(func, methods::dict_get) => {
                    let Some(key) = slot(stack, base + 2).and_then(|&k| builtin_key(heap, k)) else { return false };
                    let default = if argc == 2 { last } else { Value::None };
                    d.get(&key).unwrap_or(default)
                }
                _ => return false,
            }
        }
        _ => return false,
    };
    stack.truncate(base);
    push(stack, result);
    true
}

/// GET_ITER of a range or a sequence read by position (`positional_iter`):
/// the iterator `Vm::iter` makes replaces it on top of the stack; false
/// (nothing changed) for anything else. Not inline: run mode's loop is one
/// big function, and the few frames that start a loop do not need its registers.
#[inline(never)]
fn get_iter(heap: &mut Heap, stack: &mut [Value]) -> bool {
    let seq = stack.last().and_then(|v| v.obj()).unwrap_or(NO_OBJ);
    let Some(it) = heap.lookup(seq).and_then(|object| positional_iter(object, seq)) else {
        return false;
    };
    let it = heap.alloc(Object::Iter(it));
    set_top(stack, Value::Obj(it));
    true
}

/// The sum of `items` when all are ints and so is their sum (else `None`,
/// and `builtins::sum` adds them). Kept out of `run_fast` natively (on the
/// wasm binaryen inlines it: its `loop` sits in the arm, off the path of
/// the instruction loop's headers).
#[inline(never)]
fn sum_ints(items: &[Value]) -> Option<Value> {
    let mut total: i64 = 0;
    for item in items {
        let Value::Int(i, _) = *item else { return None };
        total = total.checked_add(i)?;
    }
    Some(Value::int(total))
}

/// Whether two builtins are the same function (by address, as
/// `Vm::is_builtin_fn` tells them apart).
#[inline(always)]
pub(super) fn same_fn(a: BuiltinFn, b: BuiltinFn) -> bool {
    a as usize == b as usize
}

/// Whether `v` is a generator (the only kind of object `Vm::release` acts on).
#[inline(always)]
pub(super) fn is_generator(heap: &Heap, v: Value) -> bool {
    match v {
        Value::Obj(id) => matches!(heap.lookup(id), Some(Object::Generator(_))),
        _ => false,
    }
}

/// What the name caches of `dispatch`'s LOAD_GLOBAL / LOAD_NAME
/// (`cached_get`) already know about `co_names[name]` in the running code
/// (`caches`): its value from the first of `dicts` (dict, cache slot) that
/// has it; `None` when a cache is stale or the name is nowhere (the general
/// path then looks it up, or raises NameError).
#[inline(always)]
fn cached_name<'h>(heap: &'h Heap, caches: &[NameCache], name: u32, dicts: &[(ObjId, usize)]) -> Option<&'h Value> {
    for &(dict, cache) in dicts {
        let c = slot(caches, name as usize * 3 + cache)?;
        let Some(Object::Dict(d)) = heap.lookup(dict) else { return None };
        if c.dict != dict.0 || c.version != d.version() {
            return None;
        }
        // A `match`, not `and_then`: under opt-level "z" the closure stays a call.
        if let Some(v) = match c.position {
            Some(p) => d.value_at(p),
            None => None,
        } {
            return Some(v);
        }
    }
    None
}

/// What one name cache knows of a name in one dict (see `cached_in`).
enum Cached<'h> {
    /// The dict has it: its value.
    Found(&'h Value),
    /// The dict does not have it.
    Absent,
    /// The dict's keys changed since the cache was filled (or it never was).
    Stale,
}

/// Name cache `caches[at]` read for `dict`. A dict's version is never
/// reused, by it or any other dict, so a cache whose version is `dict`'s
/// was filled from this dict's keys as they are (`cached_name` compares the
/// dict's id too; that adds nothing).
#[inline(always)]
fn cached_in<'h>(heap: &'h Heap, caches: &[NameCache], at: usize, dict: ObjId) -> Cached<'h> {
    let (Some(c), Some(Object::Dict(d))) = (slot(caches, at), heap.lookup(dict)) else { return Cached::Stale };
    if c.version != d.version() {
        return Cached::Stale;
    }
    // A `match`, not `map_or`: under opt-level "z" the closure stays a call.
    match c.position {
        Some(p) => match d.value_at(p) {
            Some(v) => Cached::Found(v),
            None => Cached::Absent,
        },
        None => Cached::Absent,
    }
}

/// STORE_NAME into namespace `ns` of a name it already has (per its name cache).
#[inline(always)]
fn cached_store_name(heap: &mut Heap, caches: &[NameCache], ns: ObjId, name: u32, v: Value) -> bool {
    let Some(c) = slot(caches, name as usize * 3) else { return false };
    match (heap.lookup_mut(ns), c.position) {
        (Some(Object::Dict(d)), Some(p)) if c.dict == ns.0 && c.version == d.version() => {
            d.set_value_at(p, v);
            true
        }
        _ => false,
    }
}

/// `values.get(i)`, inline: under opt-level "z" slice indexing can stay a call.
#[inline(always)]
fn slot<T>(values: &[T], i: usize) -> Option<&T> {
    if i < values.len() {
        // SAFETY: `i` is in bounds.
        Some(unsafe { &*values.as_ptr().add(i) })
    } else {
        None
    }
}

/// `values.get_mut(i)`, inline (see `slot`).
#[inline(always)]
fn slot_mut<T>(values: &mut [T], i: usize) -> Option<&mut T> {
    if i < values.len() {
        // SAFETY: `i` is in bounds.
        Some(unsafe { &mut *values.as_mut_ptr().add(i) })
    } else {
        None
    }
}

/// SWAP: exchanges the top of the stack with the value `depth` places down
/// (2 = the one below it); false (nothing changed) when there is no such value.
#[inline(always)]
fn swap_top(stack: &mut [Value], depth: usize) -> bool {
    let n = stack.len();
    if depth < 2 || depth > n {
        return false;
    }
    // SAFETY: `n - 1` and `n - depth` are both in bounds (checked above).
    unsafe {
        let p = stack.as_mut_ptr();
        let top = *p.add(n - 1);
        *p.add(n - 1) = *p.add(n - depth);
        *p.add(n - depth) = top;
    }
    true
}

/// `stack.push(v)`, inline: under opt-level "z" (the wasm build) `Vec::push`
/// stays a call, which was a fifth of the loop's time.
#[inline(always)]
pub(super) fn push<T>(stack: &mut Vec<T>, v: T) {
    let n = stack.len();
    if n == stack.capacity() {
        stack.reserve(1);
    }
    // SAFETY: there is room for one more value (checked just above), and
    // the length covers it only once it is written.
    unsafe {
        stack.as_mut_ptr().add(n).write(v);
        stack.set_len(n + 1);
    }
}

/// Whether `stack` has room for one more value without growing. The fast
/// loop never grows a stack: a call there, even one never made, made
/// TurboFan spill the loop's values on the path taken (bench/NOTES.md,
/// "Session 10: the loop's head"). A frame's stack is made with room for its
/// code's `co_stacksize`, so there is always room; were there none, the
/// general path would run the instruction, and grow it.
#[inline(always)]
fn has_room(stack: &Vec<Value>) -> bool {
    stack.len() < stack.capacity()
}

/// Pushes a copy of `*src` (a local, a constant...), moved as 16 bytes
/// straight from its slot: a `Value` taken out into a variable first is
/// split into tag and payload and spilled to the shadow stack under
/// opt-level "z" (the wasm build). `src` must not be in `stack`. False
/// (nothing pushed) when the stack has no room (see `has_room`).
#[inline(always)]
#[must_use]
fn push_from(stack: &mut Vec<Value>, src: &Value) -> bool {
    let n = stack.len();
    if n == stack.capacity() {
        return false;
    }
    // SAFETY: there is room for one more value (checked just above), `src`
    // is a live value outside the stack's buffer, and the length covers the
    // new slot only once it is written.
    unsafe {
        std::ptr::copy_nonoverlapping(src, stack.as_mut_ptr().add(n), 1);
        stack.set_len(n + 1);
    }
    true
}

/// Pushes a copy of `*src` as `push_from` does, onto a stack known to have room.
///
/// # Safety
/// `stack.len() < stack.capacity()`, and `src` is a live value outside the stack's buffer.
#[inline(always)]
unsafe fn push_from_in_room(stack: &mut Vec<Value>, src: &Value) {
    let n = stack.len();
    // SAFETY: the caller's promise.
    unsafe {
        std::ptr::copy_nonoverlapping(src, stack.as_mut_ptr().add(n), 1);
        stack.set_len(n + 1);
    }
}

/// Pushes `v` if the stack has room (see `has_room`); false if not.
#[inline(always)]
#[must_use]
fn push_in_room(stack: &mut Vec<Value>, v: Value) -> bool {
    let n = stack.len();
    if n == stack.capacity() {
        return false;
    }
    // SAFETY: as in `push_from`.
    unsafe {
        stack.as_mut_ptr().add(n).write(v);
        stack.set_len(n + 1);
    }
    true
}

/// LOAD_GLOBAL's push of a copy of `*src` (see `push_from`), after a `Null`
/// for a call: false (nothing pushed) when the stack has no room for them.
#[inline(always)]
fn push_global(stack: &mut Vec<Value>, src: &Value, null: bool) -> bool {
    let n = stack.len();
    let k = 1 + null as usize;
    if stack.capacity() - n < k {
        return false;
    }
    // SAFETY: there is room for `k` more values (checked just above), `src`
    // is a live value outside the stack's buffer, and the length covers the
    // new slots only once they are written.
    unsafe {
        let p = stack.as_mut_ptr().add(n);
        p.write(Value::Null);
        std::ptr::copy_nonoverlapping(src, p.add(k - 1), 1);
        stack.set_len(n + k);
    }
    true
}

/// COPY: pushes a copy of the value `depth` places down (1 = the top;
/// `1 <= depth <= stack.len()`), moved as in `push_from`; false (nothing
/// pushed) when the stack has no room (see `has_room`).
#[inline(always)]
#[must_use]
fn copy_to_top(stack: &mut Vec<Value>, depth: usize) -> bool {
    let n = stack.len();
    if n == stack.capacity() {
        return false;
    }
    // SAFETY: `n - depth` is in bounds (the caller checked), there is room
    // for one more value, and the two slots differ.
    unsafe {
        let p = stack.as_mut_ptr();
        std::ptr::copy_nonoverlapping(p.add(n - depth), p.add(n), 1);
        stack.set_len(n + 1);
    }
    true
}

/// Replaces the value on top of a non-empty stack by `v`.
#[inline(always)]
fn set_top(stack: &mut [Value], v: Value) {
    if let Some(top) = stack.last_mut() {
        *top = v;
    }
}

/// Replaces the value on top of a non-empty stack by `*src` (see `push_from`).
#[inline(always)]
fn replace_top_from(stack: &mut [Value], src: &Value) {
    let n = stack.len();
    if n == 0 {
        return;
    }
    // SAFETY: `n - 1` is in bounds, `src` is outside the stack's buffer.
    unsafe { std::ptr::copy_nonoverlapping(src, stack.as_mut_ptr().add(n - 1), 1) }
}

/// Replaces the two values on top of the stack by `*src` (see `push_from`).
#[inline(always)]
fn replace_top2_from(stack: &mut Vec<Value>, src: &Value) {
    let n = stack.len();
    if n < 2 {
        return;
    }
    // SAFETY: `n - 2` is in bounds, `src` is outside the stack's buffer.
    unsafe {
        std::ptr::copy_nonoverlapping(src, stack.as_mut_ptr().add(n - 2), 1);
        stack.set_len(n - 1);
    }
}

/// Pops the top of a non-empty stack into `dst` (see `push_from`).
#[inline(always)]
fn move_top(stack: &mut Vec<Value>, dst: &mut Value) {
    let n = stack.len();
    if n == 0 {
        return;
    }
    // SAFETY: `n - 1` is in bounds, `dst` is outside the stack's buffer, and
    // `Value` is `Copy` (nothing to drop in either place).
    unsafe {
        std::ptr::copy_nonoverlapping(stack.as_ptr().add(n - 1), dst, 1);
        stack.set_len(n - 1);
    }
}

/// The value RETURN_VALUE (the top of `stack`) or RETURN_CONST (constant
/// `arg`, `None` if there is no such constant) returns, left in its slot.
#[inline(always)]
fn returned<'a>(op: Arm, arg: u32, stack: &'a [Value], consts: &'a [Value]) -> Option<&'a Value> {
    match op {
        Arm::RETURN_VALUE => stack.last(),
        _ => Some(slot(consts, arg as usize).unwrap_or(&Value::None)),
    }
}

/// The `k` values on top of the stack (all of it if it holds fewer), as a
/// slice: under opt-level "z" `&stack[n - k..]` stays a call.
#[inline(always)]
fn top(stack: &[Value], k: usize) -> &[Value] {
    let k = k.min(stack.len());
    // SAFETY: the last `k` values are in bounds.
    unsafe { std::slice::from_raw_parts(stack.as_ptr().add(stack.len() - k), k) }
}

/// The instruction at `ip`: its opcode, its argument byte and where the
/// next instruction starts (past its CACHE units); `None` when `ip` is not
/// on two bytes of the code (`code_end` is the code's length less one) or
/// the byte is no opcode.
#[inline(always)]
fn fetch(decode: &[Option<(Opcode, u8)>; 256], code: &[u8], code_end: usize, ip: usize) -> Option<(Opcode, u32, usize)> {
    if ip >= code_end {
        return None;
    }
    // SAFETY: `ip + 1 < code.len()` (checked above).
    let (byte, arg) = unsafe { (*code.as_ptr().add(ip), *code.as_ptr().add(ip + 1)) };
    let (op, caches) = decode[byte as usize]?;
    Some((op, arg as u32, ip + 2 + 2 * caches as usize))
}

/// The fast loop's fetch: the instruction's `Fast` arm instead of its opcode
/// (no `Option`: a byte that is no opcode reads as `Other`), and its width.
/// (`DECODE` is not read.)
#[inline(always)]
fn fetch_arm(code: &[u8], code_end: usize, ip: usize) -> Option<(Arm, u32, usize)> {
    if ip >= code_end {
        return None;
    }
    // SAFETY: `ip + 1 < code.len()` (checked above).
    let (byte, arg) = unsafe { (*code.as_ptr().add(ip), *code.as_ptr().add(ip + 1)) };
    let (op, width) = FAST_DECODE[byte as usize];
    Some((op, arg as u32, ip + width as usize))
}

/// The two values on top of the stack (`Null`s if there are fewer).
#[inline(always)]
fn peek2(stack: &[Value]) -> (Value, Value) {
    match stack {
        [.., a, b] => (*a, *b),
        _ => (Value::Null, Value::Null),
    }
}

/// Replaces the two values on top of the stack by `v` (a binary operation's result).
#[inline(always)]
fn replace_top2(stack: &mut Vec<Value>, v: Value) {
    pop(stack);
    if let Some(top) = stack.last_mut() {
        *top = v;
    }
}

/// `stack.pop()`, inline and without the `Option` (`Null` if the stack is
/// empty): under opt-level "z" `Vec::pop` stays a call, and its `Option`
/// result went through memory.
#[inline(always)]
fn pop(stack: &mut Vec<Value>) -> Value {
    let n = stack.len();
    if n == 0 {
        return Value::Null;
    }
    // SAFETY: `n - 1` is in bounds, and `Value` is `Copy` (nothing to drop).
    unsafe {
        stack.set_len(n - 1);
        *stack.as_ptr().add(n - 1)
    }
}

/// `items[i]`'s position for an int index (negative counts from the end);
/// out of range, a position `slot` rejects.
#[inline(always)]
fn seq_index(i: i64, len: usize) -> usize {
    let i = if i < 0 { i + len as i64 } else { i };
    if i >= 0 { i as usize } else { usize::MAX }
}

/// BINARY_OP on two ints or floats when the result is a plain int or float
/// (no overflow into a big int, no error); `None` leaves it to `binary_op`.
#[inline(always)]
fn fast_binary((lhs, rhs): (Value, Value), op: u32) -> Option<Value> {
    // 13.. are the in-place forms (`+=`) of 0..: the same for numbers.
    let base = if op >= 13 { op - 13 } else { op };
    match (lhs, rhs) {
        (Value::Int(a, _), Value::Int(b, _)) => match base {
            11 if b != 0 && a.abs() <= EXACT_FLOAT_INT && b.abs() <= EXACT_FLOAT_INT => {
                Some(Value::float(a as f64 / b as f64))
            }
            _ => super::ops::small_int_op(a, b, base as usize).map(Value::int),
        },
        (Value::Float(a, _), Value::Float(b, _)) => float_op(a, b, base),
        (Value::Float(a, _), Value::Int(b, _)) => float_op(a, b as f64, base),
        (Value::Int(a, _), Value::Float(b, _)) => float_op(a as f64, b, base),
        _ => None,
    }
}

/// `+ - * /` and `**` of floats; division by zero and the cases where `**`
/// overflows or leaves the reals go to `binary_op` for their errors.
#[inline(always)]
fn float_op(a: f64, b: f64, base: u32) -> Option<Value> {
    let r = match base {
        0 => a + b,
        5 => a * b,
        10 => a - b,
        11 if b != 0.0 => a / b,
        8 if a > 0.0 && a.is_finite() && b.is_finite() => {
            let r = a.powf(b);
            if r.is_infinite() {
                return None;
            }
            r
        }
        _ => return None,
    };
    Some(Value::float(r))
}

/// COMPARE_OP (`< <= == != > >=`) of two ints or two floats.
#[inline(always)]
fn fast_compare((lhs, rhs): (Value, Value), op: u32) -> Option<bool> {
    fn by<T: PartialOrd>(a: T, b: T, op: u32) -> bool {
        match op {
            0 => a < b,
            1 => a <= b,
            2 => a == b,
            3 => a != b,
            4 => a > b,
            _ => a >= b,
        }
    }
    match (lhs, rhs) {
        (Value::Int(a, _), Value::Int(b, _)) => Some(by(a, b, op)),
        (Value::Float(a, _), Value::Float(b, _)) => Some(by(a, b, op)),
        _ => None,
    }
}
