//! Attribute access: instances, classes (MRO), super(), builtin methods.

use super::types::TypeId;
use super::{PyResult, Vm};
use crate::runtime::dict::HashKey;
use crate::runtime::object::{Builtin, DescrKind, Iter, Object, ViewKind};
use crate::runtime::value::{ObjId, Value};
use std::rc::Rc;

impl Vm {
    /// `type(v)`.
    pub fn type_of(&self, v: Value) -> ObjId {
        let t = match v {
            Value::Null | Value::None => TypeId::NoneType,
            Value::Bool(_) => TypeId::Bool,
            Value::Int(_, _) => TypeId::Int,
            Value::Float(_, _) => TypeId::Float,
            Value::Obj(id) => match self.heap.get(id) {
                Object::Str(_) => TypeId::Str,
                Object::Bytes(_) => TypeId::Bytes,
                Object::Complex { .. } => TypeId::Complex,
                Object::ByteArray(_) => TypeId::ByteArray,
                Object::Int(_) => TypeId::Int,
                Object::List(_) => TypeId::List,
                Object::Tuple(_) => TypeId::Tuple,
                Object::Dict(d) => match d.flavor {
                    crate::runtime::dict::Flavor::Plain => TypeId::Dict,
                    crate::runtime::dict::Flavor::Default(_) => TypeId::DefaultDict,
                    crate::runtime::dict::Flavor::Counter => TypeId::Counter,
                },
                Object::Set { frozen: false, .. } => TypeId::Set,
                Object::Set { frozen: true, .. } => TypeId::FrozenSet,
                Object::Function(_) => TypeId::Function,
                Object::Builtin(b) if b.receiver.is_some() && super::slots::is_slot_name(b.name) => TypeId::MethodWrapper,
                Object::Builtin(_) => TypeId::BuiltinFunction,
                Object::Descriptor(d) => match d.kind {
                    DescrKind::Slot => TypeId::WrapperDescriptor,
                    DescrKind::Method => TypeId::MethodDescriptor,
                    DescrKind::ClassMethod => TypeId::ClassMethodDescriptor,
                    DescrKind::Static => TypeId::BuiltinFunction,
                },
                Object::Method { .. } => TypeId::Method,
                Object::Range { .. } => TypeId::Range,
                Object::Slice { .. } => TypeId::Slice,
                Object::Iter(it) => match it {
                    Iter::Seq { kind: "list", .. } => TypeId::ListIterator,
                    Iter::Seq { kind: "bytes", .. } => TypeId::BytesIterator,
                    Iter::Seq { kind: "bytearray", .. } => TypeId::ByteArrayIterator,
                    Iter::Seq { .. } => TypeId::TupleIterator,
                    Iter::Reversed { .. } => TypeId::ListReverseIterator,
                    Iter::Range { .. } => TypeId::RangeIterator,
                    Iter::Str { .. } => TypeId::StrIterator,
                    Iter::DictKeys { .. } => TypeId::DictKeyIterator,
                    Iter::DictValues { .. } => TypeId::DictValueIterator,
                    Iter::DictItems { .. } => TypeId::DictItemIterator,
                    Iter::Enumerate { .. } => TypeId::Enumerate,
                    Iter::Zip { .. } => TypeId::Zip,
                    Iter::Map { .. } => TypeId::Map,
                    Iter::Filter { .. } => TypeId::Filter,
                    Iter::Values { kind: "reversed", .. } => TypeId::Reversed,
                    Iter::Values { .. } | Iter::Exhausted | Iter::GetItem { .. } => TypeId::SetIterator,
                },
                Object::Code(_) => TypeId::Code,
                Object::Class(c) => return c.metaclass.unwrap_or(self.type_obj(TypeId::Type)),
                Object::Instance(i) => return i.class,
                Object::Cell(_) => TypeId::Cell,
                Object::Generator(_) => TypeId::Generator,
                Object::StaticMethod(_) => TypeId::StaticMethod,
                Object::ClassMethod(_) => TypeId::ClassMethod,
                Object::Property { .. } => TypeId::Property,
                Object::Super { .. } => TypeId::Super,
                Object::Module { .. } => TypeId::Module,
                Object::Deque { .. } => TypeId::Deque,
                Object::Memoized { .. } => TypeId::LruCacheWrapper,
                Object::DictView { kind, .. } => match kind {
                    ViewKind::Keys => TypeId::DictKeys,
                    ViewKind::Values => TypeId::DictValues,
                    ViewKind::Items => TypeId::DictItems,
                },
                Object::NotImplemented => TypeId::NotImplementedType,
                Object::Ellipsis => TypeId::Ellipsis,
            },
        };
        self.type_obj(t)
    }

    /// `type(v).__name__`.
    pub fn type_name(&self, v: Value) -> String {
        self.class_name(self.type_of(v))
    }

