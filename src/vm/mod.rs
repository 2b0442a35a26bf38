//! The virtual machine: frames on a Vec (never Rust recursion per Python
//! call), the eval loop with one short handler per opcode, and the stepper
//! that reports fetch / decode / execute events.

pub mod events;
