//! Run mode's fast paths for `obj.name`, `obj.name = v` and `Class(args)` on
//! instances of plain Python classes (their MRO holds only Python classes and
//! `object`), and for `obj.method` on str, list, tuple, dict and set. They look names up with the code object's own `Rc<str>` (no
//! key allocation, no MRO copy) and give the same results as `getattr`,
//! `load_method`, `setattr` and `instantiate` in the cases they accept; any
//! case they do not fully understand (dunder names, exceptions, properties
//! and other descriptors, builtin bases, `__new__`) returns `None`/`false`
//! before changing anything, and the general path decides.

use super::frame::{Frame, OnReturn};
use super::types::TypeId;
use super::{PyResult, Vm};
use crate::bytecode::code::flags;
use crate::runtime::dict::{watch_epoch, HashKey};
use crate::runtime::heap::Heap;
use crate::runtime::object::{Attrs, BuiltinFn, DescrKind, Instance, Object, SharedAttrs, SharedKeys};
use crate::runtime::value::{ObjId, Value};
use std::rc::Rc;

/// What the class side of a plain instance provides for a name.
#[derive(Clone, Copy, Default)]
enum ClassAttr {
    #[default]
    Absent,
    /// A Python function: a method.
    Function(Value),
    /// Any value that is not a descriptor (ints, strs, containers...).
    Plain(Value),
    /// A builtin type's method descriptor (`list.append`).
    BuiltinMethod(Value),
    /// Something only the general path handles (a descriptor, a builtin
    /// base, the class's own `__getattribute__` / `__setattr__` / `__delattr__`).
    General,
}

/// Names the fast paths look up on classes, made once.
#[derive(Clone)]
pub struct DunderKeys {
    init: HashKey,
    new: HashKey,
    abstract_methods: HashKey,
    hooks: [HashKey; 3],
}

impl Default for DunderKeys {
    fn default() -> DunderKeys {
        let key = |k: &str| HashKey::Str(k.into());
        DunderKeys {
            init: key("__init__"),
            new: key("__new__"),
            abstract_methods: key("__abstractmethods__"),
            hooks: ["__getattribute__", "__setattr__", "__delattr__"].map(key),
        }
    }
}

/// One instruction's memory of what `ClassAttr` a class gave for the
/// instruction's name (for CALL: the `__init__` of a fast instantiation),
/// and where the name is among the class's shared instance keys.
/// Valid while `epoch` is `dict::watch_epoch()`: the dicts along the class's
/// MRO are watched, so any change to them (or a class freed and its id
/// reused) moves the epoch. Epoch 0 is never valid.
#[derive(Clone, Copy, Default)]
pub struct AttrCache {
    class: u32,
    epoch: u64,
    found: ClassAttr,
    slot: KeySlot,
    /// For a method of a builtin type (`found` is `BuiltinMethod`): the
    /// kind of value it was found on (`receiver_kind`), so that run mode's
    /// loop can answer the next LOAD_ATTR on such a value without the class.
    receiver: u8,
}

/// The kind of a str, list, tuple, dict or set value, each type its own
/// (never 0), for `AttrCache::receiver`; `None` for any other object.
#[inline(always)]
fn receiver_kind(obj: &Object) -> Option<u8> {
    use crate::runtime::dict::Flavor;
    Some(match obj {
        Object::Str(_) => 1,
        Object::List(_) => 2,
        Object::Tuple(_) => 3,
        Object::Dict(d) => match d.flavor {
            Flavor::Plain => 4,
            Flavor::Default(_) => 5,
            Flavor::Counter => 6,
        },
        Object::Set { frozen: false, .. } => 7,
        Object::Set { frozen: true, .. } => 8,
        _ => return None,
    })
}

/// Where an instruction's name is among a class's shared keys. Indexes
/// never change, but a class can gain names: a name missing from its first
/// `known` keys may come later, at an index of `known` or more.
#[derive(Clone, Copy, Default, PartialEq)]
enum KeySlot {
    At(u32),
    #[default]
    Missing,
    MissingFrom(u32),
}

