//! The builtins module: functions (`print`, `len`, ...) and the builtin
//! classes' constructors (`int(x)`, `list(it)`, ...).

use crate::text::substr;
use super::ops::Num;
use super::types::TypeId;
use super::signature::Sig;
use super::{PyResult, Vm};
use crate::runtime::float_parse::parse_f64;
use crate::runtime::object::{Args, Builtin, BuiltinFn, Instance, Iter, Object};
use crate::runtime::value::Value;
use num_bigint::BigInt;
use num_traits::{Signed, Zero};
use std::rc::Rc;

const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("print", print),
    ("len", len),
    ("repr", repr),
    ("ascii", ascii),
    ("isinstance", isinstance),
    ("issubclass", issubclass),
    ("abs", abs),
    ("min", min),
    ("max", max),
    ("sum", sum),
    ("sorted", sorted),
    ("dir", dir),
    ("iter", iter),
    ("next", next),
    ("input", input),
    ("ord", ord),
    ("chr", chr),
    ("hex", hex),
    ("oct", oct),
    ("bin", bin),
    ("round", round),
    ("divmod", divmod),
    ("pow", pow),
    ("hash", hash),
    ("id", id),
    ("callable", callable),
    ("getattr", getattr),
    ("setattr", setattr),
    ("hasattr", hasattr),
    ("delattr", delattr),
    ("any", any),
    ("all", all),
    ("format", format),
    ("exit", exit),
    ("quit", exit),
    ("globals", globals),
    ("locals", locals),
    ("vars", vars),
    ("__build_class__", build_class),
];

/// Builtin classes visible by name.
const CLASSES: &[TypeId] = &[
    TypeId::Object, TypeId::Type, TypeId::Int, TypeId::Bool, TypeId::Float, TypeId::Str, TypeId::List,
    TypeId::Tuple, TypeId::Dict, TypeId::Set, TypeId::FrozenSet, TypeId::Range, TypeId::Slice,
    TypeId::StaticMethod, TypeId::ClassMethod, TypeId::Property, TypeId::Super, TypeId::Enumerate,
    TypeId::Zip, TypeId::Map, TypeId::Filter, TypeId::Complex, TypeId::Reversed, TypeId::Bytes, TypeId::ByteArray,
];

pub(super) fn install(vm: &mut Vm) {
    install_type_dicts(vm);
    let builtins = vm.builtins;
    for (name, func) in FUNCTIONS {
        let f = Value::Obj(vm.heap.alloc(Object::Builtin(Builtin { name, func: *func, receiver: None, owner: None, sig: &Sig::OWN })));
        vm.set_item_str(builtins, name, f);
    }
    for &t in CLASSES.iter().chain(TypeId::ALL.iter().filter(|t| t.is_exception())) {
        let class = Value::Obj(vm.type_obj(t));
        vm.set_item_str(builtins, t.name(), class);
    }
    let ni = vm.not_implemented();
    vm.set_item_str(builtins, "NotImplemented", ni);
    let el = Value::Obj(vm.ellipsis);
    vm.set_item_str(builtins, "Ellipsis", el);
    let name = vm.new_str("builtins");
    vm.set_item_str(builtins, "__name__", name);
}