    /// An attribute from an instance's own dict (inline, or the heap dict once
    /// the program asked for `__dict__`).
    pub(super) fn instance_attr(&self, id: ObjId, key: &HashKey) -> Option<Value> {
        let Object::Instance(inst) = self.heap.get(id) else { return None };
        match inst.dict {
            Some(d) => match self.heap.get(d) {
                Object::Dict(d) => d.get(key),
                _ => None,
            },
            None => inst.attrs.get(key),
        }
    }

    /// The instance's attribute names and values, in insertion order.
    pub(super) fn instance_items(&self, id: ObjId) -> Vec<(Value, Value)> {
        let Object::Instance(inst) = self.heap.get(id) else { return Vec::new() };
        match inst.dict.map(|d| self.heap.get(d)) {
            Some(Object::Dict(d)) => d.iter().collect(),
            Some(_) => Vec::new(),
            None => inst.attrs.items(),
        }
    }

    /// `obj.__dict__`: the instance's attributes moved into a heap dict the
    /// first time, which the instance then uses, so the dict stays live.
    fn instance_dict_object(&mut self, id: ObjId) -> ObjId {
        let Object::Instance(inst) = self.heap.get_mut(id) else { unreachable!("__dict__ of a non-instance") };
        if let Some(d) = inst.dict {
            return d;
        }
        let attrs = std::mem::take(&mut inst.attrs).into_dict();
        let d = self.heap.alloc(Object::Dict(attrs));
        if let Object::Instance(inst) = self.heap.get_mut(id) {
            inst.dict = Some(d);
        }
        d
    }

    /// The nearest builtin base of a class (`int` for `class Pos(int)`).
    pub(super) fn builtin_base(&self, class: ObjId) -> Option<TypeId> {
        self.mro_of(class).into_iter().find_map(|c| match self.heap.get(c) {
            Object::Class(c) => c.builtin.filter(|t| *t != TypeId::Object),
            _ => None,
        })
    }

    /// The builtin value an instance of a subclass of a builtin type carries
    /// (the int of a `Pos`, the list of a `Stack(list)`); other values as they are.
    pub fn payload(&self, v: Value) -> Value {
        match v.obj().map(|id| self.heap.get(id)) {
            Some(Object::Instance(i)) if !i.base.is_null() => i.base,
            _ => v,
        }
    }

    /// Looks `name` up in the class dicts along the MRO (builtin types' dicts
    /// hold their methods as descriptors).
    pub fn lookup_type_attr(&mut self, class: ObjId, name: &str) -> Option<Value> {
        let key = HashKey::Str(name.into());
        let Object::Class(c) = self.heap.get(class) else { return None };
        c.mro.iter().find_map(|c| match self.heap.get(*c) {
            Object::Class(cls) => cls.attrs.get(&key),
            _ => None,
        })
    }

    /// Looks `name` up in the dicts of the user-defined classes along the MRO.
    pub(super) fn lookup_user_attr(&self, class: ObjId, name: &str) -> Option<Value> {
        let key = HashKey::Str(name.into());
        let Object::Class(c) = self.heap.get(class) else { return None };
        c.mro.iter().find_map(|c| match self.heap.get(*c) {
            Object::Class(cls) if cls.builtin.is_none() => cls.attrs.get(&key),
            _ => None,
        })
    }

    /// The dunder an instance's operators use: defined by a user class, or
    /// inherited from the builtin type it derives from (`int.__add__` for a
    /// `Pos(int)`); `object`'s defaults are left to the caller.
    pub(super) fn lookup_dunder(&self, class: ObjId, name: &str) -> Option<Value> {
        let key = HashKey::Str(name.into());
        let Object::Class(c) = self.heap.get(class) else { return None };
        c.mro.iter().find_map(|c| match self.heap.get(*c) {
            Object::Class(cls)
                if cls.builtin.is_none_or(|t| {
                    super::slots::is_payload_type(t) || matches!(t, TypeId::GenericAlias | TypeId::UnionType)
                }) =>
            {
                cls.attrs.get(&key)
            }
            _ => None,
        })
    }

