//! Operators: arithmetic with Python's int/float semantics, comparisons,
//! truthiness, subscripts, and the dunder-method fallback for instances.

use crate::text::substr;
use super::types::TypeId;
use super::{PyResult, Vm};
use super::identity::{str_value, Singletons};
use crate::runtime::heap::Heap;
use crate::runtime::limits::Limits;
use crate::runtime::pystr::PyStr;
use crate::runtime::object::{Args, Iter, Object, ViewKind};
use crate::runtime::value::{ObjId, Value};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use std::cmp::Ordering;

/// A number operand, with bool already turned into int.
#[derive(Clone, Debug)]
pub(super) enum Num {
    Int(i64),
    Big(BigInt),
    Float(f64),
}

const OP_NAMES: [&str; 13] = ["+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"];
const OP_DUNDERS: [(&str, &str); 13] = [
    ("__add__", "__radd__"),
    ("__and__", "__rand__"),
    ("__floordiv__", "__rfloordiv__"),
    ("__lshift__", "__rlshift__"),
    ("__matmul__", "__rmatmul__"),
    ("__mul__", "__rmul__"),
    ("__mod__", "__rmod__"),
    ("__or__", "__ror__"),
    ("__pow__", "__rpow__"),
    ("__rshift__", "__rrshift__"),
    ("__sub__", "__rsub__"),
    ("__truediv__", "__rtruediv__"),
    ("__xor__", "__rxor__"),
];
const CMP_DUNDERS: [&str; 6] = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];
/// The reflected comparison: `a < b` falls back to `b > a`.
const CMP_SWAPPED: [usize; 6] = [4, 5, 2, 3, 0, 1];

/// An int operand borrowed where it lives: inline, or a heap big int.
#[derive(Clone, Copy)]
enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl<'a> IntRef<'a> {
    /// The number of bits of the magnitude, as `BigInt::bits`.
    fn bits(self) -> u64 {
        match self {
            IntRef::Small(i) => u64::from(64 - i.unsigned_abs().leading_zeros()),
            IntRef::Big(b) => b.bits(),
        }
    }

    fn is_zero(self) -> bool {
        match self {
            IntRef::Small(i) => i == 0,
            IntRef::Big(b) => b.is_zero(),
        }
    }

    /// The operand as a `BigInt`, copying only a small one.
    fn to_big(self) -> std::borrow::Cow<'a, BigInt> {
        match self {
            IntRef::Small(i) => std::borrow::Cow::Owned(BigInt::from(i)),
            IntRef::Big(b) => std::borrow::Cow::Borrowed(b),
        }
    }
}

fn big(n: &Num) -> BigInt {
    match n {
        Num::Int(i) => BigInt::from(*i),
        Num::Big(b) => b.clone(),
        Num::Float(f) => BigInt::from(*f as i64),
    }
}

/// The iterator `iter()` makes of a range, or of a sequence that is read by position at
/// each step (list, tuple, bytes, bytearray): the kinds that need nothing but the object
/// (`Vm::iter`, and run mode's GET_ITER); `None` for any other.
pub(super) fn positional_iter(object: &Object, id: ObjId) -> Option<Iter> {
    let kind = match object {
        &Object::Range { start, stop, step } => return Some(Iter::Range { next: start, stop, step }),
        Object::List(_) => "list",
        Object::Tuple(_) => "tuple",
        Object::Bytes(_) => "bytes",
        Object::ByteArray(_) => "bytearray",
        _ => return None,
    };
    Some(Iter::Seq { seq: id, index: 0, kind })
}

impl Vm {
    pub(super) fn num(&self, v: Value) -> Option<Num> {
        match v {
            Value::Bool(b) => Some(Num::Int(b as i64)),
            Value::Int(i, _) => Some(Num::Int(i)),
            Value::Float(f, _) => Some(Num::Float(f)),
            Value::Obj(id) => match self.heap.get(id) {
                Object::Int(b) => Some(Num::Big(b.clone())),
                _ => None,
            },
            _ => None,
        }
    }

    pub(super) fn num_value(&mut self, n: Num) -> Value {
        match n {
            Num::Int(i) => Value::int(i),
            Num::Big(b) => self.new_int(b),
            Num::Float(f) => Value::float(f),
        }
    }

    /// An int as f64, with CPython's error for ints too big for a float.
    pub(super) fn to_f64(&mut self, n: &Num) -> PyResult<f64> {
        match n {
            Num::Int(i) => Ok(*i as f64),
            Num::Float(f) => Ok(*f),
            Num::Big(b) => match b.to_f64() {
                Some(f) if f.is_finite() => Ok(f),
                _ => Err(self.exc(TypeId::OverflowError, "int too large to convert to float")),
            },
        }
    }

    pub fn truthy(&mut self, v: Value) -> PyResult<bool> {
        Ok(match v {
            Value::Null | Value::None => false,
            Value::Bool(b) => b,
            Value::Int(i, _) => i != 0,
            Value::Float(f, _) => f != 0.0,
            Value::Obj(id) => match self.heap.get(id) {
                Object::Str(s) => !s.is_empty(),
                Object::Bytes(b) => !b.is_empty(),
                Object::ByteArray(b) => !b.is_empty(),
                Object::Complex { re, im } => *re != 0.0 || *im != 0.0,
                Object::Int(b) => !b.is_zero(),
                Object::List(v) | Object::Tuple(v) => !v.is_empty(),
                Object::Deque { items, .. } => !items.is_empty(),
                Object::Dict(d) => !d.is_empty(),
                Object::Set { items, .. } => !items.is_empty(),
                Object::Range { .. } => self.len(v)? > 0,
                Object::Instance(_) | Object::Class(_) => {
                    if let Some(r) = self.call_dunder(v, "__bool__", vec![])? {
                        return match r {
                            Value::Bool(b) => Ok(b),
                            _ => {
                                let t = self.type_name(r);
                                self.type_error(format!("__bool__ should return bool, returned {t}"))
                            }
                        };
                    }
                    if let Some(r) = self.call_dunder(v, "__len__", vec![])? {
                        return Ok(self.index_of(r)? != 0);
                    }
                    true
                }
                _ => true,
            },
        })
    }

    pub(super) fn negate(&mut self, v: Value) -> PyResult<Value> {
        match self.num(v) {
            Some(Num::Int(i)) => Ok(match i.checked_neg() {
                Some(n) => Value::int(n),
                None => self.new_int(-BigInt::from(i)),
            }),
            Some(Num::Big(b)) => Ok(self.new_int(-b)),
            Some(Num::Float(f)) => Ok(Value::float(-f)),
            None => match self.complex_parts(v) {
                Some((re, im)) => Ok(self.new_complex((-re, -im))),
                None => self.unary_dunder(v, "__neg__", "unary -"),
            },
        }
    }

    pub(super) fn positive(&mut self, v: Value) -> PyResult<Value> {
        // `+x` of an exact int or float is `x` itself in CPython.
        if matches!(v, Value::Int(..) | Value::Float(..)) {
            return Ok(v);
        }
        match self.num(v) {
            Some(n) => Ok(self.num_value(n)),
            None if self.complex_parts(v).is_some() => Ok(v),
            None => self.unary_dunder(v, "__pos__", "unary +"),
        }
    }

    pub(super) fn invert(&mut self, v: Value) -> PyResult<Value> {
        match self.num(v) {
            Some(Num::Int(i)) => Ok(Value::int(!i)),
            Some(Num::Big(b)) => Ok(self.new_int(-b - 1)),
            _ => self.unary_dunder(v, "__invert__", "unary ~"),
        }
    }

    fn unary_dunder(&mut self, v: Value, dunder: &str, op: &str) -> PyResult<Value> {
        if let Some(r) = self.call_dunder(v, dunder, vec![])? {
            return Ok(r);
        }
        let t = self.type_name(v);
        self.type_error(format!("bad operand type for {op}: '{t}'"))
    }

    /// BINARY_OP with `dis`'s operator index (13.. are the in-place forms).
    pub fn binary_op(&mut self, lhs: Value, rhs: Value, op: u32) -> PyResult<Value> {
        let inplace = op >= 13;
        let base = (op % 13) as usize;
        if let (Value::Int(a, _), Value::Int(b, _)) = (lhs, rhs) {
            if let Some(r) = small_int_op(a, b, base) {
                return Ok(Value::int(r));
            }
        }
        if base == 0 {
            if let Some(r) = self.str_concat(lhs, rhs)? {
                return Ok(r);
            }
        }
        if let Some(r) = self.big_int_op(lhs, rhs, base) {
            return Ok(r);
        }
        if let (Some(a), Some(b)) = (self.num(lhs), self.num(rhs)) {
            let bools = matches!((lhs, rhs), (Value::Bool(_), Value::Bool(_)));
            let float_bitwise = matches!(base, 1 | 3 | 7 | 9 | 12) && (matches!(a, Num::Float(_)) || matches!(b, Num::Float(_)));
            // No number type implements `@` (matrix multiplication).
            if float_bitwise || base == 4 {
                return self.binary_type_error(lhs, rhs, base, inplace);
            }
            let r = self.arith(a, b, base)?;
            // bool & | ^ bool stays a bool.
            if bools && matches!(base, 1 | 7 | 12) {
                if let Value::Int(i, _) = r {
                    return Ok(Value::Bool(i != 0));
                }
            }
            return Ok(r);
        }
        if let Some(r) = self.complex_binary_op(lhs, rhs, base)? {
            return Ok(r);
        }
        if let Some(r) = self.sequence_op(lhs, rhs, base, inplace)? {
            return Ok(r);
        }
        // User-defined operators: __iadd__, then __add__, then rhs.__radd__.
        let (dunder, rdunder) = OP_DUNDERS[base];
        if inplace {
            let idunder = format!("__i{}", substr(&dunder, 2..));
            if let Some(r) = self.call_dunder(lhs, &idunder, vec![rhs])? {
                if !r.is(self.not_implemented()) {
                    return Ok(r);
                }
            }
        }
        if let Some(r) = self.call_dunder(lhs, dunder, vec![rhs])? {
            if !r.is(self.not_implemented()) {
                return Ok(r);
            }
        }
        if let Some(r) = self.call_dunder(rhs, rdunder, vec![lhs])? {
            if !r.is(self.not_implemented()) {
                return Ok(r);
            }
        }
        // `int | None`: a types.UnionType (type.__or__).
        if base == 7 {
            if let Some(r) = self.type_union(lhs, rhs) {
                return Ok(r);
            }
        }
        self.binary_type_error(lhs, rhs, base, inplace)
    }

