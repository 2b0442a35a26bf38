//! Bytecode: the opcode table, the code object, and the one disassembler
//! (`dis`) that the CLI, the trace, the page and the tests all use.

pub mod code;
pub mod dis;
pub mod opcode;

pub use code::{CodeObject, Constant, ExceptionEntry, Position};
pub use opcode::{ArgKind, Opcode};