impl KeySlot {
    fn of(keys: &SharedKeys, name: &str) -> KeySlot {
        match keys.index_of(name) {
            Some(i) => KeySlot::At(i),
            None => KeySlot::MissingFrom(keys.len() as u32),
        }
    }

    /// The instance's value for the name (`Err` when the slot cannot say:
    /// the instance has names past what the cache saw).
    #[inline(always)]
    fn value(self, attrs: &SharedAttrs) -> Result<Option<Value>, ()> {
        match self {
            KeySlot::At(i) => Ok(attrs.at(i)),
            KeySlot::MissingFrom(known) if attrs.span() <= known as usize => Ok(None),
            _ => Err(()),
        }
    }

    /// `value` by reference.
    #[inline(always)]
    fn value_ref(self, attrs: &SharedAttrs) -> Result<Option<&Value>, ()> {
        match self {
            KeySlot::At(i) => Ok(attrs.at_ref(i)),
            KeySlot::MissingFrom(known) if attrs.span() <= known as usize => Ok(None),
            _ => Err(()),
        }
    }
}

/// What a LOAD_ATTR hit pushes in place of its owner (references into the
/// instance or the cache, which run mode's loop copies onto its stack).
pub(super) enum AttrHit<'a> {
    /// The attribute's value (after a NULL for the method form).
    Value(&'a Value),
    /// The method form's function, then the owner again.
    Method(&'a Value),
}

/// LOAD_ATTR on a plain instance when the instruction's cache (`caches`
/// are the running code's, `lasti` the instruction's offset) already knows
/// the answer: run mode's loop calls it inline; `None` sends the
/// instruction to `instance_getattr` and the general path.
#[inline(always)]
pub(super) fn load_attr_hit<'a>(heap: &'a Heap, caches: &'a [AttrCache], lasti: usize, owner: Value, method: bool) -> Option<AttrHit<'a>> {
    if let Some(hit) = builtin_method_hit(heap, caches, lasti, owner, method) {
        return hit;
    }
    let (inst, c) = cached_instance(heap, caches, lasti, owner)?;
    let Attrs::Shared(attrs) = &inst.attrs else { return None };
    match c.slot.value_ref(attrs) {
        Ok(Some(v)) => Some(AttrHit::Value(v)),
        Ok(None) => match &c.found {
            ClassAttr::Function(f) if method => Some(AttrHit::Method(f)),
            ClassAttr::Plain(v) => Some(AttrHit::Value(v)),
            _ => None,
        },
        Err(()) => None,
    }
}

/// LOAD_ATTR's method form on a str, list, tuple, dict or set whose kind
/// the instruction's cache saw a method of its type found for (see
/// `builtin_method`): the method descriptor and the value, as
/// `Some(Some(..))`; `Some(None)` when the cache cannot say; `None` when
/// `owner` is not such a value (an instance, say).
#[inline(always)]
fn builtin_method_hit<'a>(heap: &Heap, caches: &'a [AttrCache], lasti: usize, owner: Value, method: bool) -> Option<Option<AttrHit<'a>>> {
    let Value::Obj(id) = owner else { return Some(None) };
    let kind = receiver_kind(heap.lookup(id)?)?;
    let hit = match caches.get(lasti / 2) {
        Some(AttrCache { receiver, epoch, found: ClassAttr::BuiltinMethod(m), .. })
            if method && *receiver == kind && *epoch == watch_epoch() =>
        {
            Some(AttrHit::Method(m))
        }
        _ => None,
    };
    Some(hit)
}