    /// What `obj.name` gives for an attribute found on its class.
    pub(super) fn bind_class_attr(&mut self, attr: Value, obj: Value, class: ObjId) -> Value {
        let Some(id) = attr.obj() else { return attr };
        match self.heap.get(id) {
            Object::Function(_) => Value::Obj(self.heap.alloc(Object::Method { func: attr, receiver: obj })),
            Object::Descriptor(d) => {
                let (name, func, owner, sig) = (d.name, d.func, d.owner, d.sig);
                let receiver = match d.kind {
                    DescrKind::Static => return attr,
                    DescrKind::ClassMethod => Value::Obj(class),
                    // Plain methods work on the builtin value itself; dunders
                    // get the instance (`__iadd__` returns it, `__getitem__`
                    // asks its `__missing__`).
                    DescrKind::Method if super::slots::is_payload_type(d.owner) && !d.name.starts_with("__") => self.payload(obj),
                    _ => obj,
                };
                Value::Obj(self.heap.alloc(Object::Builtin(Builtin { name, func, receiver: Some(receiver), owner: Some(owner), sig })))
            }
            Object::ClassMethod(f) => {
                let f = *f;
                Value::Obj(self.heap.alloc(Object::Method { func: f, receiver: Value::Obj(class) }))
            }
            Object::StaticMethod(f) => *f,
            _ => attr,
        }
    }

    /// `Class.name`: found along the class's MRO, else on its metaclass.
    pub(super) fn class_getattr(&mut self, class: ObjId, name: &str) -> PyResult<Option<Value>> {
        let obj = Value::Obj(class);
        if let Some(v) = self.lookup_type_attr(class, name) {
            if let Some(r) = self.descriptor_get(v, Value::None, class)? {
                return Ok(Some(r));
            }
            return Ok(Some(match v.obj().map(|i| self.heap.get(i)) {
                Some(Object::ClassMethod(f)) => {
                    let f = *f;
                    Value::Obj(self.heap.alloc(Object::Method { func: f, receiver: obj }))
                }
                Some(Object::StaticMethod(f)) => *f,
                Some(Object::Descriptor(d)) if d.kind == DescrKind::ClassMethod => self.bind_class_attr(v, obj, class),
                _ => v,
            }));
        }
        // Methods of the metaclass (`C.mro()`, a metaclass's own methods), bound to the class.
        let meta = self.type_of(obj);
        if let Some(v) = self.lookup_type_attr(meta, name) {
            if let Some(Object::Property { fget, .. }) = v.obj().map(|i| self.heap.get(i)) {
                let fget = *fget;
                return self.call1(fget, obj).map(Some);
            }
            return Ok(Some(self.bind_class_attr(v, obj, meta)));
        }
        Ok(None)
    }

    /// `Class[item]`: a generic alias for builtin containers (`list[int]`),
    /// else the class's `__class_getitem__`.
    pub(super) fn class_getitem(&mut self, class: ObjId, item: Value) -> PyResult<Value> {
        // The metaclass's __getitem__ comes first (`Color["RED"]` on an enum-like metaclass).
        if let Some(r) = self.call_dunder(Value::Obj(class), "__getitem__", vec![item])? {
            return Ok(r);
        }
        let generic = matches!(self.heap.get(class), Object::Class(c) if matches!(
            c.builtin,
            Some(TypeId::List | TypeId::Dict | TypeId::Tuple | TypeId::Set | TypeId::FrozenSet | TypeId::Type
                | TypeId::DefaultDict | TypeId::Counter | TypeId::Deque | TypeId::Enumerate)
        ));
        if generic {
            return Ok(self.generic_alias(Value::Obj(class), item));
        }
        if let Some(f) = self.lookup_type_attr(class, "__class_getitem__") {
            let f = self.bind_class_attr(f, Value::Obj(class), class);
            return self.call1(f, item);
        }
        let name = self.class_name(class);
        self.type_error(format!("type '{name}' is not subscriptable"))
    }

    fn attribute_error<T>(&mut self, obj: Value, name: &str) -> PyResult<T> {
        let msg = match obj.obj().map(|id| self.heap.get(id)) {
            Some(Object::Class(c)) => format!("type object '{}' has no attribute '{}'", c.name, name),
            _ => format!("'{}' object has no attribute '{}'", self.type_name(obj), name),
        };
        let exc = self.exc(TypeId::AttributeError, msg);
        self.set_attribute_error_context(exc, obj, name);
        Err(exc)
    }

    /// Records `exc.name` and `exc.obj` for the traceback's suggestion.
    pub(super) fn set_attribute_error_context(&mut self, exc: super::Exc, obj: Value, name: &str) {
        if let Some(d) = self.exc_data_mut(exc.0) {
            d.name = Some(Rc::from(name));
            d.obj = obj;
        }
    }

    /// `obj.name`: the class's own `__getattribute__` when it defines one.
    pub fn getattr(&mut self, obj: Value, name: &str) -> PyResult<Value> {
        if let Some(class) = self.custom_getattribute_class(obj) {
            let f = self.lookup_user_attr(class, "__getattribute__").expect("flagged class defines __getattribute__");
            let f = self.bind_class_attr(f, obj, class);
            let n = self.new_str(name);
            return match self.call1(f, n) {
                Err(e) if name != "__getattr__" && self.is_attribute_error(e) => match self.lookup_user_attr(class, "__getattr__") {
                    Some(ga) => {
                        let ga = self.bind_class_attr(ga, obj, class);
                        self.call1(ga, n)
                    }
                    None => Err(e),
                },
                r => r,
            };
        }
        self.getattr_plain(obj, name)
    }

