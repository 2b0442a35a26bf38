//! The runtime: Python objects, their operations, and the builtins.

pub mod casemap;
pub mod complex;
pub mod dict;
pub mod float_digits;
pub mod float_hex;
pub mod unicode_digits;
pub mod float_parse;
pub mod format;
pub mod heap;
pub mod int;
pub mod limits;
pub mod object;
pub mod pystr;
pub mod repr;
pub mod mt;
pub mod set;
mod unprintable;
pub mod value;