/// STORE_ATTR of `v` on a plain instance whose shared keys the
/// instruction's cache knows the name's index in (see `load_attr_hit`);
/// false sends it to `instance_setattr`.
#[inline(always)]
pub(super) fn store_attr_hit(heap: &mut Heap, caches: &[AttrCache], lasti: usize, owner: Value, v: Value) -> bool {
    let Some((_, c)) = cached_instance(heap, caches, lasti, owner) else { return false };
    let KeySlot::At(i) = c.slot else { return false };
    let Some(Object::Instance(inst)) = owner.obj().map(|id| heap.get_mut(id)) else { return false };
    match &mut inst.attrs {
        Attrs::Shared(attrs) if (i as usize) < attrs.keys().len() => {
            attrs.set(i, v, None);
            true
        }
        _ => false,
    }
}

/// `owner` as a plain instance with the instruction's cache entry, when
/// that entry is valid for its class and not the general path's.
#[inline(always)]
fn cached_instance<'a>(heap: &'a Heap, caches: &'a [AttrCache], lasti: usize, owner: Value) -> Option<(&'a Instance, &'a AttrCache)> {
    let Value::Obj(id) = owner else { return None };
    let Some(Object::Instance(inst)) = heap.lookup(id) else { return None };
    let c = caches.get(lasti / 2)?;
    let valid = c.class == inst.class.0 && c.epoch == watch_epoch() && !matches!(c.found, ClassAttr::General);
    (valid && inst.exc.is_none() && inst.dict.is_none()).then_some((inst, c))
}

impl Vm {
    /// `resolve(class, key)` through the running instruction's cache, with
    /// where `key`'s name is among the class's shared keys.
    #[inline(always)]
    fn cached_class_attr(
        &mut self,
        class: ObjId,
        name: &Rc<str>,
        resolve: fn(&Vm, ObjId, &HashKey) -> ClassAttr,
    ) -> Option<(ClassAttr, KeySlot)> {
        match self.attr_cache_hit(class) {
            Some(c) => Some((c.found, c.slot)).filter(|(f, _)| !matches!(f, ClassAttr::General)),
            None => self.resolve_class_attr(class, name, resolve),
        }
    }

    /// The running instruction's cache entry, if it is valid for `class`.
    #[inline(always)]
    fn attr_cache_hit(&self, class: ObjId) -> Option<&AttrCache> {
        let f = self.frames.last()?;
        let c = self.attr_caches.get(f.code_index)?.get(f.lasti / 2)?;
        (c.class == class.0 && c.epoch == watch_epoch()).then_some(c)
    }

    /// Records where `name` now is among `class`'s shared keys in the
    /// running instruction's cache (after the class gained names).
    fn refresh_key_slot(&mut self, class: ObjId, name: &str) {
        let slot = match self.heap.get(class) {
            Object::Class(c) => KeySlot::of(&c.shared_keys, name),
            _ => return,
        };
        let Some(f) = self.frames.last() else { return };
        if let Some(c) = self.attr_caches.get_mut(f.code_index).and_then(|c| c.get_mut(f.lasti / 2)) {
            if c.class == class.0 {
                c.slot = slot;
            }
        }
    }

    /// A cache miss of `cached_class_attr`.
    fn resolve_class_attr(
        &mut self,
        class: ObjId,
        name: &Rc<str>,
        resolve: fn(&Vm, ObjId, &HashKey) -> ClassAttr,
    ) -> Option<(ClassAttr, KeySlot)> {
        let found = resolve(self, class, &HashKey::Str(name.clone().into()));
        let slot = match self.heap.get(class) {
            Object::Class(c) => KeySlot::of(&c.shared_keys, name),
            _ => KeySlot::Missing,
        };
        self.remember_class_attr(class, found, slot);
        Some((found, slot)).filter(|(f, _)| !matches!(f, ClassAttr::General))
    }

    /// What a plain class gives instances for `key` (`General` when its
    /// attribute hooks or a descriptor make it the general path's job).
    fn instance_class_attr(&self, class: ObjId, key: &HashKey) -> ClassAttr {
        match self.plain_class_attr(class, key) {
            Some(found) if !self.has_attribute_hooks(class) => found,
            _ => ClassAttr::General,
        }
    }

