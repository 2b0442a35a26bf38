//! Calls: binding arguments to a Python function's frame, instantiating
//! classes, `__build_class__`, and resuming generators.

use super::eval::FrameExit;
use super::frame::{Frame, OnReturn};
use super::types::TypeId;
use super::{PyResult, Vm};
use crate::bytecode::code::flags;
use crate::runtime::dict::{Dict, HashKey};
use crate::runtime::object::{Args, Class, ExcData, Instance, Object};
use crate::runtime::value::{ObjId, Value};
use std::rc::Rc;

/// A call either produced its value already or needs a Python frame run.
pub(super) enum Prepared {
    Done(Value),
    Frame(Frame),
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
                let (func, receiver) = (b.func, b.receiver);
                if let Some(r) = receiver {
                    args.pos.insert(0, r);
                }
                Ok(Prepared::Done(func(self, &mut args)?))
            }
            Object::Class(_) => self.instantiate(id, args),
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

    fn not_callable<T>(&mut self, v: Value) -> PyResult<T> {
        let t = self.type_name(v);
        self.type_error(format!("'{t}' object is not callable"))
    }

    /// A new frame for a Python function with the arguments bound to its locals.
    pub(super) fn function_frame(&mut self, id: ObjId, mut args: Args) -> PyResult<Frame> {
        let Object::Function(f) = self.heap.get(id) else { unreachable!("function_frame on a non-function") };
        let (code_index, globals) = (f.code, f.globals);
        let entry = &self.codes[code_index];
        let code = entry.code.clone();
        let consts = entry.consts.clone();
        let mut locals = vec![Value::Null; code.nlocalsplus()];
        self.bind_arguments(id, &code, &mut locals, &mut args)?;
        Ok(Frame {
            stack: Vec::with_capacity(code.stacksize as usize),
            code,
            code_index,
            consts,
            ip: 0,
            lasti: 0,
            ext_arg: 0,
            locals,
            globals,
            names: None,
            func: Some(id),
            kw_names: None,
            on_return: OnReturn::Push,
            generator: None,
            resumed: false,
        })
    }

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

    /// `Class(args)`: builtin types construct their values; user classes get an
    /// instance and run `__init__` (in a frame when it is Python code).
    fn instantiate(&mut self, class: ObjId, args: Args) -> PyResult<Prepared> {
        let Object::Class(c) = self.heap.get(class) else { unreachable!() };
        if let Some(t) = c.builtin {
            if !t.is_exception() {
                return Ok(Prepared::Done(super::builtins::construct(self, t, args)?));
            }
        }
        let is_exc = self.is_subclass(class, self.type_obj(TypeId::BaseException));
        let inst = match self.lookup_user_attr(class, "__new__") {
            Some(new) => {
                let new = match new.obj().map(|i| self.heap.get(i)) {
                    Some(Object::StaticMethod(f)) => *f,
                    _ => new,
                };
                let mut new_args = Args { pos: args.pos.clone(), kw: args.kw.clone() };
                new_args.pos.insert(0, Value::Obj(class));
                let inst = self.call(new, new_args)?;
                // __init__ runs only when __new__ made an instance of the class.
                if !self.is_subclass(self.type_of(inst), class) {
                    return Ok(Prepared::Done(inst));
                }
                inst
            }
            None => self.bare_instance(class, args.pos.clone()),
        };
        match self.lookup_type_attr(class, "__init__") {
            Some(init) if matches!(init.obj().map(|i| self.heap.get(i)), Some(Object::Function(_))) => {
                let mut args = args;
                args.pos.insert(0, inst);
                let mut frame = self.function_frame(init.obj().unwrap(), args)?;
                frame.on_return = OnReturn::PushInstance(inst);
                Ok(Prepared::Frame(frame))
            }
            _ => {
                if !is_exc && (!args.pos.is_empty() || !args.kw.is_empty()) {
                    let name = self.class_name(class);
                    return self.type_error(format!("{name}() takes no arguments"));
                }
                Ok(Prepared::Done(inst))
            }
        }
    }

    /// A new instance of `class` with no attributes (exceptions get their args).
    pub(super) fn bare_instance(&mut self, class: ObjId, args: Vec<Value>) -> Value {
        let is_exc = self.is_subclass(class, self.type_obj(TypeId::BaseException));
        let exc = is_exc.then(|| Box::new(ExcData::new(args)));
        Value::Obj(self.heap.alloc(Object::Instance(Box::new(Instance { class, attrs: Dict::new(), exc }))))
    }

    /// `__build_class__(func, name, *bases)`: runs the class body with a fresh
    /// namespace and makes the class from it.
    pub(super) fn build_class(&mut self, args: &mut Args) -> PyResult<Value> {
        if args.pos.len() < 2 {
            return self.type_error("__build_class__: not enough arguments");
        }
        let func = args.pos[0];
        let name = self.str_of(args.pos[1])?;
        let mut bases = Vec::new();
        for b in &args.pos[2..] {
            match b.obj().map(|id| (id, self.heap.get(id))) {
                Some((id, Object::Class(_))) => bases.push(id),
                _ => return self.type_error("bases must be types"),
            }
        }
        let Some(fid) = func.obj() else { return self.type_error("__build_class__: func must be a function") };
        let ns = self.new_dict();
        let mut frame = self.function_frame(fid, Args::default())?;
        frame.names = Some(ns);
        let cell = match self.run_frame(frame)? {
            FrameExit::Return(v) | FrameExit::Yield(v) => v,
        };
        let class = self.make_class(&name, bases, ns)?;
        if let Some(Object::Cell(c)) = cell.obj().map(|id| self.heap.get_mut(id)) {
            *c = Value::Obj(class);
        }
        Ok(Value::Obj(class))
    }

    pub(super) fn make_class(&mut self, name: &str, mut bases: Vec<ObjId>, ns: ObjId) -> PyResult<ObjId> {
        if bases.is_empty() {
            bases.push(self.type_obj(TypeId::Object));
        }
        let mut attrs = match self.heap.get(ns) {
            Object::Dict(d) => d.clone(),
            _ => Dict::new(),
        };
        // Like CPython's type_new: defining __eq__ without __hash__ sets `__hash__ = None`.
        let hash = HashKey::Str(Rc::from("__hash__"));
        if attrs.contains(&HashKey::Str(Rc::from("__eq__"))) && !attrs.contains(&hash) {
            let k = self.new_str("__hash__");
            attrs.insert(hash, k, Value::None);
        }
        let qualname = match attrs.get(&HashKey::Str(Rc::from("__qualname__"))) {
            Some(q) => self.str_of(q)?,
            None => name.to_string(),
        };
        // A class defined by one of pvm's Python-source modules is named by its module
        // (`typing.TypeVar`), as the program's own classes are by `__main__`.
        let module = match attrs.get(&HashKey::Str(Rc::from("__module__"))) {
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
        })));
        let mro = self.c3_mro(class, &bases)?;
        if let Object::Class(c) = self.heap.get_mut(class) {
            c.mro = mro;
        }
        Ok(class)
    }

    /// C3 linearisation, as CPython computes `__mro__`.
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
        let Some(mut frame) = g.frame.take() else {
            return Ok(FrameExit::Return(Value::None));
        };
        g.running = true;
        frame.stack.push(value);
        let result = self.run_frame(*frame);
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
        self.push_frame(*frame)?;
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