/// Fills each builtin class's dict with its methods, as descriptors (so
/// `list.append`, `int.__add__` and `object.__hash__` are real attributes).
fn install_type_dicts(vm: &mut Vm) {
    use crate::runtime::object::Descriptor;
    for &owner in TypeId::ALL {
        let slots = super::slots::table(owner).iter().map(|&(name, func)| (name, func, &Sig::OWN));
        let mut methods: Vec<super::methods::Method> = super::methods::table(owner).into_iter().chain(slots).collect();
        // Every builtin exception class has its own __init__ and __new__ (BaseException's).
        if owner.is_exception() && owner != TypeId::BaseException {
            let base = super::methods::table(TypeId::BaseException);
            methods.extend(base.into_iter().filter(|(n, _, _)| matches!(*n, "__init__" | "__new__")));
        }
        let mut entries: Vec<(&'static str, Value)> = Vec::new();
        for (name, func, sig) in methods {
            let kind = super::slots::descr_kind(owner, name);
            let d = Value::Obj(vm.heap.alloc(Object::Descriptor(Descriptor { owner, name, func, kind, sig })));
            entries.retain(|(n, _)| *n != name);
            entries.push((name, d));
        }
        // Mutable containers are unhashable: their `__hash__` is None.
        if matches!(owner, TypeId::List | TypeId::Dict | TypeId::Set | TypeId::ByteArray) {
            entries.push(("__hash__", Value::None));
        }
        let class = vm.type_obj(owner);
        for (name, v) in entries {
            let key: Rc<str> = Rc::from(name);
            let k = vm.intern(&key);
            if let Object::Class(c) = vm.heap.get_mut(class) {
                c.attrs.insert(crate::runtime::dict::HashKey::Str(key.into()), k, v);
            }
        }
    }
    for t in [TypeId::GenericAlias, TypeId::UnionType] {
        if let Object::Class(c) = vm.heap.get_mut(vm.type_obj(t)) {
            c.module = Some(Rc::from("types"));
        }
    }
}

/// `dir()` (the current scope's names) and `dir(obj)`.
fn dir(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    arg_count(vm, args, "dir", 0, 1)?;
    let names = match args.pos.first() {
        Some(&v) => {
            let class = vm.type_of(v);
            match vm.lookup_user_attr(class, "__dir__") {
                Some(f) => {
                    let f = vm.bind_class_attr(f, v, class);
                    let r = vm.call(f, Args::default())?;
                    let mut items = vm.collect_iterable(r)?;
                    vm.sort_values(&mut items, None, false)?;
                    return Ok(vm.new_list(items));
                }
                None => vm.dir_of(v),
            }
        }
        None => {
            let scope = locals(vm, &mut Args::default())?;
            let mut names = match scope.obj() {
                Some(d) => vm.dict_str_keys(d),
                None => Vec::new(),
            };
            // A script's module namespace has these from the start in CPython.
            if vm.frames.len() == 1 {
                names.extend(
                    ["__annotations__", "__builtins__", "__cached__", "__doc__", "__file__", "__loader__", "__package__", "__spec__"]
                        .map(String::from),
                );
            }
            crate::sort::sort(&mut names);
            names.dedup();
            names
        }
    };
    let items = names.into_iter().map(|n| vm.new_string(n)).collect();
    Ok(vm.new_list(items))
}

fn arg_count(vm: &mut Vm, args: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    let n = args.pos.len();
    if n >= min && n <= max {
        return Ok(());
    }
    let msg = if min == max {
        match min {
            0 => format!("{name}() takes no arguments ({n} given)"),
            1 => format!("{name}() takes exactly one argument ({n} given)"),
            _ => format!("{name} expected {min} arguments, got {n}"),
        }
    } else if n < min {
        format!("{name} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
    } else {
        format!("{name} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
    };
    vm.type_error(msg)
}

pub(super) fn no_keywords(vm: &mut Vm, args: &Args, name: &str) -> PyResult<()> {
    if args.kw.is_empty() {
        Ok(())
    } else {
        vm.type_error(format!("{name}() takes no keyword arguments"))
    }
}

fn print(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let sep = args.take_kw("sep").unwrap_or(Value::None);
    let end = args.take_kw("end").unwrap_or(Value::None);
    let file = args.take_kw("file").unwrap_or(Value::None);
    args.take_kw("flush");
    if let Some((k, _)) = args.kw.first() {
        let k = k.clone();
        return vm.type_error(format!("'{k}' is an invalid keyword argument for print()"));
    }
    let sep = match sep {
        Value::None => " ".to_string(),
        v => match v.obj().map(|i| vm.heap.get(i)) {
            Some(Object::Str(s)) => s.to_string(),
            _ => {
                let t = vm.type_name(v);
                return vm.type_error(format!("sep must be None or a string, not {t}"));
            }
        },
    };
    let end = match end {
        Value::None => "\n".to_string(),
        v => match v.obj().map(|i| vm.heap.get(i)) {
            Some(Object::Str(s)) => s.to_string(),
            _ => {
                let t = vm.type_name(v);
                return vm.type_error(format!("end must be None or a string, not {t}"));
            }
        },
    };
    let mut out = String::new();
    for (i, v) in args.pos.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&vm.str_of(*v)?);
    }
    out.push_str(&end);
    if vm.is_stderr(file) {
        vm.stderr.push_str(&out);
    } else {
        vm.write_stdout(&out);
    }
    Ok(Value::None)
}

pub(super) fn len(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    arg_count(vm, args, "len", 1, 1)?;
    Ok(Value::int(vm.len(args.arg(0))? as i64))
}

fn repr(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    arg_count(vm, args, "repr", 1, 1)?;
    vm.repr_value(args.arg(0))
}

fn ascii(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    arg_count(vm, args, "ascii", 1, 1)?;
    vm.ascii_value(args.arg(0))
}

/// The classes of `isinstance`'s second argument (a class or a tuple of them).
fn class_list(vm: &mut Vm, v: Value, fname: &str) -> PyResult<Vec<crate::runtime::value::ObjId>> {
    match v.obj().map(|i| vm.heap.get(i)) {
        Some(Object::Class(_)) => Ok(vec![v.obj().unwrap()]),
        Some(Object::Tuple(items)) => {
            let items = items.clone();
            let mut out = Vec::new();
            for i in items {
                out.extend(class_list(vm, i, fname)?);
            }
            Ok(out)
        }
        Some(Object::Instance(i)) if i.class == vm.type_obj(TypeId::UnionType) => {
            let args = vm.getattr(v, "__args__")?;
            class_list(vm, args, fname)
        }
        _ => vm.type_error(format!("{fname}() arg 2 must be a type, a tuple of types, or a union")),
    }
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn isinstance(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    arg_count(vm, args, "isinstance", 2, 2)?;
    let t = vm.type_of(args.arg(0));
    let classes = class_list(vm, args.arg(1), "isinstance")?;
    Ok(Value::Bool(classes.into_iter().any(|c| vm.is_subclass(t, c) || vm.is_abc_virtual_subclass(t, c))))
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn issubclass(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    arg_count(vm, args, "issubclass", 2, 2)?;
    let Some(c) = args.arg(0).obj().filter(|c| matches!(vm.heap.get(*c), Object::Class(_))) else {
        return vm.type_error("issubclass() arg 1 must be a class");
    };
    let classes = class_list(vm, args.arg(1), "issubclass")?;
    Ok(Value::Bool(classes.into_iter().any(|b| vm.is_subclass(c, b) || vm.is_abc_virtual_subclass(c, b))))
}

pub(super) fn abs(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    arg_count(vm, args, "abs", 1, 1)?;
    let v = args.arg(0);
    match vm.num(v) {
        // A non-negative int is its own absolute value: CPython returns the same object.
        Some(Num::Int(i)) if i >= 0 && matches!(v, Value::Int(..)) => Ok(v),
        Some(Num::Big(b)) if b.sign() != num_bigint::Sign::Minus && vm.exact_int_object(v) => Ok(v),
        Some(Num::Int(i)) => Ok(match i.checked_abs() {
            Some(a) => Value::int(a),
            None => vm.new_int(BigInt::from(i).abs()),
        }),
        Some(Num::Big(b)) => Ok(vm.new_int(b.abs())),
        Some(Num::Float(f)) => Ok(Value::float(f.abs())),
        None if vm.complex_parts(v).is_some() => {
            let (re, im) = vm.complex_parts(v).unwrap_or_default();
            match re.hypot(im) {
                a if a.is_infinite() && re.is_finite() && im.is_finite() => {
                    Err(vm.exc(TypeId::OverflowError, "absolute value too large"))
                }
                a => Ok(Value::float(a)),
            }
        }
        None => {
            if let Some(r) = vm.call_dunder(v, "__abs__", vec![])? {
                return Ok(r);
            }
            let t = vm.type_name(v);
            vm.type_error(format!("bad operand type for abs(): '{t}'"))
        }
    }
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn min_max(vm: &mut Vm, args: &mut Args, name: &str, op: usize) -> PyResult<Value> {
    let key = args.take_kw("key").filter(|k| !matches!(k, Value::None));
    let default = args.take_kw("default");
    if args.pos.is_empty() {
        return vm.type_error(format!("{name} expected at least 1 argument, got 0"));
    }
    let items = if args.pos.len() == 1 { vm.collect_iterable(args.arg(0))? } else { args.pos.clone() };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => vm.value_error(format!("{name}() iterable argument is empty")),
        };
    }
    let mut best = items[0];
    let mut best_key = match key {
        Some(k) => vm.call1(k, best)?,
        None => best,
    };
    for &item in &items[1..] {
        let k = match key {
            Some(f) => vm.call1(f, item)?,
            None => item,
        };
        let better = vm.compare(k, best_key, op)?;
        if vm.truthy(better)? {
            best = item;
            best_key = k;
        }
    }
    Ok(best)
}

fn min(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    min_max(vm, args, "min", 0)
}

fn max(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    min_max(vm, args, "max", 4)
}

pub(super) fn sum(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let start = args.take_kw("start");
    arg_count(vm, args, "sum", 1, 2)?;
    let mut total = args.pos.get(1).copied().or(start).unwrap_or(Value::int(0));
    match total.obj().map(|i| vm.heap.get(i)) {
        Some(Object::Str(_)) => return vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"),
        Some(Object::Bytes(_)) => return vm.type_error("sum() can't sum bytes [use b''.join(seq) instead]"),
        Some(Object::ByteArray(_)) => return vm.type_error("sum() can't sum bytearray [use b''.join(seq) instead]"),
        _ => {}
    }
    // A list or tuple is read by position (as its iterator would, a list
    // afresh at each step); an iterator object is made only if the sum
    // turns to floats or to another type.
    let items = args.arg(0);
    let seq = match items.obj().map(|id| vm.heap.get(id)) {
        Some(Object::List(_) | Object::Tuple(_)) => items.obj(),
        _ => None,
    };
    if let Some(seq) = seq {
        let mut i = 0;
        loop {
            let x = match vm.heap.get(seq) {
                Object::List(v) | Object::Tuple(v) => v.get(i).copied(),
                _ => None,
            };
            let Some(x) = x else { return Ok(total) };
            i += 1;
            match add_ints(total, x) {
                Some(t) => total = t,
                None => {
                    let kind = if matches!(vm.heap.get(seq), Object::List(_)) { "list" } else { "tuple" };
                    let it = Value::Obj(vm.heap.alloc(Object::Iter(Iter::Seq { seq, index: i, kind })));
                    return sum_from(vm, it, total, x);
                }
            }
        }
    }
    let it = vm.iter(items)?;
    while let Some(x) = vm.next(it)? {
        match add_ints(total, x) {
            Some(t) => total = t,
            None => return sum_from(vm, it, total, x),
        }
    }
    Ok(total)
}

/// `a + b` when both are ints and the sum is one too (what `binary_op` gives).
#[inline]
fn add_ints(a: Value, b: Value) -> Option<Value> {
    match (a, b) {
        (Value::Int(a, _), Value::Int(b, _)) => a.checked_add(b).map(Value::int),
        _ => None,
    }
}

/// sum()'s general loop from `total + x` on, the rest of the items coming from `it`.
pub(super) fn sum_from(vm: &mut Vm, it: Value, mut total: Value, mut x: Value) -> PyResult<Value> {
    loop {
        total = vm.binary_op(total, x, 0)?;
        if let Value::Float(f, _) = total {
            return sum_floats(vm, it, f);
        }
        match vm.next(it)? {
            Some(next) => x = next,
            None => return Ok(total),
        }
    }
}

/// sum()'s float loop: Neumaier's compensated summation, as CPython 3.12 does it.
fn sum_floats(vm: &mut Vm, it: Value, mut f: f64) -> PyResult<Value> {
    let mut c = 0.0f64;
    while let Some(x) = vm.next(it)? {
        let v = match x {
            Value::Float(v, _) => v,
            Value::Int(i, _) => {
                f += i as f64;
                continue;
            }
            Value::Bool(b) => {
                f += b as i64 as f64;
                continue;
            }
            other => {
                if c != 0.0 && c.is_finite() {
                    f += c;
                }
                let total = vm.binary_op(Value::float(f), other, 0)?;
                return match total {
                    Value::Float(t, _) => sum_floats(vm, it, t),
                    _ => finish_generic_sum(vm, it, total),
                };
            }
        };
        let t = f + v;
        if f.abs() >= v.abs() {
            c += (f - t) + v;
        } else {
            c += (v - t) + f;
        }
        f = t;
    }
    if c != 0.0 && c.is_finite() {
        f += c;
    }
    Ok(Value::float(f))
}

fn finish_generic_sum(vm: &mut Vm, it: Value, mut total: Value) -> PyResult<Value> {
    while let Some(x) = vm.next(it)? {
        total = vm.binary_op(total, x, 0)?;
    }
    Ok(total)
}

fn sorted(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let key = args.take_kw("key").filter(|k| !matches!(k, Value::None));
    let reverse = args.take_kw("reverse").unwrap_or(Value::Bool(false));
    arg_count(vm, args, "sorted", 1, 1)?;
    let mut items = vm.collect_hinted(args.arg(0))?;
    let reverse = vm.truthy(reverse)?;
    vm.sort_values(&mut items, key, reverse)?;
    Ok(vm.new_list(items))
}

pub(super) fn reversed(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    arg_count(vm, args, "reversed", 1, 1)?;
    let v = args.arg(0);
    let it = match v.obj().map(|i| vm.heap.get(i)) {
        Some(Object::List(items)) | Some(Object::Tuple(items)) => Iter::Reversed { seq: v.obj().unwrap(), index: items.len() },
        Some(Object::Instance(_)) => {
            if let Some(r) = vm.call_dunder(v, "__reversed__", vec![])? {
                return Ok(r);
            }
            let mut items = vm.collect_iterable(v)?;
            items.reverse();
            Iter::Values { items, index: 0, kind: "reversed" }
        }
        Some(&Object::Range { start, stop, step }) => {
            let n = super::ops::range_len(start, stop, step);
            let last = start + (n - 1) * step;
            Iter::Range { next: if n > 0 { last } else { start }, stop: if n > 0 { start - step } else { start }, step: -step }
        }
        Some(Object::Str(_) | Object::Bytes(_) | Object::ByteArray(_)) => {
            let mut items = vm.collect_iterable(v)?;
            items.reverse();
            Iter::Values { items, index: 0, kind: "reversed" }
        }
        Some(Object::Dict(_)) => {
            let mut items = vm.collect_iterable(v)?;
            items.reverse();
            Iter::Values { items, index: 0, kind: "reversed" }
        }
        _ => {
            let t = vm.type_name(v);
            return vm.type_error(format!("'{t}' object is not reversible"));
        }
    };
    Ok(Value::Obj(vm.heap.alloc(Object::Iter(it))))
}

fn iter(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    arg_count(vm, args, "iter", 1, 1)?;
    vm.iter(args.arg(0))
}

fn next(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    arg_count(vm, args, "next", 1, 2)?;
    let it = args.arg(0);
    if let Some(Object::Generator(_)) = it.obj().map(|i| vm.heap.get(i)) {
        return match vm.send(it, Value::None)? {
            super::eval::FrameExit::Yield(v) => Ok(v),
            super::eval::FrameExit::Return(r) => match args.pos.get(1) {
                Some(d) => Ok(*d),
                None => {
                    let a = if matches!(r, Value::None) { vec![] } else { vec![r] };
                    Err(vm.exc_with_args(TypeId::StopIteration, a))
                }
            },
        };
    }
    if !matches!(it.obj().map(|i| vm.heap.get(i)), Some(Object::Iter(_) | Object::Instance(_))) {
        let t = vm.type_name(it);
        return vm.type_error(format!("'{t}' object is not an iterator"));
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => match args.pos.get(1) {
            Some(d) => Ok(*d),
            None => Err(vm.exc_with_args(TypeId::StopIteration, vec![])),
        },
    }
}

fn input(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    arg_count(vm, args, "input", 0, 1)?;
    if let Some(p) = args.pos.first() {
        let s = vm.str_of(*p)?;
        vm.write_stdout(&s);
    }
    match vm.read_line() {
        Some(line) => Ok(vm.new_string(line)),
        None => Err(vm.exc(TypeId::EOFError, "EOF when reading a line")),
    }
}

fn ord(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    arg_count(vm, args, "ord", 1, 1)?;
    match args.arg(0).obj().map(|i| vm.heap.get(i)) {
        Some(Object::Str(s)) => {
            let mut cs = s.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => Ok(Value::int(c as i64)),
                _ => {
                    let n = s.chars().count();
                    vm.type_error(format!("ord() expected a character, but string of length {n} found"))
                }
            }
        }
        Some(Object::Bytes(b)) if b.len() == 1 => Ok(Value::int(b[0] as i64)),
        Some(Object::ByteArray(b)) if b.len() == 1 => Ok(Value::int(b[0] as i64)),
        Some(Object::Bytes(b)) => {
            let n = b.len();
            vm.type_error(format!("ord() expected a character, but string of length {n} found"))
        }
        Some(Object::ByteArray(b)) => {
            let n = b.len();
            vm.type_error(format!("ord() expected a character, but string of length {n} found"))
        }
        _ => {
            let t = vm.type_name(args.arg(0));
            vm.type_error(format!("ord() expected string of length 1, but {t} found"))
        }
    }
}

pub(super) fn chr(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    arg_count(vm, args, "chr", 1, 1)?;
    // CPython reads a C int: a bigger int is OverflowError, not ValueError.
    let i = super::bytes::c_int(vm, args.arg(0))?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(super::identity::char_value(&mut vm.heap, &mut vm.identity, c)),
        None => vm.value_error("chr() arg not in range(0x110000)"),
    }
}