    /// Whether `class` defines (or inherits from a Python class) its own
    /// `__getattribute__`, `__setattr__` or `__delattr__`.
    fn has_attribute_hooks(&self, class: ObjId) -> bool {
        let Object::Class(c) = self.heap.get(class) else { return true };
        self.dunder_keys.hooks.iter().any(|hook| {
            let found = c.mro.iter().find_map(|&k| match self.heap.get(k) {
                Object::Class(k) => k.attrs.get(hook),
                _ => None,
            });
            match found.and_then(|v| v.obj()).map(|id| self.heap.get(id)) {
                None => false,
                Some(Object::Descriptor(d)) => d.owner != TypeId::Object,
                Some(_) => true,
            }
        })
    }

    /// A method descriptor a builtin type's dicts give for `key`.
    fn builtin_class_method(&self, class: ObjId, key: &HashKey) -> ClassAttr {
        let Object::Class(c) = self.heap.get(class) else { return ClassAttr::General };
        let found = c.mro.iter().find_map(|&k| match self.heap.get(k) {
            Object::Class(k) => k.attrs.get(key),
            _ => None,
        });
        match found.and_then(|v| v.obj()).map(|id| (id, self.heap.get(id))) {
            Some((id, Object::Descriptor(d))) if d.kind == DescrKind::Method => ClassAttr::BuiltinMethod(Value::Obj(id)),
            _ => ClassAttr::General,
        }
    }

    /// LOAD_ATTR's method form on a str, list, tuple, dict or set for a
    /// method of its type: the method descriptor, called with the object as
    /// its first argument (CPython's LOAD_ATTR_METHOD_NO_DICT), instead of a
    /// bound method allocated per call. `None` leaves it to the general path.
    pub(super) fn builtin_method(&mut self, obj: Value, name: &Rc<str>) -> Option<Value> {
        if name.starts_with("__") {
            return None;
        }
        let id = obj.obj()?;
        let builtin_value =
            matches!(self.heap.get(id), Object::Str(_) | Object::List(_) | Object::Tuple(_) | Object::Dict(_) | Object::Set { .. });
        if !builtin_value {
            return None;
        }
        let class = self.type_of(obj);
        match self.cached_class_attr(class, name, Vm::builtin_class_method)?.0 {
            ClassAttr::BuiltinMethod(method) => {
                // Run mode's loop can answer the next one (`builtin_method_hit`).
                let kind = receiver_kind(self.heap.get(id));
                let f = self.frames.last().expect("frame");
                if let Some(c) = self.attr_caches.get_mut(f.code_index).and_then(|c| c.get_mut(f.lasti / 2)) {
                    if c.class == class.0 {
                        c.receiver = kind.unwrap_or(0);
                    }
                }
                Some(method)
            }
            _ => None,
        }
    }

    /// The cache of the running instruction: (code index, slot).
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn attr_cache_slot(&mut self) -> (usize, usize) {
        let f = self.frames.last().expect("frame");
        let (code_index, slot, units) = (f.code_index, f.lasti / 2, f.code.code.len() / 2);
        let caches = &mut self.attr_caches[code_index];
        if caches.is_empty() {
            caches.resize(units, AttrCache::default());
        }
        (code_index, slot)
    }

    /// Caches `found` for the running instruction, watching `class`'s MRO dicts.
    fn remember_class_attr(&mut self, class: ObjId, found: ClassAttr, key_slot: KeySlot) {
        let mro = match self.heap.get(class) {
            Object::Class(c) => c.mro.clone(),
            _ => return,
        };
        for k in mro {
            if let Object::Class(k) = self.heap.get_mut(k) {
                k.attrs.watch();
            }
        }
        let (code_index, slot) = self.attr_cache_slot();
        if let Some(c) = self.attr_caches[code_index].get_mut(slot) {
            *c = AttrCache { class: class.0, epoch: watch_epoch(), found, slot: key_slot, receiver: 0 };
        }
    }