    /// `+ - * // %` of two ints at least one of which is a big int object,
    /// computed from the heap's digits without copying either operand (the
    /// general path clones both). `None` leaves the operation, and any error
    /// it raises (division by zero, the int size budget), to `arith`.
    fn big_int_op(&mut self, lhs: Value, rhs: Value, base: usize) -> Option<Value> {
        use crate::runtime::int::{mul_word, rem_word, MAX_WORD};
        let (a, b) = (self.int_operand(lhs)?, self.int_operand(rhs)?);
        let fits_word = |n: i64| n != 0 && n.unsigned_abs() <= MAX_WORD;
        let r = match (base, a, b) {
            (_, IntRef::Small(_), IntRef::Small(_)) => return None,
            (5, ..) => {
                // The int size budget: `arith` raises its MemoryError.
                if a.bits() + b.bits() > self.limits.max_int_bits {
                    return None;
                }
                let product = match (a, b) {
                    (IntRef::Big(x), IntRef::Small(m)) | (IntRef::Small(m), IntRef::Big(x)) if m.unsigned_abs() <= MAX_WORD => {
                        mul_word(x, m)
                    }
                    _ => &*a.to_big() * &*b.to_big(),
                };
                // |a| >= 2^(bits - 1), so with 66 bits between them the
                // product is at least 2^64: no need to try it as an i64
                // (2^63 * -1 is i64::MIN).
                if a.bits() + b.bits() >= 66 {
                    return Some(Value::Obj(self.heap.alloc(Object::Int(product))));
                }
                product
            }
            (6, IntRef::Big(x), IntRef::Small(m)) if fits_word(m) => return Some(Value::int(rem_word(x, m))),
            (0, ..) => &*a.to_big() + &*b.to_big(),
            (10, ..) => &*a.to_big() - &*b.to_big(),
            (2 | 6, _, b) if b.is_zero() => return None,
            (2, ..) => a.to_big().div_floor(&b.to_big()),
            (6, ..) => a.to_big().mod_floor(&b.to_big()),
            _ => return None,
        };
        Some(self.new_int(r))
    }

