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
    /// stdout + stderr bytes a run may produce before it is stopped with a
    /// notice (the text so far is kept).
    pub max_output_bytes: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            recursion_depth: 1000,
            max_instructions: Some(100_000_000),
            memory_bytes: 512 << 20,
            max_int_bits: 1 << 23,
            native_stack_bytes: 512 << 10,
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
