//! PVM: Python source -> CPython 3.12 bytecode -> a stepping stack VM.
//!
//! Data flows one way through the modules:
//! `syntax` (tokens, AST, SyntaxError) -> `compiler` (symbol table, codegen,
//! optimisations, assembler) -> `bytecode` (the opcode table, CodeObject, dis)
//! -> `vm` (frames, eval loop, stepper) over `runtime` (objects and builtins).
//! `wasm` is the only WebAssembly surface; the core never sees wasm-bindgen.

pub mod bytecode;
pub mod compiler;
pub mod runtime;
pub(crate) mod sort;
pub mod stdlib;
pub mod syntax;
pub mod vm;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