fn radix(vm: &mut Vm, args: &mut Args, name: &str, kind: char) -> PyResult<Value> {
    arg_count(vm, args, name, 1, 1)?;
    let v = args.arg(0);
    vm.index_of(v).or_else(|e| if vm.num(v).is_some() { Ok(0) } else { Err(e) })?;
    let spec = crate::runtime::format::FormatSpec { alternate: true, kind: Some(kind), ..Default::default() };
    let _ = spec;
    let s = vm.format(v, &format!("#{kind}"))?;
    Ok(vm.new_string(s))
}

fn hex(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    radix(vm, args, "hex", 'x')
}

fn oct(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    radix(vm, args, "oct", 'o')
}

fn bin(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    radix(vm, args, "bin", 'b')
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
pub(super) fn round(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let nd = args.take_kw("ndigits");
    arg_count(vm, args, "round", 1, 2)?;
    let v = args.arg(0);
    let nd = args.pos.get(1).copied().or(nd).filter(|n| !matches!(n, Value::None));
    match (vm.num(v), nd) {
        (Some(Num::Float(f)), None) => {
            if f.is_nan() {
                return vm.value_error("cannot convert float NaN to integer");
            }
            if f.is_infinite() {
                return Err(vm.exc(TypeId::OverflowError, "cannot convert float infinity to integer"));
            }
            let r = f.round_ties_even();
            // Past i64 (and i128: `as` saturates) the float's exact value.
            Ok(if r.abs() < 9.0e18 { Value::int(r as i64) } else { vm.new_int(float_to_bigint(r)) })
        }
        (Some(Num::Float(f)), Some(n)) => {
            let n = vm.index_of(n)?;
            if !f.is_finite() {
                return Ok(Value::float(f));
            }
            if n >= 0 {
                let s = crate::runtime::float_digits::fixed(f, n.min(330) as usize);
                Ok(Value::float(parse_f64(&s).unwrap_or(f)))
            } else {
                let p = 10f64.powi((-n) as i32);
                Ok(Value::float((f / p).round_ties_even() * p))
            }
        }
        (Some(x @ (Num::Int(_) | Num::Big(_))), Some(n)) => {
            let n = vm.index_of(n)?;
            if n >= 0 {
                return Ok(vm.num_value(x));
            }
            let x = match x {
                Num::Int(i) => BigInt::from(i),
                Num::Big(b) => b,
                Num::Float(_) => unreachable!("matched an int"),
            };
            // 10^k > 2|x| once k passes x's decimal length: everything rounds to 0.
            let k = n.unsigned_abs();
            if k > x.bits() / 3 + 2 {
                return Ok(Value::int(0));
            }
            // Round half to even, in exact integers (i64 * 10^k can overflow).
            use num_integer::Integer;
            let p = num_traits::pow(BigInt::from(10), k as usize);
            let (q, r) = x.div_mod_floor(&p);
            let twice: BigInt = &r * 2;
            let up = twice > p || (twice == p && q.is_odd());
            let q = if up { q + 1 } else { q };
            Ok(vm.new_int(q * p))
        }
        (Some(n), _) => Ok(vm.num_value(n)),
        (None, _) => {
            if let Some(r) = vm.call_dunder(v, "__round__", args.pos[1..].to_vec())? {
                return Ok(r);
            }
            let t = vm.type_name(v);
            vm.type_error(format!("type {t} doesn't define __round__ method"))
        }
    }
}

pub(super) fn divmod(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    arg_count(vm, args, "divmod", 2, 2)?;
    let (a, b) = (args.arg(0), args.arg(1));
    if matches!(vm.num(b), Some(Num::Int(0))) && matches!(vm.num(a), Some(Num::Int(_) | Num::Big(_))) {
        return Err(vm.exc(TypeId::ZeroDivisionError, "integer division or modulo by zero"));
    }
    let q = vm.binary_op(a, b, 2)?;
    let r = vm.binary_op(a, b, 6)?;
    Ok(vm.new_tuple(vec![q, r]))
}

fn pow(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    arg_count(vm, args, "pow", 2, 3)?;
    if let Some(m) = args.pos.get(2).copied().filter(|m| !matches!(m, Value::None)) {
        let (Some(b), Some(e), Some(m)) = (vm.num(args.arg(0)), vm.num(args.arg(1)), vm.num(m)) else {
            return vm.type_error("pow() 3rd argument not allowed unless all arguments are integers");
        };
        let to_big = |n: Num| match n {
            Num::Int(i) => Some(BigInt::from(i)),
            Num::Big(b) => Some(b),
            Num::Float(_) => None,
        };
        let (Some(b), Some(e), Some(m)) = (to_big(b), to_big(e), to_big(m)) else {
            return vm.type_error("pow() 3rd argument not allowed unless all arguments are integers");
        };
        if m.is_zero() {
            return vm.value_error("pow() 3rd argument cannot be 0");
        }
        if e.is_negative() {
            return vm.value_error("base is not invertible for the given modulus");
        }
        let r = b.modpow(&e, &m);
        let r = if !r.is_zero() && (r.is_negative() != m.is_negative()) { r + &m } else { r };
        return Ok(vm.new_int(r));
    }
    vm.binary_op(args.arg(0), args.arg(1), 8)
}

pub(super) fn hash(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    arg_count(vm, args, "hash", 1, 1)?;
    let v = args.arg(0);
    let k = vm.key(v)?;
    Ok(match k {
        crate::runtime::dict::HashKey::Custom(h, _) => Value::int(h),
        other => Value::int(crate::runtime::set::py_hash(&other)),
    })
}

fn id(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    use crate::runtime::value::Ident;
    arg_count(vm, args, "id", 1, 1)?;
    Ok(Value::int(match args.arg(0) {
        Value::Obj(o) => 0x7f00_0000_0000 + o.0 as i64 * 0x30,
        // Numbers made at runtime are objects of their own: their `Ident`
        // is unique across ints and floats.
        Value::Int(_, Ident(t)) | Value::Float(_, Ident(t)) if t > Ident::CONSTANT.0 => 0x7000_0000_0000 + t as i64 * 32,
        Value::Int(i, _) => 0x5000_0000 + i.wrapping_mul(32),
        Value::None => 0x4000_0000,
        Value::Bool(b) => 0x4000_1000 + b as i64 * 32,
        Value::Float(f, _) => 0x6000_0000 + (f.to_bits() >> 20) as i64,
        Value::Null => 0,
    }))
}

pub(super) fn callable(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    arg_count(vm, args, "callable", 1, 1)?;
    let v = args.arg(0);
    let r = match v.obj().map(|i| vm.heap.get(i)) {
        Some(Object::Function(_) | Object::Builtin(_) | Object::Descriptor(_) | Object::Method { .. } | Object::Class(_)) => true,
        Some(Object::Instance(i)) => {
            let c = i.class;
            vm.lookup_user_attr(c, "__call__").is_some()
        }
        _ => false,
    };
    Ok(Value::Bool(r))
}

fn attr_name(vm: &mut Vm, v: Value) -> PyResult<String> {
    match v.obj().map(|i| vm.heap.get(i)) {
        Some(Object::Str(s)) => Ok(s.to_string()),
        _ => {
            let t = vm.type_name(v);
            vm.type_error(format!("attribute name must be string, not '{t}'"))
        }
    }
}

fn getattr(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    arg_count(vm, args, "getattr", 2, 3)?;
    let name = attr_name(vm, args.arg(1))?;
    match vm.getattr(args.arg(0), &name) {
        Ok(v) => Ok(v),
        Err(e) if args.pos.len() == 3 && vm.is_subclass(vm.type_of(Value::Obj(e.0)), vm.type_obj(TypeId::AttributeError)) => {
            Ok(args.arg(2))
        }
        Err(e) => Err(e),
    }
}

fn setattr(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    arg_count(vm, args, "setattr", 3, 3)?;
    let name = attr_name(vm, args.arg(1))?;
    vm.setattr(args.arg(0), &name, args.arg(2))?;
    Ok(Value::None)
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn hasattr(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    arg_count(vm, args, "hasattr", 2, 2)?;
    let name = attr_name(vm, args.arg(1))?;
    match vm.getattr(args.arg(0), &name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if vm.is_subclass(vm.type_of(Value::Obj(e.0)), vm.type_obj(TypeId::AttributeError)) => {
            Ok(Value::Bool(false))
        }
        Err(e) => Err(e),
    }
}

fn delattr(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    arg_count(vm, args, "delattr", 2, 2)?;
    let name = attr_name(vm, args.arg(1))?;
    vm.delattr(args.arg(0), &name)?;
    Ok(Value::None)
}

fn any(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    arg_count(vm, args, "any", 1, 1)?;
    let it = vm.iter(args.arg(0))?;
    while let Some(x) = vm.next(it)? {
        if vm.truthy(x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    arg_count(vm, args, "all", 1, 1)?;
    let it = vm.iter(args.arg(0))?;
    while let Some(x) = vm.next(it)? {
        if !vm.truthy(x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn format(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    arg_count(vm, args, "format", 1, 2)?;
    let spec = match args.pos.get(1) {
        Some(s) => vm.str_of(*s)?,
        None => String::new(),
    };
    vm.format_value(args.arg(0), &spec)
}

fn exit(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let a = args.pos.first().copied().map(|v| vec![v]).unwrap_or_default();
    Err(vm.exc_with_args(TypeId::SystemExit, a))
}

fn globals(vm: &mut Vm, _args: &mut Args) -> PyResult<Value> {
    Ok(Value::Obj(vm.frames.last().map(|f| f.globals).unwrap_or(vm.globals)))
}

fn locals(vm: &mut Vm, _args: &mut Args) -> PyResult<Value> {
    let Some(f) = vm.frames.last() else { return Ok(Value::None) };
    if let Some(ns) = f.names {
        return Ok(Value::Obj(ns));
    }
    let pairs: Vec<(Rc<str>, Value)> = f
        .code
        .localsplusnames
        .iter()
        .cloned()
        .zip(f.locals.iter().copied())
        .filter(|(_, v)| !v.is_null())
        .collect();
    let d = vm.new_dict();
    for (k, v) in pairs {
        let v = match v.obj().map(|i| vm.heap.get(i)) {
            Some(Object::Cell(c)) => *c,
            _ => v,
        };
        if !v.is_null() {
            vm.set_item_str(d, &k, v);
        }
    }
    Ok(Value::Obj(d))
}

fn vars(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    match args.pos.first() {
        None => locals(vm, args),
        Some(v) => vm.getattr(*v, "__dict__"),
    }
}

fn build_class(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.build_class(args)
}

/// Calls of builtin classes: `int("3")`, `list(range(3))`, `type(x)`...
#[cfg_attr(target_arch = "wasm32", track_caller)]
pub(super) fn construct(vm: &mut Vm, t: TypeId, mut args: Args) -> PyResult<Value> {
    let args = &mut args;
    let name = t.name();
    match t {
        TypeId::Int => {
            let base = args.take_kw("base");
            no_keywords(vm, args, name)?;
            arg_count(vm, args, name, 0, 2)?;
            let base = args.pos.get(1).copied().or(base);
            match (args.pos.first(), base) {
                (None, _) => Ok(Value::int(0)),
                (Some(&v), None) => vm.int_of(v),
                (Some(&v), base) => vm.to_int(v, base),
            }
        }
        TypeId::Float => {
            no_keywords(vm, args, name)?;
            arg_count(vm, args, name, 0, 1)?;
            match args.pos.first() {
                None => Ok(Value::float(0.0)),
                Some(&v @ Value::Float(..)) => Ok(v),
                Some(&v) => vm.to_float(v),
            }
        }
        TypeId::Str if args.pos.len() > 1 || !args.kw.is_empty() => super::bytes::str_from_bytes(vm, args),
        TypeId::Str => {
            arg_count(vm, args, name, 0, 1)?;
            match args.pos.first() {
                None => Ok(vm.new_str("")),
                Some(&v) => vm.str_value(v),
            }
        }
        TypeId::Bytes | TypeId::ByteArray => super::bytes::construct(vm, t, std::mem::take(args)),
        TypeId::Complex => super::complex::construct(vm, std::mem::take(args)),
        TypeId::Bool => {
            arg_count(vm, args, name, 0, 1)?;
            match args.pos.first() {
                None => Ok(Value::Bool(false)),
                Some(&v) => Ok(Value::Bool(vm.truthy(v)?)),
            }
        }
        TypeId::List | TypeId::Tuple => {
            no_keywords(vm, args, name)?;
            arg_count(vm, args, name, 0, 1)?;
            // tuple(t) of a tuple is t itself: it is immutable, so CPython shares it.
            if let (TypeId::Tuple, Some(&v)) = (t, args.pos.first()) {
                if matches!(v.obj().map(|id| vm.heap.get(id)), Some(Object::Tuple(_))) {
                    return Ok(v);
                }
            }
            let items = match args.pos.first() {
                None => Vec::new(),
                Some(&v) => vm.collect_hinted(v)?,
            };
            Ok(if t == TypeId::List { vm.new_list(items) } else { vm.new_tuple(items) })
        }
        TypeId::Set | TypeId::FrozenSet => {
            no_keywords(vm, args, name)?;
            arg_count(vm, args, name, 0, 1)?;
            let items = match args.pos.first() {
                None => Vec::new(),
                Some(&v) => vm.collect_iterable(v)?,
            };
            vm.new_set(items, t == TypeId::FrozenSet)
        }
        TypeId::DefaultDict => {
            let factory = if args.pos.is_empty() { Value::None } else { args.pos.remove(0) };
            let d = construct(vm, TypeId::Dict, std::mem::take(args))?;
            if let Some(Object::Dict(dict)) = d.obj().map(|i| vm.heap.get_mut(i)) {
                dict.flavor = crate::runtime::dict::Flavor::Default(factory);
            }
            Ok(d)
        }
        TypeId::Deque => {
            let maxlen = args.pos.get(1).copied().or(args.take_kw("maxlen"));
            let maxlen = match maxlen {
                Some(Value::None) | None => None,
                Some(v) => {
                    let m = vm.index_of(v)?;
                    if m < 0 {
                        return vm.value_error("maxlen must be non-negative");
                    }
                    Some(m as usize)
                }
            };
            let mut items = std::collections::VecDeque::new();
            if let Some(&src) = args.pos.first() {
                for v in vm.collect_iterable(src)? {
                    items.push_back(v);
                    if maxlen.is_some_and(|m| items.len() > m) {
                        items.pop_front();
                    }
                }
            }
            Ok(Value::Obj(vm.heap.alloc(Object::Deque { items, maxlen })))
        }
        TypeId::Counter => {
            let d = vm.new_dict();
            if let Object::Dict(dict) = vm.heap.get_mut(d) {
                dict.flavor = crate::runtime::dict::Flavor::Counter;
            }
            let mut update = Args { pos: vec![Value::Obj(d)], kw: std::mem::take(&mut args.kw) };
            update.pos.extend(args.pos.drain(..));
            super::methods::counter_update(vm, &mut update)?;
            Ok(Value::Obj(d))
        }
        TypeId::Dict => {
            arg_count(vm, args, name, 0, 1)?;
            let d = vm.new_dict();
            if let Some(&v) = args.pos.first() {
                vm.dict_update(Value::Obj(d), v, false)?;
            }
            for (k, v) in std::mem::take(&mut args.kw) {
                let k = vm.new_str(&k);
                vm.dict_set(d, k, v)?;
            }
            Ok(Value::Obj(d))
        }
        TypeId::Range => {
            no_keywords(vm, args, name)?;
            if args.pos.is_empty() {
                return vm.type_error("range expected at least 1 argument, got 0");
            }
            arg_count(vm, args, name, 1, 3)?;
            let mut n = Vec::new();
            for v in args.pos.clone() {
                n.push(vm.index_of(v)?);
            }
            let (start, stop, step) = match n.len() {
                1 => (0, n[0], 1),
                2 => (n[0], n[1], 1),
                _ => (n[0], n[1], n[2]),
            };
            if step == 0 {
                return vm.value_error("range() arg 3 must not be zero");
            }
            Ok(Value::Obj(vm.heap.alloc(Object::Range { start, stop, step })))
        }
        TypeId::Slice => {
            arg_count(vm, args, name, 1, 3)?;
            let p = &args.pos;
            let (a, b, c) = match p.len() {
                1 => (Value::None, p[0], Value::None),
                2 => (p[0], p[1], Value::None),
                _ => (p[0], p[1], p[2]),
            };
            Ok(vm.new_slice(a, b, c))
        }
        TypeId::Object => {
            arg_count(vm, args, name, 0, 0).or_else(|_| vm.type_error("object() takes no arguments"))?;
            let class = vm.type_obj(TypeId::Object);
            Ok(Value::Obj(vm.heap.alloc(Object::Instance(Box::new(Instance {
                class,
                attrs: Default::default(),
                base: Value::Null,
                dict: None,
                exc: None,
            })))))
        }
        TypeId::Type => match args.pos.len() {
            1 => Ok(Value::Obj(vm.type_of(args.arg(0)))),
            3 => {
                let name = vm.str_of(args.arg(0))?;
                let mut bases = Vec::new();
                for b in vm.collect_iterable(args.arg(1))? {
                    bases.extend(b.obj());
                }
                let Some(ns) = args.arg(2).obj() else { return vm.type_error("type.__new__() argument 3 must be dict") };
                let c = vm.make_class(&name, bases, ns)?;
                Ok(Value::Obj(c))
            }
            _ => vm.type_error("type() takes 1 or 3 arguments"),
        },
        TypeId::Super => match args.pos.len() {
            0 => vm.zero_arg_super(),
            _ => {
                let recv = args.pos.get(1).copied().unwrap_or(Value::None);
                vm.make_super(args.arg(0), recv)
            }
        },
        TypeId::Property => {
            let fget = args.pos.first().copied().or(args.take_kw("fget")).unwrap_or(Value::None);
            let fset = args.pos.get(1).copied().or(args.take_kw("fset")).unwrap_or(Value::None);
            let fdel = args.pos.get(2).copied().or(args.take_kw("fdel")).unwrap_or(Value::None);
            Ok(Value::Obj(vm.heap.alloc(Object::Property { fget, fset, fdel })))
        }
        TypeId::StaticMethod | TypeId::ClassMethod => {
            arg_count(vm, args, name, 1, 1)?;
            let f = args.arg(0);
            let o = if t == TypeId::StaticMethod { Object::StaticMethod(f) } else { Object::ClassMethod(f) };
            Ok(Value::Obj(vm.heap.alloc(o)))
        }
        TypeId::Enumerate => {
            let start = args.take_kw("start");
            let start = args.pos.get(1).copied().or(start).unwrap_or(Value::int(0));
            if args.pos.is_empty() {
                return vm.type_error("enumerate() missing required argument 'iterable'");
            }
            let it = vm.iter(args.arg(0))?;
            let count = vm.index_of(start)?;
            Ok(Value::Obj(vm.heap.alloc(Object::Iter(Iter::Enumerate { it, count }))))
        }
        TypeId::Zip => {
            args.take_kw("strict");
            let mut its = Vec::new();
            for v in args.pos.clone() {
                its.push(vm.iter(v)?);
            }
            Ok(Value::Obj(vm.heap.alloc(Object::Iter(Iter::Zip { its }))))
        }
        TypeId::Map => {
            if args.pos.len() < 2 {
                return vm.type_error("map() must have at least two arguments.");
            }
            let func = args.arg(0);
            let mut its = Vec::new();
            for v in args.pos[1..].to_vec() {
                its.push(vm.iter(v)?);
            }
            Ok(Value::Obj(vm.heap.alloc(Object::Iter(Iter::Map { func, its }))))
        }
        TypeId::Reversed => {
            no_keywords(vm, args, name)?;
            reversed(vm, args)
        }
        TypeId::Filter => {
            arg_count(vm, args, name, 2, 2)?;
            let it = vm.iter(args.arg(1))?;
            Ok(Value::Obj(vm.heap.alloc(Object::Iter(Iter::Filter { func: args.arg(0), it }))))
        }
        _ => vm.type_error(format!("cannot create '{name}' instances")),
    }
}

impl Vm {
    /// `int(v)` of one argument.
    pub(super) fn int_of(&mut self, v: Value) -> PyResult<Value> {
        // int(n) of an int is n itself, as CPython returns the same object.
        if matches!(v, Value::Int(..)) || self.exact_int_object(v) {
            return Ok(v);
        }
        self.to_int(v, None)
    }

    /// `int(v)` / `int(s, base)`.
    pub(super) fn to_int(&mut self, v: Value, base: Option<Value>) -> PyResult<Value> {
        if let Some(n) = self.number_from_bytes(v, base, false)? {
            return Ok(n);
        }
        if let Some(Object::Str(s)) = v.obj().map(|i| self.heap.get(i)) {
            if base.is_none() {
                if let Some(n) = crate::runtime::int::parse_decimal_word(s) {
                    return Ok(Value::int(n));
                }
            }
            let s = s.clone();
            let base = match base {
                // An int too big for an index is just another invalid base.
                Some(b) => match self.index_of(b) {
                    Ok(n) => n,
                    Err(_) if self.type_name(b) == "int" => -1,
                    Err(e) => return Err(e),
                },
                None => 10,
            };
            if base != 0 && !(2..=36).contains(&base) {
                return self.value_error("int() base must be >= 2 and <= 36, or 0");
            }
            let base = base as u32;
            return match parse_int(&s, base) {
                Some(n) => {
                    self.check_str_digits(&s, base)?;
                    Ok(self.new_int(n))
                }
                None => {
                    // CPython shows at most 200 characters of the repr (`%.200R`).
                    let r: String = crate::runtime::format::str_repr(&s).chars().take(200).collect();
                    self.value_error(format!("invalid literal for int() with base {base}: {r}"))
                }
            };
        }
        if base.is_some() {
            return self.type_error("int() can't convert non-string with explicit base");
        }
        match self.num(v) {
            Some(Num::Float(f)) => {
                if f.is_nan() {
                    return self.value_error("cannot convert float NaN to integer");
                }
                if f.is_infinite() {
                    return Err(self.exc(TypeId::OverflowError, "cannot convert float infinity to integer"));
                }
                let t = f.trunc();
                if t.abs() < 9.0e18 {
                    Ok(Value::int(t as i64))
                } else {
                    Ok(self.new_int(float_to_bigint(t)))
                }
            }
            Some(n) => Ok(self.num_value(n)),
            None => {
                for d in ["__int__", "__index__"] {
                    if let Some(r) = self.call_dunder(v, d, vec![])? {
                        return Ok(r);
                    }
                }
                let t = self.type_name(v);
                self.type_error(format!(
                    "int() argument must be a string, a bytes-like object or a real number, not '{t}'"
                ))
            }
        }
    }

    /// `float(v)`.
    pub(super) fn to_float(&mut self, v: Value) -> PyResult<Value> {
        if let Some(f) = self.number_from_bytes(v, None, true)? {
            return Ok(f);
        }
        if let Some(Object::Str(s)) = v.obj().map(|i| self.heap.get(i)) {
            let s = s.clone();
            return match parse_float(&s) {
                Some(f) => Ok(Value::float(f)),
                None => {
                    let r = crate::runtime::format::str_repr(&s);
                    self.value_error(format!("could not convert string to float: {r}"))
                }
            };
        }
        match self.num(v) {
            Some(n) => Ok(Value::float(self.to_f64(&n)?)),
            None => {
                if let Some(r) = self.call_dunder(v, "__float__", vec![])? {
                    return Ok(r);
                }
                let t = self.type_name(v);
                self.type_error(format!("float() argument must be a string or a real number, not '{t}'"))
            }
        }
    }

    /// `super()` inside a method: the `__class__` cell and the first argument.
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn zero_arg_super(&mut self) -> PyResult<Value> {
        let Some(f) = self.frames.last() else { return self.type_error("super(): no arguments") };
        let code = f.code.clone();
        let class_slot = code.localsplusnames.iter().position(|n| &**n == "__class__");
        let class = class_slot
            .map(|i| f.locals[i])
            .and_then(|c| match c.obj().map(|id| self.heap.get(id)) {
                Some(Object::Cell(v)) => Some(*v),
                _ => None,
            });
        let Some(class) = class.filter(|c| !c.is_null()) else {
            return Err(self.exc(TypeId::RuntimeError, "super(): __class__ cell not found"));
        };
        if code.argcount == 0 {
            return Err(self.exc(TypeId::RuntimeError, "super(): no arguments"));
        }
        let mut first = f.locals[0];
        if let Some(Object::Cell(v)) = first.obj().map(|id| self.heap.get(id)) {
            first = *v;
        }
        self.make_super(class, first)
    }

    /// Sorts by Python `<` (stable, like list.sort), with an optional key.
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    pub(super) fn sort_values(&mut self, items: &mut Vec<Value>, key: Option<Value>, reverse: bool) -> PyResult<()> {
        let mut keyed: Vec<(Value, Value)> = Vec::with_capacity(items.len());
        for &v in items.iter() {
            let k = match key {
                Some(f) => match self.call_plain_function1(f, v) {
                    Some(k) => k?,
                    None => self.call1(f, v)?,
                },
                None => v,
            };
            keyed.push((k, v));
        }
        if reverse {
            keyed.reverse();
        }
        if super::ops::natively_sortable(&self.heap, &keyed) {
            // No Python code runs and nothing can fail: any stable sort gives CPython's order.
            // (The crate's one shared sort keeps std's per-type sorts out of the wasm.)
            let heap = &self.heap;
            let by: Vec<&[Value]> = keyed.iter().map(|(k, _)| super::ops::native_key_items(heap, k)).collect();
            let order = crate::sort::sorted_order(by.len(), &mut |a, b| super::ops::native_items_order(heap, by[a], by[b]));
            *items = order.into_iter().map(|i| keyed[i].1).collect();
        } else {
            let sorted = if keyed.len() < 64 { self.run_and_binary_sort(keyed)? } else { self.merge_sort(keyed)? };
            *items = sorted.into_iter().map(|(_, v)| v).collect();
        }
        if reverse {
            items.reverse();
        }
        Ok(())
    }

    /// `key_a < key_b` as list.sort asks it.
    fn sort_lt(&mut self, a: Value, b: Value) -> PyResult<bool> {
        let r = self.compare(a, b, 0)?;
        self.truthy(r)
    }

    /// CPython's sort of a short list (under 64 items): the leading run
    /// (reversed if strictly descending), then binary insertion of the rest,
    /// so user `__lt__` methods are called in the same order.
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn run_and_binary_sort(&mut self, mut v: Vec<(Value, Value)>) -> PyResult<Vec<(Value, Value)>> {
        let n = v.len();
        if n < 2 {
            return Ok(v);
        }
        let mut run = 2;
        if self.sort_lt(v[1].0, v[0].0)? {
            while run < n && self.sort_lt(v[run].0, v[run - 1].0)? {
                run += 1;
            }
            v[..run].reverse();
        } else {
            while run < n && !self.sort_lt(v[run].0, v[run - 1].0)? {
                run += 1;
            }
        }
        for start in run..n {
            let pivot = v[start];
            let (mut l, mut r) = (0, start);
            while l < r {
                let p = l + ((r - l) >> 1);
                if self.sort_lt(pivot.0, v[p].0)? {
                    r = p;
                } else {
                    l = p + 1;
                }
            }
            v.remove(start);
            v.insert(l, pivot);
        }
        Ok(v)
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn merge_sort(&mut self, v: Vec<(Value, Value)>) -> PyResult<Vec<(Value, Value)>> {
        if v.len() <= 1 {
            return Ok(v);
        }
        // Insertion sort for short runs keeps the comparison count low.
        if v.len() <= 8 {
            let mut out: Vec<(Value, Value)> = Vec::with_capacity(v.len());
            for x in v {
                let mut i = out.len();
                while i > 0 {
                    let lt = self.compare(x.0, out[i - 1].0, 0)?;
                    if !self.truthy(lt)? {
                        break;
                    }
                    i -= 1;
                }
                out.insert(i, x);
            }
            return Ok(out);
        }
        let mut left = v;
        let right = left.split_off(left.len() / 2);
        let left = self.merge_sort(left)?;
        let right = self.merge_sort(right)?;
        let mut out = Vec::with_capacity(left.len() + right.len());
        let (mut i, mut j) = (0, 0);
        while i < left.len() && j < right.len() {
            let lt = self.compare(right[j].0, left[i].0, 0)?;
            if self.truthy(lt)? {
                out.push(right[j]);
                j += 1;
            } else {
                out.push(left[i]);
                i += 1;
            }
        }
        out.extend_from_slice(&left[i..]);
        out.extend_from_slice(&right[j..]);
        Ok(out)
    }
}

/// The exact value of a finite float's integer part.
pub(super) fn float_to_bigint(f: f64) -> BigInt {
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = if (bits >> 52) & 0x7ff == 0 { (bits & ((1 << 52) - 1)) << 1 } else { (bits & ((1 << 52) - 1)) | (1 << 52) };
    let m = BigInt::from(mant);
    let r = if exp >= 0 { m << exp as usize } else { m >> (-exp) as usize };
    if f < 0.0 { -r } else { r }
}

/// `int(s, base)` parsing: whitespace, sign, underscores between digits, prefixes;
/// any Unicode decimal digit counts (`unicode_digits`).
#[cfg_attr(target_arch = "wasm32", track_caller)]
pub(super) fn parse_int(s: &str, base: u32) -> Option<BigInt> {
    let s = crate::runtime::unicode_digits::to_ascii(s);
    let t = s.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let lower = t.to_ascii_lowercase();
    let (base, digits) = match (base, lower.get(..2)) {
        (0 | 16, Some("0x")) => (16, substr(&t, 2..)),
        (0 | 8, Some("0o")) => (8, substr(&t, 2..)),
        (0 | 2, Some("0b")) => (2, substr(&t, 2..)),
        (0, _) => (10, t),
        (b, _) => (b, t),
    };
    let digits = digits.strip_prefix('_').filter(|_| base != 10 || digits.len() != t.len()).unwrap_or(digits);
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || crate::text::contains(&digits, "__") {
        return None;
    }
    let clean: String = digits.chars().filter(|c| *c != '_').collect();
    // num-bigint would take a second sign ("--1").
    if !clean.bytes().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let n = BigInt::parse_bytes(clean.as_bytes(), base)?;
    Some(if neg { -n } else { n })
}

pub(super) fn parse_float(s: &str) -> Option<f64> {
    let s = crate::runtime::unicode_digits::to_ascii(s);
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    let neg = lower.starts_with('-');
    match unsigned {
        "inf" | "infinity" => return Some(if neg { f64::NEG_INFINITY } else { f64::INFINITY }),
        "nan" => return Some(f64::NAN),
        _ => {}
    }
    if crate::text::contains(&t, "__") || t.starts_with('_') || t.ends_with('_') || crate::text::contains(&lower, "inf") || crate::text::contains(&lower, "nan") {
        return None;
    }
    let clean: String = t.chars().filter(|c| *c != '_').collect();
    parse_f64(&clean)
}

impl Vm {
    /// Whether `v` is a big int object of the int type itself (not a subclass instance).
    fn exact_int_object(&self, v: Value) -> bool {
        matches!(v.obj().map(|id| self.heap.get(id)), Some(Object::Int(_)))
    }
}