    /// The class of an instance whose class overrides `__getattribute__`.
    fn custom_getattribute_class(&self, obj: Value) -> Option<ObjId> {
        let Some(Object::Instance(i)) = obj.obj().map(|id| self.heap.get(id)) else { return None };
        match self.heap.get(i.class) {
            Object::Class(c) if c.custom_getattribute => Some(i.class),
            _ => None,
        }
    }

    fn is_attribute_error(&self, e: super::Exc) -> bool {
        let t = self.type_of(Value::Obj(e.0));
        self.is_subclass(t, self.type_obj(TypeId::AttributeError))
    }

    /// A user descriptor's `__get__`/`__set__`/`__delete__`, if `v` is an
    /// instance of a class defining it.
    fn descriptor_hook(&self, v: Value, hook: &str) -> Option<(Value, ObjId)> {
        let Some(Object::Instance(i)) = v.obj().map(|id| self.heap.get(id)) else { return None };
        let class = i.class;
        self.lookup_user_attr(class, hook).map(|f| (f, class))
    }

    /// `descr.__get__(obj, owner)` (obj None for a class attribute lookup).
    fn descriptor_get(&mut self, descr: Value, obj: Value, owner: ObjId) -> PyResult<Option<Value>> {
        let Some((f, dclass)) = self.descriptor_hook(descr, "__get__") else { return Ok(None) };
        let f = self.bind_class_attr(f, descr, dclass);
        self.call(f, crate::runtime::object::Args::new(vec![obj, Value::Obj(owner)])).map(Some)
    }

    /// Attribute access without a class's `__getattribute__`: the generic
    /// lookup, then the class's `__getattr__`.
    pub(super) fn getattr_plain(&mut self, obj: Value, name: &str) -> PyResult<Value> {
        self.generic_getattr(obj, name, true)
    }

    /// `object.__getattribute__(obj, name)`: data descriptors, the instance
    /// dict, then class attributes (descriptors bound); `__getattr__` only
    /// when `with_getattr_hook` (it belongs to the type's slot, not to object's).
    pub(super) fn generic_getattr(&mut self, obj: Value, name: &str, with_getattr_hook: bool) -> PyResult<Value> {
        if let Some(v) = self.special_attr(obj, name)? {
            return Ok(v);
        }
        let class = self.type_of(obj);
        if let Some(id) = obj.obj() {
            match self.heap.get(id) {
                Object::Instance(_) => {
                    let found_on_class = self.lookup_user_attr(class, name);
                    if let Some(p) = found_on_class {
                        if let Some(Object::Property { fget, .. }) = p.obj().map(|i| self.heap.get(i)) {
                            let fget = *fget;
                            return self.call1(fget, obj);
                        }
                        // Data descriptors (defining __set__ or __delete__) win over the instance dict.
                        let data = self.descriptor_hook(p, "__set__").is_some() || self.descriptor_hook(p, "__delete__").is_some();
                        if data {
                            if let Some(v) = self.descriptor_get(p, obj, class)? {
                                return Ok(v);
                            }
                        }
                    }
                    if let Some(v) = self.instance_attr(id, &HashKey::Str(name.into())) {
                        return Ok(v);
                    }
                }
                Object::Class(_) => {
                    if let Some(v) = self.class_getattr(id, name)? {
                        return Ok(v);
                    }
                    return self.attribute_error(obj, name);
                }
                Object::Super { class: start, receiver } => {
                    let (start, receiver) = (*start, *receiver);
                    // super() in a classmethod walks the class's own MRO; else the receiver's type's.
                    let owner = match receiver.obj() {
                        Some(c) if matches!(self.heap.get(c), Object::Class(_)) && self.is_subclass(c, start) => c,
                        _ => self.type_of(receiver),
                    };
                    let mro = self.mro_of(owner);
                    let after = mro.iter().position(|c| *c == start).map_or(0, |i| i + 1);
                    let key = HashKey::Str(name.into());
                    let found = mro[after..].iter().find_map(|c| match self.heap.get(*c) {
                        Object::Class(cls) => cls.attrs.get(&key),
                        _ => None,
                    });
                    if let Some(v) = found {
                        if let Some(Object::Property { fget, .. }) = v.obj().map(|i| self.heap.get(i)) {
                            let fget = *fget;
                            return self.call1(fget, receiver);
                        }
                        return Ok(self.bind_class_attr(v, receiver, owner));
                    }
                    let exc = self.exc(TypeId::AttributeError, format!("'super' object has no attribute '{name}'"));
                    self.set_attribute_error_context(exc, obj, name);
                    return Err(exc);
                }
                Object::Function(f) => {
                    if let Some(v) = f.attrs.get(&HashKey::Str(name.into())) {
                        return Ok(v);
                    }
                }
                Object::Module { name: mname, dict } => {
                    let (mname, dict) = (mname.clone(), *dict);
                    if let Some(v) = self.dict_get_str(dict, &Rc::from(name)) {
                        return Ok(v);
                    }
                    if name == "__name__" {
                        return Ok(self.new_str(&mname));
                    }
                    if name == "__dict__" {
                        return Ok(Value::Obj(dict));
                    }
                    let exc = self.exc(TypeId::AttributeError, format!("module '{mname}' has no attribute '{name}'"));
                    self.set_attribute_error_context(exc, obj, name);
                    return Err(exc);
                }
                _ => {}
            }
        }
        if let Some(v) = self.lookup_type_attr(class, name) {
            if let Some(Object::Property { fget, .. }) = v.obj().map(|i| self.heap.get(i)) {
                let fget = *fget;
                return self.call1(fget, obj);
            }
            if let Some(r) = self.descriptor_get(v, obj, class)? {
                return Ok(r);
            }
            return Ok(self.bind_class_attr(v, obj, class));
        }
        // The builtin value's own attributes (`maxlen` of a deque subclass, `real` of an int's).
        let base = self.payload(obj);
        if !base.is(obj) {
            if let Some(v) = self.special_attr(base, name)? {
                return Ok(v);
            }
        }
        if with_getattr_hook && matches!(obj.obj().map(|i| self.heap.get(i)), Some(Object::Instance(_))) && name != "__getattr__" {
            if let Some(ga) = self.lookup_user_attr(class, "__getattr__") {
                let ga = self.bind_class_attr(ga, obj, class);
                let n = self.new_str(name);
                return self.call1(ga, n);
            }
        }
        self.attribute_error(obj, name)
    }

