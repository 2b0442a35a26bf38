//! The heap objects behind `Value::Obj`.

use super::dict::{Dict, HashKey};
use super::pystr::PyStr;
use super::value::{ObjId, Value};
use crate::vm::frame::Frame;
use crate::vm::Vm;
use num_bigint::BigInt;
use std::rc::Rc;

#[derive(Clone)]
pub enum Object {
    Str(PyStr),
    /// bytes: an immutable byte string.
    Bytes(Rc<[u8]>),
    /// bytearray: a mutable byte string.
    ByteArray(Vec<u8>),
    Complex { re: f64, im: f64 },
    /// An int that does not fit in an i64 (results are normalised back).
    Int(BigInt),
    List(Vec<Value>),
    Tuple(Vec<Value>),
    Dict(Dict),
    /// set and frozenset: a dict whose values are unused.
    Set { items: super::set::PySet, frozen: bool },
    Function(Box<Function>),
    Builtin(Builtin),
    /// A method of a builtin type as its class dict holds it (`list.append`,
    /// `object.__hash__`): unbound until looked up on an instance.
    Descriptor(Descriptor),
    /// A function bound to the object it was looked up on.
    Method { func: Value, receiver: Value },
    Range { start: i64, stop: i64, step: i64 },
    Slice { start: Value, stop: Value, step: Value },
    Iter(Iter),
    /// A code object, by its index in the VM's code registry.
    Code(usize),
    Class(Box<Class>),
    Instance(Box<Instance>),
    Cell(Value),
    Generator(Box<Generator>),
    /// staticmethod / classmethod / property wrappers.
    StaticMethod(Value),
    ClassMethod(Value),
    Property { fget: Value, fset: Value, fdel: Value },
    /// super(cls, obj): attribute lookup starting after `class` in obj's MRO.
    Super { class: ObjId, receiver: Value },
    /// A function wrapped by functools.cache / lru_cache, with its results by arguments.
    Memoized { func: Value, cache: ObjId },
    /// collections.deque.
    Deque { items: std::collections::VecDeque<Value>, maxlen: Option<usize> },
    /// A module: its name and namespace dict.
    Module { name: Rc<str>, dict: ObjId },
    /// `d.keys()`, `d.values()`, `d.items()`: live views of a dict.
    DictView { dict: ObjId, kind: ViewKind },
    NotImplemented,
    Ellipsis,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

#[derive(Clone)]
pub struct Function {
    pub code: usize,
    /// What a plain call reads of the code (see `CallShape`).
    pub shape: CallShape,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub globals: ObjId,
    pub defaults: Vec<Value>,
    /// Keyword-only defaults (a dict), if any.
    pub kwdefaults: Option<ObjId>,
    /// The closure's cells, in `co_freevars` order.
    pub closure: Vec<Value>,
    /// `__annotations__` (a dict), when MAKE_FUNCTION was given annotations.
    pub annotations: Option<ObjId>,
    pub attrs: Dict,
}

/// What run mode's plain call (a Python function given exactly its
/// positional parameters) needs of the function's code, kept in the
/// function object so that the call reads one word where it chased the code
/// object for three (the code of a function never changes).
#[derive(Clone, Copy)]
pub struct CallShape {
    /// How many positional arguments a plain call gives (`co_argcount`), or
    /// `u32::MAX` when the code takes `*args`, `**kwargs` or keyword-only
    /// parameters (no call is plain then).
    pub plain_argc: u32,
    /// `co_nlocalsplus`: the frame's locals.
    pub nlocalsplus: u32,
    /// `co_stacksize`: the frame's stack.
    pub stacksize: u32,
}

/// The signature every builtin function and method implements.
pub type BuiltinFn = fn(&mut Vm, &mut Args) -> crate::vm::PyResult<Value>;

/// Arguments of a call to a builtin: positional values and keyword pairs.
#[derive(Default, Clone)]
pub struct Args {
    pub pos: Vec<Value>,
    pub kw: Vec<(Rc<str>, Value)>,
}

impl Args {
    pub fn new(pos: Vec<Value>) -> Args {
        Args { pos, kw: Vec::new() }
    }

