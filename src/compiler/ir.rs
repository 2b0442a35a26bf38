//! The compiler's intermediate representation: instructions over labels,
//! including CPython's pseudo-instructions, and their source locations.

use crate::bytecode::Opcode;

/// A source location (CPython's `_PyCompilerSrcLocation`); `line < 0` means
/// "no location" (an artificial instruction that inherits one later).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Loc {
    pub line: i32,
    pub end_line: i32,
    pub col: i32,
    pub end_col: i32,
}

impl Loc {
    pub const NONE: Loc = Loc { line: -1, end_line: -1, col: -1, end_col: -1 };

    /// A span's location; the all-zero span of synthesised nodes is "no location".
    pub fn from_span(span: crate::syntax::ast::Span) -> Loc {
        if span.line == 0 {
            return Loc::NONE;
        }
        Loc {
            line: span.line as i32,
            end_line: span.end_line as i32,
            col: span.col as i32,
            end_col: span.end_col as i32,
        }
    }
}

/// An instruction opcode: a real CPython opcode or one of the compiler's
/// pseudo-instructions, which are rewritten before assembly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Real(Opcode),
    /// Pushes an exception handler (the target); becomes a NOP.
    SetupFinally,
    /// As SetupFinally, and the handler also receives `lasti`.
    SetupCleanup,
    /// The handler of a `with` block.
    SetupWith,
    /// Pops the innermost exception handler; becomes a NOP.
    PopBlock,
    /// Unconditional jump; becomes JUMP_FORWARD or JUMP_BACKWARD.
    Jump,
    /// Becomes JUMP_FORWARD or JUMP_BACKWARD_NO_INTERRUPT.
    JumpNoInterrupt,
    /// A STORE_FAST to a local that may hold NULL (inlined comprehensions).
    StoreFastMaybeNull,
}

impl Op {
    pub fn real(self) -> Option<Opcode> {
        match self {
            Op::Real(op) => Some(op),
            _ => None,
        }
    }

    pub fn is(self, op: Opcode) -> bool {
        self == Op::Real(op)
    }

    pub fn is_block_push(self) -> bool {
        matches!(self, Op::SetupFinally | Op::SetupCleanup | Op::SetupWith)
    }

    /// Has a jump target (CPython's HAS_TARGET): jumps and block pushes.
    pub fn has_target(self) -> bool {
        self.is_jump() || self.is_block_push()
    }

    pub fn is_jump(self) -> bool {
        use Opcode::*;
        match self {
            Op::Jump | Op::JumpNoInterrupt => true,
            Op::Real(op) => matches!(
                op,
                JUMP_FORWARD
                    | JUMP_BACKWARD
                    | JUMP_BACKWARD_NO_INTERRUPT
                    | POP_JUMP_IF_FALSE
                    | POP_JUMP_IF_TRUE
                    | POP_JUMP_IF_NONE
                    | POP_JUMP_IF_NOT_NONE
                    | FOR_ITER
                    | SEND
            ),
            _ => false,
        }
    }

    pub fn is_unconditional_jump(self) -> bool {
        use Opcode::*;
        matches!(self, Op::Jump | Op::JumpNoInterrupt)
            || matches!(self, Op::Real(JUMP_FORWARD | JUMP_BACKWARD | JUMP_BACKWARD_NO_INTERRUPT))
    }

    pub fn is_scope_exit(self) -> bool {
        use Opcode::*;
        matches!(self, Op::Real(RETURN_VALUE | RETURN_CONST | RAISE_VARARGS | RERAISE))
    }

    /// Ends a basic block while building the graph: any jump or scope exit.
    pub fn is_terminator(self) -> bool {
        self.is_jump() || self.is_scope_exit()
    }

    pub fn has_const(self) -> bool {
        matches!(self, Op::Real(Opcode::LOAD_CONST | Opcode::RETURN_CONST | Opcode::KW_NAMES))
    }


    /// Stack effect (CPython's `stack_effect(op, oparg, jump)`).
    pub fn stack_effect(self, oparg: u32, jump: bool) -> i32 {
        match self {
            Op::Real(op) => op.stack_effect(oparg, jump),
            Op::SetupFinally | Op::SetupWith => jump as i32,
            Op::SetupCleanup => 2 * jump as i32,
            Op::PopBlock | Op::Jump | Op::JumpNoInterrupt => 0,
            Op::StoreFastMaybeNull => -1,
        }
    }
}

/// A jump target in the instruction sequence codegen produces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Label(pub usize);

/// One instruction of the flat sequence produced by codegen.
#[derive(Clone, Debug)]
pub enum SeqItem {
    Instr { op: Op, arg: u32, target: Option<Label>, loc: Loc },
    Label(Label),
}
