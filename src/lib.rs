//! PVM: Python source -> CPython 3.12 bytecode -> a stepping stack VM.
//!
//! Data flows one way through the modules:
//! `syntax` (tokens, AST, SyntaxError) -> `compiler` (symbol table, codegen,
//! optimisations, assembler) -> `bytecode` (the opcode table, CodeObject, dis)
//! -> `vm` (frames, eval loop, stepper) over `runtime` (objects and builtins).
//! `wasm` is the only WebAssembly surface; the core never sees wasm-bindgen.
//!
//! `#[cfg_attr(target_arch = "wasm32", track_caller)]` on a function is for the wasm's size:
//! every `v[i]`, `unwrap()` and `expect()` passes its own source location to the panic it
//! may raise (16 bytes of data per site, plus the code that passes them). In the wasm a
//! panic is an abort whose message nobody reads, so a function with several such sites
//! and few callers takes its caller's location instead (`track_caller`), and all its sites
//! share that one. Natively the attribute is off, so panic messages (tests, the fuzzer)
//! still name the exact line.

pub mod bytecode;
pub mod compiler;
pub mod runtime;
pub(crate) mod sort;
pub(crate) mod text;
pub mod stdlib;
pub mod syntax;
pub mod vm;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