    /// Attributes every object of a kind has (`__class__`, `__name__`, exception `args`...).
    fn special_attr(&mut self, obj: Value, name: &str) -> PyResult<Option<Value>> {
        if name == "__class__" {
            return Ok(Some(Value::Obj(self.type_of(obj))));
        }
        let Some(id) = obj.obj() else {
            return Ok(match (obj, name) {
                (Value::Int(_, _) | Value::Bool(_), "real" | "numerator") => Some(Value::int(self.index_of(obj)?)),
                (Value::Int(_, _) | Value::Bool(_), "imag") => Some(Value::int(0)),
                (Value::Int(_, _) | Value::Bool(_), "denominator") => Some(Value::int(1)),
                (Value::Float(f, _), "real") => Some(Value::float(f)),
                (Value::Float(_, _), "imag") => Some(Value::float(0.0)),
                _ => None,
            });
        };
        let exc = self.exc_data(id).cloned();
        let v = match (self.heap.get(id), name) {
            (Object::Class(c), "__name__") => {
                let n = c.name.clone();
                self.new_str(&n)
            }
            (Object::Complex { re, .. }, "real") => Value::float(*re),
            (Object::Complex { im, .. }, "imag") => Value::float(*im),
            (Object::Class(c), "__qualname__") => {
                let n = c.qualname.clone();
                self.new_str(&n)
            }
            (Object::Class(c), "__mro__") => {
                let m: Vec<Value> = c.mro.iter().map(|c| Value::Obj(*c)).collect();
                self.new_tuple(m)
            }
            (Object::Class(c), "__bases__") => {
                let m: Vec<Value> = c.bases.iter().map(|c| Value::Obj(*c)).collect();
                self.new_tuple(m)
            }
            (Object::Class(c), "__module__") => {
                let m = match (&c.module, c.builtin) {
                    (Some(m), _) => m.to_string(),
                    (None, Some(_)) => "builtins".to_string(),
                    (None, None) => "__main__".to_string(),
                };
                self.new_str(&m)
            }
            (Object::Class(c), "__dict__") => {
                let d = c.attrs.clone();
                Value::Obj(self.heap.alloc(Object::Dict(d)))
            }
            (Object::Function(f), "__name__") => {
                let n = f.name.clone();
                self.new_str(&n)
            }
            (Object::Function(f), "__qualname__") => {
                let n = f.qualname.clone();
                self.new_str(&n)
            }
            (Object::Function(f), "__defaults__") => {
                let d = f.defaults.clone();
                if d.is_empty() { Value::None } else { self.new_tuple(d) }
            }
            (Object::Function(f), "__module__" | "__doc__") if f.attrs.get(&HashKey::Str(name.into())).is_some() => {
                f.attrs.get(&HashKey::Str(name.into())).unwrap_or(Value::None)
            }
            (Object::Function(_), "__module__") => self.new_str("__main__"),
            (Object::Function(f), "__code__") => {
                let index = f.code;
                self.code_object(index)
            }
            // Non-generic functions and classes have no type parameters; a
            // generic one has them in its own attributes (see typeparams.rs).
            (Object::Function(f), "__type_params__") => match f.attrs.get(&HashKey::Str(name.into())) {
                Some(params) => params,
                None => self.new_tuple(Vec::new()),
            },
            (Object::Class(c), "__type_params__") => match c.attrs.get(&HashKey::Str(name.into())) {
                Some(params) => params,
                None => self.new_tuple(Vec::new()),
            },
            (Object::Code(index), _) if name.starts_with("co_") => {
                let index = *index;
                match self.code_attr(index, name) {
                    Some(v) => v,
                    None => return Ok(None),
                }
            }
            (Object::Function(f), "__closure__") => {
                let cells = f.closure.clone();
                if cells.is_empty() { Value::None } else { self.new_tuple(cells) }
            }
            (Object::Function(f), "__annotations__") => match f.annotations {
                Some(d) => Value::Obj(d),
                None => {
                    // Created on first access, like CPython's, and kept.
                    let d = self.heap.alloc(Object::Dict(crate::runtime::dict::Dict::new()));
                    if let Object::Function(f) = self.heap.get_mut(id) {
                        f.annotations = Some(d);
                    }
                    Value::Obj(d)
                }
            },
            (Object::Cell(v), "cell_contents") => {
                let v = *v;
                if v.is_null() {
                    return Err(self.exc(TypeId::ValueError, "Cell is empty"));
                }
                v
            }
            (Object::Function(f), "__doc__") => {
                let code = &self.codes[f.code].consts;
                let first = code.first().copied().unwrap_or(Value::None);
                if matches!(first.obj().map(|i| self.heap.get(i)), Some(Object::Str(_))) { first } else { Value::None }
            }
            (Object::Builtin(b), "__name__") => {
                let n = b.name;
                self.new_str(n)
            }
            (Object::Builtin(b), "__self__") => b.receiver.unwrap_or(Value::None),
            (Object::Descriptor(d), "__name__") => {
                let n = d.name;
                self.new_str(n)
            }
            (Object::Descriptor(d), "__qualname__") => {
                let n = format!("{}.{}", d.owner.name(), d.name);
                self.new_string(n)
            }
            (Object::Descriptor(d), "__objclass__") => Value::Obj(self.type_obj(d.owner)),
            (Object::Method { func, .. }, "__func__") => *func,
            (Object::Memoized { func, .. }, "__wrapped__") => *func,
            (Object::Memoized { func, .. }, "__name__" | "__qualname__" | "__doc__") => {
                let f = *func;
                return self.getattr(f, name).map(Some);
            }
            (Object::Method { receiver, .. }, "__self__") => *receiver,
            (Object::Method { func, .. }, "__name__" | "__qualname__") => {
                let f = *func;
                return self.getattr(f, name).map(Some);
            }
            (Object::Generator(g), "__name__") => {
                let n = g.name.clone();
                self.new_str(&n)
            }
            (Object::Deque { maxlen, .. }, "maxlen") => maxlen.map_or(Value::None, |m| Value::int(m as i64)),
            (Object::Range { start, .. }, "start") => Value::int(*start),
            (Object::Range { stop, .. }, "stop") => Value::int(*stop),
            (Object::Range { step, .. }, "step") => Value::int(*step),
            (Object::Slice { start, .. }, "start") => *start,
            (Object::Slice { stop, .. }, "stop") => *stop,
            (Object::Slice { step, .. }, "step") => *step,
            (Object::Property { fget, .. }, "fget") => *fget,
            (Object::Instance(_), "__dict__") => Value::Obj(self.instance_dict_object(id)),
            (Object::Instance(_), _) if exc.is_some() => {
                let e = exc.as_ref().unwrap();
                match name {
                "args" => {
                    let a = e.args.clone();
                    self.new_tuple(a)
                }
                "__cause__" => e.cause,
                "__context__" => e.context,
                "__suppress_context__" => Value::Bool(e.suppress_context),
                "__traceback__" => Value::None,
                "value" if self.is_subclass(self.type_of(obj), self.type_obj(TypeId::StopIteration)) => {
                    e.args.first().copied().unwrap_or(Value::None)
                }
                "code" if self.is_subclass(self.type_of(obj), self.type_obj(TypeId::SystemExit)) => {
                    e.args.first().copied().unwrap_or(Value::None)
                }
                // ImportError's `name` and `path` default to None; a raised
                // ModuleNotFoundError sets `name` in the instance dict.
                "name" | "path" if self.is_subclass(self.type_of(obj), self.type_obj(TypeId::ImportError)) => match self.heap.get(id) {
                    Object::Instance(i) => i.attrs.get(&HashKey::Str(name.into())).unwrap_or(Value::None),
                    _ => Value::None,
                },
                _ => return Ok(None),
            }
            }
            _ => return Ok(None),
        };
        Ok(Some(v))
    }