    /// Looks `key` up in the class dicts along `class`'s MRO; `None` when the
    /// answer needs the general path (a builtin base, or a descriptor found).
    fn plain_class_attr(&self, class: ObjId, key: &HashKey) -> Option<ClassAttr> {
        let Object::Class(c) = self.heap.get(class) else { return None };
        for &k in &c.mro {
            let Object::Class(k) = self.heap.get(k) else { return None };
            if !matches!(k.builtin, None | Some(TypeId::Object)) {
                return None;
            }
            let Some(v) = k.attrs.get(key) else { continue };
            let Value::Obj(id) = v else { return Some(ClassAttr::Plain(v)) };
            return match self.heap.get(id) {
                Object::Function(_) => Some(ClassAttr::Function(v)),
                Object::Str(_) | Object::Int(_) | Object::List(_) | Object::Tuple(_) | Object::Dict(_) => {
                    Some(ClassAttr::Plain(v))
                }
                _ => None,
            };
        }
        Some(ClassAttr::Absent)
    }

    /// The instance of a plain class `obj` is, if it is one (not an exception).
    fn plain_instance(&self, obj: Value) -> Option<(ObjId, &Instance)> {
        let id = obj.obj()?;
        match self.heap.get(id) {
            // An instance whose __dict__ was asked for keeps its attributes there.
            Object::Instance(inst) if inst.exc.is_none() && inst.dict.is_none() => Some((id, inst)),
            _ => None,
        }
    }

    /// LOAD_ATTR on a plain instance: `(NULL, value)`, or `(function, obj)`
    /// for the method form; `None` leaves it to the general path.
    pub(super) fn instance_getattr(&mut self, obj: Value, name: &Rc<str>, method: bool) -> Option<(Value, Value)> {
        let (id, inst) = self.plain_instance(obj)?;
        let class = inst.class;
        // A hit needs no name check: dunder names are never cached.
        let (class_attr, slot) = match self.attr_cache_hit(class) {
            Some(c) if matches!(c.found, ClassAttr::General) => return None,
            Some(c) => (c.found, c.slot),
            None if name.starts_with("__") => return None,
            None => self.resolve_class_attr(class, name, Vm::instance_class_attr)?,
        };
        let Object::Instance(inst) = self.heap.get(id) else { return None };
        let own = match &inst.attrs {
            Attrs::Shared(attrs) => match slot.value(attrs) {
                Ok(v) => v,
                Err(()) => {
                    let v = attrs.keys().index_of(name).and_then(|i| attrs.at(i));
                    self.refresh_key_slot(class, name);
                    v
                }
            },
            attrs => attrs.get(&HashKey::Str(name.clone().into())),
        };
        if let Some(v) = own {
            return Some((Value::Null, v));
        }
        match class_attr {
            ClassAttr::Function(f) if method => Some((f, obj)),
            ClassAttr::Function(f) => {
                let bound = self.heap.alloc(Object::Method { func: f, receiver: obj });
                Some((Value::Null, Value::Obj(bound)))
            }
            ClassAttr::Plain(v) => Some((Value::Null, v)),
            ClassAttr::Absent | ClassAttr::BuiltinMethod(_) | ClassAttr::General => None,
        }
    }