    /// An exact int operand (not a bool, not an int subclass instance).
    #[inline]
    fn int_operand(&self, v: Value) -> Option<IntRef<'_>> {
        match v {
            Value::Int(i, _) => Some(IntRef::Small(i)),
            Value::Obj(id) => match self.heap.get(id) {
                Object::Int(b) => Some(IntRef::Big(b)),
                _ => None,
            },
            _ => None,
        }
    }

    fn binary_type_error(&mut self, lhs: Value, rhs: Value, base: usize, inplace: bool) -> PyResult<Value> {
        let (lt, rt) = (self.type_name(lhs), self.type_name(rhs));
        if base == 0 && lt == "str" {
            return self.type_error(format!("can only concatenate str (not \"{rt}\") to str"));
        }
        if base == 0 && (lt == "list" || lt == "tuple") && !inplace {
            return self.type_error(format!("can only concatenate {lt} (not \"{rt}\") to {lt}"));
        }
        const SEQUENCES: [&str; 5] = ["str", "list", "tuple", "bytes", "bytearray"];
        if base == 5 && SEQUENCES.contains(&lt.as_str()) && !matches!(rt.as_str(), "int" | "bool") {
            return self.type_error(format!("can't multiply sequence by non-int of type '{rt}'"));
        }
        if base == 5 && SEQUENCES.contains(&rt.as_str()) && !matches!(lt.as_str(), "int" | "bool") {
            return self.type_error(format!("can't multiply sequence by non-int of type '{lt}'"));
        }
        let mut name = OP_NAMES[base].to_string();
        if inplace {
            name.push('=');
        }
        if base == 8 && !inplace {
            name.push_str(" or pow()");
        }
        self.type_error(format!("unsupported operand type(s) for {name}: '{lt}' and '{rt}'"))
    }

    pub(super) fn arith(&mut self, a: Num, b: Num, op: usize) -> PyResult<Value> {
        use Num::*;
        if matches!(a, Float(_)) || matches!(b, Float(_)) || op == 11 {
            if matches!(op, 1 | 3 | 7 | 9 | 12) && (matches!(a, Float(_)) || matches!(b, Float(_))) {
                return Err(self.exc(TypeId::TypeError, "unsupported float operand"));
            }
            if !matches!(op, 1 | 3 | 7 | 9 | 12) {
                return self.float_arith(a, b, op);
            }
        }
        if let (Int(x), Int(y)) = (&a, &b) {
            let (x, y) = (*x, *y);
            let small = match op {
                0 => x.checked_add(y),
                10 => x.checked_sub(y),
                5 => x.checked_mul(y),
                1 => Some(x & y),
                7 => Some(x | y),
                12 => Some(x ^ y),
                2 | 6 if y == 0 => None,
                2 => (!(x == i64::MIN && y == -1)).then(|| Integer::div_floor(&x, &y)),
                // i64::MIN % -1 overflows in Rust; any x % -1 is 0.
                6 => Some(if y == -1 { 0 } else { Integer::mod_floor(&x, &y) }),
                9 if y >= 0 => Some(if y >= 64 { if x < 0 { -1 } else { 0 } } else { x >> y }),
                3 if (0..63).contains(&y) => x.checked_mul(1i64 << y).filter(|r| (r >> y) == x),
                8 if (0..64).contains(&y) => x.checked_pow(y as u32),
                _ => None,
            };
            if let Some(r) = small {
                return Ok(Value::int(r));
            }
        }
        let (x, y) = (big(&a), big(&b));
        self.check_int_result(&x, &y, op)?;
        let r = match op {
            0 => x + y,
            10 => x - y,
            5 => x * y,
            1 => x & y,
            7 => x | y,
            12 => x ^ y,
            2 | 6 => {
                if y.is_zero() {
                    let msg = if op == 2 { "integer division or modulo by zero" } else { "integer modulo by zero" };
                    return Err(self.exc(TypeId::ZeroDivisionError, msg));
                }
                if op == 2 {
                    x.div_floor(&y)
                } else {
                    x.mod_floor(&y)
                }
            }
            3 | 9 => {
                if y.is_negative() {
                    return self.value_error("negative shift count");
                }
                let Some(n) = y.to_usize().filter(|n| *n < 1 << 24 || op == 3) else {
                    if op == 9 {
                        return Ok(Value::int(if x.is_negative() { -1 } else { 0 }));
                    }
                    return Err(self.exc(TypeId::OverflowError, "too many digits in integer"));
                };
                if op == 3 {
                    x << n
                } else {
                    x >> n
                }
            }
            8 => {
                if y.is_negative() {
                    return self.float_arith(a, b, 8);
                }
                // 0, 1 and -1 stay small whatever the exponent; any other
                // base was checked against the int size budget above.
                if x.magnitude() <= &num_bigint::BigUint::from(1u8) {
                    let r = if x.is_zero() { y.is_zero() as i64 } else if x.is_negative() && y.is_odd() { -1 } else { 1 };
                    BigInt::from(r)
                } else {
                    num_traits::pow(x, y.to_usize().unwrap_or(0))
                }
            }
            _ => unreachable!("operator {op}"),
        };
        Ok(self.new_int(r))
    }

    /// MemoryError before `x op y` builds an int larger than the int size
    /// budget (only `*`, `**` and `<<` can grow an int that far at once).
    fn check_int_result(&mut self, x: &BigInt, y: &BigInt, op: usize) -> PyResult<()> {
        let (xb, yb) = (x.bits(), y.bits());
        let bits = match op {
            5 => xb + yb,
            8 if !y.is_negative() && xb > 1 => y.to_u64().map_or(u64::MAX, |e| xb.saturating_mul(e)),
            3 if !x.is_zero() && !y.is_negative() => y.to_u64().map_or(u64::MAX, |n| xb.saturating_add(n)),
            _ => return Ok(()),
        };
        if bits <= self.limits.max_int_bits {
            return Ok(());
        }
        if op == 3 && y.to_isize().is_none() {
            return Err(self.exc(TypeId::OverflowError, "too many digits in integer"));
        }
        Err(self.exc_with_args(TypeId::MemoryError, vec![]))
    }

    fn float_arith(&mut self, a: Num, b: Num, op: usize) -> PyResult<Value> {
        let x = self.to_f64(&a)?;
        let y = self.to_f64(&b)?;
        let both_int = !matches!(a, Num::Float(_)) && !matches!(b, Num::Float(_));
        let r = match op {
            0 => x + y,
            10 => x - y,
            5 => x * y,
            11 => {
                if y == 0.0 {
                    let msg = if both_int { "division by zero" } else { "float division by zero" };
                    return Err(self.exc(TypeId::ZeroDivisionError, msg));
                }
                x / y
            }
            2 => {
                if y == 0.0 {
                    return Err(self.exc(TypeId::ZeroDivisionError, "float floor division by zero"));
                }
                float_floordiv(x, y)
            }
            6 => {
                if y == 0.0 {
                    return Err(self.exc(TypeId::ZeroDivisionError, "float modulo"));
                }
                float_mod(x, y)
            }
            8 => {
                if x == 0.0 && y < 0.0 {
                    return Err(self.exc(TypeId::ZeroDivisionError, "0.0 cannot be raised to a negative power"));
                }
                if x < 0.0 && y.fract() != 0.0 {
                    return self.value_error("pvm does not support complex numbers yet");
                }
                let r = x.powf(y);
                if r.is_infinite() && x.is_finite() && y.is_finite() {
                    return Err(self.exc(TypeId::OverflowError, "(34, 'Numerical result out of range')"));
                }
                r
            }
            _ => unreachable!("float operator {op}"),
        };
        Ok(Value::float(r))
    }

    /// `a + b` of two strs; None unless both are strs (see `concat_strs`).
    fn str_concat(&mut self, lhs: Value, rhs: Value) -> PyResult<Option<Value>> {
        if let Some(v) = concat_strs(&mut self.heap, &mut self.identity, &self.limits, lhs, rhs) {
            return Ok(Some(v));
        }
        match str_pair(&self.heap, lhs, rhs) {
            // Two strs whose concatenation the memory budget cannot hold.
            Some(_) => Err(self.exc_with_args(TypeId::MemoryError, vec![])),
            None => Ok(None),
        }
    }

    /// `+` and `*` of str/list/tuple, `%` formatting, set and dict operators.
    fn sequence_op(&mut self, lhs: Value, rhs: Value, op: usize, inplace: bool) -> PyResult<Option<Value>> {
        if let Some(r) = self.bytes_binary_op(lhs, rhs, op, inplace)? {
            return Ok(Some(r));
        }
        let (Some(l), r) = (lhs.obj(), rhs) else {
            if let (Some(n), Some(_)) = (self.num(lhs), rhs.obj()) {
                if op == 5 {
                    if let Num::Int(_) | Num::Big(_) = n {
                        return self.sequence_op(rhs, lhs, op, false);
                    }
                }
            }
            return Ok(None);
        };
        match (op, self.heap.get(l), r.obj().map(|id| self.heap.get(id))) {
            (0, Object::Str(_), Some(Object::Str(_))) => self.str_concat(lhs, rhs),
            (0, Object::List(a), Some(Object::List(b))) => {
                let b = b.clone();
                if inplace {
                    if let Object::List(a) = self.heap.get_mut(l) {
                        a.extend(b);
                    }
                    return Ok(Some(lhs));
                }
                let mut v = a.clone();
                v.extend(b);
                Ok(Some(self.new_list(v)))
            }
            (0, Object::List(_), _) if inplace => {
                let items = self.collect_hinted(rhs)?;
                if let Object::List(a) = self.heap.get_mut(l) {
                    a.extend(items);
                }
                Ok(Some(lhs))
            }
            (0, Object::Tuple(a), Some(Object::Tuple(b))) => {
                let mut v = a.clone();
                v.extend_from_slice(b);
                Ok(Some(self.new_tuple(v)))
            }
            (5, Object::Str(_) | Object::List(_) | Object::Tuple(_), _) if matches!(self.num(rhs), Some(Num::Int(_) | Num::Big(_))) => {
                let n = match self.num(rhs) {
                    Some(Num::Int(n)) => n.max(0) as usize,
                    _ => return Err(self.exc(TypeId::OverflowError, "cannot fit 'int' into an index-sized integer")),
                };
                let (len, item_bytes) = match self.heap.get(l) {
                    Object::Str(s) => (s.len(), 1),
                    Object::List(v) | Object::Tuple(v) => (v.len(), std::mem::size_of::<Value>()),
                    _ => (0, 0),
                };
                self.check_size(len.saturating_mul(n), item_bytes)?;
                match self.heap.get(l) {
                    // Once over, a str or a tuple is itself (it cannot change).
                    Object::Str(_) | Object::Tuple(_) if n == 1 => Ok(Some(lhs)),
                    Object::Str(s) => {
                        let s = s.repeat(n);
                        Ok(Some(self.new_string(s)))
                    }
                    Object::List(v) => {
                        let v: Vec<Value> = v.iter().copied().cycle().take(v.len() * n).collect();
                        if inplace {
                            if let Object::List(a) = self.heap.get_mut(l) {
                                *a = v;
                            }
                            return Ok(Some(lhs));
                        }
                        Ok(Some(self.new_list(v)))
                    }
                    Object::Tuple(v) => {
                        let v: Vec<Value> = v.iter().copied().cycle().take(v.len() * n).collect();
                        Ok(Some(self.new_tuple(v)))
                    }
                    _ => Ok(None),
                }
            }
            (6, Object::Str(s), _) => {
                let s = s.clone();
                let r = self.percent_format(&s, rhs)?;
                Ok(Some(self.percent_result(&s, rhs, r)))
            }
            (1 | 7 | 10 | 12, Object::Set { .. }, Some(Object::Set { .. })) => Ok(Some(self.set_op(lhs, rhs, op, inplace)?)),
            (7, Object::Dict(a), Some(Object::Dict(_))) => {
                if inplace {
                    self.dict_update(lhs, rhs, false)?;
                    return Ok(Some(lhs));
                }
                let copy = Object::Dict(a.clone());
                let d = Value::Obj(self.heap.alloc(copy));
                self.dict_update(d, rhs, false)?;
                Ok(Some(d))
            }
            _ => Ok(None),
        }
    }

    /// COMPARE_OP with `dis.cmp_op`'s index.
    pub fn compare(&mut self, lhs: Value, rhs: Value, op: usize) -> PyResult<Value> {
        if let (Value::Int(a, _), Value::Int(b, _)) = (lhs, rhs) {
            // The hot case of loops and recursion, without building `Num`s.
            let r = match op {
                0 => a < b,
                1 => a <= b,
                2 => a == b,
                3 => a != b,
                4 => a > b,
                _ => a >= b,
            };
            return Ok(Value::Bool(r));
        }
        match op {
            2 => return Ok(Value::Bool(self.eq(lhs, rhs)?)),
            3 => return Ok(Value::Bool(!self.eq(lhs, rhs)?)),
            _ => {}
        }
        if let Some(ord) = self.builtin_cmp(lhs, rhs)? {
            let r = match op {
                0 => ord == Some(Ordering::Less),
                1 => matches!(ord, Some(Ordering::Less | Ordering::Equal)),
                4 => ord == Some(Ordering::Greater),
                _ => matches!(ord, Some(Ordering::Greater | Ordering::Equal)),
            };
            return Ok(Value::Bool(r));
        }
        if let Some(r) = self.rich_compare_dunder(lhs, rhs, op)? {
            return Ok(r);
        }
        let (lt, rt) = (self.type_name(lhs), self.type_name(rhs));
        let sym = crate::bytecode::opcode::CMP_OPS[op];
        self.type_error(format!("'{sym}' not supported between instances of '{lt}' and '{rt}'"))
    }

    fn rich_compare_dunder(&mut self, lhs: Value, rhs: Value, op: usize) -> PyResult<Option<Value>> {
        if let Some(r) = self.call_dunder(lhs, CMP_DUNDERS[op], vec![rhs])? {
            if !r.is(self.not_implemented()) {
                return Ok(Some(r));
            }
        }
        if let Some(r) = self.call_dunder(rhs, CMP_DUNDERS[CMP_SWAPPED[op]], vec![lhs])? {
            if !r.is(self.not_implemented()) {
                return Ok(Some(r));
            }
        }
        Ok(None)
    }

    /// Ordering of builtin values; `Ok(None)` when the types do not order
    /// (the caller then tries dunders), `Ok(Some(None))` for NaN.
    fn builtin_cmp(&mut self, a: Value, b: Value) -> PyResult<Option<Option<Ordering>>> {
        self.enter_native(" in comparison")?;
        if let (Some(x), Some(y)) = (self.num(a), self.num(b)) {
            return Ok(Some(num_cmp(&x, &y)));
        }
        if let (Some(s), Some(t)) = (self.byte_data(a), self.byte_data(b)) {
            return Ok(Some(Some(s.cmp(t))));
        }
        let (Some(x), Some(y)) = (a.obj(), b.obj()) else { return Ok(None) };
        match (self.heap.get(x), self.heap.get(y)) {
            (Object::Str(s), Object::Str(t)) => Ok(Some(Some(s.cmp(t)))),
            (Object::List(s), Object::List(t)) | (Object::Tuple(s), Object::Tuple(t)) => {
                let (s, t) = (s.clone(), t.clone());
                self.compare_items(|vm| {
                    for (p, q) in s.iter().zip(t.iter()) {
                        // Numbers and strs order without the general path.
                        match scalar_order(&vm.heap, *p, *q) {
                            Some(Ordering::Equal) => continue,
                            Some(o) => return Ok(Some(Some(o))),
                            None => {}
                        }
                        if !vm.eq(*p, *q)? {
                            let lt = vm.compare(*p, *q, 0)?;
                            return Ok(Some(Some(if vm.truthy(lt)? { Ordering::Less } else { Ordering::Greater })));
                        }
                    }
                    Ok(Some(Some(s.len().cmp(&t.len()))))
                })
            }
            (Object::Set { items: s, .. }, Object::Set { items: t, .. }) => {
                let sub = s.keys().into_iter().all(|k| self.hash_key(k).map(|h| t.contains(&h)).unwrap_or(false));
                let sup = t.keys().into_iter().all(|k| self.hash_key(k).map(|h| s.contains(&h)).unwrap_or(false));
                Ok(Some(match (sub, sup) {
                    (true, true) => Some(Ordering::Equal),
                    (true, false) => Some(Ordering::Less),
                    (false, true) => Some(Ordering::Greater),
                    _ => None,
                }))
            }
            _ => Ok(None),
        }
    }

    /// Compares the items of two containers one level further down: a
    /// RecursionError past CPython's C recursion limit (or wasm's nesting
    /// limit, as these levels take the engine's machine stack).
    fn compare_items<T>(&mut self, compare: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
        if !crate::runtime::limits::stack::data_nesting_ok(self.compare_depth)
            || self.compare_depth >= crate::runtime::limits::C_RECURSION_LIMIT
        {
            return Err(self.exc(TypeId::RecursionError, "maximum recursion depth exceeded in comparison"));
        }
        self.compare_depth += 1;
        let result = compare(self);
        self.compare_depth -= 1;
        result
    }

    /// Python `==`.
    pub fn eq(&mut self, a: Value, b: Value) -> PyResult<bool> {
        self.enter_native(" in comparison")?;
        // Key and item views compare like sets.
        let is_set_view = |vm: &Vm, v: Value| {
            matches!(v.obj().map(|i| vm.heap.get(i)), Some(Object::DictView { kind: ViewKind::Keys | ViewKind::Items, .. }))
        };
        if is_set_view(self, a) || is_set_view(self, b) {
            let is_setlike = |vm: &Vm, v: Value| is_set_view(vm, v) || matches!(v.obj().map(|i| vm.heap.get(i)), Some(Object::Set { .. }));
            if !(is_setlike(self, a) && is_setlike(self, b)) {
                return Ok(false);
            }
            let (xa, xb) = (self.collect_iterable(a)?, self.collect_iterable(b)?);
            let (sa, sb) = (self.new_set(xa, false)?, self.new_set(xb, false)?);
            return self.eq(sa, sb);
        }
        if let (Some(x), Some(y)) = (self.num(a), self.num(b)) {
            return Ok(num_cmp(&x, &y) == Some(Ordering::Equal));
        }
        if let Some(r) = self.complex_eq(a, b) {
            return Ok(r);
        }
        let (Some(x), Some(y)) = (a.obj(), b.obj()) else {
            if a.is(b) {
                return Ok(true);
            }
            if let Some(r) = self.eq_dunder(a, b)? {
                return Ok(r);
            }
            return Ok(false);
        };
        if x == y && !matches!(self.heap.get(x), Object::Instance(_)) {
            return Ok(true);
        }
        if let (Some(s), Some(t)) = (self.byte_data(a), self.byte_data(b)) {
            return Ok(s == t);
        }
        match (self.heap.get(x), self.heap.get(y)) {
            (Object::Str(s), Object::Str(t)) => Ok(s == t),
            (Object::List(s), Object::List(t)) | (Object::Tuple(s), Object::Tuple(t)) => {
                if s.len() != t.len() {
                    return Ok(false);
                }
                let (s, t) = (s.clone(), t.clone());
                self.compare_items(|vm| {
                    for (p, q) in s.into_iter().zip(t) {
                        if !vm.eq(p, q)? {
                            return Ok(false);
                        }
                    }
                    Ok(true)
                })
            }
            (Object::Dict(s), Object::Dict(t)) => {
                if s.len() != t.len() {
                    return Ok(false);
                }
                let (s, t) = (s.clone(), t.clone());
                self.compare_items(|vm| {
                    for (k, v) in s.iter() {
                        let h = vm.key(k)?;
                        match t.get(&h) {
                            Some(w) if vm.eq(v, w)? => {}
                            _ => return Ok(false),
                        }
                    }
                    Ok(true)
                })
            }
            (Object::Set { items: s, .. }, Object::Set { items: t, .. }) => {
                if s.len() != t.len() {
                    return Ok(false);
                }
                let keys = s.keys();
                let t = t.clone();
                for k in keys {
                    let h = self.key(k)?;
                    if !t.contains(&h) {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            // Equal as sequences: range(0, 6, 2) == range(0, 5, 2), range(0) == range(4, 2).
            (&Object::Range { start, stop, step }, &Object::Range { start: s2, stop: e2, step: t2 }) => {
                let len = range_len(start, stop, step);
                Ok(len == range_len(s2, e2, t2) && (len == 0 || start == s2 && (len == 1 || step == t2)))
            }
            (Object::Method { func: f1, receiver: r1 }, Object::Method { func: f2, receiver: r2 }) => {
                Ok(f1.is(*f2) && r1.is(*r2))
            }
            _ => {
                if let Some(r) = self.eq_dunder(a, b)? {
                    return Ok(r);
                }
                Ok(x == y)
            }
        }
    }

    fn eq_dunder(&mut self, a: Value, b: Value) -> PyResult<Option<bool>> {
        let has = |vm: &Vm, v: Value| matches!(v.obj().map(|id| vm.heap.get(id)), Some(Object::Instance(_)));
        if !has(self, a) && !has(self, b) {
            return Ok(None);
        }
        match self.rich_compare_dunder(a, b, 2)? {
            Some(r) => Ok(Some(self.truthy(r)?)),
            None => Ok(Some(a.is(b))),
        }
    }

    /// `item in container`.
    pub fn contains(&mut self, container: Value, item: Value) -> PyResult<bool> {
        if let Some(id) = container.obj() {
            match self.heap.get(id) {
                Object::Str(s) => {
                    let s = s.clone();
                    let Some(Object::Str(sub)) = item.obj().map(|i| self.heap.get(i)) else {
                        let t = self.type_name(item);
                        return self.type_error(format!("'in <string>' requires string as left operand, not {t}"));
                    };
                    return Ok(crate::text::contains(&s, sub));
                }
                Object::Bytes(_) | Object::ByteArray(_) => return self.bytes_contains(container, item),
                Object::Dict(_) => {
                    let h = self.key_in(id, item)?;
                    return Ok(matches!(self.heap.get(id), Object::Dict(d) if d.contains(&h)));
                }
                Object::DictView { dict, kind: ViewKind::Keys } => {
                    let d = Value::Obj(*dict);
                    return self.contains(d, item);
                }
                Object::Set { .. } => {
                    let h = self.key_in(id, item)?;
                    return Ok(matches!(self.heap.get(id), Object::Set { items, .. } if items.contains(&h)));
                }
                Object::List(v) | Object::Tuple(v) => {
                    let v = v.clone();
                    for x in v {
                        if x.is(item) || self.eq(x, item)? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                }
                Object::Range { start, stop, step } => {
                    let (start, stop, step) = (*start, *stop, *step);
                    return Ok(match self.num(item) {
                        Some(Num::Int(i)) => {
                            let inside = if step > 0 { i >= start && i < stop } else { i <= start && i > stop };
                            inside && (i - start) % step == 0
                        }
                        _ => false,
                    });
                }
                Object::Instance(_) | Object::Class(_) => {
                    if let Some(r) = self.call_dunder(container, "__contains__", vec![item])? {
                        return self.truthy(r);
                    }
                }
                _ => {}
            }
        }
        let it = match self.iter(container) {
            Ok(it) => it,
            Err(_) => {
                let t = self.type_name(container);
                return self.type_error(format!("argument of type '{t}' is not iterable"));
            }
        };
        while let Some(x) = self.next(it)? {
            if x.is(item) || self.eq(x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Looks a dunder method up on the type of `obj` (instances of user
    /// classes only) and calls it; `None` if the class does not define it.
    pub(super) fn call_dunder(&mut self, obj: Value, name: &str, args: Vec<Value>) -> PyResult<Option<Value>> {
        let Some(id) = obj.obj() else { return Ok(None) };
        let class = match self.heap.get(id) {
            Object::Instance(i) => i.class,
            // A class whose metaclass defines the dunder (`for m in Color`).
            Object::Class(c) => match c.metaclass {
                Some(meta) => meta,
                None => return Ok(None),
            },
            _ => return Ok(None),
        };
        let Some(f) = self.lookup_dunder(class, name) else { return Ok(None) };
        let mut all = vec![obj];
        all.extend(args);
        let f = self.bind_class_attr(f, obj, class);
        let _ = all.remove(0);
        Ok(Some(self.call(f, Args::new(all))?))
    }

    /// `len(v)`.
    pub fn len(&mut self, v: Value) -> PyResult<usize> {
        if let Some(id) = v.obj() {
            match self.heap.get(id) {
                Object::Str(s) => return Ok(s.chars().count()),
                Object::Bytes(b) => return Ok(b.len()),
                Object::ByteArray(b) => return Ok(b.len()),
                Object::List(v) | Object::Tuple(v) => return Ok(v.len()),
                Object::Deque { items, .. } => return Ok(items.len()),
                Object::Dict(d) => return Ok(d.len()),
                Object::DictView { dict, .. } => {
                    if let Object::Dict(d) = self.heap.get(*dict) {
                        return Ok(d.len());
                    }
                }
                Object::Set { items, .. } => return Ok(items.len()),
                Object::Range { start, stop, step } => return Ok(range_len(*start, *stop, *step) as usize),
                Object::Instance(_) | Object::Class(_) => {
                    if let Some(r) = self.call_dunder(v, "__len__", vec![])? {
                        let n = self.index_of(r)?;
                        if n < 0 {
                            return self.value_error("__len__() should return >= 0");
                        }
                        return Ok(n as usize);
                    }
                }
                _ => {}
            }
        }
        let t = self.type_name(v);
        self.type_error(format!("object of type '{t}' has no len()"))
    }

    /// An int used as an index (`__index__`).
    pub fn index_of(&mut self, v: Value) -> PyResult<i64> {
        match v {
            Value::Int(i, _) => Ok(i),
            Value::Bool(b) => Ok(b as i64),
            Value::Obj(id) if matches!(self.heap.get(id), Object::Int(_)) => {
                Err(self.exc(TypeId::IndexError, "cannot fit 'int' into an index-sized integer"))
            }
            Value::Obj(id) if matches!(self.heap.get(id), Object::Instance(_)) => match self.call_dunder(v, "__index__", vec![])? {
                Some(r @ (Value::Int(_, _) | Value::Bool(_))) => self.index_of(r),
                Some(r) if matches!(r.obj().map(|i| self.heap.get(i)), Some(Object::Int(_))) => self.index_of(r),
                Some(r) => {
                    let t = self.type_name(r);
                    self.type_error(format!("__index__ returned non-int (type {t})"))
                }
                None => {
                    let t = self.type_name(v);
                    self.type_error(format!("'{t}' object cannot be interpreted as an integer"))
                }
            },
            _ => {
                let t = self.type_name(v);
                self.type_error(format!("'{t}' object cannot be interpreted as an integer"))
            }
        }
    }

    pub(super) fn new_slice(&mut self, start: Value, stop: Value, step: Value) -> Value {
        Value::Obj(self.heap.alloc(Object::Slice { start, stop, step }))
    }

    /// Resolves a slice against a sequence length: (start, stop, step, count).
    pub(super) fn slice_indices(&mut self, slice: ObjId, len: usize) -> PyResult<(i64, i64, i64, usize)> {
        let Object::Slice { start, stop, step } = *self.heap.get(slice) else { unreachable!() };
        let len = len as i64;
        let step = match step {
            Value::None => 1,
            v => self.slice_index(v)?,
        };
        if step == 0 {
            return self.value_error("slice step cannot be zero");
        }
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let clamp = |vm: &mut Vm, v: Value, default: i64| -> PyResult<i64> {
            match v {
                Value::None => Ok(default),
                v => {
                    let i = vm.slice_index(v)?;
                    Ok(if i < 0 { (i + len).max(lower) } else { i.min(upper) })
                }
            }
        };
        let start = clamp(self, start, if step < 0 { upper } else { lower })?;
        let stop = clamp(self, stop, if step < 0 { lower } else { upper })?;
        let count = if step > 0 {
            if stop > start { (stop - start + step - 1) / step } else { 0 }
        } else if start > stop {
            (start - stop + (-step) - 1) / (-step)
        } else {
            0
        };
        Ok((start, stop, step, count as usize))
    }

    fn slice_index(&mut self, v: Value) -> PyResult<i64> {
        match v {
            Value::Int(i, _) => Ok(i),
            Value::Bool(b) => Ok(b as i64),
            Value::Obj(id) => match self.heap.get(id) {
                Object::Int(b) => Ok(if b.is_negative() { i64::MIN / 2 } else { i64::MAX / 2 }),
                _ => self.type_error("slice indices must be integers or None or have an __index__ method"),
            },
            _ => self.type_error("slice indices must be integers or None or have an __index__ method"),
        }
    }

    /// Normalises a sequence index (negative from the end), or None if out of range.
    fn seq_index(&mut self, index: Value, len: usize, what: &str) -> PyResult<Option<usize>> {
        let i = match index {
            Value::Int(i, _) => i,
            Value::Bool(b) => b as i64,
            Value::Obj(id) if matches!(self.heap.get(id), Object::Int(_)) => {
                return Err(self.exc(TypeId::IndexError, "cannot fit 'int' into an index-sized integer"))
            }
            _ => {
                let t = self.type_name(index);
                if what == "string" {
                    // str's own wording (unicodeobject.c), unlike list's and tuple's.
                    return self.type_error(format!("string indices must be integers, not '{t}'"));
                }
                return self.type_error(format!("{what} indices must be integers or slices, not {t}"));
            }
        };
        let i = if i < 0 { i + len as i64 } else { i };
        Ok((0..len as i64).contains(&i).then_some(i as usize))
    }

    /// `container[sub]`.
    pub fn getitem(&mut self, container: Value, sub: Value) -> PyResult<Value> {
        let Some(id) = container.obj() else {
            return self.not_subscriptable(container);
        };
        let slice = sub.obj().filter(|s| matches!(self.heap.get(*s), Object::Slice { .. }));
        match self.heap.get(id) {
            Object::List(_) | Object::Tuple(_) => {
                let is_list = matches!(self.heap.get(id), Object::List(_));
                let what = if is_list { "list" } else { "tuple" };
                let len = match self.heap.get(id) {
                    Object::List(v) | Object::Tuple(v) => v.len(),
                    _ => 0,
                };
                if let Some(s) = slice {
                    let (start, _, step, count) = self.slice_indices(s, len)?;
                    // A whole-tuple slice is the tuple itself (immutable, so CPython shares it).
                    if !is_list && step == 1 && count == len {
                        return Ok(container);
                    }
                    let items = match self.heap.get(id) {
                        Object::List(v) | Object::Tuple(v) => {
                            (0..count).map(|k| v[(start + k as i64 * step) as usize]).collect()
                        }
                        _ => vec![],
                    };
                    return Ok(if is_list { self.new_list(items) } else { self.new_tuple(items) });
                }
                match self.seq_index(sub, len, what)? {
                    Some(i) => match self.heap.get(id) {
                        Object::List(v) | Object::Tuple(v) => Ok(v[i]),
                        _ => unreachable!(),
                    },
                    None => Err(self.exc(TypeId::IndexError, format!("{what} index out of range"))),
                }
            }
            Object::Str(s) => {
                let s = s.clone();
                if let Some(sl) = slice {
                    // An ASCII str's chars are its bytes: no char vector.
                    if s.is_ascii() {
                        let (start, _, step, count) = self.slice_indices(sl, s.len())?;
                        if step == 1 && count == s.len() {
                            return Ok(container);
                        }
                        let bytes = s.as_bytes();
                        if step == 1 {
                            return Ok(self.new_str(substr(&s, start as usize..start as usize + count)));
                        }
                        let out: Vec<u8> = (0..count).map(|k| bytes[(start + k as i64 * step) as usize]).collect();
                        // SAFETY: ASCII bytes are UTF-8.
                        return Ok(self.new_string(unsafe { String::from_utf8_unchecked(out) }));
                    }
                    let chars: Vec<char> = s.chars().collect();
                    let (start, _, step, count) = self.slice_indices(sl, chars.len())?;
                    if step == 1 && count == chars.len() {
                        return Ok(container);
                    }
                    let out: String = (0..count).map(|k| chars[(start + k as i64 * step) as usize]).collect();
                    return Ok(self.new_string(out));
                }
                let len = if s.is_ascii() { s.len() } else { s.chars().count() };
                match self.seq_index(sub, len, "string")? {
                    Some(i) => {
                        let c = if s.is_ascii() { substr(&s, i..i + 1) } else { let c = s.chars().nth(i).unwrap(); return Ok(self.new_string(c.to_string())) };
                        Ok(self.new_str(c))
                    }
                    None => Err(self.exc(TypeId::IndexError, "string index out of range")),
                }
            }
            Object::Bytes(_) | Object::ByteArray(_) => self.bytes_getitem(container, sub),
            Object::Dict(_) => {
                let h = self.key_in(id, sub)?;
                match self.heap.get(id) {
                    Object::Dict(d) => match (d.get(&h), d.flavor) {
                        (Some(v), _) => Ok(v),
                        (None, crate::runtime::dict::Flavor::Counter) => Ok(Value::int(0)),
                        (None, crate::runtime::dict::Flavor::Default(factory)) => {
                            if matches!(factory, Value::None) {
                                return Err(self.exc_with_args(TypeId::KeyError, vec![sub]));
                            }
                            let v = self.call(factory, Args::default())?;
                            self.dict_set(id, sub, v)?;
                            Ok(v)
                        }
                        (None, _) => Err(self.exc_with_args(TypeId::KeyError, vec![sub])),
                    },
                    _ => unreachable!(),
                }
            }
            Object::Range { start, stop, step } => {
                let (start, stop, step) = (*start, *stop, *step);
                let len = range_len(start, stop, step) as usize;
                if let Some(sl) = slice {
                    let (s0, _, st, count) = self.slice_indices(sl, len)?;
                    let new_start = start + s0 * step;
                    let new_step = step * st;
                    let new_stop = new_start + count as i64 * new_step;
                    return Ok(Value::Obj(self.heap.alloc(Object::Range { start: new_start, stop: new_stop, step: new_step })));
                }
                match self.seq_index(sub, len, "range")? {
                    Some(i) => Ok(Value::int(start + i as i64 * step)),
                    None => Err(self.exc(TypeId::IndexError, "range object index out of range")),
                }
            }
            Object::Deque { items, .. } => {
                let len = items.len();
                match self.seq_index(sub, len, "deque")? {
                    Some(i) => match self.heap.get(id) {
                        Object::Deque { items, .. } => Ok(items[i]),
                        _ => unreachable!(),
                    },
                    None => Err(self.exc(TypeId::IndexError, "deque index out of range")),
                }
            }
            Object::Class(_) => self.class_getitem(id, sub),
            Object::Instance(_) => match self.call_dunder(container, "__getitem__", vec![sub])? {
                Some(v) => Ok(v),
                None => self.not_subscriptable(container),
            },
            _ => self.not_subscriptable(container),
        }
    }

    fn not_subscriptable<T>(&mut self, v: Value) -> PyResult<T> {
        let t = self.type_name(v);
        self.type_error(format!("'{t}' object is not subscriptable"))
    }

    /// `container[sub] = v`.
    pub fn setitem(&mut self, container: Value, sub: Value, v: Value) -> PyResult<()> {
        let Some(id) = container.obj() else {
            let t = self.type_name(container);
            return self.type_error(format!("'{t}' object does not support item assignment"));
        };
        match self.heap.get(id) {
            Object::ByteArray(_) => self.bytearray_setitem(container, sub, v),
            Object::List(items) => {
                let len = items.len();
                if let Some(s) = sub.obj().filter(|s| matches!(self.heap.get(*s), Object::Slice { .. })) {
                    let new = self.collect_iterable(v)?;
                    let (start, stop, step, count) = self.slice_indices(s, len)?;
                    let Object::List(items) = self.heap.get_mut(id) else { unreachable!() };
                    if step == 1 {
                        let stop = stop.max(start) as usize;
                        items.splice(start as usize..stop, new);
                    } else {
                        if new.len() != count {
                            let msg = format!(
                                "attempt to assign sequence of size {} to extended slice of size {}",
                                new.len(),
                                count
                            );
                            return self.value_error(msg);
                        }
                        for (k, x) in new.into_iter().enumerate() {
                            items[(start + k as i64 * step) as usize] = x;
                        }
                    }
                    return Ok(());
                }
                match self.seq_index(sub, len, "list")? {
                    Some(i) => {
                        if let Object::List(items) = self.heap.get_mut(id) {
                            items[i] = v;
                        }
                        Ok(())
                    }
                    None => Err(self.exc(TypeId::IndexError, "list assignment index out of range")),
                }
            }
            Object::Dict(_) => self.dict_set(id, sub, v),
            Object::Instance(_) => match self.call_dunder(container, "__setitem__", vec![sub, v])? {
                Some(_) => Ok(()),
                None => {
                    let t = self.type_name(container);
                    self.type_error(format!("'{t}' object does not support item assignment"))
                }
            },
            _ => {
                let t = self.type_name(container);
                self.type_error(format!("'{t}' object does not support item assignment"))
            }
        }
    }

    /// `del container[sub]`.
    pub fn delitem(&mut self, container: Value, sub: Value) -> PyResult<()> {
        let Some(id) = container.obj() else {
            let t = self.type_name(container);
            return self.type_error(format!("'{t}' object does not support item deletion"));
        };
        match self.heap.get(id) {
            Object::ByteArray(_) => self.bytearray_delitem(container, sub),
            Object::List(items) => {
                let len = items.len();
                if let Some(s) = sub.obj().filter(|s| matches!(self.heap.get(*s), Object::Slice { .. })) {
                    let (start, _, step, count) = self.slice_indices(s, len)?;
                    let mut idx: Vec<usize> = (0..count).map(|k| (start + k as i64 * step) as usize).collect();
                    // Remove from the highest index down, so the lower ones stay put.
                    if step > 0 {
                        idx.reverse();
                    }
                    if let Object::List(items) = self.heap.get_mut(id) {
                        for i in idx {
                            items.remove(i);
                        }
                    }
                    return Ok(());
                }
                match self.seq_index(sub, len, "list")? {
                    Some(i) => {
                        if let Object::List(items) = self.heap.get_mut(id) {
                            items.remove(i);
                        }
                        Ok(())
                    }
                    None => Err(self.exc(TypeId::IndexError, "list assignment index out of range")),
                }
            }
            Object::Dict(_) => {
                let h = self.key_in(id, sub)?;
                let removed = match self.heap.get_mut(id) {
                    Object::Dict(d) => d.remove(&h),
                    _ => None,
                };
                match removed {
                    Some(_) => Ok(()),
                    None => Err(self.exc_with_args(TypeId::KeyError, vec![sub])),
                }
            }
            Object::Instance(_) => match self.call_dunder(container, "__delitem__", vec![sub])? {
                Some(_) => Ok(()),
                None => {
                    let t = self.type_name(container);
                    self.type_error(format!("'{t}' object does not support item deletion"))
                }
            },
            _ => {
                let t = self.type_name(container);
                self.type_error(format!("'{t}' object does not support item deletion"))
            }
        }
    }

    /// `iter(v)`.
    pub fn iter(&mut self, v: Value) -> PyResult<Value> {
        let Some(id) = v.obj() else {
            let t = self.type_name(v);
            return self.type_error(format!("'{t}' object is not iterable"));
        };
        let object = self.heap.get(id);
        if let Some(it) = positional_iter(object, id) {
            return Ok(Value::Obj(self.heap.alloc(Object::Iter(it))));
        }
        let it = match object {
            Object::Deque { items, .. } => Iter::Values { items: items.iter().copied().collect(), index: 0, kind: "deque" },
            Object::Str(s) => Iter::Str { s: s.clone(), pos: 0 },
            Object::Dict(d) => Iter::DictKeys { dict: id, index: 0, len: d.len() },
            Object::DictView { dict, kind } => {
                let len = match self.heap.get(*dict) {
                    Object::Dict(d) => d.len(),
                    _ => 0,
                };
                match kind {
                    ViewKind::Keys => Iter::DictKeys { dict: *dict, index: 0, len },
                    ViewKind::Values => Iter::DictValues { dict: *dict, index: 0, len },
                    ViewKind::Items => Iter::DictItems { dict: *dict, index: 0, len },
                }
            }
            Object::Set { items, .. } => Iter::Values { items: items.keys(), index: 0, kind: "set" },
            Object::Iter(_) | Object::Generator(_) => return Ok(v),
            Object::Instance(_) | Object::Class(_) => {
                if let Some(r) = self.call_dunder(v, "__iter__", vec![])? {
                    return Ok(r);
                }
                if self.lookup_user_attr(self.type_of(v), "__getitem__").is_some() {
                    Iter::GetItem { obj: v, index: 0 }
                } else {
                    let t = self.type_name(v);
                    return self.type_error(format!("'{t}' object is not iterable"));
                }
            }
            _ => {
                let t = self.type_name(v);
                return self.type_error(format!("'{t}' object is not iterable"));
            }
        };
        Ok(Value::Obj(self.heap.alloc(Object::Iter(it))))
    }

    /// `next(it)`: `None` when exhausted.
    pub fn next(&mut self, it: Value) -> PyResult<Option<Value>> {
        let Some(id) = it.obj() else {
            let t = self.type_name(it);
            return self.type_error(format!("'{t}' object is not an iterator"));
        };
        match self.heap.get_mut(id) {
            Object::Iter(Iter::Range { next, stop, step }) => {
                let n = *next;
                if (*step > 0 && n < *stop) || (*step < 0 && n > *stop) {
                    *next = n + *step;
                    Ok(Some(Value::int(n)))
                } else {
                    Ok(None)
                }
            }
            Object::Iter(Iter::Seq { seq, index, .. }) => {
                let (seq, i) = (*seq, *index);
                let item = match self.heap.get(seq) {
                    Object::List(v) | Object::Tuple(v) => v.get(i).copied(),
                    Object::Bytes(b) => b.get(i).map(|&x| Value::int(x as i64)),
                    Object::ByteArray(b) => b.get(i).map(|&x| Value::int(x as i64)),
                    _ => None,
                };
                if let Object::Iter(Iter::Seq { index, .. }) = self.heap.get_mut(id) {
                    *index = if item.is_some() { i + 1 } else { usize::MAX / 2 };
                }
                Ok(item)
            }
            Object::Iter(Iter::Reversed { seq, index }) => {
                let (seq, i) = (*seq, *index);
                if i == 0 {
                    return Ok(None);
                }
                let item = match self.heap.get(seq) {
                    Object::List(v) | Object::Tuple(v) => v.get(i - 1).copied(),
                    _ => None,
                };
                if let Object::Iter(Iter::Reversed { index, .. }) = self.heap.get_mut(id) {
                    *index = i - 1;
                }
                Ok(item)
            }
            // An ASCII character is one byte, and its str a singleton: no
            // decoding, and no new string unless it is the first.
            Object::Iter(Iter::Str { s, pos }) if s.as_bytes().get(*pos).is_some_and(u8::is_ascii) => {
                let b = s.as_bytes()[*pos];
                *pos += 1;
                Ok(Some(super::identity::char_value(&mut self.heap, &mut self.identity, char::from(b))))
            }
            Object::Iter(Iter::Str { s, pos }) => match substr(&s, *pos..).chars().next() {
                Some(c) => {
                    *pos += c.len_utf8();
                    let mut buf = [0u8; 4];
                    let cs: &str = c.encode_utf8(&mut buf);
                    let cs = cs.to_string();
                    Ok(Some(self.new_string(cs)))
                }
                None => Ok(None),
            },
            Object::Iter(Iter::DictKeys { dict, index, len })
            | Object::Iter(Iter::DictValues { dict, index, len })
            | Object::Iter(Iter::DictItems { dict, index, len }) => {
                let (dict, start, len) = (*dict, *index, *len);
                if matches!(self.heap.get(dict), Object::Dict(d) if d.len() != len) {
                    return Err(self.exc(TypeId::RuntimeError, "dictionary changed size during iteration"));
                }
                let mut i = start;
                let entry = loop {
                    match self.heap.get(dict) {
                        Object::Dict(d) => match d.entry_at(i) {
                            None => break None,
                            Some(None) => i += 1,
                            Some(Some(e)) => break Some(e),
                        },
                        _ => break None,
                    }
                };
                let kind = match self.heap.get_mut(id) {
                    Object::Iter(it) => {
                        let k = match it {
                            Iter::DictKeys { index, .. } => { *index = i + 1; 0 }
                            Iter::DictValues { index, .. } => { *index = i + 1; 1 }
                            Iter::DictItems { index, .. } => { *index = i + 1; 2 }
                            _ => 0,
                        };
                        k
                    }
                    _ => 0,
                };
                Ok(match entry {
                    None => None,
                    Some((k, v)) => Some(match kind {
                        0 => k,
                        1 => v,
                        _ => self.new_tuple(vec![k, v]),
                    }),
                })
            }
            Object::Iter(Iter::Values { items, index, .. }) => {
                let item = items.get(*index).copied();
                *index += 1;
                Ok(item)
            }
            Object::Iter(Iter::Enumerate { it: inner, count }) => {
                let (inner, n) = (*inner, *count);
                match self.next(inner)? {
                    Some(v) => {
                        if let Object::Iter(Iter::Enumerate { count, .. }) = self.heap.get_mut(id) {
                            *count += 1;
                        }
                        Ok(Some(self.new_tuple(vec![Value::int(n), v])))
                    }
                    None => Ok(None),
                }
            }
            Object::Iter(Iter::Zip { its }) => {
                let its = its.clone();
                let mut out = Vec::with_capacity(its.len());
                for i in its {
                    match self.next(i)? {
                        Some(v) => out.push(v),
                        None => return Ok(None),
                    }
                }
                if out.is_empty() {
                    return Ok(None);
                }
                Ok(Some(self.new_tuple(out)))
            }
            Object::Iter(Iter::Map { func, its }) => {
                let (func, its) = (*func, its.clone());
                let mut args = Vec::with_capacity(its.len());
                for i in its {
                    match self.next(i)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                Ok(Some(self.call(func, Args::new(args))?))
            }
            Object::Iter(Iter::Filter { func, it: inner }) => {
                let (func, inner) = (*func, *inner);
                while let Some(v) = self.next(inner)? {
                    let keep = if matches!(func, Value::None) { v } else { self.call1(func, v)? };
                    if self.truthy(keep)? {
                        return Ok(Some(v));
                    }
                }
                Ok(None)
            }
            Object::Iter(Iter::Exhausted) => Ok(None),
            Object::Iter(Iter::GetItem { obj, index }) => {
                let (obj, i) = (*obj, *index);
                let stop = [self.type_obj(TypeId::IndexError), self.type_obj(TypeId::StopIteration)];
                match self.getitem(obj, Value::int(i)) {
                    Ok(x) => {
                        if let Object::Iter(Iter::GetItem { index, .. }) = self.heap.get_mut(id) {
                            *index = i + 1;
                        }
                        Ok(Some(x))
                    }
                    Err(e) if stop.iter().any(|s| self.is_subclass(self.type_of(Value::Obj(e.0)), *s)) => {
                        *self.heap.get_mut(id) = Object::Iter(Iter::Exhausted);
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
            Object::Generator(_) => match self.send(it, Value::None)? {
                super::eval::FrameExit::Yield(v) => Ok(Some(v)),
                super::eval::FrameExit::Return(_) => Ok(None),
            },
            Object::Instance(_) => {
                let stop = self.type_obj(TypeId::StopIteration);
                match self.call_dunder(it, "__next__", vec![]) {
                    Ok(Some(v)) => Ok(Some(v)),
                    Ok(None) => {
                        let t = self.type_name(it);
                        self.type_error(format!("'{t}' object is not an iterator"))
                    }
                    Err(e) if self.is_subclass(self.type_of(Value::Obj(e.0)), stop) => Ok(None),
                    Err(e) => Err(e),
                }
            }
            _ => {
                let t = self.type_name(it);
                self.type_error(format!("'{t}' object is not an iterator"))
            }
        }
    }

    /// All items of an iterable.
    pub fn collect_iterable(&mut self, v: Value) -> PyResult<Vec<Value>> {
        const VALUE: usize = std::mem::size_of::<Value>();
        if let Some(id) = v.obj() {
            match self.heap.get(id) {
                Object::List(items) | Object::Tuple(items) => return Ok(items.clone()),
                // CPython sizes the result from the range's length first: a range
                // too long to hold is a MemoryError before any item is made.
                Object::Range { .. } => {
                    let n = self.len(v)?;
                    self.check_size(n, VALUE)?;
                }
                _ => {}
            }
        }
        let it = self.iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(it)? {
            out.push(x);
            // This loop runs natively, between two instructions: the memory
            // budget has to be checked here, or a long iterator never stops.
            if out.len() % 65536 == 0 {
                self.check_size(out.len(), VALUE)?;
            }
        }
        Ok(out)
    }

    /// `list(v)`'s way of collecting: like `collect_iterable`, but CPython
    /// first asks the object for a length hint (its `__len__`).
    pub fn collect_hinted(&mut self, v: Value) -> PyResult<Vec<Value>> {
        if !matches!(v.obj().map(|i| self.heap.get(i)), Some(Object::Instance(_) | Object::Class(_))) {
            return self.collect_iterable(v);
        }
        let it = self.iter(v)?;
        self.call_dunder(v, "__len__", vec![])?;
        let mut out = Vec::new();
        while let Some(x) = self.next(it)? {
            out.push(x);
        }
        Ok(out)
    }

    /// Items of a tuple/list (constants, keyword names, closures).
    pub(super) fn sequence_items(&mut self, v: Value) -> PyResult<Vec<Value>> {
        self.collect_iterable(v)
    }

    /// The error unpacking `v` raises when iterating it failed with `e`:
    /// CPython's own wording for objects that are not iterable at all.
    pub(super) fn unpack_error(&mut self, v: Value, e: super::Exc) -> super::Exc {
        if matches!(v.obj().map(|i| self.heap.get(i)), Some(Object::Instance(_) | Object::Iter(_) | Object::Generator(_))) {
            return e;
        }
        let t = self.type_name(v);
        self.exc(TypeId::TypeError, format!("cannot unpack non-iterable {t} object"))
    }

    /// UNPACK_SEQUENCE: exactly `n` items.
    pub(super) fn unpack(&mut self, v: Value, n: usize) -> PyResult<Vec<Value>> {
        // CPython stops reading after n + 1 items: a long range is "too many
        // values", not a list built in full.
        if matches!(v.obj().map(|i| self.heap.get(i)), Some(Object::Range { .. })) && self.len(v)? > n {
            return self.value_error(format!("too many values to unpack (expected {n})"));
        }
        let items = match self.collect_iterable(v) {
            Ok(items) => items,
            Err(e) => return Err(self.unpack_error(v, e)),
        };
        if items.len() < n {
            let msg = format!("not enough values to unpack (expected {}, got {})", n, items.len());
            return self.value_error(msg);
        }
        if items.len() > n {
            return self.value_error(format!("too many values to unpack (expected {n})"));
        }
        Ok(items)
    }
}

pub(super) fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    if step > 0 && stop > start {
        (stop - start + step - 1) / step
    } else if step < 0 && start > stop {
        (start - stop - step - 1) / (-step)
    } else {
        0
    }
}

pub(super) fn num_cmp(a: &Num, b: &Num) -> Option<Ordering> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => Some(x.cmp(y)),
        (Num::Float(x), Num::Float(y)) => x.partial_cmp(y),
        (Num::Int(i), Num::Float(f)) => int_float_cmp(*i, *f),
        (Num::Float(f), Num::Int(i)) => int_float_cmp(*i, *f).map(Ordering::reverse),
        (Num::Big(b), Num::Float(f)) => big_float_cmp(b, *f),
        (Num::Float(f), Num::Big(b)) => big_float_cmp(b, *f).map(Ordering::reverse),
        _ => Some(big(a).cmp(&big(b))),
    }
}

/// `i` against `f` exactly, as CPython compares an int with a float (no
/// rounding of `i` to the nearest float); `None` for a NaN.
#[inline]
fn int_float_cmp(i: i64, f: f64) -> Option<Ordering> {
    const EXACT: i64 = 1 << 53;
    if (-EXACT..=EXACT).contains(&i) {
        return (i as f64).partial_cmp(&f);
    }
    if f.is_nan() {
        return None;
    }
    // |f| >= 2^63 lies beyond every i64; below, its integer part fits.
    if f >= 9.223372036854775808e18 {
        return Some(Ordering::Less);
    }
    if f < -9.223372036854775808e18 {
        return Some(Ordering::Greater);
    }
    let whole = f.trunc();
    Some(i.cmp(&(whole as i64)).then_with(|| 0.0.partial_cmp(&(f - whole)).unwrap_or(Ordering::Equal)))
}

/// A big int against `f` exactly; `None` for a NaN.
fn big_float_cmp(b: &BigInt, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    let whole = f.trunc();
    Some(b.cmp(&super::builtins::float_to_bigint(whole)).then_with(|| 0.0.partial_cmp(&(f - whole)).unwrap_or(Ordering::Equal)))
}

/// What a key's comparisons in a sort need: numbers (ints, bools and floats
/// other than NaN) order among themselves, strs among themselves.
#[derive(Clone, Copy, PartialEq)]
enum ScalarKind {
    Num,
    Str,
}

fn scalar_kind(heap: &Heap, v: Value) -> Option<ScalarKind> {
    match v {
        Value::Int(..) | Value::Bool(_) => Some(ScalarKind::Num),
        Value::Float(f, _) if !f.is_nan() => Some(ScalarKind::Num),
        Value::Obj(id) => match heap.get(id) {
            Object::Str(_) => Some(ScalarKind::Str),
            _ => None,
        },
        _ => None,
    }
}

/// Whether Python's `<` orders `keys` totally without running Python code
/// or raising: all numbers (no NaN), all strs, or all tuples of those whose
/// items at each position are all numbers or all strs. A stable sort by
/// `native_key_order` then gives exactly the order of CPython's sort (a
/// total preorder has one stable sorted order, whatever the algorithm).
pub(super) fn natively_sortable(heap: &Heap, keys: &[(Value, Value)]) -> bool {
    let Some(&(first, _)) = keys.first() else { return true };
    if let Some(kind) = scalar_kind(heap, first) {
        return keys.iter().all(|&(k, _)| scalar_kind(heap, k) == Some(kind));
    }
    let mut kinds: Vec<ScalarKind> = Vec::new();
    keys.iter().all(|&(k, _)| {
        let Some(Object::Tuple(items)) = k.obj().map(|id| heap.get(id)) else { return false };
        items.iter().enumerate().all(|(i, &item)| match (scalar_kind(heap, item), kinds.get(i)) {
            (Some(kind), Some(&seen)) => kind == seen,
            (Some(kind), None) => {
                kinds.push(kind);
                true
            }
            (None, _) => false,
        })
    })
}

/// The items a key `natively_sortable` accepted compares by: a tuple's
/// items, or the key itself as a one-item slice (the same order).
#[inline(always)]
pub(super) fn native_key_items<'a>(heap: &'a Heap, key: &'a Value) -> &'a [Value] {
    match key.obj().map(|id| heap.get(id)) {
        Some(Object::Tuple(items)) => items,
        _ => std::slice::from_ref(key),
    }
}

/// `a` against `b`, items of keys `natively_sortable` accepted: the first
/// unequal pair decides, else the shorter is less.
#[inline(always)]
pub(super) fn native_items_order(heap: &Heap, a: &[Value], b: &[Value]) -> Ordering {
    for (&p, &q) in a.iter().zip(b) {
        let o = match (p, q) {
            (Value::Int(x, _), Value::Int(y, _)) => x.cmp(&y),
            _ => scalar_order(heap, p, q).unwrap_or(Ordering::Equal),
        };
        if o.is_ne() {
            return o;
        }
    }
    a.len().cmp(&b.len())
}

/// The order of two numbers or two strs by Python's `<` and `==`, without
/// running Python code; `None` for any other pair or a NaN.
#[inline(always)]
pub(super) fn scalar_order(heap: &Heap, a: Value, b: Value) -> Option<Ordering> {
    let num = |v: Value| match v {
        Value::Int(i, _) => Some(Num::Int(i)),
        Value::Bool(b) => Some(Num::Int(b as i64)),
        Value::Float(f, _) => Some(Num::Float(f)),
        _ => None,
    };
    match (a, b) {
        (Value::Int(x, _), Value::Int(y, _)) => Some(x.cmp(&y)),
        (Value::Float(x, _), Value::Float(y, _)) => x.partial_cmp(&y),
        (Value::Obj(x), Value::Obj(y)) => match (heap.get(x), heap.get(y)) {
            (Object::Str(s), Object::Str(t)) => Some(str_order(s, t)),
            _ => None,
        },
        _ => match (num(a), num(b)) {
            (Some(x), Some(y)) => num_cmp(&x, &y),
            _ => None,
        },
    }
}

/// Python orders strs by code point, which is UTF-8's byte order.
#[inline(always)]
fn str_order(s: &str, t: &str) -> Ordering {
    s.as_bytes().cmp(t.as_bytes())
}

fn float_floordiv(x: f64, y: f64) -> f64 {
    let m = float_mod(x, y);
    let div = (x - m) / y;
    if div == 0.0 {
        0.0_f64.copysign(x / y)
    } else {
        let f = div.floor();
        if div - f > 0.5 { f + 1.0 } else { f }
    }
}

fn float_mod(x: f64, y: f64) -> f64 {
    let mut m = x % y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
        }
    } else {
        m = 0.0_f64.copysign(y);
    }
    m
}

/// `a <op> b` for two small ints when the result is a small int computed the
/// same way Python does (no overflow; floor division and modulo only for a
/// positive divisor, where Rust's Euclidean forms equal Python's floor forms);
/// `None` sends the operation down the general path.
// Always inline: the run loop's int arithmetic is this match (a call under opt-level "z").
#[inline(always)]
pub(super) fn small_int_op(a: i64, b: i64, base: usize) -> Option<i64> {
    match base {
        0 => a.checked_add(b),
        1 => Some(a & b),
        2 if b > 0 => Some(a.div_euclid(b)),
        5 => mul_i64(a, b),
        6 if b > 0 => Some(a.rem_euclid(b)),
        7 => Some(a | b),
        10 => a.checked_sub(b),
        12 => Some(a ^ b),
        _ => None,
    }
}

/// `a.checked_mul(b)`. Wasm has no 64 × 64 → 128-bit multiply, so there the
/// overflow check is a call to `__multi3`; two factors that fit in 32 bits
/// cannot overflow, and that is almost every product a program makes.
#[inline(always)]
fn mul_i64(a: i64, b: i64) -> Option<i64> {
    if cfg!(target_arch = "wasm32") && a as i32 as i64 == a && b as i32 as i64 == b {
        Some(a * b)
    } else {
        a.checked_mul(b)
    }
}

/// `a + b` of two str objects, the one definition `binary_op` and run mode's
/// loop share: None unless both are strs and the result fits the memory
/// budget (`str_concat` then raises MemoryError). A new result may share `a`'s
/// buffer and append in place (see `PyStr`), so `s += c` is linear.
/// `*` of a big int object and an int of at most a word either way round,
/// for run mode's loop (which holds the heap apart from the VM), computed as
/// `big_int_op` computes it; `None` for anything else, and for products
/// that could fit an i64 (a factor of 0 or ±1) or break the int size budget,
/// which the general path answers.
pub(super) fn big_times_word(heap: &mut Heap, limits: &Limits, lhs: Value, rhs: Value) -> Option<Value> {
    use crate::runtime::int::{mul_word, MAX_WORD};
    let (big, m) = match (lhs, rhs) {
        (Value::Obj(id), Value::Int(m, _)) | (Value::Int(m, _), Value::Obj(id)) => (id, m),
        _ => return None,
    };
    let Some(Object::Int(x)) = heap.lookup(big) else { return None };
    // A big int object is at least 2^63 in magnitude, so with |m| >= 2 the
    // product is at least 2^64: an object, never an i64.
    if m.unsigned_abs() < 2 || m.unsigned_abs() > MAX_WORD || x.bits() + 32 > limits.max_int_bits {
        return None;
    }
    let product = mul_word(x, m);
    Some(Value::Obj(heap.alloc(Object::Int(product))))
}

pub(super) fn concat_strs(heap: &mut Heap, singletons: &mut Singletons, limits: &Limits, lhs: Value, rhs: Value) -> Option<Value> {
    let (a, b) = str_pair(heap, lhs, rhs)?;
    // As in CPython, adding the empty str gives the other operand itself.
    if b.is_empty() {
        return Some(lhs);
    }
    if a.is_empty() {
        return Some(rhs);
    }
    if !limits.fits(a.len().saturating_add(b.len()), 1) {
        return None;
    }
    let s = a.concat(b);
    Some(str_value(heap, singletons, s))
}

/// The texts of two str objects.
#[inline(always)]
fn str_pair(heap: &Heap, lhs: Value, rhs: Value) -> Option<(&PyStr, &PyStr)> {
    match (heap.lookup(lhs.obj()?)?, heap.lookup(rhs.obj()?)?) {
        (Object::Str(a), Object::Str(b)) => Some((a, b)),
        _ => None,
    }
}

/// UNPACK_SEQUENCE of a tuple or list of exactly `n` items on top of
/// `stack`: replaced by its items, last first (no intermediate vector).
/// False leaves the stack as it was, for `Vm::unpack` (dispatch and run
/// mode's loop both start here).
pub(super) fn unpack_exact(heap: &Heap, stack: &mut Vec<Value>, n: usize) -> bool {
    let items = match stack.last().and_then(|v| v.obj()).and_then(|id| heap.lookup(id)) {
        Some(Object::Tuple(items) | Object::List(items)) if items.len() == n => items,
        _ => return false,
    };
    stack.pop();
    stack.extend(items.iter().rev());
    true
}
