//! complex: literals, arithmetic with ints and floats, `complex()`. The
//! arithmetic itself is runtime::complex (shared with the constant folder).

use crate::text::substr;
use super::methods::Method;
use super::signature::Sig;
use super::ops::{num_cmp, Num};
use super::types::TypeId;
use super::{PyResult, Vm};
use crate::runtime::complex::{power, prod, quot, PowError, C};
use crate::runtime::dict::HashKey;
use crate::runtime::format::{format_float, FormatSpec};
use crate::runtime::object::{Args, Object};
use crate::runtime::value::Value;
use std::cmp::Ordering;

pub(super) const METHODS: &[Method] = &[("conjugate", conjugate, &Sig::NOARGS)];

impl Vm {
    pub(super) fn new_complex(&mut self, (re, im): C) -> Value {
        Value::Obj(self.heap.alloc(Object::Complex { re, im }))
    }

    /// The parts of a complex object.
    pub(super) fn complex_parts(&self, v: Value) -> Option<C> {
        match v.obj().map(|id| self.heap.get(id)) {
            Some(Object::Complex { re, im }) => Some((*re, *im)),
            _ => None,
        }
    }

    /// Any number as a complex (ints may be too big for a float).
    fn as_complex(&mut self, v: Value) -> PyResult<Option<C>> {
        if let Some(c) = self.complex_parts(v) {
            return Ok(Some(c));
        }
        match self.num(v) {
            Some(n) => Ok(Some((self.to_f64(&n)?, 0.0))),
            None => Ok(None),
        }
    }

    /// `+ - * / **` with a complex operand; None for other operators and operands.
    pub(super) fn complex_binary_op(&mut self, lhs: Value, rhs: Value, op: usize) -> PyResult<Option<Value>> {
        if self.complex_parts(lhs).is_none() && self.complex_parts(rhs).is_none() {
            return Ok(None);
        }
        if !matches!(op, 0 | 5 | 8 | 10 | 11) {
            return Ok(None);
        }
        let (Some(a), Some(b)) = (self.as_complex(lhs)?, self.as_complex(rhs)?) else { return Ok(None) };
        let r = match op {
            0 => (a.0 + b.0, a.1 + b.1),
            10 => (a.0 - b.0, a.1 - b.1),
            5 => prod(a, b),
            11 => match quot(a, b) {
                Some(q) => q,
                None => return Err(self.exc(TypeId::ZeroDivisionError, "complex division by zero")),
            },
            _ => match power(a, b) {
                Ok(p) => p,
                Err(PowError::ZeroToNegative) => {
                    return Err(self.exc(TypeId::ZeroDivisionError, "0.0 to a negative or complex power"))
                }
                Err(PowError::Overflow) => return Err(self.exc(TypeId::OverflowError, "complex exponentiation")),
            },
        };
        Ok(Some(self.new_complex(r)))
    }

    /// `a == b` when either is a complex: None if the other is not a number.
    pub(super) fn complex_eq(&mut self, a: Value, b: Value) -> Option<bool> {
        let (z, other) = match (self.complex_parts(a), self.complex_parts(b)) {
            (Some(x), Some(y)) => return Some(x == y),
            (Some(z), None) => (z, b),
            (None, Some(z)) => (z, a),
            (None, None) => return None,
        };
        // Exact comparison of the real part with an int, as CPython's float == int.
        let n = self.num(other)?;
        Some(z.1 == 0.0 && num_cmp(&Num::Float(z.0), &n) == Some(Ordering::Equal))
    }

    /// The dict key of a complex: equal to the float's (and int's) when the
    /// imaginary part is zero, else CPython's hash.
    pub(super) fn complex_key(re: f64, im: f64) -> HashKey {
        if im == 0.0 {
            return HashKey::from_float(re);
        }
        let h = |x: f64| crate::runtime::set::py_hash(&HashKey::from_float(x)) as u64;
        let mut hash = h(re).wrapping_add(1_000_003u64.wrapping_mul(h(im))) as i64;
        if hash == -1 {
            hash = -2;
        }
        HashKey::Custom(hash, 0)
    }
}