    /// STORE_ATTR on a plain instance whose class has no descriptor for
    /// `name`; false leaves it to `setattr`.
    pub(super) fn instance_setattr(&mut self, obj: Value, name: &Rc<str>, v: Value) -> bool {
        let Some((id, inst)) = self.plain_instance(obj) else { return false };
        let class = inst.class;
        let slot = match self.attr_cache_hit(class) {
            Some(c) if matches!(c.found, ClassAttr::General) => return false,
            Some(c) => c.slot,
            None if name.starts_with("__") => return false,
            None => match self.resolve_class_attr(class, name, Vm::instance_class_attr) {
                Some((_, slot)) => slot,
                None => return false,
            },
        };
        if let (KeySlot::At(i), Object::Instance(inst)) = (slot, self.heap.get_mut(id)) {
            if let Attrs::Shared(attrs) = &mut inst.attrs {
                if (i as usize) < attrs.keys().len() {
                    attrs.set(i, v, None);
                    return true;
                }
            }
        }
        self.store_instance_attr(id, name, v);
        self.refresh_key_slot(class, name);
        true
    }

    /// `name = v` in instance `id`'s own attributes (not its heap `__dict__`),
    /// adding `name` to its class's shared keys while they have room.
    pub(super) fn store_instance_attr(&mut self, id: ObjId, name: &Rc<str>, v: Value) {
        let Object::Instance(inst) = self.heap.get(id) else { return };
        let class = inst.class;
        if let Attrs::Shared(attrs) = &inst.attrs {
            let index = match attrs.keys().index_of(name) {
                Some(i) => Some((i, None)),
                None => self.shared_key_index(class, name).map(|(i, keys)| (i, Some(keys))),
            };
            if let Some((i, keys)) = index {
                if let Object::Instance(inst) = self.heap.get_mut(id) {
                    if let Attrs::Shared(attrs) = &mut inst.attrs {
                        attrs.set(i, v, keys.as_ref());
                    }
                }
                return;
            }
        }
        let k = self.intern(name);
        if let Object::Instance(inst) = self.heap.get_mut(id) {
            inst.attrs.insert(HashKey::Str(name.clone().into()), k, v);
        }
    }

    /// `name`'s index among `class`'s shared keys, added if new and there is
    /// room, with the class's keys that have it.
    fn shared_key_index(&mut self, class: ObjId, name: &Rc<str>) -> Option<(u32, Rc<SharedKeys>)> {
        let Object::Class(c) = self.heap.get(class) else { return None };
        let keys = c.shared_keys.clone();
        if let Some(i) = keys.index_of(name) {
            return Some((i, keys));
        }
        let k = self.intern(name);
        let keys = Rc::new(keys.with(name.clone(), k)?);
        if let Object::Class(c) = self.heap.get_mut(class) {
            c.shared_keys = keys.clone();
        }
        Some((keys.len() as u32 - 1, keys))
    }

    /// The attributes a new instance of `class` starts with: none, sharing
    /// the class's keys.
    pub(super) fn new_instance_attrs(&self, class: ObjId) -> Attrs {
        match self.heap.get(class) {
            Object::Class(c) => Attrs::shared(c.shared_keys.clone()),
            _ => Attrs::default(),
        }
    }

    /// The common `Class(a, b)` of a plain class (no metaclass, `object`'s
    /// `__new__`, not abstract) whose `__init__` is a Python function taking
    /// exactly those positional arguments: the new instance and `__init__`'s
    /// frame (returning the instance), with the arguments moved from the
    /// caller's stack `[NULL, Class, args...]`, cut back to `base`. False
    /// (nothing changed) for anything else.
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    pub(super) fn try_fast_instantiate(&mut self, class: ObjId, argc: usize, base: usize) -> bool {
        match self.heap.get(class) {
            Object::Class(c) if c.metaclass.is_none() => {}
            _ => return false,
        }
        let Some(init) = self.cached_init(class) else { return false };
        let init = init.obj().expect("a function object");
        let Object::Function(func) = self.heap.get(init) else { return false };
        let (code_index, globals) = (func.code, func.globals);
        let code = &self.codes[code_index].code;
        let plain = flags::VARARGS | flags::VARKEYWORDS | flags::GENERATOR | flags::COROUTINE;
        if code.flags & plain != 0 || code.kwonlyargcount != 0 || code.argcount as usize != argc + 1 {
            return false;
        }
        if self.frames.len() >= self.limits.recursion_depth {
            return false;
        }
        let instance = Instance { class, attrs: self.new_instance_attrs(class), base: Value::Null, dict: None, exc: None };
        let inst = Value::Obj(self.heap.alloc(Object::Instance(Box::new(instance))));
        let mut frame = self.new_frame(code_index, globals, init, base, argc, Some(inst));
        frame.on_return = OnReturn::PushInstance(inst);
        self.frames.push(frame);
        true
    }

