//! The importable modules pvm provides natively: `math`, `sys`, `os`
//! (`os.path`) and `collections.abc`'s names; anything else is a
//! ModuleNotFoundError.

use crate::text::substr;
use super::ops::Num;
use super::types::TypeId;
use super::signature::Sig;
use super::frame::Frame;
use super::{PyResult, Vm};
use crate::runtime::dict::Dict;
use crate::runtime::object::{Args, Builtin, BuiltinFn, Class, DescrKind, Descriptor, Object};
use crate::runtime::value::{ObjId, Value};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::rc::Rc;

impl Vm {
    /// IMPORT_NAME: the top package for `import a.b`, the module itself when
    /// names are imported from it.
    pub(super) fn import(&mut self, name: &str, fromlist: Value) -> PyResult<Value> {
        let mut path = String::new();
        let mut top = None;
        let mut leaf = Value::None;
        for part in name.split('.') {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(part);
            let parent = leaf;
            leaf = self.load_module(&path)?;
            if top.is_some() {
                // `import a.b` binds the submodule as an attribute of `a`.
                self.setattr(parent, part, leaf)?;
            }
            top.get_or_insert(leaf);
        }
        let wants_leaf = !matches!(fromlist, Value::None);
        Ok(if wants_leaf { leaf } else { top.unwrap_or(leaf) })
    }

