//! The budgets a program runs under — one place for every limit a user can
//! hit (documented in docs/limits.md). Run mode (the CLI and the page's Run),
//! the stepper and the wasm session all take a `Limits`; `Limits::default()`
//! is what they use unless told otherwise.
//!
//! CPython has no step or output limit and grows until the machine runs out
//! of memory; a page in a classroom tab cannot afford that, so pvm stops a
//! runaway program with a clear message instead of hanging or dying.

/// Exit status of a program stopped by a budget (the `timeout` command's
/// convention, also what the oracle reports for its own time limit).
pub const STOPPED_EXIT_CODE: i32 = 124;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Python frames that may be active at once (`sys.getrecursionlimit()`);
    /// one more call raises RecursionError, as in CPython.
    pub recursion_depth: usize,
    /// Bytecode instructions a run may execute before it is stopped
    /// (`None`: no limit). Counts instructions of nested runs too.
    pub max_instructions: Option<u64>,
    /// The largest object a single operation may build (a repeated or joined
    /// sequence, a string, an int's digits), and the most memory the live
    /// heap may hold: going past it raises MemoryError, as CPython does when
    /// its allocator fails.
    pub memory_bytes: usize,
    /// The largest int an arithmetic operation may build, in bits (beyond
    /// it `*`, `**` and `<<` raise MemoryError): 2**23 bits (1 MiB, about
    /// 2.5 million decimal digits) keeps every single operation under a
    /// second, where CPython would grind on for minutes.
    pub max_int_bits: u64,
    /// Native stack bytes that Python code run from inside builtins
    /// (`__repr__`, `__eq__`, sort keys...) may use, as each such call nests
    /// a Rust loop: beyond it the call raises RecursionError before the
    /// stack can overflow. Sized for wasm's 1 MiB stack.
    pub native_stack_bytes: usize,
    /// How deep Python code run by builtins may nest in itself (a nested
    /// run loop per level): in WebAssembly each level takes about 2 KiB of the
    /// engine's machine stack, which the wasm stack budget above does not
    /// see, so there this count is the bound that holds.
    pub max_nested_runs: usize,
    /// stdout + stderr bytes a run may produce before it is stopped with a
    /// notice (the text so far is kept).
    pub max_output_bytes: usize,
}

/// CPython 3.12.7's C recursion limit (`Py_C_RECURSION_LIMIT`): how deep the
/// repr of nested containers may go before `RecursionError: maximum
/// recursion depth exceeded while getting the repr of an object`.
pub const C_RECURSION_LIMIT: usize = 10_000;

/// The default `Limits::native_stack_bytes`: in WebAssembly 1.25 MiB of the
/// 16 MiB wasm stack (the engine's machine stack is the tighter bound there:
/// see `MAX_NESTED_RUNS`); natively, for library users on an ordinary
/// thread (the CLI sets its own), a quarter of a test thread's 2 MiB.
pub const NATIVE_STACK_BYTES: usize = if cfg!(target_arch = "wasm32") { 1280 << 10 } else { 512 << 10 };

/// The default `Limits::max_nested_runs`: in WebAssembly, 200 levels. In a
/// Chromium worker, with this limit lifted, a self-recursive `__lt__` through
/// `sorted` overflowed the engine's stack at 241 levels once its code was
/// optimised (a `__repr__` at 310); a sort key at 330. The run loop keeps
/// more in locals since then, so each level takes more of that stack.
/// Natively the stack budget rules.
pub const MAX_NESTED_RUNS: usize = if cfg!(target_arch = "wasm32") { 200 } else { usize::MAX };

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            recursion_depth: 1000,
            max_instructions: Some(100_000_000),
            memory_bytes: 512 << 20,
            max_int_bits: 1 << 23,
            native_stack_bytes: NATIVE_STACK_BYTES,
            max_nested_runs: MAX_NESTED_RUNS,
            max_output_bytes: 8 << 20,
        }
    }
}

impl Limits {
    /// No step budget (for a stepper that the user drives one step at a time).
    pub fn without_step_budget(self) -> Limits {
        Limits { max_instructions: None, ..self }
    }

    /// Whether an object of `items` elements of `item_bytes` each fits the
    /// memory budget (false on overflow too).
    pub fn fits(&self, items: usize, item_bytes: usize) -> bool {
        items.checked_mul(item_bytes).is_some_and(|n| n <= self.memory_bytes)
    }