    /// The Python `__init__` a fast instantiation of `class` runs, through
    /// the CALL instruction's cache; `None` when the class needs `instantiate`.
    fn cached_init(&mut self, class: ObjId) -> Option<Value> {
        if let Some(c) = self.attr_cache_hit(class) {
            return match c.found {
                ClassAttr::Function(init) => Some(init),
                _ => None,
            };
        }
        let keys = &self.dunder_keys;
        let plain = matches!(self.plain_class_attr(class, &keys.abstract_methods), Some(ClassAttr::Absent))
            && self.is_object_new(class, &keys.new)
            && !self.has_attribute_hooks(class);
        let found = match self.plain_class_attr(class, &self.dunder_keys.init) {
            Some(ClassAttr::Function(init)) if plain => ClassAttr::Function(init),
            _ => ClassAttr::Absent,
        };
        self.remember_class_attr(class, found, KeySlot::Missing);
        match found {
            ClassAttr::Function(init) => Some(init),
            _ => None,
        }
    }

    /// Whether `class.__new__` is `object.__new__` (found in `object`'s dict).
    fn is_object_new(&self, class: ObjId, new: &HashKey) -> bool {
        let Object::Class(c) = self.heap.get(class) else { return false };
        let found = c.mro.iter().find_map(|&k| match self.heap.get(k) {
            Object::Class(k) => k.attrs.get(new),
            _ => None,
        });
        let object_new: BuiltinFn = super::methods::object_new;
        match found.and_then(|v| v.obj()).map(|id| self.heap.get(id)) {
            Some(Object::Descriptor(d)) => d.func as usize == object_new as usize,
            _ => false,
        }
    }

    /// `func(arg)` for a plain Python function taking exactly one positional
    /// parameter (a sort key, say), run to its result in a nested loop with
    /// its frame built straight from `arg` (no `Args`, no binding);
    /// `None` when `func` is anything else and the general call must decide.
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    pub(super) fn call_plain_function1(&mut self, func: Value, arg: Value) -> Option<PyResult<Value>> {
        let fid = func.obj()?;
        let Object::Function(f) = self.heap.get(fid) else { return None };
        let (code_index, globals) = (f.code, f.globals);
        let code = &self.codes[code_index].code;
        let special = flags::VARARGS | flags::VARKEYWORDS | flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR;
        if code.flags & special != 0 || code.kwonlyargcount != 0 || code.argcount != 1 || self.frames.is_empty() {
            return None;
        }
        let stack = &mut self.frames.last_mut().expect("checked above").stack;
        stack.push(arg);
        let base = stack.len() - 1;
        let frame = self.new_frame(code_index, globals, fid, base, 1, None);
        Some(match self.run_frame(frame) {
            Ok(super::eval::FrameExit::Return(v) | super::eval::FrameExit::Yield(v)) => Ok(v),
            Err(e) => Err(e),
        })
    }

    /// A frame for function `func` (code `code_index`) whose positional
    /// arguments are the top `argc` values of the caller's stack, preceded by
    /// `receiver` if given; the caller's stack is cut back to `base`.
    pub(super) fn new_frame(
        &mut self,
        code_index: usize,
        globals: ObjId,
        func: ObjId,
        base: usize,
        argc: usize,
        receiver: Option<Value>,
    ) -> Box<Frame> {
        self.frames.for_call_from_top(&self.codes[code_index], code_index, globals, func, receiver, argc, base)
    }
}