impl Vm {
    /// `format(z, spec)` (CPython's `format_complex_internal`): both parts in
    /// the spec's float presentation, the imaginary one always signed unless
    /// it stands alone; with no type, repr-like digits in parentheses.
    pub(super) fn format_complex(&mut self, (re, im): C, spec: &FormatSpec) -> PyResult<String> {
        if spec.zero && spec.fill.is_none() && spec.align.is_none() {
            return self.value_error("Zero padding is not allowed in complex format specifier");
        }
        if spec.align == Some('=') {
            return self.value_error("'=' alignment flag is not allowed in complex format specifier");
        }
        let alone = spec.kind.is_none() && re == 0.0 && re.is_sign_positive();
        let parens = spec.kind.is_none() && !alone;
        let kind = match spec.kind {
            None if spec.precision.is_none() => None,
            None | Some('n') => Some('g'),
            Some(k @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G')) => Some(k),
            Some(k) => return self.value_error(format!("Unknown format code '{k}' for object of type 'complex'")),
        };
        let part = |x: f64, sign: Option<char>| -> String {
            let Some(k) = kind else {
                let digits = crate::runtime::repr::complex_part_repr(x);
                return match sign {
                    Some(s @ ('+' | ' ')) if !digits.starts_with('-') => format!("{s}{digits}"),
                    _ => digits,
                };
            };
            let f = FormatSpec { kind: Some(k), sign, precision: Some(spec.precision.unwrap_or(6)), alternate: spec.alternate, grouping: spec.grouping, ..FormatSpec::default() };
            format_float(x, &f)
        };
        let imag = part(im, if alone { spec.sign } else { Some('+') });
        let body = if alone { format!("{imag}j") } else { format!("{}{imag}j", part(re, spec.sign)) };
        let body = if parens { format!("({body})") } else { body };
        Ok(spec.pad("", &body, '>'))
    }
}

fn conjugate(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (re, im) = args.pos.first().and_then(|v| vm.complex_parts(*v)).unwrap_or((0.0, 0.0));
    Ok(vm.new_complex((re, -im)))
}

/// `complex(real=0, imag=0)` and `complex(string)`.
pub(super) fn construct(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let real = args.take_kw("real");
    let imag = args.take_kw("imag");
    if let Some((k, _)) = args.kw.first() {
        let k = k.clone();
        return vm.type_error(format!("complex() got an unexpected keyword argument '{k}'"));
    }
    if args.pos.len() > 2 {
        let n = args.pos.len();
        return vm.type_error(format!("complex() takes at most 2 arguments ({n} given)"));
    }
    let r = args.pos.first().copied().or(real);
    let i = args.pos.get(1).copied().or(imag);
    let Some(r) = r else {
        return match i {
            None => Ok(vm.new_complex((0.0, 0.0))),
            Some(i) => construct(vm, Args::new(vec![Value::int(0), i])),
        };
    };
    if let Some(Object::Str(s)) = r.obj().map(|id| vm.heap.get(id)) {
        if i.is_some() {
            return vm.type_error("complex() can't take second arg if first is a string");
        }
        return match parse(s) {
            Some(c) => Ok(vm.new_complex(c)),
            None => vm.value_error("complex() arg is a malformed string"),
        };
    }
    if i.is_none() && vm.complex_parts(r).is_some() {
        return Ok(r);
    }
    let Some(cr) = vm.as_complex(r)? else {
        let t = vm.type_name(r);
        return vm.type_error(format!("complex() first argument must be a string or a number, not '{t}'"));
    };
    let r_is_complex = vm.complex_parts(r).is_some();
    let (mut re, mut im) = (cr.0, cr.1);
    if let Some(i) = i {
        let Some(ci) = vm.as_complex(i)? else {
            let t = vm.type_name(i);
            return vm.type_error(format!("complex() second argument must be a number, not '{t}'"));
        };
        // CPython's order of operations keeps the signs of zeros: (1.5, -0.0) stays -0.0.
        if vm.complex_parts(i).is_some() {
            re -= ci.1;
        }
        im = if r_is_complex { ci.0 + cr.1 } else { ci.0 };
    }
    Ok(vm.new_complex((re, im)))
}

/// `complex("1+2j")`: a real, an imaginary, or a real and an imaginary part,
/// optionally in parentheses.
fn parse(s: &str) -> Option<C> {
    let s = s.trim();
    let s = match s.strip_prefix('(') {
        Some(inner) => inner.strip_suffix(')')?.trim(),
        None => s,
    };
    let Some(body) = s.strip_suffix(['j', 'J']) else {
        return Some((float(s)?, 0.0));
    };
    // The imaginary part starts at the last sign that is not an exponent's.
    let bytes = body.as_bytes();
    let split = (1..bytes.len()).rev().find(|&k| matches!(bytes[k], b'+' | b'-') && !matches!(bytes[k - 1], b'e' | b'E'));
    let (real, imag) = match split {
        Some(k) => (float(substr(&body, ..k))?, substr(&body, k..)),
        None => (0.0, body),
    };
    let imag = match imag {
        "" | "+" => 1.0,
        "-" => -1.0,
        text => float(text)?,
    };
    Some((real, imag))
}

fn float(s: &str) -> Option<f64> {
    if s.is_empty() || s.trim() != s {
        return None;
    }
    super::builtins::parse_float(s)
}