    /// Positional argument `i`, whose presence the caller has checked. Its bounds check
    /// keeps one panic location in the wasm for all the builtins that read arguments this
    /// way (see lib.rs); natively a panic still names the caller's line.
    #[cfg_attr(not(target_arch = "wasm32"), track_caller)]
    pub fn arg(&self, i: usize) -> Value {
        self.pos[i]
    }

    /// The arguments without the first `n` positional ones (a receiver).
    pub fn tail(mut self, n: usize) -> Args {
        self.pos.drain(..n.min(self.pos.len()));
        self
    }

    /// Removes and returns the keyword argument `name`.
    pub fn take_kw(&mut self, name: &str) -> Option<Value> {
        let i = self.kw.iter().position(|(k, _)| &**k == name)?;
        Some(self.kw.remove(i).1)
    }
}

#[derive(Clone)]
pub struct Builtin {
    pub name: &'static str,
    pub func: BuiltinFn,
    /// The object a builtin method was looked up on (`[].append` -> the list).
    pub receiver: Option<Value>,
    /// The builtin type defining a method (its argument errors name it:
    /// `bytes.find()`); None for a function.
    pub owner: Option<crate::vm::types::TypeId>,
    /// A method's declared arguments (`Sig::OWN` for functions, which check their own).
    pub sig: &'static crate::vm::signature::Sig,
}

/// How a builtin type's method binds, which also decides its repr.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DescrKind {
    /// A slot dunder: `<slot wrapper '__add__' of 'int' objects>`.
    Slot,
    /// A plain method: `<method 'append' of 'list' objects>`.
    Method,
    /// Bound to the class even when looked up on an instance (`dict.fromkeys`).
    ClassMethod,
    /// Never bound (`__new__`, which takes the class explicitly).
    Static,
}

#[derive(Clone)]
pub struct Descriptor {
    pub owner: crate::vm::types::TypeId,
    pub name: &'static str,
    pub func: BuiltinFn,
    pub kind: DescrKind,
    pub sig: &'static crate::vm::signature::Sig,
}