    /// The notice printed when the step budget runs out.
    pub fn steps_notice(&self) -> String {
        let n = self.max_instructions.unwrap_or(0);
        format!(
            "pvm: stopped after {n} instructions: the step budget ran out (an endless loop?). \
             See docs/limits.md to raise it (pvm run --max-steps N).\n"
        )
    }

    /// The notice printed when the output limit is reached.
    pub fn output_notice(&self) -> String {
        format!(
            "\npvm: stopped: the program wrote more than {} bytes of output (the output limit; see docs/limits.md).\n",
            self.max_output_bytes
        )
    }
}

/// The native stack: how much of it the compiler and the VM may still use.
///
/// Recursive code (the parser on nested brackets, the compiler's passes on
/// deep trees, builtins calling back into Python) checks `stack::exhausted()`
/// before going deeper and reports CPython's error for the construct instead
/// of overflowing. The host says how big its stack is: the CLI runs on a
/// thread of `stack::CLI_BYTES`; the WebAssembly build's stack is
/// `stack::WASM_BYTES` (set by the linker, .cargo/config.toml) and sits at the
/// bottom of linear memory, so an address on it is the room left.
pub mod stack {
    use std::cell::Cell;

    /// The thread src/main.rs compiles and runs programs on.
    pub const CLI_BYTES: usize = 1 << 30;
    /// The wasm stack: `-zstack-size` in .cargo/config.toml.
    pub const WASM_BYTES: usize = 16 << 20;
    /// Kept free below any budget: room for the code that reports the error
    /// (and for leaf calls between two checks).
    const MARGIN: usize = 256 << 10;
    /// Assumed for a thread that never declared its stack (Rust's default
    /// for spawned threads, test threads included; the first check is near
    /// its top).
    const UNDECLARED_BYTES: usize = 2 << 20;

    thread_local! {
        /// The lowest address this thread's checks allow (0: not declared yet).
        static FLOOR: Cell<usize> = const { Cell::new(0) };
    }

    /// An address on the current stack frame.
    #[inline(always)]
    pub fn position() -> usize {
        let marker = 0u8;
        std::hint::black_box(&marker) as *const u8 as usize
    }

    /// Declares that the current thread has `bytes` of stack below this point.
    pub fn declare(bytes: usize) {
        let floor = position().saturating_sub(bytes.saturating_sub(MARGIN));
        FLOOR.with(|f| f.set(floor.max(1)));
    }

    /// Bytes of stack left below this point before the budget ends.
    pub fn remaining() -> usize {
        let here = position();
        if cfg!(target_arch = "wasm32") {
            // The stack grows down towards address 0 (wasm-ld's --stack-first).
            return here.saturating_sub(MARGIN);
        }
        let floor = FLOOR.with(|f| {
            if f.get() == 0 {
                f.set(here.saturating_sub(UNDECLARED_BYTES - MARGIN).max(1));
            }
            f.get()
        });
        here.saturating_sub(floor)
    }

    /// Levels of nested data (tuples inside tuples, as hash keys) the
    /// WebAssembly build recurses into: each takes machine stack of the
    /// engine's (see `WASM_BYTES`), which the wasm stack does not measure.
    const WASM_DATA_DEPTH: usize = 600;

    /// Native stack kept free for each level of recursion into nested data.
    const DATA_LEVEL_BYTES: usize = 64 << 10;

    /// Whether code recursing into nested data may go below `depth` levels:
    /// natively while the stack lasts, in wasm to `WASM_DATA_DEPTH`.
    pub fn data_nesting_ok(depth: usize) -> bool {
        if cfg!(target_arch = "wasm32") {
            depth < WASM_DATA_DEPTH
        } else {
            !exhausted(DATA_LEVEL_BYTES)
        }
    }

    /// Whether less than `needed` bytes of stack are left below this point.
    pub fn exhausted(needed: usize) -> bool {
        remaining() < needed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_checks_overflow_and_budget() {
        let l = Limits::default();
        assert!(l.fits(1000, 16));
        assert!(!l.fits(10_000_000_000, 8));
        assert!(!l.fits(usize::MAX, 2));
    }
}
