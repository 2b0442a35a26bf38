//! Hashing and the dict / set operations the instructions and builtins share.

use super::types::TypeId;
use super::{PyResult, Vm};
use crate::runtime::dict::HashKey;
use crate::runtime::heap::Heap;
use crate::runtime::set::PySet;
use crate::runtime::object::Object;
use crate::runtime::value::{ObjId, Value};

/// The key of a str, int, float, bool or None: types whose hash and
/// equality no user code can change, so no `__hash__` to consult and no
/// collisions to tell apart; `hash_key` and `key_in` start with it, and run
/// mode's inline dict accesses use nothing else.
#[inline(always)]
pub(super) fn builtin_key(heap: &Heap, v: Value) -> Option<HashKey> {
    Some(match v {
        Value::Obj(id) => match heap.lookup(id)? {
            Object::Str(s) => HashKey::Str(s.clone()),
            _ => return None,
        },
        Value::Int(i, _) => HashKey::Int(i),
        Value::Bool(b) => HashKey::Int(b as i64),
        Value::None => HashKey::None,
        Value::Float(f, _) => HashKey::from_float(f),
        Value::Null => return None,
    })
}

/// Why a value has no hash-table key.
#[derive(Debug)]
pub enum Unhashable {
    /// A value of this (unhashable) type, at any depth: TypeError.
    Type(String),
    /// Tuples nested deeper than the native stack can hash: RecursionError.
    TooDeep,
}

impl Vm {
    /// The hash-table key of a hashable value; the type name of an
    /// unhashable one (for the TypeError).
    pub fn hash_key(&self, v: Value) -> Result<HashKey, Unhashable> {
        self.hash_key_nested(v, 0)
    }

    fn hash_key_nested(&self, v: Value, depth: usize) -> Result<HashKey, Unhashable> {
        if let Some(key) = self.builtin_key(v) {
            return Ok(key);
        }
        Ok(match v {
            Value::Obj(id) => match self.heap.get(id) {
                Object::Bytes(b) => HashKey::Bytes(b.clone()),
                Object::Complex { re, im } => Vm::complex_key(*re, *im),
                Object::ByteArray(_) => return Err(Unhashable::Type(self.type_name(v))),
                Object::Int(b) => HashKey::BigInt(b.clone()),
                // Equal ranges are equal keys: CPython hashes (len, start, step), with
                // None for what the length makes irrelevant; the range class comes
                // first so no tuple of ints is the same key.
                &Object::Range { start, stop, step } => {
                    let len = super::ops::range_len(start, stop, step);
                    let mut key = vec![HashKey::Id(self.type_obj(TypeId::Range).0), HashKey::Int(len)];
                    key.extend((len > 0).then_some(HashKey::Int(start)));
                    key.extend((len > 1).then_some(HashKey::Int(step)));
                    HashKey::Tuple(key)
                }
                // A subclass of a builtin type hashes as its value (a str subclass finds "a").
                Object::Instance(i) if !i.base.is_null() => return self.hash_key_nested(i.base, depth + 1),
                Object::Tuple(items) => {
                    // Each level recurses natively (here, and in the key's
                    // Hash, Eq and Drop), however deep the tuples nest.
                    if !crate::runtime::limits::stack::data_nesting_ok(depth) {
                        return Err(Unhashable::TooDeep);
                    }
                    HashKey::Tuple(items.iter().map(|x| self.hash_key_nested(*x, depth + 1)).collect::<Result<_, _>>()?)
                }
                Object::List(_) | Object::Dict(_) | Object::Set { frozen: false, .. } | Object::Slice { .. } => {
                    return Err(Unhashable::Type(self.type_name(v)))
                }
                Object::Set { items, frozen: true } => {
                    let mut keys: Vec<String> = items
                        .keys()
                        .iter()
                        .map(|k| self.hash_key(*k).map_or_else(|_| "?".to_string(), |k| key_text(&k)))
                        .collect();
                    crate::sort::sort(&mut keys);
                    HashKey::Str(keys.join(",").into())
                }
                _ => HashKey::Id(id.0),
            },
            // What `builtin_key` leaves besides objects: the NULL marker.
            _ => HashKey::None,
        })
    }