    /// LOAD_ATTR's method form: `(method, self)` for a function found on the
    /// class, else `(NULL, attribute)`.
    pub(super) fn load_method(&mut self, obj: Value, name: &str) -> PyResult<(Value, Value)> {
        if let Some(id) = obj.obj() {
            if let Object::Instance(inst) = self.heap.get(id) {
                let shadowed = self.instance_attr(id, &HashKey::Str(name.into())).is_some();
                if !shadowed && self.custom_getattribute_class(obj).is_none() {
                    let class = inst.class;
                    if let Some(f) = self.lookup_user_attr(class, name) {
                        if matches!(f.obj().map(|i| self.heap.get(i)), Some(Object::Function(_))) {
                            return Ok((f, obj));
                        }
                    }
                }
            }
        }
        let v = self.getattr(obj, name)?;
        Ok((Value::Null, v))
    }

    /// `obj.name = v`.
    pub fn setattr(&mut self, obj: Value, name: &str, v: Value) -> PyResult<()> {
        if let Some(f) = self.user_hook(obj, "__setattr__") {
            let n = self.new_str(name);
            self.call(f, crate::runtime::object::Args::new(vec![n, v]))?;
            return Ok(());
        }
        self.setattr_plain(obj, name, v)
    }

    /// A class's own `__setattr__` / `__delattr__`, bound to the instance.
    fn user_hook(&mut self, obj: Value, name: &str) -> Option<Value> {
        let class = match obj.obj().map(|id| self.heap.get(id)) {
            Some(Object::Instance(i)) => i.class,
            _ => return None,
        };
        let f = self.lookup_user_attr(class, name)?;
        Some(self.bind_class_attr(f, obj, class))
    }

