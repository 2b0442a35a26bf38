//! Object identity as CPython 3.12 has it, where programs can see it
//! with `is` and `id()`:
//! - equal constants are one object across the whole program (CPython's
//!   compiler merges them per module, and interns identifier-like strings);
//! - the empty str and every one-character latin-1 str are singletons, as
//!   are the empty tuple, the empty bytes and every one-byte bytes;
//! - small ints (-5..=256) and the inline singletons are identical by value
//!   (`Value::is`);
//! - every other int and every float a runtime operation produces is a new
//!   object: inline numbers carry an `Ident` (see `runtime::value`); int and
//!   float constants share one per value, `Ident::CONSTANT`.

use super::Vm;
use crate::bytecode::Constant;
use crate::runtime::heap::Heap;
use crate::runtime::object::Object;
use crate::runtime::pystr::PyStr;
use crate::runtime::value::{ObjId, Value};
use crate::runtime::dict::FxHashMap;
use std::rc::Rc;

/// The shared objects behind the rules above, created on first use.
#[derive(Clone, Default)]
pub struct Singletons {
    /// Constants by their value (the Debug text of the `Constant`).
    constants: FxHashMap<String, Value>,
    /// `""` at 0 and `chr(i)` at i + 1, for i < 256.
    latin1: Vec<Option<ObjId>>,
    /// `b""` at 0 and `bytes([i])` at i + 1.
    bytes: Vec<Option<ObjId>>,
    empty_tuple: Option<ObjId>,
}

impl Singletons {
    /// What the collector must keep alive.
    pub fn roots(&self, out: &mut Vec<Value>) {
        out.extend(self.constants.values().copied());
        out.extend(self.latin1.iter().chain(&self.bytes).flatten().map(|id| Value::Obj(*id)));
        out.extend(self.empty_tuple.map(Value::Obj));
    }
}

/// The singleton slot of a str: 0 for "", i + 1 for one latin-1 char i
/// (read from the UTF-8 bytes: one byte is ASCII, and a two-byte char
/// below U+0100 starts with 0xC2 or 0xC3).
#[inline(always)]
fn latin1_slot(s: &str) -> Option<usize> {
    match *s.as_bytes() {
        [] => Some(0),
        [b] => Some(b as usize + 1),
        [lead @ (0xC2 | 0xC3), b] => Some(((lead as usize & 0x1F) << 6 | (b as usize & 0x3F)) + 1),
        _ => None,
    }
}

/// A str value of `s`: the singleton for "" and one-character latin-1
/// strs, else a new object. `Vm::str_object` and run mode's loop (which
/// holds the heap and the singletons apart from the VM) both make strs here.
pub(super) fn str_value(heap: &mut Heap, singletons: &mut Singletons, s: PyStr) -> Value {
    let Some(slot) = latin1_slot(&s) else {
        return Value::Obj(heap.alloc(Object::Str(s)));
    };
    let cache = &mut singletons.latin1;
    if cache.is_empty() {
        cache.resize(257, None);
    }
    if let Some(id) = cache[slot] {
        return Value::Obj(id);
    }
    let id = heap.alloc(Object::Str(s));
    singletons.latin1[slot] = Some(id);
    Value::Obj(id)
}

/// A new str object even of one character, as CPython's joins and int-to-str
/// conversions make (they write into a str of the final length); only ""
/// is the singleton.
pub(super) fn fresh_str_value(heap: &mut Heap, singletons: &mut Singletons, s: PyStr) -> Value {
    if s.is_empty() {
        return str_value(heap, singletons, s);
    }
    Value::Obj(heap.alloc(Object::Str(s)))
}

/// The str of one char (`chr(i)`, an item of a str's iterator; run mode's loop
/// answers `chr` here too): the latin-1 singleton below 256, looked up
/// without encoding once it exists, else a new str.
pub(super) fn char_value(heap: &mut Heap, singletons: &mut Singletons, c: char) -> Value {
    if let Some(&Some(id)) = singletons.latin1.get(c as usize + 1) {
        return Value::Obj(id);
    }
    let mut buf = [0u8; 4];
    str_value(heap, singletons, PyStr::from(&*c.encode_utf8(&mut buf)))
}