    pub(super) fn key(&mut self, v: Value) -> PyResult<HashKey> {
        let class = match v.obj().map(|i| self.heap.get(i)) {
            // The most common key, with no user `__hash__` to consult.
            Some(Object::Str(s)) => return Ok(HashKey::Str(s.clone())),
            Some(Object::Instance(inst)) => inst.class,
            _ => return self.plain_key(v),
        };
        let hash = self.lookup_user_attr(class, "__hash__");
        if matches!(hash, Some(Value::None)) {
            // `__hash__ = None` (set by classes defining __eq__, and by dataclasses).
            let t = self.type_name(v);
            return self.type_error(format!("unhashable type: '{t}'"));
        }
        if hash.is_some() {
            let h = self.call_dunder(v, "__hash__", vec![])?.unwrap_or(Value::None);
            return match self.num(h) {
                Some(super::ops::Num::Int(i)) => Ok(HashKey::Custom(if i == -1 { -2 } else { i }, 0)),
                Some(super::ops::Num::Big(b)) => Ok(HashKey::Custom(num_traits::ToPrimitive::to_i64(&(b % ((1i64 << 61) - 1))).unwrap_or(0), 0)),
                _ => self.type_error("__hash__ method should return an integer"),
            };
        }
        if self.lookup_user_attr(class, "__eq__").is_some() {
            let t = self.type_name(v);
            return self.type_error(format!("unhashable type: '{t}'"));
        }
        self.plain_key(v)
    }

    /// The key of a value whose type has no user `__hash__`.
    fn plain_key(&mut self, v: Value) -> PyResult<HashKey> {
        match self.hash_key(v) {
            Ok(key) => Ok(key),
            Err(Unhashable::Type(t)) => self.type_error(format!("unhashable type: '{t}'")),
            Err(Unhashable::TooDeep) => Err(self.exc(TypeId::RecursionError, "maximum recursion depth exceeded")),
        }
    }

    #[inline(always)]
    fn builtin_key(&self, v: Value) -> Option<HashKey> {
        builtin_key(&self.heap, v)
    }

    /// The key of `v` in the dict or set `container`. Instances with a user
    /// `__hash__` that collide are told apart by calling `__eq__` (stored
    /// key first, as CPython compares), each distinct one getting its own slot.
    #[inline(always)]
    pub(super) fn key_in(&mut self, container: ObjId, v: Value) -> PyResult<HashKey> {
        match self.builtin_key(v) {
            Some(key) => Ok(key),
            None => self.general_key_in(container, v),
        }
    }

    /// `key_in` for the values `builtin_key` leaves.
    fn general_key_in(&mut self, container: ObjId, v: Value) -> PyResult<HashKey> {
        let key = self.key(v)?;
        let HashKey::Custom(h, _) = key else { return Ok(key) };
        for i in 0.. {
            let k = HashKey::Custom(h, i);
            let stored = match self.heap.get(container) {
                Object::Dict(d) => d.stored_key(&k),
                Object::Set { items, .. } => items.stored_key(&k),
                _ => None,
            };
            match stored {
                None => return Ok(k),
                Some(s) if s.is(v) || self.eq(s, v)? => return Ok(k),
                Some(_) => {}
            }
        }
        Ok(key)
    }

    /// `d[k] = v`.
    pub fn dict_set(&mut self, d: ObjId, k: Value, v: Value) -> PyResult<()> {
        let h = self.key_in(d, k)?;
        if let Object::Dict(d) = self.heap.get_mut(d) {
            d.insert(h, k, v);
        }
        Ok(())
    }

    pub fn dict_get(&mut self, d: ObjId, k: Value) -> PyResult<Option<Value>> {
        let h = self.key_in(d, k)?;
        Ok(match self.heap.get(d) {
            Object::Dict(d) => d.get(&h),
            _ => None,
        })
    }

    /// The (key, value) pairs of a mapping that is not a dict: an object
    /// with `keys()` and `__getitem__`, as `dict(m)` and `{**m}` read it.
    fn mapping_pairs(&mut self, mapping: Value) -> PyResult<Vec<(Value, Value)>> {
        let keys_method = self.getattr(mapping, "keys")?;
        let keys = self.call(keys_method, crate::runtime::object::Args::new(vec![]))?;
        let mut pairs = Vec::new();
        for k in self.collect_iterable(keys)? {
            let v = self.getitem(mapping, k)?;
            pairs.push((k, v));
        }
        Ok(pairs)
    }