    fn load_module(&mut self, path: &str) -> PyResult<Value> {
        if let Some(m) = self.modules.get(path) {
            return Ok(*m);
        }
        let m = match path {
            "math" => self.math_module(),
            "sys" => self.sys_module()?,
            "os" => {
                let path_mod = self.load_module("os.path")?;
                let (sep, linesep) = (self.new_str("/"), self.new_str("\n"));
                self.make_module("os", &[("sep", sep), ("path", path_mod), ("linesep", linesep)], &[])
            }
            "os.path" => {
                let sep = self.new_str("/");
                self.make_module("posixpath", &[("sep", sep)], &[("join", path_join), ("basename", path_basename), ("dirname", path_dirname), ("splitext", path_splitext)])
            }
            "time" => self.time_module(),
            // The generator core of random.py (src/stdlib/random.py), as CPython's _random.
            "_random" => {
                let funcs: &[(&'static str, BuiltinFn)] =
                    &[("seed", random_seed), ("random", random_random), ("getrandbits", random_getrandbits)];
                self.make_module("_random", &[], funcs)
            }
            // Native helpers of functools.py (src/stdlib/functools.py), as CPython's _functools.
            "_functools" => {
                let funcs: &[(&'static str, BuiltinFn)] =
                    &[("reduce", functools_reduce), ("cache", functools_cache), ("lru_cache", functools_lru_cache)];
                self.make_module("_functools", &[], funcs)
            }
            // The native containers collections.py (src/stdlib/collections.py) re-exports, as CPython's _collections.
            "_collections" => {
                let dd = Value::Obj(self.type_obj(TypeId::DefaultDict));
                let counter = Value::Obj(self.type_obj(TypeId::Counter));
                let deque = Value::Obj(self.type_obj(TypeId::Deque));
                self.make_module("_collections", &[("defaultdict", dd), ("Counter", counter), ("deque", deque)], &[])
            }
            "collections.abc" => {
                let mut names = Vec::new();
                for n in ["Sequence", "Mapping", "Iterable", "Iterator", "Callable", "Container", "Sized", "Hashable", "MutableSequence", "MutableMapping", "Set", "Generator"] {
                    let c = self.abc_class(n);
                    names.push((n, c));
                }
                self.make_module("collections.abc", &names, &[])
            }
            _ if crate::stdlib::is_shipped(path) => return self.load_python_module(path),
            _ => {
                let top = path.split('.').next().unwrap_or(path);
                let missing = if self.modules.contains_key(top) { path } else { top };
                let exc = self.exc(TypeId::ModuleNotFoundError, format!("No module named '{missing}'"));
                let name = self.new_str(missing);
                self.setattr(Value::Obj(exc.0), "name", name)?;
                return Err(exc);
            }
        };
        self.modules.insert(path.to_string(), m);
        Ok(m)
    }

    /// Compiles and runs one of pvm's Python-source stdlib modules (see
    /// `crate::stdlib`). Like CPython, the module is in `sys.modules` while
    /// its body runs and removed again if the body raises.
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn load_python_module(&mut self, name: &str) -> PyResult<Value> {
        let Some(source) = crate::stdlib::source(name) else {
            // Only in the page, whose worker could not download the stdlib's sources.
            let msg = format!("cannot load module '{name}': pvm's standard library did not load (reload the page to try again)");
            return Err(self.exc(TypeId::ImportError, msg));
        };
        let code = match crate::compiler::compile(source, &crate::stdlib::filename(name)) {
            Ok(code) => code,
            Err(e) => return Err(self.exc(TypeId::ImportError, format!("pvm cannot compile its module '{name}': {}", e.msg))),
        };
        let module = self.make_module(name, &[], &[]);
        let Some(Object::Module { dict, .. }) = module.obj().map(|i| self.heap.get(i)) else { unreachable!("make_module makes a module") };
        let dict = *dict;
        let builtins = Value::Obj(self.builtins);
        self.set_item_str(dict, "__builtins__", builtins);
        self.modules.insert(name.to_string(), module);
        let index = self.register_code(&code);
        let mut frame = Box::new(Frame::new(self.codes[index].code.clone(), index, dict));
        frame.names = Some(dict);
        if let Err(e) = self.run_frame(frame) {
            self.modules.remove(name);
            return Err(e);
        }
        Ok(module)
    }

    fn time_module(&mut self) -> Value {
        let funcs: &[(&'static str, BuiltinFn)] = &[
            ("time", time_time),
            ("perf_counter", time_perf_counter),
            ("monotonic", time_perf_counter),
            ("process_time", time_perf_counter),
            ("sleep", time_sleep),
        ];
        self.make_module("time", &[], funcs)
    }

    fn abc_class(&mut self, name: &str) -> Value {
        let object = self.type_obj(TypeId::Object);
        let class = self.heap.alloc(Object::Class(Box::new(Class {
            name: Rc::from(name),
            qualname: Rc::from(name),
            bases: vec![object],
            mro: vec![],
            attrs: Dict::new(),
            builtin: None,
            module: Some(Rc::from("collections.abc")),
            metaclass: None,
            custom_getattribute: false,
            shared_keys: Default::default(),
        })));
        if let Object::Class(c) = self.heap.get_mut(class) {
            c.mro = vec![class, object];
        }
        Value::Obj(class)
    }

    /// Whether `class` is a virtual subclass of `abc` when `abc` is one of
    /// the collections.abc classes above: CPython registers the builtin
    /// containers with them, and the one-protocol ABCs (Iterable, Sized...)
    /// accept any class defining the protocol's methods (`__subclasshook__`).
    pub(super) fn is_abc_virtual_subclass(&mut self, class: ObjId, abc: ObjId) -> bool {
        let name = match self.heap.get(abc) {
            Object::Class(c) if c.builtin.is_none() && c.module.as_deref() == Some("collections.abc") => c.name.clone(),
            _ => return false,
        };
        let protocol: &[&str] = match &*name {
            "Iterable" => &["__iter__"],
            "Iterator" => &["__iter__", "__next__"],
            "Generator" => &["__iter__", "__next__", "send", "throw", "close"],
            "Sized" => &["__len__"],
            "Container" => &["__contains__"],
            "Callable" => &["__call__"],
            "Hashable" => &["__hash__"],
            _ => &[],
        };
        if !protocol.is_empty() {
            return self.has_protocol(class, &name, protocol);
        }
        let registered: &[TypeId] = match &*name {
            "Sequence" => &[TypeId::Tuple, TypeId::Str, TypeId::Range, TypeId::Bytes, TypeId::List, TypeId::ByteArray, TypeId::Deque],
            "MutableSequence" => &[TypeId::List, TypeId::ByteArray, TypeId::Deque],
            "Mapping" | "MutableMapping" => &[TypeId::Dict],
            "Set" => &[TypeId::FrozenSet, TypeId::Set, TypeId::DictKeys, TypeId::DictItems],
            _ => &[],
        };
        let Object::Class(c) = self.heap.get(class) else { return false };
        c.mro.iter().any(|m| matches!(self.heap.get(*m), Object::Class(k) if k.builtin.is_some_and(|t| registered.contains(&t))))
    }

    /// Whether `class` has all `methods` of the collections.abc protocol
    /// `abc`: defined by a user class in its MRO (set to None opts out), or
    /// provided by the builtin type it derives from.
    fn has_protocol(&self, class: ObjId, abc: &str, methods: &[&str]) -> bool {
        let user: Vec<Option<Value>> = methods.iter().map(|m| self.lookup_user_attr(class, m)).collect();
        if user.iter().any(|v| matches!(v, Some(Value::None))) {
            return false;
        }
        if user.iter().all(Option::is_some) {
            return true;
        }
        let Object::Class(c) = self.heap.get(class) else { return false };
        let builtin = c.mro.iter().find_map(|m| match self.heap.get(*m) {
            Object::Class(k) => k.builtin,
            _ => None,
        });
        builtin.is_some_and(|t| builtin_has_protocol(t, abc))
    }

    fn make_module(&mut self, name: &str, values: &[(&str, Value)], funcs: &[(&'static str, BuiltinFn)]) -> Value {
        let dict = self.new_dict();
        let n = self.new_str(name);
        self.set_item_str(dict, "__name__", n);
        for (k, v) in values {
            self.set_item_str(dict, k, *v);
        }
        for (k, f) in funcs {
            let b = Value::Obj(self.heap.alloc(Object::Builtin(Builtin { name: k, func: *f, receiver: None, owner: None, sig: &Sig::OWN })));
            self.set_item_str(dict, k, b);
        }
        Value::Obj(self.heap.alloc(Object::Module { name: Rc::from(name), dict }))
    }

    /// `from m import *`: the module's public names into `ns`.
    pub(super) fn import_star(&mut self, module: Value, ns: ObjId) -> PyResult<()> {
        let Some(Object::Module { dict, .. }) = module.obj().map(|i| self.heap.get(i)) else { return Ok(()) };
        let pairs: Vec<(Value, Value)> = match self.heap.get(*dict) {
            Object::Dict(d) => d.iter().collect(),
            _ => vec![],
        };
        for (k, v) in pairs {
            let name = self.str_of(k)?;
            if !name.starts_with('_') && !matches!(v.obj().map(|i| self.heap.get(i)), Some(Object::Module { .. })) {
                self.set_item_str(ns, &name, v);
            }
        }
        Ok(())
    }

    fn math_module(&mut self) -> Value {
        let values = [
            ("pi", Value::float(std::f64::consts::PI)),
            ("e", Value::float(std::f64::consts::E)),
            ("tau", Value::float(std::f64::consts::TAU)),
            ("inf", Value::float(f64::INFINITY)),
            ("nan", Value::float(f64::NAN)),
        ];
        let funcs: &[(&'static str, BuiltinFn)] = &[
            ("sqrt", math_sqrt), ("floor", math_floor), ("ceil", math_ceil), ("trunc", math_trunc),
            ("fabs", math_fabs), ("exp", math_exp), ("log", math_log), ("log2", math_log2), ("log10", math_log10),
            ("sin", math_sin), ("cos", math_cos), ("tan", math_tan), ("asin", math_asin), ("acos", math_acos),
            ("atan", math_atan), ("atan2", math_atan2), ("hypot", math_hypot), ("dist", math_dist), ("pow", math_pow),
            ("degrees", math_degrees), ("radians", math_radians), ("isfinite", math_isfinite),
            ("isinf", math_isinf), ("isnan", math_isnan), ("isclose", math_isclose), ("copysign", math_copysign),
            ("gcd", math_gcd), ("lcm", math_lcm), ("factorial", math_factorial), ("isqrt", math_isqrt),
            ("comb", math_comb), ("perm", math_perm), ("prod", math_prod), ("fsum", math_fsum),
        ];
        self.make_module("math", &values, funcs)
    }

    fn sys_module(&mut self) -> PyResult<Value> {
        let stdout = self.make_module("<stdout>", &[], &[("write", stdout_write), ("flush", noop)]);
        let stderr = self.make_module("<stderr>", &[], &[("write", stderr_write), ("flush", noop)]);
        let argv0 = self.codes.first().map(|c| c.code.filename.to_string()).unwrap_or_default();
        let argv0 = self.new_string(argv0);
        let argv = self.new_list(vec![argv0]);
        let maxsize = Value::int(i64::MAX);
        let version_info = self.version_info()?;
        let values = [("stdout", stdout), ("stderr", stderr), ("argv", argv), ("maxsize", maxsize), ("version_info", version_info)];
        let funcs: &[(&'static str, BuiltinFn)] = &[
            ("exit", sys_exit),
            ("getrecursionlimit", sys_getrecursionlimit),
            ("setrecursionlimit", sys_setrecursionlimit),
            ("get_int_max_str_digits", super::repr::sys_get_int_max_str_digits),
            ("set_int_max_str_digits", super::repr::sys_set_int_max_str_digits),
            ("intern", super::identity::sys_intern),
        ];
        Ok(self.make_module("sys", &values, funcs))
    }

    /// `sys.version_info`: the version of CPython pvm follows, as a tuple
    /// subclass whose fields are also properties (a struct sequence).
    fn version_info(&mut self) -> PyResult<Value> {
        let ns = self.new_dict();
        let module = self.new_str("sys");
        self.set_item_str(ns, "__module__", module);
        for (field, getter) in VERSION_FIELDS {
            let fget = Value::Obj(self.heap.alloc(Object::Builtin(Builtin { name: field, func: getter, receiver: None, owner: None, sig: &Sig::OWN })));
            let property = Value::Obj(self.heap.alloc(Object::Property { fget, fset: Value::None, fdel: Value::None }));
            self.set_item_str(ns, field, property);
        }
        let repr = Descriptor { owner: TypeId::Tuple, name: "__repr__", func: version_info_repr, kind: DescrKind::Method, sig: &Sig::OWN };
        let repr = Value::Obj(self.heap.alloc(Object::Descriptor(repr)));
        self.set_item_str(ns, "__repr__", repr);
        let tuple = self.type_obj(TypeId::Tuple);
        let class = self.make_class("version_info", vec![tuple], ns)?;
        let level = self.new_str("final");
        let items = self.new_tuple(vec![Value::int(3), Value::int(12), Value::int(7), level, Value::int(0)]);
        self.call(Value::Obj(class), Args::new(vec![items]))
    }

    /// Whether `file=` names sys.stderr.
    pub(super) fn is_stderr(&self, file: Value) -> bool {
        matches!(file.obj().map(|i| self.heap.get(i)), Some(Object::Module { name, .. }) if &**name == "<stderr>")
    }
}

// ----- sys.version_info -----------------------------------------------------------

const VERSION_FIELDS: [(&str, BuiltinFn); 5] =
    [("major", version_major), ("minor", version_minor), ("micro", version_micro), ("releaselevel", version_releaselevel), ("serial", version_serial)];

fn version_field(vm: &mut Vm, args: &Args, index: i64) -> PyResult<Value> {
    let info = args.pos.first().copied().unwrap_or(Value::None);
    vm.getitem(info, Value::int(index))
}
fn version_major(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    version_field(vm, args, 0)
}
fn version_minor(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    version_field(vm, args, 1)
}
fn version_micro(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    version_field(vm, args, 2)
}
fn version_releaselevel(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    version_field(vm, args, 3)
}
fn version_serial(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    version_field(vm, args, 4)
}

/// `sys.version_info(major=3, minor=12, ...)`.
fn version_info_repr(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let info = args.pos.first().copied().unwrap_or(Value::None);
    let mut fields = Vec::with_capacity(VERSION_FIELDS.len());
    for (index, (field, _)) in VERSION_FIELDS.iter().enumerate() {
        let v = vm.getitem(info, Value::int(index as i64))?;
        fields.push(format!("{field}={}", vm.repr(v)?));
    }
    Ok(vm.new_string(format!("sys.version_info({})", fields.join(", "))))
}

// ----- time ------------------------------------------------------------------------
// Native builds read the system clock. wasm32-unknown-unknown has none in the
// core (std's clock panics there), and the stepper replays runs from
// checkpoints, so the page's clock is virtual and deterministic: it advances
// with the instructions executed and with sleep(), whose total is kept in the
// time module's own dict (on the heap, so checkpoints copy it). The values are
// nondeterministic natively; programs only compare them.

/// The time module's dict entry holding the seconds slept on the virtual clock.
const SLEPT: &str = "_pvm_slept";

fn slept_seconds(vm: &Vm) -> f64 {
    let dict = match vm.modules.get("time").and_then(|m| m.obj()).map(|i| vm.heap.get(i)) {
        Some(Object::Module { dict, .. }) => *dict,
        _ => return 0.0,
    };
    match vm.dict_get_str(dict, &Rc::from(SLEPT)) {
        Some(Value::Float(f, _)) => f,
        _ => 0.0,
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn clock_seconds(_vm: &Vm) -> f64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64())
}

#[cfg(target_arch = "wasm32")]
fn clock_seconds(vm: &Vm) -> f64 {
    vm.instructions as f64 * 1e-8 + slept_seconds(vm)
}

fn time_time(vm: &mut Vm, _args: &mut Args) -> PyResult<Value> {
    Ok(Value::float(clock_seconds(vm)))
}

fn time_perf_counter(vm: &mut Vm, _args: &mut Args) -> PyResult<Value> {
    time_time(vm, _args)
}

fn time_sleep(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let secs = float_arg(vm, args, 0)?;
    if secs < 0.0 || secs.is_nan() {
        return vm.value_error("sleep length must be non-negative");
    }
    #[cfg(not(target_arch = "wasm32"))]
    std::thread::sleep(std::time::Duration::from_secs_f64(secs.min(60.0)));
    if let Some(Object::Module { dict, .. }) = vm.modules.get("time").and_then(|m| m.obj()).map(|i| vm.heap.get(i)) {
        let (dict, total) = (*dict, slept_seconds(vm) + secs);
        vm.set_item_str(dict, SLEPT, Value::float(total));
    }
    Ok(Value::None)
}

fn noop(_vm: &mut Vm, _args: &mut Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn write_to(vm: &mut Vm, args: &mut Args, stderr: bool) -> PyResult<Value> {
    let Some(&v) = args.pos.get(1).or(args.pos.first()) else { return vm.type_error("write() takes exactly one argument (0 given)") };
    let Some(Object::Str(s)) = v.obj().map(|i| vm.heap.get(i)) else {
        let t = vm.type_name(v);
        return vm.type_error(format!("write() argument must be str, not {t}"));
    };
    let s = s.to_string();
    let n = s.chars().count();
    if stderr {
        vm.stderr.push_str(&s);
    } else {
        vm.write_stdout(&s);
    }
    Ok(Value::int(n as i64))
}

fn stdout_write(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    write_to(vm, args, false)
}

fn stderr_write(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    write_to(vm, args, true)
}

fn sys_exit(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let a = args.pos.first().copied().map(|v| vec![v]).unwrap_or_default();
    Err(vm.exc_with_args(TypeId::SystemExit, a))
}

fn sys_getrecursionlimit(vm: &mut Vm, _args: &mut Args) -> PyResult<Value> {
    Ok(Value::int(vm.limits.recursion_depth as i64))
}

/// Frames live in a Vec, so a deep limit costs heap, not native stack; this
/// bound keeps a runaway recursion inside the memory budget.
const MAX_RECURSION_LIMIT: usize = 100_000;

fn sys_setrecursionlimit(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if let Some(Value::Float(_, _)) = args.pos.first() {
        return vm.type_error("'float' object cannot be interpreted as an integer");
    }
    let n = int_arg(vm, args, 0)?;
    if n < BigInt::one() {
        return vm.value_error("recursion limit must be greater or equal than 1");
    }
    let n = n.to_usize().unwrap_or(usize::MAX);
    let depth = vm.frames.len();
    if n <= depth {
        let msg = format!("cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low");
        return Err(vm.exc(TypeId::RecursionError, msg));
    }
    vm.limits.recursion_depth = n.min(MAX_RECURSION_LIMIT);
    Ok(Value::None)
}

fn path_join(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let mut out = String::new();
    for v in args.pos.clone() {
        let s = vm.str_of(v)?;
        if s.starts_with('/') {
            out = s;
        } else if out.is_empty() || out.ends_with('/') {
            out.push_str(&s);
        } else {
            out.push('/');
            out.push_str(&s);
        }
    }
    Ok(vm.new_string(out))
}

fn path_basename(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let s = vm.str_of(args.pos.first().copied().unwrap_or(Value::None))?;
    let b = s.rsplit('/').next().unwrap_or("").to_string();
    Ok(vm.new_string(b))
}

fn path_dirname(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let s = vm.str_of(args.pos.first().copied().unwrap_or(Value::None))?;
    let d = match s.rfind('/') {
        Some(0) => "/".to_string(),
        Some(i) => substr(&s, ..i).to_string(),
        None => String::new(),
    };
    Ok(vm.new_string(d))
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn path_splitext(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let s = vm.str_of(args.pos.first().copied().unwrap_or(Value::None))?;
    let base_start = s.rfind('/').map_or(0, |i| i + 1);
    let (root, ext) = match substr(&s, base_start..).rfind('.') {
        Some(i) if substr(&s, base_start..base_start + i).chars().any(|c| c != '.') => (substr(&s, ..base_start + i).to_string(), substr(&s, base_start + i..).to_string()),
        _ => (s.clone(), String::new()),
    };
    let items = vec![vm.new_string(root), vm.new_string(ext)];
    Ok(vm.new_tuple(items))
}

/// Which builtin types CPython's one-protocol collections.abc classes accept.
fn builtin_has_protocol(t: TypeId, abc: &str) -> bool {
    use TypeId::*;
    let iterator = t.name().ends_with("iterator") || matches!(t, Generator | Enumerate | Zip | Map | Filter | Reversed);
    let collection = matches!(
        t,
        Str | Bytes | ByteArray | List | Tuple | Dict | DefaultDict | Counter | Deque | Set | FrozenSet | Range | DictKeys | DictValues | DictItems
    );
    match abc {
        "Iterable" => iterator || collection,
        "Iterator" => iterator,
        "Generator" => t == Generator,
        "Sized" | "Container" => collection,
        "Hashable" => !matches!(t, List | Dict | DefaultDict | Counter | Set | ByteArray | Deque | DictKeys | DictItems),
        "Callable" => matches!(
            t,
            Type | Function | BuiltinFunction | Method | StaticMethod | LruCacheWrapper | MethodWrapper | WrapperDescriptor | MethodDescriptor | ClassMethodDescriptor
        ),
        _ => false,
    }
}

// ----- math ------------------------------------------------------------------------

fn float_arg(vm: &mut Vm, args: &Args, i: usize) -> PyResult<f64> {
    float_value(vm, args.pos.get(i).copied().unwrap_or(Value::None))
}

fn float_value(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match vm.num(v) {
        Some(n) => vm.to_f64(&n),
        None => {
            let t = vm.type_name(v);
            vm.type_error(format!("must be real number, not {t}"))
        }
    }
}

fn int_arg(vm: &mut Vm, args: &Args, i: usize) -> PyResult<BigInt> {
    let v = args.pos.get(i).copied().unwrap_or(Value::None);
    match vm.num(v) {
        Some(Num::Int(i)) => Ok(BigInt::from(i)),
        Some(Num::Big(b)) => Ok(b),
        _ => {
            let t = vm.type_name(v);
            vm.type_error(format!("'{t}' object cannot be interpreted as an integer"))
        }
    }
}

fn domain_error<T>(vm: &mut Vm) -> PyResult<T> {
    vm.value_error("math domain error")
}

fn float_fn(vm: &mut Vm, args: &Args, f: fn(f64) -> f64, domain: fn(f64) -> bool) -> PyResult<Value> {
    let x = float_arg(vm, args, 0)?;
    if !domain(x) {
        return domain_error(vm);
    }
    let r = f(x);
    if r.is_infinite() && x.is_finite() {
        return Err(vm.exc(TypeId::OverflowError, "math range error"));
    }
    Ok(Value::float(r))
}

fn any_x(_: f64) -> bool {
    true
}

fn math_sqrt(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    float_fn(vm, args, f64::sqrt, |x| x >= 0.0 || x.is_nan())
}
fn math_exp(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    float_fn(vm, args, f64::exp, any_x)
}
fn math_log2(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    float_fn(vm, args, f64::log2, |x| x > 0.0)
}
fn math_log10(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    float_fn(vm, args, f64::log10, |x| x > 0.0)
}
fn math_sin(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    float_fn(vm, args, f64::sin, |x| x.is_finite())
}
fn math_cos(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    float_fn(vm, args, f64::cos, |x| x.is_finite())
}
fn math_tan(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    float_fn(vm, args, f64::tan, |x| x.is_finite())
}
fn math_asin(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    float_fn(vm, args, f64::asin, |x| (-1.0..=1.0).contains(&x))
}
fn math_acos(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    float_fn(vm, args, f64::acos, |x| (-1.0..=1.0).contains(&x))
}
fn math_atan(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    float_fn(vm, args, f64::atan, any_x)
}
fn math_fabs(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    float_fn(vm, args, f64::abs, any_x)
}
fn math_degrees(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    float_fn(vm, args, f64::to_degrees, any_x)
}
fn math_radians(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    float_fn(vm, args, f64::to_radians, any_x)
}

fn math_log(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let x = match vm.num(args.pos.first().copied().unwrap_or(Value::None)) {
        Some(Num::Big(b)) if b.is_positive() => {
            // ln of a huge int: scale it into float range first.
            let bits = b.bits();
            let shift = bits.saturating_sub(1000);
            let m = (b >> shift as usize).to_f64().unwrap_or(f64::MAX);
            m.ln() + shift as f64 * std::f64::consts::LN_2
        }
        _ => {
            let x = float_arg(vm, args, 0)?;
            if x <= 0.0 {
                return domain_error(vm);
            }
            x.ln()
        }
    };
    match args.pos.get(1) {
        Some(_) => {
            let base = float_arg(vm, args, 1)?;
            if base <= 0.0 {
                return domain_error(vm);
            }
            if base == 1.0 {
                return Err(vm.exc(TypeId::ZeroDivisionError, "float division by zero"));
            }
            Ok(Value::float(x / base.ln()))
        }
        None => Ok(Value::float(x)),
    }
}

fn math_atan2(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (y, x) = (float_arg(vm, args, 0)?, float_arg(vm, args, 1)?);
    Ok(Value::float(y.atan2(x)))
}

fn math_hypot(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let mut acc = 0.0f64;
    for i in 0..args.pos.len() {
        let x = float_arg(vm, args, i)?;
        acc = acc.hypot(x);
    }
    Ok(Value::float(acc))
}

/// `math.dist(p, q)`: the Euclidean distance between two points given as iterables.
#[cfg_attr(target_arch = "wasm32", track_caller)]
fn math_dist(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if args.pos.len() != 2 {
        let n = args.pos.len();
        return vm.type_error(format!("dist expected 2 arguments, got {n}"));
    }
    let p = vm.collect_iterable(args.arg(0))?;
    let q = vm.collect_iterable(args.arg(1))?;
    if p.len() != q.len() {
        return vm.value_error("both points must have the same number of dimensions");
    }
    let mut diffs = Vec::with_capacity(p.len());
    for (a, b) in p.into_iter().zip(q) {
        diffs.push((float_value(vm, a)? - float_value(vm, b)?).abs());
    }
    Ok(Value::float(vector_norm(&diffs)))
}

/// The length of a vector of non-negative components, computed as CPython's
/// `vector_norm` does so the last digit agrees: the components scaled by a
/// power of two, their squares summed exactly (with the low-order parts kept
/// apart), then one differential correction of the square root.
fn vector_norm(xs: &[f64]) -> f64 {
    let max = xs.iter().copied().fold(0.0f64, f64::max);
    if max.is_infinite() || xs.iter().any(|x| x.is_infinite()) {
        return f64::INFINITY;
    }
    if xs.iter().any(|x| x.is_nan()) {
        return f64::NAN;
    }
    if max == 0.0 || xs.len() <= 1 {
        return max;
    }
    if max < f64::MIN_POSITIVE {
        // Subnormal: scale up into the normal range first.
        let scaled: Vec<f64> = xs.iter().map(|x| x / f64::MIN_POSITIVE).collect();
        return f64::MIN_POSITIVE * vector_norm(&scaled);
    }
    // frexp(max).1: max * 2^-max_e lies in [0.5, 1).
    let max_e = ((max.to_bits() >> 52) & 0x7ff) as i32 - 1022;
    let scale = 2f64.powi(-max_e);
    // The running sum starts at 1.0 so every addend is smaller than it.
    let mut sum = [1.0f64, 0.0, 0.0];
    for x in xs {
        let x = x * scale;
        add_product_exactly(&mut sum, x, x);
    }
    let total = |sum: &[f64; 3]| sum[0] - 1.0 + (sum[1] + sum[2]);
    let h = total(&sum).sqrt();
    add_product_exactly(&mut sum, -h, h);
    let residual = total(&sum);
    (h + residual / (2.0 * h)) / scale
}

/// Adds `a * b` to `[high, product errors, sum errors]` without losing bits.
fn add_product_exactly(sum: &mut [f64; 3], a: f64, b: f64) {
    let product = a * b;
    let product_err = a.mul_add(b, -product);
    let high = sum[0] + product;
    sum[2] += (sum[0] - high) + product;
    sum[0] = high;
    sum[1] += product_err;
}

fn math_pow(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (x, y) = (float_arg(vm, args, 0)?, float_arg(vm, args, 1)?);
    if x == 0.0 && y < 0.0 || x < 0.0 && y.fract() != 0.0 {
        return domain_error(vm);
    }
    Ok(Value::float(x.powf(y)))
}

fn math_copysign(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (x, y) = (float_arg(vm, args, 0)?, float_arg(vm, args, 1)?);
    Ok(Value::float(x.copysign(y)))
}

fn rounding(vm: &mut Vm, args: &Args, f: fn(f64) -> f64, dunder: &str) -> PyResult<Value> {
    let v = args.pos.first().copied().unwrap_or(Value::None);
    match vm.num(v) {
        Some(Num::Float(x)) => {
            if x.is_nan() {
                return vm.value_error("cannot convert float NaN to integer");
            }
            if x.is_infinite() {
                return Err(vm.exc(TypeId::OverflowError, "cannot convert float infinity to integer"));
            }
            vm.to_int(Value::float(f(x)), None)
        }
        Some(n) => Ok(vm.num_value(n)),
        None => match vm.call_dunder(v, dunder, vec![])? {
            Some(r) => Ok(r),
            None => {
                let t = vm.type_name(v);
                vm.type_error(format!("must be real number, not {t}"))
            }
        },
    }
}

fn math_floor(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    rounding(vm, args, f64::floor, "__floor__")
}
fn math_ceil(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    rounding(vm, args, f64::ceil, "__ceil__")
}
fn math_trunc(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    rounding(vm, args, f64::trunc, "__trunc__")
}

fn math_isfinite(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    Ok(Value::Bool(float_arg(vm, args, 0)?.is_finite()))
}
fn math_isinf(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    Ok(Value::Bool(float_arg(vm, args, 0)?.is_infinite()))
}
fn math_isnan(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    Ok(Value::Bool(float_arg(vm, args, 0)?.is_nan()))
}

fn math_isclose(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let rel = match args.take_kw("rel_tol") { Some(v) => { let n = vm.num(v); match n { Some(n) => vm.to_f64(&n)?, None => 1e-9 } } None => 1e-9 };
    let abs = match args.take_kw("abs_tol") { Some(v) => { let n = vm.num(v); match n { Some(n) => vm.to_f64(&n)?, None => 0.0 } } None => 0.0 };
    let (a, b) = (float_arg(vm, args, 0)?, float_arg(vm, args, 1)?);
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs))
}

fn math_gcd(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let mut g = BigInt::zero();
    for i in 0..args.pos.len() {
        let x = int_arg(vm, args, i)?;
        g = g.gcd(&x);
    }
    Ok(vm.new_int(g))
}

fn math_lcm(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let mut l = BigInt::one();
    for i in 0..args.pos.len() {
        let x = int_arg(vm, args, i)?;
        if x.is_zero() {
            return Ok(Value::int(0));
        }
        l = l.lcm(&x);
    }
    Ok(vm.new_int(l.abs()))
}

fn math_factorial(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if let Some(Value::Float(_, _)) = args.pos.first() {
        return vm.type_error("'float' object cannot be interpreted as an integer");
    }
    let n = int_arg(vm, args, 0)?;
    if n.is_negative() {
        return vm.value_error("factorial() not defined for negative values");
    }
    let n = n.to_u64().unwrap_or(0);
    let mut acc = BigInt::one();
    for k in 2..=n {
        acc *= k;
    }
    Ok(vm.new_int(acc))
}

fn math_isqrt(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let n = int_arg(vm, args, 0)?;
    if n.is_negative() {
        return vm.value_error("isqrt() argument must be nonnegative");
    }
    Ok(vm.new_int(n.sqrt()))
}

fn math_comb(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (n, k) = (int_arg(vm, args, 0)?, int_arg(vm, args, 1)?);
    if n.is_negative() {
        return vm.value_error("n must be a non-negative integer");
    }
    if k.is_negative() {
        return vm.value_error("k must be a non-negative integer");
    }
    if k > n {
        return Ok(Value::int(0));
    }
    let k = k.to_u64().unwrap_or(0).min((&n - &k).to_u64().unwrap_or(0));
    let mut acc = BigInt::one();
    for i in 0..k {
        acc = acc * (&n - i) / (i + 1);
    }
    Ok(vm.new_int(acc))
}

fn math_perm(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let n = int_arg(vm, args, 0)?;
    let k = if args.pos.len() > 1 { int_arg(vm, args, 1)? } else { n.clone() };
    if n.is_negative() {
        return vm.value_error("n must be a non-negative integer");
    }
    if k.is_negative() {
        return vm.value_error("k must be a non-negative integer");
    }
    if k > n {
        return Ok(Value::int(0));
    }
    let mut acc = BigInt::one();
    for i in 0..k.to_u64().unwrap_or(0) {
        acc *= &n - i;
    }
    Ok(vm.new_int(acc))
}

fn math_prod(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let start = args.take_kw("start").unwrap_or(Value::int(1));
    let items = vm.collect_iterable(args.pos.first().copied().unwrap_or(Value::None))?;
    let mut acc = start;
    for x in items {
        acc = vm.binary_op(acc, x, 5)?;
    }
    Ok(acc)
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn math_fsum(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let items = vm.collect_iterable(args.pos.first().copied().unwrap_or(Value::None))?;
    // Shewchuk's exactly rounded summation, as math.fsum uses.
    let mut partials: Vec<f64> = Vec::new();
    for v in items {
        let Some(n) = vm.num(v) else {
            let t = vm.type_name(v);
            return vm.type_error(format!("must be real number, not {t}"));
        };
        let mut x = vm.to_f64(&n)?;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    Ok(Value::float(partials.iter().sum()))
}

// ----- random ------------------------------------------------------------------------

fn random_seed(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let a = args.pos.first().copied().unwrap_or(Value::None);
    let seed = match vm.num(a) {
        Some(Num::Int(i)) => BigInt::from(i),
        Some(Num::Big(b)) => b,
        Some(Num::Float(f)) => BigInt::from(f.to_bits()),
        None => match a {
            Value::None => BigInt::from(0x5eed_u32),
            other => match vm.key(other)? {
                crate::runtime::dict::HashKey::Str(s) => BigInt::from_bytes_be(num_bigint::Sign::Plus, s.as_bytes()),
                k => BigInt::from(crate::runtime::set::py_hash(&k)),
            },
        },
    };
    vm.rng = crate::runtime::mt::Mt19937::from_int_seed(&seed);
    Ok(Value::None)
}

fn random_random(vm: &mut Vm, _args: &mut Args) -> PyResult<Value> {
    Ok(Value::float(vm.rng.random()))
}

fn random_getrandbits(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let k = int_arg(vm, args, 0)?;
    if k.is_negative() {
        return vm.value_error("number of bits must be non-negative");
    }
    let r = vm.rng.getrandbits(k.to_u32().unwrap_or(0));
    Ok(vm.new_int(r))
}

impl Vm {
    /// A Counter's items, most common first (ties in insertion order).
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    pub(super) fn counter_most_common(&mut self, id: ObjId) -> PyResult<Vec<(Value, Value)>> {
        let pairs: Vec<(Value, Value)> = match self.heap.get(id) {
            Object::Dict(d) => d.iter().collect(),
            _ => Vec::new(),
        };
        // Stable sort by count, descending (what most_common's sorted(..., reverse=True) gives).
        let mut keyed: Vec<(Value, Value)> = pairs.iter().map(|(k, v)| (*v, self.new_tuple(vec![*k, *v]))).collect();
        keyed.reverse();
        let mut items: Vec<Value> = keyed.iter().map(|(_, t)| *t).collect();
        let mut counts: Vec<Value> = keyed.iter().map(|(c, _)| *c).collect();
        let mut err = None;
        let mut order = crate::sort::sorted_order(items.len(), &mut |a, b| {
            if err.is_some() {
                return std::cmp::Ordering::Equal;
            }
            match self.compare(counts[a], counts[b], 0) {
                Ok(Value::Bool(true)) => std::cmp::Ordering::Less,
                Ok(_) => match self.compare(counts[b], counts[a], 0) {
                    Ok(Value::Bool(true)) => std::cmp::Ordering::Greater,
                    Ok(_) => std::cmp::Ordering::Equal,
                    Err(e) => {
                        err = Some(e);
                        std::cmp::Ordering::Equal
                    }
                },
                Err(e) => {
                    err = Some(e);
                    std::cmp::Ordering::Equal
                }
            }
        });
        if let Some(e) = err {
            return Err(e);
        }
        order.reverse();
        items = order.iter().map(|&i| items[i]).collect();
        counts.clear();
        let mut out = Vec::new();
        for t in items {
            if let Some(Object::Tuple(kv)) = t.obj().map(|i| self.heap.get(i)) {
                out.push((kv[0], kv[1]));
            }
        }
        Ok(out)
    }
}

// ----- functools ---------------------------------------------------------------------

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn functools_reduce(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if args.pos.len() < 2 {
        return vm.type_error(format!("reduce expected at least 2 arguments, got {}", args.pos.len()));
    }
    let func = args.arg(0);
    let it = vm.iter(args.arg(1))?;
    let mut acc = match args.pos.get(2) {
        Some(v) => *v,
        None => match vm.next(it)? {
            Some(v) => v,
            None => return vm.type_error("reduce() of empty iterable with no initial value"),
        },
    };
    while let Some(x) = vm.next(it)? {
        acc = vm.call(func, Args::new(vec![acc, x]))?;
    }
    Ok(acc)
}

fn memoize(vm: &mut Vm, func: Value) -> Value {
    let cache = vm.new_dict();
    Value::Obj(vm.heap.alloc(Object::Memoized { func, cache }))
}

/// `functools.cache(f)`.
fn functools_cache(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(&f) => Ok(memoize(vm, f)),
        None => vm.type_error("cache() missing 1 required positional argument: 'user_function'"),
    }
}

/// `@lru_cache` or `@lru_cache(maxsize=...)` (pvm's cache is unbounded).
fn functools_lru_cache(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    args.take_kw("maxsize");
    args.take_kw("typed");
    match args.pos.first() {
        Some(&f) if matches!(f.obj().map(|i| vm.heap.get(i)), Some(Object::Function(_) | Object::Builtin(_))) => {
            Ok(memoize(vm, f))
        }
        _ => Ok(Value::Obj(vm.heap.alloc(Object::Builtin(Builtin {
            name: "decorating_function",
            func: functools_cache,
            receiver: None,
            owner: None,
            sig: &Sig::OWN,
        })))),
    }
}