impl Vm {
    /// A new str, or the singleton for "" and one-character latin-1 strings.
    pub(super) fn str_object(&mut self, s: impl Into<PyStr>) -> Value {
        str_value(&mut self.heap, &mut self.identity, s.into())
    }

    /// A new bytes, or the singleton for b"" and one-byte bytes.
    pub(super) fn bytes_object(&mut self, b: Vec<u8>) -> Value {
        if b.len() > 1 {
            return Value::Obj(self.heap.alloc(Object::Bytes(Rc::from(b))));
        }
        let slot = b.first().map_or(0, |&x| x as usize + 1);
        let cache = &mut self.identity.bytes;
        if cache.is_empty() {
            cache.resize(257, None);
        }
        if let Some(id) = cache[slot] {
            return Value::Obj(id);
        }
        let id = self.heap.alloc(Object::Bytes(Rc::from(b)));
        self.identity.bytes[slot] = Some(id);
        Value::Obj(id)
    }

    /// A new tuple, or the singleton `()`.
    pub(super) fn tuple_object(&mut self, items: Vec<Value>) -> Value {
        if !items.is_empty() {
            return Value::Obj(self.heap.alloc(Object::Tuple(items)));
        }
        if let Some(id) = self.identity.empty_tuple {
            return Value::Obj(id);
        }
        let id = self.heap.alloc(Object::Tuple(items));
        self.identity.empty_tuple = Some(id);
        Value::Obj(id)
    }

    /// The one object for a str, bytes, tuple, frozenset or big-int constant:
    /// the same value wherever the program spells it. Strings are interned,
    /// so a constant `"name"` is also the object `sys.intern("name")` gives.
    pub(super) fn shared_constant(&mut self, c: &Constant, make: impl FnOnce(&mut Vm) -> Value) -> Value {
        if let Constant::Str(s) = c {
            return self.intern(s);
        }
        let mut key = String::new();
        constant_key(c, &mut key);
        if let Some(&v) = self.identity.constants.get(&key) {
            return v;
        }
        let v = make(self);
        self.identity.constants.insert(key, v);
        v
    }
}

/// A text that tells constants apart exactly as CPython's constant cache
/// does: by type and value (1, 1.0 and True differ; so do 0.0 and -0.0).
fn constant_key(c: &Constant, out: &mut String) {
    use std::fmt::Write;
    let _ = match c {
        Constant::None => write!(out, "N"),
        Constant::Ellipsis => write!(out, "E"),
        Constant::Bool(b) => write!(out, "B{}", *b as u8),
        Constant::Int(i) => write!(out, "I{i}"),
        Constant::Float(f) => write!(out, "F{:x}", f.to_bits()),
        Constant::Complex { real, imag } => write!(out, "C{:x},{:x}", real.to_bits(), imag.to_bits()),
        Constant::Str(s) => write!(out, "S{}:{s}", s.len()),
        Constant::Bytes(b) => write!(out, "Y{}:{}", b.len(), crate::runtime::repr::bytes_repr(b)),
        Constant::Tuple(items) | Constant::FrozenSet(items) => {
            out.push(if matches!(c, Constant::Tuple(_)) { '(' } else { '{' });
            for item in items.iter() {
                constant_key(item, out);
                out.push(',');
            }
            write!(out, ")")
        }
        // Code objects are never shared (nor found inside other constants).
        Constant::Code(code) => write!(out, "K{:p}", Rc::as_ptr(code)),
    };
}

/// `sys.intern(s)`.
pub(super) fn sys_intern(vm: &mut Vm, args: &mut crate::runtime::object::Args) -> super::PyResult<Value> {
    let n = args.pos.len();
    let s = match args.pos.first().map(|v| (*v, v.obj().map(|id| vm.heap.get(id)))) {
        Some((_, Some(Object::Str(s)))) if n == 1 && args.kw.is_empty() => s.to_rc(),
        Some((v, _)) if n == 1 && args.kw.is_empty() => {
            let t = vm.type_name(v);
            return vm.type_error(format!("intern() argument must be str, not {t}"));
        }
        _ => return vm.type_error(format!("intern() takes exactly one argument ({n} given)")),
    };
    Ok(vm.intern(&s))
}
