//! repr(), str() and format() of values. User `__repr__`/`__str__`/
//! `__format__` run as Python code; `safe_repr` never runs any (used by
//! the trace and the stepper, which must not change the program's course).

use crate::text::substr;
use std::fmt::Write as _;
use num_bigint::BigInt;
use super::types::TypeId;
use super::{PyResult, Vm};
use crate::runtime::format::{float_repr, format_float, group_digits, str_repr, FormatSpec};
use crate::runtime::object::{Object, ViewKind};
use crate::runtime::value::{ObjId, Value};

/// CPython's `sys.int_info.default_max_str_digits`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;
/// The smallest limit `sys.set_int_max_str_digits` accepts (`str_digits_check_threshold`).
const MIN_MAX_STR_DIGITS: i64 = 640;

/// `sys.get_int_max_str_digits()`.
pub(super) fn sys_get_int_max_str_digits(vm: &mut Vm, args: &mut crate::runtime::object::Args) -> PyResult<Value> {
    if !args.pos.is_empty() || !args.kw.is_empty() {
        let n = args.pos.len() + args.kw.len();
        return vm.type_error(format!("sys.get_int_max_str_digits() takes no arguments ({n} given)"));
    }
    Ok(Value::int(vm.int_max_str_digits as i64))
}

/// `sys.set_int_max_str_digits(maxdigits)`.
pub(super) fn sys_set_int_max_str_digits(vm: &mut Vm, args: &mut crate::runtime::object::Args) -> PyResult<Value> {
    let kw = args.take_kw("maxdigits");
    if let Some((k, _)) = args.kw.first() {
        let k = k.clone();
        return vm.type_error(format!("set_int_max_str_digits() got an unexpected keyword argument '{k}'"));
    }
    if args.pos.len() + kw.is_some() as usize > 1 {
        let n = args.pos.len() + kw.is_some() as usize;
        return vm.type_error(format!("set_int_max_str_digits() takes at most 1 argument ({n} given)"));
    }
    let Some(v) = args.pos.first().copied().or(kw) else {
        return vm.type_error("set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)");
    };
    let n = super::bytes::c_int(vm, v)?;
    if n != 0 && n < MIN_MAX_STR_DIGITS {
        return vm.value_error(format!("maxdigits must be 0 or larger than {MIN_MAX_STR_DIGITS}"));
    }
    vm.int_max_str_digits = n as usize;
    Ok(Value::None)
}

/// A fake but stable address for `<... at 0x...>` reprs.
pub fn address(id: ObjId) -> String {
    format!("0x{:x}", 0x7f00_0000_0000u64 + id.0 as u64 * 0x30)
}

/// `ascii()`: escapes every non-ASCII character of a repr.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c)
        } else if n < 0x100 {
            let _ = write!(out, "\\x{n:02x}");
        } else if n < 0x10000 {
            let _ = write!(out, "\\u{n:04x}");
        } else {
            let _ = write!(out, "\\U{n:08x}");
        }
    }
    out
}

impl Vm {
    /// `repr(v)`, running user `__repr__` methods.
    pub fn repr(&mut self, v: Value) -> PyResult<String> {
        let mut seen = Vec::new();
        self.repr_inner(v, &mut seen, true)
    }

    /// An int in decimal, refused past `sys.get_int_max_str_digits()` digits
    /// (4300 by default), which also keeps the quadratic conversion of huge
    /// ints from freezing the page.
    pub fn int_to_decimal(&mut self, n: &BigInt) -> PyResult<String> {
        let limit = self.int_max_str_digits;
        // A decimal digit is log2(10) > 3.32 bits: well past the limit, don't convert at all.
        let hopeless = limit > 0 && n.bits() > (limit as u64).saturating_mul(10) / 3 + 64;
        let text = if hopeless { None } else { Some(n.to_string()) };
        match text {
            Some(t) if limit == 0 || t.trim_start_matches('-').len() <= limit => Ok(t),
            _ => Err(self.exc(
                TypeId::ValueError,
                format!("Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"),
            )),
        }
    }

