//! Attribute access: instances, classes (MRO), super(), builtin methods.

use super::types::TypeId;
use super::{PyResult, Vm};
use crate::runtime::dict::HashKey;
use crate::runtime::object::{Builtin, Iter, Object, ViewKind};
use crate::runtime::value::{ObjId, Value};
use std::rc::Rc;

impl Vm {
    /// `type(v)`.
    pub fn type_of(&self, v: Value) -> ObjId {
        let t = match v {
            Value::Null | Value::None => TypeId::NoneType,
            Value::Bool(_) => TypeId::Bool,
            Value::Int(_) => TypeId::Int,
            Value::Float(_) => TypeId::Float,
            Value::Obj(id) => match self.heap.get(id) {
                Object::Str(_) => TypeId::Str,
                Object::Bytes(_) => TypeId::Bytes,
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
                Object::Builtin(_) => TypeId::BuiltinFunction,
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
                    Iter::Values { .. } | Iter::Exhausted | Iter::GetItem { .. } => TypeId::SetIterator,
                },
                Object::Code(_) => TypeId::Code,
                Object::Class(_) => TypeId::Type,
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

    /// The builtin type whose methods `v` has (the nearest builtin base).
    fn builtin_type_of(&self, v: Value) -> Option<TypeId> {
        let class = self.type_of(v);
        self.mro_of(class).into_iter().find_map(|c| match self.heap.get(c) {
            Object::Class(c) => c.builtin,
            _ => None,
        })
    }

    /// Looks `name` up along the MRO: class dicts, then builtin methods.
    pub fn lookup_type_attr(&mut self, class: ObjId, name: &str) -> Option<Value> {
        let key = HashKey::Str(Rc::from(name));
        for c in self.mro_of(class) {
            let Object::Class(cls) = self.heap.get(c) else { continue };
            if let Some(v) = cls.attrs.get(&key) {
                return Some(v);
            }
            if let Some(t) = cls.builtin {
                if let Some((name, func)) = super::methods::lookup(t, name) {
                    return Some(Value::Obj(self.heap.alloc(Object::Builtin(Builtin { name, func, receiver: None }))));
                }
            }
        }
        None
    }

    /// Looks `name` up in the class dicts along the MRO (user-defined attributes only).
    pub(super) fn lookup_user_attr(&self, class: ObjId, name: &str) -> Option<Value> {
        let key = HashKey::Str(Rc::from(name));
        self.mro_of(class).into_iter().find_map(|c| match self.heap.get(c) {
            Object::Class(cls) => cls.attrs.get(&key),
            _ => None,
        })
    }

    /// What `obj.name` gives for an attribute found on its class.
    pub(super) fn bind_class_attr(&mut self, attr: Value, obj: Value, class: ObjId) -> Value {
        let Some(id) = attr.obj() else { return attr };
        match self.heap.get(id) {
            Object::Function(_) => Value::Obj(self.heap.alloc(Object::Method { func: attr, receiver: obj })),
            Object::Builtin(b) if b.receiver.is_none() && b.name != "__new__" => {
                let b = Builtin { receiver: Some(obj), ..b.clone() };
                Value::Obj(self.heap.alloc(Object::Builtin(b)))
            }
            Object::ClassMethod(f) => {
                let f = *f;
                Value::Obj(self.heap.alloc(Object::Method { func: f, receiver: Value::Obj(class) }))
            }
            Object::StaticMethod(f) => *f,
            _ => attr,
        }
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

    /// `obj.name`.
    pub fn getattr(&mut self, obj: Value, name: &str) -> PyResult<Value> {
        if let Some(v) = self.special_attr(obj, name)? {
            return Ok(v);
        }
        let class = self.type_of(obj);
        if let Some(id) = obj.obj() {
            match self.heap.get(id) {
                Object::Instance(inst) => {
                    let found_on_class = self.lookup_user_attr(class, name);
                    if let Some(p) = found_on_class {
                        if let Some(Object::Property { fget, .. }) = p.obj().map(|i| self.heap.get(i)) {
                            let fget = *fget;
                            return self.call1(fget, obj);
                        }
                    }
                    let Object::Instance(inst2) = self.heap.get(id) else { unreachable!() };
                    let _ = inst;
                    if let Some(v) = inst2.attrs.get(&HashKey::Str(Rc::from(name))) {
                        return Ok(v);
                    }
                }
                Object::Class(_) => {
                    if let Some(v) = self.lookup_type_attr(id, name) {
                        return Ok(match v.obj().map(|i| self.heap.get(i)) {
                            Some(Object::ClassMethod(f)) => {
                                let f = *f;
                                Value::Obj(self.heap.alloc(Object::Method { func: f, receiver: obj }))
                            }
                            Some(Object::StaticMethod(f)) => *f,
                            Some(Object::Builtin(b)) if b.receiver.is_none() && super::methods::is_classmethod(b.name) => {
                                let b = Builtin { receiver: Some(obj), ..b.clone() };
                                Value::Obj(self.heap.alloc(Object::Builtin(b)))
                            }
                            _ => v,
                        });
                    }
                    // Methods of the metaclass `type` (`C.mro()`), bound to the class.
                    if let Some((name, func)) = super::methods::lookup(TypeId::Type, name) {
                        let method = Builtin { name, func, receiver: Some(obj) };
                        return Ok(Value::Obj(self.heap.alloc(Object::Builtin(method))));
                    }
                    return self.attribute_error(obj, name);
                }
                Object::Super { class: start, receiver } => {
                    let (start, receiver) = (*start, *receiver);
                    let owner = match receiver.obj().map(|i| self.heap.get(i)) {
                        Some(Object::Class(_)) => receiver.obj().unwrap(),
                        _ => self.type_of(receiver),
                    };
                    let mro = self.mro_of(owner);
                    let after = mro.iter().position(|c| *c == start).map_or(0, |i| i + 1);
                    for c in &mro[after..] {
                        let found = match self.heap.get(*c) {
                            Object::Class(cls) => cls.attrs.get(&HashKey::Str(Rc::from(name))).or_else(|| {
                                cls.builtin.and_then(|t| super::methods::lookup(t, name)).map(|_| Value::Null)
                            }),
                            _ => None,
                        };
                        if let Some(v) = found {
                            let v = if v.is_null() {
                                let t = match self.heap.get(*c) {
                                    Object::Class(cls) => cls.builtin.unwrap(),
                                    _ => unreachable!(),
                                };
                                let (name, func) = super::methods::lookup(t, name).unwrap();
                                Value::Obj(self.heap.alloc(Object::Builtin(Builtin { name, func, receiver: None })))
                            } else {
                                v
                            };
                            return Ok(self.bind_class_attr(v, receiver, owner));
                        }
                    }
                    return Err(self.exc(TypeId::AttributeError, format!("'super' object has no attribute '{name}'")));
                }
                Object::Function(f) => {
                    if let Some(v) = f.attrs.get(&HashKey::Str(Rc::from(name))) {
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
            return Ok(self.bind_class_attr(v, obj, class));
        }
        if let Some(t) = self.builtin_type_of(obj) {
            if let Some((name, func)) = super::methods::lookup(t, name) {
                return Ok(Value::Obj(self.heap.alloc(Object::Builtin(Builtin { name, func, receiver: Some(obj) }))));
            }
        }
        if matches!(obj.obj().map(|i| self.heap.get(i)), Some(Object::Instance(_))) && name != "__getattr__" {
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
                (Value::Int(_) | Value::Bool(_), "real" | "numerator") => Some(Value::Int(self.index_of(obj)?)),
                (Value::Int(_) | Value::Bool(_), "imag") => Some(Value::Int(0)),
                (Value::Int(_) | Value::Bool(_), "denominator") => Some(Value::Int(1)),
                (Value::Float(f), "real") => Some(Value::Float(f)),
                (Value::Float(_), "imag") => Some(Value::Float(0.0)),
                _ => None,
            });
        };
        let exc = self.exc_data(id).cloned();
        let v = match (self.heap.get(id), name) {
            (Object::Class(c), "__name__") => {
                let n = c.name.clone();
                self.new_str(&n)
            }
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
            (Object::Function(f), "__module__" | "__doc__") if f.attrs.get(&HashKey::Str(Rc::from(name))).is_some() => {
                f.attrs.get(&HashKey::Str(Rc::from(name))).unwrap_or(Value::None)
            }
            (Object::Function(_), "__module__") => self.new_str("__main__"),
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
            (Object::Range { start, .. }, "start") => Value::Int(*start),
            (Object::Range { stop, .. }, "stop") => Value::Int(*stop),
            (Object::Range { step, .. }, "step") => Value::Int(*step),
            (Object::Slice { start, .. }, "start") => *start,
            (Object::Slice { stop, .. }, "stop") => *stop,
            (Object::Slice { step, .. }, "step") => *step,
            (Object::Property { fget, .. }, "fget") => *fget,
            (Object::Instance(i), "__dict__") => {
                let d = i.attrs.clone();
                Value::Obj(self.heap.alloc(Object::Dict(d)))
            }
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
                let shadowed = inst.attrs.contains(&HashKey::Str(Rc::from(name)));
                if !shadowed {
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
            }
        }
        let k = self.intern(&key);
        let str_value = match v.obj().map(|i| self.heap.get(i)) {
            Some(Object::Str(s)) => Some(s.clone()),
            _ => None,
        };
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
                inst.attrs.insert(HashKey::Str(key), k, v)
            }
            Object::Class(c) if c.builtin.is_none() => c.attrs.insert(HashKey::Str(key), k, v),
            Object::Function(f) => match (name, str_value) {
                // functools.wraps renames a wrapper; other names (`__doc__`, `__wrapped__`) live in its dict.
                ("__name__", Some(s)) => f.name = s,
                ("__qualname__", Some(s)) => f.qualname = s,
                _ => f.attrs.insert(HashKey::Str(key), k, v),
            },
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

    /// `del obj.name`.
    pub fn delattr(&mut self, obj: Value, name: &str) -> PyResult<()> {
        let key = HashKey::Str(Rc::from(name));
        let removed = match obj.obj().map(|id| self.heap.get_mut(id)) {
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