    /// `object.__setattr__(obj, name, v)`: properties and the instance dict.
    pub(super) fn setattr_plain(&mut self, obj: Value, name: &str, v: Value) -> PyResult<()> {
        let key: Rc<str> = Rc::from(name);
        let Some(id) = obj.obj() else { return self.attribute_error(obj, name) };
        if let Object::Instance(inst) = self.heap.get(id) {
            let class = inst.class;
            if let Some(p) = self.lookup_user_attr(class, name) {
                if let Some(Object::Property { fset, .. }) = p.obj().map(|i| self.heap.get(i)) {
                    let fset = *fset;
                    if matches!(fset, Value::None) {
                        let t = self.type_name(obj);
                        return Err(self.exc(
                            TypeId::AttributeError,
                            format!("property '{name}' of '{t}' object has no setter"),
                        ));
                    }
                    self.call(fset, crate::runtime::object::Args::new(vec![obj, v]))?;
                    return Ok(());
                }
                if let Some((f, dclass)) = self.descriptor_hook(p, "__set__") {
                    let f = self.bind_class_attr(f, p, dclass);
                    self.call(f, crate::runtime::object::Args::new(vec![obj, v]))?;
                    return Ok(());
                }
            }
        }
        if let Some(done) = self.set_function_attr(id, name, Some(v)) {
            return done;
        }
        let k = self.intern(&key);
        match self.heap.get_mut(id) {
            Object::Instance(inst) => {
                if let Some(e) = &mut inst.exc {
                    match name {
                        "__cause__" => {
                            e.cause = v;
                            e.suppress_context = true;
                            return Ok(());
                        }
                        "__context__" => {
                            e.context = v;
                            return Ok(());
                        }
                        _ => {}
                    }
                }
                match inst.dict {
                    Some(d) => {
                        if let Object::Dict(d) = self.heap.get_mut(d) {
                            d.insert(HashKey::Str(key.into()), k, v);
                        }
                    }
                    None => self.store_instance_attr(id, &key, v),
                }
            }
            Object::Class(c) if c.builtin.is_none() => {
                c.custom_getattribute |= name == "__getattribute__";
                c.attrs.insert(HashKey::Str(key.into()), k, v)
            }
            // Other names (`__doc__`, `__wrapped__`) live in its dict (see `set_function_attr`).
            Object::Function(f) => f.attrs.insert(HashKey::Str(key.into()), k, v),
            Object::Module { dict, .. } => {
                let dict = *dict;
                self.store_name_in(dict, &key, v);
            }
            Object::Class(c) => {
                let msg = format!("cannot set '{}' attribute of immutable type '{}'", name, c.name);
                return self.type_error(msg);
            }
            _ => return self.attribute_error(obj, name),
        }
        Ok(())
    }

