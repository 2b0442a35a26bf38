//! PEP 695 at run time: the CALL_INTRINSIC_1 / CALL_INTRINSIC_2 operations that
//! `def f[T]`, `class Box[T]` and `type Alias = ...` compile to. The objects they make
//! (TypeVar, ParamSpec, TypeVarTuple, TypeAliasType, Generic) are typing.py's classes
//! (src/stdlib/typing.py), as in CPython, where they are the same objects `typing` exports.
//! Bounds, constraints and alias values stay unevaluated functions until first read.

use super::{PyResult, Vm};
use crate::runtime::object::Args;
use crate::runtime::value::Value;

const INTRINSIC_TYPEVAR: u32 = 7;
const INTRINSIC_PARAMSPEC: u32 = 8;
const INTRINSIC_TYPEVARTUPLE: u32 = 9;
const INTRINSIC_SUBSCRIPT_GENERIC: u32 = 10;
const INTRINSIC_TYPEALIAS: u32 = 11;

const INTRINSIC_TYPEVAR_WITH_BOUND: u32 = 2;
const INTRINSIC_TYPEVAR_WITH_CONSTRAINTS: u32 = 3;
const INTRINSIC_SET_FUNCTION_TYPE_PARAMS: u32 = 4;

impl Vm {
    /// Whether CALL_INTRINSIC_1's `which` is one of PEP 695's.
    pub(super) fn is_type_param_intrinsic_1(which: u32) -> bool {
        (INTRINSIC_TYPEVAR..=INTRINSIC_TYPEALIAS).contains(&which)
    }

    /// CALL_INTRINSIC_1 7..=11 on `v`.
    pub(super) fn type_param_intrinsic_1(&mut self, which: u32, v: Value) -> PyResult<Value> {
        match which {
            INTRINSIC_TYPEVAR => self.call_typing("_intrinsic_typevar", vec![v]),
            INTRINSIC_PARAMSPEC => self.call_typing("_intrinsic_paramspec", vec![v]),
            INTRINSIC_TYPEVARTUPLE => self.call_typing("TypeVarTuple", vec![v]),
            // Generic[*params], the base a generic class gets (its __mro_entries__ is Generic).
            INTRINSIC_SUBSCRIPT_GENERIC => {
                let generic = self.typing_attr("Generic")?;
                self.getitem(generic, v)
            }
            INTRINSIC_TYPEALIAS => {
                // (name, type_params or None, the function computing the value)
                let parts = self.sequence_items(v)?;
                self.call_typing("_intrinsic_typealias", parts)
            }
            _ => unreachable!("not a PEP 695 intrinsic: {which}"),
        }
    }

    /// CALL_INTRINSIC_2 2..=4: `first` was pushed first, `second` on top of it.
    pub(super) fn type_param_intrinsic_2(&mut self, which: u32, first: Value, second: Value) -> PyResult<Value> {
        match which {
            INTRINSIC_TYPEVAR_WITH_BOUND => self.call_typing("_intrinsic_typevar", vec![first, second]),
            INTRINSIC_TYPEVAR_WITH_CONSTRAINTS => {
                self.call_typing("_intrinsic_typevar", vec![first, Value::None, second])
            }
            INTRINSIC_SET_FUNCTION_TYPE_PARAMS => {
                self.setattr(first, "__type_params__", second)?;
                Ok(first)
            }
            _ => Err(self.exc(super::types::TypeId::RuntimeError, format!("pvm does not support intrinsic {which} yet"))),
        }
    }

    fn typing_attr(&mut self, name: &str) -> PyResult<Value> {
        let typing = self.import("typing", Value::None)?;
        self.getattr(typing, name)
    }

    fn call_typing(&mut self, name: &str, args: Vec<Value>) -> PyResult<Value> {
        let f = self.typing_attr(name)?;
        self.call(f, Args::new(args))
    }
}
