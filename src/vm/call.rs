//! Calls: binding arguments to a Python function's frame, instantiating
//! classes, `__build_class__`, and resuming generators.

use super::eval::FrameExit;
use super::frame::{Frame, OnReturn};
use super::types::TypeId;
use super::{PyResult, Vm};
use super::signature::Callee;
use crate::bytecode::code::flags;
use crate::runtime::dict::{Dict, HashKey};
use crate::runtime::object::{Args, Class, DescrKind, Descriptor, ExcData, Instance, Object};
use crate::runtime::value::{ObjId, Value};
use std::rc::Rc;

/// A call either produced its value already or needs a Python frame run.
pub(super) enum Prepared {
    Done(Value),
    Frame(Box<Frame>),
}

impl Vm {
    /// A call made by a CALL instruction: Python code continues in a new
    /// frame on the frame stack, with no Rust recursion.
    pub(super) fn call_inline(&mut self, callee: Value, args: Args) -> PyResult<()> {
        match self.prepare_call(callee, args)? {
            Prepared::Done(v) => self.push(v),
            Prepared::Frame(f) => self.push_frame(f)?,
        }
        Ok(())
    }

    /// Calls anything and returns its result; Python code runs in a nested loop.
    pub fn call(&mut self, callee: Value, args: Args) -> PyResult<Value> {
        match self.prepare_call(callee, args)? {
            Prepared::Done(v) => Ok(v),
            Prepared::Frame(f) => {
                let instance = match f.on_return {
                    OnReturn::PushInstance(i) => Some(i),
                    _ => None,
                };
                let memo = match f.on_return {
                    OnReturn::Memoize { cache, key } => Some((cache, key)),
                    _ => None,
                };
                match self.run_frame(f)? {
                    FrameExit::Return(v) | FrameExit::Yield(v) => {
                        if let Some((cache, key)) = memo {
                            self.dict_set(cache, key, v)?;
                        }
                        if let Some(i) = instance {
                            if !matches!(v, Value::None) {
                                let t = self.type_name(v);
                                return self.type_error(format!("__init__() should return None, not '{t}'"));
                            }
                            return Ok(i);
                        }
                        Ok(v)
                    }
                }
            }
        }
    }

    pub fn call1(&mut self, callee: Value, arg: Value) -> PyResult<Value> {
        self.call(callee, Args::new(vec![arg]))
    }

    pub(super) fn prepare_call(&mut self, callee: Value, mut args: Args) -> PyResult<Prepared> {
        let Some(id) = callee.obj() else {
            return self.not_callable(callee);
        };
        match self.heap.get(id) {
            Object::Function(_) => Ok(Prepared::Frame(self.function_frame(id, args)?)),
            Object::Method { func, receiver } => {
                let (func, receiver) = (*func, *receiver);
                args.pos.insert(0, receiver);
                self.prepare_call(func, args)
            }
            Object::Builtin(b) => {
                let (func, receiver, owner, sig, name) = (b.func, b.receiver, b.owner, b.sig, b.name);
                if let Some(r) = receiver {
                    args.pos.insert(0, r);
                    if let Some(owner) = owner {
                        self.check_method_args(sig, Callee::Bound(r, owner), name, &args)?;
                    }
                }
                let result = func(self, &mut args);
                self.recycle_args(args);
                Ok(Prepared::Done(result?))
            }
            Object::Class(c) => {
                // A metaclass's own __call__ (class Meta(type): def __call__...) runs instead.
                if let Some(meta) = c.metaclass {
                    if let Some(f) = self.lookup_user_attr(meta, "__call__") {
                        args.pos.insert(0, callee);
                        return self.prepare_call(f, args);
                    }
                }
                self.instantiate(id, args)
            }
            Object::Descriptor(d) => {
                let d = d.clone();
                self.check_descriptor_receiver(&d, &mut args)?;
                self.check_method_args(d.sig, Callee::Descriptor(d.owner), d.name, &args)?;
                let result = (d.func)(self, &mut args);
                self.recycle_args(args);
                Ok(Prepared::Done(result?))
            }
            Object::StaticMethod(f) => {
                let f = *f;
                self.prepare_call(f, args)
            }
            Object::Memoized { func, cache } => {
                let (func, cache) = (*func, *cache);
                let mut parts = args.pos.clone();
                if !args.kw.is_empty() {
                    parts.push(Value::Obj(self.not_implemented));
                    for (k, v) in args.kw.clone() {
                        let k = self.new_str(&k);
                        parts.extend([k, v]);
                    }
                }
                let key = self.new_tuple(parts);
                if let Some(v) = self.dict_get(cache, key)? {
                    return Ok(Prepared::Done(v));
                }
                match self.prepare_call(func, args)? {
                    Prepared::Done(v) => {
                        self.dict_set(cache, key, v)?;
                        Ok(Prepared::Done(v))
                    }
                    Prepared::Frame(mut f) => {
                        f.on_return = OnReturn::Memoize { cache, key };
                        Ok(Prepared::Frame(f))
                    }
                }
            }
            Object::Instance(_) => match self.lookup_type_attr(self.type_of(callee), "__call__") {
                Some(f) => {
                    args.pos.insert(0, callee);
                    self.prepare_call(f, args)
                }
                None => self.not_callable(callee),
            },
            _ => self.not_callable(callee),
        }
    }