    /// The str -> int direction of the limit, for a literal `int(s, base)`
    /// has already parsed: bases that are powers of two are exempt, and
    /// the digits counted are the literal's (no sign, spaces or underscores).
    pub(super) fn check_str_digits(&mut self, s: &str, base: u32) -> PyResult<()> {
        let t = s.trim().trim_start_matches(['+', '-']);
        let prefixed = base == 0 && t.len() > 1 && matches!(&t.as_bytes()[..2], [b'0', b'x' | b'X' | b'o' | b'O' | b'b' | b'B']);
        let limit = self.int_max_str_digits;
        if base.is_power_of_two() || prefixed || limit == 0 {
            return Ok(());
        }
        let digits = t.bytes().filter(u8::is_ascii_alphanumeric).count();
        if digits <= limit {
            return Ok(());
        }
        self.value_error(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
        ))
    }

    /// `repr(v)` without running Python code (user objects get the default repr).
    pub fn safe_repr(&mut self, v: Value) -> String {
        let mut seen = Vec::new();
        let saved = self.nesting;
        let r = self.repr_inner(v, &mut seen, false).unwrap_or_else(|_| "<?>".into());
        self.nesting = saved;
        r
    }

    fn repr_inner(&mut self, v: Value, seen: &mut Vec<ObjId>, calls: bool) -> PyResult<String> {
        let id = match v {
            Value::Null => return Ok("NULL".into()),
            Value::None => return Ok("None".into()),
            Value::Bool(true) => return Ok("True".into()),
            Value::Bool(false) => return Ok("False".into()),
            Value::Int(i, _) => return Ok(i.to_string()),
            Value::Float(f, _) => return Ok(float_repr(f)),
            Value::Obj(id) => id,
        };
        let container = matches!(
            self.heap.get(id),
            Object::List(_) | Object::Tuple(_) | Object::Dict(_) | Object::Set { .. } | Object::Instance(_) | Object::Deque { .. }
        );
        if container && seen.contains(&id) {
            return Ok(match self.heap.get(id) {
                Object::Dict(_) => "{...}".into(),
                Object::List(_) => "[...]".into(),
                _ => "...".into(),
            });
        }
        if container {
            // `seen` is the path of containers down to here: CPython's C
            // recursion limit holds for it, and so does wasm's nesting limit
            // (a repr level takes little of the wasm stack that
            // `enter_native` measures, but machine stack all the same).
            let depth = seen.len();
            if depth >= crate::runtime::limits::C_RECURSION_LIMIT || !crate::runtime::limits::stack::data_nesting_ok(depth) {
                return Err(self.exc(TypeId::RecursionError, "maximum recursion depth exceeded while getting the repr of an object"));
            }
            self.enter_native(" while getting the repr of an object")?;
            seen.push(id);
        }
        let r = self.repr_object(id, v, seen, calls);
        if container {
            seen.pop();
        }
        r
    }

    fn join_reprs(&mut self, items: &[Value], seen: &mut Vec<ObjId>, calls: bool) -> PyResult<String> {
        let mut parts = Vec::with_capacity(items.len());
        for x in items {
            parts.push(self.repr_inner(*x, seen, calls)?);
        }
        Ok(parts.join(", "))
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn repr_object(&mut self, id: ObjId, v: Value, seen: &mut Vec<ObjId>, calls: bool) -> PyResult<String> {
        Ok(match self.heap.get(id) {
            Object::Str(s) => str_repr(s),
            Object::Bytes(b) => crate::runtime::repr::bytes_repr(b),
            Object::Complex { re, im } => crate::runtime::repr::complex_repr(*re, *im),
            Object::ByteArray(b) => format!("bytearray({})", crate::runtime::repr::bytes_repr(b)),
            Object::Int(b) => {
                let b = b.clone();
                self.int_to_decimal(&b)?
            }
            Object::Memoized { .. } => format!("<functools._lru_cache_wrapper object at {}>", address(id)),
            Object::Deque { items, maxlen } => {
                let (items, maxlen): (Vec<Value>, Option<usize>) = (items.iter().copied().collect(), *maxlen);
                let inner = self.join_reprs(&items, seen, calls)?;
                match maxlen {
                    Some(m) => format!("deque([{inner}], maxlen={m})"),
                    None => format!("deque([{inner}])"),
                }
            }
            Object::List(items) => {
                let items = items.clone();
                format!("[{}]", self.join_reprs(&items, seen, calls)?)
            }
            Object::Tuple(items) => {
                let items = items.clone();
                let inner = self.join_reprs(&items, seen, calls)?;
                if items.len() == 1 {
                    format!("({inner},)")
                } else {
                    format!("({inner})")
                }
            }
            Object::Dict(d) if d.flavor != crate::runtime::dict::Flavor::Plain => {
                let flavor = d.flavor;
                let mut plain = d.clone();
                plain.flavor = crate::runtime::dict::Flavor::Plain;
                if flavor == crate::runtime::dict::Flavor::Counter {
                    let pairs = self.counter_most_common(id)?;
                    let mut sorted = crate::runtime::dict::Dict::new();
                    for (k, v) in pairs {
                        if let Ok(h) = self.hash_key(k) {
                            sorted.insert(h, k, v);
                        }
                    }
                    plain = sorted;
                }
                let empty = plain.is_empty();
                let tmp = Value::Obj(self.heap.alloc(Object::Dict(plain)));
                let inner = self.repr_inner(tmp, seen, calls)?;
                match flavor {
                    crate::runtime::dict::Flavor::Default(f) => {
                        let f = self.repr_inner(f, seen, calls)?;
                        format!("defaultdict({f}, {inner})")
                    }
                    _ if empty => "Counter()".to_string(),
                    _ => format!("Counter({inner})"),
                }
            }
            Object::Dict(d) => {
                let pairs: Vec<(Value, Value)> = d.iter().collect();
                let mut parts = Vec::with_capacity(pairs.len());
                for (k, v) in pairs {
                    let k = self.repr_inner(k, seen, calls)?;
                    let v = self.repr_inner(v, seen, calls)?;
                    parts.push(format!("{k}: {v}"));
                }
                format!("{{{}}}", parts.join(", "))
            }
            Object::Set { items, frozen } => {
                let (keys, frozen) = (items.keys(), *frozen);
                let inner = self.join_reprs(&keys, seen, calls)?;
                match (frozen, keys.is_empty()) {
                    (false, true) => "set()".into(),
                    (false, false) => format!("{{{inner}}}"),
                    (true, true) => "frozenset()".into(),
                    (true, false) => format!("frozenset({{{inner}}})"),
                }
            }
            Object::Function(f) => format!("<function {} at {}>", f.qualname, address(id)),
            Object::Descriptor(d) => super::slots::descriptor_repr(d, &address(self.type_obj(d.owner))),
            Object::Builtin(b) => match b.receiver {
                None => format!("<built-in function {}>", b.name),
                Some(r) if super::slots::is_slot_name(b.name) => {
                    let t = self.type_name(r);
                    format!("<method-wrapper '{}' of {} object at {}>", b.name, t, address(r.obj().unwrap_or(id)))
                }
                Some(r) => {
                    let t = self.type_name(r);
                    format!("<built-in method {} of {} object at {}>", b.name, t, address(r.obj().unwrap_or(id)))
                }
            },
            Object::Method { func, receiver } => {
                let (func, receiver) = (*func, *receiver);
                let name = match func.obj().map(|f| self.heap.get(f)) {
                    Some(Object::Function(f)) => f.qualname.to_string(),
                    _ => "?".into(),
                };
                let r = self.repr_inner(receiver, seen, calls)?;
                format!("<bound method {name} of {r}>")
            }
            Object::Range { start, stop, step } => {
                if *step == 1 {
                    format!("range({start}, {stop})")
                } else {
                    format!("range({start}, {stop}, {step})")
                }
            }
            Object::Slice { start, stop, step } => {
                let parts = [*start, *stop, *step];
                format!("slice({})", self.join_reprs(&parts, seen, calls)?)
            }
            Object::Iter(_) => format!("<{} object at {}>", self.type_name(v), address(id)),
            Object::Code(i) => {
                let c = &self.codes[*i].code;
                format!("<code object {} at {}, file \"{}\", line {}>", c.name, address(id), c.filename, c.firstlineno)
            }
            Object::Class(c) if calls && c.metaclass.is_some_and(|m| self.lookup_user_attr(m, "__repr__").is_some()) => {
                match self.call_dunder(v, "__repr__", vec![])? {
                    Some(r) => self.str_of(r)?,
                    None => unreachable!("the metaclass defines __repr__"),
                }
            }
            Object::Class(c) => match (&c.module, c.builtin) {
                (Some(m), _) => format!("<class '{}.{}'>", m, c.qualname),
                (None, Some(_)) => format!("<class '{}'>", c.name),
                (None, None) => format!("<class '__main__.{}'>", c.qualname),
            },
            Object::Module { name, .. } => format!("<module '{name}' (built-in)>"),
            Object::Instance(inst) => {
                let (class, base) = (inst.class, inst.base);
                // Without calls (the stepper's views): a subclass of a builtin type shows its value.
                if !calls && !base.is_null() && self.lookup_user_attr(class, "__repr__").is_none() {
                    return self.repr_inner(base, seen, calls);
                }
                if calls {
                    if let Some(r) = self.call_dunder(v, "__repr__", vec![])? {
                        return match r.obj().map(|i| self.heap.get(i)) {
                            Some(Object::Str(s)) => Ok(s.to_string()),
                            _ => {
                                let t = self.type_name(r);
                                self.type_error(format!("__repr__ returned non-string (type {t})"))
                            }
                        };
                    }
                }
                if let Some(e) = self.exc_data(id) {
                    let args = e.args.clone();
                    let name = self.class_name(class);
                    let inner = self.join_reprs(&args, seen, calls)?;
                    return Ok(format!("{name}({inner})"));
                }
                let (module, qual) = match self.heap.get(class) {
                    Object::Class(c) => (c.module.as_deref().unwrap_or("__main__").to_string(), c.qualname.to_string()),
                    _ => ("__main__".into(), "?".into()),
                };
                format!("<{module}.{qual} object at {}>", address(id))
            }
            Object::Cell(c) => {
                let c = *c;
                let inner = if c.is_null() { "empty".to_string() } else { format!("{} object at {}", self.type_name(c), address(c.obj().unwrap_or(id))) };
                format!("<cell at {}: {}>", address(id), inner)
            }
            Object::Generator(g) => format!("<generator object {} at {}>", g.qualname, address(id)),
            Object::StaticMethod(_) => format!("<staticmethod object at {}>", address(id)),
            Object::ClassMethod(_) => format!("<classmethod object at {}>", address(id)),
            Object::Property { .. } => format!("<property object at {}>", address(id)),
            Object::Super { .. } => format!("<super object at {}>", address(id)),
            Object::DictView { dict, kind } => {
                let (dict, kind) = (*dict, *kind);
                let items: Vec<Value> = match self.heap.get(dict) {
                    Object::Dict(d) => d.iter().map(|(k, v)| match kind {
                        ViewKind::Keys => k,
                        ViewKind::Values => v,
                        ViewKind::Items => Value::Null,
                    }).collect(),
                    _ => vec![],
                };
                let items = if kind == ViewKind::Items {
                    let pairs: Vec<(Value, Value)> = match self.heap.get(dict) { Object::Dict(d) => d.iter().collect(), _ => vec![] };
                    pairs.into_iter().map(|(k, v)| self.new_tuple(vec![k, v])).collect()
                } else { items };
                let name = self.type_name(v);
                format!("{name}([{}])", self.join_reprs(&items, seen, calls)?)
            }
            Object::NotImplemented => "NotImplemented".into(),
            Object::Ellipsis => "Ellipsis".into(),
        })
    }

    /// `str(v)` as a Rust string.
    pub fn str_of(&mut self, v: Value) -> PyResult<String> {
        if let Value::Obj(id) = v {
            match self.heap.get(id) {
                Object::Str(s) => return Ok(s.to_string()),
                Object::Instance(inst) => {
                    let class = inst.class;
                    if let Some(r) = self.call_dunder(v, "__str__", vec![])? {
                        return match r.obj().map(|i| self.heap.get(i)) {
                            Some(Object::Str(s)) => Ok(s.to_string()),
                            _ => {
                                let t = self.type_name(r);
                                self.type_error(format!("__str__ returned non-string (type {t})"))
                            }
                        };
                    }
                    // Exceptions have BaseException.__str__ (their args), whatever their __repr__.
                    if let Some(e) = self.exc_data(id) {
                        let args = e.args.clone();
                        let key_error = self.is_subclass(class, self.type_obj(TypeId::KeyError));
                        return match args.len() {
                            0 => Ok(String::new()),
                            1 if !key_error => self.str_of(args[0]),
                            1 => self.repr(args[0]),
                            _ => {
                                let t = self.new_tuple(args);
                                self.repr(t)
                            }
                        };
                    }
                }
                _ => {}
            }
        }
        self.repr(v)
    }

    /// `str(v)` as a value (no copy for a str).
    pub fn str_value(&mut self, v: Value) -> PyResult<Value> {
        if let Some(Object::Str(_)) = v.obj().map(|i| self.heap.get(i)) {
            return Ok(v);
        }
        if let Some(r) = self.number_text_value(v) {
            return Ok(r);
        }
        let s = self.str_of(v)?;
        Ok(self.new_string(s))
    }

    /// `repr(v)` as a value.
    pub fn repr_value(&mut self, v: Value) -> PyResult<Value> {
        if let Some(r) = self.number_text_value(v) {
            return Ok(r);
        }
        let s = self.repr(v)?;
        Ok(self.new_string(s))
    }

    /// `ascii(v)` as a value: the repr itself when it is all ASCII.
    pub fn ascii_value(&mut self, v: Value) -> PyResult<Value> {
        let r = self.repr_value(v)?;
        let escaped = match r.obj().map(|id| self.heap.get(id)) {
            Some(Object::Str(s)) if !s.is_ascii() => ascii_escape(s),
            _ => return Ok(r),
        };
        Ok(self.new_string(escaped))
    }

    /// The str and repr of an int or a bool as CPython's objects: an int's digits
    /// go into a fresh str, even a one-character one (`str(5) is "5"` is False,
    /// where str operations share the one-character singletons), and `True` and
    /// `False` are the interned names (`str(True) is "True"`; None's is new).
    fn number_text_value(&mut self, v: Value) -> Option<Value> {
        let name = match v {
            Value::Int(i, _) => return Some(super::methods::int_str(&mut self.heap, i)),
            Value::Bool(true) => "True",
            Value::Bool(false) => "False",
            _ => return None,
        };
        Some(self.intern(&std::rc::Rc::from(name)))
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: Value, spec: &str) -> PyResult<String> {
        if let Some(Object::Instance(_)) = v.obj().map(|i| self.heap.get(i)) {
            let s = self.new_str(spec);
            if let Some(r) = self.call_dunder(v, "__format__", vec![s])? {
                // A str or an instance of a str subclass (its payload), as PyObject_Format checks.
                if let Some(Object::Str(text)) = self.payload(r).obj().map(|id| self.heap.get(id)) {
                    return Ok(text.to_string());
                }
                let t = self.type_name(r);
                return self.type_error(format!("__format__ must return a str, not {t}"));
            }
            if spec.is_empty() {
                return self.str_of(v);
            }
            let t = self.type_name(v);
            return self.type_error(format!("unsupported format string passed to {t}.__format__"));
        }
        if spec.is_empty() {
            return self.str_of(v);
        }
        let f = match FormatSpec::parse(spec) {
            Ok(f) => f,
            Err(msg) => return self.value_error(msg),
        };
        // A width or precision beyond the memory budget cannot be padded.
        self.check_size(f.width.unwrap_or(0).max(f.precision.unwrap_or(0)), 1)?;
        match v {
            Value::Float(x, _) => self.format_float_checked(x, &f),
            Value::Int(_, _) | Value::Bool(_) => self.format_int(v, &f),
            Value::Obj(id) if matches!(self.heap.get(id), Object::Int(_)) => self.format_int(v, &f),
            Value::Obj(id) if matches!(self.heap.get(id), Object::Complex { .. }) => {
                let z = self.complex_parts(v).unwrap_or_default();
                self.format_complex(z, &f)
            }
            Value::Obj(id) if matches!(self.heap.get(id), Object::Str(_)) => {
                let s = self.str_of(v)?;
                if let Some(k) = f.kind.filter(|k| *k != 's') {
                    return self.value_error(format!("Unknown format code '{k}' for object of type 'str'"));
                }
                if f.sign.is_some() {
                    return self.value_error("Sign not allowed in string format specifier");
                }
                let s = match f.precision {
                    Some(p) => s.chars().take(p).collect(),
                    None => s,
                };
                Ok(f.pad("", &s, '<'))
            }
            _ => {
                let s = self.str_of(v)?;
                if f == FormatSpec::default() {
                    return Ok(s);
                }
                let t = self.type_name(v);
                self.type_error(format!("unsupported format string passed to {t}.__format__"))
            }
        }
    }

    fn format_float_checked(&mut self, x: f64, f: &FormatSpec) -> PyResult<String> {
        match f.kind {
            None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' | 'n') => Ok(format_float(x, f)),
            Some(k) => self.value_error(format!("Unknown format code '{k}' for object of type 'float'")),
        }
    }

    fn format_int(&mut self, v: Value, f: &FormatSpec) -> PyResult<String> {
        let n = match self.num(v) {
            Some(super::ops::Num::Int(i)) => num_bigint::BigInt::from(i),
            Some(super::ops::Num::Big(b)) => b,
            _ => num_bigint::BigInt::from(0),
        };
        let kind = f.kind.unwrap_or('d');
        if matches!(kind, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
            let x = num_traits::ToPrimitive::to_f64(&n).unwrap_or(f64::INFINITY);
            return Ok(format_float(x, f));
        }
        if f.precision.is_some() {
            return self.value_error("Precision not allowed in integer format specifier");
        }
        let neg = n < num_bigint::BigInt::from(0);
        let mag = if neg { -n } else { n };
        let (mut body, prefix) = match kind {
            'd' | 'n' => (self.int_to_decimal(&mag)?, ""),
            'x' => (mag.to_str_radix(16), "0x"),
            'X' => (mag.to_str_radix(16).to_ascii_uppercase(), "0X"),
            'o' => (mag.to_str_radix(8), "0o"),
            'b' => (mag.to_str_radix(2), "0b"),
            'c' => {
                let c = num_traits::ToPrimitive::to_u32(&mag).and_then(char::from_u32).unwrap_or('?');
                (c.to_string(), "")
            }
            k => return self.value_error(format!("Unknown format code '{k}' for object of type 'int'")),
        };
        if let Some(sep) = f.grouping {
            body = group_digits(&body, sep);
        }
        let sign = if neg {
            "-"
        } else {
            match f.sign {
                Some('+') => "+",
                Some(' ') => " ",
                _ => "",
            }
        };
        let sign = if f.alternate { format!("{sign}{prefix}") } else { sign.to_string() };
        Ok(f.pad(&sign, &body, '>'))
    }

    /// The str of `fmt % args` whose text is `r`: CPython gives back the argument
    /// itself when the format is one `%s` conversion (no other text) of an exact
    /// str that comes out unchanged, as in `"%s" % s is s`.
    pub(super) fn percent_result(&mut self, fmt: &str, args: Value, r: String) -> Value {
        let one_conversion = fmt.starts_with('%') && fmt.ends_with('s') && fmt.matches('%').count() == 1 && !crate::text::has_char(&fmt, '(');
        if one_conversion {
            let arg = match args.obj().map(|id| self.heap.get(id)) {
                Some(Object::Tuple(items)) if items.len() == 1 => items[0],
                _ => args,
            };
            if super::methods::exact_str_is(&self.heap, arg, &r) {
                return arg;
            }
        }
        self.new_string(r)
    }

    /// `fmt % args` (printf-style formatting of str).
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    pub(super) fn percent_format(&mut self, fmt: &str, args: Value) -> PyResult<String> {
        let items = match args.obj().map(|i| self.heap.get(i)) {
            Some(Object::Tuple(items)) => items.clone(),
            _ => vec![args],
        };
        let is_mapping = matches!(args.obj().map(|i| self.heap.get(i)), Some(Object::Dict(_)));
        let mut next = 0;
        let mut out = String::new();
        let chars: Vec<char> = fmt.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            i += 1;
            if c != '%' {
                out.push(c);
                continue;
            }
            let mut spec = String::new();
            let mut key = None;
            if i < chars.len() && chars[i] == '(' {
                let end = chars[i..].iter().position(|c| *c == ')').map(|p| p + i).unwrap_or(chars.len());
                key = Some(chars[i + 1..end].iter().collect::<String>());
                i = end + 1;
            }
            while i < chars.len() && crate::text::has_char("-+ #0123456789.", chars[i]) {
                spec.push(chars[i]);
                i += 1;
            }
            let Some(&conv) = chars.get(i) else {
                return self.value_error("incomplete format");
            };
            i += 1;
            if conv == '%' {
                out.push('%');
                continue;
            }
            let arg = if let (Some(k), true) = (&key, is_mapping) {
                let k = self.new_str(k);
                self.getitem(args, k)?
            } else {
                let Some(a) = items.get(next).copied() else {
                    return self.type_error("not enough arguments for format string");
                };
                next += 1;
                a
            };
            let (flags, rest): (String, String) = {
                let p = spec.find(|c: char| c.is_ascii_digit() && c != '0' || c == '.').unwrap_or(spec.len());
                (substr(&spec, ..p).to_string(), substr(&spec, p..).to_string())
            };
            let mut f = FormatSpec::default();
            if crate::text::has_char(&flags, '-') {
                f.align = Some('<');
            }
            if crate::text::has_char(&flags, '+') {
                f.sign = Some('+');
            } else if crate::text::has_char(&flags, ' ') {
                f.sign = Some(' ');
            }
            if crate::text::has_char(&flags, '0') && !crate::text::has_char(&flags, '-') {
                f.zero = true;
            }
            f.alternate = crate::text::has_char(&flags, '#');
            let (w, p) = rest.split_once('.').map(|(w, p)| (w.to_string(), Some(p.to_string()))).unwrap_or((rest.clone(), None));
            f.width = w.parse().ok();
            f.precision = p.map(|p| p.parse().unwrap_or(0));
            // A width or precision beyond the memory budget cannot be padded.
            self.check_size(f.width.unwrap_or(0).max(f.precision.unwrap_or(0)), 1)?;
            let text = match conv {
                's' => {
                    let s = self.str_of(arg)?;
                    let s: String = match f.precision { Some(p) => s.chars().take(p).collect(), None => s };
                    f.precision = None;
                    f.pad("", &s, '>')
                }
                'r' | 'a' => {
                    let s = self.repr(arg)?;
                    f.pad("", &s, '>')
                }
                'd' | 'i' | 'u' => {
                    let n = match self.payload(arg) {
                        Value::Float(x, _) => Value::int(x.trunc() as i64),
                        other => other,
                    };
                    if self.num(n).is_none() {
                        let t = self.type_name(arg);
                        return self.type_error(format!("%{conv} format: a real number is required, not {t}"));
                    }
                    f.kind = Some('d');
                    self.format_int(n, &f)?
                }
                'x' | 'X' | 'o' => {
                    f.kind = Some(conv);
                    let n = self.payload(arg);
                    self.format_int(n, &f)?
                }
                'f' | 'F' | 'e' | 'E' | 'g' | 'G' => {
                    let Some(n) = self.num(self.payload(arg)) else {
                        let t = self.type_name(arg);
                        return self.type_error(format!("must be real number, not {t}"));
                    };
                    let x = self.to_f64(&n)?;
                    f.kind = Some(conv);
                    if f.precision.is_none() {
                        f.precision = Some(6);
                    }
                    format_float(x, &f)
                }
                'c' => {
                    let s = match arg {
                        Value::Int(i, _) => char::from_u32(i as u32).map(|c| c.to_string()).unwrap_or_default(),
                        other => self.str_of(other)?,
                    };
                    f.pad("", &s, '>')
                }
                other => {
                    return self.value_error(format!(
                        "unsupported format character '{}' (0x{:x}) at index {}",
                        other,
                        other as u32,
                        i - 1
                    ))
                }
            };
            out.push_str(&text);
        }
        if next < items.len() && !is_mapping {
            return self.type_error("not all arguments converted during string formatting");
        }
        Ok(out)
    }
}