#[derive(Clone)]
pub enum Iter {
    /// list, tuple (by position; a list may change while iterated).
    Seq { seq: ObjId, index: usize, kind: &'static str },
    Reversed { seq: ObjId, index: usize },
    Range { next: i64, stop: i64, step: i64 },
    Str { s: PyStr, pos: usize },
    /// Dict iterators remember the size they started with: a dict that
    /// changes size while iterated is an error.
    DictKeys { dict: ObjId, index: usize, len: usize },
    DictValues { dict: ObjId, index: usize, len: usize },
    DictItems { dict: ObjId, index: usize, len: usize },
    Enumerate { it: Value, count: i64 },
    Zip { its: Vec<Value> },
    Map { func: Value, its: Vec<Value> },
    Filter { func: Value, it: Value },
    /// A snapshot of values (sets, sorted copies).
    Values { items: Vec<Value>, index: usize, kind: &'static str },
    /// The old sequence protocol: `obj[0]`, `obj[1]`, ... until IndexError.
    GetItem { obj: Value, index: i64 },
    Exhausted,
}

#[derive(Clone)]
pub struct Class {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub bases: Vec<ObjId>,
    /// Method resolution order, starting with the class itself.
    pub mro: Vec<ObjId>,
    pub attrs: Dict,
    /// The builtin type whose instance layout objects of this class have.
    pub builtin: Option<crate::vm::types::TypeId>,
    /// `__module__` of a class defined outside the program (e.g. "collections.abc").
    pub module: Option<Rc<str>>,
    /// The class of this class when it is not `type` (`class C(metaclass=M)`).
    pub metaclass: Option<ObjId>,
    /// Whether a user class along the MRO defines `__getattribute__` (checked
    /// on every attribute access of its instances, so kept as a flag).
    pub custom_getattribute: bool,
    /// The attribute names its instances share (see `SharedKeys`).
    pub shared_keys: Rc<SharedKeys>,
}

/// The attribute names the instances of one class share, CPython's
/// "shared-key dicts": each name has a fixed index, and instances keep only
/// their values by index, so a cache that knows a name's index finds the
/// value with one load instead of hashing the name. A `SharedKeys` never
/// changes: a class that meets a new name gets a copy one name longer, so
/// every older copy is a prefix of the class's current one and the indexes
/// an instance holding an older copy uses agree with the class's.
#[derive(Default)]
pub struct SharedKeys {
    /// Each name with its interned str object (the key `__dict__` shows).
    /// Few and read only when a cache misses: a scan, not a hash table.
    names: Vec<(Rc<str>, Value)>,
}

impl SharedKeys {
    /// At most this many names are shared per class (CPython stops at 30
    /// too); instances meeting more keep a dict of their own.
    pub const MAX: usize = 30;

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    pub fn index_of(&self, name: &str) -> Option<u32> {
        self.names.iter().position(|(n, _)| **n == *name).map(|i| i as u32)
    }

    /// These names and `name` (with its interned `key`), if there is room.
    pub fn with(&self, name: Rc<str>, key: Value) -> Option<SharedKeys> {
        if self.names.len() >= SharedKeys::MAX {
            return None;
        }
        let mut names = self.names.clone();
        names.push((name, key));
        Some(SharedKeys { names })
    }

    pub fn trace(&self, out: &mut Vec<Value>) {
        out.extend(self.names.iter().map(|(_, k)| *k));
    }
}

/// An instance's own attributes (its `__dict__` until the program asks for
/// that as an object): values by the class's shared keys, or a dict of its
/// own once the keys cannot say (a key that is not a str, too many names).
/// Both keep insertion order, as a dict does.
#[derive(Clone)]
pub enum Attrs {
    Shared(SharedAttrs),
    Dict(Dict),
}

#[derive(Clone)]
pub struct SharedAttrs {
    keys: Rc<SharedKeys>,
    /// By key index; `Value::Null` where the instance lacks the name.
    values: Vec<Value>,
    /// The key indexes in insertion order, once that is not index order
    /// (a name added after a later-indexed one, or deleted and re-added).
    order: Option<Vec<u32>>,
}

impl Default for Attrs {
    fn default() -> Attrs {
        Attrs::Dict(Dict::new())
    }
}

impl From<Dict> for Attrs {
    fn from(d: Dict) -> Attrs {
        Attrs::Dict(d)
    }
}

impl SharedAttrs {
    pub fn new(keys: Rc<SharedKeys>) -> SharedAttrs {
        SharedAttrs { values: Vec::with_capacity(keys.len()), keys, order: None }
    }

    pub fn keys(&self) -> &Rc<SharedKeys> {
        &self.keys
    }

    /// The value at key index `i`, if the instance has that name.
    #[inline(always)]
    pub fn at(&self, i: u32) -> Option<Value> {
        match self.values.get(i as usize) {
            Some(Value::Null) | None => None,
            Some(v) => Some(*v),
        }
    }

    /// `at` by reference (run mode's loop copies the value straight onto its stack).
    #[inline(always)]
    pub fn at_ref(&self, i: u32) -> Option<&Value> {
        match self.values.get(i as usize) {
            Some(v) if !v.is_null() => Some(v),
            _ => None,
        }
    }

    /// How many key indexes the instance has values (or holes) for: it has
    /// no name whose index is at or past this.
    #[inline(always)]
    pub fn span(&self) -> usize {
        self.values.len()
    }

    /// Sets the value at key index `i`, which `keys` (replaced by the
    /// class's current keys, which extend the instance's) must cover.
    #[inline(always)]
    pub fn set(&mut self, i: u32, v: Value, keys: Option<&Rc<SharedKeys>>) {
        let i = i as usize;
        if let Some(slot) = self.values.get_mut(i) {
            if !slot.is_null() {
                *slot = v;
                return;
            }
        }
        if let Some(keys) = keys {
            if keys.len() > self.keys.len() {
                self.keys = keys.clone();
            }
        }
        self.add(i, v);
    }

    /// A name the instance lacks: it goes last in insertion order.
    fn add(&mut self, i: usize, v: Value) {
        if self.order.is_none() && self.values.get(i + 1..).is_some_and(|later| later.iter().any(|v| !v.is_null())) {
            self.order = Some(self.indexes_in_order());
        }
        if let Some(order) = &mut self.order {
            order.push(i as u32);
        }
        if self.values.len() <= i {
            self.values.resize(i + 1, Value::Null);
        }
        self.values[i] = v;
    }

    fn indexes_in_order(&self) -> Vec<u32> {
        match &self.order {
            Some(order) => order.clone(),
            None => (0..self.values.len() as u32).filter(|&i| !self.values[i as usize].is_null()).collect(),
        }
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn remove_at(&mut self, i: u32) -> Option<(Value, Value)> {
        let v = self.at(i)?;
        self.values[i as usize] = Value::Null;
        if let Some(order) = &mut self.order {
            order.retain(|&j| j != i);
        }
        Some((self.keys.names[i as usize].1, v))
    }
}

impl Attrs {
    /// No attributes yet, sharing `keys`.
    pub fn shared(keys: Rc<SharedKeys>) -> Attrs {
        Attrs::Shared(SharedAttrs::new(keys))
    }

    fn shared_index(s: &SharedAttrs, key: &HashKey) -> Option<u32> {
        match key {
            HashKey::Str(name) => s.keys.index_of(name),
            _ => None,
        }
    }

    pub fn get(&self, key: &HashKey) -> Option<Value> {
        match self {
            Attrs::Shared(s) => Attrs::shared_index(s, key).and_then(|i| s.at(i)),
            Attrs::Dict(d) => d.get(key),
        }
    }

    /// Replaces the value of an existing key; false if the key is absent.
    pub fn set_existing(&mut self, key: &HashKey, v: Value) -> bool {
        match self {
            Attrs::Shared(s) => match Attrs::shared_index(s, key) {
                Some(i) if s.at(i).is_some() => {
                    s.values[i as usize] = v;
                    true
                }
                _ => false,
            },
            Attrs::Dict(d) => d.set_existing(key, v),
        }
    }

    /// Inserts or replaces, keeping insertion order like a dict. A name the
    /// shared keys lack turns them into a dict of the instance's own (the
    /// VM adds names to a class's keys itself, where it sees the class).
    pub fn insert(&mut self, key: HashKey, k: Value, v: Value) {
        if let Attrs::Shared(s) = self {
            if let Some(i) = Attrs::shared_index(s, &key) {
                s.set(i, v, None);
                return;
            }
            *self = Attrs::Dict(std::mem::take(self).into_dict());
        }
        if let Attrs::Dict(d) = self {
            d.insert(key, k, v);
        }
    }

    pub fn remove(&mut self, key: &HashKey) -> Option<(Value, Value)> {
        match self {
            Attrs::Shared(s) => Attrs::shared_index(s, key).and_then(|i| s.remove_at(i)),
            Attrs::Dict(d) => d.remove(key),
        }
    }

    /// The (key, value) pairs in insertion order.
    pub fn items(&self) -> Vec<(Value, Value)> {
        match self {
            Attrs::Shared(s) => s.indexes_in_order().into_iter().map(|i| (s.keys.names[i as usize].1, s.values[i as usize])).collect(),
            Attrs::Dict(d) => d.iter().collect(),
        }
    }

    /// The attributes as a dict of their own, in insertion order.
    pub fn into_dict(self) -> Dict {
        match self {
            Attrs::Shared(s) => {
                let mut d = Dict::new();
                for i in s.indexes_in_order() {
                    let (name, k) = &s.keys.names[i as usize];
                    d.insert(HashKey::Str(name.clone().into()), *k, s.values[i as usize]);
                }
                d
            }
            Attrs::Dict(d) => d,
        }
    }

    pub fn trace(&self, out: &mut Vec<Value>) {
        match self {
            Attrs::Shared(s) => out.extend(s.values.iter().filter(|v| !v.is_null())),
            Attrs::Dict(d) => d.trace(out),
        }
    }
}

#[derive(Clone)]
pub struct Instance {
    pub class: ObjId,
    pub attrs: Attrs,
    /// The builtin value an instance of a subclass of int, str, list, dict...
    /// carries (an int, a str, a list object...); `Value::Null` otherwise.
    pub base: Value,
    /// Set once the program asked for the instance's `__dict__`: from then on
    /// the attributes live in this heap dict (and `attrs` stays empty), so
    /// writes through `obj.__dict__` / `vars(obj)` are the instance's.
    pub dict: Option<ObjId>,
    /// Present when the class derives from BaseException.
    pub exc: Option<Box<ExcData>>,
}

#[derive(Clone)]
pub struct ExcData {
    pub args: Vec<Value>,
    /// (code index, instruction offset), outermost frame first.
    pub traceback: Vec<(usize, u32)>,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
    /// NameError/AttributeError: the missing name (`exc.name`).
    pub name: Option<Rc<str>>,
    /// AttributeError: the object that lacked it (`exc.obj`).
    pub obj: Value,
    /// NameError: the "Did you mean" suggestion, computed where it was raised.
    pub suggestion: Option<String>,
}

impl ExcData {
    pub fn new(args: Vec<Value>) -> ExcData {
        ExcData {
            args,
            traceback: Vec::new(),
            cause: Value::None,
            context: Value::None,
            suppress_context: false,
            name: None,
            obj: Value::None,
            suggestion: None,
        }
    }
}

#[derive(Clone)]
pub struct Generator {
    /// The suspended frame; `None` once finished (or while running).
    pub frame: Option<Box<Frame>>,
    pub running: bool,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
}

impl Object {
    /// Every value this object refers to, for the garbage collector.
    pub fn trace(&self, out: &mut Vec<Value>) {
        match self {
            Object::Str(_) | Object::Int(_) | Object::Range { .. } | Object::Code(_) => {}
            Object::Bytes(_) | Object::ByteArray(_) | Object::Complex { .. } => {}
            Object::NotImplemented | Object::Ellipsis => {}
            Object::List(v) | Object::Tuple(v) => out.extend_from_slice(v),
            Object::Dict(d) => d.trace(out),
            Object::Set { items, .. } => items.trace(out),
            Object::Function(f) => {
                out.push(Value::Obj(f.globals));
                out.extend_from_slice(&f.defaults);
                out.extend(f.kwdefaults.map(Value::Obj));
                out.extend_from_slice(&f.closure);
                out.extend(f.annotations.map(Value::Obj));
                f.attrs.trace(out);
            }
            Object::Builtin(b) => out.extend(b.receiver),
            Object::Descriptor(_) => {}
            Object::Method { func, receiver } => out.extend([*func, *receiver]),
            Object::Slice { start, stop, step } => out.extend([*start, *stop, *step]),
            Object::Iter(it) => match it {
                Iter::Seq { seq, .. } | Iter::Reversed { seq, .. } => out.push(Value::Obj(*seq)),
                Iter::DictKeys { dict, .. } | Iter::DictValues { dict, .. } | Iter::DictItems { dict, .. } => {
                    out.push(Value::Obj(*dict))
                }
                Iter::Range { .. } | Iter::Str { .. } | Iter::Exhausted => {}
                Iter::Enumerate { it, .. } => out.push(*it),
                Iter::Zip { its } => out.extend_from_slice(its),
                Iter::Map { func, its } => {
                    out.push(*func);
                    out.extend_from_slice(its)
                }
                Iter::Filter { func, it } => out.extend([*func, *it]),
                Iter::GetItem { obj, .. } => out.push(*obj),
                Iter::Values { items, .. } => out.extend_from_slice(items),
            },
            Object::Class(c) => {
                out.extend(c.bases.iter().map(|b| Value::Obj(*b)));
                out.extend(c.mro.iter().map(|b| Value::Obj(*b)));
                c.attrs.trace(out);
                out.extend(c.metaclass.map(Value::Obj));
                c.shared_keys.trace(out);
            }
            Object::Instance(i) => {
                out.extend([Value::Obj(i.class), i.base]);
                out.extend(i.dict.map(Value::Obj));
                i.attrs.trace(out);
                if let Some(e) = &i.exc {
                    out.extend_from_slice(&e.args);
                    out.extend([e.cause, e.context, e.obj]);
                }
            }
            Object::Cell(v) => out.push(*v),
            Object::Generator(g) => {
                if let Some(f) = &g.frame {
                    f.trace(out)
                }
            }
            Object::StaticMethod(v) | Object::ClassMethod(v) => out.push(*v),
            Object::Property { fget, fset, fdel } => out.extend([*fget, *fset, *fdel]),
            Object::Super { class, receiver } => out.extend([Value::Obj(*class), *receiver]),
            Object::DictView { dict, .. } => out.push(Value::Obj(*dict)),
            Object::Module { dict, .. } => out.push(Value::Obj(*dict)),
            Object::Deque { items, .. } => out.extend(items.iter().copied()),
            Object::Memoized { func, cache } => out.extend([*func, Value::Obj(*cache)]),
        }
    }
}