    /// Keeps a small argument vector a builtin has finished with for the
    /// next call (`pop_args`), sparing an allocation per call.
    fn recycle_args(&mut self, args: Args) {
        let mut pos = args.pos;
        if pos.capacity() != 0 && pos.capacity() <= 64 && self.spare_values.len() < 64 {
            pos.clear();
            self.spare_values.push(pos);
        }
    }

    fn not_callable<T>(&mut self, v: Value) -> PyResult<T> {
        let t = self.type_name(v);
        self.type_error(format!("'{t}' object is not callable"))
    }

    /// A new frame for a Python function with the arguments bound to its locals.
    pub(super) fn function_frame(&mut self, id: ObjId, mut args: Args) -> PyResult<Box<Frame>> {
        let Object::Function(f) = self.heap.get(id) else { unreachable!("function_frame on a non-function") };
        let (code_index, globals) = (f.code, f.globals);
        let mut frame = self.frames.for_call(&self.codes[code_index], code_index, globals, id, None, &[]);
        let f = &mut *frame;
        if let Err(e) = self.bind_arguments(id, &f.code, &mut f.locals, &mut args) {
            self.frames.recycle(frame);
            return Err(e);
        }
        self.recycle_args(args);
        Ok(frame)
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn bind_arguments(
        &mut self,
        func: ObjId,
        code: &crate::bytecode::CodeObject,
        locals: &mut [Value],
        args: &mut Args,
    ) -> PyResult<()> {
        let Object::Function(f) = self.heap.get(func) else { unreachable!() };
        let qualname = f.qualname.clone();
        let defaults = f.defaults.clone();
        let kwdefaults = f.kwdefaults;
        let argcount = code.argcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let has_varargs = code.flags & flags::VARARGS != 0;
        let has_varkw = code.flags & flags::VARKEYWORDS != 0;
        let npos = args.pos.len();

        for (i, v) in args.pos.iter().take(argcount).enumerate() {
            locals[i] = *v;
        }
        let mut slot = argcount + kwonly;
        if has_varargs {
            let extra = if npos > argcount { args.pos[argcount..].to_vec() } else { Vec::new() };
            locals[slot] = self.new_tuple(extra);
            slot += 1;
        } else if npos > argcount {
            let given_kw = args.kw.iter().filter(|(k, _)| {
                code.localsplusnames[argcount..argcount + kwonly].iter().any(|n| n == k)
            });
            let kw_note = match given_kw.count() {
                0 => String::new(),
                1 => " positional arguments (and 1 keyword-only argument)".to_string(),
                n => format!(" positional arguments (and {n} keyword-only arguments)"),
            };
            let required = argcount - defaults.len().min(argcount);
            let takes = if required == argcount {
                format!("{} positional argument{}", argcount, if argcount == 1 { "" } else { "s" })
            } else {
                format!("from {} to {} positional arguments", required, argcount)
            };
            let given = if kw_note.is_empty() {
                format!("{} {}", npos, if npos == 1 { "was" } else { "were" })
            } else {
                format!("{}{} were", npos, kw_note)
            };
            return self.type_error(format!("{qualname}() takes {takes} but {given} given"));
        }
        let varkw = if has_varkw {
            let d = self.new_dict();
            locals[slot] = Value::Obj(d);
            Some(d)
        } else {
            None
        };

        let posonly = code.posonlyargcount as usize;
        for (name, v) in std::mem::take(&mut args.kw) {
            let found = code.localsplusnames[posonly..argcount + kwonly].iter().position(|n| *n == name);
            match found {
                Some(i) => {
                    let i = i + posonly;
                    if !locals[i].is_null() {
                        return self.type_error(format!("{qualname}() got multiple values for argument '{name}'"));
                    }
                    locals[i] = v;
                }
                None => match varkw {
                    Some(d) => {
                        let k = self.new_str(&name);
                        self.dict_set(d, k, v)?;
                    }
                    None => {
                        return self
                            .type_error(format!("{qualname}() got an unexpected keyword argument '{name}'"));
                    }
                },
            }
        }

        // Defaults fill the last positional parameters.
        let first_default = argcount - defaults.len().min(argcount);
        let mut missing = Vec::new();
        for i in 0..argcount {
            if locals[i].is_null() {
                if i >= first_default {
                    locals[i] = defaults[i - first_default];
                } else {
                    missing.push(code.localsplusnames[i].clone());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_arguments(&qualname, &missing, "positional"));
        }
        for i in argcount..argcount + kwonly {
            if locals[i].is_null() {
                let name = code.localsplusnames[i].clone();
                let d = kwdefaults.and_then(|d| self.dict_get_str(d, &name));
                match d {
                    Some(v) => locals[i] = v,
                    None => missing.push(name),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_arguments(&qualname, &missing, "keyword-only"));
        }
        Ok(())
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn missing_arguments(&mut self, qualname: &str, names: &[Rc<str>], kind: &str) -> super::Exc {
        let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
        let list = match quoted.len() {
            1 => quoted[0].clone(),
            2 => format!("{} and {}", quoted[0], quoted[1]),
            n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
        };
        let s = if names.len() == 1 { "" } else { "s" };
        self.exc(
            TypeId::TypeError,
            format!("{qualname}() missing {} required {kind} argument{s}: {list}", names.len()),
        )
    }

    /// An unbound builtin method called with its receiver first
    /// (`str.upper("a")`, `int.__add__(1, 2)`): the receiver must be an
    /// instance of the method's type; plain methods get the builtin value.
    fn check_descriptor_receiver(&mut self, d: &Descriptor, args: &mut Args) -> PyResult<()> {
        if d.kind == DescrKind::Static {
            // `int.__new__(cls, ...)`: cls must be int or a subclass of it.
            let owner = self.type_obj(d.owner);
            let cls = args.pos.first().and_then(|c| c.obj()).filter(|c| matches!(self.heap.get(*c), Object::Class(_)));
            return match cls {
                Some(c) if self.is_subclass(c, owner) => Ok(()),
                Some(c) => {
                    let (o, n) = (d.owner.name(), self.class_name(c));
                    self.type_error(format!("{o}.__new__({n}): {n} is not a subtype of {o}"))
                }
                None => {
                    let o = d.owner.name();
                    match args.pos.first() {
                        Some(&v) => {
                            let t = self.type_name(v);
                            self.type_error(format!("{o}.__new__(X): X is not a type object ({t})"))
                        }
                        None => self.type_error(format!("{o}.__new__(): not enough arguments")),
                    }
                }
            };
        }
        if d.kind == DescrKind::ClassMethod {
            return Ok(());
        }
        let owner = d.owner.name();
        let Some(&receiver) = args.pos.first() else {
            if d.kind == DescrKind::Slot {
                return self.type_error(format!("descriptor '{}' of '{owner}' object needs an argument", d.name));
            }
            return self.type_error(format!("unbound method {owner}.{}() needs an argument", d.name));
        };
        let t = self.type_of(receiver);
        if !self.is_subclass(t, self.type_obj(d.owner)) {
            let given = self.type_name(receiver);
            if d.kind == DescrKind::Slot {
                return self.type_error(format!("descriptor '{}' requires a '{owner}' object but received a '{given}'", d.name));
            }
            return self.type_error(format!("descriptor '{}' for '{owner}' objects doesn't apply to a '{given}' object", d.name));
        }
        if d.kind == DescrKind::Method && super::slots::is_payload_type(d.owner) && !d.name.starts_with("__") {
            args.pos[0] = self.payload(receiver);
        }
        Ok(())
    }

    /// `Class(args)` as `type.__call__` does it: builtin types construct
    /// their values; other classes get `__new__` then `__init__` (in a frame
    /// when it is Python code).
    fn instantiate(&mut self, class: ObjId, args: Args) -> PyResult<Prepared> {
        let Object::Class(c) = self.heap.get(class) else { unreachable!() };
        if let Some(t) = c.builtin {
            if !t.is_exception() && t != TypeId::Object {
                return Ok(Prepared::Done(super::builtins::construct(self, t, args)?));
            }
        }
        let new = self.lookup_type_attr(class, "__new__");
        let init = self.lookup_type_attr(class, "__init__");
        let object_new = self.is_builtin_fn(new, super::methods::object_new);
        let object_init = self.is_builtin_fn(init, super::methods::object_init);
        let has_args = !args.pos.is_empty() || !args.kw.is_empty();
        if has_args && object_new && object_init {
            let name = self.class_name(class);
            return self.type_error(format!("{name}() takes no arguments"));
        }
        let inst = if object_new {
            self.check_abstract(class)?;
            self.bare_instance(class, Vec::new())
        } else {
            let new = match new.and_then(|n| n.obj()).map(|i| self.heap.get(i)) {
                Some(Object::StaticMethod(f)) => *f,
                _ => new.unwrap_or(Value::None),
            };
            let mut new_args = args.clone();
            new_args.pos.insert(0, Value::Obj(class));
            let inst = self.call(new, new_args)?;
            // __init__ runs only when __new__ made an instance of the class.
            if !self.is_subclass(self.type_of(inst), class) {
                return Ok(Prepared::Done(inst));
            }
            inst
        };
        let Some(init) = init else { return Ok(Prepared::Done(inst)) };
        if object_init {
            return Ok(Prepared::Done(inst));
        }
        if matches!(init.obj().map(|i| self.heap.get(i)), Some(Object::Function(_))) {
            let mut args = args;
            args.pos.insert(0, inst);
            let mut frame = self.function_frame(init.obj().unwrap(), args)?;
            frame.on_return = OnReturn::PushInstance(inst);
            return Ok(Prepared::Frame(frame));
        }
        let init = self.bind_class_attr(init, inst, class);
        let r = self.call(init, args)?;
        if !matches!(r, Value::None) {
            let t = self.type_name(r);
            return self.type_error(format!("__init__() should return None, not '{t}'"));
        }
        Ok(Prepared::Done(inst))
    }

    /// Whether `v` is the builtin method implemented by `f`.
    fn is_builtin_fn(&self, v: Option<Value>, f: crate::runtime::object::BuiltinFn) -> bool {
        match v.and_then(|v| v.obj()).map(|i| self.heap.get(i)) {
            Some(Object::Descriptor(d)) => d.func as usize == f as usize,
            _ => false,
        }
    }

    /// `type.__call__` for a class, bypassing a metaclass's own `__call__`.
    pub(super) fn call_class_plain(&mut self, class: ObjId, args: Args) -> PyResult<Value> {
        match self.instantiate(class, args)? {
            Prepared::Done(v) => Ok(v),
            Prepared::Frame(f) => {
                let OnReturn::PushInstance(inst) = f.on_return else { unreachable!() };
                let r = match self.run_frame(f)? {
                    FrameExit::Return(v) | FrameExit::Yield(v) => v,
                };
                if !matches!(r, Value::None) {
                    let t = self.type_name(r);
                    return self.type_error(format!("__init__() should return None, not '{t}'"));
                }
                Ok(inst)
            }
        }
    }

    /// CPython's object.__new__ refuses classes with abstract methods left
    /// (`__abstractmethods__`, set by abc.ABCMeta).
    pub(super) fn check_abstract(&mut self, class: ObjId) -> PyResult<()> {
        let Some(abstract_) = self.lookup_user_attr(class, "__abstractmethods__") else { return Ok(()) };
        let mut names = Vec::new();
        for n in self.collect_iterable(abstract_)? {
            names.push(self.str_of(n)?);
        }
        if names.is_empty() {
            return Ok(());
        }
        crate::sort::sort(&mut names);
        let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
        let s = if names.len() == 1 { "" } else { "s" };
        let cname = self.class_name(class);
        self.type_error(format!(
            "Can't instantiate abstract class {cname} without an implementation for abstract method{s} {}",
            quoted.join(", ")
        ))
    }

    /// A new instance of `class` with no attributes (exceptions get their args).
    pub(super) fn bare_instance(&mut self, class: ObjId, args: Vec<Value>) -> Value {
        let is_exc = self.is_subclass(class, self.type_obj(TypeId::BaseException));
        let exc = is_exc.then(|| Box::new(ExcData::new(args)));
        let attrs = self.new_instance_attrs(class);
        Value::Obj(self.heap.alloc(Object::Instance(Box::new(Instance { class, attrs, base: Value::Null, dict: None, exc }))))
    }

    /// `__build_class__(func, name, *bases, metaclass=..., **kwargs)`: runs
    /// the class body with a fresh namespace and makes the class from it
    /// with the metaclass (the most derived of the bases' unless given).
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    pub(super) fn build_class(&mut self, args: &mut Args) -> PyResult<Value> {
        if args.pos.len() < 2 {
            return self.type_error("__build_class__: not enough arguments");
        }
        let func = args.pos[0];
        let name = self.str_of(args.pos[1])?;
        let explicit_meta = args.take_kw("metaclass");
        let kwargs = std::mem::take(&mut args.kw);
        let orig_bases = args.pos[2..].to_vec();
        let base_values = self.resolve_bases(&orig_bases)?;
        let mut bases = Vec::new();
        for b in &base_values {
            match b.obj().map(|id| (id, self.heap.get(id))) {
                Some((id, Object::Class(_))) => bases.push(id),
                _ => return self.type_error("bases must be types"),
            }
        }
        let Some(fid) = func.obj() else { return self.type_error("__build_class__: func must be a function") };
        let meta = match explicit_meta {
            Some(m) => m,
            None => Value::Obj(self.winning_metaclass(&bases)?),
        };
        let plain_type = meta.is(Value::Obj(self.type_obj(TypeId::Type)));
        let ns = match self.lookup_user_attr_of(meta, "__prepare__") {
            Some(prepare) => {
                let bases_tuple = self.new_tuple(base_values.clone());
                let n = self.new_str(&name);
                let ns = self.call(prepare, Args { pos: vec![n, bases_tuple], kw: kwargs.clone() })?;
                // A dict subclass (an OrderedDict) serves through its dict.
                match self.payload(ns).obj() {
                    Some(d) if matches!(self.heap.get(d), Object::Dict(_)) => d,
                    _ => return self.type_error("__prepare__() must return a mapping"),
                }
            }
            None => self.new_dict(),
        };
        let mut frame = self.function_frame(fid, Args::default())?;
        frame.names = Some(ns);
        let cell = match self.run_frame(frame)? {
            FrameExit::Return(v) | FrameExit::Yield(v) => v,
        };
        if base_values.len() != orig_bases.len() || base_values.iter().zip(&orig_bases).any(|(a, b)| !a.is(*b)) {
            let orig = self.new_tuple(orig_bases);
            self.set_item_str(ns, "__orig_bases__", orig);
        }
        let class = if plain_type {
            Value::Obj(self.make_class_with(&name, bases, ns, None, kwargs)?)
        } else {
            let n = self.new_str(&name);
            let bases_tuple = self.new_tuple(base_values);
            self.call(meta, Args { pos: vec![n, bases_tuple, Value::Obj(ns)], kw: kwargs })?
        };
        if let Some(Object::Cell(c)) = cell.obj().map(|id| self.heap.get_mut(id)) {
            *c = class;
        }
        Ok(class)
    }

    /// PEP 560: a base that is not a class (`Generic[T]`) names the classes
    /// to derive from with its `__mro_entries__(bases)`.
    fn resolve_bases(&mut self, bases: &[Value]) -> PyResult<Vec<Value>> {
        let mut out = Vec::with_capacity(bases.len());
        for &b in bases {
            if matches!(b.obj().map(|id| self.heap.get(id)), Some(Object::Class(_))) {
                out.push(b);
                continue;
            }
            let entries = match b.obj().map(|id| self.heap.get(id)) {
                Some(Object::Instance(i)) => self.lookup_user_attr(i.class, "__mro_entries__").map(|f| (f, i.class)),
                Some(Object::Function(f)) => f.attrs.get(&HashKey::Str("__mro_entries__".into())).map(|f| (f, ObjId(u32::MAX))),
                _ => None,
            };
            let Some((f, class)) = entries else {
                out.push(b);
                continue;
            };
            let f = if class.0 == u32::MAX { f } else { self.bind_class_attr(f, b, class) };
            let all = self.new_tuple(bases.to_vec());
            let r = self.call1(f, all)?;
            match r.obj().map(|id| self.heap.get(id)) {
                Some(Object::Tuple(items)) => out.extend(items.clone()),
                _ => return self.type_error("__mro_entries__ must return a tuple"),
            }
        }
        Ok(out)
    }

    /// `meta.__prepare__` as attribute access on the metaclass gives it
    /// (a plain function stays unbound, a classmethod binds to the metaclass).
    fn lookup_user_attr_of(&mut self, meta: Value, name: &str) -> Option<Value> {
        let m = meta.obj().filter(|m| matches!(self.heap.get(*m), Object::Class(_)))?;
        self.lookup_user_attr(m, name)?;
        self.class_getattr(m, name).ok().flatten()
    }

    /// The metaclass of a class with these bases: the most derived of theirs.
    fn winning_metaclass(&mut self, bases: &[ObjId]) -> PyResult<ObjId> {
        let mut winner = self.type_obj(TypeId::Type);
        for b in bases {
            let m = self.type_of(Value::Obj(*b));
            if self.is_subclass(winner, m) {
                continue;
            }
            if self.is_subclass(m, winner) {
                winner = m;
                continue;
            }
            return self.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            );
        }
        Ok(winner)
    }

    pub(super) fn make_class(&mut self, name: &str, bases: Vec<ObjId>, ns: ObjId) -> PyResult<ObjId> {
        self.make_class_with(name, bases, ns, None, Vec::new())
    }

    /// What `type.__new__(meta, name, bases, ns, **kwargs)` does: the class
    /// object, its MRO, then `__set_name__` and the bases' `__init_subclass__`.
    pub(super) fn make_class_with(
        &mut self,
        name: &str,
        mut bases: Vec<ObjId>,
        ns: ObjId,
        metaclass: Option<ObjId>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> PyResult<ObjId> {
        if bases.is_empty() {
            bases.push(self.type_obj(TypeId::Object));
        }
        self.check_layouts(&bases)?;
        let mut attrs = match self.heap.get(ns) {
            Object::Dict(d) => d.clone(),
            _ => Dict::new(),
        };
        // Like CPython's type_new: defining __eq__ without __hash__ sets `__hash__ = None`.
        let hash = HashKey::Str("__hash__".into());
        if attrs.contains(&HashKey::Str("__eq__".into())) && !attrs.contains(&hash) {
            let k = self.new_str("__hash__");
            attrs.insert(hash, k, Value::None);
        }
        // __init_subclass__ and __class_getitem__ are implicit classmethods, __new__ a staticmethod.
        for (dunder, wrap_class) in [("__init_subclass__", true), ("__class_getitem__", true), ("__new__", false)] {
            let key = HashKey::Str(dunder.into());
            if let Some(f) = attrs.get(&key) {
                if matches!(f.obj().map(|i| self.heap.get(i)), Some(Object::Function(_))) {
                    let wrapped = if wrap_class { Object::ClassMethod(f) } else { Object::StaticMethod(f) };
                    let w = Value::Obj(self.heap.alloc(wrapped));
                    let k = self.new_str(dunder);
                    attrs.insert(key, k, w);
                }
            }
        }
        let qualname = match attrs.remove(&HashKey::Str("__qualname__".into())).map(|(_, q)| q) {
            Some(q) => self.str_of(q)?,
            None => name.to_string(),
        };
        // A class defined by one of pvm's Python-source modules is named by its module
        // (`typing.TypeVar`), as the program's own classes are by `__main__`.
        let module = match attrs.get(&HashKey::Str("__module__".into())) {
            Some(m) => Some(self.str_of(m)?).filter(|m| m != "__main__").map(Rc::from),
            None => None,
        };
        let class = self.heap.alloc(Object::Class(Box::new(Class {
            name: Rc::from(name),
            qualname: Rc::from(qualname),
            bases: bases.clone(),
            mro: Vec::new(),
            attrs,
            builtin: None,
            module,
            metaclass,
            custom_getattribute: false,
            shared_keys: Default::default(),
        })));
        let mro = self.c3_mro(class, &bases)?;
        let key = HashKey::Str("__getattribute__".into());
        let custom_getattribute = mro.iter().any(|c| matches!(self.heap.get(*c), Object::Class(k) if k.builtin.is_none() && k.attrs.contains(&key)));
        if let Object::Class(c) = self.heap.get_mut(class) {
            c.mro = mro.clone();
            c.custom_getattribute = custom_getattribute;
        }
        self.set_names(class)?;
        // super(class, class).__init_subclass__(**kwargs)
        let key = HashKey::Str("__init_subclass__".into());
        let hook = mro[1..].iter().find_map(|c| match self.heap.get(*c) {
            Object::Class(cls) => cls.attrs.get(&key),
            _ => None,
        });
        if let Some(hook) = hook {
            let hook = self.bind_class_attr(hook, Value::Obj(class), class);
            self.call(hook, Args { pos: vec![], kw: kwargs })?;
        }
        Ok(class)
    }

    /// Calls `__set_name__(class, name)` on the class attributes that define it.
    fn set_names(&mut self, class: ObjId) -> PyResult<()> {
        let pairs: Vec<(Value, Value)> = match self.heap.get(class) {
            Object::Class(c) => c.attrs.iter().collect(),
            _ => return Ok(()),
        };
        for (k, v) in pairs {
            let Some(Object::Instance(i)) = v.obj().map(|i| self.heap.get(i)) else { continue };
            let vclass = i.class;
            if let Some(f) = self.lookup_user_attr(vclass, "__set_name__") {
                let f = self.bind_class_attr(f, v, vclass);
                self.call(f, Args::new(vec![Value::Obj(class), k]))?;
            }
        }
        Ok(())
    }

    /// Bases must agree on the builtin value their instances carry, and
    /// some builtin types cannot be derived from at all.
    fn check_layouts(&mut self, bases: &[ObjId]) -> PyResult<()> {
        let mut layout: Option<TypeId> = None;
        let exception = bases.iter().any(|b| self.is_subclass(*b, self.type_obj(TypeId::BaseException)));
        for b in bases {
            let Object::Class(c) = self.heap.get(*b) else { continue };
            if let Some(t) = c.builtin {
                let final_type = !(t == TypeId::Object
                    || t == TypeId::Type
                    || t.is_exception()
                    || super::slots::is_payload_type(t)
                    );
                if final_type {
                    return self.type_error(format!("type '{}' is not an acceptable base type", t.name()));
                }
            }
            if let Some(t) = self.builtin_base(*b).filter(|t| super::slots::is_payload_type(*t)) {
                if exception || layout.is_some_and(|l| l != t) {
                    return self.type_error("multiple bases have instance lay-out conflict");
                }
                layout = Some(t);
            }
        }
        Ok(())
    }

    /// C3 linearisation, as CPython computes `__mro__`.
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn c3_mro(&mut self, class: ObjId, bases: &[ObjId]) -> PyResult<Vec<ObjId>> {
        let mut seqs: Vec<Vec<ObjId>> = bases.iter().map(|b| self.mro_of(*b)).collect();
        seqs.push(bases.to_vec());
        let mut out = vec![class];
        loop {
            seqs.retain(|s| !s.is_empty());
            if seqs.is_empty() {
                return Ok(out);
            }
            let candidate = seqs
                .iter()
                .map(|s| s[0])
                .find(|c| !seqs.iter().any(|s| s[1..].contains(c)));
            let Some(c) = candidate else {
                let names: Vec<String> = bases.iter().map(|b| self.class_name(*b)).collect();
                return self.type_error(format!(
                    "Cannot create a consistent method resolution order (MRO) for bases {}",
                    names.join(", ")
                ));
            };
            out.push(c);
            for s in &mut seqs {
                if s[0] == c {
                    s.remove(0);
                }
            }
        }
    }

    pub fn mro_of(&self, class: ObjId) -> Vec<ObjId> {
        match self.heap.get(class) {
            Object::Class(c) => c.mro.clone(),
            _ => Vec::new(),
        }
    }

    pub fn class_name(&self, class: ObjId) -> String {
        match self.heap.get(class) {
            Object::Class(c) => c.name.to_string(),
            _ => "?".into(),
        }
    }

    pub fn is_subclass(&self, class: ObjId, base: ObjId) -> bool {
        class == base
            || match self.heap.get(class) {
                Object::Class(c) => c.mro.contains(&base),
                _ => false,
            }
    }

    /// Resumes a generator with `value` (`send`; `next` sends None).
    pub(super) fn send(&mut self, receiver: Value, value: Value) -> PyResult<FrameExit> {
        let Some(id) = receiver.obj() else {
            return self.type_error("send to a non-generator");
        };
        let Object::Generator(g) = self.heap.get_mut(id) else {
            return match self.next(receiver)? {
                Some(v) => Ok(FrameExit::Yield(v)),
                None => Ok(FrameExit::Return(Value::None)),
            };
        };
        if g.running {
            return self.value_error("generator already executing");
        }
        let Some(boxed) = g.frame.take() else {
            return Ok(FrameExit::Return(Value::None));
        };
        g.running = true;
        let mut frame = boxed;
        frame.stack.push(value);
        let result = self.run_frame(frame);
        if let Object::Generator(g) = self.heap.get_mut(id) {
            g.running = false;
        }
        result
    }

    /// `gen.throw(exc)`: resumes a suspended generator by raising `exc` at
    /// the yield it is suspended at (its handlers may catch it).
    pub(super) fn gen_throw(&mut self, gen: Value, exc: super::Exc) -> PyResult<FrameExit> {
        let Some(Object::Generator(g)) = gen.obj().map(|id| self.heap.get_mut(id)) else {
            return Err(exc);
        };
        if g.running {
            return self.value_error("generator already executing");
        }
        let Some(mut frame) = g.frame.take() else { return Err(exc) };
        if !frame.resumed {
            return Err(exc);
        }
        if self.nesting >= super::MAX_NESTING {
            g.frame = Some(frame);
            return Err(self.exc(TypeId::RecursionError, "maximum recursion depth exceeded"));
        }
        let Some(Object::Generator(g)) = gen.obj().map(|id| self.heap.get_mut(id)) else { unreachable!() };
        g.running = true;
        frame.on_return = OnReturn::Nested;
        self.push_frame(frame)?;
        self.raise(exc);
        let result = self.run_nested();
        if let Some(Object::Generator(g)) = gen.obj().map(|id| self.heap.get_mut(id)) {
            g.running = false;
        }
        result
    }

    /// `gen.close()`: GeneratorExit thrown in; finally blocks run.
    pub(super) fn gen_close(&mut self, gen: Value) -> PyResult<()> {
        let started = match gen.obj().map(|id| self.heap.get_mut(id)) {
            Some(Object::Generator(g)) => match &g.frame {
                Some(f) if f.resumed => true,
                _ => {
                    g.frame = None;
                    false
                }
            },
            _ => false,
        };
        if !started {
            return Ok(());
        }
        let exit = self.exc_with_args(TypeId::GeneratorExit, vec![]);
        match self.gen_throw(gen, exit) {
            Ok(FrameExit::Yield(_)) => Err(self.exc(TypeId::RuntimeError, "generator ignored GeneratorExit")),
            Ok(FrameExit::Return(_)) => Ok(()),
            Err(e) => {
                let t = self.type_of(Value::Obj(e.0));
                if self.is_subclass(t, self.type_obj(TypeId::GeneratorExit))
                    || self.is_subclass(t, self.type_obj(TypeId::StopIteration))
                {
                    Ok(())
                } else {
                    Err(e)
                }
            }
        }
    }

    /// `super(class, receiver)`.
    pub(super) fn make_super(&mut self, class: Value, receiver: Value) -> PyResult<Value> {
        let Some(class) = class.obj().filter(|c| matches!(self.heap.get(*c), Object::Class(_))) else {
            return self.type_error("super() argument 1 must be a type");
        };
        Ok(Value::Obj(self.heap.alloc(Object::Super { class, receiver })))
    }
}
