//! The runtime: Python objects, their operations, and the builtins.

pub mod repr;
mod unprintable;