    /// `d.update(other)`; with `merge` (calls with `**`), duplicate keys are an error.
    pub(super) fn dict_update(&mut self, d: Value, other: Value, merge: bool) -> PyResult<()> {
        let Some(d) = d.obj() else { return Ok(()) };
        let pairs: Vec<(Value, Value)> = match other.obj().map(|id| self.heap.get(id)) {
            Some(Object::Dict(o)) => o.iter().collect(),
            Some(Object::Instance(i)) if self.lookup_user_attr(i.class, "keys").is_some() => self.mapping_pairs(other)?,
            // A dict subclass that keeps dict's keys(): its items, as CPython's fast path.
            Some(Object::Instance(i)) if matches!(i.base.obj().map(|b| self.heap.get(b)), Some(Object::Dict(_))) => {
                match self.heap.get(i.base.obj().unwrap()) {
                    Object::Dict(o) => o.iter().collect(),
                    _ => unreachable!(),
                }
            }
            _ => {
                if merge {
                    let t = self.type_name(other);
                    return self.type_error(format!("argument after ** must be a mapping, not {t}"));
                }
                let mut pairs = Vec::new();
                for item in self.collect_iterable(other)? {
                    let kv = match self.collect_iterable(item) {
                        Ok(kv) => kv,
                        Err(_) => {
                            let msg = format!("cannot convert dictionary update sequence element #{} to a sequence", pairs.len());
                            return self.type_error(msg);
                        }
                    };
                    if kv.len() != 2 {
                        let msg = format!(
                            "dictionary update sequence element #{} has length {}; 2 is required",
                            pairs.len(),
                            kv.len()
                        );
                        return self.value_error(msg);
                    }
                    pairs.push((kv[0], kv[1]));
                }
                pairs
            }
        };
        for (k, v) in pairs {
            if merge && self.dict_get(d, k)?.is_some() {
                let k = self.repr(k)?;
                return self.type_error(format!("got multiple values for keyword argument {k}"));
            }
            self.dict_set(d, k, v)?;
        }
        Ok(())
    }

    pub fn new_set(&mut self, items: Vec<Value>, frozen: bool) -> PyResult<Value> {
        let set = Value::Obj(self.heap.alloc(Object::Set { items: PySet::new(), frozen }));
        for v in items {
            self.set_add(set, v)?;
        }
        Ok(set)
    }

    pub(super) fn set_add(&mut self, set: Value, v: Value) -> PyResult<()> {
        let Some(id) = set.obj() else { return Ok(()) };
        let h = self.key_in(id, v)?;
        if let Some(Object::Set { items, .. }) = set.obj().map(|id| self.heap.get_mut(id)) {
            items.insert(h, v);
        }
        Ok(())
    }

    pub(super) fn set_items(&self, set: Value) -> Vec<Value> {
        match set.obj().map(|id| self.heap.get(id)) {
            Some(Object::Set { items, .. }) => items.keys(),
            _ => Vec::new(),
        }
    }

    /// `a | b`, `a & b`, `a - b`, `a ^ b` of sets (BINARY_OP indices 7, 1, 10, 12).
    pub(super) fn set_op(&mut self, a: Value, b: Value, op: usize, inplace: bool) -> PyResult<Value> {
        let frozen = matches!(a.obj().map(|id| self.heap.get(id)), Some(Object::Set { frozen: true, .. }));
        let (xs, ys) = (self.set_items(a), self.set_items(b));
        let in_set = |vm: &mut Vm, set: Value, v: Value| -> PyResult<bool> { vm.contains(set, v) };
        let mut out = Vec::new();
        match op {
            7 => {
                out.extend(xs.iter().copied());
                out.extend(ys.iter().copied());
            }
            1 => {
                for x in xs {
                    if in_set(self, b, x)? {
                        out.push(x);
                    }
                }
            }
            10 => {
                for x in xs {
                    if !in_set(self, b, x)? {
                        out.push(x);
                    }
                }
            }
            _ => {
                for x in xs {
                    if !in_set(self, b, x)? {
                        out.push(x);
                    }
                }
                for y in ys {
                    if !in_set(self, a, y)? {
                        out.push(y);
                    }
                }
            }
        }
        let result = self.new_set(out, frozen)?;
        if inplace {
            let new = match result.obj().map(|id| self.heap.get(id)) {
                Some(Object::Set { items, .. }) => items.clone(),
                _ => PySet::new(),
            };
            if let Some(Object::Set { items, .. }) = a.obj().map(|id| self.heap.get_mut(id)) {
                *items = new;
            }
            return Ok(a);
        }
        Ok(result)
    }

    /// A KeyError-free lookup helper for `dict.get`.
    pub(super) fn key_error(&mut self, k: Value) -> super::Exc {
        self.exc_with_args(TypeId::KeyError, vec![k])
    }
}

/// A text naming a hash key, equal for equal keys (a frozenset inside a key is
/// keyed by its members' texts, sorted). Written out rather than `{:?}`: Debug
/// formatting of strings would link Rust's Unicode escaping tables into the wasm.
fn key_text(k: &HashKey) -> String {
    match k {
        HashKey::None => "N".into(),
        HashKey::Int(i) => format!("i{i}"),
        HashKey::BigInt(i) => format!("I{i}"),
        HashKey::Float(bits) => format!("f{bits:x}"),
        HashKey::Str(s) => format!("s{}:{s}", s.len()),
        HashKey::Bytes(b) => format!("b{}", b.iter().map(|x| format!("{x:02x}")).collect::<String>()),
        HashKey::Tuple(items) => format!("t{}({})", items.len(), items.iter().map(key_text).collect::<Vec<_>>().join(",")),
        HashKey::Id(id) => format!("o{id}"),
        HashKey::Custom(h, id) => format!("c{h},{id}"),
    }
}