    /// `f.name = v` (`value`) or `del f.name` (`None`) for the attributes a
    /// function keeps in its own fields: `__defaults__` (a tuple; None or
    /// `del` for none), `__code__` (a code object whose free variables its
    /// closure's cells stand for, one by one: the next call runs it; frames
    /// already running keep theirs), `__name__` and `__qualname__` (strs).
    /// `None` if `func` is no function or `name` none of these.
    fn set_function_attr(&mut self, func: ObjId, name: &str, value: Option<Value>) -> Option<PyResult<()>> {
        if !matches!(self.heap.get(func), Object::Function(_)) {
            return None;
        }
        let target = value.and_then(|v| v.obj()).map(|i| self.heap.get(i));
        let done = match (name, target) {
            ("__defaults__", Some(Object::Tuple(items))) => {
                let items = items.clone();
                self.function_mut(func).defaults = items;
                Ok(())
            }
            ("__defaults__", _) if matches!(value, None | Some(Value::None)) => {
                self.function_mut(func).defaults = Vec::new();
                Ok(())
            }
            ("__defaults__", _) => self.type_error("__defaults__ must be set to a tuple object"),
            ("__code__", Some(&Object::Code(index))) => self.set_function_code(func, index),
            ("__code__", _) => self.type_error("__code__ must be set to a code object"),
            ("__name__" | "__qualname__", Some(Object::Str(s))) => {
                let s = s.to_rc();
                let f = self.function_mut(func);
                if name == "__name__" { f.name = s } else { f.qualname = s }
                Ok(())
            }
            ("__name__" | "__qualname__", _) => self.type_error(format!("{name} must be set to a string object")),
            _ => return None,
        };
        Some(done)
    }

    /// `f.__code__ = code` (see `set_function_attr`).
    fn set_function_code(&mut self, func: ObjId, index: usize) -> PyResult<()> {
        let code = self.codes[index].code.clone();
        let nfree = code.freevars().len();
        let f = self.function_mut(func);
        if f.closure.len() != nfree {
            let msg = format!("{}() requires a code object with {} free vars, not {nfree}", f.name, f.closure.len());
            return Err(self.exc(TypeId::ValueError, msg));
        }
        f.code = index;
        // Run mode's plain calls read the code's shape from the function.
        f.shape = super::frame::call_shape(&code);
        Ok(())
    }

    fn function_mut(&mut self, func: ObjId) -> &mut crate::runtime::object::Function {
        match self.heap.get_mut(func) {
            Object::Function(f) => f,
            _ => unreachable!("set_function_attr checked that this is a function"),
        }
    }

    /// `del obj.name`.
    pub fn delattr(&mut self, obj: Value, name: &str) -> PyResult<()> {
        if let Some(f) = self.user_hook(obj, "__delattr__") {
            let n = self.new_str(name);
            self.call1(f, n)?;
            return Ok(());
        }
        self.delattr_plain(obj, name)
    }

    /// `object.__delattr__(obj, name)`.
    pub(super) fn delattr_plain(&mut self, obj: Value, name: &str) -> PyResult<()> {
        if let Some(done) = obj.obj().and_then(|id| self.set_function_attr(id, name, None)) {
            return done;
        }
        if let Some(Object::Instance(i)) = obj.obj().map(|id| self.heap.get(id)) {
            let class = i.class;
            if let Some(p) = self.lookup_user_attr(class, name) {
                if let Some(Object::Property { fdel, .. }) = p.obj().map(|i| self.heap.get(i)) {
                    let fdel = *fdel;
                    if matches!(fdel, Value::None) {
                        let t = self.type_name(obj);
                        return Err(self.exc(TypeId::AttributeError, format!("property '{name}' of '{t}' object has no deleter")));
                    }
                    self.call1(fdel, obj)?;
                    return Ok(());
                }
                if let Some((f, dclass)) = self.descriptor_hook(p, "__delete__") {
                    let f = self.bind_class_attr(f, p, dclass);
                    self.call1(f, obj)?;
                    return Ok(());
                }
            }
        }
        let key = HashKey::Str(name.into());
        let heap_dict = match obj.obj().map(|id| self.heap.get(id)) {
            Some(Object::Instance(inst)) => inst.dict,
            _ => None,
        };
        // An instance whose attributes moved to its heap dict deletes from there.
        let target = heap_dict.or(obj.obj());
        let removed = match target.map(|id| self.heap.get_mut(id)) {
            Some(Object::Dict(d)) => d.remove(&key).is_some(),
            Some(Object::Instance(inst)) => inst.attrs.remove(&key).is_some(),
            Some(Object::Class(c)) if c.builtin.is_none() => c.attrs.remove(&key).is_some(),
            Some(Object::Function(f)) => f.attrs.remove(&key).is_some(),
            _ => false,
        };
        if removed {
            Ok(())
        } else {
            self.attribute_error(obj, name)
        }
    }
}
