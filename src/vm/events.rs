//! What the stepper reports: one event per phase of an instruction
//! (fetch -> decode -> execute) and a snapshot of the machine between steps.
//!
//! The tests read these types directly and the page through `wasm.rs`, which
//! sends them as flat messages that its JavaScript decoder turns into objects
//! of the same shapes with camelCase keys. Values appear as their Python
//! `repr()`; the NULL that CALL expects below a callable appears as the
//! string "NULL".

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Fetch,
    Decode,
    Execute,
}

/// One step of the machine.
#[derive(Clone, Debug, PartialEq)]
pub enum StepEvent {
    Fetch(Fetch),
    Decode(Decode),
    Execute(Execute),
}

impl StepEvent {
    pub fn phase(&self) -> Phase {
        match self {
            StepEvent::Fetch(_) => Phase::Fetch,
            StepEvent::Decode(_) => Phase::Decode,
            StepEvent::Execute(_) => Phase::Execute,
        }
    }
}

/// The instruction pointer reads two bytes of `co_code`.
#[derive(Clone, Debug, PartialEq)]
pub struct Fetch {
    /// Index of the code object in `Session::code_objects()` order.
    pub code_index: usize,
    pub qualname: String,
    /// Byte offset of the instruction (`f_lasti`).
    pub offset: u32,
    pub opcode_byte: u8,
    pub oparg_byte: u8,
    /// `(offset, oparg byte)` of each EXTENDED_ARG directly before this
    /// instruction, whose bytes become the high bits of the argument.
    pub extended_args: Vec<(u32, u8)>,
    /// How many CACHE code units follow and will be skipped.
    pub cache_units: u32,
    /// Where the instruction pointer goes next if nothing jumps.
    pub next_offset: u32,
    pub line: Option<u32>,
    pub explanation: String,
}

/// A table an argument is looked up in while decoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LookupTable {
    CoConsts,
    CoNames,
    CoVarnames,
    /// Cells and free variables (locals-plus).
    CoCellFree,
    CmpOp,
    NbOps,
    Intrinsics,
    /// A relative jump: the value is the target offset.
    JumpOffset,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Lookup {
    pub table: LookupTable,
    pub index: u32,
    /// repr of what the table holds at `index` (or the target offset).
    pub value: String,
}

/// The opcode byte becomes a name, the oparg a value.
#[derive(Clone, Debug, PartialEq)]
pub struct Decode {
    pub offset: u32,
    pub opcode: u8,
    pub opname: String,
    /// The full argument (EXTENDED_ARG bytes included); `None` if the opcode takes none.
    pub oparg: Option<u32>,
    /// What `dis` prints in its last column.
    pub argrepr: String,
    pub lookup: Option<Lookup>,
    /// What the opcode and argument bytes mean ("Opcode 100 is LOAD_CONST with argument 0:
    /// co_consts[0] is 1."). What the opcode itself does and its stack effect are the opcode
    /// table's (`Opcode::explanation`, `Opcode::stack_notation`), which the page reads from
    /// www/opcode-docs.js.
    pub explanation: String,
}

/// A stack value moving on or off the operand stack.
#[derive(Clone, Debug, PartialEq)]
pub struct StackValue {
    pub repr: String,
    /// `type(x).__name__`, or "NULL".
    pub type_name: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Jump {
    pub target: u32,
    pub taken: bool,
}

/// The instruction runs.
#[derive(Clone, Debug, PartialEq)]
pub struct Execute {
    pub offset: u32,
    pub opname: String,
    /// Values popped, in the order they were on the stack (bottom first).
    pub popped: Vec<StackValue>,
    /// Values pushed, bottom first.
    pub pushed: Vec<StackValue>,
    pub jump: Option<Jump>,
    /// qualname of a frame this instruction pushed (a Python call).
    pub frame_pushed: Option<String>,
    /// repr of the value a frame returned to its caller when it was popped.
    pub frame_popped: Option<String>,
    /// Text written to stdout by this instruction.
    pub output: String,
    /// An exception raised by this instruction, as `Type: message`.
    pub exception: Option<String>,
    /// One sentence with the live values, e.g. "BINARY_OP + pops 3 and 4 and pushes 7".
    pub explanation: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Variable {
    pub name: String,
    pub repr: String,
    pub type_name: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FrameView {
    pub code_index: usize,
    pub qualname: String,
    /// Offset of the instruction being (or about to be) executed.
    pub offset: u32,
    pub line: Option<u32>,
    /// Bound locals (for `<module>`, the globals the program defined).
    pub locals: Vec<Variable>,
    /// The frame's operand stack, bottom first.
    pub stack: Vec<StackValue>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// The phase the next `step()` performs.
    pub next_phase: Phase,
    /// Events taken so far (phases).
    pub step_count: u64,
    /// Instructions executed so far.
    pub instruction_count: u64,
    /// Outermost first.
    pub frames: Vec<FrameView>,
    pub stdout: String,
    pub stderr: String,
    pub finished: bool,
    /// Set once finished: 0, or 1 after an uncaught exception or a SyntaxError.
    pub exit_code: Option<i32>,
}
